"""``bench/precision_audit.py``: hand-read verdicts of error+warning findings, joined to a scan.

The verdicts are data (``bench/data/precision_ecbplus.tsv``); these tests check the
join on made-up scans, and that every error or warning finding factcheck gives on
untouched ECB+ today has been read (a change that adds one must classify it in the
same commit, as issue 27 asks of the hand-read sample).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import bench_module


def _audit() -> ModuleType:
    return bench_module("precision_audit")


def _finding(rule: str, path: str, line: int, excerpt: str, severity: str = "warning") -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "path": path, "line": line, "excerpt": excerpt, "message": "m"}


def _write(tmp_path: Path, rows: list[str], findings: list[dict[str, Any]]) -> tuple[Path, Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    audit = tmp_path / "audit.tsv"
    audit.write_text("# rule\tpath\tline\texcerpt\tverdict\treason\n" + "".join(r + "\n" for r in rows),
                     encoding="utf-8")
    scan = tmp_path / "scan.json"
    scan.write_text(json.dumps({"findings": findings, "summary": {"files": 200}}), encoding="utf-8")
    return corpus, audit, scan


def test_counts_verdicts_and_false_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, audit, scan = _write(tmp_path, [
        "names/variant\t1/a.txt\t3\tKim Long Un\ttrue\ta slip",
        "names/variant\t1/b.txt\t4\tWoodland\tfalse\tanother place",
        "figures/conflict\t2/c.txt\t5\t12 feet\tdebatable\trounding?",
    ], [
        _finding("names/variant", "corpus/1/a.txt", 3, "Kim Long Un", "error"),
        _finding("names/variant", "corpus/1/b.txt", 4, "Woodland", "error"),
        _finding("figures/conflict", "corpus/2/c.txt", 5, "12  feet"),  # spacing is not a new excerpt
        _finding("names/style", "corpus/2/c.txt", 6, "Doe", "info"),  # info is never audited
    ])
    assert _audit().main([str(corpus), "--audit", str(audit), "--scan", str(scan)]) == 0
    out = capsys.readouterr().out
    assert "true 1, debatable 1, false 1: 33.3 % true" in out
    assert "false errors per 100 articles: 0.50" in out


def test_unread_findings_and_gone_verdicts_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, audit, scan = _write(tmp_path, ["names/variant\t1/a.txt\t3\tKim Long Un\ttrue\ta slip"],
                                 [_finding("quotes/drift", "corpus/1/a.txt", 9, "I think so")])
    assert _audit().main([str(corpus), "--audit", str(audit), "--scan", str(scan)]) == 1
    out = capsys.readouterr().out
    assert "gone: names/variant 1/a.txt:3 'Kim Long Un' (was true)" in out
    assert "to read: quotes/drift warning 1/a.txt:9 'I think so'" in out


def test_a_malformed_verdict_names_its_line(tmp_path: Path) -> None:
    corpus, audit, scan = _write(tmp_path, ["names/variant\t1/a.txt\t3\tKim Long Un\tmaybe\t?"], [])
    with pytest.raises(SystemExit, match=r"audit.tsv:2: expected rule"):
        _audit().main([str(corpus), "--audit", str(audit), "--scan", str(scan)])


def test_every_error_and_warning_on_untouched_ecbplus_has_a_verdict(ecbplus_dir: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = _audit().main([str(ecbplus_dir)])
    out = capsys.readouterr().out
    assert code == 0, "classify these in bench/data/precision_ecbplus.tsv:\n" + out
    assert "gone:" not in out, "drop verdicts of findings that are gone:\n" + out
