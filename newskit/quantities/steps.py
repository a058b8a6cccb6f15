"""The steps that turn a QUANTITY match into a quantity, run in a fixed order (:func:`read_quantity`).

Each step reads and fills in one :class:`~newskit.quantities.reading.Reading` and returns None;
a step may end the reading instead, and returns the outcome (``return r.drop(resume)``: no
quantity here; ``return r.finish(resume)``: this quantity, no more steps). The steps run in
the order of :func:`read_quantity`, phase by phase, which is the order in which a reader
decides:

1. The numbers: :func:`read_first_number`, :func:`read_second_number`, :func:`read_range`
   (two numbers that agree make a range), :func:`read_single_number` (no range; "won 3-1" is
   a score, dropped).
2. The unit and the scale: :func:`read_unit`, :func:`apply_unit_scale` ("75 USD million",
   "30 MUSD"), :func:`drop_odd_fraction` ("9/11"), :func:`read_number_tail` ("4 thousand 3
   hundred", "two thirds of a million"), :func:`read_ambiguous_unit` ("5m": a metre or a
   million; pounds: mass or money), :func:`read_currency` (a prefix currency wins),
   :func:`choose_kind`.
3. What follows: :func:`read_postfix` ("or more"), :func:`read_subunit` ("3 dollars 50
   cents", "5 feet 2 inches").
4. Without a unit: :func:`read_ratio` ("1 in 5"), :func:`read_counted_noun` ("3,000
   troops"), :func:`drop_bare_word` ("one", "a third-quarter loss", "the first half"),
   :func:`choose_fraction_or_year`.
5. The context: :func:`read_age` ("aged 30"), :func:`read_second_bound` ("more than 10 and
   less than 40"), :func:`choose_rule`.

The SI value and the change ("rose by 5 points") are added for every kind of result in
:func:`newskit.quantities.find_quantities`.

Example:
    >>> from newskit.quantities.patterns import next_match
    >>> text = "It cost more than $5 million."
    >>> found, resume = read_quantity(text, next_match(text, 0), include_years=False)
    >>> text[found.start:found.end], found.value, found.unit, found.qualifier, found.rule
    ('more than $5 million', 5000000.0, 'USD', '>', 'money-prefix')
"""
from __future__ import annotations

import re

from newskit.numbers import parse_spelled
from newskit.quantities.context import (
    AGE_AFTER, AGE_BEFORE, ANGLE_AFTER, ANGLE_BEFORE, BARE_FRACTION_OK, COMPOUND_ADJECTIVE,
    COMPOUND_BOUND, FEET_INCHES, FRACTION_OF, MIXED_TAIL, ORDINAL_BEFORE, RATIO_TAIL, YEAR,
    cents, change, count_noun, whole_number,
)
from newskit.quantities.patterns import FIRST, SECOND
from newskit.quantities.reading import Bound, Outcome, Reading, UnitText, number_value
from newskit.quantities.units import GBP, METRE, MONEY_CENTS_UNITS, POUND_MASS, UNITS, norm
from newskit.quantities.words import POSTFIX_OF, SCALE_WORDS, qualifier_symbol, scale

# a separator inside a run of number words: "two to three million", "between five and ten"
_INNER_SEPARATOR = re.compile(r"(?i:\s*(?:-|–|to\b|and\b)\s*)")
# a magnitude at the end of a run of number words: "two to three million"
_TRAILING_MAGNITUDE = re.compile(r"(?i:\b(thousand|million|billion|trillion)s?\s*$)")
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_OPPOSITE = {">": ("<", "<="), ">=": ("<", "<="), "<": (">", ">="), "<=": (">", ">=")}
_FRACTION_CHARACTER = re.compile(r"[/\u00bc-\u00be\u2150-\u215e]")
# "3/4" is a fraction; "9/11", "24/7", "3/40" are not (a date, a code, a score)
_USUAL_DENOMINATORS = (12, 16, 20, 32, 64, 100, 1000)
_MAGNITUDE_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands",
                    "millions", "dozen")


def read_quantity(text: str, m: re.Match, include_years: bool) -> Outcome:
    """Run the steps over QUANTITY match ``m``, phase by phase and in order, until one ends the
    reading: the quantity found (a Reading, with the fields of
    :class:`~newskit.quantities.reading.Found`) or None, and where the scan resumes."""
    r = Reading.of(text, m, include_years)
    outcome = (  # the first step that returns an outcome ends the reading
        read_numbers(r) or read_unit_and_scale(r) or read_what_follows(r) or read_without_unit(r)
        or read_context(r)
    )
    return outcome or (r, max(r.resume, r.end))


def read_numbers(r: Reading) -> Outcome | None:
    """1. The numbers, and whether they make a range."""
    return read_first_number(r) or read_second_number(r) or read_range(r) or read_single_number(r)


def read_unit_and_scale(r: Reading) -> Outcome | None:
    """2. The unit and the scale, and what they make of the number."""
    return (read_unit(r) or apply_unit_scale(r) or drop_odd_fraction(r) or read_number_tail(r)
            or read_ambiguous_unit(r) or read_currency(r) or choose_kind(r))


def read_what_follows(r: Reading) -> Outcome | None:
    """3. A qualifier and a smaller unit after the quantity."""
    return read_postfix(r) or read_subunit(r)


def read_without_unit(r: Reading) -> Outcome | None:
    """4. A number without a unit of the table: a ratio, a count, a fraction, a year, or no
    quantity (a number word alone)."""
    if r.entry is not None:  # each step of this phase reads a number without a unit
        return None
    return read_ratio(r) or read_counted_noun(r) or drop_bare_word(r) or choose_fraction_or_year(r)


def read_context(r: Reading) -> Outcome | None:
    """5. What the words around the quantity make of it: an age, a range with a second bound."""
    return read_age(r) or read_second_bound(r) or choose_rule(r)


# --------------------------------------------------------------------------- 1. the numbers


def read_first_number(r: Reading) -> Outcome | None:
    """The first number, its scale and its unit. A run of number words may hold more numbers
    than the first ("twenty five and thirty six"): the scale and unit are then not its own."""
    m = r.m
    first = number_value(m, FIRST)
    if first is None:  # words that make no number, or digits with no float value
        return r.drop((m.start("digits1") if r.digits1 else m.start("words1")) + 1)
    value, end = first
    r.truncated = r.words1 is not None and end < m.end("words1")
    scale_text = None if r.truncated else m.group("scale1")
    r.first = Bound(value, end, scale_text, m.end("scale1") if scale_text else end,
                    None if r.truncated else UnitText.of(m, FIRST))


def read_second_number(r: Reading) -> None:
    """A second number: the pattern's ("5 to 10", "$5-$10"), or one inside the run of number
    words of the first ("two to three million"). "the quarter to $254m" has none."""
    if r.truncated:
        if not _bare_fraction(r):
            _second_inside_words(r)
    elif r.m.group("separator") and (r.m.group("digits2") or r.m.group("words2")) and not _bare_fraction(r):
        _second_from_pattern(r)


def _bare_fraction(r: Reading) -> bool:
    return r.words1 is not None and r.words1.strip().lower() in ("half", "quarter")


def _second_from_pattern(r: Reading) -> None:
    m = r.m
    second = number_value(m, SECOND)
    if second is None:
        return
    value, end = second
    truncated = m.group("words2") is not None and end < m.end("words2")
    scale_text = None if truncated else m.group("scale2")
    r.second = Bound(value, end, scale_text, m.end("scale2") if scale_text else end,
                     None if truncated else UnitText.of(m, SECOND))
    r.separator, r.separator_end = m.group("separator"), m.end("separator")


def _second_inside_words(r: Reading) -> None:
    """"two to three million", "between five and ten": the first number's scale and unit are
    the second's where its words end the run, and a magnitude at the end scales both."""
    m, text, e1 = r.m, r.text, r.first.end
    words_end = m.end("words1")
    rm = _INNER_SEPARATOR.match(text[e1:words_end])
    if not rm or not (r.between or rm.group().strip().lower() == "to"):
        return
    parsed = parse_spelled(text[e1 + rm.end():words_end])
    if parsed is None:
        return
    end = e1 + rm.end() + parsed[1]
    second = Bound(parsed[0], end, None, end, None)
    if end == words_end:
        second.scale = m.group("scale1")
        second.stop = m.end("scale1") if second.scale else end
        second.unit = UnitText.of(m, FIRST)
    r.second = second
    r.separator, r.separator_end = rm.group(), e1 + rm.end()
    mag = _TRAILING_MAGNITUDE.search(text, e1, end)
    if mag and r.first.value < 1000:
        r.first.value *= SCALE_WORDS[mag.group(1).lower()]


def read_range(r: Reading) -> Outcome | None:
    """Two numbers make a range where they agree (:func:`_range_agrees`); a range of plain
    years ("between 2010 and 2015") is dropped unless years are asked for."""
    if r.second is None:
        return
    r.digits2, r.currency2_text = r.m.group("digits2"), r.m.group("currency2")
    first, second = r.first, r.second
    s1 = scale(first.scale) if first.scale else None
    s2 = scale(second.scale) if second.scale else 1.0
    lo = first.value * (s1 if s1 else (s2 if not first.unit else 1.0))  # "5-10 million": both
    hi = second.value * s2
    ok = _range_agrees(r, lo, hi)
    r.year_range = bool(ok and _plain_range(r) and _years(r.digits1, r.digits2))
    if r.year_range and not r.include_years:
        return r.drop(second.stop)
    if ok:
        r.is_range = True
        r.low, r.high = min(lo, hi), max(lo, hi)
        r.value = (r.low + r.high) / 2
        r.end = r.resume = second.stop
        r.unit_text = second.unit or first.unit
        if r.currency is None and r.currency2_text:
            r.currency = UNITS.currency(r.currency2_text)


def _range_agrees(r: Reading, lo: float, hi: float) -> bool:
    """Whether the two numbers are the ends of one range: a separator that joins them, the
    same unit, currency and kind, increasing (or both negative), and no change verb before a
    "to" ("rose 3% to 5%", "fell from 10 to 8": a change and a level, not a range)."""
    sep = r.separator.strip().lower()
    return (
        _separator_joins(r, sep) and _units_agree(r) and (lo < hi or (lo > hi and lo < 0 and hi <= 0))
        and not (sep.endswith("to") and change(r.text, r.m.start("between") if r.between else r.start))
    )


def _separator_joins(r: Reading, sep: str) -> bool:
    """"and" joins a range only after "between"; a hyphen only digits with digits or words
    with words ("7-Eleven" is no range)."""
    if sep.endswith("and") and not r.between:
        return False
    return not (sep == "-" and (r.digits1 is None) != (r.digits2 is None))


def _units_agree(r: Reading) -> bool:
    """The ends of a range have the same unit, currency and kind; a unit after the first
    number only ("lost 39.55 points to 2613.73") makes a change and a level."""
    unit1, unit2 = r.first.unit, r.second.unit
    if unit1 and not unit2 and not r.currency2_text:
        return False
    if unit1 and unit2 and not _same_unit(unit1, unit2):
        return False
    if r.currency2_text and r.currency is not None and UNITS.currency(r.currency2_text) is not r.currency:
        return False
    kind1 = "money" if r.currency else _kind(unit1)
    kind2 = "money" if r.currency2_text else _kind(unit2)
    return not (kind1 and kind2 and kind1 != kind2)


def _same_unit(a: UnitText, b: UnitText) -> bool:
    ua, ub = UNITS.lookup(a.name), UNITS.lookup(b.name)
    return ua is not None and ub is not None and ua.name == ub.name


def _kind(unit: UnitText | None) -> str | None:
    entry = UNITS.lookup(unit.name) if unit else None
    return entry.kind if entry else None


def _plain_range(r: Reading) -> bool:
    """No unit, currency, scale or qualifier: the numbers may be years."""
    return not (r.first.unit or r.second.unit or r.currency or r.currency2_text or r.first.scale
                or r.second.scale or r.qualifier_text)


def _years(d1: str | None, d2: str | None) -> bool:
    """"2010" and "2015" or "15": a range of years."""
    if not (d1 and YEAR.fullmatch(d1)):
        return False
    return bool(YEAR.fullmatch(d2 or "") or ((d2 or "").isdigit() and len(d2) == 2))


def read_single_number(r: Reading) -> Outcome | None:
    """No range: the first number with its scale and unit, and the scan resumes at a rejected
    second number; but two numbers that make a score are dropped (:func:`_score`). "between 5"
    without a second number drops "between" from the span."""
    if r.is_range:
        return None
    if r.second is not None and _score(r):  # "won 3-1", "passed 52-48"
        return r.drop(r.second.stop)
    first = r.first
    s1 = scale(first.scale) if first.scale else None
    r.value = first.value * (s1 or 1.0)
    r.end = first.stop
    r.unit_text = first.unit
    r.resume = r.separator_end if r.second is not None else r.end
    if r.between:
        start = r.m.start("between") + len(r.between)
        while start < len(r.text) and r.text[start].isspace():
            start += 1
        r.start = r.m.start() if r.qualifier_text else start
    return None


def _score(r: Reading) -> bool:
    """A score or a vote tally: two whole numbers in digits joined by a hyphen, the larger
    first, with no unit, currency, scale or qualifier ("won 3-1", "passed 52-48")."""
    first, second = r.first, r.second
    if r.separator != "-" or not (r.digits1 and r.digits2):
        return False
    if first.unit or second.unit or r.currency or first.scale or second.scale or r.qualifier_text or r.between:
        return False
    return first.value > second.value and float(first.value).is_integer() and float(second.value).is_integer()


# --------------------------------------------------------------------------- 2. unit and scale


def read_unit(r: Reading) -> None:
    """The unit of the table written after the number: brackets must pair ("5 (km)"); a bare
    C or F only where it cannot be a code ("13F"): after a space or a sign, below 1000."""
    u = r.unit_text
    if u is None:
        return
    opener = u.opener.strip()
    if opener in _PAIRS and u.closer != _PAIRS[opener]:
        return
    entry = UNITS.lookup(u.name)
    if entry is not None and u.name in ("C", "F"):
        if abs(r.value) >= 1000 or (u.opener == "" and not r.m.group("sign1")):
            entry = None
    if entry is not None:
        r.entry = entry
        r.end = u.end - 1 if (u.closer and not opener) else u.end  # "5km)": not the ")"


def apply_unit_scale(r: Reading) -> None:
    """A scale after a money unit ("75 USD million"), and the scale of a scaled symbol, as a
    prefix or a unit ("MUSD 30", "30 MUSD")."""
    m = r.m
    after = m.group("scale_after_unit")
    if r.entry is not None and r.entry.kind == "money" and after and m.start("scale_after_unit") == r.end:
        r.value *= scale(after)
        if r.is_range:
            r.low, r.high = r.low * scale(after), r.high * scale(after)
        r.end = m.end("scale_after_unit")
    if not r.is_range:
        # a scaled symbol as the prefix or the unit ("MUSD 30", "30 MUSD"); others scale by 1
        if r.currency_text:
            r.value *= UNITS.symbol_scale.get(norm(r.currency_text), 1)
        if r.unit_text and r.entry is not None:
            r.value *= UNITS.symbol_scale.get(norm(r.unit_text.name), 1)
    r.resume = max(r.resume, r.end)


def drop_odd_fraction(r: Reading) -> Outcome | None:
    """A bare fraction in digits must look like one: "3/4" yes, "9/11" or "24/7" no."""
    d1 = r.digits1 or ""
    if "/" not in d1 or r.entry is not None or r.currency is not None or r.is_range:
        return None
    num, den = d1.split()[-1].split("/")
    try:
        num, den = int(num), int(den)
    except ValueError:  # more digits than int() converts (sys.get_int_max_str_digits()): no fraction
        return r.drop(max(r.resume, r.end))
    if not (num < den and (den <= 10 or den in _USUAL_DENOMINATORS)):
        return r.drop(max(r.resume, r.end))
    return None


def read_number_tail(r: Reading) -> None:
    """What extends a number without a unit: smaller numbers after a scale word ("4 thousand
    3 hundred and 21", :func:`_mixed_tail`), "of a million" after a fraction in words ("two
    thirds of a million")."""
    if r.is_range or r.entry is not None:
        return
    if r.first.scale and r.digits1 and r.currency is None:
        _mixed_tail(r, r.first.scale)
    elif r.words1 is not None and 0 < abs(r.value) < 1:
        fo = FRACTION_OF.match(r.text, r.end)
        if fo:
            r.value *= SCALE_WORDS[fo.group(1).lower()]
            r.end = r.resume = fo.end()


def _mixed_tail(r: Reading, sc1: str) -> None:
    """"4 thousand 3 hundred and 21", "3 million and a half": each number must be below the
    last scale, and have its own scale to be followed by more."""
    last_scale = scale(sc1)
    if last_scale < 100 or sc1.strip().lower() not in SCALE_WORDS:
        return
    while (mt := MIXED_TAIL.match(r.text, r.end)) is not None:
        tail = _tail_number(r.text, mt)
        if tail is None:
            return
        tv, tend, own = tail
        if 0 < tv < 1:  # "and a half"
            r.value += tv * last_scale
            r.end = r.resume = tend
            return
        if not (0 < tv < last_scale) or not (own or last_scale == 100):
            return
        r.value += tv
        r.end = r.resume = tend
        if not own:
            return
        last_scale = scale(mt.group("scale")) if mt.group("digits") is not None else (100.0 if tv < 1000 else 1000.0)


def _tail_number(text: str, mt: re.Match) -> tuple[float, int, bool] | None:
    """The value and end of a MIXED_TAIL match, and whether it has its own scale ("3
    hundred"); None where its words make no number."""
    if mt.group("digits") is not None:
        tv = float(mt.group("digits")) * (scale(mt.group("scale")) if mt.group("scale") else 1.0)
        return tv, mt.end(), mt.group("scale") is not None
    parsed = parse_spelled(mt.group("words"))
    if parsed is None:
        return None
    ws = mt.start("words")
    tv, tend = parsed[0], ws + parsed[1]
    own = tv < 1 or _TRAILING_MAGNITUDE.search(text, ws, tend) is not None \
        or text[ws:tend].lower().rstrip().endswith("hundred")
    return tv, tend, own


def read_ambiguous_unit(r: Reading) -> None:
    """"m" right after a number is a million before a counted noun ("5m people"), else a
    metre ("5m"); "pounds" after a scale word or a currency is money ("20 million pounds")."""
    sc1 = r.first.scale
    if sc1 and sc1.strip() == "m" and r.currency is None and not r.is_range and r.entry is None:
        if not count_noun(r.text, r.first.stop):
            r.entry, r.value = METRE, r.first.value
    if r.entry is POUND_MASS and (r.currency is not None or sc1 or (r.second is not None and r.second.scale)):
        r.entry = GBP


def read_currency(r: Reading) -> None:
    """A currency prefix makes money; a unit after the number that is not its own (or cents)
    is left out: "$5 m" (metre), "rmb 10 usd", "$ 20 $ 37" — it belongs to what follows."""
    if r.currency is None:
        return
    entry = r.entry
    if entry is not None and (
        entry.kind != "money"
        or not any(ch.isalpha() for ch in r.unit_text.name)
        or (entry is not r.currency and entry.name not in ("cent", "penny"))
    ):
        r.end = r.resume = r.unit_text.start
        entry = None
    r.entry = r.currency if entry is None or entry.name in ("cent", "penny") else entry
    r.rule = "money-prefix"


def choose_kind(r: Reading) -> None:
    """The unit and kind of the unit; degrees are an angle near "angle", "rotate", "tilt"."""
    if r.entry is None:
        return
    r.unit, r.kind = r.entry.name, r.entry.kind
    if r.rule == "number":
        r.rule = "number-unit"
    if r.kind == "temperature" and r.unit == "degree" and (
        ANGLE_AFTER.match(r.text, r.end) or ANGLE_BEFORE.search(r.text, max(0, r.start - 30), r.start)
    ):
        r.kind = "angle"


# --------------------------------------------------------------------------- 3. what follows


def read_postfix(r: Reading) -> None:
    """A qualifier after the quantity: "or more", "+", "or less"; "or equal" widens one
    before it ("more than 5 or equal")."""
    m = r.m
    post = m.group("postfix")
    if not post or r.end != m.start("postfix"):
        return
    psym = POSTFIX_OF.get(norm(post.lower()), ">=" if post == "+" else None)
    if psym == "=":
        r.qualifier = {"<": "<=", ">": ">="}.get(r.qualifier, r.qualifier)
    elif psym is not None and r.qualifier in (None, "~", "="):
        r.qualifier = psym
    r.end = r.resume = m.end("postfix")


def read_subunit(r: Reading) -> None:
    """Cents after whole units of money ("3 dollars 50 cents", "15 dollars and 15"), inches
    after feet ("5 feet 2 inches")."""
    if r.is_range:
        return
    if r.kind == "money" and r.unit in MONEY_CENTS_UNITS and r.value.is_integer() and "." not in (r.digits1 or ""):
        r.value, r.end = cents(r.text, r.end, r.value)
        r.resume = max(r.resume, r.end)
    if r.unit == "foot":
        fi = FEET_INCHES.match(r.text, r.end)
        if fi:
            r.value += float(fi.group("inches")) / 12
            r.end = r.resume = fi.end()


# --------------------------------------------------------------------------- 4. without a unit


def read_ratio(r: Reading) -> Outcome | None:
    """"one out of three", "1 in 5" (only one in …), "3 over 4" (at the end of a clause)."""
    if r.entry is not None or r.is_range or r.first.scale:
        return None
    rt = RATIO_TAIL.match(r.text, r.end)
    if not rt:
        return None
    op = rt.group("op").split()[0].lower()
    v1 = r.first.value
    den = whole_number(rt)
    after = r.text[rt.end():rt.end() + 2].strip()[:1]
    den_year = rt.group("digits") is not None and YEAR.fullmatch(rt.group("digits"))
    if not den or den_year or not (abs(v1) <= den or op == "over"):
        return None
    if op == "out" or (op == "in" and v1 == 1) or (op == "over" and (not after or after in ".,;?!)")):
        r.value, r.kind, r.rule, r.end = v1 / den, "ratio", "ratio", rt.end()
        return r.finish(rt.end())
    return None


def read_counted_noun(r: Reading) -> None:
    """The noun counted by a range ("5 to 10 troops") or by a number of at least one
    ("3,000 troops", "12 boxes"; a plural noun needs a plural number: not "one costs")."""
    if r.entry is not None:
        return
    if r.is_range:
        noun = count_noun(r.text, r.end)
        if noun:
            r.unit, r.end, r.rule = noun[0], noun[1], "range+" + noun[2]
            r.kind = "count"
            r.resume = max(r.resume, r.end)
        return
    noun = count_noun(r.text, r.end, one=r.value == 1)
    if noun and noun[2] == "count-plural" and abs(r.value) < 2:
        return
    if noun and abs(r.value) >= 1:
        r.unit, r.end, r.rule = noun
        r.kind = "count"
        r.resume = max(r.resume, r.end)


def drop_bare_word(r: Reading) -> Outcome | None:
    """A number word alone is rarely a quantity: "one", "a", a magnitude alone ("#118
    million" after a skipped "#118"), a fraction in a compound adjective ("a third-quarter
    loss"); "half" or "quarter" alone is a part of something ("half of the vote", "a quarter
    million"), but not of a period ("the first half", "last quarter")."""
    if r.words1 is None or r.kind != "number" or r.entry is not None or r.is_range:
        return None
    word = r.words1.strip().lower()
    text, e1 = r.text, r.first.end
    if word in ("one", "a", "an") or (r.truncated and text[r.m.start("words1"):e1].strip().lower() == "one"):
        return r.drop(max(r.resume, r.end))
    if word in _MAGNITUDE_WORDS or (0 < abs(r.value) < 1 and COMPOUND_ADJECTIVE.match(text[e1:e1 + 2])):
        return r.drop(max(r.resume, r.end))
    if word in ("half", "quarter") and not r.qualifier_text and (
        not BARE_FRACTION_OK.match(text, r.end) or ORDINAL_BEFORE.search(text, max(0, r.start - 20), r.start)
    ):
        return r.drop(max(r.resume, r.end))
    return None


def choose_fraction_or_year(r: Reading) -> Outcome | None:
    """A bare number below one is a fraction ("two-thirds", "3/4"); four plain digits from
    1500 to 2099 are a year, dropped unless years are asked for."""
    if r.kind != "number" or r.entry is not None or r.is_range:
        return None
    if 0 < abs(r.value) < 1 and not r.first.scale and (
        r.words1 is not None or _FRACTION_CHARACTER.search(r.digits1 or "")
    ):
        r.kind, r.rule = "ratio", "fraction"
    elif r.digits1 and not r.qualifier_text and not r.first.scale and not r.m.group("sign1") \
            and YEAR.fullmatch(r.digits1):
        if not r.include_years:
            return r.drop(max(r.resume, r.end))
        r.kind, r.rule = "year", "year"
    return None


# --------------------------------------------------------------------------- 5. the context


def read_age(r: Reading) -> None:
    """A duration before "old" or after "aged" is an age ("five years old", "aged 30"); so is
    a plain number after "aged" ("aged 30")."""
    text, start = r.text, r.start
    if r.kind == "duration":
        am = AGE_AFTER.match(text, r.end)
        if am:
            r.end = r.resume = am.end()
            r.kind, r.rule = "age", "age"
        elif AGE_BEFORE.search(text, max(0, start - 10), start):
            r.kind, r.rule = "age", "age"
    elif r.kind in ("number", "count") and not r.is_range and r.digits1 and not r.qualifier_text:
        bm = AGE_BEFORE.search(text, max(0, start - 10), start)
        if bm:
            r.start, r.kind, r.rule, r.unit = bm.start(), "age", "age", "year"
            r.entry = None


def read_second_bound(r: Reading) -> None:
    """A second, opposite bound after a qualified number makes a range: "more than 10 and
    less than 40" is (10, 40), with the bound's unit where the first has none."""
    if r.qualifier not in _OPPOSITE or r.is_range:
        return
    cb = COMPOUND_BOUND.match(r.text, r.end)
    if not cb or qualifier_symbol(cb.group("qualifier")) not in _OPPOSITE[r.qualifier]:
        return
    other = whole_number(cb)
    if other is None:
        return
    lo, hi = (r.value, other) if r.qualifier.startswith(">") else (other, r.value)
    bound_unit = UNITS.lookup(cb.group("unit")) if cb.group("unit") else None
    if not lo < hi or not (bound_unit is None or r.entry is None or bound_unit is r.entry):
        return
    r.low, r.high, r.is_range = lo, hi, True
    r.value, r.qualifier = (lo + hi) / 2, None
    r.end = r.resume = cb.end() if bound_unit else (cb.end("digits") if cb.group("digits") else cb.end("words"))
    if bound_unit is not None and r.entry is None:
        r.entry, r.unit, r.kind = bound_unit, bound_unit.name, bound_unit.kind
    r.rule = "range-bounds"


def choose_rule(r: Reading) -> None:
    """The rule of a range: "range", "money-prefix+range" or "year+range" (see
    :data:`newskit.quantities.RULES`); an age has no unit of the table (no SI value)."""
    if r.is_range and r.kind == "number" and r.year_range:
        r.kind, r.rule = "year", "year+range"
    if r.is_range and r.rule in ("number", "number-unit", "money-prefix"):
        r.rule = "range" if r.rule != "money-prefix" else "money-prefix+range"
    if r.kind == "age":
        r.entry = None
