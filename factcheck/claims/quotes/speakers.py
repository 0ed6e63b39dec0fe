"""Speaker phrases: the words of an attribution, resolved through the document's name
mentions (:func:`factcheck.claims.names.mentions`), so "Lavrov said" and "said Sergei
Lavrov" give the same full name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from factcheck.claims.base import Claim
from factcheck.claims.names import SPEECH_VERBS as _NAMES_SPEECH_VERBS
from factcheck.claims.names import abbreviation_before, mentions
from factcheck.claims.names.gender import PRONOUN_SEX, person_sexes
from factcheck.claims.quotes.pairing import _Quote
from factcheck.documents import Document

_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Msgr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|Sgt|Adm|Maj|"
                      r"Cpl|Const|Det|Insp|Supt|St|Jr|Sr)\.|\w[\w'’\-]*")
_AUX = frozenset("""has have had is was were will would could should may might must also later then
    again further previously earlier recently reportedly once often repeatedly already just still
    simply quickly angrily""".split())
_NEGATIONS = frozenset({"not", "n't", "never", "no", "didn't", "doesn't", "don't", "won't", "wouldn't",
                        "couldn't", "refused", "declined"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_DETERMINERS = frozenset("the a an this that one another his her their its our my your some several "
                         "two three many other".split())
# Words that end a speaker phrase after a verb ("said Lavrov *in* a statement").
_NP_STOP = frozenset("""in on at during after before when while who whom which whose according adding
    referring as with from to for told noting saying last this yesterday today tonight earlier later
    monday tuesday wednesday thursday friday saturday sunday and but""".split())
_AND = frozenset({"and", "but", "then", "or"})
_NAMING = frozenset({"called", "described", "dubbed", "termed", "labelled", "labeled"})
_PASSIVE = frozenset({"what's", "what’s", "so", "is", "was", "are", "were", "be", "been", "being", "often",
                      "widely", "commonly", "sometimes"})
# A described speaker is a short noun phrase: these words mean it is a clause.
_NOT_IN_NP = frozenset("""through with from into over after before what what's what’s that which who whom
    whose where when while because if""".split())
_OF_RE = re.compile(r",?[ \t]+of[ \t]")  # a name's affiliation follows: "Andrew Wetzler of the NRDC"
_SENT_END_RE = re.compile(r"[.!?…](?=\s|$)")
_SENT_BREAK_RE = re.compile(r"[.!?…][\"”’)\]]*[ \t]+(?=[\"“(\[]?[A-Z0-9])")
#: Runs of word characters: every word :data:`_WORD_RE` reads that is a speech verb is
#: one of them (the converse need not hold), so a window with none has no attribution.
_ALNUM_RUN_RE = re.compile(r"\w+")
_MAX_NP_WORDS = 8
#: The verbs that attribute a quote: the names analysis' speech verbs and the participles
#: of some of them it does not list ("President Obama directed a review, *stating* that
#: "…""), kept here so that the names analysis, which reads its list as evidence of a
#: person, does not change with them.
SPEECH_VERBS = _NAMES_SPEECH_VERBS | frozenset({"stating", "commenting", "remarking"})


# --------------------------------------------------------------------------- speakers


class _Speakers:
    """Resolves speaker phrases through the document's name mentions."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.names = [c for c in mentions(doc)]
        self.starts = [c.start for c in self.names]
        self.by_end = {c.end: c for c in self.names}
        #: each person's sex where the document shows it (see factcheck.claims.names.gender)
        self.sexes = person_sexes(self.names)
        self.quote_starts: list[int] = []
        self.quote_ends: list[int] = []
        # Every sentence end, found once: searching the rest of the line for each
        # quote is quadratic on a long line that never ends a sentence.
        self.sentence_ends = [m.start() for m in _SENT_END_RE.finditer(self.text)]

    def sentence_end(self, pos: int, line_end: int) -> int:
        """Just after the first sentence end in ``[pos, line_end)``, else ``line_end``
        (where a stop right before ``line_end`` would end anyway)."""
        i = bisect.bisect_left(self.sentence_ends, pos)
        if i < len(self.sentence_ends) and self.sentence_ends[i] < line_end:
            return self.sentence_ends[i] + 1
        return line_end

    def name_ending(self, a: int, b: int) -> Claim | None:
        """The name mention that ends the phrase ``text[a:b]``, if any."""
        while b > a and self.text[b - 1].isspace():
            b -= 1
        c = self.by_end.get(b)
        return c if c is not None and c.start >= a else None

    def names_in(self, a: int, b: int) -> list[Claim]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.names) and self.names[i].start < b:
            if self.names[i].end <= b:
                out.append(self.names[i])
            i += 1
        return out

    def last_person_before(self, pos: int, pronoun: str | None = None) -> Claim | None:
        """The last person named before ``pos`` outside quotes (quoted names are
        not what "he" refers to) who can be ``pronoun``: a person the document
        shows to be of the other sex is passed over ("An amateur photographer named
        Jerry Tibbs asked her to pose.  ... she told Playboy" is not Tibbs)."""
        want = PRONOUN_SEX.get(pronoun) if pronoun else None
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            c = self.names[i]
            if c.attrs.get("type") == "person" and not self.quoted(c.start):
                sex = self.sexes.get(str(c.value))
                if want is None or sex is None or sex == want:
                    return c
            i -= 1
        return None

    def quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_ends[k]

    def set_quotes(self, quotes: list[_Quote]) -> None:
        spans = sorted((q.start, q.end) for q in quotes)
        self.quote_starts = [a for a, _ in spans]
        self.quote_ends = [b for _, b in spans]

    def phrase(self, a: int, b: int) -> tuple[str | None, str | None, str | None]:
        """(speaker, speaker_type, pronoun) for the noun phrase ``text[a:b]``."""
        text = self.text
        words = text[a:b].split()
        if not words or len(words) > _MAX_NP_WORDS:
            return None, None, None
        name = self.name_ending(a, b)
        first = next(iter(self.names_in(a, b)), None)
        if first is not None and _OF_RE.match(text, first.end, b):
            # "said Andrew Wetzler of the NRDC", "said Lt. Gregg Hastings of the Oregon State
            # Police": the person, not where they work.
            name = first
        if name is not None:
            return str(name.value), str(name.attrs.get("type", "unknown")), None
        low = [w.casefold() for w in words]
        if len(words) == 1 and low[0] in _PRONOUNS:
            return None, None, low[0]
        possessive = any(w.endswith(("'s", "’s")) for w in words[:-1])
        if low[0] in _DETERMINERS or possessive or (len(words) <= 3 and all(w.islower() for w in words)):
            if len(words) > 6 or any(w in _PRONOUNS or w in SPEECH_VERBS or w in _NOT_IN_NP for w in low[1:]) \
                    or low[-1] in _AND or low[-1] in _DETERMINERS or not words[-1][:1].isalnum():
                return None, None, None
            return " ".join(words), "description", None
        return None, None, None


def _np_end(text: str, start: int, limit: int) -> int:
    """End of the speaker phrase that starts at ``start`` (after a verb)."""
    k = start
    for m in _WORD_RE.finditer(text, start, limit):
        gap = text[k:m.start()]
        if any(ch in ",;:!?\"“”()[]\n—–" for ch in gap) or (
                "." in gap and not abbreviation_before(text, k + gap.index("."))):
            return k
        if m.group().casefold() in _NP_STOP:
            return k
        k = m.end()
    return k


#: Words between a subject and its speech verb that are not part of the subject:
#: "the company was *quoted as* saying", "Jeffs was *heard* saying".
_REPORTED = (("quoted", "as"), ("heard",), ("overheard",))


def _subject_end(words: Sequence[tuple[int, int, str]], i: int) -> int:
    """Index just past the subject of the speech verb ``words[i]``: auxiliaries
    ("has said", "would later say") and reporting phrases are skipped."""
    j = i
    while True:
        while j > 0 and words[j - 1][2].casefold() in _AUX:
            j -= 1
        for phrase in _REPORTED:
            n = len(phrase)
            if j > n and tuple(w.casefold() for _s, _e, w in words[j - n:j]) == phrase:
                j -= n
                break
        else:
            return j

