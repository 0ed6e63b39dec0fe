"""Rule ids are checked, and rule files that define nothing are errors.

A selection that matches nothing looks exactly like a clean run, so every
``--select``/``--ignore``/config entry and every inline suppression must name
a rule that exists; a rule file or folder that defines no rule is a mistake,
not an empty success.  Each error is pinned with its exact one-line message
and exit code 2.  Projects here use their own rules with the built-in packs
off, so the known ids are exactly ``house/spelling``, ``house/anonymous`` and
the engine's ``factcheck/...`` rules; tests that need the shipped ids say so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import one_error_line
from typer.testing import CliRunner, Result

import factcheck
from factcheck.cli import app
from factcheck.config import Config, load_config
from factcheck.errors import ConfigError, RuleError
from factcheck.rules.ids import check_selectors, id_prefixes
from factcheck.rules.loader import builtin_rules_dir, load_rule_file, load_rules
from factcheck.suggest import close_match
from factcheck.suppressions import INVALID_RULE, UNUSED_RULE

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = Path(sys.executable).parent / "factcheck"

RULES = """\
rules:
  - id: house/spelling
    type: substitution
    severity: warning
    message: "'{match}' should be '{suggestion}'."
    swap: {goverment: government}
  - id: house/anonymous
    type: pattern
    severity: info
    message: "Unnamed source ('{match}')."
    words: ["sources said"]
"""


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project in tmp_path (the working directory): house rules only, one article with two findings."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('builtin_rules = false\nrules = ["house.yaml"]\n', encoding="utf-8")
    (tmp_path / "house.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nThe goverment met; sources said so.\n", encoding="utf-8")
    return tmp_path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def error_line(result: Result) -> str:
    return one_error_line(result)


def findings_of(result: Result) -> list[str]:
    """``[rule]`` of each line of ``--format concise`` output, sorted."""
    assert result.exit_code in (0, 1), result.output
    return sorted(re.findall(r"\[([^\]]+)\]", result.stdout))


# --------------------------------------------------------------------------- --select / --ignore


@pytest.mark.parametrize("args, message", [
    (["--select", "nosuchrule"], "--select: unknown rule id or prefix 'nosuchrule'"),
    (["--select", "house/spellng"], "--select: unknown rule id or prefix 'house/spellng' "
                                    "(did you mean 'house/spelling'?)"),
    (["--ignore", "house/anonymus"], "--ignore: unknown rule id or prefix 'house/anonymus' "
                                     "(did you mean 'house/anonymous'?)"),
    # a prefix only counts at a '/' boundary
    (["--select", "hous"], "--select: unknown rule id or prefix 'hous' (did you mean 'house'?)"),
    (["--select", "house/spell"], "--select: unknown rule id or prefix 'house/spell' "
                                  "(did you mean 'house/spelling'?)"),
    # ids are lower case; the suggestion says so
    (["--select", "House"], "--select: unknown rule id or prefix 'House' (did you mean 'house'?)"),
    (["--ignore", "unused-suppression"], "--ignore: unknown rule id or prefix 'unused-suppression' "
                                         "(did you mean 'factcheck/unused-suppression'?)"),
    (["--select", ""], "--select: unknown rule id or prefix ''"),
    # the first unknown entry is reported, select before ignore
    (["--select", "house", "--select", "zzz", "--ignore", "yyy"], "--select: unknown rule id or prefix 'zzz'"),
])
def test_unknown_cli_selector_is_an_error(house: Path, args: list[str], message: str) -> None:
    assert error_line(invoke("scan", "a.txt", *args)) == f"factcheck: error: {message}"


@pytest.mark.parametrize("args, expected", [
    ([], ["house/anonymous", "house/spelling"]),
    (["--select", "house"], ["house/anonymous", "house/spelling"]),
    (["--select", "house/"], ["house/anonymous", "house/spelling"]),
    (["--select", "house/spelling"], ["house/spelling"]),
    (["--select", "house/spelling/"], ["house/spelling"]),  # a trailing '/' is ignored, never "select nothing"
    (["--ignore", "house/spelling"], ["house/anonymous"]),
    (["--select", "house", "--ignore", "house/anonymous/"], ["house/spelling"]),
    # the engine's own rules and the `factcheck` prefix are known ids
    (["--select", "factcheck"], []),
    (["--select", "factcheck/"], []),
    (["--select", UNUSED_RULE, "--select", INVALID_RULE], []),
    (["--ignore", "factcheck/invalid-suppression"], ["house/anonymous", "house/spelling"]),
])
def test_known_ids_and_prefixes_are_accepted(house: Path, args: list[str], expected: list[str]) -> None:
    assert findings_of(invoke("scan", "a.txt", "--format", "concise", *args)) == expected


def test_a_deselected_rule_is_still_known(house: Path) -> None:
    """Known means loaded, not selected: ignoring a rule that --select already left out is fine."""
    r = invoke("scan", "a.txt", "--format", "concise", "--select", "house/spelling", "--ignore", "house/anonymous")
    assert findings_of(r) == ["house/spelling"]


def test_user_rule_files_add_known_ids(house: Path) -> None:
    (house / "extra.yaml").write_text("id: desk/hedge\ntype: pattern\nmessage: m\nwords: [reportedly]\n",
                                      encoding="utf-8")
    assert error_line(invoke("scan", "a.txt", "--select", "desk")) == \
        "factcheck: error: --select: unknown rule id or prefix 'desk'"
    assert findings_of(invoke("scan", "a.txt", "--format", "concise", "--rules", "extra.yaml",
                              "--select", "desk")) == []


def test_unknown_id_fails_before_any_document_is_read(house: Path) -> None:
    """The selector error wins over a missing path: nothing was discovered or read yet."""
    assert error_line(invoke("scan", "missing/", "--select", "nosuchrule")) == \
        "factcheck: error: --select: unknown rule id or prefix 'nosuchrule'"


def test_shipped_ids_get_suggestions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the built-in packs (no config file): the README's own typo example."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert error_line(invoke("scan", "a.txt", "--ignore", "sourcing/anonymus")) == \
        "factcheck: error: --ignore: unknown rule id or prefix 'sourcing/anonymus' " \
        "(did you mean 'sourcing/anonymous'?)"
    assert error_line(invoke("scan", "a.txt", "--select", "numbers/conflict")) == \
        "factcheck: error: --select: unknown rule id or prefix 'numbers/conflict' " \
        "(did you mean 'figures/conflict'?)"
    # an entry with a '/' is most likely an id: a close id of the same depth beats the bare prefix
    assert error_line(invoke("scan", "a.txt", "--select", "spelling/places")) == \
        "factcheck: error: --select: unknown rule id or prefix 'spelling/places' " \
        "(did you mean 'spelling/variants'?)"


def test_unknown_id_real_process(house: Path) -> None:
    """Through the console script: one line on stderr, exit 2, where a typo used to exit 0."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run([str(FACTCHECK), "scan", "a.txt", "--select", "nosuchrule"], cwd=house,
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == \
        (2, "", "factcheck: error: --select: unknown rule id or prefix 'nosuchrule'\n")


# --------------------------------------------------------------------------- the config file


@pytest.mark.parametrize("name, table, message", [
    ("factcheck.toml", 'select = ["house/spellng"]',
     "factcheck.toml: key 'select': unknown rule id or prefix 'house/spellng' (did you mean 'house/spelling'?)"),
    ("factcheck.toml", 'ignore = "nosuchrule"', "factcheck.toml: key 'ignore': unknown rule id or prefix 'nosuchrule'"),
    ("pyproject.toml", '[tool.factcheck]\nignore = ["house/anonymus"]',
     "pyproject.toml: key 'ignore': unknown rule id or prefix 'house/anonymus' (did you mean 'house/anonymous'?)"),
])
def test_unknown_config_selector_names_file_and_key(house: Path, name: str, table: str, message: str) -> None:
    (house / "factcheck.toml").unlink()
    head = "[tool.factcheck]\n" if name == "pyproject.toml" else ""
    body = table.removeprefix("[tool.factcheck]\n")
    (house / name).write_text(f'{head}builtin_rules = false\nrules = ["house.yaml"]\n{body}\n', encoding="utf-8")
    assert error_line(invoke("scan", "a.txt")) == f"factcheck: error: {message}"


def test_config_and_cli_entries_are_told_apart(house: Path) -> None:
    (house / "factcheck.toml").write_text('builtin_rules = false\nrules = ["house.yaml"]\nselect = ["house"]\n',
                                          encoding="utf-8")
    assert error_line(invoke("scan", "a.txt", "--select", "house/x")) == \
        "factcheck: error: --select: unknown rule id or prefix 'house/x' (did you mean 'house'?)"
    (house / "factcheck.toml").write_text('builtin_rules = false\nrules = ["house.yaml"]\nselect = ["house/x"]\n',
                                          encoding="utf-8")
    assert error_line(invoke("scan", "a.txt", "--select", "house")) == \
        "factcheck: error: factcheck.toml: key 'select': unknown rule id or prefix 'house/x' (did you mean 'house'?)"


@pytest.mark.parametrize("command", [
    ["scan", "a.txt"],
    ["baseline", "create", "a.txt", "-o", "b.json"],
    ["baseline", "update", "a.txt", "-b", "b.json"],
    ["rules"],
    ["test-rules"],
])
def test_every_command_checks_config_ids(house: Path, command: list[str]) -> None:
    (house / "factcheck.toml").write_text('builtin_rules = false\nrules = ["house.yaml"]\nignore = ["houes"]\n',
                                          encoding="utf-8")
    (house / "b.json").write_text('{"findings": [], "paths": ["a.txt"], "version": 1}\n', encoding="utf-8")
    before = (house / "b.json").read_bytes()
    assert error_line(invoke(*command)) == \
        "factcheck: error: factcheck.toml: key 'ignore': unknown rule id or prefix 'houes' (did you mean 'house'?)"
    assert (house / "b.json").read_bytes() == before


@pytest.mark.parametrize("command", [
    ["scan", "a.txt"],
    ["baseline", "create", "a.txt", "-o", "new.json"],
    ["baseline", "update", "a.txt", "-b", "b.json"],
])
def test_every_command_with_select_checks_it(house: Path, command: list[str]) -> None:
    (house / "b.json").write_text('{"findings": [], "paths": ["a.txt"], "version": 1}\n', encoding="utf-8")
    assert error_line(invoke(*command, "--select", "house/spellng")) == \
        "factcheck: error: --select: unknown rule id or prefix 'house/spellng' (did you mean 'house/spelling'?)"
    assert error_line(invoke(*command, "--ignore", "nosuchrule")) == \
        "factcheck: error: --ignore: unknown rule id or prefix 'nosuchrule'"
    assert not (house / "new.json").exists()


# --------------------------------------------------------------------------- the Python API


def test_api_scan_raises_config_error(house: Path) -> None:
    config = load_config().merged(select=["house/spellng"])
    with pytest.raises(ConfigError) as info:
        factcheck.scan(["a.txt"], config)
    assert str(info.value) == "--select: unknown rule id or prefix 'house/spellng' (did you mean 'house/spelling'?)"
    assert info.value.exit_code == 2


def test_api_config_built_by_hand_names_the_field(house: Path) -> None:
    config = Config(rules=(Path("house.yaml"),), builtin_rules=False, ignore=("house/anonymus",))
    with pytest.raises(factcheck.FactcheckError) as info:
        factcheck.scan(["a.txt"], config)
    assert str(info.value) == "ignore: unknown rule id or prefix 'house/anonymus' (did you mean 'house/anonymous'?)"


def test_api_scan_with_explicit_rules_checks_against_them(house: Path) -> None:
    rules = load_rules([Path("house.yaml")], include_builtin=False)
    report = factcheck.scan(["a.txt"], Config(ignore=("factcheck",)), rules=rules)
    assert sorted(f.rule for f in report.findings) == ["house/anonymous", "house/spelling"]
    with pytest.raises(ConfigError, match=r"^ignore: unknown rule id or prefix 'names'$"):
        factcheck.scan(["a.txt"], Config(ignore=("names",)), rules=rules)
    # known_rule_ids widens what may be named
    factcheck.scan(["a.txt"], Config(ignore=("names",)), rules=rules, known_rule_ids=["names/variant"])


def test_prefixes_and_suggestions() -> None:
    assert id_prefixes(["a/b/c", "a/d"]) == {"a", "a/b", "a/b/c", "a/d"}
    assert close_match("Names", ["names", "dates"]) == "names"
    assert close_match("zzz", ["names", "dates"]) is None
    check_selectors(Config(select=("a/b/",), ignore=("factcheck/unused-suppression",)), ["a/b/c"])
    with pytest.raises(ConfigError, match=r"^select: unknown rule id or prefix 'a/c'"):
        check_selectors(Config(select=("a/c",)), ["a/b/c"])


# --------------------------------------------------------------------------- inline suppressions


def test_suppression_of_unknown_id_is_invalid_with_a_suggestion(house: Path) -> None:
    Path("a.md").write_text("The goverment met. <!-- factcheck-ignore: house/speling -- quoted -->\n",
                            encoding="utf-8")
    r = invoke("scan", "a.md", "--format", "concise")
    assert r.exit_code == 1
    assert r.stdout == (
        "a.md:1:5: warning [house/spelling] 'goverment' should be 'government'.\n"
        f"a.md:1:43: warning [{INVALID_RULE}] Suppression names unknown rule id 'house/speling' "
        "(did you mean 'house/spelling'?).\n")
    # a meta rule: --ignore turns it off like any other
    assert findings_of(invoke("scan", "a.md", "--format", "concise", "--ignore", INVALID_RULE)) == \
        ["house/spelling"]


def test_suppression_of_unknown_id_without_a_close_match(house: Path) -> None:
    Path("a.md").write_text("Clean. <!-- factcheck-ignore: zzz/qqq -->\n", encoding="utf-8")
    r = invoke("scan", "a.md", "--format", "concise")
    assert r.stdout == f"a.md:1:31: warning [{INVALID_RULE}] Suppression names unknown rule id 'zzz/qqq'.\n"


def test_suppression_of_a_deselected_rule_is_not_invalid(house: Path) -> None:
    Path("a.md").write_text("The goverment met. <!-- factcheck-ignore: house/spelling -->\n", encoding="utf-8")
    assert findings_of(invoke("scan", "a.md", "--format", "concise", "--select", "house/anonymous")) == []


# --------------------------------------------------------------------------- the README uses real ids


def _readme_ids() -> list[str]:
    """Rule ids in the README's suppression directives and in its --select/--ignore examples."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    ids: list[str] = []
    for m in re.finditer(r"factcheck-(?:ignore-next-line|ignore|disable|enable):([^>]*?)(?:--\s|-->)", text):
        ids += re.findall(r"[^\s,]+", m.group(1))
    ids += re.findall(r"--(?:select|ignore)[ =]([a-z][\w./-]*)", text)
    return ids


def test_readme_examples_name_rule_ids_that_exist() -> None:
    known = {r.id for r in load_rules([])} | {UNUSED_RULE, INVALID_RULE}
    named = _readme_ids()
    assert "spelling/common" in named and "figures/conflict" in named  # the extraction found the examples
    assert [i for i in named if i.rstrip("/") not in id_prefixes(known)] == []


def test_readme_suppression_example_runs_clean_of_invalid_directives(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown example under "## Suppressions", scanned with the shipped rules, as a reader would."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Suppressions"):]
    start = section.index("```markdown\n") + len("```markdown\n")
    example = section[start:section.index("\n```", start)]
    assert "factcheck-ignore:" in example
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(example + "\n", encoding="utf-8")
    report = factcheck.scan(["a.md"], Config())
    assert [f for f in report.findings if f.rule == INVALID_RULE] == []
    assert [(f.rule, f.suppressed) for f in report.findings if f.suppressed is not None] == \
        [("spelling/common", "quoted verbatim")]


# --------------------------------------------------------------------------- rule files that define nothing


@pytest.mark.parametrize("content, message", [
    ("", "r.yaml: empty rule file: no rules defined"),
    ("# house rules, to do\n\n# more to come\n", "r.yaml: empty rule file: no rules defined"),
    ("---\n# nothing yet\n---\n", "r.yaml: empty rule file: no rules defined"),
    ("[]\n", "r.yaml: empty rule file: no rules defined"),
    ("rules: []\n", "r.yaml: empty rule file: no rules defined"),
    ("# header\nrules:\n  id: house/x\n  type: pattern\n",
     "r.yaml:2: key 'rules': must be a list of rules, not mapping"),
    ("rules:\n", "r.yaml:1: key 'rules': must be a list of rules, not null"),
    ("rules: house/x\n", "r.yaml:1: key 'rules': must be a list of rules, not str"),
    ("just a string\n", "r.yaml:1: a rule must be a mapping with id, type, severity and message"),
    ("42\n", "r.yaml:1: a rule must be a mapping with id, type, severity and message"),
])
def test_rule_files_that_define_nothing_are_errors(house: Path, content: str, message: str) -> None:
    (house / "r.yaml").write_text(content, encoding="utf-8")
    assert error_line(invoke("test-rules", "r.yaml")) == f"factcheck: error: {message}"
    assert error_line(invoke("scan", "a.txt", "--rules", "r.yaml")) == f"factcheck: error: {message}"
    with pytest.raises(RuleError) as info:
        load_rule_file(house / "r.yaml")
    assert f"factcheck: error: {info.value}" == f"factcheck: error: {message}"


def test_an_empty_file_in_a_rules_folder_is_an_error(house: Path) -> None:
    (house / "pack").mkdir()
    (house / "pack" / "a.yaml").write_text(RULES.replace("house/", "pack/"), encoding="utf-8")
    (house / "pack" / "b.yml").write_text("# TODO\n", encoding="utf-8")
    assert error_line(invoke("test-rules", "pack")) == "factcheck: error: pack/b.yml: empty rule file: no rules defined"


def test_empty_documents_beside_rules_are_fine(house: Path) -> None:
    (house / "r.yaml").write_text("---\nid: house/x\ntype: pattern\nmessage: m\nwords: [w]\n---\n",
                                  encoding="utf-8")
    assert [r.id for r in load_rule_file(house / "r.yaml")] == ["house/x"]


@pytest.mark.parametrize("setup", ["empty", "txt-only", "nested-empty"])
def test_test_rules_on_a_folder_without_rule_files(house: Path, setup: str) -> None:
    folder = house / "my-rules"
    folder.mkdir()
    if setup == "txt-only":
        (folder / "notes.txt").write_text("id: house/x\n", encoding="utf-8")
        (folder / "rules.yaml.bak").write_text(RULES, encoding="utf-8")
    elif setup == "nested-empty":
        (folder / "sub").mkdir()
    assert error_line(invoke("test-rules", "my-rules")) == \
        "factcheck: error: no rule files found in my-rules (looked for .yaml, .yml)"
    # one good path does not excuse an empty one
    assert error_line(invoke("test-rules", "house.yaml", "my-rules")) == \
        "factcheck: error: no rule files found in my-rules (looked for .yaml, .yml)"


def test_test_rules_on_rule_files_still_runs(house: Path) -> None:
    r = invoke("test-rules", "house.yaml", "--allow-untested")  # these house rules carry no tests
    assert (r.exit_code, r.stdout) == (
        0, "NO TESTS house/spelling\nNO TESTS house/anonymous\n0 passed, 0 failed, 2 untested\n")


def test_shipped_packs_have_no_empty_files() -> None:
    for f in sorted(builtin_rules_dir().rglob("*.yaml")):
        assert load_rule_file(f, builtin=True), f


def test_extend_selectors_and_per_file_ignores_are_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    from factcheck.config import load_config
    from factcheck.engine import active_rules
    from factcheck.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    Path("factcheck.toml").write_text('extend_ignore = ["sourcing/anonymus"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck.toml: key 'extend_ignore': unknown rule id or prefix "
                                          r"'sourcing/anonymus' \(did you mean 'sourcing/anonymous'\?\)"):
        active_rules(load_config())
    Path("factcheck.toml").write_text('[per_file_ignores]\n"wire/*" = ["names/varaint"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck.toml: key 'per_file_ignores.\"wire/\*\"': unknown rule id "
                                          r"or prefix 'names/varaint' \(did you mean 'names/variant'\?\)"):
        active_rules(load_config())
    Path("factcheck.toml").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^--extend-select: unknown rule id or prefix 'nosuch'"):
        active_rules(load_config().merged(extend_select=["nosuch"]))
