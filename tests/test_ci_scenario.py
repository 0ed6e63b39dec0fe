"""A team's first week with factcheck in CI, scripted end to end.

A real temporary git repository of articles, the shipped rules, a committed
baseline with a reason written by a person, then the edits CI sees every day:
a correct article is added, lines move, a commit renames nothing, and finally
an inconsistent article arrives.  Only that last one may fail the build, with
only its own finding, and no reason is ever lost.  The same scenario run from
a sub-folder gives the same answers, because baseline paths are relative to
the project root, not to the working directory.

The CLI runs as a subprocess of the installed package, as CI runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import git, newsroom
from conftest import run_factcheck as factcheck

BASELINE = ".factcheck-baseline.json"
REASON = "Spelling of the agency's wire copy; correction requested."
CLEAN = "Kim Jong Un, the North Korean leader, met the envoys again on the second day.\n"
INCONSISTENT = "Reporters waited for leader Kim Jang Un outside the hall.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def new_findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    return [f for f in json.loads(result.stdout)["findings"] if f.get("baseline_state") == "new"]


def reasons(repo: Path) -> dict[str, str]:
    data = json.loads((repo / BASELINE).read_text(encoding="utf-8"))
    return {e["excerpt"]: e["reason"] for e in data["findings"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A committed repository of three articles and a baseline accepting their one finding, with a reason."""
    return newsroom(tmp_path / "newsroom", REASON)


@pytest.mark.parametrize("where", [".", "articles"], ids=["from the root", "from a sub-folder"])
def test_ci_fails_only_on_the_new_inconsistency_and_keeps_every_reason(repo: Path, where: str) -> None:
    cwd = repo / where
    target = "articles" if where == "." else "."

    def scan() -> subprocess.CompletedProcess[str]:
        return factcheck(cwd, "scan", target, "--format", "json")  # the baseline is found, not configured

    def check_baseline() -> None:
        check = factcheck(cwd, "baseline", "update", "--check")
        assert check.returncode == 0, check.stdout + check.stderr
        assert factcheck(cwd, "baseline", "update").returncode == 0
        assert reasons(repo) == {"Kim Long Un": REASON}

    assert scan().returncode == 0
    # 1. a correct article adds evidence for the accepted finding: it must stay accepted
    (repo / "articles" / "d.txt").write_text(CLEAN, encoding="utf-8")
    first = scan()
    assert first.returncode == 0, first.stdout + first.stderr
    assert new_findings(first) == [] and "no longer found" not in first.stderr
    check_baseline()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a correct article")
    # 2. lines move: a paragraph inserted above and the paragraphs swapped
    c = repo / "articles" / "c.txt"
    paragraphs = c.read_text(encoding="utf-8").split("\n\n")
    c.write_text("Editor's note: updated with new reporting.\n\n" + "\n\n".join(reversed(paragraphs)),
                 encoding="utf-8")
    assert scan().returncode == 0
    check_baseline()
    # 3. a commit that renames nothing
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "moved lines")
    assert scan().returncode == 0
    # 4. an inconsistent article: exit 1 with only its own finding
    (repo / "articles" / "e.txt").write_text(INCONSISTENT, encoding="utf-8")
    last = scan()
    assert last.returncode == 1
    assert [(f["path"].rsplit("/", 1)[-1], f["excerpt"]) for f in new_findings(last)] == [("e.txt", "Kim Jang Un")]
    accepted = [f for f in json.loads(last.stdout)["findings"] if f.get("baseline_state") == "unchanged"]
    assert [f["excerpt"] for f in accepted] == ["Kim Long Un"]
    # accepting it keeps the reason a person wrote for the old one
    assert factcheck(cwd, "baseline", "update", "--accept-new").returncode == 0
    assert reasons(repo) == {"Kim Long Un": REASON, "Kim Jang Un": ""}
    assert scan().returncode == 0


def test_explicit_baseline_from_a_sub_folder_matches_the_root(repo: Path) -> None:
    (repo / "articles" / "e.txt").write_text(INCONSISTENT, encoding="utf-8")
    from_root = factcheck(repo, "scan", "articles", "--baseline", BASELINE, "--format", "json")
    below = factcheck(repo / "articles", "scan", ".", "--baseline", f"../{BASELINE}", "--format", "json")
    assert from_root.returncode == below.returncode == 1
    key = [(f["rule"], f["excerpt"], f["baseline_state"]) for f in json.loads(from_root.stdout)["findings"]]
    assert key == [(f["rule"], f["excerpt"], f["baseline_state"]) for f in json.loads(below.stdout)["findings"]]
    assert sorted(k[2] for k in key) == ["new", "unchanged"]


def test_baseline_paths_that_match_nothing_are_reported(repo: Path) -> None:
    data = json.loads((repo / BASELINE).read_text(encoding="utf-8"))
    data["findings"][0]["path"] = "c.txt"  # as if written relative to articles/
    (repo / BASELINE).write_text(json.dumps(data), encoding="utf-8")
    result = factcheck(repo, "scan", "articles")
    assert result.returncode == 1
    assert ("1 file with accepted findings not found under" in result.stderr
            and "relative to the project root" in result.stderr and "'c.txt'" in result.stderr)


def test_no_baseline_ignores_the_default_file(repo: Path) -> None:
    assert factcheck(repo, "scan", "articles").returncode == 0
    assert factcheck(repo, "scan", "articles", "--no-baseline").returncode == 1
