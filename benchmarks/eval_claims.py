"""Score newskit.find_claims on a CheckThat-style TSV, with uncertainty, calibration, errors.

The data: the English check-worthiness sentences of the CheckThat! lab, Task 1 (ClaimBuster
sentences from US presidential debates, labelled Yes/No; CC BY 4.0), public in the lab's
Task 1 repository on GitLab (linked from checkthat.gitlab.io, CLEF 2024 Task 1). Its English
dev-test file is the ``dev.tsv`` newskit's threshold was chosen on; any file with the columns
``Sentence_id``, ``Text`` and ``class_label`` works.

A sentence counts as positive when any claim ``find_claims`` returns for it is check-worthy;
the score is F1 of the positive class (the lab's official measure). The script adds a
bootstrap 95% interval for F1, the figures at other thresholds, a reliability table
(calibration), speed, the claim typing accuracy on ``tests/data/claim_types.tsv``, and
optionally the worst errors.

usage (from the project root):
    .venv/bin/python benchmarks/eval_claims.py dev.tsv
    .venv/bin/python benchmarks/eval_claims.py TSV --errors 15 [--threshold 0.5] [--seed 0]

The last line is ``checkworthy f1=...``.
"""
from __future__ import annotations

import argparse
import collections
import csv
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402
from newskit.claims.model import load_model  # noqa: E402


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int(np.sum(gold & pred)); fp = int(np.sum(~gold & pred)); fn = int(np.sum(gold & ~pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[tuple[str, int, float, float]]:
    """(bin, n, mean score, share positive) for equal-width score bins."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        if m.any():
            rows.append((f"{b / bins:.1f}-{(b + 1) / bins:.1f}", int(m.sum()),
                         float(p[m].mean()), float(y[m].mean())))
    return rows


def typing_accuracy(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader([line for line in fh if not line.startswith("#")],
                                   delimiter="\t"))
    out = {}
    for split in sorted({r["set"] for r in rows}) + ["all"]:
        ok, n = collections.Counter(), collections.Counter()
        for r in rows:
            if split != "all" and r["set"] != split:
                continue
            n[r["label"]] += 1
            ok[r["label"]] += newskit.find_claims(r["text"])[0].type == r["label"]
        out[split] = (sum(ok.values()) / sum(n.values()), sum(n.values()),
                      {k: f"{ok[k]}/{n[k]}" for k in sorted(n)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tsv", type=Path)
    ap.add_argument("--threshold", type=float, default=None, help="default: the shipped one")
    ap.add_argument("--errors", type=int, default=0, help="show the N most confident errors")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    with open(args.tsv, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    label_key = next(k for k in rows[0] if k.lower().startswith("class"))
    texts = [r["Text"] for r in rows]
    gold = np.array([r[label_key].strip().lower() == "yes" for r in rows])
    model = load_model()
    threshold = model.threshold if args.threshold is None else args.threshold

    t0 = time.perf_counter()
    claims = [newskit.find_claims(t, threshold=threshold) for t in texts]
    elapsed = time.perf_counter() - t0
    score = np.array([max((c.score for c in cs), default=0.0) for cs in claims])
    pred = np.array([any(c.checkworthy for c in cs) for cs in claims])

    print(f"{args.tsv}: n={len(rows)} yes={int(gold.sum())}; "
          f"find_claims {len(rows) / elapsed:.0f} sentences/s (one call per sentence)")
    print(f"threshold {threshold:.4f} ({model.meta.get('threshold_rule', '?')})")
    for t in sorted({0.3, 0.4, 0.5, 0.6, 0.7, round(threshold, 4)}):
        p, r, f = prf(gold, score >= t)
        print(f"  @{t:.4f}: P={p:.3f} R={r:.3f} F1={f:.4f}")
    rng = np.random.default_rng(args.seed)
    boots = []
    for _ in range(1000):
        i = rng.integers(0, len(rows), len(rows))
        boots.append(prf(gold[i], pred[i])[2])
    lo, hi = np.percentile(boots, [2.5, 97.5])
    P, R, F = prf(gold, pred)
    print(f"bootstrap 95% interval of F1 at the threshold: {lo:.3f}-{hi:.3f}")
    cv = model.meta.get("train_cv", {})
    if cv:
        print(f"train 5-fold CV at the threshold (from training): P={cv['precision']:.3f} "
              f"R={cv['recall']:.3f} F1={cv['f1']:.4f}")
    print(f"calibration: Brier={np.mean((score - gold) ** 2):.4f}")
    print("  bin        n   mean score  share yes")
    for b, n, ms, sy in reliability(score, gold.astype(float)):
        print(f"  {b}  {n:5d}   {ms:.3f}       {sy:.3f}")

    typing = typing_accuracy(ROOT / "tests" / "data" / "claim_types.tsv")
    for split, (acc, n, per) in typing.items():
        print(f"claim typing ({split}, {n} sentences): accuracy {acc:.3f}  {per}")

    if args.errors:
        wrong = np.flatnonzero(pred != gold)
        wrong = wrong[np.argsort(-np.abs(score[wrong] - threshold))][: args.errors]
        print(f"most confident errors (score, gold):")
        for i in wrong:
            print(f"  {score[i]:.2f} {'yes' if gold[i] else 'no '} {texts[i][:110]}")

    print(f"n={len(rows)} P={P:.3f} R={R:.3f}")
    print(f"checkworthy f1={F:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
