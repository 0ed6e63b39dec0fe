"""Blocking, pair scores and average linkage: documents in, groups of documents out.

Near-linear by construction.  Each document keeps only its ``top_k`` most
distinctive features (weight = family weight x sublinear count x IDF), and
only features shared by at most ``max_df`` documents: a word every article
uses cannot tell two events apart and would make every pair a candidate.
Pair scores are accumulated through the inverted index of those features, so
a pair is scored only if it shares a rare feature (the blocking), and the
work is bounded by ``documents x top_k x max_df`` whatever the corpus size.

The score is the cosine of the truncated vectors, adjusted by publication
dates: reports of one event appear within days of each other, two events of
one kind (two earthquakes, two trials) usually months or years apart.

Groups come from average linkage over the scored pairs (an unscored pair
counts as 0), merged while the best average is at least ``threshold``.
Average linkage, not connected components, because one article that
mentions two events must not chain both stories into one: a merge has to be
supported by most pairs across the two groups, not by a single bridge.

A fixed threshold alone cannot tell two events of one kind apart: two
earthquakes on one island, two signings of one player share so many rare
names that their cross average passes any threshold that still lets loosely
written coverage of one event come together.  So a merge of two groups that
are both large enough to know their own cohesion (``cohesion_min_size``
documents each) must also be *relative*: their cross average at least
``cohesion_ratio`` times the within average of the less cohesive one.  Two
halves of one event's coverage are about as similar across as within; two
events are each tight inside and clearly less similar to each other.  Small
groups are exempt because the within average of two or three documents
(often near-copies of one wire story) says little of a whole story.

Publication dates keep two events of one kind apart (see :func:`adjust`), but
an archive's undated articles have none, and a handful of undated reports of
an earlier quake at the same field share every place name with the dated
coverage of a later one.  What they do say is the day of the week ("on Sunday
at 9:27 a.m."; the later quake's reports say "Thursday").  So a merge where
either group has no publication date at all is refused when both groups are
at least ``weekday_min_size`` documents and name days of the week, but no day
in common (:class:`Weekdays`).  Groups, not pairs: one article names other
days for other reasons (a follow-up "on Friday"), and a pairwise penalty cost
more same-event pairs than it parted (ECB+ dev topics), while the days a
whole group names are its event's.

Every order is fixed by the documents' content hashes, never by input order,
paths or string hashing, so the result is the same for any permutation and
any PYTHONHASHSEED.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from factcheck.stories.features import DocFeatures

#: how much a shared feature of each family counts, relative to a shared content word
FAMILY_WEIGHTS = {"n": 1.0, "s": 1.0, "d": 2.0, "m": 0.5, "f": 1.0, "w": 1.0}


@dataclass(frozen=True)
class StoryOptions:
    """The knobs of story building (defaults tuned on ECB+ topics 1-35 only; see bench/stories_eval.py)."""

    threshold: float = 0.13
    top_k: int = 40
    max_df: int = 30
    pub_near_days: int = 7
    pub_near_bonus: float = 0.1
    pub_far_days: int = 60
    pub_far_factor: float = 0.5
    stated_far_factor: float = 0.5
    name_weight: float = 1.0
    date_weight: float = 2.0
    #: a merge of two groups of at least ``cohesion_min_size`` documents each also needs their cross
    #: average at least ``cohesion_ratio`` x the lower of their within averages (0 turns the test off)
    cohesion_ratio: float = 0.7
    cohesion_min_size: int = 6
    #: a merge where either group has no publication date, of two groups of at least this many
    #: documents each naming days of the week, needs a day in common (0 turns the test off)
    weekday_min_size: int = 3


@dataclass(frozen=True)
class Vector:
    """A document's truncated, L2-normalised feature vector (feature -> weight), sorted by feature."""

    items: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Cohesion:
    """The relative merge test of :func:`average_linkage`: cross average >= ``ratio`` x within average,
    for two groups of at least ``min_size`` members each."""

    ratio: float
    min_size: int

    def refuses(self, cross: float, sizes: tuple[int, int], within: tuple[float, float]) -> bool:
        if self.ratio <= 0 or min(sizes) < max(self.min_size, 2):
            return False
        return cross < self.ratio * min(within)


@dataclass(frozen=True)
class Weekdays:
    """The weekday test of :func:`average_linkage` (see the module docstring): groups of at least
    ``min_size`` members, one of them without any publication date, that name days of the week
    but none in common are two events."""

    min_size: int

    def refuses(self, sizes: tuple[int, int], dated: tuple[int, int], days: tuple[int, int]) -> bool:
        """``sizes``: the two groups' sizes; ``dated``: how many of their members have a publication
        date; ``days``: the days of the week their members name (bit sets, OR-ed)."""
        if self.min_size <= 0 or min(sizes) < self.min_size or min(dated) > 0:
            return False  # both groups dated: the publication dates placed them in time (adjust)
        return bool(days[0]) and bool(days[1]) and not days[0] & days[1]


def _family(feature: str) -> str:
    return feature[0]


def family_weights(options: StoryOptions) -> dict[str, float]:
    """Each feature family's weight under ``options``."""
    return dict(FAMILY_WEIGHTS, n=options.name_weight, d=options.date_weight)


def document_frequencies(docs: Sequence[DocFeatures]) -> dict[str, int]:
    """How many of ``docs`` have each feature (in first-seen order; counted in C: a re-scan counts
    them all again, see :mod:`factcheck.stories.incremental`)."""
    return dict(Counter(map(itemgetter(0), chain.from_iterable(d.counts for d in docs))))


def vectors(docs: Sequence[DocFeatures], options: StoryOptions) -> tuple[list[Vector], dict[str, int]]:
    """Each document's top features by weight, and the document frequency of every feature."""
    df = document_frequencies(docs)
    n_docs = len(docs)
    weights = family_weights(options)
    out: list[Vector] = []
    # Equal vectors are kept once: a reprinted wire story has the same counts and so the same
    # vector, and the vectors live until the stories are assembled (see :func:`pair_scores`).
    kept: dict[tuple[tuple[str, float], ...], Vector] = {}
    for d in docs:
        items = vector_items(d, df, n_docs, weights, options)
        vec = kept.get(items)
        if vec is None:
            vec = kept[items] = Vector(items)
        out.append(vec)
    return out, df


def vector_items(d: DocFeatures, df: Mapping[str, int], n_docs: int, weights: Mapping[str, float],
                 options: StoryOptions) -> tuple[tuple[str, float], ...]:
    """One document's truncated, normalised vector: a function of its counts, the document
    frequencies of its features and the corpus size only (what lets a re-scan keep the vectors of
    the documents a change did not touch: :mod:`factcheck.stories.incremental`)."""
    scored = []
    for f, n in d.counts:
        k = df[f]
        if k < 2 or k > options.max_df:
            continue
        # IDF against at least k + 1 documents: in a small corpus about one event every article
        # shares the event's names, and a plain log(n_docs / k) would weigh them 0 (no story at all).
        # Above max_df + 1 documents this is the plain IDF.
        w = weights[_family(f)] * (1.0 + math.log(n)) * math.log(max(n_docs, k + 1) / k)
        if w > 0:
            scored.append((-w, f))
    scored.sort()
    top = scored[:options.top_k]
    norm = math.sqrt(sum(w * w for w, _f in top)) or 1.0
    return tuple(sorted((f, -w / norm) for w, f in top))


def pair_scores(docs: Sequence[DocFeatures], vecs: Sequence[Vector],
                options: StoryOptions) -> dict[tuple[int, int], float]:
    """Scores of every pair (i < j) sharing at least one kept feature: the blocking.

    Memory: the pair scores are the stage's peak and grow with the corpus, so
    the inverted index beside them is kept lean -- each feature's documents and
    weights as two plain lists (no ``(document, weight)`` tuple per entry) --
    and each feature's lists are dropped as soon as its pairs are counted.
    """
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, v in enumerate(vecs):
        for f, w in v.items:
            entry = postings.get(f)
            if entry is None:
                entry = postings[f] = ([], [])
            entry[0].append(i)
            entry[1].append(w)
    dots: dict[tuple[int, int], float] = {}
    for f in sorted(postings):
        ids, ws = postings.pop(f)
        for a in range(len(ids)):
            i, wi = ids[a], ws[a]
            for b in range(a + 1, len(ids)):
                key = (i, ids[b])
                dots[key] = dots.get(key, 0.0) + wi * ws[b]
    for key in sorted(dots):
        dots[key] = adjust(dots[key], docs[key[0]], docs[key[1]], options)
    return dots


def pair_score(a: DocFeatures, va: Sequence[tuple[str, float]], b: DocFeatures, vb: Sequence[tuple[str, float]],
               options: StoryOptions) -> float:
    """The score :func:`pair_scores` gives documents ``a`` before ``b`` (in content order) with
    vectors ``va`` and ``vb``: the products of their shared features summed in feature order, as
    there, so the float is the same to the last bit; 0.0 when they share no feature (unscored)."""
    wb = dict(vb)
    shared = sorted(f for f, _w in va if f in wb)
    if not shared:
        return 0.0
    wa = dict(va)
    dot = 0.0
    for f in shared:
        dot = dot + wa[f] * wb[f]
    return adjust(dot, a, b, options)


def adjust(score: float, a: DocFeatures, b: DocFeatures, options: StoryOptions) -> float:
    """The cosine, adjusted by how far apart the two articles were written (when both are known).

    Publication dates when both have one; else the latest date each states
    outright, a weaker estimate (an article can recall an older event, so
    only a different *year* counts as far apart).
    """
    if a.pub_date is not None and b.pub_date is not None:
        gap = abs((a.pub_date - b.pub_date).days)
        if gap <= options.pub_near_days:
            return score + options.pub_near_bonus
        if gap > options.pub_far_days:
            return score * options.pub_far_factor
        return score
    wa = a.pub_date.isoformat() if a.pub_date is not None else a.latest_stated
    wb = b.pub_date.isoformat() if b.pub_date is not None else b.latest_stated
    if options.stated_far_factor != 1.0 and wa and wb and wa[:4] != wb[:4]:
        return score * options.stated_far_factor
    return score


def average_linkage(n: int, scores: dict[tuple[int, int], float], threshold: float,
                    groups: Sequence[Sequence[int]] = (), labels: Sequence[str | None] | None = None,
                    cohesion: Cohesion | None = None, weekdays: Weekdays | None = None,
                    when: Sequence[tuple[bool, int]] | None = None) -> list[list[int]]:
    """Merge clusters while the best average pair score is at least ``threshold``.

    ``groups`` are must-link sets (pinned together from the start); ``labels``
    (one per item) forbid merging two clusters with different non-None labels
    (documents pinned to different stories).  ``cohesion`` (see the module
    docstring) refuses merges of two large groups much less similar to each
    other than within; ``weekdays`` refuses merges of groups that name different days of
    the week where a publication date is missing, with ``when`` giving each item's
    evidence (has a publication date, days of the week named).  Ties break on the lower cluster
    indices, which follow content order, so the result is deterministic.
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    label: dict[int, str | None] = {i: (labels[i] if labels is not None else None) for i in range(n)}
    dated = {i: int(when[i][0]) if when is not None else 0 for i in range(n)}  # members with a publication date
    days = {i: when[i][1] if when is not None else 0 for i in range(n)}  # days of the week members name
    for g in groups:
        g = sorted(g)
        for x in g[1:]:
            root = g[0]
            members[root].extend(members.pop(x))
            parent[x] = root
            label[root] = label[root] if label[root] is not None else label.pop(x, None)
            dated[root] += dated.pop(x)
            days[root] |= days.pop(x)
    for x in range(n):
        if x not in members:
            label.pop(x, None)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # cluster -> neighbour cluster -> sum of pair scores; cluster -> sum of its own pair scores
    sums: dict[int, dict[int, float]] = {c: {} for c in members}
    intra = dict.fromkeys(members, 0.0)
    for i, j in sorted(scores):  # the keys alone: a sorted list of (pair, score) items was the stage's peak
        s = scores[(i, j)]
        a, b = find(i), find(j)
        if a == b:
            intra[a] += s
            continue
        sums[a][b] = sums[a].get(b, 0.0) + s
        sums[b][a] = sums[b].get(a, 0.0) + s
    heap: list[tuple[float, int, int, int, int]] = []
    version = dict.fromkeys(members, 0)

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        avg = sums[a][b] / (len(members[a]) * len(members[b]))
        if avg >= threshold:
            heapq.heappush(heap, (-avg, a, b, version[a], version[b]))

    for a in sorted(sums):
        for b in sorted(sums[a]):
            if a < b:
                push(a, b)
    def within(c: int) -> float:
        k = len(members[c])
        return intra[c] / (k * (k - 1) / 2) if k > 1 else 0.0

    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        la, lb = label.get(a), label.get(b)
        if la is not None and lb is not None and la != lb:
            continue
        if cohesion is not None and cohesion.refuses(-neg, (len(members[a]), len(members[b])),
                                                     (within(a), within(b))):
            continue  # tried again if either group grows (its pairs are pushed anew)
        if weekdays is not None and weekdays.refuses((len(members[a]), len(members[b])), (dated[a], dated[b]),
                                                     (days[a], days[b])):
            continue  # likewise
        # merge b into a
        intra[a] += intra.pop(b) + sums[a][b]
        members[a].extend(members.pop(b))
        parent[b] = a
        dated[a] += dated.pop(b)
        days[a] |= days.pop(b)
        label[a] = la if la is not None else lb
        version[a] += 1
        nb = sums.pop(b)
        nb.pop(a, None)
        sums[a].pop(b, None)
        for c, s in nb.items():
            sums[c].pop(b, None)
            sums[a][c] = sums[a].get(c, 0.0) + s
            sums[c][a] = sums[a][c]
        for c in sorted(sums[a]):
            push(a, c)
    return sorted(sorted(m) for m in members.values())
