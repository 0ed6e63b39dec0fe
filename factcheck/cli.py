"""The command line: parse arguments -> Config -> engine -> report -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or rule error (one line on stderr, no traceback).
Errors outrank findings.  Nothing here computes findings; it only wires.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__
from factcheck.config import Config, as_paths, load_config, severity_at_least
from factcheck.errors import FactcheckError

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  no_args_is_help=True,
                  help="Check facts and claims for consistency within and across articles.")

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Config file (factcheck.toml or pyproject.toml).")]
RulesOpt = Annotated[list[str] | None, typer.Option("--rules", help="Extra rule file or folder (repeatable).")]


def _fail(message: str) -> typer.Exit:
    print(f"factcheck: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def _config(config_path: Path | None, **flags: object) -> Config:
    return load_config(config_path).merged(**flags)


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
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(output)
    except OSError as exc:
        raise FactcheckError(f"cannot write {output}: {exc.strerror or exc}") from exc


@app.command(epilog="Example: factcheck scan articles/ --format json --output findings.json")
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to scan (folders recursively).")],
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to skip (repeatable).")] = None,
    rules: RulesOpt = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rule ids or prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule ids or prefixes.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="error, warning (default) or info.")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No ANSI colours.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """Scan articles and report inconsistencies."""
    from factcheck.engine import scan as run_scan
    from factcheck.report import FORMATTERS, RenderContext

    try:
        if fmt not in FORMATTERS:
            raise FactcheckError(f"--format must be one of {', '.join(FORMATTERS)}, not {fmt!r}")
        config = _config(config_path, exclude=exclude, rules=as_paths(rules), select=select, ignore=ignore,
                         fail_on=fail_on)
        report = run_scan(paths, config, progress=_Progress(sys.stderr.isatty() and not quiet))
        if not quiet:
            for w in report.warnings:
                print(f"factcheck: warning: {w}", file=sys.stderr)
        color = (output is None and not no_color and sys.stdout.isatty()
                 and "NO_COLOR" not in os.environ)
        _write(FORMATTERS[fmt](report, RenderContext(color=color, version=__version__)), output)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    failing = [f for f in report.findings if severity_at_least(f.severity, config.fail_on)
               and not f.suppressed and f.baseline_state != "unchanged"]
    raise typer.Exit(1 if failing else 0)


@app.command("rules", epilog="Example: factcheck rules --format json")
def list_rules(
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    config_path: ConfigOpt = None,
) -> None:
    """List every active rule: id, type, severity, description and origin."""
    from factcheck.engine import active_rules

    try:
        if fmt not in ("text", "json"):
            raise FactcheckError(f"--format must be text or json, not {fmt!r}")
        active = active_rules(_config(config_path, rules=as_paths(rules)))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        payload = [{"id": r.id, "type": r.type, "severity": r.severity, "description": r.summary(),
                    "origin": r.origin, "builtin": r.builtin, "link": r.link} for r in active]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    width = max((len(r.id) for r in active), default=10)
    for r in active:
        print(f"{r.id:<{width}}  {r.type:<13} {r.severity:<8} {r.summary()}  ({r.origin})")


@app.command("test-rules", epilog="Example: factcheck test-rules my-rules/")
def test_rules(
    paths: Annotated[list[str] | None, typer.Argument(help="Rule files or folders (default: active rules).")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """Run the fail:/pass: examples embedded in rule files; exit 1 on any failure."""
    from factcheck.engine import active_rules
    from factcheck.rules.loader import load_rules
    from factcheck.rules.testing import run_rule_tests

    try:
        if paths:
            rules = load_rules([Path(p) for p in paths], include_builtin=False)
        else:
            rules = active_rules(_config(config_path))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    results = run_rule_tests(rules)
    failed = 0
    for rule in rules:
        mine = [r for r in results if r.rule is rule]
        bad = [r for r in mine if not r.ok]
        if not mine:
            print(f"NO TESTS {rule.id}")
            continue
        n_fail = sum(r.expect_fail for r in mine)
        print(f"{'FAIL' if bad else 'ok  '} {rule.id} ({n_fail} fail, {len(mine) - n_fail} pass examples)")
        for r in bad:
            print(f"     {r.describe()}")
        failed += bool(bad)
    print(f"{len(rules) - failed} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command(epilog="Example: factcheck docs articles/ --format json")
def docs(
    paths: Annotated[list[str], typer.Argument(help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to skip.")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """Show each document's title, publication date (with its source) and URL."""
    from factcheck.documents import SkippedFile, discover, display_path, load_document

    try:
        config = _config(config_path, exclude=exclude)
        rows = []
        for p in discover(paths, config.exclude):
            try:
                doc, _warning = load_document(p, config.date_override(display_path(p)))
            except SkippedFile as exc:
                print(f"factcheck: warning: {exc}", file=sys.stderr)
                continue
            dates = sorted({c.date for c in doc.date_candidates})
            rows.append({"path": doc.path, "title": doc.title,
                         "date": doc.pub_date.isoformat() if doc.pub_date else None,
                         "date_source": doc.date_source, "url": doc.url,
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
        print(f"{r['path']}\t{date}{src}\t{r['title'] or ''}\t{r['url'] or ''}{conflict}")


@app.command(epilog="Example: factcheck claims seeds/ --kind date --format csv")
def claims(
    paths: Annotated[list[str], typer.Argument(help="Files or folders.")],
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Only claims of this kind (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to skip.")] = None,
    config_path: ConfigOpt = None,
) -> None:
    """List every checkable claim: numbers, counts, votes, dates, names, quotes, lists."""
    from factcheck.claims.base import KINDS, extract_all
    from factcheck.documents import SkippedFile, discover, display_path, load_document
    from factcheck.report.claims import render_claims

    try:
        if fmt not in ("table", "json", "csv"):
            raise FactcheckError(f"--format must be table, json or csv, not {fmt!r}")
        for k in kind or ():
            if k not in KINDS:
                raise FactcheckError(f"--kind must be one of {', '.join(KINDS)}, not {k!r}")
        config = _config(config_path, exclude=exclude)
        items = []
        for p in discover(paths, config.exclude):
            try:
                doc, _warning = load_document(p, config.date_override(display_path(p)))
            except SkippedFile as exc:
                print(f"factcheck: warning: {exc}", file=sys.stderr)
                continue
            found = extract_all(doc)
            if kind:
                found = [c for c in found if c.kind in kind]
            items.append((doc, found))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write(render_claims(items, fmt))


def main() -> None:
    """Console-script entry point."""
    app()
