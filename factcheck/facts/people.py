"""Who is who within one story: the people its articles name, and how a mention resolves to one.

Articles of one event name the same people differently: in full ("Jane Doe"),
by surname ("Doe"), by role ("the deputy", "Deputy Doe"), and now and then
misspelled ("Duncan Rait" / "Duncan Raite").  A fact about one of them must
get one subject whichever way the article names them, and two people must
never become one.  :class:`StoryPeople` is built from the name claims of a
story's documents and answers, for a mention, the person it names:

* full names that differ by a slip (:func:`~factcheck.claims.subjects.same_person`:
  an edit in the surname, up to two in the given name, by rapidfuzz's
  Levenshtein distance) are one person, shown by the spelling most used;
  different given names with one surname ("Jane Doe" / "John Doe") stay two;
* a surname alone resolves to the one person of the story with that surname
  (give or take a slip); with two such people it stays unresolved;
* a role ("deputy") resolves to the one person of the story the articles give
  that title ("Deputy John Smith"); with two people of one role, neither gets
  the bare role's facts: it stays the role.

Resolution is per story on purpose: "Smith" is a different person in every
story, and a story is the only scope where one name means one person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.claims.base import Claim
from factcheck.claims.names import name_words
from factcheck.claims.numbers import singular
from factcheck.claims.subjects import same_person, same_surname

#: Name claim types that may name a person (as the subject readers take them).
PERSON_TYPES = ("person", "unknown")


def normal_name(name: str) -> str:
    """A name as subjects compare it: casefolded words, single spaces (a hyphen is one: "Jong-un" is
    "Jong Un"), no generational suffix."""
    return " ".join(name_words(" ".join(name.casefold().replace("-", " ").split())))


def role_noun(title: str) -> str:
    """The role a title gives: its last word, singular ("Foreign Minister" -> minister)."""
    words = title.casefold().replace(".", "").split()
    return singular(words[-1]) if words else ""


@dataclass(frozen=True)
class Person:
    """One person of a story: the name shown (most used spelling, normalised) and every spelling."""

    name: str
    spellings: frozenset[str]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


class StoryPeople:
    """The people of one story and the resolution of mentions to them (see the module docstring)."""

    def __init__(self, names: Iterable[Claim], extra: Iterable[str] = ()) -> None:
        """``names``: the story's name claims (others are ignored); ``extra``: more mentions of
        people, such as the subjects the claims stage read (normalised or not)."""
        counts: Counter[str] = Counter()
        roles: dict[str, set[str]] = {}
        titled: list[tuple[str, str]] = []
        for c in names:
            if c.kind != "name" or c.get("type") not in PERSON_TYPES:
                continue
            n = normal_name(str(c.value))
            if not n:
                continue
            counts[n] += 1
            title = c.get("title")
            if title and c.get("type") == "person":
                titled.append((role_noun(str(title)), n))
        for raw in extra:
            n = normal_name(raw)
            if n:
                counts[n] += 1
        self._people: list[Person] = []
        self._of: dict[str, Person] = {}
        full = sorted((n for n in counts if len(n.split()) >= 2), key=lambda n: (-counts[n], n))
        groups: list[list[str]] = []
        for n in full:
            for g in groups:
                if same_person(g[0], n):
                    g.append(n)
                    break
            else:
                groups.append([n])
        for g in groups:
            p = Person(g[0], frozenset(g))
            self._people.append(p)
            for n in g:
                self._of[n] = p
        for role, n in titled:
            holder = self.person(n)  # "Deputy Smith": the story's one Smith
            if role and holder is not None:
                roles.setdefault(role, set()).add(holder.name)
        self._roles = {r: sorted(ps) for r, ps in roles.items()}

    @property
    def people(self) -> tuple[Person, ...]:
        """The story's people with full names, most mentioned first."""
        return tuple(self._people)

    def person(self, mention: str) -> Person | None:
        """The person a name mention (full, surname only, or misspelled) names; None if unknown or ambiguous."""
        n = normal_name(mention)
        found = self._of.get(n)
        if found is not None:
            return found
        if len(n.split()) >= 2:
            near = [p for p in self._people if same_person(p.name, n)]
        else:  # a surname alone: the one person of the story with it
            near = [p for p in self._people if same_surname(p.name, n)]
        return near[0] if len(near) == 1 else None

    def holders(self, role: str) -> tuple[str, ...]:
        """The people the story's articles give the title ``role`` (normalised names, sorted)."""
        return tuple(self._roles.get(role_noun(role), ()))

    def subject(self, kind: str, name: str) -> str:
        """The resolved subject, as a fact key holds it: ``person:<name>`` for a person the mention
        (or the role, when one person holds it) resolves to, else ``<kind>:<name>`` as read."""
        if kind == "person":
            p = self.person(name)
            return f"person:{p.name if p is not None else normal_name(name)}"
        if kind == "role":
            held = self.holders(name)
            if len(held) == 1:
                return f"person:{held[0]}"
            return f"role:{role_noun(name)}"
        return f"{kind}:{' '.join(name.casefold().split())}"
