"""Pick the sentences of the quantities benchmark from raw text (the labels are written by hand).

Usage::

    python bench/quantities_select.py ../shared/corpora/ecbplus seeds > /tmp/candidates.jsonl

Sentences are chosen from the *raw* article text, never from what factcheck
extracts: choosing from its output would hide exactly what it misses.  A
sentence qualifies when it holds a digit or a number word (dates, years and
scores included: they test precision; a line that is only a URL is no sentence).  ECB+ files are visited in a fixed
shuffled order (seed 29) until :data:`ECB_SENTENCES` sentences are taken; every
qualifying seed sentence is taken.  Sentences alternate between the ``dev``
split (tuning) and the ``test`` split (reported, never tuned on), so both see
the same mix of sources.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ECB_SENTENCES = 300
MAX_PER_FILE = 4
SEED = 29

_NUMBER_WORD_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?"
    r"|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|third|thirds|fifth|fifths)\b",
    re.IGNORECASE)
_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z\"“‘(])|\n+")


def sentences(text: str) -> list[str]:
    """Sentences of a raw article: cut after . ! ? before a capital, and at line breaks."""
    out = []
    for part in _SPLIT_RE.split(text):
        s = " ".join(part.split())
        if 20 <= len(s) <= 400:
            out.append(s)
    return out


def main(argv: list[str]) -> int:
    ecb, seeds = Path(argv[0]), Path(argv[1])
    rows: list[dict[str, str]] = []
    files = sorted(p for p in ecb.rglob("*.txt"))
    random.Random(SEED).shuffle(files)
    seen: set[str] = set()
    taken = 0
    for path in files:
        if taken >= ECB_SENTENCES:
            break
        k = 0
        for n, s in enumerate(sentences(path.read_text(encoding="utf-8", errors="replace"))):
            if k >= MAX_PER_FILE or taken >= ECB_SENTENCES:
                break
            if s in seen or s.startswith(("http://", "https://")) or not _NUMBER_WORD_RE.search(s):
                continue
            seen.add(s)
            rows.append({"id": f"ecbplus/{path.relative_to(ecb).as_posix()}#{n}", "text": s})
            k += 1
            taken += 1
    for path in sorted(seeds.glob("*.txt")):
        for n, s in enumerate(sentences(path.read_text(encoding="utf-8"))):
            if s not in seen and _NUMBER_WORD_RE.search(s):
                seen.add(s)
                rows.append({"id": f"seeds/{path.name}#{n}", "text": s})
    for i, row in enumerate(rows):
        row["split"] = "dev" if i % 2 == 0 else "test"
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
