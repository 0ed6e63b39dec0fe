"""Running the real entry point (``factcheck.cli.main``, guard included) in-process, for the hostile-input tests.

``CliRunner`` calls the Typer app and so bypasses ``main()``: its top-level
guard, its one-line Click messages and its exit-code mapping.  These tests
must see exactly what a CI job sees, and prove that no input they know
reaches the "internal error" guard, so they go through ``main()``.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from factcheck.cli import main


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def one_line_error(self) -> str:
        """Exit 2 with exactly one ``factcheck: error:`` line on stderr and no traceback; the line."""
        assert "internal error" not in self.stderr, self.stderr
        assert "Traceback" not in self.stderr + self.stdout, self.stderr
        lines = [ln for ln in self.stderr.splitlines() if not ln.startswith("factcheck: warning:")]
        assert len(lines) == 1, self.stderr
        assert lines[0].startswith("factcheck: error: "), self.stderr
        assert self.code == 2, (self.code, self.stderr)
        return lines[0]


def run_main(*args: str) -> Run:
    """``factcheck ARGS`` in this process (working directory as set by the test)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["factcheck", *args]
    code: int | str | None = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = saved
    assert isinstance(code, int), code
    return Run(code, out.getvalue(), err.getvalue())
