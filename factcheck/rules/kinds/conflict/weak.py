"""The weak pairing: every path of weaker evidence, in order, each told what the ones before found.

Weaker evidence than the words of two statements (:mod:`.strong`): that they
belong to one story and each give one value for the measure, that the rest of
the story agrees on another value, that they are said of one subject, or of a
person the story describes alike.  Each path is its own module; this runs them
in the order the rule relies on (a path skips pairs an earlier one found),
names each path's pairs (the finding's ``evidence.path``) and is the one list a
benchmark wraps to try another path after them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.rules.kinds.conflict.keys import shared_words, story_mates, story_values
from factcheck.rules.kinds.conflict.likeness import likeness_pairs
from factcheck.rules.kinds.conflict.majority import consensus_pairs, majority_pairs, wording_majority_pairs
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.kinds.conflict.story import story_pairs
from factcheck.rules.kinds.conflict.subject_pairs import subject_pairs

#: The names of the weak paths after the story pairing's own (:mod:`.story`), as findings
#: record them (``evidence.path``).
CONSENSUS, MAJORITY, WORDING, SUBJECT, LIKENESS = (
    "story consensus", "story majority", "wording majority", "named subject", "likeness")

Pairs = list[tuple[int, int]]


def weak_paths(facts: Sequence[Statement], settings: ConflictOptions, known: set[tuple[int, int]],
               counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None) -> list[tuple[str, Pairs]]:
    """The pairs each weak path takes for one fact, besides the ``known`` ones, by path
    name, in the order they run: the story's, its consensus, its majority, the wording
    majority, the subject's and the likeness of ages, each path told what the ones
    before it found.  Ages of one role pair by holder (:func:`.holders.holder_pairs`).
    ``counted``: :func:`shared_words`, if already counted."""
    words = counted if counted is not None else shared_words(facts)
    story = story_mates(facts)
    values = story_values(facts, story)
    found: list[tuple[str, Pairs]] = []
    taken = set(known)

    def add(name: str, pairs: Pairs) -> None:
        found.append((name, pairs))
        taken.update(pairs)

    by_story: dict[str, Pairs] = {}
    for x, y, name in story_pairs(facts, settings, taken, story):
        by_story.setdefault(name, []).append((x, y))
    for name in sorted(by_story):
        add(name, by_story[name])
    add(CONSENSUS, list(consensus_pairs(facts, taken)))
    add(MAJORITY, list(majority_pairs(facts, settings, taken, story, values)))
    add(WORDING, list(wording_majority_pairs(facts, settings, words[0], taken)))
    add(SUBJECT, list(subject_pairs(facts, settings, taken, story, values)))
    add(LIKENESS, list(likeness_pairs(facts, settings, story, values, words[1], taken)))
    return found


def weak_pairs(facts: Sequence[Statement], settings: ConflictOptions, known: set[tuple[int, int]],
               counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None) -> Pairs:
    """Every pair the weak pairing takes for one fact, besides the ``known`` ones, whichever
    path took it (see :func:`weak_paths`)."""
    return [pair for _name, pairs in weak_paths(facts, settings, known, counted) for pair in pairs]
