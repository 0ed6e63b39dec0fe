"""The conflict rule reads the extractor's bounds, not qualifier tables of its own (issue 27, Facts).

A qualifier the rule's own tables did not list used to make a figure ±10 %, so
"exactly 500" was read as 450-550 and compatible with 520; "as many as",
"no fewer than", "well over" were all ±10 % too.  Each case below is two
articles stating one fact in the same words but for the qualified figure.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factcheck.rules.kinds.conflict as conflict
from factcheck.claims.bounds import QUALIFIERS, normalise_qualifier
from factcheck.documents import parse_document
from factcheck.engine import analyse_document, run_corpus_rules
from factcheck.findings import Finding
from factcheck.rules.loader import load_rules, parse_rule
from factcheck.rules.model import Rule
from factcheck.rules.yamlsrc import load_yaml_text

CONFLICT = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]

SENTENCE = ("Officials in the northern province said {} were evacuated from the flooded valley on Tuesday "
            "as the river burst its banks near the old bridge.")


def run(rule: Rule, files: dict[str, str]) -> list[Finding]:
    docs = [parse_document(p, t) for p, t in sorted(files.items())]
    claims = {d.path: analyse_document(d, [rule])[0] for d in docs}
    return sorted(run_corpus_rules([rule], docs, claims), key=lambda f: f.sort_key)


def findings(a: str, b: str) -> list[Finding]:
    return run(CONFLICT, {"a.txt": SENTENCE.format(a), "b.txt": SENTENCE.format(b)})


@pytest.mark.parametrize(("a", "b", "conflicts"), [
    ("exactly 500 people", "520 people", True),  # was ±10 %: compatible
    ("as many as 500 people", "450 people", False),  # at most 500
    ("well over 100 people", "105 people", True),  # "well over" starts at 110
    ("no fewer than 40 people", "45 people", False),  # at least 40
    ("about 500,000 people", "498,000 people", False),  # ±10 %, unchanged
    ("in excess of 500 people", "650 people", False),  # more than 500 (was ±10 %: a conflict)
])
def test_a_qualified_figure_admits_what_its_bounds_admit(a: str, b: str, conflicts: bool) -> None:
    found = findings(a, b)
    assert bool(found) is conflicts, [(f.path, f.location.excerpt) for f in found]


def test_exactly_pairs_with_the_bare_figure_it_qualifies() -> None:
    # The qualifier is not part of what is counted: "exactly 500 people" and "520 people"
    # are one measure, and the rule reports the one it takes for the odd one out.
    found = findings("exactly 500 people", "520 people")
    assert len(found) == 1 and found[0].severity in ("warning", "error")
    assert {f.location.excerpt for f in found} <= {"exactly 500 people", "520 people"}


def test_the_measure_of_a_qualified_figure_leaves_its_qualifier_out() -> None:
    rule = CONFLICT
    for phrase in ("exactly", "as many as", "in excess of", "no fewer than", "well over", "precisely"):
        doc = parse_document("a.txt", SENTENCE.format(f"{phrase} 500 soldiers"))
        claims = [c for c in analyse_document(doc, [rule])[0] if c.kind == "count"]
        assert [conflict.measure_words(c) for c in claims] == [()], phrase


PACKAGE = Path(conflict.__file__).parent


def test_the_package_keeps_no_qualifier_phrase_of_its_own() -> None:
    # Any qualifier phrase as a string literal would be a table beside the extractor's.
    phrases = {normalise_qualifier(q) for q in QUALIFIERS}
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and normalise_qualifier(node.value) in phrases:
                found.append((path.name, node.value))
    assert found == []


def fact_rule() -> Rule:
    text = """
id: house/un-council-size
type: fact
severity: error
message: "The UN Security Council has {expected} members, not {found}."
select: {kind: [count, quantity], unit: member, near: "Security Council"}
expect: 15
"""
    return parse_rule(load_yaml_text(text, "r.yaml")[0], "r.yaml", 1)


@pytest.mark.parametrize(("text", "checked"), [
    ("The Security Council has exactly 14 members.", True),  # "exactly" insists on the figure
    ("The Security Council has just 14 members.", True),
    ("The Security Council has about 14 members.", False),  # approximate: not checked by exact_only
    ("The Security Council has more than 14 members.", False),
])
def test_exact_only_reads_the_bounds(text: str, checked: bool) -> None:
    doc = parse_document("a.txt", text)
    assert bool(analyse_document(doc, [fact_rule()])[1]) is checked
