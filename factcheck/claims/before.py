"""Patterns read backwards from a figure ("more than ", "rose by ", "No. "), tried only when they can match.

The numbers extractor and its readers ask, for nearly every figure, what the
words right before it are: a pattern ending in ``$`` searched in a short
window that ends at the figure.  ``re`` has no backwards matching, so such a
search tries the pattern at every position of the window, each time running
an alternation of dozens of words: a few microseconds per figure, more than
the rest of reading it.  Yet the pattern can only match when the window, once
its trailing blanks are stripped, ends with one of the pattern's last words;
one ``str.endswith`` with a tuple (in C) tells, and most figures have none.

:class:`Before` wraps such a pattern with that test.  The test is only a
necessary condition, so the regex still decides every window it lets through:
the result is exactly the pattern's own.  Windows where a plain lower-case
comparison is not the pattern's case folding (non-ASCII text: ``re`` matches
"ſ" for "s" and "K" for "k") or where ``$`` may also match before a final
newline go straight to the regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class Before:
    """A pattern that must end at the end of its window (``...$``), guarded by the words it can end with.

    ``endings``: every lower-case text a match can end with once ``blanks``
    are stripped from its end (the last word of each alternative, with any
    punctuation it keeps: "no.", "#").  Missing one would lose matches, so each
    use is tested against the bare pattern (tests/claims/test_before.py).
    """

    __slots__ = ("blanks", "endings", "rx")

    def __init__(self, rx: re.Pattern[str], endings: Iterable[str], blanks: str = " \t") -> None:
        self.rx = rx
        self.endings = tuple(sorted({e.lower() for e in endings}))
        self.blanks = blanks

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """``self.rx.search(text, pos, endpos)``, skipped when the window cannot end with a match."""
        window = text[pos:endpos]
        if window.endswith("\n") or not window.isascii():
            return self.rx.search(text, pos, endpos)
        if window.rstrip(self.blanks).lower().endswith(self.endings):
            return self.rx.search(text, pos, endpos)
        return None
