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
``f:``  a figure: a number with at least two significant digits ("6.1", "1,300")
``w:``  a content word (lower case, not a function word)

The record is computed in the map phase (worker processes) so the reduce
phase only clusters: a document's text is not shipped twice.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim
from factcheck.documents import Document

#: The claim kinds story building reads; the engine extracts them whenever a corpus rule runs.
STORY_KINDS = ("name", "date")


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

    def features(self) -> dict[str, int]:
        return dict(self.counts)


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]+[A-Za-z]")  # "pin-up", "page's" (read as "page")
#: "1,300", "6.1", "480"; not the parts of a date or time ("2014-03-05", "18:41"), which dates cover.
_FIGURE_RE = re.compile(r"(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{2,})(?![\w/-]|[.,:]\d)")
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
    """The story evidence of ``doc`` from its text and its ``name``/``date`` claims."""
    counts: Counter[str] = Counter()
    stated: list[str] = []
    spellings: dict[str, Counter[str]] = {}
    types: dict[str, str] = {}
    for c in claims:
        if c.kind == "name":
            key = str(c.get("normalised") or c.value).casefold().strip()
            if len(key) < 3 or not any(ch.isalpha() for ch in key):
                continue
            counts["n:" + key] += 1
            spellings.setdefault(key, Counter())[str(c.value)] += 1
            kind = str(c.get("type") or "unknown")
            types[key] = kind if types.get(key, "unknown") == "unknown" else types[key]
            if kind == "person":
                for tok in key.split()[1:]:
                    if len(tok) >= 3:
                        counts["s:" + tok] += 1
        elif c.kind == "date" and isinstance(c.value, str) and not c.get("dateline"):
            if not c.get("relative") and c.value[:4].isdigit() and c.get("granularity") in ("day", "month", "year"):
                stated.append(c.value)
            if c.get("granularity") == "day" and len(c.value) == 10:
                counts["d:" + c.value] += 1
                counts["m:" + c.value[:7]] += 1
            elif c.get("granularity") == "month" and len(c.value) == 7:
                counts["m:" + c.value] += 1
    text = doc.text
    for m in _FIGURE_RE.finditer(text):
        fig = m.group(0).replace(",", "")
        if not (1900 <= _int_or(fig) <= 2100):  # years are dates, already counted as such
            counts["f:" + fig] += 1
    for m in _WORD_RE.finditer(text):
        w = m.group(0).casefold().removesuffix("'s")
        if len(w) >= 4 and w not in _STOP:
            counts["w:" + w] += 1
    names = tuple(NameMention(key, _most_common(spellings[key]), types[key]) for key in sorted(spellings))
    return DocFeatures(path=doc.path, content=content_key(text), pub_date=doc.pub_date,
                       counts=tuple(sorted(counts.items())), names=names, pin=pin, pin_source=pin_source,
                       latest_stated=max(stated) if stated else None)


def _most_common(votes: Counter[str]) -> str:
    return min(votes, key=lambda s: (-votes[s], s))


def _int_or(s: str) -> int:
    """The number, for the year test only: longer digit runs are no year (and int() of 5,000 digits raises)."""
    return int(s) if s.isdigit() and len(s) <= 4 else -1
