"""Beyond one machine: the per-chunk analysis on the partitions of a ``dask.dataframe``.

:func:`analyze_partition` is the function for ``map_partitions`` (one table, with
:func:`empty_table` as its ``meta``); :func:`analyze_dask` gives every table from one pass
over the partitions. Both run :func:`~newskit.corpus.chunk.analyze_items`, the function of the
local worker pool, so the tables are the same as ``analyze_corpus``'s. Dask is the ``[dask]``
extra, imported when these functions run.
"""
from __future__ import annotations

import operator
from typing import Iterable

from newskit.corpus.chunk import analyze_items
from newskit.corpus.items import frame_items
from newskit.corpus.result import CorpusResult
from newskit.corpus.schema import TABLES, empty_table, table_dtypes
from newskit.errors import missing_extra
from newskit.tables import typed_frame

__all__ = ["analyze_frame", "analyze_partition", "analyze_dask", "empty_table"]


def analyze_frame(frame, extractors=None, fields=None) -> dict:
    """Every table for a pandas DataFrame of articles (one row per article).

    The frame needs a text column (``text``, ``body``, ``content`` …; or name it with
    ``fields={"text": "story"}``) and may have ``title``, ``published``, ``id`` … as
    ``newskit.load`` reads them from JSON/CSV. ``doc`` is the frame's index label, so with a
    default index it is the row position, as in :func:`analyze_corpus`.
    """
    items = ((item[3], item) for item in frame_items(frame))
    return analyze_items(items, extractors=extractors, fields=fields)


def analyze_partition(frame, table: str = "claims", extractors=None, fields=None):
    """One table for a partition of articles: the function for ``map_partitions``.

    Example (with the ``[dask]`` extra)::

        import dask.dataframe as dd
        from newskit.corpus import analyze_partition, empty_table
        ddf = dd.from_pandas(articles_df, npartitions=8)
        claims = ddf.map_partitions(analyze_partition, table="claims", meta=empty_table("claims"))
        claims.to_parquet("claims/")

    Each call analyses its partition; to get several tables from one pass use
    :func:`analyze_dask`.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables are {list(TABLES)}")
    return analyze_frame(frame, extractors=extractors, fields=fields)[table]


def _import_dask():
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as err:
        raise missing_extra("dask", "dask") from err
    return dask, dd


def analyze_dask(ddf, tables: Iterable[str] = TABLES, extractors=None, fields=None, compute: bool = False):
    """Analyse a ``dask.dataframe`` of articles; each partition is analysed once for all tables.

    Args:
        ddf: a Dask DataFrame with one row per article (columns as for :func:`analyze_frame`).
        tables: which tables to return.
        compute: False (default) returns ``{table: dask DataFrame}``, lazy — compute them
            together (``dask.compute(*d.values())``) so partitions are analysed once; True
            computes them and returns a :class:`CorpusResult`.

    Raises:
        MissingDependencyError: Dask is not installed (``pip install 'newskit[dask]'``).
    """
    dask, dd = _import_dask()
    tables = list(tables)
    parts = ddf.to_delayed()
    done = [dask.delayed(analyze_frame)(p, extractors=extractors, fields=fields) for p in parts]
    # keep Python objects (dates …) as they are: no conversion of object columns to strings
    with dask.config.set({"dataframe.convert-string": False}):
        lazy = {t: dd.from_delayed([dask.delayed(operator.getitem)(d, t) for d in done],
                                   meta=empty_table(t), verify_meta=False) for t in tables}
        if not compute:
            return lazy
        computed = dask.compute(*lazy.values())
    return CorpusResult({t: typed_frame(f, table_dtypes(t)) for t, f in zip(tables, computed)})
