"""Output formats, one module each, behind one small interface.

A formatter is ``render(report, context) -> str``: it reads findings and never
computes them.  Output is deterministic: the same report renders to the same
bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.engine import Report
from factcheck.report import json_format, text

Formatter = Callable[[Report, "RenderContext"], str]


class RenderContext:
    """What a formatter may need besides the report: colour, tool version."""

    def __init__(self, color: bool = False, version: str = "") -> None:
        self.color = color
        self.version = version


FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
}
