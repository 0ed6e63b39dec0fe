"""Output paths: bad ones are one-line errors, inputs are never overwritten, writes are atomic.

Run as the installed console script, as CI runs it: the assertion is on the
exact stderr line and exit code, and on the files left behind.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import unnamed_source_project

from factcheck.atomic import write_atomic
from factcheck.errors import FactcheckError

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
ARTICLE = "Officials said the talks would resume. Sources said the deal was close.\n"


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


def one_error(proc: subprocess.CompletedProcess[str]) -> str:
    """Exit 2 with exactly one stderr line and no traceback; returns the line."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    unnamed_source_project(tmp_path, ARTICLE)
    return tmp_path


@pytest.mark.parametrize("args, message", [
    (["scan", "arts", "-o", "."], "--output '.': is a folder, not a file name"),
    (["scan", "arts", "-o", "/"], "--output '/': is a folder, not a file name"),
    (["scan", "arts", "-o", ""], "--output '.': is a folder, not a file name"),
    (["scan", "arts", "-o", "arts"], "--output arts: is a folder, not a file name"),
    (["scan", "arts", "--output", ".."], "--output '..': is a folder, not a file name"),
    (["scan", "arts", "--also", "json:."], "--also '.': is a folder, not a file name"),
    (["scan", "arts", "--also", "sarif:arts"], "--also arts: is a folder, not a file name"),
    (["baseline", "create", "arts", "-o", "."], "--output '.': is a folder, not a file name"),
    (["baseline", "create", "arts", "-o", "/"], "--output '/': is a folder, not a file name"),
])
def test_output_paths_that_are_folders_are_one_line_errors(project: Path, args: list[str], message: str) -> None:
    assert one_error(run(*args, cwd=project)) == f"factcheck: error: {message}"


def test_output_may_not_overwrite_a_scanned_article(project: Path) -> None:
    for args, option in ((["-o", "arts/a.txt"], "--output"), (["--also", "json:arts/a.txt"], "--also"),
                         (["-o", "./arts/../arts/a.txt"], "--output")):
        line = one_error(run("scan", "arts", *args, cwd=project))
        assert line.startswith(f"factcheck: error: {option} ")
        assert line.endswith(": would overwrite a scanned input (arts/a.txt)")
    assert (project / "arts" / "a.txt").read_text() == ARTICLE


def test_output_may_not_overwrite_a_hard_link_to_a_scanned_article(project: Path) -> None:
    os.link(project / "arts" / "a.txt", project / "copy.json")
    assert one_error(run("scan", "arts", "-o", "copy.json", cwd=project)) == (
        "factcheck: error: --output copy.json: would overwrite a scanned input (arts/a.txt)")
    assert (project / "arts" / "a.txt").read_text() == ARTICLE


def test_baseline_create_may_not_overwrite_a_scanned_article(project: Path) -> None:
    assert one_error(run("baseline", "create", "arts", "-o", "arts/a.txt", cwd=project)) == (
        "factcheck: error: --output arts/a.txt: would overwrite a scanned input (arts/a.txt)")
    assert (project / "arts" / "a.txt").read_text() == ARTICLE


def test_output_may_not_overwrite_the_baseline_being_read(project: Path) -> None:
    assert run("baseline", "create", "arts", "-o", "b.json", cwd=project).returncode == 0
    before = (project / "b.json").read_text()
    for args in (["-o", "b.json"], ["--also", "sarif:b.json"]):
        line = one_error(run("scan", "arts", "--baseline", "b.json", *args, cwd=project))
        assert line.endswith("b.json: would overwrite the baseline being read (b.json)")
    assert (project / "b.json").read_text() == before


def test_two_outputs_naming_one_file(project: Path) -> None:
    assert one_error(run("scan", "arts", "-o", "r.json", "--also", "sarif:./r.json", cwd=project)) == (
        "factcheck: error: --also r.json: also written by --output; name another file")
    assert not (project / "r.json").exists()


def test_an_output_symlink_is_refused_and_left_alone(project: Path) -> None:
    target = project / "elsewhere.txt"
    target.write_text("keep me\n")
    (project / "out.json").symlink_to(target)
    for args in (["scan", "arts", "-o", "out.json"], ["scan", "arts", "--also", "json:out.json"],
                 ["baseline", "create", "arts", "-o", "out.json"]):
        line = one_error(run(*args, cwd=project))
        assert line.endswith("out.json: is a symbolic link; refusing to write through or replace it "
                             "(name the link's target instead)")
    assert (project / "out.json").is_symlink() and target.read_text() == "keep me\n"


def test_a_baseline_that_is_a_symlink_is_not_replaced_by_update(project: Path) -> None:
    assert run("baseline", "create", "arts", "-o", "real.json", cwd=project).returncode == 0
    (project / "link.json").symlink_to("real.json")
    (project / "arts" / "a.txt").write_text("Nothing to see.\n")
    line = one_error(run("baseline", "update", "--baseline", "link.json", cwd=project))
    assert line == "factcheck: error: cannot write link.json: is a symbolic link; refusing to replace it"
    assert (project / "link.json").is_symlink()


def test_an_output_below_a_file_is_one_line(project: Path) -> None:
    assert one_error(run("scan", "arts", "-o", "arts/a.txt/r.json", cwd=project)).startswith(
        "factcheck: error: cannot write arts/a.txt/r.json: ")


def test_outputs_in_new_folders_are_created(project: Path) -> None:
    proc = run("scan", "arts", "-o", "out/deep/r.txt", "--also", "sarif:out/r.sarif", cwd=project)
    assert proc.returncode == 1 and proc.stdout == ""
    assert "arts/a.txt:1:" in (project / "out" / "deep" / "r.txt").read_text()
    assert json.loads((project / "out" / "r.sarif").read_text())["version"] == "2.1.0"


# --------------------------------------------------------------------------- the one writer


def test_write_atomic_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left


def test_write_atomic_gives_a_new_file_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "n.json", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.json").stat().st_mode) == 0o644


def test_write_atomic_failure_is_one_line_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(FactcheckError, match=r"^cannot write .*file/r\.json: .*file is not a folder$"):
        write_atomic(tmp_path / "file" / "r.json", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_baseline_and_cli_write_through_the_one_helper() -> None:
    import factcheck.baseline
    import factcheck.cli

    assert factcheck.baseline.write_atomic is write_atomic
    cli_sources = [p.read_text() for p in Path(factcheck.cli.__file__).parent.glob("*.py")]
    assert len(cli_sources) > 1  # the command line is a package: every module of it is checked
    assert not any("os.replace" in text or ".replace(output)" in text for text in cli_sources)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_report_write_leaves_the_old_file_or_the_whole_new_one(project: Path) -> None:
    """SIGKILL a real `scan --output` of a large JSON report at random moments: the target is
    always either the old file, byte for byte, or the complete report -- never half of it."""
    big = ARTICLE.replace("Sources said", "Sources said, sources said") * 400
    for i in range(30):
        (project / "arts" / f"b{i:02}.txt").write_text(big)
    args = [FACTCHECK, "scan", "arts", "--format", "json", "-o", "report.json"]
    started = time.monotonic()
    assert subprocess.run(args, cwd=project, capture_output=True, timeout=300).returncode == 1
    duration = time.monotonic() - started
    complete = (project / "report.json").read_text()
    assert len(complete) > 5_000_000 and len(json.loads(complete)["findings"]) > 20_000
    rng = random.Random(28)
    old = "OLD REPORT\n"
    for _ in range(6):
        (project / "report.json").write_text(old)
        proc = subprocess.Popen(args, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.05) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = (project / "report.json").read_text()
        assert now in (old, complete), f"half-written report: {len(now)} of {len(complete)} characters"
    # leftovers of a killed write are hidden temporary files, never the target
    assert all(p.name.startswith(".report.json.") for p in project.iterdir() if p.name.endswith(".tmp"))
