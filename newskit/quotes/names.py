"""Names in a text that help resolve speakers: genders from courtesy titles, the full name of a
surname, and the last person of a gender named before an offset.

Example:
    >>> text = "Mr. Bo Diaz met Ann Cole. Diaz left."
    >>> gender_hints(text), name_hints(text)["diaz"], person_before(text, 30, "f")
    ({'diaz': 'm'}, 'Bo Diaz', 'Ann Cole')
"""
from __future__ import annotations

import functools
import re

from newskit.quotes.lexicon import (
    CLAUSE_BOUNDARY, DAYS, NOT_SOURCE_END, TAIL_PREPOSITIONS, TIME_WORDS, speaker_lexicon,
)

# "Mr. Bo Diaz": group 1 is the title, group 2 the name. The two patterns below start with a
# letter and test the word boundary just after it ("(?<!\wM)" is "\bM"), so that a search can
# jump from one capital letter to the next instead of trying every offset.
COURTESY_NAME = re.compile(
    r"""( M (?<!\wM) (?: r | rs | s | iss ) ) \.? \s+
        ( (?: [A-Z][\w’'\-]+ \s+ ){0,3} [A-Z][\w’'\-]+ )""",
    re.VERBOSE)
# Two to four capitalised words ("Bo Diaz", "George W. Bush").
FULL_NAME = re.compile(
    r"""[A-Z] (?<!\w[A-Z]) [a-z][\w’'\-]*
        (?: \s+ (?: [A-Z]\. | [A-Z][a-z][\w’'\-]* ) ){1,3} \b""",
    re.VERBOSE)
# Capitalised at the start of a sentence, but not part of a name ("But Smith said").
COMMON_CAPITALISED = (CLAUSE_BOUNDARY | TAIL_PREPOSITIONS | DAYS | TIME_WORDS | NOT_SOURCE_END
                      | frozenset("a an the but and so as asked said says then now yet".split()))
_LOOK_BACK = 600  # characters searched for a person named before a pronoun


def _gender_of(title: str) -> str:
    return "m" if title == "Mr" else "f"


def gender_hints(text: str) -> dict:
    """Surname -> gender from courtesy titles anywhere in the text ("Mr. Bo Diaz"); None for
    a surname seen with both."""
    hints = {}
    for m in COURTESY_NAME.finditer(text):
        g = _gender_of(m.group(1))
        surname = m.group(2).split()[-1].lower()
        hints[surname] = g if hints.get(surname, g) == g else None
    return hints


@functools.lru_cache(maxsize=1)
def _not_name_starts() -> frozenset:
    """Words that open a capitalised run but not a name: titles, courtesy titles and common
    words capitalised at a sentence start (lower case)."""
    lex = speaker_lexicon()
    return lex.title_set | frozenset(lex.courtesy) | COMMON_CAPITALISED


def name_hints(text: str) -> dict:
    """Surname -> the most frequent full name ending with it ("Diaz" -> "Bo Diaz")."""
    titles = speaker_lexicon().title_set
    not_start = _not_name_starts()
    counts: dict = {}  # surname -> {full name: count}, names in order of first occurrence
    for m in FULL_NAME.finditer(text):
        words = m.group().split()
        lows = [w.lower() for w in words]
        k = 0
        while k < len(lows) and lows[k] in not_start:
            k += 1
        if len(words) - k < 2 or not titles.isdisjoint(lows[k:]):
            continue
        names = counts.setdefault(lows[-1], {})
        full = " ".join(words[k:])
        names[full] = names.get(full, 0) + 1
    # on a tie, the name seen first (as Counter.most_common(1))
    return {k: max(names, key=names.__getitem__) for k, names in counts.items()}


def person_before(text: str, pos: int, gender: str) -> str | None:
    """The last person of that gender named in the 600 characters before ``pos`` (a courtesy
    title or a known first name tells the gender), or None."""
    first_names = speaker_lexicon().first_names
    lo = max(0, pos - _LOOK_BACK)
    found = None
    for m in COURTESY_NAME.finditer(text, lo, pos):
        if _gender_of(m.group(1)) == gender:
            found = (m.start(), m.group())
    for m in FULL_NAME.finditer(text, lo, pos):
        words = m.group().split()
        while words and words[0].lower() in COMMON_CAPITALISED:
            words = words[1:]
        if len(words) >= 2 and first_names.get(words[0].lower()) == gender and (
                found is None or m.start() > found[0]):
            found = (m.start(), " ".join(words))
    return found[1] if found else None
