"""dates/conflict across articles by the event a date dates, and month-day dates compared at all.

Issue 27: a date without its year ("which ends June 30") takes its year from the
publication date and was never compared; an article of one story names several
days of one week, so closeness alone could not pair the two that date one event.
Invented articles, each pinned to one story, pin the findings: the conflicts
now found, and the two shapes that must stay silent -- an article that itself
gives the other article's day (two facts), and two dates of different events
or people in one week.
"""

from __future__ import annotations

from conftest import run_rule

from factcheck.claims.dates import extract
from factcheck.claims.dates.events import normalise
from factcheck.documents import parse_document
from factcheck.rules.kinds.conflict.dates import claim_day, compared, year_slip
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["dates/conflict"]


def article(story: str, published: str, text: str) -> str:
    return f"---\nstory: {story}\n---\n{published}\n\n{text}\n"


def found(files: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity) for f in run_rule(RULE, files)]


QUARTER = ("The airline said the regional carrier will be sold to a rival. The airline expects the sale to be "
           "completed during its second fiscal quarter, which will end {}.")
QUARTER_B = "The regional carrier will be sold to a rival. The sale will be completed in the quarter, which ends {}."


def test_a_month_day_date_is_compared_like_an_explicit_one() -> None:
    files = {"a.md": article("sale", "May 3, 2010", QUARTER.format("June 30, 2010")),
             "b.md": article("sale", "May 4, 2010", QUARTER_B.format("June 27"))}
    assert found(files) == [("b.md", "June 27", "warning")]
    # The same day, written without its year, agrees.
    files["b.md"] = article("sale", "May 4, 2010", QUARTER_B.format("June 30"))
    assert found(files) == []


def test_a_year_only_difference_of_an_inferred_year_is_not_held_against_it() -> None:
    """"June 30" in a July article is read as the June just past; the other article's "June 30,
    2011" is the coming one: the writer left the year to the reader."""
    files = {"a.md": article("sale", "July 2, 2010", QUARTER.format("June 30, 2011")),
             "b.md": article("sale", "July 2, 2010", QUARTER_B.format("June 30"))}
    assert found(files) == []


STABBING_A = ("Detectives are investigating the April 10, 2006 stabbing of a store clerk in Dayton. "
              "A suspect was arrested April 12, 2006 and charged April 13, 2006.")
STABBING_B = ("Relatives of the Dayton clerk, hurt in the April {}, 2006 stabbing, thanked the hospital staff. "
              "His family spoke on April 11, 2006.")


def test_dates_of_one_event_pair_however_many_days_of_the_week_the_articles_name() -> None:
    """Each article names other days of that week (the arrest, the charge, the family's
    statement), which alone kept closeness from pairing any of them."""
    files = {"a.md": article("dayton", "April 15, 2006", STABBING_A),
             "b.md": article("dayton", "April 15, 2006", STABBING_B.format("8"))}
    assert found(files) == [("b.md", "April 8, 2006", "warning")]
    # Another day for that very event in the article: it is unsure, or tells of two.
    files["b.md"] = article("dayton", "April 15, 2006", STABBING_B.format("8") + " A second stabbing "
                            "occurred April 9, 2006.")
    assert found(files) == []


def test_dates_of_two_events_stay_apart_where_an_article_dates_the_other_event() -> None:
    """"the April 8 funeral" is not "the April 6 stabbing" when the other article dates the
    funeral itself (on a day too far to pair); without that, the two words might tell one
    event, and closeness decides as for dates of no event."""
    a = ("Detectives are investigating the April 6, 2006 stabbing of the Dayton clerk in the church. "
         "The clerk's funeral will be held April 20, 2006.")
    b = "Relatives of the Dayton clerk met at the April 8, 2006 funeral in the church."
    files = {"a.md": article("dayton", "April 15, 2006", a), "b.md": article("dayton", "April 15, 2006", b)}
    assert found(files) == []
    files["a.md"] = article("dayton", "April 15, 2006", a[:a.index(" The clerk's")])
    assert [path for path, _date, _severity in found(files)] == ["b.md"]


def test_an_article_giving_both_days_gives_two_facts() -> None:
    """Counter-example: an article that says the body was found on one day and the death
    occurred on another, against an article giving the day of the finding only."""
    files = {
        "a.md": article("motel", "July 30, 2004",
                        "The body of the guitarist was found by a motel maid July 27, but the county coroner said he "
                        "believed the death occurred July 24."),
        "b.md": article("motel", "July 30, 2004",
                        "The body of the guitarist was discovered Tuesday, July 27, 2004, by a maid at the motel, "
                        "the county coroner said."),
    }
    assert found(files) == []


def test_two_announcements_of_two_people_stay_apart() -> None:
    """Counter-example: one article's "March 3 announcement" of one nominee for the court, which
    gives the other nominee's day too, against another's news conference five days later
    announcing the other nominee for the court."""
    files = {
        "a.md": article("court", "March 12, 2011",
                        "The governor praised Judge Harlan's record in the March 3 announcement of his nominee for "
                        "the court. On March 8, the governor announced that he was nominating Maria Ortiz."),
        "b.md": article("court", "March 12, 2011",
                        "The governor held a news conference, March 8, 2011 to announce his nominee for the court, "
                        "Maria Ortiz."),
    }
    assert found(files) == []


def test_the_event_word_counts_as_shared_when_the_outlets_inflect_it_differently() -> None:
    assert normalise("end") == normalise("ends")


def test_only_a_year_from_the_publication_date_makes_a_relative_date_comparable() -> None:
    doc = parse_document("a.txt", "May 3, 2010\n\nThe sale ends June 30. The board met on Monday.")
    (june, monday) = [c for c in extract(doc) if c.get("granularity") == "day" and not c.get("dateline")]
    assert compared(june) and claim_day(june) is not None and str(claim_day(june)) == "2010-06-30"
    assert not compared(monday) and claim_day(monday) is None
    assert year_slip(june, june) is None
