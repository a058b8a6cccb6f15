"""Scanning a text for the rules' matches, and selecting the mentions among them.

1. **Anchors.** The folded text (see ``fold_case``) is tokenised once for the anchor tokens of all
   rules: numbers and whole anchor words. Every match of a rule contains one of its anchors.
2. **Windows.** Around each anchor, a window (45 characters before, 70 after) for the rules it
   anchors; rules with the same anchors share their windows, and overlapping windows merge. The
   ~50 patterns thus never scan the (majority of) text that holds none of their words.
3. **Candidates.** Each rule's matches in its windows (skipping windows that lack its need),
   overlapping ones included.
4. **Selection.** Longest first, then higher priority, then leftmost, then the rule defined
   first. A match whose rule declines it (resolves to None, e.g. "May" the modal verb) or that
   is part of a name does not block the shorter matches inside it.

Example:
    >>> from newskit.wordlists import fold_case
    >>> text = "Talks stalled last week."
    >>> [(text[s:e], r.name) for s, e, _prio, r, _m in candidates(text, fold_case(text))]
    [('last week', 'relative-unit')]
"""
from __future__ import annotations

import re

from newskit.dates.context import Probe
from newskit.dates.engine import Declined
from newskit.dates.rules import RULES
from newskit.numbers import word_trie

# The anchor tokens, found in the folded text: numbers (a run of digits; "'90s") and whole anchor words.
# (A pattern that starts with a character class is searched fastest: "\d\d*", not "\d+".)
ANCHOR_WORDS = sorted({w for r in RULES for w in r.anchor_keys if w.isalpha()})
NUMBER_TOKEN = re.compile(r"\d\d*")
WORD_TOKEN = re.compile(r"(?<![a-z])" + word_trie(ANCHOR_WORDS, ignore_case=False) + r"(?![a-z])")
WINDOW_BEFORE, WINDOW_AFTER = 45, 70


def _anchor_groups() -> tuple[list[list[int]], dict[str, list[int]]]:
    """Rules with the same anchors share their windows: the groups of rule indices, and for each
    anchor the groups it anchors ("#4" for a number of 4 digits, "#" for another, "#s" for "'90s")."""
    groups: dict[frozenset, list[int]] = {}
    for i, r in enumerate(RULES):
        groups.setdefault(r.anchor_keys, []).append(i)
    index: dict[str, list[int]] = {}
    for g, keys in enumerate(groups):
        for k in keys:
            index.setdefault(k, []).append(g)
    return list(groups.values()), index


WINDOW_GROUPS, _ANCHOR_INDEX = _anchor_groups()
RULE_ORDER = {r.name: i for i, r in enumerate(RULES)}  # ties between rules go to the one defined first


def _anchors(text: str, folded: str) -> list[tuple[int, int, list[int]]]:
    """The anchor tokens of TEXT as (start, end, indices of the groups they anchor), in text order."""
    index = _ANCHOR_INDEX
    found = []
    decade_s = set()  # where the "s" of a "'90s" is: no word starts there ("'90seconds")
    for m in NUMBER_TOKEN.finditer(folded):
        s, e = m.span()
        if e - s == 2 and s and folded[s - 1] == "'" and folded.startswith("0s", e - 1):
            found.append((s - 1, e + 1, index["#s"]))
            decade_s.add(e)
        else:
            found.append((s, e, index["#4"] if e - s == 4 else index["#"]))
    for m in WORD_TOKEN.finditer(folded):
        s, e = m.span()
        groups = index.get(text[s:e].lower())  # the word as written: "ſoon" is no anchor, though it folds to one
        if groups and s not in decade_s:
            found.append((s, e, groups))
    found.sort()  # numbers and words never start at the same offset
    return found


def windows(text: str, folded: str) -> dict[int, list[tuple[int, int]]]:
    """For each group of rules, the merged (start, end) stretches of TEXT around its anchors."""
    hits: dict[int, list[tuple[int, int]]] = {}
    n = len(text)
    for s, e, groups in _anchors(text, folded):
        lo, hi = max(0, s - WINDOW_BEFORE), min(n, e + WINDOW_AFTER)
        for g in groups:
            spans = hits.get(g)
            if spans is None:
                hits[g] = [(lo, hi)]
            elif lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
            else:
                spans.append((lo, hi))
    return hits


WORD_END = re.compile(r"[\w'.-]*")


def candidates(text: str, folded: str):
    """Every rule match in TEXT (FOLDED: ``fold_case(text)``) as (start, end, priority, rule, match);
    overlapping ones included."""
    out = []
    for g, spans in windows(text, folded).items():
        # never cut a word (or "a.m.") at the window's end
        spans = [(ws, WORD_END.match(text, we).end()) for ws, we in spans]
        for i in WINDOW_GROUPS[g]:
            r = RULES[i]
            keep = r.keep
            text_from = r.text_from
            for m in r.matches(text, folded, spans):
                s, e = m.span() if text_from is None else (m.start(text_from), m.end())
                if e > s and (keep is None or keep(m)):
                    out.append((s, e, r.priority, r, m))
    return out


def select(cands, probe: Probe):
    """Non-overlapping matches that resolve: longest first, then higher priority, then leftmost.

    A match whose rule declines it (resolves to None, e.g. "May" the modal verb) does not
    block shorter matches inside it; ``probe`` is a scratch document state for that test.
    Returns (start, end, rule, match, result) in text order; the result (type, value …) is
    None where it depends on the context of earlier mentions, which only the final pass in
    text order knows (see ``Probe``), else the final one already.
    """
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0], RULE_ORDER[c[3].name]))
    taken = bytearray(len(probe.text) + 1)  # 1 where a chosen mention lies: overlap tests in O(length)
    chosen = []
    for s, e, _prio, r, m in cands:
        if taken.find(1, s, e) >= 0:
            continue
        probe.touched = False
        try:
            res = r.resolve(m, probe)
            ok = res is not None and not (r.part_of_name is not None and r.part_of_name(probe.text, s, e))
        except Declined:  # a documented reason to decline (see Declined); any other error is a bug
            ok = False
        if not ok:
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, r, m, None if probe.touched else res))
    chosen.sort(key=lambda c: c[0])
    return chosen
