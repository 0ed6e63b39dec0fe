"""Output formats, one module each, behind one small interface.

A formatter is ``render(report, context) -> str``: it reads findings and never
computes them.  Output is deterministic: the same report renders to the same
bytes.

Formats for people and CI logs (text, concise, github, junit, gitlab, html) show
only :meth:`Report.visible` findings -- not suppressed, not accepted by the
baseline -- because that is what the exit code is about.  ``json`` and
``sarif`` carry every finding, marked, so tools can audit what was hidden.

Reports of every finding can be larger than memory should hold at once (and
than one ``write`` can move: see :mod:`factcheck.report.jsonstream`), so
``json`` and ``sarif`` also have a writer, ``write(report, context, out)``,
which :func:`write_report` uses: the same bytes, written finding by finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factcheck.report import concise, github, gitlab, html, json_format, junit, sarif, text
from factcheck.scan_report import Report

Formatter = Callable[[Report, "RenderContext"], str]
Writer = Callable[[Report, "RenderContext", TextIO], None]


class RenderContext:
    """What a formatter may need besides the report: colour, tool version, failure threshold."""

    def __init__(self, color: bool = False, version: str = "", fail_on: str = "warning") -> None:
        self.color = color
        self.version = version
        self.fail_on = fail_on


FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "concise": concise.render,
    "html": html.render,
}

#: formats written piece by piece (the same bytes as their formatter's string)
WRITERS: dict[str, Writer] = {
    "json": json_format.write,
    "sarif": sarif.write,
}


def write_report(fmt: str, report: Report, ctx: RenderContext, out: TextIO) -> None:
    """Write ``report`` in ``fmt`` to ``out``: streamed where the format has a writer, else at once."""
    writer = WRITERS.get(fmt)
    if writer is not None:
        writer(report, ctx, out)
    else:
        out.write(FORMATTERS[fmt](report, ctx))
