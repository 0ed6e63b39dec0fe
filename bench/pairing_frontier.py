"""Could a learned notion of "the same fact" pair more figures than the ``conflict`` rule does?

Usage::

    pip install -e '.[bench]'   # scikit-learn, for this script only
    python bench/pairing_frontier.py ../shared/corpora/ecbplus

``conflict_sweep.py`` loosens the rule's thresholds one setting at a time.
This asks the wider question: given every pair the rule could consider
(the loosest candidate set, before any threshold) and the evidence it
computes for a pair -- and some it does not (how alike the two whole
articles are, the capitalised words the two sentences share, how early in
its article each sentence sits) -- how much pairing recall can *any*
combination of that evidence buy at a given number of conflicting pairs?

No annotation is needed: two statements of one fact almost always give one
value, so a model that predicts "the two values agree" from everything but
the values ranks pairs by how much they look like one fact.  Two models are
fitted, logistic regression and gradient-boosted trees, and every pair is
scored by a model that never saw its topic (5 folds grouped by folder), so
the figures are not fitted to the pairs they score.

Prints, for budgets of 1, 2, 4 and 8 times the shipped rule's conflicting
pairs on the untouched corpus, the best pairing recall each model reaches
within the budget, next to the shipped rule's.  Pairing recall and
conflicting pairs are counted as in ``conflict_sweep.py``.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict

from conflict_sweep import corpus_argument, load_conflict
from consistency_eval import story_of

from factcheck.rules.kinds.conflict import (
    STOPWORDS,
    Statement,
    adjacent_agree,
    co_indexed,
    days_apart,
    may_be_one,
    others_agree,
    rest_agrees,
    shared_phrase,
    weighted_jaccard,
    weighted_overlap,
)

_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+")
_WORD_RE = re.compile(r"[A-Za-z]{3,}")


def _doc_vectors(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """Unit-length tf-idf vectors of whole articles: how alike two articles are overall."""
    counts = {path: Counter(w.casefold() for w in _WORD_RE.findall(text)) for path, text in texts.items()}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(counts)
    out = {}
    for path, c in counts.items():
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[path] = {w: x / norm for w, x in v.items()}
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _near(f: Statement, reach: int = 6) -> set[str]:
    """The telling words of a figure's verbatim phrase, ``reach`` a side."""
    return {w for w in (*f.phrase[0][:reach], *f.phrase[1][:reach])
            if len(w) > 1 and w not in STOPWORDS and not w.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    corpus = corpus_argument(argv, __doc__)
    if corpus is None:
        return 2
    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
    except ImportError:
        print("this benchmark needs scikit-learn: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    planter, impl, view = load_conflict(corpus)
    facts = impl.statements(view)

    # The shipped pairing, strong and weak, as conflict_sweep.py counts it.
    shipped = set(impl.pairs(facts))
    shipped |= set(impl.weak_pairs(facts, shipped))
    people, roles = impl.holder_pairs(facts, shipped)
    shipped |= {*people, *roles}

    # The loosest candidates: two shared sentence words, the words at the figure, or agreeing figures.
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    df: Counter[str] = Counter()
    for i, f in enumerate(facts):
        df.update(f.sentence)
        for w in f.sentence:
            index[(*f.key, w)].append(i)
    idf = {w: math.log((1 + len(facts)) / (1 + c)) + 1.0 for w, c in df.items()}
    shared = co_indexed(index, facts)
    at_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
    by_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        at_figure[(*f.key, f.phrase[0][:2], f.phrase[1][:2])].append(i)
        for g in f.others:
            by_figure[(*f.key, *g)].append(i)
    agreeing = co_indexed(by_figure, facts)
    candidates = {p for p, k in shared.items() if k >= 2} | set(co_indexed(at_figure, facts)) | set(agreeing)
    candidates |= shipped

    docvec = _doc_vectors({doc.path: doc.text for doc in view.documents})
    # How early in its article each sentence with a figure sits (0: the first such sentence).
    order: dict[tuple[str, tuple[int, int]], int] = {}
    seen: Counter[str] = Counter()
    for f in sorted(facts, key=lambda f: (f.doc.path, f.claim.sentence)):
        if (f.doc.path, f.claim.sentence) not in order:
            order[(f.doc.path, f.claim.sentence)] = seen[f.doc.path]
            seen[f.doc.path] += 1
    kinds = sorted({f.key[0] for f in facts})

    def features(a: Statement, b: Statement, x: int, y: int) -> list[float]:
        words, telling = shared_phrase(a.phrase, b.phrase)
        na, nb = _near(a), _near(b)
        sa = a.doc.text[max(a.claim.sentence[0], 0):a.claim.sentence[1]]
        sb = b.doc.text[max(b.claim.sentence[0], 0):b.claim.sentence[1]]
        ca = {w.casefold() for w in _CAPITALISED_RE.findall(sa)}
        cb = {w.casefold() for w in _CAPITALISED_RE.findall(sb)}
        apart = days_apart(a.doc, b.doc)
        pa, pb = order[(a.doc.path, a.claim.sentence)], order[(b.doc.path, b.claim.sentence)]
        return [
            weighted_overlap(a.sentence, b.sentence, idf), weighted_jaccard(a.words, b.words, idf),
            shared.get((x, y), 0), math.fsum(idf.get(w, 1.0) for w in a.sentence & b.sentence),
            words, telling, words >= 3, words >= 4,
            adjacent_agree(a, b), a.unique and b.unique, a.unique or b.unique,
            bool(a.values - {repr(a.claim.value)}) and others_agree(a.values, a, b.values, b),
            agreeing.get((x, y), 0), bool(a.anchor & b.anchor),
            rest_agrees(a, b), weighted_overlap(na, nb, idf) if na and nb else 0.0,
            math.fsum(idf.get(w, 1.0) for w in na & nb),
            min(len(a.sentence), len(b.sentence)), max(len(a.sentence), len(b.sentence)),
            max(len(a.values), len(b.values)), max(len(a.given), len(b.given)),
            -1 if apart is None else apart, (apart or 0) > 30,
            bool(a.claim.get("relative") or b.claim.get("relative")),
            bool(a.claim.get("subject") and b.claim.get("subject")),
            a.holder is not None and a.holder == b.holder,
            _cosine(docvec[a.doc.path], docvec[b.doc.path]),
            len(ca & cb), len(ca & cb) / max(1, min(len(ca), len(cb))), min(pa, pb), max(pa, pb),
            *(a.key[0] == k for k in kinds),
        ]

    rows: list[tuple[int, int]] = []
    X: list[list[float]] = []
    same: list[bool] = []
    for x, y in sorted(candidates):
        a, b = facts[x], facts[y]
        if not may_be_one(a, b):
            continue
        rows.append((x, y))
        X.append([float(v) for v in features(a, b, x, y)])
        same.append(repr(a.claim.value) == repr(b.claim.value))
    conflicting = [not s and not impl.legitimate(facts[x], facts[y]) for (x, y), s in zip(rows, same, strict=True)]

    where = {(f.doc.path, f.claim.start): i for i, f in enumerate(facts)}
    targets = [where[(planter.docs[p].path, c.start)] for p, c in planter.figure_targets()]
    stories = [story_of(f.doc.path) for f in facts]
    values = [repr(f.claim.value) for f in facts]

    def measure(chosen: list[bool]) -> tuple[float, int]:
        partner: dict[int, set[int]] = defaultdict(set)
        for (x, y), keep in zip(rows, chosen, strict=True):
            if keep:
                partner[x].add(y)
                partner[y].add(x)
        paired = sum(any(values[j] == values[i] and stories[j] == stories[i] for j in partner[i]) for i in targets)
        return paired / len(targets), sum(c for c, keep in zip(conflicting, chosen, strict=True) if keep)

    base_recall, base_conflicts = measure([r in shipped for r in rows])
    print(f"corpus: {corpus} ({len(view.documents)} articles); figure targets: {len(targets)}; "
          f"candidate pairs: {len(rows)} (of them agreeing: {sum(same)})")
    print(f"every candidate pair: pairing recall {measure([True] * len(rows))[0]:.3f}")
    print(f"shipped rule: pairing recall {base_recall:.3f} at {base_conflicts} conflicting pairs")

    Xa, ya = np.array(X), np.array(same)
    groups = np.array([facts[x].doc.path.rsplit("/", 2)[-2] for x, _y in rows])
    models = {
        "logistic regression": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
        "gradient-boosted trees": lambda: HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05,
                                                                         max_leaf_nodes=15, random_state=0),
    }
    budgets = [base_conflicts * k for k in (1, 2, 4, 8)]
    print("best pairing recall within a budget of conflicting pairs (scored out of fold, by topic):")
    print(f"{'':>24}" + "".join(f"{'<= ' + str(budget):>14}" for budget in budgets))
    for name, make in models.items():
        score = np.zeros(len(rows))
        for train, test in GroupKFold(n_splits=5).split(Xa, ya, groups):
            model = make()
            model.fit(Xa[train], ya[train])
            score[test] = model.predict_proba(Xa[test])[:, 1]
        best = dict.fromkeys(budgets, 0.0)
        for t in sorted(set(np.round(score, 3)), reverse=True):
            recall, conflicts = measure(list(score >= t))
            for budget in budgets:
                if conflicts <= budget:
                    best[budget] = max(best[budget], recall)
            if conflicts > budgets[-1]:
                break
        print(f"{name:>24}" + "".join(f"{best[budget]:>14.3f}" for budget in budgets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
