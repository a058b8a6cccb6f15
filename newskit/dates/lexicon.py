"""The words of dates and the shared sub-patterns built from them.

The tables come from the shared lexicon (:mod:`newskit.lexicon`: calendar names, cardinal and
ordinal number words, time units with their TIMEX3 codes) and from ``resources/dates/words.json``
(number phrases such as "a dozen", holidays, reference words, past-tense cues). The sub-patterns (``MONTH_ANY``, ``WEEKDAY``, ``NUMBER`` …) are pieces of the
rules' patterns, written for ``re.IGNORECASE | re.VERBOSE``; each says in its name what it
matches. The anchor groups at the end name the word sets that rules declare as anchors
("@months", "@units" …, see ``engine.rule``).

Example:
    >>> import re
    >>> bool(re.fullmatch(MONTH_ANY, "Sept.", re.I)), bool(re.fullmatch(MONTH_ANY, "may", re.I))
    (True, False)
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from newskit import lexicon
from newskit.numbers import word_trie
from newskit.wordlists import read_json

# --------------------------------------------------------------------------- word tables

WORDS: dict = read_json("dates/words.json")


def _load_units() -> dict[str, str]:
    """Unit word → TIMEX3 code ("days" → "D", "decade" → "10Y", "yrs" → "Y").

    The one table the rules read units from: ``UNIT``, ``UNITS``, the "@units" anchors and the
    needs built from it, and the duration arithmetic in ``values``. It is the shared time-unit
    table (``resources/shared/time_units.json``), which the quantities read too.
    """
    return {word: row["timex"] for word, row in lexicon.TIME_UNIT_WORDS.items()}


MONTHS: dict[str, int] = lexicon.MONTHS
WEEKDAYS: dict[str, int] = lexicon.WEEKDAYS
#: number words: the shared cardinals from one ("seven", "forty") and the dates' own phrases ("a
#: dozen"); no zero words: "zero-hours contracts" is not a duration
NUMBER_WORDS: dict[str, int] = {**{w: v for w, v in lexicon.CARDINALS.items() if v > 0}, **WORDS["number_phrases"]}
ORDINALS: dict[str, int] = lexicon.ORDINALS
UNITS: dict[str, str] = _load_units()
SEASONS: dict[str, str] = WORDS["seasons"]
PARTS_OF_DAY: dict[str, str] = WORDS["parts_of_day"]
SET_ADVERBS: dict[str, str] = WORDS["set_adverbs"]
DECADE_WORDS: dict[str, int] = WORDS["decade_words"]  # "sixties" → 6
PRESENT_REF_WORDS: list[str] = WORDS["present_ref"]
FIXED_HOLIDAYS: dict[str, str] = WORDS["fixed_holidays"]  # "christmas" → "12-25"
MOVING_HOLIDAYS: dict[str, str] = WORDS["moving_holidays"]  # "labor day" → "09-1-1" (month-weekday-nth)
EASTER_HOLIDAYS: dict[str, int] = WORDS["easter_holidays"]  # "good friday" → -2 (days from Easter)
HOLIDAYS: list[str] = list(FIXED_HOLIDAYS) + list(MOVING_HOLIDAYS) + list(EASTER_HOLIDAYS)
HOLIDAY_NAMES = set(HOLIDAYS)
VAGUE = set(WORDS["vague_numbers"])
QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def lower(s: Optional[str]) -> str:
    """S in lower case with its runs of white space made one space ("" for None): a table key."""
    return SPACES.sub(" ", s.lower()) if s else ""


def part_code(word: Optional[str]) -> str:
    """The TIMEX3 code of a part of the day ("evening" → "EV"), or ""."""
    return PARTS_OF_DAY.get(word.lower(), "") if word else ""


# --------------------------------------------------------------------------- pattern helpers

def alt(words, flags: str = "") -> str:
    """A regex alternation of WORDS, longest first, spaces matching any whitespace.

    Single words are factored as a trie (fast to scan); phrases come first so that the longest
    reading wins.

    Example:
        >>> print(alt(["new year", "year", "yr"]))
        (?:new\\s+year|(?:y(?:ear|r)))
    """
    words = set(words)
    simple = sorted(w for w in words if w.isalpha())
    parts = sorted((w for w in words if not w.isalpha()), key=len, reverse=True)
    alts = [re.escape(w).replace(r"\ ", r"\s+").replace("\\-", "[-\\s]?") for w in parts]
    if simple:
        alts.append(word_trie(simple, ignore_case=False))  # the patterns carry re.I
    body = "|".join(alts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_WORD = re.compile(r"[a-z]+")


def first_words(phrases) -> list[str]:
    """The first word of each phrase ("twenty-first" → "twenty"): every match of it starts so."""
    return sorted({_WORD.findall(p)[0] for p in phrases})


def last_words(phrases) -> list[str]:
    """The last word of each phrase ("twenty-first" → "first"): a word every match of it contains."""
    return sorted({_WORD.findall(p)[-1] for p in phrases})


# --------------------------------------------------------------------------- shared sub-patterns

# months: full names in any case, except the ambiguous "May"/"March", which must be capitalised
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("june", "july")]
MONTH_FULL = "(?:" + alt([m for m in _FULL_MONTHS if m not in ("march", "may")]) + r"|(?-i:May|MAY|March|MARCH))"
# abbreviations ("Oct.", "Sept") only where a day or a year follows (see the rules)
MONTH_ABBR = "(?:" + alt([m for m in MONTHS if m not in _FULL_MONTHS and m not in ("mar", "may")]) + r"|(?-i:Mar|MAR))\.?"
MONTH_ANY = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
MONTH_WORD = alt(MONTHS)  # any month name in lower case: where MONTH_ANY may match, in the folded text
WEEKDAY = alt([d for d in WEEKDAYS if len(d) > 5])  # full names only: "Sun", "Sat" are words too
WEEKDAY_ABBR = r"(?:(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))\.?"
UNIT = alt(UNITS)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORD = (rf"(?:{alt(_TENS)}[-\s]{alt(_ONES)}|{alt(NUMBER_WORDS)})")  # "twenty-one", "a dozen"
NUMBER_DIGITS = r"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d)"  # "3", "2.5", "2 1/2", "1/2"
VAGUE_NUMBER = alt(VAGUE)  # "several", "a few"
NUMBER = rf"(?:{NUMBER_DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{alt(ORDINALS)})"
SEASON = alt(SEASONS)
PART_OF_DAY = alt(PARTS_OF_DAY)
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
# a day of the month: "26", "26th" (not "26:30", "26.5", "26,000", "26%"), or "twenty-sixth"
DAY_NUMBER = r"(?:[0-3]?\d(?:st|nd|rd|th)?(?!\d|:\d|\.\d|,\d{3}|%))"
DAY_WORD = alt(ORDINALS)
WEEKDAY_PREFIX = rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+)?)?"  # "Tuesday, ", "Tues. the "
# how weekday and month names begin, in lower case: "mon" (Monday, Mon.), "sep" (September, Sept.)
WEEKDAY_START = "|".join(sorted({d[:3] for d in WEEKDAYS}))
MONTH_START = "|".join(sorted({m[:3] for m in MONTHS}))
HOLIDAY = alt(HOLIDAYS)  # "Christmas Eve", "Labor Day", "Good Friday"


# --------------------------------------------------------------------------- anchor groups

# The word sets a rule can name as its anchors ("@months" …, see ``engine.rule``); any other
# anchor is a word itself, or "#" (a number), "#4" (a number of four digits), "#s" ("'90s").
ANCHOR_GROUPS: dict[str, list[str]] = {
    "@months": list(MONTHS), "@weekdays": list(WEEKDAYS) + [d + "s" for d in WEEKDAYS if len(d) > 5],
    "@units": [w for u in UNITS for w in u.split()], "@seasons": list(SEASONS), "@parts": list(PARTS_OF_DAY),
    "@adverbs": list(SET_ADVERBS), "@decades": list(DECADE_WORDS),
    # distinctive words of holiday names ("christmas", "thanksgiving"), not "day", "new", "eve"
    "@holidays": [w for h in HOLIDAYS for w in _WORD.findall(h)
                  if w not in {"day", "new", "year", "s", "st", "eve", "may", "good", "king", "sunday", "monday", "friday"}],
    "@ordinals": [w for o in ORDINALS for w in o.split("-")], "@reldays": ["today", "tonight", "yesterday", "tomorrow", "tmrw"],
}
