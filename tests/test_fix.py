"""``check --fix`` and ``--diff``: only the changed words are rewritten, in every post format.

Each format's input is ``tests/golden/fix-<name>.in``; the file ``--fix`` must leave is
``fix-<name>.out`` and the diff ``--diff`` prints is ``fix-<name>.diff``. Set
VOICELINT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import stat
from pathlib import Path

import pytest

from conftest import run_cli, write
from voicelint import fix
from voicelint.model import Finding
from voicelint.readers import read_stdin

GOLDEN = Path(__file__).resolve().parent / "golden"
POLICY = """
client: acme
voice:
  preferred_terms:
    "sign up": "open an account"
    "webinar": "live session"
    "say cheese": 'say "cheese"'
    "cafe": "café"
"""
CASES = ["posts.yaml", "posts.json", "posts.csv", "post.md", "draft.txt"]
# the words the policy replaces, in every case the inputs write them
TERMS = ("sign up", "webinar", "say cheese", "cafe")


def project(tmp_path: Path) -> Path:
    write(tmp_path, "policies/acme.yaml", POLICY)
    return tmp_path


def copy_case(tmp_path: Path, name: str) -> Path:
    path = project(tmp_path) / name
    path.write_bytes((GOLDEN / f"fix-{name}.in").read_bytes())
    return path


def check(tmp_path: Path, *args: str, stdin: bytes | None = None):
    return run_cli(["check", "--client", "acme", "--no-color", *args], tmp_path, stdin)


def assert_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("VOICELINT_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} differs from its golden file"


def has_term(line: bytes) -> bool:
    lowered = line.decode("utf-8").lower()
    return any(term.split()[0] in lowered for term in TERMS)


# --- --fix writes the golden file, byte for byte ---------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_fix_writes_the_golden_file(tmp_path, name):
    path = copy_case(tmp_path, name)
    before = path.read_bytes()
    result = check(tmp_path, "--fix", name)
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    assert_golden(f"fix-{name}.out", after)
    assert after != before
    assert "Fixed " in result.stdout
    # every line without a replaced word is the input's own, bytes and line break included
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    for old, new in zip(old_lines, new_lines, strict=True):
        if not has_term(old):
            assert old == new


def test_fix_counts_and_reports_what_remains(tmp_path):
    copy_case(tmp_path, "posts.yaml")
    result = check(tmp_path, "--fix", "posts.yaml", "--format", "json")
    assert result.exit_code == 0
    remaining = json.loads(result.stdout)["findings"]
    # the words split by a folded line and the escaped "web\x69nar" could not be fixed
    assert [(f["line"], f["match"]) for f in remaining] == [
        (16, "sign up"),
        (20, "webinar"),
    ]
    assert "Fixed 14 findings in 1 file." in result.stderr
    assert result.stderr.count("fix not applied") == 2


def test_each_yaml_scalar_style_reads_back_as_the_fixed_text(tmp_path):
    path = copy_case(tmp_path, "posts.yaml")
    check(tmp_path, "--fix", "posts.yaml")
    texts = {p.id: p.text for p in read_stdin(path.read_bytes(), fmt="yaml").posts}
    assert texts["plain"] == "Open an account today for our live session, friends."
    assert texts["single"] == "Open an account for the live session, it's free."
    assert texts["double"] == 'Meet us at the café: "now" and OPEN AN ACCOUNT.'
    assert texts["literal"] == (
        'First line stays.\nThen open an account for the live session and say "cheese".\n'
    )
    assert texts["folded"] == 'A folded draft, sign up for the live session, say "cheese".'
    assert texts["escaped"] == 'Join the webinar and say "cheese".'
    assert texts["plain-quote"] == 'We say "cheese" at every live session'


def test_json_escapes_quotes_and_writes_non_ascii_as_the_file_does(tmp_path):
    copy_case(tmp_path, "posts.json")
    check(tmp_path, "--fix", "posts.json")
    written = (tmp_path / "posts.json").read_text(encoding="utf-8")
    assert 'say \\"cheese\\"' in written
    assert "caf\\u00e9" in written and written.isascii()  # an ASCII file stays ASCII
    # a file that writes non-ASCII as it is gets it as it is
    write(tmp_path, "utf8.json", '{"client": "acme", "text": "Crème at the cafe"}\n')
    check(tmp_path, "--fix", "utf8.json")
    assert (tmp_path / "utf8.json").read_text(encoding="utf-8") == (
        '{"client": "acme", "text": "Crème at the café"}\n'
    )


# --- --diff --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_diff_prints_the_fix_and_changes_nothing(tmp_path, name):
    path = copy_case(tmp_path, name)
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    result = check(tmp_path, "--diff", name)
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    # stdout_bytes: click's ``stdout`` turns CRLF into LF
    assert_golden(f"fix-{name}.diff", result.stdout_bytes)
    expected = (GOLDEN / f"fix-{name}.out").read_bytes().decode("utf-8")
    assert result.stdout_bytes.decode("utf-8") == "".join(
        difflib.unified_diff(
            before.decode("utf-8").splitlines(keepends=True),
            expected.splitlines(keepends=True),
            name,
            name,
        )
    )
    assert "Would fix" in result.stderr
    assert list(tmp_path.glob(".*.fix")) == []


def test_diff_exit_code_is_that_of_the_findings_left(tmp_path):
    copy_case(tmp_path, "draft.txt")
    assert check(tmp_path, "draft.txt", "--fail-on", "warning").exit_code == 1
    # every finding has a fix: nothing would remain
    assert check(tmp_path, "--diff", "draft.txt", "--fail-on", "warning").exit_code == 0
    copy_case(tmp_path, "posts.yaml")  # two fixes there cannot be applied
    assert check(tmp_path, "--diff", "posts.yaml", "--fail-on", "warning").exit_code == 1


# --- what is never written -------------------------------------------------------------------------


def test_an_escaped_span_is_reported_and_left_alone(tmp_path):
    path = write(
        project(tmp_path),
        "escaped.json",
        '{"client": "acme", "text": "A w\\u0065binar and a webinar"}\n',
    )
    result = check(tmp_path, "--fix", "escaped.json", "--format", "json")
    assert path.read_text(encoding="utf-8") == (
        '{"client": "acme", "text": "A w\\u0065binar and a live session"}\n'
    )
    assert "escaped.json:1:31: fix not applied: the words are written with escapes" in result.stderr
    assert [f["match"] for f in json.loads(result.stdout)["findings"]] == ["webinar"]


def test_a_replacement_the_scalar_cannot_hold_is_not_applied(tmp_path):
    path = write(
        project(tmp_path),
        "colon.yaml",
        """
        client: acme
        campaign: spring
        text: Please sign up now
        """,
    )
    (tmp_path / "policies/acme.yaml").write_text(
        "client: acme\nvoice:\n  preferred_terms: {'sign up': 'register: here #1'}\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = check(tmp_path, "--fix", "colon.yaml")
    # written plainly it would make a mapping; quoted ways of writing it do not fit a plain scalar
    assert path.read_bytes() == before
    assert "fix not applied: the replacement cannot be written there" in result.stderr


def test_a_file_changed_between_read_and_write_is_not_overwritten(tmp_path, monkeypatch):
    path = copy_case(tmp_path, "draft.txt")
    planned = fix.plan_fixes

    def plan_then_edit(*args, **kwargs):
        plans = planned(*args, **kwargs)
        path.write_bytes(b"Someone else's edit: sign up.\n")
        return plans

    monkeypatch.setattr(fix, "plan_fixes", plan_then_edit)
    result = check(tmp_path, "--fix", "draft.txt")
    assert path.read_bytes() == b"Someone else's edit: sign up.\n"
    assert "draft.txt: changed since it was read; not fixed" in result.stderr
    assert "Fixed 0 findings in 0 files." in result.stdout
    assert list(tmp_path.glob(".*.fix")) == []


def test_a_read_only_file_is_one_line_and_exit_2(tmp_path):
    path = copy_case(tmp_path, "posts.csv")
    other = copy_case(tmp_path, "draft.txt")
    path.chmod(0o444)
    before, other_before = path.read_bytes(), other.read_bytes()
    try:
        result = check(tmp_path, "--fix", "draft.txt", "posts.csv")
    finally:
        path.chmod(0o644)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("voicelint: posts.csv: is read-only")
    assert "Traceback" not in result.output
    # no file is fixed when one cannot be
    assert path.read_bytes() == before and other.read_bytes() == other_before


# --- line breaks, BOM, mode, stdin ---------------------------------------------------------------


def test_crlf_files_keep_crlf(tmp_path):
    source = (GOLDEN / "fix-posts.yaml.in").read_bytes().replace(b"\n", b"\r\n")
    path = project(tmp_path) / "crlf.yaml"
    path.write_bytes(source)
    result = check(tmp_path, "--fix", "crlf.yaml")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    expected = (GOLDEN / "fix-posts.yaml.out").read_bytes()
    # the folded draft breaks its words over CRLF as over LF: the same fixes are applied
    assert after == expected.replace(b"\n", b"\r\n")
    assert after.count(b"\r\n") == source.count(b"\r\n") and b"\n" not in after.replace(
        b"\r\n", b""
    )


def test_csv_and_markdown_crlf_and_a_bom_are_kept(tmp_path):
    path = copy_case(tmp_path, "posts.csv")  # CRLF rows, a quoted cell with a CRLF inside
    md = project(tmp_path) / "bom.md"
    md.write_bytes(b"\xef\xbb\xbf---\r\nclient: acme\r\n---\r\nSign up here.\r\n")
    check(tmp_path, "--fix", "posts.csv", "bom.md")
    assert path.read_bytes().count(b"\r\n") == 5 and b"\n" not in path.read_bytes().replace(
        b"\r\n", b""
    )
    assert md.read_bytes() == b"\xef\xbb\xbf---\r\nclient: acme\r\n---\r\nOpen an account here.\r\n"


def test_the_file_keeps_its_mode(tmp_path):
    path = copy_case(tmp_path, "draft.txt")
    path.chmod(0o640)
    check(tmp_path, "--fix", "draft.txt")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == (GOLDEN / "fix-draft.txt.out").read_bytes()


def test_stdin_with_fix_prints_the_fixed_text_and_the_report_on_stderr(tmp_path):
    project(tmp_path)
    result = check(tmp_path, "--fix", "-", stdin=b"Sign up for the webinar!\n")
    assert result.exit_code == 0
    assert result.stdout == "Open an account for the live session!\n"
    assert "No findings in 1 post" in result.stderr
    assert "Fixed 2 findings in 1 file." in result.stderr


def test_stdin_in_yaml_and_its_diff(tmp_path):
    project(tmp_path)
    data = b"text: 'Sign up, it''s a webinar'\n"
    result = check(tmp_path, "--diff", "-", "--stdin-format", "yaml", stdin=data)
    assert result.stdout.splitlines()[:2] == ["--- <stdin>", "+++ <stdin>"]
    assert "+text: 'Open an account, it''s a live session'" in result.stdout


def test_remaining_findings_decide_the_exit_code(tmp_path):
    write(project(tmp_path), "mixed.txt", "Sign up for guaranteed returns!\n")
    (tmp_path / "policies/acme.yaml").write_text(
        POLICY.replace("client: acme", "client: acme\nextends: [finance]"), encoding="utf-8"
    )
    result = check(tmp_path, "--fix", "mixed.txt")
    assert (tmp_path / "mixed.txt").read_text() == "Open an account for guaranteed returns!\n"
    assert result.exit_code == 1  # the claim has no fix and remains
    assert "guaranteed returns" in result.stdout and "Fixed 1 finding in 1 file." in result.stdout


# --- overlapping fixes ---------------------------------------------------------------------------


def test_overlapping_fixes_apply_the_first_and_leave_the_rest(tmp_path):
    data = b"Sign up today.\n"
    post = read_stdin(data, fmt="txt").posts[0]

    def finding(start: int, end: int, replacement: str) -> Finding:
        line, column, end_line, end_column = post.place(start, end)
        return Finding(
            "<x>", "1", None, "tone.preferred-term", "tone", "warning", "m",
            line, column, end_line, end_column, start, end, post.text[start:end], replacement,
        )  # fmt: skip

    first, overlapping, same = finding(0, 7, "Join"), finding(5, 13, "now"), finding(0, 7, "Join")
    plan = fix.plan_file("<x>", None, data, "txt", [first, overlapping, same])
    assert plan.fixed_bytes == b"Join today.\n"
    assert plan.fixed == [first, same]  # the same words with the same fix: both are fixed
    assert plan.notes == []  # the overlapping one is left for the next run, not refused
    moved = dataclasses.replace(first, line=2)
    assert (
        "the file changed since it was checked"
        in fix.plan_file("<x>", None, data, "txt", [moved]).notes[0]
    )


# --- --fix fixes only what the run reports: --ignore and a baseline hold fixes back too ----------


def test_an_ignored_rule_is_not_fixed(tmp_path):
    path = copy_case(tmp_path, "posts.yaml")
    before = path.read_bytes()
    result = check(tmp_path, "--fix", "--ignore", "tone.preferred-term", "posts.yaml")
    assert path.read_bytes() == before
    assert "Fixed 0 findings in 0 files." in result.output


def test_a_baselined_finding_is_not_fixed(tmp_path):
    path = copy_case(tmp_path, "posts.yaml")
    before = path.read_bytes()
    written = check(tmp_path, "--write-baseline", "base.json", "posts.yaml")
    assert written.exit_code == 0, written.output
    result = check(tmp_path, "--fix", "--baseline", "base.json", "posts.yaml")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before
