"""Catastrophic-backtracking check: every extractor on long runs of the shapes that hurt regexes.

usage: python benchmarks/pathological.py [--lengths 10000,100000] [--budget 10]

For each shape (a unit repeated: digits, dots, spaces, quote marks, titles, "said, ", spelled
numbers …) and each length, prints the seconds each extractor takes. Time should grow about
linearly with length (ratio column ≈ length ratio); a shape over ``--budget`` seconds is
flagged SLOW and the exit status is 1. Timing lives here, not in the tests
(tests/test_hostile_input.py only checks that these shapes finish with valid spans).
"""
from __future__ import annotations

import argparse
import sys
import time

import newskit

UNITS = {
    "digits": "1", "dots": ".", "spaces": " ", "straight quotes": '"', "curly opens": "“",
    "single curly": "‘", "hyphens": "-", "newlines": "\n", "parens": "(", "dollars": "$",
    "thousands": "1,0", "titles": "Mr. ", "initials": "A. ", "said": "said, ",
    "qualifiers": "more than ", "quoted said": "“a,” he said. ",
    # runs of spelled numbers (each number of a run used to re-match the rest of it)
    "spelled ones": "one ", "one, one": "one, ", "one-one": "one-", "halves": "half ",
    "twenty-one": "twenty-one ", "a dozen": "a dozen ", "a hundred and": "a hundred and ",
    "hundreds of": "hundreds of thousands of ", "one-and-a-half": "one-and-a-half ", "1 000": "1 000 ",
}
EXTRACTORS = ["clean", "split_sentences", "find_quantities", "find_dates", "find_quotes", "find_claims"]


def timed(func, text: str) -> float:
    t0 = time.perf_counter()
    try:
        func(text)
    except newskit.errors.NewskitError:
        pass
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lengths", default="10000,100000", help="characters per shape, comma-separated")
    ap.add_argument("--budget", type=float, default=10.0, help="seconds allowed per call at the largest length")
    args = ap.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    slow = 0
    print(f"{'shape':<16} {'extractor':<16} " + " ".join(f"{n:>10,}" for n in lengths) + "   growth/linear")
    for shape, unit in UNITS.items():
        for name in EXTRACTORS:
            func = getattr(newskit, name)
            times = [timed(func, (unit * (n // len(unit) + 1))[:n]) for n in lengths]
            growth = (times[-1] / max(times[0], 1e-6)) / (lengths[-1] / lengths[0])
            flag = "  SLOW" if times[-1] > args.budget else ""
            slow += bool(flag)
            print(f"{shape:<16} {name:<16} " + " ".join(f"{t:10.3f}" for t in times) + f"   {growth:6.2f}{flag}",
                  flush=True)
    print(f"pathological: {slow} slow of {len(UNITS) * len(EXTRACTORS)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
