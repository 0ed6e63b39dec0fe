"""The value-set pairing: a value one article alone gives, outside the closed set of values its story agrees on.

A fact is a claim given a key within its story (:mod:`factcheck.facts`): the
measure, whom it is of, the story.  The weaker paths weigh a lone value against
the story's majority only in sentences worded alike, because a story gives many
values of one measure for many things.  But a story's articles often agree on a
small closed set of values for a measure -- one price, or the two or three sizes of
a laptop line -- each stated by several articles, and no article gives another.
Then a value one article alone gives, outside the set, is the odd one out however
its sentence is worded: "$668 million" where five articles say "$334 million" and
none says anything else, a "16-inch" model where the story knows only the 12- and
14-inch ones.  It is reported at the rule's severity with the evidence
:data:`VALUE_SET`: against the agreed statements when the set is one value, else
against the most alike statement (rarity-weighted overlap, as :mod:`.impossible`
pairs) of the values its own article does not give -- which of them it should
equal, nothing says, but it is none of them.

What keeps a story's legitimate variety out, besides the exemptions every pair
goes through (qualifiers, updates, running totals):

* the set must be closed and agreed: every value any other article gives the
  measure, :data:`SET_ARTICLES` articles or more in all, each value given by
  :data:`SET_AGREEING` of them or more (:data:`SET_ARTICLES` for a set of one), at
  most :data:`SET_SIZE` values: a story in which another article gives a value of
  its own is still counting, or tells of more things than a closed set;
* the lone article gives the measure no value outside the set but the lone one
  (and, for a set of one, not the agreed value beside it: two facts); the lone
  value is unqualified ("about three years" is hedged already), and for each value
  it may stand for (those of the set its article does not give), of its order of
  size (:func:`.statements.same_order`) and no rounding of it (:func:`rounds`: "$100
  million" for "$108 million");
* the statements do not tell of two things: the lone one's fact subject, if it has
  one, is one of theirs or one of them has none; the other figures of their
  sentences agree (:func:`.same_fact.figures_clash`: "157 games ... 33 homers" /
  "54 games ... 13 homers" are a season and a half-season); and where two agreeing
  statements share words around the figure, the lone sentence has one of them ("a
  3.5mm stereo headset jack" twice / "the thinnest BlackBerry ever built (only 13.5
  mm)": not the jack);
* only figures and counts (not dates, which pair by closeness, ages, which pair by
  holder, votes or ordinals), not durations or percentages (:data:`LOOSE_DIMENSIONS`:
  "three weeks" in hospital, "two weeks" since the crash), nor counts under
  :data:`MIN_COUNT` ("two sons", "five sons": a story counts many things), nor bare
  numbers that do not say what they count, relative figures, conversions in
  brackets, or figures with no unit and no counted noun.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.majority import against, bracketed
from factcheck.rules.kinds.conflict.same_fact import figures_clash
from factcheck.rules.kinds.conflict.similarity import weighted_overlap
from factcheck.rules.kinds.conflict.statements import Statement, documents_of, same_order

#: The evidence of a pair this path makes, as findings record it (``evidence.path``).
VALUE_SET = "value set"
#: Articles besides the lone one that must give the agreed value, when the set is one value.
SET_ARTICLES = 3
#: Articles besides the lone one that must give each value of a set of several.
SET_AGREEING = 2
#: The most values a closed set may hold.
SET_SIZE = 3
#: Dimensions whose values a story gives of too many things for a closed set to tell one fact:
#: durations ("three weeks" in the hospital, "two weeks" since the crash) and rates.
LOOSE_DIMENSIONS = frozenset({"time", "percent"})
#: Counts below this are of too many things in one story ("two sons", "three catches").
MIN_COUNT = 10
#: How far a round figure may be from a value of the set and still be its rounding (see rounds).
ROUNDING = 0.1


def set_key(f: Statement) -> tuple[object, ...] | None:
    """The story and measure ``f`` states a value of (its kind, unit and counted words), when
    this path compares it; None otherwise."""
    c = f.claim
    if f.story is None or c.kind not in ("quantity", "count") or c.get("age") or c.get("relative") or \
            f.converts is not None or not (c.unit or f.measure) or not _number(c.value) or \
            c.get("dimension") in LOOSE_DIMENSIONS or (f.key[0] == "count" and c.value < MIN_COUNT):
        return None
    return f.story, f.key, f.measure


def value_set_pairs(facts: Sequence[Statement], idf: dict[str, float],
                    known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Each lone value outside its story's closed set of values for the measure, paired with
    the set's statements (see the module docstring; a set of one: all of them, see
    :func:`.majority.against`; else the most alike of the values it may stand for)."""
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        k = set_key(f)
        if k is not None:
            groups[k].append(i)
    for k in sorted(groups, key=repr):
        members = groups[k]
        docs: dict[str, set[str]] = defaultdict(set)
        said: dict[str, list[int]] = defaultdict(list)
        for i in members:
            v = repr(facts[i].claim.value)
            docs[v].update(documents_of(facts[i]))
            said[v].append(i)
        if len(docs) < 2:
            continue
        for x in members:
            f = facts[x]
            value = repr(f.claim.value)
            own = documents_of(f)
            if docs[value] - own or bracketed(f) or f.claim.qualifier or _bare(f):
                continue  # not a lone value, or hedged
            closed = _closed(docs, own)
            if closed is None or not f.given - {value} <= closed or (len(closed) == 1 and f.given != {value}):
                continue  # no closed set, or the article gives values outside it (or the one agreed beside)
            # The values it may stand for: those of the set its own article does not give.
            fits = []
            for v in sorted(closed - f.given):
                agreeing = [y for y in said[v] if not documents_of(facts[y]) & own]
                if same_order(f.claim.value, facts[agreeing[0]].claim.value) and \
                        not rounds(f.claim.value, facts[agreeing[0]].claim.value) and \
                        not _other_thing(f, [facts[y] for y in agreeing]):
                    fits.append(agreeing)
            if not fits or len(fits) < len(closed - f.given):
                continue  # some value it may stand for is of another size or thing: no closed set of one measure
            if len(closed) == 1:
                yield from against(x, fits[0], known)
            else:
                best = max((weighted_overlap(f.sentence, facts[y].sentence, idf), -y) for ys in fits for y in ys)
                pair = (min(x, -best[1]), max(x, -best[1]))
                if pair not in known:
                    yield pair


def _closed(docs: dict[str, set[str]], own: frozenset[str]) -> set[str] | None:
    """The values the articles besides ``own`` give, when they make a closed, agreed set:
    each given by :data:`SET_AGREEING` articles or more (:data:`SET_ARTICLES` for a set of
    one), :data:`SET_ARTICLES` articles or more in all, at most :data:`SET_SIZE` values;
    None otherwise."""
    rest = {v: ds - own for v, ds in docs.items() if ds - own}
    if not rest or len(rest) > SET_SIZE:
        return None
    need = SET_ARTICLES if len(rest) == 1 else SET_AGREEING
    if any(len(ds) < need for ds in rest.values()) or len(set().union(*rest.values())) < SET_ARTICLES:
        return None
    return set(rest)


def _bare(f: Statement) -> bool:
    """A figure that says nothing of what it counts ("12 are from Somalia and 11 from Yemen"):
    only digits in its text."""
    return f.claim.text.strip().replace(",", "").replace(".", "").isdigit()


def _other_thing(f: Statement, agreeing: Sequence[Statement]) -> bool:
    """Does ``f`` tell of another thing than the ``agreeing`` statements: the other figures of
    its sentence disagree with one of theirs (:func:`.same_fact.figures_clash`); its fact
    subject is none of theirs, where each has one (subjects as read are loose: a company
    is "of" its buyer in one sentence, of itself in the next, so one shared or unread
    subject will do); or its sentence has none of the words two of theirs share around
    the figure?"""
    if any(figures_clash(f, g) for g in agreeing):
        return True
    if f.of is not None and all(g.of is not None and g.of != f.of for g in agreeing):
        return True
    # The words the agreed value's statements share around the figure say what it measures
    # ("a 3.5mm stereo headset jack" / "a 3.5mm headphone jack"); a lone sentence saying none
    # of them measures something else ("the thinnest BlackBerry ever built (only 13.5 mm)").
    seen: dict[str, set[str]] = defaultdict(set)
    for g in agreeing:
        for w in g.words:
            if w[:1].isalpha():
                seen[w].add(g.doc.path)
    shared = {w for w, paths in seen.items() if len(paths) >= 2}
    return bool(shared) and not shared & f.sentence


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def rounds(lone: object, agreed: object) -> bool:
    """Is ``lone`` a rounding of ``agreed``: within :data:`ROUNDING` of it, and rounder (more
    trailing zeros in its significant digits)?  "$100 million" for "$108 million"."""
    if not (_number(lone) and _number(agreed)):
        return False
    assert isinstance(lone, (int, float)) and isinstance(agreed, (int, float))
    return abs(lone - agreed) <= ROUNDING * agreed and _roundness(lone) > _roundness(agreed)


def _roundness(v: float) -> int:
    """The power of ten of ``v``'s last significant digit (1 for 7, 2 for 100, -1 for 2.5)."""
    if v <= 0 or not math.isfinite(v):
        return 0
    digits = f"{v:.6g}"
    mantissa, _, exp = digits.partition("e")
    whole, _, frac = mantissa.partition(".")
    if frac.rstrip("0"):
        place = -len(frac.rstrip("0"))
    else:
        place = len(whole) - len(whole.rstrip("0"))
    return place + (int(exp) if exp else 0)
