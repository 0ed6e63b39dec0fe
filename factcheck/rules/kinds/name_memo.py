"""What one name cluster's findings read, as a key: how ``names/*`` reuse a part's findings.

Why: the names rules weigh every name of the corpus, so after one article
changed they ran whole again, though most clusters read nothing the change
touched.  Each cluster's findings are saved (:class:`factcheck.rules.model.FindingsMemo`)
under a digest of exactly what computing them reads:

* the cluster itself, and each candidate cluster a slip could be of: a
  cluster's mentions are the name claims of the documents that write it, so
  the (path, content digest) of those documents name its content
  (:meth:`Prints.cluster`);
* the corpus-wide evidence the typo test consults about those names: which of
  their words the corpus writes in lower case, whether another document writes
  each word of the name in a name of its own, and the story around the
  name's documents (its members, and the story id its evidence names);
* for ``names/style``, the story id of each document writing the name.

The rule's options are not in the key: the cache keeps one folder per
settings.  A document without a known digest makes a cluster uncacheable,
and the cluster is computed as in a cold scan.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.rules.kinds.name_clusters import _Cluster, _Form
from factcheck.rules.model import FindingsMemo

if TYPE_CHECKING:
    from factcheck.stories import Stories, Story


@dataclass(frozen=True)
class _Evidence:
    """The corpus-wide indexes the typo test reads (built once per run of ``names/variant``)."""

    clusters: dict[str, _Cluster]
    #: style key -> (display, support, documents) of every well-supported or canonical name
    strong: dict[str, tuple[str, int, int]]
    folded_of: dict[str, str]
    canon_keys: dict[str, str]
    #: folded name word -> paths that write it in a name
    token_docs: dict[str, set[str]]
    lower_words: set[str]
    stories: Stories


@dataclass
class Prints:
    """The digests one rule run computed: each document's (its path and content digest, as a
    128-bit number), each cluster's and each story's, so none is computed twice."""

    memo: FindingsMemo
    docs: dict[str, int | None] = field(default_factory=dict)
    clusters: dict[str, str | None] = field(default_factory=dict)
    stories: dict[str, str] = field(default_factory=dict)

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

    def story(self, story: Story) -> str:
        """A digest of a story's id and members."""
        out = self.stories.get(story.id)
        if out is None:
            out = self.stories[story.id] = _key((story.id, story.documents))
        return out


def _key(parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def typo_key(ctx: _Evidence, cl: _Cluster, form: _Form, mine: set[str], candidates: set[str],
             prints: Prints) -> str | None:
    """The key of ``names/variant``'s findings for cluster ``cl`` (dominant ``form``, written by
    ``mine``, near ``candidates``), or None when it cannot be known.  The stories around ``mine``
    are their digests: the documents the typo test looks for in the same story are theirs."""
    own = prints.cluster(cl)
    if own is None:
        return None
    words = {w for f in cl.forms.values() for w in f.folded.split()}
    near = []
    for other in sorted(candidates):
        other_cl = ctx.clusters.get(other)
        theirs = prints.cluster(other_cl) if other_cl is not None else ""
        if theirs is None:
            return None
        near.append((other, ctx.strong[other], ctx.folded_of[other], theirs))
        words.update(ctx.folded_of[other].split())
        if other_cl is not None:
            words.update(w for f in other_cl.forms.values() for w in f.folded.split())
    story = ctx.stories.story_of(min(mine))
    around = sorted({prints.story(s) for m in mine if (s := ctx.stories.story_of(m)) is not None})
    return _key(("typo", cl.key, own, near, sorted(w for w in words if w in ctx.lower_words),
                 [bool(ctx.token_docs.get(w, set()) - mine) for w in form.folded.split()],
                 around, story.id if story is not None else None))


def style_key_of(cl: _Cluster, stories: Stories, prints: Prints) -> str | None:
    """The key of ``names/style``'s findings for cluster ``cl``, or None when it cannot be known."""
    own = prints.cluster(cl)
    if own is None:
        return None
    story_ids = [(p, s.id if (s := stories.story_of(p)) is not None else None) for p in sorted(cl.paths)]
    return _key(("style", cl.key, own, story_ids))
