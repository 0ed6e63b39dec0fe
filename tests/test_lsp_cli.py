"""``factcheck lsp`` on the command line: the README's editor settings, and the one-line error without pygls."""

from __future__ import annotations

import json
import sys

import pytest
from test_readme import blocks

from factcheck.cli import main


def test_readme_editor_settings_start_factcheck_lsp() -> None:
    (vscode,) = blocks("Editor integration", "json")
    settings = json.loads(vscode)
    assert [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]] == ["factcheck", "lsp"]
    assert {"markdown", "plaintext", "html"} <= set(settings["glspc.server.languageId"])
    (neovim,) = blocks("Editor integration", "lua")
    assert 'cmd = { "factcheck", "lsp" }' in neovim


def test_without_pygls_lsp_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # `import pygls` raises ImportError, as when not installed
    monkeypatch.setattr(sys, "argv", ["factcheck", "lsp"])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err == "factcheck: error: factcheck lsp needs pygls: pip install 'factcheck-news[lsp]'\n"
