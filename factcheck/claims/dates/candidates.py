"""Finding date candidates (``_Cand``): full dates, month and year, month and day, a month
or year alone, weekdays and relative expressions, with the words before them
(``_Pre``) that decide whether a token is a date at all.

One pass of each precompiled pattern over the text; relative expressions are
only tried at the triggers a cheap pattern finds.  The families live in
:mod:`.families` and :mod:`.relative`, the record and shared word tests in
:mod:`.forms`; this module finds the triggers and keeps the best non-overlapping set.
"""

from __future__ import annotations

import re

from factcheck.calendar import WEEKDAY_NAMES
from factcheck.claims.dates.families import (
    _on_full,
    _on_month_alone,
    _on_month_day,
    _on_month_year,
    _on_weekday,
    _on_year,
)
from factcheck.claims.dates.forms import _Cand, _in_spans
from factcheck.claims.dates.relative import _relative_at
from factcheck.claims.dates.vocabulary import (
    _FULL_RE,
    _MD_RE,
    _MONTH_ABBRS,
    _MONTH_NAMES,
    _MONTH_RE,
    _MY_RE,
    _S,
    _SP,
    _URL_RE,
    _WEEKDAY_ABBRS,
    _WEEKDAY_RE,
    _YEAR_RE,
    _trie,
)


def _select(cands: list[_Cand], urls: list[tuple[int, int]]) -> list[_Cand]:
    """Non-overlapping candidates: earliest start, then longest, then family priority."""
    cands.sort(key=lambda c: (c.start, -c.end, c.prio))
    kept: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start < last_end and 0 <= last_end <= c.core:
            c.start, c.modifier = c.core, None  # "a day before December 25": the prefix is taken
        if c.start < last_end or (urls and _in_spans(urls, c.start)):
            continue
        kept.append(c)
        last_end = c.end
    return kept


_PAIR_GAP_RE = re.compile(rf"{_SP}*,?{_SP}*(?:\({_SP}*)?(?:the{_S})?\Z")


def _merge_weekdays(text: str, cands: list[_Cand]) -> list[_Cand]:
    """"Wednesday, Jan. 8, 2020" is one claim whose weekday a rule can check."""
    out: list[_Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if (c.form == "weekday" and nxt is not None and nxt.gran == "day" and nxt.form in ("abs", "md")
                and nxt.modifier is None and 0 < nxt.start - c.end <= 8
                and _PAIR_GAP_RE.match(text, c.end, nxt.start)):
            end = nxt.end
            if text[c.end:nxt.start].rstrip().endswith("(") and text.startswith(")", end):
                end += 1
            merged = _Cand(c.start, end, nxt.form, "day", nxt.prio, y=nxt.y, m=nxt.m, d=nxt.d,
                           modifier=c.modifier, wd=c.wd, wd_text=c.wd_text, invalid=nxt.invalid)
            out.append(merged)
            k += 2
            continue
        if not (c.form == "weekday" and c.extra.get("abbr")):
            out.append(c)
        k += 1
    return out


_REL_TRIGGERS = ("today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "ago", "earlier",
                 "later", "before", "after", "previously", "prior", "following", "previous", "preceding",
                 "that", "same", "weekend")
_TRIGGER_KIND: dict[str, str] = {}
for _w in _MONTH_NAMES + _MONTH_ABBRS:
    _TRIGGER_KIND[_w] = _TRIGGER_KIND[_w.upper()] = "month"
for _w in WEEKDAY_NAMES + _WEEKDAY_ABBRS:
    _TRIGGER_KIND[_w] = _TRIGGER_KIND[_w.upper()] = "weekday"
for _w in _REL_TRIGGERS:
    _TRIGGER_KIND[_w.capitalize()] = _TRIGGER_KIND[_w.upper()] = "rel"
# Capitalised words and digits: their first characters are rare, so the scan is quick.
_TRIGGER_RE = re.compile(
    _trie(_TRIGGER_KIND) + "|" + "|".join(rf"{d}(?<!\w.)" for d in "0123456789") + r"|'(?=[0-9]0s)|’(?=[0-9]0s)")
# Lower-case keywords start with the commonest letters; scanning for the separator
# in front of them instead ("[\s(...]" + word) halves the cost.
_LOWER_TRIGGER_RE = re.compile(r"[\s(\"'“‘—–-](" + _trie(_REL_TRIGGERS, first_check=False) + ")")
_LOWER_AT0_RE = re.compile(_trie(_REL_TRIGGERS, first_check=False))

def _candidates(text: str) -> list[_Cand]:
    """Every recognised expression (overlapping), then the best non-overlapping set.

    One trigger pass finds the tokens a date can start with (a digit, a month
    or weekday name, a relative keyword); the family patterns are then only
    tried, anchored, at those offsets.
    """
    cands: list[_Cand] = []
    rel_done = -1
    m0 = _LOWER_AT0_RE.match(text)
    if m0:
        rel_done = _relative_at(text, 0, m0.group(), cands, rel_done)
    for tm in _LOWER_TRIGGER_RE.finditer(text):
        pos = tm.start(1)
        if pos >= rel_done:
            rel_done = _relative_at(text, pos, tm.group(1), cands, rel_done)
    rel_done = -1
    for tm in _TRIGGER_RE.finditer(text):
        pos = tm.start()
        tok = tm.group()
        ch = tok[0]
        if ch.isdigit():
            for rx, fn in ((_FULL_RE, _on_full), (_MD_RE, _on_month_day), (_YEAR_RE, _on_year)):
                mt = rx.match(text, pos)
                if mt:
                    fn(text, mt, cands)
            continue
        if ch in "'’":
            mt = _YEAR_RE.match(text, pos)
            if mt:
                _on_year(text, mt, cands)
            continue
        kind = _TRIGGER_KIND.get(tok)
        if kind == "month":
            for rx, fn in ((_FULL_RE, _on_full), (_MY_RE, _on_month_year), (_MD_RE, _on_month_day),
                           (_MONTH_RE, _on_month_alone)):
                mt = rx.match(text, pos)
                if mt:
                    fn(text, mt, cands)
        elif kind == "weekday":
            mt = _WEEKDAY_RE.match(text, pos)
            if mt:
                _on_weekday(text, mt, cands)
        elif kind == "rel" and pos >= rel_done:
            rel_done = _relative_at(text, pos, tok.lower(), cands, rel_done)
    urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if "://" in text or "www." in text else []
    return _merge_weekdays(text, _select(cands, urls))
