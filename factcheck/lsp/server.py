"""The language server: buffers in, diagnostics, quick fixes and hovers out.

Diagnostics are computed when a document opens and, debounced by
:data:`DEBOUNCE` seconds, after it changes: typing a word re-checks once the
typing pauses, not once per key.  Each workspace folder has its own
:class:`~factcheck.lsp.corpus.WorkspaceCorpus` (its own config, its own
cache); a file outside every folder is checked against its own folder.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from factcheck import __version__
from factcheck.claims.base import Claim, DocumentTimeout
from factcheck.documents import TEXT_SUFFIXES
from factcheck.errors import FactcheckError
from factcheck.lsp.convert import LineText, UriOf, _quick_fix, describe_claim, lsp_range, position, to_diagnostic
from factcheck.lsp.corpus import Checked, WorkspaceCorpus

#: seconds of quiet after a change before the buffer is checked again
DEBOUNCE = 0.3


@dataclass
class _State:
    checked: Checked
    corpus: WorkspaceCorpus
    version: int | None
    _claims: list[Claim] | None = None

    def claims(self) -> list[Claim]:
        """Every claim of the checked text (for hover), extracted on the first hover only."""
        if self._claims is None:
            self._claims = self.corpus.all_claims(self.checked.doc, self.checked.claims)
        return self._claims


class FactcheckServer(LanguageServer):
    """pygls server holding the corpora, the pending re-checks and each buffer's last result."""

    def __init__(self) -> None:
        super().__init__("factcheck", __version__)
        self.corpora: dict[Path, WorkspaceCorpus] = {}
        self.results: dict[str, _State] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.failed: set[Path] = set()
        self.lock = asyncio.Lock()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def corpus_for(self, path: Path) -> WorkspaceCorpus | None:
        """The corpus of the deepest workspace folder holding ``path`` (else its own folder).

        A broken config is shown once as an error message, and the folder is not checked
        until the server restarts (a diagnostic on every keystroke would only repeat it).
        """
        roots = [Path(p) for f in self.workspace.folders.values() if (p := to_fs_path(f.uri))]
        if not roots and self.workspace.root_path:
            roots = [Path(self.workspace.root_path)]
        inside = [r for r in roots if path.is_relative_to(r)]
        root = max(inside, key=lambda r: len(r.parts)) if inside else path.parent
        if root not in self.corpora and root not in self.failed:
            try:
                self.corpora[root] = WorkspaceCorpus.discover(root)
            except FactcheckError as exc:
                self.failed.add(root)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                 message=f"factcheck: {exc}"))
        return self.corpora.get(root)

    async def check(self, uri: str) -> None:
        """Check one open buffer against its corpus and publish the diagnostics.

        The check runs in a worker thread (the reduce step over a large corpus takes
        seconds), so the server keeps answering meanwhile; one check runs at a time,
        since the corpus's cache is not shared between threads.
        """
        fs = to_fs_path(uri)
        if fs is None or Path(fs).suffix.lower() not in TEXT_SUFFIXES:
            return
        path = Path(fs)
        async with self.lock:
            corpus = self.corpus_for(path)
            doc = self.workspace.text_documents.get(uri)
            if corpus is None or doc is None:  # a broken config, or closed while waiting
                return
            version, text = doc.version, doc.source
            buffers = {Path(p): d.source for u, d in self.workspace.text_documents.items()
                       if u != uri and (p := to_fs_path(u))}
            try:
                checked = await asyncio.to_thread(corpus.check, path, text, buffers)
            except DocumentTimeout:
                budget = corpus.config.document_timeout
                self.window_log_message(types.LogMessageParams(
                    type=types.MessageType.Warning,
                    message=f"factcheck: {path.name}: not checked: analysis took longer than document_timeout "
                            f"({budget:g} s)"))
                return
            if uri not in self.workspace.text_documents:
                return  # closed meanwhile: its diagnostics were cleared
            self.results[uri] = _State(checked, corpus, version)
            diagnostics = [to_diagnostic(f, _lines(checked), _uris(checked), self.encoding)
                           for f in checked.findings]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=version))

    async def current(self, uri: str) -> _State | None:
        """The last check of ``uri``, re-run first when the buffer changed since (a request that
        arrives inside the debounce window must not get ranges of the text before the edit)."""
        state = self.results.get(uri)
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and (state is None or state.version != doc.version):
            self._cancel(uri)
            await self.check(uri)
            state = self.results.get(uri)
        return state if state is not None and doc is not None and state.version == doc.version else None

    def _cancel(self, uri: str) -> None:
        """Cancel a re-check still waiting out its debounce (one already checking runs to its end)."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def schedule(self, uri: str) -> None:
        """Check ``uri`` after :data:`DEBOUNCE` seconds without another change."""
        self._cancel(uri)

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.pending.pop(uri, None)  # from here on, not cancelled by a newer change
            await self.check(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())


def _lines(checked: Checked) -> LineText:
    def line_text(path: str, line: int) -> str:
        doc = checked.documents.get(path)
        if doc is None or line < 1:
            return ""
        try:
            return doc.line_text(line)
        except IndexError:
            return ""
    return line_text


def _uris(checked: Checked) -> UriOf:
    def uri_of(path: str) -> str:
        p = checked.files.get(path, Path(path))
        return from_fs_path(str(p.resolve())) or p.resolve().as_uri()
    return uri_of


server = FactcheckServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    await ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls._cancel(uri)
    ls.results.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
async def code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes for the findings under the cursor (or selection) that have a safe edit."""
    uri = params.text_document.uri
    state = await ls.current(uri)
    if state is None:
        return []
    checked = state.checked
    lines, uris = _lines(checked), _uris(checked)
    actions = []
    for f in checked.findings:
        fix = _quick_fix(f)
        if fix is None:
            continue
        where, new_text = fix
        rng = lsp_range(where, lines, ls.encoding)
        if not _overlaps(rng, params.range):
            continue
        actions.append(types.CodeAction(
            title=f"Replace '{where.excerpt}' with '{new_text}'", kind=types.CodeActionKind.QuickFix,
            diagnostics=[to_diagnostic(f, lines, uris, ls.encoding)], is_preferred=True,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=rng, new_text=new_text)]})))
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
    """The claims under the cursor, as the extractor normalised them (from the last check's document)."""
    state = await ls.current(params.text_document.uri)
    if state is None:
        return None
    doc = state.checked.doc
    lines = _lines(state.checked)
    hits = []
    for claim in state.claims():
        line, col, end_line, end_col, _excerpt = doc.locate(claim.start, claim.end)
        rng = types.Range(start=position(lines(doc.path, line), line, col, ls.encoding),
                          end=position(lines(doc.path, end_line), end_line, end_col, ls.encoding))
        if _overlaps(rng, types.Range(start=params.position, end=params.position)):
            hits.append((rng, describe_claim(claim)))
    if not hits:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value="\n\n---\n\n".join(h for _r, h in hits)),
                       range=hits[0][0])


def run() -> None:
    """Serve on stdin/stdout until the client says exit."""
    server.start_io()
