"""Amounts of time and the days counted with them: "three days", "the past five years", "two
weeks ago", "will be redeemed in five years", "two weeks before Christmas", "for years".

A duration is a TIMEX3 ``DURATION`` (``P3D``; ``PXM`` for "several months"); with "the past",
"the next" or "within" it also records the days it covers. "ago", "from now" and "in" (with a
future verb) make it a point: "two weeks ago" → the day two weeks before the reference, "five
years ago" → that year. Ages ("a 5-year-old") are not durations, and "a week" after an amount
("5 percent a year") is a rate, a ``SET``, as is "one day a week" (but "a week late", "a year
out" are amounts). A bare plural unit is a vague amount after a word that makes it one ("for
years", "take months"): the mention is the unit alone ("years", ``PXY``), as TimeML marks it.

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.kind, d.value) for d in find_dates("The siege lasted three days and ended two weeks ago.",
    ...                                                  reference="2017-11-04")]
    [('three days', 'DURATION', 'P3D'), ('two weeks ago', 'DATE', '2017-10-21')]
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from newskit.dates.context import day_of_phrase
from newskit.dates.engine import Result, listed, rule
from newskit.dates.lexicon import (HOLIDAY, MONTH_ANY, NUMBER, NUMBER_WORD, UNIT, UNITS, VAGUE_NUMBER, WEEKDAY, YEAR4,
                                   last_words, lower)
from newskit.dates.values import (calendar_limits, duration_range, duration_value, number_value, quarter_of,
                                  shifted_value, unit_delta)

_QUANT_MOD = r"""(?:(?P<qmod>at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|over|up\s+to|some|roughly|approximately|only|just|no\s+more\s+than|within|another|an\s+additional|a\s+further|the\s+entire|the\s+whole|a\s+full)\s+)?"""
_PERIOD_DET = r"""(?:(?P<det>the\s+(?:past|last|next|first|previous|following|coming|final|latest|remaining|initial|same|full)|the|each\s+of\s+the\s+(?:past|last|next)|past|last|next|recent|coming|first)\s+)?"""

IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# "5 percent a year", "twice a week", "three meals a day": "a" + unit after an amount is a rate (a SET), not a
# duration; not after a comma ("on 10/26/2017, a week late") nor after a plural without a number ("predict
# hurricanes a year out")
RATE_BEFORE = re.compile(r"(?:\d|percent|%|dollars?|cents?|million|billion|times|once|twice"
                         rf"|(?:\d[\d,.]*|(?i:{NUMBER_WORD})|dozens|hundreds|thousands|millions|several|many|few)"
                         r"\s+(?:[a-z-]+\s+)?[a-z]{3,}s)\s*$")
# "a week late", "a year out": an amount of time before or after something, not a rate
NOT_RATE_AFTER = re.compile(r"\s+(?:late|early|later|earlier|behind|ahead|out|off|away|before|after|apart|long|old)\b")
OF_AFTER = re.compile(r"\s+of\b")
THAN_AFTER = re.compile(r"\s+than\b")
TRADING_DAYS = re.compile(r"trading|business", re.I)  # trading and business days are not calendar days
_UNIT_NEEDS = "|".join(last_words(UNITS))  # the last word of every unit: "days" ("trading days"), "week"


@rule("duration", rf"""{_QUANT_MOD}{_PERIOD_DET}(?P<num>{NUMBER}|{VAGUE_NUMBER})(?:(?<!\d\d\d\d)(?:\s+(?:to|or|-)\s+|(?<=\d)[-–](?=\d))(?P<num2>{NUMBER}))?[\s-]+
    (?:(?:more|additional|full|straight|consecutive|long|whole|trading|business|calendar|fiscal)\s+)?(?P<unit>{UNIT})(?![\w])(?P<half>\s+and\s+a\s+half)?(?P<old>[-\s]+old)?
    (?P<per>\s+(?:a|an|per|each|every)\s+(?P<perunit>{UNIT})(?!\w))?(?:(?P<ago>\s+(?:ago|earlier|before|later|hence|after|from))(?:\s+(?P<base>today|tomorrow|tmrw|yesterday|now))?)?""", 2,
      anchors="@units")
def _dur(m, doc):
    """ "three days", "the past five years", "two weeks ago", "5 percent a year", "one day a week" (rates) …"""
    if m["old"]:
        return None  # ages are not temporal expressions in TimeML
    numtxt, unit, det = lower(m["num"]), lower(m["unit"]), lower(m["det"])
    if not m["ago"] and (m["per"] or (numtxt in ("a", "an") and not det)):
        rate = _rate(m, doc, unit)
        if rate != _NO_RATE:
            return rate
    n = _amount(m, numtxt)
    if unit.startswith("quarter") and OF_AFTER.match(doc.text, m.end(), m.end() + 4):
        return None  # "three-quarters of its food" is a fraction
    if numtxt.isdigit() and n is not None and n > 200 and unit.startswith("year"):
        return None  # more than 200 years, in digits: not taken for an amount of time
    if m["ago"]:
        return _ago(n, unit, lower(m["ago"]).strip(), doc, m, lower(m["base"]))
    if det in ("the", "first") and n is not None and n == 1:
        return None
    if det == "recent":
        return ("DATE", "PAST_REF") if unit.startswith("year") else ("DURATION", duration_value(None, unit))
    return _span(m, doc, n, unit, det)


_NO_RATE = ("", "")  # not a rate: the match is read as an amount of time


def _rate(m, doc, unit: str) -> Result:
    """A recurrence: "one day a week", "24 hours a day" (SET of the period after "a"), "5 percent a
    year" (SET of the unit after an amount); None for "a second group"; else ``_NO_RATE``."""
    if m["per"]:
        return "SET", duration_value(1, lower(m["perunit"]))
    if unit in ("second", "quarter"):
        return None  # "a second group", "a quarter that produced a loss"
    if RATE_BEFORE.search(doc.text[max(0, m.start() - 40):m.start()]) and not NOT_RATE_AFTER.match(doc.text, m.end()):
        return "SET", duration_value(1, unit)
    return _NO_RATE


def _amount(m, numtxt: str):
    """The number of units: "two and a half" → 2.5; None when vague ("several", "12 to 18")."""
    n = number_value(numtxt)
    if m["half"] and n is not None:
        n += 0.5
    if m["num2"] and n is not None:
        n = None  # "12 to 18 months": a vague amount (TimeML PXM)
    return n


def _span(m, doc, n, unit: str, det: str) -> Result:
    """A DURATION, with the days it covers after "the past", "the next" or "within"; or, after
    "in" with a future verb, the point it leads to ("will be redeemed in five years")."""
    qmod = lower(m["qmod"])
    if not det and not qmod and n is not None and IN_BEFORE.search(doc.text[max(0, m.start() - 4):m.start()]) \
            and doc.ref is not None and doc.tense(m.start(), m.end()) == "future":
        point = shifted_value(doc.ref, n, unit, +1)
        if point:
            return "DATE", point
    direction = ("past" if det.split()[-1:] in (["past"], ["last"], ["previous"]) else
                 "next" if det.split()[-1:] in (["next"], ["coming"], ["following"]) else
                 "within" if qmod == "within" else None)
    rng = duration_range(n, unit, direction, doc.ref)
    return ("DURATION", duration_value(n, unit), rng) if rng else ("DURATION", duration_value(n, unit))


def _ago(n, unit, word, doc, m, base: str = "") -> Result:
    """ "two weeks ago", "a year earlier", "three days from now": the point N units before or
    after the reference; "two weeks later", "three days after": an amount (DURATION)."""
    code = listed(UNITS, unit)
    if base and base != "now":
        return _counted_from_day(n, unit, word, doc, base)
    if (word == "from" and not base) or word in ("later", "after", "before") or (word == "earlier" and n != 1) \
            or THAN_AFTER.match(doc.text, m.end()):
        return "DURATION", duration_value(n, unit)  # "a decade earlier than Amazon": an amount compared
    sign = 1 if word in ("from", "hence") else -1
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
    with calendar_limits:
        return "DATE", _shifted_by(ref, k, letter)


def _counted_from_day(n, unit: str, word: str, doc, base: str) -> Result:
    """ "three days from today", "two weeks before yesterday": N units from the day BASE names."""
    if doc.ref is None or n is None:
        return "DATE", "XXXX-XX-XX"
    shift = listed({"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}, base)
    with calendar_limits:
        day = doc.ref + dt.timedelta(days=shift)
    d = unit_delta(n, unit)
    if d is None:
        return None
    with calendar_limits:
        day = day + d if word in ("after", "from", "later", "hence") else day - d
    return "DATE", day.isoformat()


def _shifted_by(ref, k: float, letter: str) -> str:
    """The value K units (of the TIMEX3 LETTER) from REF, at the unit's granularity: days and
    weeks to the day, months to the month, quarters to the quarter, years to the year."""
    if letter == "D":
        return (ref + dt.timedelta(days=round(k))).isoformat()
    if letter == "W":
        return (ref + dt.timedelta(weeks=k)).isoformat()
    if letter == "M":
        d = ref + relativedelta(months=round(k))
        return f"{d.year}-{d.month:02d}"
    if letter == "Q":
        d = ref + relativedelta(months=round(3 * k))
        return "%d-Q%d" % quarter_of(d)
    return str(ref.year + round(k))


# the days an offset counts from: "Friday", "next Tuesday", "Jan. 12th", "12/25/2017", "Christmas", "today"
_DAY_PHRASE = rf"""(?:(?:next|last|this)\s+)?(?:{WEEKDAY})|(?:{MONTH_ANY})\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+{YEAR4})?
    |[01]?\d/[0-3]?\d/\d{{4}}|{HOLIDAY}|today|tomorrow|yesterday"""
_OFFSET_HEAD = rf"""(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>before|after|from|prior\s+to)\s+"""


@rule("offset-from-day", rf"""{_OFFSET_HEAD}(?P<base>{_DAY_PHRASE})(?!\w)""", 4,
      anchors="before after from prior", needs=rf"(?:{_UNIT_NEEDS})\s+(?:before|after|from|prior)",  # "two days before"
      locate=_OFFSET_HEAD)
def _offset_from_day(m, doc):
    """ "two weeks before Christmas", "3 days after January 12th": a day counted from another."""
    if TRADING_DAYS.search(m["unit"]):
        return None  # trading days are not calendar days
    base = day_of_phrase(m["base"], doc, m.start("base"), m.end("base"))
    n = number_value(m["num"])
    d = unit_delta(n, lower(m["unit"])) if n is not None else None
    if d is None:
        return None
    if base is None:
        return "DATE", "XXXX-XX-XX"
    with calendar_limits:
        day = base - d if lower(m["dir"]) in ("before", "prior to") else base + d
    return "DATE", day.isoformat()


@rule("bare-units", r"""(?:(?P<pre>for|in|over|within|after|take|takes|took|taken|than|of)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?P<ago>\s+ago)?(?!\w)""", 0,
      anchors="@units", needs="years|months|weeks|days|decades|hours|minutes|centuries", text_from="unit")
def _bare_units(m, doc):
    """ "for years", "take months" → PXY, PXM (the mention is the unit); "days ago" → PAST_REF."""
    unit = lower(m["unit"])
    if m["ago"]:
        return "DATE", "PAST_REF"
    if not m["pre"] or (m["unit"][0].isupper() and not m["pre"][0].isupper()):
        return None  # no word that makes it an amount; or a title mid-sentence: "the Book of Hours", "for Days"
    return "DURATION", duration_value(None, unit)
