"""``factcheck test-rules``: run the examples embedded in rule files.

A ``fail:`` example must produce at least one finding of its rule; a
``pass:`` example must produce none.  Multi-file examples exercise corpus
rules exactly as a scan would: every file's claims, then the corpus phase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from factcheck.claims.base import Claim
from factcheck.documents import Document, format_of, parse_document
from factcheck.findings import Finding
from factcheck.rules.model import Example, Rule


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    expect_fail: bool
    example: Example
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return bool(self.findings) == self.expect_fail

    def describe(self) -> str:
        where = f"{self.rule.origin.rpartition(':')[0]}:{self.example.line}" if self.example.line else \
            self.rule.origin
        first = next(iter(self.example.files.values()))
        text = first if len(first) <= 70 else first[:67] + "..."
        if self.expect_fail:
            return f"{where}: fail example produced no finding: {text!r}"
        msgs = "; ".join(f.message for f in self.findings[:2])
        return f"{where}: pass example produced {len(self.findings)} finding(s): {text!r} -> {msgs}"


def run_example(rule: Rule, example: Example) -> tuple[Finding, ...]:
    """Findings of ``rule`` on the example's files (document and corpus phases)."""
    from factcheck.engine import _needed_kinds, analyse_document, run_corpus_rules

    kinds = _needed_kinds([rule])  # a pattern rule's examples need no extractor at all

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
    return tuple(f for f in findings if f.rule == rule.id)


def run_rule_tests(rules: Sequence[Rule]) -> list[ExampleResult]:
    results = []
    for rule in rules:
        for ex in rule.fail:
            results.append(ExampleResult(rule, True, ex, run_example(rule, ex)))
        for ex in rule.passes:
            results.append(ExampleResult(rule, False, ex, run_example(rule, ex)))
    return results
