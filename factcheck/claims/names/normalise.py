"""What counts as the same spelling of a name: :func:`normalise_name`, and a name's own words.

A leaf module (no lexicon, no regex scan of a document): the rules compare
names across articles with it too, and must not pay for loading gazetteers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HYPHENS_RE = re.compile(r"[-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]+")
_POSS_WORD_RE = re.compile(r"(?:['’]s)+$")


def _normalise_once(s: str) -> str:
    if s.isascii():
        s = s.lower()
        if "-" in s or "_" in s:
            s = s.replace("-", " ").replace("_", " ")
        if "'" not in s:
            return " ".join(s.split())
        words = (_POSS_WORD_RE.sub("", w) for w in s.split())
        return " ".join(w for w in words if w)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _HYPHENS_RE.sub(" ", s)
    words = (_POSS_WORD_RE.sub("", w) for w in s.split())
    return " ".join(w for w in words if w)


@lru_cache(maxsize=1 << 15)
def normalise_name(s: str) -> str:
    """Casefold, strip diacritics, hyphens/underscores to spaces, drop possessives.

    The consistency rules compare names across articles that spell them
    differently ("Kim Jong-un", "Kim Jong Un's", "Lavrov"/"LAVROV"); this is
    the one place that decides what counts as the same spelling.  Repeated
    until stable because decomposition and casefolding can each expose work
    for the other; the result is idempotent.
    """
    out = s
    for _ in range(8):
        nxt = _normalise_once(out)
        if nxt == out:
            break
        out = nxt
    return out


#: Generational suffixes: "Anthony LaCalamita III" is a LaCalamita, "Cal Ripken Jr." a Ripken.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(name: str) -> list[str]:
    """A full name's words without a generational suffix, so that its surname is its last --
    nor where the person is from: "Vishwanand Subryan of Schenectady" is Vishwanand Subryan
    wherever the extractor could not tell the person from the place (see _cut_at_of)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.casefold() == "of"), None)
    if cut is not None:
        words = words[:cut]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words
