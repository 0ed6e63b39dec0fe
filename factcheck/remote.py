"""Articles in object stores: ``s3://``, ``gs://``, ``memory://`` and any other fsspec URL given to ``scan``.

Why: an archive on a cluster (see ``--executor dask``) usually lives in an
object store, not on a filesystem every worker mounts.  With ``fsspec``
installed (it comes with the ``dask`` extra; ``s3fs``/``gcsfs`` add their
stores), a path that is a URL is listed and read through fsspec, by the
scanning process and by workers alike; without it, a URL is one error line.

A file in a store travels through the pipeline as a :class:`UrlPath`, a
``Path`` whose string form (and display path) is the URL itself, so that
findings, caches and reports name ``s3://bucket/news/a.md`` as given.  The
same rules as for local folders decide what is read: article suffixes only,
no hidden files or folders, ``exclude`` patterns, and the size limit (checked
on the store's reported size before reading, and on the bytes read).
"""

from __future__ import annotations

import re
from pathlib import PosixPath
from typing import Any

from factcheck.documents import TEXT_SUFFIXES, SkippedFile
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

#: ``scheme://`` as fsspec reads it; one letter is a Windows drive (``C://`` is not a URL)
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")

INSTALL_HINT = ("reading URLs needs fsspec: pip install 'factcheck-news[dask]' (plus s3fs or gcsfs for "
                "s3:// or gs://)")


def is_url(path: object) -> bool:
    """Whether a scanned path is a URL for fsspec (``file://`` included) rather than a local path."""
    return isinstance(path, UrlPath) or (isinstance(path, str) and bool(_URL_RE.match(path)))


class UrlPath(PosixPath):
    """A file in an object store: a ``Path`` (suffix, name) whose ``str`` and ``fspath`` are its URL.

    Pickles as its URL, so worker processes (and Dask workers) receive it
    whole.  ``os`` functions given one see the URL, which no local file is
    called, so they fail rather than touch a local file of a similar name.
    """

    _url: str

    @classmethod
    def of(cls, url: str) -> UrlPath:
        """The UrlPath of ``url`` (``scheme://rest``)."""
        p = cls(url.split("://", 1)[1])
        p._url = url
        return p

    @property
    def url(self) -> str:
        return self._url

    def __str__(self) -> str:
        return self._url

    def __fspath__(self) -> str:
        return self._url

    def __repr__(self) -> str:
        return f"UrlPath({self._url!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (UrlPath.of, (self._url,))

    def __hash__(self) -> int:
        return hash(self._url)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UrlPath) and other._url == self._url

    def __lt__(self, other: object) -> bool:
        return isinstance(other, UrlPath) and self._url < other._url


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise FactcheckError(INSTALL_HINT) from None
    return fsspec


def discover(url: str) -> list[tuple[UrlPath, str]]:
    """The article files under ``url`` (a folder or one file), each with its path below ``url``, sorted.

    A URL that names one file is taken whatever its suffix, as a local file
    named on the command line is; a missing one is a user error.
    """
    fsspec = _fsspec()
    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package missing
        raise FactcheckError(f"{shown(url)}: cannot read ({exc})") from None
    try:
        if not fs.exists(root):
            raise FactcheckError(f"{shown(url)}: no such file or directory")
        if fs.isfile(root):
            return [(UrlPath.of(url), url.rsplit("/", 1)[-1])]
        found = fs.find(root)
    except OSError as exc:
        raise FactcheckError(f"{shown(url)}: cannot read ({exc})") from None
    base = root.rstrip("/") + "/"
    out = []
    for name in sorted(found):
        if not name.startswith(base):  # not below the folder (a store's odd listing): not ours to read
            continue
        rel = name[len(base):]
        parts = rel.split("/")
        if any(p.startswith(".") for p in parts) or PosixPath(parts[-1]).suffix.lower() not in TEXT_SUFFIXES:
            continue
        out.append((UrlPath.of(url.rstrip("/") + "/" + rel), rel))  # named as the user named the folder
    return out


def read(path: UrlPath, max_size: int) -> bytes:
    """The bytes of one file in a store, at most ``max_size`` of them (0: no limit); else SkippedFile."""
    from factcheck.files import megabytes  # here: files imports this module

    fsspec = _fsspec()
    name = shown(path.url)
    try:
        fs, key = fsspec.core.url_to_fs(path.url)
        size = fs.size(key)
        if max_size and size is not None and size > max_size:
            raise SkippedFile(f"{name}: {megabytes(size)}, over the size limit of {megabytes(max_size)} "
                              "(--max-size, max_size in the config), skipped")
        with fs.open(key, "rb") as fh:
            data: bytes = fh.read(max_size + 1 if max_size else -1)
    except (OSError, ValueError) as exc:
        raise SkippedFile(f"{name}: cannot read ({exc})") from exc
    if max_size and len(data) > max_size:
        raise SkippedFile(f"{name}: over the size limit of {megabytes(max_size)} "
                          "(--max-size, max_size in the config), skipped")
    return data
