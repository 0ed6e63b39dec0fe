"""Reporting conflicts: from conflicting pairs to findings with the agreeing statement as ``related``.

Pairs chain into groups (:func:`conflict_groups`); in each group the value
stated in the most documents is the majority, counting every statement paired
with a member of the group (:class:`Seconds`), not only the conflicting ones.
Each article giving another value gets one finding, pointing at a statement of
the majority in another document that it differs from illegitimately (see
:mod:`.exemptions`), then at such a statement of each other agreeing document
among those tried (at most :data:`MAX_RELATED` in all), and recording its evidence: the pairing path
that paired it, its story, every document stating the majority value (see
:mod:`factcheck.rules.evidence`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from factcheck.claims.base import Claim
from factcheck.findings import Finding, Location
from factcheck.fixes import replace_span
from factcheck.rules.evidence import Evidence
from factcheck.rules.kinds.conflict.exemptions import dated_copies, legitimate_for
from factcheck.rules.kinds.conflict.impossible import beyond
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.statements import Statement, documents_of
from factcheck.rules.model import Rule

#: Articles of the majority value tried as the reference of a reported one (see report): a few,
#: so that a group of thousands stays linear.
MAX_REFS = 5
#: Locations a finding lists as related: the reference, then one statement of each other agreeing
#: article it truly contradicts.  The evidence lists every agreeing article; a report line per
#: article of a story of fifty would bury the finding.
MAX_RELATED = MAX_REFS
#: The evidence of an explicit fact key's findings (``select``), and of a pair no path named.
SELECTED = "selected fact"


class Seconds:
    """Which facts state the same value as a fact and were paired with it (copies included).

    Pairs join representatives of syndicated copies (see ``ConflictKind.check_corpus``);
    ``members_of`` expands each representative to the statements it stands for.
    """

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


def conflict_groups(pairs: Iterable[tuple[int, int]], members_of: Sequence[Sequence[int]]) -> list[list[int]]:
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


def report(rule: Rule, facts: Sequence[Statement], groups: Sequence[Sequence[int]], settings: ConflictOptions,
           severity: str | None = None, skip: Collection[int] = (),
           seconds: Seconds | None = None, why: dict[int, str] | None = None) -> Iterable[Finding]:
    """The findings of conflicting groups: in each, every statement of a value other than the
    majority's (the value stated in the most documents, counting ``seconds``), with a
    statement of the majority it differs from illegitimately as ``related``, then one of
    each other agreeing document.  ``skip``: statements a stronger pairing already
    reported; ``severity``: None for the rule's; ``why``: the name of the pairing path
    that paired each statement, for its evidence.
    """
    index = value_documents(facts) if groups else {}
    for members in groups:
        by_value: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_value[repr(facts[i].claim.value)].append(i)
        if len(by_value) < 2:
            continue

        def order(i: int) -> tuple[str, int]:
            return facts[i].doc.path, facts[i].claim.start

        statements = {v: seconds.of(ids) if seconds else set(ids) for v, ids in by_value.items()}
        # A tie among the paired documents goes to the value more articles of the story state
        # for the measure besides them ("dragging her 12 feet" / "dragging her 10 feet", paired
        # alone, while two more articles say 10 feet), not to path order: the odd one out is reported.
        story_wide = stated(index, facts, members)
        # A value its measure cannot take (see .impossible) is never the majority, however many state it.
        majority = min(by_value, key=lambda v: (beyond(facts[by_value[v][0]]),
                                                -len({facts[i].doc.path for i in statements[v]}),
                                                -story_wide.get(v, 0), min(order(i) for i in by_value[v])))
        refs = sorted(statements[majority], key=order)
        docs_of = {v: len({facts[i].doc.path for i in statements[v]}) for v in by_value}
        # A fix only when the rest of the story agrees: the majority value is stated in more
        # documents than any other value, never a tie broken by path order.
        agreed = all(docs_of[majority] > n for v, n in docs_of.items() if v != majority)
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
            others = list(itertools.islice(first_of_each(facts, refs, f.doc.path), MAX_REFS))
            dated = dated_copies(f, facts, seconds.of([i])) if seconds and f.doc.pub_date is None else []
            rivals = [g for g in others if not legitimate_for(f, g, dated, settings)]
            if not rivals or ((f.doc.pub_date is not None or dated) and len(rivals) < len(others)
                              and all(g.doc.pub_date is None for g in rivals)):
                continue
            ref = rivals[0]
            reported.add(f.doc.path)
            ref_loc = Location.of(ref.doc, ref.claim.start, ref.claim.end)
            # Which article is right is a judgement: an unsafe fix, with the majority's words.
            fix = replace_span(f.doc, f.claim.start, f.claim.end, " ".join(ref.claim.text.split()), safe=False) \
                if agreed else None
            agreeing = {facts[j].doc.path for j in refs} - {f.doc.path}
            related = [Location.of(g.doc, g.claim.start, g.claim.end) for g in rivals[:MAX_RELATED]]
            evidence = Evidence.of((why or {}).get(i, SELECTED), f.story, agreeing)
            yield rule.finding(f.doc, f.claim.start, f.claim.end, related=related, severity=severity,
                               data={"evidence": evidence.as_json()}, fix=fix,
                               other=f"{ref.doc.path}:{ref_loc.line}", found=show(f.claim),
                               expected=show(ref.claim), kind=kind_name(f.claim), unit=f.claim.unit or "")


def value_documents(facts: Sequence[Statement]) -> dict[tuple[object, ...], dict[str, set[str]]]:
    """(story, kind and unit, measure) -> value -> the documents of the story stating it
    (each identical copy one more document), over all ``facts``: read once per report."""
    index: dict[tuple[object, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for f in facts:
        index[(f.story, f.key, f.measure)][repr(f.claim.value)].update(documents_of(f))
    return index


def stated(index: dict[tuple[object, ...], dict[str, set[str]]], facts: Sequence[Statement],
           members: Sequence[int]) -> dict[str, int]:
    """How many other documents of the story, none of the group's own, state each value of
    ``members``' measures (``index``: :func:`value_documents`): the tie-breaker of a group's
    majority.  The group's own documents are left out: an article giving both values ("four
    miles west of Cobb, and six miles west of Anderson Springs") is no third party."""
    own = {facts[i].doc.path for i in members}
    out: dict[str, int] = {}
    for key in {(facts[i].story, facts[i].key, facts[i].measure) for i in members}:
        for value, docs in index.get(key, {}).items():
            out[value] = max(out.get(value, 0), len(docs - own))
    return out


def first_of_each(facts: Sequence[Statement], refs: Sequence[int], own: str) -> Iterable[Statement]:
    """The first of ``refs`` (in path order) of each document but ``own``: one statement per
    agreeing article, so the references tried and listed are as many articles."""
    seen = {own}
    for j in refs:
        g = facts[j]
        if g.doc.path not in seen:
            seen.add(g.doc.path)
            yield g


def show(c: Claim) -> str:
    """A claim's text as a message quotes it, on one line."""
    return f"'{' '.join(c.text.split())}'"


def kind_name(c: Claim) -> str:
    """What a message calls the claim's kind ("Date", "Figure")."""
    return {"date": "Date", "count": "Count", "vote": "Vote", "ordinal": "Ordinal"}.get(c.kind, "Figure")
