"""Claim-extraction throughput, as a ratio against dateparser's search_dates.

Usage::

    python bench/claims_speed.py ../shared/corpora/ecbplus [--repeat 3] [--peer-sample N]

Loads every article once (loading is not timed), then times all registered
extractors together, each extractor alone, and
``dateparser.search.search_dates(text, languages=['en'])`` on the same
articles in the same run.  Prints articles per second and the ratio
(extractors / search_dates); the target is a ratio of at least 10.

Growth on pathological inputs is measured by ``bench/growth.py``.
``--peer-sample`` times search_dates on every N-th article only (it is slow)
and compares per-article rates, which the ratio is anyway.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

from factcheck.claims.base import EXTRACTORS, extract_all
from factcheck.documents import Document, discover, load_document


def _load(corpus: Path) -> list[Document]:
    return [load_document(p)[0] for p in discover([corpus])]


def _best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    ap.add_argument("--peer-sample", type=int, default=1, help="time search_dates on every N-th article")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    docs = _load(args.corpus)
    n = len(docs)
    kb = sum(len(d.text) for d in docs) / 1024
    extract_all(docs[0])  # warm-up: imports, gazetteers, caches
    t_all = _best_of(args.repeat, lambda: [extract_all(d) for d in docs])
    claims = sum(len(extract_all(d)) for d in docs)
    print(f"corpus: {args.corpus} ({n} articles, {kb:.0f} KiB of text)")
    print(f"all extractors: {t_all:.3f} s, {n / t_all:,.0f} articles/s, {claims} claims")
    for name, fn in sorted(EXTRACTORS.items()):
        t = _best_of(args.repeat, lambda fn=fn: [list(fn(d)) for d in docs])
        print(f"  {name:<10} {t:.3f} s  {n / t:,.0f} articles/s")

    from dateparser.search import search_dates

    sample = docs[:: args.peer_sample]
    search_dates(sample[0].text[:200], languages=["en"])  # warm-up
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        for d in sample:
            search_dates(d.text, languages=["en"])
        t_peer = time.perf_counter() - t0
    peer_rate = len(sample) / t_peer
    ratio = (n / t_all) / peer_rate
    print(f"dateparser.search.search_dates: {t_peer:.3f} s on {len(sample)} articles, {peer_rate:,.1f} articles/s")
    print(f"ratio (all extractors vs search_dates, articles/s): {ratio:.1f}x  (target >= 10x)")
    per_doc = [len(d.text) for d in docs]
    print(f"article size: median {statistics.median(per_doc):.0f} chars, max {max(per_doc)} chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
