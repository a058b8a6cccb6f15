"""Sentence splitting with character offsets, on NLTK's Punkt with parameters newskit ships.

How a text is split:

1. **Paragraphs.** Every line break ends a sentence (news scrapes put one paragraph per line);
   blank lines are skipped. For text wrapped at a fixed width, ``hard_wrapped=True`` makes
   only blank lines end a sentence.
2. **Candidates.** Inside a paragraph, a candidate boundary is a run of terminal punctuation
   (``.``, ``?``, ``!``, ``…``, spaced ellipses ``. . .``) with any closing quotes or brackets
   after it, followed by white space. Periods inside a token (``3.5``, ``Jane.Doe@example.com``,
   ``example.com/a.html``, ``JFK Jr.'s``) are never candidates. List items (``1.)``, ``2)``,
   ``a.``, ``•``) are candidates of their own.
3. **Named rules.** Each candidate goes through small rules in a fixed order (``lowercase_next``,
   ``title_before_name``, ``abbreviation_before_number``, ``time_before_capital``, the ellipsis
   rules, ...); the first rule that applies decides. A period no rule claims is decided by
   NLTK's Punkt (Kiss & Strunk 2006) with a ``PunktParameters`` filled from the word lists in
   ``newskit/resources/`` (abbreviations, sentence starters and the orthographic context they
   imply), so "in the U.S. How about you?" splits and "the U.S. Government" does not.
4. **Spans.** Quotes and brackets that close after the period stay with their sentence; a
   sentence never starts or ends with white space; ``text[s.start:s.end] == s.text`` always.
   Offsets are kept from the start: no character is ever replaced by a placeholder.

Every decision carries the name of the rule that made it; :func:`boundary_decisions` lists them
(like nltk's ``debug_decisions``) so that a surprising split can be traced. No NLTK data is
downloaded. The scan is linear in the length of the text.

References:
    Kiss, T. and Strunk, J. (2006). Unsupervised Multilingual Sentence Boundary Detection.
    Computational Linguistics 32(4): 485-525.
    Sadvilkar, N. and Neumann, M. (2020). PySBD: Pragmatic Sentence Boundary Disambiguation.
    NLP-OSS workshop (the "golden rules" test set).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from newskit.lexicon import MONTHS, WEEKDAYS
from newskit.tables import to_frame as _to_frame
from newskit.wordlists import word_lines


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Boundary:
    """One decision on a candidate sentence boundary, for auditing (see boundary_decisions).

    Attributes:
        start, end, text: the punctuation run (or list marker) that was considered.
        split: whether a sentence ends here.
        offset: where the sentence ends when ``split`` (before white space); for a list item
            the offset is the start of its marker.
        rule: the short name of the rule that decided.
    """

    start: int
    end: int
    text: str
    split: bool
    offset: int
    rule: str


# ---------------------------------------------------------------------------------------------
# Rule names: every boundary decision is one of these (or "punkt_*" from Punkt's own reasons).
# ---------------------------------------------------------------------------------------------
PARAGRAPH_END = "paragraph_end"  # line break or end of text
LIST_ITEM = "list_item"  # a numbered/lettered item or bullet starts a new sentence
LIST_MARKER = "list_marker"  # the period of "1." / "a." / "2.)" is not a sentence end
BRACKETED_ELLIPSIS = "bracketed_ellipsis"  # "[...]" marks an omission inside a sentence
OPENING_PUNCTUATION = "opening_punctuation"  # starts a sentence or a quote: '“… There is'
LOWERCASE_NEXT = "lowercase_next"  # next word starts lower case: "(... engineer.) at", "Yahoo! in"
PERIOD_BEFORE_SPACED_ELLIPSIS = "period_before_spaced_ellipsis"  # "compounds. . . . The"
SPACED_ELLIPSIS_WITH_PERIOD = "spaced_ellipsis_with_period"  # "a period . . . . Next"
SPACED_ELLIPSIS_OMISSION = "spaced_ellipsis_omission"  # "the thing is . . . I didn't"
ELLIPSIS_WITH_PERIOD = "ellipsis_with_period"  # "that.... She"
QUESTION_OR_EXCLAMATION = "question_or_exclamation"  # "?", "!", "?!" before a non-lower word
EXCLAMATION_IN_NAME = "exclamation_in_name"  # "Yahoo! News reported"
ABBREVIATION_BEFORE_NUMBER = "abbreviation_before_number"  # "No. 5", "p. 55"
TITLE_BEFORE_NAME = "title_before_name"  # "Lt. Gen. Abdulamir", "Mr. Smith"
INITIALS = "initials"  # "J. K. Rowling"
TIME_BEFORE_DAY_OR_ZONE = "time_before_day_or_zone"  # "5 p.m. Monday", "9 a.m. EST"
TIME_PHRASE_OPENING_SENTENCE = "time_phrase_opening_sentence"  # "At 5 a.m. Mr. Smith went"
TIME_BEFORE_CAPITAL = "time_before_capital"  # "at 6 P.M. Mr. Smith then went"

_PUNKT_REASONS = {  # nltk.tokenize.punkt REASON_* text -> our rule name
    "known collocation (both words)": "punkt_collocation",
    "abbreviation + orthographic heuristic": "punkt_abbreviation_before_sentence_starter",
    "abbreviation + frequent sentence starter": "punkt_abbreviation_before_sentence_starter",
    "initial + orthographic heuristic": "punkt_initial_or_number_before_lower_word",
    "initial + special orthographic heuristic": "punkt_initial_before_name",
}

# ---------------------------------------------------------------------------------------------
# Named patterns (compiled once). None can backtrack more than a few characters.
# ---------------------------------------------------------------------------------------------
_OPENERS = "\"'“‘«‹([{¿¡"
_BULLETS = "•⁃◦▪‣●"

#: one line of text: a paragraph (line breaks as in str.splitlines)
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
#: a blank line between paragraphs of hard-wrapped text (white space holding two line breaks)
_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[^\S\r\n]*(?:\r?\n|\r)\s*|\u2029\s*")

#: a run of terminal punctuation (single spaces allowed inside, for ". . ."), then closers
_TERMINAL_RUN = re.compile(
    r"""
    (?P<marks> [.?!…‽] (?: \x20?[.?!…‽] )* )     # ".", "?!", "....", ". . . .", "…"
    (?P<closers> [\"'”’»›)\]}]* )                 # quotes/brackets closing after the mark
    """,
    re.VERBOSE,
)

#: a list item label at the start of a paragraph, after white space or after a bullet
_LIST_LABEL = re.compile(
    r"""
    (?<! [^\s•⁃◦▪‣●] )                  # preceded by nothing, white space or a bullet
    (?P<label> \d{1,2} | [a-z] )        # "1", "10", "a"
    (?P<punct> \.\) | \) | \. )         # "1.)", "1)", "1."
    (?= \s )
    """,
    re.VERBOSE,
)
_BULLET = re.compile(r"[•⁃◦▪‣●]")
_NON_SPACE = re.compile(r"\S")
#: a character that is neither white space nor an opening quote or bracket
_CONTENT = re.compile(r"[^\s\"'“‘«‹(\[{¿¡]")
_SPACE = re.compile(r"\s*")
_INITIAL = re.compile(r"[^\W\d_]\.$")
_INITIAL_NEXT = re.compile(r"[^\W\d_]\.")
#: letters with periods, "J.K." "N.Y." "U.A.E.": an abbreviation by its form
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.){2,}$")
#: trailing punctuation that Punkt's word tokenizer would split off the next word
_TRAILING = re.compile(r"[,;:\"'”’»›)\]}!?]+$")

_WINDOW = 100  # characters looked at on either side of a candidate to find the words there
_TIME_OPENERS = frozenset("at by from until till around about before after since".split())


@dataclass(frozen=True)
class _Lexicon:
    tokenizer: object
    titles: frozenset
    exclamation_names: frozenset
    number_abbreviations: frozenset
    time_context: frozenset


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Build the Punkt tokenizer and the rule word lists once (lazily, on first use)."""
    from nltk.tokenize import punkt

    params = punkt.PunktParameters()
    params.abbrev_types = set(word_lines("shared/abbreviations.txt"))
    starters = set(word_lines("sentences/starters.txt"))
    starters |= {w.replace("'", "’") for w in starters}  # "it's" and "it’s"
    params.sent_starters = starters
    # Sentence starters are seen capitalised at sentence starts and in lower case inside
    # sentences: with this orthographic context Punkt's heuristic treats a capitalised starter
    # after an abbreviation or initial as the start of a new sentence.
    for word in starters:
        params.add_ortho_context(word, punkt._ORTHO_BEG_UC | punkt._ORTHO_MID_LC)
    return _Lexicon(
        tokenizer=punkt.PunktSentenceTokenizer(params),
        titles=frozenset(word_lines("sentences/titles.txt")),
        exclamation_names=frozenset(word_lines("sentences/exclamation_names.txt")),
        number_abbreviations=frozenset(word_lines("sentences/number_abbreviations.txt")),
        time_context=frozenset(word_lines("sentences/time_context.txt")) | frozenset(MONTHS) | frozenset(WEEKDAYS),
    )


@functools.lru_cache(maxsize=1 << 16)
def _punkt_decision(prev_tok: str, next_tok: str, abbreviation: bool = False) -> tuple[bool, str]:
    """Ask Punkt whether ``prev_tok`` (ending in a period) ends a sentence before ``next_tok``.

    Uses the tokenizer's two annotation passes on the two tokens, as its ``debug_decisions``
    does, and returns the decision with Punkt's reason as a rule name. ``abbreviation`` marks
    ``prev_tok`` as an abbreviation by its form ("J.K.", "N.Y.") when the list lacks it.
    """
    from nltk.tokenize.punkt import PunktToken

    tok = _lexicon().tokenizer
    first, second = PunktToken(prev_tok), PunktToken(next_tok)
    tok._first_pass_annotation(first)
    tok._first_pass_annotation(second)
    if abbreviation and not first.abbr:
        first.abbr, first.sentbreak = True, False
    reason = tok._second_pass_annotation(first, second)
    split = bool(first.sentbreak)
    if reason:
        return split, _PUNKT_REASONS.get(reason, "punkt_" + re.sub(r"\W+", "_", reason))
    if first.ellipsis:
        return split, "punkt_ellipsis"
    if first.abbr:
        return split, "punkt_abbreviation"
    return split, "punkt_period"


def _list_items(text: str, lo: int, hi: int) -> tuple[list[int], set[int]]:
    """List items in the paragraph ``text[lo:hi]``.

    Returns the offsets where an item starts a new sentence, and the offsets of the periods
    of item labels (which are not sentence ends). A label counts when it opens the paragraph,
    follows a bullet, or continues the previous label (same style, next number or letter)
    after some text: "1. The first item 2. The second item", "a. ... b. ...". A bullet
    inside a paragraph always starts an item.
    """
    first = _NON_SPACE.search(text, lo, hi)
    first_at = first.start() if first else hi
    cuts = [m.start() for m in _BULLET.finditer(text, lo, hi) if m.start() != first_at]
    labels: set[int] = set()
    prev = None  # (value, style, end) of the last label counted
    for m in _LIST_LABEL.finditer(text, lo, hi):
        label, start = m.group("label"), m.start()
        value = int(label) if label.isdigit() else ord(label)
        style = (label.isdigit(), m.group("punct"))
        before = text[max(lo, start - 2):start]  # "•9." or "• 9."
        after_bullet = bool(before) and (
            before[-1] in _BULLETS or (before[-1].isspace() and before[0] in _BULLETS)
        )
        if start == first_at or after_bullet:
            labels.add(m.start("punct"))
            prev = (value, style, m.end())
        elif (
            prev is not None
            and style == prev[1]
            and value == prev[0] + 1
            and _NON_SPACE.search(text, prev[2], start) is not None
        ):
            labels.add(m.start("punct"))
            cuts.append(start)
            prev = (value, style, m.end())
    cuts.sort()
    return cuts, labels


def _after_opener(text: str, pos: int, lo: int) -> bool:
    """Whether ``text[pos]`` directly follows an opening quote or bracket: '“…', ' "...'."""
    if pos <= lo:
        return False
    before = text[pos - 1]
    if before in "“‘«‹([{¿¡":
        return True
    return before in "\"'" and (pos - 2 < lo or text[pos - 2].isspace())


def _decide(
    text: str, m: re.Match, lo: int, hi: int, nxt_at: int, sent_start: int,
    labels: set[int], lex: _Lexicon,
) -> tuple[bool, int, str]:
    """Decide one candidate: (split, offset where the sentence ends, rule name).

    The rules go in a fixed order, the first that applies decides: where the candidate stands
    (:func:`_by_position`), a lower-case next word, ellipses (:func:`_by_ellipsis`), ``?``
    and ``!`` (:func:`_by_question_or_exclamation`), a period after a known word
    (:func:`_by_word_before_period`), and else Punkt (:func:`_by_punkt`).
    """
    decision = _by_position(text, m, lo, hi, nxt_at, sent_start, labels)
    if decision is not None:
        return decision
    rs, re_ = m.start(), m.end()
    marks = m.group("marks")
    nxt = text[nxt_at:min(hi, nxt_at + _WINDOW)].split(None, 1)[0]
    core = nxt.lstrip(_OPENERS) or nxt
    if core[0].islower():
        return False, re_, LOWERCASE_NEXT

    attached = rs > lo and not text[rs - 1].isspace()
    only_dots, dots = _dots(marks)
    decision = _by_ellipsis(marks, rs, re_, attached, only_dots, dots)
    if decision is not None:
        return decision

    prev = text[max(lo, rs - _WINDOW):rs].rsplit(None, 1)[-1] if attached else ""
    prev = prev.lstrip(_OPENERS)
    if "?" in marks or "!" in marks or "‽" in marks:
        return _by_question_or_exclamation(marks, m.group("closers"), prev.lower(), re_, lex)
    if marks == ".":
        decision = _by_word_before_period(text, rs, re_, sent_start, prev, core, lex)
        if decision is not None:
            return decision
    return _by_punkt(marks, prev, core, re_, only_dots, dots)


def _by_position(
    text: str, m: re.Match, lo: int, hi: int, nxt_at: int, sent_start: int, labels: set[int],
) -> tuple[bool, int, str] | None:
    """The rules that look at where the candidate stands: the end of the paragraph, a list
    label, an omission "[...]", or punctuation before any content of its sentence."""
    rs, re_ = m.start(), m.end()
    if nxt_at >= hi:
        return True, re_, PARAGRAPH_END
    if rs in labels:
        return False, re_, LIST_MARKER
    if rs > lo and text[rs - 1] == "[" and m.group("closers").startswith("]"):
        return False, re_, BRACKETED_ELLIPSIS
    if _CONTENT.search(text, sent_start, rs) is None or _after_opener(text, rs, lo):
        return False, re_, OPENING_PUNCTUATION
    return None


def _dots(marks: str) -> tuple[bool, int]:
    """Whether the marks are only periods and ellipses, and how many periods they count
    ("…" counts three)."""
    flat = marks.replace(" ", "")
    return not flat.strip(".…"), flat.count(".") + 3 * flat.count("…")


def _by_ellipsis(marks: str, rs: int, re_: int, attached: bool, only_dots: bool,
                 dots: int) -> tuple[bool, int, str] | None:
    """Spaced ellipses ". . .", a period then an ellipsis, four or more dots."""
    if only_dots and " " in marks:  # spaced ellipsis ". . .", or a period then an ellipsis
        if attached and marks[0] == "." and marks[1] == " " and dots >= 4:
            return True, rs + 1, PERIOD_BEFORE_SPACED_ELLIPSIS
        if dots >= 4:
            return True, re_, SPACED_ELLIPSIS_WITH_PERIOD
        return False, re_, SPACED_ELLIPSIS_OMISSION
    if only_dots and dots >= 4:
        return True, re_, ELLIPSIS_WITH_PERIOD
    return None


def _by_question_or_exclamation(marks: str, closers: str, prev_type: str, re_: int,
                                lex: _Lexicon) -> tuple[bool, int, str]:
    if marks == "!" and not closers and prev_type + "!" in lex.exclamation_names:
        return False, re_, EXCLAMATION_IN_NAME
    return True, re_, QUESTION_OR_EXCLAMATION


def _by_word_before_period(text: str, rs: int, re_: int, sent_start: int, prev: str, core: str,
                           lex: _Lexicon) -> tuple[bool, int, str] | None:
    """A single period after a word from the lists: "No. 5", "Mr. Smith", "J. K.", "5 p.m. Monday"."""
    prev_type = prev.lower()
    first_char = core[0]
    if prev_type in lex.number_abbreviations and first_char.isdigit():
        return False, re_, ABBREVIATION_BEFORE_NUMBER
    if prev_type in lex.titles:
        return False, re_, TITLE_BEFORE_NAME
    if _INITIAL.match(prev + ".") and _INITIAL_NEXT.match(core):
        return False, re_, INITIALS
    if prev_type in ("a.m", "p.m") and first_char.isupper():
        return _by_time_before_capital(text, rs, re_, sent_start, core, lex)
    return None


def _by_time_before_capital(text: str, rs: int, re_: int, sent_start: int, core: str,
                            lex: _Lexicon) -> tuple[bool, int, str]:
    """ "a.m."/"p.m." before a capitalised word: a day or zone, a sentence opened by a time
    phrase ("At 5 a.m. Mr. Smith went"), or else a sentence end."""
    word = _TRAILING.sub("", core).rstrip(".").lower()
    if word in lex.time_context:
        return False, re_, TIME_BEFORE_DAY_OR_ZONE
    opening = text[sent_start:rs].split() if rs - sent_start < 40 else []
    if 0 < len(opening) <= 3 and opening[0].lower().lstrip(_OPENERS) in _TIME_OPENERS:
        return False, re_, TIME_PHRASE_OPENING_SENTENCE
    return True, re_, TIME_BEFORE_CAPITAL


def _by_punkt(marks: str, prev: str, core: str, re_: int, only_dots: bool,
              dots: int) -> tuple[bool, int, str]:
    """A period no rule claims: Punkt decides, from the words on either side."""
    prev_tok = "..." if only_dots and dots > 1 else prev + marks
    next_tok = _TRAILING.sub("", core) or core
    dotted = marks == "." and _DOTTED_ABBREVIATION.match(prev_tok) is not None
    split, rule = _punkt_decision(prev_tok, next_tok, dotted)
    return split, re_, rule


def _paragraphs(text: str, hard_wrapped: bool) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` that hold more than white space."""
    if hard_wrapped:
        spans, lo = [], 0
        for m in _BLANK_LINE.finditer(text):
            spans.append((lo, m.start()))
            lo = m.end()
        spans.append((lo, len(text)))
    else:
        spans = (m.span() for m in _LINE.finditer(text))
    for lo, hi in spans:
        if _NON_SPACE.search(text, lo, hi) is not None:
            yield lo, hi


def _scan(text: str, hard_wrapped: bool = False) -> Iterator[tuple[int, int, bool, int, str]]:
    """Yield every boundary decision in order: (start, end, split, offset, rule).

    List items and paragraph ends are included; candidates are visited left to right, and a
    decision can depend on where the current sentence started.
    """
    lex = _lexicon()
    for lo, hi in _paragraphs(text, hard_wrapped):
        cuts, labels = _list_items(text, lo, hi)
        ci = 0
        split, rule = False, ""
        sent_start = lo
        for m in _TERMINAL_RUN.finditer(text, lo, hi):
            end = m.end()
            if end < hi and not text[end].isspace():
                continue  # inside a token: "3.5", "example.com", "Jr.'s", "mean...see"
            while ci < len(cuts) and cuts[ci] <= m.start():
                yield cuts[ci], cuts[ci], True, cuts[ci], LIST_ITEM
                sent_start = cuts[ci]
                ci += 1
            nxt_at = _SPACE.match(text, end, hi).end()
            split, offset, rule = _decide(text, m, lo, hi, nxt_at, sent_start, labels, lex)
            yield m.start(), end, split, offset, rule
            if split:
                sent_start = offset
        for cut in cuts[ci:]:
            yield cut, cut, True, cut, LIST_ITEM
            split = False
        if not split or rule != PARAGRAPH_END:
            yield hi, hi, True, hi, PARAGRAPH_END


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    return start + left, start + max(left, right)


def boundary_decisions(text: str, *, hard_wrapped: bool = False) -> list[Boundary]:
    """Every candidate boundary in ``text`` with the decision and the rule that made it.

    Args:
        text: any string.
        hard_wrapped: as for :func:`split_sentences`.

    Example:
        >>> [(b.text, b.split, b.rule) for b in boundary_decisions("Mr. Smith left. He ran.")]
        [('.', False, 'title_before_name'), ('.', True, 'punkt_period'), ('.', True, 'paragraph_end')]
    """
    if not isinstance(text, str):
        raise TypeError(f"boundary_decisions expects a str, not {type(text).__name__}")
    return [
        Boundary(start, end, text[start:end], split, offset, rule)
        for start, end, split, offset, rule in _scan(text, hard_wrapped)
    ]


def split_sentences(text: str, *, hard_wrapped: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets.

    Every line break ends a sentence (news scrapes hold one paragraph per line); inside a
    paragraph, candidate boundaries are decided by the named rules and Punkt described in the
    module docstring (see :func:`boundary_decisions`).

    Args:
        text: any string; an empty or blank string gives an empty list.
        hard_wrapped: ``True`` for text wrapped at a fixed width (wire copy, plain-text
            corpora): then only blank lines end a sentence and single line breaks count as
            spaces, so a sentence may contain a line break.

    Returns:
        Sentences in order, without surrounding white space; ``text[s.start:s.end] == s.text``.

    Raises:
        TypeError: if ``text`` is not a ``str`` (decode bytes first, e.g. with newskit.load).

    Example:
        >>> [s.text for s in split_sentences("Mr. Smith arrived at 5 p.m. on Oct. 26. He left.")]
        ['Mr. Smith arrived at 5 p.m. on Oct. 26.', 'He left.']
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str, not {type(text).__name__}")
    out: list[Sentence] = []
    start = 0
    for _, _, split, offset, _ in _scan(text, hard_wrapped):
        if split:
            a, b = _stripped(text, start, offset)
            if a < b:
                out.append(Sentence(a, b, text[a:b]))
            start = offset
    return out


def to_frame(sentences: list[Sentence]):
    """Sentences as a DataFrame with columns start, end, text."""
    return _to_frame(sentences, Sentence)
