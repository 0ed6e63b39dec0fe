"""Recall of the date extractor on 100 date expressions sampled from raw ECB+ text.

Usage::

    python bench/dates_recall.py ../shared/corpora/ecbplus [--labels bench/data/dates_recall_ecbplus.tsv]
    python bench/dates_recall.py ../shared/corpora/ecbplus --draw 200   # candidates to label

Why a sample drawn from the text and not from the extractor: a sample of what
the extractor finds measures only precision.  ``--draw`` lists occurrences of
words a date expression can contain (month and weekday names, "today", "ago",
"week", "year", four-digit years, slashed dates), shuffled with seed 29, with
what the extractor finds there.  The labelled file keeps, in that order, the
first 100 occurrences that are part of a date expression (TimeML DATE: not a
duration such as "a 16-year-old" or "during the past year", not a year in a
URL, not the modal "may"), with the expression's span and its value by hand:
ISO at the expression's granularity, resolved against the article's
publication date (a year-less or relative expression in an article without one
has no value, written ``-``), anaphoric ones ("that year") against the date
they refer to.

An expression is *found* when a claim overlaps its span, and *right* when an
overlapping claim has the labelled value.  The misses are listed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from factcheck.claims.dates import extract
from factcheck.documents import Document, discover, load_document

LABELS = Path(__file__).resolve().parent / "data" / "dates_recall_ecbplus.tsv"
_TRIGGER_RE = re.compile(
    r"""\b(?:january|february|march|april|may|june|july|august|september|october|november|december
    |jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday
    |yesterday|today|tonight|tomorrow|ago|weekend|week|month|year|decade|century
    |(?:19|20)\d\d|\d{1,2}/\d{1,2}/\d{2,4}|'\d0s)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _draw(docs: list[Document], n: int) -> None:
    """Print ``n`` shuffled trigger occurrences with their context and what the extractor finds there."""
    occ = [(k, m.start(), m.end()) for k, d in enumerate(docs) for m in _TRIGGER_RE.finditer(d.text)]
    random.Random(29).shuffle(occ)
    for i, (k, s, e) in enumerate(occ[:n]):
        d = docs[k]
        hits = [c for c in extract(d) if c.start < e and s < c.end]
        ctx = (d.text[max(0, s - 70):s] + "[[" + d.text[s:e] + "]]" + d.text[e:e + 50]).replace("\n", " | ")
        got = "; ".join(f"{c.text!r}={c.value}" for c in hits) or "-"
        print(f"{i:3d} {Path(d.path).name:<18} pub={d.pub_date} {ctx}\n      => {got}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--draw", type=int, default=0, help="print this many candidates to label instead")
    args = ap.parse_args(argv)
    if args.draw:
        _draw([load_document(p)[0] for p in discover([args.corpus])], args.draw)
        return 0
    rows = [line.rstrip("\n").split("\t") for line in args.labels.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    cache: dict[str, Document] = {}
    found = right = 0
    misses: list[str] = []
    for rel, start, end, text, value in rows:
        if rel not in cache:
            cache[rel] = load_document(args.corpus / rel)[0]
        doc = cache[rel]
        s, e = int(start), int(end)
        if doc.text[s:e] != text:
            print(f"label does not match the text: {rel} {s}:{e} {text!r} != {doc.text[s:e]!r}", file=sys.stderr)
            return 2
        want = None if value == "-" else value
        hits = [c for c in extract(doc) if c.start < e and s < c.end]
        found += bool(hits)
        ok = any(c.value == want for c in hits)
        right += ok
        if not ok:
            got = "; ".join(f"{c.text!r}={c.value}" for c in hits) or "not found"
            ctx = doc.text[max(0, s - 50):e + 30].replace("\n", " | ")
            misses.append(f"  {rel:<20} {text!r} = {value}  got {got}\n      ...{ctx}...")
    n = len(rows)
    print(f"labelled date expressions: {n}")
    print(f"found (a claim overlaps): {found}/{n} = {found / n:.2f}")
    print(f"found with the labelled value: {right}/{n} = {right / n:.2f}")
    print("misses:")
    print("\n".join(misses) or "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
