"""Speed of newskit.split_sentences on news text and on inputs built to provoke slow paths.

usage: python benchmarks/speed_sentences.py [--mb 5]

Each input is about ``--mb`` megabytes. Prints seconds, MB/s and the number of sentences, and
for comparison the time of NLTK's untrained PunktSentenceTokenizer.span_tokenize on the news
input. A linear-time splitter shows similar MB/s on every line; a quadratic one stalls on the
adversarial inputs (long runs of dots, "a. a. a.", bullets, brackets, text without spaces).
"""
from __future__ import annotations

import argparse
import time

from newskit.samples import load_samples
from newskit.sentences import split_sentences

NEWS_EXTRA = (
    "Lt. Gen. Smith said on Oct. 26 that the U.S. would act. “It is 3.5 percent.” He left at "
    "5 p.m. Monday. At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then "
    "left. 1.) The first item 2.) The second item. I never meant that.... She left."
)


def inputs(megabytes: float) -> dict[str, str]:
    n = int(megabytes * 1_000_000)
    news = "\n\n".join([a.text for a in load_samples()] + [NEWS_EXTRA])
    units = {
        "news": news + "\n\n",
        "news, one paragraph": news.replace("\n", " ") + " ",
        "dots": ".",
        "dots then x": ".",
        "spaced dots": ". ",
        "a. a. a.": "a. ",
        "numbered labels": "1. x 2. y ",
        "bullets": "• 1. x ",
        "[...]": "[...] ",
        "no spaces": "ab.c?",
    }
    out = {name: (unit * (n // len(unit) + 1))[:n] for name, unit in units.items()}
    out["dots then x"] = out["dots then x"][:-1] + "x"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each input in MB")
    args = parser.parse_args()

    split_sentences("Warm up. The Punkt parameters load once.")
    texts = inputs(args.mb)
    for name, text in texts.items():
        t0 = time.perf_counter()
        n = len(split_sentences(text))
        dt = time.perf_counter() - t0
        print(f"{name:22s} {len(text) / 1e6:5.1f} MB {dt:6.2f} s {len(text) / 1e6 / dt:6.1f} MB/s"
              f" {n:9d} sentences")

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    t0 = time.perf_counter()
    n = sum(1 for _ in PunktSentenceTokenizer().span_tokenize(texts["news"]))
    dt = time.perf_counter() - t0
    print(f"{'nltk Punkt (news)':22s} {len(texts['news']) / 1e6:5.1f} MB {dt:6.2f} s"
          f" {len(texts['news']) / 1e6 / dt:6.1f} MB/s {n:9d} sentences")


if __name__ == "__main__":
    main()
