"""Numeric claims: quantities, counts, ordinals, votes and enumerations.

Numbers are what consistency rules compare most ("six nuclear tests" here,
"five" there; "a 15-member council" vs "the 14 members"), so each number is
reported with what it measures.  Precision beats recall: a missed number
costs one unchecked fact, a wrong one (a year read as a quantity, "one of the
world's" as a count) costs a false alarm in every article that mentions it.

Kinds and conventions
---------------------
``quantity``
    A measured amount: money, percentages, physical and time units,
    hyphenated modifiers ("15-member", "90-day", "32-year-old"), numbers with
    a scale word ("4 million", "$2 billion"), approximate ranges ("tens of
    thousands", "dozens") and explicit ranges ("between 10 and 20").
    ``value`` is the number (int when integral, else float; the lower bound
    for ranges).  ``unit`` is lower-case and singular: the unit ("barrel",
    "kilometer", "percent", "percentage point", "year") or the counted noun
    for big/approximate counts ("laborer").  Money is always an ISO 4217
    code -- "USD" for "$" and "dollars", "EUR", "GBP", "JPY", "CNY"... -- so
    "$2 billion" and "2 billion dollars" compare equal.  Attributes:
    ``dimension`` (money, percent, length, area, volume, mass, time, speed,
    temperature, power, energy, score, or None), ``approximate`` (True for
    ranges), ``low``/``high`` (ranges only; ``high`` may be None),
    ``subject`` (the thing measured: "oil" in "barrels of oil", "Security
    Council" in "15-member Security Council"), ``per`` (rates: "500,000
    barrels a year" has ``per="year"``), ``noun`` (counted noun phrase),
    ``hyphenated`` and ``age`` ("32-year-old"); ``bounds``, what the
    qualifier lets the figure mean (see :mod:`factcheck.claims.bounds`), and
    ``measure``, the unit or counted noun ("age" for ages) that statements of
    one fact share.
``count``
    An exact tally of discrete things: an integer below 1,000 written
    without a scale word, followed by a plural countable noun that is not a
    measurement unit ("six nuclear tests", "three sanctions resolutions").
    Bigger or scaled numbers ("12,000 troops", "4 million people") are
    quantities, because they are nearly always rounded and must be compared
    with tolerance, whereas counts are compared exactly.  ``unit`` is the
    singular head noun ("test"), attribute ``noun`` the noun phrase, and
    ``bounds`` and ``measure`` as for quantities.
``ordinal``
    "fourth visit", "second round", "first-ever summit", "21st century".
    ``value`` int, ``unit`` the singular head noun (None for a bare "2nd").
``vote``
    Thresholds ("needs nine votes in favor and no vetoes"), tallies ("passed
    13-0 with two abstentions", "nine in favor and three against"),
    fractional majorities ("a two-thirds majority", value "2/3") and plain
    "N votes".  Unit "vote"; attributes among ``in_favor``, ``against``,
    ``abstentions``, ``vetoes``, ``threshold``, ``total``, ``votes``,
    ``majority``.
``enumeration``
    A stated count followed by the list it counts ("six-party talks between
    A, B, C, D, E and F"): ``value`` the stated count, attributes ``items``,
    ``item_count``, ``stated``, ``noun`` and ``partial`` ("including ...").

Spans: a claim's text starts at its qualifier ("more than 500 people") or
at "between" for ranges, and runs through the unit or counted noun, and
through a rate when there is one; an ``of``-subject is reported but not
spanned unless a rate follows it.

Never extracted: years ("in 2016", "2008-09 season"), dates ("December 30",
"10th February"), times ("9:30"), numbers glued to words or inside URLs
("a68775", "/2019/12/30/"), labels ("Apollo 11", "Resolution 2397", "No. 5"),
and "one" unless it measures a unit ("one year"): "no one", "one of the",
"one another" are pronouns, not numbers.

Speed: every pattern is a precompiled regex run once over the text; Python
code only runs per match, looking at a bounded window around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from factcheck.calendar import MONTH_RE, MONTHS
from factcheck.claims.base import Claim, make_claim, register
from factcheck.claims.bounds import (
    QUALIFIER_PHRASES,
    REPORTED_QUALIFIERS,
    figure_bounds,
    normalise_qualifier,
    range_bounds,
)
from factcheck.claims.conversions import link_conversions
from factcheck.claims.numwords import (
    NUMBER_WORDS,
    ORDINAL_PATTERN,
    ORDINALS,
    SCALES,
    SMALL_PATTERN,
    SPELLED_PATTERN,
    START_WORDS,
    parse_number,
    parse_ordinal,
    parse_words,
    spell_number,
    to_number,
    trie_pattern,
)
from factcheck.claims.units import ATTACHED_FORMS, COUNT, CURRENCY_SYMBOLS, WORD_FORMS, lookup
from factcheck.documents import Document

__all__ = ["extract", "parse_number", "singular", "spell_number", "unit_of"]


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


# --------------------------------------------------------------------------- regexes


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, any run of blanks between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(set(words), key=len, reverse=True))


_CUR = _alt(_CURRENCY_SYMBOLS)
#: Units glued to the digits ("512GB", "100km/h"), from the unit vocabulary; the scale suffixes
#: ("bn", "k") are the number pattern's own.
_ATT = _alt(ATTACHED_FORMS)
#: Vulgar fraction characters after digits ("4½"), as the fraction they write.
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8"}
_DIG = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_APPROX = (r"(?i:(?P<amul>tens|hundreds|dozens|thousands|millions|billions|scores(?=[ \t]+of\b))"
           r"(?:[ \t]+of[ \t]+(?P<ascale>thousands|millions|billions))?"
           r"|(?P<afew>several|a[ \t]+few)[ \t]+(?P<fscale>hundred|thousand|million|billion)"
           r"(?:[ \t]+(?P<fscale2>thousand|million|billion))?)")

#: One cardinal number: digits (with currency, a digit range "10-20", an
#: attached "%"/scale/unit, a following scale word), an approximate plural
#: ("tens of thousands"), or spelled words; then an optional hyphenated
#: modifier ("-member", "-year-old").
_NUMBER_RE = re.compile(
    rf"""
    (?P<cur>(?<![\w$]){_CUR}[ \t]?)?
    (?:
        (?(cur)|(?<![\w.,/:@#%&+=\-'’])(?<!/[ \t]))  # after a sign ("RM99") the digits may touch it
        (?P<dig>{_DIG})
        (?:[ \t]+(?P<frac>[1-9]/(?:2|3|4|8))(?![\w/])|[ \t]?(?P<vfrac>[½¼¾⅓⅔⅛]))?
        (?:[ \t]?[-–][ \t]?(?P<cur2>{_CUR})?(?P<dig2>{_DIG}))?
        (?:[eE](?P<esign>[-+])?(?P<e>[1-9][0-9]?)(?![\w.])
           |[ \t]?(?:×[ \t]?10\^?|[xX][ \t]?10\^)(?P<esign2>[-−–+])?(?P<e2>[1-9][0-9]?)(?![0-9]))?
        (?P<att>%|(?i:{_ATT}|bn|mn|tn|m|k|b|t)(?![\w]))?
        (?![\w]|[.,:/][0-9]|[-–][0-9])
        (?:[ \t]+(?P<dscale>(?i:hundred|thousand|million|billion|trillion))(?![\w'’]))?
      |
        (?<![\w'’\-])(?P<approx>{_APPROX})(?![\w'’])
      |
        (?P<words>{SPELLED_PATTERN})
    )
    (?:-(?P<hy>[A-Za-z]+(?:-[A-Za-z]+)*)(?![\w]))?
    """,
    re.VERBOSE,
)

_UNIT_RE = re.compile(rf"[ \t]*(?P<u>{_alt(WORD_FORMS)})(?![\w-])", re.IGNORECASE)
_OLD_RE = re.compile(r"[ \t]+old\b")
_OF_RE = re.compile(r"[ \t]+of[ \t]+(?:(?:the|a|an|these|those|their|its|his|her|our|this|that)[ \t]+)?")
_IN_RE = re.compile(r"[ \t]+(?:in|of|worth[ \t]+of)[ \t]+(?:(?:the|a|an)[ \t]+)?")
_RATE_RE = re.compile(
    r"""
    (?:
        [ \t]+(?:a|an|per|each|every)[ \t]+
        (?P<per>year|month|week|day|night|hour|minute|second|annum|capita|head|person|share|barrel
           |ton|tonne|gallon|liter|litre|kilogram|pound|ounce|unit|household|game|season|trip|visit)
        (?![\w-])(?![ \t]+(?:after|before|later|earlier|ago|prior|since|long|or|and|too)\b)
      | [ \t]*/[ \t]*(?P<slash>year|yr|month|week|day|hour|hr)(?![\w])
      | [ \t]+(?P<adv>annually|yearly|daily|monthly|weekly|hourly|per[ \t]+annum)(?![\w])
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
_RATE_NORMAL = {"annum": "year", "capita": "person", "head": "person", "yr": "year", "hr": "hour",
                "annually": "year", "yearly": "year", "daily": "day", "monthly": "month",
                "weekly": "week", "hourly": "hour", "litre": "liter"}

_QUALIFIER_WORDS = frozenset(w for q in _QUALIFIERS for w in q.split())
_MONTH_WORDS = frozenset(MONTHS)  # "June 300" is handled by the date rules, not as a label
_QUAL_RE = re.compile(rf"(?<![\w'’-])(?P<q>{_alt(_QUALIFIERS)})[ \t]+$", re.IGNORECASE)
#: A movement right before a figure ("rose 5% to ..."): then "to" starts a level, not a range's end.
_CHANGE_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:rose|rise|rises|risen|climbed|climbs|jumped|jumps|increased|increases|grew|grows|advanced"
    r"|soared|surged|fell|falls|fallen|dropped|drops|declined|declines|slid|slipped|sank|decreased|tumbled"
    r"|plunged|up|down)(?:[ \t]+by)?[ \t]+$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?<![\w'’-])between[ \t]+$", re.IGNORECASE)
_FROM_RE = re.compile(r"(?<![\w'’-])(?P<range>(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)[ \t]+)?"
                      r"from[ \t]+$", re.IGNORECASE)
_JOIN_RE = re.compile(r"[ \t]*(?:(?P<w>to|and|or)[ \t]+|[-–—][ \t]*)", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(rf"\b{MONTH_RE}[ \t]*(?:the[ \t]+)?$")
_MONTH_AFTER_RE = re.compile(rf"[ \t]*,?[ \t]*(?:of[ \t]+)?{MONTH_RE}(?![a-z])")
_YEAR_CONTEXT_RE = re.compile(
    r"(?<![\w'’-])(?:in|since|by|from|until|till|to|of|before|after|during|between|and|early|late|mid"
    r"|circa|year|season|fiscal|fy|the|summer|winter|spring|autumn|fall)[ \t-]*$", re.IGNORECASE)
_NUMBER_LABEL_RE = re.compile(r"(?:\b(?:No|Nos|no|nos)\.[ \t]*|\bNo[ \t]+|#[ \t]*|\b(?:[Nn]umber|[Pp]age)[ \t]+)$")
_PREV_WORD_RE = re.compile(r"(?<![\w'’.-])([A-Za-z][\w'’.-]*)[ \t]+$")
_NPW_RE = re.compile(r"[ \t]+((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z0-9'’-]*)")
#: What a participle takes and a noun ending in -ing does not ("spanning *the* era", "weighing
#: *180* pounds"; "an apartment building in Brooklyn" keeps its noun).
_OBJECT_NEXT_RE = re.compile(r"[ \t]+(?:(?:the|a|an|his|her|its|their|this|that|these|those)\b|\d)", re.IGNORECASE)
#: ... and what a verb after a name takes ("Christopher Simpson *shot her*"), not a relative
#: clause ("North Korean laborers *that* ...").
_NAME_VERB_OBJECT_RE = re.compile(
    rf"[ \t]+(?:(?:the|a|an|his|her|its|their|him|them|it|us|me)\b|\d|{SMALL_PATTERN})", re.IGNORECASE)
#: A participle standing where the head noun should be ("the 23-year-old *finished his* third
#: season", "a 16-year-old *shot by* police"): the modifier is used as a noun, and the verb
#: after it is not what it measures.  It takes an object (:data:`_NAME_VERB_OBJECT_RE`) or an
#: agent; irregular participles the -ed test misses are listed.
_AGENT_NEXT_RE = re.compile(r"[ \t]+(?:by|into|with)\b", re.IGNORECASE)
_IRREGULAR_PARTICIPLES = frozenset("shot struck hit held caught found taken seen thrown beaten brought sought".split())
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]+")
_EMAIL_RE = re.compile(r"@[\w-]+\.[\w.-]+")
_EMAIL_LEFT_RE = re.compile(r"[\w.+-]+$")

#: Where a number can start: a digit, a currency sign, or a number word, each
#: at a word boundary.  The pattern consumes the character *before* the
#: number, so it begins with a plain character class and the regex engine can
#: skip through letters in C; every other pattern is then only tried at these
#: few positions (see :func:`_anchors`).
_ANCHOR_BODY = (
    rf"[0-9]|{_CUR}"
    rf"|{trie_pattern({v for w in START_WORDS for v in (w, w.capitalize(), w.upper())})}(?![\w'’])"
    r"|[Aa][ \t]+(?:few[ \t]+)?(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)"
    r"|[Hh]alf[ \t]+a[ \t]+dozen\b|[Ss]everal[ \t]+(?=(?:hundred|thousand|million|billion)\b)"
)  # explicit letter cases: a case-insensitive trie is twice as slow here
_ANCHOR_RE = re.compile(rf"[^\w'’.,\-](?={_ANCHOR_BODY})")
_ANCHOR_AT_RE = re.compile(_ANCHOR_BODY)

#: A vote number: digits up to 999 or a spelled number up to 99.  ``_VN`` stands
#: alone; ``_VN2`` follows a dash ("13-0"), where the left guard must not apply.
_VN2 = rf"(?:[0-9]{{1,3}}(?![\w]|[,.][0-9])|{SMALL_PATTERN})"
_VN = rf"(?<![\w'’-]){_VN2}"
_ABSTAIN = (rf"(?:(?:[ \t]*,)?[ \t]+(?i:with|and)[ \t]+(?P<abs>{_VN}|(?i:no))[ \t]+"
            r"(?:(?i:members?|countries|nations|states|delegations)[ \t]+)?"
            r"(?i:abstentions?|abstaining|abstained|abstain)(?![\w]))?")

_VOTE_NEEDED_RE = re.compile(
    rf"""
    (?P<n>{_VN})
    (?:[ \t]+(?i:of|out[ \t]+of)[ \t]+(?:the[ \t]+)?(?P<tot>{_VN}))?
    [ \t]+(?i:affirmative[ \t]+|yes[ \t]+)?(?i:votes?)(?![\w])
    (?:[ \t]+(?i:in[ \t]+fav(?:o|ou)r|to[ \t]+pass|for[ \t]+(?:adoption|approval|passage))(?![\w]))?
    (?:[ \t]*,?[ \t]+(?i:and|with|but)[ \t]+(?:(?P<nov>(?i:no))|(?P<vv>{_VN}))[ \t]+
       (?i:vetoe?s?|negative[ \t]+votes?)(?![\w]))?
    """,
    re.VERBOSE,
)
#: What must precede a threshold: "needs (at least) nine votes".
_NEEDED_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?i:needs?|needed|needing|requires?|required|requiring"
    r"|must[ \t]+(?:get|win|receive|secure|have|garner))[ \t]+"
    r"(?:(?P<q>(?i:at[ \t]+least|a[ \t]+minimum[ \t]+of|only))[ \t]+)?$")
_VOTE_TALLY_RE = re.compile(
    rf"""
    (?P<a>{_VN})(?:[ \t]+(?i:votes?))?
    (?:[ \t]*[-–—][ \t]*|[ \t]+(?i:to)[ \t]+)
    (?P<b>{_VN2}|(?i:none|nil)(?![\w]))
    (?:[ \t]*[-–—][ \t]*(?P<c>{_VN2}))?
    (?![ \t]*%|[ \t]+(?i:percent|per[ \t]+cent|hundred|thousand|million|billion)\b
       |[ \t]+(?!(?i:votes?|abstentions?)\b)[A-Za-z]+s\b)
    {_ABSTAIN}
    """,
    re.VERBOSE,
)
#: What must precede a tally: "passed 13-0", "adopted by a vote of 12 to 2".
_TALLY_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?i:vot(?:e|es|ed|ing)|passed|adopted|approved|rejected|defeated|backed|endorsed"
    r"|carried|confirmed|ratified|split|tally|margin)"
    r"(?:[ \t]+(?i:unanimously|overwhelmingly|narrowly|comfortably))?(?:[ \t]+(?i:by|in))?"
    r"(?:[ \t]+(?i:a|an)[ \t]+(?i:vote|margin|tally|count)[ \t]+(?i:of))?[ \t]+$")
_VOTE_SCORE_RE = re.compile(
    rf"""
    (?<![\w'’.,/-])(?P<a>[0-9]{{1,3}})[ \t]*[-–—][ \t]*(?P<b>[0-9]{{1,3}})(?:[ \t]*[-–—][ \t]*(?P<c>[0-9]{{1,3}}))?
    [ \t]+(?i:vote|decision|ruling|verdict|majority|tally|split)(?![\w])
    {_ABSTAIN}
    """,
    re.VERBOSE,
)
_VOTE_FAVOR_RE = re.compile(
    rf"""
    (?P<a>{_VN})[ \t]+(?:(?i:votes?)[ \t]+)?(?:(?i:were|was)[ \t]+)?
    (?i:in[ \t]+fav(?:o|ou)r|for|yes)(?![\w])
    (?:[ \t]*,[ \t]*|[ \t]+)(?:(?i:and|with|to)[ \t]+)?
    (?P<b>{_VN}|(?i:none|no)(?![\w]))[ \t]+(?:(?i:votes?)[ \t]+)?(?:(?i:were|was)[ \t]+)?(?i:against|opposed)(?![\w])
    {_ABSTAIN}
    """,
    re.VERBOSE,
)
_VOTE_IN_FAVOR_RE = re.compile(rf"(?P<a>{_VN})[ \t]+(?i:votes?)[ \t]+(?i:in[ \t]+fav(?:o|ou)r)(?![\w])")
_MAJORITY_RE = re.compile(
    r"(?<![\w'’-])(?P<frac>(?i:(?P<num>two|three|four)[- ](?P<den>thirds|fifths|quarters|fourths))"
    r"|(?P<dn>[1-9])/(?P<dd>[1-9]))[ \t]+(?i:(?:super[ \t-]?)?majority)(?![\w])")
_FRACTION_WORDS = {"two": 2, "three": 3, "four": 4, "thirds": 3, "fifths": 5, "quarters": 4, "fourths": 4}

_ORDINAL_RE = re.compile(
    rf"""
    (?<![\w'’.,/:-])
    (?:(?P<d>[0-9]{{1,4}})(?P<suf>(?i:st|nd|rd|th))|(?P<w>{ORDINAL_PATTERN}))
    (?![\w'’])
    (?:-(?P<hy>[A-Za-z]+)(?![\w-]))?
    """,
    re.VERBOSE,
)

_ENUM_STOPS = (r"(?:and|or|but|for|to|in|on|at|that|which|who|was|were|is|are|have|has|had|will|would|"
               r"said|says|with|by|as|from|after|before|since|until|during|while|when|where|because|if|"
               r"than|over|under|into|about|against|can|could|should|may|might|must|do|does|did|also|"
               r"not|resume|resumed|agreed|met|meet|held|hold|took|take|signed|sign)")
_EW = r"(?:(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’&-]*)"
_ITEM = rf"{_EW}(?:[ \t]+(?!(?:and|or)\b){_EW}){{0,4}}"
_LAST = rf"{_EW}(?:[ \t]+(?!{_ENUM_STOPS}\b)(?!of\b(?![ \t]+[A-Z])){_EW}){{0,4}}"
_ENUM_JOINT_RE = re.compile(r"[ \t](?:and|or)[ \t]")
#: Items an enumeration may list (a stated count is at most 99): without a bound the
#: list pattern read a line of "two including a, ..." to its end from every number.
_MAX_ITEMS = 100
_ENUM_RE = re.compile(
    rf"""
    (?<![\w'’-])
    (?P<count>[0-9]{{1,2}}(?![\w]|[,.][0-9])|{SMALL_PATTERN})
    (?P<mid>(?:-[A-Za-z]+)?(?:[ \t]+(?!(?:between|among|amongst|including|namely|involving|comprising
        |such|and|or|of|in|on|at|to|for|with|from|by|the|a|an|who|that|which|were|was|are|is|have|had
        |has)\b)[A-Za-z][\w'’-]*){{0,3}})
    (?P<conn>[ \t]*[:(][ \t]*|[ \t]*[—–][ \t]*|[ \t]+-[ \t]+
        |[ \t]+(?:between|among|amongst|involving|comprising|namely|including|such[ \t]+as)[ \t]+
        |,[ \t]+(?:namely|including|such[ \t]+as)[ \t]+)
    (?P<list>{_ITEM}(?:[ \t]*,[ \t]*{_ITEM}){{0,{_MAX_ITEMS}}}[ \t]*,?[ \t]+(?:and|or)[ \t]+{_LAST})
    """,
    re.VERBOSE,
)
_ITEM_SEP_RE = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
_ITEM_WORD_RE = re.compile(r"\S+")

_HY_SKIP = frozenset({"odd", "something", "ish", "plus", "some", "strong", "fold", "on", "off", "to",
                      "and", "or", "by", "way", "sided", "of", "in", "for", "a", "an", "the"})
_FRACTIONS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
                        "fifth", "fifths", "sixth", "sixths", "eighth", "eighths", "tenth", "tenths"})
_ORD_HY_SKIP = frozenset({"hand", "rate", "class", "time", "guess", "born", "person", "string",
                          "party", "degree"})
#: Nouns that are the ranked thing when they follow an ordinal directly.
_ORD_FIRST_HEADS = frozenset({"time", "half", "quarter", "round", "place", "term", "leg", "stage", "phase",
                              "period", "set", "inning", "innings", "wave", "tranche", "edition",
                              "anniversary", "day", "week", "month", "year", "season", "game"})
_APPROX_MUL = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
               "millions": 10**6, "billions": 10**9}
_OPEN_ENDED = frozenset({"dozens", "scores"})
_SCALE_VALUES = {"hundred": 100, **SCALES}


# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Num:
    """One cardinal number found by :data:`_NUMBER_RE`, read but not yet classified."""

    start: int
    end: int  # end of the number itself (after scale word / attached unit), before any hyphen tail
    value: int | float
    high: int | float | None = None  # in-token range "10-20" and approximate plurals
    approx: bool = False
    exact_int: bool = True  # integer without a scale word >= thousand
    scale: int = 1
    currency: str | None = None
    percent: bool = False
    att_unit: tuple[str, str] | None = None
    hy: str | None = None
    hy_end: int = 0
    words: bool = False
    digits: str = ""
    year_like: bool = False
    dash_range: bool = False
    plural_form: bool = False  # "tens of thousands", "dozens": the noun follows with "of"


#: Digits a number may have.  A longer run is an identifier or noise, not a
#: quantity; reading it would cost time quadratic in its length (Decimal to int)
#: and give an int that cannot even be printed (Python's 4300-digit limit).
MAX_DIGITS = 64


def _dec(s: str) -> Decimal | None:
    if len(s) > MAX_DIGITS and sum(ch.isdigit() for ch in s) > MAX_DIGITS:
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _read_number(text: str, m: re.Match[str]) -> tuple[_Num | None, int]:
    """Turn a :data:`_NUMBER_RE` match into a :class:`_Num`; also return where to resume scanning."""
    start = m.start()
    if m.group("dig") is not None:
        d = _dec(m.group("dig"))
        if d is None or (len(m.group("dig")) > 1 and m.group("dig")[0] == "0" and m.group("dig")[1] != "."):
            return None, m.end()  # "08", "007": codes, or a decimal broken by a space ("1. 08 kg")
        frac = m.group("frac") or _VULGAR.get(m.group("vfrac") or "")
        if frac:  # "4 1/2 months", "4½ months"
            num, den = frac.split("/")
            if "." in m.group("dig") or int(num) >= int(den):
                return None, m.end()  # "1.5 3/4", "4 3/2": not a mixed number
            d += Decimal(num) / Decimal(den)
        exp = m.group("e") or m.group("e2")
        if exp:  # "6e12", "3.1×10−4": scientific notation
            negative = (m.group("esign") or m.group("esign2") or "+") not in "+"
            d = d.scaleb(-int(exp) if negative else int(exp))
        ends = [m.end(g) for g in ("dig2", "frac", "vfrac", "e", "e2") if m.group(g)]
        tok = _Num(start=start, end=max(ends) if ends else m.end("dig"), value=0, digits=m.group("dig"))
        cur = m.group("cur")
        if cur:
            tok.currency = _CURRENCY_SYMBOLS.get(cur.strip())
        scale = 1
        att = m.group("att")
        if att:
            tok.end = m.end("att")
            a = att.lower()
            if a == "%":
                tok.percent = True
            elif a == "bn" or (a == "b" and tok.currency):
                scale = 10**9
            elif a == "mn" or (a == "m" and tok.currency):
                scale = 10**6
            elif (a == "k" and tok.currency) or att == "k":
                scale = 1000  # "£40K", "40k"; a capital "5K" alone is a race or a screen
            elif a == "tn" or (a == "t" and tok.currency):
                scale = 10**12  # "$1.5T", "£2tn"
            elif a in ("b", "k", "t"):
                return None, m.end()  # "802.11b", "5K": names, not magnitudes
            elif a == "m" and att != "m":
                return None, m.end()  # "GeForce 9400M": a model name
            elif a == "p" and (tok.currency or d >= 100 or "." in m.group("dig") or text[m.end():m.end() + 1] == "."):
                return None, m.end()  # "720p", "1080p": screen resolutions, not pence
            else:
                tok.att_unit = _unit(a, attached=True)
                if tok.att_unit is None:
                    return None, m.end()
        if m.group("dscale"):
            scale = _SCALE_VALUES.get(m.group("dscale").lower(), 0)
            if not scale:
                return None, m.end()  # a non-ASCII look-alike matched case-insensitively ("ſ" for "s")
            tok.end = m.end("dscale")
        tok.scale = scale
        tok.value = to_number(d * scale)
        tok.exact_int = "." not in m.group("dig") and not frac and scale < 1000 and not exp
        if m.group("dig2") is not None:
            d2 = _dec(m.group("dig2"))
            tok.dash_range = True
            if d2 is None or m.group("dig2").startswith("0") or d2 <= d:
                return None, m.end()  # "2008-09", "13-0": a season or a score, not a range
            tok.high = to_number(d2 * scale)
        tok.year_like = (len(m.group("dig")) == 4 and m.group("dig").isdigit() and 1000 <= int(d) <= 2100
                         and not cur and not att and scale == 1)
    elif m.group("approx") is not None:
        mul_word = m.group("amul")
        if mul_word:
            base = _APPROX_MUL.get(mul_word.lower(), 0)
            outer = _SCALE_VALUES.get(m.group("ascale").lower()[:-1], 0) if m.group("ascale") else 1
            if not base or not outer:
                return None, m.end("approx")
            low = 2 * base * outer
            high: int | None = None if mul_word.lower() in _OPEN_ENDED else 10 * base * outer - 1
            tok = _Num(start=start, end=m.end("approx"), value=low, high=high, approx=True,
                       exact_int=False, scale=base * outer, plural_form=True)
        else:
            few = 3 if m.group("afew").lower() == "several" else 2
            sc = _SCALE_VALUES.get(m.group("fscale").lower(), 0)
            if m.group("fscale2"):
                sc *= _SCALE_VALUES.get(m.group("fscale2").lower(), 0)
            if not sc:
                return None, m.end("approx")
            tok = _Num(start=start, end=m.end("approx"), value=few * sc, high=10 * sc - 1, approx=True,
                       exact_int=False, scale=sc)
        return tok, m.end("approx")
    else:
        ws = m.start("words")
        words = m.group("words")
        r = parse_words(words)
        if r is None:
            return None, m.end("words")
        value, used = r
        tok = _Num(start=start, end=ws + used, value=value, words=True, digits=words[:used].lower())
        if m.group("cur"):
            tok.currency = _CURRENCY_SYMBOLS.get(m.group("cur").strip())
        big = [s for w, s in SCALES.items() if w in tok.digits]
        tok.scale = max(big) if big else 1
        tok.exact_int = not big
        if used < len(words):
            return tok, tok.end  # cut short: drop the hyphen tail, rescan the rest
    if m.group("hy"):
        tok.hy = m.group("hy")
        tok.hy_end = m.end("hy")
    return tok, m.end()


def _scan_numbers(text: str, anchors: list[int]) -> list[_Num]:
    """Every cardinal number in ``text``, left to right, tried only at anchors."""
    out: list[_Num] = []
    pos = 0
    match = _NUMBER_RE.match
    for p in anchors:
        if p < pos:
            continue  # inside the previous number ("500,000", "$5")
        m = match(text, p)
        if m is None:
            continue
        tok, resume = _read_number(text, m)
        if tok is not None:
            out.append(tok)
        pos = max(resume, p + 1)
    return out


def _anchors(text: str) -> list[int]:
    """Start offsets of every possible number (see :data:`_ANCHOR_RE`)."""
    out = [m.end() for m in _ANCHOR_RE.finditer(text)]
    if _ANCHOR_AT_RE.match(text):
        out.insert(0, 0)
    return out


def _url_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: numbers inside them are never claims."""
    spans = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if "/" in text or "www." in text else []
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            left = _EMAIL_LEFT_RE.search(text, max(0, m.start() - 64), m.start())
            spans.append((left.start() if left else m.start(), m.end()))
    return spans


# --------------------------------------------------------------------------- context helpers


def _sentence_initial(text: str, i: int) -> bool:
    """True when position ``i`` starts a sentence, line, or clause after a colon."""
    j = i - 1
    while j >= 0 and i - j < 8 and text[j] in " \t\"'“‘([–—-":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;" or i - j >= 8


def _after_label(text: str, start: int) -> bool:
    """True after a capitalised word: "Apollo 11", "Resolution 2397", "Boeing 737".

    A proper noun right before a bare number almost always names a thing
    rather than counting it.  Capitalised function words and qualifiers
    ("With 500", "About 40") only open a sentence, so they do not count.
    """
    m = _PREV_WORD_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    w = m.group(1)
    if not w[0].isupper() or w.endswith(("'s", "’s", "'", "’")):
        return False
    lw = w.lower()
    if lw in _STOP or lw in _QUALIFIER_WORDS:
        return False  # "Nearly 500", "Another 20", "In 10 cases": sentence openers, not names
    return lw not in _MONTH_WORDS


@dataclass(frozen=True, slots=True)
class _Qual:
    """The qualifier before a number: the phrase its bounds read, the phrase ``Claim.qualifier``
    reports (see :data:`~factcheck.claims.bounds.REPORTED_QUALIFIERS`), and where the claim starts."""

    phrase: str | None
    reported: str | None
    start: int


_WORD_SPAN_RE = re.compile(r"\S+")


def _qualifier(text: str, start: int) -> _Qual:
    """The qualifier right before ``start`` ("more than"), and where the claim should start.

    Normalised (see :func:`~factcheck.claims.bounds.normalise_qualifier`) so
    rules can compare "More  than" and "more than"; "an estimated" becomes
    "estimated".  Of a phrase claims do not report yet, the claim reports and
    starts at its longest reported tail ("just more than" -> "more than"), as
    before the phrase was known.
    """
    m = _QUAL_RE.search(text, max(0, start - 24), start)
    if m is None:
        return _Qual(None, None, start)
    phrase = normalise_qualifier(m.group("q"))
    for w in _WORD_SPAN_RE.finditer(text, m.start("q"), m.end("q")):
        tail = normalise_qualifier(text[w.start():m.end("q")])
        if tail in REPORTED_QUALIFIERS:
            return _Qual(phrase, tail, w.start())
    return _Qual(phrase, None, start)


def _np_words(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Up to ``limit`` words of the noun phrase starting after ``pos``: (word, start, end).

    Stops at punctuation, function words and common verbs (:data:`_STOP`),
    numbers, possessives, a capitalised word after a lower-case one
    ("first lady Melania" stops before "Melania"), and a participle where the
    noun should be ("the 23-year-old finished his third season": none).
    """
    words: list[tuple[str, int, int]] = []
    prev_lower = False
    while len(words) < limit:
        m = _NPW_RE.match(text, pos)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in _STOP or lw in NUMBER_WORDS or lw in ORDINALS or w.endswith("-"):
            break
        if lw.endswith(("'s", "’s")):
            break
        if w[0].isupper() and prev_lower:
            break
        if not words and (lw.endswith("ed") or lw in _IRREGULAR_PARTICIPLES) \
                and (_AGENT_NEXT_RE.match(text, m.end()) or _NAME_VERB_OBJECT_RE.match(text, m.end())):
            break  # "the 23-year-old finished his third season": a verb, not the thing measured
        if words and lw.endswith("ly") and lw not in _LY_NOUNS:
            break  # "the sect leader sexually assaulted": an adverb after the noun
        if words and lw.endswith("ed") and not words[-1][0].endswith("ly"):
            break  # "two officers suffered ...": a verb after the noun ("heavily armed" is fine)
        if words and lw.endswith("ing") and (_is_plural(words[-1][0]) or _OBJECT_NEXT_RE.match(text, m.end())):
            break  # "youths wearing gas masks", "a career spanning the era": a participle after the head noun
        if words and w[0].islower() and words[-1][0][0].isupper() and _NAME_VERB_OBJECT_RE.match(text, m.end()):
            break  # "26-year-old Christopher Simpson shot her": a verb taking an object after a name
        if w.endswith(("'", "’")):
            words.append((w[:-1], m.start(1), m.end(1) - 1))
            break
        words.append((w, m.start(1), m.end(1)))
        prev_lower = w[0].islower()
        pos = m.end()
    return words


def _plural_head(words: list[tuple[str, int, int]]) -> int | None:
    for k in range(len(words) - 1, -1, -1):
        if _is_plural(words[k][0]):
            return k
    return None


def _phrase(words: list[tuple[str, int, int]]) -> str:
    return " ".join(w for w, _, _ in words)


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


@dataclass(slots=True)
class _Tail:
    """What follows a number: its unit or counted noun, subject, rate, and where the claim ends."""

    end: int
    unit: str | None = None
    dimension: str | None = None
    noun: str | None = None
    subject: str | None = None
    per: str | None = None
    measured: bool = False
    age: bool = False
    plural: bool = False  # the unit or noun was written in the plural


def _unit_at(text: str, pos: int, tok: _Num) -> tuple[str, str, int, bool] | None:
    """The measurement unit right after ``pos``: (canonical, dimension, end, written in plural)."""
    m = _UNIT_RE.match(text, pos)
    if m is None:
        return None
    form = " ".join(m.group("u").lower().split())
    known = _unit(form)
    if known is None:
        return None  # a non-ASCII look-alike matched case-insensitively
    canon, dim = known
    if form == "won" and not (tok.scale >= 1000 or not tok.words):
        return None  # "nine won" is a verb
    return canon, dim, m.end(), form.endswith("s") or form == "feet"


#: what "911" names when it is the emergency number rather than a count ("911 calls", "a 911 operator")
_EMERGENCY_NOUNS = frozenset({"call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator",
                              "operators", "center", "centre", "system", "line", "emergency", "service"})


def _tail(text: str, tok: _Num, pos: int) -> _Tail:
    """Read what a number measures, in order of certainty.

    A sign on the number itself (%, $, "km") wins; then a unit word; then,
    for "tens of thousands", an ``of`` noun phrase; then a plain counted noun.
    An ``of`` phrase after a unit is the subject ("barrels of oil"), and a
    rate ("a year", "per day") extends the claim so it stays one fact.
    """
    t = _Tail(end=pos)
    if tok.percent:
        t.unit, t.dimension, t.measured = "percent", "percent", True
    elif tok.att_unit:
        t.unit, t.dimension = tok.att_unit
        t.measured = True
    elif tok.currency:
        t.unit, t.dimension, t.measured = tok.currency, "money", True
    else:
        u = _unit_at(text, pos, tok)
        if u is not None:
            t.unit, t.dimension, t.end, t.plural = u
            t.measured = True
            if t.unit == "year":
                om = _OLD_RE.match(text, t.end)
                if om:
                    t.age, t.end = True, om.end()
        elif tok.approx and tok.plural_form:
            of = _OF_RE.match(text, pos)
            if of:
                u = _unit_at(text, of.end(), tok)
                if u is not None:
                    t.unit, t.dimension, t.end, t.plural = u
                    t.measured = True
                else:
                    words = _np_words(text, of.end() - 1, 4)
                    head = _plural_head(words)
                    if head is not None:
                        t.noun = _phrase(words[:head + 1])
                        t.unit, t.dimension = singular(words[head][0]), COUNT
                        t.end = words[head][2]
        else:
            words = _np_words(text, pos, 4)
            head = _plural_head(words)
            if head is not None:
                t.noun = _phrase(words[:head + 1])
                t.unit, t.dimension = singular(words[head][0]), COUNT
                t.end = words[head][2]
    q = t.end
    if t.measured and not t.age:
        sm = _OF_RE.match(text, t.end) or (_IN_RE.match(text, t.end) if t.dimension == "money" else None)
        if sm:
            words = _np_words(text, sm.end() - 1, 4)
            if words:
                t.subject = _phrase(words)
                q = words[-1][2]
    if t.unit is not None or tok.scale >= 1000:
        rm = _RATE_RE.match(text, q) or (_RATE_RE.match(text, t.end) if q != t.end else None)
        if rm:
            per = (rm.group("per") or rm.group("slash") or rm.group("adv")).lower()
            per = " ".join(per.split())
            t.per = _RATE_NORMAL.get(per, "year" if per == "per annum" else per)
            t.end = rm.end()
    return t


# --------------------------------------------------------------------------- extractors


def _vote_value(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip().lower()
    if s in ("no", "none", "nil"):
        return 0
    if s.isdigit():
        return int(s)
    r = parse_words(s)
    return r[0] if r is not None and r[1] == len(s) else None


def _votes(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """Vote thresholds, tallies and fractional majorities, in priority order, without overlaps."""
    text = doc.text
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: Any, qualifier: str | None = None, **attrs: Any) -> None:
        if _in_spans(start, urls) or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        if isinstance(value, int):
            attrs["bounds"] = figure_bounds(value, qualifier).to_json()
        out.append(make_claim("vote", doc, start, end, value, unit="vote", qualifier=qualifier, **attrs))

    for p in anchors:
        m = _VOTE_NEEDED_RE.match(text, p)
        if m is None:
            continue
        before = _NEEDED_BEFORE_RE.search(text, max(0, p - 40), p)
        n = _vote_value(m.group("n"))
        if before is None or n is None:
            continue
        attrs: dict[str, Any] = {"in_favor": n, "threshold": True}
        if m.group("nov") or m.group("vv"):
            attrs["vetoes"] = 0 if m.group("nov") else _vote_value(m.group("vv"))
        tot = _vote_value(m.group("tot"))
        if tot is not None:
            attrs["total"] = tot
        if before.group("q"):
            add(before.start("q"), m.end(), n, " ".join(before.group("q").lower().split()), **attrs)
        else:
            add(p, m.end(), n, **attrs)
    for rx in (_VOTE_TALLY_RE, _VOTE_SCORE_RE, _VOTE_FAVOR_RE):
        for p in anchors:
            m = rx.match(text, p)
            if m is None:
                continue
            if rx is _VOTE_TALLY_RE and not _TALLY_BEFORE_RE.search(text, max(0, p - 50), p):
                continue
            a, b = _vote_value(m.group("a")), _vote_value(m.group("b"))
            if a is None or b is None:
                continue
            attrs = {"in_favor": a, "against": b}
            c = _vote_value(m.groupdict().get("c"))
            ab = _vote_value(m.group("abs"))
            if c is not None or ab is not None:
                attrs["abstentions"] = c if c is not None else ab
            add(p, m.end(), a, **attrs)
    for p in anchors:
        m = _VOTE_IN_FAVOR_RE.match(text, p)
        if m is not None:
            a = _vote_value(m.group("a"))
            if a is not None:
                add(p, m.end(), a, in_favor=a)
        m = _MAJORITY_RE.match(text, p)
        if m is not None:
            if m.group("num"):
                num = _FRACTION_WORDS.get(m.group("num").lower(), 0)
                den = _FRACTION_WORDS.get(m.group("den").lower(), 0)
            else:
                num, den = int(m.group("dn")), int(m.group("dd"))
            if 0 < num < den:
                frac = f"{num}/{den}"
                add(p, m.end(), frac, majority=frac)
    return out


def _is_date_number(text: str, start: int, end: int, value: float) -> bool:
    if not (isinstance(value, int) and 1 <= value <= 31):
        return False
    if _MONTH_BEFORE_RE.search(text, max(0, start - 16), start):
        return True
    return _MONTH_AFTER_RE.match(text, end) is not None


def _cardinals(doc: Document, anchors: list[int], urls: list[tuple[int, int]],
               votes: list[tuple[int, int]]) -> list[Claim]:
    """Quantities and counts (and plain "N votes")."""
    text = doc.text
    toks = _scan_numbers(text, anchors)
    out: list[Claim] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if _in_spans(tok.start, urls) or _in_spans(tok.start, votes):
            continue
        nxt = toks[i] if i < len(toks) else None
        if nxt is not None and _try_range(doc, tok, nxt, out):
            i += 1
            continue
        _single(doc, tok, out)
    return out


def _try_range(doc: Document, a: _Num, b: _Num, out: list[Claim]) -> bool:
    """"between 10 and 20 people", "5 to 10 years", "two or three days": one quantity claim."""
    text = doc.text
    if a.hy or a.approx or b.approx or a.high is not None or b.high is not None or a.year_like or b.year_like:
        return False
    j = _JOIN_RE.match(text, a.end)
    if j is None or j.end() != b.start:
        return False
    word = (j.group("w") or "-").lower()
    between = _BETWEEN_RE.search(text, max(0, a.start - 12), a.start)
    if word == "and" and not between:
        return False
    if word != "and" and between:
        return False
    if word in ("to", "-"):
        fm = _FROM_RE.search(text, max(0, a.start - 20), a.start)
        if fm and not fm.group("range"):
            return False  # "rose from 10 to 20": a change, not a range ("ranging from" is one)
        if word == "to" and ((a.percent and not b.percent)
                             or _CHANGE_BEFORE_RE.search(text, max(0, a.start - 24), a.start)):
            return False  # "rose 5% to $4.1 billion": a change and a level (see factcheck.claims.changes)
    low = a.value
    if b.scale > 1 and a.scale == 1 and not a.percent and a.value < b.value / b.scale:
        low = to_number(Decimal(str(a.value)) * b.scale)
    if not low < b.value or (a.currency and b.currency and a.currency != b.currency):
        return False
    if a.words and a.digits[:1] and text[a.start].isupper() and not _sentence_initial(text, a.start):
        return False
    merged = _Num(start=a.start, end=b.end, value=b.value, currency=b.currency or a.currency,
                  percent=a.percent or b.percent, att_unit=b.att_unit, scale=b.scale, words=b.words)
    t = _tail(text, merged, b.end)
    if b.hy and not t.measured and t.unit is None:
        return False
    if not (t.measured or t.unit is not None or b.scale >= 1000):
        return False
    qual: str | None
    phrase: str | None
    if between:
        qual = phrase = "between"
        start = between.start()
    else:
        q = _qualifier(text, a.start)
        qual, phrase, start = q.reported, q.phrase, q.start
    attrs = _quantity_attrs(t, low, phrase, rng=(low, b.value))
    out.append(make_claim("quantity", doc, start, t.end, low, unit=t.unit, qualifier=qual, **attrs))
    return True


def _quantity_attrs(t: _Tail, value: int | float, phrase: str | None,
                    rng: tuple[int | float, int | float | None] | None = None, plural: bool = False) -> dict[str, Any]:
    """A quantity's attributes.  ``rng``: the ends of a range (also kept as the older ``low``/``high``
    and ``approximate``, which rules read); ``plural``: an approximate plural ("dozens")."""
    attrs: dict[str, Any] = {"dimension": t.dimension, "approximate": rng is not None}
    if rng is not None:
        attrs.update(low=rng[0], high=rng[1])
        attrs["bounds"] = range_bounds(rng[0], rng[1], phrase, approximate=plural).to_json()
    else:
        attrs["bounds"] = figure_bounds(value, phrase).to_json()
    attrs["measure"] = _measure(t.unit, t.age)
    if t.subject is not None:
        attrs["subject"] = t.subject
    if t.per is not None:
        attrs["per"] = t.per
    if t.noun is not None:
        attrs["noun"] = t.noun
    if t.age:
        attrs["age"] = True
    return attrs


def _measure(unit: str | None, age: bool) -> str | None:
    """What a figure measures, for grouping statements of one fact: its unit or counted noun
    (already singular, money as its ISO code), or "age" for "32-year-old" and "aged 32 years old",
    which is not a duration."""
    return "age" if age else unit


def _single(doc: Document, tok: _Num, out: list[Claim]) -> None:
    """Classify one number as quantity, count or vote -- or drop it."""
    text = doc.text
    _absorb_hyphen_scale(tok)
    is_one = tok.words and tok.digits in ("one", "a") and tok.scale == 1
    if tok.words and text[tok.start].isupper() and not _sentence_initial(text, tok.start):
        return  # "the Big Three", "Ocean's Eleven": part of a name
    if tok.hy and not tok.approx:
        _hyphenated(doc, tok, is_one, out)
        return
    if tok.year_like or not tok.approx:
        if _is_date_number(text, tok.start, tok.end, tok.value):
            return
        lo = max(0, tok.start - 16)
        if _NUMBER_LABEL_RE.search(text, lo, tok.start):
            return
        bare = not (tok.currency or tok.percent or tok.att_unit or tok.scale > 1 or tok.words)
        if bare and _after_label(text, tok.start):
            return  # "Apollo 11"
    t = _tail(text, tok, tok.end)
    if tok.digits == "911" and not t.measured and (t.noun is None or t.noun.lower() in _EMERGENCY_NOUNS):
        return  # "911 calls", "a 911 dispatcher": the emergency number; "911 soldiers" is a count
    if tok.year_like:
        if not (t.measured or (t.noun is not None and t.noun[0].islower())):
            return  # "the 2014 Academy Awards", "2013 Erupts"
        if _YEAR_CONTEXT_RE.search(text, max(0, tok.start - 12), tok.start):
            return
        if _MONTH_BEFORE_RE.search(text, max(0, tok.start - 16), tok.start):
            return
    q = _qualifier(text, tok.start)
    qual, phrase, start = q.reported, q.phrase, q.start
    if tok.words and tok.value == 0 and t.noun is None and not t.plural:
        return  # "zero day", "zero tolerance": only "zero casualties", "zero barrels" count
    if is_one and not (t.measured and t.unit not in ("day", "second", "point")):
        return
    if tok.approx:
        attrs = _quantity_attrs(t, tok.value, phrase, rng=(tok.value, tok.high), plural=True)
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        return
    if tok.dash_range and not t.measured and (t.noun is None or t.noun[0].isupper() or tok.digits == "9"):
        return  # "15-17 Bulldogs" is a score, "9-11 attacks" a date
    rng = (tok.value, tok.high) if tok.high is not None else None
    if t.measured:
        attrs = _quantity_attrs(t, tok.value, phrase, rng=rng)
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        return
    if t.unit is not None:
        if rng is not None:
            attrs = _quantity_attrs(t, tok.value, phrase, rng=rng)
            out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual,
                                  **attrs))
        elif t.unit == "vote" and tok.exact_int and isinstance(tok.value, int):
            out.append(make_claim("vote", doc, start, t.end, tok.value, unit="vote", qualifier=qual,
                                  votes=tok.value, bounds=figure_bounds(tok.value, phrase).to_json()))
        elif tok.exact_int and isinstance(tok.value, int) and tok.value < 1000:
            attrs = {"noun": t.noun, "dimension": t.dimension, "measure": _measure(t.unit, False),
                     "bounds": figure_bounds(tok.value, phrase).to_json()}
            if t.per is not None:
                attrs["per"] = t.per
            out.append(make_claim("count", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        else:
            out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual,
                                  **_quantity_attrs(t, tok.value, phrase)))
        return
    if tok.scale >= 1000 and tok.high is None:
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=None, qualifier=qual,
                              **_quantity_attrs(t, tok.value, phrase)))


def _hyphenated(doc: Document, tok: _Num, is_one: bool, out: list[Claim]) -> None:
    """"15-member council", "90-day", "32-year-old man", "six-party talks": quantity with a subject."""
    text = doc.text
    assert tok.hy is not None
    parts = tok.hy.lower().split("-")
    head = parts[0]
    if (head in _FRACTIONS or head in _HY_SKIP or head in _STOP or tok.year_like or tok.high is not None
            or tok.percent or tok.value == 0):
        return  # "two-thirds", "50-odd", "one-on-one", "2016-era", "zero-day"
    if _is_date_number(text, tok.start, tok.end, tok.value):
        return
    known = _unit(" ".join(parts[:2])) if len(parts) > 1 else None
    if known is not None:
        rest = parts[2:]
    else:
        known, rest = _unit(head), parts[1:]
    if known is None and head.endswith(("ed", "ing")):
        return  # "two-handed", "top-seeded": adjectives, not units
    if is_one and (known is None or known[0] == "day"):
        return  # "one-time", "one-party": idioms, not measurements
    dim: str | None
    if known is not None:
        unit, dim = known
    else:
        unit = singular(head)
        sing = _unit(unit)
        dim = sing[1] if sing is not None else COUNT
    age = unit == "year" and rest == ["old"]
    end = tok.hy_end
    if unit == "year" and not rest:
        om = _OLD_RE.match(text, end)
        if om:
            age, end = True, om.end()  # "18-year old male"
    words = _np_words(text, end, 3)
    subject = _phrase(words) if words else None
    if unit == "yard" and words and words[0][0].lower() == "line":
        return  # "the Colts 27-yard line": a place on the field, not a distance
    q = _qualifier(text, tok.start)
    qual, phrase, start = q.reported, q.phrase, q.start
    attrs: dict[str, Any] = {"dimension": dim, "approximate": False, "hyphenated": True,
                             "measure": _measure(unit, age), "bounds": figure_bounds(tok.value, phrase).to_json()}
    if subject is not None:
        attrs["subject"] = subject
    if age:
        attrs["age"] = True
    out.append(make_claim("quantity", doc, start, end, tok.value, unit=unit, qualifier=qual, **attrs))


def _absorb_hyphen_scale(tok: _Num) -> None:
    """"$5-million", "a 2-billion-dollar deal": the hyphen carries a scale word, not a unit."""
    if tok.hy is None or tok.scale != 1 or tok.approx:
        return
    parts = tok.hy.split("-")
    scale = _SCALE_VALUES.get(parts[0].lower())
    if scale is None:
        return
    hy_start = tok.hy_end - len(tok.hy)
    tok.value = to_number(Decimal(str(tok.value)) * scale)
    tok.scale = scale
    tok.exact_int = False
    tok.end = hy_start + len(parts[0])
    tok.hy = "-".join(parts[1:]) or None


def _ordinals(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """"fourth visit", "second round", "first-ever summit", "21st century"."""
    text = doc.text
    out: list[Claim] = []
    for p in anchors:
        m = _ORDINAL_RE.match(text, p)
        if m is None:
            continue
        num_end = m.end("suf") if m.group("d") else m.end("w")
        if m.group("d"):
            value = parse_ordinal(m.group("d") + m.group("suf").lower())
        else:
            value = parse_ordinal(m.group("w"))
        if value is None or _in_spans(m.start(), urls):
            continue
        if value <= 31 and _is_date_number(text, m.start(), num_end, value):
            continue
        attrs: dict[str, Any] = {}
        unit: str | None = None
        end = num_end
        hy = m.group("hy")
        after = num_end
        if hy:
            h = hy.lower()
            if h in _ORD_HY_SKIP:
                continue
            if h == "ever":
                attrs["ever"] = True
                after = m.end("hy")
            elif h.endswith("est") and len(h) > 4:
                attrs["superlative"] = h
                after = m.end("hy")
            else:
                unit, end = singular(h), m.end("hy")
                attrs["noun"] = h
        if unit is None:
            words = _np_words(text, after, 3)
            if words and words[0][0].lower().endswith("ed") and len(words[0][0]) > 3:
                words = []  # "first reported", "first hurled stones": an adverb before a verb
            if words and words[0][0].lower() in _ORD_FIRST_HEADS:
                words = words[:1]  # "first time foreign observers", "fourth quarter heroics"
            while words and (words[-1][0].lower().endswith(("ed", "ly")) and len(words[-1][0]) > 3):
                words.pop()
            if words:
                unit, end = singular(words[-1][0]), words[-1][2]
                attrs["noun"] = _phrase(words)
            elif m.group("w") or value <= 31:
                continue  # "at first", "the first to comment", "on the 30th": not a ranked thing
            elif hy:
                end = m.end("hy")
        out.append(make_claim("ordinal", doc, m.start(), end, value, unit=unit, **attrs))
    return out


def _enumerations(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """A stated count and the list it announces: "three countries: A, B and C"."""
    text = doc.text
    out: list[Claim] = []
    pos = 0
    # A list needs an " and "/" or " on its line: the next of each after the anchor,
    # kept while anchors pass below it, spares matching from every number of a line without.
    joint = nl = -1
    for p in anchors:
        if p < pos:
            continue
        if joint < p:
            j = _ENUM_JOINT_RE.search(text, p)
            if j is None:
                break
            joint = j.start()
        if nl < p:
            nl = text.find("\n", p)
            nl = len(text) if nl < 0 else nl
        m = _ENUM_RE.match(text, p) if joint < nl else None
        if m is None or _in_spans(p, urls):
            continue
        pos = m.end()
        raw = m.group("count")
        stated = int(raw) if raw.isdigit() else _vote_value(raw)
        if stated is None or stated < 2:
            continue
        lst = m.group("list")
        base = m.start("list")
        pieces: list[tuple[str, int, int]] = []
        pos = 0
        for sep in _ITEM_SEP_RE.finditer(lst):
            if sep.start() > pos:
                pieces.append((lst[pos:sep.start()], base + pos, base + sep.start()))
            pos = sep.end()
        pieces.append((lst[pos:], base + pos, base + len(lst)))
        if len(pieces) < 2:
            continue
        last_text, last_start, _ = pieces[-1]
        words = [(w.group(0), w.end()) for w in _ITEM_WORD_RE.finditer(last_text)]
        earlier = [p[0] for p in pieces[:-1]]

        def proper(item: str) -> bool:
            ws = item.split()
            if ws and ws[0].lower() == "the" and len(ws) > 1:
                ws = ws[1:]
            return bool(ws) and ws[0][:1].isupper()

        keep = 0
        all_proper = all(proper(e) for e in earlier)
        if not all_proper and len(pieces) < 3:
            continue  # "three motors (used for dinghies or rafts)": two common-noun phrases are no list
        if all_proper:
            for k, (w, _) in enumerate(words):
                if w[:1].isupper() or (k > 0 and w in ("of", "de", "and")) or (k == 0 and w.lower() == "the"):
                    keep = k + 1
                else:
                    break
            while keep and words[keep - 1][0] in ("of", "de", "and", "the"):
                keep -= 1
        else:
            keep = min(len(words), max(len(e.split()) for e in earlier))
        if keep == 0:
            continue
        last_end = last_start + words[keep - 1][1]
        items = [*earlier, last_text[:words[keep - 1][1]]]
        conn = m.group("conn").strip().lower()
        if conn in ("between", "among", "amongst", "involving") and not m.group("mid").startswith("-"):
            continue  # "three cables between Italy and Egypt" counts cables, not the places
        if conn == "(" and text[last_end:last_end + 1] != ")":
            continue  # a parenthesis that is a remark, not the list
        noun = m.group("mid").strip(" \t-") or None
        out.append(make_claim("enumeration", doc, m.start("count"), last_end, stated, items=items,
                              item_count=len(items), stated=stated, noun=noun,
                              partial=conn.startswith(("including", ", including", "such", ", such"))))
    return out


@register("numbers")
def extract(doc: Document) -> Iterator[Claim]:
    """All numeric claims of ``doc``, sorted by position, without duplicates.

    Votes run first and claim their numbers, so "nine votes in favor" is one
    vote claim rather than a vote plus a count.  Enumerations are reported in
    addition to the count or quantity for the same number: they check a
    different thing (the list length).  A figure followed by its equivalent
    ("50 km (31 miles)") is linked to it (see :mod:`factcheck.claims.conversions`).
    """
    text = doc.text
    anchors = _anchors(text)
    urls = _url_spans(text)
    claims: list[Claim] = []
    if anchors:  # without one, only the second pass's words can hold a figure ("a quarter of those")
        votes = _votes(doc, anchors, urls)
        vote_spans = [(c.start, c.end) for c in votes]
        claims = [*votes, *_cardinals(doc, anchors, urls, vote_spans), *_ordinals(doc, anchors, urls),
                  *_enumerations(doc, anchors, urls)]
    from factcheck.claims import extras  # here: its readers import this module's helpers

    claims = [c for c in extras.extend(doc, claims, anchors) if not _in_spans(c.start, urls)]
    seen: set[tuple[str, int, int]] = set()
    unique: list[Claim] = []
    for c in sorted(claims, key=lambda c: c.sort_key):
        key = (c.kind, c.start, c.end)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    yield from link_conversions(doc, unique)
