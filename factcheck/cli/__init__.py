"""The command line: parse arguments -> Config -> engine -> report -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or rule error (one line on stderr, no traceback), and
also an internal error (a bug: one "internal error" line asking for a report),
so that a crash can never pass for findings; 130 interrupted.
Errors outrank findings.  Nothing here computes findings; it only wires.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from factcheck.cli.common import (
    CLAIM_KINDS,
    SCAN_FORMATS,
    app,
)
from factcheck.errors import FactcheckError

__all__ = ["CLAIM_KINDS", "SCAN_FORMATS", "app", "main"]

# Each module registers its commands on ``app`` when imported, and ``--help`` lists them in that
# order: the pipeline's front door first, then the project's state, the rules, the stages' views.
for _module in ("scan", "baseline", "explain", "stages"):
    importlib.import_module(f"factcheck.cli.{_module}")


def _click_exceptions() -> tuple[type[Exception], type[Exception], type[BaseException]]:
    """(UsageError, ClickException, Abort) from the click that Typer runs on.

    Typer >= 0.20 vendors click as ``typer._click`` and raises *its* exceptions;
    a separately installed click (Dask depends on one) is a different module
    whose classes would never match, so the vendored copy comes first.
    """
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
