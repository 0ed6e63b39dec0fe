"""The date candidate record (``_Cand``), the words before a date (``_Pre``) and the small
word tests the date families share ("the 2016 election": a noun follows; "2000 people": a count).
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from factcheck.claims.dates.vocabulary import (
    _FOLLOW_WORD_RE,
    _MODPREP,
    _MODWORD,
    _NOT_NOUNS,
    _PRE_REV_RE,
    _S_OK,
    _UNIT_WORDS,
)


@dataclass
class _Cand:
    """A recognised date expression, before resolution.

    ``form`` says how it resolves: "abs" (explicit, needs nothing), "md" (a
    month-day without a year), "month" (a month without a year), "monthrel"
    (``December last year``), "weekday", "pub" (an offset from the publication
    date: "yesterday", "last year", "two years ago"), "offset" (an offset from a
    neighbouring date: "a month before that", "that year"), "prevyear" (a month or
    month-day in the year of the date before it: "September of that year"),
    "weekend" ("at the weekend"), "decade2" ("the '90s").
    """

    start: int
    end: int
    form: str
    gran: str
    prio: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    n: int = 0
    unit: str = "day"
    rel: str | None = None
    modifier: str | None = None
    wd: int | None = None
    wd_text: str | None = None
    anchor: str = "publication"  # offset forms: previous | following | event
    invalid: bool = False
    range_end: int | None = None
    core: int = -1  # start before a prefix ("since", "early") was taken in; -1 when none was
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Pre:
    """What precedes a date (see ``_PRE_REV_RE``): each word and where it starts (``s`` when absent)."""

    prep: str | None
    prep_start: int
    the: bool
    rel: str | None
    rel_start: int
    mod: str | None
    mod_start: int


def _norm(s: str | None) -> str | None:
    return " ".join(s.lower().split()) if s else None


_PRE_LAST = frozenset("in since until till by before after during from between through throughout of on to the "
                      "this past coming last next early late mid".split())


# Precompiled: these run once per date candidate, where ``re``'s pattern cache lookup was a cost.
_NON_LOWER_RE = re.compile(r"[^a-z]")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)\W*\Z")
_NON_DIGIT_RE = re.compile(r"[^0-9]")


def _pre(text: str, s: int) -> _Pre:
    """Parse what precedes ``s``; cheap when the word before cannot start a prefix (the usual case)."""
    seg = text[max(0, s - 16):s]
    if not seg.endswith(("-", "‐")):
        words = seg.split()
        if not (seg[-1:].isspace() and words and _NON_LOWER_RE.split(words[-1].lower())[-1] in _PRE_LAST):
            return _Pre(None, s, False, None, s, None, s)
    m = _PRE_REV_RE.match(text[max(0, s - 48):s][::-1])
    assert m is not None  # every group is optional

    def word(g: str) -> tuple[str | None, int]:
        return (_norm(m.group(g)[::-1]), s - m.end(g)) if m.group(g) is not None else (None, s)

    prep, prep_start = word("prep")
    rel, rel_start = word("rel")
    mod, mod_start = word("mod" if m.group("mod") is not None else "hmod")
    return _Pre(prep, prep_start, m.group("the") is not None, rel, rel_start, mod, mod_start)


_FUNCTION_WORDS = frozenset(
    "the a an he she it they we i you and or but when to at in on of for with as its his her their there "
    "this that if so because after before is was will would had has have were are be could should may "
    "might must can did do does morning afternoon evening night".split())


def _agentive_by(text: str, e: int) -> bool:
    """"damaged by the Sunday quakes", "capped by this year's dud": "by" is not "no later than"."""
    if text.startswith(("'s", "’s"), e):
        return True
    m = _FOLLOW_WORD_RE.match(text, e)
    return bool(m and m.start(1) > e and m.group(1).islower() and m.group(1) not in _FUNCTION_WORDS)


def _apply_pre(text: str, c: _Cand, p: _Pre, include_rel: bool = False) -> None:
    """Extend the span over a meaning-changing prefix and set the modifier.

    An outer "since"/"until"/"before" wins over an inner "early"/"late": it is
    the relation a consistency rule has to respect.
    """
    starts = []
    if p.mod is not None:
        c.modifier = _MODWORD.get(p.mod, c.modifier)
        starts.append(p.mod_start)
    if include_rel and p.rel is not None:
        starts.append(p.rel_start)
    if p.prep in _MODPREP and not (p.prep == "by" and _agentive_by(text, c.end)):
        c.modifier = _MODPREP[p.prep]
        starts.append(p.prep_start)
    if starts:
        if c.core < 0:
            c.core = c.start
        c.start = min(starts)


def _count_like(text: str, e: int) -> bool:
    """True when the number just read is followed by what it counts ("2000 people", "2000 %")."""
    m = _FOLLOW_WORD_RE.match(text, e)
    if not m:
        return False
    w = m.group(1)
    lw = w.lower()
    if w == "%" or lw in _UNIT_WORDS:
        return True
    return (w.islower() and lw.endswith("s") and len(lw) > 3 and not lw.endswith(("ss", "us", "is"))
            and lw not in _S_OK)


def _noun_follows(text: str, e: int) -> bool:
    """"the 2016 election": a lower-case singular word after the number makes it a year."""
    m = _FOLLOW_WORD_RE.match(text, e)
    if not m or m.start(1) == e:
        return False
    w = m.group(1)
    return w.islower() and w not in _NOT_NOUNS and not _count_like(text, e)


def _prev_word(text: str, s: int) -> str:
    m = _PREV_WORD_RE.search(text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _in_spans(spans: list[tuple[int, int]], s: int) -> bool:
    """Whether ``s`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (s, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= s < spans[k][1]


def _ordinal_day(tok: str) -> int:
    return int(_NON_DIGIT_RE.sub("", tok))

