"""Growth of analysis time on pathological documents: linear means 2 per doubling.

Usage::

    python bench/growth.py [--max-ratio 2.3] [--only PATTERN ...] [--target 0.3] [--repeat 3]

Each pattern is one short unit repeated n times into one document (no
sentence ends, no line ends unless the unit has them) -- the shapes that
once made extractors or markup readers rescan from every position.  For each
pattern, n is chosen so the base run takes about ``--target`` seconds, then
the document is timed at n, 2n and 4n copies and the two per-doubling ratios
are printed: about 2 is linear, 4 quadratic, 8 cubic.

Two kinds of timing:

* ``claims``: what ``factcheck claims`` does per file -- ``parse_document``
  (markup reader + metadata) and ``extract_all`` (every extractor);
* ``parse``: ``parse_document`` alone, for the markup and metadata readers.

Times are CPU seconds of this process (``time.process_time``), best of
``--repeat`` runs: on a shared machine, wall-clock time measures the other
jobs as much as the code.

The exit status is 0 unless ``--max-ratio`` is given and some ratio exceeds
it (then 1).  The worst ratio is printed last.  Speed targets live here, not
in the test suite: tests/claims/test_linear_time.py only checks that each
pattern at a large size finishes and gives the right claims.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    """One pathological input: ``unit`` repeated; ``mode`` says what is timed."""

    name: str
    unit: str
    fmt: str = "text"  # text | markdown | html
    mode: str = "claims"  # claims | parse
    prefix: str = ""  # once, before the repetitions (e.g. "&#" for one huge entity)
    suffix: str = ""
    make: Callable[[int], str] | None = None  # builds n different units instead of repeating one


PATTERNS: tuple[Pattern, ...] = (
    # dates and weekdays
    Pattern("weekday", "Monday "),
    Pattern("month", "January "),
    Pattern("iso-date", "2020-01-02 "),
    Pattern("decade", "1990s "),
    Pattern("weekday-date", "Monday, January 5, 2015 "),
    Pattern("day-month", "5 January "),
    Pattern("year", "2016 "),
    Pattern("relative", "a day before that "),
    Pattern("weekday-lines", "Monday\n"),
    Pattern("mixed-dates", "on Monday in 2016 and 2017 a day before that "),
    Pattern("anaphoric-dates", "later in that year at the weekend on April 18 of that year from 1978-89 "),
    # numbers
    Pattern("digit-run", "9"),
    Pattern("commas", "1,"),
    Pattern("numbers", "six tests and 500,000 barrels and nine votes "),
    Pattern("number-words", "one two three "),
    Pattern("percent", "5% "),
    Pattern("vote", "5-4 "),
    Pattern("enum-items", "two including a, "),
    # names
    Pattern("capitals", "Abc "),
    Pattern("names", "John Smith said. "),
    Pattern("titled-names", "Foreign Minister Sergei Lavrov and Kim Jong Un met "),
    Pattern("distinct-names", "", make=lambda n: _distinct_names(n)),  # many different people
    Pattern("distinct-initials", "", make=lambda n: _distinct_initials(n)),  # many different capitalised words
    # quotes
    Pattern("quote-marks", '"a" '),
    Pattern("open-quotes", '"a '),
    Pattern("said-quotes", '"We said so," he said, "and '),
    # speakers resolved across sentences: a description back to a name, a pronoun to a subject
    Pattern("described-quotes", 'Ann Lee, a doctor, spoke: "We won," added the doctor. '),
    Pattern("pronoun-quotes", 'Asked if Bob Ray won, Ann Lee said Mr. Ray did. "We won," he said. '),
    Pattern("curly-quotes", "\u201ca\u201d "),
    Pattern("apostrophes", "'a "),
    # prose without sentence ends
    Pattern("long-line", "the council met and voted on the plan "),
    Pattern("abbrev-dots", "U.S. "),
    # markdown
    Pattern("md-link-brackets", "[a](", fmt="markdown"),
    Pattern("md-link-brackets-parse", "[a](", fmt="markdown", mode="parse"),
    Pattern("md-fences", "```\n", fmt="markdown", mode="parse"),
    Pattern("md-comments", "<!-- ", fmt="markdown", mode="parse"),
    Pattern("md-autolinks", "<http:", fmt="markdown", mode="parse"),
    Pattern("md-indented", "    a\n\n", fmt="markdown", mode="parse"),
    # html
    Pattern("html-open-p", "<p ", fmt="html"),
    Pattern("html-open-p-parse", "<p ", fmt="html", mode="parse"),
    Pattern("html-link-canonical", "<link rel='canonical' ", fmt="html", mode="parse"),
    Pattern("html-meta-date", "<meta name='date' ", fmt="html", mode="parse"),
    Pattern("html-title", "<title>", fmt="html", mode="parse"),
    Pattern("html-script", "<script>", fmt="html", mode="parse"),
    Pattern("html-comment", "<!--", fmt="html", mode="parse"),
    Pattern("html-cdata", "<![CDATA[", fmt="html", mode="parse"),
    Pattern("html-entities", "&#65;&amp;", fmt="html"),
    Pattern("html-entity-digits", "9", fmt="html", mode="parse", prefix="&#", suffix=";"),
    Pattern("html-bare-ampersand", "&a", fmt="html", mode="parse"),
)

_FIRST = ("John", "Mary", "Ahmed", "Li", "Olga", "Pedro", "Aisha", "Kenji", "Fatima", "Lars")
_LAST = ("Smith", "Garcia", "Okafor", "Nakamura", "Petrov", "Silva", "Haddad", "Kowalski", "Nguyen", "Berg")


def _distinct_names(n: int) -> str:
    """n sentences naming up to 100 different people, mentioned by full name and by surname."""
    out = []
    for i in range(n):
        first, last = _FIRST[i % 10], _LAST[(i // 10) % 10]
        out.append(f"{first} {last} met {last} Co. and {last} said so. ")
    return "".join(out)


def _word(i: int) -> str:
    """A made-up capitalised word per number: "Qa", "Qb", ... "Qba"."""
    letters = []
    while True:
        i, r = divmod(i, 26)
        letters.append(chr(97 + r))
        if not i:
            return "Q" + "".join(reversed(letters))


def _distinct_initials(n: int) -> str:
    """n sentences opening with two capitalised words never seen before: each asks
    whether the document also writes the word in lower case."""
    return "".join(f"{_word(2 * i)} {_word(2 * i + 1)} came. " for i in range(n))


def _text(p: Pattern, n: int, run: int) -> str:
    """The document: the pattern n times, after a token unique to the run.

    Extractors memoise per text, so each timed run needs text of its own.
    """
    body = p.make(n) if p.make is not None else p.unit * n
    return f"r{run} {p.prefix}{body}{p.suffix}"


def _time_once(p: Pattern, n: int, run: int) -> float:
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document

    text = _text(p, n, run)
    path = f"growth-{p.name}-{n}-{run}.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[p.fmt] }"
    gc.collect()
    if _NO_GC:
        gc.disable()
    t0 = time.process_time()
    doc = parse_document(path, text, p.fmt)
    if p.mode == "claims":
        extract_all(doc)
    t = time.process_time() - t0
    gc.enable()
    return t


#: ``--no-gc``: a full collection walks every live object, so documents of hundreds of
#: thousands of tokens pay a little more per token than small ones -- CPython's, not
#: the extractors' growth, which this option isolates.
_NO_GC = False


_RUNS = iter(range(1, 1 << 30))


def _best(p: Pattern, n: int, repeat: int) -> float:
    return min(_time_once(p, n, next(_RUNS)) for _ in range(repeat))


def _calibrate(p: Pattern, target: float, max_chars: int) -> int:
    """The smallest doubling of n whose single run takes at least ``target`` seconds."""
    unit_len = max(1, len(_text(p, 1, 0)) - len(_text(p, 0, 0)))
    n = max(1, 256 // unit_len)
    while True:
        t = _time_once(p, n, next(_RUNS))
        if t >= target or n * unit_len * 2 > max_chars:
            return n
        # Jump closer when far below the target, but never past it by more than a doubling.
        n *= 2 if t > target / 8 else 4


def run(patterns: list[Pattern], target: float, repeat: int, max_chars: int,
        out: Callable[[str], None] = print) -> float:
    """Time every pattern at n, 2n, 4n; print a table; return the worst ratio."""
    from factcheck.claims.base import extract_all
    from factcheck.documents import parse_document

    extract_all(parse_document("warm-up.txt", "Warm up: on Monday, John Smith said \"3 of 4\" in 2020."))
    # The gazetteers and word lists loaded by the warm-up live for the whole process;
    # frozen, they are not walked by every full garbage collection a large document
    # triggers (and a small one does not), which would bend the growth upward.
    gc.freeze()
    out(f"{'pattern':<24} {'mode':<6} {'size at n':>10} {'t(n)':>8} {'t(2n)':>8} {'t(4n)':>8}  ratios")
    worst = 0.0
    for p in patterns:
        try:
            n = _calibrate(p, target, max_chars)
            times = [_best(p, k * n, repeat) for k in (1, 2, 4)]
        except Exception as exc:  # a crash is a failure of the pattern, not of the benchmark
            out(f"{p.name:<24} {p.mode:<6} FAILED: {type(exc).__name__}: {str(exc)[:80]}")
            worst = float("inf")
            continue
        ratios = [times[1] / times[0], times[2] / times[1]]
        worst = max(worst, *ratios)
        size = len(_text(p, n, 0))
        shown = f"{size / 1024:.0f} KiB" if size < 1 << 20 else f"{size / (1 << 20):.1f} MiB"
        out(f"{p.name:<24} {p.mode:<6} {shown:>10} {times[0]:>7.3f}s {times[1]:>7.3f}s {times[2]:>7.3f}s  "
            f"{ratios[0]:.2f} {ratios[1]:.2f}")
    out(f"worst ratio per doubling: {worst:.2f} (linear: 2)")
    return worst


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-ratio", type=float, default=None,
                    help="exit 1 when any per-doubling ratio exceeds this (e.g. 2.3)")
    ap.add_argument("--only", nargs="+", metavar="PATTERN", help="time only these patterns")
    ap.add_argument("--target", type=float, default=0.3, help="seconds the base size should take (default 0.3)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept (default 3)")
    ap.add_argument("--max-chars", type=int, default=32 << 20,
                    help="largest base document, in characters (default 32 Mi)")
    ap.add_argument("--no-gc", action="store_true",
                    help="time with the cyclic garbage collector off: what is left is the code's own growth")
    ap.add_argument("--list", action="store_true", help="list the patterns and exit")
    args = ap.parse_args(argv)
    if args.list:
        for p in PATTERNS:
            print(f"{p.name:<24} {p.mode:<6} {p.fmt:<8} {p.prefix}{p.unit!r}{p.suffix}")
        return 0
    patterns = list(PATTERNS)
    if args.only:
        unknown = sorted(set(args.only) - {p.name for p in PATTERNS})
        if unknown:
            print(f"unknown pattern(s): {', '.join(unknown)} (see --list)", file=sys.stderr)
            return 2
        patterns = [p for p in PATTERNS if p.name in args.only]
    global _NO_GC
    _NO_GC = args.no_gc
    worst = run(patterns, args.target, args.repeat, args.max_chars)
    if args.max_ratio is not None and worst > args.max_ratio:
        print(f"FAIL: a ratio exceeds {args.max_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
