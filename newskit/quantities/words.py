"""The word lists of quantities, from ``newskit/resources/quantities/``.

``quantity_words.json`` holds qualifiers ("more than" -> ">"), postfix qualifiers ("or more"),
change verbs ("rose" -> "+"), vague multiples ("tens of thousands"), scale words and symbols
("bn", "k") and the words after an age; ``count_nouns.txt`` the nouns counted in news
("troops"); ``id_nouns.txt`` the words that make the next number an identifier ("Section").

Example:
    >>> QUALIFIER_OF["more than"], CHANGE_OF["fell"], scale("bn"), qualifier_symbol("≤")
    ('>', '-', 1000000000.0, '<=')
"""
from __future__ import annotations

from newskit.quantities.units import norm
from newskit.wordlists import read_json, word_lines

_WORDS: dict = read_json("quantities/quantity_words.json")
COUNT_NOUNS = word_lines("quantities/count_nouns.txt")
ID_NOUNS = word_lines("quantities/id_nouns.txt")

#: qualifier phrase (lower case) -> ">", ">=", "<", "<=", "~" or "="
QUALIFIER_OF: dict[str, str] = {
    norm(p.lower()): sym for sym, ps in _WORDS["qualifiers"].items() for p in ps
}
#: phrase after a number ("or more") -> its qualifier
POSTFIX_OF: dict[str, str] = {
    norm(p.lower()): sym for sym, ps in _WORDS["postfix_qualifiers"].items() for p in ps
}
#: verb before a quantity -> "+" or "-" ("rose 5%")
CHANGE_OF: dict[str, str] = {w: sign for sign, ws in _WORDS["change_verbs"].items() for w in ws}
#: verbs that mark a change only with "by" ("cut rates by 25 basis points") -> "+" or "-"
CHANGE_BY_OF: dict[str, str] = {w: sign for sign, ws in _WORDS["change_verbs_by"].items() for w in ws}
#: "tens of thousands" -> 10000
VAGUE_OF: dict[str, float] = {norm(k): v for k, v in _WORDS["vague_multiples"].items()}
SCALE_WORDS: dict[str, float] = _WORDS["scale_words"]
SCALE_SYMBOLS: dict[str, float] = _WORDS["scale_symbols"]
AGE_AFTER_WORDS: list[str] = _WORDS["age_after"]
COUNT_MODIFIERS: list[str] = _WORDS["count_modifiers"]

_SYMBOL_QUALIFIERS = {"≥": ">=", "≤": "<=", "≈": "~"}


def scale(s: str | None) -> float:
    """The factor of a scale word or symbol ("million", " bn", "-billion", "k"); 1 for none."""
    if not s:
        return 1.0
    key = s.strip().lstrip("-")
    if key in SCALE_SYMBOLS:
        return float(SCALE_SYMBOLS[key])
    return float(SCALE_WORDS.get(key.lower(), 1.0))


def qualifier_symbol(q: str | None) -> str | None:
    """The symbol of a qualifier as written ("more than", "> =", "≥"), or None."""
    if not q:
        return None
    key = norm(q.lower())
    sym = QUALIFIER_OF.get(key) or QUALIFIER_OF.get(key.replace(" ", ""))
    if sym is None:
        sym = _SYMBOL_QUALIFIERS.get(key)
    return sym
