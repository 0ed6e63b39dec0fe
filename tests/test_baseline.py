"""Baselines: accepted findings stay accepted through edits; only new ones fail.

Every test works on a temporary copy of ``seeds/`` with its own small rule
file (built-in rules off), so it does not depend on which shipped rules exist.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, house_corpus, variant_rule
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.baseline import (
    Baseline,
    apply_baseline,
    create_baseline,
    entry_of,
    load_baseline,
    parse_baseline,
    update_baseline,
)
from factcheck.cli import app
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.errors import FactcheckError
from factcheck.findings import Finding, Location, fingerprint

BASELINE = ".factcheck-baseline.json"
SPELLING = "seeds/001_01d226c4d8e25899.txt"  # "Noth Korea" and "Kim Long Un", both on line 18

HOUSE_RULES = """\
rules:
  - id: house/spelling
    type: substitution
    severity: warning
    message: "'{match}' is misspelled: write '{suggestion}'."
    swap: {Pyongang: Pyongyang, "Noth Korea": "North Korea", "Kim Long Un": "Kim Jong Un"}
  - id: house/anonymous
    type: pattern
    severity: info
    message: "Unnamed source: '{match}'."
    words: ["on condition of anonymity"]
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds with house rules only, as the working directory."""
    return house_corpus(tmp_path, HOUSE_RULES, monkeypatch)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def new_findings(*extra: str) -> list[dict[str, Any]]:
    """Findings that count (not accepted, not suppressed) of a JSON scan with the baseline."""
    code, out, err = run("scan", "seeds", "--baseline", BASELINE, "--format", "json", *extra)
    assert code in (0, 1), err
    return [f for f in json.loads(out)["findings"]
            if f.get("baseline_state") == "new" and "suppressed" not in f]


def edit(path: str | Path, fn: object) -> None:
    p = Path(path)
    assert callable(fn)
    p.write_text(fn(p.read_text(encoding="utf-8")), encoding="utf-8")


def add_paragraph_at_top(text: str) -> str:
    return "\n\n\nEditor's note: this article was updated with new reporting.\n\n" + text


# --------------------------------------------------------------------------- the round trip of the issue


def test_round_trip_create_edit_new_fix(work: Path) -> None:
    assert run("scan", "seeds")[0] == 1  # the seeds have accepted-to-be findings
    code, out, _ = run("baseline", "create", "seeds")
    assert code == 0 and "4 findings accepted" in out
    assert run("scan", "seeds", "--baseline", BASELINE)[0] == 0

    # Blank lines and a new paragraph at the top of every file: nothing is new.
    for f in sorted((work / "seeds").iterdir()):
        edit(f, add_paragraph_at_top)
    code, out, _ = run("scan", "seeds", "--baseline", BASELINE)
    assert code == 0, out
    assert "not shown: 4 accepted in the baseline" in out

    # A new misspelled name: exit 1 with exactly that finding.
    edit("seeds/003_7cd300d590317c2f.txt", lambda t: t + "\nOfficials in Pyongang did not comment.\n")
    code, out, _ = run("scan", "seeds", "--baseline", BASELINE, "--format", "concise")
    assert code == 1
    line = Path("seeds/003_7cd300d590317c2f.txt").read_text().splitlines().index(
        "Officials in Pyongang did not comment.") + 1
    assert out.splitlines() == [f"seeds/003_7cd300d590317c2f.txt:{line}:14: "
                                "warning [house/spelling] 'Pyongang' is misspelled: write 'Pyongyang'."]
    new = new_findings()
    assert [(f["rule"], f["path"], f["excerpt"]) for f in new] == [
        ("house/spelling", "seeds/003_7cd300d590317c2f.txt", "Pyongang")]

    # Fixing an accepted finding makes the baseline stale.
    assert run("baseline", "update", "--check")[0] == 0
    edit(SPELLING, lambda t: t.replace("Noth Korea", "North Korea"))
    code, out, _ = run("baseline", "update", "--check")
    assert code == 1
    assert "stale" in out and "Noth Korea" in out
    code, out, _ = run("baseline", "update")
    assert code == 0 and "1 dropped" in out
    assert run("baseline", "update", "--check")[0] == 0
    assert "Noth Korea" not in Path(BASELINE).read_text()
    # update never accepts the new finding on its own
    assert run("scan", "seeds", "--baseline", BASELINE)[0] == 1


def test_reordered_paragraphs_and_whitespace_changes_keep_matching(work: Path) -> None:
    run("baseline", "create", "seeds")
    for f in sorted((work / "seeds").iterdir()):
        paragraphs = f.read_text(encoding="utf-8").split("\n\n")
        # reverse paragraph order; double every space; rewrap lines with tabs and CRLF
        edited = "\r\n\r\n".join(reversed(paragraphs)).replace(" ", "  ").replace("condition of", "condition\t\nof")
        f.write_text(edited, encoding="utf-8", newline="")
    code, out, _ = run("scan", "seeds", "--baseline", BASELINE, "--format", "concise")
    assert code == 0, out
    assert out == ""


def test_second_copy_of_an_accepted_finding_is_new(work: Path) -> None:
    run("baseline", "create", "seeds")
    edit(SPELLING, lambda t: t + "\nNoth Korea said nothing.\n")
    new = new_findings()
    assert [(f["path"], f["excerpt"]) for f in new] == [(SPELLING, "Noth Korea")]
    assert new[0]["line"] > 18  # the later copy in file order is the new one
    # the same excerpt in another file is a different finding
    edit("seeds/002_0a7a972d7e16d977.txt", lambda t: t + "\nKim Long Un spoke.\n")
    assert {(f["path"], f["excerpt"]) for f in new_findings()} == {
        (SPELLING, "Noth Korea"), ("seeds/002_0a7a972d7e16d977.txt", "Kim Long Un")}


def test_nothing_new_at_or_above_fail_on_exits_0(work: Path) -> None:
    run("baseline", "create", "seeds")
    edit("seeds/003_7cd300d590317c2f.txt", lambda t: t + "\nA source spoke on condition of anonymity.\n")
    assert run("scan", "seeds", "--baseline", BASELINE)[0] == 0  # a new info finding
    assert run("scan", "seeds", "--baseline", BASELINE, "--fail-on", "info")[0] == 1


def test_rename_makes_findings_new_until_the_baseline_is_updated(work: Path) -> None:
    """Documented: the path is part of the identity."""
    run("baseline", "create", "seeds")
    Path(SPELLING).rename("seeds/renamed.txt")
    new = new_findings()
    assert {(f["path"], f["excerpt"]) for f in new} == {("seeds/renamed.txt", "Noth Korea"),
                                                       ("seeds/renamed.txt", "Kim Long Un")}
    code, out, _ = run("baseline", "update", "--check")
    assert code == 1 and SPELLING in out
    code, out, _ = run("baseline", "update", "--accept-new")
    assert code == 0 and "2 dropped, 2 added" in out
    assert run("scan", "seeds", "--baseline", BASELINE)[0] == 0


def test_rename_can_be_fixed_by_editing_the_path_in_the_baseline(work: Path) -> None:
    run("baseline", "create", "seeds")
    Path(SPELLING).rename("seeds/renamed.txt")
    edit(BASELINE, lambda t: t.replace(SPELLING, "seeds/renamed.txt"))
    assert run("scan", "seeds", "--baseline", BASELINE)[0] == 0


def test_update_keeps_reasons_and_unscanned_files(work: Path) -> None:
    run("baseline", "create", "seeds")
    data = json.loads(Path(BASELINE).read_text())
    for e in data["findings"]:
        e["reason"] = f"accepted: {e['excerpt']}"
    Path(BASELINE).write_text(json.dumps(data), encoding="utf-8")
    edit(SPELLING, lambda t: t.replace("Noth Korea", "North Korea"))
    # updating from one other file judges only that file's entries
    code, out, _ = run("baseline", "update", "seeds/000_018bb7910cb6849a.txt")
    assert code == 0 and "0 dropped" in out
    assert run("baseline", "update")[0] == 0  # default: the paths the baseline was created from
    after = json.loads(Path(BASELINE).read_text())
    assert after["paths"] == ["seeds"]
    assert {e["excerpt"]: e["reason"] for e in after["findings"]} == {
        "on condition of anonymity": "accepted: on condition of anonymity",
        "Kim Long Un": "accepted: Kim Long Un"}
    # two anonymous sources in one file, in different sentences: two entries, each with its context
    anonymous = [e for e in after["findings"] if e["rule"] == "house/anonymous"]
    assert sum(e["count"] for e in anonymous) == 2 and len({e["context"] for e in anonymous}) == 2


def test_update_check_with_accept_new_reports_new_findings(work: Path) -> None:
    run("baseline", "create", "seeds")
    edit("seeds/003_7cd300d590317c2f.txt", lambda t: t + "\nPyongang.\n")
    assert run("baseline", "update", "--check")[0] == 0  # nothing fixed
    code, out, _ = run("baseline", "update", "--check", "--accept-new")
    assert code == 1 and "new: seeds/003_7cd300d590317c2f.txt [house/spelling] 'Pyongang'" in out


def test_baseline_file_is_deterministic_sorted_and_line_free(work: Path) -> None:
    run("baseline", "create", "seeds", "-o", "a.json")
    run("baseline", "create", "seeds/", "-o", "b.json")
    a = Path("a.json").read_bytes()
    assert a == Path("b.json").read_bytes()
    data = json.loads(a)
    assert data["version"] == 2
    keys = [(e["path"], e["rule"], e["excerpt"], e["context"]) for e in data["findings"]]
    assert keys == sorted(keys)
    assert a.endswith(b"}\n") and b"\r" not in a
    assert not re.search(rb'"(line|column)"', a)
    assert a.decode() == json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    # update without changes leaves the bytes alone
    run("baseline", "update", "-b", "a.json")
    assert Path("a.json").read_bytes() == a


def test_baseline_from_config_and_no_baseline(work: Path) -> None:
    Path("factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\nbaseline = "ci/accepted.json"\n')
    code, _, _ = run("baseline", "create", "seeds")
    assert code == 0 and Path("ci/accepted.json").is_file()
    assert run("scan", "seeds")[0] == 0
    assert run("scan", "seeds", "--no-baseline")[0] == 1
    assert run("baseline", "update", "--check")[0] == 0


@pytest.mark.parametrize("content, message", [
    ("{not json", "invalid JSON at line 1"),
    ("[]", "top level must be an object"),
    ('{"findings": []}', "version"),
    ('{"version": 99, "findings": []}', "newer than this factcheck reads"),
    ('{"version": 0, "findings": []}', "unsupported version"),
    ('{"version": 1, "findings": {}}', "'findings' must be a list"),
    ('{"version": 1, "findings": [{"rule": "a/b", "path": "x"}]}', "missing key 'excerpt'"),
    ('{"version": 1, "findings": [{"rule": "a/b", "path": "x", "excerpt": "y", "count": 0}]}', "count"),
    ('{"version": 1, "findings": [{"rule": "a/b", "path": "x", "excerpt": "y", "reson": ""}]}', "unknown key"),
    ('{"version": 1, "findings": [], "extra": 1}', "unknown key 'extra'"),
])
def test_corrupt_baseline_is_an_exit_2_error(work: Path, content: str, message: str) -> None:
    Path(BASELINE).write_text(content, encoding="utf-8")
    for args in (("scan", "seeds", "--baseline", BASELINE), ("baseline", "update")):
        code, out, err = run(*args)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert err.startswith(f"factcheck: error: {BASELINE}: ") and message in err


def test_missing_or_unreadable_baseline_is_an_exit_2_error(work: Path) -> None:
    code, _, err = run("scan", "seeds", "--baseline", "nope.json")
    assert code == 2 and "baseline file not found" in err and "baseline create" in err
    Path("dir.json").mkdir()
    code, _, err = run("scan", "seeds", "--baseline", "dir.json")
    assert code == 2 and "cannot read baseline file" in err
    Path("latin1.json").write_bytes(b'{"version": 1, "findings": [], "x": "\xff"}')
    assert run("scan", "seeds", "--baseline", "latin1.json")[0] == 2


# --------------------------------------------------------------------------- units


def finding(rule: str = "t/r", path: str = "a.txt", excerpt: str = "x", line: int = 1,
            related: Sequence[tuple[str, str]] = (), suppressed: str | None = None, context: str = "") -> Finding:
    rel = tuple(Location(p, 1, 1, 1, 1 + len(e), e) for p, e in related)
    loc = Location(path, line, 1, line, 1 + len(excerpt), excerpt)
    return Finding(rule, "warning", "m", loc, related=rel, suppressed=suppressed, context=context).with_fingerprint()


def states(findings: Iterable[Finding]) -> list[str | None]:
    return [f.baseline_state for f in findings]


def test_entry_fingerprint_is_the_finding_fingerprint() -> None:
    f = finding(excerpt="Kim  Long\nUn", related=[("b.txt", "Kim Jong Un"), ("c.txt", "Kim Jong-un")],
                context="leader >>Kim Long Un<< said")
    assert entry_of(f).fingerprint == f.fingerprint == fingerprint(f)
    assert entry_of(f).excerpt == "Kim Long Un"


def test_multiset_matching_and_suppressed_findings() -> None:
    base = create_baseline([finding(line=1), finding(line=5), finding(excerpt="y", suppressed="ok")])
    assert base.total == 2  # suppressed findings are already accepted in the source
    marked = apply_baseline([finding(line=9), finding(line=1), finding(line=5)], base)
    assert states(marked) == ["new", "unchanged", "unchanged"]  # the later copy is the new one
    assert states(apply_baseline([finding(excerpt="y", suppressed="ok")], base)) == ["new"]


def test_corpus_identity_ignores_related_locations() -> None:
    """Adding or changing the articles that agree with a finding does not make it new."""
    f = finding(excerpt="Kim Long Un", related=[("b.txt", "Kim Jong Un")])
    base = create_baseline([f])
    moved = finding(excerpt="Kim Long Un", line=40, related=[("b.txt", "Kim  Jong Un")])
    assert states(apply_baseline([moved], base)) == ["unchanged"]
    more = finding(excerpt="Kim Long Un", related=[("b.txt", "Kim Jong-un"), ("c.txt", "Kim Jong Un")])
    assert states(apply_baseline([more], base)) == ["unchanged"]


def test_context_decides_which_copy_is_new() -> None:
    """A second copy inserted *before* the accepted one is still the new one: contexts tell them apart."""
    old = finding(excerpt="Noth Korea", line=10, context="talks with >>Noth Korea<< stalled")
    base = create_baseline([old])
    inserted = finding(excerpt="Noth Korea", line=2, context="envoys to >>Noth Korea<< met")
    moved = finding(excerpt="Noth Korea", line=30, context="talks with >>Noth Korea<< stalled")
    assert states(apply_baseline([inserted, moved], base)) == ["new", "unchanged"]
    # an edit around the accepted copy still matches it (second pass: rule, path and excerpt)
    edited = finding(excerpt="Noth Korea", line=10, context="talks with >>Noth Korea<< broke down")
    assert states(apply_baseline([edited], base)) == ["unchanged"]


def test_version_1_baselines_still_load_and_match() -> None:
    text = json.dumps({"version": 1, "paths": ["seeds"], "findings": [
        {"rule": "t/r", "path": "a.txt", "excerpt": "x", "count": 1, "reason": "wire copy",
         "related": [{"path": "b.txt", "excerpt": "y"}]}]})
    base = parse_baseline(text, "b.json")
    assert base.entries[0].context == "" and base.entries[0].reason == "wire copy"
    assert states(apply_baseline([finding(context="a >>x<< b")], base)) == ["unchanged"]
    result = update_baseline(base, [finding(context="a >>x<< b")], {"a.txt"}, exists=lambda _p: True)
    assert not result.changed
    (entry,) = result.baseline.entries
    assert (entry.context, entry.reason) == ("a >>x<< b", "wire copy")  # migrated, reason kept
    assert json.loads(result.baseline.to_json())["version"] == 2


def test_parse_merges_duplicate_entries_and_joins_reasons() -> None:
    entry = {"rule": "t/r", "path": "a.txt", "excerpt": "x"}
    text = json.dumps({"version": 1, "findings": [{**entry, "reason": "one"}, {**entry, "count": 2, "reason": "two"}]})
    base = parse_baseline(text, "b.json")
    assert len(base.entries) == 1 and base.entries[0].count == 3 and base.entries[0].reason == "one; two"


def test_update_drops_entries_of_deleted_files_only() -> None:
    base = create_baseline([finding(path="gone.txt"), finding(path="kept.txt"), finding(path="scanned.txt")])
    result = update_baseline(base, [], {"scanned.txt"}, exists=lambda p: p != "gone.txt")
    assert sorted(e.path for e, _n in result.dropped) == ["gone.txt", "scanned.txt"]
    assert [e.path for e in result.baseline.entries] == ["kept.txt"]


def test_load_baseline_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    p.write_text("{", encoding="utf-8")
    with pytest.raises(FactcheckError, match="not a valid factcheck baseline"):
        load_baseline(p)


_excerpts = st.text(alphabet="ab \n", min_size=1, max_size=4).filter(lambda s: s.strip())


@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt"]), _excerpts, st.integers(1, 50)),
                max_size=12),
       st.integers(0, 11))
def test_round_trip_property(items: list[tuple[str, str, int]], pick: int) -> None:
    """Create -> save -> load accepts everything; one more copy of anything is exactly one new finding."""
    findings = [finding(path=p, excerpt=e, line=n) for p, e, n in items]
    base = parse_baseline(create_baseline(findings).to_json(), "b.json")
    assert isinstance(base, Baseline)
    assert states(apply_baseline(findings, base)) == ["unchanged"] * len(findings)
    if findings:
        extra = findings[pick % len(findings)]
        marked = apply_baseline([*findings, extra], base)
        assert states(marked).count("new") == 1
    assert create_baseline(reversed(findings)).to_json() == create_baseline(findings).to_json() == base.to_json()


# --------------------------------------------------------------------------- corpus rules and pre-commit


def test_corpus_findings_stay_accepted_when_their_evidence_moves(work: Path) -> None:
    rule = variant_rule()
    report = scan(["seeds"], Config(), rules=[rule])
    assert [(f.path, f.related[0].path) for f in report.findings] == [(SPELLING, "seeds/000_018bb7910cb6849a.txt")]
    Path(BASELINE).write_text(create_baseline(report.findings, ["seeds"]).to_json(), encoding="utf-8")
    assert '"related"' not in Path(BASELINE).read_text()  # evidence elsewhere is not identity
    for f in sorted((work / "seeds").iterdir()):
        edit(f, add_paragraph_at_top)
    again = scan(["seeds"], Config(baseline=Path(BASELINE)), rules=[rule])
    assert states(again.findings) == ["unchanged"] and again.counts()["error"] == 0
    # the evidence elsewhere moves to another article: still the same finding in the same sentence
    edit("seeds/000_018bb7910cb6849a.txt", lambda t: t.replace("Kim Jong Un", "Kim Jong-un"))
    moved = scan(["seeds"], Config(baseline=Path(BASELINE)), rules=[rule])
    assert [(f.related[0].path, f.baseline_state) for f in moved.findings] == [
        ("seeds/002_0a7a972d7e16d977.txt", "unchanged")]
    assert moved.baseline_stale == 0


def test_changed_files_still_meet_the_corpus(work: Path) -> None:
    """What the pre-commit hook relies on: `corpus` documents take part but are not reported."""
    edit("seeds/002_0a7a972d7e16d977.txt", lambda t: t + "\nKim Long Un, again.\n")  # unchanged, corpus only
    rule = variant_rule()
    alone = scan([SPELLING], Config(), rules=[rule])
    assert alone.findings == [] and alone.files == 1
    report = scan([SPELLING], Config(corpus=(Path("seeds"),)), rules=[rule])
    assert [(f.path, f.related[0].path) for f in report.findings] == [(SPELLING, "seeds/000_018bb7910cb6849a.txt")]
    assert report.files == 1 and report.reported_paths == [SPELLING]


def test_corpus_from_config_file_with_a_file_list(work: Path) -> None:
    Path("factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\ncorpus = ["seeds/"]\n')
    code, out, _ = run("scan", SPELLING, "--format", "concise")
    assert code == 1 and out.count("\n") == 2 and all(line.startswith(SPELLING) for line in out.splitlines())


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert hook["entry"].startswith("factcheck scan")
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    assert files.search("articles/a.md") and files.search("wire/b.txt") and not files.search("x.py")
    assert files.search("site/c.html") and files.search("site/d.htm")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "corpus = [" in readme.split("## pre-commit", 1)[1]


_words = st.lists(st.text(alphabet="abcXY,.'", min_size=1, max_size=6), min_size=0, max_size=12)


@given(_words, st.text(alphabet="abc XY", min_size=1, max_size=8).filter(lambda s: s.strip()), _words,
       st.sampled_from([" ", "\n", "  "]), st.text(alphabet="ab \n", max_size=30))
def test_context_survives_rewrapping_and_text_above(before: list[str], flagged: str, after: list[str],
                                                    space: str, above: str) -> None:
    """The context of a span is its text marked, with the same words around it, however the paragraph is
    wrapped and whatever comes before the paragraph."""
    from factcheck.findings import context_of

    def build(sep: str, prefix: str) -> tuple[str, int, int]:
        head = sep.join(before) + (sep if before else "")
        text = prefix + "\n\n" + head + flagged + (sep if after else "") + sep.join(after)
        start = len(prefix) + 2 + len(head)
        return text, start, start + len(flagged)

    text, s, e = build(" ", "")
    ctx = context_of(text, s, e)
    assert f">>{' '.join(flagged.split())}<<" in ctx
    assert context_of(*build(space, above)) == ctx
