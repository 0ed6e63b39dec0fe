"""Per-document digests of factcheck's claims and findings on a corpus: the guard for speed work.

Usage::

    python bench/golden.py CORPUS --check  [--golden tests/golden/ecbplus.json]
    python bench/golden.py CORPUS --update [--golden tests/golden/ecbplus.json]

A speed change must not change output.  Comparing one digest of the whole
JSON would say *that* something changed but not *where*; committing the whole
JSON (22 MB of claims on ECB+) would bloat the history with every deliberate
change.  So the golden file keeps one SHA-256 per document of its claims and
one of its findings (each finding with the documents it relates to), and a
check names the documents whose output moved.

Both commands run the CLI as a user does (``factcheck claims`` and
``factcheck scan --no-cache``, JSON) from the corpus's parent folder, so the
paths in the output are relative (``ecbplus/1/1_1ecb.txt``) and the digests
do not depend on where the corpus lies.  A change that is *meant* to change
output (a rule fix, a new reader) regenerates the file with ``--update`` in
the same commit, so the diff shows which documents it moved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

DEFAULT_GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "ecbplus.json"


def run_cli(corpus: Path, *args: str) -> dict[str, Any]:
    """Run ``factcheck ARGS CORPUS`` from the corpus's parent; returns the parsed JSON."""
    cmd = [sys.executable, "-m", "factcheck", *args[:1], corpus.name, *args[1:]]
    proc = subprocess.run(cmd, cwd=corpus.parent, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    parsed: dict[str, Any] = json.loads(proc.stdout)
    return parsed


def _digest(items: list[Any]) -> str:
    blob = json.dumps(items, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def digests(corpus: Path) -> dict[str, Any]:
    """``{"claims": {path: sha}, "findings": {path: sha}, "counts": {...}}`` for CORPUS."""
    claims = run_cli(corpus, "claims", "--format", "json")["claims"]
    findings = run_cli(corpus, "scan", "--no-cache", "--format", "json")["findings"]
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for claim in claims:
        by_doc[claim["path"]].append(claim)
    found: dict[str, list[Any]] = defaultdict(list)
    for finding in findings:
        found[finding["path"]].append(finding)
    return {
        "counts": {"claims": len(claims), "findings": len(findings)},
        "claims": {path: _digest(items) for path, items in sorted(by_doc.items())},
        "findings": {path: _digest(items) for path, items in sorted(found.items())},
    }


def differences(golden: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Human-readable lines, one per document whose claims or findings differ; empty when equal."""
    lines: list[str] = []
    for part in ("claims", "findings"):
        old, new = golden.get(part, {}), now.get(part, {})
        for path in sorted(set(old) | set(new)):
            if old.get(path) != new.get(path):
                state = "added" if path not in old else "removed" if path not in new else "changed"
                lines.append(f"{part} {state}: {path}")
    if golden.get("counts") != now.get("counts"):
        lines.append(f"counts: {golden.get('counts')} -> {now.get('counts')}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with the golden file; exit 1 on a difference")
    mode.add_argument("--update", action="store_true", help="rewrite the golden file")
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    args = parser.parse_args(argv)
    now = digests(args.corpus.resolve())
    if args.update:
        args.golden.parent.mkdir(parents=True, exist_ok=True)
        args.golden.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"golden: wrote {args.golden} ({now['counts']['claims']} claims, {now['counts']['findings']} findings)")
        return 0
    diff = differences(json.loads(args.golden.read_text(encoding="utf-8")), now)
    for line in diff[:50]:
        print(line)
    if len(diff) > 50:
        print(f"... and {len(diff) - 50} more")
    print("golden: identical" if not diff else f"golden: {len(diff)} differences")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
