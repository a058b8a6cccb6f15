"""What :func:`~newskit.corpus.analyze_corpus` reads: its sources as work items, lazily.

A work item is a small tuple a worker process can take: ``("path", p)`` for a file read in
the worker (one article per file: ``.txt``, ``.html``), ``("article", a)``, ``("record", r,
name, i)`` for a JSON/CSV record or a DataFrame row, ``("text", s)``, or ``("error",
LoadError)`` for what could not be read here. Files with several articles (JSON Lines, CSV …)
are streamed here, one record item per article.

Example:
    >>> [item[0] for item in work_items(["A text.", {"text": "A record."}])]
    ['text', 'record']
"""
from __future__ import annotations

import glob
import operator
import os
from typing import Iterator, Mapping

from newskit.article import Article
from newskit.loading import FORMATS, LoadError, expand_sources, load_corpus, looks_like_path
from newskit.tables import is_missing

#: File types read inside the workers (one article per file); others are streamed here.
_SINGLE_RECORD = {"txt", "html"}


def is_path(source: str) -> bool:
    """Whether a str in a list of sources names files (else it is the text of an article).

    A missing file with a known extension counts as a path (it is reported as not found).
    """
    if looks_like_path(source):
        return True
    return ("\n" not in source and len(source) < 1024 and any(ch in source for ch in "*?[")
            and bool(glob.glob(source, recursive=True)))


def _path_items(source, fields) -> Iterator[tuple]:
    for path in expand_sources(source):
        fmt = FORMATS.get(path.suffix.lower())
        if fmt in _SINGLE_RECORD or not path.exists():
            yield ("path", str(path))
        else:  # several articles per file (JSON Lines, CSV …): stream them from here
            for item in load_corpus(path, fields=fields):
                yield ("error", item) if isinstance(item, LoadError) else ("article", item)


def frame_items(frame, name: str = "frame") -> Iterator[tuple]:
    """One ``record`` item per row; its number is the row's integer index label (else position)."""
    step = 1024
    for lo in range(0, len(frame), step):
        part = frame.iloc[lo:lo + step]
        for j, (label, record) in enumerate(zip(part.index, part.to_dict("records"))):
            try:
                number = operator.index(label)
            except TypeError:
                number = lo + j
            clean = {str(k): (None if is_missing(v) else v) for k, v in record.items()}
            yield ("record", clean, name, number)


def work_items(sources, fields=None) -> Iterator[tuple]:
    """Work items, lazily: ``("path", p)``, ``("article", a)``, ``("record", r, name, i)``,
    ``("text", s)`` or ``("error", LoadError)``."""
    import pandas as pd

    if isinstance(sources, pd.DataFrame):
        yield from frame_items(sources)
        return
    if isinstance(sources, (str, os.PathLike)):
        yield from _path_items(sources, fields)
        return
    if isinstance(sources, (Article, LoadError, Mapping)):
        sources = [sources]
    for i, src in enumerate(sources):
        if isinstance(src, Article):
            yield ("article", src)
        elif isinstance(src, LoadError):
            yield ("error", src)
        elif isinstance(src, pd.DataFrame):
            yield from frame_items(src)
        elif isinstance(src, Mapping):
            yield ("record", dict(src), "records", i)
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and is_path(src)):
            yield from _path_items(src, fields)
        elif isinstance(src, str):
            yield ("text", src)
        else:
            yield ("error", LoadError(f"<item {i}>", f"cannot analyse a {type(src).__name__}: expected a "
                                      "path, an Article, a str or a record (dict)", "TypeError"))


def known_total(sources) -> int | None:
    """The number of documents when it is known before reading (for the progress bar)."""
    import pandas as pd

    if isinstance(sources, pd.DataFrame):
        return len(sources)
    if isinstance(sources, (list, tuple)) and all(
            isinstance(s, (Article, LoadError, Mapping)) or (isinstance(s, str) and not is_path(s))
            for s in sources):
        return len(sources)
    return None
