"""Applying fixes: ``factcheck scan --fix`` / ``--diff`` / ``--unsafe-fixes``.

Why this shape (ruff's): fixes are applied to the bytes of each file, so
everything outside an edit -- encoding, BOM, line ends -- is kept exactly.
Fixes in one file are applied in source order, skipping any that overlaps
one already applied; the files are then scanned again and the loop repeats
until no fix applies (at most :data:`MAX_PASSES` times), so overlapping
fixes are resolved deterministically and what is reported at the end is what
really remains.

Only files the scan itself reported on are written (never a ``corpus``
extra, never a symbolic link), each atomically with its permissions kept
(:func:`factcheck.atomic.write_atomic_bytes`).  A file that cannot be
written is one error line, and the run exits 2.
"""

from __future__ import annotations

import difflib
import itertools
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.atomic import write_atomic_bytes
from factcheck.documents import Document, decode, display_path
from factcheck.errors import FactcheckError
from factcheck.files import find_documents
from factcheck.findings import Finding
from factcheck.fixes import Fix
from factcheck.stored import DocumentChanged

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.scan_report import Report

#: how many fix-and-rescan rounds at most: overlapping fixes need a second round, a third is rare
MAX_PASSES = 10
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class FixMode:
    """What the user asked for: apply (``--fix``) or only show (``--diff``), and whether unsafe fixes count."""

    write: bool = True
    unsafe: bool = False


@dataclass
class FileChange:
    """One file's content before the first fix and after the last."""

    path: Path
    shown: str
    before: bytes
    after: bytes
    fixes: int = 0

    def diff(self) -> str:
        """A unified diff with ``a/`` and ``b/`` paths, as ``git diff`` and ``patch -p1`` expect."""
        old = self.before.removeprefix(_BOM).decode("utf-8").splitlines(keepends=True)
        new = self.after.removeprefix(_BOM).decode("utf-8").splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{self.shown.lstrip('/')}", f"b/{self.shown.lstrip('/')}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in lines)


@dataclass
class FixOutcome:
    """The final report (what remains), the changes made or proposed, and per-file problems."""

    report: Report
    changes: list[FileChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: fixes left unapplied because they are unsafe (``--unsafe-fixes`` would apply them)
    unsafe_left: int = 0

    @property
    def applied(self) -> int:
        return sum(c.fixes for c in self.changes)


def wanted(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """Findings whose fix this run applies: shown (not suppressed, not accepted), safe unless ``unsafe``."""
    return [f for f in findings if f.fix is not None and f.suppressed is None and f.baseline_state != "unchanged"
            and (f.fix.safe or unsafe) and len({e.path for e in f.fix.edits}) == 1]


def apply_fixes(source: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """``source`` with the non-overlapping ``fixes`` applied in source order, and how many were.

    Ordered by (start, end, text), so the result does not depend on the order
    the rules produced them; a fix overlapping one already taken waits for
    the next round.  Identical fixes (two rules, one swap) count once.
    """
    ordered = sorted(set(fixes), key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits),
                                                 [(e.start, e.end, e.new_text) for e in f.edits]))
    taken: list[tuple[int, int, str]] = []
    last_end = -1
    count = 0
    for fix in ordered:
        edits = sorted((e.start, e.end, e.new_text) for e in fix.edits)
        if edits[0][0] < last_end or any(a[1] > b[0] for a, b in itertools.pairwise(edits)):
            continue
        if any(e[1] > len(source) for e in edits):
            continue
        taken.extend(edits)
        last_end = edits[-1][1]
        count += 1
    out: list[str] = []
    pos = 0
    for start, end, text in taken:
        out.append(source[pos:start])
        out.append(text)
        pos = end
    out.append(source[pos:])
    return "".join(out), count


def _changed(doc: Document, source: str) -> bool:
    """Whether the file's ``source`` now is not what the scan analysed (a scanned document's text is
    read back from its file, checked against the digest of the bytes analysed: see factcheck.stored)."""
    try:
        return source != doc.source
    except DocumentChanged:
        return True


def _one_pass(report: Report, files: dict[str, Path], mode: FixMode, changes: dict[str, FileChange],
              errors: dict[str, str], warnings: list[str]) -> int:
    """Apply one round of fixes; returns how many were applied."""
    by_path: dict[str, list[Fix]] = defaultdict(list)
    for f in wanted(report.findings, mode.unsafe):
        assert f.fix is not None
        by_path[f.fix.edits[0].path].append(f.fix)
    docs = {d.path: d for d in report.documents}
    reported = set(report.reported_paths if report.reported_paths is not None else docs)
    total = 0
    for shown_path in sorted(by_path):
        path = files.get(shown_path)
        doc = docs.get(shown_path)
        if path is None or doc is None or shown_path not in reported or shown_path in errors:
            continue  # never a file outside the scanned paths
        if path.is_symlink():
            warnings.append(f"{shown_path}: is a symbolic link; not fixed")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors[shown_path] = f"cannot fix {shown_path}: {exc.strerror or exc}"
            continue
        source, bad = decode(data, shown_path)
        if bad is not None:
            warnings.append(f"{shown_path}: not valid UTF-8; not fixed (its bytes are kept as they are)")
            continue
        if _changed(doc, source):
            warnings.append(f"{shown_path}: changed during the scan; not fixed")
            continue
        new_source, count = apply_fixes(source, by_path[shown_path])
        if not count or new_source == source:
            continue
        new_data = (_BOM if data.startswith(_BOM) else b"") + new_source.encode("utf-8")
        if mode.write:
            if path.stat().st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
                # a file with no write bit is read-only on purpose, even for root
                errors[shown_path] = f"cannot fix {shown_path}: the file is not writable"
                continue
            try:
                write_atomic_bytes(path, new_data)
            except FactcheckError as exc:
                errors[shown_path] = f"cannot fix {shown_path}: {exc}"
                continue
        change = changes.get(shown_path)
        if change is None:
            changes[shown_path] = FileChange(path, shown_path, data, new_data, count)
        else:
            change.after, change.fixes = new_data, change.fixes + count
        total += count
    return total


def run_fixes(paths: Sequence[str | Path], config: Config, mode: FixMode,
              scan: Callable[[], Report]) -> FixOutcome:
    """Scan, apply fixes, rescan, until nothing more applies; ``mode.write`` false changes no file.

    Without writing, the rescan would see the old files, so ``--diff`` shows
    the first round: what ``--fix`` applies before it rescans.
    """
    files = {display_path(p): p for p in find_documents(paths, config.exclude, config.follow_symlinks).files}
    changes: dict[str, FileChange] = {}
    errors: dict[str, str] = {}
    warnings: list[str] = []
    report = scan()
    for _ in range(MAX_PASSES):
        applied = _one_pass(report, files, mode, changes, errors, warnings)
        if not applied or not mode.write:
            break
        report = scan()
    unsafe_left = 0 if mode.unsafe else sum(1 for f in wanted(report.findings, True) if f.fix and not f.fix.safe)
    return FixOutcome(report, [changes[k] for k in sorted(changes)], [errors[k] for k in sorted(errors)],
                      sorted(set(warnings)), unsafe_left)
