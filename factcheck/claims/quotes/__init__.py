"""Quotes and who said them.

A quote is checkable in two ways: the words themselves (did two articles quote
Pompeo the same way?) and the speaker (did one of them put the words in
Lavrov's mouth?).  Both need the quote's exact extent and a speaker resolved to
the same full name the names extractor uses, so "Lavrov said" and "said Sergei
Lavrov" compare equal.

Quote marks are paired per paragraph (a line): curly marks by direction,
straight marks by alternation.  News style re-opens a quote at the start of
each paragraph it continues into and closes it only at the end, so an unclosed
quote ends with its paragraph and the next paragraph's quote is a separate
claim, whose speaker is *inferred* from the previous one.  A quote that is
still open at a line ending mid-sentence is a hard-wrapped line, and continues.

Attribution, in order of reliability:

1. *after* the closing mark: ``"…," said Lavrov`` / ``"…," Lavrov said`` /
   ``"…," the diplomat said`` / ``"…" Pompeo told the council`` /
   ``"…," her agent, Mark Roesler, said``;
2. *before* the opening mark, in the same sentence: ``Pompeo said "…"`` /
   ``Lavrov said it was "inappropriate and untimely"``, or at the end of the
   paragraph before: ``… says his group will sue:`` / ``…, commented,``, and a
   colon after a named subject whatever the verb: ``Andrew Wetzler was blunt:``;
3. *continuation*: a quote that opens a paragraph (or directly follows an
   attribution sentence) right after an attributed quote, with nothing else in
   between, or a pronoun subject ("He added that …"), which takes the subject
   of the sentence that last names a person: ``inferred=True``.

A definite description ("added the doctor") becomes the person the text called
so shortly before ("Ema Suryani, a doctor at a clinic"), also ``inferred=True``.

Claim attributes (all JSON-serialisable, always present):

``speaker``       full name ("Sergei Lavrov"), a description ("the council
                  diplomat"), or None
``speaker_type``  the name's type ("person", "organisation", "place",
                  "unknown"), "description", or None
``verb``          the attribution verb ("said", "told", "argued"...), or None
``partial``       True for a fragment woven into the writer's sentence,
                  including 1-3 word scare quotes
``inferred``      True when the speaker comes from context, not from an
                  attribution next to this quote
``attribution``   "after" | "before" | "continuation" | "pronoun" | None
``unclosed``      True when the paragraph ended before a closing mark

Parts
-----
:mod:`.pairing` (quote marks paired into spans, paragraph by paragraph),
:mod:`.speakers` (speaker phrases resolved through the document's name mentions),
:mod:`.attribution` (attribution after or before a quote, partial quotes) and
:mod:`.extractor` (continuations and the ``quotes`` extractor).
"""

from __future__ import annotations

from factcheck.claims.quotes.extractor import extract

__all__ = ["extract"]
