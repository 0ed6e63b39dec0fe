"""``type: substitution`` -- a map of wrong -> right, with the right form as suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.errors import RuleError
from factcheck.findings import Finding
from factcheck.fixes import replace_span
from factcheck.rules.kinds.base import Kind, compile_user_regex, literal_regex
from factcheck.rules.model import Option, Rule


def match_case(found: str, replacement: str) -> str:
    """Give the replacement the capitalisation of what was found ("Untill" -> "Until").

    Only an all-lower-case replacement takes the found case: one the rule
    writes with capitals ("UN Security Council", "iPhone", "Paris") is spelled
    as the rule wants it, so "UNSC" becomes "UN Security Council", never
    "UN SECURITY COUNCIL".
    """
    if replacement != replacement.lower():
        return replacement
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _fold(text: str, case_sensitive: bool) -> str:
    key = re.sub(r"\s+", " ", text.strip())
    return key if case_sensitive else key.casefold()


class SubstitutionKind(Kind):
    """Flag each key of ``swap`` and suggest its value.

    Case-insensitive and whole-word by default; an all-lower-case suggestion
    takes the capitalisation of the text found, one written with capitals
    (an acronym, a proper name) is suggested exactly as written.  Message
    placeholders: ``{match}``, ``{suggestion}``.

    Example::

        id: house/spelling
        type: substitution
        severity: warning
        message: "'{match}' is misspelled: write '{suggestion}'."
        swap: {untill: until, goverment: government}
        tests:
          fail: ["The goverment said so."]
          pass: ["The government said so."]
    """

    name = "substitution"
    OPTIONS = {
        "swap": Option((dict,), required=True, help="mapping of wrong -> right"),
        "case_sensitive": Option((bool,), default=False, help="match case exactly"),
        "whole_word": Option((bool,), default=True, help="only match whole words"),
    }
    PLACEHOLDERS = ("suggestion",)
    NEEDS = ()

    regex: Any
    lookup: dict[str, str]

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        swap = options["swap"]
        line = raw.line_of("swap")
        if not swap:
            raise RuleError("must not be empty", path=shown, line=line, key="swap")
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong.strip():
                raise RuleError(f"entries must map a string to a string, not {wrong!r}: {right!r}",
                                path=shown, line=swap.line_of(wrong) if hasattr(swap, "line_of") else line,
                                key=f"swap.{wrong}")
        self = cls(rule, options)
        cs = options["case_sensitive"]
        # Keys are looked up with whitespace folded, exactly as check_document folds what it found.
        self.lookup = {_fold(w, cs): r for w, r in swap.items()}
        # Longest first so "a lot of" wins over "a lot".
        alternatives = sorted(swap, key=lambda w: (-len(w), w))
        self.regex = compile_user_regex(
            "|".join(f"(?:{literal_regex(w, whole_word=options['whole_word'])})" for w in alternatives),
            case_sensitive=cs, whole_word=False, shown=shown, line=line, key="swap")
        return self

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        cs = self.options["case_sensitive"]
        for m in self.regex.finditer(doc.text):
            found = m.group(0)
            right = self.lookup.get(_fold(found, cs))
            if right is None or right == found:
                continue
            suggestion = match_case(found, right)
            # A swap the rule's author wrote down is the fix: safe, as ruff's are.
            yield self.rule.finding(doc, m.start(), m.end(), suggestion=suggestion,
                                    fix=replace_span(doc, m.start(), m.end(), suggestion, safe=True))
