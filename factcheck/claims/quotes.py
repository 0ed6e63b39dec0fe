"""Quotes and who said them.

A quote is checkable in two ways: the words themselves (did two articles quote
Pompeo the same way?) and the speaker (did one of them put the words in
Lavrov's mouth?).  Both need the quote's exact extent and a speaker resolved to
the same full name the names extractor uses, so "Lavrov said" and "said Sergei
Lavrov" compare equal.

Quote marks are paired per paragraph (a line): curly marks by direction,
straight marks by alternation.  News style re-opens a quote at the start of
each paragraph it continues into and closes it only at the end, so an unclosed
quote ends with its paragraph and the next paragraph's quote is a separate
claim, whose speaker is *inferred* from the previous one.  A quote that is
still open at a line ending mid-sentence is a hard-wrapped line, and continues.

Attribution, in order of reliability:

1. *after* the closing mark: ``"…," said Lavrov`` / ``"…," Lavrov said`` /
   ``"…," the diplomat said`` / ``"…" Pompeo told the council``;
2. *before* the opening mark, in the same sentence: ``Pompeo said "…"`` /
   ``Lavrov said it was "inappropriate and untimely"``;
3. *continuation*: a quote that opens a paragraph (or directly follows an
   attribution sentence) right after an attributed quote, with nothing else in
   between, or a pronoun subject ("He added that …"): ``inferred=True``.

Claim attributes (all JSON-serialisable, always present):

``speaker``       full name ("Sergei Lavrov"), a description ("the council
                  diplomat"), or None
``speaker_type``  the name's type ("person", "organisation", "place",
                  "unknown"), "description", or None
``verb``          the attribution verb ("said", "told", "argued"...), or None
``partial``       True for a fragment woven into the writer's sentence,
                  including 1-3 word scare quotes
``inferred``      True when the speaker comes from context, not from an
                  attribution next to this quote
``attribution``   "after" | "before" | "continuation" | "pronoun" | None
``unclosed``      True when the paragraph ended before a closing mark
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim, line_bounds, make_claim, register
from factcheck.claims.names import SPEECH_VERBS, abbreviation_before, mentions
from factcheck.documents import Document

__all__ = ["extract"]

_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_MARK_RE = re.compile("[\"“”„«»]")
_LINE_RE = re.compile(r"[^\n]+")
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
_TRIM_TAIL = " \t\n,;:"
#: Runs of word characters: every word :data:`_WORD_RE` reads that is a speech verb is
#: one of them (the converse need not hold), so a window with none has no attribution.
_ALNUM_RUN_RE = re.compile(r"\w+")
_MAX_NP_WORDS = 8


@dataclass(slots=True)
class _Quote:
    open: int  # index of the opening mark, or where the text starts for a continuation
    close: int  # index of the closing mark, or the paragraph end when unclosed
    start: int  # content span (trimmed)
    end: int
    line: int
    unclosed: bool = False
    lone_close: bool = False  # only a closing mark: continues an earlier unclosed quote
    partial: bool = False
    speaker: str | None = None
    speaker_type: str | None = None
    verb: str | None = None
    inferred: bool = False
    attribution: str | None = None
    tail_end: int = -1  # end of this quote's attribution sentence (for continuations)


# --------------------------------------------------------------------------- pairing


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: the paragraphs that quote marks are paired within."""
    return [m.span() for m in _LINE_RE.finditer(text)]


def _pair(text: str) -> list[_Quote]:
    """Find quote spans, paragraph by paragraph."""
    out: list[_Quote] = []
    lines = _lines(text)
    carry: int | None = None  # an opening mark carried over a hard-wrapped line break
    carry_kind = ""
    for li, (ls, le) in enumerate(lines):
        marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text, ls, le)]
        state: int | None = carry
        kind = carry_kind
        carry = None
        inner = False  # a curly quote opened inside a straight one
        for k, (pos, ch) in enumerate(marks):
            if state is None:
                if ch in _CLOSERS or (ch == '"' and k == len(marks) - 1 and _looks_closing(text, pos, ls, le)
                                      and not _line_has_quote(out, li)):
                    if k == 0 and out and out[-1].unclosed:
                        q = _make(text, ls, pos, li, lone_close=True)
                        if q is not None:
                            out.append(q)
                    continue
                state, kind, inner = pos, ch, False
                continue
            closes = (ch == '"' and kind == '"') or (ch in _CLOSERS and kind in _OPENERS)
            if kind == '"' and ch in _CLOSERS:
                # Mixed typography closes a straight quote with a curly mark
                # ('"adjusted his waistband,” officials say'), unless the curly
                # mark closes a quote within the quote.
                closes, inner = not inner, False
            elif kind == '"' and ch in _OPENERS:
                inner = True
            if closes:
                q = _make(text, state, pos, li)
                if q is not None:
                    out.append(q)
                state = None
            elif ch in _OPENERS and kind in _OPENERS:
                # A new opening mark while one is open: the first was never closed.
                q = _make(text, state, pos, li, unclosed=True)
                if q is not None:
                    out.append(q)
                state, kind = pos, ch
            # otherwise: a mark of the other family inside the quote; part of it
        if state is not None:
            stripped = text[ls:le].rstrip()
            nxt = lines[li + 1] if li + 1 < len(lines) else None
            hard_wrap = (nxt is not None and nxt[0] == le + 1 and stripped[-1:] not in ".!?…:\"”"
                         and text[nxt[0]:nxt[1]].lstrip()[:1] not in "\"“„«")
            if hard_wrap:
                carry, carry_kind = state, kind
            else:
                q = _make(text, state, le, li, unclosed=True)
                if q is not None:
                    out.append(q)
    return out


def _line_has_quote(out: list[_Quote], line: int) -> bool:
    """Is there a quote on ``line`` already?  (Then a final mark is not a lone closer.)"""
    return bool(out) and out[-1].line == line


def _looks_closing(text: str, pos: int, ls: int, le: int) -> bool:
    """A straight mark right after a word or punctuation, at a word end: a closer."""
    before = text[pos - 1] if pos > ls else " "
    after = text[pos + 1] if pos + 1 < le else " "
    return not before.isspace() and before not in ":(" and (after.isspace() or after in ".,;:!?)")


def _make(text: str, open_pos: int, close_pos: int, line: int, *, unclosed: bool = False,
          lone_close: bool = False) -> _Quote | None:
    """A quote record whose content span excludes the marks, surrounding space
    and the trailing comma of ``"…," he said`` (not the speaker's words)."""
    s = open_pos if lone_close else open_pos + 1
    e = close_pos
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in _TRIM_TAIL:
        e -= 1
    if e <= s or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return _Quote(open=open_pos, close=close_pos, start=s, end=e, line=line, unclosed=unclosed,
                  lone_close=lone_close)


# --------------------------------------------------------------------------- speakers


class _Speakers:
    """Resolves speaker phrases through the document's name mentions."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.names = [c for c in mentions(doc)]
        self.starts = [c.start for c in self.names]
        self.by_end = {c.end: c for c in self.names}
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

    def last_person_before(self, pos: int) -> Claim | None:
        """The last person named before ``pos`` outside quotes (quoted names are
        not what "he" refers to)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            c = self.names[i]
            if c.attrs.get("type") == "person" and not self.quoted(c.start):
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


def _attribute_after(q: _Quote, sp: _Speakers, line_end: int) -> bool:
    """``"…," said Lavrov`` / ``"…," Lavrov said`` / ``"…" the diplomat told …``."""
    text = sp.text
    if q.unclosed or q.close >= line_end:
        return False
    if text[q.start:q.close].rstrip()[-1:] == ".":
        return False  # the quote ended its sentence: what follows is a new one
    if len(text[q.start:q.end].split()) <= 3 and "," not in text[q.end:q.close + 2]:
        return False  # "Twilight" author Stephenie Meyer said: a title, not her words
    k = q.close + 1
    limit = min(line_end, k + 200)
    while k < limit and text[k] in " \t,—–-":
        k += 1
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, k, limit)][:_MAX_NP_WORDS + 4]
    if not words or words[0][0] != k:
        return False
    first = words[0][2]
    if first in SPEECH_VERBS:  # verb first: said the council diplomat
        a = words[0][1]
        while a < limit and text[a] in " \t":
            a += 1
        b = _np_end(text, a, limit)
        return _speaker_after(q, sp, a, b, first, b, line_end)
    # Subject first: Lavrov said / the diplomat said / he added.
    prev_end = k
    for i, (s, e, w) in enumerate(words):
        gap = text[prev_end:s]
        if i and (gap.strip() or "\n" in gap):
            if gap.strip() == ",":
                return _appositive(q, sp, k, prev_end, line_end)
            return False
        low = w.casefold()
        if w in SPEECH_VERBS and i > 0:  # lower case only: "the United States"
            j = _subject_end(words, i)
            if j == 0:
                return False
            return _speaker_after(q, sp, k, words[j - 1][1], low, e, line_end)
        prev_end = e
    return False


def _appositive(q: _Quote, sp: _Speakers, a: int, b: int, line_end: int) -> bool:
    """``"…," Bill Adgate, who works in the building, told CNN``: a name, an
    aside between commas, then the verb."""
    name = sp.name_ending(a, b)
    if name is None:
        return False
    text = sp.text
    stop = sp.sentence_end(b, line_end)
    prev = ""
    for m in _WORD_RE.finditer(text, b, min(stop, b + 300)):
        w = m.group()
        if w in SPEECH_VERBS and "," in text[b:m.start()]:
            between = text[b:m.start()].rstrip()
            if between.endswith(",") or prev in _AUX:
                _set(q, str(name.value), str(name.attrs.get("type", "unknown")), w, "after")
                q.tail_end = sp.sentence_end(m.end(), line_end)
                return True
        prev = w.casefold()
    return False


def _speaker_after(q: _Quote, sp: _Speakers, a: int, b: int, verb: str, tail: int, line_end: int) -> bool:
    """Take the phrase ``[a, b)`` after the quote as its speaker ("said the council
    diplomat", "Lavrov said"); the attribution runs to the end of its sentence."""
    speaker, stype, pronoun = sp.phrase(a, b)
    if speaker is None and pronoun is None:
        return False
    _set(q, speaker, stype, verb, "after")
    q.tail_end = sp.sentence_end(tail, line_end)
    if pronoun is not None:
        _pronoun(q, pronoun, sp, q.open)
    return True


def _set(q: _Quote, speaker: str | None, stype: str | None, verb: str, how: str) -> None:
    q.speaker, q.speaker_type, q.verb, q.attribution = speaker, stype, verb, how


def _pronoun(q: _Quote, pronoun: str, sp: _Speakers, pos: int) -> None:
    """He/she: the last person named before ``pos``, outside quotes -- usually
    the subject of the previous sentence or the previous quote's speaker."""
    q.speaker = q.speaker_type = None
    if pronoun not in _PERSON_PRONOUNS:
        return
    q.inferred = True
    q.attribution = "pronoun"
    c = sp.last_person_before(pos)
    if c is not None:
        q.speaker, q.speaker_type = str(c.value), "person"


def _sentence_start(text: str, pos: int, line_start: int, quotes: list[_Quote]) -> int:
    """Start of the sentence containing ``pos`` (not looking inside quotes)."""
    start = line_start
    for m in _SENT_BREAK_RE.finditer(text, line_start, min(len(text), pos + 2)):
        if m.end() > pos:
            break
        dot = m.start()
        if text[dot] == "." and abbreviation_before(text, dot):
            continue
        if any(q.start <= dot < q.end for q in quotes):
            continue
        start = m.end()
    return start


def _opening_in(done: list[_Quote], a: int, b: int) -> list[_Quote]:
    """The quotes of ``done`` (in text order) that open in ``[a, b)``, read from the end."""
    out = []
    for d in reversed(done):
        if d.open < a:
            break
        if d.open < b:
            out.append(d)
    out.reverse()
    return out


def _words_outside(text: str, a: int, b: int, quotes: list[_Quote]) -> list[tuple[int, int, str]]:
    """The words of ``text[a:b]`` outside ``quotes`` (in text order, not nested):
    one merge of two sorted lists, not every word against every quote."""
    out = []
    k = 0
    for m in _WORD_RE.finditer(text, a, b):
        at = m.start()
        while k < len(quotes) and quotes[k].close < at:
            k += 1
        if k < len(quotes) and quotes[k].open <= at:
            continue
        out.append((at, m.end(), m.group()))
    return out


def _attribute_before(q: _Quote, sp: _Speakers, line_start: int, done: list[_Quote],
                      window: tuple[int, list[_Quote]]) -> bool:
    """``Pompeo said "…"`` / ``Lavrov said it was "inappropriate"``: a speech verb
    earlier in the same sentence, outside other quotes, and its subject."""
    text = sp.text
    lo, same_line = window
    s0 = _sentence_start(text, q.open, lo, same_line)
    stop = q.open
    if not text[s0:q.open].strip() and line_start >= 2 and text[line_start - 1] == "\n":
        # A quote set off in its own paragraph after "Ramsey says ...:".
        prev_end = line_start - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if text[prev_start:prev_end].rstrip().endswith(":"):
            stop = prev_start + len(text[prev_start:prev_end].rstrip())
            same_line = _opening_in(done, prev_start, prev_end)
            s0 = _sentence_start(text, stop, prev_start, same_line)
    if SPEECH_VERBS.isdisjoint(_ALNUM_RUN_RE.findall(text, s0, stop)):
        return False  # no speech verb to read back from: skip listing the window's words
    words = _words_outside(text, s0, stop, same_line)
    for i in range(len(words) - 1, -1, -1):
        low = words[i][2]
        if low not in SPEECH_VERBS:  # lower case only: "the United States"
            continue
        j = _subject_end(words, i)
        if any(words[x][2].casefold() in _NEGATIONS or words[x][2].casefold().endswith("n't")
               for x in range(max(0, j - 2), i)):
            return False
        if low in _NAMING and words[i - 1][2].casefold() in _PASSIVE:
            continue  # "what's called an "active shooter"": naming, not speech
        if low.endswith("ing"):
            # "An official downplayed the unrest, saying that "…"": the
            # participle's subject is the sentence's, not the word before it.
            subject = _sentence_subject(sp, s0, words[i][0])
            if subject is not None:
                _set(q, str(subject.value), str(subject.attrs.get("type")), low, "before")
                return True
            continue
        if j == 0:
            return False
        subj_end = words[j - 1][1]
        between = text[subj_end:words[j][0]]
        if not between.strip():
            name = sp.name_ending(s0, subj_end)
            if name is not None:
                _set(q, str(name.value), str(name.attrs.get("type", "unknown")), low, "before")
                return True
            prev_low = words[j - 1][2].casefold()
            if prev_low in _AND:
                subject = _sentence_subject(sp, s0, words[j][0])
                if subject is not None:
                    _set(q, str(subject.value), str(subject.attrs.get("type")), low, "before")
                    return True
                return False
            if prev_low in _PRONOUNS:
                _set(q, None, None, low, "before")
                _pronoun(q, prev_low, sp, words[j - 1][0])
                return True
            # A described subject: "the diplomat said", "a spokesman told".
            for back in range(j - 1, max(-1, j - 6), -1):
                if words[back][2].casefold() in _DETERMINERS:
                    gap = text[words[back][0]:subj_end]
                    if not any(ch in ",;:()\"“”" for ch in gap):
                        speaker, stype, _ = sp.phrase(words[back][0], subj_end)
                        if speaker is not None:
                            _set(q, speaker, stype, low, "before")
                            return True
                    break
        if between.strip()[:1] in {",", "—", "–", "-"}:
            # "Pompeo — who will visit Pyongyang — voiced hope for the "dawn…"".
            subject = _sentence_subject(sp, s0, words[j][0])
            if subject is not None:
                _set(q, str(subject.value), str(subject.attrs.get("type")), low, "before")
                return True
        return False
    return False


def _sentence_subject(sp: _Speakers, a: int, b: int) -> Claim | None:
    """The first person or organisation named in ``text[a:b]`` outside quotes:
    the subject of "Pompeo met Ri Yong Ho and called the talks "…""."""
    for c in sp.names_in(a, b):
        if c.attrs.get("type") in ("person", "organisation") and not sp.quoted(c.start):
            return c
    return None


#: How far before a quote its sentence is read, in characters: a speech verb
#: ("Pompeo said") stands within a few dozen words of what it introduces, and
#: a bound keeps a pathological line of thousands of quotes linear.
LOOKBACK = 600


def _window(q: _Quote, line_start: int, done: list[_Quote], closes: list[int],
            lines: list[int]) -> tuple[int, list[_Quote]]:
    """Where the reading before ``q`` starts, and the earlier quotes of its line that reach into it.

    ``done`` is in text order, and quotes do not nest, so their ``closes`` increase and
    their ``lines`` never decrease: both bounds are found by bisection, not by walking
    back over every quote of a long line.
    """
    lo = max(line_start, q.open - LOOKBACK)
    k = max(bisect.bisect_left(closes, lo), bisect.bisect_left(lines, q.line))
    return lo, done[k:]


def _is_partial(q: _Quote, text: str, window: tuple[int, list[_Quote]]) -> bool:
    """Is the quote a fragment of the writer's sentence rather than a full quotation?"""
    content = text[q.start:q.end]
    if q.lone_close:
        return False
    first = content.lstrip("…. ")[:1]
    if first.islower():
        return True
    lo, recent = window
    s0 = _sentence_start(text, q.open, lo, recent)
    before = text[s0:q.open].rstrip()
    if len(content.split()) <= 3:
        # A scare quote, unless it stands as a sentence of its own: "No." / "Yes," he said.
        if before and before[-1] != ":":
            return True
        after = text[q.close + 1:q.close + 3].lstrip(" \t")[:1]
        return not (q.unclosed or after in ("", "\n", ",") or after.isupper())
    if not before or before[-1] in ",:—–-(" or before[-1] in "\"”":
        return False
    last = _WORD_RE.findall(before[-40:])
    return not (last and (last[-1].casefold() in SPEECH_VERBS or last[-1].casefold() == "that"))


# --------------------------------------------------------------------------- extractor


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    return line_bounds(text, pos, pos)


def _quotes(doc: Document) -> list[_Quote]:
    text = doc.text
    found = _pair(text)
    if not found:
        return []
    sp = _Speakers(doc)
    sp.set_quotes(found)
    done: list[_Quote] = []
    closes: list[int] = []
    lines: list[int] = []
    previous: _Quote | None = None
    for q in found:
        ls = _line_bounds(text, q.open)[0]  # a hard-wrapped quote may close on a later line
        le = _line_bounds(text, q.close)[1]
        window = _window(q, ls, done, closes, lines)
        q.partial = _is_partial(q, text, window)
        if not _attribute_after(q, sp, le):
            if not _attribute_before(q, sp, ls, done, window):
                _continuation(q, previous, text, ls)
        if q.tail_end < 0:
            q.tail_end = q.close + 1 if not q.unclosed else q.close
        done.append(q)
        closes.append(q.close)
        lines.append(q.line)
        previous = q
    _backfill(done)
    return done


def _backfill(quotes: list[_Quote]) -> None:
    """``"I'm shocked.`` / ``I really am," said Mary Batchelor``: a quote run
    through several paragraphs is attributed at its end; its earlier,
    unclosed parts get the same speaker."""
    for i in range(len(quotes) - 1, 0, -1):
        q = quotes[i]
        if not q.lone_close or q.speaker is None or q.inferred:
            continue
        k = i - 1
        while k >= 0 and quotes[k].unclosed and quotes[k].speaker is None and q.line - quotes[k].line <= 10:
            p = quotes[k]
            p.speaker, p.speaker_type, p.verb = q.speaker, q.speaker_type, q.verb
            p.inferred, p.attribution = True, "continuation"
            k -= 1


def _continuation(q: _Quote, previous: _Quote | None, text: str, line_start: int) -> None:
    """Same speaker as the quote just before, when nothing but its attribution
    sentence (or a paragraph break) lies between them."""
    if previous is None or previous.speaker is None or (q.partial and not q.lone_close):
        return
    if not q.unclosed and text[q.start:q.close].rstrip().endswith(","):
        line_end = text.find("\n", q.close)
        if text[q.close + 1:line_end if line_end >= 0 else len(text)].strip():
            return  # '"…so fast," the Daily News quoted a witness as saying': its own attribution, unread
    gap = text[previous.tail_end:q.open if not q.lone_close else line_start]
    ok = not gap.strip(" \t\n.,;:—–-") and gap.count("\n") <= 2
    if not ok and previous.unclosed:
        # One sentence per line: the quote ran on through lines without marks.
        ok = (q.lone_close or text[line_start:q.open].strip() == "") and not _MARK_RE.search(gap) \
            and gap.count("\n") <= 10 and "\n\n" not in gap
    if ok:
        q.speaker, q.speaker_type, q.verb = previous.speaker, previous.speaker_type, previous.verb
        q.inferred = True
        q.attribution = "continuation"


@register("quotes")
def extract(doc: Document) -> Iterator[Claim]:
    """Quotes in ``doc`` with their speakers, sorted by (start, end)."""
    text = doc.text
    if '"' not in text and "“" not in text and "”" not in text and "«" not in text and "„" not in text:
        return
    out = []
    for q in _quotes(doc):
        e = q.end
        if q.partial:
            while e > q.start and text[e - 1] in ".":
                e -= 1
            if e <= q.start:
                e = q.end
        value = " ".join(text[q.start:e].split())
        out.append(make_claim("quote", doc, q.start, e, value, speaker=q.speaker,
                              speaker_type=q.speaker_type, verb=q.verb, partial=q.partial,
                              inferred=q.inferred, attribution=q.attribution, unclosed=q.unclosed))
    out.sort(key=lambda c: (c.start, c.end))
    yield from out
