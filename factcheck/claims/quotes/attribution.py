"""Attribution: who said a quote, read after its closing mark (``"…," said Lavrov``) or
before its opening mark in the same sentence (``Pompeo said "…"``), and whether it is
a fragment of the writer's sentence (partial).
"""

from __future__ import annotations

import bisect
from itertools import islice

from factcheck.claims.base import Claim
from factcheck.claims.names import abbreviation_before
from factcheck.claims.quotes.pairing import _Quote
from factcheck.claims.quotes.speakers import (
    _ALNUM_RUN_RE,
    _AND,
    _AUX,
    _DETERMINERS,
    _MAX_NP_WORDS,
    _NAMING,
    _NEGATIONS,
    _PASSIVE,
    _PERSON_PRONOUNS,
    _PRONOUNS,
    _SENT_BREAK_RE,
    _WORD_RE,
    SPEECH_VERBS,
    _np_end,
    _Speakers,
    _subject_end,
)


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
    # Only the first words are read: stop the search there rather than list all ~200 characters' words.
    words = [(m.start(), m.end(), m.group()) for m in islice(_WORD_RE.finditer(text, k, limit), _MAX_NP_WORDS + 4)]
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
    spaced_hyphen = False
    for i, (s, e, w) in enumerate(words):
        gap = text[prev_end:s]
        if i and (gap.strip() or "\n" in gap):
            if gap.strip() == ",":
                return _appositive(q, sp, k, prev_end, line_end)
            if not (gap.strip() in ("-", "–") and "\n" not in gap and w[:1].isupper()
                    and words[i - 1][2][:1].isupper()):
                return False
            spaced_hyphen = True  # "Strauss - Kahn said": one surname, its hyphen spaced
        low = w.casefold()
        if w in SPEECH_VERBS and i > 0:  # lower case only: "the United States"
            j = _subject_end(words, i)
            if j == 0:
                return False
            if spaced_hyphen:
                return _hyphenated_speaker(q, sp, k, words[j - 1][1], low, line_end)
            return _speaker_after(q, sp, k, words[j - 1][1], low, e, line_end)
        prev_end = e
    return False


def _hyphenated_speaker(q: _Quote, sp: _Speakers, a: int, b: int, verb: str, line_end: int) -> bool:
    """``"…," Strauss - Kahn said``: the names analysis reads the halves of a surname whose
    hyphen is spaced as two names, so the speaker is the one that opens the phrase -- the
    same in every article, whether or not it also found the second half."""
    first = next(iter(sp.names_in(a, b)), None)
    if first is None or first.start != a or first.attrs.get("type") != "person":
        return False
    _set(q, str(first.value), "person", verb, "after")
    q.tail_end = sp.sentence_end(b, line_end)
    return True


def _appositive(q: _Quote, sp: _Speakers, a: int, b: int, line_end: int) -> bool:
    """``"…," Bill Adgate, who works in the building, told CNN``: a name, an
    aside between commas, then the verb."""
    name = sp.name_ending(a, b)
    if name is None:
        return _described_then_named(q, sp, a, b, line_end)
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


def _described_then_named(q: _Quote, sp: _Speakers, a: int, b: int, line_end: int) -> bool:
    """``"…," her agent, Mark Roesler, said``: a description, then the name it
    describes between commas, then the verb.  The description alone is a weaker
    speaker than the name beside it, so the name is taken."""
    text = sp.text
    _, stype, _ = sp.phrase(a, b)
    if stype != "description" or text[b:b + 1] != ",":
        return False
    c = b + 1
    while c < line_end and text[c] in " \t":
        c += 1
    d = text.find(",", c, min(line_end, c + 80))
    if d < 0:
        return False
    name = sp.name_ending(c, d)
    if name is None or text[c:name.start].strip():
        return False  # the whole aside must be the name: "her agent, in a statement, said" is not
    for m in islice(_WORD_RE.finditer(text, d + 1, line_end), 4):
        if text[d + 1:m.start()].strip():
            return False
        w = m.group()
        if w in SPEECH_VERBS:
            _set(q, str(name.value), str(name.attrs.get("type", "unknown")), w, "after")
            q.tail_end = sp.sentence_end(m.end(), line_end)
            return True
        if w.casefold() not in _AUX:
            return False
        d = m.end()
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


def _set(q: _Quote, speaker: str | None, stype: str | None, verb: str | None, how: str) -> None:
    q.speaker, q.speaker_type, q.verb, q.attribution = speaker, stype, verb, how


#: attribution verbs of an answer: "…," he replied is the addressee's, not the asker's
_REPLY_VERBS = frozenset({"replied", "replies", "reply", "responded", "responds", "respond",
                          "answered", "answers", "answer", "retorted", "retorts"})


def _pronoun(q: _Quote, pronoun: str, sp: _Speakers, pos: int) -> None:
    """He/she: the last person named before ``pos``, outside quotes -- usually
    the subject of the previous sentence or the previous quote's speaker."""
    q.speaker = q.speaker_type = None
    if pronoun not in _PERSON_PRONOUNS:
        return
    q.inferred = True
    q.attribution = "pronoun"
    c = sp.last_person_before(pos, pronoun, reply=(q.verb or "").casefold() in _REPLY_VERBS)
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
        if text[prev_start:prev_end].rstrip().endswith((":", ",")):
            # "…, commented," too: a comma ends the introduction only before a verb, read below.
            stop = prev_start + len(text[prev_start:prev_end].rstrip())
            same_line = _opening_in(done, prev_start, prev_end)
            s0 = _sentence_start(text, stop, prev_start, same_line)
    if SPEECH_VERBS.isdisjoint(_ALNUM_RUN_RE.findall(text, s0, stop)):
        # No speech verb to read back from: skip listing the window's words.
        return _introduced_by_colon(q, sp, s0, stop)
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
            said = _attributed_earlier(done, s0, words[i][0])
            if said is not None:
                # '"…," said Bensu Elianita, a resident, adding, "…"': the speaker already read.
                _set(q, said.speaker, said.speaker_type, low, "before")
                return True
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


#: How many words may stand before the subject of ``NAME was blunt: "…"``: a title or a
#: description ("Her agent Mark Roesler"), not a clause of its own.
_MAX_WORDS_BEFORE_SUBJECT = 3
#: A quote after such a colon of at most this many words is a title, not the subject's words.
_MAX_TITLE_QUOTE_WORDS = 3


def _introduced_by_colon(q: _Quote, sp: _Speakers, s0: int, stop: int) -> bool:
    """``Andrew Wetzler, director of the program, was blunt: "…"``: a sentence that names a
    person as its subject and ends in a colon introduces the quote after it, whatever its
    verb ("was blunt", "wrote back", a misspelt "siad").  The person must open the sentence
    (behind a short title at most) and not as a possessive ("Smith's plan reads:")."""
    text = sp.text
    intro = text[s0:stop].rstrip()
    if not intro.endswith(":") or text[s0 + len(intro):q.open].count("\n") > 1:
        return False
    if len(text[q.start:q.end].split()) <= _MAX_TITLE_QUOTE_WORDS:
        return False  # 'Esther Williams: "Million Dollar Mermaid" Swimmer Dies': a title, not her words
    subject = _sentence_subject(sp, s0, s0 + len(intro))
    if subject is None or subject.attrs.get("type") != "person" or text[subject.end:subject.end + 1] in ("'", "’"):
        return False
    lead = text[s0:subject.start]
    if len(lead.split()) > _MAX_WORDS_BEFORE_SUBJECT or any(ch in lead for ch in ",;:\"“”("):
        return False
    _set(q, str(subject.value), "person", None, "before")
    return True


def _attributed_earlier(done: list[_Quote], s0: int, pos: int) -> _Quote | None:
    """The quote of this sentence (``[s0, pos)``) just before ``pos`` when its speaker was read
    after it ("…," said Lavrov): the subject of a participle that follows ("…, adding")."""
    if not done:
        return None
    d = done[-1]
    if d.open < s0 or d.close >= pos or d.attribution != "after" or d.speaker is None or d.partial:
        return None
    return d


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


