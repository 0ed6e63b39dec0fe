"""``type: conversion`` -- a unit conversion given in the text that is wrong beyond rounding.

"The road runs 50 km (40 miles)": 50 km is 31 miles.  The number extractor
links a figure to the equivalent given for it in brackets or after "or"
(the claim attribute ``conversion``, see :mod:`factcheck.claims.conversions`);
this kind converts the first figure with pint and compares.

Tolerance follows the writer's precision: the equivalent may be off by half
a unit of its last significant digit ("9,800 feet" for 3,000 metres, which
is 9,843 feet, is right to the nearest hundred; "40 miles" is 31 miles
whether read to the nearest ten or one).  Two habits of news writing widen
it (on ECB+ they were the only findings, all correct conversions): a last
significant digit 5 is a half step ("10 miles (15 km)" is 16 km to the
nearest five, "20 km (12.5 miles)" 12.4 to the nearest half; a lone 5 is
not: "100 km (50 miles)" is wrong), and a long figure may be cut rather
than rounded ("2,000 ft (609 metres)" is 609.6 m), so anything within 1 %
passes.  The errors the rule is for are far larger ("50 km (40 miles)" is
29 % off).  A temperature may convert as a level or as a difference ("rose
5 °C (9 °F)").  Money converts only at an exchange rate the same article
states ("$1.30 to the euro", "€1 = $1.30"): rates move, so a rate from
anywhere else would flag a correct old article.

Example::

    id: house/conversion
    type: conversion
    severity: warning
    message: "{given} is not {source}: that is {suggestion}."
    tests:
      fail: ["The road runs 50 km (40 miles) to the border."]
      pass: ["The road runs 50 km (31 miles) to the border."]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.claims.base import Claim
from factcheck.claims.units import convert
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.rules.kinds.base import Kind


class ConversionKind(Kind):
    """Flag a conversion in brackets or after "or" that is wrong beyond the precision it is written to."""

    name = "conversion"
    NEEDS = ("quantity",)
    OPTIONS = {}
    PLACEHOLDERS = ("given", "source", "suggestion", "correct")

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        rates = [r for c in claims if (r := c.get("exchange_rate")) is not None]
        for a in claims:
            conv = a.get("conversion")
            if conv is None or not _number(a.value) or not _number(conv["value"]):
                continue
            candidates = _correct(a, conv, rates)
            if not candidates:
                continue
            written = float(conv["value"])
            best = min(candidates, key=lambda x: abs(x - written))
            if abs(best - written) <= _tolerance(written, float(conv["precision"]), best):
                continue
            start, end = int(conv["start"]), int(conv["end"])
            given = doc.text[start:end]
            suggestion = _suggest(doc.text, conv, best)
            yield self.rule.finding(doc, start, end, suggestion=suggestion, given=given, source=a.text,
                                    correct=_format(best, _significant(conv) + 1),
                                    related=[Location.of(doc, a.start, a.end)])


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _correct(a: Claim, conv: Mapping[str, Any], rates: list[Mapping[str, Any]]) -> list[float]:
    """What the first figure is in the equivalent's unit: pint's conversion (two for a temperature),
    or for two currencies the figure at each rate the article states between them."""
    assert a.unit is not None
    value = float(a.value)
    found = list(convert(value, a.unit, conv["unit"]))
    if found or a.get("dimension") != "money":
        return found
    for r in rates:
        if not _number(r.get("rate")) or not r["rate"]:
            continue
        if (r["base"], r["quote"]) == (a.unit, conv["unit"]):
            found.append(value * float(r["rate"]))
        elif (r["base"], r["quote"]) == (conv["unit"], a.unit):
            found.append(value / float(r["rate"]))
    return found


#: What a conversion may be off by beyond its last digit: figures cut to three digits ("609" for 609.6).
_RELATIVE = 0.01


def _tolerance(written: float, precision: float, correct: float) -> float:
    """How far the written equivalent may be from the correct value: half its precision, a whole
    half step when its last significant digit is 5 ("15", "12.5": rounded to the nearest 5 or half),
    and at least 1 % of the correct value."""
    step = precision
    digits = round(abs(written) / precision) if precision > 0 else 0
    if digits >= 10 and digits % 10 == 5:  # not a lone 5: "100 km (50 miles)" is wrong
        step = precision * 5
    return max(step / 2, abs(correct) * _RELATIVE) * (1 + 1e-9)


def _significant(conv: Mapping[str, Any]) -> int:
    """Significant digits for the suggestion: one more than the writer gave, at least two ("40" -> "31",
    "$160 billion" -> "$143 billion"); :func:`_format` drops decimals the writer did not write."""
    value, precision = abs(float(conv["value"])), float(conv["precision"])
    if not value or precision <= 0:
        return 2
    return max(2, math.floor(math.log10(value)) - math.floor(math.log10(precision) + 1e-9) + 2)


def _round(x: float, digits: int) -> float:
    if not x:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _format(x: float, digits: int, *, commas: bool = True, max_decimals: int | None = None) -> str:
    """``x`` to ``digits`` significant digits, with at most ``max_decimals`` decimals unless that
    would leave fewer than two significant digits ("24 GHz" for 2,400 MHz: "2.4 GHz", not "2 GHz")."""
    r = _round(x, digits)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(r)))) if r else 0
    if max_decimals is not None and decimals > max_decimals and r:
        two = max(0, 1 - math.floor(math.log10(abs(r))))  # decimals that keep two significant digits
        decimals = max(max_decimals, min(decimals, two))
        r = round(r, decimals)
    return f"{r:,.{decimals}f}" if commas else f"{r:.{decimals}f}"


def _suggest(text: str, conv: Mapping[str, Any], best: float) -> str:
    """The equivalent as the writer would have written it: its own words, the numeral corrected
    ("40 miles" -> "31 miles", "$143 billion" -> "$128 billion")."""
    start, end = int(conv["start"]), int(conv["end"])
    numeral = conv.get("numeral")
    digits = _significant(conv)
    if not numeral:
        return f"{_format(best, digits)} {conv['unit']}"
    n_start, n_end, scale = int(numeral[0]), int(numeral[1]), float(numeral[2]) or 1.0
    written = text[n_start:n_end]
    commas = "," in written or abs(best / scale) >= 10_000
    decimals = len(written) - written.index(".") - 1 if "." in written else 0
    return text[start:n_start] + _format(best / scale, digits, commas=commas, max_decimals=decimals) \
        + text[n_end:end]
