"""Evaluate the consistency rules on a real multi-outlet corpus.

Usage::

    python bench/consistency_eval.py ../shared/corpora/ecbplus [--plants 40] [--seed 1] [--scale 10]
        [--kinds name,figure,date,quote,quote-wording] [--split all|dev|test]

Works on copies (the corpus is never edited):

1. **False positives.**  Scans the untouched copy and prints findings per 100
   articles, by rule and severity.  Nobody planted errors there, so every
   error-level finding is a false positive unless the outlet really erred.
2. **Recall.**  Plants controlled errors at known spans, one kind at a time,
   in fresh copies (``--per-copy`` plants each, at most one per story, so
   that no two plants touch one fact and hide each other): name typos (1-2
   edits in a name the corpus spells consistently, surname-only mentions
   included), changed figures and shifted dates (in a figure/date that
   another article of the same story -- folder, and in ECB+ event: see
   ``story_of`` -- states with the same value and at least four shared
   content words; recall is also printed for the subset stated in closely
   similar words, overlap >= 0.6), and altered quotes.  Quote targets come
   from the raw text, not from the extractor's quote claims (a quote the
   extractor misses must be plantable too): every span between quotation
   marks, straight or curly, of at least eight words that another article of
   the same story gives verbatim (its words, up to punctuation and spacing,
   inside one of its quotes).  Two quote kinds: ``quote`` changes what the
   quote says -- a negation removed, or added after an auxiliary verb; a
   number changed; a hedge or word of certainty dropped; a content word
   replaced by a random content word of the corpus that is not a form of it
   -- the changes quotes/drift reports at warning; ``quote-wording`` makes
   the older edits (a word dropped, an intensifier added, a word replaced by
   an adverb), mostly wording the rule rightly reports at info.  A plant is
   found when a finding of the expected rule (for dates: the conflict or the
   weekday check) points at the planted span (or lists it as related).
   Prints recall per kind at any severity and at warning or above (info
   findings do not fail a build; for every kind but ``quote-wording`` the
   measure is warning+), how many were found at each severity, for names
   recall by shape and for quotes by edit; plants missed, or (kinds that
   change the meaning) found only at info, are listed.  Which
   targets are drawn, and each one's edit, depend only on the seed and the
   target's place, so two commits' samples share every target both have;
   missed plants are printed with their offset in the file (``path@offset``).
   A changed age stays a plausible age (at most ``MAX_PLANTED_AGE``).  ``--split dev|test``
   plants only in the topics of the ECB+ literature's split (dev 1-35, test 36-45): tune
   the rules on dev and report test, which no tuning saw.
3. **Scaling.**  Times a scan of the corpus and of a corpus ``--scale`` times
   larger (each replica with its sentences reordered and some dropped), and
   prints the time ratio against the size ratio: close to 1.0 means linear.
   Then times a scan of one-line pathological documents (thousands of
   figures, names, dates or quotes each) at 1x and 4x their size.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import factcheck
from factcheck.claims.base import Claim, extract_all
from factcheck.config import Config
from factcheck.documents import Document, discover, load_document
from factcheck.findings import Finding

#: A target whose counterpart sentence shares this share of its content words
#: (overlap coefficient) is "stated in closely similar words".
CLOSE = 0.6
#: The rules whose finding at the planted span counts as finding the plant.  A
#: shifted date next to its weekday is caught by the weekday check too.
EXPECTED_RULES = {"name": ("names/variant",), "figure": ("figures/conflict",),
                  "date": ("dates/conflict", "dates/weekday"), "quote": ("quotes/drift",),
                  "quote-wording": ("quotes/drift",)}
#: Kinds whose plants change what the text says, so that a finding below warning (an info note,
#: which fails no build) is not enough: their headline recall is at warning or above.
#: ``quote-wording`` plants keep the meaning, and the rule rightly reports them at info.
MEANING_KINDS = ("name", "figure", "date", "quote")
#: The fewest words a quote target has: a short quote ("a mess") is too easily a phrase two outlets share.
QUOTE_MIN_WORDS = 8
_STOP = {"the", "a", "an", "of", "in", "on", "to", "and", "said", "was", "is", "for", "at", "by", "with"}


@dataclass
class Plant:
    kind: str
    close: bool
    path: Path  # the file in the working copy
    start: int  # source offsets after the edit
    end: int
    before: str
    after: str
    linked: bool = False  # a surname-only mention ("Pompeo said") of a full name
    shape: str = ""  # for quotes: the edit made ("negation added", "word replaced", "drop", ...)


@dataclass(frozen=True)
class Span:
    """A plant target the benchmark found in the raw text itself, not through an extractor's
    claims (text offsets, as a claim's): a quote an extractor misses must be plantable too,
    or recall would only measure the quotes the extractor already finds."""

    start: int
    end: int
    text: str


#: What a plant is drawn from: an extracted claim (names, figures, dates) or a raw-text span (quotes).
Target = tuple[Path, Claim | Span]


def copy_corpus(src: Path, dest: Path) -> list[Path]:
    shutil.copytree(src, dest)
    return discover([dest])


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w not in _STOP and len(w) > 2}


def _sentence(doc: Document, c: Claim) -> str:
    return doc.text[c.sentence[0]:c.sentence[1]]


def story_of(path: Path | str) -> str:
    """The story an article tells: its folder -- and in ECB+, where each topic
    folder holds two events (``N_Mecb.txt`` and ``N_Mecbplus.txt``), its event.

    A figure is a target only where another article of its story states it:
    two events of one topic (a "27-year-old" victim of one shooting, a "27-year-old" parolee of another)
    are different facts, which the rule must not pair.
    """
    path = Path(path)
    return path.parent.name + ("+" if path.name.endswith("ecbplus.txt") else "")


#: The ECB+ literature's split by topic (its folder number): tune on ``dev``, report ``test`` untouched.
SPLITS = {"dev": range(1, 36), "test": range(36, 46)}


def in_split(path: Path, split: str) -> bool:
    """Is the article in ``split`` (``all``, or a :data:`SPLITS` key), by its topic folder's number?
    A folder that is not a number belongs to no split but ``all``."""
    if split == "all":
        return True
    topic = path.parent.name
    return topic.isdigit() and int(topic) in SPLITS[split]


def _mutate_name(name: str, rng: random.Random) -> str | None:
    tokens = name.split(" ")
    idx = [i for i, t in enumerate(tokens) if len(t) >= 5 and t.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    t = tokens[i]
    edits = rng.choice([1, 1, 2]) if len(t) >= 8 else 1
    for _ in range(edits):
        pos = rng.randrange(1, len(t) - 1)
        op = rng.choice(["sub", "del", "swap"])
        letters = "aeiourstnlm"
        if op == "sub":
            new = rng.choice([c for c in letters if c != t[pos].lower()])
            t = t[:pos] + new + t[pos + 1:]
        elif op == "del":
            t = t[:pos] + t[pos + 1:]
        elif pos + 1 < len(t) and t[pos] != t[pos + 1]:
            t = t[:pos] + t[pos + 1] + t[pos] + t[pos + 2:]
        else:
            t = t[:pos] + t[pos + 1:]
    tokens[i] = t
    out = " ".join(tokens)
    return out if out != name else None


def _digits_give_value(c: Claim) -> bool:
    """Does the claim's first run of digits state its value?  Changing the digits of
    "seven AK-47 rifles" changes a model name, not the count."""
    m = _DIGITS_RE.search(c.text)
    low = c.value[0] if isinstance(c.value, (list, tuple)) and c.value else c.value
    if not m or not isinstance(low, (int, float)):
        return False
    digits = float(m.group(0).replace(",", ""))
    return any(abs(digits * scale - low) <= 1e-6 * max(1.0, abs(low)) for scale in (1, 1e3, 1e6, 1e9, 1e12))


_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


#: The factors a changed figure's value is multiplied by (one drawn per plant).
FACTORS = (0.5, 0.6, 0.75, 1.3, 1.5, 2.0, 3.0)
#: The oldest age a changed age may become: a planted age must stay an age.  "Anthony
#: LaCalamita, 38" made 114 is no longer a plausible age at all, and the extractor (which
#: reads ages up to 120 only, see ``factcheck.claims.ages``) rightly reads a 183 as
#: something else: such a plant tests nothing a real slip would.
MAX_PLANTED_AGE = 99


def _is_age(c: Claim) -> bool:
    """Is the claim a person's age ("38-year-old", "LaCalamita, 38", "aged 61")?"""
    return bool(c.get("age")) or c.get("measure") == "age"


def _change_number(text: str, rng: random.Random, most: float | None = None) -> str | None:
    """``text`` with its first run of digits multiplied by one of :data:`FACTORS`; ``most``:
    the largest value the change may give (an age's, :data:`MAX_PLANTED_AGE`): only the
    factors that keep within it are drawn from, so the figure stays what it was."""
    m = _DIGITS_RE.search(text)
    if not m:
        return None
    raw = m.group(0)
    digits = raw.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    factors = [f for f in FACTORS if most is None or value * f <= most]
    if not factors:
        return None
    factor = rng.choice(factors)
    new = value * factor
    if "." in digits:
        s = f"{new:.{len(digits.split('.')[1])}f}"
    else:
        n = max(round(new), 1)
        if n == int(value):
            n += 1
        s = f"{n:,}" if "," in raw else str(n)
    return text[:m.start()] + s + text[m.end():]


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _shift_date(text: str, rng: random.Random) -> str | None:
    m = re.search(r"\b([0-3]?\d)\b", text)
    if not m:
        return None
    day = int(m.group(1))
    shift = rng.choice([-3, -2, -1, 1, 2, 3])
    new = min(max(day + shift, 1), 28)
    if new == day:
        new = day + 1 if day < 28 else day - 1
    return text[:m.start()] + str(new) + text[m.end():]


def _alter_quote(words: list[str], rng: random.Random) -> tuple[list[str], str]:
    """A wording edit (``quote-wording``): a word dropped, replaced by an adverb or an
    intensifier added -- mostly changes the rule rightly reports at info.  Returns the
    words and the edit's name."""
    w = list(words)
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["drop", "replace", "insert"])
    if op == "drop":
        del w[i]
    elif op == "replace":
        w[i] = rng.choice(["never", "always", "certainly", "partly", "clearly", "only"])
    else:
        w.insert(i, rng.choice(["really", "very", "entirely", "also"]))
    return w, op


# --------------------------------------------------------------------------- quotes from the raw text

# Straight quotes pair left to right within a line; curly ones by their own shapes.
_QUOTE_RE = re.compile(r'"([^"\n]+)"|“([^“”\n]+)”')
_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
#: Closed-class words, the benchmark's own short list: never the content word a plant replaces.
_FUNCTION = frozenset("""
a an the and or but if then than that this these those there here what which who whom whose when where why how
i me my we us our you your he him his she her it its they them their one ones some any all each every both
of in on at to for from by with about into onto over under after before since until while as so such very
is am are was were be been being do does did have has had will would shall should can could may might must
just also too not no nor yes said says say told tell been going gonna want like well really more most much
myself ourselves yourself yourselves himself herself itself themselves through again other another only even
still because though although upon within without against between among toward towards across around
""".split())
_NEGATED = {"don't": "do", "doesn't": "does", "didn't": "did", "isn't": "is", "wasn't": "was", "aren't": "are",
            "weren't": "were", "can't": "can", "cannot": "can", "won't": "will", "wouldn't": "would",
            "couldn't": "could", "shouldn't": "should", "haven't": "have", "hasn't": "has", "hadn't": "had"}
_AUXILIARIES = frozenset("is was are were will would can could should has have had do does did must".split())
_HEDGE_WORDS = frozenset("maybe probably possibly perhaps may might likely allegedly apparently reportedly "
                         "supposedly certainly definitely surely".split())
_HEDGE_PAIRS = frozenset({("i", "think"), ("i", "believe"), ("i", "guess"), ("we", "think"), ("we", "believe")})
_NUMBER_WORDS = ("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
                 "seventy eighty ninety hundred thousand million").split()
_ENDINGS_RE = re.compile(r"(?:ing|ies|ied|ed|es|er|est|ly|s|d)$")


def _key(text: str) -> str:
    """A quote's words, casefolded and apostrophes unified: verbatim up to punctuation and spacing."""
    return " ".join(w.casefold().replace("’", "'") for w in _WORD_RE.findall(text))


def raw_quotes(text: str) -> list[Span]:
    """Every span between quotation marks (straight or curly) in ``text``, found by the
    benchmark's own scan -- not by factcheck's quote extractor, whose misses are what
    the benchmark must be able to plant into."""
    out = []
    for m in _QUOTE_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        inner = m.group(g)
        lead = len(inner) - len(inner.lstrip())
        body = inner.strip()
        if body:
            start = m.start(g) + lead
            out.append(Span(start, start + len(body), body))
    return out


def _stem(word: str) -> str:
    return _ENDINGS_RE.sub("", word.casefold())


def _forms(a: str, b: str) -> bool:
    """Could ``b`` be a form of ``a`` ("wanted"/"want", "stopping"/"stops")?  A rough,
    deliberately generous test: a replacement must be another word, not another form."""
    x, y = _stem(a), _stem(b)
    return x == y or x.startswith(y) or y.startswith(x) or a.casefold()[:5] == b.casefold()[:5]


def _cap(like: str, word: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _alter_meaning(text: str, rng: random.Random, vocabulary: list[str]) -> tuple[str, str] | None:
    """A change of what a quote says (``quote``), drawn from what the quote offers: a
    negation removed, or added after an auxiliary verb; a number changed; a hedge or word
    of certainty dropped; a content word replaced by a random content word of the corpus
    that is not a form of it.  Returns the new text and the edit's name, or None when the
    quote offers none."""
    words = list(_WORD_RE.finditer(text))
    low = [m.group(0).casefold().replace("’", "'") for m in words]
    options: dict[str, list[int]] = {
        "negation dropped": [i for i, w in enumerate(low) if w in _NEGATED or w in ("not", "never")],
        "negation added": [i for i, w in enumerate(low) if w in _AUXILIARIES and
                           (i + 1 == len(low) or low[i + 1] not in ("not", "never", "n't"))],
        "number changed": [i for i, w in enumerate(low) if _DIGITS_RE.fullmatch(w) or w in _NUMBER_WORDS],
        "hedge dropped": [i for i, w in enumerate(low) if w in _HEDGE_WORDS and words[i].group(0) != "May"] +
                         [i for i in range(len(low) - 1) if (low[i], low[i + 1]) in _HEDGE_PAIRS],
        "word replaced": [i for i, w in enumerate(low) if w.isalpha() and len(w) >= 4 and w not in _FUNCTION
                          and w not in _HEDGE_WORDS and words[i].group(0).islower()],
    }
    available = sorted(op for op, at in options.items() if at)
    if not available:
        return None
    op = rng.choice(available)
    i = rng.choice(options[op])
    m, w = words[i], low[i]
    start, end, new = m.start(), m.end(), m.group(0)
    if op == "negation dropped":
        if w in _NEGATED:
            new = _cap(m.group(0), _NEGATED[w])
        else:  # drop the word and the space before it
            start, new = len(text[:start].rstrip()), ""
    elif op == "negation added":
        new = m.group(0) + " not"
    elif op == "number changed":
        if w in _NUMBER_WORDS:
            new = _cap(m.group(0), rng.choice([n for n in _NUMBER_WORDS if n != w]))
        else:
            new = _change_number(m.group(0), rng) or new
    elif op == "hedge dropped":
        if (low[i], low[i + 1] if i + 1 < len(low) else "") in _HEDGE_PAIRS:
            end = words[i + 1].end()
        new = ""
        end = len(text) - len(text[end:].lstrip()) if start == 0 else end
        start = start if start == 0 else len(text[:start].rstrip())
    else:
        choices = [v for v in vocabulary if not _forms(w, v)]
        new = rng.choice(choices)
    out = text[:start] + new + text[end:]
    return (out, op) if out != text and out.strip() else None


class Planter:
    """Finds plant targets in the loaded copy and edits one file per plant."""

    def __init__(self, files: list[Path], seed: int) -> None:
        self.seed = seed
        self.close: set[tuple[Path, int]] = set()
        self.source_of: dict[Path, Path] = {}  # targets stated in closely similar words elsewhere
        self.docs: dict[Path, Document] = {}
        self.claims: dict[Path, list[Claim]] = {}
        self._vocabulary: list[str] | None = None
        for p in files:
            doc = load_document(p)[0]
            self.docs[p] = doc
            self.claims[p] = extract_all(doc)

    def name_targets(self) -> list[tuple[Path, Claim]]:
        spellings: Counter[str] = Counter()
        docs_of: dict[str, set[Path]] = defaultdict(set)
        for p, cs in self.claims.items():
            for c in cs:
                if c.kind == "name":
                    spellings[c.text] += 1
                    docs_of[c.text].add(p)
        out = []
        for p, cs in sorted(self.claims.items()):
            for c in cs:
                if c.kind == "name" and spellings[c.text] >= 3 and \
                        len(docs_of[c.text]) >= 2 and any(len(t) >= 5 for t in c.text.split()):
                    out.append((p, c))
        return out

    def _shared_fact_targets(self, kinds: set[str], same: Callable[[Claim, Claim], bool]) -> list[tuple[Path, Claim]]:
        by_story: dict[str, list[tuple[Path, Claim]]] = defaultdict(list)
        for p, cs in self.claims.items():
            for c in cs:
                if c.kind in kinds and c.value is not None and not c.qualifier:
                    by_story[story_of(p)].append((p, c))
        out = []
        for items in by_story.values():
            for p, c in items:
                ctx = _content_words(_sentence(self.docs[p], c))
                best = 0.0
                for q, d in items:
                    if q == p or not same(c, d):
                        continue
                    other = _content_words(_sentence(self.docs[q], d))
                    if len(ctx & other) >= 4:
                        best = max(best, len(ctx & other) / min(len(ctx), len(other)))
                if best:
                    out.append((p, c))
                    if best >= CLOSE:
                        self.close.add((p, c.start))
        return sorted(out, key=lambda t: (str(t[0]), t[1].start))

    def figure_targets(self) -> list[tuple[Path, Claim]]:
        return [t for t in self._shared_fact_targets(
            {"quantity", "count"}, lambda a, b: a.value == b.value and a.unit == b.unit)
            if _digits_give_value(t[1])]

    def date_targets(self) -> list[tuple[Path, Claim]]:
        return [t for t in self._shared_fact_targets(
            {"date"}, lambda a, b: a.value == b.value and a.get("granularity") == "day" and not a.get("relative")
            and not a.get("dateline") and not b.get("dateline"))
            if re.search(r"\b[0-3]?\d\b", t[1].text) and not re.fullmatch(r"\d{4}-\d\d-\d\d", t[1].text)]

    def quote_targets(self) -> list[tuple[Path, Span]]:
        """Quotes of at least :data:`QUOTE_MIN_WORDS` words, from the benchmark's own scan of
        the text (:func:`raw_quotes`), that another article of the same story gives verbatim
        (its words, up to punctuation and spacing, within one of its quotes): the reference a
        changed copy drifts from."""
        # The corpus's own files (``docs`` also maps the working copies' files once planting starts).
        quotes = {p: raw_quotes(self.docs[p].text) for p in self.claims}
        by_story: dict[str, list[Path]] = defaultdict(list)
        for p in quotes:
            by_story[story_of(p)].append(p)
        out = []
        for paths in by_story.values():
            for p in paths:
                others = [f" {_key(q.text)} " for o in paths if o != p for q in quotes[o]]
                for span in quotes[p]:
                    key = _key(span.text)
                    if len(key.split()) >= QUOTE_MIN_WORDS and any(f" {key} " in o for o in others):
                        out.append((p, span))
        return sorted(out, key=lambda t: (str(t[0]), t[1].start))

    def vocabulary(self) -> list[str]:
        """Content words of the corpus (lower case, four letters or more, in two articles or
        more), sorted: what a ``word replaced`` quote plant draws its new word from."""
        if self._vocabulary is None:
            docs_of: Counter[str] = Counter()
            for p in self.claims:
                docs_of.update({w for w in _WORD_RE.findall(self.docs[p].text)
                                if w.isalpha() and w.islower() and len(w) >= 4 and w not in _FUNCTION})
            self._vocabulary = sorted(w for w, n in docs_of.items() if n >= 2)
        return self._vocabulary

    def plant(self, kind: str, path: Path, claim: Claim | Span) -> Plant | None:
        doc = self.docs[path]
        s, e = doc.source_span(claim.start, claim.end)
        before = doc.source[s:e]
        # Each target draws its own edit from the seed and where it is, so that targets
        # added or dropped elsewhere (a claims change) leave every other plant as it was:
        # two commits' recall over every target compares the same plants.
        source = self.source_of.get(path, path)
        rng = random.Random(f"{self.seed}:{kind}:{source.parent.name}/{source.name}:{claim.start}")
        shape = ""
        after: str | None
        if kind == "name":
            after = _mutate_name(before, rng)
        elif kind == "figure":
            after = _change_number(before, rng, MAX_PLANTED_AGE if isinstance(claim, Claim) and _is_age(claim)
                                   else None)
        elif kind == "date":
            after = _shift_date(before, rng)
        elif kind == "quote":
            edit = _alter_meaning(before, rng, self.vocabulary())
            after, shape = edit if edit else (None, "")
        elif len(before.split()) > 3:
            words, shape = _alter_quote(before.split(), rng)
            after = " ".join(words)
        else:
            after = None
        if not after or after == before:
            return None
        new_source = doc.source[:s] + after + doc.source[e:]
        path.write_text(new_source, encoding="utf-8")
        linked = isinstance(claim, Claim) and bool(claim.get("linked"))
        return Plant(kind, (self.source_of.get(path, path), claim.start) in self.close, path, s, s + len(after),
                     before, after, linked, shape)


def _draw(seed: int, kind: str, path: Path, claim: Claim | Span) -> tuple[float, str, int]:
    """A target's rank in the draw of plants: random, but fixed by the seed and the target's place."""
    place = f"{path.parent.name}/{path.name}"
    return random.Random(f"{seed}:{kind}:draw:{place}:{claim.start}").random(), place, claim.start


def _shape(plant: Plant) -> str:
    """Name plants by the evidence the rule can have: a surname-only mention
    ("Pompeo said"), a multi-word name, or a lone word (one under six letters
    counts as a slip only when swapped or spelled right in its own article).
    A quote plant is named by its edit."""
    if plant.shape:
        return plant.shape
    if plant.linked:
        return "surname-only"
    if len(plant.before.split()) > 1:
        return "multi-word"
    return "one word, 6+ letters" if len(plant.before) >= 6 else "one word, <6 letters"


def _hits(plant: Plant, findings: list[Finding], root: Path) -> Finding | None:
    """The finding of the expected rule that points at the plant, if any (the most severe first)."""
    rel = factcheck_path(plant.path)
    rules = EXPECTED_RULES[plant.kind]
    for f in sorted(findings, key=lambda f: ("error", "warning", "info").index(f.severity)):
        if f.rule not in rules:
            continue
        locs = [f.location, *f.related]
        for loc in locs:
            if loc.path == rel:
                doc = load_document(plant.path)[0]
                line, col = doc.position(plant.start)
                end_line, end_col = doc.position(plant.end)
                if (loc.line, loc.column) <= (end_line, end_col) and (line, col) <= (loc.line, loc.column + len(
                        loc.excerpt)):
                    return f
    return None


def evidence_path(f: Finding) -> str | None:
    """The comparison a corpus rule records as having made the finding (``evidence.path``), if any."""
    evidence = f.data.get("evidence")
    return str(evidence["path"]) if isinstance(evidence, dict) and "path" in evidence else None


def factcheck_path(p: Path) -> str:
    from factcheck.documents import display_path
    return display_path(p)


def scan(root: Path) -> tuple[list[Finding], float]:
    t0 = time.perf_counter()
    report = factcheck.scan([root], Config())
    return report.findings, time.perf_counter() - t0


def replicate(src_files: list[Path], dest: Path, times: int, rng: random.Random) -> int:
    n = 0
    for k in range(times):
        for p in src_files:
            lines = [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
            head, body = lines[:3], lines[3:]
            body = [ln for ln in body if rng.random() > 0.1]
            rng.shuffle(body)
            out = dest / f"r{k}" / p.parent.name / p.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("\n".join(head + body) + "\n", encoding="utf-8")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--plants", type=int, default=40, help="plants per error kind")
    ap.add_argument("--per-copy", type=int, default=10, help="plants per working copy (one per story)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=int, default=10, help="size factor for the scaling run (0: skip)")
    ap.add_argument("--kinds", default="name,figure,date,quote,quote-wording",
                    help="error kinds to plant (comma-separated): name, figure, date, quote, quote-wording")
    ap.add_argument("--show-misses", type=int, default=6, help="missed plants to print per kind")
    ap.add_argument("--split", choices=("all", *SPLITS), default="all",
                    help="plant only in the articles of these topics (ECB+: dev 1-35, test 36-45): tune on dev, "
                         "report test untouched")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no such corpus: {args.corpus}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="factcheck-eval-") as tmp:
        base = Path(tmp) / "untouched"
        files = copy_corpus(args.corpus, base)
        findings, t_scan = scan(base)
        n = len(files)
        print(f"corpus: {args.corpus} ({n} articles); untouched scan {t_scan:.2f} s")
        by_rule: Counter[tuple[str, str]] = Counter((f.rule, f.severity) for f in findings)
        errors = sum(v for (r, s), v in by_rule.items() if s == "error")
        print(f"findings per 100 untouched articles: {100 * len(findings) / n:.2f} "
              f"(error-level: {100 * errors / n:.2f}; target <= 1.00)")
        for (rule, sev), v in sorted(by_rule.items()):
            print(f"  {rule:<22} {sev:<8} {v:>5}  ({100 * v / n:.2f} per 100)")
        # Which comparison made each finding, as the rule records it (README "JSON output": evidence).
        by_path = Counter((f.rule, f.severity, evidence_path(f)) for f in findings if evidence_path(f))
        for (rule, sev, path), v in sorted(by_path.items()):
            print(f"    {rule:<20} {sev:<8} {path:<20} {v:>5}")
        baseline_fp = {(f.rule, f.fingerprint) for f in findings}

        planter = Planter(files, args.seed)
        draw: dict[str, Callable[[], list[Target]]] = {
            "name": lambda: [*planter.name_targets()], "figure": lambda: [*planter.figure_targets()],
            "date": lambda: [*planter.date_targets()], "quote": lambda: [*planter.quote_targets()],
            "quote-wording": lambda: [*planter.quote_targets()]}
        kinds = args.kinds.split(",")
        unknown = [k for k in kinds if k not in draw]
        if unknown:
            print(f"unknown kind(s): {', '.join(unknown)} (known: {', '.join(draw)})", file=sys.stderr)
            return 2
        print(f"plants drawn from split: {args.split}")
        print("recall on planted errors (a finding of the expected rule at the planted span; "
              "at warning+ = error or warning, which fails a build):")
        for kind in kinds:
            pool = [t for t in draw[kind]() if in_split(t[0], args.split)]
            # Each target's place in the draw depends only on the seed and where it is, so a change
            # that adds or drops targets elsewhere (a claims change) leaves the others' order alone:
            # two commits' samples share every target they both have.
            pool.sort(key=lambda t, kind=kind: _draw(args.seed, kind, t[0], t[1]))
            found = planted = strong = 0
            at_severity: Counter[str] = Counter()
            at_path: Counter[tuple[str, str]] = Counter()
            by_shape: Counter[str] = Counter()
            found_shape: Counter[str] = Counter()
            strong_shape: Counter[str] = Counter()
            close_found = close_planted = 0
            misses: list[tuple[Plant, str]] = []  # not found, or (meaning kinds) only at info
            waiting = collections.deque(pool)
            copy_no = 0
            while planted < args.plants and waiting:
                copy_no += 1
                work = Path(tmp) / f"{kind}{copy_no}"
                shutil.copytree(base, work)
                # One plant per story in a copy: two plants of one fact (the same date shifted
                # alike in two articles) would agree with each other and hide both.
                used: set[str] = set()
                later: list[Target] = []
                batch: list[Plant] = []
                while len(batch) < args.per_copy and waiting and planted + len(batch) < args.plants:
                    path, claim = waiting.popleft()
                    if story_of(path) in used:
                        later.append((path, claim))
                        continue
                    wpath = work / path.relative_to(base)
                    planter.docs[wpath] = planter.docs[path]
                    planter.source_of[wpath] = path
                    p = planter.plant(kind, wpath, claim)
                    if p is not None:
                        used.add(story_of(path))
                        batch.append(p)
                waiting.extendleft(reversed(later))
                got, _t = scan(work)
                fresh = [f for f in got if (f.rule, f.fingerprint) not in baseline_fp]
                for p in batch:
                    finding = _hits(p, fresh, work)
                    hit = finding is not None
                    found += hit
                    if finding is not None:
                        strong += finding.severity in ("error", "warning")
                        strong_shape[_shape(p)] += finding.severity in ("error", "warning")
                        at_severity[finding.severity] += 1
                        at_path[(finding.severity, evidence_path(finding) or "-")] += 1
                    by_shape[_shape(p)] += 1
                    found_shape[_shape(p)] += hit
                    close_planted += p.close
                    close_found += hit and p.close
                    if not hit:
                        misses.append((p, "missed"))
                    elif kind in MEANING_KINDS and finding is not None and finding.severity == "info":
                        misses.append((p, "info only"))
                planted += len(batch)
                shutil.rmtree(work)
            recall = found / planted if planted else float("nan")
            warned = strong / planted if planted else float("nan")
            levels = ", ".join(f"{at_severity[s]} {s}" for s in ("error", "warning", "info"))
            # The headline's first figure is at any severity (bench/figure_ceiling.py reads it);
            # for a kind that changes the meaning, the measure is the recall at warning+.
            measure = "measure: warning+" if kind in MEANING_KINDS else "measure: any severity"
            print(f"  {kind:<7} {found}/{planted} = {recall:.2f} at any severity, {strong}/{planted} = "
                  f"{warned:.2f} at warning+ ({measure}; targets available: {len(pool)}; found at {levels})")
            if at_path:
                print("          by evidence: " + "; ".join(f"{path} {n} {sev}" for (sev, path), n in
                                                      sorted(at_path.items(), key=lambda kv: (-kv[1], kv[0]))))
            if kind == "name":
                shapes = "; ".join(f"{k} {found_shape[k]}/{v}" for k, v in sorted(by_shape.items()))
                print(f"          by shape: {shapes}")
            if kind in ("quote", "quote-wording"):
                shapes = "; ".join(f"{k} {strong_shape[k]}/{found_shape[k]}/{v}" for k, v in sorted(by_shape.items()))
                print(f"          by edit (warning+/any/planted): {shapes}")
            if kind in ("figure", "date") and close_planted:
                print(f"          stated in closely similar words elsewhere (overlap >= {CLOSE}): "
                      f"{close_found}/{close_planted} = {close_found / close_planted:.2f}")
            for m, how in sorted(misses, key=lambda t: (t[1] != "missed", not t[0].close))[:args.show_misses]:
                tag = " (closely similar elsewhere)" if m.close else ""
                where = f"{factcheck_path(m.path).split('/', 3)[-1]}@{m.start}"
                what = f" [{m.shape}]" if m.shape else ""
                print(f"      {how}{tag}{what}: {where}: {m.before!r} -> {m.after!r}")
        if args.scale:
            big = Path(tmp) / "scaled"
            count = replicate(files, big, args.scale, rng)
            _f1, t1 = scan(base)
            _f10, t10 = scan(big)
            print(f"scaling: {n} articles {t1:.2f} s; {count} articles {t10:.2f} s; "
                  f"time ratio {t10 / t1:.1f} for size ratio {count / n:.1f} "
                  f"(per-article cost ratio {(t10 / count) / (t1 / n):.2f}; 1.00 = linear)")
            pathological_scan(Path(tmp) / "pathological")
    return 0


def pathological_scan(dest: Path) -> None:
    """Growth of a whole scan (extractors and every rule) from 1x to 4x over two
    copies of each one-line pathological input of ``bench/claims_speed.py``: a
    document of thousands of figures once made the conflict rule cubic.  One more
    input gives every figure its own value, in three units: each figure's "other
    figures of the sentence" once made the rule quadratic there."""
    from claims_speed import PATHOLOGICAL

    times = []
    for k in (1, 4):
        folder = dest / f"x{k}"
        folder.mkdir(parents=True)
        for copy in range(2):
            for label, unit in PATHOLOGICAL.items():
                (folder / f"{label}{copy}.txt").write_text(unit * 300 * k, encoding="utf-8")
            (folder / f"values{copy}.txt").write_text(" ".join(
                f"{i}.5 miles and {i + 1}.5 yards and {i + 2}.5 pounds and" for i in range(0, 1500 * k, 3)),
                encoding="utf-8")
        times.append(scan(folder)[1])
    print(f"pathological documents: scan {times[0]:.2f} s at 1x, {times[1]:.2f} s at 4x: "
          f"growth {times[1] / times[0]:.1f} (4 = linear)")


if __name__ == "__main__":
    raise SystemExit(main())
