"""``factcheck docs``, ``claims``, ``stories`` and ``lsp``: what the pipeline read, shown stage by stage."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from factcheck.cli.common import (
    CLAIM_KINDS,
    ConfigOpt,
    ExcludeOpt,
    FollowOpt,
    MaxSizeOpt,
    _choices,
    _config,
    _fail,
    _load_documents,
    _size_flag,
    _warn,
    app,
)
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.safetext import shown

if TYPE_CHECKING:
    from factcheck.claims.base import Claim
    from factcheck.documents import Document
    from factcheck.facts import Facts


@app.command(epilog="Example: factcheck docs articles/ --format json")
def docs(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("text", "json"), help="Output format.")] = "text",
    exclude: ExcludeOpt = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """Show each document's title, publication date (with its source), language and URL."""
    try:
        if fmt not in ("text", "json"):
            raise FactcheckError(f"--format must be text or json, not {fmt!r}")
        config = _config(config_path, exclude=exclude, follow_symlinks=follow_symlinks or None,
                         max_size=_size_flag(max_size))
        rows = []
        for doc in _load_documents(paths, config):
            dates = sorted({c.date for c in doc.date_candidates})
            rows.append({"path": doc.path, "title": doc.title,
                         "date": doc.pub_date.isoformat() if doc.pub_date else None,
                         "date_source": doc.date_source, "lang": doc.lang, "lang_source": doc.lang_source,
                         "url": doc.url,
                         "date_conflict": len(dates) > 1,
                         "date_evidence": [{"source": c.source, "date": c.date.isoformat(), "detail": c.detail}
                                           for c in doc.date_candidates]})
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(json.dumps({"version": 1, "documents": rows}, indent=2, ensure_ascii=False) + "\n")
        return
    for r in rows:
        date = r["date"] or "unknown"
        src = f" ({r['date_source']})" if r["date_source"] else ""
        conflict = "  DATE SOURCES DISAGREE" if r["date_conflict"] else ""
        lang = f"{r['lang']} ({r['lang_source']})"
        print(shown(f"{r['path']}\t{date}{src}\t{lang}\t{r['title'] or ''}\t{r['url'] or ''}") + conflict)


@app.command(epilog="Example: factcheck claims seeds/ --kind date --format csv")
def claims(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    kind: Annotated[list[str] | None, typer.Option("--kind", metavar=_choices(*CLAIM_KINDS),
                                                   help="Only claims of this kind (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("table", "json", "csv"),
                                     help="Output format.")] = "table",
    exclude: ExcludeOpt = None,
    follow_symlinks: FollowOpt = False,
    max_size: MaxSizeOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """List every checkable claim: numbers, counts, votes, dates, names, quotes, lists."""
    from factcheck.claims.base import KINDS, DocumentTimeout, extract_all
    from factcheck.collector import collect_young, young_only
    from factcheck.engine import timeout_warning
    from factcheck.report.claims import render_claims

    try:
        if fmt not in ("table", "json", "csv"):
            raise FactcheckError(f"--format must be table, json or csv, not {fmt!r}")
        for k in kind or ():
            if k not in KINDS:
                raise FactcheckError(f"--kind must be one of {', '.join(KINDS)}, not {k!r}")
        config = _config(config_path, exclude=exclude, follow_symlinks=follow_symlinks or None,
                         max_size=_size_flag(max_size))
        items = []
        budget = config.document_timeout
        # Every document and its claims are kept to the end, as in a scan: the collector's full
        # collections would walk them again and again (see factcheck.collector).
        with young_only():
            for doc in _load_documents(paths, config):
                try:
                    found = extract_all(doc, deadline=time.monotonic() + budget if budget > 0 else None)
                except DocumentTimeout:
                    print(f"factcheck: warning: {timeout_warning(doc.path, budget)}", file=sys.stderr)
                    continue
                items.append((doc, found))
                collect_young()
            facts = _claim_facts(items, config) if fmt == "json" else None
        if kind:
            items = [(doc, [c for c in found if c.kind in kind]) for doc, found in items]
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write(render_claims(items, fmt, facts))


def _claim_facts(items: Sequence[tuple[Document, Sequence[Claim]]], config: Config) -> Facts:
    """The fact keys ``factcheck claims --format json`` shows: the stories of the listed documents
    (with the config's pins), from all their claims before ``--kind`` filters them."""
    from factcheck.facts import build_facts
    from factcheck.stories import build_stories

    docs = [doc for doc, _found in items]
    claims = {doc.path: found for doc, found in items}
    pins = {doc.path: pin for doc in docs if (pin := config.story_pin(doc.path)) is not None}
    return build_facts(docs, claims, build_stories(docs, claims, pins))


@app.command(epilog="Example: factcheck stories articles/ --format json")
def stories(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files or folders.")],
    fmt: Annotated[str, typer.Option("--format", metavar=_choices("table", "json"),
                                     help="Output format.")] = "table",
    exclude: ExcludeOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """Group documents into stories (reports of one real-world event): names, dates, and why each belongs."""
    from factcheck.corpus_stories import build_corpus_stories

    try:
        if fmt not in ("table", "json"):
            raise FactcheckError(f"--format must be table or json, not {fmt!r}")
        config = _config(config_path, exclude=exclude)
        found, warnings = build_corpus_stories(paths, config)
    except FactcheckError as exc:
        raise _fail(str(exc)) from None
    for warning in warnings:
        _warn(warning)
    if fmt == "json":
        sys.stdout.write(json.dumps(found.as_json(), indent=2, ensure_ascii=False) + "\n")
        return
    lines: list[str] = []
    for story in found:
        n = len(story.documents)
        lines.append(f"{story.id}  ({n} document{'s' if n != 1 else ''})")
        lines.append(f"  names: {', '.join(story.names) or '-'}")
        lines.append(f"  dates: {', '.join(story.dates) or '-'}")
        for path in story.documents:
            lines.append(f"  {path}  {story.why[path].describe(n - 1)}")
    sys.stdout.write("".join(shown(line) + "\n" for line in lines))  # names and paths come from the articles


@app.command(epilog="Example: factcheck lsp (started by an editor; see the README's \"Editor integration\")")
def lsp() -> None:
    """Run the language server on stdin/stdout: diagnostics, quick fixes and hovers in an editor."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise _fail("factcheck lsp needs pygls: pip install 'factcheck-news[lsp]'") from None
    from factcheck.lsp.server import run

    run()
