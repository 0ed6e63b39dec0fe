"""names/variant as a user expects it (issue 26): repeated and copied misspellings,
and a house list of canonical names protecting those names in every name rule.

Small hand-written corpora go through the real loader and engine, as
``factcheck scan`` runs them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.engine import scan
from factcheck.findings import Finding
from factcheck.rules.kinds.names import NameVariantsKind
from factcheck.rules.loader import load_rules

# --------------------------------------------------------------------------- helpers

COACH = {
    "a.txt": "Italy coach Paolo Marchetti named his squad in Rome on Monday. "
             "Paolo Marchetti said Gianluigi Buffon would start.",
    "b.txt": "In Rome, Paolo Marchetti confirmed that Gianluigi Buffon would keep goal for Italy.",
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def variant(folder: Path, files: dict[str, str], *, rules: tuple[Path, ...] = (), jobs: int = 1,
            select: str = "names/variant") -> list[Finding]:
    """Findings of one rule (by id) over these files, through the public scan entry point."""
    write(folder / "corpus", files)
    report = scan([folder / "corpus"], Config(rules=rules, select=(select,), jobs=jobs))
    return [f for f in report.findings if f.rule == select]


def shown(found: list[Finding]) -> list[tuple[str, int, str, str | None, str]]:
    return [(Path(f.path).name, f.location.line, f.location.excerpt, f.suggestion, f.severity) for f in found]


# --------------------------------------------------------------------------- repeated in one article


def test_each_occurrence_of_a_repeated_misspelling_is_reported(tmp_path: Path) -> None:
    # Line 3 and line 5 both misspell the coach: fixing the first must not be what reveals the second.
    files = {**COACH, "c.txt": "Italy named its squad.\n\nCoach Paolo Marchetty spoke in Rome on Monday.\n\n"
                               "Paolo Marchetty said Gianluigi Buffon would start.\n"}
    found = variant(tmp_path, files)
    assert [(n, line, ex, sug) for n, line, ex, sug, _sev in shown(found)] == [
        ("c.txt", 3, "Paolo Marchetty", "Paolo Marchetti"),
        ("c.txt", 5, "Paolo Marchetty", "Paolo Marchetti"),
    ]
    # Written twice, the spelling may be the writer's choice: the weak severity, not an error.
    assert {f.severity for f in found} == {"warning"}


def test_a_single_misspelling_in_the_same_story_is_an_error(tmp_path: Path) -> None:
    files = {**COACH, "c.txt": "Italy coach Paolo Marchetty said in Rome that Gianluigi Buffon would start."}
    assert shown(variant(tmp_path, files)) == [
        ("c.txt", 1, "Paolo Marchetty", "Paolo Marchetti", "error")]


def test_two_names_an_article_repeats_side_by_side_are_two_names(tmp_path: Path) -> None:
    # "Medicaid" four times beside "Medicare" five times in one article: two programmes, not a slip,
    # although the repeated spelling no longer counts as several votes.
    text = " ".join(["Medicare pays for the elderly, while Medicaid pays for the poor."] * 4
                    + ["Medicare is federal."])
    assert variant(tmp_path, {"a.txt": text, "b.txt": "Congress debated the budget."}) == []


# --------------------------------------------------------------------------- copied spellings

KOREA = [
    "Officials in North Korea met envoys from Washington and Seoul. North Korea wants sanctions eased. "
    "Pyongyang said North Korea would wait.",
    "Diplomats in Seoul said North Korea had rejected the offer from Washington. North Korea and "
    "Pyongyang's allies disagreed. North Korea said so.",
    "Washington and Seoul urged North Korea to return to talks. North Korea refused, Pyongyang said. "
    "North Korea tested a missile.",
    "North Korea fired a missile, Seoul said. Washington condemned North Korea. Pyongyang denied it; "
    "North Korea insisted.",
    "North Korea's envoy left Washington for Seoul. North Korea and Pyongyang officials declined to comment "
    "on North Korea.",
]


def korea(extra: dict[str, str]) -> dict[str, str]:
    """Five articles writing "North Korea" 30 times in all (each text twice), and ``extra``."""
    # With one unrelated article: the story stage weighs what every document shares at zero.
    return {**{f"{i}.txt": f"{t}\n\n{t}" for i, t in enumerate(KOREA)}, **extra,
            "zz.txt": "Apple unveiled a new iPhone in Cupertino, California. Tim Cook said sales were strong."}


def test_a_copied_wire_typo_is_still_a_misspelling_in_every_copy(tmp_path: Path) -> None:
    seed_like = ("From Noth Korea's point of view, Washington and Seoul have not responded to the missile test, "
                 "Pyongyang said.")  # "missile": the story's own word, so it joins the Korea story
    alone = variant(tmp_path / "alone", korea({"x.txt": seed_like}))
    assert shown(alone) == [("x.txt", 1, "Noth Korea", "North Korea", "error")]
    # A second article copying the typo twice: three mentions in two documents against 30 in five.
    copy = "Noth Korea rejects offer from Washington and Seoul.\nNoth Korea said Pyongyang would wait."
    copied = variant(tmp_path / "copied", korea({"x.txt": seed_like, "y.txt": copy}))
    assert shown(copied) == [
        ("x.txt", 1, "Noth Korea", "North Korea", "error"),
        ("y.txt", 1, "Noth Korea", "North Korea", "error"),
        ("y.txt", 2, "Noth Korea", "North Korea", "error"),
    ]


def test_two_outlets_consistent_spelling_is_not_a_typo(tmp_path: Path) -> None:
    # A transliteration two outlets share, several times each, against a spelling that does not
    # overwhelm it: a house-style question, never a misspelling.
    common = "Iranian judge Heydar Alishvandi ruled in Tehran. Heydar Alishvandi adjourned the trial."
    other = "Judge Heydar Alishbandi presided in Tehran. Heydar Alishbandi adjourned the trial."
    files = {"a.txt": common, "b.txt": common, "c.txt": common, "d.txt": other, "e.txt": other}
    assert variant(tmp_path, files) == []


def test_an_overwhelmed_copied_spelling_is_reported_but_a_close_contest_is_not(tmp_path: Path) -> None:
    # Three copies of "Noth Korea" against only six "North Korea": not overwhelming, so silent.
    few = {"0.txt": "North Korea met Seoul. North Korea left.", "1.txt": "North Korea, Seoul said. North Korea.",
           "2.txt": "Seoul and North Korea met. North Korea left.",
           "x.txt": "Noth Korea met Seoul.", "y.txt": "Noth Korea, Seoul said. Noth Korea left."}
    assert variant(tmp_path, few) == []
    # A house rule that trusts a smaller majority (dominance 2: 6 mentions in 3 documents against 3 in 2)
    # reports each copy, at the weak severity (only a single slip, or an overwhelmed one, is an error).
    loose = tmp_path / "loose.yaml"
    loose.write_text("id: house/loose\ntype: name-variants\nseverity: error\ndominance: 2.0\nratio: 1.5\n"
                     "message: \"'{match}' vs '{suggestion}'\"\n", encoding="utf-8")
    found = variant(tmp_path / "loose", few, rules=(loose,), select="house/loose")
    assert [(n, line, sev) for n, line, _ex, _sug, sev in shown(found)] == [
        ("x.txt", 1, "warning"), ("y.txt", 1, "warning"), ("y.txt", 1, "warning")]


# --------------------------------------------------------------------------- a house canonical list


HOUSE = """\
id: house/names
type: name-variants
mode: typo
severity: error
canonical: names.yaml
message: "'{match}' should be spelled '{suggestion}'."
"""


def house(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "names.yaml").write_text("".join(f"- {n}\n" for n in names), encoding="utf-8")
    (folder / "names-rule.yaml").write_text(HOUSE, encoding="utf-8")
    return folder / "names-rule.yaml"


# The assistant coach is a different person from the head coach, one letter apart.
STAFF = {**COACH, "c.txt": "Italy coach Paolo Marchetty said in Rome that Gianluigi Buffon would start."}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_house_listed_name_is_never_a_misspelling_in_the_builtin_rule(tmp_path: Path, jobs: int) -> None:
    assert variant(tmp_path / "without", STAFF, jobs=jobs) != []  # the built-in rule alone flags it
    rule = house(tmp_path, ["Paolo Marchetty"])
    # jobs=2: the same through worker processes, which rebuild their rules from the config.
    assert variant(tmp_path / "with", STAFF, rules=(rule,), jobs=jobs) == []


def test_two_house_listed_names_are_two_people(tmp_path: Path) -> None:
    rule = house(tmp_path, ["Paolo Marchetti", "Paolo Marchetty"])
    assert variant(tmp_path / "a", STAFF, rules=(rule,)) == []
    assert variant(tmp_path / "b", STAFF, rules=(rule,), select="house/names") == []


def test_a_house_list_suggests_only_in_its_own_rule(tmp_path: Path) -> None:
    # The corpus mostly writes "Kim Jung Un"; the house list says "Kim Jong Un".  The house rule
    # corrects it; the built-in rule, which votes with the corpus, has nothing to say.
    files = {"a.txt": "Leader Kim Jung Un spoke in Seoul. Leader Kim Jung Un left.",
             "b.txt": "Leader Kim Jung Un arrived in Seoul."}
    rule = house(tmp_path, ["Kim Jong Un"])
    mine = variant(tmp_path / "a", files, rules=(rule,), select="house/names")
    assert {(f.location.excerpt, f.suggestion) for f in mine} == {("Kim Jung Un", "Kim Jong Un")}
    assert variant(tmp_path / "b", files, rules=(rule,)) == []


def test_the_loader_shares_every_canonical_list(tmp_path: Path) -> None:
    rule = house(tmp_path, ["Paolo Marchetty"])
    rules = {r.id: r for r in load_rules([rule])}
    builtin, mine = rules["names/variant"].impl, rules["house/names"].impl
    assert isinstance(builtin, NameVariantsKind) and isinstance(mine, NameVariantsKind)
    assert builtin.protected == mine.protected and builtin.protected
    assert builtin.canonical == [] and mine.canonical == ["Paolo Marchetty"]
