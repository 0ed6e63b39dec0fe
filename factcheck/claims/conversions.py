"""Conversions a writer gives: "50 km (31 miles)", "62 mph, or 100 km/h", "$1.30 to the euro".

The number extractor finds each figure; this module, run on its claims,
links a figure to the equivalent the writer gives for it in brackets or
after "or", so the ``figures/conversion`` rule can check the arithmetic
from claims alone, never re-reading the text.  It also reads the exchange
rates an article states, the only way a money conversion can be checked
(rates move: a rate from anywhere else would flag yesterday's article).

Attributes added (JSON objects, on quantity claims):

``conversion`` (on the first figure)
    The equivalent given for it: ``value``, ``unit``, ``start``/``end`` (its
    span), ``precision`` (the place value of its last significant digit as
    written: 100 for "9,800", 0.1 for "1.6", 1e9 for "$143 billion"; the
    rule's rounding tolerance) and ``joint`` ("bracket" or "or").
``exchange_rate`` (on a money figure followed by "to the euro", "per
dollar", "against the pound", or on the second of "€1 = $1.30")
    ``base`` (the currency priced), ``quote`` (the claim's currency) and
    ``rate`` (quote units per base unit).

A pair is linked only when both figures are single values (not ranges),
have units of one pint dimension (or are both money), differ in unit, and
agree on any rate ("barrels a day" against "cubic metres a day").  "or"
between two durations or data sizes is an alternative ("ten days or two
weeks", "a 512MB or 1GB card"), not a conversion, and so is "either ...
or": only brackets link those.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from factcheck.claims.base import Attrs, Claim
from factcheck.claims.units import COUNT, lookup
from factcheck.documents import Document

__all__ = ["link_conversions", "precision_of"]

#: What may stand between a figure and its bracketed equivalent; the equivalent's qualifier
#: ("about 40 miles") is part of its span already.
_BRACKET_RE = re.compile(r"[ \t]*\([ \t]*(?:or[ \t]+)?")
_BRACKET_CLOSE_RE = re.compile(r"[ \t]*[)/;,]")
#: Tried only on a gap that holds "or": on a long run of blanks its two blank runs backtrack in quadratic time.
_OR_RE = re.compile(r"[ \t]*,?[ \t]+or[ \t]+")
#: "either 516MB or 1GB": a choice, whatever the units.
_EITHER_RE = re.compile(r"\beither[ \t]+(?:[\w'’-]+[ \t]+){0,3}$", re.IGNORECASE)
#: Dimensions where "or" joins alternatives, not equivalents.
_OR_ALTERNATIVES = frozenset({"time", "data", "data rate"})
#: After a money figure: the currency it prices ("$1.30 to the euro").
_RATE_RE = re.compile(r"[ \t]+(?P<prep>to|per|against)[ \t]+(?:(?:the|one|each|every|1)[ \t]+)?"
                      r"(?P<cur>[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2})", re.IGNORECASE)
#: Before a money figure: the currency it prices ("with the euro at $1.30", "the euro was worth $1.35").
_RATE_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?P<cur>[A-Za-z]+)[ \t]+(?:(?:was|is|stood|traded|trading|closed|fell|rose|slipped|climbed)[ \t]+)?"
    r"(?:at|worth|fetching|to)[ \t]+$", re.IGNORECASE)
_EQUALS_RE = re.compile(r"[ \t]*(?:=|equals|is worth|buys)[ \t]*", re.IGNORECASE)
_DIGITS_RE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
#: Currency words that are money only in "to the pound", "against the pound" ("$5 per pound" is a price by weight).
_RATE_WORDS = {"pound": "GBP", "sterling": "GBP", "greenback": "USD"}
#: Dimensions whose figures never convert: no unit, counted nouns, scores, percentages.
_NO_CONVERSION = frozenset({COUNT, "score", "percent"})


def link_conversions(doc: Document, claims: list[Claim]) -> list[Claim]:
    """``claims`` (sorted, as the number extractor yields them) with ``conversion`` and
    ``exchange_rate`` attributes added where the text gives them."""
    text = doc.text
    extra: dict[int, dict[str, Any]] = {}
    figures = [(i, c) for i, c in enumerate(claims) if c.kind == "quantity" and c.unit is not None]
    for (i, a), (j, b) in itertools.pairwise(figures):
        if a.end > b.start:
            continue
        gap = text[a.end:b.start]
        either = "or" in gap and _OR_RE.fullmatch(gap) is not None
        joint = "bracket" if _BRACKET_RE.fullmatch(gap) and _BRACKET_CLOSE_RE.match(text, b.end) else \
            "or" if either and not _EITHER_RE.search(text, max(0, a.start - 40), a.start) else None
        if joint is not None and _convertible(a, b, joint):
            precision, numeral = _written(b)
            extra.setdefault(i, {})["conversion"] = {
                "value": b.value, "unit": b.unit, "start": b.start, "end": b.end, "precision": precision,
                "numeral": numeral, "joint": joint}
        if a.unit != b.unit and a.get("dimension") == b.get("dimension") == "money" and _EQUALS_RE.fullmatch(gap) \
                and a.value == 1:
            extra.setdefault(j, {})["exchange_rate"] = {"base": a.unit, "quote": b.unit, "rate": b.value}
    for i, c in enumerate(claims):
        if c.kind == "quantity" and c.get("dimension") == "money" and c.get("low") is None:
            rate = _rate_after(text, c)
            if rate is not None:
                extra.setdefault(i, {}).setdefault("exchange_rate", rate)
    return [dataclasses.replace(c, attrs=Attrs({**c.attrs, **extra[i]})) if i in extra else c
            for i, c in enumerate(claims)]


def _convertible(a: Claim, b: Claim, joint: str) -> bool:
    da, db = a.get("dimension"), b.get("dimension")
    if da is None or da != db or da in _NO_CONVERSION or a.unit == b.unit:
        return False
    if a.get("low") is not None or b.get("low") is not None or a.get("per") != b.get("per"):
        return False
    return not (joint == "or" and da in _OR_ALTERNATIVES)


def _rate_after(text: str, c: Claim) -> dict[str, Any] | None:
    """"$1.30 to the euro": the exchange rate a money figure states, or None."""
    m = _RATE_RE.match(text, c.end)
    if m is None:
        before = _RATE_BEFORE_RE.search(text, max(0, c.start - 40), c.start)
        if before is None:
            return None
        code = _currency(before.group("cur").lower(), by_weight=False)
        return {"base": code, "quote": c.unit, "rate": c.value} if code is not None and code != c.unit else None
    words = m.group("cur").split()
    for k in range(min(3, len(words)), 0, -1):  # "hong kong dollar" before "dollar"
        form = " ".join(words[:k]).lower()
        code = _currency(form, by_weight=m.group("prep").lower() == "per")
        if code is not None:
            return {"base": code, "quote": c.unit, "rate": c.value} if code != c.unit else None
    return None


def _currency(form: str, *, by_weight: bool) -> str | None:
    """The ISO code a currency word names in a rate ("euro", "yen", "the pound" unless ``by_weight``)."""
    code = _RATE_WORDS.get(form) if not by_weight else None
    if code is None:
        u = lookup(form) or lookup(form + "s")
        code = u.canonical if u is not None and u.dimension == "money" else None
    return code


def precision_of(c: Claim) -> float:
    """The place value of the last significant digit of a figure as written: "9,800" -> 100,
    "31" -> 1, "1.60" -> 0.01, "$143 billion" -> 1e9; 1 for a figure written in words.

    Trailing zeros of a whole number are read as rounding ("40 miles" is to the nearest 10):
    the writer's precision is what a conversion may be off by.
    """
    return _written(c)[0]


def _written(c: Claim) -> tuple[float, list[Any] | None]:
    """The figure's precision (see :func:`precision_of`) and its numeral as written:
    [start, end, value of one written unit] ("$143 billion": the offsets of "143" and 1e9),
    so a rule can suggest a corrected figure in the writer's own form; None for words."""
    m = _DIGITS_RE.search(c.text)
    if m is None or not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
        return 1.0, None
    written = m.group(0).replace(",", "")
    try:
        d = Decimal(written)
    except InvalidOperation:
        return 1.0, None
    if not d:
        return 1.0, None
    scale = float(c.value) / float(d)
    exponent = d.as_tuple().exponent if "." in written else d.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return float(Decimal(1).scaleb(exponent)) * scale, [c.start + m.start(), c.start + m.end(), scale]


def linked(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that give a conversion, for rules and tests."""
    return [c for c in claims if c.get("conversion") is not None]
