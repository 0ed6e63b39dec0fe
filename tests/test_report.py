"""The text and JSON formats, and finding fingerprints.

Scans use only rule files written here (built-in packs off), so the expected
findings are known exactly; every position is recomputed by hand from the
file's text rather than copied from the program's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import factcheck
from factcheck.config import Config
from factcheck.findings import Finding, Location, fingerprint
from factcheck.report import RenderContext, json_format, text
from factcheck.report.text import snippet

RULES = """
- id: house/spelling
  type: substitution
  severity: warning
  message: "'{match}' should be '{suggestion}'."
  swap: {goverment: government, untill: until}
- id: house/anonymous
  type: pattern
  severity: info
  message: "Unnamed source ('{match}')."
  words: ["sources said"]
- id: house/banned
  type: pattern
  severity: error
  message: "Do not write '{match}'."
  words: ["very unique"]
"""

FINDING_KEYS = ["rule", "severity", "message", "path", "line", "column", "end_line", "end_column", "excerpt",
                "suggestion", "related", "fingerprint"]


def position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and character column of ``offset``, by hand."""
    before = source[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def expected(path: str, source: str, excerpt: str, nth: int = 0) -> dict[str, object]:
    start = [m.start() for m in re.finditer(re.escape(excerpt), source)][nth]
    line, col = position(source, start)
    end_line, end_col = position(source, start + len(excerpt))
    return {"path": path, "line": line, "column": col, "end_line": end_line, "end_column": end_col,
            "excerpt": excerpt}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.yaml").write_text(RULES, encoding="utf-8")
    files = {
        "articles/b.txt": "Headline\n\nSources said the goverment would wait untill Monday.\n",
        "articles/sub/a.md": "# Café goverment\n\nIt is a very unique plan, sources said.\n",
        "articles/c.txt": "Nothing to report here.\n",
    }
    for rel, body in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body, encoding="utf-8")
    return tmp_path


def run(paths: list[str]) -> factcheck.Report:
    return factcheck.scan(paths, Config(rules=(Path("house.yaml"),), builtin_rules=False))


def render_json(report: factcheck.Report) -> str:
    return json_format.render(report, RenderContext())


def render_text(report: factcheck.Report) -> str:
    return text.render(report, RenderContext(color=False))


# --------------------------------------------------------------------------- json


def test_json_shape_matches_the_readme(project: Path) -> None:
    out = render_json(run(["articles"]))
    data = json.loads(out)
    assert list(data) == ["version", "findings", "summary"]
    assert data["version"] == 1
    for f in data["findings"]:
        # A substitution finding adds its fix (README "Fixing"): fields are only ever added.
        assert list(f) == FINDING_KEYS + (["fix"] if "fix" in f else [])
        if "fix" in f:
            assert f["fix"]["safe"] is True and f["fix"]["edits"][0]["text"] == f["suggestion"]
            assert list(f["fix"]["edits"][0]) == ["path", "line", "column", "end_line", "end_column", "text"]
        assert isinstance(f["rule"], str) and isinstance(f["message"], str)
        assert f["severity"] in ("error", "warning", "info")
        for key in ("line", "column", "end_line", "end_column"):
            assert type(f[key]) is int and f[key] >= 1
        assert f["suggestion"] is None or isinstance(f["suggestion"], str)
        assert f["related"] == []
        assert re.fullmatch(r"[0-9a-f]{32}", f["fingerprint"])
    assert list(data["summary"]) == ["files", "findings", "by_severity"]
    assert list(data["summary"]["by_severity"]) == ["error", "warning", "info"]


def test_json_findings_positions_and_order(project: Path) -> None:
    data = json.loads(render_json(run(["articles"])))
    b = (project / "articles/b.txt").read_text(encoding="utf-8")
    a = (project / "articles/sub/a.md").read_text(encoding="utf-8")
    want = [
        {"rule": "house/anonymous", "severity": "info", **expected("articles/b.txt", b, "Sources said"),
         "suggestion": None},
        {"rule": "house/spelling", "severity": "warning", **expected("articles/b.txt", b, "goverment"),
         "suggestion": "government"},
        {"rule": "house/spelling", "severity": "warning", **expected("articles/b.txt", b, "untill"),
         "suggestion": "until"},
        {"rule": "house/spelling", "severity": "warning", **expected("articles/sub/a.md", a, "goverment"),
         "suggestion": "government"},
        {"rule": "house/banned", "severity": "error", **expected("articles/sub/a.md", a, "very unique"),
         "suggestion": None},
        {"rule": "house/anonymous", "severity": "info", **expected("articles/sub/a.md", a, "sources said"),
         "suggestion": None},
    ]
    got = [{k: f[k] for k in want[0]} for f in data["findings"]]
    assert got == want
    # Hand-checked anchors: columns count characters (the "é" is one), end_column is exclusive.
    assert (got[3]["line"], got[3]["column"], got[3]["end_column"]) == (1, 8, 17)
    assert (got[0]["line"], got[0]["column"], got[0]["end_column"]) == (3, 1, 13)
    assert data["findings"][0]["message"] == "Unnamed source ('Sources said')."
    assert data["findings"][1]["message"] == "'goverment' should be 'government'."
    # Sorted by path, line, column, rule.
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert keys == sorted(keys)


def test_json_summary_counts(project: Path) -> None:
    data = json.loads(render_json(run(["articles"])))
    by = {s: sum(f["severity"] == s for f in data["findings"]) for s in ("error", "warning", "info")}
    assert by == {"error": 1, "warning": 3, "info": 2}
    assert data["summary"] == {"files": 3, "findings": 6, "by_severity": by}


def test_json_paths_are_posix_and_relative_to_the_working_directory(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "articles")
    report = factcheck.scan(["."], Config(rules=(project / "house.yaml",), builtin_rules=False))
    paths = {f["path"] for f in json.loads(render_json(report))["findings"]}
    assert paths == {"b.txt", "sub/a.md"}


def test_json_is_byte_identical_across_runs(project: Path) -> None:
    first = render_json(run(["articles"]))
    second = render_json(run(["articles/sub/a.md", "articles"]))
    assert first == second
    assert first.endswith("}\n")


def test_json_related_locations_and_suppression_marks() -> None:
    loc = Location("a.txt", 3, 5, 3, 16, "Kim Long Un")
    other = Location("b.txt", 15, 78, 15, 89, "Kim Jong Un")
    f = Finding(rule="names/variant", severity="error", message="m", location=loc, suggestion="Kim Jong Un",
                related=(other,)).with_fingerprint()
    d = json_format.finding_to_json(f)
    assert list(d) == FINDING_KEYS
    assert d["related"] == [{"path": "b.txt", "line": 15, "column": 78, "excerpt": "Kim Jong Un"}]
    assert d["suggestion"] == "Kim Jong Un"
    from dataclasses import replace
    marked = json_format.finding_to_json(replace(f, suppressed="checked with the desk"))
    assert marked["suppressed"] == "checked with the desk"


# --------------------------------------------------------------------------- text


def test_text_shows_location_severity_rule_message_line_and_caret(project: Path) -> None:
    out = render_text(run(["articles/b.txt"])).splitlines()
    src_line = "Sources said the goverment would wait untill Monday."
    col = src_line.index("goverment") + 1
    i = out.index(f"articles/b.txt:3:{col}: warning [house/spelling] 'goverment' should be 'government'.")
    assert out[i + 1] == "    " + src_line
    assert out[i + 2] == "    " + " " * (col - 1) + "^" * len("goverment")
    assert out[i + 3] == "    suggestion: government"
    assert out[-1] == "1 file scanned, 3 findings (0 error, 2 warning, 1 info)"


def test_text_caret_under_every_finding(project: Path) -> None:
    out = render_text(run(["articles"])).splitlines()
    heads = [n for n, line in enumerate(out) if re.match(r"articles/\S+:\d+:\d+: (error|warning|info) \[", line)]
    assert len(heads) == 6
    for n in heads:
        m = re.search(r"\('([^']+)'\)|'([^']+)'", out[n])
        assert m is not None
        excerpt = m.group(1) or m.group(2)
        shown, marker = out[n + 1][4:], out[n + 2][4:]
        start = len(marker) - len(marker.lstrip(" "))
        assert set(marker.strip()) == {"^"}
        assert shown[start:start + len(marker.strip())] == excerpt


def test_text_windows_a_very_long_line_and_keeps_the_caret_on_the_span(project: Path) -> None:
    long_line = " ".join(f"word{i}" for i in range(120)) + " the goverment " + " ".join(
        f"tail{i}" for i in range(120))
    (project / "long.txt").write_text("Title\n\n" + long_line + "\n", encoding="utf-8")
    out = render_text(run(["long.txt"])).splitlines()
    col = long_line.index("goverment") + 1
    assert out[0] == f"long.txt:3:{col}: warning [house/spelling] 'goverment' should be 'government'."
    shown, marker = out[1][4:], out[2][4:]
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= text.WINDOW + 2 < len(long_line)
    start = marker.index("^")
    assert marker == " " * start + "^" * len("goverment")
    assert shown[start:start + len("goverment")] == "goverment"
    assert shown.strip("…") in long_line


@pytest.mark.parametrize(("length", "col", "end_col"), [
    (30, 1, 5), (30, 26, 31), (500, 1, 10), (500, 495, 501), (500, 250, 260), (500, 100, 400), (500, 7, 7),
])
def test_snippet_marker_always_under_the_span(length: int, col: int, end_col: int) -> None:
    line = "".join(chr(ord("a") + i % 26) for i in range(length))
    shown, marker = snippet(line, col, end_col)
    start = marker.index("^")
    width = len(marker) - start
    assert marker == " " * start + "^" * width
    assert width >= 1
    visible = shown[start:start + width]
    assert visible == line[col - 1:col - 1 + width]
    if end_col > col and end_col - col <= text.WINDOW:
        assert width == end_col - col
    assert len(shown) <= text.WINDOW + 2


# --------------------------------------------------------------------------- fingerprints


def _fingerprints(report: factcheck.Report) -> dict[tuple[str, str], tuple[str, int]]:
    return {(f.rule, f.location.excerpt): (f.fingerprint, f.location.line) for f in report.findings}


def test_fingerprint_survives_lines_inserted_above(project: Path) -> None:
    before = _fingerprints(run(["articles/b.txt"]))
    path = project / "articles/b.txt"
    path.write_text("\n\n\nA new first paragraph.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = _fingerprints(run(["articles/b.txt"]))
    assert before.keys() == after.keys()
    for key, (fp, line) in before.items():
        assert after[key] == (fp, line + 4)


def test_fingerprint_differs_for_a_different_excerpt_rule_or_path() -> None:
    loc = Location("a.txt", 1, 1, 1, 10, "goverment")
    base = Finding(rule="house/spelling", severity="warning", message="m", location=loc)
    same_elsewhere = Finding(rule="house/spelling", severity="warning", message="other message",
                             location=Location("a.txt", 40, 7, 40, 16, "goverment"))
    assert fingerprint(base) == fingerprint(same_elsewhere)
    variants = [
        Finding(rule="house/spelling", severity="warning", message="m",
                location=Location("a.txt", 1, 1, 1, 7, "untill")),
        Finding(rule="house/other", severity="warning", message="m", location=loc),
        Finding(rule="house/spelling", severity="warning", message="m",
                location=Location("b.txt", 1, 1, 1, 10, "goverment")),
    ]
    assert len({fingerprint(base), *(fingerprint(v) for v in variants)}) == 4
    # Whitespace inside the excerpt is folded: a re-wrapped paragraph keeps its identity.
    wrapped = Finding(rule="house/spelling", severity="warning", message="m",
                      location=Location("a.txt", 1, 1, 2, 5, "sources\n  said"))
    flat = Finding(rule="house/spelling", severity="warning", message="m",
                   location=Location("a.txt", 9, 1, 9, 13, "sources said"))
    assert fingerprint(wrapped) == fingerprint(flat)


def test_fingerprint_in_scan_differs_for_different_excerpts(project: Path) -> None:
    prints = [f.fingerprint for f in run(["articles"]).findings]
    assert len(prints) == len(set(prints)) == 6


def test_scan_with_explicit_rules_uses_them_even_for_large_scans(tmp_path: Path) -> None:
    # 200+ files would go to worker processes, which load rules from the config.
    from factcheck.config import Config
    from factcheck.engine import scan
    from factcheck.rules.loader import load_rule_file

    rule_file = tmp_path / "r.yaml"
    rule_file.write_text("id: house/x\ntype: pattern\nseverity: error\nmessage: m\nwords: [zebra]\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(210):
        (docs / f"{i:03}.txt").write_text("A zebra.\n" if i == 7 else "A horse.\n", encoding="utf-8")
    report = scan([docs], Config(builtin_rules=False), rules=load_rule_file(rule_file))
    assert [(f.rule, Path(f.path).name) for f in report.findings] == [("house/x", "007.txt")]
