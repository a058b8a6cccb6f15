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


def _without_qualifiers(text: str) -> str:
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
    return {
        "prediction": cue_pattern("claim_prediction.txt"),
        "causal": cue_pattern("claim_causal.txt"),
        "rule": cue_pattern("claim_rule.txt"),
        "comparison": cue_pattern("claim_comparison.txt"),
        "personal": cue_pattern("claim_personal.txt"),
        "personal_plural": cue_pattern("claim_personal_plural.txt"),
        "hedge": cue_pattern("claim_hedges.txt"),
        "opener": cue_pattern("claim_not_claim.txt", anchored=True),
        "opinion": cue_pattern("claim_opinion.txt"),
        "scene": cue_pattern("claim_scene.txt"),
        "number_word": cue_pattern("claim_number_words.txt"),
    }


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
    return bool(cues()["hedge"].search(MONTH_MAY.sub(r"\1month", text)))


def classify(text: str, has_quantity: bool | None = None) -> tuple[str, str]:
    """The claim type of one sentence and the name of the rule that decided it.

    Args:
        text: the sentence.
        has_quantity: whether a quantity extractor found a number in it; ``None`` falls back
            to digits and number words.

    Returns:
        ``(type, rule)``, e.g. ``("comparison", "comparison:cue")``.
    """
    c = cues()
    stripped = text.strip()
    if QUESTION_END.search(stripped):
        return "not_claim", "not_claim:question"
    if c["opener"].search(stripped):
        return "not_claim", "not_claim:opener"
    if c["rule"].search(text):
        return "rule", "rule:cue"
    first_singular = bool(c["personal"].search(text))
    if first_singular and c["opinion"].search(text):
        return "not_claim", "not_claim:opinion"
    if first_singular and not c["prediction"].search(text):
        return "personal", "personal:first-person"
    if c["prediction"].search(text):
        return "prediction", "prediction:cue"
    if REPORTED_FUTURE.search(text):
        return "prediction", "prediction:reported-future"
    if c["causal"].search(text):
        return "causal", "causal:cue"
    if c["personal_plural"].search(text) and PAST_VERB.search(text) \
            and not c["comparison"].search(_without_qualifiers(text)) \
            and not SUPERLATIVE.search(text):
        return "personal", "personal:we-past"
    if c["comparison"].search(_without_qualifiers(text)):
        return "comparison", "comparison:cue"
    if SUPERLATIVE.search(text):
        return "comparison", "comparison:superlative"
    if has_quantity is None:  # no quantity extractor: digits that are not years
        has_quantity = bool(DIGIT.search(YEAR.sub(" ", text)))
    if has_quantity or c["number_word"].search(text):
        return "quantity", "quantity:number"
    if c["opinion"].search(text):
        return "not_claim", "not_claim:opinion"
    if c["scene"].search(text):
        return "not_claim", "not_claim:scene"
    return "other", "other:default"
