"""The date families read at a trigger: full dates, month and year, month and day, a month
alone, years and decades, weekdays (see :mod:`factcheck.claims.dates` for the grammar).
Each ``_on_*`` reads one anchored match and appends the candidates it makes.
"""

from __future__ import annotations

import re

from factcheck.calendar import MONTHS, WEEKDAY_NAMES, WEEKDAYS, make_date
from factcheck.claims.dates.forms import (
    _apply_pre,
    _Cand,
    _count_like,
    _noun_follows,
    _ordinal_day,
    _Pre,
    _pre,
    _prev_word,
)
from factcheck.claims.dates.vocabulary import (
    _ACCEPT_PREPS,
    _CHANGE_VERBS,
    _CONT_RE,
    _DET_RE,
    _FOLLOW_WORD_RE,
    _MAY_NEXT,
    _RANGE_PREPS,
    _S,
    _SP,
    _SPLIT_YEAR_WORDS,
    _WD_AFTER_RE,
    _WD_BEFORE_RE,
)


def _on_full(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """A date with day, month and year (ISO, slashed, "Dec. 11, 2019", "10th February, 2020").

    A day range ("Dec. 7-9, 2019") gives one claim per day, so each can be
    checked; the year is explicit, so nothing here is relative.
    """
    g = mt.groupdict()
    days: list[tuple[int, int, int]] = []  # (start, end, day)
    if g["iso_y"]:
        y, mo = int(g["iso_y"]), int(g["iso_m"])
        days.append((mt.start(), mt.end(), int(g["iso_d"])))
    elif g["ys_y"]:
        y, mo = int(g["ys_y"]), int(g["ys_m"])
        days.append((mt.start(), mt.end(), int(g["ys_d"])))
    elif g["sl_a"]:
        a, b, ys = int(g["sl_a"]), int(g["sl_b"]), g["sl_y"]
        if a > 12 and 1 <= b <= 12:
            dd, mo = a, b
        elif (b > 12 and 1 <= a <= 12) or (a == b and a <= 12):
            dd, mo = b, a
        else:
            return  # ambiguous (03/04/2019) or impossible: do not guess
        y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
        if not 1 <= dd <= 31:
            return
        days.append((mt.start(), mt.end(), dd))
    elif g["mdy_m"]:
        month = MONTHS.get(g["mdy_m"].lower().rstrip("."))
        if month is None:
            return
        y, mo = int(g["mdy_y"]), month
        if "," not in g["mdy_sep"] and (int(g["mdy_y"]) < 1900 or _count_like(text, mt.end())):
            return  # "on December 30 1500 people..." is a day and a count
        if g["mdy_d2"]:
            days.append((mt.start(), mt.end("mdy_d"), _ordinal_day(g["mdy_d"])))
            days.append((mt.start("mdy_d2"), mt.end(), _ordinal_day(g["mdy_d2"])))
        else:
            days.append((mt.start(), mt.end(), _ordinal_day(g["mdy_d"])))
    else:
        month = MONTHS.get(g["dmy_m"].lower().rstrip("."))
        if month is None:
            return
        y, mo = int(g["dmy_y"]), month
        if g["dmy_d2"]:
            days.append((mt.start(), mt.end("dmy_d"), _ordinal_day(g["dmy_d"])))
            days.append((mt.start("dmy_d2"), mt.end(), _ordinal_day(g["dmy_d2"])))
        else:
            days.append((mt.start(), mt.end(), _ordinal_day(g["dmy_d"])))
    if len(days) == 2 and days[1][2] <= days[0][2]:
        return  # "30-7 Oct. 19" is a score, not a range of days
    for k, (s, e, dd) in enumerate(days):
        c = _Cand(s, e, "abs", "day", 0, y=y, m=mo, d=dd, invalid=make_date(y, mo, dd) is None)
        if k == 0:
            _apply_pre(text, c, _pre(text, s))
        out.append(c)


def _on_month_year(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"December 2019", "May 2013": a month claim; the day is not invented."""
    month = MONTHS.get(mt.group("m").lower().rstrip("."))
    p = _pre(text, mt.start())
    if month is None or (_count_like(text, mt.end()) and not p.the):
        return  # "in August 2000 people were evacuated" (but "the May 2005 revelations")
    c = _Cand(mt.start(), mt.end(), "abs", "month", 1, y=int(mt.group("y")), m=month)
    _apply_pre(text, c, p)
    out.append(c)
    _chain(text, c, out)


def _on_month_day(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"Jan. 8", "30 December": a day whose year must come from the publication date."""
    g = mt.groupdict()
    if g["md_m"]:
        month = MONTHS.get(g["md_m"].lower().rstrip("."))
        d1, d2, d1_end = g["md_d"], g["md_d2"], mt.end("md_d")
        if month is None:
            return
        nxt = _FOLLOW_WORD_RE.match(text, mt.end())
        plain = not d1.rstrip("0123456789") and not g["md_m"].endswith(".")
        if (plain and _prev_word(text, mt.start()) == "in"
                and nxt and nxt.start(1) > mt.end() and nxt.group(1).islower()):
            return  # "in August 15 people died": a month and a count
        if plain and _count_like(text, mt.end()) and not _pre(text, mt.start()).the:
            return
    else:
        month = MONTHS.get(g["dm_m"].lower().rstrip("."))
        d1, d2, d1_end = g["dm_d"], g["dm_d2"], mt.end("dm_d")
        if month is None:
            return
    if not d2:
        parts = [(mt.start(), mt.end(), d1)]
    elif g["md_m"]:  # "Dec. 7-9": two days, the second span is just "9"
        parts = [(mt.start(), d1_end, d1), (mt.start("md_d2"), mt.end(), d2)]
    else:  # "7-9 December": the first span is just "7"
        parts = [(mt.start(), d1_end, d1), (mt.start("dm_d2"), mt.end(), d2)]
    if len(parts) == 2 and _ordinal_day(parts[1][2]) <= _ordinal_day(parts[0][2]):
        return  # "30-7 Oct.": a score
    for k, (s, e, tok) in enumerate(parts):
        dd = _ordinal_day(tok)
        c = _Cand(s, e, "md", "day", 2, m=month, d=dd)
        if k == 0:
            p = _pre(text, s)
            c.rel = p.rel
            _apply_pre(text, c, p, include_rel=True)
        yr = _OF_THAT_YEAR_RE.match(text, e) if len(parts) == 1 else None
        if yr:  # "On April 18 of that year": the year of the date before it, not of the publication
            c.form, c.rel, c.anchor, c.end = "prevyear", None, "previous", yr.end()
        out.append(c)


_OF_THAT_YEAR_RE = re.compile(rf"{_S}(?:of|in){_S}(?:that|the{_S}same){_S}year\b(?![-‐]\w)", re.IGNORECASE)


# Precompiled: tried once per month candidate ("March for Our Lives", "by May.", "December last year").
_MARCH_ON_RE = re.compile(rf"{_S}(?:for|against|on){_S}[A-Z]")
_CLAUSE_END_RE = re.compile(rf"{_SP}*(?:[.;:)!?]|\Z)")
_MONTH_YEAR_WORD_RE = re.compile(rf"{_S}(?:(?:of|in){_S})?(last|this|next|that|the{_S}same){_S}year\b(?![-‐]\w)",
                                 re.IGNORECASE)


def _month_alone_ok(text: str, mt: re.Match[str], p: _Pre, month_tok: str) -> bool:
    """A month name with no day or year is a date only after a preposition or modifier.

    "May", "March", "August", "April", "June" are also a modal verb, a noun, an
    adjective and first names; "May" is also a British prime minister.
    """
    e = mt.end()
    is_may = month_tok in ("May", "MAY")
    if is_may:
        if text.startswith(("'s", "’s"), e):
            return False
        nxt = _FOLLOW_WORD_RE.match(text, e)
        if nxt and nxt.group(1).lower() in _MAY_NEXT:
            return False
    if month_tok in ("March", "MARCH") and _MARCH_ON_RE.match(text[e:e + 20]):
        return False  # "March for Our Lives", "March on Washington"
    if p.rel is not None or p.mod is not None:
        return True
    if p.prep in _ACCEPT_PREPS:  # but "a speech by May": "by" a person, unless the clause ends there
        return not (is_may and p.prep == "by" and not _CLAUSE_END_RE.match(text[e:e + 4]))
    if p.prep in _RANGE_PREPS:
        return _CONT_RE.match(text, e) is not None
    if not is_may and _DET_RE.search(text, max(0, mt.start() - 8), mt.start()):
        return _noun_follows(text, e)  # "a January referendum", "the April raid"
    return False


def _on_month_alone(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"in October", "since March", "December last year": a month, its year from context."""
    tok = mt.group("m")
    month = MONTHS.get(tok.lower().rstrip("."))
    if month is None:
        return
    p = _pre(text, mt.start())
    if not _month_alone_ok(text, mt, p, tok):
        return
    c = _Cand(mt.start(), mt.end(), "month", "month", 4, m=month, rel=p.rel)
    yr = _MONTH_YEAR_WORD_RE.match(text[mt.end():mt.end() + 28])
    if yr:  # "December last year" is one month, not a month and a year
        word = yr.group(1).lower()
        if word in ("last", "this", "next"):
            c.form, c.n, c.rel = "monthrel", {"last": -1, "this": 0, "next": 1}[word], None
        else:  # "September of that year": the year of the date before it
            c.form, c.rel, c.anchor, c.unit = "prevyear", None, "previous", "month"
        c.end = mt.end() + yr.end()
    _apply_pre(text, c, p, include_rel=True)
    out.append(c)
    _chain(text, c, out)


def _year_ok(text: str, s: int, e: int, p: _Pre, split: bool) -> bool:
    """A four-digit number is a year only when its context says so ("in 2016", "the 2016 vote")."""
    if s > 0 and text[s - 1] in "-‐" and p.mod not in ("mid", "pre", "post"):
        return False  # "COVID-2019", "555-2019"
    if split:
        fw = _FOLLOW_WORD_RE.match(text, e)
        if fw and fw.group(1).lower() in _SPLIT_YEAR_WORDS:
            return True
    if _count_like(text, e):
        return False
    if text.startswith(("'s", "’s"), e):
        return True
    if p.mod is not None:
        return True
    if p.prep in _ACCEPT_PREPS:
        return not (p.prep == "by" and _prev_word(text, p.prep_start) in _CHANGE_VERBS)
    if p.prep in _RANGE_PREPS:
        return split or _CONT_RE.match(text, e) is not None
    if p.the or _DET_RE.search(text, max(0, s - 8), s):
        return _noun_follows(text, e)
    return False


def _on_year(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """Years, compact spans ("2008-09") and decades ("1990s", "'90s"); see :func:`_year_ok`."""
    s, e = mt.start(), mt.end()
    if mt.group("d2") is not None:  # 'the '90s'
        c = _Cand(s, e, "decade2", "decade", 5, y=int(mt.group("d2")))
        _apply_pre(text, c, _pre(text, s))
        out.append(c)
        return
    y = int(mt.group("y"))
    p = _pre(text, s)
    if mt.group("dec"):
        if y % 10:
            return
        c = _Cand(s, e, "abs", "decade", 5, y=y)
        _apply_pre(text, c, p)
        out.append(c)
        return
    y2s = mt.group("y2")
    range_end = None
    if y2s is not None:
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        spans_years = p.prep in _RANGE_PREPS and y < y2 <= y + 50 and (len(y2s) == 4 or int(y2s) > 12)
        if not spans_years and ((len(y2s) == 2 and y2 != y + 1) or (len(y2s) == 4 and not y < y2 <= y + 50)):
            return  # "2019-12" is a month, "1990-85" nothing we understand (but "from 1978-89" is years)
        range_end = y2
    if not _year_ok(text, s, e, p, range_end is not None):
        return
    c = _Cand(s, e, "abs", "year", 5, y=y, range_end=range_end)
    _apply_pre(text, c, p)
    out.append(c)
    if range_end is None:
        _chain(text, c, out)


def _chain(text: str, first: _Cand, out: list[_Cand]) -> None:
    """Follow "2016 and 2017", "March to June 2019", "September 2010 to January 2011".

    A month without a year borrows the year of its neighbour in the list
    ("in March and June 2019" -> 2019-03; "from September to January 2011" ->
    2010-09), because the writer gave it once for both.
    """
    items = [first]
    pos = first.end
    want_year = first.gran == "year"
    while True:
        mt = _CONT_RE.match(text, pos)
        if not mt:
            break
        if want_year and mt.group("y"):
            if _count_like(text, mt.end()):
                break
            c = _Cand(mt.start("y"), mt.end(), "abs", "year", 5, y=int(mt.group("y")))
        elif not want_year and mt.group("m"):
            month = MONTHS.get(mt.group("m").lower().rstrip("."))
            if month is None:
                break
            if mt.group("my"):
                c = _Cand(mt.start("m"), mt.end(), "abs", "month", 1, y=int(mt.group("my")), m=month)
            else:
                c = _Cand(mt.start("m"), mt.end(), "month", "month", 4, m=month)
        else:
            break
        items.append(c)
        out.append(c)
        pos = c.end
    if want_year or len(items) < 2:
        return
    for k in range(1, len(items)):  # forward: "December 2019 to February"
        a, b = items[k - 1], items[k]
        if b.form == "month" and a.y is not None and a.m is not None and b.m is not None:
            b.form, b.y = "abs", a.y if b.m >= a.m else a.y + 1
    for k in range(len(items) - 2, -1, -1):  # backward: "March and June 2019"
        a, b = items[k], items[k + 1]
        if a.form == "month" and b.y is not None and b.m is not None and a.m is not None:
            a.form, a.y = "abs", b.y if a.m <= b.m else b.y - 1


def _on_weekday(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """A weekday name: a relative day, unless a date follows (then :func:`_merge_weekdays` pairs them)."""
    s, e = mt.start(), mt.end()
    tok = mt.group("wd") or mt.group("wab")
    wd = WEEKDAYS[tok.lower()]
    if mt.group("wd"):
        if _WD_BEFORE_RE.search(text, max(0, s - 20), s) or _WD_AFTER_RE.match(text, e):
            return  # "Black Friday", "Sunday Times"
        prio = 3
    else:
        prio = 9  # an abbreviation counts only in front of a date (see _merge_weekdays)
    c = _Cand(s, e, "weekday", "day", prio, wd=wd, wd_text=WEEKDAY_NAMES[wd])
    p = _pre(text, s)
    c.rel = p.rel
    _apply_pre(text, c, p, include_rel=True)
    c.extra["abbr"] = mt.group("wab") is not None
    out.append(c)

