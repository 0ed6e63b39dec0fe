"""Suspended-hyphen ranges: "6- to 12-meter", "a 10- to 15-year sentence", "a 5- or 6-member panel".

The numbers extractor reads "12-meter" as one hyphenated figure and the
dangling "6-" before it as nothing, so a range a reporter wrote became its
upper end.  :func:`widen` replaces such a hyphenated figure by the range: the
claim starts at the first number (or at a qualifier before it: "about 6- to
12-meter"), ``value`` and ``low`` are the first number, ``high`` the second,
``bounds`` a range, and every other attribute (unit, dimension, subject) is the
hyphenated figure's.  Ages ("the 16- to 18-year-olds") are ranges of age the
same way.  "The 11- and 13-inch models" are two figures, not a range (the
first one gets the second's unit and attributes); "between 10- and 12-meter" is
a range.  Only ends in increasing order are read: "12- to 6-meter" is no
range, and a written end must be a whole number or a decimal in digits, or a
number word up to ninety-nine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factcheck.claims.base import Claim, make_claim
from factcheck.claims.bounds import figure_bounds, range_bounds
from factcheck.claims.numbers import _qualifier
from factcheck.claims.numwords import SMALL_PATTERN, parse_number, to_number
from factcheck.documents import Document

#: The dangling first end right before a hyphenated figure: "6- to ", "five- or ", "between 10- and ".
_LEFT_RE = re.compile(
    rf"(?P<between>(?<![\w'’-])between[ \t]+)?"
    rf"(?<![\w.,'’-])(?P<a>[0-9]{{1,6}}(?:\.[0-9]+)?|{SMALL_PATTERN})[ \t]*-[ \t]*(?P<w>to|or|and|–)[ \t]+$",
    re.IGNORECASE)
_WINDOW = 40


def _number(raw: str) -> int | float | None:
    if raw[0].isdigit():
        return to_number(Decimal(raw))
    v = parse_number(raw)
    return v if isinstance(v, int) else None


def widen(doc: Document, claims: list[Claim]) -> Iterator[Claim]:
    """``claims``, each hyphenated figure with a dangling first end before it made a range."""
    text = doc.text
    for c in claims:
        if c.kind != "quantity" or not c.get("hyphenated") or c.qualifier is not None or c.get("low") is not None \
                or not isinstance(c.value, int | float):
            yield c
            continue
        m = _LEFT_RE.search(text, max(0, c.start - _WINDOW), c.start)
        low = _number(m.group("a")) if m is not None else None
        if m is None or low is None or not 0 < low < c.value:
            yield c
            continue
        if m.group("w").lower() == "and" and not m.group("between"):
            # "the 11- and 13-inch models": two figures of one unit, not a range
            attrs = {**c.attrs, "bounds": figure_bounds(low, None).to_json()}
            yield make_claim("quantity", doc, m.start("a"), m.end("a"), low, unit=c.unit, **attrs)
            yield c
            continue
        q = _qualifier(text, m.start())
        attrs = {k: v for k, v in c.attrs.items() if k not in ("bounds", "approximate")}
        attrs.update(low=low, high=c.value, approximate=True,
                     bounds=range_bounds(low, c.value, q.phrase, approximate=False).to_json())
        yield make_claim("quantity", doc, q.start, c.end, low, unit=c.unit, qualifier=q.reported, **attrs)
