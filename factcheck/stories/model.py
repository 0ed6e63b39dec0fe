"""Typed records of the story stage: one :class:`Story`, and the :class:`Stories` of a corpus.

Corpus rules ask two questions of stories -- "which story is this document
in?" and "are these two documents about the same event?" -- so
:class:`Stories` answers both by path in constant time, and iterates its
stories in a stable order (by id) for reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Why:
    """Why one document belongs to its story: what it shares with the other members.

    ``score`` is its average similarity to the rest of the story (0 alone);
    each ``shared_*`` tuple lists features it shares with other members,
    strongest first, with how many *other* members share each (JSON:
    ``{"value": ..., "others": n}``).  ``pin`` is
    set when a front matter ``story:`` or the config placed it.
    """

    score: float = 0.0
    shared_names: tuple[tuple[str, int], ...] = ()
    shared_dates: tuple[tuple[str, int], ...] = ()
    shared_words: tuple[tuple[str, int], ...] = ()
    pin: str | None = None
    pin_source: str | None = None

    def describe(self, others: int) -> str:
        """One line for people: "pinned by front matter" or "shares Tara Reid (5/6), rehab (6/6)"."""
        if self.pin is not None:
            return f"pinned to {self.pin!r} by {self.pin_source or 'a pin'}"
        if others == 0:
            return "no other document shares enough of its rare names, dates or words"
        parts = [f"{v} ({n}/{others})" for v, n in (*self.shared_names[:3], *self.shared_dates[:2],
                                                    *self.shared_words[:3])]
        return f"similarity {self.score:.2f}; shares " + (", ".join(parts) if parts else "little")

    def as_json(self) -> dict[str, object]:
        def shared(items: tuple[tuple[str, int], ...]) -> list[dict[str, object]]:
            return [{"value": v, "others": n} for v, n in items]

        return {"score": round(self.score, 4), "names": shared(self.shared_names),
                "dates": shared(self.shared_dates), "words": shared(self.shared_words),
                "pin": self.pin, "pin_source": self.pin_source}


@dataclass(frozen=True)
class Story:
    """A set of documents reporting the same real-world event.

    ``id`` is derived from content (the first publication date or event date,
    and the defining name), never from paths, so it survives renames.
    ``documents`` are display paths, sorted; ``names`` and ``dates`` are what
    defines the story (shared by most members, rare elsewhere), strongest
    first; ``why`` maps each document to the reason it belongs.
    """

    id: str
    documents: tuple[str, ...]
    names: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    why: dict[str, Why] = field(default_factory=dict, compare=False, hash=False)

    def __len__(self) -> int:
        return len(self.documents)

    def as_json(self) -> dict[str, object]:
        others = len(self.documents) - 1
        return {"id": self.id, "documents": list(self.documents), "names": list(self.names),
                "dates": list(self.dates),
                "why": {p: {**self.why[p].as_json(), "text": self.why[p].describe(others)}
                        for p in self.documents if p in self.why}}


class Stories:
    """The stories of a corpus: a partition of its documents."""

    def __init__(self, stories: Sequence[Story]) -> None:
        self._stories = tuple(sorted(stories, key=lambda s: s.id))
        self._by_path = {p: s for s in self._stories for p in s.documents}
        self._by_id = {s.id: s for s in self._stories}

    def __iter__(self) -> Iterator[Story]:
        return iter(self._stories)

    def __len__(self) -> int:
        return len(self._stories)

    def __getitem__(self, story_id: str) -> Story:
        return self._by_id[story_id]

    def story_of(self, path: str) -> Story | None:
        """The story of the document at display path ``path`` (None: not a document of this corpus)."""
        return self._by_path.get(path)

    def same_story(self, a: str, b: str) -> bool:
        """Do the documents at ``a`` and ``b`` report the same event?"""
        sa = self._by_path.get(a)
        return sa is not None and sa is self._by_path.get(b)

    def as_json(self) -> dict[str, object]:
        return {"version": 1, "stories": [s.as_json() for s in self._stories]}
