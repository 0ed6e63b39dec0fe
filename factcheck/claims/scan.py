"""Fast scanning for the second-pass readers: try a pattern only where it can start.

A pattern that begins with a look-behind or a case-insensitive alternation of
words cannot be skipped through in C by the regex engine: ``finditer`` tries it
at every character, and a dozen such readers made the numbers extractor five
times slower on ECB+.  The readers instead try their pattern at the *anchors*
the first pass found (where a number can start, see
:func:`factcheck.claims.numbers._anchors`), or inside windows around the hits
of a cheap case-sensitive pattern the engine can skip through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence


def at_anchors(rx: re.Pattern[str], text: str, anchors: Sequence[int]) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` starting at ``anchors``, without overlaps (as ``finditer`` gives them)."""
    end = -1
    for a in anchors:
        if a < end:
            continue
        m = rx.match(text, a)
        if m is not None:
            end = m.end() if m.end() > a else a + 1
            yield m


def windows(hits: Iterable[tuple[int, int]], before: int, after: int, size: int) -> list[tuple[int, int]]:
    """Merged spans of ``before`` characters before each hit to ``after`` characters after it."""
    spans: list[tuple[int, int]] = []
    for s, e in sorted(hits):
        lo, hi = max(0, s - before), min(size, e + after)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def near(rx: re.Pattern[str], text: str, quick: re.Pattern[str], before: int, after: int,
         stems: tuple[str, ...] = (), offset: int = 0) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` inside windows around the hits of ``quick`` (a cheap pattern every match contains).

    ``after`` must reach past the end of any match and its look-ahead: a
    window's end is the end of the string for the pattern.  ``stems`` and
    ``offset``: see :func:`quick_hits`.
    """
    hits = quick_hits(quick, text, stems, offset) if stems else quick.finditer(text)
    for lo, hi in windows(((m.start(), m.end()) for m in hits), before, after, len(text)):
        yield from rx.finditer(text, lo, hi)


def quick_hits(quick: re.Pattern[str], text: str, stems: tuple[str, ...], offset: int) -> Iterator[re.Match[str]]:
    """``quick.finditer(text)``, tried only where a stem occurs.

    ``stems``: lower-case strings one of which every hit holds, ``offset``
    characters after its start ("alf" one after the start of "Half").  A
    pattern opening on a class of common letters is tried by ``finditer`` at
    nearly every word; ``str.find`` (in C) finds the few places a stem is,
    and the pattern is tried there, in order and without overlaps, as
    ``finditer`` does.  Lower-casing keeps offsets except for a dotted capital
    I (two characters in lower case): such text takes ``finditer``.
    """
    if "\u0130" in text:
        yield from quick.finditer(text)
        return
    low = text.lower()
    starts: set[int] = set()
    for stem in stems:
        k = low.find(stem)
        while k >= 0:
            if k >= offset:
                starts.add(k - offset)
            k = low.find(stem, k + 1)
    end = 0
    for p in sorted(starts):
        if p >= end:
            m = quick.match(text, p)
            if m is not None:
                end = max(m.end(), p + 1)
                yield m
