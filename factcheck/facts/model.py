"""Typed records of the fact stage: a :class:`FactKey`, one :class:`Fact`, and the :class:`Facts` of a corpus.

Rules ask the fact stage two things -- "what fact does this claim state?" and
"which claims state this fact?" -- so :class:`Facts` answers both in constant
time and iterates in a stable order (by path, then position), whatever order
the documents came in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim


@dataclass(frozen=True)
class FactKey:
    """What a claim states a value of: within ``story``, a ``measure`` of ``subject``.

    ``story`` is the story id (the event the fact belongs to); ``subject`` the
    resolved subject as ``kind:name`` (``person:jane doe``, ``role:deputy``,
    ``organisation:apple``, ``thing:quake``), or None when the text does not
    say whom the figure is of; ``measure`` the claim's measure (its unit or
    counted noun, ``age``, ``date`` for dates), or None.  Two claims with one
    key state one fact: different values that do not overlap are a conflict,
    the same value in different words is agreement.
    """

    story: str
    subject: str | None
    measure: str | None

    def as_json(self) -> dict[str, str | None]:
        return {"story": self.story, "subject": self.subject, "measure": self.measure}


@dataclass(frozen=True)
class Fact:
    """One claim of one document, with the key of the fact it states."""

    path: str
    claim: Claim
    key: FactKey


def _ident(path: str, claim: Claim) -> tuple[str, int, int, str]:
    return path, claim.start, claim.end, claim.kind


class Facts:
    """The facts of a corpus: every claim that states one, keyed, in path and position order."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._facts = tuple(sorted(facts, key=lambda f: (f.path, f.claim.sort_key)))
        self._by_claim = {_ident(f.path, f.claim): f for f in self._facts}
        groups: dict[FactKey, list[Fact]] = {}
        for f in self._facts:
            groups.setdefault(f.key, []).append(f)
        self._groups = {k: tuple(v) for k, v in sorted(groups.items(), key=lambda kv: _order(kv[0]))}

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def key_of(self, path: str, claim: Claim) -> FactKey | None:
        """The key of the fact ``claim`` (of the document at ``path``) states; None if it states none."""
        f = self._by_claim.get(_ident(path, claim))
        return f.key if f is not None else None

    def stating(self, key: FactKey) -> tuple[Fact, ...]:
        """Every claim that states the fact ``key``, in path and position order."""
        return self._groups.get(key, ())

    def keys(self) -> tuple[FactKey, ...]:
        """Every key, sorted (a None subject or measure first)."""
        return tuple(self._groups)


def _order(key: FactKey) -> tuple[str, str, str, str, str]:
    """Sort order of keys: None before any string, without comparing None to a string."""
    return (key.story, "" if key.subject is None else "1", key.subject or "",
            "" if key.measure is None else "1", key.measure or "")
