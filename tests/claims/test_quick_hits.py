"""Quick hits found from their stems (:func:`factcheck.claims.scan.quick_hits`) are exactly ``finditer``'s,
and the age reader's lines found by ``str.find`` are the regex's (hypothesis properties)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import ages, fractions
from factcheck.claims.scan import quick_hits

_PIECES = ["half", "Half", "HALF", "halves", "HALVES", "behalf", "third", "Thirds", "THIRD", "quarter",
           "Quarters", "fourth", "FOURTHS", "fifth", "sixth", "Seventh", "SEVENTHS", "eighth", "ninth", "tenth",
           "Tenths", "Tuarter", "thalf", "tenth", "nineteenth", "İ", "ı", "K", "aged", "AGE", "dİed", "dıes",
           "Death", "page", "x", "5", "of", "the"]
_SEPS = [" ", "", "\n", "-", "İ", "."]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=20).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_quick_hits_are_finditers(text: str) -> None:
    for quick, stems, offset in ((fractions._DEN_QUICK, fractions._DEN_STEMS, 1),
                                 (fractions._HALF_QUICK, ("half",), 0)):
        fast = [m.span() for m in quick_hits(quick, text, stems, offset)]
        assert fast == [m.span() for m in quick.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_age_lines_hold_the_quick_hits(text: str) -> None:
    lines = []
    end = 0
    for q in ages._WORDED_QUICK_RE.finditer(text):
        if q.start() >= end:
            end = ages._line_end(text, q.start())
            lines.append((text.rfind("\n", 0, q.start()) + 1, end))
    assert list(ages._hit_lines(text)) == lines


def test_fraction_stems_find_every_denominator() -> None:
    text = "a Seventh of them, two thirds, HALVES and a Quarter; the ninth"
    assert [m.group(0) for m in quick_hits(fractions._DEN_QUICK, text, fractions._DEN_STEMS, 1)] == [
        "Seventh", "thirds", "HALVES", "Quarter", "ninth"]
