"""The numbers extractor's word lists: which words stop a noun phrase, plural and singular
nouns, and the unit and currency vocabulary it reads through :mod:`factcheck.claims.units`.

Kept apart from the patterns so the lists can be read (and edited) without the regex code.
"""

from __future__ import annotations

from factcheck.claims.bounds import QUALIFIER_PHRASES
from factcheck.claims.units import CURRENCY_SYMBOLS, lookup

# --------------------------------------------------------------------------- vocabulary

#: The unit vocabulary -- which words after a number are units, and what they mean -- is
#: :mod:`factcheck.claims.units` (through pint); currency signs are read from its table too.
_CURRENCY_SYMBOLS = CURRENCY_SYMBOLS

#: The qualifiers read before a figure: one table, shared with the bounds they give (see
#: :mod:`factcheck.claims.bounds`).
_QUALIFIERS = QUALIFIER_PHRASES

#: Words that end a noun phrase: function words, pronouns, auxiliaries and the
#: commonest verbs.  A noun phrase after a number is at most a few words, so a
#: short closed list is enough to stop it before the verb.
_STOP = frozenset("""
a an the of in on at to for from by with without about into onto over under after before since until
till during between among amid against through across per than and or but nor so yet that which who whom
whose what when where while if as because although though is are was were be been being am has have had
having do does did done will would shall should can could may might must said says say saying told tells
tell not no it its he she they them their his her we us our you your i me my this these those there here
then also each every all both either neither more most less least very too only just even still already
ago later earlier apart away back up down out off respectively including like via toward towards around
near next last first instead again now today yesterday tomorrow tonight became become becomes remain
remained remains seem seemed seems get got gets went goes came comes took takes made makes make left
died met meet meets want wants wanted need needs needed help helps according whether such other another
own same ever never always often some any many much few several a.m p.m am pm per cent percent
gave saw went took came began ran won lost fell rose led found felt kept brought thought knew sent built
paid spent struck stood sat wrote broke chose drove ate flew forgot froze grew hid rode rang sang sank
spoke stole swam threw woke wore caught fought sought taught bought dealt meant heard laid sold hung fled
outside inside behind beyond within along alongside beside upon throughout despite
""".split())

#: Words in "-ly" that are nouns, not adverbs (see _np_words).
_LY_NOUNS = frozenset("""
family ally rally assembly supply belly fly bully monopoly anomaly lily jelly folly holly italy sally
melee homily butterfly dragonfly firefly gadfly housefly
""".split())

#: Plural-looking words that are not plural nouns.
_NOT_PLURAL = frozenset("""
was has is does says its this thus his hers yes news series species less unless across perhaps always
sometimes besides towards afterwards whereas nevertheless politics economics physics mathematics ethics
aids lens gas bias atlas alias christmas texas paris chess kansas arkansas as us ms mrs vs its whereas
analysis crisis basis thesis axis status campus virus bus census consensus bonus focus corpus means
""".split())
_IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "staff": "staff",
    "personnel": "personnel", "cattle": "cattle", "aircraft": "aircraft", "crew": "crew",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "thieves": "thief",
    "wolves": "wolf", "leaves": "leaf", "shelves": "shelf", "selves": "self", "loaves": "loaf",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "vetoes": "veto",
    "echoes": "echo", "embargoes": "embargo", "torpedoes": "torpedo", "buses": "bus",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "diagnoses": "diagnosis",
    "oases": "oasis", "data": "data", "media": "media", "criteria": "criterion",
    "phenomena": "phenomenon", "indices": "index", "series": "series", "species": "species",
    "centuries": "century",
}
#: Plural nouns that do not end in "s".
_PLURAL_ONLY = frozenset({"people", "men", "women", "children", "feet", "teeth", "mice", "geese", "police",
                          "staff", "personnel", "cattle", "aircraft", "crew"})


def unit_of(word: str) -> str | None:
    """The canonical unit a written form names ("km", "kilometres" -> "kilometer"), or None."""
    hit = lookup(word)
    return hit.canonical if hit else None


def _unit(form: str, *, attached: bool = False) -> tuple[str, str] | None:
    """(canonical unit, dimension) of a written form, through :func:`factcheck.claims.units.lookup`."""
    hit = lookup(form, attached=attached)
    return (hit.canonical, hit.dimension) if hit else None


def singular(word: str) -> str:
    """Lower-case singular of an English noun ("resolutions" -> "resolution").

    Rule-based and deliberately small: claims only need a stable key so
    "six tests" and "a test" meet; irregular nouns common in news are listed.
    """
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")) or w in _NOT_PLURAL:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    return w[:-1]


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _PLURAL_ONLY:
        return True
    return (len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
            and w not in _NOT_PLURAL and w.isascii())
