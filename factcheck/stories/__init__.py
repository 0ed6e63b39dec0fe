"""The story stage: documents -> claims -> **stories** -> rules.

A story is the set of documents that report the same real-world event (one
earthquake, one trial, one acquisition), not merely the same kind of event.
Corpus rules compare statements within a story, so two earthquakes in one
archive are never read as one event with conflicting death tolls.

The stage runs in two steps, matching the engine's map and reduce phases:
:func:`document_features` (per document, from its text and its name, date and
number claims; cheap, picklable) and :func:`cluster_stories` (over the whole corpus:
blocking on rare features, scores, average linkage; see
:mod:`factcheck.stories.cluster`).  :func:`build_stories` does both for
callers that hold documents and claims in one place (rule tests, the API).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.claims.base import Claim, extract_all
from factcheck.documents import Document
from factcheck.stories.assemble import assemble
from factcheck.stories.cluster import Cohesion, StoryOptions, Weekdays, average_linkage, pair_scores, vectors
from factcheck.stories.features import STORY_KINDS, DocFeatures, document_features
from factcheck.stories.model import Stories, Story, Why
from factcheck.stories.pins import document_pin, front_matter_pin

__all__ = ["STORY_KINDS", "DocFeatures", "Stories", "Story", "StoryOptions", "Why", "build_stories",
           "cluster_stories", "document_features", "document_pin", "front_matter_pin"]


def cluster_stories(features: Sequence[DocFeatures], options: StoryOptions | None = None) -> Stories:
    """Stories of a corpus from each document's features (the reduce step)."""
    options = options or StoryOptions()
    docs = sorted(features, key=lambda f: (f.content, f.path))  # content order: input order cannot matter
    vecs, df = vectors(docs, options)
    scores = pair_scores(docs, vecs, options)
    pins: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        if d.pin is not None:
            pins.setdefault(d.pin, []).append(i)
    groups = average_linkage(len(docs), scores, options.threshold, groups=[pins[p] for p in sorted(pins)],
                             labels=[d.pin for d in docs],
                             cohesion=Cohesion(options.cohesion_ratio, options.cohesion_min_size),
                             weekdays=Weekdays(options.weekday_min_size),
                             when=[(d.pub_date is not None, d.weekdays) for d in docs])
    return assemble(docs, groups, vecs, df, scores)


def build_stories(docs: Sequence[Document], claims: Mapping[str, Sequence[Claim]] | None = None,
                  pins: Mapping[str, str] | None = None, options: StoryOptions | None = None) -> Stories:
    """Stories of ``docs``; ``claims`` (path -> claims) must hold their ``name`` and ``date`` claims,
    or be None to extract them here.  ``pins`` (path -> label) are the config's pins; front matter
    ``story:`` pins are read from the documents."""
    feats = []
    for doc in docs:
        cs = claims.get(doc.path, ()) if claims is not None else extract_all(doc, STORY_KINDS)
        pin, source = document_pin(doc, (pins or {}).get(doc.path))
        feats.append(document_features(doc, cs, pin, source))
    return cluster_stories(feats, options)
