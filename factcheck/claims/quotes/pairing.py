"""Quote marks paired into quote spans (``_Quote``), paragraph by paragraph: curly
marks by direction, straight marks by alternation (see :mod:`factcheck.claims.quotes`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_MARK_RE = re.compile("[\"“”„«»]")
_LINE_RE = re.compile(r"[^\n]+")
_TRIM_TAIL = " \t\n,;:"


@dataclass(slots=True)
class _Quote:
    open: int  # index of the opening mark, or where the text starts for a continuation
    close: int  # index of the closing mark, or the paragraph end when unclosed
    start: int  # content span (trimmed)
    end: int
    line: int
    unclosed: bool = False
    lone_close: bool = False  # only a closing mark: continues an earlier unclosed quote
    partial: bool = False
    speaker: str | None = None
    speaker_type: str | None = None
    verb: str | None = None
    inferred: bool = False
    attribution: str | None = None
    tail_end: int = -1  # end of this quote's attribution sentence (for continuations)


# --------------------------------------------------------------------------- pairing


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: the paragraphs that quote marks are paired within."""
    return [m.span() for m in _LINE_RE.finditer(text)]


def _pair(text: str) -> list[_Quote]:
    """Find quote spans, paragraph by paragraph.

    The marks are found by one search of the whole text, and only the lines that hold
    a mark, or continue a quote carried over a hard-wrapped line break, are visited: a
    line with neither pairs nothing, and most lines of an article quote no one.
    """
    out: list[_Quote] = []
    all_marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(text)]
    if not all_marks:
        return out
    lines = _lines(text)
    line_starts = [ls for ls, _ in lines]
    carry: int | None = None  # an opening mark carried over a hard-wrapped line break
    carry_kind = ""
    mi = 0  # the first mark not yet read; marks never sit on a line break, so each is on a listed line
    li = bisect.bisect_right(line_starts, all_marks[0][0]) - 1
    while li < len(lines):
        ls, le = lines[li]
        first = mi
        while mi < len(all_marks) and all_marks[mi][0] < le:
            mi += 1
        marks = all_marks[first:mi]
        state: int | None = carry
        kind = carry_kind
        carry = None
        inner = False  # a curly quote opened inside a straight one
        for k, (pos, ch) in enumerate(marks):
            if state is None:
                if ch in _CLOSERS or (ch == '"' and k == len(marks) - 1 and _looks_closing(text, pos, ls, le)
                                      and not _line_has_quote(out, li)):
                    if k == 0 and out and out[-1].unclosed:
                        q = _make(text, ls, pos, li, lone_close=True)
                        if q is not None:
                            out.append(q)
                    continue
                state, kind, inner = pos, ch, False
                continue
            closes = (ch == '"' and kind == '"') or (ch in _CLOSERS and kind in _OPENERS)
            if kind == '"' and ch in _CLOSERS:
                # Mixed typography closes a straight quote with a curly mark
                # ('"adjusted his waistband,” officials say'), unless the curly
                # mark closes a quote within the quote.
                closes, inner = not inner, False
            elif kind == '"' and ch in _OPENERS:
                inner = True
            if closes:
                q = _make(text, state, pos, li)
                if q is not None:
                    out.append(q)
                state = None
            elif ch in _OPENERS and kind in _OPENERS:
                # A new opening mark while one is open: the first was never closed.
                q = _make(text, state, pos, li, unclosed=True)
                if q is not None:
                    out.append(q)
                state, kind = pos, ch
            # otherwise: a mark of the other family inside the quote; part of it
        if state is not None:
            stripped = text[ls:le].rstrip()
            nxt = lines[li + 1] if li + 1 < len(lines) else None
            hard_wrap = (nxt is not None and nxt[0] == le + 1 and stripped[-1:] not in ".!?…:\"”"
                         and text[nxt[0]:nxt[1]].lstrip()[:1] not in "\"“„«")
            if hard_wrap:
                carry, carry_kind = state, kind
            else:
                q = _make(text, state, le, li, unclosed=True)
                if q is not None:
                    out.append(q)
        if carry is not None:
            li += 1
        elif mi < len(all_marks):
            li = bisect.bisect_right(line_starts, all_marks[mi][0], li + 1) - 1
        else:
            break
    return out


def _line_has_quote(out: list[_Quote], line: int) -> bool:
    """Is there a quote on ``line`` already?  (Then a final mark is not a lone closer.)"""
    return bool(out) and out[-1].line == line


def _looks_closing(text: str, pos: int, ls: int, le: int) -> bool:
    """A straight mark right after a word or punctuation, at a word end: a closer."""
    before = text[pos - 1] if pos > ls else " "
    after = text[pos + 1] if pos + 1 < le else " "
    return not before.isspace() and before not in ":(" and (after.isspace() or after in ".,;:!?)")


def _make(text: str, open_pos: int, close_pos: int, line: int, *, unclosed: bool = False,
          lone_close: bool = False) -> _Quote | None:
    """A quote record whose content span excludes the marks, surrounding space
    and the trailing comma of ``"…," he said`` (not the speaker's words)."""
    s = open_pos if lone_close else open_pos + 1
    e = close_pos
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in _TRIM_TAIL:
        e -= 1
    if e <= s or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return _Quote(open=open_pos, close=close_pos, start=s, end=e, line=line, unclosed=unclosed,
                  lone_close=lone_close)


