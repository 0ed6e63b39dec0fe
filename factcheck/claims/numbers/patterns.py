"""The numbers extractor's precompiled regular expressions, built once at import.

Every pattern the extractor runs lives here, so the cost of compiling them
(paid once per process) and their shapes can be reviewed in one place.  Most
are tried only at the anchors :func:`factcheck.claims.numbers.tokens._anchors`
finds (see :mod:`factcheck.claims.scan`), never across the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.calendar import MONTH_RE, MONTHS
from factcheck.claims.ahead import FirstWord
from factcheck.claims.before import Before
from factcheck.claims.numbers.vocabulary import _CURRENCY_SYMBOLS, _QUALIFIERS
from factcheck.claims.numwords import ORDINAL_PATTERN, SCALES, SMALL_PATTERN, SPELLED_PATTERN, START_WORDS, trie_pattern
from factcheck.claims.units import ATTACHED_FORMS, WORD_FORMS

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

_UNIT_RE = FirstWord(re.compile(rf"[ \t]*(?P<u>{_alt(WORD_FORMS)})(?![\w-])", re.IGNORECASE), WORD_FORMS)
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
_QUAL_RE = Before(re.compile(rf"(?<![\w'’-])(?P<q>{_alt(_QUALIFIERS)})[ \t]+$", re.IGNORECASE),
                  (q.split()[-1] for q in _QUALIFIERS))
#: A movement right before a figure ("rose 5% to ..."): then "to" starts a level, not a range's end.
_CHANGE_WORDS = ("rose rise rises risen climbed climbs jumped jumps increased increases grew grows advanced"
                 " soared surged fell falls fallen dropped drops declined declines slid slipped sank decreased"
                 " tumbled plunged up down")
_CHANGE_BEFORE_RE = Before(re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(_CHANGE_WORDS.split())})(?:[ \t]+by)?[ \t]+$", re.IGNORECASE),
    [*_CHANGE_WORDS.split(), "by"])
_BETWEEN_RE = Before(re.compile(r"(?<![\w'’-])between[ \t]+$", re.IGNORECASE), ["between"])
_FROM_RE = Before(re.compile(r"(?<![\w'’-])(?P<range>(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)[ \t]+)?"
                             r"from[ \t]+$", re.IGNORECASE), ["from"])
_JOIN_RE = re.compile(r"[ \t]*(?:(?P<w>to|and|or)[ \t]+|[-–—][ \t]*)", re.IGNORECASE)
_MONTH_BEFORE_RE = Before(re.compile(rf"\b{MONTH_RE}[ \t]*(?:the[ \t]+)?$"),
                          [*MONTHS, *(m + "." for m in MONTHS), "the"])
_MONTH_AFTER_RE = re.compile(rf"[ \t]*,?[ \t]*(?:of[ \t]+)?{MONTH_RE}(?![a-z])")
_YEAR_CONTEXT_WORDS = ("in since by from until till to of before after during between and early late mid circa year"
                       " season fiscal fy the summer winter spring autumn fall")
_YEAR_CONTEXT_RE = Before(re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(_YEAR_CONTEXT_WORDS.split())})[ \t-]*$", re.IGNORECASE),
    _YEAR_CONTEXT_WORDS.split(), blanks=" \t-")
_NUMBER_LABEL_RE = Before(
    re.compile(r"(?:\b(?:No|Nos|no|nos)\.[ \t]*|\bNo[ \t]+|#[ \t]*|\b(?:[Nn]umber|[Pp]age)[ \t]+)$"),
    [".", "no", "#", "number", "page"])
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
_START_FORMS = {v for w in START_WORDS for v in (w, w.capitalize(), w.upper())}
_ANCHOR_BODY = (
    rf"[0-9]|{_CUR}"
    rf"|{trie_pattern(_START_FORMS)}(?![\w'’])"
    r"|[Aa][ \t]+(?:few[ \t]+)?(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)"
    r"|[Hh]alf[ \t]+a[ \t]+dozen\b|[Ss]everal[ \t]+(?=(?:hundred|thousand|million|billion)\b)"
)  # explicit letter cases: a case-insensitive trie is twice as slow here
#: The characters a number can start with (the first characters of ``_ANCHOR_BODY``'s branches).
#: Tested first, as one class, they turn away most positions (every blank before a word that
#: cannot start a number) without entering the alternation: the same anchors, found sooner.
_ANCHOR_FIRST = "[" + "".join(re.escape(c) for c in sorted(
    {*"0123456789AaHhSs", *(sym[0] for sym in _CURRENCY_SYMBOLS), *(form[0] for form in _START_FORMS)})) + "]"
_ANCHOR_RE = re.compile(rf"[^\w'’.,\-](?={_ANCHOR_FIRST})(?={_ANCHOR_BODY})")
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
