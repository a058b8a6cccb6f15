"""How many of pySBD's English "golden rules" newskit.split_sentences gets exactly right.

The golden rules (Sadvilkar and Neumann, 2020) are 48 short texts with the sentences they
should be split into: abbreviations, initials, numbers, e-mail addresses and URLs, quotes,
lists, ellipses. They are public in the pySBD repository, github.com/nipunsadvilkar/pySBD, as
``benchmarks/english_golden_rules.py`` (a Python list ``GOLDEN_EN_RULES`` of ``(text,
sentences)`` pairs). This script reads that file as it is (its list is read as data, never run),
or a JSON list of ``{"text": ..., "sentences": [...]}`` objects.

A rule passes when the sentences found equal the expected ones exactly (each stripped of white
space at its ends). pySBD itself passes 47 of the 48.

usage (from the project root):
    .venv/bin/python benchmarks/eval_sentences.py pySBD/benchmarks/english_golden_rules.py
    .venv/bin/python benchmarks/eval_sentences.py golden_rules_en.json [--show]

The last line is ``golden N/M``.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402


def read_rules(path: Path) -> list[tuple[str, list[str]]]:
    """``(text, expected sentences)`` pairs from pySBD's rules file or a JSON list."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix == ".py":
        for node in ast.parse(text).body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "GOLDEN_EN_RULES" for t in node.targets):
                return [(t, list(s)) for t, s in ast.literal_eval(node.value)]
        raise SystemExit(f"{path}: no GOLDEN_EN_RULES list in it")
    return [(r["text"], list(r["sentences"])) for r in json.loads(text)]


def passes(text: str, expected: list[str]) -> tuple[bool, list[str]]:
    got = [s.text.strip() for s in newskit.split_sentences(text)]
    return got == [s.strip() for s in expected], got


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rules", type=Path, help="english_golden_rules.py of pySBD, or a JSON list of rules")
    ap.add_argument("--show", action="store_true", help="print each failed rule with what was found")
    args = ap.parse_args(argv)
    rules = read_rules(args.rules)
    failed = []
    for number, (text, expected) in enumerate(rules, 1):
        ok, got = passes(text, expected)
        if not ok:
            failed.append(number)
            if args.show:
                print(f"rule {number}: {text!r}\n  expected {expected}\n  found    {got}")
    print(f"failed rules (numbered from 1): {failed}")
    print(f"golden {len(rules) - len(failed)}/{len(rules)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
