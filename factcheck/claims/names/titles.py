"""Titles and roles around a name: "US Secretary of State" split off before
"Mike Pompeo", "leader" before "Kim Jong Un", "CEO of TallGrass" read as a
title and its organisation -- and the names inside a title ("US").
"""

from __future__ import annotations

from factcheck.claims.names.evidence import _Cand, _Evidence
from factcheck.claims.names.lexicon import _DIRECTIONS, _JOINERS
from factcheck.claims.names.tokens import _Tok


class _Titles(_Evidence):
    """Where a title ends and the name starts, and what a title itself names."""

    def _rest_ok(self, rest: list[_Tok]) -> bool:
        lex = self.lex
        if not (1 <= len(rest) <= 5) or not rest[0].cap or rest[0].low.rstrip(".") in lex.title_words:
            return False
        if rest[-1].low in lex.place_suffix or rest[0].low in lex.place_prefix:
            return False
        if any(x.low in lex.org_kw for x in rest):
            return False
        norm = self._norm(rest)
        return norm not in lex.gazetteer and norm not in lex.demonyms

    def split_title(self, run: list[_Tok]) -> tuple[list[_Tok], list[_Tok], list[_Tok]]:
        """(title tokens, name tokens, affiliation tokens).  The title is
        everything up to the last title word (extended over "of State", "to the
        United Nations") that leaves a plausible name behind; in "CEO of
        TallGrass" nothing is left but the affiliation."""
        lex = self.lex
        n = len(run)
        # Where the title extension starting at a position stops depends on that
        # position alone, so it is remembered: on a run of thousands of title words
        # every head would otherwise rescan the rest of the run.
        reach: dict[int, int] = {}
        for h in range(n - 1, -1, -1):
            if run[h].low.rstrip(".") not in lex.heads or not run[h].cap:
                continue
            t = h
            visited = []
            while t + 1 < n:
                if t in reach:
                    t = reach[t]
                    break
                visited.append(t)
                nxt = run[t + 1]
                if nxt.low.rstrip(".") in lex.title_words or not nxt.cap:
                    t += 1
                    continue
                g = self._gaz_prefix(run, t + 1) if not run[t].cap else 0
                if g:
                    t += g
                    continue
                break
            for v in visited:
                reach[v] = t
            while t > h and not run[t].cap:
                t -= 1
            r0 = t + 1  # the rest, run[r0:], is sliced only when it is used
            if n - r0 <= 5 and self._rest_ok(run[r0:]):
                return run[:r0], run[r0:], []
            if r0 == n:
                return run, [], []
            if not run[r0].cap:
                # "CEO of TallGrass": the title's organisation, not a person.
                k = r0
                while k < n and not run[k].cap:
                    k += 1
                return run[:k], [], run[k:]
        return [], run, []

    def role_before(self, run: list[_Tok], idx: int) -> str | None:
        """A lower-case role noun right before the run ("leader Kim Jong Un"),
        with its modifiers ("North Korean leader")."""
        lex = self.lex
        if idx == 0:
            return None
        toks = self.toks
        r = toks[idx - 1]
        if r.cap or r.low not in lex.roles or not self._gap_ok(r, run[0]):
            return None
        k = idx - 1
        while k > 0:
            p = toks[k - 1]
            if not self._gap_ok(p, toks[k]):
                break
            low = p.low.rstrip(".")
            if (low in lex.title_words and low not in _JOINERS) or (
                    p.cap and (low in lex.demonym_tokens or low in _DIRECTIONS or low in lex.gaz_single)):
                k -= 1
                continue
            break
        return " ".join(self.text[toks[k].start:r.end].split())

    def _gaz_segments(self, toks: list[_Tok]) -> list[_Cand]:
        """Names inside a title: gazetteer entries ("US" in "US Secretary of State"),
        and the proper-noun qualifier that leads it ("Phiaadelphia" in "Phiaadelphia
        District Attorney"), so that a misspelled place in a title is a mention the
        name rules can compare."""
        lex = self.lex
        out = []
        lead = self._qualifier(toks)
        if lead:
            out.append(_Cand(lead))
        i = len(lead)
        while i < len(toks):
            g = self._gaz_prefix(toks, i) if toks[i].cap else 0
            if g:
                seg = toks[i:i + g]
                out.append(_Cand(seg, type=lex.gazetteer[self._norm(seg)]))
            i += max(g, 1)
        return out

    def _qualifier(self, toks: list[_Tok]) -> list[_Tok]:
        """The capitalised words before a title's first title, organisation or place
        word, when they are not a gazetteer entry, a demonym ("Russian"), a word
        the document writes in lower case ("Police") or shouting ("QUEENS")."""
        lex = self.lex
        j = 0
        while j < len(toks) and toks[j].cap and not self._gaz_prefix(toks, j) \
                and toks[j].low.rstrip(".") not in lex.title_words and toks[j].low not in lex.org_kw \
                and toks[j].low not in lex.place_suffix:
            j += 1
        seg = toks[:j]
        if not seg or j == len(toks) or sum(len(t.text) for t in seg) < 4:
            return []
        norm = self._norm(seg)
        if norm in lex.demonyms or norm[:-1] in lex.demonyms or any(
                t.initial or self.lower_seen(t.low) or t.low in lex.demonym_tokens
                or (t.text.isupper() and len(t.text) > 4) for t in seg):
            return []
        return seg
