"""Readers for the alternatives of :data:`~newskit.quantities.patterns.MASTER` other than a
quantity: vague multiples, "percent of N", heights, and the spans skipped whole.

Every reader takes ``(text, m, include_years)`` and returns ``(found or None, resume)``, like
:func:`newskit.quantities.steps.read_quantity`; :data:`READERS` maps the name of each
alternative (``m.lastgroup``) to its reader.

Example:
    >>> from newskit.quantities.patterns import next_match
    >>> text = "tens of thousands of people"
    >>> found, resume = read_vague(text, next_match(text, 0), False)
    >>> found.value, found.unit, found.qualifier, found.rule
    (10000, 'people', '>=', 'vague-multiple')
"""
from __future__ import annotations

import math
import re

from newskit.numbers import NumberOutOfRangeError, parse_digits, parse_spelled
from newskit.quantities.context import count_noun
from newskit.quantities.patterns import UNIT
from newskit.quantities.reading import Found
from newskit.quantities.steps import read_quantity
from newskit.quantities.units import FOOT, UNITS, norm
from newskit.quantities.words import SCALE_WORDS, VAGUE_OF

_VAGUE_SCALE = re.compile(r"(?i:\b(hundred|thousand|million|billion)\b)")
#: What vague multiples are of: "billions of dollars", "thousands of tonnes".
UNIT_OF = re.compile(rf"\s+of\s+(?:the\s+)?(?P<unit>{UNIT})")


def read_vague(text: str, m: re.Match, include_years: bool) -> tuple[Found | None, int]:
    """A vague multiple is at least its value ("tens of thousands" >= 10000), of a unit
    ("billions of dollars") or a counted noun ("thousands of people")."""
    value = VAGUE_OF.get(norm(m.group().lower()))
    if value is None:
        scales = _VAGUE_SCALE.findall(m.group())
        if not scales:
            return None, m.end()
        value = math.prod(SCALE_WORDS[w.lower()] for w in scales)  # "several hundred thousand"
    end, unit, kind, entry = m.end(), None, "number", None
    uo = UNIT_OF.match(text, end)
    if uo and (entry := UNITS.lookup(uo.group("unit"))) is not None and entry.kind not in ("temperature", "points"):
        unit, kind, end = entry.name, entry.kind, uo.end()
    else:
        entry = None
        noun = count_noun(text, end)
        if noun:
            unit, end, kind = noun[0], noun[1], "count"
    return Found(m.start(), end, value, unit, kind, ">=", entry=entry, rule="vague-multiple"), end


def read_percent_of(text: str, m: re.Match, include_years: bool) -> tuple[Found | None, int]:
    """"percent of 20": the number after "of" is a percentage."""
    if m.group("percent_digits") is not None:
        try:
            value = parse_digits(m.group("percent_digits"))
        except NumberOutOfRangeError:  # "percent of 10^400": no number
            return None, m.end()
        end = m.end("percent_digits")
    else:
        parsed = parse_spelled(m.group("percent_words"))
        if parsed is None:
            return None, m.end()
        value, length = parsed
        end = m.start("percent_words") + length
    return Found(m.start(), end, value, "percent", "percent", rule="percent-of"), end


def read_height(text: str, m: re.Match, include_years: bool) -> tuple[Found | None, int]:
    """6'3": feet and inches, in feet."""
    value = int(m.group("height_feet")) + int(m.group("height_inches")) / 12
    return Found(m.start(), m.end(), value, "foot", "length", entry=FOOT, rule="feet-inches"), m.end()


def skip(text: str, m: re.Match, include_years: bool) -> tuple[Found | None, int]:
    """A span that looks numeric but is no quantity (a date, a phone number, a code)."""
    return None, m.end()


#: The reader of each alternative of MASTER, by group name.
READERS = {
    "skip": skip, "vague": read_vague, "percent_of": read_percent_of, "height": read_height,
    "quantity": read_quantity, "code": skip,
}
