"""Date claims in documents not written in English (dateparser; factcheck/claims/dates_intl.py).

The paragraphs are written for these tests in the style of wire copy.  Each
test checks spans (exact slices of the text), values and granularity, and
that relative expressions move with the publication date: "hier" in an
article of 12 February 2020 is the 11th, and unresolved when the date is
unknown -- never resolved against today.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import dates_intl
from factcheck.claims.base import Claim, sentence_bounds
from factcheck.claims.dates import PUB_UNKNOWN, extract
from factcheck.documents import Document, parse_document

ATTR_KEYS = {"granularity", "modifier", "relative", "resolved", "reason", "anchor", "anchor_source", "tense",
             "weekday", "weekday_matches", "year_inferred", "range_end", "dateline"}

FRENCH = """---
title: Retraites
date: 12 février 2020
lang: fr
---
PARIS — Le président a annoncé hier une réforme des retraites. Lundi dernier, les syndicats avaient \
manifesté devant l'Assemblée nationale. Le texte sera examiné en mars 2020, puis voté le 10 février 2021.

Il y a trois jours, le ministre a démenti toute reprise des négociations. La grève du 5 décembre 2019 \
avait mobilisé 800 000 personnes selon la CGT. Le prochain vote aura lieu le 3 mars.
"""

GERMAN = """BERLIN — Die Bundesregierung hat gestern ein neues Klimagesetz beschlossen, und die Opposition \
protestierte. Am vergangenen Montag demonstrierten Tausende vor dem Kanzleramt. Im März 2020 soll der \
Bundestag abstimmen; die Wahl findet am 26. September 2021 statt. Vor drei Tagen sagte der Minister, er \
werde im Januar entscheiden.
"""

SPANISH_HTML = """<!doctype html><html lang="es-ES"><head><title>Reforma</title>
<meta property="article:published_time" content="jueves, 14 de noviembre de 2019 08:15">
</head><body><p>MADRID — El Gobierno aprobó ayer la reforma laboral. El pasado lunes, miles de personas \
se manifestaron en la capital. La votación será en marzo de 2020 y las elecciones fueron el 10 de \
noviembre de 2019.</p></body></html>
"""


def table(found: list[Claim]) -> list[tuple[str, str | None, str, bool]]:
    return [(c.text, c.value, c.attrs["granularity"], c.attrs["relative"]) for c in found]


def french(pub_line: str = "date: 12 février 2020") -> Document:
    return parse_document("a.md", FRENCH.replace("date: 12 février 2020", pub_line), "markdown")


def test_french_article_against_its_front_matter_date() -> None:
    doc = french()
    assert (doc.lang, doc.lang_source, doc.pub_date) == ("fr", "front-matter", dt.date(2020, 2, 12))
    found = list(extract(doc))
    assert table(found) == [
        ("hier", "2020-02-11", "day", True),
        ("Lundi dernier", "2020-02-10", "day", True),  # of Wednesday 12 February
        ("mars 2020", "2020-03", "month", False),  # a month and year stays a month
        ("10 février 2021", "2021-02-10", "day", False),
        ("Il y a trois jours", "2020-02-09", "day", True),
        ("5 décembre 2019", "2019-12-05", "day", False),
        ("3 mars", "2020-03-03", "day", True),
    ]
    for c in found:
        assert doc.text[c.start:c.end] == c.text
        assert set(c.attrs) == ATTR_KEYS
        json.dumps(dict(c.attrs))
        assert c.attrs["resolved"] == c.value
    hier, lundi, mars = found[0], found[1], found[2]
    assert (hier.attrs["anchor"], hier.attrs["anchor_source"], hier.attrs["tense"]) == \
        ("2020-02-12", "publication", "past")
    assert lundi.attrs["weekday"] == "Monday"
    assert mars.attrs["anchor"] is None and mars.attrs["year_inferred"] is False
    assert found[-1].attrs["year_inferred"] is True and found[-1].attrs["tense"] == "future"


def test_relative_dates_move_with_the_publication_date() -> None:
    found = {c.text: c.value for c in extract(french("date: 2021-06-30"))}  # a Wednesday
    assert found["hier"] == "2021-06-29"
    assert found["Lundi dernier"] == "2021-06-28"
    assert found["Il y a trois jours"] == "2021-06-27"
    assert found["mars 2020"] == "2020-03" and found["5 décembre 2019"] == "2019-12-05"


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    doc = parse_document("a.md", FRENCH.replace("date: 12 février 2020\n", ""), "markdown")
    assert doc.pub_date is None and doc.lang == "fr"
    found = list(extract(doc))
    relative = [c for c in found if c.attrs["relative"]]
    assert [c.text for c in relative] == ["hier", "Lundi dernier", "Il y a trois jours", "3 mars"]
    for c in relative:
        assert c.value is None and c.attrs["reason"] == PUB_UNKNOWN and c.attrs["anchor"] is None
    assert [c.value for c in found if not c.attrs["relative"]] == ["2020-03", "2021-02-10", "2019-12-05"]


def test_german_article_is_detected_and_read() -> None:
    doc = parse_document("b.txt", GERMAN, "text", dt.date(2020, 2, 12))
    assert (doc.lang, doc.lang_source) == ("de", "detected")
    assert table(list(extract(doc))) == [
        ("gestern", "2020-02-11", "day", True),
        ("Montag", "2020-02-10", "day", True),
        ("März 2020", "2020-03", "month", False),
        ("26. September 2021", "2021-09-26", "day", False),
        ("Vor drei Tagen", "2020-02-09", "day", True),
        ("Januar", "2020-01", "month", True),
    ]


def test_spanish_html_with_lang_attribute_and_a_meta_date_in_spanish() -> None:
    doc = parse_document("c.html", SPANISH_HTML, "html")
    assert (doc.lang, doc.lang_source) == ("es", "html")
    assert (doc.pub_date, doc.date_source) == (dt.date(2019, 11, 14), "meta")
    assert table(list(extract(doc))) == [
        ("ayer", "2019-11-13", "day", True),
        ("pasado lunes", "2019-11-11", "day", True),
        ("marzo de 2020", "2020-03", "month", False),
        ("10 de noviembre de 2019", "2019-11-10", "day", False),
    ]


@pytest.mark.parametrize(("lang", "sentence", "span", "value"), [
    ("fr", "Lundi dernier, les syndicats avaient manifesté.", "Lundi dernier", "2020-02-03"),
    ("fr", "Le texte sera examiné lundi prochain par les députés.", "lundi prochain", "2020-02-17"),
    ("fr", "Le texte a été examiné lundi par les députés.", "lundi", "2020-02-10"),
    ("de", "Der Minister hat letzten Montag abgestimmt.", "letzten Montag", "2020-02-03"),
    ("de", "Der Bundestag stimmt nächsten Montag ab.", "nächsten Montag", "2020-02-17"),
    ("es", "La votación será el próximo lunes en la capital.", "próximo lunes", "2020-02-17"),
    ("it", "Il governo ha approvato lunedì scorso la riforma.", "lunedì scorso", "2020-02-03"),
])
def test_last_and_next_weekday_from_dateparsers_own_words(lang: str, sentence: str, span: str, value: str) -> None:
    """dateparser drops "dernier"/"letzten"/"próximo" beside a weekday; published on a Monday, "lundi
    dernier" is a week earlier and "lundi prochain" a week later, not the same day."""
    doc = parse_document("w.md", f"---\nlang: {lang}\ndate: 2020-02-10\n---\n{sentence}\n", "markdown")
    found = list(extract(doc))
    assert [(c.text, c.value) for c in found] == [(span, value)]
    assert found[0].attrs["weekday"] == "Monday" and found[0].attrs["relative"] is True
    assert doc.text[found[0].start:found[0].end] == span


def test_search_hits_that_are_not_dates_are_dropped() -> None:
    # search_dates reads "Die" as Dienstag, "15 heures" as fifteen hours ago and "2019, 15" as 15 February 2019.
    text = "Die Regierung und die Opposition stritten sich 15 Stunden lang.\n"
    doc = parse_document("d.txt", "---\nlang: de\n---\n" + text, "markdown", dt.date(2020, 2, 12))
    assert list(extract(doc)) == []
    fr = parse_document("e.md", "---\nlang: fr\n---\nEn 2019, 15 heures de débat et le 1er mai.\n", "markdown",
                        dt.date(2020, 2, 12))
    assert table(list(extract(fr))) == [("2019", "2019", "year", False), ("1er mai", "2020-05-01", "day", True)]


def test_english_documents_keep_the_english_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(doc: Document) -> list[Claim]:
        raise AssertionError("dateparser used for an English document")

    monkeypatch.setattr(dates_intl, "extract", boom)
    doc = parse_document("e.txt", "The council met on Monday and will vote in March 2020.", "text",
                         dt.date(2020, 2, 12))
    assert doc.lang == "en"
    assert [c.text for c in extract(doc)] == ["Monday", "March 2020"]


def test_pieces_are_bounded_lines_and_cover_the_text() -> None:
    text = "Le 3 mars. " * 100 + "\n\n" + "x" * 700 + "\nfin"
    pieces = list(dates_intl._chunks(text))
    assert all(0 < e - s <= dates_intl.CHUNK_CHARS and "\n" not in text[s:e] for s, e in pieces)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(pieces))
    assert "".join(text[s:e] for s, e in pieces) == text.replace("\n", "")
    # a long line is cut after a sentence end when there is one
    assert text[pieces[0][0]:pieces[0][1]].endswith(". ")


def test_the_number_of_pieces_searched_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(dates_intl, "MAX_CHUNKS", 5)
    monkeypatch.setattr(dates_intl._Reader, "search", lambda self, piece: calls.append(piece) or [])
    text = "---\nlang: fr\n---\n" + "Le 3 mars et le 4 avril.\n" * 50 + "Rien ici.\n" * 50
    list(extract(parse_document("f.md", text, "markdown", dt.date(2020, 2, 12))))
    assert len(calls) == 5


# --------------------------------------------------------------------------- properties

FRAGMENTS = ["le", "Le", "3", "10", "mars", "février", "2020", "2019", "hier", "demain", "lundi", "Lundi",
             "dernier", "il", "y", "a", "trois", "jours", "en", "à", "15", "heures", ",", ".", "\n", "-", "/",
             "10/02/2020", "semaine", "mois", "an", "1er", "mai", "Die", "am", "26.", "September", "gestern",
             "vor", "Tagen", "ayer", "de", "noviembre", "hace", "dos", "semanas", "Mon,", "30", "Dec", "GMT"]
PUBS = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)))
LANGS = st.sampled_from(["fr", "de", "es"])


def _doc(lang: str, body: str, pub: dt.date | None) -> Document:
    return parse_document("p.md", f"---\nlang: {lang}\n---\n{body}", "markdown", pub)


@settings(max_examples=40)
@given(LANGS, st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join), PUBS)
def test_fragments_exact_sorted_and_deterministic(lang: str, body: str, pub: dt.date | None) -> None:
    doc = _doc(lang, body, pub)
    first = list(extract(doc))
    for c in first:
        assert doc.text[c.start:c.end] == c.text and c.text.strip() == c.text
        assert c.sentence == sentence_bounds(doc.text, c.start, c.end)
        assert set(c.attrs) == ATTR_KEYS
        json.dumps(dict(c.attrs))
        assert (c.value is None) == (c.attrs["reason"] is not None)
        assert c.value is None or pub is not None or not c.attrs["relative"]
    spans = [(c.start, c.end) for c in first]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    again = list(extract(_doc(lang, body, pub)))
    assert [(c.start, c.end, c.value, dict(c.attrs)) for c in again] == \
        [(c.start, c.end, c.value, dict(c.attrs)) for c in first]


@settings(max_examples=40)
@given(LANGS, st.text(max_size=300), PUBS)
def test_never_raises_on_arbitrary_text(lang: str, body: str, pub: dt.date | None) -> None:
    doc = _doc(lang, body, pub)
    for c in extract(doc):
        assert doc.text[c.start:c.end] == c.text


@settings(max_examples=25)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), PUBS)
def test_written_french_dates_round_trip(d: dt.date, pub: dt.date | None) -> None:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    written = f"{d.day} {months[d.month - 1]} {d.year}"
    found = list(extract(_doc("fr", f"L'accord a été signé le {written} à Genève, selon les diplomates.", pub)))
    assert table(found) == [(written, d.isoformat(), "day", False)]
