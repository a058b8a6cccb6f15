"""Numbers as written in news: digits with separators and spelled-out English numbers.

This module holds the number grammar that :mod:`newskit.quantities` builds on: the regular
expression sources for a number in digits (``3,000``, ``1.5``, ``2 1/4``, ``½``, ``1.3e6``) and
for a spelled-out number (``two-thirds``, ``one hundred and five``, ``half a dozen``), and the
parsers that turn the matched text into a float. The word lists live in
``newskit/resources/number_words.json``.

Example:
    >>> parse_spelled("two hundred and two thousand")
    (202000.0, 28)
    >>> parse_digits("1,234,567.5")
    1234567.5
"""
from __future__ import annotations

import re
from newskit.wordlists import read_json

_WORDS = read_json("number_words.json")

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


def _alternation(words) -> str:
    """A case-insensitive regex for literal words (a trie, longest first)."""
    return word_trie(words)


_CARDINAL = _alternation([*ONES, *TEENS, *TENS, *HUNDRED, *MAGNITUDES, *DOZEN])
_FRACTION = _alternation([*FRACTIONS, *ORDINAL_ONES])
_DIGIT_WORD = _alternation([*ONES, *TEENS, *TENS])
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
        (?:{_alternation(NEGATIVE)}\s+)?
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


def parse_digits(text: str) -> float:
    """The value of a number written in digits (as matched by :data:`DIGIT_NUMBER`).

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
        parts = s.split()
        whole = float(parts[0]) if len(parts) == 2 else 0.0
        num, den = parts[-1].split("/")
        return whole + float(num) / float(den) if float(den) else float("nan")
    for sep in (",", " ", "\u00a0", "\u202f", "\u2009"):
        s = s.replace(sep, "")
    m = _POWER.fullmatch(s)
    if m and (m.group(2) or m.group(4)):
        base = float(m.group(1))
        if m.group(2):
            return base * 10 ** int(m.group(2).replace("−", "-"))
        exp = int(m.group(4))
        if m.group(3).count("-") == 1:
            exp = -exp
        return base**exp
    return float(s)


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

    Example:
        >>> parse_spelled("two and a half million")
        (2500000.0, 22)
        >>> parse_spelled("twenty five and thirty six")
        (25.0, 11)
    """
    toks = [(m.group().lower(), m.end()) for m in _TOKEN.finditer(text)]
    n = len(toks)
    i = 0
    sign = 1.0
    if n and toks[0][0] in NEGATIVE:
        sign = -1.0
        i = 1
    total = 0.0  # completed groups (before the last magnitude word)
    cur = 0.0  # the group being built (below the next magnitude word)
    last = None  # kind of the last token consumed
    end = 0  # character end of the last token that completes a number
    last_mag = float("inf")
    implicit_one = False

    def try_fraction(j: int):
        """'a half' / 'two thirds' / 'one fourth' starting at token j: (num, den, next_j)."""
        if j >= n:
            return None
        w = toks[j][0]
        if w in ("a", "an", "one") and j + 1 < n and toks[j + 1][0] in FRACTIONS:
            return 1.0, FRACTIONS[toks[j + 1][0]], j + 2
        if w in ONES and j + 1 < n and toks[j + 1][0] in FRACTIONS:
            return float(ONES[w]), FRACTIONS[toks[j + 1][0]], j + 2
        if w in TENS and j + 2 < n and toks[j + 1][0] in ONES and toks[j + 2][0] in FRACTIONS \
                and FRACTIONS[toks[j + 2][0]] >= 100:  # "two and fifty-four hundredths" = 2.54
            return float(TENS[w] + ONES[toks[j + 1][0]]), FRACTIONS[toks[j + 2][0]], j + 3
        return None

    while i < n:
        w = toks[i][0]
        if w in ("and", "&"):
            if last is None or last == "frac":
                break
            fr = try_fraction(i + 1)
            if fr:
                num, den, j = fr
                if last == "mag":
                    # "one million and a half" = 1.5 million; "one billion and a quarter
                    # million" = 1e9 + 0.25e6
                    if j < n and toks[j][0] in MAGNITUDES and MAGNITUDES[toks[j][0]] < last_mag:
                        cur = total + num / den * MAGNITUDES[toks[j][0]]
                        j += 1
                    else:
                        cur = total + num / den * last_mag
                else:
                    cur = total + cur + num / den
                total = 0.0
                last, end, i = "frac", toks[j - 1][1], j
                continue
            if last in ("hundred", "mag", "dozen") and i + 1 < n and (
                toks[i + 1][0] in ONES or toks[i + 1][0] in TEENS or toks[i + 1][0] in TENS
            ):
                i += 1
                continue
            break
        if w in ("a", "an"):
            nxt = toks[i + 1][0] if i + 1 < n else ""
            if last is None and (nxt in HUNDRED or nxt in MAGNITUDES or nxt in DOZEN or nxt in FRACTIONS or (
                nxt in TENS and i + 2 < n and toks[i + 2][0] in ORDINAL_ONES
            )):
                implicit_one = True
                i += 1
                continue
            if last == "frac" and (nxt in DOZEN or nxt in MAGNITUDES):
                i += 1
                continue
            break
        if w in ONES:
            if last in ("ones", "teen", "frac", "dozen"):
                break
            cur += ONES[w]
            last = "ones"
        elif w in TEENS:
            if last in ("ones", "teen", "tens", "frac", "dozen"):
                break
            cur += TEENS[w]
            last = "teen"
        elif w in TENS:
            nxt = toks[i + 1][0] if i + 1 < n else ""
            after_and = i >= 1 and toks[i - 1][0] in ("and", "&")
            if not after_and and last in ("ones", "teen", "hundred", "mag", "tens") and nxt in ORDINAL_ONES and nxt not in ("third", "thirds") or (
                implicit_one and last is None and nxt in ORDINAL_ONES
            ):
                # "one twenty-fifth" = 1/25, "a twenty-first" = 1/21
                if not (last in ("hundred", "mag") and not nxt.endswith("s")) or implicit_one:
                    cur = (total + cur or 1.0) / (TENS[w] + ORDINAL_ONES[nxt])
                    total = 0.0
                    last, end, i = "frac", toks[i + 1][1], i + 2
                    continue
            if last in ("ones", "teen", "tens", "frac", "dozen"):
                break
            cur += TENS[w]
            last = "tens"
        elif w in HUNDRED:
            if cur >= 100 or last in ("hundred", "frac", "dozen"):
                break
            cur = (cur or 1.0) * 100
            last = "hundred"
        elif w in MAGNITUDES:
            v = MAGNITUDES[w]
            if last == "mag" and cur == 0:
                total *= v  # "three lakh crore"
            elif v >= last_mag and last != "frac":
                break
            else:
                total += (cur or 1.0) * v
                cur = 0.0
            last_mag = v
            last = "mag"
        elif w in DOZEN:
            if last in ("dozen", "mag"):
                break
            cur = (cur or 1.0) * DOZEN[w]
            last = "dozen"
        elif w in FRACTIONS or w in ORDINAL_ONES:
            den = FRACTIONS.get(w) or ORDINAL_ONES[w]
            if last == "tens" and w in ORDINAL_ONES and i >= 1 and toks[i - 1][0] in TENS:
                # a compound ordinal denominator: "three twenty-firsts" = 3/21,
                # "one hundred thirty fifths" = 100/35; without a numerator "twenty-fifth"
                # is an ordinal (not a number) while "twenty fifths" is 20/5
                tens = TENS[toks[i - 1][0]]
                numerator = total + cur - tens
                after_and = i >= 2 and toks[i - 2][0] in ("and", "&")
                if (numerator > 0 or implicit_one) and not after_and:
                    cur = (numerator or 1.0) / (tens + ORDINAL_ONES[w])
                    total = 0.0
                    last = "frac"
                    end = toks[i][1]
                    i += 1
                    continue
                if not w.endswith("s") or w not in FRACTIONS:
                    if i == 1 or (i == 2 and sign < 0):
                        return None
                    break
            if w not in FRACTIONS:
                break
            if last is None:
                if implicit_one:
                    cur = 1.0 / den
                elif w in ("half", "quarter"):
                    cur = 1.0 / den
                else:
                    break  # "third" alone is an ordinal
            elif last in ("ones", "teen", "tens", "hundred", "mag"):
                cur = (total + cur) / den
                total = 0.0
            else:
                break
            last = "frac"
        elif w == "point" and last in ("ones", "teen", "tens", "hundred", "mag"):
            digits = ""
            j = i + 1
            while j < n:
                d = _word_digits(toks[j][0])
                if d is None:
                    break
                if toks[j][0] in TENS and j + 1 < n and toks[j + 1][0] in ONES:
                    d = str(TENS[toks[j][0]] + ONES[toks[j + 1][0]])  # "seventy-one"
                    j += 1
                digits += d
                j += 1
            if not digits:
                break
            cur += float("0." + digits)
            last, end, i = "point", toks[j - 1][1], j
            break
        else:
            break
        end = toks[i][1]
        i += 1
    if last is None or end == 0:
        return None
    return sign * (total + cur), end
