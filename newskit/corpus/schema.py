"""The tables of a corpus result: their names, columns and dtypes.

Every table starts with ``doc`` (the article's position in the corpus, unique) and
``article_id``. Then ``articles`` has the article row of an
:class:`~newskit.analysis.Analysis` (metadata and counts), each result table the fields of its
result type (``newskit.analysis.RESULT_TYPES``), and ``errors`` where and why a document
failed. The frames are made by :mod:`newskit.tables`, so a corpus table has the columns and
dtypes of ``to_frame`` and ``Analysis.to_frames`` for the same results.

Example:
    >>> table_dtypes("errors")["record"]
    'Int64'
"""
from __future__ import annotations

from newskit.analysis import ARTICLE_LOGICAL, logical_schema, result_type
from newskit.tables import PANDAS_DTYPES, typed_frame

#: The tables of a corpus result, in order.
TABLES = ("articles", "quantities", "dates", "quotes", "sources", "claims", "errors")

_KEY = {"doc": "int", "article_id": "str?"}
ERRORS_LOGICAL = {**_KEY, "path": "str?", "record": "int?", "stage": "str", "error": "str", "reason": "str"}


def table_logical(table: str) -> dict[str, str]:
    """Column -> logical type of one corpus table (see :func:`newskit.analysis.logical_type`)."""
    if table == "articles":
        return {**_KEY, **ARTICLE_LOGICAL}
    if table == "errors":
        return dict(ERRORS_LOGICAL)
    if table in TABLES:
        return {**_KEY, **logical_schema(result_type(table))}
    raise ValueError(f"unknown table {table!r}; tables are {list(TABLES)}")


def table_dtypes(table: str) -> dict[str, str]:
    """Column -> pandas dtype of one corpus table."""
    return {name: PANDAS_DTYPES[t] for name, t in table_logical(table).items()}


def empty_table(table: str):
    """An empty DataFrame with the columns and dtypes of one table (Dask's ``meta``).

    Example:
        >>> list(empty_table("errors").columns)
        ['doc', 'article_id', 'path', 'record', 'stage', 'error', 'reason']
    """
    return typed_frame([], table_dtypes(table))
