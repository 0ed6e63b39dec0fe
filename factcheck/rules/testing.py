"""``factcheck test-rules``: run the examples embedded in rule files.

A ``fail:`` example must produce at least one finding of its rule; one with
``expect:`` must produce exactly the findings it lists -- each expectation met
by a finding of its own, and no finding left over (as semgrep's ``ruleid:``
annotations pin theirs), so a rule that starts finding the wrong thing, or
the right thing at the wrong severity, fails its own tests.  A ``pass:``
example must produce none.  Multi-file examples exercise corpus rules
exactly as a scan would: every file's claims, then the corpus phase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from factcheck.claims.base import Claim
from factcheck.documents import Document, format_of, parse_document
from factcheck.findings import Finding
from factcheck.rules.model import Example, Expectation, Rule, describe_finding


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    expect_fail: bool
    example: Example
    findings: tuple[Finding, ...]
    #: expectations no finding met, and findings no expectation accounts for (``expect:`` cases only).
    missing: tuple[Expectation, ...] = ()
    unexpected: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        if self.expect_fail and self.example.expect is not None:
            return not self.missing and not self.unexpected
        return bool(self.findings) == self.expect_fail

    def lines(self) -> list[str]:
        """What went wrong: a headline, then (for ``expect:`` cases) one line per difference."""
        where = f"{self.rule.origin.rpartition(':')[0]}:{self.example.line}" if self.example.line else \
            self.rule.origin
        kind = "fail" if self.expect_fail else "pass"
        if self.example.name is not None:
            label, text = f"{kind} example {self.example.name!r}", ""
        else:
            first = next(iter(self.example.files.values()))
            label, text = f"{kind} example", f": {first if len(first) <= 70 else first[:67] + '...'!r}"
        if not self.expect_fail:
            msgs = "; ".join(f.message for f in self.findings[:2])
            return [f"{where}: {label} produced {len(self.findings)} finding(s){text} -> {msgs}"]
        if self.example.expect is None or not self.findings:
            head = [f"{where}: {label} produced no finding{text}"]
            return head + [f"  expected: {e.describe()}" for e in self.example.expect or ()]
        return ([f"{where}: {label} did not find what it expects{text}"]
                + [f"  expected, not found: {e.describe()}" for e in self.missing]
                + [f"  found, not expected: {describe_finding(f)}" for f in self.unexpected])

    def describe(self) -> str:
        return "\n".join(self.lines())


def match_expectations(expect: Sequence[Expectation], findings: Sequence[Finding]
                       ) -> tuple[tuple[Expectation, ...], tuple[Finding, ...]]:
    """Pair each expectation with a finding of its own (a maximum bipartite matching, so
    that a loose expectation never takes the one finding a stricter one needed) and return
    the expectations left unmet and the findings left over."""
    owner: dict[int, int] = {}  # finding index -> expectation index

    def claim(e: int, seen: set[int]) -> bool:
        for f, finding in enumerate(findings):
            if f in seen or not expect[e].met_by(finding):
                continue
            seen.add(f)
            if f not in owner or claim(owner[f], seen):
                owner[f] = e
                return True
        return False

    met = {e for e in range(len(expect)) if claim(e, set())}
    return (tuple(x for e, x in enumerate(expect) if e not in met),
            tuple(x for f, x in enumerate(findings) if f not in owner))


def run_example(rule: Rule, example: Example) -> tuple[Finding, ...]:
    """Findings of ``rule`` on the example's files (document and corpus phases)."""
    from factcheck.engine import analyse_document, needed_kinds, run_corpus_rules

    kinds = needed_kinds([rule])  # a pattern rule's examples need no extractor at all

    docs: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    findings: list[Finding] = []
    for name in sorted(example.files):
        doc = parse_document(name, example.files[name], format_of(PurePosixPath(name)))
        doc_claims, doc_findings = analyse_document(doc, [rule], kinds)
        docs.append(doc)
        claims[doc.path] = doc_claims
        findings.extend(doc_findings)
    findings.extend(run_corpus_rules([rule], docs, claims))
    return tuple(sorted((f for f in findings if f.rule == rule.id), key=lambda f: f.sort_key))


def run_case(rule: Rule, example: Example, expect_fail: bool) -> ExampleResult:
    findings = run_example(rule, example)
    if expect_fail and example.expect is not None:
        missing, unexpected = match_expectations(example.expect, findings)
        return ExampleResult(rule, expect_fail, example, findings, missing, unexpected)
    return ExampleResult(rule, expect_fail, example, findings)


def run_rule_tests(rules: Sequence[Rule]) -> list[ExampleResult]:
    results = []
    for rule in rules:
        for ex in rule.fail:
            results.append(run_case(rule, ex, True))
        for ex in rule.passes:
            results.append(run_case(rule, ex, False))
    return results
