"""Config and baseline files of the wrong shape, depth, size or kind: one line, exit 2, no hang.

And their paths stay inside the project: a config or baseline from a pull
request cannot point factcheck at files outside the repository.  Ends with a
hypothesis fuzz of the config parser over random TOML structures.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hostile_support import run_main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.baseline import MAX_BASELINE_BYTES
from factcheck.config import ALIASES, KEYS, MAX_CONFIG_BYTES, parse_config_table
from factcheck.engine import active_rules
from factcheck.errors import FactcheckError

ARTICLE = "Kim Long Un met envoys. Kim Jong Un said so. Kim Jong Un left.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git project in tmp_path/proj (the working directory) with one article."""
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    (root / "arts").mkdir()
    (root / "arts" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def config_error(root: Path, text: str, name: str = "pyproject.toml", *args: str) -> str:
    (root / name).write_text(text, encoding="utf-8")
    return run_main("scan", "arts", *args).one_line_error()


# --------------------------------------------------------------------------- config shape, depth, kind


@pytest.mark.parametrize(("text", "expected"), [
    ("[tool]\nfactcheck = 1\n", "pyproject.toml: [tool.factcheck] must be a table, not int 1"),
    ("[tool]\nfactcheck = [1, 2]\n", "pyproject.toml: [tool.factcheck] must be a table, not list [1, 2]"),
    ('[tool]\nfactcheck = "x"\n', "pyproject.toml: [tool.factcheck] must be a table, not str 'x'"),
])
def test_a_factcheck_entry_that_is_not_a_table(project: Path, text: str, expected: str) -> None:
    assert config_error(project, text, "pyproject.toml", "--config", "pyproject.toml") == \
        f"factcheck: error: {expected}"


@pytest.mark.parametrize("text", ["tool = 1\n", 'tool = "factcheck"\n', "tool = [1]\n"])
def test_a_tool_entry_that_is_not_a_table_is_no_factcheck_config(project: Path, text: str) -> None:
    """Discovered: not our file (as any pyproject.toml without [tool.factcheck]); named: no settings."""
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    for args in ((), ("--config", "pyproject.toml")):
        run = run_main("scan", "arts", *args)
        assert run.code == 1 and "internal error" not in run.stderr, run.stderr


def test_a_factcheck_toml_that_is_not_a_table_of_keys(project: Path) -> None:
    assert config_error(project, "tool = 1\n", "factcheck.toml") == \
        "factcheck: error: factcheck.toml: key 'tool': unknown key; valid: " + ", ".join(sorted(KEYS))


@pytest.mark.parametrize("text", ["x = " + "[" * 5000 + "]" * 5000 + "\n",
                                  "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"])
def test_deeply_nested_toml(project: Path, text: str) -> None:
    assert config_error(project, text, "factcheck.toml") == \
        "factcheck: error: factcheck.toml: invalid TOML: arrays or inline tables nested too deeply"


def test_a_huge_config_is_refused(project: Path) -> None:
    (project / "factcheck.toml").write_bytes(b"#" * (MAX_CONFIG_BYTES + 1))
    assert run_main("scan", "arts", "--config", "factcheck.toml").one_line_error() == (
        "factcheck: error: factcheck.toml: cannot read config file (file is 1.0 MiB, over the limit of 1.0 MiB)")


@needs_fifo
def test_a_fifo_as_the_config_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "cfg.toml")
    started = time.monotonic()
    assert run_main("scan", "arts", "--config", "cfg.toml").one_line_error() == (
        "factcheck: error: cfg.toml: cannot read config file (a named pipe, not a regular file)")
    assert time.monotonic() - started < 5


@needs_fifo
def test_a_fifo_named_like_a_config_is_not_discovered(project: Path) -> None:
    os.mkfifo(project / "factcheck.toml")
    run = run_main("scan", "arts")
    assert run.code == 1 and "names/variant" in run.stdout, run.stderr


def test_a_directory_as_the_config(project: Path) -> None:
    assert run_main("scan", "arts", "--config", "arts").one_line_error() == (
        "factcheck: error: arts: cannot read config file (a directory, not a regular file)")


# --------------------------------------------------------------------------- config paths stay inside


@pytest.mark.parametrize(("text", "key", "value"), [
    ('rules = ["/etc"]\n', "rules", "/etc"),
    ('rules = ["../.."]\n', "rules", "../.."),
    ('[rules]\npaths = ["../outside"]\n', "rules.paths", "../outside"),
    ('corpus = ["/home"]\n', "corpus", "/home"),
    ('corpus = ["arts/../../x"]\n', "corpus", "arts/../../x"),
    ('baseline = "/tmp/accepted.json"\n', "baseline", "/tmp/accepted.json"),
])
def test_config_paths_cannot_leave_the_project(project: Path, text: str, key: str, value: str) -> None:
    assert config_error(project, text, "factcheck.toml") == (
        f"factcheck: error: factcheck.toml: key '{key}': must be a path inside the project (. or its git work "
        f"tree), not {value!r}")


def test_config_paths_through_a_symlink_out_of_the_project(project: Path) -> None:
    (project.parent / "elsewhere").mkdir()
    (project / "more").symlink_to(project.parent / "elsewhere")
    assert config_error(project, 'corpus = ["more"]\n', "factcheck.toml").endswith("not 'more'")


def test_a_sub_project_config_may_name_the_repository_s_rules(project: Path) -> None:
    (project / "shared").mkdir()
    (project / "shared" / "r.yaml").write_text("id: house/x\ntype: pattern\nmessage: m\nwords: [envoys]\n",
                                               encoding="utf-8")
    sub = project / "desk"
    sub.mkdir()
    (sub / "factcheck.toml").write_text('builtin_rules = false\nrules = ["../shared/r.yaml"]\n', encoding="utf-8")
    run = run_main("scan", "arts", "--config", "desk/factcheck.toml")
    assert run.code == 1 and "house/x" in run.stdout, run.stderr


def test_nul_in_a_config_path(project: Path) -> None:
    assert config_error(project, 'corpus = ["a\\u0000b"]\n', "factcheck.toml") == (
        "factcheck: error: factcheck.toml: key 'corpus': must be a path, not 'a\\x00b' (a NUL character)")


# --------------------------------------------------------------------------- baselines


def baseline_error(root: Path, text: str) -> str:
    (root / "b.json").write_text(text, encoding="utf-8")
    return run_main("scan", "arts", "--baseline", "b.json").one_line_error()


@pytest.mark.parametrize(("text", "expected"), [
    ("[" * 100_000 + "]" * 100_000, "arrays or objects nested too deeply"),
    ('{"version": 2, "findings": [], "paths": ' + "[" * 50_000 + "]" * 50_000 + "}",
     "arrays or objects nested too deeply"),
    ('{"version": ' + "9" * 5000 + ', "findings": []}',
     "a value JSON cannot hold here (Exceeds the limit (4300 digits) for integer string conversion: value has "
     "5000 digits; use sys.set_int_max_str_digits() to increase the limit)"),
    ('{"version": 2, "findings": [{"rule": "r", "path": "a", "excerpt": "x", "count": ' + "9" * 5000 + "}]}",
     "a value JSON cannot hold here (Exceeds the limit (4300 digits) for integer string conversion: value has "
     "5000 digits; use sys.set_int_max_str_digits() to increase the limit)"),
    ('{"version": 2, "findings": [], "paths": ["a\\u0000b"]}', "paths[0] must be a path, not 'a\\x00b' "
                                                               "(a NUL character)"),
    ('{"version": 2, "findings": [{"rule": "r", "path": "a\\u0000", "excerpt": "x"}]}',
     "findings[0].path must be a path, not 'a\\x00' (a NUL character)"),
])
def test_malformed_baselines(project: Path, text: str, expected: str) -> None:
    assert baseline_error(project, text) == f"factcheck: error: b.json: not a valid factcheck baseline: {expected}"


@needs_fifo
def test_a_fifo_as_the_baseline_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "b.json")
    started = time.monotonic()
    for args in (("scan", "arts", "--baseline", "b.json"), ("baseline", "update", "-b", "b.json")):
        assert run_main(*args).one_line_error() == (
            "factcheck: error: b.json: cannot read baseline file (a named pipe, not a regular file)")
    assert time.monotonic() - started < 10


def test_a_baseline_over_the_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.baseline.MAX_BASELINE_BYTES", 1000)
    assert MAX_BASELINE_BYTES > 1000
    text = json.dumps({"version": 2, "findings": [], "paths": ["x" * 2000]})
    assert baseline_error(project, text) == (f"factcheck: error: b.json: cannot read baseline file (file is "
                                             f"{len(text)} bytes, over the limit of 1000 bytes)")


def test_baseline_paths_outside_the_root_are_not_rescanned(project: Path) -> None:
    """`baseline update` rescans the baseline's stored paths: never outside the repository."""
    outside = project.parent / "secret"
    outside.mkdir()
    (outside / "s.txt").write_text(ARTICLE, encoding="utf-8")
    (project / ".factcheck-baseline.json").write_text(json.dumps(
        {"version": 2, "paths": ["../secret", str(outside), "arts"], "findings": []}), encoding="utf-8")
    run = run_main("baseline", "update", "--accept-new")
    assert run.code == 0, run.stderr
    assert run.stderr == (f"factcheck: warning: .factcheck-baseline.json: ignored 'paths' outside the project root "
                          f".: '../secret', {str(outside)!r}\n")
    data = json.loads((project / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"arts/a.txt"}


def test_baseline_entries_outside_the_root_count_as_missing(project: Path) -> None:
    (project.parent / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    entries = [{"rule": "names/variant", "path": p, "excerpt": "Kim Long Un"}
               for p in ("../secret.txt", str(project.parent / "secret.txt"))]
    (project / ".factcheck-baseline.json").write_text(json.dumps({"version": 2, "paths": ["arts"],
                                                                  "findings": entries}), encoding="utf-8")
    run = run_main("baseline", "update")
    assert run.code == 0, run.stderr
    assert "2 dropped, 0 added, 0 accepted" in run.stdout


def test_baseline_with_paths_under_a_symlink_loop(project: Path) -> None:
    (project / "loop1").symlink_to(project / "loop2")
    (project / "loop2").symlink_to(project / "loop1")
    entry = {"rule": "names/variant", "path": str(project / "loop1" / "a.txt"), "excerpt": "x"}
    (project / ".factcheck-baseline.json").write_text(json.dumps({"version": 2, "paths": ["arts"],
                                                                  "findings": [entry]}), encoding="utf-8")
    scan = run_main("scan", "arts")
    assert scan.code == 1 and "internal error" not in scan.stderr, scan.stderr
    update = run_main("baseline", "update")
    assert update.code == 0 and "1 dropped" in update.stdout, update.stderr


# --------------------------------------------------------------------------- fuzz: any TOML structure

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.text(max_size=8),
    st.dates(), st.datetimes(), st.times(),
    st.sampled_from(["error", "warning", "names/variant", "names", "rules/", "*.txt", "2020-01-01", "/etc", "..",
                     "typo", "house.yaml", "a\0b"]))
_KEYS = st.one_of(st.text(max_size=6), st.sampled_from(
    [*sorted(KEYS), *sorted(ALIASES), "paths", "severity", "names/variant", "figures/conflict", "min_similarity",
     "canonical", "types", "mode"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=12)


@settings(deadline=None, suppress_health_check=list(HealthCheck))  # examples: the profile's (conftest)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5))
def test_fuzz_any_config_table_is_a_config_error_or_a_config(table: dict[str, Any]) -> None:
    """Only FactcheckError may escape; a config that parses filters paths and loads its rules."""
    base = Path.cwd()
    try:
        config = parse_config_table(table, base, "factcheck.toml")
        config.file_ignores("a/b.txt", "names/variant")
        config.date_override("a/b.txt")
        if config.overrides or config.selected or config.ignored or config.per_file_ignores:
            active_rules(config)
    except FactcheckError:
        pass



@settings(deadline=None, suppress_health_check=list(HealthCheck))  # examples: the profile's (conftest)
@given(st.text(alphabet='[]{}=."\'#\n abc01-:tTfl_,/\\u', max_size=80))
def test_fuzz_any_config_text_is_a_config_error_or_a_config(text: str) -> None:
    """Whatever the bytes of a factcheck.toml, loading it ends in a Config or a ConfigError."""
    import tempfile

    from factcheck.config import load_config

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "factcheck.toml"
        path.write_text(text, encoding="utf-8")
        try:
            load_config(path)
        except FactcheckError:
            pass


_JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=False),
                               st.text(max_size=8)),
                     lambda inner: st.one_of(st.lists(inner, max_size=4),
                                             st.dictionaries(st.sampled_from(["version", "paths", "findings", "rule",
                                                                              "path", "excerpt", "count", "related",
                                                                              "context", "reason", "x"]),
                                                             inner, max_size=5)), max_leaves=15)


@settings(deadline=None, suppress_health_check=list(HealthCheck))  # examples: the profile's (conftest)
@given(st.one_of(_JSON, st.fixed_dictionaries({"version": st.sampled_from([1, 2]), "findings": st.lists(_JSON)})))
def test_fuzz_any_baseline_json_is_an_error_or_a_baseline(data: Any) -> None:
    from factcheck.baseline import parse_baseline

    try:
        parse_baseline(json.dumps(data), "b.json")
    except FactcheckError:
        pass
