"""Quantities in news text: percentages, distances, money, counts, ranges, with qualifiers.

``find_quantities`` scans a text with one compiled pattern
(:data:`~newskit.quantities.patterns.MASTER`) whose alternatives are tried left to right at
each position:

1. things that look like numbers but are not quantities and are skipped whole (dates, times,
   phone numbers, URLs, ordinals, decades, spelled years, identifiers such as "Section 230",
   scores such as "52-48" are dropped after matching);
2. vague multiples ("tens of thousands", "several hundred") and "percent of N";
3. heights in feet and inches (6'3");
4. quantities: an optional qualifier ("more than", "up to", "between"), an optional currency
   prefix, a number in digits or words, an optional scale ("million", "bn", "k"), an optional
   second number making a range, and an optional unit from the unit table;
5. letter-first codes ("F-16", "COVID-19"), skipped.

The package is laid out by stage:

- :mod:`~newskit.quantities.patterns`: MASTER and its named parts, the anchor scan (MASTER
  only runs near a digit or a number word) and the start check;
- :mod:`~newskit.quantities.reading` and :mod:`~newskit.quantities.steps`: each quantity
  match is read by a fixed pipeline of named steps over one ``Reading`` (value, unit, kind,
  range, currency, counted noun, age, second bound …): the counted noun is looked up after a
  bare number ("3,000 troops"), a second bound after it ("more than 10 and less than 40");
- :mod:`~newskit.quantities.context`: the patterns for the words around a quantity (counted
  nouns, change verbs such as "rose by 5 points", ages, cents, ratios);
- :mod:`~newskit.quantities.alternatives`: the readers of vague multiples, "percent of N" and
  heights;
- :mod:`~newskit.quantities.units` and :mod:`~newskit.quantities.words`: the unit table and
  the word lists, from ``newskit/resources/quantities/`` (``units.json``,
  ``quantity_words.json``, ``count_nouns.txt``, ``id_nouns.txt``) and the number words of
  :mod:`newskit.numbers` (``resources/shared/numbers.json``).

Every result records the ``rule`` that produced it (:data:`RULES` lists them).

Known limits: rates are returned without their denominator ("$62 a barrel" is 62 USD);
"a mile", "a dollar" (an article instead of a number) are not quantities; lists with "or"
("two or three days") are not ranges; decimal commas ("1,3") are read as two numbers.

Example:
    >>> [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(
    ...     "Baghdad regained more than 90 percent of the territory, 600 km of border.")]
    [('more than 90 percent', 90.0, 'percent', '>'), ('600 km', 600.0, 'kilometre', None)]

References:
    Almasian, S. et al. (2023). CQE: A Comprehensive Quantity Extractor. EMNLP 2023 — the
    news-quantity task (value, unit, qualifier, change) newskit follows.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from newskit.article import as_text_and_reference
from newskit.quantities.alternatives import READERS
from newskit.quantities.context import change
from newskit.quantities.patterns import next_match
from newskit.quantities.reading import Found, Reading
from newskit.quantities.units import to_si
from newskit.spans import to_frame as _to_frame

__all__ = ["Quantity", "RULES", "find_quantities", "to_frame"]


@dataclass(frozen=True)
class Quantity:
    """A quantity mentioned in a text; ``source[start:end] == text``.

    Attributes:
        start, end, text: the span, including a qualifier ("more than 90 percent").
        value: the number as a float, scale words applied ("$1.2bn" -> 1.2e9); for a range,
            the midpoint of ``low`` and ``high``.
        unit: canonical unit ("percent", "kilometre", "USD", "degree Celsius"), the counted
            noun for counts ("troops"), or None for a bare number.
        kind: percent, points, length, area, volume, mass, speed, temperature, duration, age,
            money, information, power, energy, count, ratio, number (or year, when asked).
        qualifier: ">", ">=", "<", "<=", "~", "=" or None.
        low, high: the ends of a range ("between 10 and 20 percent"), else None.
        si_value, si_unit: the value in SI units where the unit has one (600 km -> 600000, "m").
        change: "+" or "-" when the quantity is a change ("rose by 5 points"), else None.
        rule: the name of the rule that produced the result (see :data:`RULES`), for auditing.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    kind: str = "number"
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    si_value: float | None = None
    si_unit: str | None = None
    change: str | None = None
    rule: str = ""


#: Every rule a quantity can record, with what it reads (tests/test_quantities.py checks that
#: each one is produced by a case of the test tables, and that no other is produced).
RULES = {
    "number": "a bare number: '3.5 million', 'a dozen'",
    "number-unit": "a number and a unit of the table: '600 km', '60%', '1.5°C'",
    "money-prefix": "a currency before the number: '$1.2bn', '€40'",
    "money-prefix+range": "a range with a currency before it: '$5-10 million'",
    "range": "two numbers joined: '10-20%', 'between 10 and 20 percent'",
    "range-bounds": "two opposite qualified bounds: 'more than 10 and less than 40'",
    "range+count-noun": "a range of a counted noun: '5 to 10 soldiers'",
    "range+count-plural": "a range of any plural noun: '20 to 30 boxes'",
    "count-noun": "a number of a noun of count_nouns.txt: '3,000 troops'",
    "count-plural": "a number of any plural noun: '12 boxes'",
    "vague-multiple": "'tens of thousands', 'several hundred', 'billions of dollars' (at least)",
    "fraction": "a bare number below one: 'two-thirds', 'half of the vote', '3/4'",
    "ratio": "'one out of three', '1 in 5', '3 over 4'",
    "percent-of": "'percent of 20': the number after 'of'",
    "age": "'a 28-year-old', 'five years old', 'aged 30'",
    "feet-inches": "a height: 6'3\"",
    "year": "a bare year, when asked for: 'in 2017'",
    "year+range": "a range of years, when asked for: '2010-2015'",
}


def find_quantities(text_or_article, include_years: bool = False) -> list[Quantity]:
    """Find the quantities in a news text.

    Args:
        text_or_article: a str or a :class:`newskit.Article` (its clean text is used).
        include_years: also return bare years ("in 2017") as quantities of kind "year".

    Returns:
        Quantities in text order, with ``text[q.start:q.end] == q.text``.

    Example:
        >>> [(q.text, q.value, q.unit, q.kind) for q in find_quantities(
        ...     "Prices rose by 5 points; $1.2bn was spent on 3,000 troops on Oct. 26.")]
        [('5 points', 5.0, 'point', 'points'), ('$1.2bn', 1200000000.0, 'USD', 'money'), ('3,000 troops', 3000.0, 'troops', 'count')]
    """
    text, _ = as_text_and_reference(text_or_article)
    out: list[Quantity] = []
    pos = 0
    while (m := next_match(text, pos)) is not None:
        found, resume = READERS[m.lastgroup](text, m, include_years)
        if found is not None:
            q = _quantity(text, found)
            if q is not None:
                out.append(q)
        pos = resume if resume > m.start() else m.start() + 1  # always forward
    return out


def _quantity(text: str, f: Found | Reading) -> Quantity | None:
    """The Quantity of what a reader found: its span without trailing spaces, its SI value
    and the change before it; None for an empty span or a value that is not finite ("1/0")."""
    start, end, value = f.start, f.end, f.value
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return None
    si_value, si_unit = to_si(f.entry, value)
    return Quantity(start, end, text[start:end], float(value), f.unit, f.kind, f.qualifier,
                    None if f.low is None else float(f.low), None if f.high is None else float(f.high),
                    si_value, si_unit, change(text, start, f.kind), f.rule)


def to_frame(quantities):
    """The quantities as a pandas DataFrame (one row each, columns as the fields)."""
    return _to_frame(quantities, Quantity)
