"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver`` lists every rule that ran (id, ``shortDescription``
the rule's one-line summary, ``fullDescription`` its whole description --
the text of ``factcheck rule ID``, from the same :class:`RuleDoc` --, ``help``
(code scanning's rule help panel: the description and where to read more),
``helpUri`` from the rule's ``link``, default level) plus the engine's own
suppression rules when they fired.  Every finding is a result,
including suppressed ones (``suppressions: [{kind: inSource, justification}]``)
and, when a baseline was used, accepted ones (``baselineState``
``unchanged``; otherwise ``new``): SARIF consumers hide those themselves,
and an auditor can see what was accepted and why.  Accepted findings the
scan no longer finds follow as ``absent`` results, located by file only.

Paths are relative URIs against ``%SRCROOT%`` (the directory factcheck ran
in), which is what GitHub expects for a repository checkout.  Columns count
characters, so the run declares ``columnKind: unicodeCodePoints``; end
columns are exclusive in both factcheck and SARIF.  ``partialFingerprints``
carries factcheck's line-independent fingerprint so viewers track a finding
across edits.  No timestamps or absolute paths: the same scan gives the same
bytes on any machine.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from factcheck.findings import Finding, Location, fingerprint
from factcheck.fixes import Fix
from factcheck.report.jsonstream import Items, dump
from factcheck.rules.docs import RuleDoc
from factcheck.suppressions import META_RULES

if TYPE_CHECKING:
    from factcheck.baseline import Entry
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factcheck/v2"


def artifact(path: str) -> dict[str, Any]:
    """A relative path becomes a %SRCROOT%-relative URI; an absolute one a file: URI."""
    if PurePosixPath(path).is_absolute() or (len(path) > 2 and path[1] == ":"):
        return {"uri": "file://" + ("" if path.startswith("/") else "/") + quote(path.replace("\\", "/"))}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def region(loc: Location, snippet: bool = True) -> dict[str, Any]:
    r: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.column,
                         "endLine": loc.end_line, "endColumn": loc.end_column}
    if snippet:
        r["snippet"] = {"text": loc.excerpt}
    return r


def physical(loc: Location) -> dict[str, Any]:
    return {"artifactLocation": artifact(loc.path), "region": region(loc)}


def _descriptor(doc: RuleDoc) -> dict[str, Any]:
    full = doc.full_description() or doc.summary
    d: dict[str, Any] = {"id": doc.id, "shortDescription": {"text": doc.summary},
                         "fullDescription": {"text": full},
                         "help": {"text": f"{full}\n\nRun `factcheck rule {doc.id}` for its options and examples."}}
    if doc.link:
        d["helpUri"] = doc.link
    d["defaultConfiguration"] = {"level": LEVELS[doc.severity]}
    return d


def _descriptors(report: Report) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for r in report.rules:
        if r.id in seen:
            continue
        seen.add(r.id)
        out.append(_descriptor(RuleDoc.of(r)))
    for rule_id in sorted({f.rule for f in report.findings} - seen):
        if rule_id in META_RULES:
            out.append(_descriptor(RuleDoc.of_meta(rule_id)))
        else:  # a finding of a rule the report does not list: still a valid descriptor
            out.append({"id": rule_id, "shortDescription": {"text": rule_id}, "fullDescription": {"text": rule_id},
                        "defaultConfiguration": {"level": "warning"}})
    return out


def fix(change: Fix, suggestion: str | None) -> dict[str, Any]:
    """A SARIF fix: the finding's edits grouped by file, in the order the finding gives them.

    Only a finding that carries a :class:`~factcheck.fixes.Fix` gets one: a
    suggestion with no sure edit (one crossing markup) is text, not a change
    a tool may apply.  An unsafe fix says so in its description.
    """
    by_path: dict[str, list[dict[str, Any]]] = {}
    for e in change.edits:
        by_path.setdefault(e.path, []).append({
            "deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line,
                              "endColumn": e.end_column},
            "insertedContent": {"text": e.new_text}})
    text = f"Replace with '{suggestion if suggestion is not None else change.edits[0].new_text}'."
    if not change.safe:
        text += " Unsafe: check it (factcheck scan --fix --unsafe-fixes applies it)."
    return {"description": {"text": text},
            "artifactChanges": [{"artifactLocation": artifact(p), "replacements": reps}
                                for p, reps in by_path.items()]}


def result(f: Finding, index: int) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical(f.location)}],
    }
    if f.related:
        res["relatedLocations"] = [{"id": i, "physicalLocation": physical(r), "message": {"text": r.excerpt}}
                                   for i, r in enumerate(f.related, 1)]
    res["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint or fingerprint(f)}
    if f.fix is not None:
        res["fixes"] = [fix(f.fix, f.suggestion)]
    if f.suppressed is not None:
        sup: dict[str, Any] = {"kind": "inSource"}
        if f.suppressed:
            sup["justification"] = f.suppressed
        res["suppressions"] = [sup]
    if f.baseline_state is not None:
        res["baselineState"] = f.baseline_state
    return res


def absent_result(entry: Entry, report: Report, index: dict[str, int]) -> dict[str, Any]:
    """A finding the baseline accepted that this scan no longer finds: fixed, or
    its file changed.  SARIF viewers show it as gone (``baselineState: absent``).
    The baseline keeps no line numbers, so the location is the file alone."""
    res: dict[str, Any] = {"ruleId": entry.rule}
    if entry.rule in index:
        res["ruleIndex"] = index[entry.rule]
    severity = next((r.severity for r in report.rules if r.id == entry.rule), None)
    if severity is not None:
        res["level"] = LEVELS[severity]
    res["message"] = {"text": entry.message or f"{entry.rule}: '{entry.excerpt}'"}
    res["locations"] = [{"physicalLocation": {"artifactLocation": artifact(entry.path)}}]
    res["partialFingerprints"] = {FINGERPRINT_KEY: entry.fingerprint}
    res["baselineState"] = "absent"
    return res


def _results(report: Report, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    """Every result in report order, made as it is written: the findings, then the absent ones."""
    for f in report.findings:
        yield result(f, index[f.rule])
    for entry, n in report.baseline_absent:
        absent = absent_result(entry, report, index)
        for _ in range(n):
            yield absent


def write(report: Report, ctx: RenderContext, out: TextIO) -> None:
    """The SARIF log to ``out``, one result at a time (see :mod:`factcheck.report.jsonstream`)."""
    from factcheck import __version__

    rules = _descriptors(report)
    index = {d["id"]: i for i, d in enumerate(rules)}
    run = {
        "tool": {"driver": {"name": "factcheck", "version": ctx.version or __version__,
                            "semanticVersion": ctx.version or __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": Items(_results(report, index)),
    }
    dump({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, out)
    out.write("\n")


def render(report: Report, ctx: RenderContext) -> str:
    """The whole SARIF log as one string (what :func:`write` writes)."""
    buf = io.StringIO()
    write(report, ctx, buf)
    return buf.getvalue()
