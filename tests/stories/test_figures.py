"""Story evidence from figures: the values the number extractor read, and labels no claim covers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import extract_all
from factcheck.documents import parse_document
from factcheck.stories import STORY_KINDS, document_features
from factcheck.stories.features import figure_feature


def _figures(text: str) -> dict[str, int]:
    doc = parse_document("a.txt", text)
    feats = document_features(doc, extract_all(doc, STORY_KINDS))
    return {f: n for f, n in feats.counts if f.startswith("f:")}


def test_a_figure_is_the_value_the_extractor_read_however_written() -> None:
    assert _figures("The quake killed 1,300 people.") == {"f:1300": 1}
    assert _figures("The quake killed 1300 people.") == {"f:1300": 1}
    assert _figures("The storm left 2.5 million people without power.") == {"f:2500000": 1}
    assert _figures("The quake measured 6.1 on the Richter scale.") == {"f:6.1": 1}


def test_small_whole_numbers_say_nothing_of_the_event() -> None:
    assert _figures("Doe cut 3 ribbons and met 4 people.") == {}


def test_ages_are_not_figures() -> None:
    # "the 36-year-old champion" is said of a person the name features already count, and
    # ages are the commonest numbers in news: two fights years apart share one.
    assert _figures("The 36-year-old champion Klitschko won.") == {}
    assert _figures("The 36-year-old champion Klitschko won 51 fights.") == {"f:51": 1}


def test_dates_years_and_times_are_not_figures() -> None:
    assert _figures("The fire broke out on March 5, 2014 at 18:41 in 2014.") == {}


def test_a_label_no_claim_covers_is_kept() -> None:
    # A police hotline or a route number is the same in every report of one event.
    assert _figures("Call Surrey Police on 0845 125 2222.") == {"f:0845": 1, "f:125": 1, "f:2222": 1}
    assert _figures("He was caught on Interstate 75.") == {"f:75": 1}


def test_digits_inside_a_figure_count_once() -> None:
    assert _figures("Officials said 12,500 people fled and 12,500 people returned.") == {"f:12500": 2}


def test_figure_feature_of_odd_values() -> None:
    assert figure_feature(1300) == "1300"
    assert figure_feature(1300.0) == "1300"
    assert figure_feature(6.1) == "6.1"
    assert figure_feature(7) is None
    assert figure_feature(True) is None
    assert figure_feature(float("nan")) is None
    assert figure_feature(float("inf")) is None
    assert figure_feature("1300") is None
    assert figure_feature(None) is None
    assert figure_feature(10**5000) is None  # too long to print, and no evidence


@given(st.text(alphabet="0123456789,.:- abcJDoe\n", max_size=80))
def test_figures_never_crash_and_are_digits(text: str) -> None:
    for feature in _figures(text):
        digits = feature[2:]
        assert digits and digits.replace(".", "", 1).lstrip("-").isdigit(), feature
