"""``--format gitlab``: a GitLab Code Quality report (a subset of the Code Climate spec).

GitLab shows these in the merge request widget and the diff.  Each issue has
``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location.path``/``location.lines``.  GitLab keeps only the first issue per
fingerprint, so repeated copies of one finding (same identity, see
:mod:`factcheck.baseline`) get a fingerprint derived from the identity and
the copy's rank in file order: stable across edits, unique per report.
Severities: error -> critical, warning -> major, info -> info.  Only
findings that count are listed (GitLab compares against the target branch's
report itself, so baselined findings would only add noise).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from factcheck.findings import fingerprint

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def render(report: Report, ctx: RenderContext) -> str:
    seen: Counter[str] = Counter()
    issues: list[dict[str, Any]] = []
    for f in report.visible():
        base = f.fingerprint or fingerprint(f)
        k = seen[base]
        seen[base] += 1
        fp = base if k == 0 else hashlib.sha256(f"{base}:{k}".encode()).hexdigest()[:32]
        description = f.message + (f" Suggestion: {f.suggestion}." if f.suggestion else "")
        if f.related:
            description += " See also: " + "; ".join(f"{r.path}:{r.line}" for r in f.related) + "."
        issues.append({
            "type": "issue",
            "check_name": f.rule,
            "description": description,
            "severity": SEVERITIES[f.severity],
            "fingerprint": fp,
            "location": {"path": f.path, "lines": {"begin": f.location.line, "end": f.location.end_line}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
