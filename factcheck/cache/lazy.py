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
from dataclasses import dataclass
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
    Stored as one JSON string inside the entry, they cost the entry's own parse only a copy.
    """

    text: str

    def load(self) -> tuple[DocFeatures | None, WordStats | None] | None:
        """The two parts, or None when the text does not decode to exactly them (a corrupt or
        foreign entry: the caller computes them again from the document)."""
        try:
            return decode(json.loads(self.text), tuple[DocFeatures | None, WordStats | None])
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None

    @staticmethod
    def dump(features: DocFeatures | None, words: WordStats | None) -> str:
        """The JSON text of the two parts (EncodeError when they cannot be written faithfully)."""
        return json.dumps(encode((features, words), tuple[DocFeatures | None, WordStats | None]),
                          ensure_ascii=False, separators=(",", ":"))
