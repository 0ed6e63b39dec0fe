"""Baselines: accept today's findings so that CI fails only on new ones.

A team adopting factcheck on an archive of thousands of articles cannot fix
every finding first.  ``factcheck baseline create`` records what exists;
``factcheck scan --baseline FILE`` then marks each finding ``unchanged`` (in
the baseline) or ``new``, and only new ones fail the build.

Identity is what a person would call "the same finding": the rule id, the
path, the whitespace-folded excerpt and its context (a few words either side,
see :func:`factcheck.findings.context_of`).  Not line numbers, which change on
every edit above; not the related locations of corpus findings, which change
whenever an article that agrees or disagrees is added -- a correct new
article must never resurrect an accepted finding in an untouched one.

Matching is in two passes.  A finding first claims an entry with the same
context; what is left is matched on rule, path and excerpt alone.  So a
sentence edited around an accepted misspelling still matches (second pass),
while a second copy of the misspelling in another sentence is the new one,
wherever in the file it was inserted (first pass).  Entries of version-1
files, which had no context, match through the second pass, and the next
``baseline update`` writes them back with their context.

Multiset, not set.  Entries carry a ``count``; a second copy of an accepted
finding is new, because accepting one misspelling is not accepting all future
ones.

Paths are relative to the project root (:func:`factcheck.config.project_root`:
the config file's folder, else the git work tree's top, else the folder the
baseline is in), not to the working directory, so a scan from a sub-folder
gives the same answer as one from the top.

The file is deterministic JSON (sorted entries, sorted keys, two-space
indent, one trailing newline) with a ``version``, so it diffs well in review
and the same findings always give the same bytes.  A missing, unreadable or
malformed baseline is a :class:`FactcheckError` (exit 2): silently ignoring
it would make every accepted finding "new", or worse, let CI pass on nothing.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.atomic import write_atomic
from factcheck.config import Config, project_root
from factcheck.documents import display_path
from factcheck.errors import FactcheckError
from factcheck.findings import Finding, Location, fingerprint, normalise_excerpt, sort_findings
from factcheck.safeio import MIB, has_nul, inside, read_small_text

#: Bumped on any change to the file format that older versions cannot read.
BASELINE_VERSION = 2
#: Versions this factcheck reads (version 1: identity included related locations; read, never written).
READABLE_VERSIONS = (1, 2)
DEFAULT_NAME = ".factcheck-baseline.json"
#: the largest baseline read (a baseline of 100,000 accepted findings is about 50 MiB)
MAX_BASELINE_BYTES = 256 * MIB

_ENTRY_KEYS = {"rule", "path", "excerpt", "context", "count", "reason", "message"}
_V1_ENTRY_KEYS = _ENTRY_KEYS | {"related"}
_TOP_KEYS = {"version", "paths", "findings"}

Loose = tuple[str, str, str]  # rule, root-relative path, normalised excerpt
Exact = tuple[str, str, str, str]  # ... and the context


@dataclass(frozen=True)
class Entry:
    """One accepted finding (``count`` copies of it); ``path`` is relative to the project root."""

    rule: str
    path: str
    excerpt: str  # normalised
    context: str = ""  # normalised; "" for entries read from a version-1 file
    count: int = 1
    reason: str = ""  # why it was accepted: written by people, kept by `baseline update`
    message: str = ""  # informational only; not part of the identity

    @property
    def loose(self) -> Loose:
        return (self.rule, self.path, self.excerpt)

    @property
    def exact(self) -> Exact:
        return (self.rule, self.path, self.excerpt, self.context)

    @property
    def fingerprint(self) -> str:
        """The fingerprint a finding with these fields gets (SARIF reports absent entries with it)."""
        loc = Location(self.path, 0, 0, 0, 0, self.excerpt)
        return fingerprint(Finding(rule=self.rule, severity="info", message="", location=loc, context=self.context))

    @property
    def sort_key(self) -> tuple[str, str, str, str]:
        return (self.path, self.rule, self.excerpt, self.context)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "path": self.path, "excerpt": self.excerpt, "context": self.context,
                "count": self.count, "reason": self.reason, "message": self.message}

    def describe(self) -> str:
        return f"{self.path} [{self.rule}] {self.excerpt!r}" + (f" (x{self.count})" if self.count > 1 else "")


class PathMap:
    """Display paths (relative to the working directory) <-> paths relative to the project root."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(os.path.abspath(root if root is not None else Path.cwd()))

    def to_root(self, shown: str) -> str:
        rel = os.path.relpath(os.path.abspath(shown), self.root)
        return Path(rel).as_posix()

    def from_root(self, path: str) -> Path:
        return self.root / path

    def contains(self, path: str) -> bool:
        """Does a root-relative path from a baseline stay inside the root (no ``..``, absolute
        path or symlink leading out)?  Baselines arrive in pull requests like any file."""
        return inside(self.root / path, (self.root,))


def project_paths(config: Config, baseline_file: Path | None = None) -> PathMap:
    """The path map of a project's baseline: see :func:`factcheck.config.project_root`."""
    return PathMap(project_root(config, baseline_file.parent if baseline_file is not None else None))


def default_baseline(config: Config) -> Path:
    """Where the baseline is when nothing names it: ``.factcheck-baseline.json`` at the project root."""
    return project_root(config) / DEFAULT_NAME


def missing_files(baseline: Baseline, pm: PathMap) -> list[str]:
    """Paths of accepted findings whose file does not exist under the project root.

    The usual cause is a baseline written with paths relative to another
    folder; the scan says so instead of silently counting every finding new.
    """
    return sorted(p for p in {e.path for e in baseline.entries} if not (pm.contains(p) and pm.from_root(p).exists()))


def stored_scan_paths(baseline: Baseline, pm: PathMap) -> tuple[list[str], list[str]]:
    """The baseline's ``paths`` to rescan (display paths), and those refused for leaving the project root.

    ``baseline update`` without arguments rescans these; a baseline edited
    to list ``../../..`` or ``/home`` must not make CI read outside the
    repository, so such paths are dropped (the caller warns).
    """
    kept = [display_path(pm.from_root(p)) for p in baseline.paths if pm.contains(p)]
    return kept, [p for p in baseline.paths if not pm.contains(p)]


def entry_of(f: Finding, paths: PathMap | None = None, count: int = 1, reason: str = "") -> Entry:
    path = (paths or PathMap()).to_root(f.path)
    return Entry(f.rule, path, normalise_excerpt(f.location.excerpt), f.context, count, reason, f.message)


@dataclass(frozen=True)
class Baseline:
    """The accepted findings, and the paths (relative to the project root) scanned to make them."""

    entries: tuple[Entry, ...] = ()
    paths: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(e.count for e in self.entries)

    def to_json(self) -> str:
        payload = {"version": BASELINE_VERSION, "paths": list(self.paths),
                   "findings": [e.to_json() for e in sorted(self.entries, key=lambda e: e.sort_key)]}
        return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _merge(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """One entry per identity (hand edits can create duplicates): counts add up, reasons join."""
    by_key: dict[Exact, Entry] = {}
    for e in entries:
        if e.exact in by_key:
            old = by_key[e.exact]
            reasons = [r for r in dict.fromkeys((old.reason, e.reason)) if r]
            by_key[e.exact] = replace(old, count=old.count + e.count, reason="; ".join(reasons))
        else:
            by_key[e.exact] = e
    return tuple(sorted(by_key.values(), key=lambda e: e.sort_key))


def _accountable(findings: Iterable[Finding]) -> list[Finding]:
    """Findings a baseline records: suppressed ones are already accepted in the source."""
    return [f for f in findings if f.suppressed is None]


def create_baseline(findings: Iterable[Finding], paths: Sequence[str] = (),
                    path_map: PathMap | None = None) -> Baseline:
    """A baseline accepting every unsuppressed finding, ``count`` per identity."""
    pm = path_map or PathMap()
    return Baseline(_merge(entry_of(f, pm) for f in sort_findings(_accountable(findings))), tuple(paths))


def _match(entries: Sequence[Entry], findings: Sequence[Finding], pm: PathMap) -> list[int | None]:
    """For each finding, the index of the entry whose copy it is, or None (a new finding).

    Unsuppressed findings are matched first, each identity's in file order (so
    which copy is "new" is deterministic); suppressed ones only use what is
    left.  First pass: same context; second pass: same rule, path and excerpt.
    """
    left = [e.count for e in entries]
    exact: dict[Exact, list[int]] = defaultdict(list)
    loose: dict[Loose, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        exact[e.exact].append(i)
        loose[e.loose].append(i)
    keys = [(f.rule, pm.to_root(f.path), normalise_excerpt(f.location.excerpt)) for f in findings]
    order = sorted(range(len(findings)), key=lambda i: (findings[i].suppressed is not None, findings[i].sort_key))
    owner: list[int | None] = [None] * len(findings)
    for use_context in (True, False):
        for i in order:
            if owner[i] is not None:
                continue
            candidates = exact.get((*keys[i], findings[i].context), []) if use_context else loose.get(keys[i], [])
            for j in candidates:
                if left[j] > 0:
                    left[j] -= 1
                    owner[i] = j
                    break
    return owner


def apply_baseline(findings: Sequence[Finding], baseline: Baseline, path_map: PathMap | None = None) -> list[Finding]:
    """Mark each finding ``unchanged`` (a copy of an accepted one) or ``new``."""
    owner = _match(baseline.entries, findings, path_map or PathMap())
    return [replace(f, baseline_state="new" if o is None else "unchanged")
            for f, o in zip(findings, owner, strict=True)]


@dataclass
class Update:
    """What ``baseline update`` did (or, with ``--check``, would do)."""

    baseline: Baseline
    dropped: list[tuple[Entry, int]] = field(default_factory=list)  # entry, copies no longer found
    added: list[Entry] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Accepted findings gone or new ones accepted; a refreshed context alone is no change."""
        return bool(self.dropped or self.added)


def update_baseline(old: Baseline, findings: Iterable[Finding], scanned: Collection[str], *,
                    accept_new: bool = False, paths: Sequence[str] | None = None,
                    path_map: PathMap | None = None,
                    exists: Callable[[str], bool] | None = None) -> Update:
    """Drop accepted findings that are gone; keep every reason; optionally accept new ones.

    An entry is judged only when its file was scanned (``scanned``: display
    paths of the documents this run reported).  An entry whose file no longer
    exists is dropped (deleted or renamed: a rename re-appears as new
    findings under the new path).  Entries of files that exist but were not
    scanned are kept untouched, so updating after scanning one folder does not
    forget the rest.  An entry still found is rewritten with the context and
    message of the copies that matched it, its reason kept.
    """
    pm = path_map or PathMap()
    exists = exists or (lambda p: pm.contains(p) and pm.from_root(p).exists())
    scanned_root = {pm.to_root(p) for p in scanned}
    entries = _merge(old.entries)
    current = sort_findings(_accountable(findings))
    owner = _match(entries, current, pm)
    matched: dict[int, list[Finding]] = defaultdict(list)
    for f, o in zip(current, owner, strict=True):
        if o is not None:
            matched[o].append(f)
    result = Update(old)
    kept: list[Entry] = []
    for j, e in enumerate(entries):
        if e.path in scanned_root:
            found = matched.get(j, [])
            if len(found) < e.count:
                result.dropped.append((e, e.count - len(found)))
            kept.extend(entry_of(f, pm, reason=e.reason) for f in found)
        elif not exists(e.path):
            result.dropped.append((e, e.count))
        else:
            kept.append(e)
    if accept_new:
        new = _merge(entry_of(f, pm) for f, o in zip(current, owner, strict=True) if o is None)
        result.added.extend(new)
        kept.extend(new)
    result.baseline = Baseline(_merge(kept), tuple(paths) if paths is not None else old.paths)
    return result


# --------------------------------------------------------------------------- file I/O


def _bad(shown: str, what: str) -> FactcheckError:
    return FactcheckError(f"not a valid factcheck baseline: {what}", path=shown)


def _str(value: Any, shown: str, where: str) -> str:
    if not isinstance(value, str):
        raise _bad(shown, f"{where} must be a string, not {type(value).__name__}")
    return value


def _path(value: Any, shown: str, where: str) -> str:
    path = _str(value, shown, where)
    if has_nul(path):
        raise _bad(shown, f"{where} must be a path, not {path!r} (a NUL character)")
    return path


def _entry(raw: Any, shown: str, i: int, version: int) -> Entry:
    where = f"findings[{i}]"
    if not isinstance(raw, dict):
        raise _bad(shown, f"{where} must be an object")
    valid = _ENTRY_KEYS if version >= 2 else _V1_ENTRY_KEYS
    unknown = sorted(set(raw) - valid)
    if unknown:
        raise _bad(shown, f"{where}: unknown key {unknown[0]!r}; valid: {', '.join(sorted(valid))}")
    for key in ("rule", "path", "excerpt"):
        if key not in raw:
            raise _bad(shown, f"{where}: missing key {key!r}")
    count = raw.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise _bad(shown, f"{where}.count must be a whole number >= 1")
    related = raw.get("related", [])  # version 1 only: read for validation, no longer part of the identity
    if not isinstance(related, list) or not all(isinstance(r, dict) for r in related):
        raise _bad(shown, f"{where}.related must be a list of objects")
    return Entry(rule=_str(raw["rule"], shown, f"{where}.rule"), path=_path(raw["path"], shown, f"{where}.path"),
                 excerpt=normalise_excerpt(_str(raw["excerpt"], shown, f"{where}.excerpt")),
                 context=normalise_excerpt(_str(raw.get("context", ""), shown, f"{where}.context")),
                 count=count,
                 reason=_str(raw.get("reason", ""), shown, f"{where}.reason"),
                 message=_str(raw.get("message", ""), shown, f"{where}.message"))


def parse_baseline(text: str, shown: str) -> Baseline:
    """Validate and build a baseline from its JSON text; any problem is a FactcheckError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(shown, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError:  # the decoder recurses into arrays and objects
        raise _bad(shown, "arrays or objects nested too deeply") from None
    except ValueError as exc:  # a number of thousands of digits (int() refuses those)
        raise _bad(shown, f"a value JSON cannot hold here ({exc})") from exc
    if not isinstance(data, dict):
        raise _bad(shown, "the top level must be an object with version and findings")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad(shown, "missing or non-integer 'version'")
    if version > BASELINE_VERSION:
        raise FactcheckError(f"baseline version {version} is newer than this factcheck reads "
                             f"({BASELINE_VERSION}); upgrade factcheck", path=shown)
    if version not in READABLE_VERSIONS:
        raise _bad(shown, f"unsupported version {version}")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _bad(shown, f"unknown key {unknown[0]!r}; valid: {', '.join(sorted(_TOP_KEYS))}")
    raw_entries = data.get("findings")
    if not isinstance(raw_entries, list):
        raise _bad(shown, "'findings' must be a list")
    paths = data.get("paths", [])
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise _bad(shown, "'paths' must be a list of strings")
    for i, p in enumerate(paths):
        _path(p, shown, f"paths[{i}]")
    return Baseline(_merge(_entry(raw, shown, i, version) for i, raw in enumerate(raw_entries)), tuple(paths))


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file.  Missing, unreadable or malformed: FactcheckError, never ignored."""
    shown = display_path(path)
    try:
        text = read_small_text(path, MAX_BASELINE_BYTES)
    except FileNotFoundError as exc:
        raise FactcheckError("baseline file not found (create it with `factcheck baseline create "
                             f"PATH... -o {shown}`)", path=shown) from exc
    except UnicodeDecodeError as exc:
        raise _bad(shown, "not UTF-8 text") from exc
    except OSError as exc:
        raise FactcheckError(f"cannot read baseline file ({exc.strerror or exc})", path=shown) from exc
    return parse_baseline(text, shown)


def save_baseline(baseline: Baseline, path: Path) -> None:
    write_atomic(path, baseline.to_json())


def apply_to_scan(findings: list[Finding], baseline: Baseline, baseline_file: Path, config: Config,
                  scanned: Collection[str], warnings: list[str]) -> tuple[list[Finding], list[tuple[Entry, int]]]:
    """A scan's findings marked against ``baseline``, and the accepted entries no longer found in
    the ``scanned`` documents (with how many copies of each are gone; paths as reports show them,
    from the working directory).  A baseline naming files that no longer exist under the project
    root adds a warning: deleted files, or a baseline written from another root."""
    pm = project_paths(config, baseline_file)
    findings = apply_baseline(findings, baseline, pm)
    absent = [(replace(e, path=display_path(pm.from_root(e.path))), n)
              for e, n in update_baseline(baseline, findings, scanned, path_map=pm, exists=lambda _p: True).dropped]
    gone = missing_files(baseline, pm)
    if gone:
        warnings.append(f"baseline {display_path(baseline_file)}: {len(gone)} file"
                        f"{'s' if len(gone) != 1 else ''} with accepted findings not found under "
                        f"{display_path(pm.root)} (paths in a baseline are relative to the project root), "
                        f"e.g. {gone[0]!r}; run `factcheck baseline update` if they were deleted")
    return findings, absent
