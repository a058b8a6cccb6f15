"""Attribution frames: one function per rule, each reading one shape of a sentence.

A *frame* is what one rule reads in a sentence: the content (as character parts), the cue and
the source mention. The rules around a cue word are tried in order by :func:`frame_at`:

=========================  =============================================================
rule                       shape
=========================  =============================================================
quote-then-cue-source      “…,” said X, ROLE.
content-then-cue-source    …, said X, ROLE.
quote-then-source          “…,” X said.
content-then-source        …, X said.
parenthetical              …, X said, … .
source-cue-content         X said (that) … / X told Y (that) … / X believes …
source-cue-quote           X said: “…”
source-stance-content      X endorsed … / X called for …
source-cue-colon           X said: …
=========================  =============================================================

The others are read from the whole sentence: :func:`according_to` (a cue phrase whose source
follows it), :func:`gerund_continuation` (", adding …" after a frame), :func:`quote_block` (a
quote block that no other rule took: colon-quote, embedded-quote), :func:`asked`,
:func:`in_document` and :func:`evidential`. A rule returns None when its shape is not there;
it never catches errors: a bug in a rule raises.

Example:
    >>> from newskit.quotes.tokens import tokens
    >>> text = "The vote was close, officials said."
    >>> toks = tokens(text, 0, len(text), [])
    >>> f = frame_at(toks, 6, 1, (toks[6].start, toks[6].end))
    >>> f.rule, text[f.parts[0][0]:f.parts[0][1]], text[f.src[0]:f.src[1]]
    ('content-then-source', 'The vote was close', 'officials')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from newskit.quotes.content import (
    after_that, content_left, content_right, span_parts, tail_ok, trailing_quotes,
)
from newskit.quotes.lexicon import (
    BE_FORMS, DOCUMENT_NOUNS, GERUND_CONTINUATIONS, INVERTIBLE, TAIL_PREPOSITIONS,
    TAKES_RECIPIENT, cue_lexicon,
)
from newskit.quotes.cues import is_cue
from newskit.quotes.phrases import np_start, recipient, source_left, source_right
from newskit.quotes.tokens import CLOSING_MARKS, SENTENCE_END, Token, char_span, indices, n_words

Span = tuple  # (start, end) character offsets


@dataclass
class Frame:
    """What one rule read in a sentence: content ``parts``, ``cue`` and source ``src``
    (character spans), the ``rule``; ``para`` and ``cont`` are set when the sentence's
    paragraph is known (``cont``: the quote continues the previous paragraph's)."""

    parts: list  # [(start, end)]
    cue: Span | None
    src: Span | None  # (start, end) of the source mention
    rule: str
    recipient: Span | None = None
    role: str | None = None
    antecedent: Span | None = None
    direct: bool = False
    para: int = 0
    cont: bool = False  # its quote continues an unclosed quote of the previous paragraph


@dataclass
class BareQuote:
    """A sentence made of quote blocks only: attributed later, from its neighbours."""

    para: int
    parts: list
    cont: bool


class _Inverted(NamedTuple):
    """An inverted source after the cue and the content before it."""

    src: Span
    role: str | None
    tail: int  # the token after the source and its role
    content: tuple
    parts: list
    direct: bool


class _Reading(NamedTuple):
    """A source left of the cue, and the content on one side of the attribution."""

    src: Span
    role: str | None
    antecedent: Span | None
    recipient: Span | None
    next: int  # the token after the cue (and its recipient)
    content: tuple | None
    parts: list | None
    direct: bool
    colon: bool  # a colon or comma between the cue and the content (content after the cue)
    boundary: int  # the comma or quote before the source (content before the source), or -1
    stance: bool  # the cue is a stance cue ("endorsed")


# ---------------------------------------------------------------- the rules around a cue word
def frame_at(toks: list[Token], i: int, length: int, cue: Span) -> Frame | None:
    """The frame around the cue toks[i:i + length]: the cue-word rules, in order."""
    low = toks[i].low
    after = i + length
    # passive "was told" / "is expected": the subject is not the source
    if i > 0 and toks[i - 1].low in BE_FORMS and low.endswith(("ed", "told", "known", "thought",
                                                                "shown", "found", "said")):
        return None
    stance = low in cue_lexicon().stance
    inverted = None if stance else _read_inverted(toks, i, after, low)
    if inverted is not None:
        f = quote_then_cue_source(toks, cue, inverted) or content_then_cue_source(toks, cue, inverted)
        if f is not None:
            return f
    src = source_left(toks, i, 0)
    if src is None:
        return None
    before = None if stance else _read_content_before(toks, after, low, src)
    if before is not None:
        f = (quote_then_source(toks, cue, before) or content_then_source(toks, cue, before)
             or parenthetical(toks, cue, before))
        if f is not None:
            return f
    r = _read_content_after(toks, after, low, src, stance)
    if r is None:
        return None
    # exactly one of these applies (by the content, the cue and a colon), the commonest first
    return (source_cue_content(toks, cue, r) or source_cue_quote(toks, cue, r)
            or source_stance_content(toks, cue, r) or source_cue_colon(toks, cue, r))


def quote_then_cue_source(toks: list[Token], cue: Span, r: _Inverted) -> Frame | None:
    """“…,” said X, ROLE. — a direct quote, then the cue, then its source (inverted)."""
    n = len(toks)
    if not r.direct or not tail_ok(toks, r.tail, n, lenient=True):
        return None
    return Frame(r.parts + trailing_quotes(toks, r.tail, n), cue, r.src, "quote-then-cue-source",
                 role=r.role, direct=True)


def content_then_cue_source(toks: list[Token], cue: Span, r: _Inverted) -> Frame | None:
    """…, said X, ROLE. — indirect content (four words or more), then an inverted source."""
    n = len(toks)
    if r.direct or not tail_ok(toks, r.tail, n) or n_words(toks, *r.content) < 4:
        return None
    return Frame(r.parts + trailing_quotes(toks, r.tail, n), cue, r.src,
                 "content-then-cue-source", role=r.role)


def quote_then_source(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """“…,” X said. — a direct quote, then its source and cue."""
    n = len(toks)
    if r.content is None or not r.direct or not tail_ok(toks, r.next, n, lenient=True):
        return None
    return Frame(r.parts + trailing_quotes(toks, r.next, n), cue, r.src, "quote-then-source",
                 recipient=r.recipient, role=r.role, antecedent=r.antecedent, direct=True)


def content_then_source(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """…, X said. — indirect content (four words or more), then its source and cue."""
    n = len(toks)
    if r.content is None or r.direct or not tail_ok(toks, r.next, n) or n_words(toks, *r.content) < 4:
        return None
    return Frame(r.parts + trailing_quotes(toks, r.next, n), cue, r.src, "content-then-source",
                 recipient=r.recipient, role=r.role, antecedent=r.antecedent)


def parenthetical(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """The operation, the officer said, is over. — the attribution inside its content."""
    n = len(toks)
    j2 = after_that(toks, r.next, n)
    if not (j2 < n and toks[j2].text == "," and r.boundary > 0):
        return None
    c1 = content_left(toks, 0, r.boundary) or ((0, r.boundary) if toks[0].kind == "w" else None)
    c2 = content_right(toks, j2 + 1, n)
    if not (c1 and c2):
        return None
    return Frame([(toks[c1[0]].start, toks[c2[1] - 1].end)], cue, r.src, "parenthetical",
                 role=r.role, antecedent=r.antecedent)


def source_cue_content(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """X said (that) … / X told Y (that) … / X believes … — cue before its content."""
    if r.direct or r.stance or r.colon:
        return None
    return Frame(r.parts, cue, r.src, "source-cue-content", recipient=r.recipient, role=r.role,
                 antecedent=r.antecedent)


def source_cue_quote(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """X said: “…” / X said, “…” — source and cue before a direct quote."""
    if not r.direct:
        return None
    return Frame(r.parts, cue, r.src, "source-cue-quote", recipient=r.recipient, role=r.role,
                 antecedent=r.antecedent, direct=True)


def source_stance_content(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """X endorsed the plan / X called for … — a stance cue and its object (colon or not)."""
    if r.direct or not r.stance:
        return None
    return Frame(r.parts, cue, r.src, "source-stance-content", recipient=r.recipient, role=r.role,
                 antecedent=r.antecedent)


def source_cue_colon(toks: list[Token], cue: Span, r: _Reading) -> Frame | None:
    """X said: the vote was close. — cue and colon before an indirect content."""
    if r.direct or r.stance or not r.colon:
        return None
    return Frame(r.parts, cue, r.src, "source-cue-colon", recipient=r.recipient, role=r.role,
                 antecedent=r.antecedent)


# ---------------------------------------------------------------- what the cue-word rules read
def _read_inverted(toks: list[Token], i: int, after: int, low: str) -> _Inverted | None:
    """A source after a cue toks[i:after] that follows a comma or a quote ("…, said X"), and
    the content before the cue; None where the cue cannot invert."""
    prev = toks[i - 1] if i > 0 else None
    comma_before = prev is not None and (prev.text == "," or prev.kind == "Q" or (
        prev.text in CLOSING_MARKS and i >= 2 and toks[i - 2].text == ","))  # '…,'' said X'
    # "told", "informed" … need an object and never invert: "…,” X told Y" has X before the cue
    if not comma_before or low.endswith("ing") or not (
            low in INVERTIBLE or (low in cue_lexicon().speech and low not in TAKES_RECIPIENT)):
        return None
    if prev.kind != "Q" and _subject_with_apposition(toks, i):
        return None
    n = len(toks)
    r = source_right(toks, after, n)
    c = content_left(toks, 0, i)
    if r is None or c is None:
        return None
    s0, s1, role, end = r
    parts, direct = span_parts(toks, *c)
    return _Inverted((toks[s0].start, toks[s1].end), role, end, c, parts, direct)


def _subject_with_apposition(toks: list[Token], i: int) -> bool:
    """"Rahm Emanuel, his chief of staff, urged …": a capitalised subject at the start of the
    sentence with an apposition, not an inversion."""
    sl = source_left(toks, i, 0)
    if sl is None or sl[0] > 1 or not toks[sl[0]].text[:1].isupper():
        return False
    first_comma = next((k for k in range(sl[0], i) if toks[k].text == ","), i)
    return first_comma - sl[0] <= 5


def _after_recipient(toks: list[Token], after: int, low: str) -> tuple[Span | None, int]:
    """Who was told ("told Arab News"), as characters, and the token after the cue and it
    (``after``, the token after the cue, when the cue ``low`` takes no recipient)."""
    if low not in TAKES_RECIPIENT:
        return None, after
    rec, j = recipient(toks, after, len(toks))
    return char_span(toks, rec), j


def _read_content_before(toks: list[Token], after: int, low: str, src: tuple) -> _Reading | None:
    """The content before a source that follows a comma or a quote ("…, X said"); None
    when the source does not follow one."""
    s0, s1, role, antecedent = src
    boundary = s0 - 1
    closing = boundary >= 1 and toks[boundary].text in CLOSING_MARKS and toks[boundary - 1].text == ","
    if boundary < 0 or not (toks[boundary].text == "," or toks[boundary].kind == "Q" or closing):
        return None
    rec, j = _after_recipient(toks, after, low)
    c = content_left(toks, 0, boundary + (1 if toks[boundary].kind == "Q" or closing else 0))
    parts, direct = span_parts(toks, *c) if c is not None else (None, False)
    return _Reading((toks[s0].start, toks[s1].end), role, antecedent, rec, j, c, parts, direct,
                    False, boundary, False)


def _read_content_after(toks: list[Token], after: int, low: str, src: tuple,
                        stance: bool) -> _Reading | None:
    """The content after the cue (and its recipient, adverbials, a colon or a comma); None
    where what follows is no content: a dash, a circumstance ("said in his 2012 book."), or a
    clause after "said, …" that is not a quote."""
    n = len(toks)
    s0, s1, role, antecedent = src
    rec, j = _after_recipient(toks, after, low)
    j = after_that(toks, j, n)
    colon = j < n and toks[j].text in {":", ","}
    if colon:
        j += 1
    if j < n and toks[j].kind == "p" and toks[j].text in {"—", "–"}:
        return None
    c = content_right(toks, j, n)
    if c is None:
        return None
    if toks[c[0]].low in TAIL_PREPOSITIONS and toks[c[0]].low not in {"to", "about", "of"} \
            and c[1] - c[0] <= 8 and not any(t.kind == "Q" for t in toks[c[0]:c[1]]):
        return None  # "Mr. Rubio said in his 2012 book.": a circumstance, not a content
    if colon and toks[j - 1].text == "," and toks[c[0]].kind != "Q":
        return None  # "X said, however, …" is rare; a comma usually ends the clause
    parts, direct = span_parts(toks, *c)
    return _Reading((toks[s0].start, toks[s1].end), role, antecedent, rec, j, c, parts, direct,
                    colon, -1, stance)


# ---------------------------------------------------------------- rules read from the sentence
def according_to(toks: list[Token], i: int) -> Frame | None:
    """according to X, … / …, according to X — the source follows the cue phrase at i."""
    n = len(toks)
    j = i + 2
    k = j
    while k < n and toks[k].kind == "w" and k - j < 12:
        k += 1
    if k == j:
        return None
    src = (toks[j].start, toks[k - 1].end)
    cue = (toks[i].start, toks[i + 1].end)
    if k >= n or toks[k].text in SENTENCE_END:  # "…, according to X."
        c = content_left(toks, 0, i)
        if c is None:
            return None
        parts, direct = span_parts(toks, *c)
        return Frame(parts, cue, src, "according-to", direct=direct)
    if toks[k].text == ",":
        after = content_right(toks, k + 1, n)
        before = content_left(toks, 0, i) if i > 1 else None
        if before and after:  # "…, according to X, …"
            return Frame([(toks[before[0]].start, toks[after[1] - 1].end)], cue, src, "according-to")
        if after:
            parts, direct = span_parts(toks, *after)
            return Frame(parts, cue, src, "according-to", direct=direct)
    return None


def gerund_continuation(toks: list[Token], lows: list[str], f: Frame, start: int) -> Frame | None:
    """…, adding … — a second attribution of the same source after the frame ``f`` (whose cue
    ends at token ``start``); an indirect content of ``f`` that runs into it is cut at the
    comma. Only the first ", GERUND" after the cue counts."""
    n = len(toks)
    for g in indices(lows, ",", start, n - 1):
        if toks[g + 1].low not in GERUND_CONTINUATIONS:
            continue
        c = content_right(toks, after_that(toks, g + 2, n), n)
        if not c or f.src is None:
            return None
        if f.parts and f.parts[-1][0] < toks[g].start < f.parts[-1][1] and not f.direct:
            f.parts[-1] = (f.parts[-1][0], toks[g - 1].end)
        parts, direct = span_parts(toks, *c)
        return Frame(parts, (toks[g + 1].start, toks[g + 1].end), f.src, "gerund-continuation",
                     role=f.role, antecedent=f.antecedent, direct=direct)
    return None


def quote_block(toks: list[Token], k: int) -> Frame:
    """A quote block that no other rule took: colon-quote after a colon ("Republican pollster
    Daron Shaw: “…”", the source a capitalised phrase before it, or a cue's), else
    embedded-quote ("… issued a statement saying “…”", with the cue just before it, if any)."""
    t = toks[k]
    src = cue = None
    j = k - 1
    if j >= 0 and toks[j].text in {":", ","}:
        j -= 1
    if j >= 0 and toks[j].kind == "w":
        if is_cue(toks, j):
            cue = (toks[j].start, toks[j].end)
            sl = source_left(toks, j, 0)
            if sl is not None:
                src = (toks[sl[0]].start, toks[sl[1]].end)
        elif toks[k - 1].text == ":":
            st = np_start(toks, j, 0)
            if st is not None and any(x.text[:1].isupper() for x in toks[st:j + 1]):
                src = (toks[st].start, toks[j].end)
    return Frame([(t.seg.cstart, t.seg.cend)], cue, src,
                 "colon-quote" if toks[k - 1].text == ":" else "embedded-quote", direct=True)


def evidential(toks: list[Token]) -> Frame | None:
    """Nabisco is expected to cut 277 workers. — the sentence (four words or more), attributed
    to no stated source."""
    n = len(toks)
    by_first = cue_lexicon().evidential_by_first
    for i, t in enumerate(toks):
        if t.kind != "w" or i == 0 or t.low not in by_first:
            continue
        for ph in by_first[t.low]:
            if all(i + k < n and toks[i + k].low == ph[k] for k in range(1, len(ph))):
                c = content_right(toks, 0, n)
                if c is None or n_words(toks, *c) < 4:
                    return None
                return Frame([(toks[c[0]].start, toks[c[1] - 1].end)],
                             (t.start, toks[i + len(ph) - 1].end), None, "evidential")
    return None


def asked(toks: list[Token]) -> Frame | None:
    """Asked about Cruz's charges, Rubio said … / he was asked whether … — the question put
    to someone (no source: the asker is rarely stated)."""
    n = len(toks)
    for i, t in enumerate(toks[:-2]):
        if t.low != "asked":
            continue
        initial = i == 0 or (i == 1 and toks[0].low in {"when", "if", "once"})
        passive = i > 0 and toks[i - 1].low in BE_FORMS
        if not (initial or passive):
            continue
        j = i + 1
        if toks[j].low == "by":  # "Asked by Matt Lauer whether …": skip the asker
            while j < n and toks[j].kind == "w" and toks[j].low not in {"whether", "if", "about",
                                                                      "what", "why", "how", "to"}:
                j += 1
        e = j
        while e < n and toks[e].text not in {",", ".", "?", ";"} and (not initial or toks[e].kind != "Q"):
            e += 1
        if e - j < 1 or (initial and (e >= n or toks[e].text != ",")):
            return None
        return Frame([(toks[j].start, toks[e - 1].end)], (t.start, t.end), None, "asked")
    return None


def in_document(toks: list[Token]) -> Frame | None:
    """In an early-October CBS News poll, she led … — the finding, attributed to the document."""
    n = len(toks)
    if n < 6 or toks[0].low not in {"in", "according"}:
        return None
    c = next((k for k in range(1, min(n, 12)) if toks[k].text == ","), None)
    if c is None or toks[c - 1].low not in DOCUMENT_NOUNS:
        return None
    body = content_right(toks, c + 1, n)
    if body is None or n_words(toks, *body) < 3:
        return None
    return Frame([(toks[body[0]].start, toks[body[1] - 1].end)], (toks[0].start, toks[0].end),
                 (toks[1].start, toks[c - 1].end), "in-document")
