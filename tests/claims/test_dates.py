"""The date extractor: explicit dates, relative dates resolved against the publication date.

Each test states the behaviour a rule relies on.  The publication date of the
synthetic documents is Monday 2019-12-30 unless a test says otherwise, so
weekday arithmetic can be checked by hand.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.base import EXTRACTORS, Claim, extract_all, sentence_bounds
from factcheck.claims.dates import EVENT_ANCHOR, NOT_A_DATE, PUB_UNKNOWN, extract
from factcheck.documents import Document, load_document, parse_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUB = dt.date(2019, 12, 30)  # a Monday
ATTR_KEYS = {"granularity", "modifier", "relative", "resolved", "reason", "anchor", "anchor_source", "tense",
             "weekday", "weekday_matches", "year_inferred", "range_end", "dateline"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def doc_of(text: str, pub: dt.date | None = PUB) -> Document:
    doc = parse_document("t.txt", text, "text", pub)
    if pub is None:
        assert doc.pub_date is None, "test text must not carry a dateline"
    return doc


def claims(text: str, pub: dt.date | None = PUB) -> list[Claim]:
    return list(extract(doc_of(text, pub)))


def only(text: str, pub: dt.date | None = PUB) -> Claim:
    found = claims(text, pub)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


def find(found: list[Claim], text: str) -> list[Claim]:
    return [c for c in found if c.text == text]


def seed(prefix: str) -> tuple[Document, list[Claim]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    doc, _ = load_document(path)
    return doc, list(extract(doc))


# --------------------------------------------------------------------------- registration, schema


def test_registered_and_run_by_extract_all() -> None:
    assert EXTRACTORS["dates"] is extract
    doc = doc_of("The council met on Monday.")
    assert [c.text for c in extract_all(doc, ["date"])] == ["Monday"]


def test_every_claim_has_the_same_json_serialisable_attrs() -> None:
    text = ("On Monday, Dec. 30, 2019 the council met, since 2006, in the 1990s, last week, "
            "a month before that, in October, on Jan. 8 and in the 2008-09 season.")
    for pub in (PUB, None):
        found = list(extract(parse_document("t.txt", text, "text", pub)))
        assert len(found) == 8
        for c in found:
            assert c.kind == "date"
            assert set(c.attrs) == ATTR_KEYS
            json.dumps(dict(c.attrs))
            json.dumps(c.value)
            assert c.attrs["resolved"] == c.value
            assert (c.value is None) == (c.attrs["reason"] is not None)


# --------------------------------------------------------------------------- seeds


def test_seed_000_weekdays_resolve_against_a_monday_publication() -> None:
    doc, found = seed("000")
    assert doc.pub_date == dt.date(2019, 12, 30)
    mondays = find(found, "Monday")
    assert len(mondays) == 2 and all(c.value == "2019-12-30" for c in mondays)
    # "are due to meet informally on Monday": future, and the article's own day counts
    assert mondays[0].attrs["tense"] == "future"
    assert all(c.attrs["anchor"] == "2019-12-30" and c.attrs["anchor_source"] == "publication"
               for c in mondays)
    sundays = find(found, "Sunday")
    assert len(sundays) == 2 and all(c.value == "2019-12-29" for c in sundays)
    assert all(c.attrs["weekday"] == "Sunday" and c.attrs["granularity"] == "day" for c in sundays)


def test_seed_000_other_dates() -> None:
    _, found = seed("000")
    (month,) = find(found, "earlier this month")
    assert month.value == "2019-12" and month.attrs["granularity"] == "month"
    assert month.attrs["modifier"] == "earlier" and month.attrs["relative"] is True
    (since,) = find(found, "since 2006")
    assert since.value == "2006" and since.attrs["modifier"] == "since" and since.attrs["relative"] is False
    assert [c.value for c in find(found, "2016") + find(found, "2017")] == ["2016", "2017"]
    assert all(c.attrs["granularity"] == "year" for c in find(found, "2016") + find(found, "2017"))
    (dateline,) = find(found, "December 30, 2019")
    assert dateline.value == "2019-12-30" and dateline.attrs["dateline"] is True
    (before,) = find(found, "a day before")  # "... a day before Kim Jong Un's deadline"
    assert before.value is None and before.attrs["reason"] == EVENT_ANCHOR


def test_seed_000_has_no_false_positives() -> None:
    """"a second round", "we", "now is not the time", the URL's /2019/12/30/ are not date claims."""
    _, found = seed("000")
    assert sorted(c.text for c in found) == sorted([
        "December 30, 2019", "Monday", "a day before", "Sunday", "since 2006", "earlier this month", "2016",
        "2017", "Monday", "Sunday"])


def test_seed_001() -> None:
    doc, found = seed("001")
    assert doc.pub_date == dt.date(2020, 2, 10)
    (dec,) = find(found, "December")
    assert dec.value == "2019-12" and dec.attrs["tense"] == "past"
    (late,) = find(found, "late last year")
    assert late.value == "2019" and late.attrs["modifier"] == "late" and late.attrs["granularity"] == "year"
    (oct_,) = find(found, "October")
    assert oct_.value == "2019-10"
    (wire,) = find(found, "10th February, 2020")
    assert wire.value == "2020-02-10" and wire.attrs["relative"] is False
    assert find(found, "2020-02-10")[0].value == "2020-02-10"


def test_seed_002_unknown_publication_date_leaves_relative_dates_unresolved() -> None:
    doc, found = seed("002")
    assert doc.pub_date is None
    for text in ("Thursday", "next month", "last year", "June", "Wednesday", "this year"):
        (c,) = find(found, text)
        assert c.value is None and c.attrs["resolved"] is None, text
        assert c.attrs["reason"] == PUB_UNKNOWN and c.attrs["relative"] is True
    assert find(found, "next month")[0].attrs["tense"] == "future"
    (since,) = find(found, "since 2006")
    assert since.value == "2006" and since.attrs["reason"] is None


def test_seed_003_before_that_follows_the_previous_claim() -> None:
    _, found = seed("003")
    texts = [c.text for c in found]
    k = texts.index("A month before that")
    assert texts[k - 1] == "August"
    before = found[k]
    assert before.value is None and before.attrs["reason"] == PUB_UNKNOWN
    assert before.attrs["anchor_source"] == "previous-claim" and before.attrs["granularity"] == "month"
    (oct_,) = find(found, "October")  # "is expected to visit North Korea in October"
    assert oct_.value is None and oct_.attrs["tense"] == "future"


def test_before_that_resolves_on_a_dated_copy_of_seed_003() -> None:
    path = next(SEEDS.glob("003_*.txt"))
    doc, _ = load_document(path, date_override=dt.date(2018, 9, 20))
    found = list(extract(doc))
    (aug,) = find(found, "August")
    assert aug.value == "2018-08"
    (before,) = find(found, "A month before that")
    assert before.value == "2018-07" and before.attrs["anchor"] == "2018-08"
    assert before.attrs["anchor_source"] == "previous-claim"
    (oct_,) = find(found, "October")
    assert oct_.value == "2018-10"  # future tense: the next October
    assert find(found, "Thursday")[0].value == "2018-09-20"  # the publication day is a Thursday


def test_seed_004() -> None:
    _, found = seed("004")
    assert [(c.text, c.value) for c in found] == [("Thursday", None), ("next month", None)]


# --------------------------------------------------------------------------- absolute forms


@pytest.mark.parametrize(("text", "expected"), [
    ("It was signed on December 30, 2019 in New York.", [("December 30, 2019", "2019-12-30", "day", None)]),
    ("It was signed on Dec. 11, 2019 in New York.", [("Dec. 11, 2019", "2019-12-11", "day", None)]),
    ("It was signed Dec 11 2019 in New York.", [("Dec 11 2019", "2019-12-11", "day", None)]),
    ("(Sputnik - 10th February, 2020) The council", [("10th February, 2020", "2020-02-10", "day", None)]),
    ("It was signed on the 30th of December 2019.", [("30th of December 2019", "2019-12-30", "day", None)]),
    ("The file is dated 2020-02-10 in the header.", [("2020-02-10", "2020-02-10", "day", None)]),
    ("The file is dated 2020/02/10 in the header.", [("2020/02/10", "2020-02-10", "day", None)]),
    ("She checked in on May 03, 2013 in Malibu.", [("May 03, 2013", "2013-05-03", "day", None)]),
    ("Posted 11 / 30 / 09 by the desk.", [("11 / 30 / 09", "2009-11-30", "day", None)]),
    ("PUBLISHED: MONDAY, JUNE 11TH, 2012 AT 10:49 AM", [("MONDAY, JUNE 11TH, 2012", "2012-06-11", "day", None)]),
    ("Sanctions were imposed in 2016 and 2017 to cut funds.",
     [("2016", "2016", "year", None), ("2017", "2017", "year", None)]),
    ("Sanctions were imposed in 2016, 2017 and 2018.",
     [("2016", "2016", "year", None), ("2017", "2017", "year", None), ("2018", "2018", "year", None)]),
    ("It has been under sanctions since 2006 over its program.", [("since 2006", "2006", "year", "since")]),
    ("Growth slowed in mid-2018 as feared.", [("mid-2018", "2018", "year", "mid")]),
    ("Growth slowed in early 2019.", [("early 2019", "2019", "year", "early")]),
    ("The deal should close by the end of 2019.", [("by the end of 2019", "2019", "year", "until")]),
    ("The plant closed before 1997.", [("before 1997", "1997", "year", "before")]),
    ("It was popular in the 1990s.", [("1990s", "1990s", "decade", None)]),
    ("It was popular in the late 1980s.", [("late 1980s", "1980s", "decade", "late")]),
    ("It was a hit in the '70s.", [("'70s", "1970s", "decade", None)]),
    ("The draft was proposed in December 2019.", [("December 2019", "2019-12", "month", None)]),
    ("He was jailed in May 2013 for it.", [("May 2013", "2013-05", "month", None)]),
    ("He was held from September 2010 to January 2011.",
     [("September 2010", "2010-09", "month", None), ("January 2011", "2011-01", "month", None)]),
    ("Polls opened in March and June 2019.",
     [("March", "2019-03", "month", None), ("June 2019", "2019-06", "month", None)]),
    ("It ran from September to January 2011.",
     [("September", "2010-09", "month", None), ("January 2011", "2011-01", "month", None)]),
    ("Hearings are set for Dec. 7-9, 2019.",
     [("Dec. 7", "2019-12-07", "day", None), ("9, 2019", "2019-12-09", "day", None)]),
    ("He was convicted of a 1998 aggravated assault.", [("1998", "1998", "year", None)]),
    ("Barnes retired after the 2016 election.", [("after the 2016", "2016", "year", "after")]),
])
def test_absolute_forms(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    found = claims(text)
    assert [(c.text, c.value, c.attrs["granularity"], c.attrs["modifier"]) for c in found] == expected
    assert all(c.attrs["relative"] is False for c in found)


def test_split_year_is_one_year_claim_with_its_end() -> None:
    c = only("He coached through the 2008-09 season.")
    assert c.text == "through the 2008-09" and c.value == "2008"
    assert c.attrs["granularity"] == "year" and c.attrs["range_end"] == "2009"
    assert c.attrs["modifier"] == "until"
    assert only("He was hired in the 2008-2009 season.").attrs["range_end"] == "2009"


def test_never_invents_a_day() -> None:
    for text, value in (("It happened in December 2019.", "2019-12"), ("It happened in 2019.", "2019"),
                        ("It happened in December.", "2019-12"), ("It happened in the 1990s.", "1990s")):
        c = only(text)
        assert c.value == value and c.attrs["granularity"] != "day"


def test_impossible_date_is_a_claim_without_value() -> None:
    c = only("The vote on February 30, 2019 never happened.")
    assert c.value is None and c.attrs["reason"] == NOT_A_DATE


def test_ambiguous_slashed_date_is_not_guessed() -> None:
    assert claims("The memo 03/04/2019 was leaked.") == []
    assert only("The memo 13/04/2019 was leaked.").value == "2019-04-13"


def test_dates_inside_urls_are_ignored() -> None:
    assert claims("See https://www.themoscowtimes.com/2019/12/30/russia-china-a68775 for more.") == []
    found = claims("Source: https://example.com/2019-12-30/story.html (retrieved today)")
    assert [c.text for c in found] == ["today"]


# --------------------------------------------------------------------------- relative forms and tense


@pytest.mark.parametrize(("text", "span", "value", "tense"), [
    ("The council met on Monday.", "Monday", "2019-12-30", "past"),
    ("The council will meet on Monday.", "Monday", "2019-12-30", "future"),
    ("The council is due to meet on Monday.", "Monday", "2019-12-30", "future"),
    ("The council met on Friday.", "Friday", "2019-12-27", "past"),
    ("The council will meet on Friday.", "Friday", "2020-01-03", "future"),
    ("The council is expected to vote on Friday.", "Friday", "2020-01-03", "future"),
    ("On Friday, the council will vote.", "Friday", "2020-01-03", "future"),
    ("On Friday, the council voted.", "Friday", "2019-12-27", "past"),
    ("A top official said on Sunday that the US would be disappointed.", "Sunday", "2019-12-29", "past"),
    ("China and Russia called Thursday for an easing of sanctions.", "Thursday", "2019-12-26", "past"),
    ("The council will meet next Monday.", "next Monday", "2020-01-06", "future"),
    ("The council met last Monday.", "last Monday", "2019-12-23", "past"),
    ("Talks broke down in Sweden in October.", "October", "2019-10", "past"),
    ("In December, Russia and China submitted a draft.", "December", "2019-12", "past"),
    ("Pompeo will visit in October.", "October", "2020-10", "future"),
    ("Pompeo is expected to visit in October.", "October", "2020-10", "future"),
    ("Pompeo will visit in December.", "December", "2019-12", "future"),
    ("Pompeo visited last December.", "last December", "2018-12", "past"),
    ("Pompeo visited in December last year.", "December last year", "2018-12", "past"),
])
def test_weekday_and_month_resolution_by_tense(text: str, span: str, value: str, tense: str) -> None:
    c = only(text)
    assert (c.text, c.value, c.attrs["tense"]) == (span, value, tense)
    assert c.attrs["relative"] is True and c.attrs["anchor"] == "2019-12-30"
    assert c.attrs["anchor_source"] == "publication"


@pytest.mark.parametrize(("text", "span", "value", "granularity", "modifier"), [
    ("He arrived yesterday.", "yesterday", "2019-12-29", "day", None),
    ("He leaves today.", "today", "2019-12-30", "day", None),
    ("He returns tomorrow.", "tomorrow", "2019-12-31", "day", None),
    ("The fire broke out last night.", "last night", "2019-12-29", "day", None),
    ("Police said this morning that it was arson.", "this morning", "2019-12-30", "day", None),
    ("They met last week.", "last week", "2019-W52", "week", None),
    ("They meet next week.", "next week", "2020-W02", "week", None),
    ("It was proposed earlier this month.", "earlier this month", "2019-12", "month", "earlier"),
    ("He will visit next month.", "next month", "2020-01", "month", None),
    ("It was drafted last month.", "last month", "2019-11", "month", None),
    ("Three tests were held this year.", "this year", "2019", "year", None),
    ("Three tests were held last year.", "last year", "2018", "year", None),
    ("It was prepared late last year.", "late last year", "2018", "year", "late"),
    ("It will be ready early next year.", "early next year", "2020", "year", "early"),
    ("It has been closed since last week.", "since last week", "2019-W52", "week", "since"),
    ("They married two weeks ago.", "two weeks ago", "2019-W51", "week", None),
    ("He moved there 12 years ago.", "12 years ago", "2007", "year", None),
    ("He was arrested three days ago.", "three days ago", "2019-12-27", "day", None),
])
def test_publication_relative_forms(text: str, span: str, value: str, granularity: str,
                                    modifier: str | None) -> None:
    c = only(text)
    assert (c.text, c.value, c.attrs["granularity"], c.attrs["modifier"]) == (span, value, granularity, modifier)
    assert c.attrs["anchor"] == "2019-12-30" and c.attrs["anchor_source"] == "publication"


def test_relative_direction_sets_tense() -> None:
    found = claims("He arrived yesterday. He leaves today. He returns tomorrow.")
    assert [c.attrs["tense"] for c in found] == ["past", "present", "future"]


def test_before_that_uses_the_previous_date_claim() -> None:
    found = claims("In August, the North criticised the US. A month before that, Pompeo had said so.")
    assert [(c.text, c.value) for c in found] == [("August", "2019-08"), ("A month before that", "2019-07")]
    assert found[1].attrs["anchor"] == "2019-08" and found[1].attrs["anchor_source"] == "previous-claim"


def test_later_and_next_day_count_from_the_previous_date() -> None:
    found = claims("He escaped on Nov. 30, 2009. Two days later, he was seen. He was caught the next day.")
    assert [(c.text, c.value) for c in found] == [
        ("Nov. 30, 2009", "2009-11-30"), ("Two days later", "2009-12-02"), ("the next day", "2009-12-03")]


def test_offset_from_a_coarser_anchor_is_unresolved() -> None:
    found = claims("It happened in 2005. The guard was killed the next day.")
    assert found[1].value is None and found[1].attrs["reason"].startswith("anchor too coarse")


def test_offset_before_an_event_is_unresolved() -> None:
    c = only("China and Russia are convening negotiations a day before the deadline.")
    assert c.text == "a day before" and c.value is None and c.attrs["reason"] == EVENT_ANCHOR


def test_offset_before_a_date_counts_from_that_date() -> None:
    found = claims("Talks were held a day before December 25, 2019.")
    assert found[0].text == "a day before" and found[0].value == "2019-12-24"
    assert found[0].attrs["anchor_source"] == "following-claim"


def test_no_publication_date_means_no_guess() -> None:
    """Relative dates never fall back on today's date."""
    text = ("He arrived yesterday and met them on Monday, last week, in October and on Jan. 8; "
            "they meet next month. A month before that, he left.")
    found = claims(text, None)
    assert len(found) == 7
    for c in found:
        assert c.value is None and c.attrs["reason"] == PUB_UNKNOWN and c.attrs["relative"] is True


# --------------------------------------------------------------------------- weekday + date pairs


def test_weekday_date_pair_matching() -> None:
    c = only("The briefing is set for Wednesday, Jan. 8, 2020.")
    assert c.text == "Wednesday, Jan. 8, 2020" and c.value == "2020-01-08"
    assert c.attrs["weekday"] == "Wednesday" and c.attrs["weekday_matches"] is True
    assert c.attrs["relative"] is False


def test_weekday_date_pair_mismatch() -> None:
    c = only("He was arrested on Monday, December 31, 2019.")
    assert c.value == "2019-12-31" and c.attrs["weekday_matches"] is False


def test_weekday_date_pair_without_year_takes_it_from_publication() -> None:
    c = only("The briefing is set for Wednesday, Jan. 8.")
    assert c.value == "2020-01-08" and c.attrs["year_inferred"] is True
    assert c.attrs["weekday_matches"] is True and c.attrs["anchor"] == "2019-12-30"
    assert only("The briefing is set for Tuesday, Jan. 8.").attrs["weekday_matches"] is False


def test_weekday_date_pair_without_year_or_publication_date() -> None:
    c = only("The briefing is set for Wednesday, Jan. 8.", None)
    assert c.value is None and c.attrs["reason"] == PUB_UNKNOWN and c.attrs["weekday_matches"] is None


def test_weekday_pair_forms() -> None:
    assert only("It went down on Saturday (July 24, 2004).").value == "2004-07-24"
    assert only("Fri, 11 Nov 2011 at 09:56 IST").value == "2011-11-11"
    assert only("Published Sun., Aug. 4, 2013").attrs["weekday_matches"] is True


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize("text", [
    "We may consider lifting sanctions.",
    "The council may consider a second round of talks.",
    "A second round is planned.",
    "The talks at Mar-a-Lago went well.",
    "Kim Jun said nothing.",
    "They sat in the sun on the mon wed dec.",
    "Thousands joined a protest march against the plan.",
    "They will march on the capital.",
    "Now is not the time to consider it.",
    "It was the day the music died.",
    "He scored 5 goals in 30 minutes, 2019 people watched.",
    "Wait a second.",
    "The Decatur office and the Decembrists.",
    "The Sunday Times and the Monday Night Football show.",
    "Shoppers crowded stores on Black Friday.",
    "Theresa May said so. A speech by May followed.",
    "May God bless you.",
    "Over the last year, prices rose.",
    "A crowd of 2000 people gathered in 2000 cities.",
    "Prices rose by 2000 points.",
    "It ended 30-7 in the final.",
    "Call 555-2019 now.",
    "A 2000-year-old coin was found.",
    "He watched it on USA Today and the Today show.",
])
def test_false_positives(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He left in May.", ["May"]),
    ("He left in May 2013.", ["May 2013"]),
    ("They met on May 3.", ["May 3"]),
    ("It has been closed since May.", ["since May"]),
    ("He left in early May.", ["early May"]),
    ("Officials in May consider it.", []),
    ("The deal must be signed by May.", ["by May"]),
    ("The change in May's cabinet.", []),
    ("In August 15 people died.", ["August"]),
    ("Protesters took part in March for Our Lives.", []),
    ("It opened in March.", ["March"]),
])
def test_may_march_august(text: str, expected: list[str]) -> None:
    assert [c.text for c in claims(text)] == expected


def test_month_abbreviations_need_a_day_or_a_dot() -> None:
    assert claims("Kim Jun and the Dec committee met.") == []
    assert [c.text for c in claims("They met on Dec 11 and in Jan. 2019.")] == ["Dec 11", "Jan. 2019"]


# --------------------------------------------------------------------------- properties

FRAGMENTS = ["on", "Monday", "May", "may", "2019", "in", "December", "Dec.", "30", "30th", ",", "since",
             "last", "next", "year", "month", "week", "a day before", "that", "2008-09", "1990s", "'90s",
             "mid-", "early", "late", "the", "will", "said", "yesterday", "today", "ago", "two", "days",
             "Wednesday,", "Jan.", "8", "-", "/", "12", "(", ")", ".", "\n", "Mar-a-Lago", "of", "Sept.",
             "tomorrow", "earlier", "this", "before", "after", "later", "the next day", "2019-12-30"]
PUBS = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


@given(st.text(), PUBS)
def test_never_raises_on_arbitrary_text(text: str, pub: dt.date | None) -> None:
    for c in extract(parse_document("t.txt", text, "text", pub)):
        assert c.text == text[c.start:c.end]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join), PUBS)
def test_date_fragments_slice_back_sorted_and_deterministic(text: str, pub: dt.date | None) -> None:
    doc = parse_document("t.txt", text, "text", pub)
    first = list(extract(doc))
    for c in first:
        assert doc.text[c.start:c.end] == c.text
        assert c.sentence == sentence_bounds(doc.text, c.start, c.end)
        assert set(c.attrs) == ATTR_KEYS
        json.dumps(dict(c.attrs))
    spans = [(c.start, c.end) for c in first]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    again = list(extract(parse_document("t.txt", text, "text", pub)))
    assert [(c.start, c.end, c.value, dict(c.attrs)) for c in again] == \
        [(c.start, c.end, c.value, dict(c.attrs)) for c in first]


def _styles(d: dt.date) -> list[str]:
    month = MONTHS[d.month - 1]
    abbr = month if month == "May" else month[:3] + "."
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return [f"{month} {d.day}, {d.year}", f"{abbr} {d.day}, {d.year}", f"{d.day} {month} {d.year}",
            f"{d.day}{suffix} {month}, {d.year}", d.isoformat()]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), PUBS)
def test_written_dates_round_trip(d: dt.date, pub: dt.date | None) -> None:
    for style in _styles(d):
        c = only(f"The agreement was signed on {style} in Geneva, officials said, asking not to be named.", pub)
        assert c.text == style and c.value == d.isoformat(), style
        assert c.attrs["granularity"] == "day" and c.attrs["relative"] is False


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(1, 6))
def test_weekday_next_to_its_date(d: dt.date, shift: int) -> None:
    date_text = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    tail = "in the capital, according to officials who spoke on condition of anonymity."
    right = only(f"The vote was held on {WEEKDAYS[d.weekday()]}, {date_text}, {tail}", None)
    assert right.value == d.isoformat() and right.attrs["weekday_matches"] is True
    wrong_day = WEEKDAYS[(d.weekday() + shift) % 7]
    wrong = only(f"The vote was held on {wrong_day}, {date_text}, {tail}", None)
    assert wrong.value == d.isoformat() and wrong.attrs["weekday_matches"] is False
    assert wrong.attrs["weekday"] == wrong_day


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 31)), st.sampled_from(WEEKDAYS),
       st.sampled_from(["The council met on {}.", "Officials said on {} that talks failed.",
                        "China and Russia called {} for an easing of sanctions."]))
def test_past_weekday_resolves_within_the_previous_six_days(pub: dt.date, weekday: str, template: str) -> None:
    c = only(template.format(weekday), pub)
    value = dt.date.fromisoformat(c.value)
    assert pub - dt.timedelta(days=6) <= value <= pub
    assert WEEKDAYS[value.weekday()] == weekday
    assert c.attrs["tense"] == "past" and c.attrs["anchor"] == pub.isoformat()


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 24)), st.sampled_from(WEEKDAYS))
def test_future_weekday_resolves_within_the_next_six_days(pub: dt.date, weekday: str) -> None:
    c = only(f"The council will meet on {weekday}.", pub)
    value = dt.date.fromisoformat(c.value)
    assert pub <= value <= pub + dt.timedelta(days=6)
    assert WEEKDAYS[value.weekday()] == weekday


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)), st.sampled_from(MONTHS))
def test_month_without_year_by_tense(pub: dt.date, month: str) -> None:
    past = only(f"The talks collapsed in {month}.", pub)
    future = only(f"Pompeo will visit in {month}.", pub)
    m = MONTHS.index(month) + 1
    assert past.value == f"{pub.year if m <= pub.month else pub.year - 1:04d}-{m:02d}"
    assert future.value == f"{pub.year if m >= pub.month else pub.year + 1:04d}-{m:02d}"


# --------------------------------------------------------------------------- forms found missing on ECB+
# (bench/dates_recall.py: 100 date expressions sampled from raw ECB+ text)


@pytest.mark.parametrize(("text", "span", "value", "modifier"), [
    ("It happened in 1959. Then the host forced that year's winners to dance.", "that year", "1959", None),
    ("He won the title in 2001. Lewis avenged the defeat later in that year.", "later in that year", "2001", "later"),
    ("Later that year, he shot and killed his wife. It began in 1957.", "Later that year", None, "later"),
    ("She was crowned in January of 1955. The same year she was named Miss Pinup.", "The same year", "1955", None),
    ("Sales fell in May 2010. That month, the firm cut 40 jobs.", "That month", "2010-05", None),
    ("Gray was appointed in 1972. Gray resigned the next year.", "the next year", "1973", None),
    ("The strike began on Nov. 3, 2009. The following week, talks resumed.", "The following week", "2009-W46", None),
])
def test_anaphoric_dates_take_the_previous_date(text: str, span: str, value: str | None,
                                               modifier: str | None) -> None:
    """"that year", "the same year", "the next year" refer to the date before them, as "the next day" does."""
    c = find(claims(text), span)[0]
    assert (c.value, c.attrs["modifier"], c.attrs["anchor_source"]) == (value, modifier, "previous-claim")
    assert c.attrs["relative"] is True


def test_anaphoric_date_without_a_previous_date_is_unresolved() -> None:
    c = only("That year, the firm cut 40 jobs.")
    assert c.value is None and c.attrs["reason"] == "no earlier date in the document to anchor it"


def test_month_of_that_year_takes_the_year_of_the_date_before() -> None:
    found = claims("She moved from Guyana in January 2007 and to First Street in September of that year.")
    assert [(c.text, c.value) for c in found] == [("January 2007", "2007-01"), ("September of that year", "2007-09")]
    assert found[1].attrs["granularity"] == "month" and found[1].attrs["anchor"] == "2007-01"


def test_month_day_of_that_year_takes_the_year_of_the_date_before() -> None:
    """Not the publication's year: the writer names the year by pointing back to it."""
    found = claims("He joined the club in 1995. On April 18 of that year, he earned his 200th win.")
    assert [(c.text, c.value) for c in found] == [("1995", "1995"), ("April 18 of that year", "1995-04-18")]
    assert found[1].attrs["granularity"] == "day" and found[1].attrs["anchor_source"] == "previous-claim"
    assert found[1].attrs["year_inferred"] is False
    leap = claims("It was founded in 2019. On Feb. 29 of the same year, it closed.")[1]
    assert leap.value is None and leap.attrs["reason"] == NOT_A_DATE


@pytest.mark.parametrize("text", [
    "Prices will rise in the next year.",
    "Over the next month, prices rose.",
    "He said that year after year it grew.",
    "So that year-end figures look good.",
    "The team will win the weekend.",
    "Theresa May said the May government would fall.",
])
def test_anaphoric_and_weekend_false_positives(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(("text", "span", "value"), [
    ("They voted for secession in a January referendum.", "January", "2019-01"),
    ("The April raid killed two.", "April", "2019-04"),
    ("He gave an October interview to the paper.", "October", "2019-10"),
])
def test_month_before_a_noun_after_a_determiner(text: str, span: str, value: str) -> None:
    """"a January referendum": a determiner and a following noun make a bare month name a date."""
    assert [(c.text, c.value) for c in claims(text)] == [(span, value)]


@pytest.mark.parametrize(("text", "span", "value", "range_end"), [
    ("He was one of the most popular players from 1978-89.", "1978-89", "1978", "1989"),
    ("Her pin-up days lasted from 1951-1957, he said.", "1951-1957", "1951", "1957"),
    ("Two million died in the war, from 1983-2005.", "1983-2005", "1983", "2005"),
])
def test_year_spans_after_from(text: str, span: str, value: str, range_end: str) -> None:
    c = only(text)
    assert (c.text, c.value, c.attrs["range_end"], c.attrs["granularity"]) == (span, value, range_end, "year")


def test_ambiguous_span_after_from_is_not_read() -> None:
    """"from 2001-09" may be September 2001 (ISO) or 2001 to 2009: not guessed."""
    assert claims("It was sold from 2001-09 onwards.") == []


@pytest.mark.parametrize(("text", "value", "tense"), [
    ("The government agreed at the weekend to slash spending.", "2019-W52", "past"),  # Dec 28-29
    ("Teams will travel to Maban over the weekend.", "2020-W01", "future"),  # Jan 4-5
    ("The area will remain closed through the weekend, he said.", "2020-W01", "future"),
])
def test_the_weekend_by_tense(text: str, value: str, tense: str) -> None:
    c = only(text)
    assert (c.text, c.value, c.attrs["granularity"], c.attrs["tense"]) == ("the weekend", value, "week", tense)
    assert c.attrs["anchor_source"] == "publication"


def test_the_weekend_published_on_a_sunday_is_that_weekend() -> None:
    c = only("Police said the fire started over the weekend.", dt.date(2019, 12, 29))
    assert c.value == "2019-W52"


@pytest.mark.parametrize(("text", "span", "value"), [
    ("The two co-founded the section nearly two decades ago.", "two decades ago", "1990s"),
    ("A similar case a decade ago put the blame on him.", "a decade ago", "2000s"),
])
def test_decades_ago(text: str, span: str, value: str) -> None:
    c = only(text)
    assert (c.text, c.value, c.attrs["granularity"]) == (span, value, "decade")


def test_decades_later_counts_from_the_previous_year() -> None:
    found = claims("She quit modelling in 1957. She made a comeback almost two decades later.")
    assert [(c.text, c.value) for c in found] == [("1957", "1957"), ("two decades later", "1970s")]


# --------------------------------------------------------------------------- pathological input


def test_unpunctuated_run_of_dates_is_read_in_full() -> None:
    """A long unpunctuated run of dates is one "sentence": every date is still found.

    How long it takes is measured by ``bench/claims_speed.py`` (pathological
    inputs, growth against size), not here: unit tests assert behaviour.
    """
    doc = doc_of("on Monday in 2016 and 2017 a day before that " * 600)
    assert sum(1 for _ in extract(doc)) == 4 * 600


def test_timestamp_lines_are_datelines_not_reported_dates() -> None:
    """'Posted: ... AM ET Last Updated: ...' stamps the article; a body sentence reports an event."""
    text = ("Strong quake hits southern Iran\n"
            "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET\n"
            "The quake hit on Nov 27, 2005, killing at least 10 people.\n")
    found = [c for c in extract(doc_of(text)) if c.value == "2005-11-27"]
    assert [c.attrs["dateline"] for c in found] == [True, True, False]


# --------------------------------------------------------------------------- keyword pre-filter

_REL_PIECES = ["that", "That", "THAT", "this", "This", "last", "next", "same", "the", "day", "days", "year", "Year",
               "month", "week", "weekend", "past", "night", "morning", "earlier", "later", "early", "late", "in",
               "mid-", "two", "3", "ago", "before", "after", "following", "previous", "preceding", "said", "2019",
               "May", "that year", "That Month", "this past week", "this morning", "last night", "the next day",
               "the same year", "the following day", "the preceding week", "two days before that", "later that month",
               "that case", "this is", "last one", "next to", "the same way", "the previous owner"]
_REL_SEPS = [" ", "  ", "\n", ", ", ". ", "-", " \t"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_REL_PIECES), st.sampled_from(_REL_SEPS)), max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts)))
def test_keyword_prefilter_drops_no_candidate(text: str) -> None:
    """``_MUST_FOLLOW`` only skips keywords no relative expression could hold: the candidates
    are those found when every keyword is tried."""
    from unittest import mock

    from factcheck.claims.dates import relative
    from factcheck.claims.dates.candidates import _candidates

    filtered = _candidates(text)
    with mock.patch.dict(relative._MUST_FOLLOW, clear=True):
        assert _candidates(text) == filtered
