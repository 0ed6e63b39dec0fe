"""The fact stage: documents -> claims -> stories -> **facts** -> rules.

A fact is a claim given a key within its story (:class:`FactKey`): who or what
it is about, the measure, and the event (story) it belongs to.  Two claims of
one key with incompatible values are a conflict; the same value in different
wording is agreement.  The claims stage reads each figure's raw subject
(``about``, :mod:`factcheck.claims.about`); this stage resolves it within the
story (:mod:`factcheck.facts.people`): a surname alone, a role and a
misspelling name the person the other articles name in full.

Corpus rules get the facts as ``CorpusView.facts`` (built on first use, like
its stories); ``factcheck claims --format json`` shows each claim's key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.facts.model import Fact, FactKey, Facts
from factcheck.facts.people import Person, StoryPeople
from factcheck.stories.model import Stories

__all__ = ["FACT_KINDS", "Fact", "FactKey", "Facts", "Person", "StoryPeople", "build_facts", "measure_of"]

#: The claim kinds that state facts: figures and dates (names and quotes are what facts are about).
FACT_KINDS = ("quantity", "count", "vote", "ordinal", "enumeration", "date")


def measure_of(claim: Claim) -> str | None:
    """What a claim measures, as fact keys group it: ``date`` for dates, else the extractor's
    ``measure`` (unit or counted noun, ``age``), else its unit."""
    if claim.kind == "date":
        return "date"
    measure = claim.get("measure")
    return str(measure) if measure else claim.unit


def build_facts(documents: Sequence[Document], claims: Mapping[str, Sequence[Claim]], stories: Stories) -> Facts:
    """The facts of ``documents``: each claim of :data:`FACT_KINDS` keyed within its story.

    ``claims`` (path -> claims) should hold the documents' name claims: they are
    what resolves a subject (without them, subjects stay as the claims stage read
    them).  A document in no story states no facts.
    """
    members: dict[str, list[Document]] = {}
    for doc in documents:
        story = stories.story_of(doc.path)
        if story is not None:
            members.setdefault(story.id, []).append(doc)
    out: list[Fact] = []
    for story_id in sorted(members):
        docs = members[story_id]
        mentions = [c for d in docs for c in claims.get(d.path, ())]
        abouts = [a.name for c in mentions if (a := c.about) is not None and a.kind == "person"]
        people = StoryPeople(mentions, abouts)
        for d in docs:
            for c in claims.get(d.path, ()):
                if c.kind not in FACT_KINDS:
                    continue
                about = c.about
                subject = people.subject(about.kind, about.name) if about is not None else None
                out.append(Fact(d.path, c, FactKey(story_id, subject, measure_of(c))))
    return Facts(out)
