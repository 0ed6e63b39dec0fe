"""Per-story reuse of the corpus phase: after a change only the stories it touches run again.

Every test compares a cached re-scan with a cold ``--no-cache`` scan of the
same files: reuse may only make a scan faster, never change what it reports.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factcheck.corpus_phase as corpus_phase
from factcheck.cli import app
from factcheck.config import Config
from factcheck.engine import loaded_rules, scan
from factcheck.report import FORMATTERS, RenderContext
from factcheck.rules.model import CorpusView
from factcheck.stories import Stories, Story
from tests.conftest import SEEDS


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)


@pytest.fixture
def story_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, ...]]]:
    """The documents of each story-local run (one per story the rules ran on, not reused)."""
    seen: list[tuple[str, ...]] = []
    real = corpus_phase.run_rules

    def counting(rules: Any, view: CorpusView) -> Any:
        if rules and all(r.impl.per_story() for r in rules):
            seen.append(tuple(d.path for d in view.documents))
        return real(rules, view)

    monkeypatch.setattr(corpus_phase, "run_rules", counting)
    yield seen


def as_json(report: Any) -> str:
    return FORMATTERS["json"](report, RenderContext(version="test"))


def cached() -> Config:
    return Config(cache_dir=Path(".factcheck_cache"), jobs=1)


def plain() -> Config:
    return Config(jobs=1)


def _copy(folders: list[Path], target: Path) -> None:
    for folder in folders:
        shutil.copytree(folder, target / folder.name) if folder.is_dir() else shutil.copy(folder, target)


# --------------------------------------------------------------------------- which kinds run per story


def test_story_local_kinds_are_the_ones_that_compare_within_a_story() -> None:
    rules = {r.id: r for r in loaded_rules(Config())}
    local = sorted(r.id for r in rules.values() if r.impl is not None and r.impl.scope == "corpus"
                   and r.impl.per_story())
    assert local == ["dates/conflict", "figures/conflict", "quotes/drift"]
    assert not any(r.impl.per_story() for r in rules.values() if r.id.startswith(("names/", "spelling/"))
                   and r.impl is not None)


def test_a_conflict_rule_with_an_explicit_fact_key_sees_the_whole_corpus(tmp_path: Path) -> None:
    rules = tmp_path / "house.yaml"
    rules.write_text("- id: house/members\n  type: conflict\n  severity: error\n  message: \"{found} vs {expected}\"\n"
                     "  select: {kind: quantity, unit: member, near: \"security council\"}\n", encoding="utf-8")
    # Two articles pinned to two stories: the explicit key still compares them.
    (tmp_path / "a.md").write_text("---\nstory: one\n---\nPompeo addressed the 15-member Security Council.\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nstory: two\n---\nThe 14-member Security Council met in New York.\n",
                                   encoding="utf-8")
    config = Config(jobs=1, rules=(rules,), builtin_rules=False)
    [rule] = loaded_rules(config)
    assert rule.impl is not None and not rule.impl.per_story()
    report = scan([tmp_path / "a.md", tmp_path / "b.md"], config)
    assert report.stories is not None and not report.stories.same_story(*(d.path for d in report.documents))
    assert [f.location.excerpt for f in report.findings] == ["14-member"]


def test_a_story_run_sees_only_its_own_documents(tmp_path: Path) -> None:
    """The split is by construction: a story-local rule is handed a view of one story."""
    from factcheck.documents import parse_document

    docs = [parse_document(name, "Officials said 12 people were hurt.\n") for name in ("a.txt", "b.txt", "c.txt")]
    stories = Stories([Story("s1", ("a.txt", "c.txt")), Story("s2", ("b.txt",))])
    groups = corpus_phase.story_groups(docs, stories)
    assert [(g.story.id if g.story else None, [d.path for d in g.documents]) for g in groups] == \
        [("s1", ["a.txt", "c.txt"]), ("s2", ["b.txt"])]
    lone = corpus_phase.story_groups([*docs, parse_document("d.txt", "x")], stories)
    assert [(g.story, [d.path for d in g.documents]) for g in lone][-1] == (None, ["d.txt"])


# --------------------------------------------------------------------------- the seeds


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return Path("seeds")


def test_one_changed_seed_reruns_its_story_alone(corpus: Path, story_runs: list[tuple[str, ...]]) -> None:
    scan([corpus], cached())
    cold_runs = list(story_runs)
    assert cold_runs, "the seeds have stories"
    target = sorted(corpus.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nThe council has 16 members, officials said.\n",
                      encoding="utf-8")
    story_runs.clear()
    changed = as_json(scan([corpus], cached()))
    assert story_runs and all(str(target) in run for run in story_runs)
    assert len(story_runs) < len(cold_runs)
    story_runs.clear()
    assert changed == as_json(scan([corpus], plain()))
    assert len(story_runs) == len(cold_runs)  # no cache: every story runs


def test_added_and_removed_seeds_match_a_cold_scan(corpus: Path) -> None:
    scan([corpus], cached())
    extra = corpus / "extra.txt"
    extra.write_text("Kim Jong Un met officials on Tuesday. The council has 14 members, officials said.\n",
                     encoding="utf-8")
    assert as_json(scan([corpus], cached())) == as_json(scan([corpus], plain()))
    extra.unlink()
    sorted(corpus.iterdir())[-1].unlink()
    assert as_json(scan([corpus], cached())) == as_json(scan([corpus], plain()))


def test_a_corrupt_or_foreign_story_pack_is_rebuilt(corpus: Path, story_runs: list[tuple[str, ...]]) -> None:
    scan([corpus], cached())
    [pack] = Path(".factcheck_cache").glob("v*/*/stories.json")
    good = json.loads(pack.read_bytes())
    target = sorted(corpus.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nAbout 40 people were hurt.\n", encoding="utf-8")
    expected = as_json(scan([corpus], plain()))
    wrong_findings = {k: [[["not a finding"]]] for k in good["stories"]}
    for bad in (b"", b"{truncated", json.dumps({**good, "key": "0" * 64}).encode(),
                json.dumps({**good, "stories": wrong_findings}).encode()):
        pack.write_bytes(bad)
        (pack.parent / "corpus.json").unlink(missing_ok=True)
        story_runs.clear()
        assert as_json(scan([corpus], cached())) == expected
        assert story_runs, bad[:40]
        assert json.loads(pack.read_bytes())["stories"]  # rewritten whole


# --------------------------------------------------------------------------- real articles


def test_an_ecbplus_sample_after_a_change_an_addition_and_a_removal(
        ecbplus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        story_runs: list[tuple[str, ...]]) -> None:
    folders = sorted((p for p in ecbplus_dir.iterdir() if p.is_dir()), key=lambda p: p.name)
    sample = tmp_path / "ecb"
    _copy(folders[:5], sample)
    monkeypatch.chdir(tmp_path)
    cold = as_json(scan(["ecb"], cached()))
    stories = len(story_runs)
    assert stories > 3 and cold == as_json(scan(["ecb"], plain()))
    first = sorted(sample.rglob("*.*"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nAbout 40 people were hurt, police said.\n",
                     encoding="utf-8")
    story_runs.clear()
    changed = as_json(scan(["ecb"], cached()))
    assert 1 <= len(story_runs) < stories / 2, story_runs
    assert changed == as_json(scan(["ecb"], plain()))
    added = sorted(folders[5].iterdir())[0]
    shutil.copy(added, sample / folders[0].name / added.name)
    assert as_json(scan(["ecb"], cached())) == as_json(scan(["ecb"], plain()))
    sorted(sample.rglob("*.*"))[-1].unlink()
    assert as_json(scan(["ecb"], cached())) == as_json(scan(["ecb"], plain()))


# --------------------------------------------------------------------------- baseline and the cache


def test_baseline_create_and_update_use_the_cache_like_scan(corpus: Path) -> None:
    runner = CliRunner()
    off = runner.invoke(app, ["baseline", "create", str(corpus), "-o", "off.json", "--no-cache"])
    assert off.exit_code == 0, off.output
    assert not Path(".factcheck_cache").exists()
    on = runner.invoke(app, ["baseline", "create", str(corpus), "-o", "on.json", "--cache-dir", "fc"])
    assert on.exit_code == 0 and list(Path("fc").glob("v*/*/docs/*/*.json"))
    assert Path("off.json").read_text(encoding="utf-8") == Path("on.json").read_text(encoding="utf-8")
    update = runner.invoke(app, ["baseline", "update", "-b", "on.json", "--check", "--no-cache"])
    assert update.exit_code == 0, update.output
    update = runner.invoke(app, ["baseline", "update", "-b", "on.json", "--check", "--cache-dir", "fc"])
    assert update.exit_code == 0, update.output


# --------------------------------------------------------------------------- the warm path


def test_a_cached_document_keeps_its_language_without_detecting_it_again(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.documents as documents

    (corpus / "fr.md").write_text("---\nlang: fr\n---\nLe conseil a 15 membres.\n", encoding="utf-8")
    cold = scan([corpus], cached())
    expected = as_json(cold)

    def no_detection(*_args: Any) -> Any:
        raise AssertionError("a cached document's language is stored with it")

    monkeypatch.setattr(documents, "language_of", no_detection)
    warm = scan([corpus], cached())
    assert as_json(warm) == expected
    assert [(d.path, d.lang, d.lang_source) for d in warm.documents] == \
        [(d.path, d.lang, d.lang_source) for d in cold.documents]
    assert ("fr", "front-matter") in {(d.lang, d.lang_source) for d in warm.documents}


# --------------------------------------------------------------------------- changes that move evidence


def _event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    folder = tmp_path / "event"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("event")


QUAKE = ("A magnitude 6.1 earthquake struck near Coquimbo, Chile, on March 3, 2012, killing {n} people.\n"
         "Chilean President Sebastian Pinera said rescuers in Coquimbo were searching collapsed buildings.\n"
         "The Coquimbo earthquake damaged the harbour and the Serena hospital, officials said.\n")
TRIAL = ("A Denver jury convicted Marcus Whitfield of fraud on June 14, 2013, after a {n}-week trial.\n"
         "Judge Eleanor Brandt said Whitfield would be sentenced in Denver in September.\n"
         "Prosecutors said Whitfield defrauded investors of millions through the Brandt Capital scheme.\n")


def test_a_document_that_moves_to_another_story_matches_a_cold_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, story_runs: list[tuple[str, ...]]) -> None:
    files = {f"quake{i}.txt": QUAKE.format(n=10 + i) for i in range(3)}
    files |= {f"trial{i}.txt": TRIAL.format(n=3) for i in range(3)}
    files["mover.txt"] = QUAKE.format(n=10)
    corpus = _event(tmp_path, monkeypatch, files)
    before = scan([corpus], cached())
    mover = str(corpus / "mover.txt")
    assert before.stories is not None and str(corpus / "quake0.txt") in before.stories.story_of(mover).documents
    (corpus / "mover.txt").write_text(TRIAL.format(n=9), encoding="utf-8")  # now a trial report, its figure odd
    story_runs.clear()
    after = scan([corpus], cached())
    assert after.stories is not None and str(corpus / "trial0.txt") in after.stories.story_of(mover).documents
    assert len(story_runs) == 2, story_runs  # the story it left and the one it joined
    fresh = scan([corpus], plain())
    assert as_json(after) == as_json(fresh)
    assert any(f.path == mover and f.rule.startswith("figures/") for f in fresh.findings)


def test_a_change_that_flips_a_name_spellings_majority_matches_a_cold_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _event(tmp_path, monkeypatch, {
        "a.txt": "Kim Jong-un inspected a missile base near Pyongyang on Tuesday, state media said.\n",
        "b.txt": "North Korean leader Kim Jong-un visited a missile base outside Pyongyang on Tuesday.\n",
        "c.txt": "Kim Jong Un toured the missile base near Pyongyang on Tuesday, according to state media.\n"})

    def flagged(report: Any) -> list[tuple[str, str | None]]:
        return [(f.path, f.suggestion) for f in report.findings if f.rule == "names/style"]

    assert flagged(scan([corpus], cached())) == [(str(corpus / "c.txt"), "Kim Jong-un")]
    (corpus / "b.txt").write_text("North Korean leader Kim Jong Un visited a missile base outside Pyongyang "
                                  "on Tuesday.\n", encoding="utf-8")
    after = scan([corpus], cached())
    assert flagged(after) == [(str(corpus / "a.txt"), "Kim Jong Un")]  # a.txt did not change; its finding did
    assert as_json(after) == as_json(scan([corpus], plain()))
