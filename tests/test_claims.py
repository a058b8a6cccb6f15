"""Claims: seed expectations, claim typing accuracy, the dev-split eval gate, weights, offsets."""
from __future__ import annotations

import collections
import csv
import hashlib
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newskit
from newskit.claims import CLAIM_TYPES, Claim, claims_frame, find_claims
from newskit.claims.claim_types import CHECKWORTHY_TYPES, OTHER_TYPES
from newskit.claims.model import load_model, load_type_model, weights_path
from newskit.errors import InputError

from conftest import shared_path

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(newskit.__file__).resolve().parent / "data" / "samples"

#: Floors pinned from measured scores (raise them as the model and rules improve).
DEV_F1_FLOOR = 0.90            # measured 0.9025 (issue 16: nothing chosen on dev any more)
DEV_SHA256 = "a67e9bd9c29c45313f8df346977f347d92559bb31daefaea3c73092fe1097d12"
#: typing accuracy per set of tests/data/claim_types.tsv, relabelled to the ten types of issue 16
#: (the old rules, tuned on these rows, scored 0.988 / 0.836 / 0.792 on the eight old types).
#: Measured with the shipped model: 0.374 (171), 0.311 (61), 0.312 (48). The typing model is
#: trained on real news sentences (news_claim_types_train.tsv), where comparison, rule, causal
#: and prediction are rare, so these one-cue sentences often get event; and many of them
#: (predictions, rules) score below the check-worthiness threshold and get a non-claim type.
TYPING_FLOORS = {"dev": 0.36, "heldout": 0.30, "heldout2": 0.30}
UNSEEN_FLOOR = 0.30  # both held-out sets together (109 rows): measured 0.312
#: exact type accuracy on the frozen real-news typing set benchmarks/labels/claim_types.tsv
#: (228 sentences, each in its paragraph): measured 0.447 (0.184 before issue 16; target 0.85)
FROZEN_TYPING_FLOOR = 0.43

BAGHDAD = "Baghdad has regained control of more than 90 percent of Iraqi territory seized by Daesh."


def _claim(claims, startswith):
    return next(c for c in claims if c.text.lstrip("“\"").startswith(startswith))


@pytest.fixture(scope="module")
def seed_claims():
    raw = shared_path("seed", "000_3e463758755adda8.txt").read_text(encoding="utf-8")
    return newskit.clean(raw), find_claims(newskit.clean(raw))


@pytest.fixture(scope="module")
def sample_claims():
    art = newskit.load(SAMPLES / "desert_offensive.txt")
    return art, find_claims(art)


# ----------------------------------------------------------------------------- seed expectations
def test_seed_baghdad_sentence_is_a_checkworthy_quantity_claim(seed_claims):
    _, claims = seed_claims
    c = _claim(claims, "Baghdad has regained")
    assert c.text == BAGHDAD and c.checkworthy and c.score > 0.8
    assert c.type == "quantity", c.rule


def test_seed_baghdad_quantity_is_more_than_90_percent(seed_claims):
    c = _claim(seed_claims[1], "Baghdad has regained")
    assert [(q.value, q.unit, q.qualifier) for q in c.quantities] == [(90.0, "percent", ">")]


def test_seed_quoted_sentence_is_claimed_by_the_anonymous_officer(seed_claims):
    c = _claim(seed_claims[1], "We cannot say when the operation will end")
    assert c.claimer == "a senior military officer" and c.claimer_anonymous
    assert c.attribution == "quote:direct"


def test_seed_scene_setting_scores_low(seed_claims):
    art, claims = seed_claims
    caption = next(c for c in claims if c.field == "caption")
    assert caption.text.startswith("Vehicles of the Popular Mobilization Units")
    assert not caption.checkworthy and caption.type == "not_claim"
    assert not _claim(claims, "The area is full of hidden camps").checkworthy
    assert caption.score < _claim(claims, "Baghdad has regained").score


def test_headline_and_captions_are_claims_of_the_outlet(seed_claims):
    art, claims = seed_claims
    title = [c for c in claims if c.field == "title"]
    assert len(title) == 1 and title[0].text == art.title
    assert title[0].attribution == "outlet" and title[0].claimer == (art.source or art.byline)
    for c in claims:
        if c.field == "caption":
            assert art.captions[c.field_index][c.start:c.end] == c.text


def test_sample_article_claimers(sample_claims):
    _, claims = sample_claims
    c = _claim(claims, "We cannot say when the operation will end")
    assert c.claimer == "a senior military officer" and c.claimer_anonymous
    # a vague forecast: not check-worthy, so (issue 16) not typed as a claim either
    assert c.type in OTHER_TYPES and not c.checkworthy


# --------------------------------------------------------------------------------- claim typing
def _typing_rows():
    with open(DATA / "claim_types.tsv", encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_typing_set_is_large_and_uses_every_type():
    rows = _typing_rows()
    assert len(rows) >= 150
    assert {r["label"] for r in rows} == set(CLAIM_TYPES)
    assert {r["set"] for r in rows} == set(TYPING_FLOORS)


@pytest.mark.parametrize("split", sorted(TYPING_FLOORS) + ["unseen"])
def test_typing_accuracy(split):
    wanted = {"heldout", "heldout2"} if split == "unseen" else {split}
    rows = [r for r in _typing_rows() if r["set"] in wanted]
    ok, n = collections.Counter(), collections.Counter()
    for r in rows:
        claims = find_claims(r["text"])
        assert len(claims) == 1, r["text"]
        n[r["label"]] += 1
        ok[r["label"]] += claims[0].type == r["label"]
    accuracy = sum(ok.values()) / len(rows)
    per_type = {k: f"{ok[k]}/{n[k]}" for k in sorted(n)}
    assert accuracy >= TYPING_FLOORS.get(split, UNSEEN_FLOOR), (accuracy, per_type)


#: One sentence per type, labelled by the scheme of issue 16. Where the shipped model decides
#: otherwise the case stays visible as an xfail with the reason (the debate-trained score).
_DEBATE_BIAS = "the score, trained mostly on debate sentences, leaves this news claim below the threshold"
_RARE_TYPE = "the typing model, trained on real news where this type is rare, says event"
TYPE_CASES = [
    ("Unemployment stood at 6.2 percent in March.", "quantity"),
    pytest.param("Inflation is higher than at any time since 1991.", "comparison",
                 marks=pytest.mark.xfail(reason=_RARE_TYPE)),
    pytest.param("The bridge will reopen in the spring.", "prediction", marks=pytest.mark.xfail(reason=_DEBATE_BIAS)),
    pytest.param("The floods were caused by heavy rain.", "causal", marks=pytest.mark.xfail(reason=_DEBATE_BIAS)),
    pytest.param("It is illegal to use a phone while driving.", "rule", marks=pytest.mark.xfail(reason=_DEBATE_BIAS)),
    ("I spent three days in a hospital corridor.", "personal"),
    pytest.param("The opposition boycotted the election.", "event", marks=pytest.mark.xfail(reason=_DEBATE_BIAS)),
    ("Why should anyone believe them now?", "opinion"),
    ("Sign up for our daily briefing.", "not_claim"),
    pytest.param("Fernandes said the city would publish a review within 90 days.", "prediction",
                 marks=pytest.mark.xfail(reason=_DEBATE_BIAS)),
    pytest.param("The mayor has denied any wrongdoing.", "attributed", marks=pytest.mark.xfail(reason=_RARE_TYPE)),
    ("Police said 40 people were killed in the attack.", "quantity"),
]


@pytest.mark.parametrize("text, expected", TYPE_CASES)
def test_one_case_per_type(text, expected):
    assert find_claims(text)[0].type == expected


# ------------------------------------------------------ type and check-worthiness agree (issue 16)
@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    BAGHDAD, "Thank you.", "Why now?", "I was there.", "Follow us @newskit.", "Photo: AFP",
    "The court ruled on the latest appeal.", "Prices could rise 5 percent next year.",
    "“We will win,” he said.", "We think it is wrong.", "The minister said 40 people died.",
]), min_size=1, max_size=6).map(" ".join))
def test_type_and_checkworthy_agree(text):
    for c in find_claims(text):
        assert (c.type in CHECKWORTHY_TYPES) == c.checkworthy, (c.text, c.type, c.score)
        assert c.rule.split(":")[0] == c.type


#: Lines with the shapes of page furniture: never check-worthy, whatever their words.
FURNITURE = [
    "Follow Jeff Poor on Twitter @jeff_poor.",
    "Send tips to newsroom@example.com.",
    "Sign up for our newsletter to get the 10 biggest stories of the day.",
    "Subscribe now and save 50 percent on your first year.",
    "Click here to read the full report on unemployment.",
    "Photo: Jane Roe / Reuters",
    "(AP Photo/Evan Vucci)",
    "Story by Jane Roe. Video produced by John Doe.",
    "By Jane Roe",
    "FULL TEXT.",
    "___.",
    "7:30 a.m.",
    '<tweet tweet-id="1"><tweet/>.',
    "For more information call +1 (212) 555-0100.",
    "Kaieteur News – Largely unreported by the media, a very serious blow was delivered... more",
    "- City To Begin Basic Income Programme For Artists - October 10, 2020",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_never_checkworthy(line):
    claims = find_claims(line)
    assert claims and all(not c.checkworthy and c.type == "not_claim" for c in claims), claims
    assert any(c.rule == "not_claim:furniture" for c in claims)


@pytest.mark.parametrize("line", [
    "The plan was reported by Reuters on Monday.", "Prices rose 5 percent in 2016.",
    "The film was produced by Jon Strauss.", "NATO and the EU agreed on new sanctions.",
    "Thousands of people signed up for the vaccine trial.",
])
def test_sentences_are_not_furniture(line):
    from newskit.claims.signals import is_furniture

    assert not is_furniture(line)


def test_a_reported_stance_does_not_make_its_source_the_claimer():
    text = "The Daily Herald published an editorial blaming the new tax for the job losses."
    c = find_claims(text)[0]
    assert c.claimer is None and c.attribution == "outlet"


def test_only_real_captions_are_claims_and_never_checkworthy():
    from newskit.article import Article

    real = "Residents queue for bread in the old market after the 40 percent price rise."
    art = Article(text="Prices rose 40 percent last year.", title="Bread prices soar",
                  captions=("Photo: AFP", "1 of 12", real))
    caps = [c for c in find_claims(art) if c.field == "caption"]
    assert [(c.field_index, c.text) for c in caps] == [(2, real)]
    assert not caps[0].checkworthy and caps[0].type == "not_claim" and caps[0].rule == "not_claim:caption"


def test_type_model_covers_the_scheme():
    from newskit.claims.signals import SIGNALS

    tm = load_type_model()
    assert set(tm.types) == set(CLAIM_TYPES) and tm.inputs == SIGNALS + ("score",)
    assert set(CHECKWORTHY_TYPES) | set(OTHER_TYPES) == set(CLAIM_TYPES)
    assert not set(CHECKWORTHY_TYPES) & set(OTHER_TYPES)


def test_prevalence_robust_threshold():
    from newskit.claims.train import PREVALENCES, prevalence_f1, robust_threshold

    rng = np.random.default_rng(0)
    y = np.r_[np.ones(300, int), np.zeros(700, int)]
    s = np.r_[rng.normal(1, 1, 300), rng.normal(-1, 1, 700)]
    t = robust_threshold(s, y)
    worst = min(prevalence_f1(s, y, t, p) for p in PREVALENCES)
    for other in (t - 0.5, t + 0.5):  # moving away makes the worst prevalence worse
        assert min(prevalence_f1(s, y, other, p) for p in PREVALENCES) <= worst
    # F1 at the measured prevalence equals the plain F1
    assert abs(prevalence_f1(s, y, t, 0.3) - (2 * np.sum((s >= t) & (y == 1)) /
               (np.sum(s >= t) + 300))) < 1e-9


@pytest.mark.shared_data
def test_debate_groups_recovered():
    from newskit.claims.train import debate_groups, read_claimbuster

    _, _, ids = read_claimbuster(shared_path("claims", "train.tsv"))
    _, _, dev_ids = read_claimbuster(shared_path("claims", "dev.tsv"))
    groups = debate_groups(ids, np.concatenate([ids, dev_ids]))
    assert len(set(groups)) == 33  # the number of debates in ClaimBuster
    assert np.all(np.diff(groups[np.argsort(ids)]) >= 0)  # each debate one run of ids


@pytest.mark.parametrize("text, hedged", [
    ("The minister reportedly resigned.", True),
    ("Prices could rise further.", True),
    ("Prices rose 5 percent.", False),
    ("Rainfall between March and May was low.", False),
])
def test_hedges(text, hedged):
    assert find_claims(text)[0].hedged is hedged


# ------------------------------------------------------------------------------------ eval gate
@pytest.mark.shared_data
def test_dev_f1_gate():
    path = shared_path("claims", "dev.tsv")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == DEV_SHA256, "dev.tsv changed: re-pin"
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    tp = fp = fn = 0
    for r in rows:
        gold = r["class_label"].strip().lower() == "yes"
        pred = any(c.checkworthy for c in find_claims(r["Text"]))
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= DEV_F1_FLOOR, f"dev F1 {f1:.4f} below the pinned floor {DEV_F1_FLOOR}"


@pytest.mark.shared_data
def test_frozen_typing_set_floor():
    from newskit.claims import train as T
    from newskit.sentences import Sentence

    shared_path("realpages", "news", "pages")  # skips where the data is absent
    rows = T.read_news(T.LABELS / "claim_types.tsv", shared_path())
    got = [find_claims(u.context, sentences=[Sentence(u.start, u.end, u.text)]) for u in rows]
    accuracy = np.mean([bool(cs) and cs[0].type == u.labels["type"] for u, cs in zip(rows, got)])
    assert accuracy >= FROZEN_TYPING_FLOOR, accuracy


# -------------------------------------------------------------------------------------- weights
def test_weights_load_without_pickle_and_are_small():
    path = weights_path()
    assert path.stat().st_size <= 10 * 1024 * 1024
    with np.load(path, allow_pickle=False) as z:
        for name in z.files:
            assert z[name].dtype != object, name
    with zipfile.ZipFile(path) as zf:
        assert all(n.endswith(".npy") for n in zf.namelist())
    model = load_model()
    assert 0 < model.threshold < 1
    assert model.meta["threshold"] == model.threshold
    assert model.meta["numpy_max_abs_diff"] < 1e-8
    assert model.meta["threshold_rule"].startswith("max over t of the lowest F1")
    assert "dev" not in model.meta["cv"]  # nothing in the shipped model was chosen on dev


def test_scores_are_vectorised_and_calibrated():
    texts = [BAGHDAD, "Thank you.", "", "We've run up more debt than ever before."]
    model = load_model()
    together = model.scores(texts)
    alone = np.array([model.scores([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-12)
    assert ((together > 0) & (together < 1)).all()


def test_import_loads_no_weights():
    code = ("import newskit.claims as c, newskit.claims.model as m; "
            "print(m.load_model.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


# ------------------------------------------------------------------------------------------ API
def test_threshold_changes_checkworthiness():
    text = "Prices rose 5 percent last year. Thank you all for coming."
    assert all(c.checkworthy for c in find_claims(text, threshold=0.0))
    assert not any(c.checkworthy for c in find_claims(text, threshold=1.0))
    default = find_claims(text)
    assert [c.checkworthy for c in default] == [c.score >= load_model().threshold for c in default]


@pytest.mark.parametrize("bad", [-0.1, 1.5, "high"])
def test_invalid_threshold_is_rejected(bad):
    with pytest.raises(InputError, match="threshold"):
        find_claims("Prices rose.", threshold=bad)


def test_empty_and_wrong_input():
    assert find_claims("") == []
    with pytest.raises(TypeError):
        find_claims(42)


def test_frame_has_claim_columns():
    frame = claims_frame("Prices rose 5 percent. Thank you.")
    assert list(frame.columns)[:6] == ["start", "end", "text", "score", "checkworthy", "type"]
    assert len(frame) == 2
    assert list(claims_frame("").columns) == list(claims_frame("x y.").columns)


def test_quoted_claims_are_attributed_to_the_speaker():
    c = find_claims("“We cannot say when it will end,” a senior officer said.")[0]
    assert c.claimer == "a senior officer" and c.attribution == "quote:direct" and c.claimer_anonymous


@pytest.mark.parametrize("step", ["find_quotes", "find_quantities", "find_dates"])
def test_a_failing_extractor_is_raised_not_hidden(monkeypatch, step):
    """claims imports the extractors directly: a bug in one raises (no warning, no empty result)."""
    import newskit.claims

    def boom(*args, **kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr(newskit.claims, step, boom)
    with pytest.raises(RuntimeError, match="broken"):
        find_claims(BAGHDAD)
    assert find_claims(BAGHDAD, quotes=[], quantities=[], dates=[])  # handed over: not called


# ------------------------------------------------------------------------------------- offsets
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    BAGHDAD, "“We cannot say when it will end,” he said.", "Prices rose 5 percent.",
    "Mr. Smith left at 5 p.m. on Oct. 26.", "\n\n", "  ", "Thank you.", "é “x” —",
]), max_size=8))
def test_offsets_point_into_the_text(parts):
    text = " ".join(parts)
    for c in find_claims(text):
        assert c.field == "body" and text[c.start:c.end] == c.text
        for item in c.quantities + c.dates:
            assert c.start <= item.start <= item.end <= c.end
            assert text[item.start:item.end] == item.text


def test_sample_offsets_per_field(sample_claims):
    art, claims = sample_claims
    sources = {"body": lambda c: art.text, "title": lambda c: art.title,
               "caption": lambda c: art.captions[c.field_index]}
    assert {c.field for c in claims} <= set(sources)
    for c in claims:
        assert isinstance(c, Claim) and sources[c.field](c)[c.start:c.end] == c.text
        assert c.type in CLAIM_TYPES and 0 <= c.score <= 1


def test_speed():
    import time

    text = " ".join([BAGHDAD, "The area is full of hidden camps."] * 100)
    find_claims("Warm up.")
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = find_claims(text)
    assert len(claims) == 200
    assert time.perf_counter() - t0 < 5.0


def test_found_results_handed_over_give_the_same_claims():
    from newskit.samples import load_sample

    article = load_sample("desert_offensive")
    handed = newskit.find_claims(article, quotes=newskit.find_quotes(article),
                                 quantities=newskit.find_quantities(article),
                                 dates=newskit.find_dates(article))
    assert handed == newskit.find_claims(article)


# --------------------------------------------------------------------------- word gates
# A gate only skips regex searches that cannot match: wherever a pattern matches, its gate
# must be open. Checked on our typing sentences, tricky spellings and generated text.

from newskit.claims.claim_types import cues, gates  # noqa: E402
from newskit.claims.features import HAND_GATES, HAND_PATTERNS, hand_features, word_set  # noqa: E402

_GATE_TEXTS = [
    "İNCREASED by 5%", "ſaid the \u212aing", "Taxation rose; TAXES fell.", "We're going\tto win.",
    "per  cent", "It won't, co-operation", "“Will it?” she asked.", "the biggest-ever cut",
    "Dollars, $5, £3, €2, 2017 years ago", "I THINK we HOPE", "",
]


def _typing_sentences() -> list[str]:
    with open(Path(__file__).parent / "data" / "claim_types.tsv", encoding="utf-8") as f:
        return [row[1] for row in csv.reader(f, delimiter="\t") if len(row) > 1 and not row[0].startswith("#")]


def _phrase_texts() -> list[str]:
    """Every cue phrase in three casings, inside a sentence."""
    from newskit.claims.claim_types import _CUE_FILES
    from newskit.wordlists import word_lines

    out = []
    for file in _CUE_FILES.values():
        for phrase in word_lines(file):
            p = phrase.replace("*", "ing")
            out += [f"He said {p} today.", f"{p.upper()}!", f"“{p.title()}” (x)"]
    return out


def _assert_gates_hold(texts):
    from newskit.claims.claim_types import _gate_set
    from newskit.claims.features import _HAND_GATE_SET

    for text in texts:
        words = word_set(text)
        for gate_set in (_gate_set()[0], _HAND_GATE_SET):  # all at once == one by one
            bits = gate_set.open_bits(text, words)
            assert [bool(bits >> k & 1) for k in range(len(gate_set.gates))] == \
                [g.opens(text, words) for g in gate_set.gates], text
        for name, pattern in cues().items():
            if pattern.search(text):
                assert gates()[name].opens(text, words), (name, text)
        for gate, (name, pattern) in zip(HAND_GATES, HAND_PATTERNS):
            if pattern.search(text):
                assert gate.opens(text, words), (name, text)


def test_gates_are_open_wherever_a_pattern_matches():
    texts = _GATE_TEXTS + _typing_sentences() + _phrase_texts()
    assert len(texts) > 500
    _assert_gates_hold(texts)
    assert np.array_equal(hand_features(texts), hand_features(texts, gated=False))


def test_a_gate_closes_on_text_without_its_words():
    assert not gates()["rule"].opens("The sun rose.", word_set("The sun rose."))
    assert gates()["rule"].opens("A new LAW.", word_set("A new LAW."))
    closed = [name for gate, (name, _) in zip(HAND_GATES, HAND_PATTERNS) if not gate.opens("Sun.", word_set("Sun."))]
    assert len(closed) >= 12, closed


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["will", "WILL", "Taxes", "increase", "İ", "ſ", "\u212a", "than",
                                 "per", "cent", "%", "?", "we", "had", "the", "biggest", "law",
                                 "said", "would", "may", "May", "-", "'", " ", ",", "x"]),
                max_size=12).map("".join))
def test_gates_hold_on_generated_text(text):
    _assert_gates_hold([text])
    assert np.array_equal(hand_features([text]), hand_features([text], gated=False))


def test_given_sentences_give_the_same_claims():
    from newskit.samples import load_samples
    from newskit.sentences import split_sentences

    for art in load_samples()[:3]:
        assert find_claims(art, sentences=split_sentences(art.text)) == find_claims(art)
