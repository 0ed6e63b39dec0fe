"""Importing this module registers every built-in extractor (see :mod:`factcheck.claims`)."""

from __future__ import annotations

from factcheck.claims import dates, names, numbers, quotes  # noqa: F401  (registration)
