"""Rule files: loading, the exact error for each mistake, RE2, select/ignore,
and the ``tests:`` examples (``factcheck test-rules``), including the
meta-test that every shipped rule is tested and passes its own examples.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.documents import parse_document
from factcheck.errors import RuleError
from factcheck.findings import Finding
from factcheck.rules.kinds import KINDS
from factcheck.rules.loader import load_rule_file, load_rules, select_rules
from factcheck.rules.model import Rule
from factcheck.rules.testing import run_rule_tests

PATTERN_KEYS = ("case_sensitive, description, id, link, message, patterns, severity, summary, tests, type, "
                "whole_word, words")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path so rule files are shown by their short relative name."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(folder: Path, text: str, name: str = "house.yaml") -> str:
    path = write(folder, name, text)
    with pytest.raises(RuleError) as exc:
        load_rules([path], include_builtin=False)
    assert exc.value.exit_code == 2
    return str(exc.value)


def check(rule: Rule, text: str, name: str = "example.txt") -> list[Finding]:
    """Findings of a document-scope rule on one text (no claim extraction needed)."""
    assert rule.impl is not None and rule.scope == "document"
    return list(rule.impl.check_document(parse_document(name, text), []))


def findings(rule: Rule, text: str, name: str = "example.txt") -> list[str]:
    return [f.location.excerpt for f in check(rule, text, name)]


# --------------------------------------------------------------------------- valid files


def test_single_mapping(here: Path) -> None:
    path = write(here, "house.yaml", """
        # A house rule.
        id: house/anonymous
        type: pattern
        severity: info
        message: "Unnamed source: '{match}'."
        description: |
          Why the rule exists.
          More detail.
        link: https://example.org/style
        words: ["sources said"]
    """)
    (rule,) = load_rules([path], include_builtin=False)
    assert (rule.id, rule.type, rule.severity) == ("house/anonymous", "pattern", "info")
    assert rule.origin == "house.yaml:2"
    assert rule.link == "https://example.org/style"
    assert rule.summary() == "Why the rule exists."
    assert rule.options == {"patterns": [], "words": ["sources said"], "case_sensitive": False,
                            "whole_word": True}
    assert not rule.builtin and rule.scope == "document"
    assert findings(rule, "Sources  said the vote was close.") == ["Sources  said"]


def test_defaults_severity_warning_and_empty_description(here: Path) -> None:
    path = write(here, "house.yaml", """
        id: house/x
        type: substitution
        message: "{match} -> {suggestion}"
        swap: {untill: until}
    """)
    (rule,) = load_rules([path], include_builtin=False)
    assert rule.severity == "warning" and rule.description == "" and rule.link is None
    assert rule.summary() == "{match} -> {suggestion}"


def test_list_of_rules(here: Path) -> None:
    path = write(here, "house.yaml", """
        - id: house/one
          type: pattern
          message: m
          words: [foo]

        - id: house/two
          type: substitution
          message: m
          swap: {a: b}
    """)
    rules = load_rules([path], include_builtin=False)
    assert [(r.id, r.origin) for r in rules] == [("house/one", "house.yaml:1"), ("house/two", "house.yaml:6")]


def test_rules_key(here: Path) -> None:
    path = write(here, "house.yaml", """
        rules:
          - id: house/one
            type: pattern
            message: m
            words: [foo]
          - id: house/two
            type: pattern
            message: m
            patterns: ['b[aeiou]r']
    """)
    rules = load_rules([path], include_builtin=False)
    assert [(r.id, r.origin) for r in rules] == [("house/one", "house.yaml:2"), ("house/two", "house.yaml:6")]
    assert findings(rules[1], "a bar and a bor") == ["bar", "bor"]


def test_multi_document_yaml(here: Path) -> None:
    path = write(here, "house.yaml", """
        ---
        id: house/one
        type: pattern
        message: m
        words: [foo]
        ---
        id: house/two
        type: pattern
        message: m
        words: [bar]
        ...
    """)
    rules = load_rule_file(path)
    assert [(r.id, r.origin) for r in rules] == [("house/one", "house.yaml:2"), ("house/two", "house.yaml:7")]


def test_folder_of_rule_files_is_loaded_in_sorted_order(here: Path) -> None:
    write(here, "pack/b.yaml", "id: house/b\ntype: pattern\nmessage: m\nwords: [b]\n")
    write(here, "pack/sub/a.yml", "id: house/a\ntype: pattern\nmessage: m\nwords: [a]\n")
    write(here, "pack/notes.txt", "not a rule file: ignored")
    rules = load_rules([here / "pack"], include_builtin=False)
    assert [(r.id, r.origin) for r in rules] == [("house/b", "pack/b.yaml:1"), ("house/a", "pack/sub/a.yml:1")]


def test_builtin_rules_are_loaded_first_and_marked(here: Path) -> None:
    path = write(here, "house.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [x]\n")
    rules = load_rules([path])
    assert rules[-1].id == "house/x" and not rules[-1].builtin
    builtin = [r for r in rules if r.builtin]
    assert builtin and rules[:len(builtin)] == builtin
    assert all(r.origin.startswith("builtin:") for r in builtin)
    assert {"sourcing/anonymous", "spelling/common"} <= {r.id for r in builtin}


# --------------------------------------------------------------------------- exact errors


def test_invalid_yaml_names_the_line(here: Path) -> None:
    assert error_of(here, """
        id: house/x
          type: pattern
    """) == "house.yaml:2: invalid YAML: mapping values are not allowed here"


def test_tab_indentation_is_invalid_yaml(here: Path) -> None:
    msg = error_of(here, "id: house/x\ntype: pattern\n\tmessage: m\n")
    assert msg == "house.yaml:3: invalid YAML: found character '\\t' that cannot start any token"


def test_unknown_type_lists_the_valid_types(here: Path) -> None:
    assert {"pattern", "substitution"} <= set(KINDS)
    assert error_of(here, """
        id: house/x
        type: regex
        message: m
    """) == f"house.yaml:2: key 'type': unknown rule type 'regex'; valid: {', '.join(sorted(KINDS))}"


def test_missing_type(here: Path) -> None:
    assert error_of(here, "id: house/x\nmessage: m\n") == "house.yaml:1: key 'type': missing required key"


def test_unknown_key_lists_the_valid_keys(here: Path) -> None:
    # The README's own example, character for character.
    assert error_of(here, """
        id: house/x
        type: pattern
        message: m
        severty: info
        words: [x]
    """) == f"house.yaml:4: key 'severty': unknown key for a pattern rule; valid: {PATTERN_KEYS}"


def test_unknown_key_for_substitution(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: substitution
        message: m
        swap: {a: b}
        words: [x]
    """) == ("house.yaml:5: key 'words': unknown key for a substitution rule; valid: case_sensitive, "
             "description, id, link, message, severity, summary, swap, tests, type, whole_word")


@pytest.mark.parametrize(("line", "expected"), [
    ("severity: 3", "key 'severity': must be a string, not int 3"),
    ('whole_word: "yes"', "key 'whole_word': must be a boolean, not str 'yes'"),
    ("case_sensitive: 1", "key 'case_sensitive': must be a boolean, not int 1"),
    ("words: foo", "key 'words': must be a list, not str 'foo'"),
    ("message: [a, b]", "key 'message': must be a string, not list ['a', 'b']"),
    ("link: {a: b}", "key 'link': must be a string, not mapping {'a': 'b'}"),
    ("description:", "key 'description': must be a string, not null None"),
])
def test_mistyped_keys(here: Path, line: str, expected: str) -> None:
    text = "id: house/x\ntype: pattern\nwords: [x]\nmessage: m\n"
    key = line.split(":")[0]
    text = "\n".join(ln for ln in text.splitlines() if not ln.startswith(key + ":")) + "\n" + line + "\n"
    n = text.splitlines().index(line) + 1
    assert error_of(here, text) == f"house.yaml:{n}: {expected}"


def test_yaml_boolean_words_are_booleans(here: Path) -> None:
    # YAML 1.1: an unquoted `yes` is a boolean, so it is accepted for a boolean key.
    path = write(here, "house.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [x]\nwhole_word: yes\n")
    (rule,) = load_rules([path], include_builtin=False)
    assert rule.options["whole_word"] is True


def test_bad_severity_choice(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: pattern
        message: m
        words: [x]
        severity: fatal
    """) == "house.yaml:5: key 'severity': must be one of error, warning, info, not 'fatal'"


def test_lookbehind_is_rejected_by_re2(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: pattern
        message: m
        patterns: ['(?<=a)b']
    """) == ("house.yaml:4: key 'patterns': invalid regular expression '(?<=a)b': invalid perl operator: (?<= "
             "(patterns run on RE2: no lookaround or backreferences)")


def test_unclosed_group_names_the_users_pattern_not_the_wrapper(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: pattern
        message: m
        words: [fine]
        patterns:
          - 'ok'
          - '(unclosed'
    """) == ("house.yaml:5: key 'patterns': invalid regular expression '(unclosed': missing ): (unclosed "
             "(patterns run on RE2: no lookaround or backreferences)")


def test_backreference_is_rejected(here: Path) -> None:
    msg = error_of(here, "id: house/x\ntype: pattern\nmessage: m\npatterns: ['(a)\\1']\n")
    assert msg.startswith("house.yaml:4: key 'patterns': invalid regular expression '(a)\\\\1': ")
    assert msg.endswith("(patterns run on RE2: no lookaround or backreferences)")


def test_duplicate_id_across_two_files_names_the_first_definition(here: Path) -> None:
    a = write(here, "a.yaml", "id: house/x\ntype: pattern\nmessage: m\nwords: [foo]\n")
    b = write(here, "b.yaml", "# the same id again\n\nid: house/x\ntype: pattern\nmessage: m\nwords: [bar]\n")
    with pytest.raises(RuleError) as exc:
        load_rules([a, b], include_builtin=False)
    assert str(exc.value) == "b.yaml:3: key 'id': duplicate rule id 'house/x' (first defined at a.yaml:1)"


def test_duplicate_of_a_builtin_rule_id(here: Path) -> None:
    path = write(here, "mine.yaml", "id: sourcing/anonymous\ntype: pattern\nmessage: m\nwords: [foo]\n")
    with pytest.raises(RuleError) as exc:
        load_rules([path])
    assert str(exc.value) == ("mine.yaml:1: key 'id': duplicate rule id 'sourcing/anonymous' "
                              "(first defined at builtin:sourcing/anonymous.yaml:1)")


def test_duplicate_key_in_one_mapping(here: Path) -> None:
    assert error_of(here, "id: house/x\ntype: pattern\nmessage: m\nmessage: n\nwords: [x]\n") == \
        "house.yaml:4: key 'message': duplicate key"


def test_missing_message(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: pattern
        words: [x]
    """) == "house.yaml:1: key 'message': missing required key"


def test_missing_message_in_second_rule_of_a_list(here: Path) -> None:
    assert error_of(here, """
        - id: house/a
          type: pattern
          message: m
          words: [x]
        - id: house/b
          type: pattern
          words: [y]
    """) == "house.yaml:5: key 'message': missing required key"


def test_unknown_placeholder(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: pattern
        message: "Found {matched}."
        words: [x]
    """) == "house.yaml:3: key 'message': unknown placeholder {matched}; valid: {match}, {rule}"


def test_unknown_placeholder_lists_kind_placeholders(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: substitution
        message: "Write {replacement}."
        swap: {a: b}
    """) == "house.yaml:3: key 'message': unknown placeholder {replacement}; valid: {match}, {rule}, {suggestion}"


def test_bad_placeholder_syntax(here: Path) -> None:
    assert error_of(here, "id: house/x\ntype: pattern\nmessage: 'oops {'\nwords: [x]\n") == \
        "house.yaml:3: key 'message': bad placeholder syntax (Single '{' encountered in format string)"


@pytest.mark.parametrize("bad_id", ["House/Rule", "norule", "house/", "/x", "house/my rule", "-a/b"])
def test_bad_id_format(here: Path, bad_id: str) -> None:
    assert error_of(here, f"id: '{bad_id}'\ntype: pattern\nmessage: m\nwords: [x]\n") == \
        f"house.yaml:1: key 'id': invalid id {bad_id!r}: use namespace/name in lower case, e.g. house/my-rule"


def test_good_id_formats(here: Path) -> None:
    path = write(here, "house.yaml", "id: house.v2/my_rule-1/sub\ntype: pattern\nmessage: m\nwords: [x]\n")
    assert [r.id for r in load_rules([path], include_builtin=False)] == ["house.v2/my_rule-1/sub"]


def test_empty_swap(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: substitution
        message: m
        swap: {}
    """) == "house.yaml:4: key 'swap': must not be empty"


def test_swap_must_map_strings_to_strings(here: Path) -> None:
    assert error_of(here, """
        id: house/x
        type: substitution
        message: m
        swap:
          untill: until
          teh: 5
    """) == "house.yaml:6: key 'swap.teh': entries must map a string to a string, not 'teh': 5"


def test_pattern_rule_without_patterns_or_words(here: Path) -> None:
    assert error_of(here, "id: house/x\ntype: pattern\nmessage: m\n") == \
        "house.yaml:1: key 'patterns': a pattern rule needs 'patterns' or 'words'"


def test_empty_word(here: Path) -> None:
    assert error_of(here, "id: house/x\ntype: pattern\nmessage: m\nwords: ['ok', '  ']\n") == \
        "house.yaml:4: key 'words': must be a list of non-empty strings"


def test_rule_must_be_a_mapping(here: Path) -> None:
    assert error_of(here, "just a string\n") == \
        "house.yaml:1: a rule must be a mapping with id, type, severity and message"


@pytest.mark.parametrize(("tests_yaml", "expected"), [
    ("tests:\n  fail: 'one string'\n", "house.yaml:6: key 'tests.fail': must be a list of examples"),
    ("tests:\n  pass:\n    - ok\n    - 5\n",
     "house.yaml:8: key 'tests.pass': each example is a string or {files: {name.txt: text, ...}}"),
    ("tests:\n  fail:\n    - files: {}\n",
     "house.yaml:7: key 'tests.fail': each example is a string or {files: {name.txt: text, ...}}"),
    ("tests:\n  fail:\n    - files: {a.txt: x}\n      extra: 1\n",
     "house.yaml:8: key 'tests.fail.extra': unknown key in a test case; valid: expect, files, name, text"),
    ("tests:\n  failing: [x]\n", "house.yaml:6: key 'tests.failing': unknown key in tests; valid: fail, pass"),
    ("tests: [x]\n", "house.yaml:5: key 'tests': must be a mapping, not list ['x']"),
])
def test_bad_tests_examples(here: Path, tests_yaml: str, expected: str) -> None:
    assert error_of(here, "id: house/x\ntype: pattern\nmessage: m\nwords: [x]\n" + tests_yaml) == expected


def test_missing_rule_path(here: Path) -> None:
    with pytest.raises(RuleError) as exc:
        load_rules([here / "nope.yaml"], include_builtin=False)
    assert str(exc.value) == "nope.yaml: no such rule file or directory"


def test_cli_prints_the_error_as_one_line(here: Path) -> None:
    write(here, "house.yaml", "id: house/x\ntype: pattern\nmessage: m\nseverty: info\nwords: [x]\n")
    (here / "a.txt").write_text("text\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", "a.txt", "--rules", "house.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (f"factcheck: error: house.yaml:4: key 'severty': unknown key for a pattern rule; "
                             f"valid: {PATTERN_KEYS}\n")
    assert result.stdout == ""


# --------------------------------------------------------------------------- matching semantics


def test_linear_time_pattern_on_pathological_input(here: Path) -> None:
    # Python's re would backtrack for hours here; RE2 must simply return.
    path = write(here, "house.yaml", r"""
        id: house/redos
        type: pattern
        message: m
        whole_word: false
        patterns: ['(a+)+$']
    """)
    (rule,) = load_rules([path], include_builtin=False)
    assert rule.impl is not None
    doc = parse_document("big.txt", "a" * 100_000 + "b")
    assert list(rule.impl.check_document(doc, [])) == []
    doc = parse_document("big.txt", "b" + "a" * 100_000)
    (f,) = rule.impl.check_document(doc, [])
    assert (f.location.column, f.location.end_column) == (2, 100_002)


def test_words_are_case_insensitive_whole_words_with_flexible_spaces(here: Path) -> None:
    path = write(here, "house.yaml", """
        id: house/x
        type: pattern
        message: m
        words: ["sources said", "U.S.", "#tag", "C++", "50%"]
    """)
    (rule,) = load_rules([path], include_builtin=False)
    assert findings(rule, "SOURCES\nSAID so; resources said; sources saidx") == ["SOURCES\nSAID"]
    # Words that begin or end with punctuation still match as whole words.
    assert findings(rule, "The U.S. said, #tag and C++ rose 50% today; ends U.S.") == [
        "U.S.", "#tag", "C++", "50%", "U.S."]
    assert findings(rule, "a USS ship, C+ grade") == []


def test_case_sensitive_and_not_whole_word(here: Path) -> None:
    path = write(here, "house.yaml", """
        - id: house/cs
          type: pattern
          message: m
          case_sensitive: true
          words: [Kim]
        - id: house/part
          type: pattern
          message: m
          whole_word: false
          words: [gov]
    """)
    cs, part = load_rules([path], include_builtin=False)
    assert findings(cs, "Kim and kim and KIM and Kimberley") == ["Kim"]
    assert findings(part, "the government and GOV") == ["gov", "GOV"]


def test_substitution_suggests_in_the_case_found(here: Path) -> None:
    path = write(here, "house.yaml", """
        id: house/sp
        type: substitution
        message: "'{match}' -> '{suggestion}' ({rule})"
        swap: {untill: until, "a lot": many, "e.g.": "for example", "U.N.": UN}
    """)
    (rule,) = load_rules([path], include_builtin=False)
    out = check(rule, "Untill UNTILL untill; A  lot; e.g. this; the U.N. said")
    assert [(f.location.excerpt, f.suggestion) for f in out] == [
        ("Untill", "Until"), ("UNTILL", "UNTIL"), ("untill", "until"), ("A  lot", "Many"),
        ("e.g.", "for example"), ("U.N.", "UN")]
    assert out[0].message == "'Untill' -> 'Until' (house/sp)"
    assert findings(rule, "until the United Nations") == []


# --------------------------------------------------------------------------- select / ignore


def _fake(ids: list[str]) -> list[Rule]:
    return [Rule(id=i, type="pattern", severity="warning", message="m", description="", origin="x:1")
            for i in ids]


def test_select_and_ignore_by_id_and_prefix() -> None:
    rules = _fake(["names/variant", "names/style", "namespace/other", "dates/weekday", "sourcing/anonymous"])

    def ids(select: list[str], ignore: list[str]) -> list[str]:
        return [r.id for r in select_rules(rules, select, ignore)]

    assert ids([], []) == [r.id for r in rules]
    assert ids(["names"], []) == ["names/variant", "names/style"]
    assert ids(["names/"], []) == ["names/variant", "names/style"]
    assert ids(["names/variant"], []) == ["names/variant"]
    assert ids(["names/var"], []) == []
    assert ids(["names", "dates/weekday"], []) == ["names/variant", "names/style", "dates/weekday"]
    assert ids([], ["names"]) == ["namespace/other", "dates/weekday", "sourcing/anonymous"]
    assert ids(["names"], ["names/style"]) == ["names/variant"]
    assert ids(["names/style"], ["names"]) == []


# --------------------------------------------------------------------------- test-rules


def test_fail_example_that_does_not_fire(here: Path) -> None:
    write(here, "house.yaml", """
        id: house/x
        type: pattern
        message: "found {match}"
        words: [foo]
        tests:
          fail:
            - "foo is here"
            - "nothing to see"
          pass:
            - "all clean"
    """)
    result = CliRunner().invoke(app, ["test-rules", "house.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "FAIL house/x (2 fail, 1 pass examples)",
        "     house.yaml:8: fail example produced no finding: 'nothing to see'",
        "0 passed, 1 failed",
    ]


def test_pass_example_that_fires(here: Path) -> None:
    write(here, "house.yaml", """
        id: house/x
        type: pattern
        message: "found {match}"
        words: [foo]
        tests:
          fail: ["a foo"]
          pass:
            - "clean"
            - "has foo in it"
    """)
    result = CliRunner().invoke(app, ["test-rules", "house.yaml"])
    assert result.exit_code == 1
    assert "     house.yaml:9: pass example produced 1 finding(s): 'has foo in it' -> found foo" in \
        result.stdout.splitlines()


def test_passing_examples_exit_0(here: Path) -> None:
    write(here, "house.yaml", """
        id: house/x
        type: pattern
        message: m
        words: [foo]
        tests:
          fail: ["a foo", {files: {one.txt: "foo", two.md: "`x` foo"}}]
          pass: ["clean", {files: {a.md: "```\\nfoo\\n```\\n"}}]
    """)
    result = CliRunner().invoke(app, ["test-rules", "house.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ok   house/x (2 fail, 2 pass examples)", "1 passed, 0 failed"]


def test_test_rules_reports_a_bad_rule_file_as_exit_2(here: Path) -> None:
    write(here, "house.yaml", "id: house/x\ntype: pattern\nmessage: m\n")
    result = CliRunner().invoke(app, ["test-rules", "house.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("factcheck: error: house.yaml:1: key 'patterns': "
                             "a pattern rule needs 'patterns' or 'words'\n")


def test_every_shipped_rule_has_examples_and_passes_them() -> None:
    rules = load_rules([], include_builtin=True)
    assert rules, "no shipped rules found"
    untested = [r.id for r in rules if not r.fail or not r.passes]
    assert untested == [], f"shipped rules without both fail: and pass: examples: {untested}"
    results = run_rule_tests(rules)
    assert len(results) == sum(len(r.fail) + len(r.passes) for r in rules)
    bad = [r.describe() for r in results if not r.ok]
    assert bad == []
