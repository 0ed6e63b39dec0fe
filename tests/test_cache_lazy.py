"""A cache hit's claims are read only when something asks for them (factcheck.cache.lazy).

A re-scan after one change reads the claims of the changed story's members
alone, and a claims entry that is missing, corrupt, foreign or of other bytes
by then is extracted again: the report is always that of a cold scan.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.cache import DocCache
from factcheck.cache.lazy import CachedClaims
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.report import FORMATTERS, RenderContext

PEOPLE = ("Marcus Whitfield", "Eleanor Brandt", "Tobias Renner", "Ingrid Solberg", "Rafael Quintero", "Yusuf Demirel")
PLACES = ("Denver", "Coquimbo", "Tampere", "Bergen", "Valparaiso", "Izmir")


@pytest.fixture
def events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Six stories of three reports each, in a fresh working directory with the cache on."""
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    corpus = tmp_path / "events"
    corpus.mkdir()
    for k, (person, place) in enumerate(zip(PEOPLE, PLACES, strict=True)):
        for i in range(3):
            (corpus / f"{k}-{i}.txt").write_text(
                f"{person} opened the new {place} harbour on May {k + 3}, 2014, before {40 + 10 * k} guests.\n"
                f"Officials said {person} had backed the {place} project for {5 + k} years.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("events")


def cached() -> Config:
    return Config(cache_dir=Path(".factcheck_cache"), jobs=1)


def as_json(report: Any) -> str:
    return FORMATTERS["json"](report, RenderContext(version="test"))


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display paths whose claims are read from the cache, in order."""
    seen: list[str] = []
    real = DocCache.load_claims

    def counting(self: DocCache, shown: str, digest: str) -> Any:
        seen.append(shown)
        return real(self, shown, digest)

    monkeypatch.setattr(DocCache, "load_claims", counting)
    return seen


def _change(path: Path) -> None:
    """One report of a story gives another count of guests than its two fellows."""
    text = path.read_text(encoding="utf-8")
    guests = text.split(" guests")[0].rsplit(" ", 1)[1]
    path.write_text(text.replace(f"{guests} guests", f"{int(guests) + 35} guests"), encoding="utf-8")


def test_a_rescan_reads_the_claims_of_the_changed_story_alone(events: Path, loads: list[str]) -> None:
    scan([events], cached())
    assert loads == []  # a cold scan extracts them
    _change(events / "2-0.txt")
    changed = scan([events], cached())
    # The changed document was analysed again; its two fellow members' claims come from the cache.
    assert sorted(loads) == ["events/2-1.txt", "events/2-2.txt"]
    fresh = scan([events], Config(jobs=1))
    assert as_json(changed) == as_json(fresh)
    assert any(f.path == "events/2-0.txt" and f.rule == "figures/conflict" for f in fresh.findings)
    loads.clear()
    warm = scan([events], cached())  # nothing changed: the whole corpus phase is reused
    assert loads == [] and as_json(warm) == as_json(fresh)
    lazy = [c for c in warm.claims.values() if isinstance(c, CachedClaims)]
    assert len(lazy) == len(PEOPLE) * 3 and not any(c.loaded for c in lazy)
    assert list(warm.claims["events/0-0.txt"]) == list(fresh.claims["events/0-0.txt"])  # read on use


def _claims_entry(shown: str) -> Path:
    [path] = [p for p in Path(".factcheck_cache").glob("v*/*/claims/*/*.json")
              if json.loads(p.read_bytes()).get("path") == shown]
    return path


@pytest.mark.parametrize("spoil", ["missing", "truncated", "not claims", "other bytes", "other settings"])
def test_a_claims_entry_spoiled_before_it_is_read_is_extracted_again(events: Path, loads: list[str],
                                                                     spoil: str) -> None:
    scan([events], cached())
    entry = _claims_entry("events/4-1.txt")
    good = json.loads(entry.read_bytes())
    if spoil == "missing":
        entry.unlink()
    elif spoil == "truncated":
        entry.write_bytes(entry.read_bytes()[:40])
    elif spoil == "not claims":
        entry.write_text(json.dumps({**good, "claims": [[["no claim"]]]}), encoding="utf-8")
    elif spoil == "other bytes":
        entry.write_text(json.dumps({**good, "content": "0" * 64}), encoding="utf-8")
    else:
        entry.write_text(json.dumps({**good, "key": "0" * 64}), encoding="utf-8")
    _change(events / "4-0.txt")
    changed = scan([events], cached())
    assert "events/4-1.txt" in loads
    assert as_json(changed) == as_json(scan([events], Config(jobs=1)))


def test_cached_claims_are_a_read_only_sequence(events: Path) -> None:
    scan([events], cached())
    report = scan([events], cached())
    claims = report.claims["events/1-2.txt"]
    assert isinstance(claims, CachedClaims) and not claims.loaded
    plain = scan([events], Config(jobs=1)).claims["events/1-2.txt"]
    assert len(claims) == len(plain) > 0 and claims.loaded
    assert claims == plain and claims[0] == plain[0] and list(claims[1:]) == list(plain[1:])
    assert "loaded=True" in repr(claims)
