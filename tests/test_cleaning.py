"""Cleaning scraped text: what is kept, what is moved to metadata, what is recorded as removed."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

import newskit
from newskit.errors import BinaryInputError, EmptyInputError, NewskitError


def _comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.replace("\u200b", "")).split())


def assert_offsets_map_back(article):
    """Every paragraph of the clean text maps back to the same words in raw."""
    pos = 0
    for para in article.text.split("\n\n"):
        start = article.text.index(para, pos)
        end = start + len(para)
        r0, r1 = article.raw_span(start, end)
        assert _comparable(article.raw[r0:r1]) == _comparable(para)
        pos = end
    for removal in article.removed:
        assert article.raw[removal.start:removal.end] == removal.text


def test_seed_article_cleans_as_described(seed_raw):
    art = newskit.clean(seed_raw)
    assert art.title == "Iraqi Prime Minister: Iraqi forces have retaken Al-Qaim from Daesh"
    assert art.published == dt.date(2017, 11, 4)
    assert art.updated == dt.date(2017, 11, 4)
    assert art.dateline == "BAGHDAD"
    assert art.captions == (
        "Vehicles of the Popular Mobilization Units (PMU) are seen after liberating the city of "
        "Al-Qaim, Iraq, on Friday. (Reuters)",
    )
    assert art.text.startswith("Iraqi Prime Minister Haider Al-Abadi on Friday announced")
    assert "Follow" not in art.text and "Updated" not in art.text
    assert art.title not in art.text  # the headline is kept once, as the title
    assert art.text.endswith("destroy them.”")
    assert "“record period.”" in art.text  # curly quotes kept
    assert art.text.count("\n\n") == 10  # eleven body paragraphs
    reasons = [r.reason for r in art.removed]
    assert reasons == ["headline", "repeated-headline", "caption", "timestamp", "social",
                       "repeated-headline", "repeated-headline", "dateline"]
    assert_offsets_map_back(art)


CASES = [
    # (raw, field, expected)
    ("Headline here\nBy Jane Doe\nWASHINGTON (Reuters) - The Senate voted 52-48 on a bill on Tuesday, aides said.",
     "dateline", "WASHINGTON"),
    ("Headline here\nBy Jane Doe\nWASHINGTON (Reuters) - The Senate voted 52-48 on a bill on Tuesday, aides said.",
     "source", "Reuters"),
    ("Headline here\nBy Jane Doe\nWASHINGTON (Reuters) - The Senate voted 52-48 on a bill on Tuesday, aides said.",
     "byline", "Jane Doe"),
    ("Headline\nPublished: March 3, 2021 10:15 AM EST\nLONDON (AP) — A long enough first sentence of the story body goes here.",
     "published", dt.date(2021, 3, 3)),
    ("Headline\nPublished: March 3, 2021 10:15 AM EST\nLONDON (AP) — A long enough first sentence of the story body goes here.",
     "published_time", dt.datetime(2021, 3, 3, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
    ("Headline\nMADRID, May 30 (Reuters) - Farmers warned on Tuesday that harvests could fall by as much as 40 percent.",
     "dateline", "MADRID"),
    ("Headline\nPORT ELLIS, Maine (Reuters) - The city council on Tuesday approved a harbour plan worth a lot.",
     "dateline", "PORT ELLIS, Maine"),
    ("Headline\nPORT MARIN — A storm with winds of up to 140 km/h swept along the coast on Friday night.",
     "dateline", "PORT MARIN"),
    ("Headline\nA storm swept along the coast on Friday night, leaving thousands without power.",
     "dateline", None),
    ("Headline\nUS officials said on Friday that they had no comment on the reports at all.",
     "dateline", None),
    ("World\nSenate passes bill\nNov 2, 2017\nThe Senate passed the bill on Thursday by 51 votes to 49.",
     "title", "Senate passes bill"),
    ("World\nSenate passes bill\nNov 2, 2017\nThe Senate passed the bill on Thursday by 51 votes to 49.",
     "published", dt.date(2017, 11, 2)),
    ("Senate passes bill\nLast updated on 2 Nov 2017 14:00 GMT\nWASHINGTON (Reuters) -- The Senate passed it.",
     "updated", dt.date(2017, 11, 2)),
    ("Bill\nPhoto: Senators leave on Thursday. (AP Photo/Jane Doe)\nWASHINGTON — The Senate passed the bill.",
     "captions", ("Photo: Senators leave on Thursday. (AP Photo/Jane Doe)",)),
    ("WASHINGTON (Reuters) - The Senate passed the bill on Thursday by 51 votes to 49.\nIt now goes to the House.",
     "title", None),
    ("Just one paragraph of text with no header at all, which said things.", "text",
     "Just one paragraph of text with no header at all, which said things."),
    ("Follow\nLONDON: Prices rose 5 percent, officials said.", "text", "Prices rose 5 percent, officials said."),
]


@pytest.mark.parametrize("raw,field,expected", CASES)
def test_metadata_from_text(raw, field, expected):
    assert getattr(newskit.clean(raw), field) == expected


BOILERPLATE = ["Follow", "Share", "Share this article", "Advertisement", "Read more: Other story",
               "Sign up for our daily newsletter", "Follow us on Twitter", "Tweet", "ADVERTISEMENT",
               "© 2023 The Coastal Herald", "Story continues below advertisement", "3 min read"]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_are_dropped_and_recorded(line):
    raw = f"Title\nThe first paragraph of the story is long enough to be body text here.\n{line}\nThe end."
    art = newskit.clean(raw)
    assert line not in art.text
    assert art.text.endswith("The end.")
    assert any(r.text == line for r in art.removed)


def test_body_sentences_that_look_like_boilerplate_are_kept():
    raw = "Title\nThe story body starts here with a long enough sentence about the vote.\nShare prices fell 3 percent on Monday."
    assert "Share prices fell" in newskit.clean(raw).text


def test_unicode_is_normalised_but_curly_quotes_kept():
    raw = "Title\nThe mayor\u00a0said \u201cyes\u201d \u2014 caf\u0065\u0301 prices rose\u200b  5\u2009percent today, officials said."
    art = newskit.clean(raw)
    assert art.text == "The mayor said \u201cyes\u201d \u2014 caf\u00e9 prices rose 5 percent today, officials said."
    assert_offsets_map_back(art)


def test_paragraph_breaks_kept_and_crlf_handled():
    raw = "Title\r\nFirst paragraph is long enough to be the body of the article text.\r\n\r\nSecond one.\rThird one."
    art = newskit.clean(raw)
    assert art.text.split("\n\n") == [
        "First paragraph is long enough to be the body of the article text.", "Second one.", "Third one."]
    assert_offsets_map_back(art)


def test_known_metadata_wins_and_title_is_removed_from_body():
    art = newskit.clean("Storm hits\nThe storm hit the coast on Friday, leaving many without power.",
                        title="Storm hits", published="2023-10-28")
    assert art.title == "Storm hits" and art.published == dt.date(2023, 10, 28)
    assert art.text.startswith("The storm hit")


def test_raw_offset_maps_each_character():
    raw = "Title\nFollow\nLONDON: Prices  rose 5 percent on Friday, officials said."
    art = newskit.clean(raw)
    i = art.text.index("rose")
    assert art.raw[art.raw_offset(i):art.raw_offset(i + 4)] == "rose"
    assert art.raw_offset(len(art.text)) == len(raw)
    with pytest.raises(IndexError):
        art.raw_offset(len(art.text) + 1)


@pytest.mark.parametrize("raw,error", [("", EmptyInputError), ("  \n\t ", EmptyInputError),
                                      ("\x00\x01\x02\x03" * 50, BinaryInputError)])
def test_bad_input_raises_documented_errors(raw, error):
    with pytest.raises(error):
        newskit.clean(raw)
    assert issubclass(error, NewskitError)


def test_clean_rejects_bytes_with_a_pointer_to_load():
    with pytest.raises(TypeError, match="newskit.load"):
        newskit.clean(b"bytes")


def test_all_samples_clean_with_metadata():
    from newskit.samples import load_samples

    articles = load_samples()
    assert len(articles) == 7
    for art in articles:
        assert isinstance(art, newskit.Article), art
        assert art.title and art.published and art.text
        assert_offsets_map_back(art)
    by_id = {a.id: a for a in articles}
    assert by_id["desert_offensive"].published == dt.date(2019, 3, 9)
    assert by_id["desert_offensive"].dateline == "RAMADI"
    assert by_id["storm_coast"].captions == ("Waves hit the sea wall at Port Marin on Friday night. (AFP)",)
    assert by_id["harbour_budget"].byline == "Jane Whitfield and Omar Reyes"
    assert "Read more" not in by_id["harbour_budget"].text
