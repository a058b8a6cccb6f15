"""What resolution needs besides the match: the reference date, the tense of the clause, and the
mentions before it in the text.

An underspecified expression ("Friday", "Oct. 26", "January") is resolved against the reference
date (the publication date): the past or the future reading follows the tense of the clause
(``Doc.tense``), else the news convention (the most recent past). Some rules read what the
mentions before them in the text established: the last day ("at 10 p.m." after "Friday"), the
last year stated ("the following year" after "1995") and the last quarter ("the year-ago
quarter" after "the third quarter"). ``Probe`` is a scratch ``Doc`` for the selection of
matches, which notes whether a resolution read or set that context.

Example:
    >>> doc = Doc("The minister will visit on Friday.", dt.date(2017, 11, 4))
    >>> doc.tense(27, 33), weekday_date(5, "", doc, 27, 33)
    ('future', datetime.date(2017, 11, 10))
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from newskit.dates.engine import for_folded
from newskit.dates.lexicon import HOLIDAY_NAMES, MONTHS, SPACES, WEEKDAYS, WORDS, alt, lower
from newskit.dates.values import calendar_limits, holiday_date
from newskit.errors import InputError
from newskit.wordlists import fold_case


_YYYYMMDD = re.compile(r"\d{8}")


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
        if _YYYYMMDD.fullmatch(s):
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        raise InputError(f"reference {reference!r} is not an ISO date; pass e.g. '2017-11-04' or a datetime.date")
    raise TypeError(f"reference must be a date, datetime or ISO string, not {type(reference).__name__}")


# --------------------------------------------------------------------------- tense cues

# tense cues for the past/future choice of underspecified expressions
FUTURE_WORDS = ["will", "won't", "wo", "shall", "'ll", "going to", "plan", "plans", "planned", "planning", "scheduled",
                "schedule", "expect", "expects", "expected", "due", "would", "is to", "are to", "intend", "intends",
                "upcoming", "set to", "hope to", "hopes to", "supposed to", "await", "awaits", "awaiting", "deadline",
                "begin", "begins", "start", "starts", "open", "opens", "meet", "meets", "leave", "leaves", "vote", "votes",
                "may", "might", "payable", "effective", "expire", "expires"]
PAST_WORDS = ["was", "were", "had", "did", "said", "says", "told", "ago", "last", "earlier", "since"] + WORDS["past_verbs"]
FUTURE_CUE = re.compile(r"\b" + alt(FUTURE_WORDS) + r"\b", re.I)
# either, as one trie; any "-ed" word last ("supposed to" is a future cue, "supposed" a past one)
_CUE = re.compile(r"\b(?:" + alt(FUTURE_WORDS + PAST_WORDS) + r"|\w{3,}ed)\b", re.I)
# a stop before a space or a line break, or a stop at the end (written to start with a class: fast)
SENTENCE_END = re.compile(r"[.;!?\n](?:(?=\s)|(?<!\n)$)")
SOON_AS = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s+$", re.I)
BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|was|were|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
_FUTURE_ED = {"planned", "scheduled", "expected"}
_NOT_PAST_ED = {"hundred", "bed", "shed", "red", "wed", "sped", "limited", "detailed", "advanced", "unprecedented",
                "talented", "interested", "concerned", "supposed", "used", "so-called", "armed", "united"}
STRONG_FUTURE = re.compile(r"will|won't|wo|shall|'ll|going\s+to|would|is\s+to|are\s+to|due|set\s+to|supposed\s+to|may|might", re.I)

_CUE_FOLDED, _SOON_AS_FOLDED, _BE_BEFORE_FOLDED = for_folded(_CUE), for_folded(SOON_AS), for_folded(BE_BEFORE)


# --------------------------------------------------------------------------- document state

class Doc:
    """What resolution needs besides the match: the text, the reference, recent context."""

    __slots__ = ("text", "ref", "quarter", "quarter_pos", "day", "day_pos", "year", "folded", "tenses")

    def __init__(self, text: str, ref: Optional[dt.date], like: Optional["Doc"] = None):
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


def _context_slot(name: str) -> property:
    """A ``Doc`` context attribute that marks the ``Probe`` touched when read or set."""
    slot = Doc.__dict__[name]  # the slot's own descriptor

    def get(self):
        self.touched = True
        return slot.__get__(self)

    def set_(self, value):
        self.touched = True
        slot.__set__(self, value)
    return property(get, set_)


class Probe(Doc):
    """A scratch copy of a ``Doc`` for selection, with a context day and year so that rules
    anchored on earlier mentions ("that day", "later that year") are not declined before
    resolution.

    It notes (``touched``) when a resolver reads or sets the context of earlier mentions (day,
    year, quarter). A resolution that did not is a function of the match, the text and the
    reference alone, so the final pass reuses it instead of resolving the match again.
    """

    __slots__ = ("touched",)
    day, day_pos, year, quarter, quarter_pos = map(_context_slot, ("day", "day_pos", "year", "quarter", "quarter_pos"))

    def __init__(self, doc: Doc):
        super().__init__(doc.text, doc.ref, like=doc)
        self.day = self.ref or dt.date(2000, 1, 1)
        self.day_pos = 0
        self.year = self.day.year
        self.touched = False


# --------------------------------------------------------------------------- resolution helpers

def pick_year(month: int, day: Optional[int], doc: Doc, start: int, end: int) -> Optional[int]:
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
            with calendar_limits:  # a year beyond the calendar: from a reference near year 1 or 9999
                try:
                    return dt.date(y, month, day)
                except ValueError:  # "Feb. 29" in a common year, "Nov. 31": the 28th is as near
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


def weekday_date(wd: int, mod: str, doc: Doc, start: int, end: int) -> Optional[dt.date]:
    """The day of weekday WD (1 = Monday) with the modifier MOD ("last", "next", "this", "")."""
    ref = doc.ref
    if ref is None:
        return None
    delta = wd - ref.isoweekday()
    mod = SPACES.sub(" ", mod.lower())
    if mod in ("last", "this past", "the previous", "past", "previous"):
        days = (delta - 7) if delta >= 0 else delta
    elif mod in ("next", "this coming", "coming", "the following", "the coming", "following"):
        days = delta if delta > 0 else delta + 7
    elif mod == "this":
        days = delta
    elif doc.tense(start, end) == "future":
        days = delta if delta >= 0 else delta + 7
    else:
        days = delta if delta <= 0 else delta - 7
    with calendar_limits:
        return ref + dt.timedelta(days=days)


def anchor_day(doc: Doc, start: int) -> Optional[dt.date]:
    """The day a bare time of day refers to: a day named just before in the text, else the reference."""
    if doc.day is not None and start - doc.day_pos < 150:
        return doc.day
    return doc.ref


RELATIVE_DAYS = {"today": 0, "tonight": 0, "last night": -1, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}


# the shapes of a day phrase, in lower case: "oct. 26, 2017", "next friday", "10/26/2017", "oct. 26"
_MONTH_DAY_YEAR = re.compile(r"(\S+?)\.?\s+(\d+)(?:st|nd|rd|th)?\s*,\s*(\d{4})$")
_MOD_WEEKDAY = re.compile(r"(next|last|this) (\w+)")
_NUMERIC_DAY = re.compile(r"([01]?\d)/([0-3]?\d)/(\d{4})")
_MONTH_DAY = re.compile(r"(\S+?)\.?\s+(\d+)")


def day_of_phrase(s: str, doc: Doc, start: int, end: int) -> Optional[dt.date]:
    """The day a day phrase names ("Friday", "next Tuesday", "Oct. 26, 2017", "tomorrow",
    "12/25/2017", "Christmas"), resolved like the mention at START:END; None if unknown."""
    s_l = lower(s)
    mm = _MONTH_DAY_YEAR.match(s_l)
    if mm and mm.group(1) in MONTHS:
        try:
            return dt.date(int(mm.group(3)), MONTHS[mm.group(1)], int(mm.group(2)))
        except ValueError:
            return None  # "Feb. 30, 2017": no such day
    if doc.ref is None:
        return None
    if s_l in RELATIVE_DAYS:
        with calendar_limits:
            return doc.ref + dt.timedelta(days=RELATIVE_DAYS[s_l])
    if s_l in WEEKDAYS:
        return weekday_date(WEEKDAYS[s_l], "", doc, start, end)
    mm = _MOD_WEEKDAY.fullmatch(s_l)
    if mm and mm.group(2) in WEEKDAYS:
        return weekday_date(WEEKDAYS[mm.group(2)], mm.group(1), doc, start, end)
    mm = _NUMERIC_DAY.fullmatch(s_l)
    if mm:
        try:
            return dt.date(int(mm.group(3)), int(mm.group(1)), int(mm.group(2)))
        except ValueError:
            return None  # "2/30/2017": no such day
    if s_l in HOLIDAY_NAMES:
        this = holiday_date(s_l, doc.ref.year)
        if this > doc.ref and doc.tense(start, end) != "future":
            this = holiday_date(s_l, doc.ref.year - 1)
        elif this < doc.ref and doc.tense(start, end) == "future":
            this = holiday_date(s_l, doc.ref.year + 1)
        return this
    mm = _MONTH_DAY.match(s_l)
    if mm and mm.group(1) in MONTHS:
        month, day = MONTHS[mm.group(1)], int(mm.group(2))
        y = pick_year(month, day, doc, start, end)  # a year: the reference is known here
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None  # "Feb. 30": no such day
    return None
