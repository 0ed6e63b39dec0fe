"""Bounded resources and nothing lost, tested on real processes.

``jobs`` is capped at the CPUs available; SIGTERM and Ctrl-C end the worker
pool with the parent; a parent killed outright takes its workers with it
within a second or so; a baseline write killed at any moment leaves the old
file or the new one, never half; two concurrent writers never interleave.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import run_main

from factcheck.config import Config
from factcheck.workers import cpu_count, worker_count

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
FACTCHECK = [sys.executable, "-c", "from factcheck.cli import main; main()"]
ARTICLE = ("Kim Long Un met envoys in Pyongyang on Monday, March {day}, 2020. About {n} people said "
           "\"we are here\". Kim Jong Un spoke. The house lol word lol appears lol here.\n")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}


def _articles(root: Path, n: int, lines: int = 20) -> None:
    arts = root / "arts"
    arts.mkdir(parents=True)
    for i in range(n):
        (arts / f"a{i:04}.txt").write_text(ARTICLE.format(day=i % 28 + 1, n=i) * lines, encoding="utf-8")


# --------------------------------------------------------------------------- jobs


def test_jobs_are_capped_at_the_cpu_count() -> None:
    warnings: list[str] = []
    cpus = cpu_count()
    assert worker_count(Config(jobs=1000), 10, warnings) == cpus
    s = "s" if cpus != 1 else ""
    assert warnings == [f"jobs = 1000 is more than the {cpus} CPU{s} available; using {cpus}"]
    warnings.clear()
    assert worker_count(Config(jobs=1), 10, warnings) == 1 and warnings == []
    assert worker_count(Config(), 10_000, warnings) == min(cpus, 8) and warnings == []


def test_the_cli_says_when_jobs_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _articles(tmp_path, 3, lines=1)
    (tmp_path / "factcheck.toml").write_text("jobs = 1000\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("factcheck.workers.cpu_count", lambda: 1)  # one worker: no pool is started
    run = run_main("scan", "arts")
    assert run.code == 1
    assert run.stderr == "factcheck: warning: jobs = 1000 is more than the 1 CPU available; using 1\n"


# --------------------------------------------------------------------------- workers die with their parent


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _running(pid: int) -> bool:
    """Alive and not a zombie (a zombie has exited; only its exit status is left to collect)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _parallel_run(root: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """A `baseline create` over 2,000 files with two workers, once both workers are running."""
    proc = subprocess.Popen([*FACTCHECK, "baseline", "create", "arts", "-o", "b.json"], cwd=root, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool never started"
    time.sleep(0.3)  # let them get into the files
    return proc, workers


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if _running(p)]
        if not alive:
            return []
        time.sleep(0.05)
    return [p for p in pids if _running(p)]


@pytest.fixture
def parallel_project(tmp_path: Path) -> Path:
    if cpu_count() < 2:
        pytest.skip("needs two CPUs for two workers")
    # Enough work that the scan is still running when the signal lands, even when a loaded machine
    # stretches the test's own sleeps: 400 files were done before Ctrl-C once extraction got faster.
    _articles(tmp_path, 2000)
    (tmp_path / "factcheck.toml").write_text("jobs = 2\n", encoding="utf-8")
    return tmp_path


@linux
def test_sigterm_ends_the_workers(parallel_project: Path) -> None:
    proc, workers = _parallel_run(parallel_project)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (143, "factcheck: terminated\n")
    assert _gone_within(workers, 5) == []
    assert not (parallel_project / "b.json").exists()
    assert [p.name for p in parallel_project.iterdir() if p.name.startswith(".b.json")] == []


@linux
def test_ctrl_c_ends_the_workers(parallel_project: Path) -> None:
    """Ctrl-C signals the whole process group: the workers ignore it, the parent ends them."""
    proc, workers = _parallel_run(parallel_project)
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (130, "factcheck: interrupted\n")
    assert _gone_within(workers, 5) == []


@linux
def test_workers_exit_when_their_parent_is_killed(parallel_project: Path) -> None:
    proc, workers = _parallel_run(parallel_project)
    proc.kill()
    proc.communicate(timeout=30)
    assert _gone_within(workers, 5) == []


# --------------------------------------------------------------------------- nothing lost

HOUSE = "id: house/lol\ntype: pattern\nseverity: info\nmessage: m\nwords: [lol]\n"


@pytest.fixture
def big_baseline_project(tmp_path: Path) -> Path:
    """80 articles of 50 distinct lines with two findings each: a baseline of 8,000 entries (2 MiB) to write."""
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(80):
        (arts / f"a{i:03}.txt").write_text("".join(f"Item {i} x {j} has lol here, and lol {j} y {i} there.\n"
                                                   for j in range(50)), encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('builtin_rules = false\nrules = ["house.yaml"]\njobs = 1\n',
                                             encoding="utf-8")
    return tmp_path


#: the console script on a slow disk: files are written 64 KiB at a time, 10 ms apart, so that a kill
#: can land mid-write reliably even on a loaded machine (the code under test is unchanged)
SLOW_DISK = """
import os, time
class SlowFile:
    def __init__(self, f):
        self.f = f
    def write(self, data):
        for i in range(0, len(data), 65536):
            self.f.write(data[i:i + 65536])
            self.f.flush()
            time.sleep(0.01)
        return len(data)
    def __getattr__(self, name):
        return getattr(self.f, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.f.__exit__(*exc)
_fdopen = os.fdopen
os.fdopen = lambda *a, **k: SlowFile(_fdopen(*a, **k))  # what factcheck.atomic.write_atomic writes through
from factcheck.cli import main; main()
"""


def _create(root: Path, *args: str, slow_disk: bool = False) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", SLOW_DISK] if slow_disk else FACTCHECK
    return subprocess.Popen([*command, "baseline", "create", *args], cwd=root, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _temporaries(root: Path) -> list[Path]:
    """factcheck.atomic's temporary files beside ``b.json`` (``.b.json.<random>.tmp``)."""
    return [p for p in root.iterdir() if p.name.startswith(".b.json.") and p.name.endswith(".tmp")]


@linux
def test_a_baseline_write_killed_at_any_moment_leaves_the_old_or_the_new_file(big_baseline_project: Path) -> None:
    """SIGKILL (no cleanup possible) at random moments of the run and of the write itself.

    On a slow disk (see :data:`SLOW_DISK`) the write of the 2 MiB baseline
    takes about 0.3 s; runs killed while it is under way leave a partial
    temporary file behind, and the target must still be the old file.
    """
    root = big_baseline_project
    target = root / "b.json"
    full = _create(root, "arts", "-o", "b.json")
    assert full.wait(timeout=300) == 0, full.communicate()
    new = target.read_text(encoding="utf-8")
    assert len(json.loads(new)["findings"]) == 8000
    old = json.dumps({"version": 2, "paths": ["old"], "findings": []})
    rng = random.Random(28)
    mid_write = 0
    for attempt in range(6):
        target.write_text(old, encoding="utf-8")
        for tmp in _temporaries(root):
            tmp.unlink()
        proc = _create(root, "arts", "-o", "b.json", slow_disk=attempt > 0)
        if attempt == 0:  # a random moment of a run at full speed
            time.sleep(rng.uniform(0.2, 3.0))
        else:  # a random moment of the write
            while proc.poll() is None and not _temporaries(root):
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.3))
        proc.kill()
        proc.communicate(timeout=30)
        text = target.read_text(encoding="utf-8")
        assert text in (old, new), "a half-written baseline"
        assert json.loads(text)["version"] == 2
        left = _temporaries(root)
        if left and len(left[0].read_bytes()) < len(new.encode("utf-8")):
            mid_write += 1
            assert text == old
    assert mid_write >= 2, "too few kills landed mid-write to test anything"


@linux
def test_concurrent_baseline_writes_do_not_interleave(big_baseline_project: Path) -> None:
    """Two `baseline create` runs of different folders into one file (on a slow disk, so that the
    writes overlap): the last writer's whole file wins, never a mix."""
    root = big_baseline_project
    (root / "half").mkdir()
    for p in sorted((root / "arts").iterdir())[:40]:
        p.rename(root / "half" / p.name)
    expected = {}
    for folder in ("arts", "half"):
        alone = _create(root, folder, "-o", f"{folder}.json")
        assert alone.wait(timeout=300) == 0, alone.communicate()
        expected[folder] = (root / f"{folder}.json").read_text(encoding="utf-8")
    assert expected["arts"] != expected["half"]
    for _ in range(2):
        a = _create(root, "arts", "-o", "both.json", slow_disk=True)
        b = _create(root, "half", "-o", "both.json", slow_disk=True)
        assert a.wait(timeout=300) == 0 and b.wait(timeout=300) == 0
        assert (root / "both.json").read_text(encoding="utf-8") in expected.values()
    assert [p.name for p in root.iterdir() if ".tmp" in p.name] == []
