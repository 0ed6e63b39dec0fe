"""Spans are exact: a claim's ``text`` and a finding's ``excerpt`` are the file's own characters
between the reported start and end, across CRLF and lone-CR line breaks, HTML entities and BOMs.

The property is checked against the *file*: the bytes are decoded as the
user's editor would (UTF-8, a leading BOM not counted), cut at the reported
line and column, and compared with what factcheck printed.  A second property
ties that slice to what the extractor read (``Claim.text``), so a span that
stops between ``\\r`` and ``\\n`` or inside an entity cannot pass either.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_support import SENTENCES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.base import extract_all
from factcheck.documents import load_document
from factcheck.report.claims import claim_to_json

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")

FRAGMENTS = SENTENCES[:8]  # the fuzz generators' news sentences: one list of them
BREAKS = ["\n", "\r\n", "\r", " ", "\r\n\r\n", "\n\n", "\r\r"]
ENTITIES = ["&amp;", "&quot;", "&#8220;", "&#x201D;", "&A;", "&nbsp;", "&rsquo;", "&ampx;", "&#13;"]
_LINE_RE = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_RE.finditer(text)]


def _slice(source: str, line: int, col: int, end_line: int, end_col: int) -> str:
    starts = _line_starts(source)
    return source[starts[line - 1] + col - 1: starts[end_line - 1] + end_col - 1]


def _file_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _html_visible(fragment: str) -> str:
    """What the HTML reader makes of entity-only text: entities decoded as HTML decodes them (the legacy
    ones without their semicolon too: a span may end inside "&ampx;", read "&x;", after its "x"), line
    breaks normalised."""
    return _LINE_RE.sub("\n", html.unescape(fragment))


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(suffix, source) built from news sentences joined by every kind of line break."""
    fmt = draw(st.sampled_from([".txt", ".html"]))
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        sentence = draw(st.sampled_from(FRAGMENTS))
        if fmt == ".html" and draw(st.booleans()):
            words = sentence.split(" ")
            k = draw(st.integers(0, len(words)))
            words.insert(k, draw(st.sampled_from(ENTITIES)))
            sentence = " ".join(words)
            if draw(st.booleans()):
                sentence = sentence.replace('"', "&quot;")
        if draw(st.booleans()):  # a line break inside the sentence, e.g. inside a quote
            words = sentence.split(" ")
            k = draw(st.integers(1, len(words)))
            sentence = " ".join(words[:k]) + draw(st.sampled_from(BREAKS)) + " ".join(words[k:])
        parts.append(sentence)
        parts.append(draw(st.sampled_from(BREAKS)))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return fmt, bom + "".join(parts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_every_claim_text_is_the_file_slice_at_its_position(tmp_path: Path, doc: tuple[str, str]) -> None:
    suffix, source = doc
    path = tmp_path / f"article{suffix}"
    path.write_bytes(source.encode("utf-8"))
    document, _warning = load_document(path)
    on_disk = _file_text(path)
    for claim in extract_all(document):
        row = claim_to_json(document, claim)
        cut = _slice(on_disk, row["line"], row["column"], row["end_line"], row["end_column"])
        assert row["text"] == cut, (claim, row)
        # ... and that slice is what the extractor read, once line breaks (and entities) are normalised
        readable = _html_visible(cut) if suffix == ".html" else _LINE_RE.sub("\n", cut)
        assert readable == claim.text, (claim, cut)


def test_a_quote_over_a_crlf_break_reports_the_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b'The minister said: "We will\r\nnot agree to this deal," Smith said.\r\n')
    document, _ = load_document(path)
    quotes = [claim_to_json(document, c) for c in extract_all(document, ["quote"])]
    assert [q["text"] for q in quotes] == ["We will\r\nnot agree to this deal"]
    assert (quotes[0]["line"], quotes[0]["column"], quotes[0]["end_line"], quotes[0]["end_column"]) == (1, 21, 2, 23)


def test_a_lone_cr_break_is_kept_and_counted_as_a_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b'Intro.\r"We will\rnot agree to this deal," Smith said.\r')
    document, _ = load_document(path)
    quotes = [claim_to_json(document, c) for c in extract_all(document, ["quote"])]
    assert [(q["text"], q["line"], q["end_line"]) for q in quotes] == [("We will\rnot agree to this deal", 2, 3)]


def test_an_unknown_entity_at_the_end_of_a_quote_is_cut_where_the_quote_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>The minister said &quot;We will not agree to this &A;&quot; Smith said.</p>\n")
    document, _ = load_document(path)
    quotes = [claim_to_json(document, c) for c in extract_all(document, ["quote"])]
    assert [q["text"] for q in quotes] == ["We will not agree to this &A"]  # the file's characters, no ";"


def test_a_bom_is_not_a_column(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes('\ufeff"We will not agree to this deal," Smith said.'.encode())
    document, _ = load_document(path)
    quotes = [claim_to_json(document, c) for c in extract_all(document, ["quote"])]
    assert [(q["text"], q["line"], q["column"]) for q in quotes] == [("We will not agree to this deal", 1, 2)]


def test_finding_excerpts_are_file_slices_in_a_crlf_corpus(tmp_path: Path) -> None:
    """The seeds with CRLF line ends (and a BOM on one): every finding's excerpt, and every related
    excerpt, is the file's text at its reported position."""
    corpus = tmp_path / "crlf"
    corpus.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = seed.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
        (corpus / seed.name).write_bytes(("\ufeff" if i == 1 else "").encode() + text.encode("utf-8"))
    proc = subprocess.run([FACTCHECK, "scan", str(corpus), "--format", "json", "-q"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert len(findings) >= 10
    for f in findings:
        source = _file_text(tmp_path / f["path"])
        assert _slice(source, f["line"], f["column"], f["end_line"], f["end_column"]) == f["excerpt"]
        for rel in f["related"]:  # related locations carry a start only
            related = _file_text(tmp_path / rel["path"])
            start = _line_starts(related)[rel["line"] - 1] + rel["column"] - 1
            assert related[start:start + len(rel["excerpt"])] == rel["excerpt"]


@pytest.mark.parametrize("entity, shown", [("&amp;", "&amp;"), ("&#8220;", "&#8220;"), ("&A;", "&A;")])
def test_claims_json_text_keeps_entities_as_written(tmp_path: Path, entity: str, shown: str) -> None:
    path = tmp_path / "a.html"
    path.write_text(f'<p>He said "We will {entity} not agree to this deal" on Monday.</p>\n')
    proc = subprocess.run([FACTCHECK, "claims", str(path), "--format", "json",
                           "--kind", "quote"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [c["text"] for c in json.loads(proc.stdout)["claims"]] == [f"We will {shown} not agree to this deal"]
