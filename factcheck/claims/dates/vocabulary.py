"""The date extractor's vocabulary and patterns: month and weekday names, prepositions,
modifiers, tense cues, built into precompiled regular expressions once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck.calendar import WEEKDAY_NAMES

PUB_UNKNOWN = "publication date unknown"
NOT_A_DATE = "not a calendar date"
EVENT_ANCHOR = "anchored to an event, not a date"
NO_PREVIOUS = "no earlier date in the document to anchor it"
CENTURY = "century ambiguous"

# --------------------------------------------------------------------------- vocabulary

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_ABBRS = ("Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_ABBRS = ("Tues", "Thurs", "Thur", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _alt(words: Iterable[str]) -> str:
    """Title-case and upper-case forms only: lower-case "may", "march", "sun" are words."""
    forms = {f for w in words for f in (w, w.upper())}
    return "|".join(sorted(forms, key=lambda s: (-len(s), s)))


def _trie(words: Iterable[str], first_check: bool = True) -> str:
    """An alternation of ``words`` as a trie, each word starting a new token.

    Why: with every branch starting on a literal, ``re`` scans for the set of
    first letters in C and only tries the (prefix-shared) branches there; a
    leading ``\\b`` or lookbehind would make it try every branch at every
    offset.  The start-of-token test comes right after the first letter,
    as the fixed-width lookbehind ``(?<!\\w.)`` (``first_check``).
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], first: bool) -> str:
        alts = [re.escape(ch) + (r"(?<!\w.)" if first and first_check else "") + emit(node[ch], False)
                for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append(r"\b")
        return "|".join(alts) if first else f"(?:{'|'.join(alts)})"

    return emit(root, True)


_SP = r"[^\S\n]"  # whitespace within a line: a date never spans a line break
_S = rf"{_SP}+"
_CS = rf"(?:{_SP}*,{_SP}*|{_S})"  # comma and/or spaces
_DASH = rf"{_SP}*[-–]{_SP}*"
_NOHYPH = r"(?![-‐][A-Za-z])"  # "Mar-a-Lago", "May-June"... are not a month token
_MF = rf"(?:{_alt(_MONTH_NAMES)})\b"
_MA = rf"(?:{_alt(_MONTH_ABBRS)})\b"
_MON_D = rf"(?:{_MF}|{_MA}\.?)"  # before a day number, an abbreviation needs no dot ("Dec 11")
_MON_Y = rf"(?:{_MF}|{_MA}\.)"  # before a year or alone, only full names and "Dec."
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?(?![0-9A-Za-z]|[.,:][0-9])"
_YF = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9A-Za-z]|[.,:][0-9])"  # year inside a full date
_YB = r"(?:1[89][0-9]{2}|20[0-9]{2})"  # a year standing alone
_WDF = rf"(?:{_alt(WEEKDAY_NAMES)})\b"
_WDA = rf"(?:{_alt(_WEEKDAY_ABBRS)})\b"

_FULL_RE = re.compile(
    rf"""
      (?<![\w/.:-])(?P<iso_y>[12][0-9]{{3}})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9])
    | (?<![\w/.:-])(?P<ys_y>[12][0-9]{{3}})/(?P<ys_m>0?[1-9]|1[0-2])/(?P<ys_d>3[01]|[12][0-9]|0?[1-9])(?![0-9/])
    | (?<![\w/.:,-])(?P<sl_a>[0-9]{{1,2}}){_SP}?/{_SP}?(?P<sl_b>[0-9]{{1,2}}){_SP}?/{_SP}?
        (?P<sl_y>[0-9]{{4}}|[0-9]{{2}})(?![0-9/]|[.,][0-9])
    | \b(?P<mdy_m>{_MON_D}){_S}(?P<mdy_d>{_DAY})
        (?:(?:{_DASH}|{_S}(?:and|to|through){_S})(?P<mdy_d2>{_DAY}))?(?P<mdy_sep>{_CS})(?:of{_S})?(?P<mdy_y>{_YF})
    | (?<![\w.,/:-])(?P<dmy_d>{_DAY})(?:(?:{_DASH}|{_S}(?:and|to|through){_S})(?P<dmy_d2>{_DAY}))?
        (?:{_S}of)?{_S}(?P<dmy_m>{_MON_D}){_NOHYPH}{_CS}(?P<dmy_y>{_YF})
    """,
    re.VERBOSE,
)
_MY_RE = re.compile(rf"\b(?P<m>{_MON_Y}){_NOHYPH}(?:{_S}of)?(?:{_SP}*,)?{_S}(?P<y>{_YF})")
_MD_RE = re.compile(
    rf"""
      \b(?P<md_m>{_MON_D}){_S}(?P<md_d>{_DAY})(?:{_DASH}(?P<md_d2>{_DAY}))?
    | (?<![\w.,/:-])(?P<dm_d>{_DAY})(?:{_DASH}(?P<dm_d2>{_DAY}))?(?:{_S}of)?{_S}(?P<dm_m>{_MON_D}){_NOHYPH}
    """,
    re.VERBOSE,
)
_MONTH_RE = re.compile(rf"\b(?P<m>{_MON_Y}){_NOHYPH}")
_YEAR_RE = re.compile(
    rf"""
      (?<![\w$£€¥.,/:'’])(?P<y>{_YB})
        (?:(?P<dec>s)\b|[-–/](?P<y2>{_YB}|[0-9]{{2}})(?![0-9A-Za-z]|[.,:][0-9]|[-‐/]\w))?
        (?![0-9A-Za-z]|[.,:][0-9]|[-‐][A-Za-z])
    | (?<!\w)['’](?P<d2>[0-9]0)s\b
    """,
    re.VERBOSE,
)
_WEEKDAY_RE = re.compile(rf"\b(?:(?P<wd>{_WDF}){_NOHYPH}|(?P<wab>{_WDA})\.?(?={_SP}*,))")
_REL_RE = re.compile(
    r"""
    \b(?:
       (?P<dw>today|tonight|yesterday|tomorrow)
     | (?P<tp>this)\s+(?:morning|afternoon|evening)
     | (?P<ln>last)\s+night
     | (?:(?P<rmod>earlier|later|early|late)\s+|(?P<rmid>mid)-)?
         (?P<rel>this\s+past|this|last|next)\s+(?P<unit>weekend|week|month|year)
     | (?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?)
         \s+(?P<ounit>day|week|month|year|decade)s?
         \s+(?P<dir>ago|earlier|later|before|after|previously|prior\s+to)(?:\s+(?P<that>that|then))?
     | the\s+(?P<adj>next|following|previous|preceding)\s+(?P<tunit>day|week|month|year)
     | the\s+day\s+(?P<dir2>before|after)(?:\s+(?P<that2>that|then))?
     | (?:(?P<amod>earlier|later|early|late)\s+(?:in\s+)?)?(?:that|the\s+same)\s+(?P<aunit>month|year)
         (?![-‐]\w|\s+(?:after|by|on|to|upon)\s+(?:month|year)\b)
     | (?P<wkend>the)\s+weekend
    )\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

# What stands just before a date: preposition, "the", last/next/this, a modifier.  The
# grammar reads leftwards from the date, so it is matched on the reversed text:
# one anchored match instead of a search trying every offset of a window.
_PREPS = ("as of", "prior to", "ahead of", "in", "since", "until", "till", "by", "before", "after", "during",
          "from", "between", "through", "throughout", "of", "on")
_RELS = ("this past", "this coming", "last", "next", "this")
_MODS = ("early", "late", "mid", "end of", "start of", "beginning of", "middle of", "close of", "turn of",
         "spring of", "summer of", "autumn of", "fall of", "winter of")


def _rev(phrases: Iterable[str]) -> str:
    """Phrases spelled backwards ("end of" -> "fo\\s+dne"), longest first."""
    return "|".join(r"\s+".join(w[::-1] for w in reversed(ph.split()))
                    for ph in sorted(phrases, key=lambda p: (-len(p), p)))


_PRE_REV_RE = re.compile(
    rf"""
    (?:(?:\s+(?:eht\s+)?|[-‐])(?P<mod>{_rev(_MODS)})\b|[-‐](?P<hmod>erp|tsop)\b)?
    (?:\s+(?P<rel>{_rev(_RELS)})\b)?
    (?:\s+(?P<the>eht)\b)?
    (?:\s+(?P<prep>{_rev(_PREPS)})\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MODPREP = {"since": "since", "until": "until", "till": "until", "by": "until", "through": "until",
            "before": "before", "prior to": "before", "ahead of": "before", "after": "after"}
_MODWORD = {"early": "early", "late": "late", "mid": "mid", "end of": "late", "close of": "late",
            "start of": "early", "beginning of": "early", "turn of": "early", "middle of": "mid",
            "pre": "before", "post": "after"}
_ACCEPT_PREPS = frozenset({"in", "since", "until", "till", "by", "before", "after", "during", "through",
                           "throughout", "as of", "prior to", "ahead of"})
_RANGE_PREPS = frozenset({"from", "between"})  # only a date when a second date follows
_CONT_RE = re.compile(
    rf"""(?:{_SP}*,{_SP}*(?:(?:and|or){_S})?|{_S}(?:and|or|to|through|until|till|into|&){_S}|{_DASH})
    (?:(?P<y>{_YB})(?![0-9A-Za-z]|[.,:][0-9]|[-‐]\w)
      |(?P<m>{_MON_Y}){_NOHYPH}(?:{_S}(?P<my>{_YF}))?)""",
    re.VERBOSE,
)
_RELPREP_RE = re.compile(r"\b(since|until|till|by|before|after)\s+\Z", re.IGNORECASE)
_DET_RE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that)\s+\Z", re.IGNORECASE)
_FOLLOW_WORD_RE = re.compile(rf"{_SP}*(%|[A-Za-z]+)")
# After a number, these make it a count or a measure, not a year ("2000 people", "1999 percent").
_UNIT_WORDS = frozenset(
    "percent per cent pound dollar euro yuan yen rupee mile meter metre kilometre kilometer km foot feet "
    "yard ton tonne barrel acre square point more fewer other odd plus times people".split())
# ... and these are no noun at all ("the 2000 and ...").
_NOT_NOUNS = frozenset("and or to of in on at for with by from than".split())
_S_OK = frozenset("always perhaps besides towards afterwards whereas unless news series".split())
_CHANGE_VERBS = frozenset(
    "rose risen increased fell fallen dropped grew grown declined cut reduced up down gained lost shrank "
    "jumped climbed surged slipped more less outnumbered won beat led trailed".split())
_MAY_NEXT = frozenset(
    "be have not also well still never soon even only just yet face need want consider seek take make "
    "become lead prove help cause find get give go come see use allow require result affect continue "
    "decide choose do say think try".split())
_SPLIT_YEAR_WORDS = frozenset(
    "season seasons campaign fiscal financial school academic budget term session winter season's".split())
_WD_BEFORE_RE = re.compile(
    r"\b(?:Black|Good|Super|Ash|Cyber|Bloody|Holy|Easter|Palm|Maundy|Shrove|Giving|Fat|Clean|Blue|Whit"
    r"|Low|Trinity|Mothering|Man|Girl)\s+\Z")
_WD_AFTER_RE = re.compile(
    rf"{_S}(?:Times|Telegraph|Mirror|Express|Herald|Post|Independent|Tribune|Star|Sport|Mail|People"
    r"|Night|Morning|Today|Sun|Business|Review|Observer|School|Service|Club|League|Edition|Magazine"
    r"|Football|Book|Program|Programme|Show)\b")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Tense cues: words that say which way a clause points (see _tense).
_FUT_WORDS = ["will", "won't", "won’t", "shall", "would", "wouldn't", "wouldn’t", "upcoming", "tomorrow",
              "coming", "next", "ahead of", "plans to", "plan to", "planning to", "planned to", "intends to",
              "intend to", "aims to", "aim to", "is to", "are to", "to be held", "set for", "scheduled for",
              "slated for", "planned for", "due on", "due in", "expected on", "expected in", "expected to",
              "expects to", "expect to", "hopes to", "hope to", "set to", "to become", "to be released"]
_FUT_WORDS += [f"{be} {adj} to" for be in ("is", "are", "was", "were", "be", "been")
               for adj in ("due", "expected", "scheduled", "set", "slated", "poised", "going", "likely")]
_PAST_WORDS = ["back in", *(
    "said told was were had did met left went came took gave made held sent saw got won lost found led began "
    "brought bought thought knew spoke wrote ran fell rose struck shot hit paid sold kept felt became broke "
    "chose drove flew fled fought grew heard hid hung laid meant stood stole swore taught threw understood "
    "woke wore withdrew sought caught been sat sank spent shut beat built dealt drew forgot froze gone lent "
    "overtook rode rang shook slept spread stuck swept tore upheld ago yesterday last earlier previously"
).split()]
_PRES_WORDS = "is are am says say has have remains remain continues continue".split()
_CUE_KIND: dict[str, str] = {}
for _w in _PRES_WORDS:
    _CUE_KIND[_w] = _CUE_KIND[_w.capitalize()] = _CUE_KIND[_w.upper()] = "pres"
for _w in _PAST_WORDS:  # lower case only, as "-ed" below: "Last" may be a name, "United" is
    _CUE_KIND[_w] = "past"
for _w in _FUT_WORDS:
    _CUE_KIND[_w] = _CUE_KIND[_w.capitalize()] = _CUE_KIND[_w.upper()] = "fut"
_BE_ADJ = "due|expected|scheduled|set|slated|poised|going|likely"
_APOS_CUES = "|".join(rf"{q}ll\b|{q}s (?:{_BE_ADJ}) to\b" for q in ("'", "’"))
# "-ed" words are found by their ending.  The words' test for a word start comes first, as
# ``(?<!\w)``, not after each first letter as ``_trie`` puts it: the cue words open on nearly every
# lower-case letter, so a pattern opening on them was entered at most letters of a window, each time
# trying the branches of that letter before the start test failed mid-word; opening on the test, the
# branches are tried at word starts only.  The same matches (a property test), windows scanned in
# two thirds of the time (ECB+: 33 -> 21 ms).
_CUE_RE = re.compile(r"(?<!\w)(?:" + _trie(_CUE_KIND, first_check=False) + ")|" + _APOS_CUES
                     + r"|ed\b(?<=[a-z][a-z]ed)")
_NOT_PAST = frozenset(
    "need indeed speed proceed succeed exceed feed seed breed bleed hundred red bed sacred naked wicked "
    "kindred creed greed weed deed heed steed tweed embed shred".split())
_BOUNDARY_WORDS = ("that which who when after before while but and because although though where whereas "
                   "until since if so").split()
_BOUNDARY_RE = re.compile(_trie(_BOUNDARY_WORDS) + r"|,|;|:|\(|\)|\[|\]|—|–|\"|“|”| - ")

_GRAN_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
