"""The cache directory on disk: its marker files, atomic entry files, and ``factcheck cache clean``.

The directory is marked as ruff and Black mark theirs: a ``.gitignore`` of
``*`` (so it is never committed, wherever it is) and a ``CACHEDIR.TAG`` with
the standard signature (https://bford.info/cachedir/), which backup tools
honour and which ``factcheck cache clean`` requires before it deletes
anything: a ``--cache-dir`` pointing at the wrong folder must not wipe it.

Entries are written to a temporary file beside the target and renamed over
it (:func:`factcheck.atomic.write_atomic`, without the ``fsync`` a report
needs: a torn entry after a crash is caught by validation and rebuilt), so
concurrent scans sharing a cache each leave whole entries; the last rename
wins.  Reads are bounded in size and every failure is a miss.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from factcheck.atomic import write_atomic
from factcheck.errors import FactcheckError

#: the standard first line of a CACHEDIR.TAG (https://bford.info/cachedir/)
CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
TAG_TEXT = (f"{CACHEDIR_SIGNATURE}\n# This file is a cache directory tag created by factcheck.\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n")
#: the largest entry read back (an article's claims are a few hundred KiB at most)
MAX_ENTRY_BYTES = 64 * 1024 * 1024
DEFAULT_CACHE_DIR = Path(".factcheck_cache")
GITIGNORE = "*\n"


def prepare(root: Path) -> None:
    """Create the cache directory with its ``.gitignore`` and ``CACHEDIR.TAG``; OSError/FactcheckError
    when it cannot be written (the caller warns and scans without a cache)."""
    if root.is_symlink():
        raise FactcheckError("it is a symbolic link")
    if root.is_dir() and not is_tagged(root) and any(not _marker(p) for p in root.iterdir()):
        # `--cache-dir src` must not put a `.gitignore` of `*` into someone's sources.
        raise FactcheckError("it is a folder with files but no CACHEDIR.TAG, not a factcheck cache")
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", TAG_TEXT), (".gitignore", GITIGNORE)):  # the tag first: see _marker
        target = root / name
        try:
            if target.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        write_atomic(target, text, durable=False)


def _marker(entry: Path) -> bool:
    """A file another scan writes while it creates the same cache folder (the temporary files of its
    tag and ``.gitignore``, or that ``.gitignore``): a folder holding only these is a cache being
    made, not a stranger's folder, so two scans starting together on a new cache both use it."""
    name = entry.name
    if name.startswith((".CACHEDIR.TAG.", "..gitignore.")) and name.endswith(".tmp"):
        return True
    try:
        return name == ".gitignore" and entry.read_text(encoding="utf-8") == GITIGNORE
    except (OSError, UnicodeDecodeError):
        return False


def is_tagged(root: Path) -> bool:
    """Whether ``root`` is a directory holding factcheck's own CACHEDIR.TAG.

    Not any tag with the standard signature: ``--cache-dir .ruff_cache``
    must not make ``factcheck cache clean`` delete another tool's cache.
    """
    tag = root / "CACHEDIR.TAG"
    try:
        if not root.is_dir() or root.is_symlink() or tag.is_symlink():
            return False
        with open(tag, "rb") as fh:
            return fh.read(len(TAG_TEXT) + 1) == TAG_TEXT.encode("ascii")
    except OSError:
        return False


def clean(root: Path) -> bool:
    """Remove the cache directory ``root``; False when there is none.

    A directory without our ``CACHEDIR.TAG`` is refused (a FactcheckError):
    it is not a cache, whatever its name.
    """
    if not root.exists() and not root.is_symlink():
        return False
    if not is_tagged(root):
        raise FactcheckError(f"{root}: not a factcheck cache directory (no CACHEDIR.TAG written by factcheck); "
                             "refusing to delete it")
    try:
        shutil.rmtree(root)
    except OSError as exc:
        raise FactcheckError(f"cannot remove {root}: {exc.strerror or exc}") from exc
    return True


def read_json(path: Path | str, prefix: bytes = b"") -> Any:
    """A stored JSON document, or None when it is missing, too large, unreadable or not JSON, or
    does not start with ``prefix`` (checked before the rest is read: a large file written for other
    inputs, such as the corpus phase of another set of documents, is then neither read nor parsed)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(len(prefix))
            if data != prefix:
                return None
            data += fh.read(MAX_ENTRY_BYTES + 1 - len(prefix))
    except OSError:
        return None
    if len(data) > MAX_ENTRY_BYTES:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def write_json(path: Path, payload: Any, root: Path) -> bool:
    """Store ``payload`` atomically at ``path`` inside the cache folder ``root``; False (never an
    exception) when it cannot be written.

    A folder on the way that is a symbolic link leading out of ``root`` is refused: a cache
    restored from an untrusted branch must not make a scan write into the CI user's other folders.
    """
    real, base = os.path.realpath(path.parent), os.path.realpath(root)
    if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
        return False
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        write_atomic(path, text, durable=False)
    except (FactcheckError, OSError, ValueError):
        return False
    return True
