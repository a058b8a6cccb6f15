"""Cue words: where a reporting word or phrase ("said", "according to", "believes") starts.

A token is a cue when it starts a multi-word cue phrase, or is a cue verb that no veto
rules out here (a noun after a determiner, a participle modifying a noun, a naming verb, "to
say" after a plain noun …), or is an unlisted verb right before ``: “…”``. The vetoes are a
table of small named checks, each with the example it exists for.

Example:
    >>> from newskit.quotes.tokens import tokens
    >>> text = "A report said the plan failed."
    >>> toks = tokens(text, 0, len(text), [])
    >>> [(t.text, is_cue(toks, k)) for k, t in enumerate(toks) if t.low in ("report", "said")]
    [('report', 0), ('said', 1)]
"""
from __future__ import annotations

from newskit.quotes.lexicon import (
    ANONYMITY_PHRASE, ANONYMITY_VERBS, BE_FORMS, DETERMINER_BEFORE, DOCUMENT_NOUNS, IRREGULAR_PAST,
    NAMING_VERBS, NOT_SOURCE_END, NOUNLIKE, SUBJECT_PRONOUNS, CueLexicon, cue_lexicon,
)
from newskit.quotes.tokens import Token, indices

_POSSESSIVE_ENDINGS = ("’s", "'s")
# Common nouns that can be the subject of a base-form cue ("data show", "research suggests").
_NOUN_SUBJECTS = frozenset({"data", "research", "campaign"})


def is_cue(toks: list[Token], i: int) -> int:
    """Length in tokens of a cue starting at toks[i] (0 when none)."""
    t = toks[i]
    if t.kind != "w":
        return 0
    lex = cue_lexicon()
    if t.low in lex.cue_starts:  # most words are not: only the colon case can apply to them
        if t.low in lex.phrases_by_first:
            length = _phrase_length(toks, i, lex)
            if length:
                return length
        if t.low in lex.cues:
            for veto in _VETOES_OF[t.low]:
                if veto(toks, i, lex):
                    return 0
            return 1
    return _is_colon_cue(toks, i)


def _phrase_length(toks: list[Token], i: int, lex: CueLexicon) -> int:
    """Length of the first cue phrase ("according to") that starts at toks[i], else 0."""
    for ph in lex.phrases_by_first.get(toks[i].low, ()):
        if all(i + k < len(toks) and toks[i + k].low == ph[k] for k in range(1, len(ph))):
            return len(ph)
    return 0


def _is_colon_cue(toks: list[Token], i: int) -> int:
    """1 for an unlisted verb that introduces a direct quote after a colon ("O'Malley
    interjected: “…”"), else 0."""
    t = toks[i]
    if (i + 2 < len(toks) and toks[i + 1].text == ":" and toks[i + 2].kind == "Q"
            and t.text.islower() and t.low not in NOT_SOURCE_END):
        return 1
    return 0


# ---------------------------------------------------------------- vetoes: a cue word, but not a cue here
def _anonymity_condition(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"officials who asked not to be named": a condition of anonymity, not a cue."""
    return toks[i].low in ANONYMITY_VERBS and ANONYMITY_PHRASE.match(
        " ".join(x.low for x in toks[i + 1:i + 7])) is not None


def _participle_modifier(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"anyone wanting to learn": a participle modifying a noun, not a cue."""
    low = toks[i].low
    if not (low.endswith("ing") and low in lex.belief and i > 0 and toks[i - 1].kind == "w"):
        return False
    prev = toks[i - 1]
    return (prev.low not in BE_FORMS and prev.low not in lex.adverbials
            and prev.low not in SUBJECT_PRONOUNS and not prev.text[:1].isupper())


def _noun_after_determiner(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"a report", "Editor’s note": a noun after a determiner or a possessive."""
    low = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    return (low in NOUNLIKE or low in lex.stance) and (
        prev in DETERMINER_BEFORE or prev.endswith(_POSSESSIVE_ENDINGS))


def _naming_verb(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"a company called Cambridge Analytica": a naming verb after "a/an NOUN"."""
    return (toks[i].low in NAMING_VERBS and i >= 2 and toks[i - 2].low in {"a", "an"}
            and toks[i - 1].text.islower())


def _noun_form(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"Clinton’s support fell", "a conference call": a base or -s form that is also a noun,
    with no subject before it (adverbials skipped)."""
    low = toks[i].low
    if not ((low in lex.stance or low in NOUNLIKE) and not low.endswith(("ed", "ing"))
            and low not in IRREGULAR_PAST):
        return False
    k = i - 1
    while k >= 0 and toks[k].low in lex.adverbials:
        k -= 1
    return k < 0 or not _can_be_subject(toks[k])


def _can_be_subject(p: Token) -> bool:
    """Whether the word before a base-form cue can be its subject: a name, a plural, a
    pronoun, a document ("the poll shows") — not a possessive or a function word."""
    if p.kind != "w" or p.low.endswith(_POSSESSIVE_ENDINGS) or p.low in NOT_SOURCE_END:
        return False
    return not (p.text.islower() and not p.low.endswith("s") and p.low not in SUBJECT_PRONOUNS
                and p.low not in DOCUMENT_NOUNS and p.low not in _NOUN_SUBJECTS)


def _to_infinitive(toks: list[Token], i: int, lex: CueLexicon) -> bool:
    """"to say" is a cue only after "continued", "tweeted", "went on" … ("he continued to
    say"), not in "plans to say"."""
    if i == 0 or toks[i - 1].low != "to":
        return False
    low = toks[i].low
    return low in lex.cues and not low.endswith("ed") and not (
        i >= 2 and toks[i - 2].text.islower() and toks[i - 2].low.endswith("ed")
        and low in lex.speech)


# Each veto with the condition on the cue word alone under which it can apply.
_VETOES = (
    (_anonymity_condition, lambda w, lex: w in ANONYMITY_VERBS),
    (_participle_modifier, lambda w, lex: w.endswith("ing") and w in lex.belief),
    (_noun_after_determiner, lambda w, lex: w in NOUNLIKE or w in lex.stance),
    (_naming_verb, lambda w, lex: w in NAMING_VERBS),
    (_noun_form, lambda w, lex: (w in lex.stance or w in NOUNLIKE) and not w.endswith(("ed", "ing"))
     and w not in IRREGULAR_PAST),
    (_to_infinitive, lambda w, lex: not w.endswith("ed")),
)


class _VetoesOfWord(dict):
    """Cue word -> the vetoes that can rule it out (in ``_VETOES`` order), so that a cue word
    is tested against those only ("said": only "to say"). Filled on first use of each word."""

    def __missing__(self, word: str) -> tuple:
        lex = cue_lexicon()
        vetoes = self[word] = tuple(veto for veto, applies in _VETOES if applies(word, lex))
        return vetoes


_VETOES_OF = _VetoesOfWord()


def cue_candidates(lows: list[str]) -> list[int]:
    """Where a cue may start, left to right: a word that starts a cue, or any token before a
    colon (``lows``: the sentence's tokens in lower case)."""
    out = [k - 1 for k in indices(lows, ":") if k > 0] if ":" in lows else []
    for w in cue_lexicon().cue_starts.intersection(lows):
        out += indices(lows, w)
    return sorted(set(out)) if len(out) > 1 else out
