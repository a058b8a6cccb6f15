"""Quotes and their sources: direct, indirect and mixed attributions, rule-based.

``find_quotes`` finds who is reported as saying (or believing, knowing, expecting) what:

- **direct** quotes in curly or straight marks, with the speaker before or after
  (“…,” the officer said / said X: “…” / “…,” said X, ROLE), quotes over several
  paragraphs, and a bare quote paragraph that continues the previous speaker;
- **indirect** ones: "X said (that) …", "…, X said.", "…, said X, ROLE.", "according to X, …",
  "X told Y (that) …", "X announced / warned / believes / has learned …";
- **mixed** ones, an indirect content holding quoted words: said that “the operation …”.

Short quoted phrases with no cue ("a “record period.”") are scare quotes, not quotes.
Speakers are resolved to canonical sources by :mod:`newskit.quotes.speakers`. Every result records
the ``rule`` that produced it (``RULES`` lists them). Cue lexicons are data in
``newskit/resources/quotes/*.txt``: speech verbs, belief and knowledge verbs, stance verbs,
multi-word cues, evidential phrases, titles, anonymous-source nouns, pronouns, adverbials.

How it works, per paragraph: quote marks are paired (curly by shape, straight by toggling; an
unclosed quote continues into a paragraph that opens with a mark); quoted stretches standing
where a sentence or an attribution can start become atomic *quote blocks*, the rest stay inline
text. Sentences are cut around the blocks, and each sentence is matched against attribution
frames around a cue word (quote-then-source, source-cue-content, content-then-source,
according-to, parenthetical …). No part-of-speech tagger or parser is used.

Measured on PolNeAR dev (``python ../shared/eval/quotes_polnear.py
../shared/data/quotes/polnear/dev``): content-overlap F1 0.77 (P 0.92, R 0.66), source
accuracy 0.88, direct-quote recall 0.94. The misses are mostly PolNeAR's long tail of
attributions with nominal or idiomatic cues ("his critique of", "took aim at").

Give an :class:`~newskit.Article` rather than raw text to keep the headline out: a headline
such as "Clinton Says Russians Hacked DNC" reads as an attribution.

Example:
    >>> import newskit
    >>> q = newskit.find_quotes('“We will win,” Smith said. Officials said the vote was close.')
    >>> [(x.kind, x.text, x.speaker, x.anonymous) for x in q]
    [('direct', 'We will win', 'Smith', False), ('indirect', 'the vote was close', 'Officials', True)]

References:
    Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
    Newell, E., Margolin, D. and Ruths, D. (2018). An attribution relations corpus for
    political news (PolNeAR). LREC.
    textacy ``extract.triples.direct_quotations`` (the direct-quote frames).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from newskit.article import as_text_and_reference
from newskit.spans import check_span, to_frame
from newskit.quotes.speakers import SpeakerResolver, lexicon as speaker_lexicon
from newskit.wordlists import word_lines

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class Quote:
    """One attribution: who (``speaker``) is reported as saying or holding what (``text``).

    ``source[start:end] == text``. For a direct quote the span is the words inside the marks;
    a direct quote interrupted by its attribution (“A,” she said. “B.”) or spread over
    several paragraphs is one Quote whose ``parts`` are the quoted pieces (``text`` then
    covers the attribution between them, as in PolNeAR).

    Attributes:
        kind: ``"direct"``, ``"indirect"`` or ``"mixed"``.
        speaker: canonical source ("Abdulamir Rashid Yarallah", "military officers"), or None.
        speaker_start, speaker_end: the speaker mention in this sentence; None when inherited.
        speaker_text: that mention as written ("he", "the officer", "Yarallah").
        cue, cue_start, cue_end: the reporting word or phrase ("said", "according to").
        recipient: who was told ("Arab News" in "told Arab News"), or None.
        anonymous: True for unnamed sources ("military sources", "a senior military officer").
        role, affiliation: as stated ("Lt. Gen.", "commander of the …", "Iraqi").
        rule: the name of the rule that produced the quote (see ``RULES``).
        parts: the (start, end) pieces of quoted text.
        named: True when the source is a proper name ("Haider Al-Abadi", "Reuters"); a source
            can be neither named nor anonymous ("the company", an unresolved "he").
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    recipient: str | None = None
    anonymous: bool = False
    role: str | None = None
    affiliation: str | None = None
    rule: str = ""
    parts: tuple = field(default=(), repr=False)
    named: bool = False

    @property
    def words(self) -> int:
        """Number of words quoted (the parts only, not an attribution between them)."""
        return sum(len(_WORDS_RE.findall(self.text[s - self.start:e - self.start]))
                   for s, e in (self.parts or ((self.start, self.end),)))


RULES = {
    "quote-then-source": "“…,” X said — a direct quote, then its speaker and cue",
    "quote-then-cue-source": "“…,” said X — inverted attribution after a direct quote",
    "source-cue-quote": "X said: “…” — speaker and cue before a direct quote",
    "content-then-source": "…, X said. — indirect content, then speaker and cue",
    "content-then-cue-source": "…, said X, ROLE. — indirect content, inverted attribution",
    "source-cue-content": "X said (that) … / X told Y … / X believes … — cue before content",
    "source-cue-colon": "X said: … — cue and colon before content",
    "source-stance-content": "X endorsed / criticized / called for … — a stance and its object",
    "according-to": "according to X, … / …, according to X",
    "parenthetical": "…, X said, … — attribution inside its content",
    "gerund-continuation": "…, adding/saying … — a second attribution of the same speaker",
    "colon-quote": "Republican pollster Daron Shaw: “…” — a quote after a colon",
    "embedded-quote": "a quote block inside a sentence that no other rule attributed",
    "asked": "Asked about X, … / he was asked whether … — the question put to someone",
    "in-document": "In a CBS News poll, … — a finding attributed to a document",
    "evidential": "X seemed … / X is expected to … — a sentence attributed to no stated source",
    "inherited": "a bare quote after an attributed one: same speaker",
    "continued": "a bare quote sentence right after a direct quote in the same paragraph",
    "unattributed": "a full quoted sentence with no speaker found",
}


# ---------------------------------------------------------------- lexicons (loaded on first use)
@functools.lru_cache(maxsize=1)
def _lex() -> dict:
    speech, belief, stance = set(), set(), set()
    for ln in word_lines("quotes/stance_cues.txt"):
        stance.update(ln.lower().split())
    for ln in word_lines("quotes/cues.txt"):
        speech.update(ln.lower().split())
    for ln in word_lines("quotes/belief_cues.txt"):
        belief.update(ln.lower().split())
    phrases = [tuple(p.lower().split()) for p in word_lines("quotes/cue_phrases.txt")]
    abbrev = {w.lower() for w in word_lines("abbreviations.txt")}
    evidential = [tuple(p.lower().split()) for p in word_lines("quotes/evidential_cues.txt")]
    adverbials = set(word_lines("quotes/adverbials.txt"))
    cues = speech | belief | stance
    return {"speech": speech, "belief": belief, "stance": stance - speech - belief,
            "cues": cues, "phrases": phrases, "phrases_by_first": _by_first_word(phrases),
            # a word not in this set starts no cue (except an unlisted verb before ': “…”')
            "cue_starts": frozenset(cues | {p[0] for p in phrases}),
            "abbrev": abbrev, "adverbials": adverbials, "evidential": evidential,
            "evidential_by_first": _by_first_word(evidential)}


def _by_first_word(phrases: list[tuple]) -> dict:
    """Phrases grouped by their first word, each group in list order (the first match wins)."""
    out: dict = {}
    for ph in phrases:
        out.setdefault(ph[0], []).append(ph)
    return out


# ---------------------------------------------------------------- named patterns
# Quote marks: curly doubles, straight doubles, and the doubled apostrophes of some archives.
QUOTE_MARK = re.compile(r"“|”|\"|''|„|«|»")
OPENERS, CLOSERS = {"“", "„", "«"}, {"”", "»"}
# ‘Single curly quotes’ (used only where a paragraph has no double marks): an opening ‘ before a
# letter, a closing ’ after a non-space and before a space, punctuation or the end.
SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(‘)(?=\w)(.+?)(?<=\S)(’)(?=[\s.,;:!?)\]—–-]|$)",
                           re.MULTILINE)
# A quoted stretch inside an indirect content (makes it a mixed quote).
QUOTED_STRETCH = re.compile(r"(“|\"|''|„|«|‘)(.+?)(”|\"|''|»|’(?!\w))")
# A token: an initialism (U.S.), a word with inner apostrophes/hyphens/periods, or one symbol.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w\u00C0-\u024F]+(?:[’'\-.][\w\u00C0-\u024F]+)*|''|\S")
# A token with the white space before it: tokens cover every other character, so one findall
# gives each token and, counting lengths, its offsets.
# (TOKEN with possessive quantifiers: nothing follows a token here, so giving characters back
# could never help; the same matches, found 10% faster.)
SPACED_TOKEN = re.compile(r"(\s*+)((?:[A-Za-z]\.){2,}|[\w\u00C0-\u024F]++(?:[’'\-.][\w\u00C0-\u024F]++)*+"
                          r"|''|\S)")
_WORDS_RE = re.compile(r"[\w\u00C0-\u024F]+(?:[’'\-][\w\u00C0-\u024F]+)*")
# A paragraph: one line of text (blank lines between paragraphs are skipped).
LINE = re.compile(r"[^\n]+")
SENTENCE_END = frozenset(".?!")
MAX_SENTENCE_TOKENS = 150
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''", ")", "»"})
# Words that end the clause holding a source when looking left from a cue.
CLAUSE_BOUNDARY = frozenset(
    """that because while when although though but if as after before since so where whether
    than until unless or what how why whom whose which without despite""".split()
)
LY_NOUNS = frozenset("family assembly supply rally ally italy july anomaly monopoly bully daily "
                     "weekly monthly reply jelly belly lily emily".split())
# Words that cannot be the head of a source phrase (adverbs, quantifiers, verbs seen there).
NOT_SOURCE_HEAD = frozenset(
    """too more less much very so also only even just still let let's let’s make makes made when
    asked about such own other same""".split()
)
# Words that cannot end a source phrase.
NOT_SOURCE_END = frozenset(
    """the a an of to in on at for with by from and or but that this these those his her its
    their our my your what which whom whose as than if then there here it's is was are were be
    been being has have had do does did not no so very also""".split()
)
GERUND_CONTINUATIONS = frozenset(
    """adding saying noting arguing explaining insisting warning stressing calling claiming
    telling suggesting declaring acknowledging asking promising vowing pointing""".split()
)
# Verbs whose base or -s form is also a common noun ("a report", "the state"): not a cue after a
# determiner.
NOUNLIKE = frozenset(
    """report reports state states note notes post posts claim claims charge charges answer answers
    comment comments show shows find finds fear fears hope hopes doubt doubts estimate estimates
    remark remarks promise promises pledge pledges vow vows want wants warning warnings word
    statement reply replies response responses testimony thought thoughts feeling feelings
    wish wishes concern concerns finding findings showing""".split()
)
DETERMINER_BEFORE = frozenset(
    "a an the this that these those his her its their our my your no any every each some".split()
)
RECIPIENT_WORDS = frozenset(
    """me him her us them you reporters journalists supporters voters lawmakers listeners viewers
    readers students members donors delegates the a an his her their crowd audience""".split()
)
TAKES_RECIPIENT = frozenset(
    "tell tells told telling ask asks asked asking warn warns warned warning assure assured "
    "assures remind reminded reminds inform informed informs urge urged urges".split()
)
INVERTIBLE = frozenset(
    "said says added adds wrote writes continued asked explained noted recalled replied "
    "responded insisted argued warned cautioned declared stated observed concluded quipped "
    "joked remarked tweeted posted".split()
)
SOURCE_DETERMINERS = frozenset(
    "a an the one another several some two three four many most his her their its".split()
)
# "who asked not to be named", "spoke on condition of anonymity": part of an anonymous source.
ANONYMITY_VERBS = frozenset("asked requested declined spoke speaking insisted".split())
ANONYMITY_PHRASE = re.compile(
    r"(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous|anonymity|"
    r"on\s+(?:the\s+)?condition\s+(?:of|that)|to\s+be\s+anonymous|not\s+to\s+be\s+named)"
)
RELATIVE = frozenset({"who", "that", "which"})
NAMING_VERBS = frozenset("called named dubbed titled labeled labelled known".split())
QUESTION_STARTS = frozenset("do does did would will can could should is are was were have has "
                            "shall may might".split())
QUANTIFIERS = frozenset("about nearly almost roughly more fewer less half most many some few all "
                        "only just over under".split())
SUBJECT_PRONOUNS = frozenset("he she it they we i you who".split())
IRREGULAR_PAST = frozenset("sought said told wrote thought knew felt found understood".split())
BE_FORMS = frozenset("is was were are be been being 's".split())
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TAIL_PREPOSITIONS = frozenset(
    "in on at to during after before while via through from with for over of about outside "
    "inside near under by among since".split()
)
TIME_WORDS = frozenset(
    "last this next earlier later week month year morning afternoon evening night weekend "
    "ago days weeks months years".split()
)
# Auxiliaries and copulas end a source phrase when looking left ("It was the number who said").
NP_BREAK = frozenset("is was were are am be has have had will would can could should".split())


# ---------------------------------------------------------------- tokens and quote segments
@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # "w" word, "p" punctuation, "Q" a direct-quote block
    low: str = ""
    seg: object = None


@dataclass(slots=True)
class _Seg:
    """A quoted stretch: marks at open_at and close_at (close_at None when unclosed)."""

    open_at: int
    open_end: int
    close_at: int | None
    close_end: int | None
    cstart: int = 0
    cend: int = 0
    block: bool = False
    cont_prev: bool = False  # continues an unclosed quote of the previous paragraph


class _KindOfFirstChar(dict):
    """First character of a token -> its kind: "w" when it is a word character (``\\w``),
    else "p". Filled on first use of each character, so that most tokens take one lookup."""

    def __missing__(self, c: str) -> str:
        kind = self[c] = "w" if _is_word_char(c) else "p"
        return kind


_KIND_OF = _KindOfFirstChar()


def _paragraphs(text: str) -> list[tuple[int, int]]:
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


def _segments(text: str, ps: int, pe: int) -> list[_Seg]:
    """Quoted stretches of one paragraph, pairing marks (curly by shape, straight by toggling)."""
    segs: list[_Seg] = []
    open_seg = None
    style = None
    for m in QUOTE_MARK.finditer(text, ps, pe):
        mark = m.group()
        if mark in OPENERS:
            if open_seg is None:
                open_seg, style = _Seg(m.start(), m.end(), None, None), "curly"
        elif mark in CLOSERS:
            if open_seg is not None and style == "curly":
                open_seg.close_at, open_seg.close_end = m.start(), m.end()
                segs.append(open_seg)
                open_seg = None
        else:  # straight marks toggle
            if open_seg is None:
                nxt = text[m.end():m.end() + 1]
                if nxt and not nxt.isspace():
                    open_seg, style = _Seg(m.start(), m.end(), None, None), mark
            elif style == mark:
                open_seg.close_at, open_seg.close_end = m.start(), m.end()
                segs.append(open_seg)
                open_seg = None
    if open_seg is not None:
        segs.append(open_seg)  # unclosed: runs to the end of the paragraph
    if not segs and text.find("‘", ps, pe) >= 0:  # British style: ‘single curly marks’
        segs = [_Seg(m.start(1), m.end(1), m.start(3), m.end(3))
                for m in SINGLE_QUOTED.finditer(text, ps, pe)]
    for s in segs:
        s.cstart = s.open_end
        s.cend = s.close_at if s.close_at is not None else pe
        while s.cstart < s.cend and text[s.cstart].isspace():
            s.cstart += 1
        while s.cend > s.cstart and (text[s.cend - 1].isspace() or text[s.cend - 1] == ","):
            s.cend -= 1
    return [s for s in segs if s.cend > s.cstart]


def _tokens(text: str, ps: int, pe: int, blocks: list[_Seg]) -> list[_Tok]:
    """Tokens of the paragraph text[ps:pe]; each quote block is one "Q" token."""
    abbrev = _lex()["abbrev"]
    title_words = speaker_lexicon()["title_words"]
    toks: list[_Tok] = []
    append = toks.append
    kind_of = _KIND_OF
    bi = 0
    pos = ps
    blocks = sorted(blocks, key=lambda s: s.open_at)
    while pos < pe:
        if bi < len(blocks) and pos >= blocks[bi].open_at:
            b = blocks[bi]
            end = b.close_end if b.close_end is not None else pe
            toks.append(_Tok(b.open_at, end, text[b.open_at:end], "Q", "", b))
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
            # a final period belongs to an abbreviation or an initial ("Lt.", "J.")
            if e < limit and text[e] == "." and w[:1].isalpha() and (
                    w.lower() in abbrev or (len(w) == 1 and w.isupper())
                    or (w[:1].isupper() and w.lower() + "." in title_words)):
                joined = True
                e += 1
                w += "."
            append(_Tok(s, e, w, kind_of[w[0]], w.lower()))
        pos = limit
    return toks


def _block_positions(text: str, ps: int, segs: list[_Seg], cues: set) -> None:
    """Mark the quoted stretches that stand as direct quotes (not inline scare quotes)."""
    prev_close = None
    for s in segs:
        before = text[max(ps, s.open_at - 300):s.open_at].rstrip()  # bounded: no quadratic scans
        last = before[-1:] if before else ""
        prev_word = _last_word(before)
        words = len(_WORDS_RE.findall(text[s.cstart:s.cend]))
        inner_end = s.close_at if s.close_at is not None else s.cend
        ends_sentence = text[s.cstart:inner_end].rstrip()[-1:] in {".", "?", "!", ","} or (
            s.close_at is None)
        pos_ok = (not before or last in ".?!:;—–-(" or (last == "," and (words >= 3 or (prev_word is not None and
                                                  prev_word.lower() in cues))) or
                  (prev_close is not None and not text[prev_close:s.open_at].strip(" ,")) or
                  (prev_word is not None and prev_word.lower() in cues and last not in ","))
        s.block = pos_ok and (words >= 3 or (ends_sentence and words >= 1)) or s.cont_prev
        prev_close = s.close_end if s.block else prev_close


APOSTROPHES = "’'"


def _is_word_char(c: str) -> bool:
    """Whether the character ``c`` matches ``\\w`` (for a str pattern)."""
    return c.isalnum() or c == "_"


def _last_word(s: str) -> str | None:
    """The last word of ``s`` with its apostrophes ("said", "Reuters’"), or None.

    The group that ``re.search(r"([\\w’']+)\\W*$", s)`` finds, looking only at the end of
    ``s`` (that search tries a word run at every character: 20 µs for a 300-character context).
    """
    k = len(s) - 1
    while k >= 0 and not _is_word_char(s[k]):
        k -= 1
    if k < 0:  # no word character: the first run of apostrophes, if any
        k = next((j for j, c in enumerate(s) if c in APOSTROPHES), None)
        if k is None:
            return None
        end = k
        while end < len(s) and s[end] in APOSTROPHES:
            end += 1
        return s[k:end]
    end = k + 1
    while end < len(s) and s[end] in APOSTROPHES:
        end += 1
    start = k
    while start > 0 and (_is_word_char(s[start - 1]) or s[start - 1] in APOSTROPHES):
        start -= 1
    return s[start:end]


def _sentences(toks: list[_Tok]) -> list[list[_Tok]]:
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
            j = i + 1
            while j < n and toks[j].kind == "p" and toks[j].text in CLOSING_MARKS:
                j += 1
            i = j - 1
            nxt = toks[j] if j < n else None
            boundary = nxt is None or nxt.kind == "Q" or nxt.text[:1].isupper() or \
                nxt.text[:1].isdigit() or nxt.text in {"“", '"', "(", "''"}
        elif t.kind == "Q":
            content = t.text.rstrip("”\"'» ")
            nxt = toks[i + 1] if i + 1 < n else None
            if content[-1:] in SENTENCE_END and (nxt is None or nxt.kind == "Q" or
                                                 nxt.text[:1].isupper()):
                # “… .” He said → the quote ends a sentence unless an attribution follows
                boundary = nxt is None or nxt.kind == "Q" or not _looks_like_attribution(toks, i + 1) \
                    or nxt.text in {"He", "She", "They", "We", "It", "I"}  # “… .” He said: a new sentence
        length = i - start + 1
        if not boundary and length >= MAX_SENTENCE_TOKENS and (t.text in {",", ";"} or
                                                              length >= 2 * MAX_SENTENCE_TOKENS):
            boundary = True  # a run-on "sentence" (lists, junk): cut it so work stays linear
        if boundary:
            out.append(toks[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        out.append(toks[start:])
    return out


NOT_WORD = re.compile("[^w]")  # in a string of token kinds


def _looks_like_attribution(toks: list[_Tok], j: int) -> bool:
    cues = _lex()["cues"]
    for k in range(j, min(j + 8, len(toks))):
        if toks[k].kind != "w":
            return False
        if toks[k].low in cues:
            return True
    return False


# ---------------------------------------------------------------- frames
@dataclass
class _Frame:
    parts: list  # [(start, end)]
    cue: tuple | None
    src: tuple | None  # (start, end) of the source mention
    rule: str
    recipient: tuple | None = None
    role: str | None = None
    antecedent: tuple | None = None
    direct: bool = False
    para: int = 0
    cont: bool = False  # its quote continues an unclosed quote of the previous paragraph


def _is_cue(toks: list[_Tok], i: int) -> int:
    """Length in tokens of a cue starting at toks[i] (0 when none)."""
    lex = _lex()
    t = toks[i]
    if t.kind != "w":
        return 0
    if t.low not in lex["cue_starts"]:  # most words: only the colon case below can apply
        return _is_colon_cue(toks, i)
    for ph in lex["phrases_by_first"].get(t.low, ()):
        if all(i + k < len(toks) and toks[i + k].low == ph[k] for k in range(1, len(ph))):
            return len(ph)
    if t.low not in lex["cues"]:
        return _is_colon_cue(toks, i)
    if t.low in ANONYMITY_VERBS and ANONYMITY_PHRASE.match(
            " ".join(x.low for x in toks[i + 1:i + 7])):
        return 0  # "officials who asked not to be named": a condition of anonymity, not a cue
    prev = toks[i - 1].low if i > 0 else ""
    if t.low.endswith("ing") and t.low in lex["belief"] and i > 0 and toks[i - 1].kind == "w" \
            and prev not in BE_FORMS \
            and prev not in lex["adverbials"] and prev not in SUBJECT_PRONOUNS \
            and not toks[i - 1].text[:1].isupper():
        return 0  # "anyone wanting to learn": a participle modifying a noun, not a cue
    if (t.low in NOUNLIKE or t.low in lex["stance"]) and (
            prev in DETERMINER_BEFORE or prev.endswith(("’s", "'s"))):
        return 0  # "a report", "Editor’s note"
    if t.low in NAMING_VERBS and i >= 2 and toks[i - 2].low in {"a", "an"} and toks[i - 1].text.islower():
        return 0  # "a company called Cambridge Analytica"
    if (t.low in lex["stance"] or t.low in NOUNLIKE) and not t.low.endswith(("ed", "ing")) \
            and t.low not in IRREGULAR_PAST:
        # "Clinton’s support fell", "a conference call": base and -s forms that are also nouns
        k = i - 1
        while k >= 0 and toks[k].low in lex["adverbials"]:
            k -= 1
        p = toks[k] if k >= 0 else None
        if p is None or p.kind != "w" or p.low.endswith(("’s", "'s")) or p.low in NOT_SOURCE_END \
                or (p.text.islower() and not p.low.endswith("s") and p.low not in SUBJECT_PRONOUNS
                    and p.low not in DOCUMENT_NOUNS and p.low not in {"data", "research", "campaign"}):
            return 0
    if prev == "to" and t.low in lex["cues"] and not t.low.endswith("ed") and not (
            i >= 2 and toks[i - 2].text.islower() and toks[i - 2].low.endswith("ed")
            and t.low in lex["speech"]):
        return 0  # "to say" only after "continued", "tweeted", "went on" … ("he continued to say")
    return 1


def _is_colon_cue(toks: list[_Tok], i: int) -> int:
    """1 for an unlisted verb that introduces a direct quote after a colon ("O'Malley
    interjected: “…”"), else 0."""
    t = toks[i]
    if (i + 2 < len(toks) and toks[i + 1].text == ":" and toks[i + 2].kind == "Q"
            and t.text.islower() and t.low not in NOT_SOURCE_END):
        return 1
    return 0


def _skip_adverbials_left(toks, j, lo):
    adv = _lex()["adverbials"]
    while j >= lo:
        t = toks[j]
        if t.low in DAYS and j - 1 >= lo and toks[j - 1].low == "on":
            j -= 2
        elif t.low in TIME_WORDS and j - 1 >= lo and (
                toks[j - 1].low in DAYS or toks[j - 1].low in {"last", "this", "next", "that", "each"}):
            j -= 2
            if j >= lo and toks[j].low == "on":
                j -= 1
        elif t.low in adv or (t.text.islower() and t.low.endswith("ly") and len(t.low) > 4
                              and t.low not in LY_NOUNS):
            j -= 1  # "also", "has", "fiercely"
        elif t.kind == "p" and t.text in {"—", "–"}:
            break
        else:
            break
    return j


def _source_left(toks, i, lo):
    """The source phrase ending just left of the cue at i: (start_idx, end_idx, role, antecedent)."""
    if i - 2 >= lo and toks[i - 1].low == "to" and toks[i - 2].low.endswith("ed"):
        i -= 2  # "Lewandowski continued to say …": the subject of "continued"
    j = _skip_adverbials_left(toks, i - 1, lo)
    if j < lo:
        return None
    role = None
    antecedent = None
    # "officials who asked not to be named said": the relative clause belongs to the source
    for w in range(j - 1, max(lo, j - 10) - 1, -1):
        if toks[w].low in {"who", "that"} and w + 1 <= j and toks[w + 1].low in ANONYMITY_VERBS \
                and ANONYMITY_PHRASE.match(" ".join(x.low for x in toks[w + 2:j + 1])):
            st = _np_start(toks, w - 1, lo) if w - 1 >= lo else None
            if st is not None:
                return st, j, None, None
            break
    if lo == 0 and (toks[j].low in {"and", "but"} or (toks[j].text == "," and toks[i].low.endswith("ing"))):
        subj = _subject(toks, j)
        return (subj[0], subj[1], None, None) if subj else None
    if toks[j].text in {",", "—", "–"}:
        # apposition or relative clause: "Brian Fallon, a spokesman for Mrs. Clinton, said",
        # "Brianne Stone, 29, of Huntsville, Ala., says", "Many speakers — including … — said"
        delim = toks[j].text
        tries = 0
        k = j - 1
        while k >= lo and j - k < 32 and tries < 3:
            t = toks[k]
            if t.kind == "Q" or t.text in {".", ";", ":"}:
                return None
            if t.text == delim:
                inner = toks[k + 1:j]
                if not inner:
                    return None
                if tries == 0 and len(inner) == 1 and (
                        inner[0].low in {"however", "too", "meanwhile", "though", "instead"}
                        or inner[0].low.endswith("ly")):
                    return _source_left(toks, k + 1, lo) if k + 1 < i else None
                start = _np_start(toks, k - 1, lo) if k - 1 >= lo else None
                if start is not None and (toks[start].text[:1].isupper() or
                                          toks[start].low in SOURCE_DETERMINERS or
                                          toks[start].text[:1].isdigit() or
                                          toks[start].low in QUANTIFIERS):
                    if inner[0].low in {"who", "which"}:
                        return start, j - 1, None, None
                    role = " ".join(x.text for x in inner).replace(" ,", ",")
                    head = toks[start:k]
                    if (len(inner) <= 5 and inner[0].low not in SOURCE_DETERMINERS
                            and all(x.kind == "w" and x.text[:1].isupper() for x in inner)
                            and not all(x.text[:1].isupper() for x in head if x.kind == "w")):
                        # "the bank's president, Ingrid Maier, said": the name is the source,
                        # the description before it is the role
                        return start, j - 1, " ".join(x.text for x in head), None
                    if inner[0].low in TAIL_PREPOSITIONS or inner[0].low in CLAUSE_BOUNDARY \
                            or inner[0].low in DAYS or inner[0].low in TIME_WORDS:
                        role = None  # "Clinton, at a later press gaggle, said": a circumstance
                    return start, k - 1, role, None
                tries += 1
            k -= 1
        return None
    start = _np_start(toks, j, lo)
    if start is None:
        return None
    if toks[start].low == "who" and start == j and start - 1 >= lo and toks[start - 1].text == ",":
        a_end = start - 2
        a_start = _np_start(toks, a_end, lo) if a_end >= lo else None
        if a_start is not None:
            return a_start, j, None, (toks[a_start].start, toks[a_end].end)
    return start, j, role, antecedent


def _subject(toks, limit):
    """The subject at the start of a sentence: a capitalised run or a pronoun."""
    k = 0
    while k < limit and toks[k].kind == "w" and toks[k].low in {"but", "and", "so", "then", "yet"}:
        k += 1
    if k < limit and (toks[k].low in TAIL_PREPOSITIONS or toks[k].low in CLAUSE_BOUNDARY
                      or toks[k].low in TIME_WORDS or toks[k].low in DAYS
                      or toks[k].low in _lex()["adverbials"] or toks[k].low.endswith("ly")):
        # "In his 2002 book, ''…,'' Mr. McKinley suggested … and asked": past the opening phrase
        c = next((m for m in range(k, min(limit, k + 20)) if toks[m].text == ","), None)
        if c is None:
            return None
        k = c + 1
        while k < limit and (toks[k].kind == "Q" or toks[k].text == ","):
            k += 1
    if k >= limit or toks[k].kind != "w":
        return None
    if toks[k].low in {"he", "she", "they", "we", "i"}:
        return k, k
    e = k
    while e < limit and toks[e].kind == "w" and (toks[e].text[:1].isupper() or
                                                   (e == k and toks[e].low == "the")):
        e += 1
    if e == k or (e == k + 1 and toks[k].low == "the"):
        return None
    return k, e - 1


def _np_start(toks, j, lo):
    """Start index of a source noun phrase ending at toks[j], or None when none is plausible."""
    if j >= lo and (toks[j].low in CLAUSE_BOUNDARY or toks[j].low in TAIL_PREPOSITIONS or
                    toks[j].low in DAYS or toks[j].low in TIME_WORDS or toks[j].low in NOT_SOURCE_HEAD
                    or (toks[j].low.endswith("ly") and toks[j].text.islower())):
        return None
    if j >= lo and toks[j].text == ")":
        m = j - 1
        while m >= lo and toks[m].text != "(" and j - m < 8:
            m -= 1
        if m - 1 >= lo and toks[m].text == "(":
            return _np_start(toks, m - 1, lo)
        return None
    cues = _lex()["cues"]
    if j < lo or toks[j].kind != "w" or toks[j].low in NOT_SOURCE_END or toks[j].low in cues:
        if not (j >= lo and toks[j].low in {"it", "who"}):
            return None
    k = j
    while k - 1 >= lo:
        t = toks[k - 1]
        if t.kind != "w":
            if t.text in {"&", "-"}:
                k -= 1
                continue
            if t.text == ")":  # "Rep. Earl Blumenauer (D-Ore.) said"
                m = k - 2
                while m >= lo and toks[m].text != "(" and k - m < 8:
                    m -= 1
                if m >= lo and toks[m].text == "(" and m - 1 >= lo and toks[m - 1].kind == "w":
                    k = m
                    continue
            break
        if t.low in CLAUSE_BOUNDARY or t.low in NP_BREAK:
            break
        if t.low == "and" and not (toks[k].text[:1].isupper() and k - 2 >= lo and
                                   toks[k - 2].text[:1].isupper()):
            break
        if t.low in cues and not t.low.endswith("ing") and t.low not in {"asked"}:
            noun = t.low in NOUNLIKE and any(x.low in DETERMINER_BEFORE for x in toks[max(lo, k - 3):k - 1])
            if not noun and not (k - 2 >= lo and toks[k - 2].low in RELATIVE):
                break
        k -= 1
    if j - k >= 12:  # too long to be a subject: keep its capitalised tail, if any
        k2 = j
        while k2 - 1 >= k and (toks[k2 - 1].text[:1].isupper() or toks[k2 - 1].low in {"the"}):
            k2 -= 1
        if not toks[j].text[:1].isupper():
            return None
        k = k2
    # drop leading conjunctions / sentence adverbs
    while k < j and toks[k].low in {"and", "but", "so", "also", "now", "meanwhile", "however",
                                    "still", "yet", "then", "instead", "indeed", "perhaps", "maybe",
                                    "probably", "surely", "certainly", "thus", "hence", "likewise"}:
        k += 1
    if j - k >= 1 and sum(1 for x in toks[k:j + 1] if x.text.isupper() and len(x.text) > 1) >= 2:
        return None  # an all-capitals heading run into the text ("SAVE A QUARTER Let's say")
    if toks[j].low in {"he", "she", "they", "we", "i"} and j > k:
        return j  # "In 2008 she said"
    if toks[k].low in TAIL_PREPOSITIONS and toks[k].low not in {"about", "to", "over", "under"}:
        # "On Thursday Warren endorsed …": a time phrase before the subject
        for k2 in range(k + 1, j + 1):
            if (toks[k2 - 1].low in DAYS or toks[k2 - 1].low in TIME_WORDS or toks[k2 - 1].text.isdigit()) \
                    and (toks[k2].text[:1].isupper() or toks[k2].low in SOURCE_DETERMINERS):
                return k2
        return None  # "In an article posted …": a prepositional phrase, not a subject
    return k


def _source_right(toks, i, hi):
    """An inverted source after the cue ("…, said Lt. Gen. X, commander of Y.")."""
    j = i
    while j < hi and toks[j].low in _lex()["adverbials"] and toks[j].low not in DAYS:
        j += 1
    if j >= hi or toks[j].kind != "w":
        return None
    first = toks[j]
    if not (first.text[:1].isupper() or first.low in SOURCE_DETERMINERS or first.low in {"he", "she"}
            or any(t.kind == "w" and t.text[:1].isupper() for t in toks[j + 1:j + 5])):
        return None
    if first.low in DAYS or first.low in {"it", "that", "this", "there"}:
        return None
    k = j
    if first.low in {"he", "she"}:
        if j + 1 < hi and toks[j + 1].kind == "w":
            return None  # "…, said he would go": not an inverted source
        hi = j + 1  # "“…,” said he."
    while k < hi and toks[k].kind == "w" and toks[k].low not in CLAUSE_BOUNDARY and k - j < 10:
        if toks[k].low in NP_BREAK:
            break
        if toks[k].low in TAIL_PREPOSITIONS and k > j and not (
                toks[k].low == "of" and k + 1 < hi and toks[k + 1].text[:1].isupper()):
            break
        k += 1
    role = None
    end = k
    if k < hi and toks[k].text == ",":
        r = k + 1
        while r < hi and toks[r].kind != "Q" and toks[r].text not in {".", ";"}:
            r += 1
        if r > k + 1 and r - k < 25:
            if toks[k + 1].low not in TAIL_PREPOSITIONS and toks[k + 1].low not in CLAUSE_BOUNDARY:
                role = " ".join(t.text for t in toks[k + 1:r]).replace(" ,", ",")
            end = r  # "…, said O'Neill, on his first full day": a circumstance, not a role
    return j, k - 1, role, end


def _n_words(toks, s, e):
    """Words in toks[s:e], a quote block counting as four."""
    kinds = [t.kind for t in toks[s:e]]
    return kinds.count("w") + 4 * kinds.count("Q")


def _tail_ok(toks, j, hi, lenient=False):
    """True when toks[j:hi] is only a time / place / manner tail after a final cue
    ("… on Friday.", "… in a statement to reporters."). With ``lenient`` (the content is a
    direct quote) a new clause after a comma or a conjunction may follow."""
    lex = _lex()
    if lenient:
        return not (j < hi and toks[j].low in {"that", "whether"})
    k = j
    n_words = 0
    in_pp = False
    while k < hi:
        t = toks[k]
        if t.kind == "Q":
            return False  # "Asked about it, Clinton said, “…”": the quote is the content
        if t.kind == "p":
            if t.text == "," and k + 1 < hi and toks[k + 1].low in GERUND_CONTINUATIONS:
                return True
            if t.text in {",", ";", "—", "–", "("} and lenient:
                return True
            in_pp = False
            k += 1
            continue
        n_words += 1
        if t.low in {"that", "whether"} or n_words > 15:
            return False
        if t.low in lex["adverbials"] or t.low in DAYS or t.low in TIME_WORDS:
            k += 1
            continue
        if t.low in TAIL_PREPOSITIONS:
            in_pp = True
            k += 1
            continue
        if t.low in NP_BREAK or t.low in lex["cues"]:
            return False  # "… said the approach put forward by Trump is insufficient"
        if lenient and t.low in {"and", "but", "as", "while", "before", "after", "when", "because"}:
            return True
        if in_pp:
            k += 1
            continue
        return False
    return True


def _recipient(toks, j, hi):
    """Recipient after told/asked: returns (start_idx, end_idx) or None, and the next index."""
    if j >= hi or toks[j].kind != "w":
        return None, j
    if toks[j].low in {"that", "to", "about", "whether", "if", "for"}:
        return None, j
    for k in range(j + 1, min(hi, j + 8)):  # "told his closest advisers that …"
        if toks[k].kind != "w":
            break
        if toks[k].low in {"that", "whether"}:
            end = next((m for m in range(j + 1, k) if toks[m].low in TAIL_PREPOSITIONS
                        and toks[m].low != "of"), k)  # "… advisers on Monday that": not the time
            return (j, end - 1), k
    k = j
    if toks[j].text[:1].isupper() or toks[j].low in {"the", "a", "an", "his", "her", "their"}:
        k = j + 1
        while k < hi and toks[k].kind == "w" and (toks[k].text[:1].isupper() or toks[k].low in
                                                   {"of", "the"}) and k - j < 8:
            k += 1
        if toks[j].low in {"the", "a", "an", "his", "her", "their"} and k == j + 1:
            k = j + 2 if j + 1 < hi and toks[j + 1].kind == "w" else j + 1
            # "told a news conference.": a short noun run that ends the clause is the recipient
            m = k
            while m < hi and m - j < 5 and toks[m].kind == "w" and toks[m].low not in TAIL_PREPOSITIONS \
                    and toks[m].low not in {"that", "whether", "the", "a", "an", "and", "but"}:
                m += 1
            if m > k and (m >= hi or toks[m].kind != "w" or toks[m].low in TAIL_PREPOSITIONS
                          or toks[m].low in {"that", "whether"}):
                k = m
        return (j, k - 1), k
    if toks[j].low in RECIPIENT_WORDS:
        return (j, j), j + 1
    return None, j


_FINAL_PUNCTUATION = SENTENCE_END | {",", ";", ":"}


def _content_right(toks, j, hi):
    """Content tokens from j to the end of the sentence (final punctuation dropped)."""
    e = hi
    while e > j and toks[e - 1].kind == "p" and toks[e - 1].text in _FINAL_PUNCTUATION:
        e -= 1
    return (j, e) if _is_content(toks, j, e) else None


def _content_left(toks, lo, k):
    """Content tokens from lo up to (not including) index k, trailing commas dropped."""
    e = k
    while e > lo and toks[e - 1].kind == "p" and toks[e - 1].text in {",", ";", ":", "—", "–"}:
        e -= 1
    return (lo, e) if _is_content(toks, lo, e) else None


def _is_content(toks, s, e) -> bool:
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


def _span_parts(toks, s, e):
    """Character parts of toks[s:e]: quote blocks become their inner content."""
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


def _sentence_frames(toks: list[_Tok]) -> list[_Frame]:
    """Attribution frames of one sentence (list of tokens, quote blocks atomic)."""
    frames: list[_Frame] = []
    n = len(toks)
    used_until = 0
    if n > 2 and toks[0].low in QUESTION_STARTS and toks[-1].text == "?":
        used_until = n  # "Do you support Donald Trump?": a question, not an attribution
    # The tokens' lower-case forms, to find the few tokens that matter by C-speed list and set
    # operations (a quote block's is "", and only its).
    lows = [t.low for t in toks]
    candidates = _cue_candidates(lows)
    after_cue = 0  # the token after the last cue found: cues do not overlap
    for i in candidates:
        if i < after_cue or i < used_until:
            continue
        L = _is_cue(toks, i)
        if not L:
            continue
        after_cue = i + L
        cue = (toks[i].start, toks[i + L - 1].end)
        if toks[i].low == "according" and L == 2:
            f = _according(toks, i, n)
        else:
            f = _frame_at(toks, i, L, n, cue)
        if f is not None and frames and not _accept_after(frames[-1], f, toks):
            f = None
        if f is not None and i > 0 and toks[i - 1].low in RELATIVE and any(
                _is_cue(toks, k) and toks[k].low not in _lex()["stance"] for k in range(i + L, n)):
            comma = next((k for k in range(i + L, n) if toks[k].text == ","), None)
            if i >= 2 and toks[i - 2].text == "," and comma is not None and f.rule in (
                    "source-cue-content", "source-stance-content") and comma - (i + L) >= 2:
                # "Barkley, who said he votes Democratic, said …": the relative clause is one
                f.parts = [(f.parts[0][0], toks[comma - 1].end)]
                if f.parts[0][1] <= f.parts[0][0]:
                    f = None
            else:
                f = None  # "Council members who backed it said …": the verb of a relative clause
        if f is not None:
            frames.append(f)
            used_until = i + L
            if f.rule in ("quote-then-source", "quote-then-cue-source", "content-then-source",
                          "content-then-cue-source", "parenthetical"):
                used_until = n  # the rest is the attribution's tail or role
            # a following ", adding …" keeps the same source
            for g in _indices(lows, ",", i + L, n - 1):
                if toks[g + 1].low in GERUND_CONTINUATIONS:
                    c = _content_right(toks, _after_that(toks, g + 2, n), n)
                    if c and f.src is not None:
                        if f.parts and f.parts[-1][0] < toks[g].start < f.parts[-1][1] and not f.direct:
                            f.parts[-1] = (f.parts[-1][0], toks[g - 1].end)
                        parts, direct = _span_parts(toks, *c)
                        frames.append(_Frame(parts, (toks[g + 1].start, toks[g + 1].end), f.src,
                                             "gerund-continuation", role=f.role,
                                             antecedent=f.antecedent, direct=direct))
                        used_until = n
                    break
    if not frames and not _lex()["evidential_by_first"].keys().isdisjoint(lows):
        ev = _evidential(toks)
        if ev is not None:
            frames.append(ev)
    for extra in (_asked(toks) if "asked" in lows else None, _in_document(toks)):
        if extra is not None and not any(a < extra.parts[0][1] and extra.parts[0][0] < b
                                         for f in frames for a, b in f.parts):
            frames.append(extra)
    # quote blocks that no frame took: "… Shaw: “…”", "… issued a statement saying “…”"
    blocks = _indices(lows, "") if "" in lows else []
    if blocks and not any(t.kind == "w" for t in toks):
        return frames  # a bare quote sentence: attributed later, from its neighbours
    covered = [(a, b) for f in frames for a, b in f.parts]
    for k in blocks:
        t = toks[k]
        if any(a <= t.seg.cstart < b for a, b in covered):
            continue
        src = cue = None
        j = k - 1
        if j >= 0 and toks[j].text in {":", ","}:
            j -= 1
        if j >= 0 and toks[j].kind == "w":
            if _is_cue(toks, j):
                cue = (toks[j].start, toks[j].end)
                sl = _source_left(toks, j, 0)
                if sl is not None:
                    src = (toks[sl[0]].start, toks[sl[1]].end)
            elif toks[k - 1].text == ":":
                st = _np_start(toks, j, 0)
                if st is not None and any(x.text[:1].isupper() for x in toks[st:j + 1]):
                    src = (toks[st].start, toks[j].end)
        frames.append(_Frame([(t.seg.cstart, t.seg.cend)], cue, src,
                             "colon-quote" if toks[k - 1].text == ":" else "embedded-quote",
                             direct=True))
    frames.sort(key=lambda f: f.parts[0][0])
    return frames


def _cue_candidates(lows: list[str]) -> list[int]:
    """Where a cue may start, left to right: a word that starts a cue, or any token before a
    colon (``lows``: the sentence's tokens in lower case)."""
    out = [k - 1 for k in _indices(lows, ":") if k > 0] if ":" in lows else []
    for w in _lex()["cue_starts"].intersection(lows):
        out += _indices(lows, w)
    return sorted(set(out)) if len(out) > 1 else out


def _indices(items: list, x, lo: int = 0, hi: int | None = None) -> list[int]:
    """The positions of ``x`` in ``items[lo:hi]``, found by ``list.index`` (C speed)."""
    out = []
    if hi is None:
        hi = len(items)
    k = lo - 1
    try:
        while True:
            k = items.index(x, k + 1, hi)
            out.append(k)
    except ValueError:
        return out


def _evidential(toks) -> _Frame | None:
    """"Nabisco is expected to cut 277 workers": the sentence, attributed to no stated source."""
    n = len(toks)
    by_first = _lex()["evidential_by_first"]
    for i, t in enumerate(toks):
        if t.kind != "w" or i == 0 or t.low not in by_first:
            continue
        for ph in by_first[t.low]:
            if all(i + k < n and toks[i + k].low == ph[k] for k in range(1, len(ph))):
                c = _content_right(toks, 0, n)
                if c is None or _n_words(toks, *c) < 4:
                    return None
                return _Frame([(toks[c[0]].start, toks[c[1] - 1].end)],
                              (t.start, toks[i + len(ph) - 1].end), None, "evidential")
    return None


def _asked(toks) -> _Frame | None:
    """"Asked about Cruz's charges, Rubio said …" / "he was asked whether …": the question."""
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
        return _Frame([(toks[j].start, toks[e - 1].end)], (t.start, t.end), None, "asked")
    return None


DOCUMENT_NOUNS = frozenset(
    "poll polls survey surveys study report interview statement letter speech book op-ed memo "
    "tweet email e-mail filing lawsuit ruling analysis post column editorial".split()
)


def _in_document(toks) -> _Frame | None:
    """"In an early-October CBS News poll, she led …": the finding, attributed to the poll."""
    n = len(toks)
    if n < 6 or toks[0].low not in {"in", "according"}:
        return None
    c = next((k for k in range(1, min(n, 12)) if toks[k].text == ","), None)
    if c is None or toks[c - 1].low not in DOCUMENT_NOUNS:
        return None
    body = _content_right(toks, c + 1, n)
    if body is None or _n_words(toks, *body) < 3:
        return None
    return _Frame([(toks[body[0]].start, toks[body[1] - 1].end)], (toks[0].start, toks[0].end),
                  (toks[1].start, toks[c - 1].end), "in-document")


def _accept_after(prev: _Frame, f: _Frame, toks) -> bool:
    """Whether a second frame in a sentence stands beside the previous one (which is cut)."""
    p_start, p_end = prev.parts[0][0], prev.parts[-1][1]
    f_cue = f.cue[0] if f.cue else f.parts[0][0]
    if not (p_start <= f_cue < p_end):
        return True  # outside the previous content
    if prev.direct or f.src is None:
        return False
    if f.rule not in ("source-cue-content", "source-stance-content", "source-cue-quote",
                      "source-cue-colon"):
        return False
    # "Opponents warned that A and said B": a coordinated cue with the same subject
    ci = next((k for k, t in enumerate(toks) if t.start == f_cue), None)
    if ci is not None and ci >= 2 and toks[ci - 1].low in {"and", "but"} and f.src[1] <= p_start:
        if toks[ci - 2].end - prev.parts[-1][0] < 8:
            return False
        prev.parts[-1] = (prev.parts[-1][0], toks[ci - 2].end)
        return True
    # "Although the map showed that A, several officers said that B": cut A at the comma
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


def _after_that(toks, j, hi):
    """Skip adverbials and a complementiser after a cue; 'that' stays in the content (PolNeAR)."""
    lex = _lex()
    while j < hi and (toks[j].low in lex["adverbials"] or toks[j].low in DAYS) and \
            toks[j].low not in {"that"}:
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


def _according(toks, i, n):
    j = i + 2
    k = j
    while k < n and toks[k].kind == "w" and k - j < 12:
        k += 1
    if k == j:
        return None
    src = (toks[j].start, toks[k - 1].end)
    cue = (toks[i].start, toks[i + 1].end)
    if k >= n or toks[k].text in SENTENCE_END:  # "…, according to X."
        c = _content_left(toks, 0, i)
        if c is None:
            return None
        parts, direct = _span_parts(toks, *c)
        return _Frame(parts, cue, src, "according-to", direct=direct)
    if toks[k].text == ",":
        after = _content_right(toks, k + 1, n)
        before = _content_left(toks, 0, i) if i > 1 else None
        if before and after:
            return _Frame([(toks[before[0]].start, toks[after[1] - 1].end)], cue, src, "according-to")
        if after:
            parts, direct = _span_parts(toks, *after)
            return _Frame(parts, cue, src, "according-to", direct=direct)
    return None


def _frame_at(toks, i, L, n, cue) -> _Frame | None:
    lex = _lex()
    after = i + L
    low = toks[i].low
    # passive "was told" / "is expected": the subject is not the source
    if i > 0 and toks[i - 1].low in BE_FORMS and low.endswith(("ed", "told", "known", "thought",
                                                                "shown", "found", "said")):
        return None
    stance = low in lex["stance"]
    # ---- cue first after a comma or quote: inverted "…, said X" / "“…,” said X"
    prev = toks[i - 1] if i > 0 else None
    comma_before = prev is not None and (prev.text == "," or prev.kind == "Q" or (
        prev.text in CLOSING_MARKS and i >= 2 and toks[i - 2].text == ","))  # '…,'' said X'
    # "told", "informed" … need an object and never invert: "…,” X told Y" has X before the cue
    if not stance and comma_before and (
            low in INVERTIBLE or (low in lex["speech"] and low not in TAKES_RECIPIENT)):
        r = _source_right(toks, after, n)
        c = _content_left(toks, 0, i)
        if prev.text != "Q" and prev.kind != "Q" and not low.endswith("ing"):
            # "Rahm Emanuel, his chief of staff, urged …": a subject with an apposition, not inversion
            sl = _source_left(toks, i, 0)
            if sl is not None and sl[0] <= 1 and toks[sl[0]].text[:1].isupper():
                first_comma = next((k for k in range(sl[0], i) if toks[k].text == ","), i)
                if first_comma - sl[0] <= 5:
                    r = None
        elif low.endswith("ing"):
            r = None
        if r is not None and c is not None:
            s0, s1, role, end = r
            parts, direct = _span_parts(toks, *c)
            if _tail_ok(toks, end, n, lenient=direct) and (direct or _n_words(toks, *c) >= 4):
                parts += _trailing_quotes(toks, end, n)
                return _Frame(parts, cue, (toks[s0].start, toks[s1].end),
                              "quote-then-cue-source" if direct else "content-then-cue-source",
                              role=role, direct=direct)
    src = _source_left(toks, i, 0)
    if src is None:
        return None
    s0, s1, role, antecedent = src
    # ---- source and cue at the end: "…, X said." / "“…,” X said."
    boundary = s0 - 1
    closing = boundary >= 1 and toks[boundary].text in CLOSING_MARKS and toks[boundary - 1].text == ","
    if not stance and boundary >= 0 and (toks[boundary].text == "," or toks[boundary].kind == "Q"
                                         or closing):
        j = after
        rec = None
        if low in TAKES_RECIPIENT:
            rec, j = _recipient(toks, after, n)
        c = _content_left(toks, 0, boundary + (1 if toks[boundary].kind == "Q" or closing else 0))
        if c is not None:
            parts, direct = _span_parts(toks, *c)
            if _tail_ok(toks, j, n, lenient=direct) and (direct or _n_words(toks, *c) >= 4):
                parts += _trailing_quotes(toks, j, n)
                return _Frame(parts, cue, (toks[s0].start, toks[s1].end),
                              "quote-then-source" if direct else "content-then-source",
                              recipient=_chars(toks, rec), role=role, antecedent=antecedent,
                              direct=direct)
        # parenthetical: "The operation, the officer said, is …"
        j2 = _after_that(toks, j, n)
        if j2 < n and toks[j2].text == "," and boundary > 0:
            c1 = _content_left(toks, 0, boundary) or ((0, boundary) if toks[0].kind == "w" else None)
            c2 = _content_right(toks, j2 + 1, n)
            if c1 and c2:
                return _Frame([(toks[c1[0]].start, toks[c2[1] - 1].end)], cue,
                              (toks[s0].start, toks[s1].end), "parenthetical",
                              role=role, antecedent=antecedent)
    # ---- cue before content: "X said (that) …", "X told Y …", "X said: “…”"
    j = after
    rec = None
    if low in TAKES_RECIPIENT:
        rec, j = _recipient(toks, after, n)
    j = _after_that(toks, j, n)
    rule = "source-cue-content"
    if j < n and toks[j].text in {":", ","}:
        rule = "source-cue-colon"
        j += 1
    if j < n and toks[j].kind == "p" and toks[j].text in {"—", "–"}:
        return None
    c = _content_right(toks, j, n)
    if c is None:
        return None
    if toks[c[0]].low in TAIL_PREPOSITIONS and toks[c[0]].low not in {"to", "about", "of"} \
            and c[1] - c[0] <= 8 and not any(
            t.kind == "Q" for t in toks[c[0]:c[1]]):
        return None  # "Mr. Rubio said in his 2012 book.": a circumstance, not a content
    if rule == "source-cue-colon" and toks[j - 1].text == "," and toks[c[0]].kind != "Q":
        return None  # "X said, however, …" is rare; a comma usually ends the clause
    parts, direct = _span_parts(toks, *c)
    if direct:
        rule = "source-cue-quote"
    elif stance:
        rule = "source-stance-content"
    return _Frame(parts, cue, (toks[s0].start, toks[s1].end), rule, recipient=_chars(toks, rec),
                  role=role, antecedent=antecedent, direct=direct)


def _trailing_quotes(toks, j, n):
    """Quote blocks after the attribution (“A,” she said, “B.”), up to a ", adding …" clause."""
    out = []
    for k in range(j, n):
        if toks[k].text == "," and k + 1 < n and toks[k + 1].low in GERUND_CONTINUATIONS:
            break
        if toks[k].kind == "Q":
            out.append((toks[k].seg.cstart, toks[k].seg.cend))
    return out


def _chars(toks, idx):
    if idx is None:
        return None
    return toks[idx[0]].start, toks[idx[1]].end


# ---------------------------------------------------------------- public API
def find_quotes(text_or_article) -> list[Quote]:
    """Find direct, indirect and mixed quotes and resolve their speakers.

    Args:
        text_or_article: a str or a :class:`newskit.Article` (its clean ``text`` is used).

    Returns:
        Quotes in text order; offsets point into the text (``Article.text`` for an Article).

    Example:
        >>> qs = find_quotes("Security forces recaptured the crossing, Yarallah said.")
        >>> qs[0].text, qs[0].speaker, qs[0].kind, qs[0].rule
        ('Security forces recaptured the crossing', 'Yarallah', 'indirect', 'content-then-source')

    References:
        Newell, Margolin and Ruths (2018), PolNeAR: attribution = source, cue, content.
    """
    text, _ = as_text_and_reference(text_or_article)
    if not text.strip():
        return []
    lex = _lex()
    paras = _paragraphs(text)
    seg_by_para = [_segments(text, ps, pe) for ps, pe in paras]
    # an unclosed quote continues when the next paragraph opens with a quote mark
    for k in range(1, len(paras)):
        prev = seg_by_para[k - 1]
        cur = seg_by_para[k]
        if prev and prev[-1].close_at is None and cur and cur[0].open_at == paras[k][0]:
            cur[0].cont_prev = True
    for (ps, pe), segs in zip(paras, seg_by_para):
        _block_positions(text, ps, segs, lex["speech"])
    events: list = []  # frames and bare quotes in order
    for pi, ((ps, pe), segs) in enumerate(zip(paras, seg_by_para)):
        blocks = [s for s in segs if s.block]
        toks = _tokens(text, ps, pe, blocks)
        for sent in _sentences(toks):
            fs = _sentence_frames(sent)
            qs = [t for t in sent if t.kind == "Q"] if blocks else []
            conts = {t.seg.cstart for t in qs if t.seg.cont_prev}
            for f in fs:
                f.para = pi
                f.cont = f.direct and f.parts[0][0] in conts
                events.append(("frame", f))
            if not fs:
                if qs and not any(t.kind == "w" for t in sent):
                    events.append(("bare", pi, [(t.seg.cstart, t.seg.cend) for t in qs],
                                   qs[0].seg.cont_prev))
    return _assemble(text, events)


# "Mr. Bo Diaz": group 1 is the title, group 2 the name. The two patterns below start with a
# letter and test the word boundary just after it ("(?<!\wM)" is "\bM"), so that a search can
# jump from one capital letter to the next instead of trying every offset.
COURTESY_NAME = re.compile(
    r"(M(?<!\wM)(?:r|rs|s|iss))\.?\s+((?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+)")


def _gender_hints(text: str) -> dict:
    """Surname -> gender from courtesy titles anywhere in the text ("Mr. Bo Diaz")."""
    hints = {}
    for m in COURTESY_NAME.finditer(text):
        g = "m" if m.group(1) == "Mr" else "f"
        surname = m.group(2).split()[-1].lower()
        hints[surname] = g if hints.get(surname, g) == g else None
    return hints


# Two to four capitalised words ("Bo Diaz", "George W. Bush").
FULL_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w’'\-]*)){1,3}\b")


_COMMON_CAPITALISED = (CLAUSE_BOUNDARY | TAIL_PREPOSITIONS | DAYS | TIME_WORDS | NOT_SOURCE_END
                       | frozenset("a an the but and so as asked said says then now yet".split()))


def _name_hints(text: str) -> dict:
    """Surname -> the most frequent full name ending with it ("Diaz" -> "Bo Diaz")."""
    lex = speaker_lexicon()
    titles = lex["title_set"]
    counts: dict = {}  # surname -> {full name: count}, names in order of first occurrence
    for m in FULL_NAME.finditer(text):
        words = m.group().split()
        while words and (words[0].lower() in titles or words[0].lower() in lex["courtesy"]
                         or words[0].lower() in _COMMON_CAPITALISED):
            words = words[1:]
        if len(words) < 2 or any(w.lower() in titles for w in words):
            continue
        names = counts.setdefault(words[-1].lower(), {})
        full = " ".join(words)
        names[full] = names.get(full, 0) + 1
    # on a tie, the name seen first (as Counter.most_common(1))
    return {k: max(names, key=names.__getitem__) for k, names in counts.items()}


def _person_before(text: str, pos: int, gender: str) -> str | None:
    """The last person of that gender named in the 600 characters before ``pos`` (a courtesy
    title or a known first name tells the gender), or None."""
    lex = speaker_lexicon()
    lo = max(0, pos - 600)
    found = None
    for m in COURTESY_NAME.finditer(text, lo, pos):
        if ("m" if m.group(1) == "Mr" else "f") == gender:
            found = (m.start(), m.group())
    for m in FULL_NAME.finditer(text, lo, pos):
        words = m.group().split()
        while words and words[0].lower() in _COMMON_CAPITALISED:
            words = words[1:]
        if len(words) >= 2 and lex["first_names"].get(words[0].lower()) == gender and (
                found is None or m.start() > found[0]):
            found = (m.start(), " ".join(words))
    return found[1] if found else None


@dataclass(slots=True)
class _Draft:
    """A quote being assembled: offsets and its source. The Quote is built at the end, once
    later mentions have completed the source's name ("Bill de Blasio")."""

    start: int
    end: int
    kind: str
    rule: str
    parts: tuple
    source: object = None  # the speaker's Entity, or None
    src: tuple | None = None  # (start, end) of the speaker mention
    cue: tuple | None = None
    recipient: tuple | None = None


def _assemble(text: str, events: list) -> list[Quote]:
    resolver = SpeakerResolver(gender_hints=_gender_hints(text), name_hints=_name_hints(text))
    resolver.antecedent_finder = lambda pos, gender: _person_before(text, pos, gender)
    out: list[_Draft] = []
    last = None  # (draft, paragraph) of the last attributed quote
    for ev in events:
        if ev[0] == "frame":
            f = ev[1]
            if not f.parts or any(b <= a for a, b in f.parts):
                continue
            ent = None
            if f.src is not None:
                ant = text[f.antecedent[0]:f.antecedent[1]] if f.antecedent else None
                ent = resolver.resolve(text[f.src[0]:f.src[1]], f.src[0], role_hint=f.role,
                                       antecedent=ant)
            elif f.rule in ("embedded-quote", "colon-quote") and last is not None and last[1] == f.para:
                # a quote block in a paragraph whose speaker is already known: the same speaker
                ent = last[0].source
            if f.cont and out and out[-1].kind == "direct" and out[-1].rule in (
                    "unattributed", "inherited") and out[-1].end <= f.parts[0][0]:
                # “First paragraph … / “… second paragraph,” she said: one quote
                f.parts = list(out[-1].parts) + list(f.parts)
                out.pop()
            start, end = f.parts[0][0], f.parts[-1][1]
            if f.direct:
                kind = "direct"
            else:
                body = text[start:end]
                kind = "mixed" if QUOTE_MARK.search(body) and _has_quoted_words(body) else "indirect"
            out.append(_Draft(start, end, kind, f.rule, tuple(f.parts), ent, f.src, f.cue or None,
                              f.recipient or None))
            last = (out[-1], f.para)
        else:
            _, pi, parts, cont = ev
            if last is not None and last[0].kind == "direct" and (last[1] == pi or cont) and \
                    parts[0][0] > last[0].end:
                # the quote goes on after its attribution: “A,” she said. “B.”
                d = last[0]
                d.end = parts[-1][1]
                d.parts += tuple(parts)
                last = (d, pi)
                continue
            start, end = parts[0][0], parts[-1][1]
            if last is not None and pi - last[1] <= 1 and last[0].source is not None:
                out.append(_Draft(start, end, "direct", "inherited", tuple(parts), last[0].source))
                last = (out[-1], pi)
            elif len(_WORDS_RE.findall(text, start, end)) >= 4:
                out.append(_Draft(start, end, "direct", "unattributed", tuple(parts)))
    quotes = [_quote(text, d) for d in out]
    for q in quotes:
        check_span(text, q.start, q.end, q.text)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _quote(text: str, d: _Draft) -> Quote:
    """The Quote of a draft, with the speaker fields of its source as they finally stand."""
    e = d.source
    s_start, s_end = d.src if d.src is not None else (None, None)
    c_start, c_end = d.cue if d.cue is not None else (None, None)
    return Quote(d.start, d.end, text[d.start:d.end], d.kind,
                 e.name if e is not None else None,
                 s_start, s_end, text[s_start:s_end] if d.src is not None else None,
                 text[c_start:c_end] if d.cue is not None else None, c_start, c_end,
                 text[d.recipient[0]:d.recipient[1]] if d.recipient is not None else None,
                 e is not None and bool(e.anonymous),
                 e.role if e is not None else None,
                 e.affiliation if e is not None else None,
                 d.rule, d.parts,
                 e is not None and bool(e.named))


def _has_quoted_words(body: str) -> bool:
    return any(_WORDS_RE.search(m.group(2)) for m in QUOTED_STRETCH.finditer(body))


@dataclass(frozen=True)
class Source:
    """One quoted source of a text, summed over its quotes (a row of :func:`sources`).

    Attributes:
        speaker: the canonical name or description of the source, or ``"(unattributed)"``
            for direct quotes with no speaker found.
        role, affiliation: from the first quote that names them.
        anonymous: the source is not named ("a senior official").
        quotes, direct: how many quotes, and how many of them direct.
        words: quoted words, summed.
        first: offset of the source's first quote in the text.
        named: the speaker is a proper name.
    """

    speaker: str
    role: str | None
    affiliation: str | None
    anonymous: bool
    quotes: int
    direct: int
    words: int
    first: int
    named: bool


def find_sources(text_or_article, quotes: list[Quote] | None = None) -> list[Source]:
    """One :class:`Source` per canonical source, most quoted first (then most words quoted).

    Direct quotes with no speaker found are counted in one ``"(unattributed)"`` source;
    indirect attributions with no stated source (``rule`` ``"evidential"`` or ``"asked"``:
    "X is expected to …") are left out.

    Args:
        text_or_article: a str or a :class:`newskit.Article`.
        quotes: the quotes already found in it (``find_quotes`` is not run again).

    Example:
        >>> [(s.speaker, s.quotes, s.words) for s in find_sources(
        ...     '“We will win,” Smith said. “The count is wrong,” Smith added.')]
        [('Smith', 2, 7)]
    """
    if quotes is None:
        quotes = find_quotes(text_or_article)
    rows: dict = {}
    for q in quotes:
        if q.speaker is None and q.kind != "direct":
            continue
        key = q.speaker or "(unattributed)"
        r = rows.get(key)
        if r is None:
            r = rows[key] = {"speaker": key, "role": q.role, "affiliation": q.affiliation,
                             "anonymous": q.anonymous, "quotes": 0, "direct": 0, "words": 0,
                             "first": q.start, "named": q.named}
        r["quotes"] += 1
        r["direct"] += q.kind == "direct"
        r["words"] += q.words
        r["role"] = r["role"] or q.role
        r["affiliation"] = r["affiliation"] or q.affiliation
        r["first"] = min(r["first"], q.start)
    ordered = sorted(rows.values(), key=lambda r: (-r["quotes"], -r["words"]))  # stable
    return [Source(**r) for r in ordered]


def sources(text_or_article, quotes: list[Quote] | None = None):
    """:func:`find_sources` as a DataFrame: one row per canonical source.

    Columns: ``speaker``, ``role``, ``affiliation``, ``anonymous``, ``quotes``, ``direct``,
    ``words`` (quoted words), ``first`` (offset of the first quote), ``named`` (a proper name).

    Args:
        text_or_article: a str or a :class:`newskit.Article`.
        quotes: the quotes already found in it (``find_quotes`` is not run again).

    Example:
        >>> df = sources('“We will win,” Smith said. “The count is wrong,” Smith added.')
        >>> df[["speaker", "quotes", "words"]].values.tolist()
        [['Smith', 2, 7]]
    """
    return to_frame(find_sources(text_or_article, quotes), Source)


def quotes_frame(text_or_article):
    """``find_quotes`` as a DataFrame, one row per quote."""
    return to_frame(find_quotes(text_or_article), Quote)
