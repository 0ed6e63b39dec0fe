"""Documents whose texts stay in their files: what a scan keeps of each document after the map phase.

Why: a :class:`~factcheck.documents.Document` holds its whole source, the
analysed text, an offset map and the line starts -- ~3.5 MiB per 1,000
articles of ECB+ -- and a scan used to send every one from the workers to the
scanning process and keep them to the end, for the few places that read text
after the map phase: corpus rules (the conflict rules' sentences, the names
rule's lower-case words, the spelling rule's words, each finding's location
and context) and the reports (the text format's source line, the html pages).
Kept, they grew with the archive; read back, they do not.

A :class:`StoredDocument` is the same document with only its path, format and
metadata kept, plus its :class:`Origin`: the file it was read from and the
SHA-256 of the bytes analysed.  Its ``source``, ``text``, ``offsets`` and line
starts are read back from the file on use and parsed again (the metadata is
given, so only the markup is stripped again, which is what made the text);
:data:`TEXTS` keeps the most recently used ones up to a budget of characters,
so a corpus rule that reads a story's documents in turn reads each file once
and memory stays bounded however large the archive.

A file whose bytes are no longer the ones analysed cannot give the text the
claims' offsets point into: reading it raises :class:`DocumentChanged`, a
one-line user error (the text report shows a note instead of the line; ``--fix``
leaves the file alone, as for any file changed during the scan).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, fields
from pathlib import Path

from factcheck.documents import Document, Metadata, OffsetMap, SkippedFile, document_from_bytes
from factcheck.errors import FactcheckError

#: characters of source (plus analysed text where it differs) kept read back at once: ~2,000 articles
#: of ECB+'s size, ~8 MiB with their line starts and offset maps.  Reading back is cheap (a file read
#: and the markup stripped again, ~0.1 ms an article): on ECB+ with room for a seventh of the corpus,
#: the corpus rules read each file 3.5 times and the scan took no measurable longer.
TEXT_BUDGET = 4_000_000


class DocumentChanged(FactcheckError):
    """A stored document's file no longer holds the bytes that were analysed (edited during the scan)."""


@dataclass(frozen=True)
class Origin:
    """Where a stored document's texts come from: the file as the scan named it (None: as its
    display path names it, which is the common case and saves a path object per document), the
    SHA-256 of the bytes analysed, and the size limit it was read under."""

    file: Path | None
    digest: str
    max_size: int = 0


def digest_of(data: bytes) -> str:
    """The content digest a stored document is checked against (the cache's too: SHA-256, hex)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Texts:
    """What a stored document reads back: everything of a Document that grows with its length."""

    source: str
    text: str
    offsets: OffsetMap
    line_starts: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.source) + (len(self.text) if self.text is not self.source else 0)


class TextStore:
    """The texts read back most recently, up to ``budget`` characters (least recently used go first).

    One per process (:data:`TEXTS`), shared by every stored document: the
    budget bounds the process, not one scan.  A lock keeps it consistent when
    threads read documents at once (the language server).
    """

    def __init__(self, budget: int = TEXT_BUDGET) -> None:
        self.budget = budget
        self._kept: OrderedDict[tuple[str, str], Texts] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        #: files read back so far: how a test (or a benchmark) sees re-reads
        self.reads = 0

    def get(self, doc: StoredDocument) -> Texts:
        key = (doc.path, doc.origin.digest)
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        texts = read_back(doc)
        with self._lock:
            self.reads += 1
        self.keep(doc, texts)
        return texts

    def keep(self, doc: StoredDocument, texts: Texts) -> None:
        """Keep ``texts`` as ``doc``'s, as if just read back (the least recently used go over budget).

        The scanning process analyses documents itself when it has no workers: it then
        holds each one's texts already, and keeping them spares the corpus phase reading
        the file again (a read, a SHA-256 and the markup stripped: 918 of ECB+'s 982
        files, ~0.06 s).  The texts must be the ones ``doc``'s bytes give.
        """
        key = (doc.path, doc.origin.digest)
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = texts
            self._size += texts.size
            while self._size > self.budget and len(self._kept) > 1:
                _key, dropped = self._kept.popitem(last=False)
                self._size -= dropped.size

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._size = 0


TEXTS = TextStore()


def _read_again(doc: StoredDocument) -> tuple[Path, bytes]:
    """``doc``'s file and its bytes now; :class:`DocumentChanged` if they are not the ones analysed."""
    from factcheck.files import read_limited

    origin = doc.origin
    file = Path(doc.path) if origin.file is None else origin.file
    try:
        data = read_limited(file, origin.max_size)
    except SkippedFile as exc:
        raise DocumentChanged(f"changed since it was scanned ({exc}); scan again", path=doc.path) from None
    if digest_of(data) != origin.digest:
        raise DocumentChanged("changed since it was scanned; scan again", path=doc.path)
    return file, data


def unchanged(doc: Document) -> bool:
    """Whether ``doc``'s texts can still be read back: always for a document that keeps them."""
    if not isinstance(doc, StoredDocument):
        return True
    try:
        _read_again(doc)
    except DocumentChanged:
        return False
    return True


def read_back(doc: StoredDocument) -> Texts:
    """Read ``doc``'s file again and parse it as the map step did; :class:`DocumentChanged` if its
    bytes are no longer the ones analysed (or it cannot be read any more)."""
    file, data = _read_again(doc)
    full, _warning = document_from_bytes(file, data, shown=doc.path, metadata=Metadata.of(doc))
    return Texts(full.source, full.text, full.offsets, full._line_starts)


#: the Document fields a stored document keeps (the rest are read back)
_READ_BACK = frozenset({"source", "text", "offsets", "_line_starts"})
_KEPT = tuple(f.name for f in fields(Document) if f.name not in _READ_BACK)


class StoredDocument(Document):
    """A :class:`Document` whose texts are read back from its file on use (see the module docstring).

    Equal to another stored document of the same file, bytes and metadata;
    hashed by path and digest, so that a set of documents never reads them.
    """

    origin: Origin

    def __init__(self, doc: Document, origin: Origin) -> None:
        for name in _KEPT:
            object.__setattr__(self, name, getattr(doc, name))
        object.__setattr__(self, "origin", origin)

    @property
    def source(self) -> str:
        return TEXTS.get(self).source

    @property
    def text(self) -> str:
        return TEXTS.get(self).text

    @property
    def offsets(self) -> OffsetMap:
        return TEXTS.get(self).offsets

    @property
    def _line_starts(self) -> tuple[int, ...]:
        return TEXTS.get(self).line_starts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StoredDocument):
            return NotImplemented
        return self.origin == other.origin and all(getattr(self, n) == getattr(other, n) for n in _KEPT)

    def __hash__(self) -> int:
        return hash((self.path, self.origin.digest))

    def __repr__(self) -> str:
        return f"StoredDocument(path={self.path!r}, fmt={self.fmt!r}, origin={self.origin!r})"


def stored(doc: Document, file: Path, data: bytes | None = None, *, digest: str | None = None,
           max_size: int = 0, keep: bool = False) -> StoredDocument:
    """``doc`` (parsed from ``data``, the bytes of ``file``, or bytes of SHA-256 ``digest``) without its texts;
    ``keep``: its texts kept in :data:`TEXTS` meanwhile, as if read back (see :meth:`TextStore.keep`)."""
    if isinstance(doc, StoredDocument):
        return doc
    if digest is None:
        assert data is not None
        digest = digest_of(data)
    named = type(file) is type(Path(doc.path)) and file == Path(doc.path)  # a local file, named as it is shown
    out = StoredDocument(doc, Origin(None if named else file, digest, max_size))
    if keep:
        TEXTS.keep(out, Texts(doc.source, doc.text, doc.offsets, doc._line_starts))
    return out
