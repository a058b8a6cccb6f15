"""Contents: what is reported, on either side of an attribution, as token spans.

A content is two words or more, or a quotation (:func:`is_content`). It is read left of an
attribution up to its comma (:func:`content_left`) or right of a cue to the end of the sentence
(:func:`content_right`); :func:`span_parts` turns it into character parts, a content made of
quote blocks alone becoming their inner texts (a direct quote). After a final cue only a tail
may follow (:func:`tail_ok`: "… on Friday.", "… in a statement to reporters.").

Example:
    >>> from newskit.quotes.tokens import tokens
    >>> text = "The vote was close, officials said on Friday."
    >>> toks = tokens(text, 0, len(text), [])
    >>> content_left(toks, 0, 5), tail_ok(toks, 7, len(toks))
    ((0, 4), True)
"""
from __future__ import annotations

from newskit.quotes.lexicon import (
    DAYS, GERUND_CONTINUATIONS, NP_BREAK, TAIL_PREPOSITIONS, TIME_WORDS, cue_lexicon,
)
from newskit.quotes.tokens import SENTENCE_END, Token

_FINAL_PUNCTUATION = SENTENCE_END | {",", ";", ":"}
_TRAILING_PUNCTUATION = frozenset({",", ";", ":", "—", "–"})
_COMPLEMENTISERS = frozenset({"that", "whether"})
_MAX_TAIL_WORDS = 15


def content_right(toks: list[Token], j: int, hi: int) -> tuple[int, int] | None:
    """Content tokens from j to the end of the sentence (final punctuation dropped)."""
    e = hi
    while e > j and toks[e - 1].kind == "p" and toks[e - 1].text in _FINAL_PUNCTUATION:
        e -= 1
    return (j, e) if is_content(toks, j, e) else None


def content_left(toks: list[Token], lo: int, k: int) -> tuple[int, int] | None:
    """Content tokens from lo up to (not including) index k, trailing commas dropped."""
    e = k
    while e > lo and toks[e - 1].kind == "p" and toks[e - 1].text in _TRAILING_PUNCTUATION:
        e -= 1
    return (lo, e) if is_content(toks, lo, e) else None


def is_content(toks: list[Token], s: int, e: int) -> bool:
    """Can toks[s:e] be a reported content: two words or more, or a quotation?"""
    words = 0
    for k in range(s, e):
        kind = toks[k].kind
        if kind == "Q":
            return True
        if kind == "w":
            words += 1
            if words == 2:
                return True
    return False


def span_parts(toks: list[Token], s: int, e: int) -> tuple[list[tuple[int, int]], bool]:
    """Character parts of toks[s:e] and whether it is direct: quote blocks alone (with commas
    and periods between them) become their inner contents, anything else is one span."""
    if e - s == 1 and toks[s].kind == "Q":
        seg = toks[s].seg
        return [(seg.cstart, seg.cend)], True
    qs = []
    for k in range(s, e):
        if toks[k].kind == "Q":
            qs.append(toks[k])
        elif toks[k].text not in {",", "."}:
            break  # not only quotes: one span
    else:
        if qs:
            return [(t.seg.cstart, t.seg.cend) for t in qs], True
    return [(toks[s].start, toks[e - 1].end)], False


def tail_ok(toks: list[Token], j: int, hi: int, lenient: bool = False) -> bool:
    """True when toks[j:hi] is only a time / place / manner tail after a final cue
    ("… on Friday.", "… in a statement to reporters."), or a ", adding …" clause. With
    ``lenient`` (the content is a direct quote) anything but "that"/"whether" may follow."""
    if lenient:
        return not (j < hi and toks[j].low in _COMPLEMENTISERS)
    lex = cue_lexicon()
    n_words = 0
    in_pp = False  # inside a prepositional phrase: its words are part of the tail
    for k in range(j, hi):
        t = toks[k]
        if t.kind == "Q":
            return False  # "Asked about it, Clinton said, “…”": the quote is the content
        if t.kind == "p":
            if t.text == "," and k + 1 < hi and toks[k + 1].low in GERUND_CONTINUATIONS:
                return True
            in_pp = False
            continue
        n_words += 1
        if t.low in _COMPLEMENTISERS or n_words > _MAX_TAIL_WORDS:
            return False
        if t.low in lex.adverbials or t.low in DAYS or t.low in TIME_WORDS:
            continue
        if t.low in TAIL_PREPOSITIONS:
            in_pp = True
            continue
        if t.low in NP_BREAK or t.low in lex.cues or not in_pp:
            return False  # "… said the approach put forward by Trump is insufficient"
    return True


def after_that(toks: list[Token], j: int, hi: int) -> int:
    """Skip adverbials and a complementiser after a cue; 'that' stays in the content (PolNeAR)."""
    adv = cue_lexicon().adverbials
    while j < hi and (toks[j].low in adv or toks[j].low in DAYS) and toks[j].low not in {"that"}:
        j += 1
    if j + 1 < hi and toks[j].low == "on" and toks[j + 1].low in DAYS:
        j += 2
    if j < hi and toks[j].low in TAIL_PREPOSITIONS and toks[j].low not in {"to", "about", "of"}:
        # "said in a statement that …", "told reporters on Friday that …"
        for k in range(j + 1, min(hi, j + 9)):
            if toks[k].low == "that":
                return k
            if toks[k].kind != "w":
                break
    return j


def trailing_quotes(toks: list[Token], j: int, n: int) -> list[tuple[int, int]]:
    """Quote blocks after the attribution (“A,” she said, “B.”), up to a ", adding …" clause."""
    out = []
    for k in range(j, n):
        if toks[k].text == "," and k + 1 < n and toks[k + 1].low in GERUND_CONTINUATIONS:
            break
        if toks[k].kind == "Q":
            out.append((toks[k].seg.cstart, toks[k].seg.cend))
    return out
