"""Writing and reading corpus tables: formats, part files, the manifest, atomic writes.

``analyze_corpus(out=DIR)`` writes each chunk's tables as part files,
``DIR/<table>/part-00000.<format>`` …, and ``DIR/manifest.json`` at the end;
:meth:`CorpusResult.save <newskit.corpus.CorpusResult.save>` writes one file per table. Every
file is written to ``<name>.tmp`` and renamed into place, so an interrupted run never leaves
a half-written file. Parquet keeps the column types of :mod:`newskit.corpus.schema` (pyarrow,
the ``[parquet]`` extra); CSV and JSON Lines are read back and retyped.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "errors.csv"
    >>> _ = write_table(empty_table("errors"), path, "errors", "csv")
    >>> list(read_table(path, "errors").columns)[:3]
    ['doc', 'article_id', 'path']
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from newskit.corpus.schema import TABLES, empty_table, table_dtypes, table_logical
from newskit.errors import missing_extra
from newskit.tables import is_missing, typed_frame

#: Output formats of ``analyze_corpus(out=...)`` and :meth:`CorpusResult.save`.
OUTPUT_FORMATS = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}


def check_format(format: str) -> str:
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
        values = [None if is_missing(v) else v for v in values]  # pd.NA, NaT …
        try:
            return pa.array(values, type=target, from_pandas=True)
        except (TypeError, ValueError, pa.ArrowException):
            pass
    return pa.array([None if is_missing(v) else _as_text(v) for v in values], type=pa.string())


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


def arrow_columns(columns: Mapping[str, list], table: str):
    """A pyarrow Table of values given column by column (nested values already flattened), with
    the types of ``table``: the same table :func:`_arrow_table` makes of their DataFrame."""
    import pyarrow as pa

    logical = table_logical(table)
    return pa.Table.from_arrays([_arrow_column(values, logical.get(name)) for name, values in columns.items()],
                                names=list(columns))


def write_parquet(table, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, path)


def write_atomic(path: Path, write) -> Path:
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
            write_parquet(_arrow_table(frame, table), tmp)
        elif format == "csv":
            frame.to_csv(tmp, index=False)
        elif format == "jsonl":
            frame.to_json(tmp, orient="records", lines=True, date_format="iso", default_handler=str,
                          force_ascii=False)
        else:  # pragma: no cover - checked before
            raise ValueError(format)

    return write_atomic(path, write)


def read_table(path: Path, table: str, format: str | None = None):
    """Read one table back: a file, or a directory of part files (read one by one, in order)."""
    import pandas as pd

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


@dataclass(frozen=True)
class Written:
    """What a worker reports back for a chunk whose tables it wrote to disk itself."""

    articles: int
    errors: int


class Sink:
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

    def add(self, frames: Mapping[str, Any] | Written, part: int) -> None:
        """Take chunk number ``part``: its tables, or the counts of the part files a worker wrote."""
        self.parts = max(self.parts, part + 1)
        if isinstance(frames, Written):
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

    def frames(self) -> dict:
        """The in-memory tables, each the concatenation of its chunks (without ``out``)."""
        import pandas as pd

        tables = {}
        for t in TABLES:
            pieces = [p for p in self.pieces[t] if len(p)] or self.pieces[t][:1]
            tables[t] = (pd.concat(pieces, ignore_index=True) if len(pieces) > 1
                         else pieces[0] if pieces else empty_table(t))
        return tables

    def write_manifest(self) -> None:
        """Write ``out/manifest.json`` (atomically): the format, tables and counts of the run."""
        manifest = {"format": self.format, "tables": list(TABLES), "articles": self.n_articles,
                    "errors": self.n_errors, "parts": self.parts}
        write_atomic(self.out / "manifest.json",
                     lambda tmp: tmp.write_text(json.dumps(manifest, indent=2), encoding="utf-8"))
