"""The same slot: two figures in the same place of their sentences, one fact at the rule's severity.

A weak path pairs two statements on what their articles say (one story, one
value each, a majority...); about half such pairs are real disagreements
between outlets and the rest are two facts of one story, so they are reported
at ``weak_severity``.  What tells the first kind apart is where the figure
sits: a figure changed in an outlet's own telling of one fact keeps its place,
with the words that govern it on both sides ("Bush will finish the year with
202 yards rushing" / "Bush finished the year with 404 yards rushing"; "falling
about 60m from a ridge" / "falling 150 meters from a ridge"), while two facts of
one story share the counted noun but not its governing words ("a tsunami that
killed 230,000 people *across Asia*" / "... 170,000 people *in the province*";
"*injuring* five people" / "Ten people were *killed*").

:func:`same_slots` lifts a weaker pair to the rule's severity, evidence
:data:`SAME_SLOT`, when all of these hold (:func:`same_slot`):

* a content word (stemmed) among the :data:`SLOT_REACH` words before each figure
  is shared, and one among the :data:`SLOT_REACH` words after each (the counted
  noun itself is the claim's, and already compared: ``same_measure``);
* each figure is its sentence's only one of its kind and unit, or the
  sentences agree on all their others (one figure changed among several);
* the sentences' other figures do not disagree: two sentences listing 4GB and
  64GB of one machine and 500GB of another are two machines' specifications,
  whatever their battery hours share;
* neither article gives the other's value for the measure (then it tells two facts);
* not a date (dates pair by closeness), a relative figure, a bare number that
  says nothing of what it counts, a bracketed conversion, or values of
  different orders of size.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from factcheck.rules.kinds.conflict.majority import bracketed
from factcheck.rules.kinds.conflict.same_fact import figures_clash, others_agree
from factcheck.rules.kinds.conflict.statements import Statement, same_order
from factcheck.rules.kinds.conflict.text import STOPWORDS, stem

#: The evidence of a weaker pair lifted to the rule's severity by its slot, as findings record it.
SAME_SLOT = "same slot"
#: Words read on each side of a figure for the words that govern it (see same_slot).
SLOT_REACH = 3

Tiered = list[tuple[str, tuple[int, int]]]


@functools.lru_cache(maxsize=1 << 14)
def slot_words(side: tuple[str, ...]) -> frozenset[str]:
    """The content words (stemmed) among the first :data:`SLOT_REACH` words of one side of a
    figure's verbatim phrase (``Statement.phrase``): what governs the figure there.  Function
    words, single letters, digits and masked figures (``#kind=value``) say nothing of it."""
    return frozenset(stem(w) for w in side[:SLOT_REACH]
                     if len(w) > 1 and w not in STOPWORDS and not w.startswith("#") and not w.isdigit())


def same_slot(a: Statement, b: Statement) -> bool:
    """Do two paired statements state their figures in the same slot of their sentences
    (see the module's docstring for each condition)?"""
    va, vb = repr(a.claim.value), repr(b.claim.value)
    if va == vb or a.claim.kind == "date" or a.claim.get("relative") or b.claim.get("relative"):
        return False
    if not (a.claim.unit or a.measure) or bracketed(a) or bracketed(b) or \
            not same_order(a.claim.value, b.claim.value):
        return False
    if not (a.unique and b.unique) and not others_agree(a.values, a, b.values, b):
        return False
    if vb in a.given or va in b.given or figures_clash(a, b):
        return False
    return not slot_words(a.phrase[0]).isdisjoint(slot_words(b.phrase[0])) and \
        not slot_words(a.phrase[1]).isdisjoint(slot_words(b.phrase[1]))


def same_slots(facts: Sequence[Statement], pairs: Tiered) -> tuple[Tiered, Tiered]:
    """Split weaker pairs (path name, pair) into those whose figures sit in the same slot
    (:func:`same_slot`), named :data:`SAME_SLOT`, and the rest, each as given."""
    lifted: Tiered = []
    rest: Tiered = []
    for path, (x, y) in pairs:
        if same_slot(facts[x], facts[y]):
            lifted.append((SAME_SLOT, (x, y)))
        else:
            rest.append((path, (x, y)))
    return lifted, rest
