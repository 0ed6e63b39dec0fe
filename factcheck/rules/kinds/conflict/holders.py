"""The holder pairing: ages of one person, or of one role within one story.

A person has one age, however differently two outlets word the sentence: ages
given to one named person (:func:`.subjects.age_holder`) pair by the name, at
the rule's severity.  A role ("the 35-year-old deputy") names one person only
within a story, so ages of one role pair at ``weak_severity``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence

from factcheck.claims.names import name_words
from factcheck.rules.kinds.conflict.exemptions import days_apart
from factcheck.rules.kinds.conflict.keys import co_indexed
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import may_be_one, others_agree
from factcheck.rules.kinds.conflict.statements import Statement, documents_of
from factcheck.rules.kinds.conflict.subjects import same_person

#: The names of the holder pairing's evidence, as findings record them (``evidence.path``).
PERSON, ROLE = "named person", "role in story"
#: Letters two given names of one surname must begin with alike to be one person's (see one_person).
GIVEN_STEM = 4


def holder_pairs(facts: Sequence[Statement], settings: ConflictOptions, known: set[tuple[int, int]],
                 roles_too: bool = True) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Ages of one holder: (pairs of a named person, pairs of a role in one story).

    A person has one age, however differently two outlets word the sentence
    ("a day after 36-year-old Duncan Raite died" / "36-year-old Duncan Rait
    was killed after slipping"), within one story.  A role ("the 35-year-old
    deputy") names one person only where each article gives that role one age, or the same ages but these two
    ("the 12-year-old girl" and "the 15-year-old girl" / "the 9-year-old girl" and
    "the 15-year-old girl"): weaker evidence.  A person's
    age changes with the years, so the two must be published near in time
    (``max_days_apart``) or, when a date is unknown, share ``min_shared``
    sentence words -- unless one of the two articles gives the person both ages, years
    apart (:func:`self_contradicting`): it contradicts itself, and the other article
    says which of its two ages the story holds.  A surname alone ("Reid, 33") names the one person of the story
    whose full name the other ages give with it ("Tara Reid, 33"): see :func:`full_names`.
    Two near spellings one article uses both of are two people (:func:`two_named`); an age
    of another time ("then-15-year-old") pairs with none (:func:`then_age`); two ages of a
    story that spans years, each of several articles, are two times (:class:`Eras`).
    Candidates meet through an index of surnames and roles, within
    a story (:func:`.keys.co_indexed`).  ``roles_too``: False when the weak pairing is off.
    """
    names = full_names(facts)
    eras = Eras(facts, names)
    agreed = Agreed(facts, names)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.holder is not None:
            kind, who = f.holder
            index[(kind, name_words(who)[-1][:4] if kind == "person" else who)].append(i)
    people: list[tuple[int, int]] = []
    roles: list[tuple[int, int]] = []
    for x, y in sorted(co_indexed(index, facts)):
        a, b = facts[x], facts[y]
        if (x, y) in known or a.holder is None or b.holder is None or a.holder[0] != b.holder[0]:
            continue
        apart = days_apart(a.doc, b.doc)
        if apart is None and len(a.sentence & b.sentence) < settings.min_shared and \
                not (a.holder[0] == "person" and (self_contradicting(a, b) or agreed.lone_against(x, y))):
            continue
        if not may_be_one(a, b):
            continue
        if a.holder[0] == "person":
            na, nb = names.get(x, a.holder[1]), names.get(y, b.holder[1])
            if one_person(na, nb) and not two_named(a, b, na, nb) and not then_age(a) and not then_age(b) \
                    and not eras.apart(x, y):
                people.append((x, y))
        elif roles_too and a.holder == b.holder and others_agree(a.held, a, b.held, b):
            roles.append((x, y))
    return people, roles


#: Articles besides a lone age's own that must give the person the other age, for the two to
#: pair without dates or shared words (see Agreed).
AGREEING = 2
#: Years the passing of time explains between two ages of one person in undated articles: two
#: ages this close pair only by shared words (see Agreed).
TIME_YEARS = 5


class Agreed:
    """A person's age the rest of the story agrees on, against a lone one.

    Two undated articles need shared sentence words for their ages of one person to pair
    (the story stage may join events years apart, see :func:`self_contradicting`).  That
    doubt is one article's word against another's; it is not :data:`AGREEING` articles'
    word against one.  When an age of a person no other article of the story gives stands
    against an age that two others give the person ("Timmons, 16" twice / "48-year-old
    Jermayne Timmons" once), the lone one is the odd one out whenever the articles were
    written: events years apart would have split the story's articles, not left one alone.
    Unless the agreeing articles are dated and the lone one is not: then it may be an older
    article the story stage joined to a later event's ("The 32-year-old Klitschko", undated,
    in a story of 2012 articles giving him 36), so only undated articles speak against an
    undated one; and two ages a few years apart (:data:`TIME_YEARS` or fewer) may be two
    times of the person, not a slip, so they still need the shared words.  Counted in
    documents (syndicated copies each count), by full name (see :func:`full_names`)."""

    def __init__(self, facts: Sequence[Statement], names: dict[int, str]) -> None:
        # (story, full name) -> age -> the documents giving it, and those of them undated.
        self._docs: dict[tuple[str | None, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._undated: dict[tuple[str | None, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._key: dict[int, tuple[tuple[str | None, str], str, bool]] = {}
        for i, f in enumerate(facts):
            if f.holder is None or f.holder[0] != "person":
                continue
            words = name_words(names.get(i, f.holder[1]))
            if len(words) >= 2:
                key, value = (f.story, " ".join(words).casefold()), repr(f.claim.value)
                self._docs[key][value].update(documents_of(f))
                if f.doc.pub_date is None:
                    self._undated[key][value].update(documents_of(f))
                self._key[i] = (key, value, f.doc.pub_date is None)

    def lone_against(self, x: int, y: int) -> bool:
        """Is one of ``x`` and ``y`` an age only its own article gives the person, and the other's
        an age :data:`AGREEING` other articles of the story give the person (undated ones, when
        the lone article is undated)?"""
        kx, ky = self._key.get(x), self._key.get(y)
        if kx is None or ky is None or kx[0] != ky[0] or kx[1] == ky[1]:
            return False
        key = kx[0]
        try:
            if abs(float(kx[1]) - float(ky[1])) <= TIME_YEARS:
                return False
        except ValueError:
            return False
        for (_, lone, undated), (_, agreed, _) in ((kx, ky), (ky, kx)):
            alone = self._docs[key][lone]
            speaking = (self._undated if undated else self._docs)[key][agreed]
            if len(alone) == 1 and len(speaking - alone) >= AGREEING:
                return True
        return False


#: Years two ages of one person given by one article must differ by for the article to
#: contradict itself (see self_contradicting): one year may be a birthday between two events
#: the article tells.
BIRTHDAY_GAP = 2


def self_contradicting(a: Statement, b: Statement) -> bool:
    """Does one of two articles give their person two ages :data:`BIRTHDAY_GAP` years or more
    apart, one of them the other article's ("16-year-old Jermayne Timmons" and "Timmons,
    48", the other article saying 16)?

    Two undated articles of one story need shared words for their ages of one person to
    pair: the story stage may join two events years apart ("The 32-year-old Klitschko"
    in 2008, "The 36-year-old champion Klitschko" in 2012), and nothing else tells their
    time.  An article that gives one person two such ages cannot be right twice, whenever
    it was written: its odd age pairs with the other article's, and so does its age that
    agrees with the other article (so that the report counts both articles for it)."""
    return any(age_spread(f.held) >= BIRTHDAY_GAP and repr(g.claim.value) in f.held for f, g in ((a, b), (b, a)))


def age_spread(held: frozenset[str]) -> float:
    """Years between the youngest and the oldest of the ages an article gives one person
    (``Statement.held``, values as ``repr``); 0 when it gives one, or ages that are not numbers."""
    ages = []
    for v in held:
        try:
            ages.append(float(v))
        except ValueError:
            continue
    return max(ages) - min(ages) if ages else 0.0


def one_person(a: str, b: str) -> bool:
    """Two full names of one person: :func:`.subjects.same_person` (a slip of the pen), or one
    surname with given names of one stem, :data:`GIVEN_STEM` letters alike -- a short form or
    another transliteration of the name ("Alexis Grigoropoulos" / "Alexandros Grigoropoulos",
    "Chris Jenkin" / "Christopher Jenkin").  Two people of one family have given names of their
    own ("John Jenkin" / "Kathryn Jenkin"); two whose names begin alike and whose ages differ
    are rarer than an outlet's short form."""
    if same_person(a, b):
        return True
    wa, wb = name_words(a), name_words(b)
    if len(wa) < 2 or len(wb) < 2 or wa[-1].casefold() != wb[-1].casefold():
        return False
    ga, gb = wa[0].casefold(), wb[0].casefold()
    return min(len(ga), len(gb)) >= GIVEN_STEM and ga[:GIVEN_STEM] == gb[:GIVEN_STEM]


def full_names(facts: Sequence[Statement]) -> dict[int, str]:
    """The full name each age held by a surname alone stands for: the one person of its
    story whose ages are given with a full name of that surname ("Reid, 33" / "Tara Reid,
    33").  A story naming two people of the surname ("Jane Doe", "John Doe") resolves
    neither: the surname could be either's.  Ages held by full names are not listed."""
    full: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for f in facts:
        if f.holder is not None and f.holder[0] == "person":
            words = name_words(f.holder[1])
            if len(words) >= 2 and f.holder[1] not in full[(f.story, words[-1])]:
                full[(f.story, words[-1])].append(f.holder[1])
    out: dict[int, str] = {}
    for i, f in enumerate(facts):
        if f.holder is None or f.holder[0] != "person":
            continue
        words = name_words(f.holder[1])
        if len(words) != 1:
            continue
        people = sorted(full.get((f.story, words[0]), ()))
        if people and all(same_person(people[0], p) for p in people[1:]):
            out[i] = people[0]
    return out


def two_named(a: Statement, b: Statement, na: str, nb: str) -> bool:
    """Are two near spellings two people, because one article names both ("17-year-old Jeremy
    Ortiz, one of the deputy's sons" and "Deputy Jerry Ortiz")?  An article spells its people
    its own way; it does not misspell one of them into another name it also uses."""
    if na == nb:
        return False
    wa, wb = _folded(na), _folded(nb)
    return any(wa in t and wb in t for t in (_folded(a.doc.text), _folded(b.doc.text)))


@functools.lru_cache(maxsize=256)
def _folded(text: str) -> str:
    """Text as names compare, whole words only: casefolded words between single spaces, with a
    space at either end (so that "duncan rait" is not found in "duncan raite")."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


_THEN_RE = re.compile(r"\bthen[\s-]*$", re.IGNORECASE)


def then_age(f: Statement) -> bool:
    """Is the age one of another time ("then-15-year-old Timmons"): the article itself says the
    person is older now, so it states no age another article's could contradict."""
    c = f.claim
    return _THEN_RE.search(f.doc.text, max(0, c.start - 8), c.start) is not None


#: Years two ages of one person may differ by and both be right, when a story spans that long.
ERA_YEARS = 3


class Eras:
    """The times of a story that spans years, read from its ages of one person: a person the story
    gives two or more ages a few years apart (:data:`ERA_YEARS`), each by two documents or more
    (Orozco "27" when sought, "29" when sentenced).  The story stage may join events years apart;
    such ages are two times, not a slip.  A lone odd age (a planted or real error) is of no era:
    it still pairs, with the era of the nearest age only, so that the times it is not of are not
    drawn into its conflict."""

    def __init__(self, facts: Sequence[Statement], names: dict[int, str]) -> None:
        docs: dict[tuple[str | None, str], dict[float, set[str]]] = defaultdict(lambda: defaultdict(set))
        keyed: dict[int, tuple[tuple[str | None, str], float]] = {}
        for i, f in enumerate(facts):
            if f.holder is None or f.holder[0] != "person" or not isinstance(f.claim.value, (int, float)):
                continue
            words = name_words(names.get(i, f.holder[1]))
            if words:  # by full name: "Kathryn Jenkin", 20, and her brother "John Jenkin", 23, are two
                key = (f.story, " ".join(words))
                docs[key][float(f.claim.value)].add(f.doc.path)
                keyed[i] = (key, float(f.claim.value))
        self._value: dict[int, float] = {}
        self._eras: dict[int, tuple[float, ...]] = {}
        for i, (key, value) in keyed.items():
            attested = sorted(v for v, paths in docs[key].items() if len(paths) >= 2)
            if len(attested) >= 2 and any(0 < b - a <= ERA_YEARS for a, b in itertools.pairwise(attested)):
                self._value[i] = value
                self._eras[i] = tuple(attested)

    def apart(self, x: int, y: int) -> bool:
        """Are statements ``x`` and ``y`` of two times: each of another era, or one of no era whose
        age is nearer another era's than the other's?"""
        vx, vy = self._value.get(x), self._value.get(y)
        if vx is None or vy is None:
            return False
        eras = self._eras[x]
        if vx in eras and vy in eras:
            return vx != vy
        era, odd = (vx, vy) if vx in eras else (vy, vx)
        if era not in eras:
            return False  # neither is an era's age
        return min(eras, key=lambda e: (abs(e - odd), e)) != era
