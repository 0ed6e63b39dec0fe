"""The words the corpus writes in lower case, kept from one scan to the next as counts (``lower.json``).

Why: ``names/variant`` asks of a rare name's words whether the corpus writes
them in lower case ("Woman" near "Oman" is a word, not a slip), so it read
every document's lower-case words -- half of every cached document's word
statistics -- on every re-scan after a change, decoding them all (on a 10x
archive the largest single part of that re-scan's corpus phase, with the story
evidence).  What the rule reads is one set: the words at least one document
writes in lower case.  So the last scan leaves, per word, *how many* documents
write it so, with the (path, content digest) of every document it counted;
the next scan takes out what each document that changed or went away counted
(its previous cache entry holds its list, computed from exactly those bytes) and
adds what each new or changed one writes.  Everything else is read from one
file of a path and a digest per document and a count per word (on ECB+ 0.26 MB,
against 1.3 MB of lower-case lists in the entries; the lists grow with the
corpus's text, the counts with its vocabulary).

The file is trusted only for exactly the entries it lists: a digest of those
(path, content digest) rows and of the counts is stored with it and checked on
reading, so a file torn, edited or mixed from two scans is not used; counts
must be positive and sorted.  A re-scan compares the rows with the documents it
scans, so counts are only ever updated from the entries they were taken from.
Anything that does not add up -- a row whose previous list cannot be read (its
entry was overwritten by another scan), a count falling below zero, more than
half of the corpus changed -- rebuilds the counts from every document's list,
as a cold scan does.  Writes are
atomic (:func:`factcheck.cache.store.write_json`): two scans sharing a cache
each leave a whole file, consistent with the rows it lists.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from factcheck.cache.codec import DecodeError, EncodeError, decode, encode
from factcheck.cache.store import read_json, write_json
from factcheck.wordstats import word_stats

if TYPE_CHECKING:
    from factcheck.cache import DocCache
    from factcheck.cache.lazy import LaterParts

#: the name of the file in the cache's settings folder
LOWER_FILE = "lower.json"


@dataclass(frozen=True)
class LowerCounts:
    """For each word some document writes in lower case, how many documents do (``counts``, by
    word), and the documents counted: ``paths`` (sorted) with their ``contents`` (content digests)."""

    paths: tuple[str, ...]
    contents: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]

    def fits(self) -> bool:
        """Is this a summary this module could have written (columns of one length, rows and words
        sorted and distinct, every count positive)?"""
        return len(self.paths) == len(self.contents) \
            and all(a < b for a, b in pairwise(self.paths)) \
            and all(a[0] < b[0] for a, b in pairwise(self.counts)) \
            and all(n > 0 for _w, n in self.counts)

    def words(self) -> frozenset[str]:
        """The words at least one counted document writes in lower case."""
        return frozenset(w for w, _n in self.counts)


def summary_digest(counts: LowerCounts) -> str:
    """The digest of a summary: the (path, content digest) rows it counts, then its counts (joined
    in C-speed passes: no path holds a NUL, no digest or word a comma)."""
    h = hashlib.sha256()
    for column in (counts.paths, counts.contents, [w for w, _n in counts.counts]):
        h.update("\x00".join(column).encode("utf-8", "surrogatepass") + b"\x01")
    h.update(",".join(str(n) for _w, n in counts.counts).encode("ascii"))
    return h.hexdigest()


def counted(lists: Mapping[str, Iterable[str]], contents: Mapping[str, str]) -> LowerCounts:
    """The summary of documents (path -> lower-case words) computed from scratch."""
    counts: Counter[str] = Counter()
    for words in lists.values():
        counts.update(words)
    paths = tuple(sorted(lists))
    return LowerCounts(paths, tuple(contents[p] for p in paths), tuple(sorted(counts.items())))


def load_counts(cache: DocCache) -> LowerCounts | None:
    """The last scan's summary, or None when missing, foreign, corrupt or not matching its rows."""
    stored = read_json(cache.folder / LOWER_FILE)
    if not isinstance(stored, dict) or stored.get("key") != cache.key:
        return None
    try:
        found = decode(stored.get("counts"), LowerCounts)
    except (DecodeError, TypeError, ValueError, RecursionError):
        return None
    if not found.fits() or stored.get("digest") != summary_digest(found):
        return None
    return found


def store_counts(cache: DocCache, counts: LowerCounts) -> bool:
    """Replace the summary (atomically); False (silently) when it cannot be written."""
    try:
        payload = encode(counts, LowerCounts)
    except (EncodeError, TypeError, ValueError, RecursionError):
        return False
    return write_json(cache.folder / LOWER_FILE,
                      {"key": cache.key, "digest": summary_digest(counts), "counts": payload},
                      cache.root)


@dataclass
class LowerPlan:
    """One scan's way to the corpus's lower-case words: from ``base`` (the last scan's summary) by
    taking out ``gone`` (the lists of its rows no longer scanned as they were) and adding the lists
    of the documents :meth:`needs` names; or, when ``base`` is None, from every document's list."""

    contents: Mapping[str, str]
    base: LowerCounts | None
    gone: list[tuple[str, ...]]

    def needs(self, path: str) -> bool:
        """Must the lower-case words of the document at ``path`` be read (its entry decoded)?"""
        base = self.base
        if base is None:
            return True
        return self._counted.get(path) != self.contents[path]

    def __post_init__(self) -> None:
        base = self.base
        self._counted = dict(zip(base.paths, base.contents, strict=True)) if base is not None else {}

    def finish(self, lists: Mapping[str, Sequence[str]]) -> LowerCounts | None:
        """The summary of this scan's documents, given the list of each document :meth:`needs`
        (None when one is missing)."""
        if any(p not in lists for p in self.contents if self.needs(p)):
            return None
        base = self.base
        if base is not None:
            counts = dict(base.counts)
            for words in self.gone:
                for w in words:
                    n = counts.get(w, 0) - 1
                    if n < 0:
                        # The summary did not count this list: not one to update, so every list is read.
                        return None
                    if n:
                        counts[w] = n
                    else:
                        del counts[w]
            for path in self.contents:
                if self.needs(path):
                    for w in lists[path]:
                        counts[w] = counts.get(w, 0) + 1
            paths = tuple(sorted(self.contents))
            return LowerCounts(paths, tuple(self.contents[p] for p in paths), tuple(sorted(counts.items())))
        return counted(lists, self.contents)


def settle(cache: DocCache, plan: LowerPlan, lists: Mapping[str, Sequence[str]],
           text_of: Callable[[str], str]) -> frozenset[str]:
    """The words this scan's corpus writes in lower case, by ``plan`` from ``lists`` (path -> the
    document's lower-case words, for the documents ``plan`` needs), the summary saved for the next
    scan when it changed.  When the plan cannot be followed (a count the summary never had), every
    document's list is read -- from its entry, or from its text (``text_of``) -- and counted whole."""
    counts = plan.finish(lists)
    if counts is None:
        full = dict(lists)
        for path, content in plan.contents.items():
            if path not in full:
                found = cache.stored_parts(path)
                words = found[1].lower_words() if found is not None and found[0] == content else None
                full[path] = words if words is not None else word_stats(text_of(path)).lower
        counts = counted(full, plan.contents)
    if counts != plan.base:
        store_counts(cache, counts)
    return counts.words()


def plan_lower(cache: DocCache, contents: Mapping[str, str],
               previous: Callable[[str], tuple[str, LaterParts] | None]) -> LowerPlan:
    """How this scan gets the corpus's lower-case words: by updating the last scan's summary where
    the listed documents (path -> content digest) differ from its rows, if it can be read and each
    row that differs has its list in ``previous`` (the stored parts of its former entry); else (None
    ``base``) by counting every document's list."""
    base = load_counts(cache)
    if base is None:
        return LowerPlan(contents, None, [])
    gone: list[tuple[str, ...]] = []
    stale = [(p, c) for p, c in zip(base.paths, base.contents, strict=True) if contents.get(p) != c]
    plan = LowerPlan(contents, base, gone)
    if sum(1 for p in contents if plan.needs(p)) + len(stale) > len(contents) // 2:
        return LowerPlan(contents, None, [])  # most of the corpus changed: counting it whole is cheaper
    for path, content in stale:
        found = previous(path)
        words = found[1].lower_words() if found is not None and found[0] == content else None
        if words is None:
            return LowerPlan(contents, None, [])
        gone.append(words)
    return plan
