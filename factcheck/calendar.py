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


#: Longest metadata value handed to dateparser: a date with a time and zone fits easily, and
#: dateparser's cost grows with what it is given.
_MAX_METADATA_CHARS = 100


def parse_metadata_date(value: str, language: str | None = None) -> _dt.date | None:
    """A publication date written in any format or language ("10 février 2020",
    "Mon, 30 Dec 2019 08:15:00 GMT", "2019-12-30T08:15:00-05:00"), or None.

    The fast grammar above is tried first; dateparser only sees what it missed.
    A publication date must be a whole date: ``REQUIRE_PARTS`` refuses "février
    2020" instead of inventing its first day, and a relative value ("hier") is
    refused because it has no base to be relative to.  The date is the one
    written, in the writer's own time zone (no conversion: "23:15 -0500" is
    still the 30th).  Languages: the document's, then English (RFC 822 dates in
    feeds and meta tags are English whatever the article's language); never
    dateparser's detection over all languages, which takes seconds on a miss.
    """
    value = value.strip().strip("'\"")
    m = FULL_DATE_RE.search(value)
    if m:
        return date_from_match(m)
    if not value or len(value) > _MAX_METADATA_CHARS or not any(ch.isdigit() for ch in value):
        return None
    import warnings

    from dateparser import parse

    languages = list(dict.fromkeys([language or "en", "en"]))
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": True,
                "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": date_order(languages[0])}
    found = []
    for base in (_dt.datetime(2001, 1, 1), _dt.datetime(2002, 6, 15)):  # a relative value moves with the base
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                got = parse(value, languages=languages, settings={**settings, "RELATIVE_BASE": base})
            except Exception:  # dateparser is third-party code: a value it chokes on is just not a date
                return None
        if got is None:
            return None
        found.append(got.date())
    return found[0] if found[0] == found[1] else None


def date_order(language: str) -> str:
    """The order numeric dates are written in, from dateparser's data for ``language``
    ("DMY" for French: 10.02.2020 is the 10th of February); "MDY" when unknown."""
    import importlib

    if not re.fullmatch(r"[a-z]{2,3}", language):  # a module name, never a path
        return "MDY"
    try:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    except ImportError:
        return "MDY"
    order = info.get("date_order")
    return order if isinstance(order, str) and sorted(order) == ["D", "M", "Y"] else "MDY"
