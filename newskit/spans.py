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

import warnings

from newskit.tables import to_frame

__all__ = ["check_span", "deprecated_alias", "to_frame"]


def check_span(source: str, start: int, end: int, text: str) -> None:
    """Raise ``AssertionError`` unless ``source[start:end] == text`` with valid bounds."""
    if not (0 <= start <= end <= len(source)) or source[start:end] != text:
        raise AssertionError(
            f"span ({start}, {end}) does not hold {text!r} in a text of {len(source)} characters"
        )


def deprecated_alias(new_name: str, old_name: str, removed_in: str = "0.3"):
    """A read-only property ``old_name`` that returns the field ``new_name`` and warns.

    For a result field that was renamed: code that reads the old name keeps working for a
    release, with a ``DeprecationWarning`` that names the new one.

    Example:
        >>> import warnings
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True)
        ... class R:
        ...     kind: str
        ...     type = deprecated_alias("kind", "type")
        >>> with warnings.catch_warnings(record=True) as w:
        ...     warnings.simplefilter("always")
        ...     R("DATE").type, w[0].category.__name__
        ('DATE', 'DeprecationWarning')
    """

    def get(self):
        warnings.warn(f"{type(self).__name__}.{old_name} is deprecated and will be removed in newskit "
                      f"{removed_in}; use .{new_name}", DeprecationWarning, stacklevel=2)
        return getattr(self, new_name)

    return property(get, doc=f"Deprecated alias of ``{new_name}``.")
