"""One reading of a QUANTITY match: what the steps know about it so far.

:class:`Reading` is a small mutable record that the steps of :mod:`newskit.quantities.steps`
fill in, in order: the text before the number (qualifier, "between", currency), the numbers
(:class:`Bound`: value, scale and unit as written), then the value, unit, kind and rule of the
result. A step ends the reading early by returning :meth:`Reading.drop` (no quantity here) or
:meth:`Reading.finish` (this quantity, no more steps). A finished reading, or a :class:`Found`
from the other readers, is what :func:`newskit.quantities.find_quantities` makes a
:class:`~newskit.quantities.Quantity` of.

Example:
    >>> from newskit.quantities.patterns import next_match
    >>> text = "between $5 and $10"
    >>> r = Reading.of(text, next_match(text, 0), include_years=False)
    >>> r.between, r.currency_text, r.currency.name, r.digits1
    ('between', '$', 'USD', '5')
    >>> from newskit.quantities.steps import read_quantity
    >>> r, resume = read_quantity(text, r.m, include_years=False)
    >>> r.first.value, r.second.value, r.low, r.high, r.unit, r.rule
    (5.0, 10.0, 5.0, 10.0, 'USD', 'money-prefix+range')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from newskit.numbers import NumberOutOfRangeError, parse_digits, parse_spelled
from newskit.quantities.patterns import NumberGroups
from newskit.quantities.units import UNITS, Unit
from newskit.quantities.words import qualifier_symbol


class Found(NamedTuple):
    """A quantity found by a reader, before its SI value and change are added (a
    :class:`Reading` has the same fields, and stands for itself)."""

    start: int
    end: int
    value: float
    unit: str | None = None
    kind: str = "number"
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    entry: Unit | None = None
    rule: str = "number"


class UnitText(NamedTuple):
    """A unit after a number as the pattern matched it: "(km)" in "5 (km)"."""

    start: int  # where the unit starts, with its opener
    end: int  # where it ends, with its closer
    opener: str  # what stands between the number and the unit: "", " ", "-", " (" …
    name: str  # the unit as written: "km"
    closer: str | None  # ")", "]", "}", ">" or None

    @classmethod
    def of(cls, m: re.Match, groups: NumberGroups) -> UnitText | None:
        """The unit after the number whose groups are ``groups``, or None."""
        name = m.group(groups.unit_name)
        if not name:
            return None
        return cls(m.start(groups.unit), m.end(groups.unit), m.group(groups.unit_open), name,
                   m.group(groups.unit_close))


@dataclass(slots=True)
class Bound:
    """One number of a QUANTITY match: the first, or the second of a range."""

    value: float  # the number with its sign, its scale not applied
    end: int  # where the number itself ends
    scale: str | None  # the scale as written ("bn", " million"), None without one
    stop: int  # where the number and its scale end
    unit: UnitText | None  # the unit after it, as written


def number_value(m: re.Match, groups: NumberGroups) -> tuple[float, int] | None:
    """The value of the number ``groups`` of ``m`` (sign applied) and where the number ends
    (a run of number words may hold more than one); None for digits with no float value or
    words that make no number."""
    digits = m.group(groups.digits)
    if digits is not None:
        try:
            value = parse_digits(digits)
        except NumberOutOfRangeError:  # "1x10^400": no number here
            return None
        end = m.end(groups.digits)
    else:
        parsed = parse_spelled(m.group(groups.words))
        if parsed is None:
            return None
        value, length = parsed
        end = m.start(groups.words) + length
    if m.group(groups.sign):
        value = -value
    return value, end


def _later(default=None):
    """A field that the steps fill in: not an argument of ``Reading(...)``, it starts as
    ``default``."""
    return field(default=default, init=False)


@dataclass(slots=True)
class Reading:
    """What is known about one QUANTITY match; the steps fill it in, in order.

    The fields up to ``currency`` are read from the match when the reading starts; ``first``
    to ``year_range`` when the numbers are read; the rest is the result (the fields of
    :class:`Found`) and where the scan resumes.
    """

    text: str
    m: re.Match
    include_years: bool
    # written before and in the numbers, as matched
    qualifier_text: str | None  # "more than "
    between: str | None  # "between" or "from" before a range
    currency_text: str | None  # the currency prefix of the first number ("US$")
    digits1: str | None  # the first number in digits ("3,000")
    words1: str | None  # … or in words ("three thousand")
    start: int  # where the quantity starts
    qualifier: str | None  # ">", ">=", "<", "<=", "~", "=" (of ``qualifier_text``, or later)
    currency: Unit | None  # the currency of ``currency_text`` (or of ``currency2_text``)
    # the numbers
    first: Bound | None = _later()
    currency2_text: str | None = _later()  # the currency prefix of the second number ("$10")
    digits2: str | None = _later()  # the second number in digits
    second: Bound | None = _later()
    truncated: bool = _later(False)  # the words of the first number hold more than one number
    separator: str | None = _later()  # between the numbers: " to ", "-"
    separator_end: int = _later(0)
    year_range: bool = _later(False)  # "2010-2015"
    # the result so far
    end: int = _later(0)
    resume: int = _later(0)  # where the scan resumes (at least ``end``)
    value: float = _later(0.0)
    low: float | None = _later()
    high: float | None = _later()
    is_range: bool = _later(False)
    unit_text: UnitText | None = _later()  # the unit as written that the result may take
    entry: Unit | None = _later()  # the unit of the table
    unit: str | None = _later()
    kind: str = _later("number")
    rule: str = _later("number")

    @classmethod
    def of(cls, text: str, m: re.Match, include_years: bool) -> Reading:
        """A reading of QUANTITY match ``m`` with what is written before the number."""
        qualifier_text, currency_text = m.group("qualifier"), m.group("currency1")
        return cls(
            text, m, include_years, qualifier_text, m.group("between"), currency_text,
            m.group("digits1"), m.group("words1"), m.start(),
            qualifier_symbol(qualifier_text) if qualifier_text else None,
            UNITS.currency(currency_text) if currency_text else None,
        )

    def drop(self, resume: int) -> Outcome:
        """The outcome "no quantity here; the scan resumes at ``resume``" (a step that ends
        the reading returns it)."""
        return None, resume

    def finish(self, resume: int) -> Outcome:
        """The outcome "this quantity, with no more steps; the scan resumes at ``resume``"."""
        return self, resume


#: What reading a match comes to: the quantity found (a Reading or a Found) or None, and
#: where the scan resumes.
Outcome = tuple["Reading | Found | None", int]

