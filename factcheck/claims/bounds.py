"""What a qualified figure admits: the one table of number qualifiers and the bounds they give.

"more than 500", "about 500", "exactly 500" and "up to 500" state one number and
four different facts.  Rules compare the facts, so the extractor reads the
qualifier once, here, and every quantity and count carries its ``bounds``:
a rule never keeps a qualifier list of its own that could drift from the
extractor's (a qualifier missing from such a list used to make "exactly 500"
read as 450-550).

Bound kinds (:data:`BOUND_KINDS`), with ``v`` the stated figure:

``exact``
    ``low == high == v``: no qualifier ("500 people"), or one that insists
    on the figure ("exactly", "precisely", and "just"/"only"-like "just 500",
    which stresses smallness but still gives the figure).  ``exact`` is True
    only when a word asserts precision ("exactly", "precisely"): a bare
    figure may be an outlet's rounding, an "exactly" one may not.
``approximate``
    ``low = v - 10 %``, ``high = v + 10 %`` (:data:`TOLERANCE`): "about",
    "around", "roughly", "some", "nearly", "almost", "an estimated"... The
    ±10 % is what the conflict rule has always allowed an approximation, kept
    so nothing it already knew changes.  "nearly"/"almost" keep the
    symmetric band for the same reason, although they lean below ``v``.
``at_least`` / ``more_than``
    A lower bound, ``high`` open (None): "at least", "no fewer than", "no
    less than", "as few as" (the low end of what is possible) include ``v``;
    "more than", "over", "above", "in excess of", "upwards of" exclude it.
    "well over"/"well above" put ``low`` at ``v + 10 %`` (within 10 % is
    "about", not "well over"); "just over"/"just above" close ``high`` at
    ``v + 10 %`` (past that is not "just").
``at_most`` / ``less_than``
    An upper bound, ``low`` open (None): "at most", "up to", "no more
    than", "as many as", "as much as" include ``v``; "less than", "fewer
    than", "under", "below" exclude it.  "well under"/"well below" put
    ``high`` at ``v - 10 %``; "just under"/"just below" close ``low`` at
    ``v - 10 %``.
``range``
    Two stated ends: "between 10 and 20", "10 to 20", "10-20", "two or
    three", and the approximate plurals ("dozens": 24 and up; "tens of
    thousands": 20,000-99,999).  ``low``/``high`` are the ends (``high`` None
    when open); a qualifier before a range is recorded but leaves the ends
    as stated.

``low``/``high`` are the bound values; whether the bound itself is admitted
is the kind's (``more_than``/``less_than`` exclude it; see
:meth:`Bounds.admits`).  ``approximate`` says the figure is only near the
truth (the approximate qualifiers, "just over"/"just under" and the
approximate plurals), so a rule may treat a small difference as rounding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from factcheck.claims.numwords import to_number

BoundKind = Literal["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range"]

#: Every bound kind, in the order the README documents them.
BOUND_KINDS: tuple[BoundKind, ...] = ("exact", "approximate", "at_least", "more_than", "at_most", "less_than",
                                      "range")

#: How far from the stated figure an approximate one may be, as a fraction of it.
TOLERANCE = Decimal("0.1")

_ONE = Decimal(1)
_UP = _ONE + TOLERANCE
_DOWN = _ONE - TOLERANCE

Number = int | float


@dataclass(frozen=True, slots=True)
class Reading:
    """How one qualifier bounds a figure: the bounds as multiples of it (None: open)."""

    kind: BoundKind
    low: Decimal | None
    high: Decimal | None
    approximate: bool = False
    exact: bool = False


_EXACT = Reading("exact", _ONE, _ONE)
_ASSERTED = Reading("exact", _ONE, _ONE, exact=True)
_ABOUT = Reading("approximate", _DOWN, _UP, approximate=True)
_AT_LEAST = Reading("at_least", _ONE, None)
_MORE = Reading("more_than", _ONE, None)
_WELL_OVER = Reading("more_than", _UP, None)
_JUST_OVER = Reading("more_than", _ONE, _UP, approximate=True)
_AT_MOST = Reading("at_most", None, _ONE)
_LESS = Reading("less_than", None, _ONE)
_WELL_UNDER = Reading("less_than", None, _DOWN)
_JUST_UNDER = Reading("less_than", _DOWN, _ONE, approximate=True)

#: Every qualifier the number extractor recognises before a figure, normalised
#: (lower case, single spaces), and how it bounds the figure.  The one source of
#: truth: the extractor's qualifier regex is built from these keys.
QUALIFIERS: Mapping[str, Reading] = {
    "exactly": _ASSERTED, "precisely": _ASSERTED, "just": _EXACT,
    "about": _ABOUT, "around": _ABOUT, "approximately": _ABOUT, "roughly": _ABOUT, "some": _ABOUT,
    "nearly": _ABOUT, "almost": _ABOUT, "close to": _ABOUT, "estimated": _ABOUT, "an estimated": _ABOUT,
    "more or less": _ABOUT,
    "at least": _AT_LEAST, "no fewer than": _AT_LEAST, "no less than": _AT_LEAST, "not less than": _AT_LEAST,
    "not fewer than": _AT_LEAST, "a minimum of": _AT_LEAST, "as few as": _AT_LEAST,
    "more than": _MORE, "over": _MORE, "above": _MORE, "in excess of": _MORE, "upwards of": _MORE,
    "upward of": _MORE,
    "well over": _WELL_OVER, "well above": _WELL_OVER, "well in excess of": _WELL_OVER,
    "far more than": _WELL_OVER,
    "just over": _JUST_OVER, "just above": _JUST_OVER, "just more than": _JUST_OVER,
    "slightly more than": _JUST_OVER,
    "at most": _AT_MOST, "up to": _AT_MOST, "no more than": _AT_MOST, "not more than": _AT_MOST,
    "a maximum of": _AT_MOST, "as many as": _AT_MOST, "as much as": _AT_MOST,
    "less than": _LESS, "fewer than": _LESS, "under": _LESS, "below": _LESS,
    "well under": _WELL_UNDER, "well below": _WELL_UNDER, "far fewer than": _WELL_UNDER,
    "far less than": _WELL_UNDER,
    "just under": _JUST_UNDER, "just below": _JUST_UNDER, "just less than": _JUST_UNDER,
    "just fewer than": _JUST_UNDER, "slightly less than": _JUST_UNDER, "slightly fewer than": _JUST_UNDER,
}

#: The qualifier phrases as they are written; "an estimated" is reported as "estimated".
QUALIFIER_PHRASES: tuple[str, ...] = tuple(QUALIFIERS)
_ALIASES = {"an estimated": "estimated"}

def normalise_qualifier(raw: str) -> str:
    """The qualifier as claims report it: lower case, single spaces, one spelling per phrase,
    so rules can compare "More  than" and "more than"."""
    q = " ".join(raw.casefold().split())
    return _ALIASES.get(q, q)


#: The qualifiers a claim reports in ``Claim.qualifier`` (and starts its span at): the whole
#: table, normalised.  Rules read ``bounds``, not a qualifier list of their own, so a phrase
#: new to the table ("just", "precisely", "below") cannot be misread by one that lacks it.
REPORTED_QUALIFIERS: frozenset[str] = frozenset(normalise_qualifier(q) for q in QUALIFIERS)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The values a figure admits (see the module docstring for each kind).

    Stored on quantity and count claims as the JSON object ``bounds``; read
    back with :meth:`from_json` or :attr:`factcheck.claims.base.Claim.bounds`.
    """

    kind: BoundKind
    low: Number | None
    high: Number | None
    approximate: bool = False
    exact: bool = False
    qualifier: str | None = None  # the (normalised) phrase read, even one ``Claim.qualifier`` does not report yet

    def admits(self, x: Number) -> bool:
        """Whether ``x`` is a value the figure allows; ``more_than``/``less_than`` exclude the stated figure."""
        if self.low is not None and (x < self.low or (x == self.low and self._open_low)):
            return False
        return not (self.high is not None and (x > self.high or (x == self.high and self._open_high)))

    @property
    def _open_low(self) -> bool:
        return self.kind == "more_than"

    @property
    def _open_high(self) -> bool:
        return self.kind == "less_than"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "low": self.low, "high": self.high, "approximate": self.approximate,
                "exact": self.exact, "qualifier": self.qualifier}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Bounds:
        return cls(kind=raw["kind"], low=raw["low"], high=raw["high"], approximate=bool(raw["approximate"]),
                   exact=bool(raw["exact"]), qualifier=raw.get("qualifier"))


def _scaled(value: Number, factor: Decimal | None) -> Number | None:
    if factor is None:
        return None
    if factor == _ONE:
        return value
    return to_number(Decimal(str(value)) * factor)


def figure_bounds(value: Number, qualifier: str | None) -> Bounds:
    """The bounds of one stated figure under its (normalised) qualifier; no qualifier is exact.

    A qualifier outside :data:`QUALIFIERS` (the vote extractor's "only") is
    read as none rather than guessed at.
    """
    q = normalise_qualifier(qualifier) if qualifier else None
    reading = QUALIFIERS.get(q, _EXACT) if q else _EXACT
    return Bounds(kind=reading.kind, low=_scaled(value, reading.low), high=_scaled(value, reading.high),
                  approximate=reading.approximate, exact=reading.exact, qualifier=q)


def range_bounds(low: Number, high: Number | None, qualifier: str | None, *, approximate: bool) -> Bounds:
    """The bounds of a range ("10 to 20", "dozens"): its ends as stated, whatever the qualifier.

    ``approximate`` is True for the approximate plurals ("dozens", "tens of
    thousands") and for a range an approximate qualifier opens ("about 10 to 20").
    """
    q = normalise_qualifier(qualifier) if qualifier else None
    reading = QUALIFIERS.get(q) if q else None
    return Bounds(kind="range", low=low, high=high,
                  approximate=approximate or (reading is not None and reading.approximate), qualifier=q)
