"""The one user-facing error type.

Everything the user can get wrong (a bad rule file, a missing path, a corrupt
baseline, a bad option) raises :class:`FactcheckError`.  The CLI catches only
this type, prints its one-line message and exits 2; anything else escaping is
a bug in factcheck, which the top-level guard in :func:`factcheck.cli.main`
reports as one "internal error" line (exit 2, the traceback only with
``FACTCHECK_DEBUG=1``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class FactcheckError(Exception):
    """A problem with the user's input or configuration (exit code 2)."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        key = f"key '{self.key}': " if self.key else ""
        return f"{where}{key}{self.message}"


class RuleError(FactcheckError):
    """A rule file that cannot be loaded: names file, line and key."""


class ConfigError(FactcheckError):
    """A configuration file or command-line option that is not valid."""


def did_you_mean(value: Any, valid: Iterable[Any]) -> str:
    """`` (did you mean 'x'?)`` for the closest valid spelling of a mistyped string, else ``""``."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, [str(v) for v in valid], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
