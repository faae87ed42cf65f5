"""Apply the fixes findings carry to the files they came from, rewriting only the changed words.

``check --fix`` and ``check --diff`` run here, after a check: the fixable findings of each file
are placed in the file's own text, replaced there, and the result is read back by the same reader
before anything is written. The steps, each a function:

1. ``plan_fixes``: re-read each file that has a finding with a fix (its bytes, kept to compare at
   write time), find the post of each finding again and check that it still says what the check
   saw; map the finding's span from the post's text to the file through the post's ``TextMap``.
   Only a span the file holds verbatim (one run of the map, and the same characters) is fixed:
   words written with an escape, across a folded line or a doubled quote are reported ("fix not
   applied: ..."), never guessed at.
2. Write the replacement the way the file's syntax wants it: a JSON string escapes ``"`` and
   ``\\`` (and non-ASCII as ``\\uXXXX`` when the file is all ASCII, as ``json.dumps`` writes it);
   a YAML scalar takes it plainly, or escaped for a double-quoted scalar, or with ``''`` for a
   single-quoted one; a CSV cell doubles a ``"`` when quoted. Which one a scalar needs is decided
   by reading the fixed file back: a post must come out with exactly the expected text and every
   other field and post unchanged, else the next way of writing is tried, and when none reads
   back right the fix is reported, not applied.
3. Of overlapping fixes in one post, the first is applied and the others left for another run.
4. ``write_fixes``: every file is checked writable before any is written (a read-only file is an
   error, exit 2); each is written to a temporary file beside it and renamed over it with its
   mode kept, unless its bytes changed since step 1 (then it is left alone and reported).

Outside the replaced words a file keeps every byte: a UTF-8 BOM, CRLF line breaks, quoting,
comments and indentation. stdin is fixed like a file and the fixed text is given back for the
command line to print, as ``ruff --fix -`` does.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import hashlib
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from voicelint.errors import UsageError, VoicelintError
from voicelint.model import Finding, Post
from voicelint.readers import FORMATS, FileRead, find_inputs, read_stdin
from voicelint.readers.decode import check_file, decode_bytes
from voicelint.report import Report

if TYPE_CHECKING:
    from voicelint.runner import CheckOptions

STDIN = "<stdin>"
_BOM = b"\xef\xbb\xbf"
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@dataclass(frozen=True)
class Edit:
    """One replacement: file text ``[start, end)`` becomes one of ``candidates`` (the same words
    written for each syntax they may stand in); ``text_start``/``text_end`` and ``words`` are the
    same in the post's text."""

    start: int
    end: int
    candidates: tuple[str, ...]
    text_start: int
    text_end: int
    words: str
    findings: tuple[Finding, ...]


@dataclass
class FilePlan:
    """What fixing one file means: its bytes as read, the fixed bytes (None when nothing can be
    fixed), the findings fixed, and notes on the fixes that were not applied."""

    display: str
    path: Path | None  # None for stdin
    original: bytes
    fixed_bytes: bytes | None = None
    fixed: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def diff(self) -> str:
        """The unified diff from the file as read to the file as fixed ("" when unchanged)."""
        if self.fixed_bytes is None:
            return ""
        old = _lines(_decode(self.original))
        new = _lines(_decode(self.fixed_bytes))
        out = []
        for line in difflib.unified_diff(old, new, self.display, self.display):
            out.append(line)
            if not line.endswith(("\n", "\r")):
                out.append("\n\\ No newline at end of file\n")
        return "".join(out)


@dataclass
class FixOutcome:
    """The result of ``--fix`` or ``--diff`` for the command line to print."""

    report: Report  # the findings that remain
    plans: list[FilePlan]
    stdin: bytes | None  # the fixed stdin (or stdin unchanged), when stdin was read and written

    @property
    def fixed(self) -> int:
        return sum(len(plan.fixed) for plan in self.plans if plan.fixed_bytes is not None)

    @property
    def files(self) -> int:
        return sum(1 for plan in self.plans if plan.fixed_bytes is not None)

    @property
    def notes(self) -> list[str]:
        return [note for plan in self.plans for note in plan.notes]

    def diff(self) -> str:
        return "".join(plan.diff() for plan in self.plans)

    def summary(self, written: bool) -> str:
        verb = "Fixed" if written else "Would fix"
        return f"{verb} {_plural(self.fixed, 'finding')} in {_plural(self.files, 'file')}."


def apply_fixes(
    report: Report,
    options: CheckOptions,
    *,
    write: bool,
    recheck: Callable[[CheckOptions], Report],
) -> FixOutcome:
    """Fix the report's fixable findings (``write``) or only plan them (``--diff``).

    ``options`` are the check's ``CheckOptions``; after writing, ``recheck`` lints again with
    options whose stdin is the fixed text, so that the remaining findings have their new places.
    Without ``write`` the remaining findings are the report's, less those a fix would remove.
    """
    plans = plan_fixes(report, options)
    changed = [plan for plan in plans if plan.fixed_bytes is not None]
    stdin_plan = next((plan for plan in plans if plan.path is None), None)
    if not write:
        gone = {id(finding) for plan in changed for finding in plan.fixed}
        remaining = dataclasses.replace(
            report, findings=[f for f in report.findings if id(f) not in gone]
        )
        return FixOutcome(remaining, plans, None)
    write_fixes(changed)
    stdin_bytes = options.stdin_bytes
    if stdin_plan is not None and stdin_plan.fixed_bytes is not None:
        stdin_bytes = stdin_plan.fixed_bytes
    written = [plan for plan in changed if plan.fixed_bytes is not None]
    if written:
        report = recheck(dataclasses.replace(options, stdin_bytes=stdin_bytes))
    return FixOutcome(report, plans, stdin_bytes if "-" in options.paths else None)


def plan_fixes(report: Report, options: CheckOptions) -> list[FilePlan]:
    """A plan per file with a finding that carries a fix, in the report's order."""
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.fix is not None and finding.start < finding.end:
            by_path.setdefault(finding.path, []).append(finding)
    if not by_path:
        return []
    paths = options.paths
    named = [p for p in paths if p != "-"]
    located = {
        candidate.display: candidate.path
        for candidate in find_inputs(named, contain_named=options.skip_non_posts)
        if candidate.refused is None and candidate.display in by_path
    }
    plans = []
    for display, findings in by_path.items():
        if display == STDIN and "-" in paths:
            data = options.stdin_bytes or b""
            plans.append(plan_file(display, None, data, options.stdin_format, findings))
        elif display in located:
            path = located[display]
            try:
                data = _read_bytes(path, display)
            except VoicelintError as error:
                plans.append(_unfixable(display, path, b"", findings, f"cannot re-read: {error}"))
                continue
            fmt = FORMATS.get(path.suffix.lower(), "txt")
            plans.append(plan_file(display, path, data, fmt, findings))
    return plans


def plan_file(
    display: str, path: Path | None, data: bytes, fmt: str, findings: Sequence[Finding]
) -> FilePlan:
    """Place each finding's fix in the file ``data`` (format ``fmt``) and compute the fixed bytes."""
    read = _parse(data, display, fmt)
    if read is None:
        return _unfixable(display, path, data, findings, "the file no longer reads as it did")
    plan = FilePlan(display, path, data)
    src = read.source.text if read.source is not None else ""
    ascii_file = src.isascii()
    posts_by_id: dict[str, list[Post]] = {}
    for post in read.posts:
        posts_by_id.setdefault(post.id, []).append(post)
    edits: dict[int, list[Edit]] = {}  # by post index
    for finding in findings:
        post = _post_of(finding, posts_by_id)
        if post is None:
            plan.notes.append(_note(finding, "the file changed since it was checked"))
            continue
        reason = _unsafe_replacement(finding.fix or "")
        if reason is None:
            edit, reason = _edit(post, finding, fmt, ascii_file)
        if reason is not None:
            plan.notes.append(_note(finding, reason))
            continue
        edits.setdefault(post.index, []).append(edit)
    chosen = _choose(src, read, edits, display, fmt)
    applied: list[tuple[Edit, str]] = []
    for index, post_edits in edits.items():
        pick = chosen.get(index)
        if pick is None:
            for edit in post_edits:
                for finding in edit.findings:
                    plan.notes.append(
                        _note(finding, "the replacement cannot be written there as it stands")
                    )
            continue
        applied.extend((edit, edit.candidates[pick]) for edit in _kept(post_edits))
    if applied:
        text = _apply(src, applied)
        plan.fixed_bytes = (_BOM if data.startswith(_BOM) else b"") + text.encode("utf-8")
        plan.fixed = [finding for edit, _ in applied for finding in edit.findings]
    return plan


def write_fixes(plans: Sequence[FilePlan]) -> None:
    """Write each plan's fixed bytes over its file, atomically and keeping the file's mode.

    Every file must be writable before any is written (else ``UsageError``). A file whose bytes
    differ from those the plan was made from is not written: its ``fixed_bytes`` become None and a
    note says why.
    """
    files = [plan for plan in plans if plan.path is not None and plan.fixed_bytes is not None]
    for plan in files:
        _check_writable(plan)
    for plan in files:
        assert plan.path is not None and plan.fixed_bytes is not None
        target = Path(os.path.realpath(plan.path))
        try:
            now = _read_bytes(plan.path, plan.display)
        except VoicelintError:
            now = None
        if now is None or _digest(now) != _digest(plan.original):
            plan.notes.append(
                f"{plan.display}: changed since it was read; not fixed (run voicelint again)"
            )
            plan.fixed_bytes = None
            continue
        try:
            _replace(target, plan.fixed_bytes)
        except OSError as error:
            raise UsageError(
                plan.display,
                None,
                f"cannot write the fixed file: {error.strerror or error}",
                "check the file and its directory",
            ) from None


# --- placing a fix -------------------------------------------------------------------------------


def _post_of(finding: Finding, posts_by_id: dict[str, list[Post]]) -> Post | None:
    """The post a finding came from, if the file still holds it as the check saw it."""
    for post in posts_by_id.get(finding.post, ()):
        if post.text[finding.start : finding.end] != finding.match:
            continue
        place = (finding.line, finding.column, finding.end_line, finding.end_column)
        if post.place(finding.start, finding.end) == place:
            return post
    return None


def _unsafe_replacement(replacement: str) -> str | None:
    if not replacement:
        return "the fix is empty"
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in replacement):
        return "the replacement holds a line break or control character"
    return None


def _edit(
    post: Post, finding: Finding, fmt: str, ascii_file: bool
) -> tuple[Edit, None] | tuple[None, str]:
    """The file span of a finding's words, or why they cannot be replaced in the file as written."""
    start, end = finding.start, finding.end
    text_map = post.text_map
    source_start = text_map.source_offset(start)
    source_end = text_map.source_offset(end - 1) + 1
    contiguous = source_end - source_start == end - start and all(
        source == source_start + (offset - start)
        for offset, source in text_map.runs
        if start < offset < end
    )
    if not contiguous or post.source.text[source_start:source_end] != finding.match:
        return None, "the words are written with escapes, quoting or a line break in the file"
    replacement = finding.fix or ""
    edit = Edit(
        source_start,
        source_end,
        _candidates(replacement, fmt, ascii_file),
        start,
        end,
        replacement,
        (finding,),
    )
    return edit, None


def _candidates(replacement: str, fmt: str, ascii_file: bool) -> tuple[str, ...]:
    """The ways of writing ``replacement`` in a file of format ``fmt``, likeliest first."""
    if fmt == "json":
        return (_json_string(replacement, ascii_file),)
    if fmt == "yaml":
        double = _yaml_double(replacement, ascii_file)
        single = replacement.replace("'", "''")
        if ascii_file and not replacement.isascii():
            return (double, replacement, single)
        return (replacement, double, single)
    if fmt == "csv":
        return (replacement, replacement.replace('"', '""'))
    return (replacement,)


def _json_string(text: str, ascii_only: bool) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ascii_only and not char.isascii():
            out.append(_u_escapes(char))
        else:
            out.append(char)
    return "".join(out)


def _yaml_double(text: str, ascii_only: bool) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ascii_only and not char.isascii():
            code = ord(char)
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(char)
    return "".join(out)


def _u_escapes(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _kept(edits: list[Edit]) -> list[Edit]:
    """The edits of one post that do not overlap an earlier one; the same words with the same fix
    from two rules are one edit that fixes both findings."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if kept and edit.start < kept[-1].end:
            last = kept[-1]
            if (edit.start, edit.end, edit.words) == (last.start, last.end, last.words):
                kept[-1] = dataclasses.replace(last, findings=last.findings + edit.findings)
            continue
        kept.append(edit)
    return kept


def _apply(src: str, edits: list[tuple[Edit, str]]) -> str:
    parts = []
    position = 0
    for edit, written in sorted(edits, key=lambda pair: pair[0].start):
        parts.append(src[position : edit.start])
        parts.append(written)
        position = edit.end
    parts.append(src[position:])
    return "".join(parts)


# --- reading the fixed file back ------------------------------------------------------------------


def _signature(post: Post, text: str | None = None) -> tuple[object, ...]:
    return (
        post.index,
        post.id,
        post.text if text is None else text,
        post.line,
        post.client,
        post.platform,
        post.kind,
        post.in_reply_to,
        post.sponsored,
        post.publish_at,
        post.author,
        post.campaign,
        repr(post.suppressions),
    )


def _expected(post: Post, edits: list[Edit]) -> tuple[object, ...]:
    text = post.text
    for edit in sorted(edits, key=lambda e: e.text_start, reverse=True):
        text = text[: edit.text_start] + edit.words + text[edit.text_end :]
    return _signature(post, text)


def _choose(
    src: str, read: FileRead, edits: dict[int, list[Edit]], display: str, fmt: str
) -> dict[int, int | None]:
    """Which way of writing (an index into each edit's candidates) makes each post read back as
    expected; None for a post whose fixes no way of writing gives."""
    if not edits:
        return {}
    before = {post.index: _signature(post) for post in read.posts}
    kept = {index: _kept(post_edits) for index, post_edits in edits.items()}
    posts = {post.index: post for post in read.posts}
    expected = {index: _expected(posts[index], kept[index]) for index in kept}
    problems = len(read.problems)

    def reads_back(picks: dict[int, int]) -> set[int] | None:
        """The posts that do not read back as expected (-1 stands for any post without a fix),
        or None when the file as a whole does not read."""
        applied = [(e, e.candidates[picks[i]]) for i in picks for e in kept[i]]
        again = _parse(_apply(src, applied).encode("utf-8"), display, fmt)
        if again is None or (before and not again.posts):
            return None
        found = {post.index: _signature(post) for post in again.posts}
        if len(again.problems) - problems != len(before) - len(found.keys() & before.keys()):
            return None  # a problem that is no post's: the file no longer reads
        wrong = set()
        for index, signature in before.items():
            want = expected[index] if index in picks else signature
            if found.get(index) != want:
                wrong.add(index if index in picks else -1)
        if found.keys() - before.keys():
            wrong.add(-1)
        return wrong

    # Round k tries the k-th way of writing for every post not settled yet, all at once; a
    # group that breaks the file is halved until the post that breaks it is found alone. So a
    # file costs a few readings, not one per post.
    settled: dict[int, int] = {}

    def settle(group: list[int], pick: int) -> list[int]:
        """The posts of ``group`` that read back with way ``pick``, beside those settled."""
        wrong = reads_back({**settled, **dict.fromkeys(group, pick)})
        if wrong is not None and wrong <= set(group):
            return [index for index in group if index not in wrong]
        if len(group) == 1:
            return []
        half = len(group) // 2
        good = settle(group[:half], pick)
        settled.update(dict.fromkeys(good, pick))
        return good + settle(group[half:], pick)

    pending = list(kept)
    for pick in range(max(len(e[0].candidates) for e in kept.values())):
        # a way of writing that is the same as one tried before cannot do better
        group = [
            index
            for index in pending
            if not any(
                _written(kept[index], pick) == _written(kept[index], earlier)
                for earlier in range(pick)
            )
        ]
        if group:
            settled.update(dict.fromkeys(settle(group, pick), pick))
        pending = [index for index in pending if index not in settled]
        if not pending:
            break
    if settled and reads_back(settled) != set():  # fixes that read back alone but not together
        return dict.fromkeys(kept)
    return {index: settled.get(index) for index in kept}


def _written(edits: list[Edit], pick: int) -> tuple[str, ...]:
    return tuple(edit.candidates[pick] for edit in edits)


def _parse(data: bytes, display: str, fmt: str) -> FileRead | None:
    try:
        read = read_stdin(data, display_path=display, fmt=fmt)
    except VoicelintError:
        return None
    return read if read.source is not None and read.skipped is None else None


# --- files ----------------------------------------------------------------------------------------


def _read_bytes(path: Path, display: str) -> bytes:
    check_file(path, display)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise UsageError(
            display, None, f"cannot read: {error.strerror or error}", "check the path"
        ) from None


def _check_writable(plan: FilePlan) -> None:
    assert plan.path is not None
    target = os.path.realpath(plan.path)
    try:
        mode = os.stat(target).st_mode
    except OSError as error:
        raise UsageError(
            plan.display, None, f"cannot fix: {error.strerror or error}", "check the path"
        ) from None
    # root may write anything; a file without write bits is still one its owner meant to keep
    if not os.access(target, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise UsageError(
            plan.display,
            None,
            "is read-only; no file was fixed",
            "make it writable, or see the fixes with --diff",
        )
    if not os.access(os.path.dirname(target) or ".", os.W_OK | os.X_OK):
        raise UsageError(
            plan.display,
            None,
            "its directory is not writable; no file was fixed",
            "fixes are written to a temporary file beside it; see them with --diff",
        )


def _replace(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over ``target``, with
    ``target``'s mode (and owner, when run as root)."""
    found = os.stat(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".fix")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), stat.S_IMODE(found.st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            with contextlib.suppress(OSError):
                os.chown(tmp, found.st_uid, found.st_gid)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(data: bytes) -> str:
    try:
        return decode_bytes(data, "")
    except VoicelintError:
        return data.decode("utf-8", "replace")


def _lines(text: str) -> list[str]:
    return _LINES.findall(text)


def _unfixable(
    display: str, path: Path | None, data: bytes, findings: Sequence[Finding], why: str
) -> FilePlan:
    return FilePlan(display, path, data, notes=[_note(f, why) for f in findings])


def _note(finding: Finding, why: str) -> str:
    return (
        f"{finding.path}:{finding.line}:{finding.column}: fix not applied: {why} ({finding.rule})"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
