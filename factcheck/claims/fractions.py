"""Fractions in words and mixed numbers: "one fifth", "a quarter of those surveyed", "three and a half miles".

The numbers extractor reads "4 1/2 months" and "4½", and skips "two-thirds"
(a vote's majority when "majority" follows) and "half".  Here:

- a fraction of something: "one fifth of voters", "a quarter of those surveyed",
  "two-thirds of the members", "three quarters of", "half of the", or a fraction
  a number word gives and no noun follows ("cut by one fifth", "two thirds the
  size") -- a
  ``quantity`` whose value is the fraction (0.2, 0.25, 2/3 as a float), unit
  ``fraction`` (dimension ``fraction``), ``numerator``/``denominator``, and
  ``subject`` the noun phrase after "of" when there is one;
- "N and a half" before a unit or plural noun: "three and a half miles" (3.5
  mile), "two and a half years", "4 and a half hours" -- the same value
  whichever way N is written.

A fraction followed by "majority" is left to the vote extractor, and
ordinal uses are refused: "the third of June", "a fifth straight win" (no "of"),
"the first half" (a game's half, not a share).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from factcheck.claims.base import Claim, make_claim
from factcheck.claims.before import Before
from factcheck.claims.bounds import figure_bounds
from factcheck.claims.numbers import _UNIT_RE, _np_words, _plural_head, _qualifier, _unit, singular
from factcheck.claims.numwords import SPELLED_PATTERN, parse_number, to_number
from factcheck.claims.scan import near
from factcheck.documents import Document

#: Denominator words, singular and plural.
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_NUMER = "|".join(sorted(_NUMERATORS, key=len, reverse=True))

_FRACTION_RE = re.compile(
    rf"(?<![\w'’-])(?:(?P<num>{_NUMER})[ \t-]+)?(?P<den>{_DEN})(?![\w'’-])"
    r"(?P<of>[ \t]+of\b)?(?![ \t]+(?:super[ \t-]?)?majority\b)", re.IGNORECASE)
#: Where a fraction can be, case-sensitive so the engine skips through the text (see factcheck.claims.scan).
_DEN_QUICK = re.compile(r"[HhTtQqFfSsEeNn](?:al(?:f|ves)|hirds?|uarters?|ourths?|ifths?|ixths?|evenths?|ighths?"
                        r"|inths?|enths?|AL(?:F|VES)|HIRDS?|UARTERS?|OURTHS?|IFTHS?|IXTHS?|EVENTHS?|IGHTHS?"
                        r"|INTHS?|ENTHS?)")
#: What every ``_DEN_QUICK`` hit holds after its first letter, in lower case (see factcheck.claims.scan.quick_hits).
_DEN_STEMS = ("alf", "alves", "hird", "uarter", "ourth", "ifth", "ixth", "eventh", "ighth", "inth", "enth")
_HALF_QUICK = re.compile(r"[Hh]alf|HALF")
#: Words before a bare "half"/"quarter" that make it a part of an event, not a share: "the first half".
_PERIOD_WORDS = "first second third fourth final last next opening same other each this that".split()
_PERIOD_BEFORE_RE = Before(re.compile(rf"(?:{'|'.join(_PERIOD_WORDS)})[ \t]+$", re.IGNORECASE), _PERIOD_WORDS)
#: A determiner after "of", skipped to reach the noun: "two-thirds of the members".
_DETERMINER_RE = re.compile(r"[ \t]+(?:all[ \t]+)?(?:the|its|their|his|her|our|these|those)(?=[ \t])", re.IGNORECASE)
_AND_A_HALF_RE = re.compile(
    rf"(?<![\w.,'’-])(?:(?P<dig>[0-9]{{1,6}})|(?P<words>{SPELLED_PATTERN}))[ \t]+and[ \t]+a[ \t]+half(?![\w'’-])",
    re.IGNORECASE)


def _fraction_attrs(num: int, den: int, value: float, qualifier: str | None) -> dict[str, Any]:
    return {"dimension": "fraction", "approximate": False, "numerator": num, "denominator": den,
            "measure": "fraction", "bounds": figure_bounds(value, qualifier).to_json()}


#: Words that may follow a fraction standing alone ("cut by one fifth in 2019", "two thirds the size").
_AFTER_ALONE = frozenset("""and or to in by from since than on at the a an for with last this that as over per while
after before is was were are""".split())
#: A fraction of something follows: "three quarters *of*" (``three quarters`` alone may count a game's quarters).
OF_RE = re.compile(r"[ \t]+of\b", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"[ \t]*(?P<w>[A-Za-z][\w'’-]*)?")


def _alone(text: str, m: re.Match[str], raw_num: str | None) -> bool:
    """A fraction without "of" whose numerator is a number word and that no noun follows: "by one fifth".

    "A fifth" alone is an ordinal ("a fifth term"), and so is "one fifth grader".
    """
    if raw_num is None or raw_num.lower() in ("a", "an"):
        return False
    w = _NEXT_WORD_RE.match(text, m.end("den"))
    word = w.group("w") if w is not None else None
    return word is None or word.lower() in _AFTER_ALONE


def read(doc: Document) -> Iterator[Claim]:
    """Fractions and "N and a half" of ``doc`` (see the module doc)."""
    text = doc.text
    for m in near(_FRACTION_RE, text, _DEN_QUICK, 16, 60, _DEN_STEMS, 1):
        den = DENOMINATORS[m.group("den").lower()]
        raw_num = m.group("num")
        num = _NUMERATORS[raw_num.lower()] if raw_num else 1
        if not m.group("of") and not _alone(text, m, raw_num):
            continue  # "a fifth straight win", "the third day": ordinals; "half" alone is too vague
        if raw_num is None and (den != 2 or _PERIOD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())):
            continue  # "third of June", "the first half of": dates and periods; a bare "half of" is a share
        if den == 2 and raw_num is None and text[max(0, m.start() - 4):m.start()].lower().endswith("the "):
            continue  # "the half of"
        plural = m.group("den").lower().endswith("s")
        if plural != (num > 1) and not (num == 1 and raw_num and raw_num.lower() in ("a", "an", "one")):
            continue  # "two quarter of", "one thirds": not fractions
        if num >= den:
            continue
        value = to_number(Decimal(num) / Decimal(den))
        q = _qualifier(text, m.start())
        fattrs = _fraction_attrs(num, den, value, q.phrase)
        det = _DETERMINER_RE.match(text, m.end("of"))
        words = _np_words(text, det.end() if det else m.end("of"), 4)
        head = _plural_head(words)
        if head is not None:  # "of voters agree": the noun, not the verb after it
            fattrs["subject"] = " ".join(w for w, _, _ in words[:head + 1])
        yield make_claim("quantity", doc, q.start, m.end("den"), value, unit="fraction", qualifier=q.reported,
                         **fattrs)
    if "half" not in text and "Half" not in text and "HALF" not in text:
        return
    for m in near(_AND_A_HALF_RE, text, _HALF_QUICK, 120, 8, ("half",), 0):
        base = int(m.group("dig")) if m.group("dig") else parse_number(m.group("words"))
        if not isinstance(base, int) or (m.group("words") and parse_number(m.group("words")) is None):
            continue
        value = to_number(Decimal(base) + Decimal("0.5"))
        um = _UNIT_RE.match(text, m.end())
        form = " ".join(um.group("u").lower().split()) if um else ""
        q = _qualifier(text, m.start())
        attrs: dict[str, Any] = {"approximate": False, "bounds": figure_bounds(value, q.phrase).to_json()}
        hit = _unit(form) if um else None
        if um and hit is not None:
            unit, dim = hit
            end = um.end()
        else:
            words = _np_words(text, m.end(), 4)
            head = _plural_head(words)
            if head is None:
                continue
            unit, dim, end = singular(words[head][0]), None, words[head][2]
            attrs["noun"] = " ".join(w for w, _, _ in words[:head + 1])
        attrs.update(dimension=dim, measure=unit)
        yield make_claim("quantity", doc, q.start, end, value, unit=unit, qualifier=q.reported, **attrs)
