"""The editor's corpus (factcheck.lsp.corpus): the same findings as a scan, files analysed once, buffers in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import factcheck.lsp.corpus as corpus_mod
from factcheck.engine import scan
from factcheck.lsp.corpus import WorkspaceCorpus

KIM = "001_01d226c4d8e25899.txt"
OTHER = "000_018bb7910cb6849a.txt"


def _key(f: object) -> tuple[object, ...]:
    return (f.rule, f.location, f.message, f.suggestion, f.related)  # type: ignore[attr-defined]


def test_a_buffer_gets_the_findings_a_scan_of_the_folder_reports(workspace: Path) -> None:
    path = workspace / KIM
    checked = WorkspaceCorpus.discover(workspace).check(path, path.read_text(encoding="utf-8"))
    report = scan([workspace])
    expected = [_key(f) for f in report.visible() if f.path == checked.doc.path]
    assert expected and [_key(f) for f in checked.findings] == expected
    assert any("Kim Long Un" in f.message for f in checked.findings)


def test_files_are_analysed_once_until_they_change(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    real = corpus_mod.analyse_file

    def counting(path: Path, *args: object) -> object:
        calls.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_mod, "analyse_file", counting)
    corpus = WorkspaceCorpus.discover(workspace)
    path = workspace / KIM
    text = path.read_text(encoding="utf-8")
    corpus.check(path, text)
    assert sorted(p.name for p in calls) == sorted(p.name for p in workspace.iterdir() if p.name != KIM)
    calls.clear()
    corpus.check(path, text + "\nMore words.\n")
    assert calls == []  # a keystroke re-analyses only the buffer
    other = workspace / OTHER
    other.write_text(other.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    st = other.stat()
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    corpus.check(path, text)
    assert [p.name for p in calls] == [OTHER]


def test_open_buffers_replace_their_files(workspace: Path) -> None:
    corpus = WorkspaceCorpus.discover(workspace)
    path, other = workspace / KIM, workspace / OTHER
    text = path.read_text(encoding="utf-8")

    def kim_related_lines(buffers: dict[Path, str]) -> list[int]:
        (f,) = [f for f in corpus.check(path, text, buffers).findings if "Kim Long Un" in f.message]
        return [r.line for r in f.related if r.path.endswith(OTHER)]

    on_disk = kim_related_lines({})
    assert on_disk
    unsaved = "Two lines\nadded above.\n" + other.read_text(encoding="utf-8")
    assert kim_related_lines({other: unsaved}) == [n + 2 for n in on_disk]
