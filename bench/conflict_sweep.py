"""How far can the ``conflict`` rule's notion of "the same fact" be loosened?

Usage::

    python bench/conflict_sweep.py ../shared/corpora/ecbplus

Changed-figure recall is limited by the pairing step: a planted change is
found only if the rule pairs the changed figure with another article's
statement of the same fact.  This measures that step directly on the
untouched corpus, without planting, for a sweep of the rule's thresholds:

* **pairing recall**: of the figure targets ``consistency_eval.py`` plants
  into (a figure another article of the same story states with the same value
  and unit in a sentence sharing four content words), the share the rule
  pairs with such a statement;
* **conflicting pairs**: pairs the rule would report on the untouched
  corpus (values incompatible, no legitimate difference).  For ECB+, where
  ``N_Mecb`` and ``N_Mecbplus`` files report two different events of topic N,
  the pairs across the two events are counted too: those are false for sure.

The loosest row accepts every pair that shares two indexed sentence words
and passes the unit, measure and subject checks: a ceiling for any
threshold on these features.  A last row adds the weak pairing the rule
reports at info (two articles of one story, each giving one value for the
measure, or one value for what a named subject did; a value against the
story's consensus or majority, or against what articles worded alike agree
on; an age against the age whose statements its sentence is most like) and
the pairing of ages by holder to the shipped setting (``ConflictKind.weak_pairs``, as the
rule runs it).  A value against the story's consensus, majority or likeness
is paired only when no other article gives it, so on the untouched corpus it
can add conflicting pairs but never pairing recall: ``consistency_eval.py``
measures what it finds, by planting.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from consistency_eval import Planter, story_of

from factcheck.documents import discover
from factcheck.rules.kinds.conflict import ConflictKind
from factcheck.rules.loader import load_rules
from factcheck.rules.model import CorpusView

#: (min_similarity, min_overlap, min_shared): the shipped setting first, the ceiling last.
SWEEP = [(0.5, 0.7, 3), (0.4, 0.7, 3), (0.5, 0.6, 3), (0.5, 0.5, 3), (0.4, 0.4, 3), (0.3, 0.3, 3),
         (0.0, 0.0, 2)]


def corpus_argument(argv: list[str] | None, doc: str | None) -> Path | None:
    """The corpus folder a benchmark is given, or None (after saying why) when there is none."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    corpus: Path = ap.parse_args(argv).corpus
    if not corpus.is_dir():
        print(f"no such corpus: {corpus}", file=sys.stderr)
        return None
    return corpus


def load_conflict(corpus: Path) -> tuple[Planter, ConflictKind, CorpusView]:
    """The corpus loaded and its claims extracted, and the shipped ``figures/conflict`` rule."""
    planter = Planter(discover([corpus]), 0)
    rule = next(r for r in load_rules([], include_builtin=True) if r.id == "figures/conflict")
    impl = rule.impl
    assert isinstance(impl, ConflictKind)
    view = CorpusView(documents=[planter.docs[p] for p in sorted(planter.docs)],
                      claims={planter.docs[p].path: planter.claims[p] for p in planter.docs})
    return planter, impl, view


def main(argv: list[str] | None = None) -> int:
    corpus = corpus_argument(argv, __doc__)
    if corpus is None:
        return 2
    planter, impl, view = load_conflict(corpus)
    targets = planter.figure_targets()
    ecb = all(p.name.endswith(("ecb.txt", "ecbplus.txt")) for p in planter.docs)
    print(f"corpus: {corpus} ({len(planter.docs)} articles); figure targets: {len(targets)}")
    print("min_similarity min_overlap min_shared   pairing recall   conflicting pairs"
          + ("  (across events)" if ecb else ""))
    for sim, overlap, shared, story in [*((*row, False) for row in SWEEP), (*SWEEP[0], True)]:
        impl.settings = replace(impl.settings, min_similarity=sim, min_overlap=overlap, min_shared=shared)
        facts = impl.statements(view)
        where = {(f.doc.path, f.claim.start): i for i, f in enumerate(facts)}
        partner: dict[int, set[int]] = defaultdict(set)
        conflicting = []
        pairs = list(impl.pairs(facts))
        if story:
            pairs += impl.weak_pairs(facts, set(pairs))
            people, roles = impl.holder_pairs(facts, set(pairs))
            pairs += people + roles
        for x, y in pairs:
            partner[x].add(y)
            partner[y].add(x)
            if not impl.legitimate(facts[x], facts[y]):
                conflicting.append((x, y))
        paired = 0
        for p, c in targets:
            i = where[(planter.docs[p].path, c.start)]
            paired += any(facts[j].claim.value == c.value and story_of(facts[j].doc.path) == story_of(facts[i].doc.path)
                          for j in partner[i])
        across = sum(story_of(facts[x].doc.path) != story_of(facts[y].doc.path) for x, y in conflicting)
        label = "shipped + weak (info) pairing" if story else f"{sim:>14} {overlap:>11} {shared:>10}"
        print(f"{label:>37}   {paired / len(targets):>14.3f}   {len(conflicting):>17}"
              + (f"  ({across})" if ecb else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
