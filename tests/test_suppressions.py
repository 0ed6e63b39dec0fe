"""Inline suppressions: each form silences exactly what it names; unused ones are reported."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import variant_rule
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config
from factcheck.documents import parse_document
from factcheck.engine import Report, scan
from factcheck.findings import Finding, Location
from factcheck.rules.loader import load_rules
from factcheck.suppressions import (
    INSIDE_DIRECTIVE,
    INVALID_RULE,
    UNUSED_RULE,
    apply_suppressions,
    parse_suppressions,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

RULES = """\
rules:
  - id: house/spelling
    type: substitution
    severity: warning
    message: "'{match}' is misspelled: write '{suggestion}'."
    swap: {Pyongang: Pyongyang, goverment: government}
  - id: house/anonymous
    type: pattern
    severity: warning
    message: "Unnamed source: '{match}'."
    words: ["sources said"]
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def scan_text(work: Path, text: str, name: str = "a.md", **config: object) -> Report:
    (work / name).write_text(text, encoding="utf-8")
    return scan([name], Config(rules=(work / "rules",), builtin_rules=False, **config))  # type: ignore[arg-type]


def summary(findings: Iterable[Finding]) -> list[tuple[int, str, str | None]]:
    """(line, rule, suppressed) of every finding, in report order."""
    return [(f.location.line, f.rule, f.suppressed) for f in findings]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- each form


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_ignore_at_end_of_line_suppresses_that_line_and_rule_only(work: Path, name: str) -> None:
    report = scan_text(work, (
        "The goverment and Pyongang. <!-- factcheck-ignore: house/spelling -- quoted verbatim -->\n"
        "The goverment again; sources said so. <!-- factcheck-ignore: house/spelling -->\n"
        "The goverment a third time.\n"), name)
    assert summary(report.findings) == [
        (1, "house/spelling", "quoted verbatim"), (1, "house/spelling", "quoted verbatim"),
        (2, "house/spelling", ""), (2, "house/anonymous", None),
        (3, "house/spelling", None)]
    assert report.counts()["warning"] == 2


def test_ignore_next_line(work: Path) -> None:
    report = scan_text(work, (
        "Intro.\n"
        "<!-- factcheck-ignore-next-line: house/spelling -- the minister's own spelling -->\n"
        "The goverment said.\n"
        "The goverment said.\n"))
    assert summary(report.findings) == [(3, "house/spelling", "the minister's own spelling"),
                                        (4, "house/spelling", None)]


def test_disable_enable_block_and_several_ids(work: Path) -> None:
    report = scan_text(work, (
        "The goverment said.\n"
        "<!-- factcheck-disable: house/spelling, house/anonymous -- wire copy -->\n"
        "\n"
        "The goverment said; sources said.\n"
        "\n"
        "Pyongang.\n"
        "<!-- factcheck-enable: house/spelling -->\n"
        "The goverment said; sources said.\n"))
    assert summary(report.findings) == [
        (1, "house/spelling", None),
        (4, "house/spelling", "wire copy"), (4, "house/anonymous", "wire copy"),
        (6, "house/spelling", "wire copy"),
        (8, "house/spelling", None), (8, "house/anonymous", "wire copy"),  # disable without enable: to EOF
    ]


def test_space_separated_ids_and_no_colon_spacing(work: Path) -> None:
    report = scan_text(work, "The goverment; sources said. <!--factcheck-ignore:house/spelling house/anonymous-->\n")
    assert [f.suppressed for f in report.findings] == ["", ""]


def test_ids_match_exactly_not_by_prefix(work: Path) -> None:
    report = scan_text(work, "The goverment said. <!-- factcheck-ignore: house -->\n")
    assert summary(report.findings) == [(1, "house/spelling", None), (1, INVALID_RULE, None)]
    assert report.findings[1].message == ("Suppression names 'house', a prefix, not a rule id: suppressions "
                                          "name exact ids ('house/anonymous', 'house/spelling').")


# --------------------------------------------------------------------------- reporting unused and invalid ones


def test_unused_suppression_is_reported_at_the_rule_id(work: Path) -> None:
    report = scan_text(work, "Clean line. <!-- factcheck-ignore: house/spelling -- old -->\n")
    (f,) = report.findings
    assert (f.rule, f.severity, f.location.line, f.location.excerpt) == (UNUSED_RULE, "warning", 1, "house/spelling")
    assert f.location.column == len("Clean line. <!-- factcheck-ignore: ") + 1
    assert "no 'house/spelling' finding on line 1" in f.message
    assert f.suppressed is None and f.fingerprint


def test_ignore_alone_on_its_line_gets_a_hint(work: Path) -> None:
    report = scan_text(work, "<!-- factcheck-ignore: house/spelling -->\nThe goverment said.\n")
    assert summary(report.findings) == [(1, UNUSED_RULE, None), (2, "house/spelling", None)]
    assert "factcheck-ignore-next-line" in report.findings[0].message


def test_unused_block_reports_its_line_range(work: Path) -> None:
    report = scan_text(work, "<!-- factcheck-disable: house/anonymous -->\nA.\nB.\n"
                             "<!-- factcheck-enable: house/anonymous -->\n")
    (f,) = report.findings
    assert f.rule == UNUSED_RULE and "lines 1-4" in f.message


def test_unknown_rule_id_is_reported_even_when_other_ids_work(work: Path) -> None:
    report = scan_text(work, "The goverment. <!-- factcheck-ignore: house/spelling, house/spellling -->\n")
    assert summary(report.findings) == [(1, "house/spelling", ""), (1, INVALID_RULE, None)]
    assert report.findings[1].message == \
        "Suppression names unknown rule id 'house/spellling' (did you mean 'house/spelling'?)."


def test_known_but_deselected_rule_is_not_unused(work: Path) -> None:
    report = scan_text(work, "Sources said. <!-- factcheck-ignore: house/spelling -->\n",
                       select=("house/anonymous",))
    assert summary(report.findings) == [(1, "house/anonymous", None)]


@pytest.mark.parametrize("comment, message", [
    ("<!-- factcheck-ignore -->", "names no rule id"),
    ("<!-- factcheck-ignore: -- a reason but no id -->", "names no rule id"),
    ("<!-- factcheck-disable -->", "rule ids are required"),
    ("<!-- factcheck-ignore-line: house/spelling -->", "Unknown directive 'factcheck-ignore-line'"),
    ("<!-- factcheck-enable: house/spelling -->", "without a preceding factcheck-disable"),
    (f"<!-- factcheck-ignore: {UNUSED_RULE} -->", "cannot be suppressed inline"),
])
def test_invalid_directives_are_reported(work: Path, comment: str, message: str) -> None:
    report = scan_text(work, f"Clean line. {comment}\n")
    assert [(f.rule, f.severity) for f in report.findings] == [(INVALID_RULE, "warning")]
    assert message in report.findings[0].message


def test_double_disable_is_reported(work: Path) -> None:
    report = scan_text(work, "<!-- factcheck-disable: house/spelling -->\nThe goverment.\n"
                             "<!-- factcheck-disable: house/spelling -->\n")
    assert summary(report.findings) == [(2, "house/spelling", ""), (3, INVALID_RULE, None)]
    assert "already disabled since line 1" in report.findings[1].message


def test_meta_findings_follow_select_and_ignore(work: Path) -> None:
    text = "Clean. <!-- factcheck-ignore: house/spelling -->\n"
    assert [f.rule for f in scan_text(work, text).findings] == [UNUSED_RULE]
    assert scan_text(work, text, ignore=("factcheck/unused-suppression",)).findings == []
    assert scan_text(work, text, ignore=("factcheck",)).findings == []


def test_unused_suppressions_fail_the_build_and_can_be_ignored(work: Path) -> None:
    Path("a.md").write_text("Clean. <!-- factcheck-ignore: house/spelling -->\n", encoding="utf-8")
    code, out, _ = run("scan", "a.md", "--format", "concise")
    assert code == 1 and f"[{UNUSED_RULE}]" in out
    assert run("scan", "a.md", "--ignore", UNUSED_RULE)[0] == 0


# --------------------------------------------------------------------------- where directives are not directives


def test_directives_in_markdown_code_are_examples(work: Path) -> None:
    report = scan_text(work, (
        "Write `<!-- factcheck-ignore: house/spelling -->` after the line.\n\n"
        "```\nThe goverment said. <!-- factcheck-ignore: house/spelling -->\n```\n\n"
        "    <!-- factcheck-disable: house/spelling -->\n\n"
        "The goverment said.\n"))
    assert summary(report.findings) == [(9, "house/spelling", None)]


def test_in_plain_text_a_finding_inside_the_comment_is_not_a_use(work: Path) -> None:
    report = scan_text(work, (
        "<!-- factcheck-ignore-next-line: house/spelling -- 'goverment' is the source's spelling -->\n"
        "Nothing to see.\n"), "a.txt")
    assert summary(report.findings) == [(1, UNUSED_RULE, None), (1, "house/spelling", INSIDE_DIRECTIVE)]
    assert report.counts()["warning"] == 1


def test_markdown_comments_are_not_analysed_text(work: Path) -> None:
    report = scan_text(work, "<!-- factcheck-ignore-next-line: house/spelling -- goverment -->\nThe goverment.\n")
    assert summary(report.findings) == [(2, "house/spelling", "goverment")]


# --------------------------------------------------------------------------- output and exit code


def test_suppressed_findings_never_fail_but_show_in_json_and_sarif(work: Path) -> None:
    Path("a.md").write_text("The goverment said. <!-- factcheck-ignore: house/spelling -- verbatim -->\n",
                            encoding="utf-8")
    code, out, _ = run("scan", "a.md")
    assert code == 0 and "goverment" not in out and "1 suppressed inline" in out
    code, out, _ = run("scan", "a.md", "--format", "json")
    assert code == 0
    (f,) = json.loads(out)["findings"]
    assert f["suppressed"] == "verbatim"
    assert json.loads(out)["summary"]["findings"] == 0
    code, out, _ = run("scan", "a.md", "--format", "sarif")
    (res,) = json.loads(out)["runs"][0]["results"]
    assert res["suppressions"] == [{"kind": "inSource", "justification": "verbatim"}]
    assert run("scan", "a.md", "--format", "concise")[1] == ""


def test_suppression_without_reason_still_counts_as_suppressed(work: Path) -> None:
    Path("a.md").write_text("The goverment said. <!-- factcheck-ignore: house/spelling -->\n", encoding="utf-8")
    assert run("scan", "a.md")[0] == 0
    (res,) = json.loads(run("scan", "a.md", "--format", "sarif")[1])["runs"][0]["results"]
    assert res["suppressions"] == [{"kind": "inSource"}]


def test_on_a_copy_of_the_seeds(work: Path) -> None:
    shutil.copytree(SEEDS, work / "seeds")
    target = work / "seeds" / "001_01d226c4d8e25899.txt"
    lines = target.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if "Pyongyang" in line)
    lines[i] = lines[i].replace("Pyongyang", "Pyongang") + " <!-- factcheck-ignore: house/spelling -- as filed -->"
    target.write_text("\n".join(lines), encoding="utf-8")
    report = scan(["seeds"], Config(rules=(work / "rules",), builtin_rules=False))
    assert [(f.rule, f.location.excerpt, f.suppressed) for f in report.findings] == [
        ("house/spelling", "Pyongang", "as filed")] * lines[i].count("Pyongang")


# --------------------------------------------------------------------------- corpus findings and units


def test_corpus_findings_are_suppressed_after_the_reduce_phase(work: Path) -> None:
    rule = variant_rule("variant '{match}'")
    Path("a.md").write_text("Kim Jong Un spoke.\n", encoding="utf-8")
    Path("b.md").write_text("Kim Long Un spoke. <!-- factcheck-ignore: test/variant -- as quoted -->\n"
                            "Kim Long Un again.\n", encoding="utf-8")
    report = scan(["a.md", "b.md"], Config(), rules=[rule])
    assert [(f.path, f.location.line, f.suppressed) for f in report.findings] == [
        ("b.md", 1, "as quoted"), ("b.md", 2, None)]
    assert report.findings[0].related[0].path == "a.md"


def test_parse_is_per_document_and_apply_is_pure() -> None:
    doc = parse_document("x.md", "A.\n<!-- factcheck-ignore-next-line: r/one -- why -->\nB.\n", "markdown")
    sup = parse_suppressions(doc)
    (s,) = sup.items
    assert (s.rule, s.first_line, s.last_line, s.reason, s.kind) == ("r/one", 3, 3, "why", "ignore-next-line")
    loc = Location("x.md", 3, 1, 3, 2, "B")
    f = Finding("r/one", "error", "m", loc).with_fingerprint()
    g = Finding("r/two", "error", "m", loc).with_fingerprint()
    out = apply_suppressions([f, g], sup, active={"r/one", "r/two"}, known={"r/one", "r/two"})
    assert [(x.rule, x.suppressed) for x in out] == [("r/one", "why"), ("r/two", None)]
    assert f.suppressed is None  # the input is not changed
    assert not parse_suppressions(parse_document("y.txt", "No directives here.\n"))


def test_rules_fixture_loads() -> None:
    """Guard: the rule file used above is valid on its own."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "r.yaml"
        p.write_text(RULES, encoding="utf-8")
        assert [r.id for r in load_rules([p], include_builtin=False)] == ["house/spelling", "house/anonymous"]
