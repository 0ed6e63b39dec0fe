"""``--format html``: one self-contained page a person reads in a browser, story by story.

Why a page and not another log format: editors reviewing an archive want
to see the disagreeing sentences next to each other and jump to each
article, which a terminal cannot do.  The page is one file with its CSS and
JavaScript inline and no external resource, so it opens from ``file://``,
from a CI artifact or an e-mail attachment, offline.

Everything in it that comes from the articles (excerpts, names, messages,
paths) is untrusted: the template is rendered by Jinja2 with autoescape on,
and a Content-Security-Policy allows only the page's own script and style
(by hash), so markup smuggled into an article is shown as text and, were it
ever not, could not run.  The output is deterministic: no timestamps, every
list in a fixed order, anchors numbered in report order.

Like the text format it shows the findings that count
(:meth:`Report.visible`); hidden ones are counted in the summary.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from factcheck.findings import SEVERITIES, SEVERITY_RANK, Finding, Location
from factcheck.report.htmldocs import (
    DocView,
    FindingLink,
    Mark,
    doc_view,
    line_starts,
    source_offsets,
    visible,
)
from factcheck.report.htmlstories import DocLink, FindingView, Sentences, StoryView, finding_view

if TYPE_CHECKING:
    import jinja2

    from factcheck.documents import Document
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report


@dataclass(frozen=True)
class Summary:
    files: int
    stories: int
    grouped_by_story: bool
    findings: int
    counts: tuple[tuple[str, int], ...]  # every severity, in SEVERITIES order
    suppressed: int
    baseline: int
    claims: int
    rules: tuple[tuple[str, int], ...]  # rule id, visible findings; by id


@dataclass(frozen=True)
class Page:
    summary: Summary
    stories: tuple[StoryView, ...]  # with findings, most severe first
    quiet: tuple[StoryView, ...]  # without findings
    documents: tuple[DocView, ...]
    version: str


@dataclass(frozen=True)
class _Group:
    id: str
    documents: tuple[str, ...]
    names: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


def _groups(report: Report, reported: list[str]) -> list[_Group]:
    """Stories restricted to reported documents; one group per document when no stories were built."""
    if report.stories is None:
        return [_Group(p, (p,)) for p in reported]
    keep = set(reported)
    groups = []
    placed: set[str] = set()
    for s in report.stories:
        docs = tuple(p for p in s.documents if p in keep)
        if docs:
            groups.append(_Group(s.id, docs, s.names, s.dates))
            placed.update(docs)
    groups.extend(_Group(p, (p,)) for p in reported if p not in placed)
    return groups


def _anchors(report: Report, findings: list[Finding], reported: list[str]) -> dict[str, str]:
    """Document anchors: reported documents by path, then ``corpus`` documents a finding cites."""
    anchors = {p: f"doc-{i}" for i, p in enumerate(reported, 1)}
    known = {d.path for d in report.documents}
    cited = sorted({r.path for f in findings for r in f.related if r.path in known and r.path not in anchors})
    for p in cited:
        anchors[p] = f"doc-{len(anchors) + 1}"
    return anchors


def build_page(report: Report, version: str = "") -> Page:
    """The page's typed view of a report: what the template shows, computed once, in a fixed order."""
    findings = report.visible()
    docs: dict[str, Document] = {d.path: d for d in report.documents}
    reported = sorted(d.path for d in report.reported_documents())
    doc_anchor = _anchors(report, findings, reported)
    groups = _groups(report, reported)
    grouped = {p for g in groups for p in g.documents}
    # a finding in a document the report did not load (a hand-made Report) still gets a group
    groups.extend(_Group(p, (p,)) for p in sorted({f.path for f in findings} - grouped))
    story_anchor = {g.id: f"story-{i}" for i, g in enumerate(groups, 1)}
    group_of = {p: g.id for g in groups for p in g.documents}
    sentences = Sentences(docs)
    starts: dict[str, list[int]] = {}
    marks: dict[str, list[Mark]] = {}
    links: dict[str, list[FindingLink]] = {}
    views: dict[str, list[FindingView]] = {}

    def mark(path: str, loc_anchor: str, f_loc: Location, severity: str | None) -> str:
        """Mark a span in its document's view; its href, or "" when the document is not shown."""
        doc = docs.get(path)
        if doc is None or path not in doc_anchor:
            return ""
        if path not in starts:
            starts[path] = line_starts(doc.source)
        s, e = source_offsets(starts[path], f_loc, len(doc.source))
        marks.setdefault(path, []).append(Mark(s, e, loc_anchor, severity))
        return "#" + loc_anchor

    for n, f in enumerate(findings, 1):
        anchor = f"f{n}"
        here = mark(f.path, f"{anchor}-at", f.location, f.severity)
        related = [mark(r.path, f"{anchor}-r{k}", r, None) for k, r in enumerate(f.related, 1)]
        loc = f.location
        links.setdefault(f.path, []).append(FindingLink(anchor, f.severity, f.rule, loc.line, loc.column))
        group = group_of.get(f.path, f.path)
        views.setdefault(group, []).append(finding_view(f, anchor, sentences, here, related))

    stories = []
    for g in groups:
        fs = sorted(views.get(g.id, ()), key=lambda v: -SEVERITY_RANK[v.severity])  # stable: report order
        counts = Counter(v.severity for v in fs)
        stories.append(StoryView(
            anchor=story_anchor[g.id], id=visible(g.id), names=visible(", ".join(g.names[:4])),
            dates=", ".join(g.dates[:3]),
            documents=tuple(DocLink("#" + doc_anchor[p] if p in doc_anchor else "", visible(p),
                                    visible(_title(docs.get(p))))
                            for p in g.documents),
            findings=tuple(fs), counts=tuple((s, counts[s]) for s in SEVERITIES if counts[s])))
    busy = sorted((s for s in stories if s.findings),
                  key=lambda s: (*(-dict(s.counts).get(sev, 0) for sev in SEVERITIES), s.anchor))
    quiet = [s for s in stories if not s.findings]

    doc_views = tuple(
        doc_view(docs[p], a, report.claims.get(p, ()), marks.get(p, ()), links.get(p, ()),
                 story_anchor.get(group_of.get(p, "")), p in group_of)
        for p, a in doc_anchor.items())
    counts = Counter(f.severity for f in findings)
    hidden = report.hidden()
    summary = Summary(
        files=report.files, stories=len(groups), grouped_by_story=report.stories is not None,
        findings=len(findings), counts=tuple((s, counts[s]) for s in SEVERITIES),
        suppressed=hidden["suppressed"], baseline=hidden["baseline"],
        claims=sum(len(report.claims.get(p, ())) for p in reported),
        rules=tuple(sorted(Counter(f.rule for f in findings).items())))
    return Page(summary, tuple(busy), tuple(quiet), doc_views, version)


def _title(doc: Document | None) -> str:
    return doc.title or "" if doc is not None else ""


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2  # here, not at the top: only an HTML report needs it, and it costs every run ~30 ms

    # autoescape=True, not select_autoescape(): the template's name ends in .j2, and every value
    # must be escaped whatever the file is called.
    return jinja2.Environment(loader=jinja2.PackageLoader("factcheck.report", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def _asset(name: str) -> str:
    loader = _environment().loader
    assert loader is not None
    source, _file, _uptodate = loader.get_source(_environment(), name)
    return source


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(page: Page) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return _environment().get_template("report.html.j2").render(
        page=page, style=Markup(style), script=Markup(script),
        csp=csp, severities=SEVERITIES)


def render(report: Report, ctx: RenderContext) -> str:
    """The report as one self-contained HTML page."""
    return render_page(build_page(report, ctx.version))
