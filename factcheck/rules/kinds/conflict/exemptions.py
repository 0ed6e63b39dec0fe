"""Legitimate differences: two values of one fact that are not a conflict, as a list of named checks.

A pair of statements the pairing takes for one fact, with different values, is
reported only when no exemption explains the difference.  Each exemption is a
small function of the two statements and the rule's options, answering
``True`` (a legitimate difference: stay silent), ``False`` (a conflict, and no
later exemption may excuse it: the ages of one person that the years between
two articles cannot explain) or ``None`` (no opinion: ask the next).  The rule
asks them in the order of :data:`EXEMPTIONS` (:func:`legitimate`); a pair none
excuses is a conflict.  Tests and benchmarks enumerate the list.

One more difference is ruled out earlier, at pairing: a figure needed is not a
figure got (:func:`needed`, asked by ``same_fact.may_be_one``), so the two are
never one fact and do not even second a majority.  What values an approximate
or bounded figure admits is read in :mod:`.qualifiers`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

from factcheck.documents import Document
from factcheck.rules.kinds.conflict.dates import compared, year_slip
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.qualifiers import compatible, interval, is_toll
from factcheck.rules.kinds.conflict.statements import Statement, day_of, sentence_text
from factcheck.rules.kinds.conflict.subjects import same_person

#: How far apart (largest over smallest) two conversions of one figure may be: exchange
#: rates move by a few percent a month, and a unit converted rounds.
CONVERSION_SPREAD = 1.2


_NEED_PREFIX = frozenset((w,) for w in "need needs needed needing require requires required requiring".split())


def needed(f: Statement) -> bool:
    """Is the figure one that is needed rather than one that is ("needed nine points to pass
    Ford", "requires 60 votes", "was three votes short of")?  What someone needs and what
    they got are two facts, however alike the sentences."""
    before, after = f.phrase
    return before[:1] in _NEED_PREFIX or after[:2] in (("short", "of"), ("shy", "of"))


#: A time unit's length in days, for a running time (see running).
_DAYS_IN = {"hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def running(f: Statement) -> bool:
    """Is the figure a time still running when the article was written ("after eight days
    of riots", "12 weeks into the strike", "for the past three nights")?  It grows with
    the day of writing, as a toll does: two articles of two days give two values."""
    if f.claim.unit not in _DAYS_IN:
        return False
    before, after = f.phrase
    return (before[:1] == ("after",) and after[:1] == ("of",)) or after[:1] == ("into",) or \
        before[:2] in (("past", "the"), ("last", "the"))


def ran_impossibly(a: Statement, b: Statement) -> bool:
    """Two running times of one thing that the days between their articles cannot explain:
    the later article's must be longer by those days, give or take one unit.  Unknown
    when a publication date is."""
    va, vb = a.claim.value, b.claim.value
    if a.doc.pub_date is None or b.doc.pub_date is None or \
            not isinstance(va, (int, float)) or not isinstance(vb, (int, float)):
        return False
    ua, ub = _DAYS_IN[str(a.claim.unit)], _DAYS_IN[str(b.claim.unit)]
    grown = vb * ub - va * ua  # how much longer b's time is than a's
    return abs(grown - (b.doc.pub_date - a.doc.pub_date).days) > max(ua, ub)


def two_rates(a: Statement, b: Statement) -> bool:
    """Two conversions of one figure at two rates of the day: within CONVERSION_SPREAD."""
    va, vb = a.claim.value, b.claim.value
    if a.converts is None or a.converts != b.converts or \
            not isinstance(va, (int, float)) or not isinstance(vb, (int, float)):
        return False
    low, high = sorted((va, vb))
    return 0 < low and high <= CONVERSION_SPREAD * low


def aged_impossibly(a: Statement, b: Statement, apart: int) -> bool:
    """Ages of one named person in articles published ``apart`` days apart that the
    time between them cannot explain.

    A person ages as the articles do: "34-year-old Zurana Horton" in October 2011
    may be 34 (her age when she died), 35 or 36 in April 2013 -- never 17, nor 33.
    """
    if a.named is None or b.named is None or not same_person(a.named, b.named):
        return False
    assert a.doc.pub_date is not None and b.doc.pub_date is not None
    early, late = (a, b) if a.doc.pub_date <= b.doc.pub_date else (b, a)
    ve, vl = early.claim.value, late.claim.value
    if not isinstance(ve, (int, float)) or not isinstance(vl, (int, float)):
        return False
    return not ve <= vl <= ve + math.ceil(apart / 365.25)


def days_apart(a: Document, b: Document) -> int | None:
    """Days between two documents' publication, or None when either date is unknown."""
    if a.pub_date is None or b.pub_date is None:
        return None
    return abs((a.pub_date - b.pub_date).days)


#: An exemption: (statement, statement, options) -> True (legitimate), False (a conflict,
#: decided), None (no opinion).  See the module docstring.
Exemption = Callable[[Statement, Statement, ConflictOptions], bool | None]


def approximation(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Values both claims admit: approximations are compatible with values they cover
    ("about 500,000" with "498,000"; "more than 80" with "82"; "dozens" with "82"), and
    a date with a more precise one ("June 2001" with "June 27, 2001"); see
    :func:`.qualifiers.compatible`."""
    return True if compatible(a.claim, b.claim) else None


def two_values_per_sentence(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Each sentence gives both values ("a 15-year-old girl ... a 12-year-old girl",
    "$1,099 for the 13-inch and $1,799 for the 15-inch"): two facts, not one, whichever
    way the contexts paired them."""
    return True if repr(a.claim.value) in b.values and repr(b.claim.value) in a.values else None


def conversion(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Two conversions of one figure at the rates of two days ("€110 billion ($158
    billion)" / "€110 billion ($143 billion)"), within :data:`CONVERSION_SPREAD`: the
    figure converted is the fact, and is compared itself (see :func:`two_rates`)."""
    return True if two_rates(a, b) else None


def relative_days(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """A relative date anchored on different days: "on Monday" in two articles of
    different days names different days.  A month-day date ("January 31") is relative in its
    year only, and compared like an explicit one but for the year (:func:`.dates.year_slip`)."""
    if (a.claim.get("relative") or b.claim.get("relative")) and a.claim.get("anchor") != b.claim.get("anchor"):
        return year_slip(a.claim, b.claim) if compared(a.claim) and compared(b.claim) else True
    return None



#: Words that date what a sentence tells on the day its article was written ("announced today").
_TODAY_RE = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)


def of_the_day(f: Statement) -> bool:
    """Is the date the day its own article was published, told as that day's news ("Seacom
    announced on Twitter today (20 October 2011)")?"""
    day = day_of(f.claim)
    return day is not None and day == f.doc.pub_date and bool(_TODAY_RE.search(sentence_text(f)))


def own_days(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Each article dates what it tells on its own day of publication ("announced today (14
    October 2011)" / "announced today (20 October 2011)"): two announcements made on two
    days, as a story of several days has, not one event misdated (:func:`of_the_day`)."""
    return True if of_the_day(a) and of_the_day(b) else None

def far_apart(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Articles published more than ``max_days_apart`` apart report different events even
    in the same words -- unless they give the ages of one named person that the years
    between them cannot explain (:func:`aged_impossibly`): then the conflict is decided.
    Not with an explicit fact key (``select``), which says the facts are one."""
    apart = days_apart(a.doc, b.doc)
    if not settings.explicit and apart is not None and apart > settings.max_days_apart:
        return not aged_impossibly(a, b, apart)
    return None


def running_time(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """Two times still running when written ("after eight days of riots", see
    :func:`running`) grow with the day of writing: legitimate when the days between the
    articles explain the difference, a decided conflict when they cannot
    (:func:`ran_impossibly`)."""
    if running(a) and running(b):
        return not ran_impossibly(a, b)
    return None


#: Words that make a figure a running total, summed over a story's events so far ("So far the
#: navy has confiscated 14 rifles", "a total of 31 magazines"), rather than one event's count.
_TOTAL_RE = re.compile(r"\b(?:so far|thus far|to date|in all|all told|altogether|in total|a total of|"
                       r"running total|cumulative)\b", re.IGNORECASE)


def cumulative(f: Statement) -> bool:
    """Does the figure's sentence give it as a running total ("So far the navy has confiscated
    14 AK 47 rifles")?  A story tells of several events, and a total over them is another
    fact than one event's count ("During the operation, six AK 47 rifles ... were found")."""
    return bool(_TOTAL_RE.search(sentence_text(f)))


def running_total(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """A running total against one event's figure (:func:`cumulative`): two facts of one
    story, the total grows with every event.  Two totals, or two counts, are compared."""
    return True if cumulative(a) != cumulative(b) else None


def later_update(a: Statement, b: Statement, settings: ConflictOptions) -> bool | None:
    """A larger toll in a later article is an update, not a conflict (``allow_updates``):
    qualified or approximate counts ("at least 82", "dozens") and counts of casualties,
    arrests or evacuees grow as reports come in (:func:`.qualifiers.is_toll`); "12
    Somali nationals" becoming 24 does not."""
    apart = days_apart(a.doc, b.doc)
    if settings.allow_updates and apart and a.claim.kind in ("quantity", "count") \
            and (is_toll(a.claim) or is_toll(b.claim)):
        assert a.doc.pub_date is not None and b.doc.pub_date is not None
        early, late = (a, b) if a.doc.pub_date < b.doc.pub_date else (b, a)
        ie, il = interval(early.claim), interval(late.claim)
        if ie is not None and il is not None and il[0] >= ie[0]:
            return True
    return None


#: The exemptions, in the order the rule asks them: the first with an opinion decides.
EXEMPTIONS: tuple[Exemption, ...] = (approximation, two_values_per_sentence, conversion, relative_days, own_days,
                                     far_apart, running_time, running_total, later_update)


def legitimate(a: Statement, b: Statement, settings: ConflictOptions) -> bool:
    """Is the difference between two statements paired as one fact legitimate?  The first
    of :data:`EXEMPTIONS` with an opinion decides; with none, it is a conflict."""
    for exemption in EXEMPTIONS:
        verdict = exemption(a, b, settings)
        if verdict is not None:
            return verdict
    return False


def legitimate_for(f: Statement, ref: Statement, dated: Sequence[Statement], settings: ConflictOptions) -> bool:
    """Is ``f``'s difference from ``ref`` legitimate, judged by ``f``'s own article?

    Groups chain pairs, so a statement can join one through another article's
    statement of its own value, and be legitimate against the reference where that
    one is not ("26-year-old Christopher Simpson" in January, "27-year-old" in
    September: he had a birthday).  An undated ``f`` is judged by ``dated``, its
    dated copies (:func:`dated_copies`): it was written when they were.
    """
    if legitimate(f, ref, settings):
        return True
    return f.doc.pub_date is None and bool(dated) and all(legitimate(g, ref, settings) for g in dated)


def dated_copies(f: Statement, facts: Sequence[Statement], seconds: Iterable[int]) -> list[Statement]:
    """The dated statements among ``seconds`` (those seconding the undated ``f``) that give
    its sentence word for word: the copies that tell when it was written.  Read only for
    an undated ``f``, once however many references it is judged against."""
    said = sentence_text(f)
    return [facts[j] for j in seconds if facts[j].doc.pub_date is not None and sentence_text(facts[j]) == said]
