"""Shared helpers for results that point into a text with character offsets.

Every result type in newskit (sentences, quantities, dates, quotes, claims) has ``start``,
``end`` and ``text`` with ``source[start:end] == text``. This module holds the one check of
that promise. ``to_frame`` is re-exported from :mod:`newskit.tables`, the one DataFrame path,
so that ``newskit.spans.to_frame`` keeps working.

Example:
    >>> from newskit.spans import check_span
    >>> check_span("Hello world", 6, 11, "world")
"""
from __future__ import annotations

from newskit.tables import to_frame

__all__ = ["check_span", "to_frame"]


def check_span(source: str, start: int, end: int, text: str) -> None:
    """Raise ``AssertionError`` unless ``source[start:end] == text`` with valid bounds."""
    if not (0 <= start <= end <= len(source)) or source[start:end] != text:
        raise AssertionError(
            f"span ({start}, {end}) does not hold {text!r} in a text of {len(source)} characters"
        )
