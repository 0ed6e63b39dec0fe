"""figures/conflict and dates/conflict on the story stage, and the evidence every corpus finding records.

A story (``CorpusView.stories``) is one real-world event: the conflict rule
compares the documents of one story with each other and never with another
story's; its findings say which comparison made them, in which story, and who
agrees (``Finding.data["evidence"]``, printed by ``--format json``), in one
shape with ``names/variant``, ``quotes/drift`` and ``spelling/variants``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import one_error_line, run_rule
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules.evidence import Evidence
from factcheck.rules.loader import load_rules

BUILTIN = {r.id: r for r in load_rules([], include_builtin=True)}


run = run_rule


def pinned(story: str, text: str) -> str:
    return f"---\nstory: {story}\n---\n{text}\n"


PIRATES = ("The Indian warship INS Mysore fought off pirates in the Gulf of Aden, the Defence Ministry in New Delhi "
           "said. {} Commander Nirad Sinha said nobody was hurt.")
AGREE = {  # three articles of one story agree on 23 pirates, each in its own words
    "a.md": PIRATES.format("Marine commandos from the warship captured 23 pirates after a long chase across the gulf."),
    "b.md": PIRATES.format("Twenty-three pirates were captured by the commandos after the chase, with rifles."),
    "c.md": PIRATES.format("The commandos captured 23 pirates on the deck after the chase, the navy said."),
}
LONE = PIRATES.format("The commandos captured 26 pirates on the deck after the chase, the navy said.")


def test_the_odd_one_out_is_reported_with_the_agreeing_articles_as_related() -> None:
    files = {name: pinned("gulf", text) for name, text in {**AGREE, "d.md": LONE}.items()}
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt) for f in found] == [("d.md", "26 pirates")]
    (finding,) = found
    # Every article stating 23 that the lone one contradicts, first the message's reference.
    assert sorted(r.path for r in finding.related) == ["a.md", "b.md", "c.md"]
    assert finding.related[0].path in finding.message
    evidence = finding.data["evidence"]
    assert evidence["story"] == "gulf" and evidence["agreeing"] == ["a.md", "b.md", "c.md"]
    assert evidence["path"] in ("verbatim phrase", "alike window", "alike sentences")


def test_the_same_articles_in_two_stories_are_not_compared() -> None:
    files = {name: pinned("gulf", text) for name, text in AGREE.items()}
    files["d.md"] = pinned("somalia", LONE)
    assert run(BUILTIN["figures/conflict"], files) == []


def test_the_weak_paths_name_themselves() -> None:
    a = PIRATES.format("Responding to a distress call from an Ethiopian ship, the warship attacked two boats of "
                       "pirates.")
    b = PIRATES.format("Pirates aboard three boats were firing at the Ethiopian ship when commandos arrived by "
                       "helicopter.")
    (finding,) = run(BUILTIN["figures/conflict"], {"a.md": pinned("gulf", a), "b.md": pinned("gulf", b)})
    assert (finding.path, finding.location.excerpt, finding.severity) == ("b.md", "three boats", "info")
    assert finding.data["evidence"] == {"path": "one value each", "story": "gulf", "agreeing": ["a.md"]}


def test_dates_of_one_story_record_their_evidence() -> None:
    s = "The earthquake struck the coastal city of Valparaiso on {}, killing hundreds."
    files = {"a.md": pinned("chile", s.format("March 3, 2010")), "b.md": pinned("chile", s.format("March 3, 2010")),
             "c.md": pinned("chile", s.format("March 5, 2010"))}
    (finding,) = run(BUILTIN["dates/conflict"], files)
    assert (finding.path, finding.location.excerpt) == ("c.md", "March 5, 2010")
    assert finding.data["evidence"] == {"path": "verbatim phrase", "story": "chile", "agreeing": ["a.md", "b.md"]}


@pytest.mark.parametrize(("role", "expected"), [
    ("man", [("c.md", "46-year-old")]),  # the story's man, described alike
    ("woman", []),  # another person of the story
])
def test_unnamed_ages_are_weighed_against_their_own_role(role: str, expected: list[tuple[str, str]]) -> None:
    party = ("Police in Vancouver said Ian Banky, Kim Lee, Tom Ward, Ann Scott and Raj Patel were at the "
             "Christmas party. {}")
    files = {"a.md": pinned("party", party.format("The 61-year-old man was arrested by police at the store.")),
             "b.md": pinned("party", party.format("Police said the 61-year-old man was arrested at the store.")),
             "c.md": pinned("party", party.format(f"Police said a 46-year-old {role} was arrested there."))}
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt) for f in found] == expected


def test_evidence_is_one_record_for_every_rule() -> None:
    assert Evidence.of("story majority", "gulf", ["c.md", "a.md", "a.md"]).as_json() == {
        "path": "story majority", "story": "gulf", "agreeing": ["a.md", "c.md"]}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def scan_json(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["scan", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def test_json_shows_the_evidence_of_conflicts_quotes_and_spellings(here: Path) -> None:
    quote = ('"We will never accept these sanctions in any form, and we will fight them," said Minister Ivan '
             'Petrov in Moscow, where {} ministers met to discuss the organization of the summit.')
    (here / "a.txt").write_text(quote.format("12"), encoding="utf-8")
    (here / "b.txt").write_text(quote.format("12"), encoding="utf-8")
    (here / "c.txt").write_text(quote.replace("never", "not").replace("organization", "organisation").format("15"),
                                encoding="utf-8")
    found = {f["rule"]: f for f in scan_json(".") if f["path"] == "c.txt"}
    assert {"figures/conflict", "quotes/drift", "spelling/variants"} <= set(found)
    for rule in ("figures/conflict", "quotes/drift", "spelling/variants"):
        evidence = found[rule]["evidence"]
        assert set(evidence) == {"path", "story", "agreeing"}, rule
        assert evidence["agreeing"] == ["a.txt", "b.txt"], rule
        assert evidence["story"] is not None, rule
    assert found["quotes/drift"]["evidence"]["path"] == "same speaker"
    assert found["spelling/variants"]["evidence"]["path"] == "corpus majority"
    assert found["figures/conflict"]["evidence"]["path"] == "verbatim phrase"


def test_the_removed_story_names_option_is_an_unknown_key(here: Path) -> None:
    (here / "a.txt").write_text("The council met.\n", encoding="utf-8")
    (here / "factcheck.toml").write_text('[rules."figures/conflict"]\nstory_names = 5\n', encoding="utf-8")
    message = one_error_line(CliRunner().invoke(app, ["scan", "a.txt"]))
    assert message.startswith("factcheck: error: factcheck.toml: key 'rules.\"figures/conflict\".story_names'")
    assert "unknown" in message


def test_a_name_style_finding_records_its_evidence() -> None:
    files = {"a.txt": "North Korean leader Kim Jong Un spoke in Pyongyang.",
             "b.txt": "Leader Kim Jong Un arrived in Pyongyang.",
             "c.txt": "North Korean leader Kim Jong-un left Pyongyang."}
    (finding,) = run(BUILTIN["names/style"], files)
    assert (finding.path, finding.location.excerpt) == ("c.txt", "Kim Jong-un")
    evidence = finding.data["evidence"]
    assert (evidence["path"], evidence["agreeing"]) == ("corpus majority", ["a.txt", "b.txt"])


@pytest.mark.parametrize(("published", "told", "expected"), [
    ("October 20, 2011", "20 October 2011", []),  # each article's own day: two announcements
    ("October 14, 2011", "20 October 2011", [("b.md", "20 October 2011")]),  # one day, two dates
    ("October 20, 2011", "18 October 2011", [("b.md", "18 October 2011")]),  # not its own day
])
def test_a_date_told_as_its_articles_own_news_is_that_day(published: str, told: str,
                                                           expected: list[tuple[str, str]]) -> None:
    s = "{}\n\nSubsea cable operator Seacom announced on Twitter today ({}) that it has restored its customers."
    files = {"a.md": pinned("seacom", s.format("October 14, 2011", "14 October 2011")),
             "b.md": pinned("seacom", s.format(published, told))}
    found = run(BUILTIN["dates/conflict"], files)
    assert [(f.path, f.location.excerpt) for f in found] == expected
