"""Patterns read forwards from a figure (a unit: "barrels", "per cent", "km/h"), tried only when they can match.

Every number asks whether a unit follows it: one case-insensitive alternation
of a few hundred written forms, matched right after the number.  Most numbers
are followed by a plain word that starts no unit ("people", "of", "in"), and
the regex spends its time on the alternation before failing.  A form can only
match where the text's next run of ASCII letters (after blanks) is exactly
the form's leading run of letters ("km" of "km/h", "per" of "per cent"): the
form continues with a non-letter or ends at a word boundary.  One small regex
reads that run and one set lookup tells; the pattern decides every position
the test lets through, so the result is exactly the pattern's own.

Where the text's next character is not an ASCII letter ("%", "°C"), or the
run is followed by a non-ASCII character ("km²", or "ſ", which ``re`` folds to
"s"), the pattern is tried as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_RUN_RE = re.compile(r"[ \t]*([A-Za-z]*)")


class FirstWord:
    """A pattern opening on ``[ \\t]*`` and then one of ``forms`` (case-insensitive), guarded by the forms'
    leading runs of letters."""

    __slots__ = ("runs", "rx")

    def __init__(self, rx: re.Pattern[str], forms: Iterable[str]) -> None:
        self.rx = rx
        runs = set()
        for form in forms:
            run = re.match(r"[a-z]*", form.lower())
            runs.add(run.group(0) if run else "")
        self.runs = frozenset(runs)

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """``self.rx.match(text, pos)``, skipped when the next word starts no form."""
        m = _RUN_RE.match(text, pos)
        assert m is not None  # every part is optional
        run = m.group(1)
        end = m.end()
        if not run or (end < len(text) and not text[end].isascii()):
            return self.rx.match(text, pos)
        if run.lower() in self.runs:
            return self.rx.match(text, pos)
        return None
