"""``--format concise``: ``path:line:col: severity [rule] message``, one finding per line.

The shape every editor's "jump to error" and every ``grep``/``awk`` pipeline
understands.  No snippet, no summary: an empty output means nothing to fix.
Only findings that count are shown (not suppressed, not in the baseline).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.findings import Finding
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report


def line(f: Finding) -> str:
    loc = f.location
    message = " ".join(f.message.split())  # one finding, one line, whatever the message holds
    return f"{shown(loc.path)}:{loc.line}:{loc.column}: {f.severity} [{f.rule}] {shown(message)}"


def render(report: Report, ctx: RenderContext) -> str:
    return "".join(line(f) + "\n" for f in report.visible())
