"""figures/conflict: one article against one other, lifted to warning when the figures sit in the
same slot of their sentences (evidence ``same slot``), and ages of one person whose given name two
outlets spell in two forms (``named person``).

Two facts of one story that share a counted noun but not the words that govern it stay at the
weak pairing's info; so do two machines' specifications whose other figures disagree.  Each case
pins the findings (file, text, severity, evidence path).
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.rules.kinds.conflict.holders import one_person
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]


def found(files: dict[str, str], date: str | None = None) -> list[tuple[str, str, str, str]]:
    dated = f"date: {date}\n" if date else ""
    return [(f.path, f.location.excerpt, f.severity, f.data["evidence"]["path"])
            for f in run_rule(RULE, {k: f"---\nstory: one\n{dated}---\n{v}\n" for k, v in files.items()})]


def test_one_article_against_another_in_the_same_slot_is_a_warning() -> None:
    # "falling ... from a ridge" on both sides of both figures: one fall, told with two heights.
    files = {
        "a.md": "On Friday, 36-year-old Duncan Rait died after slipping and falling about 60m from a ridge near "
                "the Tasman Glacier.",
        "b.md": "A 36-year-old Australian man died on Friday after falling 150 meters from a ridge in Aoraki Mt. "
                "Cook National Park.",
    }
    # One against one: a tie, which the report breaks by path order (which article is right, nothing says).
    assert found(files) == [("b.md", "150 meters", "warning", "same slot")]


def test_two_facts_of_one_story_stay_info() -> None:
    # One toll across Asia, another in the province: the counted noun agrees, the words after it do not.
    files = {
        "a.md": "In 2004, a huge earthquake off Aceh triggered a tsunami that killed 230,000 people across Asia.",
        "b.md": "In 2004 a massive tremor off Aceh sparked a tsunami that killed 170,000 people in the province.",
    }
    assert [(sev, path) for _p, _t, sev, path in found(files)] == [("info", "one value each")]


def test_other_figures_that_disagree_make_two_things() -> None:
    # "storage" before both, "battery life" after both: but 64GB against 500GB, two machines.
    # (No "11-inch"/"13-inch" here: sizes that name two things keep the pair apart on their own,
    # see test_conflict_sized_things; this is the slot path's own test of the other figures.)
    files = {
        "a.md": "The cheaper models start at $999 with 4GB RAM, 64GB flash storage, and 5 hours of battery life.",
        "b.md": "Both the dearer options come with 500GB of storage, and deliver seven hours of "
                "battery life.",
    }
    assert [(sev, path) for _p, _t, sev, path in found(files)] == [("info", "one value each")]
    # Of one machine (the same storage): its battery, stated twice.
    files["b.md"] = ("Apple said on Tuesday that its new laptops come with 64GB of storage, and deliver seven hours "
                     "of battery life between charges.")
    assert [(sev, path) for _p, _t, sev, path in found(files)] == [("warning", "same slot")]


def test_ages_of_one_person_under_two_forms_of_the_given_name_are_a_warning() -> None:
    files = {
        "a.md": "It was next to the Exarchia district where Alexis Grigoropoulos, 15, was killed by a police bullet.",
        "b.md": "The shooting by police of Alexandros Grigoropoulos, 22, on Saturday touched off the riots in Athens.",
    }
    # Published the same day: a person has one age, however unlike the two sentences.
    (finding,) = found(files, "2008-12-08")
    assert finding[2:] == ("warning", "named person")


def test_one_person_takes_short_forms_not_other_given_names() -> None:
    assert one_person("Alexis Grigoropoulos", "Alexandros Grigoropoulos")
    assert one_person("Chris Jenkin", "Christopher Jenkin")
    assert one_person("Duncan Rait", "Duncan Raite")  # a slip, as before
    assert not one_person("John Jenkin", "Kathryn Jenkin")
    assert not one_person("Alexis Grigoropoulos", "Alexis Kougias")
    assert not one_person("Alex Smith", "Alexandra Jones")


def test_ages_of_one_named_person_in_alike_sentences_are_reported_on_the_person() -> None:
    # Alike sentences alone are weaker evidence (info), but these are one named woman's ages:
    # the stronger evidence reports the pair, at warning.
    files = {
        "a.md": "The room was packed with family members of the victims - LaTonya Brown, 36, and Tanya Wilson, 24, "
                "both of whom died in the third-floor break room where they were shot.",
        "b.md": "Latonya Brown, 36, was shot in the head and Tanya Wilson, 47, was shot in the side.",
    }
    assert found(files, "2010-09-10") == [("b.md", "47", "warning", "named person")]
