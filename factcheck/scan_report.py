"""What a scan produced (:class:`Report`): the findings, the documents seen, and what the reports need.

Kept apart from :mod:`factcheck.engine`, which builds it, because every report
format, the fixer and the CLI read it; they need the record, not the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.baseline import Entry
    from factcheck.claims.base import Claim
    from factcheck.documents import Document
    from factcheck.findings import Finding
    from factcheck.rules.model import Rule
    from factcheck.stories import Stories


@dataclass
class Report:
    """What a scan produced: findings (sorted), the documents seen, and warnings."""

    findings: list[Finding]
    documents: list[Document]
    rules: list[Rule]
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    #: accepted baseline entries no longer found in the scanned files, with how
    #: many copies of each are gone (SARIF reports them as ``absent`` results)
    baseline_absent: list[tuple[Entry, int]] = field(default_factory=list)
    #: display paths of the documents reported on; None: all of ``documents``
    reported_paths: list[str] | None = None
    #: each document's claims (path -> claims, in document order): what the rules compared, kept for
    #: reports that show a claims ledger (html); only the kinds the selected rules needed
    claims: dict[str, Sequence[Claim]] = field(default_factory=dict)
    #: the corpus's stories when a corpus rule ran (None otherwise): how the html report groups findings
    stories: Stories | None = None

    @property
    def baseline_stale(self) -> int:
        """Accepted baseline findings (copies) no longer found."""
        return sum(n for _e, n in self.baseline_absent)

    def counts(self) -> dict[str, int]:
        """Findings that count: neither suppressed (a reason may be "") nor accepted in the baseline."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if f.suppressed is None and f.baseline_state != "unchanged":
                out[f.severity] += 1
        return out

    def visible(self) -> list[Finding]:
        """What people should look at: the findings :meth:`counts` counts, in report order.

        Text-like formats show only these; JSON and SARIF show every finding,
        marked, so tools can audit suppressions and baselines.
        """
        return [f for f in self.findings if f.suppressed is None and f.baseline_state != "unchanged"]

    def reported_documents(self) -> list[Document]:
        """Documents the scan reports on (``config.corpus`` extras take part but are not reported)."""
        if self.reported_paths is None:
            return list(self.documents)
        keep = set(self.reported_paths)
        return [d for d in self.documents if d.path in keep]

    def hidden(self) -> dict[str, int]:
        """How many findings are suppressed inline, and how many are accepted by the baseline."""
        return {"suppressed": sum(f.suppressed is not None for f in self.findings),
                "baseline": sum(f.suppressed is None and f.baseline_state == "unchanged" for f in self.findings)}
