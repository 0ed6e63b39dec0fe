"""The subject pairing: figures said of one named subject in one story.

"Luck threw for 205 yards on Sunday" and "Luck threw for 205 yards Sunday, and
his 7-yard touchdown pass ..." share the subject and the measure and little
else.  The subject is the person named nearest before the figure in its
sentence (:func:`.subjects.figure_subject`); two articles of one story saying
one subject's measure are compared, and a value one article alone gives the
subject is weighed against the story's majority for it (:mod:`.majority`).
Weaker evidence, reported at ``weak_severity``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from factcheck.claims.names import name_words
from factcheck.rules.kinds.conflict.keys import co_indexed, story_values
from factcheck.rules.kinds.conflict.majority import OTHER_FACTS, against_majorities
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.same_fact import adjacent_agree, may_be_one, others_agree
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.kinds.conflict.subjects import same_person
from factcheck.rules.kinds.conflict.text import name_in_words

#: Sentence words besides the subject's name that two figures said of one subject must
#: share (see subject_pairs).
SUBJECT_WORDS = 3


def subject_pairs(facts: Sequence[Statement], settings: ConflictOptions, known: set[tuple[int, int]],
                  story: Counter[tuple[int, int]],
                  values: dict[int, set[str]] | None = None) -> Iterable[tuple[int, int]]:
    """Figures said of one named subject in one story: weaker evidence.

    "Luck threw for 205 yards on Sunday, breaking Cam Newton's single-season mark"
    and "Luck threw for 205 yards Sunday, and his 7-yard touchdown pass to Reggie
    Wayne ..." share the subject and the measure, and little else.  Two articles of
    the story that give the subject
    (:func:`figure_subject`) the same values of the measure but these two (one value
    each, the simplest case; see ``Statement.said``) pair when their sentences share
    :data:`SUBJECT_WORDS` words besides the name and the word after the figure
    agrees.  And a value one article alone gives for the subject's measure is paired
    with the value two articles or more of the story agree on for it (twice as many
    as any other), unless another article of the story gives that value for the
    measure (:func:`majority_pairs`).  The article may give the subject one other
    value of the measure (:data:`OTHER_FACTS`), its other fact, which is set aside:
    "Bush rushed for 525 yards and caught passes for 440 yards" against a story
    agreeing on 404 yards rushing and 440 receiving.  ``story``:
    :func:`story_mates`; ``values``: :func:`story_values`, if already counted.
    """
    index: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.subject is not None and not f.claim.get("relative"):
            index[(f.key, f.measure, name_words(f.subject)[-1])].append(i)
    mates: dict[int, list[int]] = defaultdict(list)
    for x, y in sorted(co_indexed(index, facts)):
        a, b = facts[x], facts[y]
        assert a.subject is not None and b.subject is not None
        if not same_person(a.subject, b.subject) or (x, y) not in story or not may_be_one(a, b):
            continue
        mates[x].append(y)
        mates[y].append(x)
        if (x, y) in known or not (others_agree(a.said, a, b.said, b) and adjacent_agree(a, b)):
            continue
        besides = a.sentence & b.sentence - name_in_words(a.subject) - name_in_words(b.subject)
        if len(besides) >= SUBJECT_WORDS:
            yield x, y
    lone = {x: ys for x, ys in mates.items() if len(facts[x].said) <= 1 + OTHER_FACTS}
    if values is None:
        values = story_values(facts, story)
    yield from against_majorities(facts, lone, values, known, by_subject=True)
