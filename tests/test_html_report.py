"""The HTML report (``--format html``): escaped, self-contained, deterministic, written atomically.

These tests read the page as text; tests/test_html_browser.py opens it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, one_error_line, run_factcheck
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config
from factcheck.documents import load_document
from factcheck.engine import Report, scan
from factcheck.findings import Finding, Location
from factcheck.report import RenderContext
from factcheck.report.html import build_page, render
from factcheck.report.htmldocs import Mark, marked_pieces
from factcheck.report.worddiff import word_diff

#: a pattern rule whose finding's excerpt and message are markup from the article
SCRIPT_RULES = """
- id: house/markup
  type: pattern
  severity: warning
  message: "Markup in the text: {match}"
  patterns: ['<script>[^<]*</script>']
  whole_word: false
- id: house/unnamed
  type: pattern
  severity: info
  message: "Unnamed source ('{match}')."
  words: ["sources said"]
"""
#: would retitle the page and set a global, were it ever run
SCRIPT = '<script>document.title="pwned";window.pwned=1</script>'
SCRIPT_ARTICLE = (f"Officials met on Monday. {SCRIPT} The talks went well, sources said.\n\n"
                  "A second paragraph with <b>bold</b> & an ampersand.\n")


def script_project(root: Path) -> Path:
    """``root/arts/a.txt`` whose text holds a ``<script>`` element, with rules that flag it."""
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "house.yaml").write_text(SCRIPT_RULES, encoding="utf-8")
    (root / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\n', encoding="utf-8")
    (root / "arts").mkdir()
    (root / "arts" / "a.txt").write_text(SCRIPT_ARTICLE, encoding="utf-8")
    return root


@pytest.fixture
def seeds_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds' report with the shipped rules, rendered once (the scan is the slow part)."""
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, root / "seeds")
    result = run_factcheck(root, "scan", "seeds", "--format", "html", "--output", "report.html")
    assert result.returncode == 1, result.stderr
    return (root / "report.html").read_text(encoding="utf-8")


def finding_block(page: str, rule: str, needle: str) -> str:
    """The ``<article class="finding">`` of ``rule`` whose text contains ``needle``."""
    for m in re.finditer(r'<article class="finding[^"]*"[^>]*data-rule="([^"]+)".*?</article>', page, re.S):
        if m.group(1) == rule and needle in m.group(0):
            return m.group(0)
    raise AssertionError(f"no {rule} finding with {needle!r}")


# --------------------------------------------------------------------------- the seeds' page


def test_seeds_page_groups_findings_by_story_and_counts_them(seeds_page: str) -> None:
    assert seeds_page.startswith("<!DOCTYPE html>")
    assert len(re.findall(r'<article class="finding ', seeds_page)) == 11
    assert re.search(r"5 files scanned · 2 stories · <strong>11 findings</strong>", seeds_page)
    for sev, n in (("error", 2), ("warning", 0), ("info", 9)):  # the Pompeo quote drift is wording: info
        assert f'<span class="badge sev-{sev}">{n} {sev}</span>' in seeds_page
    stories = re.findall(r'<section class="story" id="(story-\d+)">', seeds_page)
    assert len(stories) == 2
    # every finding links to its span in the document view, and that anchor exists
    for href in re.findall(r'<span class="loc"><a href="#([^"]+)"', seeds_page):
        assert f'<span class="anchor" id="{href}"></span><mark class="sev-' in seeds_page


def test_misspelled_name_shows_the_suggestion_and_the_differing_word(seeds_page: str) -> None:
    block = finding_block(seeds_page, "names/variant", "seeds/001_01d226c4d8e25899.txt:18:450")
    assert '<strong class="suggested">Kim Jong Un</strong>' in block
    here, there = block.split('class="side there"', 1)
    assert '<mark class="diff">Long</mark>' in here
    assert '<mark class="diff">Jong</mark>' in there
    assert "seeds/000_018bb7910cb6849a.txt:15:78" in there  # the related location, linked


def test_quote_drift_shows_both_wordings_side_by_side(seeds_page: str) -> None:
    block = finding_block(seeds_page, "quotes/drift", "seeds/003_7cd300d590317c2f.txt:4:126")
    here, there = block.split('class="side there"', 1)
    assert "Enforcement of" in here and "Security Council" in here
    assert '<mark class="diff">UN</mark>' in there  # the word the other article has and this one dropped
    assert '<mark class="diff">UN</mark>' not in here


def test_document_view_has_a_claims_ledger_with_resolved_dates_and_speakers(seeds_page: str) -> None:
    doc = seeds_page[seeds_page.index('<article class="document" id="doc-1">'):]
    doc = doc[:doc.index("</article>")]
    assert "<code>seeds/000_018bb7910cb6849a.txt</code> · published 2019-12-30" in doc
    assert "<tr><td>13:59</td><td>date</td><td>Monday</td><td>2019-12-30</td><td>granularity: day; " \
           "anchor: 2019-12-30</td></tr>" in doc
    assert "<td>quote</td><td>Christmas gift</td><td>Christmas gift</td><td>speaker: North Korea; verb: warned" \
           in doc
    for title in ("Dates", "Figures", "Names", "Quotes"):
        assert f"<h4>{title}</h4>" in doc


# --------------------------------------------------------------------------- untrusted text


def test_markup_in_an_article_is_escaped_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(script_project(tmp_path))
    result = CliRunner().invoke(app, ["scan", "arts", "--format", "html"])
    page = result.stdout
    assert result.exit_code == 1, result.output
    assert page.count("<script>") == 1  # the page's own, at the end
    assert page.rindex("<script>") > page.index("</main>")
    escaped = "&lt;script&gt;document.title=&#34;pwned&#34;;window.pwned=1&lt;/script&gt;"
    assert page.count(escaped) >= 3  # the message, the finding's sentence, the document's text
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; an ampersand" in page
    assert "<title>factcheck report</title>" in page


def test_control_and_bidi_characters_are_shown_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(script_project(tmp_path))
    (tmp_path / "arts" / "a.txt").write_text("Trojan \u202eevil\u202c text, sources said.\n", encoding="utf-8")
    page = CliRunner().invoke(app, ["scan", "arts", "--format", "html"]).stdout
    assert "\u202e" not in page and "\\u202eevil" in page


def test_page_is_self_contained_with_a_strict_content_security_policy(seeds_page: str) -> None:
    assert not re.search(r"<(?:link|iframe|object|embed|img|base)\b", seeds_page)
    assert "@import" not in seeds_page and "url(" not in seeds_page
    refs = re.findall(r'\b(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"', seeds_page)
    assert refs and all(r.startswith("#") for r in refs), [r for r in refs if not r.startswith("#")]
    assert not re.search(r"https?://", seeds_page.split("<main>")[0])  # head: nothing loaded from anywhere
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', seeds_page)
    assert csp is not None and "default-src &#39;none&#39;" in csp.group(1)
    # the page's own script and style run: the policy names them by hash
    script = re.search(r"<script>(.*)</script>", seeds_page, re.S)
    style = re.search(r"<style>(.*)</style>", seeds_page, re.S)
    assert script is not None and style is not None
    for part in (script.group(1), style.group(1)):
        digest = base64.b64encode(hashlib.sha256(part.encode("utf-8")).digest()).decode("ascii")
        assert f"sha256-{digest}" in csp.group(1)


# --------------------------------------------------------------------------- determinism and writing


def test_same_input_gives_a_byte_identical_page(tmp_path: Path) -> None:
    pages = []
    for name in ("one", "two"):
        root = tmp_path / name
        shutil.copytree(SEEDS, root / "seeds")
        result = run_factcheck(root, "scan", "seeds", "--format", "html", "--also", "html:copy.html")
        assert result.returncode == 1, result.stderr
        assert (root / "copy.html").read_text(encoding="utf-8") == result.stdout
        pages.append(result.stdout.encode("utf-8"))
    assert pages[0] == pages[1]
    assert b"2026" not in pages[0] and b"UTC" not in pages[0]  # no timestamp of the run


def test_also_html_is_written_atomically(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (seeds_copy / "report.html").write_text("old report\n", encoding="utf-8")
    import factcheck.atomic

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(factcheck.atomic.os, "replace", full_disk)
    result = CliRunner().invoke(app, ["scan", "seeds", "--select", "sourcing", "--also", "html:report.html"])
    assert "cannot write report.html: No space left on device" in one_error_line(result)
    assert (seeds_copy / "report.html").read_text(encoding="utf-8") == "old report\n"
    assert not list(seeds_copy.glob(".report.html.*"))


def test_also_html_writes_the_page_beside_another_format(seeds_copy: Path) -> None:
    result = CliRunner().invoke(app, ["scan", "seeds", "--select", "sourcing", "--format", "concise",
                                      "--also", "html:out/report.html"])
    assert result.exit_code == 0, result.output
    page = (seeds_copy / "out" / "report.html").read_text(encoding="utf-8")
    assert page.count('data-rule="sourcing/anonymous"') == 2 + 2  # the findings, and the documents' lists
    assert result.stdout.count("[sourcing/anonymous]") == 2


def test_html_refuses_to_overwrite_a_scanned_article(seeds_copy: Path) -> None:
    result = CliRunner().invoke(app, ["scan", "seeds", "--also", "html:seeds/000_018bb7910cb6849a.txt"])
    assert "would overwrite a scanned input" in one_error_line(result)


# --------------------------------------------------------------------------- without stories, hidden findings


def test_without_corpus_rules_findings_are_grouped_by_document(seeds_copy: Path) -> None:
    report = scan(["seeds"], Config(select=("sourcing",)))
    assert report.stories is None
    page = render(report, RenderContext(version="9.9"))
    assert "<h2>Documents with findings</h2>" in page and "1 document" not in page
    assert "5 files scanned · 5 documents ·" in page
    assert "4 documents without findings" in page
    assert '<meta name="generator" content="factcheck 9.9">' in page


def test_hidden_findings_are_counted_not_shown(seeds_copy: Path) -> None:
    report = scan(["seeds"], Config(select=("sourcing",)))
    hidden = Finding(**{**report.findings[0].__dict__, "suppressed": "checked with the desk"})
    page = render(Report(findings=[hidden, *report.findings[1:]], documents=report.documents,
                         rules=report.rules, files=report.files), RenderContext())
    assert page.count('<article class="finding ') == 1
    assert "not shown: 1 suppressed inline" in page


def test_related_location_in_an_unknown_document_is_shown_without_a_link() -> None:
    loc = Location("a.txt", 1, 1, 1, 4, "Kim")
    rel = Location("elsewhere.txt", 3, 5, 3, 8, "Kin")
    f = Finding("x/y", "error", "differs", loc, related=(rel,)).with_fingerprint()
    page = build_page(Report(findings=[f], documents=[], rules=[], files=1))
    (story,) = page.stories
    (view,) = story.findings
    assert view.here.href == "" and view.elsewhere[0].href == ""
    assert [p.text for p in view.elsewhere[0].parts if p.changed] == ["Kin"]


# --------------------------------------------------------------------------- the pieces


def test_word_diff_flags_whole_words_and_punctuation() -> None:
    left, right = word_diff("until we realise the fully, final, verified", "until we realize final, fully verified")
    assert [s.text for s in left if s.changed] == ["realise the fully,"]
    assert [s.text for s in right if s.changed] == ["realize", "fully"]
    assert "".join(s.text for s in left) == "until we realise the fully, final, verified"
    same_l, same_r = word_diff("Kim Jong Un", "kim jong un")
    assert not any(s.changed for s in (*same_l, *same_r))  # case alone is no difference


def test_overlapping_marks_cut_the_text_without_nesting(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kim Long Un met envoys.\n", encoding="utf-8")
    doc, _warning = load_document(path)
    pieces = marked_pieces(doc.source, [Mark(0, 11, "f1-at", "info"), Mark(4, 8, "f2-at", "error"),
                                        Mark(4, 8, "f3-r1", None)])
    assert [(p.text, p.mark, p.anchors) for p in pieces] == [
        ("Kim ", "sev-info", ("f1-at",)), ("Long", "sev-error", ("f2-at", "f3-r1")), (" Un", "sev-info", ()),
        (" met envoys.\n", None, ())]
