"""The compact form of the map phase's results, kept by the scanning process until the corpus phase.

Why: the corpus rules compare every document's claims, so the scanning process
holds all of them at once.  Measured on ECB+ (982 articles, 39,475 claims), a
claim as the extractors build it costs ~1 KB in the parent -- its own instance
dictionary, a private copy of every string (pickle shares nothing between
messages), an attribute mapping per claim -- and the story evidence
(:class:`~factcheck.stories.DocFeatures`) another ~20 MiB of ``(feature,
count)`` pairs; both grow with the corpus and dominated peak memory.

Most of that repeats: the same name is mentioned in hundreds of articles with
the same attributes, the same ``("w:police", 1)`` pair is in thousands of
feature lists, and claims of one sentence carry equal ``sentence`` tuples.
:class:`Compactor` makes equal immutable values *one* object as each result
arrives from a worker (before the next chunk is read), so memory grows with
what is distinct in the corpus, not with its size.  Values are only ever
replaced by equal values of the same type, so findings are byte-identical;
only values that cannot change are shared: strings, tuples of them, and the
read-only :class:`~factcheck.claims.base.Attrs` mappings (compared through
their pickled bytes, which tell ``True`` from ``1`` and ``1.0``).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck.claims.base import Attrs, Claim
from factcheck.stories import DocFeatures
from factcheck.stories.features import NameMention
from factcheck.wordstats import NameUse, VariantUse, WordStats

if TYPE_CHECKING:
    from factcheck.engine import _FileResult

#: value types whose equality is exact once the type is known too (not float: 0.0 == -0.0)
_EXACT = frozenset({str, int, bool, type(None)})
_Use = TypeVar("_Use", NameUse, VariantUse)


def _exact_key(attrs: Mapping[str, Any]) -> tuple[object, ...] | None:
    """A key equal for two mappings exactly when their contents are, types included (``True`` is
    not ``1``), for mappings of strings, ints, booleans, None and lists of them (a name claim's
    tokens): the attributes of ~90% of ECB+'s claims.  None for anything else."""
    parts: list[object] = []
    for k, v in attrs.items():
        t = type(v)
        if t in _EXACT:
            parts.append((k, t, v))
        elif t is list and _EXACT.issuperset(map(type, v)):
            parts.append((k, t, tuple(v), tuple(map(type, v))))
        else:
            return None
    return tuple(parts)


class Compactor:
    """Shares equal immutable values across every result of one scan (see the module docstring).

    One per scan: its tables live as long as the results they point into, and
    are dropped with them.
    """

    def __init__(self) -> None:
        # Separate tables keyed by the values themselves: a key that is a string or a (string, int) pair
        # cannot be equal to a value of another type, and costs no wrapper object per entry.
        self._strings: dict[str, str] = {}
        self._pairs: dict[tuple[str, int], tuple[str, int]] = {}
        self._names: dict[NameMention, NameMention] = {}
        #: offsets: every int above 256 is an object of its own (32 bytes), and a claim holds two
        self._ints: dict[int, int] = {}
        #: (items, value types) or a pickled-bytes digest -> the first Attrs with those contents
        self._attrs: dict[object, Mapping[str, Any]] = {}
        #: name and variant uses (frozen, compared by value and type: a NameUse never equals a VariantUse)
        self._uses: dict[NameUse | VariantUse, NameUse | VariantUse] = {}

    def text(self, value: str) -> str:
        """The one kept string equal to ``value``."""
        return self._strings.setdefault(value, value)

    def maybe(self, value: str | None) -> str | None:
        """:meth:`text`, with None kept as None."""
        return None if value is None else self._strings.setdefault(value, value)

    def attrs(self, attrs: Mapping[str, Any]) -> Mapping[str, Any]:
        """One read-only attribute mapping per distinct contents (types included).

        Most are keyed by their items (:func:`_exact_key`); the others by a
        digest of their pickled bytes, which took a third of this class's time
        when every claim's attributes went that way.
        """
        if not attrs or type(attrs) is not Attrs:
            return attrs
        key: object = _exact_key(attrs)
        if key is None:
            try:
                key = hashlib.blake2b(pickle.dumps(dict(attrs), protocol=5), digest_size=16).digest()
            except Exception:  # an attribute that does not pickle is simply not shared
                return attrs
        return self._attrs.setdefault(key, attrs)

    def claims(self, claims: Sequence[Claim]) -> list[Claim]:
        """One document's claims with their strings, sentences and attributes shared (the same, equal Claims).

        Sentences are shared within the document only: another document's
        ``(start, end)`` pairs are rarely equal, and a table of them would
        cost more than it saves.  Offsets (``start``, ``end``, a sentence's
        bounds) are shared across documents: the same few thousand values
        recur in every article, and as separate int objects they were ~2.5 MiB
        per 1,000 articles.
        """
        # The hot loop of the scanning process while workers send results: table methods bound once, and
        # each claim's fields replaced in place (``dataclasses.replace`` looked up the fields and built a
        # new Claim for every one).  In place is safe although claims are frozen: every value is replaced
        # by an equal one of the same type, so no equality, hash or reader can tell.
        put = object.__setattr__
        sentences: dict[tuple[int, int], tuple[int, int]] = {}
        text = self._strings.setdefault
        offset = self._ints.setdefault
        attrs = self.attrs
        out = []
        for c in claims:
            value = c.value
            if type(value) is str:
                value = text(value, value)
            unit, qualifier = c.unit, c.qualifier
            sentence = sentences.get(c.sentence)
            if sentence is None:
                s0, s1 = c.sentence
                sentence = sentences[c.sentence] = (offset(s0, s0), offset(s1, s1))
            start, end = c.start, c.end
            put(c, "kind", text(c.kind, c.kind))
            put(c, "start", offset(start, start))
            put(c, "end", offset(end, end))
            put(c, "text", text(c.text, c.text))
            put(c, "value", value)
            if unit is not None:
                put(c, "unit", text(unit, unit))
            if qualifier is not None:
                put(c, "qualifier", text(qualifier, qualifier))
            put(c, "sentence", sentence)
            put(c, "attrs", attrs(c.attrs))
            out.append(c)
        return out

    def features(self, f: DocFeatures) -> DocFeatures:
        """``f`` with its ``(feature, count)`` pairs and name mentions shared."""
        pairs = self._pairs
        counts = []
        for k, n in f.counts:
            pair = (self._strings.setdefault(k, k), n)
            counts.append(pairs.setdefault(pair, pair) if type(n) is int else pair)
        names = tuple(self._names.setdefault(m, m) for m in f.names)
        return replace(f, counts=tuple(counts), names=names)

    def words(self, w: WordStats) -> WordStats:
        """``w`` with its words shared (every article writes "the", "said", "officials"), and its name
        and variant uses: equal ones (a reprinted article's) as one object, a new one with its strings
        and offsets shared.  The uses were most of what a scan kept per document for the whole-corpus
        rules (~9 MiB per 1,000 articles unshared, the largest per-article cost at 100x ECB+)."""
        strings = self._strings
        return WordStats(tuple(strings.setdefault(x, x) for x in w.lower),
                         tuple(self._use(u) for u in w.variants), tuple(self._use(u) for u in w.names))

    def _use(self, u: _Use) -> _Use:
        kept = self._uses.get(u)
        if kept is not None:
            return kept  # type: ignore[return-value]  # equal values are of one type (see __init__)
        text, offset = self._strings.setdefault, self._ints.setdefault
        if type(u) is NameUse:
            u = NameUse(text(u.text, u.text), offset(u.start, u.start), offset(u.end, u.end), self.maybe(u.type),
                        u.linked, self.maybe(u.title))
        elif type(u) is VariantUse:
            u = VariantUse(text(u.word, u.word), offset(u.start, u.start), offset(u.end, u.end), u.count)
        self._uses[u] = u
        return u

    def result(self, r: _FileResult) -> _FileResult:
        """A map result in compact form (the same object, its claims, story evidence and words replaced)."""
        r.claims = self.claims(r.claims)
        if r.features is not None:
            r.features = self.features(r.features)
        if r.words is not None:
            r.words = self.words(r.words)
        return r
