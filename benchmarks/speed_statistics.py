"""Speed of newskit's statistics extractors against quantulum3 and dateparser, in one process.

Run from the project root (the peers are the ``[bench]`` extra)::

    .venv/bin/python benchmarks/speed_statistics.py [--n 1000] --data DIR

The sentences are real news: the TempEval-3 TimeBank/AQUAINT articles in ``DIR/dates/tbaq``
(TBAQ-cleaned: ``data/TempEval3/Training/TBAQ-cleaned`` in the public repository
github.com/qiangning/StructTempRel-EMNLP17; split with ``newskit.split_sentences``), topped up
with the ClaimBuster sentences of ``DIR/claims/dev.tsv`` (the CheckThat! Task 1 English
dev-test file) if needed. Inside the newskit workspace ``DIR`` defaults to ``../shared/data``. Every tool gets the
same sentences; each is warmed up on one sentence first (model and table loading is
reported separately, not timed as throughput). Timed:

* newskit: ``find_quantities(s)`` + ``find_dates(s, reference=...)`` per sentence
  (``find_quantities`` alone is reported too);
* quantulum3: ``quantulum3.parser.parse(s)`` (without its scikit-learn disambiguation
  classifier when the shipped pickle does not load, which only makes it faster);
* dateparser: ``dateparser.search.search_dates(s, languages=["en"])`` (fixing the language
  is the fastest documented setting).

Prints sentences/second (and articles/second: sentences/second divided by the mean number of
sentences per article used) for each, and the ratios newskit / peer.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("NEWSKIT_SHARED_DATA", ROOT.parent / "shared" / "data"))
REFERENCE = dt.date(2017, 11, 4)


def news_sentences(data: Path, n: int, stats: dict | None = None) -> list[str]:
    """Up to ``n`` news sentences of 20-400 characters from the TE3 articles and claims.

    ``stats`` (if given) receives the mean number of sentences per TE3 article."""
    import newskit

    out: list[str] = []
    tml = sorted((data / "dates" / "tbaq").rglob("*.tml"))
    if stats is not None:
        stats["articles"] = 0
    for path in tml:
        if len(out) >= n:
            break
        if stats is not None:
            stats["articles"] += 1
        raw = path.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        body = re.sub(r"<[^>]+>", "", m.group(1) if m else raw)
        for s in newskit.split_sentences(body):
            t = " ".join(s.text.split())
            if 20 <= len(t) <= 400:
                out.append(t)
    claims = data / "claims" / "dev.tsv"
    if len(out) < n and claims.exists():
        with open(claims, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                t = " ".join(row["Text"].split())
                if 20 <= len(t) <= 400:
                    out.append(t)
    return out[:n]


def timed(fn, sentences: list[str]) -> float:
    t0 = time.perf_counter()
    for s in sentences:
        fn(s)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of sentences (default 1000)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not (args.data / "dates" / "tbaq").exists():
        print(f"development data not found under {args.data}; skipping the speed benchmark")
        return 0
    stats: dict = {}
    sentences = news_sentences(args.data, args.n, stats)
    n_chars = sum(map(len, sentences))
    per_article = len(sentences) / max(stats.get("articles", 1), 1)
    print(f"{len(sentences)} news sentences from {stats.get('articles')} articles "
          f"({per_article:.1f} sentences per article), {n_chars} characters, one process")

    import newskit

    t0 = time.perf_counter()
    newskit.find_quantities(sentences[0])
    print(f"newskit find_quantities first call (import + pattern compile): {time.perf_counter() - t0:.2f} s")
    try:
        from newskit.dates import find_dates
    except ImportError:
        find_dates = None
        print("newskit.dates is not available yet: timing quantities only")
    if find_dates is not None:
        t0 = time.perf_counter()
        find_dates(sentences[0], reference=REFERENCE)
        print(f"newskit find_dates first call: {time.perf_counter() - t0:.2f} s")

    def newskit_both(s: str):
        newskit.find_quantities(s)
        if find_dates is not None:
            find_dates(s, reference=REFERENCE)

    try:
        from quantulum3 import parser as q3
        from dateparser.search import search_dates
    except ImportError as e:  # pragma: no cover - benchmark-only dependencies
        print(f"peer not installed ({e}); install the extra: pip install 'newskit[bench]'")
        return 1
    warnings.filterwarnings("ignore")
    t0 = time.perf_counter()
    from quantulum3 import classifier as q3_classifier

    try:
        if q3_classifier.USE_CLF:
            q3_classifier.classifier("en_US")
    except Exception as e:  # its shipped classifier pickle may not load with this scikit-learn
        q3_classifier.USE_CLF = False
        print(f"quantulum3's disambiguation classifier does not load here ({type(e).__name__}: {e}); "
              "running it without the classifier (its documented fallback, which is faster, so the "
              "ratios below are conservative)")
    q3.parse(sentences[0])
    print(f"quantulum3 first call: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    search_dates(sentences[0], languages=["en"])
    print(f"dateparser first call: {time.perf_counter() - t0:.2f} s")

    def dp(s: str):
        search_dates(s, languages=["en"], settings={"RELATIVE_BASE": dt.datetime(2017, 11, 4)})

    results = {}
    results["newskit find_quantities"] = timed(newskit.find_quantities, sentences)
    results["newskit quantities+dates"] = timed(newskit_both, sentences)
    results["quantulum3 parse"] = timed(q3.parse, sentences)
    results["dateparser search_dates"] = timed(dp, sentences)

    n = len(sentences)
    print()
    for name, secs in results.items():
        print(f"{name:<28} {secs:8.2f} s  {n / secs:10.1f} sentences/s  {n / secs / per_article:8.1f} articles/s")
    ours = results["newskit quantities+dates"]
    print()
    label = "newskit quantities+dates" if find_dates is not None else "newskit quantities (no dates module)"
    r_q = results["quantulum3 parse"] / ours
    r_d = results["dateparser search_dates"] / ours
    print(f"{label} vs quantulum3: {r_q:.1f}x faster")
    print(f"{label} vs dateparser: {r_d:.1f}x faster")
    print(f"newskit find_quantities alone vs quantulum3: "
          f"{results['quantulum3 parse'] / results['newskit find_quantities']:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
