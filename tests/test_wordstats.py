"""The words the whole-corpus rules read, taken per document in the map phase (factcheck.wordstats).

A rule must find the same with the map phase's statistics as with its own
reading of the texts, and a re-scan after one change must not read every
text back for them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.documents import load_document
from factcheck.engine import analyse_document, loaded_rules, needed_kinds, scan
from factcheck.report import FORMATTERS, RenderContext
from factcheck.rules.model import CorpusView
from factcheck.stored import TEXTS
from factcheck.wordstats import VariantUse, WordStats, word_stats
from tests.conftest import SEEDS

WHOLE_CORPUS = ("names/variant", "names/style", "spelling/variants")


def test_word_stats_of_a_text() -> None:
    text = "The organisation met. Organisation staff and the ORGANISATION board; an organization replied."
    stats = word_stats(text)
    assert stats.lower == ("an", "and", "board", "met", "organisation", "organization", "replied", "staff", "the")
    # All capitals is a heading's shouting, not a spelling: neither counted nor a first use.
    assert stats.variants == (VariantUse("organisation", 4, 16, 2), VariantUse("organization", 72, 84, 1))
    assert word_stats("No variant words here at all.").variants == ()


def test_the_rules_find_the_same_with_the_map_phases_words_as_from_the_texts() -> None:
    rules = [r for r in loaded_rules(Config()) if r.id in WHOLE_CORPUS]
    assert len(rules) == len(WHOLE_CORPUS) and all(r.impl is not None and r.impl.READS_WORDS for r in rules)
    docs = [load_document(p)[0] for p in sorted(SEEDS.iterdir())]
    claims = {d.path: analyse_document(d, rules, needed_kinds(rules))[0] for d in docs}
    # Statistics that differ from the texts show which path a rule took: a word every document
    # "writes in lower case" silences the names rule's lone-word slips.
    taken = {d.path: word_stats(d.text, claims[d.path]) for d in docs}
    for rule in rules:
        assert rule.impl is not None
        from_texts = list(rule.impl.check_corpus(CorpusView(docs, claims)))
        given = list(rule.impl.check_corpus(CorpusView(docs, claims, None, taken)))
        assert given == from_texts, rule.id
    assert any(r.id == "spelling/variants" for r in rules)
    spelling = next(r for r in rules if r.id == "spelling/variants")
    assert spelling.impl is not None
    none = {d.path: WordStats((), ()) for d in docs}
    assert list(spelling.impl.check_corpus(CorpusView(docs, claims, None, none))) == []


def as_json(report: object) -> str:
    return FORMATTERS["json"](report, RenderContext(version="test"))  # type: ignore[arg-type]


PEOPLE = ("Marcus Whitfield", "Eleanor Brandt", "Tobias Renner", "Ingrid Solberg", "Rafael Quintero",
          "Yusuf Demirel", "Colette Marchand", "Anders Lindqvist")
PLACES = ("Denver", "Coquimbo", "Tampere", "Bergen", "Valparaiso", "Izmir", "Grenoble", "Uppsala")


def test_a_rescan_after_one_change_reads_back_few_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    corpus = tmp_path / "events"
    corpus.mkdir()
    for k, (person, place) in enumerate(zip(PEOPLE, PLACES, strict=True)):
        for i in range(3):
            (corpus / f"{k}-{i}.txt").write_text(
                f"{person} opened the new {place} harbour on May {k + 3}, 2014, before {40 + i} guests.\n"
                f"The organisation behind the {place} project said {person} had backed it for years.\n",
                encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cached = Config(cache_dir=Path(".factcheck_cache"), jobs=1)
    scan(["events"], cached)
    first = Path("events/0-0.txt")
    first.write_text(first.read_text(encoding="utf-8") + "The organization said 16 ships would call.\n",
                     encoding="utf-8")
    TEXTS.clear()
    before = TEXTS.reads
    changed = scan(["events"], cached)
    read = TEXTS.reads - before
    # The changed document's story and the documents with whole-corpus findings are read back; before
    # the words were taken in the map phase, the names and spelling rules read all 24 texts.
    assert changed.stories is not None and len(changed.stories) == len(PEOPLE)
    flagged = {f.path for f in changed.findings if f.rule in WHOLE_CORPUS}
    assert flagged == {"events/0-0.txt"}  # its "organization" against 23 documents' "organisation"
    assert read <= 3, read
    assert as_json(changed) == as_json(scan(["events"], Config(jobs=1)))
