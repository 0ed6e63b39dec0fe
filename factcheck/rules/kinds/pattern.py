"""``type: pattern`` -- flag text that matches regular expressions or a word list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.errors import RuleError
from factcheck.findings import Finding
from factcheck.rules.kinds.base import Kind, compile_user_regex, literal_regex
from factcheck.rules.model import Option, Rule


class PatternKind(Kind):
    """Flag every match of ``patterns`` (RE2 regular expressions) or ``words`` (literal phrases).

    Matching is case-insensitive and whole-word unless ``case_sensitive`` /
    ``whole_word`` say otherwise.  Patterns run on RE2, in linear time.

    Example::

        id: house/anonymous-sources
        type: pattern
        severity: info
        message: "Unnamed source: '{match}'. Can it be attributed?"
        words: ["on condition of anonymity", "sources said"]
        tests:
          fail: ["Officials, speaking on condition of anonymity, said so."]
          pass: ["The minister said so on the record."]
    """

    name = "pattern"
    OPTIONS = {
        "patterns": Option((list,), default=[], items=(str,), help="regular expressions (RE2 syntax)"),
        "words": Option((list,), default=[], items=(str,), help="literal words or phrases"),
        "case_sensitive": Option((bool,), default=False, help="match case exactly"),
        "whole_word": Option((bool,), default=True, help="only match whole words"),
    }
    NEEDS = ()

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        pats: list[str] = []  # each already carries its word boundaries
        whole_word = options["whole_word"]
        for key in ("patterns", "words"):
            for item in options[key]:
                if not isinstance(item, str) or not (item.strip() if key == "words" else item):
                    raise RuleError("must be a list of non-empty strings", path=shown,
                                    line=raw.line_of(key), key=key)
                if key == "patterns":
                    compile_user_regex(item, case_sensitive=options["case_sensitive"], whole_word=whole_word,
                                       shown=shown, line=raw.line_of(key), key=key)
                    pats.append(rf"\b(?:{item})\b" if whole_word else item)
                else:
                    # Literal phrases: boundaries only at word-character ends ("U.S.", "#tag").
                    pats.append(literal_regex(item, whole_word=whole_word))
        if not pats:
            raise RuleError("a pattern rule needs 'patterns' or 'words'", path=shown, line=raw.line,
                            key="patterns")
        self = cls(rule, options)
        self.regex = compile_user_regex("|".join(f"(?:{p})" for p in pats),
                                        case_sensitive=options["case_sensitive"],
                                        whole_word=False, shown=shown,
                                        line=raw.line, key="patterns")
        return self

    regex: Any

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        for m in self.regex.finditer(doc.text):
            if m.end() > m.start():
                yield self.rule.finding(doc, m.start(), m.end())
