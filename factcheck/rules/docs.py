"""A rule's documentation, from its one source: the rule's YAML (and its kind's OPTIONS).

``factcheck rules`` (one line per rule), ``factcheck rule ID`` (everything),
SARIF's rule metadata and the README's table of shipped rules all read a
:class:`RuleDoc`, so no copy of a rule's text can drift from the rule file.
The engine's own rules (``factcheck/unused-suppression``...) have no YAML;
their documentation is :data:`factcheck.suppressions.META_RULES`.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.rules.model import Example, Rule, description_paragraphs, first_sentence
from factcheck.suppressions import META_RULES

#: the type shown for rules the engine reports itself
ENGINE_TYPE = "engine"
#: options that say *what* a rule of a kind checks (shown next to the kind in the README table)
DETAIL_OPTIONS = ("mode", "check", "kinds")
#: how wide ``factcheck rule ID`` wraps its text; fixed, so the output is the same everywhere
WIDTH = 88
#: examples shown per side (fail/pass) in text; ``--format json`` gives all of them
MAX_EXAMPLES = 3
#: characters of one example text shown in text output
MAX_EXAMPLE_CHARS = 300


@dataclass(frozen=True)
class OptionDoc:
    """One option of a rule: its value in this rule, its kind's default and help."""

    name: str
    value: Any
    default: Any
    required: bool
    type_name: str
    help: str

    @property
    def is_default(self) -> bool:
        return not self.required and self.value == self.default


@dataclass(frozen=True)
class RuleDoc:
    """Everything a reader needs to understand one rule, independent of output format."""

    id: str
    type: str
    scope: str
    severity: str
    #: option -> severity some findings get instead of ``severity`` (see RuleKind.other_severities)
    other_severities: dict[str, str]
    summary: str
    description: str
    options: tuple[OptionDoc, ...]
    link: str | None
    origin: str
    fail: tuple[Example, ...]
    passes: tuple[Example, ...]

    @classmethod
    def of(cls, rule: Rule) -> RuleDoc:
        assert rule.impl is not None
        kind = type(rule.impl)
        options = tuple(OptionDoc(name=key, value=rule.options.get(key, opt.default), default=opt.default,
                                  required=opt.required, type_name=opt.type_name(), help=opt.help)
                        for key, opt in kind.OPTIONS.items())
        return cls(id=rule.id, type=rule.type, scope=rule.impl.scope, severity=rule.severity,
                   other_severities=rule.impl.other_severities(), summary=rule.summary(),
                   description=rule.description, options=options, link=rule.link, origin=rule.origin,
                   fail=rule.fail, passes=rule.passes)

    @classmethod
    def of_meta(cls, rule_id: str) -> RuleDoc:
        severity, short, full = META_RULES[rule_id]
        return cls(id=rule_id, type=ENGINE_TYPE, scope="document", severity=severity, other_severities={},
                   summary=first_sentence(short), description=full, options=(), link=None,
                   origin="built in", fail=(), passes=())

    def paragraphs(self) -> list[str]:
        return description_paragraphs(self.description)

    def full_description(self) -> str:
        """The description as plain text: paragraphs separated by a blank line, list items by a newline.

        Whatever the YAML's line wrapping, so that JSON and SARIF readers wrap it themselves."""
        out = ""
        paragraphs = self.paragraphs()
        for i, para in enumerate(paragraphs):
            if i:
                out += "\n" if _continues_list(paragraphs[i - 1], para) else "\n\n"
            out += para
        return out

    def severity_text(self) -> str:
        """``warning`` or ``warning (weak_severity: info)``."""
        if not self.other_severities:
            return self.severity
        others = ", ".join(f"{k}: {v}" for k, v in self.other_severities.items())
        return f"{self.severity} ({others})"

    def kind_text(self) -> str:
        """The kind and what its options make it check: ``date-sanity (weekday)``."""
        details = []
        for opt in self.options:
            if opt.name in DETAIL_OPTIONS and opt.value:
                details.append(", ".join(map(str, opt.value)) if isinstance(opt.value, list) else str(opt.value))
        return f"{self.type} ({'; '.join(details)})" if details else self.type

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "scope": self.scope, "severity": self.severity,
            "other_severities": self.other_severities, "summary": self.summary,
            "description": self.full_description(), "link": self.link, "origin": self.origin,
            "options": [{"name": o.name, "value": o.value, "default": None if o.required else o.default,
                         "required": o.required, "type": o.type_name, "help": o.help} for o in self.options],
            "examples": {"fail": [dict(e.files) for e in self.fail], "pass": [dict(e.files) for e in self.passes]},
        }


def _continues_list(previous: str, para: str) -> bool:
    """A list item follows its introduction ("Not reported:") or the item before it with no blank line."""
    return para.startswith("- ") and (previous.startswith("- ") or previous.endswith(":"))


def find_rule(rule_id: str, rules: Sequence[Rule]) -> RuleDoc:
    """The documentation of ``rule_id`` among ``rules`` and the engine's own rules.

    An unknown id is a :class:`FactcheckError` (exit 2) suggesting the closest ids.
    """
    for rule in rules:
        if rule.id == rule_id:
            return RuleDoc.of(rule)
    if rule_id in META_RULES:
        return RuleDoc.of_meta(rule_id)
    known = [r.id for r in rules] + sorted(META_RULES)
    close = difflib.get_close_matches(rule_id, known, n=3, cutoff=0.6)
    if not close:  # a bare name ("variant") or a namespace ("names") is worth a hint too
        close = [k for k in known if rule_id and (k.endswith("/" + rule_id) or k.startswith(rule_id + "/"))][:3]
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else "; see `factcheck rules`"
    raise FactcheckError(f"unknown rule {rule_id!r}{hint}")


# --------------------------------------------------------------------------- text


def _value(value: Any, limit: int = 60) -> str:
    """An option value as YAML-ish one-line text, cut at ``limit`` (a 40-word swap list is not read whole)."""
    text = json.dumps(value, ensure_ascii=False, default=str)  # default: YAML dates (`expect: 2020-01-01`)
    if len(text) > limit:
        size = f" ({len(value)} entries)" if isinstance(value, list | dict) else ""
        text = text[:limit - 1] + "…" + size
    return text


def _wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    if text.startswith("- "):
        return textwrap.wrap(text[2:], width, initial_indent=indent + "- ", subsequent_indent=indent + "  ",
                             break_on_hyphens=False) or [indent + "-"]
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False) or [indent]


def _example_lines(examples: Sequence[Example], label: str, rule_id: str) -> list[str]:
    if not examples:
        return []
    lines = [f"{label}:"]
    for ex in examples[:MAX_EXAMPLES]:
        for i, (name, text) in enumerate(sorted(ex.files.items())):
            shown = " ".join(text.split())
            if len(shown) > MAX_EXAMPLE_CHARS:
                shown = shown[:MAX_EXAMPLE_CHARS - 1].rsplit(" ", 1)[0] + " …"
            if len(ex.files) == 1 and name == "example.txt":  # a one-text example: no file name to show
                body = _wrap(shown, "    ")
                lines.extend(["  - " + body[0][4:], *body[1:]])
            else:
                head = "  - " if i == 0 else "    "
                lines.append(f"{head}{name}:")
                lines.extend(_wrap(shown, "        "))
    if len(examples) > MAX_EXAMPLES:
        more = len(examples) - MAX_EXAMPLES
        lines.append(f"  ... and {more} more (`factcheck rule {rule_id} --format json` shows all)")
    return lines


def render_text(doc: RuleDoc) -> str:
    """``factcheck rule ID``: what the rule checks, why, how it is set up, and examples."""
    lines = [doc.id, "", f"  {doc.summary}", ""]
    scope = "reported by factcheck itself" if doc.type == ENGINE_TYPE else doc.scope
    lines.append(f"type:      {doc.type} ({scope})")
    lines.append(f"severity:  {doc.severity_text()}")
    if doc.link:
        lines.append(f"link:      {doc.link}")
    lines.append(f"defined:   {doc.origin}")
    paragraphs = doc.paragraphs()
    if paragraphs:
        lines += ["", "Why it matters:"]
        for i, para in enumerate(paragraphs):
            if i and not _continues_list(paragraphs[i - 1], para):
                lines.append("")
            lines.extend(_wrap(para, "  "))
    if doc.options:
        lines += ["", "Options:"]
        for opt in doc.options:
            if opt.required:
                setting = f"{opt.name}: {_value(opt.value)}  (required)"
            elif opt.is_default:
                setting = f"{opt.name}: {_value(opt.value)}  (default)"
            else:
                setting = f"{opt.name}: {_value(opt.value)}  (default: {_value(opt.default)})"
            lines.append(f"  {setting}")
            if opt.help:
                lines.extend(_wrap(f"{opt.help} ({opt.type_name})", "      "))
    for examples, label in ((doc.fail, "Reported (examples)"), (doc.passes, "Not reported (examples)")):
        if examples:
            lines += ["", *_example_lines(examples, label, doc.id)]
    return "\n".join(lines) + "\n"


def render_list(rules: Sequence[Rule]) -> str:
    """``factcheck rules``: one short line per rule (id, type, severity, summary)."""
    if not rules:
        return ""
    width = max(len(r.id) for r in rules)
    type_width = max(len(r.type) for r in rules)
    return "".join(f"{r.id:<{width}}  {r.type:<{type_width}}  {r.severity:<7}  {r.summary()}".rstrip() + "\n"
                   for r in rules)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(rules: Sequence[Rule]) -> str:
    """The README's "Shipped rules" table (``factcheck rules --format markdown``)."""
    lines = ["| id | severity | kind | summary |", "| --- | --- | --- | --- |"]
    for rule in rules:
        doc = RuleDoc.of(rule)
        lines.append(f"| `{doc.id}` | {_cell(doc.severity_text())} | {_cell(doc.kind_text())} | "
                     f"{_cell(doc.summary)} |")
    return "\n".join(lines) + "\n"
