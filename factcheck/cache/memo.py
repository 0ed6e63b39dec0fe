"""The findings of parts of whole-corpus rules, kept from one scan to the next (``memo.json``).

Why: ``names/variant`` and ``names/style`` weigh every name of the corpus, so
after one article changed they ran whole again -- yet most name clusters read
nothing the change touched.  Each rule keys a part's findings by a digest of
everything the part reads (the documents by path and content digest, and
whatever corpus-wide evidence it consults: see
:class:`factcheck.rules.model.FindingsMemo`), and :class:`StoredMemo` gives
back the findings saved under that key by the last scan.

The file holds only the keys the latest scan used (read on open, written once
after the rules ran), so it does not grow with edits; each entry's findings
are decoded only when recalled.  A key is a digest of inputs, never a path, so
an entry can only be used for exactly the inputs it was computed from;
anything that does not decode is a miss, and the part is computed again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.cache.codec import DecodeError, EncodeError, decode, encode
from factcheck.cache.store import read_json, write_json
from factcheck.findings import Finding

if TYPE_CHECKING:
    from factcheck.cache import DocCache

#: the name of the file in the cache's settings folder
MEMO_FILE = "memo.json"


@dataclass
class StoredMemo:
    """A :class:`~factcheck.rules.model.FindingsMemo` over the cache: the last scan's entries
    (``saved``: rule id -> key -> encoded findings) and this scan's (``used``), written by
    :meth:`save`."""

    digests: Mapping[str, str]
    saved: dict[str, dict[str, Any]] = field(default_factory=dict)
    used: dict[str, dict[str, Any]] = field(default_factory=dict)

    def digest(self, path: str) -> str | None:
        return self.digests.get(path)

    def recall(self, rule_id: str, key: str) -> list[Finding] | None:
        payload = self.saved.get(rule_id, {}).get(key)
        if payload is None:
            return None
        try:
            found = list(decode(payload, tuple[Finding, ...]))
        except (DecodeError, TypeError, ValueError, RecursionError):
            return None
        self.used.setdefault(rule_id, {})[key] = payload
        return found

    def remember(self, rule_id: str, key: str, findings: Sequence[Finding]) -> None:
        try:
            payload = encode(tuple(findings), tuple[Finding, ...])
        except (EncodeError, TypeError, ValueError, RecursionError):
            return  # not saved: computed again next time
        self.used.setdefault(rule_id, {})[key] = payload


def open_memo(cache: DocCache, digests: Mapping[str, str]) -> StoredMemo:
    """The memo of the last scan in ``cache`` (empty when missing, foreign or corrupt)."""
    stored = read_json(cache.folder / MEMO_FILE)
    saved: dict[str, dict[str, Any]] = {}
    if isinstance(stored, dict) and stored.get("key") == cache.key and isinstance(stored.get("rules"), dict):
        saved = {rule: entries for rule, entries in stored["rules"].items()
                 if isinstance(rule, str) and isinstance(entries, dict)}
    return StoredMemo(digests, saved)


def save_memo(cache: DocCache, memo: StoredMemo) -> bool:
    """Write this scan's entries (only when they differ from the last scan's)."""
    if memo.used == memo.saved:
        return True
    return write_json(cache.folder / MEMO_FILE, {"key": cache.key, "rules": memo.used}, cache.root)
