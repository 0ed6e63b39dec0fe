"""Tests for the fact stage (factcheck.facts): keys within a story, and who is who.

Small corpora are pinned to stories (``pins``) so each test decides what a
story is; the claims are the extractors' own, as the engine gives them.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from factcheck.claims.base import Claim, extract_all, make_claim
from factcheck.documents import Document, parse_document
from factcheck.facts import FactKey, Facts, StoryPeople, build_facts, measure_of
from factcheck.facts.people import normal_name, role_noun
from factcheck.rules.model import CorpusView
from factcheck.stories import build_stories


def corpus(texts: Mapping[str, str], pins: Mapping[str, str] | None = None
           ) -> tuple[list[Document], dict[str, list[Claim]], Facts]:
    docs = [parse_document(p, t) for p, t in texts.items()]
    claims = {d.path: extract_all(d) for d in docs}
    pins = pins if pins is not None else {p: "story" for p in texts}
    return docs, claims, build_facts(docs, claims, build_stories(docs, claims, pins))


def key(facts: Facts, claims: Mapping[str, list[Claim]], path: str, text: str) -> FactKey | None:
    found = [c for c in claims[path] if c.text == text]
    assert len(found) == 1, [c.text for c in claims[path]]
    return facts.key_of(path, found[0])


def test_a_surname_alone_is_the_person_the_story_names_in_full() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "Mayor Jane Doe opened the bridge. Jane Doe cut 3 ribbons.",
        "b.txt": "On Tuesday, Doe cut 4 ribbons.",
    })
    a, b = key(facts, claims, "a.txt", "3 ribbons"), key(facts, claims, "b.txt", "4 ribbons")
    assert a == b == FactKey("story", "person:jane doe", "ribbon")


def test_a_near_miss_spelling_is_one_person() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "A day after 36-year-old Duncan Raite died, the club met.",
        "b.txt": "36-year-old Duncan Rait was killed after slipping.",
        "c.txt": "Friends of Duncan Rait gathered.",
    })
    a, b = key(facts, claims, "a.txt", "36-year-old"), key(facts, claims, "b.txt", "36-year-old")
    # The spelling most used names the person.
    assert a == b == FactKey("story", "person:duncan rait", "age")


def test_a_role_one_person_holds_is_that_person() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "Deputy John Smith was shot. Doctors treated 35-year-old John Smith.",
        "b.txt": "The 36-year-old deputy was shot on Monday.",
    })
    a, b = key(facts, claims, "a.txt", "35-year-old"), key(facts, claims, "b.txt", "36-year-old")
    assert a == b == FactKey("story", "person:john smith", "age")


def test_two_people_of_one_role_stay_apart() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "Deputy John Smith and Deputy Mary Jones were shot. Doctors treated 35-year-old John Smith "
                 "and 41-year-old Mary Jones.",
        "b.txt": "The 35-year-old deputy was shot on Monday.",
    })
    smith, jones = key(facts, claims, "a.txt", "35-year-old"), key(facts, claims, "a.txt", "41-year-old")
    role = key(facts, claims, "b.txt", "35-year-old")
    assert smith is not None and jones is not None and role is not None
    assert smith.subject == "person:john smith" and jones.subject == "person:mary jones"
    assert role.subject == "role:deputy"  # neither deputy gets a fact of "the deputy"


def test_one_surname_with_two_given_names_is_two_people() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "Jane Doe scored 14 points. John Doe scored 9 points.",
        "b.txt": "On Sunday, Doe scored 12 points.",
    })
    jane, john = key(facts, claims, "a.txt", "14 points"), key(facts, claims, "a.txt", "9 points")
    lone = key(facts, claims, "b.txt", "12 points")
    assert jane is not None and john is not None and lone is not None
    assert (jane.subject, john.subject) == ("person:jane doe", "person:john doe")
    assert lone.subject == "person:doe"  # which Doe the story cannot say


def test_names_resolve_only_within_their_story() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "Coach John Smith won 12 games.",
        "b.txt": "On Sunday, Smith won 9 games.",
        "c.txt": "On Friday, Smith lost 4 games.",
    }, pins={"a.txt": "one", "b.txt": "one", "c.txt": "two"})
    assert key(facts, claims, "b.txt", "9 games") == FactKey("one", "person:john smith", "game")
    assert key(facts, claims, "c.txt", "4 games") == FactKey("two", "person:smith", "game")


def test_a_thing_and_a_measure_make_the_key() -> None:
    _docs, claims, facts = corpus({
        "a.txt": "The quake killed 255,000 people in Haiti.",
        "b.txt": "The earthquake killed 230,000 people, and the quake left 1.5 million homeless.",
    })
    assert key(facts, claims, "a.txt", "255,000 people") == FactKey("story", "thing:quake", "person")
    assert key(facts, claims, "b.txt", "230,000 people") == FactKey("story", "thing:earthquake", "person")


def test_names_and_quotes_state_no_fact() -> None:
    _docs, claims, facts = corpus({"a.txt": "Jane Doe said \"we won 3 games\" on Monday."})
    kinds = {c.kind for c in claims["a.txt"]}
    assert "name" in kinds
    for c in claims["a.txt"]:
        assert (facts.key_of("a.txt", c) is None) == (c.kind in ("name", "quote"))


def test_facts_group_by_key_in_path_order_whatever_the_input_order() -> None:
    texts = {
        "b.txt": "Jane Doe cut 4 ribbons.",
        "a.txt": "Jane Doe cut 3 ribbons.",
    }
    _docs, _claims, facts = corpus(texts)
    _docs2, _claims2, again = corpus(dict(reversed(list(texts.items()))))
    k = FactKey("story", "person:jane doe", "ribbon")
    assert [(f.path, f.claim.value) for f in facts.stating(k)] == [("a.txt", 3), ("b.txt", 4)]
    assert [(f.path, f.key) for f in facts] == [(f.path, f.key) for f in again]
    assert facts.keys() == again.keys() and k in facts.keys()
    assert len(facts) == 2


def test_corpus_view_builds_facts_on_first_use() -> None:
    docs = [parse_document("a.txt", "Jane Doe cut 3 ribbons."), parse_document("b.txt", "Jane Doe cut 4 ribbons.")]
    view = CorpusView(docs, {d.path: extract_all(d) for d in docs})
    facts = view.facts
    assert view.facts is facts  # built once
    subjects = {f.key.subject for f in facts}
    assert subjects == {"person:jane doe"}
    assert len({f.key.story for f in facts}) == 1  # one event: one story


def test_measure_of() -> None:
    doc = parse_document("a.txt", "On May 3, 2019 the 35-year-old ran 5 miles.")
    by_text = {c.text: c for c in extract_all(doc)}
    assert measure_of(by_text["May 3, 2019"]) == "date"
    assert measure_of(by_text["35-year-old"]) == "age"
    assert measure_of(by_text["5 miles"]) == "mile"


def _name(doc: Document, text: str, **attrs: object) -> Claim:
    start = doc.text.index(text)
    return make_claim("name", doc, start, start + len(text), text, **attrs)


def test_story_people_resolution() -> None:
    doc = parse_document("a.txt", "Duncan Rait Duncan Raite Duncan Raite Foreign Minister Sergei Lavrov Rait Jong-un")
    people = StoryPeople([_name(doc, "Duncan Rait", type="person"), _name(doc, "Duncan Raite", type="person"),
                          _name(doc, "Sergei Lavrov", type="person", title="Foreign Minister"),
                          _name(doc, "Jong-un", type="place")], extra=["Duncan Raite"])
    assert [p.name for p in people.people] == ["duncan raite", "sergei lavrov"]
    assert people.subject("person", "Rait") == "person:duncan raite"
    assert people.subject("person", "Duncan Rayte") == "person:duncan raite"
    assert people.subject("role", "ministers") == "person:sergei lavrov"
    assert people.subject("role", "envoy") == "role:envoy"
    assert people.subject("person", "Jong-un") == "person:jong un"  # a place is no one's name
    assert people.subject("thing", "Quake") == "thing:quake"


@pytest.mark.parametrize(("raw", "expected"), [("Kim Jong-un", "kim jong un"),
                                               ("  Anthony  LaCalamita III", "anthony lacalamita"), ("DOE", "doe")])
def test_normal_name(raw: str, expected: str) -> None:
    assert normal_name(raw) == expected


def test_role_noun() -> None:
    assert (role_noun("Foreign Minister"), role_noun("Deputies"), role_noun("")) == ("minister", "deputy", "")


def test_an_age_through_a_description_is_the_described_persons_fact() -> None:
    """"The 48-year-old" after "Maria Quill" states Maria Quill's age: one key with another article's
    "Maria Quil, 46," (a slip of the surname), not a role's or no one's."""
    _docs, claims, facts = corpus({
        "a.txt": "Maria Quill was named conductor on Monday. The 48-year-old said she was delighted.",
        "b.txt": "Maria Quil, 46, was named conductor on Monday.",
        "c.txt": "The board named Maria Quill as conductor.",
    })
    a, b = key(facts, claims, "a.txt", "48-year-old"), key(facts, claims, "b.txt", "46")
    assert a == b == FactKey("story", "person:maria quill", "age")
