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
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.documents import display_path
from factcheck.errors import ConfigError, FactcheckError, did_you_mean
from factcheck.findings import SEVERITIES
from factcheck.safeio import MIB, has_nul, inside, read_small_text

#: the largest config file read (pyproject.toml files are a few KiB)
MAX_CONFIG_BYTES = 1 * MIB

KEYS = {
    "rules": "extra rule files or folders, or a table of paths and per-rule settings",
    "select": "rule ids or prefixes to run (default: all)",
    "ignore": "rule ids or prefixes to skip",
    "extend_select": "rule ids or prefixes added to a narrowed select (never narrows by itself)",
    "extend_ignore": "rule ids or prefixes added to ignore",
    "per_file_ignores": "table of path glob -> rule ids or prefixes whose findings are dropped there",
    "fail_on": "lowest severity that fails the run: error, warning or info",
    "exclude": "glob patterns of files to skip",
    "builtin_rules": "load the rule packs shipped with factcheck (default true)",
    "documents": "table of path glob -> publication date (YYYY-MM-DD)",
    "stories": "table of path glob -> story label (pins documents to one story)",
    "corpus": "extra paths whose documents corpus rules compare against (not reported)",
    "baseline": "path of a baseline file of accepted findings",
    "jobs": "worker processes for the per-document phase (0 = automatic)",
    "max_size": "largest document read, in bytes or with a unit (\"10MB\"); larger ones are skipped; 0 = no limit",
    "follow_symlinks": "follow symbolic links that leave the scanned folder (default false)",
    "document_timeout": "seconds one document may take to analyse before it is skipped (0 = no limit)",
    "cache_dir": "folder of the on-disk cache of `factcheck scan` (default .factcheck_cache)",
}
#: Default of ``document_timeout``: far beyond any article (a few milliseconds each),
#: short enough that a document no extractor was made linear for cannot stall CI.
DOCUMENT_TIMEOUT = 30.0
#: the spellings ruff users type, accepted for the keys they know from ruff.
ALIASES = {"extend-select": "extend_select", "extend-ignore": "extend_ignore", "per-file-ignores": "per_file_ignores",
           "cache-dir": "cache_dir"}


def rule_matches(rule_id: str, patterns: Sequence[str]) -> bool:
    """A rule id matches an id or a prefix (``names`` or ``names/`` matches ``names/variant``)."""
    return any(rule_id == p or rule_id.startswith(p.rstrip("/") + "/") for p in patterns)


@dataclass(frozen=True)
class RuleOverride:
    """``[tool.factcheck.rules."id"]``: one rule's severity and options, changed without copying its YAML.

    Kept as data in :class:`Config` (not applied to loaded rules) because
    worker processes load their rules from the config: the override must
    travel with it.  The options are validated against the rule's kind when
    the rules are loaded, since only then is the kind known.
    """

    id: str
    severity: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
    source: str | None = None  # the config file, for messages and relative paths (None: the API, cwd)

    def key(self, option: str | None = None) -> str:
        """The key path as the user wrote it, for messages: ``rules."figures/conflict".min_similarity``."""
        base = f'rules."{self.id}"'
        return base if option is None else f"{base}.{option}"


#: Config keys (and, hyphenated, CLI flags) whose entries are rule ids or prefixes.
SELECTOR_KEYS = ("select", "ignore", "extend_select", "extend_ignore")


@dataclass(frozen=True)
class SelectorSource:
    """``select`` or ``ignore`` entries as one place gave them: the config file or a CLI flag.

    Config keeps the merged lists (what filters the rules); these records only
    remember where each entry was written, so that an unknown id is reported
    against the file and key or the flag the user has to fix.
    """

    key: str  # one of SELECTOR_KEYS
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
    stories: tuple[tuple[str, str], ...] = ()
    corpus: tuple[Path, ...] = ()
    baseline: Path | None = None
    jobs: int = 0
    document_timeout: float = DOCUMENT_TIMEOUT
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    overrides: tuple[RuleOverride, ...] = ()
    #: documents larger than this many bytes are skipped with a warning; 0 = no limit (factcheck.files)
    max_size: int = 10_000_000
    #: follow symbolic links out of a scanned folder (off: they are reported and skipped)
    follow_symlinks: bool = False
    #: the on-disk cache's folder (factcheck.cache); None: no cache (the API's default; the CLI's
    #: is .factcheck_cache in the working directory, unless --no-cache)
    cache_dir: Path | None = None
    source: str | None = None  # the config file used, for messages
    selector_sources: tuple[SelectorSource, ...] = ()  # where select/ignore entries came from, for messages

    @property
    def selected(self) -> tuple[str, ...]:
        """The rules to run: ``select`` plus ``extend_select``; an empty select (all rules) stays all.

        ``extend_select`` adds to a narrowed selection and never narrows by
        itself, as in ruff: selecting "all, and also X" is still all.
        """
        return self.select + self.extend_select if self.select else ()

    @property
    def ignored(self) -> tuple[str, ...]:
        """``ignore`` plus ``extend_ignore``."""
        return self.ignore + self.extend_ignore

    def file_ignores(self, shown_path: str, rule_id: str) -> bool:
        """Is this rule ignored in this file by ``per_file_ignores`` (globs matched as :meth:`date_override` does)?"""
        name = shown_path.rsplit("/", 1)[-1]
        return any((fnmatch.fnmatchcase(shown_path, glob) or fnmatch.fnmatchcase(name, glob))
                   and rule_matches(rule_id, rules) for glob, rules in self.per_file_ignores)

    def date_override(self, shown_path: str) -> _dt.date | None:
        """The configured publication date of a document, by the first matching glob."""
        for pattern, date in self.documents:
            if fnmatch.fnmatchcase(shown_path, pattern) or fnmatch.fnmatchcase(shown_path.rsplit("/", 1)[-1],
                                                                                pattern):
                return date
        return None

    def story_pin(self, shown_path: str) -> str | None:
        """The story label ``[tool.factcheck.stories]`` pins a document to, by the first matching glob
        (matched as :meth:`date_override` matches)."""
        name = shown_path.rsplit("/", 1)[-1]
        for pattern, label in self.stories:
            if fnmatch.fnmatchcase(shown_path, pattern) or fnmatch.fnmatchcase(name, pattern):
                return label
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
                if key in SELECTOR_KEYS:
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


def _git_top(folder: Path) -> Path | None:
    for f in (folder, *folder.parents):
        if (f / ".git").exists():
            return f
    return None


def project_bounds(base: Path) -> tuple[Path, ...]:
    """Where paths written in a config file may lead: its folder, and the git work tree around it.

    A config (or baseline) from a pull request must not point factcheck at
    files outside the repository: ``corpus = ["/home"]`` would put their
    text into CI logs.  The git work tree is allowed too, so that a config in
    a sub-project can still name the repository's shared rules.
    """
    top = _git_top(Path(os.path.abspath(base)))
    return (base,) if top is None else (base, top)


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a config file: a regular file of at most :data:`MAX_CONFIG_BYTES`, nested at most as deep
    as Python's recursion allows (``tomllib`` recurses into arrays and inline tables)."""
    text = read_small_text(path, MAX_CONFIG_BYTES)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or inline tables nested too deeply") from None


def _tool_table(data: dict[str, Any]) -> Any:
    """``data["tool"]["factcheck"]``, None when absent; a ``tool`` that is no table holds no factcheck table."""
    tool = data.get("tool")
    return tool.get("factcheck") if isinstance(tool, dict) else None


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                if name == "factcheck.toml":
                    return candidate
                try:
                    data = _read_toml(candidate)
                except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                    continue
                if _tool_table(data) is not None:
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
    shown = display_path(path)
    try:
        data = _read_toml(path)
    except FileNotFoundError as exc:
        raise ConfigError("config file not found", path=shown) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file ({exc})", path=shown) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=shown) from exc
    table = _tool_table(data)
    if table is None and path.name != "pyproject.toml":
        table = data  # a factcheck.toml holds the keys at its top level
    if table is None:
        return Config(source=shown)
    if not isinstance(table, dict):
        raise ConfigError(f"[tool.factcheck] must be a table, not {type(table).__name__} {table!r}"[:200],
                          path=shown)
    return parse_config_table(table, path.parent, shown)


def _contained(value: str, base: Path, shown: str, key: str) -> Path:
    """``base / value``, if it stays inside :func:`project_bounds`; a ConfigError otherwise."""
    path = base / value
    if has_nul(value):
        raise ConfigError(f"must be a path, not {value!r} (a NUL character)", path=shown, key=key)
    if not inside(path, project_bounds(base)):
        raise ConfigError(f"must be a path inside the project ({display_path(base)} or its git work tree), "
                          f"not {value!r}", path=shown, key=key)
    return path


def _rule_settings(value: Any, base: Path, shown: str) -> tuple[tuple[Path, ...], tuple[RuleOverride, ...]]:
    """``rules``: a list of rule files, or a table of ``paths`` and per-rule tables keyed by rule id."""
    if not isinstance(value, dict):
        return tuple(_contained(p, base, shown, "rules") for p in _strings(value, shown, "rules")), ()
    paths: tuple[Path, ...] = ()
    overrides: list[RuleOverride] = []
    for key, sub in value.items():
        if key == "paths":
            paths = tuple(_contained(p, base, shown, "rules.paths") for p in _strings(sub, shown, "rules.paths"))
        elif "/" in key:
            overrides.append(_override(key, sub, shown))
        else:
            raise ConfigError('unknown key; valid: paths, or a rule id in quotes (rules."figures/conflict")',
                              path=shown, key=f"rules.{key}")
    return paths, tuple(overrides)


def _override(rule_id: str, settings: Any, shown: str) -> RuleOverride:
    """One per-rule table; its option keys are checked against the rule's kind at load time."""
    override = RuleOverride(rule_id, source=shown)
    if not isinstance(settings, dict):
        raise ConfigError("must be a table of severity and options of that rule", path=shown, key=override.key())
    severity = settings.get("severity")
    if "severity" in settings and severity not in SEVERITIES:
        hint = "; to turn the rule off, add it to ignore" if severity in ("ignore", "off", "none") \
            else did_you_mean(severity, SEVERITIES)
        raise ConfigError(f"must be one of {', '.join(SEVERITIES)}, not {severity!r}{hint}", path=shown,
                          key=override.key("severity"))
    options = tuple((k, v) for k, v in settings.items() if k != "severity")
    return replace(override, severity=severity, options=options)


def _per_file_ignores(value: Any, shown: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError("must be a table of path glob = rule ids", path=shown, key="per_file_ignores")
    return tuple((glob, _strings(rules, shown, f'per_file_ignores."{glob}"')) for glob, rules in value.items())


def parse_config_table(table: dict[str, Any], base: Path, shown: str) -> Config:
    table = dict(table)
    for alias, key in ALIASES.items():
        if alias in table:
            if key in table:
                raise ConfigError(f"given twice, also as '{key}'", path=shown, key=alias)
            table[key] = table.pop(alias)
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"unknown key; valid: {', '.join(sorted(KEYS))}", path=shown, key=key)
    kw: dict[str, Any] = {"source": shown}
    if "rules" in table:
        kw["rules"], kw["overrides"] = _rule_settings(table["rules"], base, shown)
    if "corpus" in table:
        kw["corpus"] = tuple(_contained(p, base, shown, "corpus") for p in _strings(table["corpus"], shown, "corpus"))
    if "per_file_ignores" in table:
        kw["per_file_ignores"] = _per_file_ignores(table["per_file_ignores"], shown)
    for key in ("select", "ignore", "exclude", "extend_select", "extend_ignore"):
        if key in table:
            kw[key] = _strings(table[key], shown, key)
    kw["selector_sources"] = tuple(SelectorSource(key, kw[key], shown) for key in SELECTOR_KEYS if key in kw)
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
        kw["baseline"] = _contained(table["baseline"], base, shown, "baseline")
    if "cache_dir" in table:
        if not isinstance(table["cache_dir"], str) or not table["cache_dir"]:
            raise ConfigError("must be a path string", path=shown, key="cache_dir")
        kw["cache_dir"] = _contained(table["cache_dir"], base, shown, "cache_dir")
    if "jobs" in table:
        if not isinstance(table["jobs"], int) or isinstance(table["jobs"], bool) or table["jobs"] < 0:
            raise ConfigError("must be a whole number >= 0", path=shown, key="jobs")
        kw["jobs"] = table["jobs"]
    if "max_size" in table:
        from factcheck.files import parse_size

        try:
            kw["max_size"] = parse_size(table["max_size"], "max_size")
        except FactcheckError as exc:
            raise ConfigError("must be a size in bytes (e.g. 10000000 or \"10MB\"; 0 = no limit)",
                              path=shown, key="max_size") from exc
    if "follow_symlinks" in table:
        if not isinstance(table["follow_symlinks"], bool):
            raise ConfigError("must be true or false", path=shown, key="follow_symlinks")
        kw["follow_symlinks"] = table["follow_symlinks"]
    if "document_timeout" in table:
        value = table["document_timeout"]
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < float("inf"):
            raise ConfigError("must be a number of seconds >= 0 (0 = no limit)", path=shown, key="document_timeout")
        kw["document_timeout"] = float(value)
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
    if "stories" in table:
        pins = table["stories"]
        if not isinstance(pins, dict):
            raise ConfigError("must be a table of glob = story label", path=shown, key="stories")
        for glob, label in pins.items():
            if not isinstance(label, str) or not label.strip():
                raise ConfigError("must be a non-empty story label (a string)", path=shown, key=f"stories.{glob}")
        kw["stories"] = tuple((glob, label.strip()) for glob, label in pins.items())
    return Config(**kw)


def severity_at_least(severity: str, threshold: str) -> bool:
    order = {"info": 0, "warning": 1, "error": 2}
    return order[severity] >= order[threshold]


def as_paths(values: Sequence[str] | None) -> tuple[Path, ...] | None:
    return None if values is None else tuple(Path(v) for v in values)
