"""The ``figures/conversion`` rule and the conversion links it reads (factcheck.claims.conversions).

The labelled set: conversions given in brackets or after "or", each checked by
hand against the exact factor, right (to the precision written) or wrong.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.base import Claim
from factcheck.claims.conversions import precision_of
from factcheck.claims.numbers import extract
from factcheck.documents import parse_document
from factcheck.findings import Finding
from factcheck.rules.loader import load_rules
from factcheck.rules.model import Example, Rule
from factcheck.rules.testing import run_example


@pytest.fixture(scope="module")
def rule() -> Rule:
    (r,) = [r for r in load_rules([], include_builtin=True) if r.id == "figures/conversion"]
    return r


def findings(rule: Rule, text: str) -> tuple[Finding, ...]:
    return run_example(rule, Example(files={"a.txt": text}))


#: (text, the conversion it gives is wrong)
LABELLED: list[tuple[str, bool]] = [
    # right, to the precision written
    ("The road runs 50 km (31 miles) to the border.", False),
    ("The peak rises 3,000 metres (9,800 feet) above the valley.", False),
    ("The limit is 100 km/h (62 mph) in towns.", False),
    ("Its top speed is 62 mph (100 km/h), the maker says.", False),
    ("It was 30°C (86°F) on Sunday.", False),
    ("The border runs 1,000 miles (1,600 km) through the desert.", False),
    ("A 10-mile (16-km) stretch was closed.", False),
    ("The tanker holds 2 million barrels (318 million litres) of crude.", False),
    ("The storm packed winds of 120 mph (193 km/h) at landfall.", False),
    ("He weighs 200 pounds (91 kg) now.", False),
    ("The field covers 10,000 acres (4,047 hectares) of land.", False),
    ("The lake covers 100 square miles (259 sq km) in all.", False),
    ("The tank holds 20 gallons (76 litres) of fuel.", False),
    ("The wall is 6 feet (1.8 metres) high.", False),
    ("The fish was 12 inches (30 cm) long.", False),
    ("The plant produces 1,000 megawatts (1 gigawatt) at peak.", False),
    ("The drive holds 1 terabyte (1,000 gigabytes) of data.", False),
    ("The journey took 3 hours (180 minutes) by road.", False),
    ("The engine makes 650 horsepower (485 kW) at full tilt.", False),
    ("Temperatures rose 5°C (9°F) in a century.", False),
    ("With the euro at $1.30, the fund of €110 billion ($143 billion) was agreed.", False),
    ("The fund of €110 billion ($160 billion) was agreed.", False),  # no rate in the text: not checked
    ("One euro was worth $1.35, so the fee of €20 ($27) was paid.", False),
    ("The trial lasted ten days or two weeks, officials said.", False),  # an alternative, not a conversion
    ("The river is 40 km, or 25 miles, long.", False),
    ("It weighs 5 tonnes (11,000 pounds) when loaded.", False),
    ("Milk costs 85p (£0.85) at the shop.", False),
    ("The plant made 1,000 megawatt-hours (1 gigawatt-hour) last year.", False),
    ("The radio works at 2,400 MHz (2.4 GHz) only.", False),
    ("The line carries 100 Mbps (0.1 Gbps) at most.", False),
    ("The field pumps 100,000 barrels a day (15,900 cubic metres a day) now.", False),
    ("The wind blew at 30 knots (56 km/h) all day.", False),
    ("The car makes 300 kW (402 hp) flat out.", False),
    ("The submarine dived 1,000 feet (305 metres) in the test.", False),
    # news rounding: a last digit 5 is a half step, a long figure may be cut (1 %)
    ("The camp lies 10 miles (15 kilometers) south of the border.", False),
    ("The ship carried 20 kilometres (12.5 miles) of cable.", False),
    ("The epicentre was 85 miles (135 kilometers) from the city.", False),
    ("The climber fell 2000ft (609 metres) down the face.", False),
    ("The tanker was about 150 nautical miles (about 277km) offshore.", False),
    # wrong beyond rounding
    ("The road runs 50 km (40 miles) to the border.", True),
    ("The peak rises 3,000 metres (11,000 feet) above the valley.", True),
    ("It was 30°C (96°F) on Sunday.", True),
    ("With the euro at $1.30, the fund of €110 billion ($160 billion) was agreed.", True),
    ("The limit is 100 km/h (50 mph) in towns.", True),
    ("The border runs 1,000 miles (1,000 km) through the desert.", True),
    ("He weighs 200 pounds (120 kg) now.", True),
    ("The wall is 6 feet (2.5 metres) high.", True),
    ("The fish was 12 inches (12 cm) long.", True),
    ("The tank holds 20 gallons (20 litres) of fuel.", True),
    ("The lake covers 100 square miles (100 sq km) in all.", True),
    ("The journey took 3 hours (210 minutes) by road.", True),
    ("The engine makes 650 horsepower (650 kW) at full tilt.", True),
    ("The drive holds 1 terabyte (100 gigabytes) of data.", True),
    ("The storm packed winds of 120 mph (120 km/h) at landfall.", True),
    ("One euro was worth $1.35, so the fee of €20 ($35) was paid.", True),
    ("The river is 40 km, or 40 miles, long.", True),
    ("A 10-mile (10-km) stretch was closed.", True),
    ("The submarine dived 1,000 feet (500 metres) in the test.", True),
    ("The field covers 10,000 acres (10,000 hectares) of land.", True),
    ("Temperatures rose to 100°F (45°C) on Sunday.", True),
    ("It weighs 5 tonnes (5,000 pounds) when loaded.", True),
    ("Milk costs 85p (£8.50) at the shop.", True),
    ("The camp lies 100 km (50 miles) south of the border.", True),  # a lone 5 is no half step
    ("The camp lies 12 miles (15 kilometers) south of the border.", True),
    ("The climber fell 2000ft (580 metres) down the face.", True),
    ("The plant made 1,000 megawatt-hours (5 gigawatt-hours) last year.", True),
    ("The radio works at 2,400 MHz (24 GHz) only.", True),
    ("The line carries 1,000 Mbps (10 Gbps) at most.", True),
    ("The field pumps 100,000 barrels a day (10,000 cubic metres a day) now.", True),
    ("The wind blew at 30 knots (30 km/h) all day.", True),
    ("It weighs 10 ounces (100 grams) in all.", True),
]


def test_the_labelled_set_is_big_and_mixed() -> None:
    assert len(LABELLED) >= 30
    assert sum(wrong for _, wrong in LABELLED) >= 15 and sum(not wrong for _, wrong in LABELLED) >= 15


@pytest.mark.parametrize(("text", "wrong"), LABELLED)
def test_labelled_conversions_are_classified(rule: Rule, text: str, wrong: bool) -> None:
    assert bool(findings(rule, text)) == wrong


@pytest.mark.parametrize(("text", "given", "suggestion"), [
    ("The road runs 50 km (40 miles) to the border.", "40 miles", "31 miles"),
    ("The peak rises 3,000 metres (11,000 feet) above the valley.", "11,000 feet", "9,840 feet"),
    ("With the euro at $1.30, the fund of €110 billion ($160 billion) was agreed.", "$160 billion",
     "$143 billion"),
    ("It was 30°C (96°F) on Sunday.", "96°F", "86°F"),
    ("The wall is 6 feet (2.5 metres) high.", "2.5 metres", "1.8 metres"),
    ("The radio works at 2,400 MHz (24 GHz) only.", "24 GHz", "2.4 GHz"),  # two digits at least
    ("The field pumps 100,000 barrels a day (10,000 cubic metres a day) now.", "10,000 cubic metres a day",
     "16,000 cubic metres a day"),
])
def test_finding_points_at_the_equivalent_and_suggests_the_correct_value(rule: Rule, text: str, given: str,
                                                                         suggestion: str) -> None:
    (f,) = findings(rule, text)
    assert f.suggestion == suggestion
    assert f.location.excerpt == given
    assert given in f.message and suggestion in f.message


# --------------------------------------------------------------------------- the links


def quantities(text: str) -> list[Claim]:
    return [c for c in extract(parse_document("t.txt", text)) if c.kind == "quantity"]


def test_a_bracketed_equivalent_is_linked_to_its_figure() -> None:
    a, b = quantities("The road runs 50 km (31 miles) to the border.")
    conv = a.get("conversion")
    assert conv is not None and (conv["value"], conv["unit"], conv["joint"]) == (31, "mile", "bracket")
    assert (conv["start"], conv["end"]) == (b.start, b.end) and b.get("conversion") is None


@pytest.mark.parametrize("text", [
    "It rose 5 percent (3 points) on the day.",  # percentages and scores do not convert
    "It sent 12,000 troops (3,000 tanks).",  # counted nouns do not convert
    "It runs 50 km (50 km) north.",  # one unit: nothing converted
    "It lasted ten days or two weeks.",  # durations after "or" are alternatives
    "It ships with a 512MB or 1GB card.",  # and so are data sizes
    "You pick either 5 km or 3 miles.",  # "either ... or" is a choice
    "It ran 50 km (and 40 miles later) north.",  # not an equivalent
    "It covered 10 to 20 km (6 to 12 miles).",  # ranges are not checked
])
def test_no_link_where_there_is_no_conversion(text: str) -> None:
    assert all(c.get("conversion") is None for c in quantities(text))


@pytest.mark.parametrize(("text", "rate"), [
    ("It was $1.30 to the euro.", ("EUR", "USD", 1.3)),
    ("With the euro at $1.30, it fell.", ("EUR", "USD", 1.3)),
    ("€1 = $1.35 then.", ("EUR", "USD", 1.35)),
    ("It fell to 150 yen against the dollar.", ("USD", "JPY", 150)),
])
def test_exchange_rates_are_read(text: str, rate: tuple[str, str, float]) -> None:
    (r,) = [c.get("exchange_rate") for c in quantities(text) if c.get("exchange_rate")]
    assert (r["base"], r["quote"], r["rate"]) == rate


def test_a_price_per_pound_is_no_exchange_rate() -> None:
    assert all(c.get("exchange_rate") is None for c in quantities("Steak sold at $5 per pound."))


@pytest.mark.parametrize(("text", "precision"), [
    ("9,800 feet", 100), ("31 miles", 1), ("1.60 metres", 0.01), ("$143 billion", 1e9), ("40 miles", 10),
    ("eight miles", 1),
])
def test_precision_of_the_written_figure(text: str, precision: float) -> None:
    (c,) = quantities(f"It was {text} away.")
    assert precision_of(c) == pytest.approx(precision)


_PARTS = ["50 km", "40 miles", "(", ")", " or ", ", ", "€110 billion", "$1.30", " to the euro", "30°C", "86°F",
          "€1 = ", "1,000-mile", "x", " ", "0", "9,800 feet", "at", "with the dollar at "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=12))
def test_links_never_crash_and_point_at_claims(parts: list[str]) -> None:
    text = "".join(parts)
    claims = quantities(text)
    starts = {(c.start, c.end) for c in claims}
    for c in claims:
        conv = c.get("conversion")
        if conv is not None:
            assert (conv["start"], conv["end"]) in starts and conv["start"] >= c.end and conv["precision"] > 0


_RULE_PARTS = [*_PARTS, "62 mph", "100 km/h", "2,400 MHz", "24 GHz", "-", "1.5", "12.5 miles", "85p", "£0.85",
               "(15 km)"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_RULE_PARTS), max_size=10))
def test_rule_never_crashes_and_points_at_an_equivalent(rule: Rule, parts: list[str]) -> None:
    text = "".join(parts)
    linked_spans = {(cv["start"], cv["end"]) for c in quantities(text) if (cv := c.get("conversion")) is not None}
    for f in findings(rule, text):
        assert f.suggestion and f.location.excerpt in text
        assert any(text[s:e] == f.location.excerpt for s, e in linked_spans)
