"""The conflict rule's options: their declarations (with constraints) and one typed record of them.

The declarations (:data:`OPTIONS`) are what the rule loader validates a rule
file or config override against; :class:`ConflictOptions` is what the rule
reads, built once from the validated mapping, so that every comparison takes
typed fields (``settings.min_shared``) rather than looking up strings in a
dict, and a misspelt option is a type error, not a ``KeyError`` at scan time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.claims.base import KINDS as CLAIM_KINDS
from factcheck.rules.model import Option

#: claim kinds the conflict rule reads (what the engine extracts for it).
NEEDS = ("quantity", "count", "vote", "ordinal", "date", "enumeration", "name")

OPTIONS = {
    # Only the claim kinds the engine extracts for this rule (NEEDS) can ever be compared.
    "kinds": Option((list,), default=["quantity", "count", "vote"], items=(str,),
                    item_choices=tuple(k for k in CLAIM_KINDS if k in NEEDS), help="claim kinds compared"),
    "window": Option((int,), default=6, min=0, help="context words taken on each side of a claim"),
    "min_similarity": Option((float,), default=0.5, min=0, max=1,
                             help="0..1: how alike two contexts must be (rarity-weighted Jaccard)"),
    "min_shared": Option((int,), default=3, min=0, help="context words two claims must share"),
    "min_run": Option((int,), default=4, min=0,
                      help="words of a verbatim phrase around both figures (at least min_shared of them "
                           "not stopwords) that make two statements one fact (0: off)"),
    "agreeing_figures": Option((int,), default=2, min=0,
                               help="other figures two sentences must agree on for a figure that differs "
                                    "between them to be one fact, when it is the only one of its kind and unit "
                                    "in each and the word after it agrees (0: off)"),
    "min_overlap": Option((float,), default=0.7, min=0, max=1,
                          help="0..1: how much of the smaller of two alike sentences the other covers"),
    "max_days_apart": Option((int,), default=30, min=0,
                             help="articles published further apart describe different events"),
    "allow_updates": Option((bool,), default=True, help="a larger figure in a later article is an update"),
    "near_days": Option((int,), default=7, min=0,
                        help="dates: in the weak pairing, two day-precise dates of one story this many "
                             "days apart or less may be one event even when an article gives several "
                             "dates (0: only articles giving one date)"),
    "age_holders": Option((bool,), default=True,
                          help="ages of one named person are one fact wherever they are stated; ages of one "
                               "role (\"the 35-year-old deputy\") in one story pair at weak_severity"),
    "weak_severity": Option((str,), default="info", choices=("error", "warning", "info", "ignore"),
                            help="severity of conflicts found by the weak pairing"),
    "paraphrase_severity": Option((str,), choices=("error", "warning", "info", "ignore"),
                                  help="severity of conflicts whose one evidence is two alike sentences: no "
                                       "verbatim phrase, alike window or agreeing figures (default: the "
                                       "rule's severity)"),
    "select": Option((dict,), help="explicit fact key: all selected claims must agree"),
}


@dataclass(frozen=True)
class ConflictOptions:
    """The validated options of one conflict rule, typed; one field per :data:`OPTIONS` key
    (see each option's help there).  Change one with :func:`dataclasses.replace`."""

    kinds: tuple[str, ...]
    window: int
    min_similarity: float
    min_shared: int
    min_run: int
    agreeing_figures: int
    min_overlap: float
    max_days_apart: int
    allow_updates: bool
    near_days: int
    age_holders: bool
    weak_severity: str
    paraphrase_severity: str | None
    select: Mapping[str, Any] | None

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> ConflictOptions:
        """The record of a validated options mapping (every declared key present, defaults filled)."""
        return cls(
            kinds=tuple(options["kinds"]), window=options["window"], min_similarity=options["min_similarity"],
            min_shared=options["min_shared"], min_run=options["min_run"],
            agreeing_figures=options["agreeing_figures"], min_overlap=options["min_overlap"],
            max_days_apart=options["max_days_apart"], allow_updates=options["allow_updates"],
            near_days=options["near_days"],
            age_holders=options["age_holders"], weak_severity=options["weak_severity"],
            paraphrase_severity=options.get("paraphrase_severity"), select=options.get("select"),
        )

    @property
    def explicit(self) -> bool:
        """Does the rule compare an explicit fact key (``select``) rather than find facts itself?"""
        return bool(self.select)
