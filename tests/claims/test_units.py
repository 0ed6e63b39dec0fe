"""Tests for the unit vocabulary (factcheck.claims.units) and the units the number extractor reads through it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import units
from factcheck.claims.base import Claim
from factcheck.claims.numbers import extract, unit_of
from factcheck.documents import parse_document


def quantities(text: str) -> list[Claim]:
    return [c for c in extract(parse_document("t.txt", text)) if c.kind == "quantity"]


# --------------------------------------------------------------------------- the vocabulary


@pytest.mark.parametrize(("form", "canonical", "dimension"), [
    ("km", "kilometer", "length"),
    ("Kilometres", "kilometer", "length"),
    ("per  cent", "percent", "percent"),
    ("percentage points", "percentage point", "percent"),
    ("mph", "mile per hour", "speed"),
    ("km/h", "kilometer per hour", "speed"),
    ("sq km", "square kilometer", "area"),
    ("cubic metres", "cubic meter", "volume"),
    ("barrels", "barrel", "volume"),
    ("tonnes", "tonne", "mass"),
    ("horsepower", "horsepower", "power"),
    ("HP", "horsepower", "power"),
    ("kWh", "kilowatt-hour", "energy"),
    ("gigabytes", "gigabyte", "data"),
    ("Mbps", "megabit per second", "data rate"),
    ("kHz", "kilohertz", "frequency"),
    ("degrees celsius", "degree celsius", "temperature"),
    ("decades", "decade", "time"),
    ("euros", "EUR", "money"),
    ("ringgit", "MYR", "money"),
    ("pence", "penny", "money"),
    ("points", "point", "score"),
])
def test_lookup_gives_canonical_unit_and_dimension(form: str, canonical: str, dimension: str) -> None:
    u = units.lookup(form)
    assert u is not None and (u.canonical, u.dimension) == (canonical, dimension)
    assert unit_of(form) == canonical


def test_unknown_forms_and_ordinary_words_are_no_units() -> None:
    for form in ("people", "in", "a", "at", "min", "soldiers", ""):
        assert units.lookup(form) is None
    assert units.lookup("gb", attached=True) is not None and units.lookup("p", attached=True) is not None
    assert units.lookup("p") is None  # "p" is a unit only glued to digits ("85p")


def test_canonical_names_lead_back_to_pint() -> None:
    for form in units.WORD_FORMS:
        u = units.lookup(form)
        assert u is not None and units.unit_named(u.canonical) is not None, form


def test_registry_is_built_once() -> None:
    assert units.registry() is units.registry()


@pytest.mark.parametrize(("value", "source", "target", "expected"), [
    (50, "kilometer", "mile", 31.07),
    (3000, "meter", "foot", 9842.5),
    (100, "kilometer per hour", "mile per hour", 62.14),
    (1, "gigabyte", "megabyte", 1000),
    (1, "barrel", "liter", 158.99),
    (1, "square mile", "square kilometer", 2.59),
    (10, "decade", "year", 100),
    (650, "horsepower", "kilowatt", 484.7),
])
def test_convert(value: float, source: str, target: str, expected: float) -> None:
    (got,) = units.convert(value, source, target)
    assert got == pytest.approx(expected, rel=1e-3)


def test_convert_temperature_gives_level_and_difference() -> None:
    level, diff = units.convert(30, "degree celsius", "degree fahrenheit")
    assert (round(level), round(diff)) == (86, 54)


@pytest.mark.parametrize(("source", "target"), [
    ("USD", "EUR"),  # currencies convert only at a rate the article gives
    ("kilometer", "kilogram"),
    ("percent", "gigabyte"),
    ("point", "meter"),
    ("degree", "degree celsius"),
    ("laborer", "meter"),
])
def test_no_conversion_between_other_dimensions(source: str, target: str) -> None:
    assert units.convert(1, source, target) == ()


# --------------------------------------------------------------------------- the extractor's units


@pytest.mark.parametrize(("text", "span", "value", "unit", "dimension"), [
    ("It has 512GB of storage.", "512GB", 512, "gigabyte", "data"),
    ("The engine makes 650 horsepower.", "650 horsepower", 650, "horsepower", "power"),
    ("It makes 720 HP at full tilt.", "720 HP", 720, "horsepower", "power"),
    ("Speeds of 100Mbps were seen.", "100Mbps", 100, "megabit per second", "data rate"),
    ("A tone at 20kHz played.", "20kHz", 20, "kilohertz", "frequency"),
    ("Milk costs 85p now.", "85p", 85, "penny", "money"),
    ("Apple is worth $1.5T today.", "$1.5T", 1_500_000_000_000, "USD", "money"),
    ("It costs RM99 in Malaysia.", "RM99", 99, "MYR", "money"),
    ("It raised $2.4bn last year.", "$2.4bn", 2_400_000_000, "USD", "money"),
    ("A car at 100km/h crashed.", "100km/h", 100, "kilometer per hour", "speed"),
    ("It was 30°C in the shade.", "30°C", 30, "degree celsius", "temperature"),
    ("There are 6e12 cells.", "6e12 cells", 6_000_000_000_000, "cell", "count"),
    ("A gap of 3.1×10−4 metres opened.", "3.1×10−4 metres", 0.00031, "meter", "length"),
    ("It sent 12,000 troops.", "12,000 troops", 12_000, "troop", "count"),
])
def test_units_read(text: str, span: str, value: float, unit: str, dimension: str) -> None:
    (c,) = quantities(text)
    assert (c.text, c.unit, c.get("dimension")) == (span, unit, dimension)
    assert c.value == pytest.approx(value)


def test_a_price_per_barrel() -> None:
    (c,) = quantities("Oil hit US $61.10 per barrel on Monday.")
    assert (c.text, c.value, c.unit, c.get("per")) == ("US $61.10 per barrel", 61.1, "USD", "barrel")


def test_forty_k_is_forty_thousand() -> None:
    (c,) = quantities("She earns 40k a year.")
    assert (c.value, c.get("per")) == (40_000, "year")


def test_counts_have_the_count_dimension() -> None:
    doc = parse_document("t.txt", "North Korea carried out six nuclear tests.")
    (c,) = [c for c in extract(doc) if c.kind == "count"]
    assert (c.unit, c.get("dimension")) == ("test", "count")


@pytest.mark.parametrize("text", [
    "He watched it in 1080p and 720p.",  # screen resolutions, not pence
    "They met at 5p.m. and at 3pm.",
    "She ran a 5K race and bought a 4K TV.",  # a capital K alone is no thousand
    "FIRM99 is a product code.",
    "The Colts won 2-0 in 2019.",
    "Call 555-0199 on December 30, 2019.",
    "A 802.11b card and a GeForce 9400M.",
])
def test_no_quantity_where_there_is_none(text: str) -> None:
    assert quantities(text) == []


# --------------------------------------------------------------------------- properties

_FRAGMENTS = ["512GB", "650 horsepower", "720 HP", "100Mbps", "20kHz", "85p", "40k", "$1.5T", "RM99",
              "US $61.10 per barrel", "62 mph (100 km/h)", "3.1×10−4", "6e12", "$2.4bn", "50 km (40 miles)",
              "between 10kHz and 12kHz", "2 to 3 L", "30°C (86°F)", "1080p", "5p.m.", " ", ", ", " or ", "(", ")",
              "-", "×", "10", "e", "km", "GB", "x 10^", "tens of millions of dollars", "a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12), st.text(max_size=20))
def test_unit_readers_never_crash_and_spans_slice(parts: list[str], noise: str) -> None:
    text = "".join(parts) + noise
    for c in extract(parse_document("t.txt", text)):
        assert text[c.start:c.end] == c.text
        low, high = c.get("low"), c.get("high")
        if isinstance(c.value, (int, float)) and low is not None:
            assert low <= c.value and (high is None or c.value <= high)
        if c.kind == "quantity" and c.unit is not None and c.get("dimension") not in (None, units.COUNT):
            assert units.unit_named(c.unit) is not None or c.get("dimension") == "money"


def test_stored_unit_table_is_what_pint_says() -> None:
    """data/unit_table.json spares every scan pint's registry; it must stay pint's own answer
    (regenerate with ``units.write_table()`` after editing the unit lists or upgrading pint)."""
    assert units._table() == units.computed_table()


def test_stored_unit_factors_are_what_pint_says() -> None:
    """data/unit_factors.json spares a scan's conversions pint's registry; it must stay pint's own
    answer (regenerate with ``units.write_factors()`` after editing the unit lists or upgrading pint)."""
    assert units._factors() == units.computed_factors()
    assert isinstance(units._factors()["degree_Celsius"]["degree_Fahrenheit"], units.Affine)  # an offset


_PAIRS = sorted(((a, b) for a in units._by_canonical().values() for b in units._by_canonical().values()
                 if a.pint is not None and b.pint is not None and a.dimension == b.dimension),
                key=lambda p: (p[0].canonical, p[1].canonical))


def _same_as_pint(pair: tuple[units.Unit, units.Unit], value: float) -> None:
    a, b = pair
    assert a.pint is not None and b.pint is not None
    got, expected = units.convert(value, a.canonical, b.canonical), units.pint_convert(value, a.pint, b.pint)
    assert [x.hex() for x in got] == [x.hex() for x in expected], (a, b, value)


def test_every_stored_pair_converts_as_pint_does() -> None:
    assert len(_PAIRS) > 100
    for pair in _PAIRS:
        for value in (0.5, 1.0, 3.0, 7.25, 50.0, 110.0, 1234.5678, 3000.0, 1e9):
            _same_as_pint(pair, value)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PAIRS), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_stored_conversions_are_pint_to_the_last_bit(pair: tuple[units.Unit, units.Unit], value: float) -> None:
    _same_as_pint(pair, value)


def test_converting_does_not_build_pint() -> None:
    import subprocess
    import sys

    code = ("import sys; from factcheck.claims import units; "
            "assert units.convert(50, 'kilometer', 'mile') and units.convert(1, 'USD', 'EUR') == (); "
            "assert len(units.convert(30, 'degree celsius', 'degree fahrenheit')) == 2; "
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

def test_reading_a_unit_does_not_build_pint() -> None:
    import subprocess
    import sys

    code = ("import sys; from factcheck.claims import units; "
            "assert units.lookup('km') is not None and units.unit_named('mile') is not None; "
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
