"""One call for one article: every extractor's results bundled in an :class:`Analysis`.

:func:`analyze` composes the extractors (sentences, quantities, dates, quotes and sources,
claims); it holds no extraction logic of its own. The :class:`Analysis` it returns keeps the
results as tuples of frozen dataclasses whose ``start``/``end`` are offsets into
``analysis.article.text``, turns them into tidy DataFrames (:meth:`Analysis.to_frames`), and
shows the article with highlights in a notebook (:meth:`Analysis._repr_html_`).

Example:
    >>> import newskit
    >>> a = newskit.analyze("Prices rose 5 percent on Friday, the minister said.")
    >>> [s.text for s in a.sentences]
    ['Prices rose 5 percent on Friday, the minister said.']
    >>> sorted(a.to_frames())
    ['article', 'claims', 'dates', 'quantities', 'quotes', 'sentences', 'sources']
"""
from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from newskit.article import Article
from newskit.sentences import Sentence, split_sentences
from newskit.tables import (  # noqa: F401 - re-exported: the frame helpers lived here before newskit.tables
    PANDAS_DTYPES,
    flat_value,
    frame_of_columns,
    logical_schema,
    logical_type,
    records,
    schema,
    tidy_frame,
    typed_frame,
)

#: The extractors :func:`analyze` runs, in order: kind -> (module, function, result type).
EXTRACTORS: dict[str, tuple[str, str, str]] = {
    "quantities": ("newskit.quantities", "find_quantities", "Quantity"),
    "dates": ("newskit.dates", "find_dates", "DateMention"),
    "quotes": ("newskit.quotes", "find_quotes", "Quote"),
    "claims": ("newskit.claims", "find_claims", "Claim"),
}

#: The kinds of results, in the order of :meth:`Analysis.to_frames` (after ``article``).
KINDS = ("sentences", "quantities", "dates", "quotes", "sources", "claims")


@functools.lru_cache(maxsize=None)
def _extractor(kind: str):
    """``(function, result type)`` for one extractor, or ``(None, None)`` if its module is absent.

    Only a missing extractor *module* counts as absent; any other import error is a bug and is
    raised, so it cannot be mistaken for "no results".
    """
    module_name, func_name, type_name = EXTRACTORS[kind]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name == module_name:
            return None, None
        raise
    func = getattr(module, func_name, None)
    if func is None:  # the module exists but does not (yet) provide the extractor
        return None, None
    return func, getattr(module, type_name, None)


@functools.lru_cache(maxsize=None)
def _sources_function():
    fn, _ = _extractor("quotes")
    if fn is None:
        return None, False
    module = importlib.import_module(EXTRACTORS["quotes"][0])
    find_sources = getattr(module, "find_sources", None)
    if find_sources is None:
        return None, False
    return find_sources, "quotes" in _parameters(find_sources)


@functools.lru_cache(maxsize=None)
def _parameters(fn) -> frozenset:
    """The keyword parameters a function accepts (to pass results it can reuse)."""
    try:
        return frozenset(inspect.signature(fn).parameters)
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return frozenset()


def result_type(kind: str) -> type | None:
    """The result dataclass of one kind (``Sentence``, ``Quantity`` …), None if not installed."""
    if kind == "sentences":
        return Sentence
    if kind == "sources":
        return None
    return _extractor(kind)[1]


def available() -> dict[str, bool]:
    """Which extractors are present in this installation.

    Example:
        >>> available()["sentences"]
        True
    """
    out = {"sentences": True}
    for kind in EXTRACTORS:
        out[kind] = _extractor(kind)[0] is not None
    out["sources"] = _sources_function()[0] is not None
    return out


#: Columns of the one-row ``article`` frame (and of the corpus ``articles`` table).
ARTICLE_LOGICAL = {
    "title": "str?", "published": "date", "updated": "date", "dateline": "str?",
    "source": "str?", "byline": "str?", "url": "str?", "path": "str?",
    "n_chars": "int", "n_sentences": "int", "n_quantities": "int", "n_dates": "int",
    "n_quotes": "int", "n_sources": "int", "n_claims": "int", "n_checkworthy": "int",
}
ARTICLE_COLUMNS = {name: PANDAS_DTYPES[t] for name, t in ARTICLE_LOGICAL.items()}

#: Columns of ``newskit.quotes.sources`` (the fields of ``newskit.quotes.Source``).
SOURCES_LOGICAL = {
    "speaker": "str?", "role": "str?", "affiliation": "str?", "anonymous": "bool",
    "quotes": "int", "direct": "int", "words": "int", "first": "int", "named": "bool",
}
SOURCES_COLUMNS = {name: PANDAS_DTYPES[t] for name, t in SOURCES_LOGICAL.items()}


# --------------------------------------------------------------------------- the bundle


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything newskit finds in one article.

    Attributes:
        article: the analysed :class:`~newskit.article.Article`; all offsets point into
            ``article.text`` (claims on the title or a caption say so in their ``field``).
        sentences, quantities, dates, quotes, claims: result tuples, in text order.
        sources: one :class:`~newskit.quotes.Source` per quoted source
            (``newskit.find_sources``), most quoted first; ``None`` when quotes were not run.
        notes: what was not run and why (an extractor not installed in this version).
        timings: seconds spent in each step (for profiling; not part of the results).
    """

    article: Article
    sentences: tuple = ()
    quantities: tuple = ()
    dates: tuple = ()
    quotes: tuple = ()
    claims: tuple = ()
    sources: tuple | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict, repr=False)

    @property
    def article_id(self) -> str | None:
        return self.article.id

    def article_row(self) -> dict:
        """The article's metadata and result counts, as one flat dict."""
        a = self.article
        n_sources = 0 if self.sources is None else len(self.sources)
        return {
            "title": a.title, "published": a.published, "updated": a.updated,
            "dateline": a.dateline, "source": a.source, "byline": a.byline, "url": a.url,
            "path": a.path, "n_chars": len(a.text), "n_sentences": len(self.sentences),
            "n_quantities": len(self.quantities), "n_dates": len(self.dates),
            "n_quotes": len(self.quotes), "n_sources": n_sources, "n_claims": len(self.claims),
            "n_checkworthy": sum(bool(getattr(c, "checkworthy", False)) for c in self.claims),
        }

    def to_frames(self) -> dict:
        """Tidy DataFrames, one per kind, each starting with the ``article_id`` column.

        Keys: ``article`` (one row: metadata and counts), ``sentences``, ``quantities``,
        ``dates``, ``quotes``, ``sources``, ``claims``. Result frames have the fields of their
        result type (``start``, ``end``, ``text`` …), with stable dtypes even when empty.

        Example:
            >>> import newskit
            >>> f = newskit.analyze("One. Two.").to_frames()
            >>> f["sentences"][["article_id", "start", "end", "text"]].values.tolist()
            [[None, 0, 4, 'One.'], [None, 5, 9, 'Two.']]
        """
        prefix = {"article_id": self.article.id}
        frames = {"article": typed_frame([self.article_row()], ARTICLE_COLUMNS, prefix)}
        for kind in KINDS:
            if kind == "sources":
                frames[kind] = typed_frame(records(self.sources or ()), SOURCES_COLUMNS, prefix)
                continue
            frames[kind] = tidy_frame(records(getattr(self, kind)), logical_schema(result_type(kind)), prefix)
        return frames

    def summary(self, max_claims: int = 3, max_items: int = 8) -> str:
        """A short plain-text report: title, date, dateline, top claims, sources, quantities, dates."""
        return _summary(self, max_claims=max_claims, max_items=max_items)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(getattr(self, k))}" for k in ("sentences", "quantities", "dates", "quotes", "claims"))
        title = self.article.title or self.article.id
        return f"<Analysis of {title!r}: {counts}>"

    def _repr_html_(self) -> str:
        from newskit.display import render_html

        return render_html(self, standalone=False)


def _as_article(text_or_article) -> Article:
    if isinstance(text_or_article, Article):
        return text_or_article
    if isinstance(text_or_article, str):
        return Article(text=text_or_article, raw=text_or_article)
    raise TypeError(
        f"analyze expects a str or newskit.Article, not {type(text_or_article).__name__}; "
        "for a file use newskit.analyze(newskit.load(path))"
    )


def analyze(text_or_article, *, extractors: Iterable[str] | None = None) -> Analysis:
    """Run every extractor on one article and bundle the results.

    Args:
        text_or_article: an :class:`~newskit.article.Article` (from ``newskit.load`` or
            ``newskit.clean``), or a ``str`` analysed as it is (offsets then point into that
            string; clean scraped text first with ``newskit.clean``).
        extractors: run only these kinds (``"quantities"``, ``"dates"``, ``"quotes"``,
            ``"claims"``); sentences always run. Default: all.

    Returns:
        An :class:`Analysis`. Dates are resolved against ``article.published``. An extractor
        not present in this installation gives an empty tuple and a line in ``notes``.

    Example:
        >>> a = analyze("The minister said on Friday: “Prices rose 5 percent.”")
        >>> a.article.text[a.sentences[0].start:a.sentences[0].end] == a.sentences[0].text
        True
    """
    article = _as_article(text_or_article)
    wanted = set(EXTRACTORS) if extractors is None else set(extractors)
    unknown = wanted - set(EXTRACTORS)
    if unknown:
        raise ValueError(f"unknown extractors {sorted(unknown)}; choose from {list(EXTRACTORS)}")
    timings: dict[str, float] = {}
    notes: list[str] = []
    results: dict[str, Any] = {}

    t0 = time.perf_counter()
    results["sentences"] = tuple(split_sentences(article.text))
    timings["sentences"] = time.perf_counter() - t0

    for kind in EXTRACTORS:
        if kind not in wanted:
            continue
        fn, _ = _extractor(kind)
        if fn is None:
            module_name, func_name, _ = EXTRACTORS[kind]
            notes.append(f"{kind}: not run ({module_name}.{func_name} is not part of this installation)")
            continue
        t0 = time.perf_counter()
        if kind == "dates":
            found = fn(article, reference=article.published)
        elif kind == "claims":
            # hand over what is already found, where find_claims accepts it (no double work)
            reuse = {k: list(results[k]) for k in ("quotes", "quantities", "dates", "sentences")
                     if k in results and k in _parameters(fn)}
            found = fn(article, **reuse)
        else:
            found = fn(article)
        results[kind] = tuple(found)
        timings[kind] = time.perf_counter() - t0

    sources = None
    if "quotes" in results:
        fn, takes_quotes = _sources_function()
        if fn is None:
            notes.append("sources: not run (newskit.quotes.find_sources is not part of this installation)")
        else:
            t0 = time.perf_counter()
            sources = tuple(fn(article, quotes=list(results["quotes"])) if takes_quotes else fn(article))
            timings["sources"] = time.perf_counter() - t0
    return Analysis(article=article, sources=sources, notes=tuple(notes), timings=timings, **results)


# --------------------------------------------------------------------------- text summary


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _summary(a: Analysis, max_claims: int, max_items: int) -> str:
    art = a.article
    lines = [art.title or (art.id and f"[{art.id}]") or "(untitled)"]
    meta = []
    if art.published:
        meta.append(f"published {art.published}")
    if art.dateline:
        meta.append(f"dateline {art.dateline}")
    if art.source:
        meta.append(f"source {art.source}")
    meta.append(f"{len(art.text):,} characters, {len(a.sentences)} sentences")
    lines.append("  " + " · ".join(meta))

    claims = sorted(a.claims, key=lambda c: -(getattr(c, "score", 0) or 0))[:max_claims]
    lines.append(f"  Top claims ({len(a.claims)} found):" if a.claims else "  Claims: none found")
    for c in claims:
        score = getattr(c, "score", None)
        kind = getattr(c, "type", None)
        head = f"{score:.2f}" if isinstance(score, (int, float)) else "  - "
        tag = f" [{kind}]" if kind else ""
        lines.append(f"    {head}{tag} {_short(c.text, 90)}")

    lines.append(_sources_lines(a, max_items))
    if a.quantities:
        items = [f"{_short(q.text, 30)} ({getattr(q, 'kind', '?')})" for q in a.quantities[:max_items]]
        more = f", … (+{len(a.quantities) - max_items})" if len(a.quantities) > max_items else ""
        lines.append(f"  Quantities: {', '.join(items)}{more}")
    else:
        lines.append("  Quantities: none found")
    if a.dates:
        items = []
        for d in a.dates[:max_items]:
            resolved = getattr(d, "resolved", None)
            items.append(f"{_short(d.text, 30)} → {resolved}" if resolved not in (None, "") else _short(d.text, 30))
        more = f"; … (+{len(a.dates) - max_items})" if len(a.dates) > max_items else ""
        lines.append(f"  Dates: {'; '.join(items)}{more}")
    else:
        lines.append("  Dates: none found")
    for note in a.notes:
        lines.append(f"  Note: {note}")
    return "\n".join(lines)


def source_counts(quotes: Iterable[Any]) -> list[tuple[str, int]]:
    """``(source label, number of quotes)`` pairs, most quoted first, from quote results.

    The label is the speaker's name, else ``"anonymous: <role>"``, else ``"(unattributed)"``.
    """
    counts: dict[str, int] = {}
    for q in quotes:
        counts[_speaker_label(q)] = counts.get(_speaker_label(q), 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _speaker_label(q: Any) -> str:
    speaker = getattr(q, "speaker", None)
    if speaker:
        return str(speaker)
    role = getattr(q, "role", None)
    if getattr(q, "anonymous", False):
        return f"anonymous: {role}" if role else "anonymous"
    return "(unattributed)"


def _sources_lines(a: Analysis, max_items: int) -> str:
    if not a.quotes:
        return "  Sources: no quotes found"
    pairs = source_counts(a.quotes)
    items = [f"{name} ({n} quote{'s' if n != 1 else ''})" for name, n in pairs[:max_items]]
    more = f", … (+{len(pairs) - max_items})" if len(pairs) > max_items else ""
    return f"  Sources: {', '.join(items)}{more}"
