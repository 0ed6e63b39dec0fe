"""Scanning fsspec URLs (factcheck.remote), on fsspec's in-memory filesystem."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.errors import FactcheckError
from factcheck.files import find_documents, read_limited
from factcheck.remote import UrlPath, is_url

fsspec = pytest.importorskip("fsspec")


@pytest.fixture
def store(seeds_dir: Path) -> Iterator[Any]:
    """The seeds under memory://news (plus a hidden file, a file of another type, a draft), removed afterwards."""
    fs = fsspec.filesystem("memory")
    for p in sorted(seeds_dir.iterdir()):
        fs.pipe(f"/news/{p.name}", p.read_bytes())
    fs.pipe("/news/.hidden.md", b"Noth Korea")
    fs.pipe("/news/data.csv", b"a,b")
    fs.pipe("/news/drafts/x.md", b"Kim Long Un spoke.")
    yield fs
    fs.rm("/news", recursive=True)


def _shape(findings: list[Any], prefix: str) -> list[tuple[object, ...]]:
    return [(f.rule, f.path.removeprefix(prefix), f.location.line, f.location.column, f.location.excerpt,
             f.message.replace(prefix, "")) for f in findings]


def test_a_memory_folder_gives_the_findings_of_the_same_files_on_disk(store: Any, seeds_dir: Path) -> None:
    remote = scan(["memory://news"], Config(exclude=("drafts",)))
    local = scan([seeds_dir])
    assert remote.findings and [d.path for d in remote.documents] == \
        [f"memory://news/{p.name}" for p in sorted(seeds_dir.iterdir())]  # no hidden file, no csv, no draft
    assert _shape(remote.findings, "memory://news/") == _shape(local.findings, "seeds/")
    assert all(loc.path.startswith("memory://news/") for f in remote.findings for loc in f.related)


def test_worker_processes_receive_url_paths_whole(store: Any) -> None:
    one = scan(["memory://news"], Config(exclude=("drafts",), jobs=1))
    two = scan(["memory://news"], Config(exclude=("drafts",), jobs=2))  # forked workers see the store as it was
    assert [f.fingerprint for f in two.findings] == [f.fingerprint for f in one.findings]
    assert [f.message for f in two.findings] == [f.message for f in one.findings]


def test_one_file_by_url_and_the_size_limit(store: Any) -> None:
    found = find_documents(["memory://news/data.csv"])  # named explicitly: taken whatever its suffix
    assert [str(p) for p in found.files] == ["memory://news/data.csv"]
    assert read_limited(found.files[0]) == b"a,b"
    with pytest.raises(Exception, match="over the size limit"):
        read_limited(UrlPath.of("memory://news/drafts/x.md"), max_size=5)


def test_a_missing_url_is_one_user_error(store: Any) -> None:
    with pytest.raises(FactcheckError, match="no such file"):
        find_documents(["memory://nowhere"])
    result = CliRunner().invoke(app, ["scan", "memory://nowhere"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output and "Traceback" not in result.output


def test_the_cli_scans_a_url_and_reports_its_paths(store: Any) -> None:
    result = CliRunner().invoke(app, ["scan", "memory://news", "--no-cache", "--format", "json",
                                      "--exclude", "drafts"])
    assert result.exit_code == 1, result.output
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths and all(p.startswith("memory://news/") for p in paths)


def test_without_fsspec_a_url_is_one_user_error_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "fsspec", None)  # what `import fsspec` sees when absent
    result = CliRunner().invoke(app, ["scan", "s3://bucket/news"])
    assert result.exit_code == 2
    assert "pip install 'factcheck-news[dask]'" in result.output and "Traceback" not in result.output


def test_a_url_path_pickles_whole_and_is_not_a_local_path() -> None:
    p = UrlPath.of("s3://bucket/news/a.md")
    assert pickle.loads(pickle.dumps(p)) == p and str(pickle.loads(pickle.dumps(p))) == "s3://bucket/news/a.md"
    assert p.suffix == ".md" and is_url(p) and is_url("gs://b/x") and not is_url("news/a.md")
    assert not is_url("C://x")  # a drive letter, not a scheme
