"""Times of day: "10 a.m.", "at 3:15 EST", "Friday at 10 a.m.", "tomorrow 8:00am", "tonight
around 7", "noon", "midnight Tuesday".

A time takes the day named with it, else the day named just before in the text, else the
reference (``context.anchor_day``). Without a day before it, a bare "10" or "3:15" is not a time:
it needs "a.m.", "pm", "o'clock", or minutes after "at", "around" … or a time zone.

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value) for d in find_dates("Polls closed on Friday at 8 p.m. and results came at midnight.",
    ...                                          reference="2017-11-04")]
    [('Friday at 8 p.m.', '2017-11-03T20:00'), ('midnight', '2017-11-03T24:00')]
"""
from __future__ import annotations

import datetime as dt
import re

from newskit.dates.context import anchor_day, day_of_phrase, morning_after, weekday_date
from newskit.dates.engine import Result, listed, rule
from newskit.dates.lexicon import MONTH_ANY, MONTH_WORD, PART_OF_DAY, WEEKDAY, WEEKDAYS, YEAR4, lower, part_code
from newskit.dates.names import in_show_name
from newskit.dates.values import calendar_limits

_TZ = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|local\s+time)\)?)?"
# the day after a time: "10 a.m. Friday", "at noon on Dec. 20", "10pm tonight", "7am this morning"
_TIME_DAY = rf"""(?:,?\s+(?:on\s+)?(?P<day>(?:{WEEKDAY})|(?:this|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)
    |today|yesterday|tomorrow|tonight|last\s+night|(?:{MONTH_ANY})\s+\d{{1,2}}(?!\d)))?"""


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
# the end of the day (a weekday, "today", "Oct. 12", "2017", "morning" …), then the hour: "Friday at about 10"
_DAY_THEN_HOUR = r"(?:day|row|ight|noon|ning|\d|st|nd|rd|th),?\s+(?:(?:at|by|from|around|about|until|before|after)\s+){0,2}\d"


# "Easter Monday at 10:30", "Black Friday at 6 a.m.": a holiday named by a weekday is the day
HOLIDAY_WORD_BEFORE = re.compile(r"(?:easter|good|black|cyber)\s+$", re.I)
_DASH_OR_SPACE = re.compile(r"[-\s]")


def _marked_clock(m) -> bool:
    """ "a.m.", "pm", "o'clock" or minutes with "at", "around" … or a time zone: without a day
    before it, a bare "10" or "3:15" is not a time (the first test of ``_is_time``)."""
    return bool(m["ap"] or m["ap1"] or (m["mi"] and (m["about"] or m["tz"].strip())))


@rule("clock-time", rf"""{_CLOCK}{_TIME_DAY}""", 4, anchors="#", locate=_CLOCK_HEAD, starts=r"\dabfu", keep=_marked_clock)
def _clock(m, doc):
    return _clock_value(m, doc, None)


@rule("day-clock-time", rf"""{_LEAD_DAY}{_CLOCK}""", 4,
      anchors="@weekdays @reldays @months", needs=_DAY_THEN_HOUR, locate=_LEAD_DAY_HEAD)
def _day_clock(m, doc):
    """ "Friday at 10 a.m.", "tomorrow 8:00am", "Dec. 27 12:30": a time on a named day."""
    if HOLIDAY_WORD_BEFORE.search(doc.text[max(0, m.start() - 8):m.start()]):
        return None  # "Easter Monday at 10:30": the holiday is the day
    lday = lower(m["lday"])
    if lday in WEEKDAYS:
        day = weekday_date(WEEKDAYS[lday], lower(m["lmod"]), doc, m.start(), m.end())
    else:
        if m["lmod"]:
            return None
        day = day_of_phrase(m["lday"], doc, m.start(), m.end())
    return _clock_value(m, doc, day, lead=True)


def _clock_value(m, doc, day, lead: bool = False) -> Result:
    """The TIME value of a clock match: on DAY when the day LEADs the match ("Friday at 10
    a.m."), else on the day after it ("10 a.m. Friday"), else on the day in context."""
    h = int(m["h"])
    ap = lower(m["ap"] or m["ap1"])
    if not _is_time(m, h, ap, lead):
        return None
    h = _hour_of_day(m, h, ap, lead)
    mi = m["mi"] or "00"
    sec = f":{m['se']}" if m["se"] else ""
    if lead:
        day = _after_its_night(day, h, m["lday"], m["lpart"])
    else:
        day = _day_of_time(m, doc, h)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{h:02d}:{mi}{sec}"


# a time in a schedule of recurring days has no day of its own: "weekends 11am-4pm", "airs weekdays from 6:00AM"
SCHEDULE_BEFORE = re.compile(
    r"\b(?:weekdays|weekends|daily|nightly|every\s+(?:day|night|morning|evening)|each\s+(?:day|night)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\s+(?:from\s+|at\s+|between\s+)?"
    r"(?:[01]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:-|–|to|and|until)\s*)?$", re.I)


def _day_of_time(m, doc, h: int):
    """The day of a time without a day before it: the day after it ("10 a.m. Friday", "10pm
    tonight"), else the day in context (``anchor_day``; a morning after a night: ``morning_after``);
    None in a schedule ("weekends 11am-4pm")."""
    if m["day"]:
        day = day_of_phrase(m["day"], doc, m.start(), m.end())
        return _after_its_night(day, h, m["day"], None)
    if SCHEDULE_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
        return None
    day = anchor_day(doc, m.start(), m.end())
    return morning_after(doc, day, m.start(), m.end()) if h < 12 else day


def _after_its_night(day, h: int, day_words, part_words):
    """A time before noon on a named night ("Friday night at 2 a.m.", "2 a.m. last night") is the next
    day's. "tonight at 1am" keeps the reference's day: the early hours of the night now under way, as
    Recognizers-Text reads it."""
    if day is None or h >= 12:
        return day
    if part_code(part_words) != "NI" and not lower(day_words).endswith("night") or lower(day_words) == "tonight":
        return day
    with calendar_limits:
        return day + dt.timedelta(days=1)


def _is_time(m, h: int, ap: str, lead: bool) -> bool:
    """Whether an hour is a time: with "a.m.", "pm", "o'clock" (AP), or with minutes after a day
    ("Friday 10:30") or after "at", "around" … or before a time zone, or a bare hour after
    "tonight around", "Friday evening at" (the groups lat, lpart and lday are LEAD's only)."""
    bare_hour_ok = lead and (m["about"] or m["lat"]) and (m["lpart"] or lower(m["lday"]) in ("tonight", "last night"))  # "tonight around 7"
    if not ap and not (m["mi"] and (lead or m["about"] or m["tz"].strip())) and not bare_hour_ok:
        return False  # a bare "10" or "3:1" is not a time
    if not ap and not lead and m["about"] and m["about"].lower() in ("from", "after", "before") and not m["tz"].strip():
        return False  # "from 10:30": a score, a range, a count as often as a time
    return not (h > 12 and ap and "m" in ap[:3])  # "14 p.m."


def _hour_of_day(m, h: int, ap: str, lead: bool) -> int:
    """The hour on the 24-hour clock: "3 p.m." → 15, "12 a.m." → 0, "Friday evening at 7" → 19."""
    if ap.startswith("p") or "afternoon" in ap or "evening" in ap:
        return h % 12 + 12
    if ap.startswith("a") or "morning" in ap:
        return h % 12
    if not ap and lead and 5 <= h < 12 and (part_code(m["lpart"]) in ("AF", "EV", "NI") or lower(m["lday"]) in ("tonight", "last night")):
        return h + 12
    return h


@rule("named-time", rf"""(?:(?P<mod>around|about|at|by|until|before|after)\s+)?(?P<t>noon|midnight|midday|mid[-\s]?afternoon|mid[-\s]?morning)
    {_TIME_DAY}(?!\w)""", 3,
      anchors="noon midday midnight midafternoon midmorning @parts", needs="noon|mid", part_of_name=in_show_name)
def _named_time(m, doc):
    """ "noon Friday", "at midnight", "mid-afternoon"; "after midnight" is the start of a day ("shortly
    after midnight on Dec. 19" → 2019-12-19T00:00, "after midnight" tonight → tomorrow T00:00), any other
    midnight the end of one ("midnight Friday" → T24:00)."""
    t = _DASH_OR_SPACE.sub("", m["t"].lower())
    if m["day"]:
        day = day_of_phrase(m["day"], doc, m.start(), m.end())
    elif t == "midnight" or t == "noon" or t == "midday":
        day = anchor_day(doc, m.start(), m.end())
    else:
        day = anchor_day(doc, m.start())
    suffix = listed({"noon": "12:00", "midday": "12:00", "midnight": "24:00", "midafternoon": "AF", "midmorning": "MO"}, t)
    if t == "midnight" and lower(m["mod"]) == "after" and day is not None:
        if not m["day"]:
            with calendar_limits:
                day += dt.timedelta(days=1)  # the midnight that ends the day in context
        suffix = "00:00"
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{suffix}"
