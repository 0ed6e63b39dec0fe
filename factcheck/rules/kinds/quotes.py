"""``type: quote-drift`` -- the same quote rendered differently by two documents.

Quotes are compared through a blocking index of word 3-grams, so only quotes
that share wording are ever aligned (no all-pairs comparison).  Only quotes
that may be one remark are compared (:meth:`QuoteDriftKind._comparable`): of
one story when the corpus knows its stories, never of two different named
speakers, and of an unknown speaker only when the two overlap strongly.  Each
finding records its evidence (``Finding.data["evidence"]``, see
:mod:`factcheck.rules.evidence`): ``same speaker`` or ``unknown speaker`` (the
comparison that admitted the pair), the story, and the documents that give the
reference wording.

Before they are compared, quotes are normalised (``quote_text.normalise``):
editorial insertions "(Tara Reid)" and "[its direction]" go, an ellipsis
marks words left out (the other quote's words there are not drift), and
times, digit groups, percentages and month abbreviations take one form.  An
aligned pair is trimmed to the stretch both quotes cover -- outlets excerpt
the same remark at different lengths, and a quote that simply stops earlier
has not drifted -- and the words that differ inside it are reported as a
word-level diff, each change named by what it does (``quote_text.classify``):
a negation, a hedge, a number or content words changed are reported at the
rule's severity; function words only ("the", "that") or another form of one
word ("want"/"wanted") at ``function_words`` (info).  Differences that vanish
once spelling (realise/realize) and punctuation are normalised are a style
matter: ``spelling: info`` reports them at info level, ``spelling: ignore``
drops them.

Example::

    id: house/quote-drift
    type: quote-drift
    severity: warning
    message: "Quote differs from {other}: {diff}"
    tests:
      fail:
        - files:
            a.txt: '"We will never accept these sanctions in any form," said Minister Ivan Petrov.'
            b.txt: '"We will not accept these sanctions in any form," said Minister Ivan Petrov.'
      pass:
        - files:
            a.txt: '"We will never accept these sanctions in any form," said Minister Ivan Petrov.'
            b.txt: '"We will never accept these sanctions in any form," Petrov said.'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from factcheck.claims.base import Claim
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.rules.evidence import Evidence, story_id
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.conflict import STOPWORDS
from factcheck.rules.kinds.quote_diff import Diff, align, shingles, spelling_key, words
from factcheck.rules.model import CorpusView, Option


@dataclass(frozen=True)
class _Quote:
    doc: Document
    claim: Claim
    words: tuple[str, ...]
    speaker: str | None


def _same_person(a: str, b: str) -> bool:
    """Two speaker names for one person: one name within the other ("Obama", "Barack
    Obama"), the same surname, or a surname one slip apart under the same first name
    ("Andrew Wetzler", "Andrew Welzler").  A shared first name alone ("Mark Feldstein",
    "Mark Pinder") is two people."""
    wa, wb = a.casefold().split(), b.casefold().split()
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa) or wa[-1] == wb[-1]:
        return True
    return len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0] and Levenshtein.distance(wa[-1], wb[-1]) <= 1


def speaker_match(a: _Quote, b: _Quote) -> str:
    """"same", "different" or "unknown": do both outlets name one speaker?

    A quote without a speaker, or with a description ("a police spokeswoman",
    "the company") that may name anyone, is "unknown"; two names are the same
    speaker (see :func:`_same_person`) or two -- unless one of them was inferred
    from context rather than stated beside the quote: the extractor's guess
    ("Billy Graham" for Bettie Page's words two sentences after his name) does
    not prove two speakers, so the pair is "unknown".
    """
    if not a.speaker or not b.speaker or "description" in (a.claim.get("speaker_type"), b.claim.get("speaker_type")):
        return "unknown"
    if _same_person(a.speaker, b.speaker):
        return "same"
    return "unknown" if a.claim.get("inferred") or b.claim.get("inferred") else "different"


#: A quote whose speaker is unknown is compared only when the two quotes overlap this strongly
#: (similarity, and content words shared: all of the shorter quote's, or this many):
#: a shared fragment ("No one knew", "a very close family") is not one remark.
STRONG_SIMILARITY = 0.75
STRONG_SHARED_CONTENT = 3


class QuoteDriftKind(Kind):
    """Report a quote worded differently from the same quote in another document."""

    name = "quote-drift"
    scope = "corpus"
    NEEDS = ("quote", "name")
    OPTIONS = {
        "min_words": Option((int,), default=6, min=0, help="shorter quotes are not compared"),
        "min_similarity": Option((float,), default=0.6, min=0, max=1, help="0..1: how alike two quotes must be"),
        "spelling": Option((str,), default="info", choices=("info", "ignore", "report"),
                           help="spelling/punctuation-only differences: info, ignore or report"),
        "wording_severity": Option((str,), default="info", choices=("ignore", "info", "warning", "error"),
                                   help="changes of wording that keep the meaning (a modifier added or dropped, "
                                        "a paraphrase, a synonym): ignore, or the severity to report them at"),
        "function_words": Option((str,), default="info", choices=("info", "ignore", "report"),
                                 help="differences of function words only (the, that, has): info, ignore or report"),
        "same_speaker": Option((bool,), default=True,
                               help="never compare quotes of two named speakers; one of unknown speaker "
                                    "only when the quotes overlap strongly"),
    }
    PLACEHOLDERS = ("other", "diff", "speaker", "side")

    def per_story(self) -> bool:
        """Quotes are compared within one story only (see :meth:`_comparable`)."""
        return True

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        quotes: list[_Quote] = []
        for doc, claims in corpus.items():
            for c in claims:
                if c.kind != "quote":
                    continue
                ws = tuple(words(str(c.value)))
                if len(ws) >= self.options["min_words"]:
                    quotes.append(_Quote(doc, c, ws, c.get("speaker")))
        # Identical quotes by the same speaker (syndicated copies) collapse to one
        # representative before pairing: the cost stays linear in the corpus.
        same: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for i, q in enumerate(quotes):
            same[(tuple(w.casefold() for w in q.words), (q.speaker or "").casefold(),
                  q.claim.get("speaker_type"))].append(i)
        groups = list(same.values())
        reps = [quotes[ids[0]] for ids in groups]
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, q in enumerate(reps):
            for sh in shingles(q.words):
                index[sh].append(i)
        pairs: set[tuple[int, int]] = set()
        for ids in index.values():
            if len(ids) > 50:
                continue  # a stock phrase shared by many quotes says nothing
            for x in ids:
                for y in ids:
                    if x < y:
                        pairs.add((x, y))
        # Similar quotes form clusters; in each, the most frequent wording (then the
        # earliest by path) is the reference and every other wording is compared
        # with it.  Three wordings in three documents give two findings, and a
        # document that agrees with the majority is never blamed.
        parent = list(range(len(reps)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for x, y in sorted(pairs):
            qa, qb = reps[x], reps[y]
            if self._comparable(corpus, qa, qb):
                parent[root(x)] = root(y)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(reps)):
            clusters[root(i)].extend(groups[i])
        for members in clusters.values():
            if len({quotes[i].doc.path for i in members}) < 2:
                continue
            wording: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for i in members:
                wording[tuple(w.casefold() for w in quotes[i].words)].append(i)
            ref_key = min(wording, key=lambda k: (-len(wording[k]), min(
                (quotes[i].doc.path, quotes[i].claim.start) for i in wording[k])))
            ref = quotes[min(wording[ref_key], key=lambda i: (quotes[i].doc.path, quotes[i].claim.start))]
            ref_loc = Location.of(ref.doc, ref.claim.start, ref.claim.end)
            ref_docs = {quotes[i].doc.path for i in wording[ref_key]}
            # One location per agreeing document, the reference first: the agreeing copies are related.
            agreeing, seen = [ref_loc], {ref.doc.path}
            for j in sorted(wording[ref_key], key=lambda j: (quotes[j].doc.path, quotes[j].claim.start)):
                if quotes[j].doc.path not in seen:
                    seen.add(quotes[j].doc.path)
                    agreeing.append(Location.of(quotes[j].doc, quotes[j].claim.start, quotes[j].claim.end))
            for i in sorted(members, key=lambda i: (quotes[i].doc.path, quotes[i].claim.start)):
                q = quotes[i]
                if q.doc.path == ref.doc.path:
                    continue
                # A cluster is joined pair by pair: a quote may reach the reference only
                # through a third, so the reference is checked against it again here.
                d = align(ref.words, q.words)
                if not d.changes or not self._comparable(corpus, ref, q, d):
                    continue
                severity = self._severity(d)
                if severity == "ignore":
                    continue
                mine = len({quotes[j].doc.path for j in wording[tuple(w.casefold() for w in q.words)]})
                yield self.rule.finding(q.doc, q.claim.start, q.claim.end, related=agreeing, severity=severity,
                                        data={"evidence": self._evidence(corpus, q, ref, ref_docs)},
                                        other=f"{ref.doc.path}:{ref_loc.line}", diff=d.describe(),
                                        speaker=q.speaker or ref.speaker or "unknown speaker",
                                        side=suspect_side(len(ref_docs), mine))

    def _evidence(self, corpus: CorpusView, q: _Quote, ref: _Quote, ref_docs: set[str]) -> dict[str, object]:
        """Why ``q`` was compared with ``ref``, as JSON: which test admitted the pair (one named
        speaker, or an unknown one and a strong overlap), ``q``'s story, who gives the reference."""
        same = not self.options["same_speaker"] or speaker_match(q, ref) == "same"
        return Evidence.of("same speaker" if same else "unknown speaker", story_id(corpus, q.doc.path),
                           ref_docs - {q.doc.path}).as_json()

    def _comparable(self, corpus: CorpusView, a: _Quote, b: _Quote, d: Diff | None = None) -> bool:
        """May ``a`` and ``b`` be one remark told twice?  The one place that decides it.

        Both must belong to one story, when the corpus knows its stories; be alike
        enough (``min_similarity``); and, with ``same_speaker``, not be given to
        two different named people -- a quote of unknown speaker only when the two
        overlap strongly, not merely share a fragment.
        """
        stories = getattr(corpus, "stories", None)
        if stories is not None and not stories.same_story(a.doc.path, b.doc.path):
            return False
        match = speaker_match(a, b) if self.options["same_speaker"] else "same"
        if match == "different":
            return False
        d = d or align(a.words, b.words)
        if d.similarity < self.options["min_similarity"]:
            return False
        if match == "same":
            return True
        # Unknown speaker: the two must overlap strongly -- nearly all words, and the content
        # words of the shorter quote (at least two), or four of them when it has more.
        content = min(sum(spelling_key(w) not in STOPWORDS for w in q.words) for q in (a, b))
        return d.similarity >= STRONG_SIMILARITY and d.shared_content >= max(2, min(content, STRONG_SHARED_CONTENT))

    def _severity(self, d: Diff) -> str | None:
        """The finding's severity, by what the weightiest change does: the rule's own (None) when the
        meaning changed; ``wording_severity`` when only the wording did (a modifier, a paraphrase, a
        synonym); the ``function_words`` / ``spelling`` option's when only function words or spelling
        did ("ignore": no finding; "report": the rule's own)."""
        if d.meaning:
            return None
        if d.wording:
            return str(self.options["wording_severity"])
        setting = self.options["spelling"] if d.spelling_only else self.options["function_words"]
        return None if setting == "report" else str(setting)


def suspect_side(agree: int, mine: int) -> str:
    """Which copy is suspect, as a message says it: with a majority for the reference wording
    the flagged copy is the odd one out; without one, either copy may be the accurate one.

    ``agree`` and ``mine`` count the documents printing the reference wording and the
    flagged one."""
    if agree > mine:
        return (f"the odd one out: {agree} documents agree with the other wording" if mine == 1 else
                f"{agree} documents against {mine}: this wording is the minority")
    return "no majority: either wording may be the accurate one"
