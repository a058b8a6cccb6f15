"""Accuracy of newskit.find_dates on two public data sets.

Prints:
  * TempEval-3 style span and value P/R/F1 on the TimeBank+AQUAINT training news (TBAQ-cleaned,
    256 TimeML documents with gold TIMEX3 and their creation dates): a system mention matches a
    gold TIMEX3 when their spans overlap (one to one, ``benchmarks/scoring.py``); its value is
    right when the TIMEX3 value strings are equal. TBAQ-cleaned is part of the TempEval-3
    release (UzZaman et al., 2013); a copy of its folder is in the public repository
    github.com/qiangning/StructTempRel-EMNLP17;
  * the pass rate on Microsoft Recognizers-Text ``DateTimeModel.json`` (985 English cases), overall
    and on the cases not flagged ``NotSupported`` for Python: the file
    ``Specs/DateTime/English/DateTimeModel.json`` of github.com/microsoft/Recognizers-Text.

  * with ``--news``: the frozen set of weekday, clock-time and fiscal-year mentions in real news
    (``benchmarks/labels/news_dates.tsv``, see its header): right / total, by shape.

usage (from the project root):
    .venv/bin/python benchmarks/eval_dates.py --tbaq DIR --recognizers DateTimeModel.json [--failures N]
    .venv/bin/python benchmarks/eval_dates.py --news [--errors]   # our frozen real-news set

(Inside the newskit workspace the data paths default to the copies in ``../shared/data``.)

A Recognizers case passes when every expected entity is matched by an overlapping mention with an
equal TIMEX3 value, and no mention overlaps none of them. Value equality allows for the two
formats' conventions: Recognizers writes ``X`` for parts it leaves to the application (``XXXX-10-26``)
while we resolve them against the reference (``2016-10-26``), so an ``X`` matches any digit; a
range ``(start,end,P…)`` matches when our resolved first day is its start; a bare time ``T07``
matches a value that ends with it; ``T08`` equals ``T08:00``; durations compare by length
(``PT1.5H`` == ``PT1H30M``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import match_spans, prf, read_timeml  # noqa: E402

#: the workspace's copies of the data (defaults of --tbaq and --recognizers)
SHARED = ROOT.parent / "shared"
RECOGNIZERS = SHARED / "data" / "dates" / "recognizers" / "DateTimeModel.json"
TBAQ = SHARED / "data" / "dates" / "tbaq"
PASS_LIST = ROOT / "tests" / "data" / "dates_recognizers_pass.json"
NEWS_SET = ROOT / "benchmarks" / "labels" / "news_dates.tsv"


def case_key(case: dict) -> str:
    """A short stable id of a Recognizers case (its input and reference time)."""
    import hashlib

    raw = case["Input"] + "|" + case.get("Context", {}).get("ReferenceDateTime", "")
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def load_recognizer_cases(path: Path = RECOGNIZERS) -> list[dict]:
    """The Recognizers-Text DateTime cases (UTF-8 with BOM)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


_DUR_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")


def _duration_seconds(value: str):
    """Seconds in a TIMEX3 duration (a month = 30 days), or None: "PT1.5H" == "PT1H30M"."""
    m = re.fullmatch(r"P(?:([\d.YMWD]*))?(?:T([\d.HMS]*))?", value)
    if not m or not (m.group(1) or m.group(2)):
        return None
    date_units = {"Y": 360 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400}
    time_units = {"H": 3600, "M": 60, "S": 1}
    total = sum(float(n) * date_units[u] for n, u in _DUR_PART.findall(m.group(1) or ""))
    total += sum(float(n) * time_units[u] for n, u in _DUR_PART.findall(m.group(2) or ""))
    return total


def _timex_matches(expected: str, mention) -> bool:
    value = str(mention.value)
    if expected == value:
        return True
    if expected.startswith("P") and value.startswith("P"):
        a, b = _duration_seconds(expected), _duration_seconds(value)
        if a is not None and a == b:
            return True
    m = re.fullmatch(r"\((\d{4}-\d\d-\d\d)(?:T[\d:]+)?,([^,]*),([^)]*)\)", expected)
    if m:
        return mention.resolved is not None and mention.resolved.isoformat() == m.group(1)
    # "T08" and "T08:00" name the same time
    def norm(v):
        return re.sub(r"(T\d\d)(?::00(?::00)?)?$", r"\1", re.sub(r"(T\d\d:\d\d):00$", r"\1", v))
    expected, value = norm(expected), norm(value)
    if expected == value:
        return True
    if expected.startswith("T"):
        return value.endswith(expected)
    if "X" in expected and len(expected) == len(value):
        return all(e == v or (e == "X" and v.isdigit()) for e, v in zip(expected, value))
    return False


def check_case(case: dict, find_dates) -> bool:
    """True when ``find_dates`` gives exactly the expected entities of a Recognizers case."""
    text = case["Input"]
    ref = case.get("Context", {}).get("ReferenceDateTime")
    # the date part only: Python 3.10 does not read the cases' 7-digit fractions of a second
    reference = dt.date.fromisoformat(ref[:10]) if ref else None
    found = find_dates(text, reference=reference)
    expected = case.get("Results", [])
    used = set()
    for exp in expected:
        s, e = exp["Start"], exp["End"] + 1
        timexes = [v.get("timex") for v in exp.get("Resolution", {}).get("values", []) if v.get("timex")]
        ok = False
        for i, mnt in enumerate(found):
            if i in used or not (mnt.start < e and s < mnt.end):
                continue
            if not timexes or any(_timex_matches(t, mnt) for t in timexes):
                used.add(i)
                ok = True
                break
        if not ok:
            return False
    for i, mnt in enumerate(found):
        if i not in used and not any(mnt.start <= x["End"] and x["Start"] < mnt.end for x in expected):
            return False
    return True


def recognizers_pass_rate(cases=None, find_dates=None) -> tuple[float, float, list[int]]:
    """(pass rate on all cases, pass rate on the Python-supported ones, indices of passing cases)."""
    if find_dates is None:
        from newskit.dates import find_dates
    cases = load_recognizer_cases() if cases is None else cases
    passed = [i for i, c in enumerate(cases) if check_case(c, find_dates)]
    supported = [i for i, c in enumerate(cases) if "python" not in c.get("NotSupported", "").lower()]
    ok_supported = set(passed) & set(supported)
    return len(passed) / len(cases), len(ok_supported) / max(1, len(supported)), passed


def te3_scores(directory: Path = TBAQ) -> dict:
    """Span and value P/R/F1 on a folder of TimeML documents (TempEval-3 style)."""
    from newskit.dates import find_dates

    n_gold = n_sys = span_ok = val_ok = 0
    files = sorted(Path(directory).rglob("*.tml"))
    for f in files:
        text, gold, ref = read_timeml(f)
        found = find_dates(text, reference=ref)
        sys_spans = [(m.start, m.end, str(m.value)) for m in found]
        n_gold += len(gold)
        n_sys += len(sys_spans)
        for g, s in match_spans(gold, sys_spans):
            span_ok += 1
            val_ok += g[2][1] == s[2]
    return {"docs": len(files), "gold": n_gold, "system": n_sys,
            "span": prf(span_ok, n_sys, n_gold), "value": prf(val_ok, n_sys, n_gold)}


# --------------------------------------------------------------------------- the frozen news set

_SPACE_OR_CHAR = re.compile(r"\s+|\S")
_MIDNIGHT = re.compile(r"(\d{4}-\d\d-\d\d)T24:00")


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """TEXT with runs of whitespace made one space, and for each of its characters the offset in TEXT."""
    chars, offsets = [], []
    for m in _SPACE_OR_CHAR.finditer(text):
        if m.group().isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(m.start())
        else:
            chars.append(m.group())
            offsets.append(m.start())
    return "".join(chars), offsets


def locate(block: str, sub_start: int, sub_end: int, document: str):
    """The span in DOCUMENT of ``block[sub_start:sub_end]`` (BLOCK: normalised text), found with as much of
    its context in the block as makes it unique; None if the block's words are not in the document."""
    norm, offsets = _normalised_with_offsets(document)
    for k in (60, 40, 25, 15, 8, 0):
        a, b = max(0, sub_start - k), min(len(block), sub_end + k)
        hits = [m.start() for m in re.finditer(re.escape(block[a:b]), norm)]
        if len(hits) == 1 or (hits and k == 0):
            s = hits[0] + sub_start - a
            return offsets[s], offsets[s + sub_end - sub_start - 1] + 1
    return None


def _same_value(expected: str, value: str) -> bool:
    """Equal TIMEX3 values; midnight at the end of a day equals 00:00 of the next (2016-06-30T24:00 = 2016-07-01T00:00)."""
    def norm(v):
        m = _MIDNIGHT.fullmatch(v)
        if m:
            return (dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=1)).isoformat() + "T00:00"
        return v
    return norm(expected) == norm(value)


def _news_document(source: str, data: Path):
    """(text, mentions) of a source as newskit reads it: a page through ``newskit.load`` (its publication date
    the reference), a PolNeAR text with its metadata date."""
    import csv

    import newskit

    if source.endswith((".html", ".htm")):
        article = newskit.load(data / source)
        return article.text, newskit.find_dates(article)
    text = (data / source).read_text(encoding="utf-8")
    with open(data / "quotes" / "polnear" / "metadata.tsv", encoding="utf-8", newline="") as f:
        dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    return text, newskit.find_dates(text, reference=dates[Path(source).stem])


def news_set_scores(path: Path = NEWS_SET, data: Path = SHARED / "data") -> dict:
    """Right / total on the frozen news set, overall and by shape, and the rows judged (for --errors)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import refs  # noqa: E402

    docs: dict = {}
    rows = []
    for row in refs.read_set(path):
        if row.source not in docs:
            docs[row.source] = _news_document(row.source, data)
        text, found = docs[row.source]
        span = locate(row.block(data), row.sub_start, row.sub_end, text)
        if span is None:
            raise SystemExit(f"{row.source}: the labelled word is not in the article text newskit reads")
        hits = [m for m in found if m.start < span[1] and span[0] < m.end]
        want = (row.labels["type"], row.labels["value"])
        if want[0] == "-":
            right = not hits
        else:
            right = any(m.kind == want[0] and _same_value(want[1], m.value) for m in hits)
        got = [(m.text, m.kind, m.value) for m in hits]
        rows.append((row.labels["shape"], right, row.source, text[span[0]:span[1]], want, got, row.labels["note"]))
    shapes = sorted({r[0] for r in rows})
    by_shape = {s: (sum(r[1] for r in rows if r[0] == s), sum(1 for r in rows if r[0] == s)) for s in shapes}
    return {"right": sum(r[1] for r in rows), "total": len(rows), "by_shape": by_shape, "rows": rows}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tbaq", type=Path, default=TBAQ, help="a folder of TimeML files (TBAQ-cleaned)")
    ap.add_argument("--recognizers", type=Path, default=RECOGNIZERS,
                    help="Recognizers-Text Specs/DateTime/English/DateTimeModel.json")
    ap.add_argument("--failures", type=int, default=0, help="print this many failing Recognizers cases")
    ap.add_argument("--write-pass-list", action="store_true",
                    help=f"record the passing Recognizers cases in {PASS_LIST.relative_to(ROOT)} (the regression table)")
    ap.add_argument("--news", action="store_true", help=f"score the frozen news set ({NEWS_SET.relative_to(ROOT)})")
    ap.add_argument("--errors", action="store_true", help="with --news: print the rows newskit gets wrong")
    args = ap.parse_args(argv)
    from newskit.dates import find_dates

    if args.news:
        news = news_set_scores()
        if args.errors:
            for shape, right, source, word, want, got, note in news["rows"]:
                if not right:
                    print(f"- [{shape}] {source.rsplit('/', 1)[-1]} {word!r}: want {want} ({note}); got {got}")
        shapes = ", ".join(f"{s} {r}/{n}" for s, (r, n) in news["by_shape"].items())
        print(f"news set: {news['right']}/{news['total']} right ({shapes})")

    t0 = time.perf_counter()
    te3 = te3_scores(args.tbaq)
    t1 = time.perf_counter()
    print(f"TE3 (tbaq): docs={te3['docs']} gold={te3['gold']} system={te3['system']}  ({t1 - t0:.1f} s)")
    print("  span  P=%.3f R=%.3f F1=%.3f" % te3["span"])
    print("  value P=%.3f R=%.3f F1=%.3f" % te3["value"])
    cases = load_recognizer_cases(args.recognizers)
    rate, rate_py, passed = recognizers_pass_rate(cases, find_dates)
    print(f"Recognizers DateTimeModel: {len(passed)}/{len(cases)} passed = {rate:.3f}; "
          f"Python-supported cases: {rate_py:.3f}  ({time.perf_counter() - t1:.1f} s)")
    if args.write_pass_list:
        PASS_LIST.write_text(json.dumps({
            "about": "Recognizers-Text DateTimeModel.json cases newskit.find_dates passes (sha1 of input|reference); "
                     "tests/test_dates.py keeps them passing. Regenerate with benchmarks/eval_dates.py --write-pass-list.",
            "pass_rate": round(rate, 4),
            "cases": [case_key(cases[i]) for i in passed]}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {len(passed)} passing cases to {PASS_LIST}")
    if args.failures:
        bad = [c for i, c in enumerate(cases) if i not in set(passed)]
        for c in bad[: args.failures]:
            got = [(m.text, m.value) for m in find_dates(c["Input"], reference=c["Context"].get("ReferenceDateTime"))]
            exp = [(r["Text"], [v.get("timex") for v in r.get("Resolution", {}).get("values", [])][:2])
                   for r in c.get("Results", [])]
            print(f"- {c['Input']!r} ref={c['Context'].get('ReferenceDateTime')}\n    expected {exp}\n    got      {got}")
    print(f"te3_value_f1={te3['value'][2]:.4f} recognizers_pass_rate={rate:.4f}")


if __name__ == "__main__":
    main()
