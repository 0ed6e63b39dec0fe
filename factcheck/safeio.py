"""Reading small files that someone else wrote, without hanging or filling memory.

Rule files, ``canonical:`` lists, config files and baselines may come from
other teams or from a pull request.  A named pipe in their place would block
a plain ``read_text()`` forever (nothing ever writes to it), a device would
stream without end, and a multi-gigabyte file would be read whole before any
check.  :func:`read_small_text` opens only regular files, never blocks on
``open``, and refuses a file over its size limit before reading it.

:func:`inside` is the containment test for paths such files name, so that a
rule or baseline cannot make factcheck read or rescan outside the project.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

#: 1 MiB, for readable size messages
MIB = 1024 * 1024


class UnsafeFile(OSError):
    """A file factcheck will not read: not a regular file, or over the size limit.

    An :class:`OSError` so that every caller's existing "cannot read" handling
    reports it; ``str()`` is the reason alone (no errno prefix).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MiB" if n >= MIB else f"{n} bytes"


def read_small_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`UnsafeFile` otherwise.

    ``O_NONBLOCK`` makes opening a FIFO return at once (a plain open waits
    for a writer); ``fstat`` on the open descriptor then judges the file
    actually opened, so swapping the file after the first check gains nothing.
    """
    if has_nul(path):
        raise UnsafeFile("the path contains a NUL character")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(f"{_kind(st.st_mode)}, not a regular file")
        if st.st_size > limit:
            raise UnsafeFile(f"file is {_size(st.st_size)}, over the limit of {_size(limit)}")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # a file growing while read is still cut at the limit
            chunk = os.read(fd, min(limit + 1 - total, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFile(f"file is over the limit of {_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_small_text(path: Path, limit: int) -> str:
    """:func:`read_small_bytes` decoded as UTF-8 (as ``Path.read_text``); UnicodeDecodeError as usual."""
    return read_small_bytes(path, limit).decode("utf-8")


def has_nul(path: Path | str) -> bool:
    """A NUL character cannot be in a file name; the OS calls raise ValueError (not OSError) on one."""
    return "\0" in str(path)


def real(path: Path | str) -> Path:
    """The absolute path with symlinks resolved, never raising on a symlink loop (unlike ``Path.resolve``)."""
    return Path(os.path.realpath(os.path.abspath(path)))


def inside(path: Path | str, roots: Iterable[Path | str]) -> bool:
    """Does ``path`` (symlinks resolved) lie in one of ``roots`` (symlinks resolved)?  A path with a
    NUL character names no file anywhere: no."""
    if has_nul(path):
        return False
    target = real(path)
    return any(target == r or r in target.parents for r in (real(root) for root in roots))
