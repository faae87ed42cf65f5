"""The command line as a user meets it: exact places in every format, JSON contract, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_cli, write
from voicelint.cli import main

REPO = Path(__file__).resolve().parents[1]
JSON_FIELDS = [
    "path", "post", "client", "author", "campaign", "rule", "entry", "category", "severity", "message",
    "line", "column", "end_line", "end_column", "start", "end", "match", "fix",
]  # fmt: skip


def run(args: list[str], cwd: Path = REPO, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def findings_of(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def places(result) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["match"]) for f in findings_of(result)]


# --- the shipped examples, one file per format -------------------------------------------------


def test_examples_yaml_places_in_quoted_folded_and_literal_scalars():
    result = run(["check", "examples/acme-bank/week48.yaml", "--format", "json"])
    assert result.exit_code == 1
    assert places(result) == [
        (
            "examples/acme-bank/week48.yaml",
            18,
            17,
            "claims.finance.guaranteed-return",
            "guaranteed returns",
        ),
        ("examples/acme-bank/week48.yaml", 18, 70, "claims.finance.risk-free", "risk-free"),
        ("examples/acme-bank/week48.yaml", 26, 52, "tone.preferred-term", "Sign up"),
        (
            "examples/acme-bank/week48.yaml",
            32,
            32,
            "routing.customer-care.public-data-request",
            "Reply with your account number",
        ),
    ]
    source = (REPO / "examples/acme-bank/week48.yaml").read_text().splitlines()
    for _path, line, column, _rule, match in places(result):
        assert source[line - 1][column - 1 :].startswith(match)


def test_examples_json_places_after_escapes():
    result = run(["check", "examples/vitality-labs/drafts.json", "--format", "json"])
    assert result.exit_code == 1
    found = places(result)
    assert (
        "examples/vitality-labs/drafts.json",
        14,
        61,
        "claims.health.disease-claim",
        "prevents the flu",
    ) in found
    assert (
        "examples/vitality-labs/drafts.json",
        14,
        105,
        "claims.health.fda-approved",
        "FDA-approved",
    ) in found
    # after a \ud83c\udfc3\u200d\u2640\ufe0f escape run, the column still points at the word in the file
    assert (
        "examples/vitality-labs/drafts.json",
        21,
        138,
        "disclosure.endorsements.weak-hashtag",
        "#sp",
    ) in found
    line = (REPO / "examples/vitality-labs/drafts.json").read_text().splitlines()[20]
    assert line[137:140] == "#sp"


def test_examples_csv_places_in_cells():
    result = run(["check", "examples/harbor-coffee/november.csv", "--format", "json"])
    lines = (REPO / "examples/harbor-coffee/november.csv").read_text().splitlines()
    for _path, line, column, _rule, match in places(result):
        assert lines[line - 1][column - 1 :].startswith(match)
    assert (
        "examples/harbor-coffee/november.csv",
        3,
        66,
        "claims.environmental.general-benefit",
        "eco-friendly",
    ) in places(result)
    superlative = next(f for f in findings_of(result) if f["rule"] == "claims.superlative")
    assert superlative["severity"] == "warning"  # the coffee chain's policy lowers it
    swap = next(f for f in findings_of(result) if f["rule"] == "tone.preferred-term")
    assert (swap["match"], swap["fix"]) == ("drive thru", "drive-through")


def test_examples_markdown_clean_post_passes():
    result = run(["check", "examples/harbor-coffee/holiday-launch.md"])
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 post (1 file).\n"


def test_whole_examples_directory():
    result = run(["check", "examples", "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["voicelint"]
    summary = document["summary"]
    assert (summary["files"], summary["posts"]) == (5, 15)
    assert summary["findings"] == len(document["findings"]) == 17
    assert summary["by_severity"] == {"error": 11, "warning": 6}
    for finding in document["findings"]:
        assert list(finding) == JSON_FIELDS


# --- text output ---------------------------------------------------------------------------------


def test_text_output_has_place_rule_source_line_and_carets(tmp):
    write(tmp, "post.yaml", 'client: acme-bank\ntext: "A risk-free plan."\n')
    result = run(["check", "post.yaml", "--policies", str(REPO / "policies")], cwd=tmp)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'post.yaml:2:10: error claims.finance.risk-free "risk-free" denies investment risk; say "investing involves risk, including possible loss of principal" instead.',
        "   |",
        ' 2 | text: "A risk-free plan."',
        "   |          ^^^^^^^^^",
        "",
        "Found 1 finding (1 error) in 1 post (1 file).",
    ]
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_text_output_shows_the_fix(tmp):
    write(tmp, "p.md", "---\nclient: acme-bank\n---\nSign up today.\n")
    result = run(["check", "p.md"], cwd=tmp)
    assert result.exit_code == 0  # a warning does not fail by default
    assert '   = fix: replace with "Open an account"' in result.stdout.splitlines()


# --- exit codes and fail levels ----------------------------------------------------------------


def test_fail_on_levels(tmp):
    write(tmp, "p.txt", "Sign up now!!!")
    assert run(["check", "p.txt", "--client", "acme-bank"], cwd=tmp).exit_code == 0
    assert (
        run(["check", "p.txt", "--client", "acme-bank", "--fail-on", "warning"], cwd=tmp).exit_code
        == 1
    )
    write(tmp, "bad.txt", "Guaranteed returns!")
    assert (
        run(["check", "bad.txt", "--client", "acme-bank", "--fail-on", "never"], cwd=tmp).exit_code
        == 0
    )


def test_stdin_is_one_post(tmp):
    result = run(
        ["check", "-", "--client", "vitality-labs", "--format", "json"],
        cwd=tmp,
        stdin="Cures colds in a day.\n",
    )
    assert result.exit_code == 1
    assert [(f["path"], f["line"], f["column"], f["match"]) for f in findings_of(result)] == [
        ("<stdin>", 1, 1, "Cures colds")
    ]


def test_stdin_in_yaml(tmp):
    result = run(
        ["check", "-", "--stdin-format", "yaml", "--format", "json"],
        cwd=tmp,
        stdin="client: acme-bank\ntext: |\n  No risk at all.\n",
    )
    assert [(f["line"], f["column"], f["match"]) for f in findings_of(result)] == [
        (3, 3, "No risk")
    ]


def test_output_file_is_written_whole(tmp):
    write(tmp, "p.txt", "Guaranteed returns.")
    result = run(
        ["check", "p.txt", "--client", "acme-bank", "--format", "json", "--output", "report.json"],
        cwd=tmp,
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp / "report.json").read_text())["summary"]["findings"] == 1
    assert sorted(p.name for p in tmp.iterdir()) == ["p.txt", "report.json"]


def test_suppression_is_reported_with_its_approver(tmp):
    write(
        tmp,
        "p.yaml",
        """
        client: acme-bank
        text: The most trusted bank in Ohio.
        voicelint: {allow: [claims.superlative], reason: "J.D. Power 2026", approved_by: "M. Ortiz"}
        """,
    )
    result = run(["check", "p.yaml", "--format", "json"], cwd=tmp)
    document = json.loads(result.stdout)
    assert result.exit_code == 0 and document["findings"] == []
    assert document["summary"]["suppressed"] == [
        {
            "path": "p.yaml",
            "post": "1",
            "rule": "claims.superlative",
            "line": 1,
            "reason": "J.D. Power 2026",
            "approved_by": "M. Ortiz",
        }
    ]


# --- configuration discovery -------------------------------------------------------------------


def test_config_file_gives_policies_dir_default_client_and_format(tmp):
    write(tmp, "voicelint.yaml", "policies: brand-policies\nclient: house\nformat: json\n")
    write(tmp, "brand-policies/house.yaml", "voice:\n  banned_terms: [synergy]\n")
    write(tmp, "drafts/a.txt", "Pure synergy.")
    result = run(
        ["check", "a.txt"], cwd=tmp / "drafts"
    )  # the config is found above the working directory
    assert result.exit_code == 0  # a warning does not fail
    assert [(f["client"], f["rule"], f["path"], f["match"]) for f in findings_of(result)] == [
        ("house", "tone.banned-term", "a.txt", "synergy")
    ]


def test_pyproject_tool_section_is_a_config(tmp):
    write(
        tmp,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.voicelint]\nclient = "acme-bank"\nfail_on = "warning"\n',
    )
    write(tmp, "a.txt", "Sign up today.")
    assert run(["check", "a.txt"], cwd=tmp).exit_code == 1


def test_unknown_config_key(tmp):
    write(tmp, "voicelint.yaml", "policies: .\nclinet: acme\n")
    write(tmp, "a.txt", "Hello.")
    result = run(["check", "a.txt"], cwd=tmp)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f'voicelint: {tmp / "voicelint.yaml"}:2: unknown configuration key "clinet" (did you mean "client"?)\n'
    )


# --- bad input: a bad post file is an error finding (exit 1); what stops the run is exit 2 -------
# (issue 12: these were one line on stderr and exit 2; a bad post or file is now a finding at its
# line, as ruff reports a syntax error, and every other post and file is still checked)

UNREADABLE, INVALID = "format.unreadable-file", "format.invalid-post"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "bad.yaml",
            "posts:\n  - text: [unclosed\n",
            f"bad.yaml:2:1: error {UNREADABLE} invalid YAML",
        ),
        (
            "bad.json",
            '{"posts": [{"text": "a",}]}',
            f"bad.json:1:1: error {UNREADABLE} invalid JSON",
        ),
        (
            "bad.csv",
            'text,platform\n"unterminated,x\n',
            f"bad.csv:2:1: error {UNREADABLE} malformed",
        ),
        (
            "notext.yaml",
            "posts:\n  - id: a\n    platform: x\n",
            f'notext.yaml:2:1: error {INVALID} post has no "text"',
        ),
        (
            "key.yaml",
            "posts:\n  - txt: hello\n",
            f'key.yaml:2:1: error {INVALID} unknown key "txt" (did you mean "text"?)',
        ),
        (
            "platform.yaml",
            "platform: instagrm\ntext: hi\n",
            f'platform.yaml:1:1: error {INVALID} unknown platform "instagrm"',
        ),
        (
            "kind.yaml",
            "kind: replie\ntext: hi\n",
            f'kind.yaml:1:1: error {INVALID} unknown kind "replie"',
        ),
        (
            "tag.yaml",
            "text: !!python/object/apply:os.system ['echo hi']\n",
            f"tag.yaml:1:1: error {INVALID} YAML tag",
        ),
    ],
)
def test_bad_post_files(tmp, name, content, expected):
    write(tmp, name, content)
    result = run(["check", name], cwd=tmp)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.startswith(expected), result.stdout
    assert "Traceback" not in result.stdout


def test_missing_binary_and_undecodable_files(tmp):
    result = run(["check", "nope.yaml"], cwd=tmp)
    assert (result.exit_code, result.stderr) == (
        2,
        "voicelint: nope.yaml: no such file or directory (check the path)\n",
    )
    # issue 12: a file that cannot be read is an error finding (exit 1), no longer exit 2
    (tmp / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run(["check", "img.txt"], cwd=tmp)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"img.txt:1:1: error {UNREADABLE} binary file")
    (tmp / "latin.txt").write_bytes("caf\u00e9\nna\u00efve".encode("latin-1"))
    result = run(["check", "latin.txt"], cwd=tmp)
    assert result.exit_code == 1 and result.stdout.startswith(
        f"latin.txt:1:1: error {UNREADABLE} not valid UTF-8"
    )


def test_unknown_client_names_the_post_and_the_nearest_policy(tmp):
    write(tmp, "p.yaml", "posts:\n  - text: hi\n    client: acme-bnk\n")
    result = run(["check", "p.yaml", "--policies", str(REPO / "policies")], cwd=tmp)
    assert result.exit_code == 2
    assert result.stderr.startswith('voicelint: p.yaml:2: no policy for client "acme-bnk"')
    assert result.stderr.endswith('(did you mean "acme-bank"?)\n')


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (
            "client: acme\nvoice:\n  registr: formal\n",
            ':3: unknown voice setting "registr" (did you mean "register"?)',
        ),
        (
            "client: acme\nextends: [finanse]\n",
            ':2: unknown pack "finanse" (did you mean "finance"?)',
        ),
        (
            "client: acme\nrules:\n  claims.superlativ: off\n",
            ':3: unknown rule "claims.superlativ" (did you mean "claims.superlative"?)',
        ),
        ("client: acme\nrouting:\n  legal: legal\n", ':3: unknown routing intent "legal"'),
    ],
)
def test_bad_policies_stop_the_check(tmp, policy, expected):
    write(tmp, "policies/acme.yaml", policy)
    write(tmp, "p.txt", "Hello.")
    result = run(["check", "p.txt", "--client", "acme"], cwd=tmp)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"voicelint: {tmp / 'policies' / 'acme.yaml'}{expected}"), (
        result.stderr
    )
    assert result.stderr.count("\n") == 1


def test_nothing_is_written_when_the_input_is_bad(tmp):
    # issue 12: a broken post file is now a finding; a path with no posts still stops the run
    write(tmp, "ci.yaml", "jobs: [build]\n")
    result = run(["check", ".", "--output", "report.txt"], cwd=tmp)
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp.iterdir()) == ["ci.yaml"]


def test_usage_errors_are_one_line_with_exit_2(tmp):
    result = run(["check", "--format", "xml"], cwd=tmp)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: Invalid value for '--format'")
    assert result.stderr.count("\n") == 1
    result = run(["explain", "claims.superlatve"], cwd=tmp)
    assert (result.exit_code, result.stderr) == (
        2,
        'voicelint: unknown rule "claims.superlatve" (did you mean "claims.superlative"?)\n',
    )


# --- the other commands ------------------------------------------------------------------------


def test_validate_reports_ok_and_the_first_error(tmp):
    result = run(["validate", str(REPO / "policies" / "acme-bank.yaml")])
    assert result.exit_code == 0 and ": ok (acme-bank: " in result.stdout
    write(tmp, "bad.yaml", "client: bad\nextends: [finance, helth]\n")
    result = run(["validate", "bad.yaml"], cwd=tmp)
    assert (result.exit_code, result.stderr) == (
        2,
        'voicelint: bad.yaml:2: unknown pack "helth" (did you mean "health"?)\n',
    )


def test_init_writes_a_valid_policy_and_never_overwrites(tmp):
    result = run(["init", "blue-bottle"], cwd=tmp)
    assert result.exit_code == 0
    path = tmp / "policies" / "blue-bottle.yaml"
    assert path.is_file()
    assert run(["validate", str(path)], cwd=tmp).exit_code == 0
    before = path.read_text()
    result = run(["init", "blue-bottle"], cwd=tmp)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert path.read_text() == before


def test_rules_lists_every_rule_and_explain_shows_one():
    result = run(["rules"])
    assert result.exit_code == 0
    assert any(line.startswith("claims.finance.risk-free ") for line in result.stdout.splitlines())
    result = run(["rules", "--policy", "acme-bank", "--format", "json"])
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert "claims.finance.risk-free" in ids and "claims.health.disease-claim" not in ids
    result = run(["explain", "claims.health.disease-claim"])
    assert result.exit_code == 0 and "21 CFR 101.93(g)" in result.stdout


def test_module_entry_point_and_console_script():
    result = subprocess.run(
        [sys.executable, "-m", "voicelint", "--version"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0 and result.stdout.startswith("voicelint, version ")
    result = subprocess.run(
        [sys.executable, "-m", "voicelint", "check", "examples/"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 1, result.stderr
    assert (
        result.stdout.splitlines()[-1]
        == "Found 17 findings (11 errors, 6 warnings) in 15 posts (5 files)."
    )


def test_walking_a_directory_skips_files_that_hold_no_posts(tmp):
    write(
        tmp, "content/README.md", "# Drafts\n\nThe best guide, guaranteed returns on your time.\n"
    )
    write(tmp, "content/ci.yaml", "jobs:\n  lint: {runs-on: ubuntu}\n")
    write(tmp, "content/post.md", "---\nclient: acme-bank\n---\nA risk-free plan.\n")
    result = run(["check", "content", "--format", "json"], cwd=tmp)
    assert result.exit_code == 1
    assert [(f["path"], f["line"], f["match"]) for f in findings_of(result)] == [
        ("content/post.md", 4, "risk-free")
    ]
    assert json.loads(result.stdout)["summary"]["files"] == 1
    # named on the command line, the README is a post after all
    result = run(
        ["check", "content/README.md", "--client", "acme-bank", "--format", "json"], cwd=tmp
    )
    assert [f["match"] for f in findings_of(result)] == ["guaranteed returns"]


def test_binary_on_stdin_is_refused(tmp):
    result = CliRunner().invoke(main, ["check", "-"], input=b"\x00\x01\x02binary")
    # issue 12: unreadable input is an error finding (exit 1), no longer exit 2
    assert result.exit_code == 1
    assert result.stdout.startswith(f"<stdin>:1:1: error {UNREADABLE} binary file")
