"""Counts whose noun is not right after the number: partitives, "one", "more"/"other", elided nouns.

The numbers extractor counts "23 pirates" from the plural right after the
number.  Reporters also write the counted thing elsewhere:

- a partitive: "23 of the raiders" (unit ``raider``), "two of them", "208,000 of
  which" (no unit: the noun is a pronoun's);
- "more"/"other" between the number and the noun: "nine more picks", "two other
  laptops";
- "one" with a singular noun: "killing one person", "One man was shot", "at least
  one bomb technician" (the first pass reads "one" only before a unit, because
  "one of the", "no one" and "one day" are not counts);
- a relative clause for people: "120500 who have been out of work" (unit ``person``,
  ``clause`` the clause);
- casualties: "3 dead after ...", "two killed in" (no unit: the people are unsaid; ``state``
  "dead", "killed", "injured" ...);
- a noun shared with the next figure: "12 Somali and 11 Yemeni nationals" (``shared`` True);
- the noun said by an earlier figure of the sentence: "a combined 300 homes ... and
  150 by tender", "six touchdowns ... and added three more" (``elided`` True, the
  earlier figure's unit).

Claims are ``count`` for whole numbers below 1,000 and ``quantity`` above, as
in the first pass, with ``noun``, ``measure`` and ``bounds``; the qualifier
before the number is read with the first pass's table.  A number that is a
year, a day of a month, a time, a score, a label ("Route 66") or glued to other
digits is never read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from factcheck.calendar import MONTHS
from factcheck.claims.base import Claim, make_claim, sentence_bounds
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numbers import (
    _after_label,
    _anchors,
    _is_date_number,
    _np_words,
    _plural_head,
    _qualifier,
    singular,
)
from factcheck.claims.numwords import SPELLED_PATTERN, parse_number
from factcheck.claims.scan import at_anchors
from factcheck.documents import Document

#: One whole number: digits (thousands grouped or not) or words, standing alone.
_NUM = (rf"(?:(?<![\w.,/:@#%&+=\-'’$€£¥])(?P<dig>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,9}})"
        rf"(?![\w%]|[.,:/][0-9]|[ \t]?[-–][ \t]?[0-9])|(?P<words>{SPELLED_PATTERN}))")
_PARTITIVE_RE = re.compile(
    rf"{_NUM}[ \t]+of[ \t]+(?:(?P<pron>them|those|which|whom|these|us)\b"
    r"|(?P<det>the|their|its|his|her|our|these|those)[ \t]+)", re.IGNORECASE)
_MORE_RE = re.compile(rf"{_NUM}[ \t]+(?P<more>more|other|others|further)\b", re.IGNORECASE)
_ONE_RE = re.compile(r"(?<![\w'’-])(?P<one>[Oo]ne|ONE)[ \t]+(?=[A-Za-z])")
#: "3 dead after ...", "two killed in ...", "5 injured": casualties, the people left unsaid (no unit).
_CASUALTY_RE = re.compile(
    rf"{_NUM}[ \t]+(?P<state>dead|killed|injured|wounded|hurt|missing)"
    r"(?![\w'’-]|[ \t]+(?:and|or)[ \t]+[a-z]+[ \t]+[a-z]+s\b)", re.IGNORECASE)
#: "12 Somali and 11 Yemeni nationals": a number and one modifier, "and", then a figure that names the noun.
_SHARED_RE = re.compile(rf"{_NUM}[ \t]+(?P<adj>[A-Za-z][a-z]+)[ \t]+(?:and|or)[ \t]+", re.IGNORECASE)
_WHO_RE = re.compile(rf"{_NUM}[ \t]+(?P<who>who|whom)[ \t]+(?P<clause>[^.,;:!?\n]{{1,80}})")
#: A bare number followed by no noun (punctuation, the end, "more", a preposition or conjunction), after a
#: word that introduces a further figure of the same thing ("and 150 by tender", "for seven", "added three
#: more", "now has 2,302 for his career") -- not after "at", "before" or "by", where it is a time.
_BARE_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?P<by>and|or|but|for|with|has|had|have|added|another|plus|while|made|scored|totaled|totalled)"
    r"[ \t]+$", re.IGNORECASE)
_BARE_RE = re.compile(
    rf"{_NUM}(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:more|apiece|each|by|for|in|on|at|from|with|and|or|but|straight)\b)",
    re.IGNORECASE | re.MULTILINE)

#: Nouns that "one" goes with in idioms rather than counts: "one day", "at one point", "one way or another".
_ONE_IDIOMS = frozenset("""
another thing things way day time point side hand night morning afternoon evening moment place step kind
sort bit piece reason thing question problem word hour minute second week month year decade century more
less other such same only last first single big little good bad great way eye quarter half third
""".split())
#: Words that are no modifier of a noun said after "and": "12 Sunday and 14 points", "2 more and".
_NOT_MODIFIERS = frozenset(MONTHS) | frozenset("""
monday tuesday wednesday thursday friday saturday sunday more less other others times percent per cent
people apiece each today yesterday tomorrow ago years days weeks months hours minutes
""".split())
#: Past tenses the first pass's verb tests miss (no "-ed"): "one cop put both hands".
_PAST_VERBS = frozenset("put set let hit cut shut quit spread cost hurt burst cast beat".split())
#: Words that end the noun phrase after "one" or a partitive before its head: "one completion short of".
_TRAILING = frozenset("short shy away long old ahead left apiece each later earlier ago behind straight".split())
#: What a preceding word makes of "one": "no one", "the one who", "any one".
_ONE_BEFORE = frozenset("no any every each some the this that which other no-one anyone someone".split())
_FOR_BEFORE_RE = re.compile(r"(?<![\w'’-])for[ \t]+$", re.IGNORECASE)
_LIST_BEFORE_RE = re.compile(r"(?<![\w.,])[0-9]+[ \t]*,?[ \t]*$")
_PREV_RE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]*$")


def _value(m: re.Match[str]) -> int | None:
    raw = m.group("dig") or m.group("words")
    v = parse_number(raw) if m.group("words") else int(raw.replace(",", ""))
    if not isinstance(v, int) or v < 0:
        return None
    start = m.start("dig") if m.group("dig") else m.start("words")
    if m.group("words") and raw[:1].isupper() and text_before_is_mid(m.string, start):
        return None
    return v


def text_before_is_mid(s: str, start: int) -> bool:
    """Does ``start`` lie inside a sentence?  A capitalised number word there is part of a name ("the Big
    Three")."""
    j = start - 1
    while j >= 0 and s[j] in " \t\"'“‘(":
        j -= 1
    return j >= 0 and s[j] not in ".!?\n:;"


def _skip(text: str, m: re.Match[str], value: int) -> bool:
    """Numbers that are not counts: years, days of a month, labels, "one" (read separately)."""
    start = m.start("dig") if m.group("dig") else m.start("words")
    end = m.end("dig") if m.group("dig") else m.end("words")
    if m.group("dig") and 1000 <= value <= 2100 and "," not in m.group("dig"):
        return True  # a year
    if _is_date_number(text, start, end, value):
        return True
    if m.group("dig") and _after_label(text, start):
        return True  # "Route 66 and"
    return bool(m.group("words") and value == 1)


def _claim(doc: Document, start: int, end: int, value: int, unit: str | None, **attrs: Any) -> Claim:
    q = _qualifier(doc.text, start)
    attrs["measure"] = unit
    attrs["bounds"] = figure_bounds(value, q.phrase).to_json()
    kind = "count" if value < 1000 else "quantity"
    if kind == "quantity":
        attrs.setdefault("dimension", None)
        attrs.setdefault("approximate", False)
    return make_claim(kind, doc, q.start, end, value, unit=unit, qualifier=q.reported, **attrs)


def _head(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    while words and words[-1][0].lower() in _TRAILING:
        words = words[:-1]
    return words


def read(doc: Document, claims: list[Claim], anchors: Sequence[int] | None = None) -> Iterator[Claim]:
    """Counts of ``doc`` whose noun is not the plural right after the number (see the module doc).

    ``claims`` are those read so far; an elided noun is taken from the nearest
    figure before the number in its sentence.  ``anchors``: where a number can
    start (:func:`factcheck.claims.numbers._anchors`, computed when not given).
    """
    if anchors is None:
        anchors = _anchors(doc.text)
    text = doc.text
    starts = _Starts(text, anchors)
    yield from _partitives(doc, starts.followed_by(_PARTITIVE_WORDS))
    yield from _more(doc, starts.followed_by(_MORE_WORDS))
    yield from _ones(doc, [p for p in anchors if text[p] in "oO"])
    yield from _who(doc, starts.followed_by(_WHO_WORDS))
    yield from _casualties(doc, starts.followed_by(_CASUALTY_WORDS))
    yield from _elided(doc, claims, starts.numbers)
    yield from _shared(doc, claims, starts.numbers)


#: The word right after the number each pattern needs (lower-case; see :class:`_Starts`).
_PARTITIVE_WORDS = frozenset({"of"})
_MORE_WORDS = frozenset({"more", "other", "others", "further"})
_WHO_WORDS = frozenset({"who", "whom"})
_CASUALTY_WORDS = frozenset({"dead", "killed", "injured", "wounded", "hurt", "missing"})
_NUM_RE = re.compile(_NUM, re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")


class _Starts:
    """The anchors where a whole number (:data:`_NUM`) stands, and the word after each.

    Every count pattern opens on ``_NUM``, and four then need one word of a short
    list ("of", "more", "who", "killed"...).  Reading the number and the word once
    per anchor lets each pattern be tried only where it can match, instead of
    every pattern at every anchor.  Exact: the number's digits can be read one way
    only (a shorter run is followed by a digit, which its look-ahead refuses), and
    a shorter reading of spelled words ("five" of "five hundred") is followed by a
    number word or "and", never by a listed word; a word that is not ASCII (which
    ``re`` may fold: "ſ" for "s") lets every pattern try.
    """

    def __init__(self, text: str, anchors: Sequence[int]) -> None:
        self.numbers: list[int] = []
        self.next_word: dict[int, str | None] = {}
        match_num, match_word = _NUM_RE.match, _NEXT_WORD_RE.match
        for p in anchors:
            m = match_num(text, p)
            if m is None:
                continue
            self.numbers.append(p)
            w = match_word(text, m.end())
            word = w.group(1).lower() if w is not None else ""
            self.next_word[p] = word if word.isascii() else None

    def followed_by(self, words: frozenset[str]) -> list[int]:
        """The number anchors whose next word is one of ``words`` (or may be)."""
        return [p for p, w in self.next_word.items() if w is None or w in words]


def _partitives(doc: Document, anchors: Sequence[int]) -> Iterator[Claim]:
    text = doc.text
    for m in at_anchors(_PARTITIVE_RE, text, anchors):
        value = _value(m)
        if value is None or _skip(text, m, value):
            continue
        if m.group("pron"):
            yield _claim(doc, m.start(), m.end("pron"), value, None, partitive=True)
            continue
        words = _head(_np_words(text, m.end() - 1, 4))
        head = _plural_head(words)
        if head is None:
            continue
        if text[words[head][2]:words[head][2] + 1] in ("'", "’"):
            continue  # "eight of the Bluejays' 11 assists": an owner, not the thing counted
        noun = " ".join(w for w, _, _ in words[:head + 1])
        yield _claim(doc, m.start(), words[head][2], value, singular(words[head][0]), noun=noun, partitive=True)


def _more(doc: Document, anchors: Sequence[int]) -> Iterator[Claim]:
    text = doc.text
    for m in at_anchors(_MORE_RE, text, anchors):
        value = _value(m)
        if value is None or _skip(text, m, value) or m.group("more").lower() == "others":
            continue
        words = _head(_np_words(text, m.end(), 4))
        head = _plural_head(words)
        if head is None:
            continue
        noun = " ".join(w for w, _, _ in words[:head + 1])
        yield _claim(doc, m.start(), words[head][2], value, singular(words[head][0]), noun=noun,
                     more=m.group("more").lower())


def _ones(doc: Document, anchors: Sequence[int]) -> Iterator[Claim]:
    text = doc.text
    for m in at_anchors(_ONE_RE, text, anchors):
        prev = _PREV_RE.search(text, max(0, m.start() - 24), m.start())
        if prev is not None and prev.group(1).lower() in _ONE_BEFORE:
            continue
        if m.group("one")[0] == "O" and text_before_is_mid(text, m.start()) and text[m.end():m.end() + 1].isupper():
            continue  # "BBC One Show": a name
        words = _head(_np_words(text, m.end() - 1, 3))
        if len(words) > 1 and words[-1][0].lower() in _PAST_VERBS:
            words = words[:-1]  # "one cop put both hands": the verb is no part of the noun
        if not words or words[0][0].lower() in _ONE_IDIOMS:
            continue  # "at one point handing ...", "one quarter the power"
        head = words[-1][0]
        lh = head.lower()
        if (lh in _ONE_IDIOMS or not head.isalpha() or head.isupper() or lh.endswith(("ly", "ed", "ing"))
                or (len(words) == 1 and head[0].isupper())):
            continue
        if singular(head) != lh:
            continue  # "one ... plural": "one thousands"? no count of one
        yield _claim(doc, m.start(), words[-1][2], 1, lh, noun=" ".join(w for w, _, _ in words))


def _who(doc: Document, anchors: Sequence[int]) -> Iterator[Claim]:
    text = doc.text
    for m in at_anchors(_WHO_RE, text, anchors):
        value = _value(m)
        if value is None or _skip(text, m, value) or value < 2:
            continue
        end = m.end("dig") if m.group("dig") else m.end("words")
        yield _claim(doc, m.start(), end, value, "person", clause=" ".join(m.group("clause").split()))


def _casualties(doc: Document, anchors: Sequence[int]) -> Iterator[Claim]:
    text = doc.text
    for m in at_anchors(_CASUALTY_RE, text, anchors):
        value = _value(m)
        if value is None or _skip(text, m, value) or value < 2:
            continue
        end = m.end("dig") if m.group("dig") else m.end("words")
        yield _claim(doc, m.start(), end, value, None, state=m.group("state").lower())


def _shared(doc: Document, claims: list[Claim], anchors: Sequence[int]) -> Iterator[Claim]:
    """"12 Somali and 11 Yemeni nationals": the first number counts the noun of the figure after "and"."""
    text = doc.text
    starts = {c.start: c for c in claims if c.kind == "count" and c.unit is not None and c.get("noun") is not None
              and _after_and_or(text, c.start)}
    if not starts:
        return  # no count follows an "and"/"or": no match can end at one, so none is tried
    for m in at_anchors(_SHARED_RE, text, anchors):
        after = starts.get(m.end())
        adj = m.group("adj")
        if after is None or adj.lower() in _NOT_MODIFIERS or singular(adj.lower()) != adj.lower():
            continue  # "5 points and 3 rebounds" is the first pass's; "12 Sunday and" is no modifier
        value = _value(m)
        if value is None or _skip(text, m, value) or value < 2:
            continue
        yield _claim(doc, m.start(), m.end("adj"), value, after.unit, noun=f"{adj} {after.unit}", shared=True)


#: The blanks a shared-noun match ends on, after its "and"/"or" (see :func:`_after_and_or`).
_AND_OR_ENDINGS = ("and", "or")


def _after_and_or(text: str, start: int) -> bool:
    """Whether ``start`` may follow "and"/"or" and blanks, as a :data:`_SHARED_RE` match ends: a necessary
    condition (blanks filling the 40 characters before, or text ``re`` may case-fold otherwise, let through)."""
    window = text[max(0, start - 40):start]
    stripped = window.rstrip(" \t")
    if len(stripped) == len(window):
        return False  # no blank right before: no match ends here
    if len(stripped) < 3 and start > 40:
        return True  # blanks fill the window: the word before them is not in it
    return not stripped.isascii() or stripped.lower().endswith(_AND_OR_ENDINGS)


def _elided(doc: Document, claims: list[Claim], anchors: Sequence[int]) -> Iterator[Claim]:
    """"300 homes ... and 150 by tender": a bare number takes the unit of the figure before it.

    The figures and those with a noun to lend are sorted out at the first bare number after a word
    that introduces one ("and 150"), which most documents never have.
    """
    text = doc.text
    if not any(c.kind in ("count", "quantity", "vote") for c in claims):
        return
    figures: list[Claim] | None = None
    carriers: set[Claim] = set()
    k = 0
    last: Claim | None = None
    for m in at_anchors(_BARE_RE, text, anchors):
        by = _BARE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        if by is None:
            continue
        if figures is None:
            figures = sorted((c for c in claims if c.kind in ("count", "quantity", "vote")), key=lambda c: c.start)
            carriers = {c for c in figures if c.unit is not None and not c.get("age") and (
                c.kind == "count" or (c.kind == "quantity" and (c.get("noun") is not None
                                                                or c.get("dimension") == "score")))}
        while k < len(figures) and figures[k].end <= by.start():
            last = figures[k]
            k += 1
        if last is None or last not in carriers:
            continue  # the nearest figure before has no noun to lend ("aged 15 and 12": an age)
        if _LIST_BEFORE_RE.search(text, max(0, by.start() - 12), by.start()):
            continue  # "two girls, 12 and 15": a list of bare numbers (ages) after the count
        if by.group("by").lower() == "for" and not _FOR_BEFORE_RE.search(text, max(0, last.start - 8), last.start):
            continue  # "for 11 seasons ... for seven" shares a noun; "caught 2 passes for 44" (yards) does not
        value = _value(m)
        if value is None or _skip(text, m, value) or value < 2:
            continue
        start = m.start("dig") if m.group("dig") else m.start("words")
        end = m.end("dig") if m.group("dig") else m.end("words")
        sentence = sentence_bounds(text, start, end)
        if last.start < sentence[0] or not isinstance(last.value, int):
            continue  # only the same sentence, and only whole numbers ("3.5 miles" ... "and 2" is not)
        attrs: dict[str, Any] = {"elided": True}
        if last.get("noun") is not None:
            attrs["noun"] = last.get("noun")
        yield _claim(doc, start, end, value, last.unit, **attrs)
