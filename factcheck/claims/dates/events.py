"""What a date dates: the event word it attaches to ("the June 20 shooting", "was killed June 24").

An article of one story names many days of one week -- the shooting, the
arrest, the funeral -- and two articles that each give one of them are only
telling of one event if their dates date the same thing.  Closeness in time
cannot tell "his June 24 murder" from "the June 20 shooting"; the word the date
is attached to can.  This reads that word from the sentence around a date, with
no parser, in the three shapes news prose dates an event:

* attributive: the date between a determiner (or possessive) and a noun --
  "the June 20, 2005 shooting", "his June 24 murder", "in the July 8
  announcement": the noun after the date;
* adverbial: the date after the verb or event noun of its clause, walking back
  over prepositions, auxiliaries and the words of a "by" phrase to the nearest
  verb form -- "was killed June 24", "died in hospital on December 19", "found
  by a motel maid July 27", "which ends January 31" -- where a verb that only
  says something took place ("happened", "occurred", "took place", "was") is
  replaced by its subject: "the break which happened on 8 October" dates the
  break, "the death occurred July 24" the death;
* fronted: a date opening its clause ("On October 21, the club signed ...")
  dates the clause's verb, read forward.

The word is normalised to a crude stem ("killed", "killing" -> "kill"; "ends",
"end" -> "end"; "announced", "announcement" -> "announc"), and common irregular
past forms to their base ("found" -> "find").  Words of different stems are
different events: "murder" is not "shooting" (a man shot on June 20 may die on
June 24) and "death" is not "found" (a body found on July 27 may have died on
July 24), so no synonym families are made.  Verbs of saying ("said", "told")
date a statement, not the event the story is about, and a date read as their
object is left without an event (None), as is any date whose clause shows none
of these shapes: the rule then falls back on closeness alone.
"""

from __future__ import annotations

import re

#: A word, with inner apostrophes and hyphens ("Collins'", "follow-up").
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: What ends a clause when walking from the date: a verb of another clause is not its event.
_CLAUSE_END_RE = re.compile(r"[;:()\"“”]|,|\band\b|\bbut\b|\bafter\b|\bbefore\b|\bwhen\b")

#: Words that introduce the noun a date modifies attributively ("the June 20 shooting").
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "last", "next",
                          "since", "until"})
#: Prepositions and particles between a verb and its date ("died in hospital on December 19").
_PREPOSITIONS = frozenset({"on", "in", "at", "by", "of", "since", "until", "till", "through", "from", "to", "as",
                           "around", "about", "early", "late", "mid", "last", "this", "next", "the", "a", "an",
                           "sometime", "shortly", "just", "only", "also", "then", "later", "earlier", "effective",
                           "during", "for", "with", "into", "over"})
#: Auxiliaries and modals: the word after one is a verb ("will end", "to be completed").
_AUXILIARIES = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does",
                          "do", "to", "be", "been", "being", "is", "are", "was", "were", "has", "have", "had",
                          "which", "that", "who", "not", "also"})
#: Nouns that name a day, not an event: the noun before one says whose day it is.
_GENERIC = frozenset({"date", "day", "deadline", "anniversary"})
#: Pronouns and determiners: never the verb after "to" or "that" ("to its customers").
_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your", "the", "a", "an", "this", "these", "those",
                       "it", "he", "she", "they", "we", "them", "him", "us", "there", "some", "any", "all", "no"})
#: Verbs that only say an event took place (or was made): the event is their object, or
#: with none their subject ("held a hearing", "the funeral was held", "the announcement was made").
_LIGHT = frozenset({"happened", "happens", "happen", "occurred", "occurs", "occur", "took", "takes", "take",
                    "place", "came", "comes", "was", "were", "is", "are", "be", "been", "scheduled", "set",
                    "slated", "due", "held", "made", "make", "makes"})
#: Relative and subject words skipped on the way back from a light verb to its subject.
_TO_SUBJECT = frozenset({"which", "that", "who", "has", "have", "had", "will", "would", "is", "was", "were", "are",
                         "been", "be", "reportedly", "apparently", "probably", "also", "actually"})
#: Verbs of saying: they date a statement, not the event the story tells.
_SAYING = frozenset({"say", "said", "says", "saying", "tell", "told", "tells", "add", "added", "adds", "state",
                     "stated", "states", "note", "noted", "notes", "report", "reported", "reports", "write",
                     "wrote", "writes", "quote", "quoted", "claim", "claimed", "claims"})
#: Irregular past forms news dates events with, to their base.
_IRREGULAR = {
    "found": "find", "shot": "shoot", "struck": "strike", "began": "begin", "begun": "begin", "won": "win",
    "met": "meet", "took": "take", "taken": "take", "made": "make", "left": "leave", "fell": "fall",
    "hit": "hit", "broke": "break", "broken": "break", "led": "lead", "sent": "send", "lost": "lose",
    "came": "come", "went": "go", "gone": "go", "ran": "run", "rose": "rise", "became": "become",
    "built": "build", "sold": "sell", "bought": "buy", "paid": "pay", "quit": "quit", "beat": "beat",
    "beaten": "beat", "caught": "catch", "fought": "fight", "flew": "fly", "gave": "give", "given": "give",
    "held": "hold", "hung": "hang", "sat": "sit", "stood": "stand", "spent": "spend", "stole": "steal",
    "stolen": "steal", "threw": "throw", "thrown": "throw", "chose": "choose", "chosen": "choose",
    "drove": "drive", "driven": "drive", "froze": "freeze", "shook": "shake", "slain": "slay", "slew": "slay",
    "swore": "swear", "sworn": "swear", "born": "bear", "bore": "bear", "wed": "wed", "hurt": "hurt",
    "cut": "cut", "put": "put", "set": "set", "shut": "shut", "split": "split", "spread": "spread",
    "sank": "sink", "sunk": "sink", "woke": "wake", "knew": "know", "known": "know", "saw": "see",
    "seen": "see", "bled": "bleed", "fled": "flee", "dealt": "deal", "meant": "mean", "kept": "keep",
    "slept": "sleep", "swept": "sweep", "wept": "weep", "bent": "bend", "lent": "lend", "dug": "dig",
    "stuck": "stick", "underwent": "undergo", "withdrew": "withdraw", "died": "die", "dies": "die", "dying": "die",
}
#: Past forms in "-ed" that are adjectives or nouns far more often than event verbs.
_NOT_VERBS = frozenset({"red", "bed", "need", "speed", "seed", "feed", "deed", "reed", "heed", "creed", "greed",
                        "steed", "weed", "shed", "hundred", "indeed", "united", "limited", "based", "related",
                        "called", "named", "dated", "so-called", "aged", "alleged", "accused", "deceased", "wounded",
                        "armed", "unnamed", "supposed"})


def event_of(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """The stem of the event the date at ``text[start:end]`` dates, read within its
    ``sentence`` span; None when its clause shows no event (see the module docstring).

    Pure and deterministic: the same text and spans give the same key, and any spans
    (even outside the text) give a string or None, never an error.
    """
    lo, hi = max(0, sentence[0]), min(len(text), sentence[1])
    start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
    head = text[lo:start]
    before = _clause_before(head)
    after = _clause_after(text[end:hi])
    found = _attributive(before, after) or _of_noun(before) or _adverbial(before)
    if found is None:
        if not any(w.islower() and w not in _PREPOSITIONS for w in _WORD_RE.findall(head)):
            found = _fronted(after)  # the date opens its sentence
        elif not before:
            found = _apposed(head)
    if found is None or found in _SAYING:
        return None
    return normalise(found)


#: Stems of one act told in other words: a person is killed once, and an outlet's "murder" or
#: "slaying" of the victim is that killing in legal or journalistic words.  Not "shoot" (a man
#: shot on one day may die on another), nor "die" (a death may come days after the attack).
_FAMILIES = {"murder": "kill", "slay": "kill", "assassinat": "kill"}


def normalise(word: str) -> str:
    """A crude stem of an event word: inflection and "-ment" dropped, irregular pasts to their
    base, and the few words of one act to one stem (:data:`_FAMILIES`)."""
    stems = [_stem(w) for w in word.split()]
    return " ".join(_FAMILIES.get(w, w) for w in stems)


def _stem(word: str) -> str:
    """:func:`normalise` without the families."""
    w = word.casefold().replace("’", "'").strip("'-")
    w = _IRREGULAR.get(w, w)
    for suffix in ("ments", "ment"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[:-len(suffix)]
            break
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[:-len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    # A doubled final consonant left by "-ing"/"-ed" ("shopping" -> "shopp"): one is the stem's.
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


def _clause_before(text: str) -> list[str]:
    """The words of the clause before the date, nearest last (a clause break cuts them)."""
    cut = 0
    for m in _CLAUSE_END_RE.finditer(text):
        cut = m.end()
    # A weekday before the date ("discovered Tuesday, July 27") belongs to it, not to the clause.
    rest = text[cut:]
    if not rest.strip() and cut > 0:
        head = text[:cut].rstrip(", ")
        words = _WORD_RE.findall(head)
        if words and words[-1].casefold() in _WEEKDAYS:
            return _clause_before(head[:head.casefold().rfind(words[-1].casefold())])
    return _WORD_RE.findall(rest)


def _clause_after(text: str) -> list[str]:
    """The words after the date up to the next clause break (a year's comma skipped)."""
    text = re.sub(r"^[\s,]*\d{4}\b|^['’]s\b", "", text)  # the year's comma; "the 1980's"
    m = _CLAUSE_END_RE.search(text.lstrip(" ,"))
    return _WORD_RE.findall(text.lstrip(" ,")[:m.start()] if m else text)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _attributive(before: list[str], after: list[str]) -> str | None:
    """"the June 20 shooting": a determiner or possessive right before, a noun right after."""
    if not before or not after:
        return None
    last = before[-1].casefold()
    if last.endswith("ed") and len(before) > 1 and before[-1].islower():
        last = before[-2].casefold()  # "the sequel's scheduled November 22 release date"
    if last not in _DETERMINERS and not last.endswith(("'s", "’s")):
        return None
    if last in ("since", "until", "last", "next", "this", "that"):
        return None  # "since June 20": a preposition here, not a determiner
    nouns: list[str] = []
    for w in after[:3]:
        if not w.islower() or w in _AUXILIARIES or w in _PREPOSITIONS:
            break
        nouns.append(w)
    if not nouns:
        return None
    if nouns[-1] in _GENERIC and len(nouns) > 1:
        return " ".join(nouns[-2:])  # "the November 22 release date": the release's date
    # "the June 20 attempted murder" is not the murder: the attempt is its own event.
    attempt = any(w in ("attempted", "attempt", "alleged", "planned", "failed", "foiled") for w in nouns[:-1])
    return f"attempt {nouns[-1]}" if attempt else nouns[-1]


def _of_noun(before: list[str]) -> str | None:
    """"a release date of 22 November": the noun the date is "of" (with the noun before a
    generic one, :data:`_GENERIC`)."""
    if len(before) < 2 or before[-1].casefold() != "of":
        return None
    noun = before[-2]
    if not noun.islower() or noun.endswith("ed") or noun in _PREPOSITIONS or noun in _AUXILIARIES or noun in _PRONOUNS:
        return None
    if noun in _GENERIC and len(before) > 2 and before[-3].islower() and before[-3] not in _DETERMINERS:
        return f"{before[-3]} {noun}"
    return noun if noun in _GENERIC or not _is_verb(before, len(before) - 2) else None


def _is_verb(words: list[str], i: int) -> bool:
    """Is ``words[i]`` a verb form: a past in "-ed" or an irregular past, or a word after an
    auxiliary ("will end", "which ends")?"""
    w = words[i].casefold()
    if not words[i].islower() or w in _NOT_VERBS or w in _PRONOUNS:
        return False
    if (w.endswith("ed") and len(w) >= 4) or w in _IRREGULAR or w in _SAYING:
        return True
    prev = words[i - 1].casefold() if i > 0 else ""
    if w.endswith("ing") and len(w) > 5 and prev in ("with", "for"):
        return True  # a gerund after a preposition: "charged with murdering the deputy on June 24"
    return prev in _AUXILIARIES and w not in _AUXILIARIES and w not in _PREPOSITIONS


def _adverbial(before: list[str]) -> str | None:
    """The nearest verb back from the date within its clause; a light verb's subject instead."""
    for i in range(len(before) - 1, max(-1, len(before) - 9), -1):
        w = before[i].casefold()
        if w in _LIGHT and (w != "place" or (i > 0 and before[i - 1].casefold() in ("took", "take", "takes"))):
            # "held a press conference July 13": the light verb's object is the event; with none
            # ("the funeral was held on June 28"), its subject is.
            objects = [o for o in before[i + 1:] if o.islower() and o not in _PREPOSITIONS and o not in _AUXILIARIES]
            if objects and w != "place":
                return objects[-1]
            return _subject(before, i - (2 if w == "place" else 1))
        if _is_verb(before, i):
            return before[i]
    return None


def _subject(before: list[str], i: int) -> str | None:
    """The noun a light verb at ``i + 1`` says took place: back over relative words and auxiliaries."""
    while i >= 0 and before[i].casefold() in _TO_SUBJECT:
        i -= 1
    if i < 0 or not before[i].islower() or before[i] in _PREPOSITIONS or before[i] in _AUXILIARIES:
        return None
    return before[i]


def _apposed(head: str) -> str | None:
    """A date set off by a comma after the word it dates ("held a press conference, July 13"):
    that word, when it is a lowercase content word."""
    words = _WORD_RE.findall(head[:head.rfind(",")] if "," in head else "")
    if not words:
        return None
    w = words[-1]
    return w if w.islower() and w not in _PREPOSITIONS and w not in _AUXILIARIES else None


def _fronted(after: list[str]) -> str | None:
    """A date opening its clause ("On October 21, the club signed ..."): the clause's first verb."""
    for i in range(min(len(after), 8)):
        if _is_verb(after, i):
            return after[i]
    return None
