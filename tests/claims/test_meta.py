"""Meta-tests: every registered extractor is tested with hypothesis properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims.base import BUILTIN_ORDER, EXTRACTORS, KINDS, PRODUCES, extractors

HERE = Path(__file__).parent


@pytest.mark.parametrize("name", sorted(extractors()))
def test_every_extractor_has_property_tests(name: str) -> None:
    test_file = HERE / f"test_{name}.py"
    assert test_file.exists(), f"extractor {name!r} has no {test_file.name}"
    text = test_file.read_text(encoding="utf-8")
    assert "@given" in text, f"{test_file.name} has no hypothesis properties"


def test_every_claim_kind_has_an_extractor() -> None:
    produced = {k for name in extractors() for k in PRODUCES[name]}
    assert produced == set(KINDS)


def test_the_built_in_extractors_run_in_one_order_whatever_imported_them_first() -> None:
    assert list(extractors())[:len(BUILTIN_ORDER)] == list(BUILTIN_ORDER)
    assert set(extractors()) == set(EXTRACTORS) >= set(BUILTIN_ORDER)
