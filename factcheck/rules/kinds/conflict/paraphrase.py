"""The paraphrase comparison: alike sentences as the one evidence that two figures are one fact.

Outlets reword a sentence around a figure, and its context window no longer
pairs; the whole sentences still overlap, words weighted by rarity.  This is the
weakest evidence the strong pairing takes (:mod:`.strong`), so it asks more:
each sentence holds the only claim of its kind and unit, or all their others
agree; less alike sentences need a shared verbatim phrase or agreeing figures
besides; and the word after the figure must agree.
"""

from __future__ import annotations

from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import adjacent_agree, others_agree
from factcheck.rules.kinds.conflict.similarity import shared_phrase, weighted_overlap
from factcheck.rules.kinds.conflict.statements import Statement

#: How alike (rarity-weighted overlap) two sentences must be when more than their words
#: shows one fact: all their figures of one kind agree but one each, or the figure sits in
#: a shared phrase of SUPPORTING_RUN words.  See paraphrase.
SUPPORTED_OVERLAP = 0.5
#: Words of a verbatim phrase around two lone figures that let their sentences be less alike.
SUPPORTING_RUN = 3


def paraphrase(a: Statement, b: Statement, idf: dict[str, float], settings: ConflictOptions) -> bool:
    """Alike sentences, each with one claim of this kind and unit -- or with several
    that agree on all the others ("rushed for 404 yards ... 52 catches for 440 yards" /
    "rushed 106 times for 414 yards ... 52 catches for 440 yards").

    Evidence besides the sentence lets it be less alike (:data:`SUPPORTED_OVERLAP`):
    the other figures agreeing, or a lone figure in the same words of a shorter phrase
    (:data:`SUPPORTING_RUN`: "the fire destroyed 14 homes near the river").
    Then the word after the figure must agree too, so that "13 miles east of
    Cloverdale" is not taken for "four miles southwest of Cobb".
    """
    if a.claim.get("relative") or b.claim.get("relative"):
        return False
    others = a.values - {repr(a.claim.value)}
    if min(len(a.sentence), len(b.sentence)) + len(others) < 3:
        return False  # too few words (and agreeing figures) to tell
    overlap = weighted_overlap(a.sentence, b.sentence, idf)
    if a.unique and b.unique:
        if overlap >= settings.min_overlap:
            return True
        supported = shared_phrase(a.phrase, b.phrase)[0] >= SUPPORTING_RUN
    else:
        supported = bool(others) and others_agree(a.values, a, b.values, b)
    return supported and overlap >= min(SUPPORTED_OVERLAP, settings.min_overlap) and \
        adjacent_agree(a, b)
