"""Claim-extraction throughput, as a ratio against dateparser's search_dates.

Usage::

    python bench/claims_speed.py ../shared/corpora/ecbplus [--repeat 3] [--peer-sample N]

Reads every article once (file reading is not timed), then times, in the same
run on the same articles:

* the whole per-file process of ``factcheck claims`` after reading: parsing
  the document (markup, metadata, language) and all registered extractors;
* all extractors together, and each extractor alone, with its share of the
  sum (the per-extractor split), plus language detection alone; quotes are
  timed after the names they reuse (names then quotes, less names alone), as
  ``extract_all`` runs them;
* ``dateparser.search.search_dates(text, languages=['en'])``.

Prints articles per second and the ratios (ours / search_dates, articles per
second); the target is a ratio of at least 30 for all extractors and for the
whole process.  It also counts the articles not detected as English (ECB+ is
English: the answer should be 0).

Times are CPU seconds of this process (``time.process_time``), not wall-clock
time: on a machine shared with other jobs the wall clock measures the load as
much as the code (a loaded run once showed the whole process "faster" than
its own extractors), while CPU time charges each side only for its own work.

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
from collections.abc import Callable
from pathlib import Path

from factcheck.claims.base import extract_all, extractors
from factcheck.documents import Document, discover, format_of, load_document, parse_document
from factcheck.language import detect

TARGET = 30


def _load(corpus: Path) -> list[Document]:
    return [load_document(p)[0] for p in discover([corpus])]


def _best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
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
    sources = [(d.path, d.source, format_of(Path(d.path))) for d in docs]
    t_whole = _best_of(args.repeat, lambda: [extract_all(parse_document(*src)) for src in sources])
    t_all = _best_of(args.repeat, lambda: [extract_all(d) for d in docs])
    claims = sum(len(extract_all(d)) for d in docs)
    print(f"corpus: {args.corpus} ({n} articles, {kb:.0f} KiB of text)")
    not_en = [d.path for d in docs if d.lang != "en"]
    print(f"language: {n - len(not_en)} detected as en, {len(not_en)} not{': ' + ', '.join(not_en) if not_en else ''}")
    print(f"whole process (parse + all extractors): {t_whole:.3f} s, {n / t_whole:,.0f} articles/s")
    print(f"all extractors: {t_all:.3f} s, {n / t_all:,.0f} articles/s, {claims} claims")
    split = {name: _best_of(args.repeat, lambda fn=fn: [list(fn(d)) for d in docs])
             for name, fn in sorted(extractors().items())}
    if "quotes" in split and "names" in split:
        # Quotes find their speakers among the names' mentions (memoised per document), so quotes
        # timed alone re-run the names analysis; within extract_all it is reused.  Its own share is
        # the time of names then quotes, less names alone.
        names, quotes = extractors()["names"], extractors()["quotes"]
        both = _best_of(args.repeat, lambda: [(list(names(d)), list(quotes(d))) for d in docs])
        split["quotes"] = max(both - split["names"], 0.0)
    split["(language detection)"] = _best_of(args.repeat, lambda: [detect(d.text) for d in docs])
    total = sum(split.values())
    for name, t in split.items():
        print(f"  {name:<21} {t:.3f} s  {n / t:>9,.0f} articles/s  {100 * t / total:5.1f} %")

    from dateparser.search import search_dates

    sample = docs[:: args.peer_sample]
    search_dates(sample[0].text[:200], languages=["en"])  # warm-up
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.process_time()
        for d in sample:
            search_dates(d.text, languages=["en"])
        t_peer = time.process_time() - t0
    peer_rate = len(sample) / t_peer
    print(f"dateparser.search.search_dates: {t_peer:.3f} s on {len(sample)} articles, {peer_rate:,.1f} articles/s")
    for label, t in (("all extractors", t_all), ("whole process", t_whole)):
        print(f"ratio ({label} vs search_dates, articles/s): {(n / t) / peer_rate:.1f}x  (target >= {TARGET}x)")
    per_doc = [len(d.text) for d in docs]
    print(f"article size: median {statistics.median(per_doc):.0f} chars, max {max(per_doc)} chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
