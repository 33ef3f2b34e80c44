"""`orgdiag lsp` driven by a real Language Server Protocol client (pytest-lsp) over the default pack.

Run by scripts/test after the Swift tests: `python3 -m pytest Tests/LanguageServer`. The server is
the binary in ORGDIAG_BINARY (default: the debug build). Edits stay in the editor's memory: the
pack's files on disk are never written.
"""
import asyncio
import os
import pathlib
import time

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
GOVERNANCE = RULES / "diagnostics" / "governance.yaml"
BINARY = os.environ.get("ORGDIAG_BINARY", str(ROOT / ".build" / "debug" / "orgdiag"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=RULES.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics_of(client: LanguageClient, uri: str, before=None):
    """Waits (10 s at most) until the server publishes diagnostics for `uri` other than `before`
    (the list the client held before the edit), and returns them with the time they came."""
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        current = client.diagnostics.get(uri)
        if current is not None and current is not before:
            return current, time.perf_counter()
        await asyncio.sleep(0.002)
    raise AssertionError(f"no diagnostics published for {uri}")


def position_of(text: str, needle: str, line_hint: str) -> types.Position:
    """The position of `needle` on the first line containing `line_hint`."""
    for number, line in enumerate(text.split("\n")):
        if line_hint in line:
            return types.Position(line=number, character=line.index(needle))
    raise AssertionError(f"no line holds {line_hint!r}")


def open_governance(client: LanguageClient) -> str:
    text = GOVERNANCE.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=GOVERNANCE.as_uri(), language_id="yaml", version=1, text=text)
        )
    )
    return text


async def test_a_typo_gets_its_diagnostic_at_its_place_and_the_fix_clears_it(client: LanguageClient):
    uri = GOVERNANCE.as_uri()
    text = open_governance(client)
    opened, _ = await diagnostics_of(client, uri)
    assert [d for d in opened if d.severity == types.DiagnosticSeverity.Error] == []

    typo = text.replace("when: not named_sponsor", "when: not named_sponsr", 1)
    started = time.perf_counter()
    before = client.diagnostics.get(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=typo)],
        )
    )
    found, arrived = await diagnostics_of(client, uri, before)
    latency_ms = (arrived - started) * 1000
    print(f"\ndiagnostics of a typed edit came back in {latency_ms:.1f} ms")
    errors = [d for d in found if d.severity == types.DiagnosticSeverity.Error]
    assert len(errors) == 1, errors
    error = errors[0]
    start = position_of(typo, "named_sponsr", "when: not named_sponsr")
    assert error.range.start == start
    assert error.range.end == types.Position(line=start.line, character=start.character + len("named_sponsr"))
    assert "named_sponsr" in error.message and error.source == "orgdiag"
    assert error.code.startswith("pack.")

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=error.range,
            context=types.CodeActionContext(diagnostics=[error]),
        )
    )
    fixes = [a for a in actions if "named_sponsor" in a.title]
    assert fixes, [a.title for a in actions]
    edit = fixes[0].edit.changes[uri][0]
    assert edit.new_text == "named_sponsor" and edit.range == error.range
    lines = typo.split("\n")
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = line[: edit.range.start.character] + edit.new_text + line[edit.range.end.character:]
    before = client.diagnostics.get(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
        )
    )
    fixed, _ = await diagnostics_of(client, uri, before)
    assert [d for d in fixed if d.severity == types.DiagnosticSeverity.Error] == []


async def test_completion_offers_the_packs_names(client: LanguageClient):
    uri = GOVERNANCE.as_uri()
    text = open_governance(client)
    await diagnostics_of(client, uri)
    spot = position_of(text, "named_sponsor", "when: not named_sponsor")
    typed = types.Position(line=spot.line, character=spot.character + len("named_sp"))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=typed)
    )
    labels = {item.label: item for item in result.items}
    assert "named_sponsor" in labels
    assert labels["named_sponsor"].kind == types.CompletionItemKind.Variable
    assert all(label.lower().startswith("named_sp") for label in labels)


async def test_hover_definition_and_references_of_a_fact(client: LanguageClient):
    uri = GOVERNANCE.as_uri()
    text = open_governance(client)
    await diagnostics_of(client, uri)
    spot = position_of(text, "named_sponsor", "when: not named_sponsor")
    document = types.TextDocumentIdentifier(uri=uri)

    hover = await client.text_document_hover_async(types.HoverParams(text_document=document, position=spot))
    assert "**named_sponsor** — fact, boolean" in hover.contents.value
    assert "facts.yaml" in hover.contents.value

    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=document, position=spot))
    facts = (RULES / "facts.yaml").read_text(encoding="utf-8").split("\n")
    assert definition.uri == (RULES / "facts.yaml").as_uri()
    assert facts[definition.range.start.line].strip().startswith("named_sponsor:")

    references = await client.text_document_references_async(
        types.ReferenceParams(text_document=document, position=spot, context=types.ReferenceContext(include_declaration=True))
    )
    places = {(pathlib.Path(r.uri.removeprefix("file://")).name, r.range.start.line) for r in references}
    assert ("facts.yaml", definition.range.start.line) in places
    assert ("governance.yaml", spot.line) in places
    assert len(places) >= 4


def server_rss_kb(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().split("\n"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def test_a_burst_of_a_thousand_edits_on_the_largest_file(client: LanguageClient):
    """1,000 edits in a burst on the default pack's largest file, a hover after every tenth: every
    hover answered, the diagnostics those of the last edit, the server's memory flat."""
    largest = max(RULES.rglob("*.yaml"), key=lambda path: path.stat().st_size)
    uri = largest.as_uri()
    text = largest.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text))
    )
    await diagnostics_of(client, uri)
    pid = client._server.pid
    rss_before = server_rss_kb(pid)
    first_id = text.split("\n")[1].strip()  # the line after the section key: an id with its colon
    hover_at = position_of(text, first_id, first_id)
    latencies = []
    pending = []
    for version in range(2, 1002):
        # Each edit adds a comment line at the end; the last one also breaks the YAML.
        edited = text + f"# edit {version}\n" + ("broken: [unclosed\n" if version == 1001 else "")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
            )
        )
        if version % 10 == 0:
            started = time.perf_counter()
            request = client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=hover_at)
            )
            pending.append((started, asyncio.ensure_future(request)))
    for started, future in pending:
        await asyncio.wait_for(future, 30)
        latencies.append((time.perf_counter() - started) * 1000)
    before = client.diagnostics.get(uri)
    found, _ = await diagnostics_of(client, uri, before) if not any(
        d.source == "orgdiag" and d.severity == types.DiagnosticSeverity.Error for d in (before or [])
    ) else (before, 0)
    assert any(d.severity == types.DiagnosticSeverity.Error for d in found), "the last edit's error is published"
    assert len(latencies) == 100
    latencies.sort()
    p99 = latencies[98]
    rss_after = server_rss_kb(pid)
    print(f"\n1,000 edits of {largest.name}: hover p50 {latencies[49]:.0f} ms, p99 {p99:.0f} ms (answered after the "
          f"burst was sent); server RSS {rss_before // 1024} MB before, {rss_after // 1024} MB after")
    assert rss_after < rss_before + 100 * 1024
