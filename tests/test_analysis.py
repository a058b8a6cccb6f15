"""analyze(): the bundle of every extractor's results, its tidy frames and its text summary."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import newskit
from newskit import analysis
from newskit.analysis import Analysis, analyze, logical_type
from newskit.article import Article
from newskit.samples import load_sample, load_samples

KINDS = ("sentences", "quantities", "dates", "quotes", "claims")


@pytest.fixture(scope="module")
def sample_analyses() -> list[Analysis]:
    return [analyze(a) for a in load_samples()]


def test_public_api_is_lazy_and_complete():
    assert newskit.analyze is analyze
    assert newskit.Analysis is Analysis


def test_every_span_points_into_the_article_text(sample_analyses):
    for a in sample_analyses:
        text = a.article.text
        for kind in KINDS:
            for item in getattr(a, kind):
                field = getattr(item, "field", None)
                if field in ("title", "caption"):  # these point into the title or the caption
                    source = a.article.title if field == "title" else a.article.captions[item.field_index]
                    assert source[item.start:item.end] == item.text, (kind, item)
                    continue
                assert text[item.start:item.end] == item.text, (kind, item)


def test_str_is_analysed_as_is():
    text = "Prices rose 5 percent on Friday, the minister said."
    a = analyze(text)
    assert a.article.text == text and a.article.id is None
    assert [s.text for s in a.sentences] == [text]


def test_dates_are_resolved_against_the_publication_date():
    art = Article(text="The minister resigned on Friday.", published=dt.date(2019, 3, 9))
    resolved = [d.resolved for d in analyze(art).dates]
    assert dt.date(2019, 3, 8) in resolved


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_wrong_input_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str or newskit.Article"):
        analyze(bad)


def test_unknown_extractor_is_rejected_with_the_valid_names():
    with pytest.raises(ValueError, match="choose from"):
        analyze("Text.", extractors=["quotes", "sentiment"])


def test_only_the_requested_extractors_run():
    a = analyze("“We won,” Smith said on Friday.", extractors=["dates"])
    assert a.quotes == () and a.claims == () and a.sources is None
    assert set(a.timings) <= {"sentences", "dates"}


@pytest.mark.parametrize("step", ["split_sentences", "find_quantities", "find_dates", "find_quotes",
                                  "find_sources", "find_claims"])
def test_a_failing_extractor_is_raised_not_hidden(monkeypatch, step):
    """analyze calls the extractors directly: an error in one is raised, never an empty result."""
    def broken(*args, **kwargs):
        raise RuntimeError(f"bug in {step}")

    monkeypatch.setattr(analysis, step, broken)
    with pytest.raises(RuntimeError, match=f"bug in {step}"):
        analyze("“Prices rose 5 percent on Friday,” Smith said.")


def test_the_extractors_are_imported_directly():
    """No table of module names, no importlib: the extractors are analysis's own imports."""
    import inspect

    source = inspect.getsource(analysis)
    assert "importlib" not in source and "inspect.signature" not in source
    assert analysis.find_quotes is newskit.find_quotes and analysis.find_claims is newskit.find_claims
    assert not hasattr(analysis, "available") and not hasattr(analysis.Analysis(Article(text="x")), "notes")


def test_frames_are_tidy_with_article_id_and_offsets(sample_analyses):
    a = sample_analyses[1]
    frames = a.to_frames()
    assert list(frames) == ["article", "sentences", "quantities", "dates", "quotes", "sources", "claims"]
    for name, frame in frames.items():
        assert isinstance(frame, pd.DataFrame)
        assert frame.columns[0] == "article_id"
        assert (frame["article_id"] == a.article.id).all()
    for kind in KINDS:
        frame = frames[kind]
        assert len(frame) == len(getattr(a, kind))
        if len(frame):
            assert {"start", "end", "text"} <= set(frame.columns)
            assert frame["start"].dtype == "int64"
    row = frames["article"].iloc[0]
    assert row["title"] == a.article.title and row["n_sentences"] == len(a.sentences)


def test_empty_results_keep_their_columns_and_dtypes():
    """Frames have the same columns and dtypes whether an article has results or not."""
    frames = analyze("Nothing to see.").to_frames()
    for kind in ("quantities", "dates", "quotes", "claims"):
        cls = analysis.result_type(kind)
        assert list(frames[kind].columns)[1:] == list(analysis.schema(cls))
        assert dict(frames[kind].dtypes)["start"] == "int64"


@pytest.mark.parametrize("annotation, expected", [
    ("int", "int"), ("int | None", "int?"), ("Optional[int]", "int?"), ("None | int", "int?"),
    ("float", "float"), ("float | None", "float?"), ("str", "str"), ("str | None", "str?"),
    ("bool", "bool"), ("dt.date | None", "date"), ("Optional[dt.date]", "date"),
    ("datetime.datetime", "datetime"), ("tuple", "any"), ("int | str", "any"),
    ("tuple[Quantity, ...]", "any"), (int, "int"), (dt.date, "date"),
])
def test_logical_types_from_annotations(annotation, expected):
    assert logical_type(annotation) == expected


def test_summary_names_title_date_dateline_claims_sources():
    a = analyze(load_sample("desert_offensive"))
    text = a.summary()
    assert text.splitlines()[0] == a.article.title
    assert "2019-03-09" in text and "RAMADI" in text
    assert "Sources:" in text and "Quantities:" in text and "Dates:" in text
    if a.quotes:
        assert "quote" in text


def test_repr_html_is_a_fragment_with_highlights(sample_analyses):
    html = sample_analyses[0]._repr_html_()
    assert html.startswith('<div class="nk-view">') and "<!DOCTYPE" not in html
    assert "nk-article" in html


def test_results_are_handed_to_extractors_that_accept_them(monkeypatch):
    """find_claims and find_sources get what is already found: quotes=, quantities=, dates= (no double work)."""
    seen = {}
    real_sources = analysis.find_sources

    def fake_claims(article, quotes=None, quantities=None, dates=None, sentences=None):
        seen.update(quotes=quotes, quantities=quantities, dates=dates, sentences=sentences)
        return []

    def spy_sources(article, quotes=None):
        seen.update(source_quotes=quotes)
        return real_sources(article, quotes=quotes)

    monkeypatch.setattr(analysis, "find_claims", fake_claims)
    monkeypatch.setattr(analysis, "find_sources", spy_sources)
    a = analyze("“Prices rose 5 percent,” Smith said.")
    assert seen["quotes"] == list(a.quotes) and seen["quantities"] == list(a.quantities)
    assert seen["dates"] == list(a.dates) and seen["sentences"] == list(a.sentences)
    assert seen["source_quotes"] == list(a.quotes)


def test_claims_alone_find_what_was_not_run():
    """Asked for claims only, find_claims finds quotes, quantities and dates itself."""
    alone = analyze("“Prices rose 5 percent,” Smith said.", extractors=["claims"])
    full = analyze("“Prices rose 5 percent,” Smith said.")
    assert alone.quotes == () and alone.sources is None
    assert alone.claims == full.claims


def test_sources_are_result_records_and_their_frame_keeps_its_columns():
    from newskit.quotes import Source

    a = newskit.analyze("“We will win,” Smith said. “The count is wrong,” Smith added. Jones said it rained.")
    assert all(isinstance(s, Source) for s in a.sources)
    assert [(s.speaker, s.quotes) for s in a.sources] == [("Smith", 2), ("Jones", 1)]
    frame = a.to_frames()["sources"]
    assert frame[["speaker", "quotes", "named"]].values.tolist() == [["Smith", 2, True], ["Jones", 1, True]]
    empty = newskit.analyze("No quotes here.").to_frames()["sources"]
    assert len(empty) == 0 and {"speaker", "quotes", "named"} <= set(empty.columns)
