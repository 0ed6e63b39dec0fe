"""The hand-read precision of error and warning findings on an untouched corpus, kept as data.

Usage::

    python bench/precision_audit.py ../shared/corpora/ecbplus [--audit bench/data/precision_ecbplus.tsv]
        [--scan SCAN.json]

Issue 27 asks for every error and warning finding on untouched ECB+ to be read
against its sources and classified true, debatable or false.  A verdict that
lives only in a closing note is lost to the next change: this keeps the
verdicts in a TSV (rule, path under the corpus, line, excerpt, verdict,
reason), scans the corpus as a user does (``factcheck scan --no-cache``, JSON;
or reads ``--scan``), and joins the two.  It prints the share of true findings
among the classified ones, false errors per 100 articles, and -- what a
reviewer must read next -- every error or warning finding that has no verdict
yet, and every verdict whose finding is gone.  A finding is matched by rule,
path, line and excerpt, so an unrelated change elsewhere in the corpus's
output never re-opens it.

Exit status: 0 when every error and warning finding has a verdict, 1 when
some still need reading, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from golden import run_cli

DEFAULT_AUDIT = Path(__file__).resolve().parent / "data" / "precision_ecbplus.tsv"
VERDICTS = ("true", "debatable", "false")

Key = tuple[str, str, int, str]


def read_audit(path: Path) -> dict[Key, tuple[str, str]]:
    """The verdicts: (rule, path, line, excerpt) -> (verdict, reason).  Lines starting with '#' are comments."""
    audit: dict[Key, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 6 or row[4] not in VERDICTS or not row[2].isdigit():
                raise SystemExit(f"{path}:{n}: expected rule, path, line, excerpt, verdict ({'/'.join(VERDICTS)}), "
                                 f"reason separated by tabs")
            audit[(row[0], row[1], int(row[2]), row[3])] = (row[4], row[5])
    return audit


def key_of(finding: dict[str, Any]) -> Key:
    """A finding's key in the audit: its path is taken under the corpus folder (its last two parts)."""
    path = "/".join(str(finding["path"]).replace("\\", "/").split("/")[-2:])
    excerpt = " ".join(str(finding.get("excerpt") or "").split())
    return (str(finding["rule"]), path, int(finding["line"]), excerpt)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--audit", type=Path, default=DEFAULT_AUDIT, help="the verdicts (TSV)")
    ap.add_argument("--scan", type=Path, help="a scan's JSON to read instead of scanning")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    audit = read_audit(args.audit)
    report = json.loads(args.scan.read_text(encoding="utf-8")) if args.scan else \
        run_cli(args.corpus.resolve(), "scan", "--no-cache", "--format", "json")  # as a user scans
    files = report.get("summary", {}).get("files") or len({f["path"] for f in report["findings"]})
    findings = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    verdicts: Counter[str] = Counter()
    false_errors = 0
    unread = []
    seen = set()
    for f in findings:
        key = key_of(f)
        seen.add(key)
        if key not in audit:
            unread.append(f)
            continue
        verdict = audit[key][0]
        verdicts[verdict] += 1
        false_errors += verdict == "false" and f["severity"] == "error"
    read = sum(verdicts.values())
    print(f"corpus: {args.corpus} ({files} files); error+warning findings: {len(findings)}; with a verdict: {read}")
    if read:
        print(f"true {verdicts['true']}, debatable {verdicts['debatable']}, false {verdicts['false']}: "
              f"{100 * verdicts['true'] / read:.1f} % true (aim >= 85 %)")
    print(f"false errors per 100 articles: {100 * false_errors / max(files, 1):.2f} (aim <= 0.5)")
    for key, (verdict, _reason) in sorted(audit.items()):
        if key not in seen:
            print(f"  gone: {key[0]} {key[1]}:{key[2]} {key[3]!r} (was {verdict})")
    for f in unread:
        rule, path, line, excerpt = key_of(f)
        print(f"  to read: {rule} {f['severity']} {path}:{line} {excerpt!r}: {f['message']}")
    return 1 if unread else 0


if __name__ == "__main__":
    raise SystemExit(main())
