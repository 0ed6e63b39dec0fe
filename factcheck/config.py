"""Configuration: ``[tool.factcheck]`` in pyproject.toml or a ``factcheck.toml``, plus CLI flags.

The first of ``factcheck.toml`` / ``pyproject.toml`` (with a
``[tool.factcheck]`` table) found in the working directory or a parent is
used; ``--config`` names one explicitly.  Paths in a config file are relative
to that file.  Command-line flags extend (lists) or override (scalars) it.
Unknown keys are errors that name the file and list the valid keys.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.findings import SEVERITIES

KEYS = {
    "rules": "extra rule files or folders",
    "select": "rule ids or prefixes to run (default: all)",
    "ignore": "rule ids or prefixes to skip",
    "fail_on": "lowest severity that fails the run: error, warning or info",
    "exclude": "glob patterns of files to skip",
    "builtin_rules": "load the rule packs shipped with factcheck (default true)",
    "documents": "table of path glob -> publication date (YYYY-MM-DD)",
    "corpus": "extra paths whose documents corpus rules compare against (not reported)",
    "baseline": "path of a baseline file of accepted findings",
    "jobs": "worker processes for the per-document phase (0 = automatic)",
}


@dataclass(frozen=True)
class SelectorSource:
    """``select`` or ``ignore`` entries as one place gave them: the config file or a CLI flag.

    Config keeps the merged lists (what filters the rules); these records only
    remember where each entry was written, so that an unknown id is reported
    against the file and key or the flag the user has to fix.
    """

    key: str  # "select" | "ignore"
    patterns: tuple[str, ...]
    file: str | None = None  # the config file; None: the command line (``--select``/``--ignore``)


@dataclass(frozen=True)
class Config:
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    exclude: tuple[str, ...] = ()
    builtin_rules: bool = True
    documents: tuple[tuple[str, _dt.date], ...] = ()
    corpus: tuple[Path, ...] = ()
    baseline: Path | None = None
    jobs: int = 0
    source: str | None = None  # the config file used, for messages
    selector_sources: tuple[SelectorSource, ...] = ()  # where select/ignore entries came from, for messages

    def date_override(self, shown_path: str) -> _dt.date | None:
        """The configured publication date of a document, by the first matching glob."""
        for pattern, date in self.documents:
            if fnmatch.fnmatchcase(shown_path, pattern) or fnmatch.fnmatchcase(shown_path.rsplit("/", 1)[-1],
                                                                                pattern):
                return date
        return None

    def merged(self, **flags: Any) -> Config:
        """CLI flags on top: lists extend, scalars override, None means 'not given'."""
        changes: dict[str, Any] = {}
        for key, value in flags.items():
            if value is None:
                continue
            current = getattr(self, key)
            if isinstance(current, tuple):
                # One string is one item (not its characters); path lists hold Paths.
                items = (value,) if isinstance(value, (str, Path)) else tuple(value)
                if key in ("rules", "corpus"):
                    items = tuple(Path(v) for v in items)
                changes[key] = current + items
                if key in ("select", "ignore"):
                    sources = changes.get("selector_sources", self.selector_sources)
                    changes["selector_sources"] = (*sources, SelectorSource(key, items))
            elif key == "baseline":
                changes[key] = Path(value)
            else:
                changes[key] = value
        if "fail_on" in changes and changes["fail_on"] not in SEVERITIES:
            raise ConfigError(f"--fail-on must be one of {', '.join(SEVERITIES)}, not {changes['fail_on']!r}")
        return replace(self, **changes)


def project_root(config: Config, fallback: Path | None = None) -> Path:
    """The folder that paths in a baseline are relative to, whatever the working directory.

    The config file's folder when one is in use (it sits at the top of the
    project, like pyproject.toml), else the top of the git work tree around
    the working directory, else ``fallback`` (the baseline file's folder),
    else the working directory.  ``cd articles && factcheck scan .`` then
    reads the same baseline paths as a scan from the top.
    """
    if config.source:
        return Path(config.source).resolve().parent
    cwd = Path.cwd()
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return (fallback if fallback is not None else cwd).resolve()


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                if name == "factcheck.toml":
                    return candidate
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                    continue
                if "factcheck" in data.get("tool", {}):
                    return candidate
    return None


def _strings(value: Any, shown: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError("must be a string or a list of strings", path=shown, key=key)


def load_config(path: Path | None = None, cwd: Path | None = None) -> Config:
    """Read the config file (explicit ``path`` or discovered from ``cwd``)."""
    cwd = cwd or Path.cwd()
    if path is None:
        path = find_config(cwd)
        if path is None:
            return Config()
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("config file not found", path=shown) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file ({exc})", path=shown) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=shown) from exc
    table = data.get("tool", {}).get("factcheck") if path.name == "pyproject.toml" else \
        data.get("tool", {}).get("factcheck", data)
    if table is None:
        return Config(source=shown)
    if not isinstance(table, dict):
        raise ConfigError("[tool.factcheck] must be a table", path=shown)
    return parse_config_table(table, path.parent, shown)


def parse_config_table(table: dict[str, Any], base: Path, shown: str) -> Config:
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"unknown key; valid: {', '.join(sorted(KEYS))}", path=shown, key=key)
    kw: dict[str, Any] = {"source": shown}
    for key in ("rules", "corpus"):
        if key in table:
            kw[key] = tuple(base / p for p in _strings(table[key], shown, key))
    for key in ("select", "ignore", "exclude"):
        if key in table:
            kw[key] = _strings(table[key], shown, key)
    kw["selector_sources"] = tuple(SelectorSource(key, kw[key], shown) for key in ("select", "ignore") if key in kw)
    if "fail_on" in table:
        if table["fail_on"] not in SEVERITIES:
            raise ConfigError(f"must be one of {', '.join(SEVERITIES)}", path=shown, key="fail_on")
        kw["fail_on"] = table["fail_on"]
    if "builtin_rules" in table:
        if not isinstance(table["builtin_rules"], bool):
            raise ConfigError("must be true or false", path=shown, key="builtin_rules")
        kw["builtin_rules"] = table["builtin_rules"]
    if "baseline" in table:
        if not isinstance(table["baseline"], str):
            raise ConfigError("must be a path string", path=shown, key="baseline")
        kw["baseline"] = base / table["baseline"]
    if "jobs" in table:
        if not isinstance(table["jobs"], int) or isinstance(table["jobs"], bool) or table["jobs"] < 0:
            raise ConfigError("must be a whole number >= 0", path=shown, key="jobs")
        kw["jobs"] = table["jobs"]
    if "documents" in table:
        docs = table["documents"]
        if not isinstance(docs, dict):
            raise ConfigError("must be a table of glob = date", path=shown, key="documents")
        pairs: list[tuple[str, _dt.date]] = []
        for glob, value in docs.items():
            if isinstance(value, _dt.datetime):
                value = value.date()
            elif isinstance(value, str):
                try:
                    value = _dt.date.fromisoformat(value)
                except ValueError:
                    value = None
            if not isinstance(value, _dt.date):
                raise ConfigError("must be a date (YYYY-MM-DD)", path=shown, key=f"documents.{glob}")
            pairs.append((glob, value))
        kw["documents"] = tuple(pairs)
    return Config(**kw)


def severity_at_least(severity: str, threshold: str) -> bool:
    order = {"info": 0, "warning": 1, "error": 2}
    return order[severity] >= order[threshold]


def as_paths(values: Sequence[str] | None) -> tuple[Path, ...] | None:
    return None if values is None else tuple(Path(v) for v in values)
