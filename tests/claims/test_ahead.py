"""The unit pattern guarded by its forms' leading words (:class:`factcheck.claims.ahead.FirstWord`) must find
exactly what the bare pattern finds, at every position (hypothesis properties)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.numbers.patterns import _UNIT_RE
from factcheck.claims.units import WORD_FORMS

_FORMS = sorted(WORD_FORMS)
_PIECES = [*_FORMS, *(f.upper() for f in _FORMS[::7]), "people", "of", "x", "kms", "ſecond", "Km", "km²", "°C",
           "%", "5", "per", "cent", "square", "sq", "-", "/", "h"]
_SEPS = [" ", "  ", "\t", "", "\n", "-", ".", "/", "s", "²"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=8).map(
    lambda parts: "".join(p + s for p, s in parts))


def _same_everywhere(text: str) -> None:
    for pos in range(len(text) + 1):
        fast = _UNIT_RE.match(text, pos)
        bare = _UNIT_RE.rx.match(text, pos)
        assert (fast and fast.span()) == (bare and bare.span()), (text, pos)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_guarded_unit_match_is_the_bare_match(text: str) -> None:
    _same_everywhere(text)


def test_every_form_is_found() -> None:
    for form in _FORMS:
        for text in (f" {form} of", f"{form.upper()}.", f"\t{form}"):
            assert _UNIT_RE.match(text, 0) is not None, text
            _same_everywhere(text)
