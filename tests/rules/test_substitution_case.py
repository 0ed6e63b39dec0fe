"""A substitution's suggestion keeps the case the rule writes (issue 26).

Only an all-lower-case replacement takes the capitalisation of the text
found; an acronym or a mixed-case name is suggested exactly as written.
"""

from __future__ import annotations

import pytest

from factcheck.documents import parse_document
from factcheck.engine import analyse_document
from factcheck.rules.kinds.substitution import match_case
from factcheck.rules.loader import load_rules, parse_rule
from factcheck.rules.model import Rule
from factcheck.rules.yamlsrc import load_yaml_text

COMMON = next(r for r in load_rules([], include_builtin=True) if r.id == "spelling/common")


def rule(swap: str) -> Rule:
    text = f"id: house/words\ntype: substitution\nmessage: \"'{{match}}': write '{{suggestion}}'.\"\nswap: {swap}\n"
    return parse_rule(load_yaml_text(text, "inline.yaml")[0], "inline.yaml", 1)


def suggestions(r: Rule, text: str) -> list[tuple[str, str | None]]:
    _claims, found = analyse_document(parse_document("a.txt", text), [r])
    return [(f.location.excerpt, f.suggestion) for f in found]


def test_an_acronym_rule_is_not_shouted() -> None:
    r = rule("{UNSC: UN Security Council}")
    assert suggestions(r, "The UNSC met. The unsc met. The Unsc met.") == [
        ("UNSC", "UN Security Council"), ("unsc", "UN Security Council"), ("Unsc", "UN Security Council")]


def test_a_lower_case_replacement_takes_the_case_found() -> None:
    r = rule("{teh: the}")
    assert suggestions(r, "Teh vote. TEH VOTE. And teh rest.") == [
        ("Teh", "The"), ("TEH", "THE"), ("teh", "the")]


@pytest.mark.parametrize(("found", "replacement", "expected"), [
    ("untill", "until", "until"),
    ("Untill", "until", "Until"),
    ("UNTILL", "until", "UNTIL"),
    ("A", "an", "An"),  # one capital letter is a capitalised word, not an acronym
    ("UNSC", "UN Security Council", "UN Security Council"),
    ("unsc", "UN Security Council", "UN Security Council"),
    ("IPHONE", "iPhone", "iPhone"),
    ("PARISS", "Paris", "Paris"),
])
def test_match_case(found: str, replacement: str, expected: str) -> None:
    assert match_case(found, replacement) == expected


def test_spelling_common_still_follows_the_text() -> None:
    assert suggestions(COMMON, "Untill then, the GOVERMENT and the goverment disagreed.") == [
        ("Untill", "Until"), ("GOVERMENT", "GOVERNMENT"), ("goverment", "government")]
