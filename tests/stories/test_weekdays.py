"""The weekday test of story building: undated reports of one quake are not a later quake's story.

Two earthquakes at one field share every place, agency and official; the
later one's reports are dated, the earlier one's are not, so publication
dates cannot part them.  The days of the week the reports name can (ECB+
topic 38 was the case seen: a Sunday quake's undated reports merged into a
Thursday quake's story, and the conflict rule compared the two quakes'
magnitudes and distances as one fact).
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from conftest import run_rule

from factcheck.documents import format_of, parse_document
from factcheck.rules.loader import load_rules
from factcheck.stories import StoryOptions, build_stories
from factcheck.stories.cluster import Weekdays, average_linkage
from factcheck.stories.features import weekdays_named

CONFLICT = next(r for r in load_rules([], include_builtin=True) if r.id == "figures/conflict")

LATER = ("A magnitude 4.6 earthquake struck near The Geysers in Sonoma County early Thursday, the U.S. Geological "
         "Survey said. {} Residents of Healdsburg, Cloverdale and Windsor felt the shaking, and Sonoma County "
         "sheriff Steve Freitas said there were no reports of damage.")
EARLIER = ("A magnitude 4.4 earthquake struck near The Geysers in Sonoma County on Sunday morning, the U.S. "
           "Geological Survey said. {} Residents of Healdsburg, Cloverdale and Windsor felt the shaking, and "
           "Sonoma County sheriff Steve Freitas said there were no reports of damage.")


def _dated(text: str) -> str:
    return f"---\ndate: 2013-03-14\n---\n{text}\n"


def _quakes(earlier_c: str = "23 miles") -> dict[str, str]:
    """Three dated reports of the Thursday quake, three undated ones of the Sunday quake."""
    return {
        "later_a.md": _dated(LATER.format("The quake was centered 26 miles north of Santa Rosa, at a depth of 1.2 "
                                          "miles.")),
        "later_b.md": _dated(LATER.format("The temblor was centered 26 miles north of Santa Rosa and was felt in "
                                          "Napa.")),
        "later_c.md": _dated(LATER.format("It was centered 26 miles north of Santa Rosa, seismologists said on "
                                          "Thursday.")),
        "earlier_a.md": EARLIER.format("The quake was centered 23 miles north of Santa Rosa, at a depth of 2.7 "
                                       "miles.") + "\n",
        "earlier_b.md": EARLIER.format("The temblor was centered 23 miles north of Santa Rosa and was felt in "
                                       "Napa.") + "\n",
        "earlier_c.md": EARLIER.format(f"It was centered {earlier_c} north of Santa Rosa, seismologists said on "
                                       "Sunday.") + "\n",
    }


def _stories(files: dict[str, str], options: StoryOptions | None = None) -> set[frozenset[str]]:
    docs = [parse_document(name, text, format_of(PurePosixPath(name))) for name, text in files.items()]
    return {frozenset(s.documents) for s in build_stories(docs, options=options)}


def test_weekdays_named_reads_capitalised_day_names_only() -> None:
    assert weekdays_named("It struck on Sunday; aftershocks followed Monday and Sunday night.") == 0b1000001
    assert weekdays_named("Thursday's quake") == 0b0001000
    assert weekdays_named("a sunday-best slogan, Sundays, Mondayville") == 0


def test_undated_reports_of_another_weekday_are_another_story() -> None:
    files = _quakes()
    later = frozenset(n for n in files if n.startswith("later"))
    earlier = frozenset(n for n in files if n.startswith("earlier"))
    assert _stories(files) == {later, earlier}
    # The fixture needs the test: without it the shared places make the six one story.
    assert _stories(files, StoryOptions(weekday_min_size=0)) == {later | earlier}


def test_undated_reports_of_the_same_weekday_still_join_the_dated_story() -> None:
    files = {n: t.replace("on Sunday", "on Thursday").replace("Sunday", "Thursday") for n, t in _quakes().items()}
    assert _stories(files) == {frozenset(files)}


def test_the_two_quakes_figures_are_not_compared() -> None:
    assert run_rule(CONFLICT, _quakes()) == []


def test_the_odd_one_out_of_the_undated_quake_is_still_found() -> None:
    found = run_rule(CONFLICT, _quakes(earlier_c="33 miles"))
    assert [(f.path, f.location.excerpt, f.severity) for f in found] == [("earlier_c.md", "33 miles", "warning")]
    assert found[0].data["evidence"]["agreeing"] == ["earlier_a.md", "earlier_b.md"]


def _two_groups(size: int, within: float, cross: float) -> dict[tuple[int, int], float]:
    return {(i, j): within if (i < size) == (j < size) else cross
            for i in range(2 * size) for j in range(i + 1, 2 * size)}


SUNDAY, THURSDAY = 1 << 6, 1 << 3


@pytest.mark.parametrize(("when", "size", "parted"), [
    # first group undated naming Sunday, second dated naming Thursday: two events
    ([(False, SUNDAY)] * 3 + [(True, THURSDAY)] * 3, 3, True),
    # both groups undated: nothing else places them in time either
    ([(False, SUNDAY)] * 3 + [(False, THURSDAY)] * 3, 3, True),
    # both dated: the publication dates already weighed the pairs, the days are not asked
    ([(True, SUNDAY)] * 3 + [(True, THURSDAY)] * 3, 3, False),
    # a day in common
    ([(False, SUNDAY | THURSDAY)] * 3 + [(True, THURSDAY)] * 3, 3, False),
    # one group names no day at all
    ([(False, 0)] * 3 + [(True, THURSDAY)] * 3, 3, False),
    # groups below the minimum size: one article names other days for other reasons
    ([(False, SUNDAY)] * 2 + [(True, THURSDAY)] * 2, 3, False),
])
def test_average_linkage_weekday_test(when: list[tuple[bool, int]], size: int, parted: bool) -> None:
    half = len(when) // 2
    scores = _two_groups(half, within=0.5, cross=0.3)
    groups = average_linkage(len(when), scores, 0.1, weekdays=Weekdays(size), when=when)
    assert groups == ([list(range(half)), list(range(half, 2 * half))] if parted else [list(range(2 * half))])
    assert average_linkage(len(when), scores, 0.1, weekdays=Weekdays(0), when=when) == [list(range(2 * half))]
