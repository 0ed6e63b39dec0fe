"""The command line, in-process (typer's CliRunner) and as the installed console script.

Scans of temporary folders use rule files written here with the built-in
packs switched off (``factcheck.toml``: ``builtin_rules = false``), so the
findings, and therefore the exit codes, are known exactly.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner, Result

import factcheck
from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED_NAMES = ["000_018bb7910cb6849a.txt", "001_01d226c4d8e25899.txt", "002_0a7a972d7e16d977.txt",
              "003_7cd300d590317c2f.txt", "004_ea8a4a46e2e3a1c2.txt"]
FACTCHECK = Path(sys.executable).parent / "factcheck"

RULES = """
- id: house/unnamed
  type: pattern
  severity: info
  message: "Unnamed source ('{match}')."
  words: ["sources said"]
- id: house/spelling
  type: substitution
  severity: warning
  message: "'{match}' should be '{suggestion}'."
  swap: {goverment: government}
"""


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def real(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user would."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([str(FACTCHECK), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=300, check=False)


def assert_usage_error(stderr: str, output: str, exit_code: int) -> str:
    """Exit 2, exactly one line on stderr, no traceback anywhere; returns the line."""
    assert exit_code == 2
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: error: ")
    assert "Traceback" not in output and "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project in tmp_path (the working directory): own rules only, three articles."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    (tmp_path / "house.yaml").write_text(RULES, encoding="utf-8")
    arts = tmp_path / "articles"
    (arts / "info").mkdir(parents=True)
    (arts / "warn").mkdir()
    (arts / "info" / "a.txt").write_text("Headline\n\nSources said the talks would go on.\n", encoding="utf-8")
    (arts / "warn" / "b.txt").write_text("Headline\n\nThe goverment met.\n", encoding="utf-8")
    (arts / "clean.md").write_text("# Clean\n\nNothing here.\n", encoding="utf-8")
    return tmp_path


def scan_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = invoke("scan", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def rules_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return [(f["rule"], f["path"]) for f in findings]


# --------------------------------------------------------------------------- version and help


def test_version_matches_the_package() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    project = meta["version"]
    assert meta["name"] == "factcheck-news"  # `factcheck` on PyPI is an unrelated project
    assert factcheck.__version__ == project == dist_version(meta["name"])
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"factcheck {project}\n"


def test_version_of_the_installed_script(tmp_path: Path) -> None:
    proc = real("--version", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"factcheck {factcheck.__version__}\n", "")


def _commands() -> list[tuple[str, ...]]:
    def walk(cmd: object, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        subs = getattr(cmd, "commands", None)
        if not subs:
            return [prefix]
        return [c for name, sub in subs.items() for c in walk(sub, (*prefix, name))]

    return walk(typer.main.get_command(app), ())


def test_every_command_is_listed_and_has_an_example_in_its_help() -> None:
    commands = _commands()
    assert {("scan",), ("rules",), ("test-rules",), ("docs",), ("claims",)} <= set(commands)
    for cmd in commands:
        result = invoke(*cmd, "--help")
        assert result.exit_code == 0, cmd
        assert "Example" in result.stdout, f"`factcheck {' '.join(cmd)} --help` has no example"


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "Usage" in result.output and "scan" in result.output


# --------------------------------------------------------------------------- scanning the seeds


def test_scan_seeds_as_a_real_process() -> None:
    proc = real("scan", "seeds/", cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    summary = proc.stdout.splitlines()[-1]
    m = re.fullmatch(r"5 files scanned, (\d+) findings? \((\d+) error, (\d+) warning, (\d+) info\)", summary)
    assert m, summary
    total, errors, warnings, infos = map(int, m.groups())
    assert total == errors + warnings + infos
    # The exit code follows the default --fail-on warning.
    assert proc.returncode == (1 if errors + warnings else 0)
    # Seed 000 has "speaking on condition of anonymity" twice (the built-in sourcing rule).
    anon = [ln for ln in proc.stdout.splitlines()
            if ln.startswith("seeds/000_018bb7910cb6849a.txt:") and "[sourcing/anonymous]" in ln]
    assert len(anon) == 2

    data = json.loads(real("scan", "seeds/", "--format", "json", cwd=ROOT).stdout)
    assert data["summary"]["files"] == 5
    assert data["summary"]["findings"] == total


def test_scan_seeds_exit_code_follows_fail_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    info_only = invoke("scan", "seeds/", "--select", "sourcing")
    assert info_only.exit_code == 0, info_only.output
    assert "[sourcing/anonymous]" in info_only.stdout
    assert invoke("scan", "seeds/", "--select", "sourcing", "--fail-on", "info").exit_code == 1
    assert invoke("scan", "seeds/", "--select", "sourcing", "--fail-on", "error").exit_code == 0


def test_format_json_parses_with_relative_posix_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, data = scan_json("seeds/", "--select", "sourcing")
    assert code == 0
    assert list(data) == ["version", "findings", "summary"]
    paths = {p for _r, p in rules_of(data)}
    assert paths == {"seeds/000_018bb7910cb6849a.txt"}


def test_output_file_gets_exactly_what_stdout_would(house: Path) -> None:
    plain = invoke("scan", "articles", "--rules", "house.yaml", "--format", "json")
    target = house / "out" / "report.json"
    written = invoke("scan", "articles", "--rules", "house.yaml", "--format", "json", "--output", str(target))
    assert written.exit_code == plain.exit_code == 1
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == plain.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 2
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary file left


# --------------------------------------------------------------------------- fail-on, select, ignore, exclude


@pytest.mark.parametrize(("folder", "fail_on", "code"), [
    ("articles/info", None, 0), ("articles/info", "warning", 0), ("articles/info", "info", 1),
    ("articles/info", "error", 0),
    ("articles/warn", None, 1), ("articles/warn", "warning", 1), ("articles/warn", "info", 1),
    ("articles/warn", "error", 0),
    ("articles", "error", 0), ("articles", None, 1),
])
def test_fail_on_changes_the_exit_code(house: Path, folder: str, fail_on: str | None, code: int) -> None:
    args = ["scan", folder, "--rules", "house.yaml"] + (["--fail-on", fail_on] if fail_on else [])
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert result.stderr == ""


def test_fail_on_from_the_config_and_the_flag_overrides_it(house: Path) -> None:
    (house / "factcheck.toml").write_text('builtin_rules = false\nfail_on = "info"\n', encoding="utf-8")
    assert invoke("scan", "articles/info", "--rules", "house.yaml").exit_code == 1
    assert invoke("scan", "articles/info", "--rules", "house.yaml", "--fail-on", "warning").exit_code == 0


def test_findings_of_the_house_project(house: Path) -> None:
    code, data = scan_json("articles", "--rules", "house.yaml")
    assert code == 1
    assert rules_of(data) == [("house/unnamed", "articles/info/a.txt"), ("house/spelling", "articles/warn/b.txt")]
    assert data["summary"] == {"files": 3, "findings": 2, "by_severity": {"error": 0, "warning": 1, "info": 1}}


def test_select_and_ignore(house: Path) -> None:
    _code, data = scan_json("articles", "--rules", "house.yaml", "--select", "house/unnamed")
    assert rules_of(data) == [("house/unnamed", "articles/info/a.txt")]
    code, data = scan_json("articles", "--rules", "house.yaml", "--ignore", "house/spelling")
    assert (code, rules_of(data)) == (0, [("house/unnamed", "articles/info/a.txt")])
    code, data = scan_json("articles", "--rules", "house.yaml", "--ignore", "house")
    assert (code, rules_of(data)) == (0, [])
    _code, data = scan_json("articles", "--rules", "house.yaml", "--select", "house/", "--ignore", "house/unnamed")
    assert rules_of(data) == [("house/spelling", "articles/warn/b.txt")]


def test_exclude(house: Path) -> None:
    code, data = scan_json("articles", "--rules", "house.yaml", "--exclude", "warn")
    assert (code, rules_of(data)) == (0, [("house/unnamed", "articles/info/a.txt")])
    assert data["summary"]["files"] == 2
    code, data = scan_json("articles", "--rules", "house.yaml", "--exclude", "b.txt", "--exclude", "*.md")
    assert (code, data["summary"]["files"]) == (0, 1)
    code, data = scan_json("articles", "--rules", "house.yaml", "--exclude", "articles/warn/*")
    assert (code, data["summary"]["files"]) == (0, 2)


# --------------------------------------------------------------------------- usage errors: exit 2, one line


def test_missing_path(house: Path) -> None:
    r = invoke("scan", "articles", "nope/")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: nope/: no such file or directory"
    assert r.stdout == ""


def test_missing_path_real_process(tmp_path: Path) -> None:
    proc = real("scan", "does-not-exist", cwd=tmp_path)
    line = assert_usage_error(proc.stderr, proc.stdout, proc.returncode)
    assert line == "factcheck: error: does-not-exist: no such file or directory"


def test_bad_rule_file(house: Path) -> None:
    (house / "bad.yaml").write_text("id: house/x\ntype: pattern\nmessage: m\npatterns: ['(?<=a)b']\n",
                                    encoding="utf-8")
    r = invoke("scan", "articles", "--rules", "bad.yaml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line.startswith("factcheck: error: bad.yaml:4: key 'patterns': invalid regular expression '(?<=a)b'")


def test_bad_rule_file_real_process(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: house/x\ntype: nonsense\nmessage: m\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    proc = real("scan", "a.txt", "--rules", "bad.yaml", cwd=tmp_path)
    line = assert_usage_error(proc.stderr, proc.stdout, proc.returncode)
    assert line.startswith("factcheck: error: bad.yaml:2: key 'type': unknown rule type 'nonsense'; valid: ")
    assert proc.stdout == ""


def test_missing_rule_file(house: Path) -> None:
    r = invoke("scan", "articles", "--rules", "missing.yaml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: missing.yaml: no such rule file or directory"


def test_bad_format(house: Path) -> None:
    r = invoke("scan", "articles", "--format", "xml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line.startswith("factcheck: error: --format must be one of ") and line.endswith(", not 'xml'")
    assert "text" in line and "json" in line
    r = invoke("rules", "--format", "xml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: --format must be text, json or markdown, not 'xml'"


def test_bad_format_for_docs(house: Path) -> None:
    r = invoke("docs", "articles", "--format", "xml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: --format must be text or json, not 'xml'"


def test_bad_format_for_claims(house: Path) -> None:
    r = invoke("claims", "articles", "--format", "yaml")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: --format must be table, json or csv, not 'yaml'"


def test_bad_fail_on(house: Path) -> None:
    r = invoke("scan", "articles", "--fail-on", "critical")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line == "factcheck: error: --fail-on must be one of error, warning, info, not 'critical'"


def test_bad_config_key(house: Path) -> None:
    (house / "factcheck.toml").write_text("builtin_rules = false\ncolour = true\n", encoding="utf-8")
    r = invoke("scan", "articles")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    m = re.fullmatch(r"factcheck: error: (.+): key 'colour': unknown key; valid: (.+)", line)
    assert m, line
    assert Path(m.group(1)).resolve() == (house / "factcheck.toml").resolve()
    valid = m.group(2).split(", ")
    assert valid == sorted(valid)
    assert {"builtin_rules", "exclude", "fail_on", "ignore", "rules", "select", "documents"} <= set(valid)


def test_bad_config_value_and_invalid_toml(house: Path) -> None:
    (house / "factcheck.toml").write_text('fail_on = "sometimes"\n', encoding="utf-8")
    r = invoke("scan", "articles")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line.endswith("factcheck.toml: key 'fail_on': must be one of error, warning, info")
    (house / "factcheck.toml").write_text("fail_on = \n", encoding="utf-8")
    r = invoke("scan", "articles")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert "factcheck.toml: invalid TOML: " in line


def test_config_in_pyproject_tool_table(house: Path) -> None:
    (house / "factcheck.toml").unlink()
    (house / "pyproject.toml").write_text('[tool.factcheck]\nbuiltin_rules = false\nrules = ["house.yaml"]\n'
                                          'ignore = ["house/spelling"]\n', encoding="utf-8")
    code, data = scan_json("articles")
    assert (code, rules_of(data)) == (0, [("house/unnamed", "articles/info/a.txt")])


# --------------------------------------------------------------------------- unreadable files


def test_binary_and_invalid_utf8_files_warn_and_the_scan_goes_on(house: Path) -> None:
    (house / "articles" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (house / "articles" / "latin1.txt").write_bytes("Headline\n\nLe goverment a été clair.\n".encode("latin-1"))
    r = invoke("scan", "articles", "--rules", "house.yaml", "--format", "json")
    assert r.exit_code == 1
    bad_byte = len(b"Headline\n\nLe goverment a ")  # the latin-1 "\xe9" of "été"
    assert r.stderr.splitlines() == [
        "factcheck: warning: articles/image.txt: binary file, skipped",
        f"factcheck: warning: articles/latin1.txt: not valid UTF-8 (byte {bad_byte}); undecodable bytes replaced",
    ]
    data = json.loads(r.stdout)
    assert rules_of(data) == [("house/unnamed", "articles/info/a.txt"),
                              ("house/spelling", "articles/latin1.txt"),
                              ("house/spelling", "articles/warn/b.txt")]
    # The finding after the replaced byte is still at its right column.
    latin = next(f for f in data["findings"] if f["path"] == "articles/latin1.txt")
    assert (latin["line"], latin["column"], latin["excerpt"]) == (3, 4, "goverment")

    quiet = invoke("scan", "articles", "--rules", "house.yaml", "--quiet")
    assert quiet.stderr == "" and quiet.exit_code == 1


@pytest.mark.parametrize("command", ["docs", "claims"])
def test_docs_and_claims_warn_about_a_binary_file(house: Path, command: str) -> None:
    (house / "articles" / "image.txt").write_bytes(b"\x00\x01")
    r = invoke(command, "articles")
    assert r.exit_code == 0
    assert r.stderr == "factcheck: warning: articles/image.txt: binary file, skipped\n"


@pytest.mark.parametrize("command", ["docs", "claims"])
def test_docs_and_claims_warn_about_invalid_utf8(house: Path, command: str) -> None:
    (house / "articles" / "latin1.txt").write_bytes("Caf\xe9\n".encode("latin-1"))
    r = invoke(command, "articles")
    assert r.exit_code == 0
    assert r.stderr == ("factcheck: warning: articles/latin1.txt: not valid UTF-8 (byte 3); "
                        "undecodable bytes replaced\n")


def test_binary_file_warning_from_the_real_process(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    (tmp_path / "house.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ok.md").write_text("The goverment.\n", encoding="utf-8")
    proc = real("scan", ".", "--rules", "house.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == "factcheck: warning: blob.md: binary file, skipped\n"
    assert proc.stdout.startswith("ok.md:1:5: warning [house/spelling] 'goverment' should be 'government'.\n")


# --------------------------------------------------------------------------- rules, docs, claims


def test_rules_json(house: Path) -> None:
    r = invoke("rules", "--format", "json", "--rules", "house.yaml")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [(d["id"], d["type"], d["severity"], d["origin"], d["builtin"], d["link"]) for d in data] == [
        ("house/unnamed", "pattern", "info", "house.yaml:2", False, None),  # RULES starts with a blank line
        ("house/spelling", "substitution", "warning", "house.yaml:7", False, None),
    ]
    assert data[0]["summary"] == "Unnamed source ('{match}')."  # no description: the message
    assert data[0]["description"] == ""
    for d in data:
        assert list(d) == ["id", "type", "severity", "summary", "description", "origin", "builtin", "link"]


def test_rules_json_lists_the_builtin_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = json.loads(invoke("rules", "--format", "json").stdout)
    by_id = {d["id"]: d for d in data}
    assert by_id["sourcing/anonymous"]["builtin"] is True
    assert by_id["sourcing/anonymous"]["severity"] == "info"
    assert by_id["sourcing/anonymous"]["origin"] == "builtin:sourcing/anonymous.yaml:1"
    assert by_id["spelling/common"]["type"] == "substitution"
    text = invoke("rules").stdout
    assert any(ln.startswith("sourcing/anonymous ") for ln in text.splitlines())


def test_docs_on_the_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    r = invoke("docs", "seeds/")
    assert r.exit_code == 0, r.output
    rows = {ln.split("\t")[0]: ln.split("\t") for ln in r.stdout.splitlines()}
    assert list(rows) == [f"seeds/{n}" for n in SEED_NAMES]
    assert rows["seeds/000_018bb7910cb6849a.txt"][1] == "2019-12-30 (dateline)"
    assert rows["seeds/001_01d226c4d8e25899.txt"][1] == "2020-02-10 (date-line)"
    for n in SEED_NAMES[2:]:
        assert rows[f"seeds/{n}"][1] == "unknown"
    assert "DATE SOURCES DISAGREE" not in r.stdout

    data = json.loads(invoke("docs", "seeds/", "--format", "json").stdout)
    docs = {d["path"]: d for d in data["documents"]}
    d0 = docs["seeds/000_018bb7910cb6849a.txt"]
    assert (d0["date"], d0["date_source"], d0["date_conflict"]) == ("2019-12-30", "dateline", False)
    assert [e["source"] for e in d0["date_evidence"]] == ["dateline", "url"]
    assert "/2019/12/30/" in d0["url"]
    d1 = docs["seeds/001_01d226c4d8e25899.txt"]
    assert [(e["source"], e["date"]) for e in d1["date_evidence"]] == [
        ("date-line", "2020-02-10"), ("dateline", "2020-02-10")]
    assert all(docs[f"seeds/{n}"]["date"] is None for n in SEED_NAMES[2:])


def test_docs_flags_disagreeing_sources_and_uses_config_dates(house: Path) -> None:
    (house / "articles" / "wire.txt").write_text("date 2020-02-10\nHeadline\n\nDecember 30, 2019\n\nBody.\n",
                                                 encoding="utf-8")
    r = invoke("docs", "articles", "--format", "json")
    docs = {d["path"]: d for d in json.loads(r.stdout)["documents"]}
    wire = docs["articles/wire.txt"]
    assert (wire["date"], wire["date_source"], wire["date_conflict"]) == ("2020-02-10", "date-line", True)
    assert docs["articles/clean.md"]["date"] is None
    line = next(ln for ln in invoke("docs", "articles").stdout.splitlines() if ln.startswith("articles/wire.txt"))
    assert line.endswith("DATE SOURCES DISAGREE")

    (house / "factcheck.toml").write_text('builtin_rules = false\n[documents]\n"articles/info/*" = 2018-09-27\n',
                                          encoding="utf-8")
    docs = {d["path"]: d for d in json.loads(invoke("docs", "articles", "--format", "json").stdout)["documents"]}
    assert (docs["articles/info/a.txt"]["date"], docs["articles/info/a.txt"]["date_source"]) == \
        ("2018-09-27", "config")
    assert docs["articles/warn/b.txt"]["date"] is None


def test_claims_json_has_the_documented_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.claims.base import KINDS

    monkeypatch.chdir(ROOT)
    r = invoke("claims", "seeds/", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert list(data)[:2] == ["version", "claims"] and data["version"] == 1
    assert isinstance(data["claims"], list)
    for c in data["claims"]:
        assert {"path", "line", "column", "end_line", "end_column", "kind", "text", "value", "unit",
                "qualifier"} <= set(c)
        assert c["kind"] in KINDS
        assert c["path"] in {f"seeds/{n}" for n in SEED_NAMES}
        assert c["line"] >= 1 and c["column"] >= 1


def test_claims_json_gives_each_fact_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures and dates carry ``fact`` (story, resolved subject, measure); names and quotes null."""
    (tmp_path / "a.txt").write_text("Mayor Jane Doe opened the bridge. Jane Doe cut 3 ribbons.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("On Tuesday, Doe cut 4 ribbons.\n", encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('[stories]\n"*.txt" = "bridge"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke("claims", ".", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["version"] == 1
    by_text = {(c["path"], c["text"]): c for c in data["claims"]}
    ribbons = {"story": "bridge", "subject": "person:jane doe", "measure": "ribbon"}
    assert by_text[("a.txt", "3 ribbons")]["fact"] == ribbons
    assert by_text[("b.txt", "4 ribbons")]["fact"] == ribbons  # "Doe" alone: the story's Jane Doe
    assert by_text[("b.txt", "4 ribbons")]["about"]["text"] == "Doe"
    assert by_text[("b.txt", "Tuesday")]["fact"] == {"story": "bridge", "subject": None, "measure": "date"}
    assert all(c["fact"] is None for c in data["claims"] if c["kind"] in ("name", "quote"))
    # --kind filters the listing, not the stories: the surname still resolves by a.txt's name.
    only = json.loads(invoke("claims", ".", "--format", "json", "--kind", "count").stdout)["claims"]
    assert [(c["path"], c["fact"]) for c in only] == [("a.txt", ribbons), ("b.txt", ribbons)]
    # Table and CSV are unchanged: the key is JSON's.
    assert "bridge" not in invoke("claims", ".", "--format", "csv").stdout


def test_claims_rejects_an_unknown_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    r = invoke("claims", "seeds/", "--kind", "weather")
    line = assert_usage_error(r.stderr, r.output, r.exit_code)
    assert line.startswith("factcheck: error: --kind must be one of ") and line.endswith("not 'weather'")


# --------------------------------------------------------------------------- python API


def test_public_api_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = factcheck.scan(["seeds"])
    assert isinstance(report, factcheck.Report)
    assert report.files == 5 and len(report.documents) == 5
    assert report.findings and all(isinstance(f, factcheck.Finding) for f in report.findings)
    anon = [f for f in report.findings if f.rule == "sourcing/anonymous"]
    assert {f.location.path for f in anon} == {"seeds/000_018bb7910cb6849a.txt"}
    src = (ROOT / "seeds" / SEED_NAMES[0]).read_text(encoding="utf-8").splitlines()
    for f in anon:
        loc = f.location
        assert src[loc.line - 1][loc.column - 1:loc.end_column - 1] == loc.excerpt
        assert loc.excerpt.lower() == "on condition of anonymity"


def test_public_api_with_config_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    config = factcheck.Config().merged(select=["spelling"], fail_on="error")
    report = factcheck.scan(["seeds"], config)
    assert all(f.rule.startswith("spelling/") for f in report.findings)
    with pytest.raises(factcheck.FactcheckError, match="no such file or directory"):
        factcheck.scan(["no-such-folder"])


@pytest.mark.parametrize(("args", "expected"), [
    # An option name like no real one: Click adds "(Possible options: ...)" for a near miss ("--bogus" ~ "--jobs").
    (["scan", "--zzz", "x"], "factcheck: error: No such option: --zzz (see 'factcheck scan --help')"),
    (["scan"], "factcheck: error: Missing argument 'PATH'. (see 'factcheck scan --help')"),
])
def test_usage_errors_are_one_line_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    r = real(*args, cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [expected]
    assert "Traceback" not in r.stderr


def test_no_arguments_prints_help(tmp_path: Path) -> None:
    r = real(cwd=tmp_path)
    assert r.returncode == 2  # help, but a run that did nothing must not look clean
    assert "Usage: factcheck" in r.stdout and "scan" in r.stdout


def test_rules_kinds_documents_every_kind() -> None:
    from factcheck.rules.kinds import KINDS

    r = invoke("rules", "--kinds")
    assert r.exit_code == 0
    for name, kind in KINDS.items():
        assert f"type: {name}  ({kind.scope})" in r.stdout
    assert "Example::" in r.stdout and "options:" in r.stdout


def test_docs_shows_each_documents_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.md").write_text("---\ntitle: Grève\nlanguage: fr-FR\ndate: 10 février 2020\n---\nLe texte.\n",
                               encoding="utf-8")
    (arts / "b.html").write_text('<html lang="de"><head><meta name="date" content="26. September 2021">'
                                 "<title>Wahl</title></head><body><p>Text.</p></body></html>", encoding="utf-8")
    (arts / "c.txt").write_text("Headline\n\nThe council met on Monday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke("docs", "arts")
    assert r.exit_code == 0, r.output
    rows = {ln.split("\t")[0]: ln.split("\t")[1:4] for ln in r.stdout.splitlines()}
    assert rows == {"arts/a.md": ["2020-02-10 (front-matter)", "fr (front-matter)", "Grève"],
                    "arts/b.html": ["2021-09-26 (meta)", "de (html)", "Wahl"],
                    "arts/c.txt": ["unknown", "en (detected)", "Headline"]}
    docs = json.loads(invoke("docs", "arts", "--format", "json").stdout)["documents"]
    assert [(d["lang"], d["lang_source"]) for d in docs] == [("fr", "front-matter"), ("de", "html"),
                                                            ("en", "detected")]
