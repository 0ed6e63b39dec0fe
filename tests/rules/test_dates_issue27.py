"""The date rules on what is no statement about a date (issue 27).

On ECB+ the hand-read audit found three false warnings: an article's own
"updated July 29" stamp read as a past-tense event after publication, a
future release date in a sentence whose past tense belongs to the studio
setting it, and a URL dated by a later republication.  Each is a general
shape, tested here on invented text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.documents import parse_document
from factcheck.engine import analyse_document, scan
from factcheck.findings import Finding
from factcheck.rules.kinds.dates import in_noun_phrase, page_stamp
from factcheck.rules.loader import load_rules, parse_rule
from factcheck.rules.yamlsrc import load_yaml_text

RULES = {r.id: r for r in load_rules([], include_builtin=True)}
HEAD = "December 30, 2019\n\n"


def findings(rule_id: str, text: str) -> list[Finding]:
    _claims, found = analyse_document(parse_document("a.txt", text), [RULES[rule_id]])
    return [f for f in found if f.rule == rule_id]


@pytest.mark.parametrize(("line", "stamp"), [
    ("on July 13, 2009 at 10:50 AM, updated July 29, 2009 at 12:16 PM", True),
    ("Posted: July 29, 2009", True),
    ("Last modified on July 29, 2009", True),
    ("Last Updated: July 29, 2009", True),
    ("The envoy said on July 29, 2009 that talks had failed.", False),
    ("The file was updated\nJuly 29, 2009 was a Wednesday.", False),  # furniture sits on the date's line
])
def test_page_stamp(line: str, stamp: bool) -> None:
    assert page_stamp(line, line.rindex("July 29")) is stamp


@pytest.mark.parametrize(("text", "inside"), [
    ("the studio staked out a November 22, 2013 release date", True),
    ("The January 14 meeting was cancelled.", True),
    ("its May 4 deadline passed", True),
    ("The envoy said on January 14 that talks had failed.", False),
    ("Talks failed January 14.", False),
])
def test_in_noun_phrase(text: str, inside: bool) -> None:
    start = max(text.find(m) for m in ("November", "January", "May"))
    assert in_noun_phrase(text, start) is inside


def test_page_furniture_and_noun_phrases_are_not_tense_claims() -> None:
    assert findings("dates/tense", HEAD + "Posted: December 30, 2019, updated January 14, 2020 at 9:00 AM\n\n"
                                          "The envoy said talks had failed.") == []
    assert findings("dates/tense", HEAD + "Last year the studio set a January 14, 2020 release date.") == []
    # A real contradiction beside them is still reported.
    found = findings("dates/tense", HEAD + "Updated January 2, 2020\n\nThe envoy said on January 14, 2020 "
                                           "that talks had failed.")
    assert [(f.location.excerpt, f.severity) for f in found] == [("January 14, 2020", "warning")]


URL_LATER = ("http://example.com/politics/talks-resume/2012/05/31/story.html\nTalks resume\n"
             "Published: July 29, 2004\nThe council met on Monday.")
URL_EARLIER = URL_LATER.replace("2012/05/31", "2001/05/31")


def test_a_later_url_date_is_a_republication_at_info() -> None:
    assert [f.severity for f in findings("dates/publication", URL_LATER)] == ["info"]
    # A URL dated before the article is no republication: the sources disagree.
    assert [f.severity for f in findings("dates/publication", URL_EARLIER)] == ["warning"]


@pytest.mark.parametrize(("value", "expected"), [("ignore", []), ("warning", ["warning"])])
def test_republication_severity_is_an_option(value: str, expected: list[str]) -> None:
    raw = load_yaml_text("id: house/pub\ntype: date-sanity\ncheck: publication\nseverity: warning\n"
                         f"republication_severity: {value}\nmessage: \"{{sources}}\"\n", "inline.yaml")[0]
    rule = parse_rule(raw, "inline.yaml", 1)
    _claims, found = analyse_document(parse_document("a.txt", URL_LATER), [rule])
    assert [f.severity for f in found] == expected


def test_ecbplus_date_misfires_are_gone(ecbplus_dir: Path) -> None:
    """The audit's three false date warnings (#34, #52, #85) are no longer warnings."""
    report = scan([ecbplus_dir], Config(select=("dates/tense", "dates/publication")))
    loud = {(Path(f.path).name, f.rule) for f in report.findings if f.severity in ("warning", "error")}
    for name, rule in [("34_3ecbplus.txt", "dates/tense"), ("6_7ecbplus.txt", "dates/tense"),
                       ("28_2ecbplus.txt", "dates/publication")]:
        assert (name, rule) not in loud
    assert any(Path(f.path).name == "28_2ecbplus.txt" and f.severity == "info" for f in report.findings)
