"""Source phrases: the noun phrase that names who speaks, found from a cue without a parser.

Looking left from a cue (:func:`source_left`): adverbials are skipped ("also", "on Friday"),
then a noun phrase is taken back to a clause boundary (:func:`np_start`), through an apposition
("Brian Fallon, a spokesman for Mrs. Clinton, said") or a relative clause ("officials who asked
not to be named said"). Looking right (:func:`source_right`): an inverted source and its role
("…, said Lt. Gen. X, commander of Y."). :func:`recipient` reads who was told ("told Arab News
that …"). Every function works on token indices and returns indices.

Example:
    >>> from newskit.quotes.tokens import tokens
    >>> text = "Brian Fallon, a spokesman for Mrs. Clinton, said it was over."
    >>> toks = tokens(text, 0, len(text), [])
    >>> s0, s1, role, _ = source_left(toks, 9, 0)
    >>> " ".join(t.text for t in toks[s0:s1 + 1]), role
    ('Brian Fallon', 'a spokesman for Mrs. Clinton')
"""
from __future__ import annotations

from newskit.quotes.lexicon import (
    ANONYMITY_PHRASE, ANONYMITY_VERBS, CLAUSE_BOUNDARY, DAYS, DETERMINER_BEFORE,
    LEADING_CONNECTIVES, LY_NOUNS, NOT_SOURCE_END, NOT_SOURCE_HEAD, NOUNLIKE, NP_BREAK,
    QUANTIFIERS, RECIPIENT_WORDS, RELATIVE, SOURCE_DETERMINERS, TAIL_PREPOSITIONS, TIME_WORDS,
    cue_lexicon,
)
from newskit.quotes.tokens import Token

#: (first token, last token, role, antecedent character span) of a source phrase
SourceIndices = tuple

_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# A single word between commas before a cue that is a sentence adverb, not an apposition.
_INTERJECTED = frozenset({"however", "too", "meanwhile", "though", "instead"})
_SENTENCE_CONNECTIVES = frozenset({"but", "and", "so", "then", "yet"})
_APPOSITION_DELIMITERS = frozenset({",", "—", "–"})
_CLAUSE_ENDS = frozenset({".", ";", ":"})
_DETERMINERS_OF_RECIPIENT = frozenset({"the", "a", "an", "his", "her", "their"})
_NOT_RECIPIENT = frozenset({"that", "to", "about", "whether", "if", "for"})
_COMPLEMENTISERS = frozenset({"that", "whether"})
_ENDS_NOUN_RUN = frozenset({"that", "whether", "the", "a", "an", "and", "but"})


# ---------------------------------------------------------------- looking left from a cue
def skip_adverbials_left(toks: list[Token], j: int, lo: int) -> int:
    """The index left of the adverbials ending at toks[j] ("also", "has", "fiercely", "on
    Friday", "last week")."""
    adv = cue_lexicon().adverbials
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
            j -= 1
        else:
            break
    return j


def source_left(toks: list[Token], i: int, lo: int) -> SourceIndices | None:
    """The source phrase ending just left of the cue at i: (start_idx, end_idx, role, antecedent)."""
    if i - 2 >= lo and toks[i - 1].low == "to" and toks[i - 2].low.endswith("ed"):
        i -= 2  # "Lewandowski continued to say …": the subject of "continued"
    j = skip_adverbials_left(toks, i - 1, lo)
    if j < lo:
        return None
    anonymous = _anonymous_with_relative(toks, j, lo)
    if anonymous is not None:
        return anonymous
    if lo == 0 and (toks[j].low in {"and", "but"} or (toks[j].text == "," and toks[i].low.endswith("ing"))):
        subj = subject(toks, j)  # "… and said", ", saying": the subject of the sentence
        return (subj[0], subj[1], None, None) if subj else None
    if toks[j].text in _APPOSITION_DELIMITERS:
        return _source_before_apposition(toks, i, j, lo)
    start = np_start(toks, j, lo)
    if start is None:
        return None
    if toks[start].low == "who" and start == j and start - 1 >= lo and toks[start - 1].text == ",":
        # "Smith, who said …": the source is "who", its antecedent "Smith"
        a_end = start - 2
        a_start = np_start(toks, a_end, lo) if a_end >= lo else None
        if a_start is not None:
            return a_start, j, None, (toks[a_start].start, toks[a_end].end)
    return start, j, None, None


def _anonymous_with_relative(toks: list[Token], j: int, lo: int) -> SourceIndices | None:
    """"officials who asked not to be named said": the relative clause belongs to the source."""
    for w in range(j - 1, max(lo, j - 10) - 1, -1):
        if toks[w].low in {"who", "that"} and w + 1 <= j and toks[w + 1].low in ANONYMITY_VERBS \
                and ANONYMITY_PHRASE.match(" ".join(x.low for x in toks[w + 2:j + 1])):
            st = np_start(toks, w - 1, lo) if w - 1 >= lo else None
            return (st, j, None, None) if st is not None else None
    return None


def _source_before_apposition(toks: list[Token], i: int, j: int, lo: int) -> SourceIndices | None:
    """An apposition or relative clause between commas (or dashes) before the cue at i, whose
    closing delimiter is toks[j]: "Brian Fallon, a spokesman for Mrs. Clinton, said",
    "Brianne Stone, 29, of Huntsville, Ala., says", "Many speakers — including … — said"."""
    delim = toks[j].text
    tries = 0
    k = j - 1
    while k >= lo and j - k < 32 and tries < 3:
        t = toks[k]
        if t.kind == "Q" or t.text in _CLAUSE_ENDS:
            return None
        if t.text == delim:
            inner = toks[k + 1:j]
            if not inner:
                return None
            if tries == 0 and len(inner) == 1 and (inner[0].low in _INTERJECTED or inner[0].low.endswith("ly")):
                # "Smith, however, said": the source is before the interjection
                return source_left(toks, k + 1, lo) if k + 1 < i else None
            start = np_start(toks, k - 1, lo) if k - 1 >= lo else None
            if start is not None and _opens_source(toks[start]):
                return _apposition_source(toks, start, k, j, inner)
            tries += 1
        k -= 1
    return None


def _opens_source(t: Token) -> bool:
    """A source phrase before an apposition opens with a capital, a determiner, a number or a
    quantifier ("Smith", "a spokesman", "29 protesters", "about 50 people")."""
    return (t.text[:1].isupper() or t.low in SOURCE_DETERMINERS or t.text[:1].isdigit()
            or t.low in QUANTIFIERS)


def _apposition_source(toks: list[Token], start: int, k: int, j: int, inner: list[Token]) -> SourceIndices:
    """The source toks[start:k] with the apposition ``inner`` (toks[k + 1:j]): a role, the
    name itself, a relative clause, or a circumstance."""
    if inner[0].low in {"who", "which"}:
        return start, j - 1, None, None
    head = toks[start:k]
    if _name_in_apposition(inner, head):
        # "the bank's president, Ingrid Maier, said": the name is the source,
        # the description before it is the role
        return start, j - 1, " ".join(x.text for x in head), None
    role = " ".join(x.text for x in inner).replace(" ,", ",")
    first = inner[0].low
    if first in TAIL_PREPOSITIONS or first in CLAUSE_BOUNDARY or first in DAYS or first in TIME_WORDS:
        role = None  # "Clinton, at a later press gaggle, said": a circumstance
    return start, k - 1, role, None


def _name_in_apposition(inner: list[Token], head: list[Token]) -> bool:
    """A short capitalised apposition after a description that is not all capitalised."""
    return (len(inner) <= 5 and inner[0].low not in SOURCE_DETERMINERS
            and all(x.kind == "w" and x.text[:1].isupper() for x in inner)
            and not all(x.text[:1].isupper() for x in head if x.kind == "w"))


def subject(toks: list[Token], limit: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence: a capitalised run or a pronoun."""
    k = 0
    while k < limit and toks[k].kind == "w" and toks[k].low in _SENTENCE_CONNECTIVES:
        k += 1
    if k < limit and _opens_circumstance(toks[k]):
        k = _past_opening_phrase(toks, k, limit)
        if k is None:
            return None
    if k >= limit or toks[k].kind != "w":
        return None
    if toks[k].low in _PERSONAL_PRONOUNS:
        return k, k
    e = k
    while e < limit and toks[e].kind == "w" and (toks[e].text[:1].isupper() or
                                                   (e == k and toks[e].low == "the")):
        e += 1
    if e == k or (e == k + 1 and toks[k].low == "the"):
        return None
    return k, e - 1


def _opens_circumstance(t: Token) -> bool:
    """A word that opens a phrase before the subject ("In his 2002 book, …", "Later, …")."""
    return (t.low in TAIL_PREPOSITIONS or t.low in CLAUSE_BOUNDARY or t.low in TIME_WORDS
            or t.low in DAYS or t.low in cue_lexicon().adverbials or t.low.endswith("ly"))


def _past_opening_phrase(toks: list[Token], k: int, limit: int) -> int | None:
    """"In his 2002 book, ''…,'' Mr. McKinley suggested": the index after the opening phrase
    (its comma, and any quotes and commas after it), or None without a comma."""
    c = next((m for m in range(k, min(limit, k + 20)) if toks[m].text == ","), None)
    if c is None:
        return None
    k = c + 1
    while k < limit and (toks[k].kind == "Q" or toks[k].text == ","):
        k += 1
    return k


# ---------------------------------------------------------------- the noun phrase itself
def np_start(toks: list[Token], j: int, lo: int) -> int | None:
    """Start index of a source noun phrase ending at toks[j], or None when none is plausible."""
    if j >= lo and _cannot_end_source(toks[j]):
        return None
    if j >= lo and toks[j].text == ")":
        m = _opening_parenthesis(toks, j, lo, 8)
        return np_start(toks, m - 1, lo) if m is not None and m - 1 >= lo else None
    if j < lo or not _can_be_head(toks[j]):
        return None
    k = _np_left_edge(toks, j, lo)
    if j - k >= 12:  # too long to be a subject: keep its capitalised tail, if any
        if not toks[j].text[:1].isupper():
            return None
        k = _capitalised_tail(toks, k, j)
    return _subject_start(toks, k, j)


def _subject_start(toks: list[Token], k: int, j: int) -> int | None:
    """Where the subject in toks[k:j + 1] starts: past leading connectives and a time phrase
    ("But officials", "On Thursday Warren"); a final pronoun alone ("In 2008 she"); None for
    an all-capitals heading or a prepositional phrase with no subject after it."""
    while k < j and toks[k].low in LEADING_CONNECTIVES:
        k += 1  # "But officials said": drop leading conjunctions and sentence adverbs
    if j - k >= 1 and sum(1 for x in toks[k:j + 1] if x.text.isupper() and len(x.text) > 1) >= 2:
        return None  # an all-capitals heading run into the text ("SAVE A QUARTER Let's say")
    if toks[j].low in _PERSONAL_PRONOUNS and j > k:
        return j  # "In 2008 she said"
    if toks[k].low in TAIL_PREPOSITIONS and toks[k].low not in {"about", "to", "over", "under"}:
        return _subject_after_time_phrase(toks, k, j)
    return k


def _cannot_end_source(t: Token) -> bool:
    """A clause boundary, preposition, day, time word, non-head word or adverb in -ly."""
    low = t.low
    return (low in CLAUSE_BOUNDARY or low in TAIL_PREPOSITIONS or low in DAYS or low in TIME_WORDS
            or low in NOT_SOURCE_HEAD or (low.endswith("ly") and t.text.islower()))


def _can_be_head(t: Token) -> bool:
    """A word that can end a source phrase: not a function word, not a cue ("it" and "who"
    always can)."""
    if t.low in {"it", "who"}:
        return True
    return t.kind == "w" and t.low not in NOT_SOURCE_END and t.low not in cue_lexicon().cues


def _opening_parenthesis(toks: list[Token], close: int, lo: int, reach: int) -> int | None:
    """The index of the "(" that the parenthesis closing at toks[close] opens with, looking
    back fewer than ``reach`` tokens, or None."""
    m = close - 1
    while m >= lo and toks[m].text != "(" and close - m < reach:
        m -= 1
    return m if m >= lo and toks[m].text == "(" else None


def _np_left_edge(toks: list[Token], j: int, lo: int) -> int:
    """How far left the noun phrase ending at toks[j] runs: to a clause boundary, an
    auxiliary, a cue, or punctuation (past "&", "-" and a parenthesis after a word)."""
    cues = cue_lexicon().cues
    k = j
    while k - 1 >= lo:
        t = toks[k - 1]
        if t.kind != "w":
            if t.text in {"&", "-"}:
                k -= 1
                continue
            if t.text == ")":  # "Rep. Earl Blumenauer (D-Ore.) said"
                m = _opening_parenthesis(toks, k - 1, lo, 7)
                if m is not None and m - 1 >= lo and toks[m - 1].kind == "w":
                    k = m
                    continue
            break
        low = t.low
        if low in CLAUSE_BOUNDARY or low in NP_BREAK:
            break
        if low == "and" and not (toks[k].text[:1].isupper() and k - 2 >= lo and
                                 toks[k - 2].text[:1].isupper()):
            break  # "and" joins names only between capitals ("Smith and Jones")
        if low in cues and _cue_ends_phrase(toks, k, lo):
            break
        k -= 1
    return k


def _cue_ends_phrase(toks: list[Token], k: int, lo: int) -> bool:
    """Whether the cue word toks[k - 1] ends the noun phrase on its left: it does unless it is
    a gerund, "asked", a noun after a determiner ("the report"), or the verb of a relative
    clause ("officials who declined …")."""
    t = toks[k - 1]
    if t.low.endswith("ing") or t.low in {"asked"}:
        return False
    noun = t.low in NOUNLIKE and any(x.low in DETERMINER_BEFORE for x in toks[max(lo, k - 3):k - 1])
    return not noun and not (k - 2 >= lo and toks[k - 2].low in RELATIVE)


def _capitalised_tail(toks: list[Token], k: int, j: int) -> int:
    """The start of the run of capitalised words (or "the") that ends at toks[j], not before k."""
    k2 = j
    while k2 - 1 >= k and (toks[k2 - 1].text[:1].isupper() or toks[k2 - 1].low in {"the"}):
        k2 -= 1
    return k2


def _subject_after_time_phrase(toks: list[Token], k: int, j: int) -> int | None:
    """"On Thursday Warren endorsed …": the subject after a time phrase, or None for a
    prepositional phrase that is not followed by a subject ("In an article posted …")."""
    for k2 in range(k + 1, j + 1):
        if (toks[k2 - 1].low in DAYS or toks[k2 - 1].low in TIME_WORDS or toks[k2 - 1].text.isdigit()) \
                and (toks[k2].text[:1].isupper() or toks[k2].low in SOURCE_DETERMINERS):
            return k2
    return None


# ---------------------------------------------------------------- looking right from a cue
def source_right(toks: list[Token], i: int, hi: int) -> tuple[int, int, str | None, int] | None:
    """An inverted source after the cue ("…, said Lt. Gen. X, commander of Y."):
    (start_idx, end_idx, role, index after the role)."""
    adv = cue_lexicon().adverbials
    j = i
    while j < hi and toks[j].low in adv and toks[j].low not in DAYS:
        j += 1
    if j >= hi or toks[j].kind != "w" or not _opens_inverted_source(toks, j):
        return None
    if toks[j].low in {"he", "she"}:
        if j + 1 < hi and toks[j + 1].kind == "w":
            return None  # "…, said he would go": not an inverted source
        hi = j + 1  # "“…,” said he."
    k = _inverted_source_end(toks, j, hi)
    role, end = _role_after(toks, k, hi)
    return j, k - 1, role, end


def _opens_inverted_source(toks: list[Token], j: int) -> bool:
    """A capitalised word, a determiner or he/she (or a capital within the next four words),
    but not a day or "it", "that", "this", "there"."""
    first = toks[j]
    if first.low in DAYS or first.low in {"it", "that", "this", "there"}:
        return False
    return (first.text[:1].isupper() or first.low in SOURCE_DETERMINERS or first.low in {"he", "she"}
            or any(t.kind == "w" and t.text[:1].isupper() for t in toks[j + 1:j + 5]))


def _inverted_source_end(toks: list[Token], j: int, hi: int) -> int:
    """The index after an inverted source starting at toks[j]: at most ten words, up to a clause
    boundary, an auxiliary or a preposition ("of" before a capital stays: "Bank of England")."""
    k = j
    while k < hi and toks[k].kind == "w" and toks[k].low not in CLAUSE_BOUNDARY and k - j < 10:
        if toks[k].low in NP_BREAK:
            break
        if toks[k].low in TAIL_PREPOSITIONS and k > j and not (
                toks[k].low == "of" and k + 1 < hi and toks[k + 1].text[:1].isupper()):
            break
        k += 1
    return k


def _role_after(toks: list[Token], k: int, hi: int) -> tuple[str | None, int]:
    """A role after an inverted source, from the comma at toks[k] to the end of the clause
    (", commander of Y."), and the index after it; a circumstance (", on his first full day")
    is skipped but gives no role."""
    if not (k < hi and toks[k].text == ","):
        return None, k
    r = k + 1
    while r < hi and toks[r].kind != "Q" and toks[r].text not in {".", ";"}:
        r += 1
    if not (r > k + 1 and r - k < 25):
        return None, k
    if toks[k + 1].low in TAIL_PREPOSITIONS or toks[k + 1].low in CLAUSE_BOUNDARY:
        return None, r
    return " ".join(t.text for t in toks[k + 1:r]).replace(" ,", ","), r


def recipient(toks: list[Token], j: int, hi: int) -> tuple[tuple[int, int] | None, int]:
    """Recipient after told/asked: returns (start_idx, end_idx) or None, and the next index."""
    if j >= hi or toks[j].kind != "w" or toks[j].low in _NOT_RECIPIENT:
        return None, j
    before_that = _recipient_before_that(toks, j, hi)
    if before_that is not None:
        return before_that
    if toks[j].text[:1].isupper() or toks[j].low in _DETERMINERS_OF_RECIPIENT:
        k = _recipient_end(toks, j, hi)
        return (j, k - 1), k
    if toks[j].low in RECIPIENT_WORDS:
        return (j, j), j + 1
    return None, j


def _recipient_before_that(toks: list[Token], j: int, hi: int):
    """"told his closest advisers on Monday that …": the words before "that" (a time phrase
    left out), and the index of "that"; None when no "that"/"whether" follows closely."""
    for k in range(j + 1, min(hi, j + 8)):
        if toks[k].kind != "w":
            break
        if toks[k].low in _COMPLEMENTISERS:
            end = next((m for m in range(j + 1, k) if toks[m].low in TAIL_PREPOSITIONS
                        and toks[m].low != "of"), k)
            return (j, end - 1), k
    return None


def _recipient_end(toks: list[Token], j: int, hi: int) -> int:
    """The index after a recipient opening at toks[j] with a capital or a determiner: a run of
    capitalised words ("Arab News"), or a short noun run that ends the clause ("told a news
    conference.")."""
    k = j + 1
    while k < hi and toks[k].kind == "w" and (toks[k].text[:1].isupper() or toks[k].low in
                                               {"of", "the"}) and k - j < 8:
        k += 1
    if toks[j].low in _DETERMINERS_OF_RECIPIENT and k == j + 1:
        k = j + 2 if j + 1 < hi and toks[j + 1].kind == "w" else j + 1
        m = k
        while m < hi and m - j < 5 and toks[m].kind == "w" and toks[m].low not in TAIL_PREPOSITIONS \
                and toks[m].low not in _ENDS_NOUN_RUN:
            m += 1
        if m > k and (m >= hi or toks[m].kind != "w" or toks[m].low in TAIL_PREPOSITIONS
                      or toks[m].low in _COMPLEMENTISERS):
            k = m
    return k
