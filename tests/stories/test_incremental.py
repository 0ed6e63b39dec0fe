"""Incremental story clustering: a re-scan's stories are exactly a cold run's, whatever changed."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stories_corpus import ALL

from factcheck import corpus_phase
from factcheck.cache.codec import decode
from factcheck.config import Config
from factcheck.engine import scan
from factcheck.stories import DocFeatures, cluster_stories
from factcheck.stories.cluster import StoryOptions
from factcheck.stories.incremental import Clustered, ClusterState, cluster_with_state
from factcheck.stories.model import Stories

#: a small vocabulary per family, so that document frequencies cross the counted band's edges
_FEATURES = [f"{fam}:{word}" for fam in "nswf" for word in ("ash", "birch", "cedar", "dune", "elm", "fjord")] \
    + ["d:2014-03-04", "d:2014-03-05", "m:2014-03", "d:2019-11-02", "m:2019-11"]
#: small options: a low max_df makes a one-document change move features in and out of the band
_OPTIONS = StoryOptions(max_df=4, top_k=6, cohesion_min_size=3, weekday_min_size=2)


def _identities(docs: Sequence[DocFeatures]) -> dict[str, str]:
    """What each document's evidence is (the engine uses the file's content digest)."""
    return {d.path: hashlib.sha256(repr(d).encode()).hexdigest() for d in docs}


def _doc(path: str, event: int, picks: list[int], noise: list[int], dated: int | None, days: int) -> DocFeatures:
    counts: dict[str, int] = {}
    for k, p in enumerate(picks):
        f = _FEATURES[(event * 7 + p) % len(_FEATURES)]
        counts[f] = counts.get(f, 0) + 1 + k % 3
    for p in noise:
        counts[_FEATURES[p % len(_FEATURES)]] = 1
    keys = sorted(counts)
    pub = _dt.date(2014, 3, 1) + _dt.timedelta(days=dated) if dated is not None else None
    content = hashlib.sha1(repr((keys, [counts[k] for k in keys], pub, days)).encode()).hexdigest()
    return DocFeatures(path=path, content=content, pub_date=pub, counts=tuple((k, counts[k]) for k in keys),
                       names=(), weekdays=days)


@st.composite
def _documents(draw: st.DrawFn, path: str) -> DocFeatures:
    return _doc(path, draw(st.integers(0, 3)), draw(st.lists(st.integers(0, 8), min_size=2, max_size=7)),
                draw(st.lists(st.integers(0, 40), max_size=3)),
                draw(st.one_of(st.none(), st.integers(0, 400))), draw(st.integers(0, 127)))


@st.composite
def _corpora(draw: st.DrawFn) -> list[DocFeatures]:
    n = draw(st.integers(3, 14))
    docs = [draw(_documents(f"d{i:02d}.txt")) for i in range(n)]
    if draw(st.booleans()):  # a reprinted article: another path, the same evidence
        src = docs[draw(st.integers(0, n - 1))]
        docs.append(dataclasses.replace(src, path=f"copy-of-{src.path}"))
    return docs


@st.composite
def _changes(draw: st.DrawFn, docs: list[DocFeatures]) -> list[DocFeatures]:
    """The corpus after up to three edits, additions and removals (an edit keeps the path)."""
    out = list(docs)
    for step in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["edit", "edit", "add", "remove", "swap"]))
        if op in ("edit", "remove", "swap") and len(out) > 2:
            k = draw(st.integers(0, len(out) - 1))
            if op == "remove":
                out.pop(k)
            elif op == "edit":
                out[k] = draw(_documents(out[k].path))
            else:  # one article removed and another added: the same number of documents
                out.pop(k)
                out.append(draw(_documents(f"new{step}.txt")))
        else:
            out.append(draw(_documents(f"new{step}.txt")))
    return out


def _json(stories: Stories) -> str:
    return json.dumps(stories.as_json(), sort_keys=True)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_rescan_clusters_exactly_as_a_cold_run(data: st.DataObject) -> None:
    before = data.draw(_corpora())
    first = cluster_with_state(before, _identities(before), None, _OPTIONS)
    assert _json(first.stories) == _json(cluster_stories(before, _OPTIONS))
    after = data.draw(_changes(before))
    again = cluster_with_state(after, _identities(after), first.state, _OPTIONS)
    cold = cluster_with_state(after, _identities(after), None, _OPTIONS)
    assert _json(again.stories) == _json(cluster_stories(after, _OPTIONS)) == _json(cold.stories)
    # The saved state is the one a cold run saves, so a chain of re-scans never drifts.
    assert again.state == cold.state
    # The shortcut is taken whenever the number of documents is the same (every IDF is then as it was).
    assert again.incremental == (len(after) == len(before))


def test_an_unchanged_corpus_clusters_nothing_again() -> None:
    docs = [_doc(f"d{i}.txt", i % 2, [0, 1, 2, 3], [], 10 * (i % 2), 1) for i in range(8)]
    first = cluster_with_state(docs, _identities(docs), None, _OPTIONS)
    again = cluster_with_state(list(reversed(docs)), _identities(docs), first.state, _OPTIONS)
    assert again.incremental and again.reclustered == 0
    assert _json(again.stories) == _json(first.stories)


def test_one_edit_reclusters_only_the_components_it_reaches() -> None:
    # Two events far apart (no shared feature): editing an article of one leaves the other alone.
    docs = [_doc(f"a{i}.txt", 0, [0, 1, 2], [], 0, 1) for i in range(4)] \
        + [_doc(f"b{i}.txt", 2, [0, 1, 2], [], 300, 2) for i in range(4)]
    docs = [dataclasses.replace(d, content=f"{d.content}{d.path}") for d in docs]
    first = cluster_with_state(docs, _identities(docs), None, _OPTIONS)
    edited = list(docs)
    edited[0] = dataclasses.replace(docs[0], content="edited", counts=(*docs[0].counts, ("w:zebra", 1)))
    again = cluster_with_state(edited, _identities(edited), first.state, _OPTIONS)
    assert again.incremental and again.reclustered == 4
    assert _json(again.stories) == _json(cluster_stories(edited, _OPTIONS))


def test_a_pin_or_other_options_cluster_the_whole_corpus() -> None:
    docs = [_doc(f"d{i}.txt", i % 2, [0, 1, 2, 3], [], 0, 1) for i in range(6)]
    first = cluster_with_state(docs, _identities(docs), None, _OPTIONS)
    pinned = [dataclasses.replace(docs[0], pin="mine", pin_source="config"), *docs[1:]]
    assert not cluster_with_state(pinned, _identities(pinned), first.state, _OPTIONS).incremental
    assert not cluster_with_state(docs, _identities(docs), first.state, StoryOptions()).incremental
    unknown = {k: v for k, v in _identities(docs).items() if k != "d0.txt"}
    assert not cluster_with_state(docs, unknown, first.state, _OPTIONS).incremental


def test_a_state_that_does_not_fit_is_not_used() -> None:
    docs = [_doc(f"d{i}.txt", i % 2, [0, 1, 2, 3], [], 0, 1) for i in range(6)]
    first = cluster_with_state(docs, _identities(docs), None, _OPTIONS)
    torn = dataclasses.replace(first.state, components=first.state.components[:-1])
    assert not torn.fits()
    assert not cluster_with_state(docs, _identities(docs), torn, _OPTIONS).incremental


def test_saved_frequencies_that_miss_a_documents_features_cluster_the_whole_corpus() -> None:
    """A vector compared with what it was is computed again from the saved frequencies; frequencies
    that do not count the document's own features were not written by a clustering of it."""
    docs = [_doc(f"d{i}.txt", i % 2, [0, 1, 2, 3], [], 0, 1) for i in range(6)]
    first = cluster_with_state(docs, _identities(docs), None, _OPTIONS)
    foreign = dataclasses.replace(first.state, df=())
    again = cluster_with_state(docs, _identities(docs), foreign, _OPTIONS)
    assert not again.incremental
    assert _json(again.stories) == _json(cluster_stories(docs, _OPTIONS))
    assert again.state == first.state


def _scan_json(root: Path, cache: Path | None) -> tuple[str, ClusterState | None]:
    config = Config(cache_dir=cache)
    report = scan([root], config)
    assert report.stories is not None
    state = None
    if cache is not None:
        (saved,) = cache.glob("v*/*/clusters.json")
        state = decode(json.loads(saved.read_text(encoding="utf-8"))["state"], ClusterState)
    return _json(report.stories), state


def test_a_rescan_after_an_edit_reads_the_saved_state_and_gives_a_cold_scans_stories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[Clustered] = []

    def recorded(*args: Any, **kwargs: Any) -> Clustered:
        runs.append(cluster_with_state(*args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(corpus_phase, "cluster_with_state", recorded)
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in ALL.items():
        (root / name).write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    _cold, state = _scan_json(root, cache)
    assert state is not None and len(state.paths) == len(ALL)
    assert [r.incremental for r in runs] == [False]
    name = sorted(ALL)[0]
    (root / name).write_text(ALL[name] + "\nOfficials said 42 people attended the briefing on Tuesday.\n",
                             encoding="utf-8")
    again, saved = _scan_json(root, cache)
    plain, _none = _scan_json(root, None)
    assert again == plain
    assert [r.incremental for r in runs] == [False, True]  # --no-cache clusters without a state
    assert saved is not None and saved != state  # the edited article's entry was written anew
