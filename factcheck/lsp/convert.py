"""Findings and claims in LSP shapes: diagnostics, quick fixes, hover text.

Pure functions over plain data (no server, no I/O), so they are unit-tested
without a client.  Finding locations count characters (code points) from 1;
LSP counts from 0 in the units the client negotiated (UTF-16 unless it asked
for another), so every column is re-measured on its source line.
"""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from factcheck.claims.base import Claim
from factcheck.findings import Finding, Location

SOURCE = "factcheck"
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
#: (display path, 1-based line) -> that source line's text ("" when unknown)
LineText = Callable[[str, int], str]
#: display path -> the document's URI
UriOf = Callable[[str], str]


def _units(text: str, encoding: str) -> int:
    """The length of ``text`` in the client's position units."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def position(line_text: str, line: int, column: int, encoding: str = types.PositionEncodingKind.Utf16
             ) -> types.Position:
    """The LSP position of a 1-based (line, character column) on a line whose text is ``line_text``.

    A column past the line's text (the end of a span that takes in its line break) counts the
    missing characters as one unit each.
    """
    prefix = line_text[:column - 1]
    return types.Position(line=line - 1,
                          character=_units(prefix, encoding) + max(0, column - 1 - len(line_text)))


def lsp_range(loc: Location, line_text: LineText, encoding: str = types.PositionEncodingKind.Utf16
              ) -> types.Range:
    return types.Range(start=position(line_text(loc.path, loc.line), loc.line, loc.column, encoding),
                       end=position(line_text(loc.path, loc.end_line), loc.end_line, loc.end_column, encoding))


def to_diagnostic(finding: Finding, line_text: LineText, uri_of: UriOf,
                  encoding: str = types.PositionEncodingKind.Utf16) -> types.Diagnostic:
    """One finding as a diagnostic: severity mapped, ``code`` the rule id, the evidence elsewhere
    (``related``) as ``relatedInformation`` so an editor can jump to the other article."""
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri_of(r.path), range=lsp_range(r, line_text, encoding)),
        message=f"see also: {r.excerpt}") for r in finding.related]
    message = finding.message + (f"\nsuggestion: {finding.suggestion}" if finding.suggestion else "")
    return types.Diagnostic(range=lsp_range(finding.location, line_text, encoding), message=message,
                            severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
                            code=finding.rule, source=SOURCE, related_information=related or None)


def _quick_fix(finding: Finding) -> tuple[Location, str] | None:
    """The safe edit for a finding: (where, new text), or None when there is none.

    Read from the finding's :class:`~factcheck.fixes.Fix`, the one record that
    ``scan --fix``, JSON and SARIF use too: only a safe fix of one edit in the
    finding's own file is offered (unsafe ones -- which article is right, which
    of two right spellings the house uses -- stay the writer's decision).
    """
    fix = finding.fix
    if fix is None or not fix.safe or len(fix.edits) != 1:
        return None
    edit = fix.edits[0]
    if edit.path != finding.path:
        return None
    loc = Location(edit.path, edit.line, edit.column, edit.end_line, edit.end_column, finding.location.excerpt)
    return loc, edit.new_text


def describe_claim(claim: Claim) -> str:
    """Hover text (Markdown) for a claim: what the extractor understood the words to mean.

    A relative date shows the date it resolves to (and the date it counted
    from), a figure its value and unit, a name its canonical form.
    """
    value = claim.value
    lines = [f"**{claim.kind}** `{' '.join(claim.text.split())}` → `{value}`"]
    if claim.unit:
        lines[0] += f" {claim.unit}"
    details = []
    if claim.qualifier:
        details.append(f"qualifier: {claim.qualifier}")
    for key in ("granularity", "anchor", "speaker", "canonical", "reason"):
        extra = claim.get(key)
        if extra not in (None, "", value):
            details.append(f"{key}: {extra}")
    if details:
        lines.append(", ".join(details))
    return "\n\n".join(lines)
