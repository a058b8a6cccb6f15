"""newskit's claim types against our hand-labelled claim-typing set (issue 16).

Reads ``benchmarks/labels/claim_types.tsv`` (references into the development data, see
``benchmarks/refs.py``), runs ``newskit.find_claims(sentence)`` once per sentence and compares
the first claim's ``.type`` with our label. Since issue 16 newskit uses the set's ten types, so
exact and mapped accuracy are the same figure (``TO_NEWSKIT`` is empty; before, ``attributed``
and ``event`` were mapped to newskit's ``other`` and ``opinion`` to its ``not_claim``).
``benchmarks/eval_claims.py`` gives the same accuracy scoring each sentence in its paragraph. Also: how often newskit gives each type, a confusion table,
and agreement on check-worthiness (a sentence is positive when any returned claim is).

The set is frozen for evaluation: do not tune on it.

usage:
    python benchmarks/eval_claim_types.py [--set benchmarks/labels/claim_types.tsv] [--data DIR]

The last line is ``claim_types accuracy=...`` (exact); without the data folder the script says
so and stops cleanly.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import refs  # noqa: E402

#: our label -> newskit's type (empty since issue 16: newskit uses the same ten types)
TO_NEWSKIT: dict = {}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(ROOT / "benchmarks" / "labels" / "claim_types.tsv"))
    ap.add_argument("--data", default=None)
    a = ap.parse_args(argv)
    data = refs.data_dir(a.data)
    if not data.is_dir():
        print(f"data folder {data} is absent: nothing to score")
        print("claim_types accuracy=skipped")
        return 0
    rows = refs.read_set(a.set)
    problems = refs.check(rows, data)
    if problems:
        print("\n".join(problems))
        print("claim_types accuracy=skipped (set does not resolve)")
        return 1

    import newskit

    gold, pred, gold_cw, pred_cw = [], [], [], []
    for r in rows:
        claims = newskit.find_claims(r.text(data))
        gold.append(r.labels["type"])
        pred.append(claims[0].type if claims else "(none)")
        gold_cw.append(r.labels["checkworthy"] == "1")
        pred_cw.append(any(c.checkworthy for c in claims))
    n = len(rows)
    mapped = [TO_NEWSKIT.get(g, g) for g in gold]
    exact = sum(g == p for g, p in zip(gold, pred)) / n
    acc_mapped = sum(g == p for g, p in zip(mapped, pred)) / n

    print(f"{n} sentences from {a.set}")
    pc, gc = collections.Counter(pred), collections.Counter(gold)
    print("newskit's types: " + ", ".join(f"{t} {c} ({c / n:.0%})" for t, c in pc.most_common()))
    print("our types:       " + ", ".join(f"{t} {c} ({c / n:.0%})" for t, c in gc.most_common()))
    print(f"mapped accuracy={acc_mapped:.3f} (no mapping since issue 16)")
    cw = [i for i in range(n) if gold_cw[i]]
    if cw:
        print(f"mapped accuracy on our {len(cw)} check-worthy sentences="
              f"{sum(mapped[i] == pred[i] for i in cw) / len(cw):.3f}; on the other {n - len(cw)}="
              f"{sum(mapped[i] == pred[i] for i in range(n) if not gold_cw[i]) / max(1, n - len(cw)):.3f}")

    cols = sorted(pc, key=lambda t: -pc[t])
    print("\nconfusion (rows: our type, columns: newskit's type)")
    print(f"{'':12}" + "".join(f"{c[:9]:>10}" for c in cols) + f"{'right':>8}")
    for g, _ in gc.most_common():
        cells = collections.Counter(p for gg, p in zip(gold, pred) if gg == g)
        right = cells[TO_NEWSKIT.get(g, g)]
        print(f"{g:12}" + "".join(f"{cells[c]:>10}" for c in cols) + f"{right:>5}/{gc[g]}")

    tp = sum(g and p for g, p in zip(gold_cw, pred_cw))
    fp = sum(p and not g for g, p in zip(gold_cw, pred_cw))
    fn = sum(g and not p for g, p in zip(gold_cw, pred_cw))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"\ncheck-worthiness: P={prec:.3f} R={rec:.3f} F1={f1:.3f} "
          f"(ours {sum(gold_cw)} positive, newskit {sum(pred_cw)})")
    print(f"claim_types accuracy={exact:.3f} (exact type match; mapped {acc_mapped:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
