"""Tests for numeric bounds (factcheck.claims.bounds) as the number extractor emits them.

Every qualifier of the one table is pinned here with the bounds it must give
for "500" (written out, not derived from the table, so a changed table entry
fails a test); hypothesis properties check what must hold for any figure and
any qualifier: bounds contain the figure, "exactly" pins it, digits and words
give the same bounds, nothing crashes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import Claim
from factcheck.claims.bounds import (
    BOUND_KINDS,
    QUALIFIERS,
    REPORTED_QUALIFIERS,
    Bounds,
    figure_bounds,
    normalise_qualifier,
    range_bounds,
)
from factcheck.claims.numbers import extract, spell_number
from factcheck.documents import parse_document
from factcheck.report.claims import claim_to_json

NUMERIC = ("quantity", "count", "vote")


def figures(text: str) -> list[Claim]:
    return [c for c in extract(parse_document("t.txt", text)) if c.kind in NUMERIC]


def the_figure(text: str) -> Claim:
    found = figures(text)
    assert len(found) == 1, f"expected one figure in {text!r}, got {[(c.kind, c.text) for c in found]}"
    return found[0]


# qualifier -> (kind, low, high, approximate, exact) for the figure 500.
EXPECTED: dict[str, tuple[str, float | None, float | None, bool, bool]] = {
    "exactly": ("exact", 500, 500, False, True),
    "precisely": ("exact", 500, 500, False, True),
    "just": ("exact", 500, 500, False, False),
    "about": ("approximate", 450, 550, True, False),
    "around": ("approximate", 450, 550, True, False),
    "approximately": ("approximate", 450, 550, True, False),
    "roughly": ("approximate", 450, 550, True, False),
    "some": ("approximate", 450, 550, True, False),
    "nearly": ("approximate", 450, 550, True, False),
    "almost": ("approximate", 450, 550, True, False),
    "close to": ("approximate", 450, 550, True, False),
    "estimated": ("approximate", 450, 550, True, False),
    "an estimated": ("approximate", 450, 550, True, False),
    "more or less": ("approximate", 450, 550, True, False),
    "at least": ("at_least", 500, None, False, False),
    "no fewer than": ("at_least", 500, None, False, False),
    "no less than": ("at_least", 500, None, False, False),
    "not less than": ("at_least", 500, None, False, False),
    "not fewer than": ("at_least", 500, None, False, False),
    "a minimum of": ("at_least", 500, None, False, False),
    "as few as": ("at_least", 500, None, False, False),
    "more than": ("more_than", 500, None, False, False),
    "over": ("more_than", 500, None, False, False),
    "above": ("more_than", 500, None, False, False),
    "in excess of": ("more_than", 500, None, False, False),
    "upwards of": ("more_than", 500, None, False, False),
    "upward of": ("more_than", 500, None, False, False),
    "well over": ("more_than", 550, None, False, False),
    "well above": ("more_than", 550, None, False, False),
    "well in excess of": ("more_than", 550, None, False, False),
    "far more than": ("more_than", 550, None, False, False),
    "just over": ("more_than", 500, 550, True, False),
    "just above": ("more_than", 500, 550, True, False),
    "just more than": ("more_than", 500, 550, True, False),
    "slightly more than": ("more_than", 500, 550, True, False),
    "at most": ("at_most", None, 500, False, False),
    "up to": ("at_most", None, 500, False, False),
    "no more than": ("at_most", None, 500, False, False),
    "not more than": ("at_most", None, 500, False, False),
    "a maximum of": ("at_most", None, 500, False, False),
    "as many as": ("at_most", None, 500, False, False),
    "as much as": ("at_most", None, 500, False, False),
    "less than": ("less_than", None, 500, False, False),
    "fewer than": ("less_than", None, 500, False, False),
    "under": ("less_than", None, 500, False, False),
    "below": ("less_than", None, 500, False, False),
    "well under": ("less_than", None, 450, False, False),
    "well below": ("less_than", None, 450, False, False),
    "far fewer than": ("less_than", None, 450, False, False),
    "far less than": ("less_than", None, 450, False, False),
    "just under": ("less_than", 450, 500, True, False),
    "just below": ("less_than", 450, 500, True, False),
    "just less than": ("less_than", 450, 500, True, False),
    "just fewer than": ("less_than", 450, 500, True, False),
    "slightly less than": ("less_than", 450, 500, True, False),
    "slightly fewer than": ("less_than", 450, 500, True, False),
}


def test_every_qualifier_of_the_table_is_pinned_here() -> None:
    assert set(EXPECTED) == set(QUALIFIERS)
    assert {r.kind for r in QUALIFIERS.values()} <= set(BOUND_KINDS)
    assert REPORTED_QUALIFIERS <= {normalise_qualifier(q) for q in QUALIFIERS}


# --------------------------------------------------------------------------- each qualifier


@pytest.mark.parametrize("phrase", sorted(EXPECTED))
def test_each_qualifier_bounds_a_count(phrase: str) -> None:
    c = the_figure(f"Officials said {phrase} 500 soldiers died.")
    kind, low, high, approximate, exact = EXPECTED[phrase]
    b = c.bounds
    assert b is not None
    assert (b.kind, b.low, b.high, b.approximate, b.exact) == (kind, low, high, approximate, exact)
    assert b.qualifier == normalise_qualifier(phrase)
    assert c.value == 500 and c.unit == "soldier" and c.get("measure") == "soldier"


@pytest.mark.parametrize("phrase", sorted(EXPECTED))
def test_each_qualifier_bounds_money_and_sentence_initial_figures(phrase: str) -> None:
    c = the_figure(f"{phrase.capitalize()} $3 million was paid.")
    kind, low, high, _approximate, _exact = EXPECTED[phrase]
    b = c.bounds
    assert b is not None and b.kind == kind
    scale = 3_000_000 / 500
    assert (b.low, b.high) == (None if low is None else low * scale, None if high is None else high * scale)
    assert (c.kind, c.unit, c.get("dimension"), c.get("measure")) == ("quantity", "USD", "money", "USD")


def test_no_qualifier_is_exact_as_stated_but_not_asserted_exact() -> None:
    b = the_figure("Officials said 500 soldiers died.").bounds
    assert b == Bounds("exact", 500, 500, approximate=False, exact=False, qualifier=None)


def test_exactly_is_not_read_as_approximate() -> None:
    # The drift the table removes: "exactly 500" once read as 450-550.
    b = the_figure("Exactly 500 people were evacuated.").bounds
    assert b is not None and (b.low, b.high, b.exact) == (500, 500, True)
    assert not b.admits(499) and b.admits(500) and not b.admits(501)


def test_every_phrase_of_the_table_is_reported_and_starts_the_span() -> None:
    # Rules read bounds, so Claim.qualifier and the span give the whole phrase the bounds read.
    c = the_figure("He finished with just 404 yards.")
    assert (c.text, c.qualifier, c.bounds.qualifier if c.bounds else None) == ("just 404 yards", "just", "just")
    c = the_figure("It came with just more than four minutes remaining.")
    assert (c.text, c.qualifier) == ("just more than four minutes", "just more than")
    assert c.bounds is not None and (c.bounds.qualifier, c.bounds.high) == ("just more than", 4.4)
    c = the_figure("About 500 soldiers died.")
    assert (c.text, c.qualifier) == ("About 500 soldiers", "about")


def test_precisely_at_a_sentence_start_is_a_qualifier_not_a_label() -> None:
    c = the_figure("Precisely 11 men came.")
    assert (c.kind, c.value, c.bounds.kind if c.bounds else None) == ("count", 11, "exact")


def test_qualifier_spacing_and_case_are_normalised() -> None:
    c = the_figure("It cost More  than $5 million.")
    assert c.qualifier == "more than" and c.bounds is not None and c.bounds.qualifier == "more than"


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(("text", "low", "high", "approximate"), [
    ("Between 10 and 20 people were hurt.", 10, 20, False),
    ("It takes 5 to 10 years.", 5, 10, False),
    ("A 10-20 km walk.", 10, 20, False),
    ("It takes two or three days.", 2, 3, False),
    ("It costs $2-3 million.", 2_000_000, 3_000_000, False),
    ("About 10 to 20 people were hurt.", 10, 20, True),
    ("Dozens of people fled.", 24, None, True),
    ("Tens of thousands marched.", 20_000, 99_999, True),
    ("Several hundred troops left.", 300, 999, True),
])
def test_ranges_keep_their_stated_ends(text: str, low: int, high: int | None, approximate: bool) -> None:
    c = the_figure(text)
    b = c.bounds
    assert b is not None
    assert (b.kind, b.low, b.high, b.approximate) == ("range", low, high, approximate)
    assert (c.get("low"), c.get("high"), c.get("approximate")) == (low, high, True)  # the older fields stay


# --------------------------------------------------------------------------- votes, measures, JSON


def test_vote_thresholds_carry_bounds() -> None:
    c = the_figure("The resolution needs at least nine votes in favor and no vetoes.")
    assert c.kind == "vote" and c.bounds == Bounds("at_least", 9, None, qualifier="at least")


def test_a_fractional_majority_has_no_bounds() -> None:
    (c,) = figures("It needs a two-thirds majority.")
    assert c.value == "2/3" and c.bounds is None


@pytest.mark.parametrize(("text", "measure", "dimension"), [
    ("A 32-year-old man was arrested.", "age", "time"),
    ("It lasted 32 years.", "year", "time"),
    ("It cost $2 billion.", "USD", "money"),
    ("It sent 12,000 troops.", "troop", "count"),
    ("The 15-member council met.", "member", "count"),
    ("It deployed 4 million.", None, None),
])
def test_measure(text: str, measure: str | None, dimension: str | None) -> None:
    c = the_figure(text)
    assert (c.get("measure"), c.get("dimension")) == (measure, dimension)


def test_claims_json_shows_bounds_and_measure() -> None:
    doc = parse_document("t.txt", "Officials said up to 500 soldiers died.")
    (c,) = [c for c in extract(doc) if c.kind == "count"]
    row = json.loads(json.dumps(claim_to_json(doc, c)))
    assert row["bounds"] == {"kind": "at_most", "low": None, "high": 500, "approximate": False, "exact": False,
                             "qualifier": "up to"}
    assert row["measure"] == "soldier"


# --------------------------------------------------------------------------- the Bounds record


def test_admits_respects_open_and_closed_ends() -> None:
    assert Bounds("more_than", 500, None).admits(501) and not Bounds("more_than", 500, None).admits(500)
    assert Bounds("at_least", 500, None).admits(500) and not Bounds("at_least", 500, None).admits(499)
    assert Bounds("less_than", None, 500).admits(499) and not Bounds("less_than", None, 500).admits(500)
    assert Bounds("at_most", None, 500).admits(500) and not Bounds("at_most", None, 500).admits(501)
    just_over = figure_bounds(100, "just over")
    assert not just_over.admits(100) and just_over.admits(110) and not just_over.admits(111)
    assert range_bounds(24, None, None, approximate=True).admits(10**6)


def test_json_round_trip() -> None:
    for b in (figure_bounds(500, q) for q in QUALIFIERS):
        assert Bounds.from_json(json.loads(json.dumps(b.to_json()))) == b


def test_an_unknown_qualifier_reads_as_none() -> None:
    assert figure_bounds(9, "only") == Bounds("exact", 9, 9, qualifier="only")


# --------------------------------------------------------------------------- properties

_values = st.integers(min_value=2, max_value=10**9)
_phrases = st.sampled_from(sorted(QUALIFIERS))


@given(_values, _phrases)
def test_bounds_contain_the_figure_unless_the_qualifier_moves_a_bound_past_it(value: int, phrase: str) -> None:
    b = figure_bounds(value, phrase)
    assert b.kind == EXPECTED[phrase][0]
    if b.low is not None and b.high is not None:
        assert b.low <= value <= b.high
    if b.low is not None and b.high is None and b.kind in ("at_least", "more_than") and not phrase.startswith(
            ("well", "far")):
        assert b.low == value


@given(_values)
def test_exactly_pins_the_figure(value: int) -> None:
    b = figure_bounds(value, "exactly")
    assert b.low == b.high == value and b.exact


@given(st.integers(min_value=2, max_value=999_999), _phrases)
def test_qualified_figures_in_text_never_crash_and_give_the_documented_kind(value: int, phrase: str) -> None:
    c = the_figure(f"Officials said {phrase} {value:,} soldiers died.")
    assert c.bounds is not None and c.bounds.kind == EXPECTED[phrase][0]
    assert c.bounds == figure_bounds(c.value, phrase)


@given(st.integers(min_value=2, max_value=999_999), st.one_of(st.none(), _phrases))
def test_digits_and_words_give_the_same_bounds(value: int, phrase: str | None) -> None:
    q = f"{phrase} " if phrase else ""
    digits = the_figure(f"Officials said {q}{value:,} soldiers died.")
    words = the_figure(f"Officials said {q}{spell_number(value)} soldiers died.")
    assert digits.value == words.value == value
    assert digits.bounds == words.bounds
    assert digits.qualifier == words.qualifier


# Ends below 1,000: a bare four-digit "1000"-"2100" reads as a year, and is no figure.  Spelled
# ends stay below 100: "between one hundred and two hundred" is read as one run of number words
# ("one hundred and two"), a limit of the spelled-number reader, not of bounds.
@given(st.integers(min_value=2, max_value=499), st.integers(min_value=1, max_value=499),
       st.sampled_from(["between {a} and {b}", "{a} to {b}", "{a}-{b}"]), st.booleans())
def test_ranges_bound_their_value(a: int, gap: int, form: str, spelled: bool) -> None:
    if spelled and "-" not in form:
        a, gap = a % 50 + 2, gap % 45 + 1
        a_s, b_s = spell_number(a), spell_number(a + gap)
    else:
        a_s, b_s = f"{a}", f"{a + gap}"
    c = the_figure(f"Officials said {form.format(a=a_s, b=b_s)} km of road were closed.")
    assert c.bounds is not None and c.bounds.kind == "range"
    assert (c.bounds.low, c.bounds.high) == (a, a + gap)
    assert c.bounds.low <= c.value <= c.bounds.high


def test_a_new_phrase_opening_a_sentence_is_not_a_label() -> None:
    c = the_figure("Below 11 percent of men came.")
    assert (c.value, c.unit, c.bounds) == (11, "percent", Bounds("less_than", None, 11, qualifier="below"))
