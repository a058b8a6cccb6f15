"""Check-worthy claims: one :class:`Claim` per sentence, with a score, a type and a claimer.

``find_claims`` scores every sentence with the shipped check-worthiness model
(:mod:`newskit.claims.model`, numpy only) and types it (:mod:`newskit.claims.claim_types`: a
check-worthy claim gets a claim type, any other ``personal``, ``opinion`` or ``not_claim``, so
``type`` and ``checkworthy`` agree); both read the named signals of
:mod:`newskit.claims.signals`. It attaches what the other extractors found inside the sentence:

- the **claimer** from quote attribution (:func:`newskit.quotes.find_quotes`) when the
  sentence lies inside a quote or an attributed statement (not a reported stance such as
  "X blamed Y for Z", which stays the outlet's claim), else the outlet (``Article.source``,
  then ``Article.byline``; None for a plain string);
- the **quantities** (:func:`newskit.quantities.find_quantities`) and **dates**
  (:func:`newskit.dates.find_dates`) whose spans lie inside the sentence.

Those three extractors are imported directly and called only for what the caller did not
hand over (``newskit.analyze`` hands over everything it already found). An error in one of
them is raised: it is a bug to fix, never an empty result.

Example:
    >>> import newskit
    >>> c = newskit.find_claims("Unemployment fell to 4.1 percent last year. Thank you.")
    >>> [(x.text, x.checkworthy, x.type) for x in c]
    [('Unemployment fell to 4.1 percent last year.', True, 'quantity'), ('Thank you.', False, 'not_claim')]
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from newskit.article import Article, as_text_and_reference
from newskit.claims.claim_types import CLAIM_TYPES
from newskit.claims.model import decide, load_model
from newskit.claims.signals import is_caption, signal_matrix
from newskit.dates import find_dates
from newskit.errors import InputError
from newskit.quantities import find_quantities
from newskit.quotes import find_quotes
from newskit.sentences import split_sentences
from newskit.tables import to_frame

__all__ = ["Claim", "find_claims", "claims_frame", "CLAIM_TYPES", "FIELDS"]

#: where a claim's offsets point: ``Article.text``, ``Article.title`` or ``Article.captions[i]``
FIELDS = ("body", "title", "caption")


@dataclass(frozen=True)
class Claim:
    """A sentence (or headline, or caption) as a claim.

    ``source[start:end] == text``, where ``source`` is the text named by ``field``: the body
    (``Article.text``, or the string given), the ``title``, or ``captions[field_index]``.

    Attributes:
        score: calibrated check-worthiness in 0–1.
        checkworthy: ``score >= threshold``, unless the claim is a caption or has the shape of
            page furniture (then False).
        type: one of ``CLAIM_TYPES``; one of ``CHECKWORTHY_TYPES`` exactly when check-worthy.
        claimer: who makes the claim: the quote's speaker, else the outlet (None if unknown).
        claimer_anonymous: True when the claimer is an unnamed source.
        quantities, dates: the ``Quantity`` and ``DateMention`` results inside the claim.
        hedged: the claim holds a hedge (may, could, reportedly, allegedly …).
        field, field_index: which text the offsets point into (see ``FIELDS``).
        rule: why ``type``: the signal that added most to it (e.g. ``"quantity:q_any"``), or
            ``"not_claim:caption"`` / ``"not_claim:furniture"``.
        attribution: how the claimer was found: ``"quote:direct"``, ``"quote:indirect"``,
            ``"quote:mixed"`` or ``"outlet"``.
    """

    start: int
    end: int
    text: str
    score: float
    checkworthy: bool
    type: str
    claimer: str | None = None
    claimer_anonymous: bool = False
    quantities: tuple = ()
    dates: tuple = ()
    hedged: bool = False
    field: str = "body"
    field_index: int = 0
    rule: str = ""
    attribution: str = "outlet"


class _Within:
    """Items (with start/end) inside ``[start, end)`` windows asked in increasing order.

    One pass over the sorted items for all the sentences of a text: linear, not one scan of
    every item per sentence.
    """

    def __init__(self, items) -> None:
        self.items = sorted(items or (), key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def inside(self, start: int, end: int) -> tuple:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return tuple(out)


def _frame(q) -> tuple[int, int]:
    """A quote's whole attribution: its content plus its speaker and cue in the same sentence."""
    starts = [q.start] + [x for x in (getattr(q, "speaker_start", None),
                                      getattr(q, "cue_start", None)) if x is not None]
    ends = [q.end] + [x for x in (getattr(q, "speaker_end", None),
                                  getattr(q, "cue_end", None)) if x is not None]
    return min(starts), max(ends)


class _QuoteCover:
    """For sentences asked in increasing order: the quote whose attribution covers at least
    half of the sentence (the most), keeping only the quotes that can still overlap."""

    def __init__(self, quotes) -> None:
        self.frames = sorted(((*_frame(q), k, q) for k, q in enumerate(quotes or ())),
                             key=lambda f: (f[0], f[2]))
        self.next = 0
        self.active: list = []

    def cover(self, start: int, end: int):
        while self.next < len(self.frames) and self.frames[self.next][0] < end:
            self.active.append(self.frames[self.next])
            self.next += 1
        self.active = [f for f in self.active if f[1] > start]
        best, best_overlap, best_k = None, 0, -1
        for q_start, q_end, k, q in self.active:
            overlap = min(end, q_end) - max(start, q_start)
            if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and k < best_k):
                best, best_overlap, best_k = q, overlap, k  # ties: the earlier quote
        if best is not None and best_overlap * 2 >= end - start:
            return best
        return None


def _claimer(q, outlet) -> tuple[str | None, bool, str]:
    """Who makes the claim of a body sentence whose attribution is quote ``q`` (or None):
    ``(claimer, anonymous, attribution)``."""
    # a stance ("X blamed Y for Z", "X endorsed the plan") reports an attitude or an act of X,
    # not a statement of fact X makes: the claim stays the outlet's
    if q is None or "stance" in (getattr(q, "rule", "") or ""):
        return outlet, False, "outlet"
    speaker = q.speaker or getattr(q, "speaker_text", None)
    if not speaker:
        return outlet, False, "outlet"
    return speaker, bool(getattr(q, "anonymous", False)), f"quote:{q.kind}"


def _outlet(obj) -> str | None:
    if isinstance(obj, Article):
        return obj.source or obj.byline
    return None


def find_claims(text_or_article, threshold: float | None = None, *, quotes=None,
                quantities=None, dates=None, sentences=None) -> list[Claim]:
    """Split a text into sentences and return each as a scored, typed, attributed claim.

    Args:
        text_or_article: a str or a :class:`newskit.Article`. For an Article the title and
            each real caption (:func:`newskit.claims.signals.is_caption`) are claims too (of the
            outlet, never check-worthy for a caption), with offsets into that string and
            ``field`` set to ``"title"`` or ``"caption"``.
        threshold: the score from which a claim counts as check-worthy, in 0–1. Default:
            the shipped one, chosen by grouped cross-validation on the training data to hold
            across collections with 15–45 % check-worthy sentences
            (``newskit.claims.model.load_model().threshold``).
        quotes, quantities, dates: results already found in this same text (by
            ``find_quotes``, ``find_quantities``, ``find_dates``), so that they are not found
            again; by default each is found here. ``newskit.analyze`` passes them.
        sentences: the sentences of this text (from ``split_sentences``), so that it is not
            split again.

    Returns:
        Claims in order: title, captions, then body sentences in text order.

    Raises:
        InputError: ``threshold`` outside 0–1.

    Example:
        >>> [(c.type, c.checkworthy) for c in find_claims("Sign up for our newsletter.")]
        [('not_claim', False)]

    References:
        Hassan, N. et al. (2017). ClaimBuster (KDD); Konstantinovskiy, L. et al. (2021),
        the Full Fact claim taxonomy (Digital Threats: Research and Practice).
    """
    text, reference = as_text_and_reference(text_or_article)
    model = load_model()
    threshold = _threshold(threshold, model.threshold)
    pieces = _meta_pieces(text_or_article)
    n_meta = len(pieces)
    for s in split_sentences(text) if sentences is None else sentences:
        pieces.append(("body", 0, s.start, s.end, s.text))
    if not pieces:
        return []

    if n_meta < len(pieces):  # body sentences: what lies in them, found here unless handed over
        if quotes is None:
            quotes = find_quotes(text)
        if quantities is None:
            quantities = find_quantities(text)
        if dates is None:
            dates = find_dates(text, reference=reference)
    outlet = _outlet(text_or_article)
    cover, quantities_in, dates_in = _QuoteCover(quotes), _Within(quantities), _Within(dates)
    found = []  # per piece: claimer, anonymous, attribution, quantities, dates, covering quote
    for fld, idx, start, end, sent in pieces:
        claimer, anonymous, attribution, q = outlet, False, "outlet", None
        qs, ds = (), ()
        if fld == "body":
            claimer, anonymous, attribution = _claimer(cover.cover(start, end), outlet)
            qs = quantities_in.inside(start, end)
            ds = dates_in.inside(start, end)
        found.append((claimer, anonymous, attribution, qs, ds, q))
    signals = signal_matrix([(p[4], f[3], f[4], f[5]) for p, f in zip(pieces, found)])
    decisions = decide([p[4] for p in pieces], signals, [p[0] for p in pieces], threshold)

    out = []
    for (fld, idx, start, end, sent), (claimer, anonymous, attribution, qs, ds, _), \
            (score, checkworthy, kind, rule, hedged) in zip(pieces, found, decisions):
        out.append(Claim(
            start=start, end=end, text=sent, score=score,
            checkworthy=checkworthy, type=kind, claimer=claimer,
            claimer_anonymous=anonymous, quantities=qs, dates=ds, hedged=hedged,
            field=fld, field_index=idx, rule=rule, attribution=attribution,
        ))
    return out


def _threshold(threshold, default: float) -> float:
    """The check-worthiness threshold asked for (the model's own for None), checked."""
    if threshold is None:
        return default
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be a number in 0–1 (or None for the default "
                         f"{default:.3f}), not {threshold!r}")
    return threshold


def _meta_pieces(text_or_article) -> list[tuple[str, int, int, int, str]]:
    """``(field, index, start, end, text)`` of an Article's title and captions (none for a str)."""
    pieces: list[tuple[str, int, int, int, str]] = []
    if isinstance(text_or_article, Article):
        if text_or_article.title and text_or_article.title.strip():
            t = text_or_article.title
            pieces.append(("title", 0, 0, len(t), t))
        for i, cap in enumerate(text_or_article.captions):
            if cap and is_caption(cap):  # credits, counters and the like are not captions
                pieces.append(("caption", i, 0, len(cap), cap))
    return pieces


def claims_frame(text_or_article, threshold: float | None = None):
    """``find_claims`` as a pandas DataFrame (one row per claim, nested results as text)."""
    return to_frame(find_claims(text_or_article, threshold), Claim)
