"""What a capitalised word decides on its own, asked once per distinct word.

A corpus repeats its capitalised words (ECB+: 57,000 of them, 6,700
distinct), and most of what the body pass asks of a one-word run -- is it a
stop word, a month, a title, a demonym, shouting? -- depends on the word and
the lexicon alone, never on the document.  So it is answered once per word
and process (memoised, like :func:`~factcheck.claims.names.normalise.normalise_name`),
leaving the body pass only what depends on where the word stands: a date next
to it, the sentence it opens, the role before it.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.calendar import MONTHS
from factcheck.claims.names.lexicon import _DIRECTIONS, _lexicon
from factcheck.claims.names.normalise import normalise_name

#: One-word verdicts (:func:`one_word_verdict`), in the order the body pass tests them.
DROP = 0  # a stop word, month or weekday: never a name
HEAD = 1  # a title head ("President"): no name, only the gazetteer entry it may be
REJECT = 2  # a demonym, title word, keyword, direction, shouting or a lone letter alone
KEEP = 3  # a candidate, if its position allows


@lru_cache(maxsize=1 << 16)
def one_word_verdict(text: str, low: str) -> tuple[int, bool]:
    """(verdict, month?) of a one-word run of token text ``text`` (casefolded ``low``).

    The same tests, in the same order, as the general path of the body pass
    applies to a run of one word: ``split_run``'s stop-word, month and weekday
    drop, ``split_title``'s title head, then the rejections of a name left
    alone.  ``month`` says a month name may yet be a date ("May 29"), which
    only the word's neighbours decide (``_dated``).
    """
    lex = _lexicon()
    stop = low in lex.stop and not (len(text) > 1 and text.isupper() and low in lex.gaz_single)
    if stop or low in lex.months or low in lex.weekdays:
        return DROP, False
    bare = low.rstrip(".")
    month = bare in MONTHS
    if bare in lex.heads:
        return HEAD, month
    norm = normalise_name(text)
    if norm not in lex.gazetteer and (
            norm in lex.demonyms or norm[:-1] in lex.demonyms or (text.isupper() and len(text) >= 6)
            or bare in lex.title_words or low in lex.org_kw or low in _DIRECTIONS or low in lex.place_suffix
            or len(text) == 1):
        return REJECT, month
    return KEEP, month
