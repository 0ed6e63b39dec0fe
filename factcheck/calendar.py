"""Calendar vocabulary and the explicit-date grammar shared by documents and claims.

Publication-date inference (documents) and the date extractor (claims) must
agree on what "December 30, 2019" means, so the month and weekday names and the
full-date patterns live here, once.  Only *explicit* calendar dates are parsed
here; relative expressions belong to :mod:`factcheck.claims.dates`.
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Full month names, and abbreviations that are only taken with a dot or when
# followed by a day number ("Dec. 11", "Dec 11") -- never "may"/"mar" alone.
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_RE = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9][0-9]{2}|2[0-9]{3})"

FULL_DATE_RE = re.compile(
    rf"""
    \b(?:
        (?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9])
      | (?P<mdy_m>{MONTH_RE})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})\b
      | (?P<dmy_d>{_DAY})(?:\s+of)?\s+(?P<dmy_m>{MONTH_RE}),?\s+(?P<dmy_y>{_YEAR})\b
    )
    """,
    re.VERBOSE,
)


def month_number(name: str) -> int | None:
    """Return 1-12 for a month name or abbreviation (any case, trailing dot ok)."""
    return MONTHS.get(name.lower().rstrip("."))


def day_number(token: str) -> int:
    """'10th' -> 10, '03' -> 3."""
    return int(re.sub(r"[^0-9]", "", token))


def make_date(year: int, month: int, day: int) -> _dt.date | None:
    """A real calendar date or None (Feb 30 is not a date)."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def date_from_match(m: re.Match[str]) -> _dt.date | None:
    """Turn a :data:`FULL_DATE_RE` match into a date, or None if impossible."""
    g = m.groupdict()
    if g["iso_y"]:
        return make_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    if g["mdy_m"]:
        month = month_number(g["mdy_m"])
        return make_date(int(g["mdy_y"]), month, day_number(g["mdy_d"])) if month else None
    month = month_number(g["dmy_m"])
    return make_date(int(g["dmy_y"]), month, day_number(g["dmy_d"])) if month else None


def find_full_dates(text: str) -> list[tuple[int, int, _dt.date]]:
    """Every explicit day-month-year date in ``text`` as (start, end, date)."""
    out = []
    for m in FULL_DATE_RE.finditer(text):
        d = date_from_match(m)
        if d is not None:
            out.append((m.start(), m.end(), d))
    return out
