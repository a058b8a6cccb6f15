"""Dates and times in news text, resolved against the publication date (TimeML TIMEX3 values).

``find_dates`` recognises temporal expressions with named regular expressions (one per rule,
built from the word lists in ``resources/dates/``) and resolves each to a TIMEX3
``value`` string, following the rule-based approach of HeidelTime: explicit dates are read
as written, relative ones ("last week", "on Friday", "two weeks ago") are computed from the
reference date (the publication date), and the past/future choice for an underspecified
expression ("Friday", "Oct. 26") follows the tense of the clause, else the news convention
(the most recent past). Without a reference nothing is invented: the unknown parts stay
``X`` ("XXXX-10-26", "XXXX-WXX-5"). Calendar arithmetic uses ``dateutil.relativedelta``.

How it works, stage by stage (one module each):

* ``lexicon``: the word tables (``resources/dates/``) and the sub-patterns built from them.
* ``engine``: ``Rule`` and the ``@rule`` decorator, which declares each rule in one place: its
  pattern, priority, anchors, needs, locator and flags, above its resolver.
* ``rules/<family>.py``: the rules (calendar, days, clock, relative, periods, durations, refs).
* ``scan``: the text is scanned for anchor words (month and weekday names, unit words, digits
  …); each rule runs only on windows around its own anchors, and not in those that lack a word
  it needs; the scans run on a lower-cased copy of the text with case-sensitive patterns, which
  find the very matches of the IGNORECASE rules about twice as fast (see ``fold_case``,
  ``engine``). Overlapping matches are resolved longest first (a rule may decline a match, e.g.
  "May" the modal verb, and then the shorter matches inside it compete).
* ``context``: the survivors are resolved in text order, so that a mention can use the context
  before it ("the year-ago quarter" after "the third quarter", "the following year" after
  "1995", "at 10 p.m." after "Friday", "at 2 a.m." after "Friday night", "end-June" after "end
  January 2015"); a first resolution that used no such context is final, and kept (see ``Probe``).
* ``tense``: the tense and modality of the clause choose between past and future readings
  ("forecast to peak Monday", "is due Thursday", "won in Tuesday's election").
* ``values``: TIMEX3 values and calendar arithmetic (durations, weeks, quarters, ranges).
* ``names``: matches that are part of a name or a title ("Orion 1980", "VOA Today").

Conventions (TimeML, as in the TempEval-3 news data), with reference 2017-11-04:

* "Friday" → the most recent Friday (2017-11-03) unless the clause is future ("will meet
  Friday", "is forecast to peak Friday", "is scheduled for Friday" → 2017-11-10); "last/next
  Friday" → the one before/after the reference; "Oct. 18, a Wednesday" → that day.
* "Oct. 26", "January" without a year → the reading near the reference when one is near and
  the other far ("payable Dec. 15" in late October), else by tense, else the past one; counted
  from a month of another year written just before it in its sentence, if there is one.
* "last week" → ISO week (2017-W43); "next month" → 2017-12; "this year" → 2017;
  "the third quarter" → 2017-Q3; "the 1990s" → 199X; "the 19th century" → 18.
* A fiscal, academic or season year written with both years ("2019-20", "FY2019-20", "2022/23") →
  DATE 2019, the year it begins in (TimeBank writes "fiscal 1989" as 1989), spanning 2019-01-01 …
  2020-12-31; never a month or a quarter.
* "two weeks ago" → 2017-10-21 (days and weeks to the day; months to the month, years to the
  year: "five years ago" → 2012); "will be redeemed in five years" → 2022.
* "three days" → P3D; "several months" → PXM; "the past three months" → P3M and "over the
  past year" → P1Y, with ``resolved``/``resolved_end`` set to the span each covers (2017-08-04 …
  2017-11-04 for the first); "for years" → the mention "years", PXY.
* "now", "currently" → PRESENT_REF; "recently", "recent years" → PAST_REF; "the near
  future" → FUTURE_REF; "every week", "one day a week" → SET P1W; "daily" → SET P1D.
* "Friday evening" → TIME 2017-11-03TEV (MO, AF, EV, NI for the parts of the day).
* A clock time falls on the day named with it ("10pm tonight", "8 a.m. Friday") or just before it
  in the story (within a paragraph or two of a past narrative), never on a day gone by in a future
  clause, and on the next morning after a night ("Friday night … at 2 a.m." → Saturday); "after
  midnight" is the start of a day (T00:00), any other midnight the end (T24:00); a time in a
  schedule ("weekends 11am-4pm") has no day (XXXX-XX-XXT11:00).
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
import re
from dataclasses import dataclass
from typing import Optional

from newskit.article import as_text_and_reference
from newskit.spans import deprecated_alias
from newskit.dates.context import Doc, Probe, parse_reference
from newskit.dates.engine import Declined
from newskit.dates.scan import candidates, select
from newskit.dates.values import V_YEAR, value_range

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
    kind: str
    value: str
    resolved: Optional[dt.date] = None
    resolved_end: Optional[dt.date] = None
    rule: str = ""

    type = deprecated_alias("kind", "type")  # the category field is ``kind`` in every result


_YEAR_MONTH_DAY = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _dated(value: str) -> tuple:
    """(year, month or None, day or None) of a DATE value that states its year: "2015-01" → (2015, 1, None)."""
    m = _YEAR_MONTH_DAY.match(value)
    return int(m[1]), (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)


# leading prepositions, matched for context but not part of the expression ("at 10 a.m."); not "at least"
_EDGE_WORDS = re.compile(r"^(?:(?:on|in|at|since|until|by|during|of|from|through)\s+)(?!least\b|most\b)", re.I)


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
    doc = Doc(text, ref)
    found: list[DateMention] = []
    for s, e, r, m, res in select(candidates(text, doc.folded), Probe(doc)):
        if res is None:  # it depends on the earlier mentions: resolved now, in text order
            try:
                res = r.resolve(m, doc)
            except Declined:  # see engine.Declined; any other error is a bug, and raises
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
            if value.endswith("TNI"):  # "Friday night", "tonight": a morning time after it is the next day's
                doc.night, doc.night_pos = first, s
        if r.absolute is not None and V_YEAR.match(value) and r.absolute(m):
            doc.year = int(value[:4])
            doc.dated, doc.dated_pos = _dated(value), s
        found.append(DateMention(s, e, text[s:e], typ, value, first, last, r.name))
    return found
