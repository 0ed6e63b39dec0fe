"""Per-document name analysis: runs of capitalised words, cut into candidates
(titles split off, sentence-initial capitals verified), typed from evidence,
surnames linked to full names, Title Case headlines read last.

The :class:`_Analyser` holds the document's derived data (tokens, headline
lines, lower-case words, normalised spans), each computed once and shared by
every candidate, so no step rescans the text per mention.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.calendar import MONTHS
from factcheck.claims.names.lexicon import (
    _CONNECTORS,
    _DIRECTIONS,
    _GENERIC,
    _JOINERS,
    _SMALL,
    _TITLE_JOINERS,
    _lexicon,
)
from factcheck.claims.names.normalise import name_words, normalise_name
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
from factcheck.claims.spellings import SlipIndex, max_edits, typo_pair


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


class _Analyser:
    """One pass over one document's text; holds the per-document evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = _lexicon()
        self.toks = _tokenise(text, self.lex)
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

    # -- helpers ---------------------------------------------------------------

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

    # -- runs ------------------------------------------------------------------

    def runs(self) -> list[list[_Tok]]:
        """Maximal runs of capitalised words, joined by spaces and name connectors."""
        out: list[list[_Tok]] = []
        cur: list[_Tok] = []

        def flush() -> None:
            while cur and not cur[-1].cap:
                cur.pop()
            if cur:
                out.append(cur.copy())
            cur.clear()

        for t in self.toks:
            if cur and not self._gap_ok(cur[-1], t):
                flush()
            if t.cap:
                cur.append(t)
            elif cur and (t.low in _CONNECTORS or (t.low in _TITLE_JOINERS and self._title_tail(cur))):
                trailing = 0
                for x in reversed(cur):
                    if x.cap:
                        break
                    trailing += 1
                if trailing < 2:
                    cur.append(t)
                else:
                    flush()
            else:
                flush()
        flush()
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

    def _person_like(self, name: list[_Tok]) -> bool:
        """Evidence that capitalised words name a person: a known given name first, or
        a last word the document capitalises again and never writes in lower case."""
        if name[0].low in self.lex.given:
            return True
        if self._cap_counts is None:
            self._cap_counts = Counter(t.low for t in self.toks if t.cap)
        last = name[-1].low
        return self._cap_counts[last] >= 2 and not self.lower_seen(last)

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

    # -- titles ----------------------------------------------------------------

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

    # -- the pass --------------------------------------------------------------

    def candidates(self) -> tuple[list[_Cand], list[list[_Tok]]]:
        """Body candidates, and the raw runs of headline lines (handled later)."""
        lex = self.lex
        index = {id(t): i for i, t in enumerate(self.toks)}
        body: list[_Cand] = []
        heads: list[list[_Tok]] = []
        for raw in self.runs():
            if raw[0].line in self.headline_lines:
                heads.append(raw)
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
                            weak = not (self._speech_after(index[id(first)]) and first.low not in _GENERIC
                                        and not self.lower_seen(first.low))
                        else:
                            run = run[1:]
                            while run and not run[0].cap:
                                run = run[1:]
                            if not run:
                                continue
                title_toks, name, affiliation = self.split_title(run)
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
                    title = self.role_before(name, index[id(name[0])])
                    if title is not None and not self._rest_ok(name):
                        title = None
                last = index[id(name[-1])]
                body.append(_Cand(name, title=title, weak=weak and title is None,
                                  speech_after=self._speech_after(last)))
        return body, heads

    def _the_before(self, t: _Tok) -> bool:
        """Is the word preceded by "the"?  People are not ("the Colts", "the Times")."""
        k = t.start
        text = self.text
        while k > 0 and text[k - 1] in _SPACES:
            k -= 1
        return k >= 3 and text[k - 3:k].casefold() == "the" and (k == 3 or not text[k - 4].isalnum())

    def _speech_after(self, i: int) -> bool:
        """Is the token followed by a speech verb ("Nebenzia has said")?"""
        t = self.toks[i]
        return not t.poss and self.lex.speech_after_re.match(self.text, t.raw_end) is not None

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

    # -- typing ----------------------------------------------------------------

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
        if toks[0].low in lex.given and 2 <= len(toks) <= 4:
            return "person"
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
        singles = {c.toks[0].text for c in body if len(c.toks) == 1 and not c.weak}
        the_singles = {c.toks[0].text for c in body if len(c.toks) == 1 and self._the_before(c.toks[0])}
        multi = [c for c in body if len(c.toks) > 1]
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
            target = None if self._the_before(tok) else link(tok)
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
            elif c.title or c.speech_after:
                c.type = "person"
            elif tok.low in lex.org_kw:
                c.type = "organisation"
            out.append(c)

        # One name, one type per document: "TallGrass" is an organisation
        # everywhere once "CEO of TallGrass" said so.
        typed: dict[str, str] = {}
        for c in out:
            if c.type != "unknown":
                typed.setdefault(self._norm(c.toks), c.type)
        for c in out:
            if c.type == "unknown":
                c.type = typed.get(self._norm(c.toks), "unknown")
        known: dict[str, _Cand] = {}
        for c in out:
            known.setdefault(self._norm(c.toks), c)
        for run in head_runs:
            out.extend(self._headline(run, known, link))
        return out

    def _set_link(self, c: _Cand, target: _Cand) -> None:
        c.type = "person"
        c.linked = True
        c.value = " ".join(" ".join(t.text for t in target.toks).split())
        c.link_tokens = [t.text for t in target.toks]

    def _compound(self, tok: _Tok, link: Callable[[_Tok], _Cand | None]) -> list[_Cand]:
        """ "Trump-Kim": split into linked parts when every part is known."""
        parts: list[_Cand] = []
        pos = tok.start
        for p in tok.text.split("-"):
            sub = _Tok(pos, pos + len(p), pos + len(p), p, p.casefold(), True, False, False, tok.line)
            pos += len(p) + 1
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
