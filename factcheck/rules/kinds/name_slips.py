"""What tells a slip of the pen from another name: the evidence predicates of ``names/variant``.

Split from :mod:`factcheck.rules.kinds.names` (the rule kind: clusters, support,
severities, reporting) so that each question the typo check asks of a near miss --
is the differing word plausibly a slip, are these two people, a transliteration, or
another entity that only other stories name -- is one named function that reads
only the clusters it is given.
"""

from __future__ import annotations

from collections import Counter

from factcheck.claims.names import known_name
from factcheck.rules.kinds.name_clusters import _Cluster, _Form
from factcheck.rules.kinds.name_evidence import romanisation, transliteration


def plausible_slip(form: _Form, target: str, lower_words: set[str], same_doc: bool = False,
                   strict: bool = False) -> bool:
    """Evidence that the differing token is a slip of the pen, not another word or an acronym.

    ``same_doc``: the article itself also uses the target spelling ("Obama ...
    Oama"), which lets a five-letter word count as a slip; so does a spelling
    written once in the whole corpus against a target its own story uses
    ("Idia" among a story's "India"s): another real name would be used again --
    unless a title introduces it ("Senator Oama"), as a writer names a person
    of their own.
    ``strict``: the target is only found in other stories, where a differing
    word the corpus writes in lower case is a word, not a slip."""
    mine = form.folded.split()
    shown = form.text.replace("-", " ").split()
    for i, (x, y) in enumerate(zip(mine, target.split(), strict=True)):
        if x == y:
            continue
        if i < len(shown) and shown[i].isupper() and len(shown[i]) > 1:
            return False  # an acronym or a shouted headline word
        swapped = len(x) == len(y) and sorted(x) == sorted(y)
        if strict and x in lower_words:
            return False  # a word, not a slip: "Long" is no slip for another story's "Jong"
        short_ok = same_doc or (not strict and len(form.mentions) == 1 and not form.mentions[0][1].title)
        if len(mine) == 1 and (x in lower_words or x[0] != y[0] or known_name(x)
                               or (len(y) < (5 if short_ok else 6) and not swapped)):
            # A lone word needs more evidence: one the corpus writes in lower case
            # ("Woman", "Deal") is a word; one the gazetteer knows ("Colorado" near
            # "Coronado") is a real name; a short one ("Katie"/"Kate") or one with
            # another first letter ("Sony"/"Tony") is usually another name -- unless
            # it is two swapped letters, the commonest slip ("Indai"), or a
            # five-letter name its own article spells right elsewhere or the
            # corpus writes only once.
            return False
    return True

def two_people(form: _Form, meant: _Form) -> bool:
    """Are the two spellings two people, not a slip?  An article that writes both full
    names and repeats the rarer one ("Rick Hanna ... Rick Hanna" beside "Nick Hanna")
    means two people; so do two different given names with a shared surname when both
    are known given names ("Rick"/"Nick"), the differing word coming first."""
    mine, theirs = form.folded.split(), meant.folded.split()
    if len(mine) < 2 or len(mine) != len(theirs):
        return False
    if mine[0] != theirs[0] and mine[1:] == theirs[1:] and mine[0][:1] != theirs[0][:1] \
            and known_name(mine[0]) and known_name(theirs[0]):
        return True
    theirs_paths = meant.paths
    per_doc = Counter(d.path for d, _ in form.mentions)
    return any(n >= 2 and p in theirs_paths for p, n in per_doc.items())

def transliterated(form: _Form, meant: _Form, lower_words: set[str]) -> bool:
    """Do the spellings differ only where romanisations differ, used as a convention?

    Digraphs and y/i ("Heydar"/"Heidar", "Yunis"/"Younis") are never a slip, so
    one article's use is enough; a single vowel (e/a, o/u) can be a slip ("Gulf
    of Eden"), so another document must write the same name the same way.

    The looser :func:`romanisation` (any vowels in the same slots, k/g/q, b/v:
    "Salahuddin"/"Salahaddin", "Gurbanguly"/"Kurbanguly", "Bireuen"/"Bireun")
    is a transliteration when the corpus shows the name as a foreign proper
    name, not an English one slipped: neither spelling of the differing word is
    one the corpus writes in lower case ("Advisers"/"Advisors" are words), the
    rare one is no given name the lexicon knows ("Robin" for "Robyn"), and its
    article never writes the other spelling -- a transliteration is a writer's
    system, kept throughout an article, while "Olsen" beside five "Olson"s, or
    "Teixiera" beside "Teixeira", is a slip.
    """
    words = [(x, y) for x, y in zip(form.folded.split(), meant.folded.split(), strict=False) if x != y]
    kinds = [transliteration(x, y) for x, y in words]
    if kinds and None not in kinds and (all(k == "strong" for k in kinds) or form.docs > 1):
        return True
    if not words or not all(romanisation(x, y) for x, y in words):
        return False
    if any(x in lower_words or y in lower_words or known_name(x) for x, y in words):
        return False
    return not form.paths & meant.paths

def another_entity(form: _Form, target: str, lower_words: set[str], story_others: set[str],
                   cl: _Cluster) -> bool:
    """Is a name whose reference spelling only other stories use more likely another entity?

    Corpus-wide evidence is weaker than the story's own: it cannot call a name a
    slip when the name's only distinctive word is the one that differs -- "Marin
    County" (California) against another story's "Marion County" (Oregon) shares
    nothing but "County", a word the corpus writes in lower case -- nor when
    another article of the name's own story writes it the same way (the story
    knows this name; the other story's is a different one).
    """
    shared = [x for x, y in zip(form.folded.split(), target.split(), strict=False) if x == y]
    if all(x in lower_words for x in shared):
        return True
    return bool(cl.paths & story_others)
