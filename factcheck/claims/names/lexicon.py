"""The words the name analysis knows: speech verbs, connectors, titles, given
names, gazetteers (pycountry plus the lists under ``claims/data``) and the
precompiled token patterns built from them.

Kept apart from the per-document code because it is loaded once per process
(lazily: importing factcheck must stay cheap for commands that never extract
names) and read-only afterwards; every document's analysis only looks words up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck.calendar import MONTHS, WEEKDAYS
from factcheck.claims.names.normalise import normalise_name

_DATA = Path(__file__).parent.parent / "data"

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
# and apostrophes kept ("Jae-in", "O'Brien", "Pompeo’s"), or "al-Assad".
# Dotted forms ("U.S.", "N.Korea", "Mr.", the "W." of George W. Bush) are
# completed in Python, they are rare.  Lower-case keywords are read backwards
# from each capitalised word (``_Lexicon.keyword_before_re``).
#
# Both patterns open on a plain character class and test the word start after
# it, as the lookbehind ``(?<!\w.)`` (the character before the first is no word
# character): a pattern opening on ``\b`` is tried by the regex engine at every
# character, one opening on a class only where the class matches, found in C.
# ``_CAP_RE`` also takes "al-Assad", "bin-Laden" (a particle before a hyphen and a
# capital): its class holds the particles' first letters a, b, e and i, tried at
# every such letter.  ``_CAP_ONLY_RE``, the capitalised words alone, gives the same
# matches in a text where no hyphen comes before an ASCII capital
# (:data:`_PARTICLE_HINT_RE`), most texts, in two thirds of the time.
_CAP_TAIL = r"\w*(?:[-'’‑][^\W_]+)*"
_CAP_ONLY_RE = re.compile(rf"[^\W\d_a-z](?<!\w.){_CAP_TAIL}")
_CAP_RE = re.compile(
    rf"[^\W\d_c-df-hj-z](?<!\w.)(?:(?<=[^\W\d_a-z]){_CAP_TAIL}"
    rf"|(?<=a)(?:l|d|s|sh|t|z|r|n|bu)-[A-Z]{_CAP_TAIL}|(?<=e)l-[A-Z]{_CAP_TAIL}"
    rf"|(?<=b)in-[A-Z]{_CAP_TAIL}|(?<=i)bn-[A-Z]{_CAP_TAIL})")
#: Where "al-Assad" or the like can be: a hyphen before an ASCII capital.
_PARTICLE_HINT_RE = re.compile(r"-[A-Z]")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]+")  # U.S., D.P.R.K., N.Korea
_TITLE_DOT_RE = re.compile(r"\.(?=[ \t]+[A-Z])")
_INITIAL_DOT_RE = re.compile(r"\.(?=[ \t]+[A-Z][a-z])")
_DOT_TITLES = frozenset("Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Prof Rev Msgr Sgt Adm Maj Cpl Cmdr Const Supt "
                        "Det Insp Hon Fr St Mt Ft".split())


#: The characters of a blank gap, the only gap that joins two tokens into one run.
_SPACE_CHARS = " \t\u00a0\u2009\u202f"


def _keyword_before_re(keywords: frozenset[str]) -> re.Pattern[str]:
    """A lower-case keyword right before a blank gap, matched on the *reversed* text.

    A keyword is a token only when blank gaps lead from it, over keywords
    only, to a capitalised word ("leader" and "of" in "the leader of North
    Korea").  Any other ("said", "leader" in "the leader said", "of" in "one
    of them") joins nothing: the run before it ends there all the same (the gap
    after it is not blank, or leads to nothing that is kept), and no title, role
    or run starts from it, since each needs a name after it across blanks.
    Three keywords in four are such (ECB+: 18,500 of 25,100).  So keywords are
    not searched for in the whole text, each lower-case word tried against the
    keyword trie, but read backwards from each capitalised word, one at a time,
    while they last.  Matched on ``text[::-1]`` at ``len(text) - start``:
    blanks, then a keyword spelled backwards, then no word character, hyphen
    or apostrophe (the keyword starts a word: not "ex-president", "n't").
    """
    rev = _trie_regex(sorted(k[::-1] for k in keywords if k.isascii()))
    return re.compile("[" + _SPACE_CHARS + "]+(" + rev + r")(?![\w'’\-‑])")


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


def read_sections(name: str) -> dict[str, list[str]]:
    """A data file of ``[section]`` headers and one entry per line: each section's entries, in file
    order (entries before any header under ``""``).  Public: the given-name sexes are read with it
    too (:mod:`factcheck.claims.names.gender`)."""
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
    kunya: frozenset[str]
    demonyms: frozenset[str]
    demonym_tokens: frozenset[str]
    org_kw: frozenset[str]
    #: lower-case nouns for a kind of organisation ("firm", "carmaker"): before a name, a body's name
    org_kinds: frozenset[str]
    place_suffix: frozenset[str]
    place_prefix: frozenset[str]
    gazetteer: dict[str, str] = field(default_factory=dict)
    gaz_max: int = 1
    gaz_single: frozenset[str] = frozenset()
    gaz_first: frozenset[str] = frozenset()
    by_last: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keywords: frozenset[str] = frozenset()
    #: a keyword right before a blank gap, on the reversed text (see :func:`_keyword_before_re`)
    keyword_before_re: re.Pattern[str] = re.compile(r"(?!)")
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
    titles = read_sections("titles.txt")
    heads = frozenset(titles.get("heads", []))
    title_words = heads | frozenset(titles.get("modifiers", []))
    given = frozenset(_read_lines("given_names.txt"))
    demonyms = frozenset(normalise_name(d) for d in _read_lines("demonyms.txt"))
    orgs = read_sections("orgs.txt")
    places = read_sections("places.txt")
    pk = read_sections("place_keywords.txt")
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
    org_kinds = frozenset(orgs.get("kinds", []))
    # The kinds are tokens too ("firm" before "Trend Micro"), so a name can ask what precedes it.
    keywords = (_CONNECTORS | _TITLE_JOINERS | roles | title_words | org_kinds) - {"the"}
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
        kunya=frozenset(_read_lines("kunya.txt")),
        demonyms=demonyms,
        demonym_tokens=frozenset(w for d in demonyms for w in d.split()),
        org_kw=frozenset(orgs.get("keywords", [])),
        org_kinds=org_kinds,
        place_suffix=frozenset(pk.get("suffixes", [])),
        place_prefix=frozenset(pk.get("prefixes", [])),
        gazetteer=gaz,
        gaz_max=max((k.count(" ") + 1 for k in gaz), default=1),
        gaz_single=frozenset(k for k in gaz if " " not in k),
        gaz_first=frozenset(k.partition(" ")[0] for k in gaz),
        by_last={k: tuple(v) for k, v in by_last.items()},
        keywords=frozenset(keywords),
        keyword_before_re=_keyword_before_re(keywords),
        speech_after_re=re.compile(r"[ \t]+(?:(?:" + _trie_regex(sorted(AUX_WORDS)) + r")[ \t]+){0,2}(?:"
                                   + _trie_regex(sorted(SPEECH_VERBS)) + r")\b"),
    )
