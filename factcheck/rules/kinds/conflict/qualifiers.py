"""What values a figure admits, as the extractor read them: "about", "more than", "exactly".

The conflict rule keeps no qualifier table of its own: the number extractor
reads every qualifier once, from the one table in
:mod:`factcheck.claims.bounds`, and gives each quantity, count and numeric
vote its ``bounds``.  A table here used to drift from the extractor's, and any
qualifier it did not list made a figure approximate (±10 %), so "exactly 500"
was read as 450-550.  A numeric claim without bounds (an ordinal, a "2/3"
majority) is exact.

:func:`compatible` is what every comparison asks in the end: can both
statements be true of one fact?  :func:`is_toll` says which figures grow as
reports come in (see the ``later_update`` exemption).
"""

from __future__ import annotations

import re

from factcheck.claims.base import Claim
from factcheck.claims.units import COUNT

_INF = float("inf")


def interval(c: Claim) -> tuple[float, float] | None:
    """The values a numeric claim admits, ends included, from its bounds ("more than 80":
    80 to infinity, "up to 80": 0 to 80, "about 80": 72 to 88); None for a non-numeric value.

    Inclusive even where the qualifier excludes its figure ("less than 500" and "500"
    may be one fact told by two outlets' roundings); an open end is 0 or infinity.
    """
    v = c.value
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    b = c.bounds
    if b is None:
        return float(v), float(v)
    return (float(b.low) if b.low is not None else 0.0), (float(b.high) if b.high is not None else _INF)


_TOLL_RE = re.compile(r"\b(?:dead|deaths?|died|killed|kill|injur\w*|wounded|hurt|missing|victims?|casualt\w*|"
                      r"people|persons|arrest\w*|evacuat\w*|displaced|homeless|survivors?|bodies|fatalit\w*)\b")


def is_toll(c: Claim) -> bool:
    """A figure that grows as reports come in: a bounded or approximate count
    ("at least 82", "dozens"; not "exactly 82", which insists on its figure), or a
    count of casualties, arrests, evacuees.  A measurement is not a count ("chased
    him for about 30 miles", "about $50 million"): its approximation is an outlet's
    rounding, not an early tally."""
    b = c.bounds
    if b is not None and b.kind != "exact" and c.get("dimension") in (None, COUNT):
        return True
    return bool(_TOLL_RE.search(c.text.casefold())) or bool(c.unit and _TOLL_RE.search(c.unit))


def compatible(a: Claim, b: Claim) -> bool:
    """Can both claims be true of one fact?"""
    if a.kind == "date":
        return a.value == b.value or not isinstance(a.value, str) or not isinstance(b.value, str) \
            or a.value.startswith(b.value) or b.value.startswith(a.value) or a.get("modifier") != b.get("modifier")
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return a.value == b.value
    return ia[0] <= ib[1] and ib[0] <= ia[1]
