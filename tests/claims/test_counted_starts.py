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


def _plain_shared(doc: Document, claims: list[Claim], anchors: list[int]) -> Iterator[Claim]:
    """``counted._shared`` as it was before it skipped documents where no count follows "and"/"or"."""
    text = doc.text
    starts = {c.start: c for c in claims if c.kind == "count" and c.unit is not None and c.get("noun") is not None}
    if not starts:
        return
    for m in counted.at_anchors(counted._SHARED_RE, text, anchors):
        after = starts.get(m.end())
        adj = m.group("adj")
        if after is None or adj.lower() in counted._NOT_MODIFIERS or counted.singular(adj.lower()) != adj.lower():
            continue
        value = counted._value(m)
        if value is None or counted._skip(text, m, value) or value < 2:
            continue
        yield counted._claim(doc, m.start(), m.end("adj"), value, after.unit, noun=f"{adj} {after.unit}",
                             shared=True)


_SHARED_PIECES = ["12", "11", "3", "Somali", "Yemeni", "nationals", "soldiers", "and", "AND", "Or", "or", "for",
                  "nor", "two", "five", "people", "more", "by", "é", "ſ", " " * 38, "x"]
shared_texts = st.lists(st.tuples(st.sampled_from(_SHARED_PIECES), st.sampled_from([" ", "  ", "\t", ", ", ". "])),
                        max_size=20).map(lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(shared_texts)
def test_shared_nouns_with_the_first_pass_claims_are_the_plain_ones(text: str) -> None:
    """With the first pass's counts (which the shared-noun reader needs), skipping documents where no count
    follows "and"/"or" finds what trying every number finds."""
    from factcheck.claims.numbers import extract

    doc = parse_document("t.txt", text)
    anchors = _anchors(doc.text)
    claims = list(extract(doc))
    fast = [(c.start, c.end, c.value, c.unit) for c in counted._shared(doc, claims, anchors)]
    plain = [(c.start, c.end, c.value, c.unit) for c in _plain_shared(doc, claims, anchors)]
    assert fast == plain


def test_a_count_after_a_long_run_of_blanks_still_shares_its_noun() -> None:
    doc = parse_document("t.txt", "They found 12 Somali and" + " " * 38 + "11 Yemeni nationals.")
    from factcheck.claims.numbers import extract

    claims = list(extract(doc))
    shared = list(counted._shared(doc, claims, _anchors(doc.text)))
    assert [(c.value, c.unit) for c in shared] == [(12, "national")]
    assert counted._after_and_or(doc.text, doc.text.index("11"))
