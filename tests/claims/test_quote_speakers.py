"""Speakers the quote extractor used to lose although the text names them (issue 27).

Each test is a made-up text of one shape that left a named speaker unknown: an
attribution pattern that was not read; and the properties that keep the new paths
total (never raising, spans slicing back to their text, the same answer twice).
"""

from __future__ import annotations

from conftest import extractor_contract
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import Claim
from factcheck.claims.quotes import extract
from factcheck.documents import parse_document


def quotes(text: str) -> list[Claim]:
    return list(extract(parse_document("t.txt", text)))


def speakers(text: str) -> list[str | None]:
    return [c.attrs["speaker"] for c in quotes(text)]


# --------------------------------------------------------------------------- attribution patterns


def test_description_then_name_between_commas_before_the_verb() -> None:
    (c,) = quotes('"She changed how we see the city," her agent, Peter Rell, said on Friday.')
    assert (c.attrs["speaker"], c.attrs["verb"], c.attrs["attribution"]) == ("Peter Rell", "said", "after")


def test_description_then_an_aside_that_is_no_name_gives_no_speaker() -> None:
    (c,) = quotes('"She changed how we see the city," her agent, in a statement, said.')
    assert c.attrs["speaker"] is None


def test_colon_after_a_named_subject_introduces_the_next_paragraph() -> None:
    """No speech verb ("was blunt"): the colon and the subject are the attribution."""
    (c,) = quotes('Susan Marsh, director of the river trust, was blunt:\n"We will see them in court."')
    assert (c.attrs["speaker"], c.attrs["attribution"], c.attrs["verb"]) == ("Susan Marsh", "before", None)


def test_colon_after_a_misspelt_verb_introduces_the_quote() -> None:
    (c,) = quotes('Her agent Peter Rell siad: "With deep sadness I announce that she has died."')
    assert c.attrs["speaker"] == "Peter Rell"


def test_colon_does_not_attribute_to_a_possessive_or_a_name_deep_in_the_sentence() -> None:
    assert speakers("Peter Rell's statement reads: \"With deep sadness I announce that she has died.\"") == [None]
    assert speakers('In a long letter to the board, Peter Rell listed his demands: "Pay every worker on time."') \
        == [None]


def test_colon_before_a_short_title_is_not_an_attribution() -> None:
    """'Esther Williams: "Million Dollar Mermaid" Swimmer Dies' is a headline naming a film."""
    assert speakers('Peter Rell: "Silent Harbour" Actor Dies Aged 91') == [None]


def test_paragraph_ending_in_a_comma_after_a_speech_verb_introduces_the_quote() -> None:
    text = 'Susan Marsh, director of the river trust, commented,\n"We will see them in court before long."'
    assert speakers(text) == ["Susan Marsh"]


def test_stating_is_a_speech_verb() -> None:
    text = 'On Monday, President Mary Ortis ordered a review, stating that "we should strengthen the law."'
    assert speakers(text) == ["Mary Ortis"]


def test_participle_after_an_attributed_quote_keeps_its_speaker() -> None:
    """'"…," said Kelet Amarn, …, adding, "…"': the speaker already read, not the first person
    of the sentence (a name of unknown type is passed over by that search)."""
    text = ('"I saw the roofs fall onto people," said Kelet Amarn, a villager who works for Dr. Linus Ferro, '
            'adding, "Many people were injured in the night."')
    first, second = quotes(text)
    assert first.attrs["speaker"] == second.attrs["speaker"] == "Kelet Amarn"
    assert second.attrs["verb"] == "adding"


def test_surname_with_a_spaced_hyphen_is_one_speaker() -> None:
    text = ('Finance chief Anna Vell - Moreno warned of contagion.\n'
            '"Everyone must remain extremely vigilant," Vell - Moreno said.')
    assert speakers(text) == ["Anna Vell"]


# --------------------------------------------------------------------------- properties


_FRAGMENTS = [
    '"', "“", "”", ",", ".", ":", " ", "\n", "said", "told", "added", "adding", "stating", "was blunt",
    "the doctor", "a doctor at the clinic", "doctor", "her agent", "Susan Ortis", "Peter Rell", "Rell",
    "-", " - ", "Vell", "Moreno", "'s", "he", "she", "While", "Asked if", "Umm Ahmed", "Abu Omar", "We won",
]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(" ".join))
def test_new_paths_keep_the_extractor_contract(text: str) -> None:
    _doc, claims = extractor_contract(extract, text, "quote")
    for c in claims:
        assert c.value == " ".join(c.text.split())
        assert (c.attrs["speaker"] is None) == (c.attrs["speaker_type"] is None)
    assert claims == quotes(text)  # deterministic
