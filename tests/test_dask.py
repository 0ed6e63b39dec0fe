"""The Dask executor (``scan --executor dask``): the same findings as the local executor, byte for byte.

One real ``LocalCluster`` (two single-threaded worker processes) serves the
whole module, so its few seconds of start-up are paid once and no other test
starts a cluster.  Tests that need ``distributed`` skip without it; the
missing-extra test runs everywhere.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ECBPLUS, ROOT, SEEDS, house_corpus, need_shared, run_factcheck
from hostile_support import run_main
from test_readme import blocks

from factcheck import dask_executor
from factcheck.config import Config, load_config
from factcheck.dask_executor import INSTALL_HINT, DaskExecutor, chunks
from factcheck.engine import scan
from factcheck.errors import FactcheckError
from factcheck.report import FORMATTERS, RenderContext

#: files of the ECB+ sample: enough for several chunks per worker and for corpus findings
ECB_SAMPLE = 40


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: Any) -> Iterator[Any]:
    import distributed

    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


def as_json(paths: list[Path], executor: DaskExecutor | None = None, jobs: int = 1) -> str:
    """The JSON report of a scan with the shipped rules, on the local executor or on ``executor``."""
    report = scan(paths, Config(jobs=jobs), executor=executor)
    return FORMATTERS["json"](report, RenderContext(version="test"))


def worker_rule_sets(client: Any) -> int:
    """Rule sets loaded by the cluster's workers: proof that the map phase ran there, not here."""
    loaded = client.run(lambda: len(dask_executor._RULES))
    return sum(loaded.values())


def test_chunks_keep_file_order_and_spread_over_the_workers() -> None:
    files = [Path(f"{i:03}.txt") for i in range(100)]
    parts = chunks(files, 2)
    assert [p for part in parts for p in part] == files
    assert len(parts) >= 8  # about four tasks per worker thread
    assert max(len(p) for p in chunks(files * 100, 2)) == dask_executor.MAX_CHUNK
    assert chunks([], 4) == []
    assert chunks(files[:3], 8) == [[f] for f in files[:3]]


class _Failed:
    """A stand-in for a Dask future whose task raised ``exc``."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def result(self) -> Any:
        raise self.exc


def test_a_worker_that_cannot_enter_the_working_directory_is_one_user_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(FileNotFoundError) as raised:
        dask_executor.analyse_chunk([SEEDS], Config(), str(tmp_path / "gone"), "scan-1")
    with pytest.raises(FactcheckError, match=r"cannot enter .*gone.*shared filesystem") as error:
        dask_executor._result(_Failed(raised.value))
    assert "\n" not in str(error.value)


def test_a_task_dask_gave_up_on_is_one_user_error() -> None:
    distributed = pytest.importorskip("distributed")
    killed = distributed.KilledWorker("analyse_chunk-abc-3", "tcp://127.0.0.1:4242", 3)
    with pytest.raises(FactcheckError, match=r"gave up on task 'analyse_chunk-abc-3'.* died 4 times"):
        dask_executor._result(_Failed(killed))
    with pytest.raises(ZeroDivisionError):  # a bug is no user error: it reaches the internal-error guard
        dask_executor._result(_Failed(ZeroDivisionError("bug")))


def test_seeds_give_the_local_executors_json(client: Any) -> None:
    local = as_json([SEEDS])
    assert json.loads(local)["findings"], "the seeds must give findings for this test to mean anything"
    assert as_json([SEEDS], DaskExecutor(client)) == local
    assert worker_rule_sets(client) >= 1


def test_ecbplus_sample_gives_the_local_executors_json(client: Any) -> None:
    need_shared(ECBPLUS)
    sample = sorted(p for p in ECBPLUS.rglob("*") if p.is_file())[:ECB_SAMPLE]
    assert len(sample) == ECB_SAMPLE
    local = as_json(sample)
    assert json.loads(local)["findings"]
    assert as_json(sample, DaskExecutor(client)) == local
    assert as_json(sample, jobs=2) == local  # and the local process pool agrees with both


ANON_RULE = """\
id: house/anonymous
type: pattern
severity: info
message: "{text}: '{{match}}'."
words: ["on condition of anonymity"]
"""


def test_a_rule_file_edited_between_two_scans_is_read_again(client: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A cluster outlives scans; its workers must not keep the rules of an earlier one."""
    house_corpus(tmp_path, ANON_RULE.format(text="Unnamed source"), monkeypatch)
    config = load_config(tmp_path / "factcheck.toml")
    first = scan(["seeds"], config, executor=DaskExecutor(client))
    assert first.findings and {f.message.split(":")[0] for f in first.findings} == {"Unnamed source"}
    (tmp_path / "rules" / "house.yaml").write_text(ANON_RULE.format(text="Anonymous"), encoding="utf-8")
    second = scan(["seeds"], config, executor=DaskExecutor(client))
    assert {f.message.split(":")[0] for f in second.findings} == {"Anonymous"}
    ctx = RenderContext(version="test")
    assert FORMATTERS["json"](second, ctx) == FORMATTERS["json"](scan(["seeds"], config), ctx)


def test_the_readme_recipe_runs_from_another_working_directory(cluster: Any, tmp_path: Path) -> None:
    """The README's recipe, on the module's cluster: the CLI's ``--scheduler`` path.  Relative paths and
    the paths in findings are the scanning process's, whatever the workers' own working directory
    (they run each task in the client's); the report is the local executor's, byte for byte."""
    install, recipe = blocks("Scanning an archive on a cluster", "sh")
    assert install.strip() == "pip install 'factcheck-news[dask]'"
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(dep.startswith("dask[distributed]") for dep in extras["dask"])
    dev_extras = {x.strip() for dep in extras["dev"] if dep.startswith("factcheck-news[")
                  for x in dep.removeprefix("factcheck-news[").rstrip("]").split(",")}
    assert "dask" in dev_extras  # CI (the dev extra) tests the executor
    start_scheduler, start_worker, scan_line = (ln.split("#")[0].strip() for ln in recipe.strip().splitlines())
    dask_cli = Path(sys.executable).parent / "dask"
    for line in (start_scheduler, start_worker):
        argv = shlex.split(line)
        usage = subprocess.run([str(dask_cli), argv[1], "--help"], capture_output=True, text=True, timeout=120)
        assert usage.returncode == 0, usage.stderr
        assert all(opt in usage.stdout for opt in argv if opt.startswith("--")), (line, usage.stdout)
    shutil.copytree(SEEDS, tmp_path / "archive")
    argv = shlex.split(scan_line.replace("tcp://SCHEDULER:8786", cluster.scheduler_address))
    assert argv[:2] == ["factcheck", "scan"] and "--scheduler" in argv
    remote = run_factcheck(tmp_path, *argv[1:])
    local = run_factcheck(tmp_path, "scan", "archive/", "--format", "json", "-o", "local.json")
    assert local.returncode == remote.returncode == 1, (local.stderr, remote.stderr)
    assert remote.stderr == local.stderr == ""
    produced = (tmp_path / "findings.json").read_text(encoding="utf-8")
    assert produced == (tmp_path / "local.json").read_text(encoding="utf-8")
    assert json.loads(produced)["findings"][0]["path"].startswith("archive/")


def test_executor_dask_alone_starts_and_stops_a_local_cluster(tmp_path: Path) -> None:
    """``--executor dask`` without a scheduler: the CLI's own LocalCluster (one worker here), the
    local executor's report, and nothing on stderr (Dask's start-up and shutdown logs stay quiet)."""
    pytest.importorskip("distributed")
    shutil.copytree(SEEDS, tmp_path / "arts")
    dask = run_factcheck(tmp_path, "scan", "arts", "--format", "json", "--executor", "dask", "--jobs", "1")
    local = run_factcheck(tmp_path, "scan", "arts", "--format", "json")
    assert dask.returncode == local.returncode == 1, dask.stderr
    assert dask.stderr == ""
    assert dask.stdout == local.stdout


def test_without_the_extra_dask_is_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    line = run_main("scan", str(SEEDS), "--executor", "dask").one_line_error()
    assert line == f"factcheck: error: {INSTALL_HINT}"
    assert "pip install 'factcheck-news[dask]'" in line


def test_scheduler_with_the_local_executor_is_a_usage_error() -> None:
    line = run_main("scan", str(SEEDS), "--executor", "local", "--scheduler", "tcp://127.0.0.1:8786").one_line_error()
    assert "--scheduler needs --executor dask" in line
    assert "must be local or dask" in run_main("scan", str(SEEDS), "--executor", "spark").one_line_error()


def test_an_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", 1)
    line = run_main("scan", str(SEEDS), "--scheduler", "tcp://127.0.0.1:9").one_line_error()
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in line


KILL_PLUGIN = "factcheck-kill-once"


def kill_on_first_task(marker: str) -> Any:
    """A worker plugin: the first worker to start a factcheck task dies on the spot (``os._exit``),
    once per marker file, as a worker lost to the OOM killer or a preempted node would.  Built
    here, not at import: its base class comes from the optional ``distributed``."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class KillOnFirstTask(WorkerPlugin):
        def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
            if finish != "executing" or "analyse_chunk" not in str(key):
                return
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            os._exit(1)

    return KillOnFirstTask()


def test_a_worker_killed_mid_scan_is_retried(client: Any, tmp_path: Path) -> None:
    """Last in the module: it costs the cluster a worker (its nanny starts another)."""
    need_shared(ECBPLUS)
    sample = sorted(p for p in ECBPLUS.rglob("*") if p.is_file())[:ECB_SAMPLE]
    local = as_json(sample)
    marker = tmp_path / "killed"
    before = set(client.run(os.getpid).values())
    client.register_plugin(kill_on_first_task(str(marker)), name=KILL_PLUGIN)
    try:
        out = as_json(sample, DaskExecutor(client))
    finally:
        client.unregister_worker_plugin(KILL_PLUGIN)
    assert marker.exists(), "no worker was killed: the test proved nothing"
    killed = int(marker.read_text())
    assert killed in before
    assert out == local
    client.wait_for_workers(2, timeout=60)
    assert killed not in set(client.run(os.getpid).values())


def test_a_dask_scan_fills_the_cache_a_local_rescan_reads(client: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The scanning process writes the entries from the gathered results; the workers write none."""
    import factcheck.engine as engine

    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    plain = as_json([Path("seeds")])
    config = Config(jobs=1, cache_dir=tmp_path / "cache")
    render = FORMATTERS["json"]
    dasked = render(scan([Path("seeds")], config, executor=DaskExecutor(client)), RenderContext(version="test"))
    entries = sorted((tmp_path / "cache").glob("v*/*/docs/*/*.json"))
    assert len(entries) == len(list((tmp_path / "seeds").iterdir()))

    def no_map(*_args: Any, **_kw: Any) -> Any:
        raise AssertionError("every document comes from the entries the Dask scan wrote")

    monkeypatch.setattr(engine, "analyse_file", no_map)
    again = render(scan([Path("seeds")], config), RenderContext(version="test"))
    assert again == dasked == plain
