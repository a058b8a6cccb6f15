"""The words around a quantity: what is counted, a change verb before it, an age, cents, a
ratio, a second bound, a smaller number after a scale word.

Each pattern is matched at the end of a quantity (``PATTERN.match(text, end)``) or searched
in a short window before its start (``PATTERN.search(text, start - n, start)``, the patterns
ending in ``$``); the steps of :mod:`newskit.quantities.steps` use them.

Example:
    >>> text = "Exports rose by 3,000 troops"
    >>> count_noun(text, text.index(" troops")), change(text, text.index("3,000"))
    (('troops', 28, 'count-noun'), '+')
"""
from __future__ import annotations

import re

from newskit.numbers import DIGIT_NUMBER, SPELLED_NUMBER, NumberOutOfRangeError, parse_digits, parse_spelled, word_trie
from newskit.quantities.patterns import QUALIFIER, UNIT, phrases
from newskit.quantities.units import UNITS
from newskit.quantities.words import AGE_AFTER_WORDS, CHANGE_BY_OF, CHANGE_OF, COUNT_MODIFIERS, COUNT_NOUNS

# --------------------------------------------------------------------------- counted nouns

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
    rf"\s+(?P<noun>(?i:{phrases(COUNT_NOUNS)}))(?![\w-])"
)
#: Any plural noun right after a number: "12 boxes", "2,500 additional doctors", "12
#: Americans", "5 Iraqis" (checked after the known nouns).
PLURAL_AFTER = re.compile(
    rf"(?:\s+of)?(?:\s+{word_trie(COUNT_MODIFIERS)})?"
    r"\s+(?P<noun>[a-z]{3,}(?<![su])s|[A-Z][a-z]{2,}(?:ans|is))\b(?![-'’])"
)
_OF_AFTER = re.compile(r"\s+of\b")


def count_noun(text: str, end: int, one: bool = False) -> tuple[str, int, str] | None:
    """The counted noun after a number ending at ``end``: ``(noun, its end, rule)`` with rule
    "count-noun" (a noun of ``count_nouns.txt``) or "count-plural" (any plural), or None.
    With ``one`` (the number is 1) "one of the X" is not a count of X."""
    m = COUNT_NOUN_AFTER.match(text, end)
    if m and one and _OF_AFTER.match(text[end:end + 5]):
        return None
    if m:
        return m.group("noun").lower(), m.end(), "count-noun"
    m = PLURAL_AFTER.match(text, end)
    if m and m.group("noun") not in _STOP_PLURALS and m.group("noun").lower() not in UNITS.by_word:
        return m.group("noun"), m.end(), "count-plural"
    return None


# --------------------------------------------------------------------------- change verbs

#: A change verb right before a quantity: "rose by", "fell", "up", "cut rates by".
CHANGE_BEFORE = re.compile(
    rf"(?i:\b(?:(?P<verb>{phrases(CHANGE_OF)})\s+(?:by\s+)?|(?P<verb_by>{phrases(CHANGE_BY_OF)})\s+"
    rf"(?:(?:[\w-]+\s+)?(?P<by>by)\s+)?)(?:(?:a|another|a\s+further)\s+)?)$"
)
#: The words a match of CHANGE_BEFORE ends with (before whitespace), lower case.
_CHANGE_LAST_WORDS = tuple({*CHANGE_OF, *CHANGE_BY_OF, "by", "a", "another", "further"})
_CHANGE_LAST_LEN = max(map(len, _CHANGE_LAST_WORDS))


def change(text: str, start: int, kind: str | None = None) -> str | None:
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
        return CHANGE_OF.get(m.group("verb").lower())
    if m.group("by") or kind in ("points", "percent"):
        return CHANGE_BY_OF.get(m.group("verb_by").lower())
    return None


# --------------------------------------------------------------------------- ages, angles

#: "years old", "years of age" after a duration: the quantity is an age.
AGE_AFTER = re.compile(rf"\s?-?\s?{word_trie(AGE_AFTER_WORDS)}\b")
AGE_BEFORE = re.compile(r"(?i:\b(?:aged?)\s+)$")
ANGLE_AFTER = re.compile(r"(?i:\s+(?:angle|turn|rotation)\b)")
ANGLE_BEFORE = re.compile(r"(?i:\b(?:rotate|turn|turned|rotated|tilt|tilted)(?:\s+\w+)?\s+)$")

# --------------------------------------------------------------------------- numbers after numbers

#: Cents after a whole amount of money: "3 dollars 50 cents", "thirteen dollars and forty-five".
CENTS_AFTER = re.compile(
    rf"(?:\s+and)?\s+(?:(?P<digits>\d{{1,2}})(?!\d)|(?P<words>{SPELLED_NUMBER}))"
    r"(?P<cents>\s+cents?\b)?",
    re.VERBOSE,
)
_DECIMALS_AT = re.compile(r"[.,]\d")
_CLOSING = ".,;!?)"


def cents(text: str, end: int, value: float) -> tuple[float, int]:
    """Cents after whole money units: ("3 dollars" + " 50 cents") -> (3.5, new end); the
    value and end unchanged where no cents follow."""
    cm = CENTS_AFTER.match(text, end)
    if not cm:
        return value, end
    if cm.group("digits"):
        cv, cend = float(cm.group("digits")), cm.end("digits")
        if _DECIMALS_AT.match(text[cend:cend + 2]):
            return value, end
    else:
        p = parse_spelled(cm.group("words"))
        if not p:
            return value, end
        cv, cend = p[0], cm.start("words") + p[1]
    if not (0 < cv < 100 and cv.is_integer()):
        return value, end
    if cm.group("cents") and cend == cm.start("cents"):
        return value + cv / 100, cm.end()
    follow = text[cend:cend + 6].strip().lower()
    if not follow or follow[0] in _CLOSING or follow.startswith(("and ", "or ")):
        return value + cv / 100, cend  # "15 dollars and 50."
    return value, end


#: A smaller number after a scale word: "4 thousand [3 hundred] [and 21]".
MIXED_TAIL = re.compile(
    r"(?:\s*,)?(?:\s+(?i:and))?\s+"
    rf"(?:(?P<digits>\d{{1,3}})(?![\d.,])(?:\s+(?P<scale>(?i:hundred|thousand|lakh|million|crore|billion))\b)?"
    rf"|(?P<words>{SPELLED_NUMBER}))",
    re.VERBOSE,
)
#: "two thirds of a million"
FRACTION_OF = re.compile(r"(?i:\s+of\s+an?\s+(thousand|million|billion|trillion)\b)")
#: "one out of three", "1 in 5", "3 over 4": a ratio.
RATIO_TAIL = re.compile(
    rf"\s+(?P<op>out\s+of|in(?:\s+every)?|over)\s+(?:(?P<digits>{DIGIT_NUMBER})|(?P<words>{SPELLED_NUMBER}))",
    re.VERBOSE,
)
#: A second bound after a qualified number: "more than 10 and less than 40".
COMPOUND_BOUND = re.compile(
    rf"\s*,?\s*(?:(?i:and|but)\s+)?(?P<qualifier>{QUALIFIER})(?:(?P<digits>{DIGIT_NUMBER})|(?P<words>{SPELLED_NUMBER}))"
    rf"(?:\s?(?P<unit>{UNIT}))?",
    re.VERBOSE,
)
#: "5 feet 2 inches", "5 feet, 2 in"
FEET_INCHES = re.compile(r"(?:,?\s+and|,)?\s+(?P<inches>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|″|\")")


def whole_number(m: re.Match) -> float | None:
    """The number of a match with a ``digits`` or a ``words`` group (RATIO_TAIL,
    COMPOUND_BOUND): None when the words hold more than one number or the digits have no
    float value."""
    if m.group("digits") is not None:
        try:
            return parse_digits(m.group("digits"))
        except NumberOutOfRangeError:
            return None
    p = parse_spelled(m.group("words"))
    if p is None or p[1] != len(m.group("words").rstrip()):
        return None
    return p[0]


# --------------------------------------------------------------------------- bare number words

#: Before a bare magnitude word: "several hundred" is at least a hundred.
VAGUE_BEFORE = re.compile(r"(?i:\b(?:several|few|many|a\s+couple\s+of)\s+)$")
#: After a bare "half" or "quarter" that is a quantity: "half of the vote", "a quarter million".
BARE_FRACTION_OK = re.compile(r"(?i:\s+(?:of|a|an|the|their|its|his|her|our|all|million|billion)\b)")
#: Before a "half" or "quarter" that is a part of a period: "the first half", "last quarter".
ORDINAL_BEFORE = re.compile(
    r"(?i:\b(?:first|second|third|fourth|last|next|previous|past|same|latest|current|each|every|"
    r"the|this|that|other|latter|former|back|top|bottom|final)\s+)$"
)
#: "-third" after a spelled fraction: a compound adjective ("a third-quarter loss").
COMPOUND_ADJECTIVE = re.compile(r"-[A-Za-z]")
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
