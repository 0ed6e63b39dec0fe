"""figures/conflict: the odd one out -- a value one article alone gives against what the rest of
its story agrees on, in a sentence worded like theirs -- is reported at warning, on the lone article.

Issue 27's cases: "dragging her 12 feet" against two articles' "10 feet"; "roughly 50
people" against "About 100 people" (the sentences too unlike for the strong pairing).
Two articles against one, a bracketed conversion and a sentence giving two values of
the unit stay weaker evidence.  Each case pins the findings (file, text, severity).
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]


def pinned(text: str, date: str | None = None) -> str:
    dated = f"date: {date}\n" if date else ""
    return f"---\nstory: crash\n{dated}---\n{text}\n"


def found(files: dict[str, str], date: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity)
            for f in run_rule(RULE, {k: pinned(v, date) for k, v in files.items()})]


# The lone article and the agreeing ones tell the crash in their own words (issue 27's plant).
LONE = ("Instead, LaSalle gunned the engine and drove over Johnson, hitting her and dragging her 12 feet as he sped "
        "away, a witness said.")
AGREE = {
    "b.md": "Instead, the driver gunned the engine and drove over Johnson, hitting her and dragging her 10 feet as "
            "he sped away, said witness Angela Benson, who had just left the store.",
    "c.md": "The car dragged her 10 feet before the driver sped away from Johnson, the witness said.",
    "d.md": "Witnesses said the driver gunned the engine, hit Johnson and dragged her 10 feet, then sped away.",
}


def test_the_lone_value_is_reported_on_its_own_article() -> None:
    # Paired with one article alone, 12 and 10 tie; the story's three articles saying 10 break the tie.
    (finding,) = run_rule(RULE, {k: pinned(v) for k, v in {"a.md": LONE, **AGREE}.items()})
    assert (finding.path, finding.location.excerpt, finding.severity) == ("a.md", "12 feet", "warning")
    assert {r.path for r in finding.related} <= {"b.md", "c.md", "d.md"}


PEOPLE = {
    "a.md": "Hiller drove her car through a security barrier at the Kraft plant and entered the building where "
            "roughly 50 people were working on the third floor.",
    "b.md": "Hiller drove through the security barrier at the Kraft plant and entered the building where about 100 "
            "people were working on the third floor, police said.",
    "c.md": "About 100 people were working on the third floor of the Kraft plant building when Hiller drove through "
            "the security barrier.",
    "d.md": "Police said about 100 people were working on the third floor of the Kraft plant when Hiller entered "
            "the building.",
}


def test_roughly_50_against_about_100_agreed_by_the_story_is_a_warning() -> None:
    assert found(PEOPLE) == [("a.md", "roughly 50 people", "warning")]


def test_one_article_against_another_stays_weaker_evidence() -> None:
    # 50 against 100 with one article each: which is wrong, nothing says; not a warning.
    assert all(sev != "warning" and sev != "error" for _p, _t, sev in found({k: PEOPLE[k] for k in ("a.md", "c.md")}))


def test_a_bracketed_conversion_is_not_the_odd_one_out() -> None:
    files = {
        "a.md": "Damage to the Wasilla church was estimated at $US1 million ($1.52 million) after the fire on Friday.",
        "b.md": "The Wasilla church received an estimated $1 million in damage from the fire set on Friday night.",
        "c.md": "The fire on Friday did an estimated $1 million in damage to the Wasilla church, officials said.",
    }
    assert ("a.md", "$1.52 million", "warning") not in found(files)


def test_a_sentence_giving_two_values_of_the_unit_is_not_the_odd_one_out() -> None:
    files = {
        "a.md": "The previous MacBook Pro came in two models with Intel Core 2 Duo chips: a 2.4GHz and a 2.5GHz.",
        "b.md": "The new MacBook Pro comes with an Intel Core 2 Duo chip upgraded to 2.66GHz, Apple said.",
        "c.md": "Apple upgraded the MacBook Pro Intel Core 2 Duo chip to 2.66GHz in the new models.",
    }
    assert not [f for f in found(files) if f[2] == "warning"]


def test_a_surname_alone_holds_the_age_of_the_storys_one_person_of_that_name() -> None:
    files = {
        "a.md": "Word comes from People magazine that Tara Reid, 33, has checked into a rehab facility in Malibu.",
        "b.md": "The rep would not reveal what Reid, 16, is being treated for at the facility in Malibu.",
        "c.md": "Actress Tara Reid, 33, has entered rehab, her representative told People magazine.",
    }
    # Published the same day: a person's age does not change between them.
    assert found(files, "2008-12-02") == [("b.md", "16", "warning")]


AGES = {  # three articles agree the victim was 59; the lone one, in its own words, says 88
    "b.md": "The 59-year-old woman was struck by the car outside the store on Friday night, police said.",
    "c.md": "Police said the 59-year-old woman died after the car ran her over outside the store.",
    "d.md": "A 59-year-old woman was killed outside the store when a car hit her on Friday.",
}


def test_the_one_age_an_article_gives_stands_against_the_age_its_story_agrees_on() -> None:
    lone = "Witnesses saw the driver hit the 88-year-old woman and speed away from the store."
    assert found({"a.md": lone, **AGES}) == [("a.md", "88-year-old", "warning")]


def test_two_ages_in_the_lone_article_stay_weaker_evidence() -> None:
    # It gives the driver's age too: which of the story's people its 88 belongs to, nothing says.
    lone = "Witnesses saw the 23-year-old driver hit the 88-year-old woman and speed away from the store."
    assert not [f for f in found({"a.md": lone, **AGES}) if f[2] == "warning"]


# Five articles agree on 23 pirates, each in its own words; the lone one's sentence shares only
# half of its words with the most alike of theirs (weighted overlap ~0.5, under ODD_OVERLAP).
PIRATES = {
    "b.md": "Indian navy commandos captured 23 pirates who tried to board a merchant ship in the Gulf of Aden on "
            "Saturday.",
    "c.md": "The navy said 23 pirates were taken prisoner when its commandos stormed their boats off Somalia.",
    "d.md": "Commandos from the warship detained 23 pirates and seized rifles and rocket launchers, officials said.",
    "e.md": "Officials in New Delhi said 23 pirates were in custody aboard the warship after the raid.",
    "f.md": "A total of 23 pirates surrendered to the navy, which handed them to police in Mumbai.",
}
LONE_PIRATES = ("Navy commandos captured 14 pirates near Somalia and freed the merchant ship on Saturday, "
                "officials said.")


def test_a_wide_majority_lifts_a_lone_value_worded_less_alike() -> None:
    # Four articles or more agree (ODD_WIDE_AGREEING): half the words in common is enough.
    assert found({"a.md": LONE_PIRATES, **PIRATES}) == [("a.md", "14 pirates", "warning")]


def test_three_agreeing_articles_need_the_alike_wording() -> None:
    fewer = {k: PIRATES[k] for k in ("b.md", "c.md", "d.md")}
    assert found({"a.md": LONE_PIRATES, **fewer}) == [("a.md", "14 pirates", "info")]


def test_a_wide_majority_does_not_lift_a_sentence_whose_other_figures_differ() -> None:
    # The lone sentence counts 9 rifles where an agreeing one counts 3: it may tell of another
    # raid, so the less alike wording stays weaker evidence.
    lone = LONE_PIRATES.replace("on Saturday", "with 9 rifles")
    files = {"a.md": lone, **PIRATES, "b.md": PIRATES["b.md"].replace("on Saturday", "with 3 rifles")}
    assert ("a.md", "14 pirates", "warning") not in found(files)
