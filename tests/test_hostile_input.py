"""Hostile and broken input: a corpus of bad files finishes, reports each bad one, loses no good one."""
from __future__ import annotations

import codecs
import json

import pytest

import newskit
from newskit.loading import LoadError

GOOD = ("Harbour plan approved\nPORT ELLIS (Reuters) - The council approved the plan on Tuesday, "
        "officials said. “It is a good day,” the mayor said.")


def hostile_corpus(folder):
    """Write a folder of good and bad documents; return the names of the good articles' titles."""
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "zero.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.replace("Harbour", "Utf16").encode("utf-16-le"))
    (folder / "cp1252.txt").write_bytes(GOOD.replace("Harbour", "Cp1252 café").encode("cp1252"))
    (folder / "mixed.txt").write_bytes(GOOD.replace("Harbour", "Mixed").replace("\n", "\r\n", 1).encode() + b"\rMore.\nEnd.")
    nested = "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000
    (folder / "nested.html").write_text(f"<html><body>{nested}</body></html>", encoding="utf-8")
    (folder / "script.html").write_text(
        "<html><head><title>Script page</title><script>alert('x')</script></head><body><article>"
        "<h1>Script page</h1><p>LONDON (AP) — The ministry said on Monday that prices rose by 5 percent "
        "in a year, the fastest pace since 2010, and that it expected them to fall soon.</p>"
        "<p>Officials said more data would come next week from the statistics office.</p>"
        "<script>document.write('<p>injected</p>')</script></article></body></html>", encoding="utf-8")
    lines = [json.dumps({"title": "Jsonl one", "text": GOOD}), '{"title": "broken", "text": ',
             json.dumps({"title": "Jsonl two", "text": GOOD})]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "nocol.csv").write_text("title,date\nA,2020-01-01\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return {"Harbour plan approved", "Utf16 plan approved", "Cp1252 café plan approved",
            "Mixed plan approved", "Jsonl one", "Jsonl two"}


def test_corpus_of_hostile_files_reports_each_bad_one(tmp_path):
    pytest.importorskip("trafilatura")
    expected_good = hostile_corpus(tmp_path)
    items = list(newskit.load_corpus(tmp_path))
    good = {a.title for a in items if isinstance(a, newskit.Article)}
    bad = {(e.path.rsplit("/", 1)[-1], e.record): e.error for e in items if isinstance(e, LoadError)}
    assert expected_good <= good
    assert good - expected_good <= {"Script page"}  # the HTML page with scripts is a fine article
    assert bad[("empty.txt", None)] == "EmptyInputError"
    assert bad[("zero.txt", None)] == "EmptyInputError"
    assert bad[("image.txt", None)] == "BinaryInputError"
    assert bad[("feed.jsonl", 2)] == "FormatError"
    assert bad[("nocol.csv", 1)] == "FormatError"
    assert ("nested.html", None) in bad  # no article text in it: recorded, not raised
    for article in items:
        if isinstance(article, newskit.Article):
            assert "alert(" not in article.text and "injected" not in article.text


PATHOLOGICAL = [
    "1" * 20000, "." * 20000, " " * 20000, "“" * 5000 + "said" + "”" * 5000, '"' * 20000,
    "1,0" * 5000, "Mr. " * 5000, "A. " * 5000, "(" * 5000, "$" * 5000 + "1", "-" * 20000,
    "said, " * 3000, "More than " * 2000 + "5", "\n" * 20000, "‘" * 10000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_pathological_shapes_finish_with_valid_spans(text):
    """Long runs of digits, dots, spaces and quote marks (timed in benchmarks/pathological.py)."""
    for sentence in newskit.split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    try:
        newskit.clean(text)
    except newskit.errors.NewskitError:
        pass


def test_analyze_corpus_over_hostile_files_loses_no_good_article(tmp_path):
    pytest.importorskip("trafilatura")
    folder = tmp_path / "corpus"
    folder.mkdir()
    expected_good = hostile_corpus(folder)
    result = newskit.analyze_corpus(folder, jobs=2, progress=False)
    titles = set(result.articles.title)
    assert expected_good <= titles
    failed = {p.rsplit("/", 1)[-1] for p in result.errors.path}
    assert {"empty.txt", "zero.txt", "image.txt", "feed.jsonl", "nocol.csv", "nested.html"} <= failed
    assert not ({"good.txt", "utf16.txt", "cp1252.txt", "mixed.txt"} & failed)
    assert (result.errors.reason.str.len() > 0).all()


@pytest.mark.parametrize("name", ["find_quantities", "find_dates", "find_quotes", "find_claims"])
def test_pathological_shapes_in_every_extractor(name):
    func = getattr(newskit, name)
    for text in PATHOLOGICAL:
        for item in func(text):
            assert text[item.start:item.end] == item.text
