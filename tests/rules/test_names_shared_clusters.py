"""names/variant and names/style share one build of the corpus's name clusters per view (issue 30)."""

from __future__ import annotations

import gc
from pathlib import PurePosixPath

import pytest

from factcheck.documents import format_of, parse_document
from factcheck.engine import analyse_document, run_corpus_rules
from factcheck.report.json_format import finding_to_json
from factcheck.rules.kinds import names
from factcheck.rules.loader import load_rules
from factcheck.rules.model import CorpusView, Rule

FILES = {
    "a.txt": "Leader Kim Jong Un spoke. Kim Jong Un left. Kim Jong-un waved.",
    "b.txt": "Leader Kim Jong Un arrived. Later, leader Kim Long Un spoke.",
    "c.txt": "Kim Jong Un met officials in Pyongyang.",
}


def _view() -> tuple[list[Rule], CorpusView]:
    rules = [r for r in load_rules([], include_builtin=True) if r.id in ("names/variant", "names/style")]
    docs = [parse_document(p, t, format_of(PurePosixPath(p))) for p, t in FILES.items()]
    claims = {d.path: analyse_document(d, rules)[0] for d in docs}
    return rules, CorpusView(docs, claims)


def test_the_two_names_rules_build_the_clusters_once_and_find_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rules, view = _view()
    alone = [[finding_to_json(f) for f in r.impl.check_corpus(_view()[1])] for r in rules]  # type: ignore[union-attr]
    built: list[tuple[str, ...]] = []
    real = names.NameVariantsKind._build_clusters

    def counting(corpus: CorpusView, types: tuple[str, ...]) -> dict[str, names._Cluster]:
        built.append(types)
        return real(corpus, types)

    monkeypatch.setattr(names.NameVariantsKind, "_build_clusters", staticmethod(counting))
    together = [[finding_to_json(f) for f in r.impl.check_corpus(view)] for r in rules]  # type: ignore[union-attr]
    assert len(built) == 1
    assert together == alone and all(together)
    assert sorted(finding_to_json(f)["rule"] for f in run_corpus_rules(rules, view.documents, dict(view.claims))) \
        == sorted(f["rule"] for fs in alone for f in fs)
    assert len(built) == 2  # a new view: built again


def test_the_shared_clusters_are_dropped_with_their_view() -> None:
    rules, view = _view()
    list(rules[0].impl.check_corpus(view))  # type: ignore[union-attr]
    assert names._LAST_CLUSTERS is not None
    del view
    gc.collect()
    assert names._LAST_CLUSTERS is None


def test_other_name_types_get_their_own_clusters() -> None:
    _rules, view = _view()
    people = names._shared_clusters(view, ("person",))
    every = names._shared_clusters(view, names.NAME_TYPES)
    assert names._shared_clusters(view, names.NAME_TYPES) is every
    assert people is not every
