"""bench/fuzz.py finds what it is for: a crash is reported with a saved reproducer, a hang is cut off,
reported and the run goes on in a fresh worker, and the counts add up.

A fuzzer that cannot see a hang would report "0 hangs" forever, so the
harness itself is tested with a planted crash and a planted hang.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import ModuleType

import pytest
from conftest import bench_module

BENCH = Path(__file__).resolve().parent.parent / "bench" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    return bench_module("fuzz")


def test_a_planted_crash_and_hang_are_reported_and_the_run_goes_on(
        fuzz: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fuzz.analyse

    def planted(name: str, item: object, rules: object) -> object:
        if name.startswith(("doc3.", "min")):
            raise ValueError("planted")
        if name.startswith("doc5."):
            time.sleep(60)
        return real(name, item, rules)

    monkeypatch.setattr(fuzz, "analyse", planted)  # forked workers inherit the patch
    totals = fuzz.run(12, seed=0, timeout=3.0, jobs=1, corpus_every=4, out=tmp_path)
    assert totals.tried == 12
    assert [(c.index, c.kind) for c in totals.crashes] == [(3, "ValueError")]
    assert Path(totals.crashes[0].path).read_bytes() == fuzz.input_for(0, 3).data
    assert Path(totals.crashes[0].minimised).stat().st_size <= 1  # the planted crash needs no bytes at all
    assert [(i, phase) for i, phase, _saved in totals.hangs] == [(5, "document")]
    assert Path(totals.hangs[0][2]).read_bytes() == fuzz.input_for(0, 5).data


def test_inputs_are_reproducible_from_seed_and_index(fuzz: ModuleType) -> None:
    assert fuzz.input_for(4, 17) == fuzz.input_for(4, 17)
    assert len({fuzz.input_for(4, i) for i in range(50)}) > 40


def test_a_clean_run_exits_0_and_prints_the_counts(fuzz: ModuleType, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["40", "--seed", "3", "--jobs", "1", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "inputs tried: 40  crashes: 0  hangs: 0" in out
