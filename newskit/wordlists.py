"""Reading the word lists and tables shipped in ``newskit/resources`` (one reader for all),
and folding text to match them.

Example:
    >>> "mr" in word_lines("shared/abbreviations.txt")
    True
"""
from __future__ import annotations

import json
import re
from importlib import resources


def read_resource(name: str) -> str:
    """The text of ``newskit/resources/<name>`` (UTF-8)."""
    return resources.files("newskit.resources").joinpath(name).read_text(encoding="utf-8")


def read_json(name: str):
    """A JSON table from ``newskit/resources``."""
    return json.loads(read_resource(name))


def word_lines(name: str) -> list[str]:
    """The non-blank lines of a word list, stripped, without ``#`` comment lines."""
    return [ln.strip() for ln in read_resource(name).splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


# The letters that ``re.IGNORECASE`` matches to an ASCII letter although their lower case is not
# that letter: "ſ" → "s", "ı" and "İ" → "i", the Kelvin sign → "k".
_IGNORECASE_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_HAS_TWIN = re.compile("[\u0130\u0131\u017f\u212a]")


def fold_case(text: str) -> str:
    """The text in lower case, with IGNORECASE's non-ASCII twins of ASCII letters made ASCII.

    It has the length of ``text`` (offsets carry over), and a lower-case pattern matches it,
    without IGNORECASE, exactly where the pattern matches ``text`` with IGNORECASE.

    Example:
        >>> fold_case("Next WEEK, ſoon")
        'next week, soon'
    """
    if _HAS_TWIN.search(text):
        text = text.translate(_IGNORECASE_TWINS)
    return text.lower()
