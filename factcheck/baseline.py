"""Baselines: accept today's findings so that CI fails only on new ones.

A team adopting factcheck on an archive of thousands of articles cannot fix
every finding first.  ``factcheck baseline create`` records what exists;
``factcheck scan --baseline FILE`` then marks each finding ``unchanged`` (in
the baseline) or ``new``, and only new ones fail the build.

Identity, not position.  An entry stores what the finding *is*: rule id,
path, the whitespace-folded excerpt and, for corpus findings, the path and
excerpt of each related location.  Its fingerprint is computed from those
fields with :func:`factcheck.findings.fingerprint`, the same function that
fingerprints findings, so lines inserted above, paragraphs reordered or text
re-wrapped leave it matching, while the file stays readable and editable by
hand (a renamed article can be fixed with a search-and-replace of its path).
Line numbers are deliberately absent: they would change on every edit and
make every baseline diff noisy.

Multiset, not set.  Entries carry a ``count``; a second copy of an accepted
finding in the same file is new, because accepting one misspelling is not
accepting all future ones.

The file is deterministic JSON (sorted entries, sorted keys, two-space
indent, one trailing newline) with a ``version``, so it diffs well in review
and the same findings always give the same bytes.  A missing, unreadable or
malformed baseline is a :class:`FactcheckError` (exit 2): silently ignoring
it would make every accepted finding "new", or worse, let CI pass on nothing.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.documents import display_path
from factcheck.errors import FactcheckError
from factcheck.findings import Finding, Location, fingerprint, normalise_excerpt, sort_findings

#: Bumped on any change to the file format that older versions cannot read.
BASELINE_VERSION = 1
DEFAULT_BASELINE = Path(".factcheck-baseline.json")

_ENTRY_KEYS = {"rule", "path", "excerpt", "related", "count", "reason", "message"}
_TOP_KEYS = {"version", "paths", "findings"}


@dataclass(frozen=True)
class Entry:
    """One accepted finding (``count`` copies of it)."""

    rule: str
    path: str
    excerpt: str  # normalised
    related: tuple[tuple[str, str], ...] = ()  # sorted (path, normalised excerpt)
    count: int = 1
    reason: str = ""  # why it was accepted: written by people, kept by `baseline update`
    message: str = ""  # informational only; not part of the identity

    @property
    def fingerprint(self) -> str:
        loc = Location(self.path, 0, 0, 0, 0, self.excerpt)
        rel = tuple(Location(p, 0, 0, 0, 0, e) for p, e in self.related)
        return fingerprint(Finding(rule=self.rule, severity="info", message="", location=loc, related=rel))

    @property
    def sort_key(self) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
        return (self.path, self.rule, self.excerpt, self.related)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"rule": self.rule, "path": self.path, "excerpt": self.excerpt,
                             "count": self.count, "reason": self.reason, "message": self.message}
        if self.related:
            d["related"] = [{"path": p, "excerpt": e} for p, e in self.related]
        return d

    def describe(self) -> str:
        return f"{self.path} [{self.rule}] {self.excerpt!r}" + (f" (x{self.count})" if self.count > 1 else "")


def identity(f: Finding) -> str:
    """The baseline key of a finding: recomputed, so it always agrees with :attr:`Entry.fingerprint`."""
    return fingerprint(f)


def entry_of(f: Finding, count: int = 1, reason: str = "") -> Entry:
    related = tuple(sorted((r.path, normalise_excerpt(r.excerpt)) for r in f.related))
    return Entry(f.rule, f.path, normalise_excerpt(f.location.excerpt), related, count, reason, f.message)


@dataclass(frozen=True)
class Baseline:
    """The accepted findings, and the paths that were scanned to make them."""

    entries: tuple[Entry, ...] = ()
    paths: tuple[str, ...] = ()

    def counts(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for e in self.entries:
            out[e.fingerprint] += e.count
        return out

    @property
    def total(self) -> int:
        return sum(e.count for e in self.entries)

    def to_json(self) -> str:
        payload = {"version": BASELINE_VERSION, "paths": list(self.paths),
                   "findings": [e.to_json() for e in sorted(self.entries, key=lambda e: e.sort_key)]}
        return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _merge(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """One entry per identity (hand edits can create duplicates): counts add up, reasons join."""
    by_fp: dict[str, Entry] = {}
    for e in entries:
        fp = e.fingerprint
        if fp in by_fp:
            old = by_fp[fp]
            reasons = [r for r in dict.fromkeys((old.reason, e.reason)) if r]
            by_fp[fp] = replace(old, count=old.count + e.count, reason="; ".join(reasons))
        else:
            by_fp[fp] = e
    return tuple(sorted(by_fp.values(), key=lambda e: e.sort_key))


def _accountable(findings: Iterable[Finding]) -> list[Finding]:
    """Findings a baseline records: suppressed ones are already accepted in the source."""
    return [f for f in findings if f.suppressed is None]


def create_baseline(findings: Iterable[Finding], paths: Sequence[str] = ()) -> Baseline:
    """A baseline accepting every unsuppressed finding, ``count`` per identity."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in sort_findings(_accountable(findings)):
        groups[identity(f)].append(f)
    return Baseline(_merge(entry_of(fs[0], len(fs)) for fs in groups.values()), tuple(paths))


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> list[Finding]:
    """Mark each finding ``unchanged`` (accepted) or ``new``, matching as a multiset.

    Within one identity the first copies in file order are the accepted ones,
    so which copy is "new" is deterministic.  Unsuppressed findings are
    matched first; suppressed ones only use what is left.
    """
    left = baseline.counts()
    state: dict[int, str] = {}
    order = sorted(range(len(findings)), key=lambda i: (findings[i].suppressed is not None, findings[i].sort_key))
    for i in order:
        key = identity(findings[i])
        if left[key] > 0:
            left[key] -= 1
            state[i] = "unchanged"
        else:
            state[i] = "new"
    return [replace(f, baseline_state=state[i]) for i, f in enumerate(findings)]


@dataclass
class Update:
    """What ``baseline update`` did (or, with ``--check``, would do)."""

    baseline: Baseline
    dropped: list[tuple[Entry, int]] = field(default_factory=list)  # entry, copies no longer found
    added: list[Entry] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.dropped or self.added)


def update_baseline(old: Baseline, findings: Iterable[Finding], scanned: Collection[str], *,
                    accept_new: bool = False, paths: Sequence[str] | None = None,
                    exists: Callable[[str], bool] = os.path.exists) -> Update:
    """Drop accepted findings that are gone; keep reasons; optionally accept new ones.

    An entry is judged only when its file was scanned (``scanned``: display
    paths of the documents this run reported).  An entry whose file no longer
    exists is dropped (deleted or renamed: a rename re-appears as new
    findings under the new path).  Entries of files that exist but were not
    scanned are kept untouched, so updating after scanning one folder does not
    forget the rest.
    """
    current: dict[str, list[Finding]] = defaultdict(list)
    for f in sort_findings(_accountable(findings)):
        current[identity(f)].append(f)
    kept: list[Entry] = []
    result = Update(old)
    seen: set[str] = set()
    for e in _merge(old.entries):
        fp = e.fingerprint
        seen.add(fp)
        if e.path in scanned:
            found = current.get(fp, [])
            n = min(e.count, len(found))
            if n < e.count:
                result.dropped.append((e, e.count - n))
            extra = len(found) - n if accept_new else 0
            if extra:
                result.added.append(replace(entry_of(found[0], extra), reason=e.reason))
            if n + extra:
                kept.append(replace(e, count=n + extra, message=found[0].message))
        elif not exists(e.path):
            result.dropped.append((e, e.count))
        else:
            kept.append(e)
    if accept_new:
        for fp, fs in current.items():
            if fp not in seen:
                entry = entry_of(fs[0], len(fs))
                result.added.append(entry)
                kept.append(entry)
    result.baseline = Baseline(_merge(kept), tuple(paths) if paths is not None else old.paths)
    return result


# --------------------------------------------------------------------------- file I/O


def _bad(shown: str, what: str) -> FactcheckError:
    return FactcheckError(f"not a valid factcheck baseline: {what}", path=shown)


def _str(value: Any, shown: str, where: str) -> str:
    if not isinstance(value, str):
        raise _bad(shown, f"{where} must be a string, not {type(value).__name__}")
    return value


def _entry(raw: Any, shown: str, i: int) -> Entry:
    where = f"findings[{i}]"
    if not isinstance(raw, dict):
        raise _bad(shown, f"{where} must be an object")
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise _bad(shown, f"{where}: unknown key {unknown[0]!r}; valid: {', '.join(sorted(_ENTRY_KEYS))}")
    for key in ("rule", "path", "excerpt"):
        if key not in raw:
            raise _bad(shown, f"{where}: missing key {key!r}")
    count = raw.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise _bad(shown, f"{where}.count must be a whole number >= 1")
    related_raw = raw.get("related", [])
    if not isinstance(related_raw, list):
        raise _bad(shown, f"{where}.related must be a list")
    related = []
    for j, r in enumerate(related_raw):
        if not isinstance(r, dict) or set(r) != {"path", "excerpt"}:
            raise _bad(shown, f"{where}.related[{j}] must be an object with path and excerpt")
        related.append((_str(r["path"], shown, f"{where}.related[{j}].path"),
                        normalise_excerpt(_str(r["excerpt"], shown, f"{where}.related[{j}].excerpt"))))
    return Entry(rule=_str(raw["rule"], shown, f"{where}.rule"), path=_str(raw["path"], shown, f"{where}.path"),
                 excerpt=normalise_excerpt(_str(raw["excerpt"], shown, f"{where}.excerpt")),
                 related=tuple(sorted(related)), count=count,
                 reason=_str(raw.get("reason", ""), shown, f"{where}.reason"),
                 message=_str(raw.get("message", ""), shown, f"{where}.message"))


def parse_baseline(text: str, shown: str) -> Baseline:
    """Validate and build a baseline from its JSON text; any problem is a FactcheckError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(shown, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise _bad(shown, "the top level must be an object with version and findings")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad(shown, "missing or non-integer 'version'")
    if version > BASELINE_VERSION:
        raise FactcheckError(f"baseline version {version} is newer than this factcheck reads "
                             f"({BASELINE_VERSION}); upgrade factcheck", path=shown)
    if version != BASELINE_VERSION:
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
    return Baseline(_merge(_entry(raw, shown, i) for i, raw in enumerate(raw_entries)), tuple(paths))


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file.  Missing, unreadable or malformed: FactcheckError, never ignored."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FactcheckError("baseline file not found (create it with `factcheck baseline create "
                             f"PATH... -o {shown}`)", path=shown) from exc
    except UnicodeDecodeError as exc:
        raise _bad(shown, "not UTF-8 text") from exc
    except OSError as exc:
        raise FactcheckError(f"cannot read baseline file ({exc.strerror or exc})", path=shown) from exc
    return parse_baseline(text, shown)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so readers never see half a file."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        if path.parent != Path(""):
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise FactcheckError(f"cannot write {display_path(path)}: {exc.strerror or exc}") from exc


def save_baseline(baseline: Baseline, path: Path) -> None:
    write_atomic(path, baseline.to_json())
