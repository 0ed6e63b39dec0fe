"""Property fuzzing of every command's core on generated articles (the CI share of ``bench/fuzz.py``).

Documents come from ``tests/fuzz_support.py``: news fragments (dates,
figures, names, quotes with speakers, lists) in text, Markdown (front matter,
code, links) and HTML (tags, entities, comments, script/style), with every
line-break convention, BOMs, suppression comments and mutations; and
arbitrary text and bytes.  Hypothesis drives the generators through
``st.randoms()``, so a failure shrinks to a small input.

For each command's core -- ``scan`` (engine, shipped rules), ``claims``,
``docs``, ``stories``, every report format, a baseline round trip -- the
properties are: no exception but FactcheckError, every reported span is the
file's own text there, and the same input gives the same JSON twice (and
with ``jobs = 1`` and ``jobs = 2``).
"""

from __future__ import annotations

import html
import json
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fuzz_support import (
    SUFFIXES,
    FuzzInput,
    arbitrary_bytes,
    arbitrary_text,
    check_claims,
    check_findings,
    fuzz_input,
    news_text,
)
from hostile_support import run_main
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.baseline import apply_baseline, create_baseline, load_baseline, save_baseline
from factcheck.claims.base import Claim, extract_all
from factcheck.config import Config
from factcheck.corpus_stories import build_corpus_stories
from factcheck.documents import Document, SkippedFile, load_document
from factcheck.engine import active_rules, scan
from factcheck.errors import FactcheckError
from factcheck.facts import build_facts
from factcheck.report import FORMATTERS, RenderContext
from factcheck.report.claims import render_claims
from factcheck.rules.model import Rule
from factcheck.scan_report import Report
from factcheck.stories import build_stories
from factcheck.workers import cpu_count

_RULES: list[Rule] = []


def shipped_rules() -> list[Rule]:
    """The shipped rules, loaded once for the whole module (loading is not what is fuzzed here)."""
    if not _RULES:
        _RULES.extend(active_rules(Config()))
    return _RULES


def _news(rng: random.Random) -> FuzzInput:
    suffix = rng.choice(SUFFIXES)
    return FuzzInput(suffix, news_text(rng, suffix).encode("utf-8", "surrogatepass"))


def _text(rng: random.Random) -> FuzzInput:
    return FuzzInput(rng.choice(SUFFIXES), arbitrary_text(rng).encode("utf-8", "surrogatepass"))


def _bytes(rng: random.Random) -> FuzzInput:
    return FuzzInput(rng.choice(SUFFIXES), arbitrary_bytes(rng))


FAMILIES = {"news": _news, "text": _text, "bytes": _bytes, "any": fuzz_input}


def corpora(family: str, min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[list[FuzzInput]]:
    """Lists of generated files of one family (``any``: the mix bench/fuzz.py runs)."""
    make = FAMILIES[family]
    return st.lists(st.randoms(use_true_random=False).map(make), min_size=min_size, max_size=max_size)


@contextmanager
def written(items: list[FuzzInput]) -> Iterator[Path]:
    """The inputs as files ``a0.txt``, ``a1.md``, ... in a fresh folder (hypothesis reruns need a new one)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        root = Path(tmp)
        for i, item in enumerate(items):
            (root / f"a{i}{item.suffix}").write_bytes(item.data)
        yield root


def scan_json(root: Path, config: Config | None = None) -> tuple[Report, str]:
    """A scan of ``root`` with the shipped rules (loaded from ``config`` when given) and its JSON report."""
    if config is None:
        report = scan([root], Config(), rules=shipped_rules())
    else:
        report = scan([root], config)
    return report, FORMATTERS["json"](report, RenderContext(version="fuzz"))


def check_scan(root: Path) -> None:
    """``scan``: spans exact, every format renders, same JSON twice, baseline accepts exactly its findings."""
    report, first = scan_json(root)
    check_findings(report.documents, report.findings)
    ctx = RenderContext(version="fuzz")
    for name, render in FORMATTERS.items():
        out = render(report, ctx)
        assert out == render(report, ctx), name
        if name in ("json", "sarif", "gitlab"):
            json.loads(out)
    assert scan_json(root)[1] == first
    baseline = create_baseline(report.findings, [str(root)])
    target = root.parent / f"{root.name}-baseline.json"
    try:
        save_baseline(baseline, target)
        applied = apply_baseline(report.findings, load_baseline(target))
    finally:
        target.unlink(missing_ok=True)
    assert all(f.baseline_state == "unchanged" for f in applied if f.suppressed is None)
    assert Report(findings=applied, documents=report.documents, rules=report.rules).counts() == {
        "error": 0, "warning": 0, "info": 0}


def check_offsets(doc: Document, claims: list[Claim]) -> None:
    """Each analysed character of each claim stands for the file text it maps to.

    ``check_claims`` proves the reported text is the file's slice at the reported
    position; this proves the position is the right one: a copied character is
    itself in the file, a normalised line break is one there, an entity's
    characters decode from it, and dropped markup only ever stands for a break
    or a space.
    """
    omap, src, text = doc.offsets, doc.source, doc.text
    for c in claims:
        k = c.start
        while k < c.end:
            s0, s1 = omap.start(k), omap.end(k + 1)
            j = k + 1  # the characters emitted for one source range (an entity may give two)
            while j < c.end and (omap.start(j), omap.end(j + 1)) == (s0, s1) and s1 - s0 != 1:
                j += 1
            piece, got = src[s0:s1], text[k:j]
            assert piece, (c, k)
            if piece != got:
                decoded = html.unescape(piece) if doc.fmt == "html" else piece
                decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
                assert decoded.endswith(got) or (got.isspace() and (piece.startswith("<") or doc.fmt != "text")), (
                    c, k, piece, got)
            k = j


def check_claims_command(root: Path) -> None:
    """``claims``: spans exact, JSON/CSV/table render, same JSON twice; the CLI itself exits 0."""
    items = []
    for path in sorted(root.iterdir()):
        try:
            doc, _warning = load_document(path)
        except SkippedFile:
            continue
        claims = extract_all(doc)
        check_claims(doc, claims)
        check_offsets(doc, claims)
        again = extract_all(load_document(path)[0])
        assert render_claims([(doc, again)], "json") == render_claims([(doc, claims)], "json")
        items.append((doc, claims))
    for fmt in ("json", "csv", "table"):
        render_claims(items, fmt)
    run = run_main("claims", str(root), "--format", "json")
    assert run.code == 0 and "internal error" not in run.stderr, run.stderr
    # The CLI's JSON gives each claim its fact key, keyed within the stories of the listed documents.
    docs, by_path = [doc for doc, _ in items], {doc.path: claims for doc, claims in items}
    facts = build_facts(docs, by_path, build_stories(docs, by_path))
    assert json.loads(run.stdout)["claims"] == json.loads(render_claims(items, "json", facts))["claims"]


def check_docs_and_stories(root: Path) -> None:
    """``docs`` and ``stories`` exit 0 with JSON that is the same twice."""
    docs = run_main("docs", str(root), "--format", "json")
    assert docs.code == 0 and "internal error" not in docs.stderr, docs.stderr
    assert run_main("docs", str(root), "--format", "json").stdout == docs.stdout
    json.loads(docs.stdout)
    found, _warnings = build_corpus_stories([root])
    again, _ = build_corpus_stories([root])
    assert json.dumps(found.as_json(), sort_keys=True) == json.dumps(again.as_json(), sort_keys=True)
    table = run_main("stories", str(root))
    assert table.code == 0 and "internal error" not in table.stderr, table.stderr


def _guarded(check: object, root: Path) -> None:
    """Run a check; a FactcheckError (the user-error type) is an allowed outcome, anything else fails."""
    assert callable(check)
    try:
        check(root)
    except FactcheckError:
        pass


@settings(max_examples=40)
@given(items=corpora("news"))
def test_news_articles_scan(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_scan, root)


@settings(max_examples=25)
@given(items=corpora("any"))
def test_any_input_scan(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_scan, root)


@settings(max_examples=40)
@given(items=corpora("news"))
def test_news_articles_claims(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_claims_command, root)


@settings(max_examples=40)
@given(items=corpora("text", max_size=2))
def test_arbitrary_text_claims(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_claims_command, root)


@settings(max_examples=40)
@given(items=corpora("bytes", max_size=2))
def test_arbitrary_bytes_claims(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_claims_command, root)


@settings(max_examples=20)
@given(items=corpora("any", min_size=2))
def test_docs_and_stories(items: list[FuzzInput]) -> None:
    with written(items) as root:
        _guarded(check_docs_and_stories, root)


@pytest.mark.skipif(cpu_count() < 2, reason="jobs = 2 runs one worker per CPU; this machine has one")
@settings(max_examples=3)
@given(items=corpora("any", min_size=6, max_size=10))
def test_jobs_one_and_two_give_the_same_json(items: list[FuzzInput]) -> None:
    """The map phase in worker processes changes nothing: scan and stories, ``jobs`` 1 vs 2."""
    with written(items) as root:
        one = scan_json(root, Config(jobs=1))[1]
        two = scan_json(root, Config(jobs=2))[1]
        assert one == two
        s1 = build_corpus_stories([root], Config(jobs=1))[0].as_json()
        s2 = build_corpus_stories([root], Config(jobs=2))[0].as_json()
        assert json.dumps(s1, sort_keys=True) == json.dumps(s2, sort_keys=True)


def test_the_generators_cover_every_family() -> None:
    """The generators make what the suite claims to fuzz: markup of each kind, CRLF, lone CR, BOMs, bad UTF-8."""
    rng = random.Random(7)
    texts = [news_text(rng, s) for s in SUFFIXES for _ in range(200)]
    blob = "".join(texts)
    for needle in ("\r\n", "\r", "\ufeff", "<p>", "&", "---\n", "```", "factcheck-", '"', "Kim Jong Un"):
        assert needle in blob, needle
    raw = [arbitrary_bytes(rng) for _ in range(200)]
    assert any(b"\x00" in r for r in raw)
    bad = 0
    for r in raw:
        try:
            r.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
    assert bad > 50
