"""What the on-disk cache saves: a cold scan, a warm re-scan, and a re-scan after one article changed.

Usage::

    python bench/cache_speed.py CORPUS [--copies N] [--keep] [--no-verify]

The corpus is copied to a temporary folder first (``--copies N``: N copies
side by side, e.g. 10 for a 10x archive) and never edited in place.  Then,
each as a fresh ``factcheck scan --format json`` process with its own cache
folder:

1. **cold**: an empty cache;
2. **warm**: the same files again (every document and the corpus phase from the cache);
3. **one change**: one sentence appended to the first article.

For each run it prints wall and CPU seconds (the process and its workers),
the seconds the corpus phase took (stories and corpus rules, timed inside the
run), and the ratios warm/cold.  The JSON reports of the cold and warm runs
must be identical, and (unless ``--no-verify``) the one-change run must equal
a ``--no-cache`` scan of the changed corpus; otherwise the exit status is 1.
``--max-ratio R`` also fails (exit 1) when the one-change run's wall time is
more than R times the cold run's.

After a change, the stories are clustered again only where the change reaches
(:mod:`factcheck.stories.incremental`; the ``stories`` part includes reading and
writing the clustering's saved state) and the rules that weigh the whole corpus
(``names/*``, ``spelling/variants``) run again whole; the story-local ones only
on the changed article's story.  The CPU seconds of
each part of the corpus phase are printed for the cold and one-change runs:
the whole-corpus parts are the floor of the one-change ratio.

Measured (busy 2-core machine, CPU ratio to cold, no change / one change):
1x ECB+ 0.16 / 0.31 before the collector was paused and hits decoded compact,
0.14 / 0.24 after; 10x 0.13 / 0.24 before, 0.12 / 0.22 after.  With the whole-corpus rules'
words taken in the map step, a hit's claims read on use and the extractors registered on first
use: 1x 0.08-0.10 / 0.17-0.21 (one change 2.5-2.6 s CPU, was 4.0), 10x 0.075 / 0.16 (17.2 s, was
26.9; under load).  With incremental story clustering and ``names/style`` memoised per name (one
session, shared machine, before -> after): 1x 0.087 / 0.175 -> 0.078 / 0.163 (one change 2.16 ->
1.79 s CPU), 10x 0.081 / 0.140 -> 0.071 / 0.095 (9.46 -> 7.27 s).  With the story evidence and word
statistics read only when the corpus phase runs and no vector weights in the clustering state (one
session, shared machine, main -> branch, CPU s): no change 1x 0.84-0.91 -> 0.67-0.69, 10x 6.19 ->
2.34-2.49; one change 1x 1.57-1.78 -> 1.56-1.64, 10x 7.96 -> 5.31-5.37.  The corpus phase's total now
includes reading the cached evidence (it was part of the lookups before); no part of it does.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: Runs the CLI, timing the engine's corpus phase from inside, and in it the stories and each corpus
#: rule (printed last on stderr).
DRIVER = """
import atexit, sys, time
import factcheck.engine as engine
import factcheck.corpus_phase as corpus_phase
spent = {"CORPUS-PHASE": 0.0}
def timing(name, real):
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - started
    return timed
engine._corpus_phase = timing("CORPUS-PHASE", engine._corpus_phase)
engine.stories_of = timing("PART stories", engine.stories_of)
def run_rules(rules, view):
    out = []
    for rule in rules:
        out.extend(timing("PART " + rule.id, lambda: list(rule.impl.check_corpus(view)))())
    return out
corpus_phase.run_rules = engine.run_rules = run_rules
atexit.register(lambda: sys.stderr.write("".join(f"{k} {v:.3f}\\n" for k, v in spent.items())))
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""

CHANGE = "\nOfficials said 42 people attended the briefing on Tuesday.\n"


@dataclass(frozen=True)
class Run:
    name: str
    wall: float
    cpu: float
    corpus_phase: float
    output: str
    #: CPU seconds of the stories and of each corpus rule in the corpus phase
    parts: dict[str, float]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_scan(name: str, cwd: Path, *args: str) -> Run:
    """One ``factcheck scan corpus --format json`` process; its wall and CPU time and its report."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}
    cpu0, wall0 = _children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", DRIVER, "scan", "corpus", "--format", "json", "-q", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - wall0, _children_cpu() - cpu0
    if done.returncode not in (0, 1):
        sys.exit(f"{name}: factcheck exited {done.returncode}: {done.stderr.strip()[-500:]}")
    phase = [line for line in done.stderr.splitlines() if line.startswith("CORPUS-PHASE ")]
    parts = {line.split()[1]: float(line.split()[2]) for line in done.stderr.splitlines()
             if line.startswith("PART ")}
    return Run(name, wall, cpu, float(phase[-1].split()[1]) if phase else 0.0, done.stdout, parts)


def copy_corpus(source: Path, target: Path, copies: int) -> int:
    """``copies`` copies of ``source`` under ``target``; the number of files."""
    if copies == 1:
        shutil.copytree(source, target)
    else:
        for k in range(copies):
            shutil.copytree(source, target / f"copy-{k:03d}")
    return sum(1 for p in target.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--copies", type=int, default=1, help="copies of the corpus side by side (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip the --no-cache scan that checks the one-change report")
    parser.add_argument("--max-ratio", type=float, default=None,
                        help="exit 1 when one change costs more than this fraction of a cold scan")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or args.copies < 1:
        parser.error("CORPUS must be a folder and --copies at least 1")
    work = Path(tempfile.mkdtemp(prefix="factcheck-cache-bench-"))
    try:
        files = copy_corpus(args.corpus, work / "corpus", args.copies)
        cache = ("--cache-dir", str(work / "cache"))
        cold = run_scan("cold", work, *cache)
        warm = run_scan("warm", work, *cache)
        first = min(p for p in (work / "corpus").rglob("*") if p.is_file())
        with open(first, "a", encoding="utf-8") as fh:
            fh.write(CHANGE)
        changed = run_scan("one change", work, *cache)
        plain = None if args.no_verify else run_scan("no cache", work, "--no-cache")
        print(f"corpus: {args.corpus} x{args.copies} = {files} files (copied to {work})")
        print(f"{'run':<12} {'wall s':>8} {'cpu s':>8} {'corpus phase s':>15} {'wall/cold':>10} {'cpu/cold':>9}")
        for run in (cold, warm, changed, *([plain] if plain else [])):
            print(f"{run.name:<12} {run.wall:8.2f} {run.cpu:8.2f} {run.corpus_phase:15.2f} "
                  f"{run.wall / cold.wall:10.3f} {run.cpu / cold.cpu:9.3f}")
        print(f"corpus phase: {cold.corpus_phase / cold.wall:.0%} of the cold scan's wall time; "
              f"{changed.corpus_phase / changed.wall:.0%} of the one-change re-scan's")
        print("corpus phase, CPU s by part (cold / one change):")
        for part in sorted(cold.parts, key=lambda k: -cold.parts[k]):
            print(f"  {part:<22} {cold.parts[part]:7.2f} {changed.parts.get(part, 0.0):7.2f}")
        ok = True
        if warm.output != cold.output:
            print("FAIL: the warm report differs from the cold one")
            ok = False
        if plain is not None and plain.output != changed.output:
            print("FAIL: the one-change report differs from a --no-cache scan")
            ok = False
        if args.max_ratio is not None and changed.wall / cold.wall > args.max_ratio:
            print(f"FAIL: one change costs {changed.wall / cold.wall:.3f} of a cold scan (> {args.max_ratio})")
            ok = False
        return 0 if ok else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
