"""Shared test fixtures: where the development data lives, and skipping where it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("NEWSKIT_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = SHARED_DATA / "seed" / "000_3e463758755adda8.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test (with the reason) where it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not present: {path} (only in the newskit dev workspace)")
    return path


@pytest.fixture
def seed_raw() -> str:
    """The raw scraped seed article (skips where ../shared/data is absent)."""
    return shared_path("seed", "000_3e463758755adda8.txt").read_text(encoding="utf-8")
