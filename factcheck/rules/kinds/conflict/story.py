"""The story pairing: one value each for one measure in two articles telling one story.

Two articles of one story (:mod:`factcheck.stories`) report one event.  Where
each gives one value (or the same values but one) for a measure, in sentences
sharing a few words, the two values are most likely one fact, however
differently worded.  About half such pairs are real disagreements
between outlets, so they are reported at ``weak_severity``.  Dates pair by
closeness instead (:func:`near_days`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict import dates
from factcheck.rules.kinds.conflict.dates import DaysIn, event_shared, named_days
from factcheck.rules.kinds.conflict.keys import story_mates
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import may_be_one, rest_agrees
from factcheck.rules.kinds.conflict.statements import Statement

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
    days_in = named_days(facts) if settings.near_days > 0 else {}  # the days each document names
    if mates is None:
        mates = story_mates(facts)
    for x, y in sorted(mates):
        a, b = facts[x], facts[y]
        if (x, y) in strong or len(a.sentence & b.sentence) + len(a.others & b.others) + \
                (event_shared(a, b) if days_in else 0) < settings.min_shared or \
                not may_be_one(a, b):
            continue
        if rest_agrees(a, b):
            yield x, y, ONE_VALUE_EACH
        elif near_days(a, b, days_in, settings.near_days):
            yield x, y, NEAR_DATES


def near_days(a: Statement, b: Statement, days_in: DaysIn, near: int) -> bool:
    """Two day-precise dates of one story at most ``near`` days apart that date one event:
    see :func:`.dates.near_days`."""
    return dates.near_days(a, b, days_in, near)
