"""figures/conflict: figures of things their sentences pick out by different figures are not one fact.

"The 13-inch version ... comes with the 2.5GHz dual-core Intel Core i5 processor"
and "The 11-inch models ... with a 1.7GHz dual-core Intel Core i5 processor" share
their frame word for word, and were paired as one fact (a false warning on ECB+).
A hyphenated figure joined to its noun ("13-inch", "11-inch") says which thing
is meant; when the two sentences name different ones, their other figures belong
to different things.  The same thing named alike still conflicts.
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.claims.base import extract_all
from factcheck.documents import parse_document
from factcheck.rules.kinds.conflict.same_fact import different_things
from factcheck.rules.kinds.conflict.statements import sized_in, sized_things
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]

LAPTOP = ("---\nstory: laptops\n---\nApple unveiled its new laptops on Monday in San Francisco. {} "
          "Both go on sale next week in the United States.\n")
SMALL = "The 11-inch model comes with a 1.7GHz dual-core Intel Core i5 processor and 4GB of memory."
LARGE = "The 13-inch model comes with a 1.8GHz dual-core Intel Core i5 processor and 4GB of memory."


def found(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity)
            for f in run_rule(RULE, {k: LAPTOP.format(v) for k, v in files.items()})]


def test_two_models_named_by_their_sizes_are_not_one_fact() -> None:
    # The speeds of the two models are not compared (before: "1.8GHz" was a warning too).  The sizes
    # themselves still are: one article's "13-inch" in a sentence framed like two others' "11-inch"
    # cannot be told from a misstated size by the figures alone.
    assert found({"a.md": SMALL, "b.md": SMALL, "c.md": LARGE}) == [("c.md", "13-inch", "warning")]


def test_one_model_with_another_speed_still_conflicts() -> None:
    odd = SMALL.replace("1.7GHz", "2.7GHz")
    assert found({"a.md": SMALL, "b.md": SMALL, "c.md": odd}) == [("c.md", "2.7GHz", "warning")]


def test_a_sentence_naming_both_sizes_is_not_parted_from_either() -> None:
    both = "The 11-inch and 13-inch models come with a 2.7GHz dual-core Intel Core i5 processor and 4GB of memory."
    assert different_things(frozenset({("inch", "11"), ("inch", "13")}), frozenset({("inch", "11")})) is False
    assert [(p, s) for p, _x, s in found({"a.md": SMALL, "b.md": SMALL, "c.md": both})] == [("c.md", "warning")]


def test_sized_things_leave_out_ages_and_the_figure_itself() -> None:
    doc = parse_document("a.txt", "The 13-inch model was bought by a 16-year-old student for $1,199.\n")
    claims = extract_all(doc, ["quantity", "count"])
    sized = sized_things(claims)
    assert [v for _s, _c, v in sized] == [("inch", "13")]
    price = next(c for c in claims if c.unit == "USD")
    inch = next(c for c in claims if c.unit == "inch")
    starts = [s for s, _c, _v in sized]
    assert sized_in(sized, starts, price) == {("inch", "13")}
    assert sized_in(sized, starts, inch) == frozenset()


def test_a_decimal_split_by_a_false_sentence_break_still_sees_its_sentence() -> None:
    # "a 1. 7GHz": the claim spans the repaired decimal, the other claims the shorter split sentence.
    doc = parse_document("a.txt", "The 11-inch models will start at $999 with a 1. 7GHz dual-core processor.\n")
    claims = extract_all(doc, ["quantity", "count"])
    ghz = next(c for c in claims if c.unit == "gigahertz")
    sized = sized_things(claims)
    assert sized_in(sized, [s for s, _c, _v in sized], ghz) == {("inch", "11")}
