"""Sets and references to the present, the past and the future: "every week", "twice a month",
"daily", "now", "currently", "recently", "in the past", "soon", "the near future", "recent
weeks", "earlier this year".

Sets are TIMEX3 ``SET`` values ("every week" → ``P1W``, "every August" → ``XXXX-08``);
references are ``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``. "earlier this year" is "this
year" with an edge, resolved as ``relative_unit`` resolves "this year".

Example:
    >>> from newskit.dates import find_dates
    >>> [(d.text, d.value) for d in find_dates("Convoys now arrive daily; the border may reopen soon.")]
    [('now', 'PRESENT_REF'), ('daily', 'P1D'), ('soon', 'FUTURE_REF')]
"""
from __future__ import annotations

import re

from newskit.dates.engine import listed, rule
from newskit.dates.lexicon import (MONTH_FULL, MONTHS, PARTS_OF_DAY, PRESENT_REF_WORDS, SEASONS, SET_ADVERBS, UNIT, alt,
                                   lower)
from newskit.dates.rules.relative import relative_unit
from newskit.dates.values import duration_value

# a Title-Case adverb in a name: "the Daily News" (a capital after), "Breitbart News Daily" (before)
CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'’]*\s+$")  # "Breitbart News Daily", "Woman's Weekly"
LOWER_CASE_AFTER = re.compile(r"\s+[a-z]")  # "quarterly dividend": an adjective
ON_AFTER = re.compile(r"\s+on\b")  # "now on display", "from now on"
# "current account", "current affairs", electric current: not the present
CURRENT_AS_NOUN = re.compile(r"\s+(?:account|accounts|affairs|events|issue|density|flow|flows|carrying|carrier)\b")

# -- sets --------------------------------------------------------------------------------

@rule("set", rf"""(?P<q>every|each|per|a|once\s+a|twice\s+a)\s+(?P<other>other\s+)?(?P<unit>day|week|month|year|quarter|hour|minute|morning|night|evening|summer|winter|spring|{MONTH_FULL})(?!\w)""", 2,
      anchors="every each per once twice")
def _set(m, doc):
    q = lower(m["q"])
    unit = lower(m["unit"])
    if q == "a":
        return None  # "a week" is a duration, handled there
    if unit in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit]:02d}"
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}"
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    n = 2 if m["other"] else 1
    return "SET", duration_value(n, unit)


@rule("set-adverb", rf"""(?P<w>{alt(SET_ADVERBS)})(?!\w)""", 1, anchors="@adverbs")
def _set_adv(m, doc):
    if m["w"][0].isupper() and (CAPITAL_AFTER.match(doc.text[m.end():m.end() + 2])
                                or CAPITALISED_BEFORE.search(doc.text[max(0, m.start() - 20):m.start()])):
        return None  # "the Daily News", "Breitbart News Daily": a name
    if m["w"].lower() == "quarterly" and LOWER_CASE_AFTER.match(doc.text[m.end():m.end() + 2]):
        return None  # "its quarterly dividend": a kind of payment, not a recurrence in the text
    return "SET", listed(SET_ADVERBS, m["w"].lower())  # "bi weekly": the table has "bi-weekly"


# -- document-relative references ------------------------------------------------------

@rule("present-ref", rf"""(?P<w>{alt(PRESENT_REF_WORDS)})(?!\w)""", 1,
      anchors="now nowadays currently presently days moment time present")
def _present(m, doc):
    w = lower(m["w"])
    if w == "today's":
        return None
    after = doc.text[m.end():m.end() + 12].lower()
    if w == "now" and ON_AFTER.match(after):
        return None
    return "DATE", "PRESENT_REF"


@rule("recent-units", r"""recent\s+(?P<unit>days|weeks|months|quarters|decades)(?!\w)""", 1, anchors="recent")
def _recent_units(m, doc):
    return "DURATION", duration_value(None, m["unit"])


@rule("current", r"""(?P<then>the\s+then[-\s]+)?current(?![\w-])""", 0, anchors="current")
def _current(m, doc):
    if m["then"]:
        return "DATE", "PAST_REF"
    if CURRENT_AS_NOUN.match(doc.text[m.end():m.end() + 12]):
        return None
    return "DATE", "PRESENT_REF"


@rule("past-ref", rf"""(?P<w>recently|more\s+recently|most\s+recently|until\s+recently|lately|in\s+the\s+past|the\s+past|formerly|recent\s+years)(?!\w)(?P<unit>\s+(?:\w+\s+)?(?:{UNIT}))?""", 1,
      anchors="recently lately past formerly years", needs="recent|lately|past|formerly")
def _past(m, doc):
    if m["unit"]:
        return None
    return "DATE", "PAST_REF"


@rule("future-ref", r"""(?P<w>(?:the|a)\s+(?:near|distant|foreseeable|not-too-distant)\s+future|the\s+future|in\s+future|future|soon|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date|
    (?:the\s+)?coming\s+(?:months|years|weeks|days|quarters))(?!\w)(?P<after>\s+(?:as|after|afterwards?|thereafter|enough))?""", 1,
      anchors="future soon term date months years weeks days quarters", needs="future|soon|term|later|coming")
def _future(m, doc):
    w = lower(m["w"])
    before = doc.text[max(0, m.start() - 4):m.start()].lower()
    if w == "soon" and (m["after"] or before.endswith("as ") or before.endswith("how ")):
        return None
    if w == "future":
        return None  # "future earnings": an adjective, not a reference to the future
    return "DATE", "FUTURE_REF"


@rule("earlier-this", r"""(?P<when>earlier|later|early|late|mid|at\s+the\s+end\s+of|the\s+end\s+of|the\s+rest\s+of|by\s+the\s+end\s+of|at\s+the\s+start\s+of)[-\s]+(?P<mod>this|last|next)\s+(?P<unit>week|month|year|quarter|decade)(?!\w)""", 4,
      anchors="@units",
      needs=r"(?:earlier|later|early|late|mid|of)[-\s]+(?:this|last|next)\s+(?:week|month|year|quarter|decade)")
def _earlier_this(m, doc):
    return relative_unit(_FakeMatch({"mod": m["mod"], "unit": m["unit"]}, m), doc)


class _FakeMatch:
    """Lets a rule reuse another rule's resolver with fixed groups."""

    def __init__(self, groups: dict, m: re.Match):
        self._g, self._m = groups, m

    def __getitem__(self, k):
        return self._g.get(k)

    def start(self):
        return self._m.start()

    def end(self):
        return self._m.end()
