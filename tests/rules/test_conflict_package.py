"""The conflict rule's shape: small modules, typed options, and legitimate differences as named checks.

The behaviour of the rule is pinned end to end in ``test_consistency.py``; these
tests pin what keeps it changeable: no module grows past :data:`MAX_LINES`, every
module says why it exists, the options are one typed record of the declared
options, and each exemption is a named, documented check that decides the case
it is written for (and no earlier exemption takes that case from it).
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import factcheck.rules.kinds.conflict as conflict
from factcheck.documents import parse_document
from factcheck.engine import analyse_document
from factcheck.rules.kinds.conflict import EXEMPTIONS, OPTIONS, ConflictKind, ConflictOptions, Statement
from factcheck.rules.loader import load_rules, parse_rule
from factcheck.rules.model import CorpusView, Rule
from factcheck.rules.yamlsrc import load_yaml_text

PACKAGE = Path(conflict.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
#: The most lines a module of the package may have: past it, split the module at its seams.
MAX_LINES = 500
BUILTIN = {r.id: r for r in load_rules([], include_builtin=True)}


def test_the_package_has_its_parts() -> None:
    assert {p.stem for p in MODULES} >= {"statements", "subjects", "keys", "exemptions", "qualifiers", "options",
                                        "report", "kind", "strong", "paraphrase", "weak"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_module_of_the_conflict_package_exceeds_500_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it at its seams"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_module_of_the_package_says_why_it_exists(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc is not None and len(doc.split()) >= 25, f"{path.name}: a module docstring that explains why"


def test_benchmarks_and_tests_import_no_private_name_of_the_package() -> None:
    root = PACKAGE.parents[3]
    for path in sorted([*(root / "bench").glob("*.py"), *(root / "tests").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck.rules.kinds.conflict"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} imports private {private} from {node.module}"


def test_the_package_api_is_what_it_exports() -> None:
    assert all(hasattr(conflict, name) for name in conflict.__all__)
    assert not [name for name in conflict.__all__ if name.startswith("_")]


# --------------------------------------------------------------------------- options


def test_the_typed_options_are_the_declared_options() -> None:
    assert [f.name for f in dataclasses.fields(ConflictOptions)] == list(OPTIONS)
    assert ConflictKind.OPTIONS is OPTIONS


def test_a_rule_reads_its_options_once_into_the_typed_record() -> None:
    shipped = BUILTIN["figures/conflict"].impl
    assert isinstance(shipped, ConflictKind)
    assert shipped.settings == ConflictOptions.of(shipped.options)
    assert shipped.settings.kinds == tuple(shipped.options["kinds"]) and not shipped.settings.explicit
    raw = load_yaml_text("id: house/c\ntype: conflict\nseverity: error\nmessage: x\nmin_shared: 7\n"
                         "kinds: [count]\nparaphrase_severity: info\n", "inline.yaml")[0]
    house = parse_rule(raw, "inline.yaml", 1).impl
    assert isinstance(house, ConflictKind)
    assert (house.settings.min_shared, house.settings.kinds, house.settings.paraphrase_severity) == (7, ("count",),
                                                                                                    "info")


# --------------------------------------------------------------------------- exemptions


def test_exemptions_are_named_documented_checks_in_order() -> None:
    names = [e.__name__ for e in EXEMPTIONS]
    assert names == ["approximation", "two_values_per_sentence", "conversion", "relative_days", "own_days",
                     "far_apart", "running_time", "running_total", "later_update"]
    for exemption in EXEMPTIONS:
        assert exemption.__doc__ and len(exemption.__doc__.split()) >= 15, exemption.__name__


def statements(rule: Rule, files: dict[str, str]) -> list[Statement]:
    """The statements the rule compares in these documents, extracted as ``factcheck scan`` does."""
    docs, claims = [], {}
    for name in sorted(files):
        doc = parse_document(name, files[name])
        claims[name], _found = analyse_document(doc, [rule])
        docs.append(doc)
    kind = rule.impl
    assert isinstance(kind, ConflictKind)
    return kind.statements(CorpusView(documents=docs, claims=claims))


RIOTS = "{}\n\nAthens was calm on Sunday after {} of the worst riots Greece has seen in decades.\n"
HORTON = "{}\n\nThe bullet killed {}-year-old Zurana Horton as she walked home from school, police said.\n"

#: (exemption, verdict, rule, a.txt, b.txt, the claim text compared in each)
CASES = [
    ("approximation", True, "figures/conflict",
     "The ministry said about 500,000 barrels of oil were exported to the port last year.",
     "The ministry said 498,000 barrels of oil were exported to the port last year.", ("500,000", "498,000")),
    ("two_values_per_sentence", True, "figures/conflict",
     "Apple sells the laptop at $1,099 for the 13-inch and $1,799 for the 15-inch model.",
     "Apple sells the laptop at $1,099 for the 13-inch and $1,799 for the 15-inch model.", ("$1,099", "$1,799")),
    ("conversion", True, "figures/conflict",
     "Greece will receive €110 billion ($158 billion) in loans over three years.",
     "Greece will receive €110 billion ($143 billion) in loans over three years.",
     ("$158 billion", "$143 billion")),
    ("relative_days", True, "dates/conflict",
     "March 1, 2010\n\nThe minister resigned on Monday after the vote, officials said.",
     "March 10, 2010\n\nThe minister resigned on Monday after the vote, officials said.", ("Monday", "Monday")),
    # Each article's own day, told as that day's news: two announcements, not one event misdated.
    ("own_days", True, "dates/conflict",
     "October 14, 2011\n\nSeacom announced on Twitter today (14 October 2011) that it has restored its customers.",
     "October 20, 2011\n\nSeacom announced on Twitter today (20 October 2011) that it has restored its customers.",
     ("14 October 2011", "20 October 2011")),
    ("far_apart", True, "figures/conflict",
     "May 3, 2008\n\nThe plant employs 300 workers on the river, the company said.",
     "May 3, 2013\n\nThe plant employs 500 workers on the river, the company said.", ("300 workers", "500 workers")),
    # The years between two articles cannot make a person younger: a conflict, decided.
    ("far_apart", False, "figures/conflict", HORTON.format("October 10, 2011", 34),
     HORTON.format("April 10, 2013", 17), ("34-year-old", "17-year-old")),
    ("running_time", True, "figures/conflict", RIOTS.format("Published: 2008-12-14", "eight days"),
     RIOTS.format("Published: 2008-12-10", "four days"), ("eight days", "four days")),
    ("running_time", False, "figures/conflict", RIOTS.format("Published: 2008-12-14", "eight days"),
     RIOTS.format("Published: 2008-12-14", "four days"), ("eight days", "four days")),
    # A total over the story's events so far is another fact than one event's count.
    ("running_total", True, "figures/conflict",
     "During the operation, six rifles were found aboard the skiff, the navy said.",
     "So far the navy has confiscated 14 rifles aboard the skiff, the navy said.", ("six", "14")),
    ("later_update", True, "figures/conflict",
     "March 1, 2010\n\nThe earthquake killed 82 people in the coastal city, officials said.",
     "March 3, 2010\n\nThe earthquake killed 300 people in the coastal city, officials said.", ("82", "300")),
]


@pytest.mark.parametrize(("name", "verdict", "rule_id", "a", "b", "texts"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_each_exemption_decides_its_own_case(name: str, verdict: bool, rule_id: str, a: str, b: str,
                                             texts: tuple[str, str]) -> None:
    rule = BUILTIN[rule_id]
    found = statements(rule, {"a.txt": a, "b.txt": b})

    def one(path: str, text: str) -> Statement:
        (s,) = [s for s in found if s.doc.path == path and text in s.claim.text]
        return s

    x, y = one("a.txt", texts[0]), one("b.txt", texts[1])
    assert x.claim.value != y.claim.value
    kind = rule.impl
    assert isinstance(kind, ConflictKind)
    opinions = [(e.__name__, e(x, y, kind.settings)) for e in EXEMPTIONS]
    decided = [(n, v) for n, v in opinions if v is not None]
    assert decided[0] == (name, verdict)
    assert kind.legitimate(x, y) is verdict
