"""names/variant's slip index finds exactly the pairs the deletion-key index found (issue 27 speed)."""

from __future__ import annotations

import itertools

from factcheck.claims.spellings import blocking_keys, inflection_pair, typo_pair
from factcheck.rules.kinds.name_clusters import _SlipIndex

NAMES = ["kim jong un", "kim long un", "kim jong il", "kim jong uns", "north korea", "noth korea", "north koreas",
         "klitschko", "klitschkos", "kiltschko", "obama", "oama", "marin county", "marion county", "al bu",
         "al by", "new york city", "new yrok city", "new york cty", "hugh hefner", "hugh heffner", "colts", "colos"]


def test_slip_index_keeps_every_pair_the_deletion_index_found() -> None:
    index = _SlipIndex()
    for name in NAMES:
        index.add(name, name)
    for a, b in itertools.permutations(NAMES, 2):
        old = not blocking_keys(a).isdisjoint(blocking_keys(b))
        new = b in index.candidates(a)
        if typo_pair(a, b) or inflection_pair(a, b):
            assert new == old, (a, b)
    assert "kim long un" in index.candidates("kim jong un")
    assert "marion county" in index.candidates("marin county")
    assert "kim jong un" not in index.candidates("north korea")
