"""Quote marks: paragraphs, paired marks and the quoted stretches that stand as quote blocks.

Per paragraph (one line of text), quote marks are paired: curly ones by their shape, straight
ones by toggling (an opening straight mark must touch the next word). A mark left open runs to
the end of its paragraph, and continues into the next paragraph when that one opens with a
mark. A paragraph with no double marks may use ‘single curly marks’.

A quoted stretch standing where a sentence or an attribution can start (after a period, a
colon, a cue, another quote …) is a *quote block*: later stages treat it as one atomic token.
The rest ("a “record period.”") stay inline text: scare quotes.

Example:
    >>> text = 'He said: “We will win.” A “record” year.'
    >>> paras, segs = quote_segments(text)
    >>> [(text[s.cstart:s.cend], s.block) for s in segs[0]]
    [('We will win.', True), ('record', False)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newskit.quotes.lexicon import cue_lexicon

# Quote marks: curly doubles, straight doubles, and the doubled apostrophes of some archives.
QUOTE_MARK = re.compile(r"“|”|\"|''|„|«|»")
OPENERS, CLOSERS = frozenset({"“", "„", "«"}), frozenset({"”", "»"})
# ‘Single curly quotes’ (used only where a paragraph has no double marks): an opening ‘ at the
# start of a line or after a space, bracket or dash, before a letter; a closing ’ after a
# non-space and before a space, punctuation or the end.
SINGLE_QUOTED = re.compile(
    r"""(?: (?<=^) | (?<=[\s(\[—–-]) )
        (‘) (?=\w)
        (.+?)
        (?<=\S) (’) (?=[\s.,;:!?)\]—–-] | $)""",
    re.MULTILINE | re.VERBOSE)
# A quoted stretch inside an indirect content (makes it a mixed quote); a closing ’ must not
# be an apostrophe inside a word.
QUOTED_STRETCH = re.compile(r"""(“|"|''|„|«|‘) (.+?) (”|"|''|»|’(?!\w))""", re.VERBOSE)
# A word, with inner apostrophes or hyphens ("O’Neill", "well-known").
WORD = re.compile(r"[\w\u00C0-\u024F]+(?:[’'\-][\w\u00C0-\u024F]+)*")
# A paragraph: one line of text (blank lines between paragraphs are skipped).
LINE = re.compile(r"[^\n]+")
APOSTROPHES = "’'"
# What may stand just before a quote block: the end of a sentence, a colon, a dash, a bracket.
_BLOCK_AFTER = frozenset(".?!:;—–-(")
_ENDS_QUOTED_SENTENCE = frozenset({".", "?", "!", ","})
_CONTEXT = 300  # characters looked at before a quote (bounded: no quadratic scans)


@dataclass(slots=True)
class Segment:
    """A quoted stretch: marks at ``open_at`` and ``close_at`` (``close_at`` None when unclosed),
    its content ``cstart:cend`` (trimmed), and whether it stands as a quote ``block``."""

    open_at: int
    open_end: int
    close_at: int | None
    close_end: int | None
    cstart: int = 0
    cend: int = 0
    block: bool = False
    cont_prev: bool = False  # continues an unclosed quote of the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line, white space trimmed."""
    out = []
    for m in LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def quote_segments(text: str) -> tuple[list[tuple[int, int]], list[list[Segment]]]:
    """The paragraphs of ``text`` and the quoted stretches of each, blocks marked.

    An unclosed quote continues when the next paragraph opens with a quote mark.
    """
    paras = paragraphs(text)
    seg_by_para = [segments(text, ps, pe) for ps, pe in paras]
    for k in range(1, len(paras)):
        prev = seg_by_para[k - 1]
        cur = seg_by_para[k]
        if prev and prev[-1].close_at is None and cur and cur[0].open_at == paras[k][0]:
            cur[0].cont_prev = True
    speech = cue_lexicon().speech
    for (ps, _), segs in zip(paras, seg_by_para):
        mark_blocks(text, ps, segs, speech)
    return paras, seg_by_para


def segments(text: str, ps: int, pe: int) -> list[Segment]:
    """Quoted stretches of one paragraph, pairing marks (curly by shape, straight by toggling)."""
    segs = _paired_marks(text, ps, pe)
    if not segs and text.find("‘", ps, pe) >= 0:  # British style: ‘single curly marks’
        segs = [Segment(m.start(1), m.end(1), m.start(3), m.end(3))
                for m in SINGLE_QUOTED.finditer(text, ps, pe)]
    for s in segs:
        _trim_content(text, s, pe)
    return [s for s in segs if s.cend > s.cstart]


def _paired_marks(text: str, ps: int, pe: int) -> list[Segment]:
    """Double quote marks of text[ps:pe] paired: a curly opener closes at the next curly closer,
    a straight mark at the next mark of the same kind; an unclosed one runs to the end."""
    segs: list[Segment] = []
    open_seg = None
    style = None  # "curly", or the straight mark that opened
    for m in QUOTE_MARK.finditer(text, ps, pe):
        mark = m.group()
        if open_seg is None:
            if mark in OPENERS:
                open_seg, style = Segment(m.start(), m.end(), None, None), "curly"
            elif mark not in CLOSERS and _opens_straight(text, m.end()):
                open_seg, style = Segment(m.start(), m.end(), None, None), mark
        elif mark == style or (style == "curly" and mark in CLOSERS):
            open_seg.close_at, open_seg.close_end = m.start(), m.end()
            segs.append(open_seg)
            open_seg = None
    if open_seg is not None:
        segs.append(open_seg)  # unclosed: runs to the end of the paragraph
    return segs


def _opens_straight(text: str, after: int) -> bool:
    """A straight mark opens a quote when a non-space character follows it."""
    nxt = text[after:after + 1]
    return bool(nxt) and not nxt.isspace()


def _trim_content(text: str, s: Segment, pe: int) -> None:
    """Set the content span of ``s``: inside the marks, without outer spaces or a final comma."""
    s.cstart = s.open_end
    s.cend = s.close_at if s.close_at is not None else pe
    while s.cstart < s.cend and text[s.cstart].isspace():
        s.cstart += 1
    while s.cend > s.cstart and (text[s.cend - 1].isspace() or text[s.cend - 1] == ","):
        s.cend -= 1


def mark_blocks(text: str, ps: int, segs: list[Segment], cues: frozenset) -> None:
    """Mark the quoted stretches that stand as direct quotes (not inline scare quotes): a
    block stands where a sentence or an attribution can start and holds three words or more,
    or ends a sentence; a stretch that continues the previous paragraph's quote is one too."""
    prev_close = None
    for s in segs:
        before = text[max(ps, s.open_at - _CONTEXT):s.open_at].rstrip()
        words = len(WORD.findall(text[s.cstart:s.cend]))
        inner_end = s.close_at if s.close_at is not None else s.cend
        ends_sentence = text[s.cstart:inner_end].rstrip()[-1:] in _ENDS_QUOTED_SENTENCE or (
            s.close_at is None)
        stands = _stands_alone(text, s, before, words, prev_close, cues)
        s.block = stands and (words >= 3 or (ends_sentence and words >= 1)) or s.cont_prev
        prev_close = s.close_end if s.block else prev_close


def _stands_alone(text: str, s: Segment, before: str, words: int, prev_close: int | None,
                  cues: frozenset) -> bool:
    """Whether the quote ``s`` stands where a sentence or an attribution can start: at the
    paragraph start, after a sentence end, colon, dash or bracket, after a comma (a long quote,
    or one after a cue), right after the previous block, or right after a cue word."""
    last = before[-1:]
    prev_word = last_word(before)
    after_cue = prev_word is not None and prev_word.lower() in cues
    return (not before or last in _BLOCK_AFTER
            or (last == "," and (words >= 3 or after_cue))
            or (prev_close is not None and not text[prev_close:s.open_at].strip(" ,"))
            or (after_cue and last not in ","))


def is_word_char(c: str) -> bool:
    """Whether the character ``c`` matches ``\\w`` (for a str pattern)."""
    return c.isalnum() or c == "_"


def last_word(s: str) -> str | None:
    """The last word of ``s`` with its apostrophes ("said", "Reuters’"), or None.

    The group that ``re.search(r"([\\w’']+)\\W*$", s)`` finds, looking only at the end of
    ``s`` (that search tries a word run at every character: 20 µs for a 300-character context).

    Example:
        >>> last_word("as Reuters’ editor said, "), last_word("“"), last_word("’’ ")
        ('said', None, '’’')
    """
    k = len(s) - 1
    while k >= 0 and not is_word_char(s[k]):
        k -= 1
    if k < 0:  # no word character: the first run of apostrophes, if any
        k = next((j for j, c in enumerate(s) if c in APOSTROPHES), None)
        if k is None:
            return None
        return s[k:_apostrophes_end(s, k)]
    end = _apostrophes_end(s, k + 1)
    start = k
    while start > 0 and (is_word_char(s[start - 1]) or s[start - 1] in APOSTROPHES):
        start -= 1
    return s[start:end]


def _apostrophes_end(s: str, k: int) -> int:
    """The end of the run of apostrophes at s[k:] (k itself when there is none)."""
    while k < len(s) and s[k] in APOSTROPHES:
        k += 1
    return k


def has_quoted_words(body: str) -> bool:
    """Whether a content holds a quoted stretch with a word in it (then it is a mixed quote)."""
    return any(WORD.search(m.group(2)) for m in QUOTED_STRETCH.finditer(body))
