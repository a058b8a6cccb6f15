"""Check-worthiness scoring and claim typing with numpy only, from the shipped weights.

**Check-worthiness** (``weights.npz``): a linear model over TF-IDF word n-grams and character
n-grams (sublinear term frequency, each block L2-normalised, as scikit-learn's
``TfidfVectorizer``) and the signals of :mod:`newskit.claims.signals` (the hand features of
:mod:`newskit.claims.features` too when trained with them; the shipped model is not), scored by
one weight vector (the sum of a logistic regression and a linear SVM trained by
``python -m newskit.claims.train``), then calibrated to 0–1 with Platt scaling fitted on
out-of-fold scores of a grouped cross-validation. The threshold is chosen on those out-of-fold
scores too (never on dev): see ``ClaimModel.meta``.

**Typing** (``claim_types.json``): a multinomial logistic regression over the signals and the
calibrated score, trained on our hand-labelled news sentences; the type is the most probable
one *within the group the check-worthiness decision allows* (``CHECKWORTHY_TYPES`` for a
check-worthy claim, ``OTHER_TYPES`` otherwise), so ``type`` and ``checkworthy`` always agree.

Both load lazily on first use (``np.load(..., allow_pickle=False)``, ``json``) and are cached.

Example:
    >>> from newskit.claims.model import load_model
    >>> model = load_model()
    >>> s = model.scores(["Unemployment fell to 4.1 percent last year.", "Thank you very much."])
    >>> bool(s[0] > s[1])
    True
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from newskit.claims import features as F
from newskit.claims.claim_types import CHECKWORTHY_TYPES, CLAIM_TYPES
from newskit.claims.signals import SIGNALS, signal_matrix
from newskit.errors import MissingDependencyError

WEIGHTS_FILE = "weights.npz"
TYPES_FILE = "claim_types.json"
_SEP = "\x00"  # separates vocabulary entries in the stored byte strings


@dataclass(frozen=True, eq=False)  # compared and hashed by identity (a cache key)
class _Block:
    """A sparse TF-IDF block: vocabulary, idf, and the model's weight per n-gram."""

    vocab: dict = field(repr=False)
    idf: np.ndarray = field(repr=False)
    coef: np.ndarray = field(repr=False)

    def ids(self, grams: list[str]) -> list[int]:
        """The vocabulary indices of the n-grams that are in the vocabulary, in order."""
        get = self.vocab.get
        return [i for i in map(get, grams) if i is not None]


@dataclass(frozen=True)
class ClaimModel:
    """The loaded check-worthiness model.

    Attributes:
        threshold: the default decision threshold on the calibrated score (the one that
            maximised F1 on the dev split; see ``meta``).
        meta: training facts written by ``newskit.claims.train`` (data, scores, seeds).
    """

    word: _Block = field(repr=False)
    char: _Block = field(repr=False)
    hand_coef: np.ndarray = field(repr=False)
    signal_coef: np.ndarray = field(repr=False)
    intercept: float
    platt: tuple[float, float]
    threshold: float
    meta: dict = field(repr=False)

    def decision(self, texts: list[str], signals: np.ndarray | None = None) -> np.ndarray:
        """Uncalibrated linear scores (what the trained scikit-learn models sum to).

        ``signals``: the rows of :func:`newskit.claims.signals.signal_matrix` for ``texts``
        (with what the other extractors found); by default computed from the text alone.
        """
        n = len(texts)
        if n == 0:
            return np.zeros(0)
        if signals is None:
            signals = signal_matrix([(t, (), (), None) for t in texts])
        norms = [F.normalise(t) for t in texts]
        out = np.full(n, self.intercept, dtype=np.float64)
        out += _block_scores(self.word, *self._word_indices(norms))
        out += _block_scores(self.char, *self._char_indices(norms))
        if len(self.hand_coef):  # the hand features are inputs only if trained with them
            out += F.hand_features(texts) @ self.hand_coef
        out += signals @ self.signal_coef
        return out

    def _word_indices(self, norms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Vocabulary indices of the word n-grams of all texts, one after the other, and how
        many belong to each text."""
        found: list[int] = []
        lengths = []
        for norm in norms:
            ids = self.word.ids(F.word_ngrams(norm))
            found += ids
            lengths.append(len(ids))
        return np.array(lengths, dtype=np.int64), np.array(found, dtype=np.int64)

    def _char_indices(self, norms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Vocabulary indices of the character n-grams of all texts, and how many per text.

        Character n-grams never cross words, so they are looked up once per distinct word
        (cached) and concatenated: per text, the same indices as ``char.ids(char_ngrams(norm))``.
        """
        parts: list[np.ndarray] = []
        lengths = []
        for norm in norms:
            words = [_word_char_index(self.char, w) for w in F.WHITESPACE.split(norm) if w]
            lengths.append(sum(map(len, words)))
            parts += words
        cols = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        return np.array(lengths, dtype=np.int64), cols

    def scores(self, texts: list[str], signals: np.ndarray | None = None) -> np.ndarray:
        """Calibrated check-worthiness scores in 0–1, one per text (``signals`` as in
        :meth:`decision`)."""
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * self.decision(texts, signals) + b)))


@functools.lru_cache(maxsize=200_000)
def _word_char_index(block: _Block, word: str) -> np.ndarray:
    return np.array(block.ids(F.char_ngrams(word)), dtype=np.int64)


def _block_scores(block: _Block, lengths: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Sum of coef * l2-normalised (1 + log tf) * idf for each text, vectorised over texts.

    ``indices`` holds the vocabulary indices of the n-grams of all texts, one text after the
    other; ``lengths[i]`` of them belong to text ``i``.

    Each (text, n-gram) pair is one integer key ``text * vocabulary size + n-gram``; sorting
    the keys groups repeats, whose run lengths are the term frequencies. Keys are 32-bit when
    they fit (sorting them is about twice as fast as 64-bit).
    """
    n = len(lengths)
    total = len(indices)
    if total == 0:
        return np.zeros(n)
    size = len(block.idf)
    dtype = np.int32 if n * size < 2**31 else np.int64
    keys = np.repeat(np.arange(n, dtype=dtype) * dtype(size), lengths)
    keys += indices.astype(dtype, copy=False)
    keys.sort()
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, total))
    rows, cols = np.divmod(keys[starts], dtype(size))
    values = (1.0 + np.log(counts)) * block.idf[cols]
    sq = np.bincount(rows, weights=values * values, minlength=n)
    dot = np.bincount(rows, weights=values * block.coef[cols], minlength=n)
    norm = np.sqrt(sq)
    return np.divide(dot, norm, out=np.zeros(n), where=norm > 0)


def _strings(array: np.ndarray) -> list[str]:
    return bytes(array).decode("utf-8").split(_SEP)


def encode_strings(items: list[str]) -> np.ndarray:
    """Strings as one uint8 array (how vocabularies are stored without pickle)."""
    return np.frombuffer(_SEP.join(items).encode("utf-8"), dtype=np.uint8)


def weights_path() -> Path:
    """Where the shipped weights live inside the package."""
    return Path(str(resources.files("newskit.claims").joinpath(WEIGHTS_FILE)))


def read_model(path: str | Path) -> ClaimModel:
    """Read a weights file written by ``newskit.claims.train`` (no pickle)."""
    path = Path(path)
    if not path.exists():
        raise MissingDependencyError(
            f"the claim model weights are missing: {path}. Reinstall newskit, or rebuild them "
            "with: pip install 'newskit[train]' && python -m newskit.claims.train"
        )
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        if tuple(meta["hand_names"]) not in ((), F.HAND_NAMES) or tuple(meta["signal_names"]) != SIGNALS:
            raise MissingDependencyError(
                f"{path} was trained with other hand features than this newskit version; "
                "retrain with: python -m newskit.claims.train"
            )
        blocks = {}
        for name in ("word", "char"):
            vocab = {g: i for i, g in enumerate(_strings(z[f"{name}_vocab"]))}
            blocks[name] = _Block(vocab, z[f"{name}_idf"].astype(np.float64),
                                  z[f"{name}_coef"].astype(np.float64))
        return ClaimModel(
            word=blocks["word"],
            char=blocks["char"],
            hand_coef=z["hand_coef"].astype(np.float64),
            signal_coef=z["signal_coef"].astype(np.float64),
            intercept=float(z["intercept"]),
            platt=(float(z["platt"][0]), float(z["platt"][1])),
            threshold=float(z["threshold"]),
            meta=meta,
        )


@functools.lru_cache(maxsize=1)
def load_model() -> ClaimModel:
    """The shipped model, loaded once and cached."""
    return read_model(weights_path())


@dataclass(frozen=True)
class TypeModel:
    """The loaded typing model: a multinomial logistic regression over the signals and the
    calibrated check-worthiness score (the last input), one row of weights per type.

    Attributes:
        types: the types, in row order (``CLAIM_TYPES``).
        inputs: the input names (``SIGNALS`` then ``"score"``).
        coef, intercept: the weights, ``coef[type, input]``.
        meta: training facts written by ``newskit.claims.train``.
    """

    types: tuple
    inputs: tuple
    coef: np.ndarray = field(repr=False)
    intercept: np.ndarray = field(repr=False)
    meta: dict = field(repr=False)

    def choose(self, signals: np.ndarray, scores: np.ndarray, checkworthy) -> list[tuple[str, str]]:
        """``(type, rule)`` per sentence: the most probable type within the allowed group.

        The rule names the input that added most to the chosen type's logit (``"quantity:q_any"``),
        or ``"<type>:prior"`` when no input did, so that every type can be traced.
        """
        if len(scores) == 0:
            return []
        x = np.column_stack([signals, scores])
        logits = x @ self.coef.T + self.intercept
        allowed = np.array([[t in CHECKWORTHY_TYPES for t in self.types]], dtype=bool)
        allowed = np.where(np.asarray(checkworthy, dtype=bool)[:, None], allowed, ~allowed)
        best = np.argmax(np.where(allowed, logits, -np.inf), axis=1)
        contribution = x * self.coef[best]
        strongest = np.argmax(contribution, axis=1)
        out = []
        for k, j, c in zip(best, strongest, contribution[np.arange(len(best)), strongest]):
            reason = self.inputs[j] if c > 0 else "prior"
            out.append((self.types[k], f"{self.types[k]}:{reason}"))
        return out


def types_path() -> Path:
    """Where the shipped typing weights live inside the package."""
    return Path(str(resources.files("newskit.claims").joinpath(TYPES_FILE)))


def read_type_model(path: str | Path) -> TypeModel:
    """Read a typing weights file written by ``newskit.claims.train``."""
    path = Path(path)
    if not path.exists():
        raise MissingDependencyError(
            f"the claim typing weights are missing: {path}. Reinstall newskit, or rebuild them "
            "with: pip install 'newskit[train]' && python -m newskit.claims.train"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["inputs"]) != SIGNALS + ("score",) or set(data["types"]) != set(CLAIM_TYPES):
        raise MissingDependencyError(
            f"{path} was trained with other signals or types than this newskit version; "
            "retrain with: python -m newskit.claims.train"
        )
    return TypeModel(
        types=tuple(data["types"]), inputs=tuple(data["inputs"]),
        coef=np.array(data["coef"], dtype=np.float64),
        intercept=np.array(data["intercept"], dtype=np.float64), meta=data.get("meta", {}),
    )


@functools.lru_cache(maxsize=1)
def load_type_model() -> TypeModel:
    """The shipped typing model, loaded once and cached."""
    return read_type_model(types_path())



#: why a claim is never check-worthy whatever its score: its field or its shape
FORCED_RULES = {"caption": "not_claim:caption", "furniture": "not_claim:furniture"}


def decide(texts: list[str], signals: np.ndarray, fields: list[str],
           threshold: float | None = None) -> list[tuple[float, bool, str, str, bool]]:
    """``(score, checkworthy, type, rule, hedged)`` per text: the decision of ``find_claims``.

    Captions and lines shaped like page furniture (``signals`` column ``furniture``) are never
    check-worthy and are typed ``not_claim``; every other text is check-worthy when its score
    reaches ``threshold`` (default: the model's) and is typed within the allowed group.

    Example:
        >>> from newskit import find_quantities
        >>> from newskit.claims.signals import signal_matrix
        >>> texts = ["Unemployment fell to 4.1 percent last year.", "Sign up for our newsletter."]
        >>> rows = [(t, tuple(find_quantities(t)), (), None) for t in texts]
        >>> [d[1:4] for d in decide(texts, signal_matrix(rows), ["body", "body"])]
        [(True, 'quantity', 'quantity:q_any'), (False, 'not_claim', 'not_claim:furniture')]
    """
    model = load_model()
    if threshold is None:
        threshold = model.threshold
    if not texts:
        return []
    scores = model.scores(texts, signals)
    furniture = signals[:, SIGNALS.index("furniture")] > 0
    caption = np.array([f == "caption" for f in fields], dtype=bool)
    checkworthy = (scores >= threshold) & ~furniture & ~caption
    typed = load_type_model().choose(signals, scores, checkworthy)
    hedged = signals[:, SIGNALS.index("hedge")] > 0
    out = []
    for k, (score, cw, (kind, rule)) in enumerate(zip(scores, checkworthy, typed)):
        if caption[k] or furniture[k]:
            kind, rule = "not_claim", FORCED_RULES["caption" if caption[k] else "furniture"]
        out.append((float(score), bool(cw), kind, rule, bool(hedged[k])))
    return out
