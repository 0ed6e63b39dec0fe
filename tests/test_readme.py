"""The README's snippets work as written: each is extracted from the README and run.

A snippet that drifts from the code is worse than none: users copy them
verbatim into CI.  Every fenced block the README shows under a heading is
found by that heading, so moving or rewording a snippet keeps it tested, and
deleting one fails here.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, git, newsroom, run_factcheck

README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE_RE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def section(heading: str) -> str:
    """The README text under the heading (``##`` or ``###``), up to the next heading outside a code block."""
    out: list[str] = []
    inside = fenced = False
    for line in README.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#+ ", line):
            if inside:
                break
            inside = line.rstrip("\n").lstrip("#").strip() == heading
            continue
        if inside:
            out.append(line)
    assert out, f"README has no section {heading!r}"
    return "".join(out)


def blocks(heading: str, lang: str) -> list[str]:
    return [body for fence, body in _FENCE_RE.findall(section(heading)) if fence == lang]


def run_line(cwd: Path, line: str) -> subprocess.CompletedProcess[str]:
    """A `factcheck ...` command line from a snippet, run with this interpreter's factcheck."""
    argv = shlex.split(line)
    assert argv[0] == "factcheck", line
    return run_factcheck(cwd, *argv[1:])


def ci_install_spec(env_value: str) -> None:
    """The one install line every recipe shares: the free distribution name, from git, pinned."""
    assert env_value == "factcheck-news @ git+https://github.com/OWNER/factcheck@COMMIT"
    assert env_value in section("Installing in CI")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return newsroom(tmp_path / "newsroom", "accepted in review")


@needs_git
def test_github_actions_recipe(repo: Path) -> None:
    (workflow,) = blocks("CI: GitHub Actions", "yaml")
    data = yaml.safe_load(workflow)
    ci_install_spec(data["env"]["FACTCHECK"])
    steps = data["jobs"]["factcheck"]["steps"]
    runs = [s["run"].strip() for s in steps if "run" in s]
    assert runs[0] == 'pip install "$FACTCHECK"'
    for line in runs[1:]:
        result = run_line(repo, line)
        assert result.returncode == 0, f"{line}: {result.stdout}{result.stderr}"
    sarif = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["baselineState"] for r in sarif["runs"][0]["results"]] == ["unchanged"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "factcheck.sarif"
    # and a new inconsistency fails the scan step, with an annotation for it
    (repo / "articles" / "e.txt").write_text("Leader Kim Jang Un arrived late.\n", encoding="utf-8")
    failed = run_line(repo, runs[1])
    assert failed.returncode == 1 and failed.stdout.startswith("::error file=articles/e.txt")  # same story


@needs_git
def test_gitlab_recipe(repo: Path) -> None:
    (job,) = blocks("CI: GitLab", "yaml")
    data = yaml.safe_load(job)["factcheck"]
    ci_install_spec(data["variables"]["FACTCHECK"])
    install, *commands = data["script"]
    assert install == 'pip install "$FACTCHECK"'
    for line in commands:
        result = run_line(repo, line)
        assert result.returncode == 0, f"{line}: {result.stdout}{result.stderr}"
    reports = data["artifacts"]["reports"]
    assert json.loads((repo / reports["codequality"]).read_text(encoding="utf-8")) == []  # nothing new
    assert ET.parse(repo / reports["junit"]).getroot().tag in ("testsuites", "testsuite")


@needs_git
def test_pre_commit_local_hook_recipe(repo: Path) -> None:
    local, remote = blocks("pre-commit", "yaml")
    (hook,) = yaml.safe_load(local)["repos"][0]["hooks"]
    files = re.compile(hook["files"])
    (repo / "articles" / "d.html").write_text("<p>Leader Kim Jang Un arrived late.</p>\n", encoding="utf-8")
    git(repo, "add", "-A")
    staged = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout.split()
    chosen = [p for p in staged if files.search(p)]
    assert chosen == ["articles/d.html"]  # HTML is scanned
    # pre-commit runs `entry` with the matching files, from the repository root; corpus rules need
    # the rest of the articles, which the config names as `corpus`
    (config,) = blocks("pre-commit", "toml")
    (repo / "pyproject.toml").write_text(config, encoding="utf-8")
    result = run_line(repo, " ".join([hook["entry"], *chosen]))
    assert result.returncode == 1 and result.stdout.startswith("articles/d.html:1:")
    (repo / "articles" / "d.html").write_text("<p>Leader Kim Jong Un arrived late.</p>\n", encoding="utf-8")
    assert run_line(repo, " ".join([hook["entry"], *chosen])).returncode == 0
    remote_repo = yaml.safe_load(remote)["repos"][0]
    assert remote_repo["rev"] == "COMMIT" and [h["id"] for h in remote_repo["hooks"]] == ["factcheck"]
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in shipped] == ["factcheck"] and shipped[0]["files"] == hook["files"]


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None,
                    reason="needs a git checkout of factcheck")
def test_the_install_spec_installs_factcheck_from_git(tmp_path: Path) -> None:
    """`pip install "factcheck-news @ git+URL@COMMIT"` builds the `factcheck` package from a commit."""
    from importlib.metadata import version

    if int(version("pip").split(".")[0]) < 24:  # pip 23 misreads a `git+file://` URL as a path
        pytest.skip(f"pip {version('pip')} cannot install a git+file:// requirement; pip >= 24 can")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    spec = f"factcheck-news @ git+file://{ROOT}@{commit}"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                             str(tmp_path / "site"), spec], capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and "satisfies the requirement hatchling" in result.stderr:
        pytest.skip("no package index reachable to build the wheel")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "factcheck" / "cli" / "scan.py").is_file()
    assert (tmp_path / "site" / "factcheck" / "_builtin_rules" / "names" / "variant.yaml").is_file()


def _json_shape(value: Any) -> Any:
    return {k: _json_shape(v) for k, v in value.items()} if isinstance(value, dict) else type(value).__name__


def test_baseline_file_example_is_what_baseline_create_writes(tmp_path: Path) -> None:
    """The example baseline in the README has the shape `baseline create` writes, and loads."""
    from factcheck.baseline import BASELINE_VERSION, parse_baseline

    (example,) = blocks("Baseline", "json")
    data = json.loads(example)
    assert data["version"] == BASELINE_VERSION
    base = parse_baseline(example, "README")
    assert base.entries[0].reason and base.entries[0].context.count(">>") == 1
    assert json.loads(base.to_json()) == data  # the example is in the canonical form


# --------------------------------------------------------------------------- commands, config, rules, API


def _project(root: Path) -> Path:
    """A folder with the things the README's config examples name: articles, house rules, an archive."""
    from conftest import NEWSROOM_ARTICLES

    for folder in ("articles", "archive", "house-rules", "drafts", "wire"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text in NEWSROOM_ARTICLES.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    (root / "archive" / "old.txt").write_text("Leader Kim Jong Un spoke in 2019.\n", encoding="utf-8")
    rule = next(b for b in blocks("Rules", "yaml") if "house/anonymous-sources" in b)
    (root / "house-rules" / "anonymous.yaml").write_text(rule, encoding="utf-8")
    (root / "names.yaml").write_text("- Kim Jong Un\n", encoding="utf-8")
    return root


def test_statistics_example_is_what_scan_prints() -> None:
    (example,) = [b for fence, b in _FENCE_RE.findall(section("Commands")) if b.startswith("$ factcheck")]
    command, *shown = example.splitlines()
    result = run_line(ROOT, command.removeprefix("$ "))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in shown if line != "..."] == lines[:len(shown) - 1]


def test_exit_code_error_examples(tmp_path: Path) -> None:
    (example,) = [b for fence, b in _FENCE_RE.findall(section("Exit codes")) if b.startswith("factcheck: error")]
    select_line, config_line = example.splitlines()
    assert run_factcheck(ROOT, "scan", "seeds", "--select", "nosuchrule").stderr.strip() == select_line
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nignore = ["sourcing/anonymus"]\n', encoding="utf-8")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    result = run_factcheck(tmp_path, "scan", "seeds")
    assert (result.returncode, result.stderr.strip()) == (2, config_line)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_configuration_examples_load_and_scan(tmp_path: Path, index: int) -> None:
    example = blocks("Configuration", "toml")[index]
    root = _project(tmp_path)
    (root / "pyproject.toml").write_text(example, encoding="utf-8")
    result = run_factcheck(root, "scan", "articles", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["summary"]["files"] == 3
    rules = json.loads(run_factcheck(root, "rules", "--format", "json").stdout)
    severity = {r["id"]: r["severity"] for r in rules}
    if "figures/conflict" in example:
        assert severity["figures/conflict"] == "info"  # the override is in force
    if "house-rules" in example:
        assert "house/anonymous-sources" in severity


def test_configuration_error_example(tmp_path: Path) -> None:
    shown = re.search(r"\(`(pyproject\.toml: key .*?)`\)", section("Configuration"))
    assert shown
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck.rules."figures/conflict"]\nmin_similarity = 5\n',
                                             encoding="utf-8")
    result = run_factcheck(tmp_path, "rules")
    assert (result.returncode, result.stderr.strip()) == (2, f"factcheck: error: {shown.group(1)}")


def test_rule_examples_load_and_their_tests_pass(tmp_path: Path) -> None:
    root = _project(tmp_path)
    anonymous = root / "house-rules" / "anonymous.yaml"
    result = run_factcheck(root, "test-rules", str(anonymous))
    assert result.returncode == 0 and "ok   house/anonymous-sources" in result.stdout, result.stdout
    (names,) = [b for b in blocks("Shipped rules", "yaml") if "canonical:" in b]
    (root / "names-rule.yaml").write_text(names, encoding="utf-8")
    explained = run_factcheck(root, "rule", "house/names", "--rules", "names-rule.yaml")
    assert explained.returncode == 0, explained.stderr
    # the `tests:` example pins a figures/conflict finding: run it as that rule's tests
    (tests,) = [b for b in blocks("Shipped rules", "yaml") if b.startswith("tests:")]
    conflict = yaml.safe_load((ROOT / "rules" / "figures" / "conflict.yaml").read_text(encoding="utf-8"))
    conflict.update(yaml.safe_load(tests), id="house/figures")
    (root / "figures.yaml").write_text(yaml.safe_dump(conflict), encoding="utf-8")
    ran = run_factcheck(root, "test-rules", "figures.yaml")
    assert ran.returncode == 0 and "ok   house/figures (1 fail, 1 pass examples)" in ran.stdout, ran.stdout


def test_python_api_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                            ) -> None:
    (code,) = blocks("Python API", "python")
    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    # the story stage puts c.txt with the articles writing "Kim Jong Un": a same-story typo, an error
    assert "articles/c.txt 1 error names/variant" in out


def test_output_formats_example(tmp_path: Path) -> None:
    (command,) = blocks("Output formats", "sh")
    root = _project(tmp_path)
    result = run_line(root, command.strip())
    assert result.returncode == 1
    assert json.loads((root / "factcheck.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(root / "factcheck-junit.xml").getroot().tag in ("testsuites", "testsuite")
