"""Check-worthy claims, in one run: newskit beside the baseline, CV first, dev once at the end.

The data: the English check-worthiness sentences of the CheckThat! lab, Task 1 (ClaimBuster
sentences from US presidential debates, labelled Yes/No; CC BY 4.0), public in the lab's Task 1
repository on GitLab (linked from checkthat.gitlab.io, CLEF 2024 Task 1): ``train.tsv`` and
``dev.tsv`` under ``DATA/claims/``; the news label sets are ours (``benchmarks/labels``, as
references into the PolNeAR texts and trafilatura's evaluation pages under ``DATA``).

What it prints (issue 16), each figure for newskit and for the baseline side by side:

1. Grouped 5-fold cross-validation on the training data (ClaimBuster ``train.tsv`` plus our
   640 labelled news sentences; debates and articles never split across folds; see
   ``newskit.claims.train``): F1 per fold, mean ± sd, for the debate sentences and for the news
   sentences. newskit's threshold for fold k is chosen on the other folds only.
2. ``dev.tsv``, scored once, at the end of development (nothing was chosen on it): P, R, F1,
   counted like ``../shared/eval/checkworthy.py`` (a sentence is positive when any claim
   ``find_claims`` returns for it is check-worthy).
3. dev resampled to 15, 25, 35 and 45 % positives (sentences drawn with replacement, fixed
   seed, 200 draws of 1,032): mean F1 at each model's shipped threshold.
4. The held-out real-news sentences (``benchmarks/labels/news_checkworthy_test.tsv``): F1.
5. Claim typing on the frozen typing set (``benchmarks/labels/claim_types.tsv``): accuracy
   (exact type), the share of each type, and check-worthiness F1 there.

The **baseline** is the class-weighted TF-IDF logistic regression of the issue: scikit-learn's
``TfidfVectorizer`` word 1–2-grams and ``char_wb`` 2–5-grams (min_df 2, sublinear tf, otherwise
defaults), ``LogisticRegression(C=1, class_weight="balanced")``, threshold 0.5, trained on the
same rows with the same news weight as newskit.

News sentences are scored in their paragraph (``find_claims(paragraph, sentences=[the
sentence])``), as in an article; dev sentences on their own, as the shared scorer does.

usage:
    python benchmarks/eval_claims.py [--data ../shared/data] [--no-cv]

``--no-cv`` skips the cross-validation (about five minutes) and prints newskit's CV figures
stored by training instead. The last line is ``checkworthy f1=...`` (dev) like the shared scorer.
Needs scikit-learn (``pip install 'newskit[train]'``) for the baseline.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402
from newskit.claims import train as T  # noqa: E402
from newskit.claims.model import load_model  # noqa: E402
from newskit.sentences import Sentence  # noqa: E402

PREVALENCES = (0.15, 0.25, 0.35, 0.45)


class Baseline:
    """The issue's baseline: TF-IDF word 1–2 + char_wb 2–5, balanced LR, threshold 0.5."""

    def __init__(self, texts, y, weights):
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.hstack = hstack
        self.word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(texts)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                    sublinear_tf=True).fit(texts)
        self.lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
        self.lr.fit(self.matrix(texts), y, sample_weight=weights)

    def matrix(self, texts):
        return self.hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def decision(self, texts) -> np.ndarray:
        return self.lr.decision_function(self.matrix(texts))

    def predict(self, texts) -> np.ndarray:
        return self.decision(texts) >= 0.0  # probability 0.5


def prf(gold, pred) -> tuple[float, float, float]:
    gold, pred = np.asarray(gold, bool), np.asarray(pred, bool)
    tp = int(np.sum(gold & pred))
    fp = int(np.sum(~gold & pred))
    fn = int(np.sum(gold & ~pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def resampled_f1(gold, pred, prevalence: float, draws: int = 200, seed: int = 0) -> tuple[float, float]:
    """Mean and sd of F1 over ``draws`` resamples with ``prevalence`` positives (same size)."""
    gold, pred = np.asarray(gold, bool), np.asarray(pred, bool)
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(gold), np.flatnonzero(~gold)
    n = len(gold)
    n_pos = int(round(prevalence * n))
    scores = []
    for _ in range(draws):
        idx = np.concatenate([rng.choice(pos, n_pos), rng.choice(neg, n - n_pos)])
        scores.append(prf(gold[idx], pred[idx])[2])
    return float(np.mean(scores)), float(np.std(scores))


def newskit_units(units: list[T.Unit]) -> list[list]:
    """find_claims per news unit, in its paragraph, for that sentence only."""
    return [newskit.find_claims(u.context, sentences=[Sentence(u.start, u.end, u.text)])
            for u in units]


def cross_validation(data: Path, log) -> dict:
    units, y, weights = T.load_training(data, log=log)
    groups = [u.group for u in units]
    texts = [u.text for u in units]
    word, char = T.new_counts()
    d = T.design(units, word, char)
    log("newskit, grouped 5-fold CV:")
    ours = T.cross_validate(lambda tr, te: T.fit(d.rows(tr), y[tr], weights[tr]).decision(d.rows(te)),
                            y, groups, log=log)
    log("baseline, grouped 5-fold CV (same folds, threshold 0.5):")
    base = T.cross_validate(lambda tr, te: Baseline([texts[i] for i in tr], y[tr], weights[tr])
                            .decision([texts[i] for i in te]), y, groups, fixed_threshold=0.0, log=log)
    return {"newskit": ours.summary(), "baseline": base.summary()}


def print_cv(cv: dict, log) -> None:
    log("\n1. grouped 5-fold CV on train (debates) + news_checkworthy.tsv (articles)")
    log(f"   {'':10} {'debate CV F1':>18} {'news CV F1':>18}")
    for name, s in cv.items():
        if s is None:
            log(f"   {name:10} (skipped: --no-cv)")
            continue
        log(f"   {name:10} {s['debate_f1_mean']:.4f} ± {s['debate_f1_sd']:.4f}   "
            f"{s['news_f1_mean']:.4f} ± {s['news_f1_sd']:.4f}   folds {s['debate_f1_folds']} / {s['news_f1_folds']}")


def print_prf(rows, gold, log) -> None:
    for name, pred in rows:
        p, r, f = prf(gold, pred)
        log(f"   {name:10} P={p:.3f} R={r:.3f} F1={f:.4f}")


def print_resampled(rows, gold, log) -> dict:
    """The resampled-dev table; returns the lowest mean F1 per model."""
    log("\n3. dev resampled to a share of positives (200 draws, seed 0): mean F1 (sd) at the shipped thresholds")
    log("   " + f"{'':10}" + "".join(f"{p:>16.0%}" for p in PREVALENCES))
    worst = {}
    for name, pred in rows:
        cells = [resampled_f1(gold, pred, p) for p in PREVALENCES]
        worst[name] = min(m for m, _ in cells)
        log(f"   {name:10}" + "".join(f"{m:>10.4f} ({s:.3f})" for m, s in cells))
    return worst


def print_typing(data: Path, log) -> None:
    from newskit.claims.claim_types import CHECKWORTHY_TYPES

    typed = T.read_news(T.LABELS / "claim_types.tsv", data)
    claims = newskit_units(typed)
    gold = [u.labels["type"] for u in typed]
    got = [cs[0].type if cs else "(none)" for cs in claims]
    acc = np.mean([g == p for g, p in zip(gold, got)])
    log(f"\n5. claim typing on the frozen set (claim_types.tsv, {len(typed)} sentences): "
        f"accuracy {acc:.3f}")
    shares = collections.Counter(got)
    log("   newskit's types: " + ", ".join(f"{t} {c / len(got):.0%}" for t, c in shares.most_common()))
    per = collections.Counter(g for g, p in zip(gold, got) if g == p)
    log("   right per type: " + ", ".join(f"{t} {per[t]}/{n}" for t, n in collections.Counter(gold).most_common()))
    cw_gold = [u.labels["checkworthy"] == "1" for u in typed]
    cw_got = [any(c.checkworthy for c in cs) for cs in claims]
    agree = all((c.type in CHECKWORTHY_TYPES) == c.checkworthy for cs in claims for c in cs)
    p, r, f = prf(cw_gold, cw_got)
    log(f"   check-worthiness there: P={p:.3f} R={r:.3f} F1={f:.4f}; type and checkworthy agree "
        f"on every claim: {agree}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=T.DEFAULT_DATA)
    ap.add_argument("--no-cv", action="store_true", help="skip CV; print newskit's stored CV figures")
    args = ap.parse_args(argv)
    log = lambda *a: print(*a, flush=True)  # noqa: E731
    if not (args.data / "claims" / "train.tsv").exists():
        print(f"data folder {args.data} is absent: nothing to score")
        print("checkworthy f1=skipped")
        return 0
    t0 = time.time()
    model = load_model()
    log(f"newskit threshold {model.threshold:.4f}: {model.meta.get('threshold_rule')}")
    cv = ({"newskit": model.meta["cv"], "baseline": None} if args.no_cv
          else cross_validation(args.data, log))
    print_cv(cv, log)

    units, y, weights = T.load_training(args.data, log=lambda *a: None)
    baseline = Baseline([u.text for u in units], y, weights)  # on every training row

    dev_texts, dev_y, _ = T.read_claimbuster(args.data / "claims" / "dev.tsv")
    dev_rows = [("newskit", np.array([any(c.checkworthy for c in newskit.find_claims(t)) for t in dev_texts])),
                ("baseline", baseline.predict(dev_texts))]
    log(f"\n2. dev.tsv ({len(dev_texts)} sentences, {dev_y.mean():.0%} positive), scored once at the "
        "end; nothing was chosen on it")
    print_prf(dev_rows, dev_y, log)
    worst = print_resampled(dev_rows, dev_y, log)

    test = T.read_news(T.LABELS / "news_checkworthy_test.tsv", args.data)
    test_y = np.array([int(u.labels["checkworthy"]) for u in test])
    log(f"\n4. held-out real-news sentences (news_checkworthy_test.tsv, {len(test)}, "
        f"{test_y.mean():.0%} positive)")
    print_prf([("newskit", np.array([any(c.checkworthy for c in cs) for cs in newskit_units(test)])),
               ("baseline", baseline.predict([u.text for u in test]))], test_y, log)
    print_typing(args.data, log)

    log(f"\nlowest resampled dev F1: newskit {worst['newskit']:.4f}, baseline {worst['baseline']:.4f} "
        f"({time.time() - t0:.0f}s)")
    p, r, f = prf(dev_y, dev_rows[0][1])
    log(f"n={len(dev_texts)} P={p:.3f} R={r:.3f}")
    log(f"checkworthy f1={f:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
