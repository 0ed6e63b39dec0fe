"""The names rules' findings kept per name cluster (``memo.json``): reused only for the same inputs.

Every test compares a cached re-scan with a scan without the cache: the memo may
only make a re-scan faster, never change what it reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from factcheck.cache.memo import StoredMemo
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.report import FORMATTERS, RenderContext


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The rule ids of every recall that found findings and every part computed and remembered."""
    seen: dict[str, list[str]] = {"recalled": [], "remembered": []}
    recall, remember = StoredMemo.recall, StoredMemo.remember

    def spied_recall(self: StoredMemo, rule_id: str, key: str) -> Any:
        found = recall(self, rule_id, key)
        if found is not None:
            seen["recalled"].append(rule_id)
        return found

    def spied_remember(self: StoredMemo, rule_id: str, key: str, findings: Any) -> None:
        seen["remembered"].append(rule_id)
        remember(self, rule_id, key, findings)

    monkeypatch.setattr(StoredMemo, "recall", spied_recall)
    monkeypatch.setattr(StoredMemo, "remember", spied_remember)
    return seen


def _write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def _json(root: Path, cache: Path | None) -> str:
    report = scan([root], Config(cache_dir=cache, jobs=1, select=("names",)))
    return FORMATTERS["json"](report, RenderContext(version="test"))


def _names(out: str) -> list[str]:
    import json

    return sorted(f"{f['rule']}:{f['path']}:{f['line']}" for f in json.loads(out)["findings"])


FILES = {
    "a.txt": "Leader Kim Jong Un spoke on Monday. Kim Jong Un left. Kim Jong-un waved.",
    "b.txt": "Leader Kim Jong Un arrived. Later, leader Kim Long Un spoke.",
    "c.txt": "Mayor Anna Berg opened the bridge. Anna Berg cut the ribbon.",
    "d.txt": "Mayor Anna Berg spoke. Officials praised Anna Berg.",
}


def test_an_unrelated_edit_reuses_the_other_clusters_findings(tmp_path: Path, calls: dict[str, list[str]]) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    first = _json(root, cache)
    assert {"names/variant", "names/style"} <= {n.split(":")[0] for n in _names(first)}
    calls["recalled"].clear()
    calls["remembered"].clear()
    _write(root, {"c.txt": FILES["c.txt"] + " The mayor left early."})
    again = _json(root, cache)
    assert again == _json(root, None)
    # The Kim clusters read nothing of c.txt: their findings come back from the memo.
    assert "names/variant" in calls["recalled"] and "names/style" in calls["recalled"]


def test_an_edit_elsewhere_recomputes_a_cluster_whose_evidence_it_changed(tmp_path: Path,
                                                                           calls: dict[str, list[str]]) -> None:
    # b.txt is never edited, but the spelling its "Kim Long Un" is a slip of lives in a.txt.
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    assert any(n.startswith("names/variant:") and "b.txt" in n for n in _names(_json(root, cache)))
    _write(root, {"a.txt": "Leader Kim Jong Il spoke on Monday."})
    again = _json(root, cache)
    assert again == _json(root, None)
    assert not any(n.startswith("names/variant:") and "b.txt" in n for n in _names(again))
    _write(root, FILES)  # and back: the finding returns
    back = _json(root, cache)
    assert back == _json(root, None)
    assert any(n.startswith("names/variant:") and "b.txt" in n for n in _names(back))


def test_a_moved_reference_spelling_is_a_new_key_though_its_counts_are_the_same(tmp_path: Path) -> None:
    # The finding in b.txt points at the spelling it is a slip of, in a.txt (its related location):
    # a.txt moving its lines changes that finding, though b.txt and every count stay the same.
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    _json(root, cache)
    _write(root, {"a.txt": "\n\n\n" + FILES["a.txt"]})
    assert _json(root, cache) == _json(root, None)


def test_a_corrupt_memo_is_a_miss(tmp_path: Path) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    _json(root, cache)
    (memo,) = cache.glob("v*/*/memo.json")
    memo.write_text('{"key": "x", "rules": {"names/variant": {"k": [1, 2]}}}', encoding="utf-8")
    _write(root, {"c.txt": FILES["c.txt"] + " More."})
    assert _json(root, cache) == _json(root, None)
