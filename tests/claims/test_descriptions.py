"""Tests for who a definite age description refers to (factcheck.claims.descriptions).

Each case is a made-up sentence pair: the description must resolve to the
person the text is about when the evidence is clear, and to no one when it is
not (an indefinite description, a different sex, a plural noun, a second
candidate of equal standing, a person of another age).  Hypothesis properties
check that the reading never crashes, that the holder's span slices back to
its text inside the claim's sentence, and that it is deterministic.
"""

from __future__ import annotations

import random

from fuzz_support import ALPHABET, news_sentence
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.about import ABOUT_CLAIM_KINDS, About
from factcheck.claims.base import Claim, extract_all
from factcheck.documents import parse_document


def ages_of(text: str) -> list[tuple[str, About | None]]:
    """Every age claim of ``text`` with its ``about``, in order."""
    claims = extract_all(parse_document("t.txt", text))
    return [(c.text, c.about) for c in claims if c.get("age")]


def holder(text: str, age: str) -> tuple[str, str] | None:
    """(kind, name) of the one age claim whose text is ``age``."""
    found = [a for t, a in ages_of(text) if t == age]
    assert len(found) == 1, ages_of(text)
    return (found[0].kind, found[0].name) if found[0] is not None else None


def test_a_bare_description_as_subject_is_the_person_named_before() -> None:
    text = "Maria Quill has been named the new conductor. The 48-year-old said she was delighted."
    assert holder(text, "48-year-old") == ("person", "maria quill")


def test_the_holder_is_written_where_the_description_is() -> None:
    text = "Maria Quill has been named the new conductor. The 48-year-old said she was delighted."
    found = next(a for t, a in ages_of(text) if t == "48-year-old")
    assert found is not None and found.text == "The" and text[found.start:found.end] == "The"


def test_a_noun_the_document_uses_of_the_person() -> None:
    text = ("Thomas Brenner has been chosen as the team's coach, the third coach this year. "
            "The 51-year-old Austrian coach will start in May.")
    about = next(a for t, a in ages_of(text) if t == "51-year-old")
    assert about is not None and (about.kind, about.name, about.text) == ("person", "thomas brenner", "coach")


def test_a_title_before_the_name_is_a_noun_used_of_the_person() -> None:
    text = "Cult leader Michael Tarrow was sentenced on Monday. Prosecutors said the 61-year-old cult leader lied."
    assert holder(text, "61-year-old") == ("person", "michael tarrow")


def test_a_person_named_right_after_as_the_next_clauses_subject() -> None:
    text = ("The judge spoke for an hour. He noted the 24-year-old drifter not only robbed the shop, "
            "Dale Vance also tried to hide the money.")
    assert holder(text, "24-year-old") == ("person", "dale vance")


def test_an_indefinite_description_is_someone_new() -> None:
    text = "Dale Vance was arrested on Monday. A 27-year-old parolee was also held."
    assert holder(text, "27-year-old") == ("role", "parolee")


def test_a_description_of_the_other_sex_is_someone_else() -> None:
    text = ("Michael Tarrow was convicted on Monday. He showed no emotion as he was led away. "
            "The 12-year-old girl testified by video.")
    assert holder(text, "12-year-old") == ("role", "girl")


def test_a_plural_noun_is_no_person() -> None:
    text = "Senator Ruth Okafor spoke on Monday. The 35-year-old regulations will be replaced."
    assert holder(text, "35-year-old") != ("person", "ruth okafor")


def test_a_bare_age_as_an_object_is_anyone() -> None:
    text = "Michael Tarrow was convicted on Monday. He was sentenced for the assault on the 15-year-old."
    assert holder(text, "15-year-old") is None


def test_a_person_of_its_own_sentence_is_another_participant() -> None:
    text = "Michael Tarrow arrived on Monday. Police played a tape of Tarrow with the 14-year-old."
    assert holder(text, "14-year-old") is None


def test_two_candidates_of_equal_standing_resolve_neither() -> None:
    text = "Dale Vance and Ruth Okafor met on Monday. The 40-year-old said the talks went well."
    assert holder(text, "40-year-old") is None


def test_the_sentence_subject_outranks_a_person_named_later_in_it() -> None:
    text = ("Peter Brenner, best known for playing the villain Robert Rourke on stage, was named the new "
            "host. It is a big step for the 52-year-old American.")
    assert holder(text, "52-year-old") == ("person", "peter brenner")


def test_an_apposition_after_the_description_is_not_its_person() -> None:
    text = ("Peter Brenner, an actor, was named the new host. The 52-year-old actor is the oldest host since the "
            "first one, Robert Rourke, in 1963.")
    assert holder(text, "52-year-old") == ("person", "peter brenner")


def test_a_noun_the_document_uses_of_someone_else_is_theirs() -> None:
    text = ("Mayor Ruth Okafor thanked the crews. Dale Vance, the fire chief, said 3 homes burned. "
            "Earlier, Okafor spoke. The 58-year-old chief praised the crews.")
    assert holder(text, "58-year-old") != ("person", "ruth okafor")


def test_a_person_of_another_age_is_someone_else() -> None:
    text = "Dale Vance, 44, was charged on Monday. The 19-year-old said nothing."
    assert holder(text, "19-year-old") is None


def test_a_possessive_is_not_whom_a_description_follows() -> None:
    text = "Ruth Okafor praised Dale Vance's successor. The 39-year-old said he was ready."
    assert holder(text, "39-year-old") == ("person", "ruth okafor")


def test_a_speaker_named_after_a_quote_is_not_the_topic() -> None:
    text = ("Ruth Okafor praised her doctor, David Vance, on Monday. \"She will recover,\" said Vance. "
            "The 81-year-old is at home.")
    assert holder(text, "81-year-old") is None


def test_the_subject_of_a_reported_clause_is_the_topic() -> None:
    text = ("Cult leader Michael Tarrow stood still. Prosecutor Mary Okafor said Tarrow had lied. "
            "Prosecutors charged that the 55-year-old cult leader hid the money.")
    assert holder(text, "55-year-old") == ("person", "michael tarrow")


def test_a_name_after_a_preposition_is_not_the_topic() -> None:
    text = "Dale Vance won a decision over Canada's Tim Rourke. It was a good night for the 41-year-old American."
    assert holder(text, "41-year-old") == ("person", "dale vance")


def test_a_nationality_the_document_gives_another_is_not_theirs() -> None:
    text = "Canada's Tim Rourke lost on Saturday. It was a bad night for the 33-year-old American."
    assert holder(text, "33-year-old") is None


def test_a_description_an_earlier_indefinite_one_introduced() -> None:
    text = ("Dale Vance was aiming at an 11-year-old boy. The 11-year-old boy survived with a cut arm. "
            "Vance said he was sorry.")
    (_t, first), (_u, second) = ages_of(text)
    assert first is not None and second is not None
    assert (first.kind, first.name) == (second.kind, second.name) == ("role", "boy")


def test_a_possessive_description_is_someone_else() -> None:
    text = "Dale Vance took the stand. Vance's 16-year-old friend spoke next."
    assert holder(text, "16-year-old") != ("person", "dale vance")


def test_a_named_age_stays_the_names() -> None:
    text = "Ruth Okafor spoke. The 39-year-old Dale Vance said he was ready."
    assert holder(text, "39-year-old") == ("person", "dale vance")


def _check(text: str) -> None:
    doc = parse_document("t.txt", text)
    claims: list[Claim] = extract_all(doc)
    again = extract_all(doc)
    assert [c.get("about") for c in claims] == [c.get("about") for c in again]
    for c in claims:
        a = c.about
        if a is None:
            continue
        assert c.kind in ABOUT_CLAIM_KINDS
        assert doc.text[a.start:a.end] == a.text
        assert c.sentence[0] <= a.start and not (c.start < a.end and a.start < c.end)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=6))
def test_news_text_descriptions_slice_back_and_are_deterministic(seed: int, n: int) -> None:
    rng = random.Random(seed)
    _check(" ".join(news_sentence(rng) for _ in range(n)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, "Jane Doe ", "Jane Doe's ", "The ", "the ", "a ", "55-year-old ",
                                 "actor ", "said ", ". ", ", ", "over ", "Germany's ", "American ", "girl ",
                                 "she ", "he ", "Doe, 40, "]), max_size=40))
def test_arbitrary_text_never_crashes_and_slices_back(parts: list[str]) -> None:
    _check("".join(parts))
