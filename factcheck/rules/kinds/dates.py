"""``type: date-sanity`` -- dates that contradict themselves or their article.

``check: weekday``
    A weekday written next to a date that falls on another day
    ("Monday, December 31, 2019" -- that was a Tuesday).
``check: publication``
    The article's publication-date sources disagree (byline vs URL vs
    dateline vs front matter).  A URL dated *later* than the article's own
    date is a republication (an archive moved to a new path years on), not a
    contradiction: it is reported at ``republication_severity`` (info).
``check: relative``
    A calendar date told in the past tense that lies after the publication
    date ("said on January 14, 2020" in an article of December 30, 2019), or
    one in the future tense that lies before it.  Relative expressions are
    resolved *by* tense, so only explicit dates can contradict it.  Two kinds
    of date are not told in their sentence's tense: page furniture ("updated
    July 29, 2009 at 12:16 PM", "Posted: ...", "Last modified ...") stamps
    the page, and a date inside a noun phrase ("staked out a November 22,
    2013 release date", "the January 14 meeting was cancelled") dates that
    noun, whatever the verb's tense.

Example::

    id: house/weekday
    type: date-sanity
    check: weekday
    severity: error
    message: "{date} was a {actual}, not a {weekday}."
    tests:
      fail: ["The summit opened on Monday, December 31, 2019."]
      pass: ["The summit opened on Tuesday, December 31, 2019."]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence

from factcheck.calendar import WEEKDAY_NAMES
from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.metadata import DateCandidate
from factcheck.rules.kinds.base import Kind
from factcheck.rules.model import Option


def _iso_day(value: object) -> _dt.date | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def candidate_span(doc: Document, cand: DateCandidate) -> tuple[int, int]:
    """Where in the text a date candidate can be shown (the URL, or the top line)."""
    if cand.start >= 0:
        return cand.start, cand.end
    if cand.source == "url" and doc.url:
        i = doc.text.find(doc.url)
        if i >= 0:
            return i, i + len(doc.url)
    first = doc.text.lstrip("\n")
    start = len(doc.text) - len(first)
    end = doc.text.find("\n", start)
    return start, end if end >= 0 else len(doc.text)


#: page furniture just before a date: the page's own stamp, not an event told in a tense
_STAMP_BEFORE_RE = re.compile(
    r"\b(?:(?:last\s+)?(?:updated|modified|revised|edited)|posted|published|first\s+published|created)"
    r"\s*(?:on|at)?\s*:?\s*$", re.IGNORECASE)
#: a determiner just before a date: the date premodifies a noun ("a November 22 release date")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)


def page_stamp(text: str, start: int) -> bool:
    """Is the date at ``start`` a page stamp ("updated July 29, 2009", "Posted: ...")?

    Only the same line is read: furniture sits beside its date."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_STAMP_BEFORE_RE.search(text[max(line_start, start - 40):start]))


def in_noun_phrase(text: str, start: int) -> bool:
    """Does a determiner open the date ("a November 22, 2013 release date", "the May 4 vote")?

    Such a date modifies a noun: the clause's verb tells what happened to that
    thing (a date set, a meeting cancelled), not when the date lies."""
    return bool(_DETERMINER_BEFORE_RE.search(text[max(0, start - 12):start]))


class DateSanityKind(Kind):
    """Check weekdays against dates, publication-date sources, and tense against the publication date."""

    name = "date-sanity"
    NEEDS = ("date",)
    OPTIONS = {
        "check": Option((str,), required=True, choices=("weekday", "publication", "relative"),
                        help="weekday, publication or relative"),
        "tolerance_days": Option((int,), default=1, min=0,
                                 help="publication sources this many days apart agree (time zones, print dates)"),
        "republication_severity": Option((str,), default="info", choices=("error", "warning", "info", "ignore"),
                                         help="severity of a URL date later than the article's own date "
                                              "(a republication; check: publication)"),
    }
    PLACEHOLDERS = ("date", "weekday", "actual", "sources", "published", "suggestion", "told")

    def other_severities(self) -> dict[str, str]:
        # republication_severity grades only the publication check.
        return super().other_severities() if self.options["check"] == "publication" else {}

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        check = self.options["check"]
        if check == "weekday":
            yield from self._weekday(doc, claims)
        elif check == "publication":
            yield from self._publication(doc)
        else:
            yield from self._relative(doc, claims)

    def _weekday(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        for c in claims:
            if c.kind != "date" or not c.get("weekday") or c.get("weekday_matches") is not False:
                continue
            day = _iso_day(c.value)
            if day is None:
                continue
            actual = WEEKDAY_NAMES[day.weekday()]
            yield self.rule.finding(doc, c.start, c.end, suggestion=None, date=day.strftime("%B %-d, %Y"),
                                    weekday=c.get("weekday"), actual=actual)

    def _publication(self, doc: Document) -> Iterable[Finding]:
        cands = [c for c in doc.date_candidates if c.source != "config"]
        if len({c.date for c in cands}) < 2:
            return
        primary = cands[0]
        tolerance = self.options["tolerance_days"]
        sources = ", ".join(f"{c.source} {c.date.isoformat()}" for c in cands)
        for cand in cands[1:]:
            if abs((cand.date - primary.date).days) <= tolerance:
                continue
            severity = None
            if cand.source == "url" and cand.date > primary.date:
                # A later URL date is where the page lives now (an archive republished, a
                # site moved), and the article's own date is the one relative dates use.
                severity = self.options["republication_severity"]
                if severity == "ignore":
                    continue
            start, end = candidate_span(doc, cand)
            ps, pe = candidate_span(doc, primary)
            yield self.rule.finding(doc, start, end, related=[Location.of(doc, ps, pe)], severity=severity,
                                    date=cand.date.isoformat(), published=primary.date.isoformat(),
                                    sources=sources)

    def _relative(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        published = doc.pub_date
        if published is None:
            return
        for c in claims:
            if c.kind != "date" or c.get("granularity") != "day" or c.get("relative"):
                continue
            day = _iso_day(c.value)
            tense = c.get("tense")
            if day is None or tense not in ("past", "future"):
                continue
            if page_stamp(doc.text, c.start) or in_noun_phrase(doc.text, c.start):
                continue
            if tense == "past" and day > published:
                told = "in the past tense but lies after"
            elif tense == "future" and day < published:
                told = "in the future tense but lies before"
            else:
                continue
            yield self.rule.finding(doc, c.start, c.end, date=day.isoformat(), told=told,
                                    published=published.isoformat())
