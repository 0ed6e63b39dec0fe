"""Dates compared as the rule compares them: by the day they name and the event they date.

Two things set dates apart from other figures.  First, a US news article
mostly writes a date without its year ("which ends January 31"): the
extractor takes the year from the publication date (``year_inferred``) and
marks the claim ``relative``.  Such a date names a day as surely as "January
31, 2008" does, but for the year, which the writer left to the reader: it is
compared like an explicit date (:func:`compared`, :func:`claim_day`), and a
difference of the year alone is not held against it (:func:`year_slip`).

Second, an article of one story names several days of one week -- the
shooting, the arrest, the funeral -- so closeness in time alone cannot say that
two articles' dates date one event.  The word a date attaches to can
(:func:`factcheck.claims.dates.events.event_of`: "the June 20 shooting", "was
killed June 24", "which ends January 31"): two dates of one event pair however
many other days the articles name, two dates of different events never do by
closeness (:func:`near_days`), and the event word counts as a word the two
sentences share even where the outlets inflect it differently ("will end" /
"ends": :func:`event_shared`).  And an article that names the other side's
day itself gives both days as two facts ("found by a motel maid July 27 ...
the death occurred July 24"): no conflict.
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from factcheck.claims.base import Claim
from factcheck.claims.dates.events import event_of, normalise

if TYPE_CHECKING:
    from factcheck.rules.kinds.conflict.statements import Statement

#: The days each document names, sorted, each with the event it dates and where its sentence
#: starts (see :func:`named_days`).
DaysIn = dict[str, list[tuple[int, str, int]]]


def year_from_publication(c: Claim) -> bool:
    """A month-day date whose year the extractor took from the publication date ("January
    31", "Tuesday, July 27"): resolved to a day, relative only in its year."""
    return bool(c.kind == "date" and c.get("relative") and c.get("year_inferred") and c.get("granularity") == "day"
                and c.get("anchor_source") == "publication" and c.value is not None)


def compared(c: Claim) -> bool:
    """Is the claim compared within its story like an explicit one: not relative, or relative in
    its year only (:func:`year_from_publication`)?  "On Monday" is not: its day depends on the
    day its article was written, which two articles of one story rarely share."""
    return not c.get("relative") or year_from_publication(c)


def claim_day(c: Claim) -> date | None:
    """The day a date claim names ("June 27, 2001", "January 31" in its article's year), or
    None (a month, a year, "on Monday", a byline)."""
    if c.kind != "date" or c.get("granularity") != "day" or c.get("dateline") or not compared(c):
        return None
    try:
        return date.fromisoformat(str(c.value))
    except ValueError:
        return None


def year_slip(a: Claim, b: Claim) -> bool | None:
    """Two dates compared like explicit ones (:func:`compared`) whose anchors differ: True
    (legitimate) when one takes its year from its publication date and the years differ --
    the writer left the year to the reader, and "January 31" in a December article may mean
    the coming one; None (no opinion) when both name a day of one year."""
    ya, yb = str(a.value)[:4], str(b.value)[:4]
    return True if ya != yb and (year_from_publication(a) or year_from_publication(b)) else None


@functools.lru_cache(maxsize=1 << 14)
def _event(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    return event_of(text, start, end, sentence)


def event(f: Statement) -> str | None:
    """The stem of what ``f``'s date dates (:func:`.events.event_of`), or None; read once per claim."""
    c = f.claim
    return _event(f.doc.text, c.start, c.end, c.sentence)


def named_days(facts: Iterable[Statement]) -> DaysIn:
    """The days each document names (:func:`claim_day`), each with its event ("" for none) and
    the start of its sentence, sorted."""
    named: dict[str, set[tuple[int, str, int]]] = defaultdict(set)
    for f in facts:
        if (d := claim_day(f.claim)) is not None:
            named[f.doc.path].add((d.toordinal(), event(f) or "", f.claim.sentence[0]))
    return {path: sorted(days) for path, days in named.items()}


def near_days(a: Statement, b: Statement, days_in: DaysIn, near: int) -> bool:
    """Two day-precise dates of one story at most ``near`` days apart (the rule's
    ``near_days``): one event misdated?

    An outlet's slip is rarely more than a few days off (a weekday confused, a day lost
    to time zones).  But a story has several events close in time, so:

    * an article that names the other side's day itself, beside its own date or for its
      own date's event, gives both as two facts (:func:`_two_facts`);
    * two dates of one event (:func:`event`) pair however many other days the articles
      name -- unless an article names another day for that very event;
    * two dates of different events stay apart where an article dates the other's event
      itself ("the April 8 funeral ... the April 10 stabbing"); where neither does, the
      two words may be one event told in two ("hired him as head coach" / "joined the
      Blazers"), and closeness decides, as for dates of no event:
    * an article naming another day of that week besides these two tells of several
      events ("restored on 11 October", "running again on 12 October"): its dates are
      not paired.
    """
    da, db = claim_day(a.claim), claim_day(b.claim)
    if near <= 0 or da is None or db is None or abs((da - db).days) > near:
        return False
    pair = (da.toordinal(), db.toordinal())
    ea, eb = event(a), event(b)
    one = bool(ea) and ea == eb
    if pair[0] != pair[1] and (_two_facts(days_in, a, pair[1], one) or _two_facts(days_in, b, pair[0], one)):
        return False  # the article gives both days: two facts
    if ea and eb and not one and (_dates(days_in, a, eb) or _dates(days_in, b, ea)):
        return False  # an article dates the other's event itself: two events of one week
    for d, f in zip(pair, (a, b), strict=True):
        days = days_in.get(f.doc.path, [])
        around = days[bisect.bisect_left(days, (d - near,)):bisect.bisect_right(days, (d + near, "\uffff"))]
        if one:
            if any(e not in pair and what == ea for e, what, _s in around):
                return False  # another day of this very event: the article is unsure, or tells of two
        elif any(e not in pair for e, _what, _s in around):
            return False
    return True


def _dates(days_in: DaysIn, f: Statement, what: str) -> bool:
    """Does ``f``'s document date the event ``what`` on some day?"""
    return any(e == what for _d, e, _s in days_in.get(f.doc.path, []))


def _two_facts(days_in: DaysIn, f: Statement, day: int, one: bool) -> bool:
    """Does ``f``'s article itself give ``day``, the other article's, as another fact than
    ``f``'s date?  So it does beside it in one sentence ("found by a motel maid July 27, but
    ... the death occurred July 24"), or for the very event ``f``'s date dates, which it
    then tells of twice ("On July 13, Obama announced ..." / "the July 8 announcement").
    Not when both articles' dates date one event (``one``) and so does the article's other
    mention of ``day``: an article giving one event two days contradicts itself.  A mention
    in another sentence dating another event, or none read, tells nothing of ``f``'s."""
    own, sentence = event(f), f.claim.sentence[0]
    days = days_in.get(f.doc.path, [])
    i = bisect.bisect_left(days, (day,))
    while i < len(days) and days[i][0] == day:
        _d, what, start = days[i]
        i += 1
        if one and what == own:
            continue
        if start == sentence or (own and what == own):
            return True
    return False


def event_shared(a: Statement, b: Statement) -> int:
    """1 when two dates date one event in words their sentences do not share as words ("will
    end" / "ends"), else 0: the event is one more word the sentences have in common."""
    if a.claim.kind != "date":
        return 0
    ea = event(a)
    if not ea or ea != event(b):
        return 0
    return 0 if any(normalise(w) == ea for w in a.sentence & b.sentence) else 1
