"""The result of a corpus run: its tables as pandas DataFrames, in memory or on disk.

Example:
    >>> import newskit
    >>> r = CorpusResult.from_analyses([newskit.analyze("One. Two.")])
    >>> r.articles.n_sentences.tolist(), r.ok
    ([2], True)
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from newskit.analysis import Analysis
from newskit.corpus.chunk import ChunkTables
from newskit.corpus.schema import TABLES, empty_table
from newskit.corpus.storage import OUTPUT_FORMATS, check_format, read_table, write_table


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
        tables = ChunkTables()
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
        check_format(format)
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
