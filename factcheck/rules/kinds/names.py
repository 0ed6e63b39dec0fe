"""``type: name-variants`` -- misspelled and inconsistently styled names across the corpus.

Name mentions from every document are grouped by spelling.  Two questions are
asked of each rare spelling:

* **typo** (``mode: typo``): is it a near miss of a well-supported spelling?
  "Kim Long Un" (once) vs "Kim Jong Un" (several documents).  Only one token
  may differ, by at most one or two edits depending on its length, and the
  supported spelling must clearly dominate.  An article that repeats a
  misspelling is one vote (each occurrence is reported); a spelling several
  articles share is a typo only when the corpus overwhelms it (``dominance``:
  a copied wire typo, not two outlets' transliteration).  Candidates are found
  through a blocking index (shared tokens, token prefixes/suffixes), never by
  comparing every pair of names.
* **style** (``mode: style``): is it the same name written another way?
  "Kim Jong-un" vs "Kim Jong Un" differ only in hyphens, spaces, case or
  diacritics: a house-style inconsistency, reported at its own severity.

Different people with similar names are kept apart by the token structure:
"Donald Tusk"/"Donald Trump" differ by more than two edits, and
"Kim Jong Un"/"Kim Jong Il" differ in a two-letter token, which is never
treated as a typo.  A ``canonical`` list (YAML file or inline list)
overrides the corpus vote: a near miss of a canonical name is flagged however
rare the canonical name is, and a canonical spelling is never flagged -- by
any name-variants rule loaded with it, so a house list also protects its
names from the built-in ``names/variant``.

Example::

    id: house/name-typos
    type: name-variants
    severity: error
    mode: typo
    message: "'{match}' looks like a misspelling of '{suggestion}' ({support} mentions elsewhere)."
    tests:
      fail:
        - files:
            a.txt: "Leader Kim Jong Un spoke. Kim Jong Un left."
            b.txt: "Leader Kim Jong Un arrived. Later, leader Kim Long Un spoke."
      pass:
        - files:
            a.txt: "President Donald Trump spoke."
            b.txt: "President Donald Tusk spoke."
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from factcheck.claims.spellings import inflection_pair, typo_pair
from factcheck.documents import Document
from factcheck.errors import RuleError
from factcheck.findings import Finding, Location
from factcheck.fixes import replace_span
from factcheck.rules.evidence import Evidence, story_id
from factcheck.rules.kinds.base import Kind
from factcheck.rules.kinds.name_clusters import _Cluster, _Form, _mention_text, _SlipIndex, fold, style_key
from factcheck.rules.kinds.name_evidence import discussed_as_word
from factcheck.rules.kinds.name_memo import Prints, style_key_of
from factcheck.rules.kinds.name_slips import another_entity, plausible_slip, transliterated, two_people
from factcheck.rules.model import CorpusView, FindingsMemo, Option, Rule
from factcheck.rules.yamlsrc import load_yaml
from factcheck.wordstats import NameUse

#: the clusters last built: (the view, the name types, its clusters); see :func:`_shared_clusters`
_LAST_CLUSTERS: tuple[weakref.ref[CorpusView], tuple[str, ...], dict[str, _Cluster]] | None = None


#: the ``type`` a name claim can have (see factcheck.claims.names): what ``types:`` may list.
NAME_TYPES = ("person", "place", "organisation", "unknown")


class NameVariantsKind(Kind):
    """Flag rare name spellings that are near misses (typos) or style variants of common ones."""

    name = "name-variants"
    scope = "corpus"
    NEEDS = ("name",)
    READS_WORDS = True
    OPTIONS = {
        "mode": Option((str,), default="typo", choices=("typo", "style"), help="typo or style"),
        "min_support": Option((int,), default=2, min=1, help="mentions the dominant spelling needs (typo mode)"),
        # Below 1 the "dominant" spelling could have fewer mentions than the one it corrects.
        "ratio": Option((float,), default=2.0, min=1,
                        help="how many times more mentions the dominant spelling needs than the rare one has "
                             "documents (an article repeating a spelling is one vote); against a repeated or "
                             "shared spelling it also needs this many times as many documents"),
        "max_rare": Option((int,), default=2, min=0,
                           help="a spelling with more mentions than this in several documents is a typo only "
                                "when the dominant spelling overwhelms it (see dominance)"),
        "dominance": Option((float,), default=10.0, min=1,
                            help="how many times more mentions the dominant spelling needs against a spelling "
                                 "several documents share more than max_rare times (a copied wire typo), and "
                                 "against any spelling used more than once for an error, not the weak severity"),
        "canonical": Option((list, str), default=[], items=(str,), file=True,
                            help="canonical names, or a YAML file listing them"),
        "types": Option((list,), default=list(NAME_TYPES), items=(str,), item_choices=NAME_TYPES,
                        help="name types to check"),
        "weak_severity": Option((str,), default="warning", choices=("error", "warning", "info", "ignore"),
                                help="severity of less certain typos (one-word names, several rare uses, "
                                     "thin support, a spelling another document shares, a reference "
                                     "spelling found only in other stories); 'ignore' drops them"),
        "translit_severity": Option((str,), default="info", choices=("error", "warning", "info", "ignore"),
                                    help="severity of transliteration variants (Heydar/Heidar, Yunis/Younis): "
                                         "spellings that differ only where romanisations differ"),
    }
    PLACEHOLDERS = ("suggestion", "support", "documents", "variants")

    canonical: list[str]
    #: style keys of every canonical name of every loaded name-variants rule (see :meth:`link`)
    protected: frozenset[str] = frozenset()

    @classmethod
    def build(cls, rule: Rule, options: dict[str, Any], raw: Any, shown: str) -> Kind:
        self = cls(rule, options)
        canon = options["canonical"]
        if isinstance(canon, str):
            path = Path(shown).parent / canon if not Path(canon).is_absolute() else Path(canon)
            if shown.startswith("builtin:"):
                from factcheck.rules.loader import builtin_rules_dir
                path = builtin_rules_dir() / Path(shown[len("builtin:"):]).parent / canon
            docs = load_yaml(path, str(path))
            canon = docs[0] if docs else []
            if isinstance(canon, dict):
                canon = canon.get("names", [])
        if not isinstance(canon, list) or not all(isinstance(c, str) for c in canon):
            raise RuleError("must be a list of names or a YAML file with a list of names",
                            path=shown, line=raw.line_of("canonical"), key="canonical")
        self.canonical = list(canon)
        self.protected = frozenset(style_key(c) for c in self.canonical)
        return self

    def other_severities(self) -> dict[str, str]:
        # weak_severity grades typos; style variants are all reported alike.
        return super().other_severities() if self.options["mode"] == "typo" else {}

    @classmethod
    def link(cls, rules: Sequence[Rule]) -> None:
        """Let every name-variants rule protect the names any of them lists as canonical.

        A house list (``house/names``) says which spellings are right: the
        built-in ``names/variant`` must not then call one of them a misspelling
        of a more common name, nor two listed names (two people) each other's.
        Each rule still suggests only from its own list.
        """
        kinds = [r.impl for r in rules if isinstance(r.impl, NameVariantsKind)]
        shared = frozenset().union(*(k.protected for k in kinds))
        for k in kinds:
            k.protected = shared

    def _clusters(self, corpus: CorpusView) -> dict[str, _Cluster]:
        """The corpus's names by style key, built once per view and ``types`` (see :func:`_shared_clusters`)."""
        return _shared_clusters(corpus, tuple(sorted(set(self.options["types"]))))

    @staticmethod
    def _build_clusters(corpus: CorpusView, wanted: tuple[str, ...]) -> dict[str, _Cluster]:
        types = set(wanted)
        clusters: dict[str, _Cluster] = {}
        # A spelling's form, once per distinct spelling (None: not a name to compare): a corpus
        # repeats its names, and a cluster and a form built per mention only to be dropped by
        # ``setdefault`` were a third of this pass.
        forms: dict[str, _Form | None] = {}
        keys = _name_keys(corpus.memo)
        for doc in corpus.documents:
            for c in corpus.words_of(doc).names:  # the name claims, as the map phase took them
                if (c.type or "unknown") not in types:
                    continue
                text = _mention_text(c)
                if not text:
                    continue
                if text in forms:
                    form = forms[text]
                else:
                    form = forms[text] = _new_form(clusters, text, keys)
                if form is not None:
                    form.mentions.append((doc, c))
        return clusters

    def check_corpus(self, corpus: CorpusView) -> Iterable[Finding]:
        clusters = self._clusters(corpus)
        if self.options["mode"] == "style":
            yield from self._style(clusters, corpus)
        else:
            yield from self._typos(clusters, corpus)

    def _related(self, mentions: Sequence[tuple[Document, NameUse]], limit: int = 3) -> list[Location]:
        seen: list[Location] = []
        for doc, c in sorted(mentions, key=lambda m: (m[0].path, m[1].start)):
            loc = Location.of(doc, c.start, c.end)
            if all(r.path != loc.path for r in seen):
                seen.append(loc)
            if len(seen) >= limit:
                break
        return seen

    def _style(self, clusters: dict[str, _Cluster], corpus: CorpusView) -> Iterable[Finding]:
        memo = corpus.memo
        prints = Prints(memo) if memo is not None else None
        canon = {style_key(c): c for c in self.canonical}
        for key in sorted(clusters):
            cl = clusters[key]
            if len(cl.forms) < 2:
                continue
            memo_key = style_key_of(cl, corpus.stories, prints) if prints is not None else None
            if memo is None or memo_key is None:
                yield from self._style_of(cl, corpus, canon.get(key))
                continue
            found = memo.recall(self.rule.id, memo_key)
            if found is None:
                found = list(self._style_of(cl, corpus, canon.get(key)))
                memo.remember(self.rule.id, memo_key, found)
            yield from found

    def _style_of(self, cl: _Cluster, corpus: CorpusView, preferred: str | None) -> Iterator[Finding]:
        """The style findings of one cluster of several forms, ``preferred`` its canonical form if
        listed (reads only what :func:`~factcheck.rules.kinds.name_memo.style_key_of` digests)."""
        # A house style holds across the corpus, whatever the story: the evidence is the canonical
        # form (``canonical``) or the corpus's dominant one, and the documents that write it so.
        dom = cl.forms[preferred] if preferred in cl.forms else cl.dominant()
        target = preferred or dom.text
        variants = ", ".join(f"'{f}'" for f in sorted(cl.forms))
        for form in sorted(cl.forms.values(), key=lambda f: f.text):
            if form.text == target:
                continue
            support = sum(len(f.mentions) for f in cl.forms.values() if f.text == target)
            writers = [d.path for f in cl.forms.values() if f.text == target for d, _c in f.mentions]
            firsts: dict[str, tuple[Document, NameUse]] = {}
            for doc, c in form.mentions:
                if doc.path not in firsts or c.start < firsts[doc.path][1].start:
                    firsts[doc.path] = (doc, c)
            for path in sorted(firsts):
                doc, c = firsts[path]
                evidence = Evidence.of("canonical" if preferred else "corpus majority", story_id(corpus, path),
                                       [w for w in writers if w != path])
                # Both forms are right; which one the house uses is a choice: unsafe.
                yield self.rule.finding(doc, c.start, c.end, suggestion=target,
                                        related=self._related(dom.mentions), support=support,
                                        data={"evidence": evidence.as_json()},
                                        documents=dom.docs, variants=variants,
                                        fix=replace_span(doc, c.start, c.end, target, safe=False))

    @staticmethod
    def _lowercase_words(corpus: CorpusView) -> set[str]:
        """Words the corpus writes in lower case: ordinary words, not names.

        A lone "Woman" near "Oman" or "Deal" near "Dell" is a capitalised word,
        not a misspelled name, and the corpus itself says so.  Inside a longer
        name ("Kim Long Un") a word can still be a slip.
        """
        return set(corpus.lower_words())

    def _shared(self, cl: _Cluster) -> bool:
        """Several documents write this spelling, more than ``max_rare`` times: a copied
        spelling (a wire story's typo, or a transliteration two outlets agree on)."""
        return cl.docs > 1 and cl.support > self.options["max_rare"]

    def _overwhelmed(self, cl: _Cluster, support: int, docs: int) -> bool:
        """The other spelling has ``dominance`` times the mentions of ``cl``, in ``ratio`` times its documents."""
        opts = self.options
        return support >= opts["dominance"] * cl.support and docs >= opts["ratio"] * cl.docs

    def _outnumbered(self, cl: _Cluster, support: int, docs: int) -> bool:
        """Does a spelling with ``support`` mentions in ``docs`` documents dominate ``cl``?

        An article that repeats its own slip ("Marchetty" on lines 6 and 10) is
        one writer's choice: it counts once, so each repetition is reported
        instead of the second hiding the first -- provided other documents use
        the other spelling (an article writing "Medicaid" four times beside
        "Medicare" five times means two things).  A spelling that several
        documents share many times is a typo only when the rest of the corpus
        overwhelms it: a copied wire typo ("Noth Korea" in two articles against
        dozens of "North Korea"), not two outlets' consistent transliteration.
        """
        opts = self.options
        if self._shared(cl):
            return self._overwhelmed(cl, support, docs)
        if cl.support > cl.docs and docs < opts["ratio"] * cl.docs:
            return False
        return support > cl.support and support >= max(opts["min_support"], opts["ratio"] * cl.docs)

    def _confident(self, cl: _Cluster, form: _Form, support: int, docs: int, canonical: bool,
                   target: _Cluster | None, in_story: bool, token_docs: dict[str, set[str]]) -> bool:
        """Error-level evidence: a multi-word name, misspelled once (or more often, when
        the corpus overwhelms the spelling: see :meth:`_overwhelmed`), against a spelling
        used at least three times in at least two documents (or a canonical one) that
        its own story uses (``in_story``) -- the same event, not "Marin County" in one
        story and "Marion County" in another, which is at most the weak severity.

        A slip of the pen is private to its writer.  When another document spells the
        differing word the same way in a name of its own ("Gurbanguly Berdimuhamedov"
        beside "Gurbanguly Berdymukhamedov"), the spelling is a shared convention --
        usually a transliteration -- and the finding drops to the weak severity.
        """
        if len(form.folded.split()) < 2:
            return False
        if canonical:
            return True
        if cl.support != 1 and not self._overwhelmed(cl, support, docs):
            return False  # a spelling used more than once may be a choice, not a slip
        if support < 3 or docs < 2 or target is None or not in_story:
            return False
        mine = form.paths
        meant = target.closest(form.folded).folded.split()
        return not any(x != y and token_docs.get(x, set()) - mine
                       for x, y in zip(form.folded.split(), meant, strict=False))

    def _typos(self, clusters: dict[str, _Cluster], corpus: CorpusView) -> Iterable[Finding]:
        opts = self.options
        canon_keys = {style_key(c): c for c in self.canonical}
        # Index the well-supported clusters (and canonical names) for slips (see _SlipIndex).
        index = _SlipIndex()
        strong: dict[str, tuple[str, int, int]] = {}  # style key -> (display, support, docs)
        folded_of: dict[str, str] = {}  # style key -> the display's folded form
        for key, cl in clusters.items():
            if cl.support >= opts["min_support"] or key in canon_keys:
                canon = canon_keys.get(key)
                dom = cl.dominant()
                strong[key] = (canon or dom.text, cl.support, cl.docs)
                folded_of[key] = fold(canon) if canon else dom.folded
        for key, canon in canon_keys.items():
            if key not in strong:
                strong[key] = (canon, 0, 0)
                folded_of[key] = fold(canon)
        token_docs: dict[str, set[str]] = defaultdict(set)  # folded name word -> paths that write it
        in_longer: dict[str, set[str]] = defaultdict(set)  # folded word -> paths that write it inside a longer name
        for clu in clusters.values():
            for f in clu.forms.values():
                words = f.folded.split()
                paths = f.paths
                for w in words:
                    token_docs[w] |= paths
                    if len(words) > 1:
                        in_longer[w] |= paths
        lower_words = self._lowercase_words(corpus)
        stories = corpus.stories
        for key in sorted(strong):
            index.add(key, folded_of[key])
        for key in sorted(clusters):
            cl = clusters[key]
            if key in self.protected:
                continue  # listed as right by this rule or another name-variants rule
            if all(c.linked for f in cl.forms.values() for _d, c in f.mentions):
                # "Peyton" linked to "Peyton Manning" in its own article is spelled as that
                # full name is: a different person from "Payton", or, if the full name is
                # misspelled too, reported there.
                continue
            form = cl.dominant()
            mine = form.paths
            if " " not in form.folded and mine <= in_longer.get(form.folded, set()):
                # "J.J. Arrington ... Arrington has a sore knee": a lone word its own article
                # also writes inside a fuller name is that name's surname, spelled twice alike.
                continue
            candidates = index.candidates(form.folded)
            candidates.discard(key)
            if not candidates:
                continue  # most names: nothing within a slip of them (and no story to look up)
            # Each story once: the copies of a reprinted article, all in one story, named it again and again.
            around = {id(st): st for m in mine if (st := stories.story_of(m)) is not None}
            story_docs = {p for st in around.values() for p in st.documents} | mine
            # "Klitschkos" is the plural of a name the corpus uses, not a slip for a rarer
            # spelling; but "Colos" is still a slip for "Colts", not a plural of "Colo.".
            base = max((strong[o][1] for o in candidates if inflection_pair(form.folded, folded_of[o])), default=-1)
            best: tuple[int, int, int, str] | None = None
            for other in sorted(candidates):
                _text, support, docs = strong[other]
                is_canon = other in canon_keys
                if not is_canon and not self._outnumbered(cl, support, docs):
                    continue
                if not typo_pair(form.folded, folded_of[other]):
                    continue
                same_doc = other in clusters and bool(mine & clusters[other].paths)
                # The reference spelling is searched in the story first: a spelling the same
                # event's articles use is what this article meant; another story's name
                # ("Woodward" beside "Woodland") is weaker evidence (see below).
                in_story = other in clusters and bool(story_docs & clusters[other].paths)
                if not is_canon and not plausible_slip(form, folded_of[other], lower_words, same_doc,
                                                        strict=not in_story):
                    continue
                rank = (1 if is_canon else 0, 1 if in_story else 0, support, other)
                if best is None or rank > best:
                    best = rank
            if best is None or (best[0] == 0 and base >= best[2]):
                continue
            is_canon, in_story, ref = best[0] == 1, best[1] == 1, best[3]
            target_cl = clusters.get(ref)
            target = strong[ref][0]
            related: list[Location] = []
            meant: _Form | None = None
            if target_cl is not None:
                meant = target_cl.closest(form.folded)
                related = self._related(meant.mentions)
                if not is_canon:
                    target = meant.text
                if two_people(form, meant):
                    continue
            _t, support, docs = strong[ref]
            if len(form.folded.split()) == 1 and not is_canon and not in_story:
                continue  # a lone word near a name from another story ("Stiles Unit", "Gary Stills")
            if not is_canon and not in_story and another_entity(form, folded_of[ref], lower_words,
                                                                      story_docs - mine, cl):
                continue
            agreeing = sorted(target_cl.paths & story_docs if in_story else target_cl.paths) if target_cl else []
            if not is_canon and len(agreeing) < cl.docs:
                continue  # more of its own story's articles write it this way ("Titter" twice, "Twitter" once)
            path = "canonical" if is_canon else "same-story typo" if in_story else "corpus typo"
            severity = None
            if meant is not None and not is_canon and transliterated(form, meant, lower_words):
                path, severity = "transliteration", opts["translit_severity"]
            elif not self._confident(cl, form, support, docs, is_canon, target_cl, in_story, token_docs):
                severity = opts["weak_severity"]
            if severity == "ignore":
                continue
            # A fix is safe only when the rule is sure (its own severity: the story or corpus
            # spells the name one way, often enough).  A weak match or a transliteration may be
            # another person or another right spelling (on ECB+: "Robin"/"Robyn Mendes",
            # "Bireuen"/"Bireun"): changing it is the reader's call, so it is unsafe.
            safe = severity is None
            story = stories.story_of(min(mine))
            evidence = Evidence.of(path, story.id if story else None, agreeing).as_json()
            for f in sorted(cl.forms.values(), key=lambda f: f.text):
                for doc, c in f.mentions:
                    if discussed_as_word(doc.text, c.start, c.end):
                        continue  # "a diminutive of Vincente" names nobody
                    fix = replace_span(doc, c.start, c.end, target, safe=safe)
                    yield self.rule.finding(doc, c.start, c.end, suggestion=target, related=related,
                                            severity=severity, support=support, documents=docs,
                                            data={"evidence": evidence}, fix=fix)


def _new_form(clusters: dict[str, _Cluster], text: str,
              keys: Callable[[str], tuple[str, str]] | None = None) -> _Form | None:
    """The form of spelling ``text`` in its cluster of ``clusters`` (both made when new), or None
    when ``text`` is no name to compare (no letter, no style key); ``keys`` gives its folded form
    and style key (see :func:`_name_keys`)."""
    if not any(ch.isalpha() for ch in text):
        return None
    folded, key = keys(text) if keys is not None else (fold(text), style_key(text))
    if not key:
        return None
    cl = clusters.get(key)
    if cl is None:
        cl = clusters[key] = _Cluster(key)
    form = cl.forms[text] = _Form(text, folded)
    return form


#: the memo table of each spelling's folded form and style key (see :func:`_name_keys`)
NAME_KEYS = "name-keys"


def _name_keys(memo: FindingsMemo | None) -> Callable[[str], tuple[str, str]]:
    """A spelling's folded form and style key, from the keys the last scan kept when ``memo`` has
    them: pure functions of the text, but in a fresh process computing them for each of a corpus's
    distinct names (Unicode folding, and WordNet for each word's British/American key) was ~0.08 s
    of a re-scan's CPU on ECB+, at any scale."""
    if memo is None:
        return lambda text: (fold(text), style_key(text))

    def keys(text: str) -> tuple[str, str]:
        found = memo.value(NAME_KEYS, text)
        if found is not None and len(found) == 2:
            return found[0], found[1]
        made = fold(text), style_key(text)
        memo.keep(NAME_KEYS, text, made)
        return made
    return keys


def _shared_clusters(corpus: CorpusView, types: tuple[str, ...]) -> dict[str, _Cluster]:
    """The name clusters of ``corpus`` for the name ``types``: built once for every name-variants
    rule that runs on the same view (``names/variant`` and ``names/style`` built the very same
    clusters, a tenth of the corpus phase after one change on ECB+).

    Only the last view's clusters are kept, through a weak reference whose callback drops them with
    the view: the rules of one view run one after the other, and the clusters (which hold the view's
    documents) must not outlive the scan.
    The rules only read them; their counts are cached properties, the same whoever asks first.
    """
    global _LAST_CLUSTERS
    last = _LAST_CLUSTERS
    if last is not None and last[0]() is corpus and last[1] == types:
        return last[2]
    clusters = NameVariantsKind._build_clusters(corpus, types)
    _LAST_CLUSTERS = (weakref.ref(corpus, _forget_clusters), types, clusters)
    return clusters


def _forget_clusters(gone: weakref.ref[CorpusView]) -> None:
    global _LAST_CLUSTERS
    if _LAST_CLUSTERS is not None and _LAST_CLUSTERS[0] is gone:
        _LAST_CLUSTERS = None
