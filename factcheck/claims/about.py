"""Whom or what a figure is said of: the ``about`` every number and date claim carries.

"Jane Doe, 52," gives Jane Doe's age, "the 35-year-old deputy" a deputy's, and
"the quake killed 255,000 people" a toll of the quake.  Rules compare facts,
and a fact is a figure *of* someone or something (see :mod:`factcheck.facts`),
so the claims stage reads the subject once, here, from the claim, its
document and the document's name claims -- rules never re-read the sentence to
find it.  The reading is raw (per document): "Doe" is only "Doe" until the
fact stage resolves it, within its story, to the Jane Doe other articles name.

Kinds of subject (:data:`ABOUT_KINDS`):

``person``
    A person's name (a name claim that may be a person): the holder of an
    age ("16-year-old Kimani Gray", "Peterson, a 32-year-old salesman"), or
    the person named nearest before a figure in its sentence ("Luck threw for
    205 yards"), or before a date in its clause ("Doe was born on May 3").
``role``
    The common noun an age describes when no name is given ("the 35-year-old
    deputy" -> ``deputy``).
``organisation``
    An organisation named right before the verb that gives the figure
    ("Apple sold 5 million phones").
``thing``
    The noun phrase a clause gives the figure of ("the quake killed 255,000
    people" -> ``quake``): the event or thing, named by its head noun.

The span (``start``, ``end``) is where the subject is written in
``Document.text``, and ``text`` is exactly that slice.  ``name`` is the key to
compare by: the full name the names extractor links a mention to (lower case),
or the singular head noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from factcheck.claims.base import Claim, with_attrs
from factcheck.claims.numbers import singular
from factcheck.claims.subjects import FUNCTION_WORDS, age_holder_span, possible_people
from factcheck.documents import Document

AboutKind = Literal["person", "role", "organisation", "thing"]

#: Every kind of subject, in the order the README documents them.
ABOUT_KINDS: tuple[AboutKind, ...] = ("person", "role", "organisation", "thing")

#: The claim kinds that get an ``about``: figures said of someone (quantities, counts) and dates.
ABOUT_CLAIM_KINDS = ("quantity", "count", "date")


@dataclass(frozen=True, slots=True)
class About:
    """The subject a figure is said of, as written (see the module docstring)."""

    kind: AboutKind
    name: str
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> About:
        return cls(kind=raw["kind"], name=str(raw["name"]), text=str(raw["text"]), start=int(raw["start"]),
                   end=int(raw["end"]))


def attach_about(doc: Document, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with an ``about`` attribute on each number and date claim whose subject is read.

    ``claims`` must hold the document's name claims (they are what the
    readers resolve a mention by); claims of other kinds pass unchanged.
    """
    people = possible_people(claims)
    starts = [p.start for p in people]
    orgs = sorted((c for c in claims if c.kind == "name" and c.get("type") == "organisation"), key=lambda c: c.end)
    org_ends = [o.end for o in orgs]
    out = []
    for c in claims:
        about = read_about(doc, c, people, starts, orgs, org_ends) if c.kind in ABOUT_CLAIM_KINDS else None
        out.append(c if about is None else with_attrs(c, about=about.to_json()))
    return out


def read_about(doc: Document, claim: Claim, people: Sequence[Claim], starts: Sequence[int],
               orgs: Sequence[Claim] = (), org_ends: Sequence[int] = ()) -> About | None:
    """The subject of one number or date claim, or None when the text does not say.

    In order of certainty: an age's holder; for a figure, the person named
    nearest before it in its sentence (unless a word of saying comes between:
    "Smith said 3 people died"), an organisation right before its
    verb, the noun phrase its clause opens with; for a date, a person named
    before it in its clause only (the name before a date is mostly where it
    happened, and places are never people).  ``people``:
    :func:`~factcheck.claims.subjects.possible_people`, ``starts`` their
    starts; ``orgs`` the organisation names by end, ``org_ends`` their ends.
    """
    text = doc.text
    held = age_holder_span(doc, claim, people, starts)
    if held is not None:
        kind, name, s, e = held
        return About("person" if kind == "person" else "role", name, text[s:e], s, e)
    if claim.get("age"):
        return None  # an age without a holder: no other reading applies
    i = bisect.bisect_left(starts, claim.start)
    if i > 0:
        p = people[i - 1]
        if p.start >= claim.sentence[0] and p.end <= claim.start and not _SAID_RE.search(text, p.end, claim.start) and (
                claim.kind != "date" or (p.get("type") == "person" and not _CLAUSE_BREAK_RE.search(
                    text, p.end, claim.start))):
            return About("person", " ".join(str(p.value).casefold().split()), text[p.start:p.end], p.start, p.end)
    if claim.kind == "date":
        return None
    j = bisect.bisect_right(org_ends, claim.start)
    if j > 0:
        o = orgs[j - 1]
        if o.start >= claim.sentence[0] and _VERB_THEN_FIGURE_RE.fullmatch(text, o.end, claim.start):
            return About("organisation", " ".join(str(o.value).casefold().split()), text[o.start:o.end],
                         o.start, o.end)
    return _clause_thing(text, claim)


_CLAUSE_BREAK_RE = re.compile(r"[,;:()—–]")
#: A word of saying between a name and a figure: the name is who said it, not whom it is of
#: ("Smith said 3 people died").
_SAID_RE = re.compile(r"\b(?:said|says|say|told|tells|according|reported|reports|announced|added)\b",
                      re.IGNORECASE)
_VERB = (r"(?:(?:has|have|had|was|were|is|are)\s+)?(?:been\s+)?"
         r"(?:[a-z]{2,}ed|[a-z]{3,}s|left|hit|took|cost|won|lost|sold|made|put|set|saw|drew|got|shot|struck|"
         r"brought|raised|spent|paid|fell|rose|kept|held|gave|had|has|have|built|cut|bought|grew|ran|injured)")
#: Between an organisation's name and a figure: one verb ("Apple sold 5 million phones").
_VERB_THEN_FIGURE_RE = re.compile(r"\.?(?:'s?)?\s+" + _VERB + r"\s+")  # "Apple Inc. sold"
#: A clause's subject, its verb, and the figure right after: "the quake killed | 255,000 people".
_THING_RE = re.compile(r"(?<![\w'’-])(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*)"
                       r"(?:'s)?\s+" + _VERB + r"\s+\Z")
#: How far before a figure the clause's subject is looked for.
_THING_REACH = 80


def _clause_thing(text: str, claim: Claim) -> About | None:
    """The noun phrase a clause gives the figure of ("the quake killed 255,000 people" -> quake):
    a determiner, up to three lower-case words and a verb right before the figure."""
    lo = max(claim.sentence[0], claim.start - _THING_REACH)
    m = _THING_RE.search(text[lo:claim.start])
    if m is None:
        return None
    words = m.group(1).split()
    if any(w in FUNCTION_WORDS for w in words):
        return None  # "the more than", "a lot of": not a noun phrase
    s = lo + m.start(1)
    e = lo + m.end(1)
    return About("thing", singular(words[-1]), text[s:e], s, e)
