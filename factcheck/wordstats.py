"""What the whole-corpus rules read of each document, computed once per document in the map phase.

Why: ``names/*`` and ``spelling/variants`` weigh evidence across every story,
so after one article changed they still run over the whole corpus.  Their
indexes of names come from the claims, but two things came from the texts
themselves -- the words the corpus writes in lower case (a capitalised
"Woman" is a word, not a slip for "Oman") and each document's words with a
British/American twin -- and reading every text back (:mod:`factcheck.stored`:
a file read, a digest and the markup stripped again) and scanning it was a
third of those rules' time on a re-scan after one change, linear in the
archive.  Both are pure functions of one document's text, so they are taken
in the map step beside the claims, cached with them (:mod:`factcheck.cache`),
and the rules only sum them: a re-scan reads back only the texts it reports on.

The names rules' other input, every name mention, is kept here too, as a
:class:`NameUse` of the five things they read of a name claim: a re-scan then
decodes no document's claims but those of the stories it runs again (the
claims of the rest were most of the time a re-scan spent reading its cache;
see :class:`factcheck.cache.DocCache`).

A :class:`~factcheck.rules.model.CorpusView` built without them (a rule's own
tests, the API) computes them from the text on first use
(:meth:`~factcheck.rules.model.CorpusView.words_of`), so a rule gives the same
findings either way; a test holds the two paths to each other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim

#: words the names rules count as written in lower case
_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
#: words long enough for ``spelling/variants`` to compare
_VARIANT_WORD_RE = re.compile(r"\b[A-Za-z]{6,}\b")
_AMERICAN_RE = re.compile(r"(iz(e|es|ed|ing|ation|ations|er|ers)|yze[sd]?|or(s|ed|ing|able)?|ter(s)?|og(s)?|ense)$")


@dataclass(frozen=True, slots=True)
class VariantUse:
    """A word with a variant spelling as one document writes it: lower-cased, the span of its first
    use as written, and how many times the document writes it (any case but all capitals)."""

    word: str
    start: int
    end: int
    count: int


@dataclass(frozen=True, slots=True)
class NameUse:
    """One name mention as the names rules read it: a ``name`` claim's text and span, its ``type``
    attribute (None when it has none), whether it is ``linked`` to a fuller name, and the ``title``
    that introduces it ("Senator"), if any."""

    text: str
    start: int
    end: int
    type: str | None
    linked: bool
    title: str | None = None


@dataclass(frozen=True, slots=True)
class WordStats:
    """One document's words and names as the whole-corpus rules read them (see the module docstring).

    ``lower``: the distinct words the document writes in lower case, sorted.
    ``variants``: its words that have a variant spelling (:func:`variant_key`), in order of first use.
    ``names``: its ``name`` claims, in claim order.
    """

    lower: tuple[str, ...]
    variants: tuple[VariantUse, ...]
    names: tuple[NameUse, ...] = ()


@functools.lru_cache(maxsize=1 << 16)
def variant_key(low: str) -> str | None:
    """The spelling key of a lower-cased word, or None for a word that has no variant spelling.

    Cached: a corpus repeats its words ("government"), and the key with its variant test was most of
    ``spelling/variants``' time when it was paid for every occurrence.
    """
    # Imported here: the rule kinds import this module (its records), and the kinds' package imports
    # every kind.  Only on a cache miss, so it costs nothing per word.
    from factcheck.rules.kinds.quote_diff import spelling_key

    key = spelling_key(low)
    return None if key == low and not _could_be_variant(low) else key


def _could_be_variant(word: str) -> bool:
    """Words with an American spelling are their own key; keep those that have a British twin."""
    return bool(_AMERICAN_RE.search(word))


def name_uses(claims: Sequence[Claim]) -> tuple[NameUse, ...]:
    """The :class:`NameUse` of each ``name`` claim, in order."""
    return tuple(NameUse(c.text, c.start, c.end, c.get("type"), bool(c.get("linked")),
                         c.get("title"))
                 for c in claims if c.kind == "name")


def word_stats(text: str, claims: Sequence[Claim] = ()) -> WordStats:
    """The :class:`WordStats` of one document's analysed text and its claims."""
    lower = tuple(sorted(set(_LOWER_WORD_RE.findall(text))))
    uses: dict[str, list[int]] = {}
    for m in _VARIANT_WORD_RE.finditer(text):
        word = m.group(0)
        if word.isupper():
            continue
        low = word.casefold()
        entry = uses.get(low)
        if entry is not None:
            entry[2] += 1
        elif variant_key(low) is not None:
            uses[low] = [m.start(), m.end(), 1]
    return WordStats(lower, tuple(VariantUse(w, s, e, n) for w, (s, e, n) in uses.items()), name_uses(claims))
