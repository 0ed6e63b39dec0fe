"""Runs of capitalised words, and where a run is cut into pieces: at stop words,
at dates ("May 29") and months or weekdays at its ends, and between a person and
the place or body after "of" ("Gary Gomes of New Bedford").
"""

from __future__ import annotations

from factcheck.claims.names.evidence import _Evidence
from factcheck.claims.names.lexicon import _CONNECTORS, _JOINERS, _TITLE_JOINERS
from factcheck.claims.names.tokens import _SPACES, _Tok

_SPACE_CHARS = "".join(sorted(_SPACES))


class _Runs(_Evidence):
    """Maximal runs of capitalised words, then the pieces a run is cut into."""

    def runs(self) -> list[list[_Tok]]:
        """Maximal runs of capitalised words, joined by spaces and name connectors.

        Written flat (the gap test and the flush inlined, a finished run handed
        over instead of copied): it visits every token of the document.
        """
        out: list[list[_Tok]] = []
        cur: list[_Tok] = []
        text = self.text
        spaces = _SPACES
        for t in self.toks:
            if cur:
                a = cur[-1]
                # _gap_ok: a blank gap (spaces and tabs only, not empty) after a non-possessive.  Most
                # gaps that are not blank show it by their first or second character ("Kim said"),
                # read without slicing the gap out.
                g, s = a.raw_end, t.start
                if a.poss or g >= s or text[g] not in spaces or (
                        s - g > 1 and (text[g + 1] not in spaces or text[g:s].strip(_SPACE_CHARS))):
                    while cur and not cur[-1].cap:
                        cur.pop()
                    if cur:
                        out.append(cur)
                    cur = []
            if t.cap:
                cur.append(t)
                continue
            if cur and (t.low in _CONNECTORS or (t.low in _TITLE_JOINERS and self._title_tail(cur))):
                if cur[-1].cap or (len(cur) > 1 and cur[-2].cap):  # fewer than two trailing joiners
                    cur.append(t)
                    continue
            while cur and not cur[-1].cap:
                cur.pop()
            if cur:
                out.append(cur)
            cur = []
        while cur and not cur[-1].cap:
            cur.pop()
        if cur:
            out.append(cur)
        return out

    def _title_tail(self, cur: list[_Tok]) -> bool:
        """True when ``cur`` ends in a title word (or a joiner after one)."""
        for x in reversed(cur):
            if x.cap:
                return x.low.rstrip(".") in self.lex.title_words
            if x.low not in _JOINERS:
                return False
        return False

    def split_run(self, run: list[_Tok]) -> list[list[_Tok]]:
        """Cut a run at stop words; trim months/weekdays and connectors from its ends."""
        lex = self.lex
        if len(run) == 1:
            # Most runs are one capitalised word (a run starts with one): the cuts and
            # trims below reduce to keeping or dropping it, decided without building pieces.
            t = run[0]
            drop = self._is_stop(t) or t.low in lex.months or t.low in lex.weekdays or self._dated(t)
            return [] if drop else [run]
        pieces: list[list[_Tok]] = []
        cur: list[_Tok] = []
        for t in run:
            if t.cap and self._is_stop(t):
                if cur:
                    pieces.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            pieces.append(cur)
        pieces = [q for p in pieces for q in self._cut_at_of(p)]
        out = []
        for p in pieces:
            # Trimmed by moving indexes, sliced once: slicing per dropped word is
            # quadratic on a run of thousands of weekdays ("Monday Monday ...").
            i, j = 0, len(p)
            while i < j and (not p[i].cap or p[i].low in lex.months or p[i].low in lex.weekdays):
                i += 1
            while i < j and (not p[j - 1].cap or p[j - 1].low in lex.weekdays or self._dated(p[j - 1])):
                j -= 1
            while i < j and self._dated(p[i]):
                i += 1
            if i < j:
                out.append(p[i:j] if (i, j) != (0, len(p)) else p)
        return out

    def _cut_at_of(self, run: list[_Tok]) -> list[list[_Tok]]:
        """Cut a person's name from the place or body after "of": "Gary Gomes of New
        Bedford", "Capt. Tom Tennant of the Woodburn Police Department".

        "of" joins the words of one name in organisations and places ("Bank of
        America", "Gulf of Aden", "Church of Jesus Christ of Latter Day Saints"),
        never in a person's name: a run whose words before its first "of" are a
        person's -- two capitalised words or more after any title, none a word of an
        organisation, place or title, and a person's title before them ("Dr. Sanjay
        Gupta of Emory University"), the first a known given name, or the last one
        the document names again ("Ka'Loni Flynn of Fort Smith" ... "Flynn") -- is
        two names.
        """
        lex = self.lex
        if len(run) < 3:
            return [run]  # two names need two words and "of" between them
        k = next((i for i, t in enumerate(run) if not t.cap and t.low in ("of", "of the")), None)
        if k is None:
            return [run]
        head = run[:k]
        i = 0
        while i < len(head) and head[i].low.rstrip(".") in lex.title_words:
            i += 1
        name = head[i:]
        titled = any(t.low.rstrip(".") in lex.heads and t.low.rstrip(".") not in lex.also_names
                     for t in head[:i])
        if len(name) < 2 or not all(t.cap for t in name) or not (titled or self._person_like(name)):
            return [run]
        if any(t.low.rstrip(".") in lex.title_words or t.low in lex.org_kw or t.low in lex.place_suffix
               or t.low in lex.place_prefix for t in name):
            return [run]
        rest = run[k + 1:]
        return [head, rest] if rest else [head]
