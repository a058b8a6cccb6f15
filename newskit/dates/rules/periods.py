"""Quarters, halves, seasons and holidays: "the third quarter", "Q3 2017", "the first half of
2016", "the year-ago quarter", "a year earlier", "last fall", "the summer of 1995", "Christmas",
"Thanksgiving 2016".

A quarter sets the document's last quarter, which "the same period", "the year-ago quarter" and
"a year earlier" then count from (see ``context.Doc``), unless it is named in passing ("after a
flat second quarter"); a holiday without a year is this year's
when it is near, else the past or the coming one by the tense of the clause.

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value) for d in find_dates("Profit rose in the third quarter from the year-ago quarter.",
    ...                                          reference="2017-11-04")]
    [('the third quarter', '2017-Q3'), ('the year-ago quarter', '2016-Q3')]
"""
from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from newskit.dates.engine import for_folded, listed, rule
from newskit.dates.lexicon import (FIXED_HOLIDAYS, HOLIDAY, NUMBER_WORD, QUARTER_NUMBERS, QUARTER_ORD, SEASON, SEASONS,
                                   YEAR4, lower)
from newskit.dates.values import calendar_limits, holiday_date, number_value, quarter_of

# -- quarters and halves ------------------------------------------------------------------

# a quarter of a game, not of the calendar: words of play around it ("four rebounds in the first quarter")
GAME_WORDS = for_folded(re.compile(
    r"\b(?:rebounds|assists|shots|scored|scoring|touchdowns?|field\s+goals?|free\s+throws?|three-point(?:ers?)?|buzzer|"
    r"overtime|halftime|tip-off|kickoff|quarterback|locker\s+room|basketball|football|nba|nfl|wnba)\b", re.I))
GAME_REACH = 150
# "after a flat second quarter", in lower case: a quarter judged in passing (not "a third-quarter loss")
IN_PASSING = re.compile(r"an?\s+(?:flat|strong|weak)\s")
_Q_YEAR_PREFIX = r"(?:(?P<pyear>{y})|(?P<prel>this|last|next)\s+year's|(?P<py2>{y})'s)".format(y=YEAR4)


@rule("quarter", rf"""(?:(?:the|its|their|a|an)\s+)?(?:{_Q_YEAR_PREFIX}\s+)?(?:(?:latest|current|comparable|same|flat|strong|weak|year-(?:ago|earlier))\s+)?
    (?:fiscal[-\s]+)?(?P<q>{QUARTER_ORD}|Q[1-4])[-\s]+(?:fiscal[-\s]+)?(?:-?period\s+)?quarters?(?P<plural>s)?
    (?:\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<srel>this|last|next|the)\s+year|fiscal\s+(?P<fyear>{YEAR4})))?(?!\w)""", 4,
      anchors="quarter quarters")
def _quarter_rule(m, doc):
    qs = m["q"].lower()
    q = int(qs[1]) if qs.startswith("q") else listed(QUARTER_NUMBERS, qs)
    text = m.group(0).lower()
    if _of_a_game(m, doc):
        return None  # "late in the first quarter" of a game (rebounds, halftime …): a period of play
    if text.rstrip().endswith("quarters") and not m["year"]:
        return "SET", f"XXXX-Q{q}"
    year = m["year"] or m["pyear"] or m["py2"] or m["fyear"]
    rel = m["prel"] or m["srel"]
    if year:
        y = int(year)
    elif doc.ref is None:
        return "DATE", f"XXXX-Q{q}"
    elif rel:
        y = doc.ref.year + listed({"this": 0, "the": 0, "last": -1, "next": 1}, rel.lower())
    else:
        y = doc.ref.year
        if q > quarter_of(doc.ref)[1] and doc.tense(m.start(), m.end()) == "past":
            y -= 1  # "reported a loss for the fourth quarter" in January
    if "year-ago" in text or "year-earlier" in text:
        y -= 1
    if not IN_PASSING.match(text):  # "after a flat second quarter": in passing, not the quarter the story reports
        doc.quarter, doc.quarter_pos = (y, q), m.start()
    return "DATE", f"{y}-Q{q}"


@rule("q-notation", rf"""(?<!\w)(?:(?P<y1>{YEAR4})[\s-]*)?(?P<q>Q[1-4]|q[1-4](?=[\s-]*\d{{4}})|(?<=\d\s)q[1-4]|(?<=\d)q[1-4])(?:[\s-]*(?P<y2>{YEAR4}))?(?!\w)""", 4,
      flags=re.X, anchors="q")
def _qnote(m, doc):
    y = m["y1"] or m["y2"]
    q = int(m["q"][1])
    if y is None:
        if doc.ref is None:
            return "DATE", f"XXXX-Q{q}"
        y = doc.ref.year
    return "DATE", f"{y}-Q{q}"


@rule("half-year", rf"""(?:the\s+)?(?P<h>first|second|last|latter)\s+half\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year|the\s+year)?(?!\w)
    |(?P<y1>{YEAR4})[\s-]?(?P<h1>H[12])(?!\w)|(?P<h2>H[12])[\s-]?(?P<y2>{YEAR4})(?!\d)""", 3, anchors="half h")
def _half(m, doc):
    if m["y1"] or m["y2"]:
        return "DATE", f"{m['y1'] or m['y2']}-{(m['h1'] or m['h2']).upper()}"
    h = 1 if m["h"].lower() == "first" else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}"
    if doc.ref is None:
        return "DATE", f"XXXX-H{h}"
    y = doc.ref.year + {"this": 0, "last": -1, "next": 1}.get(lower(m["rel"]), 0)
    return "DATE", f"{y}-H{h}"


# "the quarter of the cost", "the period of a year": a part or a length, not a period of the calendar
OF_WHAT_AFTER = re.compile(r"\s+of\s+(?:a|an|the|its|their|his|her|all|[\d$])", re.I)


@rule("period-in-context", rf"""(?:the\s+)?(?:(?P<which>latest|current|same|comparable|corresponding|year-ago|year-earlier|{YEAR4})\s+)?
    (?:(?:year-ago|year-earlier|fiscal)\s+)?(?P<unit>quarter|period)(?:\s+(?P<tail>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?(?!\w|-)""", 2,
      anchors="quarter period")
def _period(m, doc):
    text = lower(m.group(0))
    which = lower(m["which"])
    if not text.startswith("the") and not which:
        return None  # "a quarter of the cost", "another quarter": a fraction
    if OF_WHAT_AFTER.match(doc.text[m.end():m.end() + 12]):
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
        y, q = quarter_of(doc.ref)
    elif which == "latest":
        y, q = quarter_of(_three_months_before(doc.ref))
    elif doc.quarter and m.start() - doc.quarter_pos < 1500:
        y, q = doc.quarter
    else:
        y, q = quarter_of(_three_months_before(doc.ref))
    if back:
        y -= 1
    else:
        doc.quarter, doc.quarter_pos = (y, q), m.start()
    return "DATE", f"{y}-Q{q}"


def _of_a_game(m, doc) -> bool:
    """Whether a quarter without a year is a period of play: words of a game around it."""
    if m["year"] or m["pyear"] or m["py2"] or m["fyear"]:
        return False
    return GAME_WORDS.search(doc.folded, max(0, m.start() - GAME_REACH), m.end() + GAME_REACH) is not None


def _three_months_before(day):
    with calendar_limits:
        return day - relativedelta(months=3)


@rule("year-ago-adj", r"""(?<![\w-])(?:the\s+)?(?P<w>year-ago|year-earlier|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|the\s+prior\s+year|the\s+year\s+before)(?![\w-])""", 2,
      anchors="year", needs="ago|earlier|before|previous|prior")
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
    (?:(?P<edge>early|late|mid)[-\s]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR4}|nineteen\s+{NUMBER_WORD}))?(?!\w)""", 1,
      anchors="@seasons")
def _season(m, doc):
    """ "last fall" → 2016-FA, "the summer of 1995" → 1995-SU; a bare season needs a calendar
    context ("in spring"), and "fall" needs a determiner ("prices fall" is a verb)."""
    mod = lower(m["mod"])
    code = listed(SEASONS, m["season"].lower())
    if m["year"]:
        ys = lower(m["year"])
        y = int(ys) if ys.isdigit() else 1900 + int(number_value(ys[len("nineteen"):].strip()) or 0)
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


# "Easter Island", "Christmas Island": a capitalised word after a holiday name makes it a place
NAME_AFTER = re.compile(r"\s+(?!(?:Day|Eve|Sunday|Monday|Weekend|Week)\b)[A-Z][a-z]")


@rule("holiday", rf"""(?:(?P<mod>last|next|this)\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR4}))?(?!\w)""", 3,
      anchors="@holidays")
def _holiday(m, doc):
    name = m["name"]
    if not name[0].isupper() and name.split()[0].lower() not in ("christmas", "easter", "thanksgiving", "halloween"):
        return None  # lower-case "labor day", "may day" are ordinary words
    if lower(name) == "new year" and not m["year"]:
        return None
    if NAME_AFTER.match(doc.text, m.end()):
        return None  # "Easter Island", "Christmas Island": a place, not a day
    if m["year"]:
        return "DATE", holiday_date(name, int(m["year"])).isoformat()
    if doc.ref is None:
        return "DATE", "XXXX-" + (FIXED_HOLIDAYS.get(lower(name), "XX-XX"))
    ref = doc.ref
    this = holiday_date(name, ref.year)
    mod = lower(m["mod"])
    if not mod and abs((this - ref).days) <= 14:
        return "DATE", this.isoformat()  # a holiday two weeks away or less is this year's, whatever the tense
    if mod == "last" or (not mod and this > ref and doc.tense(m.start(), m.end()) != "future"):
        if this >= ref:
            this = holiday_date(name, ref.year - 1)
    elif mod == "next" or (not mod and this < ref and doc.tense(m.start(), m.end()) == "future"):
        if this <= ref:
            this = holiday_date(name, ref.year + 1)
    return "DATE", this.isoformat()
