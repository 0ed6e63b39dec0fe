"""The vote patterns are skipped only for documents they cannot match (``_vote_keys``): any text a pattern
matches (drawn from the pattern itself) must keep it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.numbers import extractor, patterns
from factcheck.documents import parse_document


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_match_keeps_its_pattern(data: st.DataObject) -> None:
    for rx in extractor._VOTE_KEYS:
        # the tally is kept only with its context before it, which is what its words stand for
        source = patterns._TALLY_BEFORE_RE if rx is patterns._VOTE_TALLY_RE else rx
        text = data.draw(st.from_regex(source), label=str(source.pattern[:30]))
        assert rx in extractor._vote_keys(text), text


def test_keys_skip_articles_without_votes() -> None:
    assert extractor._vote_keys("Two people died in a fire on 5 May.") == set()
    assert extractor._vote_keys("It passed 13-0.") == {patterns._VOTE_TALLY_RE}
    assert extractor._vote_keys("The ſplit") == set(extractor._VOTE_KEYS)


def test_votes_still_read() -> None:
    doc = parse_document("v.txt", "The resolution needs nine votes in favor and passed 13-0 with two abstentions.")
    kinds = [(c.kind, c.value) for c in extractor.extract(doc)]
    assert ("vote", 9) in kinds and ("vote", 13) in kinds
