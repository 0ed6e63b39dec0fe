"""What ``names/variant`` weighs besides edit distance: transliteration, names discussed as words.

Kept apart from :mod:`factcheck.rules.kinds.names` because each is a small,
testable judgement about letters or context, not about the corpus vote:

* :func:`transliteration` -- two spellings of one foreign name that differ
  only where romanisation systems differ ("Heydar"/"Heidar", "Khan
  Yunis"/"Khan Younis").  Rules over letters, never a list of names.
* :func:`romanisation` -- the looser letter rule: two spellings with the same
  consonant frame and vowel slots, differing in vowels, k/g/q, b/v, an h
  after a consonant or a doubled letter.  A slip can produce that too
  ("Robin"/"Robyn"), so the rule applies it only with evidence from the
  corpus that the name is a foreign proper name (see ``names.py``).
* :func:`discussed_as_word` -- a mention that talks *about* a name ("a
  diminutive of Vincente") rather than naming someone.

(Why a finding was made, ``Finding.data["evidence"]``, is one record for every
corpus rule: :class:`factcheck.rules.evidence.Evidence`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: letter groups romanisation systems write differently (Arabic, Persian, Korean, Russian...):
#: a digraph for one sound, or y/i after a vowel ("Heydar"/"Heidar"; a final "Marchetty" is a
#: slip).  A random slip cannot produce these (it does not add an "h" after a "k"), so a
#: difference made only of them is a transliteration even when one article alone uses it.
_STRONG = ((r"kh", "k"), (r"dh", "d"), (r"gh", "g"), (r"ph", "f"), (r"ou", "u"), (r"oo", "u"),
           (r"ee", "i"), (r"(?<=[aeo])y", "i"))
#: single vowels romanisations disagree on (e/a, o/u, e/i); one of these is also an ordinary slip,
#: so it counts as a transliteration only when another document uses the same spelling.
_WEAK = ((r"e", "a"), (r"o", "u"), (r"i", "a"))


def _skeleton(word: str, rules: Sequence[tuple[str, str]]) -> str:
    for pat, rep in rules:
        word = re.sub(pat, rep, word)
    return word


def transliteration(x: str, y: str) -> str | None:
    """``"strong"`` when folded words ``x`` and ``y`` differ only in romanisation digraphs or ey/ei, ay/ai,
    ``"weak"`` when single-vowel choices are needed too, else None (a different word or a slip)."""
    if x == y or len(x) < 3 or len(y) < 3:
        return None
    if _skeleton(x, _STRONG) == _skeleton(y, _STRONG):
        return "strong"
    if _skeleton(_skeleton(x, _STRONG), _WEAK) == _skeleton(_skeleton(y, _STRONG), _WEAK):
        return "weak"
    return None


#: letters romanisation systems trade for one another: k/g/q ("Gurbanguly"/"Kurbanguly",
#: "Qaddafi"/"Gaddafi") and b/v; an h after a consonant (kh, dh, th, sh) marks a sound English lacks.
_CONSONANT_CLASS = str.maketrans({"g": "k", "q": "k", "v": "b"})
_H_AFTER_CONSONANT_RE = re.compile(r"(?<=[bcdfgjklmnpqrstvwxz])h")
_DOUBLED_RE = re.compile(r"(.)\1+")
#: vowel letters; a final y is not one: "Marchetty" for "Marchetti" is an English ending, a slip.
_VOWELS_RE = re.compile(r"(?:[aeiou]|y(?!$))+")


def _frame(word: str) -> str:
    """The consonant frame with vowel slots: "salahuddin" -> "sVlVdVn", "jabaliya" -> "jVbVlV"."""
    word = _DOUBLED_RE.sub(r"\1", _H_AFTER_CONSONANT_RE.sub("", word).translate(_CONSONANT_CLASS))
    return _VOWELS_RE.sub("V", word)


def romanisation(x: str, y: str) -> bool:
    """Do folded words ``x`` and ``y`` differ only where romanisations of one foreign name differ?

    The same consonant frame and the same number of vowel slots, with any vowels in
    them ("Salahuddin"/"Salahaddin", "Jabalya"/"Jabaliya", "Bireuen"/"Bireun"), k/g/q
    or b/v, or an h after a consonant.  Not a vowel slot added or dropped ("Raite"/
    "Rait", "Schnectady"), not another consonant ("Salaluddin"), and not a doubled
    letter alone ("Heffner"/"Hefner", "Milliote"/"Miliote"): doubling is the commonest
    slip of all, so it counts only beside another romanisation difference.
    """
    if x == y or len(x) < 3 or len(y) < 3:
        return False
    if _DOUBLED_RE.sub(r"\1", x) == _DOUBLED_RE.sub(r"\1", y) or _slip_of_one_key(x, y):
        return False
    return _frame(x) == _frame(y)


#: vowels, and y, which romanisations write for i ("Jabalya"/"Jabalia")
_VOWEL_LETTERS = frozenset("aeiouy")


def _slip_of_one_key(x: str, y: str) -> bool:
    """Do ``x`` and ``y`` differ by a slip no romanisation makes, though their frames agree?

    Two neighbouring letters swapped ("Baeumont"/"Beaumont"): romanisations choose
    letters, they do not reorder them.  One letter struck for another across the
    vowel/consonant line ("DeSiawn"/"DeShawn", "Ssisse"/"Suisse"): the frame reads the
    struck "h" as a marker of a sound and the new "s" as a doubling, but no system writes
    a vowel where another writes a consonant.
    """
    if len(x) != len(y):
        return False
    diff = [i for i, (a, b) in enumerate(zip(x, y, strict=True)) if a != b]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        i = diff[0]
        return x[i] == y[i + 1] and x[i + 1] == y[i]
    if len(diff) == 1:
        i = diff[0]
        return (x[i] in _VOWEL_LETTERS) != (y[i] in _VOWEL_LETTERS)
    return False


_ABOUT_BEFORE_RE = re.compile(
    r"(?:\b(?:diminutive|short|shortened|abbreviation|nickname|variant|spelling|"
    r"derivative|anglici[sz]ation|translation|corruption)\s+(?:form\s+)?(?:of|for|from)"
    r"|\b(?:the|a|his|her|their|its)\s+(?:first\s+|given\s+|last\s+|family\s+)?name"
    r"|\bspelled|\bspelt|\bwritten\s+as|\bderived\s+from)"
    r"\s*[\"“'‘]?\s*$", re.IGNORECASE)
_ABOUT_AFTER_RE = re.compile(r"^\s*[\"”'’]?\s*,?\s*(?:meaning|which\s+means|means|is\s+derived|derives)\b",
                             re.IGNORECASE)


def discussed_as_word(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` talked about as a word ("a diminutive of Vincente",
    "the name Vincente", "Vincente, meaning ...")?  Such a mention names nobody, so it cannot
    misspell anybody's name."""
    return bool(_ABOUT_BEFORE_RE.search(text[max(0, start - 60):start])
                or _ABOUT_AFTER_RE.match(text[end:end + 40]))
