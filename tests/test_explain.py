"""Rule documentation from one source (`rules`, `rule ID`, SARIF, the README) and the CLI's self-explanation.

Every assertion about a shipped rule reads the expected text from the loaded
rule (its YAML), never a copy, so rewording a rule file cannot break these
tests -- but a surface that drifts from the rule file does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from conftest import SARIF_SCHEMA
from test_formats import validate_sarif
from typer.testing import CliRunner, Result

from factcheck.cli import CLAIM_KINDS, SCAN_FORMATS, app
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.errors import RuleError
from factcheck.rules.docs import RuleDoc, find_rule, render_markdown
from factcheck.rules.loader import load_rules
from factcheck.rules.model import SUMMARY_MAX, Rule, description_paragraphs
from factcheck.suppressions import INVALID_RULE, META_RULES, UNUSED_RULE

ROOT = Path(__file__).resolve().parent.parent

HOUSE = """
id: house/names
type: name-variants
severity: error
summary: Names as the house spells them.
message: "'{match}' should be '{suggestion}'."
description: |
  First paragraph, wrapped
  over two lines.

  Second paragraph.
min_support: 3
tests:
  fail:
    - files:
        a.txt: "Kim Jong Un met envoys. Kim Jong Un left. Kim Jong Un spoke."
        b.txt: "They discussed Kim Long Un's attempts."
"""


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def real(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it (main() maps Click's errors to exit codes)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([str(Path(sys.executable).parent / "factcheck"), *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def builtin() -> list[Rule]:
    return load_rules([], include_builtin=True)


def by_id(rule_id: str) -> Rule:
    return next(r for r in builtin() if r.id == rule_id)


# --------------------------------------------------------------------------- factcheck rule ID


def test_rule_explains_summary_description_options_and_examples() -> None:
    rule = by_id("names/variant")
    r = invoke("rule", "names/variant")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.startswith("names/variant\n")
    assert rule.summary() in out
    assert "severity:  error (weak_severity: warning, translit_severity: info)" in out
    # the description, whole, re-wrapped
    assert " ".join(description_paragraphs(rule.description)) == " ".join(
        out.split("Why it matters:\n", 1)[1].split("\nOptions:", 1)[0].split())
    for key, value in (("min_support", "2"), ("ratio", "2.0"), ("mode", '"typo"')):
        assert f"  {key}: {value}  (default)\n" in out
    first_example = next(iter(rule.fail[0].files.values()))
    assert " ".join(first_example.split()[:6]) in " ".join(out.split())
    assert "Reported (examples):" in out and "Not reported (examples):" in out


def test_rule_shows_values_that_differ_from_the_default() -> None:
    out = invoke("rule", "dates/conflict").stdout
    rule = by_id("dates/conflict")
    assert rule.options["min_similarity"] == 0.6
    assert "  min_similarity: 0.6  (default: 0.5)\n" in out


def test_rule_text_is_wrapped_and_long_values_are_cut() -> None:
    for rule_id in ("figures/conflict", "spelling/common", "names/variant"):
        out = invoke("rule", rule_id).stdout
        assert max(len(line) for line in out.splitlines()) <= 100, rule_id
    out = invoke("rule", "spelling/common").stdout
    swap = next(line for line in out.splitlines() if line.startswith("  swap: "))
    assert "…" in swap and f"({len(by_id('spelling/common').options['swap'])} entries)" in swap


def test_rule_text_keeps_the_description_paragraphs_and_lists() -> None:
    out = invoke("rule", "figures/conflict").stdout
    assert "\n  Not reported:\n  - approximations covering the other value;\n" in out
    assert "\n\n  Sentences alike only in their words" in out


def test_rule_json_has_every_option_and_example() -> None:
    r = invoke("rule", "figures/conflict", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    rule = by_id("figures/conflict")
    assert data["summary"] == rule.summary()
    assert {o["name"]: o["value"] for o in data["options"]} == rule.options
    assert len(data["examples"]["fail"]) == len(rule.fail) and len(data["examples"]["pass"]) == len(rule.passes)
    assert data["examples"]["fail"][0] == dict(rule.fail[0].files)
    assert data["other_severities"] == {"weak_severity": "info", "paraphrase_severity": "info"}


@pytest.mark.parametrize(("asked", "suggested"), [("name/variant", "names/variant"),
                                                  ("figures/conflicts", "figures/conflict"),
                                                  ("variant", "names/variant")])
def test_unknown_rule_exits_2_with_did_you_mean(asked: str, suggested: str) -> None:
    r = invoke("rule", asked)
    assert r.exit_code == 2
    (line,) = r.stderr.splitlines()
    assert line.startswith(f"factcheck: error: unknown rule {asked!r}; did you mean ")
    assert repr(suggested) in line


def test_unknown_rule_with_nothing_close() -> None:
    r = invoke("rule", "zzz/qqq")
    assert r.exit_code == 2
    assert r.stderr == "factcheck: error: unknown rule 'zzz/qqq'; see `factcheck rules`\n"


def test_rule_explains_user_rules_even_when_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('ignore = ["house"]\n', encoding="utf-8")
    r = invoke("rule", "house/names", "--rules", "house.yaml")
    assert r.exit_code == 0, r.output
    assert "  Names as the house spells them.\n" in r.stdout
    assert "\n  First paragraph, wrapped over two lines.\n\n  Second paragraph.\n" in r.stdout
    assert "  min_support: 3  (default: 2)\n" in r.stdout
    assert "defined:   house.yaml:2" in r.stdout
    assert "    b.txt:\n        They discussed Kim Long Un's attempts.\n" in r.stdout
    assert "house/names" not in invoke("rules", "--rules", "house.yaml").stdout  # ignored for scans


@pytest.mark.parametrize("rule_id", [UNUSED_RULE, INVALID_RULE])
def test_engine_rules_are_explained(rule_id: str) -> None:
    severity, short, full = META_RULES[rule_id]
    r = invoke("rule", rule_id)
    assert r.exit_code == 0, r.output
    assert f"  {short}\n" in r.stdout
    assert f"severity:  {severity}" in r.stdout
    assert " ".join(full.split()) in " ".join(r.stdout.split())


def test_rule_with_a_yaml_date_in_an_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text("id: house/day\ntype: fact\nmessage: m\nexpect: 5\n"
                              "select: {kind: count, where: {since: 2020-01-01}}\n", encoding="utf-8")
    r = invoke("rule", "house/day", "--rules", "r.yaml")
    assert r.exit_code == 0, r.output
    assert '  select: {"kind": "count", "where": {"since": "2020-01-01"}}  (required)\n' in r.stdout
    r = invoke("rule", "house/day", "--rules", "r.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    options = {o["name"]: o["value"] for o in json.loads(r.stdout)["options"]}
    assert options["select"] == {"kind": "count", "where": {"since": "2020-01-01"}}


def test_find_rule_is_the_one_lookup() -> None:
    rules = builtin()
    assert find_rule("names/style", rules).id == "names/style"
    assert find_rule(UNUSED_RULE, rules).type == "engine"


# --------------------------------------------------------------------------- summaries


def test_every_shipped_rule_has_a_short_written_summary() -> None:
    for rule in builtin():
        assert rule.summary_text, f"{rule.id} has no summary:"
        assert len(rule.summary()) <= 70 and "\n" not in rule.summary(), rule.id


def test_rules_lists_one_short_line_per_rule() -> None:
    rules = builtin()
    r = invoke("rules")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == len(rules)
    for line, rule in zip(lines, rules, strict=True):
        assert len(line) <= 120, line
        assert line.split()[:3] == [rule.id, rule.type, rule.severity]
        assert line.endswith(rule.summary())
        assert "builtin:" not in line


def test_rules_json_has_summary_and_full_description() -> None:
    data = {d["id"]: d for d in json.loads(invoke("rules", "--format", "json").stdout)}
    rule = by_id("figures/conflict")
    assert data[rule.id]["summary"] == rule.summary()
    assert data[rule.id]["description"] == RuleDoc.of(rule).full_description()
    assert data[rule.id]["description"].startswith("Two documents state the same figure (same unit, nearly the same")
    assert "\n\nNot reported:\n- approximations" in data[rule.id]["description"]


def test_summary_falls_back_to_the_first_sentence(tmp_path: Path) -> None:
    long = "word " * 40
    (tmp_path / "r.yaml").write_text(textwrap.dedent(f"""
        - id: house/a
          type: pattern
          message: m
          words: [x]
          description: |
            First sentence, wrapped
            over lines. Second sentence.
        - id: house/b
          type: pattern
          message: m
          words: [x]
          description: "{long}"
        """), encoding="utf-8")
    a, b = load_rules([tmp_path / "r.yaml"], include_builtin=False)
    assert a.summary() == "First sentence, wrapped over lines."
    assert len(b.summary()) <= SUMMARY_MAX and b.summary().endswith("word…")


@pytest.mark.parametrize(("value", "error"), [
    ('"one\\ntwo"', "r.yaml:5: key 'summary': must be a single line"),
    ('"' + "x" * (SUMMARY_MAX + 1) + '"', f"r.yaml:5: key 'summary': is {SUMMARY_MAX + 1} characters long; "
                                          f"keep it to {SUMMARY_MAX}"),
])
def test_summary_must_be_one_short_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str,
                                        error: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(f"id: house/a\ntype: pattern\nmessage: m\nwords: [x]\nsummary: {value}\n",
                              encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_rules([Path("r.yaml")], include_builtin=False)
    assert str(exc.value).startswith(error)


# --------------------------------------------------------------------------- SARIF and the README


def test_sarif_descriptions_come_from_the_rule_docs() -> None:
    report = scan([str(ROOT / "seeds")], Config())
    from factcheck.report import FORMATTERS, RenderContext

    text = FORMATTERS["sarif"](report, RenderContext())
    if SARIF_SCHEMA.exists():  # multi-line descriptions are still valid SARIF
        validate_sarif(text)
    driver = json.loads(text)["runs"][0]["tool"]["driver"]
    descriptors = {d["id"]: d for d in driver["rules"]}
    assert len(descriptors) == len(builtin())
    for rule in builtin():
        d = descriptors[rule.id]
        assert d["shortDescription"]["text"] == rule.summary()
        assert len(d["shortDescription"]["text"]) <= SUMMARY_MAX
        assert d["fullDescription"]["text"] == RuleDoc.of(rule).full_description()
        assert len(d["fullDescription"]["text"]) >= len(d["shortDescription"]["text"])
        assert d["help"]["text"].startswith(d["fullDescription"]["text"] + "\n\n")
        assert f"factcheck rule {rule.id}" in d["help"]["text"]
    full = descriptors["figures/conflict"]["fullDescription"]["text"]
    assert "\n\nNot reported:\n- approximations covering the other value;\n- articles" in full
    assert full.endswith("The ages of two named people are never one fact.")


def test_readme_table_is_generated_from_the_rules() -> None:
    table = render_markdown(builtin())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Shipped rules\n", 1)[1]
    start = section.index("| id | severity | kind | summary |")
    shown = section[start:section.index("\n\n", start) + 1]
    assert shown == table, "README's table differs: paste `factcheck rules --format markdown`"
    assert invoke("rules", "--format", "markdown").stdout == table


# --------------------------------------------------------------------------- --help, no arguments


def test_scan_help_shows_choices_and_readable_metavars() -> None:
    out = invoke("scan", "--help").stdout
    assert "--format [text|json|sarif|github|junit|gitlab|concise|html]" in out
    assert "--fail-on [error|warning|info]" in out
    for option in ("--select ID", "--ignore ID", "--exclude GLOB", "--rules PATH", "--output FILE",
                   "--baseline FILE", "--config FILE", "--also FORMAT:FILE"):
        assert option in out, option
    options = out.split("Options:", 1)[1]
    assert "<list[str]>" not in options and "<str>" not in options and "<path>" not in options


@pytest.mark.parametrize(("command", "expected"), [
    (["rules"], "--format [text|json|markdown]"),
    (["rule"], "--format [text|json]"),
    (["docs"], "--format [text|json]"),
    (["claims"], "--format [table|json|csv]"),
    (["claims"], "--kind [" + "|".join(CLAIM_KINDS) + "]"),
])
def test_other_commands_show_their_choices(command: list[str], expected: str) -> None:
    assert expected in invoke(*command, "--help").stdout


def test_the_choices_shown_are_the_real_ones() -> None:
    from factcheck.claims.base import KINDS
    from factcheck.report import FORMATTERS

    assert SCAN_FORMATS == tuple(FORMATTERS)
    assert CLAIM_KINDS == KINDS


@pytest.mark.parametrize("args", [[], ["baseline"]])
def test_no_arguments_prints_help_and_exits_2(tmp_path: Path, args: list[str]) -> None:
    r = real(*args, cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout.startswith("Usage: factcheck") and "Commands:" in r.stdout
    assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- scan --statistics


def _visible_counts(report_json: dict[str, object]) -> Counter[str]:
    findings = report_json["findings"]
    assert isinstance(findings, list)
    return Counter(f["rule"] for f in findings if f.get("suppressed") is None
                   and f.get("baseline_state") != "unchanged")


def test_statistics_counts_what_json_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    full = invoke("scan", "seeds/", "--format", "json")
    expected = _visible_counts(json.loads(full.stdout))
    assert expected
    stats = invoke("scan", "seeds/", "--statistics", "--format", "json")
    assert stats.exit_code == full.exit_code
    rows = json.loads(stats.stdout)
    assert {row["rule"]: row["count"] for row in rows} == dict(expected)
    assert [(-row["count"], row["rule"]) for row in rows] == sorted((-n, rule) for rule, n in expected.items())
    for row in rows:
        assert sum(row["by_severity"].values()) == row["count"]

    text = invoke("scan", "seeds/", "--statistics")
    assert text.exit_code == full.exit_code
    lines = text.stdout.splitlines()
    assert [(int(ln.split()[0]), ln.split()[1]) for ln in lines] == [(row["count"], row["rule"]) for row in rows]
    summaries = {r.id: r.summary() for r in builtin()}
    for line, row in zip(lines, rows, strict=True):
        assert line.endswith(summaries[row["rule"]])
        assert re.search(r"\s" + "/".join(row["by_severity"]) + r"\s", line)


def test_statistics_leave_out_suppressed_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    (tmp_path / "house.yaml").write_text(
        'id: house/spelling\ntype: substitution\nmessage: "fix {match}"\nswap: {goverment: government}\n',
        encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "The goverment met.\nThe goverment left. <!-- factcheck-ignore: house/spelling -- quoted -->\n"
        "Nothing. <!-- factcheck-ignore: house/spelling -->\n", encoding="utf-8")
    r = invoke("scan", "a.txt", "--rules", "house.yaml", "--statistics", "--also", "json:full.json")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [  # a tie: by rule id
        "1  factcheck/unused-suppression  warning  A factcheck suppression comment that suppresses nothing.",
        "1  house/spelling                warning  fix {match}",
    ]
    full = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert len(full["findings"]) == 3  # --also is the full report, suppressed finding included


def test_statistics_of_a_clean_scan_are_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nothing to see.\n", encoding="utf-8")
    r = invoke("scan", "a.txt", "--statistics")
    assert (r.exit_code, r.stdout) == (0, "")
    assert json.loads(invoke("scan", "a.txt", "--statistics", "--format", "json").stdout) == []
