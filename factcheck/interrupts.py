"""SIGTERM as an exception, so that a stopped run cleans up like an interrupted one.

CI systems stop a job with SIGTERM.  Its default action kills the process on
the spot: worker processes are orphaned and temporary files stay behind.
Inside :func:`terminate_on_sigterm`, SIGTERM instead raises
:class:`Terminated` in the main thread, which unwinds through the same
``finally`` and ``except BaseException`` blocks as Ctrl-C does.  Kept apart
from the engine so that the CLI can install it without importing the
extractors first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(BaseException):
    """SIGTERM, raised in the main thread.  ``signum`` gives the conventional exit code 128 + n.

    A BaseException, not an Exception, so that no ``except Exception`` swallows
    it; not a KeyboardInterrupt, which Typer turns into a silent exit 130.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated(signum)


@contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` in this thread.

    Only in the main thread (signal handlers can only be set there) and only
    when SIGTERM has its default action: a caller's own handler is left
    alone, and the previous handler is restored afterwards.  (Were the parent
    killed outright, its workers still exit: see
    :func:`factcheck.workers._watch_parent`.)
    """
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL):
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
