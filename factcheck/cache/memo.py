"""The findings of parts of whole-corpus rules, kept from one scan to the next (``memo.json``).

Why: ``names/variant`` and ``names/style`` weigh every name of the corpus, so
after one article changed they ran whole again -- yet most name clusters read
nothing the change touched.  Each rule keys a part's findings by a digest of
everything the part reads (the documents by path and content digest, and
whatever corpus-wide evidence it consults: see
:class:`factcheck.rules.model.FindingsMemo`), and :class:`StoredMemo` gives
back the findings saved under that key by the last scan.

Beside findings, a rule may keep the results of a pure function of a string
(``values``: a name's folded form and style key, which a fresh process computed
again for every distinct name of the corpus, ~0.08 s of CPU on ECB+ at any
scale); the key is the string itself, and the settings folder the code.

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
    #: table -> key -> strings, of the last scan (``values``) and of this one (``values_used``)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    values_used: dict[str, dict[str, list[str]]] = field(default_factory=dict)

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

    def value(self, table: str, key: str) -> tuple[str, ...] | None:
        found = self.values.get(table, {}).get(key)
        if type(found) is not list or not all(type(x) is str for x in found):
            return None
        self.values_used.setdefault(table, {})[key] = found
        return tuple(found)

    def keep(self, table: str, key: str, value: tuple[str, ...]) -> None:
        self.values_used.setdefault(table, {})[key] = list(value)


def open_memo(cache: DocCache, digests: Mapping[str, str]) -> StoredMemo:
    """The memo of the last scan in ``cache`` (empty when missing, foreign or corrupt)."""
    stored = read_json(cache.folder / MEMO_FILE)
    saved: dict[str, dict[str, Any]] = {}
    values: dict[str, dict[str, Any]] = {}
    if isinstance(stored, dict) and stored.get("key") == cache.key and isinstance(stored.get("rules"), dict):
        saved = {rule: entries for rule, entries in stored["rules"].items()
                 if isinstance(rule, str) and isinstance(entries, dict)}
        if isinstance(stored.get("values"), dict):
            values = {table: entries for table, entries in stored["values"].items()
                      if isinstance(table, str) and isinstance(entries, dict)}
    return StoredMemo(digests, saved, values=values)


def save_memo(cache: DocCache, memo: StoredMemo) -> bool:
    """Write this scan's entries (only when they differ from the last scan's)."""
    if memo.used == memo.saved and memo.values_used == memo.values:
        return True
    return write_json(cache.folder / MEMO_FILE, {"key": cache.key, "rules": memo.used, "values": memo.values_used},
                      cache.root)
