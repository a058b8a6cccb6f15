"""newskit: claims, quoted sources and simple statistics in news text, for notebooks.

The public API is re-exported here and loaded lazily, so ``import newskit`` stays fast; the
``TYPE_CHECKING`` block at the end names every public name for editors and type checkers. The
modules are built in layers (see ``docs/architecture.md``); this lazy API is the only place that
loads modules by name.

Example:
    >>> import newskit
    >>> [s.text for s in newskit.split_sentences("Lt. Gen. Smith spoke. He left.")]
    ['Lt. Gen. Smith spoke.', 'He left.']
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "errors": "newskit.errors",
    "NewskitError": "newskit.errors",
    "Article": "newskit.article",
    "Removal": "newskit.article",
    "load": "newskit.loading",
    "load_corpus": "newskit.loading",
    "corpus_frame": "newskit.loading",
    "LoadError": "newskit.loading",
    "clean": "newskit.cleaning",
    "Sentence": "newskit.sentences",
    "split_sentences": "newskit.sentences",
    "Quantity": "newskit.quantities",
    "find_quantities": "newskit.quantities",
    "DateMention": "newskit.dates",
    "find_dates": "newskit.dates",
    "Quote": "newskit.quotes",
    "find_quotes": "newskit.quotes",
    "sources": "newskit.quotes",
    "Source": "newskit.quotes",
    "find_sources": "newskit.quotes",
    "Claim": "newskit.claims",
    "find_claims": "newskit.claims",
    "Analysis": "newskit.analysis",
    "analyze": "newskit.analysis",
    "analyze_corpus": "newskit.corpus",
    "CorpusResult": "newskit.corpus",
    "render_html": "newskit.analysis",
    "plot": "newskit.plot",
    "to_frame": "newskit.tables",
}

#: public names that are modules rather than functions or classes
_SUBMODULES = {"errors", "plot"}

__all__ = sorted(_API)


def __getattr__(name: str):
    module_name = _API.get(name)
    if module_name is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if name in _SUBMODULES else getattr(module, name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_API))


if TYPE_CHECKING:  # for editors and type checkers: every public name of _API (tests/test_package.py)
    from newskit import errors, plot  # noqa: F401
    from newskit.analysis import Analysis, analyze, render_html  # noqa: F401
    from newskit.article import Article, Removal  # noqa: F401
    from newskit.claims import Claim, find_claims  # noqa: F401
    from newskit.cleaning import clean  # noqa: F401
    from newskit.corpus import CorpusResult, analyze_corpus  # noqa: F401
    from newskit.dates import DateMention, find_dates  # noqa: F401
    from newskit.errors import NewskitError  # noqa: F401
    from newskit.loading import LoadError, corpus_frame, load, load_corpus  # noqa: F401
    from newskit.quantities import Quantity, find_quantities  # noqa: F401
    from newskit.quotes import Quote, Source, find_quotes, find_sources, sources  # noqa: F401
    from newskit.sentences import Sentence, split_sentences  # noqa: F401
    from newskit.tables import to_frame  # noqa: F401
