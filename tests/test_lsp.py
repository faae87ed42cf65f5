"""The language server (`voicelint lsp`), driven over stdio by a real LSP client (pytest-lsp):
diagnostics as `check` gives them, updated on change, positions in the client's units, quick
fixes, and a broken policy that does not stop it."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_asyncio = pytest.importorskip("pytest_asyncio")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from voicelint.lsp import safe_fix, to_range  # noqa: E402
from voicelint.model import Finding, SourceFile  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "voicelint", "lsp"])
TIMEOUT = 120  # the first lint loads the language pipeline, on a busy machine
EMOJI_POST = "Thanks all!\n🎉🎉 Earn guaranteed returns today.\n"

# the tests share one server (it loads the language pipeline once)
in_server = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content repo: the shipped policies, a configuration that gives acme/ to acme-bank, and a
    broken/ folder whose policy does not load."""
    root = tmp_path_factory.mktemp("content")
    shutil.copytree(REPO / "policies", root / "policies")
    (root / "voicelint.yaml").write_text(
        'policies: policies\nclients:\n  "acme/**": acme-bank\n', encoding="utf-8"
    )
    (root / "acme").mkdir()
    shutil.copy(REPO / "examples" / "acme-bank" / "week48.yaml", root / "acme" / "week48.yaml")
    (root / "acme" / "emoji.txt").write_text(EMOJI_POST, encoding="utf-8")
    broken = root / "broken"
    (broken / "policies").mkdir(parents=True)
    (broken / "voicelint.yaml").write_text("policies: policies\nclient: acme\n", encoding="utf-8")
    (broken / "policies" / "acme.yaml").write_text("client: acme\nvoyce: {}\n", encoding="utf-8")
    (broken / "post.txt").write_text("Earn guaranteed returns.\n", encoding="utf-8")
    return root


async def _start(capabilities: str):
    client = await SERVER.start()
    await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities(capabilities))
    )
    return client


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(project: Path):
    """A client with VS Code's capabilities (positions in UTF-16 code units)."""
    lsp = await _start("visual-studio-code")
    yield lsp
    await lsp.shutdown_session()
    await lsp.stop()


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for ``uri`` (the caller has forgotten the last ones)."""
    for _ in range(TIMEOUT * 20):
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri}")


async def _open(client: LanguageClient, path: Path, text: str | None = None, version: int = 1):
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri=uri,
                language_id="plaintext",
                version=version,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return uri, await _diagnostics(client, uri)


async def _change(client: LanguageClient, uri: str, text: str, version: int):
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await _diagnostics(client, uri)


def _utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def _checked(project: Path, relative: str) -> set[tuple]:
    """What `voicelint check` says of the file, as LSP ranges in UTF-16 units."""
    run = subprocess.run(
        [sys.executable, "-m", "voicelint", "check", "--format", "json", "--no-cache", relative],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    lines = (project / relative).read_text(encoding="utf-8").split("\n")
    return {
        (
            f["rule"],
            f["line"] - 1,
            _utf16(lines[f["line"] - 1], f["column"]),
            f["end_line"] - 1,
            _utf16(lines[f["end_line"] - 1], f["end_column"]),
        )
        for f in json.loads(run.stdout)["findings"]
    }


def _seen(diagnostics: list[types.Diagnostic]) -> set[tuple]:
    return {
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    }


@in_server
async def test_open_gives_the_diagnostics_check_gives(client: LanguageClient, project: Path):
    _uri, diagnostics = await _open(client, project / "acme" / "week48.yaml")
    expected = _checked(project, "acme/week48.yaml")
    assert {rule for rule, *_ in expected} >= {
        "claims.finance.guaranteed-return",
        "tone.preferred-term",
    }
    assert _seen(diagnostics) == expected
    for diagnostic in diagnostics:
        assert diagnostic.source == "voicelint"
        assert diagnostic.message
    severities = {d.code: d.severity for d in diagnostics}
    assert severities["claims.finance.guaranteed-return"] == types.DiagnosticSeverity.Error
    assert severities["tone.preferred-term"] == types.DiagnosticSeverity.Warning
    linked = next(d for d in diagnostics if d.code == "claims.finance.guaranteed-return")
    if (REPO / "docs" / "rules.md").is_file():
        assert linked.code_description is not None
        assert linked.code_description.href.endswith("docs/rules.md#claimsfinanceguaranteed-return")


@in_server
async def test_positions_count_utf16_code_units_after_an_emoji(
    client: LanguageClient, project: Path
):
    _uri, diagnostics = await _open(client, project / "acme" / "emoji.txt")
    claim = next(d for d in diagnostics if d.code == "claims.finance.guaranteed-return")
    # "🎉🎉 Earn " is 8 characters and 10 UTF-16 code units: each emoji is a surrogate pair
    assert claim.range == types.Range(types.Position(1, 10), types.Position(1, 28))
    assert _seen(diagnostics) == _checked(project, "acme/emoji.txt")


@in_server
async def test_the_editors_text_is_linted_not_the_file_and_a_change_updates_it(
    client: LanguageClient, project: Path
):
    path = project / "acme" / "draft.txt"
    path.write_text("A calm update about our branch hours.\n", encoding="utf-8")
    uri, diagnostics = await _open(client, path, "Earn guaranteed returns with us.\n")
    assert [d.code for d in diagnostics] == ["claims.finance.guaranteed-return"]
    assert diagnostics[0].range.start == types.Position(0, 5)
    diagnostics = await _change(
        client, uri, "Our branch opens at nine.\nEarn risk-free returns.", 2
    )
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("claims.finance.risk-free", 1)]
    diagnostics = await _change(client, uri, "Our branch opens at nine.\n", 3)
    assert diagnostics == []


@in_server
async def test_a_quick_fix_replaces_the_preferred_term(client: LanguageClient, project: Path):
    path = project / "acme" / "fix.txt"
    text = "🎉 Sign up in two minutes.\n"
    uri, diagnostics = await _open(client, path, text)
    swap = next(d for d in diagnostics if d.code == "tone.preferred-term")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(swap.range.start, swap.range.start),
            context=types.CodeActionContext(diagnostics=[swap]),
        )
    )
    assert actions
    action = actions[0]
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.title == 'Replace "Sign up" with "Open an account"'
    [edit] = action.edit.changes[uri]
    assert edit.range == swap.range
    assert edit.range.start == types.Position(0, 3)  # after one emoji: two UTF-16 units and a space
    fixed = _apply(text, edit)
    assert fixed == "🎉 Open an account in two minutes.\n"
    diagnostics = await _change(client, uri, fixed, 2)
    assert "tone.preferred-term" not in {d.code for d in diagnostics}


def _apply(text: str, edit: types.TextEdit) -> str:
    """A single-line edit applied as an editor applies it, in UTF-16 code units."""
    line = text.split("\n")[edit.range.start.line]
    units = line.encode("utf-16-le")
    start, end = edit.range.start.character * 2, edit.range.end.character * 2
    new_line = (units[:start] + edit.new_text.encode("utf-16-le") + units[end:]).decode("utf-16-le")
    lines = text.split("\n")
    lines[edit.range.start.line] = new_line
    return "\n".join(lines)


@in_server
async def test_a_broken_policy_is_one_diagnostic_and_the_server_goes_on(
    client: LanguageClient, project: Path
):
    post = project / "broken" / "post.txt"
    client.messages.clear()
    uri, diagnostics = await _open(client, post)
    assert len(diagnostics) == 1
    assert "voyce" in diagnostics[0].message
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error
    assert diagnostics[0].source == "voicelint"
    assert any("voyce" in message.message for message in client.messages)
    # the server still lints other files
    _other, others = await _open(client, project / "acme" / "emoji.txt", version=5)
    assert "claims.finance.guaranteed-return" in {d.code for d in others}
    # the policy is fixed and saved: it is loaded again, and the post is checked
    policy = project / "broken" / "policies" / "acme.yaml"
    policy.write_text("client: acme\nextends: [finance]\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(policy.as_uri()))
    )
    diagnostics = await _diagnostics(client, uri)
    assert [d.code for d in diagnostics] == ["claims.finance.guaranteed-return"]


@in_server
async def test_a_policy_changed_on_disk_is_loaded_again_at_the_next_lint(
    client: LanguageClient, project: Path
):
    folder = project / "reload"
    (folder / "policies").mkdir(parents=True)
    (folder / "voicelint.yaml").write_text("policies: policies\nclient: acme\n", encoding="utf-8")
    policy = folder / "policies" / "acme.yaml"
    policy.write_text("client: acme\n", encoding="utf-8")
    uri, diagnostics = await _open(client, folder / "post.txt", "Earn guaranteed returns.\n")
    assert "claims.finance.guaranteed-return" not in {d.code for d in diagnostics}
    policy.write_text("client: acme\nextends: [finance]\n# longer\n", encoding="utf-8")
    diagnostics = await _change(client, uri, "Earn guaranteed returns!\n", 2)
    assert "claims.finance.guaranteed-return" in {d.code for d in diagnostics}


@in_server
async def test_a_file_that_holds_no_posts_has_no_diagnostics(client: LanguageClient, project: Path):
    path = project / "acme" / "README.md"
    _uri, diagnostics = await _open(client, path, "# Guaranteed returns\n\nNotes for the team.\n")
    assert diagnostics == []


@in_server
async def test_positions_follow_the_encoding_the_client_asks_for(project: Path):
    """Neovim 0.11 offers UTF-8 first: positions are then bytes."""
    nvim = await _start("neovim@v0.11.0")
    try:
        _uri, diagnostics = await _open(nvim, project / "acme" / "emoji.txt")
        claim = next(d for d in diagnostics if d.code == "claims.finance.guaranteed-return")
        # two 4-byte emoji, a space and "Earn "
        assert claim.range.start == types.Position(1, 14)
    finally:
        await nvim.shutdown_session()
        await nvim.stop()


def test_ranges_convert_characters_to_the_clients_units():
    source = SourceFile("p.txt", "ok\r\n👍🏽 x guaranteed\rnext")
    finding = _finding(line=2, column=6, end_line=2, end_column=16, match="guaranteed")
    utf16 = to_range(source, finding, lambda s: len(s.encode("utf-16-le")) // 2)
    assert utf16 == types.Range(types.Position(1, 7), types.Position(1, 17))
    utf32 = to_range(source, finding, len)
    assert utf32 == types.Range(types.Position(1, 5), types.Position(1, 15))
    whole_line = to_range(source, _finding(line=3, column=1, end_line=3, end_column=1), len)
    assert whole_line == types.Range(types.Position(2, 0), types.Position(2, 4))


def test_a_fix_is_offered_only_where_it_can_be_written_as_is():
    source = SourceFile("p.yaml", 'text: "Sign up \\u00e9 now"\n')
    plain = _finding(line=1, column=8, end_line=1, end_column=15, match="Sign up", fix="Join")
    assert safe_fix(source, plain, ".yaml") == "Join"
    quoted = _finding(line=1, column=8, end_line=1, end_column=15, match="Sign up", fix='Say "hi"')
    assert safe_fix(source, quoted, ".yaml") is None
    escaped = _finding(line=1, column=16, end_line=1, end_column=22, match="é", fix="e")
    assert safe_fix(source, escaped, ".yaml") is None


def _finding(**place) -> Finding:
    values = {"match": "", "fix": None, **place}
    return Finding(
        path="p",
        post="1",
        client=None,
        rule="r",
        category="tone",
        severity="warning",
        message="m",
        start=0,
        end=0,
        **values,
    )


def test_without_pygls_lsp_is_one_line_and_exit_2():
    blocked = (
        "import sys; sys.modules['pygls'] = None; "
        "from voicelint.cli import main; sys.argv = ['voicelint', 'lsp']; main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1
    assert "install voicelint[lsp]" in run.stderr


def test_voicelint_starts_without_importing_pygls():
    probe = "import sys, voicelint.cli; print('pygls' in sys.modules, 'lsprotocol' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]


def test_a_policy_is_compiled_once_and_again_when_its_file_changes(tmp_path, monkeypatch):
    import voicelint.runner as runner
    from voicelint.lsp import Linter

    compiled = []

    def counting(policy):
        compiled.append(policy.client)
        return original(policy)

    original = runner.compile_policy
    monkeypatch.setattr(runner, "compile_policy", counting)
    policy = tmp_path / "acme.yaml"
    policy.write_text("client: acme\n", encoding="utf-8")
    linter = Linter(lambda directory: runner.CheckOptions(paths=(), policy_file=policy, jobs=1))
    post = str(tmp_path / "post.txt")
    for text in ("Earn guaranteed returns.", "Earn guaranteed returns!", "Hello."):
        assert "claims.finance.guaranteed-return" not in {
            f.rule for f in linter.lint(post, text).findings
        }
    assert compiled == ["acme"]
    policy.write_text("client: acme\nextends: [finance]\n", encoding="utf-8")
    found = {f.rule for f in linter.lint(post, "Earn guaranteed returns.").findings}
    assert "claims.finance.guaranteed-return" in found
    assert compiled == ["acme", "acme"]
