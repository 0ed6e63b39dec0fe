"""Documents: discovery, decoding, markup stripping with an offset map (metadata: factcheck.metadata).

A :class:`Document` carries two texts.  ``source`` is the file exactly as
decoded; ``text`` is what extractors analyse: newlines normalised, Markdown
code/front matter/link URLs and HTML markup removed.  Every character of
``text`` maps back to a range of ``source`` through :class:`OffsetMap`, so a
claim found in ``text`` is always reported at the line and column of the
original file -- which is what editors and SARIF viewers need.

Loading is a pure function of one file (plus the optional date override), so
the engine can run it in worker processes.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import fnmatch
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path, PurePath

from factcheck import language as _language
from factcheck.markup import (
    autolink_spans,
    comment_spans,
    fence_spans,
    html_tokens,
    markdown_links,
    unescape,
)
from factcheck.metadata import DateCandidate, infer_metadata, language_of

#: the default document size limit in bytes (``--max-size``); see factcheck.files
DEFAULT_MAX_SIZE = 10_000_000
TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}


# --------------------------------------------------------------------------- offsets


class OffsetMap:
    """Maps offsets in analysed text back to offsets in the source text.

    Built from segments: a *copy* segment maps character for character; a
    *replace* segment (an HTML entity, a collapsed ``\\r\\n``) maps every
    character it emits to the whole source range it replaced.
    """

    __slots__ = ("_length", "_segs", "_t_starts")

    def __init__(self) -> None:
        self._t_starts: list[int] = []
        self._segs: list[tuple[int, int, int, bool]] = []  # text_start, src_start, src_end, copy
        self._length = 0

    def add(self, text_len: int, src_start: int, src_end: int, copy: bool) -> None:
        if text_len <= 0:
            return
        self._t_starts.append(self._length)
        self._segs.append((self._length, src_start, src_end, copy))
        self._length += text_len

    def _char(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._t_starts, i) - 1
        t0, s0, s1, copy = self._segs[k]
        if copy:
            return s0 + (i - t0), s0 + (i - t0) + 1
        return s0, s1

    def start(self, i: int) -> int:
        """Source offset where the text character at ``i`` starts."""
        if not self._segs:
            return 0
        if i >= self._length:
            return self._segs[-1][2]
        return self._char(i)[0]

    def end(self, i: int) -> int:
        """Source offset just after text character ``i - 1`` (an exclusive end)."""
        if i <= 0 or not self._segs:
            return self.start(0)
        return self._char(min(i, self._length) - 1)[1]


_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


class _Builder:
    """Accumulates analysed text and its offset map in one pass."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()

    def copy(self, start: int, end: int) -> None:
        """Copy ``source[start:end]``, collapsing ``\\r\\n``/``\\r`` to ``\\n``."""
        s = self.source
        pos = start
        while pos < end:
            cr = s.find("\r", pos, end)
            if cr < 0:
                self._copy_plain(pos, end)
                return
            self._copy_plain(pos, cr)
            stop = cr + 2 if cr + 1 < end and s[cr + 1] == "\n" else cr + 1
            self.emit("\n", cr, stop)
            pos = stop

    def _copy_plain(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.source[start:end])
            self.map.add(end - start, start, end, True)

    def emit(self, text: str, src_start: int, src_end: int) -> None:
        """Emit ``text`` standing for ``source[src_start:src_end]``."""
        if text:
            self.parts.append(text)
            self.map.add(len(text), src_start, src_end, False)

    def blank(self, start: int, end: int) -> None:
        """Drop a source range but keep its line breaks, so paragraphs stay apart."""
        n = len(_LINE_BREAK_RE.findall(self.source, start, end))
        if n:
            self.emit("\n" * n, start, end)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), self.map


# --------------------------------------------------------------------------- markup

_FRONT_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# After a blank line (LF or CRLF files) or at the very start.
_INDENTED_RE = re.compile(r"(?:(?<=\n\n)|(?<=\n\r\n)|(?<=\A))(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_MD_REFDEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$", re.MULTILINE)


def _markdown_to_text(source: str) -> tuple[str, OffsetMap, str | None]:
    """Markdown: drop front matter, code blocks, comments and link targets.

    Fences, comments, autolinks and links are found by the linear scanners of
    :mod:`factcheck.markup`; the regexes they replace rescanned the rest of the
    file from every unclosed opener.
    """
    drops: list[tuple[int, int, str | None]] = []  # (start, end, keep-group text)
    front = None
    fm = _FRONT_RE.match(source)
    if fm:
        front = fm.group(1)
        drops.append((fm.start(), fm.end(), None))
    spans = [*fence_spans(source), *((m.start(), m.end()) for m in _INDENTED_RE.finditer(source)),
             *comment_spans(source), *autolink_spans(source),
             *((m.start(), m.end()) for m in _MD_REFDEF_RE.finditer(source))]
    drops.extend((s, e, None) for s, e in spans)
    b = _Builder(source)
    links = markdown_links(source)
    events = sorted([(s, e, None, None) for s, e, _ in drops] + [(s, e, ks, ke) for s, e, ks, ke in links])
    pos = 0
    for start, end, keep_s, keep_e in events:
        if start < pos:
            continue  # nested in something already dropped
        b.copy(pos, start)
        if keep_s is None or keep_e is None:
            b.blank(start, end)
        else:
            b.copy(keep_s, keep_e)
        pos = end
    b.copy(pos, len(source))
    text, omap = b.build()
    return text, omap, front


_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
               "title", "dd", "dt", "figcaption", "main", "aside", "nav", "td", "th"}
_TAG_NAME_RE = re.compile(r"</?\s*([A-Za-z0-9]+)")


def _html_to_text(source: str) -> tuple[str, OffsetMap]:
    """HTML: keep visible text only; entities decoded; block tags become line breaks."""
    b = _Builder(source)
    pos = 0
    for start, end, kind in html_tokens(source):
        b.copy(pos, start)
        if kind == "entity":
            _entity(b, source[start:end], start)
        elif kind in ("comment", "block"):
            b.blank(start, end)
        elif kind == "tag":
            name = _TAG_NAME_RE.match(source, start, end)
            if name and name.group(1).lower() in _BLOCK_TAGS:
                b.emit("\n", start, end)
        pos = end
    b.copy(pos, len(source))
    text, omap = b.build()
    return text, omap


def _entity(b: _Builder, tok: str, start: int) -> None:
    """Decode one entity.  What the decoding leaves unchanged is copied, not replaced: an unknown
    entity ("&A;") or the tail of a prefix match ("&ampx;" -> "&x;") stays character for
    character, so a span ending inside it ends at the same place in the source."""
    decoded = unescape(tok)  # never raises, even on "&#" + 5,000 digits + ";"
    keep = 0
    while keep < min(len(tok), len(decoded)) and tok[-1 - keep] == decoded[-1 - keep]:
        keep += 1
    head = decoded[:len(decoded) - keep]
    # "&#13;" must not smuggle a carriage return into the normalised text.
    b.emit(head.replace("\r\n", "\n").replace("\r", "\n"), start, start + len(tok) - keep)
    b.copy(start + len(tok) - keep, start + len(tok))


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Document:
    """One article, ready for extraction.  Frozen: extractors cannot change it."""

    path: str  # display path: relative to the working directory, POSIX style
    source: str
    text: str
    offsets: OffsetMap = field(repr=False, compare=False)
    fmt: str = "text"
    title: str | None = None
    url: str | None = None
    date_candidates: tuple[DateCandidate, ...] = ()
    #: ISO 639 code of the document's language ("en", "fr"), and where it came from:
    #: front-matter | html | detected (see :mod:`factcheck.language`); default for a Document built by hand
    lang: str = _language.DEFAULT
    lang_source: str = "default"
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def pub_date(self) -> _dt.date | None:
        """The publication date: the first candidate in order of authority, or None."""
        return self.date_candidates[0].date if self.date_candidates else None

    @property
    def date_source(self) -> str | None:
        return self.date_candidates[0].source if self.date_candidates else None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets for the text span ``[start, end)``."""
        s = self.offsets.start(start)
        e = self.offsets.end(end) if end > start else s
        return s, max(s, e)

    def position(self, src_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count characters."""
        k = bisect.bisect_right(self._line_starts, src_offset) - 1
        return k + 1, src_offset - self._line_starts[k] + 1

    def locate(self, start: int, end: int) -> tuple[int, int, int, int, str]:
        """(line, column, end_line, end_column, excerpt) of a text span, in the source."""
        s, e = self.source_span(start, end)
        line, col = self.position(s)
        end_line, end_col = self.position(e)
        return line, col, end_line, end_col, self.source[s:e]

    def line_text(self, line: int) -> str:
        """The source line ``line`` (1-based) without its line break."""
        starts = self._line_starts
        s = starts[line - 1]
        e = starts[line] if line < len(starts) else len(self.source)
        return self.source[s:e].rstrip("\r\n")


def _line_starts(source: str) -> tuple[int, ...]:
    if "\r" not in source:  # the usual case: each line starts one past the previous line's end
        return tuple(accumulate(map((1).__add__, map(len, source.split("\n")[:-1])), initial=0))
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", source):
        starts.append(m.end())
    return tuple(starts)


@dataclass(frozen=True)
class Metadata:
    """What :func:`parse_document` infers about a document besides its text: kept by the cache, so a
    cached document is not searched for its title and dates again."""

    title: str | None
    url: str | None
    date_candidates: tuple[DateCandidate, ...]
    #: the language and where it came from: detection counts words over the text, the costliest
    #: part of re-reading a cached document
    lang: str = _language.DEFAULT
    lang_source: str = "default"

    @classmethod
    def of(cls, doc: Document) -> Metadata:
        return cls(doc.title, doc.url, doc.date_candidates, doc.lang, doc.lang_source)


def parse_document(path: str, source: str, fmt: str = "text",
                   date_override: _dt.date | None = None, metadata: Metadata | None = None) -> Document:
    """Build a Document from decoded source text (pure; no file access); ``metadata``, when
    given, is what an earlier parse of the same source inferred."""
    front = None
    if fmt == "markdown":
        text, omap, front = _markdown_to_text(source)
    elif fmt == "html":
        text, omap = _html_to_text(source)
    else:
        b = _Builder(source)
        b.copy(0, len(source))
        text, omap = b.build()
    if metadata is not None:
        title, url, cands = metadata.title, metadata.url, metadata.date_candidates
        lang, lang_source = metadata.lang, metadata.lang_source
    else:
        lang, lang_source = language_of(text, source, fmt, front)
        title, url, cands = infer_metadata(text, source, fmt, front, date_override, lang)
    return Document(path=path, source=source, text=text, offsets=omap, fmt=fmt, title=title,
                    url=url, date_candidates=cands, lang=lang, lang_source=lang_source,
                    _line_starts=_line_starts(source))


class SkippedFile(Exception):
    """A file that cannot be analysed (binary, unreadable): a warning, not an error."""


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode file bytes as UTF-8; return (text, warning or None).

    Binary files (a NUL byte) raise :class:`SkippedFile`.  Undecodable bytes are
    replaced with U+FFFD and reported, because one stray Latin-1 byte should not
    hide a whole article from the checks.
    """
    if b"\x00" in data[:8192]:
        raise SkippedFile(f"{path}: binary file, skipped")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # utf-8-sig counts from after a BOM; report the offset in the file.
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        return (data.decode("utf-8-sig", errors="replace"),
                f"{path}: not valid UTF-8 (byte {offset}); undecodable bytes replaced")


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, else absolute (normalised,
    no ``..``); POSIX separators always.  A file in an object store (see
    :mod:`factcheck.remote`) is shown as its URL."""
    url = getattr(path, "url", None)
    if isinstance(url, str):
        return url
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    if rel == ".." or rel.startswith(".." + os.sep):
        rel = os.path.abspath(path)
    return Path(rel).as_posix()


def format_of(path: PurePath) -> str:
    return TEXT_SUFFIXES.get(path.suffix.lower(), "text")


def load_document(path: Path, date_override: _dt.date | None = None,
                  max_size: int = DEFAULT_MAX_SIZE) -> tuple[Document, str | None]:
    """Read and parse one file; raises SkippedFile for binary, unreadable, special or oversized files
    (see :mod:`factcheck.files`; ``max_size`` 0 = no limit)."""
    from factcheck.files import read_limited

    return document_from_bytes(path, read_limited(path, max_size), date_override)


def document_from_bytes(path: Path, data: bytes, date_override: _dt.date | None = None, *,
                        shown: str | None = None, metadata: Metadata | None = None) -> tuple[Document, str | None]:
    """The document of file ``path`` whose bytes were ``data`` (read once: the cache hashes the same bytes);
    ``shown`` is its display path, when already known."""
    shown = display_path(path) if shown is None else shown
    source, warning = decode(data, shown)
    return parse_document(shown, source, format_of(path), date_override, metadata), warning


def excluded(rel: str, patterns: Sequence[str], under_root: str | None = None) -> bool:
    """Whether a glob excludes the file: matched against its display path, its name,
    its folders and (inside a scanned folder) its path below that folder, so that
    ``drafts/*`` works for ``scan articles/`` and for absolute paths alike."""
    name = rel.rsplit("/", 1)[-1]
    # Folder names are matched below the scanned folder only: "test*" must not
    # exclude everything because an ancestor of an absolute path is called "tests".
    folders = (under_root if under_root is not None else rel).split("/")[:-1]
    for pat in patterns:
        p = pat.rstrip("/")
        for path in (rel, under_root) if under_root is not None else (rel,):
            if fnmatch.fnmatchcase(path, p) or fnmatch.fnmatchcase(path, p + "/*"):
                return True
        if fnmatch.fnmatchcase(name, p) or any(fnmatch.fnmatchcase(part, p) for part in folders):
            return True
    return False


def discover(paths: Iterable[str | Path], exclude: Sequence[str] = (), follow_symlinks: bool = False) -> list[Path]:
    """Files to scan (see :func:`factcheck.files.find_documents`, which also reports what it skipped)."""
    from factcheck.files import find_documents

    return find_documents(paths, exclude, follow_symlinks).files
