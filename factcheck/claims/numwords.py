"""Spelled-out English numbers: vocabulary, regex fragments, a strict parser and a speller.

News prose writes small numbers as words ("nine votes", "six nuclear tests")
and big ones as a mix ("4 million", "tens of thousands"), so the number
extractor needs to read words as reliably as digits.  This module keeps that
vocabulary in one place.

Finding and reading are split on purpose.  :data:`SPELLED_PATTERN` is a
*loose* regex: it grabs any run of number words ("two three", "one thousand
and two thousand") because a strict English-number grammar in a regex is
unreadable and slow.  :func:`parse_words` then reads the run with a small
state machine and reports how much of it is a well-formed number, so the
caller can cut the match short ("two" in "two three-year terms") and rescan
from there.  The grammar is the one newspapers use: optional "and" after
"hundred" and after scale words, hyphens or spaces inside 21-99, a comma
after a scale word, "a hundred"/"a dozen", and scales in decreasing order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    "millionth": 10**6,
}

#: Every word that can appear inside a spelled cardinal (used by the noun-phrase
#: reader in :mod:`factcheck.claims.numbers` to stop at a following number).
NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TEENS, *TENS, *SCALES, "zero", "hundred", "dozen"])


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored into a trie ("s(?:even(?:teen|ty)?|ix(?:teen|ty)?)").

    Python's regex engine tries alternatives one by one at every position;
    sharing prefixes means a miss costs one character test instead of one
    test per word, which is most of the extractor's speed on long texts.
    Longer words are preferred (greedy ``?``) and the caller adds the right
    boundary, so backtracking still finds "seven" in "seven days".
    """
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(tree) + ")"


_WORD = rf"{trie_pattern([*UNITS, *TEENS, *TENS, *SCALES, 'zero', 'hundred', 'dozen'])}(?![\w'’])"
_SCALE_BEHIND = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"

#: The most words a run may have: more than any well-formed number ("nine hundred
#: and ninety-nine trillion, nine hundred and ninety-nine billion, ..." has 35), so
#: :func:`parse_words` reads the same prefix; fewer than the whole of a pathological
#: line of number words, which each anchor would otherwise match to its end.
MAX_RUN_WORDS = 64

#: Loose run of number words; read it with :func:`parse_words`.  Case-insensitive.
SPELLED_PATTERN = (
    r"(?<![\w'’-])(?i:half[ \t]+a[ \t]+dozen(?![\w'’])"
    r"|(?:a[ \t]+(?=(?:hundred|thousand|million|billion|trillion|dozen)(?![\w'’])))?"
    rf"{_WORD}(?:(?:-|[ \t]+|{_SCALE_BEHIND}(?:,[ \t]*|[ \t]+and[ \t]+))(?=[a-z]){_WORD}){{0,{MAX_RUN_WORDS - 1}}})"
)

#: Spelled numbers up to 99 -- enough for votes and stated list sizes.  Case-insensitive.
SMALL_PATTERN = (
    rf"(?i:{trie_pattern(TENS)}(?:[- ]{trie_pattern(UNITS)})?(?![\w'’])"
    rf"|{trie_pattern([*TEENS, *UNITS, 'zero'])}(?![\w'’]))"
)

#: Spelled ordinals, including "twenty-first"/"twenty first".  Case-insensitive.
ORDINAL_PATTERN = rf"(?i:(?:{trie_pattern(TENS)}[- ])?{trie_pattern(ORDINALS)})"

#: Words that can start a cardinal, an approximate plural or an ordinal: the
#: extractor only tries its patterns where one of these (or a digit) starts.
START_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TEENS, *TENS, "zero", "tens", "hundreds", "dozens", "thousands", "millions", "billions",
     "scores", *ORDINALS])

_TOKEN_RE = re.compile(r"[A-Za-z]+|,", re.IGNORECASE)

_HALF_DOZEN_RE = re.compile(r"half[ \t]+a[ \t]+dozen(?![\w'’])", re.IGNORECASE | re.ASCII)

# Parser states.  Terminal states are where a number may end.
_START, _A, _UNIT, _TEEN, _TENS, _TENSUNIT, _HUNDRED, _H_AND, _SCALE, _SCALE_SEP, _DONE = range(11)
_TERMINAL = frozenset({_UNIT, _TEEN, _TENS, _TENSUNIT, _HUNDRED, _SCALE, _DONE})


def parse_words(text: str) -> tuple[int, int] | None:
    """Read the longest well-formed spelled number at the start of ``text``.

    Returns ``(value, end)`` where ``end`` is the offset just after the last
    word used, or None when ``text`` does not start with a number.  Being a
    prefix reader is what lets callers feed it a loose regex match: "two
    three" reads as 2 (ending after "two"), "one thousand and two thousand"
    as 1000, "nine hundred and ninety-nine thousand, nine hundred
    ninety-nine" as 999999.
    """
    half = _HALF_DOZEN_RE.match(text)
    if half:
        return 6, half.end()
    total = 0
    group = 0
    last_scale = 10**18
    has_hundred = False
    state = _START
    best: tuple[int, int] | None = None
    at_scale: tuple[int, int] | None = None  # best as of the last scale word
    # Offsets come from ``text`` itself and each word is lowered on its own:
    # lowering the whole string can change its length ("İ") and shift them.
    for m in _TOKEN_RE.finditer(text):
        w = m.group(0).lower()
        if w == ",":
            if state != _SCALE:
                break
            state = _SCALE_SEP
            continue
        if w == "and":
            if state == _HUNDRED:
                state = _H_AND
                continue
            if state == _SCALE:
                state = _SCALE_SEP
                continue
            break
        starting = state in (_START, _SCALE, _SCALE_SEP)
        if w == "zero":
            if state != _START:
                break
            state = _DONE
        elif w == "a":
            if state != _START:
                break
            group, state = 1, _A
        elif w in UNITS:
            if starting:
                group, has_hundred, state = UNITS[w], False, _UNIT
            elif state == _TENS:
                group += UNITS[w]
                state = _TENSUNIT
            elif state in (_HUNDRED, _H_AND):
                group += UNITS[w]
                state = _UNIT
            else:
                break
        elif w in TEENS:
            if starting:
                group, has_hundred, state = TEENS[w], False, _TEEN
            elif state in (_HUNDRED, _H_AND):
                group += TEENS[w]
                state = _TEEN
            else:
                break
        elif w in TENS:
            if starting:
                group, has_hundred, state = TENS[w], False, _TENS
            elif state in (_HUNDRED, _H_AND):
                group += TENS[w]
                state = _TENS
            else:
                break
        elif w == "hundred":
            if state in (_UNIT, _A) and not has_hundred and group < 10:
                group *= 100
                has_hundred = True
                state = _HUNDRED
            else:
                break
        elif w in SCALES:
            scale = SCALES[w]
            if state in (_UNIT, _A, _TEEN, _TENS, _TENSUNIT, _HUNDRED) and scale < last_scale and group:
                total += group * scale
                group = 0
                last_scale = scale
                has_hundred = False
                state = _SCALE
            else:
                # "one thousand and two thousand": the "and two" belonged to
                # the next number, so fall back to the end of "one thousand".
                if at_scale is not None and state != _SCALE:
                    best = at_scale
                break
        elif w == "dozen":
            if state in (_UNIT, _A, _TEEN, _TENS, _TENSUNIT) and total == 0 and not has_hundred:
                group *= 12
                state = _DONE
            else:
                break
        else:
            break
        if state in _TERMINAL:
            best = (total + group, m.end())
            if state == _SCALE:
                at_scale = best
        if state == _DONE:
            break
    return best


_DIGITS_RE = re.compile(
    r"([+-]?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)"
    r"(?:\s*(hundred|thousand|million|billion|trillion))?")
_SCALE_VALUES = {"hundred": 100, **SCALES}


def to_number(value: Decimal) -> int | float:
    """int when integral, else float -- the JSON-friendly form claims carry."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_number(text: str) -> float | int | None:
    """Parse a whole string as a number: digits ("500,000", "1.5", "4 million") or words.

    The whole string must be a number (surrounding whitespace aside);
    anything else gives None rather than a guess, because this is the
    round-trip oracle the tests and rules trust.
    """
    t = text.strip()
    if not t:
        return None
    m = _DIGITS_RE.fullmatch(t)
    if m:
        try:
            d = Decimal(m.group(2).replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex only admits valid decimals
            return None
        if m.group(3):
            d *= _SCALE_VALUES[m.group(3)]
        if m.group(1) == "-":
            d = -d
        return to_number(d)
    r = parse_words(t)
    if r is None or r[1] != len(t):
        return None
    return r[0]


_SPELL_UNITS = ["zero", *UNITS]
_SPELL_TEENS = list(TEENS)
_SPELL_TENS = {v: k for k, v in TENS.items()}


def _spell_below_1000(n: int) -> str:
    parts: list[str] = []
    h, rest = divmod(n, 100)
    if h:
        parts.append(f"{_SPELL_UNITS[h]} hundred")
    if rest >= 20:
        t, u = divmod(rest, 10)
        parts.append(_SPELL_TENS[t * 10] + (f"-{_SPELL_UNITS[u]}" if u else ""))
    elif rest >= 10:
        parts.append(_SPELL_TEENS[rest - 10])
    elif rest:
        parts.append(_SPELL_UNITS[rest])
    return " ".join(parts)


def spell_number(n: int) -> str:
    """Spell ``0 <= n < 10**15`` the way American newspapers do: "nine hundred ninety-nine thousand ...".

    No "and" and no commas, hyphens inside 21-99, so the output is also valid
    input for :func:`parse_words` embedded in running text.
    """
    if not 0 <= n < 10**15:
        raise ValueError(f"cannot spell {n}: only 0 <= n < 10**15")
    if n == 0:
        return "zero"
    parts: list[str] = []
    for name, scale in sorted(SCALES.items(), key=lambda kv: -kv[1]):
        q, n = divmod(n, scale)
        if q:
            parts.append(f"{_spell_below_1000(q)} {name}")
    if n:
        parts.append(_spell_below_1000(n))
    return " ".join(parts)


_ORD_DIGIT_RE = re.compile(r"([0-9]+)(st|nd|rd|th)", re.IGNORECASE)


def ordinal_suffix(n: int) -> str:
    """The English suffix for ``n`` (1st, 2nd, 3rd, 11th, 21st)."""
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def parse_ordinal(text: str) -> int | None:
    """"fourth" -> 4, "twenty-first" -> 21, "21st" -> 21; None for anything else.

    Digit forms must carry the right suffix ("2th" is rejected): a wrong
    suffix is more often an identifier than a typo.
    """
    t = text.strip().lower()
    m = _ORD_DIGIT_RE.fullmatch(t)
    if m:
        n = int(m.group(1))
        return n if ordinal_suffix(n) == m.group(2) else None
    if t in ORDINALS:
        return ORDINALS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS and ORDINALS[parts[1]] < 10:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return None
