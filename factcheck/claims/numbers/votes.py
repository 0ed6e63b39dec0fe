"""Votes: thresholds ("needs nine votes in favor"), tallies ("passed 13-0 with two abstentions"),
"nine in favor and three against", fractional majorities ("a two-thirds majority") -- read first, so
their numbers are not read again as counts (see :func:`factcheck.claims.numbers.extractor.extract`).
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.claims.base import Claim, make_claim
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numbers.context import _in_spans
from factcheck.claims.numbers.patterns import (
    _FRACTION_WORDS,
    _MAJORITY_RE,
    _NEEDED_BEFORE_RE,
    _TALLY_BEFORE_RE,
    _VOTE_FAVOR_RE,
    _VOTE_IN_FAVOR_RE,
    _VOTE_NEEDED_RE,
    _VOTE_SCORE_RE,
    _VOTE_TALLY_RE,
)
from factcheck.claims.numwords import parse_words
from factcheck.documents import Document


def _vote_value(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip().lower()
    if s in ("no", "none", "nil"):
        return 0
    if s.isdigit():
        return int(s)
    r = parse_words(s)
    return r[0] if r is not None and r[1] == len(s) else None


def _votes(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """Vote thresholds, tallies and fractional majorities, in priority order, without overlaps.

    Each pattern is tried at every anchor only when the document holds a word it
    cannot match without (:data:`_VOTE_KEYS`): most articles never mention a vote.
    """
    text = doc.text
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    keys = _vote_keys(text)

    def add(start: int, end: int, value: Any, qualifier: str | None = None, **attrs: Any) -> None:
        if _in_spans(start, urls) or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        if isinstance(value, int):
            attrs["bounds"] = figure_bounds(value, qualifier).to_json()
        out.append(make_claim("vote", doc, start, end, value, unit="vote", qualifier=qualifier, **attrs))

    for p in anchors if _VOTE_NEEDED_RE in keys else ():
        m = _VOTE_NEEDED_RE.match(text, p)
        if m is None:
            continue
        before = _NEEDED_BEFORE_RE.search(text, max(0, p - 40), p)
        n = _vote_value(m.group("n"))
        if before is None or n is None:
            continue
        attrs: dict[str, Any] = {"in_favor": n, "threshold": True}
        if m.group("nov") or m.group("vv"):
            attrs["vetoes"] = 0 if m.group("nov") else _vote_value(m.group("vv"))
        tot = _vote_value(m.group("tot"))
        if tot is not None:
            attrs["total"] = tot
        if before.group("q"):
            add(before.start("q"), m.end(), n, " ".join(before.group("q").lower().split()), **attrs)
        else:
            add(p, m.end(), n, **attrs)
    for rx in (_VOTE_TALLY_RE, _VOTE_SCORE_RE, _VOTE_FAVOR_RE):
        for p in anchors if rx in keys else ():
            m = rx.match(text, p)
            if m is None:
                continue
            if rx is _VOTE_TALLY_RE and not _TALLY_BEFORE_RE.search(text, max(0, p - 50), p):
                continue
            a, b = _vote_value(m.group("a")), _vote_value(m.group("b"))
            if a is None or b is None:
                continue
            attrs = {"in_favor": a, "against": b}
            c = _vote_value(m.groupdict().get("c"))
            ab = _vote_value(m.group("abs"))
            if c is not None or ab is not None:
                attrs["abstentions"] = c if c is not None else ab
            add(p, m.end(), a, **attrs)
    in_favor, majority = _VOTE_IN_FAVOR_RE in keys, _MAJORITY_RE in keys
    for p in anchors if in_favor or majority else ():
        m = _VOTE_IN_FAVOR_RE.match(text, p) if in_favor else None
        if m is not None:
            a = _vote_value(m.group("a"))
            if a is not None:
                add(p, m.end(), a, in_favor=a)
        m = _MAJORITY_RE.match(text, p) if majority else None
        if m is not None:
            if m.group("num"):
                num = _FRACTION_WORDS.get(m.group("num").lower(), 0)
                den = _FRACTION_WORDS.get(m.group("den").lower(), 0)
            else:
                num, den = int(m.group("dn")), int(m.group("dd"))
            if 0 < num < den:
                frac = f"{num}/{den}"
                add(p, m.end(), frac, majority=frac)
    return out


#: Words (lower-case) one of which each vote pattern's match holds: a document holding none of a
#: pattern's words need not try it at any anchor.  The tally (its context, read before it, has a dozen
#: verbs) is always tried: looking for all its words would cost more than it spares.
_VOTE_KEYS: dict[re.Pattern[str], tuple[str, ...]] = {
    _VOTE_NEEDED_RE: ("vote",),
    _VOTE_SCORE_RE: ("vote", "decision", "ruling", "verdict", "majority", "tally", "split"),
    _VOTE_FAVOR_RE: ("against", "opposed"),
    _VOTE_IN_FAVOR_RE: ("vote",),
    _MAJORITY_RE: ("majority",),
}
_VOTE_WORDS = tuple(dict.fromkeys(w for words in _VOTE_KEYS.values() for w in words))


def _vote_keys(text: str) -> set[re.Pattern[str]]:
    """The vote patterns ``text`` may match (see :data:`_VOTE_KEYS`), always with the tally.

    Lower-casing is the patterns' case folding except for three letters ``re`` also folds to ASCII ones
    ("ſ" to "s", dotted and dotless i to "i"): a text holding one tries every pattern.
    """
    if not text.isascii() and ("\u017f" in text or "\u0131" in text or "\u0130" in text):
        return {*_VOTE_KEYS, _VOTE_TALLY_RE}
    low = text.lower()
    present = {w for w in _VOTE_WORDS if w in low}
    return {_VOTE_TALLY_RE, *(rx for rx, words in _VOTE_KEYS.items() if not present.isdisjoint(words))}
