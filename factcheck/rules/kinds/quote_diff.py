"""Word-level comparison of two renderings of one quote: the machinery of ``quotes/drift``.

Why its own module: the rule kind (:mod:`.quotes`) decides *which* quotes to
compare and how to report them; this module only answers, for two word lists,
what differs -- tokens (``words``), a spelling-neutral key for each word
(``spelling_key``), shingles for blocking, and an alignment (``align``) whose
changes are trimmed to the stretch both quotes cover and named by what they do
(a negation flipped within its clause, an omission, a replacement, an acronym,
a difference of style only).  Names and spelling rules reuse ``spelling_key``.
"""


from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import LCSseq

from factcheck.claims.numwords import parse_number, parse_ordinal
from factcheck.rules.kinds.conflict import STOPWORDS
from factcheck.rules.kinds.quote_text import (
    GAP,
    WORDING_KINDS,
    Change,
    classify,
    is_negation,
    leading_qualifier,
    moved_negations,
    normalise,
)

_SPELLING = [(re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
             (re.compile(r"yse(s|d)?$"), r"yze\1"), (re.compile(r"our(s|ed|ing|able|hood|hoods)?$"), r"or\1"),
             (re.compile(r"([bcdfghklmnpstvz])re(s)?$"), r"\1er\2"), (re.compile(r"ogue(s)?$"), r"og\1"),
             (re.compile(r"ence$"), "ense"), (re.compile(r"mme(s)?$"), r"m\1")]


_TOKEN_RE = re.compile(rf"\d{{1,2}}:\d{{2}}|{GAP}|[\w’']+", re.UNICODE)
_EQUIVALENT = {"okay": "ok", "per": "per", "percent": "%"}
_HE = frozenset({"he", "him", "his", "himself"})
_GENDERED = _HE | {"she", "her", "hers", "herself"}


def words(text: str) -> list[str]:
    """Surface words of a quote, apostrophes kept inside words, punctuation dropped.

    The quote is normalised first (see :func:`quote_text.normalise`): editorial
    insertions go, times and figures take one form, and an ellipsis stays as
    the word :data:`GAP` -- words were left out there, so the other outlet's
    words at that place are not drift.  A leading or trailing ellipsis says
    only that the excerpt is cut, which excerpt alignment already allows.
    """
    out: list[str] = []
    for w in _TOKEN_RE.findall(normalise(text)):
        w = w.replace("’", "'").strip("'")
        if w and not (w == GAP and (not out or out[-1] == GAP)):
            out.append(w)
    if out and out[-1] == GAP:
        out.pop()
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
    shared_content: int = 0  # content words both quotes share, in order
    #: Does some clause state a different number of negations in the two quotes?  False when the
    #: negation changes only move a negation within its clause ("didn't feel we were" / "feel we weren't").
    negation_flipped: bool = True

    @property
    def classified(self) -> tuple[Change, ...]:
        """Every change but spelling, classified: what it does to the quote's meaning.

        Negations are counted per clause (see :func:`_negation_flipped`): one dropped here and
        one added there in the same clause ("didn't feel we were" / "feel we weren't") moved,
        and is wording."""
        kept = [(op, a, b, ctx) for op, a, b, ctx in self.changes if op != "spelling"]
        classified = tuple(classify(*c) for c in kept)
        return classified if self.negation_flipped else moved_negations(classified, [(a, b) for _o, a, b, _c in kept])

    @property
    def meaning(self) -> bool:
        """True when some change alters what the quote says (not only its wording, function words or spelling)."""
        return any(c.meaning for c in self.classified)

    @property
    def wording(self) -> bool:
        """True when some change rewords the quote (a modifier, a paraphrase, a synonym) without changing
        what it says."""
        return any(c.kind in WORDING_KINDS for c in self.classified)

    def describe(self) -> str:
        """The changes in words, what changed in meaning first, then wording, function words, spelling."""
        rank = {True: 0, False: 1}
        ordered = sorted(self.classified, key=lambda c: (rank[c.meaning], c.kind not in WORDING_KINDS))
        out: list[str] = []
        head = None
        for c in ordered:
            # A run of changes of one kind names the kind once: "wording: 'a' -> 'b', 'c' dropped".
            if c.head == head and c.kind in ("wording", "function", "form", "synonym", "word"):
                out[-1] += ", " + c.label.split(": ", 1)[1]
            else:
                out.append(c.label)
            head = c.head
        spelling = [f"{a}/{b}" for op, a, b, _ctx in self.changes if op == "spelling"]
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
    strong = [i for i, op in enumerate(runs)
              if (op.src_end - op.src_start >= 2 and any(k not in STOPWORDS for k in keys[op.src_start:op.src_end]))
              or len(keys[op.src_start]) >= 4]
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
                    d.similarity, d.shared_content, d.negation_flipped)
    for long, short, flip in ((ka, kb, False), (kb, ka, True)):
        at = _excerpt_at(long, short)
        if at is not None:
            # One outlet quotes a stretch of the other's quote word for word: compare
            # that stretch only ("We will see them in court." inside a longer remark).
            d = align(a[at:at + len(b)], b) if not flip else align(a, b[at:at + len(a)])
            hedge = leading_qualifier((a if not flip else b)[:at])
            if hedge is None:
                return d
            ctx = f" before '{(b if not flip else a)[0]}'"
            change = ("delete", hedge, "", ctx) if not flip else ("insert", "", hedge, ctx)
            return Diff((change, *d.changes), False, d.similarity, d.shared_content,
                        d.negation_flipped or is_negation(hedge.split()[-1]))
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
    # An excerpt that starts right after a hedge or a negation drops it ("[I think] we will see them").
    qa, qb = leading_qualifier(a[:first.src_start]), leading_qualifier(b[:first.dest_start])
    if (qa is None) != (qb is None) and not changes:
        ctx = f" before '{a[first.src_start]}'"
        changes.append(("delete", qa, "", ctx) if qa is not None else ("insert", "", str(qb), ctx))
    head = len(changes)  # changes before the first shared run: the quote's leading edge
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
    before_tail = len(changes)
    edge(a[last.src_end:], b[last.dest_end:], "")
    tail = len(changes) > before_tail
    # A negation changed at the quote's edges lies outside the clauses counted: it is a flip.
    inner = len(changes) - (1 if tail else 0)
    flipped = _negation_flipped(ops, a, b, ka, first, last) or any(
        is_negation(w) for _op, wa, wb, _ctx in changes[:head] + changes[inner:] for w in (*wa.split(), *wb.split()))
    changes = [c for c in map(_omission, changes) if c is not None and c[0] != "same"]
    ka = [k for k in ka if k != GAP]
    kb = [k for k in kb if k != GAP]
    # Similarity: the common subsequence over the shorter quote, on all words and
    # on content words alone (two remarks sharing "going to be a" are not one
    # quote).  Symmetric, and 1.0 when one outlet's excerpt contains the other's.
    ca = [k for k in ka if k not in STOPWORDS]
    cb = [k for k in kb if k not in STOPWORDS]
    if ca == cb:
        content = 1.0
    else:
        content = LCSseq.similarity(ca, cb) / min(len(ca), len(cb)) if min(len(ca), len(cb)) >= 2 else 0.0
    sim = min(LCSseq.similarity(ka, kb) / min(len(ka), len(kb)), content) if ka and kb else 0.0
    if any(op == "replace" and {x.casefold(), y.casefold()} <= _GENDERED and
           (x.casefold() in _HE) != (y.casefold() in _HE) for op, x, y, _ctx in changes):
        sim = 0.0  # "He was a very caring person" / "She was ...": two remarks about two people
    return Diff(tuple(changes), all(op == "spelling" for op, *_ in changes), sim, LCSseq.similarity(ca, cb),
                flipped)


#: Words that begin a new clause: a negation counts within its clause, so one that moves across
#: such a word ("we did not go and we will go" / "we did go and we will not go") is a flip.
CLAUSE_WORDS = frozenset("and but because although though while whereas or yet unless if when so".split())


def _negation_flipped(ops: Sequence[Any], a: Sequence[str], b: Sequence[str], ka: Sequence[str], first: Any,
                      last: Any) -> bool:
    """Does some clause of the compared stretch state a different number of negations in ``a`` and ``b``?

    Clauses are cut at clause words (:data:`CLAUSE_WORDS`) both quotes share (in a
    matching run), so clause *k* of one quote is clause *k* of the other.  Counting
    negations per clause, not by position, tells a moved negation ("I didn't feel we
    were" / "I feel we weren't": one each) from a flipped one.
    """
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    clause = 0
    for op in ops:
        if op.src_end <= first.src_start and op.dest_end <= first.dest_start:
            continue
        if op.src_start >= last.src_end and op.dest_start >= last.dest_end:
            continue
        if op.tag == "equal":
            for x, y, k in zip(a[op.src_start:op.src_end], b[op.dest_start:op.dest_end], ka[op.src_start:op.src_end],
                               strict=True):
                clause += k in CLAUSE_WORDS
                counts[clause][0] += is_negation(x)
                counts[clause][1] += is_negation(y)
            continue
        counts[clause][0] += sum(is_negation(x) for x in a[op.src_start:op.src_end])
        counts[clause][1] += sum(is_negation(y) for y in b[op.dest_start:op.dest_end])
    return any(x != y for x, y in counts.values())


def _excerpt_at(long: Sequence[str], short: Sequence[str]) -> int | None:
    """Where ``short`` occurs word for word inside ``long`` (None if nowhere, or if it is
    no shorter, or too short to place: a three-word stretch recurs by chance)."""
    if len(short) < 4 or len(short) >= len(long) or GAP in short:
        return None
    hay, needle = "\0" + "\0".join(long) + "\0", "\0" + "\0".join(short) + "\0"
    pos = hay.find(needle)
    return None if pos < 0 else hay.count("\0", 0, pos)


def _omission(change: tuple[str, str, str, str]) -> tuple[str, str, str, str] | None:
    """A change at an ellipsis.  The ellipsis marks words its outlet left out, so the
    other quote's words there are not drift; only words beside the ellipsis that the
    other quote lacks are.  None when nothing is left to report."""
    op, wa, wb, ctx = change
    la, lb = wa.split(), wb.split()
    if op == "spelling" or (GAP not in la and GAP not in lb):
        return change
    if GAP in la and GAP in lb:
        return None
    if GAP in la:
        rest = " ".join(w for w in la if w != GAP)
        return ("delete", rest, "", ctx) if rest else None
    rest = " ".join(w for w in lb if w != GAP)
    return ("insert", "", rest, ctx) if rest else None


def _replacement(wa: str, wb: str) -> tuple[str, str, str, str]:
    """Words of one quote in place of words of the other: a change of wording; a
    matter of house style ("spelling") when both write the same words ("data
    center"/"datacenter", "didn't"/"did not", "IE"/"Internet Explorer"); or no
    change at all ("same", dropped by :func:`align`) when both write one number or
    time ("eleventh"/"11th", "85"/"eighty-five", "0241"/"02:41")."""
    form = style_form(wa)
    if form == style_form(wb):
        # One number or time in digits and in words ("85"/"eighty-five") is no change at all.
        return ("same" if form.startswith("#") else "spelling", wa, wb, "")
    return ("spelling" if _acronym(wa, wb) or _acronym(wb, wa) else "replace", wa, wb, "")


def _acronym(short: str, long: str) -> bool:
    """"IE" for "Internet Explorer": an acronym of the other side's capitalised words."""
    parts = long.split()
    return (len(parts) >= 2 and short.isupper() and " " not in short
            and "".join(w[0] for w in parts if w[0].isupper()) == short)


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
    digits = joined.replace(":", "")
    return f"#{int(digits)}" if digits.isascii() and digits.isdigit() else joined  # "02 41"/"0241"/"2:41"
