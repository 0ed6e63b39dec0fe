"""Fixes: the edit a finding proposes, in the source offsets of its file.

Modelled on ruff: a finding may carry a :class:`Fix`, one or more
:class:`Edit` s that replace a span of the file as decoded, and whether
applying it is *safe*.  Safe fixes (a substitution rule's swap, a name the
story spells one way everywhere else) are what ``factcheck scan --fix``
applies; unsafe ones (which of two conflicting figures is right is a
judgement) only with ``--unsafe-fixes``.

Edits are made only where the analysed text is the source text character
for character: a span that crosses markup, an HTML entity or a collapsed
line break gets no fix (:func:`replace_span` returns None), so a fix can
never break a link, a tag or a code block -- those are not in the analysed
text at all, and nothing around them is touched.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from factcheck.documents import Document


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` of the file ``path`` by ``new_text``.

    ``start``/``end`` are offsets in the decoded source (the BOM excluded);
    line and columns (1-based, exclusive end column as in SARIF) are kept for
    the JSON and SARIF reports, which must not need the document.
    """

    path: str
    start: int
    end: int
    new_text: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.new_text}


@dataclass(frozen=True)
class Fix:
    """What applying a finding's suggestion changes, and whether that is safe without a person's judgement."""

    edits: tuple[Edit, ...]
    safe: bool

    def to_json(self) -> dict[str, Any]:
        return {"safe": self.safe, "edits": [e.to_json() for e in self.edits]}


def _in_inline_code(source: str, offset: int) -> bool:
    """Whether ``offset`` is inside a Markdown code span: an odd number of backticks before it on its line.

    Code spans stay in the analysed text (their words are prose often enough),
    but code is never rewritten.
    """
    line_start = max(source.rfind("\n", 0, offset), source.rfind("\r", 0, offset)) + 1
    return source.count("`", line_start, offset) % 2 == 1


def replace_span(doc: Document, start: int, end: int, new_text: str, *, safe: bool) -> Fix | None:
    """A fix replacing the analysed-text span ``[start, end)`` of ``doc`` by ``new_text``.

    None when the span is not plain text in the source (it crosses markup, an
    entity or a ``\\r\\n``), when it is empty, or when nothing would change.
    In HTML the new text is escaped, so a replacement can never add markup.
    """
    if end <= start or not new_text:
        return None
    s, e = doc.source_span(start, end)
    if doc.source[s:e] != doc.text[start:end]:
        return None  # the span is not the source verbatim: never edit across markup
    if doc.fmt == "markdown" and _in_inline_code(doc.source, s):
        return None
    if doc.fmt == "html":
        new_text = html.escape(new_text, quote=False)
    if doc.source[s:e] == new_text:
        return None
    line, col = doc.position(s)
    end_line, end_col = doc.position(e)
    return Fix((Edit(doc.path, s, e, new_text, line, col, end_line, end_col),), safe)
