"""The consistency rules end to end: real extractors, real rule files, small corpora.

Each test builds a few documents, runs one shipped rule (or a variant of it
written inline) through the same engine path as ``factcheck scan``, and
asserts on the findings.  Seeds get their own test that pins every error and
warning a newsroom editor would be shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, run_rule
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config
from factcheck.documents import parse_document
from factcheck.engine import analyse_document, scan
from factcheck.rules.loader import load_rules, parse_rule
from factcheck.rules.model import Rule
from factcheck.rules.yamlsrc import load_yaml_text

BUILTIN = {r.id: r for r in load_rules([], include_builtin=True)}


run = run_rule


def inline_rule(text: str) -> Rule:
    raw = load_yaml_text(text, "inline.yaml")[0]
    return parse_rule(raw, "inline.yaml", 1)


def conflict_rule(options: str, severity: str = "error") -> Rule:
    """A house rule of the ``conflict`` type with these options (YAML lines)."""
    return inline_rule(f"""
id: house/figure-conflict
type: conflict
severity: {severity}
message: "{{found}} vs {{expected}} in {{other}}"
{options}
""")


# --------------------------------------------------------------------------- seeds


def test_seeds_errors_and_warnings_are_exactly_the_true_inconsistencies() -> None:
    report = scan([SEEDS], Config())
    serious = sorted((f.rule, Path(f.path).name[:3], " ".join(f.location.excerpt.split()[:3]), f.suggestion)
                     for f in report.findings if f.severity in ("error", "warning"))
    assert serious == [
        ("names/variant", "001", "Kim Long Un", "Kim Jong Un"),
        ("names/variant", "001", "Noth Korea", "North Korea"),
    ]


def test_seeds_scan_exits_1_and_reports_style_at_info() -> None:
    result = CliRunner().invoke(app, ["scan", str(SEEDS), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    style = [f for f in findings if f["rule"] == "names/style"]
    assert {f["excerpt"] for f in style} >= {"Kim Jong-un"}
    assert all(f["severity"] == "info" for f in style)
    kim = next(f for f in findings if f["excerpt"] == "Kim Long Un")
    assert kim["severity"] == "error" and kim["suggestion"] == "Kim Jong Un"
    assert kim["related"] and all(r["excerpt"] == "Kim Jong Un" for r in kim["related"])


def test_seeds_pompeo_quote_drift_is_three_way_with_word_diffs() -> None:
    report = scan([SEEDS], Config(select=("quotes/drift",)))
    drift = [f for f in report.findings if f.rule == "quotes/drift"]
    assert [Path(f.path).name[:3] for f in drift] == ["003", "004"]
    assert all(Path(f.related[0].path).name.startswith("002") for f in drift)
    assert "'UN' dropped" in drift[0].message
    assert "Mike Pompeo" in drift[0].message
    # A reorder ("final, fully verified" / "the fully, final, verified") and a dropped "UN" keep
    # the meaning: wording, reported at info (the rule's wording_severity).
    assert [f.severity for f in drift] == ["info", "info"]


# --------------------------------------------------------------------------- names


NAMES = BUILTIN["names/variant"]


STORY = "Officials in Pyongyang and Seoul said talks with Washington would resume."


def test_name_typo_across_documents() -> None:
    found = run(NAMES, {
        "a.txt": f"North Korean leader Kim Jong Un met envoys. Kim Jong Un left. {STORY}",
        "b.txt": f"Leader Kim Jong Un spoke on Monday. {STORY}",
        "c.txt": f"They discussed leader Kim Long Un's attempts. {STORY}",
        # An unrelated article: the story stage weighs what every document shares at zero, so
        # without one the three Korea articles would not be told apart from "the whole corpus".
        "d.txt": "Apple unveiled a new iPhone in Cupertino, California. Tim Cook said sales were strong.",
    })
    assert [(f.path, f.location.excerpt, f.suggestion, f.severity) for f in found] == [
        ("c.txt", "Kim Long Un", "Kim Jong Un", "error")]
    assert {r.path for r in found[0].related} == {"a.txt", "b.txt"}


def test_name_typo_without_a_shared_story_is_only_a_warning() -> None:
    # "Marin County" in one story and "Marion County" in another may be two places.
    found = run(NAMES, {
        "a.md": "---\nstory: summit\n---\nNorth Korean leader Kim Jong Un met envoys. Kim Jong Un left.",
        "b.md": "---\nstory: summit\n---\nLeader Kim Jong Un spoke on Monday.",
        "c.md": "---\nstory: essay\n---\nThey discussed leader Kim Long Un's attempts.",
    })
    assert [(f.location.excerpt, f.severity) for f in found] == [("Kim Long Un", "warning")]


def test_a_spelling_another_document_shares_is_only_a_warning() -> None:
    # "Heydar" is how another outlet writes that first name too: a transliteration,
    # not a slip of one writer's pen.
    story = "Police in Tehran and Qom said the judge was shot outside the court."
    corpus = {
        "a.txt": f"Judge Heidar Alishvandi was wounded. Heidar Alishvandi survived. {story}",
        "b.txt": f"Judge Heidar Alishvandi was shot. {story}",
        "c.txt": f"Judge Heydar Alishvandi was shot. {story}",
    }
    # Issue 27: ey/ei is where romanisations differ, so it is info, alone (was an error) ...
    assert [(f.path, f.severity) for f in run(NAMES, corpus)] == [("c.txt", "info")]
    # ... and once another outlet writes "Heydar" too (was a warning).
    found = run(NAMES, {**corpus, "d.txt": f"Judge Heydar Alishbandi spoke to Tehran reporters. {story}"})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [
        ("c.txt", "Heydar Alishvandi", "info")]


def test_name_typos_in_headlines_and_titles_are_found() -> None:
    story = "The museum in Philadelphia closed after Seth Williams spoke."
    found = run(NAMES, {
        "a.txt": f"It was Philadelphia District Attorney Seth Williams who spoke. {story}",
        "b.txt": f"He lives in Philadelphia. Philadelphia voted. {story}",
        "c.txt": f"It was Phiaadelphia District Attorney Seth Williams who spoke. {story}",
        "d.txt": f"Seth Wllliams Speaks To Reporters\n\nDistrict Attorney Seth Williams spoke. {story}",
    })
    assert [(f.path, f.location.excerpt, f.suggestion) for f in found] == [
        ("c.txt", "Phiaadelphia", "Philadelphia"), ("d.txt", "Seth Wllliams", "Seth Williams")]


KOREA = "Officials in Pyongyang and Seoul said talks with Washington would resume."
NFL = "The Colts beat the Saints in Indianapolis on Sunday night before 60,000 fans."
SENATE = "The White House said the Senate would vote in Washington."
FIGHT = "The brothers fought in Bern and Kiev before a crowd of 30,000."


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({  # "Pompeo" after "Mike Pompeo" is a linked surname; its spelling still counts.
        "a.txt": f"Secretary of State Mike Pompeo spoke. Pompeo said so. Pompeo left. {KOREA}",
        "b.txt": f"Mike Pompeo arrived. Pompeo said talks would go on. {KOREA}",
        "c.txt": f"Mike Pompeo arrived on Monday. Later, Pompoe said talks would go on. {KOREA}",
    }, [("c.txt", "Pompoe", "Pompeo")], id="surname-slip-against-linked-surnames"),
    pytest.param({
        "a.txt": "Linebacker Gary Stills is out. Stills had surgery. The Rams lost in St. Louis.",
        "b.txt": "Gary Stills was hurt. Stills will miss the season, the Rams said in St. Louis.",
        "c.txt": "The inmate escaped from the Stiles Unit near Beaumont, Texas.",
    }, [], id="lone-word-near-a-name-from-another-story"),
    pytest.param({  # looks like a plural of the rarer "Sain", but is a slip for "Saints"
        "a.txt": f"The Saints lost. The Saints flew home. {NFL}",
        "b.txt": f"The Saints trailed all game. Coach Mike Sain watched. Sain left early. {NFL}",
        "c.txt": f"Tickets for the Sains game sold out. Sain said so. {NFL}",
    }, [("c.txt", "Sains", "Saints")], id="slip-that-looks-like-a-plural"),
    pytest.param({  # "the Klitschkos" is a plural of the common spelling, not a slip for the rarer one
        "a.txt": f"Wladimir Klitschko won. Klitschko smiled. Klitschko left. {FIGHT}",
        "b.txt": f"Wladimir Klistchko won. Klistchko smiled. Klistchko left. {FIGHT}",
        "c.txt": f"Vitali Klistchko watched. The Klitschkos celebrated. {FIGHT}",
    }, [], id="plural-of-a-name-is-not-a-slip-for-a-rarer-spelling"),
    pytest.param({
        "a.txt": f"Coach Sean Payton spoke. Payton said so. Payton left. {NFL}",
        "b.txt": f"Sean Payton arrived. Payton said the loss hurt. {NFL}",
        "c.txt": f"It said quarterback Peyton Manning threw twice. Peyton smiled. {NFL}",
    }, [], id="different-people-linked-to-their-full-names"),
    pytest.param({  # five letters, spelled right in the same article
        "a.txt": f"President Obama spoke. Obama left. {SENATE}",
        "b.txt": f"Obama arrived. {SENATE}",
        "c.txt": f"Obama spoke on Monday. Later, Oama said the vote would pass. {SENATE}",
    }, [("c.txt", "Oama", "Obama")], id="short-name-slip-in-an-article-that-spells-it-right"),
    pytest.param({
        "a.txt": f"President Obama spoke. Obama left. {SENATE}",
        "b.txt": f"Obama arrived. {SENATE}",
        "c.txt": f"Obama spoke on Monday. Later, Obma said the vote would pass. {SENATE}",
    }, [("c.txt", "Obma", "Obama")], id="short-name-swap"),
    pytest.param({
        "a.txt": f"President Obama spoke. Obama left. {SENATE}",
        "b.txt": f"Obama arrived. {SENATE}",
        "c.txt": f"Senator Oama said the vote would pass. {SENATE}",
    }, [], id="short-name-near-another-in-a-different-article"),
    pytest.param({  # "Arrington" is J.J. Arrington's surname, spelled twice alike in its own article
        "a.txt": "Police in Arlington, Virginia, said so. Arlington is near Washington, D.C. and Alexandria.",
        "b.txt": "Officials in Arlington, Virginia, and Washington, D.C. met in Alexandria.",
        "c.txt": "Running back J.J. Arrington could miss the game. Arrington has a sore knee, "
                 "officials in Washington, D.C. and Alexandria said.",
    }, [], id="lone-word-its-article-writes-in-a-fuller-name"),
])
def test_name_variant_evidence(files: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    found = run(NAMES, files)
    assert [(f.path, f.location.excerpt, f.suggestion) for f in found] == expected


@pytest.mark.parametrize(("rare", "common"), [
    ("President Donald Tusk", "President Donald Trump"),
    ("His father Kim Jong Il", "Leader Kim Jong Un"),
    ("Her sister Kim Yo Jong", "Leader Kim Jong Un"),
    ("officials in South Korea", "officials in North Korea"),
    ("the Saudi Arabian envoy", "envoys of Saudi Arabia"),
])
def test_different_names_are_not_merged(rare: str, common: str) -> None:
    files = {f"{i}.txt": f"{common} spoke on Monday." for i in range(3)}
    files["rare.txt"] = f"{rare} spoke on Tuesday."
    assert [f for f in run(NAMES, files) if f.path == "rare.txt"] == []


def test_canonical_list_overrides_the_corpus_vote() -> None:
    rule = inline_rule("""
id: house/names
type: name-variants
mode: typo
severity: error
canonical: ["Kim Jong Un"]
message: "'{match}' should be '{suggestion}'."
""")
    # The corpus mostly writes the misspelling; the canonical list still wins.
    found = run(rule, {
        "a.txt": "Leader Kim Jung Un spoke. Leader Kim Jung Un left.",
        "b.txt": "Leader Kim Jung Un arrived.",
    })
    assert {(f.location.excerpt, f.suggestion) for f in found} == {("Kim Jung Un", "Kim Jong Un")}


def test_name_style_variants_are_info() -> None:
    found = run(BUILTIN["names/style"], {
        "a.txt": "North Korean leader Kim Jong Un spoke.",
        "b.txt": "Leader Kim Jong Un arrived.",
        "c.txt": "North Korean leader Kim Jong-un left.",
    })
    assert [(f.path, f.location.excerpt, f.suggestion, f.severity) for f in found] == [
        ("c.txt", "Kim Jong-un", "Kim Jong Un", "info")]


# --------------------------------------------------------------------------- quotes


QUOTE = '"Enforcement of sanctions must continue vigorously and without {w}," said Secretary of State Mike Pompeo.'


def test_quote_drift_reports_the_changed_word() -> None:
    found = run(BUILTIN["quotes/drift"], {"a.txt": QUOTE.format(w="fail"), "b.txt": QUOTE.format(w="delay")})
    assert len(found) == 1 and found[0].path == "b.txt"
    assert "'fail' -> 'delay'" in found[0].message
    assert found[0].related[0].path == "a.txt"


def test_quote_spelling_only_difference_is_info() -> None:
    q = '"We must all realize that the sanctions regime will continue for years," said Secretary of State Mike Pompeo.'
    found = run(BUILTIN["quotes/drift"], {"a.txt": q, "b.txt": q.replace("realize", "realise")})
    assert [f.severity for f in found] == ["info"]


def test_quote_with_a_compound_closed_is_spelling_only() -> None:
    q = '"The data center is the foundation of IT for enterprises," said John McCain, a vice president of HP.'
    found = run(BUILTIN["quotes/drift"], {"a.txt": q, "b.txt": q.replace("data center", "datacenter")})
    assert [f.severity for f in found] == ["info"]


def test_quote_about_another_person_is_not_drift() -> None:
    # Stock praise from two family friends in two stories: he and she are two people.
    a = '"He was incredibly bright, a very caring person and incredibly family-oriented," said a family friend.'
    b = '"She was a very caring person," said a family friend.'
    assert run(BUILTIN["quotes/drift"], {"a.txt": a, "b.txt": b}) == []


def test_quote_by_another_speaker_is_not_drift() -> None:
    a = '"We will never accept sanctions of this kind in the region," said Foreign Minister Sergei Lavrov.'
    b = '"We will always accept sanctions of this kind in the region," said Secretary of State Mike Pompeo.'
    assert run(BUILTIN["quotes/drift"], {"a.txt": a, "b.txt": b}) == []


# --------------------------------------------------------------------------- figures and dates


FIG = "Pompeo said North Korea violated its annual cap of importing {} barrels of oil this year."


def test_conflicting_figure_is_reported_once_with_both_locations() -> None:
    found = run(BUILTIN["figures/conflict"], {
        "a.txt": FIG.format("500,000"), "b.txt": FIG.format("500,000"), "c.txt": FIG.format("300,000")})
    assert [(f.path, f.location.excerpt) for f in found] == [("c.txt", "300,000 barrels")]
    assert found[0].related[0].path == "a.txt"


@pytest.mark.parametrize("other", ["about 500,000", "nearly 500,000", "more than 400,000"])
def test_compatible_approximations_do_not_conflict(other: str) -> None:
    assert run(BUILTIN["figures/conflict"], {"a.txt": FIG.format("500,000"), "b.txt": FIG.format(other)}) == []


def test_two_figures_both_sentences_give_are_two_facts() -> None:
    s = ("If you're more comfortable with Apple's conventional MacBook Pro design than the new variety, "
         "Apple will ask $1,099 for the base 13-inch version and $1,799 for a 15-inch version, "
         "with an upgraded 15-inch model going for $2,199.")
    # Two outlets a day apart, so the sentences are not collapsed as one syndicated copy.
    files = {"a.txt": f"Published: 2012-06-11\n\n{s}\n", "b.txt": f"Published: 2012-06-12\n\n{s}\n"}
    assert run(BUILTIN["figures/conflict"], files) == []


TROOPS = "The ministry said {} were deployed to the northern border region last week."


@pytest.mark.parametrize(("a", "b", "expected"), [
    # A count up to 999 and a quantity from 1,000 on are one measure of troops.
    ("923 troops", "1,500 troops", [("b.txt", "1,500 troops")]),
    ("1,500 troops", "923 troops", [("b.txt", "923 troops")]),
    ("2,000 troops", "1,500 troops", [("b.txt", "1,500 troops")]),
    # A hyphenated modifier measures its noun: "a 900-troop force" is not a count of troops.
    ("900 troops", "a 1,500-troop force", []),
])
def test_a_count_and_a_large_number_of_things_are_one_measure(
        a: str, b: str, expected: list[tuple[str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": TROOPS.format(a), "b.txt": TROOPS.format(b)})
    assert [(f.path, f.location.excerpt) for f in found] == expected


BAILOUT = "The government agreed a {} EU and IMF debt bailout over the weekend, the finance ministry said."


@pytest.mark.parametrize(("a", "b", "expected"), [
    # Two rates of the day for one converted figure: the euros agree.
    ("€110 billion ($143 billion)", "€110 billion ($158 billion)", []),
    ("110 billion euros ( $143 billion )", "110 billion euros ($158 billion)", []),
    # Further apart than any rate moves: a slip in the conversion.
    ("€110 billion ($143 billion)", "€110 billion ($290 billion)", [("b.txt", "$290 billion")]),
    # The figure converted differs: that is the conflict, and its conversions differ with it.
    ("€110 billion ($143 billion)", "€120 billion ($158 billion)", [("b.txt", "$158 billion"),
                                                                      ("b.txt", "€120 billion")]),
    # Not in brackets after the figure: two statements of the dollars.
    ("€110 billion, or $143 billion,", "€110 billion, or $158 billion,", [("b.txt", "$158 billion")]),
])
def test_conversions_of_one_figure_may_differ_by_the_rate_of_the_day(
        a: str, b: str, expected: list[tuple[str, str]]) -> None:
    # Two outlets a day apart, so the sentences are not collapsed as one syndicated copy.
    files = {"a.txt": f"Published: 2010-05-03\n\n{BAILOUT.format(a)}\n",
             "b.txt": f"Published: 2010-05-04\n\n{BAILOUT.format(b)}\n"}
    found = run(BUILTIN["figures/conflict"], files)
    assert sorted((f.path, f.location.excerpt) for f in found) == expected


GAME = "Hansbrough {} in the top-ranked Tar Heels' game against Evansville on Thursday night to pass Phil Ford."


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("needed nine points", "scored 20 points", []),  # what he needed and what he got: two facts
    ("finished nine points short of the mark", "finished 20 points clear of the mark", []),
    ("needed nine points", "needed 12 points", [("b.txt", "12 points")]),
    ("scored nine points", "scored 20 points", [("b.txt", "20 points")]),
])
def test_a_figure_needed_and_a_figure_got_are_two_facts(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": GAME.format(a), "b.txt": GAME.format(b)})
    assert [(f.path, f.location.excerpt) for f in found] == expected


RIOTS = "{}Athens was calm on Sunday after {} of the worst riots Greece has seen in decades.\n"


@pytest.mark.parametrize(("dates", "b", "expected"), [
    # A time still running grows with the day of writing, as a toll does.
    ((None, None), "four days", []),  # undated: no telling
    (("2008-12-14", "2008-12-10"), "four days", []),  # four days apart
    (("2008-12-14", "2008-12-14"), "four days", [("b.txt", "four days")]),  # the same day
    (("2008-12-14", "2008-12-13"), "four days", [("b.txt", "four days")]),  # four days' difference in one
    (("2008-12-14", "2008-12-13"), "seven days", []),  # one day, give or take one
    (("2008-12-10", "2008-12-14"), "four days", [("b.txt", "four days")]),  # shorter in the later article
    (("2008-12-10", "2010-05-05"), "four days", []),  # published far apart: riots of another year
])
def test_a_running_time_grows_with_the_day_of_writing(
        dates: tuple[str | None, str | None], b: str, expected: list[tuple[str, str]]) -> None:
    def dated(d: str | None) -> str:
        return f"Published: {d}\n\n" if d else ""
    found = run(BUILTIN["figures/conflict"], {"a.txt": RIOTS.format(dated(dates[0]), "eight days"),
                                              "b.txt": RIOTS.format(dated(dates[1]), b)})
    assert [(f.path, f.location.excerpt) for f in found] == expected


def test_a_figure_is_still_compared_when_only_one_sentence_gives_both_values() -> None:
    a = ("The USGS said the quake began two miles northeast of The Geysers, four miles west of Cobb, "
         "and six miles west of Anderson Springs.")
    b = ("The USGS said the quake began two miles east of The Geysers, four miles southwest of Cobb "
         "and four miles west of Anderson Springs.")
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert [(f.path, f.location.excerpt) for f in found] == [("b.txt", "four miles")]
    assert found[0].location.column == b.index("four miles west of Anderson") + 1


def test_figures_of_two_named_players_are_two_facts() -> None:
    a = "Drake was paced by 13 points from Seth VanDeest, while Richard Carter had 12 points and four assists."
    b = "Richard Carter scored 14 points and Seth VanDeest scored 13 for the ninth-seeded Bulldogs."
    c = "Drake was paced by 13 points from Seth VanDeest, while Richard Carter added 12 for the Bulldogs."
    assert run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b, "c.txt": c}) == []


def test_one_named_player_given_two_figures_conflicts() -> None:
    a = "Richard Carter scored 14 points for the ninth-seeded Bulldogs in the loss to Creighton on Friday."
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": a.replace("14", "12")})
    assert [(f.path, f.location.excerpt) for f in found] == [("b.txt", "12 points")]


SEASON = ("{} finished his third season in New Orleans with just {} yards and two touchdowns on 106 carries, "
          "{}.")


def test_a_figure_inside_a_shared_verbatim_phrase_is_one_fact() -> None:
    # The sentences around the phrase differ too much for their contexts to pair;
    # the long verbatim phrase around the figure (a wire sentence) shows one fact.
    a = SEASON.format("The former Southern California running back", 404, "a disappointing year for the second pick")
    b = SEASON.format("Running back Bush", 440, "the team said on its website after the loss in Charlotte")
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b, "c.txt": a})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("b.txt", "just 440 yards", "warning")]
    rule = conflict_rule("min_run: 0\nagreeing_figures: 0\nweak_severity: ignore", severity="warning")
    # Without the phrase (nor "two touchdowns on 106 carries" agreeing), no strong evidence pairs
    # the yards (the weak story pairing would, at its own severity: one story, one value each).
    assert run(rule, {"a.txt": a, "b.txt": b, "c.txt": a}) == []


def test_a_short_sentence_is_compared_through_the_words_next_to_its_figure() -> None:
    # Two content words besides the figures ("total", "onboard"): too few to meet as alike sentences.
    s = "The three boats had a total of {} Somali crew onboard."
    found = run(BUILTIN["figures/conflict"], {"a.txt": s.format(26), "b.txt": s.format(24), "c.txt": s.format(26)})
    assert [(f.path, f.location.excerpt) for f in found] == [("b.txt", "24 Somali crew")]


@pytest.mark.parametrize(("ages", "expected"), [
    ((61, 48), []),
    # Every other figure of the sentence agrees: the one that does not is the same fact.
    ((63, 48), [("b.txt", "63-year-old")]),
    # Two figures differ: not one slip of the sentence -- but each is one named woman's age, by her name
    # (Katherine/Kathryn Gomes: one surname, given names of one stem; Robyn/Robin Mendes: a slip).
    ((63, 50), [("b.txt", "63-year-old"), ("b.txt", "50-year-old")]),
])
def test_one_figure_changed_among_several_is_one_fact(ages: tuple[int, int], expected: list[tuple[str, str]]) -> None:
    a = "61-year-old Kathryn Gomes and 48-year-old Robin Mendes are the victims, police in New Bedford said."
    b = ("Police in New Bedford have identified the victims as {}-year-old Katherine Gomes, mother of the suspect, "
         "and {}-year-old Robyn Mendes.").format(*ages)
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert [(f.path, f.location.excerpt) for f in found] == expected


JACKSON = "Jackson had his finest season in 2008 with 59 receptions for 1,098 yards and seven touchdowns."


@pytest.mark.parametrize(("b", "expected"), [
    # Worded apart, but both sentences give 59 receptions and seven touchdowns: the yards are one fact.
    ("He set career-highs of 59 receptions, 1,089 yards and seven touchdowns.", [("b.txt", "1,089 yards")]),
    ("He set career-highs of 59 receptions, 1,098 yards and seven touchdowns.", []),
    # One other figure agrees: not enough to tell.
    ("He set career-highs of 61 receptions, 1,089 yards and seven touchdowns.", []),
    # The word after the figure tells another measure: yards after the catch.
    ("He set career-highs of 59 receptions, 1,089 yards after the catch and seven touchdowns.", []),
    # Two figures of that unit in the sentence: which one would be the slip?
    ("He set career-highs of 59 receptions, 1,089 yards and seven touchdowns, and 1,100 yards and five touchdowns "
     "the year before.", []),
])
def test_sentences_agreeing_on_other_figures_state_one_fact(b: str, expected: list[tuple[str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": JACKSON, "b.txt": b})
    assert [(f.path, f.location.excerpt) for f in found] == expected


def test_agreeing_figures_can_be_turned_off() -> None:
    rule = inline_rule("""
id: local/figures
type: conflict
severity: warning
message: "{found} vs {expected}"
agreeing_figures: 0
""")
    b = "He set career-highs of 59 receptions, 1,089 yards and seven touchdowns."
    assert run(rule, {"a.txt": JACKSON, "b.txt": b}) == []


MILL = "Police in Ohio said the fire at the old mill destroyed 14 homes near the river before crews could contain it."


@pytest.mark.parametrize(("b", "conflict"), [
    # Less alike than min_overlap, but "destroyed 16 homes near the" is the same phrase.
    ("Crews battled the blaze for hours after it destroyed 16 homes near the old mill, Ohio police said.", True),
    # Another verb: the phrase is too short to count.
    ("Crews battled the blaze for hours after it burned 16 homes near the old mill, Ohio police said.", False),
    # A three-word phrase, but the word after the figure tells another place.
    ("Crews battled the blaze for hours after an old mill destroyed 16 homes along the Ohio river, police said.",
     False),
])
def test_a_shorter_shared_phrase_lets_sentences_be_less_alike(b: str, conflict: bool) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": MILL, "b.txt": b})
    # The two articles are also one story giving one count of homes each, which the weak story
    # pairing reports either way: the phrase is what the strong pairing reads.
    assert [(f.path, f.location.excerpt) for f in found if f.data["evidence"]["path"] != "one value each"] == \
        ([("b.txt", "16 homes")] if conflict else [])


MILL_ALIKE = "Crews battled the blaze for hours after it destroyed 16 homes near the old mill, Ohio police said."


def test_the_builtin_rule_reports_conflicts_of_merely_alike_sentences_at_info() -> None:
    # Alike sentences are the only evidence for the mill; a verbatim phrase is evidence for the oil.
    found = run(BUILTIN["figures/conflict"], {"a.txt": MILL, "b.txt": MILL_ALIKE,
                                              "c.txt": FIG.format("500,000"), "d.txt": FIG.format("300,000")})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [
        ("b.txt", "16 homes", "info"), ("d.txt", "300,000 barrels", "warning")]


@pytest.mark.parametrize(("option", "expected"), [
    ("", [("b.txt", "error")]),  # unset: the rule's severity, as for any other evidence
    ("paraphrase_severity: warning", [("b.txt", "warning")]),
    ("paraphrase_severity: ignore", []),
])
def test_paraphrase_severity_option(option: str, expected: list[tuple[str, str]]) -> None:
    rule = conflict_rule(option)
    assert [(f.path, f.severity) for f in run(rule, {"a.txt": MILL, "b.txt": MILL_ALIKE})] == expected


def test_one_template_filled_for_two_events_is_not_one_fact() -> None:
    # The phrase around "12 magazines" recurs, but it ends at "six" / "14": another haul.
    a = "During the operation, six AK 47 rifles, 12 magazines and about 300 rounds of ammunition were found."
    b = "So far the navy has confiscated 14 AK 47 rifles, 31 magazines and 923 rounds of ammunition from pirates."
    assert run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b}) == []


AGE = "On Friday, a {} died after slipping and falling about 150 metres from a ridge near the Tasman Glacier."


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("36-year-old Australian man", "37-year-old Australian climber", True),  # one person, two nouns
    ("15-year-old boy", "16-year-old teenager", True),
    ("36-year-old Duncan Rait", "37-year-old Duncan Raite", True),  # a slip in the surname
    ("15-year-old boy", "16-year-old girl", False),  # two people
    ("15-year-old boys", "16-year-old girls", False),
    ("36-year-old Duncan Rait", "37-year-old Duncan Moore", False),
])
def test_one_person_under_two_descriptions_is_one_subject(a: str, b: str, conflict: bool) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": AGE.format(a), "b.txt": AGE.format(b)})
    assert bool(found) is conflict


RAIT_A = ("Published: 2012-01-09\n\nMr Buckley's death came a day after {} Duncan Raite died when he slipped and "
          "fell from a ridge in the same national park.\n")
RAIT_B = ("Published: 2012-01-10\n\nPolice named the climber as {} Duncan Rait, of Melbourne, who was killed in "
          "a fall on Saturday.\n")


@pytest.mark.parametrize(("b", "expected"), [
    (RAIT_B.format("36-year-old"), []),
    (RAIT_B.format("38-year-old"), [("b.txt", "38-year-old", "warning")]),
    # In apposition before the age: "Rait, a 38-year-old climber".
    (RAIT_B.replace("the climber as {} Duncan Rait,", "Duncan Rait, a 38-year-old climber,"),
     [("b.txt", "38-year-old", "warning")]),
    (RAIT_B.format("38-year-old").replace("2012-01-10", "2016-03-10"), []),  # four years on, he is older
    (RAIT_B.format("36-year-old").replace("2012-01-10", "2013-07-10"), []),  # the age he died at
    # ... but the years cannot make him younger, nor older than they are long.
    (RAIT_B.format("30-year-old").replace("2012-01-10", "2016-03-10"), [("b.txt", "30-year-old", "warning")]),
    (RAIT_B.format("52-year-old").replace("2012-01-10", "2016-03-10"), [("b.txt", "52-year-old", "warning")]),
    # Named after the noun the age describes: "38-year-old climber Duncan Rait".
    (RAIT_B.replace("the climber as {} Duncan Rait,", "38-year-old climber Duncan Rait,"),
     [("b.txt", "38-year-old", "warning")]),
    # A generational suffix does not make another person: "Duncan Rait III" is Duncan Rait.
    (RAIT_B.format("38-year-old").replace("Duncan Rait,", "Duncan Rait III,"),
     [("b.txt", "38-year-old", "warning")]),
])
def test_ages_of_one_named_person_are_one_fact(b: str, expected: list[tuple[str, str, str]]) -> None:
    # The sentences share too few words to pair; the person they give an age to is one.
    found = run(BUILTIN["figures/conflict"], {"a.txt": RAIT_A.format("36-year-old"), "b.txt": b})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


SIMPSON = ("The Spiro man, {} Christopher Simpson of Fort Coffee, is accused of killing Ka'Loni Flynn of "
           "Fort Smith in Arkansas, Judge Sam Smith, LeFlore County and Spiro police said.")


@pytest.mark.parametrize(("dates", "expected"), [
    # Charged in January at 26, convicted in September at 27: he had a birthday.  The undated
    # article gives the January article's sentence word for word: a copy, written when it was.
    (("2013-01-03", None, "2013-09-28"), []),
    # Ten days apart, 26 and 27 disagree: the lone 27 is reported against the two 26s.
    (("2013-01-03", None, "2013-01-13"), [("c.txt", "27-year-old")]),
])
def test_a_copy_is_judged_by_its_own_date(dates: tuple[str | None, ...], expected: list[tuple[str, str]]) -> None:
    ages = ("26-year-old", "26-year-old", "27-year-old")
    files = {}
    for name, day, age in zip(("a.txt", "b.txt", "c.txt"), dates, ages, strict=True):
        text = SIMPSON.format(age) if age == "26-year-old" else (
            f"A jury convicted {age} Christopher Simpson of Fort Coffee of killing Ka'Loni Flynn of Fort Smith in "
            "Arkansas, Judge Sam Smith, LeFlore County and Spiro police said.")
        files[name] = (f"Published: {day}\n\n" if day else "") + text + "\n"
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt) for f in found] == expected


def test_an_undated_rival_cannot_undo_what_the_dates_explain() -> None:
    # The dated statements of 27 all come months after the January 26: a birthday.  An undated
    # article saying 27 cannot tell whether it was written before or after it.
    files = {
        "a.txt": "Published: 2013-01-03\n\n" + SIMPSON.format("26-year-old") + "\n",
        "c.txt": "Published: 2013-09-28\n\nA jury convicted 27-year-old Christopher Simpson of Fort Coffee of killing "
                 "Ka'Loni Flynn of Fort Smith in Arkansas, Judge Sam Smith, LeFlore County and Spiro police said.\n",
        "b.txt": "Jurors in LeFlore County found 27-year-old Christopher Simpson of Fort Coffee guilty of killing "
                 "Ka'Loni Flynn of Fort Smith in Arkansas, Judge Sam Smith and Spiro police said.\n",
    }
    assert run(BUILTIN["figures/conflict"], files) == []


TOLL = "In 2004 a massive tremor sparked a tsunami that killed {} people in the province and thousands more."


def test_a_statement_is_reported_against_one_it_truly_contradicts() -> None:
    # b.txt's larger toll, published later, is an update of a.txt's; c.txt gave it before a.txt did.
    files = {"a.txt": f"Published: 2013-07-02\n\n{TOLL.format('102,000')}\n",
             "b.txt": f"Published: 2013-07-05\n\n{TOLL.format('170,000')}\n",
             "c.txt": f"Published: 2013-06-28\n\n{TOLL.format('170,000')}\n"}
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, [r.path for r in f.related]) for f in found] == [
        ("a.txt", "102,000 people", ["c.txt"])]


def test_the_ages_of_two_named_people_are_two_facts() -> None:
    # One story (five names in common), one age each: the weak pairing would take them for one
    # measure, but they are two people's.
    story = "Judge Sam Smith, LeFlore County, Spiro, Fort Coffee and Fort Smith police were named."
    files = {"a.txt": f"Prosecutors in LeFlore County said 26-year-old Christopher Simpson was in her car. {story}",
             "b.txt": f"Prosecutors in LeFlore County showed a photo of 20-year-old victim Ka'Loni Flynn in her car. "
                      f"{story}"}
    assert run(BUILTIN["figures/conflict"], files) == []


def test_ages_of_one_named_person_need_a_date_or_shared_words() -> None:
    # Undated articles may be years apart: without shared words, a named person's ages are not compared.
    undated = {"a.txt": RAIT_A.format("36-year-old").split("\n\n", 1)[1],
               "b.txt": RAIT_B.format("38-year-old").split("\n\n", 1)[1]}
    assert run(BUILTIN["figures/conflict"], undated) == []


DEPUTY = ("Published: 2011-06-2{}\n\nSheriff Lee Baca and prosecutor Steve Cooley told reporters in Los Angeles that "
          "Jose Luis Orozco and Mike Ramirez were charged. {}\n")


@pytest.mark.parametrize(("b", "options", "expected"), [
    ("The 36-year-old deputy had stopped a car near a school.", "", [("b.txt", "36-year-old", "info")]),
    ("The 35-year-old deputy had stopped a car near a school.", "", []),
    # Two deputies' ages in one article: the role names two people.
    ("The 36-year-old deputy and a 41-year-old deputy had stopped a car.", "", []),
    ("The 36-year-old deputy had stopped a car near a school.", "age_holders: false", []),
])
def test_ages_of_one_role_in_one_story_pair_at_the_weak_severity(
        b: str, options: str, expected: list[tuple[str, str, str]]) -> None:
    rule = conflict_rule(options, severity="warning")
    a = DEPUTY.format(4, "Investigators said the 35-year-old deputy was shot in the head on a Friday.")
    found = run(rule, {"a.txt": a, "b.txt": DEPUTY.format(5, b)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


@pytest.mark.parametrize(("b", "expected"), [
    # Both articles give the role two ages and agree on the other one: the 36 is the 35's.
    ("The 36-year-old deputy had stopped a car near a school. A 41-year-old deputy was hurt.",
     [("b.txt", "36-year-old", "info")]),
    # They agree on neither: no telling which deputy is which.
    ("The 36-year-old deputy had stopped a car near a school. A 44-year-old deputy was hurt.", []),
])
def test_ages_of_one_role_pair_when_the_articles_agree_on_its_other_ages(
        b: str, expected: list[tuple[str, str, str]]) -> None:
    a = DEPUTY.format(4, "Investigators said the 35-year-old deputy was shot in the head on a Friday. "
                         "A 41-year-old deputy was wounded in the leg.")
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": DEPUTY.format(5, b)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("12-foot wall", "14-foot fence", False),
    ("12-foot garden wall", "14-foot garden fence", False),
    ("12-foot wall", "14-foot wall", True),
    # One noun named more fully, or in the plural: one subject.
    ("12-foot wall", "14-foot garden wall", True),
    ("12-foot walls", "14-foot wall", True),
    ("12-foot wall", "14-foot wall-section", True),
])
def test_two_common_nouns_stay_two_subjects_outside_ages(a: str, b: str, conflict: bool) -> None:
    s = "Workers said the {} collapsed on Tuesday morning near the school in the town centre."
    assert len(run(BUILTIN["figures/conflict"], {"a.txt": s.format(a), "b.txt": s.format(b)})) == int(conflict)


@pytest.mark.parametrize(("text", "anchor"), [
    ("Richard Carter scored 14 points.", {"richard", "carter"}),
    ("Drake was paced by 13 points from Seth VanDeest.", {"drake"}),
    ("Vinatieri's 45-yard field goal tied it.", {"vinatieri"}),
    ("On Monday, 12 people were killed.", set()),  # a weekday is not whose figure it is
    ("The Colts, who trailed, scored 24 points.", set()),  # the clause starts after the comma
])
def test_name_anchor(text: str, anchor: set[str]) -> None:
    from factcheck.claims.base import extract_all
    from factcheck.rules.kinds.conflict import name_anchor

    doc = parse_document("a.txt", text)
    (claim,) = [c for c in extract_all(doc) if c.kind in ("quantity", "count")]
    assert name_anchor(doc, claim) == anchor


def test_updated_toll_in_a_later_article_is_not_a_conflict() -> None:
    early = "March 1, 2010\n\nThe earthquake killed at least 82 people in the coastal city, officials said."
    late = "March 3, 2010\n\nThe earthquake killed 300 people in the coastal city, officials said."
    assert run(BUILTIN["figures/conflict"], {"a.txt": early, "b.txt": late}) == []
    # The same two figures on the same day do conflict.
    same_day = late.replace("March 3", "March 1")
    assert len(run(BUILTIN["figures/conflict"], {"a.txt": early.replace("at least ", ""), "b.txt": same_day})) == 1


def test_a_rounded_measurement_is_not_an_early_tally() -> None:
    # "about 30 miles" is an outlet's rounding of a distance, not a toll that grows as reports come in.
    early = "April 10, 2007\n\nPolice officers chased him for about 30 miles on Interstate 75 before arresting him."
    late = "April 12, 2007\n\nPolice officers chased him for 45 miles on Interstate 75 before arresting him."
    found = run(BUILTIN["figures/conflict"], {"a.txt": early, "b.txt": late})
    assert [(f.path, f.location.excerpt) for f in found] == [("b.txt", "45 miles")]


def test_articles_far_apart_describe_different_events() -> None:
    a = "May 3, 2008\n\nThe actress checked into rehab for the 3rd time, her spokesman said."
    b = "May 3, 2013\n\nThe actress checked into rehab for the 6th time, her spokesman said."
    assert run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b}) == []


def test_conflicting_dates_for_one_event() -> None:
    s = "The earthquake struck the coastal city of Valparaiso on {}, killing hundreds."
    found = run(BUILTIN["dates/conflict"], {"a.txt": s.format("March 3, 2010"), "b.txt": s.format("March 5, 2010")})
    assert len(found) == 1 and found[0].location.excerpt in ("March 3, 2010", "March 5, 2010")


STORY = ("The Indian warship INS Mysore fought off pirates in the Gulf of Aden on Saturday, the Defence Ministry "
         "in New Delhi said. {} Commander Nirad Sinha said nobody was hurt.")
BOATS_A = STORY.format("Responding to a distress call from an Ethiopian ship, the warship attacked two boats "
                       "of pirates and seized their weapons.")
BOATS_B = STORY.format("Pirates aboard three boats were firing at the Ethiopian ship when commandos arrived "
                       "by helicopter.")


def test_one_story_giving_one_count_each_conflicts_at_the_weak_severity() -> None:
    # The two sentences share too few words for their contexts to pair, but the
    # articles share five names and each gives one count of boats.
    found = run(BUILTIN["figures/conflict"], {"a.txt": BOATS_A, "b.txt": BOATS_B})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("b.txt", "three boats", "info")]
    assert [r.path for r in found[0].related] == ["a.txt"]


def test_weak_pairing_needs_the_same_story() -> None:
    # Pinned to two stories (front matter), the same two articles report two events.
    assert run(BUILTIN["figures/conflict"], {"a.md": f"---\nstory: gulf\n---\n{BOATS_A}",
                                             "b.md": f"---\nstory: somalia\n---\n{BOATS_B}"}) == []


def test_two_stories_are_never_compared_however_alike_their_sentences() -> None:
    s = "The earthquake struck the coastal city of Valparaiso on {}, killing hundreds."
    files = {"a.md": "---\nstory: chile-2010\n---\n" + s.format("March 3, 2010"),
             "b.md": "---\nstory: chile-1985\n---\n" + s.format("March 5, 2010")}
    assert run(BUILTIN["dates/conflict"], files) == []
    files["b.md"] = files["b.md"].replace("chile-1985", "chile-2010")
    assert [(f.path, f.location.excerpt) for f in run(BUILTIN["dates/conflict"], files)] == [
        ("b.md", "March 5, 2010")]


def test_weak_pairing_needs_the_only_count_of_its_article() -> None:
    # An article that counts boats twice ("three boats", "two boats") tells of more than one group of boats.
    two_counts = BOATS_B.replace("nobody was hurt", "two boats escaped")
    assert [f for f in run(BUILTIN["figures/conflict"], {"a.txt": BOATS_A, "b.txt": two_counts})
            if f.location.excerpt == "three boats"] == []


def test_a_count_of_another_order_of_size_is_not_a_second_count() -> None:
    # "40 boats" patrol the gulf: a fleet, not a group of pirates' boats like "three boats"
    # (SAME_ORDER), so b.txt still gives one count of the story's boats.
    fleet = BOATS_B.replace("nobody was hurt", "40 boats of the navy patrol the gulf")
    found = run(BUILTIN["figures/conflict"], {"a.txt": BOATS_A, "b.txt": fleet})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("b.txt", "three boats", "info")]


@pytest.mark.parametrize(("more_b", "expected"), [
    ("", [("b.txt", "three boats", "info")]),  # both articles count five other boats: the rest agrees
    (" Two boats fled.", []),  # b.txt counts one more group of boats: no telling which count is which
])
def test_weak_pairing_takes_articles_that_agree_on_all_other_counts(
        more_b: str, expected: list[tuple[str, str, str]]) -> None:
    others = "Five boats of fishermen nearby were not attacked, Commander Nirad Sinha said."
    a = BOATS_A.replace("Commander Nirad Sinha said nobody was hurt.", others)
    b = BOATS_B.replace("Commander Nirad Sinha said nobody was hurt.", others + more_b)
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


@pytest.mark.parametrize(("hostages", "expected"), [
    ("12", [("b.txt", "Three boats", "info")]),  # two words in common ("fled", "warship") and the 12 hostages
    ("15", []),  # only the two words: too few to tell
])
def test_weak_pairing_counts_an_agreeing_figure_as_a_shared_word(
        hostages: str, expected: list[tuple[str, str, str]]) -> None:
    a = STORY.format("Two boats of pirates fled with 12 hostages, the warship reported.")
    b = STORY.format(f"Three boats carrying {hostages} hostages fled from the warship.")
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


DOCTOR = ("Matt Smith will leave Doctor Who, the BBC said in London; Steven Moffat thanked Karen Gillan and "
          "Arthur Darvill. {}")
CONSENSUS_AGES = {  # three articles agree on the unnamed actor's age, in three wordings
    "a.txt": DOCTOR.format("The 26-year-old was unveiled as the eleventh Doctor on Saturday."),
    "b.txt": DOCTOR.format("Fans cheered when the 26-year-old walked on stage."),
    "c.txt": DOCTOR.format("Critics said the 26-year-old was a bold choice for the part."),
}


@pytest.mark.parametrize(("d", "expected"), [
    # The one article giving another age for an unnamed holder: its story agrees on 26.
    ("The 29-year-old said it was an honour to play the part.", [("d.txt", "29-year-old", "info")]),
    ("The 26-year-old said it was an honour to play the part.", []),
    # Two ages in one article: the 29-year-old may be somebody else.
    ("The 29-year-old said it was an honour, his 61-year-old father said.", []),
    # A named holder is paired by name, not by the story's consensus.
    ("29-year-old Jenna Coleman said it was an honour to play the part.", []),
])
def test_an_unnamed_age_against_its_storys_consensus(d: str, expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {**CONSENSUS_AGES, "d.txt": DOCTOR.format(d)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected
    if found:
        assert found[0].related[0].path in CONSENSUS_AGES


PARTY = ("Police in Vancouver said Ian Banky, Kim Lee, Tom Ward, Ann Scott and Raj Patel were at the Christmas "
         "party. {}")
LIKENESS_AGES = {  # two articles give the man's age, each in its own words
    "a.txt": PARTY.format("Vancouver police have arrested a 61-year-old former employee after the shooting."),
    "b.txt": PARTY.format("The 61-year-old man surrendered to officers at the store."),
}


@pytest.mark.parametrize(("c", "expected"), [
    # c.txt's sentence shares one word with a.txt's and two with b.txt's, too few to pair
    # with either, but the two statements of 61 use most of its words between them.
    ("After two hours a 46-year-old man surrendered and was arrested.", [("c.txt", "46-year-old", "info")]),
    ("After two hours a 61-year-old man surrendered and was arrested.", []),
    # Two ages in one sentence: two people, and the words cannot tell which is the story's.
    ("After two hours a 46-year-old man and his 44-year-old wife surrendered and were arrested.", []),
    # The article gives 61 too: its 46-year-old is somebody else.
    ("After two hours a 46-year-old man surrendered and was arrested. His 61-year-old boss was shot.", []),
    # One word in common ("arrested") is a short sentence's chance.
    ("Hours later a 46-year-old was arrested.", []),
])
def test_an_age_against_the_person_its_story_describes_in_like_words(
        c: str, expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {**LIKENESS_AGES, "c.txt": PARTY.format(c)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected
    if found:
        assert found[0].related[0].path in LIKENESS_AGES


def test_an_age_is_weighed_against_its_story_only() -> None:
    files = {**{f"{name[0]}.md": f"---\nstory: party\n---\n{text}" for name, text in LIKENESS_AGES.items()},
             "c.md": "---\nstory: raid\n---\nAfter two hours a 46-year-old man surrendered and was arrested."}
    assert run(BUILTIN["figures/conflict"], files) == []


def test_a_named_persons_ages_pair_by_the_name_not_by_likeness() -> None:
    # Gary Weber's two ages are one fact at the rule's severity, as any named person's;
    # the likeness of the sentences, weaker evidence, is for ages whose holder is unnamed.
    files = {
        "c.txt": "Published: 2008-12-20\n\n" + PARTY.format(
            "After two hours 46-year-old Gary Weber surrendered and was arrested."),
        "d.txt": "Published: 2008-12-21\n\n" + PARTY.format(
            "Gary Weber, a 61-year-old former employee, was led away in handcuffs."),
    }
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("d.txt", "61-year-old", "warning")]


CREW = "Jenna Coleman, Neil Gaiman, Peter Capaldi, David Tennant and Chris Chibnall watched from Cardiff."


@pytest.mark.parametrize(("b", "d", "expected"), [
    # d.md shares few names with the rest, but it is pinned to their story: it hears the
    # story agree on 26.
    ("The 26-year-old", "The 29-year-old", [("d.md", "29-year-old", "info")]),
    # ... but not about another subject: the driver is not the story's woman.
    ("The 26-year-old driver", "The 29-year-old driver", []),
])
def test_a_story_is_its_members_however_few_names_they_share(
        b: str, d: str, expected: list[tuple[str, str, str]]) -> None:
    subject = " woman" if "driver" in b else ""
    files = {
        "a.md": DOCTOR.format(f"The 26-year-old{subject} was unveiled as the eleventh Doctor on Saturday."),
        "c.md": DOCTOR.format(f"Critics said the 26-year-old{subject} was a bold choice for the part."),
        "e.md": DOCTOR.format(f"Fans cheered when the 26-year-old{subject} walked on stage."),
        "b.md": DOCTOR.format(f"{CREW} {b} said it was a dream come true."),
        "d.md": f"{CREW} {d} said it was an honour to play the part.",
    }
    found = run(BUILTIN["figures/conflict"], {p: f"---\nstory: doctor\n---\n{t}" for p, t in files.items()})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected
    if found:
        assert found[0].data["evidence"] == {"path": "story consensus", "story": "doctor",
                                             "agreeing": ["a.md", "b.md", "c.md", "e.md"]}


def test_an_age_in_a_syndicated_sentence_still_counts_as_its_articles_other_age() -> None:
    # d.txt's second age sits in a sentence e.txt repeats word for word; identical
    # statements collapse to one before pairing, but d.txt still gives two ages.
    father = "His 61-year-old father, a retired teacher from Glasgow, watched from the front row."
    files = {**CONSENSUS_AGES,
             "d.txt": DOCTOR.format("The 29-year-old said it was an honour to play the part. " + father),
             "e.txt": DOCTOR.format(father)}
    assert [f for f in run(BUILTIN["figures/conflict"], files) if f.path == "d.txt"] == []


def test_no_consensus_without_a_clear_majority() -> None:
    # Two articles say 26, two say 27: the story does not agree, so nothing is lone against it.
    files = {"a.txt": CONSENSUS_AGES["a.txt"], "b.txt": CONSENSUS_AGES["b.txt"],
             "c.txt": CONSENSUS_AGES["c.txt"].replace("26", "27"),
             "e.txt": DOCTOR.format("The 27-year-old is said to be a fan."),
             "d.txt": DOCTOR.format("The 29-year-old said it was an honour to play the part.")}
    assert [f for f in run(BUILTIN["figures/conflict"], files) if f.path == "d.txt"] == []


APPLE = ("Apple unveiled the laptop at Macworld in San Francisco, where Phil Schiller stood in for Steve Jobs "
         "before Tim Cook spoke. {}")


@pytest.mark.parametrize("d", [
    "Analysts expect the 19-inch MacBook Pro to sell well to designers.",
    "Analysts expect the MacBook Pro 19-inch to sell well to designers.",  # the name before the figure
])
def test_a_figure_in_a_name_against_its_storys_consensus(d: str) -> None:
    files = {
        "a.txt": APPLE.format("The new 17-inch MacBook Pro ships at the end of January."),
        "b.txt": APPLE.format("Reviewers praised the battery of the 17-inch MacBook Pro."),
        "c.txt": APPLE.format("The 17-inch MacBook Pro is the thinnest notebook of its size."),
        "d.txt": APPLE.format(d),
    }
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("d.txt", "19-inch", "info")]


MAJORITY = {  # two articles agree on 23 pirates, in sentences too unlike for the contexts to pair
    "a.txt": STORY.format("Marine commandos from the warship captured 23 pirates after a long chase across the "
                          "gulf. In 2008 the navy held 40 pirates in Mumbai."),
    "b.txt": STORY.format("Twenty-three pirates were captured by the commandos after the chase, along with rifles "
                          "and a rocket launcher."),
}
LONE = "The commandos captured 26 pirates on the deck after the chase, the navy said. A week earlier, {} in Somalia."


@pytest.mark.parametrize(("changes", "expected"), [
    # Each article gives another count of pirates, so the story pairing does not compare them;
    # but c.txt alone says 26, where two articles agree on 23.
    ({"c.txt": STORY.format(LONE.format("12 pirates were freed"))}, [("c.txt", "26 pirates", "info")]),
    # The lone article is the one reported, even where it comes first.
    ({"0.txt": STORY.format(LONE.format("12 pirates were freed"))}, [("0.txt", "26 pirates", "info")]),
    # c.txt gives 23 as well: its 26 is another group of pirates.
    ({"c.txt": STORY.format(LONE.format("23 pirates were held and 12 freed"))}, []),
    # Another article of the story gives 26 too: a fact of the story, not a slip.
    ({"c.txt": STORY.format(LONE.format("12 pirates were freed")),
      "d.txt": STORY.format("Last year a Danish ship handed 26 pirates to Kenya for trial.")}, []),
    # Without two articles agreeing there is no majority to be lone against.
    ({"b.txt": MAJORITY["b.txt"].replace("Twenty-three", "Twenty-four"),
      "c.txt": STORY.format(LONE.format("12 pirates were freed"))}, []),
])
def test_a_value_one_article_alone_gives_against_its_storys_majority(
        changes: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {**MAJORITY, **changes})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected
    if found:  # reported against a statement of the majority, not the other way round
        assert found[0].related[0].path in ("a.txt", "b.txt")


SPLIT = {  # three articles say 23 pirates were captured; two that 12 were let go
    "a.txt": STORY.format("Marine commandos from the warship captured 23 pirates after a long chase across the gulf."),
    "b.txt": STORY.format("Twenty-three pirates were captured by the commandos after the chase, along with rifles."),
    "d.txt": STORY.format("The commandos captured 23 pirates and released 12 pirates after the chase, the navy said."),
    "e.txt": STORY.format("On the deck the navy commandos let 12 pirates go."),
}


@pytest.mark.parametrize(("other", "expected"), [
    # c.txt says 12 were let go as well: that is its other fact, so the 12 of d.txt and
    # e.txt do not stand against the 23 that three articles agree on.  Its "captured 26 pirates
    # ... after the chase" is worded like their "captured 23 pirates": the odd one out, a warning.
    ("The commandos released 12 pirates after the chase, too.", [("c.txt", "26 pirates", "warning")]),
    # c.txt lists several other counts: which of the story's values is its 26's fact?
    ("The commandos released 12 pirates, 7 pirates and 5 pirates after the chase, too.", []),
])
def test_a_majority_sets_aside_the_other_fact_of_the_lone_article(
        other: str, expected: list[tuple[str, str, str]]) -> None:
    lone = STORY.format(f"The commandos captured 26 pirates on the deck after the chase, the navy said. {other}")
    found = run(BUILTIN["figures/conflict"], {**SPLIT, "c.txt": lone})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


@pytest.mark.parametrize(("lone", "expected"), [
    # Two words in common ("commandos", "seized") and one more figure ("two skiffs"):
    # the agreeing figure counts as a shared word, as "three touchdowns" does for
    # "threw for 364 yards, including three touchdowns".
    ("On the deck 26 pirates with two skiffs were seized by commandos.", [("c.txt", "26 pirates", "info")]),
    # The other figure disagrees: nothing but two words in common.
    ("On the deck 26 pirates with four skiffs were seized by commandos.", []),
])
def test_agreeing_figures_count_toward_a_majoritys_shared_words(
        lone: str, expected: list[tuple[str, str, str]]) -> None:
    files = {
        "a.txt": STORY.format("The commandos seized 23 pirates and two skiffs after a long chase across the gulf."),
        "b.txt": STORY.format("Twenty-three pirates and two skiffs were seized in the end by the commandos."),
        "c.txt": STORY.format(lone),
    }
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


WORDED = {  # three articles agree on 23 pirates; no names in common, sentences worded apart
    "a.txt": "Commandos from a frigate seized 23 pirates at dawn after the bandits tried to board a merchant "
             "vessel in the gulf, an operation the navy described as swift.",
    "b.txt": "Sailors held 23 pirates on deck; earlier the gang had tried to board a merchant vessel in the gulf, "
             "the navy said in a statement issued before noon.",
    "c.txt": "Marines detained 23 pirates overnight, hours after the attackers tried to board a merchant vessel "
             "in the gulf, according to navy officers speaking in the evening.",
}
LONE_WORDED = ("Officials in the capital reported {} arrested when the raiders tried to board a merchant vessel "
               "in the gulf near the coast, a navy spokesman said.")


@pytest.mark.parametrize(("changes", "expected"), [
    # Three articles, each in a sentence sharing six words with d.txt's, agree on 23.
    ({"d.txt": LONE_WORDED.format("14 pirates")}, [("d.txt", "14 pirates", "info")]),
    # d.txt gives another count of pirates too: its 14 may be another group.
    ({"d.txt": LONE_WORDED.format("14 pirates") + " Later 23 pirates were handed over."}, []),
    # Two articles are no consensus of alike wordings, but they are the rest of d.txt's story,
    # which agrees on 23: the story's majority.
    ({"c.txt": "The weather in the gulf was calm.", "d.txt": LONE_WORDED.format("14 pirates")},
     [("d.txt", "14 pirates", "info")]),
])
def test_a_value_against_what_articles_worded_alike_agree_on(
        changes: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {**WORDED, **changes})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


GAME = ("The Indianapolis Colts beat the Kansas City Chiefs at Arrowhead Stadium, coach Bruce Arians said. {} "
        "Reggie Wayne caught the winning pass for the Colts and Arians praised the defense.")
LUCK = ("Andrew Luck threw for 205 yards on Sunday in a cold wind, breaking the rookie record held by Cam Newton. "
        "Jamaal Charles ran for 88 yards.")


@pytest.mark.parametrize(("other", "expected"), [
    # Both articles give other yards (Charles's), so the story pairing does not compare
    # them, and the sentences are too unlike for the contexts; but each says Luck gained
    # one figure of yards, in sentences sharing four words besides his name.
    ("Charles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as the rookie threw his way into "
     "the record books.", [("b.txt", "250 yards", "info")]),
    # Two words besides the name ("sunday", "rookie") are too few.
    ("Charles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as a rookie quarterback from Stanford "
     "in his debut season.", []),
    # b.txt gives Luck two figures of yards: which one is a.txt's?
    ("Charles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as the rookie threw his way into "
     "the record books, and 180 yards came in the first half for Andrew Luck.", []),
    # Said of another man of the name: another fact.
    ("Charles was held to 30 yards. Oliver Luck gained 250 yards on Sunday as the rookie threw his way into "
     "the record books.", []),
    # A season's yards are not a second figure of the game's: another order of size.
    ("Charles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as the rookie threw his way into "
     "the record books, and Andrew Luck now has 4,183 yards for the season.", [("b.txt", "250 yards", "info")]),
])
def test_figures_said_of_one_subject_in_one_story_pair_at_the_weak_severity(
        other: str, expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": GAME.format(LUCK), "b.txt": GAME.format(other)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


def test_a_hyphenated_subjects_own_words_are_not_shared_words() -> None:
    # "jones" and "drew" are the name; "wind" alone is too few words besides it.
    a = ("Maurice Jones-Drew ran for 91 yards on Sunday in a cold wind, a career mark for the back. "
         "Jamaal Charles ran for 88 yards.")
    b = ("Charles was held to 30 yards. Maurice Jones-Drew gained 120 yards on Sunday into the wind as the "
         "Jaguars leaned on him.")
    assert run(BUILTIN["figures/conflict"], {"a.txt": GAME.format(a), "b.txt": GAME.format(b)}) == []


def test_figures_said_of_one_subject_pair_only_within_one_story() -> None:
    # The same two sentences in two stories (pinned): two games.
    found = run(BUILTIN["figures/conflict"], {
        "a.md": f"---\nstory: chiefs\n---\n{LUCK}",
        "b.md": "---\nstory: texans\n---\nCharles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as "
                "the rookie threw his way into the record books."})
    assert found == []


@pytest.mark.parametrize(("changes", "expected"), [
    # Two articles say Luck threw for 205 yards, with no words in common but his name;
    # c.txt alone gives 250, and no article of the story gives 250 for anything.
    ({}, [("c.txt", "250 yards", "info")]),
    # Another article of the story gives 250 yards (Wayne's): a figure of the story.
    ({"d.txt": GAME.format("Wayne had 250 yards receiving over the season.")}, []),
    # c.txt gives Luck 205 yards as well: its 250 is another figure of his.
    ({"c.txt": GAME.format("Andrew Luck gained 250 yards through the air, and 205 yards of them in the second "
                           "half.")}, []),
])
def test_a_value_against_what_a_story_says_of_the_same_subject(
        changes: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    files = {
        "a.txt": GAME.format(LUCK),
        "b.txt": GAME.format("Andrew Luck finished with 205 yards passing. Charles was held to 30 yards."),
        "c.txt": GAME.format("Andrew Luck gained 250 yards through the air. Charles had 61 yards."),
        **changes,
    }
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected
    if found:
        assert found[0].related[0].path in ("a.txt", "b.txt")


@pytest.mark.parametrize(("c", "expected"), [
    # c.txt gives Luck one other figure of yards, his rushing, which the story agrees on:
    # set aside as his other fact, its 250 stands against the story's 205.  Charles's
    # 30 yards in c.txt are another man's, not a second figure of Luck's.
    ("Andrew Luck gained 250 yards through the air, and Andrew Luck picked up 110 yards on the ground. "
     "Charles had 30 yards.", [("c.txt", "250 yards", "info")]),
    # Two other figures of Luck's yards: which of them is the story's 205?
    ("Andrew Luck gained 250 yards through the air, and Andrew Luck picked up 110 yards on the ground and "
     "Andrew Luck lost 140 yards on sacks.", []),
])
def test_a_value_against_the_story_where_the_article_gives_the_subject_another_value(
        c: str, expected: list[tuple[str, str, str]]) -> None:
    files = {
        "a.txt": GAME.format("Andrew Luck threw for 205 yards on Sunday and ran for 110 yards in a cold wind. "
                             "Charles had 30 yards."),
        "b.txt": GAME.format("Andrew Luck finished with 205 yards passing, and Andrew Luck added 110 yards "
                             "rushing. Charles was held to 30 yards."),
        "c.txt": GAME.format(c),
    }
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


LUCK_GAINED = ("Charles was held to 30 yards. Andrew Luck gained 250 yards on Sunday as the rookie threw his way "
               "into the record books.")


@pytest.mark.parametrize(("a", "b", "expected"), [
    # Both give Luck 110 yards rushing besides: they agree on his other figure, so his
    # passing yards are one fact.
    (LUCK + " Andrew Luck also ran for 110 yards.", LUCK_GAINED + " Andrew Luck also ran for 110 yards.",
     [("b.txt", "250 yards", "info")]),
    # Only a.txt gives him another figure: which of its two is b.txt's 250?
    (LUCK + " Andrew Luck also ran for 110 yards.", LUCK_GAINED, []),
])
def test_figures_of_one_subject_pair_where_the_articles_agree_on_the_subjects_other_figures(
        a: str, b: str, expected: list[tuple[str, str, str]]) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": GAME.format(a), "b.txt": GAME.format(b)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


def test_identical_copies_each_count_towards_a_storys_majority() -> None:
    # a.txt and b.txt are one wire story, word for word: the rule collapses their facts
    # to one before pairing, yet they are two articles agreeing on Luck's and Charles's yards.
    copy = GAME.format("Andrew Luck finished with 205 yards passing. Charles was held to 30 yards.")
    files = {"a.txt": copy, "b.txt": copy,
             "c.txt": GAME.format("Andrew Luck gained 250 yards through the air. Charles had 61 yards.")}
    found = run(BUILTIN["figures/conflict"], files)
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [
        ("c.txt", "250 yards", "info"), ("c.txt", "61 yards", "info")]


@pytest.mark.parametrize(("options", "expected"), [
    ("weak_severity: ignore", []),
    ("weak_severity: warning", [("b.txt", "warning")]),
])
def test_weak_pairing_options(options: str, expected: list[tuple[str, str]]) -> None:
    rule = conflict_rule(options)
    found = run(rule, {"a.txt": BOATS_A, "b.txt": BOATS_B})
    assert [(f.path, f.severity) for f in found] == expected


COACH = ("Maurice Cheeks was fired by the Portland Trail Blazers on Tuesday, owner Paul Allen said in Oregon. {} "
         "The Blazers had lost 12 of their last 15 games. Nate McMillan and Paul Allen met on Monday.")
HIRED_A = COACH.format("Cheeks returned to the Philadelphia 76ers in 1994 and stayed for seven seasons until the "
                       "Blazers hired him as head coach on June {}, 2001. He was sacked on March 2, 2005.")
HIRED_B = COACH.format("He joined the Blazers on June {}, 2001, after serving seven seasons as an assistant "
                       "coach with the 76ers. His contract ran through 2006.")


@pytest.mark.parametrize(("day_a", "day_b", "expected"), [
    (27, 27, []),
    (27, 29, [("b.txt", "June 29, 2001", "warning")]),  # two days off: one event misdated (weak_severity: warning)
    (27, 7, []),  # twenty days apart: two events of one story
])
def test_one_story_dating_one_event_differently_conflicts_at_the_weak_severity(
        day_a: int, day_b: int, expected: list[tuple[str, str, str]]) -> None:
    # The sentences share too few words for their contexts to pair, and each article
    # gives several dates, yet in one story two dates this close read as one event.
    found = run(BUILTIN["dates/conflict"], {"a.txt": HIRED_A.format(day_a), "b.txt": HIRED_B.format(day_b)})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == expected


def test_dates_of_one_story_agreeing_on_all_others_are_not_paired_for_that() -> None:
    # Every date of an article shares one measure: agreeing on the sacking leaves two dates years apart.
    a = COACH.format("Cheeks joined the Portland Blazers as head coach in June 2001. He was sacked on March 2, 2005.")
    b = COACH.format("Cheeks first came to the Portland Blazers as a scout in July 1997. He was sacked on March 2, "
                     "2005.")
    assert run(BUILTIN["dates/conflict"], {"a.txt": a, "b.txt": b}) == []


def test_close_dates_pair_only_outside_a_week_of_several_events() -> None:
    # An article naming another day of that week tells of several events close in time.
    busy = HIRED_B.format(29).replace("His contract ran through 2006.", "His deal was signed on June 28, 2001.")
    assert run(BUILTIN["dates/conflict"], {"a.txt": HIRED_A.format(27), "b.txt": busy}) == []
    rule = inline_rule("""
id: house/date-conflict
type: conflict
kinds: [date]
severity: warning
message: "{found} vs {expected} in {other}"
near_days: 0
""")
    assert run(rule, {"a.txt": HIRED_A.format(27), "b.txt": HIRED_B.format(29)}) == []


def test_a_conflict_is_reported_against_another_document() -> None:
    # a.txt contradicts itself; b.txt pairs with both of its dates.  The finding
    # points at what b.txt says, the statement it was compared with.
    s = "The earthquake struck the coastal city of Valparaiso on {}, killing hundreds."
    found = run(BUILTIN["dates/conflict"], {"a.txt": s.format("March 3, 2010") + " " + s.format("March 4, 2010"),
                                            "b.txt": s.format("March 3, 2010")})
    assert [(f.path, f.location.excerpt, [r.path for r in f.related]) for f in found] == \
        [("a.txt", "March 4, 2010", ["b.txt"])]


def test_dates_in_one_range_are_not_one_fact() -> None:
    s = "The exhibition runs between October 16 and November 14 in the capital, organisers said."
    assert run(BUILTIN["dates/conflict"], {"a.txt": s, "b.txt": s}) == []


def test_explicit_fact_key_requires_agreement() -> None:
    rule = inline_rule("""
id: house/council-size
type: conflict
severity: warning
select: {kind: quantity, unit: member, near: "security council"}
message: "{found} vs {expected} in {other}"
""")
    found = run(rule, {"a.txt": "Pompeo addressed the 15-member Security Council on Thursday.",
                       "b.txt": "The 14-member Security Council met in New York.",
                       "c.txt": "He spoke to the 15-member Security Council."})
    assert [(f.path, f.location.excerpt) for f in found] == [("b.txt", "14-member")]


# --------------------------------------------------------------------------- one document


def test_count_vs_enumeration() -> None:
    rule = BUILTIN["figures/enumeration"]
    five = "The return of six-party talks between Russia, North Korea, South Korea, the US and China was urged."
    six = "The return of six-party talks between Russia, North Korea, South Korea, the US, China and Japan was urged."
    found = run(rule, {"a.txt": five})
    assert len(found) == 1 and "Says 6 but lists 5" in found[0].message
    assert run(rule, {"a.txt": six}) == []


def test_weekday_that_does_not_match_its_date() -> None:
    found = run(BUILTIN["dates/weekday"], {"a.txt": "The council met on Monday, December 31, 2019, in New York."})
    assert len(found) == 1 and "was a Tuesday, not a Monday" in found[0].message
    assert run(BUILTIN["dates/weekday"], {"a.txt": "The council met on Tuesday, December 31, 2019."}) == []


def test_publication_date_sources_that_disagree() -> None:
    text = "date 2020-02-10 Wire\n\nTalks resume\n\nDecember 30, 2019\n\nThe council met on Monday."
    found = run(BUILTIN["dates/publication"], {"a.txt": text})
    assert len(found) == 1 and "2019-12-30" in found[0].message and "2020-02-10" in found[0].message
    # A URL one day off a dateline is normal (time zones, print dates).
    ok = "https://example.org/2020/02/11/talks\n\nFebruary 10, 2020\n\nThe council met."
    assert run(BUILTIN["dates/publication"], {"a.txt": ok}) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Pompeo told the 14-member Security Council that sanctions must continue.", ["facts/unsc-members"]),
    ("The six permanent members of the Security Council hold a veto.", ["facts/unsc-permanent-members"]),
    ("A Security Council resolution needs ten votes in favor and no vetoes.", ["facts/unsc-votes"]),
    ("A Security Council resolution needs nine votes in favor and no vetoes by the five permanent members.", []),
    ("The 47-member Human Rights Council met in Geneva.", []),
])
def test_un_security_council_fact_pack(text: str, expected: list[str]) -> None:
    rules = [BUILTIN[i] for i in ("facts/unsc-members", "facts/unsc-permanent-members", "facts/unsc-votes")]
    doc = parse_document("a.txt", text)
    _claims, found = analyse_document(doc, rules)
    assert sorted(f.rule for f in found) == expected


def test_paraphrased_sentences_state_the_same_date() -> None:
    found = run(BUILTIN["dates/conflict"], {
        "a.txt": "Bettie Mae Page was born on April 22, 1923, in Nashville, Tennessee, to a poor family.",
        "b.txt": "Page was born to a poor family in Tennessee on April 22, 1923.",
        "c.txt": "Page was born to a poor family in Tennessee on April 19, 1923.",
    })
    assert [(f.path, f.location.excerpt) for f in found] == [("c.txt", "April 19, 1923")]


@pytest.mark.parametrize(("a", "b"), [
    # Spellings of one unit measure alike.
    ("Kicker Ryan Succop tied the game with a 47-yard field goal in the third quarter.",
     "Kicker Ryan Succop tied the game with a 42-yd field goal in the third quarter."),
    ("The quake hit inland at a depth of just 10 kilometres, the US Geological Survey said.",
     "The quake hit inland at a depth of just 12km, the US Geological Survey said."),
    ("AMD will pay $334 million in cash and stock for SeaMicro, the chip maker said.",
     "AMD will pay US$343 million in cash and stock for SeaMicro, the chip maker said."),
    # A counted noun in two plurals counts one thing.
    ("Police said 10 persons were killed when the bus overturned near the old bridge in Kandy on Sunday.",
     "Police said 12 people were killed when the bus overturned near the old bridge in Kandy on Sunday."),
    # A common noun and a name may be one subject.
    ("A 23-year-old man was charged with the murders of his mother and sister in Millom.",
     "A 32-year-old John Jenkin was charged with the murders of his mother and sister in Millom."),
    # One outlet says more of the same things: its counted words include the other's.
    ("Marine commandos seized a cache of weapons including seven AK-47 rifles and a grenade launcher.",
     "Marine commandos seized a cache of weapons including nine AK-47 assault rifles and a grenade launcher."),
])
def test_same_fact_with_the_unit_or_subject_written_differently(a: str, b: str) -> None:
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert len(found) == 1 and found[0].related


@pytest.mark.parametrize(("after", "severity"), [
    # The word after the figure in two inflections of one verb: alike windows.
    ("to become", "warning"),
    # Another word after it: only the sentences are alike (paraphrase_severity).
    ("and winning", "info"),
])
def test_the_word_after_a_figure_agrees_in_its_stem(after: str, severity: str) -> None:
    a = ("Drake lost to the Bluejays on Friday as Doug McDermott finished with 23 points, becoming the school's "
         "all-time scoring leader in Omaha.")
    b = (f"Drake lost to the Bluejays on Friday when Doug McDermott ended with 17 points {after} the school's "
         "all-time scoring leader in Omaha.")
    found = run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b})
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("b.txt", "17 points", severity)]


@pytest.mark.parametrize(("a", "b"), [
    ("A 15-year-old boy was shot by police in the Exarchia district of Athens on Saturday.",
     "A 16-year-old girl was shot by police in the Exarchia district of Athens on Saturday."),
    ("Police said 35-year-old Gary Gomes was arrested at a house in New Bedford on Tuesday.",
     "Police said 53-year-old Maria Santos was arrested at a house in New Bedford on Tuesday."),
    ("He finished his career with 2,301 career points for the team.",
     "He finished his career with 2,290 points for the team."),
    ("Luck threw for 205 yards in the win over Kansas City.",
     "Luck threw for 4,183 yards in the win over Kansas City."),
])
def test_different_measures_are_different_facts(a: str, b: str) -> None:
    assert run(BUILTIN["figures/conflict"], {"a.txt": a, "b.txt": b}) == []
