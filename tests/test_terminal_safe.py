"""Terminal injection: escape sequences from articles and file names never reach a terminal raw.

A title-setting (``ESC ] 0 ; ... BEL``) and a clear-screen (``ESC [ 2 J``)
sequence are planted in an article's text and in a file name; every
human-readable format and every stderr line shows them escaped, while JSON
formats keep them JSON-escaped (the decoded value is the original text).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import unnamed_source_project

from factcheck.report.text import snippet
from factcheck.safetext import shown

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
EVIL_NAME = f"evil{CLEAR}.txt"
ARTICLE = f"Officials{TITLE} said the talks would resume.{CLEAR} Sources said{CLEAR} the deal\x9b was close.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([FACTCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    unnamed_source_project(tmp_path, ARTICLE, EVIL_NAME)
    (tmp_path / "arts" / f"bin{TITLE}.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def raw_controls(text: str) -> list[str]:
    """Control characters other than tab and line feed: none may be printed."""
    return [c for c in text if (ord(c) < 32 and c not in "\t\n") or 0x7f <= ord(c) <= 0x9f]


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_human_readable_formats_escape_article_text_and_file_names(project: Path, fmt: str) -> None:
    proc = run("scan", "arts", "--format", fmt, cwd=project)
    assert proc.returncode == 1
    assert raw_controls(proc.stdout) == [] and raw_controls(proc.stderr) == []
    assert "evil\\x1b[2J.txt" in proc.stdout  # the file name, shown escaped
    assert "factcheck: warning: arts/bin\\x1b]0;pwned\\x07.txt: binary file, skipped" in proc.stderr.splitlines()
    if fmt == "text":
        assert "Officials\\x1b]0;pwned\\x07 said the talks would resume.\\x1b[2J Sources said\\x1b[2J the deal\\x9b" \
            in proc.stdout


def test_junit_is_valid_xml_with_controls_escaped(project: Path) -> None:
    proc = run("scan", "arts", "--format", "junit", cwd=project)
    root = ET.fromstring(proc.stdout)
    names = [s.get("name") for s in root.iter("testsuite")]
    assert names == ["arts/evil\\x1b[2J.txt"]
    assert raw_controls(proc.stdout) == []


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_machine_formats_keep_the_original_characters_json_escaped(project: Path, fmt: str) -> None:
    proc = run("scan", "arts", "--format", fmt, cwd=project)
    assert raw_controls(proc.stdout) == []  # JSON escapes them ("\u001b"; SARIF URIs: "%1B")
    strings = list(_strings(json.loads(proc.stdout)))
    if fmt == "sarif":
        assert "arts/evil%1B%5B2J.txt" in strings
    else:
        assert f"arts/{EVIL_NAME}" in strings  # the original characters, once decoded


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_claims_table_and_docs_escape(project: Path) -> None:
    (project / "arts" / "q.txt").write_text(f'"We will{CLEAR} not agree to this," Smith said on Monday.\n')
    for args in (["claims", "arts"], ["docs", "arts"]):
        proc = run(*args, cwd=project)
        assert proc.returncode == 0, proc.stderr
        assert raw_controls(proc.stdout) == [] and raw_controls(proc.stderr) == []
        assert "\\x1b[2J" in proc.stdout
    claims = json.loads(run("claims", "arts", "--format", "json", cwd=project).stdout)["claims"]
    assert any(CLEAR in c["text"] for c in claims)  # JSON keeps the real text


def test_error_messages_escape_paths(project: Path) -> None:
    proc = run("scan", f"missing{CLEAR}", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr == "factcheck: error: missing\\x1b[2J: no such file or directory\n"
    out = run("scan", "arts", "-o", f"arts/{EVIL_NAME}", cwd=project)
    assert out.returncode == 2 and raw_controls(out.stderr) == []
    assert out.stderr.endswith("would overwrite a scanned input (arts/evil\\x1b[2J.txt)\n")


def test_baseline_update_lines_escape_paths(project: Path) -> None:
    assert run("baseline", "create", "arts", "-o", "b.json", cwd=project).returncode == 0
    (project / "arts" / EVIL_NAME).write_text("Nothing to see.\n")
    proc = run("baseline", "update", "--baseline", "b.json", "--check", cwd=project)
    assert proc.returncode == 1
    assert raw_controls(proc.stdout) == [] and "fixed: arts/evil\\x1b[2J.txt [house/unnamed]" in proc.stdout


# --------------------------------------------------------------------------- the helper


@pytest.mark.parametrize("raw, escaped", [
    ("plain text, ünïcödé — “quotes”", "plain text, ünïcödé — “quotes”"),
    ("a\x1b[31mred", "a\\x1b[31mred"),
    ("bell\x07 cr\r del\x7f nul\x00", "bell\\x07 cr\\x0d del\\x7f nul\\x00"),
    ("c1\x9b csi", "c1\\x9b csi"),
    ("bidi \u202eevil\u202c \u2066x\u2069", "bidi \\u202eevil\\u202c \\u2066x\\u2069"),
    ("tab\tstays", "tab\tstays"),
    ("one\nline", "one\\x0aline"),
])
def test_shown(raw: str, escaped: str) -> None:
    assert shown(raw) == escaped
    assert shown(shown(raw)) == shown(raw)  # idempotent: messages escaped twice read the same


def test_shown_can_keep_line_feeds() -> None:
    assert shown("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"


def test_the_caret_stays_under_the_span_when_controls_are_escaped() -> None:
    line = f"x{CLEAR}y Sources said z"
    col = line.index("Sources") + 1
    text, marker = snippet(line, col, col + len("Sources said"))
    assert text == "x\\x1b[2Jy Sources said z"
    assert text[marker.index("^"):marker.index("^") + marker.count("^")] == "Sources said"
    inside, caret = snippet("a \x1b b", 3, 4)
    assert inside[caret.index("^"):caret.index("^") + caret.count("^")] == "\\x1b"
