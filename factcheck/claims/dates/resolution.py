"""Resolving candidates to calendar values against the publication date (tense decides
between the nearest past and future day), and the ``dates`` extractor itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.calendar import make_date
from factcheck.claims.base import Claim, line_bounds, make_claim, register, sentence_bounds
from factcheck.claims.dates.candidates import _candidates
from factcheck.claims.dates.forms import _Cand
from factcheck.claims.dates.vocabulary import (
    _BOUNDARY_RE,
    _CUE_KIND,
    _CUE_RE,
    _GRAN_ORDER,
    _NOT_PAST,
    _SP,
    CENTURY,
    EVENT_ANCHOR,
    NO_PREVIOUS,
    NOT_A_DATE,
    PUB_UNKNOWN,
)
from factcheck.documents import Document
from factcheck.metadata import dateline_like

# --------------------------------------------------------------------------- resolution


def _fmt(gran: str, y: int, m: int = 1, d: int = 1) -> str:
    """ISO text at ``gran``: 2019-12-30, 2019-12, 2019 or 1990s."""
    if gran == "day":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if gran == "month":
        return f"{y:04d}-{m:02d}"
    if gran == "decade":
        return f"{y:04d}s"
    return f"{y:04d}"


def _week(d: _dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Tense cues ``(start, end, kind)`` in ``[lo, hi)``; kind is "fut", "past" or "pres"."""
    out = []
    for m in _CUE_RE.finditer(text, lo, hi):
        tok = m.group()
        if tok == "ed":  # an "-ed" word: take it whole, lower case and not "need", "hundred"...
            ws = m.start()
            while ws > lo and text[ws - 1].isalpha():
                ws -= 1
            word = text[ws:m.end()]
            if word.islower() and word not in _NOT_PAST:
                out.append((ws, m.end(), "past"))
        else:
            out.append((m.start(), m.end(), _CUE_KIND.get(tok, "fut")))  # "'ll", "'s due to"
    return out


def _tense(text: str, sent: tuple[int, int], s: int, e: int) -> str | None:
    """Which way the clause around ``[s, e)`` points: "past", "future", "present" or None.

    First the clause before the date (from the last comma/conjunction), where a
    future cue wins over a past one ("will be held on Monday"); then the clause
    after it ("On Monday, the council will vote"); then the nearest cue in the
    rest of the sentence.  Cheap heuristics, but they only pick between two
    candidate dates a week or a year apart, and the choice is recorded.
    """
    a, b = max(sent[0], s - _TENSE_REACH), min(sent[1], e + _TENSE_REACH)
    cues = _cues(text, a, b)
    if not cues:
        return None
    bounds = [(m.start(), m.end()) for m in _BOUNDARY_RE.finditer(text, a, b)]
    cut = max((be for bs, be in bounds if be <= s), default=a)
    found = {k for cs, ce, k in cues if cs >= cut and ce <= s}
    for kind in ("fut", "past", "pres"):
        if kind in found:
            return _TENSE[kind]
    lo = e
    while lo < b and text[lo] in " ,;:—–-\t":
        lo += 1
    hi = min((bs for bs, be in bounds if bs >= lo), default=b)
    for cs, ce, k in cues:
        if cs >= lo and ce <= hi:
            return _TENSE[k]
    before = [k for cs, ce, k in cues if ce <= s]
    if before:
        return _TENSE[before[-1]]
    rest = [k for cs, ce, k in cues if cs >= e]
    return _TENSE[rest[0]] if rest else None


_TENSE = {"fut": "future", "past": "past", "pres": "present"}
#: A month-day without a year follows the tense only within this many days of
#: publication; beyond it the nearest occurrence wins (writers drop the year
#: for dates close to the article, and tense cues are only heuristics).
_MD_REACH = 240
#: How far (characters) tense cues are looked for around a date; it also keeps a
#: huge unpunctuated "sentence" from making extraction quadratic.
_TENSE_REACH = 240


def _nearest(cands: list[_dt.date], pub: _dt.date, tense: str | None,
             reach: int | None = None) -> tuple[_dt.date, str]:
    """Pick among candidate dates: future -> first on/after pub, past -> last on/before, else nearest.

    With ``reach`` (days), the tense only wins when its date is that close:
    "back from April 24 to April 29" in an article of April 24 means the coming
    April 29 even if a past-tense verb is near, not the one a year ago.
    """
    cands = sorted(cands)
    if tense == "future":
        after = [c for c in cands if c >= pub and (reach is None or (c - pub).days <= reach)]
        if after:
            return after[0], "future"
    if tense == "past":
        before = [c for c in cands if c <= pub and (reach is None or (pub - c).days <= reach)]
        if before:
            return before[-1], "past"
    best = min(cands, key=lambda c: (abs((c - pub).days), c > pub))
    return best, "past" if best <= pub else "future"


def _shift(value: str, gran: str, unit: str, n: int) -> tuple[str | None, str | None]:
    """``value`` (ISO at ``gran``) moved by ``n`` ``unit``s, at the unit's granularity."""
    if _GRAN_ORDER[gran] > _GRAN_ORDER[unit] or (gran == "decade" and unit != "decade"):
        return None, f"anchor too coarse for a {unit} offset"
    if unit == "decade":  # "two decades later": the decade of the year moved by 20 years
        return _fmt("decade", (int(value[:4]) + 10 * n) // 10 * 10), None
    if gran == "day":
        base = _dt.date.fromisoformat(value)
    elif gran == "week":
        y, w = value.split("-W")
        base = _dt.date.fromisocalendar(int(y), int(w), 4)
    elif gran == "month":
        base = _dt.date(int(value[:4]), int(value[5:7]), 1)
    else:
        base = _dt.date(int(value[:4]), 1, 1)
    try:
        if unit == "day":
            return (base + _dt.timedelta(days=n)).isoformat(), None
        if unit == "week":
            return _week(base + _dt.timedelta(days=7 * n)), None
        if unit == "month":
            k = base.year * 12 + base.month - 1 + n
            return _fmt("month", k // 12, k % 12 + 1), None
        return _fmt("year", base.year + n), None
    except (OverflowError, ValueError):
        return None, NOT_A_DATE


@dataclass
class _Out:
    """A resolved claim, before it becomes a :class:`Claim`."""

    c: _Cand
    value: str | None
    gran: str
    relative: bool = False
    reason: str | None = None
    anchor: str | None = None
    anchor_source: str | None = None
    tense: str | None = None
    weekday_matches: bool | None = None
    year_inferred: bool = False


def _resolve_one(c: _Cand, pub: _dt.date | None, tense: str | None) -> _Out:
    """Resolve everything except "offset" forms, which need their neighbours."""
    pub_iso = pub.isoformat() if pub else None
    if c.form == "abs":
        assert c.y is not None
        if c.invalid:
            return _Out(c, None, c.gran, reason=NOT_A_DATE)
        o = _Out(c, _fmt(c.gran, c.y, c.m or 1, c.d or 1), c.gran)
        if c.wd is not None and c.m is not None and c.d is not None:
            o.weekday_matches = _dt.date(c.y, c.m, c.d).weekday() == c.wd
        return o
    if c.form == "decade2":
        assert c.y is not None
        if c.y >= 30:
            return _Out(c, f"19{c.y:02d}s", "decade")
        if pub is None:
            return _Out(c, None, "decade", reason=CENTURY)
        cent = 2000 if 2000 + c.y <= pub.year else 1900
        return _Out(c, f"{cent + c.y}s", "decade", relative=True, anchor=pub_iso, anchor_source="publication")
    o = _Out(c, None, c.gran, relative=True, tense=tense or "past")
    if c.form == "pub":  # "today", "this year": present unless the clause says otherwise
        o.tense = tense or "present"
    if pub is None:
        o.reason = PUB_UNKNOWN
        if c.form == "md":
            o.year_inferred = True
        return o
    o.anchor, o.anchor_source = pub_iso, "publication"
    if c.form == "md":
        assert c.m is not None and c.d is not None
        o.year_inferred = True
        days = [x for x in (make_date(pub.year + k, c.m, c.d) for k in (-1, 0, 1)) if x is not None]
        if c.rel == "this":
            days = [x for x in days if x.year == pub.year]
        if not days:
            o.reason = NOT_A_DATE
            return o
        want = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(c.rel or "")
        picked, direction = _nearest(days, pub, want or tense, None if want else _MD_REACH)
        o.value = picked.isoformat()
        o.tense = tense or direction
        if c.wd is not None:
            o.weekday_matches = picked.weekday() == c.wd
    elif c.form in ("month", "monthrel"):
        assert c.m is not None
        if c.form == "monthrel":
            y = pub.year + c.n
        elif c.rel in ("last", "this past"):
            y = pub.year if c.m < pub.month else pub.year - 1
        elif c.rel in ("next", "this coming"):
            y = pub.year if c.m > pub.month else pub.year + 1
        elif c.rel == "this":
            y = pub.year
        else:
            # No tense cue: the nearest such month (a writer drops the year of a close one).
            firsts = [_dt.date(pub.year + k, c.m, 1) for k in (-1, 0, 1)]
            picked, direction = _nearest(firsts, pub.replace(day=1), tense)
            o.tense = tense or direction
            y = picked.year
        o.value = _fmt("month", y, c.m)
    elif c.form == "weekday":
        assert c.wd is not None
        back = (pub.weekday() - c.wd) % 7
        fwd = (c.wd - pub.weekday()) % 7
        if c.rel in ("last", "this past"):
            delta = -(back or 7)
        elif c.rel in ("next", "this coming"):
            delta = fwd or 7
        elif tense == "future":
            delta = fwd
        elif tense == "present":
            delta = -back if back <= fwd else fwd
        else:
            delta = -back
        o.value = (pub + _dt.timedelta(days=delta)).isoformat()
    elif c.form == "pub":
        if c.unit == "day":
            o.value = (pub + _dt.timedelta(days=c.n)).isoformat()
        elif c.unit == "week":
            o.value = _week(pub + _dt.timedelta(days=7 * c.n))
        elif c.unit == "month":
            k = pub.year * 12 + pub.month - 1 + c.n
            o.value = _fmt("month", k // 12, k % 12 + 1)
        elif c.unit == "decade":  # "two decades ago"
            o.value = _fmt("decade", (pub.year + 10 * c.n) // 10 * 10)
        else:
            o.value = _fmt("year", pub.year + c.n)
    elif c.form == "weekend":  # "at the weekend": the one before or after publication, by the tense
        o.tense = tense or "past"
        sat = pub - _dt.timedelta(days=(pub.weekday() - 5) % 7)  # the Saturday on or before pub
        if pub.weekday() < 5 and tense in ("future", "present"):
            sat += _dt.timedelta(days=7)  # "will travel over the weekend": the coming one
        o.value = _week(sat)
    return o


def _own_direction(c: _Cand) -> str | None:
    """The tense a relative expression states itself ("yesterday", "next Monday", "later this month").

    When it has one, no cue in the sentence is needed (or looked for).
    """
    if c.form in ("pub", "monthrel"):
        if c.n < 0 or c.modifier == "earlier":
            return "past"
        if c.n > 0 or c.modifier == "later":
            return "future"
        return None
    return {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(c.rel or "")


#: Only spaces between an offset and the date after it ("a day before Dec. 30"): precompiled.
_SPACES_RE = re.compile(rf"{_SP}*")


def _resolve(text: str, pub: _dt.date | None, cands: list[_Cand],
             sents: list[tuple[int, int]]) -> list[_Out]:
    """Resolve the candidates in text order.

    Offsets ("a month before that", "a day before Dec. 30") go last, because
    they need the value of the claim before or after them.
    """
    outs: list[_Out | None] = [None] * len(cands)
    for k, c in enumerate(cands):
        if c.form not in ("offset", "prevyear"):
            tense = None
            if c.form not in ("abs", "decade2"):
                tense = _own_direction(c) or _tense(text, sents[k], c.start, c.end)
            out = _resolve_one(c, pub, tense)
            if c.form == "abs":
                # Recorded, never used to resolve: a rule checks it against the publication date.
                out.tense = _tense(text, sents[k], c.start, c.end)
            outs[k] = out
    done: list[_Out] = []
    for k, c in enumerate(cands):
        o = outs[k]
        if o is None:
            o = _Out(c, None, c.gran if c.form == "prevyear" else c.unit, relative=True,
                     tense=_tense(text, sents[k], c.start, c.end) or "past")
            anchor: _Out | None = None
            if c.anchor == "previous":
                anchor = done[-1] if done else None
                o.anchor_source = "previous-claim"
                if anchor is None:
                    o.reason = NO_PREVIOUS
            elif c.anchor == "following":
                nxt = outs[k + 1] if k + 1 < len(cands) else None
                if nxt is not None and _SPACES_RE.fullmatch(text[c.end:cands[k + 1].start]):
                    anchor = nxt
                    o.anchor_source = "following-claim"
                else:
                    o.reason = EVENT_ANCHOR
            else:
                o.reason = EVENT_ANCHOR
            if anchor is not None:
                if anchor.value is None:
                    o.reason = anchor.reason
                elif c.form == "prevyear":  # "September of that year", "April 18 of that year"
                    o.anchor = anchor.value
                    o.value, o.reason = _shift(anchor.value, anchor.gran, "year", 0)
                    if o.value is not None and c.m is not None:
                        day = make_date(int(o.value), c.m, c.d or 1)
                        o.value = None if day is None else _fmt(c.gran, day.year, day.month, day.day)
                        o.reason = NOT_A_DATE if day is None else None
                else:
                    o.anchor = anchor.value
                    o.value, o.reason = _shift(anchor.value, anchor.gran, c.unit, c.n)
            outs[k] = o
        done.append(o)
    return done


def _attrs(o: _Out, datelines: set[tuple[int, int]], text: str) -> dict[str, Any]:
    """The claim's attributes: always the same keys (see the module docstring)."""
    c = o.c
    return {
        "granularity": o.gran,
        "modifier": c.modifier,
        "relative": o.relative,
        "resolved": o.value,
        "reason": o.reason,
        "anchor": o.anchor,
        "anchor_source": o.anchor_source,
        "tense": o.tense,
        "weekday": c.wd_text,
        "weekday_matches": o.weekday_matches,
        "year_inferred": o.year_inferred,
        "range_end": _fmt("year", c.range_end) if c.range_end is not None else None,
        "dateline": (c.start, c.end) in datelines or (not o.relative and _on_dateline(text, c.start, c.end)),
    }


def _on_dateline(text: str, start: int, end: int) -> bool:
    """A date on a line of its own with a time or a "Posted"/"Updated" label: a
    timestamp of the article, not of anything it reports."""
    ls, le = line_bounds(text, start, end)
    return le - ls <= 80 and dateline_like(text[ls:le], start - ls, end - ls)


@register("dates")
def extract(doc: Document) -> Iterator[Claim]:
    """Date claims of ``doc`` in text order (see the module docstring for forms and attributes).

    A document in another language goes to dateparser (:mod:`factcheck.claims.dates_intl`):
    this grammar reads English only.
    """
    if doc.lang != "en":
        from factcheck.claims import dates_intl

        yield from dates_intl.extract(doc)
        return
    text = doc.text
    cands = _candidates(text)
    if not cands:
        return
    sents = [sentence_bounds(text, c.start, c.end) for c in cands]
    datelines = {(d.start, d.end) for d in doc.date_candidates if d.start >= 0}
    for o, sent in zip(_resolve(text, doc.pub_date, cands, sents), sents, strict=True):
        yield make_claim("date", doc, o.c.start, o.c.end, o.value, sentence=sent, **_attrs(o, datelines, text))
