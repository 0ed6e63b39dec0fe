"""The command line: parse arguments -> Config -> engine -> report -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or rule error (one line on stderr, no traceback), and
also an internal error (a bug: one "internal error" line asking for a report),
so that a crash can never pass for findings; 130 interrupted.
Errors outrank findings.  Nothing here computes findings; it only wires.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import __version__
from factcheck.config import Config, as_paths, load_config, severity_at_least
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.claims.base import Claim
    from factcheck.documents import Document
    from factcheck.facts import Facts

if TYPE_CHECKING:
    from factcheck.engine import Report
    from factcheck.fixer import FixOutcome

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


@app.command(epilog="Examples: factcheck scan articles/ --format json --output findings.json; "
                    "factcheck scan articles/ --baseline .factcheck-baseline.json --also sarif:factcheck.sarif")
def scan(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders to scan (folders recursively).")],
    exclude: ExcludeOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    extend_ignore: ExtendIgnoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices(*SCAN_FORMATS),
                                     help="The report's format, on stdout or --output.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Write the report to FILE.")] = None,
    also: Annotated[list[str] | None, typer.Option(
        "--also", metavar="FORMAT:FILE",
        help="Also write the report as FORMAT to FILE, e.g. sarif:factcheck.sarif (repeatable).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar="FILE", help="Baseline file: findings in it are accepted; only new ones fail.")] = None,
    no_baseline: Annotated[bool, typer.Option("--no-baseline", help="Ignore a baseline set in the config.")] = False,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", metavar=_choices("error", "warning", "info"),
        help="The lowest severity that fails the run (exit 1); default warning.")] = None,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print how many findings each rule produced (most first) instead of the findings "
                             "(a JSON list with --format json); --also reports are unaffected.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No ANSI colours.")] = False,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the on-disk cache.")] = False,
    cache_dir: CacheDirOpt = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", metavar="N", min=0,
        help="Worker processes (0 = automatic; with --executor dask, the LocalCluster's workers).")] = None,
    executor: Annotated[str | None, typer.Option(
        "--executor", metavar=_choices(*EXECUTORS),
        help="Where the per-document phase runs: this machine's processes, or Dask tasks "
             "(a LocalCluster, or the cluster at --scheduler).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="A Dask scheduler to run on, e.g. tcp://host:8786 (implies --executor dask).")] = None,
    quiet: QuietOpt = False,
    config_path: ConfigOpt = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes (in place, atomically), then report what remains.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print the fixes as a unified diff and change nothing; exit 1 if there is any.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option(
        "--unsafe-fixes", help="With --fix or --diff, also the unsafe fixes (a figure or date the rest of "
                               "the story agrees on).")] = False,
) -> None:
    """Scan articles and report inconsistencies."""
    from factcheck.engine import scan as run_scan
    from factcheck.report import FORMATTERS, RenderContext

    try:
        if fmt not in FORMATTERS:
            raise FactcheckError(f"--format must be one of {FORMAT_NAMES}, not {fmt!r}")
        extra_outputs = _parse_also(also, FORMATTERS)
        config = _config(config_path, exclude=exclude, rules=as_paths(rules), select=select, ignore=ignore,
                         extend_select=extend_select, extend_ignore=extend_ignore, fail_on=fail_on,
                         baseline=baseline, follow_symlinks=follow_symlinks or None, max_size=_size_flag(max_size),
                         jobs=jobs)
        config = _with_cache(config, no_cache, cache_dir)
        use_dask = _use_dask(executor, scheduler)
        if no_baseline:
            config = replace(config, baseline=None)
        elif config.baseline is None:
            from factcheck.baseline import default_baseline

            found = default_baseline(config)
            if found.is_file():  # found without configuration, like ruff's and Black's settings
                config = replace(config, baseline=found)
        outputs = [("--also", p) for _f, p in extra_outputs]
        _guard_outputs(([("--output", output)] if output is not None else []) + outputs, paths, config,
                       config.baseline)
        progress = _Progress(sys.stderr.isatty() and not quiet)
        if fix or diff:
            outcome = _fix(paths, config, fix, diff, unsafe_fixes, quiet, lambda: run_scan(paths, config, progress))
            if diff:
                raise typer.Exit(2 if outcome.errors else 1 if outcome.changes else 0)
            report = outcome.report
        elif use_dask:
            from factcheck.dask_executor import dask_executor

            with dask_executor(scheduler, config.jobs, once=True) as ex:
                report = run_scan(paths, config, progress=progress, executor=ex)
        else:
            report = run_scan(paths, config, progress=progress)
        if not quiet:
            for w in report.warnings:
                _warn(w)
            if report.baseline_stale:
                n = report.baseline_stale
                _warn(f"{n} accepted finding{'s' if n != 1 else ''} in the baseline "
                      f"{'are' if n != 1 else 'is'} no longer found; run `factcheck baseline update`")
        color = (output is None and not no_color and sys.stdout.isatty()
                 and "NO_COLOR" not in os.environ)
        for extra_fmt, extra_path in extra_outputs:
            _write(FORMATTERS[extra_fmt](report, RenderContext(version=__version__, fail_on=config.fail_on)),
                   extra_path)
        if statistics:
            from factcheck.report import statistics as stats

            _write(stats.render_json(report) if fmt == "json" else stats.render_text(report), output)
        else:
            _write(FORMATTERS[fmt](report, RenderContext(color=color, version=__version__,
                                                         fail_on=config.fail_on)), output)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    failing = [f for f in report.visible() if severity_at_least(f.severity, config.fail_on)]
    if fix and outcome.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if failing else 0)


def _fix(paths: list[str], config: Config, fix: bool, diff: bool, unsafe: bool, quiet: bool,
         scan: Callable[[], Report]) -> FixOutcome:
    """Run ``--fix``/``--diff``: the diff on stdout, one line per fixed or unfixable file on stderr."""
    from factcheck.fixer import FixMode, run_fixes

    if fix and diff:
        raise FactcheckError("--fix and --diff do not go together: --diff only shows what --fix would change")
    outcome = run_fixes(paths, config, FixMode(write=fix, unsafe=unsafe), scan)
    if diff:
        sys.stdout.write("".join(c.diff() for c in outcome.changes))
    for err in outcome.errors:
        print(f"factcheck: error: {shown(err)}", file=sys.stderr)
    if not quiet:
        for w in outcome.warnings:
            _warn(w)
        if fix:
            n = outcome.applied
            print(f"factcheck: fixed {n} finding{'s' if n != 1 else ''} in {len(outcome.changes)} "
                  f"file{'s' if len(outcome.changes) != 1 else ''}", file=sys.stderr)
        if outcome.unsafe_left:
            n = outcome.unsafe_left
            print(f"factcheck: {n} unsafe fix{'es' if n != 1 else ''} available with --unsafe-fixes",
                  file=sys.stderr)
    return outcome


baseline_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                           help="Accept today's findings so that CI fails only on new ones.")
app.add_typer(baseline_app, name="baseline")


def _baseline_scan(paths: list[str], config: Config, quiet: bool) -> Report:
    from factcheck.engine import scan as run_scan

    report = run_scan(paths, config, progress=_Progress(sys.stderr.isatty() and not quiet), use_baseline=False)
    if not quiet:
        for w in report.warnings:
            _warn(w)
    return report


@baseline_app.command("create", epilog="Example: factcheck baseline create articles/ -o .factcheck-baseline.json")
def baseline_create(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Files or folders to scan (default: .).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Baseline file to write (default: `baseline` in the config, "
                               "else .factcheck-baseline.json).")] = None,
    exclude: ExcludeOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    extend_ignore: ExtendIgnoreOpt = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    quiet: QuietOpt = False,
    config_path: ConfigOpt = None,
) -> None:
    """Accept every current finding: write a new baseline file.

    The file is overwritten and reasons start empty; to keep reasons, use
    `factcheck baseline update --accept-new` instead.
    """
    from factcheck.baseline import create_baseline, default_baseline, project_paths, save_baseline
    from factcheck.documents import display_path

    try:
        config = _config(config_path, exclude=exclude, rules=as_paths(rules), select=select, ignore=ignore,
                         extend_select=extend_select, extend_ignore=extend_ignore,
                         follow_symlinks=follow_symlinks or None, max_size=_size_flag(max_size))
        target = output or config.baseline or default_baseline(config)
        scan_paths = paths or ["."]
        _guard_outputs([("--output" if output is not None else "baseline", target)], scan_paths, config)
        report = _baseline_scan(scan_paths, config, quiet)
        pm = project_paths(config, target)
        created = create_baseline(report.findings, [pm.to_root(p) for p in scan_paths], pm)
        save_baseline(created, target)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        print(f"baseline {shown(display_path(target))}: {created.total} finding{'s' if created.total != 1 else ''} "
              f"accepted in {report.files} file{'s' if report.files != 1 else ''}")


@baseline_app.command("update", epilog="Example: factcheck baseline update --check")
def baseline_update(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Files or folders to scan (default: the paths the baseline was created from).")] = None,
    baseline_file: Annotated[Path | None, typer.Option(
        "--baseline", "-b", help="Baseline file (default: `baseline` in the config, "
                                 "else .factcheck-baseline.json).")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Change nothing; exit 1 if the baseline is stale (or, with --accept-new, "
                        "if there are new findings).")] = False,
    accept_new: Annotated[bool, typer.Option("--accept-new", help="Also accept new findings.")] = False,
    exclude: ExcludeOpt = None,
    rules: RulesOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    extend_select: ExtendSelectOpt = None,
    extend_ignore: ExtendIgnoreOpt = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    quiet: QuietOpt = False,
    config_path: ConfigOpt = None,
) -> None:
    """Drop fixed findings from the baseline, keeping reasons.

    An accepted finding is dropped when its file was scanned and it is no
    longer found, or when its file no longer exists (deleted or renamed).
    """
    from factcheck.atomic import write_atomic
    from factcheck.baseline import (
        default_baseline,
        load_baseline,
        project_paths,
        stored_scan_paths,
        update_baseline,
    )
    from factcheck.documents import display_path

    try:
        config = _config(config_path, exclude=exclude, rules=as_paths(rules), select=select, ignore=ignore,
                         extend_select=extend_select, extend_ignore=extend_ignore,
                         follow_symlinks=follow_symlinks or None, max_size=_size_flag(max_size))
        target = baseline_file or config.baseline or default_baseline(config)
        old = load_baseline(target)
        pm = project_paths(config, target)
        stored, outside = stored_scan_paths(old, pm)
        if not paths and outside and not quiet:
            print(f"factcheck: warning: {display_path(target)}: ignored 'paths' outside the project root "
                  f"{display_path(pm.root)}: {', '.join(repr(p) for p in outside)}", file=sys.stderr)
        scan_paths = paths or stored or ["."]
        report = _baseline_scan(scan_paths, config, quiet)
        scanned = set(report.reported_paths if report.reported_paths is not None
                      else [d.path for d in report.documents])
        result = update_baseline(old, report.findings, scanned, accept_new=accept_new, path_map=pm,
                                 paths=old.paths or tuple(pm.to_root(p) for p in scan_paths))
        name = shown(display_path(target))
        lines = [f"  fixed: {shown(e.path)} [{e.rule}] {e.excerpt!r}" + (f" (x{n})" if n > 1 else "")
                 for e, n in result.dropped]
        lines += [f"  new: {shown(e.path)} [{e.rule}] {e.excerpt!r}" + (f" (x{e.count})" if e.count > 1 else "")
                  for e in result.added]
        if check:
            if result.changed:
                print(f"baseline {name} is stale: {len(result.dropped)} to drop, {len(result.added)} to add "
                      "(run `factcheck baseline update`)")
                print("\n".join(lines))
                raise typer.Exit(1)
            if not quiet:
                print(f"baseline {name} is up to date ({old.total} accepted)")
            return
        text = result.baseline.to_json()
        if text != target.read_text(encoding="utf-8"):
            write_atomic(target, text)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot read {target}: {exc.strerror or exc}") from None
    if not quiet:
        print(f"baseline {name}: {sum(n for _e, n in result.dropped)} dropped, "
              f"{sum(e.count for e in result.added)} added, {result.baseline.total} accepted")
        if lines:
            print("\n".join(lines))


cache_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="The on-disk cache of per-document results (.factcheck_cache).")
app.add_typer(cache_app, name="cache")


@cache_app.command("clean", epilog="Example: factcheck cache clean --cache-dir /tmp/factcheck-cache")
def cache_clean(cache_dir: CacheDirOpt = None, config_path: ConfigOpt = None) -> None:
    """Remove the scan cache.

    Only a folder carrying factcheck's own CACHEDIR.TAG is removed, never another folder.
    """
    from factcheck.cache import clean
    from factcheck.documents import display_path

    try:
        root = _cache_root(_config(config_path), cache_dir)
        removed = clean(root)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    print(shown(f"{'removed' if removed else 'no cache at'} {display_path(root)}"))


@app.command("rules", epilog="Example: factcheck rules --format json; factcheck rules --kinds; "
                             "factcheck rule names/variant")
def list_rules(
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices(*RULES_FORMATS),
                                     help="Output format (markdown: the README's table).")] = "text",
    kinds: Annotated[bool, typer.Option("--kinds", help="Document the rule kinds (type:) instead.")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """List every active rule, one line each: id, type, severity and summary."""
    from factcheck.engine import active_rules
    from factcheck.rules.docs import RuleDoc, render_list, render_markdown

    if kinds:
        _print_kinds()
        return
    try:
        if fmt not in RULES_FORMATS:
            raise FactcheckError(f"--format must be text, json or markdown, not {fmt!r}")
        active = active_rules(_config(config_path, rules=as_paths(rules)))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        payload = [{"id": r.id, "type": r.type, "severity": r.severity, "summary": r.summary(),
                    "description": RuleDoc.of(r).full_description(), "origin": r.origin, "builtin": r.builtin,
                    "link": r.link} for r in active]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(render_markdown(active) if fmt == "markdown" else render_list(active))


@app.command("rule", epilog="Example: factcheck rule figures/conflict; factcheck rule house/names --rules house/")
def explain_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule's id, e.g. names/variant.")],
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("text", "json"), help="Output format.")] = "text",
    config_path: ConfigOpt = None,
) -> None:
    """Explain one rule: what it checks and why, its severity, options (with defaults) and examples."""
    from factcheck.rules.docs import find_rule, render_text
    from factcheck.rules.loader import load_rules

    try:
        if fmt not in ("text", "json"):
            raise FactcheckError(f"--format must be text or json, not {fmt!r}")
        config = _config(config_path, rules=as_paths(rules))
        # Every loaded rule, not only the selected ones: a rule that --ignore or the config
        # switches off can still be looked up.
        doc = find_rule(rule_id, load_rules(config.rules, include_builtin=config.builtin_rules))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(doc.to_json(), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    sys.stdout.write(render_text(doc))


def _print_kinds() -> None:
    """Each rule kind's docstring (its user documentation, with examples) and options."""
    import inspect

    from factcheck.rules.kinds import KINDS

    for name in sorted(KINDS):
        kind = KINDS[name]
        module_doc = inspect.getdoc(sys.modules[kind.__module__]) or ""
        print(f"type: {name}  ({kind.scope})")
        print("  " + (module_doc or inspect.getdoc(kind) or "").replace("\n", "\n  "))
        if kind.OPTIONS:
            print("  options:")
            for key, opt in kind.OPTIONS.items():
                default = "required" if opt.required else f"default {opt.default!r}"
                print(f"    {key} ({opt.type_name()}, {default}): {opt.help}")
        print()


@app.command("test-rules", epilog="Example: factcheck test-rules my-rules/")
def test_rules(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Rule files or folders (default: active rules).")] = None,
    allow_untested: Annotated[bool, typer.Option("--allow-untested",
                                                 help="Report rules without tests instead of failing them.")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """Run the fail:/pass: examples embedded in rule files; exit 1 on any failure.

    A rule without any example fails too (unless --allow-untested): an untested
    rule is one nobody can tell is still working.
    """
    from factcheck.engine import active_rules
    from factcheck.errors import RuleError
    from factcheck.rules.loader import RULE_SUFFIXES, load_rules, rule_files
    from factcheck.rules.testing import run_rule_tests

    try:
        if paths:
            for p in paths:
                # A folder with no rule files would "pass" while testing nothing: a wrong path, not success.
                if not rule_files([Path(p)]):
                    raise RuleError(f"no rule files found in {p} (looked for {', '.join(RULE_SUFFIXES)})")
            rules = load_rules([Path(p) for p in paths], include_builtin=False)
        else:
            rules = active_rules(_config(config_path))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    results = run_rule_tests(rules)
    failed = untested = 0
    for rule in rules:
        mine = [r for r in results if r.rule is rule]
        bad = [r for r in mine if not r.ok]
        if not mine:
            print(f"NO TESTS {rule.id}")
            untested += 1
            continue
        n_fail = sum(r.expect_fail for r in mine)
        print(f"{'FAIL' if bad else 'ok  '} {rule.id} ({n_fail} fail, {len(mine) - n_fail} pass examples)")
        for r in bad:
            for line in r.lines():
                print(f"     {line}")
        failed += bool(bad)
    passed = len(rules) - failed - untested
    if untested and allow_untested:
        print(f"{passed} passed, {failed} failed, {untested} untested")
    elif untested:
        failed += untested
        print(f"{passed} passed, {failed} failed (rules without tests fail unless --allow-untested)")
    else:
        print(f"{passed} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command(epilog="Example: factcheck docs articles/ --format json")
def docs(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("text", "json"), help="Output format.")] = "text",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB",
                                                      help="Glob of files to skip.")] = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """Show each document's title, publication date (with its source), language and URL."""
    try:
        if fmt not in ("text", "json"):
            raise FactcheckError(f"--format must be text or json, not {fmt!r}")
        config = _config(config_path, exclude=exclude, follow_symlinks=follow_symlinks or None,
                         max_size=_size_flag(max_size))
        rows = []
        for doc in _load_documents(paths, config):
            dates = sorted({c.date for c in doc.date_candidates})
            rows.append({"path": doc.path, "title": doc.title,
                         "date": doc.pub_date.isoformat() if doc.pub_date else None,
                         "date_source": doc.date_source, "lang": doc.lang, "lang_source": doc.lang_source,
                         "url": doc.url,
                         "date_conflict": len(dates) > 1,
                         "date_evidence": [{"source": c.source, "date": c.date.isoformat(), "detail": c.detail}
                                           for c in doc.date_candidates]})
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps({"version": 1, "documents": rows}, indent=2, ensure_ascii=False) + "\n")
        return
    for r in rows:
        date = r["date"] or "unknown"
        src = f" ({r['date_source']})" if r["date_source"] else ""
        conflict = "  DATE SOURCES DISAGREE" if r["date_conflict"] else ""
        lang = f"{r['lang']} ({r['lang_source']})"
        print(shown(f"{r['path']}\t{date}{src}\t{lang}\t{r['title'] or ''}\t{r['url'] or ''}") + conflict)


@app.command(epilog="Example: factcheck claims seeds/ --kind date --format csv")
def claims(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    kind: Annotated[list[str] | None, typer.Option("--kind", metavar=_choices(*CLAIM_KINDS),
                                                   help="Only claims of this kind (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("table", "json", "csv"),
                                     help="Output format.")] = "table",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB",
                                                      help="Glob of files to skip.")] = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """List every checkable claim: numbers, counts, votes, dates, names, quotes, lists."""
    from factcheck.claims.base import KINDS, DocumentTimeout, extract_all
    from factcheck.engine import timeout_warning
    from factcheck.report.claims import render_claims

    try:
        if fmt not in ("table", "json", "csv"):
            raise FactcheckError(f"--format must be table, json or csv, not {fmt!r}")
        for k in kind or ():
            if k not in KINDS:
                raise FactcheckError(f"--kind must be one of {', '.join(KINDS)}, not {k!r}")
        config = _config(config_path, exclude=exclude, follow_symlinks=follow_symlinks or None,
                         max_size=_size_flag(max_size))
        items = []
        budget = config.document_timeout
        for doc in _load_documents(paths, config):
            try:
                found = extract_all(doc, deadline=time.monotonic() + budget if budget > 0 else None)
            except DocumentTimeout:
                print(f"factcheck: warning: {timeout_warning(doc.path, budget)}", file=sys.stderr)
                continue
            items.append((doc, found))
        facts = _claim_facts(items, config) if fmt == "json" else None
        if kind:
            items = [(doc, [c for c in found if c.kind in kind]) for doc, found in items]
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write(render_claims(items, fmt, facts))


def _claim_facts(items: Sequence[tuple[Document, Sequence[Claim]]], config: Config) -> Facts:
    """The fact keys ``factcheck claims --format json`` shows: the stories of the listed documents
    (with the config's pins), from all their claims before ``--kind`` filters them."""
    from factcheck.facts import build_facts
    from factcheck.stories import build_stories

    docs = [doc for doc, _found in items]
    claims = {doc.path: found for doc, found in items}
    pins = {doc.path: pin for doc in docs if (pin := config.story_pin(doc.path)) is not None}
    return build_facts(docs, claims, build_stories(docs, claims, pins))


@app.command(epilog="Example: factcheck stories articles/ --format json")
def stories(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("table", "json"),
                                     help="Output format.")] = "table",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB",
                                                      help="Glob of files to skip.")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """Group documents into stories (reports of one real-world event): names, dates, and why each belongs."""
    from factcheck.engine import build_corpus_stories

    try:
        if fmt not in ("table", "json"):
            raise FactcheckError(f"--format must be table or json, not {fmt!r}")
        config = _config(config_path, exclude=exclude)
        found, warnings = build_corpus_stories(paths, config)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    for warning in warnings:
        _warn(warning)
    if fmt == "json":
        sys.stdout.write(json.dumps(found.as_json(), indent=2, ensure_ascii=False) + "\n")
        return
    lines: list[str] = []
    for story in found:
        n = len(story.documents)
        lines.append(f"{story.id}  ({n} document{'s' if n != 1 else ''})")
        lines.append(f"  names: {', '.join(story.names) or '-'}")
        lines.append(f"  dates: {', '.join(story.dates) or '-'}")
        for path in story.documents:
            lines.append(f"  {path}  {story.why[path].describe(n - 1)}")
    sys.stdout.write("".join(shown(line) + "\n" for line in lines))  # names and paths come from the articles


@app.command(epilog="Example: factcheck lsp (started by an editor; see the README's \"Editor integration\")")
def lsp() -> None:
    """Run the language server on stdin/stdout: diagnostics, quick fixes and hovers in an editor."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise _fail("factcheck lsp needs pygls: pip install 'factcheck-news[lsp]'") from None
    from factcheck.lsp.server import run

    run()


def _click_exceptions() -> tuple[type[Exception], type[Exception], type[BaseException]]:
    """(UsageError, ClickException, Abort) from the click that Typer runs on.

    Typer >= 0.20 vendors click as ``typer._click`` and raises *its* exceptions;
    a separately installed click (Dask depends on one) is a different module
    whose classes would never match, so the vendored copy comes first.
    """
    import importlib

    try:
        exc = importlib.import_module("typer._click.exceptions")
    except ImportError:  # older Typer runs on the click package itself
        exc = importlib.import_module("click.exceptions")
    return exc.UsageError, exc.ClickException, typer.Abort


#: how an internal error asks to be reported
REPORT_HINT = "please report this to the factcheck maintainers with the command that caused it"
#: set to 1 to see the traceback of an internal error instead of its one-line summary
DEBUG_ENV = "FACTCHECK_DEBUG"


def _internal_error(exc: BaseException) -> SystemExit:
    """One line for a bug in factcheck, exit 2: never a traceback in a CI log, never exit 1.

    Exit 1 means "findings"; a crash reported as findings would let CI treat
    a broken run as an inconsistency in the articles (or, with a baseline, as
    nothing new).  The traceback is one environment variable away.
    """
    if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
        import traceback

        traceback.print_exception(exc)
    # One line, and no control characters from a file name or article reach the terminal.
    detail = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in " ".join(str(exc).split()))[:200]
    print(f"factcheck: internal error: {type(exc).__name__}" + (f": {detail}" if detail else "")
          + f" ({REPORT_HINT}; rerun with {DEBUG_ENV}=1 for the traceback)", file=sys.stderr)
    return SystemExit(2)


def _interrupted() -> SystemExit:
    """Ctrl-C: one line, exit 130 (as a shell reports it)."""
    print("factcheck: interrupted", file=sys.stderr)
    return SystemExit(130)


def main() -> None:
    """Console-script entry point.

    Click would print a usage block plus an error line on a bad option; we
    print the one line the README promises, and exit 2 as Click does.  Any
    other exception is a bug and gets :func:`_internal_error`'s one line;
    Ctrl-C exits 130 and SIGTERM 143 (see :mod:`factcheck.interrupts`),
    each with one line, after cleaning up.
    """
    from factcheck.interrupts import Terminated, terminate_on_sigterm

    try:
        with terminate_on_sigterm():
            _main_guarded()
    except KeyboardInterrupt:
        raise _interrupted() from None
    except Terminated as exc:  # SIGTERM: workers and temporary files are cleaned up on the way here
        print("factcheck: terminated", file=sys.stderr)
        raise SystemExit(128 + exc.signum) from None
    except FactcheckError as exc:  # a user error that escaped a command's own handler
        print(f"factcheck: error: {exc}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except (SystemExit, GeneratorExit):
        raise
    except Exception as exc:  # the last line of defence, see _internal_error
        raise _internal_error(exc) from None


def _main_guarded() -> None:
    """Run the app, mapping Click's own exceptions to the README's one-line messages."""
    usage_error, click_exception, abort = _click_exceptions()
    try:
        code = app(standalone_mode=False)
    except usage_error as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            # `factcheck` or `factcheck baseline` alone: help, but exit 2 -- a script that forgot
            # its arguments did nothing, and must not look like a clean run.
            print(ctx.get_help())
            raise SystemExit(2) from None
        where = f"factcheck {ctx.info_name}" if ctx is not None and ctx.parent is not None else "factcheck"
        print(f"factcheck: error: {exc.format_message()} (see '{where} --help')",  # type: ignore[attr-defined]
              file=sys.stderr)
        raise SystemExit(2) from None
    except abort:
        print("factcheck: aborted", file=sys.stderr)
        raise SystemExit(130) from None
    except click_exception as exc:
        print(f"factcheck: error: {exc.format_message()}", file=sys.stderr)  # type: ignore[attr-defined]
        raise SystemExit(getattr(exc, "exit_code", 2)) from None
    if code == 130:  # Typer's answer to Ctrl-C, which it catches itself: say why the run stopped
        raise _interrupted()
    raise SystemExit(code if isinstance(code, int) else 0)
