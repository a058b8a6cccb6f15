"""Days relative to the reference: "yesterday", "tonight", "this morning", "Friday", "last
Friday", "Tuesday of last week", "the first week of 2016", "in the afternoon", "Tuesday the
11th", and the weekly sets "every Tuesday", "Friday mornings", "every weekend".

A bare weekday is the most recent one unless the clause is future ("will meet Friday" → the
coming one, see ``context.weekday_date``); "the previous Friday" counts from the day just
mentioned.

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value) for d in find_dates("Yesterday he said he would return on Friday evening.",
    ...                                          reference="2017-11-04")]
    [('Yesterday', '2017-11-03'), ('Friday evening', '2017-11-10TEV')]
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from newskit.dates.context import RELATIVE_DAYS, Doc, anchor_day, story_weekday, weekday_date
from newskit.dates.engine import listed, rule
from newskit.dates.lexicon import (DAY_NUMBER, DAY_WORD, ORDINALS, PART_OF_DAY, QUARTER_NUMBERS, WEEKDAY, WEEKDAYS,
                                   YEAR4, first_words, lower, part_code)
from newskit.dates.names import in_show_name, weekday_in_name
from newskit.dates.values import calendar_limits, day_number, week_value

_PLURAL = re.compile(r"\w+s")  # "Fridays": the weekly set, see weekday_set
# "in the morning meetings": a part of the day as an adjective, not a time
PART_AS_ADJECTIVE = re.compile(
    r"\s+(?:meetings?|news|newspapers?|papers?|shows?|sessions?|briefings?|rush|commute|editions?|prayers?|services?|programs?)\b",
    re.I)


@rule("relative-day", rf"""(?:(?P<mod>early|late|earlier|later|mid|late|the\s+morning\s+of|the\s+night\s+of)[-\s]+)?
    (?P<day>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)(?:'s)?
    (?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)""", 3, anchors="@reldays", part_of_name=in_show_name)
def _relday(m, doc):
    day = lower(m["day"])
    part = part_code(m["part"])
    if day == "tonight":
        part = "NI"
    if doc.ref is None:
        if day == "today":
            return "DATE", "PRESENT_REF" if not part else "XXXX-XX-XXT" + part
        return ("TIME" if part else "DATE"), "XXXX-XX-XX" + ("T" + part if part else "")
    shift = listed(RELATIVE_DAYS, day)
    with calendar_limits:
        d = doc.ref + dt.timedelta(days=shift)
    return ("TIME", f"{d.isoformat()}T{part}") if part else ("DATE", d.isoformat())


@rule("this-part-of-day", rf"""(?P<mod>this|last|tomorrow|yesterday|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+(?P<part>{PART_OF_DAY})(?!\w)""", 3,
      anchors="@parts", needs="this|last|tomorrow|yesterday")
def _this_part(m, doc):
    part = part_code(m["part"])
    mod = lower(m["mod"])
    shift = -1 if mod in ("last", "yesterday") else 1 if mod == "tomorrow" else 0
    if mod == "last" and part != "NI":
        return None
    if doc.ref is None:
        return "TIME", "XXXX-XX-XXT" + part
    with calendar_limits:
        day = doc.ref + dt.timedelta(days=shift)
    return "TIME", f"{day.isoformat()}T{part}"


@rule("weekday", rf"""(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|the\s+previous|the\s+following|previous|past
    |early|late|earlier|later)\s+)?
    (?P<wd>{WEEKDAY})(?:'s)?(?!\w)(?:\s+(?P<part>{PART_OF_DAY})(?!\w))?""", 2, anchors="@weekdays",
      part_of_name=weekday_in_name)
def _weekday(m, doc):
    wd = listed(WEEKDAYS, m["wd"].lower())
    if _PLURAL.fullmatch(m["wd"]) and m["wd"].lower().endswith("days"):
        return None
    mod = lower(m["mod"])
    if mod in ("early", "late", "earlier", "later"):
        mod = ""
    part = part_code(m["part"])
    if mod in ("the previous", "the following") and doc.day is not None and m.start() - doc.day_pos < 400:
        # "down 4.5% from the previous Friday": counted from the day just mentioned, not from today
        anchor = Doc(doc.text, doc.day, like=doc)
        d = weekday_date(wd, "last" if mod == "the previous" else "next", anchor, m.start(), m.end())
    else:
        d = (None if mod else story_weekday(wd, doc, m.start(), m.end())) or weekday_date(wd, mod, doc, m.start(), m.end())
    value = d.isoformat() if d else f"XXXX-WXX-{wd}"
    if part:
        return "TIME", f"{value}T{part}"
    return "DATE", value


@rule("weekday-of-week", rf"""(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART_OF_DAY}))?(?:\s+of)?\s+(?P<mod>last|next|this|the\s+previous|the\s+following)\s+week(?!\w)""", 3,
      anchors="@weekdays", needs="week")
def _weekday_of_week(m, doc):
    """ "Tuesday of last week", "Wednesday evening next week": the weekday inside that week."""
    wd = listed(WEEKDAYS, m["wd"].lower())
    part = part_code(m["part"])
    if doc.ref is None:
        value = f"XXXX-WXX-{wd}"
    else:
        shift = listed({"last": -1, "the previous": -1, "next": 1, "the following": 1, "this": 0}, lower(m["mod"]))
        with calendar_limits:
            monday = doc.ref - dt.timedelta(days=doc.ref.isoweekday() - 1) + dt.timedelta(weeks=shift)
            value = (monday + dt.timedelta(days=wd - 1)).isoformat()
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


@rule("nth-week-of-year", rf"""(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th|\d{{1,2}}(?:st|nd|rd|th))\s+week\s+of\s+(?P<year>{YEAR4})(?!\d)""", 3,
      anchors="week", needs=r"\d")
def _nth_week(m, doc):
    y = int(m["year"])
    n = m["n"].lower()
    if n in ("last", "final"):
        return "DATE", week_value(dt.date(y, 12, 28))
    k = day_number(n) or QUARTER_NUMBERS.get(n) or {"fifth": 5, "5th": 5}.get(n)
    if not k or k > 53:
        return None
    return "DATE", f"{y}-W{k:02d}"


@rule("part-of-day", r"""(?P<edge>early|late|later|earlier)?\s*in\s+the\s+(?P<part>morning|afternoon|evening)(?!\w)""", 0,
      anchors="morning afternoon evening")
def _part_of_day(m, doc):
    """ "early in the morning", "later in the afternoon": that part of the day in context."""
    if PART_AS_ADJECTIVE.match(doc.text, m.end()):
        return None  # "in the morning meetings"
    day = anchor_day(doc, m.start())
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{part_code(m['part'])}"


@rule("weekday-the-nth", rf"""(?P<wd>{WEEKDAY}),?\s+the\s+(?P<day>{DAY_NUMBER}|{DAY_WORD})(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|on|and|when|from|to|before|after)\b)""", 4,
      anchors="@weekdays", needs=r"the\s+(?:\d|" + "|".join(first_words(ORDINALS)) + ")")  # "Tuesday the 11th"
def _weekday_the_nth(m, doc):
    """ "Tuesday the 11th": the nearest day of that number falling on that weekday."""
    wd, day = listed(WEEKDAYS, m["wd"].lower()), day_number(m["day"])
    if not day or day > 31:
        return None
    if doc.ref is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    best = None
    for k in range(-6, 7):
        with calendar_limits:
            first = dt.date(doc.ref.year, doc.ref.month, 1) + relativedelta(months=k)
        try:
            d = first.replace(day=day)
        except ValueError:
            continue  # "the 31st" of a month of 30 days
        if d.isoweekday() == wd and (best is None or abs((d - doc.ref).days) < abs((best - doc.ref).days)):
            best = d
    return ("DATE", best.isoformat()) if best else None


_SET_TIME = r"""(?:\s+at\s+(?P<sh>[01]?\d|2[0-3])(?:[:.](?P<smi>[0-5]\d)(?:\s*(?P<sap>[ap]\.?\s?m\.?))?|\s*(?P<sap2>[ap]\.?\s?m\.?)))?"""


@rule("weekday-set", rf"""(?:(?:every|each)\s+(?:other\s+)?(?P<wd1>{WEEKDAY})(?!\w)|(?P<wd3>{WEEKDAY})\s+(?P<parts>mornings|afternoons|evenings|nights)(?!\w)
    |(?:every|each|on)\s+(?P<wd>{WEEKDAY})s(?:\s+(?P<part>{PART_OF_DAY}))?(?!\w)|(?P<wd2>{WEEKDAY})s(?:\s+(?P<part2>{PART_OF_DAY}))?(?!\w))
    {_SET_TIME}""", 3, anchors="@weekdays", needs="every|each|days|ings|noons|nights")
def _weekday_set(m, doc):
    """ "every Tuesday" → XXXX-WXX-2; "Friday mornings" → XXXX-WXX-5TMO; "Tuesdays at 9am" → XXXX-WXX-2T09:00."""
    name = m["wd"] or m["wd2"] or m["wd1"] or m["wd3"]
    if name.lower() not in WEEKDAYS:
        return None
    part = part_code(m["part"] or m["part2"] or (m["parts"] or "")[:-1] or None)
    value = f"XXXX-WXX-{WEEKDAYS[name.lower()]}"
    if m["sh"]:
        h = int(m["sh"])
        ap = lower(m["sap"] or m["sap2"])
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        return "SET", f"{value}T{h:02d}:{m['smi'] or '00'}"
    return "SET", value + (f"T{part}" if part else "")


@rule("weekend-set", r"""(?:every|each)\s+weekend(?!\w)""", 3, anchors="weekend", needs="every|each")
def _weekend_set(m, doc):
    return "SET", "XXXX-WXX-WE"
