"""YAML rule files -> validated :class:`Rule` objects.

Every mistake a user can make in a rule file is an exit-2 :class:`RuleError`
naming the file, the line and the key: unknown type, unknown or mistyped key
(with the valid keys listed), bad regular expression, duplicate id, missing
message, a file that defines no rule at all, ``rules:`` that is not a list.
Validation happens before any document is read, so a typo in a rule never
costs a long scan.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.config import Config, RuleOverride, project_root
from factcheck.documents import display_path
from factcheck.errors import ConfigError, FactcheckError, RuleError, did_you_mean
from factcheck.findings import SEVERITIES
from factcheck.rules.kinds import KINDS
from factcheck.rules.model import COMMON_PLACEHOLDERS, SUMMARY_MAX, Example, Expectation, Option, Rule, RuleKind
from factcheck.rules.yamlsrc import LineDict, LineList, load_yaml
from factcheck.safeio import has_nul, inside

COMMON_KEYS: dict[str, Option] = {
    "id": Option((str,), required=True, help="namespaced id, e.g. house/no-unnamed-sources"),
    "type": Option((str,), required=True, help="the rule kind"),
    "severity": Option((str,), default="warning", choices=SEVERITIES, help="error, warning or info"),
    "message": Option((str,), required=True, help="what a finding says; may use {placeholders}"),
    "summary": Option((str,), default="", help="one line shown by `factcheck rules` and in SARIF "
                                               "(default: the description's first sentence)"),
    "description": Option((str,), default="", help="why the rule exists (paragraphs separated by blank lines)"),
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
            found = sorted(f for f in p.rglob("*") if f.suffix in RULE_SUFFIXES and f.is_file())
            for f in found:
                # A file in a rule folder (another team's, say) that is a symlink out of the folder and
                # the project would make factcheck read, and quote in its messages, a file nobody named.
                if not inside(f, file_roots(p)):
                    raise RuleError(f"a symlink leading outside {display_path(p)} and the project root; "
                                    "name its target with --rules to load it", path=display_path(f))
            out.extend(found)
        elif p.is_file():
            out.append(p)
        elif p.exists():  # a named pipe or a device: never opened (reading one could block forever)
            raise RuleError("not a rule file or directory (not a regular file)", path=display_path(p))
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


def _is_a(value: Any, types: tuple[type, ...]) -> bool:
    """``isinstance`` as a rule author means it: a boolean is no number, an integer is a number."""
    if isinstance(value, bool) and bool not in types:
        return False
    if isinstance(value, int) and float in types:
        return True
    return isinstance(value, types)


def _number(x: float) -> str:
    """A bound as a person writes it: 1, not 1.0."""
    return str(int(x)) if float(x).is_integer() else str(x)


def check_option(value: Any, opt: Option, shown: str | None, line: int | None, key: str, *,
                 error: type[FactcheckError] = RuleError) -> None:
    """Validate one value against its option: type, choices, list elements and numeric range.

    The one check for rule files and for ``[tool.factcheck.rules."id"]``
    overrides (``error=ConfigError``, no line), so both give the same message.
    """
    if not _is_a(value, opt.types):
        raise error(f"must be {opt.type_name()}, not {_yaml_type(value)} {_plain(value)!r}",
                    path=shown, line=line, key=key)
    if opt.choices and value not in opt.choices:
        choices = ", ".join(str(c) for c in opt.choices)
        raise error(f"must be one of {choices}, not {value!r}{did_you_mean(value, opt.choices)}",
                    path=shown, line=line, key=key)
    if isinstance(value, list):
        lines = value.item_lines if isinstance(value, LineList) and line is not None else [line] * len(value)
        for item, item_line in zip(value, lines, strict=True):
            if opt.items and not _is_a(item, opt.items):
                raise error(f"every element must be {opt.item_type_name()}, not {_yaml_type(item)} "
                            f"{_plain(item)!r}", path=shown, line=item_line, key=key)
            if opt.item_choices and item not in opt.item_choices:
                valid = ", ".join(sorted(str(c) for c in opt.item_choices))
                raise error(f"unknown element {item!r}; valid: {valid}{did_you_mean(item, opt.item_choices)}",
                            path=shown, line=item_line, key=key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        lo, hi = opt.min, opt.max
        # Written as "not >=" so that NaN, which compares false to everything, is out of range too.
        if lo is not None and hi is not None and not lo <= value <= hi:
            raise error(f"must be between {_number(lo)} and {_number(hi)}, not {value!r}",
                        path=shown, line=line, key=key)
        if lo is not None and not value >= lo:
            raise error(f"must be at least {_number(lo)}, not {value!r}", path=shown, line=line, key=key)
        if hi is not None and not value <= hi:
            raise error(f"must be at most {_number(hi)}, not {value!r}", path=shown, line=line, key=key)


_EXAMPLE_SHAPE = "each example is a string or {files: {name.txt: text, ...}}"
_CASE_KEYS = ("expect", "files", "name", "text")
_EXPECT_KEYS: dict[str, Option] = {
    "file": Option((str,), help="the case's file the finding is in"),
    "match": Option((str,), help="the finding's exact excerpt"),
    "line": Option((int,), help="1-based line"),
    "column": Option((int,), help="1-based column"),
    "severity": Option((str,), choices=SEVERITIES, help="the finding's severity"),
    "suggestion": Option((str,), help="the finding's suggestion"),
}


def _line_of(mapping: dict[str, Any], line: int) -> Callable[[str], int]:
    """The line of a key of ``mapping`` (``line`` when the mapping did not come from a file)."""
    return mapping.line_of if isinstance(mapping, LineDict) else (lambda _k: line)


def _examples(raw: Any, shown: str, line: int, key: str) -> tuple[Example, ...]:
    """The cases of ``tests.fail`` or ``tests.pass`` (``key``): strings or mappings."""
    if not isinstance(raw, list):
        raise RuleError("must be a list of examples", path=shown, line=line, key=key)
    lines = raw.item_lines if isinstance(raw, LineList) else [line] * len(raw)
    out = []
    for item, item_line in zip(raw, lines, strict=True):
        if isinstance(item, str):
            out.append(Example({"example.txt": item}, item_line))
        elif isinstance(item, dict):
            out.append(_case(item, shown, item_line, key))
        else:
            raise RuleError(_EXAMPLE_SHAPE, path=shown, line=item_line, key=key)
    return tuple(out)


def _case(item: dict[str, Any], shown: str, line: int, key: str) -> Example:
    """A mapping case: ``files:`` or ``text:``, an optional ``name:`` and, on a fail case,
    ``expect:`` -- the findings it must produce, no more and no fewer."""
    at = _line_of(item, line)
    for k in item:
        if k == "expect" and key == "tests.pass":
            raise RuleError("pass cases expect no finding", path=shown, line=at(k), key=f"{key}.{k}")
        if k not in _CASE_KEYS:
            valid = [c for c in _CASE_KEYS if key == "tests.fail" or c != "expect"]
            raise RuleError(f"unknown key in a test case; valid: {', '.join(valid)}",
                            path=shown, line=at(k), key=f"{key}.{k}")
    if ("files" in item) == ("text" in item):
        raise RuleError("a test case has files: or text:, exactly one", path=shown, line=line, key=key)
    files: dict[str, str]
    if "text" in item:
        if not isinstance(item["text"], str):
            raise RuleError(f"must be a string, not {_yaml_type(item['text'])} {_plain(item['text'])!r}",
                            path=shown, line=at("text"), key=f"{key}.text")
        files = {"example.txt": item["text"]}
    else:
        given = item["files"]
        if not (isinstance(given, dict) and given
                and all(isinstance(k, str) and isinstance(v, str) for k, v in given.items())):
            raise RuleError(_EXAMPLE_SHAPE, path=shown, line=line, key=key)
        files = dict(given)
    name = item.get("name")
    if "name" in item and (not isinstance(name, str) or not name.strip()):
        raise RuleError(f"must be a non-empty string, not {_yaml_type(name)} {_plain(name)!r}",
                        path=shown, line=at("name"), key=f"{key}.name")
    expect = None
    if "expect" in item:
        expect = _expectations(item["expect"], files, shown, at("expect"), f"{key}.expect")
    return Example(files, line, name=name, expect=expect)


def _expectations(raw: Any, files: dict[str, str], shown: str, line: int, key: str) -> tuple[Expectation, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleError("must be a non-empty list of expected findings (a case expecting none is a pass case)",
                        path=shown, line=line, key=key)
    lines = raw.item_lines if isinstance(raw, LineList) else [line] * len(raw)
    out = []
    for item, item_line in zip(raw, lines, strict=True):
        if not isinstance(item, dict):
            raise RuleError("each expected finding is a mapping, e.g. {file: b.txt, match: ..., severity: ...}",
                            path=shown, line=item_line, key=key)
        at = _line_of(item, item_line)
        for k in item:
            if k not in _EXPECT_KEYS:
                raise RuleError(f"unknown key in an expected finding; valid: {', '.join(sorted(_EXPECT_KEYS))}",
                                path=shown, line=at(k), key=f"{key}.{k}")
            check_option(item[k], _EXPECT_KEYS[k], shown, at(k), f"{key}.{k}")
            if k in ("line", "column") and item[k] < 1:
                raise RuleError(f"must be 1 or more (lines and columns count from 1), not {item[k]}",
                                path=shown, line=at(k), key=f"{key}.{k}")
        if not {"match", "line", "column"} & set(item):
            raise RuleError("an expected finding needs match:, line: or column:", path=shown, line=item_line,
                            key=key)
        file = item.get("file")
        if file is None:
            if len(files) > 1:
                raise RuleError(f"missing required key (the case has files {', '.join(sorted(files))})",
                                path=shown, line=item_line, key=f"{key}.file")
            file = next(iter(files))
        elif file not in files:
            raise RuleError(f"no file {file!r} in this case; its files: {', '.join(sorted(files))}",
                            path=shown, line=at("file"), key=f"{key}.file")
        out.append(Expectation(file, match=item.get("match"), line=item.get("line"), column=item.get("column"),
                               severity=item.get("severity"), suggestion=item.get("suggestion")))
    return tuple(out)


def _check_message(message: str, allowed: Sequence[str], shown: str, line: int) -> None:
    """Placeholders are bare names: ``{match}``.

    A format spec or conversion (``{match:d}``, ``{support:>99999999}``,
    ``{rule:{rule}}``, ``{match!r}``) would run Python's formatting on a
    value the rule author does not control: a ValueError on the first
    finding of the wrong type, or gigabytes of padding.  Refused here, before
    any document is read.
    """
    try:
        fields = [(n, spec, conv) for _lit, n, spec, conv in string.Formatter().parse(message) if n is not None]
    except ValueError as exc:
        raise RuleError(f"bad placeholder syntax ({exc})", path=shown, line=line, key="message") from exc
    for name, spec, conv in fields:
        if spec or conv:
            written = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            raise RuleError(f"placeholders are bare names like {{{name or 'match'}}}, not {written} "
                            "(no format spec or conversion)", path=shown, line=line, key="message")
    for name, _spec, _conv in fields:
        if name not in allowed:
            raise RuleError(f"unknown placeholder {{{name}}}; valid: "
                            + ", ".join("{" + a + "}" for a in sorted(allowed)),
                            path=shown, line=line, key="message")


def _check_summary(summary: str, shown: str, line: int) -> str:
    """A summary is what `factcheck rules` prints on one line: one line, and short."""
    text = summary.strip()
    if "\n" in text:
        raise RuleError("must be a single line (put the detail in description:)", path=shown, line=line,
                        key="summary")
    if len(text) > SUMMARY_MAX:
        raise RuleError(f"is {len(text)} characters long; keep it to {SUMMARY_MAX} (put the detail in "
                        "description:)", path=shown, line=line, key="summary")
    return text


def file_roots(base: Path) -> tuple[Path, ...]:
    """Where a file named in a rule file or config may be: beside or below ``base`` (the folder of the
    file naming it), or anywhere in the project root (see :func:`factcheck.config.project_root`)."""
    return (base, project_root(Config()))


def check_file_option(value: str, base: Path, shown: str | None, line: int | None, key: str, *,
                      error: type[FactcheckError] = RuleError) -> None:
    """A file option (``canonical: names.yaml``) must name a file inside :func:`file_roots`.

    Rule files come from other teams: ``canonical: /etc/passwd`` or
    ``../../secrets.yaml`` would make factcheck read (and quote in its error
    messages) files outside what the user asked it to check.
    """
    if has_nul(value):
        raise error(f"must be a file name, not {value!r} (a NUL character)", path=shown, line=line, key=key)
    if not inside(base / value, file_roots(base)):
        raise error(f"must name a file inside {display_path(base) or '.'} or the project root "
                    f"({display_path(project_root(Config()))}), not {value!r}", path=shown, line=line, key=key)


def _overridden(raw: LineDict, kind: type[RuleKind], override: RuleOverride) -> LineDict:
    """The rule's mapping with a config override's severity and options in place of its own.

    Each option is checked with the very check the YAML gets, so the messages
    are the same, but they name the config file and the key path
    (``rules."figures/conflict".min_similarity``): that is where the mistake is.
    """
    merged = LineDict(raw)
    merged.line, merged.key_lines = raw.line, dict(raw.key_lines)
    if override.severity is not None:
        merged["severity"] = override.severity
    for key, value in override.options:
        opt = kind.OPTIONS.get(key)
        if opt is None:
            valid = sorted({"severity", *kind.OPTIONS})
            raise ConfigError(f"unknown option for a {kind.name} rule; valid: {', '.join(valid)}"
                              f"{did_you_mean(key, valid)}", path=override.source, key=override.key(key))
        check_option(value, opt, override.source, None, override.key(key), error=ConfigError)
        if opt.file and isinstance(value, str):
            base = Path(override.source).parent if override.source else Path()
            check_file_option(value, base, override.source, None, override.key(key), error=ConfigError)
            value = str((base / value).absolute())
        merged[key] = value
    return merged


def parse_rule(raw: Any, shown: str, line: int, builtin: bool = False,
               overrides: Mapping[str, RuleOverride] | None = None) -> Rule:
    """Validate one rule mapping and build its kind.  Raises RuleError on any mistake.

    ``overrides`` (by rule id) are the config's per-rule settings: applied
    after the rule's own mapping is validated, and checked the same way.
    """
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
            check_option(raw[key], opt, shown, raw.line_of(key), key)
            if opt.file and isinstance(raw[key], str) and not builtin:
                check_file_option(raw[key], Path(shown).parent, shown, raw.line_of(key), key)
        elif opt.required:
            raise RuleError("missing required key", path=shown, line=raw.line, key=key)
    rule_id = raw["id"]
    if not _ID_RE.match(rule_id):
        raise RuleError(f"invalid id {rule_id!r}: use namespace/name in lower case, e.g. house/my-rule",
                        path=shown, line=raw.line_of("id"), key="id")
    _check_message(raw["message"], COMMON_PLACEHOLDERS + kind.PLACEHOLDERS, shown, raw.line_of("message"))
    summary = _check_summary(raw.get("summary", ""), shown, raw.line_of("summary"))
    override = (overrides or {}).get(rule_id)
    if override is not None:
        raw = _overridden(raw, kind, override)
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
                fail=fail, passes=passes, builtin=builtin, summary_text=summary)
    try:
        rule.impl = kind.build(rule, options, raw, shown)
    except RuleError as exc:
        # A mistake the kind finds in an overridden option is the config's, not the rule file's.
        if override is not None and exc.key and exc.key.split(".")[0] in dict(override.options):
            raise ConfigError(exc.message, path=override.source, key=override.key(exc.key)) from exc
        raise
    return rule


def load_rule_file(path: Path, builtin: bool = False,
                   overrides: Mapping[str, RuleOverride] | None = None) -> list[Rule]:
    """A file holds one rule (a mapping), a list of rules, or several YAML documents."""
    shown = display_path(path)
    if builtin:
        # Shipped packs live in site-packages once installed: name them by pack, not by a long path.
        shown = "builtin:" + path.relative_to(builtin_rules_dir()).as_posix()
    # An empty document (a bare ``---``, a trailing separator) holds nothing, not a broken rule.
    docs = [d for d in load_yaml(path, shown) if d is not None]
    rules: list[Rule] = []
    for doc in docs:
        if isinstance(doc, LineList):
            for item, line in zip(doc, doc.item_lines, strict=True):
                rules.append(parse_rule(item, shown, line, builtin, overrides))
        elif isinstance(doc, LineDict) and set(doc) == {"rules"}:
            listed = doc["rules"]
            if not isinstance(listed, LineList):
                raise RuleError(f"must be a list of rules, not {_yaml_type(listed)}", path=shown,
                                line=doc.line_of("rules"), key="rules")
            for item, line in zip(listed, listed.item_lines, strict=True):
                rules.append(parse_rule(item, shown, line, builtin, overrides))
        else:  # one rule; parse_rule says what a scalar should have been
            rules.append(parse_rule(doc, shown, getattr(doc, "line", 1), builtin, overrides))
    if not rules:
        # A file that defines nothing is a mistake (a wrong path, a commented-out pack), and with
        # `test-rules` it would "pass" while testing nothing.
        raise RuleError("empty rule file: no rules defined", path=shown)
    return rules


def load_rules(paths: Iterable[Path], include_builtin: bool = True,
               overrides: Sequence[RuleOverride] = ()) -> list[Rule]:
    """Built-in packs (unless disabled) then the user's files; ids must be unique.

    ``overrides`` change rules as they are loaded; one whose id matches no
    loaded rule is an error (a typo would otherwise change nothing, silently).
    Then every kind's ``link`` sees the whole set, e.g. so a house list of
    canonical names protects them in the built-in name rules too.
    """
    by_id = {o.id: o for o in overrides}
    rules: list[Rule] = []
    if include_builtin:
        for f in rule_files([builtin_rules_dir()]):
            rules.extend(load_rule_file(f, builtin=True, overrides=by_id))
    for f in rule_files(paths):
        rules.extend(load_rule_file(f, overrides=by_id))
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.id in seen:
            path, _, line = r.origin.rpartition(":")
            raise RuleError(f"duplicate rule id {r.id!r} (first defined at {seen[r.id].origin})",
                            path=path, line=int(line), key="id")
        seen[r.id] = r
    for o in overrides:
        if o.id not in seen:
            raise ConfigError(f"no loaded rule has this id{did_you_mean(o.id, seen)}", path=o.source, key=o.key())
    for kind in KINDS.values():
        kind.link(rules)
    return rules


def select_rules(rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    """Filter by ids or prefixes (``names`` or ``names/`` selects ``names/variant``).

    Unknown entries are rejected before this (:func:`factcheck.rules.ids.check_selectors`);
    a trailing ``/`` is ignored everywhere, so ``names/variant/`` is ``names/variant``.
    """

    def hit(rule_id: str, pats: Sequence[str]) -> bool:
        return any(rule_id == p.rstrip("/") or rule_id.startswith(p.rstrip("/") + "/") for p in pats)

    return [r for r in rules if (not select or hit(r.id, select)) and not hit(r.id, ignore)]
