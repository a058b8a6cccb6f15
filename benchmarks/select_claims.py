"""How newskit's check-worthiness configuration was chosen: grouped CV on train only.

Runs the grouped 5-fold cross-validation of ``newskit.claims.train`` (debates and articles never
split across folds; dev is not read) for each variant below and prints, per variant, the debate
and news CV F1 (mean ± sd over folds, threshold for fold k chosen on the other folds by the
prevalence-robust rule) and the out-of-fold average precision. The shipped configuration is the
constants of ``newskit/claims/train.py``; each variant changes some of them.

usage:
    python benchmarks/select_claims.py [--data ../shared/data] [--only NAME ...]

Slow (a few minutes per variant on one core); not part of the tests.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newskit.claims import train as T  # noqa: E402

#: name -> constants of newskit.claims.train to change ("dense": False drops the hand features
#: and the signals, "hand" keeps only the hand features, "signals" only the signals)
VARIANTS = {
    "shipped (signals, no hand features)": {},
    "hand features and signals": {"HAND_FEATURES": True},
    "no hand features or signals": {"dense": False},
    "hand features, no signals": {"HAND_FEATURES": True, "dense": "hand"},
    "LR only (no SVM)": {"SVM_C": 0},
    "no class weights": {"balanced": False},
    "char 1-6 (as before issue 16)": {"CHAR_RANGE": (1, 6)},
    "news weight 1": {"NEWS_WEIGHT": 1.0},
    "news weight 20": {"NEWS_WEIGHT": 20.0},
    "debates only (news not in training)": {"NEWS_WEIGHT": 0.0},
}


def average_precision(y, s) -> float:
    order = np.argsort(-s)
    hits = y[order] == 1
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].mean()) if hits.any() else 0.0


def run(name: str, change: dict, data: Path) -> None:
    saved = {k: getattr(T, k) for k in change if hasattr(T, k)}
    for k, v in change.items():
        if hasattr(T, k):
            setattr(T, k, v)
    try:
        t0 = time.time()
        units, y, weights = T.load_training(data, log=lambda *a: None)
        keep = weights > 0
        units = [u for u, k in zip(units, keep) if k]
        y, weights = y[keep], weights[keep]
        word, char = T.new_counts()
        d = T.design(units, word, char)
        n_hand = len(T.F.HAND_NAMES)
        if change.get("dense") is False:
            d.dense = d.dense[:, :0]
        elif change.get("dense") == "hand":
            d.dense = d.dense[:, :n_hand]
        fit = T.fit
        if change.get("balanced") is False:
            original = T.balanced
            T.balanced = lambda yy, w: w.astype(np.float64)
        try:
            cv = T.cross_validate(lambda tr, te: fit(d.rows(tr), y[tr], weights[tr]).decision(d.rows(te)),
                                  y, [u.group for u in units], log=lambda *a: None)
        finally:
            if change.get("balanced") is False:
                T.balanced = original
        s = cv.summary()
        news = ~np.char.startswith(np.array([u.group for u in units]).astype(str), "debate-")
        ap_news = average_precision(y[news], cv.oof[news]) if news.any() else float("nan")
        print(f"{name:38} {s['debate_f1_mean']:.4f} ± {s['debate_f1_sd']:.4f}   "
              f"{s['news_f1_mean']:.4f} ± {s['news_f1_sd']:.4f}   "
              f"{average_precision(y[~news], cv.oof[~news]):.4f}  {ap_news:.4f}  ({time.time() - t0:.0f}s)",
              flush=True)
    finally:
        for k, v in saved.items():
            setattr(T, k, v)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=T.DEFAULT_DATA)
    ap.add_argument("--only", nargs="*", default=None)
    args = ap.parse_args(argv)
    print(f"{'variant':38} {'debate CV F1':>16} {'news CV F1':>18}   AP deb  AP news")
    for name, change in VARIANTS.items():
        if args.only is None or name in args.only:
            run(name, change, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
