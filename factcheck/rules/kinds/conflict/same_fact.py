"""Could two statements be one fact?  The tests every pairing path asks before its own.

Whatever evidence a path has that two statements state one fact (alike
sentences, one story, one subject), nothing about the two figures themselves
may rule it out: :func:`may_be_one` (same subject and measure, both needed or
both got, not credited to two differently named people); :func:`adjacent_agree`
(the word after the figure says what is counted); and the "one figure changed
among several" test of :func:`others_agree` and :func:`rest_agrees`.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.rules.kinds.conflict.exemptions import needed
from factcheck.rules.kinds.conflict.statements import Statement, same_order
from factcheck.rules.kinds.conflict.subjects import same_subject, same_surname
from factcheck.rules.kinds.conflict.text import stem


def may_be_one(a: Statement, b: Statement) -> bool:
    """Nothing about the two figures themselves rules out one fact: same subject and measure,
    both stated or both needed, not credited to differently named subjects, not said of
    things their sentences pick out by different figures, and not the ages of two named people."""
    if not same_subject(a.claim, b.claim) or not same_measure(a, b) or needed(a) != needed(b):
        return False
    if a.named is not None and b.named is not None and not same_surname(a.named, b.named):
        return False  # two people's ages: "26-year-old Christopher Simpson", "20-year-old Ka'Loni Flynn"
    if a.sized and b.sized and different_things(a.sized, b.sized):
        return False  # "the 13-inch version ... 2.5GHz" / "the 11-inch models ... 1.7GHz"
    # "Richard Carter scored 14 points" / "paced by 13 points from Seth VanDeest"
    return not (a.anchor and b.anchor and a.anchor.isdisjoint(b.anchor))


def different_things(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Do two sentences pick out different things by a figure of one unit ("13-inch" / "11-inch";
    see :func:`.statements.sized_things`)?  Only when no value of that unit is in both."""
    for unit in {u for u, _v in a} & {u for u, _v in b}:
        if {v for u, v in a if u == unit}.isdisjoint(v for u, v in b if u == unit):
            return True
    return False


def same_measure(a: Statement, b: Statement) -> bool:
    """Could two figures measure one thing?  The same counted words, or one's words all
    among the other's ("seven AK-47 rifles" / "seven AK-47 assault rifles": one outlet
    says more of the same weapons), and the same order of size (:func:`same_order`).

    "2,301 career points" and "2,290 points" count different things (a word one
    says and the other does not, with no word of its own); "20 points" and "2,290
    points", or "205 yards" and "4,183 yards", are a game and a career.
    """
    # The words of an age ("36-year-old", "aged 36", "Rait, 36") say how it is written, not what
    # it measures: two ages of one full name are one measure (see .holders).  Not two names a
    # slip apart ("17-year-old Jeremy Ortiz" / "Jerry Ortiz, 35": a son and his father), nor a
    # surname alone, which may be any of a family's, nor a name that is no person's ("the
    # 12-year-old IE6").
    if a.measure != b.measure and not (fully_named_age(a) and a.named == b.named and fully_named_age(b)):
        wa, wb = set(a.measure), set(b.measure)
        if not (wa and wb and (wa <= wb or wb <= wa)):
            return False
    return same_order(a.claim.value, b.claim.value)


def fully_named_age(f: Statement) -> bool:
    """Is the statement the age (as the extractor read it: ``age``, or the measure ``age``) of a
    person the article names in full, given and surname ("16-year-old Jermayne Timmons")?"""
    named = f.named
    return named is not None and len(named.split()) >= 2 and \
        (bool(f.claim.get("age")) or f.claim.get("measure") == "age")


def adjacent_agree(a: Statement, b: Statement) -> bool:
    """The word right after the figure says what is counted ("35 miles *southwest*",
    "45-yard *field* goal"): it must agree, unless both claims name a subject --
    in its stem, as outlets inflect one verb ("scoring 23 points and *becoming*" /
    "scored 23 points to *become*")."""
    if a.claim.get("subject") and b.claim.get("subject"):
        return True
    ia, ib = a.words.index("<>"), b.words.index("<>")
    return [stem(w) for w in a.words[ia + 1:ia + 2]] == [stem(w) for w in b.words[ib + 1:ib + 2]]


def rest_agrees(a: Statement, b: Statement) -> bool:
    """Do two documents give the same values for this measure, but for these two figures?

    Each giving one value is the simplest case ("two boats" / "three boats"); two
    articles giving several agree on all but one ("226 yards" and "101 yards" /
    "226 yards" and "111 yards"), counting all their values of the measure or only
    those of the figures' order of size ("23 points" and "2,129 points" / "23 points").
    Not for dates: every date of an article shares one measure, and two stories of
    many dates can agree on all but two of different years ("June 2010" / "July
    1997"); dates pair by closeness instead.
    """
    if a.claim.kind == "date":
        return len(a.given) == len(b.given) == 1
    # A season's total or a career's is not one of a game's values (see NearValues).
    return others_agree(a.given, a, b.given, b) or others_agree(a.near, a, b.near, b)


def others_agree(values_a: frozenset[str], a: Statement, values_b: frozenset[str], b: Statement) -> bool:
    """Setting aside the two figures compared, do both give the same other values?

    The one test behind "one figure changed among several", whether the values are
    those of a sentence (:func:`.paraphrase.paraphrase`) or of a whole document
    (:func:`rest_agrees`).
    """
    return values_a - {repr(a.claim.value)} == values_b - {repr(b.claim.value)}


def figures_clash(a: Statement, b: Statement) -> bool:
    """Do the two sentences give other figures of one kind and unit with no value in common
    ("4GB RAM ... 64GB flash storage" / "500GB of storage")?  Then they describe two things,
    and the figure compared is each one's.  ``Statement.others`` holds a lone figure's
    sentence's other figures (kind, unit, value)."""
    values_a: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, unit, value in a.others:
        values_a[(kind, unit)].add(value)
    values_b: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, unit, value in b.others:
        values_b[(kind, unit)].add(value)
    return any(key in values_b and values_a[key].isdisjoint(values_b[key]) for key in values_a)
