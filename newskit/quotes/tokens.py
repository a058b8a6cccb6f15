"""Tokens with character offsets, and sentences cut around quote blocks.

A paragraph becomes a list of :class:`Token`: words (``"w"``), punctuation (``"p"``) and quote
blocks (``"Q"``, one token for a whole quoted stretch, see :mod:`newskit.quotes.marks`). A final
period joins an abbreviation, an initial or a title ("Lt.", "J."). Sentences are cut at a
sentence end followed by a capital, a digit or a quote, never inside a block; a quote block
that ends with a period ends its sentence unless an attribution follows it (“… .” Smith said).

Example:
    >>> [t.text for t in tokens("Lt. Gen. Smith said it.", 0, 23, [])]
    ['Lt.', 'Gen.', 'Smith', 'said', 'it', '.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newskit.quotes.lexicon import cue_lexicon, speaker_lexicon
from newskit.quotes.marks import Segment, is_word_char

# A token with the white space before it: an initialism ("U.S."), a word with inner apostrophes,
# hyphens or periods, a doubled apostrophe (a quote mark in some archives), or one other
# symbol. Tokens cover every other character, so one findall gives each token and, counting
# lengths, its offsets. (Nothing follows a token in the pattern, so the greedy repeats never
# give characters back: the matches are those of possessive ones.)
SPACED_TOKEN = re.compile(
    r"""(\s*)
        ( (?:[A-Za-z]\.){2,}
        | [\w\u00C0-\u024F]+ (?:[’'\-.][\w\u00C0-\u024F]+)*
        | ''
        | \S )""",
    re.VERBOSE)
# A non-word token, in a string of token kinds ("wwpwQ").
NOT_WORD = re.compile("[^w]")
SENTENCE_END = frozenset(".?!")
MAX_SENTENCE_TOKENS = 150
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''", ")", "»"})
# What may open a sentence after a sentence end (besides a capital or a digit).
_OPENS_SENTENCE = frozenset({"“", '"', "(", "''"})
# “… .” He said: after a quote, a pronoun opens a new sentence even before a cue.
_PRONOUNS_OPENING = frozenset({"He", "She", "They", "We", "It", "I"})


@dataclass(slots=True)
class Token:
    """A token of a paragraph: ``text`` at ``start:end``, its ``kind`` ("w" word, "p"
    punctuation, "Q" a quote block), its lower case ``low`` ("" for a block) and, for a block,
    its quote ``seg``."""

    start: int
    end: int
    text: str
    kind: str
    low: str = ""
    seg: Segment | None = None


class _KindOfFirstChar(dict):
    """First character of a token -> its kind: "w" when it is a word character (``\\w``),
    else "p". Filled on first use of each character, so that most tokens take one lookup."""

    def __missing__(self, c: str) -> str:
        kind = self[c] = "w" if is_word_char(c) else "p"
        return kind


_KIND_OF = _KindOfFirstChar()


def tokens(text: str, ps: int, pe: int, blocks: list[Segment]) -> list[Token]:
    """Tokens of the paragraph text[ps:pe]; each quote block is one "Q" token."""
    abbrev = cue_lexicon().abbrev
    title_words = speaker_lexicon().title_words
    toks: list[Token] = []
    append = toks.append
    kind_of = _KIND_OF
    bi = 0
    pos = ps
    blocks = sorted(blocks, key=lambda s: s.open_at)
    while pos < pe:
        if bi < len(blocks) and pos >= blocks[bi].open_at:
            b = blocks[bi]
            end = b.close_end if b.close_end is not None else pe
            append(Token(b.open_at, end, text[b.open_at:end], "Q", "", b))
            pos = end
            bi += 1
            continue
        limit = blocks[bi].open_at if bi < len(blocks) else pe
        stop = limit
        while stop > pos and text[stop - 1].isspace():
            stop -= 1  # else the search below would retry a trailing white space at every offset
        at = pos  # where the last match ended
        joined = False
        for space, w in SPACED_TOKEN.findall(text, pos, stop):
            s = at + len(space)
            at = e = s + len(w)
            if joined:  # this period is already part of the token before it
                joined = False
                continue
            # a final period belongs to an abbreviation, an initial or a title ("Lt.", "J.")
            if e < limit and text[e] == "." and w[:1].isalpha() and (
                    w.lower() in abbrev or (len(w) == 1 and w.isupper())
                    or (w[:1].isupper() and w.lower() + "." in title_words)):
                joined = True
                e += 1
                w += "."
            append(Token(s, e, w, kind_of[w[0]], w.lower()))
        pos = limit
    return toks


def sentences(toks: list[Token]) -> list[list[Token]]:
    """A paragraph's tokens cut into sentences (quote blocks are never cut)."""
    out = []
    n = len(toks)
    start = 0  # the first token of the current sentence, toks[start:i + 1]
    i = 0
    # a word ends no sentence, unless a run-on one (below): jump from one non-word to the next
    kinds = "".join([t.kind for t in toks])
    while i < n:
        if kinds[i] == "w":
            nxt = NOT_WORD.search(kinds, i)
            i = min(nxt.start() if nxt else n, start + 2 * MAX_SENTENCE_TOKENS - 1)
            if i >= n:
                break
        t = toks[i]
        boundary = False
        if t.kind == "p" and t.text in SENTENCE_END:
            i, boundary = _after_sentence_end(toks, i)
        elif t.kind == "Q":
            boundary = _quote_ends_sentence(toks, i)
        if not boundary and i - start + 1 >= MAX_SENTENCE_TOKENS and _is_run_on(t, i - start + 1):
            boundary = True  # a run-on "sentence" (lists, junk): cut it so work stays linear
        if boundary:
            out.append(toks[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        out.append(toks[start:])
    return out


def _after_sentence_end(toks: list[Token], i: int) -> tuple[int, bool]:
    """At a sentence-end mark toks[i]: the last of the closing marks after it, and whether a
    sentence ends there (the next token opens one: a capital, a digit, a quote or a bracket)."""
    n = len(toks)
    j = i + 1
    while j < n and toks[j].kind == "p" and toks[j].text in CLOSING_MARKS:
        j += 1
    nxt = toks[j] if j < n else None
    boundary = (nxt is None or nxt.kind == "Q" or nxt.text[:1].isupper() or nxt.text[:1].isdigit()
                or nxt.text in _OPENS_SENTENCE)
    return j - 1, boundary


def _quote_ends_sentence(toks: list[Token], i: int) -> bool:
    """Whether the quote block toks[i] ends its sentence: its content ends with a sentence end
    and what follows opens a sentence, not an attribution (“… .” Smith said / “… .” He said)."""
    content = toks[i].text.rstrip("”\"'» ")
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if content[-1:] not in SENTENCE_END or not (nxt is None or nxt.kind == "Q"
                                                 or nxt.text[:1].isupper()):
        return False
    return (nxt is None or nxt.kind == "Q" or not looks_like_attribution(toks, i + 1)
            or nxt.text in _PRONOUNS_OPENING)


def _is_run_on(t: Token, length: int) -> bool:
    """A sentence of ``length`` tokens so far is cut at ``t``: at a comma or semicolon past
    MAX_SENTENCE_TOKENS, anywhere past twice that."""
    return length >= MAX_SENTENCE_TOKENS and (t.text in {",", ";"} or length >= 2 * MAX_SENTENCE_TOKENS)


def looks_like_attribution(toks: list[Token], j: int) -> bool:
    """Whether a cue word comes among the words right after toks[j] (within eight, before any
    punctuation)."""
    cues = cue_lexicon().cues
    for k in range(j, min(j + 8, len(toks))):
        if toks[k].kind != "w":
            return False
        if toks[k].low in cues:
            return True
    return False


def indices(items: list, x, lo: int = 0, hi: int | None = None) -> list[int]:
    """The positions of ``x`` in ``items[lo:hi]``, found by ``list.index`` (C speed).

    Example:
        >>> indices(["a", ",", "b", ","], ",")
        [1, 3]
    """
    out = []
    if hi is None:
        hi = len(items)
    k = lo - 1
    try:  # only list.index raises here: ValueError, when no more x is found
        while True:
            k = items.index(x, k + 1, hi)
            out.append(k)
    except ValueError:
        return out


def n_words(toks: list[Token], s: int, e: int) -> int:
    """Words in toks[s:e], a quote block counting as four."""
    kinds = [t.kind for t in toks[s:e]]
    return kinds.count("w") + 4 * kinds.count("Q")


def char_span(toks: list[Token], idx: tuple[int, int] | None) -> tuple[int, int] | None:
    """The character span of the tokens idx[0]..idx[1] (inclusive), or None."""
    if idx is None:
        return None
    return toks[idx[0]].start, toks[idx[1]].end
