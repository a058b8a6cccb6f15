"""How newskit reads real scraped web pages, beside trafilatura's default extraction, in one run.

Run from the project root::

    .venv/bin/python benchmarks/eval_realpages.py [DIR ...] [--pages N] [--list]

DIR defaults to both folders of the workspace's real pages (``../shared/data/realpages/news``
and ``.../web``): each holds ``pages/NAME.html`` and ``gold.json`` = ``{NAME: {url, with,
without}}`` — snippets a good main-text extraction must contain (``with``) and page furniture it
must not (``without``). The pages are trafilatura's public evaluation collection
(github.com/adbar/trafilatura, ``tests/eval`` and ``tests/evaldata.json``).

For each page it reports, for newskit (``newskit.load``: title, body text and captions) and for
``trafilatura.extract(html)`` with default settings:

* load errors (a page newskit refuses, with the reason);
* ``with``: the share of expected snippets found in the text, ``without``: the share of
  furniture snippets absent (both after collapsing whitespace, as the collection defines);
* captions per page (newskit);
* furniture left in what the analysis returns: check-worthy claims and quotes whose text holds
  an e-mail address, a phone number, a URL, a social handle, or a sign-up/subscribe line.

The last line sums it up: ``realpages load_errors=… with=… without=… trafilatura_with=…``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DIRS = [ROOT.parent / "shared" / "data" / "realpages" / d for d in ("news", "web")]

_SPACE = re.compile(r"\s+")
#: furniture shapes looked for in claims and quotes (each a named pattern)
FURNITURE = {
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "phone": re.compile(r"(?<!\d)(?:\+?\d{1,3}[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    "url": re.compile(r"https?://|www\.\w|\b\w+\.(?:com|org|net|co\.uk)/"),
    "handle": re.compile(r"(?<![\w.])@\w{2,}"),
    "signup": re.compile(r"\b(?:sign\s+up|subscribe|newsletter|unsubscribe|log\s*in\s+to)\b", re.I),
}


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def furniture_kinds(text: str) -> list[str]:
    return [name for name, pattern in FURNITURE.items() if pattern.search(text)]


def snippet_scores(text: str, gold: dict) -> tuple[int, int, int, int]:
    """(with found, with total, without absent, without total) for one extracted text."""
    t = collapse(text)
    w = [collapse(s) for s in gold.get("with", [])]
    wo = [collapse(s) for s in gold.get("without", [])]
    return sum(s in t for s in w), len(w), sum(s not in t for s in wo), len(wo)


def newskit_text(article) -> str:
    return "\n".join([article.title or "", article.text, *article.captions])


def evaluate(dirs: list[Path], limit: int | None = None, listing: bool = False) -> dict:
    import newskit
    import trafilatura

    totals = {"pages": 0, "load_errors": 0, "with": [0, 0], "without": [0, 0], "t_with": [0, 0],
              "t_without": [0, 0], "captions": [], "claims_furniture": 0, "quotes_furniture": 0,
              "claims": 0, "quotes": 0, "seconds_newskit": 0.0, "seconds_trafilatura": 0.0}
    furniture_examples = []
    for d in dirs:
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        names = sorted(gold)[:limit]
        for name in names:
            path = d / "pages" / name
            if not path.exists():
                continue
            totals["pages"] += 1
            html = path.read_bytes().decode("utf-8", errors="replace")
            t0 = time.perf_counter()
            extracted = trafilatura.extract(html) or ""
            totals["seconds_trafilatura"] += time.perf_counter() - t0
            tw, tn, two, ton = snippet_scores(extracted, gold[name])
            totals["t_with"][0] += tw
            totals["t_with"][1] += tn
            totals["t_without"][0] += two
            totals["t_without"][1] += ton
            t0 = time.perf_counter()
            try:
                article = newskit.load(path)
            except newskit.NewskitError as err:
                totals["seconds_newskit"] += time.perf_counter() - t0
                totals["load_errors"] += 1
                print(f"{d.name}/{name}: load error {type(err).__name__}: {err}")
                continue
            analysis = newskit.analyze(article)
            totals["seconds_newskit"] += time.perf_counter() - t0
            w, n, wo, on = snippet_scores(newskit_text(article), gold[name])
            totals["with"][0] += w
            totals["with"][1] += n
            totals["without"][0] += wo
            totals["without"][1] += on
            totals["captions"].append(len(article.captions))
            for c in analysis.claims:
                if c.checkworthy:
                    totals["claims"] += 1
                    kinds = furniture_kinds(c.text)
                    if kinds:
                        totals["claims_furniture"] += 1
                        furniture_examples.append((f"{d.name}/{name}", "claim", kinds, c.text[:100]))
            for q in analysis.quotes:
                totals["quotes"] += 1
                kinds = furniture_kinds(q.text + " " + (q.speaker or ""))
                if kinds:
                    totals["quotes_furniture"] += 1
                    furniture_examples.append((f"{d.name}/{name}", "quote", kinds, q.text[:100]))
            if listing:
                print(f"{d.name}/{name}: with {w}/{n} (trafilatura {tw}/{tn}) without {wo}/{on} "
                      f"(trafilatura {two}/{ton}) captions {len(article.captions)}")
    totals["furniture_examples"] = furniture_examples
    return totals


def _share(pair) -> float:
    return pair[0] / pair[1] if pair[1] else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=None, help="at most N pages per folder")
    ap.add_argument("--list", action="store_true", help="one line per page, and the furniture found")
    args = ap.parse_args(argv)
    dirs = args.dirs or DEFAULT_DIRS
    missing = [d for d in dirs if not (d / "gold.json").exists()]
    if missing:
        print(f"skipped: no real-page data at {', '.join(map(str, missing))} "
              "(trafilatura's evaluation collection laid out as DIR/pages/NAME.html + DIR/gold.json)")
        return 0
    t = evaluate(dirs, args.pages, args.list)
    if args.list:
        for page, what, kinds, text in t["furniture_examples"]:
            print(f"  furniture in {what}: {page} {kinds} {text!r}")
    caps = t["captions"]
    print(f"pages {t['pages']}, load errors {t['load_errors']}")
    print(f"with    newskit {_share(t['with']):.3f} ({t['with'][0]}/{t['with'][1]})   "
          f"trafilatura default {_share(t['t_with']):.3f} ({t['t_with'][0]}/{t['t_with'][1]})")
    print(f"without newskit {_share(t['without']):.3f} ({t['without'][0]}/{t['without'][1]})   "
          f"trafilatura default {_share(t['t_without']):.3f} ({t['t_without'][0]}/{t['t_without'][1]})")
    print(f"captions per page: mean {sum(caps) / max(len(caps), 1):.2f}, max {max(caps, default=0)}")
    print(f"furniture: in {t['claims_furniture']} of {t['claims']} check-worthy claims, "
          f"in {t['quotes_furniture']} of {t['quotes']} quotes")
    print(f"time: newskit load+analyze {t['seconds_newskit']:.1f} s, trafilatura extract {t['seconds_trafilatura']:.1f} s")
    print(f"realpages load_errors={t['load_errors']} with={_share(t['with']):.3f} without={_share(t['without']):.3f} "
          f"trafilatura_with={_share(t['t_with']):.3f} trafilatura_without={_share(t['t_without']):.3f} "
          f"claims_furniture={t['claims_furniture']} quotes_furniture={t['quotes_furniture']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
