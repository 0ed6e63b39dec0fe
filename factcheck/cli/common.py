"""What every command shares: the app, option types, config loading, output writing, one-line errors.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or rule error (one line on stderr, no traceback), and
also an internal error (a bug: one "internal error" line asking for a report),
so that a crash can never pass for findings; 130 interrupted.
Errors outrank findings.  Nothing here computes findings; it only wires.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Container
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import __version__
from factcheck.config import Config, load_config
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.documents import Document

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  no_args_is_help=True,
                  help="Check facts and claims for consistency within and across articles.")

ConfigOpt = Annotated[Path | None, typer.Option("--config", metavar="FILE",
                                                help="Config file (factcheck.toml or pyproject.toml).")]
RulesOpt = Annotated[list[str] | None, typer.Option("--rules", metavar="PATH",
                                                    help="Extra rule file or folder (repeatable).")]


def _choices(*names: str) -> str:
    """The metavar of an option with fixed values: ``[text|json]``, so --help lists them."""
    return "[" + "|".join(names) + "]"


def _fail(message: str) -> typer.Exit:
    print(f"factcheck: error: {shown(message)}", file=sys.stderr)
    return typer.Exit(2)


def _warn(message: str) -> None:
    """One warning line on stderr; article text and file names in it are shown escaped (factcheck.safetext)."""
    print(f"factcheck: warning: {shown(message)}", file=sys.stderr)


def _config(config_path: Path | None, **flags: object) -> Config:
    return load_config(config_path).merged(**flags)


def _load_documents(paths: list[str], config: Config, quiet: bool = False) -> list[Document]:
    """Discover and load documents, reporting skipped and badly encoded files on stderr."""
    from factcheck.documents import SkippedFile, display_path, load_document
    from factcheck.files import find_documents

    docs = []
    found = find_documents(paths, config.exclude, config.follow_symlinks)
    if not quiet:
        for skipped in found.skipped:
            _warn(skipped)
    for p in found.files:
        try:
            doc, warning = load_document(p, config.date_override(display_path(p)), config.max_size)
        except SkippedFile as exc:
            if not quiet:
                _warn(str(exc))
            continue
        if warning and not quiet:
            _warn(warning)
        docs.append(doc)
    return docs


def _version_callback(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """Check facts and claims for consistency within and across articles."""


class _Progress:
    """A one-line progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\rscanning [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()


def _write(text: str, output: Path | None) -> None:
    """To stdout, or atomically to ``output`` (checked by :func:`_guard_outputs` before the scan)."""
    if output is None:
        sys.stdout.write(text)
        return
    from factcheck.atomic import write_atomic

    write_atomic(output, text)


def _guard_outputs(outputs: list[tuple[str, Path]], paths: list[str], config: Config,
                   baseline: Path | None = None) -> None:
    """Refuse, before anything is scanned or written, outputs that are folders or symlinks, name
    one file twice, or would replace a scanned document (``corpus`` ones too) or the baseline read."""
    if not outputs:
        return
    from factcheck.atomic import check_distinct, check_not_input, check_output
    from factcheck.files import find_documents

    for option, path in outputs:
        check_output(path, option)
    check_distinct(outputs)
    if baseline is not None:
        check_not_input(outputs, [baseline], "the baseline being read")
    inputs = find_documents(paths, config.exclude, config.follow_symlinks).files
    if config.corpus:
        inputs += find_documents(config.corpus, config.exclude, config.follow_symlinks).files
    check_not_input(outputs, inputs)


def _cache_root(config: Config, cache_dir: Path | None) -> Path:
    """``--cache-dir``, else ``cache_dir`` in the config, else .factcheck_cache in the working directory."""
    from factcheck.cache import DEFAULT_CACHE_DIR

    return cache_dir if cache_dir is not None else config.cache_dir or DEFAULT_CACHE_DIR


#: set (to anything but "" or "0") to turn the cache off, as ``--no-cache`` does (the test suite sets it)
NO_CACHE_ENV = "FACTCHECK_NO_CACHE"


def _with_cache(config: Config, no_cache: bool, cache_dir: Path | None) -> Config:
    """The CLI caches by default (the API only when ``cache_dir`` is set); ``--no-cache`` or
    ``FACTCHECK_NO_CACHE=1`` turns it off."""
    off = no_cache or os.environ.get(NO_CACHE_ENV, "") not in ("", "0")
    return replace(config, cache_dir=None if off else _cache_root(config, cache_dir))


def _size_flag(value: str | None) -> int | None:
    from factcheck.files import parse_size

    return None if value is None else parse_size(value)


ExcludeOpt = Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB",
                                                      help="Glob of files to skip (repeatable).")]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", metavar="ID",
                                                     help="Only these rule ids or prefixes.")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", metavar="ID",
                                                     help="Skip these rule ids or prefixes.")]
ExtendSelectOpt = Annotated[list[str] | None, typer.Option(
    "--extend-select", metavar="ID",
    help="Add rule ids or prefixes to a narrowed selection (never narrows by itself).")]
ExtendIgnoreOpt = Annotated[list[str] | None, typer.Option(
    "--extend-ignore", metavar="ID", help="Also skip these rule ids or prefixes.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")]
CacheDirOpt = Annotated[Path | None, typer.Option(
    "--cache-dir", metavar="DIR", help="The on-disk cache's folder (default: cache_dir in the config, "
                                       "else .factcheck_cache).")]
FollowOpt = Annotated[bool, typer.Option(
    "--follow-symlinks", help="Follow symbolic links that leave a scanned folder (default: report and skip them).")]
MaxSizeOpt = Annotated[str | None, typer.Option(
    "--max-size", metavar="BYTES", help="Skip documents larger than this (e.g. 10MB, the default; 0 = no limit).")]
#: the names of factcheck.report.FORMATTERS (a test keeps them equal), without importing the formatters
SCAN_FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "concise", "html")
FORMAT_NAMES = ", ".join(SCAN_FORMATS[:-1]) + " or " + SCAN_FORMATS[-1]
RULES_FORMATS = ("text", "json", "markdown")
#: factcheck.claims.base.KINDS (a test keeps them equal); importing it would load every extractor
CLAIM_KINDS = ("quantity", "count", "ordinal", "vote", "date", "name", "quote", "enumeration")


#: where the map phase runs (``--executor``): factcheck.engine's process pool, or factcheck.dask_executor
EXECUTORS = ("local", "dask")


def _use_dask(executor: str | None, scheduler: str | None) -> bool:
    """Does ``--executor``/``--scheduler`` ask for Dask?  A scheduler with the local executor is a contradiction."""
    if executor is not None and executor not in EXECUTORS:
        raise FactcheckError(f"--executor must be local or dask, not {executor!r}")
    if scheduler is not None and executor == "local":
        raise FactcheckError("--scheduler needs --executor dask (the local executor runs on this machine)")
    return executor == "dask" or scheduler is not None


def _parse_also(values: list[str] | None, formatters: Container[str]) -> list[tuple[str, Path]]:
    """``--also FORMAT:FILE`` -> (format, path); a typo is an error before anything is scanned."""
    out: list[tuple[str, Path]] = []
    for value in values or ():
        fmt, sep, file = value.partition(":")
        if not sep or not file:
            raise FactcheckError(f"--also takes FORMAT:FILE (e.g. sarif:factcheck.sarif), not {value!r}")
        if fmt not in formatters:
            raise FactcheckError(f"--also: format must be one of {FORMAT_NAMES}, not {fmt!r}")
        out.append((fmt, Path(file)))
    return out
