"""``type: enumeration-count`` -- a stated count that does not match the list after it.

"six-party talks between Russia, North Korea, South Korea, the US and China"
names five parties for six: one was dropped, or the count is wrong.

Example::

    id: house/count-vs-list
    type: enumeration-count
    severity: warning
    message: "Says {stated} but lists {found}: {items}."
    tests:
      fail: ["The three countries, France, Germany and Italy and Spain, agreed."]
      pass:
        - "The three countries, France, Germany and Italy, agreed."
        - "He had four prior arrests, including charges of larceny and assault."
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import Finding
from factcheck.rules.kinds.base import Kind

#: Words that announce a partial list: "four arrests, including ..." names some, not all.
PARTIAL_RE = re.compile(r"\b(?:including|includes|include|such as|among them|among others|like|e\.g\.)\b|\(",
                        re.IGNORECASE)


class EnumerationCountKind(Kind):
    """Flag enumerations whose stated count differs from the number of items listed."""

    name = "enumeration-count"
    NEEDS = ("enumeration",)
    OPTIONS = {}
    PLACEHOLDERS = ("stated", "found", "items")

    def check_document(self, doc: Document, claims: Sequence[Claim]) -> Iterable[Finding]:
        for c in claims:
            if c.kind != "enumeration" or c.get("partial"):
                continue
            items_start = c.text.find(str(c.get("items", [""])[0])) if c.get("items") else -1
            if PARTIAL_RE.search(c.text[:items_start] if items_start > 0 else c.text):
                continue
            stated = c.get("stated", c.value)
            items = c.get("items") or []
            found = c.get("item_count", len(items))
            if isinstance(stated, int) and isinstance(found, int) and stated != found:
                yield self.rule.finding(doc, c.start, c.end, stated=stated, found=found,
                                        items=", ".join(str(i) for i in items))
