"""Relative date expressions ("yesterday", "late last year", "two years ago", "a month before
that", "the next day"): where one can start around its keyword, and the candidate it makes.
"""

from __future__ import annotations

import re

from factcheck.claims.dates.forms import _agentive_by, _Cand, _norm
from factcheck.claims.dates.vocabulary import (
    _MODPREP,
    _NUM_WORDS,
    _REL_RE,
    _RELPREP_RE,
    _SP,
)

# Precompiled: tried once per relative candidate, where ``re``'s pattern cache lookup was a cost.
_SHOW_RE = re.compile(r"\s+(?:show|programme|program|Show|Programme)\b")  # "USA Today", "Today show"
_THE_BEFORE_RE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_SPAN_PREP_BEFORE_RE = re.compile(r"\b(?:over|within|for|during)\s+\Z", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)[^\S\n]+\Z")
_THAN_RE = re.compile(r"\s+than\b")
_NEXT_WORD_OR_END_RE = re.compile(rf"{_SP}*(?:[,.;:)!?\n]|\Z|([A-Za-z]+))")
_PHRASE_END_RE = re.compile(rf"{_SP}*(?:[,.;:)!?\n]|\Z)")


def _on_relative(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"yesterday", "late last year", "two years ago", "a month before that", "the next day"."""
    s, e = mt.start(), mt.end()
    g = mt.groupdict()
    if g["dw"]:
        w = g["dw"].lower()
        if w == "today" and (text[max(0, s - 4):s] in ("USA ", "usa ")
                             or _SHOW_RE.match(text[e:e + 12])):
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
        if _THE_BEFORE_RE.search(text[max(0, s - 5):s]):
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
        if _SPAN_PREP_BEFORE_RE.search(text[max(0, s - 10):s]):
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
    m = _WORD_BEFORE_RE.search(text[max(0, s - 30):s])
    return bool(m and m.group(1)[0].isupper())


def _offset_anchor(text: str, e: int, dirn: str, that: str | None) -> str:
    """What "a day before ..." counts from: the previous date, the next one, or an event."""
    if dirn in ("earlier", "later", "previously"):
        return "event" if _THAN_RE.match(text[e:e + 8]) else "previous"
    if that:
        nxt = _NEXT_WORD_OR_END_RE.match(text[e:e + 20])
        if nxt is None or nxt.group(1) is None or nxt.group(1)[0].isupper() or nxt.group(1).lower() in (
                "he", "she", "it", "they", "we", "i", "you", "there", "police"):
            return "previous"
        return "event"  # "the day before that meeting"
    if _PHRASE_END_RE.match(text[e:e + 3]):
        return "previous"
    return "following"  # decided in _resolve: a date right after, or else an event


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


#: What must follow a keyword for any relative expression to hold it: "that" is one only in
#: "that year"/"that month", "this" in "this week"/"this past year"/"this morning"... (read off
#: the branches of ``_REL_RE``, a necessary test, not a sufficient one).  "that" and "this" are
#: the commonest keywords, and most of them ("said that", "this case") fail here, before the
#: backward searches and the anchored matches of :func:`_relative_at`.
_MUST_FOLLOW = {
    word: re.compile(rf"\s+(?:{follow})", re.IGNORECASE) for word, follow in (
        ("that", "month|year"), ("same", "month|year"),
        ("this", "(?:past\\s+)?(?:week|month|year)|morning|afternoon|evening"),
        ("last", "night|week|month|year"),
        ("next", "day|week|month|year"), ("following", "day|week|month|year"),
        ("previous", "day|week|month|year"), ("preceding", "day|week|month|year"),
    )
}


def _relative_at(text: str, pos: int, word: str, out: list[_Cand], done: int) -> int:
    """Try the relative family around the keyword at ``pos``; return where the match ended."""
    follow = _MUST_FOLLOW.get(word)
    if follow is not None and not follow.match(text, pos + len(word)):
        return done
    for start in _rel_starts(text, pos, word):
        mt = _REL_RE.match(text, start)
        if mt and mt.end() > pos:
            _on_relative(text, mt, out)
            return mt.end()
    return done


