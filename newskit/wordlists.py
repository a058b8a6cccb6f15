"""Reading the word lists and tables shipped in ``newskit/resources`` (one reader for all).

Example:
    >>> "mr" in word_lines("abbreviations.txt")
    True
"""
from __future__ import annotations

import json
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
