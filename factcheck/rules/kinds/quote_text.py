"""What a quote says, apart from how an outlet printed it; and what a changed word does to it.

Two outlets print one remark differently for reasons that are not drift: an
editor's insertion "(Tara Reid)" or "[its direction]", an ellipsis where
words were left out, a time written "18:41" or "6:41pm PST", a figure written
"5,000", "5000" or "five thousand", "10%" or "ten per cent", a month "Dec." or
"December".  :func:`normalise` rewrites a quote into one form so that none of
these shows up as changed wording.  Numbers in words and digits are compared
through the claim extractors' own parser (``numwords.parse_number``), and
month abbreviations through the calendar's table, not tables of our own.

What remains is classified by :func:`classify`: a change of *meaning* (a
hedge or a negation added or dropped -- counted, so a negation that only
moves is none --, a number or a name changed, a content word replaced by a
word that is neither a synonym nor a form of it) is worth a warning; a change
of *wording* (a modifier added or dropped, a paraphrase, a synonym, a typo of
the same word) or of function words only ("the", "that", "has") is a
transcription detail, worth an info note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.calendar import MONTHS
from factcheck.claims.numwords import parse_number, parse_ordinal
from factcheck.rules.kinds.quote_words import near_spelling, same_lemma, synonyms, typo

#: The token an ellipsis becomes: words were left out here.
GAP = "…"

_EDITORIAL_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…")
_ZONES = "GMT|UTC|BST|CET|CEST|EDT|EST|PDT|PST|CDT|CST|MDT|MST|ET|PT|CT|MT"
# "6:41pm", "6:41 p.m.", "6 p.m.", "6.30pm" (a meridian makes a bare hour a time), then an optional zone.
_MERIDIAN_RE = re.compile(rf"\b(\d{{1,2}})(?:[:.](\d{{2}}))?\s?([ap])\.?\s?m\b\.?(?:\s+(?:{_ZONES})\b)?", re.I)
_CLOCK_RE = re.compile(rf"\b(\d{{1,2}}):(\d{{2}})\b(?:\s+(?:{_ZONES})\b)?")
_DOMAIN_RE = re.compile(r"(?<=\w)\.(?:com|org|net)\b", re.I)  # "MySpace.com" / "MySpace"
# "0241 GMT": four digits are a time only with a zone after them (else a year, a number).
_MILITARY_RE = re.compile(rf"\b([01]\d|2[0-3]):?([0-5]\d)\s*(?:{_ZONES})\b")
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PERCENT_RE = re.compile(r"\s?%|\bper\s+cent\b", re.I)
_ABBR = sorted((m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")), key=len, reverse=True)
_MONTH_NAME = {n: full for full, n in MONTHS.items() if len(full) > 4 or full in ("may", "june", "july")}
# "Dec. 3", "Dec 3", "Sept. 11": an abbreviation with a dot, or before a day number ("Mar" alone is a verb).
_MONTH_ABBR_RE = re.compile(rf"\b({'|'.join(a.capitalize() for a in _ABBR)})(?:\.|(?=\s+\d))")
_SPACES_RE = re.compile(r"\s+")


def _clock(hour: int, minute: int) -> str:
    """One spelling of a time of day: 24-hour, no leading zero, and a whole hour
    as the bare hour ("9:00" and "9" are one time)."""
    return f"{hour}" if minute == 0 else f"{hour}:{minute:02d}"


def _meridian(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return m.group(0)
    hour = hour % 12 + (12 if m.group(3).casefold() == "p" else 0)
    return _clock(hour, minute)


def _clock24(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)), int(m.group(2))
    return _clock(hour, minute) if hour <= 24 and minute <= 59 else m.group(0)


def normalise(text: str) -> str:
    """The quote with every difference of presentation removed.

    Editorial insertions in brackets or parentheses are the outlet's words,
    not the speaker's, and go; an ellipsis becomes :data:`GAP`; times, digit
    groups, percent signs and month abbreviations take one form.  Idempotent:
    a normalised quote normalises to itself.
    """
    prev = None
    while prev != text:  # "((x))" and "[a (b) c]": strip innermost first until none is left
        prev, text = text, _EDITORIAL_RE.sub(" ", text)
    text = _ELLIPSIS_RE.sub(f" {GAP} ", text)
    text = _MERIDIAN_RE.sub(_meridian, text)
    text = _MILITARY_RE.sub(_clock24, text)
    text = _CLOCK_RE.sub(_clock24, text)
    text = _THOUSANDS_RE.sub("", text)
    text = _DOMAIN_RE.sub("", text)
    text = _PERCENT_RE.sub(" percent", text)
    text = _MONTH_ABBR_RE.sub(lambda m: _MONTH_NAME[MONTHS[m.group(1).casefold()]].capitalize(), text)
    return _SPACES_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------- classification

_DATA = Path(__file__).resolve().parents[2] / "claims" / "data"

NEGATIONS = frozenset("not no never none nobody nothing neither nor nowhere cannot without".split())
#: Hedges: words that make a statement less certain.  "I think" and its kin are two words.
HEDGES = frozenset("maybe probably possibly perhaps may might could likely unlikely allegedly apparently "
                   "reportedly supposedly presumably seemingly".split())
HEDGE_PHRASES = (("i", "think"), ("i", "believe"), ("i", "guess"), ("i", "suppose"), ("i", "suspect"),
                 ("i", "feel"), ("we", "think"), ("we", "believe"))
# Words of the stopword list that still say something: a time ("yesterday", "last week"),
# a degree or frequency ("very", "always", "only").  Dropping one changes what was said.
_SAYS_SOMETHING = frozenset("""
today tonight tomorrow yesterday morning evening afternoon night week weekend month year first second third
fourth fifth last next previous very too really often sometimes always ever recently currently finally later
earlier soon only even still already again once twice few many much most more less least
before after since until till during against instead otherwise altogether overall
sources source officials official christmas easter thanksgiving halloween
""".split())


def _function_words() -> frozenset[str]:
    out = set()
    for line in (_DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().casefold()
        if word:
            out.add(word)
    # "did"+"n't" in tokenised text: the contraction pieces are function words too.
    out |= {"'s", "'m", "'re", "'ve", "'ll", "'d", "s", "m", "re", "ve", "ll", "d", "am", "will", "won't"}
    return frozenset(out - _SAYS_SOMETHING - NEGATIONS - HEDGES)


#: Closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries.
FUNCTION_WORDS = _function_words()


def is_negation(word: str) -> bool:
    w = word.casefold().replace("’", "'")
    return w in NEGATIONS or w.endswith("n't")


def _number(phrase: str) -> float | None:
    ordinal = parse_ordinal(phrase)
    if ordinal is not None:
        return ordinal
    value = parse_number(phrase)
    if value is not None:
        return value
    digits = phrase.replace(":", "")
    return float(digits) if digits.isascii() and digits.isdigit() else None


def numbers(ws: Sequence[str]) -> list[float]:
    """Numbers a run of words states, "five thousand" as one number."""
    whole = _number(" ".join(ws).casefold())
    if whole is not None:
        return [whole]
    return [v for v in (_number(w.casefold()) for w in ws) if v is not None]


def hedges(ws: Sequence[str]) -> list[str]:
    low = [w.casefold() for w in ws]
    out = [" ".join(ws[i:i + 2]) for i in range(len(low) - 1) if (low[i], low[i + 1]) in HEDGE_PHRASES]
    # "May" written with a capital inside a quote is the month, not the hedge.
    return out + [w for w, lw in zip(ws, low, strict=True) if lw in HEDGES and w != "May"]


_SUFFIX_RE = re.compile(r"(?:ing|ed|es|s|d)$")


def same_stem(a: str, b: str) -> bool:
    """One word in another inflection ("want"/"wanted", "damaged"/"damages"): a slip of
    transcription or tense, not another word."""
    x, y = a.casefold(), b.casefold()
    return x != y and min(len(x), len(y)) >= 4 and _SUFFIX_RE.sub("", x) == _SUFFIX_RE.sub("", y)


def leading_qualifier(ws: Sequence[str]) -> str | None:
    """The hedge or negation that ends ``ws`` ("... but I think"), when the words that
    follow are where another outlet's excerpt begins: starting the excerpt after "I
    think" or "not" changes what the speaker said, whereas starting it anywhere else
    only quotes less."""
    if len(ws) >= 2 and (ws[-2].casefold(), ws[-1].casefold()) in HEDGE_PHRASES:
        return f"{ws[-2]} {ws[-1]}"
    if ws and (hedges(ws[-1:]) or is_negation(ws[-1])):
        return ws[-1]
    return None


def is_function_word(word: str) -> bool:
    return word.casefold().replace("’", "'") in FUNCTION_WORDS


#: Words of certainty: dropping "certainly" or adding "definitely" changes how sure the speaker sounds.
CERTAINTY = frozenset("certainly definitely surely undoubtedly doubtless".split())

#: Kinds of change that alter what the quote says: worth the rule's own severity (a warning).
MEANING_KINDS = frozenset({"negation", "hedge", "number", "name", "word"})
#: Kinds that change the wording, not the meaning: added or dropped modifiers, paraphrase,
#: synonyms, a moved negation; at the ``wording_severity`` option's level (info).
WORDING_KINDS = frozenset({"wording", "synonym", "typo"})


@dataclass(frozen=True)
class Change:
    """One classified difference and what it does to the quote.

    ``kind`` is one of :data:`MEANING_KINDS` (negation, hedge, number, name, word: a
    content word replaced by an unrelated one), of :data:`WORDING_KINDS` (wording:
    words added, dropped or paraphrased; synonym; typo of the same word), form
    (another inflection of one word) or function (function words only).  ``label``
    says it in a message ("negation dropped: 'not'"), ``head`` is the part before the
    colon, which a message states once for a run of changes ("wording: 'a' -> 'b', 'c'
    dropped")."""

    kind: str
    label: str

    @property
    def meaning(self) -> bool:
        """Does this change alter what the speaker said (not only how it is worded)?"""
        return self.kind in MEANING_KINDS

    @property
    def head(self) -> str:
        return self.label.split(": ", 1)[0]


def _say(what: str, dropped: Sequence[str], added: Sequence[str]) -> str:
    parts = []
    if dropped:
        parts.append(f"{what} dropped: " + ", ".join(f"'{w}'" for w in dropped))
    if added:
        parts.append(f"{what} added: " + ", ".join(f"'{w}'" for w in added))
    return "; ".join(parts)


def _is_name(ws: Sequence[str]) -> bool:
    return bool(ws) and all(w[:1].isupper() and w != "I" for w in ws)


def _one_word(op: str, shown: str, a: str, b: str) -> Change:
    """One content word in place of another: what the replacement does.

    Another form of the word, a typo of it (one side is no word) or a synonym keeps
    the meaning; a different name, or a different real word -- a near spelling of
    two real words ("sulking"/"skulking") is the likeliest transcription error of
    all -- changes it.
    """
    if same_lemma(a, b) or same_stem(a, b):
        return Change("form", f"word form: {shown}")
    if typo(a, b):
        return Change("typo", f"misspelling: {shown}")
    if synonyms(a, b):
        return Change("synonym", f"synonym: {shown}")
    if _is_name([a]) and _is_name([b]):
        return Change("name", f"name changed: {shown}")
    if near_spelling(a, b):
        return Change("word", f"different word (a likely transcription error): {shown}")
    return Change("word", f"different word: {shown}")


def classify(op: str, a: str, b: str, ctx: str) -> Change:
    """What a word change does to a quote (``a``: the reference's words, ``b``: this quote's).

    Checked in order of weight: a negation, then a hedge or word of certainty, then a
    number; then a content word replaced by another (see :func:`_one_word`); words
    added, dropped or paraphrased are wording; what is left changed function words only.
    A negation whose count is the same on both sides ("never" / "not") is wording;
    one that moves between two changes within a clause ("didn't feel we were" / "feel we
    weren't") is relabelled by the caller (:func:`moved_negations`).
    """
    wa, wb = a.split(), b.split()
    shown = f"'{a}' dropped{ctx}" if op == "delete" else f"'{b}' added{ctx}" if op == "insert" else f"'{a}' -> '{b}'"
    neg_a, neg_b = [w for w in wa if is_negation(w)], [w for w in wb if is_negation(w)]
    if len(neg_a) != len(neg_b):
        dropped, added = (neg_a, []) if len(neg_a) > len(neg_b) else ([], neg_b)
        label = _say("negation", dropped, added)
        return Change("negation", label if op != "replace" else f"{label} ({shown})")
    hed_a, hed_b = hedges(wa), hedges(wb)
    if sorted(h.casefold() for h in hed_a) != sorted(h.casefold() for h in hed_b):
        lower_a, lower_b = {h.casefold() for h in hed_a}, {h.casefold() for h in hed_b}
        label = _say("hedge", [h for h in hed_a if h.casefold() not in lower_b],
                     [h for h in hed_b if h.casefold() not in lower_a])
        return Change("hedge", label if " ".join([*hed_a, *hed_b]) in (a, b) else f"{label} ({shown})")
    sure_a = [w for w in wa if w.casefold() in CERTAINTY]
    sure_b = [w for w in wb if w.casefold() in CERTAINTY]
    if len(sure_a) != len(sure_b):
        label = _say("certainty", sure_a if len(sure_a) > len(sure_b) else [], sure_b if len(sure_b) > len(sure_a)
                     else [])
        return Change("hedge", label if op != "replace" else f"{label} ({shown})")
    num_a, num_b = numbers(wa), numbers(wb)
    if sorted(num_a) != sorted(num_b):
        if op == "replace" and num_a and num_b:
            return Change("number", f"number changed: {a} → {b}")
        label = f"number dropped: '{a}'" if num_a else f"number added: '{b}'"
        return Change("number", label if op != "replace" else f"{label} ({shown})")
    content_a = [w for w in wa if not is_function_word(w)]
    content_b = [w for w in wb if not is_function_word(w)]
    if content_a or content_b:
        if len(content_a) == len(content_b) and all(map(same_stem, content_a, content_b)):
            return Change("form", f"word form: {shown}")
        if op == "replace" and len(content_a) == len(content_b) == 1:
            return _one_word(op, shown, content_a[0], content_b[0])
        if op == "replace" and _is_name(content_a) and _is_name(content_b):
            return Change("name", f"name changed: {shown}")
        return Change("wording", f"wording: {shown}")
    return Change("function", f"function word: {shown}")


def moved_negations(changes: Sequence[Change], pairs: Sequence[tuple[str, str]]) -> tuple[Change, ...]:
    """The changes with each negation change relabelled as a moved negation: wording, not a flip.

    For a quote whose every clause states as many negations as the other's ("I didn't
    feel we were" / "I feel we weren't"); ``pairs`` are the (reference words, quote
    words) of each change."""
    out = list(changes)
    for i, c in enumerate(changes):
        if c.kind == "negation":
            a, b = pairs[i]
            out[i] = Change("wording", f"negation moved: '{a}' -> '{b}'" if a and b else
                            f"negation moved: '{a}' dropped" if a else f"negation moved: '{b}' added")
    return tuple(out)
