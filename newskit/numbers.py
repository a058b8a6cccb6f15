"""Numbers as written in news: digits with separators and spelled-out English numbers.

This module holds the number grammar that :mod:`newskit.quantities` builds on: the regular
expression sources for a number in digits (``3,000``, ``1.5``, ``2 1/4``, ``½``, ``1.3e6``) and
for a spelled-out number (``two-thirds``, ``one hundred and five``, ``half a dozen``), and the
parsers that turn the matched text into a float. The word lists live in
``newskit/resources/shared/numbers.json`` (:mod:`newskit.lexicon`).

Example:
    >>> parse_spelled("two hundred and two thousand")
    (202000.0, 28)
    >>> parse_digits("1,234,567.5")
    1234567.5
"""
from __future__ import annotations

import re

from newskit.errors import InputError
from newskit.lexicon import NUMBERS as _WORDS

ONES: dict[str, int] = _WORDS["ones"]
TEENS: dict[str, int] = _WORDS["teens"]
TENS: dict[str, int] = _WORDS["tens"]
HUNDRED: dict[str, int] = _WORDS["hundred"]
MAGNITUDES: dict[str, int] = _WORDS["magnitudes"]
DOZEN: dict[str, int] = _WORDS["dozen"]
FRACTIONS: dict[str, int] = _WORDS["fractions"]
NEGATIVE: list[str] = _WORDS["negative"]
UNICODE_FRACTIONS: dict[str, float] = _WORDS["unicode_fractions"]
#: ordinal words that end a compound denominator ("twenty-first", "thirty fifths")
ORDINAL_ONES: dict[str, int] = _WORDS["ordinal_ones"]


def word_trie(words, ignore_case: bool = True, space: str = r"\s+") -> str:
    """A regex matching any of ``words``, written as a trie: "(?:[tT](?:[wW][oO]|...)|...)".

    Every branch starts with a literal or a character class, which Python's regex engine
    rejects in one comparison; a flat alternation of a hundred words (or one under ``(?i:)``)
    is tried word by word at every position and dominates the scanning time. Longer words are
    tried before their prefixes ("sixteen" before "six"). Spaces in phrases match ``space``.

    Example:
        >>> re.fullmatch(word_trie(["six", "sixteen"]), "Sixteen") is not None
        True
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in (w.lower() if ignore_case else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                head = space
            elif ignore_case and ch.lower() != ch.upper():
                head = "[" + re.escape(ch) + re.escape(ch.upper()) + "]"
            else:
                head = re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = ("(?:" + body + ")" if len(alts) == 1 else body) + "?"
        return body

    return "(?:" + emit(trie) + ")"


_CARDINAL = word_trie([*ONES, *TEENS, *TENS, *HUNDRED, *MAGNITUDES, *DOZEN])
_FRACTION = word_trie([*FRACTIONS, *ORDINAL_ONES])
_DIGIT_WORD = word_trie([*ONES, *TEENS, *TENS])
_A = word_trie(["a", "an"])
_AND = word_trie(["and"])
_POINT = word_trie(["point"])
_ONE = word_trie(["one"])
_HALF_QUARTER = word_trie(["half", "quarter"])

#: The most number words a match of :data:`SPELLED_NUMBER` joins (and the most digit words it
#: takes after "point"). The longest number below a quadrillion has 24: "nine hundred and
#: ninety-nine trillion nine hundred and ninety-nine billion … nine hundred and ninety-nine";
#: numbers in news have at most about 12. The bound keeps scanning linear: the parser reads one
#: number from the start of a match and the scan resumes after it, so with an unbounded
#: pattern every number in a long run of them ("one one one …", "a dozen a dozen …") would
#: re-match the rest of the run (quadratic time). A longer run is read as numbers of at most
#: this many words.
SPELLED_MAX_WORDS = 24

#: A spelled-out number: cardinal and fraction words joined by spaces, hyphens, "and" or "a",
#: with an optional sign word, an optional "a", "an" or "one" before the first word, and an
#: optional "point" followed by digit words; at most :data:`SPELLED_MAX_WORDS` number words
#: and as many digit words. The parser decides how much of a match is one number ("twenty five
#: and thirty six" is two).
SPELLED_NUMBER = rf"""
    \b(?:
        (?:{word_trie(NEGATIVE)}\s+)?
        (?:(?:{_A}|{_ONE})\s+(?=(?:{_CARDINAL}|{_FRACTION})\b))?
        \b(?:{_CARDINAL}|{_HALF_QUARTER}|{_FRACTION})\b
        (?:
            (?:\s*-\s*|\s+|\s*,\s*)
            (?:(?:{_AND}|&)\s+)?
            (?:{_A}\s+)?
            (?:{_CARDINAL}|{_FRACTION})\b
        ){{0,{SPELLED_MAX_WORDS - 1}}}
        (?:\s+{_POINT}(?:(?:\s+|\s*-\s*)(?:{_DIGIT_WORD})\b){{1,{SPELLED_MAX_WORDS}}})?
    )
"""

_UNICODE_FRACTION = "[" + "".join(UNICODE_FRACTIONS) + "]"

#: A number in digits: thousands separators (comma, space, narrow no-break space, Indian
#: lakh grouping), decimals, a mixed or plain fraction, a Unicode fraction, an exponent.
DIGIT_NUMBER = rf"""
    (?:
        (?:\d+\s+)?{_UNICODE_FRACTION}                       # ½ or 2½ or 2 ½
      | \d+[ ]{{1,2}}\d+/\d+(?![\d/])                          # 10 1/2
      | \d+/\d+(?![\d/])                                     # 3/4
      | (?:
            \d{{1,3}}(?:,\d{{3}}){{1,7}}(?![\d])              # 1,234,567 (bounded: linear time)
          | \d{{1,2}}(?:,\d{{2}}){{1,5}},\d{{3}}(?![\d])      # 12,34,567 (lakh grouping)
          | \d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}}){{1,7}}(?![\d])  # 1 234 567 with thin spaces
          | [1-9]\d{{0,2}}(?:[ ]\d{{3}}){{1,7}}(?![\d]|[ ]?[/.,]\d)  # 1 234 567, 40 000
          | \d+
        )
        (?:\.\d+)?
        (?:[eE][-+]?\d+(?![\w]) | \^[-+]{{0,2}}\d+ | [x×]10\^?[-−]?\d+)?
      | \.\d+
    )
"""

_TOKEN = re.compile(r"[A-Za-z]+|&")


_POWER = re.compile(r"([\d.]+)(?:[x×]10\^?([-−]?\d+)|\^([-+]{0,2})(\d+))?(.*)")
#: The largest power of ten that converts to a float (10 ** 309 overflows whatever its factor).
_MAX_POWER_OF_TEN = 308


class NumberOutOfRangeError(InputError):
    """A number in digits has no float value: too large ("1x10^400", "9^999"), or undefined
    ("0^-1"). :func:`parse_digits` raises it; :mod:`newskit.quantities` reads such a text as no
    number."""


def parse_digits(text: str) -> float:
    """The value of a number written in digits (as matched by :data:`DIGIT_NUMBER`).

    A fraction with a zero denominator ("1/0") is NaN.

    Raises:
        NumberOutOfRangeError: a power ("1x10^400", "0^-1") has no float value.

    Example:
        >>> parse_digits("2 1/4"), parse_digits("½"), parse_digits("1.3e6")
        (2.25, 0.5, 1300000.0)
    """
    s = text.strip()
    if s.isdecimal():  # the common case, "3000": what the steps below come to
        return float(s)
    if s and s[-1] in UNICODE_FRACTIONS:
        whole = s[:-1].strip()
        return (float(whole) if whole else 0.0) + UNICODE_FRACTIONS[s[-1]]
    if "/" in s:
        return _fraction_value(s)
    for sep in (",", " ", "\u00a0", "\u202f", "\u2009"):
        s = s.replace(sep, "")
    m = _POWER.fullmatch(s)
    if m and (m.group(2) or m.group(4)):
        return _power_value(text, float(m.group(1)), m.group(2), m.group(3), m.group(4))
    return float(s)


def _fraction_value(s: str) -> float:
    """"3/4" -> 0.75, "10 1/2" -> 10.5; NaN for a zero denominator."""
    parts = s.split()
    whole = float(parts[0]) if len(parts) == 2 else 0.0
    num, den = parts[-1].split("/")
    return whole + float(num) / float(den) if float(den) else float("nan")


def _power_value(text: str, base: float, ten_exponent: str | None, signs: str | None,
                 exponent: str | None) -> float:
    """``base`` x 10^``ten_exponent`` ("1.5x10^6"), or ``base`` ^ ``exponent`` with ``signs``
    ("2^-3"); :class:`NumberOutOfRangeError` where the value is not a float."""
    if ten_exponent:
        power = _exponent(text, ten_exponent.replace("−", "-"))
        if power > _MAX_POWER_OF_TEN:  # 10 ** power would not convert (and could take minutes)
            raise NumberOutOfRangeError(f"{text!r} is too large for a float")
        return base * 10 ** power
    power = _exponent(text, exponent)
    if signs.count("-") == 1:
        power = -power
    try:
        return base**power
    except (OverflowError, ZeroDivisionError) as err:  # "9^999", "0^-1"
        raise NumberOutOfRangeError(f"{text!r} has no float value") from err


def _exponent(text: str, digits: str) -> int:
    try:
        return int(digits)
    except ValueError as err:  # more digits than int() converts (sys.get_int_max_str_digits())
        raise NumberOutOfRangeError(f"{text!r} has too long an exponent") from err


def _word_digits(word: str) -> str | None:
    """Digits spelled by a word after "point": 'three' -> '3', 'seventy' -> '70'."""
    for table in (ONES, TEENS, TENS):
        if word in table:
            return str(table[word])
    return None


def parse_spelled(text: str) -> tuple[float, int] | None:
    """Parse the longest spelled-out number at the start of ``text``.

    Returns ``(value, length)`` where ``length`` is how many characters of ``text`` make the
    number (a match may hold several numbers: "twenty five and thirty six"), or None.

    The words are read left to right by :class:`_SpelledReader`, one step per kind of word
    (a step per row of ``shared/numbers.json``, and "and", "a", "point"); each step either takes
    the word into the number or ends the number before it.

    Example:
        >>> parse_spelled("two and a half million")
        (2500000.0, 22)
        >>> parse_spelled("twenty five and thirty six")
        (25.0, 11)
    """
    reader = _SpelledReader(text)
    toks, n, steps, other = reader.toks, reader.n, _WORD_STEPS, _SpelledReader.other
    while reader.i < n:
        word = toks[reader.i][0]
        outcome = steps.get(word, other)(reader, word)
        if outcome is _TAKEN:
            reader.end = toks[reader.i][1]
            reader.i += 1
        elif outcome is _STOP:
            break
        elif outcome is _NOT_A_NUMBER:
            return None
    if reader.last is None or reader.end == 0:
        return None
    return reader.sign * (reader.total + reader.cur), reader.end


# What a step of _SpelledReader did with the word at its position:
_TAKEN = "taken"  # the word is part of the number, which now ends after it
_MOVED = "moved"  # the step moved the position itself (skipped "and" or "a", or read 2+ words)
_STOP = "stop"  # the number ends before the word
_NOT_A_NUMBER = "not a number"  # the text starts with no number ("twenty-fifth": an ordinal)

_SMALL = {*ONES, *TEENS, *TENS}  # a number below a hundred can follow "a hundred and"
_AFTER_ARTICLE = {*HUNDRED, *MAGNITUDES, *DOZEN, *FRACTIONS}  # "a hundred", "a third"
_GROUP_WORDS = ("ones", "teen", "tens", "hundred", "mag")  # what a fraction or "point" can follow


class _SpelledReader:
    """The state of :func:`parse_spelled`: the tokens, the position ``i`` and the number so far.

    ``total`` holds the completed groups (before the last magnitude word), ``cur`` the group
    being built, ``last`` the kind of the last word taken, ``end`` the character end of the
    last word that completes a number, ``last_mag`` the last magnitude, and ``implicit_one``
    says the number started with "a" or "an" ("a third").
    """

    __slots__ = ("toks", "n", "i", "sign", "total", "cur", "last", "end", "last_mag", "implicit_one")

    def __init__(self, text: str):
        self.toks = [(m.group().lower(), m.end()) for m in _TOKEN.finditer(text)]
        self.n = len(self.toks)
        self.i = 0
        self.sign = 1.0
        if self.n and self.toks[0][0] in NEGATIVE:
            self.sign = -1.0
            self.i = 1
        self.total = 0.0
        self.cur = 0.0
        self.last: str | None = None
        self.end = 0
        self.last_mag = float("inf")
        self.implicit_one = False

    def word(self, j: int) -> str:
        """The token at ``j``, or "" before the first or after the last."""
        return self.toks[j][0] if 0 <= j < self.n else ""

    # ---- the steps, one per kind of word

    def conjunction(self, w: str) -> str:
        """"and", "&": a fraction follows ("two and a half") or, after a hundred, a magnitude
        or a dozen, a smaller number ("a hundred and five")."""
        if self.last is None or self.last == "frac":
            return _STOP
        fraction = self.fraction_at(self.i + 1)
        if fraction:
            self.add_fraction(*fraction)
            return _MOVED
        if self.last in ("hundred", "mag", "dozen") and self.word(self.i + 1) in _SMALL:
            self.i += 1
            return _MOVED
        return _STOP

    def article(self, w: str) -> str:
        """"a", "an": an implicit one before "hundred", a magnitude, "dozen" or a denominator
        ("a third", "a twenty-fifth"), or a joint after a fraction ("half a dozen")."""
        nxt = self.word(self.i + 1)
        if self.last is None and (
            nxt in _AFTER_ARTICLE or (nxt in TENS and self.word(self.i + 2) in ORDINAL_ONES)
        ):
            self.implicit_one = True
            self.i += 1
            return _MOVED
        if self.last == "frac" and (nxt in DOZEN or nxt in MAGNITUDES):
            self.i += 1
            return _MOVED
        return _STOP

    def ones(self, w: str) -> str:
        if self.last in ("ones", "teen", "frac", "dozen"):
            return _STOP
        self.cur += ONES[w]
        self.last = "ones"
        return _TAKEN

    def teen(self, w: str) -> str:
        if self.last in ("ones", "teen", "tens", "frac", "dozen"):
            return _STOP
        self.cur += TEENS[w]
        self.last = "teen"
        return _TAKEN

    def tens(self, w: str) -> str:
        """"twenty"; before an ordinal a compound denominator: "one twenty-fifth" = 1/25."""
        nxt = self.word(self.i + 1)
        if self.ordinal_follows(nxt):
            self.cur = (self.total + self.cur or 1.0) / (TENS[w] + ORDINAL_ONES[nxt])
            self.total = 0.0
            self.last, self.end, self.i = "frac", self.toks[self.i + 1][1], self.i + 2
            return _MOVED
        if self.last in ("ones", "teen", "tens", "frac", "dozen"):
            return _STOP
        self.cur += TENS[w]
        self.last = "tens"
        return _TAKEN

    def ordinal_follows(self, nxt: str) -> bool:
        """Whether the tens word here and ``nxt`` make a compound denominator ("a twenty-first",
        "one twenty-fifth", "two hundred twenty-fifths"); "third" never does."""
        if nxt not in ORDINAL_ONES:
            return False
        if self.implicit_one and self.last is None:
            return True
        if self.word(self.i - 1) in ("and", "&") or nxt in ("third", "thirds"):
            return False
        if self.last in ("hundred", "mag"):  # "two hundred twenty-fifths"; "a hundred twenty-first"
            return nxt.endswith("s") or self.implicit_one
        return self.last in ("ones", "teen", "tens")

    def hundred(self, w: str) -> str:
        if self.cur >= 100 or self.last in ("hundred", "frac", "dozen"):
            return _STOP
        self.cur = (self.cur or 1.0) * 100
        self.last = "hundred"
        return _TAKEN

    def magnitude(self, w: str) -> str:
        """"thousand", "million", "lakh": closes a group; "three lakh crore" multiplies."""
        v = MAGNITUDES[w]
        if self.last == "mag" and self.cur == 0:
            self.total *= v
        elif v >= self.last_mag and self.last != "frac":
            return _STOP
        else:
            self.total += (self.cur or 1.0) * v
            self.cur = 0.0
        self.last_mag = v
        self.last = "mag"
        return _TAKEN

    def dozen(self, w: str) -> str:
        if self.last in ("dozen", "mag"):
            return _STOP
        self.cur = (self.cur or 1.0) * DOZEN[w]
        self.last = "dozen"
        return _TAKEN

    def fraction(self, w: str) -> str:
        """A denominator ("thirds", "half") divides what came before; alone, only "half",
        "quarter" or one after "a" is a number ("third" alone is an ordinal)."""
        if self.last == "tens" and w in ORDINAL_ONES and self.word(self.i - 1) in TENS:
            outcome = self.compound_denominator(w)
            if outcome is not None:
                return outcome
        if w not in FRACTIONS:
            return _STOP
        den = FRACTIONS[w]
        if self.last is None:
            if not (self.implicit_one or w in ("half", "quarter")):
                return _STOP
            self.cur = 1.0 / den
        elif self.last in _GROUP_WORDS:
            self.cur = (self.total + self.cur) / den
            self.total = 0.0
        else:
            return _STOP
        self.last = "frac"
        return _TAKEN

    def compound_denominator(self, w: str) -> str | None:
        """A tens word and this ordinal as one denominator: "three twenty-firsts" = 3/21,
        "one hundred thirty fifths" = 100/35. Without a numerator "twenty-fifth" is an ordinal
        (not a number) while "twenty fifths" is 20/5 (None: read as a plain fraction)."""
        tens = TENS[self.toks[self.i - 1][0]]
        numerator = self.total + self.cur - tens
        if (numerator > 0 or self.implicit_one) and self.word(self.i - 2) not in ("and", "&"):
            self.cur = (numerator or 1.0) / (tens + ORDINAL_ONES[w])
            self.total = 0.0
            self.last = "frac"
            return _TAKEN
        if w.endswith("s") and w in FRACTIONS:
            return None
        if self.i == 1 or (self.i == 2 and self.sign < 0):
            return _NOT_A_NUMBER
        return _STOP

    def point(self, w: str) -> str:
        """"point" and digit words: "nine point nought four" = 9.04; the number ends there."""
        if self.last not in _GROUP_WORDS:
            return _STOP
        digits, j = self.digit_words(self.i + 1)
        if digits:
            self.cur += float("0." + digits)
            self.last, self.end, self.i = "point", self.toks[j - 1][1], j
        return _STOP

    def digit_words(self, j: int) -> tuple[str, int]:
        """The digits spelled from token ``j`` on ("seventy-one" is "71"), and the next token."""
        digits = ""
        while j < self.n:
            d = _word_digits(self.toks[j][0])
            if d is None:
                break
            if self.toks[j][0] in TENS and j + 1 < self.n and self.toks[j + 1][0] in ONES:
                d = str(TENS[self.toks[j][0]] + ONES[self.toks[j + 1][0]])  # "seventy-one"
                j += 1
            digits += d
            j += 1
        return digits, j

    def other(self, w: str) -> str:
        return _STOP

    # ---- helpers of the steps

    def fraction_at(self, j: int) -> tuple[float, int, int] | None:
        """"a half", "two thirds", "one fourth" from token ``j``: (numerator, denominator, the
        token after); "two and fifty-four hundredths" = 2.54."""
        w, nxt = self.word(j), self.word(j + 1)
        if w in ("a", "an", "one") and nxt in FRACTIONS:
            return 1.0, FRACTIONS[nxt], j + 2
        if w in ONES and nxt in FRACTIONS:
            return float(ONES[w]), FRACTIONS[nxt], j + 2
        third = self.word(j + 2)
        if w in TENS and nxt in ONES and third in FRACTIONS and FRACTIONS[third] >= 100:
            return float(TENS[w] + ONES[nxt]), FRACTIONS[third], j + 3
        return None

    def add_fraction(self, num: float, den: int, j: int) -> None:
        """A fraction after "and": "two and a half"; after a magnitude it is a fraction of it,
        "one million and a half" = 1.5 million, "one billion and a quarter million"."""
        if self.last == "mag":
            mag = MAGNITUDES.get(self.word(j))
            if mag is not None and mag < self.last_mag:
                self.cur = self.total + num / den * mag
                j += 1
            else:
                self.cur = self.total + num / den * self.last_mag
        else:
            self.cur = self.total + self.cur + num / den
        self.total = 0.0
        self.last, self.end, self.i = "frac", self.toks[j - 1][1], j


#: The step for each word (earlier rows win, as the tables are checked in this order).
_WORD_STEPS: dict = {}
for _words, _step in (
    (("and", "&"), _SpelledReader.conjunction), (("a", "an"), _SpelledReader.article),
    (ONES, _SpelledReader.ones), (TEENS, _SpelledReader.teen), (TENS, _SpelledReader.tens),
    (HUNDRED, _SpelledReader.hundred), (MAGNITUDES, _SpelledReader.magnitude),
    (DOZEN, _SpelledReader.dozen), ({**FRACTIONS, **ORDINAL_ONES}, _SpelledReader.fraction),
    (("point",), _SpelledReader.point),
):
    for _w in _words:
        _WORD_STEPS.setdefault(_w, _step)
