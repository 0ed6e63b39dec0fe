"""``--format json``: the documented, versioned wire format (see README)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.findings import Finding
from factcheck.report.jsonstream import Items, dump

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

#: Bumped on any breaking change to the shape below.
JSON_VERSION = 1


def finding_to_json(f: Finding) -> dict[str, Any]:
    loc = f.location
    d: dict[str, Any] = {
        "rule": f.rule, "severity": f.severity, "message": f.message, "path": loc.path,
        "line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
        "excerpt": loc.excerpt, "suggestion": f.suggestion,
        "related": [r.to_json(full=False) for r in f.related],
        "fingerprint": f.fingerprint,
    }
    if "evidence" in f.data:
        d["evidence"] = f.data["evidence"]  # why a corpus rule made the finding (see README "JSON output")
    if f.fix is not None:
        d["fix"] = f.fix.to_json()  # an added field: JSON_VERSION stays (see README "Fixing")
    if f.suppressed is not None:
        d["suppressed"] = f.suppressed
    if f.baseline_state is not None:
        d["baseline_state"] = f.baseline_state
    return d


def write(report: Report, ctx: RenderContext, out: TextIO) -> None:
    """The report to ``out``, one finding at a time (see :mod:`factcheck.report.jsonstream`)."""
    counts = report.counts()
    payload = {
        "version": JSON_VERSION,
        "findings": Items(finding_to_json(f) for f in report.findings),
        "summary": {"files": report.files, "findings": sum(counts.values()), "by_severity": counts},
    }
    dump(payload, out)
    out.write("\n")


def render(report: Report, ctx: RenderContext) -> str:
    """The whole report as one string (what :func:`write` writes)."""
    buf = io.StringIO()
    write(report, ctx, buf)
    return buf.getvalue()
