"""Rule kinds: one module per ``type:`` a rule file may name.

An explicit registry (no discovery magic): adding a kind means importing it
here, and the meta-tests then require examples for every shipped rule of it.
"""

from __future__ import annotations

from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.conflict import ConflictKind
from factcheck.rules.kinds.conversion import ConversionKind
from factcheck.rules.kinds.counts import EnumerationCountKind
from factcheck.rules.kinds.dates import DateSanityKind
from factcheck.rules.kinds.facts import FactKind
from factcheck.rules.kinds.names import NameVariantsKind
from factcheck.rules.kinds.pattern import PatternKind
from factcheck.rules.kinds.quotes import QuoteDriftKind
from factcheck.rules.kinds.spelling import SpellingVariantsKind
from factcheck.rules.kinds.substitution import SubstitutionKind

KINDS: dict[str, type[Kind]] = {
    k.name: k
    for k in (PatternKind, SubstitutionKind, NameVariantsKind, QuoteDriftKind, ConflictKind,
              DateSanityKind, EnumerationCountKind, FactKind, SpellingVariantsKind, ConversionKind)
}

__all__ = ["KINDS", "Kind"]
