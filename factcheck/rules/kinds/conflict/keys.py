"""What two statements share: story names, fact keys and the inverted indexes pairs meet through.

A statement is compared only with statements it shares a key with: a sentence
word of its kind and unit (:func:`shared_words`), a name of its article's story
and its measure (:func:`story_mates`), what its figure belongs to
(:func:`consensus_key`).  Each index is read by :func:`co_indexed`, which counts
the keys every pair shares and skips keys too common to tell one fact, so the
pairing stays linear in the corpus.  A story, here, is two articles sharing
``story_names`` of their most mentioned names (:func:`story_names`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.claims.base import Claim
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.kinds.conflict.subjects import NOT_NAMES
from factcheck.rules.kinds.conflict.text import STOPWORDS

#: Names that characterise an article's story: its most mentioned ones.  A bound, so
#: the story index stays linear in the figures of a document however many names it has.
STORY_NAMES = 32


def story_names(claims: Iterable[Claim]) -> frozenset[str]:
    """The article's most mentioned names (at most :data:`STORY_NAMES`; ties: first mentioned)."""
    count: Counter[str] = Counter(" ".join(c.text.casefold().split()) for c in claims if c.kind == "name")
    return frozenset(name for name, _n in count.most_common(STORY_NAMES))


#: An index key held by more facts than this is too common to identify one fact
#: (a word in every sentence, a name in every article): it is skipped, which also
#: keeps the pairing linear in the corpus.
MAX_POSTINGS = 300


def co_indexed(index: dict[Any, list[int]], facts: Sequence[Statement]) -> Counter[tuple[int, int]]:
    """For each pair of facts from different documents, how many index keys list both.

    Every pairing path meets its candidates this way -- an inverted index of some key
    (a sentence word, a story name, a surname) -- so that no path compares every pair
    of statements; a key listing more than :data:`MAX_POSTINGS` is skipped.
    """
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for a_i, x in enumerate(ids):
            for y in ids[a_i + 1:]:
                if facts[x].doc.path != facts[y].doc.path:
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


def story_mates(facts: Sequence[Statement], names_in: dict[str, frozenset[str]]) -> Counter[tuple[int, int]]:
    """For two statements of one measure in two articles, how many of their
    ``story_names`` the articles share: the candidates of the story pairing and of
    the story's majority, met through an index of (measure, name), so only
    articles sharing names are compared."""
    index: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if not f.claim.get("relative"):
            for name in names_in.get(f.doc.path, ()):
                index[(f.key, f.measure, name)].append(i)
    return co_indexed(index, facts)


def story_values(facts: Sequence[Statement], story: Counter[tuple[int, int]], need: int) -> dict[int, set[str]]:
    """For each figure, the values the rest of its story (``story_names`` names in
    common, ``need`` of them: see :func:`story_mates`) gives for its measure.  Not for dates."""
    values: dict[int, set[str]] = defaultdict(set)
    for (x, y), k in story.items():
        if k >= need and facts[x].claim.kind != "date":
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
