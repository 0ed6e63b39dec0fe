"""Who a definite description of an age refers to: "the 55-year-old Scottish actor" is Peter Capaldi.

Articles name a person once and then describe them: "Peter Capaldi has been
announced as the new Doctor.  The 55-year-old Scottish actor will replace Matt
Smith."  The age belongs to Capaldi, and only a reading that knows so can pair
it with another outlet's "Capaldi, 55,".  :func:`described_person` resolves
such a description -- a definite "the N-year-old", bare or with a noun -- to the
person of its document it refers to, when the evidence is clear, and to no one
otherwise (a wrong holder makes a false conflict; no holder only a missed one):

* **definite only**: "a 27-year-old parolee" introduces someone new; a
  possessive ("Timmons' 16-year-old friend") is someone else;
* **salience**: the person the text is about at that point -- named right after
  in the same sentence as the next clause's subject ("the 29-year-old ... killed
  the deputy, Orozco also tried"), else the subject or the last person named in
  the nearest earlier sentence that names anyone (a sentence led by a pronoun or
  a quotation names no one and keeps the topic).  A person named earlier in the
  description's own sentence is another participant ("a recording of Doe with
  the 12-year-old"), so nothing resolves there;
* **compatibility**: the description's noun is absent (then it must be the
  clause's subject: "the 55-year-old said"), a generic word for a person ("man",
  "girl"), a nationality, or a noun the document uses of that person ("sect
  leader Warren Jeffs", "Capaldi, the actor"); a plural noun is no person;
* **agreement**: the sexes of the noun and of the pronouns the document uses of
  the person agree; a nationality the document gives the person ("Germany's
  Gene Pukall") agrees with the description's ("the American"); an age the
  document gives the person by name is this one;
* **no rival**: two candidates of equal standing that both fit resolve neither.

It lives in the claims stage beside :mod:`factcheck.claims.subjects`, because
who a sentence describes is read from the document alone, once, into the
claim's ``about``; the fact stage then resolves the name within its story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim
from factcheck.claims.names import name_words
from factcheck.claims.numbers import singular
from factcheck.documents import Document

#: Nouns any person may be described by, whatever the document calls them.
GENERIC_PERSON = frozenset("""
man woman person boy girl teen teenager youngster youth guy lady gentleman individual
""".split())
_MALE_WORDS = frozenset("man boy guy gentleman father son husband brother".split())
_FEMALE_WORDS = frozenset("woman girl lady mother daughter wife sister".split())
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
#: Words that may open a clause right before its subject ("Prosecutors charged that the 55-year-old ...").
_CLAUSE_OPENERS = frozenset("""
that when while as because after before since although though if and but so once whereas
said says noted added stated explained
""".split())
#: How far back (characters) the nearest sentence naming someone is looked for.
REACH = 1500
#: How many words around a mention a noun the document uses of the person may stand.
NOUN_REACH = 6


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name as written: the full name it stands for (casefolded) and where."""

    name: str
    start: int
    end: int
    sentence: tuple[int, int]


def mentions(people: Sequence[Claim]) -> list[Mention]:
    """The mentions of named people (type ``person``) among a document's possible people, by start."""
    return [Mention(" ".join(str(p.value).casefold().split()), p.start, p.end, p.sentence)
            for p in people if p.get("type") == "person" and name_words(str(p.value))]


def described_person(doc: Document, claim: Claim, noun: str, modifiers: Sequence[str],
                     people: Sequence[Mention]) -> Mention | None:
    """The mention of the person the definite age description ``claim`` refers to, or None.

    ``noun``: the common noun the age describes ("actor"; empty for a bare
    "the 55-year-old"), ``modifiers``: the capitalised words before it ("Scottish"),
    ``people``: :func:`mentions` of the document.  See the module docstring.
    """
    text = doc.text
    lo = claim.sentence[0]
    opening = text[lo:claim.start]
    if not re.search(r"(?:^|[^\w'’])the\s+$", opening, re.IGNORECASE):
        return None  # indefinite, possessive, or no determiner: not a description of someone known
    if noun and singular(noun) != noun.casefold():
        return None  # "the 35-year-old regulations": no person
    before_it = opening[:-len(re.search(r"the\s+$", opening, re.IGNORECASE).group(0))]  # type: ignore[union-attr]
    subject_position = _opens_clause(before_it)
    if not noun and not modifiers and not subject_position:
        return None  # "the assault on the 15-year-old": a bare age as an object is anyone
    if not noun and not all(_demonym_like(w) for w in modifiers):
        return None  # "the 12-year-old IE6", "the 29-year-old Mr. Gigante": a name, not a description
    if _TITLE_AFTER_RE.match(text, claim.end) or _introduced(text, claim):
        return None
    if any(m.sentence[0] == lo and m.end <= claim.start for m in people):
        return None  # another participant of its own sentence
    after = _named_after(text, claim, people)
    candidates = [after] if after is not None else _previous(text, claim, people)
    fitting = [m for m in candidates if _fits(doc, claim, noun, modifiers, m, people, after is not None)]
    if len({m.name for m in fitting}) > 1 and (noun or modifiers) and _leads(text, candidates[0]):
        fitting = [candidates[0]]  # the sentence's subject outranks a person named later in it
    if len({m.name for m in fitting}) != 1:
        return None
    if not noun and not modifiers and len({m.name for m in candidates}) > 1:
        return None  # nothing to tell a bare "the 55-year-old" between two people by
    return fitting[0]


#: A title right after the age: "the 29-year-old Mr. Gigante" names the holder.
_TITLE_AFTER_RE = re.compile(r"\s+(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\b")


def _introduced(text: str, claim: Claim) -> bool:
    """Did the document introduce someone of this age before ("an 11-year-old girl ... The
    11-year-old girl survived")?  Then the definite description is that someone."""
    pattern = re.compile(rf"\b(?:a|an)\s+{re.escape(str(claim.value))}[- ]years?[- ]old\b", re.IGNORECASE)
    return pattern.search(text, 0, claim.start) is not None and isinstance(claim.value, int)


def _opens_clause(before: str) -> bool:
    """Is the text before a description (within its sentence) empty, or a clause boundary with at
    most one opening word ("When", "that", "In a statement,")?"""
    tail = re.split(r"[,;:—–(\"“”]", before)[-1].split()
    return not tail or (len(tail) == 1 and tail[0].casefold() in _CLAUSE_OPENERS)


def _named_after(text: str, claim: Claim, people: Sequence[Mention]) -> Mention | None:
    """The person named right after the description's clause, after a comma, as the subject of
    a verb (", Orozco also tried"), in the same sentence."""
    for m in people:
        if m.start < claim.end or m.sentence[0] != claim.sentence[0]:
            continue
        if text[m.end:m.end + 2] in ("'s", "’s") or text[m.end:m.end + 1] in ("'", "’"):
            return None
        if re.search(r",\s*$", text[claim.end:m.start]) and _VERB_AFTER_RE.match(text, m.end):
            return m
        return None
    return None


#: After a name, the verb of its clause (past, present, an auxiliary), maybe after a comma
#: and an adverb or two: the name is the clause's subject ("Orozco also allegedly tried",
#: "Jermayne Timmons, goes to trial"), not an apposition ("the first Doctor, William
#: Hartnell, in 1963").
_VERB_AFTER_RE = re.compile(r",?\s+(?:(?:also|then|later|still|never|\w+ly)\s+){0,2}"
                            r"(?:is|was|were|are|has|had|have|will|would|could|can|did|does|\w+ed|\w+es|\w+s)\b")


def _previous(text: str, claim: Claim, people: Sequence[Mention]) -> list[Mention]:
    """The subject and the last person named in the nearest earlier sentence that names
    anyone, within :data:`REACH` -- counting neither a possessive ("Smith's successor"), nor
    a name after a preposition ("revealed by Zoe Ball", "a decision over Germany's Gene
    Pukall") or a word of saying ("said Amoss"): those are not what the sentence is about."""
    lo = claim.sentence[0]
    earlier = [m for m in people if m.end <= lo and lo - m.start <= REACH and _salient(text, m)]
    if not earlier:
        return []
    sentence = earlier[-1].sentence
    named = [m for m in earlier if m.sentence == sentence]
    return [named[0]] if named[0].name == named[-1].name else [named[0], named[-1]]


def _salient(text: str, m: Mention) -> bool:
    """Is a mention a participant a later description may be of: not a possessive, not after a
    preposition (the lower-case word before it and its capitalised words), not a speaker named
    after a word of saying unless a verb follows ("said Jeffs had ...")."""
    if _possessive(text, m):
        return False
    before = re.findall(r"[A-Za-z]+(?:['’]s)?", text[max(m.sentence[0], m.start - 60):m.start])
    lower = next((w for w in reversed(before) if w[:1].islower()), "")
    if lower in _SAYING:  # "said Amoss." names a speaker; "said Jeffs had ..." a clause's subject
        return _VERB_AFTER_RE.match(text, m.end) is not None and text[m.end:m.end + 1] != ","
    return lower not in _PREPOSITIONS


def _leads(text: str, m: Mention) -> bool:
    """Is a mention its sentence's subject: the sentence opens with it, or with a phrase set off
    by a comma ("The Thick Of It star, Capaldi described ..."), and it is not one of two joined
    by "and" ("Dale Vance and Ruth Okafor met")?"""
    before = text[m.sentence[0]:m.start]
    if before.strip() and not before.rstrip().endswith(","):
        return False
    return not re.match(r"\s*(?:and|&|or)\s", text[m.end:m.end + 6])


def _possessive(text: str, m: Mention) -> bool:
    return text[m.end:m.end + 2] in ("'s", "’s") or text[m.end:m.end + 1] in ("'", "’")


def _fits(doc: Document, claim: Claim, noun: str, modifiers: Sequence[str], m: Mention,
          people: Sequence[Mention], named_after: bool) -> bool:
    """Can the description be of the person ``m`` names (see the module docstring's agreement)?
    ``named_after``: ``m`` is named right after it, the next clause's subject."""
    own = [p for p in people if p.name == m.name]
    text = doc.text
    words = {noun.casefold(), *(w.casefold() for w in modifiers)}
    sex = _sex_of_words(words)
    if sex and _sex_of(text, own, people) != sex:
        return False  # "the 34-year-old mother": only of a person the document's pronouns make a woman
    if not all(_nationality_agrees(text, w, own) for w in modifiers):
        return False
    if _other_age(text, claim, m.name):
        return False
    if not named_after and any(p.name == m.name and p.sentence == claim.sentence and p.start > claim.end
                               for p in people):
        return False  # "The 51-year-old showrunner insisted that Capaldi's ...": someone else
    low = noun.casefold()
    if not noun or low in GENERIC_PERSON or _used_of(text, low, own, people):
        return True
    if any(_used_of(text, low, [p], people) for p in people if p.name != m.name):
        return False  # the document calls someone else so
    return named_after


def _sex_of_words(words: set[str]) -> str | None:
    if words & _MALE_WORDS:
        return "m"
    if words & _FEMALE_WORDS:
        return "f"
    return None


def _sex_of(text: str, own: Sequence[Mention], everyone: Sequence[Mention]) -> str | None:
    """The sex the document's pronouns give a person: those of the sentences naming them first (and
    the next sentence's first words), when one sex's are at least twice the other's."""
    he = she = 0
    for m in own:
        if any(p.sentence == m.sentence and p.start < m.start and p.name != m.name for p in everyone):
            continue  # another person's sentence: its pronouns may be theirs
        span = text[m.sentence[0]:min(len(text), m.sentence[1] + 12)]
        he += len(_HE.findall(span))
        she += len(_SHE.findall(span))
    if he >= max(1, 2 * she):
        return "m"
    if she >= max(1, 2 * he):
        return "f"
    return None


def _nationality_agrees(text: str, word: str, own: Sequence[Mention]) -> bool:
    """Does a capitalised modifier ("American") agree with the place the document ties the person
    to ("Germany's Gene Pukall", "German Gene Pukall": a possessive before the name, or a word
    shaped like a demonym)?  Agreement is a shared stem of four
    letters ("Germany"/"German"); no place given agrees with any."""
    for m in own:
        before = re.search(r"([A-Z][a-z]+)(?:'s|’s)?\s+(?:[A-Z][\w.-]*\s+)?$", text[max(0, m.start - 40):m.start])
        if before is None:
            continue
        place = before.group(1)
        if place.casefold() in _DETERMINERS or not _demonym_like(word):
            continue
        owned = before.group(0).startswith(place + "'s") or before.group(0).startswith(place + "’s")
        if place.casefold()[:4] != word.casefold()[:4] and (owned or _demonym_like(place)):
            return False
    return True


def _demonym_like(word: str) -> bool:
    """A place or its people's adjective: capitalised and shaped like one ("Germany", "American",
    "Scottish", "Japanese", "Iraqi")."""
    w = word.casefold()
    return word[:1].isupper() and (w.endswith(("an", "ish", "ese", "i", "y", "ia", "land", "ch")))


def _other_age(text: str, claim: Claim, name: str) -> bool:
    """Does the document give the person another age by name ("Doe, 55," / "55-year-old Jane Doe")?"""
    words = name_words(name)
    surname = re.escape(words[-1])
    value = claim.value
    pattern = re.compile(rf"\b{surname},\s+(\d{{1,3}}),|\b(\d{{1,3}})[- ]years?[- ]old\s+(?:[A-Z]\w+\s+)?{surname}\b",
                         re.IGNORECASE)
    for found in pattern.finditer(text):
        age = int(found.group(1) or found.group(2))
        if age != value:
            return True
    return False


def _used_of(text: str, noun: str, own: Sequence[Mention], people: Sequence[Mention]) -> bool:
    """Does the document use ``noun`` of the person: right before a mention ("sect leader Warren
    Jeffs"), or later in a sentence the person's name opens, as "the/a ... noun" not after a
    preposition and with no one else named between ("Capaldi has been announced as the new
    Doctor, the 12th actor to ...", "Jeffs is the leader")?"""
    low = noun.casefold()
    for m in own:
        before = text[max(m.sentence[0], m.start - 60):m.start].split()[-3:]
        if any(w.casefold().strip(",.") == low for w in before):
            return True
        if any(p.sentence == m.sentence and p.start < m.start for p in people):
            continue  # not the sentence's first person
        stop = next((p.start for p in people if p.sentence == m.sentence and p.start > m.end), m.sentence[1])
        for found in _DESCRIBED_RE.finditer(text, m.end, min(stop, m.end + 160)):
            said = [w.casefold() for w in found.group(1).split()]
            word = re.findall(r"\w+", text[max(m.end, found.start() - 30):found.start()])
            if low in said and (not word or word[-1].casefold() not in _PREPOSITIONS):
                return True
    return False


#: "the/a/an <up to four words>": a noun phrase.
_DESCRIBED_RE = re.compile(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,3}[\w-]+)", re.IGNORECASE)
_PREPOSITIONS = frozenset("by with to of for on at from against over about into after before near than".split())
_DETERMINERS = frozenset("the a an and but this that".split())
_SAYING = frozenset("said says told tells according".split())
