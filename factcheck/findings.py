"""Findings: the one record shape that every rule emits and every formatter reads.

Rules never format and formatters never compute.  A finding knows where it is
(path, 1-based line/column, exclusive end column as in SARIF), what it says,
what to write instead, where the evidence elsewhere is (``related``), the
words around it (``context``) and a ``fingerprint`` that survives edits which
do not touch it (used by baselines and SARIF viewers).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.documents import Document
from factcheck.fixes import Fix

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
    #: the words around the flagged text, normalised (see :func:`context_of`): part of its identity
    context: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: the edit that applies the suggestion, safe or not (see :mod:`factcheck.fixes`); None: no sure fix
    fix: Fix | None = field(default=None, compare=False)

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


#: How many words on each side of a finding make its context.
CONTEXT_WORDS = 4
_CONTEXT_WINDOW = 120  # characters looked at on each side: enough for CONTEXT_WORDS ordinary words
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
MARK_OPEN, MARK_CLOSE = ">>", "<<"


def context_of(source: str, start: int, end: int) -> str:
    """The flagged text with up to :data:`CONTEXT_WORDS` words either side, within its paragraph.

    This is what a person means by "the same finding" beside its text: the
    same misspelling in the same sentence.  It travels with the sentence when
    lines are inserted above or paragraphs move, and it does not depend on
    other documents (related locations change whenever an article is added).
    A word cut by the window's edge is dropped; whitespace is folded, so
    re-wrapping a paragraph keeps it.  The flagged text is marked
    ``>>...<<`` so a baseline file reads well in review.
    """
    lo = max(0, start - _CONTEXT_WINDOW)
    before = _PARAGRAPH_RE.split(source[lo:start])[-1]
    before_words = before.split()
    if before_words and lo > 0 and len(before) == start - lo and not before[:1].isspace() \
            and not source[lo - 1].isspace():
        before_words = before_words[1:]  # the first word is cut by the window
    hi = min(len(source), end + _CONTEXT_WINDOW)
    after = _PARAGRAPH_RE.split(source[end:hi])[0]
    after_words = after.split()
    if after_words and hi < len(source) and len(after) == hi - end and not after[-1:].isspace() \
            and not source[hi].isspace():
        after_words = after_words[:-1]
    pre = " ".join(before_words[-CONTEXT_WORDS:])
    post = " ".join(after_words[:CONTEXT_WORDS])
    if pre and before[-1:].isspace():
        pre += " "
    if post and after[:1].isspace():
        post = " " + post
    return normalise_excerpt(f"{pre}{MARK_OPEN}{normalise_excerpt(source[start:end])}{MARK_CLOSE}{post}")


def fingerprint(f: Finding) -> str:
    """Identity that ignores line numbers: rule + path + excerpt + context.

    Lines inserted above, paragraphs reordered, whitespace changed or other
    articles added (which change ``related``) leave it unchanged.  Two copies
    of the same finding in one sentence share a fingerprint; the baseline
    counts them as a multiset.
    """
    parts = [f.rule, f.location.path, normalise_excerpt(f.location.excerpt), f.context]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:32]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)


def dedupe_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in order with repeats of one rule, place and message dropped (two paths of one rule
    may reach the same finding; every front end -- scan, the editor -- reports it once)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
