"""The map phase's own worker pool (factcheck.workers), on real worker processes.

Results come back in order whatever finishes first; an exception in a worker
or its initializer is raised in the parent; an interrupt in the parent ends
every worker and leaves no thread behind; and a worker that dies, even
halfway through sending a result larger than the pipe's buffer (the hang
``ProcessPoolExecutor`` had: see the module docstring), is an error, not a wait.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from factcheck.workers import CHUNK, WorkerDied, run_pool

#: a result far larger than a pipe's buffer: the worker is still writing it when killed
BIG = 16 * 1024 * 1024

_STATE: dict[str, object] = {}


def _init(tag: str, marker: str = "") -> None:
    _STATE["tag"] = tag
    _STATE["marker"] = marker


def _bad_init(_tag: str) -> None:
    raise ValueError("no rules here")


def _tagged(item: int) -> tuple[str, int, int]:
    if item % 3 == 0:
        time.sleep(0.01)  # finish out of order
    return str(_STATE["tag"]), item, os.getpid()


def _fails_on_13(item: int) -> int:
    if item == 13:
        raise KeyError(f"item {item}")
    return item


def _big_after_marker(item: int) -> bytes:
    """Item 8 (the second chunk) returns a huge result, touching the marker file just before it is sent."""
    if item != CHUNK:
        return b""
    Path(str(_STATE["marker"])).touch()
    return b"x" * BIG


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate()}


def test_results_in_item_order_from_every_worker() -> None:
    seen: list[tuple[int, int]] = []
    out = run_pool(list(range(50)), 2, _tagged, _init, ("t",), lambda done, total: seen.append((done, total)))
    assert [(tag, item) for tag, item, _pid in out] == [("t", i) for i in range(50)]
    assert len({pid for *_x, pid in out} - {os.getpid()}) == 2  # two workers, neither of them this process
    assert seen == [(i, 50) for i in range(1, 51)]


def test_collect_runs_in_the_parent_on_each_result_as_it_arrives() -> None:
    pids: list[int] = []

    def collect(r: tuple[str, int, int]) -> tuple[str, int, int]:
        pids.append(os.getpid())
        return (r[0].upper(), r[1], r[2])

    out = run_pool(list(range(20)), 2, _tagged, _init, ("t",), collect=collect)
    assert [(tag, item) for tag, item, _pid in out] == [("T", i) for i in range(20)]
    assert pids == [os.getpid()] * 20


def test_fewer_chunks_than_jobs_and_no_items() -> None:
    assert [item for _t, item, _p in run_pool([1, 2], 4, _tagged, _init, ("t",))] == [1, 2]
    assert run_pool([], 2, _tagged, _init, ("t",)) == []


def test_a_worker_exception_is_raised_in_the_parent() -> None:
    before = _threads()
    with pytest.raises(KeyError, match="item 13"):
        run_pool(list(range(40)), 2, _fails_on_13, _init, ("t",))
    assert _threads() == before


def test_an_initializer_exception_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="no rules here"):
        run_pool(list(range(40)), 2, _tagged, _bad_init, ("t",))


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_an_interrupt_in_the_parent_ends_every_worker() -> None:
    """Ctrl-C arriving while results come in: raised as is, every worker ended, no thread left behind."""
    before = _threads()
    workers: list[int] = []

    def progress(done: int, _total: int) -> None:
        if done == 3 * CHUNK:
            workers.extend(p.pid for p in multiprocessing.active_children() if p.pid is not None)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_pool(list(range(400)), 2, _tagged, _init, ("t",), progress)
    assert len(workers) == 2
    assert [p for p in workers if _running(p)] == []
    assert multiprocessing.active_children() == []
    assert _threads() == before


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_a_worker_killed_mid_result_is_an_error_not_a_hang(tmp_path: Path) -> None:
    """The root cause of the old interrupt hang: a worker ended while it writes a result.

    The parent is kept busy in its progress callback while the worker starts
    writing a 16 MiB result, then kills the worker: the parent must read end
    of file and raise :class:`WorkerDied` at once.
    """
    marker = tmp_path / "writing"
    worker: list[int] = []

    def progress(done: int, _total: int) -> None:
        if done == CHUNK:  # the first chunk is in; the worker is busy with the second
            deadline = time.monotonic() + 20
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.3)  # well into writing 16 MiB into a pipe nobody reads
            worker.extend(p.pid for p in multiprocessing.active_children() if p.pid is not None)
            for pid in worker:
                os.kill(pid, signal.SIGKILL)

    started = time.monotonic()
    with pytest.raises(WorkerDied, match="ended unexpectedly"):
        run_pool(list(range(3 * CHUNK)), 1, _big_after_marker, _init, ("t", str(marker)), progress)
    assert time.monotonic() - started < 15
    assert len(worker) == 1 and not _running(worker[0])

