"""figures/conflict: a value its measure cannot take (``conflict/impossible.py``) is reported at warning.

Issue 27's miss: a story reporting two earthquakes (7.6, then 7.3) keeps every other
pairing path silent about a planted "11.4-magnitude", which could be either quake's;
no quake has measured 10.  Each case pins the findings (file, text, severity).
"""

from __future__ import annotations

from conftest import run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.kinds.conflict.impossible import IMPOSSIBLE
from factcheck.rules.loader import load_rules

RULE = {r.id: r for r in load_rules([], include_builtin=True)}["figures/conflict"]

QUAKES = {
    "b.md": "The first 7.6-magnitude earthquake struck at 4:43 a.m. about 135 kilometers from the city of Manokwari, "
            "the U.S. Geological Survey said. It was followed by a 7.3-magnitude quake.",
    "c.md": "A 7.3-magnitude aftershock shook Papua three hours after the first quake, the survey said.",
}
LONE = "The first {} quake struck at 4:43 a.m. near Manokwari, and a second quake of magnitude 7.3 followed."


def scan(files: dict[str, str]) -> list[tuple[str, str, str, str]]:
    return [(f.path, f.location.excerpt, f.severity, f.data["evidence"]["path"])
            for f in run_rule(RULE, {k: f"---\nstory: quake\n---\n{v}\n" for k, v in files.items()})]


def test_an_impossible_magnitude_is_a_warning_against_the_most_alike_statement() -> None:
    findings = run_rule(RULE, {k: f"---\nstory: quake\n---\n{v}\n"
                               for k, v in {"a.md": LONE.format("11.4-magnitude"), **QUAKES}.items()})
    assert [(f.path, f.location.excerpt, f.severity) for f in findings] == [("a.md", "11.4-magnitude", "warning")]
    (finding,) = findings
    assert finding.data["evidence"]["path"] == IMPOSSIBLE
    # The reference is b.md's first quake, the sentence most like the lone one's.
    assert [(r.path, r.excerpt) for r in finding.related] == [("b.md", "7.6-magnitude")]


def test_a_possible_magnitude_between_two_quakes_stays_silent() -> None:
    # 8.9 could be a slip for either quake's magnitude: no path can tell which, so nothing is said.
    assert scan({"a.md": LONE.format("8.9-magnitude"), **QUAKES}) == []


def test_an_impossible_value_the_story_states_nowhere_else_has_no_reference() -> None:
    assert scan({"a.md": LONE.format("11.4-magnitude"), "b.md": "Rescuers reached Manokwari on Monday."}) == []


def test_the_impossible_value_is_never_the_majority() -> None:
    # Two articles repeat the impossible value, one gives a possible one: the impossible one is reported.
    files = {"a.md": LONE.format("11.4-magnitude"), "d.md": "An 11.4-magnitude quake hit Papua.",
             "b.md": QUAKES["b.md"]}
    assert {(p, t) for p, t, _s, _e in scan(files)} == {("a.md", "11.4-magnitude"), ("d.md", "11.4-magnitude")}



_MAGNITUDE = st.one_of(st.integers(1, 30), st.floats(0.1, 30.0, allow_nan=False).map(lambda x: round(x, 1)))


@settings(max_examples=40, deadline=None)
@given(st.lists(_MAGNITUDE, min_size=1, max_size=4), st.booleans())
def test_the_impossible_path_on_generated_stories(values: list[float], hyphen: bool) -> None:
    # Never crashes; every finding's excerpt is its file's text at its span; the same input gives
    # the same findings; the path flags only values past the limit, and only one of a story
    # that states a possible value too.
    files = {f"{chr(97 + i)}.md": (f"A {v}-magnitude quake struck near the city on Sunday, the survey said." if hyphen
                                   else f"The quake, of magnitude {v}, struck near the city on Sunday.")
             for i, v in enumerate(values)}
    pinned = {k: f"---\nstory: quake\n---\n{v}\n" for k, v in files.items()}
    first = run_rule(RULE, pinned)
    again = run_rule(RULE, pinned)
    assert [(f.path, f.location.line, f.location.column, f.severity) for f in first] == \
        [(f.path, f.location.line, f.location.column, f.severity) for f in again]
    for f in first:
        line = pinned[f.path].splitlines()[f.location.line - 1]
        assert line[f.location.column - 1:f.location.column - 1 + len(f.location.excerpt)] == f.location.excerpt
        if f.data["evidence"]["path"] == IMPOSSIBLE:
            assert float(f.location.excerpt.split("-")[0]) > 10
            assert any(v <= 10 for v in values)
