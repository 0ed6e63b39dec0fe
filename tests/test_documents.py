"""Documents: decoding, newline normalisation, markup stripping with the offset
map, publication-date inference and file discovery.

Every stripping test checks the round trip a finding makes: a span of
``doc.text`` -> ``doc.locate`` -> the exact excerpt, line and column of the
original file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.config import Config
from factcheck.documents import (
    Document,
    SkippedFile,
    decode,
    discover,
    display_path,
    load_document,
    parse_document,
)
from factcheck.errors import FactcheckError

D = dt.date


def span(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    """The ``nth`` occurrence of ``needle`` in the analysed text."""
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    assert len(starts) > nth, f"{needle!r} not in analysed text {doc.text!r}"
    return starts[nth], starts[nth] + len(needle)


def where(doc: Document, needle: str, nth: int = 0) -> tuple[int, int, int, int, str]:
    return doc.locate(*span(doc, needle, nth))


def at(source: str, excerpt: str, nth: int = 0) -> tuple[int, int, int, int, str]:
    """Where ``excerpt`` is in ``source``, computed by hand: (line, col, end_line, end_col, excerpt)."""
    starts = [m.start() for m in re.finditer(re.escape(excerpt), source)]
    s = starts[nth]
    e = s + len(excerpt)
    return (*_expected_position(source, s), *_expected_position(source, e), excerpt)


# --------------------------------------------------------------------------- decoding


def test_decode_plain_utf8() -> None:
    assert decode("Café in Zürich — 10 €".encode(), "a.txt") == ("Café in Zürich — 10 €", None)


def test_decode_strips_utf8_bom_so_columns_start_at_1() -> None:
    text, warning = decode(b"\xef\xbb\xbfHello world", "a.txt")
    assert (text, warning) == ("Hello world", None)
    doc = parse_document("a.txt", text)
    assert where(doc, "Hello") == (1, 1, 1, 6, "Hello")


def test_decode_invalid_bytes_are_replaced_and_reported() -> None:
    text, warning = decode(b"Caf\xe9 goverment", "news/a.txt")
    assert text == "Caf\ufffd goverment"
    assert warning == "news/a.txt: not valid UTF-8 (byte 3); undecodable bytes replaced"


def test_decode_invalid_byte_offset_counts_the_bom() -> None:
    # The offset is where the bad byte is in the file, BOM included.
    _text, warning = decode(b"\xef\xbb\xbfab\xff", "a.txt")
    assert warning is not None and "(byte 5)" in warning


def test_decode_nul_byte_means_binary_file() -> None:
    with pytest.raises(SkippedFile, match=r"^img\.txt: binary file, skipped$"):
        decode(b"GIF89a\x00\x01\x02", "img.txt")


def test_load_document_reports_invalid_utf8_and_rejects_binary(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le gouvernement a été clair.\n".encode("latin-1"))
    doc, warning = load_document(bad)
    assert warning is not None and "not valid UTF-8" in warning and warning.startswith(display_path(bad))
    assert "\ufffd" in doc.text and "gouvernement" in doc.text

    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(SkippedFile, match="binary file"):
        load_document(binary)


# --------------------------------------------------------------------------- newlines


def test_crlf_is_one_newline_and_positions_are_in_the_original() -> None:
    src = "First line\r\nSecond goverment line\r\n\r\nFourth"
    doc = parse_document("a.txt", src)
    assert doc.text == "First line\nSecond goverment line\n\nFourth"
    assert where(doc, "goverment") == (2, 8, 2, 17, "goverment")
    assert where(doc, "Fourth") == (4, 1, 4, 7, "Fourth")
    assert doc.line_text(2) == "Second goverment line"


def test_lone_cr_is_a_newline_too() -> None:
    src = "one\rtwo three\rfour"
    doc = parse_document("a.txt", src)
    assert doc.text == "one\ntwo three\nfour"
    assert where(doc, "three") == (2, 5, 2, 10, "three")
    assert where(doc, "four") == (3, 1, 3, 5, "four")


def test_span_across_crlf_keeps_the_original_break_in_the_excerpt() -> None:
    doc = parse_document("a.txt", "end of\r\nline")
    assert where(doc, "of\nline") == (1, 5, 2, 5, "of\r\nline")


# --------------------------------------------------------------------------- markdown


def test_markdown_front_matter_is_dropped_but_lines_are_kept() -> None:
    src = "---\ntitle: Talks resume\ndate: 2020-02-10\n---\nThe council met.\n"
    doc = parse_document("a.md", src, "markdown")
    assert "title" not in doc.text and "2020" not in doc.text
    assert where(doc, "council") == (5, 5, 5, 12, "council")
    assert doc.title == "Talks resume"


def test_markdown_fenced_code_blocks_are_dropped() -> None:
    src = "Intro text.\n\n```python\nsecret = goverment()\n```\n\n~~~\nmore code\n~~~\nAfter the code.\n"
    doc = parse_document("a.md", src, "markdown")
    assert "secret" not in doc.text and "more code" not in doc.text and "```" not in doc.text
    assert where(doc, "After") == (10, 1, 10, 6, "After")
    assert doc.text.count("\n") == src.count("\n")  # paragraphs stay apart


def test_markdown_fenced_code_with_crlf_is_dropped() -> None:
    src = "Intro\r\n\r\n```\r\nsecret code\r\n```\r\n\r\nAfter\r\n"
    doc = parse_document("a.md", src, "markdown")
    assert "secret" not in doc.text and "```" not in doc.text
    assert where(doc, "After") == (7, 1, 7, 6, "After")


def test_markdown_indented_code_block_is_dropped() -> None:
    for nl in ("\n", "\r\n"):
        src = nl.join(["Intro paragraph.", "", "    indented = code()", "    more()", "", "Body text."])
        doc = parse_document("a.md", src, "markdown")
        assert "indented" not in doc.text and "more()" not in doc.text, repr(nl)
        assert where(doc, "Body") == (6, 1, 6, 5, "Body")


def test_markdown_link_text_is_kept_and_url_dropped() -> None:
    src = 'See [the UN report](https://example.org/2019/report "Report") on sanctions.\n'
    doc = parse_document("a.md", src, "markdown")
    assert doc.text == "See the UN report on sanctions.\n"
    assert where(doc, "the UN report") == (1, 6, 1, 19, "the UN report")
    assert where(doc, "sanctions") == at(src, "sanctions")


def test_markdown_image_alt_text_is_kept() -> None:
    doc = parse_document("a.md", "Look: ![Kim Jong Un waves](kim.jpg) here", "markdown")
    assert doc.text == "Look: Kim Jong Un waves here"
    assert where(doc, "Kim Jong Un") == (1, 9, 1, 20, "Kim Jong Un")


def test_markdown_autolinks_and_reference_definitions_are_dropped() -> None:
    src = "Mail <mailto:desk@example.org> or <https://example.org/a>.\n[ref]: https://example.org/x\nEnd."
    doc = parse_document("a.md", src, "markdown")
    assert "example.org" not in doc.text and "mailto" not in doc.text
    assert where(doc, " or ") == at(src, " or ")
    assert where(doc, "End") == (3, 1, 3, 4, "End")


def test_markdown_html_comment_is_dropped() -> None:
    src = "Before <!-- editor: check\nthis figure --> after.\nNext line."
    doc = parse_document("a.md", src, "markdown")
    assert "editor" not in doc.text and "figure" not in doc.text
    assert where(doc, "after") == (2, 17, 2, 22, "after") == at(src, "after")
    assert where(doc, "Next") == (3, 1, 3, 5, "Next")


def test_markdown_unclosed_fence_is_kept_as_text() -> None:
    # Not a code block without a closing fence: nothing is silently lost.
    doc = parse_document("a.md", "Text\n\n```\nstill prose\n", "markdown")
    assert "still prose" in doc.text


# --------------------------------------------------------------------------- html


HTML = """<!DOCTYPE html>
<html><head><title>Talks &amp; sanctions</title>
<style>p { color: red }</style></head>
<body>
<script>var goverment = "hidden";</script>
<h1>Russia &amp; China</h1><p>The council met on Monday.</p><p>Caf&eacute; talk &#8212; ends</p>
</body></html>
"""


def test_html_drops_script_style_and_head() -> None:
    doc = parse_document("a.html", HTML, "html")
    for hidden in ("var", "hidden", "color", "Talks", "DOCTYPE", "<", ">"):
        assert hidden not in doc.text
    assert doc.title == "Talks & sanctions"


def test_html_entities_are_decoded_and_map_to_the_whole_entity() -> None:
    doc = parse_document("a.html", HTML, "html")
    assert "Russia & China" in doc.text and "Café talk — ends" in doc.text
    assert where(doc, "Russia & China") == at(HTML, "Russia &amp; China")
    assert where(doc, "Russia & China")[:2] == (6, 5)
    assert where(doc, "é") == at(HTML, "&eacute;")
    assert where(doc, "—") == at(HTML, "&#8212;")
    assert where(doc, "Monday") == at(HTML, "Monday")


def test_html_block_tags_make_separate_lines() -> None:
    doc = parse_document("a.html", "<p>First para.</p><p>Second para.</p><div>Third</div>x<br>y", "html")
    lines = [ln for ln in doc.text.split("\n") if ln]
    assert lines == ["First para.", "Second para.", "Third", "x", "y"]
    assert where(doc, "Second") == (1, 22, 1, 28, "Second")


def test_html_inline_tags_do_not_split_text() -> None:
    doc = parse_document("a.html", "<p>The <b>UN</b> <i>Security</i> Council</p>", "html")
    assert doc.text.strip() == "The UN Security Council"
    # A span over stripped inline tags points at the whole original range.
    assert where(doc, "UN Security") == (1, 11, 1, 29, "UN</b> <i>Security")


def test_html_numeric_cr_entity_does_not_put_cr_in_text() -> None:
    doc = parse_document("a.html", "a&#13;b&#x0d;&#10;c", "html")
    assert "\r" not in doc.text
    assert doc.text == "a\nb\n\nc"


# --------------------------------------------------------------------------- publication dates


def _seed(seeds_dir: Path, prefix: str) -> Document:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    doc, warning = load_document(path)
    assert warning is None
    return doc


def test_seed_000_date_from_dateline_and_url(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, "000")
    assert doc.pub_date == D(2019, 12, 30)
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("dateline", D(2019, 12, 30)), ("url", D(2019, 12, 30))]
    dateline = doc.date_candidates[0]
    assert doc.text[dateline.start:dateline.end] == "December 30, 2019"
    expected_line = doc.source.split("\n").index("December 30, 2019") + 1
    assert doc.locate(dateline.start, dateline.end) == (expected_line, 1, expected_line, 18, "December 30, 2019")
    assert doc.url is not None and "/2019/12/30/" in doc.url
    assert doc.title == "Russia, China to Hold More UN Talks on Lifting North Korea Sanctions"


def test_seed_001_date_from_date_line_and_wire_dateline(seeds_dir: Path) -> None:
    doc = _seed(seeds_dir, "001")
    assert doc.pub_date == D(2020, 2, 10)
    assert doc.date_source == "date-line"
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("date-line", D(2020, 2, 10)), ("dateline", D(2020, 2, 10))]
    date_line, wire = doc.date_candidates
    assert doc.text[date_line.start:date_line.end] == "2020-02-10"
    assert doc.locate(date_line.start, date_line.end)[:2] == (1, 7)
    assert doc.text[wire.start:wire.end] == "10th February, 2020"


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_seeds_without_a_date_are_unknown(seeds_dir: Path, prefix: str) -> None:
    doc = _seed(seeds_dir, prefix)
    assert doc.pub_date is None and doc.date_source is None and doc.date_candidates == ()


def test_date_from_front_matter() -> None:
    doc = parse_document("a.md", "---\ndate: 2020-02-10\n---\nBody text.\n", "markdown")
    assert [(c.source, c.date) for c in doc.date_candidates] == [("front-matter", D(2020, 2, 10))]


def test_date_from_front_matter_full_date_and_quotes() -> None:
    doc = parse_document("a.md", '---\ndate: "December 30, 2019"\n---\nBody.\n', "markdown")
    assert doc.pub_date == D(2019, 12, 30) and doc.date_source == "front-matter"


def test_date_from_leading_date_line() -> None:
    doc = parse_document("a.txt", "date 2020-02-10\nHeadline here\n\nBody text.\n")
    (cand,) = doc.date_candidates
    assert (cand.source, cand.date) == ("date-line", D(2020, 2, 10))
    assert doc.text[cand.start:cand.end] == "2020-02-10"
    # The date line is not mistaken for the title.
    assert doc.title == "Headline here"


def test_date_from_dateline_on_its_own_line() -> None:
    doc = parse_document("a.txt", "Headline\n\nBy Staff\n\nDecember 30, 2019\n\nA long body paragraph follows.\n")
    (cand,) = doc.date_candidates
    assert (cand.source, cand.date) == ("dateline", D(2019, 12, 30))
    assert doc.locate(cand.start, cand.end) == (5, 1, 5, 18, "December 30, 2019")


def test_date_from_wire_dateline_in_a_long_paragraph() -> None:
    src = ("Headline\n\nUNITED NATIONS (Sputnik - 10th February, 2020) The UN Security Council draft "
           "resolution is currently at the negotiating table, diplomats said.\n")
    doc = parse_document("a.txt", src)
    (cand,) = doc.date_candidates
    assert (cand.source, cand.date) == ("dateline", D(2020, 2, 10))
    assert doc.text[cand.start:cand.end] == "10th February, 2020"


@pytest.mark.parametrize(("line", "date"), [
    ("Dec. 30, 2019", D(2019, 12, 30)),
    ("30 December 2019", D(2019, 12, 30)),
    ("Monday, 30th of December, 2019", D(2019, 12, 30)),
    ("By Staff Writer | Sept 5, 2019 | 10:00", D(2019, 9, 5)),
    ("2019-12-30", D(2019, 12, 30)),
    ("THURSDAY, JUNE 30, 2005", D(2005, 6, 30)),
    ("27 NOVEMBER, 2005", D(2005, 11, 27)),
    ("OBAMA MEETS LEADERS IN SEOUL ON JUNE 30, 2005", None),  # a headline in capitals
    ("February 30, 2020", None),  # not a calendar date
    ("May 2019", None),  # no day: not a publication date
])
def test_dateline_formats(line: str, date: dt.date | None) -> None:
    doc = parse_document("a.txt", f"Headline\n\n{line}\n\nBody text.\n")
    assert [c.date for c in doc.date_candidates] == ([date] if date else [])
    if date:
        assert doc.date_candidates[0].source == "dateline"


@pytest.mark.parametrize("line", ["Published: 2020-02-10", "posted 2020-02-10", " date 2020-02-10 UrduPoint.com",
                                  "UPDATED: 2020-02-10"])
def test_date_line_variants(line: str) -> None:
    doc = parse_document("a.txt", f"{line}\nHeadline\n\nBody.\n")
    assert [(c.source, c.date) for c in doc.date_candidates] == [("date-line", D(2020, 2, 10))]


def test_date_line_far_down_is_ignored() -> None:
    body = "".join(f"Paragraph {i}.\n" for i in range(12))
    assert parse_document("a.txt", body + "date 2020-02-10\n").date_candidates == ()


def test_date_in_body_prose_is_not_a_dateline() -> None:
    src = ("Headline\n\nThe council first met on December 30, 2019 and then again several times "
           "without reaching any agreement on the draft.\n")
    assert parse_document("a.txt", src).date_candidates == ()


@pytest.mark.parametrize(("url", "date"), [
    ("https://www.themoscowtimes.com/2019/12/30/russia-china-talks-a68775", D(2019, 12, 30)),
    ("https://www.theguardian.com/world/2013/may/03/some-story", D(2013, 5, 3)),
    ("http://www.timesledger.com/stories/2013/38/hitrun_web_2013_09_14_q.html", D(2013, 9, 14)),
    ("http://www.presstelegram.com/technology/20070503/judge-sentences-orozco", D(2007, 5, 3)),
    ("http://boston.example.com/news/article.jsp?ymd=20081216&content_id=3718580", D(2008, 12, 16)),
])
def test_date_from_url(url: str, date: dt.date) -> None:
    doc = parse_document("a.txt", f"Headline\n\nBody text without a date.\n\n<{url}>\n")
    assert doc.url == url
    assert [(c.source, c.date) for c in doc.date_candidates] == [("url", date)]


@pytest.mark.parametrize("url", [
    "https://example.org/2019/02/30/impossible",
    "https://example.org/2013/38/story_14",  # mixed separators: a year, an issue and an ID
    "http://nbasource.blogspot.com/2005_05_01_archive.html",  # an archive lists a month of posts
    "https://example.org/news/20697025/story",  # an article ID, not a date
])
def test_url_without_a_real_date_gives_nothing(url: str) -> None:
    doc = parse_document("a.txt", f"Headline\n\n{url}\n")
    assert doc.date_candidates == ()


def test_date_from_html_meta_and_canonical_link() -> None:
    src = ('<html><head><meta property="article:published_time" content="2019-12-30T08:00:00Z">'
           '<link rel="canonical" href="https://example.org/2019/12/29/story"></head>'
           "<body><p>Body.</p></body></html>")
    doc = parse_document("a.html", src, "html")
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("meta", D(2019, 12, 30)), ("url", D(2019, 12, 29))]
    assert doc.pub_date == D(2019, 12, 30)
    assert doc.url == "https://example.org/2019/12/29/story"


def test_config_override_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "wire" / "2020-02-story.txt"
    path.parent.mkdir()
    path.write_text("Headline\n\nDecember 30, 2019\n\nBody.\n", encoding="utf-8")
    config = Config(documents=(("nomatch/*.txt", D(2000, 1, 1)), ("wire/2020-02-*.txt", D(2020, 2, 10)),
                               ("*.txt", D(1999, 1, 1))))
    override = config.date_override(display_path(path))
    assert override == D(2020, 2, 10)  # the first matching glob wins
    doc, _ = load_document(path, override)
    assert doc.pub_date == D(2020, 2, 10) and doc.date_source == "config"
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("config", D(2020, 2, 10)), ("dateline", D(2019, 12, 30))]


def test_config_date_override_matches_display_path_or_name(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    config = Config(documents=(("wire/2020-02-*.txt", D(2020, 2, 10)), ("other-*.md", D(2019, 1, 2))))
    assert config.date_override("wire/2020-02-story.txt") == D(2020, 2, 10)
    assert config.date_override("archive/other-piece.md") == D(2019, 1, 2)
    assert config.date_override("wire/2020-03-story.txt") is None


def test_disagreeing_sources_are_all_kept_most_authoritative_first() -> None:
    doc = parse_document("a.txt", "date 2020-02-10\nHeadline\n\nDecember 30, 2019\n\nBody.\n")
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("date-line", D(2020, 2, 10)), ("dateline", D(2019, 12, 30))]
    assert doc.pub_date == D(2020, 2, 10)
    assert len({c.date for c in doc.date_candidates}) == 2


def test_front_matter_outranks_url() -> None:
    src = "---\ndate: 2020-01-05\nurl: https://example.org/2020/01/04/x\n---\nBody.\n"
    doc = parse_document("a.md", src, "markdown")
    assert [(c.source, c.date) for c in doc.date_candidates] == [
        ("front-matter", D(2020, 1, 5)), ("url", D(2020, 1, 4))]


# --------------------------------------------------------------------------- discovery


def _tree(root: Path) -> None:
    files = ["a.txt", "b.md", "c.html", "d.htm", "e.markdown", "notes.pdf", "data.csv", "Upper.TXT",
             "sub/f.txt", "sub/deeper/g.md", ".hidden/h.txt", ".dotfile.txt", "drafts/i.txt",
             "sub/drafts/j.txt", "k.tmp.md"]
    for rel in files:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("text\n", encoding="utf-8")


def test_discover_recurses_filters_suffixes_and_skips_hidden(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    found = [display_path(p) for p in discover(["articles"])]
    assert found == [f"articles/{x}" for x in [
        "Upper.TXT", "a.txt", "b.md", "c.html", "d.htm", "drafts/i.txt", "e.markdown", "k.tmp.md",
        "sub/deeper/g.md", "sub/drafts/j.txt", "sub/f.txt"]]
    assert found == sorted(found)


def test_discover_exclude_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    got = [display_path(p) for p in discover(["articles"], exclude=["drafts", "*.tmp.md", "articles/sub/deeper/*"])]
    assert got == [f"articles/{x}" for x in [
        "Upper.TXT", "a.txt", "b.md", "c.html", "d.htm", "e.markdown", "sub/f.txt"]]


def test_discover_exclude_glob_relative_to_the_scanned_folder(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    rel = [display_path(p) for p in discover(["articles"], exclude=["drafts/*"])]
    assert "articles/drafts/i.txt" not in rel and "articles/sub/drafts/j.txt" in rel
    # Same result for an absolute path given from another working directory.
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert display_path(tmp_path / "articles" / "a.txt").startswith("/")
    absolute = discover([tmp_path / "articles"], exclude=["drafts/*"])
    names = sorted(p.relative_to(tmp_path / "articles").as_posix() for p in absolute)
    assert "drafts/i.txt" not in names and "sub/drafts/j.txt" in names


def test_discover_folder_names_above_the_scan_root_do_not_match(tmp_path: Path) -> None:
    root = tmp_path / "tests-area" / "articles"
    root.mkdir(parents=True)
    (root / "a.txt").write_text("x", encoding="utf-8")
    assert discover([root], exclude=["tests*"]) == [root / "a.txt"]


def test_discover_keeps_an_explicit_file_of_another_suffix(tmp_path: Path) -> None:
    notes = tmp_path / "notes.rst"
    notes.write_text("text", encoding="utf-8")
    (tmp_path / "other.rst").write_text("text", encoding="utf-8")
    assert discover([notes]) == [notes]
    assert discover([tmp_path]) == []


def test_discover_deduplicates_and_sorts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    once = discover(["articles/sub"])
    twice = discover(["articles/sub/f.txt", "articles/sub", "./articles/sub/f.txt"])
    assert once == twice
    assert [display_path(p) for p in once] == ["articles/sub/deeper/g.md", "articles/sub/drafts/j.txt",
                                               "articles/sub/f.txt"]


def test_discover_missing_path_is_a_user_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(FactcheckError) as exc:
        discover([tmp_path, missing])
    assert str(exc.value) == f"{missing}: no such file or directory"
    assert exc.value.exit_code == 2


def test_display_path_is_posix_and_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "a" / "b" / "c.txt") == "a/b/c.txt"
    assert display_path(Path("a") / "b" / ".." / "b" / "c.txt") == "a/b/c.txt"


# --------------------------------------------------------------------------- offset-map properties

_PIECES = st.sampled_from([
    "a", "Kim", "Jong", " ", "  ", "\n", "\r", "\r\n", "\t", "&amp;", "&eacute;", "&#13;", "&bogus;",
    "<b>", "</b>", "<p>", "<br>", "<script>", "</script>", "<!--", "-->", "`", "```", "~~~", "    ",
    "---", "[", "]", "(", ")", "!", "<", ">", "http://x.org/2019/12/30/a", "é", "\u2014", "date 2020-02-10",
    "December 30, 2019", ":", "#", "\ufeff",
])
TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join),
                  st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30).map("".join))
FORMATS = st.sampled_from(["text", "markdown", "html"])
_BREAK = re.compile(r"\r\n|\r|\n")


def _expected_position(source: str, offset: int) -> tuple[int, int]:
    """Line/column by counting line breaks in ``source[:offset]`` (independent of Document)."""
    breaks = list(_BREAK.finditer(source, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


@given(TEXTS, FORMATS)
def test_parse_never_raises_and_text_is_normalised(source: str, fmt: str) -> None:
    doc = parse_document("x", source, fmt)
    assert "\r" not in doc.text
    for c in doc.date_candidates:
        assert c.start == -1 or doc.text[c.start:c.end]


@given(TEXTS, FORMATS)
def test_every_word_span_maps_to_a_valid_source_slice(source: str, fmt: str) -> None:
    doc = parse_document("x", source, fmt)
    for m in re.finditer(r"\w+", doc.text):
        i, j = m.span()
        s, e = doc.source_span(i, j)
        assert 0 <= s <= e <= len(source)
        line, col, end_line, end_col, excerpt = doc.locate(i, j)
        assert excerpt == source[s:e]
        assert line >= 1 and col >= 1 and end_line >= line
        assert (line, col) == _expected_position(source, s)
        assert (end_line, end_col) == _expected_position(source, e)
        if fmt == "text":
            assert excerpt == m.group(0)
        else:
            # Stripped markup never lands inside a word: the word's characters are in the excerpt.
            assert len(excerpt) >= 1


@given(st.text())
def test_plain_text_round_trips_every_word(source: str) -> None:
    doc = parse_document("x", source, "text")
    assert doc.text == _BREAK.sub("\n", source)
    for m in re.finditer(r"\w+", doc.text):
        assert doc.locate(*m.span())[4] == m.group(0)


@given(TEXTS, FORMATS, st.data())
def test_arbitrary_spans_are_well_formed(source: str, fmt: str, data: st.DataObject) -> None:
    doc = parse_document("x", source, fmt)
    n = len(doc.text)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    s, e = doc.source_span(i, j)
    assert 0 <= s <= e <= len(source)
    line, col, end_line, end_col, excerpt = doc.locate(i, j)
    assert excerpt == source[s:e]
    assert (line, col) >= (1, 1) and (end_line, end_col) >= (line, col)


def test_a_short_sentence_with_a_date_is_not_a_dateline() -> None:
    # One-sentence-per-line corpora: a biography line is not the byline.
    doc = parse_document("a.txt", "Pinup icon Bettie Page died Thursday.\nPage was born on April 22, 1923.\n")
    assert doc.pub_date is None
    doc = parse_document("b.txt", "Headline\nUpdated Saturday, December 05, 2009 8:28 PM\nBody text here.\n")
    assert (doc.pub_date, doc.date_source) == (dt.date(2009, 12, 5), "dateline")


# --------------------------------------------------------------------------- fast paths of parsing

_URLISH = st.lists(st.sampled_from(["http://", "https://", "h", "http", "s", "://", "x", " ", "\n", "\r", "\r\n",
                                    "a.b", ")", "é", "_", "9"]), max_size=30).map("".join)


@given(_URLISH)
def test_bare_url_pattern_is_the_word_boundary_one(text: str) -> None:
    """The URL pattern searches for its literal "http" and tests the word start after it; it finds
    what ``\\bhttps?://...`` finds, searched or matched at the start."""
    from factcheck.metadata import _BARE_URL_RE

    plain = re.compile(r"\bhttps?://[^\s<>\"')\]]+")
    for fast, slow in ((_BARE_URL_RE.search(text), plain.search(text)), (_BARE_URL_RE.match(text), plain.match(text))):
        assert (fast.span() if fast else None) == (slow.span() if slow else None)


@given(_URLISH)
def test_line_starts_without_carriage_returns_are_the_regex_ones(text: str) -> None:
    from factcheck.documents import _line_starts

    assert _line_starts(text) == (0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text)))
