"""What one name cluster's ``names/style`` findings read, as a key: how they are reused.

Why: ``names/style`` looks at every name of the corpus, so after one article
changed it ran whole again, though most clusters read nothing the change
touched.  Each cluster's findings are saved (:class:`factcheck.rules.model.FindingsMemo`)
under a digest of exactly what computing them reads: the cluster's mentions,
which are the name claims of the documents that write it -- so the (path,
content digest) of those documents name them (:meth:`Prints.cluster`) -- and
the story id of each of those documents (the evidence names it).

``names/variant`` is not memoised: its key would have to digest each slip
candidate's cluster and the corpus-wide evidence the typo test consults (words
written in lower case, names other documents write, the stories around), and
on ECB+ at 1x and 10x computing that key cost as much as the findings it saves.

The rule's options are not in the key: the cache keeps one folder per
settings.  A document without a known digest makes a cluster uncacheable,
and the cluster is computed as in a cold scan.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.rules.kinds.name_clusters import _Cluster
from factcheck.rules.model import FindingsMemo

if TYPE_CHECKING:
    from factcheck.stories import Stories


@dataclass
class Prints:
    """The digests one rule run computed: each document's (its path and content digest, as a
    128-bit number) and each cluster's, so none is computed twice."""

    memo: FindingsMemo
    docs: dict[str, int | None] = field(default_factory=dict)
    clusters: dict[str, str | None] = field(default_factory=dict)

    def doc(self, path: str) -> int | None:
        if path in self.docs:
            return self.docs[path]
        digest = self.memo.digest(path)
        value = None if digest is None else int.from_bytes(hashlib.blake2b(
            path.encode("utf-8", "surrogatepass") + b"\x00" + digest.encode("ascii"), digest_size=16).digest())
        self.docs[path] = value
        return value

    def cluster(self, cl: _Cluster) -> str | None:
        """A digest of the documents that write ``cl``: the sum of theirs (modulo 2**128, so the
        order of the paths needs no sort); None when one of them has no known digest."""
        if cl.key in self.clusters:
            return self.clusters[cl.key]
        total = 0
        out: str | None = None
        for path in cl.paths:
            value = self.doc(path)
            if value is None:
                break
            total += value
        else:
            out = f"{total % (1 << 128):032x}"
        self.clusters[cl.key] = out
        return out


def _key(parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def style_key_of(cl: _Cluster, stories: Stories, prints: Prints) -> str | None:
    """The key of ``names/style``'s findings for cluster ``cl``, or None when it cannot be known."""
    own = prints.cluster(cl)
    if own is None:
        return None
    story_ids = [(p, s.id if (s := stories.story_of(p)) is not None else None) for p in sorted(cl.paths)]
    return _key(("style", cl.key, own, story_ids))
