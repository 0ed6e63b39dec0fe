"""From groups of documents to :class:`Story` records: defining names and dates, ids, and reasons.

A story's *defining* names and dates are those most of its members share and
the rest of the corpus rarely uses (support x IDF), which is what tells a
reader which event it is.  Its id is derived from content only -- the first
publication date (else the latest defining date) and the defining name, as a slug:
``2009-12-07-tiger-woods`` -- and a collision is disambiguated by the
members' content hashes, so ids survive renames and reorderings.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.stories.cluster import Vector
from factcheck.stories.features import DocFeatures
from factcheck.stories.model import Stories, Story, Why

_TOP_NAMES = 5
_TOP_DATES = 3
_TOP_REASONS = 5

#: one kept tuple per distinct list of reasons (see :func:`_why`)
_Reasons = dict[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]
#: the documents' vectors by index: all of them, or (a re-scan) those of the groups drafted again
Vectors = Sequence[Vector] | Mapping[int, Vector]


@dataclass(frozen=True)
class Draft:
    """One group's story before ids are settled: its base id, content tie-break, and the story
    under the base id (:func:`finish` gives colliding ids their ``-2``, ``-3`` suffixes).

    A draft depends only on its members' evidence, their vectors and pair scores, and the
    document frequencies of their features, so a re-scan keeps the drafts of the groups a change
    did not touch (:mod:`factcheck.stories.incremental`).
    """

    base: str
    tie: str
    story: Story


def assemble(docs: Sequence[DocFeatures], groups: Sequence[Sequence[int]], vecs: Sequence[Vector],
             df: Mapping[str, int], scores: Mapping[tuple[int, int], float]) -> Stories:
    """Story records for ``groups`` (indices into ``docs``)."""
    reasons: _Reasons = {}
    return finish([draft(docs, group, vecs, df, scores, reasons) for group in groups])


def draft(docs: Sequence[DocFeatures], group: Sequence[int], vecs: Vectors, df: Mapping[str, int],
          scores: Mapping[tuple[int, int], float], reasons: _Reasons | None = None) -> Draft:
    """The :class:`Draft` of one group (indices into ``docs``; ``vecs`` and ``scores`` are read
    for its members only, ``reasons`` shares equal reason lists across a scan's drafts).

    Each document's feature dict is built for its own story only and dropped
    with it: a dict per document of the whole corpus at once was a temporary
    peak growing with the corpus (~5 MiB per 1,000 articles), while a story
    needs only its members'.
    """
    reasons = {} if reasons is None else reasons
    members = sorted(group)
    counts = {i: docs[i].features() for i in members}
    shown = _spellings(docs, members)
    # How many members have each feature, once per story: a member's reasons then count the
    # others sharing a feature in constant time (it was a pass over the members per feature,
    # quadratic in a story's size: a 10x archive's stories are ten times larger).
    holders: Counter[str] = Counter()
    for i in members:
        holders.update(counts[i].keys())
    why = {docs[i].path: _why(i, members, docs, holders, vecs, scores, shown, reasons) for i in members}
    return _defined(docs, members, counts, df, shown, why)


def redefine(docs: Sequence[DocFeatures], group: Sequence[int], df: Mapping[str, int], old: Draft) -> Draft:
    """``old``, the draft of exactly this group with unchanged members, vectors and pair scores,
    after document frequencies changed: the defining names and dates and the base id again (they
    weigh features by rarity), the reasons kept (they read no frequency)."""
    members = sorted(group)
    counts = {i: docs[i].features() for i in members}
    return _defined(docs, members, counts, df, _spellings(docs, members), old.story.why)


def frequency_families(d: Draft) -> tuple[str, ...]:
    """The feature families whose document frequencies ``d`` read: names and dates rank by rarity,
    and words too when no name gave the base id (see :func:`_base_id`)."""
    pinned = any(w.pin is not None for w in d.story.why.values())
    words = not pinned and (not d.story.names or not _slug(d.story.names[0]))
    return ("n:", "d:", "w:") if words else ("n:", "d:")


def _defined(docs: Sequence[DocFeatures], members: list[int], counts: Mapping[int, Mapping[str, int]],
             df: Mapping[str, int], shown: Mapping[str, str], why: dict[str, Why]) -> Draft:
    n_docs = len(docs)
    names = _defining(members, counts, df, n_docs, "n:", _TOP_NAMES)
    dates = _defining(members, counts, df, n_docs, "d:", _TOP_DATES)
    name_list = tuple(shown.get(k, k) for k in names)
    base = _base_id(docs, members, dates, name_list, counts, df, n_docs)
    tie = min(docs[i].content for i in members)
    return Draft(base, tie, Story(id=base, documents=tuple(sorted(docs[i].path for i in members)),
                                  names=name_list, dates=tuple(dates), why=why))


def finish(drafts: Sequence[Draft]) -> Stories:
    """The stories of ``drafts``: ids in (base id, tie-break) order, a repeated base id numbered."""
    out: list[Story] = []
    seen: Counter[str] = Counter()
    for d in sorted(drafts, key=lambda d: (d.base, d.tie)):
        seen[d.base] += 1
        sid = d.base if seen[d.base] == 1 else f"{d.base}-{seen[d.base]}"
        s = d.story
        out.append(Story(sid, s.documents, s.names, s.dates, s.why))
    return Stories(out)


def _defining(members: Sequence[int], counts: Mapping[int, Mapping[str, int]], df: Mapping[str, int], n_docs: int,
              prefix: str, top: int) -> list[str]:
    """Features of one family most members share, rarest elsewhere first (support x IDF)."""
    support: Counter[str] = Counter()
    for i in members:
        support.update(f for f in counts[i] if f.startswith(prefix))
    need = 1 if len(members) == 1 else max(2, math.ceil(len(members) / 3))
    ranked = sorted((-(k * math.log(1 + n_docs / df[f])), f) for f, k in support.items() if k >= need)
    return [f[len(prefix):] for _s, f in ranked[:top]]


def _spellings(docs: Sequence[DocFeatures], members: Sequence[int]) -> dict[str, str]:
    """Normalised name -> the spelling most members use (ties: alphabetical)."""
    votes: dict[str, Counter[str]] = {}
    for i in members:
        for m in docs[i].names:
            votes.setdefault(m.key, Counter())[m.shown] += 1
    return {k: _most_common(v) for k, v in votes.items()}


def _most_common(votes: Counter[str]) -> str:
    return min(votes, key=lambda s: (-votes[s], s))


def _why(i: int, members: Sequence[int], docs: Sequence[DocFeatures], holders: Mapping[str, int],
         vecs: Vectors, scores: Mapping[tuple[int, int], float], shown: Mapping[str, str],
         reasons: _Reasons) -> Why:
    """What document ``i`` shares with the other members, strongest first (``holders``: how many
    members, ``i`` included, have each feature).

    Equal reason lists are kept once (``reasons``): every story's records stay
    to the end of the scan, and the copies of a reprinted article share the
    same names, dates and words with the same number of others.
    """
    d = docs[i]
    others = [j for j in members if j != i]
    if d.pin is not None:
        base = Why(pin=d.pin, pin_source=d.pin_source)
        if not others:
            return base
    score = sum(scores.get((min(i, j), max(i, j)), 0.0) for j in others) / len(others) if others else 0.0
    fams: dict[str, list[tuple[float, str, int]]] = {"n": [], "d": [], "w": []}
    for f, w in vecs[i].items:
        k = holders[f] - 1  # the others: ``i`` has every feature of its own vector
        fam = {"n": "n", "d": "d", "m": "d", "w": "w", "f": "w"}.get(f[0])  # "s:" repeats a name
        if k and fam:
            fams[fam].append((-k * w, f, k))
    in_names = {tok for _s, f, _k in fams["n"] for tok in f[2:].split()}
    fams["w"] = [x for x in fams["w"] if x[1][2:] not in in_names]

    def shown_of(f: str) -> str:
        return shown.get(f[2:], f[2:]) if f.startswith("n:") else f[2:]

    def top(fam: str) -> tuple[tuple[str, int], ...]:
        found = tuple((shown_of(f), k) for _s, f, k in sorted(fams[fam])[:_TOP_REASONS])
        return reasons.setdefault(found, found)

    return Why(score=score, shared_names=top("n"), shared_dates=top("d"), shared_words=top("w"),
               pin=d.pin, pin_source=d.pin_source)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")[:40].strip("-")


def _base_id(docs: Sequence[DocFeatures], members: Sequence[int], dates: Sequence[str], names: Sequence[str],
             counts: Mapping[int, Mapping[str, int]], df: Mapping[str, int], n_docs: int) -> str:
    """``<first publication date | latest defining date | undated>-<defining name | word>``, or the pin label."""
    pins = sorted(p for i in members if (p := docs[i].pin) is not None)
    if pins:
        return pins[0]
    pubs = sorted(d for i in members if (d := docs[i].pub_date) is not None)
    # Undated reports: the latest defining date, since an event is usually the newest thing a
    # report recalls (a death is reported with the birth date, not the other way round).
    when = pubs[0].isoformat() if pubs else (max(dates) if dates else "undated")
    what = _slug(names[0]) if names else ""
    if not what:
        words = _defining(members, counts, df, n_docs, "w:", 1)
        what = _slug(words[0]) if words else "story"
    return f"{when}-{what}"
