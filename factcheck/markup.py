"""Linear-time scanners for the markup constructs the document readers strip.

Each function here finds exactly what a simple regular expression once found
(given in its docstring), but in time linear in the source.  The expressions
were right and short, and each was quadratic or worse on a hostile file: a
lazy ``.*?`` or ``[^>]*`` that runs to the end of the file from *every*
unclosed opener ("<!--", "<p ", "```a" repeated), or, in the metadata
readers, ``<meta\\b[^>]*name=...[^>]*>`` which backtracks through the whole
rest of the file at every position of it (cubic).  The fix is always the
same observation: every opener before a given terminator fails or succeeds
*the same way*, so the terminator is searched once and shared.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator

__all__ = ["autolink_spans", "comment_spans", "fence_spans", "html_tokens", "markdown_links", "tag_spans",
           "title_text", "unescape"]


class _Finder:
    """``source.find(needle, pos)`` for nondecreasing ``pos``: one search per occurrence found."""

    __slots__ = ("_at", "_found", "_needle", "_source")

    def __init__(self, source: str, needle: str) -> None:
        self._source, self._needle = source, needle
        self._at, self._found = -1, -1

    def __call__(self, pos: int) -> int:
        if not (self._at >= 0 and self._at <= pos and (self._found < 0 or self._found >= pos)):
            self._at, self._found = pos, self._source.find(self._needle, pos)
        return self._found


# --------------------------------------------------------------------------- markdown

_FENCE_OPEN_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n", re.MULTILINE)
_FENCE_CLOSE_RE = re.compile(r"^( {0,3})([`~]+)[ \t]*(?=\r?\n|\Z)", re.MULTILINE)


class _Closers:
    """Closing-fence-shaped lines of one indent and fence character, in text order."""

    __slots__ = ("ends", "runs", "starts", "sufmax")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.runs: list[int] = []
        self.ends: list[int] = []
        self.sufmax: list[int] = []

    def add(self, start: int, run: int, end: int) -> None:
        self.starts.append(start)
        self.runs.append(run)
        self.ends.append(end)

    def seal(self) -> None:
        best = 0
        self.sufmax = [0] * len(self.runs)
        for j in range(len(self.runs) - 1, -1, -1):
            best = max(best, self.runs[j])
            self.sufmax[j] = best


def fence_spans(source: str) -> list[tuple[int, int]]:
    """Fenced code blocks, as ``^( {0,3})(`{3,}|~{3,})[^\\n]*\\n(?:.*?\\n)??\\1?\\2[`~]*[ \\t]*(?:\\r?\\n|\\Z)``
    (MULTILINE, DOTALL) found them.

    That expression reads, from each opening fence, to the first later line
    that closes it -- and to the end of the file for an unclosed one, from
    every such opener.  Here closing lines are indexed once by indent and
    fence character, with the longest fence still to come after each, so an
    unclosed opener costs a lookup.  Backtracking is kept: an opener of k
    marks with no closer of k or more is closed by the first line of the most
    marks below k (and at least 3), as the expression's ``{3,}`` gave back.
    """
    if "```" not in source and "~~~" not in source:
        return []
    buckets: dict[tuple[int, str], _Closers] = {}
    for m in _FENCE_CLOSE_RE.finditer(source):
        fence = m.group(2)
        c = fence[0]
        run = len(fence) - len(fence.lstrip(c))
        end = m.end()
        end += 2 if source.startswith("\r\n", end) else 1 if source.startswith("\n", end) else 0
        buckets.setdefault((len(m.group(1)), c), _Closers()).add(m.start(), run, end)
    for b in buckets.values():
        b.seal()
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _FENCE_OPEN_RE.finditer(source):
        if m.start() < pos:
            continue
        indent, c, k = len(m.group(1)), m.group(2)[0], len(m.group(2))
        lists = [b for b in {buckets.get((indent, c)), buckets.get((0, c))} if b is not None]
        heads = [bisect.bisect_left(b.starts, m.end()) for b in lists]
        most = max((b.sufmax[j] for b, j in zip(lists, heads, strict=True) if j < len(b.runs)), default=0)
        want = min(k, most)
        if want < 3:
            continue
        end = _first_closer(lists, heads, want)
        out.append((m.start(), end))
        pos = end
    return out


def _first_closer(lists: list[_Closers], heads: list[int], want: int) -> int:
    """End of the first line (in text order, across ``lists``) with a fence of ``want`` marks or more.

    The lines passed over lie inside the fenced block, which later openers skip,
    so the scanning is paid once per line.
    """
    best_start, best_end = -1, -1
    for b, j in zip(lists, heads, strict=True):
        while j < len(b.runs) and (best_start < 0 or b.starts[j] < best_start):
            if b.runs[j] >= want:
                best_start, best_end = b.starts[j], b.ends[j]
                break
            j += 1
    return best_end


def comment_spans(source: str) -> list[tuple[int, int]]:
    """HTML comments, as ``<!--.*?-->`` (DOTALL) found them."""
    out = []
    pos = source.find("<!--")
    while pos >= 0:
        end = source.find("-->", pos + 4)
        if end < 0:
            break  # no later opener is closed either
        out.append((pos, end + 3))
        pos = source.find("<!--", end + 3)
    return out


_AUTOLINK_START_RE = re.compile(r"<(?:https?|ftp|mailto):")
_AUTOLINK_STOP_RE = re.compile(r"[>\s]")


def autolink_spans(source: str) -> list[tuple[int, int]]:
    """Markdown autolinks, as ``<(?:https?|ftp|mailto):[^>\\s]*>`` found them.

    Every opener before the same ``>`` or space ends there: all succeed with
    the first of them (``>``), or all fail (space, end of file).
    """
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _AUTOLINK_START_RE.search(source, pos)
        if m is None:
            return out
        stop = _AUTOLINK_STOP_RE.search(source, m.end())
        if stop is None:
            return out
        if source[stop.start()] == ">":
            out.append((m.start(), stop.end()))
            pos = stop.end()
        else:
            pos = stop.start()


_LINK_TEXT_STOP_RE = re.compile(r"[\]\n]")
_LINK_TARGET_RE = re.compile(r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")


def markdown_links(source: str) -> list[tuple[int, int, int, int]]:
    """Inline links and images ``(start, end, text start, text end)``, as
    ``(!?)\\[([^\\]\\n]*)\\]\\((?:[^()\\s]|\\([^()\\s]*\\))*(?:\\s+\\"[^\\"]*\\")?\\)`` found them.

    Every ``[`` before the same ``]`` shares its target: the first of them
    makes the link, or none does.  The target pattern stops at a space or a
    second ``(``, so it reads a bounded stretch.
    """
    out: list[tuple[int, int, int, int]] = []
    pos = 0
    while True:
        lb = source.find("[", pos)
        if lb < 0:
            return out
        stop = _LINK_TEXT_STOP_RE.search(source, lb + 1)
        if stop is None:
            return out
        rb = stop.start()
        if source[rb] == "\n":
            pos = rb + 1
            continue
        target = _LINK_TARGET_RE.match(source, rb + 1)
        if target is None:
            pos = rb + 1
            continue
        start = lb - 1 if lb > pos and source[lb - 1] == "!" else lb
        out.append((start, target.end(), lb + 1, rb))
        pos = target.end()


# --------------------------------------------------------------------------- html

_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_OPEN_RE = re.compile(r"<(?:!--|!\[CDATA\[|(script|style|head|noscript|template)\b|[!?/]?[A-Za-z])|&",
                      re.IGNORECASE)
_BLOCK_CLOSE_RES = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
                    for name in ("script", "style", "head", "noscript", "template")}


def html_tokens(source: str) -> Iterator[tuple[int, int, str]]:
    """HTML tokens ``(start, end, kind)``, kind "comment", "block", "cdata", "tag" or "entity", as

    ``<!--.*?-->|<(script|style|head|noscript|template)\\b[^>]*>.*?</\\1\\s*>|<!\\[CDATA\\[.*?\\]\\]>
    |<[!?/]?[A-Za-z][^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);``
    (DOTALL, IGNORECASE) found them, alternatives in that order.

    Each closing string ("-->", ">", "]]>", "</script>") is searched once for all
    the openers before it; an opener nothing closes falls through to the next
    alternative, as in the expression (an unclosed ``<script>`` is a plain tag).
    """
    gt = _Finder(source, ">")
    comment_end = _Finder(source, "-->")
    cdata_end = _Finder(source, "]]>")
    block_end: dict[str, tuple[int, re.Match[str] | None]] = {}
    pos = 0
    while True:
        m = _OPEN_RE.search(source, pos)
        if m is None:
            return
        p = m.start()
        tok = m.group()
        if tok == "&":
            e = _ENTITY_RE.match(source, p)
            if e is not None:
                yield p, e.end(), "entity"
                pos = e.end()
            else:
                pos = p + 1
            continue
        if tok == "<!--":
            close = comment_end(p + 4)
            if close >= 0:
                yield p, close + 3, "comment"
                pos = close + 3
            else:
                pos = p + 1  # "<!-" is no tag either
            continue
        if tok.upper() == "<![CDATA[":
            close = cdata_end(p + 9)
            if close >= 0:
                yield p, close + 3, "cdata"
                pos = close + 3
            else:
                pos = p + 1  # "<![" is no tag either
            continue
        close = gt(m.end())
        if close < 0:
            # No ">" after here: no tag, comment or block can close, only entities remain.
            for e in _ENTITY_RE.finditer(source, p + 1):
                yield e.start(), e.end(), "entity"
            return
        name = m.group(1)
        if name is not None:
            closing = _block_close(source, name.lower(), close + 1, block_end)
            if closing is not None:
                yield p, closing.end(), "block"
                pos = closing.end()
                continue
        yield p, close + 1, "tag"
        pos = close + 1


def _block_close(source: str, name: str, pos: int,
                 memo: dict[str, tuple[int, re.Match[str] | None]]) -> re.Match[str] | None:
    """The first ``</name\\s*>`` at or after ``pos``, remembered: a search that found
    nothing from an earlier offset finds nothing from a later one."""
    seen = memo.get(name)
    if seen is not None:
        at, found = seen
        if at <= pos and (found is None or found.start() >= pos):
            return found
    found = _BLOCK_CLOSE_RES[name].search(source, pos)
    memo[name] = (pos, found)
    return found


def tag_spans(source: str, tag: str, attr: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Tags ``<tag ...>`` with ``attr`` among their attributes, as
    ``<tag\\b[^>]*ATTR[^>]*>`` (IGNORECASE) found them with ``finditer``.

    The expression backtracked through the rest of the file at every ``<tag``
    that no ``>`` closes (cubic on "<meta name='date' " repeated).  A tag ends
    at the first ``>``; all openers before it share that end, so only the
    first is read, and a match spans to that ``>``.
    """
    opener = re.compile(rf"<{tag}\b", re.IGNORECASE)
    pos = 0
    while True:
        m = opener.search(source, pos)
        if m is None:
            return
        close = source.find(">", m.end())
        if close < 0:
            return
        if attr.search(source, m.end(), close):
            yield m.start(), close + 1
        pos = close + 1


_TITLE_OPEN_RE = re.compile(r"<title\b", re.IGNORECASE)
_TITLE_CLOSE_RE = re.compile(r"</title\s*>", re.IGNORECASE)


def title_text(source: str) -> str | None:
    """The raw text of the first ``<title>``, as ``<title\\b[^>]*>(.*?)</title\\s*>``
    (DOTALL, IGNORECASE) found it: only the first opener can succeed, since a
    later one has no later ``>`` or closing tag than the first."""
    m = _TITLE_OPEN_RE.search(source)
    if m is None:
        return None
    close = source.find(">", m.end())
    if close < 0:
        return None
    end = _TITLE_CLOSE_RE.search(source, close + 1)
    return source[close + 1:end.start()] if end is not None else None


#: A numeric character reference of many digits: html.unescape reads it with
#: ``int()``, which refuses more than 4300 digits (leading zeros included).
_LONG_CHARREF_RE = re.compile(r"&#(?:([0-9]{8,})|[xX]([0-9a-fA-F]{7,}))(;?)")


def _short_charref(m: re.Match[str]) -> str:
    """The same reference in few digits: U+FFFD (what html.unescape makes of any
    number beyond U+10FFFF) when too long for a code point, else without its zeros."""
    dec, hexa, semi = m.group(1), m.group(2), m.group(3)
    digits = (dec or hexa).lstrip("0") or "0"
    if len(digits) > (7 if dec else 6):
        return "\ufffd"
    return f"&#{digits}{semi}" if dec else f"&#x{digits}{semi}"


def unescape(s: str) -> str:
    """``html.unescape`` that never raises on a reference of thousands of digits."""
    if "&#" in s:
        s = _LONG_CHARREF_RE.sub(_short_charref, s)
    return html.unescape(s)
