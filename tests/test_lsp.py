"""``factcheck lsp`` end to end: a real server process over stdio, driven by pytest-lsp.

The seeds, copied to a temporary workspace, are the corpus: the misspelt
'Kim Long Un' in one seed is only a finding because the others write
'Kim Jong Un', so the diagnostic shows the server checks against the
workspace, and its quick fix, applied as an editor applies it, clears it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

KIM = "001_01d226c4d8e25899.txt"
SUNDAY = "000_018bb7910cb6849a.txt"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "factcheck", "lsp"]))
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="articles")]))
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text=path.read_text(encoding="utf-8"))))
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


def _kim(diags: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diags if "Kim Long Un" in d.message]


@pytest.mark.asyncio
async def test_misspelt_name_is_diagnosed_against_the_workspace_and_fixed(client: LanguageClient,
                                                                          workspace: Path) -> None:
    path = workspace / KIM
    uri = _open(client, path)
    (diag,) = _kim(await _diagnostics(client, uri))
    assert diag.code == "names/variant"
    assert diag.source == "factcheck"
    assert diag.severity == types.DiagnosticSeverity.Error
    line = path.read_text(encoding="utf-8").splitlines()[diag.range.start.line]
    assert line[diag.range.start.character:diag.range.end.character] == "Kim Long Un"
    related = diag.related_information or []
    assert related and all(r.location.uri != uri for r in related)
    seed = workspace / SUNDAY
    (hit,) = [r for r in related if r.location.uri == seed.as_uri()]
    other = seed.read_text(encoding="utf-8").splitlines()[hit.location.range.start.line]
    assert other[hit.location.range.start.character:hit.location.range.end.character] == "Kim Jong Un"

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    (action,) = [a for a in actions or [] if isinstance(a, types.CodeAction) and "Kim Jong Un" in a.title]
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    assert edit.new_text == "Kim Jong Un" and edit.range == diag.range

    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))
    after = await _diagnostics(client, uri)
    assert not _kim(after)
    assert any(d.code == "names/variant" and "Noth Korea" in d.message for d in after)  # the rest stays


@pytest.mark.asyncio
async def test_unsaved_text_takes_part_in_the_corpus(client: LanguageClient, workspace: Path) -> None:
    """A misspelling typed into a buffer is diagnosed before it is saved."""
    path = workspace / SUNDAY
    uri = _open(client, path)
    before = await _diagnostics(client, uri)
    assert not [d for d in before if "Kim Jung Un" in d.message]
    text = path.read_text(encoding="utf-8")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(
            text=text + "\nLeader Kim Jung Un said nothing.\n")]))
    after = await _diagnostics(client, uri)
    assert [d for d in after if "Kim Jung Un" in d.message and d.code == "names/variant"]


@pytest.mark.asyncio
async def test_hover_on_a_relative_date_shows_the_resolved_date(client: LanguageClient, workspace: Path) -> None:
    path = workspace / SUNDAY
    uri = _open(client, path)
    await _diagnostics(client, uri)
    lines = path.read_text(encoding="utf-8").splitlines()
    (n,) = [i for i, line in enumerate(lines) if "said on Sunday that" in line]
    col = lines[n].index("Sunday") + 2
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=n, character=col)))
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "2019-12-29" in hover.contents.value and "Sunday" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=n, character=0)))
    assert nothing is None  # no claim under the cursor, no hover

    # Asked right after an edit, inside the debounce window: the answer is about the edited text.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            text="Two new lines\nabove.\n")]))
    moved = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=n + 2, character=col)))
    assert moved is not None and isinstance(moved.contents, types.MarkupContent)
    assert "2019-12-29" in moved.contents.value
