"""The vote patterns are skipped only for documents they cannot match (``_vote_keys``): any text a pattern
matches (drawn from the pattern itself) must keep it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.numbers import extractor, patterns, votes
from factcheck.documents import parse_document


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_match_keeps_its_pattern(data: st.DataObject) -> None:
    for rx in votes._VOTE_KEYS:
        text = data.draw(st.from_regex(rx), label=str(rx.pattern[:30]))
        assert rx in votes._vote_keys(text), text


def test_keys_skip_articles_without_votes() -> None:
    tally = patterns._VOTE_TALLY_RE
    assert votes._vote_keys("Two people died in a fire on 5 May.") == {tally}
    assert votes._vote_keys("It was a 5-4 split.") == {tally, patterns._VOTE_SCORE_RE}
    assert votes._vote_keys("The ſplit") == {*votes._VOTE_KEYS, tally}


def test_votes_still_read() -> None:
    doc = parse_document("v.txt", "The resolution needs nine votes in favor and passed 13-0 with two abstentions.")
    kinds = [(c.kind, c.value) for c in extractor.extract(doc)]
    assert ("vote", 9) in kinds and ("vote", 13) in kinds
