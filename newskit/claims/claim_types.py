"""Claim typing: small named rules over cue lexicons in ``newskit/resources/claim_*.txt``.

Types follow the Full Fact claim taxonomy, extended with ``comparison``:

- ``quantity``: a value or a count ("Unemployment stood at 6.2 percent").
- ``comparison``: values, places or times compared ("higher than in 1991", "doubled").
- ``prediction``: a claim about the future ("will", "expected to", "forecast").
- ``causal``: X caused / led to Y ("because", "led to", "due to").
- ``rule``: laws, rules, bans, court rulings and policy.
- ``personal``: the speaker's own experience ("I spent three days…", "We lost everything").
- ``other``: a checkable statement of another kind (events, who did what).
- ``not_claim``: questions, greetings, instructions, opinions, scene-setting description.

The first rule that fires decides; its name is returned so every type can be audited.
This module is separate from the module name ``types`` on purpose (it would shadow the
standard library when a file in this folder is run as a script).

Example:
    >>> classify("Unemployment stood at 6.2 percent in March.")
    ('quantity', 'quantity:number')
    >>> classify("Parliament passed a law banning plastic bags.")
    ('rule', 'rule:cue')

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

CLAIM_TYPES = ("quantity", "comparison", "prediction", "causal", "rule", "personal", "other",
               "not_claim")

#: a number directly after a qualifier ("more than 90"): a quantity's qualifier, not a comparison
NUMBER_QUALIFIER = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s+(?:\$|£|€)?\d[\d,.]*", re.IGNORECASE)
DIGIT = re.compile(r"\d")
#: a year on its own ("in 1990") is a date, not a quantity
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
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
#: past-tense or perfect verbs that make a "we"/"our" sentence a personal experience
PAST_VERB = re.compile(
    r"\b(?:had|have\s+been|has\s+been|were|was|lost|heard|saw|seen|left|walked|spent|"
    r"lived|grew|met|went|came|fled|\w+ed)\b", re.IGNORECASE)


def _without_qualifiers(text: str, words: frozenset) -> str:
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
    """Every gate :func:`classify` tests, as one GateSet, and the bit of each by name."""
    named = {**gates(), "reporting": _REPORTING, "modal": _MODAL}
    return GateSet(named.values()), {name: 1 << k for k, name in enumerate(named)}


class _Cues:
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
    if not gates()["hedge"].opens(text, word_set(text)):
        return False
    return bool(cues()["hedge"].search(MONTH_MAY.sub(r"\1month", text)))


def classify(text: str, has_quantity: bool | None = None) -> tuple[str, str]:
    """The claim type of one sentence and the name of the rule that decided it.

    The rules go in a fixed order and the first that applies decides: what is no claim by
    its form (a question, an opener), the cue words of rules, first-person statements,
    predictions and causes (:func:`_by_cue`), comparisons (:func:`_by_comparison`), numbers,
    and last what is opinion or scene-setting.

    Args:
        text: the sentence.
        has_quantity: whether a quantity extractor found a number in it; ``None`` falls back
            to digits and number words.

    Returns:
        ``(type, rule)``, e.g. ``("comparison", "comparison:cue")``.
    """
    c = _Cues(text)
    stripped = text.strip()
    if "?" in stripped and QUESTION_END.search(stripped):
        return "not_claim", "not_claim:question"
    if c.has("opener", stripped):
        return "not_claim", "not_claim:opener"
    decided = _by_cue(c, text) or _by_comparison(c, text)
    if decided:
        return decided
    if has_quantity is None:  # no quantity extractor: digits that are not years
        has_quantity = bool(DIGIT.search(YEAR.sub(" ", text)))
    if has_quantity or c.has("number_word"):
        return "quantity", "quantity:number"
    if c.has("opinion"):
        return "not_claim", "not_claim:opinion"
    if c.has("scene"):
        return "not_claim", "not_claim:scene"
    return "other", "other:default"


def _by_cue(c: _Cues, text: str) -> tuple[str, str] | None:
    """Rules, first-person statements and opinions, predictions and causes, by their cue words."""
    if c.has("rule"):
        return "rule", "rule:cue"
    first_singular = c.has("personal")
    if first_singular and c.has("opinion"):
        return "not_claim", "not_claim:opinion"
    if first_singular and not c.has("prediction"):
        return "personal", "personal:first-person"
    if c.has("prediction"):
        return "prediction", "prediction:cue"
    if c.may("reporting") and c.may("modal") and REPORTED_FUTURE.search(text):
        return "prediction", "prediction:reported-future"
    if c.has("causal"):
        return "causal", "causal:cue"
    return None


def _by_comparison(c: _Cues, text: str) -> tuple[str, str] | None:
    """Comparisons by cue or superlative, unless a first-person plural tells what "we" did."""
    words = c.words
    comparison = c.has("comparison", _without_qualifiers(text, words))
    superlative = "the" in words and any(w.endswith("est") for w in words) and bool(SUPERLATIVE.search(text))
    if c.has("personal_plural") and PAST_VERB.search(text) and not comparison and not superlative:
        return "personal", "personal:we-past"
    if comparison:
        return "comparison", "comparison:cue"
    if superlative:
        return "comparison", "comparison:superlative"
    return None
