"""figures/conflict: a lone value where the rest of the story gives its measure one value only.

Issue 27: "$668 million" in one article where every other article of the story that
gives the price says "$334 million" was reported at info only, its sentence worded
unlike theirs.  The story's one agreed value (three articles or more, no other value
of the measure) makes the lone value a conflict at warning (evidence path ``value
set``).  Another value anywhere else in the story, a hedge, a rounding, a second value
in the lone article, a duration and a small count stay silent at that severity.  Each
case pins the findings (file, text, severity); the sentences are made up.
"""

from __future__ import annotations

from conftest import run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.kinds.conflict.value_sets import VALUE_SET
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]


def pinned(text: str) -> str:
    return f"---\nstory: merger\ndate: 2031-05-02\n---\n{text}\n"


def run(files: dict[str, str]) -> list:  # type: ignore[type-arg]
    return run_rule(RULE, {k: pinned(v) for k, v in files.items()})


def warned(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity) for f in run(files) if f.severity in ("error", "warning")]


# Three articles give the price, each in its own words, and no other value of it (too few for
# the odd one out to stand against them in a sentence worded this unlike theirs).
AGREE = {
    "b.md": "Quillon Systems will pay $412 million in cash for the chip designer, the companies said on Tuesday.",
    "c.md": "The deal, worth $412 million, gives Quillon a foothold in low-power servers.",
    "e.md": "Shares of Quillon fell after it agreed to buy Marrow Labs for $412 million.",
}
LONE = "Marrow Labs, founded in 2019 by two former engineers, accepted an offer of $618 million from Quillon."


def test_a_lone_value_against_the_storys_one_value_is_a_warning() -> None:
    findings = [f for f in run({"a.md": LONE, **AGREE}) if f.severity in ("error", "warning")]
    assert [(f.path, f.location.excerpt, f.severity) for f in findings] == [("a.md", "$618 million", "warning")]
    assert findings[0].data["evidence"]["path"] == VALUE_SET
    assert {r.path for r in findings[0].related} <= set(AGREE)


def test_another_value_elsewhere_in_the_story_opens_the_set() -> None:
    files = {**AGREE, "f.md": "Including debt, the deal values Marrow Labs at $455 million, a banker said."}
    assert warned({"a.md": LONE, **files}) == []


def test_two_agreeing_articles_are_too_few() -> None:
    assert warned({"a.md": LONE, "b.md": AGREE["b.md"], "c.md": AGREE["c.md"]}) == []


def test_a_hedged_value_is_not_the_odd_one_out() -> None:
    hedged = LONE.replace("$618 million", "about $618 million")
    assert warned({"a.md": hedged, **AGREE}) == []


def test_a_rounding_of_the_agreed_value_is_not_a_conflict() -> None:
    rounded = LONE.replace("$618 million", "$400 million")
    assert warned({"a.md": rounded, **AGREE}) == []


def test_an_article_giving_the_agreed_value_too_tells_two_facts() -> None:
    two = LONE + " The board had turned down $412 million in March, and the final price was $618 million."
    assert ("a.md", "$618 million", "warning") not in warned({"a.md": two, **AGREE})


def test_durations_and_small_counts_are_not_compared_this_way() -> None:
    weeks = {k: v.replace("$412 million", "three weeks") for k, v in AGREE.items()}
    assert warned({"a.md": LONE.replace("$618 million", "five weeks"), **weeks}) == []
    staff = {k: v.replace("$412 million", "six engineers") for k, v in AGREE.items()}
    assert warned({"a.md": LONE.replace("$618 million", "nine engineers"), **staff}) == []


def test_many_engineers_are_compared() -> None:
    staff = {k: v.replace("$412 million", "160 engineers") for k, v in AGREE.items()}
    assert warned({"a.md": LONE.replace("$618 million", "240 engineers"), **staff}) == [
        ("a.md", "240 engineers", "warning")]


def test_a_lone_value_saying_none_of_the_words_around_the_agreed_one_measures_another_thing() -> None:
    # Three articles give the 4.2mm socket; the lone one gives the case's thickness in millimetres.
    files = {
        "b.md": "The handset keeps a 4.2mm charging socket on its base.",
        "c.md": "Owners get a 4.2mm charging socket and a memory card slot.",
        "d.md": "There is a 4.2mm charging socket, which the old model lacked.",
        "a.md": "The handset is the slimmest the firm has built (only 11.8 mm).",
    }
    assert warned(files) == []


# Three articles agree the line comes in two sizes, each size in two articles or more.
SIZES = {
    "b.md": "Vantor sells the Lumen laptop in 12-inch and 14-inch versions from June.",
    "c.md": "The 12-inch Lumen laptop weighs a kilo, and the 14-inch Lumen laptop a little more.",
    "d.md": "Both the 12-inch and the 14-inch Lumen laptop ship in June, Vantor said.",
}
# The lone article gives the 12-inch too, and a size no other article gives, worded unlike theirs.
LONE_SIZE = "Reviewers praised the 12-inch screen. Critics got a 16-inch model early from Vantor."


def by_value_set(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity) for f in run(files)
            if f.data["evidence"]["path"] == VALUE_SET]


def test_a_size_outside_the_storys_closed_set_of_sizes_is_a_warning() -> None:
    assert by_value_set({"a.md": LONE_SIZE, **SIZES}) == [("a.md", "16-inch", "warning")]


def test_a_set_with_a_value_one_article_alone_gives_is_not_closed() -> None:
    files = {**SIZES, "e.md": "A 13-inch Lumen laptop is planned for the autumn, Vantor said."}
    assert by_value_set({"a.md": LONE_SIZE, **files}) == []


def test_a_set_of_more_values_than_set_size_is_not_closed() -> None:
    files = {k: v.replace("and 14-inch", "and 14-inch and 15-inch and 17-inch")
             .replace("and the 14-inch", "and the 14-inch and 15-inch and 17-inch") for k, v in SIZES.items()}
    assert by_value_set({"a.md": LONE_SIZE, **files}) == []


# Each article words the price its own way, so that only the story's set of values pairs them.
_WORDINGS = ("Quillon will pay ${} million for Marrow Labs, the companies said.",
             "Marrow Labs accepted ${} million from Quillon.", "The ${} million deal gives Quillon a foothold.",
             "Analysts called the Quillon price of ${} million steep.", "Quillon shares fell on the ${} million bid.",
             "Marrow Labs staff cheered the ${} million sale to Quillon.")
_PRICES = st.lists(st.sampled_from([300, 412, 618, 1200]), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(_PRICES, st.booleans())  # alike: two wordings only
def test_the_value_set_path_on_generated_stories(values: list[int], alike: bool) -> None:
    # Never crashes; every finding's excerpt is its file's text at its span; the same input gives
    # the same findings; the path flags only a value no other article gives, where the others
    # give the price a closed set of values, each in two articles or more.
    wordings = _WORDINGS[:2] if alike else _WORDINGS
    files = {f"{chr(97 + i)}.md": wordings[i % len(wordings)].format(v) for i, v in enumerate(values)}
    first = run(files)
    again = run(files)
    assert [(f.path, f.location.line, f.location.column, f.severity) for f in first] == \
        [(f.path, f.location.line, f.location.column, f.severity) for f in again]
    for f in first:
        line = pinned(files[f.path]).splitlines()[f.location.line - 1]
        assert line[f.location.column - 1:f.location.column - 1 + len(f.location.excerpt)] == f.location.excerpt
        if f.data["evidence"]["path"] == VALUE_SET:
            value = int(f.location.excerpt.strip("$").split()[0])
            rest = [v for v in values if v != value]
            assert values.count(value) == 1
            assert len(rest) >= 3 and all(rest.count(v) >= 2 for v in rest)
