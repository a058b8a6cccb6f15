"""Claim types: the scheme, the cue lexicons of ``newskit/resources/claim_*.txt``, and hedges.

Ten types, those of our hand-labelled sets (``benchmarks/labels/claim_types.tsv`` and
``news_claim_types_train.tsv``; their headers hold the full definitions and guideline):

- check-worthy claim types (``CHECKWORTHY_TYPES``), by precedence when two apply:
  ``quantity`` (a number or statistic is the core), ``prediction`` (the future: will, expected
  to, plans and pledges), ``causal`` (X caused / led to Y), ``comparison`` (more/less/most/first,
  change over time), ``rule`` (laws, rulings, policies, what is allowed or required),
  ``attributed`` (a statement of fact carried by a speaker), ``event`` (a reported past or
  present event stated as fact);
- the others (``OTHER_TYPES``): ``personal`` (first-person experience or feeling), ``opinion``
  (value judgement, argument, advice, question, vague forecast), ``not_claim`` (furniture,
  narrative or scene with nothing to check, vague framing).

A claim's ``type`` and its ``checkworthy`` flag agree: a check-worthy claim has a type of
``CHECKWORTHY_TYPES``, any other claim one of ``OTHER_TYPES``. The type is chosen by a small
multinomial model over named signals (:mod:`newskit.claims.signals`, built on the cues here)
within the group the check-worthiness decision allows (:mod:`newskit.claims.model`).

Until issue 16 newskit had eight types: its ``other`` is now ``attributed`` or ``event``
(``FORMER_TYPES``), and its ``not_claim`` is split into ``opinion`` and ``not_claim``.

This module is separate from the module name ``types`` on purpose (it would shadow the
standard library when a file in this folder is run as a script).

Example:
    >>> is_hedged("The minister reportedly resigned."), is_hedged("Prices rose 5 percent.")
    (True, False)

References:
    Konstantinovskiy, L., Price, O., Babakar, M., Zubiaga, A. (2021). Toward Automated
    Factchecking: Developing an Annotation Schema and Benchmark for Consistent Automated Claim
    Detection. Digital Threats: Research and Practice 2(2).
"""
from __future__ import annotations

import functools
import re

from newskit.claims.features import GateSet, WordGate, word_set
from newskit.wordlists import word_lines

#: the check-worthy claim types, in order of precedence
CHECKWORTHY_TYPES = ("quantity", "prediction", "causal", "comparison", "rule", "attributed", "event")
#: the types of claims that are not check-worthy
OTHER_TYPES = ("personal", "opinion", "not_claim")
CLAIM_TYPES = CHECKWORTHY_TYPES + OTHER_TYPES
#: newskit's types before issue 16 -> the types that replace them
FORMER_TYPES = {"other": ("attributed", "event"), "not_claim": ("opinion", "not_claim")}

#: a number directly after a qualifier ("more than 90"): a quantity's qualifier, not a comparison
NUMBER_QUALIFIER = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s+(?:\$|£|€)?\d[\d,.]*", re.IGNORECASE)
#: "most of" is a share, not a comparison
MOST_OF = re.compile(r"\bmost\s+of\b|^\W*most\b", re.IGNORECASE)
QUESTION_END = re.compile(r"\?[\"'”’)\s]*$")
#: "May" written with a capital inside a sentence is the month, not the hedge
MONTH_MAY = re.compile(r"(?<=\S)(\s+)May\b")
#: a superlative after "the" ("the strongest storm"); words that only look like one are excluded
SUPERLATIVE = re.compile(
    r"\bthe\s+(?!(?:latest|west|east|forest|protest|interest|contest|harvest|request|rest|test|"
    r"honest|modest|nest|chest|guest|quest|priest|crest|suggest|arrest|inquest|manifest|"
    r"conquest|pest|zest|vest|jest)\b)[a-z]{2,}est\b", re.IGNORECASE)
#: reported future: "said (that) the city would publish …", "warned that losses could exceed …"
REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|say|told|announced|promised|pledged|warned|predicted|estimated)\b"
    r"(?:\s+\S+){0,12}?\s+(?:would|could|might)\s+(?!not\s+be\s+named)(?:not\s+)?[a-z]+",
    re.IGNORECASE)


def without_qualifiers(text: str, words: frozenset) -> str:
    """The text with quantity qualifiers ("more than 90") and "most of" blanked out (``words``:
    the text's :func:`word_set`)."""
    if "than" not in words and "most" not in words:
        return text  # neither pattern can match
    return MOST_OF.sub(" ", NUMBER_QUALIFIER.sub(" ", text))


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    parts = []
    for w in words:
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"[\w'-]*")
        else:
            parts.append(re.escape(w))
    return r"\s+".join(parts)


def cue_pattern(name: str, anchored: bool = False) -> re.Pattern:
    """One compiled pattern matching any phrase of ``resources/<name>`` as whole words."""
    phrases = sorted(word_lines(name), key=len, reverse=True)
    alternation = "|".join(_phrase_pattern(p) for p in phrases)
    if anchored:
        return re.compile(rf"^[\"'“‘(\s]*(?:{alternation})\b", re.IGNORECASE)
    return re.compile(rf"(?<![\w'-])(?:{alternation})(?![\w'-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """The cue patterns, built once from the lexicons on first use."""
    return {name: cue_pattern(file, anchored=name == "opener") for name, file in _CUE_FILES.items()}


def cue_gate(name: str) -> WordGate:
    """The words one of which a text must hold for ``cue_pattern(name)`` to match in it.

    A phrase can only match where each of its whole words is a word of the text, so each
    phrase contributes one of them, its longest (the rarest, as a rule): "in the wake of"
    contributes "wake". A word that ends in the wildcard ``*`` counts as a prefix ("increas*",
    used when it is the longest); a word after a wildcard can be part of a longer word and is
    not used. A phrase with no usable word opens the gate for every text.
    """
    words, prefixes, always = set(), set(), False
    for phrase in word_lines(name):
        phrase = phrase.lower()
        exact, starts = [], []
        for m in _WORD.finditer(phrase):
            if phrase[m.start() - 1:m.start()] == "*":
                continue
            (starts if phrase[m.end():m.end() + 1] == "*" else exact).append(m.group())
        best_exact = max(exact, key=len, default="")
        best_start = max(starts, key=len, default="")
        if len(best_start) > len(best_exact):  # "project* to": "project…" is rarer than "to"
            prefixes.add(best_start)
        elif best_exact:
            words.add(best_exact)
        else:
            always = True
    return WordGate.of(words, prefixes, always=always)


_WORD = re.compile(r"\w+")
_CUE_FILES = {
    "prediction": "claim_prediction.txt", "causal": "claim_causal.txt", "rule": "claim_rule.txt",
    "comparison": "claim_comparison.txt", "personal": "claim_personal.txt",
    "personal_plural": "claim_personal_plural.txt", "hedge": "claim_hedges.txt",
    "opener": "claim_not_claim.txt", "opinion": "claim_opinion.txt", "scene": "claim_scene.txt",
    "number_word": "claim_number_words.txt",
}


@functools.lru_cache(maxsize=1)
def gates() -> dict[str, WordGate]:
    """The gate of each cue pattern of :func:`cues`, built once on first use."""
    return {name: cue_gate(file) for name, file in _CUE_FILES.items()}


_REPORTING = WordGate.of(("said", "says", "say", "told", "announced", "promised", "pledged",
                          "warned", "predicted", "estimated"))
_MODAL = WordGate.of(("would", "could", "might"))


@functools.lru_cache(maxsize=1)
def _gate_set() -> tuple[GateSet, dict[str, int]]:
    """Every gate the cue tests use, as one GateSet, and the bit of each by name."""
    named = {**gates(), "reporting": _REPORTING, "modal": _MODAL}
    return GateSet(named.values()), {name: 1 << k for k, name in enumerate(named)}


class Cues:
    """The cue tests of one sentence: each pattern is searched only if its gate opens, once."""

    __slots__ = ("text", "words", "bits", "found")

    def __init__(self, text: str):
        gate_set, _ = _gate_set()
        self.text = text
        self.words = word_set(text)
        self.bits = gate_set.open_bits(text, self.words)
        self.found: dict = {}

    def may(self, name: str) -> bool:
        """Whether the gate of ``name`` opens (its pattern may match)."""
        return bool(self.bits & _gate_set()[1][name])

    def has(self, name: str, text: str | None = None) -> bool:
        """Whether cue ``name`` occurs in the sentence (or in ``text``, a rewrite of it whose
        words are among the sentence's)."""
        key = name if text is None else (name, text)
        hit = self.found.get(key)
        if hit is None:
            hit = self.may(name) and bool(cues()[name].search(self.text if text is None else text))
            self.found[key] = hit
        return hit


def counts_as_quantity(q) -> bool:
    """Whether a found Quantity makes its sentence a quantity claim.

    Small bare counts ("two men", "three provinces") are how news tells events, not
    statistics: a ``count`` below 10 without a qualifier does not count.
    """
    if getattr(q, "kind", None) == "count" and not getattr(q, "qualifier", None):
        value = getattr(q, "value", None)
        return value is None or value >= 10
    return True


def is_hedged(text: str) -> bool:
    """True when the sentence holds a hedge (may, could, reportedly, allegedly …)."""
    return hedged_cues(text, Cues(text))


def hedged_cues(text: str, c: "Cues") -> bool:
    """:func:`is_hedged` for a sentence whose :class:`Cues` are at hand."""
    if not c.may("hedge"):
        return False
    return bool(cues()["hedge"].search(MONTH_MAY.sub(r"\1month", text)))
