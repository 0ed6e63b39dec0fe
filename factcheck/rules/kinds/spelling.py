"""``type: spelling-variants`` -- one word spelled two ways across the corpus.

British and American spellings ("denuclearisation"/"denuclearization",
"programme"/"program", "realise"/"realize") are both right, but a house
style picks one.  When both appear in the corpus, each document that uses the
minority spelling gets one finding per word (at its first use), suggesting
the majority spelling.  Nothing is reported when only one spelling is used.

Example::

    id: house/spelling-variants
    type: spelling-variants
    severity: info
    message: "'{match}' is spelled '{suggestion}' in {documents} other document(s)."
    tests:
      fail:
        - files:
            a.txt: "The organization met. The organization voted."
            b.txt: "The organization adjourned."
            c.txt: "The organisation met."
      pass:
        - files:
            a.txt: "The organization met."
            b.txt: "The organization adjourned."
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.findings import Finding, Location
from factcheck.fixes import replace_span
from factcheck.rules.evidence import Evidence, story_id
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.quote_diff import spelling_key
from factcheck.rules.model import CorpusView, Option

_WORD_RE = re.compile(r"\b[A-Za-z]{6,}\b")


class SpellingVariantsKind(Kind):
    """Report the minority spelling of a word written two ways across the corpus."""

    name = "spelling-variants"
    scope = "corpus"
    NEEDS = ()
    OPTIONS = {
        "ignore_words": Option((list,), default=[], items=(str,), help="words never reported"),
    }
    PLACEHOLDERS = ("suggestion", "documents", "count")

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        ignore = {w.casefold() for w in self.options["ignore_words"]}
        # key -> spelling -> doc path -> (first start, end, count)
        uses: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(lambda: defaultdict(dict))
        docs = {d.path: d for d in corpus.documents}
        # Each distinct word's key, once per run: a corpus repeats its words ("government"), and the
        # key with its variant test was most of the rule's time, paid for every occurrence.  A dict
        # of this run, not a process-wide cache: it is dropped with the run.
        keys: dict[str, str | None] = {}
        for doc in corpus.documents:
            for m in _WORD_RE.finditer(doc.text):
                word = m.group(0)
                if word.isupper():
                    continue
                low = word.casefold()
                try:
                    key = keys[low]
                except KeyError:
                    key = keys[low] = _variant_key(low)
                if key is None:
                    continue
                entry = uses[key][low].get(doc.path)
                if entry is None:
                    uses[key][low][doc.path] = [m.start(), m.end(), 1]
                else:
                    entry[2] += 1
        for key in sorted(uses):
            spellings = uses[key]
            if len(spellings) < 2 or key in ignore:
                continue
            ranked = sorted(spellings, key=lambda s: (-len(spellings[s]), -sum(v[2] for v in spellings[s].values()),
                                                      s))
            majority = ranked[0]
            if len(spellings[majority]) == len(spellings[ranked[1]]) and \
                    sum(v[2] for v in spellings[majority].values()) == \
                    sum(v[2] for v in spellings[ranked[1]].values()):
                continue  # no house preference to enforce
            first_major = min(spellings[majority].items())
            major_doc = docs[first_major[0]]
            related = [Location.of(major_doc, first_major[1][0], first_major[1][1])]
            for spelling in ranked[1:]:
                if spelling in ignore:
                    continue
                for path in sorted(spellings[spelling]):
                    start, end, count = spellings[spelling][path]
                    doc = docs[path]
                    found = doc.text[start:end]
                    suggestion = majority if found.islower() else majority.capitalize()
                    # A house style holds across the corpus, whatever the story: the evidence is the
                    # corpus's majority spelling and the documents that use it.
                    evidence = Evidence.of("corpus majority", story_id(corpus, path),
                                           [p for p in spellings[majority] if p != path])
                    # British or American: both right, and the word may sit in a quote: unsafe.
                    yield self.rule.finding(doc, start, end, suggestion=suggestion,
                                            related=related, data={"evidence": evidence.as_json()},
                                            documents=len(spellings[majority]), count=count,
                                            fix=replace_span(doc, start, end, suggestion, safe=False))


def _variant_key(low: str) -> str | None:
    """The spelling key of a lower-cased word, or None for a word that has no variant spelling."""
    key = spelling_key(low)
    return None if key == low and not _could_be_variant(low) else key


def _could_be_variant(word: str) -> bool:
    """Words with an American spelling are their own key; keep those that have a British twin."""
    return bool(re.search(r"(iz(e|es|ed|ing|ation|ations|er|ers)|yze[sd]?|or(s|ed|ing|able)?|ter(s)?|og(s)?|ense)$",
                          word))
