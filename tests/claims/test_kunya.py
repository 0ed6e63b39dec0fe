"""Kunya names ("Umm Ahmed", "Abu Omar"): a "mother of" / "father of" prefix and a
given name name a person, and the prefix says which pronoun they take; the prefix
before a word that is no given name is left as it was, since places start the same way."""

from __future__ import annotations

import pytest

from factcheck.claims.names import mentions
from factcheck.claims.quotes import extract
from factcheck.documents import parse_document


def types(text: str) -> dict[str, str]:
    return {str(c.value): str(c.attrs.get("type")) for c in mentions(parse_document("t.txt", text))}


@pytest.mark.parametrize("name", ["Umm Ahmed", "Abu Omar", "Um Hassan", "Abou Ali"])
def test_kunya_and_given_name_is_a_person(name: str) -> None:
    found = types(f"{name}, a resident of the camp, described the night of the attack.\n")
    assert found[name] == "person"


def test_kunya_before_a_word_that_is_no_given_name_is_not_made_a_person() -> None:
    found = types("The cable between Abu Zarqan and the coast was cut on Tuesday.\n")
    assert found.get("Abu Zarqan") != "person"


def test_kunya_gives_the_pronoun_its_referent() -> None:
    """"she" is Umm Ahmed, named first, not the man named after her."""
    text = ("Umm Ahmed, a resident of the camp, met Abu Omar at the clinic.\n"
            '"We had nowhere to go," she said.\n')
    (q,) = extract(parse_document("t.txt", text))
    assert q.attrs["speaker"] == "Umm Ahmed"
