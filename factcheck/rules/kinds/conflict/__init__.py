"""``type: conflict`` -- the same fact stated with different values by two documents.

"The same fact" is found generally: every figure or date claim is described by
the words around it with all figures and dates masked out.  Two claims of the
same kind, unit and counted words ("career points" is not "points") in
different documents, not credited to differently named subjects ("Richard
Carter scored 14 points" / "13 points from Seth VanDeest": see
:func:`name_anchor`), state the same fact when their masked contexts nearly
coincide and the word after the figure agrees, or -- for paraphrases -- when
their sentences overlap, words weighted by rarity, and each holds the only
claim of that kind and unit (or all their others of it agree), or -- for a
wire sentence one outlet reworded around the figure -- when the figures sit in
the same verbatim phrase (``min_run`` words, ``min_shared`` of them telling;
see :func:`shared_phrase`).  Ages belong to a holder (:func:`age_holder`): two
ages of one named person are one fact however the sentences differ.  If their
values are incompatible, the minority value is reported with the location of a
majority statement in another document as ``related``; the majority counts
every document paired with a statement of that value, not only the conflicting
ones.  Candidates meet through an inverted index of context words after
identical facts (syndicated copies) are collapsed, never by comparing every
pair of sentences.

Weaker evidence is reported at ``weak_severity`` (info by default, so it does
not fail a build): two articles telling the same story (``story_names`` names
in common) that each give one value, and only one, for the same measure (or
agree on all its values but one), in sentences sharing a few words but worded too differently for the contexts to
pair ("the warship attacked two boats of pirates" / "pirates aboard three
boats were firing").  About half of these are real disagreements between
outlets; the rest are two facts of one story (a season's games and the games
missed).  Dates are rarer values than counts: day-precise dates of one story
at most ``near_days`` apart pair even when the articles give several, unless
one of them names another day of that week.  And two ages of one role ("the
35-year-old deputy") in one story, where the articles agree on the role's other
ages (``age_holders``).  A value one article alone gives is also weighed against what
the rest of its story agrees on, or, for an article sharing too few names, what
three articles or more agree on in sentences worded much like its own; an
unnamed age, against the age whose statements in the story use most of its
sentence's words (see ``ConflictKind._likeness_pairs``).  And figures said of one
named subject in one story ("Luck threw for 205 yards"), where the articles
agree on the subject's other values of the measure (see :func:`figure_subject`).

Legitimate differences are kept out:

* approximations are compatible with values they cover ("about 500,000" with
  "498,000"; "more than 80" with "82"; "dozens" with "82");
* articles published far apart (``max_days_apart``) report different events
  even in the same words;
* two values that each sentence gives ("$1,099 for the 13-inch and $1,799
  for the 15-inch") are two facts, whichever way the contexts pair them;
* conversions of one figure differ by the rate of the day, within
  :data:`CONVERSION_SPREAD` ("€110 billion ($158 billion)" / "€110 billion
  ($143 billion)"): the figure converted is the fact, and is compared itself;
* a figure needed is not a figure got ("needed nine points" / "posting 20
  points"), and a time still running grows with the day of writing ("after
  eight days of riots"): see :func:`needed` and :func:`running`;
* a larger toll in a later article is an update, not a conflict
  (``allow_updates``): qualified or approximate counts ("at least 82",
  "dozens") and counts of casualties, arrests or evacuees grow as reports
  come in; "12 Somali nationals" becoming 24 does not.

With ``select`` (see ``type: fact``), the rule instead requires *all* claims
it selects to agree across the corpus: an explicit fact key.

Example::

    id: house/figure-conflict
    type: conflict
    severity: warning
    message: "{kind} differs from {other}: {found} here, {expected} there."
    tests:
      fail:
        - files:
            a.txt: "The ministry said 500,000 barrels of oil were exported to the port last year."
            b.txt: "The ministry said 400,000 barrels of oil were exported to the port last year."
      pass:
        - files:
            a.txt: "The ministry said 500,000 barrels of oil were exported to the port last year."
            b.txt: "The ministry said about 500,000 barrels of oil were exported to the port last year."
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from factcheck.claims.base import KINDS as CLAIM_KINDS
from factcheck.claims.base import Claim
from factcheck.claims.names import name_words
from factcheck.claims.numbers import singular, unit_of
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.conflict.qualifiers import compatible, interval, is_toll
from factcheck.rules.kinds.conflict.similarity import shared_phrase, weighted_jaccard, weighted_overlap
from factcheck.rules.kinds.conflict.subjects import (
    NOT_NAMES,
    age_holder,
    figure_subject,
    name_anchor,
    one_noun,  # noqa: F401 (the package API, until __all__)
    possible_people,
    same_person,
    same_subject,
    same_surname,
)
from factcheck.rules.kinds.conflict.text import (
    PHRASE_REACH,
    STOPWORDS,
    Masks,
    content,
    context_words,
    name_in_words,
    phrase_tokens,
    stem,
)
from factcheck.rules.kinds.facts import ClaimSelector
from factcheck.rules.model import CorpusView, Option, Rule

#: How alike (rarity-weighted overlap) two sentences must be when more than their words
#: shows one fact: all their figures of one kind agree but one each, or the figure sits in
#: a shared phrase of SUPPORTING_RUN words.  See ConflictKind._paraphrase.
SUPPORTED_OVERLAP = 0.5
#: Words of a verbatim phrase around two lone figures that let their sentences be less alike.
SUPPORTING_RUN = 3
#: How far apart (largest over smallest) two conversions of one figure may be: exchange
#: rates move by a few percent a month, and a unit converted rounds.
CONVERSION_SPREAD = 1.2


@dataclass(frozen=True)
class _Fact:
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
    near: frozenset[str] = frozenset()  # ... those of its order of size: see _NearValues
    held: frozenset[str] = frozenset()  # every age its document gives this holder
    ages: frozenset[str] = frozenset()  # every age its document gives, whoever holds it
    others: frozenset[tuple[str, str, str]] = frozenset()  # if unique, its sentence's other figures (kind, unit, value)
    converts: str | None = None  # the figure it converts, in brackets after it: see converted_from
    subject: str | None = None  # whom the figure is said of: see figure_subject
    said: frozenset[str] = frozenset()  # the values its document gives the subject's measure, of its order of size
    copies: frozenset[str] = frozenset()  # the documents stating it in identical words: see documents_of

    @property
    def named(self) -> str | None:
        """The name of the person whose age it is, if the article names one: such ages pair
        by the name, and no weaker path may speak for them."""
        return self.holder[1] if self.holder is not None and self.holder[0] == "person" else None


_NUMBERISH_RE = re.compile(
    r"^(?:[\d.,/%$£€¥-]+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|trillion|m|bn|k|a|an|dozen|some|about|around|nearly|almost|more|than|less|fewer|"
    r"over|under|up|to|at|least|most|roughly|approximately|than|per|cent|percent|and)$")


def measure_words(c: Claim) -> tuple[str, ...]:
    """The words of a claim other than its number: what is counted ("career points", "AK-47 rifles").

    A spelling of the claim's own unit is not among them: the unit is compared
    already, and "47-yd" and "47-yard", "10km" and "10 kilometres" measure alike;
    nor is the noun a count counts, in any plural ("10 persons", "10 people").
    """
    out = []
    unit = (c.unit or "").casefold()
    for w in re.split(r"[\s-]+", c.text.casefold().replace("’", "'")):
        w = w.strip(".,;:()\"'")
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


def same_measure(a: _Fact, b: _Fact) -> bool:
    """Could two figures measure one thing?  The same counted words, or one's words all
    among the other's ("seven AK-47 rifles" / "seven AK-47 assault rifles": one outlet
    says more of the same weapons), and the same order of size (:func:`same_order`).

    "2,301 career points" and "2,290 points" count different things (a word one
    says and the other does not, with no word of its own); "20 points" and "2,290
    points", or "205 yards" and "4,183 yards", are a game and a career.
    """
    if a.measure != b.measure:  # measure_words, read once per fact (none for a date)
        wa, wb = set(a.measure), set(b.measure)
        if not (wa and wb and (wa <= wb or wb <= wa)):
            return False
    return same_order(a.claim.value, b.claim.value)


class _NearValues:
    """The values a document gives for one measure that are of a figure's order of size
    (:func:`same_order`): those that could state the figure's fact.

    "Doug McDermott scored 23 points ... now has 2,129 points": a game's points and
    a career's are two measures in all but name, and the career's does not make the
    game's one of several values (see :func:`_rest_agrees`, ``said``).  One frozen
    set per measure and value, shared by its figures; a measure given more than
    :data:`NEAR_VALUES` values is not split (a copy per figure would be quadratic in a
    document giving thousands).
    """

    def __init__(self) -> None:
        self._sets: dict[tuple[object, ...], frozenset[str]] = {}

    def of(self, measure: tuple[object, ...], values: dict[str, object], value: object) -> frozenset[str]:
        key = (measure, repr(value)) if len(values) <= NEAR_VALUES else (measure,)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(
                r for r, v in values.items() if len(key) == 1 or same_order(v, value))
        return found


#: See _NearValues.
NEAR_VALUES = 16


#: claim kinds the conflict rule reads (what the engine extracts for it).
_NEEDS = ("quantity", "count", "vote", "ordinal", "date", "enumeration", "name")


class ConflictKind(Kind):
    """Report a figure or date that another document gives differently for the same fact."""

    name = "conflict"
    scope = "corpus"
    NEEDS = _NEEDS
    OPTIONS = {
        # Only the claim kinds the engine extracts for this rule (NEEDS) can ever be compared.
        "kinds": Option((list,), default=["quantity", "count", "vote"], items=(str,),
                        item_choices=tuple(k for k in CLAIM_KINDS if k in _NEEDS), help="claim kinds compared"),
        "window": Option((int,), default=6, min=0, help="context words taken on each side of a claim"),
        "min_similarity": Option((float,), default=0.5, min=0, max=1,
                                 help="0..1: how alike two contexts must be (rarity-weighted Jaccard)"),
        "min_shared": Option((int,), default=3, min=0, help="context words two claims must share"),
        "min_run": Option((int,), default=4, min=0,
                          help="words of a verbatim phrase around both figures (at least min_shared of them "
                               "not stopwords) that make two statements one fact (0: off)"),
        "agreeing_figures": Option((int,), default=2, min=0,
                                   help="other figures two sentences must agree on for a figure that differs "
                                        "between them to be one fact, when it is the only one of its kind and unit "
                                        "in each and the word after it agrees (0: off)"),
        "min_overlap": Option((float,), default=0.7, min=0, max=1,
                              help="0..1: how much of the smaller of two alike sentences the other covers"),
        "max_days_apart": Option((int,), default=30, min=0,
                                 help="articles published further apart describe different events"),
        "allow_updates": Option((bool,), default=True, help="a larger figure in a later article is an update"),
        "story_names": Option((int,), default=5, min=0,
                              help="names two articles must share to tell the same story, for the weak "
                                   "pairing (0: no weak pairing)"),
        "near_days": Option((int,), default=7, min=0,
                            help="dates: in the weak pairing, two day-precise dates of one story this many "
                                 "days apart or less may be one event even when an article gives several "
                                 "dates (0: only articles giving one date)"),
        "age_holders": Option((bool,), default=True,
                              help="ages of one named person are one fact wherever they are stated; ages of one "
                                   "role (\"the 35-year-old deputy\") in one story pair at weak_severity"),
        "weak_severity": Option((str,), default="info", choices=("error", "warning", "info", "ignore"),
                                help="severity of conflicts found by the weak pairing"),
        "paraphrase_severity": Option((str,), choices=("error", "warning", "info", "ignore"),
                                      help="severity of conflicts whose one evidence is two alike sentences: no "
                                           "verbatim phrase, alike window or agreeing figures (default: the "
                                           "rule's severity)"),
        "select": Option((dict,), help="explicit fact key: all selected claims must agree"),
    }
    PLACEHOLDERS = ("other", "found", "expected", "kind", "unit")

    selector: ClaimSelector | None

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        self = cls(rule, options)
        self.selector = ClaimSelector(options["select"], shown, raw.line_of("select")) \
            if options.get("select") else None
        return self

    def _facts(self, corpus: CorpusView) -> list[_Fact]:
        kinds = set(self.options["kinds"])
        facts: list[_Fact] = []
        for doc, claims in corpus.items():
            start = len(facts)
            masks = Masks(claims)
            people = possible_people(claims)
            starts = [n.start for n in people]
            ends = {o.end: o for o in claims if o.kind == "quantity"}
            alike: dict[tuple[tuple[int, int], str, str], list[Claim]] = defaultdict(list)  # same sentence, kind, unit
            for o in claims:
                alike[(o.sentence, *measured(o))].append(o)
            values = {k: frozenset(repr(o.value) for o in group) for k, group in alike.items()}
            # The sentence's figures of the compared kinds, for "the other figures agree".
            figures: dict[tuple[int, int], set[tuple[str, str, str]]] = defaultdict(set)
            for (span, kind, unit), same in alike.items():
                if kind in kinds and self.options["agreeing_figures"] > 0:
                    figures[span].update((kind, unit, repr(o.value)) for o in same if o.value is not None)
            sentences: dict[tuple[int, int], frozenset[str]] = {}
            for c in claims:
                if self.selector is not None:
                    if not self.selector.matches(doc, c):
                        continue
                elif c.kind not in kinds or not self._comparable(c):
                    continue
                words = tuple(context_words(doc, c, masks, self.options["window"]))
                key = measured(c)
                sent = sentences.get(c.sentence)
                if sent is None:
                    sent = sentences[c.sentence] = frozenset(
                        w for w in content(doc.text, c.sentence[0], c.sentence[1], masks) if not w.startswith("#"))
                group = (c.sentence, *key)
                facts.append(_Fact(doc, c, words, key, sent, len(alike[group]) == 1, values[group],
                                   name_anchor(doc, c) if c.kind != "date" else frozenset(),
                                   measure_words(c) if c.kind != "date" else (),
                                   phrase_tokens(doc, c, masks, PHRASE_REACH),
                                   age_holder(doc, c, people, starts) if self.options["age_holders"] else None,
                                   frozenset(), converts=converted_from(doc.text, c, ends),
                                   subject=figure_subject(c, people, starts)))
            # What the document says of each measure, of each holder's age and of each subject's measure.
            given: dict[tuple[object, ...], dict[str, object]] = defaultdict(dict)
            ages: dict[tuple[str, str] | None, set[str]] = defaultdict(set)
            said: dict[tuple[object, ...], dict[str, object]] = defaultdict(dict)
            for f in facts[start:]:
                given[(f.key, f.measure)][repr(f.claim.value)] = f.claim.value
                ages[f.holder].add(repr(f.claim.value))
                if f.subject is not None:
                    said[(f.subject, f.key, f.measure)][repr(f.claim.value)] = f.claim.value
            # One frozen set per measure, shared by its figures: a copy each would be quadratic
            # in a document giving thousands of values of one measure.
            given_of = {k: frozenset(v) for k, v in given.items()}
            held_of = {k: frozenset(v) for k, v in ages.items()}
            near = _NearValues()
            doc_ages = frozenset(repr(f.claim.value) for f in facts[start:] if f.claim.get("age"))
            for i in range(start, len(facts)):
                f = facts[i]
                value = f.claim.value
                facts[i] = replace(f, given=given_of[(f.key, f.measure)],
                                   near=near.of((f.key, f.measure), given[(f.key, f.measure)], value),
                                   held=held_of[f.holder] if f.holder is not None else frozenset(),
                                   said=near.of((f.subject, f.key, f.measure), said[(f.subject, f.key, f.measure)],
                                                value) if f.subject is not None else frozenset(),
                                   ages=doc_ages if f.claim.get("age") else frozenset(),
                                   # Only a lone figure pairs through the others, and it has few: a sentence
                                   # of a thousand figures of one unit would be quadratic.
                                   others=frozenset(g for g in figures[f.claim.sentence] if g[:2] != f.key)
                                   if f.unique else frozenset())
        return facts

    @staticmethod
    def _comparable(c: Claim) -> bool:
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

    def _pairs(self, facts: Sequence[_Fact]) -> Iterable[tuple[int, int]]:
        """Every pair of facts the rule takes for one fact, however it knows."""
        return ((x, y) for x, y, _alike in self._scored_pairs(facts))

    @staticmethod
    def _shared_words(facts: Sequence[_Fact]) -> tuple[Counter[tuple[int, int]], dict[str, float]]:
        """How many sentence words each pair of facts of one kind and unit shares (met
        through an inverted index), and each word's rarity."""
        index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        df: Counter[str] = Counter()
        for i, f in enumerate(facts):
            ws = f.sentence
            df.update(ws)
            for w in ws:
                index[(*f.key, w)].append(i)
        # Smoothed inverse document frequency: common words weigh 1, rare ones more,
        # so a small corpus (where every word is "common") still compares sensibly.
        n = len(facts)
        idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        return _co_indexed(index, facts), idf

    def _scored_pairs(self, facts: Sequence[_Fact], counted: tuple[Counter[tuple[int, int]], dict[str, float]] |
                      None = None) -> Iterable[tuple[int, int, bool]]:
        """Pairs of facts taken for one fact, each with whether alike sentences are the only
        evidence (:meth:`_paraphrase`): no verbatim phrase, alike window or agreeing figures.
        ``counted``: :meth:`_shared_words`, if already counted."""
        if self.selector is not None:
            for i in range(1, len(facts)):
                yield 0, i, False  # every selected claim belongs to the one fact
            return
        shared, idf = counted if counted is not None else self._shared_words(facts)
        min_shared, min_run = self.options["min_shared"], self.options["min_run"]
        candidates = {pair for pair, k in shared.items() if k >= min_shared}
        if min_run > 0:
            # A short sentence has few content words to share ("The three boats had a total of
            # 26 Somali crew onboard."): the words next to the figure find its candidates too.
            at_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
            for i, f in enumerate(facts):
                at_figure[(*f.key, f.phrase[0][:2], f.phrase[1][:2])].append(i)
            candidates.update(_co_indexed(at_figure, facts))
        # "59 catches for 1,098 yards and seven touchdowns" / "59 receptions, 1,098 yards and
        # seven touchdowns": sentences that agree on other figures state these ones alike.
        agreeing_figures = self.options["agreeing_figures"]
        agreeing: Counter[tuple[int, int]] = Counter()
        if agreeing_figures > 0:
            by_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
            for i, f in enumerate(facts):
                if f.unique:
                    for g in f.others:
                        by_figure[(*f.key, *g)].append(i)
            agreeing = _co_indexed(by_figure, facts)
            candidates.update(pair for pair, k in agreeing.items() if k >= agreeing_figures)
        for x, y in sorted(candidates):
            a, b = facts[x], facts[y]
            if not self._may_be_one(a, b):
                continue
            # A verbatim phrase around both figures: a wire sentence that one outlet changed.
            words, telling = shared_phrase(a.phrase, b.phrase)
            if 0 < min_run <= words and telling >= min_shared:
                yield x, y, False
                continue
            if 0 < agreeing_figures <= agreeing.get((x, y), 0) and self._adjacent_agree(a, b):
                yield x, y, False
                continue
            if shared.get((x, y), 0) < min_shared:
                continue
            threshold = self.options["min_similarity"]
            if weighted_jaccard(a.words, b.words, idf) >= threshold and self._adjacent_agree(a, b):
                yield x, y, False
            elif self._paraphrase(a, b, idf):
                yield x, y, True

    def _paraphrase(self, a: _Fact, b: _Fact, idf: dict[str, float]) -> bool:
        """Alike sentences, each with one claim of this kind and unit -- or with several
        that agree on all the others ("rushed for 404 yards ... 52 catches for 440 yards" /
        "rushed 106 times for 414 yards ... 52 catches for 440 yards").

        Evidence besides the sentence lets it be less alike (:data:`SUPPORTED_OVERLAP`):
        the other figures agreeing, or a lone figure in the same words of a shorter phrase
        (:data:`SUPPORTING_RUN`: "the fire destroyed 14 homes near the river").
        Then the word after the figure must agree too, so that "13 miles east of
        Cloverdale" is not taken for "four miles southwest of Cobb".
        """
        if a.claim.get("relative") or b.claim.get("relative"):
            return False
        others = a.values - {repr(a.claim.value)}
        if min(len(a.sentence), len(b.sentence)) + len(others) < 3:
            return False  # too few words (and agreeing figures) to tell
        overlap = weighted_overlap(a.sentence, b.sentence, idf)
        if a.unique and b.unique:
            if overlap >= self.options["min_overlap"]:
                return True
            supported = shared_phrase(a.phrase, b.phrase)[0] >= SUPPORTING_RUN
        else:
            supported = bool(others) and _others_agree(a.values, a, b.values, b)
        return supported and overlap >= min(SUPPORTED_OVERLAP, self.options["min_overlap"]) and \
            self._adjacent_agree(a, b)

    def _may_be_one(self, a: _Fact, b: _Fact) -> bool:
        """Nothing about the two figures themselves rules out one fact: same subject and measure,
        both stated or both needed, not credited to differently named subjects, and not the
        ages of two named people."""
        if not same_subject(a.claim, b.claim) or not same_measure(a, b) or needed(a) != needed(b):
            return False
        if a.named is not None and b.named is not None and not same_surname(a.named, b.named):
            return False  # two people's ages: "26-year-old Christopher Simpson", "20-year-old Ka'Loni Flynn"
        # "Richard Carter scored 14 points" / "paced by 13 points from Seth VanDeest"
        return not (a.anchor and b.anchor and a.anchor.isdisjoint(b.anchor))

    @staticmethod
    def _story_mates(facts: Sequence[_Fact], names_in: dict[str, frozenset[str]]) -> Counter[tuple[int, int]]:
        """For two statements of one measure in two articles, how many of their
        ``story_names`` the articles share: the candidates of the story pairing and of
        the story's majority, met through an index of (measure, name), so only
        articles sharing names are compared."""
        index: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if not f.claim.get("relative"):
                for name in names_in.get(f.doc.path, ()):
                    index[(f.key, f.measure, name)].append(i)
        return _co_indexed(index, facts)

    def _weak_pairs(self, facts: Sequence[_Fact], names_in: dict[str, frozenset[str]], known: set[tuple[int, int]],
                    counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None) -> list[tuple[int, int]]:
        """Every pair the weak pairing takes for one fact, besides the ``known`` ones: the
        story's, its consensus, its majority, the wording majority, the subject's and the
        likeness of ages, each path told what the ones before it found.  Ages of one
        role pair by holder (:meth:`_holder_pairs`).  ``counted``:
        :meth:`_shared_words`, if already counted."""
        words = counted if counted is not None else self._shared_words(facts)
        story = self._story_mates(facts, names_in)
        values = self._story_values(facts, story)
        weak = list(self._story_pairs(facts, names_in, known, story))
        weak += self._consensus_pairs(facts, names_in, {*known, *weak})
        weak += self._majority_pairs(facts, names_in, {*known, *weak}, story, values)
        weak += self._wording_majority_pairs(facts, words[0], {*known, *weak})
        weak += self._subject_pairs(facts, {*known, *weak}, story, values)
        weak += self._likeness_pairs(facts, story, values, words[1], {*known, *weak})
        return weak

    def _story_pairs(self, facts: Sequence[_Fact], names_in: dict[str, frozenset[str]],
                     strong: set[tuple[int, int]],
                     mates: Counter[tuple[int, int]] | None = None) -> Iterable[tuple[int, int]]:
        """Weaker evidence of one fact: two articles telling the same story (``story_names``
        names in common) each give one value, and only one, for the same measure -- or
        the same values but one (:func:`_rest_agrees`) -- in sentences sharing
        ``min_shared`` words, another figure both give counting as one.

        "An Indian warship attacked two boats of pirates" and "The pirates, in three
        boats, were attempting to hijack the merchant vessel" share too few words for
        the contexts to pair them, yet in two reports of the INS Mysore rescuing the MV
        Gibe each is the article's only count of boats.  Dates are rarer values than
        counts: two day-precise dates of one story at most ``near_days`` apart pair even
        when an article gives several ("hired him as head coach on June 27, 2001" / "He
        joined the Blazers on June 27, 2001").  ``mates``: :meth:`_story_mates`, if
        already counted.
        """
        need = self.options["story_names"]
        dated = self.options["near_days"] > 0
        named: dict[str, set[int]] = defaultdict(set)
        if dated:
            for f in facts:
                if (d := day_of(f.claim)) is not None:
                    named[f.doc.path].add(d.toordinal())
        days_in = {path: sorted(days) for path, days in named.items()}  # the days each document names
        if mates is None:
            mates = self._story_mates(facts, names_in)
        for (x, y), k in sorted(mates.items()):
            a, b = facts[x], facts[y]
            if k >= need and (x, y) not in strong and (_rest_agrees(a, b) or self._near_days(a, b, days_in)) and \
                    len(a.sentence & b.sentence) + len(a.others & b.others) >= self.options["min_shared"] and \
                    self._may_be_one(a, b):
                yield x, y

    def _consensus_pairs(self, facts: Sequence[_Fact], names_in: dict[str, frozenset[str]],
                         known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """A value one article gives against the value its story agrees on: weaker evidence.

        Some figures belong to something the story names again and again, however
        the sentences around them differ: the age of the person an article calls only
        "the 26-year-old" (no name to pair it by, see :meth:`_holder_pairs`), the size
        in "the 17-inch MacBook Pro" (or "the MacBook Pro 17-inch").  When the articles
        of the story (``story_names`` names in common) give one value for it
        :data:`CONSENSUS` times or more, in two articles or more and twice as many as
        any other value, an article giving a value no other article of the story gives
        is paired with a statement of the consensus.  An unnamed age is compared only
        where its article gives no other age, so it cannot be another person's.  The
        story reaches two articles far (:func:`_story_reach`): an article sharing names
        with only one other still hears what that one's story agrees on.
        Candidates meet through an index of (what the figure belongs to, name), so only
        articles sharing names are compared.
        """
        need = self.options["story_names"]
        keys: list[tuple[object, ...] | None] = [_consensus_key(f) for f in facts]
        index: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if keys[i] is not None:
                for name in names_in.get(f.doc.path, ()):
                    index[(keys[i], name)].append(i)
        mates: dict[int, list[int]] = defaultdict(list)
        for (x, y), k in sorted(_co_indexed(index, facts).items()):
            if k >= need and keys[x] == keys[y]:
                mates[x].append(y)
                mates[y].append(x)
        for x in sorted(mates):
            f = facts[x]
            key = keys[x]
            assert key is not None
            if key[0] == "age" and f.ages != {repr(f.claim.value)}:
                continue
            reach = _story_reach(facts, x, mates)
            if key[0] == "age":
                reach = [y for y in reach if same_subject(f.claim, facts[y].claim)]
            found = _majority(facts, x, reach)
            if found is not None and sum(len(documents_of(facts[y])) for y in found[1]) >= CONSENSUS:
                yield from _against(x, found[1], known)

    def _majority_pairs(self, facts: Sequence[_Fact], names_in: dict[str, frozenset[str]],
                        known: set[tuple[int, int]], story: Counter[tuple[int, int]] | None = None,
                        values: dict[int, set[str]] | None = None) -> Iterable[tuple[int, int]]:
        """A value one article alone gives against the value the rest of its story agrees on,
        in sentences sharing words: weaker evidence.

        "Thomas missed 10 games" / "missed nine games" (twice): the sentences are too
        unlike for the contexts, and the articles give other game counts, so the
        story pairing does not compare them.  Yet where the articles of a story
        (``story_names`` names in common) state a measure in sentences sharing
        ``min_shared`` words (another figure both give counting as one: "threw for 364
        yards, including three touchdowns" / "threw for 364 yards and three touchdowns"),
        two articles or more agree on one value (twice as many
        as any other), and one article gives a value no article of the story gives
        for the measure, nor the agreed value itself, that article most likely has
        the figure wrong.  An article giving the agreed value too states two facts
        ("226 yards rushing, including an 84-yard scamper"), and a value another
        article of the story gives is that article's fact as well.  Not for dates,
        which pair by closeness (see :meth:`_near_days`).  ``story``:
        :meth:`_story_mates`, if already counted.
        """
        need = self.options["story_names"]
        if story is None:
            story = self._story_mates(facts, names_in)
        mates: dict[int, list[int]] = defaultdict(list)
        for x, y in sorted(pair for pair, k in story.items() if k >= need and facts[pair[0]].claim.kind != "date"):
            a, b = facts[x], facts[y]
            if len(a.sentence & b.sentence) + len(a.others & b.others) >= self.options["min_shared"] and \
                    self._may_be_one(a, b):
                mates[x].append(y)
                mates[y].append(x)
        yield from _against_majorities(facts, mates, self._story_values(facts, story) if values is None else values,
                                       known)

    def _story_values(self, facts: Sequence[_Fact], story: Counter[tuple[int, int]]) -> dict[int, set[str]]:
        """For each figure, the values the rest of its story (``story_names`` names in
        common: see :meth:`_story_mates`) gives for its measure.  Not for dates."""
        need = self.options["story_names"]
        values: dict[int, set[str]] = defaultdict(set)
        for (x, y), k in story.items():
            if k >= need and facts[x].claim.kind != "date":
                values[x].add(repr(facts[y].claim.value))
                values[y].add(repr(facts[x].claim.value))
        return values

    def _wording_majority_pairs(self, facts: Sequence[_Fact], shared: Counter[tuple[int, int]],
                                known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """A value one article alone gives against the value :data:`CONSENSUS` articles or
        more agree on, each in a sentence sharing :data:`WORDING_MARGIN` words more than
        ``min_shared`` with its own: weaker evidence, for an article too short to share
        ``story_names`` names with the rest of its story.

        "The Indian Navy said Saturday it had captured 14 pirates as they tried to board
        an Ethiopian-flagged vessel in the Gulf of Aden", in a wire story of three
        paragraphs, shares five or six words with the sentences of six articles that all
        say 23 pirates.  As for :meth:`_majority_pairs`, the article must give no other
        value for the measure, and no article of these give its value.  Not for dates.
        ``shared``: the words each pair shares (:meth:`_shared_words`).
        """
        need = self.options["min_shared"] + WORDING_MARGIN
        mates: dict[int, list[int]] = defaultdict(list)
        for (x, y), k in sorted(shared.items()):
            a, b = facts[x], facts[y]
            if a.claim.kind == "date" or a.claim.get("relative") or b.claim.get("relative"):
                continue
            if k + len(a.others & b.others) >= need and self._may_be_one(a, b):
                mates[x].append(y)
                mates[y].append(x)
        for x in sorted(mates):
            if len(facts[x].given) != 1:
                continue  # the article gives other values too: its statement may be another fact
            found = _majority(facts, x, mates[x])
            if found is not None and len({d for y in found[1] for d in documents_of(facts[y])}) >= CONSENSUS:
                yield from _against(x, found[1], known)

    def _subject_pairs(self, facts: Sequence[_Fact], known: set[tuple[int, int]], story: Counter[tuple[int, int]],
                       values: dict[int, set[str]] | None = None) -> Iterable[tuple[int, int]]:
        """Figures said of one named subject in one story: weaker evidence.

        "Luck threw for 205 yards on Sunday, breaking Cam Newton's single-season mark"
        and "Luck threw for 205 yards Sunday, and his 7-yard touchdown pass to Reggie
        Wayne ..." share the subject and the measure, and little else.  Two articles of
        the story (``story_names`` names in common) that give the subject
        (:func:`figure_subject`) the same values of the measure but these two (one value
        each, the simplest case; see ``_Fact.said``) pair when their sentences share
        :data:`SUBJECT_WORDS` words besides the name and the word after the figure
        agrees.  And a value one article alone gives for the subject's measure is paired
        with the value two articles or more of the story agree on for it (twice as many
        as any other), unless another article of the story gives that value for the
        measure (:meth:`_majority_pairs`).  The article may give the subject one other
        value of the measure (:data:`OTHER_FACTS`), its other fact, which is set aside:
        "Bush rushed for 525 yards and caught passes for 440 yards" against a story
        agreeing on 404 yards rushing and 440 receiving.  ``story``:
        :meth:`_story_mates`; ``values``: :meth:`_story_values`, if already counted.
        """
        need = self.options["story_names"]
        index: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if f.subject is not None and not f.claim.get("relative"):
                index[(f.key, f.measure, name_words(f.subject)[-1])].append(i)
        mates: dict[int, list[int]] = defaultdict(list)
        for x, y in sorted(_co_indexed(index, facts)):
            a, b = facts[x], facts[y]
            assert a.subject is not None and b.subject is not None
            if not same_person(a.subject, b.subject) or story.get((x, y), 0) < need or not self._may_be_one(a, b):
                continue
            mates[x].append(y)
            mates[y].append(x)
            if (x, y) in known or not (_others_agree(a.said, a, b.said, b) and self._adjacent_agree(a, b)):
                continue
            besides = a.sentence & b.sentence - name_in_words(a.subject) - name_in_words(b.subject)
            if len(besides) >= SUBJECT_WORDS:
                yield x, y
        lone = {x: ys for x, ys in mates.items() if len(facts[x].said) <= 1 + OTHER_FACTS}
        yield from _against_majorities(facts, lone, self._story_values(facts, story) if values is None else values,
                                       known, by_subject=True)

    def _likeness_pairs(self, facts: Sequence[_Fact], story: Counter[tuple[int, int]], values: dict[int, set[str]],
                        idf: dict[str, float], known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """An unnamed age one article alone gives, against the age of the person whom the
        rest of its story describes in words most like its sentence: weaker evidence.

        A person has one age, and each outlet describes the person in its own words:
        "After two hours a 61-year-old man surrendered and was arrested" shares a word
        or two with each of "Vancouver police have arrested a 61-year-old former
        employee" and "The sixty-one-year-old was arrested Friday", too few to pair
        with either, yet between them the statements of 61 use most of its words.  So
        an age no other article of the story (``story_names`` names in common) gives
        (``values``) is weighed against each age the story gives, through statements
        that could be one person's (:meth:`_may_be_one`: not a girl's age for a
        man's): the share of its sentence's words (by stem, weighted by rarity) that
        the statements of that age use between them.  Where one age wins, with
        :data:`LIKENESS` of the weight or more and :data:`LIKE_WORDS` words, the two
        are one person's age.

        Only for an age whose holder is not named (a named person's ages pair by name,
        on stronger evidence: see :meth:`_holder_pairs`), alone in its sentence (a
        sentence giving two ages speaks of two people: the words cannot tell which
        one the story describes), in an article giving at most :data:`OTHER_FACTS`
        other ages, and not the winning one (then the article speaks of that person
        too, and its age is another's: "the 36-year-old driver" beside "a
        66-year-old woman").
        """
        need = self.options["story_names"]
        mates: dict[int, list[int]] = defaultdict(list)
        for (x, y), k in sorted(story.items()):
            a, b = facts[x], facts[y]
            if k >= need and a.claim.get("age") and b.claim.get("age") and not a.claim.get("relative") \
                    and not b.claim.get("relative") and self._may_be_one(a, b):
                mates[x].append(y)
                mates[y].append(x)
        stems: dict[int, frozenset[str]] = {}
        for x in sorted(mates):
            f = facts[x]
            if repr(f.claim.value) in values[x] or not f.unique or len(f.given) > 1 + OTHER_FACTS or f.named:
                continue
            pooled: dict[str, set[str]] = defaultdict(set)
            first: dict[str, int] = {}
            for y in mates[x]:
                if y not in stems:
                    stems[y] = frozenset(stem(w) for w in facts[y].sentence)
                v = repr(facts[y].claim.value)
                pooled[v].update(stems[y])
                first.setdefault(v, y)
            weight: dict[str, float] = {}
            for w in f.sentence:  # the rarest word of a stem weighs for it
                weight[stem(w)] = max(weight.get(stem(w), 0.0), idf.get(w, 1.0))
            total = math.fsum(weight.values())
            if not total:
                continue
            share = {v: math.fsum(wt for st, wt in weight.items() if st in words) / total
                     for v, words in pooled.items()}
            ranked = sorted(share, key=lambda v: (-share[v], v))
            top = ranked[0]
            if share[top] < LIKENESS or (len(ranked) > 1 and share[ranked[1]] >= share[top]) or top in f.given \
                    or len(weight.keys() & pooled[top]) < LIKE_WORDS:
                continue
            pair = (min(x, first[top]), max(x, first[top]))
            if pair not in known:
                yield pair

    def _holder_pairs(self, facts: Sequence[_Fact], names_in: dict[str, frozenset[str]] | None,
                      known: set[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Ages of one holder: (pairs of a named person, pairs of a role in one story).

        A person has one age, however differently two outlets word the sentence
        ("a day after 36-year-old Duncan Raite died" / "36-year-old Duncan Rait
        was killed after slipping").  A role ("the 35-year-old deputy") names one
        person only within a story (``story_names`` names in common) and only
        where each article gives that role one age, or the same ages but these two
        ("the 12-year-old girl" and "the 15-year-old girl" / "the 9-year-old girl" and
        "the 15-year-old girl"): weaker evidence.  A person's
        age changes with the years, so the two must be published near in time
        (``max_days_apart``) or, when a date is unknown, share ``min_shared``
        sentence words.  Candidates meet through an index of surnames and roles.
        """
        index: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if f.holder is not None:
                kind, who = f.holder
                index[(kind, name_words(who)[-1][:4] if kind == "person" else who)].append(i)
        people: list[tuple[int, int]] = []
        roles: list[tuple[int, int]] = []
        need = self.options["story_names"]
        for x, y in sorted(_co_indexed(index, facts)):
            a, b = facts[x], facts[y]
            if (x, y) in known or a.holder is None or b.holder is None or a.holder[0] != b.holder[0]:
                continue
            apart = self._days_apart(a.doc, b.doc)
            if apart is None and len(a.sentence & b.sentence) < self.options["min_shared"]:
                continue
            if not self._may_be_one(a, b):
                continue
            if a.holder[0] == "person":
                if same_person(a.holder[1], b.holder[1]):
                    people.append((x, y))
            elif a.holder == b.holder and _others_agree(a.held, a, b.held, b) \
                    and names_in is not None and need > 0 and \
                    len(names_in.get(a.doc.path, frozenset()) & names_in.get(b.doc.path, frozenset())) >= need:
                roles.append((x, y))
        return people, roles

    def _near_days(self, a: _Fact, b: _Fact, days_in: dict[str, list[int]]) -> bool:
        """Two day-precise dates of one story at most ``near_days`` apart: one event misdated,
        or two events of one week?

        An outlet's slip is rarely more than a few days off (a weekday confused, a day
        lost to time zones).  An article that names another day of that week besides
        these two tells of several events close in time ("restored on 11 October", "running
        again on 12 October"): its dates are not paired.
        """
        da, db = day_of(a.claim), day_of(b.claim)
        near = self.options["near_days"]
        if near <= 0 or da is None or db is None or abs((da - db).days) > near:
            return False
        pair = (da.toordinal(), db.toordinal())
        for d, f in zip(pair, (a, b), strict=True):
            days = days_in.get(f.doc.path, [])
            if any(e not in pair for e in days[bisect.bisect_left(days, d - near):bisect.bisect_right(days, d + near)]):
                return False
        return True

    @staticmethod
    def _adjacent_agree(a: _Fact, b: _Fact) -> bool:
        """The word right after the figure says what is counted ("35 miles *southwest*",
        "45-yard *field* goal"): it must agree, unless both claims name a subject --
        in its stem, as outlets inflect one verb ("scoring 23 points and *becoming*" /
        "scored 23 points to *become*")."""
        if a.claim.get("subject") and b.claim.get("subject"):
            return True
        ia, ib = a.words.index("<>"), b.words.index("<>")
        return [stem(w) for w in a.words[ia + 1:ia + 2]] == [stem(w) for w in b.words[ib + 1:ib + 2]]

    def _days_apart(self, a: Document, b: Document) -> int | None:
        if a.pub_date is None or b.pub_date is None:
            return None
        return abs((a.pub_date - b.pub_date).days)

    def _legitimate(self, a: _Fact, b: _Fact) -> bool:
        if compatible(a.claim, b.claim):
            return True
        if repr(a.claim.value) in b.values and repr(b.claim.value) in a.values:
            # Each sentence gives both values ("a 15-year-old girl ... a 12-year-old girl",
            # "$1,099 for the 13-inch and $1,799 for the 15-inch"): two facts, not one.
            return True
        if _two_rates(a, b):
            return True  # "€110 billion ($158 billion)" / "€110 billion ($143 billion)"
        if (a.claim.get("relative") or b.claim.get("relative")) and a.claim.get("anchor") != b.claim.get("anchor"):
            return True  # "on Monday" in two articles of different days names different days
        apart = self._days_apart(a.doc, b.doc)
        if self.selector is None and apart is not None and apart > self.options["max_days_apart"]:
            return not _aged_impossibly(a, b, apart)
        if running(a) and running(b):
            return not _ran_impossibly(a, b)
        if self.options["allow_updates"] and apart and a.claim.kind in ("quantity", "count") \
                and (is_toll(a.claim) or is_toll(b.claim)):
            assert a.doc.pub_date is not None and b.doc.pub_date is not None
            early, late = (a, b) if a.doc.pub_date < b.doc.pub_date else (b, a)
            ie, il = interval(early.claim), interval(late.claim)
            if ie is not None and il is not None and il[0] >= ie[0]:
                return True
        return False

    def _legitimate_for(self, f: _Fact, ref: _Fact, dated: Sequence[_Fact]) -> bool:
        """Is ``f``'s difference from ``ref`` legitimate, judged by ``f``'s own article?

        Groups chain pairs, so a statement can join one through another article's
        statement of its own value, and be legitimate against the reference where that
        one is not ("26-year-old Christopher Simpson" in January, "27-year-old" in
        September: he had a birthday).  An undated ``f`` is judged by ``dated``, its
        dated copies (:func:`_dated_copies`): it was written when they were.
        """
        if self._legitimate(f, ref):
            return True
        return f.doc.pub_date is None and bool(dated) and all(self._legitimate(g, ref) for g in dated)

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        facts = self._facts(corpus)
        if self.selector is not None:
            yield from self._report(facts, [list(range(len(facts)))])
            return
        # Syndicated copies repeat sentences word for word: identical facts collapse
        # to one representative before pairing, so ten copies cost one, not a
        # hundred pairs (scan time stays linear in the corpus).
        same: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            same[_signature(f)].append(i)
        members_of = list(same.values())
        # A representative speaks for the documents of its copies: a story's majority is
        # counted in documents, however many state it in one wire's words.
        reps = [replace(facts[ids[0]], copies=frozenset(facts[i].doc.path for i in ids)) for ids in members_of]
        strong: list[tuple[int, int]] = []
        alike: list[tuple[int, int]] = []  # pairs that only alike sentences make one fact
        separate = self.options["paraphrase_severity"] is not None
        words = self._shared_words(reps)
        for x, y, only_alike in self._scored_pairs(reps, words):
            (alike if only_alike and separate else strong).append((x, y))
        weak_severity = self.options["weak_severity"]
        weak: list[tuple[int, int]] = []
        names_in: dict[str, frozenset[str]] | None = None
        if self.options["story_names"] > 0 and weak_severity != "ignore":
            names_in = {doc.path: story_names(claims) for doc, claims in corpus.items()}
            weak = self._weak_pairs(reps, names_in, {*strong, *alike}, words)
        people, roles = self._holder_pairs(reps, names_in, {*strong, *alike, *weak})
        strong += people
        weak += roles
        # Who agrees with whom: the majority is counted over every statement paired with a
        # member of a conflict, not only over the conflicting pairs.
        seconds = _Seconds(members_of)
        for x, y in (*strong, *alike, *weak):
            if repr(reps[x].claim.value) == repr(reps[y].claim.value):
                seconds.add(x, y)
        # The strongest evidence reports first; a fact it reports is not reported again on weaker.
        done: set[int] = set()
        for pairs, severity in ((strong, None), (alike, self.options["paraphrase_severity"]),
                                (weak, weak_severity)):
            if severity == "ignore":
                continue
            groups = _groups([(x, y) for x, y in pairs if not self._legitimate(reps[x], reps[y])], members_of)
            yield from self._report(facts, groups, severity=severity, skip=done, seconds=seconds)
            done.update(i for g in groups for i in g)

    def _report(self, facts: Sequence[_Fact], groups: Sequence[Sequence[int]], severity: str | None = None,
                skip: Collection[int] = (), seconds: _Seconds | None = None) -> Iterable[Finding]:
        for members in groups:
            by_value: dict[str, list[int]] = defaultdict(list)
            for i in members:
                by_value[repr(facts[i].claim.value)].append(i)
            if len(by_value) < 2:
                continue

            def order(i: int) -> tuple[str, int]:
                return facts[i].doc.path, facts[i].claim.start

            statements = {v: seconds.of(ids) if seconds else set(ids) for v, ids in by_value.items()}
            majority = min(by_value, key=lambda v: (-len({facts[i].doc.path for i in statements[v]}),
                                                    min(order(i) for i in by_value[v])))
            refs = sorted(statements[majority], key=order)
            reported: set[str] = set()
            for i in sorted(members, key=order):
                f = facts[i]
                if i in skip or repr(f.claim.value) == majority or f.doc.path in reported:
                    continue
                # The reference is a statement of the majority value in another document:
                # pairs always join two documents, and a chain of them can put two facts of
                # one article in a group that no pairing ever compared.  It is one that ``f``
                # differs from illegitimately (a later, larger toll is an update, not a
                # rival); a few are tried, so that a group of thousands stays linear.  Where
                # the dated ones all find the difference legitimate (a birthday between
                # two reports), an undated one cannot tell otherwise.
                others = list(itertools.islice(
                    (facts[j] for j in refs if facts[j].doc.path != f.doc.path), MAX_REFS))
                dated = _dated_copies(f, facts, seconds.of([i])) if seconds and f.doc.pub_date is None else []
                rivals = [g for g in others if not self._legitimate_for(f, g, dated)]
                if not rivals or ((f.doc.pub_date is not None or dated) and len(rivals) < len(others)
                                  and all(g.doc.pub_date is None for g in rivals)):
                    continue
                ref = rivals[0]
                reported.add(f.doc.path)
                ref_loc = Location.of(ref.doc, ref.claim.start, ref.claim.end)
                yield self.rule.finding(f.doc, f.claim.start, f.claim.end, related=[ref_loc], severity=severity,
                                        other=f"{ref.doc.path}:{ref_loc.line}", found=_show(f.claim),
                                        expected=_show(ref.claim), kind=_kind_name(f.claim),
                                        unit=f.claim.unit or "")


#: Statements of the majority value tried as the reference of a reported one (see _report).
MAX_REFS = 5
#: An index key held by more facts than this is too common to identify one fact
#: (a word in every sentence, a name in every article): it is skipped, which also
#: keeps the pairing linear in the corpus.
MAX_POSTINGS = 300


#: Sentence words besides the subject's name that two figures said of one subject must
#: share (see ConflictKind._subject_pairs).
SUBJECT_WORDS = 3
#: Other values of a measure an article may give for the story's majority to set them
#: aside as the article's other facts (see _majority).
OTHER_FACTS = 1
#: The share of an age's sentence (words weighted by rarity) that the story's
#: statements of another age must use for the two to be one person's, when no other age's
#: statements use as much (see ConflictKind._likeness_pairs).
LIKENESS = 0.2
#: ... and the words, at least, they must use: one word in common is a short sentence's chance.
LIKE_WORDS = 2
#: Statements of one value that make a story's consensus (see ConflictKind._consensus_pairs).
CONSENSUS = 3
#: Words more than ``min_shared`` that each sentence of a consensus without shared story
#: names must share with the lone one (see ConflictKind._wording_majority_pairs).
WORDING_MARGIN = 2
#: The capitalised words right after a figure: the name it is part of ("17-inch MacBook Pro").
_NAME_AFTER_RE = re.compile(r"[ \t]*([A-Z][\w'’-]*)(?:[ \t]+([A-Z][\w'’-]*))?")
#: ... or right before it ("the MacBook Pro 17-inch").
_NAME_BEFORE_RE = re.compile(r"(?:([A-Z][\w'’-]*)[ \t]+)?([A-Z][\w'’-]*)[ \t]*$")
#: Capitalised words that do not name what a figure belongs to ("The 17-inch", "Tuesday 17").
_NOT_NAME_WORDS = STOPWORDS | NOT_NAMES


def _consensus_key(f: _Fact) -> tuple[object, ...] | None:
    """What a figure belongs to, for the story's consensus: an age whose holder is not
    named (a plausible human age), or the name the figure is part of; None otherwise."""
    c = f.claim
    if c.kind == "date":
        return None  # a date is compared by closeness (see ConflictKind._near_days)
    if c.get("age"):
        if f.named is not None or not isinstance(c.value, (int, float)) or c.value > 120:
            return None
        return ("age",)
    text = f.doc.text
    # The name after the figure, else the one before; the word touching the figure must be a name.
    for m, touching in ((_NAME_AFTER_RE.match(text, c.end), 1),
                        (_NAME_BEFORE_RE.search(text, max(0, c.start - 60), c.start), 2)):
        if m and m.group(touching).casefold() not in _NOT_NAME_WORDS:
            return ("name", f.key, tuple(g.casefold() for g in m.groups() if g))
    return None


def _story_reach(facts: Sequence[_Fact], x: int, mates: dict[int, list[int]]) -> list[int]:
    """``x``'s mates, then its mates' mates from other articles: the story two articles far.

    A wire story of a few paragraphs shares ``story_names`` names with one fuller
    report of its story, and that report with the rest: "A series of earthquakes
    killed a 10-year-old girl" then meets the articles that agree on the girl's age,
    though it shares too few names with them to tell the same story.  A mate's
    mate said of another subject is not heard ("the 36-year-old driver" is not "the
    66-year-old woman" the driver's articles also name): only a direct mate vouches
    for that.  At most :data:`MAX_POSTINGS` are added, from as many looked at four
    times over, which keeps a large story linear.
    """
    out = list(mates[x])
    seen = {x, *out}
    path = facts[x].doc.path
    subject = str(facts[x].claim.get("subject") or "").casefold()
    budget = 4 * MAX_POSTINGS
    added = 0
    for y in mates[x]:
        for z in mates[y]:
            budget -= 1
            if budget < 0 or added >= MAX_POSTINGS:
                return out
            if z in seen or facts[z].doc.path == path:
                continue
            other = str(facts[z].claim.get("subject") or "").casefold()
            if subject and other and other != subject:
                continue
            seen.add(z)
            out.append(z)
            added += 1
    return out


def documents_of(f: _Fact) -> frozenset[str]:
    """The documents that state ``f``: its own, and those of its identical copies when
    ``f`` represents them (syndicated copies collapse to one fact before pairing, see
    ``ConflictKind.check_corpus``; each copy is still one more article agreeing)."""
    return f.copies or frozenset((f.doc.path,))


def _majority(facts: Sequence[_Fact], x: int, mates: Sequence[int],
              own: frozenset[str] | None = None) -> tuple[str, list[int]] | None:
    """The value ``x``'s mates agree on, when ``x`` gives another: (the value, its
    statements); None when no value has two articles and twice the articles of any
    other, or when a mate gives ``x``'s value too.

    Another value ``x``'s own article gives is its other fact, not a rival: "404 yards
    rushing and 440 yards receiving" does not weigh the story's 440 against its 404.
    Only one (:data:`OTHER_FACTS`): an article listing many values of the measure (the
    share of traffic lost in six countries) gives too few clues which of the story's
    values is the same fact as ``x``.  ``own``: the values of ``x``'s article that
    could be such a fact (default: all it gives for the measure; for mates said of
    ``x``'s subject, those it gives the subject: another man's yards are not his)."""
    value = repr(facts[x].claim.value)
    docs: dict[str, set[str]] = defaultdict(set)
    said: dict[str, list[int]] = defaultdict(list)
    for y in mates:
        v = repr(facts[y].claim.value)
        docs[v].update(documents_of(facts[y]))
        said[v].append(y)
    if value in docs:
        return None
    others = (facts[x].given if own is None else own) - {value}
    if len(others) <= OTHER_FACTS:
        for v in others:
            docs.pop(v, None)
    if not docs:
        return None
    ranked = sorted(docs, key=lambda v: (-len(docs[v]), -len(said[v]), v))
    top = ranked[0]
    if len(docs[top]) < 2 or (len(ranked) > 1 and 2 * len(docs[ranked[1]]) > len(docs[top])):
        return None
    return top, said[top]


def _against_majorities(facts: Sequence[_Fact], mates: dict[int, list[int]], story_values: dict[int, set[str]],
                        known: set[tuple[int, int]], by_subject: bool = False) -> Iterable[tuple[int, int]]:
    """Each figure of ``mates`` whose value no other article of its story gives for the
    measure (``story_values``) against the value its mates agree on (:func:`_majority`),
    unless its own article gives that value too: then it states two facts.
    ``by_subject``: the mates are said of the figure's subject (see ``_Fact.said``)."""
    for x in sorted(mates):
        f = facts[x]
        if repr(f.claim.value) in story_values[x]:
            continue
        found = _majority(facts, x, mates[x], f.said if by_subject else None)
        if found is not None and found[0] not in f.given:
            yield from _against(x, found[1], known)


def _against(x: int, statements: Sequence[int], known: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """``x`` paired with the first statement of the value its story agrees on, and that
    statement with the others: they are the majority the report names (see _Seconds)."""
    y = statements[0]
    for pair in ((x, y), *((y, z) for z in statements[1:])):
        pair = (min(pair), max(pair))
        if pair not in known:
            yield pair


def _co_indexed(index: dict[Any, list[int]], facts: Sequence[_Fact]) -> Counter[tuple[int, int]]:
    """For each pair of facts from different documents, how many index keys list both."""
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) > MAX_POSTINGS:
            continue
        for a_i, x in enumerate(ids):
            for y in ids[a_i + 1:]:
                if facts[x].doc.path != facts[y].doc.path:
                    shared[(x, y)] += 1
    return shared


class _Seconds:
    """Which facts state the same value as a fact and were paired with it (copies included)."""

    def __init__(self, members_of: Sequence[Sequence[int]]) -> None:
        self.members_of = members_of
        self.rep_of = {i: r for r, ids in enumerate(members_of) for i in ids}
        self.partners: dict[int, list[int]] = defaultdict(list)

    def add(self, x: int, y: int) -> None:
        self.partners[x].append(y)
        self.partners[y].append(x)

    def of(self, ids: Iterable[int]) -> set[int]:
        out = set(ids)
        for i in list(out):
            for r in self.partners.get(self.rep_of[i], ()):
                out.update(self.members_of[r])
        return out


def _groups(pairs: Iterable[tuple[int, int]], members_of: Sequence[Sequence[int]]) -> list[list[int]]:
    """Connected components of the conflicting pairs, each representative expanded to its copies."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, y in pairs:
        parent[root(x)] = root(y)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in list(parent):
        groups[root(i)].extend(members_of[i])
    return list(groups.values())


#: Names that characterise an article's story: its most mentioned ones.  A bound, so
#: the story index stays linear in the figures of a document however many names it has.
STORY_NAMES = 32


def story_names(claims: Iterable[Claim]) -> frozenset[str]:
    """The article's most mentioned names (at most :data:`STORY_NAMES`; ties: first mentioned)."""
    count: Counter[str] = Counter(" ".join(c.text.casefold().split()) for c in claims if c.kind == "name")
    return frozenset(name for name, _n in count.most_common(STORY_NAMES))


def day_of(c: Claim) -> date | None:
    """The day an explicit date claim names ("June 27, 2001"), or None (a month, a year, "on Monday")."""
    if c.kind != "date" or c.get("granularity") != "day" or c.get("relative") or c.get("dateline"):
        return None
    try:
        return date.fromisoformat(str(c.value))
    except ValueError:
        return None


_NEED_PREFIX = frozenset((w,) for w in "need needs needed needing require requires required requiring".split())


def needed(f: _Fact) -> bool:
    """Is the figure one that is needed rather than one that is ("needed nine points to pass
    Ford", "requires 60 votes", "was three votes short of")?  What someone needs and what
    they got are two facts, however alike the sentences."""
    before, after = f.phrase
    return before[:1] in _NEED_PREFIX or after[:2] in (("short", "of"), ("shy", "of"))


#: A time unit's length in days, for a running time (see running).
_DAYS_IN = {"hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def running(f: _Fact) -> bool:
    """Is the figure a time still running when the article was written ("after eight days
    of riots", "12 weeks into the strike", "for the past three nights")?  It grows with
    the day of writing, as a toll does: two articles of two days give two values."""
    if f.claim.unit not in _DAYS_IN:
        return False
    before, after = f.phrase
    return (before[:1] == ("after",) and after[:1] == ("of",)) or after[:1] == ("into",) or \
        before[:2] in (("past", "the"), ("last", "the"))


def _ran_impossibly(a: _Fact, b: _Fact) -> bool:
    """Two running times of one thing that the days between their articles cannot explain:
    the later article's must be longer by those days, give or take one unit.  Unknown
    when a publication date is."""
    va, vb = a.claim.value, b.claim.value
    if a.doc.pub_date is None or b.doc.pub_date is None or \
            not isinstance(va, (int, float)) or not isinstance(vb, (int, float)):
        return False
    ua, ub = _DAYS_IN[str(a.claim.unit)], _DAYS_IN[str(b.claim.unit)]
    grown = vb * ub - va * ua  # how much longer b's time is than a's
    return abs(grown - (b.doc.pub_date - a.doc.pub_date).days) > max(ua, ub)


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


def _two_rates(a: _Fact, b: _Fact) -> bool:
    """Two conversions of one figure at two rates of the day: within CONVERSION_SPREAD."""
    va, vb = a.claim.value, b.claim.value
    if a.converts is None or a.converts != b.converts or \
            not isinstance(va, (int, float)) or not isinstance(vb, (int, float)):
        return False
    low, high = sorted((va, vb))
    return 0 < low and high <= CONVERSION_SPREAD * low


def _signature(f: _Fact) -> tuple[object, ...]:
    """Everything the pairing and legitimacy tests look at: equal signatures are one fact."""
    c = f.claim
    return (f.key, repr(c.value), f.words, f.sentence, f.unique, f.values, f.anchor, c.qualifier, c.get("subject"),
            c.get("per"), c.get("relative"), c.get("anchor"), c.get("modifier"), f.measure, f.phrase,
            f.holder, f.doc.pub_date, f.given, f.near, f.held, f.ages, f.others, f.converts, f.subject,
            f.said)


def _rest_agrees(a: _Fact, b: _Fact) -> bool:
    """Do two documents give the same values for this measure, but for these two figures?

    Each giving one value is the simplest case ("two boats" / "three boats"); two
    articles giving several agree on all but one ("226 yards" and "101 yards" /
    "226 yards" and "111 yards"), counting all their values of the measure or only
    those of the figures' order of size ("23 points" and "2,129 points" / "23 points").
    Not for dates: every date of an article shares one measure, and two stories of
    many dates can agree on all but two of different years ("June 2010" / "July
    1997"); dates pair by closeness instead.
    """
    if a.claim.kind == "date":
        return len(a.given) == len(b.given) == 1
    # A season's total or a career's is not one of a game's values (see _NearValues).
    return _others_agree(a.given, a, b.given, b) or _others_agree(a.near, a, b.near, b)


def _others_agree(values_a: frozenset[str], a: _Fact, values_b: frozenset[str], b: _Fact) -> bool:
    """Setting aside the two figures compared, do both give the same other values?

    The one test behind "one figure changed among several", whether the values are
    those of a sentence (:meth:`ConflictKind._paraphrase`) or of a whole document
    (:func:`_rest_agrees`).
    """
    return values_a - {repr(a.claim.value)} == values_b - {repr(b.claim.value)}


def _aged_impossibly(a: _Fact, b: _Fact, apart: int) -> bool:
    """Ages of one named person in articles published ``apart`` days apart that the
    time between them cannot explain.

    A person ages as the articles do: "34-year-old Zurana Horton" in October 2011
    may be 34 (her age when she died), 35 or 36 in April 2013 -- never 17, nor 33.
    """
    if a.named is None or b.named is None or not same_person(a.named, b.named):
        return False
    assert a.doc.pub_date is not None and b.doc.pub_date is not None
    early, late = (a, b) if a.doc.pub_date <= b.doc.pub_date else (b, a)
    ve, vl = early.claim.value, late.claim.value
    if not isinstance(ve, (int, float)) or not isinstance(vl, (int, float)):
        return False
    return not ve <= vl <= ve + math.ceil(apart / 365.25)


def _dated_copies(f: _Fact, facts: Sequence[_Fact], seconds: Iterable[int]) -> list[_Fact]:
    """The dated statements among ``seconds`` (those seconding the undated ``f``) that give
    its sentence word for word: the copies that tell when it was written.  Read only for
    an undated ``f``, once however many references it is judged against."""
    said = _sentence_text(f)
    return [facts[j] for j in seconds if facts[j].doc.pub_date is not None and _sentence_text(facts[j]) == said]


def _sentence_text(f: _Fact) -> str:
    """The sentence a fact is stated in, its whitespace normalised."""
    return " ".join(f.doc.text[f.claim.sentence[0]:f.claim.sentence[1]].split())


def _show(c: Claim) -> str:
    return f"'{' '.join(c.text.split())}'"


def _kind_name(c: Claim) -> str:
    return {"date": "Date", "count": "Count", "vote": "Vote", "ordinal": "Ordinal"}.get(c.kind, "Figure")
