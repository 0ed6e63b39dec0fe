"""Per-document name analysis: candidates typed from evidence (gazetteers,
keywords, then person evidence), surnames linked to full names, one type per
name, Title Case headlines read last.

The steps live in their own modules, each a layer of :class:`_Analyser`:
:mod:`~factcheck.claims.names.evidence` (the document's shared data),
:mod:`~factcheck.claims.names.runs` (runs of capitals and their cuts),
:mod:`~factcheck.claims.names.titles` (titles and roles),
:mod:`~factcheck.claims.names.candidates` (the body pass) and
:mod:`~factcheck.claims.names.headlines` (Title Case lines); this module types
and links what they find.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from rapidfuzz import fuzz

from factcheck.claims.names.candidates import _Candidates
from factcheck.claims.names.evidence import _Cand
from factcheck.claims.names.headlines import _Headlines
from factcheck.claims.names.normalise import name_words, normalise_name
from factcheck.claims.names.tokens import _Tok


class _Analyser(_Candidates, _Headlines):
    """One document's name analysis: :meth:`resolve` gives its typed, linked candidates."""

    #: names the document writes right after a kind of organisation ("firm Trend Micro"), set by
    #: :meth:`resolve` before it types anything
    _org_kinds: frozenset[str] = frozenset()

    def type_multi(self, c: _Cand, singles: set[str], the_singles: set[str]) -> str:
        """Type a multi-word name from gazetteers, keywords, then person evidence."""
        lex = self.lex
        toks = c.toks
        norm = self._norm(toks)
        if norm in lex.gazetteer:
            return lex.gazetteer[norm]
        if toks[-1].low in lex.place_suffix and len(toks) > 1:
            return "place"
        if any(t.low.rstrip(".") in lex.org_kw for t in toks):
            return "organisation"
        if toks[0].low in lex.place_prefix and len(toks) > 1:
            return "place"
        g = self._gaz_prefix(toks, 0)
        if 0 < g < len(toks) and lex.gazetteer[self._norm(toks[:g])] == "place" and toks[-1].low.endswith("s"):
            return "organisation"  # "New Orleans Saints", "Chicago Bulls"
        if c.affiliation:
            return "organisation"
        if c.title:
            return "person"
        if 2 <= len(toks) <= 4 and (toks[0].low in lex.given
                                    or (toks[0].low in lex.kunya and toks[1].low in lex.given)):
            return "person"  # "Mike Pompeo"; "Umm Ibrahim", a kunya and a given name
        if norm in self._org_kinds:
            return "organisation"  # "security firm Trend Micro" ... "Trend Micro said"
        if self._the_before(toks[0]) or toks[-1].text in the_singles:
            # "the Indianapolis Colts" / "the Colts": a team or a brand, not a person.
            last = toks[-1].low
            return "organisation" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "unknown"
        if 2 <= len(toks) <= 4 and (toks[-1].text in singles or c.speech_after) and not (
                len(toks[0].text) > 1 and toks[0].text.isupper()):  # "AMD Opteron" is a product
            return "person"
        words = norm.split()
        for entry in lex.by_last.get(words[-1], ()):
            if entry.count(" ") + 1 == len(words) and fuzz.ratio(norm, entry) >= 85:
                return "place"
        return "unknown"

    def resolve(self) -> list[_Cand]:
        body, head_runs = self.candidates()
        lex = self.lex
        # One pass over the candidates for what the typing asks of all of them: the words
        # standing alone, those after "the" (asked again below, so answered once), the others.
        singles: set[str] = set()
        the_before: dict[int, bool] = {}
        the_singles: set[str] = set()
        multi: list[_Cand] = []
        for c in body:
            if len(c.toks) > 1:
                multi.append(c)
                continue
            tok = c.toks[0]
            if not c.weak:
                singles.add(tok.text)
            the = the_before[id(c)] = self._the_before(tok)
            if the:
                the_singles.add(tok.text)
        # A name written once after a kind of organisation ("firm Trend Micro") is a body's
        # wherever the document names it: "Trend Micro said" is the firm speaking, not a person.
        after_kind = self.kind_named()
        self._org_kinds = frozenset(self._norm(c.toks) for c in body if c.toks[0].start in after_kind) \
            if after_kind else frozenset()
        for c in multi:
            if c.type == "unknown":
                c.type = self.type_multi(c, singles, the_singles)
        persons = [c for c in multi if c.type == "person"]
        by_last: dict[str, list[_Cand]] = {}
        by_first: dict[str, list[_Cand]] = {}
        for p in persons:
            by_last.setdefault(normalise_name(name_words(" ".join(t.text for t in p.toks))[-1]), []).append(p)
            by_first.setdefault(normalise_name(p.toks[0].text), []).append(p)

        # Persons come in text order, so the last one named before a mention is
        # found by bisection: a document with thousands of mentions of thousands
        # of persons must not compare every mention with every person.
        starts = {id(table): {k: [p.toks[0].start for p in v] for k, v in table.items()}
                  for table in (by_last, by_first)}
        ordered = all(v == sorted(v) for table in starts.values() for v in table.values())

        def link(tok: _Tok) -> _Cand | None:
            key = normalise_name(tok.text)
            if len(tok.text) > 1 and tok.text.isupper():
                return None  # "UN" is not "Kim Jong Un", "AMD" not "AMD Opteron"
            for table in (by_last, by_first):
                options = table.get(key)
                if options:
                    if ordered:
                        k = bisect.bisect_left(starts[id(table)][key], tok.start)
                        return options[k - 1] if k else options[0]
                    before = [p for p in options if p.toks[0].start < tok.start]
                    return before[-1] if before else options[0]
            return None

        out: list[_Cand] = []
        for c in body:
            if len(c.toks) > 1:
                out.append(c)
                continue
            if c.type != "unknown":  # gazetteer entry taken from a title
                out.append(c)
                continue
            tok = c.toks[0]
            target = None if the_before[id(c)] else link(tok)
            norm = self._norm(c.toks)
            if target is not None:
                self._set_link(c, target)
            elif norm in lex.gazetteer:
                c.type = lex.gazetteer[norm]
            elif "-" in tok.text and all(p[:1].isupper() for p in tok.text.split("-")):
                out.extend(self._compound(tok, link))
                continue
            elif c.weak:
                continue
            elif c.affiliation:
                c.type = "organisation"
            elif (c.speech_after or c.title) and len(tok.text) >= 2 and tok.text.isupper():
                # "IRNA reported", "CNN said", "the official IRNA news agency": an acronym
                # that speaks or holds an office is an outlet or a body, not a person.
                c.type = "organisation"
            elif norm in self._org_kinds and tok.low not in lex.given:
                c.type = "organisation"  # "chipmaker Nvidia" ... "Nvidia said"
            elif c.title or c.speech_after:
                c.type = "person"
            elif tok.low in lex.org_kw:
                c.type = "organisation"
            out.append(c)

        # One name, one type per document: "TallGrass" is an organisation
        # everywhere once "CEO of TallGrass" said so.
        norms: list[str] = []  # once per candidate, for the passes below
        typed: dict[str, str] = {}
        for c in out:
            norm = self._norm(c.toks)
            norms.append(norm)
            if c.type != "unknown":
                typed.setdefault(norm, c.type)
        known: dict[str, _Cand] = {}
        for c, norm in zip(out, norms, strict=True):
            if c.type == "unknown":
                c.type = typed.get(norm, "unknown")
            known.setdefault(norm, c)
        for run in head_runs:
            out.extend(self._headline(run, known, link))
        return out

    def _compound(self, tok: _Tok, link: Callable[[_Tok], _Cand | None]) -> list[_Cand]:
        """ "Trump-Kim": split into linked parts when every part is known."""
        parts: list[_Cand] = []
        pos = tok.start
        for p in tok.text.split("-"):
            # Found in the text, not counted: a joined "Strauss - Kahn" spaces its hyphen.
            pos = self.text.find(p, pos)
            sub = _Tok(pos, pos + len(p), pos + len(p), p, p.casefold(), True, False, False, tok.line)
            pos += len(p)
            c = _Cand([sub])
            target = link(sub)
            norm = normalise_name(p)
            if target is not None:
                self._set_link(c, target)
            elif norm in self.lex.gazetteer:
                c.type = self.lex.gazetteer[norm]
            else:
                return [_Cand([tok])]
            parts.append(c)
        return parts
