"""Which pronoun a named person takes, from what the document itself says of them.

Why: a quote attributed to "she" (``she told Playboy``) belongs to the last
*woman* named before it, not to the last person.  Without a model of a
person's sex, the nearest name wins, and a quote of Bettie Page is credited to
the photographer "Jerry Tibbs" named in the sentence before.  The evidence is
deliberately small and conservative:

* the titles and roles the document puts before a name ("Mrs", "Sir",
  "actress", "widow"): the document's own word for that person;
* the given name, against a list of the given names that almost always name one
  sex (``data/given_name_sexes.txt``; names borne by both, such as "Alex",
  "Jean" or "Kim", are in neither section).

A person with no evidence, or with evidence both ways, has no sex here: the
caller then keeps its old, purely positional choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from factcheck.claims.base import Claim
from factcheck.claims.names.lexicon import read_sections

#: Title and role words that name the sex of the person they introduce.
_TITLE_SEX = {
    **dict.fromkeys("mr sir lord king prince duke earl baron emperor sultan sheikh father brother "
                    "monk friar pope cardinal archbishop husband widower son grandson boyfriend "
                    "actor businessman chairman congressman spokesman councilman policeman "
                    "fireman sportsman uncle nephew grandfather".split(), "m"),
    **dict.fromkeys("mrs ms miss madam madame mme dame lady queen princess duchess countess baroness "
                    "empress sister nun mother wife widow daughter granddaughter girlfriend actress "
                    "businesswoman chairwoman congresswoman spokeswoman councilwoman policewoman "
                    "sportswoman aunt niece grandmother heiress".split(), "f"),
}

#: The sex each third-person singular pronoun refers to.
PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
               "she": "f", "her": "f", "hers": "f", "herself": "f"}


@lru_cache(maxsize=1)
def _given_sexes() -> dict[str, str]:
    sections = read_sections("given_name_sexes.txt")
    out = dict.fromkeys(sections.get("male", []), "m")
    out.update(dict.fromkeys(sections.get("female", []), "f"))
    return out


def title_sex(title: str | None) -> str | None:
    """The sex a title or role names ("Mrs" -> "f", "Playboy founder" -> None)."""
    if not title:
        return None
    found = {_TITLE_SEX[w] for w in title.casefold().replace(".", " ").split() if w in _TITLE_SEX}
    return found.pop() if len(found) == 1 else None


def given_name_sex(name: str) -> str | None:
    """The sex a full name's first word names, if it is a given name of one sex ("Jerry Tibbs" -> "m")."""
    words = name.replace(".", " ").split()
    return _given_sexes().get(words[0].casefold()) if len(words) >= 2 else None


def person_sexes(names: Iterable[Claim]) -> dict[str, str]:
    """The sex of each person of a document's name mentions (by full name, ``value``), where the
    evidence points one way only: every title its mentions carry, and its given name."""
    seen: dict[str, set[str]] = {}
    for c in names:
        if c.attrs.get("type") != "person":
            continue
        votes = seen.setdefault(str(c.value), set())
        sex = title_sex(c.attrs.get("title"))
        if sex is not None:
            votes.add(sex)
    out = {}
    for name, votes in seen.items():
        given = given_name_sex(name)
        if given is not None:
            votes.add(given)
        if len(votes) == 1:
            out[name] = next(iter(votes))
    return out
