"""A document's language (factcheck/language.py and Document.lang): declared or detected.

Detection only chooses the date parser, so what matters is that English news
stays English (all of ECB+), and that a paragraph in another language that
uses dates is recognised.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import language
from factcheck.documents import discover, load_document, parse_document

FRENCH = ("Le gouvernement a présenté hier son projet de loi. Lundi dernier, les syndicats ont appelé à la grève "
          "pour le 5 décembre, et le texte sera examiné en mars.")
GERMAN = ("Die Regierung hat gestern ein neues Gesetz beschlossen. Am vergangenen Montag protestierten Tausende; "
          "im März soll der Bundestag abstimmen, die Wahl ist im September.")
SPANISH = ("El Gobierno aprobó ayer la reforma. El pasado lunes miles de personas se manifestaron, y la votación "
           "será en marzo de 2020.")
ITALIAN = ("Il governo ha approvato ieri la riforma. Lunedì scorso migliaia di persone hanno protestato, e il voto "
           "è previsto a marzo del 2020, tre giorni fa il ministro ha parlato.")


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es"), (ITALIAN, "it")])
def test_detects_news_paragraphs_that_use_dates(text: str, code: str) -> None:
    assert language.detect(text) == code


@pytest.mark.parametrize("text", [
    "",
    "Now is not the time to consider it.",
    "The council met on Monday and will vote in March.",
    "El Niño and the Los Angeles Dodgers",  # a few foreign words are not a foreign text
    "123 456 --- *** <p>",
])
def test_english_and_short_texts_stay_english(text: str) -> None:
    assert language.detect(text) == "en"


@pytest.mark.parametrize(("declared", "code"), [
    ("fr", "fr"), ("fr-FR", "fr"), ("DE_at", "de"), ("'es'", "es"), (" en-GB ", "en"),
    ("", None), (None, None), ("xx", None), ("french", None), ("../../etc", None),
])
def test_normalise_keeps_codes_dateparser_knows(declared: str | None, code: str | None) -> None:
    assert language.normalise(declared) == code


def test_front_matter_then_html_then_detection() -> None:
    for key in ("lang", "language", "Language"):
        doc = parse_document("a.md", f"---\n{key}: fr-CA\n---\nThe council met on Monday.\n", "markdown")
        assert (doc.lang, doc.lang_source) == ("fr", "front-matter")
    doc = parse_document("a.md", "---\nlang: klingon\n---\n" + GERMAN, "markdown")
    assert (doc.lang, doc.lang_source) == ("de", "detected")  # an unknown declaration is passed over
    html = f'<html xml:lang="de" lang="de-DE"><body><p>{FRENCH}</p></body></html>'
    doc = parse_document("a.html", html, "html")
    assert (doc.lang, doc.lang_source) == ("de", "html")  # declared beats detected
    doc = parse_document("a.html", f"<html><body><p>{FRENCH}</p></body></html>", "html")
    assert (doc.lang, doc.lang_source) == ("fr", "detected")
    doc = parse_document("a.txt", "The council met on Monday.", "text")
    assert (doc.lang, doc.lang_source) == ("en", "detected")


def test_detection_reads_a_bounded_sample() -> None:
    assert language.detect("The council met. " * 10 + FRENCH * 3) == "fr"
    assert language.detect("x" * language.SAMPLE_CHARS + FRENCH * 3) == "en"


@given(st.text(max_size=500))
def test_detect_is_total_and_returns_a_supported_code(text: str) -> None:
    code = language.detect(text)
    assert code == "en" or code in language.supported()


def test_every_ecbplus_article_is_english(ecbplus_dir: object) -> None:
    docs = [load_document(p)[0] for p in discover([ecbplus_dir])]  # type: ignore[list-item]
    assert len(docs) == 982
    assert [d.path for d in docs if d.lang != "en"] == []


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("10 février 2020", "fr", dt.date(2020, 2, 10)),
    ("Mon, 30 Dec 2019 08:15:00 GMT", "en", dt.date(2019, 12, 30)),
    ("Mon, 30 Dec 2019 23:15:00 -0500", "fr", dt.date(2019, 12, 30)),  # the writer's date, not UTC's
    ("2019-12-30T08:15:00+01:00", "en", dt.date(2019, 12, 30)),
    ("26. September 2021", "de", dt.date(2021, 9, 26)),
    ("10.02.2020", "de", dt.date(2020, 2, 10)),  # day first in German
    ("jueves, 14 de noviembre de 2019", "es", dt.date(2019, 11, 14)),
    ("février 2020", "fr", None),  # a month is not a publication date
    ("hier", "fr", None),  # nor is a relative one
    ("3 days ago", "en", None),
    ("2020", "en", None),
    ("x" * 200 + " 10 février 2020", "fr", None),  # dateparser is given short values only
])
def test_metadata_dates_in_any_format_or_language(value: str, lang: str, expected: dt.date | None) -> None:
    from factcheck.calendar import parse_metadata_date

    assert parse_metadata_date(value, lang) == expected


def test_stored_vocabulary_is_dateparsers() -> None:
    """claims/data/language_vocabulary.json spares every scan dateparser's import; it must stay
    what dateparser's data says (regenerate with ``language.write_data()`` after upgrading it)."""
    assert language._stored() == language.computed_data()


def test_detecting_english_does_not_import_dateparser() -> None:
    import subprocess
    import sys

    code = ("import sys; from factcheck import language; "
            "assert language.detect('The court met on Monday, January 5.') == 'en'; "
            "print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --------------------------------------------------------------------------- the grouped fast path

#: Date words of several languages, with English function words and punctuation: texts drawn
#: from them come near the thresholds and tie between languages, where rounding could matter.
_MIXED_WORDS = ("the in a now on of is hier gestern ayer ieri lundi montag lunes lunedì dernier vergangenen "
                "pasado scorso fa mars märz marzo septembre september il la le de el y et und , . ' _ é 5").split()


@given(st.lists(st.sampled_from(_MIXED_WORDS), max_size=60).map(" ".join))
def test_grouped_counts_decide_as_the_text_order_tally(text: str) -> None:
    """``detect`` decides from per-word counts; it must give what the text-order sum gives."""
    assert language.detect(text) == language._decide(language._tally(text))


@given(st.text(max_size=300))
def test_ascii_word_split_is_the_regex_findall(text: str) -> None:
    assert language._words_of(text) == language._WORD_RE.findall(text)


def test_a_tie_is_decided_by_the_exact_sum() -> None:
    """Two languages with the same score: the quick path declines, the exact one picks alphabetically."""
    text = "gestern gestern gestern hier hier hier"  # "yesterday" in German and in French, three times each
    assert language._tally(text) == {"de": (3.0, 1), "fr": (3.0, 1)}
    assert language._quick_decision(text) is None
    assert language.detect(text) == "en"  # one word per language is not a language (MIN_WORDS)
