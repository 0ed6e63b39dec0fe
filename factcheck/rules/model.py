"""The rule schema: what every rule has, and the interface a rule kind implements.

A *rule* is data (a YAML mapping: id, type, severity, message, options,
tests); a *rule kind* is the code behind ``type:``.  Kinds declare their
options in ``OPTIONS`` so the loader can validate a user's file before
anything runs, naming the file, line and key of every mistake.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import SEVERITIES, Finding, Location, context_of
from factcheck.fixes import Fix

if TYPE_CHECKING:
    from factcheck.facts import Facts
    from factcheck.stories import Stories
    from factcheck.wordstats import WordStats


@dataclass(frozen=True)
class Option:
    """One type-specific rule option: its Python type(s), default, one-line help and constraints.

    The constraints exist so that a value of the right type but the wrong
    meaning (``kinds: [quantiy]``, ``min_similarity: 5``) is an error naming
    the key and the valid values, not a rule that silently never fires:
    ``choices`` for a scalar, ``items`` (element types) and ``item_choices``
    for a list, ``min``/``max`` (inclusive) for a number.  ``file`` marks an
    option whose string value names a file relative to the file that gives
    it (a rule file, or the config file for an override).
    """

    types: tuple[type, ...]
    default: Any = None
    required: bool = False
    help: str = ""
    choices: tuple[Any, ...] = ()
    items: tuple[type, ...] = ()
    item_choices: tuple[Any, ...] = ()
    min: float | None = None
    max: float | None = None
    file: bool = False

    def type_name(self) -> str:
        return _type_names(self.types)

    def item_type_name(self) -> str:
        return _type_names(self.items)


def _type_names(types: tuple[type, ...]) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a mapping"}
    return " or ".join(names.get(t, t.__name__) for t in types)


@dataclass(frozen=True)
class Expectation:
    """One finding a ``fail:`` test case pins: in which file, and what it must look like.

    A bare "at least one finding" lets a rule regress silently -- finding the
    wrong figure, in the wrong article, at the wrong severity -- while its test
    still passes.  Each field left ``None`` is not checked; ``line`` and
    ``column`` are 1-based, as findings report them, and ``match`` is the
    finding's exact excerpt.
    """

    file: str
    match: str | None = None
    line: int | None = None
    column: int | None = None
    severity: str | None = None
    suggestion: str | None = None

    def met_by(self, finding: Finding) -> bool:
        loc = finding.location
        return (loc.path == self.file
                and (self.match is None or loc.excerpt == self.match)
                and (self.line is None or loc.line == self.line)
                and (self.column is None or loc.column == self.column)
                and (self.severity is None or finding.severity == self.severity)
                and (self.suggestion is None or finding.suggestion == self.suggestion))

    def describe(self) -> str:
        """Shown like a finding (``file:line:col severity 'excerpt'``), unchecked parts left out."""
        where = self.file
        if self.line is not None or self.column is not None:
            where += f":{self.line if self.line is not None else '*'}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.severity is not None:
            parts.append(self.severity)
        if self.match is not None:
            parts.append(repr(self.match))
        if self.suggestion is not None:
            parts.append(f"-> {self.suggestion!r}")
        return " ".join(parts)


def describe_finding(finding: Finding) -> str:
    """A finding as an expectation would pin it: ``file:line:col severity 'excerpt' [-> 'suggestion']``."""
    loc = finding.location
    out = f"{loc.path}:{loc.line}:{loc.column} {finding.severity} {loc.excerpt!r}"
    return out + (f" -> {finding.suggestion!r}" if finding.suggestion is not None else "")


@dataclass(frozen=True)
class Example:
    """A rule test case: one text (as ``example.txt``) or several named files.

    ``expect`` (fail cases only) pins the exact set of findings the case must
    produce; ``None`` keeps the plain meaning "at least one finding".
    """

    files: Mapping[str, str]
    line: int | None = None
    name: str | None = None
    expect: tuple[Expectation, ...] | None = None


class FindingsMemo(Protocol):
    """Findings a whole-corpus rule saved for one part of its work (a name cluster...), by a key of
    everything that part reads (see :mod:`factcheck.cache.memo`).

    Why: after one article changed, ``names/*`` still weighs every name of the
    corpus, and most of their parts read nothing the change touched.  A rule that
    can name what a part reads -- documents by :meth:`digest`, which changes with
    their content -- keys the part's findings by it and asks :meth:`recall` before
    computing them; a key it did not see is a part computed as in a cold scan.
    A rule may also keep the results of a pure function of a string (:meth:`value`,
    :meth:`keep`): what a fresh process would compute again for every name.
    """

    def digest(self, path: str) -> str | None:
        """The content digest of the document at ``path`` (None: unknown, so nothing is recalled)."""

    def recall(self, rule_id: str, key: str) -> list[Finding] | None:
        """The findings ``rule_id`` saved under ``key``, or None."""

    def remember(self, rule_id: str, key: str, findings: Sequence[Finding]) -> None:
        """Save ``findings`` under ``key`` for the next scan."""

    def value(self, table: str, key: str) -> tuple[str, ...] | None:
        """The strings saved in ``table`` under ``key`` (a pure function's result for the string
        ``key``, such as a name's folded form and style key), or None."""

    def keep(self, table: str, key: str, value: tuple[str, ...]) -> None:
        """Save ``value`` in ``table`` under ``key`` for the next scan."""


@dataclass
class CorpusView:
    """What corpus rules see: every document with its claims, in path order, and its stories.

    The engine builds the stories once, in the reduce phase, and hands them in
    (``given_stories``); a view built without them (a rule's own tests) builds
    them on first use of :attr:`stories`, extracting the ``name`` and ``date``
    claims they need, so no rule pays for stories it never asks about.
    :attr:`facts` (each figure and date keyed by story, subject and measure)
    is built on first use too, from these claims and the stories.
    """

    documents: Sequence[Document]
    claims: Mapping[str, Sequence[Claim]]  # path -> claims, sorted
    given_stories: InitVar[Stories | None] = None
    #: path -> the document's :class:`~factcheck.wordstats.WordStats`, as the map phase took them
    #: (a document missing here has them computed from its text: see :meth:`words_of`)
    word_stats: Mapping[str, WordStats] = field(default_factory=dict)
    #: the findings of parts of a whole-corpus rule's work saved by the last scan (None: no cache)
    memo: FindingsMemo | None = None
    #: the words the corpus writes in lower case, when the engine has them already (from the counts
    #: the cache keeps, see :mod:`factcheck.cache.lowercounts`; ``word_stats``' ``lower`` may then be
    #: left empty): read them through :meth:`lower_words`
    lower: frozenset[str] | None = None

    def __post_init__(self, given_stories: Stories | None) -> None:
        self._stories = given_stories
        self._facts: Facts | None = None

    @property
    def stories(self) -> Stories:
        """The corpus's stories: which documents report the same real-world event."""
        if self._stories is None:
            from factcheck.stories import build_stories

            self._stories = build_stories(self.documents)
        return self._stories

    @property
    def facts(self) -> Facts:
        """The corpus's facts: its figures and dates keyed by story, subject and measure
        (see :mod:`factcheck.facts`); subjects resolve by the name claims in :attr:`claims`."""
        if self._facts is None:
            from factcheck.facts import build_facts

            self._facts = build_facts(self.documents, self.claims, self.stories)
        return self._facts

    def items(self) -> Iterable[tuple[Document, Sequence[Claim]]]:
        for doc in self.documents:
            yield doc, self.claims.get(doc.path, ())

    def lower_words(self) -> frozenset[str]:
        """The words some document of the corpus writes in lower case (each document's
        ``WordStats.lower`` united, or the engine's own count of them: the same set)."""
        if self.lower is None:
            out: set[str] = set()
            for doc in self.documents:
                out.update(self.words_of(doc).lower)  # taken in the map phase: no text is read back
            self.lower = frozenset(out)
        return self.lower

    def words_of(self, doc: Document) -> WordStats:
        """What the whole-corpus rules read of ``doc``'s text: the map phase's, or taken from the text
        here (the same record either way; the engine hands them in so that a re-scan need not read
        every text back, see :mod:`factcheck.wordstats`)."""
        found = self.word_stats.get(doc.path)
        if found is None:
            from factcheck.wordstats import word_stats

            found = word_stats(doc.text, self.claims.get(doc.path, ()))
        return found


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
    #: whether this corpus rule reads every document's :meth:`CorpusView.words_of`: the map phase
    #: then takes them with the claims (and the cache keeps them), see :mod:`factcheck.wordstats`
    READS_WORDS: ClassVar[bool] = False

    def __init__(self, rule: Rule, options: dict[str, Any]) -> None:
        self.rule = rule
        self.options = options

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> RuleKind:
        """Validate kind-specific options (raise RuleError naming ``shown`` and the
        line via ``raw.line_of(key)``) and return the ready kind instance."""
        return cls(rule, options)

    def other_severities(self) -> dict[str, str]:
        """Severities, besides the rule's own, that some of its findings get: option -> severity.

        ``factcheck rule ID`` and the README's rule table show them, so a reader
        knows an error rule may also report less certain cases lower.  By
        default, every severity-valued option (its choices include "info" and
        "ignore") whose value is a severity other than the rule's; a kind that
        uses such an option only in some modes narrows this.
        """
        out: dict[str, str] = {}
        for key, opt in self.OPTIONS.items():
            value = self.options.get(key)
            if {"info", "ignore"} <= set(opt.choices) and value in SEVERITIES and value != self.rule.severity:
                out[key] = value
        return out

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

    def per_story(self) -> bool:
        """Whether this corpus rule compares documents only within a story, so that it can run on
        one story at a time (a view of the story's documents alone) and a story's findings can be
        reused while its documents are unchanged.  Only for a kind whose every comparison pairs
        documents of one story; its run then sees no other story, so any statistic it weighs
        (a word's rarity...) is the story's own, the same in a cold and a cached scan.
        Default: False (the rule sees the whole corpus: ``names/variant`` counts spellings
        across every story)."""
        return False


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
    #: the YAML's one-line ``summary:`` ("" when the file has none; see :meth:`summary`)
    summary_text: str = ""

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
                data: dict[str, Any] | None = None, fix: Fix | None = None, **fields: Any) -> Finding:
        """A finding of this rule at the text span ``[start, end)`` of ``doc``.

        ``fix`` is declared here, where the rule knows how sure it is of the
        replacement (see :func:`factcheck.fixes.replace_span`).
        """
        loc = Location.of(doc, start, end)
        fields.setdefault("match", loc.excerpt)
        if suggestion is not None:
            fields.setdefault("suggestion", suggestion)
        return Finding(rule=self.id, severity=severity or self.severity,
                       message=self.format_message(**fields), location=loc,
                       suggestion=suggestion, related=tuple(related),
                       context=context_of(doc.source, *doc.source_span(start, end)),
                       data=data or {}, fix=fix).with_fingerprint()

    def summary(self) -> str:
        """One short line for listings and SARIF ``shortDescription``.

        The YAML's ``summary:`` when given; else the description's first
        sentence; else the message.  Never more than :data:`SUMMARY_MAX`
        characters, so ``factcheck rules`` stays one line per rule however long
        a description is.
        """
        if self.summary_text:
            return self.summary_text
        paragraphs = description_paragraphs(self.description)
        return first_sentence(paragraphs[0].removeprefix("- ") if paragraphs else " ".join(self.message.split()))


#: longest summary (written or derived); a written one over it is a RuleError.
SUMMARY_MAX = 100
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[^a-z\s])")


def first_sentence(text: str, limit: int = SUMMARY_MAX) -> str:
    """The first sentence of ``text`` (up to ". " followed by a non-lower-case word), cut
    with "…" at a word boundary when it is longer than ``limit``."""
    sentence = _SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + "…"


def description_paragraphs(description: str) -> list[str]:
    """A description's paragraphs, each on one line.

    Paragraphs are separated by blank lines (write ``description: |``); the
    lines within one are joined, as Markdown does, so a rule file wraps its
    text wherever it likes.  A line starting with "- " opens a list item,
    kept as its own paragraph (starting "- ") so renderers can indent it.
    """
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(" ".join(current))
            current.clear()

    for line in description.splitlines():
        words = line.strip()
        if not words:
            flush()
        elif words.startswith("- "):
            flush()
            current.append(words)
        else:
            current.append(words)
    flush()
    return out
