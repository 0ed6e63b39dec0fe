"""The on-disk cache: per-document results, and the corpus phase of an unchanged corpus.

Why: every scan used to start from nothing, so CI and editors paid for the
whole archive after a one-line change.  Modelled on ruff's ``.ruff_cache``
and Black's cache keys:

* A document's results (claims, document-scope findings, suppressions, story
  evidence) are a pure function of its bytes, its display path and the
  *settings*: the factcheck code itself (the version *and* a digest of the
  package's files, so an edited checkout never reads entries of its former
  self), every loaded rule with its options and loaded data (a ``canonical``
  list file), the selected rule ids, and the config tables that shape a
  document (``documents`` dates, ``stories`` pins).  The settings digest
  names a folder; inside it an entry is named by the display path and holds
  the SHA-256 of the bytes it was computed from.  A changed file overwrites
  its own entry, so the cache does not grow with edits.  Its claims are an
  entry of their own beside it (``claims/``), read only when something asks
  for them (:mod:`factcheck.cache.lazy`): a re-scan needs few documents' claims.
  Its story evidence and word statistics are kept inside the main entry as JSON
  text, parsed only when the corpus phase runs (:class:`factcheck.cache.lazy.LaterParts`):
  a re-scan of an unchanged corpus reuses the corpus phase and never reads them.
* The corpus phase (stories and corpus rules) is stored once per settings
  folder, keyed by every document's path and content digest: a re-scan of an
  unchanged corpus reuses it.  After a change, the story clustering starts from
  the state the last one saved (``clusters.json``, see
  :mod:`factcheck.stories.incremental`), the story-local rules from each
  unchanged story's findings (:mod:`factcheck.corpus_phase`), and the words the
  corpus writes in lower case from per-word counts updated by deltas
  (``lower.json``, :mod:`factcheck.cache.lowercounts`).

Entries are JSON written atomically (:mod:`factcheck.cache.store`) and read
through a typed codec (:mod:`factcheck.cache.codec`): anything that does not
decode to exactly the expected records -- truncated, corrupt, written by
another version, for another file or other settings -- is a miss, and is
rebuilt.  The document itself is re-parsed from the bytes on a hit (a
millisecond), so offsets and excerpts always come from the file as it is.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.cache.codec import DecodeError, EncodeError, decode, encode
from factcheck.cache.lazy import LaterParts
from factcheck.cache.store import DEFAULT_CACHE_DIR, clean, is_tagged, prepare, read_json, write_json
from factcheck.claims.base import Claim
from factcheck.config import Config
from factcheck.documents import Document, Metadata, display_path, document_from_bytes
from factcheck.errors import FactcheckError
from factcheck.findings import Finding
from factcheck.rules.model import Rule
from factcheck.stored import digest_of as content_digest
from factcheck.stories import DocFeatures, Stories, Story
from factcheck.stories.incremental import ClusterState
from factcheck.suppressions import Suppressions
from factcheck.wordstats import WordStats

__all__ = ["DEFAULT_CACHE_DIR", "ClaimsEntry", "CorpusEntry", "DocCache", "DocEntry", "StoryEntry", "clean",
           "is_tagged", "open_cache"]

#: the layout and entry format; bumped when either changes
FORMAT = 4


@dataclass(frozen=True)
class DocEntry:
    """What the map phase computed for one document (its text is re-read from the bytes)."""

    metadata: Metadata
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    suppressions: Suppressions | None
    features: DocFeatures | None
    #: what the whole-corpus rules read of the text (see :mod:`factcheck.wordstats`)
    words: WordStats | None = None


@dataclass(frozen=True)
class ClaimsEntry:
    """One document's claims, stored apart from its :class:`DocEntry` (see :mod:`factcheck.cache.lazy`)."""

    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class CorpusEntry:
    """What the corpus phase computed for one exact set of documents."""

    stories: tuple[Story, ...] | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class StoryEntry:
    """What the story-local corpus rules found in one story (see :mod:`factcheck.corpus_phase`)."""

    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class DocCache:
    """An open cache: its directory and the settings digest of this scan (picklable, for workers)."""

    root: Path
    key: str
    #: False for a Dask worker's copy: it computes digests but writes nothing; the scanning
    #: process writes the entries from the results it gathers (see :meth:`store_result`)
    write: bool = True

    @property
    def folder(self) -> Path:
        return self.root / f"v{FORMAT}" / self.key[:32]

    @functools.cached_property
    def _folder_text(self) -> str:
        return os.fspath(self.folder)

    def _entry_file(self, shown: str, part: str = "docs") -> str:
        """The file of the entry of display path ``shown``, as a string: a lookup per document, and
        the same path built by ``pathlib`` joins was a sixth of a warm re-scan's lookups."""
        name = hashlib.sha256(shown.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return os.path.join(self._folder_text, part, name[:2], name + ".json")

    def _entry_path(self, shown: str, part: str = "docs") -> Path:
        return Path(self._entry_file(shown, part))

    def lookup(self, path: Path, shown: str, data: bytes,
               digest: str | None = None) -> tuple[Document, str | None, DocEntry] | None:
        """The document of ``path`` (display path ``shown``, bytes ``data`` of SHA-256 ``digest``, which
        the caller may have taken already) and its stored results, or None (a miss).  The entry's
        claims are empty: they are stored apart and read on use (:meth:`load_claims`,
        :class:`factcheck.cache.lazy.CachedClaims`)."""
        found = self.lookup_deferred(path, shown, data, digest)
        if found is None:
            return None
        doc, warning, entry, later = found
        parts = later.load()
        if parts is None:
            return None
        return doc, warning, replace(entry, features=parts[0], words=parts[1])

    def lookup_deferred(self, path: Path, shown: str, data: bytes, digest: str | None = None
                        ) -> tuple[Document, str | None, DocEntry, LaterParts] | None:
        """As :meth:`lookup`, but the entry's story evidence and word statistics are left unread:
        None in the entry, and a :class:`~factcheck.cache.lazy.LaterParts` that reads them (the
        scan asks for them only when it runs the corpus phase)."""
        stored = read_json(self._entry_file(shown))
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key \
                or stored.get("path") != shown or stored.get("content") != (digest or content_digest(data)) \
                or type(stored.get("later")) is not str or type(stored.get("lower")) is not str:
            return None
        try:
            entry = decode(stored.get("entry"), DocEntry)
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        if entry.features is not None or entry.words is not None:
            return None  # stored in the entry itself: not an entry this code wrote
        doc, warning = document_from_bytes(path, data, shown=shown, metadata=entry.metadata)
        return doc, warning, entry, LaterParts(stored["later"], stored["lower"])

    def stored_parts(self, shown: str) -> tuple[str, LaterParts] | None:
        """The content digest and the deferred parts of the entry stored for display path ``shown``,
        whatever bytes it was computed from (None: no entry of this format and settings).  What a
        summary of the last scan's entries (:mod:`factcheck.cache.lowercounts`) reads to take out
        the contribution of a document that changed or went away; the caller checks the digest."""
        stored = read_json(self._entry_file(shown))
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key \
                or stored.get("path") != shown or type(stored.get("content")) is not str \
                or type(stored.get("later")) is not str or type(stored.get("lower")) is not str:
            return None
        return stored["content"], LaterParts(stored["later"], stored["lower"])

    def store(self, doc: Document, data: bytes, entry: DocEntry) -> bool:
        """Write one document's entry; False (silently) when it cannot be encoded or written."""
        return self.store_result(doc, content_digest(data), entry)

    def store_result(self, doc: Document, digest: str, entry: DocEntry) -> bool:
        """Write the entry of ``doc`` computed from bytes of SHA-256 ``digest`` (the digest the
        map step took of the very bytes it analysed, wherever it ran)."""
        if not self.write:
            return False
        try:
            claims = encode(ClaimsEntry(entry.claims), ClaimsEntry)
            payload = encode(replace(entry, claims=(), features=None, words=None), DocEntry)
            later = LaterParts.dump(entry.features, entry.words)
        except (EncodeError, TypeError, ValueError, RecursionError):
            return False
        head = {"format": FORMAT, "key": self.key, "path": doc.path, "content": digest}
        # The claims first: a main entry is then never older than the claims it was written with
        # (a claims entry of other bytes is a miss of its own anyway: see load_claims).
        return write_json(self._entry_path(doc.path, "claims"), {**head, "claims": claims}, self.root) \
            and write_json(self._entry_path(doc.path), {**head, "entry": payload, "later": later.text,
                                                        "lower": later.lower}, self.root)

    def load_claims(self, shown: str, digest: str) -> tuple[Claim, ...] | None:
        """The stored claims of the document at display path ``shown`` computed from bytes of SHA-256
        ``digest``, or None (missing, corrupt, foreign or of other bytes: the caller extracts them)."""
        stored = read_json(self._entry_file(shown, "claims"))
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key \
                or stored.get("path") != shown or stored.get("content") != digest:
            return None
        try:
            return decode(stored.get("claims"), ClaimsEntry).claims
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None

    def corpus_key(self, documents: Sequence[tuple[str, str]]) -> str:
        """The key of a corpus phase: this scan's settings and every (path, content digest), in order."""
        h = hashlib.sha256(self.key.encode("ascii"))
        for shown, digest in documents:
            h.update(b"\x00" + shown.encode("utf-8", "surrogatepass") + b"\x01" + digest.encode("ascii"))
        return h.hexdigest()

    def load_corpus(self, key: str) -> tuple[Stories | None, list[Finding]] | None:
        """The stored corpus phase of the documents of ``key`` (:meth:`corpus_key`), or None.  The file
        is read only if it starts as :meth:`store_corpus` writes the entry of ``key``: after a change it
        holds the last corpus's phase (6.5 MB on a 10x ECB+ archive), parsed whole only to be refused."""
        head = json.dumps({"format": FORMAT, "corpus": key}, separators=(",", ":"))[:-1] + ","
        stored = read_json(self.folder / "corpus.json", head.encode("ascii"))
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("corpus") != key:
            return None
        try:
            entry = decode(stored.get("entry"), CorpusEntry)
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        return (Stories(entry.stories) if entry.stories is not None else None), list(entry.findings)

    def store_corpus(self, key: str, stories: Stories | None, findings: Sequence[Finding]) -> bool:
        entry = CorpusEntry(tuple(stories) if stories is not None else None, tuple(findings))
        try:
            payload = encode(entry, CorpusEntry)
        except (EncodeError, TypeError, ValueError, RecursionError):
            return False
        return write_json(self.folder / "corpus.json", {"format": FORMAT, "corpus": key, "entry": payload},
                          self.root)


    def load_clusters(self) -> ClusterState | None:
        """The story clustering's state of the last scan (see :mod:`factcheck.stories.incremental`),
        or None when missing, foreign or not decodable (the stories are then clustered whole)."""
        stored = read_json(self.folder / "clusters.json")
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key:
            return None
        try:
            state = decode(stored.get("state"), ClusterState)
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        return state if state.fits() else None

    def store_clusters(self, state: ClusterState) -> bool:
        """Replace the clustering state (atomically); False (silently) when it cannot be written."""
        try:
            payload = encode(state, ClusterState)
        except (EncodeError, TypeError, ValueError, RecursionError):
            return False
        return write_json(self.folder / "clusters.json", {"format": FORMAT, "key": self.key, "state": payload},
                          self.root)

    def story_key(self, story: Story | None, members: Sequence[tuple[str, str]]) -> str:
        """The key of one story's run of the story-local rules: the story as clustered (id,
        members, names, dates: the rules may read any of them) and each member's (path, digest)."""
        h = hashlib.sha256(self.key.encode("ascii"))
        if story is not None:
            told = json.dumps([story.id, story.documents, story.names, story.dates], ensure_ascii=True)
            h.update(b"\x02" + told.encode("ascii"))
        for shown, digest in members:
            h.update(b"\x00" + shown.encode("utf-8", "surrogatepass") + b"\x01" + digest.encode("ascii"))
        return h.hexdigest()

    def load_stories(self) -> dict[str, Any]:
        """The packed story entries of the last scan (key -> encoded entry); {} when missing or foreign."""
        stored = read_json(self.folder / "stories.json")
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != self.key:
            return {}
        entries = stored.get("stories")
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def decode_story(payload: Any) -> StoryEntry | None:
        """One packed story entry, or None (missing or not decodable: a miss)."""
        if payload is None:
            return None
        try:
            return decode(payload, StoryEntry)
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None

    @staticmethod
    def encode_story(entry: StoryEntry) -> Any:
        try:
            return encode(entry, StoryEntry)
        except (EncodeError, TypeError, ValueError, RecursionError):
            return None

    def store_stories(self, entries: dict[str, Any]) -> bool:
        """Replace the packed story entries (atomically: a concurrent scan's pack loses, never tears)."""
        return write_json(self.folder / "stories.json", {"format": FORMAT, "key": self.key, "stories": entries},
                          self.root)


@cache
def code_digest() -> str:
    """The factcheck version and a digest of every file of the installed package (code and data)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(__version__.encode("utf-8"))
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            p = Path(dirpath, name)
            h.update(p.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\x00")
            try:
                h.update(p.read_bytes())
            except OSError:
                h.update(b"\xff")
            h.update(b"\x00")
    return h.hexdigest()


def _stable(o: Any) -> Any:
    """A JSON-able, address-free stand-in for rule state ``json`` cannot write itself."""
    if is_dataclass(o) and not isinstance(o, type):
        return {"__class__": type(o).__name__, **{f.name: getattr(o, f.name) for f in fields(o)}}
    if isinstance(o, (set, frozenset)):
        return sorted(repr(x) for x in o)
    if isinstance(o, tuple):
        return list(o)
    pattern = getattr(o, "pattern", None)
    if isinstance(pattern, str):
        return {"__class__": type(o).__name__, "pattern": pattern}
    if isinstance(o, os.PathLike):
        return os.fspath(o)
    state = getattr(o, "__dict__", None)
    if isinstance(state, dict):  # a helper object of a rule kind (a claim selector...): its settings
        return {"__class__": type(o).__qualname__, **{k: v for k, v in state.items() if not isinstance(v, Rule)}}
    return repr(o)  # an object shown with its address makes every key new: never a stale hit


def _rule_state(rule: Rule) -> Any:
    """Everything a loaded rule runs on: its fields and its kind's loaded state (``canonical`` lists...)."""
    impl = rule.impl
    state = {k: v for k, v in vars(impl).items() if k != "rule"} if impl is not None else None
    return [rule.id, rule.type, rule.severity, rule.message, rule.options, type(impl).__qualname__, state]


def settings_key(config: Config, loaded: Sequence[Rule], active: Sequence[Rule]) -> str:
    """The digest of everything besides a file's bytes and path that its cached results depend on."""
    facts = {
        "format": FORMAT,
        "code": code_digest(),
        "rules": [_rule_state(r) for r in loaded],
        "active": [r.id for r in active],
        "documents": [(glob, date.isoformat()) for glob, date in config.documents],
        "stories": list(config.stories),
    }
    try:
        text = json.dumps(facts, sort_keys=True, default=_stable, ensure_ascii=True)
    except (TypeError, ValueError, RecursionError):  # unsortable keys, cycles: a key of this run only
        text = repr(facts) + str(os.getpid()) + str(id(facts))
    return hashlib.sha256(text.encode("ascii", "backslashreplace")).hexdigest()


def open_cache(config: Config, loaded: Sequence[Rule], active: Sequence[Rule]) -> tuple[DocCache | None, str | None]:
    """The cache of this scan (None when ``config.cache_dir`` is None), or None and the one-line
    warning why it cannot be used: an unwritable cache directory never stops a scan."""
    if config.cache_dir is None:
        return None, None
    root = Path(config.cache_dir)
    try:
        prepare(root)
        opened = DocCache(root, settings_key(config, loaded, active))
        opened.folder.mkdir(parents=True, exist_ok=True)
    except (OSError, FactcheckError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, f"cache directory {display_path(root)} cannot be used ({reason}); scanning without the cache"
    return opened, None
