"""The ``names`` extractor: one analysis per document, memoised, as claims.

The quote extractor resolves its speakers through the same mentions
(:func:`mentions`), so an article is analysed once however many extractors ask.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from factcheck.claims.base import Attrs, Claim, register, sentence_bounds
from factcheck.claims.names.analyser import _Analyser, _Cand
from factcheck.claims.names.normalise import normalise_name
from factcheck.collector import collector_paused
from factcheck.documents import Document


@lru_cache(maxsize=8)
def _mentions(doc: Document) -> tuple[Claim, ...]:
    with collector_paused():
        return _find_mentions(doc)


def _find_mentions(doc: Document) -> tuple[Claim, ...]:
    text = doc.text
    if not text.strip():
        return ()
    analyser = _Analyser(text)
    found: dict[tuple[int, int], _Cand] = {}
    for c in analyser.resolve():
        span = (c.toks[0].start, c.toks[-1].end)
        if span[1] > span[0]:
            found.setdefault(span, c)
    claims: list[Claim] = []
    append = claims.append
    sentences = SentenceMemo(text)
    for (start, end), c in sorted(found.items()):
        # ``Claim`` and its ``Attrs`` built directly, as ``make_claim`` would (same fields, same
        # attribute order): a document has dozens of names, and the keyword plumbing was a
        # tenth of the extractor's time.
        raw = text[start:end]
        surface = " ".join(raw.split())
        value = c.value if c.linked and c.value else surface
        tokens = list(c.link_tokens) if c.linked and c.link_tokens else [t.text for t in c.toks]
        append(Claim("name", start, end, raw, value, None, None, sentences(start, end),
                     Attrs(type=c.type, tokens=tokens, normalised=normalise_name(value), title=c.title,
                           surface=surface, linked=c.linked)))
    return tuple(claims)


class SentenceMemo:
    """``sentence_bounds`` for claims visited in text order, computed once per sentence.

    A document has a few dozen names but far fewer sentences; once the bounds
    ``[s, e)`` of one claim are known, a later claim that starts after the
    previous claim and ends before the sentence's final character lies in the
    same sentence: a break between them would have stopped the forward scan,
    unless its '.' sat inside the previous claim ("L.A. Times"), so claims
    containing sentence punctuation are never reused.
    """

    __slots__ = ("_bounds", "_prev_end", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._bounds = (-1, -1)
        self._prev_end = -1

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        s, e = self._bounds
        if not (start >= self._prev_end >= s and end < e):
            self._bounds = sentence_bounds(self._text, start, end)
        span = self._text[start:end]
        clean = "." not in span and "!" not in span and "?" not in span and "\n" not in span
        self._prev_end = end if clean else len(self._text) + 1
        return self._bounds


def mentions(doc: Document) -> tuple[Claim, ...]:
    """All name claims of ``doc``, memoised: the quote extractor resolves
    speakers through them, and re-tokenising the article twice is wasted work."""
    return _mentions(doc)


@register("names")
def extract(doc: Document) -> Iterator[Claim]:
    """Name mentions in ``doc``, sorted by (start, end)."""
    yield from _mentions(doc)
