"""What two statements share: stories, fact keys and the inverted indexes pairs meet through.

A statement is compared only with statements of its story (the story stage's
:class:`factcheck.stories.Story`: documents reporting one real-world event) that
it shares a key with: a sentence word of its kind and unit (:func:`shared_words`),
its measure (:func:`story_mates`), what its figure belongs to
(:func:`consensus_key`).  Each index is read by :func:`co_indexed`, which counts
the keys every pair shares, skips keys too common to tell one fact and never
pairs two stories, so the pairing stays linear in the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from factcheck.rules.kinds.conflict.dates import compared
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.kinds.conflict.subjects import NOT_NAMES
from factcheck.rules.kinds.conflict.text import STOPWORDS

#: An index key held by more facts than this is too common to identify one fact
#: (a word in every sentence, a name in every article): it is skipped, which also
#: keeps the pairing linear in the corpus.
MAX_POSTINGS = 300


def co_indexed(index: dict[Any, list[int]], facts: Sequence[Statement]) -> Counter[tuple[int, int]]:
    """For each pair of facts from different documents of one story, how many index keys list both.

    Every pairing path meets its candidates this way -- an inverted index of some key
    (a sentence word, a measure, a surname) -- so that no path compares every pair
    of statements; a key listing more than :data:`MAX_POSTINGS` is skipped.  This is
    the one place that keeps stories apart: two articles of two stories report two
    events, so their figures are never one fact, however alike their sentences.
    """
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) > MAX_POSTINGS or len(ids) < 2:
            continue
        # Blocked by story first: a key many stories share costs the pairs within each.
        blocks: dict[str | None, list[int]] = {}
        for x in ids:
            blocks.setdefault(facts[x].story, []).append(x)
        for block in blocks.values():
            for a_i, x in enumerate(block):
                path = facts[x].doc.path
                for y in block[a_i + 1:]:
                    if facts[y].doc.path != path:
                        shared[(x, y)] += 1
    return shared


def shared_words(facts: Sequence[Statement]) -> tuple[Counter[tuple[int, int]], dict[str, float]]:
    """How many sentence words each pair of facts of one kind and unit shares (met
    through an inverted index), and each word's rarity."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    df: Counter[str] = Counter()
    for i, f in enumerate(facts):
        ws = f.sentence
        df.update(ws)
        for w in ws:
            index[(*f.key, w)].append(i)
    # Smoothed inverse document frequency: common words weigh 1, rare ones more,
    # so a small corpus (where every word is "common") still compares sensibly.
    n = len(facts)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    return co_indexed(index, facts), idf


def story_mates(facts: Sequence[Statement]) -> Counter[tuple[int, int]]:
    """Every pair of statements of one measure in two articles of one story: the
    candidates of the story pairing and of the story's majority, met through an index
    of (measure, story), so only articles of one story are compared."""
    index: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if compared(f.claim):  # not "on Monday"; "January 31" is (see .dates)
            index[(f.key, f.measure, f.story)].append(i)
    return co_indexed(index, facts)


def story_values(facts: Sequence[Statement], story: Counter[tuple[int, int]]) -> dict[int, set[str]]:
    """For each figure, the values the rest of its story gives for its measure (``story``:
    :func:`story_mates`).  Not for dates."""
    values: dict[int, set[str]] = defaultdict(set)
    for x, y in story:
        if facts[x].claim.kind != "date":
            values[x].add(repr(facts[y].claim.value))
            values[y].add(repr(facts[x].claim.value))
    return values


#: The capitalised words right after a figure: the name it is part of ("17-inch MacBook Pro").
_NAME_AFTER_RE = re.compile(r"[ \t]*([A-Z][\w'’-]*)(?:[ \t]+([A-Z][\w'’-]*))?")
#: ... or right before it ("the MacBook Pro 17-inch").
_NAME_BEFORE_RE = re.compile(r"(?:([A-Z][\w'’-]*)[ \t]+)?([A-Z][\w'’-]*)[ \t]*$")
#: Capitalised words that do not name what a figure belongs to ("The 17-inch", "Tuesday 17").
_NOT_NAME_WORDS = STOPWORDS | NOT_NAMES


def consensus_key(f: Statement) -> tuple[object, ...] | None:
    """What a figure belongs to, for the story's consensus: an age whose holder is not
    named (a plausible human age), or the name the figure is part of; None otherwise."""
    c = f.claim
    if c.kind == "date":
        return None  # a date is compared by closeness (see story.near_days)
    if c.get("age"):
        if f.named is not None or not isinstance(c.value, (int, float)) or c.value > 120:
            return None
        return ("age",)
    text = f.doc.text
    # The name after the figure, else the one before; the word touching the figure must be a name.
    for m, touching in ((_NAME_AFTER_RE.match(text, c.end), 1),
                        (_NAME_BEFORE_RE.search(text, max(0, c.start - 60), c.start), 2)):
        if m and m.group(touching).casefold() not in _NOT_NAME_WORDS:
            return ("name", f.key, tuple(g.casefold() for g in m.groups() if g))
    return None
