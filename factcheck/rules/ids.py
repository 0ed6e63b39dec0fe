"""Rule ids and prefixes as users write them: in ``--select``/``--ignore``, the config and suppressions.

Why check them at all: selection is a filter, and a filter that matches
nothing is indistinguishable from a clean run.  ``--select nosuchrule``
used to scan with no rules and exit 0, so one typo in a CI job switched the
check off without a word.  An entry must therefore name something that
exists: a rule id, or a prefix of one at a ``/`` boundary (``names``,
``names/``, ``names/variant``).  What exists is every loaded rule, selected
or not, plus the engine's own rules (``factcheck/...``), whose findings
``--select``/``--ignore`` filter like any other.

The check runs right after the rules are loaded, before any document is
read, and the error names where the entry was written and, when one is
close, the id that was probably meant.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factcheck.config import SELECTOR_KEYS, Config
from factcheck.documents import display_path
from factcheck.errors import ConfigError
from factcheck.suggest import did_you_mean
from factcheck.suppressions import META_RULES


def known_rule_ids(rule_ids: Iterable[str]) -> frozenset[str]:
    """The given rule ids plus the engine's meta rules: everything a selector may name."""
    return frozenset(rule_ids) | frozenset(META_RULES)


def id_prefixes(rule_ids: Iterable[str]) -> frozenset[str]:
    """Every ``/``-boundary prefix of the ids, the ids themselves included (``a/b/c``: a, a/b, a/b/c)."""
    out: set[str] = set()
    for rule_id in rule_ids:
        parts = rule_id.split("/")
        out.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(out)


def _origin(config: Config, key: str, pattern: str) -> str:
    """Where ``pattern`` was written: the config file and key, the CLI flag, or the Config field."""
    for source in config.selector_sources:
        if source.key == key and pattern in source.patterns:
            flag = "--" + key.replace("_", "-")
            return flag if source.file is None else f"{display_path(Path(source.file))}: key '{key}'"
    return key


def check_selectors(config: Config, rule_ids: Iterable[str]) -> None:
    """Raise ConfigError for the first ``select``/``ignore`` entry that names no known id or prefix.

    ``rule_ids`` are every loaded rule's id, selected or not (the meta rules
    and the ``factcheck`` prefix are added here).
    """
    valid = id_prefixes(known_rule_ids(rule_ids))
    entries = [(_origin(config, key, p), p) for key in SELECTOR_KEYS for p in getattr(config, key)]
    source = display_path(Path(config.source)) + ": " if config.source else ""
    entries += [(f"{source}key 'per_file_ignores.\"{glob}\"'", p) for glob, ps in config.per_file_ignores for p in ps]
    for origin, pattern in entries:
        if pattern.rstrip("/") in valid:
            continue
        raise ConfigError(f"{origin}: unknown rule id or prefix {pattern!r}"
                          + _suggestion(pattern.rstrip("/") or pattern, valid))


def _suggestion(pattern: str, valid: frozenset[str]) -> str:
    """A close id or prefix of the same depth first (``spelling/places``: an id, not ``spelling``), else any."""
    depth = pattern.count("/")
    return did_you_mean(pattern, {v for v in valid if v.count("/") == depth}) or did_you_mean(pattern, valid)
