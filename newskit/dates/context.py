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

from newskit.dates.lexicon import HOLIDAY_NAMES, MONTHS, SPACES, WEEKDAYS, lower
from newskit.dates.tense import clause_tense
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


# --------------------------------------------------------------------------- document state

class Doc:
    """What resolution needs besides the match: the text, the reference, recent context."""

    __slots__ = ("text", "ref", "quarter", "quarter_pos", "day", "day_pos", "night", "night_pos", "year", "dated",
                 "dated_pos", "folded", "tenses")

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
        self.night: Optional[dt.date] = None  # the day whose night was last mentioned ("Friday night", "tonight")
        self.night_pos = -10**9
        self.year: Optional[int] = None  # last explicit year mentioned
        # the last mention that wrote its year, as (year, month or None, day or None): "end January 2015"
        self.dated: Optional[tuple] = None
        self.dated_pos = -10**9

    def tense(self, start: int, end: int) -> Optional[str]:
        """'future', 'past' or None from the words of the clause around ``text[start:end]``
        (see ``tense.clause_tense``)."""
        key = (start, end)
        if key not in self.tenses:
            self.tenses[key] = clause_tense(self.text, self.folded, start, end)
        return self.tenses[key]


# the context of earlier mentions, and each slot's own descriptor
_CONTEXT = ("day", "day_pos", "night", "night_pos", "year", "dated", "dated_pos", "quarter", "quarter_pos")
_SLOT = {name: Doc.__dict__[name] for name in _CONTEXT}


def _context_slot(name: str) -> property:
    """A ``Doc`` context attribute that marks the ``Probe`` touched when read or set."""
    slot = _SLOT[name]

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
    day, day_pos, night, night_pos, year, dated, dated_pos, quarter, quarter_pos = map(_context_slot, _CONTEXT)

    def __init__(self, doc: Doc):
        # the slots set straight through their descriptors (a Probe is made for every text: no property calls)
        self.text, self.ref, self.folded, self.tenses = doc.text, doc.ref, doc.folded, doc.tenses
        day = doc.ref or dt.date(2000, 1, 1)
        for name, value in (("quarter", None), ("quarter_pos", -10**9), ("day", day), ("day_pos", 0), ("night", None),
                            ("night_pos", -10**9), ("year", day.year), ("dated", None), ("dated_pos", -10**9)):
            _SLOT[name].__set__(self, value)
        self.touched = False


# --------------------------------------------------------------------------- resolution helpers

RELATIVE_DAYS = {"today": 0, "tonight": 0, "last night": -1, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}
# a relative day with a part of it, after a time of day: "7am this morning", "10pm tonight", "8 a.m. tomorrow morning"
RELATIVE_DAY_PARTS = {f"{day} {part}": shift for day, shift in (("this", 0), ("tomorrow", 1), ("yesterday", -1))
                      for part in ("morning", "afternoon", "evening", "night")}


# how far a month or a day without its year counts from a date written with another year before it in
# its sentence ("As of end January 2015 … down from 15.9 percent at end-June" → June 2014)
DATED_REACH = 200
# a new sentence: a stop before a capital, or a line break (" . . . the" is an ellipsis, not a stop)
NEW_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]|\n")
# how every mention that writes its year begins to: "2015", "'95", "last year", "nineteen ninety-five"
YEAR_DIGITS = re.compile(r"\d\d\d\d|'\d\d")
YEAR_WORDS = ("year", "thousand", "nineteen")


def story_date(doc: Doc, start: int, end: int) -> Optional[dt.date]:
    """The date a month or a day written without its year at START:END counts from: a month or a day
    of another year than the reference's written just before it in the same sentence, unless the
    clause is about what is to come; else the reference."""
    lo = max(0, start - DATED_REACH)
    if YEAR_DIGITS.search(doc.text, lo, start) is None and not any(w in doc.folded[lo:start] for w in YEAR_WORDS):
        return doc.ref  # no year is written just before (the text alone tells: the context is not read)
    dated, ref = doc.dated, doc.ref
    if dated is None or ref is None or dated[1] is None or dated[0] == ref.year \
            or start - doc.dated_pos > DATED_REACH or NEW_SENTENCE.search(doc.text, doc.dated_pos, start) \
            or doc.tense(start, end) == "future":
        return ref
    year, month, day = dated
    with calendar_limits:
        return dt.date(year, month, day or 15)


def pick_year(month: int, day: Optional[int], doc: Doc, start: int, end: int) -> Optional[int]:
    """The year of a month (and day) written without one.

    It counts from the reference, or from a date of another year written just before it in its
    sentence (``story_date``). When one reading is near (within about three months) and the other
    far (more than about seven), the near one wins ("payable Dec. 15" in late October); otherwise
    the tense of the clause decides, and without a tense the past one (the news convention).
    """
    ref = story_date(doc, start, end)
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


# a weekday in apposition to the day just named: "on Dec. 18, a Wednesday, …", "Nov. 8 (a Tuesday)"
APPOSITION_BEFORE = re.compile(r"(?:,\s*(?:a|an)|\(\s*(?:a|an)?)\s*$", re.I)
SAME_DAY_REACH = 40


def story_weekday(wd: int, doc: Doc, start: int, end: int) -> Optional[dt.date]:
    """The day a bare weekday WD names by the story's own dates, or None to count from the reference.

    In apposition to a day just named that falls on it, the weekday is that day: "on Dec. 18, a
    Wednesday, …" (told from the text before it alone; only then is the context read). Any other
    bare weekday counts from the reference, as news dates them (``weekday_date``), even in a story
    about an earlier week.
    """
    if not APPOSITION_BEFORE.search(doc.text, max(0, start - 8), start):
        return None
    day = doc.day
    if day is None or start - doc.day_pos > SAME_DAY_REACH or day.isoweekday() != wd:
        return None
    return day


# how far after a day named in the text a time of day still falls on it: in a past clause, which goes on
# narrating that day ("On Saturday … began at 6 p.m. … The second stage began at 6:25 p.m."), 800 characters
# and two paragraphs; in another, 150 characters
ANCHOR_REACH_PAST, ANCHOR_PARAGRAPHS_PAST, ANCHOR_REACH = 800, 2, 150
# a time close after a day, in the same clause, is that day's whatever the tense: "on Feb. 22 at 3:30"
ATTACHED_REACH = 40
NEW_CLAUSE = re.compile(r"\b(?:and|but|while|then|when|as|so)\b|;", re.I)


def _attached(doc: Doc, start: int) -> bool:
    """Whether a time at START follows the day last mentioned in the same clause ("on Feb. 22 at 3:30")."""
    return start - doc.day_pos <= ATTACHED_REACH and not NEW_CLAUSE.search(doc.text, doc.day_pos, start)


def anchor_day(doc: Doc, start: int, end: Optional[int] = None) -> Optional[dt.date]:
    """The day a time of day at START:END refers to: the day named before it in the text (within 150
    characters; in a past clause 800 and two paragraphs), else the reference; in a future clause never a day gone by
    ("will be held at 3 p.m." after "yesterday"), unless the time follows that day closely ("on Feb.
    22 at 3:30")."""
    day, ref = doc.day, doc.ref
    if day is None:
        return ref
    tense = doc.tense(start, end) if end is not None else None
    distance = start - doc.day_pos
    if distance >= ANCHOR_REACH and (tense != "past" or distance >= ANCHOR_REACH_PAST
                                      or doc.text.count("\n\n", doc.day_pos, start) > ANCHOR_PARAGRAPHS_PAST):
        return ref
    if tense == "future" and ref is not None and day < ref and not _attached(doc, start):
        return ref  # not a time of that day ("on Feb. 22 at 3:30"), but of the clause's own
    return day


# a night before a time of day, in its sentence or the one before: "We are logging off for the night but
# will be back from 7am", "the curfew runs until midnight"
NIGHT_BEFORE = re.compile(r"\b(?:tonight|overnight|good\s?night|for\s+the\s+night|(?:until|till|to|at|from)\s+midnight)\b",
                          re.I)
NIGHT_REACH = 200


def morning_after(doc: Doc, day: Optional[dt.date], start: int, end: int) -> Optional[dt.date]:
    """The day of a morning time (before noon) at START:END that would fall on DAY: the day after a
    night mentioned just before ("Friday night … at 2 a.m." → Saturday; "logging off for the night,
    back at 7am" → tomorrow), else DAY. A past clause after an unnamed night keeps DAY (the night
    before it: "overnight … by 9 a.m.")."""
    if day is None:
        return None
    if doc.night is not None and start - doc.night_pos < NIGHT_REACH:
        night = doc.night
    elif NIGHT_BEFORE.search(doc.text, _previous_sentence_start(doc.text, start), start) \
            and doc.tense(start, end) != "past":
        night = day
    else:
        return day
    with calendar_limits:
        return night + dt.timedelta(days=1)


_SENTENCE_STOP = re.compile(r"[.!?\n]\s")


def _previous_sentence_start(text: str, start: int) -> int:
    """Where the sentence before the one holding ``text[start]`` begins (NIGHT_REACH back at most)."""
    lo = max(0, start - NIGHT_REACH)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, lo, start)]
    return stops[-2] if len(stops) >= 2 else lo


# the shapes of a day phrase, in lower case: "oct. 26, 2017", "next friday", "10/26/2017", "oct. 26"
_MONTH_DAY_YEAR = re.compile(r"(\S+?)\.?\s+(\d+)(?:st|nd|rd|th)?\s*,\s*(\d{4})$")
_MOD_WEEKDAY = re.compile(r"(next|last|this) (\w+)")
_NUMERIC_DAY = re.compile(r"([01]?\d)/([0-3]?\d)/(\d{4})")
_MONTH_DAY = re.compile(r"(\S+?)\.?\s+(\d+)")


def day_of_phrase(s: str, doc: Doc, start: int, end: int) -> Optional[dt.date]:
    """The day a day phrase names ("Friday", "next Tuesday", "Oct. 26, 2017", "tomorrow", "this
    morning", "12/25/2017", "Christmas"), resolved like the mention at START:END; None if unknown."""
    s_l = lower(s)
    mm = _MONTH_DAY_YEAR.match(s_l)
    if mm and mm.group(1) in MONTHS:
        try:
            return dt.date(int(mm.group(3)), MONTHS[mm.group(1)], int(mm.group(2)))
        except ValueError:
            return None  # "Feb. 30, 2017": no such day
    if doc.ref is None:
        return None
    if s_l in RELATIVE_DAYS or s_l in RELATIVE_DAY_PARTS:
        with calendar_limits:
            return doc.ref + dt.timedelta(days=RELATIVE_DAYS.get(s_l, RELATIVE_DAY_PARTS.get(s_l)))
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
