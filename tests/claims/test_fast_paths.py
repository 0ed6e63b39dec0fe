"""Speed-ups that must find exactly what the plain patterns find (hypothesis properties).

Each fast path below skips work a plain ``finditer`` does (positions that cannot
start a match, lines that hold no hit); these properties compare both on text
drawn from the words and characters the patterns care about, so a skipped
match shows up as a difference.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import ages
from factcheck.claims.numbers import _anchors
from factcheck.claims.numbers.patterns import _ANCHOR_BODY

_PIECES = ["died", "DIES", "Dead", "death", "at", "the", "age", "AGE", "of", "aged", "ages", "age of",
           "at the age of", "dİed", "dıes", "95", "9", "120", "7", "twenty", "one", "five", "Five", "am", "pm",
           "o'clock", "hours", "and", "or", "to", "$", "£", "US$", "a", "A", "few", "hundred", "half", "dozen",
           "several", "thousand", "million", "3.5", "1,000", "x"]
_SEPS = [" ", "  ", "\t", "\n", ", ", ". ", "-", "'", "’", "(", ")", "", ":"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_worded_ages_are_finditers(text: str) -> None:
    _assert_worded_is_finditer(text)


def _assert_worded_is_finditer(text: str) -> None:
    """The fast reader of worded ages finds what the plain pattern's finditer finds, spans and groups."""
    fast = [(m.span(), m.groupdict()) for m in ages._worded(text)]
    plain = [(m.span(), m.groupdict()) for m in ages._WORDED_RE.finditer(text)]
    assert fast == plain


_PLAIN_ANCHOR_RE = re.compile(rf"[^\w'’.,\-](?={_ANCHOR_BODY})")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_anchors_are_the_plain_patterns(text: str) -> None:
    plain = [m.end() for m in _PLAIN_ANCHOR_RE.finditer(text)]
    if re.match(_ANCHOR_BODY, text):
        plain.insert(0, 0)
    assert _anchors(text) == plain


def test_worded_ages_on_several_lines() -> None:
    text = "Smith died at 95\nShe was aged 40 and 12\nno age here\nDIED AT THE AGE OF 101 pm"
    assert [m.group("age") for m in ages._worded(text)] == [m.group("age") for m in ages._WORDED_RE.finditer(text)]
    assert [m.group("age") for m in ages._worded(text)] == ["95", "40"]


def _plain_starts(text: str) -> list[int]:
    """Sentence starts as base._boundaries found them before it reused its end marks."""
    from factcheck.claims import base

    starts = {0}
    starts.update(m.end() for m in base._START_PUNCT_RE.finditer(text) if not base._abbrev_before(text, m.start()))
    starts.update(m.end() for m in re.finditer(r"(?<=\n)\n", text))
    starts.update(nl + 1 for nl in base._line_breaks(text))
    return sorted(starts)


def _plain_ends(text: str) -> tuple[list[int], list[int]]:
    """Sentence-end triggers and offsets as base._boundaries found them before it searched blank lines
    from their first break: every end mark, then every break before another or at the text's end."""
    from factcheck.claims import base

    ends = {m.start(): m.start() + 1 for m in base._END_PUNCT_RE.finditer(text)
            if not base._abbrev_before(text, m.start())}
    for m in re.finditer(r"\n(?=\n|\Z)", text):
        ends[m.start()] = m.start()
    for nl in base._line_breaks(text):
        ends.setdefault(nl, nl)
    triggers = sorted(ends)
    return triggers, [ends[t] for t in triggers]


_SENTENCE_PIECES = ["Mr", "Dec", "U.S", "a", "B", "He", "won", "died", "said", "é", "x2", "Sept", "corps", "ſt", "Ä²"]
_SENTENCE_SEPS = [". ", ".", "? ", "!", '." ', ".) ", ".’ ", "?!", " ", "\n", "\n\n", ".\n", "...", '"']

sentences = st.lists(st.tuples(st.sampled_from(_SENTENCE_PIECES), st.sampled_from(_SENTENCE_SEPS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_sentence_starts_are_the_plain_ones(text: str) -> None:
    from factcheck.claims import base

    assert base._boundaries.__wrapped__(text)[0] == _plain_starts(text)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_sentence_ends_are_the_plain_ones(text: str) -> None:
    from factcheck.claims import base

    assert base._boundaries.__wrapped__(text)[1:] == _plain_ends(text)


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=4))
def test_anchors_within_windows_are_the_anchors_of_the_blanked_text(text: str, cuts: list[tuple[int, int]]) -> None:
    """The split-decimal repair blanks a text outside windows; its anchors, found inside the windows
    only, are those of the whole blanked text (a window may start at 0 or end at the text's end)."""
    from factcheck.claims.numbers.tokens import anchors_within
    from factcheck.claims.scan import windows

    spans = windows([(min(s, len(text)), min(s + 1, len(text))) for s, _ in cuts], 0, 0, len(text))
    spans = [(lo, min(len(text), hi + extra)) for (lo, hi), (_, extra) in zip(spans, cuts, strict=False)]
    spans = windows(spans, 0, 0, len(text))
    chars = [" "] * len(text)
    for lo, hi in spans:
        chars[lo:hi] = text[lo:hi]
    blanked = "".join(chars)
    assert anchors_within(blanked, spans) == _anchors(blanked)


def test_anchors_within_a_window_at_the_start_and_one_at_the_end() -> None:
    from factcheck.claims.numbers.tokens import anchors_within

    text = "5 people" + " " * 20 + "$3 and two"
    spans = [(0, 8), (28, len(text))]
    assert anchors_within(text, spans) == _anchors(text) == [0, 28, 29, 35]


_AGE_OF_PIECES = ["at the age of", "At  THE\tAge OF", "at\tthe age", "the age of", "age of", "at the", "at", "the",
                  "age", "91", "40", "seven", "died", "aged", "x"]
age_of_texts = st.lists(st.tuples(st.sampled_from(_AGE_OF_PIECES), st.sampled_from([" ", "  ", "\t", "\n", ",", ""])),
                        max_size=14).map(lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(age_of_texts)
def test_worded_ages_at_the_age_of_are_finditers(text: str) -> None:
    """"at the age of" starts two words before its quick hit: found from the hit by shape, as finditer finds it."""
    _assert_worded_is_finditer(text)


def test_at_the_age_of_on_a_long_line() -> None:
    text = "x " * 300 + "He died, at  the\tAge of 91, in Rome; she was aged 40 and 12." + " y" * 300
    assert [m.group("age") for m in ages._worded(text)] == ["91", "40"]
    assert [m.span() for m in ages._worded(text)] == [m.span() for m in ages._WORDED_RE.finditer(text)]


def test_with_attrs_is_dataclasses_replace() -> None:
    """``with_attrs`` builds by position what ``dataclasses.replace`` built: every field, attributes added."""
    import dataclasses

    from factcheck.claims.base import Attrs, Claim, with_attrs

    c = Claim("count", 3, 12, "5 people", 5, "people", "about", (0, 40), Attrs(noun="people", approximate=False))
    new = with_attrs(c, about={"kind": "thing"})
    old = dataclasses.replace(c, attrs=Attrs({**c.attrs, "about": {"kind": "thing"}}))
    assert [getattr(new, f.name) for f in dataclasses.fields(Claim)] == [
        getattr(old, f.name) for f in dataclasses.fields(Claim)]
    assert list(new.attrs.items()) == [("noun", "people"), ("approximate", False), ("about", {"kind": "thing"})]
    assert type(new.attrs) is Attrs and dict(c.attrs) == {"noun": "people", "approximate": False}


_CUE_PIECES = ["will", "Will", "WILL", "won't", "won’t", "said", "Said", "planned", "planned to", "is expected to",
               "is", "Is", "ahead of", "ago", "last", "Last", "need", "indeed", "United", "worked", "ed", "red",
               "'ll", "’ll", "'s due to", "’s set to", "s", "x", "unwilling", "resaid", "1990"]
_CUE_SEPS = [" ", "", "-", "'", "’", "\n", ", ", "_", "."]
cue_texts = st.lists(st.tuples(st.sampled_from(_CUE_PIECES), st.sampled_from(_CUE_SEPS)), max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(cue_texts, st.integers(0, 200), st.integers(0, 200))
def test_tense_cues_are_the_trie_pattern(text: str, lo: int, hi: int) -> None:
    """The tense-cue pattern, its word-start test first, finds what the plain trie pattern (the test
    after each word's first letter) finds, in any window ``_cues`` scans."""
    from factcheck.claims.dates.vocabulary import _APOS_CUES, _CUE_KIND, _CUE_RE, _trie

    plain = re.compile(_trie(_CUE_KIND) + "|" + _APOS_CUES + r"|ed\b(?<=[a-z][a-z]ed)")
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    assert [m.span() for m in _CUE_RE.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]
    assert [m.span() for m in _CUE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
