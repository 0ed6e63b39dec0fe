"""The likeness pairing: an unnamed age against the age its story describes in the most alike words.

A person has one age, and each outlet describes the person in its own words:
"a 61-year-old man surrendered and was arrested" shares a word or two with each
of "police have arrested a 61-year-old former employee" and "The
sixty-one-year-old was arrested Friday", too few to pair with either, yet the
statements of 61 between them use most of its words.  Only for ages, where it
was measured to separate (other figures gave about one false finding per
planted error); weaker evidence, reported at ``weak_severity``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.majority import OTHER_FACTS, one_role
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import may_be_one
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.kinds.conflict.text import stem

#: The share of an age's sentence (words weighted by rarity) that the story's
#: statements of another age must use for the two to be one person's, when no other age's
#: statements use as much (see likeness_pairs).
LIKENESS = 0.2
#: ... and the words, at least, they must use: one word in common is a short sentence's chance.
LIKE_WORDS = 2


def likeness_pairs(facts: Sequence[Statement], settings: ConflictOptions, story: Counter[tuple[int, int]],
                   values: dict[int, set[str]], idf: dict[str, float],
                   known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """An unnamed age one article alone gives, against the age of the person whom the
    rest of its story describes in words most like its sentence: weaker evidence.

    A person has one age, and each outlet describes the person in its own words:
    "After two hours a 61-year-old man surrendered and was arrested" shares a word
    or two with each of "Vancouver police have arrested a 61-year-old former
    employee" and "The sixty-one-year-old was arrested Friday", too few to pair
    with either, yet between them the statements of 61 use most of its words.  So
    an age no other article of the story gives
    (``values``) is weighed against each age the story gives, through statements
    that could be one person's (:func:`may_be_one`: not a girl's age for a
    man's; :func:`.majority.one_role`: not a driver's for a woman's): the share
    of its sentence's words (by stem, weighted by rarity) that
    the statements of that age use between them.  Where one age wins, with
    :data:`LIKENESS` of the weight or more and :data:`LIKE_WORDS` words, the two
    are one person's age.

    Only for an age whose holder is not named (a named person's ages pair by name,
    on stronger evidence: see :func:`holder_pairs`), alone in its sentence (a
    sentence giving two ages speaks of two people: the words cannot tell which
    one the story describes), in an article giving at most :data:`OTHER_FACTS`
    other ages, and not the winning one (then the article speaks of that person
    too, and its age is another's: "the 36-year-old driver" beside "a
    66-year-old woman").
    """
    mates: dict[int, list[int]] = defaultdict(list)
    for x, y in sorted(story):
        a, b = facts[x], facts[y]
        if a.claim.get("age") and b.claim.get("age") and not a.claim.get("relative") \
                and not b.claim.get("relative") and may_be_one(a, b) and one_role(a, b):
            mates[x].append(y)
            mates[y].append(x)
    stems: dict[int, frozenset[str]] = {}
    for x in sorted(mates):
        f = facts[x]
        if repr(f.claim.value) in values[x] or not f.unique or len(f.given) > 1 + OTHER_FACTS or f.named:
            continue
        pooled: dict[str, set[str]] = defaultdict(set)
        first: dict[str, int] = {}
        for y in mates[x]:
            if y not in stems:
                stems[y] = frozenset(stem(w) for w in facts[y].sentence)
            v = repr(facts[y].claim.value)
            pooled[v].update(stems[y])
            first.setdefault(v, y)
        weight: dict[str, float] = {}
        for w in f.sentence:  # the rarest word of a stem weighs for it
            weight[stem(w)] = max(weight.get(stem(w), 0.0), idf.get(w, 1.0))
        total = math.fsum(weight.values())
        if not total:
            continue
        share = {v: math.fsum(wt for st, wt in weight.items() if st in words) / total
                 for v, words in pooled.items()}
        ranked = sorted(share, key=lambda v: (-share[v], v))
        top = ranked[0]
        if share[top] < LIKENESS or (len(ranked) > 1 and share[ranked[1]] >= share[top]) or top in f.given \
                or len(weight.keys() & pooled[top]) < LIKE_WORDS:
            continue
        pair = (min(x, first[top]), max(x, first[top]))
        if pair not in known:
            yield pair
