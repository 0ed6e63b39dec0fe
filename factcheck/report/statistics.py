"""``scan --statistics``: how many findings each rule produced, most first (like ``ruff --statistics``).

It answers "which rules matter in this corpus?" before anyone reads single
findings.  Only findings that count are counted (not suppressed, not accepted
in the baseline), the ones the exit code is about.  A rule can report at
more than one severity (weaker evidence lower), so the severities seen are
listed, most severe first.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from factcheck.findings import SEVERITIES
from factcheck.rules.model import first_sentence
from factcheck.scan_report import Report
from factcheck.suppressions import META_RULES


@dataclass(frozen=True)
class RuleCount:
    rule: str
    count: int
    by_severity: dict[str, int]
    summary: str


def rule_counts(report: Report) -> list[RuleCount]:
    """Visible findings per rule, sorted by count (descending), then rule id."""
    per_rule: dict[str, Counter[str]] = {}
    for f in report.visible():
        per_rule.setdefault(f.rule, Counter())[f.severity] += 1
    summaries = {r.id: r.summary() for r in report.rules}
    out = []
    for rule_id, sev in per_rule.items():
        summary = summaries.get(rule_id) or (first_sentence(META_RULES[rule_id][1]) if rule_id in META_RULES
                                             else "")
        out.append(RuleCount(rule_id, sum(sev.values()),
                             {s: sev[s] for s in SEVERITIES if sev[s]}, summary))
    return sorted(out, key=lambda c: (-c.count, c.rule))


def render_text(report: Report) -> str:
    """``count  rule  severity  summary``, one line per rule that reported."""
    counts = rule_counts(report)
    if not counts:
        return ""
    num = max(len(str(c.count)) for c in counts)
    rule = max(len(c.rule) for c in counts)
    sev = [("/".join(c.by_severity), c) for c in counts]
    sev_w = max(len(s) for s, _c in sev)
    return "".join(f"{c.count:>{num}}  {c.rule:<{rule}}  {s:<{sev_w}}  {c.summary}".rstrip() + "\n"
                   for s, c in sev)


def render_json(report: Report) -> str:
    rows = [{"rule": c.rule, "count": c.count, "by_severity": c.by_severity, "summary": c.summary}
            for c in rule_counts(report)]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
