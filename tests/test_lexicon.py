"""The shared word tables (newskit.lexicon) are the one source: the extractors agree on them."""
from __future__ import annotations

import pytest

import newskit
from newskit import lexicon
from newskit.dates import lexicon as dates_lexicon
from newskit.dates.values import number_value
from newskit.numbers import parse_spelled
from newskit.quantities.patterns import MONTH_WORDS
from newskit.quantities.units import UNITS as QUANTITY_UNITS
from newskit.quotes.lexicon import DAYS
from newskit.sentences import _lexicon as sentences_lexicon

TIME_WORDS = sorted(lexicon.TIME_UNIT_WORDS)


@pytest.mark.parametrize("word", TIME_WORDS)
def test_dates_read_every_shared_time_unit_word(word):
    assert dates_lexicon.UNITS[word] == lexicon.TIME_UNIT_WORDS[word]["timex"]


@pytest.mark.parametrize("word", [w for w in TIME_WORDS if lexicon.TIME_UNIT_WORDS[w].get("quantity", True)])
def test_quantities_read_every_shared_time_unit_word_as_the_same_unit(word):
    row = lexicon.TIME_UNIT_WORDS[word]
    unit = QUANTITY_UNITS.by_word[word]
    assert (unit.name, unit.kind, unit.si_unit, unit.factor) == (row["unit"], "duration", "s", row["seconds"])


def test_time_units_not_read_by_quantities_are_said_so():
    assert {r["unit"] for r in lexicon.TIME_UNITS if r.get("quantity") is False} == {"night", "quarter"}


@pytest.mark.parametrize("word", sorted(w for w, v in lexicon.CARDINALS.items() if v > 0))
def test_number_words_have_one_value(word):
    value = lexicon.CARDINALS[word]
    assert number_value(word) == value
    assert parse_spelled(word)[0] == value


def test_calendar_words_are_shared():
    assert set(MONTH_WORDS) == set(lexicon.MONTHS) == set(dates_lexicon.MONTHS)
    assert set(dates_lexicon.WEEKDAYS) == set(lexicon.WEEKDAYS)
    assert DAYS == lexicon.WEEKDAY_NAMES == {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert set(lexicon.MONTHS) | set(lexicon.WEEKDAYS) <= sentences_lexicon().time_context


@pytest.mark.parametrize("text, dates, quantities", [
    # the two disagreements the shared table ended: dates and quantities read the same unit
    ("The plant closed five yrs ago.", [("five yrs ago", "2012")], [("five yrs", 5.0, "year")]),
    ("The talks lasted two fortnights.", [("two fortnights", "P4W")], [("two fortnights", 2.0, "fortnight")]),
    ("Shares fell for eight trading days.", [("eight trading days", "P8D")], [("eight trading days", 8.0, "day")]),
])
def test_dates_and_quantities_agree_on_time_units(text, dates, quantities):
    assert [(d.text, d.value) for d in newskit.find_dates(text, reference="2017-11-04")] == dates
    assert [(q.text, q.value, q.unit) for q in newskit.find_quantities(text)] == quantities
