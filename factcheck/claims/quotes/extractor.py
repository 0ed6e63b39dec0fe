"""The ``quotes`` extractor: quotes paired, attributed, continued across paragraphs, as claims."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.base import Claim, line_bounds, make_claim, register
from factcheck.claims.quotes.attribution import _attribute_after, _attribute_before, _is_partial, _window
from factcheck.claims.quotes.pairing import _MARK_RE, _pair, _Quote
from factcheck.claims.quotes.speakers import _Speakers
from factcheck.documents import Document

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
        if q.speaker_type == "description" and q.speaker and not q.inferred:
            _name_the_described(q, sp)
        if q.tail_end < 0:
            q.tail_end = q.close + 1 if not q.unclosed else q.close
        done.append(q)
        closes.append(q.close)
        lines.append(q.line)
        previous = q
    _backfill(done)
    return done


def _name_the_described(q: _Quote, sp: _Speakers) -> None:
    """``"…," added the doctor`` after ``Ema Suryani, a doctor at a clinic, told AFP``: the
    description is the person named before it, when the text called them so (see
    :meth:`_Speakers.described_person`).  The name is inferred: the text does not put it
    beside the quote."""
    assert q.speaker is not None
    named = sp.described_person(q.speaker, q.open)
    if named is not None:
        q.speaker, q.speaker_type = str(named.value), str(named.attrs.get("type", "unknown"))
        q.inferred = True


def _backfill(quotes: list[_Quote]) -> None:
    """``"I'm shocked.`` / ``I really am," said Mary Batchelor``: a quote run
    through several paragraphs is attributed at its end; its earlier,
    unclosed parts get the same speaker."""
    for i in range(len(quotes) - 1, 0, -1):
        q = quotes[i]
        if not q.lone_close or q.speaker is None or q.attribution in ("continuation", "pronoun"):
            continue  # only a speaker read beside the quote is carried back
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
