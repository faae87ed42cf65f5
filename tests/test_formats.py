"""The CI formats (SARIF, GitHub, JUnit), --statistics and --output, each against a golden file.

Set VOICELINT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review
the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import run_cli
from voicelint import __version__
from voicelint.cli import main
from voicelint.formats.github import escape_data, escape_property

TESTS = Path(__file__).resolve().parent
CONTENT = TESTS / "data" / "content"
GOLDEN = TESTS / "golden"
SCHEMA = TESTS / "data" / "sarif-schema-2.1.0.json"


def run(args: list[str], cwd: Path = CONTENT, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = text.replace(f'"version": "{__version__}"', '"version": "<version>"')
    if os.environ.get("VOICELINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("sarif", "week1.sarif"),
        ("github", "week1.github.out"),
        ("junit", "week1.junit.xml"),
        ("json", "week1.json"),
        ("text", "week1.text.out"),
    ],
)
def test_each_format_matches_its_golden_file(fmt, golden):
    result = run(["check", "posts", "--format", fmt, "--no-color"])
    assert result.exit_code == 1, result.output
    assert_golden(golden, result.stdout)


def test_sarif_is_valid_against_the_2_1_0_schema():
    result = run(["check", "posts", "--format", "sarif"])
    document = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run_ = document["runs"][0]
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["claims.gates.guaranteed"]["defaultConfiguration"] == {"level": "error"}
    assert "FTC Act, 15 U.S.C. 45" in rules["claims.gates.guaranteed"]["help"]["text"]
    first = run_["results"][0]
    assert (first["ruleId"], first["level"]) == ("claims.gates.guaranteed", "error")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "posts/week1.yaml"
    assert location["region"] == {
        "startLine": 5,
        "startColumn": 12,
        "endLine": 5,
        "endColumn": 30,
        "snippet": {"text": "Guaranteed results"},
    }


def test_sarif_of_a_clean_run_is_valid_and_empty(tmp_path):
    (tmp_path / "p.txt").write_text("Our blender has five speeds.\n", encoding="utf-8")
    policy = str(CONTENT / "policies" / "gates-test.yaml")
    result = run(["check", "p.txt", "--policy", policy, "--format", "sarif"], cwd=tmp_path)
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert result.exit_code == 0 and document["runs"][0]["results"] == []


def test_github_commands_point_at_file_line_and_columns():
    result = run(["check", "posts", "--format", "github"])
    assert result.stdout.splitlines()[0] == (
        "::error file=posts/week1.yaml,line=5,endLine=5,col=12,endColumn=30,"
        "title=voicelint claims.gates.guaranteed::"
        '"Guaranteed results" promises 100%25 certainty, which no one can give: '
        "say what the product aims to do."
    )


def test_github_escaping_follows_actions_toolkit():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("posts/a,b:c%.yaml") == "posts/a%2Cb%3Ac%25.yaml"
    assert escape_data("a: b, c") == "a: b, c"  # only properties escape : and ,


def test_junit_has_one_case_per_post_and_a_failure_per_finding():
    from xml.etree import ElementTree as ET

    result = run(["check", "posts", "--format", "junit"])
    root = ET.fromstring(result.stdout)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["post g-1", "post g-2", "post g-3"]
    assert [len(c.findall("failure")) for c in cases] == [1, 1, 0]
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    assert cases[1].find("failure").get("type") == "tone.gates.hype"


def test_statistics_counts_per_rule_and_category():
    result = run(["check", "posts", "--statistics"])
    assert_golden("week1.statistics.out", result.stdout)
    assert result.exit_code == 1


def test_statistics_with_a_machine_format_go_to_stderr():
    runner = CliRunner()
    old = Path.cwd()
    os.chdir(CONTENT)
    try:
        result = runner.invoke(main, ["check", "posts", "--format", "github", "--statistics"])
    finally:
        os.chdir(old)
    assert result.stdout.startswith("::error ")
    assert "1  claims.gates.guaranteed  error    claims" in result.stderr


def test_output_writes_the_golden_report_and_nothing_on_stdout(tmp_path):
    target = tmp_path / "voicelint.sarif"
    result = run(["check", "posts", "--format", "sarif", "--output", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert_golden("week1.sarif", target.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["voicelint.sarif"]


def test_output_is_untouched_when_the_run_fails(tmp_path):
    target = tmp_path / "report.sarif"
    target.write_text("previous report", encoding="utf-8")
    # issue 12: a bad post is now a finding (exit 1); a path with no posts still fails the run
    (tmp_path / "ci.yaml").write_text("jobs: [build]\n", encoding="utf-8")
    result = run(["check", ".", "--format", "sarif", "--output", str(target)], cwd=tmp_path)
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ci.yaml", "report.sarif"]


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_decides_the_exit_code(fail_on, code):
    assert run(["check", "posts", "--fail-on", fail_on]).exit_code == code


def test_warnings_alone_fail_only_from_warning_down(tmp_path):
    (tmp_path / "p.txt").write_text("A game-changer for busy kitchens.\n", encoding="utf-8")
    policy = str(CONTENT / "policies" / "gates-test.yaml")
    base = ["check", "p.txt", "--policy", policy]
    assert run(base, cwd=tmp_path).exit_code == 0  # default: error
    assert run([*base, "--fail-on", "warning"], cwd=tmp_path).exit_code == 1


def test_github_gives_columns_only_for_a_range_on_one_line():
    from voicelint.formats.github import render_github
    from voicelint.model import Finding
    from voicelint.report import Report

    finding = Finding(
        path="posts/a,b.yaml", post="1", client=None, rule="tone.x", category="tone",
        severity="info", message="50% off\nnext line", line=3, column=20, end_line=4,
        end_column=6, start=0, end=10, match="x",
    )  # fmt: skip
    assert render_github(Report(findings=[finding])) == (
        "::notice file=posts/a%2Cb.yaml,line=3,endLine=4,title=voicelint tone.x::50%25 off%0Anext line\n"
    )


def test_sarif_lists_allowed_findings_as_suppressed_with_their_approver(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "text: Guaranteed results, every time.\n"
        "voicelint: {allow: [claims.gates], reason: Study 2026, approved_by: M. Ortiz, "
        "expires: 2099-01-31}\n",
        encoding="utf-8",
    )
    policy = str(CONTENT / "policies" / "gates-test.yaml")
    result = run(["check", "p.yaml", "--policy", policy, "--format", "sarif"], cwd=tmp_path)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (allowed,) = document["runs"][0]["results"]
    assert allowed["ruleId"] == "claims.gates.guaranteed"
    assert allowed["locations"][0]["physicalLocation"]["region"]["startColumn"] == 7
    assert allowed["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "Study 2026",
            "properties": {"approved_by": "M. Ortiz", "expires": "2099-01-31"},
        }
    ]
