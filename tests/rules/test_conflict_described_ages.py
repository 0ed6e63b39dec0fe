"""Ages given through a description pair with the ages of the person it describes (the holder pairing).

"Maria Quill was named conductor.  The 48-year-old said ..." gives Maria
Quill's age; another article's "Maria Quill, 46," contradicts it at the
rule's severity.  And what must stay apart: a description of someone else
(another sex), two people whose names differ by a slip but whom one article
names both, an age of another time ("then-15-year-old"), and a story that
spans years (two ages, each of several articles).  Made-up articles only.
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.rules.loader import load_rules

BUILTIN = {r.id: r for r in load_rules([], include_builtin=True)}
DATE = "Published: 2011-05-03\n\n"
ORCHESTRA = "Maria Quill was named conductor of the city orchestra in Vienna on Monday, the board said. {}"


def found(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity) for f in run_rule(BUILTIN["figures/conflict"], files)]


def test_a_described_age_conflicts_with_the_persons_named_age() -> None:
    files = {
        "a.txt": DATE + ORCHESTRA.format("The 48-year-old said she was delighted to lead the orchestra."),
        "b.txt": DATE + ORCHESTRA.format("Quill, 46, said she was delighted to lead the orchestra."),
        "c.txt": DATE + ORCHESTRA.format("46-year-old Maria Quill said she was delighted to lead the orchestra."),
    }
    assert found(files) == [("a.txt", "48-year-old", "warning")]


def test_a_described_age_that_agrees_is_no_finding() -> None:
    files = {
        "a.txt": DATE + ORCHESTRA.format("The 46-year-old said she was delighted to lead the orchestra."),
        "b.txt": DATE + ORCHESTRA.format("Quill, 46, said she was delighted to lead the orchestra."),
    }
    assert found(files) == []


def test_a_description_of_another_sex_is_not_the_persons() -> None:
    trial = "Michael Tarrow was convicted in Dallas on Monday, the court said. He showed no emotion. {}"
    files = {
        "a.txt": DATE + trial.format("The 12-year-old girl had testified by video."),
        "b.txt": DATE + trial.format("Tarrow, 55, had denied the charges."),
        "c.txt": DATE + trial.format("55-year-old Michael Tarrow had denied the charges."),
    }
    assert found(files) == []


SHOOTING = ("Deputy Jerry Vance was shot dead in Lakewood, the sheriff said. "
            "\"I am relieved,\" said 17-year-old Jeremy Vance, one of the deputy's sons. {}")


def test_two_near_spellings_one_article_names_both_are_two_people() -> None:
    files = {
        "a.txt": DATE + SHOOTING.format("The 35-year-old deputy was killed in June."),
        "b.txt": DATE + "Deputy Jerry Vance, 35, was shot dead in Lakewood, the sheriff said.",
    }
    assert found(files) == []


def test_an_age_of_another_time_is_no_conflict() -> None:
    files = {
        "a.txt": DATE + "At the trial in Albany, the lawyer said then-15-year-old Dale Vance had a gun.",
        "b.txt": DATE + "At the trial in Albany, the lawyer said 16-year-old Dale Vance had a gun.",
    }
    assert found(files) == []


def test_a_near_spelling_within_a_story_is_one_person() -> None:
    files = {
        "a.txt": DATE + "The trial in Albany of 16-year-old Jermaine Tolbert began, the court said on Monday.",
        "b.txt": DATE + "The trial in Albany of 19-year-old Jermayne Tolbert began, the court said on Monday.",
        "c.txt": DATE + "The trial in Albany of Jermaine Tolbert, 16, began, the court said on Monday.",
    }
    assert found(files) == [("b.txt", "19-year-old", "warning")]


WORDINGS = ("Police in Lakewood said Dale Vance, {}, is armed and dangerous.",
            "Officers said {}-year-old Dale Vance fled on foot from a motel.",
            "Neighbours described Vance, {}, as quiet.",
            "A reward was offered on Monday for the arrest of {}-year-old Dale Vance.",
            "Dale Vance, {}, was last seen driving north in a stolen truck.")


def _stories(*ages: str) -> dict[str, str]:
    """One article per age, each dated, in a story of its own words (no sentence alike another)."""
    return {f"{chr(97 + i)}.md": f"---\nstory: manhunt\n---\n{DATE}{WORDINGS[i].format(age)}"
            for i, age in enumerate(ages)}


def test_a_story_spanning_years_keeps_each_times_age() -> None:
    """Two ages of one person, each of two articles, two years apart: two times, not a slip."""
    assert found(_stories("27", "27", "29", "29")) == []


def test_a_lone_odd_age_in_a_story_spanning_years_still_conflicts() -> None:
    assert [(p, e) for p, e, _s in found(_stories("27", "27", "29", "29", "52"))] == [("e.md", "52")]


def test_one_article_of_an_age_a_few_years_off_is_no_era() -> None:
    assert [(p, e) for p, e, _s in found(_stories("27", "27", "27", "29"))] == [("d.md", "29-year-old")]


def test_the_eras_of_one_family_are_each_persons_own() -> None:
    """A sister aged 20 and a brother aged 23 are no story spanning three years: an odd age of the
    brother still pairs with his 23."""
    sister = "Kathryn Jenkin, 20, was found dead in Millom, police said."
    brother = "Her brother John Jenkin, 23, was charged in Millom, police said."
    files = {f"{n}.md": f"---\nstory: millom\n---\n{DATE}{t}" for n, t in (
        ("a", sister), ("b", "Kathryn Jenkin, 20, of Aberdare, was named by police in Millom."),
        ("c", brother), ("d", "John Jenkin, 23, appeared in court in Millom on Monday."),
        ("e", "12-year-old John Jenkin was remanded in custody in Millom."))}
    assert [f for f in found(files) if f[2] != "info"] == [("e.md", "12-year-old", "warning")]
