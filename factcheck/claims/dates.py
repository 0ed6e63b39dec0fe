"""Date claims: calendar dates and relative expressions, resolved against the publication date.

Why a hand-written recogniser instead of ``dateparser.search.search_dates``:
search_dates tries every token as a possible date, so on news text it reports
"we", "may consider", "a second round", "Mar-a-Lago", "Kim Jun", "sat",
"now", "the day" ... as dates, and it is slow (tens of milliseconds per
article).  A fact checker that flags a contradiction between two dates must
not invent either of them, so here precision comes first: a token only
becomes a date when the surrounding words make it one ("in May", "May 3",
"since 2006"), and nothing is guessed that the text and the publication date do
not give (no day for "in December", no year without a publication date, never
today's date).  The grammar is a handful of precompiled regular expressions,
one per family, tried only where a trigger pass found a token a date can
start with (a digit, a month or weekday name, a relative keyword); dateparser
is not needed to normalise what they find.  About 0.3 ms per 2 KB article,
some hundred times faster than search_dates.

Families (each a combined pattern):

* full dates with a year: ISO ``2019-12-30``, ``2019/12/30``, unambiguous
  slashed dates ``11/30/2009``, ``December 30, 2019``, ``Dec. 7-9, 2019``,
  ``10th February, 2020``;
* month + year (``December 2019``), month + day without a year (``Jan. 8``,
  ``30 December``: the year comes from the publication date);
* a month alone (``in October``, ``since March``, ``last December``, ``mid-May``,
  ``a January referendum``): only after a preposition or modifier, or between a
  determiner and a noun, because the bare words are also a verb ("may"), a
  noun ("march"), an adjective ("august") or a name;
* years (``in 2016 and 2017``, ``since 2006``, ``mid-2018``, ``the 2016
  election``), compact spans (``2008-09 season``, ``from 1978-89``) and decades
  (``the 1990s``);
* weekdays (``on Monday``, ``called Thursday``, ``next Monday``), merged with
  an adjacent date into one weekday+date claim (``Wednesday, Jan. 8, 2020``);
* relative expressions (``yesterday``, ``last year``, ``earlier this month``,
  ``two years ago``, ``two decades ago``, ``at the weekend`` (the one before
  publication, or the coming one when the clause points ahead), ``a month
  before that``, ``the next day``, ``the next year``), and anaphoric ones that
  take the date before them (``that year``, ``later that month``, ``the same
  year``, ``September of that year``).

Attributes (every claim has the same keys, so rules need no ``get`` defaults):

``granularity``  day | week | month | year | decade (a week's value is its ISO week,
                 ``2019-W52``; "last week", "two weeks ago", "this weekend")
``modifier``     since/before/after/until/early/mid/late/earlier/later or None
``relative``     True when anything was resolved against an anchor
``resolved``     the ISO value (equal to ``value``) or None
``reason``       why ``value`` is None (e.g. "publication date unknown"), else None
``anchor``       ISO date/value the relative claim was resolved from, or None
``anchor_source`` "publication" | "previous-claim" ("a month before that", "two days
                 later", "the next day", "that year") | "following-claim" ("a day before Dec. 30,
                 2019") | None
``tense``        past | future | present for relative claims: how the clause points
                 (nearby cues such as "will", "is due to", "said", "-ed").  With no
                 cue a weekday is taken as past (news mostly reports) and a month or
                 month-day as the nearest one; ``tense`` then records the direction
                 taken.  For explicit dates the clause's tense is recorded (None
                 when no cue) but never used to resolve them.
``weekday``      "Monday"... when the text names a weekday, else None
``weekday_matches`` for weekday+date pairs: whether the weekday is the date's
                 real weekday (None when the date is unresolved or no pair)
``year_inferred`` True when the year came from the publication date
``range_end``    last year of a compact span ("2008-09" -> "2009"), else None
``dateline``     True when the span is the document's own dateline/byline date, or
                 stands on a timestamp line ("Posted: Nov 27, 2005 8:20 AM ET")

Spans include words that change the meaning (``since 2006``, ``late last
year``, ``next Monday``, ``mid-2018``) but not neutral prepositions (the claim
for "on Monday" is ``Monday``; for "In December" it is ``December``).

A compact span such as ``2008-09`` (a sports season or a fiscal year) is one
claim at year granularity valued by its first year, with ``range_end`` giving
the last: it is not a range of days and not the ISO month 2008-09.  Slashed
numeric dates are taken only when unambiguous (a part above 12, or equal
parts): 03/04/2019 is April in Britain and March in the US.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from factcheck.calendar import MONTHS, WEEKDAY_NAMES, WEEKDAYS, make_date
from factcheck.claims.base import Claim, line_bounds, make_claim, register, sentence_bounds
from factcheck.documents import Document, dateline_like

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
# Every branch starts on a literal (see _trie); "-ed" words are found by their ending.
_CUE_RE = re.compile(_trie(_CUE_KIND) + "|" + _APOS_CUES + r"|ed\b(?<=[a-z][a-z]ed)")
_NOT_PAST = frozenset(
    "need indeed speed proceed succeed exceed feed seed breed bleed hundred red bed sacred naked wicked "
    "kindred creed greed weed deed heed steed tweed embed shred".split())
_BOUNDARY_WORDS = ("that which who when after before while but and because although though where whereas "
                   "until since if so").split()
_BOUNDARY_RE = re.compile(_trie(_BOUNDARY_WORDS) + r"|,|;|:|\(|\)|\[|\]|—|–|\"|“|”| - ")

_GRAN_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A recognised date expression, before resolution.

    ``form`` says how it resolves: "abs" (explicit, needs nothing), "md" (a
    month-day without a year), "month" (a month without a year), "monthrel"
    (``December last year``), "weekday", "pub" (an offset from the publication
    date: "yesterday", "last year", "two years ago"), "offset" (an offset from a
    neighbouring date: "a month before that", "that year"), "prevyear" (a month or
    month-day in the year of the date before it: "September of that year"),
    "weekend" ("at the weekend"), "decade2" ("the '90s").
    """

    start: int
    end: int
    form: str
    gran: str
    prio: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    n: int = 0
    unit: str = "day"
    rel: str | None = None
    modifier: str | None = None
    wd: int | None = None
    wd_text: str | None = None
    anchor: str = "publication"  # offset forms: previous | following | event
    invalid: bool = False
    range_end: int | None = None
    core: int = -1  # start before a prefix ("since", "early") was taken in; -1 when none was
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Pre:
    """What precedes a date (see ``_PRE_REV_RE``): each word and where it starts (``s`` when absent)."""

    prep: str | None
    prep_start: int
    the: bool
    rel: str | None
    rel_start: int
    mod: str | None
    mod_start: int


def _norm(s: str | None) -> str | None:
    return " ".join(s.lower().split()) if s else None


_PRE_LAST = frozenset("in since until till by before after during from between through throughout of on to the "
                      "this past coming last next early late mid".split())


def _pre(text: str, s: int) -> _Pre:
    """Parse what precedes ``s``; cheap when the word before cannot start a prefix (the usual case)."""
    seg = text[max(0, s - 16):s]
    if not seg.endswith(("-", "‐")):
        words = seg.split()
        if not (seg[-1:].isspace() and words and re.split(r"[^a-z]", words[-1].lower())[-1] in _PRE_LAST):
            return _Pre(None, s, False, None, s, None, s)
    m = _PRE_REV_RE.match(text[max(0, s - 48):s][::-1])
    assert m is not None  # every group is optional

    def word(g: str) -> tuple[str | None, int]:
        return (_norm(m.group(g)[::-1]), s - m.end(g)) if m.group(g) is not None else (None, s)

    prep, prep_start = word("prep")
    rel, rel_start = word("rel")
    mod, mod_start = word("mod" if m.group("mod") is not None else "hmod")
    return _Pre(prep, prep_start, m.group("the") is not None, rel, rel_start, mod, mod_start)


_FUNCTION_WORDS = frozenset(
    "the a an he she it they we i you and or but when to at in on of for with as its his her their there "
    "this that if so because after before is was will would had has have were are be could should may "
    "might must can did do does morning afternoon evening night".split())


def _agentive_by(text: str, e: int) -> bool:
    """"damaged by the Sunday quakes", "capped by this year's dud": "by" is not "no later than"."""
    if text.startswith(("'s", "’s"), e):
        return True
    m = _FOLLOW_WORD_RE.match(text, e)
    return bool(m and m.start(1) > e and m.group(1).islower() and m.group(1) not in _FUNCTION_WORDS)


def _apply_pre(text: str, c: _Cand, p: _Pre, include_rel: bool = False) -> None:
    """Extend the span over a meaning-changing prefix and set the modifier.

    An outer "since"/"until"/"before" wins over an inner "early"/"late": it is
    the relation a consistency rule has to respect.
    """
    starts = []
    if p.mod is not None:
        c.modifier = _MODWORD.get(p.mod, c.modifier)
        starts.append(p.mod_start)
    if include_rel and p.rel is not None:
        starts.append(p.rel_start)
    if p.prep in _MODPREP and not (p.prep == "by" and _agentive_by(text, c.end)):
        c.modifier = _MODPREP[p.prep]
        starts.append(p.prep_start)
    if starts:
        if c.core < 0:
            c.core = c.start
        c.start = min(starts)


def _count_like(text: str, e: int) -> bool:
    """True when the number just read is followed by what it counts ("2000 people", "2000 %")."""
    m = _FOLLOW_WORD_RE.match(text, e)
    if not m:
        return False
    w = m.group(1)
    lw = w.lower()
    if w == "%" or lw in _UNIT_WORDS:
        return True
    return (w.islower() and lw.endswith("s") and len(lw) > 3 and not lw.endswith(("ss", "us", "is"))
            and lw not in _S_OK)


def _noun_follows(text: str, e: int) -> bool:
    """"the 2016 election": a lower-case singular word after the number makes it a year."""
    m = _FOLLOW_WORD_RE.match(text, e)
    if not m or m.start(1) == e:
        return False
    w = m.group(1)
    return w.islower() and w not in _NOT_NOUNS and not _count_like(text, e)


def _prev_word(text: str, s: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*\Z", text[max(0, s - 30):s])
    return m.group(1).lower() if m else ""


def _in_spans(spans: list[tuple[int, int]], s: int) -> bool:
    """Whether ``s`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (s, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= s < spans[k][1]


def _ordinal_day(tok: str) -> int:
    return int(re.sub(r"[^0-9]", "", tok))


def _on_full(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """A date with day, month and year (ISO, slashed, "Dec. 11, 2019", "10th February, 2020").

    A day range ("Dec. 7-9, 2019") gives one claim per day, so each can be
    checked; the year is explicit, so nothing here is relative.
    """
    g = mt.groupdict()
    days: list[tuple[int, int, int]] = []  # (start, end, day)
    if g["iso_y"]:
        y, mo = int(g["iso_y"]), int(g["iso_m"])
        days.append((mt.start(), mt.end(), int(g["iso_d"])))
    elif g["ys_y"]:
        y, mo = int(g["ys_y"]), int(g["ys_m"])
        days.append((mt.start(), mt.end(), int(g["ys_d"])))
    elif g["sl_a"]:
        a, b, ys = int(g["sl_a"]), int(g["sl_b"]), g["sl_y"]
        if a > 12 and 1 <= b <= 12:
            dd, mo = a, b
        elif (b > 12 and 1 <= a <= 12) or (a == b and a <= 12):
            dd, mo = b, a
        else:
            return  # ambiguous (03/04/2019) or impossible: do not guess
        y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
        if not 1 <= dd <= 31:
            return
        days.append((mt.start(), mt.end(), dd))
    elif g["mdy_m"]:
        month = MONTHS.get(g["mdy_m"].lower().rstrip("."))
        if month is None:
            return
        y, mo = int(g["mdy_y"]), month
        if "," not in g["mdy_sep"] and (int(g["mdy_y"]) < 1900 or _count_like(text, mt.end())):
            return  # "on December 30 1500 people..." is a day and a count
        if g["mdy_d2"]:
            days.append((mt.start(), mt.end("mdy_d"), _ordinal_day(g["mdy_d"])))
            days.append((mt.start("mdy_d2"), mt.end(), _ordinal_day(g["mdy_d2"])))
        else:
            days.append((mt.start(), mt.end(), _ordinal_day(g["mdy_d"])))
    else:
        month = MONTHS.get(g["dmy_m"].lower().rstrip("."))
        if month is None:
            return
        y, mo = int(g["dmy_y"]), month
        if g["dmy_d2"]:
            days.append((mt.start(), mt.end("dmy_d"), _ordinal_day(g["dmy_d"])))
            days.append((mt.start("dmy_d2"), mt.end(), _ordinal_day(g["dmy_d2"])))
        else:
            days.append((mt.start(), mt.end(), _ordinal_day(g["dmy_d"])))
    if len(days) == 2 and days[1][2] <= days[0][2]:
        return  # "30-7 Oct. 19" is a score, not a range of days
    for k, (s, e, dd) in enumerate(days):
        c = _Cand(s, e, "abs", "day", 0, y=y, m=mo, d=dd, invalid=make_date(y, mo, dd) is None)
        if k == 0:
            _apply_pre(text, c, _pre(text, s))
        out.append(c)


def _on_month_year(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"December 2019", "May 2013": a month claim; the day is not invented."""
    month = MONTHS.get(mt.group("m").lower().rstrip("."))
    p = _pre(text, mt.start())
    if month is None or (_count_like(text, mt.end()) and not p.the):
        return  # "in August 2000 people were evacuated" (but "the May 2005 revelations")
    c = _Cand(mt.start(), mt.end(), "abs", "month", 1, y=int(mt.group("y")), m=month)
    _apply_pre(text, c, p)
    out.append(c)
    _chain(text, c, out)


def _on_month_day(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"Jan. 8", "30 December": a day whose year must come from the publication date."""
    g = mt.groupdict()
    if g["md_m"]:
        month = MONTHS.get(g["md_m"].lower().rstrip("."))
        d1, d2, d1_end = g["md_d"], g["md_d2"], mt.end("md_d")
        if month is None:
            return
        nxt = _FOLLOW_WORD_RE.match(text, mt.end())
        plain = not d1.rstrip("0123456789") and not g["md_m"].endswith(".")
        if (plain and _prev_word(text, mt.start()) == "in"
                and nxt and nxt.start(1) > mt.end() and nxt.group(1).islower()):
            return  # "in August 15 people died": a month and a count
        if plain and _count_like(text, mt.end()) and not _pre(text, mt.start()).the:
            return
    else:
        month = MONTHS.get(g["dm_m"].lower().rstrip("."))
        d1, d2, d1_end = g["dm_d"], g["dm_d2"], mt.end("dm_d")
        if month is None:
            return
    if not d2:
        parts = [(mt.start(), mt.end(), d1)]
    elif g["md_m"]:  # "Dec. 7-9": two days, the second span is just "9"
        parts = [(mt.start(), d1_end, d1), (mt.start("md_d2"), mt.end(), d2)]
    else:  # "7-9 December": the first span is just "7"
        parts = [(mt.start(), d1_end, d1), (mt.start("dm_d2"), mt.end(), d2)]
    if len(parts) == 2 and _ordinal_day(parts[1][2]) <= _ordinal_day(parts[0][2]):
        return  # "30-7 Oct.": a score
    for k, (s, e, tok) in enumerate(parts):
        dd = _ordinal_day(tok)
        c = _Cand(s, e, "md", "day", 2, m=month, d=dd)
        if k == 0:
            p = _pre(text, s)
            c.rel = p.rel
            _apply_pre(text, c, p, include_rel=True)
        yr = _OF_THAT_YEAR_RE.match(text, e) if len(parts) == 1 else None
        if yr:  # "On April 18 of that year": the year of the date before it, not of the publication
            c.form, c.rel, c.anchor, c.end = "prevyear", None, "previous", yr.end()
        out.append(c)


_OF_THAT_YEAR_RE = re.compile(rf"{_S}(?:of|in){_S}(?:that|the{_S}same){_S}year\b(?![-‐]\w)", re.IGNORECASE)


def _month_alone_ok(text: str, mt: re.Match[str], p: _Pre, month_tok: str) -> bool:
    """A month name with no day or year is a date only after a preposition or modifier.

    "May", "March", "August", "April", "June" are also a modal verb, a noun, an
    adjective and first names; "May" is also a British prime minister.
    """
    e = mt.end()
    is_may = month_tok in ("May", "MAY")
    if is_may:
        if text.startswith(("'s", "’s"), e):
            return False
        nxt = _FOLLOW_WORD_RE.match(text, e)
        if nxt and nxt.group(1).lower() in _MAY_NEXT:
            return False
    if month_tok in ("March", "MARCH") and re.match(rf"{_S}(?:for|against|on){_S}[A-Z]", text[e:e + 20]):
        return False  # "March for Our Lives", "March on Washington"
    if p.rel is not None or p.mod is not None:
        return True
    if p.prep in _ACCEPT_PREPS:  # but "a speech by May": "by" a person, unless the clause ends there
        return not (is_may and p.prep == "by" and not re.match(rf"{_SP}*(?:[.;:)!?]|\Z)", text[e:e + 4]))
    if p.prep in _RANGE_PREPS:
        return _CONT_RE.match(text, e) is not None
    if not is_may and _DET_RE.search(text, max(0, mt.start() - 8), mt.start()):
        return _noun_follows(text, e)  # "a January referendum", "the April raid"
    return False


def _on_month_alone(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"in October", "since March", "December last year": a month, its year from context."""
    tok = mt.group("m")
    month = MONTHS.get(tok.lower().rstrip("."))
    if month is None:
        return
    p = _pre(text, mt.start())
    if not _month_alone_ok(text, mt, p, tok):
        return
    c = _Cand(mt.start(), mt.end(), "month", "month", 4, m=month, rel=p.rel)
    yr = re.match(rf"{_S}(?:(?:of|in){_S})?(last|this|next|that|the{_S}same){_S}year\b(?![-‐]\w)",
                  text[mt.end():mt.end() + 28], re.IGNORECASE)
    if yr:  # "December last year" is one month, not a month and a year
        word = yr.group(1).lower()
        if word in ("last", "this", "next"):
            c.form, c.n, c.rel = "monthrel", {"last": -1, "this": 0, "next": 1}[word], None
        else:  # "September of that year": the year of the date before it
            c.form, c.rel, c.anchor, c.unit = "prevyear", None, "previous", "month"
        c.end = mt.end() + yr.end()
    _apply_pre(text, c, p, include_rel=True)
    out.append(c)
    _chain(text, c, out)


def _year_ok(text: str, s: int, e: int, p: _Pre, split: bool) -> bool:
    """A four-digit number is a year only when its context says so ("in 2016", "the 2016 vote")."""
    if s > 0 and text[s - 1] in "-‐" and p.mod not in ("mid", "pre", "post"):
        return False  # "COVID-2019", "555-2019"
    if split:
        fw = _FOLLOW_WORD_RE.match(text, e)
        if fw and fw.group(1).lower() in _SPLIT_YEAR_WORDS:
            return True
    if _count_like(text, e):
        return False
    if text.startswith(("'s", "’s"), e):
        return True
    if p.mod is not None:
        return True
    if p.prep in _ACCEPT_PREPS:
        return not (p.prep == "by" and _prev_word(text, p.prep_start) in _CHANGE_VERBS)
    if p.prep in _RANGE_PREPS:
        return split or _CONT_RE.match(text, e) is not None
    if p.the or _DET_RE.search(text, max(0, s - 8), s):
        return _noun_follows(text, e)
    return False


def _on_year(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """Years, compact spans ("2008-09") and decades ("1990s", "'90s"); see :func:`_year_ok`."""
    s, e = mt.start(), mt.end()
    if mt.group("d2") is not None:  # 'the '90s'
        c = _Cand(s, e, "decade2", "decade", 5, y=int(mt.group("d2")))
        _apply_pre(text, c, _pre(text, s))
        out.append(c)
        return
    y = int(mt.group("y"))
    p = _pre(text, s)
    if mt.group("dec"):
        if y % 10:
            return
        c = _Cand(s, e, "abs", "decade", 5, y=y)
        _apply_pre(text, c, p)
        out.append(c)
        return
    y2s = mt.group("y2")
    range_end = None
    if y2s is not None:
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        spans_years = p.prep in _RANGE_PREPS and y < y2 <= y + 50 and (len(y2s) == 4 or int(y2s) > 12)
        if not spans_years and ((len(y2s) == 2 and y2 != y + 1) or (len(y2s) == 4 and not y < y2 <= y + 50)):
            return  # "2019-12" is a month, "1990-85" nothing we understand (but "from 1978-89" is years)
        range_end = y2
    if not _year_ok(text, s, e, p, range_end is not None):
        return
    c = _Cand(s, e, "abs", "year", 5, y=y, range_end=range_end)
    _apply_pre(text, c, p)
    out.append(c)
    if range_end is None:
        _chain(text, c, out)


def _chain(text: str, first: _Cand, out: list[_Cand]) -> None:
    """Follow "2016 and 2017", "March to June 2019", "September 2010 to January 2011".

    A month without a year borrows the year of its neighbour in the list
    ("in March and June 2019" -> 2019-03; "from September to January 2011" ->
    2010-09), because the writer gave it once for both.
    """
    items = [first]
    pos = first.end
    want_year = first.gran == "year"
    while True:
        mt = _CONT_RE.match(text, pos)
        if not mt:
            break
        if want_year and mt.group("y"):
            if _count_like(text, mt.end()):
                break
            c = _Cand(mt.start("y"), mt.end(), "abs", "year", 5, y=int(mt.group("y")))
        elif not want_year and mt.group("m"):
            month = MONTHS.get(mt.group("m").lower().rstrip("."))
            if month is None:
                break
            if mt.group("my"):
                c = _Cand(mt.start("m"), mt.end(), "abs", "month", 1, y=int(mt.group("my")), m=month)
            else:
                c = _Cand(mt.start("m"), mt.end(), "month", "month", 4, m=month)
        else:
            break
        items.append(c)
        out.append(c)
        pos = c.end
    if want_year or len(items) < 2:
        return
    for k in range(1, len(items)):  # forward: "December 2019 to February"
        a, b = items[k - 1], items[k]
        if b.form == "month" and a.y is not None and a.m is not None and b.m is not None:
            b.form, b.y = "abs", a.y if b.m >= a.m else a.y + 1
    for k in range(len(items) - 2, -1, -1):  # backward: "March and June 2019"
        a, b = items[k], items[k + 1]
        if a.form == "month" and b.y is not None and b.m is not None and a.m is not None:
            a.form, a.y = "abs", b.y if a.m <= b.m else b.y - 1


def _on_weekday(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """A weekday name: a relative day, unless a date follows (then :func:`_merge_weekdays` pairs them)."""
    s, e = mt.start(), mt.end()
    tok = mt.group("wd") or mt.group("wab")
    wd = WEEKDAYS[tok.lower()]
    if mt.group("wd"):
        if _WD_BEFORE_RE.search(text, max(0, s - 20), s) or _WD_AFTER_RE.match(text, e):
            return  # "Black Friday", "Sunday Times"
        prio = 3
    else:
        prio = 9  # an abbreviation counts only in front of a date (see _merge_weekdays)
    c = _Cand(s, e, "weekday", "day", prio, wd=wd, wd_text=WEEKDAY_NAMES[wd])
    p = _pre(text, s)
    c.rel = p.rel
    _apply_pre(text, c, p, include_rel=True)
    c.extra["abbr"] = mt.group("wab") is not None
    out.append(c)


def _on_relative(text: str, mt: re.Match[str], out: list[_Cand]) -> None:
    """"yesterday", "late last year", "two years ago", "a month before that", "the next day"."""
    s, e = mt.start(), mt.end()
    g = mt.groupdict()
    if g["dw"]:
        w = g["dw"].lower()
        if w == "today" and (text[max(0, s - 4):s] in ("USA ", "usa ")
                             or re.match(r"\s+(?:show|programme|program|Show|Programme)\b", text[e:e + 12])):
            return
        c = _Cand(s, e, "pub", "day", 6, n={"today": 0, "tonight": 0, "yesterday": -1,
                                              "tomorrow": 1}[w], unit="day")
    elif g["tp"]:
        if _title_name(text, s, mt.group(0)):
            return  # "CBS This Morning"
        c = _Cand(s, e, "pub", "day", 6, n=0, unit="day")
    elif g["ln"]:
        c = _Cand(s, e, "pub", "day", 6, n=-1, unit="day")
    elif g["rel"]:
        if re.search(r"\bthe\s+\Z", text[max(0, s - 5):s], re.IGNORECASE):
            return  # "over the last year" is a period, not a date
        if _title_name(text, s, mt.group(0)):
            return  # "... to Host Next Year's Oscars": a title, not prose
        rel = _norm(g["rel"])
        unit = g["unit"].lower()
        n = {"this": 0, "this past": -1, "last": -1, "next": 1}[rel or "this"]
        c = _Cand(s, e, "pub", "week" if unit == "weekend" else unit, 6, n=n,
                  unit="week" if unit == "weekend" else unit)
        if g["rmod"]:
            c.modifier = g["rmod"].lower()
        elif g["rmid"]:
            c.modifier = "mid"
    elif g["num"]:
        n = _NUM_WORDS.get(g["num"].lower()) or int(g["num"])
        dirn = _norm(g["dir"]) or ""
        unit = g["ounit"].lower()
        sign = 1 if dirn in ("later", "after") else -1
        c = _Cand(s, e, "pub" if dirn == "ago" else "offset", unit, 6, n=sign * n, unit=unit)
        if dirn != "ago":
            c.anchor = _offset_anchor(text, e, dirn, g["that"])
    elif g["adj"]:
        unit = g["tunit"].lower()
        if re.search(r"\b(?:over|within|for|during)\s+\Z", text[max(0, s - 10):s], re.IGNORECASE):
            return  # "over the next year" is a period
        if unit != "day" and g["adj"].lower() == "next" and _PERIOD_BEFORE_RE.search(text, max(0, s - 12), s):
            return  # "in the next year", "the first time in the next month": a period too
        sign = 1 if g["adj"].lower() in ("next", "following") else -1
        c = _Cand(s, e, "offset", unit, 6, n=sign, unit=unit, anchor="previous")
    elif g["aunit"]:  # "that year", "later that month", "the same year": the date before it
        unit = g["aunit"].lower()
        c = _Cand(s, e, "offset", unit, 6, n=0, unit=unit, anchor="previous")
        if g["amod"]:
            c.modifier = g["amod"].lower()
    elif g["wkend"]:
        if not _WEEKEND_PREP_RE.search(text, max(0, s - 12), s):
            return  # "to win the weekend", "the weekend edition"
        c = _Cand(s, e, "weekend", "week", 6, unit="week")
    else:
        dirn = g["dir2"].lower()
        c = _Cand(s, e, "offset", "day", 6, n=1 if dirn == "after" else -1, unit="day",
                  anchor=_offset_anchor(text, e, dirn, g["that2"]))
    if c.form in ("pub", "weekend"):
        lo = max(0, s - 8)
        pm = _RELPREP_RE.search(text, lo, s)
        if pm and not (pm.group(1).lower() == "by" and _agentive_by(text, e)):
            c.modifier = _MODPREP[pm.group(1).lower()]
            c.start = pm.start()
    out.append(c)


_PERIOD_BEFORE_RE = re.compile(r"\b(?:in|into|throughout|through|across|of|from|than|until|till)\s+\Z",
                               re.IGNORECASE)
# "the weekend" is a date after these ("at the weekend", "over the weekend"); after a verb it is
# an object ("to win the weekend").
_WEEKEND_PREP_RE = re.compile(r"\b(?:at|over|on|during|through|throughout|until|till|by|since|before|after)\s+\Z",
                              re.IGNORECASE)


def _title_name(text: str, s: int, matched: str) -> bool:
    """Title Case words right after another capitalised word: part of a name or headline."""
    words = matched.split()
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    m = re.search(r"([A-Za-z]+)[^\S\n]+\Z", text[max(0, s - 30):s])
    return bool(m and m.group(1)[0].isupper())


def _offset_anchor(text: str, e: int, dirn: str, that: str | None) -> str:
    """What "a day before ..." counts from: the previous date, the next one, or an event."""
    if dirn in ("earlier", "later", "previously"):
        return "event" if re.match(r"\s+than\b", text[e:e + 8]) else "previous"
    if that:
        nxt = re.match(rf"{_SP}*(?:[,.;:)!?\n]|\Z|([A-Za-z]+))", text[e:e + 20])
        if nxt is None or nxt.group(1) is None or nxt.group(1)[0].isupper() or nxt.group(1).lower() in (
                "he", "she", "it", "they", "we", "i", "you", "there", "police"):
            return "previous"
        return "event"  # "the day before that meeting"
    if re.match(rf"{_SP}*(?:[,.;:)!?\n]|\Z)", text[e:e + 3]):
        return "previous"
    return "following"  # decided in _resolve: a date right after, or else an event


def _select(cands: list[_Cand], urls: list[tuple[int, int]]) -> list[_Cand]:
    """Non-overlapping candidates: earliest start, then longest, then family priority."""
    cands.sort(key=lambda c: (c.start, -c.end, c.prio))
    kept: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start < last_end and 0 <= last_end <= c.core:
            c.start, c.modifier = c.core, None  # "a day before December 25": the prefix is taken
        if c.start < last_end or (urls and _in_spans(urls, c.start)):
            continue
        kept.append(c)
        last_end = c.end
    return kept


_PAIR_GAP_RE = re.compile(rf"{_SP}*,?{_SP}*(?:\({_SP}*)?(?:the{_S})?\Z")


def _merge_weekdays(text: str, cands: list[_Cand]) -> list[_Cand]:
    """"Wednesday, Jan. 8, 2020" is one claim whose weekday a rule can check."""
    out: list[_Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if (c.form == "weekday" and nxt is not None and nxt.gran == "day" and nxt.form in ("abs", "md")
                and nxt.modifier is None and 0 < nxt.start - c.end <= 8
                and _PAIR_GAP_RE.match(text, c.end, nxt.start)):
            end = nxt.end
            if text[c.end:nxt.start].rstrip().endswith("(") and text.startswith(")", end):
                end += 1
            merged = _Cand(c.start, end, nxt.form, "day", nxt.prio, y=nxt.y, m=nxt.m, d=nxt.d,
                           modifier=c.modifier, wd=c.wd, wd_text=c.wd_text, invalid=nxt.invalid)
            out.append(merged)
            k += 2
            continue
        if not (c.form == "weekday" and c.extra.get("abbr")):
            out.append(c)
        k += 1
    return out


_REL_TRIGGERS = ("today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "ago", "earlier",
                 "later", "before", "after", "previously", "prior", "following", "previous", "preceding",
                 "that", "same", "weekend")
_TRIGGER_KIND: dict[str, str] = {}
for _w in _MONTH_NAMES + _MONTH_ABBRS:
    _TRIGGER_KIND[_w] = _TRIGGER_KIND[_w.upper()] = "month"
for _w in WEEKDAY_NAMES + _WEEKDAY_ABBRS:
    _TRIGGER_KIND[_w] = _TRIGGER_KIND[_w.upper()] = "weekday"
for _w in _REL_TRIGGERS:
    _TRIGGER_KIND[_w.capitalize()] = _TRIGGER_KIND[_w.upper()] = "rel"
# Capitalised words and digits: their first characters are rare, so the scan is quick.
_TRIGGER_RE = re.compile(
    _trie(_TRIGGER_KIND) + "|" + "|".join(rf"{d}(?<!\w.)" for d in "0123456789") + r"|'(?=[0-9]0s)|’(?=[0-9]0s)")
# Lower-case keywords start with the commonest letters; scanning for the separator
# in front of them instead ("[\s(...]" + word) halves the cost.
_LOWER_TRIGGER_RE = re.compile(r"[\s(\"'“‘—–-](" + _trie(_REL_TRIGGERS, first_check=False) + ")")
_LOWER_AT0_RE = re.compile(_trie(_REL_TRIGGERS, first_check=False))

# Where a relative expression can start, given the word that triggered it.
_REL_BACK_RE = re.compile(  # "earlier this month", "mid-next year"
    r"(?:\b(?:earlier|later|early|late)\s+|\bmid-)\Z", re.IGNORECASE)
_REL_NUM_BACK_RE = re.compile(  # "two years ago", "a month before"
    r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?)\s+"
    r"(?:day|week|month|year|decade)s?\s+\Z", re.IGNORECASE)
_REL_THAT_BACK_RE = re.compile(  # "later in that year", "early that month"
    r"\b(?:earlier|later|early|late)\s+(?:in\s+)?\Z", re.IGNORECASE)
_REL_THE_BACK_RE = re.compile(r"\bthe\s+(?:day\s+)?\Z", re.IGNORECASE)


def _rel_starts(text: str, pos: int, word: str) -> list[int]:
    """Candidate starts of a relative expression around the trigger word at ``pos``."""
    lo = max(0, pos - 24)
    starts = []
    if word in ("this", "last", "next"):
        m = _REL_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    if word in ("ago", "earlier", "later", "before", "after", "previously", "prior"):
        m = _REL_NUM_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    if word in ("before", "after", "next", "following", "previous", "preceding", "weekend", "same"):
        m = _REL_THE_BACK_RE.search(text, max(0, pos - 10), pos)
        if m:
            starts.append(m.start())
    if word == "that":
        m = _REL_THAT_BACK_RE.search(text, lo, pos)
        if m:
            starts.append(m.start())
    starts.append(pos)
    return starts


def _relative_at(text: str, pos: int, word: str, out: list[_Cand], done: int) -> int:
    """Try the relative family around the keyword at ``pos``; return where the match ended."""
    for start in _rel_starts(text, pos, word):
        mt = _REL_RE.match(text, start)
        if mt and mt.end() > pos:
            _on_relative(text, mt, out)
            return mt.end()
    return done


def _candidates(text: str) -> list[_Cand]:
    """Every recognised expression (overlapping), then the best non-overlapping set.

    One trigger pass finds the tokens a date can start with (a digit, a month
    or weekday name, a relative keyword); the family patterns are then only
    tried, anchored, at those offsets.
    """
    cands: list[_Cand] = []
    rel_done = -1
    m0 = _LOWER_AT0_RE.match(text)
    if m0:
        rel_done = _relative_at(text, 0, m0.group(), cands, rel_done)
    for tm in _LOWER_TRIGGER_RE.finditer(text):
        pos = tm.start(1)
        if pos >= rel_done:
            rel_done = _relative_at(text, pos, tm.group(1), cands, rel_done)
    rel_done = -1
    for tm in _TRIGGER_RE.finditer(text):
        pos = tm.start()
        tok = tm.group()
        ch = tok[0]
        if ch.isdigit():
            for rx, fn in ((_FULL_RE, _on_full), (_MD_RE, _on_month_day), (_YEAR_RE, _on_year)):
                mt = rx.match(text, pos)
                if mt:
                    fn(text, mt, cands)
            continue
        if ch in "'’":
            mt = _YEAR_RE.match(text, pos)
            if mt:
                _on_year(text, mt, cands)
            continue
        kind = _TRIGGER_KIND.get(tok)
        if kind == "month":
            for rx, fn in ((_FULL_RE, _on_full), (_MY_RE, _on_month_year), (_MD_RE, _on_month_day),
                           (_MONTH_RE, _on_month_alone)):
                mt = rx.match(text, pos)
                if mt:
                    fn(text, mt, cands)
        elif kind == "weekday":
            mt = _WEEKDAY_RE.match(text, pos)
            if mt:
                _on_weekday(text, mt, cands)
        elif kind == "rel" and pos >= rel_done:
            rel_done = _relative_at(text, pos, tok.lower(), cands, rel_done)
    urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)] if "://" in text or "www." in text else []
    return _merge_weekdays(text, _select(cands, urls))


# --------------------------------------------------------------------------- resolution


def _fmt(gran: str, y: int, m: int = 1, d: int = 1) -> str:
    """ISO text at ``gran``: 2019-12-30, 2019-12, 2019 or 1990s."""
    if gran == "day":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if gran == "month":
        return f"{y:04d}-{m:02d}"
    if gran == "decade":
        return f"{y:04d}s"
    return f"{y:04d}"


def _week(d: _dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Tense cues ``(start, end, kind)`` in ``[lo, hi)``; kind is "fut", "past" or "pres"."""
    out = []
    for m in _CUE_RE.finditer(text, lo, hi):
        tok = m.group()
        if tok == "ed":  # an "-ed" word: take it whole, lower case and not "need", "hundred"...
            ws = m.start()
            while ws > lo and text[ws - 1].isalpha():
                ws -= 1
            word = text[ws:m.end()]
            if word.islower() and word not in _NOT_PAST:
                out.append((ws, m.end(), "past"))
        else:
            out.append((m.start(), m.end(), _CUE_KIND.get(tok, "fut")))  # "'ll", "'s due to"
    return out


def _tense(text: str, sent: tuple[int, int], s: int, e: int) -> str | None:
    """Which way the clause around ``[s, e)`` points: "past", "future", "present" or None.

    First the clause before the date (from the last comma/conjunction), where a
    future cue wins over a past one ("will be held on Monday"); then the clause
    after it ("On Monday, the council will vote"); then the nearest cue in the
    rest of the sentence.  Cheap heuristics, but they only pick between two
    candidate dates a week or a year apart, and the choice is recorded.
    """
    a, b = max(sent[0], s - _TENSE_REACH), min(sent[1], e + _TENSE_REACH)
    cues = _cues(text, a, b)
    if not cues:
        return None
    bounds = [(m.start(), m.end()) for m in _BOUNDARY_RE.finditer(text, a, b)]
    cut = max((be for bs, be in bounds if be <= s), default=a)
    found = {k for cs, ce, k in cues if cs >= cut and ce <= s}
    for kind in ("fut", "past", "pres"):
        if kind in found:
            return _TENSE[kind]
    lo = e
    while lo < b and text[lo] in " ,;:—–-\t":
        lo += 1
    hi = min((bs for bs, be in bounds if bs >= lo), default=b)
    for cs, ce, k in cues:
        if cs >= lo and ce <= hi:
            return _TENSE[k]
    before = [k for cs, ce, k in cues if ce <= s]
    if before:
        return _TENSE[before[-1]]
    rest = [k for cs, ce, k in cues if cs >= e]
    return _TENSE[rest[0]] if rest else None


_TENSE = {"fut": "future", "past": "past", "pres": "present"}
#: A month-day without a year follows the tense only within this many days of
#: publication; beyond it the nearest occurrence wins (writers drop the year
#: for dates close to the article, and tense cues are only heuristics).
_MD_REACH = 240
#: How far (characters) tense cues are looked for around a date; it also keeps a
#: huge unpunctuated "sentence" from making extraction quadratic.
_TENSE_REACH = 240


def _nearest(cands: list[_dt.date], pub: _dt.date, tense: str | None,
             reach: int | None = None) -> tuple[_dt.date, str]:
    """Pick among candidate dates: future -> first on/after pub, past -> last on/before, else nearest.

    With ``reach`` (days), the tense only wins when its date is that close:
    "back from April 24 to April 29" in an article of April 24 means the coming
    April 29 even if a past-tense verb is near, not the one a year ago.
    """
    cands = sorted(cands)
    if tense == "future":
        after = [c for c in cands if c >= pub and (reach is None or (c - pub).days <= reach)]
        if after:
            return after[0], "future"
    if tense == "past":
        before = [c for c in cands if c <= pub and (reach is None or (pub - c).days <= reach)]
        if before:
            return before[-1], "past"
    best = min(cands, key=lambda c: (abs((c - pub).days), c > pub))
    return best, "past" if best <= pub else "future"


def _shift(value: str, gran: str, unit: str, n: int) -> tuple[str | None, str | None]:
    """``value`` (ISO at ``gran``) moved by ``n`` ``unit``s, at the unit's granularity."""
    if _GRAN_ORDER[gran] > _GRAN_ORDER[unit] or (gran == "decade" and unit != "decade"):
        return None, f"anchor too coarse for a {unit} offset"
    if unit == "decade":  # "two decades later": the decade of the year moved by 20 years
        return _fmt("decade", (int(value[:4]) + 10 * n) // 10 * 10), None
    if gran == "day":
        base = _dt.date.fromisoformat(value)
    elif gran == "week":
        y, w = value.split("-W")
        base = _dt.date.fromisocalendar(int(y), int(w), 4)
    elif gran == "month":
        base = _dt.date(int(value[:4]), int(value[5:7]), 1)
    else:
        base = _dt.date(int(value[:4]), 1, 1)
    try:
        if unit == "day":
            return (base + _dt.timedelta(days=n)).isoformat(), None
        if unit == "week":
            return _week(base + _dt.timedelta(days=7 * n)), None
        if unit == "month":
            k = base.year * 12 + base.month - 1 + n
            return _fmt("month", k // 12, k % 12 + 1), None
        return _fmt("year", base.year + n), None
    except (OverflowError, ValueError):
        return None, NOT_A_DATE


@dataclass
class _Out:
    """A resolved claim, before it becomes a :class:`Claim`."""

    c: _Cand
    value: str | None
    gran: str
    relative: bool = False
    reason: str | None = None
    anchor: str | None = None
    anchor_source: str | None = None
    tense: str | None = None
    weekday_matches: bool | None = None
    year_inferred: bool = False


def _resolve_one(c: _Cand, pub: _dt.date | None, tense: str | None) -> _Out:
    """Resolve everything except "offset" forms, which need their neighbours."""
    pub_iso = pub.isoformat() if pub else None
    if c.form == "abs":
        assert c.y is not None
        if c.invalid:
            return _Out(c, None, c.gran, reason=NOT_A_DATE)
        o = _Out(c, _fmt(c.gran, c.y, c.m or 1, c.d or 1), c.gran)
        if c.wd is not None and c.m is not None and c.d is not None:
            o.weekday_matches = _dt.date(c.y, c.m, c.d).weekday() == c.wd
        return o
    if c.form == "decade2":
        assert c.y is not None
        if c.y >= 30:
            return _Out(c, f"19{c.y:02d}s", "decade")
        if pub is None:
            return _Out(c, None, "decade", reason=CENTURY)
        cent = 2000 if 2000 + c.y <= pub.year else 1900
        return _Out(c, f"{cent + c.y}s", "decade", relative=True, anchor=pub_iso, anchor_source="publication")
    o = _Out(c, None, c.gran, relative=True, tense=tense or "past")
    if c.form == "pub":  # "today", "this year": present unless the clause says otherwise
        o.tense = tense or "present"
    if pub is None:
        o.reason = PUB_UNKNOWN
        if c.form == "md":
            o.year_inferred = True
        return o
    o.anchor, o.anchor_source = pub_iso, "publication"
    if c.form == "md":
        assert c.m is not None and c.d is not None
        o.year_inferred = True
        days = [x for x in (make_date(pub.year + k, c.m, c.d) for k in (-1, 0, 1)) if x is not None]
        if c.rel == "this":
            days = [x for x in days if x.year == pub.year]
        if not days:
            o.reason = NOT_A_DATE
            return o
        want = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(c.rel or "")
        picked, direction = _nearest(days, pub, want or tense, None if want else _MD_REACH)
        o.value = picked.isoformat()
        o.tense = tense or direction
        if c.wd is not None:
            o.weekday_matches = picked.weekday() == c.wd
    elif c.form in ("month", "monthrel"):
        assert c.m is not None
        if c.form == "monthrel":
            y = pub.year + c.n
        elif c.rel in ("last", "this past"):
            y = pub.year if c.m < pub.month else pub.year - 1
        elif c.rel in ("next", "this coming"):
            y = pub.year if c.m > pub.month else pub.year + 1
        elif c.rel == "this":
            y = pub.year
        else:
            # No tense cue: the nearest such month (a writer drops the year of a close one).
            firsts = [_dt.date(pub.year + k, c.m, 1) for k in (-1, 0, 1)]
            picked, direction = _nearest(firsts, pub.replace(day=1), tense)
            o.tense = tense or direction
            y = picked.year
        o.value = _fmt("month", y, c.m)
    elif c.form == "weekday":
        assert c.wd is not None
        back = (pub.weekday() - c.wd) % 7
        fwd = (c.wd - pub.weekday()) % 7
        if c.rel in ("last", "this past"):
            delta = -(back or 7)
        elif c.rel in ("next", "this coming"):
            delta = fwd or 7
        elif tense == "future":
            delta = fwd
        elif tense == "present":
            delta = -back if back <= fwd else fwd
        else:
            delta = -back
        o.value = (pub + _dt.timedelta(days=delta)).isoformat()
    elif c.form == "pub":
        if c.unit == "day":
            o.value = (pub + _dt.timedelta(days=c.n)).isoformat()
        elif c.unit == "week":
            o.value = _week(pub + _dt.timedelta(days=7 * c.n))
        elif c.unit == "month":
            k = pub.year * 12 + pub.month - 1 + c.n
            o.value = _fmt("month", k // 12, k % 12 + 1)
        elif c.unit == "decade":  # "two decades ago"
            o.value = _fmt("decade", (pub.year + 10 * c.n) // 10 * 10)
        else:
            o.value = _fmt("year", pub.year + c.n)
    elif c.form == "weekend":  # "at the weekend": the one before or after publication, by the tense
        o.tense = tense or "past"
        sat = pub - _dt.timedelta(days=(pub.weekday() - 5) % 7)  # the Saturday on or before pub
        if pub.weekday() < 5 and tense in ("future", "present"):
            sat += _dt.timedelta(days=7)  # "will travel over the weekend": the coming one
        o.value = _week(sat)
    return o


def _own_direction(c: _Cand) -> str | None:
    """The tense a relative expression states itself ("yesterday", "next Monday", "later this month").

    When it has one, no cue in the sentence is needed (or looked for).
    """
    if c.form in ("pub", "monthrel"):
        if c.n < 0 or c.modifier == "earlier":
            return "past"
        if c.n > 0 or c.modifier == "later":
            return "future"
        return None
    return {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(c.rel or "")


def _resolve(text: str, pub: _dt.date | None, cands: list[_Cand],
             sents: list[tuple[int, int]]) -> list[_Out]:
    """Resolve the candidates in text order.

    Offsets ("a month before that", "a day before Dec. 30") go last, because
    they need the value of the claim before or after them.
    """
    outs: list[_Out | None] = [None] * len(cands)
    for k, c in enumerate(cands):
        if c.form not in ("offset", "prevyear"):
            tense = None
            if c.form not in ("abs", "decade2"):
                tense = _own_direction(c) or _tense(text, sents[k], c.start, c.end)
            out = _resolve_one(c, pub, tense)
            if c.form == "abs":
                # Recorded, never used to resolve: a rule checks it against the publication date.
                out.tense = _tense(text, sents[k], c.start, c.end)
            outs[k] = out
    done: list[_Out] = []
    for k, c in enumerate(cands):
        o = outs[k]
        if o is None:
            o = _Out(c, None, c.gran if c.form == "prevyear" else c.unit, relative=True,
                     tense=_tense(text, sents[k], c.start, c.end) or "past")
            anchor: _Out | None = None
            if c.anchor == "previous":
                anchor = done[-1] if done else None
                o.anchor_source = "previous-claim"
                if anchor is None:
                    o.reason = NO_PREVIOUS
            elif c.anchor == "following":
                nxt = outs[k + 1] if k + 1 < len(cands) else None
                if nxt is not None and re.fullmatch(rf"{_SP}*", text[c.end:cands[k + 1].start]):
                    anchor = nxt
                    o.anchor_source = "following-claim"
                else:
                    o.reason = EVENT_ANCHOR
            else:
                o.reason = EVENT_ANCHOR
            if anchor is not None:
                if anchor.value is None:
                    o.reason = anchor.reason
                elif c.form == "prevyear":  # "September of that year", "April 18 of that year"
                    o.anchor = anchor.value
                    o.value, o.reason = _shift(anchor.value, anchor.gran, "year", 0)
                    if o.value is not None and c.m is not None:
                        day = make_date(int(o.value), c.m, c.d or 1)
                        o.value = None if day is None else _fmt(c.gran, day.year, day.month, day.day)
                        o.reason = NOT_A_DATE if day is None else None
                else:
                    o.anchor = anchor.value
                    o.value, o.reason = _shift(anchor.value, anchor.gran, c.unit, c.n)
            outs[k] = o
        done.append(o)
    return done


def _attrs(o: _Out, datelines: set[tuple[int, int]], text: str) -> dict[str, Any]:
    """The claim's attributes: always the same keys (see the module docstring)."""
    c = o.c
    return {
        "granularity": o.gran,
        "modifier": c.modifier,
        "relative": o.relative,
        "resolved": o.value,
        "reason": o.reason,
        "anchor": o.anchor,
        "anchor_source": o.anchor_source,
        "tense": o.tense,
        "weekday": c.wd_text,
        "weekday_matches": o.weekday_matches,
        "year_inferred": o.year_inferred,
        "range_end": _fmt("year", c.range_end) if c.range_end is not None else None,
        "dateline": (c.start, c.end) in datelines or (not o.relative and _on_dateline(text, c.start, c.end)),
    }


def _on_dateline(text: str, start: int, end: int) -> bool:
    """A date on a line of its own with a time or a "Posted"/"Updated" label: a
    timestamp of the article, not of anything it reports."""
    ls, le = line_bounds(text, start, end)
    return le - ls <= 80 and dateline_like(text[ls:le], start - ls, end - ls)


@register("dates")
def extract(doc: Document) -> Iterator[Claim]:
    """Date claims of ``doc`` in text order (see the module docstring for forms and attributes).

    A document in another language goes to dateparser (:mod:`factcheck.claims.dates_intl`):
    this grammar reads English only.
    """
    if doc.lang != "en":
        from factcheck.claims import dates_intl

        yield from dates_intl.extract(doc)
        return
    text = doc.text
    cands = _candidates(text)
    if not cands:
        return
    sents = [sentence_bounds(text, c.start, c.end) for c in cands]
    datelines = {(d.start, d.end) for d in doc.date_candidates if d.start >= 0}
    for o, sent in zip(_resolve(text, doc.pub_date, cands, sents), sents, strict=True):
        yield make_claim("date", doc, o.c.start, o.c.end, o.value, sentence=sent, **_attrs(o, datelines, text))
