"""Finding date candidates (``_Cand``): full dates, month and year, month and day, a month
or year alone, weekdays and relative expressions, with the words before them
(``_Pre``) that decide whether a token is a date at all.

One pass of each precompiled pattern over the text; relative expressions are
only tried at the triggers a cheap pattern finds.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from factcheck.calendar import MONTHS, WEEKDAY_NAMES, WEEKDAYS, make_date
from factcheck.claims.dates.vocabulary import (
    _ACCEPT_PREPS,
    _CHANGE_VERBS,
    _CONT_RE,
    _DET_RE,
    _FOLLOW_WORD_RE,
    _FULL_RE,
    _MAY_NEXT,
    _MD_RE,
    _MODPREP,
    _MODWORD,
    _MONTH_ABBRS,
    _MONTH_NAMES,
    _MONTH_RE,
    _MY_RE,
    _NOT_NOUNS,
    _NUM_WORDS,
    _PRE_REV_RE,
    _RANGE_PREPS,
    _REL_RE,
    _RELPREP_RE,
    _S,
    _S_OK,
    _SP,
    _SPLIT_YEAR_WORDS,
    _UNIT_WORDS,
    _URL_RE,
    _WD_AFTER_RE,
    _WD_BEFORE_RE,
    _WEEKDAY_ABBRS,
    _WEEKDAY_RE,
    _YEAR_RE,
    _trie,
)

# --------------------------------------------------------------------------- candidates


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


def _pre(text: str, s: int) -> _Pre:
    """Parse what precedes ``s``; cheap when the word before cannot start a prefix (the usual case)."""
    seg = text[max(0, s - 16):s]
    if not seg.endswith(("-", "‐")):
        words = seg.split()
        if not (seg[-1:].isspace() and words and re.split(r"[^a-z]", words[-1].lower())[-1] in _PRE_LAST):
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
    m = re.search(r"([A-Za-z]+)\W*\Z", text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _in_spans(spans: list[tuple[int, int]], s: int) -> bool:
    """Whether ``s`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (s, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= s < spans[k][1]


def _ordinal_day(tok: str) -> int:
    return int(re.sub(r"[^0-9]", "", tok))


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
    if month_tok in ("March", "MARCH") and re.match(rf"{_S}(?:for|against|on){_S}[A-Z]", text[e:e + 20]):
        return False  # "March for Our Lives", "March on Washington"
    if p.rel is not None or p.mod is not None:
        return True
    if p.prep in _ACCEPT_PREPS:  # but "a speech by May": "by" a person, unless the clause ends there
        return not (is_may and p.prep == "by" and not re.match(rf"{_SP}*(?:[.;:)!?]|\Z)", text[e:e + 4]))
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
    yr = re.match(rf"{_S}(?:(?:of|in){_S})?(last|this|next|that|the{_S}same){_S}year\b(?![-‐]\w)",
                  text[mt.end():mt.end() + 28], re.IGNORECASE)
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


def _on_relative(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"yesterday", "late last year", "two years ago", "a month before that", "the next day"."""
    s, e = mt.start(), mt.end()
    g = mt.groupdict()
    if g["dw"]:
        w = g["dw"].lower()
        if w == "today" and (text[max(0, s - 4):s] in ("USA ", "usa ")
                             or re.match(r"\s+(?:show|programme|program|Show|Programme)\b", text[e:e + 12])):
            return
        c = _Cand(s, e, "pub", "day", 6, n={"today": 0, "tonight": 0, "yesterday": -1,
                                              "tomorrow": 1}[w], unit="day")
    elif g["tp"]:
        if _title_name(text, s, mt.group(0)):
            return  # "CBS This Morning"
        c = _Cand(s, e, "pub", "day", 6, n=0, unit="day")
    elif g["ln"]:
        c = _Cand(s, e, "pub", "day", 6, n=-1, unit="day")
    elif g["rel"]:
        if re.search(r"\bthe\s+\Z", text[max(0, s - 5):s], re.IGNORECASE):
            return  # "over the last year" is a period, not a date
        if _title_name(text, s, mt.group(0)):
            return  # "... to Host Next Year's Oscars": a title, not prose
        rel = _norm(g["rel"])
        unit = g["unit"].lower()
        n = {"this": 0, "this past": -1, "last": -1, "next": 1}[rel or "this"]
        c = _Cand(s, e, "pub", "week" if unit == "weekend" else unit, 6, n=n,
                  unit="week" if unit == "weekend" else unit)
        if g["rmod"]:
            c.modifier = g["rmod"].lower()
        elif g["rmid"]:
            c.modifier = "mid"
    elif g["num"]:
        n = _NUM_WORDS.get(g["num"].lower()) or int(g["num"])
        dirn = _norm(g["dir"]) or ""
        unit = g["ounit"].lower()
        sign = 1 if dirn in ("later", "after") else -1
        c = _Cand(s, e, "pub" if dirn == "ago" else "offset", unit, 6, n=sign * n, unit=unit)
        if dirn != "ago":
            c.anchor = _offset_anchor(text, e, dirn, g["that"])
    elif g["adj"]:
        unit = g["tunit"].lower()
        if re.search(r"\b(?:over|within|for|during)\s+\Z", text[max(0, s - 10):s], re.IGNORECASE):
            return  # "over the next year" is a period
        if unit != "day" and g["adj"].lower() == "next" and _PERIOD_BEFORE_RE.search(text, max(0, s - 12), s):
            return  # "in the next year", "the first time in the next month": a period too
        sign = 1 if g["adj"].lower() in ("next", "following") else -1
        c = _Cand(s, e, "offset", unit, 6, n=sign, unit=unit, anchor="previous")
    elif g["aunit"]:  # "that year", "later that month", "the same year": the date before it
        unit = g["aunit"].lower()
        c = _Cand(s, e, "offset", unit, 6, n=0, unit=unit, anchor="previous")
        if g["amod"]:
            c.modifier = g["amod"].lower()
    elif g["wkend"]:
        if not _WEEKEND_PREP_RE.search(text, max(0, s - 12), s):
            return  # "to win the weekend", "the weekend edition"
        c = _Cand(s, e, "weekend", "week", 6, unit="week")
    else:
        dirn = g["dir2"].lower()
        c = _Cand(s, e, "offset", "day", 6, n=1 if dirn == "after" else -1, unit="day",
                  anchor=_offset_anchor(text, e, dirn, g["that2"]))
    if c.form in ("pub", "weekend"):
        lo = max(0, s - 8)
        pm = _RELPREP_RE.search(text, lo, s)
        if pm and not (pm.group(1).lower() == "by" and _agentive_by(text, e)):
            c.modifier = _MODPREP[pm.group(1).lower()]
            c.start = pm.start()
    out.append(c)


_PERIOD_BEFORE_RE = re.compile(r"\b(?:in|into|throughout|through|across|of|from|than|until|till)\s+\Z",
                               re.IGNORECASE)
# "the weekend" is a date after these ("at the weekend", "over the weekend"); after a verb it is
# an object ("to win the weekend").
_WEEKEND_PREP_RE = re.compile(r"\b(?:at|over|on|during|through|throughout|until|till|by|since|before|after)\s+\Z",
                              re.IGNORECASE)


def _title_name(text: str, s: int, matched: str) -> bool:
    """Title Case words right after another capitalised word: part of a name or headline."""
    words = matched.split()
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    m = re.search(r"([A-Za-z]+)[^\S\n]+\Z", text[max(0, s - 30):s])
    return bool(m and m.group(1)[0].isupper())


def _offset_anchor(text: str, e: int, dirn: str, that: str | None) -> str:
    """What "a day before ..." counts from: the previous date, the next one, or an event."""
    if dirn in ("earlier", "later", "previously"):
        return "event" if re.match(r"\s+than\b", text[e:e + 8]) else "previous"
    if that:
        nxt = re.match(rf"{_SP}*(?:[,.;:)!?\n]|\Z|([A-Za-z]+))", text[e:e + 20])
        if nxt is None or nxt.group(1) is None or nxt.group(1)[0].isupper() or nxt.group(1).lower() in (
                "he", "she", "it", "they", "we", "i", "you", "there", "police"):
            return "previous"
        return "event"  # "the day before that meeting"
    if re.match(rf"{_SP}*(?:[,.;:)!?\n]|\Z)", text[e:e + 3]):
        return "previous"
    return "following"  # decided in _resolve: a date right after, or else an event


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

# Where a relative expression can start, given the word that triggered it.
_REL_BACK_RE = re.compile(  # "earlier this month", "mid-next year"
    r"(?:\b(?:earlier|later|early|late)\s+|\bmid-)\Z", re.IGNORECASE)
_REL_NUM_BACK_RE = re.compile(  # "two years ago", "a month before"
    r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?)\s+"
    r"(?:day|week|month|year|decade)s?\s+\Z", re.IGNORECASE)
_REL_THAT_BACK_RE = re.compile(  # "later in that year", "early that month"
    r"\b(?:earlier|later|early|late)\s+(?:in\s+)?\Z", re.IGNORECASE)
_REL_THE_BACK_RE = re.compile(r"\bthe\s+(?:day\s+)?\Z", re.IGNORECASE)


def _rel_starts(text: str, pos: int, word: str) -> list[int]:
    """Candidate starts of a relative expression around the trigger word at ``pos``."""
    lo = max(0, pos - 24)
    starts = []
    if word in ("this", "last", "next"):
        m = _REL_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    if word in ("ago", "earlier", "later", "before", "after", "previously", "prior"):
        m = _REL_NUM_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    if word in ("before", "after", "next", "following", "previous", "preceding", "weekend", "same"):
        m = _REL_THE_BACK_RE.search(text, max(0, pos - 10), pos)
        if m:
            starts.append(m.start())
    if word == "that":
        m = _REL_THAT_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    starts.append(pos)
    return starts


def _relative_at(text: str, pos: int, word: str, out: list[_Cand], done: int) -> int:
    """Try the relative family around the keyword at ``pos``; return where the match ended."""
    for start in _rel_starts(text, pos, word):
        mt = _REL_RE.match(text, start)
        if mt and mt.end() > pos:
            _on_relative(text, mt, out)
            return mt.end()
    return done


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
