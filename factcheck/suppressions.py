"""Inline suppressions: ``<!-- factcheck-ignore: rule-id -- reason -->`` and friends.

Why comments in the article itself: a newsroom accepts a finding ("the
spelling is the source's own, quoted verbatim") where the evidence is, and
the acceptance travels with the text through edits, copies and reviews.  An
HTML comment is invisible once Markdown (or HTML) is rendered, and plain text
readers are used to it.

Four forms, each naming the rule ids it silences (an id is required, so a
suppression can never hide more than its author meant)::

    Text with a finding. <!-- factcheck-ignore: spelling/common -- quoted verbatim -->
    <!-- factcheck-ignore-next-line: names/variant -->
    <!-- factcheck-disable: sourcing/anonymous -- wire copy, attribution checked -->
    ... every line up to the matching enable (or the end of the file) ...
    <!-- factcheck-enable: sourcing/anonymous -->

Several ids may be given, separated by commas or spaces; ``-- reason`` is
optional and becomes the finding's ``suppressed`` value (SARIF
``justification``).  Ids match exactly: ``spelling`` does not silence
``spelling/common``, so each comment suppresses exactly what it names.

Directives are read from ``Document.source`` (the analysed ``text`` of a
Markdown file no longer has its comments), line by line, so they work the
same for Markdown, plain text and HTML.  Comments inside Markdown code blocks
or inline code are documentation about directives, not directives.

Parsing is per document and pure (it runs in the map phase, in workers);
:func:`apply_suppressions` runs after the corpus rules, so findings of both
phases are covered.  A suppression that silenced nothing is reported as
``factcheck/unused-suppression`` (stale comments otherwise accumulate and hide
the next real problem on that line).  A malformed directive, and one naming a
rule id that does not exist (a typo would otherwise silence nothing, forever,
and look like it works), is ``factcheck/invalid-suppression``, with the id
probably meant.  Both are warnings and cannot themselves be suppressed inline
(use ``--ignore``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.suggest import did_you_mean

if TYPE_CHECKING:
    from factcheck.config import Config

UNUSED_RULE = "factcheck/unused-suppression"
INVALID_RULE = "factcheck/invalid-suppression"

#: Rules the engine itself reports, with the metadata formatters (SARIF) need.
#: id -> (severity, short description, full description)
META_RULES: dict[str, tuple[str, str, str]] = {
    UNUSED_RULE: (
        "warning",
        "A factcheck suppression comment that suppresses nothing.",
        "An inline suppression names a rule that produced no finding on the lines it covers. "
        "Stale suppressions hide the next real finding on that line: remove them.",
    ),
    INVALID_RULE: (
        "warning",
        "A malformed factcheck suppression comment.",
        "A factcheck directive without a rule id, naming a rule id that does not exist, with an unknown "
        "directive name, or an enable without a matching disable. Rule ids are required so that a comment "
        "never hides more than its author meant.",
    ),
}

#: Reason given to findings located inside a directive comment itself (plain
#: text keeps comments in the analysed text, so a rule can match the reason).
INSIDE_DIRECTIVE = "inside a factcheck suppression comment"

_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE_RE = re.compile(r"\s*factcheck-([A-Za-z-]+)\b\s*:?(.*)\Z", re.DOTALL)
_KINDS = ("ignore", "ignore-next-line", "disable", "enable")
_REASON_SPLIT_RE = re.compile(r"(?:^|\s)--(?:\s|$)")
_ID_TOKEN_RE = re.compile(r"[^\s,]+")


@dataclass(frozen=True)
class Suppression:
    """One rule id silenced over an inclusive range of source lines."""

    rule: str
    first_line: int
    last_line: int
    reason: str
    kind: str  # ignore | ignore-next-line | disable
    where: Location  # the rule id inside the comment: where "unused" is reported
    alone: bool = False  # an ``ignore`` comment with no other text on its line

    def covers(self, f: Finding) -> bool:
        loc = f.location
        return loc.line <= self.last_line and max(loc.end_line, loc.line) >= self.first_line


@dataclass(frozen=True)
class Suppressions:
    """Everything parsed from one document: suppressions, directive spans, problems."""

    path: str
    items: tuple[Suppression, ...] = ()
    #: (line, column, end_line, end_column) of each directive comment.
    spans: tuple[tuple[int, int, int, int], ...] = ()
    problems: tuple[Finding, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items or self.spans or self.problems)


def _meta_finding(rule: str, message: str, where: Location) -> Finding:
    return Finding(rule=rule, severity=META_RULES[rule][0], message=message, location=where).with_fingerprint()


def _location(doc: Document, start: int, end: int) -> Location:
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return Location(doc.path, line, col, end_line, end_col, doc.source[start:end])


def _code_ranges(doc: Document) -> list[tuple[int, int]]:
    """Source ranges of Markdown code blocks and front matter, where comments are examples.

    Reuses the Markdown stripper's own patterns so both agree on what code is.
    """
    if doc.fmt != "markdown":
        return []
    from factcheck.documents import _FRONT_RE, _INDENTED_RE
    from factcheck.markup import fence_spans

    ranges = [*fence_spans(doc.source), *((m.start(), m.end()) for m in _INDENTED_RE.finditer(doc.source))]
    fm = _FRONT_RE.match(doc.source)
    if fm:
        ranges.append((fm.start(), fm.end()))
    return ranges


def _in_inline_code(source: str, start: int) -> bool:
    """An odd number of backticks before the comment on its line: inside `inline code`."""
    line_start = source.rfind("\n", 0, start) + 1
    return source.count("`", line_start, start) % 2 == 1


def _line_is_only_comment(source: str, start: int, end: int) -> bool:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    return not source[line_start:start].strip() and not source[end:line_end].strip()


def parse_suppressions(doc: Document) -> Suppressions:
    """Read every factcheck directive of ``doc`` (pure: safe in worker processes)."""
    source = doc.source
    if "factcheck-" not in source:
        return Suppressions(doc.path)
    code = _code_ranges(doc)
    n_lines = doc.position(len(source))[0]
    items: list[Suppression] = []
    spans: list[tuple[int, int, int, int]] = []
    problems: list[Finding] = []
    open_blocks: dict[str, tuple[int, str, Location]] = {}  # rule -> (first line, reason, where)

    for m in _COMMENT_RE.finditer(source):
        dm = _DIRECTIVE_RE.match(m.group(1))
        if dm is None:
            continue
        if any(s <= m.start() < e for s, e in code) or (doc.fmt == "markdown" and _in_inline_code(source, m.start())):
            continue
        whole = _location(doc, m.start(), m.end())
        spans.append((whole.line, whole.column, whole.end_line, whole.end_column))
        kind = dm.group(1)
        if kind not in _KINDS:
            problems.append(_meta_finding(
                INVALID_RULE, f"Unknown directive 'factcheck-{kind}'; valid: "
                + ", ".join(f"factcheck-{k}" for k in _KINDS) + ".", whole))
            continue
        body_start = m.start(1) + dm.start(2)
        body = dm.group(2)
        split = _REASON_SPLIT_RE.search(body)
        ids_part = body[: split.start()] if split else body
        reason = " ".join(body[split.end():].split()) if split else ""
        tokens = [(t.group(0), body_start + t.start(), body_start + t.end())
                  for t in _ID_TOKEN_RE.finditer(ids_part)]
        if not tokens:
            problems.append(_meta_finding(
                INVALID_RULE, f"'factcheck-{kind}' names no rule id; write <!-- factcheck-{kind}: rule-id -->"
                " (rule ids are required).", whole))
            continue
        line = whole.line
        for rule, t_start, t_end in tokens:
            where = _location(doc, t_start, t_end)
            if rule in META_RULES:
                problems.append(_meta_finding(
                    INVALID_RULE, f"'{rule}' cannot be suppressed inline; use --ignore {rule}.", where))
            elif kind == "ignore":
                items.append(Suppression(rule, line, line, reason, kind, where,
                                         alone=_line_is_only_comment(source, m.start(), m.end())))
            elif kind == "ignore-next-line":
                nxt = whole.end_line + 1
                items.append(Suppression(rule, nxt, nxt, reason, kind, where))
            elif kind == "disable":
                if rule in open_blocks:
                    problems.append(_meta_finding(
                        INVALID_RULE, f"'{rule}' is already disabled since line {open_blocks[rule][0]}.", where))
                else:
                    open_blocks[rule] = (line, reason, where)
            else:  # enable
                if rule not in open_blocks:
                    problems.append(_meta_finding(
                        INVALID_RULE, f"'factcheck-enable: {rule}' without a preceding factcheck-disable.", where))
                else:
                    first, why, at = open_blocks.pop(rule)
                    items.append(Suppression(rule, first, whole.end_line, why, "disable", at))
    # A disable without an enable runs to the end of the file (documented).
    for rule, (first, why, at) in open_blocks.items():
        items.append(Suppression(rule, first, n_lines, why, "disable", at))
    return Suppressions(doc.path, tuple(items), tuple(spans), tuple(problems))


def _inside(f: Finding, span: tuple[int, int, int, int]) -> bool:
    loc = f.location
    line, col, end_line, end_col = span
    return (loc.line, loc.column) >= (line, col) and (loc.end_line, loc.end_column) <= (end_line, end_col)


def _unused_message(s: Suppression) -> str:
    lines = f"line {s.first_line}" if s.first_line == s.last_line else f"lines {s.first_line}-{s.last_line}"
    msg = f"Unused suppression: no '{s.rule}' finding on {lines}."
    if s.alone:
        msg += " factcheck-ignore applies to its own line; use factcheck-ignore-next-line above the line."
    return msg


def _unknown_id_message(rule: str, known: Collection[str]) -> str:
    """Name the typo and the id probably meant; a prefix gets the ids it would have to name."""
    under = sorted(k for k in known if k.startswith(rule.rstrip("/") + "/"))
    if under:
        shown = ", ".join(f"'{k}'" for k in under[:3]) + (", ..." if len(under) > 3 else "")
        return (f"Suppression names '{rule}', a prefix, not a rule id: suppressions name exact ids "
                f"({shown}).")
    return f"Suppression names unknown rule id '{rule}'{did_you_mean(rule, known)}."


def apply_suppressions(findings: Iterable[Finding], sup: Suppressions, active: Collection[str],
                       known: Collection[str]) -> list[Finding]:
    """Mark the findings of one document that its directives silence; add the meta findings.

    ``active`` are the rule ids that ran (only their suppressions can be judged
    unused: with ``--select names`` a ``spelling/common`` suppression is not
    stale, just not checked); ``known`` are every rule id that exists, so a
    typo in an id is reported (as invalid, with a suggestion) even when that
    rule is deselected.
    """
    used: set[int] = set()
    out: list[Finding] = []
    for f in findings:
        if f.suppressed is not None or f.rule in META_RULES:
            out.append(f)
            continue
        if any(_inside(f, span) for span in sup.spans):
            out.append(replace(f, suppressed=INSIDE_DIRECTIVE))
            continue
        for i, s in enumerate(sup.items):
            if s.rule == f.rule and s.covers(f):
                used.add(i)
                out.append(replace(f, suppressed=s.reason))
                break
        else:
            out.append(f)
    out.extend(sup.problems)
    for i, s in enumerate(sup.items):
        if i in used:
            continue
        if s.rule not in known:
            out.append(_meta_finding(INVALID_RULE, _unknown_id_message(s.rule, known), s.where))
        elif s.rule in active:
            out.append(_meta_finding(UNUSED_RULE, _unused_message(s), s.where))
    return out


def meta_rule_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """``--select``/``--ignore`` apply to the engine's own rules as to any other."""

    def hit(pats: Sequence[str]) -> bool:
        return any(rule_id == p.rstrip("/") or rule_id.startswith(p.rstrip("/") + "/") for p in pats)

    return (not select or hit(select)) and not hit(ignore)


def suppress_findings(findings: list[Finding], sups: Mapping[str, Suppressions], active: Collection[str],
                      known: Collection[str], config: Config) -> list[Finding]:
    """Apply each reported document's inline suppressions (``sups``: by path) to its findings, of
    both phases of a scan; the engine's meta rules (stale or invalid suppressions) are kept only
    where the config selects them and ``per_file_ignores`` does not drop them."""
    if not sups:
        return findings
    pending = dict(sups)
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out: list[Finding] = []
    for path, fs in by_path.items():
        sup = pending.pop(path, None)
        out.extend(apply_suppressions(fs, sup, _active_in(path, active, config), known) if sup is not None else fs)
    for sup in pending.values():  # documents with directives but no findings
        out.extend(apply_suppressions([], sup, _active_in(sup.path, active, config), known))
    return [f for f in out if f.rule not in META_RULES or
            (meta_rule_selected(f.rule, config.selected, config.ignored) and not config.file_ignores(f.path, f.rule))]


def _active_in(path: str, active: Collection[str], config: Config) -> Collection[str]:
    """The rules that ran on one file: a rule ``per_file_ignores`` drops there cannot make a
    suppression of it stale (its findings never reach the suppressions)."""
    if not config.per_file_ignores:
        return active
    return {r for r in active if not config.file_ignores(path, r)}
