"""Tests for the numbers extractor's second pass (factcheck.claims.extras and its readers).

Each reader (ages, fractions, named figures, counted nouns, ranges, split decimals, changes) reads
figures only their context makes figures.  Unit tests pin each surface form
and each thing that must stay *out* (dates, years, times, scores, idioms);
hypothesis properties check the extractor contract on text built from the
readers' own trigger words, ``low <= value <= high``, and that a number gives
the same value written in digits and in words.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import Claim
from factcheck.claims.changes import Change
from factcheck.claims.numbers import extract, spell_number
from factcheck.documents import parse_document


def figures(text: str) -> list[Claim]:
    """The quantity and count claims of ``text``, in order."""
    return [c for c in extract(parse_document("t.txt", text)) if c.kind in ("quantity", "count")]


def only(text: str) -> Claim:
    found = figures(text)
    assert len(found) == 1, f"expected one figure in {text!r}, got {[(c.text, c.value) for c in found]}"
    return found[0]


# --------------------------------------------------------------------------- ages


@pytest.mark.parametrize(("text", "value", "subject"), [
    ("Jane Doe, 52, was arrested.", 52, "Doe"),
    ("Fred LaRue, Watergate Figure, Dies at 75", 75, None),
    ("Cheeks, 48, a former all-star, was hired.", 48, "Cheeks"),
    ("Actress Esther Williams dies at 91.", 91, None),
    ("He died at the age of 85 after a heart attack.", 85, None),
    ("A woman aged 61 was hurt.", 61, None),
    ("A 38 year-old woman died.", 38, None),
    ("The man, who was 40 years old, fled.", 40, None),
    ("The bodies of Catherine Gomes, 61) were found.", 61, "Gomes"),
])
def test_ages(text: str, value: int, subject: str | None) -> None:
    c = only(text)
    assert (c.kind, c.value, c.unit, c.get("age"), c.get("measure")) == ("quantity", value, "year", True, "age")
    assert c.get("subject") == subject
    assert c.text == str(value) or c.text.startswith(str(value))


def test_two_ages_after_aged() -> None:
    assert [c.value for c in figures("Two girls aged 15 and 12 were found.")] == [2, 15, 12]
    assert all(c.get("age") for c in figures("Girls aged 15 and 12 were found."))


@pytest.mark.parametrize("text", [
    "On Monday, 12, people came.",           # a weekday before the comma
    "December 30, 2019, was a date.",        # a date
    "Chapter 3, 12 and 14 are missing.",     # a list of numbers
    "Jones, 2012, found that.",              # a year in a citation
    "The victim died at 4 pm on Friday.",    # an hour
    "He died at 12:45 p.m.",                 # a time
    "Paris, 130, was the figure.",           # past any age
])
def test_not_ages(text: str) -> None:
    assert not any(c.get("age") for c in figures(text))


# --------------------------------------------------------------------------- fractions and halves


@pytest.mark.parametrize(("text", "value", "num", "den", "subject"), [
    ("One fifth of voters agree.", 0.2, 1, 5, "voters"),
    ("A quarter of those surveyed said no.", 0.25, 1, 4, None),
    ("Two-thirds of the members voted.", 2 / 3, 2, 3, "members"),
    ("Three quarters of the workers left.", 0.75, 3, 4, "workers"),
    ("Half of the workers were laid off.", 0.5, 1, 2, "workers"),
])
def test_fractions(text: str, value: float, num: int, den: int, subject: str | None) -> None:
    c = only(text)
    assert (c.kind, c.unit, c.get("numerator"), c.get("denominator")) == ("quantity", "fraction", num, den)
    assert c.value == pytest.approx(value)
    assert c.get("subject") == subject


@pytest.mark.parametrize(("text", "value"), [
    ("Sales were cut by one fifth in 2019.", 0.2),
    ("It is two thirds the size of Texas.", 2 / 3),
])
def test_fractions_alone(text: str, value: float) -> None:
    c = only(text)
    assert (c.unit, c.value) == ("fraction", pytest.approx(value))  # not a count of thirds


def test_three_quarters_alone_stays_a_count() -> None:
    c = only("They won three quarters.")
    assert (c.kind, c.value, c.unit) == ("count", 3, "quarter")


@pytest.mark.parametrize("text", [
    "He is a one fifth grader.",              # a noun follows
    "She won a fifth term.",                  # "a fifth": an ordinal
    "The first half of the game was dull.",   # a game's half
    "The third of June was hot.",             # a date
    "It was a fifth straight win.",           # an ordinal
    "A two-thirds majority backed it.",       # a vote's majority, read as a vote
    "The half of it was never told.",
])
def test_not_fractions(text: str) -> None:
    assert not any(c.unit == "fraction" for c in figures(text))


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("He walked three and a half miles.", 3.5, "mile"),
    ("She served four and a half months in prison.", 4.5, "month"),
    ("It took 2 and a half years.", 2.5, "year"),
    ("They ate three and a half pizzas.", 3.5, "pizza"),
])
def test_and_a_half(text: str, value: float, unit: str) -> None:
    c = only(text)
    assert (c.value, c.unit) == (value, unit)
    assert c.text.endswith(("mile", "miles", "months", "years", "pizzas"))


# --------------------------------------------------------------------------- named figures


def test_magnitude_and_toll_and_minus() -> None:
    c = only("The quake had a preliminary magnitude of 4.4, officials said.")
    assert (c.text, c.value, c.unit, c.get("dimension")) == ("4.4", 4.4, "magnitude", "magnitude")
    c = only("The flood brought the death toll to 11.")
    assert (c.value, c.unit, c.get("subject")) == (11, None, "death toll")
    c = only("Outside temperatures were minus 20 as firefighters battled the blaze.")
    assert (c.text, c.value, c.get("negative")) == ("minus 20", -20, True)


@pytest.mark.parametrize("text", [
    "The death toll in 2010 was lower.",     # a year
    "Magnitude 12 is not a thing.",          # past any magnitude
])
def test_not_named(text: str) -> None:
    assert not figures(text)


# --------------------------------------------------------------------------- counted nouns elsewhere


@pytest.mark.parametrize(("text", "value", "unit", "attr", "attr_value"), [
    ("India captured 23 of the raiders on Saturday.", 23, "raider", "partitive", True),
    ("While two of them managed to escape, ...", 2, None, "partitive", True),
    ("The team has nine more picks.", 9, "pick", "more", "more"),
    ("He was acquitted of three other gangland slayings.", 3, "slaying", "more", "other"),
    ("The gunman killed one person, police said.", 1, "person", "noun", "person"),
    ("There are 120500 who have been out of work.", 120500, "person", "clause", "have been out of work"),
    ("3 dead after protesters torch Greek bank", 3, None, "state", "dead"),
])
def test_counted_elsewhere(text: str, value: int, unit: str | None, attr: str, attr_value: object) -> None:
    c = only(text)
    assert (c.value, c.unit, c.get(attr)) == (value, unit, attr_value)
    assert c.kind == ("count" if value < 1000 else "quantity")


def test_elided_nouns_take_the_earlier_figures_noun() -> None:
    homes, tender = figures("The council sold a combined 300 homes at auction and 150 by tender.")
    assert (homes.value, homes.unit) == (300, "home")
    assert (tender.text, tender.value, tender.unit, tender.get("elided")) == ("150", 150, "home", True)
    _six, three = figures("He scored six touchdowns on offense and added three more on punt returns.")
    assert (three.value, three.unit, three.get("elided")) == (3, "touchdown", True)


def test_a_noun_shared_with_the_next_figure() -> None:
    first, second = figures("Commandos seized 12 Somali and 11 Yemeni nationals.")
    assert (first.text, first.value, first.unit, first.get("shared")) == ("12 Somali", 12, "national", True)
    assert (second.value, second.unit) == (11, "national")
    assert [c.value for c in figures("He scored 12 Sunday and 14 points Monday.")] == [14]


def test_for_shares_a_noun_only_with_a_figure_after_for() -> None:
    assert [c.unit for c in figures("Cheeks played for 11 seasons and coached for seven.")] == ["season", "season"]
    assert [c.value for c in figures("He had caught 2 passes for 44.")] == [2]  # 44 yards, not passes


@pytest.mark.parametrize(("text", "counts"), [
    ("No one was hurt and one day later they left.", []),       # pronoun and idiom "one"
    ("One of the men fled.", []),                                # a partitive of one is no count
    ("Two girls, 12 and 15, were found.", [2]),                  # ages after a count are not girls
    ("He arrived at 10 and left at 11.", []),                    # times
    ("In 2011 killed nobody.", []),                              # a year
    ("Route 66 and more.", []),                                  # a label
    ("The BBC One Show aired.", []),                             # a name
    ("Grant Gibbs had eight of the Bluejays' 11 assists.", [11]),  # an owner, not the thing counted
])
def test_not_counted(text: str, counts: list[int]) -> None:
    assert [c.value for c in figures(text) if c.kind == "count"] == counts


def test_score_and_date_and_phone_stay_out() -> None:
    assert not figures("Chelsea won 2-0 on June 3, 2019 at 10:30 and called 555-1234.")


# --------------------------------------------------------------------------- suspended-hyphen ranges


@pytest.mark.parametrize(("text", "span", "low", "high", "unit"), [
    ("The 6- to 12-meter boats.", "6- to 12-meter", 6, 12, "meter"),
    ("A 10- to 15-year sentence.", "10- to 15-year", 10, 15, "year"),
    ("A 5- or 6-member panel.", "5- or 6-member", 5, 6, "member"),
    ("A five- to six-hour drive.", "five- to six-hour", 5, 6, "hour"),
    ("About 6- to 12-meter waves.", "About 6- to 12-meter", 6, 12, "meter"),
    ("Between 10- and 12-meter waves.", "Between 10- and 12-meter", 10, 12, "meter"),
    ("A 1.5- to 2-meter wall.", "1.5- to 2-meter", 1.5, 2, "meter"),
])
def test_suspended_hyphen_ranges(text: str, span: str, low: float, high: float, unit: str) -> None:
    c = only(text)
    assert (c.text, c.value, c.get("low"), c.get("high"), c.unit) == (span, low, low, high, unit)
    assert c.bounds is not None and (c.bounds.kind, c.bounds.low, c.bounds.high) == ("range", low, high)


def test_suspended_hyphen_and_is_two_figures() -> None:
    assert [(c.text, c.value, c.unit) for c in figures("The 11- and 13-inch models.")] == [
        ("11", 11, "inch"), ("13-inch", 13, "inch")]
    assert [(c.value, c.get("age")) for c in figures("Twelve-and 15-year-old girls.")] == [(12, True), (15, True)]


def test_no_range_downwards() -> None:
    assert [(c.value, c.get("low")) for c in figures("The 12- to 6-meter boats.")] == [(6, None)]


# --------------------------------------------------------------------------- decimals a tokeniser split


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("Paris thieves nab $2. 5 million worth of jewellery", "$2. 5 million", 2_500_000, "USD"),
    ("A two-million-euro ($2. 6-million) booty.", "$2. 6-million", 2_600_000, "USD"),
    ("The 6. 1-magnitude quake struck inland.", "6. 1-magnitude", 6.1, "magnitude"),
    ("Greek stocks closed down 3. 9 percent.", "3. 9 percent", 3.9, "percent"),
    ("A crater (6. 6 feet) wide.", "6. 6 feet", 6.6, "foot"),
])
def test_split_decimals(text: str, span: str, value: float, unit: str) -> None:
    found = [c for c in figures(text) if c.unit == unit]
    assert [(c.text, c.value) for c in found] == [(span, value)]
    assert not any(c.value in (1, 2, 3, 6, 5_000_000, 6_000_000) for c in figures(text) if c.unit in (unit, None))


def test_a_sentence_end_before_a_count_is_no_decimal() -> None:
    assert [(c.text, c.value) for c in figures("He was 15. 12 people died.")] == [("12 people", 12)]


# --------------------------------------------------------------------------- changes and levels


def test_change_then_level() -> None:
    change, level = figures("The FTSE fell 0.6 per cent to 7420.")
    assert (change.value, change.unit) == (0.6, "percent")
    assert change.change == Change("down", "change", "fell")
    assert (level.text, level.value, level.unit) == ("7420", 7420, None)
    assert level.change == Change("down", "level", "fell")


def test_rose_percent_to_money_is_a_change_and_a_level_not_a_range() -> None:
    change, level = figures("Imports rose 5% to $4.1 billion.")
    assert (change.value, change.get("low"), change.change) == (5, None, Change("up", "change", "rose"))
    assert (level.value, level.unit, level.change) == (4_100_000_000, "USD", Change("up", "level", "rose"))


def test_up_points_is_a_change() -> None:
    c = only("The Dow was up 41.2 points on Monday.")
    assert (c.value, c.unit, c.change) == (41.2, "point", Change("up", "change", "up"))


def test_from_to_levels() -> None:
    before, after = figures("The index climbed from 7,400 to 7,500.")
    assert (before.value, before.change) == (7400, Change("up", "previous", "climbed"))
    assert (after.value, after.change) == (7500, Change("up", "level", "climbed"))


@pytest.mark.parametrize("text", [
    "The phone takes up to 512 GB of storage.",   # "up to": a qualifier
    "He fell asleep at 10 to 11.",                # a time
    "Sales rose to 2015 levels.",                 # a year
])
def test_not_levels(text: str) -> None:
    assert not any(c.change is not None and c.change.role == "level" and c.unit is None for c in figures(text))


def test_a_plain_count_has_no_change() -> None:
    assert only("The navy captured 23 pirates.").change is None


@pytest.mark.parametrize("text", [
    "The Colts defense gave up 409 yards.",                           # a phrasal verb
    "He went 17-for-17 to fall one completion short of the record.",  # a shortfall
])
def test_no_movement(text: str) -> None:
    assert all(c.change is None for c in figures(text))


@pytest.mark.parametrize(("text", "direction"), [
    ("Shares up 5% on Monday.", "up"),
    ("The index closed down 3 points.", "down"),
    ("Sales, down 3%, disappointed.", "down"),
])
def test_up_and_down_after_a_subject_or_be(text: str, direction: str) -> None:
    change = only(text).change
    assert change is not None and (change.direction, change.role, change.verb) == (direction, "change", direction)


# --------------------------------------------------------------------------- properties


def _contract(text: str) -> list[Claim]:
    doc = parse_document("t.txt", text)
    first = list(extract(doc))
    assert first == list(extract(doc))
    keys = [c.sort_key for c in first]
    assert keys == sorted(keys)
    for c in first:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        if c.kind in ("quantity", "count") and isinstance(c.value, int | float):
            low, high = c.get("low"), c.get("high")
            assert low is None or low <= c.value
            assert high is None or c.value <= high
            b = c.bounds
            assert b is None or b.low is None or b.high is None or b.low <= b.high
        if c.get("change") is not None:
            assert c.change is not None and c.change.direction in ("up", "down")
    return first


_FRAGMENTS = [
    "Jane", "Doe", ",", ", 52,", "52", "aged", "died at", "at the age of", "year-old", "years old", "one", "One",
    "a", "quarter", "fifth", "half", "thirds", "two", "three", "and a half", "of", "the", "them", "more",
    "other", "who", "and", "for", "by tender", "homes", "miles", "magnitude", "4.4", "death toll", "to", "from",
    "minus", "dead", "fell", "rose", "up", "0.6 per cent", "7,420", "5%", "$4.1 billion", "2019", "June 3",
    "10:30", "2-0", ".", "\n", " ", "-", "4. 6", "1,000", "6-", "12-meter", "11-", "13-inch", "Somali",
    "nationals", "gave", "short", "between", "passes", "for 44", "$2. 5 million", "6. 1-magnitude", "3. 9",
    "percent", "people",
]


@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    _contract(text)


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map(" ".join))
def test_contract_on_trigger_words(text: str) -> None:
    _contract(text)


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_contract_on_glued_trigger_words(text: str) -> None:
    _contract(text)


_TEMPLATES = [
    "The {n}- to {m}-meter boats.",
    "A woman aged {n} was hurt.",
    "The workers had {n} more picks left.",
    "India captured {n} of the raiders.",
    "He walked {n} and a half miles.",
    "Police said {n} dead after the blast.",
    "There were {n} who have been out of work.",
]


@given(st.integers(min_value=2, max_value=98), st.sampled_from(_TEMPLATES))
def test_digits_and_words_give_the_same_value(n: int, template: str) -> None:
    digits = [(c.value, c.unit, c.get("high")) for c in figures(template.format(n=n, m=n + 1))]
    words = [(c.value, c.unit, c.get("high")) for c in figures(template.format(n=spell_number(n), m=n + 1))]
    assert digits == words
    assert digits, template.format(n=n)
