"""Writing files safely: every report and baseline factcheck writes goes through here.

Why one module: a CI job can be killed at any moment (timeout, SIGTERM,
full disk), and a half-written baseline or SARIF file is worse than an old
one -- the next run would reject it or, worse, read it.  So every write goes
to a temporary file in the target's folder (same file system, so the rename
is atomic) and is renamed over the target only once complete and flushed.
A reader sees the old file or the new one, never half of either.

Output paths are checked before anything is scanned (:func:`check_output`):
a path that names a folder (``.``, ``/``, ``""``), or a symbolic link, is a
user error.  A symlink is refused rather than written through or replaced:
in a repository under review, ``factcheck.sarif -> ~/.bashrc`` must not make
a CI job write outside the checkout, and silently turning the link into a
regular file would surprise whoever made it.  :func:`check_not_input` keeps
a report from replacing an article it scanned or the baseline it read.
"""

from __future__ import annotations

import io
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck.documents import display_path
from factcheck.errors import FactcheckError
from factcheck.safetext import shown


def _label(option: str, path: Path) -> str:
    return f"{option} {shown(display_path(path))}"


def check_output(path: Path, option: str = "--output") -> Path:
    """Validate an output path before the scan; returns it unchanged.

    ``Path("")`` is ``Path(".")``, so an empty argument is reported as the
    folder it means.
    """
    if str(path) in ("", ".") or path.name in ("", ".", ".."):
        raise FactcheckError(f"{option} {shown(str(path))!r}: is a folder, not a file name")
    if path.is_symlink():
        raise FactcheckError(f"{_label(option, path)}: is a symbolic link; refusing to write through or "
                             "replace it (name the link's target instead)")
    if path.is_dir():
        raise FactcheckError(f"{_label(option, path)}: is a folder, not a file name")
    if path.exists() and not path.is_file():
        raise FactcheckError(f"{_label(option, path)}: is not a regular file")
    return path


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same real path, or (hard links) the same inode."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, ValueError, RuntimeError):
        return False


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """(real path, (device, inode) when it exists): what makes two paths one file, hard links included."""
    real = os.path.realpath(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return real, None
    return real, (st.st_dev, st.st_ino)


def check_not_input(outputs: Iterable[tuple[str, Path]], inputs: Iterable[Path], what: str = "a scanned input",
                    ) -> None:
    """Refuse an output that would replace one of ``inputs`` (exit 2, before anything is written).

    One ``realpath`` and one ``stat`` per input, so a guard over an archive of
    thousands of files stays cheap.
    """
    outs = [(option, out, *_identity(out)) for option, out in outputs]
    for src in inputs:
        real, inode = _identity(src)
        for option, out, out_real, out_inode in outs:
            if real == out_real or (inode is not None and inode == out_inode):
                raise FactcheckError(f"{_label(option, out)}: would overwrite {what} ({shown(display_path(src))})")


def check_distinct(outputs: Iterable[tuple[str, Path]]) -> None:
    """Two outputs naming one file would leave only the last report: an error, not a surprise."""
    seen: list[tuple[str, Path]] = []
    for option, out in outputs:
        for other_option, other in seen:
            if same_file(out, other):
                raise FactcheckError(f"{_label(option, out)}: also written by {other_option}; name another file")
        seen.append((option, out))


def _shown(path: Path) -> str:
    """A path for a message, computed only when there is one (the cache writes thousands of files)."""
    return shown(display_path(path))


def _new_file_mode() -> int:
    """0o666 less the umask, as ``open()`` would create the file (read without changing it: os.umask sets)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` via a temporary file and a rename.

    ``durable=False`` skips the ``fsync`` (the on-disk cache: an entry torn by
    a crash is rejected when read, and an fsync per article would cost more
    than the cache saves).
    """
    write_atomic_bytes(path, text.encode("utf-8"), durable=durable)


def write_atomic_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    Bytes, so that ``--fix`` can keep a file's encoding, BOM and line ends exactly;
    ``durable`` as for :func:`write_atomic`.

    An existing target keeps its permission bits; a new one gets the mode a
    plain ``open()`` would give it.  Missing parent folders are created.  The
    temporary file is removed on any failure, including an interrupt.  Any
    OS error becomes a one-line :class:`FactcheckError`.
    """
    write_atomic_with(path, lambda fh: fh.write(data), durable=durable)


def write_atomic_text(path: Path, fill: Callable[[TextIO], object], *, durable: bool = True) -> None:
    """Write what ``fill(stream)`` writes (UTF-8, no newline translation) to ``path``, atomically, as
    :func:`write_atomic` writes a string: for reports too large to build as one (see
    :mod:`factcheck.report.jsonstream`)."""
    def binary(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        try:
            fill(text)
            text.flush()
        finally:
            text.detach()  # the file is closed by write_atomic_with, after its fsync

    write_atomic_with(path, binary, durable=durable)


def write_atomic_with(path: Path, fill: Callable[[BinaryIO], object], *, durable: bool = True) -> None:
    """:func:`write_atomic_bytes` with the bytes written by ``fill(file)``."""
    if path.is_symlink():  # checked again here: the API and `baseline update` call this directly
        raise FactcheckError(f"cannot write {_shown(path)}: is a symbolic link; refusing to replace it")
    parent = path.parent
    tmp = parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        if str(parent) not in ("", "."):
            if parent.exists() and not parent.is_dir():
                raise FactcheckError(f"cannot write {_shown(path)}: {_shown(parent)} is not a folder")
            parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = _new_file_mode()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fill(fh)
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FactcheckError(f"cannot write {_shown(path)}: {exc.strerror or exc}") from exc
