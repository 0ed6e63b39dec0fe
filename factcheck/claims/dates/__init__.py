"""Date claims: calendar dates and relative expressions, resolved against the publication date.

Why a hand-written recogniser instead of ``dateparser.search.search_dates``:
search_dates tries every token as a possible date, so on news text it reports
"we", "may consider", "a second round", "Mar-a-Lago", "Kim Jun", "sat",
"now", "the day" ... as dates, and it is slow (tens of milliseconds per
article).  A fact checker that flags a contradiction between two dates must
not invent either of them, so here precision comes first: a token only
becomes a date when the surrounding words make it one ("in May", "May 3",
"since 2006"), and nothing is guessed that the text and the publication date do
not give (no day for "in December", no year without a publication date, never
today's date).  The grammar is a handful of precompiled regular expressions,
one per family, tried only where a trigger pass found a token a date can
start with (a digit, a month or weekday name, a relative keyword); dateparser
is not needed to normalise what they find.  About 0.3 ms per 2 KB article,
some hundred times faster than search_dates.

Families (each a combined pattern):

* full dates with a year: ISO ``2019-12-30``, ``2019/12/30``, unambiguous
  slashed dates ``11/30/2009``, ``December 30, 2019``, ``Dec. 7-9, 2019``,
  ``10th February, 2020``;
* month + year (``December 2019``), month + day without a year (``Jan. 8``,
  ``30 December``: the year comes from the publication date);
* a month alone (``in October``, ``since March``, ``last December``, ``mid-May``,
  ``a January referendum``): only after a preposition or modifier, or between a
  determiner and a noun, because the bare words are also a verb ("may"), a
  noun ("march"), an adjective ("august") or a name;
* years (``in 2016 and 2017``, ``since 2006``, ``mid-2018``, ``the 2016
  election``), compact spans (``2008-09 season``, ``from 1978-89``) and decades
  (``the 1990s``);
* weekdays (``on Monday``, ``called Thursday``, ``next Monday``), merged with
  an adjacent date into one weekday+date claim (``Wednesday, Jan. 8, 2020``);
* relative expressions (``yesterday``, ``last year``, ``earlier this month``,
  ``two years ago``, ``two decades ago``, ``at the weekend`` (the one before
  publication, or the coming one when the clause points ahead), ``a month
  before that``, ``the next day``, ``the next year``), and anaphoric ones that
  take the date before them (``that year``, ``later that month``, ``the same
  year``, ``September of that year``).

Attributes (every claim has the same keys, so rules need no ``get`` defaults):

``granularity``  day | week | month | year | decade (a week's value is its ISO week,
                 ``2019-W52``; "last week", "two weeks ago", "this weekend")
``modifier``     since/before/after/until/early/mid/late/earlier/later or None
``relative``     True when anything was resolved against an anchor
``resolved``     the ISO value (equal to ``value``) or None
``reason``       why ``value`` is None (e.g. "publication date unknown"), else None
``anchor``       ISO date/value the relative claim was resolved from, or None
``anchor_source`` "publication" | "previous-claim" ("a month before that", "two days
                 later", "the next day", "that year") | "following-claim" ("a day before Dec. 30,
                 2019") | None
``tense``        past | future | present for relative claims: how the clause points
                 (nearby cues such as "will", "is due to", "said", "-ed").  With no
                 cue a weekday is taken as past (news mostly reports) and a month or
                 month-day as the nearest one; ``tense`` then records the direction
                 taken.  For explicit dates the clause's tense is recorded (None
                 when no cue) but never used to resolve them.
``weekday``      "Monday"... when the text names a weekday, else None
``weekday_matches`` for weekday+date pairs: whether the weekday is the date's
                 real weekday (None when the date is unresolved or no pair)
``year_inferred`` True when the year came from the publication date
``range_end``    last year of a compact span ("2008-09" -> "2009"), else None
``dateline``     True when the span is the document's own dateline/byline date, or
                 stands on a timestamp line ("Posted: Nov 27, 2005 8:20 AM ET")

Spans include words that change the meaning (``since 2006``, ``late last
year``, ``next Monday``, ``mid-2018``) but not neutral prepositions (the claim
for "on Monday" is ``Monday``; for "In December" it is ``December``).

A compact span such as ``2008-09`` (a sports season or a fiscal year) is one
claim at year granularity valued by its first year, with ``range_end`` giving
the last: it is not a range of days and not the ISO month 2008-09.  Slashed
numeric dates are taken only when unambiguous (a part above 12, or equal
parts): 03/04/2019 is April in Britain and March in the US.

Parts
-----
:mod:`.vocabulary` (word lists and the precompiled patterns),
:mod:`.forms` (the candidate record, the words before a date and shared word tests),
:mod:`.families` (full dates, months, years, weekdays), :mod:`.relative` (relative
expressions), :mod:`.candidates` (the trigger pass and the non-overlapping choice) and
:mod:`.resolution` (values against the publication date, and the ``dates``
extractor).  The public names are re-exported here.
"""

from __future__ import annotations

from factcheck.claims.dates.resolution import extract
from factcheck.claims.dates.vocabulary import CENTURY, EVENT_ANCHOR, NO_PREVIOUS, NOT_A_DATE, PUB_UNKNOWN

__all__ = ["CENTURY", "EVENT_ANCHOR", "NOT_A_DATE", "NO_PREVIOUS", "PUB_UNKNOWN", "extract"]
