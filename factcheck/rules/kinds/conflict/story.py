"""The story pairing: one value each for one measure in two articles telling one story.

Two articles of one story (:mod:`factcheck.stories`) report one event.  Where
each gives one value (or the same values but one) for a measure, in sentences
sharing a few words, the two values are most likely one fact, however
differently worded.  About half such pairs are real disagreements
between outlets, so they are reported at ``weak_severity``.  Dates pair by
closeness instead (:func:`near_days`).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.keys import story_mates
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import may_be_one, rest_agrees
from factcheck.rules.kinds.conflict.statements import Statement, day_of

#: The names of the story pairing's evidence, as findings record them (``evidence.path``).
ONE_VALUE_EACH, NEAR_DATES = "one value each", "near dates"


def story_pairs(facts: Sequence[Statement], settings: ConflictOptions, strong: set[tuple[int, int]],
                mates: Counter[tuple[int, int]] | None = None) -> Iterable[tuple[int, int, str]]:
    """Weaker evidence of one fact: two articles of one story each give one value, and
    only one, for the same measure -- or the same values but one (:func:`rest_agrees`)
    -- in sentences sharing ``min_shared`` words, another figure both give counting as one.

    "An Indian warship attacked two boats of pirates" and "The pirates, in three
    boats, were attempting to hijack the merchant vessel" share too few words for
    the contexts to pair them, yet in two reports of the INS Mysore rescuing the MV
    Gibe each is the article's only count of boats.  Dates are rarer values than
    counts: two day-precise dates of one story at most ``near_days`` apart pair even
    when an article gives several ("hired him as head coach on June 27, 2001" / "He
    joined the Blazers on June 27, 2001").  Each pair comes with the name of its
    evidence (:data:`ONE_VALUE_EACH`, :data:`NEAR_DATES`).  ``mates``:
    :func:`story_mates`, if already counted.
    """
    dated = settings.near_days > 0
    named: dict[str, set[int]] = defaultdict(set)
    if dated:
        for f in facts:
            if (d := day_of(f.claim)) is not None:
                named[f.doc.path].add(d.toordinal())
    days_in = {path: sorted(days) for path, days in named.items()}  # the days each document names
    if mates is None:
        mates = story_mates(facts)
    for x, y in sorted(mates):
        a, b = facts[x], facts[y]
        if (x, y) in strong or \
                len(a.sentence & b.sentence) + len(a.others & b.others) < settings.min_shared or \
                not may_be_one(a, b):
            continue
        if rest_agrees(a, b):
            yield x, y, ONE_VALUE_EACH
        elif near_days(a, b, days_in, settings.near_days):
            yield x, y, NEAR_DATES


def near_days(a: Statement, b: Statement, days_in: dict[str, list[int]], near: int) -> bool:
    """Two day-precise dates of one story at most ``near_days`` apart: one event misdated,
    or two events of one week?  ``near``: the rule's ``near_days``.

    An outlet's slip is rarely more than a few days off (a weekday confused, a day
    lost to time zones).  An article that names another day of that week besides
    these two tells of several events close in time ("restored on 11 October", "running
    again on 12 October"): its dates are not paired.
    """
    da, db = day_of(a.claim), day_of(b.claim)
    if near <= 0 or da is None or db is None or abs((da - db).days) > near:
        return False
    pair = (da.toordinal(), db.toordinal())
    for d, f in zip(pair, (a, b), strict=True):
        days = days_in.get(f.doc.path, [])
        if any(e not in pair for e in days[bisect.bisect_left(days, d - near):bisect.bisect_right(days, d + near)]):
            return False
    return True
