"""The HTML report's story view: findings grouped by the story they belong to, conflicts side by side.

People read a corpus story by story ("the Pyongyang sanctions vote"), not
file by file, so findings are grouped by the engine's stories (one group per
document when no corpus rule ran, so no stories were built).  A finding with
related locations in other articles is a disagreement: each related
sentence is shown beside the finding's own, and within the two flagged
spans the words that differ are highlighted -- "Kim *Long* Un" against
"Kim *Jong* Un", or the words a quote gained or lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.claims.base import sentence_bounds
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.report.htmldocs import line_starts, source_offsets, visible
from factcheck.report.worddiff import Segment, word_diff

#: related locations shown side by side; the rest are listed as links
SIDE_BY_SIDE = 3
_SPACE_RE = re.compile(r"\s+")
#: characters of context kept on each side of a span in a long sentence
_CONTEXT = 160


@dataclass(frozen=True)
class Part:
    """A run of a quoted sentence: context, or inside the flagged span (``span``), maybe a differing word."""

    text: str
    span: bool = False
    changed: bool = False


@dataclass(frozen=True)
class Side:
    """One article's sentence in a comparison, with a link to the span in the article's view."""

    path: str
    line: int
    column: int
    href: str  # "#anchor" of the marked span in the document view
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class FindingView:
    anchor: str
    rule: str
    severity: str
    message: str
    suggestion: str
    #: the finding's sentence; its span's words that differ from the first related span are flagged
    here: Side
    #: related sentences shown beside it, each span's words that differ from the finding's flagged
    elsewhere: tuple[Side, ...]
    more: tuple[Side, ...]  # related locations beyond SIDE_BY_SIDE
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DocLink:
    href: str
    path: str
    title: str


@dataclass(frozen=True)
class StoryView:
    anchor: str
    id: str
    names: str
    dates: str
    documents: tuple[DocLink, ...]
    findings: tuple[FindingView, ...]
    counts: tuple[tuple[str, int], ...]  # (severity, n) for the severities present


class Sentences:
    """Sentence context of locations, from each document's source (line starts computed once per file)."""

    def __init__(self, docs: Mapping[str, Document]) -> None:
        self._docs = docs
        self._starts: dict[str, list[int]] = {}

    def span(self, loc: Location) -> tuple[str, str, str]:
        """(before, span, after): the location's sentence cut at its span; the excerpt alone when the
        document is unknown."""
        doc = self._docs.get(loc.path)
        if doc is None:
            return "", loc.excerpt, ""
        starts = self._starts.get(loc.path)
        if starts is None:
            starts = self._starts[loc.path] = line_starts(doc.source)
        s, e = source_offsets(starts, loc, len(doc.source))
        a, b = sentence_bounds(doc.source, s, e)
        before, after = doc.source[a:s], doc.source[e:b]
        if len(before) > _CONTEXT:
            before = "…" + before[-_CONTEXT:].split(" ", 1)[-1]
        if len(after) > _CONTEXT:
            after = after[:_CONTEXT].rsplit(" ", 1)[0] + "…"
        return _oneline(before), _oneline(doc.source[s:e]), _oneline(after)


def _oneline(text: str) -> str:
    """Whitespace runs (line breaks of a wrapped paragraph included) folded to one space, kept at the ends."""
    return visible(_SPACE_RE.sub(" ", text))


def _side(loc: Location, href: str, before: str, parts: tuple[Part, ...], after: str) -> Side:
    out = ([Part(before)] if before else []) + list(parts) + ([Part(after)] if after else [])
    return Side(visible(loc.path), loc.line, loc.column, href, tuple(out))


def _parts(segments: tuple[Segment, ...]) -> tuple[Part, ...]:
    return tuple(Part(seg.text, True, seg.changed) for seg in segments)


def finding_view(f: Finding, anchor: str, sentences: Sentences, here_href: str,
                 related_hrefs: list[str]) -> FindingView:
    """A finding as the report shows it: its sentence, and the related sentences beside it.

    The words flagged are those that differ between the finding's span and
    each related span (``word_diff``); the finding's own side is compared
    with the first related location, the one its rule cites first.
    """
    before, span, after = sentences.span(f.location)
    here_parts: tuple[Part, ...] = (Part(span, True),)
    elsewhere = []
    for k, (r, href) in enumerate(zip(f.related[:SIDE_BY_SIDE], related_hrefs, strict=False)):
        rb, rs, ra = sentences.span(r)
        mine, theirs = word_diff(span, rs)
        if k == 0:
            here_parts = _parts(mine)
        elsewhere.append(_side(r, href, rb, _parts(theirs), ra))
    more = tuple(Side(visible(r.path), r.line, r.column, h, (Part(_oneline(r.excerpt), True),))
                 for r, h in zip(f.related[SIDE_BY_SIDE:], related_hrefs[SIDE_BY_SIDE:], strict=False))
    evidence = f.data.get("evidence")
    ev = tuple((visible(str(k)), visible(_value(v))) for k, v in evidence.items()) \
        if isinstance(evidence, dict) else ()
    return FindingView(anchor, f.rule, f.severity, visible(f.message), visible(f.suggestion or ""),
                       _side(f.location, here_href, before, here_parts, after), tuple(elsewhere), more, ev)


def _value(v: object) -> str:
    if isinstance(v, (list, tuple)):
        return ", ".join(_value(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_value(x)}" for k, x in v.items())
    return "" if v is None else str(v)
