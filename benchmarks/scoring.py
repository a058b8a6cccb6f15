"""Scoring helpers of the accuracy scripts in benchmarks/: span matching, P/R/F1, TimeML reading.

Every accuracy script takes the path of a public data set and scores newskit on it the same
way, with these helpers:

- :func:`match_spans` pairs gold and system spans one to one: overlapping pairs are taken by
  decreasing overlap (on equal overlap, the later gold span first, then the later system
  span), each span used at most once;
- :func:`prf` gives precision, recall and F1 from the counts;
- :func:`read_timeml` reads a TimeML document (TempEval-3): its text, its TIMEX3 spans with
  their type and value, and its document creation date.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def prf(correct: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where a count is 0)."""
    precision = correct / n_system if n_system else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def match_spans(gold: list[tuple], system: list[tuple]) -> list[tuple[tuple, tuple]]:
    """``(gold item, system item)`` pairs of overlapping ``(start, end, payload)`` spans, one to one.

    Example:
        >>> match_spans([(0, 5, "a"), (10, 20, "b")], [(3, 12, "x"), (12, 30, "y")])
        [((10, 20, 'b'), (12, 30, 'y')), ((0, 5, 'a'), (3, 12, 'x'))]
    """
    candidates = sorted(
        ((min(g[1], s[1]) - max(g[0], s[0]), i, j)
         for i, g in enumerate(gold) for j, s in enumerate(system) if g[0] < s[1] and s[0] < g[1]),
        reverse=True,
    )
    gold_used, system_used, pairs = set(), set(), []
    for _, i, j in candidates:
        if i in gold_used or j in system_used:
            continue
        gold_used.add(i)
        system_used.add(j)
        pairs.append((gold[i], system[j]))
    return pairs


def read_timeml(path: Path) -> tuple[str, list[tuple[int, int, tuple[str, str]]], dt.date | None]:
    """A TimeML file's text, its ``(start, end, (type, value))`` TIMEX3 spans (the creation time
    left out) and its creation date (None when it has no day)."""
    root = ET.fromstring(Path(path).read_text(encoding="utf-8"))
    creation = next((t.get("value") for t in root.iter("TIMEX3")
                     if t.get("functionInDocument") == "CREATION_TIME"), None)
    pieces: list[str] = []
    spans: list[tuple[int, int, tuple[str, str]]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def visit(element) -> None:  # an element inside TEXT, then its tail
        start = length
        add(element.text)
        for child in element:
            visit(child)
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
            spans.append((start, length, (element.get("type"), element.get("value"))))
        add(element.tail)

    body = root.find("TEXT")
    add(body.text)
    for child in body:
        visit(child)
    day = dt.date.fromisoformat(creation[:10]) if creation and _ISO_DAY.match(creation) else None
    return "".join(pieces), spans, day
