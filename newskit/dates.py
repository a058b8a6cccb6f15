"""Dates and times in news text, resolved against the publication date (TimeML TIMEX3 values).

``find_dates`` recognises temporal expressions with named regular expressions (one per rule,
built from the word lists in ``resources/dates/``) and resolves each to a TIMEX3
``value`` string, following the rule-based approach of HeidelTime: explicit dates are read
as written, relative ones ("last week", "on Friday", "two weeks ago") are computed from the
reference date (the publication date), and the past/future choice for an underspecified
expression ("Friday", "Oct. 26") follows the tense of the clause, else the news convention
(the most recent past). Without a reference nothing is invented: the unknown parts stay
``X`` ("XXXX-10-26", "XXXX-WXX-5"). Calendar arithmetic uses ``dateutil.relativedelta``.

How it works: the text is scanned for anchor words (month and weekday names, unit words,
digits …); each rule runs only on windows around its own anchors, and not in those that lack a
word it needs; the scans run on a lower-cased copy of the text with case-sensitive patterns,
which find the very matches of the IGNORECASE rules about twice as fast (see ``fold_case``,
``Rule``). Overlapping matches are resolved longest first (a rule may decline a match, e.g.
"May" the modal verb, and then the shorter matches inside it compete); the survivors are
resolved in text order, so that a mention can use the context before it ("the year-ago
quarter" after "the third quarter", "the following year" after "1995", "at 10 p.m." after
"Friday"); a first resolution that used no such context is final, and kept (see ``_Probe``).

Conventions (TimeML, as in the TempEval-3 news data), with reference 2017-11-04:

* "Friday" → the most recent Friday (2017-11-03) unless the clause is future ("will meet
  Friday" → 2017-11-10); "last/next Friday" → the one before/after the reference.
* "Oct. 26", "January" without a year → the reading near the reference when one is near and
  the other far ("payable Dec. 15" in late October), else by tense, else the past one.
* "last week" → ISO week (2017-W43); "next month" → 2017-12; "this year" → 2017;
  "the third quarter" → 2017-Q3; "the 1990s" → 199X; "the 19th century" → 18.
* "two weeks ago" → 2017-10-21 (days and weeks to the day; months to the month, years to the
  year: "five years ago" → 2012); "will be redeemed in five years" → 2022.
* "three days" → P3D; "several months" → PXM; "the past three months" → P3M with
  ``resolved``/``resolved_end`` set to the span it covers (2017-08-04 … 2017-11-04).
* "now", "currently" → PRESENT_REF; "recently", "recent years" → PAST_REF; "the near
  future" → FUTURE_REF; "every week" → SET P1W; "daily" → SET P1D.
* "Friday evening" → TIME 2017-11-03TEV (MO, AF, EV, NI for the parts of the day).
* Ages ("a 5-year-old boy"), money ("$1990"), percentages and phone numbers are not dates.

Example:
    >>> import datetime as dt
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value) for d in find_dates("He spoke on Friday.", reference=dt.date(2017, 11, 4))]
    [('Friday', '2017-11-03')]

References:
    Strötgen & Gertz (2013), "Multilingual and cross-domain temporal tagging", Language
    Resources and Evaluation 47(2) (HeidelTime). TimeML TIMEX3 guidelines v1.2.1 (Pustejovsky
    et al.). UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3".
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newskit.article import as_text_and_reference
from newskit.errors import InputError
from newskit.numbers import word_trie
from newskit.wordlists import fold_case, read_json

__all__ = ["DateMention", "find_dates", "parse_reference", "value_range"]


@dataclass(frozen=True)
class DateMention:
    """A temporal expression found in a text.

    Attributes:
        start, end, text: the span, with ``source[start:end] == text``.
        type: the TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: the TIMEX3 value (``"2017-11-03"``, ``"2017-W43"``, ``"P3D"``,
            ``"PRESENT_REF"``, ``"XXXX-10-26"`` when no reference date was given).
        resolved: the (first) calendar day the value denotes, or None.
        resolved_end: the last day for a range value (week, month, quarter, year …), or None.
        rule: the name of the rule that produced the mention (for auditing).

    Example:
        >>> m = find_dates("last week", reference="2017-11-04")[0]
        >>> m.value, m.resolved, m.resolved_end
        ('2017-W43', datetime.date(2017, 10, 23), datetime.date(2017, 10, 29))
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    resolved: Optional[dt.date] = None
    resolved_end: Optional[dt.date] = None
    rule: str = ""


# --------------------------------------------------------------------------- word lists

def _load_words() -> dict:
    return read_json("dates/words.json")


def _load_units() -> dict[str, str]:
    """Unit word → TIMEX3 code ("days" → "D", "decade" → "10Y"): the one table the rules read units from."""
    return read_json("dates/units.json")["units"]


W = _load_words()
MONTHS: dict[str, int] = W["months"]
WEEKDAYS: dict[str, int] = W["weekdays"]
NUMBER_WORDS: dict[str, int] = W["number_words"]
ORDINALS: dict[str, int] = W["ordinal_words"]
UNITS: dict[str, str] = _load_units()
SEASONS: dict[str, str] = W["seasons"]
PARTS_OF_DAY: dict[str, str] = W["parts_of_day"]
SET_ADVERBS: dict[str, str] = W["set_adverbs"]
VAGUE = set(W["vague_numbers"])


def _alt(words, flags: str = "") -> str:
    """A regex alternation of WORDS, longest first, spaces matching any whitespace.

    Single words are factored as a trie (fast to scan); phrases come first so that the longest
    reading wins.
    """
    words = set(words)
    simple = sorted(w for w in words if w.isalpha())
    parts = sorted((w for w in words if not w.isalpha()), key=len, reverse=True)
    alts = [re.escape(w).replace(r"\ ", r"\s+").replace("\\-", "[-\\s]?") for w in parts]
    if simple:
        alts.append(word_trie(simple, ignore_case=False))  # the patterns carry re.I
    body = "|".join(alts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _first_words(phrases) -> list[str]:
    """The first word of each phrase ("twenty-first" → "twenty"): every match of it starts so."""
    return sorted({re.findall(r"[a-z]+", p)[0] for p in phrases})


def _last_words(phrases) -> list[str]:
    """The last word of each phrase ("twenty-first" → "first"): a word every match of it contains."""
    return sorted({re.findall(r"[a-z]+", p)[-1] for p in phrases})


# months: full names in any case, except the ambiguous "May"/"March", which must be capitalised
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("june", "july")]
MONTH_FULL = "(?:" + _alt([m for m in _FULL_MONTHS if m not in ("march", "may")]) + r"|(?-i:May|MAY|March|MARCH))"
# abbreviations ("Oct.", "Sept") only where a day or a year follows (see the rules)
MONTH_ABBR = "(?:" + _alt([m for m in MONTHS if m not in _FULL_MONTHS and m not in ("mar", "may")]) + r"|(?-i:Mar|MAR))\.?"
MONTH_ANY = f"(?:{MONTH_FULL}|{MONTH_ABBR})"
MONTH_WORD = _alt(MONTHS)  # any month name in lower case: where MONTH_ANY may match, in the folded text
WEEKDAY = _alt([d for d in WEEKDAYS if len(d) > 5])  # full names only: "Sun", "Sat" are words too
WEEKDAY_ABBR = r"(?:(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))\.?"
_UNIT_WORDS = [u for u in UNITS]
UNIT = _alt(_UNIT_WORDS)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORD = (rf"(?:{_alt(_TENS)}[-\s]{_alt(_ONES)}|{_alt(NUMBER_WORDS)})")
NUMBER_DIGITS = r"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d)"
VAGUE_NUMBER = _alt(VAGUE)
NUMBER = rf"(?:{NUMBER_DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})"
SEASON = _alt(SEASONS)
PART_OF_DAY = _alt(PARTS_OF_DAY)
QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

_QUARTER_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# tense cues for the past/future choice of underspecified expressions
FUTURE_WORDS = ["will", "won't", "wo", "shall", "'ll", "going to", "plan", "plans", "planned", "planning", "scheduled",
                "schedule", "expect", "expects", "expected", "due", "would", "is to", "are to", "intend", "intends",
                "upcoming", "set to", "hope to", "hopes to", "supposed to", "await", "awaits", "awaiting", "deadline",
                "begin", "begins", "start", "starts", "open", "opens", "meet", "meets", "leave", "leaves", "vote", "votes",
                "may", "might", "payable", "effective", "expire", "expires"]
PAST_WORDS = ["was", "were", "had", "did", "said", "says", "told", "ago", "last", "earlier", "since"] + W["past_verbs"]
FUTURE_CUE = re.compile(r"\b" + _alt(FUTURE_WORDS) + r"\b", re.I)
PAST_CUE = re.compile(r"\b(?:" + _alt(PAST_WORDS) + r"|\w{3,}ed)\b", re.I)
# either, as one trie; any "-ed" word last ("supposed to" is a future cue, "supposed" a past one)
_CUE = re.compile(r"\b(?:" + _alt(FUTURE_WORDS + PAST_WORDS) + r"|\w{3,}ed)\b", re.I)
# a stop before a space or a line break, or a stop at the end (written to start with a class: fast)
SENTENCE_END = re.compile(r"[.;!?\n](?:(?=\s)|(?<!\n)$)")
SOON_AS = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s+$", re.I)
BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|was|were|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
_FUTURE_ED = {"planned", "scheduled", "expected"}
_NOT_PAST_ED = {"hundred", "bed", "shed", "red", "wed", "sped", "limited", "detailed", "advanced", "unprecedented",
                "talented", "interested", "concerned", "supposed", "used", "so-called", "armed", "united"}
STRONG_FUTURE = re.compile(r"will|won't|wo|shall|'ll|going\s+to|would|is\s+to|are\s+to|due|set\s+to|supposed\s+to|may|might", re.I)


# --------------------------------------------------------------------------- helpers

def parse_reference(reference) -> Optional[dt.date]:
    """A ``datetime.date`` from a date, datetime, ISO string ("2017-11-04[T…]") or None.

    Raises :class:`newskit.errors.InputError` (a ``ValueError``) for a string that is not an
    ISO date, and ``TypeError`` for other types.

    Example:
        >>> parse_reference("2017-11-04T10:00:00")
        datetime.date(2017, 11, 4)
    """
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    if isinstance(reference, str):
        s = reference.strip()
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError:
            pass
        if re.fullmatch(r"\d{8}", s):
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        raise InputError(f"reference {reference!r} is not an ISO date; pass e.g. '2017-11-04' or a datetime.date")
    raise TypeError(f"reference must be a date, datetime or ISO string, not {type(reference).__name__}")


SPACES = re.compile(r"\s+")
DECIMAL = re.compile(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?")
FRACTION = re.compile(r"(\d)/(\d)")


@functools.lru_cache(maxsize=4096)
def _num(s: str) -> Optional[float]:
    """The number a numeral or number phrase denotes; None for vague ones ("several")."""
    s = SPACES.sub(" ", s.strip().lower())
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s in VAGUE or not s:
        return None
    m = DECIMAL.fullmatch(s)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v + half
    m = FRACTION.fullmatch(s)
    if m:
        return int(m.group(1)) / int(m.group(2))
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s] + half
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


@functools.lru_cache(maxsize=4096)
def _duration(n: Optional[float], unit_word: str) -> str:
    """TIMEX3 duration for N units (``P3D``, ``PT5H``, ``P2Y6M``, ``PXY`` when N is vague)."""
    code = UNITS[SPACES.sub(" ", unit_word.lower())]
    mult, letter = (int(code[:-1]) if len(code) > 1 else 1), code[-1]
    time = letter in "HS" or (letter == "M" and unit_word.lower().startswith("min"))
    pre = "PT" if time else "P"
    if n is None:
        return f"{pre}X{letter}" if mult == 1 else {10: "P1E", 100: "P1C", 1000: "P1L"}.get(mult, "PXY").replace("1", "X")
    n = n * mult
    if n == int(n):
        return f"{pre}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    if letter == "Y":
        return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
    if letter == "H":
        return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
    if letter == "M" and time:
        return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
    if letter == "D":
        return f"PT{round(n * 24)}H"
    if letter == "W":
        return f"P{round(n * 7)}D"
    if letter == "M" and not time:
        return f"P{round(n * 30)}D"
    return f"{pre}{n:g}{letter}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


# The folded text (``fold_case``): lower case, with the letters that IGNORECASE matches to an
# ASCII letter made that letter. It has the same length, so offsets carry over, and a pattern
# written in lower case matches it, without IGNORECASE, exactly where it matches the text with
# IGNORECASE: the anchors, the needs and most rules are scanned there, about twice as fast (the
# regex engine rejects an alternative in one comparison only when it starts with a case-sensitive
# literal).


_CLASS_ESCAPE_OR_GROUP_NAME = re.compile(r"\\[dDsSwWbB]|\(\?P<\w+>")
_CASED = re.compile(r"[A-Z]|\\[A-Za-z0-9]|\(\?[a-zA-Z-]+[:)]")  # upper case, other escapes, inline flags


def _lower_case_pattern(source: str) -> bool:
    """True if SOURCE's letters are all lower case, but in class escapes (``\\s``) and group names."""
    return not _CASED.search(_CLASS_ESCAPE_OR_GROUP_NAME.sub("", source))


def _for_folded(pattern: re.Pattern) -> re.Pattern:
    """PATTERN, written in lower case for IGNORECASE, compiled without it for the folded text."""
    if not _lower_case_pattern(pattern.pattern):
        raise ValueError(f"not a lower-case pattern: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


_CUE_FOLDED, _SOON_AS_FOLDED, _BE_BEFORE_FOLDED = _for_folded(_CUE), _for_folded(SOON_AS), _for_folded(BE_BEFORE)


# --------------------------------------------------------------------------- document state

class _Doc:
    """What resolution needs besides the match: the text, the reference, recent context."""

    __slots__ = ("text", "ref", "quarter", "quarter_pos", "day", "day_pos", "year", "folded", "tenses")

    def __init__(self, text: str, ref: Optional[dt.date], like: Optional["_Doc"] = None):
        self.text = text
        self.ref = ref
        # what depends on the text alone is shared with a document LIKE this one (on the same text):
        # the folded text (see fold_case), and the tenses found, (start, end) -> tense
        self.folded = fold_case(text) if like is None else like.folded
        self.tenses: dict[tuple[int, int], Optional[str]] = {} if like is None else like.tenses
        self.quarter: Optional[tuple[int, int]] = None  # last quarter mentioned
        self.quarter_pos = -10**9
        self.day: Optional[dt.date] = None  # last calendar day mentioned
        self.day_pos = -10**9
        self.year: Optional[int] = None  # last explicit year mentioned

    def tense(self, start: int, end: int) -> Optional[str]:
        """'future', 'past' or None from the verbs of the clause around ``text[start:end]``.

        The nearest tense cue to the left within the sentence decides ("will meet on Friday",
        "said Friday"); failing that, the first cue to the right ("On Friday, officials said").
        A participle after a form of "be" ("must be returned by Jan. 14") is not a past cue.
        """
        key = (start, end)
        if key not in self.tenses:
            self.tenses[key] = self._tense(start, end)
        return self.tenses[key]

    def _tense(self, start: int, end: int) -> Optional[str]:
        # the cues are found in the folded text (the same offsets), the words read in the text
        lo = max(0, start - 100)
        left = self.text[lo:start]
        cut = None
        for cut in SENTENCE_END.finditer(left):
            pass
        if cut is not None:
            lo += cut.end()
            left = self.text[lo:start]
        folded = self.folded[lo:start]
        if self.text[end:end + 2] == "'s":
            return "past"  # "Wednesday's ruling": a noun modifier, usually a past event
        if _SOON_AS_FOLDED.search(folded):
            return "future"  # "as soon as Tuesday", "as early as next week"
        for m in reversed(list(_CUE_FOLDED.finditer(folded))):
            t = self._classify(left[m.start():m.end()], folded[:m.start()], right_side=False)
            if t:
                return t
        right = self.text[end:end + 70]
        stop = SENTENCE_END.search(right)
        if stop:
            right = right[:stop.start()]
        folded = self.folded[end:end + len(right)]
        for m in _CUE_FOLDED.finditer(folded):
            t = self._classify(right[m.start():m.end()], folded[:m.start()], right_side=True)
            if t:
                return t
        return None

    @staticmethod
    def _classify(word: str, before: str, right_side: bool) -> Optional[str]:
        """The tense a cue WORD gives; BEFORE is the folded text before it in the clause."""
        w = word.lower()
        if word[0].isupper() and w.endswith("ed") and w not in _FUTURE_ED:
            return None  # "United", "Red": names, not verbs
        if w in _NOT_PAST_ED or w.endswith(("based", "called", "eed")) and w not in ("agreed", "freed", "guaranteed"):
            return None  # "hundred", "indeed", "Seattle-based": not past tenses
        if w in _FUTURE_ED and not right_side:
            return "future"  # "is scheduled to close Monday"
        if w.endswith("ed") and _BE_BEFORE_FOLDED.search(before):
            return None  # passive or adjectival participle: "is expected", "must be returned"
        if w in _FUTURE_ED:
            return "past" if right_side else "future"
        if FUTURE_CUE.fullmatch(w):
            if right_side and not STRONG_FUTURE.fullmatch(w):
                return None  # after the date, "plans", "schedule", "votes" are more often nouns
            return "future"
        return "past"


# --------------------------------------------------------------------------- resolution helpers

def _pick_year_for(month: int, day: Optional[int], doc: _Doc, start: int, end: int) -> Optional[int]:
    """The year of a month (and day) written without one.

    When one reading is near the reference (within about three months) and the other far
    (more than about seven), the near one wins ("payable Dec. 15" in late October); otherwise
    the tense of the clause decides, and without a tense the past one (the news convention).
    """
    ref = doc.ref
    if ref is None:
        return None
    if day is None:
        ref_m = ref.year * 12 + ref.month - 1
        past = ref.year if month <= ref.month else ref.year - 1
        future = ref.year if month >= ref.month else ref.year + 1
        dp = ref_m - (past * 12 + month - 1)
        df = (future * 12 + month - 1) - ref_m
        near, far = (3, 7)
    else:
        def mk(y):
            try:
                return dt.date(y, month, day)
            except ValueError:
                return dt.date(y, month, 28)
        past = ref.year if mk(ref.year) <= ref else ref.year - 1
        future = ref.year if mk(ref.year) >= ref else ref.year + 1
        dp = (ref - mk(past)).days
        df = (mk(future) - ref).days
        near, far = (100, 200)
    if past == future:
        return past
    if min(dp, df) <= near and max(dp, df) >= far:
        return past if dp < df else future
    tense = doc.tense(start, end)
    if tense == "future":
        return future
    return past  # past tense, or none: news reports what happened


def _weekday_date(wd: int, mod: str, doc: _Doc, start: int, end: int) -> Optional[dt.date]:
    ref = doc.ref
    if ref is None:
        return None
    delta = wd - ref.isoweekday()
    mod = SPACES.sub(" ", mod.lower())
    if mod in ("last", "this past", "the previous", "past", "previous"):
        return ref + dt.timedelta(days=(delta - 7) if delta >= 0 else delta)
    if mod in ("next", "this coming", "coming", "the following", "the coming", "following"):
        return ref + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if mod == "this":
        return ref + dt.timedelta(days=delta)
    if doc.tense(start, end) == "future":
        return ref + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    return ref + dt.timedelta(days=delta if delta <= 0 else delta - 7)


def _anchor_day(doc: _Doc, start: int) -> Optional[dt.date]:
    """The day a bare time of day refers to: a day named just before in the text, else the reference."""
    if doc.day is not None and start - doc.day_pos < 150:
        return doc.day
    return doc.ref


def _part(word: Optional[str]) -> str:
    return PARTS_OF_DAY.get(word.lower(), "") if word else ""


@functools.lru_cache(maxsize=4096)
def _lower(s: Optional[str]) -> str:
    return SPACES.sub(" ", s.lower()) if s else ""


# --------------------------------------------------------------------------- rules

Result = Optional[tuple[str, str]]  # (TIMEX3 type, value)


@dataclass(frozen=True)
class Rule:
    """A named pattern and the function that turns its match into a (type, value).

    ``locate``, when there is one, is a pattern without IGNORECASE for the folded text (see
    ``fold_case``) that matches at least wherever ``pattern`` does: the pattern itself when it is
    written in lower case, else a lower-case beginning of it. It finds where matches may start,
    and ``pattern`` then makes them, the very matches its ``finditer`` would give.

    ``keep``, when there is one, is a test of the match alone that ``resolve`` applies first
    (declining the matches that fail it, whatever the document): those are dropped at once.
    """

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, _Doc], Result]
    priority: int = 0
    locate: Optional[re.Pattern] = None
    keep: Optional[Callable[[re.Match], bool]] = None

    def matches(self, text: str, folded: str, windows, need: Optional[re.Pattern] = None) -> list[re.Match]:
        """The matches in the windows (start, end) of TEXT, each window from the end of the last
        match on; none in a window where ``need`` is not found (in the folded text)."""
        found = []
        last_end = -1
        for ws, we in windows:
            if need is not None and need.search(folded, ws, we) is None:
                continue  # no match can lie here
            pos = max(ws, last_end)
            rest = pos if self.locate is None else self._located(text, folded, pos, we, found)
            if rest is not None:
                found.extend(self.pattern.finditer(text, rest, we))
            for m in reversed(found):  # the next window starts after the last match
                if m.end() > m.start():
                    last_end = m.end()
                    break
        return found

    def _located(self, text: str, folded: str, pos: int, endpos: int, found: list) -> Optional[int]:
        """Adds the matches in text[pos:endpos] found by way of ``locate``. Returns None, or where
        ``pattern.finditer`` is to go on: at an empty match, which only it steps over correctly."""
        search, match = self.locate.search, self.pattern.match
        while True:
            hit = search(folded, pos, endpos)
            if hit is None:
                return None
            m = match(text, hit.start(), endpos)
            if m is None:
                pos = hit.start() + 1  # no match starts there after all
            elif m.end() == m.start():
                return hit.start()
            else:
                found.append(m)
                pos = m.end()


RULES: list[Rule] = []

try:  # the parser of the re module itself: re._parser from Python 3.11, sre_parse before
    from re import _constants as _SRE_CONSTANTS, _parser as _SRE_PARSER
except ImportError:  # Python 3.10
    import sre_constants as _SRE_CONSTANTS
    import sre_parse as _SRE_PARSER


def _first_chars(source: str, flags: int) -> Optional[str]:
    """A character class (its inside: "\\dabf") of every character a match of SOURCE can
    start with, read from its parse tree, or None when that is not plain (a ``\\w``, a negated
    class, an empty match …). Zero-width assertions are passed over: they only narrow it.

    Example:
        >>> _first_chars(r"(?<!\\w)(?:at\\s+)?(?:\\d|one|two)", 0)
        '\\\\daot'
    """
    c, _parser = _SRE_CONSTANTS, _SRE_PARSER
    chars: set[str] = set()
    digits = False

    def first(items) -> Optional[bool]:
        """Adds the first characters of ITEMS; True if they can match the empty string."""
        nonlocal digits
        for op, av in items:
            if op is c.LITERAL:
                chars.add(chr(av))
                return False
            if op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        chars.add(chr(a))
                    elif o is c.RANGE:
                        chars.update(map(chr, range(a[0], a[1] + 1)))
                    elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                        digits = True
                    else:
                        return None
                return False
            if op is c.CATEGORY and av is c.CATEGORY_DIGIT:
                digits = True
                return False
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.SUBPATTERN:
                empty = first(av[-1])
            elif op is c.BRANCH:
                ends = [first(b) for b in av[1]]
                empty = None if None in ends else any(ends)
            elif op is c.MAX_REPEAT or op is c.MIN_REPEAT:
                empty = first(av[2])
                empty = empty if empty is None else (empty or av[0] == 0)
            else:
                return None
            if empty is not True:
                return empty
        return True

    if first(_parser.parse(source, flags)) is not False:
        return None
    return ("\\d" if digits else "") + "".join(re.escape(ch) for ch in sorted(chars))


def rule(name: str, pattern: str, priority: int = 0, flags: int = re.I | re.X, locate: Optional[str] = None,
         starts: Optional[str] = None, keep: Optional[Callable[[re.Match], bool]] = None):
    """Register a resolver for PATTERN under NAME (pattern compiled once, here).

    LOCATE: a lower-case pattern every match of PATTERN starts with, when PATTERN itself is not
    in lower case; STARTS: a character class (in the folded text) of every character a match can
    start with, so that the search skips the others at once (by default read from the pattern,
    see ``_first_chars``); KEEP: a test the resolver requires of its matches (see ``Rule``).
    """
    compiled = re.compile(r"(?<![\w'])(?:" + pattern + ")", flags)
    locator = None
    for source in (pattern, locate):
        if locator is None and source is not None and flags & re.I and _lower_case_pattern(source):
            source = r"(?<![\w'])(?:" + source + ")"
            starts = starts or _first_chars(source, flags & ~re.I)
            if starts:  # the same matches' starts, found by their first character first
                source = rf"[{starts}](?<=(?={source})(?s:.))"
            locator = re.compile(source, flags & ~re.I)

    def deco(fn):
        RULES.append(Rule(name, compiled, fn, priority, locator, keep))
        return fn
    return deco


# -- explicit calendar dates ---------------------------------------------------

@rule("iso_date", r"""(?<!\d)(?<!\d-)(?:(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)
    |(?P<y2>19\d\d|20\d\d)(?P<m2>0[1-9]|1[0-2])(?P<d2>[0-2]\d|3[01])(?!\d))""", 5)
def _iso(m, doc):
    try:
        d = dt.date(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    except ValueError:
        return None
    return "DATE", d.isoformat()


@rule("numeric_date", r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", 5)
def _numeric(m, doc):
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return "DATE", dt.date(y, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


_DASHES = re.compile(r"[-\s]+")
_DIGITS = re.compile(r"\d+")


def _day_of(s: str) -> Optional[int]:
    s = _DASHES.sub("-", s.lower())
    m = _DIGITS.match(s)
    if m:
        return int(m.group(0))
    return ORDINALS.get(s)


def _month_day(m, doc, month_s, day_s, year_s):
    month = MONTHS[_lower(month_s).rstrip(".")]
    day = _day_of(day_s)
    if not day or day > 31:
        return None
    if year_s:
        y = _year_of(year_s)
    else:
        y = _pick_year_for(month, day, doc, m.start(), m.end())
    if y is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        return "DATE", dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def _year_of(s: str) -> int:
    s = s.strip().lstrip(",").strip()
    if s.startswith("'") or len(s) == 2:
        v = int(s.lstrip("'"))
        return 1900 + v if v >= 30 else 2000 + v
    return int(s)


_DAY_NUM = r"(?:[0-3]?\d(?:st|nd|rd|th)?(?!\d|:\d|\.\d|,\d{3}|%))"
_DAY_WORDS = _alt(ORDINALS)
_WD_PREFIX = rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+)?)?"
# how weekday and month names begin, in lower case: "mon" (Monday, Mon.), "sep" (September, Sept.)
_WEEKDAY_START = "|".join(sorted({d[:3] for d in WEEKDAYS}))
_MONTH_START = "|".join(sorted({m[:3] for m in MONTHS}))


@rule("month_day", rf"""
    {_WD_PREFIX}
    (?P<mon>{MONTH_ANY})(?:\s+|-)(?:the\s+)?(?P<day>{_DAY_NUM}|{_DAY_WORDS})
    (?:(?:\s*,\s*|\s+|\s+of\s+|-)(?P<year>{YEAR4}|'\d\d)(?!\d))?""", 4, locate=f"{_WEEKDAY_START}|{_MONTH_START}")
def _md(m, doc):
    return _month_day(m, doc, m["mon"], m["day"], m["year"])


@rule("day_month", rf"""
    {_WD_PREFIX}
    (?<![\d.,$])(?<!\d:)(?P<day>{_DAY_NUM}|{_DAY_WORDS})(?:\s+(?:of\s+)?|[-/])(?P<mon>{MONTH_ANY})(?![a-z])
    (?:(?:,?\s+|\s+of\s+|[-/])(?P<year>{YEAR4}(?!\d)|(?:'|(?<=of\s))\d\d(?![\w:%])))?""", 4,
      locate=rf"{_WEEKDAY_START}|\d|" + "|".join(_first_words(ORDINALS)))
def _dm(m, doc):
    return _month_day(m, doc, m["mon"], m["day"], m["year"])


@rule("month_year", rf"""(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[-\s]+)?
    (?:(?P<mon>{MONTH_ANY})(?:,?\s+(?:of\s+)?|[-/])(?P<year>{YEAR4}(?!\d)|'\d\d|(?<=of\s)\d\d(?![\d:%])|last\s+year|this\s+year|next\s+year
    |nineteen\s+{NUMBER_WORD}|two\s+thousand(?:\s+and\s+{NUMBER_WORD}(?![-\w]))?)|(?P<year2>{YEAR4})\s+(?P<mon2>{MONTH_FULL})(?!\s+\d))""", 3,
      locate=f"early|late|mid|the|{_MONTH_START}|1|2")
def _my(m, doc):
    month = MONTHS[_lower(m["mon"] or m["mon2"]).rstrip(".")]
    ys = _lower(m["year"] or m["year2"])
    if ys.endswith("year"):
        if doc.ref is None:
            return "DATE", f"XXXX-{month:02d}"
        y = doc.ref.year + {"last": -1, "this": 0, "next": 1}[ys.split()[0]]
    elif ys.startswith("two thousand"):
        rest = _num(ys[len("two thousand"):].replace("and", "").strip() or "0") if ys != "two thousand" else 0
        if rest is None:
            return None
        y = 2000 + int(rest)
    elif ys.startswith("nineteen"):
        rest = _num(ys[len("nineteen"):].strip())
        if rest is None:
            return None
        y = 1900 + int(rest)
    else:
        y = _year_of(ys)
    return "DATE", f"{y}-{month:02d}"


MAY_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|during|of|from|through|to|and|before|after|early|late|mid|last|next|this)[-\s]+|\d\s+)$", re.I)


@rule("month", rf"""(?:(?P<mod>last|next|this|this\s+past|this\s+coming|early|late|mid|the\s+end\s+of|the\s+beginning\s+of
    |the\s+middle\s+of|the\s+start\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)[-\s]+)?
    (?P<mon>{MONTH_FULL})(?![-\w]|\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z]))""", 1,
      locate=f"last|next|this|early|late|mid|the|{_MONTH_START}")
def _month(m, doc):
    name = _lower(m["mon"])
    mod = _lower(m["mod"])
    if name == "may" and not mod and not MAY_CONTEXT.search(doc.text[max(0, m.start() - 12):m.start()]):
        return None
    month = MONTHS[name]
    if doc.ref is None:
        return "DATE", f"XXXX-{month:02d}"
    ref = doc.ref
    if mod in ("last", "this past"):
        y = ref.year if month < ref.month else ref.year - 1
    elif mod in ("next", "this coming"):
        y = ref.year if month > ref.month else ref.year + 1
    elif mod == "this":
        y = ref.year
    else:
        y = _pick_year_for(month, None, doc, m.start(), m.end())
    return "DATE", f"{y}-{month:02d}"


# -- years, decades, centuries -------------------------------------------------

@rule("year", rf"""(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of
    |fiscal(?:\s+year)?|the\s+year|calendar|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of|post|pre)[-\s]+)?
    (?<![$#\d.,])(?<!\d-)(?P<year>{YEAR4})(?!\d|,\d|\.\d|%|\s*percent|\s*per\s+cent|-\d|s\b|'s\b)""", 0)


def _year(m, doc):
    mod = _lower(m["mod"])
    y = m["year"]
    if "half" in mod:
        return "DATE", f"{y}-H{1 if 'first' in mod else 2}"
    return "DATE", y


@rule("year_month_iso", rf"""(?<![\d-])(?P<year>{YEAR4})-(?P<month>0[1-9]|1[0-2]|[1-9])(?![\d-])""", 2)
def _year_month_iso(m, doc):
    return "DATE", f"{m['year']}-{int(m['month']):02d}"


@rule("year_range", rf"""(?<![\d-])(?P<y1>{YEAR4})\s*[-–]\s*(?P<y2>{YEAR4}|\d\d)(?![\d-])""", 3)
def _year_range(m, doc):
    """ "2014-2018", "the 1990-91 season": a span of years, with its first and last day."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 100 or (len(m["y2"]) == 2 and y2 - y1 > 10):
        return None  # "2015-32" is not a span of years
    return "DURATION", f"P{y2 - y1}Y", (dt.date(y1, 1, 1), dt.date(y2, 12, 31))


@rule("day_range", rf"""(?P<mon>{MONTH_ANY})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–)\s*(?:(?P<mon2>{MONTH_ANY})\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
    (?:\s*,\s*(?P<year>{YEAR4}))?""", 5, locate=_MONTH_START)
def _day_range(m, doc):
    """ "Nov. 18-19", "Nov 18-Dec 19, 2015": consecutive days, with the first and last."""
    mon1 = MONTHS[_lower(m["mon"]).rstrip(".")]
    mon2 = MONTHS[_lower(m["mon2"]).rstrip(".")] if m["mon2"] else mon1
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if m["year"]:
        y2 = int(m["year"])
    else:
        y2 = _pick_year_for(mon2, d2, doc, m.start(), m.end())
    if y2 is None:
        return "DURATION", "PXD"
    y1 = y2 - 1 if mon1 > mon2 else y2
    first, last = dt.date(y1, mon1, d1), dt.date(y2, mon2, d2)
    if last <= first:
        return None
    return "DURATION", f"P{(last - first).days + 1}D", (first, last)
@rule("spoken_year", rf"""(?:the\s+year\s+)?(?:nineteen[-\s]+(?P<rest>{NUMBER_WORD}|hundred)|two\s+thousand(?:\s+and)?(?:[-\s]+(?P<rest2>{NUMBER_WORD}))?)""", 0)
def _spoken_year(m, doc):
    if m["rest"] is not None:
        r = 0 if m["rest"].lower() == "hundred" else _num(m["rest"])
        if r is None or r >= 100:
            return None
        return "DATE", str(1900 + int(r))
    if not m.group(0).lower().startswith("the year") and m["rest2"] is None:
        return None  # "two thousand" alone is a number
    r = _num(m["rest2"]) if m["rest2"] else 0
    return ("DATE", str(2000 + int(r))) if r is not None and r < 100 else None


@rule("decade", rf"""(?:the\s+)?(?:(?P<mod>early|late|mid|the\s+last\s+half\s+of\s+the|the\s+first\s+half\s+of\s+the)[-\s]+)?
    (?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)'?s|(?P<word>{_alt(W['decade_words'])}))(?!\w)""", 2)
def _decade(m, doc):
    if m["dec"]:
        prefix = m["dec"][:3]
    elif m["short"]:
        prefix = "19" + m["short"][0]
    else:
        if not m.group(0).lower().startswith("the"):
            return None  # "in his forties" is an age
        prefix = "19" + str(W["decade_words"][m["word"].lower()])
    return "DATE", prefix if m["mod"] else prefix + "X"


@rule("century", rf"""(?:the\s+)?(?P<ord>{ORDINAL})\s+century""", 2)
def _century(m, doc):
    n = _day_of(m["ord"])
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


# -- days relative to the reference ---------------------------------------------

_REL_DAY = {"today": 0, "tonight": 0, "last night": -1, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


@rule("relative_day", rf"""(?:(?P<mod>early|late|earlier|later|mid|late|the\s+morning\s+of|the\s+night\s+of)[-\s]+)?
    (?P<day>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)(?:'s)?
    (?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)""", 3)
def _relday(m, doc):
    day = _lower(m["day"])
    part = _part(m["part"])
    if day == "tonight":
        part = "NI"
    if doc.ref is None:
        if day == "today":
            return "DATE", "PRESENT_REF" if not part else "XXXX-XX-XXT" + part
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + ("T" + part if part else "")
    d = doc.ref + dt.timedelta(days=_REL_DAY[day])
    return ("TIME", f"{d.isoformat()}T{part}") if part else ("DATE", d.isoformat())


@rule("this_part_of_day", rf"""(?P<mod>this|last|tomorrow|yesterday|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+(?P<part>{PART_OF_DAY})(?!\w)""", 3)
def _this_part(m, doc):
    part = _part(m["part"])
    mod = _lower(m["mod"])
    shift = -1 if mod in ("last", "yesterday") else 1 if mod == "tomorrow" else 0
    if mod == "last" and part != "NI":
        return None
    if doc.ref is None:
        return "TIME", "XXXX-XX-XXT" + part
    return "TIME", f"{(doc.ref + dt.timedelta(days=shift)).isoformat()}T{part}"


@rule("weekday", rf"""(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|the\s+previous|the\s+following|previous|past
    |early|late|earlier|later)\s+)?
    (?P<wd>{WEEKDAY})(?:'s)?(?!\w)(?:\s+(?P<part>{PART_OF_DAY})(?!\w))?""", 2)
def _weekday(m, doc):
    wd = WEEKDAYS[m["wd"].lower()]
    if re.fullmatch(r"\w+s", m["wd"]) and m["wd"].lower().endswith("days"):
        return None
    mod = _lower(m["mod"])
    if mod in ("early", "late", "earlier", "later"):
        mod = ""
    part = _part(m["part"])
    if mod in ("the previous", "the following") and doc.day is not None and m.start() - doc.day_pos < 400:
        # "down 4.5% from the previous Friday": counted from the day just mentioned, not from today
        anchor = _Doc(doc.text, doc.day, like=doc)
        d = _weekday_date(wd, "last" if mod == "the previous" else "next", anchor, m.start(), m.end())
    else:
        d = _weekday_date(wd, mod, doc, m.start(), m.end())
    value = d.isoformat() if d else f"XXXX-WXX-{wd}"
    if part:
        return "TIME", f"{value}T{part}"
    return "DATE", value


@rule("weekday_of_week", rf"""(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?(?:\s+of)?\s+(?P<mod>last|next|this|the\s+previous|the\s+following)\s+week(?!\w)""", 3)
def _weekday_of_week(m, doc):
    """ "Tuesday of last week", "Wednesday evening next week": the weekday inside that week."""
    wd = WEEKDAYS[m["wd"].lower()]
    part = _part(m["part"])
    if doc.ref is None:
        value = f"XXXX-WXX-{wd}"
    else:
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "this": 0}[_lower(m["mod"])]
        monday = doc.ref - dt.timedelta(days=doc.ref.isoweekday() - 1) + dt.timedelta(weeks=shift)
        value = (monday + dt.timedelta(days=wd - 1)).isoformat()
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


@rule("nth_week_of_year", rf"""(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th|\d{{1,2}}(?:st|nd|rd|th))\s+week\s+of\s+(?P<year>{YEAR4})(?!\d)""", 3)
def _nth_week(m, doc):
    y = int(m["year"])
    n = m["n"].lower()
    if n in ("last", "final"):
        return "DATE", _week(dt.date(y, 12, 28))
    k = _day_of(n) or _QUARTER_NUM.get(n) or {"fifth": 5, "5th": 5}.get(n)
    if not k or k > 53:
        return None
    return "DATE", f"{y}-W{k:02d}"


@rule("part_of_day", rf"""(?P<edge>early|late|later|earlier)?\s*in\s+the\s+(?P<part>morning|afternoon|evening)(?!\w)""", 0)
def _part_of_day(m, doc):
    """ "early in the morning", "later in the afternoon": that part of the day in context."""
    if PART_AS_ADJECTIVE.match(doc.text, m.end()):
        return None  # "in the morning meetings"
    day = _anchor_day(doc, m.start())
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{_part(m['part'])}"


@rule("weekday_the_nth", rf"""(?P<wd>{WEEKDAY}),?\s+the\s+(?P<day>{_DAY_NUM}|{_DAY_WORDS})(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|and|when|from|to|before|after)\b)""", 4)
def _weekday_the_nth(m, doc):
    """ "Tuesday the 11th": the nearest day of that number falling on that weekday."""
    wd, day = WEEKDAYS[m["wd"].lower()], _day_of(m["day"])
    if not day or day > 31:
        return None
    if doc.ref is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    best = None
    for k in range(-6, 7):
        first = dt.date(doc.ref.year, doc.ref.month, 1) + relativedelta(months=k)
        try:
            d = first.replace(day=day)
        except ValueError:
            continue
        if d.isoweekday() == wd and (best is None or abs((d - doc.ref).days) < abs((best - doc.ref).days)):
            best = d
    return ("DATE", best.isoformat()) if best else None


_SET_TIME = r"""(?:\s+at\s+(?P<sh>[01]?\d|2[0-3])(?:[:.](?P<smi>[0-5]\d)(?:\s*(?P<sap>[ap]\.?\s?m\.?))?|\s*(?P<sap2>[ap]\.?\s?m\.?)))?"""


@rule("weekday_set", rf"""(?:(?:every|each)\s+(?:other\s+)?(?P<wd1>{WEEKDAY})(?!\w)|(?P<wd3>{WEEKDAY})\s+(?P<parts>mornings|afternoons|evenings|nights)(?!\w)
    |(?:every|each|on)\s+(?P<wd>{WEEKDAY})s(?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)|(?P<wd2>{WEEKDAY})s(?:\s+(?P<part2>{PART_OF_DAY}))?(?!\w))
    {_SET_TIME}""", 3)
def _weekday_set(m, doc):
    """ "every Tuesday" → XXXX-WXX-2; "Friday mornings" → XXXX-WXX-5TMO; "Tuesdays at 9am" → XXXX-WXX-2T09:00."""
    name = m["wd"] or m["wd2"] or m["wd1"] or m["wd3"]
    if name.lower() not in WEEKDAYS:
        return None
    part = _part(m["part"] or m["part2"] or (m["parts"] or "")[:-1] or None)
    value = f"XXXX-WXX-{WEEKDAYS[name.lower()]}"
    if m["sh"]:
        h = int(m["sh"])
        ap = _lower(m["sap"] or m["sap2"])
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        return "SET", f"{value}T{h:02d}:{m['smi'] or '00'}"
    return "SET", value + (f"T{part}" if part else "")


@rule("weekend_set", r"""(?:every|each)\s+weekend(?!\w)""", 3)
def _weekend_set(m, doc):
    return "SET", "XXXX-WXX-WE"


# -- times of day ------------------------------------------------------------------

_TZ = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
_TIME_DAY = rf"(?:,?\s+(?:on\s+)?(?P<day>(?:{WEEKDAY})|today|yesterday|tomorrow|(?:{MONTH_ANY})\s+\d{{1,2}}(?!\d)))?"


_CLOCK_HEAD = r"""(?:(?P<about>around|about|at|by|until|before|after|from)\s+)?(?P<h>[01]?\d|2[0-3])"""
_CLOCK = rf"""{_CLOCK_HEAD}(?:(?::|\.(?=\d\d\s*[ap]\.?\s?m\b))(?P<mi>[0-5]\d)(?::(?P<se>[0-5]\d))?)?
    (?:\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|o'?clock|in\s+the\s+(?:morning|afternoon|evening))|(?<=\d)(?P<ap1>[ap])(?![\w])\.?)?
    (?P<tz>{_TZ})"""
_LEAD_DAY = rf"""(?:(?P<lmod>last|next|this|this\s+coming|coming|previous|the\s+previous)\s+)?
    (?P<lday>(?:{WEEKDAY})|today|tomorrow|yesterday|tonight|last\s+night|(?:{MONTH_ANY})\s+[0-3]?\d(?:st|nd|rd|th)?(?:\s*,\s*{YEAR4})?)
    (?:\s+(?P<lpart>{PART_OF_DAY}))?,?\s+(?:(?P<lat>at|by|from|around)\s+)?"""
# how _LEAD_DAY begins, in lower case
_LEAD_DAY_HEAD = rf"""(?:(?:last|next|this|this\s+coming|coming|previous|the\s+previous)\s+)?
    (?:{WEEKDAY}|today|tomorrow|yesterday|tonight|last\s+night|{MONTH_WORD})"""


def _marked_clock(m) -> bool:
    """ "a.m.", "pm", "o'clock" or minutes with "at", "around" … or a time zone: without a day
    before it, a bare "10" or "3:15" is not a time (the first test of ``_clock_value``)."""
    return bool(m["ap"] or m["ap1"] or (m["mi"] and (m["about"] or m["tz"].strip())))


@rule("clock_time", rf"""{_CLOCK}{_TIME_DAY}""", 4, locate=_CLOCK_HEAD, starts=r"\dabfu", keep=_marked_clock)
def _clock(m, doc):
    return _clock_value(m, doc, None)


@rule("day_clock_time", rf"""{_LEAD_DAY}{_CLOCK}""", 4, locate=_LEAD_DAY_HEAD)
def _day_clock(m, doc):
    """ "Friday at 10 a.m.", "tomorrow 8:00am", "Dec. 27 12:30": a time on a named day."""
    if re.search(r"(?:easter|good|black|cyber)\s+$", doc.text[max(0, m.start() - 8):m.start()], re.I):
        return None  # "Easter Monday at 10:30": the holiday is the day
    lday = _lower(m["lday"])
    if lday in WEEKDAYS:
        day = _weekday_date(WEEKDAYS[lday], _lower(m["lmod"]), doc, m.start(), m.end())
    else:
        if m["lmod"]:
            return None
        day = _resolve_day_phrase(m["lday"], doc, m.start(), m.end())
    return _clock_value(m, doc, day, lead=True)


def _clock_value(m, doc, day, lead: bool = False) -> Result:
    h = int(m["h"])
    ap = _lower(m["ap"] or m["ap1"])
    bare_hour_ok = lead and (m["about"] or m["lat"]) and (m["lpart"] or _lower(m["lday"]) in ("tonight", "last night"))  # "tonight around 7"
    if not ap and not (m["mi"] and (lead or m["about"] or m["tz"].strip())) and not bare_hour_ok:
        return None  # a bare "10" or "3:1" is not a time
    if not ap and not lead and m["about"] and m["about"].lower() in ("from", "after", "before") and not m["tz"].strip():
        return None
    if h > 12 and ap and "m" in ap[:3]:
        return None
    if ap.startswith("p") or "afternoon" in ap or "evening" in ap:
        h = h % 12 + 12
    elif ap.startswith("a") or "morning" in ap:
        h = h % 12
    elif not ap and lead and 5 <= h < 12 and (_part(m["lpart"]) in ("AF", "EV", "NI") or _lower(m["lday"]) in ("tonight", "last night")):
        h += 12
    mi = m["mi"] or "00"
    sec = f":{m['se']}" if m["se"] else ""
    if not lead:
        if m["day"]:
            day = _resolve_day_phrase(m["day"], doc, m.start(), m.end())
        else:
            day = _anchor_day(doc, m.start())
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{h:02d}:{mi}{sec}"


@rule("named_time", rf"""(?:(?P<mod>around|about|at|by|until|before|after)\s+)?(?P<t>noon|midnight|midday|mid[-\s]?afternoon|mid[-\s]?morning)
    {_TIME_DAY}(?!\w)""", 3)
def _named_time(m, doc):
    t = re.sub(r"[-\s]", "", m["t"].lower())
    day = _resolve_day_phrase(m["day"], doc, m.start(), m.end()) if m["day"] else _anchor_day(doc, m.start())
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    suffix = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "midafternoon": "AF", "midmorning": "MO"}[t]
    return "TIME", f"{prefix}T{suffix}"


def _resolve_day_phrase(s: str, doc: _Doc, start: int, end: int) -> Optional[dt.date]:
    s_l = _lower(s)
    mm = re.match(r"(\S+?)\.?\s+(\d+)(?:st|nd|rd|th)?\s*,\s*(\d{4})$", s_l)
    if mm and mm.group(1) in MONTHS:
        try:
            return dt.date(int(mm.group(3)), MONTHS[mm.group(1)], int(mm.group(2)))
        except ValueError:
            return None
    if doc.ref is None:
        return None
    if s_l in _REL_DAY:
        return doc.ref + dt.timedelta(days=_REL_DAY[s_l])
    if s_l in WEEKDAYS:
        return _weekday_date(WEEKDAYS[s_l], "", doc, start, end)
    mm = re.fullmatch(r"(next|last|this) (\w+)", s_l)
    if mm and mm.group(2) in WEEKDAYS:
        return _weekday_date(WEEKDAYS[mm.group(2)], mm.group(1), doc, start, end)
    mm = re.fullmatch(r"([01]?\d)/([0-3]?\d)/(\d{4})", s_l)
    if mm:
        try:
            return dt.date(int(mm.group(3)), int(mm.group(1)), int(mm.group(2)))
        except ValueError:
            return None
    if s_l in _HOLIDAY_NAMES:
        this = _holiday_date(s_l, doc.ref.year)
        if this > doc.ref and doc.tense(start, end) != "future":
            this = _holiday_date(s_l, doc.ref.year - 1)
        elif this < doc.ref and doc.tense(start, end) == "future":
            this = _holiday_date(s_l, doc.ref.year + 1)
        return this
    mm = re.match(r"(\S+?)\.?\s+(\d+)", s_l)
    if mm and mm.group(1) in MONTHS:
        month, day = MONTHS[mm.group(1)], int(mm.group(2))
        y = _pick_year_for(month, day, doc, start, end)
        try:
            return dt.date(y, month, day)
        except (TypeError, ValueError):
            return None
    return None


# -- weeks, months, quarters, years relative to the reference -------------------------

_REL_MOD = r"""(?P<mod>last|next|this|the\s+past|the\s+previous|the\s+current|the\s+coming|the\s+following|the\s+next|
    the\s+last|current|previous|past|coming|this\s+past|this\s+coming|the\s+same)"""
_EDGE = r"(?:(?P<edge>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|end\s+of|start\s+of)[-\s]+(?:in\s+)?)?"

_SHIFT = {"last": -1, "the last": -1, "the past": -1, "the previous": -1, "previous": -1, "past": -1, "this past": -1,
          "next": 1, "the next": 1, "the coming": 1, "the following": 1, "coming": 1, "this coming": 1,
          "this": 0, "the current": 0, "current": 0, "the same": 0}


@rule("relative_unit", rf"""{_EDGE}{_REL_MOD}\s+(?P<unit>week|weekend|month|year|quarter|fiscal\s+year|calendar\s+year|decade|century|half)(?!-|\w)""", 3)
def _relunit(m, doc):
    mod = _lower(m["mod"])
    unit = _lower(m["unit"])
    shift = _SHIFT[mod]
    if mod in ("the same",) or (mod in ("the following", "the previous") and unit == "year"):
        return None  # anchored on the year last mentioned: see anchored_year
    ref = doc.ref
    if unit in ("fiscal year", "calendar year"):
        unit = "year"
    if mod in ("the past", "the last", "the next", "the coming") and unit in ("decade", "century"):
        return "DURATION", {"decade": "P10Y", "century": "P100Y"}[unit]  # "over the past decade"
    if ref is None:
        return "DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                        "quarter": "XXXX-QX", "decade": "XXX", "century": "XX", "half": "XXXX-HX"}[unit]
    if unit == "week":
        return "DATE", _week(ref + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return "DATE", _week(ref + dt.timedelta(weeks=shift)) + "-WE"
    if unit == "month":
        d = ref + relativedelta(months=shift)
        return "DATE", f"{d.year}-{d.month:02d}"
    if unit == "year":
        return "DATE", str(ref.year + shift)
    if unit == "quarter":
        y, q = _quarter(ref)
        q += shift
        if q == 0:
            y, q = y - 1, 4
        elif q == 5:
            y, q = y + 1, 1
        return "DATE", f"{y}-Q{q}"
    if unit == "half":
        h = 1 if ref.month <= 6 else 2
        h += shift
        y = ref.year + (-1 if h == 0 else 1 if h == 3 else 0)
        return "DATE", f"{y}-H{2 if h == 0 else 1 if h == 3 else h}"
    if unit == "decade":
        return "DATE", str(ref.year // 10 + shift)
    if unit == "century":
        return "DATE", f"{ref.year // 100 + shift:02d}"
    return None


@rule("weekend", r"""the\s+weekend(?!\w)""", 1)
def _weekend(m, doc):
    if doc.ref is None:
        return "DATE", "XXXX-WXX-WE"
    ref = doc.ref
    if ref.isoweekday() >= 6:
        return "DATE", _week(ref) + "-WE"
    future = doc.tense(m.start(), m.end()) == "future"
    return "DATE", _week(ref + dt.timedelta(weeks=1 if future else -1)) + "-WE"


@rule("the_year", r"""(?:the\s+(?P<kind>full|fiscal|calendar|whole|entire|latest\s+fiscal)\s+|the\s+)year(?P<ended>\s+(?:ended|ending|ends|to\s+date))?(?![\w-]|'s|\s+(?:ago|earlier|before|after|later|of|in|when|that|he|she|they|it|we|I)\b)""", 0)
def _the_year(m, doc):
    kind = _lower(m["kind"])
    if m["ended"]:
        return "DURATION", "P1Y"
    if kind.startswith("latest"):
        return "DATE", str(doc.ref.year - 1) if doc.ref else "XXXX"
    before = doc.text[max(0, m.start() - 12):m.start()].lower()
    if not kind and not re.search(r"\b(?:for|in|during|throughout|of)\s+$", before):
        return None
    return "DATE", str(doc.ref.year) if doc.ref else "XXXX"


@rule("anchored_year", r"""(?:(?P<edge>earlier|later|early|late)\s+)?(?P<which>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+prior)\s+year(?![\w-])""", 1)
def _anchored_year(m, doc):
    which = _lower(m["which"])
    base = doc.year
    if base is None:
        if which in ("that", "the same"):
            return None
        base = doc.ref.year if doc.ref else None
    if base is None:
        return "DATE", "XXXX"
    shift = 1 if which in ("the following", "the next") else -1 if which in ("the previous", "the prior") else 0
    return "DATE", str(base + shift)


@rule("anchored_day", r"""(?:(?P<edge>earlier|later|early|late)\s+)?(?:that(?:\s+same)?|the\s+same)\s+day(?![\w-])""", 1)
def _anchored_day(m, doc):
    if doc.day is None:
        return None
    return "DATE", doc.day.isoformat()


@rule("ahead", rf"""the\s+(?P<unit>days|weeks|months|years|decades|quarters)\s+ahead(?!\w)""", 2)
def _ahead(m, doc):
    return "DURATION", _duration(None, m["unit"])


@rule("edge_of_period", r"""(?P<edge>(?:the\s+)?end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|year[-\s]end|(?:the\s+)?year's\s+end)
    (?:\s+(?:the\s+)?(?P<unit>year|month|week))?(?!\w)""", 1)
def _edge(m, doc):
    unit = _lower(m["unit"])
    edge = _lower(m["edge"])
    if "year" in edge:
        unit = "year"
    if not unit:
        return None
    if doc.ref is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit]
    ref = doc.ref
    return "DATE", {"year": str(ref.year), "month": f"{ref.year}-{ref.month:02d}", "week": _week(ref)}[unit]


@rule("earlier_in_year", r"""(?P<when>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day)(?!\w)""", 3)
def _earlier_in(m, doc):
    unit = _lower(m["unit"])
    if doc.ref is None:
        return "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX"}[unit]
    ref = doc.ref
    return "DATE", {"year": str(ref.year), "month": f"{ref.year}-{ref.month:02d}", "week": _week(ref),
                    "day": ref.isoformat()}[unit]


# -- quarters and halves ------------------------------------------------------------------

_Q_YEAR_PREFIX = r"(?:(?P<pyear>{y})|(?P<prel>this|last|next)\s+year's|(?P<py2>{y})'s)".format(y=YEAR4)


@rule("quarter", rf"""(?:(?:the|its|their|a|an)\s+)?(?:{_Q_YEAR_PREFIX}\s+)?(?:(?:latest|current|comparable|same|flat|strong|weak|year-(?:ago|earlier))\s+)?
    (?:fiscal[-\s]+)?(?P<q>{QUARTER_ORD}|Q[1-4])[-\s]+(?:fiscal[-\s]+)?(?:-?period\s+)?quarters?(?P<plural>s)?
    (?:\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<srel>this|last|next|the)\s+year|fiscal\s+(?P<fyear>{YEAR4})))?(?!\w)""", 4)
def _quarter_rule(m, doc):
    qs = m["q"].lower()
    q = int(qs[1]) if qs.startswith("q") else _QUARTER_NUM[qs]
    text = m.group(0).lower()
    if text.rstrip().endswith("quarters") and not m["year"]:
        return "SET", f"XXXX-Q{q}"
    year = m["year"] or m["pyear"] or m["py2"] or m["fyear"]
    rel = m["prel"] or m["srel"]
    if year:
        y = int(year)
    elif doc.ref is None:
        return "DATE", f"XXXX-Q{q}"
    elif rel:
        y = doc.ref.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel.lower()]
    else:
        y = doc.ref.year
        if q > _quarter(doc.ref)[1] and doc.tense(m.start(), m.end()) == "past":
            y -= 1  # "reported a loss for the fourth quarter" in January
    if "year-ago" in text or "year-earlier" in text:
        y -= 1
    doc.quarter, doc.quarter_pos = (y, q), m.start()
    return "DATE", f"{y}-Q{q}"


@rule("q_notation", rf"""(?<!\w)(?:(?P<y1>{YEAR4})[\s-]*)?(?P<q>Q[1-4]|q[1-4](?=[\s-]*\d{{4}})|(?<=\d\s)q[1-4]|(?<=\d)q[1-4])(?:[\s-]*(?P<y2>{YEAR4}))?(?!\w)""", 4, re.X)
def _qnote(m, doc):
    y = m["y1"] or m["y2"]
    q = int(m["q"][1])
    if y is None:
        if doc.ref is None:
            return "DATE", f"XXXX-Q{q}"
        y = doc.ref.year
    return "DATE", f"{y}-Q{q}"


@rule("half_year", rf"""(?:the\s+)?(?P<h>first|second|last|latter)\s+half\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year|the\s+year)?(?!\w)
    |(?P<y1>{YEAR4})[\s-]?(?P<h1>H[12])(?!\w)|(?P<h2>H[12])[\s-]?(?P<y2>{YEAR4})(?!\d)""", 3)
def _half(m, doc):
    if m["y1"] or m["y2"]:
        return "DATE", f"{m['y1'] or m['y2']}-{(m['h1'] or m['h2']).upper()}"
    h = 1 if m["h"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}"
    if doc.ref is None:
        return "DATE", f"XXXX-H{h}"
    y = doc.ref.year + {"this": 0, "last": -1, "next": 1}.get(_lower(m["rel"]), 0)
    return "DATE", f"{y}-H{h}"


@rule("period_in_context", rf"""(?:the\s+)?(?:(?P<which>latest|current|same|comparable|corresponding|year-ago|year-earlier|{YEAR4})\s+)?
    (?:(?:year-ago|year-earlier|fiscal)\s+)?(?P<unit>quarter|period)(?:\s+(?P<tail>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?(?!\w|-)""", 2)
def _period(m, doc):
    text = _lower(m.group(0))
    which = _lower(m["which"])
    if not text.startswith("the") and not which:
        return None  # "a quarter of the cost", "another quarter": a fraction
    if re.match(r"\s+of\s+(?:a|an|the|its|their|his|her|all|[\d$])", doc.text[m.end():m.end() + 12], re.I):
        return None
    if m["unit"].lower() == "period" and not which and not m["tail"]:
        return None
    back = "year-ago" in text or "year-earlier" in text or bool(m["tail"])
    if doc.ref is None:
        return "DATE", "XXXX-QX"
    if which.isdigit():
        y = int(which)
        q = doc.quarter[1] if doc.quarter else None
        return ("DATE", f"{y}-Q{q}") if q else ("DATE", str(y))
    if which == "current":
        y, q = _quarter(doc.ref)
    elif which == "latest":
        y, q = _quarter(doc.ref - relativedelta(months=3))
    elif doc.quarter and m.start() - doc.quarter_pos < 1500:
        y, q = doc.quarter
    else:
        y, q = _quarter(doc.ref - relativedelta(months=3))
    if back:
        y -= 1
    else:
        doc.quarter, doc.quarter_pos = (y, q), m.start()
    return "DATE", f"{y}-Q{q}"


@rule("year_ago_adj", r"""(?<![\w-])(?:the\s+)?(?P<w>year-ago|year-earlier|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|the\s+prior\s+year|the\s+year\s+before)(?![\w-])""", 2)
def _year_ago(m, doc):
    if doc.ref is None:
        return "DATE", "XXXX"
    if doc.quarter and m.start() - doc.quarter_pos < 400:
        y, q = doc.quarter
        return "DATE", f"{y - 1}-Q{q}"
    return "DATE", str(doc.ref.year - 1)


# -- seasons and holidays --------------------------------------------------------------

SEASON_CONTEXT = re.compile(r"\b(?:in|during|since|until|by|over|through|this|last|next|of)\s+$", re.I)


@rule("season", rf"""(?:(?P<mod>last|next|this|this\s+past|this\s+coming|the)[-\s]+)?
    (?:(?P<edge>early|late|mid)[-\s]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR4}|nineteen\s+{NUMBER_WORD}))?(?!\w)""", 1)
def _season(m, doc):
    """ "last fall" → 2016-FA, "the summer of 1995" → 1995-SU; a bare season needs a calendar
    context ("in spring"), and "fall" needs a determiner ("prices fall" is a verb)."""
    mod = _lower(m["mod"])
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        ys = _lower(m["year"])
        y = int(ys) if ys.isdigit() else 1900 + int(_num(ys[len("nineteen"):].strip()) or 0)
        return "DATE", f"{y}-{code}"
    if not mod:
        if m["season"].lower() == "fall" or not SEASON_CONTEXT.search(doc.text[max(0, m.start() - 10):m.start()]):
            return None
    if doc.ref is None:
        return "DATE", f"XXXX-{code}"
    ref = doc.ref
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    ref_idx = ref.year * 12 + ref.month
    if mod in ("last", "this past"):
        y = ref.year if ref_idx - (ref.year * 12 + start_month) >= 3 else ref.year - 1
    elif mod in ("next", "this coming"):
        y = ref.year if start_month > ref.month else ref.year + 1
    else:
        y = ref.year
    return "DATE", f"{y}-{code}"


def _nth_weekday(year: int, month: int, weekday: int, n: str) -> dt.date:
    first = dt.date(year, month, 1)
    if n == "L":
        last = first + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(n) - 1))


NAME_AFTER = re.compile(r"\s+(?!(?:Day|Eve|Sunday|Monday|Weekend|Week)\b)[A-Z][a-z]")
PART_AS_ADJECTIVE = re.compile(
    r"\s+(?:meetings?|news|newspapers?|papers?|shows?|sessions?|briefings?|rush|commute|editions?|prayers?|services?|programs?)\b",
    re.I)


def _holiday_date(name: str, year: int) -> dt.date:
    name = _lower(name)
    if name in W["fixed_holidays"]:
        mm, dd = W["fixed_holidays"][name].split("-")
        return dt.date(year, int(mm), int(dd))
    if name in W["easter_holidays"]:
        return easter(year) + dt.timedelta(days=W["easter_holidays"][name])
    spec = W["moving_holidays"][name]
    if spec.endswith("ED"):  # US election day: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, "1") + dt.timedelta(days=1)
    spec, _, plus = spec.partition("+")  # "11-4-4+1": the day after the 4th Thursday of November
    mm, wd, n = spec.split("-")
    return _nth_weekday(year, int(mm), int(wd), n) + dt.timedelta(days=int(plus or 0))


_HOLIDAYS = list(W["fixed_holidays"]) + list(W["moving_holidays"]) + list(W["easter_holidays"])
_HOLIDAY_NAMES = set(_HOLIDAYS)


@rule("holiday", rf"""(?:(?P<mod>last|next|this)\s+)?(?P<name>{_alt(_HOLIDAYS)})(?:\s+(?P<year>{YEAR4}))?(?!\w)""", 3)
def _holiday(m, doc):
    name = m["name"]
    if not name[0].isupper() and name.split()[0].lower() not in ("christmas", "easter", "thanksgiving", "halloween"):
        return None  # lower-case "labor day", "may day" are ordinary words
    if _lower(name) == "new year" and not m["year"]:
        return None
    if NAME_AFTER.match(doc.text, m.end()):
        return None  # "Easter Island", "Christmas Island": a place, not a day
    if m["year"]:
        return "DATE", _holiday_date(name, int(m["year"])).isoformat()
    if doc.ref is None:
        return "DATE", "XXXX-" + (W["fixed_holidays"].get(_lower(name), "XX-XX"))
    ref = doc.ref
    this = _holiday_date(name, ref.year)
    mod = _lower(m["mod"])
    if not mod and abs((this - ref).days) <= 14:
        return "DATE", this.isoformat()  # a holiday two weeks away or less is this year's, whatever the tense
    if mod == "last" or (not mod and this > ref and doc.tense(m.start(), m.end()) != "future"):
        if this >= ref:
            this = _holiday_date(name, ref.year - 1)
    elif mod == "next" or (not mod and this < ref and doc.tense(m.start(), m.end()) == "future"):
        if this <= ref:
            this = _holiday_date(name, ref.year + 1)
    return "DATE", this.isoformat()


# -- durations, "ago" expressions and sets ------------------------------------------------

_QUANT_MOD = r"""(?:(?P<qmod>at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|over|up\s+to|some|roughly|approximately|only|just|no\s+more\s+than|within|another|an\s+additional|a\s+further|the\s+entire|the\s+whole|a\s+full)\s+)?"""
_PERIOD_DET = r"""(?:(?P<det>the\s+(?:past|last|next|first|previous|following|coming|final|latest|remaining|initial|same|full)|the|each\s+of\s+the\s+(?:past|last|next)|past|last|next|recent|coming|first)\s+)?"""


@rule("duration", rf"""{_QUANT_MOD}{_PERIOD_DET}(?P<num>{NUMBER}|{VAGUE_NUMBER})(?:(?<!\d\d\d\d)\s+(?:to|or|-)\s+(?P<num2>{NUMBER}))?[\s-]+
    (?:(?:more|additional|full|straight|consecutive|long|whole|trading|business|calendar|fiscal)\s+)?(?P<unit>{UNIT})(?![\w])(?P<half>\s+and\s+a\s+half)?(?P<old>[-\s]+old)?(?:(?P<ago>\s+(?:ago|earlier|before|later|hence|after|from))(?:\s+(?P<base>today|tomorrow|tmrw|yesterday|now))?)?""", 2)
def _dur(m, doc):
    if m["old"]:
        return None  # ages are not temporal expressions in TimeML
    numtxt = _lower(m["num"])
    unit = _lower(m["unit"])
    det = _lower(m["det"])
    n = _num(numtxt)
    if m["half"] and n is not None:
        n += 0.5
    if m["num2"] and n is not None:
        n = None  # "12 to 18 months": a vague amount (TimeML PXM)
    if numtxt in ("a", "an") and unit in ("second", "quarter") and not det and not m["ago"]:
        return None  # "a second group", "a quarter that produced a loss"
    if numtxt in ("a", "an") and not m["ago"] and not det:
        before = doc.text[max(0, m.start() - 25):m.start()]
        if RATE_BEFORE.search(before):
            return "SET", _duration(1, unit)
    if unit.startswith("quarter") and OF_AFTER.match(doc.text, m.end(), m.end() + 4):
        return None  # "three-quarters of its food" is a fraction
    if numtxt.isdigit() and n is not None and n > 200 and unit.startswith("year"):
        return None
    if m["ago"]:
        return _ago(n, unit, _lower(m["ago"]).strip(), doc, m, _lower(m["base"]))
    if det in ("the", "first") and n is not None and n == 1:
        return None
    if det == "recent":
        return ("DATE", "PAST_REF") if unit.startswith("year") else ("DURATION", _duration(None, unit))
    qmod = _lower(m["qmod"])
    if not det and not qmod and n is not None and IN_BEFORE.search(doc.text[max(0, m.start() - 4):m.start()]) \
            and doc.ref is not None and doc.tense(m.start(), m.end()) == "future":
        point = _shifted(doc.ref, n, unit, +1)  # "will be redeemed in five years"
        if point:
            return "DATE", point
    direction = ("past" if det.split()[-1:] in (["past"], ["last"], ["previous"]) else
                 "next" if det.split()[-1:] in (["next"], ["coming"], ["following"]) else
                 "within" if qmod == "within" else None)
    rng = _duration_range(n, unit, direction, doc.ref)
    return ("DURATION", _duration(n, unit), rng) if rng else ("DURATION", _duration(n, unit))


IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# "5 percent a year", "twice a week": "a" + unit after an amount is a rate (a SET), not a duration
RATE_BEFORE = re.compile(r"(?:\d|percent|%|dollars?|cents?|million|billion|times|once|twice|[a-z]{3,}s)[\s,]*$")
OF_AFTER = re.compile(r"\s+of\b")


def _delta(n: float, unit: str) -> Optional[relativedelta]:
    code = UNITS[unit]
    mult, letter = (int(code[:-1]) if len(code) > 1 else 1), code[-1]
    k = n * mult
    if unit.startswith(("hour", "min", "sec", "hr")):
        return None
    if letter == "D":
        return relativedelta(days=round(k))
    if letter == "W":
        return relativedelta(days=round(7 * k))
    if letter == "M":
        return relativedelta(months=round(k)) if k == round(k) else relativedelta(days=round(30 * k))
    if letter == "Q":
        return relativedelta(months=round(3 * k))
    if letter == "Y":
        return relativedelta(years=round(k)) if k == round(k) else relativedelta(months=round(12 * k))
    return None


def _shifted(base: dt.date, n: float, unit: str, sign: int) -> Optional[str]:
    """The TIMEX3 value N units after (sign +1) or before (-1) BASE, at the unit's granularity."""
    d = _delta(n, unit)
    if d is None:
        return None
    day = base + d if sign > 0 else base - d
    letter = UNITS[unit][-1]
    if letter in "DW":
        return day.isoformat()
    if letter == "M":
        return f"{day.year}-{day.month:02d}"
    if letter == "Q":
        return "%d-Q%d" % _quarter(day)
    return str(day.year)


@functools.lru_cache(maxsize=4096)
def _duration_range(n, unit, direction, ref) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of "the past three months" / "the next five days" / "within a year"."""
    if ref is None or n is None or direction is None:
        return None
    d = _delta(n, unit)
    if d is None:
        return None
    code = UNITS[unit]
    if code in ("Q", "10Y", "100Y") and n == int(n) and direction in ("past", "next"):
        # quarters and decades count whole calendar periods: "the past two quarters" on 4 July
        # are January to June, "the next decade" in 2018 is the 2020s
        months = {"Q": 3, "10Y": 120, "100Y": 1200}[code]
        index = (ref.year * 12 + ref.month - 1) // months * months  # first month of the current period
        start = dt.date(index // 12, index % 12 + 1, 1)
        if direction == "past":
            return start - relativedelta(months=months * int(n)), start - dt.timedelta(days=1)
        first = start + relativedelta(months=months)
        return first, first + relativedelta(months=months * int(n)) - dt.timedelta(days=1)
    if direction == "past":
        return ref - d, ref
    if direction == "next":
        return ref + dt.timedelta(days=1), ref + d
    return ref, ref + d


def _ago(n, unit, word, doc, m, base: str = "") -> Result:
    code = UNITS[unit]
    if base and base != "now":
        if doc.ref is None or n is None:
            return "DATE", "XXXX-XX-XX"
        day = doc.ref + dt.timedelta(days={"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[base])
        d = _delta(n, unit)
        if d is None:
            return None
        return "DATE", (day + d if word in ("after", "from", "later", "hence") else day - d).isoformat()
    if word == "from" and base != "now":
        return "DURATION", _duration(n, unit)
    if word in ("later", "after", "before") or (word == "earlier" and n != 1):
        return "DURATION", _duration(n, unit)
    if word in ("from", "hence"):
        sign = 1
    else:
        sign = -1
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if doc.ref is None:
        return "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(code[-1], "XXXX")
    if word == "earlier" and code == "Y" and doc.quarter and m.start() - doc.quarter_pos < 400:
        y, q = doc.quarter
        return "DATE", f"{y - 1}-Q{q}"
    ref = doc.ref
    mult = int(code[:-1]) if len(code) > 1 else 1
    k = n * mult * sign
    letter = code[-1]
    if letter in "HMS" and unit.startswith(("hour", "min", "sec")):
        return "DATE", ref.isoformat()
    if letter == "D":
        return "DATE", (ref + dt.timedelta(days=round(k))).isoformat()
    if letter == "W":
        return "DATE", (ref + dt.timedelta(weeks=k)).isoformat()
    if letter == "M":
        d = ref + relativedelta(months=round(k))
        return "DATE", f"{d.year}-{d.month:02d}"
    if letter == "Q":
        d = ref + relativedelta(months=round(3 * k))
        return "DATE", "%d-Q%d" % _quarter(d)
    return "DATE", str(ref.year + round(k))


_DAY_PHRASE = rf"""(?:(?:next|last|this)\s+)?(?:{WEEKDAY})|(?:{MONTH_ANY})\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+{YEAR4})?
    |[01]?\d/[0-3]?\d/\d{{4}}|{_alt(_HOLIDAYS)}|today|tomorrow|yesterday"""


_OFFSET_HEAD = rf"""(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>before|after|from|prior\s+to)\s+"""


@rule("offset_from_day", rf"""{_OFFSET_HEAD}(?P<base>{_DAY_PHRASE})(?!\w)""", 4, locate=_OFFSET_HEAD)
def _offset_from_day(m, doc):
    """ "two weeks before Christmas", "3 days after January 12th": a day counted from another."""
    if re.search(r"trading|business", m["unit"], re.I):
        return None  # trading days are not calendar days
    base = _resolve_day_phrase(m["base"], doc, m.start("base"), m.end("base"))
    n = _num(m["num"])
    d = _delta(n, _lower(m["unit"])) if n is not None else None
    if d is None:
        return None
    if base is None:
        return "DATE", "XXXX-XX-XX"
    day = base - d if _lower(m["dir"]) in ("before", "prior to") else base + d
    return "DATE", day.isoformat()


@rule("bare_units", r"""(?:(?P<pre>for|in|over|within|after|take|takes|took|taken|than|of)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?P<ago>\s+ago)?(?!\w)""", 0)
def _bare_units(m, doc):
    unit = _lower(m["unit"])
    if m["ago"]:
        return "DATE", "PAST_REF"
    if not m["pre"]:
        return None
    return "DURATION", _duration(None, unit)


@rule("set", rf"""(?P<q>every|each|per|a|once\s+a|twice\s+a)\s+(?P<other>other\s+)?(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|summer|winter|spring|{MONTH_FULL})(?!\w)""", 2)
def _set(m, doc):
    q = _lower(m["q"])
    unit = _lower(m["unit"])
    if q == "a":
        return None  # "a week" is a duration, handled there
    if unit in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit]:02d}"
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}"
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    n = 2 if m["other"] else 1
    return "SET", _duration(n, unit)


@rule("set_adverb", rf"""(?P<w>{_alt(SET_ADVERBS)})(?!\w)""", 1)
def _set_adv(m, doc):
    if m["w"][0].isupper() and (re.match(r"\s+[A-Z]", doc.text[m.end():m.end() + 2])
                                or re.search(r"[A-Z][\w.]*\s+$", doc.text[max(0, m.start() - 20):m.start()])):
        return None  # "the Daily News", "Breitbart News Daily": a name
    if m["w"].lower() == "quarterly" and re.match(r"\s+[a-z]", doc.text[m.end():m.end() + 2]):
        return None  # "its quarterly dividend": a kind of payment, not a recurrence in the text
    return "SET", SET_ADVERBS[m["w"].lower()]


# -- document-relative references ------------------------------------------------------

@rule("present_ref", rf"""(?P<w>{_alt(W['present_ref'])})(?!\w)""", 1)
def _present(m, doc):
    w = _lower(m["w"])
    if w == "today's":
        return None
    after = doc.text[m.end():m.end() + 12].lower()
    if w == "now" and re.match(r"\s+on\b", after):
        return None
    return "DATE", "PRESENT_REF"


@rule("recent_units", r"""recent\s+(?P<unit>days|weeks|months|quarters|decades)(?!\w)""", 1)
def _recent_units(m, doc):
    return "DURATION", _duration(None, m["unit"])


@rule("current", r"""(?P<then>the\s+then[-\s]+)?current(?![\w-])""", 0)
def _current(m, doc):
    if m["then"]:
        return "DATE", "PAST_REF"
    if re.match(r"\s+(?:account|accounts|affairs|events|issue|density|flow|flows|carrying|carrier)\b", doc.text[m.end():m.end() + 12]):
        return None
    return "DATE", "PRESENT_REF"


@rule("past_ref", rf"""(?P<w>recently|more\s+recently|most\s+recently|until\s+recently|lately|in\s+the\s+past|the\s+past|formerly|recent\s+years)(?!\w)(?P<unit>\s+(?:\w+\s+)?(?:{UNIT}))?""", 1)
def _past(m, doc):
    if m["unit"]:
        return None
    return "DATE", "PAST_REF"


@rule("future_ref", r"""(?P<w>(?:the|a)\s+(?:near|distant|foreseeable|not-too-distant)\s+future|the\s+future|in\s+future|future|soon|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date|
    (?:the\s+)?coming\s+(?:months|years|weeks|days|quarters))(?!\w)(?P<after>\s+(?:as|after|afterwards?|thereafter|enough))?""", 1)
def _future(m, doc):
    w = _lower(m["w"])
    before = doc.text[max(0, m.start() - 4):m.start()].lower()
    if w == "soon" and (m["after"] or before.endswith("as ") or before.endswith("how ")):
        return None
    if w == "future":
        return None  # "future earnings": an adjective, not a reference to the future
    return "DATE", "FUTURE_REF"


@rule("earlier_this", rf"""(?P<when>earlier|later|early|late|mid|at\s+the\s+end\s+of|the\s+end\s+of|the\s+rest\s+of|by\s+the\s+end\s+of|at\s+the\s+start\s+of)[-\s]+(?P<mod>this|last|next)\s+(?P<unit>week|month|year|quarter|decade)(?!\w)""", 4)
def _earlier_this(m, doc):
    return _relunit(_FakeMatch({"mod": m["mod"], "unit": m["unit"]}, m), doc)


class _FakeMatch:
    """Lets a rule reuse another rule's resolver with fixed groups."""

    def __init__(self, groups: dict, m: re.Match):
        self._g, self._m = groups, m

    def __getitem__(self, k):
        return self._g.get(k)

    def start(self):
        return self._m.start()

    def end(self):
        return self._m.end()


# --------------------------------------------------------------------------- ranges

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# the shapes of TIMEX3 DATE values, from a day down to a century
_V_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_V_MONTH = re.compile(r"(\d{4})-(\d\d)")
_V_WEEK = re.compile(r"(\d{4})-W(\d\d?)(-WE)?")
_V_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_V_HALF = re.compile(r"(\d{4})-H([12])")
_V_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_V_YEAR = re.compile(r"\d{4}")
_V_DECADE = re.compile(r"(\d{3})X?")
_V_CENTURY = re.compile(r"(\d{2})")


def value_range(value: str) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """The first and last calendar day a TIMEX3 DATE value denotes (``(day, None)`` for one day).

    Example:
        >>> value_range("2017-Q3")
        (datetime.date(2017, 7, 1), datetime.date(2017, 9, 30))
    """
    return _value_range(value)


@functools.lru_cache(maxsize=4096)
def _value_range(value: str) -> tuple[Optional[dt.date], Optional[dt.date]]:
    try:
        m = _V_DAY.fullmatch(value)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), None
        m = _V_MONTH.fullmatch(value)
        if m:
            first = dt.date(int(m[1]), int(m[2]), 1)
            return first, first + relativedelta(months=1, days=-1)
        m = _V_WEEK.fullmatch(value)
        if m:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        m = _V_QUARTER.fullmatch(value)
        if m:
            first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, first + relativedelta(months=3, days=-1)
        m = _V_HALF.fullmatch(value)
        if m:
            first = dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
            return first, first + relativedelta(months=6, days=-1)
        m = _V_SEASON.fullmatch(value)
        if m:
            a, b = _SEASON_MONTHS[m[2]]
            first = dt.date(int(m[1]), a, 1)
            return first, first + relativedelta(months=b - a + 1, days=-1)
        m = _V_YEAR.fullmatch(value)
        if m:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        m = _V_DECADE.fullmatch(value)
        if m:
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        m = _V_CENTURY.fullmatch(value)
        if m:
            y = int(m[1]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    except ValueError:
        pass
    return None, None


# --------------------------------------------------------------------------- filters

# "WASHINGTON, August 11 (Xinhua) --": the dateline repeats the document date
DATELINE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .,'-]+,\s*$")
DATELINE_AFTER = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?(?:--|_)")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:``|[\"“‘'(])?\s*$")
# a capitalised word before a Title-Case expression mid-sentence: a name ("High Noon", "VOA Today")
NAME_BEFORE = re.compile(r"(?:[A-Z][\w.'-]*|``|\"|'|“|‘)\s*$")
YEAR_IN_NAME_AFTER = re.compile(r"\s+(?!(?:A|In|On|At|The|And|But|When|As|To|For|By|After|Before)\b)[A-Z][a-z]+")


_NAME_RULES = {"year", "relative_unit", "relative_day", "named_time"}  # the rules whose matches may be names


def _is_name_or_dateline(text: str, s: int, e: int, rule_name: str) -> bool:
    """True for matches that are part of a name, a show title or a dateline, not a time."""
    if rule_name not in _NAME_RULES:
        return False
    word = text[s:e]
    before = text[max(0, s - 40):s]
    if rule_name == "year":
        prev = re.search(r"(\S+)\s+$", before)
        if prev and prev.group(1)[:1].isupper() and not prev.group(1).endswith(("'s", "’s")) and prev.group(1).lower().strip(".,") not in MONTHS \
                and prev.group(1).lower().strip(".,") not in ("in", "since", "by", "fiscal", "until", "from", "through", "mid", "early", "late", "before", "after", "during", "of") \
                and not re.search(r"[.!?]\s*\S+\s+$", before) and not before.rstrip().endswith((".", ",")):
            return True  # "Orion 1980"
        if YEAR_IN_NAME_AFTER.match(text, e) and re.search(r"'s\s+$", before):
            return True  # "Kopp's 1987 Chevrolet"
    if word[:1].isupper() and " " in word and all(w[:1].isupper() for w in word.split()) \
            and rule_name in ("relative_unit",) and not re.search(r"(?:^|[.!?]\s+|\n\s*)$", before):
        return True  # "This Week With David Brinkley"
    if rule_name in ("relative_day", "named_time") and word[:1].isupper() and NAME_BEFORE.search(before) \
            and not SENTENCE_START.search(before):
        return True  # "VOA Today", "High Noon", NBC's “Today”
    return False


# --------------------------------------------------------------------------- main entry

# Anchors: every match of a rule contains one of its anchor words (or, for "#", a digit). The text
# is tokenised once; each rule then runs only on windows around its own anchors, so the ~40
# patterns never scan the (majority of) text that holds none of their words.
_GROUPS = {
    "@months": list(MONTHS), "@weekdays": list(WEEKDAYS) + [d + "s" for d in WEEKDAYS if len(d) > 5],
    "@units": [w for u in UNITS for w in u.split()], "@seasons": list(SEASONS), "@parts": list(PARTS_OF_DAY),
    "@adverbs": list(SET_ADVERBS), "@decades": list(W["decade_words"]),
    # distinctive words of holiday names ("christmas", "thanksgiving"), not "day", "new", "eve"
    "@holidays": [w for h in _HOLIDAYS for w in re.findall(r"[a-z]+", h)
                  if w not in {"day", "new", "year", "s", "st", "eve", "may", "good", "king", "sunday", "monday", "friday"}],
    "@ordinals": [w for o in ORDINALS for w in o.split("-")], "@reldays": ["today", "tonight", "yesterday", "tomorrow", "tmrw"],
}
RULE_ANCHORS = {
    "iso_date": "#4 #", "numeric_date": "#", "year_month_iso": "#4", "year_range": "#4", "day_range": "@months", "month_day": "@months", "day_month": "@months", "month_year": "@months",
    "month": "@months", "year": "#4", "spoken_year": "nineteen thousand", "decade": "#4 #s @decades",
    "century": "century centuries", "relative_day": "@reldays", "this_part_of_day": "@parts",
    "weekday": "@weekdays", "weekday_set": "@weekdays", "weekday_the_nth": "@weekdays", "offset_from_day": "before after from prior", "weekday_of_week": "@weekdays", "nth_week_of_year": "week",
    "part_of_day": "morning afternoon evening", "clock_time": "#",
    "day_clock_time": "@weekdays @reldays @months", "named_time": "noon midday midnight midafternoon midmorning @parts",
    "relative_unit": "@units weekend half fiscal", "weekend": "weekend", "weekend_set": "weekend", "the_year": "year", "anchored_year": "year",
    "anchored_day": "day", "ahead": "ahead", "edge_of_period": "year month week end", "earlier_in_year": "year month week day",
    "quarter": "quarter quarters", "q_notation": "q", "half_year": "half h", "period_in_context": "quarter period",
    "year_ago_adj": "year", "season": "@seasons", "holiday": "@holidays", "duration": "@units",
    "bare_units": "@units", "set": "every each per once twice", "set_adverb": "@adverbs",
    "present_ref": "now nowadays currently presently days moment time present", "recent_units": "recent",
    "current": "current", "past_ref": "recently lately past formerly years", "earlier_this": "@units",
    "future_ref": "future soon term date months years weeks days quarters",
}
_ALL_ANCHORS = {w for spec in RULE_ANCHORS.values() for part in spec.split() for w in _GROUPS.get(part, [part])}


# Needs: a string (a regex) that every match of the rule contains besides its anchor, so a window
# without it cannot hold a match and the rule's costly pattern is not run there ("relative_unit"
# needs "last", "next", "this" …; "numeric_date" a "/"). It is searched in the folded text, so one
# lower-case spelling covers every case; a substring ("earl" for "early", "earlier") is enough.
# (Needs that start with one character or class are searched fastest: "\d(?:-[01]|\d{7})".)
_UNIT_NEEDS = "|".join(_last_words(UNITS))  # "days", "trading days"
RULE_NEEDS = {
    "iso_date": r"\d(?:-[01]|\d{7})", "numeric_date": "/", "year_month_iso": "-", "year_range": "[-–]", "day_range": "[-–]",
    "weekday_the_nth": r"the\s+(?:\d|" + "|".join(_first_words(ORDINALS)) + ")",  # "Tuesday the 11th"
    "month_year": r"\d|year|nineteen|thousand", "decade": "0'?s|ties", "nth_week_of_year": r"\d",
    "this_part_of_day": "this|last|tomorrow|yesterday", "weekday_set": "every|each|days|ings|noons|nights",
    "weekday_of_week": "week", "offset_from_day": rf"(?:{_UNIT_NEEDS})\s+(?:before|after|from|prior)",  # "two days before"
    # the end of the day (a weekday, "today", "Oct. 12", "2017", "morning" …), then the hour: "Friday at about 10"
    "day_clock_time": r"(?:day|row|ight|noon|ning|\d|st|nd|rd|th),?\s+(?:(?:at|by|from|around|about|until|before|after)\s+){0,2}\d", "named_time": "noon|mid",
    "relative_unit": r"(?:last|next|this|past|previous|current|coming|following|same)\s+"
                     r"(?:week|month|year|quarter|fiscal|calendar|decade|century|half)",  # "the past year"
    "earlier_this": r"(?:earlier|later|early|late|mid|of)[-\s]+(?:this|last|next)\s+(?:week|month|year|quarter|decade)",
    "weekend_set": "every|each", "anchored_year": "that|the", "anchored_day": "that|same",
    "edge_of_period": "end|beginning|start|middle|rest", "earlier_in_year": "earl|late",
    "year_ago_adj": "ago|earlier|before|previous|prior", "bare_units": "years|months|weeks|days|decades|hours|minutes|centuries",
    "past_ref": "recent|lately|past|formerly", "future_ref": "future|soon|term|later|coming",
}

# The anchor tokens, found in the folded text: numbers (a run of digits; "'90s") and whole anchor words.
# (A pattern that starts with a character class is searched fastest: "\d\d*", not "\d+".)
NUMBER_TOKEN = re.compile(r"\d\d*")
WORD_TOKEN = re.compile(r"(?<![a-z])"
                        + word_trie(sorted({w.lower() for w in _ALL_ANCHORS if w.isalpha()}), ignore_case=False)
                        + r"(?![a-z])")
WINDOW_BEFORE, WINDOW_AFTER = 45, 70


def _anchor_groups() -> tuple[list[list[int]], dict[str, list[int]]]:
    """Rules with the same anchors share their windows: the groups of rule indices, and for each
    anchor the groups it anchors ("#4" for a number of 4 digits, "#" for another, "#s" for "'90s")."""
    groups: dict[frozenset, list[int]] = {}
    for i, r in enumerate(RULES):
        keys = set()
        for part in RULE_ANCHORS[r.name].split():
            keys.update(["#", "#4"] if part == "#" else [w.lower() for w in _GROUPS.get(part, [part])])
        groups.setdefault(frozenset(keys), []).append(i)
    index: dict[str, list[int]] = {}
    for g, keys in enumerate(groups):
        for k in keys:
            index.setdefault(k, []).append(g)
    return list(groups.values()), index


_WINDOW_GROUPS, _ANCHOR_INDEX = _anchor_groups()
_RULE_ORDER = {r.name: i for i, r in enumerate(RULES)}  # ties between rules go to the one defined first
_NEEDS = [re.compile(RULE_NEEDS[r.name]) if r.name in RULE_NEEDS else None for r in RULES]


def _anchors(text: str, folded: str) -> list[tuple[int, int, list[int]]]:
    """The anchor tokens of TEXT as (start, end, indices of the groups they anchor), in text order."""
    index = _ANCHOR_INDEX
    found = []
    decade_s = set()  # where the "s" of a "'90s" is: no word starts there ("'90seconds")
    for m in NUMBER_TOKEN.finditer(folded):
        s, e = m.span()
        if e - s == 2 and s and folded[s - 1] == "'" and folded.startswith("0s", e - 1):
            found.append((s - 1, e + 1, index["#s"]))
            decade_s.add(e)
        else:
            found.append((s, e, index["#4"] if e - s == 4 else index["#"]))
    for m in WORD_TOKEN.finditer(folded):
        s, e = m.span()
        groups = index.get(text[s:e].lower())  # the word as written: "ſoon" is no anchor, though it folds to one
        if groups and s not in decade_s:
            found.append((s, e, groups))
    found.sort()  # numbers and words never start at the same offset
    return found


def _windows(text: str, folded: str) -> dict[int, list[tuple[int, int]]]:
    """For each group of rules, the merged (start, end) stretches of TEXT around its anchors."""
    hits: dict[int, list[tuple[int, int]]] = {}
    n = len(text)
    for s, e, groups in _anchors(text, folded):
        lo, hi = max(0, s - WINDOW_BEFORE), min(n, e + WINDOW_AFTER)
        for g in groups:
            spans = hits.get(g)
            if spans is None:
                hits[g] = [(lo, hi)]
            elif lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
    return hits


_WORD_END = re.compile(r"[\w'.-]*")


def _candidates(text: str, folded: str):
    """Every rule match in TEXT (FOLDED: ``fold_case(text)``) as (start, end, priority, rule, match);
    overlapping ones included."""
    out = []
    for g, spans in _windows(text, folded).items():
        # never cut a word (or "a.m.") at the window's end
        spans = [(ws, _WORD_END.match(text, we).end()) for ws, we in spans]
        for i in _WINDOW_GROUPS[g]:
            r = RULES[i]
            keep = r.keep
            for m in r.matches(text, folded, spans, _NEEDS[i]):
                s, e = m.span()
                if e > s and (keep is None or keep(m)):
                    out.append((s, e, r.priority, r, m))
    return out


def _select(cands, probe: "_Probe"):
    """Non-overlapping matches that resolve: longest first, then higher priority, then leftmost.

    A match whose rule declines it (resolves to None, e.g. "May" the modal verb) does not
    block shorter matches inside it; ``probe`` is a scratch document state for that test.
    Returns (start, end, rule, match, result) in text order; the result (type, value …) is
    None where it depends on the context of earlier mentions, which only the final pass in
    text order knows (see ``_Probe``), else the final one already.
    """
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0], _RULE_ORDER[c[3].name]))
    taken = bytearray(len(probe.text) + 1)  # 1 where a chosen mention lies: overlap tests in O(length)
    chosen = []
    for s, e, _prio, r, m in cands:
        if taken.find(1, s, e) >= 0:
            continue
        probe.touched = False
        try:
            res = r.resolve(m, probe)
            ok = res is not None and not _is_name_or_dateline(probe.text, s, e, r.name)
        except (ValueError, KeyError, OverflowError, TypeError, IndexError):
            ok = False
        if not ok:
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, r, m, None if probe.touched else res))
    chosen.sort(key=lambda c: c[0])
    return chosen


ABSOLUTE_RULES = {"iso_date", "numeric_date", "month_day", "day_month", "month_year", "year", "spoken_year"}
_EDGE_WORDS = re.compile(r"^(?:(?:on|in|at|since|until|by|during|of|from|through)\s+)", re.I)


def _context_slot(name: str) -> property:
    """A ``_Doc`` context attribute that marks the ``_Probe`` touched when read or set."""
    slot = _Doc.__dict__[name]  # the slot's own descriptor

    def get(self):
        self.touched = True
        return slot.__get__(self)

    def set_(self, value):
        self.touched = True
        slot.__set__(self, value)
    return property(get, set_)


class _Probe(_Doc):
    """A scratch copy of a ``_Doc`` for selection, with a context day and year so that rules
    anchored on earlier mentions ("that day", "later that year") are not declined before
    resolution.

    It notes (``touched``) when a resolver reads or sets the context of earlier mentions (day,
    year, quarter). A resolution that did not is a function of the match, the text and the
    reference alone, so the final pass reuses it instead of resolving the match again.
    """

    __slots__ = ("touched",)
    day, day_pos, year, quarter, quarter_pos = map(_context_slot, ("day", "day_pos", "year", "quarter", "quarter_pos"))

    def __init__(self, doc: _Doc):
        super().__init__(doc.text, doc.ref, like=doc)
        self.day = self.ref or dt.date(2000, 1, 1)
        self.day_pos = 0
        self.year = self.day.year
        self.touched = False


def find_dates(text_or_article, reference=None) -> list[DateMention]:
    """Find the dates, times, durations and sets in a text and resolve them (TIMEX3 values).

    Args:
        text_or_article: a ``str`` or a :class:`newskit.Article` (its ``published`` date is
            the reference unless ``reference`` is given).
        reference: the date the text was written (publication date): a ``datetime.date``,
            ``datetime.datetime`` or ISO string. Without one, relative expressions keep X's.

    Returns:
        ``DateMention`` items in text order, non-overlapping.

    Example:
        >>> [(d.text, d.value) for d in find_dates("Two weeks ago it rained; now it's dry.",
        ...                                         reference="2017-11-04")]
        [('Two weeks ago', '2017-10-21'), ('now', 'PRESENT_REF')]
    """
    text, published = as_text_and_reference(text_or_article)
    ref = parse_reference(reference) if reference is not None else published
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    doc = _Doc(text, ref)
    found: list[DateMention] = []
    for s, e, r, m, res in _select(_candidates(text, doc.folded), _Probe(doc)):
        if res is None:  # it depends on the earlier mentions: resolved now, in text order
            try:
                res = r.resolve(m, doc)
            except (ValueError, KeyError, OverflowError, TypeError, IndexError):
                res = None
            if res is None:
                continue
        typ, value = res[0], res[1]
        # leading prepositions ("at 10 a.m.") are matched for context but are not part of the expression
        lead = _EDGE_WORDS.match(text[s:e])
        if lead and typ != "DURATION":
            s += lead.end()
        first, last = (value_range(value) if typ in ("DATE", "TIME") else (None, None))
        if len(res) > 2 and res[2]:
            first, last = res[2]
        if first is not None and last is None and typ in ("DATE", "TIME"):
            doc.day, doc.day_pos = first, s
        if r.name in ABSOLUTE_RULES and _V_YEAR.match(value) and (r.name != "month_day" or m["year"]) \
                and (r.name != "day_month" or m["year"]):
            doc.year = int(value[:4])
        found.append(DateMention(s, e, text[s:e], typ, value, first, last, r.name))
    return found
