"""Running a corpus: :func:`analyze_corpus`, its chunks, and the pool of worker processes.

The sources are read lazily as work items (:mod:`newskit.corpus.items`), cut into chunks of
``chunk_size`` documents, and each chunk is analysed by
:func:`~newskit.corpus.chunk.analyze_items`, here (``jobs=1``) or on a pool of worker
processes, at most ``2 × jobs`` chunks in flight and results taken in input order. The
tables of each chunk go to a :class:`~newskit.corpus.storage.Sink` (in memory, or part files
under ``out``).

Worker processes are started with the "forkserver" method where there is one (safe with
threads, as in notebooks and Dask), else "spawn". Both import the calling script again in each
worker, so a script must call :func:`analyze_corpus` under ``if __name__ == "__main__":``;
without it, :func:`analyze_corpus` raises one :class:`~newskit.errors.WorkerStartError` that
says so, before starting any process (and, should a pool die before analysing anything, after
checking that workers cannot start at all), instead of failing on every document.

Example:
    >>> from newskit.samples import SAMPLES_DIR
    >>> result = analyze_corpus(SAMPLES_DIR, jobs=1, progress=False)
    >>> len(result.articles), len(result.errors)
    (7, 0)
"""
from __future__ import annotations

import ast
import collections
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from newskit.analysis import EXTRACTORS
from newskit.corpus.chunk import ChunkTables, analyze_items, start_worker, warm_up
from newskit.corpus.items import known_total, work_items
from newskit.corpus.result import CorpusResult
from newskit.corpus.schema import TABLES
from newskit.corpus.storage import OUTPUT_FORMATS, Sink, check_format
from newskit.errors import WorkerStartError

#: Articles per chunk sent to a worker (also the unit of progress and of part files).
DEFAULT_CHUNK_SIZE = 64

_GUARD_FIX = """\
Each worker process imports the calling script again (Python's "{method}" start method), so a \
call at the top level of the script would start the whole analysis again in every worker. Put \
the call under the main guard:

    if __name__ == "__main__":
        result = newskit.analyze_corpus(...)

or pass jobs=1 to analyse in this process."""


def analyze_corpus(sources, jobs: int | None = None, progress: bool = True, out=None,
                   format: str = "parquet", *, extractors: Iterable[str] | None = None,
                   fields: Mapping[str, str] | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE) -> CorpusResult:
    """Analyse many articles, in parallel, without losing any.

    Args:
        sources: a path, directory (recursive), glob pattern (``"news/**/*.jsonl"``), a list of
            these, an iterable of :class:`~newskit.article.Article` or texts (``str``; a str
            that names an existing file is read as a path), of records (dicts), or a pandas
            DataFrame with one article per row (a ``text`` column, and ``title``,
            ``published``, ``id`` … if known). Read lazily, in order.
        jobs: worker processes; None uses every core, 1 runs here without a pool. From a
            script, call ``analyze_corpus`` under ``if __name__ == "__main__":`` when
            ``jobs`` is not 1 (each worker imports the script again).
        progress: show a progress bar (tqdm: in a terminal or a notebook).
        out: a directory to write each chunk's tables to as it finishes (flat memory for any
            corpus size); the tables are then read from disk when used.
        format: ``"parquet"`` (needs pyarrow, the ``[parquet]`` extra), ``"csv"`` or ``"jsonl"``
            for ``out``.
        extractors: run only these (``"quantities"``, ``"dates"``, ``"quotes"``, ``"claims"``).
        fields: which JSON/CSV field or DataFrame column holds what (as for ``newskit.load``).
        chunk_size: articles per chunk (the unit of parallel work and of part files).

    Returns:
        A :class:`CorpusResult`. Documents that fail are rows of ``result.errors``.

    Raises:
        WorkerStartError: the worker processes cannot start (the message says why and what to
            do; most often a script without the ``__main__`` guard).

    Example:
        >>> from newskit.samples import SAMPLES_DIR
        >>> r = analyze_corpus([SAMPLES_DIR, "no/such/file.txt"], jobs=1, progress=False)
        >>> len(r.articles), r.errors.error.tolist()
        (7, ['SourceNotFoundError'])
    """
    extractors = _checked_extractors(extractors)
    _check_output_format(out, format)
    jobs = _cores() if jobs is None else jobs
    if jobs < 1 or chunk_size < 1:
        raise ValueError("jobs and chunk_size must be at least 1")
    if jobs > 1:
        _check_main_is_guarded(_mp_context())

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=known_total(sources), desc="analysing", unit="doc", smoothing=0.1)
    sink = Sink(out, format)
    chunks = _chunks(work_items(sources, fields), chunk_size)
    # with ``out``, each chunk's tables are written where they are made (in the worker)
    write_to = {} if out is None else {"out": str(sink.out), "format": format}

    def take(frames, n, part):
        sink.add(frames, part)
        if bar is not None:
            bar.update(n)

    try:
        if jobs == 1:
            warm_up(extractors)
            for part, chunk in enumerate(chunks):
                take(analyze_items(chunk, extractors, fields, part=part, **write_to), len(chunk), part)
        else:
            _Pool(jobs, extractors, fields, write_to).run(chunks, take)
    finally:
        if bar is not None:
            bar.close()
    return _result(sink)


def _checked_extractors(extractors: Iterable[str] | None) -> tuple[str, ...] | None:
    if extractors is None:
        return None
    extractors = tuple(extractors)
    unknown = set(extractors) - set(EXTRACTORS)
    if unknown:
        raise ValueError(f"unknown extractors {sorted(unknown)}; choose from {list(EXTRACTORS)}")
    return extractors


def _check_output_format(out, format: str) -> None:
    if out is not None:
        check_format(format)
    elif format not in OUTPUT_FORMATS:
        raise ValueError(f"format must be one of {list(OUTPUT_FORMATS)}, not {format!r}")


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _result(sink: Sink) -> CorpusResult:
    if sink.out is None:
        return CorpusResult(sink.frames())
    sink.write_manifest()
    return CorpusResult(out=sink.out, format=sink.format, counts=(sink.n_articles, sink.n_errors))


def _chunks(items: Iterator[tuple], size: int) -> Iterator[list[tuple[int, tuple]]]:
    chunk = []
    for doc, item in enumerate(items):
        chunk.append((doc, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --------------------------------------------------------------------------- worker processes


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:  # safe with threads (notebooks, Dask) and fast to start workers
        ctx = multiprocessing.get_context("forkserver")
        # imported once in the fork server, so that each worker starts with them loaded
        ctx.set_forkserver_preload(["newskit.corpus.chunk", "newskit.analysis", "pandas", "nltk.tokenize.punkt"])
        return ctx
    return multiprocessing.get_context("spawn")


def _check_main_is_guarded(ctx) -> None:
    """Raise :class:`WorkerStartError` before starting workers that would re-run the calling script.

    That is: workers import the main module again (not "fork"), the main module is a file
    (not a notebook, an interactive session or ``python -c``), and this call comes from a line
    of its top level that is not inside ``if __name__ == "__main__":``.
    """
    if ctx.get_start_method() == "fork":
        return
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if script is None:
        return
    line = _top_level_line(main)
    if line is None or _inside_main_guard(script, line):
        return
    raise WorkerStartError(
        f"newskit.analyze_corpus cannot start its worker processes: {script} calls it at its top "
        f"level (line {line}), outside `if __name__ == \"__main__\":`.\n"
        + _GUARD_FIX.format(method=ctx.get_start_method())
    )


def _top_level_line(main) -> int | None:
    """The line of the main module's top level that is running now (None if it is not)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_globals is vars(main) and frame.f_code.co_name == "<module>":
            return frame.f_lineno
        frame = frame.f_back
    return None


def _inside_main_guard(script: str, line: int) -> bool:
    """Whether ``line`` of ``script`` lies in the body of an ``if`` on ``__name__ == "__main__"``
    (True when the script cannot be read: then nothing is claimed about it)."""
    try:
        tree = ast.parse(Path(script).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return True
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and node.body and _tests_main_name(node.test):
            if node.body[0].lineno <= line <= node.body[-1].end_lineno:
                return True
    return False


def _tests_main_name(test: ast.expr) -> bool:
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    strings = {n.value for n in ast.walk(test) if isinstance(n, ast.Constant)}
    return "__name__" in names and "__main__" in strings


def _workers_start(ctx) -> bool:
    """Whether a worker process can start at all here (it runs one trivial task)."""
    try:
        with ProcessPoolExecutor(1, mp_context=ctx) as probe:
            probe.submit(int).result()
        return True
    except BrokenProcessPool:
        return False


class _Pool:
    """Chunks on a process pool, at most ``2 × jobs`` in flight, results taken in input order.

    If a worker process dies (a crash in native code, the out-of-memory killer), the pool is
    replaced, and each chunk that was in flight is re-run one document per process, so only
    the document that kills its process is lost, as a row of ``errors``. If the pool dies
    before any chunk is done and a worker cannot even start, that is one
    :class:`WorkerStartError`, not an error row per document.
    """

    def __init__(self, jobs: int, extractors, fields, write_to: Mapping) -> None:
        self.jobs, self.extractors, self.fields, self.write_to = jobs, extractors, fields, dict(write_to)
        self.pool = self._new_pool()
        self.workers_ran = False  # a chunk was done, or a worker was seen to start

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=_mp_context(), initializer=start_worker,
                                   initargs=(self.extractors,))

    def run(self, chunks: Iterator[list], take) -> None:
        pending: collections.deque = collections.deque()
        try:
            for part, chunk in enumerate(chunks):
                pending.append((part, chunk, self._submit(part, chunk), self.pool))
                while len(pending) >= 2 * self.jobs:
                    self._finish(*pending.popleft(), take)
            while pending:
                self._finish(*pending.popleft(), take)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, part: int, chunk: list):
        try:
            return self.pool.submit(analyze_items, chunk, self.extractors, self.fields, part=part, **self.write_to)
        except BrokenProcessPool:
            self.pool = self._new_pool()
            return self.pool.submit(analyze_items, chunk, self.extractors, self.fields, part=part, **self.write_to)

    def _finish(self, part: int, chunk: list, future, submitted_to, take) -> None:
        try:
            frames = future.result()
            self.workers_ran = True
        except Exception as err:  # noqa: BLE001 - the pool broke, or a result could not be sent back
            if isinstance(err, BrokenProcessPool):
                self._check_workers_start()
                if submitted_to is self.pool:
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self._new_pool()
            frames = _isolated(chunk, self.extractors, self.fields)  # in memory; the sink writes them
        take(frames, len(chunk), part)

    def _check_workers_start(self) -> None:
        if self.workers_ran:
            return
        ctx = _mp_context()
        if not _workers_start(ctx):
            raise WorkerStartError(
                "newskit.analyze_corpus: its worker processes die as they start, before analysing "
                "anything (see what they printed above). From a script, the usual cause is a call "
                "outside `if __name__ == \"__main__\":`.\n" + _GUARD_FIX.format(method=ctx.get_start_method())
            )
        self.workers_ran = True


def _isolated(chunk, extractors, fields) -> dict:
    """Re-run a chunk whose worker died, one document per fresh process, to find the culprit."""
    tables = ChunkTables()
    pieces = []
    for doc, item in chunk:
        try:
            with ProcessPoolExecutor(1, mp_context=_mp_context()) as pool:
                pieces.append(pool.submit(analyze_items, [(doc, item)], extractors, fields).result())
        except Exception as err:  # noqa: BLE001 - the process died on this document
            path = item[1] if item[0] == "path" else getattr(item[1], "path", None)
            tables.error(doc, getattr(item[1], "id", None), path if isinstance(path, str) else None, None,
                         "worker", type(err).__name__,
                         f"the worker process failed on this document ({err or type(err).__name__})")
    pieces.append(tables.frames())
    return _merge(pieces)


def _merge(pieces: list[dict]) -> dict:
    import pandas as pd

    out = {}
    for t in TABLES:
        frames = [p[t] for p in pieces if len(p[t])] or [pieces[0][t]]
        merged = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        out[t] = merged.sort_values("doc", kind="stable").reset_index(drop=True)
    return out
