"""``factcheck scan``: documents -> claims -> stories -> rules -> findings -> reports, and ``--fix``/``--diff``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck import __version__
from factcheck.cli.common import (
    EXECUTORS,
    FORMAT_NAMES,
    SCAN_FORMATS,
    CacheDirOpt,
    ConfigOpt,
    ExcludeOpt,
    ExtendIgnoreOpt,
    ExtendSelectOpt,
    FollowOpt,
    IgnoreOpt,
    MaxSizeOpt,
    QuietOpt,
    RulesOpt,
    SelectOpt,
    _choices,
    _config,
    _fail,
    _guard_outputs,
    _parse_also,
    _Progress,
    _size_flag,
    _use_dask,
    _warn,
    _with_cache,
    _write,
    app,
)
from factcheck.collector import young_only
from factcheck.config import Config, as_paths, severity_at_least
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.fixer import FixOutcome
    from factcheck.report import RenderContext
    from factcheck.scan_report import Report

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

    # The collector walks none of the kept results until the report is written and they are gone
    # (see factcheck.collector.young_only); the scan collects its young objects itself.
    with young_only():
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
                _write_report(extra_fmt, report, RenderContext(version=__version__, fail_on=config.fail_on), extra_path)
            if statistics:
                from factcheck.report import statistics as stats

                _write(stats.render_json(report) if fmt == "json" else stats.render_text(report), output)
            else:
                _write_report(fmt, report, RenderContext(color=color, version=__version__, fail_on=config.fail_on),
                              output)
        except FactcheckError as exc:
            raise _fail(str(exc)) from None
        failing = [f for f in report.visible() if severity_at_least(f.severity, config.fail_on)]
        errors = fix and bool(outcome.errors)
        del report  # the results go before the collector is back on: it then walks little
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if failing else 0)


def _write_report(fmt: str, report: Report, ctx: RenderContext, output: Path | None) -> None:
    """A report to stdout, or atomically to ``output``: written piece by piece where the format allows
    (:func:`factcheck.report.write_report`), so no report is ever one string of every finding."""
    from factcheck.report import write_report

    if output is None:
        write_report(fmt, report, ctx, sys.stdout)
        return
    from factcheck.atomic import write_atomic_text

    write_atomic_text(output, lambda out: write_report(fmt, report, ctx, out))


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
