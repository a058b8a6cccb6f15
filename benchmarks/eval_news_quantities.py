"""Accuracy of ``newskit.find_quantities`` on the frozen real-news quantity set (issue 15).

Run from the project root::

    .venv/bin/python benchmarks/eval_news_quantities.py [--data ../shared/data] [--errors] [--compare-quantulum3]

The set is ``benchmarks/labels/news_quantities.tsv``: references (see ``benchmarks/refs.py``) to sentences of
the development data with every quantity of each sentence labelled (``value unit per low high approx note``;
a sentence without quantities is one row with empty mention columns). The sentence text is read from the data
folder; without it the scorer says so and exits cleanly.

Matching, per sentence, one-to-one by span overlap (gold mentions in order; each takes the first free
overlapping system item, preferring one whose value, unit and per all agree, then value and unit, then value):

* value: equal within 1e-6 relative; for a gold range or vague amount (``low``/``high`` given) the system's
  value may also equal the gold low or high, or the system's low and high may equal the gold's.
* unit: canonical names compared (system unit None agrees only with an empty gold unit); for counts (a gold
  unit that is not a measurement unit) the counted nouns are compared singularised and lower case, the
  system's last word taken as the head.
* per: the system's ``per`` attribute (``getattr(q, "per", None)``), compared the same way.
* low/high accuracy: over the gold ranges and vague amounts, the share matched by a system item whose low and
  high both equal the gold's.

P = correct / system items, R = correct / gold mentions, F1 their harmonic mean, pooled over the set.
``--compare-quantulum3`` scores quantulum3 (the bench extra) the same way; its unit names are mapped to ours
(:data:`QUANTULUM_UNITS`), "dimensionless" counts as no unit, "X per Y" is unit X, per Y, and a value with an
uncertainty is a range value +- uncertainty. When quantulum3's shipped disambiguation classifier does not
load with the installed scikit-learn, it runs without it (as ``benchmarks/speed_statistics.py`` does).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import refs  # noqa: E402

SET = Path(__file__).resolve().parent / "labels" / "news_quantities.tsv"

#: gold units that are measurement units (compared exactly); any other non-empty gold unit is a counted noun
MEASURE_UNITS = {
    "percent", "percentage point", "basis point", "point", "cent", "penny",
    "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century",
    "metre", "kilometre", "centimetre", "millimetre", "mile", "foot", "inch", "yard", "square foot", "square mile",
    "square metre", "square kilometre", "acre", "hectare", "kilogram", "gram", "tonne", "ton", "pound", "ounce",
    "litre", "gallon", "barrel", "degree Celsius", "degree Fahrenheit", "kilometre per hour", "mile per hour",
    "megabit per second", "gigahertz", "horsepower", "watt", "megawatt", "kilowatt hour", "terawatt hour",
    "gigawatt hour", "byte", "gigabyte",
}

IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
             "teeth": "tooth", "mice": "mouse", "geese": "goose", "staff": "staff", "series": "series",
             "species": "species", "media": "medium", "data": "data", "criteria": "criterion",
             "indices": "index", "crises": "crisis", "analyses": "analysis", "lives": "life", "wives": "wife",
             "knives": "knife", "halves": "half", "leaves": "leaf", "thieves": "thief", "news": "news"}

#: quantulum3 unit name -> ours
QUANTULUM_UNITS = {
    "dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP", "euro": "EUR", "yen": "JPY",
    "japanese yen": "JPY", "renminbi": "CNY", "indian rupee": "INR", "percentage": "percent", "cent": "cent",
    "penny": "penny", "pound-mass": "pound", "metric ton": "tonne", "tonne": "tonne", "short ton": "ton",
    "ton": "ton", "degree celsius": "degree Celsius", "degree fahrenheit": "degree Fahrenheit",
    "kilometre per hour": "kilometre per hour", "mile per hour": "mile per hour", "foot": "foot", "inch": "inch",
    "mile": "mile", "metre": "metre", "kilometre": "kilometre", "acre": "acre", "second": "second",
    "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
    "decade": "decade", "century": "century", "point": "point", "percentage point": "percentage point",
    "terawatt hour": "terawatt hour", "gigawatt hour": "gigawatt hour", "dimensionless": None,
}


def singular(word: str) -> str:
    w = word.lower().strip()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 3 and w.endswith("ies") and w[-4] not in "aeiou":
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "sis", "xis")):
        return w[:-1]
    return w


def head(unit: str) -> str:
    return singular(unit.replace("-", " ").split()[-1]) if unit.strip() else ""


def close(a, b) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def fnum(s: str):
    return float(s) if s not in ("", None) else None


@dataclass
class Gold:
    start: int
    end: int
    value: float
    unit: str
    per: str
    low: float | None
    high: float | None
    text: str

    @property
    def ranged(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass
class Sys:
    start: int
    end: int
    value: float | None
    unit: str | None
    per: str | None
    low: float | None
    high: float | None
    text: str


def value_ok(g: Gold, q: Sys) -> bool:
    if close(q.value, g.value):
        return True
    if g.ranged:
        return close(q.value, g.low) or close(q.value, g.high) or (close(q.low, g.low) and close(q.high, g.high))
    return False


def unit_equal(gold: str, system) -> bool:
    if not gold:
        return system in (None, "")
    if system in (None, ""):
        return False
    if gold in MEASURE_UNITS or (len(gold) == 3 and gold.isupper()):
        return system == gold
    return head(gold) == head(system)


def per_equal(gold: str, system) -> bool:
    if not gold:
        return system in (None, "")
    if system in (None, ""):
        return False
    return gold == system or head(gold) == head(system)


def load_sentences(set_path: Path, data=None) -> list[tuple[str, str, list[Gold]]]:
    """(reference, sentence text, gold mentions) in file order."""
    out, index = [], {}
    for r in refs.read_set(set_path):
        key = (r.source, r.start, r.end, r.sub_start, r.sub_end)
        if key not in index:
            index[key] = len(out)
            out.append((f"{r.source}:{r.start}[{r.sub_start}:{r.sub_end}]", r.text(data), []))
        L = r.labels
        if L["m_start"]:
            text = out[index[key]][1]
            s, e = int(L["m_start"]), int(L["m_end"])
            out[index[key]][2].append(Gold(s, e, float(L["value"]), L["unit"], L["per"], fnum(L["low"]),
                                           fnum(L["high"]), text[s:e]))
    return out


def newskit_system(text: str) -> list[Sys]:
    import newskit

    return [Sys(q.start, q.end, q.value, q.unit, getattr(q, "per", None), q.low, q.high, q.text)
            for q in newskit.find_quantities(text)]


_QPARSER = None


def quantulum_system(text: str) -> list[Sys]:
    global _QPARSER
    if _QPARSER is None:
        import warnings

        from quantulum3 import classifier, parser

        warnings.filterwarnings("ignore")
        try:
            if classifier.USE_CLF:
                classifier.classifier("en_US")
        except Exception as e:  # its shipped scikit-learn pickle may not load with this scikit-learn
            classifier.USE_CLF = False
            print(f"quantulum3's disambiguation classifier does not load here ({type(e).__name__}); "
                  "running quantulum3 without it (its documented fallback)")
        _QPARSER = parser
    out = []
    for q in _QPARSER.parse(text):
        name = q.unit.name if q.unit is not None else "dimensionless"
        unit, per = name, None
        if " per " in name and name not in QUANTULUM_UNITS:
            unit, per = name.split(" per ", 1)
        unit = QUANTULUM_UNITS.get(unit.lower(), unit)
        if per is not None:
            per = QUANTULUM_UNITS.get(per.lower(), per) or per
        low = high = None
        if q.uncertainty:
            low, high = q.value - q.uncertainty, q.value + q.uncertainty
        s, e = q.span
        out.append(Sys(s, e, q.value, unit, per, low, high, q.surface))
    return out


class Score:
    def __init__(self):
        self.n_gold = self.n_sys = self.tp_v = self.tp_vu = self.tp_vup = 0
        self.n_ranged = self.lowhigh_ok = 0
        self.errors: list[str] = []

    @staticmethod
    def prf(tp, n_sys, n_gold):
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, ref: str, gold: list[Gold], system: list[Sys]):
        self.n_gold += len(gold)
        self.n_sys += len(system)
        used = set()
        for g in gold:
            cands = [i for i, q in enumerate(system) if i not in used and q.start < g.end and q.end > g.start
                     and value_ok(g, system[i])]
            best = None
            for want in (3, 2, 1):
                for i in cands:
                    q = system[i]
                    level = 1 + unit_equal(g.unit, q.unit) + (unit_equal(g.unit, q.unit) and per_equal(g.per, q.per))
                    if level >= want:
                        best = i
                        break
                if best is not None:
                    break
            if g.ranged:
                self.n_ranged += 1
            if best is None:
                self.errors.append(f"FN   {ref} {g.text!r} value={g.value:g} unit={g.unit!r} per={g.per!r}")
                continue
            used.add(best)
            q = system[best]
            self.tp_v += 1
            if unit_equal(g.unit, q.unit):
                self.tp_vu += 1
                if per_equal(g.per, q.per):
                    self.tp_vup += 1
                else:
                    self.errors.append(f"PER  {ref} {g.text!r} per={g.per!r} got {q.per!r}")
            else:
                self.errors.append(f"UNIT {ref} {g.text!r} unit={g.unit!r} got {q.unit!r}")
            if g.ranged and close(q.low, g.low) and close(q.high, g.high):
                self.lowhigh_ok += 1
        for i, q in enumerate(system):
            if i not in used:
                self.errors.append(f"FP   {ref} {q.text!r} value={q.value} unit={q.unit!r}")

    def lines(self, name: str) -> list[str]:
        out = []
        for label, tp in (("value", self.tp_v), ("value+unit", self.tp_vu), ("value+unit+per", self.tp_vup)):
            p, r, f = self.prf(tp, self.n_sys, self.n_gold)
            out.append(f"{name} {label:<15} P {p:.3f} R {r:.3f} F1 {f:.3f}  (correct {tp}, system {self.n_sys}, gold {self.n_gold})")
        acc = self.lowhigh_ok / self.n_ranged if self.n_ranged else 0.0
        out.append(f"{name} low/high accuracy on gold ranges and vague amounts {acc:.3f} ({self.lowhigh_ok}/{self.n_ranged})")
        return out

    def summary(self, name: str) -> str:
        f = [self.prf(tp, self.n_sys, self.n_gold)[2] for tp in (self.tp_v, self.tp_vu, self.tp_vup)]
        return f"{name} value_f1={f[0]:.3f} value_unit_f1={f[1]:.3f} value_unit_per_f1={f[2]:.3f}"


def evaluate(sentences, system_fn) -> Score:
    score = Score()
    for ref, text, gold in sentences:
        score.add(ref, gold, system_fn(text))
    return score


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="the development data folder (default ../shared/data)")
    ap.add_argument("--set", type=Path, default=SET)
    ap.add_argument("--errors", action="store_true", help="list misses, unit/per mismatches and false positives")
    ap.add_argument("--compare-quantulum3", action="store_true", help="also score quantulum3 on the same sentences")
    args = ap.parse_args(argv)
    data = refs.data_dir(args.data)
    if not (data / "realpages").exists() or not (data / "quotes").exists() or not (data / "dates").exists():
        print(f"development data not found under {data}; news_quantities not evaluated (skipped)")
        return 0
    sentences = load_sentences(args.set, args.data)
    n_empty = sum(1 for _, _, g in sentences if not g)
    print(f"{len(sentences)} sentences ({n_empty} without a quantity), {sum(len(g) for _, _, g in sentences)} gold mentions")
    systems = []
    if args.compare_quantulum3:
        try:
            import quantulum3  # noqa: F401
            systems.append(("quantulum3", quantulum_system))
        except ImportError:
            print("quantulum3 not installed (pip install -e .[bench]); comparison skipped")
    systems.append(("newskit", newskit_system))
    last = None
    for name, fn in systems:
        score = evaluate(sentences, fn)
        for line in score.lines(name):
            print(line)
        if args.errors:
            for e in score.errors:
                print(f"  {name} {e}")
        last = score if name == "newskit" else last
        if name != "newskit":
            print(score.summary(f"{name}:news_quantities"))
    print(last.summary("news_quantities"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
