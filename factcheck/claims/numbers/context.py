"""The words around a number: qualifier before it, noun phrase or unit after it, labels.

Each helper looks at a bounded window around one number, so the extractor
stays linear in the text whatever the document looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.bounds import REPORTED_QUALIFIERS, normalise_qualifier
from factcheck.claims.numbers.patterns import (
    _AGENT_NEXT_RE,
    _IN_RE,
    _IRREGULAR_PARTICIPLES,
    _MONTH_WORDS,
    _NAME_VERB_OBJECT_RE,
    _NPW_RE,
    _OBJECT_NEXT_RE,
    _OF_RE,
    _OLD_RE,
    _PREV_WORD_RE,
    _QUAL_RE,
    _QUALIFIER_WORDS,
    _RATE_NORMAL,
    _RATE_RE,
    _UNIT_RE,
)
from factcheck.claims.numbers.tokens import _Num
from factcheck.claims.numbers.vocabulary import _LY_NOUNS, _STOP, _is_plural, _unit, singular
from factcheck.claims.numwords import NUMBER_WORDS, ORDINALS
from factcheck.claims.units import COUNT

# --------------------------------------------------------------------------- context helpers


def _sentence_initial(text: str, i: int) -> bool:
    """True when position ``i`` starts a sentence, line, or clause after a colon."""
    j = i - 1
    while j >= 0 and i - j < 8 and text[j] in " \t\"'“‘([–—-":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;" or i - j >= 8


def _after_label(text: str, start: int) -> bool:
    """True after a capitalised word: "Apollo 11", "Resolution 2397", "Boeing 737".

    A proper noun right before a bare number almost always names a thing
    rather than counting it.  Capitalised function words and qualifiers
    ("With 500", "About 40") only open a sentence, so they do not count.
    """
    m = _PREV_WORD_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    w = m.group(1)
    if not w[0].isupper() or w.endswith(("'s", "’s", "'", "’")):
        return False
    lw = w.lower()
    if lw in _STOP or lw in _QUALIFIER_WORDS:
        return False  # "Nearly 500", "Another 20", "In 10 cases": sentence openers, not names
    return lw not in _MONTH_WORDS


@dataclass(frozen=True, slots=True)
class _Qual:
    """The qualifier before a number: the phrase its bounds read, the phrase ``Claim.qualifier``
    reports (see :data:`~factcheck.claims.bounds.REPORTED_QUALIFIERS`), and where the claim starts."""

    phrase: str | None
    reported: str | None
    start: int


_WORD_SPAN_RE = re.compile(r"\S+")


def _qualifier(text: str, start: int) -> _Qual:
    """The qualifier right before ``start`` ("more than"), and where the claim should start.

    Normalised (see :func:`~factcheck.claims.bounds.normalise_qualifier`) so
    rules can compare "More  than" and "more than"; "an estimated" becomes
    "estimated".  Of a phrase claims do not report yet, the claim reports and
    starts at its longest reported tail ("just more than" -> "more than"), as
    before the phrase was known.
    """
    m = _QUAL_RE.search(text, max(0, start - 24), start)
    if m is None:
        return _Qual(None, None, start)
    phrase = normalise_qualifier(m.group("q"))
    for w in _WORD_SPAN_RE.finditer(text, m.start("q"), m.end("q")):
        tail = normalise_qualifier(text[w.start():m.end("q")])
        if tail in REPORTED_QUALIFIERS:
            return _Qual(phrase, tail, w.start())
    return _Qual(phrase, None, start)


def _np_words(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Up to ``limit`` words of the noun phrase starting after ``pos``: (word, start, end).

    Stops at punctuation, function words and common verbs (:data:`_STOP`),
    numbers, possessives, a capitalised word after a lower-case one
    ("first lady Melania" stops before "Melania"), and a participle where the
    noun should be ("the 23-year-old finished his third season": none).
    """
    words: list[tuple[str, int, int]] = []
    prev_lower = False
    while len(words) < limit:
        m = _NPW_RE.match(text, pos)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in _STOP or lw in NUMBER_WORDS or lw in ORDINALS or w.endswith("-"):
            break
        if lw.endswith(("'s", "’s")):
            break
        if w[0].isupper() and prev_lower:
            break
        if not words and (lw.endswith("ed") or lw in _IRREGULAR_PARTICIPLES) \
                and (_AGENT_NEXT_RE.match(text, m.end()) or _NAME_VERB_OBJECT_RE.match(text, m.end())):
            break  # "the 23-year-old finished his third season": a verb, not the thing measured
        if words and lw.endswith("ly") and lw not in _LY_NOUNS:
            break  # "the sect leader sexually assaulted": an adverb after the noun
        if words and lw.endswith("ed") and not words[-1][0].endswith("ly"):
            break  # "two officers suffered ...": a verb after the noun ("heavily armed" is fine)
        if words and lw.endswith("ing") and (_is_plural(words[-1][0]) or _OBJECT_NEXT_RE.match(text, m.end())):
            break  # "youths wearing gas masks", "a career spanning the era": a participle after the head noun
        if words and w[0].islower() and words[-1][0][0].isupper() and _NAME_VERB_OBJECT_RE.match(text, m.end()):
            break  # "26-year-old Christopher Simpson shot her": a verb taking an object after a name
        if w.endswith(("'", "’")):
            words.append((w[:-1], m.start(1), m.end(1) - 1))
            break
        words.append((w, m.start(1), m.end(1)))
        prev_lower = w[0].islower()
        pos = m.end()
    return words


def _plural_head(words: list[tuple[str, int, int]]) -> int | None:
    for k in range(len(words) - 1, -1, -1):
        if _is_plural(words[k][0]):
            return k
    return None


def _phrase(words: list[tuple[str, int, int]]) -> str:
    return " ".join(w for w, _, _ in words)


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


@dataclass(slots=True)
class _Tail:
    """What follows a number: its unit or counted noun, subject, rate, and where the claim ends."""

    end: int
    unit: str | None = None
    dimension: str | None = None
    noun: str | None = None
    subject: str | None = None
    per: str | None = None
    measured: bool = False
    age: bool = False
    plural: bool = False  # the unit or noun was written in the plural


def _unit_at(text: str, pos: int, tok: _Num) -> tuple[str, str, int, bool] | None:
    """The measurement unit right after ``pos``: (canonical, dimension, end, written in plural)."""
    m = _UNIT_RE.match(text, pos)
    if m is None:
        return None
    form = " ".join(m.group("u").lower().split())
    known = _unit(form)
    if known is None:
        return None  # a non-ASCII look-alike matched case-insensitively
    canon, dim = known
    if form == "won" and not (tok.scale >= 1000 or not tok.words):
        return None  # "nine won" is a verb
    return canon, dim, m.end(), form.endswith("s") or form == "feet"


#: what "911" names when it is the emergency number rather than a count ("911 calls", "a 911 operator")
_EMERGENCY_NOUNS = frozenset({"call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator",
                              "operators", "center", "centre", "system", "line", "emergency", "service"})


def _tail(text: str, tok: _Num, pos: int) -> _Tail:
    """Read what a number measures, in order of certainty.

    A sign on the number itself (%, $, "km") wins; then a unit word; then,
    for "tens of thousands", an ``of`` noun phrase; then a plain counted noun.
    An ``of`` phrase after a unit is the subject ("barrels of oil"), and a
    rate ("a year", "per day") extends the claim so it stays one fact.
    """
    t = _Tail(end=pos)
    if tok.percent:
        t.unit, t.dimension, t.measured = "percent", "percent", True
    elif tok.att_unit:
        t.unit, t.dimension = tok.att_unit
        t.measured = True
    elif tok.currency:
        t.unit, t.dimension, t.measured = tok.currency, "money", True
    else:
        u = _unit_at(text, pos, tok)
        if u is not None:
            t.unit, t.dimension, t.end, t.plural = u
            t.measured = True
            if t.unit == "year":
                om = _OLD_RE.match(text, t.end)
                if om:
                    t.age, t.end = True, om.end()
        elif tok.approx and tok.plural_form:
            of = _OF_RE.match(text, pos)
            if of:
                u = _unit_at(text, of.end(), tok)
                if u is not None:
                    t.unit, t.dimension, t.end, t.plural = u
                    t.measured = True
                else:
                    words = _np_words(text, of.end() - 1, 4)
                    head = _plural_head(words)
                    if head is not None:
                        t.noun = _phrase(words[:head + 1])
                        t.unit, t.dimension = singular(words[head][0]), COUNT
                        t.end = words[head][2]
        else:
            words = _np_words(text, pos, 4)
            head = _plural_head(words)
            if head is not None:
                t.noun = _phrase(words[:head + 1])
                t.unit, t.dimension = singular(words[head][0]), COUNT
                t.end = words[head][2]
    q = t.end
    if t.measured and not t.age:
        sm = _OF_RE.match(text, t.end) or (_IN_RE.match(text, t.end) if t.dimension == "money" else None)
        if sm:
            words = _np_words(text, sm.end() - 1, 4)
            if words:
                t.subject = _phrase(words)
                q = words[-1][2]
    if t.unit is not None or tok.scale >= 1000:
        rm = _RATE_RE.match(text, q) or (_RATE_RE.match(text, t.end) if q != t.end else None)
        if rm:
            per = (rm.group("per") or rm.group("slash") or rm.group("adv")).lower()
            per = " ".join(per.split())
            t.per = _RATE_NORMAL.get(per, "year" if per == "per annum" else per)
            t.end = rm.end()
    return t
