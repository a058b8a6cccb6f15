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

import functools
import re
from dataclasses import dataclass

import numpy as np

from newskit.wordlists import fold_case

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
        elif n == 2:
            out.extend([a + " " + b for a, b in zip(tokens, tokens[1:])])
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


# --------------------------------------------------------------------------- word gates
#
# Most sentences hold none of the words a cue pattern looks for, and a regex search costs a
# scan of the whole sentence; a set lookup on the sentence's words costs almost nothing. So
# every word-list pattern has a *gate*: words (or word beginnings) one of which must be in the
# sentence for the pattern to match at all. The pattern is searched only when its gate opens,
# so the result is always the pattern's own: the gate only skips searches that cannot match.

@functools.lru_cache(maxsize=4096)
def word_set(text: str) -> frozenset:
    """The distinct lower-cased words (runs of word characters) of a text.

    Example:
        >>> sorted(word_set("Prices ROSE, prices fell."))
        ['fell', 'prices', 'rose']
    """
    return frozenset(WORD_TOKEN.findall(fold_case(text)))


@dataclass(frozen=True)
class WordGate:
    """A necessary condition for a case-insensitive pattern to match: one of ``words``, or a
    word starting with one of ``prefixes``, or one of the characters ``chars`` occurs.

    A gate with ``always`` set opens for every text (the pattern could match without any word).

    Example:
        >>> gate = WordGate.of(words=("will", "would"), prefixes=("increas",))
        >>> gate.opens("Prices increased.", word_set("Prices increased.")), gate.opens("No.", word_set("No."))
        (True, False)
    """

    words: frozenset = frozenset()
    prefixes: tuple = ()  # sorted, lower case: str.startswith takes them all at once
    chars: str = ""
    always: bool = False

    @classmethod
    def of(cls, words=(), prefixes=(), chars: str = "", always: bool = False) -> "WordGate":
        return cls(frozenset(w.lower() for w in words), tuple(sorted({p.lower() for p in prefixes})),
                   chars, always)

    def opens(self, text: str, words: frozenset) -> bool:
        """Whether the pattern may match ``text`` (whose :func:`word_set` is ``words``)."""
        if self.always or not self.words.isdisjoint(words):
            return True
        if self.prefixes and any(w.startswith(self.prefixes) for w in words):
            return True
        return any(c in text for c in self.chars)


class GateSet:
    """Many :class:`WordGate` tested at once: one pass over a text's words answers them all,
    as the bits of one integer (bit ``k`` set: gate ``k`` opens).

    Example:
        >>> gs = GateSet([WordGate.of(("will",)), WordGate.of(chars="%"), WordGate.of(prefixes=("tax",))])
        >>> bin(gs.open_bits("Taxes will rise", word_set("Taxes will rise")))
        '0b101'
    """

    def __init__(self, gates) -> None:
        self.gates = tuple(gates)
        words: dict[str, int] = {}
        prefixes: dict[str, int] = {}
        chars: dict[str, int] = {}
        always = 0
        for k, gate in enumerate(self.gates):
            bit = 1 << k
            if gate.always:
                always |= bit
            for w in gate.words:
                words[w] = words.get(w, 0) | bit
            for p in gate.prefixes:
                prefixes[p] = prefixes.get(p, 0) | bit
            for c in gate.chars:
                chars[c] = chars.get(c, 0) | bit
        self._always = always
        self._words = words
        self._word_keys = frozenset(words)
        self._prefixes = tuple(prefixes.items())
        self._any_prefix = tuple(prefixes)  # str.startswith takes them all at once
        self._chars = tuple(chars.items())

    def open_bits(self, text: str, words: frozenset) -> int:
        """The gates that open for ``text`` (whose :func:`word_set` is ``words``), as bits."""
        bits = self._always
        for w in words & self._word_keys:
            bits |= self._words[w]
        if self._any_prefix:
            for w in words:
                if w.startswith(self._any_prefix):
                    for p, bit in self._prefixes:
                        if w.startswith(p):
                            bits |= bit
        for c, bit in self._chars:
            if c in text:
                bits |= bit
        return bits


# Hand features: (name, pattern, gate). Each is 1.0 when the pattern occurs in the raw sentence.
_HAND_PATTERNS: tuple[tuple[str, str, WordGate], ...] = (
    ("digit", r"\d", WordGate.of(always=True)),
    ("percent", r"%|\bper\s?cent\b", WordGate.of(("per", "percent"), chars="%")),
    ("money", r"[$£€]|\b(?:dollars?|billion|million|trillion)\b",
     WordGate.of(("dollar", "dollars", "billion", "million", "trillion"), chars="$£€")),
    ("comparative", r"\b(?:more|less|fewer|than|higher|lower|most|least|largest|biggest|highest"
                    r"|lowest|increase\w*|decrease\w*|doubled|tripled|cut|raised?)\b",
     WordGate.of(("more", "less", "fewer", "than", "higher", "lower", "most", "least", "largest",
                  "biggest", "highest", "lowest", "doubled", "tripled", "cut", "raise", "raised"),
                 prefixes=("increase", "decrease"))),
    ("future", r"\b(?:will|would|going\s+to)\b", WordGate.of(("will", "would", "going"))),
    ("first_singular", r"\b(?:i|me|my)\b", WordGate.of(("i", "me", "my"))),
    ("first_plural", r"\b(?:we|our|us)\b", WordGate.of(("we", "our", "us"))),
    ("second_person", r"\b(?:you|your)\b", WordGate.of(("you", "your"))),
    ("question", r"\?", WordGate.of(chars="?")),
    ("opinion_verb", r"\b(?:think|believe|feel|hope)\b", WordGate.of(("think", "believe", "feel", "hope"))),
    ("policy_word", r"\b(?:voted|vote|bill|law|tax\w*|budget|deficit|jobs?|unemployment)\b",
     WordGate.of(("voted", "vote", "bill", "law", "budget", "deficit", "job", "jobs", "unemployment"),
                 prefixes=("tax",))),
    ("past_or_perfect", r"\b(?:has|have|had|was|were|did)\b",
     WordGate.of(("has", "have", "had", "was", "were", "did"))),
    ("reporting", r"\b(?:said|says)\b", WordGate.of(("said", "says"))),
    ("time_span", r"\b(?:year|years|since|ago|\d{4})\b", WordGate.of(always=True)),
    ("courtesy", r"\b(?:thank|thanks|applause|laughter)\b",
     WordGate.of(("thank", "thanks", "applause", "laughter"))),
    ("negation", r"\b(?:not|never|no)\b", WordGate.of(("not", "never", "no"))),
)
HAND_PATTERNS = tuple((name, re.compile(p, re.IGNORECASE)) for name, p, _ in _HAND_PATTERNS)
#: features whose pattern is exactly its gate (an alternation of whole words, word beginnings
#: followed by \w*, or single characters): where the gate opens the pattern matches, so it is not
#: searched (``hand_features(texts, gated=False)`` is the check).
_GATE_IS_PATTERN = frozenset({"money", "comparative", "first_singular", "first_plural",
                              "second_person", "question", "opinion_verb", "policy_word",
                              "past_or_perfect", "reporting", "courtesy", "negation"})
HAND_GATES = tuple(gate for _, _, gate in _HAND_PATTERNS)
_HAND_GATE_SET = GateSet(HAND_GATES)
#: names of the dense hand features, in column order.
HAND_NAMES = tuple(name for name, _, _ in _HAND_PATTERNS) + ("length", "log_length")


def hand_features(texts: list[str], gated: bool = True) -> np.ndarray:
    """Dense hand features, one row per text (columns named by ``HAND_NAMES``).

    ``gated=False`` searches every pattern in every text (the reference the gates are tested
    against); the result is the same.
    """
    rows = []
    lengths = []
    patterns = [(1 << k, gated and name in _GATE_IS_PATTERN, pattern)
                for k, (name, pattern) in enumerate(HAND_PATTERNS)]
    everything = (1 << len(patterns)) - 1
    for text in texts:
        bits = _HAND_GATE_SET.open_bits(text, word_set(text)) if gated else everything
        rows.append([1.0 if bits & bit and (exact or pattern.search(text)) else 0.0
                     for bit, exact, pattern in patterns])
        lengths.append(len(text.split()))
    n_words = np.array(lengths, dtype=np.float64)
    return np.column_stack([
        np.array(rows, dtype=np.float64).reshape(len(texts), len(HAND_PATTERNS)),
        np.minimum(n_words, 60) / 60.0,
        np.log1p(n_words) / 4.0,
    ])
