"""The one way newskit turns results into pandas DataFrames.

Every frame newskit builds goes through this module: :func:`to_frame` of a list of results,
``Analysis.to_frames()``, and the tables of ``analyze_corpus`` (in memory, read back from disk,
or computed on Dask). The same results therefore have the same columns and the same dtypes
wherever they come from, and frames of different articles, chunks and partitions concatenate
and compare cleanly.

A result type's columns are the ``repr`` fields of its dataclass, in order. Their dtypes come
from the field annotations, through a small set of *logical types*:

=========  ===========  =====================================================
logical    pandas       meaning
=========  ===========  =====================================================
``int``    ``int64``    a whole number, always present
``int?``   ``Int64``    a whole number or missing (``int | None``)
``float``  ``float64``  a number (``float?``: missing is NaN)
``bool``   ``bool``     True/False (``bool?``: pandas ``boolean``)
``str``    ``object``   text (``str?``: None where missing)
``date``   ``object``   ``datetime.date`` values (``datetime`` likewise)
``any``    ``object``   anything else; tuples of results become ``"a; b"`` text
=========  ===========  =====================================================

pandas is imported when a frame is made, never when newskit is imported.

Example:
    >>> import newskit
    >>> frame = to_frame(newskit.split_sentences("One. Two."))
    >>> frame.text.tolist(), frame.dtypes.astype(str).tolist()
    (['One.', 'Two.'], ['int64', 'int64', 'object'])
"""
from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any, Iterable, Mapping

__all__ = ["PANDAS_DTYPES", "to_frame", "logical_type", "logical_schema", "schema", "records",
           "tidy_frame", "typed_frame", "frame_of_columns", "flat_value", "is_missing"]

#: Logical column types: how a column is held in pandas and written to disk.
#: ``int?``/``bool?`` are optional (nullable); ``any`` is anything else (kept as Python objects,
#: written to disk as text).
PANDAS_DTYPES = {"int": "int64", "int?": "Int64", "float": "float64", "float?": "float64",
                 "bool": "bool", "bool?": "boolean", "str": "object", "str?": "object",
                 "date": "object", "datetime": "object", "any": "object"}

#: Annotation text of a simple type -> its logical type.
_SIMPLE = {"int": "int", "float": "float", "str": "str", "bool": "bool",
           "date": "date", "dt.date": "date", "datetime.date": "date",
           "datetime": "datetime", "dt.datetime": "datetime", "datetime.datetime": "datetime"}


# --------------------------------------------------------------------------- schemas


def logical_type(annotation: Any) -> str:
    """The logical type of a field annotation: ``"int"``, ``"int?"`` (``int | None``), ``"date"`` …

    Example:
        >>> logical_type("int | None"), logical_type("Optional[dt.date]"), logical_type("tuple")
        ('int?', 'date', 'any')
    """
    if isinstance(annotation, str):
        text = annotation
    elif isinstance(annotation, type):
        text = {"date": "date", "datetime": "datetime"}.get(annotation.__name__, annotation.__name__)
    else:
        text = str(annotation).replace("typing.", "").replace("datetime.", "")
    text = text.replace(" ", "")
    optional = False
    if text.startswith("Optional[") and text.endswith("]"):
        text, optional = text[len("Optional["):-1], True
    parts = [p for p in text.split("|") if p]
    if "None" in parts or "NoneType" in parts:
        optional = True
        parts = [p for p in parts if p not in ("None", "NoneType")]
    base = _SIMPLE.get(parts[0]) if len(parts) == 1 else None
    if base is None:
        return "any"
    return base + "?" if optional and base in ("int", "float", "str", "bool") else base


def logical_schema(cls: type | None) -> dict[str, str]:
    """Column -> logical type for a result dataclass, from its field annotations.

    Every frame newskit builds for a result type has these columns and dtypes whatever its rows
    hold (an empty frame, a frame where an optional number is always missing …).

    Example:
        >>> from newskit.sentences import Sentence
        >>> logical_schema(Sentence)
        {'start': 'int', 'end': 'int', 'text': 'str'}
    """
    if cls is None or not dataclasses.is_dataclass(cls):
        return {}
    return {f.name: logical_type(f.type) for f in dataclasses.fields(cls) if f.repr}


def schema(cls: type | None) -> dict[str, str]:
    """Column -> pandas dtype for a result dataclass (see :func:`logical_schema`)."""
    return {name: PANDAS_DTYPES[t] for name, t in logical_schema(cls).items()}


# --------------------------------------------------------------------------- rows and values


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.repr)


def records(items: Iterable[Any]) -> list[dict]:
    """Result dataclasses as plain dict rows (their ``repr`` fields; values as they are)."""
    rows = []
    for item in items:
        if dataclasses.is_dataclass(item):
            rows.append({name: getattr(item, name) for name in _field_names(type(item))})
        else:
            rows.append(dict(item))
    return rows


def is_missing(value) -> bool:
    """None, NaN, pd.NA or NaT: no value (a list, tuple or dict is a value)."""
    if value is None:
        return True
    if isinstance(value, (str, int)):  # the common cells, without asking pandas (bool is an int)
        return False
    if isinstance(value, float):
        return value != value
    if isinstance(value, (list, tuple, dict)):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def flat_value(value: Any) -> Any:
    """A cell value fit for a table: tuples and lists become ``"a; b"`` text, dicts JSON.

    Example:
        >>> flat_value(("a", "b")), flat_value({"k": 1}), flat_value(3)
        ('a; b', '{"k": 1}', 3)
    """
    if isinstance(value, (list, tuple)):
        return "; ".join(str(getattr(v, "text", v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, default=str, ensure_ascii=False)
    return value


# --------------------------------------------------------------------------- frames


def to_frame(items: Iterable[Any], cls: type | None = None, prefix: Mapping[str, Any] | None = None):
    """A pandas DataFrame with one row per result, typed by the result's dataclass.

    Args:
        items: result objects (frozen dataclasses) or dicts.
        cls: the result type, so that an empty list still gives a frame with its columns and
            dtypes (by default the type of the first item).
        prefix: constant columns put first (``{"article_id": "a1"}``).

    Example:
        >>> import newskit
        >>> to_frame(newskit.split_sentences("One. Two.")).text.tolist()
        ['One.', 'Two.']
        >>> from newskit.sentences import Sentence
        >>> list(to_frame([], Sentence).columns)
        ['start', 'end', 'text']
    """
    items = items if isinstance(items, (list, tuple)) else list(items)
    if cls is None and items and dataclasses.is_dataclass(items[0]):
        cls = type(items[0])
    return tidy_frame(records(items), logical_schema(cls), prefix)


def tidy_frame(rows: list[dict] | Any, logical: Mapping[str, str], prefix: Mapping[str, Any] | None = None):
    """:func:`typed_frame` from a logical schema; ``any`` columns are flattened (:func:`flat_value`)."""
    flat = [name for name, t in logical.items() if t == "any"]
    if flat and not hasattr(rows, "columns"):
        rows = [{**r, **{n: flat_value(r[n]) for n in flat if n in r}} for r in rows]
    return typed_frame(rows, {n: PANDAS_DTYPES[t] for n, t in logical.items()}, prefix)


def typed_frame(rows: list[dict] | Any, columns: Mapping[str, str], prefix: Mapping[str, Any] | None = None):
    """A DataFrame of ``rows`` with the given column dtypes (and constant ``prefix`` columns first).

    ``rows`` is a list of dicts or a DataFrame (retyped). Columns of ``rows`` not in
    ``columns`` are kept after them (as pandas infers them).
    """
    import pandas as pd

    if not isinstance(rows, pd.DataFrame):
        return _frame_of_rows(rows if isinstance(rows, list) else list(rows), columns, dict(prefix or {}))
    frame = rows.reset_index(drop=True)
    prefix = dict(prefix or {})
    for name in columns:
        if name not in frame.columns:
            frame[name] = pd.Series([None] * len(frame), dtype="object")
    order = list(prefix) + list(columns) + [c for c in frame.columns if c not in columns and c not in prefix]
    for name, value in prefix.items():
        frame[name] = pd.Series([value] * len(frame), dtype="object")
    frame = frame[order]
    for name, dtype in columns.items():
        frame[name] = _typed_column(frame[name], dtype)
    for name in frame.columns:
        if name not in columns:
            frame[name] = _plain_strings(frame[name])
    return frame


def _typed_column(column, dtype: str):
    """A column as ``dtype``; in object columns the one marker for "no value" is None, not NaN;
    a value that does not fit the dtype keeps the column as objects."""
    if dtype == "object":
        column = column.astype("object")
        missing = column.isna()
        return column.where(~missing, None) if missing.any() else column
    try:
        return column.astype(dtype)
    except (TypeError, ValueError):
        return column.astype("object")


def _plain_strings(column):
    """One string representation everywhere: an inferred string column becomes plain objects."""
    import pandas as pd

    return column.astype("object") if isinstance(column.dtype, pd.StringDtype) else column


def _frame_of_rows(rows: list[dict], columns: Mapping[str, str], prefix: dict):
    """:func:`typed_frame` of dict rows: their values gathered column by column."""
    names = list(columns) + list(dict.fromkeys(k for r in rows for k in r if k not in columns))
    data = {name: [r.get(name) for r in rows] for name in names if name not in prefix}
    return frame_of_columns(data, columns, prefix, len(rows))


def frame_of_columns(data: Mapping[str, list], columns: Mapping[str, str], prefix: Mapping[str, Any] | None = None,
                     n: int | None = None):
    """:func:`typed_frame` of values given column by column (``data[name]`` a list per column,
    all of length ``n``): declared text columns are made as plain objects at once (no detour
    through inferred string types), the rest typed as :func:`typed_frame` types them."""
    import pandas as pd

    prefix = dict(prefix or {})
    if n is None:
        n = len(next(iter(data.values()))) if data else 0
    frame = {name: pd.Series([value] * n, dtype="object") for name, value in prefix.items()}
    for name, dtype in columns.items():
        if name in prefix:
            continue
        values = data.get(name)
        if values is None:
            values = [None] * n
        # text columns made as objects at once: no detour through an inferred string type
        column = pd.Series(values, dtype="object") if dtype == "object" else pd.Series(values)
        frame[name] = _typed_column(column, dtype)
    for name, values in data.items():
        if name not in columns and name not in prefix:
            frame[name] = _plain_strings(pd.Series(values))
    return pd.DataFrame(frame, index=pd.RangeIndex(n))
