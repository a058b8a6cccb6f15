"""Quantities in news text: percentages, distances, money, counts, ranges, with qualifiers.

``find_quantities`` scans a text once with one compiled pattern (:data:`MASTER`) whose
alternatives are tried left to right at each position:

1. things that look like numbers but are not quantities and must be skipped whole (dates,
   times, phone numbers, URLs, ordinals, decades, identifiers such as "Section 230");
2. quantities: an optional qualifier ("more than", "up to", "between"), an optional currency
   prefix, a number in digits or words, an optional scale ("million", "bn", "k"), an optional
   second number making a range, and an optional unit from ``resources/units.json``;
3. vague multiples ("tens of thousands") and "percent of N";
4. letter-first codes ("F-16", "COVID-19") that are skipped.

Each match is then normalised (value, unit, kind, SI value), the counted noun is looked up
after a bare number ("3,000 troops"), and a change verb is looked up before it ("rose by 5
points"). Every result records the ``rule`` that produced it. The word lists are in
``newskit/resources/`` (``units.json``, ``quantity_words.json``, ``count_nouns.txt``,
``id_nouns.txt``, ``number_words.json``).

Example:
    >>> [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(
    ...     "Baghdad regained more than 90 percent of the territory, 600 km of border.")]
    [('more than 90 percent', 90.0, 'percent', '>'), ('600 km', 600.0, 'kilometre', None)]

References:
    Almasian, S., Bruch, M., Aumiller, D. and Gertz, M. (2023). Comprehensive Quantity
    Extractor (CQE) — the news-quantity task definition (value, unit, qualifier/change).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources

from newskit.article import as_text_and_reference
from newskit.numbers import DIGIT_NUMBER, SPELLED_NUMBER, parse_digits, parse_spelled
from newskit.spans import to_frame as _to_frame


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
        rule: the name of the rule that produced the result, for auditing.
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


# --------------------------------------------------------------------------- word lists

def _resource(name: str) -> str:
    return resources.files("newskit.resources").joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [w.strip() for w in _resource(name).splitlines() if w.strip() and not w.startswith("#")]


_UNITS: list[dict] = json.loads(_resource("units.json"))["units"]
_WORDS: dict = json.loads(_resource("quantity_words.json"))
_COUNT_NOUNS = _lines("count_nouns.txt")
_ID_NOUNS = _lines("id_nouns.txt")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _phrases(phrases, boundary=True) -> str:
    """Alternation of literal phrases, longest first; spaces match any run of whitespace."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        pat = r"\s*".join(re.escape(part) for part in p.split(" ")) if " " in p else re.escape(p)
        if boundary and p[:1].isalnum():
            pat = r"\b" + pat
        if boundary and p[-1:].isalnum():
            pat += r"\b"
        out.append(pat)
    return "|".join(out)


_UNIT_BY_SYMBOL: dict[str, dict] = {}
_UNIT_BY_WORD: dict[str, dict] = {}
_CURRENCY_BY_PREFIX: dict[str, dict] = {}
_PREFIXES_CS: list[str] = []  # case-sensitive currency prefixes ("Rs", "SR", "sen")
_PREFIXES_CI: list[str] = []  # case-insensitive ones (contain a symbol, or an ISO code)
for _u in _UNITS:
    for _s in _u.get("symbols", []):
        _UNIT_BY_SYMBOL.setdefault(_s, _u)
    for _w in _u.get("words", []):
        _UNIT_BY_WORD.setdefault(_norm(_w.lower()), _u)
    for _p in _u.get("prefixes", []):
        _CURRENCY_BY_PREFIX.setdefault(_norm(_p), _u)
        _CURRENCY_BY_PREFIX.setdefault(_norm(_p.lower()), _u)
        if not _p.isalpha() or (len(_p) == 3 and _p.isupper()):
            _PREFIXES_CI.append(_p)
        else:
            _PREFIXES_CS.append(_p)
_POUND_MASS = next(u for u in _UNITS if u["unit"] == "pound")
_GBP = next(u for u in _UNITS if u["unit"] == "GBP")
_METRE = next(u for u in _UNITS if u["unit"] == "metre")

_QUALIFIER_OF: dict[str, str] = {
    _norm(p.lower()): sym for sym, ps in _WORDS["qualifiers"].items() for p in ps
}
_POSTFIX_OF: dict[str, str] = {
    _norm(p.lower()): sym for sym, ps in _WORDS["postfix_qualifiers"].items() for p in ps
}
_CHANGE_OF: dict[str, str] = {
    w: sign for sign, ws in _WORDS["change_verbs"].items() for w in ws
}
_VAGUE_OF: dict[str, float] = {_norm(k): v for k, v in _WORDS["vague_multiples"].items()}
_SCALE_WORDS: dict[str, float] = _WORDS["scale_words"]
_SCALE_SYMBOLS: dict[str, float] = _WORDS["scale_symbols"]
_AGE_PHRASES = _WORDS["age_phrases"]

# --------------------------------------------------------------------------- patterns

_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNIT_FOLLOWS = r"(?!\s*(?:%|(?i:percent|per\s*cent|km|miles?|people|troops)\b))"

#: Spans that look numeric but are not quantities: skipped whole.
SKIP = rf"""
    (?:https?://|www\.)\S+                                       # URL
  | \b[\w.+-]+@[\w-]+\.\w[\w.]*                                  # e-mail
  | \b{_MONTH}\b\.?\s*\.?\s*{_DAY}\b{_UNIT_FOLLOWS}(?:\s*,?\s*\d{{4}}\b)?  # Oct. 26, 2017
  | \b{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?(?:\s*,?\s*\d{{4}}\b)?     # 04 November 2017
  | \b{_MONTH}\b\.?,?\s+(?:1[5-9]|20)\d\d\b                      # November 2017
  | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:[ap]\.?m\b\.?|AM\b|PM\b))?  # 9:30, 9:30 a.m.
  | \b\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:a\.m\.|p\.m\.|(?:am|pm|AM|PM)\b)   # 6pm, 2.13 am
  | \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b | \b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b  # 2017-11-04, 5/17/2018
  | \b\d{{1,3}}(?:\.\d{{1,3}}){{3}}\b                           # IP address
  | \+\d{{1,3}}[\s.-]?(?:\(\d{{1,4}}\)[\s.-]?)?\d{{2,4}}(?:[\s./-]\d{{2,4}}){{1,4}}  # +1-222-2222/2222
  | \(\d{{2,4}}\)\s?\d{{3,4}}[\s.-]\d{{3,4}}                    # (555) 123-4567
  | \b\d{{3}}[-.]\d{{3}}[-.]\d{{4}}\b                           # 555-123-4567
  | \b0\d{{2,4}}[\s-]\d{{3,4}}[\s-]\d{{3,4}}\b                  # 020 7946 0958
  | \b(?:1[5-9]|20)\d\d\s?[-–/]\s?(?:(?:1[5-9]|20)\d\d|\d\d)\b(?!\s*(?:%|[-–]))  # 2013-14
  | \b(?:1[5-9]|20)?\d0s\b | '\d0s\b                             # 1990s, '90s
  | \b\d+(?:st|nd|rd|th)\b                                       # 21st
  | \b\d+[A-Za-z]+\d+[A-Za-z][\w-]* | \b\d+[A-Za-z]+\d{{2,}}[\w-]*  # 24703L202
  | \b[2-6]G\b | \b[2-4]D\b                                      # 5G, 3D
  | \#\d+
  | (?:{_phrases(_ID_NOUNS)})\s*\#?\d+(?:[.-]\d+)*[A-Za-z]?\b(?!\s*(?:%|percent))  # Section 230
"""

_UNIT_ALTERNATIVES = []
for _key in sorted(
    [(w, False) for w in _UNIT_BY_WORD] + [(s, True) for s in _UNIT_BY_SYMBOL],
    key=lambda x: len(x[0]),
    reverse=True,
):
    _text, _cs = _key
    _pat = r"\s*".join(re.escape(p) for p in _text.split(" "))
    _UNIT_ALTERNATIVES.append(_pat if _cs else f"(?i:{_pat})")
#: Any unit of the table, longest first, not followed by a letter or digit.
UNIT = "(?:" + "|".join(_UNIT_ALTERNATIVES) + r")(?![A-Za-z0-9])"

CURRENCY_PREFIX = (
    "(?:" + "|".join(
        [f"(?i:{_phrases(_PREFIXES_CI, boundary=False)})", _phrases(_PREFIXES_CS)]
    ) + ")"
)
_SCALE = (
    rf"(?:\s?(?i:{_phrases(_SCALE_WORDS, boundary=False)})(?![A-Za-z0-9])"
    rf"|(?:{'|'.join(sorted(map(re.escape, _SCALE_SYMBOLS), key=len, reverse=True))})(?![A-Za-z0-9])"
    rf"|\s{{1,2}}(?:[kKMG])(?![A-Za-z0-9]))"
)
_QUALIFIER = (
    rf"(?:(?i:{_phrases([p for p in _QUALIFIER_OF if p[0].isalpha()])})\s+"
    r"|(?<![<>=])(?:>\s*=|<\s*=|[<>≥≤~≈])\s*)"
)
_POSTFIX = (
    rf"(?:\s+(?i:{_phrases([p for p in _POSTFIX_OF if p[0].isalpha()])})|\+(?![\w]))"
)


def _number(tag: str) -> str:
    return (
        rf"(?P<sign{tag}>(?<![\w.])[-−]\s?)?"
        rf"(?:(?<![\w.])(?P<d{tag}>{DIGIT_NUMBER})|(?<![\w])(?P<w{tag}>{SPELLED_NUMBER}))"
        rf"(?P<sc{tag}>{_SCALE})?"
    )


def _unit(tag: str) -> str:
    return (
        rf"(?P<u{tag}>(?P<uo{tag}>\s?-\s?|\s{{0,2}}[(\[{{<]|\s{{0,2}})"
        rf"(?P<un{tag}>{UNIT})(?P<uc{tag}>[)\]}}>])?)"
    )


#: A quantity: qualifier? currency? number scale? unit? (range-separator currency? number
#: scale?)? unit? postfix-qualifier?
QUANTITY = rf"""
    (?P<qual>{_QUALIFIER})?
    (?:(?P<btw>(?i:between|from))\s+)?
    (?:(?P<cur1>{CURRENCY_PREFIX})\s{{0,2}})?
    {_number("1")}
    {_unit("1")}?
    (?:
        (?P<sep>\s*(?:-?\s*(?i:to|through|thru|and)\b|[-–—~])\s*)
        (?:(?P<cur2>{CURRENCY_PREFIX})\s{{0,2}})?
        {_number("2")}
    )?
    {_unit("2")}?
    (?P<post>{_POSTFIX})?
"""

VAGUE = rf"(?i:\b(?:(?:tens|hundreds)\s+of\s+)?(?:{_phrases(k for k in _VAGUE_OF if ' ' not in k)})\b)"
PERCENT_OF = rf"(?i:\bper\s?cents?|\bpercents?)\s+of\s+(?:(?P<pd>{DIGIT_NUMBER})|(?P<pw>{SPELLED_NUMBER}))"
CODE = r"\b[A-Za-z]+[-‐]?\d+[\w-]*"

#: The one scanning pattern: skip | vague multiple | percent of N | quantity | code.
MASTER = re.compile(
    rf"(?P<skip>{SKIP})|(?P<vague>{VAGUE})|(?P<pctof>{PERCENT_OF})|(?P<qty>{QUANTITY})|(?P<code>{CODE})",
    re.VERBOSE,
)

_STOP_PLURALS = {
    "this", "thus", "plus", "less", "unless", "across", "always", "perhaps", "whereas",
    "besides", "towards", "afterwards", "sometimes", "yes", "its", "his", "hers", "ours",
    "yours", "theirs", "was", "has", "does", "goes", "says", "is", "as", "us", "times",
    "apiece", "minus", "bus", "gas", "news", "series", "means", "percents",
}
_FUNCTION_WORDS = (
    r"(?:and|or|of|the|to|in|on|at|for|from|by|with|per|a|an|were|was|are|is|have|has|had|"
    r"be|been|will|would|that|which|who|than|as|into|over|under|said|says)"
)
#: A counted noun after a number: "3,000 troops", "100 US soldiers", "thousands of people".
COUNT_NOUN_AFTER = re.compile(
    rf"(?:\s+of(?:\s+the)?)?(?:\s+(?!{_FUNCTION_WORDS}\b)[A-Za-z][\w'’.-]*){{0,2}}?"
    rf"\s+(?P<noun>(?i:{_phrases(_COUNT_NOUNS)}))(?![\w-])"
)
#: Any plural noun right after a number: "12 boxes" (checked after the known nouns).
PLURAL_AFTER = re.compile(r"(?:\s+of)?\s+(?P<noun>[a-z]{3,}(?<![su])s)\b(?![-'’])")
#: A change verb right before a quantity: "rose by", "fell", "up".
CHANGE_BEFORE = re.compile(
    rf"(?i:\b(?P<verb>{_phrases(_CHANGE_OF)})\s+(?:by\s+)?(?:(?:a|another|a\s+further)\s+)?)$"
)
#: "years old", "years of age" after a duration: the quantity is an age.
AGE_AFTER = re.compile(rf"(?i:\s?-?\s?(?:old\b|of\s+age\b))")
AGE_BEFORE = re.compile(r"(?i:\b(?:aged?)\s+)$")
#: Cents after a whole amount of money: "3 dollars 50 cents", "thirteen dollars and forty-five".
CENTS_AFTER = re.compile(
    rf"(?:\s+and)?\s+(?:(?P<d>\d{{1,2}})(?![\d.,])|(?P<w>{SPELLED_NUMBER}))"
    r"(?P<cents>\s+cents?\b)?",
    re.VERBOSE,
)
#: "one out of three", "1 in 5": a ratio.
RATIO_TAIL = re.compile(
    rf"\s+(?P<op>out\s+of|in(?:\s+every)?)\s+(?:(?P<d>{DIGIT_NUMBER})|(?P<w>{SPELLED_NUMBER}))",
    re.VERBOSE,
)
_VAGUE_BEFORE = re.compile(r"(?i:\b(?:several|few|many|a\s+couple\s+of)\s+)$")
_BARE_FRACTION_OK = re.compile(r"(?i:\s+(?:of|a|an|the|their|its|his|her|our|all|million|billion)\b)")
_ORDINAL_BEFORE = re.compile(r"(?i:\b(?:first|second|last|the|this|that|other|latter|former|back|top|bottom|final)\s+)$")
_ANGLE_CONTEXT = re.compile(r"(?i:\s+(?:angle|turn|rotation)\b)")
_ANGLE_BEFORE = re.compile(r"(?i:\b(?:rotate|turn|turned|rotated|tilt|tilted)(?:\s+\w+)?\s+)$")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")

_MONEY_CENTS_UNITS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "EUR", "GBP", "MXN"}


# --------------------------------------------------------------------------- helpers

def _value(m: re.Match, tag: str) -> tuple[float, int] | None:
    """Value of number ``tag`` in match ``m`` and the end offset of the number itself."""
    d = m.group("d" + tag)
    if d is not None:
        try:
            v = parse_digits(d)
        except (ValueError, ZeroDivisionError, OverflowError):
            return None
        end = m.end("d" + tag)
    else:
        w = m.group("w" + tag)
        parsed = parse_spelled(w)
        if parsed is None:
            return None
        v, length = parsed
        end = m.start("w" + tag) + length
    if m.group("sign" + tag):
        v = -v
    return v, end


def _scale(s: str | None) -> float:
    if not s:
        return 1.0
    key = s.strip()
    if key in _SCALE_SYMBOLS:
        return float(_SCALE_SYMBOLS[key])
    return float(_SCALE_WORDS.get(key.lower(), 1.0))


def _lookup_unit(s: str) -> dict | None:
    s = _norm(s)
    return _UNIT_BY_SYMBOL.get(s) or _UNIT_BY_WORD.get(s.lower())


def _si(entry: dict | None, value: float) -> tuple[float | None, str | None]:
    if not entry or "si_unit" not in entry:
        return None, None
    return value * entry["factor"] + entry.get("offset", 0.0), entry["si_unit"]


def _count_noun(text: str, end: int) -> tuple[str, int, str] | None:
    m = COUNT_NOUN_AFTER.match(text, end)
    if m:
        return m.group("noun").lower(), m.end(), "count-noun"
    m = PLURAL_AFTER.match(text, end)
    if m and m.group("noun") not in _STOP_PLURALS and m.group("noun").lower() not in _UNIT_BY_WORD:
        return m.group("noun"), m.end(), "count-plural"
    return None


def _change(text: str, start: int) -> str | None:
    m = CHANGE_BEFORE.search(text, max(0, start - 40), start)
    return _CHANGE_OF.get(m.group("verb").lower()) if m else None


class _Builder:
    """Collects results for one text (keeps find_quantities short and flat)."""

    def __init__(self, text: str, include_years: bool):
        self.text = text
        self.include_years = include_years
        self.out: list[Quantity] = []

    def add(self, start, end, value, unit=None, kind="number", qualifier=None, low=None,
            high=None, entry=None, rule="number", change_ok=True):
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
            return
        si_value, si_unit = _si(entry, value)
        change = _change(text, start) if change_ok else None
        self.out.append(Quantity(start, end, text[start:end], float(value), unit, kind, qualifier,
                                 None if low is None else float(low),
                                 None if high is None else float(high),
                                 si_value, si_unit, change, rule))


# --------------------------------------------------------------------------- main


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
    b = _Builder(text, include_years)
    pos = 0
    n = len(text)
    search = MASTER.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "qty":
            pos = _quantity(b, m)
        elif kind == "vague":
            pos = _vague(b, m)
        elif kind == "pctof":
            pos = _percent_of(b, m)
        else:
            pos = m.end()
        if pos <= m.start():
            pos = m.start() + 1
    return b.out


def _vague(b: _Builder, m: re.Match) -> int:
    text = b.text
    value = _VAGUE_OF.get(_norm(m.group().lower()))
    if value is None:
        return m.end()
    end, unit, kind, rule = m.end(), None, "number", "vague-multiple"
    noun = _count_noun(text, end)
    if noun:
        unit, end, kind = noun[0], noun[1], "count"
    b.add(m.start(), end, value, unit, kind, ">=", rule=rule)
    return end


def _percent_of(b: _Builder, m: re.Match) -> int:
    if m.group("pd") is not None:
        v = parse_digits(m.group("pd"))
        end = m.end("pd")
    else:
        parsed = parse_spelled(m.group("pw"))
        if parsed is None:
            return m.end()
        v, length = parsed
        end = m.start("pw") + length
    b.add(m.start(), end, v, "percent", "percent", rule="percent-of")
    return end


def _quantity(b: _Builder, m: re.Match) -> int:  # noqa: C901 (one rule per branch, in order)
    text = b.text
    first = _value(m, "1")
    if first is None:
        return m.start("d1") + 1 if m.group("d1") else (m.start("w1") + 1)
    v1, num1_end = first
    start = m.start()
    qual_text = m.group("qual")
    qualifier = _QUALIFIER_OF.get(_norm(qual_text.lower()).replace(" =", "=")) if qual_text else None
    if qual_text and qualifier is None:
        qualifier = {"≥": ">=", "≤": "<=", "≈": "~"}.get(qual_text.strip(), None)
    btw = m.group("btw")
    cur_text = m.group("cur1")
    currency = _CURRENCY_BY_PREFIX.get(_norm(cur_text)) or _CURRENCY_BY_PREFIX.get(_norm(cur_text.lower())) if cur_text else None

    spelled_truncated = m.group("w1") is not None and num1_end < m.end("w1")
    scale1 = m.group("sc1") if not spelled_truncated else None
    unit1 = m.group("un1") if not spelled_truncated else None
    end1 = num1_end
    if scale1:
        end1 = m.end("sc1")
    if unit1:
        end1 = m.end("u1")

    # ---- range: a second number after "-", "to", "and" (with "between")
    low = high = None
    end = end1
    unit_text, unit_group = unit1, "1"
    scale = _scale(scale1)
    range_rule = False
    second = _value(m, "2") if (m.group("sep") and not spelled_truncated) else None
    if second is not None:
        v2, num2_end = second
        sep = m.group("sep").strip().lower()
        sc2 = m.group("sc2")
        unit2 = m.group("un2")
        ok = (m.group("w2") is None or num2_end == m.end("w2"))
        if sep.endswith("and") and not btw:
            ok = False
        if btw and btw.lower() == "between" and not sep.endswith("and"):
            ok = ok and sep in ("-", "–", "—", "to", "- to")
        s1 = scale if scale1 else 0.0
        s2 = _scale(sc2)
        lo = v1 * (s1 or s2)
        hi = v2 * s2
        if unit1 and unit2:
            e1, e2 = _lookup_unit(unit1), _lookup_unit(unit2)
            ok = ok and e1 is not None and e2 is not None and e1["unit"] == e2["unit"]
        if m.group("cur2") and not currency:
            ok = False
        if not (lo < hi or (lo > hi and lo < 0 and hi <= 0)):
            ok = False
        if ok and m.group("d1") and m.group("d2") and not (unit1 or unit2 or currency or m.group("cur2") or sc2 or scale1):
            if _YEAR.fullmatch(m.group("d1")) and _YEAR.fullmatch(m.group("d2")[:4] if len(m.group("d2")) >= 4 else "0"):
                return m.end("d2")  # a range of years ("between 2010 and 2015")
        if ok:
            low, high = min(lo, hi), max(lo, hi)
            range_rule = True
            end = m.end("sc2") if sc2 else num2_end
            if unit2:
                unit_text, unit_group, end = unit2, "2", m.end("u2")
            if m.group("cur2") and not currency:
                cur_text = m.group("cur2")
            scale = 1.0
        elif btw:
            start = m.start("btw") + len(btw)
            while start < len(text) and text[start].isspace():
                start += 1
            if qual_text:
                start = m.start()  # "more than between" does not occur; keep the qualifier span
                qualifier = qualifier
    elif btw:
        start = m.end("btw")
        while start < len(text) and text[start].isspace():
            start += 1
        qual_text, qualifier = (qual_text, qualifier) if qual_text else (None, None)
        if qual_text:
            start = m.start()
    else:
        if m.group("un2") and not unit1 and not m.group("sep") and not spelled_truncated:
            unit_text, unit_group, end = m.group("un2"), "2", m.end("u2")
    if btw and not range_rule and not qual_text:
        start = m.start("cur1") if cur_text else (m.start("sign1") if m.group("sign1") else (m.start("d1") if m.group("d1") else m.start("w1")))
    resume = end if range_rule or not m.group("sep") else (m.end("sep") if second is not None else end)
    if not range_rule and m.group("sep"):
        resume = m.end("sep") if second is not None else end
        if end1 > end:
            end = end1

    # ---- the unit: brackets must pair; bare C/F only after a plain number
    entry = None
    if unit_text is not None:
        opener = m.group("uo" + unit_group).strip()
        closer = m.group("uc" + unit_group)
        pairs = {"(": ")", "[": "]", "{": "}", "<": ">"}
        if opener and opener in pairs:
            if closer != pairs[opener]:
                unit_text = None
                end = num1_end if unit_group == "1" and not range_rule else (m.end("sc2") or num2_end if range_rule else end1)
        elif closer:
            end -= 1
        if unit_text is not None:
            entry = _lookup_unit(unit_text)
            if entry is not None and unit_text.strip() in ("C", "F"):
                attached = m.group("uo" + unit_group) == ""
                if abs(v1) >= 1000 or (attached and not m.group("sign1")):
                    entry = None
            if entry is None:
                unit_text = None
                end = m.start("u" + unit_group)
    if m.group("post") and not range_rule and end >= m.end("u2" if m.group("u2") else "d1" if m.group("d1") else "w1") - 0:
        pass

    # ---- scale "m": million after a currency, metre otherwise
    if scale1 and scale1.strip() == "m" and not currency and not range_rule:
        if not _count_noun(text, m.end("sc1")) and entry is None:
            entry, scale, unit_text = _METRE, 1.0, "m"
    value = v1 * scale if not range_rule else (low + high) / 2

    # ---- currency after the number ("10 $", "40 rmb") or before it
    rule = "number"
    unit = None
    kind = "number"
    if currency is None and m.group("cur2") and range_rule:
        currency = _CURRENCY_BY_PREFIX.get(_norm(m.group("cur2"))) or _CURRENCY_BY_PREFIX.get(_norm(m.group("cur2").lower()))
    if entry is not None and entry is _POUND_MASS and (currency is not None or scale != 1.0 or (range_rule and (m.group("sc2") or scale1))):
        entry = _GBP
    if currency is not None:
        if entry is not None and entry.get("kind") != "money":
            # "$5 m" where m is metre: the currency wins, the unit is dropped
            end = m.start("u" + unit_group)
            entry = None
        if entry is None:
            entry = currency
        rule = "money-prefix"
    if entry is not None:
        unit, kind = entry["unit"], entry["kind"]
        if rule == "number":
            rule = "number-unit"
        if kind == "temperature" and entry["unit"] == "degree":
            if _ANGLE_CONTEXT.match(text, end) or _ANGLE_BEFORE.search(text, max(0, start - 30), start):
                kind = "angle"

    # ---- postfix qualifier ("or more", "+")
    post = m.group("post")
    if post and end == m.start("post"):
        qualifier = qualifier or _POSTFIX_OF.get(_norm(post.lower()))
        end = m.end("post")
        resume = max(resume, end)

    # ---- money: cents after whole dollars
    if kind == "money" and unit in _MONEY_CENTS_UNITS and not range_rule and float(value).is_integer() and "." not in (m.group("d1") or ""):
        cm = CENTS_AFTER.match(text, end)
        if cm:
            cv = float(cm.group("d")) if cm.group("d") else None
            cend = cm.end("d") if cm.group("d") else None
            if cm.group("w"):
                p = parse_spelled(cm.group("w"))
                if p:
                    cv, cend = p[0], cm.start("w") + p[1]
            if cv is not None and 0 < cv < 100 and cv.is_integer():
                after = text[cm.end():cm.end() + 2] if cm.group("cents") else text[cend:cend + 2]
                if cm.group("cents") or not after.strip() or after.strip()[:1] in ".,;!?)":
                    value += cv / 100
                    end = cm.end() if cm.group("cents") else cend
                    resume = max(resume, end)

    # ---- counts, ratios, ages, years, bare numbers
    if entry is None:
        if m.group("d1") and not range_rule:
            rt = RATIO_TAIL.match(text, end) if not qual_text or True else None
            if rt and (rt.group("op").startswith("out") or v1 == 1):
                den = _ratio_value(rt)
                if den:
                    b.add(start, rt.end(), v1 / den, None, "ratio", qualifier, rule="ratio")
                    return rt.end()
        elif m.group("w1") and not range_rule and not scale1:
            rt = RATIO_TAIL.match(text, end)
            if rt and rt.group("op").startswith("out"):
                den = _ratio_value(rt)
                if den:
                    b.add(start, rt.end(), v1 / den, None, "ratio", qualifier, rule="ratio")
                    return rt.end()
        noun = _count_noun(text, end) if scale1 != "m" or True else None
        if noun and not (0 < abs(value) < 1):
            unit, end, rule = noun
            kind = "count"
            resume = max(resume, end)
        else:
            w1 = (m.group("w1") or "").strip().lower()
            if m.group("w1") is not None and not range_rule:
                first_word = w1.split()[0] if w1 else ""
                if w1 in ("one", "a", "an"):
                    return max(resume, end)
                if first_word in ("half", "quarter") and not qual_text:
                    if not _BARE_FRACTION_OK.match(text, end) or _ORDINAL_BEFORE.search(text, max(0, start - 20), start):
                        return max(resume, end)
                if _VAGUE_BEFORE.search(text, max(0, start - 20), start) and w1 in ("hundred", "thousand", "million", "billion"):
                    qualifier = qualifier or ">="
            if 0 < abs(value) < 1 and not scale1:
                kind, rule = "ratio", "fraction"
            elif m.group("d1") and not range_rule and not qual_text and not scale1 and not cur_text \
                    and _YEAR.fullmatch(m.group("d1")) and not m.group("sign1"):
                if not b.include_years:
                    return max(resume, end)
                kind, rule = "year", "year"
    if kind == "duration":
        am = AGE_AFTER.match(text, end)
        bm = AGE_BEFORE.search(text, max(0, start - 10), start)
        if am:
            end = am.end()
            kind, rule = "age", "age"
            resume = max(resume, end)
        elif bm:
            kind, rule = "age", "age"
    elif kind in ("number", "count") and not range_rule and m.group("d1"):
        bm = AGE_BEFORE.search(text, max(0, start - 10), start)
        if bm and not qual_text:
            start, kind, rule, unit = bm.start(), "age", "age", "year"

    if range_rule:
        rule = "range" if rule in ("number", "number-unit") else rule + "+range"
    b.add(start, end, value, unit, kind, qualifier, low, high, entry, rule)
    return max(resume, end)


def _ratio_value(rt: re.Match) -> float | None:
    if rt.group("d") is not None:
        try:
            return parse_digits(rt.group("d")) or None
        except (ValueError, ZeroDivisionError):
            return None
    p = parse_spelled(rt.group("w"))
    if p is None or p[1] != len(rt.group("w").rstrip()):
        return None
    return p[0] or None


def to_frame(quantities):
    """The quantities as a pandas DataFrame (one row each, columns as the fields)."""
    return _to_frame(quantities, Quantity)
