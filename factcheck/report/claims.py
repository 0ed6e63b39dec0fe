"""Rendering of ``factcheck claims``: the fact-checker's ledger (table, json, csv)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.facts import Facts

CLAIMS_JSON_VERSION = 1
_BASE_FIELDS = ("kind", "text", "value", "unit", "qualifier")


def claim_to_json(doc: Document, claim: Claim, facts: Facts | None = None) -> dict[str, Any]:
    """One claim as ``factcheck claims`` JSON shows it; with ``facts``, its ``fact`` key
    (``{"story", "subject", "measure"}``, or null for a claim that states no fact)."""
    # "text" is the source slice between the reported positions (the README's "exactly the
    # original text"): "\r\n" and "&amp;" as in the file, where Claim.text has "\n" and "&".
    line, col, end_line, end_col, excerpt = doc.locate(claim.start, claim.end)
    d: dict[str, Any] = {"path": doc.path, "line": line, "column": col, "end_line": end_line,
                         "end_column": end_col, "kind": claim.kind, "text": excerpt,
                         "value": claim.value, "unit": claim.unit, "qualifier": claim.qualifier}
    for key in sorted(claim.attrs):
        if key not in d:
            d[key] = claim.attrs[key]
    if facts is not None:
        fact = facts.key_of(doc.path, claim)
        d["fact"] = fact.as_json() if fact is not None else None
    return d


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_claims(items: Sequence[tuple[Document, Sequence[Claim]]], fmt: str, facts: Facts | None = None) -> str:
    """The claims of ``items`` in ``fmt``; ``facts`` (JSON only) adds each claim's fact key."""
    rows = [claim_to_json(doc, c, facts if fmt == "json" else None) for doc, claims in items for c in claims]
    if fmt == "json":
        return json.dumps({"version": CLAIMS_JSON_VERSION, "claims": rows}, indent=2,
                          ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["path", "line", "column", "kind", "text", "value", "unit", "qualifier", "details"])
        for r in rows:
            extra = {k: v for k, v in r.items() if k not in
                     ("path", "line", "column", "end_line", "end_column", *_BASE_FIELDS)}
            w.writerow([r["path"], r["line"], r["column"], r["kind"], r["text"], _flat(r["value"]),
                        _flat(r["unit"]), _flat(r["qualifier"]), _flat(extra) if extra else ""])
        return buf.getvalue()
    out = []
    for r in rows:
        text = r["text"] if len(r["text"]) <= 60 else r["text"][:57] + "..."
        text = " ".join(text.split())
        value = _flat(r["value"])
        details = []
        if r["unit"]:
            details.append(f"unit={r['unit']}")
        if r["qualifier"]:
            details.append(f"qualifier={r['qualifier']}")
        for key in ("subject", "speaker", "granularity", "anchor", "reason", "title", "type"):
            if r.get(key) not in (None, ""):
                details.append(f"{key}={_flat(r[key])}")
        if r.get("items"):
            details.append(f"items={len(r['items'])}")
        out.append(shown(f"{r['path']}:{r['line']}:{r['column']}\t{r['kind']:<11}\t{text}\t=> {value}"
                         + (f"\t({', '.join(details)})" if details else "")))
    out.append(f"{len(rows)} claim{'s' if len(rows) != 1 else ''} in {len(items)} document"
               f"{'s' if len(items) != 1 else ''}")
    return "\n".join(out) + "\n"
