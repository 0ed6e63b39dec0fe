"""``--format text``: for people at a terminal.

Each finding shows ``path:line:col``, severity, rule id and message, then the
source line with the span underlined (read back from the file: a file changed
since the scan gets a note instead).  Long paragraphs are windowed around the
span so the marker stays on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from factcheck.documents import Document
from factcheck.findings import Finding
from factcheck.safetext import shown
from factcheck.stored import DocumentChanged

if TYPE_CHECKING:
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_DIM, _BOLD, _RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"
WINDOW = 100


def snippet(line: str, col: int, end_col: int) -> tuple[str, str]:
    """(line excerpt, marker line) for 1-based columns, windowed to ~WINDOW chars."""
    start, end = col - 1, max(end_col - 1, col)
    lo = 0
    hi = len(line)
    if hi > WINDOW:
        lo = max(0, start - (WINDOW - min(end - start, WINDOW)) // 2)
        hi = min(len(line), lo + WINDOW)
        lo = max(0, min(lo, hi - WINDOW))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    # Control characters are shown escaped ("\x1b", four columns), so the caret is placed by
    # the escaped widths of the text before and inside the span, not by raw columns.
    before = _visible(line[lo:start])
    inside = _visible(line[start:min(end, hi)])
    text = prefix + before + inside + _visible(line[min(end, hi):hi]) + suffix
    caret_start = len(prefix) + len(before)
    return text, " " * caret_start + "^" * max(1, len(inside))


def _visible(part: str) -> str:
    """A piece of a source line as printed: tabs as one space (keeps columns), controls escaped."""
    return shown(part.replace("\t", " "))


def render_finding(f: Finding, docs: Mapping[str, Document], color: bool) -> list[str]:
    loc = f.location
    sev = f.severity
    if color:
        head = (f"{_BOLD}{shown(loc.path)}:{loc.line}:{loc.column}{_RESET}: {_COLORS[sev]}{sev}{_RESET} "
                f"{_DIM}[{f.rule}]{_RESET} {shown(f.message)}")
    else:
        head = f"{shown(loc.path)}:{loc.line}:{loc.column}: {sev} [{f.rule}] {shown(f.message)}"
    tags = []
    if f.suppressed is not None:
        tags.append(f"suppressed: {shown(f.suppressed)}" if f.suppressed else "suppressed")
    if f.baseline_state == "unchanged":
        tags.append("in baseline")
    if tags:
        head += f" ({'; '.join(tags)})"
    out = [head]
    doc = docs.get(loc.path)
    if doc is not None:
        try:
            src_line = doc.line_text(loc.line)
        except DocumentChanged:  # its line is read back from the file (see factcheck.stored)
            out.append("    (the file changed after it was scanned: no excerpt; scan again)")
        else:
            end_col = loc.end_column if loc.end_line == loc.line else len(src_line) + 1
            excerpt, marker = snippet(src_line, loc.column, end_col)
            out.append(f"    {excerpt}")
            out.append(f"    {marker}")
    if f.suggestion:
        out.append(f"    suggestion: {shown(f.suggestion)}")
    for r in f.related:
        out.append(f"    see also: {shown(r.path)}:{r.line}:{r.column}: {shown(r.excerpt)}")
    return out


def render(report: Report, ctx: RenderContext) -> str:
    """Findings that count (not suppressed, not in the baseline), then a summary line.

    Hidden findings are only counted in the summary: with a baseline of
    hundreds of accepted findings, listing them would bury the new one.
    """
    lines: list[str] = []
    docs = {d.path: d for d in report.documents}
    for f in report.visible():
        lines.extend(render_finding(f, docs, ctx.color))
    counts = report.counts()
    total = sum(counts.values())
    plural = "s" if report.files != 1 else ""
    summary = (f"{report.files} file{plural} scanned, {total} finding{'s' if total != 1 else ''} "
               f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)")
    hidden = report.hidden()
    extra = []
    if hidden["suppressed"]:
        extra.append(f"{hidden['suppressed']} suppressed inline")
    if hidden["baseline"]:
        extra.append(f"{hidden['baseline']} accepted in the baseline")
    if extra:
        summary += "; not shown: " + ", ".join(extra)
    lines.append(summary)
    return "\n".join(lines) + "\n"
