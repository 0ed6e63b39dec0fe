"""When the cyclic garbage collector runs during a scan (factcheck.collector)."""

from __future__ import annotations

import gc
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factcheck.engine as engine
from factcheck.cli import app
from factcheck.collector import collect_young, collector_paused, young_only
from factcheck.config import Config
from tests.conftest import SEEDS


class _Node:
    """A weak-referenceable object to build garbage cycles of."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _garbage_cycle() -> weakref.ref[_Node]:
    """A reference cycle nothing refers to (only the collector frees it); a weak reference to it."""
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every collection run meanwhile."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_young_only_pauses_the_collector_and_collects_young_cycles_when_asked(collections: list[int]) -> None:
    assert gc.isenabled()
    with young_only():
        assert not gc.isenabled()
        ref = _garbage_cycle()
        for _ in range(5000):  # allocations that would have started collections
            _garbage_cycle()
        assert ref() is not None and collections == []
        collect_young()
        assert ref() is None and collections == [1]  # the young generations only
    assert gc.isenabled()


def test_collect_young_does_nothing_outside_a_young_only_block(collections: list[int]) -> None:
    with collector_paused():
        ref = _garbage_cycle()
        collect_young()
        assert ref() is not None and collections == []
    collect_young()
    assert collections == []


def test_a_nested_block_is_the_outer_one() -> None:
    with young_only():
        with young_only():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block did not switch it back on
        ref = _garbage_cycle()
        collect_young()
        assert ref() is None
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off(collections: list[int]) -> None:
    gc.disable()
    try:
        with young_only():
            ref = _garbage_cycle()
            collect_young()
            assert ref() is not None and collections == []
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_young_only_restores_the_collector_after_an_error() -> None:
    with pytest.raises(ValueError), young_only():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_scan_collects_each_documents_young_garbage_and_never_a_full_generation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collections: list[int]) -> None:
    """The map phase keeps its results: the collector is off while it runs, each document's garbage
    cycles are collected after its result (young collections), and no full collection walks the
    results kept so far; the collector is back on after the scan."""
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    refs: list[weakref.ref[_Node]] = []
    seen: list[tuple[bool, int]] = []
    real_analyse, real_corpus = engine.analyse_file, engine.run_corpus_rules

    def analyse(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.isenabled(), sum(r() is not None for r in refs)))
        refs.append(_garbage_cycle())  # garbage of this document's analysis
        return real_analyse(*args, **kwargs)

    during: list[int] = []

    def corpus_rules(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.isenabled(), sum(r() is not None for r in refs)))
        during.extend(collections)  # what ran in the map phase
        return real_corpus(*args, **kwargs)

    monkeypatch.setattr(engine, "analyse_file", analyse)
    monkeypatch.setattr(engine, "run_corpus_rules", corpus_rules)
    report = engine.scan([corpus], Config(jobs=1))
    assert report.files == len(list(corpus.iterdir())) > 1
    # Off throughout; before each document and before the corpus phase, no earlier garbage is left.
    assert seen == [(False, 0)] * (report.files + 1)
    assert during == [1] * report.files
    assert gc.isenabled()


def test_the_scan_command_leaves_the_collector_on(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    result = CliRunner().invoke(app, ["scan", str(corpus), "--no-cache", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1, result.output  # the seeds hold inconsistencies
    assert gc.isenabled()


def test_the_claims_command_collects_young_garbage_only_and_leaves_the_collector_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collections: list[int]) -> None:
    """``factcheck claims`` keeps every document's claims, as a scan does: while it extracts, each
    document's garbage cycles go in young collections and no full collection walks what is kept."""
    import factcheck.claims.base as claims_base

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    refs: list[weakref.ref[_Node]] = []
    seen: list[tuple[bool, int]] = []
    real_extract = claims_base.extract_all

    first: list[int] = []  # where in ``collections`` extraction began

    def extract(*args: Any, **kwargs: Any) -> Any:
        if not first:
            first.append(len(collections))
        seen.append((gc.isenabled(), sum(r() is not None for r in refs)))
        refs.append(_garbage_cycle())
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(claims_base, "extract_all", extract)
    result = CliRunner().invoke(app, ["claims", str(corpus), "--format", "csv"])
    assert result.exit_code == 0, result.output
    files = len(list(corpus.iterdir()))
    assert files > 1 and seen == [(False, 0)] * files
    # Only what ran while documents were extracted counts: a full collection the earlier tests'
    # garbage starts before the command pauses the collector is not the command's.
    assert 2 not in collections[first[0]:first[0] + files]
    assert gc.isenabled()
