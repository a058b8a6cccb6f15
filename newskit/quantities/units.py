"""The unit table: surface forms ("km", "kilometres", "US$") -> a unit with its kind and SI factor.

The table is ``newskit/resources/quantities/units.json``: one row per unit, with its canonical
name, its kind (length, money, …), the words and symbols written after a number, the currency
prefixes written before one ("US$ 5"), symbols that carry a scale ("MUSD" is a million US
dollars) and the factor (and offset) to its SI unit. :class:`UnitTable` indexes the rows by
surface form; it knows nothing of the patterns that find units in text, so another extractor
(dates' durations, later) can load the same shape of table.

Example:
    >>> UNITS.lookup("km").name, UNITS.lookup("Kilometres").kind
    ('kilometre', 'length')
    >>> UNITS.currency("US$").name, to_si(UNITS.lookup("km"), 600.0)
    ('USD', (600000.0, 'm'))
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newskit.lexicon import TIME_UNITS
from newskit.wordlists import read_json


def norm(s: str) -> str:
    """``s`` with runs of whitespace as one space, trimmed: the key of every lookup table."""
    return " ".join(s.split())


@dataclass(frozen=True, eq=False)
class Unit:
    """One row of the unit table (compared by identity: one object per unit).

    Attributes:
        name: the canonical unit ("kilometre", "USD", "degree Celsius").
        kind: length, area, volume, mass, speed, temperature, duration, money, percent,
            points, information, power, energy, frequency, magnitude.
        words: names written after a number, matched in any letter case ("kilometres").
        symbols: symbols written after a number, matched as written ("km", "$"); they include
            the scaled symbols.
        prefixes: currency prefixes written before a number ("US$", "Rs"); they include the
            scaled symbols.
        scaled_symbols: symbols that carry a scale ("MUSD": a million USD).
        si_unit, factor, offset: the SI unit and ``si = value * factor + offset``, or None.
    """

    name: str
    kind: str
    words: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    scaled_symbols: dict = field(default_factory=dict)
    si_unit: str | None = None
    factor: float | None = None
    offset: float = 0.0

    @classmethod
    def from_row(cls, row: dict) -> Unit:
        """A unit from a row of ``units.json``."""
        scaled = tuple(row.get("scaled_symbols", {}))
        return cls(
            name=row["unit"], kind=row["kind"], words=tuple(row.get("words", [])),
            symbols=(*row.get("symbols", []), *scaled), prefixes=(*row.get("prefixes", []), *scaled),
            scaled_symbols=dict(row.get("scaled_symbols", {})), si_unit=row.get("si_unit"),
            factor=row.get("factor"), offset=row.get("offset", 0.0),
        )


class UnitTable:
    """The units of a table, indexed by the forms they are written in.

    Attributes:
        units: the rows, in table order.
        by_symbol: symbol as written -> unit (the first row that lists it wins); it also has
            the ``context_symbols``.
        symbols: the symbols a pattern may match anywhere (``by_symbol`` without the context
            symbols).
        by_word: word or phrase, lower case, spaces normalised -> unit.
        by_prefix: currency prefix, as written and in lower case -> unit.
        prefixes_ci: prefixes to match in any letter case (they hold a symbol, or are a
            three-letter ISO code: "US$", "USD"); prefixes_cs: the others, matched as
            written ("Rs", "SR").
        symbol_scale: scaled symbol (as written and in lower case) -> its scale.
    """

    def __init__(self, units: list[Unit], context_symbols: dict[str, str] | None = None):
        self.units = units
        self.by_symbol: dict[str, Unit] = {}
        self.by_word: dict[str, Unit] = {}
        self.by_prefix: dict[str, Unit] = {}
        self.prefixes_ci: list[str] = []
        self.prefixes_cs: list[str] = []
        self.symbol_scale: dict[str, float] = {}
        for unit in units:
            self._index(unit)
        self.symbols = tuple(self.by_symbol)
        for symbol, name in (context_symbols or {}).items():
            self.by_symbol[symbol] = self.named(name)

    def _index(self, unit: Unit) -> None:
        for s, f in unit.scaled_symbols.items():
            self.symbol_scale[s] = self.symbol_scale[s.lower()] = float(f)
        for s in unit.symbols:
            self.by_symbol.setdefault(s, unit)
        for w in unit.words:
            self.by_word.setdefault(norm(w.lower()), unit)
        for p in unit.prefixes:
            self.by_prefix.setdefault(norm(p), unit)
            self.by_prefix.setdefault(norm(p.lower()), unit)
            if not p.isalpha() or (len(p) == 3 and p.isupper()):
                self.prefixes_ci.append(p)
            else:
                self.prefixes_cs.append(p)

    @classmethod
    def from_json(cls, name: str, context_symbols: dict[str, str] | None = None) -> UnitTable:
        """The table in ``newskit/resources/<name>`` (``{"units": [row, …]}``)."""
        rows = []
        for row in read_json(name)["units"]:
            rows.extend(_shared_rows(row) if "shared" in row else [row])
        return cls([Unit.from_row(row) for row in rows], context_symbols)

    def named(self, name: str) -> Unit:
        """The unit whose canonical name is ``name``."""
        return next(u for u in self.units if u.name == name)

    def lookup(self, text: str) -> Unit | None:
        """The unit written ``text`` after a number: a symbol as written, else a word in any
        letter case."""
        s = norm(text)
        return self.by_symbol.get(s) or self.by_word.get(s.lower())

    def currency(self, prefix: str | None) -> Unit | None:
        """The currency of a prefix written before a number ("US$", "Rs"), or None."""
        if not prefix:
            return None
        p = norm(prefix)
        return self.by_prefix.get(p) or self.by_prefix.get(p.lower())


def _shared_rows(row: dict) -> list[dict]:
    """The rows a ``{"shared": "time_units", "kind": …, "si_unit": "s"}`` row stands for: one per
    shared time unit that quantities read (:data:`newskit.lexicon.TIME_UNITS`)."""
    if row["shared"] != "time_units":
        raise ValueError(f"units.json: unknown shared table {row['shared']!r}")
    return [{"unit": t["unit"], "kind": row["kind"], "si_unit": row["si_unit"], "factor": t["seconds"],
             "words": t["words"], "symbols": []}
            for t in TIME_UNITS if t.get("quantity", True)]


def to_si(unit: Unit | None, value: float) -> tuple[float | None, str | None]:
    """``(value in SI units, SI unit)``, or ``(None, None)`` where the unit has none."""
    if unit is None or unit.si_unit is None:
        return None, None
    return value * unit.factor + unit.offset, unit.si_unit


#: The units of ``resources/quantities/units.json``; "in" is an inch where the pattern allows
#: it (see :data:`newskit.quantities.patterns.INCH_IN`), never a symbol matched anywhere.
UNITS = UnitTable.from_json("quantities/units.json", context_symbols={"in": "inch"})
POUND_MASS = UNITS.named("pound")
GBP = UNITS.named("GBP")
METRE = UNITS.named("metre")
FOOT = UNITS.by_word["foot"]
#: Currencies whose cents can follow a whole amount: "3 dollars 50 cents".
MONEY_CENTS_UNITS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "EUR", "GBP", "MXN"}
