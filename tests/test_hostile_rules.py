"""Rule files from other teams: no traceback, no hang, no read outside the project.

Each case of issue 28 that came from a rule file is here with its one-line
message and exit code, through the real entry point (so a case that reached
the internal-error guard would fail), plus a hypothesis fuzz of the loader
over random YAML values for every key of every rule kind.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_support import run_main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_document
from factcheck.engine import analyse_document, run_corpus_rules
from factcheck.errors import FactcheckError, RuleError
from factcheck.rules.kinds import KINDS
from factcheck.rules.loader import parse_rule
from factcheck.rules.testing import run_rule_tests
from factcheck.rules.yamlsrc import MAX_ALIAS_NODES, MAX_DEPTH, MAX_RULE_FILE_BYTES, load_yaml_text

HEAD = "id: house/x\ntype: pattern\nmessage: m\n"

#: nine levels of nine aliases: 9**9 strings once expanded
BILLION_LAUGHS = "".join(
    ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10)])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git project in tmp_path/proj (the working directory), built-in packs off."""
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    (root / "rules").mkdir()
    (root / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def rules_error(root: Path, text: str, name: str = "rules/r.yaml") -> str:
    (root / name).write_text(text, encoding="utf-8")
    return run_main("rules", "--rules", name).one_line_error()


# --------------------------------------------------------------------------- YAML bombs and depth


@pytest.mark.parametrize("where", ["patterns", "description", "tests", "nosuchkey"])
def test_billion_laughs_in_any_key_is_refused_before_it_expands(project: Path, where: str) -> None:
    text = HEAD.replace("message: m\n", "") + "message: m\n" + BILLION_LAUGHS + f"{where}: *l9\n"
    started = time.monotonic()
    line = rules_error(project, text)
    # the line of a value whose copies went over the limit
    assert line == (f"factcheck: error: rules/r.yaml:4: YAML aliases expand to more than "
                    f"{MAX_ALIAS_NODES} extra values (refused before expanding them: a \"billion laughs\" file)")
    assert time.monotonic() - started < 5


def test_billion_laughs_in_a_canonical_file_is_refused(project: Path) -> None:
    (project / "rules" / "names.yaml").write_text(BILLION_LAUGHS + "names: *l9\n", encoding="utf-8")
    line = rules_error(project, "id: house/n\ntype: name-variants\nmessage: m\ncanonical: names.yaml\n")
    assert line.startswith("factcheck: error: rules/names.yaml:1: YAML aliases expand to more than")


def test_a_few_aliases_are_still_fine(project: Path) -> None:
    text = "words: &w [alpha, beta]\n" + HEAD + "patterns: *w\n"
    assert load_yaml_text(text, "r.yaml")[0]["patterns"] == ["alpha", "beta"]


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "&a {x: *a}\n", "a: &a {b: [1, {c: *a}]}\n"])
def test_recursive_aliases_are_refused(project: Path, text: str) -> None:
    assert rules_error(project, text) == (
        "factcheck: error: rules/r.yaml:1: a YAML alias refers to the list or mapping that contains it")


@pytest.mark.parametrize(("text", "line"), [("[" * 5000 + "]" * 5000, 1),
                                          ("a: " + "{a: " * 3000 + "1" + "}" * 3000, 1),
                                          ("".join(f"{'  ' * i}- \n" for i in range(2000)) + "  " * 2000 + "- x\n",
                                           MAX_DEPTH + 1)])
def test_deep_nesting_is_refused(project: Path, text: str, line: int) -> None:
    assert rules_error(project, text) == (
        f"factcheck: error: rules/r.yaml:{line}: invalid YAML: nested deeper than {MAX_DEPTH} levels")


def test_aliases_cannot_nest_deeper_than_the_limit(project: Path) -> None:
    """Each anchor is shallow; what they expand to is not."""
    text = "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [[[*a{i - 1}]]]\n" for i in range(1, 30))
    line = rules_error(project, text)
    assert line.endswith(f"nested deeper than {MAX_DEPTH} levels (counting what aliases expand to)")


def test_a_huge_rule_file_is_refused_with_the_limit(project: Path) -> None:
    (project / "rules" / "r.yaml").write_bytes(b"# " + b"x" * MAX_RULE_FILE_BYTES + b"\n")
    line = run_main("rules", "--rules", "rules/r.yaml").one_line_error()
    assert line == "factcheck: error: rules/r.yaml: cannot read rule file (file is 4.0 MiB, over the limit of 4.0 MiB)"


# --------------------------------------------------------------------------- tags and scalar values


@pytest.mark.parametrize(("value", "expected"), [
    ("!!int nope", "invalid !!int value 'nope' (not a valid value of its type)"),
    ("!!float nope", "invalid !!float value 'nope' (not a valid value of its type)"),
    ("!!bool nope", "invalid !!bool value 'nope' (not a valid value of its type)"),
    ("2020-13-45", "invalid !!timestamp value '2020-13-45' (not a valid value of its type)"),
    ("9" * 5000, "invalid !!int value '9999999999999999999999999999999999999...' (too many digits)"),
    ("!!timestamp nope", "invalid YAML: the YAML tag '!!timestamp' is not allowed in rule files (only plain "
                         "strings, numbers, booleans, null, lists and mappings)"),
    ("!!binary aGVsbG8=", "invalid YAML: the YAML tag '!!binary' is not allowed in rule files (only plain "
                          "strings, numbers, booleans, null, lists and mappings)"),
    ("!!python/object/apply:os.system [echo hi]", "invalid YAML: the YAML tag '!!python/object/apply:os.system' "
     "is not allowed in rule files (only plain strings, numbers, booleans, null, lists and mappings)"),
    ("!!set {a}", "invalid YAML: the YAML tag '!!set' is not allowed in rule files (only plain strings, numbers, "
                  "booleans, null, lists and mappings)"),
    ("!custom x", "invalid YAML: the YAML tag '!custom' is not allowed in rule files (only plain strings, "
                  "numbers, booleans, null, lists and mappings)"),
])
def test_tags_and_bad_scalars_are_one_line_errors(project: Path, value: str, expected: str) -> None:
    assert rules_error(project, HEAD + f"summary: {value}\n") == f"factcheck: error: rules/r.yaml:4: {expected}"


def test_plain_scalar_tags_still_work() -> None:
    doc = load_yaml_text(HEAD + "summary: !!str 123\npatterns: [!!str x]\ncase_sensitive: !!bool true\n", "r")[0]
    assert (doc["summary"], doc["patterns"], doc["case_sensitive"]) == ("123", ["x"], True)


@pytest.mark.parametrize(("key", "shown"), [("[a, b]", "a list"), ("{a: b}", "a mapping"), ("1", "1")])
def test_non_string_keys(project: Path, key: str, shown: str) -> None:
    assert rules_error(project, f"? {key}\n: x\n") == (
        f"factcheck: error: rules/r.yaml:1: mapping keys must be strings, not {shown}")


# --------------------------------------------------------------------------- message placeholders


@pytest.mark.parametrize(("placeholder", "bare"), [
    ("{match:d}", "match"), ("{rule:{rule}}", "rule"), ("{match:>999999999}", "match"), ("{match!r}", "match"),
    ("{match!s:>9}", "match"),
])
def test_format_specs_and_conversions_are_refused(project: Path, placeholder: str, bare: str) -> None:
    text = f"id: house/x\ntype: pattern\nmessage: '{placeholder}'\npatterns: [a]\n"
    assert rules_error(project, text) == (
        f"factcheck: error: rules/r.yaml:3: key 'message': placeholders are bare names like {{{bare}}}, "
        f"not {placeholder} (no format spec or conversion)")


# --------------------------------------------------------------------------- canonical: stays inside


CANON = "id: house/n\ntype: name-variants\nmessage: m\ncanonical: {}\n"


@pytest.mark.parametrize("target", ["/etc/passwd", "../../outside.yaml", "../../../../../../etc/hostname"])
def test_canonical_cannot_leave_the_project(project: Path, target: str) -> None:
    (project.parent / "outside.yaml").write_text("[Secret Name]\n", encoding="utf-8")
    assert rules_error(project, CANON.format(target)) == (
        f"factcheck: error: rules/r.yaml:4: key 'canonical': must name a file inside rules or the project root "
        f"(.), not {target!r}")


def test_canonical_through_a_symlink_out_of_the_project_is_refused(project: Path) -> None:
    (project.parent / "outside.yaml").write_text("[Secret Name]\n", encoding="utf-8")
    (project / "rules" / "link.yaml").symlink_to(project.parent / "outside.yaml")
    assert rules_error(project, CANON.format("link.yaml")).endswith("not 'link.yaml'")


def test_canonical_elsewhere_in_the_project_is_fine(project: Path) -> None:
    (project / "data").mkdir()
    (project / "data" / "names.yaml").write_text("[Ban Ki-moon]\n", encoding="utf-8")
    (project / "rules" / "r.yaml").write_text(CANON.format("../data/names.yaml"), encoding="utf-8")
    run = run_main("rules", "--rules", "rules/r.yaml")
    assert run.code == 0 and "house/n" in run.stdout, run.stderr


def test_canonical_in_a_config_override_cannot_leave_the_project(project: Path) -> None:
    (project / "factcheck.toml").write_text('[rules."names/variant"]\ncanonical = "/etc/passwd"\n', encoding="utf-8")
    line = run_main("rules").one_line_error()
    assert line == ("factcheck: error: factcheck.toml: key 'rules.\"names/variant\".canonical': must name a file "
                    "inside . or the project root (.), not '/etc/passwd'")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_canonical_naming_a_fifo_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "rules" / "names.yaml")
    started = time.monotonic()
    line = rules_error(project, CANON.format("names.yaml"))
    assert line == ("factcheck: error: rules/names.yaml: cannot read rule file "
                    "(a named pipe, not a regular file)")
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_given_as_a_rule_file_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "rules" / "r.yaml")
    assert run_main("rules", "--rules", "rules/r.yaml").one_line_error() == (
        "factcheck: error: rules/r.yaml: not a rule file or directory (not a regular file)")


def test_nul_in_canonical(project: Path) -> None:
    assert rules_error(project, CANON.format('"a\\0b"')) == (
        "factcheck: error: rules/r.yaml:4: key 'canonical': must be a file name, not 'a\\x00b' (a NUL character)")


# --------------------------------------------------------------------------- fuzz: any YAML value for any key

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True), st.text(max_size=10),
    st.sampled_from(["match", "person", "quantity", "count", "date", "{match}", "{x:d}", "a+", "(", "typo", "style",
                     "../x", "/etc/passwd", "names.yaml", "error", "ignore"]))
_KEYS = st.one_of(st.text(max_size=6), st.sampled_from(["kind", "unit", "near", "where", "attribute", "value",
                                                        "fail", "pass", "text", "files", "expect", "match"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=10)
_DOCS = [parse_document("a.txt", 'Kim Jong Un said 5 people died on Monday, March 3, 2020. "We are here," he said.'),
         parse_document("b.txt", 'Kim Long Un said 7 people died on March 4, 2020. "We are there," he said.')]


@st.composite
def _rule_mappings(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    raw: dict[str, Any] = {"id": "house/x", "type": kind, "message": "m {match}"}
    keys = [*KINDS[kind].OPTIONS, "severity", "summary", "description", "link", "tests", "message", "id", "type"]
    for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
        raw[key] = draw(_VALUES)
    return raw


@settings(deadline=None, suppress_health_check=list(HealthCheck))  # examples: the profile's (conftest)
@given(_rule_mappings())
def test_fuzz_any_value_for_any_key_is_a_rule_error_or_a_working_rule(raw: dict[str, Any]) -> None:
    """Only FactcheckError may escape loading; a rule that loads runs on documents and its own tests."""
    text = yaml.safe_dump(raw)
    try:
        rule = parse_rule(load_yaml_text(text, "r.yaml")[0], "r.yaml", 1)
    except FactcheckError:
        return
    claims = {}
    for doc in _DOCS:
        claims[doc.path], _findings = analyse_document(doc, [rule])
    run_corpus_rules([rule], _DOCS, claims)
    run_rule_tests([rule])


@settings(deadline=None, suppress_health_check=list(HealthCheck))  # examples: the profile's (conftest)
@given(st.text(alphabet="[]{}&*!:-,? \n\"'ab019.|>#%<@`~\\", max_size=60))
def test_fuzz_any_text_is_a_rule_error_or_yaml(text: str) -> None:
    try:
        load_yaml_text(text, "r.yaml")
    except RuleError:
        pass



def test_a_rule_file_symlinked_out_of_a_rule_folder_is_refused(project: Path) -> None:
    (project.parent / "secret.yaml").write_text("id: house/secret\ntype: the-secret-text\n", encoding="utf-8")
    (project / "rules" / "team").mkdir()
    (project / "rules" / "team" / "r.yaml").symlink_to(project.parent / "secret.yaml")
    assert run_main("rules", "--rules", "rules").one_line_error() == (
        "factcheck: error: rules/team/r.yaml: a symlink leading outside rules and the project root; name its "
        "target with --rules to load it")
    named = run_main("rules", "--rules", str(project.parent / "secret.yaml")).one_line_error()
    assert "the-secret-text" in named  # named explicitly: the user asked for it


def test_a_rule_file_symlinked_within_the_project_loads(project: Path) -> None:
    (project / "shared").mkdir()
    (project / "shared" / "r.yaml").write_text(HEAD + "words: [x]\n", encoding="utf-8")
    (project / "rules" / "r.yaml").symlink_to(project / "shared" / "r.yaml")
    run = run_main("rules", "--rules", "rules")
    assert run.code == 0 and "house/x" in run.stdout, run.stderr
