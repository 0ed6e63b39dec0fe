"""Reading numbers: where one can start (anchors) and what it is (``_Num``: digits, words,
scale, currency, attached unit, approximate or range).

The first pass reads every number once, left to right, tried only at the
anchors; everything later classifies these tokens instead of re-reading text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.claims.numbers.patterns import (
    _ANCHOR_AT_RE,
    _ANCHOR_RE,
    _APPROX_MUL,
    _EMAIL_LEFT_RE,
    _EMAIL_RE,
    _NUMBER_RE,
    _OPEN_ENDED,
    _SCALE_VALUES,
    _URL_RE,
    _VULGAR,
)
from factcheck.claims.numbers.vocabulary import _CURRENCY_SYMBOLS, _unit
from factcheck.claims.numwords import SCALES, parse_words, to_number

# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Num:
    """One cardinal number found by :data:`_NUMBER_RE`, read but not yet classified."""

    start: int
    end: int  # end of the number itself (after scale word / attached unit), before any hyphen tail
    value: int | float
    high: int | float | None = None  # in-token range "10-20" and approximate plurals
    approx: bool = False
    exact_int: bool = True  # integer without a scale word >= thousand
    scale: int = 1
    currency: str | None = None
    percent: bool = False
    att_unit: tuple[str, str] | None = None
    hy: str | None = None
    hy_end: int = 0
    words: bool = False
    digits: str = ""
    year_like: bool = False
    dash_range: bool = False
    plural_form: bool = False  # "tens of thousands", "dozens": the noun follows with "of"


#: Digits a number may have.  A longer run is an identifier or noise, not a
#: quantity; reading it would cost time quadratic in its length (Decimal to int)
#: and give an int that cannot even be printed (Python's 4300-digit limit).
MAX_DIGITS = 64


def _dec(s: str) -> Decimal | None:
    if len(s) > MAX_DIGITS and sum(ch.isdigit() for ch in s) > MAX_DIGITS:
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _read_number(text: str, m: re.Match[str]) -> tuple[_Num | None, int]:
    """Turn a :data:`_NUMBER_RE` match into a :class:`_Num`; also return where to resume scanning."""
    start = m.start()
    # The digit branch's groups, read at once (one call, not one per use: most tokens are digits).
    dig, frac_g, vfrac, e, e2, dig2, cur, att, dscale = m.group(
        "dig", "frac", "vfrac", "e", "e2", "dig2", "cur", "att", "dscale")
    if dig is not None:
        d = _dec(dig)
        if d is None or (len(dig) > 1 and dig[0] == "0" and dig[1] != "."):
            return None, m.end()  # "08", "007": codes, or a decimal broken by a space ("1. 08 kg")
        frac = frac_g or _VULGAR.get(vfrac or "")
        if frac:  # "4 1/2 months", "4½ months"
            num, den = frac.split("/")
            if "." in dig or int(num) >= int(den):
                return None, m.end()  # "1.5 3/4", "4 3/2": not a mixed number
            d += Decimal(num) / Decimal(den)
        exp = e or e2
        if exp:  # "6e12", "3.1×10−4": scientific notation
            negative = (m.group("esign") or m.group("esign2") or "+") not in "+"
            d = d.scaleb(-int(exp) if negative else int(exp))
        # the number ends with the last of its parts the pattern holds, in the pattern's order
        last = "e" if e else "e2" if e2 else "dig2" if dig2 else "frac" if frac_g else "vfrac" if vfrac else "dig"
        tok = _Num(start=start, end=m.end(last), value=0, digits=dig)
        if cur:
            tok.currency = _CURRENCY_SYMBOLS.get(cur.strip())
        scale = 1
        if att:
            tok.end = m.end("att")
            a = att.lower()
            if a == "%":
                tok.percent = True
            elif a == "bn" or (a == "b" and tok.currency):
                scale = 10**9
            elif a == "mn" or (a == "m" and tok.currency):
                scale = 10**6
            elif (a == "k" and tok.currency) or att == "k":
                scale = 1000  # "£40K", "40k"; a capital "5K" alone is a race or a screen
            elif a == "tn" or (a == "t" and tok.currency):
                scale = 10**12  # "$1.5T", "£2tn"
            elif a in ("b", "k", "t"):
                return None, m.end()  # "802.11b", "5K": names, not magnitudes
            elif a == "m" and att != "m":
                return None, m.end()  # "GeForce 9400M": a model name
            elif a == "p" and (tok.currency or d >= 100 or "." in dig or text[m.end():m.end() + 1] == "."):
                return None, m.end()  # "720p", "1080p": screen resolutions, not pence
            else:
                tok.att_unit = _unit(a, attached=True)
                if tok.att_unit is None:
                    return None, m.end()
        if dscale:
            scale = _SCALE_VALUES.get(dscale.lower(), 0)
            if not scale:
                return None, m.end()  # a non-ASCII look-alike matched case-insensitively ("ſ" for "s")
            tok.end = m.end("dscale")
        tok.scale = scale
        tok.value = to_number(d * scale)
        tok.exact_int = "." not in dig and not frac and scale < 1000 and not exp
        if dig2 is not None:
            d2 = _dec(dig2)
            tok.dash_range = True
            if d2 is None or dig2.startswith("0") or d2 <= d:
                return None, m.end()  # "2008-09", "13-0": a season or a score, not a range
            tok.high = to_number(d2 * scale)
        tok.year_like = (len(dig) == 4 and dig.isdigit() and 1000 <= int(d) <= 2100
                         and not cur and not att and scale == 1)
    elif m.group("approx") is not None:
        mul_word = m.group("amul")
        if mul_word:
            base = _APPROX_MUL.get(mul_word.lower(), 0)
            outer = _SCALE_VALUES.get(m.group("ascale").lower()[:-1], 0) if m.group("ascale") else 1
            if not base or not outer:
                return None, m.end("approx")
            low = 2 * base * outer
            high: int | None = None if mul_word.lower() in _OPEN_ENDED else 10 * base * outer - 1
            tok = _Num(start=start, end=m.end("approx"), value=low, high=high, approx=True,
                       exact_int=False, scale=base * outer, plural_form=True)
        else:
            few = 3 if m.group("afew").lower() == "several" else 2
            sc = _SCALE_VALUES.get(m.group("fscale").lower(), 0)
            if m.group("fscale2"):
                sc *= _SCALE_VALUES.get(m.group("fscale2").lower(), 0)
            if not sc:
                return None, m.end("approx")
            tok = _Num(start=start, end=m.end("approx"), value=few * sc, high=10 * sc - 1, approx=True,
                       exact_int=False, scale=sc)
        return tok, m.end("approx")
    else:
        ws = m.start("words")
        words = m.group("words")
        r = parse_words(words)
        if r is None:
            return None, m.end("words")
        value, used = r
        tok = _Num(start=start, end=ws + used, value=value, words=True, digits=words[:used].lower())
        if cur:
            tok.currency = _CURRENCY_SYMBOLS.get(cur.strip())
        big = [s for w, s in SCALES.items() if w in tok.digits]
        tok.scale = max(big) if big else 1
        tok.exact_int = not big
        if used < len(words):
            return tok, tok.end  # cut short: drop the hyphen tail, rescan the rest
    if m.group("hy"):
        tok.hy = m.group("hy")
        tok.hy_end = m.end("hy")
    return tok, m.end()


def _scan_numbers(text: str, anchors: list[int]) -> list[_Num]:
    """Every cardinal number in ``text``, left to right, tried only at anchors."""
    out: list[_Num] = []
    pos = 0
    match = _NUMBER_RE.match
    for p in anchors:
        if p < pos:
            continue  # inside the previous number ("500,000", "$5")
        m = match(text, p)
        if m is None:
            continue
        tok, resume = _read_number(text, m)
        if tok is not None:
            out.append(tok)
        pos = max(resume, p + 1)
    return out


def _anchors(text: str) -> list[int]:
    """Start offsets of every possible number (see :data:`_ANCHOR_RE`)."""
    out = [m.end() for m in _ANCHOR_RE.finditer(text)]
    if _ANCHOR_AT_RE.match(text):
        out.insert(0, 0)
    return out


def anchors_within(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """``_anchors(text)`` of a text that is blanks (spaces) outside ``spans`` (sorted, disjoint).

    The split-decimal repair (:mod:`factcheck.claims.decimals`) re-reads a copy of the text blanked
    outside windows around each split; the anchor pattern would be tried at every blank of it (each
    one could precede a number).  Outside the spans no number starts, and the blank before a span
    is what the pattern needs to see one start at the span's first character, so each span is
    searched from that blank to its end: the same anchors, without reading the blanks.
    """
    out: list[int] = []
    for lo, hi in spans:
        if lo == 0:
            if _ANCHOR_AT_RE.match(text):
                out.append(0)
            pos = 0
        else:
            pos = lo - 1
        for m in _ANCHOR_RE.finditer(text, pos):
            if m.end() >= hi:
                break
            out.append(m.end())
    return out


def _url_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: numbers inside them are never claims."""
    # every URL holds "://" or "www.": most texts hold neither, and the pattern would try each "h", "f" and "w"
    spans = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if "://" in text or "www." in text else []
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            left = _EMAIL_LEFT_RE.search(text, max(0, m.start() - 64), m.start())
            spans.append((left.start() if left else m.start(), m.end()))
    return spans
