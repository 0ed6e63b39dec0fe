"""The map phase as Dask tasks: ``factcheck scan --executor dask [--scheduler ADDRESS]``.

An archive that outgrows one machine is scanned by a Dask cluster: the
per-document work (:func:`factcheck.engine.analyse_file`, a pure function of
one file) runs as tasks over chunks of files on the cluster's workers, and
the results come back to this process in file order, so the reduce phase,
suppressions, baseline and report see exactly what the local executor gives
them: the findings are identical, byte for byte.

The corpus phase runs in this process.  Its story-local rules run story by
story (:mod:`factcheck.corpus_phase`) and are reused from the cache for
unchanged stories; ``name-variants`` and ``spelling`` weigh a spelling
against the whole corpus (a "corpus typo" is found in *another* story), so
they run over every document.  It reads claims, not files, so it grows with
the corpus's claims, not with its bytes.

With a cache (``--cache-dir``, or the CLI's default), files whose entries are
current are not sent to the cluster at all, and the entries of the others are
written by this process from the results it gathers: the workers compute each
file's content digest but write nothing, so the cache folder need not be
shared with them.

Workers read the files themselves: they must see the scanned files, and the
rule files of the config, at the same paths as this machine (a shared
filesystem mounted at the same place).  Each task runs in this process's
working directory (see :func:`_in_dir`), so relative paths and the display
paths in findings are the same on every worker.

``distributed`` is an optional dependency (the ``dask`` extra); it is imported
only when a Dask executor is built, and its absence is a user error with the
install hint, not a traceback.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from factcheck.cache import DocCache
    from factcheck.config import Config
    from factcheck.engine import _FileResult
    from factcheck.rules.model import Rule

#: the one-line hint when ``distributed`` is missing
INSTALL_HINT = "--executor dask needs Dask's distributed scheduler: pip install 'factcheck-news[dask]'"
#: at most this many files per task: small enough to spread a corpus over the workers and to lose little
#: work when a worker dies, large enough that the scheduler's ~1 ms per task stays noise
MAX_CHUNK = 32
#: tasks per worker thread the chunking aims for, so that a slow chunk does not leave the others idle
TASKS_PER_THREAD = 4
#: seconds to wait for a scheduler given with ``--scheduler`` before giving up with an error
CONNECT_TIMEOUT = 30


class MapExecutor(Protocol):
    """Where :func:`factcheck.engine.scan` runs its map phase when not in this machine's own processes."""

    def map_files(self, files: Sequence[Path], config: Config,
                  progress: Callable[[int, int], None] | None = None,
                  cache: DocCache | None = None) -> list[_FileResult]:
        """:func:`factcheck.engine.analyse_file` of every file under ``config``, in the order of ``files``;
        with a ``cache``, each result is stored in it as a local scan stores it."""
        ...


def _import_distributed() -> Any:
    """The ``distributed`` module, or the install hint as a :class:`FactcheckError`."""
    try:
        import distributed
    except ImportError:
        raise FactcheckError(INSTALL_HINT) from None
    return distributed


def chunks(files: Sequence[Path], threads: int) -> list[list[Path]]:
    """``files`` cut into consecutive chunks, in order: about :data:`TASKS_PER_THREAD` tasks per
    worker thread, at most :data:`MAX_CHUNK` files each (so results concatenate back in file order)."""
    if not files:
        return []
    size = max(1, min(MAX_CHUNK, math.ceil(len(files) / (max(1, threads) * TASKS_PER_THREAD))))
    return [list(files[i:i + size]) for i in range(0, len(files), size)]


@dataclass
class _WorkerRules:
    """A worker process's rules for one scan: loaded by its first task of that scan, reused by the rest."""

    scan: str
    rules: list[Rule]
    kinds: set[str] | None


# Worker-side state.  Rules are loaded once per worker process and scan, not pickled per task
# (compiled RE2 patterns cannot be pickled).  Per scan, not per configuration: a cluster outlives
# scans, and a rule file edited between two of them must be read again, as a new local pool would.
_RULES: list[_WorkerRules] = []
#: tasks chdir into the client's working directory; a lock keeps two threads of one worker from
#: interleaving their working directories (the work is pure Python: threads add nothing anyway)
_CWD_LOCK = threading.Lock()


@contextmanager
def _in_dir(cwd: str) -> Iterator[None]:
    """Run the block in ``cwd`` (the client's working directory), then go back.

    Display paths (``articles/a.md``) are relative to the working directory,
    and so are the config's rule paths: running in the client's directory
    makes a worker's results the ones the client would compute.  The working
    directory belongs to the whole worker process: other Dask work running in
    the same worker at the same time would see it change, so give factcheck
    workers of its own (``dask worker --nthreads 1``, as the README shows).
    """
    with _CWD_LOCK:
        before = os.getcwd()
        try:
            os.chdir(cwd)
        except OSError as exc:
            raise FileNotFoundError(f"a Dask worker cannot enter {cwd}: {exc.strerror or exc}; the workers must "
                                    "see the scanned files at the same paths (a shared filesystem)") from None
        try:
            yield
        finally:
            os.chdir(before)


def _worker_rules(scan: str, config: Config) -> _WorkerRules:
    from factcheck.engine import active_rules, needed_kinds

    if not _RULES or _RULES[0].scan != scan:
        rules = active_rules(config)
        _RULES[:] = [_WorkerRules(scan, rules, needed_kinds(rules))]
    return _RULES[0]


def analyse_chunk(files: Sequence[Path], config: Config, cwd: str, scan: str,
                  digests: DocCache | None = None) -> list[_FileResult]:
    """One Dask task: :func:`factcheck.engine.analyse_file` on each file of a chunk, in order.
    ``scan`` identifies the scan, whose rules the worker loads once (see :data:`_RULES`).
    ``digests``: a cache that writes nothing, so that each result carries the content digest
    of the bytes the worker analysed, for the scanning process to store it under."""
    from factcheck.engine import analyse_file

    with _in_dir(cwd):
        loaded = _worker_rules(scan, config)
        return [analyse_file(path, config, loaded.rules, loaded.kinds, digests, keep_text=False) for path in files]


def store_results(cache: DocCache, results: Sequence[_FileResult]) -> None:
    """Write the cache entries of results gathered from the workers, as a local map step writes them.

    The scanning process writes, not the workers: the cache folder is the one
    this process was given (``--cache-dir``), which workers on other machines
    need not see, and entries are a few KiB each, already on their way here.
    """
    from factcheck.cache import DocEntry
    from factcheck.documents import Metadata

    for res in results:
        if res.doc is not None and res.digest is not None:
            cache.store_result(res.doc, res.digest, DocEntry(Metadata.of(res.doc), tuple(res.claims),
                                                             tuple(res.findings), res.suppressions, res.features,
                                                             res.words))


@dataclass
class DaskExecutor:
    """Runs the map phase of :func:`factcheck.engine.scan` as Dask tasks on ``client``'s cluster.

    Build one with :func:`dask_executor`, which also starts (and stops) a
    ``LocalCluster`` when no scheduler address is given.
    """

    client: Any  # distributed.Client
    #: called once the map phase's results are here (see :func:`dask_executor`'s ``once``)
    release: Callable[[], None] | None = None

    def threads(self) -> int:
        """Worker threads in the cluster now (at least 1: a cluster still starting its workers)."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def map_files(self, files: Sequence[Path], config: Config,
                  progress: Callable[[int, int], None] | None = None,
                  cache: DocCache | None = None) -> list[_FileResult]:
        """Every file's map result, in the order of ``files``, computed on the cluster, and with a
        ``cache``, stored in it here as each chunk arrives (see :func:`store_results`).

        Tasks are not pure (``pure=False``): a file may change between two
        scans, so a result is never reused from an earlier one.  A worker that
        dies mid-task is replaced by its nanny and the scheduler runs its tasks
        again elsewhere (up to ``distributed.scheduler.allowed-failures`` times).
        """
        distributed = _import_distributed()
        parts = chunks(files, self.threads())
        if not parts:
            return []
        cwd = os.getcwd()
        digests = replace(cache, write=False) if cache is not None else None
        futures = self.client.map(analyse_chunk, parts, config=config, cwd=cwd, scan=uuid.uuid4().hex,
                                  digests=digests, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[list[_FileResult] | None] = [None] * len(parts)
        done = 0
        try:
            for fut in distributed.as_completed(futures, loop=self.client.loop):
                i = index[fut.key]
                out[i] = _result(fut)
                if cache is not None:
                    store_results(cache, out[i] or [])
                done += len(parts[i])
                if progress:
                    progress(done, len(files))
        except BaseException:
            self.client.cancel(futures)
            raise
        finally:
            if self.release is not None:
                self.release()
        return [r for part in out if part is not None for r in part]


def _result(future: Any) -> list[_FileResult]:
    """A task's results.  A worker that cannot see the files, and a task Dask gave up on after
    its workers died too often (a file that crashes or exhausts every worker it reaches), are
    user-facing errors, one line each; any other exception is a bug and propagates."""
    distributed = _import_distributed()
    try:
        res: list[_FileResult] = future.result()
    except FileNotFoundError as exc:
        raise FactcheckError(str(exc)) from None
    except distributed.KilledWorker as exc:
        raise FactcheckError(f"Dask gave up on task {exc.task!r}: the workers running it died "
                             f"{exc.allowed_failures + 1} times (out of memory? see the workers' logs)") from None
    return res


@contextmanager
def dask_executor(scheduler: str | None = None, workers: int = 0, *, once: bool = False) -> Iterator[DaskExecutor]:
    """A :class:`DaskExecutor` on the cluster at ``scheduler`` (e.g. ``tcp://host:8786``), or on a
    new ``LocalCluster`` of ``workers`` processes (0: one per CPU), one thread each, closed afterwards.

    Processes, not threads: the work is pure Python and holds the GIL.  ``once``
    (the CLI's one scan) lets go of the cluster as soon as the map phase's
    results are in: a LocalCluster's scheduler and nannies run in this
    process, and their periodic work (heartbeats, memory checks every 100 ms)
    would compete for the GIL with the corpus phase that follows here (it ran
    ~1.5x slower beside them on a 2-core machine).
    """
    distributed = _import_distributed()
    # Dask logs its start and stop on stderr, and its workers log a closing scheduler as an error
    # with a traceback when they lose the race to stop first; factcheck's stderr is for its own
    # one-line warnings.  Task failures still reach the scan as exceptions.
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core",
                 "distributed.worker"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    with ExitStack() as stack:
        address: Any = scheduler
        if scheduler is None:
            from factcheck.workers import cpu_count

            n = min(workers, cpu_count()) if workers else cpu_count()  # capped like the local executor's processes
            with warnings.catch_warnings():
                # No dashboard, but the scheduler's HTTP endpoint still tries port 8787 first and warns
                # when another cluster has it; it then takes a free port, which is all a scan needs.
                warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
                address = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            stack.callback(address.close)
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise FactcheckError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        stack.callback(client.close)
        if scheduler is not None:
            _wait_for_workers(client, scheduler)
        yield DaskExecutor(client, stack.close if once else None)


def _wait_for_workers(client: Any, scheduler: str | None) -> None:
    """Wait until a worker has joined the scheduler: tasks sent to a cluster without workers wait forever."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        raise FactcheckError(f"the Dask scheduler at {scheduler} has no workers "
                             f"(none joined within {CONNECT_TIMEOUT} s)") from None
