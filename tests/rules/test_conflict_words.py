"""``SentenceWords`` reads a sentence once and must answer exactly as the reference readers do.

The conflict rule's context windows, verbatim phrases and sentence words were read
by :func:`context_words`, :func:`phrase_tokens` and :func:`content`, one regular
expression pass per figure.  :class:`SentenceWords` tokenises each sentence once
and slices; these properties hold it to the reference on texts full of what
makes slicing hard: possessives, apostrophes, digits glued to words, figures
covering several words, overlapping masks, and claims cut inside a word.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.base import Claim, extract_all
from factcheck.documents import parse_document
from factcheck.rules.kinds.conflict.text import Masks, SentenceWords, content, context_words, phrase_tokens

_WORDS = ["Bush", "finished", "his", "third", "season", "with", "just", "404", "yards", "and", "two", "on",
          "March", "3,", "2009", "Sunday's", "o'neil", "rock’n’roll", "James'", "'s", "the", "a", "I", "10km",
          "US$5", "AK-47", "x''s", "’", "'", ",", ".", "(", ")", "\n", "1990s", "mid-2010", "twenty-five",
          "about", "500,000", "barrels", "of", "oil", "élan", "٣"]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)
_KINDS = st.sampled_from(["date", "quantity", "count", "ordinal", "name"])


def _check(text: str, extra: list[tuple[int, int, str]], windows: tuple[int, ...], reaches: tuple[int, ...]) -> None:
    doc = parse_document("a.txt", text)
    claims = list(extract_all(doc))
    n = len(doc.text)
    for a, length, kind in extra:  # spans anywhere, cutting words, overlapping, in made-up sentences
        s, e = sorted((a % (n + 1), (a * 7 + length) % (n + 1)))
        start = min(max(s, a % (n + 1)), e)
        end = min(start + length, e)
        claims.append(Claim(kind=kind, start=start, end=end, text=doc.text[start:end], value=length,
                            sentence=(s, e)))
    masks = Masks(claims)
    for c in claims:
        words = SentenceWords(doc.text, c.sentence[0], c.sentence[1], masks)
        assert words.words == frozenset(w for w in content(doc.text, *c.sentence, masks) if not w.startswith("#"))
        for window in windows:
            assert words.context(doc, c, masks, window) == context_words(doc, c, masks, window)
        for reach in reaches:
            assert words.phrase(doc, c, masks, reach) == phrase_tokens(doc, c, masks, reach)


@settings(max_examples=300)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30), _KINDS), max_size=6))
def test_sentence_words_read_as_the_reference_readers(text: str, extra: list[tuple[int, int, str]]) -> None:
    _check(text, extra, (0, 1, 2, 6), (0, 1, 3, 12))


@given(st.text(alphabet="ab1' ’.,\n", max_size=60),
       st.lists(st.tuples(st.integers(0, 100), st.integers(0, 8), _KINDS), max_size=6))
def test_sentence_words_on_arbitrary_characters(text: str, extra: list[tuple[int, int, str]]) -> None:
    _check(text, extra, (0, 1, 3), (0, 2, 5))


def test_a_claim_cut_inside_a_word_reads_as_the_reference() -> None:
    """ "Sunday's": the date ends before the possessive, inside the token the sentence holds."""
    doc = parse_document("a.txt", "Voters went to the polls in Sunday's election, on March 3, 2009.\n")
    claims = [c for c in extract_all(doc) if c.kind == "date"]
    assert any(doc.text[c.end:c.end + 2] == "'s" for c in claims)
    masks = Masks(claims)
    for c in claims:
        words = SentenceWords(doc.text, *c.sentence, masks)
        assert words.context(doc, c, masks, 6) == context_words(doc, c, masks, 6)
        assert words.phrase(doc, c, masks, 12) == phrase_tokens(doc, c, masks, 12)


_NUMBER = st.one_of(st.integers(-5, 2 ** 60), st.floats(allow_nan=False), st.booleans(), st.none(),
                    st.sampled_from(["2009-03-03", "x"]), st.sampled_from([1, 4, 16, 0.25, 2 ** 53, 2 ** 53 + 1]))


@given(st.lists(_NUMBER, min_size=1, max_size=20), st.integers(0, 19))
def test_near_values_are_those_of_the_same_order(numbers: list[object], pick: int) -> None:
    """The shortcut through a measure's smallest and largest value gives what testing every
    value with ``same_order`` gives, for each value of the measure."""
    from factcheck.rules.kinds.conflict.statements import NearValues, same_order

    values = {repr(v): v for v in numbers}
    near = NearValues()
    listed = list(values.values())
    for value in [*listed[pick % len(listed):], *listed]:
        expected = frozenset(r for r, v in values.items() if len(values) > 16 or same_order(v, value))
        assert near.of(("count", ""), values, value) == expected
