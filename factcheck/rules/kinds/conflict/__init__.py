"""``type: conflict`` -- the same fact stated with different values by two documents.

The rule is a package of small parts, each a module with one job (the rule's
user documentation is :mod:`.kind`'s docstring, shown by ``factcheck rules --kinds``):

* :mod:`.options` -- the option declarations and :class:`ConflictOptions`, their typed record;
* :mod:`.text`, :mod:`.similarity` -- the words around a figure, and how alike two wordings are;
* :mod:`.qualifiers` -- the values an approximate or bounded figure admits;
* :mod:`.statements` -- what a claim becomes for comparison (:class:`Statement`);
* :mod:`.reading` -- what both conflict rules read of a document, read once per corpus view;
* :mod:`.subjects` -- whose figure it is: name anchors, age holders, figure subjects;
* :mod:`.keys` -- stories, fact keys and the inverted indexes pairs meet through (two
  stories are never compared);
* :mod:`.same_fact` -- what rules out two statements being one fact, whatever the evidence;
* the pairing paths, one module each: :mod:`.strong` (verbatim phrase, agreeing figures,
  alike window) and :mod:`.paraphrase`; the weak ones run by :mod:`.weak` -- :mod:`.story`,
  :mod:`.majority`, :mod:`.subject_pairs`, :mod:`.likeness` -- and :mod:`.holders` (ages);
  :mod:`.slot` lifts a weak pair whose figures sit in the same slot of their sentences;
* :mod:`.exemptions` -- the legitimate differences, a list of named checks (:data:`EXEMPTIONS`);
* :mod:`.report` -- groups, majorities and findings, each with its evidence (the path
  that paired it, its story, the agreeing documents);
* :mod:`.kind` -- :class:`ConflictKind`, wiring them together.

The names below are the package's API, for the rule registry, for tests, and for
benchmarks that measure the rule's own pairing (``bench/conflict_sweep.py``,
``pairing_frontier.py``, ``figure_ceiling.py``): a benchmark imports these, never
a private name, so the modules behind them may change freely.
"""

from __future__ import annotations

from factcheck.rules.kinds.conflict.exemptions import (
    CONVERSION_SPREAD,
    EXEMPTIONS,
    Exemption,
    days_apart,
    legitimate,
    needed,
    running,
)
from factcheck.rules.kinds.conflict.keys import (
    MAX_POSTINGS,
    co_indexed,
    shared_words,
    story_mates,
    story_values,
)
from factcheck.rules.kinds.conflict.kind import ConflictKind
from factcheck.rules.kinds.conflict.options import OPTIONS, ConflictOptions
from factcheck.rules.kinds.conflict.qualifiers import compatible, interval, is_toll
from factcheck.rules.kinds.conflict.same_fact import adjacent_agree, may_be_one, others_agree, rest_agrees, same_measure
from factcheck.rules.kinds.conflict.similarity import shared_phrase, weighted_jaccard, weighted_overlap
from factcheck.rules.kinds.conflict.statements import SAME_ORDER, Statement, measure_words, measured, same_order
from factcheck.rules.kinds.conflict.subjects import (
    age_holder,
    figure_subject,
    name_anchor,
    one_noun,
    possible_people,
    same_person,
    same_subject,
    same_surname,
)
from factcheck.rules.kinds.conflict.text import STOPWORDS, Masks, context_words, phrase_tokens

__all__ = [
    "CONVERSION_SPREAD", "EXEMPTIONS", "MAX_POSTINGS", "OPTIONS", "SAME_ORDER", "STOPWORDS",
    "ConflictKind", "ConflictOptions", "Exemption", "Masks", "Statement", "adjacent_agree", "age_holder",
    "co_indexed", "compatible", "context_words", "days_apart", "figure_subject", "interval", "is_toll",
    "legitimate", "may_be_one", "measure_words", "measured", "name_anchor", "needed", "one_noun", "others_agree",
    "phrase_tokens", "possible_people", "rest_agrees", "running", "same_measure", "same_order", "same_person",
    "same_subject", "same_surname", "shared_phrase", "shared_words", "story_mates", "story_values",
    "weighted_jaccard", "weighted_overlap",
]
