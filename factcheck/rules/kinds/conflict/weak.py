"""The weak pairing: every path of weaker evidence, in order, each told what the ones before found.

Weaker evidence than the words of two statements (:mod:`.strong`): that they
belong to one story, one subject, one story's majority, or a person its story
describes alike.  Each path is its own module; this runs them in the order the
rule relies on (a path skips pairs an earlier one found) and is the one list a
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


def weak_pairs(facts: Sequence[Statement], settings: ConflictOptions, names_in: dict[str, frozenset[str]],
               known: set[tuple[int, int]],
               counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None) -> list[tuple[int, int]]:
    """Every pair the weak pairing takes for one fact, besides the ``known`` ones: the
    story's, its consensus, its majority, the wording majority, the subject's and the
    likeness of ages, each path told what the ones before it found.  Ages of one
    role pair by holder (:func:`holder_pairs`).  ``counted``:
    :func:`shared_words`, if already counted."""
    words = counted if counted is not None else shared_words(facts)
    story = story_mates(facts, names_in)
    values = story_values(facts, story, settings.story_names)
    weak = list(story_pairs(facts, settings, names_in, known, story))
    weak += consensus_pairs(facts, settings, names_in, {*known, *weak})
    weak += majority_pairs(facts, settings, names_in, {*known, *weak}, story, values)
    weak += wording_majority_pairs(facts, settings, words[0], {*known, *weak})
    weak += subject_pairs(facts, settings, {*known, *weak}, story, values)
    weak += likeness_pairs(facts, settings, story, values, words[1], {*known, *weak})
    return weak
