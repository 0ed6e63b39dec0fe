"""Story building on ECB+, scored with B-cubed against a TF-IDF + agglomerative baseline.

Usage::

    python bench/stories_eval.py ../shared/corpora/ecbplus [--tune] [--no-timing]

Gold: ECB+ topic folders each hold two different events of one kind, told
apart by file name (``N_Mecb.txt`` event A, ``N_Mecbplus.txt`` event B); a
gold story is (topic, ecb|ecbplus).  The clusterer never sees a name or a
path: every article is parsed under a neutral name (``doc0001.txt``,
numbered by a hash of its text) and all topics are clustered together, as a
user's archive would be.

Split as in the ECB+ literature: topics 1-35 are dev, 36-45 test.  Both
systems' thresholds are tuned on dev only (``--tune`` prints the grids;
the defaults of :class:`factcheck.stories.StoryOptions` and ``BASELINE_THRESHOLD``
below are what it picked; the other knobs of ``StoryOptions`` -- family
weights, ``top_k``, ``max_df``, the publication-date bonus and factors, the
cohesion test's ratio and minimum group size, the weekday test's minimum group
size -- were chosen the same way, on dev F1 only), then both splits are reported, each scored on its own documents.

Timing: claim extraction plus features per article (1x), and clustering of
the whole corpus at 1x and replicated 10x (replicas are copies under new
names, so they join their originals' stories; only the time matters there).
Needs the ``bench`` extra (scikit-learn) for the baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.claims.base import extract_all
from factcheck.documents import parse_document
from factcheck.stories import STORY_KINDS, DocFeatures, StoryOptions, cluster_stories, document_features

#: TF-IDF baseline: cosine distance threshold of average linkage (tuned on dev; see --tune)
BASELINE_THRESHOLD = 0.75
DEV_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)
_NAME_RE = re.compile(r"^(\d+)_\d+(ecb|ecbplus)\.txt$")


@dataclass(frozen=True)
class Article:
    neutral: str  # the only name the clusterer sees
    text: str
    topic: int
    gold: str


def load(corpus: Path) -> list[Article]:
    """Every ECB+ article with its gold story; neutral names numbered by a hash of the text."""
    raw = []
    for p in sorted(corpus.rglob("*.txt")):
        m = _NAME_RE.match(p.name)
        if m:
            raw.append((p.read_text(encoding="utf-8"), int(m.group(1)), f"{m.group(1)}/{m.group(2)}"))
    raw.sort(key=lambda t: hashlib.sha1(t[0].encode()).hexdigest())
    return [Article(f"doc{k:04d}.txt", text, topic, gold) for k, (text, topic, gold) in enumerate(raw)]


def _features(art: Article) -> DocFeatures:
    doc = parse_document(art.neutral, art.text)
    return document_features(doc, extract_all(doc, STORY_KINDS))


def features(arts: Sequence[Article], jobs: int = 2) -> list[DocFeatures]:
    """Each article's story evidence (claims extracted in ``jobs`` processes)."""
    if jobs <= 1:
        return [_features(a) for a in arts]
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(_features, arts, chunksize=16))


def b_cubed(pred: dict[str, str], gold: dict[str, str], items: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``pred`` over ``items`` (clusters restricted to them)."""
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for x in items:
        by_pred.setdefault(pred[x], set()).add(x)
        by_gold.setdefault(gold[x], set()).add(x)
    p = r = 0.0
    for x in items:
        cp, cg = by_pred[pred[x]], by_gold[gold[x]]
        both = len(cp & cg)
        p += both / len(cp)
        r += both / len(cg)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(feats: Sequence[DocFeatures], options: StoryOptions) -> dict[str, str]:
    return {p: s.id for s in cluster_stories(feats, options) for p in s.documents}


def baseline(arts: Sequence[Article], threshold: float) -> dict[str, str]:
    """Plain TF-IDF (English stop words, sublinear tf) + average-linkage agglomerative, cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform([a.text for a in arts])
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x.toarray())
    return {a.neutral: str(label) for a, label in zip(arts, labels, strict=True)}


def split(arts: Sequence[Article], topics: range) -> list[str]:
    return [a.neutral for a in arts if a.topic in topics]


def _row(label: str, prf: tuple[float, float, float]) -> str:
    return f"  {label:<34} P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--tune", action="store_true", help="print the dev-split grid of both systems' thresholds")
    ap.add_argument("--no-timing", action="store_true", help="skip the 10x timing run")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    arts = load(args.corpus)
    if not arts:
        print(f"no ECB+ articles (N_Mecb.txt / N_Mecbplus.txt) under {args.corpus}", file=sys.stderr)
        return 2
    gold = {a.neutral: a.gold for a in arts}
    dev, test = split(arts, DEV_TOPICS), split(arts, TEST_TOPICS)
    t0 = time.perf_counter()
    feats = features(arts, args.jobs)
    t_feat = time.perf_counter() - t0
    print(f"{len(arts)} articles ({len(dev)} dev in topics 1-35, {len(test)} test in topics 36-45); "
          f"{len({a.gold for a in arts})} gold stories")
    defaults = StoryOptions()
    if args.tune:
        print("dev grid, ours (threshold: B-cubed F1):")
        for t in (0.07, 0.09, 0.11, 0.13, 0.15, 0.17, 0.2, 0.25, 0.3):
            print(f"  {t:.2f}: {b_cubed(ours(feats, replace(defaults, threshold=t)), gold, dev)[2]:.3f}")
        print("dev grid, ours with the threshold at its default (cohesion ratio x minimum group size: F1):")
        for ratio in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
            row = [b_cubed(ours(feats, replace(defaults, cohesion_ratio=ratio, cohesion_min_size=m)), gold, dev)[2]
                   for m in (4, 5, 6, 7, 8)]
            print(f"  {ratio:.1f}: " + "  ".join(f"{m}: {f:.3f}" for m, f in zip((4, 5, 6, 7, 8), row, strict=True)))
        print("dev grid, ours with the rest at its defaults (weekday test's minimum group size: F1; 0 = off):")
        for size in (0, 1, 2, 3, 4, 5):
            print(f"  {size}: {b_cubed(ours(feats, replace(defaults, weekday_min_size=size)), gold, dev)[2]:.3f}")
        print("dev grid, baseline (cosine distance threshold: B-cubed F1):")
        for bt in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97):
            print(f"  {bt:.2f}: {b_cubed(baseline(arts, bt), gold, dev)[2]:.3f}")
    t1 = time.perf_counter()
    pred = ours(feats, defaults)
    t_cluster = time.perf_counter() - t1
    base = baseline(arts, BASELINE_THRESHOLD)
    print(f"stories (threshold {defaults.threshold}) vs TF-IDF + agglomerative (distance {BASELINE_THRESHOLD}), "
          "B-cubed, whole corpus clustered at once:")
    print("dev (topics 1-35, used for tuning):")
    print(_row("stories", b_cubed(pred, gold, dev)))
    print(_row("baseline TF-IDF + agglomerative", b_cubed(base, gold, dev)))
    print("test (topics 36-45, untouched by tuning):")
    print(_row("stories", b_cubed(pred, gold, test)))
    print(_row("baseline TF-IDF + agglomerative", b_cubed(base, gold, test)))
    print(f"stories found: {len(set(pred.values()))} (gold {len(set(gold.values()))})")
    print(f"time 1x ({len(arts)} docs): claims+features {t_feat:.2f} s ({args.jobs} processes), "
          f"clustering {t_cluster:.2f} s")
    if not args.no_timing:
        big = [replace(f, path=f"r{k}/{f.path}") for k in range(10) for f in feats]
        t2 = time.perf_counter()
        cluster_stories(big, defaults)
        print(f"time 10x ({len(big)} docs): clustering {time.perf_counter() - t2:.2f} s "
              f"(claims+features scale per document: ~{10 * t_feat:.0f} s at 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
