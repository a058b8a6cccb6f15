"""Score newskit.find_quotes on PolNeAR, with error analysis.

PolNeAR (Newell, Margolin and Ruths, 2018: political news articles with every attribution's
source, cue and content annotated, brat standoff files) is public: clone
github.com/networkdynamics/PolNeAR and point this script at a split folder, one that holds
``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``.

Scores: content-span P/R/F1 (a system quote matches a gold content span when they overlap,
one to one, see ``benchmarks/scoring.py``), the accuracy of the source on matched pairs (the
speaker mention overlaps the gold source, or shares a content word with it), and the recall of
direct quotes (gold contents between quote marks). Malformed brat lines (a few in *train*) are
skipped.

usage:
    .venv/bin/python benchmarks/eval_quotes.py PolNeAR/data/dev
    .venv/bin/python benchmarks/eval_quotes.py DIR --misses 40 --false 40 --sources 40 [--seed 1]
    .venv/bin/python benchmarks/eval_quotes.py DIR --by-rule     (precision of each rule)
"""
from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import newskit  # noqa: E402
from scoring import match_spans, prf  # noqa: E402

QUOTES = "\"\u201c\u201d\u2018\u2019'"


def read_ann(path: Path):
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t", 2)
            if len(parts) < 3:
                continue
            tid, mid, _ = parts
            kind, _, rest = mid.partition(" ")
            nums = [int(x) for x in re.findall(r"\d+", rest)]
            if nums:
                spans[tid] = (kind, min(nums), max(nums))
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) < 2:
                continue
            roles = dict(p.split(":", 1) for p in fields[1].split() if ":" in p)
            events.append(roles)
    out = []
    for roles in events:
        c = spans.get(roles.get("Content"))
        if not c:
            continue
        s = spans.get(roles.get("Source"))
        q = spans.get(roles.get("Cue"))
        out.append((c[1], c[2], (s[1], s[2]) if s else None, (q[1], q[2]) if q else None))
    return out


def trim(text, start, end):
    return text[start:end].strip().strip(QUOTES + ".,;: ").strip()


def words(s):
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", s)} - {"the", "and", "said", "for", "who"}


def documents(d: Path):
    seen = set()
    for ann in sorted((d / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        yield name, (d / "text" / f"{name}.txt").read_text(encoding="utf-8"), read_ann(ann)


def score(d: Path) -> dict:
    """Scores on a PolNeAR folder: f1, precision, recall, source_acc, direct_recall."""
    n_gold = n_sys = matched = src_ok = src_n = dg = dh = 0
    for _name, text, gold in documents(Path(d)):
        found = newskit.find_quotes(text)
        pairs = match_spans(gold, [(q.start, q.end, q) for q in found])
        n_gold += len(gold)
        n_sys += len(found)
        hit = {(g[0], g[1]) for g, _ in pairs}
        for g in gold:
            head, tail = text[max(0, g[0] - 2):g[0] + 2], text[max(0, g[1] - 2):g[1] + 2]
            if any(ch in QUOTES for ch in head) and any(ch in QUOTES for ch in tail):
                dg += 1
                dh += (g[0], g[1]) in hit
        for g, s in pairs:
            matched += 1
            if g[2]:
                src_n += 1
                q = s[2]
                gs, ge = g[2]
                ok = q.speaker_start is not None and q.speaker_start < ge and gs < q.speaker_end
                src_ok += ok or bool(words(str(q.speaker or "")) & words(text[gs:ge]))
    p, r, f = prf(matched, n_sys, n_gold)
    return {"precision": p, "recall": r, "f1": f, "source_acc": src_ok / max(src_n, 1),
            "direct_recall": dh / max(dg, 1), "gold": n_gold, "system": n_sys}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--misses", type=int, default=0, help="print N missed gold contents")
    ap.add_argument("--false", type=int, default=0, help="print N unmatched system quotes")
    ap.add_argument("--sources", type=int, default=0, help="print N wrong sources")
    ap.add_argument("--direct", type=int, default=0, help="print N missed direct quotes")
    ap.add_argument("--by-rule", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    n_gold = n_sys = matched = near = exact = src_ok = src_n = dg = dh = 0
    misses, falses, bad_src, dmiss = [], [], [], []
    rule_n, rule_ok = collections.Counter(), collections.Counter()
    n_docs = 0
    for name, text, gold in documents(args.dir):
        n_docs += 1
        found = newskit.find_quotes(text)
        sys_spans = [(q.start, q.end, q) for q in found]
        n_gold += len(gold)
        n_sys += len(sys_spans)
        pairs = match_spans(gold, sys_spans)
        hit = {(g[0], g[1]) for g, _ in pairs}
        hit_sys = {id(s[2]) for _, s in pairs}
        for g in gold:
            head, tail = text[max(0, g[0] - 2):g[0] + 2], text[max(0, g[1] - 2):g[1] + 2]
            if any(ch in QUOTES for ch in head) and any(ch in QUOTES for ch in tail):
                dg += 1
                dh += (g[0], g[1]) in hit
                if (g[0], g[1]) not in hit:
                    dmiss.append((name, text, g))
            if (g[0], g[1]) not in hit:
                misses.append((name, text, g))
        for q in found:
            rule_n[q.rule] += 1
            rule_ok[q.rule] += id(q) in hit_sys
            if id(q) not in hit_sys:
                falses.append((name, text, q))
        for g, s in pairs:
            matched += 1
            near += abs(g[0] - s[0]) <= 3 and abs(g[1] - s[1]) <= 3
            exact += trim(text, g[0], g[1]) == trim(text, s[0], s[1])
            if g[2]:
                src_n += 1
                q = s[2]
                gs, ge = g[2]
                ok = q.speaker_start is not None and q.speaker_start < ge and gs < q.speaker_end
                ok = ok or bool(words(str(q.speaker or "")) & words(text[gs:ge]))
                src_ok += ok
                if not ok:
                    bad_src.append((name, text, g, q))
    rnd = random.Random(args.seed)

    def ctx(text, s, e, w=60):
        return (text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w]).replace("\n", " / ")

    for name, text, g in rnd.sample(misses, min(args.misses, len(misses))):
        cue = text[g[3][0]:g[3][1]] if g[3] else None
        src = text[g[2][0]:g[2][1]] if g[2] else None
        print(f"MISS {name} cue={cue!r} src={src!r}\n   {ctx(text, g[0], g[1])[:400]}")
    for name, text, q in rnd.sample(falses, min(args.false, len(falses))):
        print(f"FALSE {name} rule={q.rule} cue={q.cue!r} src={q.speaker_text!r}\n   {ctx(text, q.start, q.end)[:400]}")
    for name, text, g, q in rnd.sample(bad_src, min(args.sources, len(bad_src))):
        print(f"SOURCE {name} gold={text[g[2][0]:g[2][1]]!r} sys={q.speaker_text!r}->{q.speaker!r} rule={q.rule}\n"
              f"   {ctx(text, q.start, q.end)[:300]}")
    for name, text, g in rnd.sample(dmiss, min(args.direct, len(dmiss))):
        print(f"DIRECT-MISS {name}\n   {ctx(text, g[0], g[1])[:400]}")
    if args.by_rule:
        for r, k in rule_n.most_common():
            print(f"rule {r:26s} n={k:6d} matched={rule_ok[r] / k:.3f}")
    p, r, f = prf(matched, n_sys, n_gold)
    ep, er, ef = prf(exact, n_sys, n_gold)
    print(f"articles={n_docs} gold={n_gold} system={n_sys}")
    print(f"content overlap P={p:.3f} R={r:.3f} F1={f:.3f}; near-exact {near}/{matched}")
    print(f"content exact   P={ep:.3f} R={er:.3f} F1={ef:.3f}")
    print(f"source accuracy {src_ok}/{src_n} = {src_ok / max(src_n, 1):.3f}; direct-quote recall {dh}/{dg} = {dh / max(dg, 1):.3f}")
    print(f"polnear f1={f:.4f} source_acc={src_ok / max(src_n, 1):.4f} direct_recall={dh / max(dg, 1):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
