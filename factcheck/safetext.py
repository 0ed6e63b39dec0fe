"""Terminal-safe text: article text and file names shown escaped, never interpreted.

Articles and file names come from people factcheck does not trust (an archive
nobody read, a pull request).  Printed raw, ``ESC ] 0 ; ... BEL`` retitles the
terminal, ``ESC [ 2 J`` clears it, and a carriage return overwrites what a
reviewer is reading; GitHub's log viewer honours the same ANSI sequences.  So
every human-readable format (text, concise, github, junit, the claims table,
``docs``) and every stderr message that quotes user text passes it through
:func:`shown`.  Machine formats (json, sarif, gitlab) need nothing: JSON
already escapes control characters.

Escaped: C0 controls except tab and (optionally) line feed, DEL, C1
controls, and the bidirectional overrides/isolates that can make a line read
differently from what it holds ("Trojan Source").  Each becomes ``\\xNN`` or
``\\uNNNN``; everything else, including ordinary Unicode, is left alone.
"""

from __future__ import annotations

import re

_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_OR_LF_RE = re.compile(f"[{_UNSAFE}\n]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, keep_newlines: bool = False) -> str:
    """``text`` with control and direction-changing characters escaped (``\\x1b``, ``\\u202e``).

    Line feeds are escaped too unless ``keep_newlines``: a one-line message
    (a warning, an error, a concise finding) must stay one line.
    """
    return (_UNSAFE_RE if keep_newlines else _UNSAFE_OR_LF_RE).sub(_escape, text)
