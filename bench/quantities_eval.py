"""Quantity reading against hand labels: factcheck and quantulum3 on the same sentences.

Usage::

    python bench/quantities_eval.py bench/data/quantities.jsonl [--split dev|test|all] [--errors]

For each split, prints value precision / recall / F1 and value+unit F1 of
factcheck's numeric claims (quantities, counts and votes) and of
``quantulum3`` (the ``bench`` extra: ``pip install -e '.[bench]'``; skipped
with a message when it is missing).  The labels and their conventions are in
``bench/data/README.md``; ``dev`` is for tuning, ``test`` is only reported.

Matching, per sentence, one label to at most one prediction: a value matches
when the numbers are equal (a range label also matches a prediction with the
same ends, or one giving either end or the midpoint, since quantulum3 reports a
range as its middle); value+unit also needs the normalised units to agree (the
unit, or the counted noun in the singular, or none).  ``--errors`` lists
factcheck's misses and false alarms, to see what to fix.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.claims import numbers
from factcheck.documents import parse_document

#: quantulum3 unit names (and a few factcheck ones) -> the label vocabulary.
_UNIT_SYNONYMS = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "percentage": "percent", "per cent": "percent", "%": "percent",
    "metre": "meter", "centimetre": "centimeter", "millimetre": "millimeter", "kilometre": "kilometer",
    "square foot": "square foot", "inch": "inch", "foot": "foot", "kilogram": "kilogram",
    "gigabyte": "gigabyte", "megahertz": "megahertz", "megapixel": "megapixel",
    "terabit per second": "terabit per second", "knockout": "ko", "people": "person",
    "dimensionless": None, "": None,
}


@dataclass(frozen=True)
class Quantity:
    """One labelled or predicted quantity: the figure, its range ends, its unit (normalised)."""

    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm_unit(unit: str | None) -> str | None:
    """The label vocabulary's name for a unit: ISO codes for money, singular nouns, None for none."""
    if unit is None:
        return None
    u = " ".join(unit.strip().split())
    if u.isupper() and len(u) == 3:
        return u  # an ISO currency code
    u = u.lower()
    if u in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[u]
    words = u.split(" ")
    words[-1] = numbers.singular(words[-1])
    u = " ".join(words)
    return _UNIT_SYNONYMS.get(u, u)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def value_match(gold: Quantity, pred: Quantity) -> bool:
    if _same(gold.value, pred.value):
        return True
    if gold.low is None:
        return False
    if _same(gold.low, pred.low) and _same(gold.high, pred.high):
        return True
    ends = [gold.low] + ([gold.high, (gold.low + gold.high) / 2] if gold.high is not None else [])
    return any(_same(e, pred.value) for e in ends)


def match(gold: list[Quantity], pred: list[Quantity], with_unit: bool) -> tuple[int, list[Quantity], list[Quantity]]:
    """One-to-one matching: (true positives, missed labels, false alarms).

    Labels are first paired with predictions that agree in value and unit, then
    (unless ``with_unit``) the rest by value alone, so a "2 hour" label does not
    take the "2 laptop" prediction another "2 laptop" label needs.
    """
    left = list(pred)
    unmatched: list[Quantity] = []
    tp = 0
    for g in gold:
        k = next((k for k, p in enumerate(left) if value_match(g, p) and g.unit == p.unit), None)
        if k is None:
            unmatched.append(g)
        else:
            tp += 1
            del left[k]
    missed: list[Quantity] = []
    for g in unmatched:
        k = None if with_unit else next((k for k, p in enumerate(left) if value_match(g, p)), None)
        if k is None:
            missed.append(g)
        else:
            tp += 1
            del left[k]
    return tp, missed, left


def factcheck_quantities(text: str) -> list[Quantity]:
    """factcheck's numeric claims of one sentence (ordinals and enumerations are not quantities)."""
    out = []
    for c in numbers.extract(parse_document("sentence.txt", text)):
        if c.kind not in ("quantity", "count", "vote") or not isinstance(c.value, int | float):
            continue
        low, high = c.get("low"), c.get("high")
        out.append(Quantity(float(c.value), None if low is None else float(low),
                            None if high is None else float(high), norm_unit(c.unit)))
    return out


def _quantulum() -> Callable[[str], list[Quantity]] | None:
    """quantulum3's parser, or None when it is not installed.

    Its unit classifier is a scikit-learn pickle that newer scikit-learn cannot
    load; when it fails, the parser runs without it (its dictionary-based
    disambiguation), which is said on stderr.
    """
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None

    def run(text: str) -> list[Quantity]:
        out = []
        for q in parser.parse(text):
            unc = q.uncertainty
            low = high = None
            if unc:
                low, high = q.value - unc, q.value + unc
            out.append(Quantity(float(q.value), low, high, norm_unit(q.unit.name)))
        return out

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            run("It weighs 2 pounds and costs 5 pounds.")  # "pound" is ambiguous: the classifier runs
        except Exception as e:  # any failure of the pickle: fall back
            print(f"quantulum3: unit classifier unusable ({type(e).__name__}: {e}); running without it",
                  file=sys.stderr)
            classifier.USE_CLF = False
    return run


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_of(row: dict[str, object]) -> list[Quantity]:
    out = []
    for q in row["quantities"]:  # type: ignore[attr-defined]
        out.append(Quantity(float(q["value"]), None if q.get("low") is None else float(q["low"]),
                            None if q.get("high") is None else float(q["high"]), norm_unit(q.get("unit"))))
    return out


def evaluate(rows: Iterable[dict[str, object]], system: Callable[[str], list[Quantity]],
             errors: bool = False) -> tuple[Score, Score]:
    values, units = Score(), Score()
    for row in rows:
        gold = gold_of(row)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = system(str(row["text"]))
        tp, missed, extra = match(gold, pred, with_unit=False)
        values.add(tp, len(extra), len(missed))
        tpu, missed_u, extra_u = match(gold, pred, with_unit=True)
        units.add(tpu, len(extra_u), len(missed_u))
        if errors and (missed or extra or missed_u or extra_u):
            print(f"-- {row['id']}: {row['text']}")
            for g in missed:
                print(f"   missed  {_show(g)}")
            for p in extra:
                print(f"   extra   {_show(p)}")
            for g in missed_u:
                if g not in missed:
                    print(f"   unit    {_show(g)} predicted {[_show(p) for p in extra_u]}")
    return values, units


def _show(q: Quantity) -> str:
    v = f"{q.value:g}" if q.low is None else f"{q.low:g}..{'' if q.high is None else f'{q.high:g}'}"
    return f"{v} {q.unit or '-'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--split", choices=("dev", "test", "all"), default=None,
                    help="one split (default: dev and test, each)")
    ap.add_argument("--errors", action="store_true", help="list factcheck's misses and false alarms")
    args = ap.parse_args(argv)
    rows = load(args.data)
    splits = [args.split] if args.split else ["dev", "test"]
    systems: list[tuple[str, Callable[[str], list[Quantity]] | None]] = [
        ("factcheck", factcheck_quantities), ("quantulum3", _quantulum())]
    print(f"{'split':5} {'system':10} {'sents':>5} {'labels':>6} {'P':>6} {'R':>6} {'F1':>6} {'unitF1':>6}")
    for split in splits:
        chosen = [r for r in rows if split == "all" or r["split"] == split]
        n_labels = sum(len(r["quantities"]) for r in chosen)  # type: ignore[arg-type]
        for name, system in systems:
            if system is None:
                print(f"{split:5} {name:10} skipped: not installed (pip install -e '.[bench]')")
                continue
            v, u = evaluate(chosen, system, errors=args.errors and name == "factcheck")
            print(f"{split:5} {name:10} {len(chosen):5} {n_labels:6} {100 * v.precision:6.1f} "
                  f"{100 * v.recall:6.1f} {100 * v.f1:6.1f} {100 * u.f1:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
