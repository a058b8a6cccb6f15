"""Features of the check-worthiness model: word n-grams, character n-grams, hand features.

The same functions run at training time (``newskit.claims.train`` hands them to scikit-learn
as analyzers) and at inference time (``newskit.claims.model``, numpy only), so the two cannot
drift apart. Text is lower-cased and every digit becomes ``0`` first, so that "1,200" and
"3,400" share their n-grams.

The hand features are model inputs, not editable word lists: they are fixed here (and their
names are stored in the weights file, which is checked on load), because changing one would
silently change what the shipped weights mean. The cue lexicons for claim *typing* live in
``newskit/resources/claim_*.txt`` and may be edited freely.

Example:
    >>> from newskit.claims.features import normalise, word_ngrams
    >>> word_ngrams(normalise("Prices rose 12%"))
    ['prices', 'rose', '00', 'prices rose', 'rose 00']

References:
    Hassan, N. et al. (2017). Toward automated fact-checking: detecting check-worthy factual
    claims by ClaimBuster. KDD. (sentence-level check-worthiness, n-gram and POS-like features)
"""
from __future__ import annotations

import re

import numpy as np

#: n-gram ranges of the two sparse blocks (stored in the weights file and checked on load).
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (1, 6)

DIGIT = re.compile(r"\d")
WORD_TOKEN = re.compile(r"\w+")
WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case the text and map every digit to ``0``."""
    return DIGIT.sub("0", text.lower())


def word_ngrams(norm: str, ngram_range: tuple[int, int] = WORD_NGRAMS) -> list[str]:
    """Word n-grams (tokens are runs of word characters) of a normalised text."""
    tokens = WORD_TOKEN.findall(norm)
    lo, hi = ngram_range
    out: list[str] = []
    for n in range(lo, hi + 1):
        if n == 1:
            out.extend(tokens)
        else:
            out.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return out


def char_ngrams(norm: str, ngram_range: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """Character n-grams inside word boundaries (like scikit-learn's ``char_wb``).

    Each whitespace-separated word is padded with one space on each side; n-grams do not
    cross words.
    """
    lo, hi = ngram_range
    out: list[str] = []
    for word in WHITESPACE.split(norm):
        if not word:
            continue
        padded = f" {word} "
        length = len(padded)
        for n in range(lo, hi + 1):
            if n > length:
                break
            out.extend(padded[i:i + n] for i in range(length - n + 1))
    return out


# Hand features: (name, pattern). Each is 1.0 when the pattern occurs in the raw sentence.
_HAND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("digit", r"\d"),
    ("percent", r"%|\bper\s?cent\b"),
    ("money", r"[$£€]|\b(?:dollars?|billion|million|trillion)\b"),
    ("comparative", r"\b(?:more|less|fewer|than|higher|lower|most|least|largest|biggest|highest"
                    r"|lowest|increase\w*|decrease\w*|doubled|tripled|cut|raised?)\b"),
    ("future", r"\b(?:will|would|going\s+to)\b"),
    ("first_singular", r"\b(?:i|me|my)\b"),
    ("first_plural", r"\b(?:we|our|us)\b"),
    ("second_person", r"\b(?:you|your)\b"),
    ("question", r"\?"),
    ("opinion_verb", r"\b(?:think|believe|feel|hope)\b"),
    ("policy_word", r"\b(?:voted|vote|bill|law|tax\w*|budget|deficit|jobs?|unemployment)\b"),
    ("past_or_perfect", r"\b(?:has|have|had|was|were|did)\b"),
    ("reporting", r"\b(?:said|says)\b"),
    ("time_span", r"\b(?:year|years|since|ago|\d{4})\b"),
    ("courtesy", r"\b(?:thank|thanks|applause|laughter)\b"),
    ("negation", r"\b(?:not|never|no)\b"),
)
HAND_PATTERNS = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _HAND_PATTERNS)
#: names of the dense hand features, in column order.
HAND_NAMES = tuple(name for name, _ in _HAND_PATTERNS) + ("length", "log_length")


def hand_features(texts: list[str]) -> np.ndarray:
    """Dense hand features, one row per text (columns named by ``HAND_NAMES``)."""
    out = np.zeros((len(texts), len(HAND_NAMES)), dtype=np.float64)
    for i, text in enumerate(texts):
        for j, (_, pattern) in enumerate(HAND_PATTERNS):
            if pattern.search(text):
                out[i, j] = 1.0
        n_words = len(text.split())
        out[i, -2] = min(n_words, 60) / 60.0
        out[i, -1] = np.log1p(n_words) / 4.0
    return out
