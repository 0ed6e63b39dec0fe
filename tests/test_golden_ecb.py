"""ECB+ output is unchanged unless a commit says so: the guard for speed work.

``tests/golden/ecbplus.json`` holds one digest per document of its claims and
of its findings (see ``bench/golden.py``).  A speed change must leave them
byte-identical; a change meant to alter output regenerates the file with
``python bench/golden.py ../shared/corpora/ecbplus --update`` in the same
commit, so review sees which documents moved.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, bench_module

GOLDEN = ROOT / "tests" / "golden" / "ecbplus.json"


def _golden_module() -> ModuleType:
    return bench_module("golden")


def test_ecbplus_claims_and_findings_match_the_golden_digests(ecbplus_dir: Path) -> None:
    golden = _golden_module()
    diff = golden.differences(json.loads(GOLDEN.read_text(encoding="utf-8")), golden.digests(ecbplus_dir))
    assert not diff, "ECB+ output moved (regenerate with bench/golden.py --update if meant):\n" + "\n".join(diff[:30])


def test_differences_name_the_documents_that_moved() -> None:
    golden = _golden_module()
    old = {"counts": {"claims": 2}, "claims": {"a": "1", "b": "2"}, "findings": {"a": "x"}}
    new = {"counts": {"claims": 2}, "claims": {"a": "1", "b": "3"}, "findings": {"c": "y"}}
    assert golden.differences(old, new) == [
        "claims changed: b",
        "findings removed: a",
        "findings added: c",
    ]
    assert golden.differences(old, old) == []


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"b": [1, 2]}, {"a": "é"}]])
def test_digest_is_order_of_keys_independent(items: list[dict[str, object]]) -> None:
    golden = _golden_module()
    flipped = [dict(reversed(list(item.items()))) for item in items]
    assert golden._digest(items) == golden._digest(flipped)
