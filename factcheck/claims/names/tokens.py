"""One linear pass from a document's text to its tokens: capitalised words and
the closed set of lower-case keywords, with the flags the analysis needs
(possessive, explained by sentence position, line).

Everything later works on these tokens only, never re-reading the text word
by word, which is what keeps the extractor linear and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.claims.names.lexicon import (
    _ABBREVS,
    _CAP_ONLY_RE,
    _CAP_RE,
    _DOT_TITLES,
    _DOTTED_RE,
    _GLUED,
    _INITIAL_DOT_RE,
    _PARTICLE_HINT_RE,
    _PARTICLES,
    _POSS_GLUED_RE,
    _POSS_IN_NAMES,
    _SPACE_CHARS,
    _TITLE_DOT_RE,
    _Lexicon,
)
from factcheck.claims.names.normalise import normalise_name

_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-‑])[a-z][\w'’\-‑]*")
_SPACES = frozenset(_SPACE_CHARS)
_SKIP_BACK = frozenset(" \t\u00a0\"“”„«»‘’'([{*_–—-")
_OPEN_QUOTES = frozenset("\"“„«")
_SENT_END = frozenset(".!?:;…")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int  # exclusive; a possessive "'s" is not included
    raw_end: int  # exclusive; includes the possessive
    text: str
    low: str  # casefolded text, curly apostrophes straightened
    cap: bool
    poss: bool
    initial: bool  # the capital is explained by a sentence, quote or line start
    line: int
    #: the token's index in the document's token list (set by :func:`_tokenise`), so a candidate
    #: finds its neighbours without a lookup table; not part of the token's value
    i: int = field(default=0, compare=False)


def _is_cap(t: str) -> bool:
    c = t[0]
    if c.isupper() or c.istitle():
        return True
    if c.islower() and "-" in t:
        pre, _, rest = t.partition("-")
        return pre in _PARTICLES and rest[:1].isupper()
    return False


def _tokenise(text: str, lex: _Lexicon) -> list[_Tok]:
    """Capitalised words and keyword tokens with their flags, in one linear pass.

    Capitalised words are found by one regex (``_CAP_RE``, or the same matches by ``_CAP_ONLY_RE``), and the
    lower-case keywords (connectors, roles, titles: ``lex.keywords``) that
    blank gaps join to one are read backwards from it
    (``lex.keyword_before_re`` on the reversed text, a keyword at a time):
    other keywords join nothing (see :func:`~factcheck.claims.names.lexicon._keyword_before_re`),
    and other words are never seen by Python code, which is what keeps the
    extractor fast.  A skipped word between two capitalised ones still breaks
    the run, because the gap between them is then not blank.
    """
    toks: list[_Tok] = []
    append = toks.append
    line = 0
    prev_raw_end = 0
    count = text.count
    n = len(text)
    cap_end = 0
    rev = text[::-1]
    before = lex.keyword_before_re.match
    spaces = _SPACES
    skip_back, sent_end, open_quotes, word_form = _SKIP_BACK, _SENT_END, _OPEN_QUOTES, _word_form
    # Locals, flags inlined: this loop runs once per capitalised word of every article.
    caps = _CAP_RE if _PARTICLE_HINT_RE.search(text) else _CAP_ONLY_RE
    for m in caps.finditer(text):
        s, e = m.span()
        if s < cap_end:
            continue  # the "S" of "U.S.", already taken
        word = m.group()
        if not word[0].isupper() and not _is_cap(word):
            continue
        if s and text[s - 1] in spaces:
            k = match = before(rev, n - s)
            if match is not None:
                # Keywords joined to this word, read backwards; made tokens in text order.
                spans = []
                while k is not None:
                    spans.append((n - k.end(1), n - k.start(1)))
                    k = before(rev, k.end(1))
                for ks, ke in reversed(spans):
                    line += count("\n", prev_raw_end, ks)
                    prev_raw_end = ke
                    kw = text[ks:ke]
                    append(_Tok(ks, ke, ke, kw, kw, False, False, False, line, len(toks)))
        if e < n and text[e] == ".":
            d = _DOTTED_RE.match(text, s)
            if d is not None:
                e = d.end()
                word = d.group()
            elif (word in _DOT_TITLES and _TITLE_DOT_RE.match(text, e)) or (
                    len(word) == 1 and _INITIAL_DOT_RE.match(text, e)):
                e += 1
                word += "."
        cap_end = e
        cut, tok_text, low, poss = word_form(word)
        if len(cut) != len(word):
            e = s + len(cut)  # a glued tail cut off
        line += count("\n", prev_raw_end, s)
        prev_raw_end = e
        # Decide whether the capital is explained by position: look back over spaces,
        # quotes and brackets (usually one space, taken without the loop).
        j = s - 1
        c = text[j] if j >= 0 else "\n"
        if c == " ":
            j -= 1
            c = text[j] if j >= 0 else "\n"
        opened = False
        while j >= 0 and c in skip_back:
            if c in open_quotes:
                opened = True
            j -= 1
            c = text[j] if j >= 0 else "\n"
        if j < 0 or c == "\n" or opened:
            initial = True
        elif c in sent_end:
            initial = not (c == "." and abbreviation_before(text, j))
        else:
            initial = False
        if "-" in cut and _split_compound(text, cut, s, toks, lex):
            # "Russia-China", "US-North Korean": a compound of names, one token each.
            pos = s
            for p in cut.split("-"):
                append(_make_tok(text, pos, pos + len(p), line, initial, len(toks)))
                initial = False
                pos += len(p) + 1
            continue
        if poss:  # the possessive "'s" is cut off the word, kept in raw_end
            append(_Tok(s, e - 2, e, tok_text, low, True, True, initial, line, len(toks)))
        else:
            append(_Tok(s, e, e, tok_text, low, True, False, initial, line, len(toks)))
    return toks


@lru_cache(maxsize=1 << 16)
def _word_form(word: str) -> tuple[str, str, str, bool]:
    """A capitalised word as a token: (the word, its token text, that text casefolded, possessive?).

    A dash that lost its spaces ("Kirkpatrick-was") or an adjective
    ("Glasgow-born") is cut off the word; a possessive "'s" ("Pompeo's") is
    left out of the token's text (the token keeps it in ``raw_end``).  A pure
    function of the word, so memoised: a corpus repeats its capitalised words
    (ECB+: 57,000 of them, 6,700 distinct), and the tokeniser asks once per
    distinct word instead of once per occurrence.
    """
    if "-" in word and (word.rpartition("-")[2] in _GLUED or _POSS_GLUED_RE.search(word)):
        word = word.rpartition("-")[0]
    low = word.casefold()
    if "’" in low:
        low = low.replace("’", "'")
    if len(word) > 2 and low.endswith("'s") and low not in _POSS_IN_NAMES:
        return word, word[:-2], low[:-2], True
    return word, word, low, False


def _keyword(text: str, toks: list[_Tok], ks: int, ke: int, line: int) -> None:
    """Append a lower-case keyword token ("of", "of the", "leader")."""
    word = text[ks:ke]
    toks.append(_Tok(ks, ke, ke, word, word, False, False, False, line))


#: Maximal runs of the characters :func:`_has_word` takes as part of a word: it finds
#: ``word`` exactly when one of these runs is ``word``.
_WORD_RUN_RE = re.compile(r"[\w'’-]+")
#: Words looked up by :func:`_has_word` before a document's words are collected.
_SEARCHED_WORDS = 32


def _has_word(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a whole word (exact case)?"""
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + n] if pos + n < len(text) else " "
        if not (before.isalnum() or before in "'’-_") and not (after.isalnum() or after in "'’-_"):
            return True
        pos = text.find(word, pos + 1)
    return False


def _blank(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` non-empty and made of spaces/tabs only?"""
    if a >= b:
        return False
    for k in range(a, b):
        if text[k] not in _SPACES:
            return False
    return True


def abbreviation_before(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends "U.S.", "Mr." or an initial, not a sentence."""
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].casefold()
    return "." in word or len(word) == 1 or word in _ABBREVS


def _split_compound(text: str, word: str, s: int, toks: list[_Tok], lex: _Lexicon) -> bool:
    """Should "Russia-China" be read as two names?  Yes when a part is a known
    place or organisation and the compound is not itself a name or inside one."""
    parts = word.split("-")
    if not all(p[:1].isupper() for p in parts) or normalise_name(word) in lex.gazetteer:
        return False
    if not any(normalise_name(p) in lex.gaz_single for p in parts):
        return False
    # Inside a run of names ("Agence France-Presse") a compound stays whole.
    prev = toks[-1] if toks else None
    in_run = prev is not None and prev.cap and not prev.poss and _blank(text, prev.raw_end, s)
    return not in_run


def _make_tok(text: str, s: int, e: int, line: int, initial: bool, i: int = 0) -> _Tok:
    word = text[s:e]
    low = word.casefold()
    if "’" in low:
        low = low.replace("’", "'")
    poss = len(word) > 2 and low[-2:] == "'s" and low not in _POSS_IN_NAMES
    if poss:
        e2 = e - 2
        word = word[:-2]
        low = low[:-2]
    else:
        e2 = e
    return _Tok(s, e2, e, word, low, True, poss, initial, line, i)
