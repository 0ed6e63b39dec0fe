"""The on-disk cache: hits, misses, rebuilt entries, the codec, the directory's markers, and the CLI.

Every test compares against a scan without the cache: the cache may only ever
make a scan faster, never change what it reports.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factcheck.engine as engine
from factcheck.cache import DocCache, DocEntry, code_digest, open_cache
from factcheck.cache.codec import DecodeError, EncodeError, decode, encode, sharing
from factcheck.cache.lazy import LaterParts
from factcheck.cache.store import CACHEDIR_SIGNATURE, is_tagged
from factcheck.claims.base import Attrs
from factcheck.cli import app
from factcheck.config import Config, load_config
from factcheck.documents import Metadata
from factcheck.engine import scan
from factcheck.errors import ConfigError
from factcheck.report import FORMATTERS, RenderContext
from factcheck.wordstats import NameUse
from factcheck.workers import cpu_count
from tests.conftest import SEEDS, one_error_line


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds in a fresh working directory (the cache lands beside it)."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return Path("seeds")


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The display paths the map step analyses (instead of taking from the cache), in order."""
    seen: list[str] = []
    real = engine.analyse_file

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(engine, "analyse_file", counting)
    yield seen


def as_json(report: engine.Report) -> str:
    return FORMATTERS["json"](report, RenderContext(version="test"))


def cached(cache_dir: Path | str = ".factcheck_cache") -> Config:
    return Config(cache_dir=Path(cache_dir), jobs=1)


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("v*/*/docs/*/*.json"))


# --------------------------------------------------------------------------- hits and misses


def test_a_second_scan_analyses_nothing_and_reports_the_same(corpus: Path, analysed: list[str]) -> None:
    plain = as_json(scan([corpus], Config(jobs=1)))
    n = len(analysed)
    assert n == len(list(corpus.iterdir()))
    cold = as_json(scan([corpus], cached()))
    assert len(analysed) == 2 * n
    warm = as_json(scan([corpus], cached()))
    assert len(analysed) == 2 * n  # every document from the cache
    assert cold == warm == plain
    assert len(entries(Path(".factcheck_cache"))) == n


def test_a_changed_article_alone_is_analysed_again(corpus: Path, analysed: list[str]) -> None:
    scan([corpus], cached())
    target = sorted(corpus.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nThe council has 16 members, officials said.\n",
                      encoding="utf-8")
    analysed.clear()
    changed = as_json(scan([corpus], cached()))
    assert analysed == [target.name]
    assert changed == as_json(scan([corpus], Config(jobs=1)))
    assert len(entries(Path(".factcheck_cache"))) == len(list(corpus.iterdir()))  # replaced, not added


def test_the_corpus_phase_is_reused_only_for_the_same_documents(corpus: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = engine.run_corpus_rules

    def counting(rules: Any, docs: Any, *args: Any) -> Any:
        calls.append(len(docs))
        return real(rules, docs, *args)

    monkeypatch.setattr(engine, "run_corpus_rules", counting)
    first = as_json(scan([corpus], cached()))
    again = as_json(scan([corpus], cached()))
    assert calls == [len(list(corpus.iterdir()))] and first == again
    (corpus / "extra.txt").write_text("Officials said 12 people were hurt.\n", encoding="utf-8")
    scan([corpus], cached())
    assert len(calls) == 2


def test_the_last_corpus_phase_of_other_documents_is_never_parsed(corpus: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """After a change, ``corpus.json`` holds the phase of the former documents: refused from its first
    bytes, without parsing the rest; an unchanged corpus still reuses it."""
    import factcheck.cache.store as store

    first = as_json(scan([corpus], cached()))
    (stored,) = Path(".factcheck_cache").glob("v*/*/corpus.json")
    parsed: list[int] = []
    real = store.json.loads

    def loads(data: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(store.json, "loads", loads)
    size = stored.stat().st_size
    assert as_json(scan([corpus], cached())) == first and size in parsed  # reused: read whole
    parsed.clear()
    target = sorted(corpus.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nOfficials said 12 people were hurt.\n",
                      encoding="utf-8")
    changed = as_json(scan([corpus], cached()))
    assert size not in parsed
    assert changed == as_json(scan([corpus], Config(jobs=1)))


def test_settings_that_shape_results_get_their_own_entries(corpus: Path, analysed: list[str]) -> None:
    scan([corpus], cached())
    n = len(analysed)
    narrowed = as_json(scan([corpus], Config(cache_dir=Path(".factcheck_cache"), jobs=1, select=("names",))))
    assert len(analysed) == 2 * n  # another selection: nothing reused
    assert narrowed == as_json(scan([corpus], Config(jobs=1, select=("names",))))
    assert len(list(Path(".factcheck_cache").glob("v*/*"))) == 2
    analysed.clear()
    dated = Config(cache_dir=Path(".factcheck_cache"), jobs=1, documents=(("*", dt.date(2001, 1, 1)),))
    scan([corpus], dated)
    assert len(analysed) == n  # a config date changes documents' metadata


def test_a_changed_rule_file_is_a_new_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Officials said the goverment had agreed.\n", encoding="utf-8")
    rules = tmp_path / "house.yaml"
    rule = ("- id: house/swap\n  type: substitution\n  severity: warning\n  message: \"'{match}' should be "
            "'{suggestion}'.\"\n  swap: {%s: government}\n")
    rules.write_text(rule % "goverment", encoding="utf-8")
    config = Config(cache_dir=Path("c"), jobs=1, rules=(rules,), builtin_rules=False)
    assert [f.location.excerpt for f in scan(["a.txt"], config).findings] == ["goverment"]
    rules.write_text(rule % "agred", encoding="utf-8")
    assert [f.location.excerpt for f in scan(["a.txt"], config).findings] == []


def test_the_code_digest_is_stable_and_covers_the_package() -> None:
    assert code_digest() == code_digest()
    assert len(code_digest()) == 64


# --------------------------------------------------------------------------- entries that must not be trusted


def _bad_entries(entry: Path) -> Iterator[bytes]:
    good = entry.read_bytes()
    yield good[: len(good) // 2]  # truncated
    yield b""
    yield b"\xff\xfe not json"
    yield b"[]"
    stored = json.loads(good)
    for key, value in (("format", 999), ("key", "0" * 64), ("path", "elsewhere.txt"), ("content", "0" * 64)):
        yield json.dumps({**stored, key: value}).encode()
    claims = stored["entry"][1]
    if claims:
        wrong = json.loads(json.dumps(stored))
        wrong["entry"][1][0][1] = "not an offset"  # a claim's start
        yield json.dumps(wrong).encode()
        extra = json.loads(json.dumps(stored))
        extra["entry"][1][0].append("one field too many")
        yield json.dumps(extra).encode()
        tagged = json.loads(json.dumps(stored))
        tagged["entry"][1][0][4] = {"__import__": "os"}  # a claim's value with an unknown tag
        yield json.dumps(tagged).encode()


def test_corrupt_truncated_and_foreign_entries_are_rebuilt(corpus: Path, analysed: list[str]) -> None:
    expected = as_json(scan([corpus], Config(jobs=1)))
    scan([corpus], cached())
    root = Path(".factcheck_cache")
    target = max(entries(root), key=lambda p: p.stat().st_size)
    for bad in _bad_entries(target):
        target.write_bytes(bad)
        analysed.clear()
        assert as_json(scan([corpus], cached())) == expected
        assert len(analysed) == 1, bad[:80]
        json.loads(target.read_bytes())  # rebuilt whole


def test_a_warm_re_scan_never_reads_the_story_evidence_and_word_statistics(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """They are read only when the corpus phase runs: a re-scan of unchanged files reuses it whole."""
    first = as_json(scan([corpus], cached()))
    loads: list[str] = []
    real = LaterParts.load

    def load(self: LaterParts, lower: bool = True) -> Any:
        loads.append(self.text[:20])
        return real(self, lower)

    monkeypatch.setattr(LaterParts, "load", load)
    assert as_json(scan([corpus], cached())) == first
    assert loads == []


def _bad_later(stored: dict[str, Any]) -> Iterator[dict[str, Any]]:
    text = stored["later"]
    for later in (text[: len(text) // 2], "", "[]", "[null]", '{"a": 1}', json.dumps([[1], None]), 42, None):
        yield {**stored, "later": later}
    inline = json.loads(json.dumps(stored))
    inline["entry"][4] = json.loads(text)[0]  # the story evidence in the entry itself: not what this code writes
    yield inline


def test_corrupt_story_evidence_and_word_statistics_are_computed_again_and_rewritten(
        corpus: Path, analysed: list[str]) -> None:
    """A main entry whose deferred parts do not decode is still used for what does, its parts are
    computed from the document when the corpus phase needs them, and the entry is written whole again;
    malformed framing around them is a plain miss.  The report is a cold scan's either way."""
    scan([corpus], cached())
    root = Path(".factcheck_cache")
    target = max(entries(root), key=lambda p: p.stat().st_size)
    good = json.loads(target.read_bytes())
    other = next(p for p in sorted(corpus.iterdir()) if p.name != Path(good["path"]).name)
    for n, bad in enumerate(_bad_later(good)):
        # Another file changes too, so that the corpus phase runs and reads every document's parts.
        other.write_text(other.read_text(encoding="utf-8") + f"\nOfficials said {n + 2} people left.\n",
                         encoding="utf-8")
        target.write_text(json.dumps(bad), encoding="utf-8")
        analysed.clear()
        got = as_json(scan([corpus], cached()))
        framing = type(bad["later"]) is not str or bad["entry"][4] is not None
        assert sorted(analysed) == sorted([*([Path(good["path"]).name] if framing else []), other.name])
        assert got == as_json(scan([corpus], Config(jobs=1))), bad.get("later")
        rebuilt = json.loads(target.read_bytes())
        assert type(rebuilt["later"]) is str and LaterParts(rebuilt["later"], rebuilt["lower"]).load() is not None
        assert rebuilt["later"] == good["later"]


def test_a_pickle_in_the_cache_is_never_unpickled(corpus: Path, tmp_path: Path) -> None:
    scan([corpus], cached())
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {marker}",))

    for entry in entries(Path(".factcheck_cache")):
        entry.write_bytes(pickle.dumps(Exploit()))
    assert as_json(scan([corpus], cached())) == as_json(scan([corpus], Config(jobs=1)))
    assert not marker.exists()


def test_a_symlinked_folder_in_the_cache_does_not_lead_writes_elsewhere(corpus: Path, tmp_path: Path) -> None:
    scan([corpus], cached())
    outside = tmp_path / "outside"
    outside.mkdir()
    for entry in entries(Path(".factcheck_cache")):
        shard = entry.parent
        if not shard.is_symlink():
            shutil.rmtree(shard)
            shard.symlink_to(outside, target_is_directory=True)
    assert as_json(scan([corpus], cached())) == as_json(scan([corpus], Config(jobs=1)))
    assert list(outside.iterdir()) == []


# --------------------------------------------------------------------------- the codec


def _seed_results() -> list[engine._FileResult]:
    config = Config(jobs=1)
    rules = engine.active_rules(config)
    kinds = engine.needed_kinds(rules)
    return [engine.analyse_file(p, config, rules, kinds) for p in sorted(SEEDS.iterdir())]


def test_the_codec_gives_back_equal_records_of_the_same_types() -> None:
    for res in _seed_results():
        assert res.doc is not None
        entry = DocEntry(Metadata.of(res.doc), tuple(res.claims), tuple(res.findings), res.suppressions,
                         res.features)
        back = decode(json.loads(json.dumps(encode(entry, DocEntry))), DocEntry)
        assert back == entry
        # attrs and data are compare=False: checked on their own, with their types
        assert [dict(c.attrs) for c in back.claims] == [dict(c.attrs) for c in entry.claims]
        assert all(type(c.attrs) is Attrs for c in back.claims)
        assert [f.data for f in back.findings] == [f.data for f in entry.findings]
        assert [repr(c.value) for c in back.claims] == [repr(c.value) for c in entry.claims]


def test_decoding_inside_sharing_gives_equal_values_shared_as_the_compact_results_are() -> None:
    """A re-scan reads cached entries straight into their compact form: every value as decoded
    without sharing (types, attributes and data included), equal strings, attributes, feature pairs
    and name mentions one object across entries -- never an int standing in for a float or a bool."""
    entries = []
    for res in _seed_results():
        assert res.doc is not None
        entries.append(json.loads(json.dumps(encode(DocEntry(Metadata.of(res.doc), tuple(res.claims),
                                                             tuple(res.findings), res.suppressions, res.features),
                                                    DocEntry))))
    plain = [decode(e, DocEntry) for e in entries]
    with sharing():
        shared = [decode(e, DocEntry) for e in entries]
    assert repr(shared) == repr(plain)
    assert [[dict(c.attrs) for c in e.claims] for e in shared] == [[dict(c.attrs) for c in e.claims] for e in plain]
    assert all(type(c.attrs) is Attrs for e in shared for c in e.claims)
    assert [[f.data for f in e.findings] for e in shared] == [[f.data for f in e.findings] for e in plain]
    texts: dict[str, int] = {}
    attrs: dict[str, int] = {}
    for e in shared:
        for c in e.claims:
            assert texts.setdefault(c.text, id(c.text)) == id(c.text)
            if c.attrs:
                assert attrs.setdefault(repr(dict(c.attrs)), id(c.attrs)) == id(c.attrs)
    pairs = [p for e in shared if e.features for p in e.features.counts]
    assert len({id(p) for p in pairs}) == len(set(pairs)) < len(pairs)
    names = [m for e in shared if e.features for m in e.features.names]
    assert len({id(m) for m in names}) == len(set(names)) < len(names)
    with sharing():
        mixed = decode([[["a", "b", "c"], [1, 1.0, 2]], {"x": 1}, {"x": 1.0}, {"x": True}],
                       tuple[tuple[tuple[str, float], ...], Mapping[str, Any], Mapping[str, Any], Mapping[str, Any]])
    assert [type(n) for _k, n in mixed[0]] == [int, float, int]
    assert [type(m["x"]) for m in mixed[1:]] == [int, float, bool]


def test_records_of_scalar_fields_are_stored_as_columns_and_read_back_equal() -> None:
    uses = (NameUse("Kim Jong Un", 0, 11, "person", False, None), NameUse("Seoul", 20, 25, None, True, "Mayor"))
    data = json.loads(json.dumps(encode(uses, tuple[NameUse, ...])))
    assert data == [["Kim Jong Un", "Seoul"], [0, 20], [11, 25], ["person", None], [False, True], [None, "Mayor"]]
    assert decode(data, tuple[NameUse, ...]) == uses
    with sharing():
        twice = decode([data, data], tuple[tuple[NameUse, ...], tuple[NameUse, ...]])
    assert twice == (uses, uses) and twice[0][0].text is twice[1][0].text
    assert [type(u.linked) for u in twice[0]] == [bool, bool]
    assert decode(encode((), tuple[NameUse, ...]), tuple[NameUse, ...]) == ()
    with pytest.raises(EncodeError):
        encode((NameUse("a", 0, 1, None, False), "b"), tuple[NameUse, ...])


def test_any_values_keep_tuples_dates_and_odd_keys() -> None:
    value = {"t": (1, (2.5, "x")), "d": dt.date(2020, 2, 29), "l": [None, True], "__odd": {"__tuple__": 1}}
    assert decode(json.loads(json.dumps(encode(value, Any))), Any) == value  # type: ignore[arg-type]


@pytest.mark.parametrize("data, tp", [
    ("1", int), (True, int), (1.5, int), (None, str), ([1, 2, 3], tuple[int, int]), ({"a": 1}, list[int]),
    ("2020-13-45", dt.date), ({"__set__": [1]}, Any), ({"__tuple__": 1}, Any),
    ({"__tuple__": [], "x": 1}, Any), (object(), Any),
    ([["a"], [1, 2]], tuple[tuple[str, int], ...]), ([["a"], ["x"]], tuple[tuple[str, int], ...]),
    ([["a", 1]], tuple[tuple[str, int], ...]), (["a", 1], tuple[str, ...]), ("ab", tuple[str, ...]),
    ([["a"], [0], [1], [None], [False]], tuple[NameUse, ...]),  # a column missing
    ([["a", "b"], [0], [1], [None], [False], [None]], tuple[NameUse, ...]),  # ragged columns
    ([["a"], ["0"], [1], [None], [False], [None]], tuple[NameUse, ...]),  # a string for an offset
    ([["a"], [0], [1], [None], [0], [None]], tuple[NameUse, ...]),  # an int for a bool
    ([["a", 0, 1, None, False, None]], tuple[NameUse, ...]),  # a record as a row
])
def test_the_codec_refuses_what_the_types_do_not_allow(data: Any, tp: Any) -> None:
    with pytest.raises(DecodeError):
        decode(data, tp)


def test_the_codec_refuses_to_write_what_it_could_not_read_back() -> None:
    with pytest.raises(EncodeError):
        encode({1: "a"}, Any)
    with pytest.raises(EncodeError):
        encode({"s": {1, 2}}, Any)
    with pytest.raises(EncodeError):
        encode("x", int)


# --------------------------------------------------------------------------- the directory


def test_the_cache_directory_is_marked_and_ignored_by_git(corpus: Path) -> None:
    scan([corpus], cached())
    root = Path(".factcheck_cache")
    assert (root / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (root / "CACHEDIR.TAG").read_text(encoding="utf-8").splitlines()[0] == CACHEDIR_SIGNATURE
    assert is_tagged(root)


def test_an_unusable_cache_directory_is_one_warning(corpus: Path) -> None:
    Path("blocker").write_text("a file, not a folder\n", encoding="utf-8")
    expected = as_json(scan([corpus], Config(jobs=1)))
    report = scan([corpus], cached("blocker/cache"))
    assert as_json(report) == expected
    warnings = [w for w in report.warnings if "cache" in w]
    assert len(warnings) == 1 and "\n" not in warnings[0] and "scanning without the cache" in warnings[0]
    result = CliRunner().invoke(app, ["scan", str(corpus), "--format", "json", "--cache-dir", "blocker/cache"])
    assert result.exit_code == 1 and result.stdout == expected
    assert result.stderr == ("factcheck: warning: cache directory blocker/cache cannot be used (Not a directory); "
                             "scanning without the cache\n")


def test_a_folder_that_is_not_a_cache_is_left_alone(corpus: Path) -> None:
    sources = Path("src")
    sources.mkdir()
    (sources / "keep.txt").write_text("mine\n", encoding="utf-8")
    report = scan([corpus], cached(sources))
    assert any("not a factcheck cache" in w for w in report.warnings)
    assert sorted(p.name for p in sources.iterdir()) == ["keep.txt"]


def test_another_tools_cache_is_neither_used_nor_cleaned(corpus: Path) -> None:
    ruff = Path(".ruff_cache")
    ruff.mkdir()
    (ruff / "CACHEDIR.TAG").write_text(f"{CACHEDIR_SIGNATURE}\n# created by ruff\n", encoding="utf-8")
    (ruff / "0.4.0").mkdir()
    report = scan([corpus], cached(ruff))
    assert any("not a factcheck cache" in w for w in report.warnings)
    refused = CliRunner().invoke(app, ["cache", "clean", "--cache-dir", str(ruff)])
    assert "not a factcheck cache directory" in one_error_line(refused)
    assert sorted(p.name for p in ruff.iterdir()) == ["0.4.0", "CACHEDIR.TAG"]


def test_a_cache_folder_another_scan_is_creating_is_used(corpus: Path) -> None:
    racing = Path("new-cache")
    racing.mkdir()
    (racing / ".CACHEDIR.TAG.1a2b3c4d.tmp").write_text("Signature", encoding="utf-8")
    (racing / ".gitignore").write_text("*\n", encoding="utf-8")
    report = scan([corpus], cached(racing))
    assert not [w for w in report.warnings if "cache" in w]
    assert is_tagged(racing) and entries(racing)


def test_open_cache_is_off_without_a_cache_dir() -> None:
    assert open_cache(Config(), [], []) == (None, None)


def test_two_scans_in_parallel_share_a_cache(corpus: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK")}
    argv = [sys.executable, "-c", "from factcheck.cli import main; main()", "scan", str(corpus), "--format",
            "json", "--cache-dir", "shared-cache", "-q"]
    for _round in range(2):  # cold, racing to write every entry; then warm, racing to read them
        procs = [subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [1, 1], [err for _o, err in outs]
        assert outs[0][0] == outs[1][0] and outs[0][1] == outs[1][1] == ""
    plain = subprocess.run([*argv[:-3], "--no-cache", "-q"], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=300)
    assert outs[0][0] == plain.stdout
    root = tmp_path / "shared-cache"
    for entry in entries(root):  # every entry whole and valid
        stored = json.loads(entry.read_bytes())
        decode(stored["entry"], DocEntry)
    assert not list(root.rglob("*.tmp"))


# --------------------------------------------------------------------------- the CLI and the config


def test_cli_scan_caches_by_default_and_no_cache_writes_nothing(corpus: Path) -> None:
    runner = CliRunner()
    off = runner.invoke(app, ["scan", str(corpus), "--format", "json", "--no-cache"])
    assert off.exit_code == 1 and not Path(".factcheck_cache").exists()
    cold = runner.invoke(app, ["scan", str(corpus), "--format", "json"])
    warm = runner.invoke(app, ["scan", str(corpus), "--format", "json"])
    assert cold.exit_code == warm.exit_code == 1
    assert cold.stdout == warm.stdout == off.stdout
    assert is_tagged(Path(".factcheck_cache"))
    other = runner.invoke(app, ["scan", str(corpus), "--format", "json", "--cache-dir", "elsewhere"])
    assert other.stdout == off.stdout and is_tagged(Path("elsewhere"))


def test_cli_cache_clean_removes_only_a_tagged_directory(corpus: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["scan", str(corpus)])
    done = runner.invoke(app, ["cache", "clean"])
    assert done.exit_code == 0 and done.stdout == "removed .factcheck_cache\n"
    assert not Path(".factcheck_cache").exists()
    again = runner.invoke(app, ["cache", "clean"])
    assert again.exit_code == 0 and again.stdout == "no cache at .factcheck_cache\n"
    Path("precious").mkdir()
    (Path("precious") / "notes.txt").write_text("keep\n", encoding="utf-8")
    refused = runner.invoke(app, ["cache", "clean", "--cache-dir", "precious"])
    assert "not a factcheck cache directory" in one_error_line(refused)
    assert (Path("precious") / "notes.txt").exists()


def test_config_cache_dir_is_relative_to_the_config_and_stays_in_the_project(tmp_path: Path,
                                                                             corpus: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "factcheck.toml").write_text('cache-dir = "build/fc-cache"\n', encoding="utf-8")
    assert load_config(project / "factcheck.toml").cache_dir == project / "build" / "fc-cache"
    runner = CliRunner()
    result = runner.invoke(app, ["scan", str(corpus), "--config", str(project / "factcheck.toml")])
    assert result.exit_code == 1 and is_tagged(project / "build" / "fc-cache")
    assert runner.invoke(app, ["cache", "clean", "--config", str(project / "factcheck.toml")]).exit_code == 0
    assert not (project / "build" / "fc-cache").exists()
    (project / "factcheck.toml").write_text('cache_dir = "/tmp"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="inside the project"):
        load_config(project / "factcheck.toml")


def test_workers_store_entries_the_parent_then_reads(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if cpu_count() < 2:
        pytest.skip("one CPU: no worker pool")
    config = Config(cache_dir=Path(".factcheck_cache"), jobs=2)  # seeds are few: the pool only when asked
    one = as_json(scan([corpus], config))
    assert len(entries(Path(".factcheck_cache"))) == len(list(corpus.iterdir()))

    def no_pool(*_args: Any, **_kw: Any) -> Any:
        raise AssertionError("a re-scan of unchanged files needs no worker")

    monkeypatch.setattr(engine, "run_files", no_pool)
    assert as_json(scan([corpus], config)) == one == as_json(scan([corpus], Config(jobs=1)))


def test_doc_cache_is_picklable_for_worker_processes(tmp_path: Path) -> None:
    cache = DocCache(tmp_path, "k" * 64)
    assert pickle.loads(pickle.dumps(cache)) == cache


# --------------------------------------------------------------------------- real articles


def test_an_ecbplus_sample_reports_byte_identical_json_with_and_without_the_cache(
        ecbplus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = tmp_path / "ecb"
    for folder in sorted(p for p in ecbplus_dir.iterdir() if p.is_dir())[:6]:
        shutil.copytree(folder, sample / folder.name)
    monkeypatch.chdir(tmp_path)
    plain = as_json(scan(["ecb"], Config(jobs=1)))
    assert as_json(scan(["ecb"], cached())) == plain
    assert as_json(scan(["ecb"], cached())) == plain
    first = sorted(sample.rglob("*.*"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nAbout 40 people were hurt, police said.\n",
                     encoding="utf-8")
    assert as_json(scan(["ecb"], cached())) == as_json(scan(["ecb"], Config(jobs=1)))


def test_the_collector_is_paused_while_reading_the_cache_and_restored_after(corpus: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding cached entries and the corpus phase run with the cyclic collector off (it walked
    every decoded claim again and again), and a scan leaves it as it found it: on, or off."""
    import gc

    seen: list[bool] = []
    real_lookup = DocCache.lookup_deferred
    real_rules = engine.run_corpus_rules
    real_load = LaterParts.load
    loads: list[bool] = []

    def lookup(self: DocCache, *args: Any) -> Any:
        seen.append(gc.isenabled())
        return real_lookup(self, *args)

    def load(self: LaterParts, lower: bool = True) -> Any:
        loads.append(gc.isenabled())
        return real_load(self, lower)

    def rules(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return real_rules(*args)

    scan([corpus], cached())
    monkeypatch.setattr(DocCache, "lookup_deferred", lookup)
    monkeypatch.setattr(LaterParts, "load", load)
    monkeypatch.setattr(engine, "run_corpus_rules", rules)
    target = sorted(corpus.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nMore officials said so.\n", encoding="utf-8")
    assert gc.isenabled()
    changed = as_json(scan([corpus], cached()))
    assert len(seen) == len(list(corpus.iterdir())) + 1 and not any(seen)
    assert len(loads) == len(list(corpus.iterdir())) - 1 and not any(loads)  # the unchanged documents' parts
    assert gc.isenabled()
    assert changed == as_json(scan([corpus], Config(jobs=1)))
    gc.disable()
    try:
        scan([corpus], cached())
        assert not gc.isenabled()
    finally:
        gc.enable()
