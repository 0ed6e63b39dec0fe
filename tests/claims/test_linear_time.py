"""No hang, ever: every pathological pattern of ``bench/growth.py`` is analysed, and correctly.

Speed targets live in the benchmark (``bench/growth.py --max-ratio 2.3``), not
here: a timed unit test is flaky on a loaded CI box.  These tests are hang
tests.  One subprocess analyses every pattern of the benchmark at 32 KiB --
a size at which the quadratic readers took seconds and the cubic ones hours --
under a generous timeout, and reports the claims it found; each pattern then
has to give what the same unit gives at a small size, copy for copy (the
extractors must not change their minds on long inputs).  Then the inputs that
ended in a traceback, and the per-document time budget.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_factcheck
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.base import DocumentTimeout, extract_all
from factcheck.claims.names import _WORD_RUN_RE, _has_word
from factcheck.claims.numbers import MAX_DIGITS
from factcheck.config import Config
from factcheck.documents import parse_document
from factcheck.engine import scan

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
from growth import PATTERNS, Pattern, _text  # noqa: E402

SIZE = 32 << 10  # characters of each pathological document
HANG_TIMEOUT = 120  # seconds for all of them together; about 10 s are needed on a 2-core box

_EXT = {"text": "txt", "markdown": "md", "html": "html"}

_ANALYSE = f"""
import json, sys
from collections import Counter
sys.path.insert(0, {str(BENCH)!r})
from growth import PATTERNS, _text
from factcheck.claims.base import extract_all
from factcheck.documents import parse_document
out = {{}}
for p in PATTERNS:
    unit = max(1, len(_text(p, 1, 0)) - len(_text(p, 0, 0)))
    n = {SIZE} // unit
    doc = parse_document("x." + {_EXT!r}[p.fmt], _text(p, n, 0), p.fmt)
    claims = extract_all(doc)
    out[p.name] = {{"n": n, "kinds": Counter(c.kind for c in claims), "text": doc.text[:40]}}
print(json.dumps(out))
"""


@cache
def _large() -> dict[str, Any]:
    """Every pattern at SIZE, analysed in one subprocess that must finish in HANG_TIMEOUT."""
    try:
        done = subprocess.run([sys.executable, "-c", _ANALYSE], capture_output=True, text=True,
                              timeout=HANG_TIMEOUT, cwd=ROOT, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the pathological documents took over {HANG_TIMEOUT} s: an extractor or reader hangs")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _kinds(p: Pattern, n: int) -> Counter[str]:
    doc = parse_document("x." + _EXT[p.fmt], _text(p, n, 0), p.fmt)
    return Counter(c.kind for c in extract_all(doc))


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pathological_document_is_analysed_like_a_small_one(pattern: Pattern) -> None:
    big = _large()[pattern.name]
    # Past 25 capitalised words a line is no headline: the reference has more copies.
    small, double = _kinds(pattern, 64), _kinds(pattern, 128)
    if double == small:  # the claims do not grow with the copies (none, or one run)
        assert Counter(big["kinds"]) == small
    else:  # every copy gives the same claims
        assert double == Counter({k: 2 * v for k, v in small.items()})
        assert Counter(big["kinds"]) == Counter({k: v * big["n"] // 64 for k, v in small.items()})


def test_repeated_dates_are_each_a_claim() -> None:
    claims = extract_all(parse_document("w.txt", "Published 2019-12-30.\n" + "Monday " * 2000))
    weekdays = [c for c in claims if c.get("weekday") == "Monday"]
    assert len(weekdays) == 2000
    iso = extract_all(parse_document("d.txt", "2020-01-02 " * 2000))
    assert [c.value for c in iso] == ["2020-01-02"] * 2000


def test_names_link_to_the_last_full_name_before_them() -> None:
    """Linking by bisection keeps "the last person named before": each surname to its own full name."""
    text = "".join(f"{first} Smith met the council. Smith said so. " for first in ("John", "Mary") * 300)
    names = [c for c in extract_all(parse_document("n.txt", text), ["name"])]
    linked = [c for c in names if c.get("linked")]
    assert len(linked) == 600
    for c in linked:
        full = max((p for p in names if not p.get("linked") and p.start < c.start), key=lambda p: p.start)
        assert c.value == full.value


# --------------------------------------------------------------------------- tracebacks


@pytest.mark.parametrize("text", [
    "9" * 5000,
    "It cost $" + "9" * 5000 + " in all.",
    "A total of " + "9" * 5000 + " people and 5 dogs came.",
    "9" * 5000 + ".5 tons",
    "The vote was " + "9" * 5000 + " votes to 3.",
    "1," * 3000 + "000 people",
])
def test_a_huge_digit_run_is_not_a_number(text: str) -> None:
    claims = extract_all(parse_document("d.txt", text))
    assert all(len(c.text.replace(",", "")) <= MAX_DIGITS + 8 for c in claims if c.kind != "name")
    json.dumps([c.value for c in claims])  # printable: no int beyond the 4300-digit limit


def test_a_number_of_max_digits_is_still_read() -> None:
    claims = extract_all(parse_document("d.txt", f"It cost ${'9' * MAX_DIGITS} in all."), ["quantity"])
    assert [c.text for c in claims] == ["$" + "9" * MAX_DIGITS]


def test_a_huge_character_reference_reads_as_a_replacement_character() -> None:
    huge = "&#" + "9" * 5000 + ";"
    doc = parse_document("e.html", f"<html><head><title>T{huge}</title></head><p>a{huge}b &#x41; &#65;</p>", "html")
    assert doc.text.strip() == "a\ufffdb A A"
    assert doc.title == "T\ufffd"
    start = doc.text.index("\ufffd")
    assert doc.locate(start, start + 1)[4] == huge  # the span still maps to the whole reference


def test_cli_reports_no_traceback_on_huge_numbers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("It cost $" + "9" * 5000 + " in all.\n")
    (tmp_path / "b.html").write_text("<p>&#" + "9" * 5000 + ";</p>\n")
    for command in (["claims", str(tmp_path), "--format", "json"], ["scan", str(tmp_path), "--format", "json"]):
        done = run_factcheck(tmp_path, *command)
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
        json.loads(done.stdout)


# --------------------------------------------------------------------------- time budget


def test_extract_all_stops_at_the_deadline() -> None:
    ticks = iter(range(100))
    doc = parse_document("slow.txt", "On Monday John Smith said \"yes\" to 5 tests.")
    with pytest.raises(DocumentTimeout) as err:
        extract_all(doc, deadline=0.5, clock=lambda: float(next(ticks)))
    assert next(ticks) == 2  # checked after the first extractor (tick 0: within), stopped after the second
    assert "slow.txt" in str(err.value)
    assert extract_all(doc, deadline=10.0, clock=lambda: 0.0) == extract_all(doc)


def test_scan_skips_a_document_past_its_budget_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On Monday John Smith said the plan was dead.\n")
    report = scan([tmp_path], Config(document_timeout=1e-9))
    assert report.documents == []
    assert len(report.warnings) == 1 and "document_timeout" in report.warnings[0]
    assert "a.txt: skipped" in report.warnings[0]
    assert len(scan([tmp_path], Config()).documents) == 1
    assert len(scan([tmp_path], Config(document_timeout=0)).documents) == 1  # 0: no budget


def test_claims_command_warns_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On Monday John Smith said so.\n")
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\ndocument_timeout = 0.000000001\n")
    done = run_factcheck(tmp_path, "claims", "a.txt", "--format", "json")
    assert done.returncode == 0
    assert "factcheck: warning: a.txt: skipped: analysis took longer than document_timeout" in done.stderr
    assert json.loads(done.stdout)["claims"] == []


@pytest.mark.parametrize("value", ["-1", "true", '"30"', "inf"])
def test_document_timeout_must_be_seconds(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "pyproject.toml").write_text(f"[tool.factcheck]\ndocument_timeout = {value}\n")
    done = run_factcheck(tmp_path, "scan", "a.txt")
    assert done.returncode == 2
    assert done.stderr.startswith("factcheck: error:") and "document_timeout" in done.stderr


def test_default_budget() -> None:
    assert Config().document_timeout == 30.0


@given(st.text(alphabet="ab '’-_.\n1é", max_size=40), st.sampled_from(["a", "ab", "ba", "b", "é"]))
def test_collected_words_answer_as_the_word_search_does(text: str, word: str) -> None:
    """After many lookups the names extractor collects a document's words instead of searching."""
    assert (word in set(_WORD_RUN_RE.findall(text))) == _has_word(text, word)


def test_names_ask_about_thousands_of_words_once() -> None:
    text = "".join(f"Q{i:05d}x Zq{i:05d} came. " for i in range(3000)).replace("0", "o")
    claims = extract_all(parse_document("q.txt", text), ["name"])
    assert len(claims) == 3000
