"""The streamed JSON and SARIF writers: the bytes of ``json.dumps``, written a finding at a time."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.atomic import write_atomic_text
from factcheck.engine import scan
from factcheck.report import RenderContext, json_format, sarif, write_report
from factcheck.report.jsonstream import Items, dump

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                                max_size=4),
                       max_leaves=20)


class _Writes(io.StringIO):
    """A stream that remembers every write."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def write(self, s: str) -> int:
        self.pieces.append(s)
        return super().write(s)


def _streamed(value: Any) -> Any:
    """``value`` with every list of lists and dicts turned into Items (lazily iterated)."""
    if isinstance(value, dict):
        return {k: _streamed(v) for k, v in value.items()}
    if isinstance(value, list):
        return Items(iter([_streamed(v) for v in value]))
    return value


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_dump_is_json_dumps(value: Any) -> None:
    out = io.StringIO()
    dump(_streamed(value), out)
    assert out.getvalue() == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_nested_dump_is_indented_to_its_depth(depth: int) -> None:
    value = {"a": Items(iter([{"b": ["x\ny", []]}, {}])), "c": Items(iter([]))}
    out = io.StringIO()
    dump(value, out, depth)
    plain = {"a": [{"b": ["x\ny", []]}, {}], "c": []}
    assert out.getvalue() == json.dumps(plain, indent=2).replace("\n", "\n" + "  " * depth)


def test_json_and_sarif_reports_are_written_a_finding_at_a_time(seeds_dir: Path) -> None:
    report = scan([seeds_dir])
    ctx = RenderContext(version="test")
    assert len(report.findings) > 5
    for fmt, module, key in (("json", json_format, '"fingerprint"'), ("sarif", sarif, '"partialFingerprints"')):
        out = _Writes()
        write_report(fmt, report, ctx, out)
        whole = out.getvalue()
        assert whole == module.render(report, ctx)
        assert json.loads(whole)  # one JSON document
        # every finding is a write of its own: no piece holds two of them
        assert [p.count(key) for p in out.pieces if key in p] == [1] * len(report.findings)


def test_a_streamed_report_file_is_written_atomically(tmp_path: Path, seeds_dir: Path) -> None:
    report = scan([seeds_dir])
    ctx = RenderContext(version="test")
    target = tmp_path / "out.sarif"
    target.write_text("old", encoding="utf-8")
    write_atomic_text(target, lambda out: write_report("sarif", report, ctx, out))
    assert target.read_text(encoding="utf-8") == sarif.render(report, ctx)

    def broken(out: Any) -> None:
        out.write("{half")
        raise RuntimeError("killed mid-report")

    with pytest.raises(RuntimeError):
        write_atomic_text(target, broken)
    assert target.read_text(encoding="utf-8") == sarif.render(report, ctx)  # the old report, whole
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]  # no temporary file left
