"""A document's metadata: its title, URL, language and publication-date evidence.

Read from what the article says about itself -- front matter, ``<meta>`` and
``<link rel=canonical>`` tags, ``<html lang>``, a "Date:" line, a dateline near
the top, the date in its URL -- most authoritative first.  Kept apart from
:mod:`factcheck.documents`, which turns a file into text with an offset map,
because the two change for different reasons: markup rules there, the many
ways newsrooms date an article here.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from factcheck import language as _language
from factcheck.calendar import FULL_DATE_RE, date_from_match, make_date, month_number, parse_metadata_date
from factcheck.markup import tag_spans, title_text, unescape

_DIGIT_RE = re.compile(r"[0-9]")
#: A URL not in markup: "http" at a word start.  The start test is the lookbehind after the
#: literal (``\\b`` first would give the engine no literal to search for, so it tried every offset).
_BARE_URL_RE = re.compile(r"http(?<!\w....)s?://[^\s<>\"')\]]+")
#: What makes a <meta> tag a publication date, and a <link> tag the canonical URL
#: (searched inside one tag: see :func:`factcheck.markup.tag_spans`).
_META_DATE_ATTR_RE = re.compile(
    r"(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|pubdate|"
    r"datePublished|dc\.date)[\"']", re.IGNORECASE)
_CANONICAL_ATTR_RE = re.compile(r"rel\s*=\s*[\"']canonical[\"']", re.IGNORECASE)
_LANG_ATTR_RE = re.compile(r"\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.IGNORECASE)


@dataclass(frozen=True)
class DateCandidate:
    """One piece of evidence for a document's publication date."""

    date: _dt.date
    source: str  # config | front-matter | meta | date-line | dateline | url
    start: int  # offsets into Document.text (-1 when not in the text)
    end: int
    detail: str


_DATE_LINE_RE = re.compile(r"^\s*(?:date|published|posted|updated)\s*:?\s+(\d{4}-\d{2}-\d{2})\b",
                           re.IGNORECASE | re.MULTILINE)
_URL_DATE_RE = re.compile(
    r"[/_-]((?:19|20)\d{2})([/_-])((?:0?[1-9]|1[0-2])|[A-Za-z]{3,9})\2((?:0?[1-9]|[12][0-9]|3[01]))(?=[/_.&-]|$)|"
    # Compact "20081216" as a path segment or a query value ("/20070503/", "?ymd=20081216").
    r"[/=_]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?=[/_.&-]|$)")
# The value is stripped in Python: "(.*?)\s*$" retried the whitespace run at every character.
_FRONT_KEY_RE = re.compile(r"^(date|title|url|lang|language)\s*:\s*(.*)$", re.MULTILINE | re.IGNORECASE)


def _url_date(url: str) -> _dt.date | None:
    """The date in an article URL: "/2019/12/30/", "/2013/may/03/", "_2013_09_14_",
    "/20070503/" or "?ymd=20081216".  The separators of one date must agree, so
    an ID such as "/2013/38/..._14" is not read as a date.  An archive page
    ("2005_05_01_archive.html") is dated by the period it lists, not by a post."""
    m = _URL_DATE_RE.search(url)
    if not m or "archive" in url[m.start():].casefold():
        return None
    year, month_s, day = (m.group(1), m.group(3), m.group(4)) if m.group(1) else (m.group(5), m.group(6), m.group(7))
    month = int(month_s) if month_s.isdigit() else month_number(month_s[:3])
    return make_date(int(year), month, int(day)) if month else None


def _parse_iso_or_full(value: str) -> _dt.date | None:
    value = value.strip().strip("'\"")
    m = FULL_DATE_RE.search(value)
    return date_from_match(m) if m else None


_DATELINE_FILLER_RE = re.compile(
    r"\b(?:updated|published|posted|last|modified|on|at|by|am|pm|a\.m\.|p\.m\.|edt|est|gmt|utc|bst|cet|et|pt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b|"
    r"\d{1,2}:\d{2}(?::\d{2})?|[|@,.:;()\[\]/-]", re.IGNORECASE)


def dateline_like(line: str, start: int, end: int) -> bool:
    """A line that is mostly its date: "Updated Saturday, December 05, 2009 8:28 PM",
    "By Reuters | December 30, 2019".  A sentence that happens to be short and
    to contain a date ("Page was born on April 22, 1923.") is not a dateline."""
    if len(line.strip()) > 80:
        return False
    rest = _DATELINE_FILLER_RE.sub(" ", line[:start] + " " + line[end:]).split()
    # What is left of a dateline is an outlet or agency name, or numbers;
    # a sentence leaves lower-case words ("was born").
    return len(rest) <= 4 and not any(w.isalpha() and w.islower() for w in rest)


def language_of(text: str, source: str, fmt: str, front: str | None) -> tuple[str, str]:
    """(language code, source): front matter ``lang:``/``language:``, then ``<html lang>``, then
    detection over the text.  A declaration dateparser does not know is passed over (it could not
    choose a date parser), so the next source decides."""
    if front:
        for key, value in _FRONT_KEY_RE.findall(front):
            if key.lower() in ("lang", "language"):
                code = _language.normalise(value)
                if code:
                    return code, "front-matter"
    if fmt == "html":
        tag = next(tag_spans(source, "html", _LANG_ATTR_RE), None)
        lm = _LANG_ATTR_RE.search(source, tag[0], tag[1]) if tag else None
        code = _language.normalise(lm.group(1)) if lm else None
        if code:
            return code, "html"
    code = _language.detect(text)
    return code, "detected"


def infer_metadata(text: str, source: str, fmt: str, front: str | None, override: _dt.date | None,
                    lang: str = _language.DEFAULT) -> tuple[str | None, str | None, tuple[DateCandidate, ...]]:
    """Title, URL and publication-date evidence, most authoritative first.

    Dates in front matter and meta tags may be written in any format or language
    (:func:`factcheck.calendar.parse_metadata_date`, in the document's language ``lang``).
    """
    cands: list[DateCandidate] = []
    title = url = None
    if override is not None:
        cands.append(DateCandidate(override, "config", -1, -1, "[tool.factcheck.documents]"))
    if front:
        for key, value in _FRONT_KEY_RE.findall(front):
            key = key.lower()
            value = value.strip().strip("'\"")
            if key == "date":
                d = parse_metadata_date(value, lang)
                if d:
                    cands.append(DateCandidate(d, "front-matter", -1, -1, f"date: {value}"))
            elif key == "title" and value:
                title = value
            elif key == "url" and value:
                url = value
    if fmt == "html":
        raw_title = title_text(source)
        if raw_title is not None:
            title = unescape(re.sub(r"\s+", " ", raw_title)).strip() or None
        meta = next(tag_spans(source, "meta", _META_DATE_ATTR_RE), None)
        if meta:
            tag = source[meta[0]:meta[1]]
            cm = re.search(r"content\s*=\s*[\"']([^\"']+)", tag, re.IGNORECASE)
            d = parse_metadata_date(cm.group(1), lang) if cm else None
            if d:
                cands.append(DateCandidate(d, "meta", -1, -1, tag[:80]))
        for ls, le in tag_spans(source, "link", _CANONICAL_ATTR_RE):
            hm = re.search(r"href\s*=\s*[\"']([^\"']+)", source[ls:le])
            if hm and url is None:
                url = hm.group(1)

    head = text[:2000]
    m = _DATE_LINE_RE.search(head)
    if m and text.count("\n", 0, m.start()) < 8:
        d = _parse_iso_or_full(m.group(1))
        if d:
            cands.append(DateCandidate(d, "date-line", m.start(1), m.end(1), m.group(0).strip()))

    # Dateline/byline: a full date on a short line near the top, or inside a
    # wire-service parenthesis "(Agency - 10th February, 2020)".
    nonblank = 0
    for lm in re.finditer(r"[^\n]*", head):
        line = lm.group(0)
        if not line.strip() or _DATE_LINE_RE.match(line):
            continue
        nonblank += 1
        if nonblank > 12:
            break
        # A dateline in capitals ("THURSDAY, JUNE 30, 2005") is read in title case;
        # ASCII title-casing keeps every offset.
        readable = line.title() if line.isupper() and line.isascii() else line
        # Every full date has digits (a year): most lines have none, and FULL_DATE_RE, which opens
        # on \b and alternations, is tried at each character of a line it scans.
        for dm in FULL_DATE_RE.finditer(readable) if _DIGIT_RE.search(line) else ():
            d = date_from_match(dm)
            if d is None:
                continue
            wire = re.search(r"\([^()]*$", line[: dm.start()]) is not None
            if dateline_like(readable, dm.start(), dm.end()) or wire:
                start = lm.start() + dm.start()
                cands.append(DateCandidate(d, "dateline", start, lm.start() + dm.end(), line.strip()[:80]))
                break
        else:
            continue
        break

    if url is None:
        um = _BARE_URL_RE.search(source)
        if um is not None:
            url = um.group(0).rstrip(".,;")
    if url:
        d = _url_date(url)
        if d:
            cands.append(DateCandidate(d, "url", -1, -1, url))
    if title is None:
        for lm in re.finditer(r"[^\n]+", text):
            line = lm.group(0).strip().lstrip("#").strip()
            if line and not _BARE_URL_RE.match(line) and not _DATE_LINE_RE.match(lm.group(0)):
                title = line[:200]
                break
    return title, url, tuple(cands)
