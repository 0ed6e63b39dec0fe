"""The workspace's articles as one corpus, checked again whenever a buffer changes.

The map step (load, extract, document rules, story evidence) runs once per
file and is cached by the file's modification time and size, so a keystroke
re-analyses only the buffer being edited; the reduce step (corpus rules over
every document's claims) runs again each time, since one changed name can
make or break a finding in any article.  Open buffers stand in for their
files, so unsaved text takes part as it would once saved.

The config is discovered from the workspace folder as ``factcheck scan``
discovers it from its working directory, with the same rules, selection,
``per_file_ignores`` and inline suppressions; the baseline is not applied
(an editor shows what is in the text).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.claims.base import KINDS, Claim, DocumentTimeout, extract_all
from factcheck.config import Config, load_config
from factcheck.documents import Document, display_path, format_of, parse_document
from factcheck.engine import (
    active_rules,
    analyse_document,
    analyse_file,
    loaded_rules,
    needed_kinds,
    run_corpus_rules,
    story_features,
    wants_stories,
)
from factcheck.files import find_documents
from factcheck.findings import Finding, dedupe_findings, sort_findings
from factcheck.stories import DocFeatures, cluster_stories
from factcheck.suppressions import META_RULES, Suppressions, apply_suppressions, meta_rule_selected, parse_suppressions


@dataclass(frozen=True)
class Analysis:
    """The map step's output for one document (a file on disk or an open buffer)."""

    doc: Document
    claims: list[Claim]  # the kinds the rules asked for
    findings: list[Finding]  # document-scope findings
    suppressions: Suppressions | None
    features: DocFeatures | None


@dataclass(frozen=True)
class Checked:
    """One buffer's findings against the corpus, and what hover needs."""

    doc: Document
    findings: list[Finding]
    claims: list[Claim]
    #: every document of the corpus by display path (for related locations' lines and URIs)
    documents: dict[str, Document]
    files: dict[str, Path]


@dataclass
class _Cached:
    stamp: tuple[int, int]
    analysis: Analysis | None


@dataclass
class WorkspaceCorpus:
    """The articles under ``root`` (plus ``config.corpus``), with the rules the config selects."""

    root: Path
    config: Config = field(default_factory=Config)
    _cache: dict[Path, _Cached] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.rules = active_rules(self.config)
        self.known = {r.id for r in loaded_rules(self.config)}
        self.kinds = needed_kinds(self.rules)

    @classmethod
    def discover(cls, root: Path) -> WorkspaceCorpus:
        """The corpus of a workspace folder, with the config found from it (a ConfigError when broken)."""
        return cls(root, load_config(cwd=root))

    def files(self) -> list[Path]:
        """The documents of the workspace, found as ``factcheck scan ROOT`` finds them."""
        found = find_documents([self.root], self.config.exclude, self.config.follow_symlinks).files
        if self.config.corpus:
            seen = {os.path.realpath(p) for p in found}
            extra = find_documents(self.config.corpus, self.config.exclude, self.config.follow_symlinks).files
            found += [p for p in extra if os.path.realpath(p) not in seen]
        return found

    def _from_disk(self, path: Path) -> Analysis | None:
        try:
            st = path.stat()
        except OSError:
            return None
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._cache.get(path)
        if hit is None or hit.stamp != stamp:
            res = analyse_file(path, self.config, self.rules, self.kinds)
            analysis = None if res.doc is None else Analysis(res.doc, list(res.claims), res.findings, res.suppressions,
                                                             res.features)
            hit = self._cache[path] = _Cached(stamp, analysis)
        return hit.analysis

    def _from_buffer(self, path: Path, text: str) -> Analysis | None:
        """Another open buffer; one that runs past its time budget is left out, as a scan skips it."""
        try:
            return self.analyse_text(path, text)
        except DocumentTimeout:
            return None

    def analyse_text(self, path: Path, text: str) -> Analysis:
        """The map step on unsaved text, as :func:`~factcheck.engine.analyse_file` runs it on a file
        (:class:`~factcheck.claims.base.DocumentTimeout` past ``config.document_timeout``)."""
        shown = display_path(path)
        doc = parse_document(shown, text, format_of(path), self.config.date_override(shown))
        budget = self.config.document_timeout  # DocumentTimeout past it, as in a scan
        claims, findings = analyse_document(doc, self.rules, self.kinds,
                                            time.monotonic() + budget if budget > 0 else None)
        features = story_features(doc, claims, self.kinds, self.config) if wants_stories(self.rules) else None
        return Analysis(doc, claims, findings, parse_suppressions(doc), features)

    def check(self, path: Path, text: str, buffers: Mapping[Path, str] | None = None) -> Checked:
        """The findings in ``path`` (its text: ``text``) against the rest of the corpus.

        ``buffers`` are other open files' unsaved texts, which replace those files.
        """
        target = os.path.realpath(path)
        others = {os.path.realpath(p): t for p, t in (buffers or {}).items()}
        mine = self.analyse_text(path, text)
        analyses = [mine]
        files = {mine.doc.path: path}
        for p in self.files():
            real = os.path.realpath(p)
            if real == target:
                continue
            a = self._from_buffer(p, others[real]) if real in others else self._from_disk(p)
            if a is not None and a.doc.path not in files:
                analyses.append(a)
                files[a.doc.path] = p
        docs = [a.doc for a in analyses]
        stories = cluster_stories([a.features for a in analyses if a.features is not None]) \
            if wants_stories(self.rules) else None
        corpus = run_corpus_rules(self.rules, docs, {a.doc.path: a.claims for a in analyses}, stories)
        here = mine.doc.path
        findings = [f for f in [*mine.findings, *corpus]
                    if f.path == here and not self.config.file_ignores(here, f.rule)]
        if mine.suppressions:  # as scan: only a document with directives
            active = {r.id for r in self.rules if not self.config.file_ignores(here, r.id)}
            findings = apply_suppressions(findings, mine.suppressions, active, self.known)
            findings = [f for f in findings if f.rule not in META_RULES
                        or meta_rule_selected(f.rule, self.config.selected, self.config.ignored)]
        findings = sort_findings(dedupe_findings([f for f in findings if f.suppressed is None]))
        return Checked(mine.doc, findings, mine.claims, {d.path: d for d in docs}, files)

    def all_claims(self, doc: Document, claims: list[Claim]) -> list[Claim]:
        """Every kind of claim in ``doc`` (for hover): the rules' claims, plus the kinds they did not need."""
        if self.kinds is None:
            return claims
        missing = {k for k in KINDS if k not in self.kinds}
        extra = extract_all(doc, missing) if missing else []
        return sorted([*claims, *extra], key=lambda c: c.sort_key)

