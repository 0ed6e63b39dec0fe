"""Findings: the one record shape that every rule emits and every formatter reads.

Rules never format and formatters never compute.  A finding knows where it is
(path, 1-based line/column, exclusive end column as in SARIF), what it says,
what to write instead, where the evidence elsewhere is (``related``) and a
``fingerprint`` that survives edits which do not touch it (used by baselines).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.documents import Document

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Location:
        """The source location of the text span ``[start, end)`` of ``doc``."""
        line, col, end_line, end_col, excerpt = doc.locate(start, end)
        return cls(doc.path, line, col, end_line, end_col, excerpt)

    def to_json(self, full: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path, "line": self.line, "column": self.column}
        if full:
            d.update(end_line=self.end_line, end_column=self.end_column)
        d["excerpt"] = self.excerpt
        return d


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    location: Location
    suggestion: str | None = None
    related: tuple[Location, ...] = ()
    fingerprint: str = ""
    suppressed: str | None = None  # the reason, when an inline suppression applies
    baseline_state: str | None = None  # "new" | "unchanged" when a baseline was used
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)

    def with_fingerprint(self) -> Finding:
        return replace(self, fingerprint=fingerprint(self))


def normalise_excerpt(text: str) -> str:
    """Whitespace-folded, NFC, case-kept: what identity is computed on."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def fingerprint(f: Finding) -> str:
    """Identity that ignores line numbers: rule + path + excerpt (+ related excerpts).

    Lines inserted above, paragraphs reordered or whitespace changed leave it
    unchanged, so a baseline keeps matching.  Two copies of the same finding in
    one file share a fingerprint; the baseline counts them as a multiset.
    """
    parts = [f.rule, f.location.path, normalise_excerpt(f.location.excerpt)]
    parts += sorted(f"{r.path}\x1f{normalise_excerpt(r.excerpt)}" for r in f.related)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:32]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)
