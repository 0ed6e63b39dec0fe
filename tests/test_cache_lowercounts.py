"""The corpus's lower-case words from saved counts updated by deltas (factcheck.cache.lowercounts).

The counts may only make a re-scan faster: every test holds them, and the
report, to a count taken from scratch or a scan without the cache.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cache import DocCache
from factcheck.cache.codec import decode
from factcheck.cache.lazy import LaterParts
from factcheck.cache.lowercounts import (
    LOWER_FILE,
    LowerCounts,
    counted,
    load_counts,
    plan_lower,
    settle,
    store_counts,
)
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.report import FORMATTERS, RenderContext
from factcheck.rules.model import CorpusView

WORDS = ("woman", "deal", "harbour", "said", "the", "port", "mayor", "oman")

# --------------------------------------------------------------------------- the counts alone

#: a corpus: path -> (content digest, lower-case words)
Corpus = dict[str, tuple[str, frozenset[str]]]

def _entry(words: frozenset[str]) -> tuple[str, frozenset[str]]:
    """A document's content digest and its words: the digest names the bytes, so it names the words too."""
    return "c:" + ",".join(sorted(words)), words


corpora = st.dictionaries(st.sampled_from([f"d{i}.txt" for i in range(8)]),
                          st.frozensets(st.sampled_from(WORDS)).map(_entry), max_size=8)


def _parts(words: frozenset[str]) -> LaterParts:
    return LaterParts("", json.dumps(sorted(words)))


def _cold(corpus: Corpus) -> LowerCounts:
    return counted({p: sorted(w) for p, (_c, w) in corpus.items()}, {p: c for p, (c, _w) in corpus.items()})


def _step(cache: DocCache, before: Corpus, after: Corpus, entries: Mapping[str, tuple[str, LaterParts]]
          ) -> tuple[frozenset[str], int]:
    """One scan of ``after`` with the counts ``before`` left: the words and how many lists it read."""
    contents = {p: c for p, (c, _w) in after.items()}
    plan = plan_lower(cache, contents, lambda p: entries.get(p))
    needed = {p: sorted(w) for p, (_c, w) in after.items() if plan.needs(p)}
    return settle(cache, plan, needed, lambda p: " ".join(sorted(after[p][1]))), len(needed)


@settings(max_examples=150, deadline=None)
@given(st.lists(corpora, min_size=2, max_size=5), st.data())
def test_counts_updated_by_deltas_are_the_counts_taken_from_scratch(steps: list[Corpus], data: st.DataObject) -> None:
    """Random scans one after another (documents edited, added, removed; some former entries lost to
    another scan): each scan's words and saved counts are those of a count from scratch."""
    with tempfile.TemporaryDirectory() as tmp:
        cache = DocCache(Path(tmp), "k" * 64)
        cache.folder.mkdir(parents=True)
        before: Corpus = {}
        for after in steps:
            # The former entry of each document, as the cache holds it (or lost: overwritten, removed).
            entries = {p: (c, _parts(w)) for p, (c, w) in before.items() if data.draw(st.booleans(), label=p)}
            words, _read = _step(cache, before, after, entries)
            cold = _cold(after)
            assert words == cold.words()
            assert load_counts(cache) == cold
            before = after


def test_one_changed_document_reads_its_own_lists_alone(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, "k" * 64)
    cache.folder.mkdir(parents=True)
    before: Corpus = {f"d{i}.txt": _entry(frozenset({WORDS[i], "the"})) for i in range(6)}
    store_counts(cache, _cold(before))
    after = {**before, "d2.txt": _entry(frozenset({"woman", "oman"}))}
    words, read = _step(cache, before, after, {"d2.txt": (before["d2.txt"][0], _parts(before["d2.txt"][1]))})
    assert read == 1
    assert words == _cold(after).words()
    assert "harbour" in _cold(before).words() and "harbour" not in words  # only d2 wrote it


def test_a_lost_former_entry_counts_every_document_again(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, "k" * 64)
    cache.folder.mkdir(parents=True)
    before: Corpus = {f"d{i}.txt": _entry(frozenset(WORDS[i:i + 3])) for i in range(6)}
    store_counts(cache, _cold(before))
    after = {**before, "d2.txt": _entry(frozenset({"woman"}))}
    # The former entry was overwritten by another scan of other bytes: not what the counts counted.
    other = frozenset({"deal"})
    words, read = _step(cache, before, after, {"d2.txt": (_entry(other)[0], _parts(other))})
    assert read == len(after)
    assert words == _cold(after).words()


@pytest.mark.parametrize("spoil", ["garbage", "key", "row", "count", "zero", "unsorted"])
def test_a_corrupt_or_foreign_summary_is_not_used(tmp_path: Path, spoil: str) -> None:
    cache = DocCache(tmp_path, "k" * 64)
    cache.folder.mkdir(parents=True)
    corpus: Corpus = {f"d{i}.txt": _entry(frozenset(WORDS[i:i + 3])) for i in range(4)}
    store_counts(cache, _cold(corpus))
    target = cache.folder / LOWER_FILE
    stored: Any = json.loads(target.read_text(encoding="utf-8"))
    paths, contents, (_words, counts) = stored["counts"]
    if spoil == "garbage":
        stored = "{not json"
    elif spoil == "key":
        stored["key"] = "x" * 64
    elif spoil == "row":
        contents[0] = "c:other"  # a row of other bytes, the digest left as it was
    elif spoil == "count":
        counts[0] += 1
    elif spoil == "zero":
        counts[0] = 0
    else:
        paths.reverse()
    target.write_text(stored if isinstance(stored, str) else json.dumps(stored), encoding="utf-8")
    assert load_counts(cache) is None
    words_now, read = _step(cache, corpus, corpus, {})
    assert read == len(corpus)
    assert words_now == _cold(corpus).words() and load_counts(cache) == _cold(corpus)


# --------------------------------------------------------------------------- scans


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)


def _json(root: Path, cache: Path | None) -> str:
    report = scan([root], Config(cache_dir=cache, jobs=1))
    return FORMATTERS["json"](report, RenderContext(version="test"))


def _saved(cache: Path) -> LowerCounts:
    (folder,) = (cache / "v4").iterdir()
    stored = json.loads((folder / LOWER_FILE).read_text(encoding="utf-8"))
    return decode(stored["counts"], LowerCounts)


FILES = {
    "a.txt": "Mayor Anna Berg opened the harbour on Monday. The woman who built it spoke.",
    "b.txt": "Mayor Anna Berg spoke at the harbour. A Woman from Oman attended.",
    "c.txt": "Leader Kim Jong Un spoke. Kim Jong Un left.",
    "d.txt": "Leader Kim Jong Un arrived. Later, leader Kim Long Un spoke to the press.",
}


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """The lower-case words ``names/variant`` reads, scan by scan."""
    out: list[frozenset[str]] = []
    real = CorpusView.lower_words

    def spied(self: CorpusView) -> frozenset[str]:
        words = real(self)
        out.append(words)
        return words

    monkeypatch.setattr(CorpusView, "lower_words", spied)
    return out


@pytest.fixture
def lists(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose lower-case lists are decoded from the cache (a main entry's or a former one's)."""
    out: list[str] = []
    real_load, real_words = LaterParts.load, LaterParts.lower_words

    def load(self: LaterParts, lower: bool = True) -> Any:
        if lower:
            out.append(self.text[:40])
        return real_load(self, lower)

    def lower_words(self: LaterParts) -> Any:
        out.append("former")
        return real_words(self)

    monkeypatch.setattr(LaterParts, "load", load)
    monkeypatch.setattr(LaterParts, "lower_words", lower_words)
    return out


def _write(root: Path, files: Mapping[str, str]) -> None:
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def test_an_edit_and_a_removal_update_the_counts_from_the_former_entries(
        tmp_path: Path, seen: list[frozenset[str]], lists: list[str]) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    _write(root, FILES)
    _json(root, cache)
    assert "woman" in seen[-1]
    # a.txt no longer writes "woman" in lower case: the rule must no longer see it as a word.
    _write(root, {"a.txt": "Mayor Anna Berg opened the harbour on Monday. Officials spoke."})
    lists.clear()
    edited = _json(root, cache)
    assert lists == ["former"]  # a.txt's former list, and no other document's
    assert "woman" not in seen[-1]
    assert edited == _json(root, None) and seen[-1] == seen[-2]
    cold = tmp_path / "cold"
    _json(root, cold)
    assert _saved(cache) == _saved(cold)
    (root / "d.txt").unlink()
    lists.clear()
    removed = _json(root, cache)
    assert lists == ["former"]  # d.txt's entry, still in the cache
    assert "press" not in seen[-1]
    assert removed == _json(root, None)
    cold2 = tmp_path / "cold2"
    _json(root, cold2)
    assert _saved(cache) == _saved(cold2)


def test_a_corrupt_summary_or_former_list_is_counted_again(tmp_path: Path, seen: list[frozenset[str]]) -> None:
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    _write(root, FILES)
    _json(root, cache)
    (folder,) = (cache / "v4").iterdir()
    (folder / LOWER_FILE).write_text('{"key": "spoilt"}', encoding="utf-8")
    _write(root, {"c.txt": FILES["c.txt"] + " The crowd cheered."})
    assert _json(root, cache) == _json(root, None) and seen[-1] == seen[-2]
    # The changed document's former entry has a list that does not decode: every list is read again.
    for entry in (folder / "docs").rglob("*.json"):
        stored = json.loads(entry.read_text(encoding="utf-8"))
        if stored["path"].endswith("b.txt"):
            entry.write_text(json.dumps({**stored, "lower": "[1, 2]"}), encoding="utf-8")
    _write(root, {"b.txt": FILES["b.txt"] + " The crowd cheered."})
    assert _json(root, cache) == _json(root, None) and seen[-1] == seen[-2]
    cold = tmp_path / "cold"
    _json(root, cold)
    assert _saved(cache) == _saved(cold)


WORDS_OF_TEXT = ("Woman", "woman", "Oman", "harbour", "Harbour", "Anna Berg", "Anna Borg", "deal", "Deal")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "c.txt", "e.txt"]),
                          st.none() | st.lists(st.sampled_from(WORDS_OF_TEXT), min_size=1, max_size=6)),
                min_size=1, max_size=4))
def test_random_edits_rescan_as_a_scan_without_the_cache(tmp_path: Path, edits: list[tuple[str, Any]]) -> None:
    """Files written, rewritten and removed at random: each cached re-scan's report is that of a
    scan without the cache, and the saved counts those of a cold scan."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        _write(root, FILES)
        _json(root, cache)
        for k, (name, words) in enumerate(edits):
            if words is None:
                (root / name).unlink(missing_ok=True)
            else:
                _write(root, {name: f"Mayor {' and '.join(words)} spoke at the port on May {k + 2}, 2014."})
            if not any(root.iterdir()):
                break
            assert _json(root, cache) == _json(root, None)
            cold = Path(tmp) / f"cold{k}"
            _json(root, cold)
            assert _saved(cache) == _saved(cold)


def test_two_scans_of_other_files_sharing_a_cache_each_get_their_own_words(
        tmp_path: Path, seen: list[frozenset[str]]) -> None:
    """Two scans of different sets of files take turns on one cache: each finds counts of the other
    set, updates them from the entries both left, and reports as a scan without the cache."""
    root, cache = tmp_path / "corpus", tmp_path / "cache"
    _write(root, {**FILES, "e.txt": "The woman said the deal was done. Mayor Anna Borg agreed."})
    one = [root / "a.txt", root / "b.txt", root / "c.txt"]
    two = [root / "b.txt", root / "d.txt", root / "e.txt"]

    def both(files: list[Path]) -> tuple[str, str]:
        cached = scan(files, Config(cache_dir=cache, jobs=1))
        plain = scan(files, Config(jobs=1))
        render = FORMATTERS["json"]
        return render(cached, RenderContext(version="test")), render(plain, RenderContext(version="test"))

    for files in (one, two, one, two):
        cached, plain = both(files)
        assert cached == plain and seen[-2] == seen[-1]
    assert "deal" in seen[-1] and "woman" in seen[-1] and "built" not in seen[-1] and "built" in seen[-3]
