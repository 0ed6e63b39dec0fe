"""Output formats, one module each, behind one small interface.

A formatter is ``render(report, context) -> str``: it reads findings and never
computes them.  Output is deterministic: the same report renders to the same
bytes.

Formats for people and CI logs (text, concise, github, junit, gitlab, html) show
only :meth:`Report.visible` findings -- not suppressed, not accepted by the
baseline -- because that is what the exit code is about.  ``json`` and
``sarif`` carry every finding, marked, so tools can audit what was hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.engine import Report
from factcheck.report import concise, github, gitlab, html, json_format, junit, sarif, text

Formatter = Callable[[Report, "RenderContext"], str]


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
