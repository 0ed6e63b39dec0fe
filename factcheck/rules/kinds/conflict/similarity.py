"""How alike two statements are worded: rarity-weighted overlaps and shared verbatim phrases.

Pure measures over words (see :mod:`.text`), with no notion of what a fact is:
the pairing paths decide what score makes two statements one fact.  Kept
exact to the last bit in every run (:func:`weight`), because a pair sitting at
a threshold must not fall on either side of it from one run to the next.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence

from factcheck.rules.kinds.conflict.text import STOPWORDS


def weight(words: Iterable[str], idf: dict[str, float]) -> float:
    """The summed rarity of a set of words, the same to the last bit in every run.

    A set of strings iterates in an order that changes with Python's hash seed,
    and a float sum depends on its order: ``sum`` would put a pair sitting at a
    threshold on either side of it from one run to the next.  ``fsum`` is
    exactly rounded, so the order does not matter.
    """
    return math.fsum(map(idf.get, words, itertools.repeat(1.0)))


def plain(words: Iterable[str]) -> frozenset[str]:
    """The words of a context or sentence that are words, not the figure's ``<>`` or a masked
    ``#kind``: what the overlaps compare.  Read once per context (a statement is compared
    with many), when the words are a tuple or frozen set, as a statement's are."""
    if isinstance(words, (tuple, frozenset)):
        return _plain(words)
    return frozenset(w for w in words if not w.startswith(("<", "#")))


@functools.lru_cache(maxsize=1 << 14)
def _plain(words: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    if isinstance(words, frozenset) and not any(w.startswith(("<", "#")) for w in words):
        return words  # a sentence's words: nothing to leave out, and no copy
    return frozenset(w for w in words if not w.startswith(("<", "#")))


def weighted_overlap(a: Iterable[str], b: Iterable[str], idf: dict[str, float]) -> float:
    """How much of the smaller context the larger one covers, words weighted by rarity.

    One outlet's sentence often says more ("born to a poor family in
    Tennessee on April 22, 1923" within a longer biography sentence): the
    overlap coefficient does not punish the longer one.  Symmetric, in [0, 1].
    """
    sa, sb = plain(a), plain(b)
    smaller = min(weight(sa, idf), weight(sb, idf))
    return weight(sa & sb, idf) / smaller if smaller else 0.0


def weighted_jaccard(a: Iterable[str], b: Iterable[str], idf: dict[str, float]) -> float:
    """Jaccard similarity of two contexts, each word weighted by its rarity.

    Outlets paraphrase: "a 35-mile quake southwest of Bandar Abbas" and "the
    USGS said the quake was 35 miles southwest of Bandar Abbas" share few
    words, but the ones they share are rare.  Symmetric, in [0, 1].
    """
    sa, sb = plain(a), plain(b)
    union = weight(sa | sb, idf)
    return weight(sa & sb, idf) / union if union else 0.0


def shared_phrase(a: tuple[Sequence[str], Sequence[str]], b: tuple[Sequence[str], Sequence[str]]) -> tuple[int, int]:
    """How long a verbatim phrase two figures share around them: (words, telling words).

    Counted outwards from the figure on each side while the words agree.  The
    telling words are those that are not stopwords; a neighbouring figure with
    the same value tells as much as a rare word.  A phrase that ends where the
    two statements give a *different* figure of one kind is no evidence at all
    ("six AK 47 rifles, 12 magazines" / "14 AK 47 rifles, 31 magazines"):
    that is the same template filled for two events, (0, 0).  Symmetric.
    """
    words = telling = 0
    for xs, ys in zip(a, b, strict=True):
        for x, y in zip(xs, ys, strict=False):
            if x != y:
                if x[:1] == "#" == y[:1] and x.split("=", 1)[0] == y.split("=", 1)[0]:
                    return 0, 0
                break
            words += 1
            telling += len(x) > 1 and x not in STOPWORDS
    return words, telling
