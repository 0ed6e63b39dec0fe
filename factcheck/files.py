"""Which files a scan reads, and how: discovery and bounded, non-blocking reads.

factcheck runs unattended over trees nobody has read, so discovery decides
what is *safe* to open, not only what looks like an article:

- only regular files are read.  A named pipe would block the first ``read``
  forever (and ``open`` itself, for a FIFO with no writer); a socket or a
  device is not an article.  They are skipped with a warning, wherever they
  are -- inside a folder or named on the command line;
- a symbolic link inside a scanned folder is followed only when its target
  stays inside that folder.  A link out of it (``notes.txt -> ~/.ssh/id_rsa``
  in a pull request) is reported and skipped unless ``--follow-symlinks``:
  otherwise the secret's text would end up in CI annotations.  A symbolic
  link loop or a dangling link is reported and skipped.  Links to folders
  are not descended (unless ``--follow-symlinks``, with loop protection);
- a file larger than ``max_size`` bytes (default 10 MB, ``0`` = no limit) is
  skipped with a warning: one 50 MB file would otherwise hold a CI job for
  many minutes.

Everything skipped is a warning string, never an exception, so a hostile
tree cannot stop the scan of the rest.  A path named on the command line
that does not exist is still a user error (exit 2).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.documents import DEFAULT_MAX_SIZE, TEXT_SUFFIXES, SkippedFile, display_path, excluded
from factcheck.errors import FactcheckError
from factcheck.remote import UrlPath, discover, is_url
from factcheck.remote import read as read_url
from factcheck.safetext import shown

_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}


def parse_size(value: object, what: str = "--max-size") -> int:
    """Bytes from ``10000000``, ``"10MB"``, ``"500k"``; 0 means no limit.  Bad input: FactcheckError."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise FactcheckError(f"{what} must be a size in bytes (e.g. 10MB; 0 = no limit), not {value!r}")
    if isinstance(value, int):
        number, unit = value, ""
    else:
        text = value.strip().lower().replace(" ", "")
        digits = text.rstrip("bkmg")
        unit = text[len(digits):]
        if not digits.isdigit() or len(digits) > 15 or unit not in _UNITS:
            raise FactcheckError(f"{what} must be a size in bytes (e.g. 10MB; 0 = no limit), not {value!r}")
        number = int(digits)
    if number < 0:
        raise FactcheckError(f"{what} must be a size in bytes (e.g. 10MB; 0 = no limit), not {value!r}")
    return number * _UNITS[unit]


def megabytes(n: int) -> str:
    """A size as warnings show it."""
    return f"{n / 1000**2:.1f} MB" if n >= 100_000 else f"{n} bytes"


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _skip_message(path: Path, why: str) -> str:
    return f"{shown(display_path(path))}: {why}, skipped"


@dataclass
class Discovery:
    """Files to scan (sorted, no duplicates) and a warning for each file skipped on the way."""

    files: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _link_target(path: Path, root: str | None, follow: bool) -> tuple[os.stat_result | None, str | None]:
    """(stat of the target, None) for a link that may be followed, else (None, why it is skipped)."""
    try:
        st = os.stat(path)
        real = os.path.realpath(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return None, "dangling symbolic link"
        return None, f"cannot follow symbolic link ({exc.strerror or exc})"
    if root is not None and not follow and not _inside(real, root):
        return None, "symbolic link to a file outside the scanned folder (use --follow-symlinks to read it)"
    return st, None


def find_documents(paths: Iterable[str | Path], exclude: Sequence[str] = (),
                   follow_symlinks: bool = False) -> Discovery:
    """Files to scan: named files as given, folders searched recursively for article suffixes.

    A file named explicitly is taken whatever its suffix (the user's call),
    and a link named explicitly is followed; hidden files and folders inside
    a folder are skipped.  The result is sorted so output is deterministic.
    """
    found: dict[str, Path] = {}
    out = Discovery()
    for raw in paths:
        if is_url(raw):  # an object store (s3://, gs://, memory://...), read through fsspec
            url = str(raw)
            for up, rel in discover(url):
                if not excluded(str(up), exclude, rel if str(up) != url else None):
                    found[str(up)] = up
            continue
        p = Path(raw)
        try:
            st = os.stat(p)
        except OSError as exc:
            if p.is_symlink():  # a loop or a dangling link, named by the user: warn like any other
                out.skipped.append(_skip_message(p, "symbolic link loop" if exc.errno == errno.ELOOP
                                                 else "dangling symbolic link"))
                continue
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                raise FactcheckError(f"{shown(str(raw))}: no such file or directory") from None
            raise FactcheckError(f"{shown(str(raw))}: cannot read ({exc.strerror or exc})") from None
        if stat.S_ISDIR(st.st_mode):
            _walk(p, exclude, follow_symlinks, found, out)
        elif stat.S_ISREG(st.st_mode):
            if not excluded(display_path(p), exclude):
                found[display_path(p)] = p
        else:
            out.skipped.append(_skip_message(p, _kind(st.st_mode)))
    out.files = [found[k] for k in sorted(found)]
    return out


def _walk(top: Path, exclude: Sequence[str], follow: bool, found: dict[str, Path], out: Discovery) -> None:
    root = os.path.realpath(top)
    seen_dirs: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else top
        out.skipped.append(_skip_message(where, f"cannot read folder ({exc.strerror or exc})"))

    for dirpath, dirnames, filenames in os.walk(top, onerror=on_error, followlinks=follow):
        if follow:  # a link back up the tree must not walk for ever
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                out.skipped.append(_skip_message(Path(dirpath), "symbolic link loop"))
                dirnames[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            fp = Path(dirpath) / fn
            if fp.suffix.lower() not in TEXT_SUFFIXES or fn.startswith("."):
                continue
            shown_path = display_path(fp)
            if excluded(shown_path, exclude, fp.relative_to(top).as_posix()):
                continue
            try:
                lst = os.lstat(fp)
            except OSError as exc:
                out.skipped.append(_skip_message(fp, f"cannot read ({exc.strerror or exc})"))
                continue
            mode = lst.st_mode
            if stat.S_ISLNK(mode):
                target, why = _link_target(fp, root, follow)
                if target is None:
                    out.skipped.append(_skip_message(fp, why or "symbolic link"))
                    continue
                mode = target.st_mode
            if not stat.S_ISREG(mode):
                out.skipped.append(_skip_message(fp, _kind(mode)))
                continue
            found[shown_path] = fp


def read_limited(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file, at most ``max_size`` of them (0: no limit); else SkippedFile.

    A :class:`~factcheck.remote.UrlPath` is read through fsspec.  A local file is
    opened non-blocking and checked with ``fstat`` on the open file, so a
    file swapped for a FIFO after discovery still cannot block the read.
    """
    if isinstance(path, UrlPath):
        return read_url(path, max_size)
    # The name is for the error messages only: a re-scan reads every file (its digest, then the
    # check that it did not change meanwhile), and formatting a display path each time was most of
    # this function's own time.
    def name() -> str:
        return shown(display_path(path))

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SkippedFile(f"{name()}: symbolic link loop, skipped") from exc
        raise SkippedFile(f"{name()}: cannot read ({exc.strerror or exc})") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SkippedFile(f"{name()}: {_kind(st.st_mode)}, skipped")
        if max_size and st.st_size > max_size:
            raise SkippedFile(f"{name()}: {megabytes(st.st_size)}, over the size limit of {megabytes(max_size)} "
                              "(--max-size, max_size in the config), skipped")
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if max_size and total > max_size:  # grew after the fstat
                raise SkippedFile(f"{name()}: over the size limit of {megabytes(max_size)} "
                                  "(--max-size, max_size in the config), skipped")
        return b"".join(chunks)
    except OSError as exc:
        raise SkippedFile(f"{name()}: cannot read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
