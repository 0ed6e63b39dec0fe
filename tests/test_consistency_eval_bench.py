"""bench/consistency_eval.py plants quote errors into the quotes of the raw text, and the
``quote`` plants change what the quote says.

A benchmark that drew its quote targets from the extractor's quote claims could never
plant into a quote the extractor misses, and one whose "meaning" edits were wording
would measure the rule against the wrong severity: both are checked here, on tiny
corpora, without the shared ECB+ corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import ModuleType

import pytest
from conftest import bench_module

BENCH = Path(__file__).resolve().parent.parent / "bench" / "consistency_eval.py"
REMARK = "We did not know about the second fire until 9 this morning, and we were probably lucky,"


@pytest.fixture(scope="module")
def ce() -> ModuleType:
    return bench_module("consistency_eval")


def test_raw_quotes_finds_straight_and_curly_spans_without_their_marks(ce: ModuleType) -> None:
    text = 'He said "the roof fell in at once ," and then “we ran for the doors”. A "" b'
    spans = ce.raw_quotes(text)
    assert [s.text for s in spans] == ["the roof fell in at once ,", "we ran for the doors"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def _corpus(root: Path) -> list[Path]:
    story, other = root / "7", root / "8"
    story.mkdir(parents=True)
    other.mkdir()
    files = {
        # No speaker and no verb of saying: a quote the extractor need not find is still a target.
        story / "7_1ecb.txt": f'Fire in town\n\nA witness: "{REMARK}" Another: "only here once, briefly."\n',
        story / "7_2ecb.txt": f'Town fire\n\nThe chief said “{REMARK.replace(",", "")}” on Monday.\n',
        # The other event of the topic, and another topic: neither is the story's reference.
        story / "7_3ecbplus.txt": 'Fire\n\n"We never saw the first fire at all that night, certainly,"\n',
        other / "8_1ecb.txt": 'Fire\n\n"We never saw the first fire at all that night, certainly,"\n',
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return sorted(files)


def test_quote_targets_are_quotes_another_article_of_the_story_gives_verbatim(
        ce: ModuleType, tmp_path: Path) -> None:
    planter = ce.Planter(_corpus(tmp_path), 1)
    targets = planter.quote_targets()
    assert [(p.name, s.text) for p, s in targets] == [("7_1ecb.txt", REMARK), ("7_2ecb.txt", REMARK.replace(",", ""))]


def _negations(text: str) -> int:
    return len(re.findall(r"\b(?:not|never)\b|n't\b", text))


def test_meaning_edits_change_what_the_quote_says_and_depend_only_on_the_seed(ce: ModuleType) -> None:
    vocabulary = ["bicycle", "harbour", "knowledge", "knowing", "umbrella"]
    shapes = set()
    replaced_know = False
    for seed in range(200):
        edit = ce._alter_meaning(REMARK, random.Random(seed), vocabulary)
        assert edit == ce._alter_meaning(REMARK, random.Random(seed), vocabulary)
        after, shape = edit
        shapes.add(shape)
        if shape == "negation dropped":
            assert _negations(after) == _negations(REMARK) - 1
        elif shape == "negation added":
            assert _negations(after) == _negations(REMARK) + 1
        elif shape == "number changed":
            assert "until 9 " not in after and re.search(r"until \d+ this", after)
        elif shape == "hedge dropped":
            assert "probably" not in after
        else:
            assert shape == "word replaced"
            new = set(re.findall(r"\w+", after)) - set(re.findall(r"\w+", REMARK))
            gone = set(re.findall(r"\w+", REMARK)) - set(re.findall(r"\w+", after))
            assert len(new) == len(gone) == 1 and new <= set(vocabulary)
            assert not (gone == {"know"} and new & {"knowledge", "knowing"})  # forms of the word are no change
            replaced_know |= gone == {"know"}
    assert replaced_know
    assert shapes == {"negation dropped", "negation added", "number changed", "hedge dropped", "word replaced"}


def test_a_quote_with_nothing_to_change_gets_no_meaning_plant(ce: ModuleType) -> None:
    assert ce._alter_meaning("Oh, it is, is it?", random.Random(1), ["harbour"]) is not None  # "is" takes a "not"
    assert ce._alter_meaning("Oh, me? Why, I!", random.Random(1), ["harbour"]) is None


def test_a_quote_plant_edits_the_file_at_the_raw_span(ce: ModuleType, tmp_path: Path) -> None:
    files = _corpus(tmp_path)
    planter = ce.Planter(files, 3)
    path, span = planter.quote_targets()[0]
    source = path.read_text(encoding="utf-8")
    plant = planter.plant("quote", path, span)
    assert plant is not None and plant.shape and plant.before == REMARK
    edited = path.read_text(encoding="utf-8")
    assert edited == source.replace(REMARK, plant.after) and edited[plant.start:plant.end] == plant.after
    wording = planter.plant("quote-wording", *planter.quote_targets()[1])
    assert wording is not None and wording.shape in ("drop", "replace", "insert")


def test_a_changed_age_stays_a_plausible_age(ce: ModuleType) -> None:
    # Every seed: an age of 61 is never made 122 or 183, whatever factor is drawn; other figures may triple.
    for seed in range(60):
        out = ce._change_number("61", random.Random(seed), ce.MAX_PLANTED_AGE)
        assert out is not None and 1 <= int(out) <= ce.MAX_PLANTED_AGE and out != "61"
    assert {ce._change_number("61", random.Random(seed)) for seed in range(60)} >= {"122", "183"}
    # No factor keeps it an age: no plant rather than an implausible one.
    assert ce._change_number("1000", random.Random(1), 99) is None


def test_an_age_target_is_planted_as_an_age(ce: ModuleType, tmp_path: Path) -> None:
    story = tmp_path / "18"
    story.mkdir()
    sentence = "Police said they had located Anthony LaCalamita, 61, on Interstate 75 north of the office."
    files = [story / "18_1ecbplus.txt", story / "18_2ecbplus.txt"]
    for path in files:
        path.write_text(f"Shooting\n\n{sentence}\n", encoding="utf-8")
    planter = ce.Planter(files, 1)
    ages = [(p, c) for p, c in planter.figure_targets() if ce._is_age(c)]
    assert ages, "the apposition age is a figure target"
    for seed in range(20):
        planter.seed = seed
        plant = planter.plant("figure", *ages[0])
        assert plant is not None and int(plant.after) <= ce.MAX_PLANTED_AGE
        ages[0][0].write_text(f"Shooting\n\n{sentence}\n", encoding="utf-8")


def test_split_keeps_the_topics_of_the_ecb_split(ce: ModuleType) -> None:
    assert ce.in_split(Path("c/35/35_1ecb.txt"), "dev") and not ce.in_split(Path("c/35/35_1ecb.txt"), "test")
    assert ce.in_split(Path("c/36/36_1ecb.txt"), "test") and not ce.in_split(Path("c/36/36_1ecb.txt"), "dev")
    assert not ce.in_split(Path("c/misc/a.txt"), "dev") and ce.in_split(Path("c/misc/a.txt"), "all")
