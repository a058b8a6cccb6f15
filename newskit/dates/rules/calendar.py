"""Explicit calendar dates: "2017-11-04", "10/26/2017", "Oct. 26", "26 October 2017", "March
2016", "January", "1995", "2014-2018", "2019-20" (a fiscal year), "Nov. 18-19", "nineteen
ninety-five", "the 1990s", "the 19th century".

A month or a day written without its year takes the reading near the reference, else the one the
tense of the clause points to, else the past one (``context.pick_year``). "May" and "March" are
months only when capitalised, and a bare "May" only after a word that introduces a date ("in",
"since", "early" …).

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value, d.rule) for d in find_dates("Talks began on Oct. 26 and ended in March 2016.",
    ...                                                  reference="2017-11-04")]
    [('Oct. 26', '2017-10-26', 'month-day'), ('March 2016', '2016-03', 'month-year')]
"""
from __future__ import annotations

import datetime as dt
import re

from newskit.dates.context import pick_year
from newskit.dates.engine import listed, rule
from newskit.dates.lexicon import (DAY_NUMBER, DAY_WORD, DECADE_WORDS, MONTH_ANY, MONTH_FULL, MONTH_START, MONTHS,
                                   NUMBER_WORD, ORDINAL, ORDINALS, WEEKDAY_PREFIX, WEEKDAY_START, WORDS, YEAR4, alt,
                                   first_words, lower)
from newskit.dates.names import year_in_name
from newskit.dates.values import day_number, number_value, year_number


def _year_written(m: re.Match) -> bool:
    """Whether a month-and-day match wrote its year ("Oct. 26, 2017"), which later mentions count from."""
    return bool(m["year"])


# -- explicit calendar dates ---------------------------------------------------

@rule("iso-date", r"""(?<!\d)(?<!\d-)(?:(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)
    |(?P<y2>19\d\d|20\d\d)(?P<m2>0[1-9]|1[0-2])(?P<d2>[0-2]\d|3[01])(?!\d))""", 5,
      anchors="#4 #", needs=r"\d(?:-[01]|\d{7})", absolute=True)
def _iso(m, doc):
    try:
        d = dt.date(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    except ValueError:
        return None
    return "DATE", d.isoformat()


@rule("numeric-date", r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", 5,
      anchors="#", needs="/", absolute=True)
def _numeric(m, doc):
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return "DATE", dt.date(y, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def _month_day(m, doc, month_s, day_s, year_s):
    month = listed(MONTHS, lower(month_s).rstrip("."))
    day = day_number(day_s)
    if not day or day > 31:
        return None
    if year_s:
        y = year_number(year_s)
    else:
        y = pick_year(month, day, doc, m.start(), m.end())
    if y is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        return "DATE", dt.date(y, month, day).isoformat()
    except ValueError:
        return None  # "Feb. 30": no such day


@rule("month-day", rf"""
    {WEEKDAY_PREFIX}
    (?P<mon>{MONTH_ANY})(?:\s+|-)(?:the\s+)?(?P<day>{DAY_NUMBER}|{DAY_WORD})
    (?:(?:\s*,\s*|\s+|\s+of\s+|-)(?P<year>{YEAR4}|'\d\d)(?!\d))?""", 4,
      anchors="@months", locate=f"{WEEKDAY_START}|{MONTH_START}", absolute=_year_written)
def _md(m, doc):
    return _month_day(m, doc, m["mon"], m["day"], m["year"])


@rule("day-month", rf"""
    {WEEKDAY_PREFIX}
    (?<![\d.,$])(?<!\d:)(?P<day>{DAY_NUMBER}|{DAY_WORD})(?:\s+(?:of\s+)?|[-/])(?P<mon>{MONTH_ANY})(?![a-z])
    (?:(?:,?\s+|\s+of\s+|[-/])(?P<year>{YEAR4}(?!\d)|(?:'|(?<=of\s))\d\d(?![\w:%])))?""", 4,
      anchors="@months", locate=rf"{WEEKDAY_START}|\d|" + "|".join(first_words(ORDINALS)), absolute=_year_written)
def _dm(m, doc):
    return _month_day(m, doc, m["mon"], m["day"], m["year"])


# the end of a clause, or a preposition: "on April 24 and 25.", "April 24 and 25 in Washington" (not "25 people")
_CLAUSE_GOES_ON = r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|to|for|when|after|before|with|from|and)\b)"


@rule("second-day", rf"""(?P<mon>{MONTH_ANY})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|or|&)\s+
    (?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,%]\d|\d){_CLAUSE_GOES_ON}""", 4,
      anchors="@months", needs=r"\d\s+(?:and|or|&)\s+\d", locate=MONTH_START, text_from="day")
def _second_day(m, doc):
    """ "April 24 and 25": the second day, of the month named with the first ("25" → April 25)."""
    if not 1 <= int(m["d1"]) < int(m["day"]) <= 31:
        return None
    return _month_day(m, doc, m["mon"], m["day"], None)


@rule("month-year", rf"""(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[-\s]+)?
    (?:(?P<mon>{MONTH_ANY})(?:,?\s+(?:of\s+)?|[-/])(?P<year>{YEAR4}(?!\d)|'\d\d|(?<=of\s)\d\d(?![\d:%])|last\s+year|this\s+year|next\s+year
    |nineteen\s+{NUMBER_WORD}|two\s+thousand(?:\s+and\s+{NUMBER_WORD}(?![-\w]))?)|(?P<year2>{YEAR4})\s+(?P<mon2>{MONTH_FULL})(?!\s+\d))""", 3,
      anchors="@months", needs=r"\d|year|nineteen|thousand", locate=f"early|late|mid|the|{MONTH_START}|1|2", absolute=True)
def _my(m, doc):
    month = listed(MONTHS, lower(m["mon"] or m["mon2"]).rstrip("."))
    ys = lower(m["year"] or m["year2"])
    if ys.endswith("year"):
        if doc.ref is None:
            return "DATE", f"XXXX-{month:02d}"
        y = doc.ref.year + listed({"last": -1, "this": 0, "next": 1}, ys.split()[0])
    elif ys.startswith("two thousand"):
        rest = number_value(ys[len("two thousand"):].replace("and", "").strip() or "0") if ys != "two thousand" else 0
        if rest is None:
            return None
        y = 2000 + int(rest)
    elif ys.startswith("nineteen"):
        rest = number_value(ys[len("nineteen"):].strip())
        if rest is None:
            return None
        y = 1900 + int(rest)
    elif ys[:1].isdigit() or ys[:1] == "'":
        y = year_number(ys)
    else:
        return None  # "nıneteen", "two thouſand": spelled with a letter IGNORECASE equates with an ASCII one
    return "DATE", f"{y}-{month:02d}"


MAY_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|during|of|from|through|to|and|before|after|early|late|mid|last|next|this)[-\s]+|\d\s+)$", re.I)


@rule("month", rf"""(?:(?P<mod>last|next|this|this\s+past|this\s+coming|early|late|mid|the\s+end\s+of|the\s+beginning\s+of
    |the\s+middle\s+of|the\s+start\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)[-\s]+)?
    (?P<mon>{MONTH_FULL})(?![-\w]|\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z]))""", 1,
      anchors="@months", locate=f"last|next|this|early|late|mid|the|{MONTH_START}")
def _month(m, doc):
    name = lower(m["mon"])
    mod = lower(m["mod"])
    if name == "may" and not mod and not MAY_CONTEXT.search(doc.text[max(0, m.start() - 12):m.start()]):
        return None
    month = listed(MONTHS, name)
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
        y = pick_year(month, None, doc, m.start(), m.end())
    return "DATE", f"{y}-{month:02d}"


# -- years, decades, centuries -------------------------------------------------

@rule("year", rf"""(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of
    |fiscal(?:\s+year)?|the\s+year|calendar|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of|post|pre)[-\s]+)?
    (?<![$#\d.,])(?<!\d-)(?P<year>{YEAR4})(?!\d|,\d|\.\d|%|\s*percent|\s*per\s+cent|-\d|s\b|'s\b)""", 0,
      anchors="#4", part_of_name=year_in_name, absolute=True)
def _year(m, doc):
    mod = lower(m["mod"])
    y = m["year"]
    if "half" in mod:
        return "DATE", f"{y}-H{1 if 'first' in mod else 2}"
    return "DATE", y


@rule("year-month-iso", rf"""(?<![\d-])(?P<year>{YEAR4})-(?P<month>0[1-9]|1[0-2]|[1-9])(?![\d-])""", 2,
      anchors="#4", needs="-")
def _year_month_iso(m, doc):
    return "DATE", f"{m['year']}-{int(m['month']):02d}"


@rule("year-range", rf"""(?<![\d-])(?P<y1>{YEAR4})\s*[-–]\s*(?P<y2>{YEAR4}|\d\d)(?![\d-])""", 3,
      anchors="#4", needs="[-–]")
def _year_range(m, doc):
    """ "2014-2018", "1990-95": a span of years, with its first and last day (two consecutive years
    written "2019-20" are a fiscal or season year instead: ``fiscal_year``)."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 100 or (len(m["y2"]) == 2 and y2 - y1 > 10):
        return None  # "2015-32" is not a span of years
    return "DURATION", f"P{y2 - y1}Y", (dt.date(y1, 1, 1), dt.date(y2, 12, 31))


# -- fiscal, academic and season years ------------------------------------------------------
#
# "2019-20", "2011-12", "2022/23", "FY2019-20", "fiscal 2019-20", "the 2019-2020 season", "FY2019": one year of
# accounts, of school or of a sport, which begins in one calendar year and may end in the next. TimeBank writes a
# fiscal year as its plain year ("fiscal 1989" → 1989) and has no two-year shape, so the value is the year it
# begins in (a DATE, "2019"); ``resolved``/``resolved_end`` cover both calendar years it may touch (2019-01-01 …
# 2020-12-31), as its first month differs from one country or body to another. Two consecutive years written
# "2011-12" are a fiscal year, never a month (December 2011) nor a quarter; "2014-18", "from 2010-2011" and
# "the 1990-91 recession" (before a noun of a lasting event, ``span_nouns`` in words.json) are spans of years
# (``year_range``).

# after two years, a noun of an event that lasts: "the 1990-91 recession" is a span of years, not a fiscal year
SPAN_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + alt(WORDS["span_nouns"]) + r"\b", re.I)


def _consecutive_years(m: re.Match) -> bool:
    """Whether a fiscal-year match names one year and the next: "2019-20", "1999/2000", not "2019-21"
    nor "the 1990-91 recession" (a span of years: ``year_range``)."""
    if m["fyear"]:
        return True
    if SPAN_NOUN_AFTER.match(m.string, m.end()):
        return False
    y1, y2 = int(m["y1"]), m["y2"]
    if len(y2) == 2:
        return int(y2) == (y1 + 1) % 100
    return int(y2) == y1 + 1 and (m["sep"] == "/" or m["fy"] is not None or m["kind"] is not None)


@rule("fiscal-year", rf"""(?:(?P<fy>fy|fiscal(?:\s+year)?|financial\s+year)\s?)?
    (?<![\d/.-])(?P<y1>{YEAR4})(?P<sep>[-–/])(?P<y2>\d\d(?:\d\d)?)(?!\d|[/.-]\d)
    (?P<kind>(?=\s+(?:season|school\s+year|academic\s+year|fiscal\s+year|financial\s+year|tax\s+year|budget\s+year)\b))?
    |fy\s?(?P<fyear>{YEAR4}|\d\d)(?!\d|[/.-]\d)""", 5,
      anchors="#4 fy", needs=r"\d[-–/]\d|fy", keep=_consecutive_years, absolute=True)
def _fiscal_year(m, doc):
    """ "2019-20", "FY2019-20", "2022/23" → DATE 2019 (the year it begins in); "FY2019", "FY19" → 2019."""
    if m["fyear"]:
        return "DATE", str(year_number(m["fyear"]))
    y1 = int(m["y1"])
    return "DATE", str(y1), (dt.date(y1, 1, 1), dt.date(y1 + 1, 12, 31))


@rule("day-range", rf"""(?P<mon>{MONTH_ANY})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–)\s*(?:(?P<mon2>{MONTH_ANY})\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
    (?:\s*,\s*(?P<year>{YEAR4}))?""", 5, anchors="@months", needs="[-–]", locate=MONTH_START)
def _day_range(m, doc):
    """ "Nov. 18-19", "Nov 18-Dec 19, 2015": consecutive days, with the first and last."""
    mon1 = listed(MONTHS, lower(m["mon"]).rstrip("."))
    mon2 = listed(MONTHS, lower(m["mon2"]).rstrip(".")) if m["mon2"] else mon1
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if m["year"]:
        y2 = int(m["year"])
    else:
        y2 = pick_year(mon2, d2, doc, m.start(), m.end())
    if y2 is None:
        return "DURATION", "PXD"
    y1 = y2 - 1 if mon1 > mon2 else y2
    try:
        first, last = dt.date(y1, mon1, d1), dt.date(y2, mon2, d2)
    except ValueError:
        return None  # "Feb. 28-30": no such day (or a year beyond the calendar: a reference near year 1)
    if last <= first:
        return None
    return "DURATION", f"P{(last - first).days + 1}D", (first, last)


@rule("spoken-year", rf"""(?:the\s+year\s+)?(?:nineteen[-\s]+(?P<rest>{NUMBER_WORD}|hundred)|two\s+thousand(?:\s+and)?(?:[-\s]+(?P<rest2>{NUMBER_WORD}))?)""", 0,
      anchors="nineteen thousand", absolute=True)
def _spoken_year(m, doc):
    if m["rest"] is not None:
        r = 0 if m["rest"].lower() == "hundred" else number_value(m["rest"])
        if r is None or r >= 100:
            return None
        return "DATE", str(1900 + int(r))
    if not m.group(0).lower().startswith("the year") and m["rest2"] is None:
        return None  # "two thousand" alone is a number
    r = number_value(m["rest2"]) if m["rest2"] else 0
    return ("DATE", str(2000 + int(r))) if r is not None and r < 100 else None


@rule("decade", rf"""(?:the\s+)?(?:(?P<mod>early|late|mid|the\s+last\s+half\s+of\s+the|the\s+first\s+half\s+of\s+the)[-\s]+)?
    (?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)'?s|(?P<word>{alt(DECADE_WORDS)}))(?!\w)""", 2,
      anchors="#4 #s @decades", needs="0'?s|ties")
def _decade(m, doc):
    if m["dec"]:
        prefix = m["dec"][:3]
    elif m["short"]:
        prefix = "19" + m["short"][0]
    else:
        if not m.group(0).lower().startswith("the"):
            return None  # "in his forties" is an age
        prefix = "19" + str(listed(DECADE_WORDS, m["word"].lower()))
    return "DATE", prefix if m["mod"] else prefix + "X"


@rule("century", rf"""(?:the\s+)?(?P<ord>{ORDINAL})\s+century""", 2, anchors="century centuries")
def _century(m, doc):
    n = day_number(m["ord"])
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"
