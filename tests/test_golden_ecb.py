"""ECB+ output is unchanged unless a commit says so: the guard for speed work.

``tests/golden/ecbplus.json`` holds one digest per document of its claims and
of its findings (see ``bench/golden.py``).  A speed change must leave them
byte-identical; a change meant to alter output regenerates the file with
``python bench/golden.py ../shared/corpora/ecbplus --update`` in the same
commit, so review sees which documents moved.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "ecbplus.json"


def _golden_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_golden", ROOT / "bench" / "golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_golden"] = module
    spec.loader.exec_module(module)
    return module


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
