"""The story stage: which documents report the same real-world event."""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stories_corpus import ALL, CHILE, IRAN, TRIAL

from factcheck.config import Config, load_config
from factcheck.documents import format_of, parse_document
from factcheck.engine import scan
from factcheck.stories import DocFeatures, Stories, build_stories, cluster_stories
from factcheck.stories.cluster import Cohesion, average_linkage


def _docs(files: Mapping[str, str]) -> list:
    return [parse_document(name, text, format_of(Path(name))) for name, text in files.items()]


def _partition(stories: Stories, files: Mapping[str, str] | None = None) -> set[frozenset[str]]:
    """Stories as sets of document texts (or paths), so renamed corpora compare equal."""
    return {frozenset(files[p] if files else p for p in s.documents) for s in stories}


FACTCHECK = Path(sys.executable).parent / "factcheck"


def _cli(*args: str, cwd: Path, seed: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it (optionally under another PYTHONHASHSEED)."""
    env = dict(os.environ)
    if seed is not None:
        env["PYTHONHASHSEED"] = seed
    return subprocess.run([str(FACTCHECK), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=300, check=check)


def _write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_two_earthquakes_are_two_stories_and_three_outlets_one() -> None:
    stories = build_stories(_docs(ALL))
    assert _partition(stories) == {frozenset(IRAN), frozenset(CHILE), frozenset(TRIAL)}
    iran = stories.story_of("quake_ap.txt")
    # id: first publication date, then the defining name
    assert iran is not None and iran.id == "2014-03-05-ali-rezaei" and iran.names[0] == "Ali Rezaei"
    assert {"Kandaleh", "Ali Rezaei", "Sarband"} <= set(iran.names)
    assert iran.dates[0] == "2014-03-04"
    assert stories.same_story("quake_ap.txt", "quake_bbc.txt")
    assert not stories.same_story("quake_ap.txt", "chile_one.txt")
    assert stories.story_of("nowhere.txt") is None


def test_why_names_what_a_document_shares() -> None:
    story = build_stories(_docs(ALL)).story_of("chile_two.txt")
    assert story is not None
    why = story.why["chile_two.txt"]
    assert why.score > 0.16
    assert [v for v, _n in why.shared_names][:3] and {"Valparaiso", "Rodrigo Hinzpeter"} <= \
        {v for v, _n in why.shared_names}
    assert ("2011-06-12", 1) in why.shared_dates
    assert "shares" in why.describe(1)


@pytest.mark.parametrize("names", [["quake_ap.txt", "quake_bbc.txt"], list(IRAN)])
def test_a_small_corpus_about_one_event_is_one_story(names: list[str]) -> None:
    """Every article shares the event's names: they must still count (a plain IDF weighs them 0)."""
    stories = build_stories(_docs({n: IRAN[n] for n in names}))
    assert _partition(stories) == {frozenset(names)}


def test_one_document_alone_is_its_own_story() -> None:
    stories = build_stories(_docs({"quake_ap.txt": IRAN["quake_ap.txt"]}))
    (story,) = stories
    assert story.documents == ("quake_ap.txt",)
    assert story.why["quake_ap.txt"].describe(0).startswith("no other document")


def test_renamed_and_flattened_corpus_gets_the_same_stories(tmp_path: Path) -> None:
    nested, flat = tmp_path / "nested", tmp_path / "flat"
    _write(nested, {f"{'quakes' if n in IRAN or n in CHILE else 'courts'}/{n}": t for n, t in ALL.items()})
    names = list(ALL)
    random.Random(7).shuffle(names)
    renamed = {f"{k:02d}{Path(n).suffix}": ALL[n] for k, n in enumerate(names)}
    _write(flat, renamed)
    by_text = {}
    for root in (nested, flat):
        out = _cli("stories", str(root.relative_to(tmp_path)), "--format", "json", cwd=tmp_path)
        data = json.loads(out.stdout)
        texts = {str(p.relative_to(tmp_path)): p.read_text(encoding="utf-8") for p in root.rglob("*.*")}
        by_text[root.name] = {(s["id"], frozenset(texts[d] for d in s["documents"])) for s in data["stories"]}
    assert by_text["nested"] == by_text["flat"]
    assert len(by_text["flat"]) == 3


def test_input_order_does_not_matter() -> None:
    docs = _docs(ALL)
    first = build_stories(docs)
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        again = build_stories(shuffled)
        assert [(s.id, s.documents, s.names, s.dates) for s in again] == \
            [(s.id, s.documents, s.names, s.dates) for s in first]


def test_hash_seed_does_not_matter(tmp_path: Path) -> None:
    _write(tmp_path, ALL)
    outs = []
    for seed in ("1", "12345"):
        run = _cli("stories", ".", "--format", "json", cwd=tmp_path, seed=seed)
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert len(json.loads(outs[0])["stories"]) == 3


def test_front_matter_pins_documents_together_and_apart() -> None:
    files = dict(ALL)
    # pin one Chile report to the trial's story, and split the trial's reports
    files["chile_one.md"] = "---\nstory: odd-one\n---\n" + files.pop("chile_one.txt")
    files["trial_two.md"] = files["trial_two.md"].replace("date: 2016-09-20", "date: 2016-09-20\nstory: odd-one")
    files["trial_one.md"] = files["trial_one.md"].replace("date: 2016-09-20", "date: 2016-09-20\nstory: 'verdict'")
    stories = build_stories(_docs(files))
    odd = stories["odd-one"]
    assert {"chile_one.md", "trial_two.md"} <= set(odd.documents)
    assert odd.why["chile_one.md"].pin == "odd-one" and odd.why["chile_one.md"].pin_source == "front matter"
    assert "pinned to 'odd-one' by front matter" in odd.why["trial_two.md"].describe(1)
    # pinned apart: the other report of the trial cannot join, whatever it shares
    assert stories["verdict"].documents == ("trial_one.md",)
    assert _partition(stories) >= {frozenset(IRAN)}


def test_config_pins_win_over_front_matter(tmp_path: Path) -> None:
    _write(tmp_path, {**IRAN, "chile_one.md": "---\nstory: chile\n---\n" + CHILE["chile_one.txt"]})
    (tmp_path / "factcheck.toml").write_text('[stories]\n"quake_b*.txt" = "golestan"\n"chile_*" = "quakes"\n',
                                             encoding="utf-8")
    config = load_config(tmp_path / "factcheck.toml")
    assert config.stories == (("quake_b*.txt", "golestan"), ("chile_*", "quakes"))
    assert config.story_pin("x/chile_one.md") == "quakes" and config.story_pin("quake_ap.txt") is None
    out = _cli("stories", ".", "--format", "json", cwd=tmp_path)
    got = {s["id"]: s for s in json.loads(out.stdout)["stories"]}
    assert set(got) == {"golestan", "quakes"}
    # unpinned reports of the same event join the pinned story; its id is the pin
    assert got["golestan"]["documents"] == ["quake_ap.txt", "quake_bbc.txt", "quake_reuters.txt"]
    assert got["golestan"]["why"]["quake_bbc.txt"]["pin_source"] == "config"
    assert got["golestan"]["why"]["quake_ap.txt"]["pin"] is None
    assert got["quakes"]["documents"] == ["chile_one.md"]
    assert got["quakes"]["why"]["chile_one.md"]["pin_source"] == "config"


@pytest.mark.parametrize("table, message", [
    ('stories = "x"', "key 'stories': must be a table of glob = story label"),
    ('[stories]\n"a*" = 3', "key 'stories.a*': must be a non-empty story label"),
])
def test_config_pin_errors_are_one_line(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "factcheck.toml").write_text(table + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text.\n", encoding="utf-8")
    run = _cli("stories", "a.txt", cwd=tmp_path, check=False)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("factcheck: error: ")
    assert message in run.stderr


def test_cli_table_and_json(tmp_path: Path) -> None:
    _write(tmp_path, ALL)
    table = _cli("stories", ".", cwd=tmp_path).stdout
    assert "2014-03-05-ali-rezaei  (3 documents)" in table
    assert "  names: Ali Rezaei, " in table
    assert "\n  quake_bbc.txt  similarity " in table
    data = json.loads(_cli("stories", ".", "--format", "json", cwd=tmp_path).stdout)
    assert data["version"] == 1
    for s in data["stories"]:
        assert {"id", "documents", "names", "dates", "why"} <= set(s)
        assert set(s["why"]) == set(s["documents"])
    bad = _cli("stories", ".", "--format", "csv", cwd=tmp_path, check=False)
    assert bad.returncode == 2 and bad.stderr == "factcheck: error: --format must be table or json, not 'csv'\n"


def test_scan_gives_corpus_rules_the_stories_of_every_document(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories are built once in the reduce phase, over config.corpus extras too."""
    import factcheck.engine as engine

    _write(tmp_path / "new", IRAN)
    _write(tmp_path / "old", CHILE)
    seen = []
    real = engine.run_corpus_rules

    def spy(rules, docs, claims, stories=None, *cached):  # type: ignore[no-untyped-def]
        seen.append(stories)
        return real(rules, docs, claims, stories, *cached)

    monkeypatch.setattr(engine, "run_corpus_rules", spy)
    monkeypatch.chdir(tmp_path)
    scan(["new"], Config(corpus=(tmp_path / "old",), jobs=1))
    (stories,) = seen
    assert stories is not None
    assert _partition(stories) == {frozenset(f"new/{n}" for n in IRAN), frozenset(f"old/{n}" for n in CHILE)}


def test_corpus_view_builds_stories_on_first_use() -> None:
    from factcheck.rules.model import CorpusView

    docs = _docs(ALL)
    view = CorpusView(docs, {d.path: [] for d in docs})
    assert _partition(view.stories) == {frozenset(IRAN), frozenset(CHILE), frozenset(TRIAL)}
    assert view.stories is view.stories


# --------------------------------------------------------------------------- properties

_VOCAB = [f"{fam}:{w}" for fam in "ndwf" for w in ("alpha", "beta", "gamma", "delta", "eps", "zeta")]

_feature_sets = st.lists(
    st.tuples(st.dictionaries(st.sampled_from(_VOCAB), st.integers(1, 4), max_size=8),
              st.one_of(st.none(), st.integers(0, 400)),
              st.one_of(st.none(), st.sampled_from(["p", "q"]))),
    min_size=0, max_size=14)


def _features(spec: list[tuple[dict[str, int], int | None, str | None]]) -> list[DocFeatures]:
    base = _dt.date(2020, 1, 1)
    return [DocFeatures(path=f"d{k}.txt", content=f"{k:04d}", counts=tuple(sorted(c.items())),
                        pub_date=base + _dt.timedelta(days=day) if day is not None else None, names=(), pin=pin)
            for k, (c, day, pin) in enumerate(spec)]


@given(_feature_sets, st.randoms())
def test_stories_partition_the_input_whatever_its_order(spec, rnd) -> None:  # type: ignore[no-untyped-def]
    feats = _features(spec)
    stories = cluster_stories(feats)
    paths = [p for s in stories for p in s.documents]
    assert sorted(paths) == sorted(f.path for f in feats)  # every document once
    assert len({s.id for s in stories}) == len(stories)
    for s in stories:  # documents pinned differently are never together; the same pin is one story
        assert len({f.pin for f in feats if f.path in s.documents} - {None}) <= 1
    for pin in ("p", "q"):
        assert len({s.id for s in stories for f in feats if f.pin == pin and f.path in s.documents}) <= 1
    shuffled = feats[:]
    rnd.shuffle(shuffled)
    assert [(s.id, s.documents) for s in cluster_stories(shuffled)] == [(s.id, s.documents) for s in stories]


@given(st.integers(1, 12), st.dictionaries(st.tuples(st.integers(0, 11), st.integers(0, 11)),
                                           st.floats(0, 1), max_size=40),
       st.sampled_from([None, Cohesion(0.7, 2), Cohesion(0.9, 3)]))
def test_average_linkage_is_a_partition(n, raw, cohesion) -> None:  # type: ignore[no-untyped-def]
    scores = {(min(i, j), max(i, j)): s for (i, j), s in raw.items() if i != j and i < n and j < n}
    groups = average_linkage(n, scores, 0.3, cohesion=cohesion)
    assert sorted(x for g in groups for x in g) == list(range(n))
    for g in groups:  # every merged group is supported on average
        if len(g) > 1:
            total = sum(scores.get((a, b), 0.0) for a in g for b in g if a < b)
            assert total / (len(g) * (len(g) - 1) / 2) > 0


def _two_groups(size: int, within: float, cross: float) -> dict[tuple[int, int], float]:
    """Pair scores of two groups of ``size`` items: ``within`` inside each, ``cross`` between them."""
    return {(i, j): within if (i < size) == (j < size) else cross
            for i in range(2 * size) for j in range(i + 1, 2 * size)}


def test_cohesion_keeps_two_tight_groups_apart_that_the_threshold_alone_merges() -> None:
    # Two events of one kind: each tight inside, and similar enough across to pass the threshold.
    scores = _two_groups(6, within=0.5, cross=0.2)
    assert average_linkage(12, scores, 0.1) == [list(range(12))]
    assert average_linkage(12, scores, 0.1, cohesion=Cohesion(0.7, 6)) == [list(range(6)), list(range(6, 12))]


def test_cohesion_still_merges_two_halves_of_one_event() -> None:
    # One event's coverage in two halves: about as similar across as within.
    scores = _two_groups(6, within=0.3, cross=0.25)
    assert average_linkage(12, scores, 0.1, cohesion=Cohesion(0.7, 6)) == [list(range(12))]


def test_cohesion_leaves_groups_below_its_minimum_size_to_the_threshold() -> None:
    # Five documents each: their within average is not trusted, the threshold alone decides.
    scores = _two_groups(5, within=0.5, cross=0.2)
    assert average_linkage(10, scores, 0.1, cohesion=Cohesion(0.7, 6)) == [list(range(10))]
    assert average_linkage(10, scores, 0.1, cohesion=Cohesion(0.7, 5)) == [list(range(5)), list(range(5, 10))]


def test_word_features_count_every_spelling_of_a_word_once_per_use() -> None:
    # Words are counted per token and read once per distinct token: case, a possessive and
    # repeats all land on one feature with the full count; function and short words none.
    from factcheck.stories import document_features

    doc = parse_document("a.txt", "Quake. The quake's toll: quake after QUAKE, and the toll rose.\n")
    counts = document_features(doc, []).features()
    assert counts["w:quake"] == 4
    assert counts["w:toll"] == 2
    assert counts["w:rose"] == 1
    assert not {"w:the", "w:and", "w:after"} & counts.keys()
    assert list(document_features(doc, []).counts) == sorted(document_features(doc, []).counts)


def test_readme_pin_example_loads(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Stories\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.story_pin("coverage/haiti/day-one.md") == "haiti-earthquake-2010"
    assert config.story_pin("wire-2013-05-02.txt") == "tsunami-warning"
    assert config.story_pin("elsewhere.txt") is None


def test_why_counts_the_members_sharing_each_feature(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each reason's count is the number of other members with the feature: counted once per story
    (``holders``), it must equal a count over the other members' features, member by member."""
    assemble = sys.modules["factcheck.stories.assemble"]  # the package's ``assemble`` is the function
    real = assemble._why
    checked: list[str] = []

    def checking(i: int, members: list[int], docs: list[DocFeatures], holders: Mapping[str, int],
                 vecs: list, scores: dict, shown: Mapping[str, str], reasons: dict) -> object:
        for f, _w in vecs[i].items:
            assert holders[f] - 1 == sum(1 for j in members if j != i and f in docs[j].features()), f
        checked.append(docs[i].path)
        return real(i, members, docs, holders, vecs, scores, shown, reasons)

    monkeypatch.setattr(assemble, "_why", checking)
    stories = build_stories(_docs({**ALL, "copy.txt": IRAN["quake_ap.txt"]}))
    assert sorted(checked) == sorted(p for s in stories for p in s.documents)
    [quake] = [s for s in stories if "copy.txt" in s.documents]
    shared = dict(quake.why["copy.txt"].shared_names)
    assert shared and max(shared.values()) == len(quake.documents) - 1  # every other report names it
