"""Tests for the numeric claim extractor (factcheck.claims.numbers).

Seed articles pin the claims the consistency rules rely on; unit tests cover
each surface form and each exclusion; hypothesis properties check the
contract every extractor must keep (never raises, exact spans, sorted and
deterministic output) and that numbers round-trip through the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import EXTRACTORS, Claim
from factcheck.claims.numbers import extract, parse_number, singular, spell_number
from factcheck.documents import Document, load_document, parse_document

# --------------------------------------------------------------------------- helpers


def doc_of(text: str) -> Document:
    return parse_document("t.txt", text)


def claims(text: str, kind: str | None = None) -> list[Claim]:
    return [c for c in extract(doc_of(text)) if kind is None or c.kind == kind]


def one(text: str, kind: str) -> Claim:
    found = claims(text, kind)
    assert len(found) == 1, f"expected one {kind} in {text!r}, got {[(c.text, c.value) for c in found]}"
    return found[0]


def seed(seeds_dir: Path, prefix: str) -> list[Claim]:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return list(extract(load_document(path)[0]))


def find(cs: list[Claim], kind: str, text: str) -> Claim:
    hits = [c for c in cs if c.kind == kind and c.text == text]
    assert len(hits) >= 1, f"no {kind} {text!r} in {[(c.kind, c.text) for c in cs]}"
    return hits[0]


def check_contract(doc: Document) -> list[Claim]:
    """The invariants every run must keep; returns the claims for further checks."""
    first = list(extract(doc))
    assert first == list(extract(doc))  # deterministic
    keys = [c.sort_key for c in first]
    assert keys == sorted(keys)
    assert len({(c.kind, c.start, c.end) for c in first}) == len(first)
    for c in first:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.text
        json.dumps([c.value, c.unit, c.qualifier, dict(c.attrs)])
    return first


# --------------------------------------------------------------------------- seeds


def test_registered() -> None:
    assert EXTRACTORS["numbers"] is extract


def test_seed_000_votes_council_rounds(seeds_dir: Path) -> None:
    cs = seed(seeds_dir, "000")
    vote = find(cs, "vote", "nine votes in favor and no vetoes")
    assert (vote.value, vote.unit) == (9, "vote")
    assert vote.get("in_favor") == 9 and vote.get("vetoes") == 0 and vote.get("threshold") is True
    council = find(cs, "quantity", "15-member")
    assert (council.value, council.unit, council.get("subject")) == (15, "member", "Security Council")
    rounds = [c for c in cs if c.kind == "ordinal" and c.text == "second round"]
    assert len(rounds) == 2 and all(c.value == 2 and c.unit == "round" for c in rounds)
    money = find(cs, "quantity", "hundreds of millions of dollars")
    assert money.unit == "USD" and money.get("approximate") is True
    assert (money.value, money.get("low"), money.get("high")) == (200_000_000, 200_000_000, 999_999_999)
    # years, the date line and the URL identifiers are not quantities
    texts = {c.text for c in cs}
    assert not texts & {"2006", "2016", "2017", "2019", "30", "a68775", "68775"}
    assert not any(c.kind == "count" and "nine" in c.text for c in cs)


def test_seed_001_six_party_enumeration(seeds_dir: Path) -> None:
    cs = seed(seeds_dir, "001")
    (enum,) = [c for c in cs if c.kind == "enumeration"]
    assert enum.value == 6 and enum.get("stated") == 6 and enum.get("item_count") == 6
    assert enum.get("items") == ["Russia", "North Korea", "South Korea", "the US", "China", "Japan"]
    assert enum.text.startswith("six-party talks between") and enum.text.endswith("China and Japan")
    party = find(cs, "quantity", "six-party")
    assert (party.value, party.unit, party.get("subject")) == (6, "party", "talks")
    # "10th February, 2020" and "2020-02-10" are dates
    assert not any(c.kind == "ordinal" for c in cs)
    assert not any("2020" in c.text for c in cs)


def test_seed_002_counts_ordinals_quantities(seeds_dir: Path) -> None:
    cs = seed(seeds_dir, "002")
    oil = find(cs, "quantity", "500,000 barrels")
    assert (oil.value, oil.unit, oil.get("subject"), oil.get("dimension")) == (500_000, "barrel", "oil", "volume")
    tests = find(cs, "count", "six nuclear tests")
    assert (tests.value, tests.unit, tests.get("noun")) == (6, "test", "nuclear tests")
    res = find(cs, "count", "three sanctions resolutions")
    assert (res.value, res.unit) == (3, "resolution")
    visit = find(cs, "ordinal", "fourth visit")
    assert (visit.value, visit.unit) == (4, "visit")
    summit = find(cs, "ordinal", "first-ever summit")
    assert (summit.value, summit.unit, summit.get("ever")) == (1, "summit", True)
    assert find(cs, "count", "two countries").value == 2
    laborers = find(cs, "quantity", "tens of thousands of North Korean laborers")
    assert laborers.get("approximate") is True and laborers.unit == "laborer"
    assert (laborers.value, laborers.get("low"), laborers.get("high")) == (20_000, 20_000, 99_999)
    # "one of the world's most repressive leaders" is not a number claim
    assert not any(c.text.lower().startswith("one") for c in cs)


def test_seed_003_council(seeds_dir: Path) -> None:
    cs = seed(seeds_dir, "003")
    council = find(cs, "quantity", "15-member")
    assert (council.value, council.unit, council.get("subject")) == (15, "member", "council")
    assert find(cs, "ordinal", "second summit").value == 2
    assert not any("2006" in c.text for c in cs)


def test_seeds_keep_the_contract(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        check_contract(load_document(path)[0])


def test_ecbplus_smoke(ecbplus_dir: Path) -> None:
    """The shared corpus: contract holds on every file, and no claim comes from a URL."""
    for path in sorted(ecbplus_dir.glob("**/*.txt"))[::7]:
        doc = load_document(path)[0]
        for c in check_contract(doc):
            assert "http" not in c.text and "www." not in c.text


# --------------------------------------------------------------------------- quantities


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("They shipped 500,000 barrels.", "500,000 barrels", 500_000, "barrel"),
    ("It weighs 1.5 tonnes.", "1.5 tonnes", 1.5, "tonne"),
    ("The city has 4 million people.", "4 million people", 4_000_000, "person"),
    ("It raised $2 billion last year.", "$2 billion", 2_000_000_000, "USD"),
    ("It raised 2 billion dollars.", "2 billion dollars", 2_000_000_000, "USD"),
    ("It raised €5m.", "€5m", 5_000_000, "EUR"),
    ("Turnout was 90 percent.", "90 percent", 90, "percent"),
    ("Turnout was 30%.", "30%", 30, "percent"),
    ("Rates rose 3 percentage points.", "3 percentage points", 3, "percentage point"),
    ("The road is 40 km long.", "40 km", 40, "kilometer"),
    ("It lasted six years.", "six years", 6, "year"),
    ("It was ninety percent done.", "ninety percent", 90, "percent"),
    ("A force of 12,000 troops arrived.", "12,000 troops", 12_000, "troop"),
    # Mixed numbers: a fraction after the digits, written out or as one character.
    ("He served 4 1/2 months in prison.", "4 1/2 months", 4.5, "month"),
    ("He served 4½ months in prison.", "4½ months", 4.5, "month"),
    ("He scored in the first 7 ½ minutes.", "7 ½ minutes", 7.5, "minute"),
    ("The talks lasted 2 3/4 hours.", "2 3/4 hours", 2.75, "hour"),
])
def test_quantity_forms(text: str, span: str, value: float, unit: str) -> None:
    c = one(text, "quantity")
    assert (c.text, c.value, c.unit) == (span, value, unit)
    assert type(c.value) is type(value)


@pytest.mark.parametrize(("text", "quantities"), [
    ("He served 41 / 2 months in prison.", []),  # "4½" broken by a converter: not two months
    ("It runs 24/7 for 365 days.", ["365 days"]),
    ("The shares split 4 3/2 ways.", []),  # not a proper fraction: not a mixed number
])
def test_a_number_after_a_slash_is_not_a_quantity_of_its_own(text: str, quantities: list[str]) -> None:
    assert [c.text for c in extract(doc_of(text)) if c.kind == "quantity"] == quantities


def test_four_million_alone_is_a_quantity() -> None:
    c = one("Some 4 million watched.", "quantity")
    assert (c.value, c.unit, c.qualifier, c.text) == (4_000_000, None, "some", "Some 4 million")


def test_money_dimension() -> None:
    c = one("The deal is worth $2 billion in aid.", "quantity")
    assert c.get("dimension") == "money" and c.get("subject") == "aid"


@pytest.mark.parametrize(("text", "span", "value", "unit", "subject"), [
    ("the 15-member council met", "15-member", 15, "member", "council"),
    ("a 90-day ceasefire", "90-day", 90, "day", "ceasefire"),
    ("a 32-year-old man", "32-year-old", 32, "year", "man"),
    ("the six-party talks stalled", "six-party", 6, "party", "talks"),
    ("a twenty-five-member panel", "twenty-five-member", 25, "member", "panel"),
    # A participle after the noun is not part of it: it takes an object, a noun in -ing does not.
    ("a 50-year career spanning the era of the old-time gangsters", "50-year", 50, "year", "career"),
    ("a 6-foot man carrying a backpack", "6-foot", 6, "foot", "man"),
    ("the 12-story apartment building in Brooklyn", "12-story", 12, "story", "apartment building"),
    # Nor is an adverb or a preposition after it; a noun in -ly is.
    ("the 55-year-old sect leader sexually assaulted girls", "55-year-old", 55, "year", "sect leader"),
    ("her 11-year-old daughter outside was hurt", "11-year-old", 11, "year", "daughter"),
    ("a 40-year-old family friend came", "40-year-old", 40, "year", "family friend"),
    ("a 40-year-old heavily armed man", "40-year-old", 40, "year", "heavily armed man"),
    # Nor a verb taking an object after a name; a noun a name qualifies is part of it.
    ("police said 26-year-old Christopher Simpson shot her", "26-year-old", 26, "year", "Christopher Simpson"),
    ("a 31-year-old Brooklyn mom was hurt", "31-year-old", 31, "year", "Brooklyn mom"),
    ("35-year-old Gomes faces two counts of murder", "35-year-old", 35, "year", "Gomes"),
    ("a 30-year-old retired teacher", "30-year-old", 30, "year", "retired teacher"),
])
def test_hyphenated_modifiers(text: str, span: str, value: int, unit: str, subject: str) -> None:
    c = one(text, "quantity")
    assert (c.text, c.value, c.unit, c.get("subject"), c.get("hyphenated")) == (span, value, unit, subject, True)


@pytest.mark.parametrize("text", [
    "The 23-year-old finished his third season with the franchise.",
    "Riot over death: 16-year-old shot by cops did not have a gun.",
    "The protest over the death of an armed 16-year-old turned into a riot.",
])
def test_a_verb_after_a_modifier_used_as_a_noun_is_not_its_subject(text: str) -> None:
    c = one(text, "quantity")
    assert c.get("age") is True and c.get("subject") is None


def test_age_flag() -> None:
    assert one("a 32-year-old man", "quantity").get("age") is True
    assert one("He is 16 years old.", "quantity").get("age") is True
    assert one("a 90-day ceasefire", "quantity").get("age") is None


def test_hyphenated_idioms_are_not_quantities() -> None:
    assert claims("a two-thirds share, a one-time deal, one-on-one talks, a zero-day bug, 50-odd men",
                  "quantity") == []


@pytest.mark.parametrize(("text", "span", "value", "unit", "noun"), [
    ("The ship carried twenty-five containers.", "twenty-five containers", 25, "container", "containers"),
    ("He sent a dozen crates.", "a dozen crates", 12, "crate", "crates"),
    ("There were two dozen guards.", "two dozen guards", 24, "guard", "guards"),
    ("It conducted six nuclear tests.", "six nuclear tests", 6, "test", "nuclear tests"),
    ("Two countries objected.", "Two countries", 2, "country", "countries"),
    ("Nine hundred and ninety-nine people came.", "Nine hundred and ninety-nine people", 999, "person",
     "people"),
])
def test_counts(text: str, span: str, value: int, unit: str, noun: str) -> None:
    c = one(text, "count")
    assert (c.text, c.value, c.unit, c.get("noun")) == (span, value, unit, noun)


def test_count_versus_quantity_rule() -> None:
    assert one("It deployed 999 troops.", "count").value == 999
    assert one("It deployed 1,000 troops.", "quantity").unit == "troop"  # >= 1000: rounded, a quantity
    assert one("It deployed 2 million troops.", "quantity").value == 2_000_000  # scale word
    assert one("It deployed 5 tonnes.", "quantity").unit == "tonne"  # a unit, not a counted noun
    assert claims("Two officers suffered minor injuries.", "count")[0].text == "Two officers"


@pytest.mark.parametrize("qualifier", ["about", "more than", "at least", "nearly", "almost", "up to", "over",
                                       "some", "roughly", "fewer than", "less than"])
def test_qualifiers(qualifier: str) -> None:
    c = one(f"Officials said {qualifier} 500 soldiers died.", "count")
    assert c.qualifier == qualifier and c.value == 500
    assert c.text == f"{qualifier} 500 soldiers"
    q = one(f"{qualifier.capitalize()}  $3 million was paid.".replace("  ", " "), "quantity")
    assert q.qualifier == qualifier and q.value == 3_000_000


@pytest.mark.parametrize(("text", "span", "per"), [
    ("It imports 500,000 barrels a year.", "500,000 barrels a year", "year"),
    ("It imports 500,000 barrels of oil a year.", "500,000 barrels of oil a year", "year"),
    ("Crude costs $60 a barrel.", "$60 a barrel", "barrel"),
    ("It pumps 2 million barrels per day.", "2 million barrels per day", "day"),
    ("They earn 300 dollars annually.", "300 dollars annually", "year"),
])
def test_rates_are_one_claim(text: str, span: str, per: str) -> None:
    (c,) = claims(text)
    assert (c.kind, c.text, c.get("per")) == ("quantity", span, per)


def test_a_day_after_is_not_a_rate() -> None:
    c = one("They fired 40 rockets a day after the truce.", "count")
    assert c.text == "40 rockets" and c.get("per") is None


@pytest.mark.parametrize(("text", "span", "low", "high", "unit"), [
    ("Between 10 and 20 people were hurt.", "Between 10 and 20 people", 10, 20, "person"),
    ("It takes 5 to 10 years.", "5 to 10 years", 5, 10, "year"),
    ("It takes two or three days.", "two or three days", 2, 3, "day"),
    ("A 10-20 km walk.", "10-20 km", 10, 20, "kilometer"),
    ("It costs $2-3 million.", "$2-3 million", 2_000_000, 3_000_000, "USD"),
    ("Dozens of people fled.", "Dozens of people", 24, None, "person"),
    ("Hundreds were arrested.", "Hundreds", 200, 999, None),
    ("Several hundred troops left.", "Several hundred troops", 300, 999, "troop"),
    ("Tens of thousands marched.", "Tens of thousands", 20_000, 99_999, None),
    ("Sentences ranging from 7 to 75 years.", "7 to 75 years", 7, 75, "year"),
])
def test_ranges(text: str, span: str, low: int, high: int | None, unit: str | None) -> None:
    c = one(text, "quantity")
    assert (c.text, c.value, c.get("low"), c.get("high"), c.unit) == (span, low, low, high, unit)
    assert c.get("approximate") is True


def test_between_is_the_qualifier() -> None:
    assert one("between 10 and 20 people", "quantity").qualifier == "between"


def test_from_to_is_a_change_not_a_range() -> None:
    # issue 29: the start of the change is a figure too, the previous level, in the end's unit
    start, end = claims("Prices rose from 10 to 20 percent.")
    assert (end.text, end.value, end.get("low")) == ("20 percent", 20, None)
    assert (start.text, start.value, start.unit, start.get("low")) == ("10", 10, "percent", None)
    assert start.change is not None and start.change.role == "previous"
    assert end.change is not None and (end.change.role, end.change.direction) == ("level", "up")


# --------------------------------------------------------------------------- ordinals


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("his fourth visit to Pyongyang", "fourth visit", 4, "visit"),
    ("a second round of talks", "second round", 2, "round"),
    ("the first-ever summit", "first-ever summit", 1, "summit"),
    ("the 21st century", "21st century", 21, "century"),
    ("his 2nd term", "2nd term", 2, "term"),
    ("the twenty-first session", "twenty-first session", 21, "session"),
    ("the second-largest economy", "second-largest economy", 2, "economy"),
    ("a first-round loss", "first-round", 1, "round"),
    ("for the fourth time this year", "fourth time", 4, "time"),
    ("he finished 117th", "117th", 117, None),
])
def test_ordinals(text: str, span: str, value: int, unit: str | None) -> None:
    c = one(text, "ordinal")
    assert (c.text, c.value, c.unit) == (span, value, unit)


@pytest.mark.parametrize("text", [
    "At first, he refused.", "Be the first to comment.", "It was first reported by AP.",
    "on 10th February, 2020", "on the 10th of February", "on February 10th", "Dec. 7th",
    "a first-hand account", "a second-hand car", "the 2th place", "on the 30th",
])
def test_not_ordinals(text: str) -> None:
    assert claims(text, "ordinal") == []


# --------------------------------------------------------------------------- votes


def test_vote_threshold() -> None:
    c = one("A resolution needs nine votes in favor and no vetoes by the five powers.", "vote")
    assert (c.text, c.value, c.unit) == ("nine votes in favor and no vetoes", 9, "vote")
    assert (c.get("in_favor"), c.get("vetoes"), c.get("threshold")) == (9, 0, True)
    q = one("It requires at least nine votes.", "vote")
    assert (q.qualifier, q.text, q.get("threshold")) == ("at least", "at least nine votes", True)


@pytest.mark.parametrize(("text", "span", "in_favor", "against", "abstentions"), [
    ("The text passed 13-0 with two abstentions.", "13-0 with two abstentions", 13, 0, 2),
    ("It was adopted by a vote of 12 to 2.", "12 to 2", 12, 2, None),
    ("The council voted 12-0-3.", "12-0-3", 12, 0, 3),
    ("Jurors deadlocked with nine in favor and three against.", "nine in favor and three against", 9, 3, None),
    ("The court ruled in a 5-4 decision.", "5-4 decision", 5, 4, None),
    ("They voted nine to three, with two members abstaining.",
     "nine to three, with two members abstaining", 9, 3, 2),
])
def test_vote_tallies(text: str, span: str, in_favor: int, against: int, abstentions: int | None) -> None:
    c = one(text, "vote")
    assert (c.text, c.value) == (span, in_favor)
    assert (c.get("in_favor"), c.get("against"), c.get("abstentions")) == (in_favor, against, abstentions)
    assert claims(text, "count") == [] or all("abstention" not in x.text for x in claims(text, "count"))


def test_majority_and_plain_votes() -> None:
    m = one("It needs a two-thirds majority.", "vote")
    assert (m.text, m.value, m.get("majority")) == ("two-thirds majority", "2/3", "2/3")
    v = one("The bill got 151 votes.", "vote")
    assert (v.value, v.get("votes")) == (151, 151)
    assert claims("The bill got 151 votes.", "count") == []


def test_sports_scores_are_not_votes() -> None:
    assert claims("The Lakers won 3-1 on Sunday.") == []


# --------------------------------------------------------------------------- enumerations


def test_enumeration_colon() -> None:
    c = one("The talks involved three countries: Japan, China and South Korea.", "enumeration")
    assert c.text == "three countries: Japan, China and South Korea"
    assert (c.value, c.get("items"), c.get("item_count")) == (3, ["Japan", "China", "South Korea"], 3)
    assert c.get("partial") is False


def test_enumeration_parenthesis() -> None:
    c = one("The five permanent members (the US, Russia, China, Britain and France) can veto.", "enumeration")
    assert c.get("items") == ["the US", "Russia", "China", "Britain", "France"]
    assert c.text.endswith("Britain and France") and c.get("stated") == 5


def test_enumeration_count_mismatch_is_reported() -> None:
    c = one("It named four countries: Iran, Iraq and Syria.", "enumeration")
    assert (c.get("stated"), c.get("item_count")) == (4, 3)


def test_enumeration_partial_and_lowercase() -> None:
    c = one("It sells 15 languages including Korean, Italian and Cantonese.", "enumeration")
    assert c.get("partial") is True and c.get("item_count") == 3
    low = one("Farmers grow three crops: wheat, barley and rice every year.", "enumeration")
    assert low.get("items") == ["wheat", "barley", "rice"]


@pytest.mark.parametrize("text", [
    "three undersea cables between Italy and Egypt",
    "three outboard motors (used to power dinghies or inflatable rafts)",
    "the United States, France and Britain said",
])
def test_not_enumerations(text: str) -> None:
    assert claims(text, "enumeration") == []


# --------------------------------------------------------------------------- exclusions


@pytest.mark.parametrize("text", [
    "Sanctions were imposed in 2016 and 2017.",
    "It has been under sanctions since 2006.",
    "The 2008-09 season was poor.",
    "It happened in the 1990s and the '90s.",
    "They met on December 30, 2019.",
    "They met on 30 December.",
    "They met on Dec. 30 at 9:30.",
    "They met at 9 a.m. on Monday.",
    "See https://www.themoscowtimes.com/2019/12/30/russia-china-a68775 for more.",
    "<https://example.com/2019/12/30/x-a68775>",
    "Write to press2019@example.com today.",
    "Call 555-1234 or (212) 555-1234.",
    "No one came. One of the world's richest men. They love one another. The one who won.",
    "Resolution 2397 sanctions were tightened by the Apollo 11 crew.",
    "The Resolution 2397 sanctions and Flight 370 passengers.",
    "The Big Three automakers and Ocean's Eleven.",
    "F-16 jets, COVID-19 cases, G20 leaders, 5G networks, 24/7 news, 9/11 victims.",
    "Kim said the No. 5 item matters.",  # "Kim, 37," is an age since issue 29 (test_context_figures.py)
    "The GeForce 9400M and the 802.11b radio.",
    "Officers responded to 911 calls.",
    "",
])
def test_exclusions(text: str) -> None:
    assert claims(text) == []


def test_numbers_inside_words_do_not_match() -> None:
    assert claims("ID a68775 and x500 and 500x barrels") == []


# --------------------------------------------------------------------------- parse / spell


@pytest.mark.parametrize(("text", "value"), [
    ("nine hundred and ninety-nine thousand, nine hundred ninety-nine", 999_999),
    ("500,000", 500_000),
    ("1.5", 1.5),
    ("4 million", 4_000_000),
    ("2.5 billion", 2_500_000_000),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("a hundred and five", 105),
    ("a dozen", 12),
    ("half a dozen", 6),
    ("zero", 0),
    ("one million two hundred thousand five", 1_200_005),
    ("  42  ", 42),
])
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", ["", "two three", "one thousand and two thousand", "1,00", "barrels", "a",
                                  "hundred", "12abc", "nine,"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_spell_number() -> None:
    assert spell_number(0) == "zero"
    assert spell_number(21) == "twenty-one"
    assert spell_number(999_999) == "nine hundred ninety-nine thousand nine hundred ninety-nine"
    assert spell_number(1_000_001) == "one million one"
    with pytest.raises(ValueError):
        spell_number(-1)


@pytest.mark.parametrize(("plural", "single"), [
    ("resolutions", "resolution"), ("countries", "country"), ("people", "person"), ("vetoes", "veto"),
    ("churches", "church"), ("cases", "case"), ("crises", "crisis"), ("status", "status"), ("talks", "talk"),
])
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


# --------------------------------------------------------------------------- properties

FRAGMENTS = [
    "1", "15", "500,000", "1.5", "2016", "2008-09", "13-0", "9:30", "$", "US$", "€", "%", "4 million",
    "nine", "twenty-five", "a dozen", "half a dozen", "tens of thousands", "hundreds of millions of",
    "dozens", "one", "no one", "first", "fourth", "-ever", "21st", "2th", "-member", "-year-old", "barrels",
    "of oil", "a year", "per day", "percent", "votes", "in favor", "and no vetoes", "needs", "passed",
    "with two abstentions", "between", "and", "or", "to", "-", ",", ":", "(", ")", "countries", "Russia",
    "China", "the US", "December", "30", "about", "more than", "at least", "https://x.org/2019/12/30/a1",
    "\n", "\n\n", ".", "two-thirds majority", "six-party talks between", "zero", "thousand", "hundred",
    "é", "\u0660\u0661", "\x00", "\u200b", "’s", "'", "\"", "1/2", "3/4", "½", "⅓", "/",
]
SEPARATORS = st.sampled_from(["", " ", "  ", "-", "\n", ", ", "\t"])
number_ish = st.lists(st.tuples(st.sampled_from(FRAGMENTS), SEPARATORS), max_size=30).map(
    lambda parts: "".join(f + s for f, s in parts))


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    check_contract(doc_of(text))


@given(number_ish)
def test_contract_on_number_like_text(text: str) -> None:
    check_contract(doc_of(text))


@given(st.lists(st.one_of(number_ish, st.text(max_size=8)), max_size=6).map("".join))
def test_contract_on_mixed_text(text: str) -> None:
    check_contract(doc_of(text))


@given(st.integers(min_value=0, max_value=999_999),
       st.sampled_from(["plain", "commas", "decimal", "commas-decimal", "spelled", "mixed", "vulgar"]))
def test_numbers_round_trip_through_text(n: int, form: str) -> None:
    expected: float
    if form == "plain":
        s, expected = str(n), n
    elif form == "commas":
        s, expected = f"{n:,}", n
    elif form == "decimal":
        s, expected = f"{n}.5", n + 0.5
    elif form == "commas-decimal":
        s, expected = f"{n:,}.25", n + 0.25
    elif form == "mixed":
        s, expected = f"{n} 3/4", n + 0.75
    elif form == "vulgar":
        s, expected = f"{n}½", n + 0.5
    else:
        s, expected = spell_number(n), n
    doc = doc_of(f"The council counted {s} barrels of oil.")
    found = [c for c in check_contract(doc) if c.kind == "quantity"]
    assert len(found) == 1, (s, found)
    (c,) = found
    assert c.value == expected and type(c.value) is type(expected)
    assert (c.unit, c.get("subject"), c.text) == ("barrel", "oil", f"{s} barrels")


@given(st.integers(min_value=0, max_value=999_999))
def test_parse_spell_round_trip(n: int) -> None:
    assert parse_number(spell_number(n)) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_parse_spell_round_trip_large(n: int) -> None:
    assert parse_number(spell_number(n)) == n


def test_911_is_a_count_of_things_but_not_the_emergency_number() -> None:
    """Found by the bounds property test: "911 soldiers" was dropped with the emergency number."""
    doc = parse_document("t.txt", "Officials said 911 soldiers died. A 911 call came in. A 911 dispatcher said so.")
    found = [(c.kind, c.value) for c in extract(doc) if c.kind in ("count", "quantity")]
    assert found == [("count", 911)]
