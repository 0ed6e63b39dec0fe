"""``python -m factcheck``: the same entry point as the ``factcheck`` command."""

from factcheck.cli import main

main()
