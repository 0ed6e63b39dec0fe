"""Shared fixtures: the seed corpus and the optional shared corpora."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

from factcheck.claims.base import Claim
from factcheck.documents import Document, parse_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
ECBPLUS = SHARED / "corpora" / "ecbplus"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

# Property tests: enough examples to find bugs, few enough for a 2-core CI box.
settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def _no_scan_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process CLI scans do not read or write ``.factcheck_cache``: a test that patches an
    extractor or a rule kind must see it run, not a result cached by another test.  The cache's
    own tests (tests/test_cache.py) remove the variable; subprocess runs drop it anyway."""
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")


def bench_module(name: str) -> ModuleType:
    """A script of ``bench/`` imported as a module (``bench/`` is not a package), so its tests call its functions."""
    module_name = f"bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    bench = str(ROOT / "bench")
    if bench not in sys.path:  # the scripts import each other, as when run from bench/
        sys.path.append(bench)
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


def need_shared(path: Path) -> None:
    """Skip (with the reason) when ../shared material is absent, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} not present (it ships beside the repo only in CI and dev checkouts)")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def ecbplus_dir() -> Path:
    need_shared(ECBPLUS)
    return ECBPLUS


def extractor_contract(extract: Any, text: str, kind: str) -> tuple[Document, list[Claim]]:
    """The contract every claim extractor keeps, on any text.

    Deterministic (a second run on a fresh document gives the same claims),
    sorted by span, every span inside the text and slicing back to the claim's
    text, of the expected kind, and JSON-serialisable.  Returns the document
    and claims for kind-specific checks.
    """
    doc = parse_document("t.txt", text)
    first = list(extract(doc))
    second = list(extract(parse_document("t.txt", text)))
    assert [(c.start, c.end, c.value, dict(c.attrs)) for c in first] == [
        (c.start, c.end, c.value, dict(c.attrs)) for c in second]
    assert [(c.start, c.end) for c in first] == sorted((c.start, c.end) for c in first)
    for c in first:
        assert c.kind == kind
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.text
        json.dumps({"value": c.value, **c.attrs})
    return doc, first


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the seed articles in ``tmp_path/articles``: a corpus a test may edit."""
    import shutil

    ws = tmp_path / "articles"
    shutil.copytree(SEEDS, ws)
    return ws


def run_rule(rule: Any, files: dict[str, str]) -> list[Any]:
    """One rule over in-memory articles, both phases, as the engine runs them (the file name's suffix picks
    its format, so ``.md`` front matter pins a story); findings in report order."""
    from pathlib import PurePosixPath

    from factcheck.documents import format_of
    from factcheck.engine import analyse_document, run_corpus_rules

    docs, claims, out = [], {}, []
    for name in sorted(files):
        doc = parse_document(name, files[name], format_of(PurePosixPath(name)))
        cs, fs = analyse_document(doc, [rule])
        docs.append(doc)
        claims[name] = cs
        out.extend(fs)
    out.extend(run_corpus_rules([rule], docs, claims))
    return sorted(out, key=lambda f: f.sort_key)


def house_corpus(root: Path, rules_yaml: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds under ``root`` with only the given house rules, as the working directory.

    Tests of baselines, suppressions and formats use their own small rules so
    that their assertions do not move when the shipped packs change.
    """
    import shutil

    shutil.copytree(SEEDS, root / "seeds")
    (root / "rules").mkdir()
    (root / "rules" / "house.yaml").write_text(rules_yaml, encoding="utf-8")
    (root / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\n', encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def variant_rule(message: str = "'{match}' is written 'Kim Jong Un' elsewhere.") -> Any:
    """A stand-in corpus rule: 'Kim Long Un' where another article writes 'Kim Jong Un'.

    Baseline and suppression tests need a corpus finding with ``related``
    locations whose behaviour does not move when the shipped name rules are tuned.
    """
    import re
    from collections.abc import Iterable

    from factcheck.findings import Finding, Location
    from factcheck.rules.model import CorpusView, Rule, RuleKind

    class VariantKind(RuleKind):
        name = "test-variant"
        scope = "corpus"
        NEEDS = ()

        def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
            canon = [Location.of(doc, i, i + 11) for doc, _ in corpus.items()
                     if (i := doc.text.find("Kim Jong Un")) >= 0]
            for doc, _claims in corpus.items():
                for m in re.finditer("Kim Long Un", doc.text):
                    related = [c for c in canon if c.path != doc.path][:1]
                    if related:
                        yield self.rule.finding(doc, m.start(), m.end(), suggestion="Kim Jong Un",
                                                related=related)

    rule = Rule(id="test/variant", type="test-variant", severity="error", message=message, description="",
                origin="test:1")
    rule.impl = VariantKind(rule, {})
    return rule


# --------------------------------------------------------------------------- a newsroom repository for CI tests

#: Three articles: two spell "Kim Jong Un", one writes "Kim Long Un" (a names/variant finding of the shipped rules).
NEWSROOM_ARTICLES = {
    "a.txt": "North Korean leader Kim Jong Un met envoys in Pyongyang.\n\n"
             "Kim Jong Un said the talks had been useful.\n",
    "b.txt": "Leader Kim Jong Un spoke to reporters after the meeting.\n",
    "c.txt": "Diplomats discussed leader Kim Long Un's offer to settle the dispute.\n\n"
             "The envoys left the capital in the evening.\n",
}


def run_factcheck(cwd: Path, *args: str) -> Any:
    """The installed CLI as a subprocess, as CI runs it (no FACTCHECK* variables leak in)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}
    return subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def git(repo: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=ci", "-c", "user.email=ci@example.org", *args], cwd=repo,
                   check=True, capture_output=True)


def newsroom(root: Path, reason: str = "") -> Path:
    """A committed git repository of :data:`NEWSROOM_ARTICLES` under ``articles/`` with a baseline
    (``.factcheck-baseline.json`` at its root) accepting their one finding, with ``reason``."""
    (root / "articles").mkdir(parents=True)
    for name, text in NEWSROOM_ARTICLES.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    created = run_factcheck(root, "baseline", "create", "articles")
    assert created.returncode == 0, created.stderr
    baseline = root / ".factcheck-baseline.json"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert [(e["path"], e["excerpt"]) for e in data["findings"]] == [("articles/c.txt", "Kim Long Un")]
    data["findings"][0]["reason"] = reason
    baseline.write_text(json.dumps(data, indent=2), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "articles and their baseline")
    return root


def one_error_line(result: Any) -> str:
    """A CLI result that failed as the README promises: exit 2, nothing on stdout, exactly one
    ``factcheck: error:`` line on stderr and no traceback.  Returns that line."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcheck: error: ")
    assert "Traceback" not in result.output
    return str(lines[0])


# --------------------------------------------------------------------------- one article, one house rule

#: A pattern rule with one finding per unnamed source, for tests of files, outputs and terminal safety.
UNNAMED_RULES = """
- id: house/unnamed
  type: pattern
  severity: warning
  message: "Unnamed source ('{match}')."
  words: ["sources said"]
"""


def unnamed_source_project(root: Path, article: str, name: str = "a.txt") -> Path:
    """``root/arts/NAME`` holding ``article``, with :data:`UNNAMED_RULES` as the only rules."""
    (root / "rules").mkdir()
    (root / "rules" / "house.yaml").write_text(UNNAMED_RULES, encoding="utf-8")
    (root / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\n', encoding="utf-8")
    (root / "arts").mkdir()
    (root / "arts" / name).write_text(article, encoding="utf-8")
    return root
