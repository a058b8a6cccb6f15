"""References into third-party text: the form in which our own labels point at public data.

The project never holds copies of third-party sentences. A label set is a TSV file whose rows
point into a data folder (the newskit workspace's ``../shared/data``, or any folder laid out
like it) and carry our labels:

    source      path of a file under the data folder ("quotes/polnear/dev/text/X.txt",
                "realpages/news/pages/X.html", "dates/tbaq/TimeBank/X.tml")
    start, end  a character span of the file's *reference text* — a block (paragraph) of it
    sub_start, sub_end
                a span of that block's *normalised text* — the labelled unit (a sentence, a
                mention …); the unit's text is ``block_text(...)[sub_start:sub_end]``
    ...         label columns, different for each set (described in the set's header)

The reference text of a file: ``.txt`` and ``.html`` files decoded as UTF-8 as they are (for
HTML, the markup itself); ``.tml`` (TimeML) files: the text of their ``TEXT`` element, tags
removed. A block's normalised text: for HTML, tags removed and character references unescaped;
for all, runs of whitespace made one space and the ends stripped.

Lines starting with ``#`` are comments (each set says what it is, who labelled it, how, when).

usage:
    python benchmarks/refs.py blocks SOURCE [--data DIR]         # candidate blocks with offsets
    python benchmarks/refs.py show SET.tsv [--data DIR] [--n N]  # the units a set points at
    python benchmarks/refs.py check SET.tsv [--data DIR]         # every row resolves
"""
from __future__ import annotations

import argparse
import csv
import functools
import html
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: where the development data is found unless a caller says otherwise
DEFAULT_DATA = Path(os.environ.get("NEWSKIT_DEV_DATA", ROOT.parent / "shared" / "data"))

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# blocks of an HTML page that hold running text (their inner markup, without the tags)
_HTML_BLOCK = re.compile(r"<(p|li|h[1-6]|blockquote|figcaption|td|dd)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_TEXT_BLOCK = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")  # lines up to a blank line


def data_dir(data: str | Path | None = None) -> Path:
    return Path(data) if data is not None else DEFAULT_DATA


@functools.lru_cache(maxsize=64)
def _reference_text(path: str) -> str:
    p = Path(path)
    raw = p.read_bytes().decode("utf-8")
    if p.suffix == ".tml":
        root = ET.fromstring(raw)
        return "".join(root.find("TEXT").itertext())
    return raw


def reference_text(source: str, data: str | Path | None = None) -> str:
    """The reference text of ``source`` (a path under the data folder)."""
    return _reference_text(str(data_dir(data) / source))


def normalise(block: str, is_html: bool) -> str:
    """A block's normalised text (tags out and entities unescaped for HTML, spaces collapsed)."""
    if is_html:
        block = html.unescape(_TAG.sub(" ", block))
    return _SPACE.sub(" ", block).strip()


def block_text(source: str, start: int, end: int, data: str | Path | None = None) -> str:
    return normalise(reference_text(source, data)[start:end], source.endswith((".html", ".htm")))


@dataclass(frozen=True)
class Block:
    source: str
    start: int
    end: int
    text: str  # normalised


def blocks(source: str, data: str | Path | None = None, min_chars: int = 40) -> list[Block]:
    """Candidate blocks of a file: HTML text elements, or paragraphs of plain text."""
    ref = reference_text(source, data)
    is_html = source.endswith((".html", ".htm"))
    out = []
    if is_html:
        for m in _HTML_BLOCK.finditer(ref):
            if "<p" in m.group(2).lower():  # an outer block holding others: take the inner ones
                continue
            text = normalise(m.group(2), True)
            if len(text) >= min_chars:
                out.append(Block(source, m.start(2), m.end(2), text))
    else:
        for m in _TEXT_BLOCK.finditer(ref):
            text = normalise(m.group(), False)
            if len(text) >= min_chars:
                out.append(Block(source, m.start(), m.end(), text))
    return out


@dataclass(frozen=True)
class Row:
    source: str
    start: int
    end: int
    sub_start: int
    sub_end: int
    labels: dict

    def block(self, data=None) -> str:
        return block_text(self.source, self.start, self.end, data)

    def text(self, data=None) -> str:
        return self.block(data)[self.sub_start:self.sub_end]


def read_set(path: str | Path) -> list[Row]:
    """The rows of a label set (TSV with a header line; ``#`` lines are comments)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rows = []
    for rec in csv.DictReader(lines, delimiter="\t"):
        labels = {k: v for k, v in rec.items() if k not in ("source", "start", "end", "sub_start", "sub_end")}
        rows.append(Row(rec["source"], int(rec["start"]), int(rec["end"]),
                        int(rec["sub_start"]), int(rec["sub_end"]), labels))
    return rows


def check(rows: list[Row], data=None) -> list[str]:
    """Problems with a set's references (missing file, span out of bounds, empty unit)."""
    problems = []
    for i, r in enumerate(rows):
        p = data_dir(data) / r.source
        if not p.exists():
            problems.append(f"row {i}: {r.source} not found")
            continue
        block = r.block(data)
        if not (0 <= r.sub_start < r.sub_end <= len(block)):
            problems.append(f"row {i}: sub span ({r.sub_start}, {r.sub_end}) outside a block of {len(block)}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("blocks")
    b.add_argument("source")
    s = sub.add_parser("show")
    s.add_argument("set")
    s.add_argument("--n", type=int, default=None)
    c = sub.add_parser("check")
    c.add_argument("set")
    for p in (b, s, c):
        p.add_argument("--data", default=None)
    args = ap.parse_args(argv)
    if args.cmd == "blocks":
        for blk in blocks(args.source, args.data):
            print(f"{blk.start}\t{blk.end}\t{blk.text}")
        return 0
    rows = read_set(args.set)
    if args.cmd == "show":
        for r in rows[: args.n]:
            print(f"{r.source}:{r.start}-{r.end}[{r.sub_start}:{r.sub_end}] {r.text(args.data)!r} {r.labels}")
        return 0
    problems = check(rows, args.data)
    for p in problems:
        print(p)
    print(f"{len(rows)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
