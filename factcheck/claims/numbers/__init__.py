"""Numeric claims: quantities, counts, ordinals, votes and enumerations.

Numbers are what consistency rules compare most ("six nuclear tests" here,
"five" there; "a 15-member council" vs "the 14 members"), so each number is
reported with what it measures.  Precision beats recall: a missed number
costs one unchecked fact, a wrong one (a year read as a quantity, "one of the
world's" as a count) costs a false alarm in every article that mentions it.

Kinds and conventions
---------------------
``quantity``
    A measured amount: money, percentages, physical and time units,
    hyphenated modifiers ("15-member", "90-day", "32-year-old"), numbers with
    a scale word ("4 million", "$2 billion"), approximate ranges ("tens of
    thousands", "dozens") and explicit ranges ("between 10 and 20").
    ``value`` is the number (int when integral, else float; the lower bound
    for ranges).  ``unit`` is lower-case and singular: the unit ("barrel",
    "kilometer", "percent", "percentage point", "year") or the counted noun
    for big/approximate counts ("laborer").  Money is always an ISO 4217
    code -- "USD" for "$" and "dollars", "EUR", "GBP", "JPY", "CNY"... -- so
    "$2 billion" and "2 billion dollars" compare equal.  Attributes:
    ``dimension`` (money, percent, length, area, volume, mass, time, speed,
    temperature, power, energy, score, or None), ``approximate`` (True for
    ranges), ``low``/``high`` (ranges only; ``high`` may be None),
    ``subject`` (the thing measured: "oil" in "barrels of oil", "Security
    Council" in "15-member Security Council"), ``per`` (rates: "500,000
    barrels a year" has ``per="year"``), ``noun`` (counted noun phrase),
    ``hyphenated`` and ``age`` ("32-year-old"); ``bounds``, what the
    qualifier lets the figure mean (see :mod:`factcheck.claims.bounds`), and
    ``measure``, the unit or counted noun ("age" for ages) that statements of
    one fact share.
``count``
    An exact tally of discrete things: an integer below 1,000 written
    without a scale word, followed by a plural countable noun that is not a
    measurement unit ("six nuclear tests", "three sanctions resolutions").
    Bigger or scaled numbers ("12,000 troops", "4 million people") are
    quantities, because they are nearly always rounded and must be compared
    with tolerance, whereas counts are compared exactly.  ``unit`` is the
    singular head noun ("test"), attribute ``noun`` the noun phrase, and
    ``bounds`` and ``measure`` as for quantities.
``ordinal``
    "fourth visit", "second round", "first-ever summit", "21st century".
    ``value`` int, ``unit`` the singular head noun (None for a bare "2nd").
``vote``
    Thresholds ("needs nine votes in favor and no vetoes"), tallies ("passed
    13-0 with two abstentions", "nine in favor and three against"),
    fractional majorities ("a two-thirds majority", value "2/3") and plain
    "N votes".  Unit "vote"; attributes among ``in_favor``, ``against``,
    ``abstentions``, ``vetoes``, ``threshold``, ``total``, ``votes``,
    ``majority``.
``enumeration``
    A stated count followed by the list it counts ("six-party talks between
    A, B, C, D, E and F"): ``value`` the stated count, attributes ``items``,
    ``item_count``, ``stated``, ``noun`` and ``partial`` ("including ...").

Spans: a claim's text starts at its qualifier ("more than 500 people") or
at "between" for ranges, and runs through the unit or counted noun, and
through a rate when there is one; an ``of``-subject is reported but not
spanned unless a rate follows it.

Never extracted: years ("in 2016", "2008-09 season"), dates ("December 30",
"10th February"), times ("9:30"), numbers glued to words or inside URLs
("a68775", "/2019/12/30/"), labels ("Apollo 11", "Resolution 2397", "No. 5"),
and "one" unless it measures a unit ("one year"): "no one", "one of the",
"one another" are pronouns, not numbers.

Speed: every pattern is a precompiled regex run once over the text; Python
code only runs per match, looking at a bounded window around it.  Patterns
that would fail at most places are guarded by a test in C that they can
match there: the words before a figure (:mod:`factcheck.claims.before`), the
word after it (:mod:`factcheck.claims.ahead`), the words a document must
hold (votes); each guard is only a necessary condition, so the regex still
decides and the output is the bare pattern's.

Parts
-----
The package is split by what each part knows, in import order:
:mod:`.vocabulary` (word lists), :mod:`.patterns` (the precompiled regexes),
:mod:`.tokens` (reading a number at an anchor), :mod:`.context` (the words
around it), :mod:`.votes` (vote thresholds, tallies and majorities, read
first) and :mod:`.extractor` (classification and the ``numbers``
extractor).  The names other modules use are re-exported here, so
``factcheck.claims.numbers`` keeps its import paths.
"""

from __future__ import annotations

from factcheck.claims.numbers.context import _after_label as _after_label
from factcheck.claims.numbers.context import _np_words as _np_words
from factcheck.claims.numbers.context import _plural_head as _plural_head
from factcheck.claims.numbers.context import _qualifier as _qualifier
from factcheck.claims.numbers.extractor import _is_date_number as _is_date_number
from factcheck.claims.numbers.extractor import extract, extract_at
from factcheck.claims.numbers.patterns import _UNIT_RE as _UNIT_RE
from factcheck.claims.numbers.tokens import MAX_DIGITS as MAX_DIGITS
from factcheck.claims.numbers.tokens import _anchors as _anchors
from factcheck.claims.numbers.vocabulary import _unit as _unit
from factcheck.claims.numbers.vocabulary import singular, unit_of
from factcheck.claims.numwords import parse_number, spell_number

__all__ = ["extract", "extract_at", "parse_number", "singular", "spell_number", "unit_of"]
