"""Quantities in news text: percentages, distances, money, counts, ranges, with qualifiers.

``find_quantities`` scans a text with one compiled pattern (:data:`MASTER`) whose
alternatives are tried left to right at each position:

1. things that look like numbers but are not quantities and are skipped whole (dates, times,
   phone numbers, URLs, ordinals, decades, spelled years, identifiers such as "Section 230",
   scores such as "52-48" are dropped after matching);
2. vague multiples ("tens of thousands", "several hundred") and "percent of N";
3. heights in feet and inches (6'3");
4. quantities: an optional qualifier ("more than", "up to", "between"), an optional currency
   prefix, a number in digits or words, an optional scale ("million", "bn", "k"), an optional
   second number making a range, and an optional unit from ``resources/units.json``;
5. letter-first codes ("F-16", "COVID-19"), skipped.

The scan only looks near anchors (a digit or a number word, :data:`ANCHOR`, found by a scan
that passes over letters in one step); the pattern rejects positions inside words in one step
and, with one trie of the words an alternative can start with (:data:`_STARTS`), the positions
where nothing can start in a few more; every word list is compiled as a trie, so there is no
per-character Python loop. Each match is then normalised in :func:`_quantity` (value, unit,
kind, SI value); the counted noun is looked up after a bare number ("3,000 troops"), a change
verb before it ("rose by 5 points"), a second bound after it ("more than 10 and less than
40"). Every result records the ``rule`` that produced it: ``number``, ``number-unit``,
``money-prefix``, ``range``, ``range-bounds``, ``count-noun``, ``count-plural``,
``vague-multiple``, ``fraction``, ``ratio``, ``percent-of``, ``age``, ``feet-inches``,
``year`` (combinations such as ``money-prefix+range``). The word lists are in
``newskit/resources/`` (``units.json``, ``quantity_words.json``, ``count_nouns.txt``,
``id_nouns.txt``, ``number_words.json``).

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

import itertools
import math
import re
from dataclasses import dataclass

from newskit.article import as_text_and_reference
from newskit.numbers import (
    DIGIT_NUMBER, DOZEN, FRACTIONS, HUNDRED, MAGNITUDES, ONES, ORDINAL_ONES, SPELLED_NUMBER, TEENS,
    TENS, UNICODE_FRACTIONS, parse_digits, parse_spelled, word_trie,
)
from newskit.spans import to_frame as _to_frame
from newskit.wordlists import read_json, word_lines


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

_UNITS: list[dict] = read_json("units.json")["units"]
_WORDS: dict = read_json("quantity_words.json")
_COUNT_NOUNS = word_lines("count_nouns.txt")
_ID_NOUNS = word_lines("id_nouns.txt")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _phrases(phrases, boundary=True, ignore_case=False, space=r"\s+") -> str:
    """A regex for literal phrases, built as a trie (see :func:`newskit.numbers.word_trie`).

    With ``boundary``, a phrase starting (ending) with a letter or digit must start (end) on
    a word boundary. Spaces inside phrases match ``space``.
    """
    phrases = sorted(set(phrases))
    if not phrases:
        return "(?!)"
    words = [p for p in phrases if p[:1].isalnum()]
    others = [p for p in phrases if not p[:1].isalnum()]
    parts = []
    if words:
        parts.append((r"\b" if boundary else "") + word_trie(words, ignore_case, space))
    if others:
        parts.append(word_trie(others, ignore_case, space))
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if boundary:
        body += r"(?:(?<=\w)\b|(?<!\w))"
    return body


_UNIT_BY_SYMBOL: dict[str, dict] = {}
_UNIT_BY_WORD: dict[str, dict] = {}
_CURRENCY_BY_PREFIX: dict[str, dict] = {}
_PREFIXES_CS: list[str] = []  # case-sensitive currency prefixes ("Rs", "SR", "sen")
_PREFIXES_CI: list[str] = []  # case-insensitive ones (contain a symbol, or an ISO code)
_SYMBOL_SCALE: dict[str, float] = {}  # "MUSD" is a million US dollars
for _u in _UNITS:
    for _s, _f in _u.get("scaled_symbols", {}).items():
        _u.setdefault("symbols", []).append(_s)
        _u.setdefault("prefixes", []).append(_s)
        _SYMBOL_SCALE[_s] = _SYMBOL_SCALE[_s.lower()] = float(_f)
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
_CHANGE_BY_OF: dict[str, str] = {
    w: sign for sign, ws in _WORDS["change_verbs_by"].items() for w in ws
}
_VAGUE_OF: dict[str, float] = {_norm(k): v for k, v in _WORDS["vague_multiples"].items()}
_SCALE_WORDS: dict[str, float] = _WORDS["scale_words"]
_SCALE_SYMBOLS: dict[str, float] = _WORDS["scale_symbols"]
_AGE_AFTER_WORDS = _WORDS["age_after"]

# --------------------------------------------------------------------------- patterns

_MONTH_WORDS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
    "sep", "oct", "nov", "dec",
]
_MONTH = word_trie(_MONTH_WORDS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNIT_FOLLOWS = r"(?!\s*(?:%|(?i:percent|per\s*cent|km|miles?|people|troops)\b))"

_DIGIT_UNITS = "(?:" + "|".join(
    re.escape(u) for u in sorted(
        {sym for e in _UNITS for sym in e.get("symbols", []) if sym[-1:].isdigit()}, key=len, reverse=True
    )
) + ")"

_SMALL_WORD = word_trie([*ONES, *TEENS, "twenty"])

#: Spans that look numeric but are not quantities: skipped whole.
SKIP = rf"""
    (?:https?://|www\.)\S+                                       # URL
  | \b{_MONTH}\b\.?\s*\.?\s*{_DAY}\b{_UNIT_FOLLOWS}(?:\s*,?\s*\d{{4}}\b)?  # Oct. 26, 2017
  | \b{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?(?:\s*,?\s*\d{{4}}\b)?     # 04 November 2017
  | \b{_MONTH}\b\.?,?\s+(?:1[5-9]|20)\d\d\b                      # November 2017
  | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*(?:[ap]\.?m\b\.?|AM\b|PM\b))?  # 9:30, 9:30 a.m.
  | \b\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:a\.m\.|p\.m\.|(?:am|pm|AM|PM)\b|o['’]clock\b)   # 6pm, 2.13 am, 10 o'clock
  | \b(?:24/7|9/11|7/7)\b | \b\d+-for-\d+\b                           # 24/7, 9/11, 3-for-2
  | \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b | \b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b  # 2017-11-04, 5/17/2018
  | \b\d{{1,3}}(?:\.\d{{1,3}}){{3}}\b                           # IP address
  | \+\d{{1,3}}[\s.-]?(?:\(\d{{1,4}}\)[\s.-]?)?\d{{2,4}}(?:[\s./-]\d{{2,4}}){{1,4}}  # +1-222-2222/2222
  | \(\d{{2,4}}\)\s?\d{{3,4}}[\s.-]\d{{3,4}}                    # (555) 123-4567
  | \b\d{{3}}[-.]\d{{3}}[-.]\d{{4}}\b                           # 555-123-4567
  | \b0\d{{2,4}}[\s-]\d{{3,4}}[\s-]\d{{3,4}}\b                  # 020 7946 0958
  | \b(?:1[5-9]|20)\d\d\s?[-–/]\s?(?:(?:1[5-9]|20)\d\d|\d\d)\b(?!\s*(?:%|[-–]))  # 2013-14
  | \b(?:1[5-9]|20)?\d0s\b | ['‘’]\d\d(?:['‘’]?s)?\b              # 1990s, '90s, in '92
  | \b\d{{1,4}}(?::\d\d)?\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST)\b   # 0735 GMT
  | \b{word_trie(["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}[\s-]+
        {word_trie(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "oh"])}
        (?:[\s-]+{word_trie(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])})?\b   # nineteen ninety-four
  | \b\d+(?:st|nd|rd|th)\b                                       # 21st
  | \b\d+(?![eE][-+]?\d+\b)[A-Za-z]+\d+[A-Za-z][\w-]*           # 24703L202, 06F6
  | \b\d+(?![eE][-+]?\d+\b)[A-Za-z]+\d{{2,}}[\w-]*
  | \b\d+(?!{_DIGIT_UNITS}\b)[A-Za-z]+\d\b
  | \b[2-6]G\b | \b[2-4]D\b                                      # 5G, 3D
  | \#\d+
  | (?:{_phrases(_ID_NOUNS)})\s*(?:\#?\d+(?:[.-]\d+)*[A-Za-z]?\b(?!\s*(?:%|percent))  # Section 230
        | {_SMALL_WORD}\b(?![\s-]+{_SMALL_WORD}))                      # Number four, World War Two
"""

_UNIT_WORDS = _phrases(_UNIT_BY_WORD, boundary=False, ignore_case=True, space=r"\s*")
_UNIT_SYMBOLS = _phrases(_UNIT_BY_SYMBOL, boundary=False, space=r"\s*")
_INCH_IN = (  # "in" is an inch only where nothing else can follow: "2 1/2 in thick", "2 in."
    r"in(?=\.?\s*$|\s+(?:thick|long|wide|tall|deep|high|across|in\s+diameter|of\s+(?:rain|snow))\b)"
)
#: Any unit of the table (words case-insensitive, symbols as written), not followed by a letter
#: or digit.
UNIT = "(?:" + "|".join([_UNIT_WORDS, _UNIT_SYMBOLS, _INCH_IN]) + r")(?![A-Za-z0-9]|[-‐]\d)"
_UNIT_BY_SYMBOL["in"] = next(u for u in _UNITS if u["unit"] == "inch")

CURRENCY_PREFIX = (
    "(?:" + "|".join(
        [_phrases(_PREFIXES_CI, boundary=False, ignore_case=True, space=r"\s*"), _phrases(_PREFIXES_CS)]
    ) + ")"
)
_SCALE = (
    rf"(?:(?:\s|-(?=[a-z]{{2}}))?{_phrases(_SCALE_WORDS, boundary=False, ignore_case=True)}(?![A-Za-z0-9])"
    rf"|(?:{'|'.join(sorted(map(re.escape, _SCALE_SYMBOLS), key=len, reverse=True))})(?![A-Za-z0-9])"
    rf"|\s{{1,2}}(?:[kKMG])(?![A-Za-z0-9]))"
)
_QUALIFIER = (
    rf"(?:{_phrases([p for p in _QUALIFIER_OF if p[0].isalpha()], ignore_case=True)}\s+"
    r"|(?<![<>=])(?:>\s*=|<\s*=|[<>≥≤~≈])\s*)"
)
_POSTFIX = (
    rf"(?:\s+{_phrases([p for p in _POSTFIX_OF if p[0].isalpha()], ignore_case=True)}(?!\s+than\b)(?!\s*(?:to\s+)?[-\d])"
    r"|\+(?![\w]))"
)


#: After a number in digits: not the hour of a time ("10:35", "6 p.m.") nor a day ("26 Oct").
_NOT_TIME_OR_DATE = rf"(?!\d|[.:]\d|,\d{{3}}(?!\d)|\s*(?:[ap]\.m\.|(?i:am|pm)\b)|\s*(?:of\s+)?{_MONTH}\b)"


_SIGN_WORDS = ["minus", "negative"]
_BETWEEN_WORDS = ["between", "from"]


def _number(tag: str) -> str:
    return (
        rf"(?P<sign{tag}>(?<![\w.])[-−]\s?|\b{word_trie(_SIGN_WORDS)}\s+(?=[\d.]))?"
        rf"(?:(?<![\d.])(?P<d{tag}>{DIGIT_NUMBER}){_NOT_TIME_OR_DATE}|(?<![\w])(?P<w{tag}>{SPELLED_NUMBER}))"
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
    (?:(?P<btw>\b{word_trie(_BETWEEN_WORDS)})\s+)?
    (?:(?P<cur1>{CURRENCY_PREFIX})\s{{0,2}})?
    {_number("1")}
    {_unit("1")}?
    (?:
        (?P<sep>\s*(?:-?\s*(?i:to|through|thru|and)\b|[-–—~])\s*)
        (?:(?P<cur2>{CURRENCY_PREFIX})\s{{0,2}})?
        {_number("2")}
    )?
    {_unit("2")}?
    (?P<sc3>\s(?i:million|billion|trillion|thousand|mn|bn)(?![A-Za-z]))?
    (?P<post>{_POSTFIX})?
"""

_VAGUE_TENS = ["tens", "hundreds"]
_VAGUE_WORDS = [k for k in _VAGUE_OF if " " not in k]
_VAGUE_FEW = ["several", "a few", "few", "many", "a couple of"]
VAGUE = (
    rf"(?:\b(?:{word_trie(_VAGUE_TENS)}\s+of\s+)?{_phrases(_VAGUE_WORDS, ignore_case=True)}"
    rf"|\b{word_trie(_VAGUE_FEW)}\s+{word_trie(['hundred', 'thousand', 'million', 'billion'])}"
    rf"(?:\s+{word_trie(['thousand', 'million', 'billion'])})?\b)"
)
_VAGUE_SCALE = re.compile(r"(?i:\b(hundred|thousand|million|billion)\b)")
#: What vague multiples are of: "billions of dollars", "thousands of tonnes".
UNIT_OF = re.compile(rf"\s+of\s+(?:the\s+)?(?P<un>{UNIT})")
_PERCENT_WORDS = ["per cent", "per cents", "percent", "percents", "percentage"]
PERCENT_OF = rf"\b{word_trie(_PERCENT_WORDS, space=r'[ ]?')}\s+[oO][fF]\s+(?:(?P<pd>{DIGIT_NUMBER})|(?P<pw>{SPELLED_NUMBER}))"
CODE = r"\b[A-Za-z]+[-‐]?\d+[\w-]*"
#: A height in feet and inches: 6'3", 5′ 11″.
HEIGHT = r"\b(?P<hft>[1-8])\s?['′’]\s?(?P<hin>1[01]|[0-9])(?:\s?(?:[\"″”]|''))"


def _prefixes(words, length: int, space: str = r"\s+") -> str:
    """A regex for the first ``length`` characters of ``words`` in any letter case.

    It spells every case ("Mo", "mO", "MO", "mo") instead of word_trie's classes ("[mM][oO]"):
    Python's regex engine passes over an alternative that starts with a literal several times
    faster than over one that starts with a class, and most words are rejected in their first
    letters. In front of a word_trie it is a quick test of the same words.
    """
    heads = {w.lower()[:length] for w in words}
    return word_trie(
        {"".join(v) for h in heads for v in itertools.product(*({c, c.upper()} for c in h))},
        ignore_case=False, space=space,
    )


_DIGIT_OR_FRACTION = r"[\d\u00bc-\u00be\u2150-\u215e]"
_ANCHOR_WORDS = [*ONES, *TEENS, *TENS, *HUNDRED, *MAGNITUDES, *DOZEN, *FRACTIONS, "half", "quarter",
                 "dozens", "hundreds", "thousands", "millions", "billions", "trillions"]
#: Where a quantity can be: a digit, a Unicode fraction or a number word. The scan jumps from
#: one anchor to the next and runs :data:`MASTER` only in a window before each.
ANCHOR = re.compile(rf"{_DIGIT_OR_FRACTION}|\b{word_trie(_ANCHOR_WORDS)}\b")
#: ANCHOR after the position it starts at, as a faster scan (see :func:`_next_anchor`): a digit
#: or fraction, or the non-word character before a number word. Its first step is a character
#: class, which the regex engine scans for on its own, passing over letters at little cost.
_ANCHOR_SCAN = re.compile(
    rf"[^a-zA-Z](?:(?<={_DIGIT_OR_FRACTION})"
    rf"|(?<!\w)(?={_prefixes(_ANCHOR_WORDS, 3)})(?={word_trie(_ANCHOR_WORDS)}\b))"
)
_DIGIT_OR_FRACTION_AT = re.compile(_DIGIT_OR_FRACTION).match
_LOOKBACK = 64  # longest text a match can have before its first anchor ("greater than or equal to $")

_NUMBER_WORDS = [*ONES, *TEENS, *TENS, *HUNDRED, *MAGNITUDES, *DOZEN, "half", "quarter", *FRACTIONS,
                 *ORDINAL_ONES]
_FRACTION_CHARS = "".join(UNICODE_FRACTIONS)
#: How a match of :data:`MASTER` can begin: the first characters or words of each of its
#: alternatives, looser than the alternatives themselves (any letter case, any spacing, no word
#: boundaries, no lookbehinds). It is a necessary condition, so putting it in front of MASTER
#: changes no match; it lets the scan pass, in a few steps, the 97% of positions where no
#: alternative can start ("the", "said", a comma), which would otherwise try all of them (that
#: was 2/3 of the time of find_quantities). An alternative added to MASTER must have its start
#: here (tests/test_quantities.py checks).
_STARTS = "|".join([
    # digits (dates, times, numbers, heights), comparison symbols, Unicode fractions
    rf"[\d<>≥≤~≈{_FRACTION_CHARS}]",
    r"[.+(\#'‘’]\d",  # ".5", "+44 20…", "(555) 123-4567", "#1", "'90s"
    rf"[-−]\s?[\d.A-Za-z{_FRACTION_CHARS}]",  # a sign before a number
    word_trie([  # one trie for every word list an alternative can start with
        "http://", "https://", "www.", *_MONTH_WORDS, *_ID_NOUNS,  # skipped
        *_VAGUE_TENS, *_VAGUE_WORDS, *_VAGUE_FEW,  # vague multiples
        *_PERCENT_WORDS,  # percent of N
        *_QUALIFIER_OF, *_BETWEEN_WORDS, *_PREFIXES_CI, *_PREFIXES_CS, *_SIGN_WORDS,  # quantities
        *_NUMBER_WORDS, *(f"{a} {w}" for a in ("a", "an") for w in _NUMBER_WORDS),  # "a third"
    ], ignore_case=True, space=r"\s*"),
    r"[A-Za-z]++[-‐]?\d",  # codes ("F-16")
])

#: Positions inside a word, where no alternative starts, are rejected in one step.
_GUARD = r"(?:(?<![A-Za-z])|(?![A-Za-z]))"
_ALTERNATIVES = (
    rf"(?:(?P<skip>{SKIP})|(?P<vague>{VAGUE})|(?P<pctof>{PERCENT_OF})|(?P<height>{HEIGHT})"
    rf"|(?P<qty>{QUANTITY})|(?P<code>{CODE}))"
)
#: The one scanning pattern: skip | vague multiple | percent of N | quantity | code, after the
#: guard and the start check (which only make it faster).
MASTER = re.compile(rf"{_GUARD}(?!\s)(?={_STARTS}){_ALTERNATIVES}", re.VERBOSE)

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
PLURAL_AFTER = re.compile(  # "12 boxes", "2,500 additional doctors", "12 Americans", "5 Iraqis"
    rf"(?:\s+of)?(?:\s+{word_trie(_WORDS['count_modifiers'])})?"
    r"\s+(?P<noun>[a-z]{3,}(?<![su])s|[A-Z][a-z]{2,}(?:ans|is))\b(?![-'’])"
)
#: A change verb right before a quantity: "rose by", "fell", "up".
CHANGE_BEFORE = re.compile(
    rf"(?i:\b(?:(?P<verb>{_phrases(_CHANGE_OF)})\s+(?:by\s+)?|(?P<verb_by>{_phrases(_CHANGE_BY_OF)})\s+"
    rf"(?:(?:[\w-]+\s+)?(?P<by>by)\s+)?)(?:(?:a|another|a\s+further)\s+)?)$"
)
#: The words a match of CHANGE_BEFORE ends with (before whitespace), lower case.
_CHANGE_LAST_WORDS = tuple({*_CHANGE_OF, *_CHANGE_BY_OF, "by", "a", "another", "further"})
_CHANGE_LAST_LEN = max(map(len, _CHANGE_LAST_WORDS))
#: "years old", "years of age" after a duration: the quantity is an age.
AGE_AFTER = re.compile(rf"\s?-?\s?{word_trie(_AGE_AFTER_WORDS)}\b")
AGE_BEFORE = re.compile(r"(?i:\b(?:aged?)\s+)$")
#: Cents after a whole amount of money: "3 dollars 50 cents", "thirteen dollars and forty-five".
CENTS_AFTER = re.compile(
    rf"(?:\s+and)?\s+(?:(?P<d>\d{{1,2}})(?!\d)|(?P<w>{SPELLED_NUMBER}))"
    r"(?P<cents>\s+cents?\b)?",
    re.VERBOSE,
)
#: A smaller number after a scale word: "4 thousand [3 hundred] [and 21]".
MIXED_TAIL = re.compile(
    rf"(?:\s*,)?(?:\s+(?i:and))?\s+(?:(?P<d>\d{{1,3}})(?![\d.,])(?:\s+(?P<sc>(?i:hundred|thousand|lakh|million|crore|billion))\b)?"
    rf"|(?P<w>{SPELLED_NUMBER}))",
    re.VERBOSE,
)
FRACTION_OF = re.compile(r"(?i:\s+of\s+an?\s+(thousand|million|billion|trillion)\b)")
#: "one out of three", "1 in 5": a ratio.
RATIO_TAIL = re.compile(
    rf"\s+(?P<op>out\s+of|in(?:\s+every)?|over)\s+(?:(?P<d>{DIGIT_NUMBER})|(?P<w>{SPELLED_NUMBER}))",
    re.VERBOSE,
)
_VAGUE_BEFORE = re.compile(r"(?i:\b(?:several|few|many|a\s+couple\s+of)\s+)$")
_BARE_FRACTION_OK = re.compile(r"(?i:\s+(?:of|a|an|the|their|its|his|her|our|all|million|billion)\b)")
_ORDINAL_BEFORE = re.compile(
    r"(?i:\b(?:first|second|third|fourth|last|next|previous|past|same|latest|current|each|every|"
    r"the|this|that|other|latter|former|back|top|bottom|final)\s+)$"
)
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
    key = s.strip().lstrip("-")
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


def _count_noun(text: str, end: int, one: bool = False) -> tuple[str, int, str] | None:
    """The counted noun after a number (``one``: the number is 1, and "one of the X" is not
    a count of X)."""
    m = COUNT_NOUN_AFTER.match(text, end)
    if m and one and re.match(r"\s+of\b", text[end:end + 5]):
        return None
    if m:
        return m.group("noun").lower(), m.end(), "count-noun"
    m = PLURAL_AFTER.match(text, end)
    if m and m.group("noun") not in _STOP_PLURALS and m.group("noun").lower() not in _UNIT_BY_WORD:
        return m.group("noun"), m.end(), "count-plural"
    return None


def _change(text: str, start: int, kind: str | None = None) -> str | None:
    """"+"/"-" when a change verb precedes ``start``; verbs such as "lost" or "cut" mark a change
    only with "by" ("cut rates by 25 basis points") or before points and percentages."""
    lo = max(0, start - 40)
    # a quick test first (most quantities follow no change verb): a match ends with one of
    # _CHANGE_LAST_WORDS and whitespace; in ASCII, (?i:) is lower()
    before = text[lo:start]
    last = before.rstrip()
    if len(last) == len(before):
        return None
    last = last[-_CHANGE_LAST_LEN:]
    if last.isascii() and not last.lower().endswith(_CHANGE_LAST_WORDS):
        return None
    m = CHANGE_BEFORE.search(text, lo, start)
    if m is None:
        return None
    if m.group("verb"):
        return _CHANGE_OF.get(m.group("verb").lower())
    if m.group("by") or kind in ("points", "percent"):
        return _CHANGE_BY_OF.get(m.group("verb_by").lower())
    return None


class _Builder:
    """Collects results for one text (keeps find_quantities short and flat)."""

    def __init__(self, text: str, include_years: bool):
        self.text = text
        self.include_years = include_years
        self.out: list[Quantity] = []

    def add(self, start, end, value, unit=None, kind="number", qualifier=None, low=None,
            high=None, entry=None, rule="number"):
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
            return
        si_value, si_unit = _si(entry, value)
        change = _change(text, start, kind)
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
        a = _next_anchor(text, pos)
        if a is None:
            break
        ws = a - _LOOKBACK
        if ws > pos:  # start the window at a token start, never inside a word or a URL
            k = text.rfind(" ", pos, ws)
            ws = k + 1 if k >= 0 else pos
        else:
            ws = pos
        m = search(text, ws)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "qty":
            pos = _quantity(b, m)
        elif kind == "vague":
            pos = _vague(b, m)
        elif kind == "pctof":
            pos = _percent_of(b, m)
        elif kind == "height":
            foot = _UNIT_BY_WORD["foot"]
            value = int(m.group("hft")) + int(m.group("hin")) / 12
            b.add(m.start(), m.end(), value, "foot", "length", entry=foot, rule="feet-inches")
            pos = m.end()
        else:
            pos = m.end()
        if pos <= m.start():
            pos = m.start() + 1
    return b.out


def _next_anchor(text: str, pos: int) -> int | None:
    """Where the first match of :data:`ANCHOR` at or after ``pos`` starts (or None)."""
    if ANCHOR.match(text, pos):
        return pos
    m = _ANCHOR_SCAN.search(text, pos)
    if m is None:
        return None
    return m.start() if _DIGIT_OR_FRACTION_AT(text, m.start()) else m.end()


def _vague(b: _Builder, m: re.Match) -> int:
    text = b.text
    value = _VAGUE_OF.get(_norm(m.group().lower()))
    if value is None:
        scales = _VAGUE_SCALE.findall(m.group())
        if not scales:
            return m.end()
        value = math.prod(_SCALE_WORDS[w.lower()] for w in scales)  # "several hundred thousand"
    end, unit, kind, rule, entry = m.end(), None, "number", "vague-multiple", None
    uo = UNIT_OF.match(text, end)
    if uo and (entry := _lookup_unit(uo.group("un"))) is not None and entry["kind"] not in ("temperature", "points"):
        unit, kind, end = entry["unit"], entry["kind"], uo.end()
    else:
        entry = None
        noun = _count_noun(text, end)
        if noun:
            unit, end, kind = noun[0], noun[1], "count"
    b.add(m.start(), end, value, unit, kind, ">=", entry=entry, rule=rule)
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


_INNER_SEP = re.compile(r"(?i:\s*(?:-|–|to\b|and\b)\s*)")
_TRAILING_MAGNITUDE = re.compile(r"(?i:\b(thousand|million|billion|trillion)s?\s*$)")
_FEET_INCHES = re.compile(r"(?:,?\s+and|,)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|″|\")")
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_OPPOSITE = {">": ("<", "<="), ">=": ("<", "<="), "<": (">", ">="), "<=": (">", ">=")}


def _qualifier_symbol(q: str | None) -> str | None:
    if not q:
        return None
    key = _norm(q.lower())
    sym = _QUALIFIER_OF.get(key) or _QUALIFIER_OF.get(key.replace(" ", ""))
    if sym is None:
        sym = {"≥": ">=", "≤": "<=", "≈": "~"}.get(key)
    return sym


def _currency(prefix: str | None) -> dict | None:
    if not prefix:
        return None
    p = _norm(prefix)
    return _CURRENCY_BY_PREFIX.get(p) or _CURRENCY_BY_PREFIX.get(p.lower())


#: A second bound after a qualified number: "more than 10 and less than 40".
COMPOUND_BOUND = re.compile(
    rf"\s*,?\s*(?:(?i:and|but)\s+)?(?P<q>{_QUALIFIER})(?:(?P<d>{DIGIT_NUMBER})|(?P<w>{SPELLED_NUMBER}))"
    rf"(?:\s?(?P<un>{UNIT}))?",
    re.VERBOSE,
)


def _quantity(b: _Builder, m: re.Match) -> int:  # noqa: C901 (one rule per step, in order)
    """Normalise one QUANTITY match; returns where scanning resumes."""
    text = b.text
    first = _value(m, "1")
    if first is None:
        return (m.start("d1") if m.group("d1") else m.start("w1")) + 1
    v1, e1 = first
    start = m.start()
    qual_text = m.group("qual")
    qualifier = _qualifier_symbol(qual_text)
    btw = m.group("btw")
    cur_text = m.group("cur1")
    currency = _currency(cur_text)
    w1 = m.group("w1")
    truncated = w1 is not None and e1 < m.end("w1")
    sc1 = None if truncated else m.group("sc1")
    s1 = _scale(sc1) if sc1 else None
    stop1 = m.end("sc1") if sc1 else e1
    unit1 = None if truncated else ("1" if m.group("un1") else None)

    # ---- a second number: from the pattern, or inside a spelled run ("two and three million")
    v2 = None
    unit2 = None
    sc2 = None
    bare_fraction = (w1 or "").strip().lower() in ("half", "quarter")  # "the quarter to $254m"
    if not bare_fraction and not truncated and m.group("sep") and (m.group("d2") or m.group("w2")):
        second = _value(m, "2")
        if second is not None:
            v2, e2 = second
            w2_trunc = m.group("w2") is not None and e2 < m.end("w2")
            sc2 = None if w2_trunc else m.group("sc2")
            stop2 = m.end("sc2") if sc2 else e2
            unit2 = None if w2_trunc else ("2" if m.group("un2") else None)
            sep = m.group("sep")
            sep_end = m.end("sep")
    elif not bare_fraction and truncated:
        rest = text[e1:m.end("w1")]
        rm = _INNER_SEP.match(rest)
        if rm and (btw or rm.group().strip().lower() == "to"):
            parsed = parse_spelled(rest[rm.end():])
            if parsed is not None:
                v2 = parsed[0]
                e2 = e1 + rm.end() + parsed[1]
                sep, sep_end = rm.group(), e1 + rm.end()
                stop2 = e2
                if e2 == m.end("w1"):
                    sc2 = m.group("sc1")
                    stop2 = m.end("sc1") if sc2 else e2
                    unit2 = "1" if m.group("un1") else None
                mag = _TRAILING_MAGNITUDE.search(text, e1, e2)
                if mag and v1 < 1000:
                    v1 *= _SCALE_WORDS[mag.group(1).lower()]

    is_range = year_range = False
    if v2 is not None:
        sepw = sep.strip().lower()
        ok = True
        if sepw.endswith("and") and not btw:
            ok = False
        if sepw == "-" and (m.group("d1") is None) != (m.group("d2") is None):
            ok = False  # "7-Eleven": digits and words do not make a range
        s2 = _scale(sc2) if sc2 else 1.0
        lo = v1 * (s1 if s1 else (s2 if not unit1 else 1.0))
        hi = v2 * s2
        if unit1 and not unit2 and not m.group("cur2"):
            ok = False  # "lost 39.55 points to 2613.73": a change and a level
        if unit1 and unit2:
            a = _lookup_unit(m.group("un" + unit1))
            z = _lookup_unit(m.group("un" + unit2))
            ok = ok and a is not None and z is not None and a["unit"] == z["unit"]
        if m.group("cur2") and currency is not None and _currency(m.group("cur2")) is not currency:
            ok = False
        if not (lo < hi or (lo > hi and lo < 0 and hi <= 0)):
            ok = False
        kind1 = "money" if currency else (_lookup_unit(m.group("un" + unit1)) or {}).get("kind") if unit1 else None
        kind2 = "money" if m.group("cur2") else (_lookup_unit(m.group("un" + unit2)) or {}).get("kind") if unit2 else None
        if kind1 and kind2 and kind1 != kind2:
            ok = False
        if sepw.endswith("to") and _change(text, m.start("btw") if btw else start):
            ok = False  # "rose 3% to 5%", "fell from 10 to 8": a change and a level, not a range
        plain = not (unit1 or unit2 or currency or m.group("cur2") or sc1 or sc2 or qual_text)
        year_range = ok and plain and m.group("d1") and _YEAR.fullmatch(m.group("d1")) and (
            _YEAR.fullmatch(m.group("d2") or "") or (m.group("d2") or "").isdigit() and len(m.group("d2")) == 2
        )
        if year_range and not b.include_years:
            return stop2  # a range of years ("between 2010 and 2015")
        if ok:
            is_range = True
            low, high = min(lo, hi), max(lo, hi)
            value = (low + high) / 2
            end = stop2
            unit_tag = unit2 or (unit1 if not unit2 else None)
            if currency is None and m.group("cur2"):
                currency = _currency(m.group("cur2"))
            resume = end
    if not is_range and v2 is not None and sep == "-" and m.group("d1") and m.group("d2") \
            and not (unit1 or unit2 or currency or sc1 or sc2 or qual_text or btw) \
            and v1 > v2 and float(v1).is_integer() and float(v2).is_integer():
        return stop2  # a score or a vote tally ("won 3-1", "passed 52-48"), not quantities
    if not is_range:
        low = high = None
        value = v1 * (s1 or 1.0)
        end = stop1
        unit_tag = unit1
        resume = sep_end if v2 is not None else end
        if btw:  # "between 5" without a second number: drop "between" from the span
            start = m.start("btw") + len(btw)
            while start < len(text) and text[start].isspace():
                start += 1
            if qual_text:
                start = m.start()

    # ---- the unit: brackets must pair; bare C/F only where it cannot be a code ("13F")
    entry = None
    if unit_tag is not None:
        grp = "u" + unit_tag
        opener = m.group("uo" + unit_tag).strip()
        closer = m.group("uc" + unit_tag)
        unit_text = m.group("un" + unit_tag)
        uend = m.end(grp)
        if opener in _PAIRS and closer != _PAIRS[opener]:
            unit_text = None
        elif closer and not opener:
            uend -= 1
        if unit_text is not None:
            entry = _lookup_unit(unit_text)
            if entry is not None and unit_text in ("C", "F"):
                if abs(value) >= 1000 or (m.group("uo" + unit_tag) == "" and not m.group("sign1")):
                    entry = None
        if entry is not None:
            end = uend
    # money scale after the unit: "75 USD million"
    if entry is not None and entry["kind"] == "money" and m.group("sc3") and m.start("sc3") == end:
        value *= _scale(m.group("sc3"))
        if is_range:
            low, high = low * _scale(m.group("sc3")), high * _scale(m.group("sc3"))
        end = m.end("sc3")
    for scaled in (cur_text, m.group("un" + unit_tag) if (unit_tag and entry is not None) else None):
        if scaled and _norm(scaled) in _SYMBOL_SCALE and not is_range:
            value *= _SYMBOL_SCALE[_norm(scaled)]  # "30 MUSD"
    resume = max(resume, end)

    # ---- a bare fraction in digits must look like one: "3/4" yes, "9/11" or "24/7" no
    d1 = m.group("d1") or ""
    if "/" in d1 and entry is None and currency is None and not is_range:
        num, den = d1.split()[-1].split("/")
        if not (int(num) < int(den) and (int(den) <= 10 or int(den) in (12, 16, 20, 32, 64, 100, 1000))):
            return max(resume, end)

    # ---- mixed numbers after a scale word: "4 thousand 3 hundred and 21", "3 million and a half"
    if sc1 and not is_range and m.group("d1") and entry is None and currency is None:
        last_scale = _scale(sc1)
        if last_scale >= 100 and sc1.strip().lower() in _SCALE_WORDS:
            while True:
                mt = MIXED_TAIL.match(text, end)
                if not mt:
                    break
                if mt.group("d") is not None:
                    tv = float(mt.group("d")) * (_scale(mt.group("sc")) if mt.group("sc") else 1.0)
                    own = mt.group("sc") is not None
                    tend = mt.end()
                else:
                    parsed = parse_spelled(mt.group("w"))
                    if parsed is None:
                        break
                    tv, tend = parsed[0], mt.start("w") + parsed[1]
                    own = tv < 1 or _TRAILING_MAGNITUDE.search(text, mt.start("w"), tend) is not None \
                        or text[mt.start("w"):tend].lower().rstrip().endswith("hundred")
                if 0 < tv < 1:
                    value += tv * last_scale
                    end = resume = tend
                    break
                if not (0 < tv < last_scale) or not (own or last_scale == 100):
                    break
                value += tv
                end = resume = tend
                if not own:
                    break
                last_scale = _scale(mt.group("sc")) if mt.group("d") is not None else (100.0 if tv < 1000 else 1000.0)
    # ---- "two thirds of a million"
    if w1 is not None and not is_range and 0 < abs(value) < 1 and entry is None:
        fo = FRACTION_OF.match(text, end)
        if fo:
            value *= _SCALE_WORDS[fo.group(1).lower()]
            end = resume = fo.end()

    # ---- "m" after a number: million after a currency or before a counted noun, else metre
    if sc1 and sc1.strip() == "m" and currency is None and not is_range and entry is None:
        if not _count_noun(text, m.end("sc1")):
            entry, value = _METRE, v1
    # ---- "pounds" after a scale word or a currency is money
    if entry is _POUND_MASS and (currency is not None or sc1 or sc2):
        entry = _GBP
    rule = "number"
    if currency is not None:
        if entry is not None and (
            entry["kind"] != "money"
            or not any(ch.isalpha() for ch in (m.group("un" + unit_tag) or ""))
            or (entry is not currency and entry["unit"] not in ("cent", "penny"))
        ):
            # "$5 m" (metre), "rmb 10 usd", "$ 20 $ 37": the prefix currency wins and the
            # unit after the number is left out (it belongs to what follows)
            end = m.start("u" + unit_tag)
            resume = end
            entry = None
        if entry is None or entry["unit"] in ("cent", "penny"):
            entry = currency
        rule = "money-prefix"

    unit, kind = None, "number"
    if entry is not None:
        unit, kind = entry["unit"], entry["kind"]
        if rule == "number":
            rule = "number-unit"
        if kind == "temperature" and unit == "degree":
            if _ANGLE_CONTEXT.match(text, end) or _ANGLE_BEFORE.search(text, max(0, start - 30), start):
                kind = "angle"

    # ---- postfix qualifier: "or more", "+", "or equal"
    post = m.group("post")
    if post and end == m.start("post"):
        psym = _POSTFIX_OF.get(_norm(post.lower()), ">=" if post == "+" else None)
        if psym == "=":
            qualifier = {"<": "<=", ">": ">="}.get(qualifier, qualifier)
        elif psym is not None and qualifier in (None, "~", "="):
            qualifier = psym
        end = resume = m.end("post")

    # ---- money: cents after whole units ("3 dollars 50 cents", "15 dollars and 15")
    if kind == "money" and unit in _MONEY_CENTS_UNITS and not is_range and value.is_integer() \
            and "." not in (m.group("d1") or ""):
        value, end = _cents(text, end, value)
        resume = max(resume, end)
    # ---- feet and inches: "5 feet 2 inches"
    if unit == "foot" and not is_range:
        fi = _FEET_INCHES.match(text, end)
        if fi:
            value += float(fi.group("n")) / 12
            end = resume = fi.end()

    # ---- no unit: ratios, counts, fractions, years, bare words
    if entry is None and is_range:
        noun = _count_noun(text, end)
        if noun:
            unit, end, rule = noun[0], noun[1], "range+" + noun[2]
            kind = "count"
            resume = max(resume, end)
    if entry is None and not is_range:
        rt = RATIO_TAIL.match(text, end)
        if rt and not sc1:
            op = rt.group("op").split()[0].lower()
            den = _ratio_value(rt)
            after = text[rt.end():rt.end() + 2].strip()[:1]
            den_year = rt.group("d") is not None and _YEAR.fullmatch(rt.group("d"))
            if den and not den_year and (abs(v1) <= den or op == "over") and (op == "out" or (op == "in" and v1 == 1) or (
                    op == "over" and (not after or after in ".,;?!)"))):
                b.add(start, rt.end(), v1 / den, None, "ratio", qualifier, rule="ratio")
                return rt.end()
        noun = _count_noun(text, end, one=value == 1)
        if noun and noun[2] == "count-plural" and abs(value) < 2:
            noun = None  # "one costs": a generic plural needs a plural number
        if noun and abs(value) >= 1:
            unit, end, rule = noun
            kind = "count"
            resume = max(resume, end)
        else:
            wtext = (w1 or "").strip().lower()
            if w1 is not None:
                if wtext in ("one", "a", "an") or (truncated and text[m.start("w1"):e1].strip().lower() == "one"):
                    return max(resume, end)
                if wtext in ("hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands", "millions", "dozen"):
                    return max(resume, end)  # a magnitude word alone ("#118 million" after a skipped "#118")
                if 0 < abs(value) < 1 and re.match(r"-[A-Za-z]", text[e1:e1 + 2]):
                    return max(resume, end)  # "a third-quarter loss": a compound adjective
                if wtext in ("half", "quarter") and not qual_text:
                    if not _BARE_FRACTION_OK.match(text, end) or _ORDINAL_BEFORE.search(text, max(0, start - 20), start):
                        return max(resume, end)
                if _VAGUE_BEFORE.search(text, max(0, start - 20), start) and wtext in ("hundred", "thousand", "million", "billion"):
                    qualifier = qualifier or ">="
            if 0 < abs(value) < 1 and not sc1 and (w1 is not None or re.search(r"[/\u00bc-\u00be\u2150-\u215e]", m.group("d1") or "")):
                kind, rule = "ratio", "fraction"
            elif m.group("d1") and not qual_text and not sc1 and not m.group("sign1") \
                    and _YEAR.fullmatch(m.group("d1")):
                if not b.include_years:
                    return max(resume, end)
                kind, rule = "year", "year"

    # ---- ages: "five years old", "aged 30"
    if kind == "duration":
        am = AGE_AFTER.match(text, end)
        if am:
            end = resume = am.end()
            kind, rule = "age", "age"
        elif AGE_BEFORE.search(text, max(0, start - 10), start):
            kind, rule = "age", "age"
    elif kind in ("number", "count") and not is_range and m.group("d1") and not qual_text:
        bm = AGE_BEFORE.search(text, max(0, start - 10), start)
        if bm:
            start, kind, rule, unit = bm.start(), "age", "age", "year"
            entry = None

    # ---- a second bound: "more than 10 and less than 40" is the range (10, 40)
    if qualifier in _OPPOSITE and not is_range:
        cb = COMPOUND_BOUND.match(text, end)
        if cb and _qualifier_symbol(cb.group("q")) in _OPPOSITE[qualifier]:
            other = None
            if cb.group("d") is not None:
                try:
                    other = parse_digits(cb.group("d"))
                except (ValueError, ZeroDivisionError):
                    other = None
            else:
                p2 = parse_spelled(cb.group("w"))
                if p2 and p2[1] == len(cb.group("w").rstrip()):
                    other = p2[0]
            if other is not None:
                lo, hi = (value, other) if qualifier.startswith(">") else (other, value)
                bound_unit = _lookup_unit(cb.group("un")) if cb.group("un") else None
                if lo < hi and (bound_unit is None or entry is None or bound_unit is entry):
                    low, high, is_range = lo, hi, True
                    value, qualifier = (lo + hi) / 2, None
                    end = resume = cb.end() if bound_unit else (cb.end("d") if cb.group("d") else cb.end("w"))
                    if bound_unit is not None and entry is None:
                        entry, unit, kind = bound_unit, bound_unit["unit"], bound_unit["kind"]
                    rule = "range-bounds"

    if is_range and kind == "number" and year_range:
        kind, rule = "year", "year+range"
    if is_range and rule in ("number", "number-unit", "money-prefix"):
        rule = "range" if rule != "money-prefix" else "money-prefix+range"
    if kind == "age":
        entry = None
    b.add(start, end, value, unit, kind, qualifier, low, high, entry, rule)
    return max(resume, end)


def _cents(text: str, end: int, value: float) -> tuple[float, int]:
    """Cents after whole money units: ("3 dollars" + " 50 cents") -> (3.5, new end)."""
    cm = CENTS_AFTER.match(text, end)
    if not cm:
        return value, end
    if cm.group("d"):
        cv, cend = float(cm.group("d")), cm.end("d")
        if re.match(r"[.,]\d", text[cend:cend + 2]):
            return value, end
    else:
        p = parse_spelled(cm.group("w"))
        if not p:
            return value, end
        cv, cend = p[0], cm.start("w") + p[1]
    if not (0 < cv < 100 and cv.is_integer()):
        return value, end
    if cm.group("cents") and cend == cm.start("cents"):
        return value + cv / 100, cm.end()
    follow = text[cend:cend + 6].strip().lower()
    if not follow or follow[0] in ".,;!?)" or follow.startswith(("and ", "or ")):
        return value + cv / 100, cend  # "15 dollars and 50."
    return value, end


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
