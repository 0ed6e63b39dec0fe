"""The HTML report's per-document view: the article's text with spans marked, and its claims ledger.

A finding's link lands on its span in the article, and so does every related
location ("see also" in the text format), so a reader can check a conflict
against both articles' own words.  The text shown is the file's source, so
lines and columns in the report mean what they mean everywhere else in
factcheck.  The ledger is what the extractors read, grouped as a fact-checker
works through an article: dates (with how relative ones were resolved),
figures, names, quotes with their speakers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import SEVERITY_RANK, Location
from factcheck.report.claims import claim_to_json
from factcheck.safetext import shown

#: ledger sections: heading, the claim kinds in it
LEDGER_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Dates", ("date",)),
    ("Figures", ("quantity", "count", "ordinal", "vote")),
    ("Names", ("name",)),
    ("Quotes", ("quote",)),
    ("Lists", ("enumeration",)),
)
#: claim attributes worth a reader's eye, in the order shown
_DETAIL_KEYS = ("unit", "qualifier", "granularity", "anchor", "reason", "type", "title", "speaker", "verb",
                "subject")


@dataclass(frozen=True)
class Mark:
    """A span to mark in a document: a finding's own (``severity`` set) or a related location (None)."""

    start: int
    end: int
    anchor: str
    severity: str | None


@dataclass(frozen=True)
class Piece:
    """A run of a document's text: plain, or marked (``mark`` is a CSS class), with anchors starting here."""

    text: str
    mark: str | None = None
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class LedgerRow:
    line: int
    column: int
    kind: str
    text: str
    value: str
    details: str


@dataclass(frozen=True)
class LedgerGroup:
    title: str
    rows: tuple[LedgerRow, ...]


@dataclass(frozen=True)
class FindingLink:
    """A finding of this document, listed in its view: links back to the finding in its story."""

    anchor: str
    severity: str
    rule: str
    line: int
    column: int


@dataclass(frozen=True)
class DocView:
    anchor: str
    path: str
    title: str
    date: str
    story_anchor: str | None
    reported: bool  # False: a ``corpus`` document, shown only because a finding cites it
    pieces: tuple[Piece, ...]
    findings: tuple[FindingLink, ...]
    ledger: tuple[LedgerGroup, ...]
    claims: int


def line_starts(source: str) -> list[int]:
    """Source offsets at which each line starts (the same line breaks as ``Document.locate`` counts)."""
    return [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", source))]


def source_offsets(starts: Sequence[int], loc: Location, size: int) -> tuple[int, int]:
    """The source offsets ``[start, end)`` of a location's 1-based line/column span, clamped to the file."""
    def at(line: int, col: int) -> int:
        if line < 1 or line > len(starts):
            return size
        return min(size, starts[line - 1] + col - 1)

    s = at(loc.line, loc.column)
    return s, max(s, at(loc.end_line, loc.end_column))


def visible(text: str) -> str:
    """Article text as shown in the page: escaped control and bidirectional characters, line breaks kept
    (Jinja's autoescape handles ``<`` and ``&``; this keeps a reader seeing what the file holds)."""
    return shown(text, keep_newlines=True)


def marked_pieces(source: str, marks: Sequence[Mark]) -> tuple[Piece, ...]:
    """``source`` cut at every mark's edges; each piece marked by the strongest mark covering it.

    Overlapping marks (a misspelling that is also another finding's related
    location) never nest: the text is cut into pieces, so the HTML stays
    flat and every anchor lands where its span starts.
    """
    cuts = sorted({0, len(source), *(m.start for m in marks), *(m.end for m in marks)})
    anchors: dict[int, list[str]] = {}
    for m in sorted(marks, key=lambda m: (m.start, m.anchor)):
        anchors.setdefault(m.start, []).append(m.anchor)
    pieces: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        pieces.append(Piece(visible(source[a:b]), _mark_class(covering), tuple(anchors.pop(a, ()))))
    if anchors:  # marks at the very end of the file (empty spans there)
        pieces.append(Piece("", None, tuple(a for k in sorted(anchors) for a in anchors[k])))
    return tuple(pieces)


def _mark_class(covering: Sequence[Mark]) -> str | None:
    own = [m.severity for m in covering if m.severity is not None]
    if own:
        return "sev-" + max(own, key=lambda s: SEVERITY_RANK[s])
    return "related" if covering else None


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    return str(value)


def ledger(doc: Document, claims: Sequence[Claim]) -> tuple[LedgerGroup, ...]:
    """The document's claims, grouped (see :data:`LEDGER_GROUPS`), in document order within a group."""
    rows: dict[str, list[LedgerRow]] = {}
    for claim in sorted(claims, key=lambda c: c.sort_key):
        d = claim_to_json(doc, claim)
        details = [f"{k}: {_flat(d[k])}" for k in _DETAIL_KEYS if d.get(k) not in (None, "", [], {})]
        if claim.kind == "enumeration" and d.get("items"):
            details.append(f"items: {len(d['items'])}")
        rows.setdefault(claim.kind, []).append(LedgerRow(
            d["line"], d["column"], claim.kind, visible(" ".join(str(d["text"]).split())),
            visible(_flat(d["value"])), visible("; ".join(details))))
    return tuple(LedgerGroup(title, tuple(r for k in kinds for r in rows.get(k, ())))
                 for title, kinds in LEDGER_GROUPS if any(k in rows for k in kinds))


def doc_view(doc: Document, anchor: str, claims: Sequence[Claim], marks: Sequence[Mark],
             findings: Sequence[FindingLink], story_anchor: str | None, reported: bool) -> DocView:
    return DocView(anchor=anchor, path=visible(doc.path), title=visible(doc.title or ""),
                   date=doc.pub_date.isoformat() if doc.pub_date else "", story_anchor=story_anchor,
                   reported=reported, pieces=marked_pieces(doc.source, marks), findings=tuple(findings),
                   ledger=ledger(doc, claims), claims=len(claims))

