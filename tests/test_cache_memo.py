"""``names/style``'s findings kept per name cluster (``memo.json``): reused only for the same inputs.

Every test compares a cached re-scan with a scan without the cache: the memo may
only make a re-scan faster, never change what it reports.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    # The Kim cluster reads nothing of c.txt: its style findings come back from the memo.
    assert calls["recalled"] == ["names/style"] and calls["remembered"] == []


def test_an_edit_of_a_document_writing_the_name_recomputes_its_cluster(tmp_path: Path,
                                                                       calls: dict[str, list[str]]) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    assert any(n.startswith("names/variant:") and "b.txt" in n for n in _names(_json(root, cache)))
    calls["recalled"].clear()
    _write(root, {"a.txt": "Leader Kim Jong Il spoke on Monday."})
    again = _json(root, cache)
    assert "names/style" not in calls["recalled"]
    assert again == _json(root, None)
    assert not any(n.startswith("names/variant:") and "b.txt" in n for n in _names(again))
    _write(root, FILES)  # and back: the finding returns
    back = _json(root, cache)
    assert back == _json(root, None)
    assert any(n.startswith("names/variant:") and "b.txt" in n for n in _names(back))


def test_a_document_moving_its_lines_is_a_new_key_though_its_names_are_the_same(tmp_path: Path) -> None:
    # "Kim Jong-un" in a.txt moves three lines down: its style finding moves with it, though the
    # cluster's spellings and counts stay the same.
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    _json(root, cache)
    _write(root, {"a.txt": "\n\n\n" + FILES["a.txt"]})
    assert _json(root, cache) == _json(root, None)


def test_a_new_story_id_of_a_writer_is_a_new_key(tmp_path: Path) -> None:
    # An earlier report joins the story: its id (first publication date) changes, and with it the
    # story the style finding's evidence names, though no document writing the name changed.
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, {"a.md": "---\ndate: 2020-05-04\n---\nPyongyang missile test: North Korean leader Kim Jong Un "
                          "watched the Hwasong launch at Sohae. Kim Jong Un smiled.\n",
                  "b.md": "---\ndate: 2020-05-05\n---\nThe Hwasong launch at Sohae in Pyongyang: Kim Jong-un "
                          "watched the missile test.\n"})
    assert '"story": "2020-05-04-hwasong"' in _json(root, cache)
    _write(root, {"e.md": "---\ndate: 2020-05-01\n---\nPyongyang prepared the Hwasong missile launch at Sohae, "
                          "officials in Pyongyang said of the Hwasong test at Sohae.\n"})
    again = _json(root, cache)
    assert again == _json(root, None) and '"story": "2020-05-01-hwasong"' in again


def test_a_corrupt_memo_is_a_miss(tmp_path: Path) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    _json(root, cache)
    (memo,) = cache.glob("v*/*/memo.json")
    memo.write_text('{"key": "x", "rules": {"names/variant": {"k": [1, 2]}}}', encoding="utf-8")
    _write(root, {"c.txt": FILES["c.txt"] + " More."})
    assert _json(root, cache) == _json(root, None)


# --------------------------------------------------------------------------- a name's keys, kept


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("Kim Jong-unÉé'’.ñ Labour Centre"), min_size=1, max_size=20),
                max_size=12))
def test_kept_name_keys_are_the_keys_computed_again(texts: list[str]) -> None:
    """A spelling's folded form and style key, kept in one scan's memo and read back by the next, are
    exactly what the next would compute (every kept value goes through memo.json and back)."""
    import tempfile

    from factcheck.cache import DocCache
    from factcheck.cache.memo import open_memo, save_memo
    from factcheck.rules.kinds.name_clusters import fold, style_key
    from factcheck.rules.kinds.names import _name_keys

    with tempfile.TemporaryDirectory() as tmp:
        cache = DocCache(Path(tmp), "k" * 64)
        cache.folder.mkdir(parents=True)
        first = open_memo(cache, {})
        made = [_name_keys(first)(t) for t in texts]
        save_memo(cache, first)
        again = open_memo(cache, {})
        assert [_name_keys(again)(t) for t in texts] == made == [(fold(t), style_key(t)) for t in texts]
        assert again.values_used == first.values_used  # every kept key was read back, none computed


def test_a_rescan_reads_the_names_keys_from_the_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one edit, a name's keys are computed only for a spelling the last scan did not keep;
    a kept value that is not a pair of strings is computed again."""
    import factcheck.rules.kinds.names as names

    root, cache = tmp_path / "corpus", tmp_path / "cache"
    root.mkdir()
    _write(root, FILES)
    _json(root, cache)
    computed: list[str] = []
    real = names.style_key

    def counting(text: str) -> str:
        computed.append(text)
        return real(text)

    monkeypatch.setattr(names, "style_key", counting)
    _write(root, {"c.txt": FILES["c.txt"] + " Mayor Olga Lind came."})
    assert _json(root, cache) == _json(root, None)
    assert "Olga Lind" in computed and "Anna Berg" in computed  # the second: the scan without the cache
    computed.clear()
    (memo,) = cache.glob("v*/*/memo.json")
    stored = json.loads(memo.read_text(encoding="utf-8"))
    stored["values"][names.NAME_KEYS]["Anna Berg"] = ["anna berg", 7]
    memo.write_text(json.dumps(stored), encoding="utf-8")
    _write(root, {"d.txt": FILES["d.txt"] + " More."})
    assert _json(root, cache) == _json(root, None)
    computed.clear()
    _write(root, {"d.txt": FILES["d.txt"] + " Less."})
    again = _json(root, cache)
    assert "Olga Lind" not in computed and "Kim Jong Un" not in computed and "Anna Berg" not in computed
    assert again == _json(root, None)
