"""Throughput per core of ``scan --executor dask`` (a LocalCluster) against the local executor.

Usage::

    python bench/dask_speed.py ../shared/corpora/ecbplus [--workers N]

Two comparisons in one run, each with the shipped rules:

* the whole scan, as the CLI runs it: the local executor (``jobs = N``
  worker processes, started for the scan) against ``--executor dask --jobs N``
  (a fresh ``LocalCluster`` of N single-threaded worker processes, started
  for the scan and let go after the map phase);
* the map phase alone (per-document extraction and rules: the part an
  executor runs) on running workers: the local pool against a LocalCluster
  already warmed up, as a cluster behind ``--scheduler`` is.

N defaults to the CPUs available.  Throughput per core is files per
CPU-second of every process involved (this one, with a LocalCluster's
scheduler and nannies, and the worker processes: ``getrusage``), which other
load on the machine does not distort as it does wall time; wall times are
printed too.  Exit 1 if the Dask scan's JSON report differs from the local
one (it must be identical).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from factcheck.config import Config
from factcheck.engine import scan
from factcheck.report import FORMATTERS, RenderContext
from factcheck.scan_report import Report
from factcheck.workers import cpu_count


class _Clock:
    """A scan's progress callback that notes when the map phase delivered its last file."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.mapped = self.start

    def __call__(self, done: int, total: int) -> None:
        if done == total:
            self.mapped = time.perf_counter()


def _timed(corpus: Path, config: Config, executor: object = None) -> tuple[Report, float, float]:
    """(report, map-phase seconds, whole-scan seconds)."""
    clock = _Clock()
    report = scan([corpus], config, progress=clock, executor=executor)  # type: ignore[arg-type]
    end = time.perf_counter()
    return report, clock.mapped - clock.start, end - clock.start


def _cpu() -> float:
    """CPU seconds of this process and of its ended (joined) children: the local pool's workers."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _own_cpu() -> float:
    """CPU seconds of the calling process (run on each Dask worker with ``client.run``)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _cluster_cpu(client: object) -> float:
    """CPU seconds of this process (with the LocalCluster's scheduler and nannies) and of its live workers."""
    return _own_cpu() + sum(client.run(_own_cpu).values())  # type: ignore[attr-defined]


def _line(name: str, n: int, wall: float, cpu: float) -> str:
    return f"  {name}: {wall:.2f} s wall, {cpu:.2f} s CPU = {n / cpu:.1f} files/CPU-s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=0, help="processes for both executors (default: the CPUs)")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    import distributed

    from factcheck.dask_executor import dask_executor
    from factcheck.engine import _worker_init, _worker_run
    from factcheck.files import find_documents
    from factcheck.workers import run_files

    cores = args.workers or cpu_count()
    config = Config(jobs=cores)
    files = find_documents([args.corpus]).files
    n = len(files)
    print(f"corpus: {args.corpus} ({n} files), {cores} worker processes, distributed {distributed.__version__}")

    print("whole scan, as the CLI runs it:")
    c0 = _cpu()
    local, _l_map, l_scan = _timed(args.corpus, config)
    l_cpu = _cpu() - c0
    print(_line(f"local executor ({cores} processes)", n, l_scan, l_cpu))
    c0, t0 = _cpu(), time.perf_counter()
    with dask_executor(None, cores, once=True) as ex:  # its workers end with the map phase: getrusage counts them
        t_start = time.perf_counter() - t0
        dask, _d_map, d_scan = _timed(args.corpus, config, ex)
    d_cpu = _cpu() - c0
    print(_line(f"--executor dask ({cores} workers)", n, t_start + d_scan, d_cpu)
          + f" (start-up {t_start:.2f} s wall included)")

    print("map phase alone, on running workers:")
    c0, t0 = _cpu(), time.perf_counter()
    run_files(files, cores, _worker_run, _worker_init, (config, None))  # no cache: every file analysed
    m_wall, m_cpu = time.perf_counter() - t0, _cpu() - c0
    print(_line(f"local pool ({cores} processes, started for it)", n, m_wall, m_cpu))
    with dask_executor(None, cores) as ex:
        ex.map_files(files[:16 * cores], config)  # warm-up: imports and rules loaded in every worker
        c0, t0 = _cluster_cpu(ex.client), time.perf_counter()
        ex.map_files(files, config)
        w_wall, w_cpu = time.perf_counter() - t0, _cluster_cpu(ex.client) - c0
    print(_line(f"warm LocalCluster ({cores} workers)", n, w_wall, w_cpu))

    print(f"ratio dask/local, files per CPU-second: whole scan {l_cpu / d_cpu:.2f}x, map phase {m_cpu / w_cpu:.2f}x; "
          f"wall: whole scan {l_scan / (t_start + d_scan):.2f}x, map phase {m_wall / w_wall:.2f}x")
    ctx = RenderContext(version="bench")
    same = FORMATTERS["json"](dask, ctx) == FORMATTERS["json"](local, ctx)
    print(f"findings: {len(local.findings)} local, {len(dask.findings)} dask, "
          f"JSON {'identical' if same else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":  # the LocalCluster's worker processes re-import this file
    sys.exit(main())
