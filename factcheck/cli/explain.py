"""``factcheck rules``, ``rule`` and ``test-rules``: what the rules are, why, and whether their examples hold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.common import (
    RULES_FORMATS,
    ConfigOpt,
    RulesOpt,
    _choices,
    _config,
    _fail,
    app,
)
from factcheck.config import as_paths
from factcheck.errors import FactcheckError


@app.command("rules", epilog="Example: factcheck rules --format json; factcheck rules --kinds; "
                             "factcheck rule names/variant")
def list_rules(
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices(*RULES_FORMATS),
                                     help="Output format (markdown: the README's table).")] = "text",
    kinds: Annotated[bool, typer.Option("--kinds", help="Document the rule kinds (type:) instead.")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """List every active rule, one line each: id, type, severity and summary."""
    from factcheck.engine import active_rules
    from factcheck.rules.docs import RuleDoc, render_list, render_markdown

    if kinds:
        _print_kinds()
        return
    try:
        if fmt not in RULES_FORMATS:
            raise FactcheckError(f"--format must be text, json or markdown, not {fmt!r}")
        active = active_rules(_config(config_path, rules=as_paths(rules)))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        payload = [{"id": r.id, "type": r.type, "severity": r.severity, "summary": r.summary(),
                    "description": RuleDoc.of(r).full_description(), "origin": r.origin, "builtin": r.builtin,
                    "link": r.link} for r in active]
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(render_markdown(active) if fmt == "markdown" else render_list(active))


@app.command("rule", epilog="Example: factcheck rule figures/conflict; factcheck rule house/names --rules house/")
def explain_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule's id, e.g. names/variant.")],
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("text", "json"), help="Output format.")] = "text",
    config_path: ConfigOpt = None,
) -> None:
    """Explain one rule: what it checks and why, its severity, options (with defaults) and examples."""
    from factcheck.rules.docs import find_rule, render_text
    from factcheck.rules.loader import load_rules

    try:
        if fmt not in ("text", "json"):
            raise FactcheckError(f"--format must be text or json, not {fmt!r}")
        config = _config(config_path, rules=as_paths(rules))
        # Every loaded rule, not only the selected ones: a rule that --ignore or the config
        # switches off can still be looked up.
        doc = find_rule(rule_id, load_rules(config.rules, include_builtin=config.builtin_rules))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(doc.to_json(), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    sys.stdout.write(render_text(doc))


def _print_kinds() -> None:
    """Each rule kind's docstring (its user documentation, with examples) and options."""
    import inspect

    from factcheck.rules.kinds import KINDS

    for name in sorted(KINDS):
        kind = KINDS[name]
        module_doc = inspect.getdoc(sys.modules[kind.__module__]) or ""
        print(f"type: {name}  ({kind.scope})")
        print("  " + (module_doc or inspect.getdoc(kind) or "").replace("\n", "\n  "))
        if kind.OPTIONS:
            print("  options:")
            for key, opt in kind.OPTIONS.items():
                default = "required" if opt.required else f"default {opt.default!r}"
                print(f"    {key} ({opt.type_name()}, {default}): {opt.help}")
        print()


@app.command("test-rules", epilog="Example: factcheck test-rules my-rules/")
def test_rules(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Rule files or folders (default: active rules).")] = None,
    allow_untested: Annotated[bool, typer.Option("--allow-untested",
                                                 help="Report rules without tests instead of failing them.")] = False,
    config_path: ConfigOpt = None,
) -> None:
    """Run the fail:/pass: examples embedded in rule files; exit 1 on any failure.

    A rule without any example fails too (unless --allow-untested): an untested
    rule is one nobody can tell is still working.
    """
    from factcheck.engine import active_rules
    from factcheck.errors import RuleError
    from factcheck.rules.loader import RULE_SUFFIXES, load_rules, rule_files
    from factcheck.rules.testing import run_rule_tests

    try:
        if paths:
            for p in paths:
                # A folder with no rule files would "pass" while testing nothing: a wrong path, not success.
                if not rule_files([Path(p)]):
                    raise RuleError(f"no rule files found in {p} (looked for {', '.join(RULE_SUFFIXES)})")
            rules = load_rules([Path(p) for p in paths], include_builtin=False)
        else:
            rules = active_rules(_config(config_path))
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    results = run_rule_tests(rules)
    failed = untested = 0
    for rule in rules:
        mine = [r for r in results if r.rule is rule]
        bad = [r for r in mine if not r.ok]
        if not mine:
            print(f"NO TESTS {rule.id}")
            untested += 1
            continue
        n_fail = sum(r.expect_fail for r in mine)
        print(f"{'FAIL' if bad else 'ok  '} {rule.id} ({n_fail} fail, {len(mine) - n_fail} pass examples)")
        for r in bad:
            for line in r.lines():
                print(f"     {line}")
        failed += bool(bad)
    passed = len(rules) - failed - untested
    if untested and allow_untested:
        print(f"{passed} passed, {failed} failed, {untested} untested")
    elif untested:
        failed += untested
        print(f"{passed} passed, {failed} failed (rules without tests fail unless --allow-untested)")
    else:
        print(f"{passed} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)
