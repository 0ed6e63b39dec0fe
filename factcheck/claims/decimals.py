"""Decimals a tokeniser split: "$2. 5 million", "a 6. 1-magnitude quake", "closed down 3. 9 percent".

Corpora built from tokenised text (ECB+ among them) write a decimal point as a
sentence end: "$2. 5 million" reads as "$2" and "5 million", "6. 1-magnitude"
as a magnitude of 1.  :func:`repair` re-reads each such figure with its point
closed and keeps the repaired reading only when it is a measure with a unit
("$2.5 million", "6.1-magnitude", "3.9 percent", "6.6 feet"), not a counted
noun: a count after a real sentence end ("He was 15. 12 people died") stays as
it was, at the cost of "6. 9 assists".  The first
pass's figures inside a repaired span are replaced by it.

The repaired text keeps every offset: "2. 5" is read as "2.50" (the space
moves behind the fraction as a zero), so spans slice the original text; only
the text around split decimals is re-read (the rest is blanked).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence

from factcheck.claims.base import Claim, make_claim
from factcheck.claims.numbers.tokens import anchors_within
from factcheck.claims.scan import at_anchors, windows
from factcheck.documents import Document

#: "2. 5" before a word, a hyphen or a sign: one to three digits, a point, one space, one or two digits.
_SPLIT_RE = re.compile(
    r"(?<![\w.,])(?P<int>[0-9]{1,3})\.(?P<gap> )(?P<frac>[0-9]{1,2})(?![0-9.,])(?=[ \t]*-?[ \t]*[A-Za-z%])")


#: How much text around a split decimal the first pass re-reads (a qualifier before, a unit and subject after).
_CONTEXT = 200


def repair(doc: Document, claims: list[Claim], first_pass: Callable[[Document, list[int]], Iterable[Claim]],
           anchors: Sequence[int]) -> list[Claim]:
    """``claims`` with each split decimal's figures replaced by the repaired reading, when it has a unit.

    ``first_pass`` reads a document at the given anchors (:func:`factcheck.claims.numbers.extractor.extract_at`);
    the repaired text has no split decimal left, so it does not come back here.
    ``anchors``: where a number can start (see :mod:`factcheck.claims.scan`); those of the repaired
    copy are found inside its windows only (:func:`~factcheck.claims.numbers.tokens.anchors_within`).
    """
    text = doc.text
    if ". " not in text:
        return claims
    found = list(at_anchors(_SPLIT_RE, text, [p for p in anchors if "0" <= text[p] <= "9"]))  # opens on a digit
    spans = [(m.start("int"), m.end("frac")) for m in found]
    if not spans:
        return claims
    chars = [" "] * len(text)  # blank outside the windows: the first pass then skips through it
    wins = windows(spans, _CONTEXT, _CONTEXT, len(text))
    for lo, hi in wins:
        chars[lo:hi] = text[lo:hi]
    for m in found:
        gap, frac_start, frac_end = m.start("gap"), m.start("frac"), m.end("frac")
        chars[gap:frac_end] = [*text[frac_start:frac_end], "0"]
    fixed = dataclasses.replace(doc, text="".join(chars))
    repaired: list[Claim] = []
    for c in first_pass(fixed, anchors_within(fixed.text, wins)):
        if c.kind != "quantity" or c.unit is None or c.get("noun") is not None:
            continue
        if any(c.start <= s and e <= c.end for s, e in spans):
            repaired.append(make_claim(c.kind, doc, c.start, c.end, c.value, unit=c.unit, qualifier=c.qualifier,
                                       **c.attrs))
    if not repaired:
        return claims
    taken = [(c.start, c.end) for c in repaired]
    kept = [c for c in claims if not any(c.start < e and s < c.end for s, e in taken)]
    return kept + repaired
