"""factlint's language server driven by pytest-lsp's real LSP client (pygls), with the
capabilities that VS Code and Neovim send: open, diagnostics, a code action that fixes
the text, the change sent back, clean diagnostics."""

import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

FACTLINT = os.environ["FACTLINT_BIN"]
ARTICLE = "# 😀 “東京” report\n\nThe summit — in 東京 👍🏽 — opened on Monday, 29 November 2026.\n"
URI = "untitled:article.md"


def text_in(text: str, rng: types.Range, utf8: bool) -> str:
    line = text.split("\n")[rng.start.line]
    if utf8:
        raw = line.encode("utf-8")
        return raw[rng.start.character : rng.end.character].decode("utf-8")
    units = line.encode("utf-16-le")
    return units[2 * rng.start.character : 2 * rng.end.character].decode("utf-16-le")


def apply(text: str, edit: types.TextEdit, utf8: bool) -> str:
    lines = text.split("\n")
    line = lines[edit.range.start.line]
    enc = "utf-8" if utf8 else "utf-16-le"
    width = 1 if utf8 else 2
    raw = line.encode(enc)
    a, b = edit.range.start.character * width, edit.range.end.character * width
    lines[edit.range.start.line] = (raw[:a] + edit.new_text.encode(enc) + raw[b:]).decode(enc)
    return "\n".join(lines)


@pytest_lsp.fixture(
    params=["visual-studio-code", "neovim"],
    config=ClientServerConfig(server_command=[FACTLINT, "lsp", "--stdio"]),
)
async def client(request, lsp_client: LanguageClient):
    # VS Code's capabilities allow dynamic registration: factlint asks to watch its
    # configuration, rule and knowledge files, which an editor accepts.
    registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        registrations.extend(r.method for r in params.registrations)

    lsp_client.factlint_registrations = registrations
    params = types.InitializeParams(capabilities=client_capabilities(request.param))
    result = await lsp_client.initialize_session(params)
    lsp_client.factlint_utf8 = result.capabilities.position_encoding == "utf-8"
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_open_diagnose_fix_and_recheck(client: LanguageClient):
    utf8 = client.factlint_utf8
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=URI, language_id="markdown", version=1, text=ARTICLE
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    diags = client.diagnostics[URI]
    assert len(diags) == 1, diags
    d = diags[0]
    assert d.code == "date.weekday-mismatch"
    assert text_in(ARTICLE, d.range, utf8) == "Monday, 29 November 2026"

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d]),
        )
    )
    titles = [a.title for a in actions]
    assert len(actions) == 2, titles
    assert all("unsafe" in t for t in titles), titles
    fixed = apply(ARTICLE, actions[0].edit.changes[URI][0], utf8)
    assert "opened on Sunday, 29 November 2026." in fixed, fixed
    moved = apply(ARTICLE, actions[1].edit.changes[URI][0], utf8)
    assert "opened on Monday, 30 November 2026." in moved, moved

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=d.range.start)
    )
    assert "weekday" in hover.contents.value

    # As the user types: an edit that still has the error, then the fix.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert len(client.diagnostics[URI]) == 0, client.diagnostics[URI]
    if not utf8:  # VS Code's capabilities: the watchers were registered
        assert client.factlint_registrations == ["workspace/didChangeWatchedFiles"]
