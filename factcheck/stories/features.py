"""What one document contributes to story building: its evidence, as a small picklable record.

A story is a real-world event, so the evidence is what the article *says*
about it -- the rare names it mentions, the dates it resolves, the figures and
distinctive words it uses, and when it was published -- and never where the
file sits: paths, folder and file names are not read here at all, so a corpus
renamed and flattened gets the same stories.

Features are strings with a one-letter family prefix so that one inverted
index and one IDF table serve every family, while the families keep their own
weights (a shared full name says more than a shared common word):

``n:``  a name (person, place, organisation; normalised)
``s:``  a single word of a multi-word person name (surname-only mentions)
``d:``  a day-precise date the article resolves (not its own dateline)
``m:``  a month-precise date
``f:``  a figure: the value of a quantity or count the number extractor read, at least
        10 or with a fraction ("6.1", "1,300" as ``1300``), but not an age (see
        :func:`figure_features`); or a number no number or date claim covers: a label
        ("0845 125 2222", "Interstate 75", "911") or a figure no extractor reads ("6.1")
``w:``  a content word (lower case, not a function word)

The record is computed in the map phase (worker processes) so the reduce
phase only clusters: a document's text is not shipped twice.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from factcheck.claims.base import Claim
from factcheck.documents import Document

#: The claim kinds story building reads; the engine extracts them whenever a corpus rule runs.
STORY_KINDS = ("name", "date", "quantity", "count")
#: The claim kinds whose values are figures (``f:``).
FIGURE_KINDS = ("quantity", "count")
#: The claim kinds whose spans are not labels: digits inside them were read (or left out) by their extractor.
_COVERING_KINDS = ("quantity", "count", "date")


@dataclass(frozen=True)
class NameMention:
    """A name as stories show it: the normalised key and the most common spelling in the document."""

    key: str
    shown: str
    type: str


@dataclass(frozen=True)
class DocFeatures:
    """One document's story evidence.

    ``content`` is a hash of the analysed text: the deterministic tie-break
    wherever an order between documents is needed, so neither input order nor
    paths can change a result.  ``counts`` maps each feature to how often the
    document uses it (a name mentioned ten times is more central than one
    mentioned once).  ``pin`` is the story a user assigned (front matter
    ``story:`` or the config), or None.
    """

    path: str
    content: str
    pub_date: _dt.date | None
    counts: tuple[tuple[str, int], ...]
    names: tuple[NameMention, ...]
    pin: str | None = None
    pin_source: str | None = None
    #: the latest date the article states outright (not relative to anything): when the
    #: publication date is unknown, the best estimate of when it was written
    latest_stated: str | None = None
    #: the days of the week the article names, as a bit set (see :func:`weekdays_named`)
    weekdays: int = 0

    def features(self) -> dict[str, int]:
        return dict(self.counts)


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]+[A-Za-z]")  # "pin-up", "page's" (read as "page")
#: A number written in digits ("0845", "1,300", "6.1"), read only where no number or date claim is:
#: labels and figures no extractor reads ("magnitude 6.1"); not the parts of a date or time ("18:41").
_DIGITS_RE = re.compile(r"(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{2,})(?![\w/-]|[.,:]\d)")
_STOP = frozenset("""
a about above after again against all also although am among an and another any are around as at away back be
became because been before being below between both but by came can cannot could did do does doing done down
during each either else even ever every few first for from further get gets got had has have having he her here
hers herself him himself his how however if in into is it its itself just last later least less like made make
many may me might more most much must my myself near never new news next no nor not now of off often on once one
only or other others our ours out over own per said same say says see seen she should since so some still such
than that the their theirs them themselves then there these they this those though three through to too two
under until up upon us use used very via was way we well were what when where whether which while who whom whose
why will with within without would year years yet you your yours day days week weeks month months time times
told according people including reported report reports percent today yesterday tomorrow monday tuesday
wednesday thursday friday saturday sunday january february march april june july august september october
november december mr mrs ms dr http https www com html htm index php story article news
""".split())


def content_key(text: str) -> str:
    """A stable hash of a document's text (the order and tie-break key of story building)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_features(doc: Document, claims: Sequence[Claim], pin: str | None = None,
                      pin_source: str | None = None) -> DocFeatures:
    """The story evidence of ``doc`` from its text and its ``name``, ``date`` and number claims.

    Runs once per document in every scan with a corpus rule, so it does no
    more than count: the claims hold the names, dates and figures already
    read, the text is tokenised once by one regex, and what a distinct name or
    word becomes is computed once per corpus (cached), not once per mention.
    """
    counts: dict[str, int] = {}
    get = counts.get
    stated: list[str] = []
    spellings: dict[str, dict[str, int]] = {}
    types: dict[str, str] = {}
    for c in claims:
        kind = c.kind
        if kind == "name":
            attrs = c.attrs
            shown = str(c.value)
            key = _name_key(str(attrs.get("normalised") or shown))
            if key is None:
                continue
            counts[key.feature] = get(key.feature, 0) + 1
            votes = spellings.get(key.key)
            if votes is None:
                votes = spellings[key.key] = {}
            votes[shown] = votes.get(shown, 0) + 1
            ntype = str(attrs.get("type") or "unknown")
            if types.get(key.key, "unknown") == "unknown":
                types[key.key] = ntype
            if ntype == "person":
                for f in key.surnames:
                    counts[f] = get(f, 0) + 1
        elif kind == "date" and isinstance(value := c.value, str):
            attrs = c.attrs
            if attrs.get("dateline"):
                continue
            granularity = attrs.get("granularity")
            if not attrs.get("relative") and value[:4].isdigit() and granularity in ("day", "month", "year"):
                stated.append(value)
            if granularity == "day" and len(value) == 10:
                counts["d:" + value] = get("d:" + value, 0) + 1
                counts["m:" + value[:7]] = get("m:" + value[:7], 0) + 1
            elif granularity == "month" and len(value) == 7:
                counts["m:" + value] = get("m:" + value, 0) + 1
    text = doc.text
    # The figure and word families share no key with the families above, so whole counters are
    # added at once.  Words: one regex pass, each token's feature from a cache (a corpus repeats
    # its vocabulary), counted by Counter's C loop -- no Python statement runs per token.
    counts.update(figure_features(text, claims))
    words = Counter(map(_word_feature, _WORD_RE.findall(text)))
    words.pop(None, None)
    counts.update(words)  # type: ignore[arg-type]  # the None key is gone
    names = tuple(NameMention(key, _most_common(spellings[key]), types[key]) for key in sorted(spellings))
    keys = sorted(counts)  # features are unique: sorting the keys alone is the sort of the pairs
    return DocFeatures(path=doc.path, content=content_key(text), pub_date=doc.pub_date,
                       counts=tuple(zip(keys, map(counts.__getitem__, keys), strict=True)), names=names, pin=pin,
                       pin_source=pin_source, latest_stated=max(stated) if stated else None,
                       weekdays=weekdays_named(text))


_WEEKDAY_RE = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_WEEKDAY_BIT = {stem: 1 << k for k, stem in enumerate(("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"))}


def weekdays_named(text: str) -> int:
    """The days of the week ``text`` names, as a bit set (bit 0 Monday ... bit 6 Sunday).

    A news report places its event by the day of the week ("the quake struck
    on Sunday at 9:27 a.m."), often without a full date, so the days a group
    of reports names say when its event happened even where no publication
    date does (see :class:`factcheck.stories.cluster.Weekdays`).  Capitalised
    names only: a "sunday" in a URL or a slug is no day.
    """
    bits = 0
    for m in _WEEKDAY_RE.finditer(text):
        bits |= _WEEKDAY_BIT[m.group(1)]
    return bits


@dataclass(frozen=True)
class _NameKey:
    """What a name claim's normalised value contributes: its key, ``n:`` feature, and the ``s:``
    features of its later words (used when the name is a person's)."""

    key: str
    feature: str
    surnames: tuple[str, ...]


@functools.lru_cache(maxsize=1 << 16)
def _name_key(normalised: str) -> _NameKey | None:
    """The features of a normalised name, or None when it is too short or has no letter."""
    key = normalised.casefold().strip()
    if len(key) < 3 or not any(ch.isalpha() for ch in key):
        return None
    return _NameKey(key, "n:" + key, tuple("s:" + tok for tok in key.split()[1:] if len(tok) >= 3))


@functools.lru_cache(maxsize=1 << 16)
def _word_feature(token: str) -> str | None:
    """The ``w:`` feature of a word as written ("Quake's" -> ``w:quake``), or None for a short or
    function word.  Cached: bounded, and a corpus has far fewer distinct words than tokens."""
    w = token.casefold().removesuffix("'s")
    return "w:" + w if len(w) >= 4 and w not in _STOP else None


def _most_common(votes: Mapping[str, int]) -> str:
    return min(votes, key=lambda s: (-votes[s], s))


def figure_features(text: str, claims: Sequence[Claim]) -> Counter[str]:
    """The ``f:`` features of a document: the figures its number claims read, and its labels.

    A figure is the value the number extractor understood, so "1,300",
    "1300" and "1.3 thousand" are one figure, and a year, date, time, score or
    phone number is never one (the extractor leaves them out) -- this module
    does not read numbers again.  Ages are left out: "the 36-year-old champion"
    is said of a person the names already count, and an age is the commonest
    of numbers (two boxing stories four years apart share a 36-year-old
    fighter, and were merged by it).  What no number or date claim covers is a
    label (a police hotline, a route or case number, an emergency number) or a
    figure no extractor reads yet ("a magnitude 6.1 quake"): the same in every
    report of an event and rare elsewhere, so it is kept (ECB+ dev topics: the
    hotline of one fire's police appeal is what keeps it apart from another
    supermarket fire).
    """
    out: Counter[str] = Counter()
    covered = sorted((c.start, c.end) for c in claims if c.kind in _COVERING_KINDS)
    for c in claims:
        if c.kind in FIGURE_KINDS and not _is_age(c) and (fig := figure_feature(c.value)) is not None:
            out["f:" + fig] += 1
    starts = [s for s, _ in covered]
    reach = list(accumulate((e for _, e in covered), max))  # the furthest end of any span starting at or before
    for m in _DIGITS_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and reach[i] > m.start():
            continue  # inside a figure or a date: read (or left out) by its extractor
        label = m.group(0).replace(",", "")
        if not (1900 <= _int_or(label) <= 2100):  # a bare year is a date the dates extractor did not anchor
            out["f:" + label] += 1
    return out


def _is_age(claim: Claim) -> bool:
    return bool(claim.get("age")) or claim.get("measure") == "age"


def _int_or(s: str) -> int:
    """The number, for the year test only: longer digit runs are no year (and int() of 5,000 digits raises)."""
    return int(s) if s.isdigit() and len(s) <= 4 else -1


def figure_feature(value: object) -> str | None:
    """A figure's feature key: the value as digits (``1300``, ``6.1``) when it is telling -- at
    least 10 or with a fraction, as a shared "six" or "2" says nothing of the event -- else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        if value.is_integer():
            value = int(value)
    if isinstance(value, int):
        if abs(value) < 10:
            return None
        # Python refuses to print an int of over 4,300 digits; so long a figure is no evidence anyway.
        return str(value) if value.bit_length() <= 14_000 else None
    return repr(value)
