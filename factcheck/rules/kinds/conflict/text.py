"""The words of a statement as the conflict rule reads them: context windows and verbatim phrases.

Every comparison the rule makes starts from words: the content words around a
figure with all other figures and dates masked out (:func:`context_words`), the
verbatim phrase a figure sits in (:func:`phrase_tokens`), a sentence's content
words (:func:`content`).  They live here, apart from any pairing, so that every
path reads one word the same way ("Vinatieri's" is "vinatieri" everywhere).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence

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


class _Reading:
    """One way of reading a sentence's tokens (its content words, or its phrase words), compacted.

    ``items`` are what a read of the whole sentence from its start shows, in order
    (a token may show nothing: a stopword, or a later word of a masked figure);
    ``at[n]`` is the index in ``items`` of the first item token ``n`` or a later one
    shows, so the items of tokens ``i`` to ``j`` are ``items[at[i]:at[j]]``.  A
    stretch read from elsewhere differs in one way only: its first masked token
    always shows its placeholder, where the sentence showed it at an earlier word of
    the same figure (``lost``: such tokens' placeholders; ``hits``: the masked tokens).
    """

    __slots__ = ("at", "hits", "items", "lost")

    def __init__(self, shown: list[str | None], hits: tuple[int, ...], lost: dict[int, str]) -> None:
        # Tuples, not lists: a tuple of strings or numbers leaves the garbage collector's lists
        # at its first pass, where thousands of lists kept for a story would fill them.
        self.items: tuple[str, ...]
        self.at: Sequence[int]
        if None in shown:
            self.items = tuple(filter(None, shown))
            self.at = tuple(itertools.accumulate(map(bool, shown), initial=0))
        else:  # every token shows one item (a phrase's, but for later words of a figure)
            self.items = tuple(shown)  # type: ignore[arg-type]
            self.at = range(len(shown) + 1)
        self.hits, self.lost = hits, lost

    def between(self, i: int, j: int) -> list[str]:
        """The items a read of tokens ``i`` to ``j`` (exclusive) alone shows."""
        lo, hi = self.at[i], self.at[j]
        out = list(self.items[lo:hi])
        if self.lost:
            hits = self.hits
            k = bisect.bisect_left(hits, i)
            if k < len(hits) and hits[k] < j and hits[k] in self.lost:
                first = hits[k]
                out.insert(self.at[first] - lo, self.lost[first])
        return out

    def head(self, i: int, j: int, limit: int) -> list[str]:
        """The first ``limit`` items of :meth:`between`."""
        if not self.lost:
            lo = self.at[i]
            return list(self.items[lo:min(self.at[j], lo + limit)])
        return self.between(i, j)[:limit]

    def tail(self, i: int, j: int, limit: int) -> list[str]:
        """The last ``limit`` items of :meth:`between` (all of them for a limit of 0, as ``[-0:]`` slices)."""
        if not self.lost:
            hi = self.at[j]
            return list(self.items[max(self.at[i], hi - limit) if limit else self.at[i]:hi])
        return self.between(i, j)[-limit:]


class SentenceWords:
    """One sentence's words, read once, for every figure and date it holds and every rule.

    :func:`context_words`, :func:`phrase_tokens` and :func:`content` read a stretch
    of a sentence with a regular expression and look each word up among the masks:
    called per figure, every sentence was tokenised once per figure in it, and once
    more for its content words.  Here the sentence is tokenised once, by C loops
    (:data:`_PHRASE_RE`: every word and digit run; the content words are among its
    letter tokens), each distinct word read once (:class:`_TokenItems`), and only the
    few masked tokens visited one by one (:class:`_Reading`); the words around a
    figure are then slices at the figure's token.

    A stretch cut inside a word (a claim starting or ending mid-word) is read by the
    reference functions instead, so every result is exactly theirs (a property test
    holds them equal).
    """

    __slots__ = ("_content", "_phrase", "end", "ends", "start", "starts", "words")

    def __init__(self, text: str, start: int, end: int, masks: Masks) -> None:
        self.start, self.end = s, e = max(start, 0), min(end, len(text))
        # The sentence split around its tokens -- gap, token, gap, ..., gap -- and each part's
        # start: no match object per token.
        parts = _TOKEN_SPLIT_RE.split(text[s:e])
        bounds = list(itertools.accumulate(map(len, parts), initial=s))
        raws = parts[1::2]
        #: Each token's start and end, in order.
        self.starts, self.ends = starts, _ends = tuple(bounds[1:-1:2]), tuple(bounds[2::2])
        phrase: list[str | None] = list(map(_PHRASE_ITEMS.__getitem__, raws))
        content_items: list[str | None] = list(map(_CONTENT_ITEMS.__getitem__, raws))
        c_hits: list[int] = []
        p_hits: list[int] = []
        c_lost: dict[int, str] = {}
        p_lost: dict[int, str] = {}
        hit_of: dict[int, int] = {}
        if masks.spans and starts:
            # Each token a figure or date covers, with the first span (in order) covering it: as
            # Masks.at answers, but visiting the sentence's few spans, not its every token.
            lo = bisect.bisect_left(masks.starts, s - masks.longest)
            hi = bisect.bisect_left(masks.starts, e)
            for k in range(lo, hi):
                ms, me, _kind = masks.spans[k]
                for n in range(bisect.bisect_left(starts, ms), bisect.bisect_left(starts, me)):
                    hit_of.setdefault(n, k)
            if hit_of:
                last_c = last_p = -1
                for n in sorted(hit_of):
                    k = hit_of[n]
                    kind = masks.spans[k][2]
                    p_hits.append(n)
                    if k != last_p:
                        phrase[n] = f"#{kind}={masks.values[k]}"
                        last_p = k
                    else:
                        phrase[n] = None
                        p_lost[n] = f"#{kind}={masks.values[k]}"
                    content_items[n] = None
                    raw = raws[n]
                    if raw[0].isascii() and raw[0].isalpha():
                        c_hits.append(n)
                        if k != last_c:
                            content_items[n] = "#" + kind
                            last_c = k
                        else:
                            c_lost[n] = "#" + kind
        # A masked token's word is not the sentence's (unless the sentence says it elsewhere): its
        # item is now its placeholder or None.
        words = set(content_items)
        words.discard(None)
        for kind in {masks.spans[hit_of[n]][2] for n in c_hits}:
            words.discard("#" + kind)
        #: The sentence's content words, figures left out (``Statement.sentence``).
        self.words: frozenset[str] = frozenset(words)  # type: ignore[arg-type]
        self._content = _Reading(content_items, tuple(c_hits), c_lost)
        self._phrase = _Reading(phrase, tuple(p_hits), p_lost)

    def _index(self, pos: int) -> int | None:
        """The index of the first token starting at or after ``pos``; None when ``pos`` cuts a token."""
        i = bisect.bisect_left(self.starts, pos)
        return None if i and self.ends[i - 1] > pos else i

    def context(self, doc: Document, claim: Claim, masks: Masks, window: int) -> list[str]:
        """:func:`context_words` of a claim of this sentence (``masks``: its document's)."""
        text = doc.text
        s, e = self.start, self.end
        cs, ce = claim.start, claim.end
        if not s <= cs <= ce <= e:
            return context_words(doc, claim, masks, window)
        budget = _CHARS_PER_WORD * window
        a = max(s, cs - budget)
        if a > s:
            m = _SPACE_RE.search(text, a, cs)
            a = m.start() if m else cs
        b = min(e, ce + budget)
        if b < e:
            b = max(text.rfind(" ", ce, b), ce)
        ia, ics, ice, ib = self._index(a), self._index(cs), self._index(ce), self._index(b)
        if ia is None or ics is None or ice is None or ib is None:
            return context_words(doc, claim, masks, window)
        read = self._content
        return [*read.tail(ia, ics, window), "<>", *read.head(ice, ib, window)]

    def phrase(self, doc: Document, claim: Claim, masks: Masks,
               reach: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """:func:`phrase_tokens` of a claim of this sentence (``masks``: its document's).

        Its words before the figure are the last ``reach`` of the sentence's up to
        it: the reference reads a widening window and drops the window's first
        (perhaps cut) word, which only ever leaves a tail of those.
        """
        cs, ce = claim.start, claim.end
        ics, ice = self._index(cs), self._index(ce)
        if not self.start <= cs <= ce <= self.end or ics is None or ice is None:
            return phrase_tokens(doc, claim, masks, reach)
        read = self._phrase
        before = read.tail(0, ics, reach) if reach else []
        return tuple(reversed(before)), tuple(read.head(ice, len(self.starts), reach))


#: ``_PHRASE_RE`` as a splitter: the sentence's parts, the tokens at odd indexes.
_TOKEN_SPLIT_RE = re.compile(f"({_PHRASE_RE.pattern})")


class _TokenItems(dict[str, "str | None"]):
    """A token's item as one reading shows it, each distinct token read once (a pure function
    of the token, looked up by C code for a whole sentence at a time); cleared when large,
    so that a corpus of many words holds memory no longer than a sentence needs it."""

    __slots__ = ("read",)

    def __init__(self, read: Callable[[str], str | None]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, raw: str) -> str | None:
        if len(self) >= _TOKEN_ITEMS_KEPT:
            self.clear()
        found = self[raw] = self.read(raw)
        return found


#: Distinct tokens whose items are kept (see _TokenItems).
_TOKEN_ITEMS_KEPT = 1 << 16


def _phrase_item(raw: str) -> str:
    """A token as :func:`phrase_tokens` shows it: casefolded, without a possessive."""
    w = raw.casefold().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w.rstrip("'")


def _content_item(raw: str) -> str | None:
    """A token as :func:`content` shows it, or None: a digit run (which its expression skips),
    a stopword or a single letter."""
    if not (raw[0].isascii() and raw[0].isalpha()):
        return None
    w = word(raw)
    return w if w not in STOPWORDS and len(w) > 1 else None


_PHRASE_ITEMS = _TokenItems(_phrase_item)
_CONTENT_ITEMS = _TokenItems(_content_item)


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


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A word without its inflection, crudely: "becoming", "become", "becomes" -> "becom".

    Only for telling whether two outlets used one word; a stem is never shown.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word
