"""Shared fixtures: the seed corpus and the optional shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
ECBPLUS = SHARED / "corpora" / "ecbplus"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

# Property tests: enough examples to find bugs, few enough for a 2-core CI box.
settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("default")


def need_shared(path: Path) -> None:
    """Skip (with the reason) when ../shared material is absent, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} not present (it ships beside the repo only in CI and dev checkouts)")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def ecbplus_dir() -> Path:
    need_shared(ECBPLUS)
    return ECBPLUS
