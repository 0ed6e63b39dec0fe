"""Fuzz inputs and the checks every input must pass, shared by tests/test_fuzz.py and bench/fuzz.py.

Generators take a :class:`random.Random`.  The property tests hand them
``hypothesis.strategies.randoms()`` (so failures shrink), the long run in
``bench/fuzz.py`` a seeded ``random.Random`` (fast, and an input is
reproduced from its seed and index alone).  One set of generators means the
long run explores exactly the input space the CI tests sample.

The inputs mix what real articles contain -- dates, figures, names, quotes,
lists, front matter, Markdown, HTML, suppression comments, every line-break
convention -- with arbitrary text and bytes, and *mutate* them (repeat,
truncate, splice), because extractor and offset-map bugs live where
well-formed news text meets something slightly off.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.claims.base import Claim
from factcheck.documents import Document, decode, parse_document
from factcheck.findings import Finding
from factcheck.report.claims import claim_to_json

SUFFIXES = (".txt", ".md", ".html", ".htm", ".markdown")
FORMAT_OF = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}

DATES = ["on Monday", "on Tuesday", "last Friday", "Dec. 3, 2019", "2019-12-30", "December 30, 2019",
         "30 December 2019", "in June 2018", "in 2006", "the 1990s", "Jan 1", "Feb. 29, 2020", "Feb 30, 2019",
         "Sept. 11", "0000-00-00", "2019-13-45", "on 3/4/2021", "yesterday", "in mid-March", "May",
         "9999-12-31", "1 January 0001", "early 2020", "Sunday, Dec. 1"]
FIGURES = ["500,000 barrels", "15-member", "$2.4bn", "about 40", "13-0", "90 percent", "six", "a dozen",
           "1,000,000,000,000,000,000,000", "0.5%", "three-quarters", "2 million", "£3.5m", "nearly 1,200",
           "a 12-3 vote", "1e308", "-0", "99999999999999999999", "1.2.3", "50-50", "one in five",
           "twenty-one", "hundreds", "9,99,999", "10 to 12", "at least 7", "€1,5", "7½"]
NAMES = ["Kim Jong Un", "Foreign Minister Sergei Lavrov", "Donald Trump", "Mike Pompeo", "Moon Jae-in",
         "Kim Jong-un", "Sergey Lavrov", "President Xi Jinping", "Mr Smith", "Angela Merkel", "O'Neill",
         "McDonald", "van der Berg", "Ban Ki-moon", "al-Assad", "Dr. Jane Q. Public Jr.", "İstanbul", "Ǆemal"]
VERBS = ["said", "told reporters", "announced", "denied", "claimed", "added", "warned", "according to"]
SENTENCES = [
    'The minister said: "We will not agree to this deal," Smith said.',
    '"It was a mistake," said Foreign Minister Sergei Lavrov on Monday.',
    "About 500,000 barrels of oil a year were shipped on December 30, 2019.",
    "The council voted 13-0 with two abstentions in 2006.",
    "North Korea held six nuclear tests since 2006, the fourth in January.",
    'Pompeo said "final, fully verified denuclearization" was the goal.',
    "Kim Jong Un met Donald Trump in Singapore in June 2018.",
    "Prices rose 90 percent in the 1990s, officials said on Wednesday.",
    "The 15-member Security Council met on Friday, a source familiar with the matter said.",
    "Sources said the talks, held in Geneva, Paris and Rome, would resume.",
    "Officials, who spoke on condition of anonymity, said 40 people died.",
]
LISTS = ["Germany, France and Italy", "one, two, three and four", "a, b, c", "Paris; Rome; Berlin",
         "1) first 2) second 3) third"]
QUOTE_MARKS = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "&quot;", "``", "''"]
BREAKS = ["\n", "\r\n", "\r", " ", "\r\n\r\n", "\n\n", "\r\r", "\u2028", "\x0c", "\t"]
ENTITIES = ["&amp;", "&quot;", "&#8220;", "&#x201D;", "&A;", "&nbsp;", "&rsquo;", "&ampx;", "&#13;", "&#0;",
            "&#x110000;", "&#99999999999;", "&", "&#;", "&lt;", "&gt;script"]
SUPPRESSIONS = ["<!-- factcheck-ignore: spelling/common -- quoted verbatim -->",
                "<!-- factcheck-ignore-next-line: names/variant -->",
                "<!-- factcheck-disable: sourcing/anonymous -- wire copy -->",
                "<!-- factcheck-enable: sourcing/anonymous -->",
                "<!-- factcheck-ignore: nope/unknown -->", "<!-- factcheck-disable -->",
                "<!-- factcheck-ignore-next-line: -->", "<!-- factcheck-enable: * -- x -->"]
MARKUP = ["```\ncode 500 barrels\n```\n", "~~~python\nx = 1\n~~~\n", "    indented 2019-12-30\n",
          "[a link](https://example.com/2019/12/30/story)", "![img](x.png \"t\")", "<https://example.org>",
          "[ref]: https://example.com/a", "# Heading 2019\n", "## Kim Jong Un\n", "> quoted line\n",
          "* item one\n* item two\n", "1. first\n2. second\n", "`inline 40`", "**bold** _em_",
          "<p>", "</p>", "<br/>", "<div class=\"a\">", "</div>", "<!-- comment -->", "<!-- unclosed",
          "<script>var x = \"2019-12-30\";</script>", "<style>p { color: red }</style>", "<title>T</title>",
          "<meta name=\"date\" content=\"2019-12-30\">", "<a href=\"https://x.org/2020/01/02/\">x</a>",
          "<", ">", "</", "<![CDATA[ x ]]>", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "<scr<script>ipt>"]
FRONT = ["---\ntitle: A story\ndate: 2019-12-30\nurl: https://example.com/a\n---\n",
         "---\r\ntitle: CRLF\r\ndate: Dec. 3, 2019\r\n---\r\n", "---\ndate: not a date\n...\n",
         "---\nstory: summit-2019\n---\n", "---\ntitle: [unclosed\n---\n", "---\n---\n", "---\n"]
ODD = ["\ufeff", "\u200b", "\u00a0", "\u0000", "\x1b[31m", "\ud7ff", "\ufffd", "\u0301", "\U0001f600", "ǅ",
       "\u202e", "ß", "İ", "ﬁ", "\u0660\u0661", "１２３", "\x85", "\\", "\x7f"]
ALPHABET = "aAzZ019 ,.;:!?'\"-–—()[]{}<>&#/\\$£€%\n\r\t\u201c\u201d\u2019\u00a0\ufeffİßǅ\U0001f600\u0301"


def _words(rng: random.Random, pool: Sequence[str], k: int) -> list[str]:
    return [rng.choice(pool) for _ in range(k)]


def news_sentence(rng: random.Random) -> str:
    """One sentence of news-like text built from the fragment pools."""
    shape = rng.randrange(8)
    if shape == 0:
        return rng.choice(SENTENCES)
    if shape == 1:
        q1, q2 = rng.choice(QUOTE_MARKS), rng.choice(QUOTE_MARKS)
        body = " ".join(_words(rng, [*FIGURES, *DATES, "we will", "not", "agree"], rng.randint(1, 6)))
        return f"{q1}{body},{q2} {rng.choice(VERBS)} {rng.choice(NAMES)}."
    if shape == 2:
        return f"{rng.choice(NAMES)} {rng.choice(VERBS)} {rng.choice(FIGURES)} {rng.choice(DATES)}."
    if shape == 3:
        return f"The countries, {rng.choice(LISTS)}, agreed {rng.choice(DATES)}."
    if shape == 4:
        return f"{rng.choice(DATES).capitalize()}, {rng.choice(FIGURES)} people voted, {rng.choice(NAMES)} said."
    if shape == 5:
        pools = [DATES, FIGURES, NAMES, VERBS, LISTS, QUOTE_MARKS, ENTITIES, ODD]
        return " ".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 12)))
    if shape == 6:
        return rng.choice(SUPPRESSIONS) + " " + rng.choice(SENTENCES)
    return f"{rng.choice(NAMES)}'s {rng.choice(FIGURES)} in {rng.choice(DATES)} ({rng.choice(NAMES)})."


def _mutate(rng: random.Random, text: str) -> str:
    """Small structural damage: repeat, cut, splice or insert odd characters."""
    if not text:
        return text
    op = rng.randrange(6)
    i = rng.randrange(len(text) + 1)
    j = rng.randrange(i, len(text) + 1)
    if op == 0:  # repeat a slice (repetition, kept short so a million inputs stay quick)
        j = min(j, i + 60)
        return text[:i] + text[i:j] * rng.randint(2, 20) + text[j:]
    if op == 1:
        return text[:i] + text[j:]
    if op == 2:
        return text[:i] + rng.choice([*ODD, *ENTITIES, *QUOTE_MARKS, *BREAKS]) + text[i:]
    if op == 3:
        return text[j:] + text[:i]
    if op == 4:
        return text[:i] + text[i:j].upper() + text[j:]
    return text[:i]


def news_text(rng: random.Random, suffix: str) -> str:
    """A document of news sentences in the markup its suffix implies, every line-break convention."""
    fmt = FORMAT_OF[suffix]
    parts: list[str] = []
    if fmt == "markdown" and rng.random() < 0.4:
        parts.append(rng.choice(FRONT))
    if fmt == "html" and rng.random() < 0.5:
        parts.append(rng.choice(["<html><head><title>Story</title></head><body>", "<body>", "<article>"]))
    for _ in range(rng.randint(1, 6)):
        sentence = news_sentence(rng)
        if fmt != "text" and rng.random() < 0.3:
            words = sentence.split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(MARKUP if rng.random() < 0.7 else ENTITIES))
            sentence = " ".join(words)
        if rng.random() < 0.3:
            words = sentence.split(" ")
            k = rng.randint(1, len(words))
            sentence = " ".join(words[:k]) + rng.choice(BREAKS) + " ".join(words[k:])
        if fmt == "html" and rng.random() < 0.3:
            sentence = f"<p>{sentence}</p>"
        parts.append(sentence)
        parts.append(rng.choice(BREAKS))
    text = "".join(parts)
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        text = _mutate(rng, text)
    return ("\ufeff" if rng.random() < 0.15 else "") + text


def arbitrary_text(rng: random.Random) -> str:
    """Text from a small alphabet rich in the characters parsers care about, or any code points."""
    n = rng.randint(0, 200)
    if rng.random() < 0.7:
        return "".join(rng.choice(ALPHABET) for _ in range(n))
    return "".join(chr(rng.choice((rng.randrange(0x80), rng.randrange(0x800), rng.randrange(0xD800),
                                   rng.randrange(0xE000, 0x110000)))) for _ in range(n))


def arbitrary_bytes(rng: random.Random) -> bytes:
    """Raw bytes: random, or a news document with bytes flipped (invalid UTF-8, a NUL, a BOM cut short)."""
    if rng.random() < 0.5:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 120)))
    data = bytearray(news_text(rng, ".txt").encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        if data:
            data[rng.randrange(len(data))] = rng.choice((0x00, 0x80, 0xC3, 0xE2, 0xEF, 0xFF, 0x0D, 0x0A, 0xBB))
    return bytes(data)


@dataclass(frozen=True)
class FuzzInput:
    """One generated file: its suffix and bytes."""

    suffix: str
    data: bytes

    @property
    def fmt(self) -> str:
        return FORMAT_OF[self.suffix]


def fuzz_input(rng: random.Random) -> FuzzInput:
    """One input of any family: news text (60%), arbitrary text (20%), arbitrary bytes (20%)."""
    suffix = rng.choice(SUFFIXES)
    roll = rng.random()
    if roll < 0.6:
        return FuzzInput(suffix, news_text(rng, suffix).encode("utf-8", "surrogatepass"))
    if roll < 0.8:
        return FuzzInput(suffix, arbitrary_text(rng).encode("utf-8", "surrogatepass"))
    return FuzzInput(suffix, arbitrary_bytes(rng))


def input_for(seed: int, index: int) -> FuzzInput:
    """The ``index``-th input of run ``seed``: reproducible from the two numbers alone."""
    return fuzz_input(random.Random(f"{seed}:{index}"))


# --------------------------------------------------------------------------- checks

_LINE_RE = re.compile(r"\r\n|\r|\n")


def line_starts(source: str) -> list[int]:
    """Offsets where lines start, counting ``\r\n``, ``\r`` and ``\n`` breaks as editors do."""
    return [0] + [m.end() for m in _LINE_RE.finditer(source)]


def file_slice(source: str, line: int, col: int, end_line: int, end_col: int,
               starts: Sequence[int] | None = None) -> str:
    """The decoded file text between a reported (1-based) start and end, as an editor would cut it."""
    starts = starts if starts is not None else line_starts(source)
    return source[starts[line - 1] + col - 1: starts[end_line - 1] + end_col - 1]


def load_bytes(name: str, data: bytes, suffix: str) -> Document | None:
    """What ``load_document`` makes of a file's bytes, without the file (None: a skipped binary file)."""
    from factcheck.documents import SkippedFile

    try:
        source, _warning = decode(data, name)
    except SkippedFile:
        return None
    return parse_document(name, source, FORMAT_OF[suffix])


def check_claims(doc: Document, claims: Sequence[Claim]) -> list[dict[str, object]]:
    """Every claim's span is inside the text and its reported text is the file's slice at its position.

    Returns the claims as ``factcheck claims --format json`` rows (for determinism checks).
    """
    rows = []
    starts = line_starts(doc.source)
    for c in claims:
        assert 0 <= c.start < c.end <= len(doc.text), (c.start, c.end, len(doc.text))
        assert doc.text[c.start:c.end] == c.text, (c, doc.text[c.start:c.end])
        row = claim_to_json(doc, c)
        cut = file_slice(doc.source, row["line"], row["column"], row["end_line"], row["end_column"], starts)
        assert row["text"] == cut, (row, cut)
        rows.append(row)
    return rows


def check_findings(docs: Sequence[Document], findings: Sequence[Finding]) -> None:
    """Every finding's excerpt is its file's text at the reported span (related: at the reported start)."""
    by_path = {d.path: d for d in docs}
    starts: dict[str, list[int]] = {}

    def starts_of(doc: Document) -> list[int]:
        if doc.path not in starts:
            starts[doc.path] = line_starts(doc.source)
        return starts[doc.path]

    for f in findings:
        loc = f.location
        doc = by_path.get(loc.path)
        assert doc is not None, f
        cut = file_slice(doc.source, loc.line, loc.column, loc.end_line, loc.end_column, starts_of(doc))
        assert cut == loc.excerpt, (f, cut)
        for rel in f.related:
            other = by_path.get(rel.path)
            assert other is not None, rel
            at = starts_of(other)[rel.line - 1] + rel.column - 1
            assert other.source[at:at + len(rel.excerpt)] == rel.excerpt, (rel, other.source[at:at + 80])

