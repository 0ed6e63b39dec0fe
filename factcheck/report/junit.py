"""``--format junit``: JUnit XML, the format every CI test reporter reads.

Layout (as ESLint and other linters do it, which GitLab, Jenkins, Azure and
GitHub test-report actions all accept): one ``<testsuite>`` per reported
document; one ``<testcase>`` per finding that counts, with a ``<failure>``
when its severity is at or above ``--fail-on`` (so the reporter's red/green
agrees with the exit code) and a plain passing test with the message in
``<system-out>`` when below; a document without findings gets one passing
test case, so a clean run shows as N passing tests rather than none.

Built with :mod:`xml.etree.ElementTree` (escaping done right), with
characters XML 1.0 forbids replaced; times are always 0 so the output is
byte-identical across runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from factcheck.findings import SEVERITY_RANK, Finding
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Control characters escaped as in every human-readable format (``\x1b``; XML 1.0 forbids
    most of them anyway), and the two non-characters XML also forbids replaced."""
    return _XML_INVALID_RE.sub("\ufffd", shown(text, keep_newlines=True))


def _detail(f: Finding) -> str:
    loc = f.location
    lines = [f"{loc.path}:{loc.line}:{loc.column}: {f.severity} [{f.rule}] {f.message}",
             f"excerpt: {loc.excerpt}"]
    if f.suggestion:
        lines.append(f"suggestion: {f.suggestion}")
    lines += [f"see also: {r.path}:{r.line}:{r.column}: {r.excerpt}" for r in f.related]
    return _clean("\n".join(lines))


def render(report: Report, ctx: RenderContext) -> str:
    threshold = SEVERITY_RANK[ctx.fail_on]
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.visible():
        by_path[f.path].append(f)
    paths = sorted({d.path for d in report.reported_documents()} | set(by_path))
    root = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for path in paths:
        findings = by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        n_fail = 0
        if not findings:
            ET.SubElement(suite, "testcase", name="factcheck", classname=_clean(path), time="0")
        for f in findings:
            loc = f.location
            case = ET.SubElement(suite, "testcase", name=_clean(f"{f.rule} at {loc.line}:{loc.column}"),
                                 classname=_clean(path), time="0")
            if SEVERITY_RANK[f.severity] >= threshold:
                n_fail += 1
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.severity)
                failure.text = _detail(f)
            else:
                ET.SubElement(case, "system-out").text = _detail(f)
        n_tests = max(1, len(findings))
        suite.set("tests", str(n_tests))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        total += n_tests
        failures += n_fail
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
