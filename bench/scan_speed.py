"""A cold `factcheck scan` against `proselint check` on the same files, whole processes, same run.

Usage::

    python bench/scan_speed.py CORPUS [--repeat N] [--jobs J]

Both tools run as the user runs them (a fresh process each, no cache:
``factcheck scan CORPUS --no-cache --format json``; ``proselint check`` on
the same list of files), alternately, ``--repeat`` times (default 3).  For
each run it measures wall time, CPU time (user + system of the process and
every child it waited for, from ``wait4``) and peak RSS, and prints the
medians and factcheck/proselint ratios.  A ratio is only meaningful against
a peer measured on the same machine in the same run: the machine's load
moves both.  Needs the ``bench`` extra (proselint).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mib: float


def measure(cmd: list[str]) -> Run:
    """One process to its end: wall clock, CPU of it and its children, peak RSS (``wait4``'s ru_maxrss is the
    largest of the process tree's members, in KiB on Linux)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def compile_factcheck() -> None:
    """Give both tools their bytecode before timing, as an installed wheel has it.

    pip compiles a regular install's modules, but an editable install of
    factcheck is compiled lazily on import, and with ``PYTHONDONTWRITEBYTECODE``
    set (as on some CI images) never: every run then recompiles the whole
    package (~0.45 s CPU) while proselint's site-packages were compiled by pip.  That
    would measure the environment, not the tools.
    """
    import factcheck

    pkg = Path(factcheck.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(pkg)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="factcheck worker processes (proselint uses one)")
    args = ap.parse_args()
    files = sorted(str(p) for p in args.corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    bindir = Path(sys.executable).parent
    factcheck = shutil.which("factcheck", path=str(bindir)) or "factcheck"
    proselint = shutil.which("proselint", path=str(bindir)) or shutil.which("proselint")
    if proselint is None:
        print("proselint is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    env_jobs = ["--jobs", str(args.jobs)]
    compile_factcheck()
    tools = {
        "factcheck": [factcheck, "scan", str(args.corpus), "--no-cache", "--format", "json", *env_jobs],
        "proselint": [proselint, "check", *files],
    }
    runs: dict[str, list[Run]] = {name: [] for name in tools}
    for _ in range(args.repeat):
        for name, cmd in tools.items():
            runs[name].append(measure(cmd))
    med = {name: Run(statistics.median(r.wall for r in rs), statistics.median(r.cpu for r in rs),
                     statistics.median(r.rss_mib for r in rs)) for name, rs in runs.items()}
    print(f"{len(files)} files under {args.corpus}; median of {args.repeat} alternating runs; "
          f"factcheck --jobs {args.jobs}")
    print(f"{'':10} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB':>13}")
    for name, m in med.items():
        print(f"{name:10} {m.wall:8.2f} {m.cpu:8.2f} {m.rss_mib:13.1f}")
    f, p = med["factcheck"], med["proselint"]
    print(f"factcheck / proselint: wall {f.wall / p.wall:.2f}x, CPU {f.cpu / p.cpu:.2f}x, "
          f"peak RSS {f.rss_mib / p.rss_mib:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
