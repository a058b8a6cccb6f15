"""Loading articles from files and strings, encodings, and corpora that never stop on a bad file."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import newskit
from newskit.errors import (BinaryInputError, DecodingError, EmptyInputError, FormatError,
                            InputTooLargeError, NewskitError, SourceNotFoundError)
from newskit.loading import LoadError, decode
from newskit.samples import SAMPLES_DIR, sample_path

BODY = "PARIS (AFP) - Le café coûte 2 euros, “said” Mr. Dupont, a long sentence of the article body."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "Café prices\n" + BODY
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    art = newskit.load(path)
    assert art.title == "Café prices"
    assert "coûte" in art.text
    assert art.dateline == "PARIS" and art.source == "AFP"


def test_crlf_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(("Title\r\n" + BODY + "\r\n\r\nSecond paragraph.\r\n").encode())
    assert newskit.load(path).text.endswith("article body.\n\nSecond paragraph.")


def test_text_and_bytes_sources():
    assert newskit.load("Title\n" + BODY).title == "Title"
    assert newskit.load(("Title\n" + BODY).encode("cp1252")).dateline == "PARIS"


def test_html_sample_uses_metadata_and_keeps_captions():
    pytest.importorskip("trafilatura")
    art = newskit.load(sample_path("storm_coast"))
    assert art.title == "Storm leaves thousands without power on the coast"
    assert art.published == dt.date(2023, 10, 28)
    assert art.byline == "Marta Kowalska"
    assert art.url == "https://coastal-herald.example/news/2023/10/28/storm-power"
    assert art.dateline == "PORT MARIN"
    assert art.captions == ("Waves hit the sea wall at Port Marin on Friday night. (AFP)",)
    assert "window.dataLayer" not in art.text and "Sign up" not in art.text
    assert art.text.startswith("A storm with winds of up to 140 km/h")


def test_jsonl_returns_a_list_with_fields_mapped():
    articles = newskit.load(sample_path("wire_digest"))
    assert [a.id for a in articles] == ["wire-001", "wire-002", "wire-003"]
    first = articles[0]
    assert first.title.startswith("Central bank holds rates")
    assert first.published == dt.date(2023, 9, 14) and first.byline == "Klaus Berger"
    assert first.dateline == "FRANKFURT" and first.source == "Reuters"


def test_configurable_fields_json_and_csv(tmp_path):
    record = {"key": "x1", "hed": "Storm hits", "story": BODY, "when": "2020-01-02"}
    fields = {"id": "key", "title": "hed", "text": "story", "published": "when"}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    art = newskit.load(tmp_path / "one.json", fields=fields)
    assert (art.id, art.title, art.published) == ("x1", "Storm hits", dt.date(2020, 1, 2))
    import csv

    with open(tmp_path / "many.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(record))
        writer.writeheader()
        writer.writerow(record)
        writer.writerow({**record, "key": "x2"})
    arts = newskit.load(tmp_path / "many.csv", fields=fields)
    assert [a.id for a in arts] == ["x1", "x2"]


def test_csv_with_missing_text_column_is_a_format_error(tmp_path):
    (tmp_path / "bad.csv").write_text("title,date\nA,2020-01-01\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no text field"):
        newskit.load(tmp_path / "bad.csv")


@pytest.mark.parametrize(
    "content,error",
    [(b"", EmptyInputError), (b"   \n ", EmptyInputError), (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError),
     (b"\x00\x01\x02" * 100, BinaryInputError), (b"\xff\xfe" + b"\x00\xd8", DecodingError)],
)
def test_bad_files_raise_documented_errors(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error):
        newskit.load(path)


def test_missing_file_and_limits(tmp_path):
    with pytest.raises(SourceNotFoundError):
        newskit.load(tmp_path / "nope.txt")
    with pytest.raises(SourceNotFoundError, match="load_corpus"):
        newskit.load(tmp_path)
    (tmp_path / "big.txt").write_text("Title\n" + BODY * 10, encoding="utf-8")
    with pytest.raises(InputTooLargeError):
        newskit.load(tmp_path / "big.txt", max_bytes=100)
    with pytest.raises(ValueError, match="format must be one of"):
        newskit.load("text", format="docx")


def test_decode_prefers_utf8_then_cp1252():
    assert decode("naïve “x”".encode()) == "naïve “x”"
    assert decode("naïve “x”".encode("cp1252")) == "naïve “x”"


def test_corpus_of_samples_streams_articles():
    items = list(newskit.load_corpus(SAMPLES_DIR))
    assert len(items) == 7 and all(isinstance(a, newskit.Article) for a in items)
    df = newskit.corpus_frame(SAMPLES_DIR)
    assert df.error.isna().all() and len(df) == 7


def test_corpus_records_every_bad_document_and_loses_no_good_one(tmp_path):
    (tmp_path / "good.txt").write_text("Good one\n" + BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    lines = [json.dumps({"title": "A", "text": BODY}), "{not json", json.dumps({"title": "B", "text": BODY}),
             json.dumps({"title": "no text"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(newskit.load_corpus([tmp_path, tmp_path / "missing.txt"]))
    good = [a for a in items if isinstance(a, newskit.Article)]
    bad = [e for e in items if isinstance(e, LoadError)]
    assert sorted(a.title for a in good) == ["A", "B", "Good one"]
    assert sorted((e.path.rsplit("/", 1)[-1], e.record, e.error) for e in bad) == [
        ("empty.txt", None, "EmptyInputError"), ("feed.jsonl", 2, "FormatError"),
        ("feed.jsonl", 4, "FormatError"), ("image.png", None, "BinaryInputError"),
        ("missing.txt", None, "SourceNotFoundError")]
    df = newskit.corpus_frame(tmp_path)
    assert df.error.notna().sum() == 4 and df.error.isna().sum() == 3


def test_glob_sources():
    items = list(newskit.load_corpus(str(SAMPLES_DIR / "*.txt")))
    assert len(items) == 3


def test_all_errors_are_newskit_errors():
    for cls in (BinaryInputError, DecodingError, EmptyInputError, FormatError, InputTooLargeError,
                SourceNotFoundError):
        assert issubclass(cls, NewskitError)


def test_nul_characters_are_dropped_not_fatal():
    art = newskit.load("Title\nLONDON: Prices\x00 rose 5 percent on Friday, officials said.\x00")
    assert art.text == "Prices rose 5 percent on Friday, officials said."


@pytest.mark.parametrize("junk", ["<html><<<>>></html>", "<html><body><div></div></body></html>",
                                  "<!DOCTYPE html><html><script>var x = 1;</script></html>"])
def test_html_junk_is_a_format_error(junk):
    pytest.importorskip("trafilatura")
    with pytest.raises(FormatError):
        newskit.load(junk, format="html")


def test_a_20_megabyte_text_loads(tmp_path):
    paragraph = "LONDON: The council approved the plan on Tuesday, officials said, after a long debate.\n"
    path = tmp_path / "big.txt"
    path.write_text("Big file\n" + paragraph * (20_000_000 // len(paragraph)), encoding="utf-8")
    art = newskit.load(path)
    assert len(art.text) > 19_000_000
    start = art.text.rindex("officials")
    r0, r1 = art.raw_span(start, start + 9)
    assert art.raw[r0:r1] == "officials"


# ------------------------------------------------------------------ load(str): a path or the text?
@pytest.mark.parametrize("source, is_path", [
    ("news/2019/article.txt", True),        # no white space, a supported extension
    ("article.jsonl", True),
    ("ARTICLE.HTML", True),
    ("no/such/file", True),                 # a path separator
    ("https://example.org/a.html", True),   # one token with a separator: read as a (missing) path
    ("See the full results.html", False),   # several words: text, whatever it ends with
    ("Officials said the figures are at example.org/results.html", False),
    ("Title\nbody.txt", False),             # more than one line
    ("results.html\n", False),
    ("Prices rose.", False),
    ("<html><body><div></div></body></html>", False),  # markup is content
    ('{"text":"a/b.txt"}', False),          # JSON is content
    ("café/crème.txt", True),
    ("3.5", False),                         # not a supported extension
    ("Hello", False),
    ("   ", False),
    ("a" * 2000 + ".txt", False),           # too long for a path
])
def test_which_strings_are_paths(source, is_path):
    from newskit.loading import looks_like_path

    assert looks_like_path(source) is is_path


def test_text_that_ends_like_a_file_name_is_text():
    text = "The ministry said on Friday that the final figures are published at example.org/results.html"
    assert newskit.load(text).text == text


def test_a_missing_path_string_raises_and_an_existing_file_with_spaces_is_read(tmp_path, monkeypatch):
    with pytest.raises(SourceNotFoundError):
        newskit.load("no/such/folder/article")
    with pytest.raises(SourceNotFoundError):
        newskit.load(str(tmp_path / "missing.txt"))
    spaced = tmp_path / "my article.txt"
    spaced.write_text("Title\n" + BODY, encoding="utf-8")
    assert newskit.load(str(spaced)).title == "Title"      # names an existing file: a path
    monkeypatch.chdir(tmp_path)
    assert newskit.load("my article.txt").title == "Title"


def test_a_path_object_is_always_a_path(tmp_path):
    with pytest.raises(SourceNotFoundError):
        newskit.load(tmp_path / "Several words and a sentence.txt")
    with pytest.raises(SourceNotFoundError):
        newskit.load(tmp_path / "no_extension")


def test_bytes_and_clean_always_read_content():
    assert newskit.load("24/7".encode()).raw == "24/7"
    assert newskit.clean("24/7").raw == "24/7"
