"""``type: conflict`` -- the same fact stated with different values by two documents.

Facts are compared within a story only (``CorpusView.stories``: the documents
that report one real-world event): two documents of different stories are
never compared, however alike their sentences, and every document of a story
is compared with the rest of it.  Within it, "the same fact" is found
generally: every figure or date claim is described by the words around it
with all figures and dates masked out.  Two claims of the same kind, unit and
counted words ("career points" is not "points") in different documents, not
credited to differently named subjects ("Richard
Carter scored 14 points" / "13 points from Seth VanDeest": see
:func:`name_anchor`), state the same fact when their masked contexts nearly
coincide and the word after the figure agrees, or -- for paraphrases -- when
their sentences overlap, words weighted by rarity, and each holds the only
claim of that kind and unit (or all their others of it agree), or -- for a
wire sentence one outlet reworded around the figure -- when the figures sit in
the same verbatim phrase (``min_run`` words, ``min_shared`` of them telling;
see :func:`shared_phrase`).  Ages belong to a holder (:func:`age_holder`): two
ages of one named person are one fact however the sentences differ, the given
name in a short form or another transliteration too ("Alexis" / "Alexandros
Grigoropoulos": see ``holders.one_person``).  If their
values are incompatible, the minority value is reported with the locations of
majority statements in other documents as ``related``; the majority counts
every document paired with a statement of that value, not only the conflicting
ones.  Each finding records its evidence (``data["evidence"]``: the pairing
path that made it, its story, the agreeing documents; see
:mod:`factcheck.rules.evidence`).  Candidates meet through an inverted index of context words after
identical facts (syndicated copies) are collapsed, never by comparing every
pair of sentences.

Weaker evidence is reported at ``weak_severity`` (info by default, so it does
not fail a build): two articles of one story that each give one value, and
only one, for the same measure (or agree on all its values but one), in
sentences sharing a few words but worded too differently for the contexts to
pair ("the warship attacked two boats of pirates" / "pirates aboard three
boats were firing").  About half of these are real disagreements between
outlets; the rest are two facts of one story (a season's games and the games
missed).  Dates are rarer values than counts: day-precise dates of one story
at most ``near_days`` apart pair even when the articles give several, unless
one of them names another day of that week.  And two ages of one role ("the
35-year-old deputy") in one story, where the articles agree on the role's other
ages (``age_holders``).  A value one article alone gives is also weighed against what
the rest of its story agrees on, or what three articles or more of the story
agree on in sentences worded much like its own; an
unnamed age, against the age whose statements in the story use most of its
sentence's words (see ``likeness_pairs``).  And figures said of one
named subject in one story ("Luck threw for 205 yards"), where the articles
agree on the subject's other values of the measure (see :func:`figure_subject`).
Whichever path paired it, the odd one out -- a value no other article of the
story gives, against one two articles or more agree on, worded alike -- is
reported at the rule's severity (see ``majority.odd_ones``).  So is one article
against one other where the figures sit in the same slot of their sentences:
content words shared right before and right after both figures, no other
figure of the sentences disagreeing, neither article giving the other's value
("falling about 60m from a ridge" / "falling 150 meters from a ridge"; see
:mod:`.slot`).  And a value its measure cannot take (an earthquake of magnitude
11.4), against the story's statement of the measure most like it, whichever of the
story's values it should equal (see :mod:`.impossible`).  And, reading the fact's
key (story, subject, measure) rather than the wording, a value one article alone
gives a person named in full, against the value three articles or more of the
story give that person, though someone else of the story has the lone value
("Gregory Echenique scored 8 points" / eight articles' 11; see :mod:`.fact_keys`).
Two facts of one story share the counted noun, not the words
governing it ("killed 230,000 people across Asia" / "killed 170,000 people in
the province"), and stay weaker evidence.

Legitimate differences are kept out:

* a figure is compatible with the values its bounds admit, as the extractor
  read its qualifier (:mod:`factcheck.claims.bounds`): "about 500,000" with
  "498,000" (±10 %); "more than 80", "in excess of 80", "no fewer than 80"
  with "82"; "as many as 500", "up to 500" with "450"; "dozens" with "82";
  "just over 100" with 100 to 110, "well over 100" only from 110.  A figure
  stated "exactly" or "just" ("just 404 yards") admits only itself;
* articles published far apart (``max_days_apart``) report different events
  even in the same words, and two that each date what they tell on their own
  day of publication ("announced today (14 October 2011)") two announcements;
* two values that each sentence gives ("$1,099 for the 13-inch and $1,799
  for the 15-inch") are two facts, whichever way the contexts pair them;
* conversions of one figure differ by the rate of the day, within
  :data:`CONVERSION_SPREAD` ("€110 billion ($158 billion)" / "€110 billion
  ($143 billion)"): the figure converted is the fact, and is compared itself;
* a figure needed is not a figure got ("needed nine points" / "posting 20
  points"), and a time still running grows with the day of writing ("after
  eight days of riots"): see :func:`needed` and :func:`running`;
* a running total ("So far the navy has confiscated 14 rifles", "a total
  of", "to date") is another fact than one event's figure;
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

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from factcheck.findings import Finding
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.conflict import (
    exemptions,
    fact_keys,
    holders,
    impossible,
    majority,
    slot,
    strong,
    weak,
)
from factcheck.rules.kinds.conflict.keys import shared_words
from factcheck.rules.kinds.conflict.options import NEEDS, OPTIONS, ConflictOptions
from factcheck.rules.kinds.conflict.report import Seconds, conflict_groups, report
from factcheck.rules.kinds.conflict.statements import Statement, read_statements, signature
from factcheck.rules.kinds.facts import ClaimSelector
from factcheck.rules.model import CorpusView, Rule


class ConflictKind(Kind):
    """Report a figure or date that another document gives differently for the same fact."""

    name = "conflict"
    scope = "corpus"
    NEEDS = NEEDS
    OPTIONS = OPTIONS
    PLACEHOLDERS = ("other", "found", "expected", "kind", "unit")

    selector: ClaimSelector | None
    #: The options as one typed record (:class:`.options.ConflictOptions`), read by every
    #: comparison instead of ``options``.  A benchmark sweeping a threshold replaces it
    #: (``dataclasses.replace``); editing the ``options`` dict changes nothing.
    settings: ConflictOptions

    def __init__(self, rule: Rule, options: dict[str, Any]) -> None:
        super().__init__(rule, options)
        self.settings = ConflictOptions.of(options)
        self.selector = None

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        self = cls(rule, options)
        self.selector = ClaimSelector(options["select"], shown, raw.line_of("select")) \
            if options.get("select") else None
        return self

    def per_story(self) -> bool:
        """Facts pair within a story only (their rarity weights are then the story's); an explicit
        fact key (``select``) holds across the corpus."""
        return self.selector is None

    # The steps of check_corpus, public so that benchmarks measure the rule's own pairing.

    def statements(self, corpus: CorpusView) -> list[Statement]:
        """Every claim of the corpus this rule compares (see :func:`.statements.read_statements`)."""
        return read_statements(corpus, self.settings, self.selector)

    def pairs(self, facts: Sequence[Statement]) -> Iterable[tuple[int, int]]:
        """Every pair of statements the strong pairing takes for one fact (see :mod:`.strong`)."""
        return strong.pairs(facts, self.settings)

    def weak_paths(self, facts: Sequence[Statement], known: set[tuple[int, int]],
                   counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None,
                   ) -> list[tuple[str, list[tuple[int, int]]]]:
        """The pairs each weak path takes for one fact, besides the ``known`` ones, by the path's
        name (see :mod:`.weak`).  ``counted``: :func:`.keys.shared_words`, if already counted."""
        return weak.weak_paths(facts, self.settings, known, counted)

    def weak_pairs(self, facts: Sequence[Statement], known: set[tuple[int, int]],
                   counted: tuple[Counter[tuple[int, int]], dict[str, float]] | None = None) -> list[tuple[int, int]]:
        """Every pair the weak pairing takes for one fact, besides the ``known`` ones, whichever
        path took it (see :meth:`weak_paths`)."""
        return [pair for _name, pairs in self.weak_paths(facts, known, counted) for pair in pairs]

    def holder_pairs(self, facts: Sequence[Statement], known: set[tuple[int, int]],
                     roles_too: bool = True) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Ages of one holder: (pairs of a named person, pairs of a role); see :mod:`.holders`."""
        return holders.holder_pairs(facts, self.settings, known, roles_too)

    def legitimate(self, a: Statement, b: Statement) -> bool:
        """Is the difference between two statements paired as one fact legitimate (see :mod:`.exemptions`)?"""
        return exemptions.legitimate(a, b, self.settings)

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        """Statements, then pairs (strong, paraphrase-only, weak, holders), then the pairs no
        exemption excuses, grouped and reported strongest evidence first."""
        settings = self.settings
        facts = self.statements(corpus)
        if self.selector is not None:
            yield from report(self.rule, facts, [list(range(len(facts)))], settings)
            return
        # Syndicated copies repeat sentences word for word: identical facts collapse
        # to one representative before pairing, so ten copies cost one, not a
        # hundred pairs (scan time stays linear in the corpus).
        same: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            same[signature(f)].append(i)
        members_of = list(same.values())
        # A representative speaks for the documents of its copies: a story's majority is
        # counted in documents, however many state it in one wire's words.
        # A fact without copies speaks for its own document already (``documents_of``): only the
        # representatives of two or more are new statements.
        reps = [facts[ids[0]] if len(ids) == 1 else
                replace(facts[ids[0]], copies=frozenset(facts[i].doc.path for i in ids)) for ids in members_of]
        # Each tier of evidence, strongest first: (severity, [(path name, pair)]); None is the rule's.
        firm: list[tuple[str, tuple[int, int]]] = []  # the strong pairing's pairs (loose: the weak pairing's)
        alike: list[tuple[str, tuple[int, int]]] = []  # pairs that only alike sentences make one fact
        separate = settings.paraphrase_severity is not None
        words = shared_words(reps)
        for x, y, path in strong.scored_pairs(reps, settings, words):
            (alike if path == strong.ALIKE and separate else firm).append((path, (x, y)))
        weak_severity = settings.weak_severity
        loose: list[tuple[str, tuple[int, int]]] = []
        known = {pair for _path, pair in (*firm, *alike)}
        if weak_severity != "ignore":
            for path, pairs in self.weak_paths(reps, known, words):
                loose += ((path, pair) for pair in pairs)
        # Ages of one named person are as strong evidence as the strong pairing's: a pair that
        # only alike sentences or a weak path took is reported on the person, at the rule's severity.
        weaker = {*(pair for _path, pair in alike), *(pair for _path, pair in loose)}
        people, roles = self.holder_pairs(reps, {pair for _path, pair in firm}, roles_too=weak_severity != "ignore")
        named = set(people)
        firm += ((holders.PERSON, pair) for pair in people)
        loose += ((holders.ROLE, pair) for pair in roles if pair not in weaker)
        for tier in (alike, loose):
            tier[:] = [(path, pair) for path, pair in tier if pair not in named]
        # A lone value against an agreed one in alike words is reported at the rule's severity (see odd_ones).
        for tier in (alike, loose):
            odd, tier[:] = majority.odd_ones(reps, tier, words[1], settings.min_shared)
            firm += odd
        # So is a weak pair whose figures sit in the same slot of their sentences (see slot.same_slots);
        # alike sentences keep ``paraphrase_severity``, the option that says how much a user trusts them.
        lifted, loose[:] = slot.same_slots(reps, loose)
        firm += lifted
        # A person's value one article alone gives, against what its story agrees on for that person:
        # one fact key, at the rule's severity (see fact_keys).
        firm += ((fact_keys.FACT_KEY, pair) for pair in
                 fact_keys.fact_key_pairs(reps, {pair for _path, pair in firm}))
        # A value its measure cannot take is wrong whichever of the story's values it should equal
        # (see impossible.impossible_pairs): paired with the most alike statement, at the rule's severity.
        firm += ((impossible.IMPOSSIBLE, pair) for pair in
                 impossible.impossible_pairs(reps, words[1], {pair for _path, pair in firm}))
        # Who agrees with whom: the majority is counted over every statement paired with a
        # member of a conflict, not only over the conflicting pairs.
        seconds = Seconds(members_of)
        for _path, (x, y) in (*firm, *alike, *loose):
            if repr(reps[x].claim.value) == repr(reps[y].claim.value):
                seconds.add(x, y)
        # The strongest evidence reports first; a fact it reports is not reported again on weaker.
        done: set[int] = set()
        for found, severity in ((firm, None), (alike, settings.paraphrase_severity),
                                (loose, weak_severity)):
            if severity == "ignore":
                continue
            conflicting = [(path, (x, y)) for path, (x, y) in found if not self.legitimate(reps[x], reps[y])]
            groups = conflict_groups([pair for _path, pair in conflicting], members_of)
            # Each statement's evidence is the first path that paired it in this tier.
            why: dict[int, str] = {}
            for path, pair in conflicting:
                for r in pair:
                    for i in members_of[r]:
                        why.setdefault(i, path)
            yield from report(self.rule, facts, groups, settings, severity=severity, skip=done, seconds=seconds,
                              why=why)
            done.update(i for g in groups for i in g)
