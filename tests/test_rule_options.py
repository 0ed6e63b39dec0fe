"""Deep validation of rule-kind options: element types, element choices, numeric ranges,
scalar choices and the nested ``select:`` mapping.

A value of the right type but the wrong meaning (``kinds: [quantiy]``,
``min_similarity: 5``) must be an exit-2 error naming the file, line, key and
the valid values -- never a rule that silently never fires.  Each error is
pinned with its exact one-line message, through the CLI.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import one_error_line
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules.kinds import KINDS
from factcheck.rules.loader import load_rules

CLAIM_KINDS_LISTED = "count, date, enumeration, name, ordinal, quantity, quote, vote"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of its own rules only, with one article, as the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("builtin_rules = false\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nThe 15-member council met.\n", encoding="utf-8")
    return tmp_path


def cli_error(folder: Path, rule_yaml: str) -> str:
    """Scan with one rule file; assert it fails with one error line, and return the message."""
    (folder / "house.yaml").write_text(textwrap.dedent(rule_yaml).lstrip("\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", "a.txt", "--rules", "house.yaml"])
    return one_error_line(result).removeprefix("factcheck: error: ")


CONFLICT = "id: house/c\ntype: conflict\nmessage: m\n"
NAMES = "id: house/n\ntype: name-variants\nmessage: m\n"
QUOTES = "id: house/q\ntype: quote-drift\nmessage: m\n"
FACT = "id: house/f\ntype: fact\nmessage: m\nexpect: 15\n"


@pytest.mark.parametrize(("rule", "expected"), [
    # list elements outside the valid values, with the closest one suggested
    (CONFLICT + "kinds: [quantity, quantiy]\n",
     "house.yaml:4: key 'kinds': unknown element 'quantiy'; valid: count, date, enumeration, name, ordinal, "
     "quantity, vote (did you mean 'quantity'?)"),
    (CONFLICT + "kinds: [quote]\n",  # quotes are never extracted for a conflict rule: it could never fire
     "house.yaml:4: key 'kinds': unknown element 'quote'; valid: count, date, enumeration, name, ordinal, "
     "quantity, vote (did you mean 'vote'?)"),
    (NAMES + "types:\n  - person\n  - persn\n",
     "house.yaml:6: key 'types': unknown element 'persn'; valid: organisation, person, place, unknown "
     "(did you mean 'person'?)"),
    # list element types (the line is the element's own)
    ("id: house/p\ntype: pattern\nmessage: m\nwords: [ok, 3]\n",
     "house.yaml:4: key 'words': every element must be a string, not int 3"),
    ("id: house/p\ntype: pattern\nmessage: m\npatterns:\n  - 'a+'\n  - {x: y}\n",
     "house.yaml:6: key 'patterns': every element must be a string, not mapping {'x': 'y'}"),
    ("id: house/s\ntype: spelling-variants\nmessage: m\nignore_words:\n  - colour\n  - true\n",
     "house.yaml:6: key 'ignore_words': every element must be a string, not bool True"),
    (CONFLICT + "kinds: [quantity, 5]\n",
     "house.yaml:4: key 'kinds': every element must be a string, not int 5"),
    (NAMES + "canonical: [Ban Ki-moon, 7]\n",
     "house.yaml:4: key 'canonical': every element must be a string, not int 7"),
    # numeric ranges
    (CONFLICT + "min_similarity: 5\n", "house.yaml:4: key 'min_similarity': must be between 0 and 1, not 5"),
    (CONFLICT + "min_overlap: -0.5\n", "house.yaml:4: key 'min_overlap': must be between 0 and 1, not -0.5"),
    (CONFLICT + "min_similarity: .nan\n", "house.yaml:4: key 'min_similarity': must be between 0 and 1, not nan"),
    (QUOTES + "min_similarity: 1.5\n", "house.yaml:4: key 'min_similarity': must be between 0 and 1, not 1.5"),
    (QUOTES + "min_words: -1\n", "house.yaml:4: key 'min_words': must be at least 0, not -1"),
    (CONFLICT + "window: -1\n", "house.yaml:4: key 'window': must be at least 0, not -1"),
    (CONFLICT + "min_shared: -3\n", "house.yaml:4: key 'min_shared': must be at least 0, not -3"),
    (CONFLICT + "min_run: -1\n", "house.yaml:4: key 'min_run': must be at least 0, not -1"),
    (CONFLICT + "agreeing_figures: -2\n", "house.yaml:4: key 'agreeing_figures': must be at least 0, not -2"),
    (CONFLICT + "max_days_apart: -30\n", "house.yaml:4: key 'max_days_apart': must be at least 0, not -30"),
    (CONFLICT + "near_days: -7\n", "house.yaml:4: key 'near_days': must be at least 0, not -7"),
    (NAMES + "ratio: 0.5\n", "house.yaml:4: key 'ratio': must be at least 1, not 0.5"),
    (NAMES + "min_support: 0\n", "house.yaml:4: key 'min_support': must be at least 1, not 0"),
    (NAMES + "max_rare: -1\n", "house.yaml:4: key 'max_rare': must be at least 0, not -1"),
    ("id: house/d\ntype: date-sanity\nmessage: m\ncheck: publication\ntolerance_days: -1\n",
     "house.yaml:5: key 'tolerance_days': must be at least 0, not -1"),
    # a boolean is not a number, even where Python would take it for one
    (QUOTES + "min_words: true\n", "house.yaml:4: key 'min_words': must be an integer, not bool True"),
    # scalar choices suggest the closest valid value
    (CONFLICT + "weak_severity: warn\n",
     "house.yaml:4: key 'weak_severity': must be one of error, warning, info, ignore, not 'warn' "
     "(did you mean 'warning'?)"),
    (QUOTES + "spelling: reprot\n",
     "house.yaml:4: key 'spelling': must be one of info, ignore, report, not 'reprot' (did you mean 'report'?)"),
])
def test_deep_option_errors(here: Path, rule: str, expected: str) -> None:
    assert cli_error(here, rule) == expected


@pytest.mark.parametrize(("select", "expected"), [
    ("select: {kind: quantiy, unit: member}\n",
     f"house.yaml:5: key 'select.kind': unknown claim kind 'quantiy'; valid: {CLAIM_KINDS_LISTED} "
     "(did you mean 'quantity'?)"),
    ("select:\n  kind: [quantity, vots]\n",
     f"house.yaml:6: key 'select.kind': unknown claim kind 'vots'; valid: {CLAIM_KINDS_LISTED} "
     "(did you mean 'vote'?)"),
    ("select:\n  kind: quantity\n  unti: member\n",
     "house.yaml:7: key 'select.unti': unknown key in select; valid: kind, unit, near, pattern, exclude, where, "
     "exact_only (did you mean 'unit'?)"),
    ("select:\n  kind: quantity\n  exact_only: 'no'\n",
     "house.yaml:7: key 'select.exact_only': must be true or false, not 'no'"),
    ("select:\n  kind: quantity\n  pattern: 5\n",
     "house.yaml:7: key 'select.pattern': must be a string (an RE2 expression), not 5"),
    ("select:\n  kind: quantity\n  exclude: [a, b]\n",
     "house.yaml:7: key 'select.exclude': must be a string (an RE2 expression), not ['a', 'b']"),
    ("select:\n  kind: vote\n  where: {threshold: [1, 2]}\n",
     "house.yaml:7: key 'select.where.threshold': must map a claim attribute to one value "
     "(a string, number, boolean or null), not [1, 2]"),
    ("select:\n  kind: vote\n  where: [threshold]\n",
     "house.yaml:7: key 'select.where': must be a mapping of claim attribute -> value"),
    ("select:\n  kind: quantity\n  near: [council, 3]\n",
     "house.yaml:7: key 'select.near': must be a string or a list of strings"),
])
def test_select_mapping_errors(here: Path, select: str, expected: str) -> None:
    assert cli_error(here, FACT + select) == expected


def test_conflict_select_is_validated_the_same_way(here: Path) -> None:
    assert cli_error(here, CONFLICT + "select: {kind: dat}\n") == (
        f"house.yaml:4: key 'select.kind': unknown claim kind 'dat'; valid: {CLAIM_KINDS_LISTED} "
        "(did you mean 'date'?)")


def test_bounds_are_inclusive_and_valid_values_load(here: Path) -> None:
    (here / "house.yaml").write_text(
        CONFLICT + "kinds: [date, ordinal]\nmin_similarity: 0\nmin_overlap: 1\nwindow: 0\nnear_days: 0\n---\n"
        + NAMES + "ratio: 1\nmin_support: 1\nmax_rare: 0\ntypes: [place]\n---\n"
        + QUOTES + "min_similarity: 1\nmin_words: 0\n---\n"
        + FACT + "select: {kind: [quantity, count], exact_only: false, where: {threshold: null}}\n",
        encoding="utf-8")
    rules = {r.id: r for r in load_rules([here / "house.yaml"], include_builtin=False)}
    assert rules["house/c"].options["kinds"] == ["date", "ordinal"]
    assert rules["house/c"].options["min_similarity"] == 0
    assert rules["house/n"].options["ratio"] == 1
    assert rules["house/q"].options["min_words"] == 0


def test_selector_kind_filter_uses_the_validated_kinds(here: Path) -> None:
    """The selector still selects after validation: a 14-member council is caught, 15 passes."""
    (here / "house.yaml").write_text(FACT + "select: {kind: quantity, unit: member, near: council}\n",
                                     encoding="utf-8")
    (here / "b.txt").write_text("Headline\n\nThe 14-member council met.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", "a.txt", "b.txt", "--rules", "house.yaml", "--format", "concise"])
    assert result.exit_code == 1
    assert [ln.split(":")[0] for ln in result.stdout.splitlines() if "house/f" in ln] == ["b.txt"]


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_every_numeric_and_list_option_is_constrained(kind_name: str) -> None:
    """A new number option must declare its range, a new list option its element type."""
    for key, opt in KINDS[kind_name].OPTIONS.items():
        if set(opt.types) <= {int, float}:
            assert opt.min is not None, f"{kind_name}.{key} declares no minimum"
        if list in opt.types:
            assert opt.items, f"{kind_name}.{key} declares no element type"
