"""YAML rule files -> validated :class:`Rule` objects.

Every mistake a user can make in a rule file is an exit-2 :class:`RuleError`
naming the file, the line and the key: unknown type, unknown or mistyped key
(with the valid keys listed), bad regular expression, duplicate id, missing
message.  Validation happens before any document is read, so a typo in a
rule never costs a long scan.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.documents import display_path
from factcheck.errors import RuleError
from factcheck.findings import SEVERITIES
from factcheck.rules.kinds import KINDS
from factcheck.rules.model import COMMON_PLACEHOLDERS, Example, Option, Rule
from factcheck.rules.yamlsrc import LineDict, LineList, load_yaml

COMMON_KEYS: dict[str, Option] = {
    "id": Option((str,), required=True, help="namespaced id, e.g. house/no-unnamed-sources"),
    "type": Option((str,), required=True, help="the rule kind"),
    "severity": Option((str,), default="warning", choices=SEVERITIES, help="error, warning or info"),
    "message": Option((str,), required=True, help="what a finding says; may use {placeholders}"),
    "description": Option((str,), default="", help="why the rule exists"),
    "link": Option((str,), help="a URL with more explanation"),
    "tests": Option((dict,), help="fail: and pass: examples run by `factcheck test-rules`"),
}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*(?:/[a-z0-9][a-z0-9_.-]*)+$")
RULE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """Where the shipped rule packs are: inside the wheel, or ``rules/`` in a checkout."""
    packaged = resources.files("factcheck") / "_builtin_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent.parent / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Rule files under the given files/folders, sorted for a stable rule order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix in RULE_SUFFIXES and f.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise RuleError("no such rule file or directory", path=display_path(p))
    return out


def _yaml_type(value: Any) -> str:
    """The user's word for a YAML value's type (never our LineDict/LineList internals)."""
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value


def _check_type(value: Any, opt: Option, shown: str, line: int, key: str) -> None:
    ok = isinstance(value, opt.types) and not (isinstance(value, bool) and bool not in opt.types)
    if isinstance(value, int) and not isinstance(value, bool) and float in opt.types:
        ok = True
    if not ok:
        raise RuleError(f"must be {opt.type_name()}, not {_yaml_type(value)} {_plain(value)!r}",
                        path=shown, line=line, key=key)
    if opt.choices and value not in opt.choices:
        choices = ", ".join(str(c) for c in opt.choices)
        raise RuleError(f"must be one of {choices}, not {value!r}", path=shown, line=line, key=key)


def _examples(raw: Any, shown: str, line: int, key: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise RuleError("must be a list of examples", path=shown, line=line, key=key)
    lines = raw.item_lines if isinstance(raw, LineList) else [line] * len(raw)
    out = []
    for item, item_line in zip(raw, lines, strict=True):
        if isinstance(item, str):
            out.append(Example({"example.txt": item}, item_line))
        elif isinstance(item, dict) and set(item) == {"files"} and isinstance(item["files"], dict) \
                and all(isinstance(k, str) and isinstance(v, str) for k, v in item["files"].items()) \
                and item["files"]:
            out.append(Example(dict(item["files"]), item_line))
        else:
            raise RuleError("each example is a string or {files: {name.txt: text, ...}}",
                            path=shown, line=item_line, key=key)
    return tuple(out)


def _check_message(message: str, allowed: Sequence[str], shown: str, line: int) -> None:
    try:
        names = [n for _lit, n, _spec, _conv in string.Formatter().parse(message) if n is not None]
    except ValueError as exc:
        raise RuleError(f"bad placeholder syntax ({exc})", path=shown, line=line, key="message") from exc
    for name in names:
        if name not in allowed:
            raise RuleError(f"unknown placeholder {{{name}}}; valid: "
                            + ", ".join("{" + a + "}" for a in sorted(allowed)),
                            path=shown, line=line, key="message")


def parse_rule(raw: Any, shown: str, line: int, builtin: bool = False) -> Rule:
    """Validate one rule mapping and build its kind.  Raises RuleError on any mistake."""
    if not isinstance(raw, LineDict):
        raise RuleError("a rule must be a mapping with id, type, severity and message", path=shown, line=line)
    kind_name = raw.get("type")
    if "type" not in raw:
        raise RuleError("missing required key", path=shown, line=raw.line, key="type")
    if not isinstance(kind_name, str) or kind_name not in KINDS:
        raise RuleError(f"unknown rule type {kind_name!r}; valid: {', '.join(sorted(KINDS))}",
                        path=shown, line=raw.line_of("type"), key="type")
    kind = KINDS[kind_name]
    valid = {**COMMON_KEYS, **kind.OPTIONS}
    for key in raw:
        if key not in valid:
            raise RuleError(f"unknown key for a {kind_name} rule; valid: {', '.join(sorted(valid))}",
                            path=shown, line=raw.line_of(key), key=key)
    for key, opt in valid.items():
        if key in raw:
            _check_type(raw[key], opt, shown, raw.line_of(key), key)
        elif opt.required:
            raise RuleError("missing required key", path=shown, line=raw.line, key=key)
    rule_id = raw["id"]
    if not _ID_RE.match(rule_id):
        raise RuleError(f"invalid id {rule_id!r}: use namespace/name in lower case, e.g. house/my-rule",
                        path=shown, line=raw.line_of("id"), key="id")
    _check_message(raw["message"], COMMON_PLACEHOLDERS + kind.PLACEHOLDERS, shown, raw.line_of("message"))
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    if "tests" in raw:
        tests = raw["tests"]
        for key in tests:
            if key not in ("fail", "pass"):
                raise RuleError("unknown key in tests; valid: fail, pass", path=shown,
                                line=tests.line_of(key) if isinstance(tests, LineDict) else raw.line,
                                key=f"tests.{key}")
        tl = tests.line_of if isinstance(tests, LineDict) else (lambda _k: raw.line)
        if "fail" in tests:
            fail = _examples(tests["fail"], shown, tl("fail"), "tests.fail")
        if "pass" in tests:
            passes = _examples(tests["pass"], shown, tl("pass"), "tests.pass")
    options = {k: raw.get(k, opt.default) for k, opt in kind.OPTIONS.items()}
    rule = Rule(id=rule_id, type=kind_name, severity=raw.get("severity", "warning"),
                message=raw["message"], description=raw.get("description", "") or "",
                origin=f"{shown}:{raw.line}", link=raw.get("link"), options=options,
                fail=fail, passes=passes, builtin=builtin)
    rule.impl = kind.build(rule, options, raw, shown)
    return rule


def load_rule_file(path: Path, builtin: bool = False) -> list[Rule]:
    """A file holds one rule (a mapping), a list of rules, or several YAML documents."""
    shown = display_path(path)
    if builtin:
        # Shipped packs live in site-packages once installed: name them by pack, not by a long path.
        shown = "builtin:" + path.relative_to(builtin_rules_dir()).as_posix()
    docs = load_yaml(path, shown)
    rules: list[Rule] = []
    for doc in docs:
        if isinstance(doc, LineList):
            for item, line in zip(doc, doc.item_lines, strict=True):
                rules.append(parse_rule(item, shown, line, builtin))
        elif isinstance(doc, dict) and set(doc) == {"rules"} and isinstance(doc["rules"], LineList):
            for item, line in zip(doc["rules"], doc["rules"].item_lines, strict=True):
                rules.append(parse_rule(item, shown, line, builtin))
        else:
            rules.append(parse_rule(doc, shown, getattr(doc, "line", 1), builtin))
    return rules


def load_rules(paths: Iterable[Path], include_builtin: bool = True) -> list[Rule]:
    """Built-in packs (unless disabled) then the user's files; ids must be unique.

    Then every kind's ``link`` sees the whole set, e.g. so a house list of
    canonical names protects them in the built-in name rules too.
    """
    rules: list[Rule] = []
    if include_builtin:
        for f in rule_files([builtin_rules_dir()]):
            rules.extend(load_rule_file(f, builtin=True))
    for f in rule_files(paths):
        rules.extend(load_rule_file(f))
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.id in seen:
            path, _, line = r.origin.rpartition(":")
            raise RuleError(f"duplicate rule id {r.id!r} (first defined at {seen[r.id].origin})",
                            path=path, line=int(line), key="id")
        seen[r.id] = r
    for kind in KINDS.values():
        kind.link(rules)
    return rules


def select_rules(rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    """Filter by ids or prefixes (``names`` or ``names/`` selects ``names/variant``)."""

    def hit(rule_id: str, pats: Sequence[str]) -> bool:
        return any(rule_id == p or rule_id.startswith(p.rstrip("/") + "/") for p in pats)

    return [r for r in rules if (not select or hit(r.id, select)) and not hit(r.id, ignore)]
