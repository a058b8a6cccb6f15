"""Dates: the issue's cases, our news sentences, the seed article, invariants and eval gates."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newskit
from newskit.dates import DateMention, find_dates, parse_reference, value_range
from newskit.dates import context, engine, lexicon, scan
from newskit.numbers import word_trie
from newskit.wordlists import fold_case

from conftest import ROOT, SHARED_DATA, shared_path

REF = dt.date(2017, 11, 4)  # the seed article's publication date, a Saturday
DATA = Path(__file__).parent / "data"

#: TempEval-3 value F1 on ../shared/data/dates/tbaq, measured 0.820 (span F1 0.944) with
#: benchmarks/eval_dates.py after issue 15 (0.816 before); the gates sit a little below. Raise them
#: as the rules improve.
TE3_VALUE_F1_FLOOR = 0.815
TE3_SPAN_F1_FLOOR = 0.935
#: Recognizers-Text DateTimeModel.json pass rate (of 985 cases), measured 0.515
RECOGNIZERS_PASS_FLOOR = 0.51


def _value_of(text: str, mention_text: str, reference=REF) -> DateMention:
    found = find_dates(text, reference=reference)
    hits = [m for m in found if m.text == mention_text]
    assert hits, f"{mention_text!r} not found in {text!r}: {[(m.text, m.value) for m in found]}"
    return hits[0]


# ------------------------------------------------------------------------------------------
# The cases named in issue 4 (reference 2017-11-04)
# ------------------------------------------------------------------------------------------
ISSUE_CASES = [
    # (sentence, mention text, type, value)
    ("Al-Abadi on Friday announced the liberation of the town.", "Friday", "DATE", "2017-11-03"),
    ("The map circulated on Friday evening showed the front.", "Friday evening", "TIME", "2017-11-03TEV"),
    ("The operation was launched on Oct. 26.", "Oct. 26", "DATE", "2017-10-26"),
    ("Talks stalled last week.", "last week", "DATE", "2017-W43"),
    ("Growth will recover next year.", "next year", "DATE", "2018"),
    ("The siege lasted three days.", "three days", "DURATION", "P3D"),
    ("The crossing is now open.", "now", "DATE", "PRESENT_REF"),
    ("The crossing is currently closed.", "currently", "DATE", "PRESENT_REF"),
    ("Convoys arrive every week.", "every week", "SET", "P1W"),
    ("The law was passed in 2016.", "2016", "DATE", "2016"),
    ("The city grew in the 1990s.", "the 1990s", "DATE", "199X"),
    ("The town fell two weeks ago.", "two weeks ago", "DATE", "2017-10-21"),
    # bare weekday: the verb tense decides where it is clear, else the most recent past
    ("The minister will visit on Friday.", "Friday", "DATE", "2017-11-10"),
    ("The minister is going to visit on Wednesday.", "Wednesday", "DATE", "2017-11-08"),
    ("The minister visited on Wednesday.", "Wednesday", "DATE", "2017-11-01"),
    ("Voting on Monday.", "Monday", "DATE", "2017-10-30"),
]


@pytest.mark.parametrize("text,mention,typ,value", ISSUE_CASES, ids=[c[1] + ":" + c[3] for c in ISSUE_CASES])
def test_issue_cases(text, mention, typ, value):
    m = _value_of(text, mention)
    assert (m.kind, m.value) == (typ, value)


def _table():
    rows = []
    for line in (DATA / "dates_cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ref, text, mention, typ, value = line.split("\t")
        rows.append(pytest.param(None if ref == "-" else ref, text, mention, typ, value,
                                 id=f"{ref}:{mention}"))
    return rows


@pytest.mark.parametrize("reference,text,mention,typ,value", _table())
def test_news_sentences(reference, text, mention, typ, value):
    if mention == "-":  # a sentence with no temporal expression at all
        assert find_dates(text, reference=reference) == []
        return
    m = _value_of(text, mention, reference=reference)
    assert (m.kind, m.value) == (typ, value), m


def _issue15_table():
    rows = []
    for line in (DATA / "dates_issue15_cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ref, text, mention, typ, value = line.split("\t")
        rows.append(pytest.param(ref, text, mention, typ, value, id=f"{mention}:{value}:{text[:30]}"))
    return rows


@pytest.mark.parametrize("reference,text,mention,typ,value", _issue15_table())
def test_issue15_shapes(reference, text, mention, typ, value):
    """Issue 15: weekdays by tense and modality, clock times on the story's day, fiscal years."""
    if mention == "-":  # a sentence with no temporal expression at all
        assert find_dates(text, reference=reference) == []
        return
    m = _value_of(text, mention, reference=reference)
    assert (m.kind, m.value) == (typ, value), m


def _rule_table():
    rows = []
    for line in (DATA / "dates_rule_cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ref, text, mention, typ, value, rule = line.split("\t")
        rows.append(pytest.param(None if ref == "-" else ref, text, mention, typ, value, rule,
                                 id=f"{rule}:{ref}:{mention}"))
    return rows


@pytest.mark.parametrize("reference,text,mention,typ,value,rule", _rule_table())
def test_rule_cases(reference, text, mention, typ, value, rule):
    m = _value_of(text, mention, reference=reference)
    assert (m.kind, m.value, m.rule) == (typ, value, rule), m


def test_every_rule_is_produced_by_a_case():
    """Every rule the engine registers produces the mention of some case of the two tables."""
    produced = {param.values[5] for param in _rule_table()}
    for param in _table() + _issue15_table():
        reference, text, mention = param.values[:3]
        if mention != "-":
            produced.add(_value_of(text, mention, reference=reference).rule)
    assert [r.name for r in engine.RULES if r.name not in produced] == []


#: the order the rules register in (ties between equal matches go to the rule defined first):
#: the families of newskit/dates/rules/ in the order rules/__init__.py imports them
RULE_ORDER = [
    # calendar
    "iso-date", "numeric-date", "month-day", "day-month", "second-day", "month-year", "month", "year",
    "year-month-iso", "year-range", "fiscal-year", "day-range", "spoken-year", "decade", "century",
    # days
    "relative-day", "this-part-of-day", "weekday", "weekday-of-week", "nth-week-of-year", "part-of-day",
    "weekday-the-nth", "weekday-set", "weekend-set",
    # clock
    "clock-time", "day-clock-time", "named-time",
    # relative
    "relative-unit", "weekend", "the-year", "anchored-year", "anchored-day", "ahead", "edge-of-period",
    "earlier-in-year",
    # periods
    "quarter", "q-notation", "half-year", "period-in-context", "year-ago-adj", "season", "holiday",
    # durations
    "duration", "offset-from-day", "bare-units",
    # refs
    "set", "set-adverb", "present-ref", "recent-units", "current", "past-ref", "future-ref", "earlier-this",
]


def test_rules_register_in_the_expected_order():
    assert [r.name for r in engine.RULES] == RULE_ORDER
    assert list(scan.RULE_ORDER) == RULE_ORDER


def test_a_rule_must_declare_its_anchors():
    with pytest.raises(TypeError, match="anchors"):
        engine.rule("no_anchors", r"x")
    with pytest.raises(ValueError, match="no anchor group '@monthz'"):
        engine.rule("bad_group", r"x", anchors="@monthz")


def test_patterns_use_no_python_311_syntax():
    """Python 3.10 has no atomic groups "(?>...)" nor possessive quantifiers ("*+", "++", "?+")."""
    newer = re.compile(r"\(\?>|(?<!\\)[*+?}]\+")
    sources = [r.pattern.pattern for r in engine.RULES] + [r.locate.pattern for r in engine.RULES if r.locate]
    assert [s for s in sources if newer.search(s)] == []


# ------------------------------------------------------------------------------------------
# The seed article (Arab News, 4 Nov 2017)
# ------------------------------------------------------------------------------------------
def test_seed_article(seed_raw):
    found = find_dates(seed_raw, reference=REF)
    values = {(m.text, m.value) for m in found}
    assert ("Friday", "2017-11-03") in values
    assert ("Oct. 26", "2017-10-26") in values
    assert ("Friday evening", "2017-11-03TEV") in values
    for m in found:
        assert seed_raw[m.start:m.end] == m.text


def test_article_published_is_the_reference():
    art = newskit.Article(text="Officials met on Friday.", published=REF)
    assert [(m.text, m.value) for m in find_dates(art)] == [("Friday", "2017-11-03")]
    # an explicit reference wins over the article's date
    assert find_dates(art, reference="2017-11-12")[0].value == "2017-11-10"


def test_public_api_exports():
    assert newskit.find_dates is find_dates
    assert newskit.DateMention is DateMention


# ------------------------------------------------------------------------------------------
# Result type, resolved ranges, references
# ------------------------------------------------------------------------------------------
RANGES = [
    ("last week", dt.date(2017, 10, 23), dt.date(2017, 10, 29)),
    ("next year", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
    ("last month", dt.date(2017, 10, 1), dt.date(2017, 10, 31)),
    ("the third quarter", dt.date(2017, 7, 1), dt.date(2017, 9, 30)),
    ("the past three months", dt.date(2017, 8, 4), dt.date(2017, 11, 4)),
    ("the next five days", dt.date(2017, 11, 5), dt.date(2017, 11, 9)),
    ("Oct. 26", dt.date(2017, 10, 26), None),
    ("three days", None, None),
]


@pytest.mark.parametrize("text,first,last", RANGES, ids=[r[0] for r in RANGES])
def test_resolved_ranges(text, first, last):
    m = find_dates(text, reference=REF)[0]
    assert (m.resolved, m.resolved_end) == (first, last)


def test_mention_is_frozen_and_records_its_rule():
    m = find_dates("on Friday", reference=REF)[0]
    assert m.rule == "weekday"
    with pytest.raises(Exception):
        m.value = "x"  # type: ignore[misc]


@pytest.mark.parametrize("reference", [REF, dt.datetime(2017, 11, 4, 18, 30), "2017-11-04", "2017-11-04T18:30:00", "20171104"])
def test_reference_forms(reference):
    assert parse_reference(reference) == REF
    assert find_dates("on Friday", reference=reference)[0].value == "2017-11-03"


def test_bad_reference_says_what_to_do():
    with pytest.raises(newskit.errors.InputError, match="ISO date"):
        find_dates("on Friday", reference="last Tuesday")
    with pytest.raises(TypeError):
        find_dates("on Friday", reference=20171104)


def test_value_range_examples():
    assert value_range("2017-W43") == (dt.date(2017, 10, 23), dt.date(2017, 10, 29))
    assert value_range("199X") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert value_range("PRESENT_REF") == (None, None)


def test_to_frame_has_columns_even_when_empty():
    frame = newskit.to_frame(find_dates("", reference=REF), DateMention)
    assert list(frame.columns) == ["start", "end", "text", "kind", "value", "resolved", "resolved_end", "rule"]


# ------------------------------------------------------------------------------------------
# No reference: nothing invented
# ------------------------------------------------------------------------------------------
NO_REFERENCE = [
    ("on Friday", "XXXX-WXX-5"),
    ("Oct. 26", "XXXX-10-26"),
    ("last week", "XXXX-WXX"),
    ("yesterday", "XXXX-XX-XX"),
    ("this morning", "XXXX-XX-XXTMO"),
    ("next year", "XXXX"),
    ("in March", "XXXX-03"),
    ("the third quarter", "XXXX-Q3"),
    ("now", "PRESENT_REF"),
    ("4 November 2017", "2017-11-04"),
]


@pytest.mark.parametrize("text,value", NO_REFERENCE, ids=[c[0] for c in NO_REFERENCE])
def test_no_reference_leaves_xs(text, value):
    found = find_dates(text)
    assert [m.value for m in found] == [value]
    if "X" in value:
        assert found[0].resolved is None


# ------------------------------------------------------------------------------------------
# Invariants and edge inputs
# ------------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-/:'aAdeilmnorstuyFMOTWJS\n") + [
    "Friday", " last ", " week", "Oct. ", " ago", " years", " the ", "1990s", "May", " next", "a.m.", "quarter"]),
    max_size=60).map("".join))
def test_offsets_invariant_on_random_text(text):
    previous_end = 0
    for m in find_dates(text, reference=REF):
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # sorted, non-overlapping
        previous_end = m.end
        assert m.kind in {"DATE", "TIME", "DURATION", "SET"}


def test_offsets_invariant_on_seed(seed_raw):
    for m in find_dates(seed_raw, reference=REF):
        assert seed_raw[m.start:m.end] == m.text and m.text.strip() == m.text


@pytest.mark.parametrize("text", ["", " ", "\n\n", "no dates here at all", "1,2000", "$1990", "+44 20 7946 0958",
                                  "Section 230", "\x00\ufffd\u200b", "9:99 p.m. Feb. 31, 2017", "May I help?"])
def test_edge_inputs_do_not_crash(text):
    for m in find_dates(text, reference=REF):
        assert text[m.start:m.end] == m.text


# ------------------------------------------------------------------------------------------
# No silent failures: a rule declines a match only for a documented reason (engine.Declined);
# any other error in a resolver is a bug, and find_dates raises it
# ------------------------------------------------------------------------------------------
@contextlib.contextmanager
def _planted(rule_name: str, resolve):
    """A registered rule with another resolver, for the block (rules are frozen: swap the rule)."""
    i = next(i for i, r in enumerate(engine.RULES) if r.name == rule_name)
    original = engine.RULES[i]
    engine.RULES[i] = dataclasses.replace(original, resolve=resolve)
    try:
        yield
    finally:
        engine.RULES[i] = original


@pytest.mark.parametrize("error", [NameError, KeyError, ValueError, TypeError, IndexError, OverflowError, AttributeError])
def test_a_bug_in_a_resolver_raises(error):
    def typo(m, doc):
        raise error("a bug planted in the weekday resolver")

    with _planted("weekday", typo), pytest.raises(error, match="planted"):
        find_dates("The minister spoke on Friday.", reference=REF)
    assert find_dates("The minister spoke on Friday.", reference=REF)[0].value == "2017-11-03"


def test_a_bug_in_the_final_resolution_raises():
    """A mention that reads earlier mentions ("that same day") is resolved again in text order."""
    resolve = next(r for r in engine.RULES if r.name == "anchored-day").resolve

    def fails_in_text_order(m, doc):
        if not isinstance(doc, context.Probe):
            raise KeyError("a bug planted in the final resolution")
        return resolve(m, doc)

    text = "He left on Friday and returned that same day."
    assert [m.rule for m in find_dates(text, reference=REF)] == ["weekday", "anchored-day"]
    with _planted("anchored-day", fails_in_text_order), pytest.raises(KeyError, match="planted"):
        find_dates(text, reference=REF)


#: the documented reasons to decline (see engine.Declined), as find_dates shows them today
DECLINED = [
    # (sentence, reference, [(mention, value, rule)])
    # no such day: the range declines, the day inside it stands
    ("The festival ran Feb. 28-30 in the old town.", "2017-11-04", [("Feb. 28", "2017-02-28", "month-day")]),
    # a letter IGNORECASE equates with an ASCII one ("ı", "ſ", "İ"), a spelling the table lacks
    ("They met on Friday, not on Fr\u0131day.", "2017-11-04", [("Friday", "2017-11-03", "weekday")]),
    ("It rained all Augu\u017ft and on Friday.", "2017-11-04", [("Friday", "2017-11-03", "weekday")]),
    ("Prices are reviewed bi weekly by the board.", "2017-11-04", []),
    # beyond the calendar datetime counts: a reference at its end, an amount of a billion days
    ("The launch is set for tomorrow.", "9999-12-31", []),
    ("It happened 1000000000 days ago.", "2017-11-04", [("days ago", "PAST_REF", "bare-units")]),
]


@pytest.mark.parametrize("text,reference,expected", DECLINED, ids=[c[0] for c in DECLINED])
def test_documented_declines(text, reference, expected):
    assert [(m.text, m.value, m.rule) for m in find_dates(text, reference=reference)] == expected


def test_declined_is_the_only_exception_selection_catches():
    with pytest.raises(engine.Declined):
        engine.listed(lexicon.WEEKDAYS, "fr\u0131day")
    assert engine.listed(lexicon.WEEKDAYS, "friday") == 5


def test_weekday_names_pass_the_quick_test():
    """names.weekday_in_name runs its regex only for a weekday after "on " or before a capitalised
    word: every name in words.json must be one of the two."""
    from newskit.dates import names

    weekdays = [d.capitalize() for d in lexicon.WEEKDAYS if len(d) > 5]
    for name in lexicon.WORDS["weekday_names"]:
        text = f"We read the {name} today."
        hits = [(text.index(d), text.index(d) + len(d)) for d in weekdays if d in name]
        assert hits and all(names.weekday_in_name(text, s, e) for s, e in hits), name


def test_not_dates():
    assert find_dates("He paid $1990 for 1,2000 shares; Section 230 applies.", reference=REF) == []
    assert find_dates("May I ask a question?", reference=REF) == []
    assert find_dates("The 5-year-old boy and his 40-year-old father.", reference=REF) == []


def test_abbreviated_units_are_dates_too():  # the shared time units: "yrs" as the quantities read it
    assert [m.value for m in find_dates("The plant closed five yrs ago.", reference=REF)] == ["2012"]


def test_long_text_is_fast():
    sentence = ("Iraqi forces on Friday retook Al-Qaim, which Daesh seized in 2014; the operation was "
                "launched on Oct. 26 and lasted nine days, officials said last week. ")
    text = sentence * 400  # about 60,000 characters
    t0 = time.perf_counter()
    found = find_dates(text, reference=REF)
    elapsed = time.perf_counter() - t0
    assert len(found) == 5 * 400
    assert elapsed < 5.0, f"{elapsed:.2f} s for {len(text)} characters"


def test_dense_dates_stay_linear():
    """Thousands of mentions (tables, lists of dates) must not make selection quadratic."""
    import random

    rng = random.Random(4)
    words = ["May", "March", "Oct.", "26", "2016", "of", "the", "early", "late", "-", "last", "week", "Friday"]
    text = " ".join(rng.choice(words) for _ in range(20000))
    t0 = time.perf_counter()
    found = find_dates(text, reference=REF)
    assert len(found) > 1000
    assert time.perf_counter() - t0 < 5.0


# ------------------------------------------------------------------------------------------
# Scanning shortcuts: the folded text, the anchors, needs and locators find exactly what the
# rules' own patterns find (see fold_case, engine.Rule and scan.candidates in newskit/dates/)
# ------------------------------------------------------------------------------------------
def test_folded_text_is_what_ignorecase_equates():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    folded = fold_case(every)
    assert len(folded) == len(every)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert [m.start() for m in re.finditer(letter, every, re.I)] == [m.start() for m in re.finditer(letter, folded)]
    for cls in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(cls, every)] == [m.start() for m in re.finditer(cls, folded)]


def _plain_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each rule's windows as first written: one IGNORECASE scan for the anchors, rule by rule."""
    every_anchor = {w for r in engine.RULES for part in r.anchors.split() for w in lexicon.ANCHOR_GROUPS.get(part, [part])}
    token = re.compile(r"'\d0s|(?<!\d)\d{4}(?!\d)|\d+|(?<![A-Za-z])" + word_trie(
        sorted({w.lower() for w in every_anchor if w.isalpha()}), ignore_case=False) + r"(?![A-Za-z])", re.I)
    windows: dict[str, list[tuple[int, int]]] = {}
    for m in token.finditer(text):
        tok = m.group(0)
        keys = ["#s"] if tok[0] == "'" else ["#", "#4"] if len(tok) == 4 and tok[0].isdigit() else \
            ["#"] if tok[0].isdigit() else [tok.lower()]
        lo, hi = max(0, m.start() - scan.WINDOW_BEFORE), min(len(text), m.end() + scan.WINDOW_AFTER)
        for r in engine.RULES:
            spec = r.anchors.split()
            words = {w.lower() for part in spec for w in lexicon.ANCHOR_GROUPS.get(part, [part])}
            if not words.intersection(keys):
                continue
            spans = windows.setdefault(r.name, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
    return windows


def _scanning_agrees(text: str) -> None:
    """Windows and matches of every rule as scan.candidates finds them == as the plain patterns find them."""
    folded = fold_case(text)
    ours = {engine.RULES[i].name: spans for g, spans in scan.windows(text, folded).items() for i in scan.WINDOW_GROUPS[g]}
    assert ours == _plain_windows(text)
    for r in engine.RULES:
        spans = [(ws, scan.WORD_END.match(text, we).end()) for ws, we in ours.get(r.name, [])]
        plain, last_end = [], -1
        for ws, we in spans:
            for m in r.pattern.finditer(text, max(ws, last_end), we):
                plain.append((m.span(), m.groups()))
                if m.end() > m.start():
                    last_end = m.end()
        assert [(m.span(), m.groups()) for m in r.matches(text, folded, spans)] == plain, r.name


_SCAN_WORDS = ["Friday", "FRIDAY", "friday", "Mon.", "May", "MAY", "may", "Sept. ", "Oct", "march", "Q3", "H1", "q4",
               "the", "The", "last", "Last", "week", "WEEK", "ago", "years", "Years", "days", "three", "Three",
               "twenty-first", "1st", "26", "2017", "1990s", "'90s", "'90seconds", "20171104", "2017-11-04", "12/25/2017",
               "10:30", "3 p.m.", "5PM", "at", "About", "EST", "o'clock", "noon", "Midnight", "tonight", "this", "morning",
               "every", "Each", "quarter", "first", "half", "fiscal", "summer", "Christmas", "now", "recently", "soon",
               "earlier", "will", "said", "supposed to", "\u017fince", "\u017feconds", "\u0131n", "\u0130N",
               "wee\u212a", "\u212aelvin", "-", "–", "/", ",", ".", "'s", "\n", "  "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_WORDS), max_size=40).map(" ".join))
def test_scanning_shortcuts_find_what_the_patterns_find(text):
    _scanning_agrees(text)


# every way a rule's match can begin (its locator must find each), and every string its need names
_RULE_PHRASES = (
    "Last March, next May, this past June, this coming July, early August, mid-September, late Oct. 3, "
    "the end of November 2016, the beginning of December, the middle of Jan. 2015, the start of 1990 February, "
    "the first half of April, Monday, March 3, Tues. the 4th of July, twenty-first of May, 3 June 2015, "
    "Sept. 18-19, about 10 a.m., around 5 pm, at 10:30 EST, by 9 o'clock, until 2, before 7, after 8, from 6, "
    "last Friday at 10 a.m., this coming Monday at 9, the previous Tuesday 8:00, today at 5pm, tonight around 7, "
    "Dec. 27, 2016 12:30, two weeks before Christmas, 3 days after January 12th, a week prior to Easter, "
    "five hours before Friday, six months after May 1, two years after 12/25/2017, a decade before today, "
    "10 minutes before noon, 30 seconds after midnight, a century before 1990, one quarter after Thanksgiving, "
    "two nights before Christmas, a fortnight after Easter, a millennium before today, 2 hrs after today, "
    "every Tuesday, each other Friday, Friday mornings, Saturday afternoons, Sunday nights, on Mondays, "
    "every weekend, each weekend, the week of 2016, noon, about midnight, mid-afternoon, "
    "this morning, last night, tomorrow evening, yesterday afternoon, "
    "the previous month, the current quarter, the coming year, the same week, the following week, "
    "that year, the same year, that day, that same day, the same day, "
    "the end of the year, the beginning of the month, the start of the week, the middle of the year, "
    "the rest of the year, earlier in the year, later in the month, early in the week, late in the day, "
    "the year-ago quarter, a year earlier, a year before, the previous year, the prior year, a year ago, "
    "for years, in months, over weeks, for days, in decades, for hours, within minutes, for centuries, "
    "recently, lately, in the past, formerly, recent years, in the future, soon, the near term, a later date, "
    "the coming months, earlier this year, late last month, early next week."
)


def test_scanning_shortcuts_on_our_sentences_and_the_samples():
    from newskit.samples import load_samples

    sentences = [case[0] for case in ISSUE_CASES] + [row.values[1] for row in _table()]
    phrases = _RULE_PHRASES.split(", ")  # one by one: in a window of its own, a phrase lacking its need is skipped
    for text in phrases + ["\n".join(sentences)] + [article.text for article in load_samples()]:
        _scanning_agrees(text)
        _scanning_agrees(text.upper())


# ------------------------------------------------------------------------------------------
# Evaluation gates on ../shared/data (skipped where absent)
# ------------------------------------------------------------------------------------------
def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_dates", ROOT / "benchmarks" / "eval_dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared_data
def test_te3_value_f1_gate():
    tbaq = shared_path("dates", "tbaq")
    files = sorted(tbaq.rglob("*.tml"))
    assert len(files) == 256, "the TBAQ data changed: re-measure and re-pin the floors"
    scores = _eval_module().te3_scores(tbaq)
    assert scores["gold"] == 1822
    assert scores["value"][2] >= TE3_VALUE_F1_FLOOR, scores
    assert scores["span"][2] >= TE3_SPAN_F1_FLOOR, scores


def _recognizer_params():
    path = SHARED_DATA / "dates" / "recognizers" / "DateTimeModel.json"
    listed = json.loads((DATA / "dates_recognizers_pass.json").read_text(encoding="utf-8"))
    if not path.exists():
        return [pytest.param(None, None, id="recognizers-absent")]
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    case_key = _eval_module().case_key
    by_key = {case_key(c): c for c in cases}
    return [pytest.param(key, by_key.get(key), id=f"{i:03d}") for i, key in enumerate(listed["cases"])]


@pytest.mark.shared_data
@pytest.mark.parametrize("key,case", _recognizer_params())
def test_recognizers_cases_we_pass(key, case):
    """Table-driven: every Recognizers-Text case we pass today keeps passing."""
    shared_path("dates", "recognizers", "DateTimeModel.json")
    assert case is not None, f"case {key} is no longer in DateTimeModel.json"
    assert _eval_module().check_case(case, find_dates), case["Input"]


@pytest.mark.shared_data
def test_recognizers_pass_rate_floor():
    shared_path("dates", "recognizers", "DateTimeModel.json")
    rate, _, _ = _eval_module().recognizers_pass_rate()
    assert rate >= RECOGNIZERS_PASS_FLOOR


def test_type_is_a_deprecated_alias_of_kind():
    m = find_dates("He spoke on Friday.", reference=REF)[0]
    with pytest.warns(DeprecationWarning, match=r"DateMention.type is deprecated .* use .kind"):
        assert m.type == m.kind == "DATE"


def test_rule_ids_are_kebab_case():
    from newskit.dates.engine import RULES

    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", r.name) for r in RULES), [r.name for r in RULES]
