"""Impossible values: a figure its measure cannot take, against the story's statement most like it.

Most pairing paths need the story to say which of its values a figure should
equal: a story that reports two earthquakes (magnitude 7.6, then 7.3) keeps
them all silent about a "magnitude 11.4", since the 11.4 could be either
quake's.  Yet no earthquake has ever measured 10 on the moment-magnitude scale
(the largest recorded, Chile 1960, was 9.5): the figure is wrong whichever it
should be.  A value beyond its measure's limit (:data:`LIMITS`) is paired with the
statement of the measure in another article of the story whose sentence is most
like its own (rarity-weighted overlap), and reported at the rule's severity with the
evidence :data:`IMPOSSIBLE`.  The pairing only names a reference: the evidence is the
value itself, so the sentences need share no words.

Only measures whose limit is physical, not a habit of reporting, are listed: a
limit an outlet could legitimately pass (a percentage rise, a record toll) would
make the rule call a true figure wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.similarity import weighted_overlap
from factcheck.rules.kinds.conflict.statements import Statement

#: The evidence of a pair made by an impossible value, as findings record it (``evidence.path``).
IMPOSSIBLE = "impossible value"

#: The largest value each measure (the claim's ``measure``, else its unit) can take.  An
#: earthquake's magnitude (Richter or moment): the scales have no ceiling in theory, but the
#: largest quake recorded measured 9.5, and 10 would need a fault longer than any known.
LIMITS: dict[str, float] = {"magnitude": 10.0}


def limit_of(f: Statement) -> float | None:
    """The largest value ``f``'s measure can take, if :data:`LIMITS` knows it."""
    c = f.claim
    if c.kind == "date" or c.get("relative"):
        return None
    measure = c.get("measure") or c.unit
    return LIMITS.get(str(measure)) if measure else None


def beyond(f: Statement) -> bool:
    """Is ``f``'s value (a range: its lower end) past its measure's limit?"""
    limit = limit_of(f)
    value = f.claim.value
    low = value[0] if isinstance(value, (list, tuple)) and value else value
    return limit is not None and isinstance(low, (int, float)) and not isinstance(low, bool) and low > limit


def impossible_pairs(facts: Sequence[Statement], idf: dict[str, float],
                     known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Each statement of an impossible value (:func:`beyond`) paired with the statement of its
    measure in another article of its story, of a possible value, whose sentence is most like
    its own (rarity-weighted overlap; on a tie, the first in the statements' order); none when
    the story states the measure nowhere else.  ``known``: pairs already taken, not given again."""
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if limit_of(f) is not None:
            groups[(f.story, f.key, f.claim.get("measure") or f.claim.unit)].append(i)
    for ids in groups.values():
        for x in ids:
            a = facts[x]
            if a.story is None or not beyond(a):
                continue
            best: tuple[float, int] | None = None
            for y in ids:
                b = facts[y]
                if b.doc.path == a.doc.path or beyond(b):
                    continue
                score = weighted_overlap(a.sentence, b.sentence, idf)
                if best is None or score > best[0]:
                    best = (score, y)
            if best is not None:
                pair = (min(x, best[1]), max(x, best[1]))
                if pair not in known:
                    yield pair
