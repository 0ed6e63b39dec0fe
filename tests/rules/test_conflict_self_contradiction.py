"""figures/conflict: an undated article that gives one named person two ages, years apart, pairs
with another article of its story without shared words (``holders.self_contradicting``).

Undated articles of one story need shared sentence words for their ages of one person to
pair, since the story stage may join two events years apart; an article that gives the
person both the story's age and another cannot be right twice.  Each case pins the findings
(file, text, severity).
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]

OTHER = "Jermayne Timmons, 16, is accused of firing the shot that killed the girl on Second Avenue."


def found(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity)
            for f in run_rule(RULE, {k: f"---\nstory: trial\n---\n{v}\n" for k, v in files.items()})]


def lone(age: str, again: str = "16") -> str:
    return (f"McAllister was the first witness called in the trial of {age} Jermayne Timmons. "
            f"Timmons, {again}, sat quietly in court on Monday.")


def test_an_article_giving_one_person_two_ages_is_reported_on_the_odd_one() -> None:
    # It says 48 and 16; the other article says 16: the 48 is the slip.
    assert found({"a.md": lone("48-year-old"), "b.md": OTHER}) == [("a.md", "48-year-old", "warning")]


def test_one_age_each_without_shared_words_stays_silent() -> None:
    # Each article gives one age: they may tell two events years apart (nothing dates them).
    solo = "McAllister was the first witness called in the trial of 48-year-old Jermayne Timmons."
    assert found({"a.md": solo, "b.md": OTHER}) == []


def test_a_years_difference_may_be_a_birthday() -> None:
    # 17 and 16 in one article: a birthday between the events it tells, not a contradiction.
    assert found({"a.md": lone("17-year-old"), "b.md": OTHER}) == []


def dated(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity)
            for f in run_rule(RULE, {k: f"---\nstory: climb\ndate: 2013-09-16\n---\n{v}\n" for k, v in files.items()})]


def test_ages_of_one_full_name_are_one_measure_however_written() -> None:
    # "31-year-old Robert Buckley" and "Robert Buckley, 32": the words of the age differ, the person does not.
    files = {"a.md": "The next day 31-year-old Robert Buckley of the U.K. slipped on ice and fell to his death.",
             "b.md": "Robert Buckley, 32, fell about 2,000 feet while climbing to a hut on Mount Sefton.",
             "c.md": "Police named the climber who died on Mount Sefton as Robert Buckley, 32, of Christchurch."}
    assert dated(files) == [("a.md", "31-year-old", "warning")]


def test_two_full_names_a_slip_apart_are_two_people_for_the_age() -> None:
    # A son and his father: "Jeremy" and "Jerry" are a slip apart, their ages are not one fact.
    files = {"a.md": "\"I'm relieved that it's over,\" said 17-year-old Jeremy Ortiz, one of the deputy's sons.",
             "b.md": "Jerry Ortiz, 35, was killed outside an apartment while investigating a shooting."}
    assert not [f for f in dated(files) if f[2] == "warning"]


AGREE_1 = "Jermayne Timmons, 16, is accused of firing the shot that killed the girl on Second Avenue."
AGREE_2 = "Prosecutors say Jermayne Timmons, 16, fired from an intersection down the street."


def test_a_lone_age_against_two_articles_agreeing_pairs_without_shared_words() -> None:
    # Undated articles: one article's 48 against two articles' 16 is the odd one out, whenever written.
    solo = "McAllister was the first witness called in the trial of 48-year-old Jermayne Timmons."
    assert found({"a.md": solo, "b.md": AGREE_1, "c.md": AGREE_2}) == [("a.md", "48-year-old", "warning")]


def test_a_lone_age_a_few_years_off_may_be_another_time() -> None:
    # 19 against 16: three years may have passed between undated articles; no shared words, no pairing.
    solo = "McAllister was the first witness called in the trial of 19-year-old Jermayne Timmons."
    assert found({"a.md": solo, "b.md": AGREE_1, "c.md": AGREE_2}) == []


def test_dated_articles_do_not_outvote_an_undated_one() -> None:
    # The undated article may be an older one the story stage joined to these dated ones' event.
    solo = "McAllister was the first witness called in the trial of 48-year-old Jermayne Timmons."
    files = {"b.md": f"---\nstory: trial\ndate: 2013-09-16\n---\n{AGREE_1}\n",
             "c.md": f"---\nstory: trial\ndate: 2013-09-17\n---\n{AGREE_2}\n",
             "a.md": f"---\nstory: trial\n---\n{solo}\n"}
    assert [(f.path, f.location.excerpt, f.severity) for f in run_rule(RULE, files)] == []
