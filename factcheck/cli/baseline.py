"""``factcheck baseline create|update`` and ``factcheck cache clean``: the state a project keeps between runs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli.common import (
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
    _cache_root,
    _config,
    _fail,
    _guard_outputs,
    _Progress,
    _size_flag,
    _warn,
    _with_cache,
    app,
)
from factcheck.config import Config, as_paths
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.scan_report import Report

#: as ``scan --no-cache``: a baseline is made by a scan, which reuses the cache the same way
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the on-disk cache.")]

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
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
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
        config = _with_cache(config, no_cache, cache_dir)
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
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
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
        config = _with_cache(config, no_cache, cache_dir)
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
