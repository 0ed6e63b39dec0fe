"""The pipeline: documents -> claims -> stories -> rules -> findings.

Map, then reduce.  Everything per document (load, extract, document rules,
the document's story evidence) is a pure function of one file,
:func:`analyse_file`, which runs in worker processes for large scans.  Corpus
rules then see every document's claims at once (the reduce phase), with the
corpus's stories built once from every document's evidence (``config.corpus``
extras included), and compare across articles.  The two phases stay
apart so that the map phase can move to other executors without a rewrite.

With a cache (``config.cache_dir``, see :mod:`factcheck.cache`) the map phase
first looks each file up in the scanning process, so unchanged files are
neither re-analysed nor sent to workers, and the reduce phase is reused when
exactly the same documents were scanned before.

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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cache import DocCache, DocEntry, content_digest, open_cache
from factcheck.cache.codec import sharing
from factcheck.cache.lazy import CachedClaims, LaterParts
from factcheck.cache.lowercounts import LowerPlan, plan_lower, settle
from factcheck.cache.memo import open_memo, save_memo
from factcheck.claims.base import Claim, DocumentTimeout, extract_all
from factcheck.collector import collect_young, collector_paused, young_only
from factcheck.compact import Compactor
from factcheck.config import Config
from factcheck.corpus_phase import run_rules, run_story_rules, split_rules, stories_of
from factcheck.documents import Document, Metadata, SkippedFile, display_path, document_from_bytes
from factcheck.files import find_documents, read_limited
from factcheck.findings import Finding, dedupe_findings, sort_findings
from factcheck.remote import is_url
from factcheck.rules.ids import check_selectors
from factcheck.rules.loader import load_rules, select_rules
from factcheck.rules.model import CorpusView, Rule
from factcheck.scan_report import Report
from factcheck.stored import stored, unchanged
from factcheck.stories import STORY_KINDS, DocFeatures, Stories, document_features, document_pin
from factcheck.suppressions import Suppressions, parse_suppressions, suppress_findings
from factcheck.wordstats import WordStats, word_stats
from factcheck.workers import run_files, worker_count

if TYPE_CHECKING:
    from factcheck.baseline import Entry
    from factcheck.dask_executor import MapExecutor


@dataclass
class _FileResult:
    doc: Document | None
    claims: Sequence[Claim]  # a cache hit's: read from the cache on first use (factcheck.cache.lazy)
    findings: list[Finding]
    warnings: list[str]
    suppressions: Suppressions | None = None
    features: DocFeatures | None = None  # story evidence, when a corpus rule runs
    digest: str | None = None  # SHA-256 of the bytes analysed, when a cache is in use
    words: WordStats | None = None  # what the whole-corpus rules read of the text, when one runs
    #: a cache hit's ``features`` and ``words``, read only if the corpus phase runs (see :func:`_stored`;
    #: its argument: whether to read the words' ``lower`` too)
    later: Callable[[bool], tuple[DocFeatures | None, WordStats | None]] | None = None
    unread: LaterParts | None = None  # a cache hit's stored ``later`` (until :func:`_stored`)


def needed_kinds(rules: Sequence[Rule]) -> set[str] | None:
    """The claim kinds these rules read (None: all), so extractors nobody reads never run."""
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


def wants_stories(rules: Sequence[Rule]) -> bool:
    """Stories are built when a corpus rule runs: they are what corpus rules compare within."""
    return any(r.impl is not None and r.impl.scope == "corpus" for r in rules)


def reads_words(rules: Sequence[Rule]) -> bool:
    """Whether a rule reads every document's :class:`~factcheck.wordstats.WordStats` (taken in the map step)."""
    return any(r.impl is not None and r.impl.scope == "corpus" and r.impl.READS_WORDS for r in rules)


def story_features(doc: Document, claims: Sequence[Claim], kinds: set[str] | None, config: Config) -> DocFeatures:
    """A document's story evidence: its ``name`` and ``date`` claims, extracted here when the
    rules did not need them.  Extracted apart, never added to the rules' claims, so the
    rules see exactly the claims they asked for."""
    missing = set(STORY_KINDS) - kinds if kinds is not None else set()
    extra = extract_all(doc, missing) if missing else []
    pin, source = document_pin(doc, config.story_pin(doc.path))
    return document_features(doc, [*claims, *extra], pin, source)


def corpus_inputs(doc: Document, claims: Sequence[Claim], rules: Sequence[Rule], kinds: set[str] | None,
                  config: Config) -> tuple[DocFeatures | None, WordStats | None]:
    """What the corpus phase reads of one document besides its claims (each only when a rule needs
    it): its story evidence and its word statistics.  One function for the map step and for a cache
    hit whose stored ones cannot be read (:func:`_stored`), so both give the same."""
    return (story_features(doc, claims, kinds, config) if wants_stories(rules) else None,
            word_stats(doc.text, claims) if reads_words(rules) else None)


def analyse_file(path: Path, config: Config, rules: Sequence[Rule],
                 kinds: set[str] | None, cache: DocCache | None = None, *, keep_text: bool = True,
                 texts_kept: bool = False) -> _FileResult:
    """The map step: one file in, its document, claims, document findings and story evidence out.

    A document whose loading and extraction run past ``config.document_timeout``
    seconds is skipped with a warning, and the scan goes on.  With a ``cache``,
    the results are stored under the digest of the very bytes analysed.
    Without ``keep_text`` (a scan's map phase), the document comes back as a
    :class:`~factcheck.stored.StoredDocument`: its texts stay in the file, to be
    read back by what needs them, and are neither sent to the scanning process
    nor kept there, but within the budget of :data:`~factcheck.stored.TEXTS` when
    ``texts_kept`` (the scanning process analysing a file itself: it has them already).
    """
    started = time.monotonic()
    try:
        data = read_limited(path, config.max_size)
        shown = display_path(path)
        doc, warning = document_from_bytes(path, data, config.date_override(shown), shown=shown)
    except SkippedFile as exc:
        return _FileResult(None, [], [], [str(exc)])
    budget = config.document_timeout
    try:
        claims, findings = analyse_document(doc, rules, kinds, started + budget if budget > 0 else None)
    except DocumentTimeout:
        return _FileResult(None, [], [], [*([warning] if warning else []), timeout_warning(doc.path, budget)])
    features, words = corpus_inputs(doc, claims, rules, kinds, config)
    result = _FileResult(doc, claims, findings, [warning] if warning else [], parse_suppressions(doc), features,
                         words=words)
    digest = content_digest(data) if cache is not None or not keep_text else None
    if cache is not None and digest is not None:
        result.digest = digest
        cache.store_result(doc, digest, DocEntry(Metadata.of(doc), tuple(claims), tuple(findings),
                                                 result.suppressions, features, result.words))
    if not keep_text:
        result.doc = stored(doc, path, digest=digest, max_size=config.max_size, keep=texts_kept)
    return result


def timeout_warning(path: str, budget: float) -> str:
    """The warning for a document skipped for running past its time budget."""
    return (f"{path}: skipped: analysis took longer than document_timeout ({budget:g} s); "
            "please report the file, it should take milliseconds")


# Worker-process state: rules are loaded once per worker, not pickled per file.
_WORKER: dict[str, object] = {}


def _worker_init(config: Config, cache: DocCache | None = None) -> None:
    rules = active_rules(config)
    _WORKER["config"] = config
    _WORKER["rules"] = rules
    _WORKER["kinds"] = needed_kinds(rules)
    _WORKER["cache"] = cache


def _worker_run(path: Path) -> _FileResult:
    rules = _WORKER["rules"]
    assert isinstance(rules, list)
    kinds = _WORKER["kinds"]
    return analyse_file(path, _WORKER["config"], rules, kinds, _WORKER.get("cache"),  # type: ignore[arg-type]
                        keep_text=False)


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
                     claims: Mapping[str, Sequence[Claim]], stories: Stories | None = None,
                     cache: DocCache | None = None, digests: Mapping[str, str] | None = None,
                     words: Mapping[str, WordStats] | None = None,
                     lower: frozenset[str] | None = None) -> list[Finding]:
    """The reduce step: corpus rules over the claims of every document (and its stories:
    given, or built on first use).  Story-local rules run story by story, their findings reused
    from ``cache`` for stories whose members' ``digests`` are unchanged (see
    :mod:`factcheck.corpus_phase`); the others over the whole corpus, reading each document's
    ``words`` as the map phase took them (any missing are taken from the text; with ``lower``, the
    words the corpus writes in lower case, their ``lower`` may be left empty)."""
    local, whole = split_rules(rules)
    memo = open_memo(cache, digests) if cache is not None and digests is not None and whole else None
    view = CorpusView(docs, claims, stories, dict(words or {}), memo, lower)
    out = run_rules(whole, view)
    if cache is not None and memo is not None:
        save_memo(cache, memo)
    if local:
        stories = view.stories
        # The whole-corpus rules are done: what they share through the view (the name clusters,
        # see factcheck.rules.kinds.names) goes with it, before the story-local rules build their indexes.
        del view
        out.extend(run_story_rules(local, docs, claims, stories, cache, digests))
    return out


@young_only()  # the results are kept to the end: see factcheck.collector
def scan(paths: Sequence[str | Path], config: Config | None = None,
         progress: Callable[[int, int], None] | None = None,
         rules: Sequence[Rule] | None = None, *, known_rule_ids: Collection[str] | None = None,
         use_baseline: bool = True, executor: MapExecutor | None = None) -> Report:
    """Scan files and folders; the public entry point the CLI itself uses.

    ``config.corpus`` documents take part in corpus rules (so a conflict with
    an unchanged article is still found when only changed files are given)
    but findings located in them are not reported.

    ``known_rule_ids`` (default: every loaded rule, selected or not; with
    explicit ``rules``, their ids) decides which suppression ids are unknown,
    and which ``config.select``/``config.ignore`` entries: one that names no
    known rule id or prefix raises ConfigError before any document is read.
    ``config.baseline`` is applied unless ``use_baseline`` is false (as when
    creating one).  ``executor`` runs the map phase elsewhere (a Dask cluster, see
    :mod:`factcheck.dask_executor`) instead of in this machine's processes; not with
    explicit ``rules``, which only this process holds.
    """
    config = config or Config()
    explicit_rules = rules
    if rules is None:
        loaded = loaded_rules(config)
        rules = select_rules(loaded, config.selected, config.ignored)
        known = set(known_rule_ids) if known_rule_ids is not None else {r.id for r in loaded}
    else:
        rules = loaded = list(rules)
        known = set(known_rule_ids) if known_rule_ids is not None else {r.id for r in rules}
    check_selectors(config, known)
    baseline = None
    baseline_file = config.baseline if use_baseline else None
    if baseline_file is not None:
        from factcheck.baseline import load_baseline

        baseline = load_baseline(baseline_file)  # before the scan: a bad file fails fast
    kinds = needed_kinds(rules)
    found = find_documents(paths, config.exclude, config.follow_symlinks)
    files = found.files
    reported = {_identity(p) for p in files}
    extra_found = find_documents(config.corpus, config.exclude, config.follow_symlinks) if config.corpus else None
    extra = [p for p in extra_found.files if _identity(p) not in reported] if extra_found else []
    all_files = files + extra
    warnings: list[str] = found.skipped + (extra_found.skipped if extra_found else [])
    cache, cache_warning = open_cache(config, loaded, rules)
    warnings.extend([cache_warning] if cache_warning else [])
    cached, previous = _cached_results(all_files, config, cache)
    todo = [p for p, r in zip(all_files, cached, strict=True) if r is None]
    done = len(all_files) - len(todo)
    if progress and done:
        progress(done, len(all_files))
    step = (lambda i, _n: progress(done + i, len(all_files))) if progress else None
    # Workers load their rules from the config; rules handed in by a caller (not
    # picklable: compiled RE2 patterns) are run in this process instead.
    jobs = worker_count(config, len(todo), warnings) if explicit_rules is None and executor is None else 1
    # Each result is made compact as it arrives (see factcheck.compact): the corpus phase needs every
    # document's claims at once, and in their bulky form they were most of a large scan's memory.
    compact = _kept(Compactor().result)
    if executor is not None and explicit_rules is None:
        fresh = [compact(r) for r in executor.map_files(todo, config, step, cache)] if todo else []
    elif jobs > 1 and todo:
        fresh = run_files(todo, jobs, _worker_run, _worker_init, (config, cache), step, compact)
    else:
        fresh = []
        for i, path in enumerate(todo):
            fresh.append(compact(analyse_file(path, config, rules, kinds, cache, keep_text=False, texts_kept=True)))
            if step:
                step(i + 1, len(todo))
    pending = iter(fresh)
    results = [_stored(r, p, config, cache, rules, kinds) if r is not None else next(pending)  # hits arrive compact
               for r, p in zip(cached, all_files, strict=True)]
    del compact, fresh, pending  # the sharing tables: every value they would share has arrived
    results = _analysed_again(results, all_files, config, rules, kinds, cache, warnings)
    docs: list[Document] = []
    claims: dict[str, Sequence[Claim]] = {}
    findings: list[Finding] = []
    for res in results:
        warnings.extend(res.warnings)
        if res.doc is not None:
            docs.append(res.doc)
            claims[res.doc.path] = res.claims
            findings.extend(res.findings)
    stories, corpus_findings = _corpus_phase(rules, results, docs, claims, cache, previous)
    findings.extend(corpus_findings)
    if extra:
        hidden = {r.doc.path for r in results[len(files):] if r.doc is not None}
        findings = [f for f in findings if f.path not in hidden]
    if config.per_file_ignores:  # after the corpus phase, so its findings are covered too
        findings = [f for f in findings if not config.file_ignores(f.path, f.rule)]
    shown = [r for r in results[:len(files)] if r.doc is not None]
    findings = suppress_findings(findings, {r.doc.path: r.suppressions for r in shown
                                            if r.doc is not None and r.suppressions},
                                 {r.id for r in rules}, known, config)
    findings = sort_findings(dedupe_findings(findings))
    absent: list[tuple[Entry, int]] = []
    if baseline is not None and baseline_file is not None:
        from factcheck.baseline import apply_to_scan

        findings, absent = apply_to_scan(findings, baseline, baseline_file, config,
                                         {r.doc.path for r in shown if r.doc is not None}, warnings)
    return Report(findings=findings, documents=docs, rules=list(rules), warnings=warnings,
                  files=len(shown), baseline_absent=absent,
                  reported_paths=[r.doc.path for r in shown if r.doc is not None], claims=claims, stories=stories)


def _kept(compact: Callable[[_FileResult], _FileResult]) -> Callable[[_FileResult], _FileResult]:
    """``compact``, then the young generations collected: a result is kept, the garbage cycles of
    its analysis (or its unpickling) are not (see :func:`factcheck.collector.young_only`)."""
    def keep(result: _FileResult) -> _FileResult:
        result = compact(result)
        collect_young()
        return result
    return keep


def _analysed_again(results: list[_FileResult], files: Sequence[Path], config: Config, rules: list[Rule],
                    kinds: set[str] | None, cache: DocCache | None, warnings: list[str]) -> list[_FileResult]:
    """``results`` with the files edited since their map step analysed again, with a warning each.

    The corpus phase and the reports read texts back from the files (see
    :mod:`factcheck.stored`), and a file whose bytes are no longer the ones analysed
    would stop the scan there.  An archive's scan runs for minutes while editors
    keep writing, so each file is checked once before the corpus phase (a read
    and a SHA-256: 0.03 s of CPU for ECB+'s 982 files) and a changed one is analysed as
    it is now.  A file edited after this check still stops the scan, with one line.
    """
    out: list[_FileResult] = []
    for res, path in zip(results, files, strict=True):
        if res.doc is not None and not unchanged(res.doc):
            warnings.append(f"{res.doc.path}: changed during the scan; analysed again as it is now")
            res = analyse_file(path, config, rules, kinds, cache, keep_text=False, texts_kept=True)
        out.append(res)
    return out


def _stored(result: _FileResult, path: Path, config: Config, cache: DocCache | None, rules: Sequence[Rule],
            kinds: set[str] | None) -> _FileResult:
    """A cache hit's result with its document's texts left in the file, as a fresh map step leaves
    them, and its claims, story evidence and word statistics left in the cache until something reads
    them (:mod:`factcheck.cache.lazy`; if they cannot be read then, they are computed again, as the
    map step would, and the entry is written again whole)."""
    if result.doc is not None and result.digest is not None:
        doc = result.doc = stored(result.doc, path, digest=result.digest, max_size=config.max_size)
        if cache is not None:
            claims = result.claims = CachedClaims(cache, doc.path, result.digest,
                                                  lambda: extract_all(doc, kinds) if kinds is None or kinds else [])
            unread, digest, result.unread = result.unread, result.digest, None

            def parts(lower: bool) -> tuple[DocFeatures | None, WordStats | None]:
                found = unread.load(lower) if unread is not None else None
                if found is None:
                    found = corpus_inputs(doc, claims, rules, kinds, config)
                    cache.store_result(doc, digest, DocEntry(Metadata.of(doc), tuple(claims), tuple(result.findings),
                                                             result.suppressions, *found))
                return found

            result.later = parts
    return result


def _identity(path: Path) -> str:
    """What makes two scanned paths one file: its real path, or for a file in an object store its URL."""
    return str(path) if is_url(path) else os.path.realpath(path)


def _cached_results(files: Sequence[Path], config: Config, cache: DocCache | None
                    ) -> tuple[list[_FileResult | None], dict[str, tuple[str, LaterParts]]]:
    """Each file's results from the cache, or None where they must be computed (in file order), and
    for each miss that has an entry of other bytes, that entry's content digest and deferred parts
    (read before the map step writes the new entry over it: see :mod:`factcheck.cache.lowercounts`).

    Looked up here, in the scanning process, so that a re-scan of unchanged
    files starts no worker at all.  A file that cannot be read is a miss: the
    map step then reports it as it always does.  The collector is paused meanwhile
    (see :func:`factcheck.collector.collector_paused`: it was most of a warm re-scan's decoding),
    and the entries are decoded in compact form (:func:`factcheck.cache.codec.sharing`: equal
    values shared as :class:`~factcheck.compact.Compactor` shares them), so hits need no compacting.
    """
    with collector_paused(), sharing():
        return _lookup_all(files, config, cache)


def _lookup_all(files: Sequence[Path], config: Config, cache: DocCache | None
                ) -> tuple[list[_FileResult | None], dict[str, tuple[str, LaterParts]]]:
    out: list[_FileResult | None] = []
    previous: dict[str, tuple[str, LaterParts]] = {}
    for path in files:
        hit = None
        if cache is not None:
            try:
                data = read_limited(path, config.max_size)
            except SkippedFile:
                data = None
            if data is not None:
                digest = content_digest(data)  # once, for the entry's check and the result
                shown = display_path(path)
                found = cache.lookup_deferred(path, shown, data, digest)
                if found is not None:
                    doc, warning, entry, later = found
                    hit = _FileResult(doc, (), list(entry.findings), [warning] if warning else [],
                                      entry.suppressions, None, digest, None, unread=later)
                elif (before := cache.stored_parts(shown)) is not None:
                    previous[shown] = before
        out.append(hit)
    return out, previous


def _read_later(results: Sequence[_FileResult], plan: LowerPlan | None) -> None:
    """The cache hits' story evidence and word statistics, read now that the corpus phase runs
    (values shared as at lookup: :func:`factcheck.cache.codec.sharing`); with a ``plan``, the words'
    ``lower`` only of the documents it needs."""
    with sharing():
        for r in results:
            if r.later is not None:
                r.features, r.words = r.later(plan is None or (r.doc is not None and plan.needs(r.doc.path)))
                r.later = None


def _corpus_phase(rules: Sequence[Rule], results: Sequence[_FileResult], docs: Sequence[Document],
                  claims: Mapping[str, Sequence[Claim]], cache: DocCache | None,
                  previous: Mapping[str, tuple[str, LaterParts]]) -> tuple[Stories | None, list[Finding]]:
    """Stories and corpus-rule findings: from the cache when exactly these documents were scanned
    before; else the stories again, and each story-local rule again for the stories that changed.
    The collector is paused meanwhile (:func:`factcheck.collector.collector_paused`): the phase builds
    the corpus rules' indexes, kept to its end and free of cycles."""
    with collector_paused():
        return _run_corpus_phase(rules, results, docs, claims, cache, previous)


def _run_corpus_phase(rules: Sequence[Rule], results: Sequence[_FileResult], docs: Sequence[Document],
                      claims: Mapping[str, Sequence[Claim]], cache: DocCache | None,
                      previous: Mapping[str, tuple[str, LaterParts]]) -> tuple[Stories | None, list[Finding]]:
    analysed = [r for r in results if r.doc is not None]
    key = None
    digests = {r.doc.path: r.digest for r in analysed if r.doc is not None and r.digest is not None}
    if cache is not None and len(digests) == len(analysed):
        key = cache.corpus_key([(r.doc.path, r.digest) for r in analysed if r.doc is not None and r.digest])
        stored = cache.load_corpus(key)
        if stored is not None:
            return stored
    # The words the corpus writes in lower case: the last scan's counts updated where documents changed.
    plan = None
    if cache is not None and key is not None and reads_words(rules):
        plan = plan_lower(cache, digests, lambda p: previous.get(p) or cache.stored_parts(p))
    _read_later(results, plan)
    feats = [r.features for r in results if r.features is not None]
    stories = stories_of(feats, digests, cache) if wants_stories(rules) else None
    # The story evidence is read by nothing after the clustering: freed before the rules, whose
    # indexes are the phase's peak (it was kept to the end of the scan, ~1 MiB per 1,000 articles).
    del feats
    words: dict[str, WordStats] = {}
    for r in results:
        r.features = None
        if r.doc is not None and r.words is not None:
            words[r.doc.path] = r.words
        r.words = None  # read by the whole-corpus rules only, through ``words``
    lower = None
    if plan is not None and cache is not None:
        by_path = {d.path: d for d in docs}
        lower = settle(cache, plan, {p: words[p].lower for p in digests if plan.needs(p) and p in words},
                       lambda p: by_path[p].text)
    found = run_corpus_rules(rules, docs, claims, stories, cache, digests, words, lower)
    if cache is not None and key is not None:
        cache.store_corpus(key, stories, found)
    return stories, found
