"""Name mentions -- people, places and organisations -- without an NLP model.

No tagger can be downloaded where factcheck runs, and the consistency rules
only need to know *that* "Kim Long Un" and "Kim Jong Un" are both mentions of
a person, so a name is found the way a careful reader skims: a maximal run of
capitalised words, minus the capitals that are explained by something else.

* A capital at the start of a sentence, quote or line proves nothing, so a
  sentence-initial word must earn its place: it is a known place, title or
  given name, or the document also capitalises it mid-sentence ("Pompeo" is
  kept, "Declaring", "Led" and "Somehow" are not).
* Function words, months and weekdays are never names (stop list).
* Titles and roles ("US Secretary of State", "leader") are split off into the
  ``title`` attribute so the claim span is the name alone -- a rule can then
  point at exactly "Kim Long Un".
* Headlines are Title Case, so every word is capitalised there; on such lines
  only gazetteer entries and names already seen in the body are taken -- or
  near misses of a body name, so that a slip in a headline can be reported.
* A surname on its own ("Lavrov said") is linked to the full name used in the
  same document, so claims about "Lavrov" and "Sergei Lavrov" compare equal.

Types come from evidence, in order: gazetteers (pycountry countries and
larger subdivisions, plus small hand-written lists under ``data/``), keywords
("Council", "Times" -> organisation; "Peninsula", "Street" -> place), then
person evidence (a title, a known given name, a later surname-only reference,
a following "said").  Everything else is ``unknown``.

Claim attributes (all JSON-serialisable, always present):

``type``        "person" | "place" | "organisation" | "unknown"
``tokens``      the words of ``value``
``normalised``  :func:`normalise_name` of ``value`` (for fuzzy matching)
``title``       the title/role split off before the name, or None
``surface``     the span text, whitespace-normalised (differs from ``value``
                only for linked mentions)
``linked``      True when ``value`` is a full name found elsewhere in the
                document ("Lavrov" -> "Sergei Lavrov")

The package's parts, in the order a document goes through them:
:mod:`~factcheck.claims.names.normalise` (what counts as the same spelling),
:mod:`~factcheck.claims.names.lexicon` (word lists, gazetteers, token
patterns; loaded once), :mod:`~factcheck.claims.names.tokens` (one pass from
text to tokens), :mod:`~factcheck.claims.names.evidence` (the document's
shared data), :mod:`~factcheck.claims.names.runs` (runs of capitals and their
cuts), :mod:`~factcheck.claims.names.titles` (titles and roles),
:mod:`~factcheck.claims.names.candidates` (the body pass),
:mod:`~factcheck.claims.names.headlines` (Title Case lines),
:mod:`~factcheck.claims.names.analyser` (typing, linking) and
:mod:`~factcheck.claims.names.extractor` (claims).
"""

from __future__ import annotations

from factcheck.claims.names.extractor import SentenceMemo, extract, mentions
from factcheck.claims.names.lexicon import AUX_WORDS, SPEECH_VERBS, known_name
from factcheck.claims.names.normalise import NAME_SUFFIXES, name_words, normalise_name
from factcheck.claims.names.tokens import _WORD_RUN_RE as _WORD_RUN_RE  # for tests
from factcheck.claims.names.tokens import _has_word as _has_word  # for tests
from factcheck.claims.names.tokens import abbreviation_before

__all__ = ["AUX_WORDS", "NAME_SUFFIXES", "SPEECH_VERBS", "SentenceMemo", "abbreviation_before", "extract",
           "known_name", "mentions", "name_words", "normalise_name"]
