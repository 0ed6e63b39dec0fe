"""Filesystem discovery under hostile trees: special files, symbolic links, huge files.

Each case runs the installed console script in a subprocess with a timeout, so
a regression (a FIFO opened for reading) fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import unnamed_source_project

from factcheck.documents import SkippedFile
from factcheck.errors import FactcheckError
from factcheck.files import find_documents, parse_size, read_limited

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
ARTICLE = "Officials said the talks would resume. Sources said the deal was close.\n"
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path/arts with one article that has one finding; own rules only."""
    unnamed_source_project(tmp_path, ARTICLE)
    return tmp_path


def warnings_of(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("factcheck: warning: ")]


# --------------------------------------------------------------------------- special files


@posix_only
@pytest.mark.parametrize("command", [["scan"], ["claims"], ["docs"], ["baseline", "create", "-o", "b.json"]])
def test_a_fifo_in_a_scanned_folder_is_skipped_not_opened(project: Path, command: list[str]) -> None:
    os.mkfifo(project / "arts" / "pipe.txt")
    proc = run(*command, "arts", cwd=project, timeout=30)
    assert "factcheck: warning: arts/pipe.txt: a named pipe, skipped" in warnings_of(proc.stderr)
    assert proc.returncode in (0, 1), proc.stderr  # the rest of the folder was scanned
    if command == ["scan"]:
        assert proc.returncode == 1 and "arts/a.txt:1:" in proc.stdout


@posix_only
def test_a_fifo_named_on_the_command_line_is_skipped(project: Path) -> None:
    os.mkfifo(project / "pipe.md")
    proc = run("scan", "pipe.md", "arts", cwd=project, timeout=30)
    assert warnings_of(proc.stderr) == ["factcheck: warning: pipe.md: a named pipe, skipped"]
    assert proc.returncode == 1


@posix_only
def test_a_fifo_swapped_in_after_discovery_cannot_block_the_read(tmp_path: Path) -> None:
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    with pytest.raises(SkippedFile, match="a named pipe, skipped"):
        read_limited(fifo)  # opened non-blocking, refused by fstat


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets need POSIX")
def test_a_socket_in_a_scanned_folder_is_skipped(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "arts")  # a short relative name: socket paths are limited to ~100 bytes
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("s.txt")
        found = find_documents(["."])
    finally:
        sock.close()
    assert [p.name for p in found.files] == ["a.txt"]
    assert found.skipped == ["s.txt: a socket, skipped"]


def test_a_device_named_on_the_command_line_is_skipped(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    found = find_documents(["/dev/null"])
    assert found.files == [] and found.skipped == ["/dev/null: a character device, skipped"]


# --------------------------------------------------------------------------- symbolic links


def test_a_symlink_loop_is_reported_and_skipped(project: Path) -> None:
    (project / "arts" / "loop.txt").symlink_to("loop.txt")
    (project / "arts" / "ping.md").symlink_to("pong.md")
    (project / "arts" / "pong.md").symlink_to("ping.md")
    proc = run("scan", "arts", cwd=project)
    assert warnings_of(proc.stderr) == ["factcheck: warning: arts/loop.txt: symbolic link loop, skipped",
                                        "factcheck: warning: arts/ping.md: symbolic link loop, skipped",
                                        "factcheck: warning: arts/pong.md: symbolic link loop, skipped"]
    assert proc.returncode == 1


def test_a_symlink_loop_named_on_the_command_line_is_a_warning(project: Path) -> None:
    (project / "loop.txt").symlink_to("loop.txt")
    proc = run("scan", "loop.txt", "arts", cwd=project)
    assert warnings_of(proc.stderr) == ["factcheck: warning: loop.txt: symbolic link loop, skipped"]
    assert proc.returncode == 1


def test_a_dangling_symlink_is_reported_and_skipped(project: Path) -> None:
    (project / "arts" / "gone.txt").symlink_to("nowhere.txt")
    proc = run("scan", "arts", cwd=project)
    assert warnings_of(proc.stderr) == ["factcheck: warning: arts/gone.txt: dangling symbolic link, skipped"]


def _secret_link(project: Path) -> None:
    (project / "private").mkdir()
    (project / "private" / "secret.txt").write_text("The password is hunter2. Sources said so.\n")
    (project / "arts" / "notes.txt").symlink_to(project / "private" / "secret.txt")


def test_a_symlink_out_of_the_scanned_folder_is_not_followed(project: Path) -> None:
    _secret_link(project)
    for fmt in ("github", "json", "text"):
        proc = run("scan", "arts", "--format", fmt, cwd=project)
        assert "hunter2" not in proc.stdout + proc.stderr
        assert warnings_of(proc.stderr) == [
            "factcheck: warning: arts/notes.txt: symbolic link to a file outside the scanned folder "
            "(use --follow-symlinks to read it), skipped"]
    claims = run("claims", "arts", "--format", "json", cwd=project)
    assert "hunter2" not in claims.stdout


def test_follow_symlinks_reads_the_target(project: Path) -> None:
    _secret_link(project)
    proc = run("scan", "arts", "--format", "json", "--follow-symlinks", cwd=project)
    assert warnings_of(proc.stderr) == []
    assert sorted({f["path"] for f in json.loads(proc.stdout)["findings"]}) == ["arts/a.txt", "arts/notes.txt"]
    (project / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\nfollow_symlinks = true\n')
    docs = run("docs", "arts", "--format", "json", cwd=project)
    assert [d["path"] for d in json.loads(docs.stdout)["documents"]] == ["arts/a.txt", "arts/notes.txt"]


def test_a_symlink_inside_the_scanned_folder_is_followed(project: Path) -> None:
    (project / "arts" / "sub").mkdir()
    (project / "arts" / "sub" / "b.txt").write_text(ARTICLE)
    (project / "arts" / "alias.txt").symlink_to(Path("sub") / "b.txt")
    found = find_documents([project / "arts"])
    assert sorted(p.name for p in found.files) == ["a.txt", "alias.txt", "b.txt"] and found.skipped == []


def test_a_symlinked_folder_loop_with_follow_symlinks_ends(project: Path) -> None:
    (project / "arts" / "again").symlink_to(project / "arts")
    proc = run("scan", "arts", "--follow-symlinks", "--format", "concise", cwd=project, timeout=30)
    assert proc.stdout.count("arts/a.txt:1:") == 1
    assert "factcheck: warning: arts/again: symbolic link loop, skipped" in warnings_of(proc.stderr)


# --------------------------------------------------------------------------- size limit


def test_a_document_over_the_default_limit_is_skipped_before_it_is_read(project: Path) -> None:
    with open(project / "arts" / "huge.txt", "wb") as fh:  # sparse: NUL bytes, "binary" if it were read
        fh.truncate(10_000_001)
    proc = run("scan", "arts", cwd=project)
    assert warnings_of(proc.stderr) == [
        "factcheck: warning: arts/huge.txt: 10.0 MB, over the size limit of 10.0 MB "
        "(--max-size, max_size in the config), skipped"]
    assert proc.returncode == 1


def test_max_size_flag_config_and_no_limit(project: Path) -> None:
    (project / "arts" / "b.txt").write_text(ARTICLE * 3)  # 216 bytes
    small = run("scan", "arts", "--max-size", "100", "--format", "concise", cwd=project)
    assert warnings_of(small.stderr) == [
        "factcheck: warning: arts/b.txt: 216 bytes, over the size limit of 100 bytes "
        "(--max-size, max_size in the config), skipped"]
    assert "arts/b.txt" not in small.stdout and "arts/a.txt:1:" in small.stdout
    (project / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\nmax_size = "0.1kb"\n')
    bad = run("scan", "arts", cwd=project)
    assert bad.returncode == 2 and bad.stderr == (
        "factcheck: error: factcheck.toml: key 'max_size': must be a size in bytes "
        "(e.g. 10000000 or \"10MB\"; 0 = no limit)\n")
    (project / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\nmax_size = 100\n')
    assert warnings_of(run("scan", "arts", cwd=project).stderr) == warnings_of(small.stderr)
    unlimited = run("scan", "arts", "--max-size", "0", "--format", "concise", cwd=project)
    assert warnings_of(unlimited.stderr) == [] and "arts/b.txt:1:" in unlimited.stdout


def test_a_bad_max_size_flag_is_one_line_exit_2(project: Path) -> None:
    proc = run("scan", "arts", "--max-size", "ten", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr == "factcheck: error: --max-size must be a size in bytes (e.g. 10MB; 0 = no limit), not 'ten'\n"


@pytest.mark.parametrize("text, size", [("0", 0), ("100", 100), ("10MB", 10_000_000), ("500k", 500_000),
                                        ("2 GB", 2_000_000_000), (12, 12)])
def test_parse_size(text: str | int, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["-1", "1.5MB", "10TB", "", "9" * 40, True, -5])
def test_parse_size_rejects(text: str | int) -> None:
    with pytest.raises(FactcheckError):
        parse_size(text)
