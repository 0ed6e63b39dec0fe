"""What one document's name analysis knows about the document: its tokens,
headline lines, lower-case words and normalised spans, each computed once and
shared by every later step (:mod:`runs`, :mod:`titles`, :mod:`candidates`,
:mod:`headlines`, :mod:`analyser`), so no step rescans the text per mention.

Also the candidate record, :class:`_Cand`, that those steps pass along.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from factcheck.calendar import MONTHS
from factcheck.claims.names.joins import join_spaced_hyphens
from factcheck.claims.names.lexicon import _SMALL, _lexicon
from factcheck.claims.names.normalise import normalise_name
from factcheck.claims.names.tokens import (
    _LOWER_WORD_RE,
    _SEARCHED_WORDS,
    _SPACES,
    _WORD_RUN_RE,
    _blank,
    _has_word,
    _Tok,
    _tokenise,
)
from factcheck.claims.spellings import SlipIndex


@dataclass(slots=True)
class _Cand:
    toks: list[_Tok]
    title: str | None = None
    weak: bool = False  # sentence-initial single word not yet verified
    affiliation: bool = False  # "TallGrass" in "CEO of TallGrass": never a person
    speech_after: bool = False
    type: str = "unknown"
    value: str = ""
    linked: bool = False
    link_tokens: list[str] | None = None


class _Evidence:
    """The per-document data, and the word-level questions every step asks of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = _lexicon()
        self.toks = join_spaced_hyphens(text, _tokenise(text, self.lex), self.lex)
        self.headline_lines = self._headline_lines()
        self._known_index: dict[str, list[str]] | None = None  # built on the first headline slip check
        self._known_sizes: list[int] = []
        self._known_words = SlipIndex(())
        self._mid_index: SlipIndex | None = None  # mid-sentence capitals
        self.mid_caps = {t.text for t in self.toks
                         if t.cap and not t.initial and t.line not in self.headline_lines}
        self._lower: dict[str, bool] = {}
        self._words: frozenset[str] | None = None  # every word of the text, once many are asked about
        self._cap_counts: Counter[str] | None = None  # capitalised words, for _cut_at_of
        self._norms: dict[tuple[int, int, int], str] = {}
        self._verified_one: dict[str, bool] = {}  # a one-word run's sentence-initial word, by its text

    def lower_seen(self, low: str) -> bool:
        """Does the document also use ``low`` as an ordinary lower-case word?

        The first few words are searched for; after that the document's words
        are collected once, so that thousands of different capitalised words do
        not each read the whole text.
        """
        seen = self._lower.get(low)
        if seen is None:
            seen = False
            if low.isalpha():
                if self._words is None and len(self._lower) >= _SEARCHED_WORDS:
                    self._words = frozenset(_WORD_RUN_RE.findall(self.text))
                seen = low in self._words if self._words is not None else _has_word(self.text, low)
            self._lower[low] = seen
        return seen

    def _headline_lines(self) -> set[int]:
        """Lines where (almost) every content word is capitalised: headlines, captions.

        Only lines with at least three capitalised words can qualify, so the
        lower-case words are counted for those lines alone."""
        caps: dict[int, int] = {}
        first: dict[int, int] = {}
        stop = self.lex.stop
        for t in self.toks:
            if t.cap and len(t.text) > 1 and t.low not in _SMALL and t.low not in stop:
                caps[t.line] = caps.get(t.line, 0) + 1
                first.setdefault(t.line, t.start)
        out = set()
        text = self.text
        for ln, n_caps in caps.items():
            if not 3 <= n_caps <= 25:
                continue
            pos = first[ln]
            ls = text.rfind("\n", 0, pos) + 1
            le = text.find("\n", pos)
            le = len(text) if le < 0 else le
            if text[ls:le].rstrip(" \t\"'”’)]").endswith("."):
                continue  # a sentence with many names, not a headline
            n_low = 0
            for m in _LOWER_WORD_RE.finditer(text, ls, le):
                if m.group() not in _SMALL and len(m.group()) > 1:
                    n_low += 1
                    if n_low > n_caps / 3:
                        break
            if n_caps >= 0.75 * (n_caps + n_low):
                out.add(ln)
        return out

    def _gap_ok(self, a: _Tok, b: _Tok) -> bool:
        return not a.poss and _blank(self.text, a.raw_end, b.start)

    def _norm(self, toks: list[_Tok]) -> str:
        if len(toks) == 1:
            return normalise_name(toks[0].text)  # memoised already, no key to build
        key = (toks[0].start, toks[-1].end, len(toks))
        norm = self._norms.get(key)
        if norm is None:
            norm = self._norms[key] = normalise_name(" ".join(t.text for t in toks))
        return norm

    def _is_stop(self, t: _Tok) -> bool:
        if t.low not in self.lex.stop:
            return False
        # "US", "IT" in capitals are acronyms, not the pronoun.
        return not (len(t.text) > 1 and t.text.isupper() and t.low in self.lex.gaz_single)

    def _gaz_prefix(self, toks: list[_Tok], i: int) -> int:
        """Length of the longest gazetteer entry starting at ``toks[i]`` (0 if none)."""
        lex = self.lex
        if normalise_name(toks[i].text).partition(" ")[0] not in lex.gaz_first:
            return 0  # most words start no entry: skip the joins
        for n in range(min(lex.gaz_max, len(toks) - i), 0, -1):
            if self._norm(toks[i:i + n]) in lex.gazetteer:
                return n
        return 0

    def _the_before(self, t: _Tok) -> bool:
        """Is the word preceded by "the"?  People are not ("the Colts", "the Times")."""
        k = t.start
        text = self.text
        while k > 0 and text[k - 1] in _SPACES:
            k -= 1
        return k >= 3 and text[k - 3:k].casefold() == "the" and (k == 3 or not text[k - 4].isalnum())

    def kind_named(self) -> set[int]:
        """Where the words right after a lower-case noun for a kind of organisation start
        ("security firm Trend Micro", "the carmaker Saab"): a name starting there is a body's.
        The kinds are keyword tokens (:func:`~factcheck.claims.names.tokens._tokenise`), each
        followed by the capitalised word it was read back from, so one pass over the tokens
        answers for every candidate (and most documents have no such noun)."""
        kinds = self.lex.org_kinds
        toks = self.toks
        return {toks[k + 1].start for k, t in enumerate(toks)
                if not t.cap and t.low in kinds and k + 1 < len(toks) and self._gap_ok(t, toks[k + 1])}

    def _speech_after(self, t: _Tok) -> bool:
        """Is the token followed by a speech verb ("Nebenzia has said")?"""
        return not t.poss and self.lex.speech_after_re.match(self.text, t.raw_end) is not None

    def _dated(self, t: _Tok) -> bool:
        """A month name right next to a number ("May 29", "29 May"): a date, not Theresa May."""
        if t.low.rstrip(".") not in MONTHS:
            return False
        text = self.text
        k = t.raw_end
        while k < len(text) and text[k] in " \t":
            k += 1
        if k < len(text) and text[k].isdigit():
            return True
        k = t.start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        return k > 0 and text[k - 1].isdigit()

    def _person_like(self, name: list[_Tok]) -> bool:
        """Evidence that capitalised words name a person: a known given name first, or
        a last word the document capitalises again and never writes in lower case."""
        if name[0].low in self.lex.given:
            return True
        if self._cap_counts is None:
            self._cap_counts = Counter(t.low for t in self.toks if t.cap)
        last = name[-1].low
        return self._cap_counts[last] >= 2 and not self.lower_seen(last)

    @staticmethod
    def _set_link(c: _Cand, target: _Cand) -> None:
        """Make ``c`` a mention of the person ``target`` names in full ("Lavrov" -> "Sergei Lavrov")."""
        c.type = "person"
        c.linked = True
        c.value = " ".join(" ".join(t.text for t in target.toks).split())
        c.link_tokens = [t.text for t in target.toks]
