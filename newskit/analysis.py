"""One call for one article: every extractor's results bundled in an :class:`Analysis`.

:func:`analyze` composes the extractors (sentences, quantities, dates, quotes and sources,
claims): it imports them directly and calls each with explicit arguments, handing what is
already found to the steps that reuse it (claims get the sentences, quotes, quantities and
dates; sources get the quotes). It holds no extraction logic of its own. The
:class:`Analysis` it returns keeps the results as tuples of frozen dataclasses whose
``start``/``end`` are offsets into ``analysis.article.text``, turns them into tidy DataFrames
(:meth:`Analysis.to_frames`, through :mod:`newskit.tables`), and shows the article with
highlights in a notebook (:meth:`Analysis._repr_html_`, drawn by :mod:`newskit.display`).

Example:
    >>> import newskit
    >>> a = newskit.analyze("Prices rose 5 percent on Friday, the minister said.")
    >>> [s.text for s in a.sentences]
    ['Prices rose 5 percent on Friday, the minister said.']
    >>> sorted(a.to_frames())
    ['article', 'claims', 'dates', 'quantities', 'quotes', 'sentences', 'sources']
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from newskit import display
from newskit.article import Article
from newskit.claims import Claim, find_claims
from newskit.dates import DateMention, find_dates
from newskit.quantities import Quantity, find_quantities
from newskit.quotes import Quote, Source, find_quotes, find_sources
from newskit.sentences import Sentence, split_sentences
from newskit.tables import (  # re-exported (see __all__): the frame helpers lived here before
    PANDAS_DTYPES,
    flat_value,
    frame_of_columns,
    logical_schema,
    logical_type,
    records,
    schema,
    tidy_frame,
    to_frame,
    typed_frame,
)

__all__ = [
    "Analysis", "analyze", "render_html", "source_counts", "result_type", "EXTRACTORS", "KINDS",
    "RESULT_TYPES", "ARTICLE_LOGICAL", "ARTICLE_COLUMNS",
    # the frame helpers of newskit.tables, importable from here as before
    "PANDAS_DTYPES", "flat_value", "frame_of_columns", "logical_schema", "logical_type", "records",
    "schema", "tidy_frame", "to_frame", "typed_frame",
]

#: The extractors :func:`analyze` can run (sentences always run), in the order it runs them.
EXTRACTORS = ("quantities", "dates", "quotes", "claims")

#: The result type of each kind of result, in the order of :meth:`Analysis.to_frames` (after
#: ``article``).
RESULT_TYPES: dict[str, type] = {
    "sentences": Sentence, "quantities": Quantity, "dates": DateMention, "quotes": Quote,
    "sources": Source, "claims": Claim,
}

#: The kinds of results, in the order of :meth:`Analysis.to_frames` (after ``article``).
KINDS = tuple(RESULT_TYPES)


def result_type(kind: str) -> type:
    """The result dataclass of one kind (``Sentence``, ``Quantity`` … ``Source``, ``Claim``).

    Example:
        >>> result_type("dates").__name__
        'DateMention'
    """
    return RESULT_TYPES[kind]


#: Columns of the one-row ``article`` frame (and of the corpus ``articles`` table).
ARTICLE_LOGICAL = {
    "title": "str?", "published": "date", "updated": "date", "dateline": "str?",
    "source": "str?", "byline": "str?", "url": "str?", "path": "str?",
    "n_chars": "int", "n_sentences": "int", "n_quantities": "int", "n_dates": "int",
    "n_quotes": "int", "n_sources": "int", "n_claims": "int", "n_checkworthy": "int",
}
ARTICLE_COLUMNS = {name: PANDAS_DTYPES[t] for name, t in ARTICLE_LOGICAL.items()}


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
        timings: seconds spent in each step (for profiling; not part of the results).
    """

    article: Article
    sentences: tuple = ()
    quantities: tuple = ()
    dates: tuple = ()
    quotes: tuple = ()
    claims: tuple = ()
    sources: tuple | None = field(default=None, repr=False)
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
        frames = {"article": tidy_frame([self.article_row()], ARTICLE_LOGICAL, prefix)}
        for kind, cls in RESULT_TYPES.items():
            frames[kind] = to_frame(getattr(self, kind) or (), cls, prefix)
        return frames

    def summary(self, max_claims: int = 3, max_items: int = 8) -> str:
        """A short plain-text report: title, date, dateline, top claims, sources, quantities, dates."""
        return _summary(self, max_claims=max_claims, max_items=max_items)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(getattr(self, k))}" for k in ("sentences", "quantities", "dates", "quotes", "claims"))
        title = self.article.title or self.article.id
        return f"<Analysis of {title!r}: {counts}>"

    def _repr_html_(self) -> str:
        return display.render_html(self, standalone=False)


def _as_article(text_or_article) -> Article:
    if isinstance(text_or_article, Article):
        return text_or_article
    if isinstance(text_or_article, str):
        return Article(text=text_or_article, raw=text_or_article)
    raise TypeError(
        f"analyze expects a str or newskit.Article, not {type(text_or_article).__name__}; "
        "for a file use newskit.analyze(newskit.load(path))"
    )


def _wanted(extractors: Iterable[str] | None) -> set[str]:
    """The extractors to run; unknown names are rejected with the valid ones."""
    wanted = set(EXTRACTORS) if extractors is None else set(extractors)
    unknown = wanted - set(EXTRACTORS)
    if unknown:
        raise ValueError(f"unknown extractors {sorted(unknown)}; choose from {list(EXTRACTORS)}")
    return wanted


class _Steps:
    """Runs the steps of one analysis and keeps the seconds each took."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def run(self, kind: str, step: Callable[..., Iterable], *args, **kwargs) -> tuple:
        start = time.perf_counter()
        found = tuple(step(*args, **kwargs))
        self.timings[kind] = time.perf_counter() - start
        return found


def _listed(found: tuple | None) -> list | None:
    return None if found is None else list(found)


def analyze(text_or_article, *, extractors: Iterable[str] | None = None) -> Analysis:
    """Run every extractor on one article and bundle the results.

    Args:
        text_or_article: an :class:`~newskit.article.Article` (from ``newskit.load`` or
            ``newskit.clean``), or a ``str`` analysed as it is (offsets then point into that
            string; clean scraped text first with ``newskit.clean``).
        extractors: run only these kinds (``"quantities"``, ``"dates"``, ``"quotes"``,
            ``"claims"``); sentences always run. Default: all.

    Returns:
        An :class:`Analysis`. Dates are resolved against ``article.published``. A kind that
        was not asked for is an empty tuple (``sources`` is None without quotes). An error in
        an extractor is raised, never turned into an empty result.

    Example:
        >>> a = analyze("The minister said on Friday: “Prices rose 5 percent.”")
        >>> a.article.text[a.sentences[0].start:a.sentences[0].end] == a.sentences[0].text
        True
    """
    article = _as_article(text_or_article)
    wanted = _wanted(extractors)
    steps = _Steps()
    sentences = steps.run("sentences", split_sentences, article.text)
    quantities = steps.run("quantities", find_quantities, article) if "quantities" in wanted else None
    dates = (steps.run("dates", find_dates, article, reference=article.published)
             if "dates" in wanted else None)
    quotes = steps.run("quotes", find_quotes, article) if "quotes" in wanted else None
    claims = None
    if "claims" in wanted:
        # what is already found is handed over; find_claims finds only what was not run here
        claims = steps.run("claims", find_claims, article, sentences=list(sentences),
                           quotes=_listed(quotes), quantities=_listed(quantities), dates=_listed(dates))
    sources = None if quotes is None else steps.run("sources", find_sources, article, quotes=list(quotes))
    return Analysis(article=article, sentences=sentences, quantities=quantities or (), dates=dates or (),
                    quotes=quotes or (), claims=claims or (), sources=sources, timings=steps.timings)


def render_html(analysis, standalone: bool = True, title: str | None = None) -> str:
    """HTML of one or more articles with highlights (``newskit.render_html``); all text is escaped.

    The convenience that analyses first: it draws with :func:`newskit.display.render_html`,
    which takes analyses only.

    Args:
        analysis: an :class:`Analysis`, a list of them, or anything :func:`analyze` accepts
            (a str or an Article, analysed first with every extractor).
        standalone: a whole page (``<!DOCTYPE html>`` with its styles) to save as a file;
            ``False`` gives a fragment with its styles for a notebook cell.
        title: the page title (default: the first article's title).

    Example:
        >>> page = render_html("“We won,” Smith said.")
        >>> page.startswith("<!DOCTYPE html>") and "nk-quote" in page
        True
    """
    items = analysis if isinstance(analysis, (list, tuple)) else [analysis]
    analyses = [a if isinstance(a, Analysis) else analyze(a) for a in items]
    return display.render_html(analyses, standalone=standalone, title=title)


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
