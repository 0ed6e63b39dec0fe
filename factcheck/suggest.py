""""Did you mean ...?" for names users type: rule ids, prefixes.

A typo in a name that filters or silences something fails quietly unless it
is caught, and once caught the fix is usually one letter away; the message
should say which.  Standard library only (difflib), so any module can use it
without import cycles or start-up cost.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection


def close_match(word: str, candidates: Collection[str]) -> str | None:
    """The candidate ``word`` was most likely meant to be, or None when none is close.

    Rule ids are lower case, so the comparison is too (``Names`` suggests ``names``).
    """
    found = difflib.get_close_matches(word.lower(), sorted(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, candidates: Collection[str]) -> str:
    """`` (did you mean 'x'?)`` for a close candidate, else the empty string."""
    match = close_match(word, candidates)
    return f" (did you mean '{match}'?)" if match else ""
