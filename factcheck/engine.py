"""The pipeline: documents -> claims -> rules -> findings.

Map, then reduce.  Everything per document (load, extract, document rules)
is a pure function of one file, :func:`analyse_file`, which runs in worker
processes for large scans.  Corpus rules then see every document's claims at
once (the reduce phase) and compare across articles.  The two phases stay
apart so that the map phase can move to other executors without a rewrite.

After the reduce phase, ``per_file_ignores`` drops the findings of the
rules it names in the files it matches (a config decision, like ``ignore``).
Then inline suppressions (parsed per document in the map phase) are applied
to the findings of *both* phases, then the baseline marks each finding new or
unchanged.  Neither of those removes a finding: formatters decide what to
show, the exit code counts only unsuppressed new ones.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.claims.base import Claim, DocumentTimeout, extract_all
from factcheck.config import Config
from factcheck.documents import Document, SkippedFile, discover, display_path, load_document
from factcheck.findings import Finding, sort_findings
from factcheck.rules.ids import check_selectors
from factcheck.rules.loader import load_rules, select_rules
from factcheck.rules.model import CorpusView, Rule
from factcheck.suppressions import (
    META_RULES,
    Suppressions,
    apply_suppressions,
    meta_rule_selected,
    parse_suppressions,
)

if TYPE_CHECKING:
    from factcheck.baseline import Entry


@dataclass
class Report:
    """What a scan produced: findings (sorted), the documents seen, and warnings."""

    findings: list[Finding]
    documents: list[Document]
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    #: accepted baseline entries no longer found in the scanned files, with how
    #: many copies of each are gone (SARIF reports them as ``absent`` results)
    baseline_absent: list[tuple[Entry, int]] = field(default_factory=list)
    #: display paths of the documents reported on; None: all of ``documents``
    reported_paths: list[str] | None = None

    @property
    def baseline_stale(self) -> int:
        """Accepted baseline findings (copies) no longer found."""
        return sum(n for _e, n in self.baseline_absent)

    def counts(self) -> dict[str, int]:
        """Findings that count: neither suppressed (a reason may be "") nor accepted in the baseline."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if f.suppressed is None and f.baseline_state != "unchanged":
                out[f.severity] += 1
        return out

    def visible(self) -> list[Finding]:
        """What people should look at: the findings :meth:`counts` counts, in report order.

        Text-like formats show only these; JSON and SARIF show every finding,
        marked, so tools can audit suppressions and baselines.
        """
        return [f for f in self.findings if f.suppressed is None and f.baseline_state != "unchanged"]

    def reported_documents(self) -> list[Document]:
        """Documents the scan reports on (``config.corpus`` extras take part but are not reported)."""
        if self.reported_paths is None:
            return list(self.documents)
        keep = set(self.reported_paths)
        return [d for d in self.documents if d.path in keep]

    def hidden(self) -> dict[str, int]:
        """How many findings are suppressed inline, and how many are accepted by the baseline."""
        return {"suppressed": sum(f.suppressed is not None for f in self.findings),
                "baseline": sum(f.suppressed is None and f.baseline_state == "unchanged" for f in self.findings)}


@dataclass
class _FileResult:
    doc: Document | None
    claims: list[Claim]
    findings: list[Finding]
    warnings: list[str]
    suppressions: Suppressions | None = None


def _needed_kinds(rules: Sequence[Rule]) -> set[str] | None:
    kinds: set[str] = set()
    for r in rules:
        assert r.impl is not None
        needs = r.impl.NEEDS
        if needs is None:
            return None
        kinds.update(needs)
    return kinds


def analyse_document(doc: Document, rules: Sequence[Rule], kinds: set[str] | None = None,
                     deadline: float | None = None) -> tuple[list[Claim], list[Finding]]:
    """Claims of one document, and the findings of the document-scope rules on it.

    ``deadline`` (a ``time.monotonic()`` value) is checked between extractors:
    past it, :class:`~factcheck.claims.base.DocumentTimeout` is raised.
    """
    claims = extract_all(doc, kinds, deadline=deadline) if kinds is None or kinds else []
    findings: list[Finding] = []
    for rule in rules:
        assert rule.impl is not None
        if rule.impl.scope == "document":
            findings.extend(rule.impl.check_document(doc, claims))
    return claims, findings


def analyse_file(path: Path, config: Config, rules: Sequence[Rule],
                 kinds: set[str] | None) -> _FileResult:
    """The map step: one file in, its document, claims and document findings out.

    A document whose loading and extraction run past ``config.document_timeout``
    seconds is skipped with a warning, and the scan goes on.
    """
    from factcheck.documents import display_path

    started = time.monotonic()
    try:
        doc, warning = load_document(path, config.date_override(display_path(path)))
    except SkippedFile as exc:
        return _FileResult(None, [], [], [str(exc)])
    budget = config.document_timeout
    try:
        claims, findings = analyse_document(doc, rules, kinds, started + budget if budget > 0 else None)
    except DocumentTimeout:
        return _FileResult(None, [], [], [*([warning] if warning else []), timeout_warning(doc.path, budget)])
    return _FileResult(doc, claims, findings, [warning] if warning else [], parse_suppressions(doc))


def timeout_warning(path: str, budget: float) -> str:
    """The warning for a document skipped for running past its time budget."""
    return (f"{path}: skipped: analysis took longer than document_timeout ({budget:g} s); "
            "please report the file, it should take milliseconds")


# Worker-process state: rules are loaded once per worker, not pickled per file.
_WORKER: dict[str, object] = {}


def _worker_init(config: Config) -> None:
    rules = active_rules(config)
    _WORKER["config"] = config
    _WORKER["rules"] = rules
    _WORKER["kinds"] = _needed_kinds(rules)


def _worker_run(path: Path) -> _FileResult:
    rules = _WORKER["rules"]
    assert isinstance(rules, list)
    kinds = _WORKER["kinds"]
    return analyse_file(path, _WORKER["config"], rules, kinds)  # type: ignore[arg-type]


def loaded_rules(config: Config) -> list[Rule]:
    """Every rule the config loads, selected or not, with its per-rule overrides applied.

    The one place rules come from a config, in the parent and in each worker
    alike, so an override cannot hold in one and not the other.
    """
    return load_rules(config.rules, include_builtin=config.builtin_rules, overrides=config.overrides)


def active_rules(config: Config) -> list[Rule]:
    """The configured rules after ``select``/``ignore``; an entry naming no known rule is a ConfigError."""
    rules = loaded_rules(config)
    check_selectors(config, (r.id for r in rules))
    return select_rules(rules, config.selected, config.ignored)


def run_corpus_rules(rules: Sequence[Rule], docs: Sequence[Document],
                     claims: dict[str, list[Claim]]) -> list[Finding]:
    """The reduce step: corpus rules over the claims of every document."""
    view = CorpusView(documents=docs, claims=claims)
    out: list[Finding] = []
    for rule in rules:
        assert rule.impl is not None
        if rule.impl.scope == "corpus":
            out.extend(rule.impl.check_corpus(view))
    return out


def _jobs(config: Config, n_files: int) -> int:
    if config.jobs:
        return config.jobs
    # Process start-up costs ~0.3 s; only worth it for larger scans.
    return min(os.cpu_count() or 1, 8) if n_files >= 200 else 1


def scan(paths: Sequence[str | Path], config: Config | None = None,
         progress: Callable[[int, int], None] | None = None,
         rules: Sequence[Rule] | None = None, *, known_rule_ids: Collection[str] | None = None,
         use_baseline: bool = True) -> Report:
    """Scan files and folders; the public entry point the CLI itself uses.

    ``config.corpus`` documents take part in corpus rules (so a conflict with
    an unchanged article is still found when only changed files are given)
    but findings located in them are not reported.

    ``known_rule_ids`` (default: every loaded rule, selected or not; with
    explicit ``rules``, their ids) decides which suppression ids are unknown,
    and which ``config.select``/``config.ignore`` entries: one that names no
    known rule id or prefix raises ConfigError before any document is read.
    ``config.baseline`` is applied unless ``use_baseline`` is false (as when
    creating one).
    """
    config = config or Config()
    explicit_rules = rules
    if rules is None:
        loaded = loaded_rules(config)
        rules = select_rules(loaded, config.selected, config.ignored)
        known = set(known_rule_ids) if known_rule_ids is not None else {r.id for r in loaded}
    else:
        rules = list(rules)
        known = set(known_rule_ids) if known_rule_ids is not None else {r.id for r in rules}
    check_selectors(config, known)
    baseline = None
    baseline_file = config.baseline if use_baseline else None
    if baseline_file is not None:
        from factcheck.baseline import load_baseline

        baseline = load_baseline(baseline_file)  # before the scan: a bad file fails fast
    kinds = _needed_kinds(rules)
    files = discover(paths, config.exclude)
    reported = {str(p.resolve()) for p in files}
    extra = [p for p in discover(config.corpus, config.exclude) if str(p.resolve()) not in reported] \
        if config.corpus else []
    all_files = files + extra
    results: list[_FileResult] = []
    # Workers load their rules from the config; rules handed in by a caller (not
    # picklable: compiled RE2 patterns) are run in this process instead.
    jobs = _jobs(config, len(all_files)) if explicit_rules is None else 1
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(config,)) as ex:
            for i, res in enumerate(ex.map(_worker_run, all_files, chunksize=8)):
                results.append(res)
                if progress:
                    progress(i + 1, len(all_files))
    else:
        for i, path in enumerate(all_files):
            results.append(analyse_file(path, config, rules, kinds))
            if progress:
                progress(i + 1, len(all_files))
    docs: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    findings: list[Finding] = []
    warnings: list[str] = []
    for res in results:
        warnings.extend(res.warnings)
        if res.doc is not None:
            docs.append(res.doc)
            claims[res.doc.path] = res.claims
            findings.extend(res.findings)
    findings.extend(run_corpus_rules(rules, docs, claims))
    if extra:
        hidden = {r.doc.path for r in results[len(files):] if r.doc is not None}
        findings = [f for f in findings if f.path not in hidden]
    if config.per_file_ignores:  # after the corpus phase, so its findings are covered too
        findings = [f for f in findings if not config.file_ignores(f.path, f.rule)]
    shown = [r for r in results[:len(files)] if r.doc is not None]
    findings = _suppress(findings, shown, {r.id for r in rules}, known, config)
    findings = sort_findings(_dedupe(findings))
    absent: list[tuple[Entry, int]] = []
    if baseline is not None and baseline_file is not None:
        from factcheck.baseline import apply_baseline, missing_files, project_paths, update_baseline

        pm = project_paths(config, baseline_file)
        findings = apply_baseline(findings, baseline, pm)
        scanned = {r.doc.path for r in shown if r.doc is not None}
        absent = [(replace(e, path=display_path(pm.from_root(e.path))), n)  # reports show working-dir paths
                  for e, n in update_baseline(baseline, findings, scanned, path_map=pm, exists=lambda _p: True).dropped]
        gone = missing_files(baseline, pm)
        if gone:
            warnings.append(f"baseline {display_path(baseline_file)}: {len(gone)} file"
                            f"{'s' if len(gone) != 1 else ''} with accepted findings not found under "
                            f"{display_path(pm.root)} (paths in a baseline are relative to the project root), "
                            f"e.g. {gone[0]!r}; run `factcheck baseline update` if they were deleted")
    return Report(findings=findings, documents=docs, rules=list(rules), warnings=warnings,
                  files=len(shown), baseline_absent=absent,
                  reported_paths=[r.doc.path for r in shown if r.doc is not None])


def _suppress(findings: list[Finding], reported: Sequence[_FileResult], active: Collection[str],
              known: Collection[str], config: Config) -> list[Finding]:
    """Apply each reported document's inline suppressions to its findings (both phases)."""
    sups = {r.doc.path: r.suppressions for r in reported if r.doc is not None and r.suppressions}
    if not sups:
        return findings
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out: list[Finding] = []
    for path, fs in by_path.items():
        sup = sups.pop(path, None)
        out.extend(apply_suppressions(fs, sup, _active_in(path, active, config), known) if sup is not None else fs)
    for sup in sups.values():  # documents with directives but no findings
        out.extend(apply_suppressions([], sup, _active_in(sup.path, active, config), known))
    return [f for f in out if f.rule not in META_RULES or
            (meta_rule_selected(f.rule, config.selected, config.ignored) and not config.file_ignores(f.path, f.rule))]


def _active_in(path: str, active: Collection[str], config: Config) -> Collection[str]:
    """The rules that ran on one file: a rule ``per_file_ignores`` drops there cannot make a
    suppression of it stale (its findings never reach the suppressions)."""
    if not config.per_file_ignores:
        return active
    return {r for r in active if not config.file_ignores(path, r)}


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
