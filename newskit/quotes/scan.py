"""Reading a text: paragraphs → quote blocks → tokens → sentences → the frames of each sentence.

:func:`scan` yields, in text order, the frames that the rules of :mod:`newskit.quotes.frames`
read in each sentence, and the bare quote sentences (quote blocks only) that
:mod:`newskit.quotes.assemble` attributes from their neighbours. :func:`sentence_frames` tries
the cue words of a sentence left to right (cues do not overlap), keeps a second frame only
where it stands beside the first (:func:`accept_after`), then adds the sentence-wide rules.

Example:
    >>> [(type(e).__name__, e.rule) for e in scan('“We will win,” Smith said. Officials agreed.')]
    [('Frame', 'quote-then-source')]
"""
from __future__ import annotations

from newskit.quotes.cues import cue_candidates, is_cue
from newskit.quotes.frames import (
    BareQuote, Frame, according_to, asked, evidential, frame_at, gerund_continuation,
    in_document, quote_block,
)
from newskit.quotes.lexicon import QUESTION_STARTS, RELATIVE, cue_lexicon
from newskit.quotes.marks import quote_segments
from newskit.quotes.tokens import Token, indices, sentences, tokens

# After one of these, the rest of the sentence is the attribution's tail or role.
_TAKES_SENTENCE_REST = frozenset({"quote-then-source", "quote-then-cue-source", "content-then-source",
                                  "content-then-cue-source", "parenthetical"})
# A second frame inside the previous one's content may cut it only with one of these rules.
_MAY_CUT_PREVIOUS = frozenset({"source-cue-content", "source-stance-content", "source-cue-quote",
                               "source-cue-colon"})
# A relative clause may be the content of these ("Barkley, who said he votes Democratic, said …").
_RELATIVE_CONTENT_RULES = frozenset({"source-cue-content", "source-stance-content"})


def scan(text: str) -> list[Frame | BareQuote]:
    """The frames and bare quotes of ``text``, in order."""
    paras, seg_by_para = quote_segments(text)
    events: list[Frame | BareQuote] = []
    for pi, ((ps, pe), segs) in enumerate(zip(paras, seg_by_para)):
        blocks = [s for s in segs if s.block]
        toks = tokens(text, ps, pe, blocks)
        for sent in sentences(toks):
            fs = sentence_frames(sent)
            qs = [t for t in sent if t.kind == "Q"] if blocks else []
            conts = {t.seg.cstart for t in qs if t.seg.cont_prev}
            for f in fs:
                f.para = pi
                f.cont = f.direct and f.parts[0][0] in conts
                events.append(f)
            if not fs and qs and not any(t.kind == "w" for t in sent):
                events.append(BareQuote(pi, [(t.seg.cstart, t.seg.cend) for t in qs],
                                        qs[0].seg.cont_prev))
    return events


def sentence_frames(toks: list[Token]) -> list[Frame]:
    """Attribution frames of one sentence (list of tokens, quote blocks atomic)."""
    # The tokens' lower-case forms, to find the few tokens that matter by C-speed list and set
    # operations (a quote block's is "", and only its).
    lows = [t.low for t in toks]
    frames = _cue_frames(toks, lows)
    _add_sentence_wide_frames(toks, lows, frames)
    # quote blocks that no frame took: "… Shaw: “…”", "… issued a statement saying “…”"
    blocks = indices(lows, "") if "" in lows else []
    if blocks and not any(t.kind == "w" for t in toks):
        return frames  # a bare quote sentence: attributed later, from its neighbours
    covered = [(a, b) for f in frames for a, b in f.parts]
    for k in blocks:
        if not any(a <= toks[k].seg.cstart < b for a, b in covered):
            frames.append(quote_block(toks, k))
    frames.sort(key=lambda f: f.parts[0][0])
    return frames


def _add_sentence_wide_frames(toks: list[Token], lows: list[str], frames: list[Frame]) -> None:
    """The rules read from the whole sentence: evidential (only where no cue frame was found),
    then asked and in-document where they overlap no frame."""
    if not frames and not cue_lexicon().evidential_by_first.keys().isdisjoint(lows):
        ev = evidential(toks)
        if ev is not None:
            frames.append(ev)
    for extra in (asked(toks) if "asked" in lows else None, in_document(toks)):
        if extra is not None and not any(a < extra.parts[0][1] and extra.parts[0][0] < b
                                         for f in frames for a, b in f.parts):
            frames.append(extra)


def _cue_frames(toks: list[Token], lows: list[str]) -> list[Frame]:
    """The frames around the sentence's cue words, left to right."""
    frames: list[Frame] = []
    n = len(toks)
    used_until = 0
    if n > 2 and toks[0].low in QUESTION_STARTS and toks[-1].text == "?":
        used_until = n  # "Do you support Donald Trump?": a question, not an attribution
    after_cue = 0  # the token after the last cue found: cues do not overlap
    for i in cue_candidates(lows):
        if i < after_cue or i < used_until:
            continue
        length = is_cue(toks, i)
        if not length:
            continue
        after_cue = i + length
        cue = (toks[i].start, toks[i + length - 1].end)
        if toks[i].low == "according" and length == 2:
            f = according_to(toks, i)
        else:
            f = frame_at(toks, i, length, cue)
        if f is not None and frames and not accept_after(frames[-1], f, toks):
            f = None
        if f is not None and i > 0 and toks[i - 1].low in RELATIVE and _cue_follows(toks, i + length):
            f = _relative_clause_content(toks, i, length, f)
        if f is None:
            continue
        frames.append(f)
        used_until = n if f.rule in _TAKES_SENTENCE_REST else i + length
        g = gerund_continuation(toks, lows, f, i + length)  # ", adding …": the same source
        if g is not None:
            frames.append(g)
            used_until = n
    return frames


def _cue_follows(toks: list[Token], start: int) -> bool:
    """Whether a cue (not a stance cue) comes in toks[start:]: the main verb of a sentence
    whose earlier cue stands in a relative clause."""
    stance = cue_lexicon().stance
    return any(is_cue(toks, k) and toks[k].low not in stance for k in range(start, len(toks)))


def _relative_clause_content(toks: list[Token], i: int, length: int, f: Frame) -> Frame | None:
    """A frame whose cue toks[i] follows a relative pronoun, with a main cue later: "Council
    members who backed it said …" (the verb of a relative clause: no frame), except
    "Barkley, who said he votes Democratic, said …" (the relative clause is one, cut at its
    comma)."""
    n = len(toks)
    comma = next((k for k in range(i + length, n) if toks[k].text == ","), None)
    if not (i >= 2 and toks[i - 2].text == "," and comma is not None
            and f.rule in _RELATIVE_CONTENT_RULES and comma - (i + length) >= 2):
        return None
    f.parts = [(f.parts[0][0], toks[comma - 1].end)]
    return f if f.parts[0][1] > f.parts[0][0] else None


def accept_after(prev: Frame, f: Frame, toks: list[Token]) -> bool:
    """Whether a second frame in a sentence stands beside the previous one (which is cut)."""
    p_start, p_end = prev.parts[0][0], prev.parts[-1][1]
    f_cue = f.cue[0] if f.cue else f.parts[0][0]
    if not (p_start <= f_cue < p_end):
        return True  # outside the previous content
    if prev.direct or f.src is None or f.rule not in _MAY_CUT_PREVIOUS:
        return False
    ci = next((k for k, t in enumerate(toks) if t.start == f_cue), None)
    if ci is not None and ci >= 2 and toks[ci - 1].low in {"and", "but"} and f.src[1] <= p_start:
        return _cut_before_coordinated_cue(prev, toks, ci)
    return _cut_at_comma_before(prev, f, toks)


def _cut_before_coordinated_cue(prev: Frame, toks: list[Token], ci: int) -> bool:
    """"Opponents warned that A and said B": a coordinated cue toks[ci] with the same subject;
    the previous content ends before "and"."""
    if toks[ci - 2].end - prev.parts[-1][0] < 8:
        return False
    prev.parts[-1] = (prev.parts[-1][0], toks[ci - 2].end)
    return True


def _cut_at_comma_before(prev: Frame, f: Frame, toks: list[Token]) -> bool:
    """"Although the map showed that A, several officers said that B": the previous content is
    cut at the last comma before the new source (at most 120 characters before it)."""
    p_start = prev.parts[0][0]
    comma = None
    for t in toks:
        if p_start <= t.start < f.src[0] and t.text in {",", ";"}:
            comma = t
    if comma is None or f.src[0] - comma.end > 120:
        return False
    before = [t for t in toks if p_start <= t.start and t.end <= comma.start]
    if not before or before[-1].end - prev.parts[-1][0] < 8:
        return False
    prev.parts[-1] = (prev.parts[-1][0], before[-1].end)
    return True
