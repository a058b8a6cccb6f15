"""The scanning pattern of quantities (:data:`MASTER`), its parts, and the scan for anchors.

:data:`MASTER` is one compiled pattern whose alternatives are tried left to right at each
position: :data:`SKIP` (numeric look-alikes skipped whole), :data:`VAGUE` ("tens of
thousands"), :data:`PERCENT_OF` ("percent of 20"), :data:`HEIGHT` (6'3"), :data:`QUANTITY`
and :data:`CODE` ("F-16", skipped). Every group is named where it is written, so the name a
step reads (``m.group("unit1_name")``) can be found with grep; :data:`FIRST` and
:data:`SECOND` list the groups of the two numbers of a QUANTITY match.

The scan only runs MASTER near an anchor (a digit or a number word, :data:`ANCHOR`), found
by :func:`next_anchor`, which passes over letters in one step; MASTER itself rejects
positions inside words in one step (:data:`GUARD`) and, with one trie of the words an
alternative can start with (:data:`STARTS`), the positions where nothing can start in a few
more. Every word list is compiled as a trie (:func:`phrases`), so there is no per-character
Python loop.

Example:
    >>> m = next_match("It rose more than 5 km.", 0)
    >>> m.lastgroup, m.group(), m.group("qualifier"), m.group("digits1"), m.group("unit1_name")
    ('quantity', 'more than 5 km', 'more than ', '5', 'km')
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from newskit.lexicon import MONTHS
from newskit.numbers import (
    DIGIT_NUMBER, DOZEN, FRACTIONS, HUNDRED, MAGNITUDES, ONES, ORDINAL_ONES, SPELLED_NUMBER, TEENS,
    TENS, UNICODE_FRACTIONS, word_trie,
)
from newskit.quantities.units import UNITS
from newskit.quantities.words import (
    ID_NOUNS, POSTFIX_OF, QUALIFIER_OF, SCALE_SYMBOLS, SCALE_WORDS, VAGUE_OF,
)


def phrases(words, boundary=True, ignore_case=False, space=r"\s+") -> str:
    """A regex for literal phrases, built as a trie (see :func:`newskit.numbers.word_trie`).

    With ``boundary``, a phrase starting (ending) with a letter or digit must start (end) on
    a word boundary. Spaces inside phrases match ``space``.

    Example:
        >>> bool(re.fullmatch(phrases(["per cent", "%"]), "per  cent"))
        True
    """
    words = sorted(set(words))
    if not words:
        return "(?!)"
    alnum = [p for p in words if p[:1].isalnum()]
    others = [p for p in words if not p[:1].isalnum()]
    parts = []
    if alnum:
        parts.append((r"\b" if boundary else "") + word_trie(alnum, ignore_case, space))
    if others:
        parts.append(word_trie(others, ignore_case, space))
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if boundary:
        body += r"(?:(?<=\w)\b|(?<!\w))"
    return body


def prefixes(words, length: int, space: str = r"\s+") -> str:
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


# --------------------------------------------------------------------------- skipped spans

MONTH_WORDS = list(MONTHS)  # names and abbreviations, from the shared calendar
MONTH = word_trie(MONTH_WORDS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_UNIT_FOLLOWS = r"(?!\s*(?:%|(?i:percent|per\s*cent|km|miles?|people|troops)\b))"
# unit symbols that end in a digit ("m2", "km2"): "5m2" is a quantity, not a code
_DIGIT_UNITS = "(?:" + "|".join(
    re.escape(u) for u in sorted(
        {sym for unit in UNITS.units for sym in unit.symbols if sym[-1:].isdigit()}, key=len, reverse=True
    )
) + ")"
_SMALL_WORD = word_trie([*ONES, *TEENS, "twenty"])

#: Spans that look numeric but are not quantities: skipped whole.
SKIP = rf"""
    (?:https?://|www\.)\S+                                       # URL
  | \b{MONTH}\b\.?\s*\.?\s*{_DAY}\b{_UNIT_FOLLOWS}(?:\s*,?\s*\d{{4}}\b)?  # Oct. 26, 2017
  | \b{_DAY}\s+(?:of\s+)?{MONTH}\b\.?(?:\s*,?\s*\d{{4}}\b)?     # 04 November 2017
  | \b{MONTH}\b\.?,?\s+(?:1[5-9]|20)\d\d\b                      # November 2017
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
  | (?:{phrases(ID_NOUNS)})\s*(?:\#?\d+(?:[.-]\d+)*[A-Za-z]?\b(?!\s*(?:%|percent))  # Section 230
        | {_SMALL_WORD}\b(?![\s-]+{_SMALL_WORD}))                      # Number four, World War Two
"""

# --------------------------------------------------------------------------- parts of a quantity

_UNIT_WORDS = phrases(UNITS.by_word, boundary=False, ignore_case=True, space=r"\s*")
_UNIT_SYMBOLS = phrases(UNITS.symbols, boundary=False, space=r"\s*")
#: "in" is an inch only where nothing else can follow: "2 1/2 in thick", "2 in."
INCH_IN = (
    r"in(?=\.?\s*$|\s+(?:thick|long|wide|tall|deep|high|across|in\s+diameter|of\s+(?:rain|snow))\b)"
)
#: Any unit of the table (words case-insensitive, symbols as written), not followed by a letter
#: or digit.
UNIT = "(?:" + "|".join([_UNIT_WORDS, _UNIT_SYMBOLS, INCH_IN]) + r")(?![A-Za-z0-9]|[-‐]\d)"

#: A currency written before a number: "$", "US$", "Rs", "EUR".
CURRENCY_PREFIX = (
    "(?:" + "|".join(
        [phrases(UNITS.prefixes_ci, boundary=False, ignore_case=True, space=r"\s*"), phrases(UNITS.prefixes_cs)]
    ) + ")"
)
#: A scale after a number: a word (" million", "-billion", "bn"), a symbol ("k", "M") or a
#: spaced capital ("5 M").
SCALE = (
    rf"(?:(?:\s|-(?=[a-z]{{2}}))?{phrases(SCALE_WORDS, boundary=False, ignore_case=True)}(?![A-Za-z0-9])"
    rf"|(?:{'|'.join(sorted(map(re.escape, SCALE_SYMBOLS), key=len, reverse=True))})(?![A-Za-z0-9])"
    rf"|\s{{1,2}}(?:[kKMG])(?![A-Za-z0-9]))"
)
#: A qualifier before a number: "more than ", "up to ", ">= ", "~".
QUALIFIER = (
    rf"(?:{phrases([p for p in QUALIFIER_OF if p[0].isalpha()], ignore_case=True)}\s+"
    r"|(?<![<>=])(?:>\s*=|<\s*=|[<>≥≤~≈])\s*)"
)
#: A qualifier after a quantity: " or more", " or less", "+".
POSTFIX = (
    rf"(?:\s+{phrases([p for p in POSTFIX_OF if p[0].isalpha()], ignore_case=True)}(?!\s+than\b)(?!\s*(?:to\s+)?[-\d])"
    r"|\+(?![\w]))"
)
#: After a number in digits: not the hour of a time ("10:35", "6 p.m.") nor a day ("26 Oct").
NOT_TIME_OR_DATE = rf"(?!\d|[.:]\d|,\d{{3}}(?!\d)|\s*(?:[ap]\.m\.|(?i:am|pm)\b)|\s*(?:of\s+)?{MONTH}\b)"
SIGN_WORDS = ["minus", "negative"]
BETWEEN_WORDS = ["between", "from"]
# a sign before a number: "-5", "− 3", "minus 4" (a sign word only before digits)
_SIGN = rf"(?<![\w.])[-−]\s?|\b{word_trie(SIGN_WORDS)}\s+(?=[\d.])"
# a unit's opener: a hyphen ("10-km"), a bracket ("5 (km)"), or up to two spaces
_UNIT_OPENER = r"\s?-\s?|\s{0,2}[(\[{<]|\s{0,2}"
_UNIT_CLOSER = r"[)\]}>]"

#: The first number of a quantity and its scale (verbose, as the parts below: they are parts
#: of MASTER).
FIRST_NUMBER = rf"""
    (?P<sign1>{_SIGN})?
    (?:
        (?<![\d.])(?P<digits1>{DIGIT_NUMBER}){NOT_TIME_OR_DATE}    # 3,000 (not 10:35, 26 Oct)
      | (?<![\w])(?P<words1>{SPELLED_NUMBER})                      # three thousand
    )
    (?P<scale1>{SCALE})?
"""
#: The unit after the first number: an opener, a unit of the table, a closer.
FIRST_UNIT = rf"""
    (?P<unit1>(?P<unit1_open>{_UNIT_OPENER})(?P<unit1_name>{UNIT})(?P<unit1_close>{_UNIT_CLOSER})?)
"""
#: The second number of a range and its scale, and the unit after it (the shapes of the first).
SECOND_NUMBER = rf"""
    (?P<sign2>{_SIGN})?
    (?:
        (?<![\d.])(?P<digits2>{DIGIT_NUMBER}){NOT_TIME_OR_DATE}
      | (?<![\w])(?P<words2>{SPELLED_NUMBER})
    )
    (?P<scale2>{SCALE})?
"""
SECOND_UNIT = rf"""
    (?P<unit2>(?P<unit2_open>{_UNIT_OPENER})(?P<unit2_name>{UNIT})(?P<unit2_close>{_UNIT_CLOSER})?)
"""

#: A quantity: qualifier? currency? number scale? unit? (range-separator currency? number
#: scale?)? unit? scale? postfix-qualifier?
QUANTITY = rf"""
    (?P<qualifier>{QUALIFIER})?
    (?:(?P<between>\b{word_trie(BETWEEN_WORDS)})\s+)?                # between 5 and 10
    (?:(?P<currency1>{CURRENCY_PREFIX})\s{{0,2}})?
    {FIRST_NUMBER}
    {FIRST_UNIT}?
    (?:
        (?P<separator>\s*(?:-?\s*(?i:to|through|thru|and)\b|[-–—~])\s*)
        (?:(?P<currency2>{CURRENCY_PREFIX})\s{{0,2}})?
        {SECOND_NUMBER}
    )?
    {SECOND_UNIT}?
    (?P<scale_after_unit>\s(?i:million|billion|trillion|thousand|mn|bn)(?![A-Za-z]))?  # 75 USD million
    (?P<postfix>{POSTFIX})?
"""


@dataclass(frozen=True)
class NumberGroups:
    """The names of the groups of one number of :data:`QUANTITY` and of the unit after it."""

    sign: str
    digits: str
    words: str
    scale: str
    unit: str
    unit_open: str
    unit_name: str
    unit_close: str


FIRST = NumberGroups("sign1", "digits1", "words1", "scale1", "unit1", "unit1_open", "unit1_name", "unit1_close")
SECOND = NumberGroups("sign2", "digits2", "words2", "scale2", "unit2", "unit2_open", "unit2_name", "unit2_close")

# --------------------------------------------------------------------------- other alternatives

VAGUE_TENS = ["tens", "hundreds"]
VAGUE_WORDS = [k for k in VAGUE_OF if " " not in k]
VAGUE_FEW = ["several", "a few", "few", "many", "a couple of"]
#: A vague multiple: "dozens", "tens of thousands", "several hundred thousand".
VAGUE = (
    rf"(?:\b(?:{word_trie(VAGUE_TENS)}\s+of\s+)?{phrases(VAGUE_WORDS, ignore_case=True)}"
    rf"|\b{word_trie(VAGUE_FEW)}\s+{word_trie(['hundred', 'thousand', 'million', 'billion'])}"
    rf"(?:\s+{word_trie(['thousand', 'million', 'billion'])})?\b)"
)
PERCENT_WORDS = ["per cent", "per cents", "percent", "percents", "percentage"]
#: "percent of 20": the number after "of" is the quantity.
PERCENT_OF = (
    rf"\b{word_trie(PERCENT_WORDS, space=r'[ ]?')}\s+[oO][fF]\s+"
    rf"(?:(?P<percent_digits>{DIGIT_NUMBER})|(?P<percent_words>{SPELLED_NUMBER}))"
)
#: A letter-first code, skipped: "F-16", "COVID-19", "G20".
CODE = r"\b[A-Za-z]+[-‐]?\d+[\w-]*"
#: A height in feet and inches: 6'3", 5′ 11″.
HEIGHT = r"\b(?P<height_feet>[1-8])\s?['′’]\s?(?P<height_inches>1[01]|[0-9])(?:\s?(?:[\"″”]|''))"

# --------------------------------------------------------------------------- the scan

_DIGIT_OR_FRACTION = r"[\d\u00bc-\u00be\u2150-\u215e]"
_ANCHOR_WORDS = [*ONES, *TEENS, *TENS, *HUNDRED, *MAGNITUDES, *DOZEN, *FRACTIONS, "half", "quarter",
                 "dozens", "hundreds", "thousands", "millions", "billions", "trillions"]
#: Where a quantity can be: a digit, a Unicode fraction or a number word. The scan jumps from
#: one anchor to the next and runs :data:`MASTER` only in a window before each.
ANCHOR = re.compile(rf"{_DIGIT_OR_FRACTION}|\b{word_trie(_ANCHOR_WORDS)}\b")
#: ANCHOR after the position it starts at, as a faster scan (see :func:`next_anchor`): a digit
#: or fraction, or the non-word character before a number word. Its first step is a character
#: class, which the regex engine scans for on its own, passing over letters at little cost.
_ANCHOR_SCAN = re.compile(
    rf"[^a-zA-Z](?:(?<={_DIGIT_OR_FRACTION})"
    rf"|(?<!\w)(?={prefixes(_ANCHOR_WORDS, 3)})(?={word_trie(_ANCHOR_WORDS)}\b))"
)
_DIGIT_OR_FRACTION_AT = re.compile(_DIGIT_OR_FRACTION).match
#: The longest text a match can have before its first anchor ("greater than or equal to $").
LOOKBACK = 64

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
STARTS = "|".join([
    # digits (dates, times, numbers, heights), comparison symbols, Unicode fractions
    rf"[\d<>≥≤~≈{_FRACTION_CHARS}]",
    r"[.+(\#'‘’]\d",  # ".5", "+44 20…", "(555) 123-4567", "#1", "'90s"
    rf"[-−]\s?[\d.A-Za-z{_FRACTION_CHARS}]",  # a sign before a number
    word_trie([  # one trie for every word list an alternative can start with
        "http://", "https://", "www.", *MONTH_WORDS, *ID_NOUNS,  # skipped
        *VAGUE_TENS, *VAGUE_WORDS, *VAGUE_FEW,  # vague multiples
        *PERCENT_WORDS,  # percent of N
        *QUALIFIER_OF, *BETWEEN_WORDS, *UNITS.prefixes_ci, *UNITS.prefixes_cs, *SIGN_WORDS,  # quantities
        *_NUMBER_WORDS, *(f"{a} {w}" for a in ("a", "an") for w in _NUMBER_WORDS),  # "a third"
    ], ignore_case=True, space=r"\s*"),
    # codes ("F-16"): all the letters, then a digit. A letter given back can never match
    # "[-‐]?\d", so the letters are taken atomically (a lookahead captures them, the
    # backreference consumes them: no backtracking into the word, as with Python 3.11's
    # possessive "[A-Za-z]++", which 3.10 lacks)
    r"(?=(?P<code_letters>[A-Za-z]+))(?P=code_letters)[-‐]?\d",
])

#: Positions inside a word, where no alternative starts, are rejected in one step.
GUARD = r"(?:(?<![A-Za-z])|(?![A-Za-z]))"
#: The alternatives of MASTER, in the order they are tried.
ALTERNATIVES = (
    rf"(?:(?P<skip>{SKIP})|(?P<vague>{VAGUE})|(?P<percent_of>{PERCENT_OF})|(?P<height>{HEIGHT})"
    rf"|(?P<quantity>{QUANTITY})|(?P<code>{CODE}))"
)
#: The one scanning pattern: skip | vague multiple | percent of N | height | quantity | code,
#: after the guard and the start check (which only make it faster). ``m.lastgroup`` names the
#: alternative that matched.
MASTER = re.compile(rf"{GUARD}(?!\s)(?={STARTS}){ALTERNATIVES}", re.VERBOSE)


def next_anchor(text: str, pos: int) -> int | None:
    """Where the first match of :data:`ANCHOR` at or after ``pos`` starts (or None)."""
    if ANCHOR.match(text, pos):
        return pos
    m = _ANCHOR_SCAN.search(text, pos)
    if m is None:
        return None
    return m.start() if _DIGIT_OR_FRACTION_AT(text, m.start()) else m.end()


def next_match(text: str, pos: int) -> re.Match | None:
    """The next match of :data:`MASTER` from ``pos`` on that can hold an anchor: MASTER is run
    from a window of :data:`LOOKBACK` characters before the next anchor (started at a token,
    never inside a word or a URL)."""
    if pos >= len(text):
        return None
    a = next_anchor(text, pos)
    if a is None:
        return None
    ws = a - LOOKBACK
    if ws > pos:
        k = text.rfind(" ", pos, ws)
        ws = k + 1 if k >= 0 else pos
    else:
        ws = pos
    return MASTER.search(text, ws)
