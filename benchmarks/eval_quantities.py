"""Accuracy of ``newskit.find_quantities`` on the Recognizers-Text, quantulum3 and newskit cases.

Run from the project root::

    .venv/bin/python benchmarks/eval_quantities.py --data DIR [--errors]

Data (read only, never copied), under ``DIR``:

- ``DIR/quantities/recognizers/``: the English test specs of Microsoft Recognizers-Text
  (public: github.com/microsoft/Recognizers-Text): ``CurrencyModel.json``,
  ``DimensionModel.json``, ``TemperatureModel.json`` and ``AgeModel.json`` from
  ``Specs/NumberWithUnit/English/``, ``PercentModel.json``, ``NumberModel.json`` and
  ``NumberRangeModel.json`` from ``Specs/Number/English/``;
- ``DIR/quantities/quantulum3/``: ``quantities.json`` and ``quantities.ambiguity.json``, the
  test cases of quantulum3 (public: github.com/nielstron/quantulum3,
  ``quantulum3/_lang/en_US/tests/``);
- and our own ``tests/data/quantities_news.tsv``.

(Inside the newskit workspace ``DIR`` defaults to ``../shared/data``.)

Matching, the same for every file:

* Every case of a file is scored, including those Recognizers flags ``NotSupported`` for some
  language ports (the per-file line also gives the score on the supported cases only).
  Expected items without a value (a bare unit word such as "fahrenheit" in "convert 10
  celsius to fahrenheit") are not quantities and are left out.
* Each Recognizers model is a typed recognizer, so only the system quantities of the matching
  kinds are scored against it: Currency - kind money; Dimension - length, area, volume, mass,
  speed, information, angle, power, energy, frequency; Temperature - temperature; Percent -
  percent; Age - age; Number - every quantity; NumberRange - quantities with a comparison
  qualifier (<, <=, >, >=, =) or a range (low/high). quantulum3 and our TSV score every
  quantity returned.
* A system quantity matches an expected one when their character spans overlap and their
  values are equal within 1e-6 relative (for a Recognizers range "[20,30)": ``low`` and
  ``high`` equal both ends; for a one-sided range "(30,)": the value equals the bound).
  Matching is one-to-one, expected items in order, each taking the first free system item
  that matches. Value P = matches / system items, R = matches / expected items, F1 their
  harmonic mean; counts are pooled (micro-averaged) over files for the overall line.
* Value+unit additionally requires the unit to agree: the Recognizers unit name is mapped to
  newskit's canonical unit through :data:`RECOGNIZERS_UNITS` (e.g. "Dollar" -> "USD",
  "Kilometer" -> "kilometre", "C" -> "degree Celsius"); Percent requires unit "percent";
  Number has no unit, so value+unit equals value there; for NumberRange the "unit" is the
  comparison: "(a," needs qualifier ">", "[a," ">=", ",b)" "<", ",b]" "<=", "[a,a]" "=" (a
  two-sided range needs low/high). quantulum3 unit names are mapped with
  :data:`QUANTULUM_UNITS` ("dimensionless" accepts no unit or a counted noun).
  Our TSV gives the canonical unit directly (empty = None) and also checks the qualifier.

Spans: Recognizers ``End`` is inclusive (``Input[Start:End+1]``); quantulum3 gives only the
surface, which is located in the sentence left to right.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("NEWSKIT_SHARED_DATA", ROOT.parent / "shared" / "data"))
TSV = ROOT / "tests" / "data" / "quantities_news.tsv"

FILES = ["CurrencyModel", "DimensionModel", "TemperatureModel", "PercentModel", "AgeModel",
         "NumberModel", "NumberRangeModel"]

DIMENSION_KINDS = {"length", "area", "volume", "mass", "speed", "information", "angle", "power",
                   "energy", "frequency"}
KIND_FILTER = {
    "CurrencyModel": lambda q: q.kind == "money",
    "DimensionModel": lambda q: q.kind in DIMENSION_KINDS,
    "TemperatureModel": lambda q: q.kind == "temperature",
    "PercentModel": lambda q: q.kind == "percent",
    "AgeModel": lambda q: q.kind == "age",
    "NumberModel": lambda q: True,
    "NumberRangeModel": lambda q: q.low is not None or q.qualifier in ("<", "<=", ">", ">=", "="),
}

#: Recognizers unit name -> the newskit canonical units that count as the same.
RECOGNIZERS_UNITS = {
    "Dollar": {"USD"}, "United States dollar": {"USD"}, "Euro": {"EUR"}, "Pound": {"GBP", "pound"},
    "British pound": {"GBP"}, "Chinese yuan": {"CNY"}, "Cent": {"cent"}, "Pence": {"penny"},
    "Penny": {"penny"}, "Canadian dollar": {"CAD"}, "Japanese yen": {"JPY"},
    "Franc": {"franc", "CHF"}, "Swiss franc": {"CHF"}, "Australian dollar": {"AUD"},
    "New Zealand dollar": {"NZD"}, "Hong Kong dollar": {"HKD"}, "Bitcoin": {"BTC"},
    "Satoshi": {"satoshi"}, "Turkish lira": {"TRY"}, "Rupee": {"INR"}, "Sri Lankan rupee": {"LKR"},
    "Mexican peso": {"MXN"}, "Finnish markka": {"FIM"}, "Peseta": {"ESP"},
    "Netherlands guilder": {"NLG"}, "Costa Rican colón": {"CRC"}, "Georgian lari": {"GEL"},
    "Lao kip": {"LAK"}, "Sen": {"sen"},
    "Ton": {"ton", "tonne"}, "Metric ton": {"tonne"}, "Degree": {"degree"},
    "C": {"degree Celsius"}, "F": {"degree Fahrenheit"},
    "Year": {"year"}, "Month": {"month"}, "Week": {"week"}, "Day": {"day"}, "Age": {"year"},
    "Mile per hour": {"mile per hour"}, "Kilometer per hour": {"kilometre per hour"},
}

QUANTULUM_UNITS = {
    "pound sterling": {"GBP"}, "dollar": {"USD"}, "euro": {"EUR"}, "percentage": {"percent"},
    "pound-mass": {"pound"}, "cubic centimetre": {"millilitre"}, "degree fahrenheit": {"degree Fahrenheit"},
    "degree Fahrenheit": {"degree Fahrenheit"}, "penny": {"penny"}, "cent": {"cent"},
}


def canonical_recognizers_unit(name: str | None) -> set:
    if name is None:
        return {None}
    if name in RECOGNIZERS_UNITS:
        return RECOGNIZERS_UNITS[name]
    n = name.lower().replace("meter", "metre").replace("liter", "litre")
    return {n}


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def parse_interval(s: str):
    """'[20,30)' -> (20.0, 30.0, '[', ')'); '(30,)' -> (30.0, None, '(', ')')."""
    s = s.strip()
    lo, hi = s[1:-1].split(",")
    return (float(lo) if lo.strip() else None, float(hi) if hi.strip() else None, s[0], s[-1])


class Score:
    def __init__(self):
        self.tp = self.tp_unit = self.n_sys = self.n_gold = 0

    def add(self, other: "Score"):
        self.tp += other.tp
        self.tp_unit += other.tp_unit
        self.n_sys += other.n_sys
        self.n_gold += other.n_gold

    @staticmethod
    def _f1(tp, n_sys, n_gold):
        p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
        r = tp / n_gold if n_gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def value(self):
        return self._f1(self.tp, self.n_sys, self.n_gold)

    def unit(self):
        return self._f1(self.tp_unit, self.n_sys, self.n_gold)

    def line(self, name: str) -> str:
        p, r, f = self.value()
        up, ur, uf = self.unit()
        return (f"{name:<22} gold {self.n_gold:4d} sys {self.n_sys:4d}  value P {p:.3f} R {r:.3f} "
                f"F1 {f:.3f} | value+unit P {up:.3f} R {ur:.3f} F1 {uf:.3f}")


def match(gold: list[dict], system: list, score: Score, errors: list | None = None, label=""):
    """One-to-one matching; gold items are dicts with start, end, value_ok(q), unit_ok(q)."""
    used = set()
    score.n_gold += len(gold)
    score.n_sys += len(system)
    for g in gold:
        hit = None
        for i, q in enumerate(system):
            if i in used or q.end <= g["start"] or q.start >= g["end"]:
                continue
            if g["value_ok"](q):
                hit = i
                break
        if hit is None:
            if errors is not None:
                errors.append(f"  FN {label}: {g['text']!r} = {g['desc']}")
            continue
        used.add(hit)
        score.tp += 1
        if g["unit_ok"](system[hit]):
            score.tp_unit += 1
        elif errors is not None:
            q = system[hit]
            errors.append(f"  UNIT {label}: {g['text']!r} = {g['desc']} got {q.unit!r}/{q.qualifier!r}")
    if errors is not None:
        for i, q in enumerate(system):
            if i not in used:
                errors.append(f"  FP {label}: {q.text!r} {q.value} {q.unit} {q.kind} {q.rule}")


def recognizers_gold(name: str, case: dict) -> list[dict]:
    out = []
    for r in case["Results"]:
        res = r["Resolution"]
        val = res.get("value")
        if val in (None, "null"):
            continue
        g = {"start": r["Start"], "end": r["End"] + 1, "text": r["Text"], "desc": f"{val} {res.get('unit', '')}"}
        if name == "NumberRangeModel":
            lo, hi, lb, rb = parse_interval(val)
            if lo is not None and hi is not None and lo != hi:
                g["value_ok"] = lambda q, lo=lo, hi=hi: close(q.low, lo) and close(q.high, hi)
                g["unit_ok"] = lambda q: True
            else:
                bound = lo if lo is not None else hi
                want = ("=" if lo == hi else (">" if lb == "(" else ">=")) if lo is not None else ("<" if rb == ")" else "<=")
                g["value_ok"] = lambda q, b=bound: close(q.value, b) and q.low is None
                g["unit_ok"] = lambda q, w=want: q.qualifier == w or (w == "=" and q.qualifier is None)
        else:
            v = float(val.rstrip("%"))
            g["value_ok"] = lambda q, v=v: close(q.value, v)
            if name == "PercentModel":
                g["unit_ok"] = lambda q: q.unit == "percent"
            elif name == "NumberModel":
                g["unit_ok"] = lambda q: True
            else:
                units = canonical_recognizers_unit(res.get("unit"))
                g["unit_ok"] = lambda q, u=units: q.unit in u
        out.append(g)
    return out


def eval_recognizers(data: Path, errors: bool = False, supported_only: bool = False):
    import newskit

    results = {}
    for name in FILES:
        path = data / "quantities" / "recognizers" / f"{name}.json"
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        score, score_sup, errs = Score(), Score(), ([] if errors else None)
        for case in cases:
            gold = recognizers_gold(name, case)
            system = [q for q in newskit.find_quantities(case["Input"]) if KIND_FILTER[name](q)]
            s = Score()
            match(gold, system, s, errs, case["Input"][:80])
            score.add(s)
            if not case.get("NotSupported"):
                score_sup.add(s)
        results[name] = (score, score_sup, errs)
    return results


def quantulum_gold(case: dict) -> list[dict]:
    out, pos = [], 0
    text = case["req"]
    for r in case["res"]:
        i = text.find(r["surface"], pos)
        if i < 0:
            i = text.find(r["surface"])
        if i < 0:
            continue
        pos = i + len(r["surface"])
        unit = r["unit"]
        ok_units = QUANTULUM_UNITS.get(unit, {unit})
        g = {"start": i, "end": i + len(r["surface"]), "text": r["surface"], "desc": f"{r['value']} {unit}"}
        g["value_ok"] = lambda q, v=float(r["value"]): close(q.value, v)
        if unit == "dimensionless":
            g["unit_ok"] = lambda q: q.unit is None or q.kind in ("count", "ratio", "number")
        else:
            g["unit_ok"] = lambda q, u=ok_units: q.unit in u
        out.append(g)
    return out


def eval_quantulum(data: Path, errors: bool = False):
    import newskit

    results = {}
    for name in ("quantities", "quantities.ambiguity"):
        path = data / "quantities" / "quantulum3" / f"{name}.json"
        cases = json.loads(path.read_text(encoding="utf-8"))
        score, errs = Score(), ([] if errors else None)
        for case in cases:
            match(quantulum_gold(case), newskit.find_quantities(case["req"]), score, errs, case["req"][:80])
        results["quantulum3/" + name] = (score, errs)
    return results


def read_tsv(path: Path = TSV) -> list[dict]:
    """Rows of our news TSV: sentence, text, value, unit, kind, qualifier, change (one per
    expected quantity; a sentence with an empty ``text`` expects no quantity)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    return rows


def tsv_cases(path: Path = TSV) -> dict[str, list[dict]]:
    cases: dict[str, list[dict]] = {}
    for r in read_tsv(path):
        cases.setdefault(r["sentence"], [])
        if r["text"]:
            cases[r["sentence"]].append(r)
    return cases


def eval_tsv(path: Path = TSV, errors: bool = False):
    import newskit

    score, errs = Score(), ([] if errors else None)
    for sentence, rows in tsv_cases(path).items():
        gold, pos = [], 0
        for r in rows:
            i = sentence.find(r["text"], pos)
            pos = i + len(r["text"])
            unit = r["unit"] or None
            qual = r["qualifier"] or None
            g = {"start": i, "end": i + len(r["text"]), "text": r["text"], "desc": f"{r['value']} {unit} {qual}"}
            g["value_ok"] = lambda q, v=float(r["value"]): close(q.value, v)
            g["unit_ok"] = lambda q, u=unit, ql=qual: q.unit == u and q.qualifier == ql
            gold.append(g)
        match(gold, newskit.find_quantities(sentence), score, errs, sentence[:80])
    return score, errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="print every miss for error analysis")
    args = ap.parse_args(argv)
    if not (args.data / "quantities").exists():
        print(f"development data not found under {args.data}; nothing to evaluate")
        return 0
    overall, overall_sup = Score(), Score()
    print("Recognizers-Text English specs (all cases; [supported-only value F1 / value+unit F1])")
    for name, (score, sup, errs) in eval_recognizers(args.data, args.errors).items():
        overall.add(score)
        overall_sup.add(sup)
        print(score.line(name) + f"  [{sup.value()[2]:.3f} / {sup.unit()[2]:.3f}]")
        for e in errs or []:
            print(e)
    print(overall.line("OVERALL recognizers") + f"  [{overall_sup.value()[2]:.3f} / {overall_sup.unit()[2]:.3f}]")
    print()
    for name, (score, errs) in eval_quantulum(args.data, args.errors).items():
        print(score.line(name))
        for e in errs or []:
            print(e)
    if TSV.exists():
        score, errs = eval_tsv(TSV, args.errors)
        print(score.line("newskit news tsv"))
        for e in errs or []:
            print(e)
    p, r, f = overall.value()
    print(f"overall recognizers value F1 {f:.3f} value+unit F1 {overall.unit()[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
