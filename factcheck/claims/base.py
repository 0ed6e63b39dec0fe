"""The Claim record and the extractor registry.

A claim is one checkable statement found in a document: its kind, the exact
span in ``Document.text``, a normalised value and kind-specific attributes.
Extractors are pure functions ``extract(doc) -> Iterable[Claim]``; rules only
ever look at claims, never re-parse text that an extractor understood.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from factcheck.documents import Document

#: Claim kinds, in the order ``factcheck claims`` documents them.
KINDS = ("quantity", "count", "ordinal", "vote", "date", "name", "quote", "enumeration")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Claim:
    """One checkable statement.

    ``value`` is JSON-serialisable and normalised: a number for quantities and
    counts, an ISO string (``2019-12-30``, ``2019-12``, ``2019``, ``1990s``) for
    dates, the canonical form for names, the quoted words for quotes.  ``attrs``
    holds kind-specific fields (``granularity``, ``anchor``, ``speaker``,
    ``items``...), also JSON-serialisable.
    """

    kind: str
    start: int  # offsets into Document.text, end exclusive
    end: int
    text: str
    value: Any
    unit: str | None = None
    qualifier: str | None = None
    sentence: tuple[int, int] = (0, 0)
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.kind, repr(self.value))


def make_claim(kind: str, doc: Document, start: int, end: int, value: Any, *,
               unit: str | None = None, qualifier: str | None = None,
               sentence: tuple[int, int] | None = None, **attrs: Any) -> Claim:
    """Build a claim whose ``text`` is exactly ``doc.text[start:end]``."""
    return Claim(kind=kind, start=start, end=end, text=doc.text[start:end], value=value,
                 unit=unit, qualifier=qualifier,
                 sentence=sentence if sentence is not None else sentence_bounds(doc.text, start, end),
                 attrs=MappingProxyType(dict(attrs)))


Extractor = Callable[[Document], Iterable[Claim]]

#: kind name -> extractor.  Explicit, like yamllint's rule registry: a new
#: extractor is added here (and gets hypothesis properties; a meta-test checks).
EXTRACTORS: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    def deco(fn: Extractor) -> Extractor:
        EXTRACTORS[name] = fn
        return fn
    return deco


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: cut at . ! ? followed by space, or a blank line.

    Cheap and approximate by design: it only gives rules context ("near
    'Security Council'") and never decides a value.
    """
    s = start
    while s > 0:
        ch = text[s - 1]
        if ch == "\n" and (s < 2 or text[s - 2] == "\n"):
            break
        if ch in " \n" and s >= 2 and text[s - 2] in ".!?" and not _abbrev_before(text, s - 2):
            break
        s -= 1
    e = end
    n = len(text)
    while e < n:
        ch = text[e]
        if ch == "\n" and (e + 1 >= n or text[e + 1] == "\n"):
            break
        if ch in ".!?" and (e + 1 >= n or text[e + 1] in " \n\"'\u201d") and not _abbrev_before(text, e):
            e += 1
            break
        e += 1
    return s, e


_ABBREVS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
            "u.s", "u.n", "gen", "sen", "rep", "gov", "no", "vs", "n", "jr", "sr", "inc", "corp",
            "co", "lt", "col", "capt", "prof", "mt", "ft"}


def _abbrev_before(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation ("Dec.", "U.S.") rather than a sentence."""
    if text[dot] != ".":
        return False
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    return word in _ABBREVS or (len(word) == 1 and word.isalpha())


def extract_all(doc: Document, kinds: Iterable[str] | None = None) -> list[Claim]:
    """Run the registered extractors (all, or ``kinds``) and sort their claims."""
    import factcheck.claims  # noqa: F401  (registers the built-in extractors)

    wanted = set(kinds) if kinds is not None else None
    out: list[Claim] = []
    for name, fn in EXTRACTORS.items():
        if wanted is None or name in wanted:
            out.extend(fn(doc))
    if wanted is not None:
        out = [c for c in out if c.kind in wanted or c.kind not in KINDS]
    out.sort(key=lambda c: c.sort_key)
    return out
