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

from collections import defaultdict
from collections.abc import Iterable

from factcheck.findings import Finding, Location
from factcheck.fixes import replace_span
from factcheck.rules.evidence import Evidence, story_id
from factcheck.rules.kinds.base import Kind
from factcheck.rules.model import CorpusView, Option
from factcheck.wordstats import variant_key


class SpellingVariantsKind(Kind):
    """Report the minority spelling of a word written two ways across the corpus."""

    name = "spelling-variants"
    scope = "corpus"
    NEEDS = ()
    READS_WORDS = True
    OPTIONS = {
        "ignore_words": Option((list,), default=[], items=(str,), help="words never reported"),
    }
    PLACEHOLDERS = ("suggestion", "documents", "count")

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        ignore = {w.casefold() for w in self.options["ignore_words"]}
        # key -> spelling -> doc path -> (first start, end, count)
        uses: dict[str, dict[str, dict[str, tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(dict))
        docs = {d.path: d for d in corpus.documents}
        # Each document's words with a variant spelling come summed from the map phase
        # (factcheck.wordstats): a re-scan after one change reads no other text back.
        for doc in corpus.documents:
            for use in corpus.words_of(doc).variants:
                key = variant_key(use.word)
                assert key is not None  # only such words are kept
                uses[key][use.word][doc.path] = (use.start, use.end, use.count)
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

