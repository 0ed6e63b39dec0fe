"""Title Case lines (headlines, captions), read last: every word there is
capitalised, so only gazetteer entries and names the body uses are taken --
or a slip of one ("Esther Wlliams"), for the name rules to report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factcheck.claims.names.evidence import _Cand, _Evidence
from factcheck.claims.names.tokens import _Tok
from factcheck.claims.spellings import SlipIndex, typo_pair


class _Headlines(_Evidence):
    """Names on Title Case lines, judged against the body's names."""

    def _headline(self, run: list[_Tok], known: dict[str, _Cand],
                  link: Callable[[_Tok], _Cand | None]) -> Iterator[_Cand]:
        """Title Case lines: take only gazetteer entries and names the body uses
        (in full, or a surname linked to a full name)."""
        lex = self.lex
        i = 0
        n = len(run)
        while i < n:
            if not run[i].cap or self._is_stop(run[i]):
                i += 1
                continue
            for j in range(min(n, i + max(lex.gaz_max, 6)), i, -1):
                if not run[j - 1].cap:
                    continue
                seg = run[i:j]
                norm = self._norm(seg)
                if norm in known:
                    k = known[norm]
                    c = _Cand(seg, type=k.type, linked=k.linked,
                              value=k.value, link_tokens=k.link_tokens)
                    yield c
                    i = j
                    break
                if norm in lex.gazetteer:
                    yield _Cand(seg, type=lex.gazetteer[norm])
                    i = j
                    break
                if j > i + 1:
                    continue
                # Every exact reading starting here has failed but the surname link.
                # A slip in a longer name ("Esther Wlliams") beats linking its first word.
                target = link(seg[0])
                near = self._near_miss(run, i, known)
                if near is not None and (len(near.toks) > 1 or target is None):
                    yield near
                    i += len(near.toks)
                    break
                if target is not None:
                    c = _Cand(seg)
                    self._set_link(c, target)
                    yield c
                    i = j
                    break
            else:
                i += 1

    def _near_miss(self, run: list[_Tok], i: int, known: dict[str, _Cand]) -> _Cand | None:
        """A slip in a headline: words a letter or two away from a name the body uses
        ("Esther Wlliams" over a story about "Esther Williams").

        Headline words are otherwise taken only when known, so a misspelled name
        there would be invisible to the name rules.  The slip is judged as the
        ``name-variants`` rule judges one (:func:`typo_pair`); words the document
        also writes in lower case are ordinary words, not names.
        """
        if self._known_index is None:
            # Blocking: a slip of an n-word name shares n - 1 words with it, in place;
            # one-word names go to a SlipIndex.  So a headline word meets only the
            # body names it could be a slip of, however many names the body has.
            self._known_index = {}
            for norm in known:
                words = norm.split()
                if len(words) > 1:
                    for j, w in enumerate(words):
                        self._known_index.setdefault(f"{len(words)}|{j}|{w}", []).append(norm)
            self._known_words = SlipIndex(known)
            self._known_sizes = sorted({len(norm.split()) for norm in known}, reverse=True)
        for n in self._known_sizes:
            seg = run[i:i + n]
            if len(seg) < n or not all(t.cap and not self._is_stop(t) for t in seg):
                continue
            seg_norm = self._norm(seg)
            words = seg_norm.split()
            if len(words) != n:
                continue
            if n == 1:
                near = self._known_words.near(seg_norm)
            else:
                near = sorted(m for m in {m for j, w in enumerate(words)
                                          for m in self._known_index.get(f"{n}|{j}|{w}", ())}
                              if typo_pair(seg_norm, m))
            if near and not any(self.lower_seen(t.low) for t in seg):
                return _Cand(seg, type=known[near[0]].type)
        return None
