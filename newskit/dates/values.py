"""TIMEX3 values: amounts, durations, weeks, quarters, holidays, and the days a value spans.

The calendar arithmetic of the rules lives here: "three days" → ``P3D``, "2.5 years" →
``P2Y6M``, a day → its ISO week (``2017-W43``), "the past three months" → the first and last day
it covers, "Thanksgiving" in a year → its day, and a DATE value back to its first and last day
(``value_range``). Month and year steps use ``dateutil.relativedelta``.

Example:
    >>> duration_value(2.5, "years"), week_value(dt.date(2017, 11, 4))
    ('P2Y6M', '2017-W44')
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newskit.dates.engine import Declined, listed
from newskit.dates.lexicon import (EASTER_HOLIDAYS, FIXED_HOLIDAYS, MOVING_HOLIDAYS, NUMBER_WORDS, ORDINALS, SPACES,
                                   UNITS, VAGUE, lower)


class _CalendarLimits:
    """``with calendar_limits:`` around date arithmetic whose result may lie beyond the calendar
    ``datetime`` can count (years 1 to 9999; steps of at most 999999999 days; finite amounts).

    Such a result (a reference date near either end, "1000000000 days ago", an amount of 400
    digits) raises ``ValueError`` or ``OverflowError`` in ``datetime`` and ``dateutil``; inside the
    block it becomes ``Declined``: the rule declines the match. Put only the arithmetic inside.
    """

    def __enter__(self):
        return self

    def __exit__(self, typ, err, tb):
        if typ is not None and issubclass(typ, (ValueError, OverflowError)):
            raise Declined(f"beyond the calendar: {err}") from err
        return False


calendar_limits = _CalendarLimits()

# --------------------------------------------------------------------------- numbers

DECIMAL = re.compile(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?")
FRACTION = re.compile(r"(\d)/(\d)")
_DASHES = re.compile(r"[-\s]+")
_DIGITS = re.compile(r"\d+")
_HYPHEN_OR_SPACE = re.compile(r"[- ]")


@functools.lru_cache(maxsize=4096)
def number_value(s: str) -> Optional[float]:
    """The number a numeral or number phrase denotes; None for vague ones ("several").

    Example:
        >>> number_value("twenty-one"), number_value("2 1/2"), number_value("a few")
        (21.0, 2.5, None)
    """
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
    parts = _HYPHEN_OR_SPACE.split(s)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def day_number(s: str) -> Optional[int]:
    """The day of the month of "26", "26th" or "twenty-sixth"; None for an unknown word."""
    s = _DASHES.sub("-", s.lower())
    m = _DIGITS.match(s)
    if m:
        return int(m.group(0))
    return ORDINALS.get(s)


def year_number(s: str) -> int:
    """The year of "1995", "'95" or "95" (two digits: 1930-2029)."""
    s = s.strip().lstrip(",").strip()
    if s.startswith("'") or len(s) == 2:
        v = int(s.lstrip("'"))
        return 1900 + v if v >= 30 else 2000 + v
    return int(s)


# --------------------------------------------------------------------------- durations

def _unit_code(unit_word: str) -> tuple[int, str]:
    """(multiplier, TIMEX3 letter) of a unit word: "fortnight" → (2, "W")."""
    code = listed(UNITS, unit_word)
    return (int(code[:-1]) if len(code) > 1 else 1), code[-1]


@functools.lru_cache(maxsize=4096)
def duration_value(n: Optional[float], unit_word: str) -> str:
    """TIMEX3 duration for N units (``P3D``, ``PT5H``, ``P2Y6M``, ``PXY`` when N is vague)."""
    mult, letter = _unit_code(SPACES.sub(" ", unit_word.lower()))
    time = letter in "HS" or (letter == "M" and unit_word.lower().startswith("min"))
    pre = "PT" if time else "P"
    if n is None:
        return f"{pre}X{letter}" if mult == 1 else {10: "P1E", 100: "P1C", 1000: "P1L"}.get(mult, "PXY").replace("1", "X")
    n = n * mult
    with calendar_limits:  # an amount of 400 digits is infinite
        whole = int(n)
    if n == whole:
        return f"{pre}{whole}{letter}"
    frac = n - whole
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


def unit_delta(n: float, unit: str) -> Optional[relativedelta]:
    """N units as a calendar step (days to the day, months to the month); None for hours and less."""
    mult, letter = _unit_code(unit)
    k = n * mult
    if unit.startswith(("hour", "min", "sec", "hr")):
        return None
    with calendar_limits:  # an amount of 400 digits is infinite
        return _calendar_step(k, letter)


def _calendar_step(k: float, letter: str) -> Optional[relativedelta]:
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


def shifted_value(base: dt.date, n: float, unit: str, sign: int) -> Optional[str]:
    """The TIMEX3 value N units after (sign +1) or before (-1) BASE, at the unit's granularity."""
    d = unit_delta(n, unit)
    if d is None:
        return None
    with calendar_limits:
        day = base + d if sign > 0 else base - d
    letter = UNITS[unit][-1]
    if letter in "DW":
        return day.isoformat()
    if letter == "M":
        return f"{day.year}-{day.month:02d}"
    if letter == "Q":
        return "%d-Q%d" % quarter_of(day)
    return str(day.year)


@functools.lru_cache(maxsize=4096)
def duration_range(n, unit, direction, ref) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of "the past three months" / "the next five days" / "within a year"."""
    if ref is None or n is None or direction is None:
        return None
    d = unit_delta(n, unit)
    if d is None:
        return None
    code = UNITS[unit]
    with calendar_limits:
        if code in ("Q", "10Y", "100Y") and n == int(n) and direction in ("past", "next"):
            return _whole_periods(n, code, direction, ref)
        if direction == "past":
            return ref - d, ref
        if direction == "next":
            return ref + dt.timedelta(days=1), ref + d
        return ref, ref + d


def _whole_periods(n: float, code: str, direction: str, ref: dt.date) -> tuple[dt.date, dt.date]:
    """Quarters and decades count whole calendar periods: "the past two quarters" on 4 July are
    January to June, "the next decade" in 2018 is the 2020s."""
    months = {"Q": 3, "10Y": 120, "100Y": 1200}[code]
    index = (ref.year * 12 + ref.month - 1) // months * months  # first month of the current period
    start = dt.date(index // 12, index % 12 + 1, 1)
    if direction == "past":
        return start - relativedelta(months=months * int(n)), start - dt.timedelta(days=1)
    first = start + relativedelta(months=months)
    return first, first + relativedelta(months=months * int(n)) - dt.timedelta(days=1)


# --------------------------------------------------------------------------- weeks, quarters, holidays

def week_value(d: dt.date) -> str:
    """The ISO week of a day: "2017-W44"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    """(year, quarter) of a day."""
    return d.year, (d.month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: str) -> dt.date:
    """The Nth ("1" … "5", or "L" for the last) WEEKDAY (1 = Monday) of a month."""
    first = dt.date(year, month, 1)
    if n == "L":
        last = first + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(n) - 1))


def holiday_date(name: str, year: int) -> dt.date:
    """The day of a holiday (a name of ``lexicon.HOLIDAYS``) in YEAR.

    Example:
        >>> holiday_date("Thanksgiving", 2017), holiday_date("good friday", 2017)
        (datetime.date(2017, 11, 23), datetime.date(2017, 4, 14))
    """
    name = lower(name)
    if name in FIXED_HOLIDAYS:
        mm, dd = FIXED_HOLIDAYS[name].split("-")
        with calendar_limits:
            return dt.date(year, int(mm), int(dd))
    if name in EASTER_HOLIDAYS:
        with calendar_limits:
            return easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    spec = listed(MOVING_HOLIDAYS, name)
    if spec.endswith("ED"):  # US election day: the Tuesday after the first Monday of November
        with calendar_limits:
            return nth_weekday(year, 11, 1, "1") + dt.timedelta(days=1)
    spec, _, plus = spec.partition("+")  # "11-4-4+1": the day after the 4th Thursday of November
    mm, wd, n = spec.split("-")
    with calendar_limits:
        return nth_weekday(year, int(mm), int(wd), n) + dt.timedelta(days=int(plus or 0))


# --------------------------------------------------------------------------- value ranges

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# the shapes of TIMEX3 DATE values, from a day down to a century
_V_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_V_MONTH = re.compile(r"(\d{4})-(\d\d)")
_V_WEEK = re.compile(r"(\d{4})-W(\d\d?)(-WE)?")
_V_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_V_HALF = re.compile(r"(\d{4})-H([12])")
_V_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
V_YEAR = re.compile(r"\d{4}")
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
    for shape, days in _SHAPES:
        m = shape.fullmatch(value)
        if m:
            try:
                return days(m)
            except ValueError:
                return None, None  # "2017-13", "2015-W53": the shape of a value, but no such days
    return None, None  # "PRESENT_REF", "P3D", "XXXX-10-26"


def _day_span(m):
    return dt.date(int(m[1]), int(m[2]), int(m[3])), None


def _month_span(m):
    first = dt.date(int(m[1]), int(m[2]), 1)
    return first, first + relativedelta(months=1, days=-1)


def _week_span(m):
    monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[3]:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def _quarter_span(m):
    first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    return first, first + relativedelta(months=3, days=-1)


def _half_span(m):
    first = dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
    return first, first + relativedelta(months=6, days=-1)


def _season_span(m):
    a, b = _SEASON_MONTHS[m[2]]
    first = dt.date(int(m[1]), a, 1)
    return first, first + relativedelta(months=b - a + 1, days=-1)


def _year_span(m):
    return dt.date(int(m[0]), 1, 1), dt.date(int(m[0]), 12, 31)


def _decade_span(m):
    y = int(m[1]) * 10
    return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)


def _century_span(m):
    y = int(m[1]) * 100
    return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)


# each shape of a DATE value with its first and last day, tried in this order
_SHAPES = ((_V_DAY, _day_span), (_V_MONTH, _month_span), (_V_WEEK, _week_span), (_V_QUARTER, _quarter_span),
           (_V_HALF, _half_span), (_V_SEASON, _season_span), (V_YEAR, _year_span), (_V_DECADE, _decade_span),
           (_V_CENTURY, _century_span))
