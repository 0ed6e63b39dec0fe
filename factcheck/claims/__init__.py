"""Claim extractors ("matchers"), one module per kind.

The built-in extractors register in :data:`factcheck.claims.base.EXTRACTORS`
when :mod:`factcheck.claims.builtin` is imported, which
:func:`~factcheck.claims.base.extractors` (and so :func:`extract_all`) does on
first use -- not when this package is: compiling their patterns was a third
of a re-scan's start-up, and a re-scan from the cache extracts few documents'
claims, if any.
"""

from __future__ import annotations

from factcheck.claims.base import EXTRACTORS, KINDS, Claim, extract_all, extractors, make_claim

__all__ = ["EXTRACTORS", "KINDS", "Claim", "extract_all", "extractors", "make_claim"]
