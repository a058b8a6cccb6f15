"""Matches that are part of a name or a title, not a time: "Orion 1980", "This Week With David
Brinkley", "VOA Today", "the Mail on Sunday".

Each test takes the text and the span of a match its rule resolved, and says whether the match
is part of a name; a rule names its test in its declaration (``@rule(..., part_of_name=...)``).

Example:
    >>> text = "He drove an Orion 1980 for years."
    >>> year_in_name(text, text.index("1980"), text.index("1980") + 4)
    True
"""
from __future__ import annotations

import re

from newskit.dates.lexicon import MONTHS, WORDS

SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:``|[\"“‘'(])?\s*$")
# a capitalised word before a Title-Case expression mid-sentence: a name ("High Noon", "VOA Today")
NAME_BEFORE = re.compile(r"(?:[A-Z][\w.'-]*|``|\"|'|“|‘)\s*$")
YEAR_IN_NAME_AFTER = re.compile(r"\s+(?!(?:A|In|On|At|The|And|But|When|As|To|For|By|After|Before)\b)[A-Z][a-z]+")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_SENTENCE_THEN_WORD = re.compile(r"[.!?]\s*\S+\s+$")
_POSSESSIVE_BEFORE = re.compile(r"'s\s+$")
_START_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_OPENING_QUOTE_BEFORE = re.compile(r"(?:``|[\"“‘'])$")  # right before the year
_CLOSING_QUOTE_AFTER = re.compile(r"[,.!?]?(?:''|[\"”’'])")  # right after it
# words before a year that make it a date, though capitalised ("In 1980", "Since 1990")
_DATE_WORDS = ("in", "since", "by", "fiscal", "until", "from", "through", "mid", "early", "late", "before", "after",
               "during", "of")


# names that hold a weekday, as written: "the Mail on Sunday", "Monday Night Football" (resources/dates/words.json)
WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(WORDS["weekday_names"], key=len, reverse=True))
                          + r")\b")
_NAME_REACH = 30  # how far around a weekday a name holding it may begin or end


def weekday_in_name(text: str, s: int, e: int) -> bool:
    """A weekday inside a newspaper's or a programme's name: "a Mail on Sunday poll", "the Sunday
    Times", "Monday Night Football".

    Example:
        >>> text = "a point made by a Mail on Sunday poll"
        >>> weekday_in_name(text, text.index("Sunday"), text.index("Sunday") + 6)
        True
    """
    if not text.endswith("on ", 0, s) and not text[e + 1:e + 2].isupper():
        return False  # neither "… on Sunday" nor "Sunday Times": no name holds it (a quick test first)
    for m in WEEKDAY_NAME.finditer(text, max(0, s - _NAME_REACH), min(len(text), e + _NAME_REACH)):
        if m.start() < e and s < m.end():
            return True
    return False


def year_in_name(text: str, s: int, e: int) -> bool:
    """A year after a capitalised word mid-sentence ("Orion 1980"), between a possessive and a
    capitalised word ("Kopp's 1987 Chevrolet"), or alone in quotation marks (the film “1917”): a
    model, a title, not the year."""
    before = text[max(0, s - 40):s]
    prev = _WORD_BEFORE.search(before)
    if prev and prev.group(1)[:1].isupper() and not prev.group(1).endswith(("'s", "’s")) \
            and prev.group(1).lower().strip(".,") not in MONTHS \
            and prev.group(1).lower().strip(".,") not in _DATE_WORDS \
            and not _SENTENCE_THEN_WORD.search(before) and not before.rstrip().endswith((".", ",")):
        return True  # "Orion 1980"
    if YEAR_IN_NAME_AFTER.match(text, e) and _POSSESSIVE_BEFORE.search(before):
        return True  # "Kopp's 1987 Chevrolet"
    return bool(_OPENING_QUOTE_BEFORE.search(before) and _CLOSING_QUOTE_AFTER.match(text, e))  # the film “1917”


def in_title(text: str, s: int, e: int) -> bool:
    """A Title-Case phrase of several words mid-sentence: "This Week With David Brinkley"."""
    word = text[s:e]
    before = text[max(0, s - 40):s]
    return bool(word[:1].isupper() and " " in word and all(w[:1].isupper() for w in word.split())
                and not _START_BEFORE.search(before))


def in_show_name(text: str, s: int, e: int) -> bool:
    """A capitalised expression after a capitalised word mid-sentence: "VOA Today", "High Noon"."""
    word = text[s:e]
    before = text[max(0, s - 40):s]
    return bool(word[:1].isupper() and NAME_BEFORE.search(before) and not SENTENCE_START.search(before))
