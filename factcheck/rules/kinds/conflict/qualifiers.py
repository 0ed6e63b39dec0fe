"""What values a figure admits, read from its qualifier: "about", "more than", "up to".

This is the one place the conflict rule reads qualifiers, so that switching to
numeric bounds the extractors provide (``low``/``high`` on the claim, already
honoured first by :func:`interval`) means changing this module alone.  The
tables below are the rule's own reading of a qualifier the claim gives no
bounds for; any qualifier they do not list makes the figure approximate
(±10 %).  :func:`compatible` is what every comparison asks in the end: can both
statements be true of one fact?  :func:`is_toll` says which figures grow as
reports come in (see the ``later_update`` exemption).
"""

from __future__ import annotations

import re

from factcheck.claims.base import Claim

#: Qualifiers that bound a value from below ("more than 80": 80 to infinity).
MOD_LOW = {"more than": 1, "over": 1, "at least": 0, "upwards of": 1}
#: Qualifiers that bound a value from above ("up to 80": 0 to 80).
MOD_HIGH = {"less than": -1, "fewer than": -1, "under": -1, "up to": 0, "at most": 0, "no more than": 0}
#: Qualifiers that make a value approximate (±10 %); so does any qualifier not listed here.
MOD_APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated",
              "estimated", "close to", "more or less", "approx", "circa"}


def interval(c: Claim) -> tuple[float, float] | None:
    """The values a numeric claim admits: exact, approximate (±10 %), bounded or a range."""
    v = c.value
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    low, high = c.get("low"), c.get("high")
    q = (c.qualifier or "").casefold()
    if c.get("approximate") or low is not None or high is not None:
        lo = float(low) if isinstance(low, (int, float)) else float(v)
        hi = float(high) if isinstance(high, (int, float)) else float("inf")
        return lo, hi
    if q in MOD_LOW:
        return float(v), float("inf")
    if q in MOD_HIGH:
        return 0.0, float(v)
    if q in MOD_APPROX or q:
        return float(v) * 0.9, float(v) * 1.1
    return float(v), float(v)


_TOLL_RE = re.compile(r"\b(?:dead|deaths?|died|killed|kill|injur\w*|wounded|hurt|missing|victims?|casualt\w*|"
                      r"people|persons|arrest\w*|evacuat\w*|displaced|homeless|survivors?|bodies|fatalit\w*)\b")


def is_toll(c: Claim) -> bool:
    """A figure that grows as reports come in: a qualified or approximate count
    ("at least 82", "dozens"), or a count of casualties, arrests, evacuees.  A
    measurement is not a count ("chased him for about 30 miles", "about $50 million"):
    its approximation is an outlet's rounding, not an early tally."""
    if (c.qualifier or c.get("approximate") or c.get("low") is not None) and not c.get("dimension"):
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
