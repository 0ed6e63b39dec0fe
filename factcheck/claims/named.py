"""Figures named by the word before them: "a magnitude of 4.4", "the death toll ... to 11", "minus 20".

Most figures carry their unit or noun after them; a few are introduced by it.
An earthquake's magnitude is written "a preliminary magnitude of 4.4" or "a
magnitude 6.1 quake" as often as "a 6.1-magnitude quake" (which the numbers
extractor reads); a toll is "brought the death toll to 11".  Both are
``quantity`` claims: unit ``magnitude`` (dimension ``magnitude``), or no unit
with ``subject`` "death toll".  Only numbers that stand alone are read (not
"magnitude 6.1-7.0", not a year).  "minus 20" is a negative figure with no unit
(``negative`` True); "minus 20 degrees" stays the first pass's reading of the
measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factcheck.claims.base import Claim, make_claim
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numbers import _qualifier
from factcheck.claims.numwords import to_number
from factcheck.documents import Document

_FIGURE = r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?![\w%]|[.,:/-][0-9])"
#: A magnitude is one digit and its decimals; "4. 6" is a decimal a tokeniser split (ECB+ writes so).
_MAGNITUDE_RE = re.compile(
    r"(?<![\w'’-])(?i:magnitude)(?:[ \t]+(?i:of))?[ \t]+(?:(?i:about|around|nearly|some)[ \t]+)?"
    r"(?P<num>[0-9](?:\.[ ]?[0-9]{1,2})?)(?![\w%]|[.,:/-][0-9])")
_TOLL_RE = re.compile(
    r"(?<![\w'’-])(?i:death[ \t]+toll|toll)(?P<mid>[^.;:!?\n\d]{0,60}?)[ \t]+"
    rf"(?i:to|of|at|reached|hit|stood[ \t]+at|stands[ \t]+at|is|was|rose[ \t]+to|climbed[ \t]+to)[ \t]+{_FIGURE}")

#: "minus 20": a figure below zero, read when no unit follows (a unit's figure is the first pass's).
_MINUS_RE = re.compile(rf"(?<![\w'’-])(?i:minus)[ \t]+{_FIGURE}")

#: The largest magnitude read: past it the figure is something else ("magnitude 2010"?).
MAX_MAGNITUDE = 10


def read(doc: Document) -> Iterator[Claim]:
    """Magnitudes and death tolls of ``doc`` (see the module doc)."""
    text = doc.text
    lower = text.lower()
    if "magnitude" in lower:
        for m in _MAGNITUDE_RE.finditer(text):
            value = to_number(Decimal(m.group("num").replace(" ", "")))
            if not 0 < value <= MAX_MAGNITUDE:
                continue
            q = _qualifier(text, m.start("num"))
            yield make_claim("quantity", doc, q.start, m.end("num"), value, unit="magnitude", qualifier=q.reported,
                             dimension="magnitude", approximate=False, measure="magnitude",
                             bounds=figure_bounds(value, q.phrase).to_json())
    if "minus" in lower:
        for m in _MINUS_RE.finditer(text):
            value = -to_number(Decimal(m.group("num").replace(",", "")))
            q = _qualifier(text, m.start())
            yield make_claim("quantity", doc, q.start, m.end("num"), value, unit=None, qualifier=q.reported,
                             dimension=None, approximate=False, measure=None, negative=True,
                             bounds=figure_bounds(value, q.phrase).to_json())
    if "toll" in lower:
        for m in _TOLL_RE.finditer(text):
            raw = m.group("num")
            value = to_number(Decimal(raw.replace(",", "")))
            if isinstance(value, int) and 1000 <= value <= 2100 and "," not in raw:
                continue  # "the toll in 2010": a year
            yield make_claim("quantity", doc, m.start("num"), m.end("num"), value, unit=None, dimension=None,
                             approximate=False, measure=None, subject="death toll",
                             bounds=figure_bounds(value, None).to_json())
