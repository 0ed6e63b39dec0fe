"""A regression guard on real news: story building on ECB+'s dev topics (1-35) keeps its B-cubed F1.

The floor sits a little under the figure measured when the defaults were tuned
(see README "Stories" and bench/stories_eval.py); it guards against silent
regressions and is not the aim (the aim is reported on the test topics by the
benchmark, which no test tunes against).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from conftest import bench_module

from factcheck.stories import StoryOptions

DEV_F1_FLOOR = 0.93


def _bench() -> ModuleType:
    return bench_module("stories_eval")


def test_dev_split_b_cubed_f1_stays_above_its_floor(ecbplus_dir: Path) -> None:
    bench = _bench()
    arts = bench.load(ecbplus_dir)
    assert len(arts) == 982
    assert all(a.neutral.startswith("doc") for a in arts)  # the clusterer never sees ECB+ names
    feats = bench.features(arts, jobs=2)
    pred = bench.ours(feats, StoryOptions())
    gold = {a.neutral: a.gold for a in arts}
    p, r, f1 = bench.b_cubed(pred, gold, bench.split(arts, bench.DEV_TOPICS))
    assert f1 >= DEV_F1_FLOOR, (p, r, f1)
