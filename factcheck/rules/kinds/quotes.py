"""``type: quote-drift`` -- the same quote rendered differently by two documents.

Quotes are compared through a blocking index of word 3-grams, so only quotes
that share wording are ever aligned (no all-pairs comparison).  An aligned
pair is trimmed to the stretch both quotes cover -- outlets excerpt the same
remark at different lengths, and a quote that simply stops earlier has not
drifted -- and the words that differ inside it are reported as a word-level
diff.  Differences that vanish once spelling (realise/realize) and
punctuation are normalised are a style matter: ``spelling: info`` reports
them at info level, ``spelling: ignore`` drops them.

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

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import LCSseq

from factcheck.claims.base import Claim
from factcheck.claims.numwords import parse_number, parse_ordinal
from factcheck.documents import Document
from factcheck.findings import Finding, Location
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.conflict import STOPWORDS
from factcheck.rules.model import CorpusView, Option

_WORD_RE = re.compile(r"[\w’']+", re.UNICODE)
_SPELLING = [(re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
             (re.compile(r"yse(s|d)?$"), r"yze\1"), (re.compile(r"our(s|ed|ing|able|hood|hoods)?$"), r"or\1"),
             (re.compile(r"([bcdfghklmnpstvz])re(s)?$"), r"\1er\2"), (re.compile(r"ogue(s)?$"), r"og\1"),
             (re.compile(r"ence$"), "ense"), (re.compile(r"mme(s)?$"), r"m\1")]


_EDITORIAL_RE = re.compile(r"\[[^\]]*\]")
_TIME_RE = re.compile(r"\b(\d{1,2}):00\b")
_EQUIVALENT = {"okay": "ok", "per": "per", "percent": "%"}
_HE = frozenset({"he", "him", "his", "himself"})
_GENDERED = _HE | {"she", "her", "hers", "herself"}


def words(text: str) -> list[str]:
    """Surface words of a quote, apostrophes kept inside words, punctuation dropped.

    Editorial insertions in [brackets] are the outlet's, not the speaker's,
    and "9:00" and "9" are one time: neither is drift.
    """
    text = _TIME_RE.sub(r"\1", _EDITORIAL_RE.sub(" ", text))
    out = []
    for w in _WORD_RE.findall(text):
        w = w.replace("’", "'").strip("'")
        if w:
            out.append(w)
    return out


@functools.lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """British and American spellings of a word map to one key (realise/realize -> realize).

    Cached: a corpus repeats its words, and the name and quote rules key every
    mention (a third of the names rules' time on ECB+ went here)."""
    w = word.casefold().replace("'", "")
    w = _EQUIVALENT.get(w, w)
    for rx, rep in _SPELLING:
        if len(w) > 4 and rx.search(w):
            return rx.sub(rep, w)
    return w


def shingles(ws: Sequence[str], n: int = 3) -> set[tuple[str, ...]]:
    keys = [spelling_key(w) for w in ws]
    if len(keys) < n:
        return {tuple(keys)} if keys else set()
    return {tuple(keys[i:i + n]) for i in range(len(keys) - n + 1)}


@dataclass(frozen=True)
class Diff:
    """A word-level comparison of two quotes over the stretch both cover.

    ``changes`` are (op, words in a, words in b, context) with op one of
    delete / insert / replace / spelling; context names the neighbouring word
    so a reader can find the change.
    """

    changes: tuple[tuple[str, str, str, str], ...]
    spelling_only: bool
    similarity: float

    def describe(self) -> str:
        out = []
        spelling = []
        for op, a, b, ctx in self.changes:
            if op == "delete":
                out.append(f"'{a}' dropped{ctx}")
            elif op == "insert":
                out.append(f"'{b}' added{ctx}")
            elif op == "replace":
                out.append(f"'{a}' -> '{b}'")
            else:
                spelling.append(f"{a}/{b}")
        if spelling:
            out.append("spelling " + ", ".join(spelling))
        return "; ".join(out)


def _anchor(ops: Sequence[Any], keys: Sequence[str], first: bool) -> Any:
    """The first (or last) matching run of the stretch both quotes cover.

    The stretch is bounded by strong runs (two or more words, or one real
    word such as "destroyed"); a weak run (a lone "I" or "a") extends it only
    when at most three unmatched words lie between it and the stretch -- a
    shared "a" twenty words away must not decide where two excerpts overlap,
    but "I [really] can't wait" is one stretch.
    """
    runs = [op for op in ops if op.tag == "equal"]
    strong = [i for i, op in enumerate(runs) if op.src_end - op.src_start >= 2 or len(keys[op.src_start]) >= 4]
    if not strong:
        return runs[0] if first else runs[-1]
    k = strong[0] if first else strong[-1]
    step = -1 if first else 1
    while 0 <= k + step < len(runs):
        a, b = (runs[k + step], runs[k]) if first else (runs[k], runs[k + step])
        if a.src_end + 3 < b.src_start or a.dest_end + 3 < b.dest_start:
            break
        k += step
    return runs[k]


def align(a: Sequence[str], b: Sequence[str]) -> Diff:
    """Align two word lists (longest common subsequence, spelling-insensitive).

    Words before the first and after the last matching run of two or more
    words are ignored: outlets start and stop excerpts of one remark at
    different words.  Symmetric: swapping ``a`` and ``b`` swaps every change.
    A compound written closed or open ("datacenter"/"data center") is a
    spelling change; "he" where the other has "she" makes two remarks about
    two people, similarity 0.
    """
    ka = [spelling_key(w) for w in a]
    kb = [spelling_key(w) for w in b]
    if ka > kb or (ka == kb and list(a) > list(b)):
        # LCS breaks ties by argument order; always align in one order so that
        # align(a, b) and align(b, a) describe the same change.
        d = align(b, a)
        swap = {"delete": "insert", "insert": "delete"}
        return Diff(tuple((swap.get(op, op), wb, wa, ctx) for op, wa, wb, ctx in d.changes), d.spelling_only,
                    d.similarity)
    ops = list(LCSseq.opcodes(ka, kb))
    if not any(op.tag == "equal" for op in ops):
        return Diff((), False, 0.0)
    first, last = _anchor(ops, ka, True), _anchor(ops, ka, False)
    changes: list[tuple[str, str, str, str]] = []

    def edge(wa: Sequence[str], wb: Sequence[str], ctx: str) -> None:
        # Before the first / after the last shared run, words on one side only
        # are an excerpt boundary; the same number of different words on both
        # sides is a changed word at the quote's edge ("without fail" / "without delay").
        if wa and len(wa) == len(wb) and [spelling_key(w) for w in wa] != [spelling_key(w) for w in wb]:
            changes.append(("replace", " ".join(wa), " ".join(wb), ctx))

    edge(a[:first.src_start], b[:first.dest_start], "")
    for i, op in enumerate(ops):
        if op.src_end <= first.src_start and op.dest_end <= first.dest_start:
            continue
        if op.src_start >= last.src_end and op.dest_start >= last.dest_end:
            continue
        if op.tag == "equal":
            for x, y in zip(a[op.src_start:op.src_end], b[op.dest_start:op.dest_end], strict=True):
                if x.casefold() != y.casefold():
                    changes.append(("spelling", x, y, ""))
            continue
        wa, wb = " ".join(a[op.src_start:op.src_end]), " ".join(b[op.dest_start:op.dest_end])
        if op.tag == "replace":
            changes.append(_replacement(wa, wb))
            continue
        prev = ops[i - 1] if i > 0 else None
        if prev is not None and prev.tag in ("delete", "insert") and prev.tag != op.tag and changes \
                and changes[-1][0] == prev.tag:
            # A deletion right next to an insertion reads better as one replacement.
            pending = changes.pop()
            changes.append(_replacement(pending[1] or wa, pending[2] or wb))
            continue
        after = a[op.src_end] if op.tag == "delete" and op.src_end < len(a) else \
            b[op.dest_end] if op.tag == "insert" and op.dest_end < len(b) else None
        ctx = f" before '{after}'" if after else ""
        changes.append((op.tag, wa, wb, ctx))
    edge(a[last.src_end:], b[last.dest_end:], "")
    # Similarity: the common subsequence over the shorter quote, on all words and
    # on content words alone (two remarks sharing "going to be a" are not one
    # quote).  Symmetric, and 1.0 when one outlet's excerpt contains the other's.
    ca = [k for k in ka if k not in STOPWORDS]
    cb = [k for k in kb if k not in STOPWORDS]
    if ca == cb:
        content = 1.0
    else:
        content = LCSseq.similarity(ca, cb) / min(len(ca), len(cb)) if min(len(ca), len(cb)) >= 2 else 0.0
    sim = min(LCSseq.similarity(ka, kb) / min(len(ka), len(kb)), content)
    if any(op == "replace" and {x.casefold(), y.casefold()} <= _GENDERED and
           (x.casefold() in _HE) != (y.casefold() in _HE) for op, x, y, _ctx in changes):
        sim = 0.0  # "He was a very caring person" / "She was ...": two remarks about two people
    return Diff(tuple(changes), all(op == "spelling" for op, *_ in changes), sim)


def _replacement(wa: str, wb: str) -> tuple[str, str, str, str]:
    """Words of one quote in place of words of the other: a change of wording, or a
    matter of house style when both write the same words ("data center"/"datacenter",
    "didn't"/"did not", "eleventh"/"11th")."""
    return ("spelling" if style_form(wa) == style_form(wb) else "replace", wa, wb, "")


_CONTRACTIONS = [(re.compile(r"\bwon't\b"), "will not"), (re.compile(r"\bcan't\b"), "can not"),
                 (re.compile(r"n't\b"), " not"), (re.compile(r"'m\b"), " am"), (re.compile(r"'re\b"), " are"),
                 (re.compile(r"'ve\b"), " have"), (re.compile(r"'ll\b"), " will")]


def style_form(phrase: str) -> str:
    """What a phrase says, whatever the house style: contractions expanded, a
    number in words or digits as its value, spelling keys joined without spaces."""
    p = phrase.casefold().replace("’", "'")
    for rx, full in _CONTRACTIONS:
        p = rx.sub(full, p)
    ordinal = parse_ordinal(p)
    if ordinal is not None:
        return f"#{ordinal}th"
    number = parse_number(p)
    if number is not None:
        return f"#{number}"
    joined = "".join(spelling_key(w) for w in p.split())
    return f"#{int(joined)}" if joined.isascii() and joined.isdigit() else joined  # "02 41"/"0241"


@dataclass(frozen=True)
class _Quote:
    doc: Document
    claim: Claim
    words: tuple[str, ...]
    speaker: str | None


def speakers_agree(a: _Quote, b: _Quote) -> bool:
    """Could both outlets mean the same speaker?

    "Zadan" and "Craig Zadan" share a surname; "a police spokeswoman" is a
    description that may name anyone.  Only two names with no word in common
    ("Sergei Lavrov", "Mike Pompeo") are different speakers.
    """
    if not a.speaker or not b.speaker:
        return True
    if "description" in (a.claim.get("speaker_type"), b.claim.get("speaker_type")):
        return True
    return bool(set(a.speaker.casefold().split()) & set(b.speaker.casefold().split()))


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
        "same_speaker": Option((bool,), default=True,
                               help="only compare quotes whose speakers agree (or are unknown)"),
    }
    PLACEHOLDERS = ("other", "diff", "speaker")

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
            if self.options["same_speaker"] and not speakers_agree(qa, qb):
                continue
            if align(qa.words, qb.words).similarity >= self.options["min_similarity"]:
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
            for i in sorted(members, key=lambda i: (quotes[i].doc.path, quotes[i].claim.start)):
                q = quotes[i]
                if q.doc.path == ref.doc.path:
                    continue
                d = align(ref.words, q.words)
                if not d.changes or d.similarity < self.options["min_similarity"]:
                    continue
                severity = None
                if d.spelling_only:
                    if self.options["spelling"] == "ignore":
                        continue
                    if self.options["spelling"] == "info":
                        severity = "info"
                yield self.rule.finding(q.doc, q.claim.start, q.claim.end, related=[ref_loc], severity=severity,
                                        other=f"{ref.doc.path}:{ref_loc.line}", diff=d.describe(),
                                        speaker=q.speaker or ref.speaker or "unknown speaker")
