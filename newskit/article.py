"""The Article: a cleaned news text, its metadata, and the map from clean offsets to raw ones.

Example:
    >>> import newskit
    >>> art = newskit.clean("Follow\\nLONDON: Prices rose 5 percent, officials said.")
    >>> art.dateline, art.text
    ('LONDON', 'Prices rose 5 percent, officials said.')
    >>> art.raw[art.raw_offset(0):art.raw_offset(6)]
    'Prices'
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Removal:
    """A piece of the raw text that cleaning took out of the body, and why.

    ``raw[start:end] == text``. ``reason`` is a short name such as ``"repeated-headline"``,
    ``"caption"``, ``"social"``, ``"dateline"``, ``"byline"``, ``"timestamp"``.
    """

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Segment:
    """``text[clean_start:clean_start + clean_len]`` came from ``raw[raw_start:raw_end]``."""

    clean_start: int
    clean_len: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class Article:
    """A news article: clean body text plus metadata and what cleaning removed.

    Attributes:
        text: the clean body (paragraphs separated by blank lines).
        raw: the text as loaded (after decoding), before cleaning.
        title: the headline, once.
        published: publication date (``datetime.date``) or None.
        updated: date of the last update, or None.
        published_time: full publication timestamp with time zone where the source gave one.
        dateline: place of the dateline (``"BAGHDAD"``), or None.
        captions: photo captions, in order.
        source: news agency or outlet credited in the text or metadata.
        url: address of the article, if known.
        byline: author(s), if known.
        removed: every piece of ``raw`` not kept in the body, with its reason.
        id: an identifier (file name, JSON id …).
        path: the file it was read from, if any.
    """

    text: str
    raw: str = ""
    title: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    published_time: dt.datetime | None = None
    dateline: str | None = None
    captions: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    removed: tuple[Removal, ...] = ()
    id: str | None = None
    path: str | None = None
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)
    _segment_starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_segment_starts", tuple(s.clean_start for s in self.segments))

    def raw_offset(self, offset: int) -> int:
        """Map a character offset in ``text`` to the matching offset in ``raw``.

        Offsets at the end of a piece map to the end of its raw piece, so that
        ``raw[raw_offset(s):raw_offset(e)]`` is the raw text of ``text[s:e]``.
        """
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the text (0..{len(self.text)})")
        if not self.segments:
            return min(offset, len(self.raw))
        i = bisect.bisect_right(self._segment_starts, offset) - 1
        if i < 0:
            return self.segments[0].raw_start
        seg = self.segments[i]
        inside = offset - seg.clean_start
        if inside > seg.clean_len:  # in a separator that cleaning inserted: snap to the end
            return seg.raw_end
        if seg.clean_len == seg.raw_end - seg.raw_start:
            return seg.raw_start + inside
        if inside == seg.clean_len:
            return seg.raw_end
        # normalisation changed the length: map proportionally within the piece
        return seg.raw_start + (inside * (seg.raw_end - seg.raw_start)) // max(seg.clean_len, 1)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the ``(start, end)`` of the same words in ``raw``."""
        return self.raw_offset(start), max(self.raw_offset(start), self.raw_offset(end))

    def with_metadata(self, **changes) -> "Article":
        """A copy with some metadata fields replaced (``published``, ``url``, ``id`` …)."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """A flat dict of the metadata and the clean text (for DataFrames and JSON)."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "dateline": self.dateline,
            "source": self.source,
            "byline": self.byline,
            "url": self.url,
            "path": self.path,
            "captions": list(self.captions),
            "n_removed": len(self.removed),
            "n_chars": len(self.text),
            "text": self.text,
        }

    def removed_frame(self):
        """What cleaning removed, as a DataFrame (start, end, text, reason; offsets into raw)."""
        from newskit.tables import to_frame

        return to_frame(self.removed, Removal)

    def _repr_html_(self) -> str:
        import html

        meta = ", ".join(
            html.escape(f"{k}: {v}")
            for k, v in (("published", self.published), ("dateline", self.dateline),
                         ("source", self.source), ("byline", self.byline))
            if v
        )
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in self.text.split("\n\n"))
        return f"<h3>{html.escape(self.title or '(untitled)')}</h3><p><i>{meta}</i></p>{paras}"


def as_text_and_reference(text_or_article) -> tuple[str, dt.date | None]:
    """The text to analyse and its publication date, from a str or an Article."""
    if isinstance(text_or_article, Article):
        return text_or_article.text, text_or_article.published
    if isinstance(text_or_article, str):
        return text_or_article, None
    raise TypeError(f"expected a str or newskit.Article, not {type(text_or_article).__name__}")
