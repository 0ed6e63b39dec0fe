"""A double-barrelled surname written with a spaced hyphen ("Dominique Strauss - Kahn")
joined into one token before any run is built.

Wire copy often spaces the hyphen of a compound surname, and the run builder
cuts at any gap that is not blank, so "Strauss - Kahn" became two names, "Strauss"
and "Kahn".  A spaced hyphen between two capitalised words is far more often a
pairing, though -- "Israel - Gaza", "Chelsea - Arsenal", "Obama - Romney" -- so a pair
is joined only on evidence that it is one surname:

* it stands in a surname's position, right after a capitalised word with a blank
  gap, and that word is a known given name ("Anna Smith - Jones") or the pair
  speaks somewhere in the document ("Dominique Strauss - Kahn" ... "Strauss - Kahn
  said": two names paired by a dash do not say things), or
* the document writes the same pair with a plain hyphen elsewhere ("Strauss-Kahn");

and once a pair is known to be one surname, every spaced occurrence of it in the
document is joined ("Strauss - Kahn said").  Neither word may be a gazetteer
entry (places and bodies are paired, not double-barrelled), the second word may
not be a given name (it then starts another person: "Gordon Brown - Tony Blair"),
and neither may be a stop word or an acronym.
"""

from __future__ import annotations

import bisect
import re

from factcheck.claims.names.lexicon import _Lexicon
from factcheck.claims.names.normalise import normalise_name
from factcheck.claims.names.tokens import _blank, _Tok

_SPACED_HYPHEN = " - "
_SPACED_HYPHEN_RE = re.compile(r"(?<=[^\W\d_]) - (?=[^\W\d_])")


def _start(t: _Tok) -> int:
    return t.start


def _joinable(a: _Tok, b: _Tok, lex: _Lexicon) -> bool:
    """Could ``a - b`` be one surname at all (whatever the evidence)?"""
    if not (a.cap and b.cap) or a.poss or a.line != b.line:
        return False
    for t in (a, b):
        if (len(t.text) > 1 and t.text.isupper()) or t.low in lex.stop or "-" in t.text \
                or normalise_name(t.text) in lex.gazetteer:
            return False
    return b.low not in lex.given


def join_spaced_hyphens(text: str, toks: list[_Tok], lex: _Lexicon) -> list[_Tok]:
    """``toks`` with every spaced-hyphen surname joined into one token (see the module).

    The joined token spans "Strauss - Kahn" in the text and reads "Strauss-Kahn",
    the spelling the hyphenated form has, so both link to the same person.
    Returns ``toks`` itself when nothing is joined (most documents have no
    spaced hyphen between capitalised words, found by one regex search).
    """
    if _SPACED_HYPHEN not in text:
        return toks
    pairs: list[int] = []  # index of the first token of each candidate pair
    n = len(toks)
    for m in _SPACED_HYPHEN_RE.finditer(text):
        # The token after the hyphen, by bisection on the (sorted) token starts.
        k = bisect.bisect_left(toks, m.end(), key=_start) - 1
        if k < 0 or k + 1 >= n or toks[k + 1].start != m.end() or toks[k].raw_end != m.start():
            continue
        if _joinable(toks[k], toks[k + 1], lex):
            pairs.append(k)
    if not pairs:
        return toks
    speakers = {(toks[k].low, toks[k + 1].low) for k in pairs
                if not toks[k + 1].poss and lex.speech_after_re.match(text, toks[k + 1].raw_end)}
    surnames: set[tuple[str, str]] = set()
    for k in pairs:
        a, b = toks[k], toks[k + 1]
        pair = (a.low, b.low)
        prev = toks[k - 1] if k else None
        after_name = prev is not None and prev.cap and not prev.poss and _blank(text, prev.raw_end, a.start) \
            and normalise_name(prev.text) not in lex.gazetteer and (prev.low in lex.given or pair in speakers)
        if after_name or f"{a.text}-{b.text}" in text:
            surnames.add(pair)
    if not surnames:
        return toks
    joined = {k for k in pairs if (toks[k].low, toks[k + 1].low) in surnames}
    out: list[_Tok] = []
    skip = False
    for k, t in enumerate(toks):
        if skip:
            skip = False
            continue
        if k in joined:
            b = toks[k + 1]
            t = _Tok(t.start, b.end, b.raw_end, f"{t.text}-{b.text}", f"{t.low}-{b.low}", True, b.poss,
                     t.initial, t.line)
            skip = True
        t.i = len(out)
        out.append(t)
    return out
