"""What a claim becomes for comparison: a :class:`Statement` with its context, measure and holder.

Every pairing path and exemption reads the same few things about a figure --
the words around it with other figures masked, what it counts and in which
unit, whose figure it is, what else its sentence and its document say of the
measure.  They are read once per claim here (:func:`read_statements`), linear
in each document, and never re-read from the text by a comparison.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, TypeGuard

from factcheck.claims.base import Claim
from factcheck.claims.numbers import singular, unit_of
from factcheck.documents import Document
from factcheck.facts import Facts
from factcheck.rules.kinds.conflict.dates import claim_day
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.reading import DocReading, reading_of
from factcheck.rules.kinds.conflict.subjects import age_holder, figure_subject, name_anchor
from factcheck.rules.kinds.conflict.text import PHRASE_REACH
from factcheck.rules.kinds.facts import ClaimSelector
from factcheck.rules.model import CorpusView


@dataclass(frozen=True, slots=True)
class Statement:
    """One figure or date claim as the rule compares it: the claim, with every reading of it
    the pairing paths and exemptions look at, computed once (see :func:`read_statements`).

    The fields after ``given`` describe the statement's document (what else it says
    of the measure, of the age's holder, of the subject); ``copies`` is set only on
    the representative of two or more syndicated copies (see ``ConflictKind.check_corpus``;
    :func:`documents_of` reads it).
    """

    doc: Document
    claim: Claim
    words: tuple[str, ...]  # the window around the claim, figures masked
    key: tuple[str, str]  # (kind, unit)
    sentence: frozenset[str]  # every content word of the sentence
    unique: bool  # the only claim of its kind and unit in its sentence
    values: frozenset[str]  # the values its sentence gives for its kind and unit
    anchor: frozenset[str]  # the names just before the figure: whose figure it is
    measure: tuple[str, ...]  # what the figure counts ("undersea cables"): see measure_words
    phrase: tuple[tuple[str, ...], tuple[str, ...]]  # the verbatim words either side: see phrase_tokens
    holder: tuple[str, str] | None  # whose age it is: see age_holder
    given: frozenset[str]  # the values its document gives for this kind, unit and measure
    near: frozenset[str] = frozenset()  # ... those of its order of size: see NearValues
    held: frozenset[str] = frozenset()  # every age its document gives this holder
    ages: frozenset[str] = frozenset()  # every age its document gives, whoever holds it
    others: frozenset[tuple[str, str, str]] = frozenset()  # if unique, its sentence's other figures (kind, unit, value)
    converts: str | None = None  # the figure it converts, in brackets after it: see converted_from
    subject: str | None = None  # whom the figure is said of: see figure_subject
    said: frozenset[str] = frozenset()  # the values its document gives the subject's measure, of its order of size
    copies: frozenset[str] = frozenset()  # the documents stating it in identical words: see documents_of
    story: str | None = None  # the id of its document's story: statements of two stories are never one fact
    sized: frozenset[tuple[str, str]] = frozenset()  # its sentence's things named by a figure (sized_things)
    of: str | None = None  # its fact key's subject, resolved in its story (``CorpusView.facts``): "person:jane doe"

    @property
    def named(self) -> str | None:
        """The name of the person whose age it is, if the article names one: such ages pair
        by the name, and no weaker path may speak for them."""
        return self.holder[1] if self.holder is not None and self.holder[0] == "person" else None


#: The words of a figure itself, not of what it counts: digits, number and scale words,
#: "per cent", and the "to"/"and" of a range ("10 to 20", "between 10 and 20").  The
#: qualifier's words are not listed: the claim says which they are (``bounds.qualifier``).
_NUMBERISH_RE = re.compile(
    r"^(?:[\d.,/%$£€¥-]+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|trillion|m|bn|k|a|an|dozen|to|per|cent|percent|and)$")


def qualifier_words(c: Claim) -> frozenset[str]:
    """The words of the qualifier the extractor read before the figure ("as many as"), and of
    the one the claim reports (the same phrase, or a range's "between")."""
    return _qualifier_words(_read_qualifier(c), c.qualifier)


def _read_qualifier(c: Claim) -> str | None:
    """``c.bounds.qualifier``, read from the claim's ``bounds`` attribute without building the
    :class:`~factcheck.claims.bounds.Bounds` (its JSON form: ``Bounds.to_json``): a
    statement needs only the words."""
    raw = c.attrs.get("bounds")
    return raw.get("qualifier") if raw is not None else None


@functools.lru_cache(maxsize=1 << 10)
def _qualifier_words(*phrases: str | None) -> frozenset[str]:
    return frozenset(w for q in phrases if q for w in q.casefold().split())


def measure_words(c: Claim) -> tuple[str, ...]:
    """The words of a claim other than its number: what is counted ("career points", "AK-47 rifles").

    A spelling of the claim's own unit is not among them: the unit is compared
    already, and "47-yd" and "47-yard", "10km" and "10 kilometres" measure alike;
    nor is the noun a count counts, in any plural ("10 persons", "10 people"); nor
    the qualifier the claim starts with, which its bounds already say ("exactly 500
    people" and "500 people" count the same people).
    """
    return _measure_words(c.text, c.unit, qualifier_words(c))


@functools.lru_cache(maxsize=1 << 14)
def _measure_words(text: str, unit: str | None, qualifier: frozenset[str]) -> tuple[str, ...]:
    """:func:`measure_words` of a claim's text, unit and qualifier words: a pure function of
    them, read once however many articles state "10 people" or "two boats"."""
    out = []
    unit = (unit or "").casefold()
    leading = bool(qualifier)  # still in the words before the figure, where the qualifier is
    for w in re.split(r"[\s-]+", text.casefold().replace("’", "'")):
        w = w.strip(".,;:()\"'")
        if leading and w in qualifier:
            continue
        if w and not _NUMBERISH_RE.match(w):
            leading = False
        if (unit and (unit_of(w) == unit or singular(w) == unit)) or any(ch.isdigit() for ch in w):
            continue  # the unit itself, or a figure written with letters ("US$334", "10km")
        if w and not _NUMBERISH_RE.match(w) and w[:1] not in "$£€¥":
            out.append(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return tuple(out)


#: A misreported figure is rarely off by more than this factor: further apart, two
#: figures of one measure are two facts (a game's 205 yards, a career's 4,183).
SAME_ORDER = 4.0


def same_order(va: object, vb: object) -> bool:
    """Are two values of one measure within :data:`SAME_ORDER` of each other (or not
    both positive numbers, so that size cannot tell them apart)?"""
    if isinstance(va, (int, float)) and isinstance(vb, (int, float)) and not isinstance(va, bool) \
            and not isinstance(vb, bool) and va > 0 and vb > 0:
        return max(va, vb) / min(va, vb) <= SAME_ORDER
    return True


class NearValues:
    """The values a document gives for one measure that are of a figure's order of size
    (:func:`same_order`): those that could state the figure's fact.

    "Doug McDermott scored 23 points ... now has 2,129 points": a game's points and
    a career's are two measures in all but name, and the career's does not make the
    game's one of several values (see :func:`rest_agrees`, ``said``).  One frozen
    set per measure and value, shared by its figures; a measure given more than
    :data:`NEAR_VALUES` values is not split (a copy per figure would be quadratic in a
    document giving thousands).
    """

    def __init__(self) -> None:
        self._sets: dict[tuple[object, ...], frozenset[str]] = {}
        self._extents: dict[tuple[object, ...], tuple[int | float, int | float] | None] = {}

    def of(self, measure: tuple[object, ...], values: dict[str, object], value: object,
           every: frozenset[str] | None = None) -> frozenset[str]:
        """The values (by repr) of ``values`` of ``value``'s order of size; ``every``: all of
        them as a frozen set already made, shared when they all are (a date's, a measure's
        of one order of size) rather than copied.  ``values`` must be all the measure's."""
        key = (measure, repr(value)) if len(values) <= NEAR_VALUES else (measure,)
        found = self._sets.get(key)
        if found is None:
            near = None
            if len(key) == 2 and _positive(value):
                if measure in self._extents:
                    extent = self._extents[measure]
                else:
                    extent = self._extents[measure] = _extent(values)
                # Division is monotonic: when the smallest and the largest value are of the figure's
                # order, every value between them is, and the set is all of them.
                if extent is None or value >= _EXACT or \
                        not (same_order(extent[0], value) and same_order(extent[1], value)):
                    near = frozenset(r for r, v in values.items() if not _positive(v)
                                     or max(v, value) / min(v, value) <= SAME_ORDER)
                    near = near if len(near) < len(values) else None
            found = self._sets[key] = near if near is not None else every if every is not None else frozenset(values)
        return found


def _positive(v: object) -> TypeGuard[int | float]:
    """A positive number, whose size :func:`same_order` compares."""
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0


def _extent(values: dict[str, object]) -> tuple[int | float, int | float] | None:
    """The smallest and the largest positive number among ``values``; None when there is
    none, or one too large for a float to hold exactly (where an int and a float are
    divided after rounding, and monotonic division is no longer a safe shortcut)."""
    numbers = [v for v in values.values() if _positive(v)]
    if not numbers or max(numbers) >= _EXACT:
        return None
    return min(numbers), max(numbers)


#: Numbers from here on are not all exact as floats (see _extent).
_EXACT = 2 ** 53


#: See NearValues.
NEAR_VALUES = 16


def read_statements(corpus: CorpusView, settings: ConflictOptions,
                    selector: ClaimSelector | None) -> list[Statement]:
    """Every claim of the corpus the rule compares, as a :class:`Statement`, in corpus order.

    With a ``selector`` (the rule's ``select``), the claims it selects; otherwise those
    of the compared ``kinds`` that :func:`comparable` admits.  Each statement is built
    once, whole: what its claim and sentence say first, then what its document says of
    its measure, holder and subject.
    """
    kinds = set(settings.kinds)
    window, holders, agreeing = settings.window, settings.age_holders, settings.agreeing_figures > 0
    facts: list[Statement] = []
    # A story is one real-world event: facts are compared within it only.  An explicit fact
    # key (``select``) holds across the corpus, so it needs no stories.
    stories = corpus.stories if selector is None else None
    reading = reading_of(corpus)  # what every conflict rule reads of a document, read once per view
    # Whom each figure is of, resolved within its story by the fact stage (a surname alone, a
    # role one person holds: the person named in full); read only with stories.
    keyed = corpus.facts if stories is not None else None
    for doc, claims in corpus.items():
        found = stories.story_of(doc.path) if stories is not None else None
        story = found.id if found is not None else None
        read = reading.of(doc, claims, measured)
        people, starts, alike, masks = read.people, read.starts, read.alike, read.masks
        rows: list[_Row] = []
        sized = sized_things(claims)
        for c in claims:
            if selector is not None:
                if not selector.matches(doc, c):
                    continue
            elif c.kind not in kinds or not comparable(c):
                continue
            sentence = read.words(c.sentence)
            key = measured(c)
            group = (c.sentence, *key)
            dated = c.kind == "date"
            rows.append(_Row(c, repr(c.value), bool(c.get("age")), tuple(sentence.context(doc, c, masks, window)),
                             key, sentence.words, len(alike[group]) == 1, read.values(group),
                             _NONE if dated else name_anchor(doc, c) or _NONE, () if dated else measure_words(c),
                             sentence.phrase(doc, c, masks, PHRASE_REACH),
                             age_holder(doc, c, people, starts) if holders else None,
                             converted_from(doc.text, c, read.ends), figure_subject(c, people, starts)))
        if rows:
            facts += _document_statements(doc, rows, read, kinds if agreeing else _NONE, story, sized,
                                          keyed)
    return facts


def sized_things(claims: Iterable[Claim]) -> list[tuple[int, Claim, tuple[str, str]]]:
    """A document's hyphenated figures that name *which* thing is meant, as (start, claim,
    (unit, value)) sorted by start; :func:`sized_in` reads those of one sentence.

    A figure joined to its noun ("the 13-inch version", "the 11-inch models", "a
    four-door car") picks one thing out of a family; two sentences that pick
    different ones ("13-inch" and "11-inch") speak of different things, however
    alike their other words ("... with a 2.5GHz dual-core Intel Core i5
    processor" / "... a 1.7GHz dual-core Intel Core i5 processor").  Ages are
    left out: they are said of people, whose figures pair by name and role
    (see :func:`.subjects.age_holder`).
    """
    return sorted(((c.start, c, (c.unit, repr(c.value))) for c in claims
                   if c.kind == "quantity" and c.get("hyphenated") and not c.get("age") and c.unit is not None),
                  key=lambda t: (t[0], t[2]))


def sized_in(sized: Sequence[tuple[int, Claim, tuple[str, str]]], starts: Sequence[int],
             claim: Claim) -> frozenset[tuple[str, str]]:
    """The things ``claim``'s sentence names by a figure other than ``claim`` itself (see
    :func:`sized_things`; ``starts``: their starts).  By position, not by sentence span: a
    decimal repaired across a false sentence break ("a 1. 7GHz") has a longer span than the
    other claims of its sentence."""
    lo, hi = claim.sentence
    out = {v for _s, o, v in sized[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)] if o is not claim}
    return frozenset(out) if out else _NO_SIZES


#: The empty set every statement that has none shares: Python makes a new (garbage-collected)
#: object for each ``frozenset()``, thousands of them per story.
_NONE: frozenset[str] = frozenset()
_NO_SIZES: frozenset[tuple[str, str]] = frozenset()


class _Row(NamedTuple):
    """What a statement's claim and sentence say, before its document's figures are gathered."""

    claim: Claim
    value: str  # repr of the claim's value: values are compared by it
    age: bool
    words: tuple[str, ...]
    key: tuple[str, str]
    sentence: frozenset[str]
    unique: bool
    values: frozenset[str]
    anchor: frozenset[str]
    measure: tuple[str, ...]
    phrase: tuple[tuple[str, ...], tuple[str, ...]]
    holder: tuple[str, str] | None
    converts: str | None
    subject: str | None


def _document_statements(doc: Document, rows: list[_Row], read: DocReading, kinds: Collection[str],
                         story: str | None,
                         sized: Sequence[tuple[int, Claim, tuple[str, str]]],
                         keyed: Facts | None = None) -> list[Statement]:
    """The statements of one document's ``rows``, each given what the document says of its
    measure, of its age's holder and of its subject; ``kinds``: those whose figures a lone
    figure's sentence lists as its others (none when ``agreeing_figures`` is off);
    ``keyed``: the corpus's facts, which resolve each figure's subject (``Statement.of``)."""
    # What the document says of each measure, of each holder's age and of each subject's measure.
    given: dict[tuple[object, ...], dict[str, object]] = defaultdict(dict)
    ages: dict[tuple[str, str] | None, set[str]] = defaultdict(set)
    said: dict[tuple[object, ...], dict[str, object]] = defaultdict(dict)
    for r in rows:
        given[(r.key, r.measure)][r.value] = r.claim.value
        ages[r.holder].add(r.value)
        if r.subject is not None:
            said[(r.subject, r.key, r.measure)][r.value] = r.claim.value
    # One frozen set per measure, shared by its figures: a copy each would be quadratic
    # in a document giving thousands of values of one measure.
    given_of = {k: frozenset(v) for k, v in given.items()}
    said_of = {k: frozenset(v) for k, v in said.items()}
    held_of = {k: frozenset(v) for k, v in ages.items()}
    near = NearValues()
    sized_starts = [t[0] for t in sized]
    doc_ages = frozenset(r.value for r in rows if r.age)
    # The sentence's figures of the compared kinds, for "the other figures agree": only a lone
    # figure pairs through them, so only its sentence's are gathered.
    figures: dict[tuple[int, int], frozenset[tuple[str, str, str]]] = {}
    none = _NONE
    out = []
    for r in rows:
        c = r.claim
        measure = (r.key, r.measure)
        others: frozenset[tuple[str, str, str]] = _NONE  # type: ignore[assignment]
        if r.unique and kinds:
            figs = figures.get(c.sentence)
            if figs is None:
                figs = figures[c.sentence] = read.figures(c.sentence, kinds)
            # A sentence of a thousand figures of one unit would be quadratic were they not lone.
            others = frozenset(g for g in figs if g[:2] != r.key) or others
        out.append(Statement(doc, c, r.words, r.key, r.sentence, r.unique, r.values, r.anchor, r.measure, r.phrase,
                             r.holder, given_of[measure], near.of(measure, given[measure], c.value, given_of[measure]),
                             held_of[r.holder] if r.holder is not None else none,
                             doc_ages if r.age else none, others, r.converts, r.subject,
                             near.of((r.subject, *measure), said[(r.subject, *measure)], c.value,
                                     said_of[(r.subject, *measure)])
                             if r.subject is not None else none, none, story,
                             sized_in(sized, sized_starts, c) if sized else _NO_SIZES,
                             _subject_of(keyed, doc.path, c)))
    return out


def _subject_of(keyed: Facts | None, path: str, c: Claim) -> str | None:
    """The subject of the fact ``c`` states, resolved within its story (see ``Statement.of``)."""
    key = keyed.key_of(path, c) if keyed is not None else None
    return key.subject if key is not None else None


def comparable(c: Claim) -> bool:
    """Can the claim state a fact two articles give differently?  Not without a value, not
    a date less precise than a month (or one that dates the article itself), not a vote
    that is not a number."""
    if c.value is None:
        return False
    if c.kind == "date":
        # Only dates fixed to a day or month; a year alone is rarely "the same fact",
        # and an article's own byline date says when it was published, not when
        # anything happened.
        return c.get("granularity") in ("day", "month") and not c.get("reason") and not c.get("dateline")
    if c.kind == "vote":
        return isinstance(c.value, (int, float))
    return True


def documents_of(f: Statement) -> frozenset[str]:
    """The documents that state ``f``: its own, and those of its identical copies when
    ``f`` represents them (syndicated copies collapse to one fact before pairing, see
    ``ConflictKind.check_corpus``; each copy is still one more article agreeing)."""
    return f.copies or frozenset((f.doc.path,))


def day_of(c: Claim) -> date | None:
    """The day a date claim names ("June 27, 2001", "January 31" in its article's year), or None
    (a month, a year, "on Monday"): see :func:`.dates.claim_day`."""
    return claim_day(c)


def converted_from(text: str, c: Claim, ends: dict[int, Claim]) -> str | None:
    """The figure ``c`` converts, when it stands in brackets right after a quantity of
    another unit ("€110 billion ($158 billion)", "110 km (68 miles)"): its unit and value.

    A conversion is derived, not reported: two outlets converting one figure at the
    rates of two days give two values for one fact, and neither is wrong.
    """
    i = c.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] != "(":
        return None
    i -= 1
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    original = ends.get(i)
    if original is None or original.value is None or original.unit == c.unit:
        return None
    return repr((original.unit, original.value))


def measured(c: Claim) -> tuple[str, str]:
    """What a figure measures, as the kind and unit two statements of one fact share.

    A number of things is a count however large: "923 rounds" (a count) and "1,200
    rounds" (a quantity from 1,000 on, see :mod:`factcheck.claims.numbers`) are two
    values of one measure, and a figure changed across that line must still be
    compared.  A hyphenated modifier stays a quantity ("a five-boat attack" measures
    the attack, not the boats some article counts).
    """
    kind = "count" if c.kind == "quantity" and c.get("noun") else c.kind
    return kind, (c.unit or "").casefold()


def signature(f: Statement) -> tuple[object, ...]:
    """Everything the pairing and legitimacy tests look at: equal signatures are one fact."""
    c = f.claim
    return (f.key, repr(c.value), f.words, f.sentence, f.unique, f.values, f.anchor, c.qualifier, c.get("subject"),
            c.get("per"), c.get("relative"), c.get("anchor"), c.get("modifier"), f.measure, f.phrase,
            f.holder, f.doc.pub_date, f.given, f.near, f.held, f.ages, f.others, f.converts, f.subject,
            f.said, f.story, f.of)


def sentence_text(f: Statement) -> str:
    """The sentence a fact is stated in, its whitespace normalised."""
    return " ".join(f.doc.text[f.claim.sentence[0]:f.claim.sentence[1]].split())
