"""names/variant on stories (issue 27): the reference spelling comes from the same story first.

Multi-document cases pin the findings they expect (file, text, severity, and
the ``evidence`` path) so a change in which comparison produced a finding is a
test failure, not a silent shift.  Small corpora carry an unrelated article
(:data:`OTHER`) so that what the story's articles share is rarer than the
whole corpus, as it is in a real archive.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest

from factcheck.config import Config
from factcheck.documents import format_of, parse_document
from factcheck.engine import analyse_document, run_corpus_rules, scan
from factcheck.findings import Finding
from factcheck.report.json_format import finding_to_json
from factcheck.rules.kinds.name_clusters import style_key
from factcheck.rules.kinds.name_evidence import discussed_as_word, romanisation, transliteration
from factcheck.rules.loader import load_rules

NAMES = {r.id: r for r in load_rules([], include_builtin=True)}["names/variant"]
OTHER = "Apple unveiled a new iPhone in Cupertino, California, on Tuesday. Tim Cook said sales were strong."


def run(files: dict[str, str]) -> list[Finding]:
    docs, claims = [], {}
    for name in sorted(files):
        doc = parse_document(name, files[name], format_of(PurePosixPath(name)))  # .md: front matter pins
        cs, _ = analyse_document(doc, [NAMES])
        docs.append(doc)
        claims[name] = cs
    return sorted(run_corpus_rules([NAMES], docs, claims), key=lambda f: f.sort_key)


def pinned(found: list[Finding]) -> list[tuple[str, str, str, str | None, str]]:
    return [(f.path, f.location.excerpt, f.severity, f.suggestion, f.data["evidence"]["path"]) for f in found]


# --------------------------------------------------------------------------- letters and context

@pytest.mark.parametrize(("x", "y", "kind"), [
    ("heydar", "heidar", "strong"),      # y/i
    ("yunis", "younis", "strong"),       # u/ou
    ("khaled", "kaled", "strong"),       # kh/k
    ("hormuzgan", "hormozgan", "weak"),  # a single vowel: a slip too, unless shared
    ("dargehan", "dargahan", "weak"),
    ("long", "jong", None),              # a consonant: a slip, not a romanisation
    ("marin", "marion", None),           # a letter dropped
    ("eden", "eden", None),
])
def test_transliteration_is_a_rule_over_letters(x: str, y: str, kind: str | None) -> None:
    assert transliteration(x, y) == kind
    assert transliteration(y, x) == kind


@pytest.mark.parametrize(("text", "name", "about"), [
    ('His mother called him "Cincenzo," a diminutive of Vincente, and friends shortened it.', "Vincente", True),
    ("She was given the name Juana after her grandmother.", "Juana", True),
    ("Babak, meaning little father, is a common name.", "Babak", True),
    ("It is short for Alexandros.", "Alexandros", True),
    ("Vincente Lombardi won the title with Green Bay.", "Vincente Lombardi", False),
    ("The form of Anre Iguodala worried the coach.", "Anre Iguodala", False),
])
def test_a_name_discussed_as_a_word(text: str, name: str, about: bool) -> None:
    start = text.index(name)
    assert discussed_as_word(text, start, start + len(name)) is about


# --------------------------------------------------------------------------- the rule on stories

KOREA = {
    "a.txt": "North Korean leader Kim Jong Un met President Moon Jae-in in Panmunjom. Kim Jong Un left.",
    "b.txt": "Leader Kim Jong Un spoke with Moon Jae-in in Panmunjom on Monday.",
    "d.txt": OTHER,
}


def test_same_story_typo_is_an_error_with_its_evidence() -> None:
    found = run({**KOREA, "c.txt": "Moon Jae-in discussed leader Kim Long Un's attempts at Panmunjom."})
    assert pinned(found) == [("c.txt", "Kim Long Un", "error", "Kim Jong Un", "same-story typo")]
    evidence = found[0].data["evidence"]
    assert evidence["agreeing"] == ["a.txt", "b.txt"]
    assert evidence["story"] is not None
    assert finding_to_json(found[0])["evidence"] == evidence


def test_reference_only_in_another_story_is_never_an_error() -> None:
    found = run({
        "a.md": "---\nstory: election\n---\nPresident Gurbanguly Berdymukhamedov won in Ashgabat. "
                "Gurbanguly Berdymukhamedov thanked voters.",
        "b.md": "---\nstory: election\n---\nVoters re-elected Gurbanguly Berdymukhamedov in Ashgabat.",
        "c.md": "---\nstory: football\n---\nReal Madrid beat Barcelona; a banner praised Gurbanguly Berdymukhamdov.",
    })
    assert pinned(found) == [("c.md", "Gurbanguly Berdymukhamdov", "warning", "Gurbanguly Berdymukhamedov",
                              "corpus typo")]
    assert isinstance(found[0].data["evidence"]["story"], str)
    assert found[0].data["evidence"]["agreeing"] == ["a.md", "b.md"]


def test_a_lower_case_word_against_another_story_is_silent() -> None:
    """A differing word the corpus writes in lower case is that word, not a slip for a name
    only another story uses."""
    files = {
        "a.md": "---\nstory: summit\n---\nLeader Kim Jong Un met envoys. Kim Jong Un left.",
        "b.md": "---\nstory: summit\n---\nLeader Kim Jong Un spoke on Monday.",
        "c.md": "---\nstory: essay\n---\nThey discussed leader Kim Long Un's attempts.",
    }
    assert [f.severity for f in run(files)] == ["warning"]
    assert run({**files, "d.md": "---\nstory: essay\n---\nThe talks took a long time."}) == []


def test_two_people_of_one_story_are_not_a_misspelling() -> None:
    found = run({
        "a.txt": "Sheriff Rick Hanna said the fire in Oakdale started at night. Hanna said nobody was hurt.",
        "b.txt": "Sheriff Rick Hanna told reporters in Oakdale that the fire began overnight.",
        "c.txt": "Nick Hanna, a neighbour in Oakdale, said he woke to smoke as the fire began.",
        "d.txt": OTHER,
    })
    assert found == []


def test_a_name_repeated_beside_the_other_spelling_is_another_person() -> None:
    found = run({
        "a.txt": "Mayor Maria Lopez said the fire in Oakdale started at night. Maria Lopez said nobody was hurt.",
        "b.txt": "Mayor Maria Lopez told reporters in Oakdale that the fire began overnight.",
        "c.txt": "Mayor Maria Lopez thanked Mario Lopez, a firefighter in Oakdale. Mario Lopez carried a child out.",
        "d.txt": OTHER,
    })
    assert found == []


def test_a_slip_beside_the_right_spelling_in_its_own_article_is_still_a_typo() -> None:
    """The two-people signal needs the rare spelling repeated: one slip beside the right
    spelling is the classic typo."""
    found = run({
        "a.txt": "Mayor Maria Lopez said the fire in Oakdale started at night. Maria Lopez said nobody was hurt.",
        "b.txt": "Mayor Maria Lopez told reporters in Oakdale that the fire began overnight.",
        "c.txt": "Mayor Maria Lopez visited Oakdale after the fire. Later Marria Lopez thanked the crews.",
        "d.txt": OTHER,
    })
    assert [(f.path, f.location.excerpt) for f in found] == [("c.txt", "Marria Lopez")]


GAZA = {
    "a.txt": "Israeli strikes hit Khan Younis in southern Gaza on Sunday. Khan Younis residents fled to Rafah.",
    "b.txt": "Residents of Khan Younis fled toward Rafah after the strikes in Gaza.",
    "d.txt": OTHER,
}


def test_transliteration_is_info() -> None:
    found = run({**GAZA, "c.txt": "In Khan Yunis, near Rafah in Gaza, families fled the strikes."})
    assert pinned(found) == [("c.txt", "Khan Yunis", "info", "Khan Younis", "transliteration")]


def test_a_single_vowel_beside_the_other_spelling_in_its_own_article_is_a_slip() -> None:
    # Issue 27: a romanisation is a writer's system, kept through the article; "Khan Yonis" in an
    # article that also writes "Khan Younis" is a slip (a lone "Khan Yonis" is now info: see below).
    one = run({**GAZA, "c.txt": "In Khan Yonis, near Rafah in Gaza, families fled. Khan Younis was shelled."})
    assert [(f.location.excerpt, f.severity) for f in one] != [] and all(f.severity != "info" for f in one)
    assert all(f.data["evidence"]["path"] == "same-story typo" for f in one)


# Invented names of one story about a flood in a (made-up) Persian-speaking province.
FLOOD = {
    "a.txt": "Floods hit the village of Qaradahan in Sarvestan province, governor Gurbanazar Teymouri said. "
             "Qaradahan was cut off. Gurbanazar Teymouri sent boats.",
    "b.txt": "Governor Gurbanazar Teymouri said Qaradahan and nearby Sarvestan villages were flooded.",
    "d.txt": OTHER,
}


@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("Rescuers reached Qaradehan in Sarvestan province after the floods.", "Qaradehan", "Qaradahan"),  # e/a
    ("Rescuers reached Qaraduhan in Sarvestan province after the floods.", "Qaraduhan", "Qaradahan"),  # a/u
    ("Governor Kurbanazar Teymouri said Sarvestan was flooded.", "Kurbanazar Teymouri",  # k/g
     "Gurbanazar Teymouri"),
])
def test_a_foreign_name_in_another_romanisation_is_info(text: str, excerpt: str, suggestion: str) -> None:
    found = run({**FLOOD, "c.txt": text})
    assert pinned(found) == [("c.txt", excerpt, "info", suggestion, "transliteration")]


@pytest.mark.parametrize(("text", "excerpt"), [
    # the article writes the story's spelling too: a slip, not a system
    ("Rescuers reached Qaradehan in Sarvestan province. Qaradahan was flooded.", "Qaradehan"),
    # a doubled letter alone is the commonest slip of all
    ("Rescuers reached Qaraddahan in Sarvestan province after the floods.", "Qaraddahan"),
    # another consonant, or a vowel slot dropped, is no romanisation
    ("Rescuers reached Qaralahan in Sarvestan province after the floods.", "Qaralahan"),
    ("Rescuers reached Qardahan in Sarvestan province after the floods.", "Qardahan"),
])
def test_a_slip_in_a_foreign_name_is_still_a_typo(text: str, excerpt: str) -> None:
    found = run({**FLOOD, "c.txt": text})
    assert [(f.location.excerpt, f.severity != "info") for f in found] == [(excerpt, True)]


@pytest.mark.parametrize(("text", "excerpt"), [
    # two neighbouring letters swapped: romanisations choose letters, they do not reorder them
    ("Governor Gurbanazar Teymuori said Sarvestan was flooded.", "Gurbanazar Teymuori"),
    # a consonant struck where the story writes a vowel ("h" for "o"): the frame would read the
    # "h" as a sound marker, but no romanisation writes a consonant for a vowel
    ("Governor Gurbanazar Teymhuri said Sarvestan was flooded.", "Gurbanazar Teymhuri"),
])
def test_a_swap_or_a_vowel_struck_as_a_consonant_is_a_slip(text: str, excerpt: str) -> None:
    found = run({**FLOOD, "c.txt": text})
    assert [(f.location.excerpt, f.severity != "info") for f in found] == [(excerpt, True)]


def test_romanisation_is_no_slip_of_one_key() -> None:
    assert romanisation("salahuddin", "salahaddin") and romanisation("jabalya", "jabalia")
    assert not romanisation("baeumont", "beaumont")  # swapped
    assert not romanisation("desiawn", "deshawn")  # h struck as i
    assert not romanisation("ssisse", "suisse")  # u struck as s


def test_a_short_one_word_name_written_once_is_a_slip_of_its_storys_name() -> None:
    """A five-letter word gets the slip rule when its spelling is written once in the corpus and
    its story writes the other: another real name would be used again."""
    story = {"a.txt": "Floods hit Idaho towns on Monday. Idaho police closed the roads near Boise.",
             "b.txt": "Idaho officials said the floods near Boise were the worst in years.",
             "d.txt": OTHER}
    found = run({**story, "c.txt": "The floods near Boise forced Iaho officials to close roads."})
    assert [(f.location.excerpt, f.severity) for f in found] == [("Iaho", "warning")]
    twice = run({**story, "c.txt": "The floods near Boise forced Iaho officials out. Iaho towns flooded."})
    assert twice == []  # a spelling its article repeats may be another name: the old rule holds


def test_a_surname_has_no_british_spelling() -> None:
    """An -re/-er swap is a house style only for a word of the language ("Centre"/"Center");
    in a surname it is a slip for the typo check, not a style variant that hides it."""
    story = {"a.txt": "Police said Yvonne Hiller shot two workers in Tulsa. Hiller was arrested.",
             "b.txt": "Yvonne Hiller was charged in Tulsa on Friday. Hiller said nothing.", "d.txt": OTHER}
    found = run({**story, "c.txt": "In Tulsa, police said Hillre had worked at the plant."})
    assert [(f.location.excerpt, f.severity != "info") for f in found] == [("Hillre", True)]
    assert style_key("Lincoln Centre") == style_key("Lincoln Center")
    assert style_key("Hillre") != style_key("Hiller")


def test_a_vowel_in_an_english_word_or_given_name_is_a_slip() -> None:
    """Only names the corpus shows as foreign get the looser rule: "Advisers" is a word the corpus
    writes in lower case, and "Robin" a given name, so each stays a misspelling."""
    firm = {"a.txt": "Analyst Ann Dole of Carver Advisors in Tulsa said oil fell. Carver Advisors agreed.",
            "b.txt": "Carver Advisors in Tulsa said oil prices fell.", "d.txt": OTHER + " Our advisers agreed."}
    found = run({**firm, "c.txt": "Carver Advisers in Tulsa said oil prices fell on Monday."})
    assert [(f.location.excerpt, f.severity) for f in found] == [("Carver Advisers", "warning")]
    people = {"a.txt": "Victim Robyn Calloway was found in Tulsa. Robyn Calloway was 34.",
              "b.txt": "Police in Tulsa named the victim as Robyn Calloway.", "d.txt": OTHER}
    found = run({**people, "c.txt": "Police in Tulsa said Robin Calloway was found dead."})
    assert [(f.location.excerpt, f.data["evidence"]["path"]) for f in found] == [
        ("Robin Calloway", "same-story typo")]


def test_another_storys_name_whose_only_distinctive_word_differs_is_silent() -> None:
    """Corpus-wide evidence is weak: "Marin County" shares only "County" with another story's
    "Marion County", so it is another place, not a slip."""
    files = {
        "a.md": "---\nstory: fire\n---\nFire crews in Marion County fought the blaze. Marion County closed roads.",
        "b.md": "---\nstory: fire\n---\nMarion County officials said the fire spread.",
        "c.md": "---\nstory: quake\n---\nThe quake was felt in Santa Rosa and Marin County on Monday.",
        "d.md": "---\nstory: quake\n---\nThe county said the quake damaged roads in Santa Rosa.",
    }
    assert run(files) == []


def test_a_name_discussed_as_a_word_is_not_flagged() -> None:
    files = {
        "a.txt": "Coach Vincent Lombardi led Green Bay to the title. Vincent Lombardi retired in 1968.",
        "b.txt": "Vincent Lombardi coached the Green Bay Packers to the title.",
        "d.txt": OTHER,
    }
    about = run({**files, "c.txt": "In Green Bay, his mother called Lombardi Vinnie, a diminutive of "
                                   "Vincente Lombardi, after the title."})
    naming = run({**files, "c.txt": "In Green Bay, his mother called Lombardi Vinnie, and Vincente Lombardi "
                                    "won the title."})
    assert about == []
    assert [f.location.excerpt for f in naming] == ["Vincente Lombardi"]


def test_transliteration_severity_is_an_option() -> None:
    from factcheck.rules.loader import parse_rule
    from factcheck.rules.yamlsrc import load_yaml_text

    raw = load_yaml_text("id: house/names\ntype: name-variants\nseverity: error\n"
                         "message: \"'{match}' vs '{suggestion}'\"\ntranslit_severity: ignore\n", "inline.yaml")[0]
    rule = parse_rule(raw, "inline.yaml", 1)
    docs, claims = [], {}
    for name, text in sorted({**GAZA, "c.txt": "In Khan Yunis, near Rafah in Gaza, families fled."}.items()):
        doc = parse_document(name, text)
        claims[name], _ = analyse_document(doc, [rule])
        docs.append(doc)
    assert run_corpus_rules([rule], docs, claims) == []


# --------------------------------------------------------------------------- ECB+

def test_ecbplus_names_against_other_stories_are_gone(ecbplus_dir: Path) -> None:
    """Measured false warnings of issue 27 (a name against an unrelated entity in another story,
    a name discussed as a word) are gone; the transliteration is info; only misspellings
    against their own story's spelling are errors."""
    report = scan([ecbplus_dir], Config(select=("names/variant",)))
    got = {(Path(f.path).name, f.location.excerpt): f for f in report.findings}
    for name, text in [("38_11ecbplus.txt", "Woodland"), ("44_3ecb.txt", "Rick Hanna"),
                       ("26_1ecbplus.txt", "Vincente")]:
        assert (name, text) not in got
    # Another story's "Marion County" shares only "County" with "Marin County": another place.
    assert ("38_8ecbplus.txt", "Marin County") not in got
    assert got[("41_1ecb.txt", "Khan Yunis")].severity == "info"
    # Romanisations of foreign names are info; slips in the same stories stay warnings.
    for name, text in [("12_1ecb.txt", "Salahuddin"), ("41_9ecb.txt", "Jabalya"), ("37_7ecbplus.txt", "Bireuen"),
                       ("11_2ecb.txt", "Gurbanguly Berdymukhamedov"), ("20_2ecbplus.txt", "Hormuzgan")]:
        assert got[(name, text)].severity == "info", (name, text)
    for name, text in [("12_16ecb.txt", "Salaluddin"), ("10_17ecbplus.txt", "Teixiera"), ("4_3ecb.txt", "Heffner"),
                       ("13_14ecbplus.txt", "Olsen"), ("32_4ecb.txt", "Robin Mendes"),
                       ("23_4ecbplus.txt", "Duncan Raite")]:
        assert got[(name, text)].severity in ("warning", "error"), (name, text)
    assert got[("5_7ecb.txt", "Anre Iguodala")].severity == "error"
    assert json.dumps(got[("5_7ecb.txt", "Anre Iguodala")].data["evidence"])  # JSON-safe
    assert sum(f.severity == "error" and f.data["evidence"]["path"] != "same-story typo"
               for f in report.findings) == 0


def test_a_spelling_more_of_its_story_writes_is_not_a_slip() -> None:
    """Two articles of a story write "Titter" (a magazine), one writes "Twitter", which other
    stories use often: within its story the rare-looking spelling is the commoner one."""
    page = "---\nstory: page\n---\n"
    swift = "---\nstory: swift\n---\nFans of Taylor Swift on Twitter cheered. Twitter users agreed. Twitter said so."
    files = {
        "a.md": page + "Bettie Page modelled for Titter in Hollywood, Bettie Page said.",
        "b.md": page + "Bettie Page appeared in Titter and Wink in Hollywood.",
        "c.md": page + "Fans of Bettie Page in Hollywood mourned on Twitter.",
        "e.md": swift,
        "f.md": swift.replace("cheered", "sang"),
    }
    assert run(files) == []
    # One article writing "Titter" against its story's "Twitter" is still a slip.
    once = run({**files, "b.md": page + "Bettie Page appeared in Wink in Hollywood. Fans wrote on Twitter."})
    assert [(f.path, f.location.excerpt, f.severity) for f in once] == [("a.md", "Titter", "warning")]
