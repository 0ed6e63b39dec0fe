"""A cache hit's claims, read from the cache only when something asks for them.

Why: after one article changed, a re-scan needs every document's story
evidence and the words and names the whole-corpus rules read (both kept in
the document's main entry), but full claims only for the members of the
stories the story-local rules run again -- a handful.  Decoding every cached
document's claims was most of the time a re-scan spent reading its cache
(~0.36 s of ~0.55 s on ECB+, and linear in the archive).  So claims are
stored in an entry of their own (:meth:`factcheck.cache.DocCache.load_claims`)
and a hit's claims are a :class:`CachedClaims`: a read-only sequence that
reads and decodes that entry on first use.

That entry is checked as the main one is (format, settings key, path,
content digest).  If it is missing, corrupt or of other bytes when it is
finally read -- another scan sharing the cache wrote it meanwhile, or a crash
tore it -- the claims are extracted again from the document (``redo``), as a
miss would: a pure function of the same bytes, so the scan's output is the
same either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING, overload

from factcheck.cache.codec import DecodeError, decode, encode
from factcheck.claims.base import Claim
from factcheck.stories.features import DocFeatures
from factcheck.wordstats import WordStats

if TYPE_CHECKING:
    from factcheck.cache import DocCache


class CachedClaims(Sequence[Claim]):
    """One cached document's claims, loaded on first use (see the module docstring)."""

    __slots__ = ("_cache", "_claims", "_digest", "_redo", "_shown")

    def __init__(self, cache: DocCache, shown: str, digest: str, redo: Callable[[], Sequence[Claim]]) -> None:
        self._cache = cache
        self._shown = shown
        self._digest = digest
        self._redo: Callable[[], Sequence[Claim]] | None = redo
        self._claims: tuple[Claim, ...] | None = None

    @property
    def loaded(self) -> bool:
        """Whether the claims have been read (for tests and benchmarks)."""
        return self._claims is not None

    def _load(self) -> tuple[Claim, ...]:
        claims = self._claims
        if claims is None:
            found = self._cache.load_claims(self._shown, self._digest)
            if found is None:
                assert self._redo is not None
                found = tuple(self._redo())
            claims = self._claims = found
            self._redo = None  # it holds the document; not needed again
        return claims

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self._load()[index]

    def __len__(self) -> int:
        return len(self._load())

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._load())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CachedClaims, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list

    def __repr__(self) -> str:
        return f"CachedClaims({self._shown!r}, loaded={self.loaded})"


@dataclass(frozen=True)
class LaterParts:
    """A cache hit's story evidence and word statistics, kept as the JSON text they were stored as
    until the corpus phase needs them (see :meth:`factcheck.cache.DocCache.lookup_deferred`).

    Why: they are four fifths of a document's main entry, and a re-scan of an unchanged corpus
    reuses the whole corpus phase (:meth:`~factcheck.cache.DocCache.load_corpus`), so nothing reads
    them; parsing and decoding them for every document was most of a warm re-scan's reading.
    Stored as JSON strings inside the entry, they cost the entry's own parse only a copy.

    The words the document writes in lower case (``WordStats.lower``, half of the word statistics)
    are a text of their own, ``lower``: a re-scan after a change reads the corpus's lower-case words
    from their saved counts (:mod:`factcheck.cache.lowercounts`) and decodes a document's own list
    only where those counts change.
    """

    text: str
    #: the JSON list of the word statistics' ``lower`` (``null`` when there are no word statistics)
    lower: str = "null"

    def load(self, lower: bool = True) -> tuple[DocFeatures | None, WordStats | None] | None:
        """The two parts, or None when the text does not decode to exactly them (a corrupt or
        foreign entry: the caller computes them again from the document).  Without ``lower``, the
        word statistics' ``lower`` is left empty (the caller has the corpus's lower-case words)."""
        try:
            features, words = decode(json.loads(self.text), tuple[DocFeatures | None, WordStats | None])
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        if words is not None and words.lower:
            return None  # the list inside the words: not an entry this code wrote
        if lower:
            found = self.lower_words()
            if (found is None) != (words is None):
                return None
            if words is not None and found:
                words = replace(words, lower=found)
        return features, words

    def lower_words(self) -> tuple[str, ...] | None:
        """The document's lower-case words (sorted, distinct), or None when there are none stored or
        they do not decode (the caller computes them again)."""
        try:
            data = json.loads(self.lower)
            found = None if data is None else decode(data, tuple[str, ...])
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        if found is not None and any(a >= b for a, b in pairwise(found)):
            return None  # not sorted and distinct: not what word_stats gives
        return found

    @staticmethod
    def dump(features: DocFeatures | None, words: WordStats | None) -> LaterParts:
        """The stored texts of the two parts (EncodeError when they cannot be written faithfully)."""
        kept = replace(words, lower=()) if words is not None else None
        text = json.dumps(encode((features, kept), tuple[DocFeatures | None, WordStats | None]),
                          ensure_ascii=False, separators=(",", ":"))
        lower = json.dumps(encode(words.lower if words is not None else None, tuple[str, ...] | None),
                           ensure_ascii=False, separators=(",", ":"))
        return LaterParts(text, lower)
