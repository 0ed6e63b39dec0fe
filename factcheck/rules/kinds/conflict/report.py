"""Reporting conflicts: from conflicting pairs to findings with the agreeing statement as ``related``.

Pairs chain into groups (:func:`conflict_groups`); in each group the value
stated in the most documents is the majority, counting every statement paired
with a member of the group (:class:`Seconds`), not only the conflicting ones.
Each article giving another value gets one finding, pointing at a statement of
the majority in another document that it differs from illegitimately (see
:mod:`.exemptions`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from factcheck.claims.base import Claim
from factcheck.findings import Finding, Location
from factcheck.fixes import replace_span
from factcheck.rules.kinds.conflict.exemptions import dated_copies, legitimate_for
from factcheck.rules.kinds.conflict.options import ConflictOptions
from factcheck.rules.kinds.conflict.statements import Statement
from factcheck.rules.model import Rule

#: Statements of the majority value tried as the reference of a reported one (see report).
MAX_REFS = 5


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
           seconds: Seconds | None = None) -> Iterable[Finding]:
    """The findings of conflicting groups: in each, every statement of a value other than the
    majority's (the value stated in the most documents, counting ``seconds``), with a
    statement of the majority it differs from illegitimately as ``related``.  ``skip``:
    statements a stronger pairing already reported; ``severity``: None for the rule's.
    """
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
            others = list(itertools.islice(
                (facts[j] for j in refs if facts[j].doc.path != f.doc.path), MAX_REFS))
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
            yield rule.finding(f.doc, f.claim.start, f.claim.end, related=[ref_loc], severity=severity, fix=fix,
                                    other=f"{ref.doc.path}:{ref_loc.line}", found=show(f.claim),
                                    expected=show(ref.claim), kind=kind_name(f.claim),
                                    unit=f.claim.unit or "")


def show(c: Claim) -> str:
    """A claim's text as a message quotes it, on one line."""
    return f"'{' '.join(c.text.split())}'"


def kind_name(c: Claim) -> str:
    """What a message calls the claim's kind ("Date", "Figure")."""
    return {"date": "Date", "count": "Count", "vote": "Vote", "ordinal": "Ordinal"}.get(c.kind, "Figure")
