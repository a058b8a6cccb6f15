"""How fast is analyze_corpus, and does its memory stay flat? Articles/s and peak memory.

usage: python benchmarks/speed_corpus.py [--n 1000 10000] [--jobs 1 2] [--chunk-size 64]
                                         [--profile 200] [--in-memory]

Generates N synthetic ~3 KB articles (a headline, a "Published:" line, a dateline and 4–9
paragraphs recombined from the sentences of the bundled fictional samples, so every extractor
has work) as .txt files in a temporary directory, then runs ``analyze_corpus(dir, jobs=J,
out=tmp)`` for each N and J (all extractors) and prints:

Each configuration runs in a fresh Python process (nothing inherited from an earlier run).

- wall time and articles/s (everything: start of the worker pool, reading, cleaning,
  analysis, writing parquet part files), per core, and the speed-up of J jobs over 1;
- start-up: the wall time of the same call on 1 article, once imports are done (what every
  call pays: starting the worker pool and warming the workers up), and the steady rate
  without it;
- CPU seconds of all processes and articles per CPU-second: the throughput a free core gives,
  whatever else runs on the machine;
- peak memory: the highest sum of the memory of this process and all its child processes
  (worker pool, fork server) — proportional set size (PSS) on Linux, so pages a forked worker
  shares with its parent count once — sampled every 0.25 s with psutil; it should not grow
  with N. (A PSS sample reads /proc/PID/smaps, about 1.3 ms per process: sampling every
  20 ms took a quarter of a core from the run it measured.)
- a profile: CPU milliseconds per article in each step (cleaning, sentences, each extractor,
  called as ``newskit.analyze`` calls them) on ``--profile`` articles in this process, so the
  bottleneck is named.

With ``--in-memory`` the tables are kept in memory instead of written to disk (then memory
grows with N by the size of the tables, as it must).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from newskit.corpus import analyze_corpus
from newskit.samples import load_samples
from newskit.sentences import split_sentences

TARGET_PER_CORE = 100  # articles/s per core, for 3 KB articles with all extractors


# --------------------------------------------------------------------------- synthetic corpus


def _pools():
    arts = load_samples()
    sentences = [s.text for a in arts for s in split_sentences(a.text) if len(s.text) > 30]
    titles = [a.title for a in arts if a.title]
    datelines = [a.dateline for a in arts if a.dateline] + ["LONDON", "NAIROBI", "LIMA"]
    return sentences, titles, datelines


def synthetic_article(i: int, pools, size: int = 3000) -> str:
    """One reproducible ~``size``-character article in scraped-text shape."""
    sentences, titles, datelines = pools
    rng = random.Random(i)
    day = 1 + i % 28
    lines = [f"{rng.choice(titles)} ({i})", f"Published: 2023-{1 + i % 12:02d}-{day:02d}", ""]
    body, length = [], 0
    while length < size - 250:
        para = " ".join(rng.sample(sentences, rng.randint(1, 3)))
        body.append(para)
        length += len(para) + 1
    body[0] = f"{rng.choice(datelines)} — {body[0]}"
    return "\n".join(lines + body) + "\n"


def write_corpus(directory: Path, n: int, pools) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        text = synthetic_article(i, pools)
        (directory / f"art{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


# --------------------------------------------------------------------------- memory sampling


class PeakMemory:
    """Samples this process and its descendants in a background thread: the peak of their summed
    resident memory, and their CPU seconds (the last value seen of each process)."""

    def __init__(self, interval: float = 0.25):
        import psutil

        self._psutil = psutil
        self.interval = interval
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._me = psutil.Process()

    def _sample(self) -> int:
        total = 0
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                total += self._memory(proc)
                t = proc.cpu_times()
                self._cpu[proc.pid] = t.user + t.system
            except (self._psutil.NoSuchProcess, self._psutil.AccessDenied):
                pass
        return total

    def _memory(self, proc) -> int:
        """Proportional set size where the OS gives it (shared pages split between the
        processes that share them, so forked workers are not counted twice), else RSS."""
        try:
            return proc.memory_full_info().pss
        except (AttributeError, self._psutil.AccessDenied):
            return proc.memory_info().rss

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self):
        self.peak = self._sample()
        self._cpu0 = dict(self._cpu)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def cpu_seconds(self) -> float:
        """CPU seconds used during the run by this process and its children (sampled)."""
        return sum(v - self._cpu0.get(pid, 0.0) for pid, v in self._cpu.items())


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


# --------------------------------------------------------------------------- runs


def run(corpus: Path, jobs: int, chunk_size: int, in_memory: bool, workdir: Path):
    """``(wall seconds, peak RSS bytes, CPU seconds, errors)`` of one analyze_corpus call."""
    out = None if in_memory else Path(tempfile.mkdtemp(dir=workdir, prefix=f"out-j{jobs}-"))
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        result = analyze_corpus(corpus, jobs=jobs, progress=False, out=out, chunk_size=chunk_size)
        wall = time.perf_counter() - t0
    return wall, mem.peak, mem.cpu_seconds, result.n_errors


def run_isolated(corpus: Path, one: Path, jobs: int, chunk_size: int, in_memory: bool, workdir: Path):
    """Start-up and measured run of one configuration in a fresh Python process.

    A fresh process per configuration, so that no earlier run's worker pool, fork server or
    caches are counted in (or help) this one.
    """
    import json
    import subprocess

    cmd = [sys.executable, __file__, "--child", str(corpus), str(one), str(jobs), str(chunk_size),
           "1" if in_memory else "0", str(workdir)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(argv) -> int:
    import json

    corpus, one, jobs, chunk_size, in_memory, workdir = argv
    args = (int(jobs), int(chunk_size), in_memory == "1", Path(workdir))
    run(Path(one), *args)  # imports and first use of everything in this process
    startup = run(Path(one), *args)[0]  # what every call costs: pool start, worker warm-up
    wall, peak, cpu, errors = run(Path(corpus), *args)
    print(json.dumps({"startup": startup, "wall": wall, "peak": peak, "cpu": cpu, "errors": errors}))
    return 0


def profile(pools, n: int) -> dict[str, float]:
    """CPU milliseconds per article in each step, in this process (after a warm-up).

    CPU time (``time.process_time``), not wall time, so that other programs on the machine do
    not inflate the figures. The steps are called as ``newskit.analyze`` calls them.
    """
    from newskit.analysis import analyze
    from newskit.claims import find_claims
    from newskit.cleaning import clean
    from newskit.dates import find_dates
    from newskit.quantities import find_quantities
    from newskit.quotes import find_quotes, find_sources

    texts = [synthetic_article(10_000_000 + i, pools) for i in range(n)]
    analyze(clean(texts[0]))  # warm-up: imports, word lists, model
    # the steps of newskit.analyze, with the same arguments (results found earlier handed over)
    steps = {
        "sentences": lambda art, found: split_sentences(art.text),
        "quantities": lambda art, found: find_quantities(art),
        "dates": lambda art, found: find_dates(art, reference=art.published),
        "quotes": lambda art, found: find_quotes(art),
        "claims": lambda art, found: find_claims(art, sentences=found["sentences"], quotes=found["quotes"],
                                                 quantities=found["quantities"], dates=found["dates"]),
        "sources": lambda art, found: find_sources(art, quotes=found["quotes"]),
    }
    totals = dict.fromkeys(["clean", *steps], 0.0)
    for text in texts:
        t0 = time.process_time()
        art = clean(text)
        totals["clean"] += time.process_time() - t0
        found = {}
        for name, step in steps.items():
            t0 = time.process_time()
            found[name] = step(art, found)
            totals[name] += time.process_time() - t0
    return {name: 1000 * seconds / n for name, seconds in totals.items()}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return _child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000], help="corpus sizes (default: 1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts (default: 1 2)")
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--profile", type=int, default=200, metavar="K",
                        help="articles for the per-step profile (0: skip)")
    parser.add_argument("--in-memory", action="store_true", help="keep tables in memory (no out=)")
    args = parser.parse_args(argv)

    pools = _pools()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"newskit corpus benchmark — python {sys.version.split()[0]}, {cores} cores available, "
          f"chunk size {args.chunk_size}, tables {'in memory' if args.in_memory else 'written as parquet parts'}")

    if args.profile:
        steps = profile(pools, args.profile)
        total = sum(steps.values())
        print(f"\nCPU time per article by step (1 process, {args.profile} synthetic articles):")
        for step, ms in sorted(steps.items(), key=lambda kv: -kv[1]):
            print(f"  {step:<11} {ms:7.2f} ms  {100 * ms / total:5.1f}%")
        print(f"  {'total':<11} {total:7.2f} ms  → at most {1000 / total:,.0f} articles/s per core "
              f"(target {TARGET_PER_CORE})")

    with tempfile.TemporaryDirectory(prefix="newskit-bench-") as tmp:
        workdir = Path(tmp)
        one = workdir / "one"
        write_corpus(one, 1, pools)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"\nload average before the runs: {load:.1f} (on {cores} cores; above {cores} other "
              f"programs compete for the CPU and wall-clock rates drop)")
        print(f"{'N':>6} {'jobs':>4} {'wall s':>8} {'art/s':>7} {'per core':>8} {'start s':>8} "
              f"{'steady art/s':>12} {'CPU s':>7} {'art/CPU-s':>9} {'peak mem':>10} {'errors':>6}")
        for n in args.n:
            corpus = workdir / f"corpus-{n}"
            size = write_corpus(corpus, n, pools)
            rates = {}
            for jobs in args.jobs:
                m = run_isolated(corpus, one, jobs, args.chunk_size, args.in_memory, workdir)
                startup, wall, peak, cpu, errors = m["startup"], m["wall"], m["peak"], m["cpu"], m["errors"]
                rate = n / wall
                steady = n / max(wall - startup, 1e-9)
                rates[jobs] = rate
                print(f"{n:>6} {jobs:>4} {wall:>8.1f} {rate:>7.1f} {rate / jobs:>8.1f} {startup:>8.1f} "
                      f"{steady:>12.1f} {cpu:>7.1f} {n / max(cpu, 1e-9):>9.1f} {_mb(peak):>10} {errors:>6}")
            if 1 in rates:
                ups = ", ".join(f"{j} jobs {rates[j] / rates[1]:.2f}x" for j in args.jobs if j != 1)
                if ups:
                    print(f"{'':>6} speed-up over 1 job: {ups}  (mean article {size / n / 1000:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
