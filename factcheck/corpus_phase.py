"""The reduce step's corpus rules: story-local rules story by story, the rest over the whole corpus.

Why split: a rule kind that compares documents only within a story
(:meth:`factcheck.rules.model.RuleKind.per_story`) gives for one story the
same answer whatever the other stories hold, so after one article changed
only its story needs the rule again.  Such rules therefore *always* run on
one story at a time -- on a :class:`CorpusView` of the story's documents
alone -- with or without a cache: what a story's run may see is then the
same in a cold ``--no-cache`` scan and in a re-scan that reuses the other
stories, and their findings are byte-identical by construction, not by the
hope that no corpus-wide statistic (a word's rarity, a phrase counted across
every quote) leaks in.

The findings of each story's run are cached under a key of the story (its
id, members, names and dates) and each member's path and content digest
(:meth:`factcheck.cache.DocCache.story_key`); the settings are the cache
folder's own key.  All stories of a scan share one packed file, rewritten
with only the stories of the latest scan, so edits do not grow the cache.
Rules that weigh evidence across stories (``names/*``, ``spelling/variants``)
run over the whole corpus as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from factcheck.cache import DocCache, StoryEntry
from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import Finding
from factcheck.rules.model import CorpusView, Rule
from factcheck.stories import DocFeatures, Stories, Story, cluster_stories
from factcheck.stories.incremental import cluster_with_state


@dataclass(frozen=True)
class StoryGroup:
    """The documents one story-local run sees: a story's members in corpus order (``story`` None:
    documents the stories do not know, each run alone)."""

    story: Story | None
    documents: tuple[Document, ...]


def split_rules(rules: Sequence[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The corpus rules as (story-local, whole-corpus), each in the given order."""
    local: list[Rule] = []
    whole: list[Rule] = []
    for rule in rules:
        assert rule.impl is not None
        if rule.impl.scope == "corpus":
            (local if rule.impl.per_story() else whole).append(rule)
    return local, whole


def story_groups(docs: Sequence[Document], stories: Stories) -> list[StoryGroup]:
    """The stories' documents in corpus order, stories by id; a document in no story is its own group."""
    members: dict[str, list[Document]] = {}
    alone: list[StoryGroup] = []
    for doc in docs:
        story = stories.story_of(doc.path)
        if story is None:
            alone.append(StoryGroup(None, (doc,)))
        else:
            members.setdefault(story.id, []).append(doc)
    return [StoryGroup(s, tuple(members[s.id])) for s in stories if s.id in members] + alone


def stories_of(features: Sequence[DocFeatures], digests: Mapping[str, str], cache: DocCache | None) -> Stories:
    """The corpus's stories: with a cache, clustered again only where documents changed since the
    state the last scan saved (each document's identity is its content digest, as for its cache
    entry), and the new state saved; exactly the stories of a cold run either way."""
    if cache is None:
        return cluster_stories(features)
    done = cluster_with_state(features, digests, cache.load_clusters())
    cache.store_clusters(done.state)
    return done.stories


def run_rules(rules: Sequence[Rule], view: CorpusView) -> list[Finding]:
    """Every corpus rule of ``rules`` over one view, in order."""
    out: list[Finding] = []
    for rule in rules:
        assert rule.impl is not None
        out.extend(rule.impl.check_corpus(view))
    return out


def run_story_rules(rules: Sequence[Rule], docs: Sequence[Document], claims: Mapping[str, Sequence[Claim]],
                    stories: Stories, cache: DocCache | None = None,
                    digests: Mapping[str, str] | None = None,
                    on_group: Callable[[StoryGroup, bool], None] | None = None) -> list[Finding]:
    """The story-local ``rules`` story by story: a story's findings come from ``cache`` when
    every member has a content digest in ``digests`` and an entry for exactly that story and those
    members exists; else the rules run on the story's own view and the entry is written.
    ``on_group(group, reused)`` is told of each group (for tests and benchmarks)."""
    if not rules:
        return []
    packed = cache.load_stories() if cache is not None else {}
    kept: dict[str, object] = {}
    out: list[Finding] = []
    for group in story_groups(docs, stories):
        key = None
        if cache is not None and digests is not None and all(d.path in digests for d in group.documents):
            key = cache.story_key(group.story, [(d.path, digests[d.path]) for d in group.documents])
            stored = cache.decode_story(packed.get(key))
            if stored is not None:
                kept[key] = packed[key]
                out.extend(stored.findings)
                if on_group:
                    on_group(group, True)
                continue
        view = CorpusView(group.documents, {d.path: claims.get(d.path, ()) for d in group.documents},
                          Stories([group.story]) if group.story is not None else Stories([]))
        found = run_rules(rules, view)
        if cache is not None and key is not None:
            payload = cache.encode_story(StoryEntry(tuple(found)))
            if payload is not None:
                kept[key] = payload
        out.extend(found)
        if on_group:
            on_group(group, False)
    if cache is not None and kept != packed:
        cache.store_stories(kept)
    return out
