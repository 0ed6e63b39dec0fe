"""Tests for the quote extractor (factcheck.claims.quotes).

Seed articles pin the quotes and speakers the consistency rules compare across
articles (the same Pompeo quote in three wordings); unit tests cover each
attribution pattern (after, before, continuation, pronoun), partial and scare
quotes, curly and straight marks, multi-sentence and multi-paragraph quotes;
hypothesis properties check the extractor contract and that a generated
``"words," said Name.`` comes back with its words and speaker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import extractor_contract
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import EXTRACTORS, Claim
from factcheck.claims.quotes import extract
from factcheck.claims.quotes.pairing import (
    _CLOSERS,
    _MARK_RE,
    _OPENERS,
    _line_has_quote,
    _lines,
    _looks_closing,
    _make,
    _Quote,
)
from factcheck.documents import Document, load_document, parse_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# --------------------------------------------------------------------------- helpers


def doc_of(text: str) -> Document:
    return parse_document("t.txt", text)


def quotes(text: str) -> list[Claim]:
    return list(extract(doc_of(text)))


def seed(prefix: str) -> list[Claim]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    doc, _ = load_document(path)
    return list(extract(doc))


def starting(claims: list[Claim], words: str) -> Claim:
    found = [c for c in claims if c.value.startswith(words)]
    assert found, f"no quote starting {words!r} in {[c.value[:40] for c in claims]}"
    return found[0]


def speaker(c: Claim) -> tuple[str | None, str | None]:
    return c.attrs["speaker"], c.attrs["speaker_type"]


# --------------------------------------------------------------------------- registration


def test_registered() -> None:
    assert EXTRACTORS["quotes"] is extract


def test_claim_shape() -> None:
    text = '"We will not back down," said Sergei Lavrov.'
    (c,) = quotes(text)
    assert c.kind == "quote"
    assert c.value == "We will not back down"
    assert c.text == "We will not back down"
    assert c.start == 1
    assert set(c.attrs) == {"speaker", "speaker_type", "verb", "partial", "inferred", "attribution",
                            "unclosed"}
    assert dict(c.attrs) == {"speaker": "Sergei Lavrov", "speaker_type": "person", "verb": "said",
                             "partial": False, "inferred": False, "attribution": "after",
                             "unclosed": False}
    json.dumps(dict(c.attrs))


# --------------------------------------------------------------------------- seeds


LAVROV_002 = "Steps by the DPRK toward gradual disarmament should be followed by an easing of sanctions"
POMPEO_002 = ("Enforcement of UN Security Council sanctions must continue vigorously and without fail "
              "until we realize final, fully verified denuclearization")


def test_seed_002_lavrov_steps() -> None:
    (c,) = [c for c in seed("002") if c.value == LAVROV_002]
    assert speaker(c) == ("Sergei Lavrov", "person")
    assert c.attrs["verb"] == "said"
    assert c.attrs["partial"] is False
    assert c.attrs["inferred"] is False


def test_seed_002_pompeo_enforcement() -> None:
    (c,) = [c for c in seed("002") if c.value == POMPEO_002]
    assert speaker(c) == ("Mike Pompeo", "person")
    assert c.attrs["partial"] is False


def test_seed_003_pompeo_enforcement() -> None:
    c = starting(seed("003"), "Enforcement of Security Council sanctions must continue vigorously")
    assert c.value == ("Enforcement of Security Council sanctions must continue vigorously and without fail "
                       "until we realise the fully, final, verified denuclearisation")
    assert speaker(c) == ("Mike Pompeo", "person")
    assert c.attrs["verb"] == "told"


def test_seed_004_pompeo_enforcement_continues_previous_quote() -> None:
    c = starting(seed("004"), "Enforcement of UN Security Council sanctions must continue vigorously")
    assert c.value.endswith("we must all hold each other accountable.")  # two sentences, one quote
    assert speaker(c) == ("Mike Pompeo", "person")
    assert c.attrs["inferred"] is True
    assert c.attrs["attribution"] == "continuation"


def test_seed_001_nebenzia() -> None:
    claims = seed("001")
    full = [c for c in claims if not c.attrs["partial"]]
    assert len(full) == 2
    assert starting(claims, "Together with China, we prepared").attrs["speaker"] == "Vassily Nebenzia"
    assert starting(claims, "However, the United States and its allies").attrs["speaker"] == "Vassily Nebenzia"
    action = starting(claims, "action for action")
    assert action.value == "action for action"
    assert action.attrs["partial"] is True
    assert action.attrs["speaker"] == "Vassily Nebenzia"


def test_seed_000_council_diplomat() -> None:
    claims = seed("000")
    c = starting(claims, "China and Russia are pushing a sanctions-gutting resolution")
    assert speaker(c) == ("the council diplomat", "description")
    assert c.value.endswith("for the resolution to pass")
    d = starting(claims, "The UN Security Council cannot support")
    assert speaker(d) == ("the diplomat", "description")


def test_seed_000_scare_quote() -> None:
    c = starting(seed("000"), "Christmas gift")
    assert c.value == "Christmas gift"
    assert c.attrs["partial"] is True


def test_seed_002_partial_inappropriate_and_untimely() -> None:
    (c,) = [c for c in seed("002") if c.value == "inappropriate and untimely"]
    assert c.attrs["partial"] is True
    assert speaker(c) == ("Sergei Lavrov", "person")
    assert c.attrs["attribution"] == "before"


def test_seed_002_all_speakers() -> None:
    got = [(c.value[:25], c.attrs["speaker"]) for c in seed("002")]
    assert got == [
        ("positive developments", "Wang Yi"),
        ("in due course", "Wang Yi"),
        ("modify the sanctions meas", "Wang Yi"),
        ("collective punishment", "Sergei Lavrov"),
        ("Steps by the DPRK toward ", "Sergei Lavrov"),
        ("dawn of a new day", "Mike Pompeo"),
        ("Enforcement of UN Securit", "Mike Pompeo"),
        ("The members of this Counc", "Mike Pompeo"),
        ("China firmly believes tha", "Wang Yi"),
        ("Both implementing sanctio", "Wang Yi"),
        ("inappropriate and untimel", "Sergei Lavrov"),
        ("impose a course of tighte", "Sergei Lavrov"),
        ("taken important steps", "Sergei Lavrov"),
        ("It seems it would be logi", "Sergei Lavrov"),
        ("very positive", "Mike Pompeo"),
        ("much brighter future", "Mike Pompeo"),
        ("But the path to peace and", "Mike Pompeo"),
    ]


def test_seed_004_speakers() -> None:
    got = [(c.value[:20], c.attrs["speaker"], c.attrs["inferred"]) for c in seed("004")]
    assert got == [
        ("It is imperative for", "Mike Pompeo", False),
        ("Enforcement of UN Se", "Mike Pompeo", True),
        ("A timely declaration", "Wang Yi", False),
        ("In China’s view, a p", "Wang Yi", True),
        ("It is unacceptable f", "Sergei Lavrov", False),
        ("Against a backdrop o", "Sergei Lavrov", True),
        ("well into a diplomat", "Mike Pompeo", False),
        ("Pyongyang next month", "Mike Pompeo", True),
    ]


def test_seed_003_speakers() -> None:
    got = [(c.value[:20], c.attrs["speaker"]) for c in seed("003")]
    assert got == [
        ("Enforcement of Secur", "Mike Pompeo"),
        ("Until the final denu", "Mike Pompeo"),
        ("China believes that ", "Wang Yi"),
        ("Further increase of ", "Sergei Lavrov"),
    ]


# --------------------------------------------------------------------------- attribution after


@pytest.mark.parametrize(("text", "who", "verb"), [
    ('"We will not back down," said Lavrov.', "Lavrov", "said"),
    ('"We will not back down," Lavrov said.', "Lavrov", "said"),
    ('"We will not back down," Lavrov has said.', "Lavrov", "said"),
    ('"We will not back down," said Wang Yi.', "Wang Yi", "said"),
    ('"We will not back down," Lavrov added on Monday.', "Lavrov", "added"),
    ('"We will not back down" Pompeo told the council.', "Pompeo", "told"),
    ('"We will not back down," said Russian Foreign Minister Sergei Lavrov in a statement.',
     "Sergei Lavrov", "said"),
    ('"We will not back down," Mr. Pinder said.', "Pinder", "said"),
    ('"We will not back down," Bill Adgate, who works nearby, told CNN.', "Bill Adgate", "told"),
    # The person, not the body named after "of".
    ('"We will not back down," said Andrew Wetzler of the NRDC.', "Andrew Wetzler", "said"),
    ('"We will not back down," said Noah Greenwald of the Center for Biological Diversity.', "Noah Greenwald",
     "said"),
    ('"We will not back down," said Lt. Gregg Hastings of the Oregon State Police. Hastings left.',
     "Gregg Hastings", "said"),
])
def test_speaker_after(text: str, who: str, verb: str) -> None:
    (c,) = quotes(text)
    assert c.value == "We will not back down"
    assert c.attrs["speaker"] == who
    assert c.attrs["speaker_type"] in ("person", "unknown")
    assert c.attrs["verb"] == verb
    assert c.attrs["attribution"] == "after"


@pytest.mark.parametrize(("text", "who"), [
    ('"We will not back down," said the council diplomat.', "the council diplomat"),
    ('"We will not back down," the diplomat said, referring to the plan.', "the diplomat"),
    ('"We will not back down," a spokesman told reporters.', "a spokesman"),
    ('"We will not back down," Reid\'s rep told the magazine.', "Reid's rep"),
])
def test_described_speaker_after(text: str, who: str) -> None:
    (c,) = quotes(text)
    assert speaker(c) == (who, "description")


def test_surname_speaker_resolves_to_full_name() -> None:
    text = 'Sergei Lavrov spoke first.\n\n"We will not back down," Lavrov said.'
    (c,) = quotes(text)
    assert speaker(c) == ("Sergei Lavrov", "person")


def test_quote_ending_its_sentence_has_no_after_attribution() -> None:
    text = 'Pompeo spoke. "It is over." Lavrov said nothing.'
    (c,) = quotes(text)
    assert c.attrs["speaker"] is None


# --------------------------------------------------------------------------- attribution before


def test_speaker_before_full_quote() -> None:
    (c,) = quotes('Mike Pompeo said: "Sanctions must stay in place until the end."')
    assert speaker(c) == ("Mike Pompeo", "person")
    assert c.attrs["attribution"] == "before"
    assert c.attrs["partial"] is False


def test_partial_quote_before() -> None:
    text = 'Sergei Lavrov arrived. Lavrov said it was "inappropriate and untimely" to push harder.'
    (c,) = quotes(text)
    assert c.value == "inappropriate and untimely"
    assert c.attrs["partial"] is True
    assert speaker(c) == ("Sergei Lavrov", "person")
    assert c.attrs["verb"] == "said"


def test_several_partial_quotes_share_the_verb() -> None:
    text = ('Wang Yi spoke. Wang said the council should consider "in due course" a provision to '
            '"modify the sanctions measures in light of the DPRK\'s compliance."')
    claims = quotes(text)
    assert [c.value for c in claims] == ["in due course",
                                         "modify the sanctions measures in light of the DPRK's compliance"]
    assert all(c.attrs["speaker"] == "Wang Yi" and c.attrs["partial"] for c in claims)


def test_participle_takes_the_sentence_subject() -> None:
    text = 'Jane Doe downplayed the unrest, saying that "for years there have been strikes without consequence."'
    (c,) = quotes(text)
    assert c.attrs["speaker"] == "Jane Doe"


def test_negated_verb_is_not_an_attribution() -> None:
    text = 'Jack Ketsoyan would not say what the "American Pie" star was treated for.'
    (c,) = quotes(text)
    assert c.attrs["speaker"] is None
    assert c.attrs["partial"] is True


def test_naming_is_not_speech() -> None:
    text = 'Officers rushed in, following what is called an "active shooter" protocol.'
    (c,) = quotes(text)
    assert c.attrs["speaker"] is None


def test_colon_paragraph_introduces_quote() -> None:
    text = ("Commissioner Charles Ramsey said the suspect was escorted out:\n"
            "\u201cShe drove her car through a barrier and entered the premises.\u201d\n")
    (c,) = quotes(text)
    assert c.attrs["speaker"] == "Charles Ramsey"


# --------------------------------------------------------------------------- continuation and pronouns


def test_next_paragraph_quote_inherits_speaker() -> None:
    text = ('"Enforcement must continue," Pompeo said.\n\n'
            '"The members of this council must set the example."\n\n'
            'Analysts disagreed.\n')
    first, second = quotes(text)
    assert second.attrs["speaker"] == first.attrs["speaker"] == "Pompeo"
    assert second.attrs["inferred"] is True
    assert second.attrs["attribution"] == "continuation"


def test_same_paragraph_quote_after_attribution_inherits_speaker() -> None:
    text = '"China firmly believes that pressure is not the end," Wang said. "Both are equally important."'
    _, second = quotes(text)
    assert second.value == "Both are equally important."
    assert second.attrs["speaker"] == "Wang"
    assert second.attrs["inferred"] is True


def test_no_inheritance_across_narrative() -> None:
    text = ('"Enforcement must continue," Pompeo said.\n\n'
            'The council then adjourned for lunch.\n\n'
            '"We need more time to consider this."\n')
    first, second = quotes(text)
    assert first.attrs["speaker"] == "Pompeo"
    assert second.attrs["speaker"] is None


def test_pronoun_resolves_to_last_person() -> None:
    text = ('Mike Pompeo later said talks were "well into a diplomatic process." '
            'He added that he would be traveling to "Pyongyang next month to meet Chairman Kim."')
    first, second = quotes(text)
    assert first.attrs["speaker"] == "Mike Pompeo"
    assert second.attrs["speaker"] == "Mike Pompeo"
    assert second.attrs["attribution"] == "pronoun"
    assert second.attrs["inferred"] is True


def test_pronoun_after_quote() -> None:
    text = 'Angela Merkel addressed parliament.\n"This is about the future of Europe," she said.'
    (c,) = quotes(text)
    assert speaker(c) == ("Angela Merkel", "person")
    assert c.attrs["verb"] == "said"


def test_pronoun_skips_a_person_of_the_other_sex() -> None:
    """A made-up text of the ECB+ shape that credited a model's words to her photographer:
    the last person named before "she" is a man ("Gerald" is a man's given name), so the
    quote is the woman's named before him."""
    text = ("Lorna Vesk, the 1950s model, has died.\n"
            "Her agent said Vesk died in hospital.\n"
            "Her career began when she took a walk along the beach.\n"
            "A photographer named Gerald Marbury admired her and asked her to pose.\n"
            "Looking back on the career that followed, she told a magazine in 1998:\n"
            '"I never thought it was shameful.\n'
            'It was much better than typing eight hours a day."\n'
            "Nudity did not bother her, she said, explaining:\n"
            '"God approves of nudity."\n')
    claims = quotes(text)
    assert [c.attrs["speaker"] for c in claims] == ["Lorna Vesk"] * 3
    assert claims[0].attrs["attribution"] == "pronoun"


def test_pronoun_sex_from_a_title() -> None:
    """A title the document gives a person ("Mrs") is evidence too; with none, the nearest person stays."""
    text = ('Mrs Quell met Brian Brandt.\n"We agreed on nothing," she said.\n'
            'Brian Brandt met Alex Corvo.\n"We agreed on nothing," she said.\n')
    first, second = quotes(text)
    assert first.attrs["speaker"] == "Quell"
    assert second.attrs["speaker"] == "Alex Corvo"  # no evidence of her sex: the nearest who can be "she"


def test_pronoun_with_no_person_of_its_sex_has_no_speaker() -> None:
    (c,) = quotes('Mr Holt arrived late.\n"It was a long day," she said.')
    assert c.attrs["speaker"] is None
    assert c.attrs["attribution"] == "pronoun"


# --------------------------------------------------------------------------- marks and extents


def test_curly_and_straight_quotes() -> None:
    curly = quotes("\u201cWe will not back down,\u201d said Sergei Lavrov.")
    straight = quotes('"We will not back down," said Sergei Lavrov.')
    assert [(c.value, c.attrs["speaker"]) for c in curly] == [(c.value, c.attrs["speaker"]) for c in straight]


def test_multi_sentence_quote_is_one_claim() -> None:
    text = '"It is imperative. Enforcement must continue. We must all be accountable," Pompeo said.'
    (c,) = quotes(text)
    assert c.value == "It is imperative. Enforcement must continue. We must all be accountable"
    assert c.attrs["speaker"] == "Pompeo"


def test_quote_continued_in_next_paragraph_is_separate() -> None:
    text = ('"The first paragraph of the statement ends here.\n\n'
            '"The second paragraph closes the quote," the minister said.\n')
    first, second = quotes(text)
    assert first.value == "The first paragraph of the statement ends here."
    assert first.attrs["unclosed"] is True
    assert second.value == "The second paragraph closes the quote"
    assert second.attrs["speaker"] == "the minister"
    assert first.attrs["speaker"] is None or first.attrs["speaker"] == "the minister"


def test_hard_wrapped_quote_continues_over_line_break() -> None:
    text = '"Sanctions must continue until we\nrealize full denuclearization," said Mike Pompeo.\n'
    (c,) = quotes(text)
    assert c.value == "Sanctions must continue until we realize full denuclearization"
    assert c.attrs["speaker"] == "Mike Pompeo"


def test_lone_closing_mark_ends_a_run_on_quote() -> None:
    text = ('Mary Batchelor was there.\n"I\'m shocked.\nI really am," said Mary Batchelor.\n')
    first, second = quotes(text)
    assert first.value == "I'm shocked."
    assert second.value == "I really am"
    assert second.attrs["speaker"] == "Mary Batchelor"
    assert first.attrs["speaker"] == "Mary Batchelor"
    assert first.attrs["inferred"] is True


def test_scare_quotes_are_partial() -> None:
    claims = quotes('North Korea warned of a "Christmas gift" and urged "action for action."')
    assert [c.value for c in claims] == ["Christmas gift", "action for action"]
    assert all(c.attrs["partial"] for c in claims)


def test_short_standalone_quote_is_not_partial() -> None:
    text = '"Would we have done it without him?" coach Bruce Arians asked.\n"No."\n'
    _, second = quotes(text)
    assert second.value == "No."
    assert second.attrs["partial"] is False


def test_title_in_quotes_has_no_speaker() -> None:
    (c,) = quotes('"Twilight" author Stephenie Meyer confirmed the news.')
    assert c.value == "Twilight"
    assert c.attrs["speaker"] is None


def test_single_quotes_and_apostrophes_are_not_quotes() -> None:
    assert quotes("Russia's 'Fake News' campaign, he's sure, isn't new.") == []


def test_empty_and_punctuation_only_quotes_are_skipped() -> None:
    assert quotes('He wrote "" and "..." and "," then left.') == []


def test_no_quote_marks_no_claims() -> None:
    assert quotes("Pompeo said sanctions must stay.") == []


# --------------------------------------------------------------------------- properties


def _check_contract(text: str) -> None:
    _doc, claims = extractor_contract(extract, text, "quote")
    for c in claims:
        assert c.value == " ".join(c.text.split())
        assert c.value
        assert c.attrs["speaker_type"] in (None, "person", "place", "organisation", "unknown", "description")
        assert (c.attrs["speaker"] is None) == (c.attrs["speaker_type"] is None)


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_contract(text)


_FRAGMENTS = [
    '"', "“", "”", "«", "»", "„", "'", "’", ",", ".", "?", "!", ":", " ", "\n", "\n\n", "said", "told",
    "Lavrov", "Sergei Lavrov", "Mr.", "the diplomat", "he", "She", "added", "and", "called", "what's",
    "not", "We", "will", "win", "It is over", "Pompeo", "U.S.", "—", "saying", "that", "the",
]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(" ".join))
def test_never_raises_on_quoteish_text(text: str) -> None:
    _check_contract(text)


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join))
def test_never_raises_on_glued_quoteish_text(text: str) -> None:
    _check_contract(text)


_WORDS = st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=12).map(" ".join)
_SYLLABLES = ["ka", "lo", "mi", "ren", "tov", "zu", "shi", "bar", "nek", "vo", "dal", "qui"]
_PSEUDO = st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=4).map(lambda p: "".join(p).capitalize())
_NAMES = st.one_of(
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(["Anna", "David", "Sergei", "Wang", "Maria"]), _PSEUDO),
    st.builds(lambda a, b: f"{a} {b}", _PSEUDO, _PSEUDO),
    st.sampled_from(["Sergei Lavrov", "Mike Pompeo", "Kim Jong Un", "Moon Jae-in"]),
)


@given(_WORDS, _NAMES)
def test_generated_quote_round_trips(words: str, name: str) -> None:
    text = '"' + words + '," said ' + name + "."
    claims = quotes(text)
    assert len(claims) == 1
    c = claims[0]
    assert c.value == words
    assert c.attrs["speaker"] == name
    assert c.attrs["verb"] == "said"


@given(_WORDS, _NAMES)
def test_generated_curly_quote_with_subject_first(words: str, name: str) -> None:
    text = "\u201c" + words + ",\u201d " + name + " told reporters."
    (c,) = quotes(text)
    assert c.value == words
    assert c.attrs["speaker"] == name


def test_straight_quote_closed_by_a_curly_mark() -> None:
    (c,) = quotes('After he "adjusted his waistband and continued to act in a suspicious manner,\u201d '
                  "officials say the cops got out of their car.")
    assert c.value == "adjusted his waistband and continued to act in a suspicious manner"
    assert c.attrs["speaker"] == "officials"
    assert not c.attrs["unclosed"]


def test_curly_quote_inside_a_straight_one_does_not_close_it() -> None:
    (c,) = quotes('"He told me \u201cnever again\u201d and then he left the room," said Anna Kalovo.')
    assert c.value == "He told me \u201cnever again\u201d and then he left the room"
    assert c.attrs["speaker"] == "Anna Kalovo"


@pytest.mark.parametrize(("attribution", "speaker"), [
    ("Qeshm governor Mehdi Irannejad was quoted as saying", "Mehdi Irannejad"),
    ("the company was quoted as saying in an official statement", "the company"),
    ("Warren Jeffs was heard saying", "Warren Jeffs"),
])
def test_reported_speech_phrases_are_not_part_of_the_speaker(attribution: str, speaker: str) -> None:
    (c,) = quotes(f'"Two people from the village were hurt but their condition is good," {attribution}.')
    assert c.attrs["speaker"] == speaker


def test_a_quote_with_its_own_unread_attribution_is_not_a_continuation() -> None:
    text = ('"We are not confirming anything at this point," said studio spokesman Tom Rentava.\n'
            '"We are not confirming," echoed a second representative of the studio.\n')
    first, second = quotes(text)
    assert first.attrs["speaker"] == "Tom Rentava"
    assert second.attrs["speaker"] is None  # unknown beats the wrong speaker


# --------------------------------------------------------------------------- linear-time helpers

_PUNCTISH = st.lists(st.sampled_from([".", "!", "?", "…", " ", "\n", "a", "B", ".a", "x. "]), max_size=30).map("".join)


@given(_PUNCTISH, st.integers(0, 40), st.integers(0, 40))
def test_sentence_end_lookup_agrees_with_a_regex_search(text: str, pos: int, line_end: int) -> None:
    """The precomputed sentence ends give what a search of ``[pos, line_end)`` gives
    (where ``$`` also matches at the end of the range)."""
    from factcheck.claims.quotes.speakers import _SENT_END_RE, _Speakers

    line_end = min(line_end, len(text))
    m = _SENT_END_RE.search(text, pos, line_end)
    assert _Speakers(doc_of(text)).sentence_end(pos, line_end) == (m.end() if m else line_end)


@given(st.lists(st.integers(0, 60), max_size=12), st.integers(0, 60), st.integers(0, 60))
def test_words_outside_quotes_is_the_brute_force_filter(bounds: list[int], a: int, b: int) -> None:
    """The merge in ``_words_outside`` drops exactly the words inside a quote span."""
    from factcheck.claims.quotes.attribution import _words_outside
    from factcheck.claims.quotes.pairing import _Quote
    from factcheck.claims.quotes.speakers import _WORD_RE

    text = "ab cd ef gh ij kl mn op qr st uv wx yz ab cd ef gh ij kl mn op"
    cuts = sorted(set(bounds))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))  # sorted, disjoint: quotes do not nest
    qs = [_Quote(o, c, o + 1, c, 0) for o, c in spans]
    brute = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, a, b)
             if not any(o <= m.start() <= c for o, c in spans)]
    assert _words_outside(text, a, b, qs) == brute


# --------------------------------------------------------------------------- pairing visits only lines with marks

_MARKISH = st.lists(st.sampled_from(['"', "“", "”", "„", "«", "»", "a", "B", " ", "\n", "\n\n", ".", ",", "x y",
                                     "said."]), max_size=40).map("".join)


@given(_MARKISH)
def test_pairing_skips_only_lines_that_cannot_change_it(text: str) -> None:
    """``_pair`` visits the lines with marks and those a carried quote continues into; the
    result is what visiting every line gives."""
    from factcheck.claims.quotes.pairing import _pair

    assert _pair(text) == _pair_every_line(text)


def _pair_every_line(text: str) -> list[_Quote]:
    """The pairing as it was before it skipped lines without marks: every line visited."""
    out: list[_Quote] = []
    lines = _lines(text)
    carry: int | None = None  # an opening mark carried over a hard-wrapped line break
    carry_kind = ""
    for li, (ls, le) in enumerate(lines):
        marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, ls, le)]
        state: int | None = carry
        kind = carry_kind
        carry = None
        inner = False  # a curly quote opened inside a straight one
        for k, (pos, ch) in enumerate(marks):
            if state is None:
                if ch in _CLOSERS or (ch == '"' and k == len(marks) - 1 and _looks_closing(text, pos, ls, le)
                                      and not _line_has_quote(out, li)):
                    if k == 0 and out and out[-1].unclosed:
                        q = _make(text, ls, pos, li, lone_close=True)
                        if q is not None:
                            out.append(q)
                    continue
                state, kind, inner = pos, ch, False
                continue
            closes = (ch == '"' and kind == '"') or (ch in _CLOSERS and kind in _OPENERS)
            if kind == '"' and ch in _CLOSERS:
                # Mixed typography closes a straight quote with a curly mark
                # ('"adjusted his waistband,” officials say'), unless the curly
                # mark closes a quote within the quote.
                closes, inner = not inner, False
            elif kind == '"' and ch in _OPENERS:
                inner = True
            if closes:
                q = _make(text, state, pos, li)
                if q is not None:
                    out.append(q)
                state = None
            elif ch in _OPENERS and kind in _OPENERS:
                # A new opening mark while one is open: the first was never closed.
                q = _make(text, state, pos, li, unclosed=True)
                if q is not None:
                    out.append(q)
                state, kind = pos, ch
            # otherwise: a mark of the other family inside the quote; part of it
        if state is not None:
            stripped = text[ls:le].rstrip()
            nxt = lines[li + 1] if li + 1 < len(lines) else None
            hard_wrap = (nxt is not None and nxt[0] == le + 1 and stripped[-1:] not in ".!?…:\"”"
                         and text[nxt[0]:nxt[1]].lstrip()[:1] not in "\"“„«")
            if hard_wrap:
                carry, carry_kind = state, kind
            else:
                q = _make(text, state, le, li, unclosed=True)
                if q is not None:
                    out.append(q)
    return out


_MEN = ["John", "Peter", "Michael", "Jerry", "David"]
_WOMEN = ["Mary", "Susan", "Linda", "Karen", "Anna"]


@given(st.sampled_from(_WOMEN), st.sampled_from(_MEN), _PSEUDO, _PSEUDO, _WORDS)
def test_generated_pronoun_agrees_with_the_speaker(woman: str, man: str, s1: str, s2: str, words: str) -> None:
    """Whichever of a woman and a man is named last, "she" and "he" each go to the person of
    their sex; the order of the two sentences never changes who said what."""
    she, he = f"{woman} {s1}", f"{man} {s2}"
    for first, second in ((she, he), (he, she)):
        text = (f"{first} arrived in the city.\n{second} met the mayor.\n"
                f'"{words}," she said.\n"{words}," he said.\n')
        a, b = quotes(text)
        assert (a.attrs["speaker"], b.attrs["speaker"]) == (she, he)
