"""Train the check-worthiness and typing models; write ``weights.npz`` and ``claim_types.json``.

Usage (needs the training extra, ``pip install 'newskit[train]'``, and the development data)::

    python -m newskit.claims.train [--data ../shared/data] [--out DIR]

Everything is chosen by grouped cross-validation on the training data; ``dev.tsv`` is not read
here (it is scored once, at the end, by ``benchmarks/eval_claims.py``). Reproducible: fixed
seeds, deterministic solvers.

Data:
    ``claims/train.tsv`` (ClaimBuster crowdsourced debate sentences) and our 640 labelled news
    sentences, ``benchmarks/labels/news_checkworthy.tsv`` (PolNeAR train), each news sentence
    weighted ``NEWS_WEIGHT``; for typing, ``benchmarks/labels/news_claim_types_train.tsv``.

Groups and folds:
    ClaimBuster sentence ids run in order within a debate, and the debates follow each other;
    inside a debate consecutive kept ids are at most 20 apart, between debates the gap is larger.
    Cutting the sorted ids (train and dev together) at gaps above 20 gives 33 groups, the number
    of debates in ClaimBuster, and the candidates named on either side of each cut change
    (checked by hand on the names of the candidates in the sentences). News sentences are
    grouped by article (``source``). Debates and articles are each spread over ``FOLDS`` folds
    (largest group first, into the fold with fewest rows; ties in a seeded order), so no debate
    and no article is split between training and test.

Model (what ships; chosen by grouped CV on train only, see ``benchmarks/select_claims.py``):
    TF-IDF word 1–2-grams and character 2–5-grams inside words (lower-cased, digits as 0;
    min_df 2; sublinear tf; each block L2-normalised) and the signals of
    :mod:`newskit.claims.signals` (not the hand features of :mod:`newskit.claims.features`:
    ``HAND_FEATURES``); a logistic regression (C=1) and a linear SVM (C=0.1), both with balanced
    class weights, each divided by the standard deviation of its training scores and summed:
    one linear model.

Selection record (grouped 5-fold CV, F1 on debate / news sentences, thresholds chosen on the
other folds; first rows from the exploration harness, same folds and features):
    word 1–2 + char 2–5, balanced LR (the baseline's features) ... 0.681 / 0.673
    the same + hand features + signals, balanced LR + SVM ....... 0.687 / 0.661
    word 1–2 + char 1–6 + hand features, LR + SVM (before #16) ... 0.684 / 0.664
    NB-weighted n-grams (NBSVM-style) ............................ 0.668–0.679 / 0.665–0.668
    balanced LR + multinomial NB ensemble ........................ 0.684 / 0.668
    news weight 1 / 3 / 6 / 20 (shipped: 6) .. debates 0.685 / 0.685 / 0.685 / 0.674,
                                               news 0.658 / 0.657 / 0.665 / 0.662
    a second stage over [score, signals] fitted on news .......... news 0.651–0.664, debates lower
    threshold also fitted to news prevalences .................... debates 0.569–0.647, news no better
  With the pipeline of this module (``benchmarks/select_claims.py``):
    hand features + signals ........ 0.6805 ± 0.0199 / 0.6502 ± 0.0567
    signals only (shipped) ......... 0.6801 ± 0.0176 / 0.6608 ± 0.0534
    hand features only ............. 0.6741 ± 0.0219 / 0.6641 ± 0.0705
    neither ........................ 0.6657 ± 0.0210 / 0.6768 ± 0.0675
    LR only, no SVM ................ 0.6764 ± 0.0229 / 0.6589 ± 0.0568
  Every variant is within about 0.015 of the others: on these crowd labels the linear n-gram
  models are saturated; the signals help debates and cost news a little. Signals only keeps the
  debate figure of hand features + signals, is better on news, and is faster.

Calibration and threshold:
    Platt scaling fitted on the out-of-fold scores. The threshold maximises the *lowest* F1
    over the prevalences 15, 25, 35 and 45 % positives (computed from the out-of-fold true and
    false positive rates on the debates), so that it holds when the mix of a collection
    changes. The CV F1 per fold uses, for fold k, the threshold chosen the same way on the
    other folds only.

Typing:
    A multinomial logistic regression over the signals and the calibrated score (its
    out-of-fold value for the training sentences), C chosen by grouped CV among ``TYPE_CS``;
    the type is the most probable one in the group the check-worthiness decision allows.

The ClaimBuster data are redistributed by CheckThat! 2024 task 1 (CC BY 4.0); see
``../shared/data/README.md``.

References:
    Arslan, F., Hassan, N., Li, C., Tremayne, M. (2020). A Benchmark Dataset of Check-worthy
    Factual Claims. ICWSM. — Platt, J. (1999). Probabilistic outputs for support vector
    machines and comparisons to regularized likelihood methods.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newskit.claims import features as F
from newskit.claims.claim_types import CLAIM_TYPES
from newskit.claims.model import TYPES_FILE, WEIGHTS_FILE, encode_strings, weights_path
from newskit.claims.signals import SIGNALS, signal_matrix

SEED = 0
FOLDS = 5
DEBATE_GAP = 20
WORD_RANGE = (1, 2)
CHAR_RANGE = (2, 5)
MIN_DF = 2
LR_C = 1.0
SVM_C = 0.1
NEWS_WEIGHT = 6.0
#: whether the 18 hand features of newskit.claims.features are model inputs (CV: not with the
#: signals; see the selection record above)
HAND_FEATURES = False
PREVALENCES = (0.15, 0.25, 0.35, 0.45)
TYPE_CS = (0.1, 0.3, 1.0, 3.0)
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
LABELS = ROOT / "benchmarks" / "labels"


# ----------------------------------------------------------------------------------- data

def read_claimbuster(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, 0/1 labels and sentence ids of a CheckThat-style TSV."""
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    label_key = next(k for k in rows[0] if k.lower().startswith("class"))
    texts = [r["Text"] for r in rows]
    labels = np.array([r[label_key].strip().lower() == "yes" for r in rows], dtype=np.int64)
    return texts, labels, np.array([int(r["Sentence_id"]) for r in rows])


def debate_groups(ids: np.ndarray, all_ids: np.ndarray, gap: int = DEBATE_GAP) -> np.ndarray:
    """The debate of each sentence id: runs of ``all_ids`` (sorted) cut where ids jump by > gap."""
    order = np.unique(all_ids)
    cuts = order[1:][np.diff(order) > gap]
    return np.searchsorted(cuts, ids, side="right")


def refs_module():
    """``benchmarks/refs.py`` of this checkout (label sets are references into the data)."""
    path = ROOT / "benchmarks" / "refs.py"
    spec = importlib.util.spec_from_file_location("newskit_benchmarks_refs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Unit:
    """A labelled sentence in its context: ``context[start:end] == text``."""

    text: str
    context: str
    start: int
    end: int
    group: str
    labels: dict


def read_news(set_path: Path, data: Path) -> list[Unit]:
    """The sentences of a label set (see ``benchmarks/refs.py``), each in its paragraph."""
    refs = refs_module()
    out = []
    for r in refs.read_set(set_path):
        block = r.block(data)
        out.append(Unit(block[r.sub_start:r.sub_end], block, r.sub_start, r.sub_end, r.source,
                        r.labels))
    return out


def contexts(units: list[Unit]) -> list[tuple]:
    """``(text, quantities, dates, quote)`` per unit, as ``find_claims`` sees a sentence: the
    other extractors run on the context, and what lies inside the sentence is kept."""
    import newskit
    from newskit.claims import _QuoteCover, _Within

    out = []
    for u in units:
        quotes = newskit.find_quotes(u.context)
        quantities = _Within(newskit.find_quantities(u.context)).inside(u.start, u.end)
        dates = _Within(newskit.find_dates(u.context)).inside(u.start, u.end)
        out.append((u.text, quantities, dates, _QuoteCover(quotes).cover(u.start, u.end)))
    return out


def claimbuster_units(texts: list[str], groups: np.ndarray) -> list[Unit]:
    return [Unit(t, t, 0, len(t), f"debate-{g}", {}) for t, g in zip(texts, groups)]


# ------------------------------------------------------------------------------ features

class Counts:
    """Raw n-gram counts of texts over a growing vocabulary (one block: word or char)."""

    def __init__(self, analyse):
        self.analyse = analyse
        self.vocab: dict[str, int] = {}

    def matrix(self, texts: list[str], grow: bool = True):
        from scipy.sparse import csr_matrix

        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            found: dict[int, int] = {}
            for g in self.analyse(F.normalise(text)):
                j = self.vocab.get(g)
                if j is None:
                    if not grow:
                        continue
                    j = self.vocab[g] = len(self.vocab)
                found[j] = found.get(j, 0) + 1
            rows += [i] * len(found)
            cols += list(found)
            vals += list(found.values())
        return csr_matrix((np.array(vals, dtype=np.float64), (rows, cols)),
                          shape=(len(texts), len(self.vocab)))


def fit_idf(counts, min_df: int = MIN_DF) -> tuple[np.ndarray, np.ndarray]:
    """Kept columns (document frequency >= min_df) and their idf, as scikit-learn's smooth idf."""
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(df >= min_df)
    idf = np.log((1 + counts.shape[0]) / (1 + df[keep])) + 1.0
    return keep, idf


def tfidf(counts, keep: np.ndarray, idf: np.ndarray):
    """Sublinear tf times idf over the kept columns, rows L2-normalised."""
    from scipy.sparse import diags

    x = counts[:, keep].tocsr(copy=True)
    x.data = 1.0 + np.log(x.data)
    x = x @ diags(idf)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (diags(1.0 / norms) @ x).tocsr()


@dataclass
class Design:
    """Everything the check-worthiness model reads, for a list of units."""

    word: object
    char: object
    dense: np.ndarray  # hand features, then signals

    def rows(self, idx):
        return Design(self.word[idx], self.char[idx], self.dense[idx])


def design(units: list[Unit], word: Counts, char: Counts, grow: bool = True) -> Design:
    ctx = contexts(units)
    texts = [u.text for u in units]
    hand = F.hand_features(texts) if HAND_FEATURES else np.zeros((len(texts), 0))
    dense = np.hstack([hand, signal_matrix(ctx)])
    return Design(word.matrix(texts, grow), char.matrix(texts, grow), dense)


def new_counts() -> tuple[Counts, Counts]:
    return (Counts(lambda t: F.word_ngrams(t, WORD_RANGE)),
            Counts(lambda t: F.char_ngrams(t, CHAR_RANGE)))


# ---------------------------------------------------------------------------------- model

@dataclass
class Fitted:
    """A fitted check-worthiness model: kept columns and idf per block, weights, intercept."""

    word_keep: np.ndarray
    word_idf: np.ndarray
    char_keep: np.ndarray
    char_idf: np.ndarray
    coef: np.ndarray
    intercept: float

    def matrix(self, d: Design):
        from scipy.sparse import csr_matrix, hstack

        return hstack([tfidf(d.word, self.word_keep, self.word_idf),
                       tfidf(d.char, self.char_keep, self.char_idf), csr_matrix(d.dense)]).tocsr()

    def decision(self, d: Design) -> np.ndarray:
        return self.matrix(d) @ self.coef + self.intercept


def balanced(y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Sample weights times scikit-learn's balanced class weights (n / (2 * count))."""
    out = weights.astype(np.float64).copy()
    for cls in (0, 1):
        m = y == cls
        out[m] *= len(y) / (2.0 * max(1, m.sum()))
    return out


def fit(d: Design, y: np.ndarray, weights: np.ndarray) -> Fitted:
    """The shipped model on these rows: LR + linear SVM, balanced, each scaled by its std."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    wk, wi = fit_idf(d.word)
    ck, ci = fit_idf(d.char)
    fitted = Fitted(wk, wi, ck, ci, np.zeros(0), 0.0)
    x = fitted.matrix(d)
    w = balanced(y, weights)
    lr = LogisticRegression(C=LR_C, max_iter=5000).fit(x, y, sample_weight=w)
    s_lr = float(lr.decision_function(x).std())
    fitted.coef = lr.coef_[0] / s_lr
    fitted.intercept = float(lr.intercept_[0] / s_lr)
    if SVM_C:
        svm = LinearSVC(C=SVM_C, random_state=SEED, max_iter=20000).fit(x, y, sample_weight=w)
        s_svm = float(svm.decision_function(x).std())
        fitted.coef = fitted.coef + svm.coef_[0] / s_svm
        fitted.intercept += float(svm.intercept_[0] / s_svm)
    return fitted


def group_folds(groups: list[str], k: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold of each row: whole groups, largest first into the fold with fewest rows; debates
    (groups named ``debate-…``) and articles are balanced separately."""
    rng = np.random.default_rng(seed)
    groups = np.asarray(groups)
    fold = np.zeros(len(groups), dtype=np.int64)
    is_debate = np.char.startswith(groups.astype(str), "debate-")
    for part in (is_debate, ~is_debate):
        names, sizes = np.unique(groups[part], return_counts=True)
        order = rng.permutation(len(names))
        order = order[np.argsort(-sizes[order], kind="stable")]
        load = np.zeros(k)
        for i in order:
            j = int(np.argmin(load))
            load[j] += sizes[i]
            fold[part & (groups == names[i])] = j
    return fold


# ------------------------------------------------------------------------------ decisions

def f1(y, pred) -> float:
    y = np.asarray(y, dtype=bool)
    pred = np.asarray(pred, dtype=bool)
    tp = np.sum(y & pred)
    return float(2 * tp / max(1, 2 * tp + np.sum(~y & pred) + np.sum(y & ~pred)))


def prevalence_f1(scores: np.ndarray, y: np.ndarray, threshold: float, prevalence: float) -> float:
    """Expected F1 at ``threshold`` if positives made up ``prevalence`` of the collection
    (true and false positive rates as measured on ``scores``, ``y``)."""
    pos = y == 1
    tpr = float(np.mean(scores[pos] >= threshold))
    fpr = float(np.mean(scores[~pos] >= threshold))
    p = prevalence
    denominator = p * tpr + p + (1 - p) * fpr
    return 2 * p * tpr / denominator if denominator else 0.0


def robust_threshold(scores: np.ndarray, y: np.ndarray, prevalences=PREVALENCES) -> float:
    """The threshold maximising the lowest F1 over ``prevalences`` (midway between scores)."""
    cands = np.unique(scores)
    mids = (cands[1:] + cands[:-1]) / 2 if len(cands) > 1 else cands
    step = max(1, len(mids) // 2000)  # 2000 candidates are plenty
    best, best_t = -1.0, 0.5
    for t in mids[::step]:
        worst = min(prevalence_f1(scores, y, t, p) for p in prevalences)
        if worst > best:
            best, best_t = worst, float(t)
    return best_t


def platt(decisions: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6).fit(decisions[:, None], y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


@dataclass
class CVResult:
    """Out-of-fold decisions and per-fold F1 (debates and news separately)."""

    oof: np.ndarray
    fold: np.ndarray
    debate_f1: list
    news_f1: list
    thresholds: list

    def summary(self) -> dict:
        return {"debate_f1_mean": float(np.mean(self.debate_f1)), "debate_f1_sd": float(np.std(self.debate_f1)),
                "news_f1_mean": float(np.mean(self.news_f1)), "news_f1_sd": float(np.std(self.news_f1)),
                "debate_f1_folds": [round(x, 4) for x in self.debate_f1],
                "news_f1_folds": [round(x, 4) for x in self.news_f1]}


def cross_validate(decide_fold, y: np.ndarray, groups: list[str], fixed_threshold=None,
                   log=print) -> CVResult:
    """Grouped K-fold: ``decide_fold(train_idx, test_idx)`` returns decision values for the test
    rows. With ``fixed_threshold`` (on the decision scale) every fold uses it; otherwise fold k
    uses :func:`robust_threshold` on the other folds' out-of-fold debate scores."""
    fold = group_folds(groups)
    is_news = ~np.char.startswith(np.asarray(groups).astype(str), "debate-")
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        t0 = time.time()
        oof[fold == k] = decide_fold(np.flatnonzero(fold != k), np.flatnonzero(fold == k))
        log(f"  fold {k + 1}/{FOLDS} done in {time.time() - t0:.0f}s")
    deb, news, ths = [], [], []
    for k in range(FOLDS):
        if fixed_threshold is None:
            other = (fold != k) & ~is_news
            t = robust_threshold(oof[other], y[other])
        else:
            t = fixed_threshold
        ths.append(float(t))
        m = (fold == k) & ~is_news
        deb.append(f1(y[m], oof[m] >= t))
        m = (fold == k) & is_news
        news.append(f1(y[m], oof[m] >= t))
    return CVResult(oof, fold, deb, news, ths)


# ---------------------------------------------------------------------------------- typing

def type_inputs(signals: np.ndarray, scores: np.ndarray) -> np.ndarray:
    return np.column_stack([signals, scores])


def fit_types(x: np.ndarray, types: list[str], c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(x, types)


def typing_accuracy(model, x: np.ndarray, gold: list[str], checkworthy: np.ndarray) -> float:
    from newskit.claims.model import TypeModel

    tm = TypeModel(tuple(model.classes_), SIGNALS + ("score",), model.coef_, model.intercept_, {})
    got = [t for t, _ in tm.choose(x[:, :-1], x[:, -1], checkworthy)]
    return float(np.mean([g == p for g, p in zip(gold, got)]))


def choose_type_c(x, gold, checkworthy, groups, log=print) -> tuple[float, dict]:
    """C of the typing model by grouped CV over articles (accuracy of the full decision)."""
    fold = group_folds(groups)
    scores = {}
    for c in TYPE_CS:
        accs = []
        for k in range(FOLDS):
            tr, te = fold != k, fold == k
            m = fit_types(x[tr], [gold[i] for i in np.flatnonzero(tr)], c)
            accs.append(typing_accuracy(m, x[te], [gold[i] for i in np.flatnonzero(te)], checkworthy[te]))
        scores[c] = (float(np.mean(accs)), float(np.std(accs)))
        log(f"  typing C={c}: CV accuracy {scores[c][0]:.3f} ± {scores[c][1]:.3f}")
    best = max(TYPE_CS, key=lambda c: scores[c][0])
    return best, scores


# ------------------------------------------------------------------------------------ main

def load_training(data: Path, log=print):
    """Units, labels, weights and designs of the training rows (debates, then news)."""
    texts, y_cb, ids = read_claimbuster(data / "claims" / "train.tsv")
    _, _, dev_ids = read_claimbuster(data / "claims" / "dev.tsv")
    groups = debate_groups(ids, np.concatenate([ids, dev_ids]))
    units = claimbuster_units(texts, groups)
    news = read_news(LABELS / "news_checkworthy.tsv", data)
    units += news
    y = np.concatenate([y_cb, [int(u.labels["checkworthy"]) for u in news]])
    weights = np.where(np.arange(len(units)) >= len(texts), NEWS_WEIGHT, 1.0)
    log(f"training rows: {len(texts)} debate sentences ({y_cb.sum()} check-worthy, "
        f"{len(set(groups))} debates), {len(news)} news sentences ({int(y[len(texts):].sum())} "
        f"check-worthy, {len({u.group for u in news})} articles)")
    return units, y, weights


def write_weights(out: Path, fitted: Fitted, word: Counts, char: Counts, pl, threshold, meta):
    def vocab(counts: Counts, keep):
        names = sorted(counts.vocab, key=counts.vocab.get)
        return [names[i] for i in keep]

    nw, nc, nh = len(fitted.word_keep), len(fitted.char_keep), len(hand_names())
    np.savez_compressed(
        out,
        word_vocab=encode_strings(vocab(word, fitted.word_keep)), word_idf=fitted.word_idf,
        word_coef=fitted.coef[:nw], char_vocab=encode_strings(vocab(char, fitted.char_keep)),
        char_idf=fitted.char_idf, char_coef=fitted.coef[nw:nw + nc],
        hand_coef=fitted.coef[nw + nc:nw + nc + nh], signal_coef=fitted.coef[nw + nc + nh:],
        intercept=np.array(fitted.intercept), platt=np.array(pl), threshold=np.array(threshold),
        meta=np.frombuffer(json.dumps(meta, indent=1).encode("utf-8"), dtype=np.uint8),
    )


def hand_names() -> tuple:
    """The hand features that are model inputs (none unless ``HAND_FEATURES``)."""
    return F.HAND_NAMES if HAND_FEATURES else ()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newskit.claims.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the development data folder")
    ap.add_argument("--out", type=Path, default=None, help="folder for the two weights files "
                    "(default: the package)")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("training needs scikit-learn: pip install 'newskit[train]'", file=sys.stderr)
        return 2
    out_dir = args.out or weights_path().parent
    t0 = time.time()
    units, y, weights = load_training(args.data)
    groups = [u.group for u in units]
    word, char = new_counts()
    d = design(units, word, char)
    print(f"features: {d.word.shape[1]} word and {d.char.shape[1]} char n-grams seen, "
          f"{d.dense.shape[1]} dense ({time.time() - t0:.0f}s)", flush=True)

    # 1. grouped CV: out-of-fold decisions, per-fold F1 at thresholds chosen on the other folds
    cv = cross_validate(lambda tr, te: fit(d.rows(tr), y[tr], weights[tr]).decision(d.rows(te)),
                        y, groups)
    is_news = ~np.char.startswith(np.asarray(groups).astype(str), "debate-")
    pl = platt(cv.oof, y)
    p_oof = sigmoid(pl[0] * cv.oof + pl[1])
    threshold = robust_threshold(p_oof[~is_news], y[~is_news])
    summary = cv.summary()
    print(f"CV F1 debates {summary['debate_f1_mean']:.4f} ± {summary['debate_f1_sd']:.4f}, "
          f"news {summary['news_f1_mean']:.4f} ± {summary['news_f1_sd']:.4f}; "
          f"threshold {threshold:.4f} (calibrated)", flush=True)

    # 2. the final model on every training row
    fitted = fit(d, y, weights)

    # 3. typing, on the news sentences with their out-of-fold scores
    typed = read_news(LABELS / "news_claim_types_train.tsv", args.data)
    assert [u.text for u in typed] == [u.text for u in units[-len(typed):]], "type set != news set"
    x_types = type_inputs(d.dense[-len(typed):, len(hand_names()):], p_oof[-len(typed):])
    gold = [u.labels["type"] for u in typed]
    cw_oof = p_oof[-len(typed):] >= threshold
    type_c, type_cv = choose_type_c(x_types, gold, cw_oof, [u.group for u in typed])
    types_model = fit_types(x_types, gold, type_c)
    if set(types_model.classes_) != set(CLAIM_TYPES):
        raise RuntimeError(f"typing set lacks types: {set(CLAIM_TYPES) - set(types_model.classes_)}")

    meta = {
        "data": "ClaimBuster crowdsourced train.tsv (CheckThat! 2024 task 1 English) + "
                "benchmarks/labels/news_checkworthy.tsv; dev.tsv not used",
        "n_train": int(np.sum(~is_news)), "n_news": int(np.sum(is_news)), "news_weight": NEWS_WEIGHT,
        "word_ngrams": list(WORD_RANGE), "char_ngrams": list(CHAR_RANGE), "min_df": MIN_DF,
        "lr_C": LR_C, "svm_C": SVM_C, "class_weight": "balanced", "folds": FOLDS, "seed": SEED,
        "groups": f"debates: sorted ids cut at gaps > {DEBATE_GAP} (33); news: article",
        "hand_names": list(hand_names()), "signal_names": list(SIGNALS),
        "threshold": threshold, "threshold_rule": "max over t of the lowest F1 at 15/25/35/45% "
        "positives, on out-of-fold calibrated debate scores (grouped CV on train; dev not used)",
        "platt": list(pl), "cv": summary, "cv_thresholds_decision_scale": cv.thresholds,
        "typing": {"C": type_c, "cv_accuracy": {str(c): v for c, v in type_cv.items()}},
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    write_weights(out_dir / WEIGHTS_FILE, fitted, word, char, pl, threshold, meta)
    types_json = {"types": list(types_model.classes_), "inputs": list(SIGNALS) + ["score"],
                  "coef": np.round(types_model.coef_, 6).tolist(),
                  "intercept": np.round(types_model.intercept_, 6).tolist(),
                  "meta": {"C": type_c, "trained_on": "benchmarks/labels/news_claim_types_train.tsv",
                           "cv_accuracy": meta["typing"]["cv_accuracy"]}}
    (out_dir / TYPES_FILE).write_text(json.dumps(types_json, indent=1) + "\n", encoding="utf-8")

    # 4. numpy inference == the training-time matrices
    from newskit.claims.model import read_model

    model = read_model(out_dir / WEIGHTS_FILE)
    sample = np.arange(0, len(units), 97)
    sub = d.rows(sample)
    ctx = contexts([units[i] for i in sample])
    npy = model.decision([units[i].text for i in sample], signal_matrix(ctx))
    diff = float(np.max(np.abs(fitted.decision(sub) - npy)))
    print(f"numpy inference vs training matrices: max abs diff {diff:.2e}")
    if diff > 1e-8:
        print("numpy inference does not match training", file=sys.stderr)
        return 1
    meta["numpy_max_abs_diff"] = diff
    write_weights(out_dir / WEIGHTS_FILE, fitted, word, char, pl, threshold, meta)
    print(f"wrote {out_dir / WEIGHTS_FILE} and {out_dir / TYPES_FILE} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
