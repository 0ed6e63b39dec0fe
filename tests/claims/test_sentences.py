"""Sentence and line bounds: the context every claim carries."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import line_bounds, sentence_bounds


def sentence_of(text: str, word: str) -> str:
    i = text.index(word)
    s, e = sentence_bounds(text, i, i + len(word))
    return text[s:e]


ARTICLE = (
    "http://example.com/news/colts-beat-chiefs\n"
    "Colts beat Chiefs 20-13 to clinch playoff berth\n"
    "December 23, 2012 6:11 PM\n"
    "Luck threw for 205 yards Sunday, and his 7-yard touchdown pass gave the Colts a 20-13 victory over the "
    "Kansas City Chiefs.\n"
)


def test_headline_byline_and_url_lines_are_sentences_of_their_own() -> None:
    assert sentence_of(ARTICLE, "Colts beat") == "Colts beat Chiefs 20-13 to clinch playoff berth"
    assert sentence_of(ARTICLE, "6:11") == "December 23, 2012 6:11 PM"
    assert sentence_of(ARTICLE, "205 yards").startswith("Luck threw")
    assert sentence_of(ARTICLE, "colts-beat") == "http://example.com/news/colts-beat-chiefs"


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks() -> None:
    prose = ("The Security Council voted on the resolution after a long debate in New York on Monday, "
             "with nine votes in favour and no vetoes. The envoy said little.")
    wrapped = textwrap.fill(prose, width=40) + "\n"
    first = sentence_of(wrapped, "Security")
    assert " ".join(first.split()) == prose.split(" The envoy")[0]
    assert " ".join(sentence_of(wrapped, "envoy").split()) == "The envoy said little."


def test_a_list_item_ends_at_its_line_but_a_colon_does_not_end_its_lead_in() -> None:
    text = "The six parties were:\n- North Korea\n- South Korea\n- the United States, China, Russia and Japan\n"
    assert sentence_of(text, "South") == "- South Korea"
    assert sentence_of(text, "parties") == "The six parties were:\n- North Korea"


def test_line_bounds() -> None:
    text = "one\ntwo three\n\nfour"
    assert line_bounds(text, 4, 7) == (4, 13)
    assert line_bounds(text, 0, 0) == (0, 3)
    assert line_bounds(text, 15, 19) == (15, 19)
    assert line_bounds(text, 1, 6) == (0, 13)  # a span across lines gets both


TEXTS = st.lists(st.sampled_from([*"ab .!?\n:,", "Mr.", "U.S.", "\n\n"]), max_size=80).map("".join)


@given(TEXTS, st.data())
def test_sentence_bounds_contain_the_span_and_do_not_cross_a_blank_line(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = sentence_bounds(text, start, end)
    assert 0 <= s <= start <= end <= e <= len(text)
    if "\n" not in text[max(start - 1, 0):end + 1]:
        assert "\n\n" not in text[s:e].strip("\n")


@given(TEXTS, st.data())
def test_line_bounds_are_the_lines_around_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = line_bounds(text, start, end)
    assert s <= start <= end <= e
    assert s == 0 or text[s - 1] == "\n"
    assert e == len(text) or text[e] == "\n"
    assert "\n" not in text[s:start] and "\n" not in text[end:e]


def test_a_sentence_ending_in_a_closing_quote_ends_there() -> None:
    text = ('Nichols said Jeffs acted "to satisfy his own appetites and desires."\n'
            "Prosecutors charged that the 55-year-old sect leader assaulted two girls.\n"
            "He said: 'It is over.' The court rose (after an hour.) Then it sat.")
    assert sentence_of(text, "55-year") == "Prosecutors charged that the 55-year-old sect leader assaulted two girls."
    assert sentence_of(text, "court") == "The court rose (after an hour."
    assert sentence_of(text, "Then") == "Then it sat."


def test_all_extractors_share_one_reading_of_a_documents_sentences() -> None:
    """Every extractor asks for sentence bounds; the boundaries are found once per text and shared
    (a bounded cache keyed by the text), so a document costs one reading however many claims ask."""
    from factcheck.claims import base
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document

    doc = parse_document("t.txt", "UN Security Council\nThe council, led by Mr. Smith, voted 13-0 on June 5. "
                                  "\"We have six nuclear tests,\" said Dr. Lee, 52, on Monday.\n\nOne more line.\n")
    base._boundaries.cache_clear()
    claims = extract_all(doc)
    info = base._boundaries.cache_info()
    assert {c.kind for c in claims} >= {"name", "date", "vote", "count", "quote"}
    assert info.misses == 1 and info.hits >= len(claims) - 1
    assert base._boundaries.cache_info().maxsize is not None  # bounded: a long scan cannot grow it


_ABBREV_TEXT = st.lists(st.sampled_from([*"aBxé.İ ", "Mr", "dec", "U.S", "Sept", "corp", "ſt", "ǅ"]),
                        max_size=12).map("".join)


@given(_ABBREV_TEXT)
def test_abbreviation_test_reads_the_whole_word_before_the_dot(text: str) -> None:
    """The walk back stops past the longest abbreviation; it answers as a walk through the whole word."""
    from factcheck.claims import base

    text += "."
    dot = len(text) - 1
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    assert base._abbrev_before(text, dot) == (word in base._ABBREVS or (len(word) == 1 and word.isalpha()))


def test_make_claim_fills_every_field_by_name() -> None:
    """``make_claim`` passes the fields by position: each must land in the field of its name."""
    import dataclasses

    from factcheck.claims.base import Claim, make_claim
    from factcheck.documents import parse_document

    doc = parse_document("t.txt", "Officials said 500 people came. Then they left.")
    c = make_claim("count", doc, 15, 25, 500, unit="person", qualifier="about", noun="people")
    expected = Claim(kind="count", start=15, end=25, text="500 people", value=500, unit="person", qualifier="about",
                     sentence=(0, 31), attrs={"noun": "people"})
    assert [f.name for f in dataclasses.fields(Claim)] == ["kind", "start", "end", "text", "value", "unit",
                                                           "qualifier", "sentence", "attrs"]
    assert {f.name: getattr(c, f.name) for f in dataclasses.fields(Claim)} == \
        {f.name: getattr(expected, f.name) for f in dataclasses.fields(Claim)}
