"""render_html: highlights, and nothing from the input ever becomes markup."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

import newskit
import newskit.samples  # the tests use newskit.samples.load_sample (a submodule: imported, not lazy)
from newskit.article import Article
from newskit.display import render_html

#: Every tag render_html may write; anything else in the output came from the input.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "article", "h2", "h4", "div",
                "p", "span", "br", "hr", "table", "tr", "th", "td"}
ALLOWED_ATTRS = {"class", "title", "lang", "charset"}

HOSTILE = ('<script>alert("x")</script> “We will <b>never</b> pay,” said <img src=x onerror=alert(1)> '
           'Mr. O"Brien on Friday. Prices rose 5 percent <!-- c --> &amp; more.')


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self.stack, self.errors = [], set(), [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)
        if tag not in ("meta", "br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.errors.append(f"comment {data}")


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("standalone", [True, False])
def test_script_in_the_article_stays_text(standalone):
    art = Article(text=HOSTILE, title='<script>alert("title")</script>', byline="<i>x</i>",
                  id='"><script>')
    page = render_html(newskit.analyze(art), standalone=standalone)
    parsed = _parse(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert parsed.attrs <= ALLOWED_ATTRS
    assert not parsed.errors, parsed.errors  # balanced tags, no comments from the input
    assert "<script" not in page.lower()
    text = "".join(parsed.text)
    assert '<script>alert("x")</script>' in text  # shown to the reader as text
    assert "<img src=x onerror=alert(1)>" in text


def test_the_body_text_survives_highlighting_unchanged():
    art = newskit.samples.load_sample("desert_offensive")
    page = render_html(newskit.analyze(art))
    text = "".join(_parse(page).text)
    for paragraph in art.text.split("\n\n"):
        assert paragraph in text


def test_highlights_mark_quotes_speakers_dates_and_quantities():
    a = newskit.analyze(newskit.samples.load_sample("clinic_waiting"))
    page = render_html(a)
    if a.claims:
        assert "nk-checkworthy" in page.split("</style>")[1]
    for kind in ("quote", "speaker", "date", "quantity"):
        name = {"quote": "quotes", "speaker": "quotes", "date": "dates", "quantity": "quantities"}[kind]
        if getattr(a, name):
            assert f"nk-{kind}" in page.split("</style>")[1], kind
    assert page.startswith("<!DOCTYPE html>") and "<title>" in page


def test_overlapping_spans_are_flattened_not_crossed():
    a = newskit.analyze("“Prices rose 5 percent on Friday,” the minister said. Costs fell 3 percent.")
    assert not _parse(render_html(a)).errors


def test_many_articles_on_one_page_and_strings_are_analysed_first():
    page = newskit.render_html(["First text. It rose 5 percent.", "Second text."])
    assert page.count('<article class="nk-article">') == 2
    assert render_html([newskit.analyze("First text. It rose 5 percent."), newskit.analyze("Second text.")]) == page


@pytest.mark.parametrize("given", ["Some text.", Article(text="Some text.")])
def test_display_draws_analyses_only(given):
    """newskit.display renders what it is given; analysing a str first is newskit.render_html's job."""
    with pytest.raises(TypeError, match="newskit.render_html"):
        render_html(given)
    assert newskit.render_html(given) == render_html(newskit.analyze(given))
