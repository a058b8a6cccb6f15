"""The date rules, one module per family; importing this package registers them all.

Each rule is declared once, by ``@rule(...)`` above its resolver (see ``engine.rule``). The
families are imported in this fixed order, which is the order the rules register in, and
between two equal matches (same span, same priority) the rule registered first wins; a test
(``tests/test_dates.py``) pins the order.

1. ``calendar``: explicit dates, months, years, ranges, decades, centuries
2. ``days``: days and weekdays relative to the reference, weekly sets
3. ``clock``: times of day
4. ``relative``: weeks, months, years … relative to the reference or an earlier mention
5. ``periods``: quarters, halves, seasons, holidays
6. ``durations``: amounts of time, "ago", offsets from a day
7. ``refs``: sets, and references to the present, past and future

Example:
    >>> [r.name for r in RULES][:3], [f.__name__.rpartition(".")[2] for f in FAMILIES][:2]
    (['iso-date', 'numeric-date', 'month-day'], ['calendar', 'days'])
"""
from __future__ import annotations

from newskit.dates.engine import RULES
from newskit.dates.rules import calendar, days, clock, relative, periods, durations, refs  # in this order

FAMILIES = (calendar, days, clock, relative, periods, durations, refs)

__all__ = ["FAMILIES", "RULES"]
