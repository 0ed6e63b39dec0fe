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
#: A definite description is resolved to a person named at most this many characters before
#: it (a few paragraphs of news prose), and only when it is this short ("the doctor", "the
#: state's chief medical officer" is as long as it gets).
DESCRIBED_LOOKBACK = 1500
_MAX_DESCRIBED_WORDS = 5
#: What may follow the last word of a noun phrase: punctuation, or a preposition or relative
#: that starts its complement ("a doctor *at* a health clinic", "a resident *who* saw it").
_NP_HEAD_END = r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:at|of|in|for|with|from|on|who|whose|and)\b)"
#: Words before a sentence's subject that are its title ("Athletic director Gene Smith"), at most.
_MAX_TITLE_WORDS = 4
#: How far back a pronoun's sentence is read for its subject, in characters: a sentence's
#: subject stands within a few dozen words of its end, and a bound keeps a line of thousands
#: of names and pronouns linear.
_SUBJECT_LOOKBACK = 600
#: "by" and a title or none right before a name: the agent of a passive ("asked by Judge Martone")
_BY_TITLE_RE = re.compile(r"\bby[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}$")
_TRAILING_TITLE_RE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){1,4}$")
#: Words that open a phrase before a sentence's subject ("Asked if Ortiz might have lived, Waldie
#: said"; "At one point, Lynch asked Coleman"): a name right after them is not the subject.
_INTRODUCERS = frozenset("""asked if when while after before as because although though since despite
    with at in on for by unlike like until once whether during following from to of""".split())
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

    def last_person_before(self, pos: int, pronoun: str | None = None, *, reply: bool = False) -> Claim | None:
        """The last person named before ``pos`` outside quotes (quoted names are
        not what "he" refers to) who can be ``pronoun``: a person the document
        shows to be of the other sex is passed over ("An amateur photographer named
        Jerry Tibbs asked her to pose.  ... she told Playboy" is not Tibbs).

        That sentence's subject is taken (see :meth:`_subject_of_sentence`) unless the
        quote is a ``reply`` ("…," he responded): a reply is the addressee's, the person
        named last ("Lynch asked Coleman, "…?"  "Yes," he responded" is Coleman's), not
        the subject who asked."""
        want = PRONOUN_SEX.get(pronoun) if pronoun else None
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            c = self.names[i]
            if self._can_be(c, want):
                if reply and not self._agent(c):
                    return c
                return self._subject_of_sentence(i, want)
            if reply and self._can_be(c, want, "unknown"):
                return c
            i -= 1
        return None

    def _agent(self, c: Claim) -> bool:
        """Is ``c`` the agent of a passive ("was asked by Judge Martone")?  Then the asker,
        and the subject, who was asked, is the one who replies."""
        return _BY_TITLE_RE.search(self.text[max(0, c.start - 60):c.start]) is not None

    def _can_be(self, c: Claim, want: str | None, kind: str = "person") -> bool:
        """Can ``c`` be what a pronoun of sex ``want`` refers to?  A name of type ``kind`` named
        outside quotes: a person, or for the addressee a reply is from, also a name the analysis
        left ``unknown`` (an addressee is often a bare surname after the verb, "Lynch asked
        Coleman", with nothing around it that says person)."""
        if c.attrs.get("type") != kind or self.quoted(c.start):
            return False
        sex = self.sexes.get(str(c.value))
        return want is None or sex is None or sex == want

    def _subject_of_sentence(self, i: int, want: str | None) -> Claim:
        """The person a pronoun takes from the sentence that last names one (``names[i]``):
        the sentence's subject, when a person who can be the pronoun is plainly its subject
        (see :meth:`_opens_clause`), else ``names[i]``, the last named.

        Why the subject: "he said" continues the sentence's subject, not the last name in
        it ("Matt Smith welcomed Capaldi's casting. "…," he said" is Smith's; "Capaldi is
        known for playing Malcolm Tucker. "…," he said" is Capaldi's)."""
        last = self.names[i]
        start = max(self.sentence_start(last.start), last.start - _SUBJECT_LOOKBACK)
        k = bisect.bisect_left(self.starts, start)
        while k < i:
            c = self.names[k]
            if self._can_be(c, want) and self.text[c.end:c.end + 1] not in ("'", "’") \
                    and self._opens_clause(start, c.start):
                return c
            k += 1
        return last

    def _opens_clause(self, start: int, pos: int) -> bool:
        """Does a name at ``pos`` open the main clause of the sentence starting at ``start``?

        Either nothing but a short title stands before it ("Athletic director Gene Smith
        said"), or an introductory phrase ending in a comma ("While congratulating Hansbrough,
        Ford added"; then Hansbrough, inside the phrase, is not the subject).  Not when the
        sentence opens with a quote: its attribution ("…," said Trend Micro researcher Paul
        Ferguson) names the speaker last, and a mistyped company may come first."""
        lead = self.text[start:pos]
        if any(ch in lead for ch in "\"“”"):
            return False
        words = [w.casefold().strip(".'’") for w in lead.split()]
        if _TRAILING_TITLE_RE.sub("", lead).rstrip().endswith(","):
            return True  # "In an interview with CNA, Sr. Keehan pointed out": the title is no phrase
        return len(words) <= _MAX_TITLE_WORDS and not any(ch in lead for ch in ",;:()") \
            and _INTRODUCERS.isdisjoint(words)

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos``: after the last sentence end before it on its line,
        looking back no further than :data:`_SUBJECT_LOOKBACK` (a line of abbreviations stays linear)."""
        line_start = max(self.text.rfind("\n", 0, pos) + 1, pos - _SUBJECT_LOOKBACK)
        i = bisect.bisect_left(self.sentence_ends, pos) - 1
        while i >= 0 and self.sentence_ends[i] >= line_start:
            e = self.sentence_ends[i]
            if self.text[e] != "." or not abbreviation_before(self.text, e):
                return e + 1
            i -= 1
        return line_start

    def described_person(self, description: str, pos: int) -> Claim | None:
        """The person a definite description ("the doctor") refers back to: the last one
        named before ``pos``, outside quotes and within :data:`DESCRIBED_LOOKBACK`, whom
        the document itself calls by the description's last word -- in a title ("doctor
        Ema Suryani") or an aside after the name ("Ema Suryani, a doctor at a clinic").

        Why the word must match: the nearest person is often someone else (the victim, the
        suspect), and "the doctor" names nobody until the text has said who the doctor is.
        """
        words = description.casefold().split()
        if len(words) < 2 or words[0] != "the" or len(words) > _MAX_DESCRIBED_WORDS:
            return None
        head = words[-1]
        if not head.isalpha():
            return None
        text = self.text
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.names[i].start >= pos - DESCRIBED_LOOKBACK:
            c = self.names[i]
            i -= 1
            if c.attrs.get("type") not in ("person", "unknown") or self.quoted(c.start):
                continue
            title = str(c.attrs.get("title") or "").casefold()
            line_start = text.rfind("\n", 0, c.start) + 1
            before = text[max(line_start, c.start - 40):c.start].casefold()
            after = text[c.end:c.end + 120].split("\n", 1)[0].casefold()
            # The word must head the title or aside, not qualify it: "Foreign Ministry spokesman
            # Hua" is not what "the ministry said" refers to.  Both patterns hold the word as it is,
            # so where it is not in the text at all they are not compiled (one pattern per word).
            if title.split()[-1:] == [head] or (head in before and re.search(rf"\b{head},?[ \t]+$", before)) \
                    or (head in after and re.match(
                        rf",[ \t]+(?:a|an|the)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?{head}{_NP_HEAD_END}", after)):
                return c
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

