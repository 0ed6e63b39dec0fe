"""Tests for ``about``, the subject a figure or date is said of (factcheck.claims.about).

Each kind of subject is pinned on a sentence of its own with the exact name and
span it must give; hypothesis properties check what must hold for any text:
reading subjects never crashes, every ``about`` slices back to its text and
lies in the claim's sentence, and only number and date claims carry one.
"""

from __future__ import annotations

import random

from fuzz_support import ALPHABET, news_sentence
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.about import ABOUT_CLAIM_KINDS, ABOUT_KINDS, About
from factcheck.claims.base import Claim, extract_all
from factcheck.documents import Document, parse_document


def claims_of(text: str, kinds: tuple[str, ...] | None = None) -> tuple[Document, list[Claim]]:
    doc = parse_document("t.txt", text)
    return doc, extract_all(doc, kinds)


def about_of(text: str, figure: str) -> About | None:
    """The ``about`` of the one number or date claim whose text is ``figure``."""
    _doc, claims = claims_of(text)
    found = [c for c in claims if c.text == figure and c.kind in ABOUT_CLAIM_KINDS]
    assert len(found) == 1, f"expected one claim {figure!r} in {text!r}, got {[(c.kind, c.text) for c in claims]}"
    return found[0].about


def test_an_age_before_a_name_is_the_named_persons() -> None:
    text = "Police said 16-year-old Kimani Gray was shot."
    about = about_of(text, "16-year-old")
    assert about == About("person", "kimani gray", "Kimani Gray", 24, 35)


def test_an_age_in_apposition_is_the_person_before_it() -> None:
    about = about_of("Officers arrested John Peterson, a 32-year-old fertilizer salesman, on Friday.",
                     "32-year-old")
    assert about is not None and (about.kind, about.name, about.text) == ("person", "john peterson", "John Peterson")


def test_an_unnamed_age_is_its_roles() -> None:
    text = "The 35-year-old deputy was taken to hospital."
    about = about_of(text, "35-year-old")
    assert about == About("role", "deputy", "deputy", 16, 22)


def test_a_plural_role_is_read_singular() -> None:
    about = about_of("Two 19-year-old students were arrested.", "19-year-old")
    assert about is not None and (about.kind, about.name, about.text) == ("role", "student", "students")


def test_a_figure_is_the_person_named_before_it() -> None:
    about = about_of("Richard Carter scored 14 points for the visitors.", "14 points")
    assert about is not None and (about.kind, about.name, about.text) == ("person", "richard carter", "Richard Carter")


def test_a_surname_mention_gives_the_full_name_the_document_links() -> None:
    about = about_of("Andrew Luck was sharp. Luck threw for 205 yards on Sunday.", "205 yards")
    assert about is not None and (about.name, about.text) == ("andrew luck", "Luck")


def test_a_speaker_is_not_whom_the_figure_is_of() -> None:
    assert about_of("Mayor John Smith said 12 people were hurt.", "12 people") is None


def test_a_clause_subject_is_the_thing_the_figure_is_of() -> None:
    text = "The quake killed at least 255,000 people in Haiti."
    about = about_of(text, "at least 255,000 people")
    assert about == About("thing", "quake", "quake", 4, 9)


def test_the_things_head_noun_is_its_name() -> None:
    about = about_of("The powerful storms have killed 40 people.", "40 people")
    assert about is not None and (about.kind, about.name, about.text) == ("thing", "storm", "powerful storms")


def test_an_organisation_before_the_verb() -> None:
    about = about_of("The Pentagon's budget grew. Apple Inc. sold 5 million phones.", "5 million phones")
    assert about is not None and about.kind == "organisation"
    assert about.text.startswith("Apple")


def test_a_date_is_the_person_of_its_clause() -> None:
    about = about_of("Jane Doe was born on May 3, 1970 in Ohio.", "May 3, 1970")
    assert about is not None and (about.kind, about.name) == ("person", "jane doe")


def test_a_date_after_a_clause_break_has_no_person() -> None:
    """The name before a date across a comma is mostly who did something else, not the date's subject."""
    assert about_of("Jane Doe, the mayor, spoke on May 3, 1970 in Ohio.", "May 3, 1970") is None


def test_a_figure_without_a_subject_has_none() -> None:
    assert about_of("Prices rose 5 percent.", "5 percent") is None


def test_only_number_and_date_claims_carry_about() -> None:
    _doc, claims = claims_of("Richard Carter scored 14 points on May 3, 2019, coach Jane Doe said.")
    assert {c.kind for c in claims if c.about is not None} <= set(ABOUT_CLAIM_KINDS)
    assert all(c.get("about") is None for c in claims if c.kind not in ABOUT_CLAIM_KINDS)
    assert any(c.about is not None for c in claims)


def test_about_is_read_when_names_are_not_asked_for() -> None:
    """A rule that needs only numbers gets the same subjects: names are extracted for the reading."""
    text = "Richard Carter scored 14 points."
    _doc, numbers_only = claims_of(text, ("quantity",))
    assert [c.kind for c in numbers_only] == ["quantity"]
    assert numbers_only[0].about is not None and numbers_only[0].about.name == "richard carter"


def test_about_round_trips_through_json() -> None:
    a = About("role", "deputy", "deputy", 16, 22)
    assert About.from_json(a.to_json()) == a


def _check(doc: Document, claims: list[Claim]) -> None:
    for c in claims:
        raw = c.get("about")
        if raw is None:
            continue
        assert c.kind in ABOUT_CLAIM_KINDS
        a = c.about
        assert a is not None and a.kind in ABOUT_KINDS and a.name
        assert doc.text[a.start:a.end] == a.text, (a, c)
        assert a.name == " ".join(a.name.split()) and a.name == a.name.casefold()
        # The subject is written in the claim's sentence (or right after it, for an age's noun),
        # and never inside the claim itself.
        assert c.sentence[0] <= a.start, (a, c)
        assert not (c.start < a.end and a.start < c.end), (a, c)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=6))
def test_news_text_subjects_slice_back_to_their_text(seed: int, n: int) -> None:
    rng = random.Random(seed)
    text = " ".join(news_sentence(rng) for _ in range(n))
    doc, claims = claims_of(text)
    _check(doc, claims)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*ALPHABET, "the quake killed ", "16-year-old ", "Jane Doe ", "deputy ", " 40 people",
                                 ", a 32-year-old ", "said ", "Apple Inc. sold "]), max_size=40))
def test_arbitrary_text_never_crashes_and_slices_back(parts: list[str]) -> None:
    doc, claims = claims_of("".join(parts))
    _check(doc, claims)


def test_the_conflict_rule_reads_subjects_from_the_claims_stage() -> None:
    """One implementation: conflict's subject readers are the claims stage's, and its function
    words are the ones the name anchor skips."""
    from factcheck.claims import subjects
    from factcheck.rules.kinds.conflict import subjects as conflict_subjects
    from factcheck.rules.kinds.conflict.text import STOPWORDS

    for name in conflict_subjects.__all__:
        assert getattr(conflict_subjects, name) is getattr(subjects, name)
    assert STOPWORDS is subjects.FUNCTION_WORDS
