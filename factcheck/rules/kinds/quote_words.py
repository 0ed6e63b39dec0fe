"""Is one word in a quote another word, another form of it, a synonym, or a slip of the keyboard?

When two outlets print one remark with one content word changed, what the
change does decides whether a fact-checker should look: "sustained" for
"suffered", "day" for "time" or "wanted" for "want" keep the meaning (a
transcription or an editor's choice), whereas "delay" for "fail" or
"skulking" for "sulking" make the speaker say something else.  A near
spelling of two *real* words ("sulking"/"skulking", "ready"/"really") is the
likeliest transcription error of all and worth a warning; a near spelling
where one side is no word ("pracitised"/"practised") is a typo of the same
word.

Real words are looked up in WordNet's lemma list as the ``wordnet-lookup``
package ships it (a static, dependency-free table installed from PyPI; no
data is downloaded at run time).  No synonym database installs from PyPI
alone (``wn`` and nltk fetch WordNet from elsewhere at run time), so
synonyms are a small hand-kept table of near-synonym groups common in quoted
speech (:data:`SYNONYM_GROUPS`): the cost of a missing pair is a warning
that should have been info, never a missed negation, hedge or number.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import Levenshtein
from wordnet_lookup import is_wordnet_term

#: Groups of words (lemmas) one outlet may print for another without changing what the speaker said.
#: Kept small and general on purpose: verbs of saying and thinking, of seeing, helping, trying,
#: beginning and ending; a few adjectives of size and importance.
SYNONYM_GROUPS: tuple[str, ...] = (
    "say tell state add",
    "think feel believe reckon consider",
    "look see watch view",
    "time day moment",
    "strengthen improve enhance bolster better",
    "help aid assist",
    "try attempt seek",
    "start begin commence launch",
    "end finish conclude",
    "big large huge",
    "small little tiny",
    "happy glad pleased delighted",
    "hard difficult tough",
    "quick fast rapid swift",
    "important key vital crucial critical",
    "buy purchase acquire",
    "get obtain receive",
    "show demonstrate reveal",
    "need require",
    "want wish desire",
    "injure hurt wound harm",
    "suffer sustain",  # "injuries suffered" / "injuries sustained": the stock pair of casualty reports
    "kid child",
    "terrible awful horrible dreadful",
    "great wonderful fantastic terrific",
    "sad sorry",
    "car vehicle",
    "shoot fire",
    "fight battle",
    "family relative",
)

_SYNONYMS: dict[str, frozenset[str]] = {}
for _group in SYNONYM_GROUPS:
    _members = frozenset(_group.split())
    for _word in _members:
        _SYNONYMS[_word] = _SYNONYMS.get(_word, frozenset()) | _members

#: Irregular past forms of common verbs, which no suffix rule finds ("felt" is a form of "feel").
IRREGULAR: dict[str, str] = dict(pair.split(":") for pair in """
felt:feel thought:think said:say told:tell saw:see seen:see went:go gone:go made:make took:take taken:take
gave:give given:give got:get came:come knew:know known:know found:find left:leave kept:keep held:hold
brought:bring bought:buy began:begin begun:begin ran:run meant:mean sent:send spent:spend stood:stand
won:win lost:lose fell:fall fallen:fall shot:shoot fought:fight caught:catch taught:teach sought:seek
built:build paid:pay heard:hear wrote:write written:write spoke:speak spoken:speak chose:choose
chosen:choose hit:hit hurt:hurt struck:strike led:lead met:meet
""".split())

# Inflectional endings, longest first, each with what to put back: "making" -> "make", "stopped" -> "stop".
_ENDINGS = ("ing", "ies", "ied", "ed", "es", "s", "d", "er", "est", "ly")
_DOUBLED_RE = re.compile(r"([bdfgklmnprtz])\1$")


@functools.lru_cache(maxsize=1 << 14)
def lemmas(word: str) -> frozenset[str]:
    """The word and the stems it may be an inflection of ("sulking" -> {"sulking", "sulk"}).

    A guess by suffix, not a morphological analysis: the candidates are checked
    against each other (two words share a lemma) and against the dictionary,
    so an over-eager strip ("bus" -> "bu") only adds a candidate no other word has.
    """
    w = word.casefold().replace("’", "'")
    out = {w, IRREGULAR.get(w, w)}
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            out.add(stem)
            if end in ("ies", "ied"):
                out.add(stem + "y")
            if end in ("ing", "ed", "es", "er", "est", "d"):
                out.add(stem + "e")
            m = _DOUBLED_RE.search(stem)
            if m:
                out.add(stem[:-1])  # "stopped" -> "stop"
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 14)
def is_word(word: str) -> bool:
    """A real English word, or an inflection of one, per WordNet's lemma list."""
    return any(is_wordnet_term(c) for c in lemmas(word) if c.isalpha())


def same_lemma(a: str, b: str) -> bool:
    """Two forms of one word ("want"/"wanted", "sustain"/"sustained")."""
    return a.casefold() != b.casefold() and bool(lemmas(a) & lemmas(b))


def synonyms(a: str, b: str) -> bool:
    """One word for the other with the same meaning, per :data:`SYNONYM_GROUPS` (any forms)."""
    return any(y in _SYNONYMS.get(x, ()) for x in lemmas(a) for y in lemmas(b))


def near_spelling(a: str, b: str) -> bool:
    """One or two letters apart, in words long enough for that to be a slip ("sulking"/"skulking")."""
    x, y = a.casefold(), b.casefold()
    return x != y and min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= (1 if min(len(x), len(y)) < 6 else 2)


def typo(a: str, b: str) -> bool:
    """A near spelling where one side is no word at all: a typo of the other ("pracitised")."""
    return near_spelling(a, b) and is_word(a) != is_word(b)
