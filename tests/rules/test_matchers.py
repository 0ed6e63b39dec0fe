"""Properties of the matchers under the consistency rules.

Name folding, typo pairing, blocking and quote alignment decide what the
corpus rules compare; these properties pin their algebra: symmetric where
they should be, idempotent, deterministic, and never crashing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from factcheck.claims.spellings import SlipIndex, blocking_keys, inflection_pair, max_edits, typo_pair
from factcheck.rules.kinds.name_clusters import fold, style_key
from factcheck.rules.kinds.quote_diff import align, spelling_key, words

letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
names = st.lists(letters, min_size=1, max_size=4).map(" ".join)


@given(st.text())
def test_fold_never_crashes_and_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(names)
def test_fold_ignores_case_hyphens_and_spacing(name: str) -> None:
    variant = name.upper().replace(" ", "-", 1)
    assert fold(variant) == fold(name)
    assert style_key(variant) == style_key(name)


def test_style_key_joins_known_style_variants() -> None:
    assert style_key("Kim Jong-un") == style_key("Kim Jong Un") == style_key("KIM JONG UN")
    assert style_key("Kim Jong Un") != style_key("Kim Jong Il")


@given(names, names)
def test_typo_pair_is_symmetric_and_irreflexive(a: str, b: str) -> None:
    assert typo_pair(a, b) == typo_pair(b, a)
    assert not typo_pair(a, a)


short_words = st.text(alphabet="abcde", min_size=1, max_size=9)  # few letters: many near misses


@given(st.lists(short_words, max_size=200), short_words)
def test_slip_index_finds_what_comparing_every_word_finds(words: list[str], word: str) -> None:
    # Small groups are scanned, large ones indexed: both must agree with brute force.
    expected = sorted({w for w in words if w[0] == word[0] and typo_pair(word, w)})
    index = SlipIndex(words)
    assert index.near(word) == expected
    assert index.near(word) == expected  # a second look-up uses the built index


@given(names, names)
def test_inflection_pair_is_symmetric_and_never_a_typo_pair(a: str, b: str) -> None:
    assert inflection_pair(a, b) == inflection_pair(b, a)
    assert not (inflection_pair(a, b) and typo_pair(a, b))


@given(names, st.sampled_from(["s", "es", "an", "ian"]))
def test_a_plural_or_demonym_is_an_inflection_pair(name: str, ending: str) -> None:
    inflected = f"{name}{ending}"
    assert inflection_pair(inflected, name) and not typo_pair(inflected, name)


@given(names, names)
def test_typo_pair_implies_one_token_within_budget(a: str, b: str) -> None:
    if typo_pair(a, b):
        ta, tb = a.split(), b.split()
        diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
        assert len(ta) == len(tb) and len(diff) == 1
        x, y = diff[0]
        assert Levenshtein.distance(x, y) <= max_edits(min(x, y, key=len))


@given(names, st.data())
def test_blocking_never_loses_a_typo_pair(name: str, data: st.DataObject) -> None:
    # Make a near miss of one token and check the two names meet in the index.
    toks = name.split()
    i = data.draw(st.integers(0, len(toks) - 1))
    t = toks[i]
    assume(max_edits(t) > 0)
    pos = data.draw(st.integers(0, len(t) - 1))
    op = data.draw(st.sampled_from(["sub", "del", "ins"]))
    ch = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    if op == "sub":
        t2 = t[:pos] + ch + t[pos + 1:]
    elif op == "del":
        t2 = t[:pos] + t[pos + 1:]
    else:
        t2 = t[:pos] + ch + t[pos:]
    other = " ".join([*toks[:i], t2, *toks[i + 1:]])
    if typo_pair(other, name):
        assert blocking_keys(other) & blocking_keys(name)


def test_typo_pair_budget_is_the_meant_names_when_a_letter_is_dropped() -> None:
    """A letter dropped from an eight-letter name and one struck wrong are two slips of that
    name: the longer word's budget.  Two letters more (a word formed on the name) stay one edit's."""
    assert typo_pair("wtliams", "williams") and typo_pair("williams", "wtliams")
    assert not typo_pair("wtlims", "williams")  # three edits
    assert not typo_pair(fold("New Zealander"), fold("New Zealand"))
    assert not typo_pair("magrue", "magruder")


def test_typo_pair_keeps_different_people_apart() -> None:
    assert typo_pair(fold("Kim Long Un"), fold("Kim Jong Un"))
    assert typo_pair(fold("Noth Korea"), fold("North Korea"))
    assert not typo_pair(fold("Donald Tusk"), fold("Donald Trump"))
    assert not typo_pair(fold("Kim Jong Il"), fold("Kim Jong Un"))
    assert not typo_pair(fold("Kim Yo Jong"), fold("Kim Jong Un"))
    assert not typo_pair(fold("South Korea"), fold("North Korea"))


sentences = st.lists(st.sampled_from(
    "we must continue sanctions vigorously and without fail until the final verified denuclearization "
    "realize realise programme program data center datacenter he she his her".split()), min_size=1, max_size=20)


@given(sentences, sentences)
def test_align_is_symmetric(a: list[str], b: list[str]) -> None:
    d1, d2 = align(a, b), align(b, a)
    assert d1.similarity == d2.similarity
    assert 0.0 <= d1.similarity <= 1.0
    assert len(d1.changes) == len(d2.changes)
    assert d1.spelling_only == d2.spelling_only


@given(sentences)
def test_align_identical_has_no_changes(a: list[str]) -> None:
    d = align(a, list(a))
    assert d.changes == () and d.similarity == 1.0


@given(sentences, sentences)
def test_align_ignores_excerpt_boundaries(core: list[str], extra: list[str]) -> None:
    # One outlet quoting more of the same remark is not drift.
    d = align(core, core + extra)
    assert not [c for c in d.changes if c[0] != "spelling"]


def test_align_reports_word_changes_and_spelling_only() -> None:
    a = words("until we realize final, fully verified denuclearization")
    b = words("until we realise the fully, final, verified denuclearisation")
    d = align(a, b)
    assert not d.spelling_only
    assert "realize" in d.describe() or "final" in d.describe()
    s = align(words("we realize it"), words("we realise it"))
    assert s.spelling_only and s.changes == (("spelling", "realize", "realise", ""),)


def test_align_takes_a_closed_or_open_compound_for_spelling() -> None:
    d = align(words("The data center is the foundation of IT"), words("The datacenter is the foundation of IT"))
    assert d.spelling_only and d.changes == (("spelling", "data center", "datacenter", ""),)
    assert not align(words("the data center is ours"), words("the data centre room is ours")).spelling_only


def test_align_he_and_she_are_two_remarks() -> None:
    a, b = words("He was a very caring person"), words("She was a very caring person")
    assert align(a, b).similarity == 0.0
    assert align(words("He was a very caring person"), words("he was a truly caring person")).similarity > 0.6


@given(st.text())
def test_spelling_key_and_words_never_crash(s: str) -> None:
    spelling_key(s)
    words(s)


def test_spelling_key_joins_british_and_american() -> None:
    assert spelling_key("denuclearisation") == spelling_key("denuclearization")
    assert spelling_key("realise") == spelling_key("realize")
    assert spelling_key("programme") == spelling_key("program")
    assert spelling_key("colour") == spelling_key("color")


context = st.lists(
    st.sampled_from("page born nashville tennessee poor family quake miles southwest abbas <> #date".split()),
    max_size=12)
weights = st.dictionaries(st.sampled_from("page born nashville tennessee poor family quake miles".split()),
                          st.floats(min_value=0.1, max_value=10))


@given(context, context, weights)
def test_context_similarities_are_symmetric_and_bounded(a: list[str], b: list[str], idf: dict[str, float]) -> None:
    from factcheck.rules.kinds.conflict import weighted_jaccard, weighted_overlap

    for fn in (weighted_jaccard, weighted_overlap):
        x, y = fn(a, b, idf), fn(b, a, idf)
        assert x == y and 0.0 <= x <= 1.0 + 1e-9
    assert weighted_jaccard(a, b, idf) <= weighted_overlap(a, b, idf) + 1e-9


@given(context, weights)
def test_a_context_contained_in_another_fully_overlaps(a: list[str], idf: dict[str, float]) -> None:
    from factcheck.rules.kinds.conflict import weighted_overlap

    content = [w for w in a if not w.startswith(("<", "#"))]
    assume(content)
    assert weighted_overlap(content, [*content, "poor", "family"], idf) == 1.0


def test_context_similarities_are_the_same_to_the_last_bit_in_every_run() -> None:
    """Sets of words iterate in an order that changes with the hash seed; a pair at a
    threshold must not fall on either side of it from one run to the next."""
    code = (
        "from factcheck.rules.kinds.conflict import weighted_jaccard, weighted_overlap\n"
        "ws = [f'w{i}' for i in range(40)]\n"
        "idf = {w: 0.1 * (i % 7 + 1) + 1e-3 * i for i, w in enumerate(ws)}\n"
        "print(weighted_overlap(ws[:30], ws[5:], idf).hex(), weighted_jaccard(ws[:30], ws[5:], idf).hex())\n"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
        for seed in range(8)
    }
    assert len(outputs) == 1, outputs


def test_align_reports_a_word_inserted_after_a_short_first_word() -> None:
    d = align(words("I can't wait to start this new adventure."),
              words("I really can't wait to start this new adventure."))
    assert d.describe() == "wording: 'really' added before 'can't'"


def test_align_ignores_a_lone_shared_word_far_from_the_overlap() -> None:
    # A partial quote inside a longer one: the shared "a" twenty words away is not an anchor.
    d = align(words("impose a course of tightening sanctions"),
              words("Against a backdrop of readiness of Pyongyang to cooperate it seems inappropriate and untimely "
                    "when our Western partners have imposed a course of tightening sanctions against Pyongyang"))
    assert [c for c in d.changes if c[0] != "spelling"] == []


_ANCHOR_TEXT = st.lists(st.sampled_from(
    ["Richard", "Carter", "scored", "14", "points", "Drake's", "the", "On", "Monday", ",", "(", "yards", "from",
     "had", "12", "Seth", "VanDeest", "."]), max_size=25).map(" ".join)


@given(_ANCHOR_TEXT)
def test_name_anchor_words_are_capitalised_words_before_their_figure(text: str) -> None:
    """Every anchor word is a capitalised word of the figure's sentence, before the figure."""
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document
    from factcheck.rules.kinds.conflict import name_anchor

    doc = parse_document("a.txt", text)
    for c in extract_all(doc):
        if c.kind not in ("quantity", "count"):
            continue
        anchor = name_anchor(doc, c)
        before = doc.text[c.sentence[0]:c.start]
        caps = {w.casefold().removesuffix("'s") for w in before.split() if w[:1].isupper()}
        assert anchor <= caps
        assert name_anchor(doc, c) == anchor  # deterministic


_SPANS = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 12), st.sampled_from(["date", "quantity"])),
                  max_size=20)


@given(_SPANS, st.integers(0, 100), st.booleans())
def test_masks_find_the_first_covering_span_as_a_scan_would(spans: list[tuple[int, int, str]], pos: int,
                                                             use_skip: bool) -> None:
    """``Masks.at`` (bisection) agrees with scanning every span in order."""
    from factcheck.claims.base import Claim
    from factcheck.rules.kinds.conflict import Masks

    claims = [Claim(kind=k, start=s, end=s + n, text="x" * n, value=None) for s, n, k in spans]
    masks = Masks(claims)
    skip = (masks.spans[0][0], masks.spans[0][1]) if use_skip and masks.spans else None
    brute = next((i for i, (s, e, _k) in enumerate(masks.spans) if s <= pos < e and (s, e) != skip), None)
    assert masks.at(pos, skip) == brute


_PHRASE_TEXT = st.lists(st.sampled_from(
    ["Bush", "finished", "his", "third", "season", "with", "just", "404", "440", "yards", "and", "two",
     "touchdowns", "on", "106", "carries", ",", ".", "the", "Saints'", "AK", "47", "rifles"]),
    max_size=30).map(" ".join)


def _phrases(text: str, reach: int) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...],
                                                     tuple[str, ...]]]:
    """For each claim of ``text``: its sentence, its phrase at ``reach`` and at a reach past any sentence."""
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document
    from factcheck.rules.kinds.conflict import Masks, phrase_tokens

    doc = parse_document("a.txt", text)
    claims = extract_all(doc)
    masks = Masks(claims)
    for c in claims:
        before, after = phrase_tokens(doc, c, masks, reach)
        assert phrase_tokens(doc, c, masks, reach) == (before, after)  # deterministic
        yield (doc.text[c.sentence[0]:c.sentence[1]].casefold(), before, after,
               *phrase_tokens(doc, c, masks, 10_000))


@given(_PHRASE_TEXT, st.integers(0, 15))
def test_phrase_tokens_are_bounded_words_of_the_sentence(text: str, reach: int) -> None:
    """Each side holds at most ``reach`` tokens, every word from the figure's sentence, deterministically."""
    for sentence, before, after, _whole_before, _whole_after in _phrases(text, reach):
        assert len(before) <= reach and len(after) <= reach
        assert all(t in sentence for t in (*before, *after) if not t.startswith("#"))


_VALUE = st.one_of(st.integers(min_value=-10**6, max_value=10**6), st.floats(allow_nan=False, allow_infinity=False),
                   st.none(), st.booleans(), st.text(max_size=4))


@given(_VALUE, _VALUE)
def test_same_order_is_symmetric_reflexive_and_never_crashes(a: object, b: object) -> None:
    from factcheck.rules.kinds.conflict import SAME_ORDER, same_order

    assert same_order(a, b) == same_order(b, a)
    assert same_order(a, a)
    if isinstance(a, int) and not isinstance(a, bool) and a > 0:
        assert same_order(a, a * SAME_ORDER) and not same_order(a, a * SAME_ORDER * 1.01)


_SIDE = st.lists(st.sampled_from(["the", "season", "orleans", "with", "just", "#count=2", "#count=3", "#date=1"]),
                 max_size=8).map(tuple)


@given(_SIDE, _SIDE, _SIDE, _SIDE)
def test_shared_phrase_is_symmetric_and_bounded(b1: tuple[str, ...], a1: tuple[str, ...], b2: tuple[str, ...],
                                                a2: tuple[str, ...]) -> None:
    from factcheck.rules.kinds.conflict import shared_phrase

    words, telling = shared_phrase((b1, a1), (b2, a2))
    assert shared_phrase((b2, a2), (b1, a1)) == (words, telling)
    assert 0 <= telling <= words <= min(len(b1), len(b2)) + min(len(a1), len(a2))


@given(_SIDE, _SIDE)
def test_a_phrase_shares_every_word_with_itself(before: tuple[str, ...], after: tuple[str, ...]) -> None:
    from factcheck.rules.kinds.conflict import shared_phrase

    assert shared_phrase((before, after), (before, after))[0] == len(before) + len(after)


_AGE_TEXT = st.lists(st.sampled_from(
    ["Police", "named", "the", "36-year-old", "15-year-old", "Duncan", "Rait", "Kimani", "Gray", ",", "a", "deputy",
     "boys", "climber", "Melbourne", "was", "killed", "."]), max_size=20).map(" ".join)


@given(_AGE_TEXT)
def test_age_holder_is_a_name_of_the_document_or_a_lowercase_noun(text: str) -> None:
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document
    from factcheck.rules.kinds.conflict import age_holder, possible_people

    doc = parse_document("a.txt", text)
    claims = extract_all(doc)
    people = possible_people(claims)
    starts = [n.start for n in people]
    named = {" ".join(str(n.value).casefold().split()) for n in people}
    for c in claims:
        holder = age_holder(doc, c, people, starts)
        assert holder == age_holder(doc, c, people, starts)  # deterministic
        if holder is None:
            continue
        assert c.get("age")
        kind, who = holder
        assert (kind == "person" and who in named) or (kind == "role" and who == who.casefold() and " " not in who)


@given(names, names)
def test_same_person_is_symmetric_and_reflexive(a: str, b: str) -> None:
    from factcheck.rules.kinds.conflict import same_person

    assert same_person(a, b) == same_person(b, a)
    assert same_person(a, a)


@given(names, st.sampled_from(["", " Jr.", " III", " Sr", " iv"]))
def test_name_words_drop_only_generational_suffixes(name: str, suffix: str) -> None:
    from factcheck.claims.names import name_words

    words = name_words(name + suffix)
    assert words == (name + suffix).split()[:len(words)]  # a prefix of the name's words
    assert len(words) >= min(1, len(name.split()))  # never empty when there is a name
    assert name_words(" ".join(words)) == words  # idempotent


@given(names, st.sampled_from(["Schenectady", "Fort Smith", "the NRDC"]))
def test_a_person_is_the_same_wherever_from(name: str, place: str) -> None:
    # "Vishwanand Subryan of Schenectady" where the extractor could not cut the place off.
    from factcheck.claims.names import name_words
    from factcheck.rules.kinds.conflict import same_person

    if len(name.split()) >= 2:
        assert name_words(f"{name} of {place}") == name_words(name)
        assert same_person(f"{name} of {place}", name)


@given(_PHRASE_TEXT, st.integers(0, 12))
def test_a_shorter_reach_reads_the_nearest_words_of_a_longer_one(text: str, reach: int) -> None:
    """However the backward window is sized, each side is the words nearest the figure, in order."""
    for _sentence, before, after, whole_before, whole_after in _phrases(text, reach):
        assert (before, after) == (whole_before[:reach], whole_after[:reach])


_NOUNS = st.lists(st.sampled_from(["wall", "walls", "garden", "fence", "field", "goal", "goals", "drive", "game",
                                   "winning", "wall-section", "department", "veteran"]), max_size=4)


@given(_NOUNS, _NOUNS)
def test_one_noun_is_symmetric_and_reflexive(a: list[str], b: list[str]) -> None:
    """Two subjects name one thing or not whichever is given first; a subject always names itself,
    and so does its plural; nothing names one thing with no words at all."""
    from factcheck.rules.kinds.conflict import one_noun

    assert one_noun(a, b) == one_noun(b, a)
    assert one_noun(a, a) == bool(a)
    if a and not a[-1].endswith("s"):
        assert one_noun(a, [*a[:-1], a[-1] + "s"])
    assert not one_noun(a, [])


@pytest.mark.parametrize(("text", "holder"), [
    ("16-year-old Kimani Gray was shot.", ("person", "kimani gray")),
    ("Police said 20-year-old victim Ka'Loni Flynn died at the scene.", ("person", "ka'loni flynn")),
    ("A 34-year-old mother, Zurana Horton, was shot.", ("role", "mother")),
    # A name in a compound word is not whose age it is.
    ("The 55-year-old Glasgow-born star will play the Doctor.", ("role", "star")),
    # Nor is a name that qualifies the noun the age describes.
    ("A 31-year-old Brooklyn mom was shot in the arm.", ("role", "mom")),
    ("The 20-year-old met Mary Smith on Friday.", None),
    # The role is the noun's singular, not the noun less a final "s".
    ("The 40-year-old actress won the award.", ("role", "actress")),
    ("Two 19-year-old witnesses saw the crash.", ("role", "witness")),
    ("Three 15-year-old nurses were hired.", ("role", "nurse")),
])
def test_age_holder_examples(text: str, holder: tuple[str, str] | None) -> None:
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document
    from factcheck.rules.kinds.conflict import age_holder, possible_people

    doc = parse_document("a.txt", text)
    claims = extract_all(doc)
    people = possible_people(claims)
    ages = [c for c in claims if c.get("age")]
    assert len(ages) == 1
    assert age_holder(doc, ages[0], people, [n.start for n in people]) == holder
