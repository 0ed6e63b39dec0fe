"""Date claims in documents not written in English, through dateparser.

Why dateparser here and not in :mod:`factcheck.claims.dates`: the English
grammar is precise and fast, but it knows one language; dateparser knows some
200 ("hier", "lundi dernier", "il y a trois jours", "26. September 2021",
"10 de noviembre de 2019").  It is slow (tens of milliseconds a paragraph) and
``search_dates`` over-reads (German "Die" is a weekday abbreviation to it,
"hier une" a date), so it is used only for documents whose language is not
English, and everything it reports is checked before it becomes a claim:

* **bounded**: the text is cut into lines and pieces of at most
  :data:`CHUNK_CHARS` characters (dates never span a line), and only pieces
  with a digit or a date word of the language are searched; at most
  :data:`MAX_CHUNKS` pieces per document, so the cost is linear and capped;
* **exact spans**: each hit is found in the text after the previous one, then
  trimmed word by word while dateparser still reads the same date from it
  ("le 10 février 2021" -> "10 février 2021", "hier une" -> "hier"), and
  widened by up to three words on the left when that still reads the same
  ("a trois jours" -> "il y a trois jours");
* **no invented parts**: the granularity is dateparser's own period (a
  month-and-year stays a month, "mars 2020" -> ``2020-03``);
  ``PREFER_DAY_OF_MONTH`` only makes the internal datetime deterministic;
* **last and next**: dateparser reads "lundi dernier" or "letzten Montag" as the
  bare weekday; the language's words for "last" and "next" (from dateparser's
  own "la semaine dernière" / "la semaine prochaine") beside a weekday are taken
  into the span and make it the previous or next such day, as in English;
* **relative means relative**: an expression is relative when parsing it
  against two different bases gives two values ("hier", "lundi", "le 10
  février" without a year).  Relative claims are resolved against the
  publication date (``RELATIVE_BASE``) and left unresolved, never resolved
  against today, when it is unknown.  Hour offsets ("15 heures" read as
  fifteen hours ago) and times alone are not dates and are dropped;
* **words, not fragments**: a hit must contain a digit or a date word of the
  language (a month or weekday name of four letters or more, or a one-word
  relative expression); digits alone must be a year after a preposition of
  the language ("en 2019") or a numeric date with three parts.

The claims have the value and attribute shape of the English extractor
(see its module docstring); ``modifier``, ``range_end`` and ``tense`` for
absolute dates are not read in other languages and are None.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factcheck.calendar import WEEKDAY_NAMES, date_order
from factcheck.claims.base import Claim, make_claim, sentence_bounds
from factcheck.documents import Document

#: Longest piece of text handed to ``search_dates`` at once.
CHUNK_CHARS = 300
#: Most pieces searched per document: beyond it (300 KB of dated prose) the rest is left unread.
MAX_CHUNKS = 1000
PUB_UNKNOWN = "publication date unknown"

#: Two parse bases that differ in year, month, week and weekday: a value that changes between
#: them was relative.  With no publication date, claims from the second are never reported.
_PROBE_BASES = (_dt.datetime(2001, 1, 10), _dt.datetime(2002, 7, 20))
_PROBE_SHIFT = _PROBE_BASES[1] - _PROBE_BASES[0]
_GRANULARITY = {"day": "day", "time": "day", "week": "week", "month": "month", "year": "year"}
_TOKEN_RE = re.compile(r"\S+")
_WORD_RE = re.compile(r"[^\W\d_]+")
_EDGE_PUNCT = ",;:!?()[]{}\"'«»“”‘’"
_NUMERIC_DATE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class _Vocabulary:
    """What dateparser's data for one language says about its date words."""

    names: frozenset[str]  # month and weekday names of 4+ letters, the full names whatever their length
    weekdays: dict[str, int]  # weekday word -> 0 (Monday) ... 6
    relative: frozenset[str]  # one-word relative expressions: "hier", "gestern", "ayer"
    triggers: frozenset[str]  # any word a date in this language can contain
    preps: frozenset[str]  # words a bare year may follow ("en", "im"): dateparser's skip and "in" words
    date_order: str
    last: frozenset[str] = frozenset()  # "dernier", "letzten", "pasado": see _direction_words
    next: frozenset[str] = frozenset()  # "prochain", "nächsten", "próximo"


def _words(phrases: Any) -> list[str]:
    return [w for p in phrases or () for w in _WORD_RE.findall(str(p).lower())]


@lru_cache(maxsize=8)
def _vocabulary(lang: str) -> _Vocabulary:
    info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    names: set[str] = set()
    weekdays: dict[str, int] = {}
    for key in (*_MONTH_KEYS, *_WEEKDAY_KEYS):
        forms = _words(info.get(key))
        longest = max(forms, key=len, default="")
        names.update(f for f in forms if len(f) >= 4 or f == longest)
        if key in _WEEKDAY_KEYS:
            weekdays.update((f, _WEEKDAY_KEYS.index(key)) for f in forms if len(f) >= 4 or f == longest)
    relative = {found[0] for forms in (info.get("relative-type") or {}).values() for p in forms
                if len(found := _words([p])) == 1}
    triggers = {*names, *relative, *_words(info.get("ago")),
                *(w for key in ("year", "month", "week", "day") for w in _words(info.get(key)))}
    preps = {*_words(info.get("skip")), *_words(info.get("in")), *_words(info.get("pertain"))}
    last, nxt = _direction_words(info)
    return _Vocabulary(frozenset(names), weekdays, frozenset(relative), frozenset(triggers), frozenset(preps),
                       date_order(lang), last, nxt)


def _direction_words(info: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The words for "last" and "next" of a language, from dateparser's own phrases.

    dateparser reads "la semaine dernière" but not "lundi dernier" or "letzten
    Montag": it drops the word and reads the bare weekday.  Its phrases for
    "1 week ago" and "in 1 week" (month, year) differ exactly in that word
    ("la semaine dernière" / "la semaine prochaine"), so the words of one set
    and not the other, less the unit names and abbreviations, are the words
    that turn a weekday into the previous or the next one.
    """
    rel = info.get("relative-type") or {}
    units = {w for key in ("year", "month", "week") for w in _words(info.get(key))}
    ago = {w for u in ("year", "month", "week") for w in _words(rel.get(f"1 {u} ago"))}
    ahead = {w for u in ("year", "month", "week") for w in _words(rel.get(f"in 1 {u}"))}
    last, nxt = ({w for w in ws if len(w) >= 4 and w not in units} for ws in (ago - ahead, ahead - ago))
    return frozenset(last), frozenset(nxt)


# --------------------------------------------------------------------------- chunks


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces to search: lines, long lines cut after a sentence end or a space."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        while pos < line_end:
            end = min(line_end, pos + CHUNK_CHARS)
            if end < line_end:  # after the last sentence end in the second half, else the last space
                cut = text.rfind(". ", pos + CHUNK_CHARS // 2, end)
                cut = cut + 1 if cut >= 0 else text.rfind(" ", pos, end)
                if cut > pos:
                    end = cut + 1
            yield pos, end
            pos = end
        pos = line_end + 1


def _worth_searching(piece: str, vocab: _Vocabulary) -> bool:
    return any(ch.isdigit() for ch in piece) or any(w in vocab.triggers for w in _WORD_RE.findall(piece.lower()))


# --------------------------------------------------------------------------- parsing


Reading = tuple[str, str, _dt.datetime] | None  # (ISO value at its granularity, granularity, datetime)


def _fmt(gran: str, d: _dt.datetime) -> str:
    if gran == "day":
        return d.date().isoformat()
    if gran == "week":
        y, w, _ = d.date().isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


class _Reader:
    """Parses a phrase against the two probe bases (or the publication date and a shifted one)."""

    def __init__(self, lang: str, pub: _dt.date | None) -> None:
        from dateparser.date import DateDataParser

        self.lang = lang
        first = _dt.datetime.combine(pub, _dt.time()) if pub is not None else _PROBE_BASES[0]
        self.bases = (first, first + _PROBE_SHIFT)
        self.vocab = _vocabulary(lang)
        common = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                  "DATE_ORDER": self.vocab.date_order}
        self.settings = [{**common, "RELATIVE_BASE": base} for base in self.bases]
        self.parsers = [DateDataParser(languages=[lang], settings=s) for s in self.settings]
        self._memo: dict[str, tuple[Reading, Reading]] = {}

    def read(self, phrase: str) -> tuple[Reading, Reading]:
        if phrase not in self._memo:
            self._memo[phrase] = (self._one(0, phrase), self._one(1, phrase))
        return self._memo[phrase]

    def _one(self, k: int, phrase: str) -> Reading:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                data = self.parsers[k].get_date_data(phrase)
            except Exception:  # third-party parser on arbitrary text: what it cannot read is not a date
                return None
        if data.date_obj is None or data.period not in _GRANULARITY:
            return None
        gran = _GRANULARITY[data.period]
        return _fmt(gran, data.date_obj), gran, data.date_obj

    def search(self, piece: str) -> list[str]:
        from dateparser.search import search_dates

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = search_dates(piece, languages=[self.lang], settings=self.settings[0])
            except Exception:  # as in _one
                return []
        return [sub for sub, _ in found or ()]


# --------------------------------------------------------------------------- spans


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE_PUNCT:
        s += 1
    while e > s and (text[e - 1] in _EDGE_PUNCT or text[e - 1] == "."):
        e -= 1
    return s, e


#: Most words of one search_dates hit considered; its sub-spans are tried, so this bounds the parses per hit.
_MAX_HIT_WORDS = 8
#: Most words a span is widened by on the left ("il y a" before "trois jours").
_MAX_WIDEN = 3


def _fit(text: str, s: int, e: int, reader: _Reader, line_start: int) -> tuple[int, int] | None:
    """The date inside the hit ``[s, e)``, as an exact span, or None.

    search_dates' hits are often too wide ("En 2019, 15 heures" reads as a time;
    "am 26. September 2021" as nothing at all), so the longest run of the hit's
    words that reads as a date is taken, then trimmed while it reads the same
    ("le 10 février 2021" -> "10 février 2021") and widened over up to three words
    on the left that dateparser needs ("a trois jours" -> "il y a trois jours");
    the first such span that passes :func:`_plausible` wins.
    """
    toks = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, s, e)][:_MAX_HIT_WORDS]
    n = len(toks)
    for length in range(n, 0, -1):
        for i in range(n - length + 1):
            span = _strip(text, toks[i][0], toks[i + length - 1][1])
            if span[1] <= span[0]:
                continue
            ref = reader.read(text[span[0]:span[1]])
            if not _usable(ref):
                continue
            fitted = _tighten(text, toks[i:i + length], ref, reader, line_start)
            if _plausible(text, fitted[0], fitted[1], ref, reader.vocab, line_start):
                return fitted
    return None


def _usable(ref: tuple[Reading, Reading]) -> bool:
    """A reading that is a date: not nothing, and not an offset in hours ("15 heures") or a time of day."""
    first, second = ref
    if first is None:
        return False
    relative = second is None or second[0] != first[0]
    return not (relative and first[2].time() != _dt.time())


def _tighten(text: str, toks: list[tuple[int, int]], ref: tuple[Reading, Reading], reader: _Reader,
             line_start: int) -> tuple[int, int]:
    def same(lo: int, hi: int) -> tuple[int, int] | None:
        a, b = _strip(text, lo, hi)
        return (a, b) if b > a and reader.read(text[a:b]) == ref else None

    lo, hi = 0, len(toks)
    while hi - lo > 1 and same(toks[lo][0], toks[hi - 2][1]):
        hi -= 1
    while hi - lo > 1 and same(toks[lo + 1][0], toks[hi - 1][1]):
        lo += 1
    best = _strip(text, toks[lo][0], toks[hi - 1][1])
    before = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, line_start, best[0])][-_MAX_WIDEN:]
    for k in range(len(before)):  # the most words first
        words = text[before[k][0]:best[0]].split()
        if any(w.lower() in reader.vocab.preps or w[-1] in _EDGE_PUNCT + "." for w in words):
            continue
        wider = same(before[k][0], best[1]) or _finer(text, before[k][0], best, words, ref, reader)
        if wider:
            return wider
    return best


_GRAN_ORDER = ("day", "week", "month", "year")


def _finer(text: str, start: int, best: tuple[int, int], words: list[str], ref: tuple[Reading, Reading],
           reader: _Reader) -> tuple[int, int] | None:
    """Widen over a day number search_dates split off ("1er" + "mai" -> "1er mai") when the wider span
    reads as a finer date."""
    if len(words) != 1 or not words[0][0].isdigit() or ref[0] is None:
        return None
    a, b = _strip(text, start, best[1])
    wider = reader.read(text[a:b])
    if not _usable(wider) or wider[0] is None:
        return None
    return (a, b) if _GRAN_ORDER.index(wider[0][1]) < _GRAN_ORDER.index(ref[0][1]) else None


def _plausible(text: str, s: int, e: int, ref: tuple[Reading, Reading], vocab: _Vocabulary,
               line_start: int) -> bool:
    """Whether a fitted span is a date a reader would see (see the module docstring)."""
    phrase = text[s:e]
    words = _WORD_RE.findall(phrase.lower())
    if words:
        if any(w in vocab.names or w in vocab.relative for w in words):
            return True
        return any(w in vocab.triggers for w in words) and (len(words) >= 2 or any(ch.isdigit() for ch in phrase))
    if _NUMERIC_DATE_RE.fullmatch(phrase):
        return True
    if _YEAR_RE.fullmatch(phrase):
        prev = _WORD_RE.findall(text[line_start:s].lower()[-30:])
        return bool(prev) and prev[-1] in vocab.preps
    return False


# --------------------------------------------------------------------------- claims


def _attrs(reading: Reading, other: Reading, pub: _dt.date | None, text: str, s: int, e: int,
           vocab: _Vocabulary, datelines: set[tuple[int, int]]) -> tuple[str | None, dict[str, Any]]:
    assert reading is not None
    value, gran, when = reading
    relative = other is None or other[0] != value
    words = _WORD_RE.findall(text[s:e].lower())
    wd = next((vocab.weekdays[w] for w in words if w in vocab.weekdays), None)
    has_year = _YEAR_RE.search(text[s:e]) is not None
    resolved: str | None = value
    reason = anchor = anchor_source = tense = None
    if relative:
        if pub is None:
            resolved, reason = None, PUB_UNKNOWN
        else:
            anchor, anchor_source = pub.isoformat(), "publication"
            day = when.date()
            tense = "past" if day < pub else "future" if day > pub else "present"
    matches = None
    if wd is not None and not relative and gran == "day":
        matches = when.weekday() == wd
    return resolved, {
        "granularity": gran,
        "modifier": None,
        "relative": relative,
        "resolved": resolved,
        "reason": reason,
        "anchor": anchor,
        "anchor_source": anchor_source,
        "tense": tense,
        "weekday": WEEKDAY_NAMES[wd] if wd is not None else None,
        "weekday_matches": matches,
        "year_inferred": relative and not has_year and any(w in vocab.names for w in words)
        and gran in ("day", "month"),
        "range_end": None,
        "dateline": (s, e) in datelines,
    }


_NEXT_WORD_RE = re.compile(r"[^\S\n]+([^\W\d_]+)")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)[^\S\n]+\Z")


def _weekday_direction(text: str, s: int, e: int, reading: Reading, vocab: _Vocabulary, pub: _dt.date | None,
                       line_start: int) -> tuple[tuple[int, int], Reading, Reading] | None:
    """A lone weekday with the language's "last"/"next" word beside it ("lundi dernier", "letzten
    Montag", "el próximo lunes"): the span takes the word in, and the day is the previous (or
    next) such weekday strictly before (after) publication, as "last Monday" in English.
    None when there is no such word."""
    words = _WORD_RE.findall(text[s:e].lower())
    if reading is None or reading[1] != "day" or len(words) != 1 or words[0] not in vocab.weekdays:
        return None
    after = _NEXT_WORD_RE.match(text, e, min(len(text), e + 24))
    before = _PREV_WORD_RE.search(text, max(line_start, s - 24), s)
    if after and after.group(1).lower() in vocab.last | vocab.next:
        span, word = (s, after.end(1)), after.group(1).lower()
    elif before and before.group(1).lower() in vocab.last | vocab.next:
        span, word = (before.start(1), e), before.group(1).lower()
    else:
        return None
    if pub is None:
        return span, reading, None  # relative, unresolved
    wd = vocab.weekdays[words[0]]
    if word in vocab.last:
        day = pub - _dt.timedelta(days=(pub.weekday() - wd) % 7 or 7)
    else:
        day = pub + _dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    when = _dt.datetime.combine(day, _dt.time())
    return span, (day.isoformat(), "day", when), None


def extract(doc: Document) -> list[Claim]:
    """Date claims of a non-English ``doc`` in text order (see the module docstring)."""
    text = doc.text
    reader = _Reader(doc.lang, doc.pub_date)
    vocab = reader.vocab
    datelines = {(d.start, d.end) for d in doc.date_candidates if d.start >= 0}
    out: list[Claim] = []
    last_end = 0
    searched = 0
    for cs, ce in _chunks(text):
        piece = text[cs:ce]
        if not _worth_searching(piece, vocab):
            continue
        searched += 1
        if searched > MAX_CHUNKS:
            break
        line_start = text.rfind("\n", 0, cs) + 1
        cursor = cs
        for sub in reader.search(piece):
            i = text.find(sub, cursor, ce)
            if i < 0:
                continue
            cursor = i + len(sub)
            fitted = _fit(text, i, i + len(sub), reader, max(line_start, cs))
            if fitted is None:
                continue
            s, e = fitted
            if s < last_end:
                continue
            reading, other = reader.read(text[s:e])
            directed = _weekday_direction(text, s, e, reading, vocab, doc.pub_date, max(line_start, cs))
            if directed is not None:
                (s, e), reading, other = directed
                if s < last_end:
                    continue
            value, attrs = _attrs(reading, other, doc.pub_date, text, s, e, vocab, datelines)
            out.append(make_claim("date", doc, s, e, value, sentence=sentence_bounds(text, s, e), **attrs))
            last_end = e
    return out
