"""Per-rule configuration: ``[tool.factcheck.rules."id"]`` severity and option overrides,
``extend_select`` / ``extend_ignore`` and ``per_file_ignores``.

Overrides are validated with the very check rule files get, so the messages
are the same, but they name the config file and the key path.  Each error is
pinned with its exact one-line message and exit code 2; the behaviour tests
run real scans (in one process and in worker processes).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import one_error_line
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config, RuleOverride, load_config
from factcheck.engine import active_rules, scan
from factcheck.errors import ConfigError

ANON = "Headline\n\nOfficials, speaking on condition of anonymity, said the talks would go on.\n"
HOUSE_RULES = """\
id: house/unnamed
type: pattern
severity: info
message: "Unnamed source: {match}"
words: ["sources said"]
---
id: house/c
type: conflict
message: m
kinds: [quantity]
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as the working directory: articles where names/variant and sourcing/anonymous fire."""
    monkeypatch.chdir(tmp_path)
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Talks in Geneva\n\nAntonio Guterres met the envoy in Geneva on Monday. "
                                "Guterres said the talks would go on.\n", encoding="utf-8")
    (arts / "b.txt").write_text("Envoy meets UN chief\n\nAntonio Guterres welcomed the envoy. "
                                "Antonio Guterres said little.\n", encoding="utf-8")
    # Another event (names/variant's reference spelling is only in other stories): a weak-severity typo.
    (arts / "c.txt").write_text("Drought in Kenya\n\nAntonio Guteres told reporters in Nairobi the harvest had "
                                "failed.\n", encoding="utf-8")
    (arts / "d.txt").write_text(ANON, encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE_RULES, encoding="utf-8")
    return tmp_path


def config(folder: Path, text: str, name: str = "factcheck.toml") -> None:
    (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def cli_error(*args: str) -> str:
    """Run the CLI; assert it fails with one error line; return the message."""
    return one_error_line(CliRunner().invoke(app, list(args))).removeprefix("factcheck: error: ")


def scan_json(*args: str) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(app, ["scan", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def found(findings: list[dict[str, Any]], prefix: str = "") -> list[tuple[str, str, str]]:
    return sorted((f["rule"], f["path"], f["severity"]) for f in findings if f["rule"].startswith(prefix))


# --------------------------------------------------------------------------- errors, exact


CONFLICT_OPTIONS = ("age_holders, agreeing_figures, allow_updates, kinds, max_days_apart, min_overlap, min_run, "
                    "min_shared, min_similarity, near_days, paraphrase_severity, select, severity, weak_severity, "
                    "window")


@pytest.mark.parametrize(("toml", "expected"), [
    ('[rules."figures/conflct"]\nseverity = "info"\n',
     "factcheck.toml: key 'rules.\"figures/conflct\"': no loaded rule has this id "
     "(did you mean 'figures/conflict'?)"),
    ('[rules."figures/conflict"]\nmin_similarity = 5\n',
     "factcheck.toml: key 'rules.\"figures/conflict\".min_similarity': must be between 0 and 1, not 5"),
    ('[rules."figures/conflict"]\nmin_similarity = "high"\n',
     "factcheck.toml: key 'rules.\"figures/conflict\".min_similarity': must be a number, not str 'high'"),
    ('[rules."figures/conflict"]\nkinds = ["quantity", "quantiy"]\n',
     "factcheck.toml: key 'rules.\"figures/conflict\".kinds': unknown element 'quantiy'; valid: count, date, "
     "enumeration, name, ordinal, quantity, vote (did you mean 'quantity'?)"),
    ('[rules."figures/conflict"]\nmin_similarty = 0.7\n',
     "factcheck.toml: key 'rules.\"figures/conflict\".min_similarty': unknown option for a conflict rule; "
     f"valid: {CONFLICT_OPTIONS} (did you mean 'min_similarity'?)"),
    ('[rules."figures/conflict"]\nmessage = "x"\n',
     "factcheck.toml: key 'rules.\"figures/conflict\".message': unknown option for a conflict rule; "
     f"valid: {CONFLICT_OPTIONS}"),
    ('[rules."names/variant"]\nratio = 0.5\n',
     "factcheck.toml: key 'rules.\"names/variant\".ratio': must be at least 1, not 0.5"),
    ('[rules."names/variant"]\ntypes = ["person", 3]\n',
     "factcheck.toml: key 'rules.\"names/variant\".types': every element must be a string, not int 3"),
    ('[rules."names/variant"]\nweak_severity = "warn"\n',
     "factcheck.toml: key 'rules.\"names/variant\".weak_severity': must be one of error, warning, info, ignore, "
     "not 'warn' (did you mean 'warning'?)"),
    ('[rules."names/variant"]\nseverity = "ignore"\n',
     "factcheck.toml: key 'rules.\"names/variant\".severity': must be one of error, warning, info, not 'ignore'; "
     "to turn the rule off, add it to ignore"),
    ('[rules."names/variant"]\nseverity = "warn"\n',
     "factcheck.toml: key 'rules.\"names/variant\".severity': must be one of error, warning, info, not 'warn' "
     "(did you mean 'warning'?)"),
    ('[rules]\n"names/variant" = "info"\n',
     "factcheck.toml: key 'rules.\"names/variant\"': must be a table of severity and options of that rule"),
    ('[rules.names]\nseverity = "info"\n',
     "factcheck.toml: key 'rules.names': unknown key; valid: paths, or a rule id in quotes "
     "(rules.\"figures/conflict\")"),
    ("[rules]\npaths = 3\n", "factcheck.toml: key 'rules.paths': must be a string or a list of strings"),
    ('builtin_rules = false\n[rules."names/variant"]\nseverity = "info"\n',
     "factcheck.toml: key 'rules.\"names/variant\"': no loaded rule has this id"),
    # a mistake the kind itself finds in an overridden option is the config's, not the rule file's
    ('rules = {paths = ["house.yaml"], "house/unnamed" = {words = ["ok", "  "]}}\n',
     "factcheck.toml: key 'rules.\"house/unnamed\".words': must be a list of non-empty strings"),
    ('[rules]\npaths = ["house.yaml"]\n[rules."house/c"]\nselect = {kind = "dat"}\n',
     "factcheck.toml: key 'rules.\"house/c\".select.kind': unknown claim kind 'dat'; valid: count, date, "
     "enumeration, name, ordinal, quantity, quote, vote (did you mean 'date'?)"),
    ('[rules]\npaths = ["house.yaml"]\n[rules."house/unnamed"]\npatterns = ["(?<=a)b"]\n',
     "factcheck.toml: key 'rules.\"house/unnamed\".patterns': invalid regular expression '(?<=a)b': "
     "invalid perl operator: (?<= (patterns run on RE2: no lookaround or backreferences)"),
    ('extend_select = ["names"]\nextend-select = ["dates"]\n',
     "factcheck.toml: key 'extend-select': given twice, also as 'extend_select'"),
    ('extend-ignore = "names"\nper_file_ignores = ["names"]\n',
     "factcheck.toml: key 'per_file_ignores': must be a table of path glob = rule ids"),
    ('[per-file-ignores]\n"arts/*" = [1]\n',
     "factcheck.toml: key 'per_file_ignores.\"arts/*\"': must be a string or a list of strings"),
])
def test_config_rule_errors(here: Path, toml: str, expected: str) -> None:
    config(here, toml)
    assert cli_error("scan", "arts", "--config", "factcheck.toml") == expected


def test_override_error_names_pyproject_with_the_table_form(here: Path) -> None:
    config(here, """
        [tool.factcheck.rules]
        paths = ["house.yaml"]
        [tool.factcheck.rules."figures/conflict"]
        severity = "info"
        min_similarity = 5
    """, name="pyproject.toml")
    assert cli_error("scan", "arts", "--config", "pyproject.toml") == \
        "pyproject.toml: key 'rules.\"figures/conflict\".min_similarity': must be between 0 and 1, not 5"


def test_rule_file_errors_still_name_the_rule_file(here: Path) -> None:
    """An override does not take the blame for a mistake in the YAML itself, which is checked first."""
    (here / "house.yaml").write_text("id: house/x\ntype: pattern\nmessage: m\nwords: [3]\n", encoding="utf-8")
    config(here, '[rules]\npaths = ["house.yaml"]\n[rules."house/x"]\nwords = ["ok"]\n')
    assert cli_error("scan", "arts", "--config", "factcheck.toml") == \
        "house.yaml:4: key 'words': every element must be a string, not int 3"


# --------------------------------------------------------------------------- behaviour


def test_config_parses_both_forms_of_rules(here: Path) -> None:
    config(here, 'rules = ["house.yaml"]\n')
    assert load_config(here / "factcheck.toml").rules == (here / "house.yaml",)
    config(here, '[rules]\npaths = ["house.yaml"]\n[rules."names/variant"]\nseverity = "info"\nratio = 3\n')
    cfg = load_config(here / "factcheck.toml")
    assert cfg.rules == (here / "house.yaml",)
    # the source as messages show it: relative to the working directory
    assert cfg.overrides == (RuleOverride("names/variant", "info", (("ratio", 3),), "factcheck.toml"),)


def test_severity_override_of_a_builtin_rule_changes_findings_and_exit_code(here: Path) -> None:
    code, findings = scan_json("arts/d.txt")
    assert (code, found(findings, "sourcing")) == (0, [("sourcing/anonymous", "arts/d.txt", "info")])
    config(here, '[rules."sourcing/anonymous"]\nseverity = "error"\n')
    code, findings = scan_json("arts/d.txt")
    assert (code, found(findings, "sourcing")) == (1, [("sourcing/anonymous", "arts/d.txt", "error")])


def test_severity_override_of_a_corpus_rule(here: Path) -> None:
    _, findings = scan_json("arts")
    assert found(findings, "names/variant") == [("names/variant", "arts/c.txt", "warning")]
    # names/variant reports this less certain typo at weak_severity; overriding both makes it info.
    config(here, '[rules."names/variant"]\nseverity = "info"\nweak_severity = "info"\n')
    _, findings = scan_json("arts")
    assert found(findings, "names/variant") == [("names/variant", "arts/c.txt", "info")]


def test_option_override_changes_behaviour(here: Path) -> None:
    config(here, '[rules."names/variant"]\nweak_severity = "ignore"\n')
    _, findings = scan_json("arts")
    assert found(findings, "names/variant") == []


def test_file_option_in_an_override_is_relative_to_the_config_file(here: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (here / "merkel").mkdir()
    (here / "merkel" / "a.txt").write_text("Berlin talks\n\nChancellor Angela Merkle met the envoy in Berlin.\n",
                                           encoding="utf-8")
    (here / "names.yaml").write_text('names: ["Angela Merkel"]\n', encoding="utf-8")
    _, findings = scan_json("merkel")
    assert found(findings, "names/variant") == []
    config(here, '[rules."names/variant"]\ncanonical = "names.yaml"\n')
    (here / "sub").mkdir()
    monkeypatch.chdir(here / "sub")  # the config is found in the parent; the file is relative to it
    _, findings = scan_json("../merkel")
    assert [(f["rule"], f["suggestion"]) for f in findings] == [("names/variant", "Angela Merkel")]


def test_override_of_a_user_rule_in_the_table_form(here: Path) -> None:
    (here / "arts" / "e.txt").write_text("Headline\n\nSources said the talks would go on.\n", encoding="utf-8")
    config(here, """
        builtin_rules = false
        [rules]
        paths = ["house.yaml"]
        [rules."house/unnamed"]
        severity = "warning"
        words = ["sources said", "speaking on condition of anonymity"]
    """)
    code, findings = scan_json("arts")
    assert code == 1
    assert found(findings) == [("house/unnamed", "arts/d.txt", "warning"), ("house/unnamed", "arts/e.txt", "warning")]


def test_rules_listing_shows_the_overridden_severity(here: Path) -> None:
    config(here, '[rules."sourcing/anonymous"]\nseverity = "error"\n')
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    by_id = {r["id"]: r for r in json.loads(result.stdout)}
    assert by_id["sourcing/anonymous"]["severity"] == "error"
    assert by_id["names/variant"]["severity"] == "error"


def test_active_rules_applies_overrides_as_workers_do(here: Path) -> None:
    """Workers build their rules with active_rules(config): the override must live in the config."""
    config(here, '[rules."figures/conflict"]\nseverity = "info"\nmin_similarity = 0.7\n')
    (rule,) = [r for r in active_rules(load_config(here / "factcheck.toml")) if r.id == "figures/conflict"]
    assert (rule.severity, rule.options["min_similarity"]) == ("info", 0.7)
    assert rule.impl is not None and rule.impl.options["min_similarity"] == 0.7


def test_override_holds_in_worker_processes(here: Path) -> None:
    for i in range(3):
        (here / "arts" / f"anon{i}.txt").write_text(ANON, encoding="utf-8")
    config(here, 'jobs = 2\n[rules."sourcing/anonymous"]\nseverity = "error"\n')
    cfg = load_config(here / "factcheck.toml")
    report = scan(["arts"], cfg)
    anon = [f for f in report.findings if f.rule == "sourcing/anonymous"]
    assert len(anon) == 4
    assert {f.severity for f in anon} == {"error"}


def test_extend_select_adds_to_a_narrowed_selection_and_never_narrows(here: Path) -> None:
    _, everything = scan_json("arts")
    assert {f["rule"] for f in everything} >= {"names/variant", "sourcing/anonymous"}
    config(here, 'select = ["sourcing"]\n')
    _, findings = scan_json("arts")
    assert {f["rule"] for f in findings} == {"sourcing/anonymous"}
    config(here, 'select = ["sourcing"]\nextend-select = ["names/variant"]\n')
    _, findings = scan_json("arts")
    assert {f["rule"] for f in findings} == {"sourcing/anonymous", "names/variant"}
    config(here, 'extend_select = ["names/variant"]\n')  # no select: every rule still runs
    _, findings = scan_json("arts")
    assert findings == everything
    config(here, 'select = ["sourcing"]\n')
    _, findings = scan_json("arts", "--extend-select", "names")
    assert {f["rule"] for f in findings} == {"sourcing/anonymous", "names/variant"}


def test_extend_ignore_in_config_and_on_the_command_line(here: Path) -> None:
    config(here, 'ignore = ["spelling"]\nextend-ignore = ["sourcing/anonymous"]\n')
    _, findings = scan_json("arts")
    assert "sourcing/anonymous" not in {f["rule"] for f in findings}
    assert "names/variant" in {f["rule"] for f in findings}
    _, findings = scan_json("arts", "--extend-ignore", "names/variant")
    assert not {"sourcing/anonymous", "names/variant"} & {f["rule"] for f in findings}


@pytest.mark.parametrize("glob", ["arts/c.txt", "c.txt", "arts/c*"])
def test_per_file_ignores_drop_corpus_findings_in_matching_files(here: Path, glob: str) -> None:
    config(here, f'[per-file-ignores]\n"{glob}" = ["names"]\n"d.txt" = "sourcing/anonymous"\n')
    _, findings = scan_json("arts")
    assert found(findings, "names") == []
    assert found(findings, "sourcing") == []


def test_per_file_ignores_leave_other_files_and_rules(here: Path) -> None:
    (here / "arts" / "e.txt").write_text(ANON, encoding="utf-8")
    config(here, '[per_file_ignores]\n"d.txt" = ["sourcing/anonymous"]\n"a.txt" = ["names"]\n')
    _, findings = scan_json("arts")
    assert found(findings, "sourcing") == [("sourcing/anonymous", "arts/e.txt", "info")]
    # Only which files report it matters here; its severity follows the stories (with e.txt, c.txt
    # joins a.txt and b.txt's story and is an error).
    assert [(r, p) for r, p, _s in found(findings, "names/variant")] == [("names/variant", "arts/c.txt")]


def test_per_file_ignored_rule_does_not_make_its_suppression_stale(here: Path) -> None:
    (here / "arts" / "d.txt").write_text(
        ANON + "<!-- factcheck-ignore-next-line: sourcing/anonymous -- quoted verbatim -->\n"
        "Officials, speaking on condition of anonymity, added more.\n", encoding="utf-8")
    config(here, '[per_file_ignores]\n"d.txt" = ["sourcing"]\n')
    code, findings = scan_json("arts/d.txt")
    assert (code, findings) == (0, [])


def test_baseline_create_takes_the_extend_flags(here: Path) -> None:
    result = CliRunner().invoke(app, ["baseline", "create", "arts", "-o", "b.json", "--extend-ignore", "names",
                                      "--extend-ignore", "sourcing"])
    assert result.exit_code == 0, result.output
    rules = {e["rule"] for e in json.loads((here / "b.json").read_text(encoding="utf-8"))["findings"]}
    assert not any(r.startswith(("names/", "sourcing/")) for r in rules)


def test_overrides_through_the_api_without_a_config_file(here: Path) -> None:
    cfg = Config(overrides=(RuleOverride("sourcing/anonymous", "error"),))
    assert {f.severity for f in scan(["arts/d.txt"], cfg).findings if f.rule == "sourcing/anonymous"} == {"error"}
    with pytest.raises(ConfigError) as exc:
        active_rules(Config(overrides=(RuleOverride("sourcing/anonymus", options=(("words", 3),)),)))
    assert str(exc.value) == ("key 'rules.\"sourcing/anonymus\"': no loaded rule has this id "
                              "(did you mean 'sourcing/anonymous'?)")
