"""Whose figure it is: the names, people and roles a figure belongs to.

Most false conflicts pair figures of two different holders ("Richard Carter
scored 14 points" / "13 points from Seth VanDeest", "16-year-old Kimani Gray" /
"20-year-old Ka'Loni Flynn").  These readers find the holder from the claim and
its document alone -- the capitalised words before a figure, the person an age
is given to, the nearest person named before a figure -- and the tests of two
holders being one (:func:`same_person`, :func:`same_surname`, :func:`same_subject`).
They know nothing of pairing; the comparisons decide what a holder rules out.

They live in the claims stage (the conflict rule re-exports them from
``factcheck.rules.kinds.conflict.subjects``) because whom a figure is said of
is part of what the text says, read once: :mod:`factcheck.claims.about` gives
every number and date claim its ``about`` from these readers, and the fact
stage (:mod:`factcheck.facts`) keys facts by it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from factcheck.calendar import MONTHS, WEEKDAYS
from factcheck.claims.base import Claim
from factcheck.claims.descriptions import described_person, mentions
from factcheck.claims.names import name_words
from factcheck.claims.numbers import singular
from factcheck.documents import Document

_ANCHOR_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*|\d|[,;:()—–]")
#: Function words: capitalised at a sentence's start ("The", "According"), yet never a name.
#: The conflict rule reads its ``STOPWORDS`` from here (rules build on the claims stage, not the reverse).
FUNCTION_WORDS = frozenset("""
a an the and or but of in on at to for from by with as is are was were be been being has have had
do does did will would shall should can could may might must it its this that these those there
their they them he she his her him we our you your i me my not no than then so such which who whom
whose what when where while also into over about after before since until up down out more most
said says say told according some any each other all both just only very new last next first this
""".split())
#: Month and weekday names: capitalised, yet never whose figure it is.
NOT_NAMES = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS))


def name_anchor(doc: Document, claim: Claim, reach: int = 4) -> frozenset[str]:
    """The capitalised words among the few before a figure, inside its clause:
    whose figure it is ("Richard Carter scored 14 points" -> {richard, carter}).

    Two figures that both have one and share no word belong to different
    people, teams or products, however alike the sentences around them.  Dates
    are not anchored: the name before a date is mostly where it happened ("in
    Washington on June 17"), and outlets name different places for one event.
    """
    tokens = _ANCHOR_TOKEN_RE.findall(doc.text, max(claim.sentence[0], claim.start - 120), claim.start)
    out = set()
    for t in reversed(tokens[-reach:]):
        if not t[0].isalpha():
            break  # a comma, a bracket or another figure ends the clause
        w = t.casefold().replace("’", "'").removesuffix("'s").rstrip("'.")
        if t[0].isupper() and w not in FUNCTION_WORDS and w not in NOT_NAMES:
            out.add(w)
    return frozenset(out)


_APPOSITION_RE = re.compile(r",[ \t]*(?:(?:a|an|the)[ \t]+)?$", re.IGNORECASE)


def possible_people(claims: Iterable[Claim]) -> list[Claim]:
    """A document's names that may be people, by start: those not known as places or
    organisations -- next to an age, a name of unknown type is a person."""
    return sorted((c for c in claims if c.kind == "name" and c.get("type") in ("person", "unknown")),
                  key=lambda c: c.start)


def age_holder(doc: Document, claim: Claim, people: Sequence[Claim], starts: Sequence[int]) -> tuple[str, str] | None:
    """Whose age an age claim gives: ``("person", full name)`` or ``("role", noun)``.

    A person named right after the age ("16-year-old Kimani Gray"), after
    the role the age qualifies ("20-year-old victim Ka'Loni Flynn") -- but not
    a name in a compound word ("55-year-old Glasgow-born star") -- or in
    apposition before it ("Peterson, a 32-year-old fertilizer salesman"), by
    the full name the names extractor links a surname to; otherwise the common
    noun the age describes ("the 35-year-old deputy" -> deputy; "a 31-year-old
    Brooklyn mom" -> mom, since a name that qualifies a noun holds no age) --
    unless the description is definite and refers to a person the document named
    before it, or names right after it (:func:`~factcheck.claims.descriptions.described_person`:
    "Jane Doe won.  The 55-year-old actress said ..." -> jane doe).  Such a holder
    is written where the description is (its noun, else its "the").
    ``people``: :func:`possible_people`; ``starts`` their starts.
    """
    found = age_holder_span(doc, claim, people, starts)
    return (found[0], found[1]) if found is not None else None


def age_holder_span(doc: Document, claim: Claim, people: Sequence[Claim],
                    starts: Sequence[int]) -> tuple[str, str, int, int] | None:
    """:func:`age_holder` with where the holder is written: ``(kind, name, start, end)``,
    the span of the person's name or of the role noun in ``doc.text``."""
    if not claim.get("age"):
        return None
    text = doc.text
    subject = str(claim.get("subject") or "")
    # "a 31-year-old Brooklyn mom": a name that qualifies a common noun is not the holder.
    role = subject.split()[-1] if subject and subject.split()[-1][:1].islower() else ""
    i = bisect.bisect_left(starts, claim.start)
    after = people[i] if i < len(people) else None
    if after is not None and text[after.end:after.end + 1] != "-" and (
            (claim.end <= after.start <= claim.end + 2 and not text[claim.end:after.start].strip() and not role)
            # "20-year-old victim Ka'Loni Flynn": the name follows the noun the age describes.
            or (subject and " ".join(text[claim.end:after.start].split()) == subject and subject[:1].islower())):
        return "person", " ".join(str(after.value).casefold().split()), after.start, after.end
    if i > 0:
        before = people[i - 1]
        if claim.start - before.end <= 8 and _APPOSITION_RE.search(text, before.end, claim.start):
            return "person", " ".join(str(before.value).casefold().split()), before.start, before.end
    # "The 55-year-old Scottish actor will replace ...": the person named before, when clear.
    modifiers = [w for w in subject.split() if w[:1].isupper()]
    described = described_person(doc, claim, role, modifiers, mentions(people))
    if described is not None:
        # Written where the description is: its noun, else its last modifier, else its "the".
        word = role or (modifiers[-1] if modifiers else "")
        at = _role_span(text, claim.end, word) if word else None
        if at is not None:
            return "person", described.name, at, at + len(word)
        lo = claim.sentence[0]
        the = lo + text[lo:claim.start].casefold().rstrip().rfind("the")
        return "person", described.name, the, the + 3
    if role:
        at = _role_span(text, claim.end, role)
        if at is None:
            return None
        # The noun's singular, so "the actress" and "two actresses" meet (not the noun less an "s": "actres").
        return "role", singular(role.casefold()), at, at + len(role)
    return None


def _role_span(text: str, after: int, role: str) -> int | None:
    """Where the role noun the age describes starts: the first whole word ``role`` within the
    few words after the age (the claim's ``subject`` reads at most three)."""
    m = re.compile(r"(?<![\w-])" + re.escape(role) + r"(?![\w-])").search(text, after, after + 80)
    return m.start() if m else None


def figure_subject(claim: Claim, people: Sequence[Claim], starts: Sequence[int]) -> str | None:
    """Whom a figure is said of: the full name of the nearest possible person before it
    in its sentence ("Luck threw for 205 yards" -> andrew luck, "Will Artino scored 14
    points ... and Gregory Echenique had 11 points" -> gregory echenique for 11).
    Not for dates (the name before a date is mostly where it happened) nor ages (see
    :func:`age_holder`).  ``people``: :func:`possible_people`; ``starts`` their starts.
    """
    if claim.kind == "date" or claim.get("age"):
        return None
    i = bisect.bisect_left(starts, claim.start)
    if i == 0 or people[i - 1].start < claim.sentence[0]:
        return None
    return " ".join(str(people[i - 1].value).casefold().split())


def same_person(a: str, b: str) -> bool:
    """Two full names of one person, give or take a slip ("Duncan Rait" / "Duncan Raite")
    or a generational suffix ("Anthony LaCalamita III" / "Anthony LaCalamita")."""
    wa, wb = name_words(a), name_words(b)
    if wa == wb:
        return True
    if len(wa) < 2 or len(wb) < 2:
        return False
    return Levenshtein.distance(wa[-1], wb[-1]) <= 1 and Levenshtein.distance(wa[0], wb[0]) <= 2


def same_surname(a: str, b: str) -> bool:
    """Two names that may be one person's: the same surname, give or take a slip of one
    letter ("Gomes" / "Gomez"), whatever the given names ("Kathryn" / "Katherine")."""
    x, y = name_words(a)[-1:], name_words(b)[-1:]
    if not x or not y:
        return False
    return x == y or (min(len(x[0]), len(y[0])) >= 4 and Levenshtein.distance(x[0], y[0]) <= 1)


_MALE = frozenset("man men boy boys son sons father fathers husband husbands brother brothers grandfather "
                  "uncle gentleman male males".split())
_FEMALE = frozenset("woman women girl girls daughter daughters mother mothers wife wives sister sisters "
                    "grandmother aunt lady ladies female females".split())


def gender(words: Iterable[str]) -> set[str]:
    """The sexes a subject's words name: "boy" and "girl" are two people whatever else agrees."""
    out = set()
    for w in words:
        if w in _MALE:
            out.add("m")
        elif w in _FEMALE:
            out.add("f")
    return out


def one_noun(a: Sequence[str], b: Sequence[str]) -> bool:
    """Do two common-noun subjects name one thing, one more fully than the other?

    "a 15-year veteran" / "a 15-year department veteran", "a 73-yard drive" / "the 73-yard
    game winning drive": the shorter ends the longer.  "a 47-yard field goal" / "a 47-yard
    field goal moments later": it begins it (the subject read on past the noun).
    Plurals count as one word ("32-bit versions").  "12-foot wall" / "14-foot fence" stay two.
    """
    x = [singular(part) for word in a for part in word.split("-") if part]
    y = [singular(part) for word in b for part in word.split("-") if part]
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return bool(short) and (long[:len(short)] == short or long[-len(short):] == short)


def same_subject(a: Claim, b: Claim) -> bool:
    """A "7-yard touchdown" and "205 yards" passing are different facts: when both
    claims name what they measure, it must agree; and so must a rate.

    A name and a common noun may be one subject ("a 23-year-old man", "23-year-old
    John Jenkin"); two names must share the surname, give or take a slip ("Duncan
    Rait"/"Duncan Raite"); two common nouns must name one thing (:func:`one_noun`)
    -- except for ages, where outlets call one person a "boy" or a "teenager", a
    "man" or a "climber", though never a "boy" and a "girl".
    """
    if a.get("per") != b.get("per"):
        return False  # "$23 million per season" is not the contract's total
    sa, sb = a.get("subject"), b.get("subject")
    if not (sa and sb):
        return True
    sa, sb = str(sa), str(sb)
    if sa.casefold() == sb.casefold():
        return True
    wa, wb = sa.casefold().split(), sb.casefold().split()
    ga, gb = gender(wa), gender(wb)
    if ga and gb and not ga & gb:
        return False
    proper_a, proper_b = sa.split()[-1][:1].isupper(), sb.split()[-1][:1].isupper()
    if proper_a and proper_b:
        # "35-year-old Gomes" and "35-year-old Gary Gomes III": the same surname.
        return same_surname(sa, sb)
    if proper_a != proper_b:
        return True
    return bool(a.get("age") and b.get("age")) or one_noun(wa, wb)
