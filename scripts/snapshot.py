"""Snapshot every extractor's output over the development corpora, and compare two snapshots.

A restructuring that must not change behaviour is gated on this: take a snapshot before, make
the change, take one after, and compare. The snapshot is a JSON Lines file, one line per input
document and extractor, with every field of every result (dates as ISO strings).

usage:
    python scripts/snapshot.py write OUT.jsonl [--data DIR]   # DIR: the workspace data folder
    python scripts/snapshot.py compare OLD.jsonl NEW.jsonl    # exit 1 and the first differences

Corpora (each read where it exists under DIR): the bundled samples, the seed article, PolNeAR
train and dev texts, TempEval-3 TBAQ texts (with their creation dates), Recognizers-Text date
and quantity cases, quantulum3's cases, the sentence golden rules, the claim sentences of
dev.tsv (and the first 3,000 of train.tsv), and the real pages (load, then analyze).
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's newskit, whatever is installed


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def _analysis_record(a) -> dict:
    art = a.article
    rec = {"article": _plain(dataclasses.replace(art, segments=())) if dataclasses.is_dataclass(art) else None}
    if rec["article"] and rec["article"].get("path"):  # the same in every checkout
        rec["article"]["path"] = rec["article"]["path"].replace(str(ROOT) + "/", "")
    for kind in ("sentences", "quantities", "dates", "quotes", "claims"):
        rec[kind] = _plain(getattr(a, kind))
    rec["sources"] = _plain(a.sources or ())
    return rec


def _tml_text(path: Path):
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
            break
    text = "".join(root.find("TEXT").itertext())
    ref = dt.date.fromisoformat(dct[:10]) if dct and re.match(r"\d{4}-\d\d-\d\d", dct) else None
    return text, ref


def documents(data: Path):
    """``(corpus, name, kind, payload)`` for every input, in a fixed order."""
    samples = ROOT / "newskit" / "data" / "samples"
    for p in sorted(samples.iterdir()):
        yield "samples", p.name, "load", p
    seed = data / "seed" / "000_3e463758755adda8.txt"
    if seed.exists():
        yield "seed", seed.name, "load", seed
    for split in ("dev", "train"):
        d = data / "quotes" / "polnear" / split / "text"
        if d.is_dir():
            for p in sorted(d.glob("*.txt")):
                yield f"polnear-{split}", p.name, "text", (p.read_text(encoding="utf-8"), None)
    d = data / "dates" / "tbaq"
    if d.is_dir():
        for p in sorted(d.rglob("*.tml")):
            yield "tbaq", str(p.relative_to(d)), "text", _tml_text(p)
    p = data / "dates" / "recognizers" / "DateTimeModel.json"
    if p.exists():
        for i, case in enumerate(json.loads(p.read_text(encoding="utf-8-sig"))):
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            yield "recognizers-dates", str(i), "dates", (case["Input"], ref[:10] if ref else None)
    d = data / "quantities" / "recognizers"
    if d.is_dir():
        for p in sorted(d.glob("*.json")):
            for i, case in enumerate(json.loads(p.read_text(encoding="utf-8-sig"))):
                yield "recognizers-quantities", f"{p.stem}/{i}", "quantities", case["Input"]
    d = data / "quantities" / "quantulum3"
    for name in ("quantities.json", "quantities.ambiguity.json"):
        if (d / name).exists():
            for i, case in enumerate(json.loads((d / name).read_text(encoding="utf-8"))):
                yield "quantulum3", f"{name}/{i}", "quantities", case["req"]
    p = data / "sbd" / "golden_rules_en.json"
    if p.exists():
        for case in json.loads(p.read_text(encoding="utf-8")):
            yield "sbd", str(case["id"]), "sentences", case["text"]
    for name, limit in (("dev.tsv", None), ("train.tsv", 3000)):
        p = data / "claims" / name
        if p.exists():
            with p.open(encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f, delimiter="\t"))[:limit]
            for row in rows:
                yield f"claims-{name}", row["Sentence_id"], "claims", row["Text"]
    for kind in ("news", "web"):
        d = data / "realpages" / kind / "pages"
        if d.is_dir():
            for p in sorted(d.glob("*.html")):
                yield f"realpages-{kind}", p.name, "load", p


def run(kind: str, payload):
    import newskit

    if kind == "load":
        try:
            article = newskit.load(payload)
        except newskit.NewskitError as err:
            return {"error": f"{type(err).__name__}: {err}"}
        if isinstance(article, list):  # a multi-record file
            return {"records": [_analysis_record(newskit.analyze(a)) for a in article]}
        return _analysis_record(newskit.analyze(article))
    if kind == "text":
        text, ref = payload
        article = newskit.Article(text=text, raw=text, published=ref)
        return _analysis_record(newskit.analyze(article))
    if kind == "dates":
        text, ref = payload
        return {"dates": _plain(newskit.find_dates(text, reference=ref))}
    if kind == "quantities":
        return {"quantities": _plain(newskit.find_quantities(payload))}
    if kind == "sentences":
        return {"sentences": _plain(newskit.split_sentences(payload))}
    if kind == "claims":
        return {"claims": _plain(newskit.find_claims(payload))}
    raise ValueError(kind)


def write(out: Path, data: Path) -> None:
    n = 0
    digest = hashlib.sha256()
    with out.open("w", encoding="utf-8") as f:
        for corpus, name, kind, payload in documents(data):
            line = json.dumps({"corpus": corpus, "name": name, "result": run(kind, payload)},
                              ensure_ascii=False, sort_keys=True)
            digest.update(line.encode("utf-8"))
            f.write(line + "\n")
            n += 1
    print(f"{n} documents -> {out} sha256 {digest.hexdigest()[:16]}")


def _diff(a, b, path=""):
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'new' if k in b else 'old'}"
            d = _diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = _diff(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def compare(old: Path, new: Path, show: int = 10) -> int:
    def read(p):
        with p.open(encoding="utf-8") as f:
            return {(r["corpus"], r["name"]): r["result"] for r in map(json.loads, f)}

    a, b = read(old), read(new)
    diffs = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            diffs.append(f"{key}: only in {'new' if key in b else 'old'}")
        elif a[key] != b[key]:
            diffs.append(f"{key}{_diff(a[key], b[key])}")
    for d in diffs[:show]:
        print(d)
    print(f"{len(diffs)} of {len(set(a) | set(b))} documents differ")
    return 1 if diffs else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    if args.cmd == "write":
        write(args.out, args.data)
        return 0
    return compare(args.old, args.new, args.show)


if __name__ == "__main__":
    sys.exit(main())
