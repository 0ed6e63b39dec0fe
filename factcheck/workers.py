"""The worker processes of a parallel map phase, managed here and not by ``concurrent.futures``.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it hung about one
interrupted run in ten.  Its workers all answer through one shared pipe that
a background thread in the parent reads.  When a worker is ended (SIGTERM,
Ctrl-C, or the pool's own clean-up) while it is writing a result -- a chunk of
analysed documents is larger than the pipe's buffer, so a worker spends much
of its time there -- that thread is left waiting for the rest of a message
that never comes: the parent holds the pipe's write end itself, so no end of
file arrives.  At exit the interpreter joins that thread, forever (and a
second race there printed an ``OSError`` traceback from its wake-up pipe).

Here each worker has a pipe of its own and the parent reads them in its main
thread; there is no background thread in the parent to join.  A worker that
dies mid-message closes the only other end of its pipe, so the parent reads
end of file (:class:`WorkerDied`) instead of waiting; a signal interrupts the
parent's wait like any other blocking call.  Workers ignore Ctrl-C (it reaches
the whole process group, and only the parent decides), take SIGTERM's default
action (the parent ends them with it), and exit when their parent is gone
even if it was killed outright.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from factcheck.interrupts import terminate_on_sigterm

if TYPE_CHECKING:
    from pathlib import Path

    from factcheck.config import Config

_T = TypeVar("_T")
_R = TypeVar("_R")

#: items per message: fewer round trips than one by one, still an even spread over the workers
CHUNK = 8
#: chunks handed to a worker ahead of the one it works on, so it never waits for the parent
AHEAD = 2
#: how often (seconds) a worker checks that the process that started it is still there
PARENT_CHECK = 0.5
#: seconds a worker gets to end after SIGTERM before it is killed
TERMINATE_GRACE = 2.0
#: the signals a parent acts on; held back while it forks and while it ends its workers
_STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})
#: the chunk index of a worker's reply when its initializer failed
_INIT = -1


class WorkerDied(RuntimeError):
    """A worker process ended without answering (killed from outside, out of memory).

    Not a :class:`~factcheck.errors.FactcheckError`: nothing the user wrote
    causes it, so the CLI reports it as an internal error (exit 2).
    """


def _block_stop_signals() -> set[int | signal.Signals] | None:
    """Hold SIGINT/SIGTERM back in this thread; the previous mask, or None where masks do not exist."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)


def _restore_signals(previous: set[int | signal.Signals] | None) -> None:
    """Undo :func:`_block_stop_signals`: a signal that came meanwhile is acted on now."""
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _watch_parent(parent: int) -> None:
    """Exit this worker as soon as its parent is gone (killed with SIGKILL, say).

    A portable stand-in for Linux's ``prctl(PR_SET_PDEATHSIG)``: when the
    parent dies the worker is re-parented, so ``getppid()`` changes.  Without
    this, a killed CI job would leave workers chewing through the archive.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _send(conn: Connection, reply: tuple[int, bool, object]) -> None:
    """Send a reply; one that does not pickle becomes an error naming it (pickling fails before any byte is sent)."""
    try:
        conn.send(reply)
    except Exception as exc:  # any pickling failure, reported to the parent
        conn.send((reply[0], False, RuntimeError(f"unpicklable worker reply: {type(exc).__name__}: {exc}")))


def _worker_main(conn: Connection, parent: int, run: Callable[[_T], _R],
                 initializer: Callable[..., None], initargs: tuple[object, ...]) -> None:
    """A worker's life: set its signals, start the parent watch, initialize, then run chunks until told to stop.

    The parent forked it with SIGINT/SIGTERM blocked, so the parent's own
    handlers (inherited by a fork) can never run here: the handlers are
    replaced first, then the signals unblocked.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="factcheck-parent-watch").start()
    try:
        initializer(*initargs)
    except BaseException as exc:  # the parent raises it
        _send(conn, (_INIT, False, exc))
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        index, items = task
        try:
            reply: tuple[int, bool, object] = (index, True, [run(item) for item in items])
        except Exception as exc:  # the parent raises it, as ProcessPoolExecutor.map did
            reply = (index, False, exc)
        _send(conn, reply)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    #: chunk indices sent and not yet answered, oldest first
    pending: list[int] = field(default_factory=list)


class _Pool(Generic[_T, _R]):
    """The workers of one :func:`run_pool` call; :meth:`end` always runs, however the call ends."""

    def __init__(self, run: Callable[[_T], _R], initializer: Callable[..., None],
                 initargs: tuple[object, ...]) -> None:
        self.run = run
        self.initializer = initializer
        self.initargs = initargs
        self.workers: list[_Worker] = []

    def start(self, n: int) -> None:
        ctx = multiprocessing.get_context()
        parent = os.getpid()
        for _ in range(n):
            ours, theirs = ctx.Pipe()
            process = ctx.Process(target=_worker_main, args=(theirs, parent, self.run, self.initializer,
                                                             self.initargs), daemon=True, name="factcheck-worker")
            previous = _block_stop_signals()
            try:
                process.start()
            except BaseException:
                ours.close()
                raise
            else:
                self.workers.append(_Worker(process, ours))
            finally:
                # Closed before the next fork, so that this worker's process holds the only copy of its
                # end: when it dies, the parent reads end of file on `ours` instead of waiting.
                theirs.close()
                _restore_signals(previous)

    def end(self) -> None:
        """Stop every worker now: SIGTERM, then SIGKILL after :data:`TERMINATE_GRACE` seconds.

        The stop signals are held back meanwhile, so that a second Ctrl-C
        cannot cut the clean-up short; it is acted on afterwards.
        """
        previous = _block_stop_signals()
        try:
            for w in self.workers:
                if w.process.is_alive():
                    w.process.terminate()
            deadline = time.monotonic() + TERMINATE_GRACE
            for w in self.workers:
                w.process.join(max(0.0, deadline - time.monotonic()))
                if w.process.is_alive():
                    w.process.kill()
                    w.process.join(1.0)
            self._close()
        finally:
            _restore_signals(previous)

    def stop(self) -> None:
        """After the last chunk: ask every worker to exit, then end any that does not."""
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:  # already gone
                pass
        deadline = time.monotonic() + TERMINATE_GRACE
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
        self.end()

    def _close(self) -> None:
        for w in self.workers:
            w.conn.close()
            if w.process.exitcode is not None:  # close() refuses a process still running
                w.process.close()
        self.workers = []

    def post(self, w: _Worker, index: int, chunk: Sequence[_T]) -> None:
        """Hand chunk ``index`` to worker ``w``."""
        try:
            w.conn.send((index, list(chunk)))
        except OSError:
            raise _died(w) from None
        w.pending.append(index)


def _died(w: _Worker) -> BaseException:
    """What to raise for worker ``w``, found gone: the error it sent before exiting (its initializer's,
    say), or :class:`WorkerDied`."""
    try:
        if w.conn.poll():
            _index, ok, value = w.conn.recv()
            if not ok and isinstance(value, BaseException):
                return value
    except (EOFError, OSError):
        pass
    w.process.join(1.0)
    return WorkerDied(f"a worker process ended unexpectedly (exit code {w.process.exitcode})")


def _receive(w: _Worker) -> tuple[int, bool, object]:
    """One reply from ``w``; :class:`WorkerDied` if it ended instead (even halfway through a message)."""
    try:
        reply: tuple[int, bool, object] = w.conn.recv()
    except (EOFError, OSError):
        raise _died(w) from None
    return reply


def run_pool(items: Sequence[_T], jobs: int, run: Callable[[_T], _R], initializer: Callable[..., None],
             initargs: tuple[object, ...], progress: Callable[[int, int], None] | None = None,
             collect: Callable[[_R], _R] | None = None) -> list[_R]:
    """``run`` over ``items`` in ``jobs`` worker processes; the results in the order of ``items``.

    Each worker calls ``initializer(*initargs)`` once, then ``run`` on chunks
    of :data:`CHUNK` items.  An exception in a worker is raised here, and so
    is anything that interrupts this call (Ctrl-C, SIGTERM raised by
    :func:`factcheck.interrupts.terminate_on_sigterm`); either way every
    worker has ended before this function returns or raises.
    ``progress(done, total)`` is called once per item, ``done`` counting up.
    ``collect`` is applied here, in this process, to each result as its chunk
    arrives: the scan turns results into their compact form (see
    :mod:`factcheck.compact`) before the next chunk is read, so that at no
    point are all results held in their bulky form at once.
    """
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    if not chunks:
        return []
    done: list[list[_R] | None] = [None] * len(chunks)
    pool: _Pool[_T, _R] = _Pool(run, initializer, initargs)
    try:
        pool.start(max(1, min(jobs, len(chunks))))  # no idle workers for a short list
        next_chunk = 0
        finished = 0
        for w in pool.workers:
            while len(w.pending) < AHEAD and next_chunk < len(chunks):
                pool.post(w, next_chunk, chunks[next_chunk])
                next_chunk += 1
        while busy := [w for w in pool.workers if w.pending]:
            ready = wait([w.conn for w in busy])
            for w in busy:
                if w.conn not in ready:
                    continue
                index, ok, value = _receive(w)
                if not ok:
                    assert isinstance(value, BaseException)
                    raise value
                w.pending.remove(index)
                got = cast("list[_R]", value)
                done[index] = [collect(r) for r in got] if collect is not None else got
                for _ in chunks[index]:
                    finished += 1
                    if progress:
                        progress(finished, len(items))
                if next_chunk < len(chunks):
                    pool.post(w, next_chunk, chunks[next_chunk])
                    next_chunk += 1
    except BaseException:
        pool.end()
        raise
    pool.stop()
    return [r for chunk in done if chunk is not None for r in chunk]


def cpu_count() -> int:
    """The CPUs this process may run on (a container's or ``taskset``'s share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def worker_count(config: Config, n_files: int, warnings: list[str] | None = None) -> int:
    """Worker processes for the map phase: ``config.jobs``, capped at the CPU count.

    More workers than CPUs only add start-up time and memory; ``jobs = 1000``
    in a config from a pull request would otherwise fork a thousand processes.
    """
    cpus = cpu_count()
    if config.jobs:
        if config.jobs > cpus and warnings is not None:
            warnings.append(f"jobs = {config.jobs} is more than the {cpus} CPU{'s' if cpus != 1 else ''} "
                            f"available; using {cpus}")
        return min(config.jobs, cpus)
    # Process start-up costs ~0.3 s; only worth it for larger scans.
    return min(cpus, 8) if n_files >= 200 else 1


def run_files(files: Sequence[Path], jobs: int, run: Callable[[Path], _R], initializer: Callable[..., None],
             initargs: tuple[object, ...], progress: Callable[[int, int], None] | None = None,
             collect: Callable[[_R], _R] | None = None) -> list[_R]:
    """A map phase in ``jobs`` worker processes, in file order; the workers never outlive it.

    SIGTERM raises :class:`~factcheck.interrupts.Terminated` meanwhile (if no
    caller's handler is set), so that it ends the workers as Ctrl-C does; see
    :func:`run_pool` for how, and why not ``ProcessPoolExecutor``.
    """
    with terminate_on_sigterm():
        return run_pool(files, jobs, run, initializer, initargs, progress, collect)
