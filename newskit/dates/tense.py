"""The tense of the clause around a time expression: past, future, or unknown.

An underspecified expression ("Friday", "Oct. 26", "Christmas") is resolved to its past or its
future reading by the clause it stands in. The cues are words: modal verbs, plans, schedules and
forecasts point ahead ("will meet Friday", "is due Thursday", "is scheduled for Monday", "demand is
forecast to peak Monday"); past tenses point back ("said Friday", "won in Tuesday's election").
The word lists are ``past_verbs`` and ``tense_cues`` in ``resources/dates/words.json``.

How a clause is read (``clause_tense``):

* The nearest cue to the left of the expression within its sentence decides; failing that, the
  first cue to the right ("On Friday, officials said"), where only the strong future cues
  ("will", "is to", "due" …) count as future ("plans", "votes" after a date are mostly nouns).
* "as soon as" / "as early as" just before it: the future ("as soon as Tuesday").
* A participle after a form of "be" is no past cue ("must be returned by Jan. 14", "will be held
  at 3 p.m."), except a
  planning or forecasting one before "to" or "for" ("is predicted to peak Monday", "is slated
  for Friday"), which is a future cue. After "had (been)" a plan lies in the past ("had been due
  to expire Friday", "had planned to leave Monday"). After a determiner, "plans", "vote",
  "schedule" are nouns, not cues.
* "ahead of" just before it: the future ("ahead of Tuesday's vote").
* A possessive expression ("Tuesday's election") is a noun modifier, most often of an event that
  has happened: the past, unless a sure future cue precedes it in the clause ("will vote in
  Thursday's election").

Example:
    >>> text = "Demand is forecast to peak Monday."
    >>> clause_tense(text, text.lower(), text.index("Monday"), text.index("Monday") + 6)
    'future'
"""
from __future__ import annotations

import re
from typing import Optional

from newskit.dates.engine import for_folded
from newskit.dates.lexicon import WORDS, alt

_CUES = WORDS["tense_cues"]
FUTURE_WORDS: list[str] = _CUES["future"]
PAST_WORDS: list[str] = ["was", "were", "had", "did", "said", "says", "told", "ago", "last", "earlier", "since"] \
    + WORDS["past_verbs"]
PAST_VERBS = frozenset(WORDS["past_verbs"])  # irregular past tenses: "held", "won", "took"
FUTURE_CUE = re.compile(r"\b" + alt(FUTURE_WORDS) + r"\b", re.I)
STRONG_FUTURE = re.compile(alt(_CUES["strong_future"]), re.I)  # fullmatch: a future cue even after the date
SURE_FUTURE = re.compile(alt(_CUES["sure_future"]), re.I)  # fullmatch: makes "Tuesday's" the coming one
PLANNED = frozenset(_CUES["planned_participles"])  # "scheduled": a future cue before the date, though "-ed"
FORECAST = frozenset(_CUES["forecast_participles"])  # "predicted": future before "to", else a reporting verb
NOUN_CUES = frozenset(_CUES["noun_cues"])  # "his plans": a noun after a determiner, not a cue
NOT_PAST_ED = frozenset(_CUES["not_past_ed"])
# either, as one trie; any "-ed" word last ("supposed to" is a future cue, "supposed" a past one)
_CUE = re.compile(r"\b(?:" + alt(FUTURE_WORDS + PAST_WORDS) + r"|\w{3,}ed)\b", re.I)
# a stop before a space or a line break, or a stop at the end (written to start with a class: fast)
SENTENCE_END = re.compile(r"[.;!?\n](?:(?=\s)|(?<!\n)$)")
# just before the expression: "as soon as Tuesday", "ahead of Tuesday's vote", "ahead of the weekend"
SOON_AS = re.compile(r"\b(?:as\s+(?:soon|early|late)\s+as|ahead\s+of(?:\s+the)?)\s+$", re.I)
BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|was|were|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.I)  # "had (originally) been"
# a plan of the past just before a verb: "had been due to [expire]", "had planned to [leave]"
PAST_PLAN_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?"
                              r"(?:due|scheduled|expected|set|supposed|planned|slated|meant|hoped|intended)\s+to\s+$", re.I)
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your)\s+$", re.I)
TO_OR_FOR_AFTER = re.compile(r"\s+(?:to|for)\b", re.I)  # "is predicted to", "is slated for"
POSSESSIVE = ("'s", "’s")

_CUE_FOLDED, _SOON_AS_FOLDED, _BE_BEFORE_FOLDED = for_folded(_CUE), for_folded(SOON_AS), for_folded(BE_BEFORE)
_HAD_BEFORE_FOLDED, _DETERMINER_BEFORE_FOLDED = for_folded(HAD_BEFORE), for_folded(DETERMINER_BEFORE)
_PAST_PLAN_BEFORE_FOLDED = for_folded(PAST_PLAN_BEFORE)
_TO_OR_FOR_AFTER_FOLDED = for_folded(TO_OR_FOR_AFTER)


def clause_tense(text: str, folded: str, start: int, end: int) -> Optional[str]:
    """'future', 'past' or None from the words of the clause around ``text[start:end]``.

    FOLDED is ``fold_case(text)`` (the cues are found there, at the same offsets; the words are read
    in TEXT).
    """
    lo = _sentence_start(text, start)
    possessive = text[end - 2:end] in POSSESSIVE or text[end:end + 2] in POSSESSIVE
    if _SOON_AS_FOLDED.search(folded, lo, start):
        return "future"  # "as soon as Tuesday", "as early as next week", "ahead of Tuesday's vote"
    for m in reversed(list(_CUE_FOLDED.finditer(folded, lo, start))):
        cue = Cue(text, folded, m.start(), m.end(), lo, start)
        tense = cue.tense(right_side=False)
        if tense:
            if possessive:  # "Tuesday's election": the past one, unless the clause is surely about what is to come
                return "future" if tense == "future" and SURE_FUTURE.fullmatch(cue.word) else "past"
            return tense
    if possessive:
        return "past"  # "Wednesday's ruling": a noun modifier, usually of an event that has happened
    hi = _sentence_end(text, end)
    for m in _CUE_FOLDED.finditer(folded, end, hi):
        tense = Cue(text, folded, m.start(), m.end(), end, hi).tense(right_side=True)
        if tense:
            return tense
    return None


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``text[start]`` begins, looking back 100 characters at most."""
    lo = max(0, start - 100)
    cut = None
    for cut in SENTENCE_END.finditer(text, lo, start):
        pass
    if cut is not None:
        # the window ends at START: a stop right before it counts as at the end, as in text[lo:start]
        return cut.end()
    return lo


def _sentence_end(text: str, end: int) -> int:
    """Where the clause after ``text[:end]`` stops, looking ahead 70 characters at most."""
    right = text[end:end + 70]
    stop = SENTENCE_END.search(right)
    return end + (stop.start() if stop else len(right))


class Cue:
    """A cue word at ``text[start:end]`` of the clause ``text[lo:hi]``, and the tense it gives."""

    __slots__ = ("word", "lower", "before", "after", "folded")

    def __init__(self, text: str, folded: str, start: int, end: int, lo: int, hi: int):
        self.word = text[start:end]
        self.lower = self.word.lower()
        self.folded = folded
        self.before = (lo, start)  # the clause before the cue, in the folded text
        self.after = (end, hi)

    def _before(self, pattern: re.Pattern) -> bool:
        return pattern.search(self.folded, *self.before) is not None

    def tense(self, right_side: bool) -> Optional[str]:
        """The tense the cue gives, or None when it is no cue here (a name, an adjective, a noun)."""
        w = self.lower
        if not self._is_verb_form():
            return None
        if w in FORECAST:
            return self._forecast()
        if w in PLANNED or FUTURE_CUE.fullmatch(w):
            return self._plan(right_side)
        if (w.endswith("ed") or w in PAST_VERBS) and self._before(_BE_BEFORE_FOLDED):
            return None  # passive or adjectival participle: "is reported", "must be returned", "will be held"
        return "past"

    def _is_verb_form(self) -> bool:
        """False for words that only look like cues: names ("United"), adjectives ("limited",
        "Seattle-based"), and nouns after a determiner ("his plans")."""
        w = self.lower
        if self.word[0].isupper() and w.endswith("ed") and w not in PLANNED:
            return False  # "United", "Red": names, not verbs
        if w in NOT_PAST_ED or w.endswith(("based", "called", "eed")) and w not in ("agreed", "freed", "guaranteed"):
            return False  # "hundred", "indeed", "Seattle-based": not past tenses
        return not (w in NOUN_CUES and self._before(_DETERMINER_BEFORE_FOLDED))

    def _forecast(self) -> Optional[str]:
        """ "is predicted to peak Monday": the future; "Cuba predicted Wednesday": a past report."""
        if _TO_OR_FOR_AFTER_FOLDED.match(self.folded, *self.after):
            return "future"
        return None if self._before(_BE_BEFORE_FOLDED) else "past"

    def _plan(self, right_side: bool) -> Optional[str]:
        """A plan, a schedule, a modal verb: ahead of the clause, unless it was a plan of the past."""
        w = self.lower
        if self._before(_PAST_PLAN_BEFORE_FOLDED) or (
                self._before(_HAD_BEFORE_FOLDED) and _TO_OR_FOR_AFTER_FOLDED.match(self.folded, *self.after)):
            return "past"  # "had been due to expire Friday", "had planned to leave Monday": a plan of the past
        if w in PLANNED:
            if not right_side:
                return "future"  # "is scheduled to close Monday"
            return None if self._before(_BE_BEFORE_FOLDED) else "past"  # "Monday, officials expected"
        if right_side and not STRONG_FUTURE.fullmatch(w):
            return None  # after the date, "plans", "schedule", "votes" are more often nouns
        return "future"
