"""Name mentions -- people, places and organisations -- without an NLP model.

No tagger can be downloaded where factcheck runs, and the consistency rules
only need to know *that* "Kim Long Un" and "Kim Jong Un" are both mentions of
a person, so a name is found the way a careful reader skims: a maximal run of
capitalised words, minus the capitals that are explained by something else.

* A capital at the start of a sentence, quote or line proves nothing, so a
  sentence-initial word must earn its place: it is a known place, title or
  given name, or the document also capitalises it mid-sentence ("Pompeo" is
  kept, "Declaring", "Led" and "Somehow" are not).
* Function words, months and weekdays are never names (stop list).
* Titles and roles ("US Secretary of State", "leader") are split off into the
  ``title`` attribute so the claim span is the name alone -- a rule can then
  point at exactly "Kim Long Un".
* Headlines are Title Case, so every word is capitalised there; on such lines
  only gazetteer entries and names already seen in the body are taken -- or
  near misses of a body name, so that a slip in a headline can be reported.
* A surname on its own ("Lavrov said") is linked to the full name used in the
  same document, so claims about "Lavrov" and "Sergei Lavrov" compare equal.

Types come from evidence, in order: gazetteers (pycountry countries and
larger subdivisions, plus small hand-written lists under ``data/``), keywords
("Council", "Times" -> organisation; "Peninsula", "Street" -> place), then
person evidence (a title, a known given name, a later surname-only reference,
a following "said").  Everything else is ``unknown``.

Claim attributes (all JSON-serialisable, always present):

``type``        "person" | "place" | "organisation" | "unknown"
``tokens``      the words of ``value``
``normalised``  :func:`normalise_name` of ``value`` (for fuzzy matching)
``title``       the title/role split off before the name, or None
``surface``     the span text, whitespace-normalised (differs from ``value``
                only for linked mentions)
``linked``      True when ``value`` is a full name found elsewhere in the
                document ("Lavrov" -> "Sergei Lavrov")
"""

from __future__ import annotations

import bisect
import gc
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from factcheck.calendar import MONTHS, WEEKDAYS
from factcheck.claims.base import Claim, make_claim, register, sentence_bounds
from factcheck.claims.spellings import SlipIndex, max_edits, typo_pair
from factcheck.documents import Document

__all__ = ["SPEECH_VERBS", "SentenceMemo", "abbreviation_before", "extract", "mentions", "normalise_name"]

_DATA = Path(__file__).with_name("data")

#: Verbs that attribute speech.  Shared with :mod:`factcheck.claims.quotes`;
#: here a following speech verb is evidence that a capitalised run is a person.
SPEECH_VERBS = frozenset("""
    said says say saying told tells tell added adds argued argues stressed stresses insisted insists
    warned warns noted notes declared declares stated states explained explains asked asks replied
    replies responded responds wrote writes continued continues concluded claimed claims announced
    announces acknowledged acknowledges admitted admits cautioned complained complains confirmed
    confirms urged urges remarked recalled recalls predicted predicts promised promises vowed vows
    suggested suggests countered counters observed joked tweeted posted repeated repeats maintained
    maintains emphasised emphasized emphasises emphasizes reiterated reiterates conceded boasted
    contended contends agreed agrees denied denies alleged alleges testified testifies
    revealed reveals disclosed commented comments mused quipped shouted yelled whispered
    exclaimed pleaded demanded demands called calls described describes hailed hails voiced
    criticised criticized accused accuses blamed thanked praised
    adding noting telling arguing insisting warning stressing explaining declaring claiming describing
""".split())

#: Words that may sit between a subject and its speech verb ("Lavrov has said",
#: "Pompeo later said").
AUX_WORDS = frozenset("""
    has have had is was were will would could should may might must also later then again
    further previously earlier recently reportedly once first last often repeatedly already
    just still quickly
""".split())

# Lower-case words that join the capitalised words of one name
# ("Charles de Gaulle", "Ursula von der Leyen", "Bank of England").
_CONNECTORS = frozenset("of de da di du des del della der den van von bin ibn bint al el la le ter ten dos das"
                        .split()) | {"of the"}
# Extra joiners allowed only after a title word, so that "Representative to the
# United Nations Vassily Nebenzia" stays one run for the title splitter.  "the"
# is never a token on its own, only in "of the", "to the" ("Secretary of the
# Treasury").
_TITLE_JOINERS = frozenset({"to", "for", "at", "to the", "for the", "at the"})
_JOINERS = _CONNECTORS | _TITLE_JOINERS
# Arabic-style particles written joined: "al-Assad", "bin-Salman".
_PARTICLES = frozenset("al el ad as ash at az ar an bin ibn abu".split())
# Possessives that are part of an established name.
_POSS_IN_NAMES = frozenset({"people's", "women's", "children's", "men's", "workers'", "veterans'"})
# Abbreviations after which a '.' does not end a sentence.
_ABBREVS = frozenset("mr mrs ms dr st jr sr gen sen rep gov lt col capt prof rev msgr const det insp supt sgt "
                     "inc corp co vs no jan feb aug sept sep oct nov dec mt ft adm maj cpl".split())
# Words that do not count when deciding whether a line is Title Case.
_SMALL = frozenset("a an the and or of to in on at for by with from as vs is are be nor but up via per "
                   "into over".split())
# Capitalised only by position, these plural nouns are the subject of "said" all the time.
_GENERIC = frozenset("""police officials authorities witnesses residents experts analysts investigators
    prosecutors critics sources reports doctors officers neighbors neighbours friends scientists
    researchers lawmakers diplomats observers relatives family families parents students teachers
    workers employees fans people others many some both""".split())
# Words glued to a name by a dash that lost its spaces ("Kirkpatrick-was charged").
_GLUED = frozenset("was is were are has had a an the and who which that of to or but it he she they we as at "
                   "on by for with from born based led backed owned run made style era bound".split())
_POSS_GLUED_RE = re.compile(r"['’]s-[a-z]+$")  # "Capaldi's-same character"
_DIRECTIONS = frozenset("north south east west northern southern eastern western central".split())

# Capitalised tokens: a word not starting in ASCII lower case, inner hyphens
# and apostrophes kept ("Jae-in", "O'Brien", "Pompeo’s"), or "al-Assad".  The
# pattern starts with a plain character class so the regex engine skips
# lower-case words at C speed; dotted forms ("U.S.", "N.Korea", "Mr.", the "W."
# of George W. Bush) are completed in Python, they are rare.  Lower-case
# keywords are a second, trie-shaped alternative of the same scan
# (``_Lexicon.token_re``): one pass over the text finds both kinds in order.
_CAP_RE = re.compile(r"\b(?:[^\W\d_a-z]\w*(?:[-'’‑][^\W_]+)*"
                     r"|(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu)-[A-Z]\w*(?:[-'’‑][^\W_]+)*)")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]+")  # U.S., D.P.R.K., N.Korea
_TITLE_DOT_RE = re.compile(r"\.(?=[ \t]+[A-Z])")
_INITIAL_DOT_RE = re.compile(r"\.(?=[ \t]+[A-Z][a-z])")
_DOT_TITLES = frozenset("Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Prof Rev Msgr Sgt Adm Maj Cpl Cmdr Const Supt "
                        "Det Insp Hon Fr St Mt Ft".split())


_Trie = dict[str, "_Trie"]


def _trie_regex(words: list[str]) -> str:
    """An alternation shaped as a trie, so the regex engine tests one branch
    per character instead of every keyword at every word start."""
    root: _Trie = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-‑])[a-z][\w'’\-‑]*")
_SPACES = frozenset(" \t\u00a0\u2009\u202f")
_SKIP_BACK = frozenset(" \t\u00a0\"“”„«»‘’'([{*_–—-")
_OPEN_QUOTES = frozenset("\"“„«")
_SENT_END = frozenset(".!?:;…")
_HYPHENS_RE = re.compile(r"[-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]+")
_POSS_WORD_RE = re.compile(r"(?:['’]s)+$")


# --------------------------------------------------------------------------- normalisation


def _normalise_once(s: str) -> str:
    if s.isascii():
        s = s.lower()
        if "-" in s or "_" in s:
            s = s.replace("-", " ").replace("_", " ")
        if "'" not in s:
            return " ".join(s.split())
        words = (_POSS_WORD_RE.sub("", w) for w in s.split())
        return " ".join(w for w in words if w)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _HYPHENS_RE.sub(" ", s)
    words = (_POSS_WORD_RE.sub("", w) for w in s.split())
    return " ".join(w for w in words if w)


@lru_cache(maxsize=1 << 15)
def normalise_name(s: str) -> str:
    """Casefold, strip diacritics, hyphens/underscores to spaces, drop possessives.

    The consistency rules compare names across articles that spell them
    differently ("Kim Jong-un", "Kim Jong Un's", "Lavrov"/"LAVROV"); this is
    the one place that decides what counts as the same spelling.  Repeated
    until stable because decomposition and casefolding can each expose work
    for the other; the result is idempotent.
    """
    out = s
    for _ in range(8):
        nxt = _normalise_once(out)
        if nxt == out:
            break
        out = nxt
    return out


#: Generational suffixes: "Anthony LaCalamita III" is a LaCalamita, "Cal Ripken Jr." a Ripken.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(name: str) -> list[str]:
    """A full name's words without a generational suffix, so that its surname is its last --
    nor where the person is from: "Vishwanand Subryan of Schenectady" is Vishwanand Subryan
    wherever the extractor could not tell the person from the place (see _cut_at_of)."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.casefold() == "of"), None)
    if cut is not None:
        words = words[:cut]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words


# --------------------------------------------------------------------------- lexicon


def known_name(name: str) -> bool:
    """True when the gazetteers or the given-name list know ``name`` (any case).

    Rules use it as evidence that a rare spelling is a real name in its own
    right ("Colorado", "Bolton") rather than a slip for a similar one.
    """
    key = normalise_name(name)
    lex = _lexicon()
    return key in lex.gazetteer or key in lex.given


def _read_lines(name: str) -> list[str]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def _read_sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    heads: frozenset[str]
    also_names: frozenset[str]
    title_words: frozenset[str]
    roles: frozenset[str]
    given: frozenset[str]
    demonyms: frozenset[str]
    demonym_tokens: frozenset[str]
    org_kw: frozenset[str]
    place_suffix: frozenset[str]
    place_prefix: frozenset[str]
    gazetteer: dict[str, str] = field(default_factory=dict)
    gaz_max: int = 1
    gaz_single: frozenset[str] = frozenset()
    gaz_first: frozenset[str] = frozenset()
    by_last: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keywords: frozenset[str] = frozenset()
    #: capitalised words (group 1, ``_CAP_RE``) and lower-case keywords (group 2), in one pass
    token_re: re.Pattern[str] = re.compile(r"(?!)")
    speech_after_re: re.Pattern[str] = re.compile(r"(?!)")


_SUBDIVISION_TYPES = ("state", "province", "prefecture", "governorate", "republic", "land", "voivodship",
                      "oblast", "emirate", "territory", "autonomous", "capital", "country", "city",
                      "region", "canton")


def _country_names() -> Iterator[str]:
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if not n:
                continue
            if "," in n:  # "Korea, Republic of" -> "Korea", "Republic of Korea"
                head, tail = (p.strip() for p in n.split(",", 1))
                yield head
                yield f"{tail} {head}"
            else:
                yield n


def _subdivision_names() -> Iterator[str]:
    import pycountry

    for s in pycountry.subdivisions:
        t = s.type.lower()
        if any(k in t for k in _SUBDIVISION_TYPES):
            yield re.sub(r"\s*\(.*?\)\s*", " ", s.name).strip()


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Load the word lists and gazetteers once per process (lazily: importing
    factcheck must stay cheap for commands that never extract names)."""
    stop = frozenset(w.casefold() for w in _read_lines("stopwords.txt"))
    titles = _read_sections("titles.txt")
    heads = frozenset(titles.get("heads", []))
    title_words = heads | frozenset(titles.get("modifiers", []))
    given = frozenset(_read_lines("given_names.txt"))
    demonyms = frozenset(normalise_name(d) for d in _read_lines("demonyms.txt"))
    orgs = _read_sections("orgs.txt")
    places = _read_sections("places.txt")
    pk = _read_sections("place_keywords.txt")
    exclude = frozenset(normalise_name(x) for x in places.get("exclude", []))
    gaz: dict[str, str] = {}

    def add(name: str, kind: str, strict: bool) -> None:
        key = normalise_name(name)
        if not key or key in gaz:
            return
        if strict and " " not in key and (key in exclude or key in given or key in stop or len(key) < 4
                                          or key in title_words or key in demonyms):
            return
        gaz[key] = kind

    for n in places.get("places", []):
        add(n, "place", False)
    for n in orgs.get("names", []):
        add(n, "organisation", False)
    for n in _country_names():
        add(n, "place", False)
    for n in _subdivision_names():
        add(n, "place", True)
    by_last: dict[str, list[str]] = {}
    for key, kind in gaz.items():
        if kind == "place" and " " in key:
            by_last.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    roles = frozenset(titles.get("roles", []))
    keywords = (_CONNECTORS | _TITLE_JOINERS | roles | title_words) - {"the"}
    return _Lexicon(
        stop=stop,
        months=frozenset(MONTHS) - {"may", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "apr",
                                    "feb", "jul", "sept"},
        weekdays=frozenset(WEEKDAYS) - {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                                        "sun"},
        heads=heads,
        also_names=frozenset(titles.get("also_names", [])),
        title_words=title_words,
        roles=roles,
        given=given,
        demonyms=demonyms,
        demonym_tokens=frozenset(w for d in demonyms for w in d.split()),
        org_kw=frozenset(orgs.get("keywords", [])),
        place_suffix=frozenset(pk.get("suffixes", [])),
        place_prefix=frozenset(pk.get("prefixes", [])),
        gazetteer=gaz,
        gaz_max=max((k.count(" ") + 1 for k in gaz), default=1),
        gaz_single=frozenset(k for k in gaz if " " not in k),
        gaz_first=frozenset(k.partition(" ")[0] for k in gaz),
        by_last={k: tuple(v) for k, v in by_last.items()},
        keywords=frozenset(keywords),
        token_re=re.compile(r"\b(?:(" + _CAP_RE.pattern[2:] + ")|("
                            + _trie_regex(sorted(k for k in keywords if k.isascii())) + r")\b(?![-'’‑]\w))"),
        speech_after_re=re.compile(r"[ \t]+(?:(?:" + _trie_regex(sorted(AUX_WORDS)) + r")[ \t]+){0,2}(?:"
                                   + _trie_regex(sorted(SPEECH_VERBS)) + r")\b"),
    )


# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Tok:
    start: int
    end: int  # exclusive; a possessive "'s" is not included
    raw_end: int  # exclusive; includes the possessive
    text: str
    low: str  # casefolded text, curly apostrophes straightened
    cap: bool
    poss: bool
    initial: bool  # the capital is explained by a sentence, quote or line start
    line: int


def _is_cap(t: str) -> bool:
    c = t[0]
    if c.isupper() or c.istitle():
        return True
    if c.islower() and "-" in t:
        pre, _, rest = t.partition("-")
        return pre in _PARTICLES and rest[:1].isupper()
    return False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back on after it (if it was on).

    For one document's name analysis (:func:`_mentions`), which allocates
    objects per capitalised word -- a token each, a run or candidate each
    when the words stand apart -- and keeps them all until it ends, making
    no reference cycles.  No collection can free any of them meanwhile, yet
    CPython's collector, counting allocations, starts a *full* collection
    about every 70,000 of them while few objects are long-lived, and each
    walks every object made so far: time quadratic in the capitalised words
    ("Abc " x 524,288 spent 0.37 s of 2.3 s in five full collections; the
    ``capitals``, ``distinct-initials`` and ``html-entities`` patterns of
    ``bench/growth.py`` grew 2.2-2.57 per doubling).  Paused, they are
    examined once, after.  Not ``gc.freeze()``: undoing it would unfreeze a
    caller's frozen objects too.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _tokenise(text: str, lex: _Lexicon) -> list[_Tok]:
    """Capitalised words and keyword tokens with their flags, in one linear pass.

    Only capitalised words and a closed set of lower-case words (connectors,
    roles, speech verbs: ``lex.keywords``) become tokens, found by one regex
    (``lex.token_re``: either kind, in text order, so nothing is merged after);
    other words are never seen by Python code, which is what keeps the
    extractor fast.  A skipped word between two capitalised ones still breaks
    the run, because the gap between them is then not blank.
    """
    toks: list[_Tok] = []
    line = 0
    prev_raw_end = 0
    count = text.count
    cap_end = 0
    for m in lex.token_re.finditer(text):
        s, e = m.span()
        if m.lastindex == 2:  # a keyword; keywords start lower case, capitalised words do not
            if not s or text[s - 1] not in "'’-‑":  # not "n't", "ex-president"
                line += count("\n", prev_raw_end, s)
                prev_raw_end = e
                _keyword(text, toks, s, e, line)
            continue
        if s < cap_end:
            continue  # the "S" of "U.S.", already taken
        word = m.group()
        if not _is_cap(word):
            continue
        if e < len(text) and text[e] == ".":
            d = _DOTTED_RE.match(text, s)
            if d is not None:
                e = d.end()
                word = d.group()
            elif (word in _DOT_TITLES and _TITLE_DOT_RE.match(text, e)) or (
                    len(word) == 1 and _INITIAL_DOT_RE.match(text, e)):
                e += 1
                word += "."
        cap_end = e
        if "-" in word and (word.rpartition("-")[2] in _GLUED or _POSS_GLUED_RE.search(word)):
            # "Kirkpatrick-was": a dash lost its spaces; "Glasgow-born": an adjective.
            word = word.rpartition("-")[0]
            e = s + len(word)
        line += count("\n", prev_raw_end, s)
        prev_raw_end = e
        # Decide whether the capital is explained by position.
        j = s - 1
        opened = False
        while j >= 0 and text[j] in _SKIP_BACK:
            if text[j] in _OPEN_QUOTES:
                opened = True
            j -= 1
        if j < 0 or text[j] == "\n" or opened:
            initial = True
        elif text[j] in _SENT_END:
            initial = not (text[j] == "." and abbreviation_before(text, j))
        else:
            initial = False
        if "-" in word and _split_compound(text, word, s, toks, lex):
            # "Russia-China", "US-North Korean": a compound of names, one token each.
            pos = s
            for p in word.split("-"):
                toks.append(_make_tok(text, pos, pos + len(p), line, initial))
                initial = False
                pos += len(p) + 1
        else:
            toks.append(_make_tok(text, s, e, line, initial))
    return toks


def _keyword(text: str, toks: list[_Tok], ks: int, ke: int, line: int) -> None:
    """Append a lower-case keyword token ("of", "of the", "leader")."""
    word = text[ks:ke]
    toks.append(_Tok(ks, ke, ke, word, word, False, False, False, line))


#: Maximal runs of the characters :func:`_has_word` takes as part of a word: it finds
#: ``word`` exactly when one of these runs is ``word``.
_WORD_RUN_RE = re.compile(r"[\w'’-]+")
#: Words looked up by :func:`_has_word` before a document's words are collected.
_SEARCHED_WORDS = 32


def _has_word(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a whole word (exact case)?"""
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + n] if pos + n < len(text) else " "
        if not (before.isalnum() or before in "'’-_") and not (after.isalnum() or after in "'’-_"):
            return True
        pos = text.find(word, pos + 1)
    return False


def _blank(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` non-empty and made of spaces/tabs only?"""
    if a >= b:
        return False
    for k in range(a, b):
        if text[k] not in _SPACES:
            return False
    return True


def abbreviation_before(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends "U.S.", "Mr." or an initial, not a sentence."""
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].casefold()
    return "." in word or len(word) == 1 or word in _ABBREVS


def _split_compound(text: str, word: str, s: int, toks: list[_Tok], lex: _Lexicon) -> bool:
    """Should "Russia-China" be read as two names?  Yes when a part is a known
    place or organisation and the compound is not itself a name or inside one."""
    parts = word.split("-")
    if not all(p[:1].isupper() for p in parts) or normalise_name(word) in lex.gazetteer:
        return False
    if not any(normalise_name(p) in lex.gaz_single for p in parts):
        return False
    # Inside a run of names ("Agence France-Presse") a compound stays whole.
    prev = toks[-1] if toks else None
    in_run = prev is not None and prev.cap and not prev.poss and _blank(text, prev.raw_end, s)
    return not in_run


def _make_tok(text: str, s: int, e: int, line: int, initial: bool) -> _Tok:
    word = text[s:e]
    low = word.casefold()
    if "’" in low:
        low = low.replace("’", "'")
    poss = len(word) > 2 and low[-2:] == "'s" and low not in _POSS_IN_NAMES
    if poss:
        e2 = e - 2
        word = word[:-2]
        low = low[:-2]
    else:
        e2 = e
    return _Tok(s, e2, e, word, low, True, poss, initial, line)


# --------------------------------------------------------------------------- candidates


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


# --------------------------------------------------------------------------- extractor


@lru_cache(maxsize=8)
def _mentions(doc: Document) -> tuple[Claim, ...]:
    with _collector_paused():
        return _find_mentions(doc)


def _find_mentions(doc: Document) -> tuple[Claim, ...]:
    text = doc.text
    if not text.strip():
        return ()
    analyser = _Analyser(text)
    found: dict[tuple[int, int], _Cand] = {}
    for c in analyser.resolve():
        span = (c.toks[0].start, c.toks[-1].end)
        if span[1] > span[0]:
            found.setdefault(span, c)
    claims: list[Claim] = []
    sentences = SentenceMemo(text)
    for (start, end), c in sorted(found.items()):
        surface = " ".join(text[start:end].split())
        value = c.value if c.linked and c.value else surface
        tokens = list(c.link_tokens) if c.linked and c.link_tokens else [t.text for t in c.toks]
        claims.append(make_claim("name", doc, start, end, value, type=c.type, tokens=tokens,
                                 normalised=normalise_name(value), title=c.title, surface=surface,
                                 linked=c.linked, sentence=sentences(start, end)))
    return tuple(claims)


class SentenceMemo:
    """``sentence_bounds`` for claims visited in text order, computed once per sentence.

    A document has a few dozen names but far fewer sentences; once the bounds
    ``[s, e)`` of one claim are known, a later claim that starts after the
    previous claim and ends before the sentence's final character lies in the
    same sentence: a break between them would have stopped the forward scan,
    unless its '.' sat inside the previous claim ("L.A. Times"), so claims
    containing sentence punctuation are never reused.
    """

    __slots__ = ("_bounds", "_prev_end", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._bounds = (-1, -1)
        self._prev_end = -1

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        s, e = self._bounds
        if not (start >= self._prev_end >= s and end < e):
            self._bounds = sentence_bounds(self._text, start, end)
        span = self._text[start:end]
        clean = "." not in span and "!" not in span and "?" not in span and "\n" not in span
        self._prev_end = end if clean else len(self._text) + 1
        return self._bounds


def mentions(doc: Document) -> tuple[Claim, ...]:
    """All name claims of ``doc``, memoised: the quote extractor resolves
    speakers through them, and re-tokenising the article twice is wasted work."""
    return _mentions(doc)


@register("names")
def extract(doc: Document) -> Iterator[Claim]:
    """Name mentions in ``doc``, sorted by (start, end)."""
    yield from _mentions(doc)
