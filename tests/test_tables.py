"""newskit.tables: the one DataFrame path. The same results give the same columns and dtypes
whether they come from to_frame, Analysis.to_frames() or a corpus table."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

import newskit
from newskit import tables
from newskit.analysis import RESULT_TYPES, analyze
from newskit.article import Article
from newskit.corpus import CorpusResult, analyze_corpus
from newskit.samples import load_samples

#: the kinds that are both a frame of an Analysis and a table of a corpus
CORPUS_KINDS = ("quantities", "dates", "quotes", "sources", "claims")

TEXTS = {
    "rich": "“Prices rose 5 percent on Friday,” the minister said. Costs fell 3% last week, Smith said.",
    "empty": "Nothing to see here.",
}


def _articles():
    arts = [Article(text=t, raw=t, id=name, published=dt.date(2019, 3, 9)) for name, t in TEXTS.items()]
    return arts + [a for a in load_samples()[:2]]


@pytest.fixture(scope="module")
def three_ways():
    """For each article: its Analysis, and the corpus tables of the same articles."""
    arts = _articles()
    analyses = [analyze(a) for a in arts]
    corpus = analyze_corpus(arts, jobs=1, progress=False)
    return arts, analyses, corpus


def test_to_frame_is_one_function_under_every_old_name():
    assert newskit.to_frame is tables.to_frame
    assert newskit.spans.to_frame is tables.to_frame


@pytest.mark.parametrize("kind", CORPUS_KINDS)
def test_to_frame_analysis_frames_and_corpus_tables_agree(three_ways, kind):
    arts, analyses, corpus = three_ways
    table = corpus.table(kind)
    for doc, (art, a) in enumerate(zip(arts, analyses)):
        items = getattr(a, kind) or ()
        direct = tables.to_frame(items, RESULT_TYPES[kind])
        from_analysis = a.to_frames()[kind].drop(columns=["article_id"])
        from_corpus = table[table["doc"] == doc].drop(columns=["doc", "article_id"]).reset_index(drop=True)
        assert list(direct.columns) == [f.name for f in dataclasses.fields(RESULT_TYPES[kind]) if f.repr]
        pd.testing.assert_frame_equal(direct, from_analysis, obj=f"{kind} of {art.id}: to_frame vs to_frames")
        pd.testing.assert_frame_equal(direct, from_corpus, obj=f"{kind} of {art.id}: to_frame vs corpus")


def test_empty_results_keep_columns_and_dtypes():
    for kind, cls in RESULT_TYPES.items():
        frame = tables.to_frame([], cls)
        assert dict(frame.dtypes.astype(str)) == tables.schema(cls), kind


def test_optional_numbers_are_nullable_and_text_missing_is_none():
    @dataclasses.dataclass(frozen=True)
    class Row:
        start: int
        count: int | None
        label: str | None
        items: tuple = ()

    frame = tables.to_frame([Row(0, 3, "a", ("x", "y")), Row(1, None, None)])
    assert frame.dtypes.astype(str).tolist() == ["int64", "Int64", "object", "object"]
    assert frame["label"].tolist() == ["a", None]
    assert frame["items"].tolist() == ["x; y", ""]


def test_dicts_become_rows_as_they_are():
    frame = tables.to_frame([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert frame.to_dict("list") == {"a": [1, 2], "b": ["x", "y"]}


def test_corpus_tables_read_back_with_the_same_types(tmp_path, three_ways):
    pytest.importorskip("pyarrow")
    arts, _, corpus = three_ways
    analyze_corpus(arts, jobs=1, progress=False, out=tmp_path / "t", format="parquet")
    again = CorpusResult.load(tmp_path / "t")
    for kind in CORPUS_KINDS:
        pd.testing.assert_frame_equal(again.table(kind), corpus.table(kind), obj=kind)
