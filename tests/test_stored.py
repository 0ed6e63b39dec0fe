"""Documents whose texts stay in their files after the map phase (factcheck.stored)."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import stored as stored_mod
from factcheck.config import Config
from factcheck.documents import load_document
from factcheck.engine import _worker_init, _worker_run, scan
from factcheck.errors import FactcheckError
from factcheck.fixer import FixMode, run_fixes
from factcheck.report import RenderContext, json_format, text
from factcheck.stored import DocumentChanged, StoredDocument, TextStore, stored


@pytest.fixture
def seeds(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return Path("seeds")


@pytest.fixture
def small_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[TextStore]:
    """A text store with room for about one seed article at a time."""
    store = TextStore(budget=3_000)
    monkeypatch.setattr(stored_mod, "TEXTS", store)
    yield store


def test_a_scan_keeps_no_document_text(seeds: Path) -> None:
    report = scan([seeds])
    assert report.documents and all(isinstance(d, StoredDocument) for d in report.documents)
    for doc in report.documents:
        full, _w = load_document(Path(doc.path))
        assert "source" not in vars(doc) and "text" not in vars(doc)
        # what the scanning process holds of it, and what a worker sends, is a fraction of its text
        sent = pickle.dumps(doc)
        assert full.source[:100].encode() not in sent and len(sent) < 800
        # read back on use, the very texts the map step analysed
        assert (doc.source, doc.text, doc.title, doc.pub_date) == (full.source, full.text, full.title, full.pub_date)
        assert doc.locate(5, 20) == full.locate(5, 20)
        assert doc.line_text(1) == full.line_text(1)


def test_a_worker_sends_its_document_without_text(seeds: Path) -> None:
    _worker_init(Config())
    path = sorted(seeds.iterdir())[0]
    result = _worker_run(path)
    assert isinstance(result.doc, StoredDocument)
    sent = pickle.loads(pickle.dumps(result))
    assert sent.doc == result.doc and hash(sent.doc) == hash(result.doc)
    assert sent.doc.text == path.read_text(encoding="utf-8")
    assert len(pickle.dumps(result.doc)) < len(sent.doc.source) / 4


def test_findings_do_not_depend_on_how_many_texts_are_kept(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = RenderContext(version="test")
    roomy = json_format.render(scan([seeds]), ctx)
    store = TextStore(budget=3_000)  # about one article: every other read is a re-read
    monkeypatch.setattr(stored_mod, "TEXTS", store)
    tight = scan([seeds])
    assert json_format.render(tight, ctx) == roomy
    assert store.reads > len(tight.documents)  # read back more than once each: the budget held
    assert text.render(tight, ctx) == text.render(scan([seeds]), ctx)


def test_a_scan_without_workers_keeps_the_texts_it_analysed(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scanning process that analyses the files itself keeps their texts (within the budget), so
    the corpus phase and the report read no file again; the texts are the files' own."""
    store = TextStore()
    monkeypatch.setattr(stored_mod, "TEXTS", store)
    report = scan([seeds], Config(jobs=1))
    rendered = text.render(report, RenderContext(version="test"))  # shows each finding's source line
    assert store.reads == 0 and report.findings
    for doc in report.documents:
        assert isinstance(doc, StoredDocument)
        full, _w = load_document(Path(doc.path))
        assert (doc.source, doc.text, doc.line_text(1)) == (full.source, full.text, full.line_text(1))
        assert doc.locate(5, 20) == full.locate(5, 20)
    store.clear()  # read back from the files instead: the same report
    reads = store.reads
    assert text.render(report, RenderContext(version="test")) == rendered and store.reads > reads


def test_kept_texts_stay_within_the_budget(seeds: Path, small_store: TextStore) -> None:
    report = scan([seeds], Config(jobs=1))
    assert small_store._size <= small_store.budget or len(small_store._kept) == 1
    assert len(small_store._kept) < len(report.documents)


def test_the_store_keeps_the_most_recent_texts_within_its_budget(seeds: Path) -> None:
    docs = scan([seeds]).documents
    store = TextStore(budget=1)
    first, second = [d for d in docs if isinstance(d, StoredDocument)][:2]
    store.get(first)
    assert store.get(first) is store.get(first) and store.reads == 1
    store.get(second)  # over budget: the first one goes, the newest always stays
    assert store.reads == 2
    store.get(first)
    assert store.reads == 3


def test_a_file_changed_after_its_scan_is_said_to_have_changed(seeds: Path) -> None:
    report = scan([seeds])
    doc = next(d for d in report.documents if any(f.path == d.path for f in report.visible()))
    stored_mod.TEXTS.clear()
    Path(doc.path).write_text("Something else entirely.\n", encoding="utf-8")
    with pytest.raises(DocumentChanged, match="changed since it was scanned") as err:
        _ = doc.text
    assert isinstance(err.value, FactcheckError) and doc.path in str(err.value)  # one line, exit 2
    shown = text.render(report, RenderContext())
    assert "the file changed after it was scanned: no excerpt" in shown
    Path(doc.path).unlink()
    with pytest.raises(DocumentChanged):
        _ = doc.source


def test_fix_leaves_a_file_changed_during_the_scan_alone(seeds: Path) -> None:
    config = Config()
    target = Path("seeds/001_01d226c4d8e25899.txt")  # the one with safe fixes

    def scan_then_edit() -> object:
        report = scan([seeds], config)
        stored_mod.TEXTS.clear()
        target.write_text(target.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
        return report

    outcome = run_fixes([seeds], config, FixMode(write=True), scan_then_edit)  # type: ignore[arg-type]
    assert outcome.applied == 0
    assert f"{target.as_posix()}: changed during the scan; not fixed" in outcome.warnings
    assert target.read_text(encoding="utf-8").endswith("\nAn added line.\n")


def test_stored_keeps_a_stored_document_as_it_is(seeds: Path) -> None:
    path = sorted(seeds.iterdir())[0]
    doc, _w = load_document(path)
    once = stored(doc, path, path.read_bytes())
    assert stored(once, path) is once


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_edited_during_the_map_phase_is_analysed_again(seeds: Path, jobs: int) -> None:
    """Editors keep writing while an archive is scanned: a file edited after its map step is analysed
    again before the corpus phase (which reads texts back), not a reason to stop the scan."""
    target = Path("seeds/001_01d226c4d8e25899.txt")
    original = target.read_text(encoding="utf-8")
    assert "Kim Long Un" in original

    def edit_when_all_are_analysed(done: int, total: int) -> None:
        if done == total:
            target.write_text(original.replace("Kim Long Un", "Kim Jong Un"), encoding="utf-8")

    config = Config(jobs=jobs)
    report = scan([seeds], config, progress=edit_when_all_are_analysed)
    assert f"{target.as_posix()}: changed during the scan; analysed again as it is now" in report.warnings
    assert not any("Kim Long Un" in f.message for f in report.visible())
    stored_mod.TEXTS.clear()
    again = scan([seeds], config)  # the edited corpus scanned from the start gives the same findings
    assert json_format.render(report, RenderContext()) == json_format.render(again, RenderContext())


def test_an_unedited_scan_warns_of_no_change(seeds: Path) -> None:
    report = scan([seeds], Config(jobs=1))
    assert not any("changed during the scan" in w for w in report.warnings)
