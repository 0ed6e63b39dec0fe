"""The fact-key pairing: a named person's figure against what the rest of the story agrees on for that person.

A fact is a claim given a key within its story: who it is about, the measure,
and the story (``CorpusView.facts``, :mod:`factcheck.facts`).  "Gregory Echenique
scored 8 points" in one article, where eight articles of its story say he had 11,
is a conflict of one key, however the sentences are worded -- yet the paths that
weigh a lone value against the story's majority stay silent whenever any article
of the story gives the lone value *for the measure* (someone else had 8 points:
a basketball story gives every small number of points to somebody).  Keyed by
the person, that is no reason: another player's 8 points are another fact.

So figures are grouped by their full key -- story, resolved subject (a person:
a surname alone or a role one person holds resolve to the name the story gives
in full), kind, unit and counted words ("career points" is not "points") -- and
a value one article alone gives a person is paired with the value
:data:`KEY_AGREEING` articles or more of the story give that person, when no other
value of the key has more than half their articles.  It is reported at the rule's
severity: the key says what the figure is, as clearly as a verbatim phrase does.

What keeps legitimate differences out, besides the exemptions every pair goes
through (updates, running totals, qualifiers; :mod:`.exemptions`):

* only people named in full: a role two people hold, a team, a product or a thing
  ("the quake") is too loose a holder for one value (two models of a laptop, two
  quakes), and a single capitalised word before a figure is as often a team
  ("Creighton's lead grew to 9 points") as a person;
* no hyphenated figure ("a three-point play", "a 30-point win"): it names a
  thing the person did, not the person's measure;
* the lone article gives the person no other value of the key beyond
  :data:`~.majority.OTHER_FACTS` (a season's figure and a game's), and not the
  agreed value itself (then it states two facts); the two values are of one order
  of size (:func:`.statements.same_order`: a game's 11 points, a career's 2,129);
* a misread holder: where another article gives the lone value to someone the
  lone sentence also names ("Artino complemented Echenique inside by scoring 14
  points": the 14 are Artino's), the figure is that person's, not a conflict;
* the lone article gives the agreed value for the measure elsewhere, whoever it
  credits it to ("14 points from Will Artino ... he scored seven points" in the
  first half): it tells two facts of the person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.claims.names import name_words
from factcheck.rules.kinds.conflict.majority import OTHER_FACTS, against, by_value
from factcheck.rules.kinds.conflict.statements import Statement, documents_of, same_order
from factcheck.rules.kinds.conflict.text import name_in_words

#: The evidence of a pair this path makes, as findings record it (``evidence.path``).
FACT_KEY = "fact key"
#: Articles besides the lone one that must give the person the agreed value.
KEY_AGREEING = 3

Key = tuple[object, ...]


def key_of(f: Statement) -> Key | None:
    """The full key of the fact ``f`` states, when it is a person's measure (see the module
    docstring); None otherwise."""
    c = f.claim
    who = person_of(f)
    if who is None or c.kind == "date" or c.get("age") or c.get("hyphenated") or c.get("relative") or \
            not (c.unit or f.measure):
        return None
    return f.story, who, f.key, f.measure


def person_of(f: Statement) -> str | None:
    """The person named in full whose figure ``f`` is, as ``person:<name>``: its fact key's
    subject, or where the fact stage reads none (a word of saying between: "Ty Lawson added
    16 points"), the person named nearest before it (``Statement.subject``)."""
    who = f.of if f.of is not None else f"person:{f.subject}" if f.subject is not None else None
    return who if who is not None and who.startswith("person:") and len(who.split()) >= 2 else None


def fact_key_pairs(facts: Sequence[Statement], known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Each figure a person is given by one article alone, paired with the value the rest
    of its story agrees on for the person (see the module docstring), and that value's
    statements with each other (:func:`.majority.against`): the report names who agrees."""
    groups: dict[Key, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        k = key_of(f)
        if k is not None:
            groups[k].append(i)
    # Whom the story gives each value of a measure, to tell a misread holder (see _misread): the
    # fact key's subject, else the person named nearest before the figure.
    holders: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for f in facts:
        who = person_of(f)
        if who is not None:
            holders[(f.story, f.key, f.measure, repr(f.claim.value))].add(who)
    for k in sorted(groups, key=repr):
        members = groups[k]
        if len(members) < KEY_AGREEING + 1:
            continue
        docs, said = by_value(facts, members)
        for x in members:
            f = facts[x]
            value = repr(f.claim.value)
            own = documents_of(f)
            if docs[value] - own:
                continue  # another article gives the person this value too
            mine = {v for v, ds in docs.items() if ds & own}
            if len(mine - {value}) > OTHER_FACTS:
                continue
            agreed = _agreed(docs, own)
            if agreed is None or agreed in mine or agreed in f.given or \
                    not same_order(f.claim.value, facts[said[agreed][0]].claim.value):
                continue
            if _misread(f, holders[(k[0], k[2], k[3], value)] - {str(k[1])}):
                continue
            yield from against(x, [y for y in said[agreed] if not documents_of(facts[y]) & own], known)


def _agreed(docs: dict[str, set[str]], own: frozenset[str]) -> str | None:
    """The value :data:`KEY_AGREEING` articles or more besides ``own`` give, twice as many
    as give any other value; None when there is none."""
    counted = sorted(((len(ds - own), v) for v, ds in docs.items() if ds - own), key=lambda t: (-t[0], t[1]))
    if not counted or counted[0][0] < KEY_AGREEING or (len(counted) > 1 and 2 * counted[1][0] > counted[0][0]):
        return None
    return counted[0][1]


def _misread(f: Statement, others: set[str]) -> bool:
    """Does ``f``'s sentence name someone else the story gives its value (``others``: their
    subjects, ``person:...``)?  Then the figure is most likely that person's.  Only people
    named in full count: a single capitalised word is as often a team ("Creighton's first
    eight points"), and a team is named in every sentence of a game's story."""
    for other in others:
        words = name_words(other.removeprefix("person:"))
        if len(words) >= 2 and name_in_words(words[-1]) <= f.sentence:
            return True
    return False
