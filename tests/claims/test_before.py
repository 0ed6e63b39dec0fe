"""Backward patterns guarded by their last words (:class:`factcheck.claims.before.Before`) must find
exactly what the bare patterns find: a missing ending would silently lose a qualifier, a label or a change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import changes, fractions
from factcheck.claims.before import Before
from factcheck.claims.numbers import patterns

GUARDED: dict[str, Before] = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (patterns, changes, fractions)
    for name, value in vars(module).items()
    if isinstance(value, Before)
}

_PIECES = ["more than", "at least", "No.", "Nos.", "#", "Sept.", "the", "by", "to", "from", "Page", "5", "x",
           "ſome", "ſlid", "Jan", "K", "ranging", "up", "rose by", "-", "ſ", "rose", "about", "in", "fall"]
_SEPS = [" ", "  ", "\t", "\n", " \n", "", "-", ".", "'", "’"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts))


def _same_windows(name: str, guarded: Before, text: str, width: int) -> None:
    for end in range(len(text) + 1):
        start = max(0, end - width)
        fast = guarded.search(text, start, end)
        bare = guarded.rx.search(text, start, end)
        assert (fast and fast.span()) == (bare and bare.span()), (name, text[start:end])


def test_every_backward_pattern_is_guarded() -> None:
    assert set(GUARDED) == {
        "patterns._QUAL_RE", "patterns._CHANGE_BEFORE_RE", "patterns._BETWEEN_RE", "patterns._FROM_RE",
        "patterns._MONTH_BEFORE_RE", "patterns._YEAR_CONTEXT_RE", "patterns._NUMBER_LABEL_RE",
        "changes._CHANGE_BEFORE_RE", "changes._LEVEL_BEFORE_RE", "fractions._PERIOD_BEFORE_RE"}


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=4, max_value=40))
def test_guarded_search_is_the_bare_search(text: str, width: int) -> None:
    for name, guarded in GUARDED.items():
        _same_windows(name, guarded, text, width)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_guarded_search_on_the_patterns_own_matches(data: st.DataObject) -> None:
    """Text drawn from each pattern itself (every ending it can have), also with its non-ASCII dropped,
    so the guard, not the non-ASCII fallback, decides."""
    for name, guarded in GUARDED.items():
        text = data.draw(st.from_regex(guarded.rx), label=name)
        for variant in (text, text.encode("ascii", "ignore").decode()):
            _same_windows(name, guarded, variant, 60)


def test_guard_skips_and_finds() -> None:
    qual = patterns._QUAL_RE
    text = "we saw more than 500 people and 40 cars"
    assert qual.search(text, 0, text.index("500")) is not None
    assert qual.search(text, 0, text.index("40")) is None
    label = patterns._NUMBER_LABEL_RE
    assert label.search("Resolution No. 5", 0, 15) is not None
    assert label.search("ranked No\n5", 0, 10) is None  # "$" before a final newline: decided by the regex


def test_guard_lets_each_kind_of_ending_through() -> None:
    cases = {"patterns._QUAL_RE": "well over ", "patterns._CHANGE_BEFORE_RE": "rose by ",
             "patterns._BETWEEN_RE": "Between ", "patterns._FROM_RE": "ranging from ",
             "patterns._MONTH_BEFORE_RE": "on Sept. ", "patterns._YEAR_CONTEXT_RE": "mid-",
             "patterns._NUMBER_LABEL_RE": "No. ", "changes._CHANGE_BEFORE_RE": "slumped by ",
             "changes._LEVEL_BEFORE_RE": "eased to ", "fractions._PERIOD_BEFORE_RE": "this "}
    for name, window in cases.items():
        assert GUARDED[name].search(window, 0, len(window)) is not None, name
