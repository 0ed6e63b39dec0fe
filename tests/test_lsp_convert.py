"""The LSP conversions: findings to diagnostics (positions, severity, related locations), quick fixes, hovers."""

from __future__ import annotations

from dataclasses import replace

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from factcheck.claims.base import Claim
from factcheck.findings import Finding, Location
from factcheck.fixes import Edit, Fix
from factcheck.lsp.convert import _quick_fix, describe_claim, position, to_diagnostic

LINES = {("a.md", 3): "Le président 😀 Kim Long Un a dit", ("b.txt", 1): "Kim Jong Un"}


def _line(path: str, line: int) -> str:
    return LINES.get((path, line), "")


def _finding(rule: str = "names/variant", suggestion: str | None = "Kim Jong Un", excerpt: str = "Kim Long Un",
             severity: str = "error") -> Finding:
    col = LINES[("a.md", 3)].index("Kim") + 1
    return Finding(rule=rule, severity=severity, message="'Kim Long Un' looks like a misspelling",
                   location=Location("a.md", 3, col, 3, col + len(excerpt), excerpt), suggestion=suggestion,
                   related=(Location("b.txt", 1, 1, 1, 12, "Kim Jong Un"),))


def test_columns_are_counted_in_the_negotiated_units() -> None:
    line = LINES[("a.md", 3)]
    col = line.index("Kim") + 1  # characters, 1-based
    assert position(line, 3, col) == types.Position(line=2, character=col - 1 + 1)  # the emoji is 2 UTF-16 units
    assert position(line, 3, col, types.PositionEncodingKind.Utf32) == types.Position(line=2, character=col - 1)
    utf8 = len(line[:col - 1].encode("utf-8"))
    assert position(line, 3, col, types.PositionEncodingKind.Utf8).character == utf8
    assert position("ab", 1, 5).character == 4  # past the line's end (its line break): one unit each


def test_a_finding_becomes_a_diagnostic_with_its_related_locations() -> None:
    diag = to_diagnostic(_finding(), _line, lambda p: f"file:///ws/{p}")
    line = LINES[("a.md", 3)]
    start = len(line[:line.index("Kim")].encode("utf-16-le")) // 2
    assert diag.range == types.Range(start=types.Position(line=2, character=start),
                                     end=types.Position(line=2, character=start + 11))
    assert (diag.code, diag.source, diag.severity) == ("names/variant", "factcheck", types.DiagnosticSeverity.Error)
    assert "suggestion: Kim Jong Un" in diag.message
    (rel,) = diag.related_information or []
    assert rel.location.uri == "file:///ws/b.txt"
    assert rel.location.range == types.Range(start=types.Position(line=0, character=0),
                                             end=types.Position(line=0, character=11))
    assert to_diagnostic(_finding(severity="info"), _line, str).severity == types.DiagnosticSeverity.Information
    assert to_diagnostic(_finding(severity="warning"), _line, str).severity == types.DiagnosticSeverity.Warning
    bare = to_diagnostic(Finding("sourcing/anonymous", "info", "m", Location("a.md", 3, 1, 3, 2, "L")), _line, str)
    assert bare.related_information is None and bare.message == "m"


def _fixed(f: Finding, safe: bool = True, path: str = "a.md", edits: int = 1) -> Finding:
    loc = f.location
    edit = Edit(path, 10, 21, "Kim Jong Un", loc.line, loc.column, loc.end_line, loc.end_column)
    return replace(f, fix=Fix((edit,) * edits, safe))


def test_only_safe_single_edit_fixes_are_quick_fixes() -> None:
    f = _fixed(_finding())
    assert _quick_fix(f) == (f.location, "Kim Jong Un")
    assert _quick_fix(_finding()) is None  # a suggestion without a Fix record is advice, not text
    assert _quick_fix(_fixed(_finding(rule="figures/conflict"), safe=False)) is None  # which article is right
    assert _quick_fix(_fixed(_finding(), path="b.txt")) is None  # never an edit in another file
    assert _quick_fix(_fixed(_finding(), edits=2)) is None


def test_hover_shows_the_normalised_value() -> None:
    date = Claim("date", 0, 6, "Sunday", "2019-12-29", attrs={"granularity": "day", "anchor": "2019-12-30"})
    text = describe_claim(date)
    assert "`Sunday` → `2019-12-29`" in text and "anchor: 2019-12-30" in text
    figure = Claim("quantity", 0, 9, "5 million", 5_000_000, unit="USD", qualifier="about")
    assert "`5000000` USD" in describe_claim(figure) and "qualifier: about" in describe_claim(figure)
