"""Shared helpers for results that point into a text with character offsets.

Every result type in newskit (sentences, quantities, dates, quotes, claims) has ``start``,
``end`` and ``text`` with ``source[start:end] == text``. This module holds the one check of
that promise and the one DataFrame conversion, so that the extractors do not repeat them.

Example:
    >>> from newskit.spans import check_span
    >>> check_span("Hello world", 6, 11, "world")
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterable


def check_span(source: str, start: int, end: int, text: str) -> None:
    """Raise ``AssertionError`` unless ``source[start:end] == text`` with valid bounds."""
    if not (0 <= start <= end <= len(source)) or source[start:end] != text:
        raise AssertionError(
            f"span ({start}, {end}) does not hold {text!r} in a text of {len(source)} characters"
        )


def span_records(items: Iterable[Any]) -> list[dict]:
    """Turn dataclass results into flat dict rows (nested dataclasses become their fields)."""
    rows = []
    for item in items:
        if dataclasses.is_dataclass(item):
            row = {}
            for f in dataclasses.fields(item):
                if not f.repr:
                    continue
                value = getattr(item, f.name)
                if isinstance(value, (list, tuple)) and value and dataclasses.is_dataclass(value[0]):
                    value = "; ".join(getattr(v, "text", str(v)) for v in value)
                row[f.name] = value
            rows.append(row)
        else:
            rows.append(dict(item))
    return rows


def to_frame(items: Iterable[Any], cls: type | None = None):
    """A pandas DataFrame with one row per result.

    Args:
        items: result objects (frozen dataclasses) or dicts.
        cls: the result type, so that an empty list still gives a frame with its columns.

    Example:
        >>> import newskit
        >>> to_frame(newskit.split_sentences("One. Two.")).text.tolist()
        ['One.', 'Two.']
    """
    import pandas as pd

    rows = span_records(items)
    if not rows and cls is not None and dataclasses.is_dataclass(cls):
        return pd.DataFrame(columns=[f.name for f in dataclasses.fields(cls) if f.repr])
    return pd.DataFrame(rows)
