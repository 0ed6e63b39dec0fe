"""Rule test cases that pin what they find (``expect:``), named cases, and untested rules.

A ``fail:`` case with ``expect:`` passes on exactly the findings it lists: each
expectation met by a finding of its own and no finding left over.  These
tests run ``factcheck test-rules`` on small rule files and compare its whole
output, so a change in what a failure says is a visible change here.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.documents import parse_document
from factcheck.findings import Finding, Location
from factcheck.rules.loader import load_rules
from factcheck.rules.model import Expectation
from factcheck.rules.testing import match_expectations

RULE = """
id: house/x
type: pattern
severity: warning
message: "found {match}"
words: [foo]
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path so rule files are shown by their short relative name."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_test_rules(folder: Path, tests_yaml: str, *args: str, rule: str = RULE) -> tuple[int, list[str], str]:
    """Run ``factcheck test-rules house.yaml`` on RULE plus ``tests_yaml``: (exit code, stdout lines, stderr)."""
    text = textwrap.dedent(rule).lstrip("\n") + textwrap.dedent(tests_yaml).lstrip("\n")
    (folder / "house.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["test-rules", "house.yaml", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr




# --------------------------------------------------------------------------- expectations met


def test_expectations_met_pass(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - name: two foos
              text: "a foo\\nthe foo"
              expect:
                - {match: foo, line: 1, column: 3, severity: warning}
                - {line: 2, column: 5}
          pass: [clean]
    """)
    assert (code, out) == (0, ["ok   house/x (1 fail, 1 pass examples)", "1 passed, 0 failed"])


def test_multi_file_case_pins_file_match_severity_and_suggestion(here: Path) -> None:
    rule = """
        id: house/spell
        type: spelling-variants
        severity: info
        message: "'{match}' is spelled '{suggestion}' elsewhere"
    """
    ok = """
        tests:
          fail:
            - name: british
              files:
                a.txt: "The denuclearization talks stalled."
                b.txt: "Denuclearization remains the goal."
                c.txt: "The denuclearisation process is slow."
              expect:
                - {file: c.txt, match: denuclearisation, severity: info, suggestion: denuclearization}
    """
    code, out, _ = run_test_rules(here, ok, rule=rule)
    assert (code, out) == (0, ["ok   house/spell (1 fail, 0 pass examples)", "1 passed, 0 failed"])

    wrong_file = ok.replace("{file: c.txt,", "{file: a.txt,")
    code, out, _ = run_test_rules(here, wrong_file, rule=rule)
    assert (code, out) == (1, [
        "FAIL house/spell (1 fail, 0 pass examples)",
        "     house.yaml:7: fail example 'british' did not find what it expects",
        "       expected, not found: a.txt info 'denuclearisation' -> 'denuclearization'",
        "       found, not expected: c.txt:1:5 info 'denuclearisation' -> 'denuclearization'",
        "0 passed, 1 failed",
    ])


# --------------------------------------------------------------------------- expectations not met


def test_wrong_severity_fails_and_says_what_was_found(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - name: one foo
              text: "a foo"
              expect: [{match: foo, severity: error}]
    """)
    assert (code, out) == (1, [
        "FAIL house/x (1 fail, 0 pass examples)",
        "     house.yaml:8: fail example 'one foo' did not find what it expects",
        "       expected, not found: example.txt error 'foo'",
        "       found, not expected: example.txt:1:3 warning 'foo'",
        "0 passed, 1 failed",
    ])


def test_missing_finding_fails(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - text: "a foo, then a bar"
              expect: [{match: foo}, {match: bar}]
    """)
    assert (code, out) == (1, [
        "FAIL house/x (1 fail, 0 pass examples)",
        "     house.yaml:8: fail example did not find what it expects: 'a foo, then a bar'",
        "       expected, not found: example.txt 'bar'",
        "0 passed, 1 failed",
    ])


def test_extra_finding_fails(here: Path) -> None:
    """The set is exact, as semgrep's: a second finding nobody expected is a failure."""
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - name: first only
              text: "foo and foo"
              expect: [{match: foo, column: 1}]
    """)
    assert (code, out) == (1, [
        "FAIL house/x (1 fail, 0 pass examples)",
        "     house.yaml:8: fail example 'first only' did not find what it expects",
        "       found, not expected: example.txt:1:9 warning 'foo'",
        "0 passed, 1 failed",
    ])


def test_one_finding_cannot_meet_two_expectations(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - name: twice
              text: "one foo"
              expect: [{match: foo}, {match: foo}]
    """)
    assert code == 1
    assert out[2:] == ["       expected, not found: example.txt 'foo'", "0 passed, 1 failed"]


def test_expected_finding_when_nothing_is_found(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail:
            - name: no foo here
              text: "clean"
              expect: [{match: foo, line: 1}]
    """)
    assert (code, out) == (1, [
        "FAIL house/x (1 fail, 0 pass examples)",
        "     house.yaml:8: fail example 'no foo here' produced no finding",
        "       expected: example.txt:1 'foo'",
        "0 passed, 1 failed",
    ])


@pytest.mark.parametrize(("expect", "ok"), [
    ("{line: 2}", True),
    ("{line: 2, column: 5}", True),
    ("{column: 5}", True),
    ("{line: 1}", False),
    ("{line: 2, column: 4}", False),
    ("{column: 1, match: foo}", False),
])
def test_line_and_column_matching(here: Path, expect: str, ok: bool) -> None:
    code, out, _ = run_test_rules(here, f"""
        tests:
          fail:
            - text: "nothing\\nthe foo"
              expect: [{expect}]
    """)
    assert code == (0 if ok else 1)
    if not ok:
        assert out[-2:] == ["       found, not expected: example.txt:2:5 warning 'foo'", "0 passed, 1 failed"]


def test_fail_case_without_expect_keeps_its_meaning(here: Path) -> None:
    """No ``expect:``: one finding or more passes, whatever it is."""
    code, out, _ = run_test_rules(here, """
        tests:
          fail: ["foo foo foo", {name: mapping, files: {a.txt: foo, b.txt: foo}}]
    """)
    assert (code, out) == (0, ["ok   house/x (2 fail, 0 pass examples)", "1 passed, 0 failed"])


def test_named_pass_case_shows_its_name(here: Path) -> None:
    code, out, _ = run_test_rules(here, """
        tests:
          fail: ["a foo"]
          pass:
            - name: mentions foo by mistake
              text: "has foo in it"
    """)
    assert (code, out) == (1, [
        "FAIL house/x (1 fail, 1 pass examples)",
        "     house.yaml:9: pass example 'mentions foo by mistake' produced 1 finding(s) -> found foo",
        "0 passed, 1 failed",
    ])


def test_matching_gives_each_expectation_its_own_finding() -> None:
    """A loose expectation listed first must not take the one finding a stricter one needs."""
    doc = parse_document("a.txt", "foo foo")

    def finding(start: int, severity: str) -> Finding:
        return Finding("house/x", severity, "m", Location.of(doc, start, start + 3))

    found = [finding(0, "error"), finding(4, "warning")]
    loose, strict = Expectation("a.txt", match="foo"), Expectation("a.txt", match="foo", severity="error")
    assert match_expectations([loose, strict], found) == ((), ())
    assert match_expectations([strict, strict], found) == ((strict,), (found[1],))


# --------------------------------------------------------------------------- untested rules


def test_untested_rule_fails_without_the_flag(here: Path) -> None:
    code, out, _ = run_test_rules(here, "")
    assert (code, out) == (1, ["NO TESTS house/x",
                               "0 passed, 1 failed (rules without tests fail unless --allow-untested)"])


def test_untested_rule_is_reported_with_allow_untested(here: Path) -> None:
    code, out, _ = run_test_rules(here, "", "--allow-untested")
    assert (code, out) == (0, ["NO TESTS house/x", "0 passed, 0 failed, 1 untested"])


def test_allow_untested_still_fails_a_failing_rule(here: Path) -> None:
    code, out, _ = run_test_rules(here, "tests:\n  fail: [clean]\n", "--allow-untested")
    assert code == 1
    assert out[-1] == "0 passed, 1 failed"


# --------------------------------------------------------------------------- loader errors


@pytest.mark.parametrize(("tests_yaml", "expected"), [
    ("tests:\n  fail: [a foo]\n  pass:\n    - text: clean\n      expect: [{match: foo}]\n",
     "house.yaml:10: key 'tests.pass.expect': pass cases expect no finding"),
    ("tests:\n  fail:\n    - files: {a.txt: foo, b.txt: foo}\n      expect: [{file: c.txt, match: foo}]\n",
     "house.yaml:9: key 'tests.fail.expect.file': no file 'c.txt' in this case; its files: a.txt, b.txt"),
    ("tests:\n  fail:\n    - files: {a.txt: foo, b.txt: foo}\n      expect: [{match: foo}]\n",
     "house.yaml:9: key 'tests.fail.expect.file': missing required key (the case has files a.txt, b.txt)"),
    ("tests:\n  fail:\n    - text: foo\n      expect:\n        - match: foo\n          excerpt: foo\n",
     "house.yaml:11: key 'tests.fail.expect.excerpt': unknown key in an expected finding; "
     "valid: column, file, line, match, severity, suggestion"),
    ("tests:\n  fail:\n    - text: foo\n      title: one foo\n",
     "house.yaml:9: key 'tests.fail.title': unknown key in a test case; valid: expect, files, name, text"),
    ("tests:\n  pass:\n    - text: clean\n      title: clean\n",
     "house.yaml:9: key 'tests.pass.title': unknown key in a test case; valid: files, name, text"),
    ("tests:\n  fail:\n    - text: foo\n      expect: [{match: foo, severity: fatal}]\n",
     "house.yaml:9: key 'tests.fail.expect.severity': must be one of error, warning, info, not 'fatal'"),
    ("tests:\n  fail:\n    - text: foo\n      expect: [{match: foo, line: first}]\n",
     "house.yaml:9: key 'tests.fail.expect.line': must be an integer, not str 'first'"),
    ("tests:\n  fail:\n    - text: foo\n      expect: [{match: foo, column: 0}]\n",
     "house.yaml:9: key 'tests.fail.expect.column': must be 1 or more (lines and columns count from 1), not 0"),
    ("tests:\n  fail:\n    - text: foo\n      expect: [{severity: warning}]\n",
     "house.yaml:9: key 'tests.fail.expect': an expected finding needs match:, line: or column:"),
    ("tests:\n  fail:\n    - text: foo\n      expect: []\n",
     "house.yaml:9: key 'tests.fail.expect': must be a non-empty list of expected findings "
     "(a case expecting none is a pass case)"),
    ("tests:\n  fail:\n    - text: foo\n      expect: [foo]\n",
     "house.yaml:9: key 'tests.fail.expect': each expected finding is a mapping, "
     "e.g. {file: b.txt, match: ..., severity: ...}"),
    ("tests:\n  fail:\n    - text: foo\n      name: 5\n",
     "house.yaml:9: key 'tests.fail.name': must be a non-empty string, not int 5"),
    ("tests:\n  fail:\n    - text: foo\n      files: {a.txt: foo}\n",
     "house.yaml:8: key 'tests.fail': a test case has files: or text:, exactly one"),
    ("tests:\n  fail:\n    - name: nothing\n",
     "house.yaml:8: key 'tests.fail': a test case has files: or text:, exactly one"),
    ("tests:\n  fail:\n    - text: [foo]\n",
     "house.yaml:8: key 'tests.fail.text': must be a string, not list ['foo']"),
])
def test_bad_expectations_are_one_line_exit_2(here: Path, tests_yaml: str, expected: str) -> None:
    code, out, err = run_test_rules(here, tests_yaml)
    assert (code, out, err) == (2, [], f"factcheck: error: {expected}\n")


def test_single_text_case_expectation_defaults_to_example_txt(here: Path) -> None:
    (here / "house.yaml").write_text(textwrap.dedent(RULE).lstrip("\n")
                                     + "tests:\n  fail:\n    - text: foo\n      expect: [{match: foo}]\n",
                                     encoding="utf-8")
    (rule,) = load_rules([here / "house.yaml"], include_builtin=False)
    (case,) = rule.fail
    assert case.files == {"example.txt": "foo"}
    assert case.expect == (Expectation("example.txt", match="foo"),)
    assert case.name is None and case.line == 8


# --------------------------------------------------------------------------- shipped rules


def test_shipped_corpus_rules_pin_their_multi_document_cases() -> None:
    """Every shipped rule that compares documents names each multi-document fail case and pins
    what it finds, so a corpus rule cannot drift to another finding with its tests still green."""
    unpinned = [f"{r.id} ({r.origin.rpartition(':')[0]}:{ex.line})"
                for r in load_rules([], include_builtin=True) for ex in r.fail
                if len(ex.files) > 1 and (ex.expect is None or ex.name is None)]
    assert unpinned == []
