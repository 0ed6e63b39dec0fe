"""The words of a statement as the conflict rule reads them: context windows and verbatim phrases.

Every comparison the rule makes starts from words: the content words around a
figure with all other figures and dates masked out (:func:`context_words`), the
verbatim phrase a figure sits in (:func:`phrase_tokens`), a sentence's content
words (:func:`content`).  They live here, apart from any pairing, so that every
path reads one word the same way ("Vinatieri's" is "vinatieri" everywhere).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from factcheck.claims.base import Claim
from factcheck.claims.subjects import FUNCTION_WORDS
from factcheck.documents import Document

#: Claim kinds masked out of contexts: figures and dates.
FIGURE_KINDS = ("quantity", "count", "vote", "ordinal", "date")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")  # hyphenated words split: "grenade-launcher" = "grenade launcher"
#: The function words the claims stage skips when it reads a subject: one list for both stages.
STOPWORDS = FUNCTION_WORDS
#: Words of a figure's verbatim phrase kept on each side (see phrase_tokens).
PHRASE_REACH = 12
#: Characters read per context word: the window never needs the whole of a long sentence.
_CHARS_PER_WORD = 60
_SPACE_RE = re.compile(r"\s")


class Masks:
    """The figure and date spans of one document, sorted, to mask out of contexts.

    Looked up by bisection, so reading the words around every figure of a
    document stays linear in its length, not figures x words x figures.
    """

    __slots__ = ("longest", "spans", "starts", "values")

    def __init__(self, claims: Iterable[Claim]) -> None:
        spans = sorted((c.start, c.end, c.kind, repr(c.value)) for c in claims if c.kind in FIGURE_KINDS)
        self.spans = [(s, e, k) for s, e, k, _v in spans]
        self.values = [v for *_span, v in spans]  # what each span states, for phrase_tokens
        self.starts = [sp[0] for sp in self.spans]
        self.longest = max((e - s for s, e, _k in self.spans), default=0)

    def at(self, pos: int, skip: tuple[int, int] | None = None) -> int | None:
        """Index of the first span covering ``pos`` (other than ``skip``), if any."""
        for i in range(bisect.bisect_left(self.starts, pos - self.longest), bisect.bisect_right(self.starts, pos)):
            s, e, _k = self.spans[i]
            if s <= pos < e and (s, e) != skip:
                return i
        return None


def context_words(doc: Document, claim: Claim, masks: Masks, window: int) -> list[str]:
    """Content words around a claim, in order, with other figures/dates replaced by placeholders.

    The window is cut at the sentence, and at ``window`` words on each side:
    what the figure is *about* sits close to it.  Other figures stay as
    ``#kind`` placeholders so that in "between October 16 and November 14"
    each date keeps its own position and the two are never taken for one fact.
    """
    text = doc.text
    s, e = claim.sentence
    s, e = max(s, 0), min(e, len(text))
    budget = _CHARS_PER_WORD * window
    a = max(s, claim.start - budget)
    if a > s:  # start on a word boundary, not inside a word
        m = _SPACE_RE.search(text, a, claim.start)
        a = m.start() if m else claim.start
    b = min(e, claim.end + budget)
    if b < e:
        b = max(text.rfind(" ", claim.end, b), claim.end)
    skip = (claim.start, claim.end)
    before = content(text, a, claim.start, masks, skip)[-window:]
    after = content(text, claim.end, b, masks, skip)[:window]
    return [*before, "<>", *after]


_PHRASE_RE = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")


def phrase_tokens(doc: Document, claim: Claim, masks: Masks, reach: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words either side of a figure, each side read away from it, every word kept.

    Unlike :func:`context_words`, stopwords stay and order matters: this is the
    verbatim phrase a figure sits in ("finished his third season in New Orleans
    with just <> and two touchdowns"), which :func:`shared_phrase` compares.
    Other figures become ``#kind=value``, so a phrase runs on through a figure
    only where both statements give the same value.  At most ``reach`` words a
    side, inside the sentence.
    """
    text = doc.text
    s, e = max(claim.sentence[0], 0), min(claim.sentence[1], len(text))
    skip = (claim.start, claim.end)

    def read(start: int, end: int, limit: int | None = None) -> list[str]:
        out: list[str] = []
        last = -1
        for m in _PHRASE_RE.finditer(text, start, end):
            if limit is not None and len(out) >= limit:
                break
            hit = masks.at(m.start(), skip)
            if hit is not None:
                if hit != last:
                    out.append(f"#{masks.spans[hit][2]}={masks.values[hit]}")
                    last = hit
                continue
            w = m.group(0).casefold().replace("’", "'")
            out.append(w[:-2] if w.endswith("'s") else w.rstrip("'"))
        return out

    after = read(claim.end, e, reach)
    # Backwards, a window wide enough for ``reach`` words, widened while it is not:
    # each figure costs its few words, however long the sentence.
    window = 16 * (reach + 1)
    while True:
        a = max(s, claim.start - window)
        before = read(a, claim.start)
        if a > s:
            before = before[1:]  # the window may have cut its first word (or figure) in two
        if len(before) >= reach or a == s:
            break
        window *= 2
    return tuple(reversed(before[max(0, len(before) - reach):] if reach else [])), tuple(after)


def content(text: str, start: int, end: int, masks: Masks, skip: tuple[int, int] | None = None) -> list[str]:
    """The content words of ``text[start:end]`` (no stopwords, no single letters), each
    masked figure or date once as ``#kind``."""
    out: list[str] = []
    last_mask = -1
    for m in WORD_RE.finditer(text, start, end):
        hit = masks.at(m.start(), skip)
        if hit is not None:
            if hit != last_mask:
                out.append("#" + masks.spans[hit][2])
                last_mask = hit
            continue
        w = word(m.group(0))
        if w not in STOPWORDS and len(w) > 1:
            out.append(w)
    return out


def word(raw: str) -> str:
    """A word as the context and sentence words hold it: casefolded, without a possessive."""
    w = raw.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]  # "Vinatieri's field goal" is about Vinatieri
    return w.rstrip("'")


def name_in_words(name: str) -> set[str]:
    """A name's words as a sentence's words hold them: "Jones-Drew" is "jones" and "drew"."""
    return {word(w) for w in WORD_RE.findall(name)}


_SUFFIXES = ("ing", "ed", "es", "s", "e")


def stem(word: str) -> str:
    """A word without its inflection, crudely: "becoming", "become", "becomes" -> "becom".

    Only for telling whether two outlets used one word; a stem is never shown.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word
