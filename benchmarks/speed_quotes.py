"""Throughput of newskit.find_quotes, beside textacy's ``direct_quotations`` where it can run.

textacy needs spaCy and a trained English pipeline with a dependency parser (en_core_web_sm).
Where these are missing the script says so and reports newskit's own throughput only.

usage:
    python benchmarks/speed_quotes.py [DIR_OF_TXT_OR_POLNEAR] [--repeat N] [--limit N]

DIR is a folder of .txt articles, such as PolNeAR's ``data/dev/text`` (public:
github.com/networkdynamics/PolNeAR). Without it: the newskit workspace's copy of PolNeAR where
there is one, else the bundled samples.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(path: Path | None, limit: int) -> list[str]:
    candidates = [path] if path else [ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "dev",
                                       ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "train",
                                       ROOT / "newskit" / "data" / "samples"]
    texts: list[str] = []
    for c in candidates:
        if c is None or not c.exists():
            continue
        folder = c / "text" if (c / "text").is_dir() else c
        for f in sorted(folder.glob("*.txt")):
            texts.append(f.read_text(encoding="utf-8", errors="replace"))
            if len(texts) >= limit:
                return texts
    return texts


def time_it(fn, texts, repeat):
    best = float("inf")
    n_out = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_out = sum(len(fn(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return best, n_out


def textacy_runner():
    """A callable text -> list of direct quotations with textacy, or (None, reason)."""
    try:
        import spacy  # noqa: F401
        from textacy.extract import triples
    except ImportError as err:
        return None, (f"{err.name} is not installed (pip install textacy), and its spaCy pipeline "
                      "en_core_web_sm is not on the package index here (pip install en_core_web_sm "
                      "finds no distribution), so textacy.extract.triples.direct_quotations "
                      "cannot run; newskit's own throughput only")
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm")
    except OSError:
        return None, ("spaCy model en_core_web_sm is not installed and is not on the package "
                      "index here, so textacy.extract.triples.direct_quotations cannot run")
    return (lambda t: list(triples.direct_quotations(nlp(t)))), None


def main(argv=None) -> int:
    import newskit
    from newskit.quotes import find_quotes

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args(argv)
    texts = corpus(args.path, args.limit)
    if not texts:
        print("no texts found")
        return 1
    chars = sum(len(t) for t in texts)
    find_quotes(texts[0])  # load the word lists once, outside the timing
    sec, n = time_it(find_quotes, texts, args.repeat)
    print(f"newskit {newskit.__version__}: {len(texts)} articles, {chars / 1e6:.2f} M chars, "
          f"{n} quotes in {sec:.2f} s -> {len(texts) / sec:.0f} articles/s, {chars / sec / 1e3:.0f} k chars/s")
    run, reason = textacy_runner()
    if run is None:
        print(f"textacy: not run: {reason}")
        print(f"speed newskit_articles_per_s={len(texts) / sec:.1f} textacy=NA ratio=NA")
        return 0
    run(texts[0])
    tsec, tn = time_it(run, texts, 1)
    print(f"textacy direct_quotations: {tn} direct quotes in {tsec:.2f} s -> {len(texts) / tsec:.1f} articles/s")
    print(f"speed newskit_articles_per_s={len(texts) / sec:.1f} textacy={len(texts) / tsec:.1f} "
          f"ratio={tsec / sec:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
