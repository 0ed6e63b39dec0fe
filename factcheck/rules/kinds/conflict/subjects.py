"""Whose figure it is: re-exported from the claims stage (:mod:`factcheck.claims.subjects`).

The readers of a figure's holder moved to the claims stage, where every number
and date claim gets its ``about`` once; the conflict modules keep importing
them from here.
"""

from __future__ import annotations

from factcheck.claims.subjects import (
    NOT_NAMES,
    age_holder,
    figure_subject,
    gender,
    name_anchor,
    one_noun,
    possible_people,
    same_person,
    same_subject,
    same_surname,
)

__all__ = ["NOT_NAMES", "age_holder", "figure_subject", "gender", "name_anchor", "one_noun", "possible_people",
           "same_person", "same_subject", "same_surname"]
