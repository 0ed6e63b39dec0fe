"""Output formats: SARIF (schema-valid), GitHub annotations, JUnit, GitLab Code Quality, concise.

Every format runs on a temporary copy of the seeds with house rules (one
inline suppression and, where it matters, a baseline), and on hand-made
corpus findings with related locations.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import SARIF_SCHEMA, house_corpus, need_shared
from typer.testing import CliRunner

from factcheck.baseline import create_baseline
from factcheck.cli import app
from factcheck.config import Config
from factcheck.engine import Report, scan
from factcheck.findings import Finding, Location
from factcheck.report import FORMATTERS, RenderContext
from factcheck.rules.loader import load_rules
from factcheck.suppressions import UNUSED_RULE

A = "seeds/000_018bb7910cb6849a.txt"
B = "seeds/001_01d226c4d8e25899.txt"

RULES = """\
rules:
  - id: house/names
    type: substitution
    severity: error
    message: "'{match}' is misspelled: write '{suggestion}'."
    description: >
      Names as the rest of the corpus spells them.
    link: https://example.org/style#names
    swap: {"Kim Long Un": "Kim Jong Un"}
  - id: house/spelling
    type: substitution
    severity: warning
    message: "'{match}' is misspelled: write '{suggestion}'."
    swap: {"Noth Korea": "North Korea", Pyongang: Pyongyang}
  - id: house/anonymous
    type: pattern
    severity: info
    message: "Unnamed source: '{match}'."
    words: ["on condition of anonymity"]
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Seeds copy: one suppressed finding (in 002), one unused suppression (in 003)."""
    house_corpus(tmp_path, RULES, monkeypatch)
    with (tmp_path / "seeds" / "002_0a7a972d7e16d977.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nOfficials in Pyongang declined. <!-- factcheck-ignore: house/spelling -- as filed -->\n")
    with (tmp_path / "seeds" / "003_7cd300d590317c2f.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nNothing here. <!-- factcheck-ignore: house/names -->\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def seeds_report(work: Path, baseline: bool = False) -> Report:
    config = Config(rules=(work / "rules",), builtin_rules=False)
    if baseline:
        first = scan(["seeds"], config)
        # accept everything except the error and the unused suppression, which stay new
        accepted = [f for f in first.findings if f.rule not in ("house/names", UNUSED_RULE)]
        (work / "b.json").write_text(create_baseline(accepted, ["seeds"]).to_json(), encoding="utf-8")
        config = Config(rules=(work / "rules",), builtin_rules=False, baseline=work / "b.json")
    return scan(["seeds"], config)


def corpus_report(work: Path) -> Report:
    """Hand-made corpus findings (the consistency rules are written elsewhere)."""
    rules = load_rules([work / "rules"], include_builtin=False)
    loc = Location(B, 18, 450, 18, 461, "Kim Long Un")
    rel = (Location(A, 15, 78, 15, 89, "Kim Jong Un"), Location("seeds/002_0a7a972d7e16d977.txt", 3, 5, 3, 16,
                                                              "Kim Jong Un"))
    f1 = Finding("house/names", "error", "'Kim Long Un' is written 'Kim Jong Un' in 2 other articles.", loc,
                 suggestion="Kim Jong Un", related=rel).with_fingerprint()
    f2 = Finding("names/variant", "warning", 'Quote differs: "a, b" vs\n"a; b" 100%', Location(
        A, 3, 1, 4, 2, "a, b\nc"), related=(Location(B, 7, 2, 7, 9, "a; b"),)).with_fingerprint()
    return Report(findings=[f1, f2], documents=[], rules=rules, files=2)


def render(fmt: str, report: Report, fail_on: str = "warning") -> str:
    return FORMATTERS[fmt](report, RenderContext(version="0.1.0", fail_on=fail_on))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def visible_rules(report: Report) -> list[str]:
    return [f.rule for f in report.visible()]


# --------------------------------------------------------------------------- SARIF


def validate_sarif(text: str) -> dict[str, Any]:
    need_shared(SARIF_SCHEMA)
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(text)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return data


def test_sarif_on_the_seeds_is_valid_and_complete(work: Path) -> None:
    report = seeds_report(work)
    data = validate_sarif(render("sarif", report))
    assert data["version"] == "2.1.0"
    (run_,) = data["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == "0.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:3] == ["house/names", "house/spelling", "house/anonymous"] and UNUSED_RULE in ids
    names = rules[0]
    assert names["shortDescription"]["text"] == "Names as the rest of the corpus spells them."
    assert names["helpUri"] == "https://example.org/style#names"
    assert names["defaultConfiguration"] == {"level": "error"}
    assert rules[2]["defaultConfiguration"] == {"level": "note"}
    results = run_["results"]
    assert len(results) == len(report.findings)
    for res, f in zip(results, report.findings, strict=True):
        assert ids[res["ruleIndex"]] == res["ruleId"] == f.rule
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        assert res["message"]["text"] == f.message
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        assert phys["region"] == {"startLine": f.location.line, "startColumn": f.location.column,
                                  "endLine": f.location.end_line, "endColumn": f.location.end_column,
                                  "snippet": {"text": f.location.excerpt}}
        assert res["partialFingerprints"] == {"factcheck/v2": f.fingerprint}
        assert "baselineState" not in res
    suppressed = [r for r in results if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"]) for r in suppressed] == [
        ("house/spelling", [{"kind": "inSource", "justification": "as filed"}])]
    fix = next(r for r in results if r["ruleId"] == "house/names")["fixes"][0]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "Kim Jong Un"}


def test_sarif_baseline_state_on_every_result(work: Path) -> None:
    report = seeds_report(work, baseline=True)
    results = validate_sarif(render("sarif", report))["runs"][0]["results"]
    assert {r["baselineState"] for r in results} == {"new", "unchanged"}
    assert [r["ruleId"] for r in results if r["baselineState"] == "new" and "suppressions" not in r] == \
        ["house/names", UNUSED_RULE]


def test_sarif_reports_fixed_baseline_findings_as_absent(work: Path) -> None:
    first = seeds_report(work, baseline=True)
    fixed = next(f for f in first.findings if f.rule == "house/spelling" and f.suppressed is None)
    path = work / fixed.path
    path.write_text(path.read_text(encoding="utf-8").replace("Noth Korea", "North Korea"), encoding="utf-8")
    again = scan(["seeds"], Config(rules=(work / "rules",), builtin_rules=False, baseline=work / "b.json"))
    assert again.baseline_stale >= 1
    run_ = validate_sarif(render("sarif", again))["runs"][0]
    absent = [r for r in run_["results"] if r["baselineState"] == "absent"]
    assert len(absent) == again.baseline_stale
    ids = [d["id"] for d in run_["tool"]["driver"]["rules"]]
    for r in absent:
        assert r["ruleId"] == "house/spelling" and ids[r["ruleIndex"]] == r["ruleId"] and r["level"] == "warning"
        assert r["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": fixed.path,
                                                                              "uriBaseId": "%SRCROOT%"}}}]
        assert "Noth Korea" in r["message"]["text"]
    assert {r["partialFingerprints"]["factcheck/v2"] for r in absent} == {fixed.fingerprint}
    # what is still found is not absent, and the new scan does not report the fixed finding
    assert not [f for f in again.findings if f.fingerprint == fixed.fingerprint]


def test_sarif_related_locations_for_corpus_findings(work: Path) -> None:
    data = validate_sarif(render("sarif", corpus_report(work)))
    driver_ids = [r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]]
    assert "names/variant" in driver_ids  # a rule not in report.rules still gets a descriptor
    first, second = data["runs"][0]["results"]
    rel = first["relatedLocations"]
    assert [r["id"] for r in rel] == [1, 2]
    assert rel[0]["physicalLocation"]["artifactLocation"]["uri"] == A
    assert rel[0]["physicalLocation"]["region"]["startLine"] == 15
    assert rel[0]["message"]["text"] == "Kim Jong Un"
    assert second["locations"][0]["physicalLocation"]["region"]["endLine"] == 4


def test_sarif_uris_are_encoded_and_absolute_paths_are_file_uris(work: Path) -> None:
    report = corpus_report(work)
    odd = Finding("house/names", "error", "m", Location("dir with space/ü#1.md", 1, 1, 1, 2, "x"))
    absolute = Finding("house/names", "error", "m", Location("/srv/news/a.md", 1, 1, 1, 2, "x"))
    report.findings = [odd.with_fingerprint(), absolute.with_fingerprint()]
    results = validate_sarif(render("sarif", report))["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert uris == [{"uri": "dir%20with%20space/%C3%BC%231.md", "uriBaseId": "%SRCROOT%"},
                    {"uri": "file:///srv/news/a.md"}]


def test_sarif_from_the_cli_is_valid(work: Path) -> None:
    code, out, _ = run("scan", "seeds", "--format", "sarif")
    assert code == 1
    validate_sarif(out)


# --------------------------------------------------------------------------- GitHub annotations

_GITHUB_RE = re.compile(r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),"
                        r"endColumn=(\d+),title=([^,:]|%3A|%2C)+::[^\r\n]+$")


def test_github_annotations_on_the_seeds(work: Path) -> None:
    report = seeds_report(work)
    out = render("github", report)
    lines = out.splitlines()
    assert len(lines) == len(report.visible()) and out.endswith("\n")
    for line, f in zip(lines, report.visible(), strict=True):
        m = _GITHUB_RE.match(line)
        assert m, line
        assert m.group(1) == {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        assert (m.group(2), int(m.group(3)), int(m.group(4))) == (f.path, f.location.line, f.location.column)
    assert "::error file=seeds/001_01d226c4d8e25899.txt,line=18,col=450,endLine=18,endColumn=461," \
           "title=factcheck%3A house/names::'Kim Long Un' is misspelled: write 'Kim Jong Un'." \
           "%0ASuggestion: Kim Jong Un" in lines
    assert "Pyongang" not in out  # suppressed


def test_github_escapes_and_related(work: Path) -> None:
    out = render("github", corpus_report(work))
    second = out.splitlines()[1]
    assert second.startswith("::warning file=seeds/000_018bb7910cb6849a.txt,line=3,col=1,endLine=4,endColumn=2,"
                             "title=factcheck%3A names/variant::")
    assert 'Quote differs: "a, b" vs%0A"a; b" 100%25%0ASee also seeds/001_01d226c4d8e25899.txt:7:2: a; b' in second
    assert len(out.splitlines()) == 2


# --------------------------------------------------------------------------- JUnit


def test_junit_on_the_seeds_parses_and_agrees_with_the_exit_code(work: Path) -> None:
    report = seeds_report(work)
    root = ET.fromstring(render("junit", report))
    assert root.tag == "testsuites" and root.get("name") == "factcheck"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(p.as_posix() for p in Path("seeds").iterdir())
    cases = root.iter("testcase")
    failures = list(root.iter("failure"))
    visible = report.visible()
    at_or_above = [f for f in visible if f.severity in ("error", "warning")]
    assert len(failures) == len(at_or_above) == int(root.get("failures", "-1"))
    assert int(root.get("tests", "-1")) == len(list(cases)) == sum(int(s.get("tests", "0")) for s in suites)
    assert {f.get("type") for f in failures} == {"error", "warning"}
    info_out = [c.find("system-out") for c in root.iter("testcase") if c.find("system-out") is not None]
    assert len(info_out) == sum(f.severity == "info" for f in visible) == 2
    for s in suites:
        assert int(s.get("failures", "-1")) == len(s.findall("testcase/failure"))
    clean = next(s for s in suites if s.get("name") == "seeds/004_ea8a4a46e2e3a1c2.txt")
    assert [(c.get("name"), list(c)) for c in clean.findall("testcase")] == [("factcheck", [])]
    # with --fail-on info, info findings fail too
    root_info = ET.fromstring(render("junit", report, fail_on="info"))
    assert len(list(root_info.iter("failure"))) == len(visible)


def test_junit_escapes_markup_and_control_characters(work: Path) -> None:
    report = corpus_report(work)
    weird = Finding("house/names", "error", 'A <b>&"quote"\x0c\x00 ]]>', Location(B, 1, 1, 1, 2, "<&>"))
    report.findings = [weird.with_fingerprint()]
    root = ET.fromstring(render("junit", report))
    failure = next(root.iter("failure"))
    # control characters are shown escaped, as in every human-readable format (XML 1.0 forbids them)
    assert failure.get("message") == 'A <b>&"quote"\\x0c\\x00 ]]>'
    assert "excerpt: <&>" in (failure.text or "")


# --------------------------------------------------------------------------- GitLab Code Quality


def test_gitlab_code_quality_on_the_seeds(work: Path) -> None:
    report = seeds_report(work, baseline=True)
    issues = json.loads(render("gitlab", report))
    assert [i["check_name"] for i in issues] == visible_rules(report) == ["house/names", UNUSED_RULE]
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["type"] == "issue"
        assert isinstance(issue["location"]["path"], str) and issue["location"]["lines"]["begin"] >= 1
    assert issues[0]["severity"] == "critical" and issues[1]["severity"] == "major"
    assert issues[0]["location"] == {"path": B, "lines": {"begin": 18, "end": 18}}


def test_gitlab_fingerprints_are_unique_for_repeated_findings(work: Path) -> None:
    with open("seeds/004_ea8a4a46e2e3a1c2.txt", "a", encoding="utf-8") as fh:
        fh.write("\nNoth Korea. Noth Korea.\nNoth Korea.\n")
    report = seeds_report(work)
    issues = json.loads(render("gitlab", report))
    fps = [i["fingerprint"] for i in issues]
    assert len(fps) == len(set(fps)) == len(report.visible())
    repeated = [i for i in issues if i["location"]["path"] == "seeds/004_ea8a4a46e2e3a1c2.txt"]
    assert len(repeated) == 3
    # the first copy keeps the finding's own fingerprint
    first = next(f for f in report.visible() if f.path == "seeds/004_ea8a4a46e2e3a1c2.txt")
    assert repeated[0]["fingerprint"] == first.fingerprint


# --------------------------------------------------------------------------- concise and text


def test_concise_on_the_seeds(work: Path) -> None:
    report = seeds_report(work)
    lines = render("concise", report).splitlines()
    assert lines == [f"{f.path}:{f.location.line}:{f.location.column}: {f.severity} [{f.rule}] {f.message}"
                     for f in report.visible()]
    assert "seeds/001_01d226c4d8e25899.txt:18:450: error [house/names] 'Kim Long Un' is misspelled: " \
           "write 'Kim Jong Un'." in lines
    assert all(re.match(r"^[^:]+:\d+:\d+: (error|warning|info) \[[a-z/-]+\] ", line) for line in lines)


def test_concise_keeps_one_finding_per_line(work: Path) -> None:
    assert len(render("concise", corpus_report(work)).splitlines()) == 2


def test_text_and_concise_hide_baselined_and_suppressed_findings(work: Path) -> None:
    report = seeds_report(work, baseline=True)
    assert visible_rules(report) == ["house/names", UNUSED_RULE]
    text = render("text", report)
    assert text.splitlines()[-1].endswith("; not shown: 1 suppressed inline, 3 accepted in the baseline")
    assert "Noth Korea" not in text


def test_json_marks_baseline_state_and_suppression(work: Path) -> None:
    data = json.loads(render("json", seeds_report(work, baseline=True)))
    states = {(f["rule"], f.get("baseline_state"), f.get("suppressed")) for f in data["findings"]}
    assert ("house/names", "new", None) in states and ("house/anonymous", "unchanged", None) in states
    assert ("house/spelling", "new", "as filed") in states
    assert data["summary"]["findings"] == 2


# --------------------------------------------------------------------------- every format, determinism, CLI


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_format_is_deterministic_on_the_seeds(work: Path, fmt: str) -> None:
    a = render(fmt, seeds_report(work, baseline=True))
    b = render(fmt, seeds_report(work, baseline=True))
    assert a == b and a.endswith("\n")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(a)
    if fmt == "junit":
        ET.fromstring(a)


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_format_from_the_cli(work: Path, fmt: str) -> None:
    code, out, err = run("scan", "seeds", "--format", fmt)
    assert code == 1, err
    assert out


def test_also_writes_extra_formats_in_the_same_run(work: Path) -> None:
    code, out, err = run("scan", "seeds", "--also", "sarif:reports/factcheck.sarif",
                         "--also", "junit:reports/junit.xml", "--also", "gitlab:gl.json")
    assert code == 1, err
    assert out.splitlines()[-1].startswith("5 files scanned")
    validate_sarif(Path("reports/factcheck.sarif").read_text(encoding="utf-8"))
    ET.fromstring(Path("reports/junit.xml").read_text(encoding="utf-8"))
    assert isinstance(json.loads(Path("gl.json").read_text(encoding="utf-8")), list)
    assert not [p for p in work.rglob(".*.tmp*")]  # atomic writes leave nothing behind


def test_output_file_and_also_together(work: Path) -> None:
    code, out, _ = run("scan", "seeds", "--format", "github", "-o", "gh.txt", "--also", "concise:c.txt")
    assert code == 1 and out == ""
    assert Path("gh.txt").read_text().startswith("::") and Path("c.txt").read_text().startswith("seeds/")


@pytest.mark.parametrize("args, message", [
    (["--also", "sarif"], "--also takes FORMAT:FILE"),
    (["--also", "sarif:"], "--also takes FORMAT:FILE"),
    (["--also", "xml:out.xml"], "--also: format must be one of"),
    (["--format", "checkstyle"], "--format must be one of text, json, sarif, github, junit, gitlab, concise or html"),
])
def test_bad_output_options_are_exit_2(work: Path, args: list[str], message: str) -> None:
    code, out, err = run("scan", "seeds", *args)
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: ") and message in err and len(err.strip().splitlines()) == 1


def test_unwritable_also_target_is_exit_2(work: Path) -> None:
    Path("blocker").write_text("a file, not a folder", encoding="utf-8")
    code, _, err = run("scan", "seeds", "--also", "sarif:blocker/out.sarif")
    assert code == 2 and err.startswith("factcheck: error: cannot write blocker/out.sarif")
