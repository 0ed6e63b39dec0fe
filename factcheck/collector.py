"""When CPython's cyclic garbage collector may run during a scan.

A scan builds hundreds of thousands of objects that it keeps (every document's
claims, story evidence, findings, the corpus rules' indexes) and makes almost
no reference cycles.  Yet the collector, counting allocations, walks the
objects kept so far again and again, and a *full* collection walks all of
them.  So the blocks that build kept objects pause it (:func:`collector_paused`):
reading the cache back (0.7-1.0 s of CPU for ECB+'s 982 entries with the
collector on, 0.12-0.29 s paused), the corpus phase, and one document's name
analysis (where a full collection every ~70,000 tokens made time quadratic in
the capitalised words: "Abc " x 524,288 spent 0.37 s of 2.3 s in five).

The map phase keeps objects too (each document's compact claims, story evidence
and words), and there the collector's full collections grew with the corpus:
timed with ``gc.callbacks`` over a cold ``factcheck scan`` of ECB+ (``--jobs 1``),
four full collections walked the results kept so far, 0.23-0.50 s of 0.35-0.79 s
of collecting (5-7 % of the scan's CPU).  So a scan runs :func:`young_only`: the
collector paused, and after each document's result :func:`collect_young` collects
the young generations, where the garbage cycles of one document's analysis are
(~1 ms a document).  The kept results move to the oldest generation and are not
walked again until the scan ends.

Not ``gc.freeze()`` in library code: undoing it would unfreeze a caller's
frozen objects too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collect_young", "collector_paused", "young_only"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back on after it (if it was on).

    For blocks whose objects are all kept and make no reference cycles: no
    collection could free anything meanwhile, and paused, they are examined
    once, after.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


#: Whether a :func:`young_only` block paused the collector (and :func:`collect_young` collects).
_young = False


@contextmanager
def young_only() -> Iterator[None]:
    """The collector paused for the block but for the young collections the block asks for
    (:func:`collect_young`); usable as a decorator.

    For blocks that keep most of what they build, piece by piece (a scan's
    results): the pieces' own garbage cycles are young and are collected, while
    what is kept is walked once, not again by every full collection.  Inside
    another such block it is that block; with the collector off already (a
    caller's :func:`collector_paused`, or ``gc.disable()``), it stays off and
    nothing is collected.
    """
    global _young
    if _young or not gc.isenabled():
        yield
        return
    gc.disable()
    _young = True
    try:
        yield
    finally:
        _young = False
        gc.enable()


def collect_young() -> None:
    """Collect the young generations (0 and 1) when a :func:`young_only` block paused the collector."""
    if _young:
        gc.collect(1)
