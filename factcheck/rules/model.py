"""The rule schema: what every rule has, and the interface a rule kind implements.

A *rule* is data (a YAML mapping: id, type, severity, message, options,
tests); a *rule kind* is the code behind ``type:``.  Kinds declare their
options in ``OPTIONS`` so the loader can validate a user's file before
anything runs, naming the file, line and key of every mistake.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import Finding, Location


@dataclass(frozen=True)
class Option:
    """One type-specific rule option: its Python type(s), default and a one-line help."""

    types: tuple[type, ...]
    default: Any = None
    required: bool = False
    help: str = ""
    choices: tuple[Any, ...] = ()

    def type_name(self) -> str:
        names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
                 list: "a list", dict: "a mapping"}
        return " or ".join(names.get(t, t.__name__) for t in self.types)


@dataclass(frozen=True)
class Example:
    """A rule test case: one text (as ``example.txt``) or several named files."""

    files: Mapping[str, str]
    line: int | None = None


@dataclass
class CorpusView:
    """What corpus rules see: every document with its claims, in path order."""

    documents: Sequence[Document]
    claims: Mapping[str, Sequence[Claim]]  # path -> claims, sorted

    def items(self) -> Iterable[tuple[Document, Sequence[Claim]]]:
        for doc in self.documents:
            yield doc, self.claims.get(doc.path, ())


class RuleKind:
    """Base class of a rule kind.  Subclasses set ``name``, ``scope`` and ``OPTIONS``.

    ``scope = "document"`` kinds implement :meth:`check_document` (a pure
    function of one document: it runs in the map phase); ``scope = "corpus"``
    kinds implement :meth:`check_corpus` (the reduce phase, over claims of
    every document).  The class docstring is the kind's user documentation,
    printed by ``factcheck rules --kinds``.
    """

    name: ClassVar[str] = ""
    scope: ClassVar[str] = "document"
    OPTIONS: ClassVar[dict[str, Option]] = {}
    #: placeholders a message may use, besides those every rule has.
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ()
    #: claim kinds this rule reads (None: all); lets the engine skip extractors.
    NEEDS: ClassVar[tuple[str, ...] | None] = ()

    def __init__(self, rule: Rule, options: dict[str, Any]) -> None:
        self.rule = rule
        self.options = options

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> RuleKind:
        """Validate kind-specific options (raise RuleError naming ``shown`` and the
        line via ``raw.line_of(key)``) and return the ready kind instance."""
        return cls(rule, options)

    @classmethod
    def link(cls, rules: Sequence[Rule]) -> None:
        """Called once by the loader with every loaded rule, after all files are parsed.

        A kind whose rules share knowledge (one house list of canonical names
        protecting those names in every name rule) wires it here, inside rule
        loading, so worker processes that rebuild the rules from the config get
        the same wiring.  Default: nothing to share.
        """

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        return ()

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        return ()


COMMON_PLACEHOLDERS = ("match", "rule")


@dataclass
class Rule:
    """A loaded, validated rule."""

    id: str
    type: str
    severity: str
    message: str
    description: str
    origin: str  # "path:line" of the rule's mapping
    link: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    builtin: bool = False
    impl: RuleKind | None = None

    @property
    def scope(self) -> str:
        assert self.impl is not None
        return self.impl.scope

    def format_message(self, **fields: Any) -> str:
        """Fill ``{placeholders}``; a placeholder with no value is left visible, never a crash."""
        values = {"rule": self.id, **{k: v for k, v in fields.items() if v is not None}}
        out = []
        for literal, name, spec, _conv in string.Formatter().parse(self.message):
            out.append(literal)
            if name is None:
                continue
            if name in values:
                out.append(format(values[name], spec or ""))
            else:
                out.append("{" + name + "}")
        return "".join(out)

    def finding(self, doc: Document, start: int, end: int, *, suggestion: str | None = None,
                related: Iterable[Location] = (), severity: str | None = None,
                data: dict[str, Any] | None = None, **fields: Any) -> Finding:
        """A finding of this rule at the text span ``[start, end)`` of ``doc``."""
        loc = Location.of(doc, start, end)
        fields.setdefault("match", loc.excerpt)
        if suggestion is not None:
            fields.setdefault("suggestion", suggestion)
        return Finding(rule=self.id, severity=severity or self.severity,
                       message=self.format_message(**fields), location=loc,
                       suggestion=suggestion, related=tuple(related),
                       data=data or {}).with_fingerprint()

    def summary(self) -> str:
        return self.description.strip().splitlines()[0] if self.description.strip() else self.message
