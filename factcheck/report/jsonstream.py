"""JSON written piece by piece, byte-identical to ``json.dumps(value, indent=2, ensure_ascii=False)``.

Why: the JSON and SARIF reports were built as one string and written at
once.  At 100x ECB+ that string passed 2 GiB, and one write of it to a pipe
stopped at exactly 2 GiB with no error (a single ``write`` system call
moves at most ~2 GiB on Linux, and the rest was lost); it also doubled the
report's memory at the very end of the scan.  Here an array marked
:class:`Items` is written element by element, each element rendered by
``json.dumps`` on its own and indented to its depth, so the largest piece in
memory is one finding's JSON.

The output is the same bytes as the one-shot ``json.dumps``: with ``indent``
the encoder puts every element of a non-empty container on its own line at
two spaces per depth, writes empty ones as ``[]``/``{}``, and never writes a
raw line break inside a string (it escapes them), so indenting a nested
document is re-indenting its lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO


@dataclass(frozen=True)
class Items:
    """A JSON array whose elements are made (and written) one at a time."""

    elements: Iterable[Any]


def _streams(value: Any) -> bool:
    """Whether ``value`` holds an :class:`Items` anywhere (then it is written piece by piece)."""
    if isinstance(value, Items):
        return True
    if isinstance(value, Mapping):
        return any(_streams(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_streams(v) for v in value)
    return False


def dump(value: Any, out: TextIO, depth: int = 0) -> None:
    """Write ``value`` as ``json.dumps(value, indent=2, ensure_ascii=False)`` would, at nesting ``depth``."""
    pad = "\n" + "  " * depth
    if not _streams(value):
        out.write(json.dumps(value, indent=2, ensure_ascii=False).replace("\n", pad))
        return
    if isinstance(value, Mapping):
        opened = False
        for key, item in value.items():
            out.write(("," if opened else "{") + pad + "  " + json.dumps(key, ensure_ascii=False) + ": ")
            dump(item, out, depth + 1)
            opened = True
        out.write(pad + "}" if opened else "{}")
        return
    elements = value.elements if isinstance(value, Items) else value
    opened = False
    for item in elements:
        out.write(("," if opened else "[") + pad + "  ")
        dump(item, out, depth + 1)
        opened = True
    out.write(pad + "]" if opened else "[]")
