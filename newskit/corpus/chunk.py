"""One chunk of a corpus, as a worker process analyses it: work items in, tables out.

:func:`analyze_items` is the function the worker pool runs (and Dask, through
:mod:`newskit.corpus.dask`): it reads each work item into an Article, analyses it with
:func:`newskit.analyze`, and gathers the rows of every table column by column. A document
that cannot be read or analysed becomes a row of ``errors`` with its reason; the others are
analysed as usual. With ``out``, the worker writes the chunk's part files itself, so tables
never travel between processes.

Example:
    >>> frames = analyze_items([(0, ("text", "Prices rose 5 percent.")), (1, ("path", "no/such/file.txt"))])
    >>> len(frames["articles"]), frames["errors"]["error"].tolist()
    (1, ['SourceNotFoundError'])
"""
from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any, Iterable, Mapping

from newskit.analysis import Analysis, analyze
from newskit.article import Article
from newskit.corpus.schema import TABLES, table_dtypes, table_logical
from newskit.corpus.storage import OUTPUT_FORMATS, Written, arrow_columns, write_atomic, write_parquet, write_table
from newskit.errors import NewskitError
from newskit.loading import LoadError, article_from_record, load_corpus
from newskit.tables import flat_value, frame_of_columns


def _where(err: BaseException) -> str:
    """Where in newskit an exception was raised, for the error reason ("quotes.py:512 in _frame")."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f"{os.sep}newskit{os.sep}" in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    return f" (at {Path(f.filename).name}:{f.lineno} in {f.name})"


class ChunkTables:
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
        logical = table_logical(table)
        return {name: [flat_value(v) for v in values] if logical[name] == "any" else values
                for name, values in self.columns[table].items()}

    def frame(self, table: str):
        """One table as a typed DataFrame."""
        return frame_of_columns(self._flat(table), table_dtypes(table), n=self.count[table])

    def frames(self) -> dict:
        return {t: self.frame(t) for t in TABLES}

    def write(self, out: Path, format: str, part: int) -> Written:
        """Write each table as part file ``part`` under ``out`` (the first part of every table is
        written even when empty, so that each table has its columns on disk)."""
        ext = OUTPUT_FORMATS[format]
        for t in TABLES:
            if self.count[t] or part == 0:
                path = Path(out) / t / f"part-{part:05d}{ext}"
                if format == "parquet":  # straight from the columns: no DataFrame in between
                    write_atomic(path, lambda tmp, t=t: write_parquet(arrow_columns(self._flat(t), t), tmp))
                else:
                    write_table(self.frame(t), path, t, format)
        return Written(self.count["articles"], self.count["errors"])


def _article_of(item: tuple, doc: int, fields) -> Article | LoadError:
    kind = item[0]
    if kind == "article":
        art = item[1]
    elif kind == "path":
        art = next(iter(load_corpus(item[1], fields=fields)))
    elif kind == "record":
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
    tables = ChunkTables()
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


def warm_up(extractors) -> None:
    """Worker initializer: import and run every extractor once, so chunks start at full speed."""
    try:
        analyze("Warm-up: the minister said on Friday that 5 percent more “will come,” he said.",
                extractors=extractors)
    except Exception:  # noqa: BLE001 - a failing extractor is reported per document later
        pass


def start_worker(extractors) -> None:
    """Pool worker initializer: warm up, then spare the garbage collector needless work.

    What warming up loaded (model weights, word lists, compiled patterns) lives as long as the
    worker, so it is frozen out of the collector's scans; and the collector runs less often
    (the analysis makes many short-lived objects and almost no reference cycles). Worth about
    2% of a worker's time; the caller's own process (``jobs=1``) is left as it is.
    """
    import gc

    warm_up(extractors)
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
