"""figures/conflict: a person's figure compared by its fact key (story, person, measure), not only by wording.

Issue 27: "Gregory Echenique scored 8 points" where the rest of the story says he had 11
went unreported, because another player of the story had 8 points.  A value one article
alone gives a person named in full, against the value three articles or more give that
person, is reported at warning (evidence path ``fact key``).  A partial figure (the
first half), a misread holder, a thing the person did ("a 30-point win"), a career's
total and two articles against one stay silent at that severity.  Each case pins the
findings (file, text, severity); the sentences are made up.
"""

from __future__ import annotations

from conftest import run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.kinds.conflict.fact_keys import FACT_KEY
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]


def pinned(text: str) -> str:
    return f"---\nstory: final\ndate: 2031-03-09\n---\n{text}\n"


def run(files: dict[str, str]) -> list:  # type: ignore[type-arg]
    return run_rule(RULE, {k: pinned(v) for k, v in files.items()})


def found(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity) for f in run(files)]


def warned(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [f for f in found(files) if f[2] in ("error", "warning")]


# Three articles say Marta Oyelaran had 17 points, each in its own words; one of them gives
# another player 12 points, the value the lone article gives her.
AGREE = {
    "b.md": "Marta Oyelaran finished with 17 points and nine rebounds as the Herons won the final.",
    "c.md": "Marta Oyelaran had 17 points in a 71-64 win over the Gulls, and Dana Whitcombe "
            "added 12 points off the bench.",
    "d.md": "Coach Ellis Varga praised Marta Oyelaran, who scored 17 points in her last home game.",
}
LONE = "With the title on the line, Marta Oyelaran scored 12 points while the crowd chanted her name."


def test_a_persons_lone_value_stands_against_the_value_the_story_gives_her() -> None:
    findings = run({"a.md": LONE, **AGREE})
    (finding,) = [f for f in findings if f.severity in ("error", "warning")]
    assert (finding.path, finding.location.excerpt) == ("a.md", "12 points")
    assert finding.data["evidence"]["path"] == FACT_KEY
    assert {r.path for r in finding.related} <= {"b.md", "c.md", "d.md"}


def test_a_surname_alone_is_the_person_the_story_names_in_full() -> None:
    lone = "With the title on the line, Oyelaran scored 12 points while the crowd chanted her name."
    assert warned({"a.md": lone, **AGREE}) == [("a.md", "12 points", "warning")]


def test_two_articles_against_one_stay_silent_at_warning() -> None:
    assert warned({"a.md": LONE, "b.md": AGREE["b.md"], "d.md": AGREE["d.md"]}) == []


def test_a_figure_of_part_of_the_game_is_another_fact() -> None:
    # The lone article gives the 17 too (to the team's center, unnamed): its 12 are the first half's.
    lone = ("The Herons got 17 points from their center. Marta Oyelaran scored 12 points in the first half "
            "alone, while the crowd chanted her name.")
    assert warned({"a.md": lone, **AGREE}) == []


def test_a_figure_its_sentence_may_give_someone_else_is_not_hers() -> None:
    # Dana Whitcombe had the 12 points; the lone sentence names her right before the figure's clause.
    lone = "Dana Whitcombe fed Marta Oyelaran inside, and Oyelaran scored 12 points on the night."
    assert warned({"a.md": lone, **AGREE}) == []


def test_a_thing_the_person_did_is_not_her_measure() -> None:
    lone = "Marta Oyelaran celebrated a 12-point win with the crowd chanting her name."
    assert warned({"a.md": lone, **AGREE}) == []


def test_a_career_total_is_not_the_games_figure() -> None:
    lone = "Marta Oyelaran now has 1,912 points, a record for the Herons."
    assert warned({"a.md": lone, **AGREE}) == []


def test_an_agreeing_story_reports_nothing() -> None:
    same = "With the title on the line, Marta Oyelaran scored 17 points while the crowd chanted her name."
    assert found({"a.md": same, **AGREE}) == []


# Each article words the figure its own way, so that only the fact key pairs them.
_WORDINGS = ("In the final, {who} scored {v} points for the Herons.", "{who} finished with {v} points as fans cheered.",
             "Coach Varga praised {who}, who had {v} points on Sunday.", "Then {who} added {v} points late.",
             "Critics said {who} got {v} points against weak defenders.", "Yet {who} posted {v} points again.")
_POINTS = st.lists(st.sampled_from([8, 11, 12, 17, 40]), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(_POINTS, st.booleans())
def test_the_fact_key_path_on_generated_stories(values: list[int], surname: bool) -> None:
    # Never crashes; every finding's excerpt is its file's text at its span; the same input gives
    # the same findings; the path flags only a value no other article gives the person, against
    # one three other articles or more give her.
    who = "Oyelaran" if surname else "Marta Oyelaran"
    files = {f"{chr(97 + i)}.md": "Marta Oyelaran played well. " + _WORDINGS[i % len(_WORDINGS)].format(who=who, v=v)
             for i, v in enumerate(values)}
    first = run(files)
    again = run(files)
    assert [(f.path, f.location.line, f.location.column, f.severity) for f in first] == \
        [(f.path, f.location.line, f.location.column, f.severity) for f in again]
    for f in first:
        line = pinned(files[f.path]).splitlines()[f.location.line - 1]
        assert line[f.location.column - 1:f.location.column - 1 + len(f.location.excerpt)] == f.location.excerpt
        if f.data["evidence"]["path"] == FACT_KEY:
            value = int(f.location.excerpt.split()[0])
            assert values.count(value) == 1
            assert max(values.count(v) for v in set(values) - {value}) >= 3
