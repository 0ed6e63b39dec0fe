"""Why a corpus rule made a finding: one record, the same for every rule that compares documents.

A corpus finding says "this differs from what the others say"; the user
reading it, and a benchmark measuring each comparison separately, need to know
*which* comparison said so, within which story, and who agrees.  Each corpus
rule puts an :class:`Evidence` in ``Finding.data["evidence"]``, and the JSON
report prints it as the finding's ``evidence`` object (see README "JSON output"),
so that the shape is one across rules and no benchmark has to patch a rule's
private functions to tell its paths apart.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.rules.model import CorpusView


@dataclass(frozen=True)
class Evidence:
    """Why a corpus finding was made: the comparison (``path``), the story, the agreeing documents.

    ``path`` names the comparison that produced the finding (each rule documents
    its own: names/variant's ``same-story typo``, figures/conflict's ``story
    majority``...); ``story`` is the id of the flagged document's story (None
    when the rule does not work by story or the document has none); ``agreeing``
    are the documents that state the reference the finding is measured against,
    sorted.
    """

    path: str
    story: str | None
    agreeing: tuple[str, ...] = ()
    #: how many documents agree, when more than ``agreeing`` lists (None: it lists them all)
    total: int | None = None

    @classmethod
    def of(cls, path: str, story: str | None, agreeing: Iterable[str]) -> Evidence:
        """An evidence record with ``agreeing`` deduplicated, sorted and capped at :data:`AGREEING_SHOWN`.

        Deterministic, and bounded: a corpus majority can be thousands of documents
        (an archive, a wire story reprinted by every outlet), and listing them all in
        each of its findings made output and memory grow with findings x documents --
        2 GB of JSON at 100 copies of ECB+.  The first documents in path order are
        listed and ``total`` says how many there are.
        """
        unique = set(agreeing)
        if len(unique) <= AGREEING_SHOWN:
            return cls(path, story, tuple(sorted(unique)))
        return cls(path, story, tuple(heapq.nsmallest(AGREEING_SHOWN, unique)), len(unique))

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"path": self.path, "story": self.story, "agreeing": list(self.agreeing)}
        if self.total is not None:
            out["agreeing_total"] = self.total
        return out


#: the agreeing documents an evidence record lists; beyond this it keeps their count (``agreeing_total``)
AGREEING_SHOWN = 20


def story_id(corpus: CorpusView, path: str) -> str | None:
    """The id of the story of the document at ``path`` in ``corpus``, for a rule that does not
    compare by story but still says where the flagged document belongs (None: in no story)."""
    story = corpus.stories.story_of(path)
    return story.id if story is not None else None
