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

Example:
    >>> import newskit
    >>> from newskit.samples import SAMPLES_DIR
    >>> result = newskit.analyze_corpus(SAMPLES_DIR, jobs=1, progress=False)
    >>> len(result.articles), len(result.errors)
    (7, 0)
"""
from __future__ import annotations

import collections
import glob
import json
import multiprocessing
import os
import operator
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from newskit.analysis import (
    ARTICLE_LOGICAL,
    EXTRACTORS,
    PANDAS_DTYPES,
    Analysis,
    analyze,
    logical_schema,
    result_type,
)
from newskit.article import Article
from newskit.errors import NewskitError, missing_extra
from newskit.loading import FORMATS, LoadError, expand_sources, load_corpus, looks_like_path

#: The tables of a corpus result, in order.
TABLES = ("articles", "quantities", "dates", "quotes", "sources", "claims", "errors")

#: Output formats of ``analyze_corpus(out=...)`` and :meth:`CorpusResult.save`.
OUTPUT_FORMATS = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}

#: File types read inside the workers (one article per file); others are streamed here.
_SINGLE_RECORD = {"txt", "html"}

#: Articles per chunk sent to a worker (also the unit of progress and of part files).
DEFAULT_CHUNK_SIZE = 64

_KEY = {"doc": "int", "article_id": "str?"}
ERRORS_LOGICAL = {**_KEY, "path": "str?", "record": "int?", "stage": "str", "error": "str", "reason": "str"}


# --------------------------------------------------------------------------- table schemas


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
    from newskit.tables import typed_frame

    return typed_frame([], table_dtypes(table))


# --------------------------------------------------------------------------- work items


def _is_path(source: str) -> bool:
    """Whether a str in a list of sources names files (else it is the text of an article).

    A missing file with a known extension counts as a path (it is reported as not found).
    """
    if looks_like_path(source):
        return True
    return ("\n" not in source and len(source) < 1024 and any(ch in source for ch in "*?[")
            and bool(glob.glob(source, recursive=True)))


def _path_items(source, fields) -> Iterator[tuple]:
    for path in expand_sources(source):
        fmt = FORMATS.get(path.suffix.lower())
        if fmt in _SINGLE_RECORD or not path.exists():
            yield ("path", str(path))
        else:  # several articles per file (JSON Lines, CSV …): stream them from here
            for item in load_corpus(path, fields=fields):
                yield ("error", item) if isinstance(item, LoadError) else ("article", item)


def _frame_items(frame, name: str = "frame") -> Iterator[tuple]:
    """One ``record`` item per row; its number is the row's integer index label (else position)."""
    step = 1024
    for lo in range(0, len(frame), step):
        part = frame.iloc[lo:lo + step]
        for j, (label, record) in enumerate(zip(part.index, part.to_dict("records"))):
            try:
                number = operator.index(label)
            except TypeError:
                number = lo + j
            clean = {str(k): (None if _is_missing(v) else v) for k, v in record.items()}
            yield ("record", clean, name, number)


def _is_missing(value) -> bool:
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


def _items(sources, fields=None) -> Iterator[tuple]:
    """Work items, lazily: ``("path", p)``, ``("article", a)``, ``("record", r, name, i)``,
    ``("text", s)`` or ``("error", LoadError)``."""
    import pandas as pd

    if isinstance(sources, pd.DataFrame):
        yield from _frame_items(sources)
        return
    if isinstance(sources, (str, os.PathLike)):
        yield from _path_items(sources, fields)
        return
    if isinstance(sources, (Article, LoadError, Mapping)):
        sources = [sources]
    for i, src in enumerate(sources):
        if isinstance(src, Article):
            yield ("article", src)
        elif isinstance(src, LoadError):
            yield ("error", src)
        elif isinstance(src, pd.DataFrame):
            yield from _frame_items(src)
        elif isinstance(src, Mapping):
            yield ("record", dict(src), "records", i)
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and _is_path(src)):
            yield from _path_items(src, fields)
        elif isinstance(src, str):
            yield ("text", src)
        else:
            yield ("error", LoadError(f"<item {i}>", f"cannot analyse a {type(src).__name__}: expected a "
                                      "path, an Article, a str or a record (dict)", "TypeError"))


# --------------------------------------------------------------------------- one chunk


def _where(err: BaseException) -> str:
    """Where in newskit an exception was raised, for the error reason ("quotes.py:512 in _frame")."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f"{os.sep}newskit{os.sep}" in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    return f" (at {Path(f.filename).name}:{f.lineno} in {f.name})"


class _ChunkTables:
    """The tables of a chunk of documents, gathered column by column (one list per column):
    no dict per row, and each column is one list when the tables are made."""

    def __init__(self):
        self.columns: dict[str, dict[str, list]] = {t: {name: [] for name in table_logical(t)} for t in TABLES}
        self.count = dict.fromkeys(TABLES, 0)

    def _add_row(self, table: str, row: Mapping[str, Any]) -> None:
        for name, values in self.columns[table].items():
            values.append(row.get(name))
        self.count[table] += 1

    def error(self, doc: int, article_id, path, record, stage: str, error: str, reason: str) -> None:
        self._add_row("errors", {"doc": doc, "article_id": article_id, "path": path, "record": record,
                                 "stage": stage, "error": error, "reason": reason})

    def analysis(self, doc: int, a: Analysis) -> None:
        self._add_row("articles", {"doc": doc, "article_id": a.article.id, **a.article_row()})
        for table, items in (("quantities", a.quantities), ("dates", a.dates), ("quotes", a.quotes),
                             ("claims", a.claims), ("sources", a.sources or ())):
            if not items:
                continue
            n = len(items)
            for name, values in self.columns[table].items():
                if name == "doc":
                    values.extend([doc] * n)
                elif name == "article_id":
                    values.extend([a.article.id] * n)
                else:
                    values.extend([getattr(x, name, None) for x in items])
            self.count[table] += n

    def _flat(self, table: str) -> dict[str, list]:
        """The columns of ``table``, nested values (tuples of results) flattened to text."""
        from newskit.tables import flat_value

        logical = table_logical(table)
        return {name: [flat_value(v) for v in values] if logical[name] == "any" else values
                for name, values in self.columns[table].items()}

    def frame(self, table: str):
        """One table as a typed DataFrame."""
        from newskit.tables import frame_of_columns

        return frame_of_columns(self._flat(table), table_dtypes(table), n=self.count[table])

    def frames(self) -> dict:
        return {t: self.frame(t) for t in TABLES}

    def write(self, out: Path, format: str, part: int) -> "_Written":
        """Write each table as part file ``part`` under ``out`` (the first part of every table is
        written even when empty, so that each table has its columns on disk)."""
        ext = OUTPUT_FORMATS[format]
        for t in TABLES:
            if self.count[t] or part == 0:
                path = Path(out) / t / f"part-{part:05d}{ext}"
                if format == "parquet":  # straight from the columns: no DataFrame in between
                    _write_atomic(path, lambda tmp, t=t: _write_parquet(_arrow_columns(self._flat(t), t), tmp))
                else:
                    write_table(self.frame(t), path, t, format)
        return _Written(self.count["articles"], self.count["errors"])


@dataclass(frozen=True)
class _Written:
    """What a worker reports back for a chunk whose tables it wrote to disk itself."""

    articles: int
    errors: int


def _article_of(item: tuple, doc: int, fields) -> Article | LoadError:
    kind = item[0]
    if kind == "article":
        art = item[1]
    elif kind == "path":
        art = next(iter(load_corpus(item[1], fields=fields)))
    elif kind == "record":
        from newskit.loading import article_from_record

        _, record, name, index = item
        try:
            art = article_from_record(record, fields, name, index)
        except NewskitError as err:
            return LoadError(name, str(err), type(err).__name__, index)
    elif kind == "text":
        art = Article(text=item[1], raw=item[1])
    else:
        return item[1]
    if isinstance(art, Article) and art.id is None:
        art = art.with_metadata(id=f"doc-{doc}")
    return art


def analyze_items(items: Iterable[tuple[int, tuple]], extractors=None, fields=None,
                  out=None, format: str = "parquet", part: int = 0):
    """Analyse ``(doc, work item)`` pairs; return the tables (DataFrames) of these documents.

    One failing document becomes an ``errors`` row; the others are analysed as usual. With
    ``out``, the tables are written there as part file number ``part`` (in the worker, so the
    tables never travel between processes) and only their row counts are returned.
    """
    tables = _ChunkTables()
    for doc, item in items:
        try:
            art = _article_of(item, doc, fields)
        except Exception as err:  # noqa: BLE001 - recorded, never silent
            path = item[1] if item[0] == "path" else None
            tables.error(doc, None, path, None, "load", type(err).__name__, f"{err}{_where(err)}")
            continue
        if isinstance(art, LoadError):
            tables.error(doc, None, art.path, art.record, "load", art.error, art.reason)
            continue
        try:
            result = analyze(art, extractors=extractors)
        except Exception as err:  # noqa: BLE001 - recorded, never silent
            tables.error(doc, art.id, art.path, None, "analyze", type(err).__name__, f"{err}{_where(err)}")
            continue
        tables.analysis(doc, result)
    return tables.frames() if out is None else tables.write(out, format, part)


def _warm_up(extractors) -> None:
    """Worker initializer: import and run every extractor once, so chunks start at full speed."""
    try:
        analyze("Warm-up: the minister said on Friday that 5 percent more “will come,” he said.",
                extractors=extractors)
    except Exception:  # noqa: BLE001 - a failing extractor is reported per document later
        pass


def _start_worker(extractors) -> None:
    """Pool worker initializer: warm up, then spare the garbage collector needless work.

    What warming up loaded (model weights, word lists, compiled patterns) lives as long as the
    worker, so it is frozen out of the collector's scans; and the collector runs less often
    (the analysis makes many short-lived objects and almost no reference cycles). Worth about
    2% of a worker's time; the caller's own process (``jobs=1``) is left as it is.
    """
    import gc

    _warm_up(extractors)
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


# --------------------------------------------------------------------------- Dask


def analyze_frame(frame, extractors=None, fields=None) -> dict:
    """Every table for a pandas DataFrame of articles (one row per article).

    The frame needs a text column (``text``, ``body``, ``content`` …; or name it with
    ``fields={"text": "story"}``) and may have ``title``, ``published``, ``id`` … as
    ``newskit.load`` reads them from JSON/CSV. ``doc`` is the frame's index label, so with a
    default index it is the row position, as in :func:`analyze_corpus`.
    """
    items = ((item[3], item) for item in _frame_items(frame))
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
    from newskit.tables import typed_frame

    return CorpusResult({t: typed_frame(f, table_dtypes(t)) for t, f in zip(tables, computed)})


# --------------------------------------------------------------------------- writing


def _check_format(format: str) -> str:
    if format not in OUTPUT_FORMATS:
        raise ValueError(f"format must be one of {list(OUTPUT_FORMATS)}, not {format!r}")
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as err:
            raise missing_extra("pyarrow", "parquet") from err
    return format


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, default=str, ensure_ascii=False)
    return str(value)


def _arrow_column(values: list, kind: str | None):
    """One pyarrow column of the logical type ``kind`` (text for anything without one)."""
    import pyarrow as pa

    types = {"int": pa.int64(), "int?": pa.int64(), "float": pa.float64(), "float?": pa.float64(),
             "bool": pa.bool_(), "bool?": pa.bool_(), "str": pa.string(), "str?": pa.string(),
             "date": pa.date32()}
    target = types.get(kind) if kind else None
    if target is not None:
        try:  # the common case, all in pyarrow: None and NaN become nulls
            return pa.array(values, type=target, from_pandas=True)
        except (TypeError, ValueError, pa.ArrowException):
            pass
        values = [None if _is_missing(v) else v for v in values]  # pd.NA, NaT …
        try:
            return pa.array(values, type=target, from_pandas=True)
        except (TypeError, ValueError, pa.ArrowException):
            pass
    return pa.array([None if _is_missing(v) else _as_text(v) for v in values], type=pa.string())


def _arrow_table(frame, table: str):
    """A pyarrow Table of a DataFrame with the fixed types of ``table``."""
    import pyarrow as pa

    logical = table_logical(table)
    arrays, names = [], []
    for name in frame.columns:
        series = frame[name]
        kind = logical.get(name)
        if kind is None and series.dtype.kind in "biuf":
            arrays.append(pa.array(series, from_pandas=True))
        else:
            arrays.append(_arrow_column(series.tolist(), kind))
        names.append(str(name))
    return pa.Table.from_arrays(arrays, names=names)


def _arrow_columns(columns: Mapping[str, list], table: str):
    """A pyarrow Table of values given column by column (nested values already flattened), with
    the types of ``table``: the same table :func:`_arrow_table` makes of their DataFrame."""
    import pyarrow as pa

    logical = table_logical(table)
    return pa.Table.from_arrays([_arrow_column(values, logical.get(name)) for name, values in columns.items()],
                                names=list(columns))


def _write_parquet(table, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, path)


def _write_atomic(path: Path, write) -> Path:
    """Call ``write(tmp)`` for ``path.tmp``, then rename it to ``path`` (never a half file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    os.replace(tmp, path)
    return path


def write_table(frame, path: Path, table: str, format: str) -> Path:
    """Write one table atomically: to ``path.tmp`` first, then renamed to ``path``."""
    def write(tmp):
        if format == "parquet":
            _write_parquet(_arrow_table(frame, table), tmp)
        elif format == "csv":
            frame.to_csv(tmp, index=False)
        elif format == "jsonl":
            frame.to_json(tmp, orient="records", lines=True, date_format="iso", default_handler=str,
                          force_ascii=False)
        else:  # pragma: no cover - checked before
            raise ValueError(format)

    return _write_atomic(path, write)


def read_table(path: Path, table: str, format: str | None = None):
    """Read one table back: a file, or a directory of part files (read one by one, in order)."""
    import pandas as pd

    from newskit.tables import typed_frame

    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.name.startswith("part-") and not p.name.endswith(".tmp")) \
        if path.is_dir() else [path]
    frames = []
    for f in files:
        fmt = format or {v: k for k, v in OUTPUT_FORMATS.items()}.get(f.suffix)
        if fmt == "parquet":
            frames.append(pd.read_parquet(f))
        elif fmt == "csv":
            frames.append(pd.read_csv(f))
        elif fmt == "jsonl":
            frames.append(pd.read_json(f, lines=True, dtype=False))
    frames = [f for f in frames if len(f)] or frames[:1]
    if not frames:
        return empty_table(table)
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return typed_frame(frame, table_dtypes(table))


class _Sink:
    """Collects the tables of each chunk: in memory, or as part files under ``out``."""

    def __init__(self, out, format: str):
        self.out = Path(out) if out is not None else None
        self.format = format
        self.pieces: dict[str, list] = {t: [] for t in TABLES}
        self.parts = 0
        self.n_articles = 0
        self.n_errors = 0
        if self.out is not None:
            self.out.mkdir(parents=True, exist_ok=True)
            for t in TABLES:  # a new run replaces the part files of an earlier one
                d = self.out / t
                if d.is_dir():
                    for f in d.glob("part-*"):
                        f.unlink()

    def add(self, frames: Mapping[str, Any] | _Written, part: int) -> None:
        """Take chunk number ``part``: its tables, or the counts of the part files a worker wrote."""
        self.parts = max(self.parts, part + 1)
        if isinstance(frames, _Written):
            self.n_articles += frames.articles
            self.n_errors += frames.errors
            return
        self.n_articles += len(frames["articles"])
        self.n_errors += len(frames["errors"])
        if self.out is None:
            for t in TABLES:
                if len(frames[t]) or not self.pieces[t]:
                    self.pieces[t].append(frames[t])
            return
        ext = OUTPUT_FORMATS[self.format]
        for t in TABLES:
            path = self.out / t / f"part-{part:05d}{ext}"
            if len(frames[t]) or part == 0:
                write_table(frames[t], path, t, self.format)
            else:  # a worker that died while writing this chunk may have left a part behind
                path.unlink(missing_ok=True)

    def result(self) -> "CorpusResult":
        if self.out is None:
            import pandas as pd

            tables = {}
            for t in TABLES:
                pieces = [p for p in self.pieces[t] if len(p)] or self.pieces[t][:1]
                tables[t] = (pd.concat(pieces, ignore_index=True) if len(pieces) > 1
                             else pieces[0] if pieces else empty_table(t))
            return CorpusResult(tables)
        manifest = {"format": self.format, "tables": list(TABLES), "articles": self.n_articles,
                    "errors": self.n_errors, "parts": self.parts}
        tmp = self.out / "manifest.json.tmp"
        tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        os.replace(tmp, self.out / "manifest.json")
        return CorpusResult(out=self.out, format=self.format, counts=(self.n_articles, self.n_errors))


# --------------------------------------------------------------------------- the result


class CorpusResult:
    """The tables of an analysed corpus (pandas DataFrames), in memory or on disk.

    Attributes (DataFrames, each starting with ``doc`` and ``article_id``):
        articles: one row per analysed article: metadata and counts of each result kind.
        quantities, dates, quotes, claims: one row per result, with offsets into the
            article's clean text.
        sources: one row per quoted source per article (``newskit.quotes.sources``).
        errors: one row per document that failed: ``path``, ``record``, ``stage`` (``load``
            or ``analyze``), ``error`` (type) and ``reason``.

    When the corpus was written with ``out=DIR``, a table is read from disk when first used.
    """

    def __init__(self, tables: Mapping[str, Any] | None = None, *, out=None, format: str | None = None,
                 counts: tuple[int, int] | None = None):
        self._tables = dict(tables or {})
        self.out = Path(out) if out is not None else None
        self.format = format
        self._counts = counts

    @classmethod
    def from_analyses(cls, analyses: Iterable[Analysis]) -> "CorpusResult":
        """The tables of analyses you already have (``doc`` is their position in the list).

        Example:
            >>> import newskit
            >>> r = CorpusResult.from_analyses([newskit.analyze("One. Two.")])
            >>> r.articles.n_sentences.tolist()
            [2]
        """
        tables = _ChunkTables()
        for doc, a in enumerate(analyses):
            if a.article.id is None:
                a = Analysis(**{**a.__dict__, "article": a.article.with_metadata(id=f"doc-{doc}")})
            tables.analysis(doc, a)
        return cls(tables.frames())

    @classmethod
    def load(cls, directory) -> "CorpusResult":
        """Open the tables written by ``analyze_corpus(out=DIR)`` or :meth:`save`."""
        directory = Path(directory)
        manifest = directory / "manifest.json"
        meta = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        return cls(out=directory, format=meta.get("format"))

    def table(self, name: str):
        """One table by name (one of :data:`TABLES`)."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; tables are {list(TABLES)}")
        if name not in self._tables:
            if self.out is None:
                self._tables[name] = empty_table(name)
            else:
                self._tables[name] = self._read(name)
        return self._tables[name]

    __getitem__ = table

    def _read(self, name: str):
        for ext, fmt in ((e, f) for f, e in OUTPUT_FORMATS.items()):
            single = self.out / f"{name}{ext}"
            if single.exists():
                return read_table(single, name, fmt)
        if (self.out / name).is_dir():
            return read_table(self.out / name, name)
        return empty_table(name)

    articles = property(lambda self: self.table("articles"), doc="One row per article.")
    quantities = property(lambda self: self.table("quantities"), doc="One row per quantity.")
    dates = property(lambda self: self.table("dates"), doc="One row per date mention.")
    quotes = property(lambda self: self.table("quotes"), doc="One row per quote.")
    sources = property(lambda self: self.table("sources"), doc="One row per source per article.")
    claims = property(lambda self: self.table("claims"), doc="One row per claim.")
    errors = property(lambda self: self.table("errors"), doc="One row per failed document.")

    @property
    def tables(self) -> dict:
        """Every table, by name."""
        return {t: self.table(t) for t in TABLES}

    @property
    def n_articles(self) -> int:
        return self._counts[0] if self._counts else len(self.articles)

    @property
    def n_errors(self) -> int:
        return self._counts[1] if self._counts else len(self.errors)

    @property
    def ok(self) -> bool:
        """True when no document failed."""
        return self.n_errors == 0

    def save(self, directory, format: str = "parquet") -> list[Path]:
        """Write every table to ``DIR/<table>.<format>`` (atomically); return the paths."""
        _check_format(format)
        directory = Path(directory)
        paths = [write_table(self.table(t), directory / f"{t}{OUTPUT_FORMATS[format]}", t, format)
                 for t in TABLES]
        manifest = {"format": format, "tables": list(TABLES), "articles": self.n_articles,
                    "errors": self.n_errors}
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        return paths

    def summary(self, top: int = 5) -> str:
        """A few lines: counts per table, the most quoted sources, claims by type, errors."""
        lines = [f"{self.n_articles} articles analysed, {self.n_errors} failed"]
        counts = ", ".join(f"{len(self.table(t))} {t}" for t in ("quantities", "dates", "quotes", "sources", "claims"))
        lines.append(f"  found: {counts}")
        src = self.sources
        if len(src) and "speaker" in src.columns and "quotes" in src.columns:
            by = src.groupby("speaker", dropna=False)["quotes"].sum().sort_values(ascending=False).head(top)
            lines.append("  most quoted: " + ", ".join(f"{k} ({v})" for k, v in by.items()))
        claims = self.claims
        if len(claims) and "type" in claims.columns:
            by = claims["type"].value_counts().head(top)
            lines.append("  claims by type: " + ", ".join(f"{k} {v}" for k, v in by.items()))
        errors = self.errors
        for _, row in errors.head(top).iterrows():
            lines.append(f"  failed: {row['path'] or row['article_id']}: {row['error']}: {row['reason']}")
        if len(errors) > top:
            lines.append(f"  … and {len(errors) - top} more failures (see .errors)")
        return "\n".join(lines)

    def __repr__(self) -> str:
        where = f", out={str(self.out)!r}" if self.out else ""
        return f"CorpusResult(articles={self.n_articles}, errors={self.n_errors}{where})"

    def _repr_html_(self) -> str:
        import html

        rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{len(self.table(t))}</td></tr>" for t in TABLES)
        return (f"<b>CorpusResult</b>: {self.n_articles} articles, {self.n_errors} failed"
                f"<table><tr><th>table</th><th>rows</th></tr>{rows}</table>")


# --------------------------------------------------------------------------- the runner


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:  # safe with threads (notebooks, Dask) and fast to start workers
        ctx = multiprocessing.get_context("forkserver")
        # imported once in the fork server, so that each worker starts with them loaded
        ctx.set_forkserver_preload(["newskit.corpus", "newskit.analysis", "pandas", "nltk.tokenize.punkt"])
        return ctx
    return multiprocessing.get_context("spawn")


def _chunks(items: Iterator[tuple], size: int) -> Iterator[list[tuple[int, tuple]]]:
    chunk = []
    for doc, item in enumerate(items):
        chunk.append((doc, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _isolated(chunk, extractors, fields) -> dict:
    """Re-run a chunk whose worker died, one document per fresh process, to find the culprit."""
    tables = _ChunkTables()
    pieces = []
    for doc, item in chunk:
        try:
            with ProcessPoolExecutor(1, mp_context=_mp_context()) as pool:
                pieces.append(pool.submit(analyze_items, [(doc, item)], extractors, fields).result())
        except Exception as err:  # noqa: BLE001 - the process died on this document
            path = item[1] if item[0] == "path" else getattr(item[1], "path", None)
            tables.error(doc, getattr(item[1], "id", None), path if isinstance(path, str) else None, None,
                         "worker", type(err).__name__,
                         f"the worker process failed on this document ({err or type(err).__name__})")
    pieces.append(tables.frames())
    return _merge(pieces)


def _merge(pieces: list[dict]) -> dict:
    import pandas as pd

    out = {}
    for t in TABLES:
        frames = [p[t] for p in pieces if len(p[t])] or [pieces[0][t]]
        merged = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        out[t] = merged.sort_values("doc", kind="stable").reset_index(drop=True)
    return out


def analyze_corpus(sources, jobs: int | None = None, progress: bool = True, out=None,
                   format: str = "parquet", *, extractors: Iterable[str] | None = None,
                   fields: Mapping[str, str] | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE) -> CorpusResult:
    """Analyse many articles, in parallel, without losing any.

    Args:
        sources: a path, directory (recursive), glob pattern (``"news/**/*.jsonl"``), a list of
            these, an iterable of :class:`~newskit.article.Article` or texts (``str``; a str
            that names an existing file is read as a path), of records (dicts), or a pandas
            DataFrame with one article per row (a ``text`` column, and ``title``,
            ``published``, ``id`` … if known). Read lazily, in order.
        jobs: worker processes; None uses every core, 1 runs here without a pool.
        progress: show a progress bar (tqdm: in a terminal or a notebook).
        out: a directory to write each chunk's tables to as it finishes (flat memory for any
            corpus size); the tables are then read from disk when used.
        format: ``"parquet"`` (needs pyarrow, the ``[parquet]`` extra), ``"csv"`` or ``"jsonl"``
            for ``out``.
        extractors: run only these (``"quantities"``, ``"dates"``, ``"quotes"``, ``"claims"``).
        fields: which JSON/CSV field or DataFrame column holds what (as for ``newskit.load``).
        chunk_size: articles per chunk (the unit of parallel work and of part files).

    Returns:
        A :class:`CorpusResult`. Documents that fail are rows of ``result.errors``.

    Example:
        >>> from newskit.samples import SAMPLES_DIR
        >>> r = analyze_corpus([SAMPLES_DIR, "no/such/file.txt"], jobs=1, progress=False)
        >>> len(r.articles), r.errors.error.tolist()
        (7, ['SourceNotFoundError'])
    """
    if out is not None:
        _check_format(format)
    elif format not in OUTPUT_FORMATS:
        raise ValueError(f"format must be one of {list(OUTPUT_FORMATS)}, not {format!r}")
    if extractors is not None:
        extractors = tuple(extractors)
        unknown = set(extractors) - set(EXTRACTORS)
        if unknown:
            raise ValueError(f"unknown extractors {sorted(unknown)}; choose from {list(EXTRACTORS)}")
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if jobs < 1 or chunk_size < 1:
        raise ValueError("jobs and chunk_size must be at least 1")

    total = _known_total(sources)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc="analysing", unit="doc", smoothing=0.1)
    sink = _Sink(out, format)
    chunks = _chunks(_items(sources, fields), chunk_size)
    # with ``out``, each chunk's tables are written where they are made (in the worker)
    write_to = {} if out is None else {"out": str(sink.out), "format": format}

    def take(frames, n, part):
        sink.add(frames, part)
        if bar is not None:
            bar.update(n)

    try:
        if jobs == 1:
            _warm_up(extractors)
            for part, chunk in enumerate(chunks):
                take(analyze_items(chunk, extractors, fields, part=part, **write_to), len(chunk), part)
        else:
            _run_pool(chunks, jobs, extractors, fields, take, write_to)
    finally:
        if bar is not None:
            bar.close()
    return sink.result()


def _known_total(sources) -> int | None:
    """The number of documents when it is known before reading (for the progress bar)."""
    import pandas as pd

    if isinstance(sources, pd.DataFrame):
        return len(sources)
    if isinstance(sources, (list, tuple)) and all(
            isinstance(s, (Article, LoadError, Mapping)) or (isinstance(s, str) and not _is_path(s))
            for s in sources):
        return len(sources)
    return None


def _run_pool(chunks, jobs, extractors, fields, take, write_to) -> None:
    """Run chunks on a process pool, at most ``2 × jobs`` in flight, results in input order.

    If a worker process dies (a crash in native code, the out-of-memory killer), the pool is
    replaced once, and each chunk that was in flight is re-run one document per process, so
    only the document that kills its process is lost — as a row of ``errors``.
    """
    def new_pool():
        return ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_start_worker,
                                   initargs=(extractors,))

    pool = new_pool()
    pending: collections.deque = collections.deque()

    def finish(part, chunk, future, submitted_to):
        nonlocal pool
        try:
            frames = future.result()
        except Exception as err:  # noqa: BLE001 - the pool broke, or a result could not be sent back
            if isinstance(err, BrokenProcessPool) and submitted_to is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
            frames = _isolated(chunk, extractors, fields)  # in memory; the sink writes them
        take(frames, len(chunk), part)

    try:
        for part, chunk in enumerate(chunks):
            try:
                future = pool.submit(analyze_items, chunk, extractors, fields, part=part, **write_to)
            except BrokenProcessPool:
                pool = new_pool()
                future = pool.submit(analyze_items, chunk, extractors, fields, part=part, **write_to)
            pending.append((part, chunk, future, pool))
            while len(pending) >= 2 * jobs:
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["TABLES", "CorpusResult", "analyze_corpus", "analyze_partition", "analyze_frame",
           "analyze_dask", "analyze_items", "empty_table", "read_table", "write_table"]
