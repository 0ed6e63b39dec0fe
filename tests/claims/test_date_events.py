"""What a date dates (:mod:`factcheck.claims.dates.events`): the event word it attaches to.

Invented sentences, one per shape the reader knows (attributive, adverbial,
a light verb's subject or object, fronted, apposed), with the cases where it
must give no event; hypothesis properties check that any text and any spans
give a string or None, deterministically.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.dates.events import event_of, normalise


def event(sentence: str, date: str) -> str | None:
    start = sentence.index(date)
    return event_of(sentence, start, start + len(date), (0, len(sentence)))


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    # attributive: the noun after a date that a determiner or possessive opens
    ("Detectives reopened the May 3, 1999 robbery of the bank.", "May 3, 1999", "robbery"),
    ("The mayor spoke about her March 9 resignation.", "March 9", "resignation"),
    ("The board praised the governor's April 2 veto.", "April 2", "veto"),
    # adverbial: the nearest verb back from the date, within its clause
    ("The singer was arrested March 14 outside the club.", "March 14", "arrested"),
    ("The poet died at home on November 2, 1987.", "November 2, 1987", "died"),
    ("The ferry was spotted by a fisherman May 30.", "May 30", "spotted"),
    ("The contract, which ends June 30, covers the season.", "June 30", "ends"),
    ("The merger will close March 31, 2004.", "March 31, 2004", "close"),
    ("The bridge was struck by lightning on August 8.", "August 8", "struck"),
    # a light verb: its subject, or its object when it has one
    ("The collapse which happened on 4 May closed the mine.", "4 May", "collapse"),
    ("The wedding took place on June 12.", "June 12", "wedding"),
    ("The council held a hearing on February 7.", "February 7", "hearing"),
    # a generic noun ("date", "deadline") is named by the noun before it
    ("The film kept its December 5, 2014 release date.", "December 5, 2014", "release date"),
    ("The film has a release date of 5 December 2014.", "5 December 2014", "release date"),
    ("The studio's planned December 5 premiere was moved.", "December 5", "premiere"),
    # apposed and fronted
    ("The club called a meeting, March 2, to elect a chairman.", "March 2", "meeting"),
    ("On August 19, 2003, the council approved the budget.", "August 19, 2003", "approved"),
    # a weekday before the date belongs to it
    ("The statue was unveiled Sunday, May 6, in the square.", "May 6", "unveiled"),
])
def test_the_event_a_date_dates(sentence: str, date: str, expected: str) -> None:
    """``expected`` is the event word as written; the key is its stem."""
    assert event(sentence, date) == normalise(expected)


@pytest.mark.parametrize(("sentence", "date"), [
    ("The spokesman said on June 3 that nothing had changed.", "June 3"),  # saying is not the story's event
    ("June 3, 2001", "June 3, 2001"),  # a date alone
    ("Smith, June 3, Jones.", "June 3"),  # names on both sides, no event word
    ("The rains fell in Ohio and June 3 was cold.", "June 3"),  # another clause's verb is not its event
])
def test_no_event(sentence: str, date: str) -> None:
    assert event(sentence, date) is None


def test_inflections_of_one_word_are_one_event_and_other_words_are_not() -> None:
    """"killed"/"killing", "ends"/"end", "announced"/"announcement" are one word each; a shooting
    and a murder, a body found and a death, are two events (no synonym families)."""
    assert normalise("killed") == normalise("killing") == normalise("kills") == "kill"
    assert normalise("ends") == normalise("end")
    assert normalise("announced") == normalise("announcement") == normalise("announce")
    assert normalise("found") == normalise("finding") == "find"
    assert normalise("died") == normalise("dies") == "die"
    assert len({normalise(w) for w in ("shooting", "murder", "death", "found")}) == 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ABC,.;'’-0123 \nOnthewasdie")), max_size=60),
       st.integers(-5, 70), st.integers(-5, 70), st.integers(-5, 70), st.integers(-5, 70))
def test_never_crashes_and_is_deterministic(text: str, start: int, end: int, lo: int, hi: int) -> None:
    first = event_of(text, start, end, (lo, hi))
    assert first is None or (isinstance(first, str) and first)
    assert event_of(text, start, end, (lo, hi)) == first


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["the", "was killed", "died on", "which ends", "On", "held a meeting,"]),
       st.sampled_from(["June 3", "3 June 2001", "Monday, June 3"]),
       st.sampled_from(["", " shooting", ", the club signed him", " in the city"]))
def test_the_event_is_read_from_the_sentence_only(before: str, date: str, after: str) -> None:
    """Text outside the sentence span never changes the event: the same sentence inside
    other sentences reads alike."""
    sentence = f"{before} {date}{after}."
    alone = event(sentence, date)
    padded = "The rain was heavy. " + sentence + " Officials killed the plan on June 9."
    lo = padded.index(sentence)
    start = padded.index(date, lo)
    assert event_of(padded, start, start + len(date), (lo, lo + len(sentence))) == alone


def test_a_killing_told_as_a_murder_is_one_act_but_an_attempt_is_not() -> None:
    assert normalise("murdered") == normalise("slaying") == normalise("killed")
    assert event("He was charged in the May 2 attempted murder of a guard.", "May 2") != normalise("murder")
    assert event("The guard was charged with murdering the cook on May 2.", "May 2") == normalise("murder")
    assert event("The firm restored service to its customers on May 2.", "May 2") == normalise("restored")


def test_a_made_event_is_its_object_or_subject() -> None:
    assert event("The decision was made on May 2 by the board.", "May 2") == normalise("decision")
    assert event("The coach made his choice on May 2.", "May 2") == normalise("choice")
