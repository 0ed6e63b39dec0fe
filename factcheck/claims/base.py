"""The Claim record and the extractor registry.

A claim is one checkable statement found in a document: its kind, the exact
span in ``Document.text``, a normalised value and kind-specific attributes.
Extractors are pure functions ``extract(doc) -> Iterable[Claim]``; rules only
ever look at claims, never re-parse text that an extractor understood.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NoReturn

from factcheck.documents import Document

if TYPE_CHECKING:
    from factcheck.claims.about import About
    from factcheck.claims.bounds import Bounds
    from factcheck.claims.changes import Change

#: Claim kinds, in the order ``factcheck claims`` documents them.
KINDS = ("quantity", "count", "ordinal", "vote", "date", "name", "quote", "enumeration")


class Attrs(dict[str, Any]):
    """A read-only dict: claims are frozen, and unlike ``MappingProxyType`` this
    pickles, so claims can travel back from worker processes."""

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("claim attributes are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly

    def __reduce__(self) -> tuple[Any, ...]:
        return (Attrs, (dict(self),))


_EMPTY: Mapping[str, Any] = Attrs()


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement.

    ``value`` is JSON-serialisable and normalised: a number for quantities and
    counts, an ISO string (``2019-12-30``, ``2019-12``, ``2019``, ``1990s``) for
    dates, the canonical form for names, the quoted words for quotes.  ``attrs``
    holds kind-specific fields (``granularity``, ``anchor``, ``speaker``,
    ``items``...), also JSON-serialisable.
    """

    kind: str
    start: int  # offsets into Document.text, end exclusive
    end: int
    #: ``Document.text[start:end]``, what the extractor read (line breaks as "\n", entities decoded);
    #: reports and ``factcheck claims`` show the source slice instead (``Document.locate``)
    text: str
    value: Any
    unit: str | None = None
    qualifier: str | None = None
    sentence: tuple[int, int] = (0, 0)
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    @property
    def bounds(self) -> Bounds | None:
        """The values a numeric claim admits, from its qualifier (see :mod:`factcheck.claims.bounds`);
        None for claims without a numeric value (dates, names, "2/3" majorities, ordinals)."""
        raw = self.attrs.get("bounds")
        if raw is None:
            return None
        from factcheck.claims.bounds import Bounds  # here: bounds is a leaf module rules need not load

        return Bounds.from_json(raw)

    @property
    def about(self) -> About | None:
        """Whom or what the figure or date is said of, as the claims stage read it (see
        :mod:`factcheck.claims.about`); None when the text does not say, or for other kinds."""
        raw = self.attrs.get("about")
        if raw is None:
            return None
        from factcheck.claims.about import About  # here: as for bounds

        return About.from_json(raw)

    @property
    def change(self) -> Change | None:
        """How a figure relates to a movement ("fell 0.6 per cent to 7420": the change, the level), or None
        (see :mod:`factcheck.claims.changes`)."""
        raw = self.attrs.get("change")
        if raw is None:
            return None
        from factcheck.claims.changes import Change  # here, as for bounds

        return Change.from_json(raw)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.kind, repr(self.value))


def make_claim(kind: str, doc: Document, start: int, end: int, value: Any, *,
               unit: str | None = None, qualifier: str | None = None,
               sentence: tuple[int, int] | None = None, **attrs: Any) -> Claim:
    """Build a claim whose ``text`` is exactly ``doc.text[start:end]``.

    The fields are passed by position, in :class:`Claim`'s order (a test keeps it so): every extractor
    builds its claims here, and a frozen dataclass takes keywords a third slower.
    """
    return Claim(kind, start, end, doc.text[start:end], value, unit, qualifier,
                 sentence if sentence is not None else sentence_bounds(doc.text, start, end), Attrs(attrs))


def with_attrs(claim: Claim, **extra: Any) -> Claim:
    """``claim`` with ``extra`` added to its attributes (a new claim; the old one is frozen).

    What ``dataclasses.replace(claim, attrs=...)`` gives, built by position as :func:`make_claim`
    builds claims: ``replace`` looked the fields up again for every claim, twice as slow, and the
    subject and change readers annotate thousands of claims.
    """
    return Claim(claim.kind, claim.start, claim.end, claim.text, claim.value, claim.unit, claim.qualifier,
                 claim.sentence, Attrs({**claim.attrs, **extra}))


Extractor = Callable[[Document], Iterable[Claim]]

#: extractor name -> extractor.  Explicit, like yamllint's rule registry: a new
#: extractor is added here (and gets hypothesis properties; a meta-test checks).
EXTRACTORS: dict[str, Extractor] = {}

#: extractor name -> the claim kinds it produces, so a rule that needs only
#: names does not pay for number or date extraction.
PRODUCES: dict[str, tuple[str, ...]] = {
    "numbers": ("quantity", "count", "ordinal", "vote", "enumeration"),
    "dates": ("date",),
    "names": ("name",),
    "quotes": ("quote",),
}


#: the order the built-in extractors run in, whatever order their modules were imported in (a rule
#: kind may import one before the others register): claims of equal sort keys keep this order
BUILTIN_ORDER = ("dates", "names", "numbers", "quotes")


def extractors() -> dict[str, Extractor]:
    """Every registered extractor, the built-in ones first in :data:`BUILTIN_ORDER`, then any other
    in the order it registered.  Registers the built-in ones on first use (see :mod:`factcheck.claims`)."""
    import factcheck.claims.builtin  # noqa: F401  (registration)

    ordered = {name: EXTRACTORS[name] for name in BUILTIN_ORDER if name in EXTRACTORS}
    ordered.update((name, fn) for name, fn in EXTRACTORS.items() if name not in ordered)
    return ordered


def register(name: str) -> Callable[[Extractor], Extractor]:
    def deco(fn: Extractor) -> Extractor:
        EXTRACTORS[name] = fn
        return fn
    return deco


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: cut at . ! ? followed by space, a blank
    line, or a line break that is not a wrap (see :func:`_line_breaks`).

    Cheap and approximate by design: it only gives rules context ("near
    'Security Council'") and never decides a value.  Boundaries are found
    once per text (regexes, cached) and looked up by bisection, because every
    claim asks.
    """
    starts, end_triggers, end_values = _boundaries(text)
    s = starts[bisect.bisect_right(starts, start) - 1]
    k = bisect.bisect_left(end_triggers, end)
    e = end_values[k] if k < len(end_triggers) else len(text)
    return min(s, start), max(e, end)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line(s) around ``[start, end)``, without the newlines; by bisection, for every claim asks."""
    breaks = _newlines(text)
    i = bisect.bisect_left(breaks, start)
    j = bisect.bisect_left(breaks, end)
    return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else len(text))


@lru_cache(maxsize=16)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in _NEWLINE_RE.finditer(text)]


#: A sentence starts after . ! ? and any closing quotes or brackets, then a space or line break:
#: 'appetites and desires."' ends its sentence as 'desires.' does.
_START_PUNCT_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*[ \n]")
#: The first line break of a blank line.  Searched from its literal "\n" (a pattern that opened
#: with a lookbehind would be tried at every offset of the text); the blank line's second break
#: ends a paragraph and the sentence after it starts just past that.
_BLANK_RE = re.compile(r"\n(?=\n)")
_END_PUNCT_RE = re.compile(r"[.!?](?=[ \n\"'\u201d\u2019)\]]|\Z)")
#: Both in one pass: an end mark, and when :data:`_START_PUNCT_RE` matches there too, the closers and
#: the blank after it (group ``after``), whose end starts the next sentence.  Every start mark is an end
#: mark (a closer, a space or a line break follows it), and what a start mark runs through holds no mark.
_MARK_RE = re.compile(r"[.!?](?=[ \n\"'\u201d\u2019)\]]|\Z)(?P<after>[\"'\u201d\u2019)\]]*[ \n])?")


@lru_cache(maxsize=16)
def _boundaries(text: str) -> tuple[list[int], list[int], list[int]]:
    """Sentence starts, and (trigger position, end offset) pairs, in text order."""
    ends: dict[int, int] = {}
    starts = {0}
    # A start follows a mark that also ends a sentence (its next character is a quote, a bracket, a
    # space or a line break): one pass finds both, and the abbreviation test serves both.
    longer = _ABBREV_MAX + 1
    for m in _MARK_RE.finditer(text):
        dot = m.start()
        # Most marks follow a word longer than any abbreviation: its last letters tell, without the walk.
        if (dot >= longer and text[dot - longer:dot].isalpha()) or not _abbrev_before(text, dot):
            ends[dot] = dot + 1
            if m.group("after") is not None:
                starts.add(m.end())
    # A break that a blank line follows, or the text's last character, ends its sentence there.
    blanks = [m.start() for m in _BLANK_RE.finditer(text)]
    starts.update(b + 2 for b in blanks)
    for b in blanks:
        ends[b] = b
    if text.endswith("\n"):
        ends[len(text) - 1] = len(text) - 1
    for nl in _line_breaks(text):
        starts.add(nl + 1)
        ends.setdefault(nl, nl)
    triggers = sorted(ends)
    return sorted(starts), triggers, [ends[t] for t in triggers]


_NEWLINE_RE = re.compile(r"\n")
_NEXT_WORD_RE = re.compile(r"\S*")


def _line_breaks(text: str) -> list[int]:
    """Single line breaks that end a sentence although no punctuation does.

    A headline, a byline or a list item stands on its own line with no full
    stop ("Colts beat Chiefs 20-13\nDecember 23, 2012\nThe expectations ...").
    Hard-wrapped prose breaks lines mid-sentence too, but only where the next
    word would not have fitted: a break is a wrap when the line plus the next
    word reach the text's longest line, so only the others end sentences.
    """
    if "\n" not in text:
        return []
    width = max(map(len, text.split("\n")))
    out = []
    start = 0
    for m in _NEWLINE_RE.finditer(text):
        nl = m.start()
        line = text[start:nl].rstrip()
        start = nl + 1
        if not line or line[-1] in ".!?:;," or nl + 1 >= len(text) or text[nl + 1] == "\n":
            continue
        nxt = _NEXT_WORD_RE.match(text, nl + 1)
        if len(line) + 1 + len(nxt.group(0) if nxt else "") < width:
            out.append(nl)
    return out


_ABBREVS = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
            "u.s", "u.n", "gen", "sen", "rep", "gov", "no", "vs", "n", "jr", "sr", "inc", "corp",
            "co", "lt", "col", "capt", "prof", "mt", "ft"}


#: The longest abbreviation: a run of letters and dots before a '.' that is longer cannot be one.
_ABBREV_MAX = max(map(len, _ABBREVS))


def _abbrev_before(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation ("Dec.", "U.S.") rather than a sentence.

    The word before the dot is its run of letters and dots.  The walk back stops one character past
    the longest abbreviation: a longer run is neither an abbreviation nor a single letter, and most
    sentences end on such a word, which the walk used to read to its first letter.
    """
    if text[dot] != ".":
        return False
    k = dot
    stop = max(0, dot - _ABBREV_MAX - 1)
    while k > stop and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    if dot - k > _ABBREV_MAX:
        return False
    word = text[k:dot].lower()
    return word in _ABBREVS or (len(word) == 1 and word.isalpha())


class DocumentTimeout(Exception):
    """A document ran past its time budget (see ``extract_all``'s ``deadline``)."""

    def __init__(self, path: str, elapsed: float) -> None:
        super().__init__(f"{path}: analysis ran past its time budget after {elapsed:.1f} s")
        self.path = path
        self.elapsed = elapsed


def extract_all(doc: Document, kinds: Iterable[str] | None = None, *, deadline: float | None = None,
                clock: Callable[[], float] = time.monotonic) -> list[Claim]:
    """Run the registered extractors (all, or ``kinds``) and sort their claims.

    Number and date claims then get their ``about``, the subject they are said
    of (:mod:`factcheck.claims.about`), read with the document's name claims.

    With a ``deadline`` (a ``clock()`` value), :class:`DocumentTimeout` is raised
    as soon as an extractor finishes past it, and the others are not run.  It is
    the last line of defence behind extractors that are linear by design: it
    cannot interrupt an extractor (no threads are killed), only refuse to go on.
    """
    from factcheck.claims.about import ABOUT_CLAIM_KINDS, attach_about

    wanted = set(kinds) if kinds is not None else None
    # Subjects are read from the document's names, so figures and dates need them even when
    # the caller does not (they are dropped again below).
    run = wanted | {"name"} if wanted is not None and wanted & set(ABOUT_CLAIM_KINDS) else wanted
    out: list[Claim] = []
    for name, fn in extractors().items():
        if run is None or run & set(PRODUCES.get(name, (name,))):
            out.extend(fn(doc))
            if deadline is not None and (now := clock()) > deadline:
                raise DocumentTimeout(doc.path, now - deadline)
    if any(c.kind in ABOUT_CLAIM_KINDS for c in out):
        out = attach_about(doc, out)
    if wanted is not None:
        out = [c for c in out if c.kind in wanted or c.kind not in KINDS]
    out.sort(key=lambda c: c.sort_key)
    return out
