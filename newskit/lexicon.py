"""The word tables every extractor shares, read from ``newskit/resources/shared/``.

One source for the words that more than one extractor knows, so that they cannot disagree:

* ``numbers.json`` — number words: cardinals (ones, teens, tens), scales, fractions, ordinals
  (read by :mod:`newskit.numbers`, the dates' number patterns, the quantities);
* ``calendar.json`` — month and weekday names and abbreviations (dates read them as dates,
  quantities skip them, quotes and the sentence splitter know them as time words);
* ``time_units.json`` — the time units with their TIMEX3 code, their length in seconds and the
  words they are written with ("yrs", "fortnight", "trading days"): dates turn them into
  durations, quantities into quantities of kind ``duration``.

Each extractor keeps the words only it needs in its own folder (``resources/dates/``,
``resources/quantities/``, ``resources/quotes/``, ``resources/sentences/`` …). Tables are read
once, when first asked for.

Example:
    >>> MONTHS["sept"], WEEKDAYS["thursday"], CARDINALS["forty"]
    (9, 4, 40)
    >>> TIME_UNIT_WORDS["yrs"]["unit"], TIME_UNIT_WORDS["fortnights"]["timex"]
    ('year', '2W')
"""
from __future__ import annotations

from newskit.wordlists import read_json

__all__ = ["NUMBERS", "CARDINALS", "ORDINALS", "MONTHS", "WEEKDAYS", "WEEKDAY_NAMES", "TIME_UNITS",
           "TIME_UNIT_WORDS"]

#: the number-word table (``resources/shared/numbers.json``), section by section
NUMBERS: dict = read_json("shared/numbers.json")
#: cardinal number words below a hundred written as one word ("seven", "twelve", "forty") → value
CARDINALS: dict[str, int] = {**NUMBERS["ones"], **NUMBERS["teens"], **NUMBERS["tens"]}
#: ordinal words of the days of a month ("first" … "thirty-first") → value
ORDINALS: dict[str, int] = NUMBERS["ordinals"]

_CALENDAR: dict = read_json("shared/calendar.json")
#: month names and abbreviations, lower case → month number
MONTHS: dict[str, int] = _CALENDAR["months"]
#: weekday names and abbreviations, lower case → ISO weekday (Monday 1)
WEEKDAYS: dict[str, int] = _CALENDAR["weekdays"]
#: the full weekday names only ("monday" … "sunday"): abbreviations such as "sun", "sat" are words too
WEEKDAY_NAMES: frozenset[str] = frozenset(w for w in WEEKDAYS if w.endswith("day"))

#: the time units, in table order: ``{"unit", "timex", "seconds", "words", "quantity"?}``
TIME_UNITS: list[dict] = read_json("shared/time_units.json")["units"]
#: every word a time unit is written with → its row
TIME_UNIT_WORDS: dict[str, dict] = {w: row for row in TIME_UNITS for w in row["words"]}
