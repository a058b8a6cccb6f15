"""Sentence splitting with character offsets, on NLTK's Punkt with parameters newskit ships.

No NLTK data is downloaded: the Punkt parameters (abbreviations, titles) are filled from
``newskit/resources/abbreviations.txt``.

References:
    Kiss, T. and Strunk, J. (2006). Unsupervised Multilingual Sentence Boundary Detection.
    Computational Linguistics 32(4).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from newskit.spans import to_frame as _to_frame


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def _word_list(name: str) -> list[str]:
    lines = resources.files("newskit.resources").joinpath(name).read_text(encoding="utf-8")
    return [w.strip() for w in lines.splitlines() if w.strip() and not w.startswith("#")]


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_word_list("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets.

    Args:
        text: any string; an empty string gives an empty list.

    Returns:
        Sentences in order; ``text[s.start:s.end] == s.text`` for each.

    Example:
        >>> [s.text for s in split_sentences("Mr. Smith arrived at 5 p.m. on Oct. 26. He left.")]
        ['Mr. Smith arrived at 5 p.m. on Oct. 26.', 'He left.']
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str, not {type(text).__name__}")
    out = []
    for start, end in _tokenizer().span_tokenize(text):
        out.append(Sentence(start, end, text[start:end]))
    return out


def to_frame(sentences: list[Sentence]):
    """Sentences as a DataFrame with columns start, end, text."""
    return _to_frame(sentences, Sentence)
