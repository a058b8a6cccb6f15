"""Property tests: every public extractor on arbitrary text.

On any text (emoji, RTL scripts, combining marks, NUL, lone surrogates, very long tokens,
unbalanced quote marks) an extractor either returns results or raises a documented
``newskit.errors.NewskitError``; every span satisfies ``0 <= start <= end <= len(text)`` and
``text[start:end] == span.text``; results are deterministic; clean-text offsets map into raw.

The number of examples per test is fixed by the hypothesis profile below (``NEWSKIT_HYPOTHESIS``
= ``ci`` (default, 150 examples) or ``thorough`` (1000)), so CI time stays bounded.
"""
from __future__ import annotations

import importlib
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newskit
from newskit.errors import NewskitError
from newskit.spans import check_span

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("NEWSKIT_HYPOTHESIS", "ci"))

NEWSY = [
    "Lt. Gen. Smith said", "“We will win,” he said.", "according to officials,", " 90 percent ",
    "$1.2bn", "on Friday", "Oct. 26", "600 km", "BAGHDAD: ", "\n\n", "\n", "'", "\"", "“", "”",
    "(Reuters)", "Follow", "U.S.", "3,000 troops", "last week", ". ", "! ", "? ", "...", "e.g. ",
    "\u200f", "مرحبا", "שלום", "e\u0301", "😀", "\x00", "\ud800", "1" * 50, "." * 40, " " * 30,
    "“" * 10, "said", "told Arab News", "more than", "2017", "9:30",
]

news_text = st.lists(
    st.one_of(st.sampled_from(NEWSY), st.text(max_size=20)), max_size=40
).map("".join)


def extractor(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def check_spans(text: str, items) -> None:
    for item in items:
        check_span(text, item.start, item.end, item.text)
        for prefix in ("speaker", "cue"):
            s, e = getattr(item, f"{prefix}_start", None), getattr(item, f"{prefix}_end", None)
            if s is not None and e is not None:
                assert 0 <= s <= e <= len(text), item


EXTRACTORS = [
    ("newskit.sentences", "split_sentences"),
    ("newskit.quantities", "find_quantities"),
    ("newskit.dates", "find_dates"),
    ("newskit.quotes", "find_quotes"),
    ("newskit.claims", "find_claims"),
]


@pytest.mark.parametrize("module,name", EXTRACTORS)
@given(text=news_text)
def test_extractor_spans_hold_and_results_are_deterministic(module, name, text):
    func = extractor(module, name)
    try:
        first = func(text)
    except NewskitError:
        return
    check_spans(text, [x for x in first if getattr(x, "field", "body") == "body"])
    assert func(text) == first


@given(text=news_text)
def test_clean_maps_every_offset_into_raw(text):
    try:
        art = newskit.clean(text)
    except NewskitError:
        return
    assert art.raw == text
    previous = 0
    for i in range(len(art.text) + 1):
        r = art.raw_offset(i)
        assert 0 <= r <= len(text)
        assert r >= previous  # monotone: order is kept
        previous = r
    for removal in art.removed:
        assert text[removal.start:removal.end] == removal.text


@given(data=st.binary(max_size=300))
def test_load_bytes_never_crashes(data):
    try:
        art = newskit.load(data)
    except NewskitError:
        return
    assert isinstance(art, (newskit.Article, list))


@given(text=news_text)
def test_analyze_never_crashes(text):
    analyze = extractor("newskit.analysis", "analyze")
    try:
        result = analyze(text)
    except NewskitError:
        return
    assert result is not None
