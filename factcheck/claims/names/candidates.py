"""The body pass: every run outside headline lines cut into candidates, its
title split off and its sentence-initial capital verified against outside
evidence (a gazetteer, a given name, the same word capitalised mid-sentence).
"""

from __future__ import annotations

from factcheck.claims.names.evidence import _Cand
from factcheck.claims.names.lexicon import _DIRECTIONS, _GENERIC
from factcheck.claims.names.normalise import normalise_name
from factcheck.claims.names.runs import _Runs
from factcheck.claims.names.titles import _Titles
from factcheck.claims.names.tokens import _Tok
from factcheck.claims.names.words import DROP, HEAD, REJECT, one_word_verdict
from factcheck.claims.spellings import SlipIndex, max_edits


class _Candidates(_Runs, _Titles):
    """Body candidates, with the evidence for a sentence-initial word."""

    def verified(self, t: _Tok, run: list[_Tok]) -> bool:
        """May a sentence-initial word start a name?  Only with outside evidence."""
        lex = self.lex
        low = t.low.rstrip(".")
        if self._gaz_prefix(run, 0) or low in lex.title_words:
            return True
        if (low in lex.org_kw or low in lex.place_prefix) and not self.lower_seen(low):
            return True
        if low in lex.demonym_tokens or low in lex.given:
            return True
        if len(t.text) > 1 and t.text.isupper():
            return True
        if t.text in self.mid_caps and not self.lower_seen(low):
            return True
        if len(run) > 1 and run[1].cap:
            return not low.endswith(("ing", "ed", "ly")) and not self.lower_seen(low)
        return self._slip_of_mid_cap(t)

    def _slip_of_mid_cap(self, t: _Tok) -> bool:
        """Is a sentence-initial word a slip of a name the document capitalises
        mid-sentence ("Goeece's parliament" in an article about Greece)?  Then it is
        a mention, for the name rules to judge; a word the document also writes in
        lower case is not."""
        low = normalise_name(t.text)
        if " " in low or max_edits(low) == 0:
            return False
        if self._mid_index is None:
            self._mid_index = SlipIndex(normalise_name(w) for w in self.mid_caps)
        # The lower-case search reads the whole text: only for a word that is a slip.
        return bool(self._mid_index.near(low)) and not self.lower_seen(t.low)

    def candidates(self) -> tuple[list[_Cand], list[list[_Tok]]]:
        """Body candidates, and the raw runs of headline lines (handled later)."""
        lex = self.lex
        title_heads = lex.heads
        body: list[_Cand] = []
        heads: list[list[_Tok]] = []
        headline_lines = self.headline_lines
        for raw in self.runs():
            if raw[0].line in headline_lines:
                heads.append(raw)
                continue
            if len(raw) == 1:
                self._one_word(raw, body)
                continue
            for run in self.split_run(raw):
                first = run[0]
                weak = False
                role: str | None = None
                if first.initial and first.low in lex.roles and first.low not in lex.heads and len(run) > 1 \
                        and self._rest_ok(run[1:]):
                    # "Actress Esther Williams died": the role the sentence opens with,
                    # written with a capital only because it opens the sentence.
                    role, run = first.text, run[1:]
                elif first.initial:
                    if not self.verified(first, run):
                        if len(run) == 1:
                            # "White said ...": a capitalised subject of a speech
                            # verb is a name unless it is a generic noun.
                            weak = not (self._speech_after(first) and first.low not in _GENERIC
                                        and not self.lower_seen(first.low))
                        else:
                            run = run[1:]
                            while run and not run[0].cap:
                                run = run[1:]
                            if not run:
                                continue
                if len(run) == 1 and run[0].low.rstrip(".") not in title_heads:
                    # Most runs are one word, not a title: split_title would return it whole.
                    title_toks: list[_Tok] = []
                    name = run
                else:
                    title_toks, name, affiliation = self.split_title(run)
                    if not title_toks and not affiliation and len(name) >= 3:
                        k = self.context_title(name)
                        if k:
                            title_toks, name = name[:k], name[k:]
                    for g in self._gaz_segments(title_toks):
                        body.append(g)
                    if affiliation:
                        body.append(_Cand(affiliation, affiliation=True))
                if not name:
                    continue
                norm = self._norm(name)
                if norm not in lex.gazetteer and (
                        norm in lex.demonyms or norm[:-1] in lex.demonyms
                        or (all(t.text.isupper() for t in name)
                            and any(len(t.text) >= 6 for t in name))  # shouting: "BREAKING NEWS"
                        or (len(name) == 1 and (name[0].low.rstrip(".") in lex.title_words
                                                or name[0].low in lex.org_kw or name[0].low in _DIRECTIONS
                                                or name[0].low in lex.place_suffix or len(name[0].text) == 1))):
                    continue  # "Chinese", "North Koreans", "President", "Council", "North", "Street", "Q"
                title: str | None = None
                if title_toks:
                    title = " ".join(self.text[title_toks[0].start:title_toks[-1].end].split())
                elif role is not None:
                    title = role
                else:
                    title = self.role_before(name, name[0].i)
                    if title is not None and not self._rest_ok(name):
                        title = None
                body.append(_Cand(name, title=title, weak=weak and title is None,
                                  speech_after=self._speech_after(name[-1])))
        return body, heads

    def _one_word(self, run: list[_Tok], body: list[_Cand]) -> None:
        """:meth:`candidates` for a run of one word, three in four runs of an article.

        The same decisions as the general path, taken in its order, with what
        cannot apply to one word left out (an opening role needs a name after
        it; a title word alone leaves no name, only the names inside it).  What
        the word decides alone comes from :func:`one_word_verdict`, once per
        distinct word; a sentence-initial word is verified once per distinct
        word and document, and only when the word could be kept (verifying has
        no effect but its answer).
        """
        t = run[0]
        verdict, month = one_word_verdict(t.text, t.low)
        if verdict == DROP or (month and self._dated(t)):
            return  # split_run drops it
        if verdict == HEAD:
            body.extend(self._gaz_segments(run))  # split_title: all title, no name
            return
        if verdict == REJECT:
            return
        weak = False
        speech: bool | None = None
        if t.initial:
            ok = self._verified_one.get(t.text)
            if ok is None:
                ok = self._verified_one[t.text] = self.verified(t, run)
            if not ok:
                # "White said ...": a capitalised subject of a speech verb is a name unless it is a
                # generic noun.
                speech = self._speech_after(t)
                weak = not (speech and t.low not in _GENERIC and not self.lower_seen(t.low))
        title = self.role_before(run, t.i)
        if title is not None and not self._rest_ok(run):
            title = None
        body.append(_Cand(run, title=title, weak=weak and title is None,
                          speech_after=self._speech_after(t) if speech is None else speech))
