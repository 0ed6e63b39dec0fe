"""Titles and roles around a name: "US Secretary of State" split off before
"Mike Pompeo", "leader" before "Kim Jong Un", "CEO of TallGrass" read as a
title and its organisation -- and the names inside a title ("US").
"""

from __future__ import annotations

from wordnet_lookup import is_wordnet_term

from factcheck.claims.names.evidence import _Cand, _Evidence
from factcheck.claims.names.lexicon import _DIRECTIONS, _JOINERS
from factcheck.claims.names.tokens import _Tok

#: Endings of English words for people by what they do ("coroner", "editor", "referee",
#: "columnist", "historian", "Englishman", "advocate", "representative"): the head of a title
#: read from context must have one.
_AGENT_ENDINGS = ("er", "or", "ee", "ist", "ian", "man", "ate", "ive")


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

    def context_title(self, name: list[_Tok]) -> int:
        """How many leading words of ``name`` are a title that no word list knows, read from
        context ("Public Advocate Bill de Blasio"); 0 when there is no such title.

        Title lists cannot hold every office, and adding the words that make one
        ("advocate", "public") splits bodies that use them ("Baton Rouge Advocate",
        "Palmer Public Safety").  What the run itself says is the better evidence: a
        person's full name -- a known given name and a surname -- after capitalised
        words that hold no given name are a title and a name, the way "Public
        Advocate" reads before "Bill de Blasio".  So the title is one to three
        capitalised words, each an ordinary English word (:meth:`_plain_title_word`),
        the last shaped like a word for a person ("Coroner", "Advocate", "Adviser",
        "Referee": :data:`_AGENT_ENDINGS`; not "Arcade" in "Arcade Joseph Comeaux",
        a first name before a middle name, nor "Fired" or "Saints"), followed by a
        given name and one to three more words that pass as a name (:meth:`_rest_ok`,
        no compass point: "Central Park West").  Only the first
        given name is tried: a title holds none.
        """
        lex = self.lex
        n = len(name)
        if not name[0].text[1:].islower():
            return 0  # most runs: "John Smith" ... asks no more
        for k in range(1, min(n - 1, 4)):
            t = name[k]
            if t.cap and t.low in lex.given:
                break
        else:
            return 0
        head = name[k - 1].low
        if len(head) < 5 or not head.endswith(_AGENT_ENDINGS) or n - k > 4 \
                or not any(t.cap for t in name[k + 1:]):
            return 0
        if not all(self._plain_title_word(name, j) for j in range(k)):
            return 0
        if self._norm(name) in lex.gazetteer or not self._rest_ok(name[k:]) \
                or any(t.low in _DIRECTIONS for t in name[k + 1:]):  # "Central Park West"
            return 0
        return k

    def _plain_title_word(self, name: list[_Tok], j: int) -> bool:
        """Could ``name[j]`` be a word of a title no list knows (see :meth:`context_title`)?

        An ordinary word of English (a WordNet term) written with an initial capital
        only -- not "LuAnn", "Jeb" or "Ka'Loni", given names the list lacks that
        start a name with a middle name ("LuAnn Marie Johnson") -- and not a word of
        a place, a body or a nationality.
        """
        lex = self.lex
        t = name[j]
        low = t.low
        return (t.cap and low.isalpha() and t.text[1:].islower() and low not in lex.given
                and low not in lex.org_kw and low not in lex.place_suffix and low not in lex.place_prefix
                and low not in lex.demonym_tokens and not self._gaz_prefix(name, j) and is_wordnet_term(low))

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
