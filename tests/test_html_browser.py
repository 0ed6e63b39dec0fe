"""The HTML report in a real browser: Playwright driving Debian's ``chromium`` package.

No ``playwright install`` (it downloads a browser): the test launches the
system Chromium and skips, saying why, when there is none.  CI installs it
with apt (``.ci/run``).  Set ``FACTCHECK_ARTIFACTS=DIR`` to keep the
screenshots; ``FACTCHECK_UPDATE_SCREENSHOT=1`` refreshes the README's
``docs/html-report.png``.  ``.ci/run`` sets ``FACTCHECK_REQUIRE_BROWSER=1`` when it has
a Chromium, so there a missing browser or Playwright fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from conftest import ROOT, SEEDS, run_factcheck
from test_html_report import script_project

#: where Debian and Ubuntu put the browser
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium() -> str | None:
    for path in CHROMIUM_PATHS:
        if os.access(path, os.X_OK):
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def skip(reason: str) -> NoReturn:
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, but FACTCHECK_REQUIRE_BROWSER is set")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright import sync_api
    except ImportError:
        skip("playwright is not installed (pip install -e '.[dev]')")
    exe = chromium()
    if exe is None:
        skip("no Chromium found (install Debian's package: apt-get install chromium); "
             "the test never downloads a browser")
    # Chromium refuses to run as root with its sandbox on (CI's fresh machine runs as root).
    args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(exe), args=args)
        try:
            yield b
        finally:
            b.close()


class Opened:
    """A page with the report loaded from ``file://``, and every console error and uncaught exception."""

    def __init__(self, browser: Any, path: Path, width: int = 1100) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())

    def finding(self, rule: str, where: str) -> Any:
        return self.page.locator(f'article.finding[data-rule="{rule}"]').filter(
            has=self.page.locator(".loc", has_text=where))


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("html")
    shutil.copytree(SEEDS, root / "seeds")
    result = run_factcheck(root, "scan", "seeds", "--also", "html:report.html")
    assert result.returncode == 1, result.stderr
    return root / "report.html"


def test_misspelled_name_shows_the_suggestion(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    card = opened.finding("names/variant", "seeds/001_01d226c4d8e25899.txt:18:450")
    assert card.count() == 1
    assert card.locator(".suggested").inner_text() == "Kim Jong Un"
    assert card.locator(".here mark.diff").all_inner_texts() == ["Long"]
    assert card.locator(".there mark.diff").all_inner_texts() == ["Jong", "Jong"]
    # the location link lands on the span, marked in the article's text
    card.locator(".loc a").click()
    target = opened.page.locator(":target + mark")
    assert target.inner_text() == "Kim Long Un" and target.is_visible()
    assert opened.errors == []


def test_quote_drift_shows_both_wordings_with_the_change_highlighted(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    card = opened.finding("quotes/drift", "seeds/003_7cd300d590317c2f.txt:4:126")
    here, there = card.locator(".here blockquote"), card.locator(".there blockquote")
    assert "Enforcement of Security Council sanctions must continue" in here.inner_text()
    assert "Enforcement of UN Security Council sanctions must continue" in there.inner_text()
    # side by side: the two wordings share a row at desktop width
    hb, tb = here.bounding_box(), there.bounding_box()
    assert hb["x"] + hb["width"] <= tb["x"] and abs(hb["y"] - tb["y"]) < 40
    changed = there.locator("mark.diff")
    assert "UN" in changed.all_inner_texts()
    plain = opened.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert changed.first.evaluate("e => getComputedStyle(e).backgroundColor") != plain  # highlighted


def test_filters_hide_info_findings_and_filter_by_rule(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    info, errors = page.locator('article.finding[data-severity="info"]'), page.locator(
        'article.finding[data-severity="error"]')
    assert info.count() == 9 and all(info.nth(i).is_visible() for i in range(info.count()))  # quote drift: info
    page.locator('#filters input[value="info"]').uncheck()
    assert not any(info.nth(i).is_visible() for i in range(info.count()))
    assert all(errors.nth(i).is_visible() for i in range(errors.count()))
    assert page.locator("#shown-count").inner_text() == "2 of 11 findings shown"
    page.locator('#filters input[value="info"]').check()
    page.locator("#rule-filter").select_option("quotes/drift")
    visible = page.locator("article.finding:visible")
    assert visible.count() == 2 and {visible.nth(i).get_attribute("data-rule") for i in range(2)} == {"quotes/drift"}
    assert opened.errors == []


def test_readable_at_a_phone_width_and_screenshot(browser: Any, seeds_report: Path, tmp_path: Path) -> None:
    opened = Opened(browser, seeds_report, width=390)
    page = opened.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the side
    card = opened.finding("quotes/drift", "seeds/003_7cd300d590317c2f.txt:4:126")
    hb, tb = card.locator(".here").bounding_box(), card.locator(".there").bounding_box()
    assert tb["y"] >= hb["y"] + hb["height"]  # the two sides stack
    desktop = Opened(browser, seeds_report)
    shots = Path(os.environ.get("FACTCHECK_ARTIFACTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    desktop.page.screenshot(path=str(shots / "html-report-full.png"), full_page=True)
    page.screenshot(path=str(shots / "html-report-phone.png"), full_page=True)
    top = shots / "html-report.png"
    desktop.page.screenshot(path=str(top), full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": 1500})
    assert (shots / "html-report-full.png").stat().st_size > 50_000 and top.read_bytes()[:4] == b"\x89PNG"
    if os.environ.get("FACTCHECK_UPDATE_SCREENSHOT"):
        shutil.copyfile(top, ROOT / "docs" / "html-report.png")


def test_a_script_in_an_article_is_shown_as_text_and_never_run(browser: Any, tmp_path: Path) -> None:
    project = script_project(tmp_path)
    result = run_factcheck(project, "scan", "arts", "--format", "html", "--output", "report.html")
    assert result.returncode == 1, result.stderr
    opened = Opened(browser, project / "report.html")
    page = opened.page
    assert page.title() == "factcheck report"
    assert page.evaluate("typeof window.pwned") == "undefined"
    script = '<script>document.title="pwned";window.pwned=1</script>'
    message = page.locator('article.finding[data-rule="house/markup"] .message')
    assert message.inner_text() == f"Markup in the text: {script}"
    assert script in page.locator("article.document .text").inner_text()
    assert page.locator("main script").count() == 0  # no element was made from the article's markup
    assert opened.errors == []  # nor blocked by the policy: there was nothing to block
    assert page.locator("#shown-count").inner_text() == "2 of 2 findings shown"  # the page's own script ran
