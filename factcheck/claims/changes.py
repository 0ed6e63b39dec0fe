"""Changes and levels: "the FTSE fell 0.6 per cent to 7420", "up 41.2 points", "imports rose 5% to $4.1 billion".

Market and economic reports give two kinds of figure in one breath: how much
something moved (a *change*: "0.6 per cent", "41.2 points", "5%") and where
it ended (a *level*: "7420", "$4.1 billion"), or where it started ("from 7,500":
the *previous* level).  A rule that compares figures must not compare a change
with a level, so every figure after a change word is marked with a
:class:`Change` in its ``change`` attribute (see :attr:`Claim.change
<factcheck.claims.base.Claim.change>`):

- ``direction``: ``up`` or ``down``;
- ``role``: ``change`` ("rose 5%", "up 41.2 points", "fell by 3"), ``level``
  ("rose 5% to $4.1 billion", "climbed to 7,500") or ``previous`` ("rose from
  7,400 to 7,500");
- ``verb``: the word that says so, lower-case ("fell", "up").

:func:`read` also reads a level written as a bare number, which alone would be
nothing ("fell 0.6 per cent to 7420": 7420 is an index level), as a
``quantity`` with no unit.  :func:`annotate` marks the figures.

Only verbs that state a movement are read: "lost 3 games" and "added two
goals" count things, and "up to 500" is a qualifier, not a rise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from factcheck.claims.base import Claim, make_claim, with_attrs
from factcheck.claims.before import Before
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numwords import to_number
from factcheck.claims.scan import near
from factcheck.documents import Document

Direction = Literal["up", "down"]
Role = Literal["change", "level", "previous"]

#: Change words and their direction.
VERBS: dict[str, Direction] = {
    **{w: "up" for w in """rose rise rises risen rising climbed climb climbs climbing jumped jump jumps jumping
        increased increase increases increasing grew grow grows growing advanced advances soared soars surged
        surges surging rallied rallies gained gains up higher""".split()},
    **{w: "down" for w in """fell fall falls fallen falling dropped drop drops dropping declined decline declines
        declining slid slides sliding slipped slips sank sinks decreased decreases decreasing tumbled tumbles
        plunged plunges plummeted slumped slumps eased eases shed sheds down lower""".split()},
}
_VERB = "|".join(sorted(VERBS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Change:
    """How a figure relates to a movement: the direction, the figure's role, the word that said so."""

    direction: Direction
    role: Role
    verb: str

    def to_json(self) -> dict[str, str]:
        return {"direction": self.direction, "role": self.role, "verb": self.verb}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Change:
        return cls(direction=raw["direction"], role=raw["role"], verb=raw["verb"])


#: Right before a change figure: "rose ", "fell by ", "was up ", "down about " (a qualifier follows the verb).
_CHANGE_BEFORE_RE = Before(re.compile(rf"(?<![\w'’-])(?P<verb>{_VERB})(?:[ \t]+by)?[ \t]+$", re.IGNORECASE),
                           [*VERBS, "by"])
#: Right before a level: "rose to ", "fell from ", "climbed ... to " (the change figure between is checked apart).
_LEVEL_BEFORE_RE = Before(re.compile(rf"(?<![\w'’-])(?P<verb>{_VERB})[ \t]+(?P<prep>to|from)[ \t]+$",
                                     re.IGNORECASE), ["to", "from"])
_PREP_BEFORE_RE = re.compile(r"^[ \t]*,?[ \t]*(?P<prep>to|from)[ \t]+$", re.IGNORECASE)
#: A bare level: digits with or without thousands and decimals ("7420", "7,420.5"), standing alone.
_BARE_LEVEL_RE = re.compile(
    rf"(?<![\w'’-])(?P<verb>{_VERB})(?P<mid>(?:[^.;:!?\n]|\.(?=[0-9])){{0,40}}?)[ \t]+(?P<prep>to|from)[ \t]+"
    r"(?P<num>(?<![\w.,$€£¥])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(?![\w%$€£¥]|[.,:/-][0-9])",
    re.IGNORECASE)
#: Every bare level follows "to"/"from" and a digit: where :data:`_BARE_LEVEL_RE` is tried.
_LEVEL_QUICK = re.compile(r"[TtFf](?:o|rom|O|ROM)[ \t]+[0-9]")
#: A further level right after one read: "from 7,400 *to 7,500*".
_NEXT_LEVEL_RE = re.compile(
    r"[ \t]+to[ \t]+(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(?![\w%$€£¥]|[.,:/-][0-9])")
_TO_RE = re.compile(r"[ \t]+to[ \t]+")
_WINDOW = 60
_SHORT_AFTER_RE = re.compile(r"[ \t]+short\b", re.IGNORECASE)
#: The word before "up"/"down" that makes it a movement of a figure: a form of "be", a closing verb ("closed
#: up 3%"), or a plural subject ("Shares up 5%"), not a phrasal verb ("gave up 409 yards").
_BEFORE_UP_RE = re.compile(r"(?:^|[,(;:\-–—]|(?<![\w'’-])(?P<w>[A-Za-z][\w'’]*))[ \t]*$")
_MOVEMENT_BEFORE = frozenset("""is was were are be been being 's ’s closed ended finished opened traded trading
stood stands stand remain remains remained""".split())
_PHRASAL_VERBS = frozenset("""gives runs picks racks puts sets makes shoots backs goes comes turns breaks locks
takes brings holds shuts cuts""".split())


def _is_movement_up(text: str, verb_start: int) -> bool:
    """Whether "up"/"down" at ``verb_start`` says a figure moved (see :data:`_BEFORE_UP_RE`)."""
    m = _BEFORE_UP_RE.search(text, max(0, verb_start - 24), verb_start)
    if m is None:
        return False
    w = m.group("w")
    if w is None:
        return True
    lw = w.lower()
    if lw.endswith(("'s", "’s")) or lw in _MOVEMENT_BEFORE:
        return True
    return lw.endswith("s") and not lw.endswith("ss") and lw not in _PHRASAL_VERBS


def _role(prep: str) -> Role:
    return "level" if prep.lower() == "to" else "previous"


def read(doc: Document, claims: list[Claim]) -> Iterator[Claim]:
    """Levels written as bare numbers after a change ("fell 0.6 per cent to 7420"), as unit-less quantities.

    A bare number right after "to"/"from" is taken only when the words between
    the change verb and it are a figure already read (or nothing): "rose to
    7,500", "fell 0.6 per cent to 7420", but not "fell asleep at 10 to 11".
    """
    text = doc.text
    figures = {c.end: c for c in claims if c.kind in ("quantity", "count")}
    starts = {c.start: c for c in claims if c.kind in ("quantity", "count")}
    for m in near(_BARE_LEVEL_RE, text, _LEVEL_QUICK, 120, 40):
        mid = m.group("mid")
        if m.group("verb").lower() in ("up", "down") and not mid.strip():
            continue  # "up to 16 GB", "down to": a qualifier, not a movement
        if mid.strip():
            k = m.start("prep")
            while k > 0 and text[k - 1] in " \t":
                k -= 1
            inner = figures.get(k)
            if inner is None or inner.start < m.end("verb"):
                continue
            if text[m.end("verb"):inner.start].strip(" \t").lower() not in ("", "by"):
                continue
        raw = m.group("num")
        try:
            value = to_number(Decimal(raw.replace(",", "")))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            continue
        if "," not in raw and "." not in raw and isinstance(value, int) and 1000 <= value <= 2100 and not mid.strip():
            continue  # "rose to 2015"? a year as often as a level
        direction = VERBS[m.group("verb").lower()]
        verb = m.group("verb").lower()
        to = _TO_RE.match(text, m.end("num")) if m.group("prep").lower() == "from" else None
        after = starts.get(to.end()) if to is not None else None
        # "rose from 10 to 20 percent": the start is in the end's unit
        yield _level(doc, m.start("num"), m.end("num"), value, Change(direction, _role(m.group("prep")), verb),
                     after)
        if m.group("prep").lower() == "from" and after is None:
            n = _NEXT_LEVEL_RE.match(text, m.end("num"))
            if n is not None:
                yield _level(doc, n.start("num"), n.end("num"), to_number(Decimal(n.group("num").replace(",", ""))),
                             Change(direction, "level", verb))


def _level(doc: Document, start: int, end: int, value: int | float, change: Change,
           like: Claim | None = None) -> Claim:
    """A level read as a bare number; ``like``: the figure whose unit it shares ("from 10 to 20 percent")."""
    unit = like.unit if like is not None else None
    return make_claim("quantity", doc, start, end, value, unit=unit,
                      dimension=like.get("dimension") if like is not None else None, approximate=False,
                      measure=unit, bounds=figure_bounds(value, None).to_json(), change=change.to_json())


def annotate(doc: Document, claims: Iterable[Claim]) -> Iterator[Claim]:
    """``claims`` in order, each quantity or count after a change word carrying its :class:`Change`."""
    text = doc.text
    prev: Claim | None = None
    prev_change: Change | None = None
    for c in sorted(claims, key=lambda c: c.sort_key):
        if c.kind not in ("quantity", "count") or "change" in c.attrs:
            if c.kind in ("quantity", "count"):
                prev, prev_change = c, Change.from_json(c.attrs["change"])
            yield c
            continue
        change = _change_of(text, c, prev, prev_change)
        if change is not None:
            c = with_attrs(c, change=change.to_json())
        prev, prev_change = c, change
        yield c


def _change_of(text: str, c: Claim, prev: Claim | None, prev_change: Change | None) -> Change | None:
    lo = max(0, c.start - _WINDOW)
    m = _CHANGE_BEFORE_RE.search(text, lo, c.start)
    if m is not None and _SHORT_AFTER_RE.match(text, c.end):
        return None  # "fall one completion short of": a shortfall, not a movement
    if m is not None and m.group("verb").lower() in ("up", "down") and not _is_movement_up(text, m.start("verb")):
        m = None  # "gave up 409 yards", "broke down 3 doors": a phrasal verb
    if m is not None:
        return Change(VERBS[m.group("verb").lower()], "change", m.group("verb").lower())
    m = _LEVEL_BEFORE_RE.search(text, lo, c.start)
    if m is not None and m.group("verb").lower() not in ("up", "down"):
        return Change(VERBS[m.group("verb").lower()], _role(m.group("prep")), m.group("verb").lower())
    if prev is not None and prev_change is not None and prev.end <= c.start <= prev.end + 12:
        p = _PREP_BEFORE_RE.match(text[prev.end:c.start])
        if p is not None:
            return Change(prev_change.direction, _role(p.group("prep")), prev_change.verb)
    return None
