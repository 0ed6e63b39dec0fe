"""Each document read once per scan, for every conflict rule that compares its claims.

Both conflict rules (``figures/conflict``, ``dates/conflict``) read the same
documents: their figure and date spans (:class:`.text.Masks`), their possible
people, their claims grouped by sentence and measure, the content words of the
sentences their claims stand in.  None of it depends on the rule's options, so
it is read once per corpus view (:func:`reading_of`) and each rule reads only
what is its own: the statements of the kinds it compares.

The memo lives as long as its :class:`CorpusView` and no longer: a later scan,
or a rule's own tests, build a new view and read afresh.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.rules.kinds.conflict.subjects import possible_people
from factcheck.rules.kinds.conflict.text import Masks, SentenceWords
from factcheck.rules.model import CorpusView

Span = tuple[int, int]
#: A sentence's claims of one kind and unit: (sentence span, kind, unit).
Group = tuple[Span, str, str]


class DocReading:
    """What the conflict rules read of one document, whichever claims they compare."""

    __slots__ = ("_groups", "_sentences", "_values", "alike", "doc", "ends", "masks", "people", "starts")

    def __init__(self, doc: Document, claims: Sequence[Claim], measured: Callable[[Claim], tuple[str, str]]) -> None:
        self.doc = doc
        self.masks = Masks(claims)
        self.people = possible_people(claims)
        self.starts = [n.start for n in self.people]
        self.ends = {o.end: o for o in claims if o.kind == "quantity"}  # quantities by end: conversions
        self.alike: dict[Group, list[Claim]] = defaultdict(list)
        for o in claims:
            self.alike[(o.sentence, *measured(o))].append(o)
        self._values: dict[Group, frozenset[str]] = {}
        self._sentences: dict[Span, SentenceWords] = {}
        self._groups: dict[Span, list[Group]] | None = None

    def values(self, group: Group) -> frozenset[str]:
        """The values a sentence gives for a kind and unit; read for the groups a rule compares only."""
        found = self._values.get(group)
        if found is None:
            found = self._values[group] = frozenset(repr(o.value) for o in self.alike[group])
        return found

    def figures(self, span: Span, kinds: Collection[str]) -> frozenset[tuple[str, str, str]]:
        """The figures a sentence gives of the ``kinds`` (as :func:`.statements.measured` reads
        them), as (kind, unit, repr of the value): what "the other figures agree" compares."""
        if self._groups is None:
            self._groups = defaultdict(list)
            for group in self.alike:
                self._groups[group[0]].append(group)
        return frozenset((kind, unit, repr(o.value)) for group in self._groups.get(span, ())
                         for _span, kind, unit in (group,) if kind in kinds
                         for o in self.alike[group] if o.value is not None)

    def words(self, span: Span) -> SentenceWords:
        """A sentence's words (:class:`.text.SentenceWords`), tokenised once however many
        figures and dates, of however many rules, it holds: their context windows, verbatim
        phrases and sentence words are all read from it."""
        found = self._sentences.get(span)
        if found is None:
            found = self._sentences[span] = SentenceWords(self.doc.text, span[0], span[1], self.masks)
        return found

    def sentence(self, span: Span) -> frozenset[str]:
        """A sentence's content words, figures left out (``Statement.sentence``)."""
        return self.words(span).words


class Reading:
    """The documents of one corpus view as read so far (see :class:`DocReading`)."""

    def __init__(self) -> None:
        self._docs: dict[str, DocReading] = {}
        #: How many documents were read: once each per view, however many rules ask.
        self.reads = 0

    def of(self, doc: Document, claims: Sequence[Claim],
           measured: Callable[[Claim], tuple[str, str]]) -> DocReading:
        """The reading of one document of the view, made on first use."""
        found = self._docs.get(doc.path)
        if found is None:
            found = self._docs[doc.path] = DocReading(doc, claims, measured)
            self.reads += 1
        return found


#: Each live view's reading, dropped with the view (``weakref.finalize``): never shared by two views.
_READINGS: dict[int, Reading] = {}


def reading_of(corpus: CorpusView) -> Reading:
    """The reading of a corpus view, made on first use and kept while the view lives."""
    key = id(corpus)
    found = _READINGS.get(key)
    if found is None:
        found = _READINGS[key] = Reading()
        weakref.finalize(corpus, _READINGS.pop, key, None)
    return found
