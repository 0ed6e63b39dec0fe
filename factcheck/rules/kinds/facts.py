"""``type: fact`` -- claims that must have a known value (a reference check).

``select`` picks claims: ``kind`` (one or a list), ``unit`` (one or a list),
``near`` (words that must appear in the claim's sentence, any of a list),
``pattern`` / ``exclude`` (RE2 expressions the claim's text must / must not match), ``where``
(claim attributes that must have given values, e.g. ``{threshold: true}``), ``exact_only``
(default true: claims qualified by "about", "more than"... are not checked; "exactly 15" is).
``attribute`` names the field compared (default ``value``; e.g. ``in_favor``
for votes) and ``expect`` the value it must have.

Example::

    id: house/un-council-size
    type: fact
    severity: error
    message: "The UN Security Council has {expected} members, not {found}."
    select: {kind: quantity, unit: member, near: "Security Council"}
    expect: 15
    tests:
      fail: ["The 14-member Security Council met on Monday."]
      pass: ["The 15-member Security Council met on Monday."]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.claims.base import KINDS as CLAIM_KINDS
from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.errors import RuleError, did_you_mean
from factcheck.findings import Finding
from factcheck.rules.kinds.base import Kind, compile_user_regex
from factcheck.rules.model import Option, Rule

SELECT_KEYS = ("kind", "unit", "near", "pattern", "exclude", "where", "exact_only")


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def qualified(c: Claim) -> bool:
    """Does the claim admit more than its stated value ("about 500", "more than 500")?  Read
    from its bounds, so "exactly 500" and "just 500" are exact; a claim without bounds (a
    "2/3" majority) is qualified when it reports a qualifier at all."""
    b = c.bounds
    return b.kind != "exact" if b is not None else bool(c.qualifier)


class ClaimSelector:
    """The ``select:`` mapping shared by rules that pick claims by kind, unit and context."""

    def __init__(self, spec: dict[str, Any], shown: str, line: int) -> None:
        def fail(message: str, key: str) -> RuleError:
            at = spec.line_of(key.split(".")[0]) if hasattr(spec, "line_of") else line
            return RuleError(message, path=shown, line=at, key=f"select.{key}")

        for key in spec:
            if key not in SELECT_KEYS:
                raise fail(f"unknown key in select; valid: {', '.join(SELECT_KEYS)}{did_you_mean(key, SELECT_KEYS)}",
                           key)
        for key in ("kind", "unit", "near"):
            v = spec.get(key)
            if v is not None and not (isinstance(v, str) or (isinstance(v, list) and
                                                             all(isinstance(x, str) for x in v))):
                raise fail("must be a string or a list of strings", key)
        # A misspelt kind would select nothing, and the rule would silently never fire.
        for kind in _as_list(spec.get("kind")):
            if kind not in CLAIM_KINDS:
                raise fail(f"unknown claim kind {kind!r}; valid: {', '.join(sorted(CLAIM_KINDS))}"
                           f"{did_you_mean(kind, CLAIM_KINDS)}", "kind")
        for key in ("pattern", "exclude"):
            if key in spec and not isinstance(spec[key], str):
                raise fail(f"must be a string (an RE2 expression), not {spec[key]!r}", key)
        if "exact_only" in spec and not isinstance(spec["exact_only"], bool):
            raise fail(f"must be true or false, not {spec['exact_only']!r}", "exact_only")
        self.kinds = set(_as_list(spec.get("kind")))
        self.units = {u.casefold() for u in _as_list(spec.get("unit"))}
        self.near = [n.casefold() for n in _as_list(spec.get("near"))]
        self.exact_only = bool(spec.get("exact_only", True))
        where = spec.get("where", {})
        if not isinstance(where, dict):
            raise fail("must be a mapping of claim attribute -> value", "where")
        for attr, value in where.items():
            if isinstance(value, (dict, list)):
                raise fail(f"must map a claim attribute to one value (a string, number, boolean or null), "
                           f"not {value!r}",
                           f"where.{attr}")
        self.where = dict(where)
        self.pattern, self.exclude = (
            compile_user_regex(spec[k], case_sensitive=False, whole_word=False, shown=shown,
                               line=spec.line_of(k) if hasattr(spec, "line_of") else line,
                               key=f"select.{k}") if k in spec else None
            for k in ("pattern", "exclude"))

    def matches(self, doc: Document, c: Claim) -> bool:
        if self.kinds and c.kind not in self.kinds:
            return False
        if self.units and (c.unit or "").casefold() not in self.units:
            return False
        if self.exact_only and qualified(c):
            return False
        if any(c.get(k) != v for k, v in self.where.items()):
            return False
        if self.pattern is not None and not self.pattern.search(c.text):
            return False
        if self.exclude is not None and self.exclude.search(c.text):
            return False
        if self.near:
            s, e = c.sentence
            sentence = doc.text[s:e].casefold()
            if not any(n in sentence for n in self.near):
                return False
        return True


class FactKind(Kind):
    """Require selected claims to have an expected value."""

    name = "fact"
    NEEDS = None  # select may name any claim kind
    OPTIONS = {
        "select": Option((dict,), required=True, help="which claims: kind, unit, near, pattern, exact_only"),
        "expect": Option((int, float, str), required=True, help="the value the claims must have"),
        "attribute": Option((str,), default="value", help="the claim field to compare"),
    }
    PLACEHOLDERS = ("expected", "found")

    selector: ClaimSelector

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        self = cls(rule, options)
        self.selector = ClaimSelector(options["select"], shown, raw.line_of("select"))
        return self

    def _field(self, c: Claim) -> Any:
        attr = self.options["attribute"]
        if attr in ("value", "unit", "qualifier", "text"):
            return getattr(c, attr)
        return c.get(attr)

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        expected = self.options["expect"]
        for c in claims:
            if not self.selector.matches(doc, c):
                continue
            found = self._field(c)
            if found is None:
                continue
            same = (float(found) == float(expected)) if isinstance(found, (int, float)) and \
                isinstance(expected, (int, float)) else str(found).casefold() == str(expected).casefold()
            if not same:
                yield self.rule.finding(doc, c.start, c.end, expected=expected, found=found)
