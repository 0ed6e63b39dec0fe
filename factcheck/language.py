"""A document's language: declared (front matter, ``<html lang>``) or detected.

Why this exists: the English date grammar of :mod:`factcheck.claims.dates`
is precise and fast but reads English only; a French or German article needs
dateparser, which knows some 200 languages but is slow and must be told the
language (its own detection tries every language on every candidate token:
seconds per article).  So the language is settled once per document, here.

Detection is a weighted word count over dateparser's *own* language data
(read once and stored in ``claims/data/language_vocabulary.json``, so that
detection does not import dateparser)
(the connective words it skips, "ago"/"in" words, relative-day words, month
and weekday names), not a separate model: the only question it answers is
which language's date vocabulary a text uses, and a text with no date words
in any language has nothing for dateparser to find anyway.  A word shared by
n languages counts 1/n for each.  English is the default: another language
wins only with real evidence (a score of at least :data:`MIN_SCORE` from
:data:`MIN_WORDS` different words, and half again English's score), so short
or odd texts, markup debris and fuzz stay English.  It looks at the first
:data:`SAMPLE_CHARS` characters only: constant cost per document (about 0.25 ms).
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The language of a document that declares none and shows no other.
DEFAULT = "en"
#: Characters of text the detector reads.
SAMPLE_CHARS = 5000
#: Weighted hits another language needs before it is preferred to English ...
MIN_SCORE = 2.5
#: ... from at least this many different words (one word repeated is not a language).
MIN_WORDS = 3
#: ... and how far it must beat English's own score.
MARGIN = 1.5

_DATA_FILE = Path(__file__).with_name("claims") / "data" / "language_vocabulary.json"
_WORD_RE = re.compile(r"\w+")
_CODE_RE = re.compile(r"[A-Za-z]{2,3}(?=[-_]|\Z)")
_VOCAB_KEYS = ("skip", "pertain", "ago", "in")
_NAME_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday")


@lru_cache(maxsize=1)
def supported() -> frozenset[str]:
    """Base language codes dateparser has data for ("fr", "de"; not "fr-CA")."""
    return frozenset(_stored()["supported"])


def _supported_now() -> frozenset[str]:
    """:func:`supported` as dateparser's data says now (imports dateparser)."""
    from dateparser.data.languages_info import language_order

    return frozenset(code for code in language_order if "-" not in code)


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    """``data/language_vocabulary.json``: the supported codes and word -> languages.

    Why a file: both are read from dateparser's data, but importing dateparser
    and its ~200 language modules costs about half a second, more than a whole
    short scan, and an English document never needs dateparser at all.  So the
    derived data is stored (:func:`write_data`) and a test checks it against
    dateparser (:func:`computed_data`).
    """
    data: dict[str, Any] = json.loads(_DATA_FILE.read_text(encoding="utf-8"))
    return data


def computed_data() -> dict[str, Any]:
    """The stored data as dateparser's data gives it now (slow: imports every language)."""
    owners: dict[str, set[str]] = defaultdict(set)
    codes = _supported_now()
    for code in sorted(codes):
        info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
        for word in _words(info):
            owners[word].add(code)
    return {"supported": sorted(codes), "words": {w: sorted(owners[w]) for w in sorted(owners)}}


def write_data() -> None:
    """Regenerate ``data/language_vocabulary.json`` (after upgrading dateparser)."""
    data = computed_data()
    rows = [f"{json.dumps(w)}: {json.dumps(codes)}" for w, codes in data["words"].items()]
    text = '{"supported": ' + json.dumps(data["supported"]) + ',\n"words": {\n' + ",\n".join(rows) + "\n}}\n"
    _DATA_FILE.write_text(text, encoding="utf-8")


def normalise(declared: str | None) -> str | None:
    """"fr-FR", "FR", "de_AT" -> "fr", "de"; None for an empty or unknown code.

    Only languages dateparser knows are kept: a declaration is used to choose
    a date parser, and an unknown one cannot choose anything.
    """
    if not declared:
        return None
    m = _CODE_RE.match(declared.strip().strip("'\""))
    if m is None:
        return None
    code = m.group(0).lower()
    return code if code in supported() else None


def _words(info: dict[str, object]) -> set[str]:
    words: set[str] = set()
    for key in _VOCAB_KEYS:
        for phrase in info.get(key) or ():  # type: ignore[attr-defined]
            words.update(_WORD_RE.findall(str(phrase).lower()))
    for key in _NAME_KEYS:
        for name in info.get(key) or ():  # type: ignore[attr-defined]
            if len(str(name)) >= 4:  # full names: "mar", "sam" are words in other languages
                words.update(_WORD_RE.findall(str(name).lower()))
    for forms in (info.get("relative-type") or {}).values():  # type: ignore[attr-defined]
        for phrase in forms:
            found = _WORD_RE.findall(str(phrase).lower())
            if len(found) == 1:  # "hier", "gestern", "yesterday"; not the "in \1 days" templates
                words.update(found)
    return words


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, tuple[tuple[str, ...], float]]:
    """word -> (languages using it, weight 1/len(languages)), built once from the stored data."""
    words: dict[str, list[str]] = _stored()["words"]
    return {w: (tuple(codes), 1.0 / len(codes)) for w, codes in words.items()}


def scores(text: str) -> dict[str, float]:
    """Weighted date-vocabulary hits per language in the first :data:`SAMPLE_CHARS` characters."""
    return {code: score for code, (score, _) in _tally(text).items()}


def _tally(text: str) -> dict[str, tuple[float, int]]:
    """language -> (weighted hits, how many different words hit)."""
    vocab = _vocabulary()
    score: dict[str, float] = defaultdict(float)
    distinct: dict[str, set[str]] = defaultdict(set)
    for word in _words_of(text[:SAMPLE_CHARS].lower()):
        hit = vocab.get(word)
        if hit is not None:
            for code in hit[0]:
                score[code] += hit[1]
                distinct[code].add(word)
    return {code: (score[code], len(distinct[code])) for code in score}


def _words_of(sample: str) -> list[str]:
    """``_WORD_RE.findall(sample)``, faster for the usual ASCII sample.

    In ASCII, ``\\w`` is ``[A-Za-z0-9_]``: every other character turned into a space
    (one ``str.translate``, in C) leaves exactly the words for ``str.split``.
    """
    if sample.isascii():
        return sample.translate(_ASCII_NON_WORD).split()
    return _WORD_RE.findall(sample)


#: Every ASCII character that ``\\w`` does not match, mapped to a space.
_ASCII_NON_WORD = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")}


#: How close two scores (or a score and a threshold) may come before :func:`detect`
#: re-adds them in text order: the grouped sums differ from those by rounding only.
_CLOSE = 1e-9


def _quick_decision(text: str) -> str | None:
    """:func:`detect`'s answer from grouped counts, or None when the answer hinges on rounding.

    The scores are the same weights as :func:`_tally`'s, multiplied by each word's count
    instead of added once per occurrence in text order; float rounding can then differ in
    the last bits, which only matters when two scores (or a score and a threshold) are
    equal or nearly so.  Then None sends :func:`detect` to the exact, text-order sum.
    """
    vocab = _vocabulary()
    score: dict[str, float] = defaultdict(float)
    distinct: dict[str, int] = defaultdict(int)
    for word, n in Counter(_words_of(text[:SAMPLE_CHARS].lower())).items():
        hit = vocab.get(word)
        if hit is not None:
            weight = hit[1] * n
            for code in hit[0]:
                score[code] += weight
                distinct[code] += 1
    if not score:
        return DEFAULT
    ranked = sorted(score, key=lambda code: (-score[code], code))
    best = ranked[0]
    top = score[best]
    if len(ranked) > 1 and top - score[ranked[1]] <= _CLOSE:
        return None
    if best == DEFAULT:
        return DEFAULT
    english = score.get(DEFAULT, 0.0)
    if abs(top - MIN_SCORE) <= _CLOSE or abs(top - MARGIN * english) <= _CLOSE:
        return None
    return best if top >= MIN_SCORE and distinct[best] >= MIN_WORDS and top > MARGIN * english else DEFAULT


def detect(text: str) -> str:
    """The language whose date words the text uses, English unless another clearly wins.

    Decided from word counts (:func:`_quick_decision`), which is exact unless two
    scores tie or a score sits on a threshold; only then are the weights re-added in
    text order (:func:`_tally`), as :func:`scores` reports them.
    """
    quick = _quick_decision(text)
    return quick if quick is not None else _decide(_tally(text))


def _decide(found: dict[str, tuple[float, int]]) -> str:
    """The decision over :func:`_tally`'s scores: English unless another language clearly wins."""
    if not found:
        return DEFAULT
    best = min(found, key=lambda code: (-found[code][0], code))  # ties: alphabetical, so deterministic
    score, words = found[best]
    english = found.get(DEFAULT, (0.0, 0))[0]
    if best != DEFAULT and score >= MIN_SCORE and words >= MIN_WORDS and score > MARGIN * english:
        return best
    return DEFAULT
