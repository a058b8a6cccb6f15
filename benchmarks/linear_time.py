"""Does newskit take linear time on large texts? Times each stage on 1, 5, 10, 25 and 50 MB.

usage: python benchmarks/linear_time.py [--sizes 1,5,10,25,50] [--stages clean,sentences,...]

The text is the bundled sample articles repeated (with paragraph breaks) up to each size.
Prints seconds and MB/s per stage and size, and the ratio time(largest)/time(smallest) divided by
the size ratio: about 1.0 means linear; much more than 1 means super-linear growth.
"""
from __future__ import annotations

import argparse
import importlib
import time

from newskit.samples import load_samples

STAGES = {
    "clean": ("newskit.cleaning", "clean"),
    "sentences": ("newskit.sentences", "split_sentences"),
    "quantities": ("newskit.quantities", "find_quantities"),
    "dates": ("newskit.dates", "find_dates"),
    "quotes": ("newskit.quotes", "find_quotes"),
    "claims": ("newskit.claims", "find_claims"),
}


def corpus_text(megabytes: float) -> str:
    base = "\n\n".join(a.text for a in load_samples())
    reps = int(megabytes * 1_000_000 / len(base)) + 1
    return "\n\n".join([base] * reps)[: int(megabytes * 1_000_000)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,5,10,25,50", help="sizes in MB, comma-separated")
    ap.add_argument("--stages", default=",".join(STAGES), help="stages to time, comma-separated")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    for stage in args.stages.split(","):
        module, name = STAGES[stage]
        try:
            func = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as err:
            print(f"{stage:<10} not available: {err}")
            continue
        func("Warm up: load word lists and models. It is done.")  # not part of the timing
        times = []
        for size in sizes:
            text = corpus_text(size)
            t0 = time.perf_counter()
            func(text)
            times.append(time.perf_counter() - t0)
            print(f"{stage:<10} {size:6.1f} MB {times[-1]:8.2f} s {size / times[-1]:8.2f} MB/s", flush=True)
        growth = (times[-1] / times[0]) / (sizes[-1] / sizes[0])
        print(f"{stage:<10} growth vs linear: {growth:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
