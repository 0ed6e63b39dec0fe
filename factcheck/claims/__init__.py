"""Claim extractors ("matchers"), one module per kind.

Importing this package registers every built-in extractor in
:data:`factcheck.claims.base.EXTRACTORS`.
"""

from __future__ import annotations

from factcheck.claims import dates, names, numbers, quotes  # noqa: F401  (registration)
from factcheck.claims.base import EXTRACTORS, KINDS, Claim, extract_all, make_claim

__all__ = ["EXTRACTORS", "KINDS", "Claim", "extract_all", "make_claim"]
