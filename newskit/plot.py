"""Plots of analysis results with matplotlib: each function draws on an Axes and returns it.

Every function takes an :class:`~newskit.analysis.Analysis`, a
:class:`~newskit.corpus.CorpusResult`, or a dict of tables (as from ``to_frames()``), and an
optional ``ax`` to draw on (a new figure otherwise). Nothing is shown or saved: call
``plt.show()`` or ``ax.figure.savefig(...)`` yourself. matplotlib is imported when a function
runs, not when newskit is imported.

Example:
    >>> import newskit
    >>> from newskit.samples import load_sample
    >>> ax = newskit.plot.sources(newskit.analyze(load_sample()))
    >>> ax.get_xlabel()
    'share of the quotes in the text'
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

#: Colours: named sources, anonymous sources, check-worthy claims, other claims, publication.
NAMED, ANONYMOUS, CHECKWORTHY, OTHER, PUBLISHED = "#2f6db5", "#9aa5b1", "#e07b00", "#9aa5b1", "#c62828"


def _tables(data: Any) -> dict:
    """The tables of ``data`` by corpus-table name (``articles``, ``quotes`` …)."""
    from newskit.analysis import Analysis

    if isinstance(data, Analysis):
        frames = data.to_frames()
        frames["articles"] = frames.pop("article")
        return frames
    if hasattr(data, "tables") and hasattr(data, "table"):  # CorpusResult
        return data.tables
    if isinstance(data, dict):
        frames = dict(data)
        if "article" in frames and "articles" not in frames:
            frames["articles"] = frames.pop("article")
        return frames
    raise TypeError(f"expected an Analysis, a CorpusResult or a dict of DataFrames, not {type(data).__name__}")


def _axes(ax, size=(8, 4.5)):
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:  # pragma: no cover - matplotlib is a dependency
        from newskit.errors import missing_extra

        raise missing_extra("matplotlib", "all") from err
    _, ax = plt.subplots(figsize=size)
    return ax


def _empty(ax, title: str, message: str):
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _short(text: Any, width: int = 38) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def sources(data, ax=None, top: int = 10):
    """Horizontal bars: each source's share of all quotes (named sources blue, anonymous grey).

    Args:
        data: an Analysis, a CorpusResult or a dict of tables (uses the ``sources`` table).
        ax: the Axes to draw on (default: a new figure).
        top: how many sources to show; the rest are summed as "other sources".
    """
    import pandas as pd

    ax = _axes(ax)
    title = "Who is quoted"
    src = _tables(data).get("sources")
    if src is None or not len(src) or "quotes" not in src.columns:
        return _empty(ax, title, "no quotes found")
    src = src.assign(speaker=src["speaker"].fillna("(unattributed)"))
    by = src.groupby("speaker").agg(quotes=("quotes", "sum"), anonymous=("anonymous", "max"))
    by = by.sort_values("quotes", ascending=False, kind="stable")
    total = by["quotes"].sum()
    shown = by.head(top)
    if len(by) > top:
        rest = pd.DataFrame({"quotes": [by["quotes"].iloc[top:].sum()], "anonymous": [False]},
                            index=[f"other sources ({len(by) - top})"])
        shown = pd.concat([shown, rest])
    share = shown["quotes"] / total
    colors = [ANONYMOUS if anon else NAMED for anon in shown["anonymous"]]
    labels = [_short(s) for s in shown.index]
    y = range(len(shown))
    ax.barh(list(y), share.values, color=colors)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    for i, (s, n) in enumerate(zip(share.values, shown["quotes"].values)):
        ax.text(s, i, f" {s:.0%} ({n})", va="center", fontsize=8)
    ax.set_xlim(0, min(1.0, share.max() * 1.3 + 0.05))
    ax.xaxis.set_major_formatter(_percent())
    ax.set_xlabel("share of the quotes in the text" if _single(data) else "share of all quotes")
    ax.set_title(f"{title} ({int(total)} quotes; grey = anonymous)")
    return ax


def _percent():
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(1.0)


def _single(data) -> bool:
    from newskit.analysis import Analysis

    return isinstance(data, Analysis)


def claims(data, ax=None, jitter: float = 0.18, seed: int = 0):
    """Claims by type and score: one dot per claim (check-worthy orange), types on the x axis.

    Args:
        data: an Analysis, a CorpusResult or a dict of tables (uses the ``claims`` table).
        ax: the Axes to draw on.
        jitter, seed: horizontal spread of the dots, reproducible.
    """
    import numpy as np

    ax = _axes(ax)
    title = "Claims by type and check-worthiness score"
    cl = _tables(data).get("claims")
    if cl is None or not len(cl) or "score" not in cl.columns:
        return _empty(ax, title, "no claims found")
    kinds = cl["type"].fillna("(none)") if "type" in cl.columns else cl["score"].map(lambda _: "claim")
    order = kinds.value_counts().index.tolist()
    x = kinds.map({k: i for i, k in enumerate(order)}).to_numpy(dtype=float)
    x = x + np.random.default_rng(seed).uniform(-jitter, jitter, len(x))
    worthy = cl["checkworthy"].fillna(False).astype(bool).to_numpy() if "checkworthy" in cl.columns \
        else np.zeros(len(cl), bool)
    scores = cl["score"].astype(float).to_numpy()
    ax.scatter(x[~worthy], scores[~worthy], s=18, color=OTHER, alpha=0.8, label="other claims")
    ax.scatter(x[worthy], scores[worthy], s=18, color=CHECKWORTHY, alpha=0.9, label="check-worthy")
    counts = kinds.value_counts()
    ax.set_xticks(range(len(order)), [f"{k}\n(n={counts[k]})" for k in order], fontsize=8)
    ax.set_ylim(-0.02, 1.02)
    ax.set_ylabel("check-worthiness score")
    ax.set_xlabel("claim type")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


def quantities(data, ax=None, top: int = 12):
    """Bars: how many quantities of each kind (percentage, money, count, distance …)."""
    ax = _axes(ax)
    title = "Quantities by kind"
    qt = _tables(data).get("quantities")
    if qt is None or not len(qt) or "kind" not in qt.columns:
        return _empty(ax, title, "no quantities found")
    counts = qt["kind"].fillna("(none)").value_counts().head(top)
    y = range(len(counts))
    ax.barh(list(y), counts.values, color=NAMED)
    ax.set_yticks(list(y), list(counts.index))
    ax.invert_yaxis()
    for i, n in enumerate(counts.values):
        ax.text(n, i, f" {n}", va="center", fontsize=8)
    ax.set_xlabel("number of quantities")
    ax.set_title(f"{title} ({len(qt)} in all)")
    return ax


def timeline(data, ax=None, max_articles: int = 20, max_range_days: int = 366):
    """The dates each article mentions on a time axis, against its publication date (red bar).

    One row per article (the first ``max_articles``); a range up to ``max_range_days`` long
    (a week, a month, a year) is drawn as a line from its first to its last day, longer ones
    as their first day only.
    """
    ax = _axes(ax, size=(9, 0.45 * min(max_articles, 12) + 1.8))
    title = "Dates mentioned, against the publication date"
    t = _tables(data)
    dates, arts = t.get("dates"), t.get("articles")
    if dates is None or not len(dates) or "resolved" not in dates.columns:
        return _empty(ax, title, "no dates found")
    key = "doc" if "doc" in dates.columns else "article_id"
    if arts is not None and key not in arts.columns:
        arts = None  # articles that cannot be matched to their dates
    order = list(dict.fromkeys((arts if arts is not None else dates)[key]))[:max_articles]
    rows = {k: i for i, k in enumerate(order)}
    if not _draw_dates(ax, dates, key, rows, max_range_days):
        return _empty(ax, title, "no dates could be placed on a calendar")
    if arts is not None and "published" in arts.columns:
        _draw_published(ax, arts, key, rows)
    ax.set_yticks(range(len(order)), _row_labels(arts, key, order), fontsize=8)
    ax.set_ylim(len(order) - 0.5, -0.5)
    n_total = arts[key].nunique(dropna=False) if arts is not None else len(rows)
    ax.set_title(title if n_total <= len(rows) else f"{title} (first {len(rows)} of {n_total} articles)")
    ax.legend(loc="best", fontsize=8, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    ax.figure.autofmt_xdate()
    return ax


def _day(value):
    """The calendar day of a date or datetime value (None for anything else)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _row_labels(arts, key: str, order: list) -> list[str]:
    """Each row's label: the article's title, else its id, else its key."""
    labels = []
    for k in order:
        row = arts[arts[key] == k].iloc[0] if arts is not None else None
        labels.append(_short((row is not None and (row.get("title") or row.get("article_id"))) or k, 40))
    return labels


def _draw_dates(ax, dates, key: str, rows: dict, max_range_days: int) -> bool:
    """A dot at each date's first day (and a line over a short range); False if none has a day."""
    points_x, points_y = [], []
    for _, d in dates.iterrows():
        if d[key] not in rows or _day(d["resolved"]) is None:
            continue
        y = rows[d[key]]
        start, end = _day(d["resolved"]), _day(d.get("resolved_end"))
        if end is not None and start < end <= start + dt.timedelta(days=max_range_days):
            ax.hlines(y, start, end, color=NAMED, alpha=0.45, linewidth=4)
        points_x.append(start)
        points_y.append(y)
    if not points_x:
        return False
    ax.scatter(points_x, points_y, s=22, color=NAMED, zorder=3, label="date mentioned")
    return True


def _draw_published(ax, arts, key: str, rows: dict) -> None:
    """A red bar at each article's publication day."""
    pub = [(rows[k], _day(p)) for k, p in zip(arts[key], arts["published"]) if k in rows and _day(p)]
    if pub:
        ax.scatter([p for _, p in pub], [y for y, _ in pub], marker="|", s=300, color=PUBLISHED,
                   zorder=4, label="published")


def save_figures(data, directory, dpi: int = 120, kinds=("sources", "claims")) -> list[Path]:
    """Draw plots without pyplot (safe on servers) and save them as PNG files; return the paths.

    Args:
        data: an Analysis, a CorpusResult or a dict of tables.
        directory: where to write ``<kind>.png``.
        kinds: which plots: any of ``"sources"``, ``"claims"``, ``"quantities"``, ``"timeline"``.
    """
    from matplotlib.figure import Figure

    functions = {"sources": sources, "claims": claims, "quantities": quantities, "timeline": timeline}
    unknown = set(kinds) - set(functions)
    if unknown:
        raise ValueError(f"unknown plots {sorted(unknown)}; choose from {list(functions)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in kinds:
        fig = Figure(figsize=(9, 5.5) if kind == "timeline" else (8, 4.5))
        ax = fig.add_subplot()
        functions[kind](data, ax=ax)
        fig.tight_layout()
        path = directory / f"{kind}.png"
        fig.savefig(path, dpi=dpi)
        paths.append(path)
    return paths
