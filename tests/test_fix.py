"""``factcheck scan --fix`` / ``--diff``: which findings are fixed, and that nothing else in a file changes."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.documents import parse_document
from factcheck.engine import scan
from factcheck.fixer import apply_fixes
from factcheck.fixes import Fix, replace_span

runner = CliRunner()

SWAP_RULES = """
- id: house/spelling
  type: substitution
  severity: warning
  message: "'{match}': write '{suggestion}'."
  swap: {goverment: government, untill: until}
"""


def _project(root: Path, files: dict[str, bytes]) -> Path:
    """``root/arts/`` holding ``files`` (bytes, so encodings and line ends are the test's), with SWAP_RULES only."""
    (root / "rules").mkdir()
    (root / "rules" / "house.yaml").write_text(SWAP_RULES, encoding="utf-8")
    (root / "factcheck.toml").write_text('builtin_rules = false\nrules = ["rules/"]\n', encoding="utf-8")
    (root / "arts").mkdir()
    for name, data in files.items():
        (root / "arts" / name).write_bytes(data)
    return root


def _changes(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) text of every change between two versions of a file, character by character."""
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _spans(before: str, after: str) -> list[tuple[int, int]]:
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(i1, i2) for op, i1, i2, _j1, _j2 in sm.get_opcodes() if op != "equal"]


def test_fix_on_the_seeds_changes_only_the_misspelled_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in sorted((tmp_path / "seeds").iterdir())}
    first = scan(["seeds"])
    misspelled = [f for f in first.findings if f.rule == "names/variant"]
    assert sorted(f.location.excerpt for f in misspelled) == ["Kim Long Un", "Noth Korea"]
    assert all(f.fix is not None and f.fix.safe for f in misspelled)
    assert [f for f in first.findings if f.fix is not None and f.fix.safe] == misspelled

    result = runner.invoke(app, ["scan", "seeds", "--fix", "--format", "json"])
    # What remains is info only (the Pompeo quote drift is wording, not meaning): exit 0.
    assert result.exit_code == 0, result.output
    remaining = json.loads(result.stdout)["findings"]
    assert not [f for f in remaining if f["rule"] == "names/variant"]
    assert len(remaining) == len(first.findings) - 2
    assert "fixed 2 findings in 1 file" in result.stderr

    after = {p.name: p.read_bytes() for p in sorted((tmp_path / "seeds").iterdir())}
    changed = [n for n in before if before[n] != after[n]]
    assert changed == [Path(misspelled[0].path).name]
    old, new = before[changed[0]].decode("utf-8"), after[changed[0]].decode("utf-8")
    # Byte for byte: the only changes are the flagged spans, replaced by the suggestions.
    spans = sorted((f.fix.edits[0].start, f.fix.edits[0].end) for f in misspelled if f.fix)
    assert all(any(s <= i1 and i2 <= e for s, e in spans) for i1, i2 in _spans(old, new))
    assert new == old.replace("Noth Korea", "North Korea", 1).replace("Kim Long Un", "Kim Jong Un", 1)
    assert all(before[n] == (SEEDS / n).read_bytes() for n in before)  # the shipped seeds are untouched


def test_diff_prints_a_unified_diff_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in (tmp_path / "seeds").iterdir()}
    result = runner.invoke(app, ["scan", "seeds", "--diff"])
    assert result.exit_code == 1, result.output
    name = "seeds/001_01d226c4d8e25899.txt"
    assert result.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    removed = [line for line in result.stdout.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 1 and "Kim Long Un" in removed[0] and "Kim Jong Un" in added[0]
    assert _changes(removed[0][1:], added[0][1:]) == [("", "r"), ("L", "J")]
    assert {p: p.read_bytes() for p in before} == before

    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the articles outside the working directory: shown absolute
    absolute = runner.invoke(app, ["scan", str(tmp_path / "seeds"), "--diff"])  # as `git diff --no-index` names it
    monkeypatch.chdir(tmp_path)
    assert absolute.stdout.startswith(f"--- a{tmp_path}/{name}\n+++ b{tmp_path}/{name}\n"), absolute.stdout[:200]

    assert runner.invoke(app, ["scan", "seeds", "--fix"]).exit_code == 0  # only info findings remain
    clean = runner.invoke(app, ["scan", "seeds", "--diff"])
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_fix_keeps_bom_crlf_and_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\xef\xbb\xbfThe goverment met.\r\n\r\nIt waited untill noon.\r\n"
    _project(tmp_path, {"a.txt": data})
    article = tmp_path / "arts" / "a.txt"
    article.chmod(0o640)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix"])
    assert result.exit_code == 0, result.output
    assert article.read_bytes() == b"\xef\xbb\xbfThe government met.\r\n\r\nIt waited until noon.\r\n"
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in (tmp_path / "arts").iterdir()] == ["a.txt"]  # no temporary file left


def test_a_file_that_is_not_utf8_is_left_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Caf\xe9 owners said the goverment met.\n"
    _project(tmp_path, {"a.txt": data})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix"])
    assert result.exit_code == 1
    assert "not valid UTF-8; not fixed" in result.stderr
    assert (tmp_path / "arts" / "a.txt").read_bytes() == data


def test_markdown_and_html_markup_and_code_are_never_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    md = ("# The goverment\n\nSee [the goverment site](https://goverment.example/goverment) and "
          "`goverment --help`.\n\n```\ngoverment = 1\n```\n\n<!-- goverment -->\nThe goverment met.\n")
    page = ('<html><body><p title="goverment">The goverment &amp; the untill</p>'
            "<script>var goverment = 1;</script><p>The gover<b>ment</b> met.</p></body></html>\n")
    _project(tmp_path, {"a.md": md.encode(), "b.html": page.encode()})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix", "--format", "json"])
    assert result.exit_code == 1, result.output  # what no fix may touch is still reported
    left = [(f["path"], f["excerpt"]) for f in json.loads(result.stdout)["findings"]]
    assert left == [("arts/a.md", "goverment"), ("arts/b.html", "gover<b>ment")]
    assert (tmp_path / "arts" / "a.md").read_text(encoding="utf-8") == (
        "# The government\n\nSee [the government site](https://goverment.example/goverment) and "
        "`goverment --help`.\n\n```\ngoverment = 1\n```\n\n<!-- goverment -->\nThe government met.\n")
    assert (tmp_path / "arts" / "b.html").read_text(encoding="utf-8") == (
        '<html><body><p title="goverment">The government &amp; the until</p>'
        "<script>var goverment = 1;</script><p>The gover<b>ment</b> met.</p></body></html>\n")


def test_unwritable_file_is_one_error_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, {"a.txt": b"The goverment met.\n", "b.txt": b"It waited untill noon.\n"})
    locked = tmp_path / "arts" / "a.txt"
    locked.chmod(0o444)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix"])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck: error:")]
    assert errors == ["factcheck: error: cannot fix arts/a.txt: the file is not writable"]
    assert "Traceback" not in result.output
    assert locked.read_bytes() == b"The goverment met.\n"
    assert (tmp_path / "arts" / "b.txt").read_bytes() == b"It waited until noon.\n"  # the others are fixed


def test_links_and_corpus_files_outside_the_scanned_paths_are_not_touched(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, {"a.txt": b"The goverment met.\n"})
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"The goverment left.\n")
    (tmp_path / "arts" / "link.txt").symlink_to(outside)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.txt").write_bytes(b"The goverment voted.\n")
    with (tmp_path / "factcheck.toml").open("a", encoding="utf-8") as fh:
        fh.write('corpus = ["other/"]\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix", "--follow-symlinks"])
    assert result.exit_code == 1, result.output  # the link's finding remains
    assert "arts/link.txt: is a symbolic link; not fixed" in result.stderr
    assert (tmp_path / "arts" / "a.txt").read_bytes() == b"The government met.\n"
    assert outside.read_bytes() == b"The goverment left.\n"
    assert (tmp_path / "other" / "c.txt").read_bytes() == b"The goverment voted.\n"
    assert (tmp_path / "arts" / "link.txt").is_symlink()


def test_fix_and_diff_together_are_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, {"a.txt": b"The goverment met.\n"})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix", "--diff"])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: --fix and --diff do not go together")
    assert (tmp_path / "arts" / "a.txt").read_bytes() == b"The goverment met.\n"


def test_overlapping_fixes_apply_in_source_order_whatever_the_input_order() -> None:
    doc = parse_document("a.txt", "abcdefgh")
    one = replace_span(doc, 1, 4, "X", safe=True)
    two = replace_span(doc, 3, 6, "Y", safe=True)
    three = replace_span(doc, 6, 7, "Z", safe=True)
    assert one and two and three
    fixes: list[Fix] = [one, two, three]
    assert apply_fixes(doc.source, fixes) == ("aXefZh", 2)
    assert apply_fixes(doc.source, fixes[::-1]) == ("aXefZh", 2)
    assert apply_fixes(doc.source, [one, one]) == ("aXefgh", 1)  # one swap found by two rules: once


def test_replace_span_refuses_spans_that_are_not_the_source_verbatim() -> None:
    html = parse_document("a.html", "<p>A &amp; B</p>", "html")
    i = html.text.index("A & B")
    assert replace_span(html, i, i + 5, "C", safe=True) is None  # crosses an entity
    fix = replace_span(html, i, i + 1, "<b>", safe=True)
    assert fix is not None and fix.edits[0].new_text == "&lt;b&gt;"  # never adds markup
    crlf = parse_document("a.txt", "one\r\ntwo")
    assert replace_span(crlf, 0, 7, "x", safe=True) is None  # the line end is "\n" in the text only
    assert replace_span(crlf, 0, 3, "one", safe=True) is None  # nothing would change
    if os.name == "posix":
        edit = replace_span(crlf, 4, 7, "2", safe=False)
        assert edit is not None and not edit.safe
        assert (edit.edits[0].start, edit.edits[0].end, edit.edits[0].line, edit.edits[0].column) == (5, 8, 2, 1)


# --------------------------------------------------------------------------- unsafe fixes

CAP = "Pompeo said North Korea violated its annual cap of importing {} barrels of oil this year.\n"


def _caps(root: Path, *figures: str) -> None:
    for name, figure in zip("abc", figures, strict=False):
        (root / f"{name}.txt").write_text(CAP.format(figure), encoding="utf-8")


def test_a_figure_conflict_is_fixed_only_with_unsafe_fixes_and_a_majority(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _caps(tmp_path, "500,000", "500,000", "300,000")
    safe_only = runner.invoke(app, ["scan", ".", "--select", "figures", "--fix"])
    assert safe_only.exit_code == 1
    assert "1 unsafe fix available with --unsafe-fixes" in safe_only.stderr
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == CAP.format("300,000")
    result = runner.invoke(app, ["scan", ".", "--select", "figures", "--fix", "--unsafe-fixes"])
    assert result.exit_code == 0, result.output
    assert [(tmp_path / f"{n}.txt").read_text(encoding="utf-8") for n in "abc"] == [CAP.format("500,000")] * 3


def test_a_tied_conflict_has_no_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _caps(tmp_path, "500,000", "300,000")
    report = scan(["."], None)
    conflicts = [f for f in report.findings if f.rule.startswith("figures/")]
    assert conflicts and all(f.fix is None for f in conflicts)


def test_unsafe_fixes_on_the_seeds_also_apply_the_house_style(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "seeds", "--diff", "--unsafe-fixes"])
    assert result.exit_code == 1
    added = "".join(line for line in result.stdout.splitlines(keepends=True) if line.startswith("+"))
    for new in ("Kim Jong Un's attempts", "North Korea's point", "Oppose US on", "accepted denuclearization."):
        assert new in added
    assert "Kim Jong-un" not in added


# --------------------------------------------------------------------------- JSON and SARIF


def test_json_and_sarif_carry_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import SARIF_SCHEMA, need_shared

    _project(tmp_path, {"a.txt": b"Title\n\nThe goverment met.\n"})
    monkeypatch.chdir(tmp_path)
    data = json.loads(runner.invoke(app, ["scan", "arts", "--format", "json"]).stdout)
    assert data["version"] == 1
    (f,) = data["findings"]
    assert f["fix"] == {"safe": True, "edits": [{"path": "arts/a.txt", "line": 3, "column": 5, "end_line": 3,
                                                  "end_column": 14, "text": "government"}]}
    sarif = json.loads(runner.invoke(app, ["scan", "arts", "--format", "sarif"]).stdout)
    (res,) = sarif["runs"][0]["results"]
    assert res["fixes"] == [{
        "description": {"text": "Replace with 'government'."},
        "artifactChanges": [{"artifactLocation": {"uri": "arts/a.txt", "uriBaseId": "%SRCROOT%"},
                             "replacements": [{"deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3,
                                                                 "endColumn": 14},
                                               "insertedContent": {"text": "government"}}]}]}]
    need_shared(SARIF_SCHEMA)
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(sarif))


def test_sarif_of_the_seeds_with_unsafe_fixes_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import SARIF_SCHEMA, need_shared

    need_shared(SARIF_SCHEMA)
    import jsonschema

    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    sarif = json.loads(runner.invoke(app, ["scan", "seeds", "--format", "sarif"]).stdout)
    fixes = [r["fixes"][0]["description"]["text"] for r in sarif["runs"][0]["results"] if "fixes" in r]
    assert sum("Unsafe" in t for t in fixes) == 5 and len(fixes) == 7
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(sarif))


def test_a_sure_name_typo_is_a_safe_fix_and_a_weak_one_unsafe(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import NEWSROOM_ARTICLES

    for name, text in NEWSROOM_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (sure,) = [f for f in scan(["."]).findings if f.rule == "names/variant"]
    assert sure.severity == "error" and sure.fix is not None and sure.fix.safe
    # With "Kim Jong Un" once fewer, the rule is less sure (its weak severity): the fix needs --unsafe-fixes.
    (tmp_path / "a.txt").write_text("North Korean leader Kim Jong Un met envoys in Pyongyang.\n", encoding="utf-8")
    (weak,) = [f for f in scan(["."]).findings if f.rule == "names/variant"]
    assert weak.severity == "warning" and weak.fix is not None and not weak.fix.safe
    assert runner.invoke(app, ["scan", ".", "--fix"]).exit_code == 1
    assert "Kim Long Un" in (tmp_path / "c.txt").read_text(encoding="utf-8")
    assert runner.invoke(app, ["scan", ".", "--fix", "--unsafe-fixes"]).exit_code == 0
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == \
        NEWSROOM_ARTICLES["c.txt"].replace("Kim Long Un", "Kim Jong Un")


def test_suppressed_findings_are_not_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ('The ministry wrote that "the goverment will act". <!-- factcheck-ignore: house/spelling -- verbatim -->\n'
            "\nThe goverment met.\n")
    _project(tmp_path, {"a.md": text.encode()})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scan", "arts", "--fix"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "arts" / "a.md").read_text(encoding="utf-8") == text.replace("The goverment met",
                                                                                     "The government met")
