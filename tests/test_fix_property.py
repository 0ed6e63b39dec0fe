"""Property: applying the safe fixes and rescanning leaves none of the fixed findings and adds no error.

Generated small corpora: a name spelled one way in several articles and
misspelled in one (the shipped ``names/variant``), plus hits of a house
substitution rule in any case, anywhere.  What a fix changes must be exactly
what its finding asked for: after ``--fix`` the rescan reports none of them
and no error it did not report before.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.config import Config
from factcheck.engine import scan
from factcheck.fixer import FixMode, run_fixes

RULES = """
- id: house/spelling
  type: substitution
  severity: warning
  message: "'{match}': write '{suggestion}'."
  swap: {goverment: government, untill: until, "a lot of": many}
"""

#: (right, misspelled): names the shipped names/variant reports as typos when a story spells them right
NAMES = [("Kim Jong Un", "Kim Long Un"), ("Mike Pompeo", "Mike Pompeu")]
SENTENCES = [
    "North Korean leader {name} met envoys in Pyongyang.",
    "{name} said the talks had been useful.",
    "Leader {name} spoke to reporters after the meeting.",
    "Diplomats discussed leader {name}'s offer to settle the dispute.",
]
SWAPS = ["goverment", "Goverment", "GOVERMENT", "untill", "Untill", "a lot of", "A lot of"]
FILLER = ["The envoys left the capital in the evening.", "It rained.", "The talks went on for days."]


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, str]:
    right, wrong = draw(st.sampled_from(NAMES))
    n = draw(st.integers(min_value=3, max_value=5))
    typo_doc = draw(st.integers(min_value=0, max_value=n - 1))
    docs: dict[str, str] = {}
    for i in range(n):
        lines = [draw(st.sampled_from(SENTENCES)).format(name=wrong if i == typo_doc else right)
                 for _ in range(draw(st.integers(min_value=1, max_value=2)))]
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            word = draw(st.sampled_from(SWAPS))
            filler = draw(st.sampled_from(FILLER))
            lines.insert(draw(st.integers(min_value=0, max_value=len(lines))), f"{filler} The {word} talks.")
        sep = draw(st.sampled_from(["\n\n", "\r\n\r\n", " "]))
        docs[f"doc{i}.{draw(st.sampled_from(['txt', 'md']))}"] = sep.join(lines) + "\n"
    return docs


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_safe_fixes_leave_none_of_the_fixed_findings_and_no_new_error(docs: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "house.yaml").write_text(RULES, encoding="utf-8")
        for name, text in docs.items():
            (root / name).write_bytes(text.encode("utf-8"))
        paths = [str(root / name) for name in docs]
        config = Config(rules=(root / "house.yaml",))
        before = scan(paths, config)
        fixed = {(f.rule, f.path, f.location.excerpt) for f in before.findings if f.fix is not None and f.fix.safe}
        outcome = run_fixes(paths, config, FixMode(write=True), lambda: scan(paths, config))
        assert not outcome.errors
        after = scan(paths, config)
        left = {(f.rule, f.path, f.location.excerpt) for f in after.findings}
        assert not fixed & left
        assert not [f for f in after.findings if f.fix is not None and f.fix.safe]
        old_errors = {(f.rule, f.path) for f in before.findings if f.severity == "error"}
        assert {(f.rule, f.path) for f in after.findings if f.severity == "error"} <= old_errors
        # Every swap hit is gone: the substitution rule has nothing left to say.
        assert not [f for f in after.findings if f.rule == "house/spelling"]
        assert (outcome.applied > 0) == bool(fixed)  # two rules' identical swaps are one fix
