"""HTML view of an analysed article: the text with quotes, speakers, claims, quantities and dates
highlighted, for notebooks (:meth:`Analysis._repr_html_`) and as a standalone page.

This module renders what it is given: an analysis (anything with ``article``, ``sentences``,
``quantities``, ``dates``, ``quotes``, ``claims`` and ``sources`` like
:class:`newskit.analysis.Analysis`). It sits below :mod:`newskit.analysis` and never imports
it; ``newskit.render_html`` (:func:`newskit.analysis.render_html`) is the convenience that
analyses a str or an Article first.

Everything taken from the input — text, title, metadata, speaker names, tooltips — goes through
:func:`html.escape` as it is written; markup in an article stays visible text, never markup.

Example:
    >>> import newskit
    >>> page = render_html(newskit.analyze("<b>Prices</b> rose 5 percent."))
    >>> "&lt;b&gt;Prices&lt;/b&gt;" in page and "<b>" not in page
    True
"""
from __future__ import annotations

import html
from typing import Any, Iterable

from newskit.tables import to_frame

#: ``field`` values of results whose offsets point into the article body (claims on the title
#: or a caption point into those strings instead and are listed, not highlighted).
BODY_FIELDS = (None, "body", "text")

#: Highlight classes, lowest layer first (a later class's colour wins where spans overlap).
LAYERS = ("claim", "checkworthy", "quote", "cue", "speaker", "date", "quantity")

CSS = """
.nk-article{font-family:Georgia,serif;line-height:1.55;max-width:48em;color:#222}
.nk-article h1,.nk-article h2{font-family:Helvetica,Arial,sans-serif;margin:.2em 0}
.nk-meta{color:#555;font-size:.9em;font-family:Helvetica,Arial,sans-serif}
.nk-legend{font-family:Helvetica,Arial,sans-serif;font-size:.8em;margin:.5em 0}
.nk-legend span{padding:0 .35em;margin-right:.4em;border-radius:3px}
.nk-claim{border-bottom:2px dotted #c9a100}
.nk-checkworthy{border-bottom:2px solid #e07b00;background:#fff4d6}
.nk-quote{background:#e2f3e0}
.nk-cue{font-style:italic}
.nk-speaker{font-weight:bold;color:#1b5e20}
.nk-date{background:#efe2ff}
.nk-quantity{background:#d9e8ff}
.nk-tables{font-family:Helvetica,Arial,sans-serif;font-size:.85em}
.nk-tables table{border-collapse:collapse;margin:.4em 0}
.nk-tables td,.nk-tables th{border:1px solid #ddd;padding:.15em .5em;text-align:left}
"""

_LEGEND = (("quote", "quote"), ("speaker", "speaker"), ("checkworthy", "check-worthy claim"),
           ("claim", "other claim"), ("quantity", "quantity"), ("date", "date"))


def _e(value: Any) -> str:
    """Escape any value for text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _spans(analysis) -> list[tuple[int, int, str, str]]:
    """``(start, end, layer, tooltip)`` for every highlight in the body text."""
    out = [*_claim_spans(analysis.claims), *_quote_spans(analysis.quotes),
           *_date_spans(analysis.dates), *_quantity_spans(analysis.quantities)]
    n = len(analysis.article.text)
    return [(max(0, s), min(n, e), layer, tip) for s, e, layer, tip in out if 0 <= s < e]


def _claim_spans(claims) -> list[tuple[int, int, str, str]]:
    out = []
    for c in claims:
        if getattr(c, "field", None) not in BODY_FIELDS:
            continue  # a claim in the title or a caption: listed, not highlighted in the body
        score = getattr(c, "score", None)
        kind = getattr(c, "type", None)
        layer = "checkworthy" if getattr(c, "checkworthy", False) else "claim"
        tip = "claim" + (f" {score:.2f}" if isinstance(score, (int, float)) else "") + (f" ({kind})" if kind else "")
        out.append((c.start, c.end, layer, tip))
    return out


def _quote_spans(quotes) -> list[tuple[int, int, str, str]]:
    """Each quote, then its speaker mention and its cue where it has them."""
    out = []
    for q in quotes:
        who = getattr(q, "speaker", None) or ("anonymous" if getattr(q, "anonymous", False) else "unattributed")
        out.append((q.start, q.end, "quote", f"{getattr(q, 'kind', '')} quote by {who}".strip()))
        ss, se = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
        if isinstance(ss, int) and isinstance(se, int) and se > ss:
            role = getattr(q, "role", None)
            out.append((ss, se, "speaker", f"speaker: {who}" + (f" ({role})" if role else "")))
        cs, ce = getattr(q, "cue_start", None), getattr(q, "cue_end", None)
        if isinstance(cs, int) and isinstance(ce, int) and ce > cs:
            out.append((cs, ce, "cue", f"cue: {getattr(q, 'cue', '')}"))
    return out


def _date_spans(dates) -> list[tuple[int, int, str, str]]:
    out = []
    for d in dates:
        resolved = getattr(d, "resolved", None)
        tip = f"date ({getattr(d, 'kind', '')})" + (f" → {resolved}" if resolved is not None else "")
        out.append((d.start, d.end, "date", tip))
    return out


def _quantity_spans(quantities) -> list[tuple[int, int, str, str]]:
    out = []
    for q in quantities:
        value, unit, kind = getattr(q, "value", None), getattr(q, "unit", None), getattr(q, "kind", None)
        tip = "quantity" + (f" ({kind})" if kind else "") + f": {value if value is not None else ''} {unit or ''}"
        out.append((q.start, q.end, "quantity", tip.strip()))
    return out


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            ranges.append((pos, pos + len(part)))
        pos += len(part) + 2
    return ranges


def _highlight(text: str, spans: list[tuple[int, int, str, str]], start: int, end: int) -> str:
    """Escaped ``text[start:end]`` with overlapping spans flattened into classed segments."""
    inside = [(max(s, start), min(e, end), layer, tip) for s, e, layer, tip in spans if s < end and e > start]
    cuts = sorted({start, end, *(s for s, *_ in inside), *(e for _, e, *_ in inside)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a:b]).replace("\n", "<br>")
        active = [(layer, tip) for s, e, layer, tip in inside if s <= a and e >= b]
        if not active:
            parts.append(piece)
            continue
        layers = sorted({layer for layer, _ in active}, key=LAYERS.index)
        tips = list(dict.fromkeys(tip for _, tip in active))
        classes = " ".join(f"nk-{layer}" for layer in layers)
        parts.append(f'<span class="{classes}" title="{_e(" | ".join(tips))}">{piece}</span>')
    return "".join(parts)


def _table(frame, columns: Iterable[str], limit: int = 15) -> str:
    cols = [c for c in columns if c in frame.columns]
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(row[c])}</td>" for c in cols) + "</tr>"
        for _, row in frame.head(limit).iterrows()
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def article_html(analysis) -> str:
    """The HTML fragment of one analysis (no ``<html>`` page around it; styles not included)."""
    art = analysis.article
    meta = [f"{label} {value}" for label, value in (
        ("published", art.published), ("dateline", art.dateline), ("source", art.source),
        ("by", art.byline), ("id", art.id)) if value]
    parts = ['<article class="nk-article">', f"<h2>{_e(art.title or art.id or '(untitled)')}</h2>"]
    if meta:
        parts.append(f'<div class="nk-meta">{_e(" · ".join(meta))}</div>')
    legend = "".join(f'<span class="nk-{layer}">{_e(label)}</span>' for layer, label in _LEGEND)
    parts.append(f'<div class="nk-legend">{legend}</div>')
    spans = _spans(analysis)
    for start, end in _paragraph_ranges(art.text):
        parts.append(f"<p>{_highlight(art.text, spans, start, end)}</p>")

    tables = []
    sources = getattr(analysis, "sources", None)
    if sources:
        tables.append("<h4>Sources</h4>" + _table(to_frame(sources), ["speaker", "role", "anonymous", "quotes", "words"]))
    if analysis.claims:
        rows = [{"score": round(getattr(c, "score", float("nan")) or 0, 2), "type": getattr(c, "type", None),
                 "field": getattr(c, "field", "body"), "claim": c.text} for c in analysis.claims]
        frame = to_frame(rows).sort_values("score", ascending=False, kind="stable")
        tables.append("<h4>Claims</h4>" + _table(frame, ["score", "type", "field", "claim"], limit=10))
    if tables:
        parts.append('<div class="nk-tables">' + "".join(tables) + "</div>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(analysis, standalone: bool = True, title: str | None = None) -> str:
    """HTML of one or more analysed articles with highlights; all input text is escaped.

    Args:
        analysis: an :class:`~newskit.analysis.Analysis` or a list of them. To draw a str or
            an Article, analyse it first, or call ``newskit.render_html``, which does.
        standalone: a whole page (``<!DOCTYPE html>`` with its styles) to save as a file;
            ``False`` gives a fragment with its styles for a notebook cell.
        title: the page title (default: the first article's title).

    Raises:
        TypeError: something that is not an analysis (a str, an Article …).

    Example:
        >>> import newskit
        >>> page = render_html(newskit.analyze("“We won,” Smith said."))
        >>> page.startswith("<!DOCTYPE html>")
        True
    """
    items = list(analysis) if isinstance(analysis, (list, tuple)) else [analysis]
    for item in items:
        if not hasattr(item, "article"):
            raise TypeError(
                f"newskit.display.render_html draws analyses, not a {type(item).__name__}: "
                "use newskit.render_html(...), which analyses a str or an Article first, "
                "or newskit.analyze(...)"
            )
    body = "\n<hr>\n".join(article_html(a) for a in items)
    style = f"<style>{CSS}</style>"
    if not standalone:
        return f'<div class="nk-view">{style}\n{body}</div>'
    first = items[0].article if items else None
    page_title = title or (first and (first.title or first.id)) or "newskit"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_e(page_title)}</title>\n{style}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
