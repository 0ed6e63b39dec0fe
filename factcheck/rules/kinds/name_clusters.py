"""The name clusters ``names/variant`` and ``names/style`` compare: what one name is across the corpus.

Why its own module: the rule kind (:mod:`.names`) decides which spellings of a
name are slips, variants or style and how to report them; this module only
builds what it compares -- a folding of a name to its letters (``fold``) and to
its style-neutral form (``style_key``), the forms of one name with their
mentions (``_Form``), the forms grouped into a cluster (``_Cluster``), and the
deletion index that finds a slip's candidates without comparing every pair of
names (``_SlipIndex``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from wordnet_lookup import is_wordnet_term

from factcheck.claims.spellings import deletions, max_edits
from factcheck.documents import Document
from factcheck.rules.kinds.quote_diff import spelling_key
from factcheck.wordstats import NameUse


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, diacritic- and hyphen-insensitive form: 'Kim Jong-un' -> 'kim jong un'.

    Idempotent (a property test checks): the possessive is stripped from the
    already normalised string until nothing changes.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = " ".join(re.sub(r"[-_‐‑–.]+", " ", s).split())
    while True:
        stripped = re.sub(r"['’]s?$", "", s).rstrip()
        if stripped == s:
            return s
        s = stripped


@functools.lru_cache(maxsize=1 << 16)
def style_key(name: str) -> str:
    """What style variants share: no spacing or punctuation, British/American spelling joined.

    "Kim Jong-un"/"Kim Jong Un" and "Recognised"/"Recognized" differ in house
    style, not in spelling.
    """
    return "".join(re.sub(r"[^0-9a-z]", "", _word_style(t)) for t in fold(name).split())


@functools.lru_cache(maxsize=1 << 16)
def _word_style(token: str) -> str:
    """A name word's British/American key (:func:`spelling_key`) -- only for a word of the language.

    "Lincoln Centre"/"Lincoln Center" and "Labour"/"Labor" are one word in two house
    styles; a surname has no British spelling: the same ending rule would make "Hillre"
    a style of "Hiller" (an -re/-er swap) and hide a slip from the typo check.  A word is
    one WordNet lists, in either spelling.
    """
    key = spelling_key(token)
    base = token.replace("'", "")
    if key == base or is_wordnet_term(base) or is_wordnet_term(key):
        return key
    return base




@functools.lru_cache(maxsize=1 << 16)
def _token_deletions(token: str) -> frozenset[str]:
    """A word's deletion neighbourhood within its edit budget, once per word: name words
    repeat ("County", "John"), and these sets were most of the typo pass's time on ECB+."""
    radius = max_edits(token)
    return frozenset(deletions(token, radius)) if radius > 0 else frozenset()


class _SlipIndex:
    """The well-supported names a spelling could be a slip for, found without comparing pairs.

    A slip (:func:`typo_pair`) or an inflection (:func:`inflection_pair`) differs from
    its name in exactly one word of as many words, so a name of several words only
    needs the names that share all its other words: one exact key per word position
    (a few per name, where a deletion neighbourhood per word gave hundreds; that index
    was most of this rule's time on ECB+).  One-word names keep the deletion index
    (SymSpell's trick, as :func:`factcheck.claims.spellings.blocking_keys`).  The
    candidates are exactly those the earlier index over every word's deletion keys
    gave among names that differ in one word: names sharing a word of at least four
    letters, or whose differing words share a deletion key.
    """

    def __init__(self) -> None:
        self._single: dict[str, list[str]] = defaultdict(list)
        self._rest: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)

    def add(self, key: str, folded: str) -> None:
        toks = tuple(folded.split())
        if len(toks) == 1:
            for d in _token_deletions(toks[0]):
                self._single[d].append(key)
            return
        for i, tok in enumerate(toks):
            self._rest[(len(toks), i, toks[:i] + toks[i + 1:])].append((key, tok))

    def candidates(self, folded: str) -> set[str]:
        toks = tuple(folded.split())
        out: set[str] = set()
        if len(toks) == 1:
            for d in _token_deletions(toks[0]):
                out.update(self._single.get(d, ()))
            return out
        for i, tok in enumerate(toks):
            rest = toks[:i] + toks[i + 1:]
            shared = any(max_edits(t) > 0 for t in rest)
            mine = _token_deletions(tok)
            for key, theirs in self._rest.get((len(toks), i, rest), ()):
                if shared or not mine.isdisjoint(_token_deletions(theirs)):
                    out.add(key)
        return out


@dataclass
class _Form:
    """One spelling of a name and where it occurs."""

    text: str
    folded: str
    mentions: list[tuple[Document, NameUse]] = field(default_factory=list)

    # The counts below are cached: forms and clusters are complete once
    # :meth:`NameVariantsKind._clusters` has read the corpus, and the typo pass
    # asks for them thousands of times (a third of its time on ECB+ went on
    # rebuilding these sets).

    @functools.cached_property
    def paths(self) -> frozenset[str]:
        """The documents that write this spelling (once per form: the typo pass reads them for
        every form and its candidates, a set per read was a fifth of its time on a 10x archive)."""
        return frozenset(d.path for d, _ in self.mentions)

    @property
    def docs(self) -> int:
        return len(self.paths)


@dataclass
class _Cluster:
    """All spellings sharing a style key (complete before any count below is read: they are cached)."""

    key: str
    forms: dict[str, _Form] = field(default_factory=dict)

    @functools.cached_property
    def support(self) -> int:
        return sum(len(f.mentions) for f in self.forms.values())

    @property
    def docs(self) -> int:
        return len(self.paths)

    @functools.cached_property
    def paths(self) -> frozenset[str]:
        return frozenset().union(*(f.paths for f in self.forms.values()))

    def dominant(self) -> _Form:
        """Most mentions, then most documents, then first in path order (deterministic)."""
        return self._dominant

    @functools.cached_property
    def _dominant(self) -> _Form:
        def weight(f: _Form) -> tuple[int, int]:
            return -len(f.mentions), -f.docs

        def first(f: _Form) -> tuple[str, int]:
            return min((d.path, c.start) for d, c in f.mentions)
        # The first mention is read only to break a tie (no two forms share one): finding it for
        # every form was a pass over all of a 10x archive's name mentions.
        best = weight(min(self.forms.values(), key=weight))
        tied = [f for f in self.forms.values() if weight(f) == best]
        return tied[0] if len(tied) == 1 else min(tied, key=first)

    def closest(self, folded: str) -> _Form:
        """The form a misspelling most likely meant: fewest edits, then :meth:`dominant` order."""
        dom = self.dominant()
        return min(self.forms.values(),
                   key=lambda f: (Levenshtein.distance(f.folded, folded), f is not dom, -len(f.mentions), f.text))


def _mention_text(claim: NameUse) -> str | None:
    """The spelling as written, with typography (apostrophes, ALL-CAPS, spacing) neutralised.

    Curly vs straight apostrophes and an upper-case dateline ("UNITED
    NATIONS") are typesetting, not a writer's spelling choice.  A surname-only
    mention linked to a full name ("Klitschko said") counts with its own
    spelling: surnames are what articles repeat most, so they are the best
    evidence of how the corpus spells a word.
    """
    text = " ".join(claim.text.split()).replace("’", "'").replace("‘", "'")
    if text.isupper() and len(text) > 4 and " " in text:
        text = text.title()
    return text
