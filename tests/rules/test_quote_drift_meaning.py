"""quotes/drift: what is not drift (presentation), and what a change does to a quote's meaning.

Measured on ECB+, most false drift warnings were editorial insertions ("(Tara
Reid)", "[its direction]"), excerpts and formatting, or quotes of another speaker
that share a fragment; and a changed "the" weighed as much as a dropped "not".
These tests pin the split: presentation is no finding, function words are info,
negations, hedges, numbers and content words are warnings named in the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_document
from factcheck.engine import analyse_document, run_corpus_rules
from factcheck.findings import Finding
from factcheck.rules.kinds.quote_diff import align, words
from factcheck.rules.kinds.quote_text import GAP, classify, normalise
from factcheck.rules.loader import load_rules
from factcheck.rules.model import CorpusView

DRIFT = {r.id: r for r in load_rules([], include_builtin=True)}["quotes/drift"]
BASE = "We will not accept these sanctions against our country in any form or at any time"


def run(files: dict[str, str]) -> list[Finding]:
    docs, claims = [], {}
    for name in sorted(files):
        doc = parse_document(name, files[name])
        claims[name], _ = analyse_document(doc, [DRIFT])
        docs.append(doc)
    return sorted(run_corpus_rules([DRIFT], docs, claims), key=lambda f: f.sort_key)


def said(quote: str, speaker: str = "Foreign Minister Sergei Lavrov") -> str:
    return f'"{quote}," said {speaker}.'


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(("a", "b"), [
    ("passed away at 18:41 this evening", "passed away at 6:41pm PST this evening"),
    ("passed away at 18:41 this evening", "passed away at 6:41 p.m. this evening"),
    ("gave himself up just after 18:00", "gave himself up just after 6 p.m."),
    ("in hospital (at 0241 GMT Friday) tonight", "in hospital tonight"),
    ("died at 0241 GMT Friday", "died at 02:41 GMT Friday"),
    ("among 5,000 admirers", "among 5000 admirers"),
    ("a rise of 10% this year", "a rise of 10 percent this year"),
    ("a rise of 10 per cent this year", "a rise of 10 percent this year"),
    ("the talks on Dec. 3 in Geneva", "the talks on December 3 in Geneva"),
    ("her respect (Tara Reid) and privacy", "her respect and privacy"),
    ("altered [its direction] towards", "altered towards"),
])
def test_formatting_and_insertions_normalise_alike(a: str, b: str) -> None:
    assert words(a) == words(b)


def test_an_ellipsis_becomes_one_gap_word_and_none_at_the_ends() -> None:
    assert words("... a generation . . . with her … free spirit...") == ["a", "generation", GAP, "with", "her", GAP,
                                                                        "free", "spirit"]


def test_numbers_in_words_and_digits_are_no_change() -> None:
    d = align(words("among five thousand admirers aged eighty-five"), words("among 5000 admirers aged 85"))
    assert d.changes == ()


def test_an_excerpt_from_an_ellipsis_is_not_drift_but_words_beside_it_are() -> None:
    full = words("She captured the imagination of a generation of men and women with her free spirit")
    assert align(full, words("She captured the imagination of a generation ... with her free spirit")).changes == ()
    d = align(full, words("She captured the imagination of a generation ... with her wild free spirit"))
    assert [c.label for c in d.classified] == ["wording: 'wild' added before 'free'"]


# --------------------------------------------------------------------------- classification


@pytest.mark.parametrize(("change", "kind", "label"), [
    (("delete", "not", "", " before 'accept'"), "negation", "negation dropped: 'not'"),
    (("insert", "", "never", ""), "negation", "negation added: 'never'"),
    (("delete", "I think", "", " before 'we'"), "hedge", "hedge dropped: 'I think'"),
    (("insert", "", "probably", ""), "hedge", "hedge added: 'probably'"),
    (("replace", "12", "10", ""), "number", "number changed: 12 → 10"),
    (("delete", "15", "", " before 'boats'"), "number", "number dropped: '15'"),
    (("replace", "15", "many", ""), "number", "number dropped: '15' ('15' -> 'many')"),
    (("replace", "fail", "delay", ""), "word", "different word: 'fail' -> 'delay'"),
    (("replace", "sulking", "skulking", ""), "word",
     "different word (a likely transcription error): 'sulking' -> 'skulking'"),
    (("replace", "Woodward", "Bernstein", ""), "name", "name changed: 'Woodward' -> 'Bernstein'"),
    (("insert", "", "certainly", ""), "hedge", "certainty added: 'certainly'"),
    (("delete", "UN", "", " before 'Security'"), "wording", "wording: 'UN' dropped before 'Security'"),
    (("delete", "personal", "", " before 'appetites'"), "wording", "wording: 'personal' dropped before 'appetites'"),
    (("replace", "season", "time of year", ""), "wording", "wording: 'season' -> 'time of year'"),
    (("replace", "time", "day", ""), "synonym", "synonym: 'time' -> 'day'"),
    (("replace", "suffered", "sustained", ""), "synonym", "synonym: 'suffered' -> 'sustained'"),
    (("replace", "pracitised", "practised", ""), "typo", "misspelling: 'pracitised' -> 'practised'"),
    (("insert", "", "that", " before 'they'"), "function", "function word: 'that' added before 'they'"),
    (("replace", "this", "the", ""), "function", "function word: 'this' -> 'the'"),
    (("replace", "want", "wanted", ""), "form", "word form: 'want' -> 'wanted'"),
])
def test_a_change_is_classified_by_what_it_does(change: tuple[str, str, str, str], kind: str, label: str) -> None:
    c = classify(*change)
    assert (c.kind, c.label) == (kind, label)
    assert c.meaning == (kind in ("negation", "hedge", "number", "name", "word"))


@pytest.mark.parametrize(("other", "severity", "message"), [
    (BASE.replace("not ", ""), "warning", "negation dropped: 'not'"),
    (BASE.replace("We will", "We might"), "warning", "hedge added: 'might'"),
    (BASE.replace("any form", "any way"), "warning", "different word: 'form' -> 'way'"),
    (BASE.replace("sanctions against", "unjust sanctions against"), "info",
     "wording: 'unjust' added before 'sanctions'"),
    (BASE.replace("against our", "against the"), "info", "function word: 'our' -> 'the'"),
])
def test_meaning_changes_warn_and_wording_or_function_words_are_info(other: str, severity: str, message: str) -> None:
    found = run({"a.txt": said(BASE), "b.txt": said(BASE), "c.txt": said(other)})
    assert [(f.path, f.severity) for f in found] == [("c.txt", severity)]
    assert message in found[0].message


def test_a_number_changed_in_a_quote_is_named() -> None:
    q = "We counted 12 boats in the harbour on the first night of the blockade"
    found = run({"a.txt": said(q), "b.txt": said(q.replace("12", "10"))})
    assert [f.severity for f in found] == ["warning"]
    assert "number changed: 12 → 10" in found[0].message


def test_an_excerpt_starting_after_a_hedge_drops_the_hedge() -> None:
    a = "We will look at the final language when it is published tomorrow, but I think we will see them in court"
    found = run({"a.txt": said(a, "Andrew Wetzler"), "b.txt": said("We will see them in court", "Andrew Wetzler")})
    assert [f.severity for f in found] == ["warning"]
    assert "hedge dropped: 'I think'" in found[0].message


def test_an_excerpt_elsewhere_is_not_drift() -> None:
    a = "We will look at the final language when it is published tomorrow and we will see them in court"
    assert run({"a.txt": said(a, "Andrew Wetzler"), "b.txt": said("we will see them in court", "Andrew Wetzler")}) == []


# --------------------------------------------------------------------------- speakers and stories


def test_two_named_speakers_are_never_compared() -> None:
    found = run({"a.txt": said(BASE, "Mark Feldstein"), "b.txt": said(BASE.replace("not ", ""), "Mark Pinder")})
    assert found == []


def test_a_speaker_inferred_from_context_does_not_make_two_speakers() -> None:
    # The extractor gives the second quote of a.txt to Billy Graham (the last name before it):
    # a guess, so the pair is compared as of unknown speaker -- and they overlap strongly.
    a = ('She was committed to the ministry of the Rev Billy Graham.\n"God approves of nudity," she said.\n'
         '"Adam and Eve in Garden of Eden, they were naked as jaybirds and never ashamed."\n')
    b = ('"God approves of nudity," said Bettie Page.\n'
         '"Adam and Eve in Garden of Eden, they were naked as jaybirds and always ashamed."\n')
    found = run({"a.txt": a, "b.txt": b})
    assert [(f.path, f.severity) for f in found] == [("b.txt", "warning")]
    assert "negation dropped: 'never'" in found[0].message


def test_a_surname_and_a_near_miss_spelling_are_one_speaker() -> None:
    q = "We will look at the final language when it is published tomorrow"
    files = {"a.txt": said(q, "Andrew Wetzler"), "b.txt": said(q.replace("final", "draft"), "Andrew Welzler"),
             "c.txt": said(q.replace("final", "new"), "Wetzler")}
    assert [f.path for f in run(files)] == ["b.txt", "c.txt"]


def test_an_unknown_speaker_is_compared_only_on_a_strong_overlap() -> None:
    # A shared fragment ("No one knew") is not one remark.
    assert run({"a.txt": '"No one knew where to go," a witness said.',
                "b.txt": said("No one knew of his connection to Woodward at the time", "Mark Feldstein")}) == []
    unknown = f'Protesters chanted "{BASE.replace("not ", "")}" outside.'
    found = run({"a.txt": said(BASE), "b.txt": unknown})
    assert [(f.path, f.severity) for f in found] == [("b.txt", "warning")]


@dataclass
class _Stories:
    story: dict[str, int]

    def same_story(self, a: str, b: str) -> bool:
        return self.story[a] == self.story[b]

    def story_of(self, path: str) -> SimpleNamespace:  # the story's id, which findings record as evidence
        return SimpleNamespace(id=str(self.story[path]))


def _StoryView(docs: Any, claims: Any, stories: _Stories | None = None) -> CorpusView:
    """A corpus view whose stories are the stub's (the engine hands real ones in the same way)."""
    return CorpusView(docs, claims, given_stories=stories)  # type: ignore[arg-type]


def test_quotes_are_compared_within_a_story_when_the_corpus_knows_its_stories() -> None:
    files = {"a.txt": said(BASE), "b.txt": said(BASE.replace("not ", ""))}
    docs = [parse_document(n, t) for n, t in sorted(files.items())]
    claims = {d.path: analyse_document(d, [DRIFT])[0] for d in docs}
    assert DRIFT.impl is not None
    assert len(list(DRIFT.impl.check_corpus(_StoryView(docs, claims)))) == 1  # stories built from the texts
    assert len(list(DRIFT.impl.check_corpus(_StoryView(docs, claims, _Stories({"a.txt": 1, "b.txt": 1}))))) == 1
    assert list(DRIFT.impl.check_corpus(_StoryView(docs, claims, _Stories({"a.txt": 1, "b.txt": 2})))) == []


# --------------------------------------------------------------------------- properties

_WORDS = st.sampled_from(["we", "will", "not", "accept", "the", "sanctions", "in", "any", "form", "at", "18:41",
                          "6:41pm", "5,000", "Dec.", "3", "10%", "per", "cent", "I", "think", "can't", "O'Brien"])
_QUOTE = st.lists(_WORDS, min_size=1, max_size=20).map(" ".join)
_TEXT = st.text(alphabet=st.sampled_from("ab .,:()[]%…0123456789pmDec'"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_QUOTE, _TEXT))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


_SENTENCE = st.lists(st.sampled_from(["sanctions", "must", "continue", "vigorously", "and", "without", "fail",
                                      "enforcement", "of", "the", "council", "will", "meet", "again", "today"]),
                     min_size=6, max_size=14)
_INSERT = st.sampled_from(["[x]", "(x)", "...", "…", ". . .", "[its direction]", "(Tara Reid)", "[sic]"])


@settings(max_examples=200, deadline=None)
@given(_SENTENCE, _INSERT, st.integers(min_value=0, max_value=14))
def test_an_insertion_or_ellipsis_is_never_a_warning(ws: list[str], insert: str, at: int) -> None:
    at = min(at, len(ws))
    copy = [*ws[:at], insert, *ws[at:]]
    d = align(words(" ".join(ws)), words(" ".join(copy)))
    assert not d.meaning, d.describe()


# --------------------------------------------------------------------------- severity by meaning (issue 27)


def drift_rule(options: str = "") -> Any:
    """A house quote-drift rule with these options (YAML lines), as a team would write one."""
    from factcheck.rules.loader import parse_rule
    from factcheck.rules.yamlsrc import load_yaml_text
    text = f'id: house/drift\ntype: quote-drift\nseverity: warning\nmessage: "{{diff}} ({{side}})"\n{options}'
    return parse_rule(load_yaml_text(text, "house.yaml")[0], "house.yaml", 1)


def run_with(rule: Any, files: dict[str, str]) -> list[Finding]:
    docs, claims = [], {}
    for name in sorted(files):
        doc = parse_document(name, files[name])
        claims[name], _ = analyse_document(doc, [rule])
        docs.append(doc)
    return sorted(run_corpus_rules([rule], docs, claims), key=lambda f: f.sort_key)


MEMO = "I did not feel that we were ready to open the new bridge to traffic this winter"


def test_a_negation_that_only_moves_is_wording_not_a_flip() -> None:
    # "didn't feel we were" / "feel we weren't": one negation on each side, the meaning kept.
    rest = "ready to open the new bridge to traffic this winter"
    found = run({"a.txt": said(f"I didn't feel that we were {rest}", "Mayor Tom Rudd"),
                 "b.txt": said(f"I feel we weren't {rest}", "Mayor Tom Rudd")})
    assert [f.severity for f in found] == ["info"]
    assert "negation moved" in found[0].message and "negation dropped" not in found[0].message


def test_a_negation_dropped_in_one_clause_and_kept_in_another_still_flips() -> None:
    found = run({"a.txt": said(MEMO, "Mayor Tom Rudd"), "b.txt": said(MEMO.replace("did not feel", "did feel"),
                                                                      "Mayor Tom Rudd")})
    assert [f.severity for f in found] == ["warning"]
    assert "negation dropped: 'not'" in found[0].message


WARD = "We have received around 50 people with injuries suffered when the walls of their houses collapsed"


@pytest.mark.parametrize(("other", "severity", "message"), [
    # one outlet's "sustained" for the others' "suffered": the same injuries, info
    (WARD.replace("suffered", "sustained"), "info", "synonym: 'suffered' -> 'sustained'"),
    # "caused" is another word: who or what did the harm is a different statement
    (WARD.replace("suffered", "caused"), "warning", "different word: 'suffered' -> 'caused'"),
])
def test_a_synonym_in_the_minority_is_info_and_a_different_word_still_warns(other: str, severity: str,
                                                                           message: str) -> None:
    files = {name: said(WARD, "Dr Ema Suryani") for name in ("a.txt", "b.txt")}
    found = run({**files, "c.txt": said(other, "Dr Ema Suryani")})
    assert [(f.path, f.severity) for f in found] == [("c.txt", severity)]
    assert message in found[0].message


@pytest.mark.parametrize(("other", "severity", "message"), [
    (MEMO.replace("new bridge", "bridge"), "info", "wording: 'new' dropped before 'bridge'"),
    (MEMO.replace("this winter", "this season"), "warning", "different word: 'winter' -> 'season'"),
    (MEMO.replace("feel", "think"), "info", "synonym: 'feel' -> 'think'"),
    (MEMO.replace("traffic", "trafic"), "info", "misspelling: 'traffic' -> 'trafic'"),
    (MEMO.replace("ready", "really"), "warning", "different word: 'ready' -> 'really'"),
    (MEMO.replace("we were", "we were certainly"), "warning", "certainty added: 'certainly'"),
])
def test_wording_is_info_and_a_different_word_warns(other: str, severity: str, message: str) -> None:
    found = run({"a.txt": said(MEMO, "Mayor Tom Rudd"), "b.txt": said(other, "Mayor Tom Rudd")})
    assert [(f.path, f.severity) for f in found] == [("b.txt", severity)]
    assert message in found[0].message


def test_the_message_names_what_changed_in_meaning_first() -> None:
    other = MEMO.replace("new bridge", "bridge").replace("did not", "did")
    found = run({"a.txt": said(MEMO, "Mayor Tom Rudd"), "b.txt": said(other, "Mayor Tom Rudd")})
    assert found[0].message.index("negation dropped") < found[0].message.index("'new' dropped")


@pytest.mark.parametrize(("setting", "expected"), [("", ["info"]), ("wording_severity: warning\n", ["warning"]),
                                                   ("wording_severity: ignore\n", [])])
def test_wording_severity_option_sets_the_level_of_wording_changes(setting: str, expected: list[str]) -> None:
    rule = drift_rule(setting)
    found = run_with(rule, {"a.txt": said(MEMO, "Mayor Tom Rudd"),
                            "b.txt": said(MEMO.replace("new bridge", "bridge"), "Mayor Tom Rudd")})
    assert [f.severity for f in found] == expected
    # A change of meaning stays at the rule's severity whatever the wording setting.
    found = run_with(rule, {"a.txt": said(MEMO, "Mayor Tom Rudd"),
                            "b.txt": said(MEMO.replace("did not", "did"), "Mayor Tom Rudd")})
    assert [f.severity for f in found] == ["warning"]


def test_the_odd_one_out_is_flagged_with_the_agreeing_copies_related() -> None:
    q = said(MEMO, "Mayor Tom Rudd")
    found = run({"a.txt": q, "b.txt": q, "c.txt": said(MEMO.replace("winter", "summer"), "Mayor Tom Rudd"), "d.txt": q})
    assert [f.path for f in found] == ["c.txt"]
    assert [r.path for r in found[0].related] == ["a.txt", "b.txt", "d.txt"]
    assert "the odd one out: 3 documents agree with the other wording" in found[0].message
    assert found[0].data["evidence"]["agreeing"] == ["a.txt", "b.txt", "d.txt"]


def test_without_a_majority_neither_copy_is_called_wrong() -> None:
    found = run({"a.txt": said(MEMO, "Mayor Tom Rudd"), "b.txt": said(MEMO.replace("winter", "summer"),
                                                                      "Mayor Tom Rudd")})
    assert [f.path for f in found] == ["b.txt"]
    assert "no majority: either wording may be the accurate one" in found[0].message


def test_a_name_changed_inside_a_quote_warns() -> None:
    q = "We spoke with Bernstein about the story before it went to print that night"
    found = run({"a.txt": said(q, "Ben Bradlee"), "b.txt": said(q.replace("Bernstein", "Woodward"), "Ben Bradlee")})
    assert [f.severity for f in found] == ["warning"]
    assert "name changed: 'Bernstein' -> 'Woodward'" in found[0].message


def test_negations_are_counted_per_clause() -> None:
    # One negation on each side, but in two different clauses: both clauses flipped.
    a = "We did not close the old bridge last winter and we will close the new one this spring"
    b = "We did close the old bridge last winter and we will not close the new one this spring"
    found = run({"a.txt": said(a, "Mayor Tom Rudd"), "b.txt": said(b, "Mayor Tom Rudd")})
    assert [f.severity for f in found] == ["warning"]
    assert "negation dropped: 'not'" in found[0].message and "negation added: 'not'" in found[0].message
    d = align(words(a), words(b))
    assert d.negation_flipped
    moved = align(words("I didn't feel that we were ready to go"), words("I feel we weren't ready to go"))
    assert not moved.negation_flipped and not moved.meaning
