"""Story clustering that a re-scan redoes only where a change reaches, with exactly a cold run's result.

Why: after one article changed, clustering every story again was the largest
part of a re-scan's corpus phase (0.4 s of CPU on ECB+, 4 s at ten times its
size).  What clustering computes is local, so a :class:`ClusterState` saved
beside the cache lets the next scan recompute only what the changed documents
touch:

* **Vectors.**  A document's vector is a function of its own counts, the
  document frequencies of its features and the corpus size
  (:func:`~factcheck.stories.cluster.vector_items`).  With the same number of
  documents, only the documents holding a feature whose frequency changed
  *inside the counted band* (2 .. ``max_df``; outside it a feature is not
  weighed at all) can get another vector.  Only each vector's features are
  saved, not its weights: a document whose vector must be compared with what
  it was has it computed again from the saved frequencies, and a vector kept
  is computed from the current ones when read (the same numbers either way).
  The weights were a third of the saved state, and their digits most of the
  time it took to read and write it; a re-scan reads few vectors.
* **Linkage.**  Average linkage merges two groups only while their average
  pair score is at least ``threshold``, and an average of scores all below the
  threshold is below it, so groups form inside the connected components of
  the graph of pairs scoring at least the threshold ("strong" pairs), and the
  merges inside one component never read another's scores.  Linkage over a
  set of whole components therefore gives exactly the groups a run over the
  whole corpus gives them (ties break on content order, which a subset keeps).
  Only the components holding a removed document, a document whose vector
  changed, or a document a changed vector now strongly pairs with are
  clustered again; the rest keep their groups.  (Strong here is a hair below
  the threshold, so that rounding in a sum of scores can never merge across
  two components.)
* **Drafts.**  A story's record (:class:`~factcheck.stories.assemble.Draft`)
  reads its members' evidence, vectors and pair scores, and the frequencies of
  their features; a kept group whose members hold no feature whose frequency
  changed keeps its draft.  Ids are settled over all drafts, as a cold run
  settles them.

Anything that could make the shortcut inexact falls back to clustering the
whole corpus: a different number of documents (every IDF moves), pinned
documents (pins link documents across the score graph), other options, or no
usable saved state.  The hypothesis tests hold both paths to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from factcheck.stories.assemble import Draft, draft, finish, frequency_families, redefine
from factcheck.stories.cluster import (
    Cohesion,
    StoryOptions,
    Vector,
    Weekdays,
    average_linkage,
    document_frequencies,
    family_weights,
    pair_score,
    pair_scores,
    vector_items,
)
from factcheck.stories.features import DocFeatures
from factcheck.stories.model import Stories

#: how far below the threshold a pair still counts as strong (see the module docstring)
_STRONG_MARGIN = 1e-6

_first = itemgetter(0)


@dataclass(frozen=True)
class ClusterState:
    """What one clustering leaves for the next, per document in content order (columns, so the
    cache reads it in a few C-speed passes): its path, its identity (what its evidence is a
    function of: the engine gives the digest of the file's bytes), its vector's features and its
    strong component (the lowest content-order index among the component's documents); and the
    document frequencies and every group's draft."""

    options: StoryOptions
    df: tuple[tuple[str, int], ...]
    paths: tuple[str, ...]
    identities: tuple[str, ...]
    #: each document's vector's features (its weights are computed again when needed: see the module docstring)
    features: tuple[tuple[str, ...], ...]
    components: tuple[int, ...]
    drafts: tuple[Draft, ...]

    def fits(self) -> bool:
        """Are the columns of one length (a state that decoded but was not written whole is not used)?"""
        n = len(self.paths)
        return len(self.identities) == len(self.features) == len(self.components) == n


@dataclass(frozen=True)
class Clustered:
    """A clustering's stories, its state for the next scan, and whether it was incremental
    (False: the whole corpus was clustered), with how many documents were clustered again."""

    stories: Stories
    state: ClusterState
    incremental: bool
    reclustered: int


def cluster_with_state(features: Sequence[DocFeatures], identities: Mapping[str, str],
                       previous: ClusterState | None, options: StoryOptions | None = None) -> Clustered:
    """The stories of ``features`` -- exactly :func:`factcheck.stories.cluster_stories`' -- computed
    from ``previous`` where only some documents changed.  ``identities`` maps each path to what
    its evidence is a function of (a document missing from it makes the run a full one)."""
    options = options or StoryOptions()
    docs = sorted(features, key=lambda f: (f.content, f.path))
    df = document_frequencies(docs)
    idents = [identities.get(d.path) for d in docs]
    if previous is not None and previous.options == options and len(previous.paths) == len(docs) \
            and None not in idents and all(d.pin is None for d in docs):
        done = _incremental(docs, [i for i in idents if i is not None], df, options, previous)
        if done is not None:
            return done
    return _full(docs, [i or "" for i in idents], df, options)


def _linkage(docs: Sequence[DocFeatures], scores: dict[tuple[int, int], float],
             options: StoryOptions) -> list[list[int]]:
    """Average linkage of ``docs`` (content order) as :func:`factcheck.stories.cluster_stories` runs it."""
    pins: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        if d.pin is not None:
            pins.setdefault(d.pin, []).append(i)
    return average_linkage(len(docs), scores, options.threshold, groups=[pins[p] for p in sorted(pins)],
                           labels=[d.pin for d in docs],
                           cohesion=Cohesion(options.cohesion_ratio, options.cohesion_min_size),
                           weekdays=Weekdays(options.weekday_min_size),
                           when=[(d.pub_date is not None, d.weekdays) for d in docs])


def _components(n: int, scores: Mapping[tuple[int, int], float], threshold: float,
                groups: Sequence[Sequence[int]] = ()) -> list[int]:
    """Each item's strong component, named by its lowest item (pairs scoring at least just below
    ``threshold``, and must-link ``groups``, connect)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    strong = threshold * (1 - _STRONG_MARGIN)
    for (i, j), s in scores.items():
        if s >= strong:
            union(i, j)
    for g in groups:
        for x in g[1:]:
            union(g[0], x)
    return [find(i) for i in range(n)]


def _full(docs: list[DocFeatures], idents: list[str], df: dict[str, int], options: StoryOptions) -> Clustered:
    n = len(docs)
    weights = family_weights(options)
    items = [vector_items(d, df, n, weights, options) for d in docs]
    vecs = [Vector(v) for v in items]
    scores = pair_scores(docs, vecs, options)
    groups = _linkage(docs, scores, options)
    reasons: dict[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]] = {}
    drafts = [draft(docs, g, vecs, df, scores, reasons) for g in groups]
    pinned = [[i for i, d in enumerate(docs) if d.pin == p] for p in sorted({d.pin for d in docs if d.pin})]
    state = ClusterState(options, tuple(sorted(df.items())), tuple(d.path for d in docs), tuple(idents),
                         tuple(tuple(f for f, _w in v) for v in items),
                         tuple(_components(n, scores, options.threshold, pinned)), tuple(drafts))
    return Clustered(finish(drafts), state, False, n)


def _incremental(docs: list[DocFeatures], idents: list[str], df: dict[str, int], options: StoryOptions,
                 prev: ClusterState) -> Clustered | None:
    """The shortcut of the module docstring; None when the saved state does not fit ``docs``."""
    if not prev.fits():
        return None
    n = len(docs)
    was = {(p, i): k for k, (p, i) in enumerate(zip(prev.paths, prev.identities, strict=True))}
    old = [was.get((d.path, ident)) for d, ident in zip(docs, idents, strict=True)]
    old_df = dict(prev.df)
    changed = {f for f, _k in df.items() ^ old_df.items()}  # features whose frequency changed

    def counted(k: int) -> bool:
        return 2 <= k <= options.max_df

    weighed = {f for f in changed if counted(df.get(f, 0)) or counted(old_df.get(f, 0))}
    weights = family_weights(options)
    # Each document's vector: computed again (a new document, or one holding a feature whose weight
    # changed, compared with its vector under the saved frequencies), or when read (the saved one).
    items: list[tuple[tuple[str, float], ...] | None] = [None] * n
    moved: list[int] = []  # new documents and documents whose vector changed
    for i, d in enumerate(docs):
        k = old[i]
        if k is None or (weighed and not weighed.isdisjoint(map(_first, d.counts))):
            v = items[i] = vector_items(d, df, n, weights, options)
            if k is None:
                moved.append(i)
                continue
            if any(f not in old_df for f, _c in d.counts):
                return None  # saved frequencies that do not count this very document: not a state we wrote
            if v != vector_items(d, old_df, n, weights, options):
                moved.append(i)

    def vector(i: int) -> tuple[tuple[str, float], ...]:
        v = items[i]
        if v is None:  # a kept document: no feature of its vector changed weight
            v = items[i] = vector_items(docs[i], df, n, weights, options)
        return v

    kept_old = {k for k in old if k is not None}
    dirty = {prev.components[k] for k in range(len(prev.paths)) if k not in kept_old}
    dirty.update(prev.components[k] for i in moved if (k := old[i]) is not None)
    _reach(docs, moved, old, prev, vector, options, dirty)
    redo = sorted(set(moved) | {i for i, k in enumerate(old) if k is not None and prev.components[k] in dirty})
    sub = [docs[i] for i in redo]
    vecs = {i: Vector(vector(i)) for i in redo}
    sub_scores = pair_scores(sub, [vecs[i] for i in redo], options)
    groups = [[redo[x] for x in g] for g in _linkage(sub, sub_scores, options)]
    sub_components = _components(len(redo), sub_scores, options.threshold)
    scores = {(redo[a], redo[b]): s for (a, b), s in sub_scores.items()}

    # Each draft with its members, so that ids are settled in a cold run's group order (equal base
    # ids and tie-breaks happen: the copies of an article have one content hash).
    drafts: list[tuple[list[int], Draft]] = []
    reasons: dict[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]] = {}
    drafts.extend((sorted(g), draft(docs, g, vecs, df, scores, reasons)) for g in groups)
    now = {(d.path, ident): i for i, (d, ident) in enumerate(zip(docs, idents, strict=True))}
    at = {p: k for k, p in enumerate(prev.paths)}
    reread_by: dict[tuple[str, ...], set[str]] = {fams: {f for f in changed if f.startswith(fams)}
                                                  for fams in (("n:", "d:"), ("n:", "d:", "w:"))}
    for old_draft in prev.drafts:
        ks = [at.get(p) for p in old_draft.story.documents]
        if not ks or None in ks:
            return None  # a draft of documents the state does not list: not a state this code wrote
        if any(prev.components[k] in dirty for k in ks if k is not None):
            continue  # clustered again above
        members = sorted(now[(prev.paths[k], prev.identities[k])] for k in ks if k is not None)
        reread = reread_by[frequency_families(old_draft)]
        if reread and not all(reread.isdisjoint(map(_first, docs[i].counts)) for i in members):
            old_draft = redefine(docs, members, df, old_draft)  # its names or dates may rank anew
        drafts.append((members, old_draft))
    drafts.sort(key=_first)
    components = _renamed(old, prev.components, redo, sub_components)
    # The saved features of a vector not computed again are kept as they were read.
    feats: list[tuple[str, ...]] = []
    for i, k in enumerate(old):
        computed = items[i]
        feats.append(prev.features[k] if computed is None and k is not None else tuple(f for f, _w in vector(i)))
    state = ClusterState(options, tuple(sorted(df.items())), tuple(d.path for d in docs), tuple(idents),
                         tuple(feats), tuple(components), tuple(d for _m, d in drafts))
    return Clustered(finish(state.drafts), state, True, len(redo))


def _reach(docs: Sequence[DocFeatures], moved: Sequence[int], old: Sequence[int | None], prev: ClusterState,
           vector: Callable[[int], tuple[tuple[str, float], ...]], options: StoryOptions, dirty: set[int]) -> None:
    """Add to ``dirty`` the saved components a moved vector now pairs with strongly.

    Only a document whose vector shares a feature with a moved one can pair with it (the
    blocking of :func:`~factcheck.stories.cluster.pair_scores`); each such pair is scored as
    :func:`pair_scores` scores it, so the strong test sees the very same number.
    """
    if not moved:
        return
    moving = set(moved)
    strong = options.threshold * (1 - _STRONG_MARGIN)
    for x in moved:
        mine = dict(vector(x))
        for j in range(len(docs)):
            k = old[j]
            if j in moving or k is None or prev.components[k] in dirty or mine.keys().isdisjoint(prev.features[k]):
                continue
            lo, hi = min(x, j), max(x, j)
            if pair_score(docs[lo], vector(lo), docs[hi], vector(hi), options) >= strong:
                dirty.add(prev.components[k])


def _renamed(old: Sequence[int | None], old_components: Sequence[int], redo: Sequence[int],
             sub_components: Sequence[int]) -> list[int]:
    """Every document's component, named by its lowest index in the new content order (as
    :func:`_components` names them in a full run): kept components from the saved state, those
    clustered again from ``sub_components`` (indices into ``redo``)."""
    label: list[tuple[int, int]] = []  # (0, old component) or (1, redo component): a name per component
    redone = dict(zip(redo, sub_components, strict=True))
    for i, k in enumerate(old):
        if i in redone:
            label.append((1, redo[redone[i]]))
        else:
            assert k is not None  # a document not clustered again was in the saved state
            label.append((0, old_components[k]))
    lowest: dict[tuple[int, int], int] = {}
    for i, lab in enumerate(label):
        lowest.setdefault(lab, i)
    return [lowest[lab] for lab in label]
