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

What is left is small: timed with ``gc.callbacks`` over a cold
``factcheck scan`` of ECB+ (``--jobs 1``), collections take 0.42 s of ~7.5 s.
Pausing the map phase too (collecting only young objects every 200 results)
brought that to 0.35 s, which no whole-scan timing could tell from noise, so
it was not kept.

Not ``gc.freeze()`` in library code: undoing it would unfreeze a caller's
frozen objects too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


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
