"""The count readers tried only where their number and next word allow (``counted._Starts``) find exactly what
they find at every anchor (hypothesis property)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import counted
from factcheck.claims.base import Claim
from factcheck.claims.numbers import _anchors
from factcheck.documents import Document, parse_document

_PIECES = ["5", "12", "1,000", "one", "One", "two", "five hundred", "hundred", "and", "or", "of", "the", "them",
           "more", "others", "further", "who", "whom", "were", "killed", "Dead", "missing", "miſſing", "people",
           "Somali", "Yemeni", "nationals", "by", "for", "scored", "added", "another", "a", "dozen", "x", "OF",
           "twenty-one", "ſ", "K"]
_SEPS = [" ", " ", "  ", "\t", ", ", ". ", "\n", "", "-"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=16).map(
    lambda parts: "".join(p + s for p, s in parts))


def _every_anchor(doc: Document, anchors: list[int]) -> Iterator[Claim]:
    yield from counted._partitives(doc, anchors)
    yield from counted._more(doc, anchors)
    yield from counted._ones(doc, anchors)
    yield from counted._who(doc, anchors)
    yield from counted._casualties(doc, anchors)
    yield from counted._elided(doc, [], anchors)
    yield from counted._shared(doc, [], anchors)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_counts_are_those_of_every_anchor(text: str) -> None:
    doc = parse_document("t.txt", text)
    anchors = _anchors(doc.text)
    fast = [(c.kind, c.start, c.end, c.value, c.unit) for c in counted.read(doc, [], anchors)]
    plain = [(c.kind, c.start, c.end, c.value, c.unit) for c in _every_anchor(doc, anchors)]
    assert fast == plain


def test_starts_group_numbers_by_next_word() -> None:
    starts = counted._Starts("5 of them, two more and 7 killed; first", [0, 11, 24, 34])
    assert starts.numbers == [0, 11, 24]
    assert starts.followed_by(counted._PARTITIVE_WORDS) == [0]
    assert starts.followed_by(counted._CASUALTY_WORDS) == [24]
