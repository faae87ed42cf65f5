"""The language server (``voicelint lsp``): lints post files as the editor holds them, publishes
the findings as diagnostics and offers their fixes as quick fixes.

A document is linted when it is opened and saved, and 0.3 s after the last change while it is
edited (a draft is linted as typed, not once per keystroke). Its text is the editor's, never the
file on disk. Each file's policy is found as ``check`` finds it, the configuration from the file's
own directory up; compiled policies are kept until a file they were read from changes (checked
before every lint) or a policy file is saved in the editor. A policy that does not load is one
diagnostic on the document and one message, and the server goes on.

Only the command line imports this module, so voicelint starts without pygls.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from voicelint import __version__
from voicelint.config import CONFIG_FILES
from voicelint.errors import VoicelintError
from voicelint.files import inputs_read
from voicelint.model import Finding, SourceFile

if TYPE_CHECKING:  # the engine (spaCy) is imported by the lint thread, after the handshake
    from voicelint.report import Report
    from voicelint.runner import CheckOptions, PolicyResolver

SOURCE = "voicelint"
DEBOUNCE_SECONDS = 0.3
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# Characters a fix may not bring into a quoted or plain scalar of these formats unescaped.
_UNSAFE_IN = {".json": '"\\', ".yaml": "\"'\\#:", ".yml": "\"'\\#:", ".csv": '",'}
_RULE_HEADING = re.compile(r"^### `([^`]+)`", re.MULTILINE)

log = logging.getLogger(__name__)


def rule_links() -> dict[str, str]:
    """Each documented rule's link into docs/rules.md, where the docs are beside the package
    (a source checkout or an editable install); none elsewhere."""
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    try:
        text = docs.read_text(encoding="utf-8")
    except OSError:
        return {}
    base = docs.as_uri()
    # GitHub's anchor for a heading: lower case, punctuation but "-" and "_" dropped
    return {
        rule: f"{base}#{re.sub(r'[^a-z0-9 _-]', '', rule.lower()).replace(' ', '-')}"
        for rule in _RULE_HEADING.findall(text)
    }


def to_range(source: SourceFile, finding: Finding, units: Callable[[str], int]) -> types.Range:
    """The LSP range of a finding: voicelint's lines and columns are 1-based and count
    characters (code points); LSP's are 0-based and count the client's units (UTF-16 code units
    unless another encoding was agreed). Both break lines at CRLF, LF and a lone CR. A finding
    without extent (a file or post that cannot be read) covers its line."""

    def position(line: int, column: int) -> types.Position:
        text = source.line_text(line)
        return types.Position(line - 1, units(text[: max(column - 1, 0)]))

    start = position(finding.line, finding.column)
    end = position(finding.end_line, finding.end_column)
    if start == end:
        end = position(finding.line, len(source.line_text(finding.line)) + 1)
    return types.Range(start, end)


def safe_fix(source: SourceFile, finding: Finding, suffix: str) -> str | None:
    """The replacement a quick fix may write over the finding's range, or None: the range must
    hold the match verbatim (no escapes or folded lines in between), and the fix must need no
    escaping where it goes."""
    if finding.fix is None or finding.line != finding.end_line or "\n" in finding.fix:
        return None
    written = source.line_text(finding.line)[finding.column - 1 : finding.end_column - 1]
    if written != finding.match:
        return None
    if any(char in finding.fix for char in _UNSAFE_IN.get(suffix.lower(), "")):
        return None
    return finding.fix


@dataclass
class Published:
    """What was last published for a document: its version and the quick fix of each
    diagnostic that has one."""

    version: int | None
    fixes: list[tuple[types.Diagnostic, types.CodeAction]]


class Linter:
    """Lints one buffer at a time (spaCy and the compiled policies are shared) and keeps the
    policies of each configuration compiled until a file they were read from changes."""

    def __init__(self, options_for: Callable[[Path], CheckOptions]) -> None:
        self._options_for = options_for
        self._resolvers: dict[CheckOptions, PolicyResolver] = {}
        self._stamps: dict[str, tuple[int, int] | None] = {}
        self.generation = 0  # how many times the policies were dropped

    def lint(self, path: str, text: str) -> Report:
        """The report on ``text`` as the post file ``path``; raises VoicelintError when its
        configuration or policy does not load."""
        from voicelint.runner import PolicyResolver, check_buffer

        if any(_stamp(name) != stamp for name, stamp in self._stamps.items()):
            self.reload()
        options = self._options_for(Path(path).parent)
        resolver = self._resolvers.get(options) or PolicyResolver(options)
        try:
            report = check_buffer(path, text, options, resolver)
        except VoicelintError:
            self._resolvers.pop(options, None)  # nothing half-loaded is kept
            raise
        finally:
            for name in inputs_read():
                self._stamps.setdefault(name, _stamp(name))
        self._resolvers[options] = resolver
        return report

    def warm_up(self) -> None:
        """Load the language pipeline before the first document comes."""
        from voicelint.runner import CheckOptions, check_buffer

        check_buffer("warm-up.txt", "Warming up.", CheckOptions(paths=()))

    def reload(self) -> None:
        """Forget every compiled policy: the next lint loads them again."""
        self._resolvers.clear()
        self._stamps.clear()
        self.generation += 1

    def saved(self, path: str) -> bool:
        """Reload the policies when saving ``path`` may have changed one (a file a policy was
        read from, a configuration file, a YAML file in a policies folder); say whether it did."""
        name = os.path.basename(path)
        folder = Path(path).resolve().parent
        if (
            os.path.abspath(path) in inputs_read()
            or name in (*CONFIG_FILES, "pyproject.toml")
            or (
                name.endswith((".yaml", ".yml"))
                and any(
                    folder == Path(directory).resolve()
                    for options in self._resolvers
                    for directory in options.policy_dirs
                )
            )
        ):
            self.reload()
            return True
        return False


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class VoicelintServer(LanguageServer):
    """pygls' server with the linter, the documents' pending lints and what was published."""

    def __init__(self, options_for: Callable[[Path], CheckOptions]) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.linter = Linter(options_for)
        self.links = rule_links()
        # one thread lints, so the event loop keeps answering the editor meanwhile
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="voicelint-lint")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.published: dict[str, Published] = {}
        self.shown: set[str] = set()  # policy errors already shown as a message
        self.generation = 0  # the linter's, when they were shown

    def later(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, in place of a lint still waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.lint(uri, delay))

    async def lint(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            return  # an unsaved buffer has no place to find its policy from
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            report = await loop.run_in_executor(self.lint_thread, self.linter.lint, path, text)
        except VoicelintError as error:
            if uri in self.workspace.text_documents:
                self.publish(uri, version, [self.policy_error(uri, path, text, error)], [])
            return
        except Exception as error:  # a bug of ours: said once, and the server goes on
            log.exception("voicelint failed on %s", path)
            self.tell(f"voicelint: internal error on {path}: {type(error).__name__}: {error}")
            return
        if uri not in self.workspace.text_documents:
            return  # closed meanwhile
        if self.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile: a newer lint is on its way
        self.publish_report(uri, version, path, text, report)

    def publish_report(
        self, uri: str, version: int | None, path: str, text: str, report: Report
    ) -> None:
        source = SourceFile(path, text)
        units = self.workspace.get_text_document(uri).position_codec.client_num_units
        suffix = Path(path).suffix
        diagnostics, fixes = [], []
        for finding in report.ordered():
            diagnostic = types.Diagnostic(
                range=to_range(source, finding, units),
                message=finding.message,
                severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
                code=finding.rule,
                code_description=(
                    types.CodeDescription(href=self.links[finding.rule])
                    if finding.rule in self.links
                    else None
                ),
                source=SOURCE,
            )
            diagnostics.append(diagnostic)
            fix = safe_fix(source, finding, suffix)
            if fix is not None:
                fixes.append((diagnostic, quick_fix(uri, diagnostic, finding.match, fix)))
        self.publish(uri, version, diagnostics, fixes)

    def policy_error(
        self, uri: str, path: str, text: str, error: VoicelintError
    ) -> types.Diagnostic:
        """One diagnostic for a configuration or policy that does not load: at its line when the
        error is in this document (a post's unknown client), else on the first line."""
        here = error.path is not None and os.path.abspath(error.path) == os.path.abspath(path)
        line = (error.line or 1) if here else 1
        units = self.workspace.get_text_document(uri).position_codec.client_num_units
        self.tell(f"voicelint: {error}")
        return types.Diagnostic(
            range=types.Range(
                types.Position(line - 1, 0),
                types.Position(line - 1, units(SourceFile(path, text).line_text(line))),
            ),
            message=f"the policy could not be loaded, nothing was checked: {error}",
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
        )

    def tell(self, message: str) -> None:
        """Show a message once (not again at every lint until the policies are reloaded)."""
        if self.generation != self.linter.generation:
            self.generation = self.linter.generation
            self.shown.clear()
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )

    def publish(
        self,
        uri: str,
        version: int | None,
        diagnostics: list[types.Diagnostic],
        fixes: list[tuple[types.Diagnostic, types.CodeAction]],
    ) -> None:
        self.published[uri] = Published(version, fixes)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )


def build_server(options_for: Callable[[Path], CheckOptions]) -> VoicelintServer:
    """The server, its features registered; ``options_for(directory)`` gives the options
    ``check`` would lint a file of that directory with."""
    server = VoicelintServer(options_for)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        server.lint_thread.submit(server.linter.warm_up)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.later(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.later(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        # in the lint thread, so that no lint running meanwhile keeps the old policy
        loop = asyncio.get_running_loop()
        if path is not None and await loop.run_in_executor(
            server.lint_thread, server.linter.saved, path
        ):
            for other in list(server.workspace.text_documents):
                server.later(other, 0.0)
        else:
            server.later(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = server.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        server.published.pop(uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        published = server.published.get(uri)
        if (
            published is None
            or published.version != server.workspace.get_text_document(uri).version
        ):
            return []  # the ranges were computed for another text
        return [
            action
            for diagnostic, action in published.fixes
            if _overlaps(diagnostic.range, params.range)
        ]

    return server


def quick_fix(uri: str, diagnostic: types.Diagnostic, match: str, fix: str) -> types.CodeAction:
    """The quick fix that writes ``fix`` over the diagnostic's words."""
    return types.CodeAction(
        title=f'Replace "{match}" with "{fix}"',
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=types.WorkspaceEdit(
            changes={uri: [types.TextEdit(range=diagnostic.range, new_text=fix)]}
        ),
    )


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def serve(options_for: Callable[[Path], CheckOptions]) -> None:
    """Run the language server on stdin and stdout until the editor stops it."""
    build_server(options_for).start_io()
