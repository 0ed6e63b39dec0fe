"""The top-level guard: a bug is one line and exit 2, never a traceback and never exit 1.

Exit 1 means "findings", so a crash must not look like one.  The guard is
proved to work (a forced crash, in-process and in a real process), to keep
its traceback for ``FACTCHECK_DEBUG=1``, and to be unreachable by every
hostile input the issue lists, through every command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import run_main

from factcheck.interrupts import Terminated

HINT = ("(please report this to the factcheck maintainers with the command that caused it; "
        "rerun with FACTCHECK_DEBUG=1 for the traceback)")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    (root / "arts").mkdir()
    (root / "arts" / "a.txt").write_text("Kim Long Un met. Kim Jong Un said. Kim Jong Un left.\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return root


def _boom(*_args: object, **_kwargs: object) -> None:
    raise ZeroDivisionError("a bug\nover two lines")


def test_an_unexpected_exception_is_one_line_and_exit_2(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.engine.scan", _boom)
    run = run_main("scan", "arts")
    assert run.code == 2
    assert run.stderr == f"factcheck: internal error: ZeroDivisionError: a bug over two lines {HINT}\n"
    assert run.stdout == ""


def test_an_internal_error_line_escapes_control_characters(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message may quote a file name or article text: no escape sequence reaches the terminal."""
    def boom(*_a: object, **_k: object) -> None:
        raise ValueError("bad \x1b]0;owned\x07 title\x1b[2J")

    monkeypatch.setattr("factcheck.engine.scan", boom)
    run = run_main("scan", "arts")
    assert run.stderr == f"factcheck: internal error: ValueError: bad \\x1b]0;owned\\x07 title\\x1b[2J {HINT}\n"


def test_factcheck_debug_shows_the_traceback(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.engine.scan", _boom)
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    run = run_main("scan", "arts")
    assert run.code == 2
    assert run.stderr.startswith("Traceback (most recent call last):")
    assert "in _boom" in run.stderr
    assert run.stderr.endswith(f"factcheck: internal error: ZeroDivisionError: a bug over two lines {HINT}\n")


def test_an_internal_error_in_a_real_process_exits_2_not_1(project: Path) -> None:
    """As CI sees it: the console script's process, its exit status and its stderr."""
    code = ("import factcheck.engine as e\n"
            "def boom(*a, **k): raise RuntimeError('maximum recursion depth exceeded')\n"
            "e.scan = boom\n"
            "from factcheck.cli import main; main()\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}
    done = subprocess.run([sys.executable, "-c", code, "scan", "arts"], cwd=project, capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr == f"factcheck: internal error: RuntimeError: maximum recursion depth exceeded {HINT}\n"


def test_a_memory_error_is_an_internal_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def oom(*_a: object, **_k: object) -> None:
        raise MemoryError

    monkeypatch.setattr("factcheck.engine.scan", oom)
    run = run_main("scan", "arts")
    assert (run.code, run.stderr) == (2, f"factcheck: internal error: MemoryError {HINT}\n")


def test_ctrl_c_is_one_line_and_exit_130(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("factcheck.engine.scan", interrupted)
    run = run_main("scan", "arts")
    assert (run.code, run.stderr) == (130, "factcheck: interrupted\n")


def test_sigterm_is_one_line_and_exit_143(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def terminated(*_a: object, **_k: object) -> None:
        raise Terminated(15)

    monkeypatch.setattr("factcheck.engine.scan", terminated)
    run = run_main("scan", "arts")
    assert (run.code, run.stderr) == (143, "factcheck: terminated\n")


def test_user_errors_and_findings_keep_their_codes(project: Path) -> None:
    assert run_main("scan", "arts").code == 1
    assert run_main("scan", "nowhere").one_line_error() == "factcheck: error: nowhere: no such file or directory"
    assert run_main("scan", "--format", "nope", "arts").one_line_error().startswith("factcheck: error: --format")


# --------------------------------------------------------------------------- no known input reaches the guard

BOMB = "".join(['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
               + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10)])
#: (file name, content) -> every command is run with it in place; each of the issue's hostile files
HOSTILE_FILES: dict[str, tuple[str, str]] = {
    "alias bomb": ("r.yaml", BOMB + "id: *l9\n"),
    "recursive alias": ("r.yaml", "a: &a [*a]\n"),
    "deep yaml": ("r.yaml", "[" * 5000 + "]" * 5000),
    "bad int tag": ("r.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [!!int nope]\n"),
    "bad timestamp": ("r.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [2020-13-45]\n"),
    "format spec": ("r.yaml", "id: house/x\ntype: pattern\nmessage: '{match:d}'\nwords: [Kim]\n"),
    "huge width": ("r.yaml", "id: house/x\ntype: pattern\nmessage: '{match:>999999999999}'\nwords: [Kim]\n"),
    "int words": ("r.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [1, 2]\n"),
    "int swap": ("r.yaml", "id: house/x\ntype: substitution\nmessage: m\nswap: {Kim: 1}\n"),
    "int canonical": ("r.yaml", "id: house/x\ntype: name-variants\nmessage: m\ncanonical: [1]\n"),
    "canonical outside": ("r.yaml", "id: house/x\ntype: name-variants\nmessage: m\ncanonical: /etc/passwd\n"),
    "non-table tool.factcheck": ("pyproject.toml", "[tool]\nfactcheck = 1\n"),
    "deep toml": ("factcheck.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n"),
    "deep baseline": (".factcheck-baseline.json", "[" * 100_000 + "]" * 100_000),
    "digits in baseline": (".factcheck-baseline.json", '{"version": ' + "9" * 5000 + ', "findings": []}'),
    "baseline paths outside": (".factcheck-baseline.json", json.dumps(
        {"version": 2, "paths": ["../..", "/etc"], "findings": [{"rule": "r/x", "path": "/etc/hostname",
                                                                  "excerpt": "x"}]})),
}
COMMANDS = [["scan", "arts"], ["scan", "arts", "--format", "json"], ["docs", "arts"], ["claims", "arts"],
            ["rules"], ["rule", "names/variant"], ["test-rules"], ["baseline", "create", "arts", "-o", "new.json"],
            ["baseline", "update"]]


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_no_known_hostile_file_reaches_the_guard(project: Path, case: str) -> None:
    name, text = HOSTILE_FILES[case]
    (project / name).write_text(text, encoding="utf-8")
    extra = ["--rules", name] if name.endswith(".yaml") else []
    for command in COMMANDS:
        args = [*command, *extra] if command[0] in ("scan", "rules", "rule", "baseline") else command
        if command[0] == "test-rules" and extra:
            args = ["test-rules", name]
        run = run_main(*args)
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr, (args, run.stderr)
        assert run.code in (0, 1, 2), (args, run.code, run.stderr)
        if run.code == 2:
            assert run.one_line_error()
