"""The conflict rules' corpus work is shared and blocked: each document is read once per scan
(not once per rule), and candidate pairs are met within a story, never across the corpus.

Counts, not timings: what a change may not do is read a document twice or compare
statements of two stories, however fast the machine.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest

import factcheck.rules.kinds.conflict.reading as reading
from factcheck.documents import parse_document
from factcheck.engine import analyse_document
from factcheck.rules.kinds.conflict import co_indexed
from factcheck.rules.loader import load_rules
from factcheck.rules.model import CorpusView

BUILTIN = {r.id: r for r in load_rules([], include_builtin=True)}
RULES = [BUILTIN["figures/conflict"], BUILTIN["dates/conflict"]]
FILES = {
    "a.txt": "Pirates\n\nOn March 3, 2009 the navy said 500 barrels of oil were seized from 12 pirates in the gulf.\n",
    "b.txt": "Pirates\n\nOn March 4, 2009 the navy said 400 barrels of oil were seized from 12 pirates in the gulf.\n",
    "c.txt": "Pirates\n\nThe navy said on March 3, 2009 that 500 barrels of oil were seized in the gulf.\n",
}


def view_of(files: dict[str, str]) -> CorpusView:
    docs, claims = [], {}
    for name in sorted(files):
        doc = parse_document(name, files[name])
        claims[name], _found = analyse_document(doc, RULES)
        docs.append(doc)
    return CorpusView(documents=docs, claims=claims)


def test_both_conflict_rules_read_each_document_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real = reading.Masks

    def counting(claims: Any) -> reading.Masks:
        built.append("masks")
        return real(claims)

    monkeypatch.setattr(reading, "Masks", counting)
    view = view_of(FILES)
    findings = [f for rule in RULES for f in rule.impl.check_corpus(view)]  # type: ignore[union-attr]
    assert {f.rule for f in findings} == {"figures/conflict", "dates/conflict"}  # 400 vs 500, 3 vs 4 March
    assert reading.reading_of(view).reads == len(FILES) == len(built)  # two rules, one reading each
    # A new view (a new scan) reads afresh: the memo is the view's, not the module's.
    again = view_of(FILES)
    assert reading.reading_of(again).reads == 0
    assert [f.message for rule in RULES for f in rule.impl.check_corpus(again)] == [  # type: ignore[union-attr]
        f.message for f in findings]
    assert reading.reading_of(again).reads == len(FILES) and len(built) == 2 * len(FILES)


def test_the_reading_of_a_view_is_dropped_with_it() -> None:
    import gc
    import weakref

    view = view_of(FILES)
    list(RULES[0].impl.check_corpus(view))  # type: ignore[union-attr]
    held = weakref.ref(reading.reading_of(view))
    assert held() is not None and held() is reading.reading_of(view)
    del view
    gc.collect()
    assert held() is None  # no module-level memo outlives its scan


class Counting(list[Any]):
    """Statements that count how often the pairing looks one up: its comparisons."""

    looks = 0

    def __getitem__(self, i: Any) -> Any:
        Counting.looks += 1
        return super().__getitem__(i)


def looks_to_pair(stories: int, per_story: int) -> tuple[int, int]:
    """Comparisons and pairs when every statement of ``stories`` stories of ``per_story``
    documents each shares one key (a word every story uses)."""
    facts = Counting(SimpleNamespace(doc=SimpleNamespace(path=f"s{s}-d{d}.txt"), story=f"s{s}")
                     for s in range(stories) for d in range(per_story))
    index: dict[str, list[int]] = defaultdict(list)
    for i in range(len(facts)):
        index["said"].append(i)
    Counting.looks = 0
    pairs = co_indexed(index, facts)
    return Counting.looks, len(pairs)


@pytest.mark.parametrize("per_story", [2, 3])
def test_pairing_through_a_shared_key_is_linear_in_the_number_of_stories(per_story: int) -> None:
    small, pairs_small = looks_to_pair(20, per_story)
    large, pairs_large = looks_to_pair(80, per_story)
    # Every pair is within a story ...
    assert pairs_small == 20 * per_story * (per_story - 1) // 2 and pairs_large == 4 * pairs_small
    # ... and only those are looked at: four times the stories, four times the comparisons
    # (all pairs of the corpus would be sixteen times).
    assert large <= 4 * small


def test_pairing_never_pairs_a_document_with_itself_or_two_stories() -> None:
    facts: Sequence[Any] = [SimpleNamespace(doc=SimpleNamespace(path=p), story=s)
                            for p, s in (("a", "x"), ("a", "x"), ("b", "x"), ("c", "y"), ("d", None), ("e", None))]
    assert dict(co_indexed({"k": [0, 1, 2, 3, 4, 5]}, facts)) == {(0, 2): 1, (1, 2): 1, (4, 5): 1}
