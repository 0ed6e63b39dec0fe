"""How much changed-figure recall could any pairing of a story's lone figures buy, and at what cost?

Usage::

    python bench/figure_ceiling.py ../shared/corpora/ecbplus --plants 300
    python bench/figure_ceiling.py ../shared/corpora/ecbplus --plants 2000   # every target

A planted change the ``conflict`` rule misses is mostly a *lone* figure: a
value no other article of its story gives for its measure, stated in words too
unlike the story's statements of the original value for any pairing path to
trust ("AMD has made a $334 million bet" / "agreed to acquire SeaMicro for
approximately $334 million").  A value no other article gives is what a changed
figure looks like -- and what every fact told by one article alone looks like
too: the other player's yards, the season's average beside the game's points.

This bounds what any matcher of "the same fact" between a lone figure and its
story could do.  It runs ``consistency_eval.py``'s figure evaluation three times
on the same plants and the same untouched copy:

1. the shipped rule;
2. the shipped rule plus a pairing that takes *every* lone figure (one no
   pairing path took, whose value no article of its story gives for the
   measure) against the story's statement of the measure in the most alike
   sentence, however unlike -- the story and the measure as the rule knows them
   (the story stage's story, :func:`may_be_one`);
3. the same lone figures against the loosest measure: any statement of the
   unit and counted words in an article of their story, whoever it is said of.

A matcher that picks some of run 2's pairs lands between runs 1 and 2; one
that also drops the rule's notion of the subject, between runs 1 and 3.  Each
run prints recall and ``figures/conflict`` findings per 100 untouched articles,
the price of reaching that recall blind.  The extra pairing lives only in this
script, for the length of its run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import consistency_eval

from factcheck.rules.kinds.conflict import (
    ConflictKind,
    Statement,
    may_be_one,
    shared_words,
    story_mates,
    story_values,
    weighted_overlap,
)


def _lone_pairs(facts: Sequence[Statement], known: set[tuple[int, int]], loose: bool,
                idf: dict[str, float]) -> list[tuple[int, int]]:
    """Every lone figure not in ``known``, against its story's most alike statement of the measure.
    ``loose``: any statement of the measure may be one fact, whoever it is said of.
    ``idf``: each sentence word's rarity (``shared_words``)."""
    story = story_mates(facts)
    values = story_values(facts, story)
    mates: dict[int, list[int]] = defaultdict(list)
    for x, y in story:
        if facts[x].claim.kind != "date" and \
                not facts[x].claim.get("relative") and not facts[y].claim.get("relative"):
            mates[x].append(y)
            mates[y].append(x)
    paired = {i for pair in known for i in pair}
    out = []
    for x in sorted(mates):
        f = facts[x]
        if x in paired or repr(f.claim.value) in values[x]:
            continue
        candidates = [y for y in sorted(mates[x]) if loose or may_be_one(f, facts[y])]
        if candidates:
            y = max(candidates, key=lambda y: (weighted_overlap(f.sentence, facts[y].sentence, idf), -y))
            pair = (min(x, y), max(x, y))
            if pair not in known:
                out.append(pair)
    return out


@contextlib.contextmanager
def every_lone_figure(loose: bool) -> Iterator[None]:
    """The conflict rule with :func:`_lone_pairs` after its own weak pairing, until the block ends."""
    shipped = ConflictKind.weak_paths

    def weak_paths(self: ConflictKind, facts: Sequence[Statement], known: set[tuple[int, int]],
                   counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None,
                   ) -> list[tuple[str, list[tuple[int, int]]]]:
        words = counted if counted is not None else shared_words(facts)
        weak = shipped(self, facts, known, words)
        taken = {*known, *(pair for _name, pairs in weak for pair in pairs)}
        return [*weak, ("every lone figure", _lone_pairs(facts, taken, loose, words[1]))]

    ConflictKind.weak_paths = weak_paths  # type: ignore[method-assign]
    try:
        yield
    finally:
        ConflictKind.weak_paths = shipped  # type: ignore[method-assign]


RUNS = (("shipped rule", None),
        ("+ every lone figure, story and measure as the rule knows them", False),
        ("+ every lone figure, loosest measure", True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--plants", type=int, default=300, help="figure plants (2000 or more: every target)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    common = [str(args.corpus), "--plants", str(args.plants), "--seed", str(args.seed), "--scale", "0",
              "--kinds", "figure", "--show-misses", "0"]
    results = []
    for label, loose in RUNS:
        print(f"== {label}")
        with every_lone_figure(loose) if loose is not None else contextlib.nullcontext():
            code, measured = _run(common)
        if code:
            return code
        results.append((label, *measured))
        print()
    base = results[0][2]
    for label, recall, per_100 in results:
        print(f"{label:<64} recall {recall}; figures/conflict findings per 100 untouched articles "
              f"{per_100:.2f} ({per_100 / base:.1f}x)")
    return 0


_RECALL_RE = re.compile(r"^  figure +(\d+)/(\d+) = ", re.MULTILINE)
_FINDINGS_RE = re.compile(r"^  figures/conflict +\w+ +\d+ +\(([\d.]+) per 100\)", re.MULTILINE)


def _run(argv: list[str]) -> tuple[int, tuple[str, float]]:
    """One figure evaluation, printed when done: its exit code, recall and figures/conflict findings per 100."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = consistency_eval.main(argv)
    text = out.getvalue()
    print(text, end="")
    recall = _RECALL_RE.search(text)
    found, planted = (int(recall.group(1)), int(recall.group(2))) if recall else (0, 0)
    return code, (f"{found}/{planted} = {found / planted:.3f}" if planted else "n/a",
                  sum(float(m.group(1)) for m in _FINDINGS_RE.finditer(text)))


if __name__ == "__main__":
    sys.exit(main())
