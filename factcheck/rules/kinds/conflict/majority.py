"""The majority pairings: a value one article alone gives, against what the rest of its story agrees on.

An article that gives a value no other article of its story gives, where two
articles or more agree on another (twice as many as any rival value), most
likely has the figure wrong; the lone statement is paired with a statement of
the majority, and that one with the rest (:func:`against`), so the report names
who agrees.  Three paths find such majorities, each weaker evidence reported at
``weak_severity``:

* :func:`consensus_pairs` -- what a figure belongs to (an unnamed age, the name a
  figure is part of: "the 17-inch MacBook Pro"), agreed :data:`CONSENSUS` times;
* :func:`majority_pairs` -- statements of the measure in sentences sharing words;
* :func:`wording_majority_pairs` -- :data:`CONSENSUS` articles of the story whose
  sentences share many words with its own, whatever else the article gives.

:func:`majority` is the one test of "a majority" they share.  And :func:`odd_ones`
lifts a weaker pair to the rule's severity when it is the clearest case of all: the
lone value stated in a sentence worded like one of the agreed value's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.keys import co_indexed, consensus_key, story_mates, story_values
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import figures_clash, may_be_one
from factcheck.rules.kinds.conflict.similarity import weighted_overlap
from factcheck.rules.kinds.conflict.statements import Statement, documents_of, same_order
from factcheck.rules.kinds.conflict.subjects import same_subject

#: Other values of a measure an article may give for the story's majority to set them
#: aside as the article's other facts (see majority).
OTHER_FACTS = 1


#: Statements of one value that make a story's consensus (see consensus_pairs).
CONSENSUS = 3
#: Words more than ``min_shared`` that each sentence of a wording majority must share
#: with the lone one (see wording_majority_pairs).
WORDING_MARGIN = 2


def consensus_pairs(facts: Sequence[Statement], known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """A value one article gives against the value its story agrees on: weaker evidence.

    Some figures belong to something the story names again and again, however
    the sentences around them differ: the age of the person an article calls only
    "the 26-year-old" (no name to pair it by, see :func:`holder_pairs`), the size
    in "the 17-inch MacBook Pro" (or "the MacBook Pro 17-inch").  When the articles
    of the story give one value for it
    :data:`CONSENSUS` times or more, in two articles or more and twice as many as
    any other value, an article giving a value no other article of the story gives
    is paired with a statement of the consensus.  An unnamed age is compared only
    where its article gives no other age, so it cannot be another person's, and only
    against ages of its role (:func:`one_role`).  Candidates meet through an index of
    (what the figure belongs to, story).
    """
    keys: list[tuple[object, ...] | None] = [consensus_key(f) for f in facts]
    index: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if keys[i] is not None:
            index[(keys[i], f.story)].append(i)
    mates: dict[int, list[int]] = defaultdict(list)
    for x, y in sorted(co_indexed(index, facts)):
        mates[x].append(y)
        mates[y].append(x)
    for x in sorted(mates):
        f = facts[x]
        key = keys[x]
        assert key is not None
        if key[0] == "age" and f.ages != {repr(f.claim.value)}:
            continue
        reach = mates[x]
        if key[0] == "age":
            reach = [y for y in reach if one_role(f, facts[y])]
        found = majority(facts, x, reach)
        if found is not None and sum(len(documents_of(facts[y])) for y in found[1]) >= CONSENSUS:
            yield from against(x, found[1], known)


def majority_pairs(facts: Sequence[Statement], settings: ConflictOptions,
                   known: set[tuple[int, int]], story: Counter[tuple[int, int]] | None = None,
                   values: dict[int, set[str]] | None = None) -> Iterable[tuple[int, int]]:
    """A value one article alone gives against the value the rest of its story agrees on,
    in sentences sharing words: weaker evidence.

    "Thomas missed 10 games" / "missed nine games" (twice): the sentences are too
    unlike for the contexts, and the articles give other game counts, so the
    story pairing does not compare them.  Yet where the articles of a story
    state a measure in sentences sharing
    ``min_shared`` words (another figure both give counting as one: "threw for 364
    yards, including three touchdowns" / "threw for 364 yards and three touchdowns"),
    two articles or more agree on one value (twice as many
    as any other), and one article gives a value no article of the story gives
    for the measure, nor the agreed value itself, that article most likely has
    the figure wrong.  An article giving the agreed value too states two facts
    ("226 yards rushing, including an 84-yard scamper"), and a value another
    article of the story gives is that article's fact as well.  Not for dates,
    which pair by closeness (see :func:`.story.near_days`).  ``story``:
    :func:`story_mates`, if already counted.
    """
    if story is None:
        story = story_mates(facts)
    mates: dict[int, list[int]] = defaultdict(list)
    for x, y in sorted(pair for pair in story if facts[pair[0]].claim.kind != "date"):
        a, b = facts[x], facts[y]
        if len(a.sentence & b.sentence) + len(a.others & b.others) >= settings.min_shared and \
                may_be_one(a, b):
            mates[x].append(y)
            mates[y].append(x)
    if values is None:
        values = story_values(facts, story)
    yield from against_majorities(facts, mates, values, known)


def wording_majority_pairs(facts: Sequence[Statement], settings: ConflictOptions, shared: Counter[tuple[int, int]],
                           known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """A value one article alone gives against the value :data:`CONSENSUS` articles or
    more agree on, each in a sentence sharing :data:`WORDING_MARGIN` words more than
    ``min_shared`` with its own: weaker evidence.

    "The Indian Navy said Saturday it had captured 14 pirates as they tried to board
    an Ethiopian-flagged vessel in the Gulf of Aden", in a wire story of three
    paragraphs, shares five or six words with the sentences of six articles of its
    story that all say 23 pirates.  Unlike :func:`majority_pairs`, another article of
    the story may give the lone value elsewhere (a story's earlier count); the
    article must give no other value for the measure, and no article of these give
    its value.  Not for dates.
    ``shared``: the words each pair shares (:func:`shared_words`).
    """
    need = settings.min_shared + WORDING_MARGIN
    mates: dict[int, list[int]] = defaultdict(list)
    for (x, y), k in sorted(shared.items()):
        a, b = facts[x], facts[y]
        if a.claim.kind == "date" or a.claim.get("relative") or b.claim.get("relative"):
            continue
        if k + len(a.others & b.others) >= need and may_be_one(a, b):
            mates[x].append(y)
            mates[y].append(x)
    for x in sorted(mates):
        if len(facts[x].given) != 1:
            continue  # the article gives other values too: its statement may be another fact
        found = majority(facts, x, mates[x])
        if found is not None and len({d for y in found[1] for d in documents_of(facts[y])}) >= CONSENSUS:
            yield from against(x, found[1], known)


def one_role(a: Statement, b: Statement) -> bool:
    """May two unnamed ages of one story be one person's?  They must be of one subject
    (:func:`same_subject`), and where both articles name the role, the same one.

    A story names many people: "the 29-year-old driver" is not "the 26-year-old woman"
    the other articles agree on, though a driver may be a woman -- an outlet that calls
    its person by a role says which of the story's people it means."""
    if not same_subject(a.claim, b.claim):
        return False
    sa, sb = (str(f.claim.get("subject") or "").casefold() for f in (a, b))
    return not (sa and sb and sa != sb)


def by_value(facts: Sequence[Statement], ids: Iterable[int]) -> tuple[dict[str, set[str]], dict[str, list[int]]]:
    """The statements ``ids`` by value (as ``repr``): the documents stating each value (copies
    each count, see ``documents_of``), and the statements giving it, in order."""
    docs: dict[str, set[str]] = defaultdict(set)
    said: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        v = repr(facts[i].claim.value)
        docs[v].update(documents_of(facts[i]))
        said[v].append(i)
    return docs, said


def majority(facts: Sequence[Statement], x: int, mates: Sequence[int],
             own: frozenset[str] | None = None) -> tuple[str, list[int]] | None:
    """The value ``x``'s mates agree on, when ``x`` gives another: (the value, its
    statements); None when no value has two articles and twice the articles of any
    other, or when a mate gives ``x``'s value too.

    Another value ``x``'s own article gives is its other fact, not a rival: "404 yards
    rushing and 440 yards receiving" does not weigh the story's 440 against its 404.
    Only one (:data:`OTHER_FACTS`): an article listing many values of the measure (the
    share of traffic lost in six countries) gives too few clues which of the story's
    values is the same fact as ``x``.  ``own``: the values of ``x``'s article that
    could be such a fact (default: all it gives for the measure; for mates said of
    ``x``'s subject, those it gives the subject: another man's yards are not his)."""
    value = repr(facts[x].claim.value)
    docs, said = by_value(facts, mates)
    if value in docs:
        return None
    others = (facts[x].given if own is None else own) - {value}
    if len(others) <= OTHER_FACTS:
        for v in others:
            docs.pop(v, None)
    if not docs:
        return None
    ranked = sorted(docs, key=lambda v: (-len(docs[v]), -len(said[v]), v))
    top = ranked[0]
    if len(docs[top]) < 2 or (len(ranked) > 1 and 2 * len(docs[ranked[1]]) > len(docs[top])):
        return None
    return top, said[top]


def against_majorities(facts: Sequence[Statement], mates: dict[int, list[int]], story_values: dict[int, set[str]],
                       known: set[tuple[int, int]], by_subject: bool = False) -> Iterable[tuple[int, int]]:
    """Each figure of ``mates`` whose value no other article of its story gives for the
    measure (``story_values``) against the value its mates agree on (:func:`majority`),
    unless its own article gives that value too: then it states two facts.
    ``by_subject``: the mates are said of the figure's subject (see ``Statement.said``)."""
    for x in sorted(mates):
        f = facts[x]
        if repr(f.claim.value) in story_values[x]:
            continue
        found = majority(facts, x, mates[x], f.said if by_subject else None)
        if found is not None and found[0] not in f.given:
            yield from against(x, found[1], known)


def against(x: int, statements: Sequence[int], known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """``x`` paired with the first statement of the value its story agrees on, and that
    statement with the others: they are the majority the report names (see Seconds)."""
    y = statements[0]
    for pair in ((x, y), *((y, z) for z in statements[1:])):
        pair = (min(pair), max(pair))
        if pair not in known:
            yield pair


#: The evidence of a weaker pair lifted to the rule's severity (see odd_ones), as findings record it.
ODD_ONE_OUT = "odd one out"
#: How much of the smaller of the two sentences the other covers, words weighted by rarity,
#: for the lone value to stand against the agreed one (see odd_ones).
ODD_OVERLAP = 0.6
#: Articles besides the lone one that must state the agreed value (see odd_ones).
ODD_AGREEING = 2
#: Articles besides the lone one that must state an agreed age for the one age an article
#: gives to stand against it in sentences sharing only ``min_shared`` words (see odd_ones).
ODD_AGE_AGREEING = 3
#: Statements of the agreed value whose sentences are compared with the lone one's (see odd_ones).
ODD_TRIES = 20
#: Articles besides the lone one that must state the agreed value for the lone one to stand
#: against it in a sentence worded less alike (:data:`ODD_WIDE_OVERLAP`; see odd_ones).
ODD_WIDE_AGREEING = 4
#: How much of the smaller of the two sentences the other covers, words weighted by rarity,
#: when :data:`ODD_WIDE_AGREEING` articles agree (see odd_ones).
ODD_WIDE_OVERLAP = 0.4

Tiered = list[tuple[str, tuple[int, int]]]


def odd_ones(facts: Sequence[Statement], pairs: Tiered, idf: dict[str, float],
             min_shared: int) -> tuple[Tiered, Tiered]:
    """Split weaker pairs (path name, pair) into those that are the odd one out, named
    :data:`ODD_ONE_OUT`, and the rest, each as given.

    The clearest conflict a story offers: one article gives a value no other article
    of the story gives for the measure, in a sentence worded like (``min_shared`` words
    or more, rarity-weighted overlap at least :data:`ODD_OVERLAP`) a sentence of
    another article stating the value of the figure it is paired with, which
    :data:`ODD_AGREEING` articles or more besides it state ("dragging her 12 feet" /
    "dragging her 10 feet" twice), and the lone article does not state that value
    itself (then it gives two facts).  An age is one person's: the only age an article
    gives, against an age :data:`ODD_AGE_AGREEING` articles or more agree on, needs only
    ``min_shared`` words in common with one of theirs ("Reid, 43, was photographed" /
    "Reid, 33, with a reputation as one who drinks").  A weak path paired them (the two sentences it
    compared may be too unlike for the strong pairing); the alike wording and the
    agreeing articles make the conflict as clear as a verbatim phrase, so it is
    reported at the rule's severity.  The more articles agree, the less alike the lone
    sentence need be: against :data:`ODD_WIDE_AGREEING` articles or more, an overlap of
    :data:`ODD_WIDE_OVERLAP` will do ("Navy commandos captured 14 pirates near Somalia" /
    five articles' "23 pirates", each in its own words), unless the lone sentence gives
    other figures of a kind and unit that one of theirs gives with other values (the
    11-inch model's "1.7GHz ... 5 hours of battery life" / the Pro's "2.7GHz ... 7
    hours": two things, see :func:`.same_fact.figures_clash`).  Two articles against one, or a sentence worded
    otherwise, stay weaker evidence: about half of those are two facts of one story (a
    toll of the dead, a count of the injured).  Not lifted: dates; a figure whose
    sentence gives another of its kind and unit ("two models: a 2.4GHz and a 2.5GHz"),
    which says in words the comparison cannot read which is which; a bare number that
    says nothing of what it counts (no unit, no measure: "Ten dead" / "Five wounded"),
    and a figure in brackets, which restates the one before it ("$US1 million ($1.52
    million)").
    """
    stating: dict[tuple[object, ...], list[int]] = defaultdict(list)
    docs: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for i, f in enumerate(facts):
        if f.claim.kind != "date":
            key = (f.story, f.key, f.measure, repr(f.claim.value))
            stating[key].append(i)
            docs[key].update(documents_of(f))

    def lone_against(x: int, y: int) -> bool:
        a, b = facts[x], facts[y]
        va, vb = repr(a.claim.value), repr(b.claim.value)
        if va == vb or a.claim.kind == "date" or a.claim.get("relative") or vb in a.given or not a.unique or \
                not same_order(a.claim.value, b.claim.value) or not (a.claim.unit or a.measure) or bracketed(a):
            return False
        own = a.doc.path
        if docs[(a.story, a.key, a.measure, va)] - {own}:
            return False  # another article gives the value too: not a lone one
        agreed = (a.story, b.key, b.measure, vb)
        if len(docs[agreed] - {own}) < ODD_AGREEING:
            return False
        agreeing = len(docs[agreed] - {own})
        # The one age its article gives, against an age its story agrees on widely: one person's.
        # Any other value: the more articles agree, the less alike the lone sentence need be
        # worded, so long as its other figures do not say it tells of another thing.
        person = bool(a.claim.get("age")) and a.ages == {va} and agreeing >= ODD_AGE_AGREEING
        wide = not person and agreeing >= ODD_WIDE_AGREEING
        overlap = 0.0 if person else ODD_WIDE_OVERLAP if wide else ODD_OVERLAP
        # A few statements of the agreed value are tried (one per article counts), so a story
        # stating one value thousands of times stays linear.
        tried = [g for g in (facts[i] for i in stating[agreed][:ODD_TRIES])
                 if g.doc.path != own and len(a.sentence & g.sentence) >= min_shared]
        alike = [weighted_overlap(a.sentence, g.sentence, idf) for g in tried]
        if any(o >= ODD_OVERLAP for o in alike):
            return True
        # Worded less alike, it must not give other figures that one of theirs gives otherwise
        # ("1.7GHz ... 5 hours of battery life" / "2.7GHz ... 7 hours": two models).
        return any(o >= overlap for o in alike) and not (wide and any(figures_clash(a, g) for g in tried))

    odd: Tiered = []
    rest: Tiered = []
    for path, (x, y) in pairs:
        if lone_against(x, y) or lone_against(y, x):
            odd.append((ODD_ONE_OUT, (x, y)))
        else:
            rest.append((path, (x, y)))
    return odd, rest


def bracketed(f: Statement) -> bool:
    """Is the figure in brackets, restating the one before it ("$US1 million ($1.52 million)",
    "58km (36 miles)")?  Only the few characters before it are read."""
    return f.doc.text[max(0, f.claim.start - 8):f.claim.start].rstrip().endswith("(")
