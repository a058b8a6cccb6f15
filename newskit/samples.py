"""The fictional sample articles bundled with newskit (for the demo, notebooks and tests).

They are written for newskit (not real articles) and show the usual shapes of scraped news:
repeated headlines, captions with agency credits, "Updated …" lines, social buttons, bylines,
datelines, HTML pages and JSON Lines exports.

Example:
    >>> from newskit.samples import sample_path, load_samples
    >>> sample_path("desert_offensive").name
    'desert_offensive.txt'
    >>> len(load_samples())
    7
"""
from __future__ import annotations

from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent / "data" / "samples"


def sample_paths() -> list[Path]:
    """Paths of the bundled sample files (txt, html, jsonl), sorted by name."""
    return sorted(p for p in SAMPLES_DIR.iterdir() if p.is_file() and not p.name.startswith("."))


def sample_path(name: str) -> Path:
    """The path of one sample by file name or stem, e.g. ``"desert_offensive"``."""
    for p in sample_paths():
        if name in (p.name, p.stem):
            return p
    raise KeyError(f"no sample named {name!r}; samples: {[p.stem for p in sample_paths()]}")


def load_sample(name: str = "desert_offensive"):
    """Load one sample article (the seed-like ``desert_offensive`` by default)."""
    from newskit.loading import load

    return load(sample_path(name))


def load_samples() -> list:
    """All sample articles, in file order (the JSONL file holds three)."""
    from newskit.loading import load_corpus

    return list(load_corpus(SAMPLES_DIR))
