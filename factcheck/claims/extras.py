"""The numbers extractor's second pass: readers of figures its patterns do not see alone.

:func:`factcheck.claims.numbers.extract` reads each number from its own
shape and the words right after it.  Some figures are only figures in a wider
context -- an age in apposition ("Jane Doe, 52,"), a count whose noun was said
before ("six touchdowns ... and three more") or comes as a partitive ("23 of
the raiders"), a fraction ("a quarter of those surveyed"), a change ("fell 0.6
per cent to 7420").  Each such reader lives in its own module and is run here,
after the first pass: a reader's claim is kept only where the first pass has no
quantity, count or vote, so the first pass's reading wins (save a count of
"quarters" inside a share: "three quarters of the workers" is a fraction, a
hyphenated figure after a dangling end: "6- to 12-meter" is a range, and the
pieces of a split decimal: "$2. 5 million"), and
readers are tried in a fixed order so the output stays deterministic.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence

from factcheck.claims import ages, changes, counted, decimals, fractions, named, numbers, ranges
from factcheck.claims.base import Claim
from factcheck.documents import Document

#: The claim kinds a reader's claim may not overlap.
FIGURE_KINDS = frozenset({"quantity", "count", "vote"})

#: Readers in priority order: an earlier reader's claim wins an overlap.
READERS: tuple[tuple[str, Callable[[Document, list[Claim], Sequence[int]], Iterable[Claim]]], ...] = (
    ("ages", lambda doc, _claims, anchors: ages.read(doc, anchors)),
    ("fractions", lambda doc, _claims, _anchors: fractions.read(doc)),
    ("named", lambda doc, _claims, _anchors: named.read(doc)),
    ("counted", counted.read),
    ("changes", lambda doc, claims, _anchors: changes.read(doc, claims)),
)


class _Taken:
    """Spans already claimed, sorted by start, for overlap tests by bisection: only spans that
    start less than the longest span's length before a new one can reach it."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.spans, (end, end)) - 1
        while k >= 0 and self.spans[k][0] > start - self.longest:
            if self.spans[k][1] > start:
                return True
            k -= 1
        return False

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)


def extend(doc: Document, claims: list[Claim], anchors: Sequence[int]) -> Iterator[Claim]:
    """``claims`` (the first pass's), then every reader's claims that overlap no figure, with
    changes ("rose 5% to $4.1 billion") marked on all figures (see :mod:`factcheck.claims.changes`)."""
    claims = decimals.repair(doc, claims, numbers.extract_at, anchors)  # "$2. 5 million": a decimal a tokeniser split
    claims = list(ranges.widen(doc, claims))  # "6- to 12-meter": the range, not its upper end
    found = list(fractions.read(doc))  # read once: for the shares here and as a reader below
    shares = [(c.start, c.end) for c in found
              if c.get("denominator") not in (2, 4) or fractions.OF_RE.match(doc.text, c.end)]
    if shares:  # "three quarters of the workers", "two thirds": shares; a game has "three quarters" alone
        claims = [c for c in claims if not (c.kind == "count" and c.unit in fractions.DENOMINATORS
                                            and any(s <= c.start and c.end <= e for s, e in shares))]
    taken = _Taken((c.start, c.end) for c in claims if c.kind in FIGURE_KINDS)
    out = list(claims)
    for name, reader in READERS:
        for c in (found if name == "fractions" else reader(doc, out, anchors)):
            if not taken.overlaps(c.start, c.end):
                taken.add(c.start, c.end)
                out.append(c)
    yield from changes.annotate(doc, out)
