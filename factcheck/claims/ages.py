"""Ages written without "-year-old": in apposition and after "aged" or "at the age of".

News gives most ages in apposition -- "Jane Doe, 52, was arrested", "Fred
LaRue, 75, Dies" -- or as "died at 95", "at the age of 91", "age 61", "a 38
year-old woman".  :mod:`factcheck.claims.numbers` reads only "32-year-old",
because a bare number between commas is nothing by itself; here the context
says it is an age.  Each is a ``quantity`` like a hyphenated age: unit
``year``, ``age`` True, ``measure`` "age", so rules compare all of a person's
ages alike; an apposition's ``subject`` is the name before it.

Precision: only 1 to 120; an apposition needs a capitalised word before the
comma that is not a month or weekday ("December 30, 2019" is a date, and so is
"Monday, 12,") and a comma or bracket after the number ("Chapter 3, 12 and 14"
lists numbers, "Paris, 2012," gives a year: both are refused).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from factcheck.calendar import MONTHS
from factcheck.claims.base import Claim, make_claim
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numbers import _anchors
from factcheck.claims.numwords import SMALL_PATTERN, parse_number
from factcheck.claims.scan import at_anchors
from factcheck.documents import Document

#: The oldest age read: past it a number in apposition is something else.
MAX_AGE = 120

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri "
                      "sat sun".split())
_NOT_NAMES = frozenset(MONTHS) | _WEEKDAYS | frozenset("no nos number page chapter section vol round week "
                                                        "stage level grade year".split())

_AGE = rf"(?P<age>[1-9][0-9]?|1[01][0-9]|120|{SMALL_PATTERN})"

#: "Jane Doe, 52," / "Gomes, 61)" / "LaRue, 75, Dies": a name, a comma, the age, a comma or bracket.
#: Tried at the numbers' anchors (see factcheck.claims.scan): the age, then the name and comma before it.
_APPOSITION_RE = re.compile(r"(?P<age>[1-9][0-9]?|1[01][0-9]|120)(?![\w.,]?[0-9])(?=[ \t]*[,)])")
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.-])(?P<name>[A-Z][\w'’.-]*)(?:[ \t]+(?:Jr|Sr)\.?)?,[ \t]+$")
#: "died at 95", "Dies At 91", "at the age of 91", "aged 61", ", age 61,": the words say it is an age --
#: unless a clock follows ("died at 12:45 p.m.", "died at 4 pm"); "died at" takes ages from 10 only,
#: since "died at 4" is more often an hour than an age.
_WORDED_RE = re.compile(
    r"(?<![\w'’-])(?:(?P<died>(?i:died|dies|dead|death)[ \t]+(?i:at)[ \t]+)"
    r"(?:(?P<of>(?i:the[ \t]+age[ \t]+of))[ \t]+)?"
    rf"|(?P<ageof>(?i:at[ \t]+the[ \t]+age[ \t]+of))[ \t]+|(?i:aged?|ages)[ \t]+){_AGE}"
    r"(?![\w'’-]|[.,:][0-9]|[ \t]*(?i:a\.?m\b|p\.?m\b|o'clock|gmt\b|hours\b|local\b))")
#: Every ``_WORDED_RE`` match holds "age", "dea" or "die" in some case ("aged", "at the age of",
#: "death", "died"); the dotted and dotless i are what ``(?i:i)`` matches besides "i" and "I".
_WORDED_QUICK_RE = re.compile("[Aa][Gg][Ee]|[Dd][Ee][Aa]|[Dd][Ii\u0130\u0131][Ee]")
_AND_AGE_RE = re.compile(r"[ \t]+(?:and|or|to)[ \t]+(?P<age>[1-9][0-9]?|1[01][0-9]|120)(?![\w'’-]|[.,:][0-9])")
#: "a 38 year-old woman", "the 81-year old", "38 years old": "old" after the unit says it is an age.
_YEARS_OLD_RE = re.compile(
    r"(?<![\w'’.,-])(?P<age>[1-9][0-9]?|1[01][0-9]|120)(?:[ \t]+years?[ \t]*-[ \t]*old|[ \t]+years?[ \t]+old)"
    r"(?![\w'’])", re.IGNORECASE)


def _worded(text: str) -> Iterator[re.Match[str]]:
    """``_WORDED_RE.finditer(text)``, tried only where a match can start.

    Why: the pattern opens on a look-behind and case-insensitive words, so
    ``finditer`` tries it at every character of the text, which cost as much
    as all the other age patterns together; so did searching whole lines
    (ECB+ writes a paragraph on one line) around each quick hit.  A match
    starts on its quick hit ("died", "dead", "aged": the hit is its first
    word) or, for "at the age of", two words before its "age": there it is
    tried, in order and without overlaps, up to the end of its line (a match
    never crosses one: its blanks are ``[ \t]``), so the matches are exactly
    ``finditer``'s.  A text with a dotted capital I (two characters in lower
    case, so the lower-cased text's offsets are not the text's) is searched
    line by line as before (:func:`_hit_lines`).
    """
    if "\u0130" in text:
        for lo, end in _hit_lines(text):
            yield from _WORDED_RE.finditer(text, lo, end)
        return
    low = text.lower()
    keys = ("age", "dea", "die", "d\u0131e") if "\u0131" in text else ("age", "dea", "die")
    starts: set[int] = set()
    for key in keys:
        hit = low.find(key)
        while hit >= 0:
            starts.add(hit)
            if key == "age":
                at = _at_the_before(text, hit)
                if at is not None:
                    starts.add(at)
            hit = low.find(key, hit + 1)
    end = 0
    for p in sorted(starts):
        if p >= end:
            m = _WORDED_RE.match(text, p, _line_end(text, p))
            if m is not None:
                end = m.end()
                yield m


def _at_the_before(text: str, age: int) -> int | None:
    """Where "at the age of" would start, read back from its "age" at ``age`` by shape alone (blanks, three
    characters for "the", blanks, two for "at"); None when the shape does not fit.  The pattern decides."""
    k = age
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == age or k < 3:
        return None
    k -= 3
    j = k
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == k or j < 2:
        return None
    return j - 2


def _hit_lines(text: str) -> Iterator[tuple[int, int]]:
    """The lines (start, end after the line break) holding a :data:`_WORDED_QUICK_RE` hit, in order.

    The first hit of each line is found by ``str.find`` on the lower-cased text
    (a few calls in C per line with a hit) rather than by the regex, which
    tries its alternation at every character.  Lower-casing keeps offsets and
    finds exactly the regex's hits ("age", "dea", "die", "dıe" in any case)
    unless the text holds a dotted capital I, which lower-cases to two
    characters: that text takes the regex.
    """
    if "\u0130" in text:
        end = 0
        for q in _WORDED_QUICK_RE.finditer(text):
            if q.start() >= end:  # else its line was searched
                end = _line_end(text, q.start())
                yield text.rfind("\n", 0, q.start()) + 1, end
        return
    low = text.lower()
    keys = ("age", "dea", "die", "d\u0131e") if "\u0131" in text else ("age", "dea", "die")
    # Each key's next hit is kept until a line passes it: a key found again from every line would be
    # searched to the end of the text once per line with a hit (quadratic in the lines of a long text).
    nxt = {k: low.find(k) for k in keys}
    end = 0
    while True:
        for k, h in nxt.items():
            if 0 <= h < end:
                nxt[k] = low.find(k, end)
        hits = [h for h in nxt.values() if h >= 0]
        if not hits:
            return
        hit = min(hits)
        end = _line_end(text, hit)
        yield text.rfind("\n", 0, hit) + 1, end


def _line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends, after its line break."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _value(s: str) -> int | None:
    v = int(s) if s.isdigit() else parse_number(s)
    return v if isinstance(v, int) and 1 <= v <= MAX_AGE else None


def _age_claim(doc: Document, start: int, end: int, value: int, subject: str | None) -> Claim:
    attrs: dict[str, Any] = {"dimension": "time", "approximate": False, "age": True, "measure": "age",
                                "bounds": figure_bounds(value, None).to_json()}
    if subject is not None:
        attrs["subject"] = subject
    return make_claim("quantity", doc, start, end, value, unit="year", **attrs)


def read(doc: Document, anchors: Sequence[int] | None = None) -> Iterator[Claim]:
    """Every age of ``doc`` in apposition, after "aged"/"at the age of"/"died at", or "N year-old".

    The caller drops those that overlap a claim it already has (a "32-year-old"
    is read by the numbers extractor).  ``anchors``: where a number can start
    (see :mod:`factcheck.claims.scan`; computed when not given).
    """
    text = doc.text
    if anchors is None:
        anchors = _anchors(text)
    # both anchored age patterns open on a digit 1-9: the other anchors ("0", words, signs) never match
    anchors = [p for p in anchors if "1" <= text[p] <= "9"]
    if "," in text:
        for m in at_anchors(_APPOSITION_RE, text, anchors):
            before = _NAME_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())
            if before is None:
                continue
            name = before.group("name")
            if name.lower().rstrip(".") in _NOT_NAMES:
                continue
            value = _value(m.group("age"))
            if value is not None:
                yield _age_claim(doc, m.start("age"), m.end("age"), value, name)
    for rx in (_WORDED_RE, _YEARS_OLD_RE):
        for m in (_worded(text) if rx is _WORDED_RE else at_anchors(rx, text, anchors)):
            value = _value(m.group("age"))
            if rx is _WORDED_RE and m.group("died") and not m.group("of") and value is not None and value < 10:
                continue
            if value is not None:
                start = m.start("age") if rx is _WORDED_RE else m.start()
                yield _age_claim(doc, start, m.end("age") if rx is _WORDED_RE else m.end(), value, None)
                more = _AND_AGE_RE.match(text, m.end("age")) if rx is _WORDED_RE else None
                second = _value(more.group("age")) if more is not None else None
                if more is not None and second is not None:
                    yield _age_claim(doc, more.start("age"), more.end("age"), second, None)  # "aged 15 and 12"
