"""Word-level differences between two sentences, for the HTML report's side-by-side view.

Two articles that disagree usually say nearly the same sentence with a few
words changed ("12 people died" / "15 people died"; a quote with "UN"
dropped).  A reader should see *which* words differ at a glance, so each
side is split into segments flagged changed or not.  Words are compared,
not characters: a character diff of "realise"/"realize" would mark one
letter and hide the word; punctuation is its own token so "fully," and
"fully" differ only in the comma.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

#: a word (with inner apostrophes or hyphens), or one other non-space character
_TOKEN_RE = re.compile(r"\w+(?:['\u2019-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    """A run of text on one side: shown as is, or highlighted as differing from the other side."""

    text: str
    changed: bool = False


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def _segments(text: str, spans: list[tuple[int, int]], changed: list[bool]) -> tuple[Segment, ...]:
    """Cut ``text`` into runs of equal flags; whitespace between two changed tokens joins them."""
    out: list[Segment] = []
    pos = 0
    for (s, e), flag in zip(spans, changed, strict=True):
        gap = text[pos:s]
        if gap:
            prev_changed = bool(out) and out[-1].changed
            _append(out, gap, prev_changed and flag)
        _append(out, text[s:e], flag)
        pos = e
    if pos < len(text):
        _append(out, text[pos:], False)
    return tuple(out)


def _append(out: list[Segment], text: str, changed: bool) -> None:
    if out and out[-1].changed == changed:
        out[-1] = Segment(out[-1].text + text, changed)
    else:
        out.append(Segment(text, changed))


def word_diff(left: str, right: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both sides as segments, the words that differ (case-insensitively) flagged ``changed``.

    ``difflib`` without its junk heuristic: in a short sentence "the" is not
    noise, and the result must not depend on how often a word recurs.
    """
    ls, rs = _tokens(left), _tokens(right)
    lw = [left[s:e].casefold() for s, e in ls]
    rw = [right[s:e].casefold() for s, e in rs]
    lflags = [True] * len(ls)
    rflags = [True] * len(rs)
    for block in difflib.SequenceMatcher(None, lw, rw, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            lflags[block.a + k] = False
            rflags[block.b + k] = False
    return _segments(left, ls, lflags), _segments(right, rs, rflags)
