"""Time and peak memory of a cold `factcheck scan` at 1x, 10x, 100x a corpus: is growth linear, is memory bounded?

Usage::

    python bench/scale_curve.py CORPUS [--scales 1,10,100] [--jobs J] [--workdir DIR] [--keep]

The replicated corpus is generated, not committed: replica ``k`` is a copy of
every article of CORPUS under ``rKKK/`` (same relative paths), made as hard
links where the file system allows (the bytes are the same; only the paths
differ) and as copies elsewhere.  The largest scale is generated once and a
scale ``s`` scans the first ``s`` replica folders, so every scale reads the
same files as the smaller ones plus more.

Why identical copies: they are what a wire story reprinted by many outlets
looks like, they keep every replica's claims real, and they are the hard case
for the corpus phase -- each copy joins its original's story, so stories grow
``s`` times, and a rule that pairs claims within a story (quadratic in the
story's size) shows up as time growing faster than ``s``.  That is a finding
about the rule, reported by the curve, not something the generator should
hide by making replicas unrelated.  Memory is the other way round: the
scanning process shares equal values (:mod:`factcheck.compact`), and copies
share more than distinct articles would, so peak RSS on copies is a lower
bound for an archive of as many distinct articles.

Each scale runs as a fresh process, as a user runs it:
``factcheck scan DIRS --no-cache --format json`` (plus ``--jobs J`` if given),
its JSON written to a file in the work directory.  Printed per scale: files,
findings, wall time, CPU time (user + system of the process and every child
it waited for, from ``wait4``), peak RSS (``ru_maxrss``: the largest single
process of the tree, which is the scanning process; workers are smaller),
and the wall and CPU ratios to the smallest scale.  Last, a linear fit of
peak RSS over the two smallest scales, extrapolated to 100x, so that 1x and
10x runs give an estimate for 100x without running it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Point:
    """One scale's measurement."""

    scale: int
    files: int
    findings: int
    exit_code: int
    wall: float
    cpu: float
    rss_mib: float


def articles(corpus: Path) -> list[Path]:
    """The corpus's article files (relative paths), in a stable order."""
    return sorted(p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def replicate(corpus: Path, files: list[Path], dest: Path, replicas: int) -> list[Path]:
    """``replicas`` copies of ``files`` under ``dest/r000``, ``dest/r001``...; the replica folders, in order.

    A replica folder that is already complete (from an earlier run with
    ``--keep`` and ``--workdir``) is reused.
    """
    folders = []
    for k in range(replicas):
        folder = dest / f"r{k:03d}"
        folders.append(folder)
        done = folder / ".complete"
        if done.exists():
            continue
        for rel in files:
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.unlink()
            try:
                os.link(corpus / rel, target)
            except OSError:  # another file system, or links not allowed: a copy holds the same bytes
                shutil.copyfile(corpus / rel, target)
        done.write_text("")
    return folders


def measure(cmd: list[str], out: Path) -> tuple[int, float, float, float]:
    """One process to its end: exit code, wall clock, CPU of it and its children, peak RSS in MiB."""
    start = time.perf_counter()
    with out.open("wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    wall = time.perf_counter() - start
    return proc.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_scale(factcheck: str, folders: list[Path], scale: int, n_files: int, jobs: int | None, work: Path) -> Point:
    """A cold scan of the first ``scale`` replica folders, in a fresh process."""
    out = work / f"scan-{scale}x.json"
    cmd = [factcheck, "scan", *map(str, folders[:scale]), "--no-cache", "--format", "json"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    code, wall, cpu, rss = measure(cmd, out)
    findings = -1
    if code in (0, 1):
        try:
            findings = len(json.loads(out.read_text(encoding="utf-8"))["findings"])
        except (ValueError, KeyError, TypeError):
            findings = -1
    return Point(scale, n_files * scale, findings, code, wall, cpu, rss)


def report(points: list[Point]) -> None:
    """The curve, ratios to the smallest scale, and the 100x memory estimate from the two smallest."""
    base = points[0]
    print(f"{'scale':>6} {'files':>7} {'findings':>9} {'wall s':>9} {'CPU s':>9} {'peak RSS MiB':>13} "
          f"{'wall/1x':>8} {'CPU/1x':>8} {'exit':>5}")
    for p in points:
        print(f"{p.scale:>5}x {p.files:>7} {p.findings:>9} {p.wall:>9.1f} {p.cpu:>9.1f} {p.rss_mib:>13.1f} "
              f"{p.wall / base.wall:>8.2f} {p.cpu / base.cpu:>8.2f} {p.exit_code:>5}")
    if len(points) >= 2:
        a, b = points[0], points[1]
        per = (b.rss_mib - a.rss_mib) / (b.scale - a.scale)
        fixed = a.rss_mib - per * a.scale
        print(f"peak RSS grows {per:.1f} MiB per 1x replica (fixed part {fixed:.0f} MiB); "
              f"linear estimate at 100x: {fixed + per * 100:.0f} MiB")
        cpu_per = (b.cpu - a.cpu) / (b.scale - a.scale)
        print(f"CPU grows {cpu_per:.1f} s per 1x replica; linear estimate at 100x: "
              f"{a.cpu + cpu_per * (100 - a.scale):.0f} s CPU")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--scales", default="1,10,100", help="comma-separated replica counts (default 1,10,100)")
    ap.add_argument("--jobs", type=int, default=None, help="factcheck --jobs (default: factcheck's own choice)")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="where to generate the replicas (default: a temporary directory, removed afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the work directory (to rerun without regenerating)")
    args = ap.parse_args()
    try:
        scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    except ValueError:
        print(f"--scales: expected comma-separated integers, got {args.scales!r}", file=sys.stderr)
        return 2
    if not scales or scales[0] < 1:
        print("--scales: give at least one scale, each >= 1", file=sys.stderr)
        return 2
    files = articles(args.corpus)
    if not files:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    bindir = Path(sys.executable).parent
    factcheck = shutil.which("factcheck", path=str(bindir)) or "factcheck"
    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        folders = replicate(args.corpus.resolve(), files, work / "corpus", scales[-1])
        print(f"{len(files)} articles under {args.corpus}, replicated up to {scales[-1]}x in {work}")
        points = []
        for s in scales:
            points.append(run_scale(factcheck, folders, s, len(files), args.jobs, work))
            p = points[-1]
            print(f"  {s}x: {p.files} files, wall {p.wall:.1f} s, CPU {p.cpu:.1f} s, peak RSS {p.rss_mib:.0f} MiB",
                  flush=True)
        report(points)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if all(p.exit_code in (0, 1) for p in points) else 1


if __name__ == "__main__":
    raise SystemExit(main())
