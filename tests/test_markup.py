"""The linear markup scanners find exactly what the regular expressions they replace found.

The expressions below are the ones the document readers used before they were
replaced for being quadratic (or cubic) on unclosed openers; on small inputs
built from markup fragments they are the specification.
"""

from __future__ import annotations

import html
import re

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck import markup

FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n(?:.*?\n)??\1?\2[`~]*[ \t]*(?:\r?\n|\Z)",
                      re.MULTILINE | re.DOTALL)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
LINK_RE = re.compile(r"(!?)\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
HTML_TOKEN_RE = re.compile(
    r"<!--.*?-->|<(script|style|head|noscript|template)\b[^>]*>.*?</\1\s*>|<!\[CDATA\[.*?\]\]>"
    r"|<[!?/]?[A-Za-z][^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
    re.DOTALL | re.IGNORECASE,
)
TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.DOTALL | re.IGNORECASE)
META_RE = re.compile(
    r"<meta\b[^>]*(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|pubdate|"
    r"datePublished|dc\.date)[\"'][^>]*>", re.IGNORECASE)
META_ATTR_RE = re.compile(
    r"(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|pubdate|"
    r"datePublished|dc\.date)[\"']", re.IGNORECASE)
LINK_TAG_RE = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']canonical[\"'][^>]*>", re.IGNORECASE)
CANONICAL_RE = re.compile(r"rel\s*=\s*[\"']canonical[\"']", re.IGNORECASE)

MD_PIECES = ["```", "````", "~~~", "``", "`", "~", " ", "   ", "    ", "\n", "\r\n", "\r", "\t", "a", "py",
             "[", "]", "(", ")", "!", "x", '"', " \"t\"", "<", ">", "<!--", "-->", "<http:", "<mailto:", "-"]
HTML_PIECES = ["<", ">", "/", "!", "?", "p", "P", "<p>", "</p>", "<br/>", "<script>", "</script>", "</SCRIPT >",
               "<style a='b'>", "</style>", "<head>", "</head\n>", "<header>", "<!--", "-->", "<![CDATA[", "]]>",
               "&amp;", "&#65;", "&#x41;", "&#;", "&", ";", "#", "x", "a", " ", "\n", "<title>", "</title>",
               "<meta name='date' content='2019-12-30'>", "<meta ", "name=\"date\"", "<link ",
               "rel='canonical'", "href='http://a/2019/12/30/x'", "<link rel=canonical>", "<TITLE x>", "<scripts>"]

md_text = st.lists(st.sampled_from(MD_PIECES), max_size=40).map("".join)
html_text = st.lists(st.sampled_from(HTML_PIECES), max_size=40).map("".join)


@given(md_text)
@example("```\nx\n```\n")
@example("````\n```\nx\n```\n")
@example("  ```py\nx\n```\n  ```\n")
@example("```a\n```a\n```")
@example("~~~~\n~~~\n")
def test_fences_as_the_regex_found_them(text: str) -> None:
    assert markup.fence_spans(text) == [m.span() for m in FENCE_RE.finditer(text)]


@given(md_text)
def test_comments_autolinks_and_links_as_the_regexes_found_them(text: str) -> None:
    assert markup.comment_spans(text) == [m.span() for m in COMMENT_RE.finditer(text)]
    assert markup.autolink_spans(text) == [m.span() for m in AUTOLINK_RE.finditer(text)]
    assert markup.markdown_links(text) == [(m.start(), m.end(), m.start(2), m.end(2))
                                           for m in LINK_RE.finditer(text)]


def _kind(m: re.Match[str]) -> str:
    tok = m.group()
    if tok.startswith("&"):
        return "entity"
    if tok.startswith("<!--"):
        return "comment"
    if m.group(1):
        return "block"
    if tok[:9].upper() == "<![CDATA[":
        return "cdata"
    return "tag"


@given(html_text)
@example("<script>a<script>b</script>")
@example("<p <p <p &amp;")
@example("<!-- &amp; <p>")
def test_html_tokens_as_the_regex_found_them(text: str) -> None:
    assert list(markup.html_tokens(text)) == [(m.start(), m.end(), _kind(m)) for m in HTML_TOKEN_RE.finditer(text)]


@given(html_text)
def test_metadata_tags_as_the_regexes_found_them(text: str) -> None:
    title = TITLE_RE.search(text)
    assert markup.title_text(text) == (title.group(1) if title else None)
    meta = META_RE.search(text)
    assert next(markup.tag_spans(text, "meta", META_ATTR_RE), None) == (meta.span() if meta else None)
    assert list(markup.tag_spans(text, "link", CANONICAL_RE)) == [m.span() for m in LINK_TAG_RE.finditer(text)]


@given(st.text(alphabet="&#xX0123456789aAfF;", max_size=30))
def test_unescape_agrees_with_html_unescape(text: str) -> None:
    assert markup.unescape(text) == html.unescape(text)


def test_unescape_never_reads_a_huge_reference_as_a_number() -> None:
    assert markup.unescape("a&#" + "9" * 5000 + ";b") == "a\ufffdb"
    assert markup.unescape("&#x" + "f" * 5000 + ";") == "\ufffd"
    assert markup.unescape("&#" + "0" * 5000 + "65;") == "A"
