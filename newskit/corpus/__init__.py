"""Analysing a corpus: streaming, in parallel on local cores, or on a Dask cluster.

:func:`analyze_corpus` reads articles lazily (files, directories, glob patterns, iterables of
Articles or texts, DataFrames), analyses them in chunks on a pool of worker processes, and
returns a :class:`CorpusResult` of tidy tables: ``articles``, ``quantities``, ``dates``,
``quotes``, ``sources``, ``claims`` and ``errors``. Every table starts with ``doc`` (the
article's position in the corpus, unique) and ``article_id``.

Nothing is lost silently: a document that cannot be read or analysed becomes a row of
``errors`` with its reason, and every other document is analysed. With ``out=DIR`` each chunk
is written to disk as soon as it is done (``DIR/<table>/part-00000.parquet`` …, each written
to a temporary file and renamed into place), so memory stays flat however large the corpus.

Beyond one machine, :func:`analyze_partition` is the same per-chunk function for
``dask.dataframe.map_partitions`` and :func:`analyze_dask` runs every table in one pass.

The package's modules are the stages of a run, lowest first:

- :mod:`~newskit.corpus.schema`: the tables, their columns and dtypes (``empty_table``);
- :mod:`~newskit.corpus.items`: the sources read lazily as work items;
- :mod:`~newskit.corpus.storage`: formats, part files, the manifest, atomic writes;
- :mod:`~newskit.corpus.chunk`: one chunk analysed in a worker (``analyze_items``);
- :mod:`~newskit.corpus.result`: :class:`CorpusResult`;
- :mod:`~newskit.corpus.runner`: :func:`analyze_corpus`, its chunks and its process pool;
- :mod:`~newskit.corpus.dask`: ``analyze_frame``, ``analyze_partition``, ``analyze_dask``.

Example:
    >>> import newskit
    >>> from newskit.samples import SAMPLES_DIR
    >>> result = newskit.analyze_corpus(SAMPLES_DIR, jobs=1, progress=False)
    >>> len(result.articles), len(result.errors)
    (7, 0)
"""
from __future__ import annotations

from newskit.corpus.chunk import analyze_items
from newskit.corpus.dask import analyze_dask, analyze_frame, analyze_partition
from newskit.corpus.result import CorpusResult
from newskit.corpus.runner import DEFAULT_CHUNK_SIZE, analyze_corpus
from newskit.corpus.schema import ERRORS_LOGICAL, TABLES, empty_table, table_dtypes, table_logical
from newskit.corpus.storage import OUTPUT_FORMATS, read_table, write_table

__all__ = ["TABLES", "OUTPUT_FORMATS", "DEFAULT_CHUNK_SIZE", "ERRORS_LOGICAL", "CorpusResult",
           "analyze_corpus", "analyze_partition", "analyze_frame", "analyze_dask", "analyze_items",
           "empty_table", "read_table", "write_table", "table_logical", "table_dtypes"]
