"""The names tokeniser's one-pass scan against the two-scan reading it replaced.

``_tokenise`` finds capitalised words and lower-case keywords with one regex of
two alternatives (``_Lexicon.token_re``).  It used to run two regexes and merge
their matches by position; the single scan gives the same tokens only because a
keyword never starts where a capitalised word does, and a keyword inside a
capitalised word ("Jae-in", "Smith-of") follows a hyphen or apostrophe and is
dropped either way.  This differential test keeps that argument honest: the
reference below is the former two-scan tokeniser, verbatim but for names.

The tokeniser now also leaves out the keywords from which no blank gaps lead,
over keywords only, to a capital ("said" in "Kim said that"): they join
nothing.  So the reference's capitals must all be there, its keywords that
lead to a capital too, and no keyword it lacks; and the claims found with the
reference's tokens, every keyword kept, must be the claims found with the
tokeniser's.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.names import evidence
from factcheck.claims.names.extractor import _find_mentions
from factcheck.claims.names.lexicon import (
    _CAP_ONLY_RE,
    _CAP_RE,
    _DOT_TITLES,
    _DOTTED_RE,
    _GLUED,
    _INITIAL_DOT_RE,
    _PARTICLE_HINT_RE,
    _POSS_GLUED_RE,
    _TITLE_DOT_RE,
    _Lexicon,
    _lexicon,
    _trie_regex,
)
from factcheck.claims.names.tokens import (
    _OPEN_QUOTES,
    _SENT_END,
    _SKIP_BACK,
    _SPACES,
    _is_cap,
    _keyword,
    _make_tok,
    _split_compound,
    _Tok,
    _tokenise,
    abbreviation_before,
)
from factcheck.documents import parse_document


def _keyword_re(lex: _Lexicon) -> re.Pattern[str]:
    return re.compile(r"\b" + _trie_regex(sorted(k for k in lex.keywords if k.isascii())) + r"\b(?![-'’‑]\w)")


def _two_scan_tokenise(text: str, lex: _Lexicon) -> list[_Tok]:
    """The tokeniser before the scans were merged: capitalised words by ``_CAP_RE``,
    keywords by their own regex, merged in text order."""
    toks: list[_Tok] = []
    line = 0
    prev_raw_end = 0
    kws = [m.span() for m in _keyword_re(lex).finditer(text)]
    kws.append((len(text) + 1, len(text) + 1))
    ki = 0
    cap_end = 0
    for m in _CAP_RE.finditer(text):
        s, e = m.span()
        if s < cap_end:
            continue
        while kws[ki][0] < s:
            ks, ke = kws[ki]
            ki += 1
            if not ks or text[ks - 1] not in "'’-‑":
                line += text.count("\n", prev_raw_end, ks)
                prev_raw_end = ke
                _keyword(text, toks, ks, ke, line)
        word = m.group()
        if not _is_cap(word):
            continue
        if e < len(text) and text[e] == ".":
            d = _DOTTED_RE.match(text, s)
            if d is not None:
                e = d.end()
                word = d.group()
            elif (word in _DOT_TITLES and _TITLE_DOT_RE.match(text, e)) or (
                    len(word) == 1 and _INITIAL_DOT_RE.match(text, e)):
                e += 1
                word += "."
        cap_end = e
        if "-" in word and (word.rpartition("-")[2] in _GLUED or _POSS_GLUED_RE.search(word)):
            word = word.rpartition("-")[0]
            e = s + len(word)
        line += text.count("\n", prev_raw_end, s)
        prev_raw_end = e
        j = s - 1
        opened = False
        while j >= 0 and text[j] in _SKIP_BACK:
            if text[j] in _OPEN_QUOTES:
                opened = True
            j -= 1
        if j < 0 or text[j] == "\n" or opened:
            initial = True
        elif text[j] in _SENT_END:
            initial = not (text[j] == "." and abbreviation_before(text, j))
        else:
            initial = False
        if "-" in word and _split_compound(text, word, s, toks, lex):
            pos = s
            for p in word.split("-"):
                toks.append(_make_tok(text, pos, pos + len(p), line, initial))
                initial = False
                pos += len(p) + 1
        else:
            toks.append(_make_tok(text, s, e, line, initial))
    for ks, ke in kws[ki:-1]:
        if not ks or text[ks - 1] not in "'’-‑":
            line += text.count("\n", prev_raw_end, ks)
            prev_raw_end = ke
            _keyword(text, toks, ks, ke, line)
    return toks


# Keywords next to and inside capitalised words, after hyphens and apostrophes, glued
# and dotted forms: where the two readings could part if the argument were wrong.
_FRAGMENTS = [
    "of", "of the", "to the", "for", "at the", "de", "van", "der", "al", "bin", "leader", "president",
    "minister", "said", "told", "Kim", "Jong-un", "Jae-in", "Smith-of", "Smith-of the", "ex-president",
    "don't", "n't", "al-Assad", "al-assad", "el-Sisi", "bin-Salman", "U.S.", "N.Korea", "Mr.", "Dr.", "A.",
    "Kirkpatrick-was", "Glasgow-born", "Capaldi's-same", "Russia-China", "US-North", "Pompeo’s", "O'Brien",
    "Ölof", "éclair", "Ünal-de", "of-the", "‑", "-", "'", "’", ".", ",", "\n", '"', "“", "Secretary",
    "State", "the", "Bank", "England", "North Korea", "ofthe",
]
_TEXT = st.lists(st.sampled_from(_FRAGMENTS), max_size=30)


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    """Is the gap from ``a`` to ``b`` blank (spaces and tabs only, not empty)?"""
    return a.raw_end < b.start and all(c in _SPACES for c in text[a.raw_end:b.start])


def _check_against_reference(text: str) -> None:
    lex = _lexicon()
    got = _tokenise(text, lex)
    ref = _two_scan_tokenise(text, lex)
    assert [t.i for t in got] == list(range(len(got)))
    assert [t for t in got if t.cap] == [t for t in ref if t.cap]
    ref_keywords = [t for t in ref if not t.cap]
    got_keywords = [t for t in got if not t.cap]
    assert all(t in ref_keywords for t in got_keywords)
    # A keyword from which blank gaps lead, over keywords only, to a capital.
    leads = [t.cap for t in ref]
    for k in range(len(ref) - 2, -1, -1):
        leads[k] = leads[k] or (leads[k + 1] and _joined(text, ref[k], ref[k + 1]))
    assert all(t in got_keywords for t, lead in zip(ref, leads, strict=True) if lead and not t.cap)


@given(_TEXT.map(" ".join))
def test_one_scan_tokens_equal_two_scan_tokens(text: str) -> None:
    _check_against_reference(text)


@given(_TEXT.map("".join))
def test_one_scan_tokens_equal_two_scan_tokens_glued(text: str) -> None:
    _check_against_reference(text)


@given(st.text())
def test_one_scan_tokens_equal_two_scan_tokens_any_text(text: str) -> None:
    _check_against_reference(text)


def _every_keyword_tokenise(text: str, lex: _Lexicon) -> list[_Tok]:
    """The reference's tokens, every keyword kept, indexed as ``_tokenise`` indexes its own."""
    toks = _two_scan_tokenise(text, lex)
    for k, t in enumerate(toks):
        t.i = k
    return toks


_SPACED = st.lists(st.sampled_from([*_FRAGMENTS, "  ", "\t", "\u00a0", "Nations", "Kim Jong Un", "United",
                                    "Gomes", "New Bedford", "former", "vice", "Mr.", "spokesman", "US"]),
                   max_size=40).map(" ".join)


@given(_SPACED)
def test_keywords_left_out_change_no_claim(text: str) -> None:
    """The claims do not depend on the keywords the scan leaves out."""
    doc = parse_document("t.txt", text)
    with mock.patch.object(evidence, "_tokenise", _every_keyword_tokenise):
        reference = _find_mentions(doc)
    assert _find_mentions(doc) == reference
    assert [c.attrs for c in _find_mentions(doc)] == [c.attrs for c in reference]


def test_keyword_after_a_hyphen_is_not_a_token() -> None:
    """The case the merge argument rests on: "ex-president" gives no keyword token,
    "the president" does; in "Smith-of the Times" the dash lost its spaces, the word is
    cut back to "Smith", and "of the" after the hyphen is still no token."""
    lex = _lexicon()
    assert [t.text for t in _tokenise("the ex-president Kim", lex)] == ["Kim"]
    assert [t.text for t in _tokenise("the president Kim", lex)] == ["president", "Kim"]
    assert [t.text for t in _tokenise("Smith-of the Times", lex)] == ["Smith", "Times"]


def test_keyword_joined_to_nothing_is_not_a_token() -> None:
    """A keyword is a token when blank gaps lead from it, over keywords only, to a
    capital, not otherwise: "said" joins no name in "Kim said that", "leader" and "of"
    join "Kim" in "the leader of Kim".  The capitals are always tokens."""
    lex = _lexicon()
    assert [t.text for t in _tokenise("Kim said that", lex)] == ["Kim"]
    assert [t.text for t in _tokenise("the leader of Kim", lex)] == ["leader", "of", "Kim"]
    assert [t.text for t in _tokenise("the leader of, Kim", lex)] == ["Kim"]
    assert [t.text for t in _tokenise("Bank of\tAmerica", lex)] == ["Bank", "of", "America"]
    assert [t.text for t in _tokenise("the former leader of the", lex)] == []
    assert [t.text for t in _tokenise("the ex-leader of al-Assad", lex)] == ["of", "al-Assad"]


#: The capitalised-word pattern as first written, opening on ``\b`` (tried at every character):
#: the reference the class-led patterns must equal, match for match.
_CAP_REFERENCE_RE = re.compile(r"\b(?:[^\W\d_a-z]\w*(?:[-'’‑][^\W_]+)*"
                               r"|(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)-[A-Z]\w*(?:[-'’‑][^\W_]+)*)")
#: Particles, capitals, the letters the particles open with, hyphens, apostrophes, digits, and
#: letters whose case is neither (titlecase "ǅ", "ß", dotted "İ").
_CAP_PIECES = st.lists(st.sampled_from(["al-", "el-", "bin-", "ibn-", "abu-", "ash-", "as-", "an-", "Assad", "a",
                                        "b", "e", "i", "A", "Z", "x", "-", "'", "’", "‑", "_", "1", " ", ".", "\n",
                                        "é", "É", "ǅ", "ß", "İ", "ı", "Laden"]), max_size=30).map("".join)


@given(st.one_of(st.text(), _CAP_PIECES))
def test_capital_patterns_match_as_the_word_boundary_pattern(text: str) -> None:
    reference = [m.span() for m in _CAP_REFERENCE_RE.finditer(text)]
    assert [m.span() for m in _CAP_RE.finditer(text)] == reference
    if not _PARTICLE_HINT_RE.search(text):  # as the tokeniser chooses
        assert [m.span() for m in _CAP_ONLY_RE.finditer(text)] == reference


def test_particles_need_the_particle_pattern() -> None:
    text = "Bashar al-Assad and Osama bin-Laden"
    assert [m.group() for m in _CAP_RE.finditer(text)] == ["Bashar", "al-Assad", "Osama", "bin-Laden"]
    assert [m.group() for m in _CAP_ONLY_RE.finditer(text)] == ["Bashar", "Assad", "Osama", "Laden"]
    assert _PARTICLE_HINT_RE.search(text)
    assert [t.text for t in _tokenise(text, _lexicon()) if t.cap] == ["Bashar", "al-Assad", "Osama", "bin-Laden"]
