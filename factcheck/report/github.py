"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``, one
per finding that counts.  Severities map to ``error``, ``warning`` and
``notice``.  Annotations have no notion of related locations, so the evidence
in other articles is appended to the message ("see also"), which GitHub
shows on separate lines.  Values are escaped as the runner requires
(``%``, CR, LF everywhere; also ``:`` and ``,`` in properties), otherwise a
message containing ``::`` or a path with a comma would break the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.findings import Finding
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """The runner's escapes, after :func:`shown` (GitHub's log viewer interprets ANSI sequences);
    line feeds stay, as ``%0A``, because annotations are multi-line."""
    return shown(value, keep_newlines=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    loc = f.location
    props = [("file", loc.path), ("line", str(loc.line)), ("col", str(loc.column)),
             ("endLine", str(loc.end_line)), ("endColumn", str(loc.end_column)),
             ("title", f"factcheck: {f.rule}")]
    message = f.message
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    for r in f.related:
        message += f"\nSee also {r.path}:{r.line}:{r.column}: {r.excerpt}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{LEVELS[f.severity]} {head}::{escape_data(message)}"


def render(report: Report, ctx: RenderContext) -> str:
    return "".join(command(f) + "\n" for f in report.visible())
