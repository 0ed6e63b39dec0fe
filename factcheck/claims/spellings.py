"""When is one spelling of a name a slip of the pen for another?

Shared by the names extractor (a headline word that nearly matches a name its
own article uses) and the ``name-variants`` rule kind (a rare spelling that
nearly matches a well-supported one), so that both draw the line in the same
place.  Names are compared in folded form: lower case, one space between
words.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA

#: Endings that turn one name into a related word rather than a misspelling of it:
#: plurals and demonyms ("Avenues", "Alaskan", "Saudi Arabian", "Tony Awards").
INFLECTIONS = frozenset({"s", "es", "n", "an", "ian", "ans", "ns", "ese", "ish", "i", "ite", "ites", "y"})


def inflected(x: str, y: str) -> bool:
    """True when one token is the other plus an inflectional ending."""
    short, long = sorted((x, y), key=len)
    return long.startswith(short) and long[len(short):] in INFLECTIONS


def inflection_pair(a: str, b: str) -> bool:
    """True when folded names ``a`` and ``b`` differ only by an inflection of one
    word ("the Klitschkos" / "Klitschko", "Alaskan" / "Alaska")."""
    x, y = a.split(), b.split()
    if len(x) != len(y):
        return False
    diff = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    return len(diff) == 1 and inflected(*diff[0])


def max_edits(token: str) -> int:
    """How many edits a token may be away and still be a typo of it.

    Tokens shorter than four letters carry too little signal ("Un"/"Il" are
    different names, not typos); five to seven letters allow one edit, longer
    ones two.
    """
    n = len(token)
    if n < 4:
        return 0
    return 1 if n < 8 else 2


def typo_pair(rare: str, common: str) -> bool:
    """True when folded name ``rare`` is a plausible misspelling of ``common``.

    Symmetric in its structural test (same token count, exactly one token
    differs); the caller decides which side is rare.  The edit budget is the
    shorter token's (:func:`max_edits`) -- or the longer's when the two differ
    in length by one letter: a slip that drops a letter of an eight-letter name
    ("Wtliams" for "Williams": one letter dropped, one struck wrong) is two
    slips in the name the writer meant, and the shorter word's budget counted
    the dropped letter against it.  Two letters more or fewer stay one edit's
    budget: "New Zealander" is a word formed on "New Zealand", "Magrue" (Magruder
    and LaRue) a nickname, not slips.
    """
    a, b = rare.split(), common.split()
    if len(a) != len(b) or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x[0].isdigit() or y[0].isdigit() or inflected(x, y):
        return False
    short, long = sorted((x, y), key=len)
    limit = max_edits(short)
    if limit == 0:
        return False
    if len(long) == len(short) + 1:
        limit = max_edits(long)
    # Optimal string alignment: a swapped pair of letters ("Nixno") is one slip, not two.
    return OSA.distance(x, y, score_cutoff=limit) <= limit


def deletions(token: str, radius: int) -> set[str]:
    """Every string made by deleting up to ``radius`` characters from ``token``."""
    out = {token}
    frontier = {token}
    for _ in range(radius):
        frontier = {t[:i] + t[i + 1:] for t in frontier for i in range(len(t))}
        out |= frontier
    return out


def blocking_keys(folded: str) -> set[str]:
    """Keys under which two candidate variants must meet at least once.

    For each token position, the token's deletion neighbourhood within its
    own edit budget (SymSpell's trick): two tokens within k edits of each
    other always share a key when both sides delete up to k characters, so the
    blocking never loses a true pair, and it never compares names of
    different shapes.
    """
    toks = folded.split()
    n = len(toks)
    return {f"{n}|{i}|{d}" for i, t in enumerate(toks) for d in deletions(t, max_edits(t))
            if max_edits(t) > 0}


class SlipIndex:
    """One-word names a slip could have been meant for, without comparing every pair.

    Words are grouped by first letter -- a lone word with another first letter
    is never taken for a slip ("Sony"/"Tony").  A small group is compared
    word by word (at most :attr:`SMALL` comparisons a look-up); a larger one
    gets its deletion-neighbourhood index (:func:`blocking_keys`) when it is
    first looked up, so the cost stays linear in the words however many are
    looked up.
    """

    #: Groups up to this size are scanned rather than indexed.
    SMALL = 32

    def __init__(self, words: Iterable[str]) -> None:
        # Grouped now, each group sorted when first looked up: most documents look up a
        # few first letters of the many their names start with.
        self._unsorted: dict[str, set[str]] = {}
        for w in words:
            if w and " " not in w:
                self._unsorted.setdefault(w[0], set()).add(w)
        self._by_first: dict[str, list[str]] = {}
        self._keys: dict[str, dict[str, list[str]]] = {}

    def near(self, word: str) -> list[str]:
        """The indexed words of which ``word`` is a plausible slip (:func:`typo_pair`), sorted."""
        if not word or " " in word:
            return []
        group = self._by_first.get(word[0])
        if group is None:
            group = self._by_first[word[0]] = sorted(self._unsorted.get(word[0], ()))
        if len(group) <= self.SMALL:
            # No edit budget exceeds two (max_edits), and a word is no slip of itself: both
            # tested before the full comparison, which most words of a group fail.
            n = len(word)
            return [w for w in group if -3 < len(w) - n < 3 and w != word and typo_pair(word, w)]
        index = self._keys.get(word[0])
        if index is None:
            index = self._keys[word[0]] = {}
            for w in group:
                for key in blocking_keys(w):
                    index.setdefault(key, []).append(w)
        found = {w for key in blocking_keys(word) for w in index.get(key, ())}
        return sorted(w for w in found if typo_pair(word, w))
