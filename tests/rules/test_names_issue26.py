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
    # jobs=2: worker processes rebuild the rules from the config and must share the list too.
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
