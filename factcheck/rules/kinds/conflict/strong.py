"""The strong pairing: statements whose words show them to be one fact, at the rule's severity.

Candidates meet through three indexes -- sentence words of one kind and unit
(``min_shared`` of them), the two words either side of the figure, and other
figures both sentences give (``agreeing_figures``) -- and each candidate that
:func:`.same_fact.may_be_one` admits is taken on the first evidence that holds:

1. a verbatim phrase around both figures (``min_run`` words, ``min_shared`` of
   them telling: :func:`.similarity.shared_phrase`), a wire sentence one outlet
   reworded around the figure;
2. ``agreeing_figures`` other figures both sentences give, the word after the
   figure agreeing ("59 catches for 1,098 yards and seven touchdowns");
3. alike context windows (rarity-weighted Jaccard at least ``min_similarity``),
   the word after the figure agreeing;
4. alike sentences alone (:mod:`.paraphrase`), flagged so the rule can report
   them at ``paraphrase_severity``.

With an explicit fact key (``select``) every selected statement is one fact.
Each pair comes with the name of its evidence, which the finding records
(``evidence.path`` in JSON: see :mod:`factcheck.rules.evidence`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.keys import co_indexed, shared_words
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.paraphrase import paraphrase
from factcheck.rules.kinds.conflict.same_fact import adjacent_agree, may_be_one
from factcheck.rules.kinds.conflict.similarity import shared_phrase, weighted_jaccard
from factcheck.rules.kinds.conflict.statements import Statement

#: The names of the strong pairing's evidence, as findings record them (``evidence.path``).
VERBATIM, AGREEING, WINDOW, ALIKE, SELECTED = (
    "verbatim phrase", "agreeing figures", "alike window", "alike sentences", "selected fact")


def pairs(facts: Sequence[Statement], settings: ConflictOptions) -> Iterable[tuple[int, int]]:
    """Every pair of facts the strong pairing takes for one fact, however it knows."""
    return ((x, y) for x, y, _path in scored_pairs(facts, settings))


def scored_pairs(facts: Sequence[Statement], settings: ConflictOptions,
                 counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None,
                 ) -> Iterable[tuple[int, int, str]]:
    """Pairs of facts taken for one fact, each with the name of its evidence: :data:`ALIKE`
    when alike sentences are the only evidence (:func:`.paraphrase.paraphrase`), no
    verbatim phrase, alike window or agreeing figures.  ``counted``:
    :func:`.keys.shared_words`, if already counted."""
    if settings.explicit:
        for i in range(1, len(facts)):
            yield 0, i, SELECTED  # every selected claim belongs to the one fact
        return
    shared, idf = counted if counted is not None else shared_words(facts)
    min_shared, min_run = settings.min_shared, settings.min_run
    candidates = {pair for pair, k in shared.items() if k >= min_shared}
    if min_run > 0:
        # A short sentence has few content words to share ("The three boats had a total of
        # 26 Somali crew onboard."): the words next to the figure find its candidates too.
        at_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            at_figure[(*f.key, f.phrase[0][:2], f.phrase[1][:2])].append(i)
        candidates.update(co_indexed(at_figure, facts))
    # "59 catches for 1,098 yards and seven touchdowns" / "59 receptions, 1,098 yards and
    # seven touchdowns": sentences that agree on other figures state these ones alike.
    agreeing_figures = settings.agreeing_figures
    agreeing: Counter[tuple[int, int]] = Counter()
    if agreeing_figures > 0:
        by_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if f.unique:
                for g in f.others:
                    by_figure[(*f.key, *g)].append(i)
        agreeing = co_indexed(by_figure, facts)
        candidates.update(pair for pair, k in agreeing.items() if k >= agreeing_figures)
    for x, y in sorted(candidates):
        a, b = facts[x], facts[y]
        if not may_be_one(a, b):
            continue
        # A verbatim phrase around both figures: a wire sentence that one outlet changed.
        words, telling = shared_phrase(a.phrase, b.phrase)
        if 0 < min_run <= words and telling >= min_shared:
            yield x, y, VERBATIM
            continue
        if 0 < agreeing_figures <= agreeing.get((x, y), 0) and adjacent_agree(a, b):
            yield x, y, AGREEING
            continue
        if shared.get((x, y), 0) < min_shared:
            continue
        threshold = settings.min_similarity
        if weighted_jaccard(a.words, b.words, idf) >= threshold and adjacent_agree(a, b):
            yield x, y, WINDOW
        elif paraphrase(a, b, idf, settings):
            yield x, y, ALIKE
