"""Audited exceptions: a post's voicelint: {allow, reason, approved_by, expires}, checked and reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import draft, run_cli, write
from voicelint.engine import compile_policy, lint_post
from voicelint.policy import build_policy

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
HYPE_RULE = {
    "id": "tone.acme.hype",
    "kind": "phrase",
    "category": "tone",
    "severity": "warning",
    "summary": "Hype.",
    "why": "Brand guide.",
    "message": 'Drop "{match}".',
    "terms": ["game-changer"],
    "examples": {"fire": ["A game-changer."], "pass": ["A blender."]},
}
CLAIM_RULE = {
    **HYPE_RULE,
    "id": "claims.acme.guaranteed",
    "category": "claims",
    "severity": "error",
    "terms": ["guaranteed results"],
    "examples": {"fire": ["Guaranteed results."], "pass": ["Results vary."]},
}


def lint(text: str, allow: dict, require: str | None = "error"):
    data: dict = {"custom_rules": [HYPE_RULE, CLAIM_RULE]}
    if require:
        data["exceptions"] = {"require_approval": require}
    compiled = compile_policy(build_policy(data, {}, "<test policy>", None, None))
    return lint_post(compiled, draft(text, suppressions=allow), NOW)


def rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def test_an_approved_exception_suppresses_and_is_recorded():
    allow = {"allow": ["claims.acme"], "reason": "Legal ok", "approved_by": "M. Ortiz"}
    result = lint("Guaranteed results, every time.", allow)
    assert rules(result) == []
    (suppressed,) = result.suppressed
    assert (suppressed.rule, suppressed.reason, suppressed.approved_by) == (
        "claims.acme.guaranteed",
        "Legal ok",
        "M. Ortiz",
    )


def test_an_error_level_exception_without_approval_is_refused():
    result = lint("Guaranteed results, every time.", {"allow": ["claims.acme.guaranteed"]})
    assert rules(result) == ["process.exception-unapproved", "claims.acme.guaranteed"]
    refused = result.findings[0]
    assert refused.severity == "error"
    assert "needs reason and approved_by" in refused.message
    assert result.suppressed == []


def test_approval_is_required_only_at_or_above_the_policy_level():
    result = lint("A game-changer.", {"allow": ["tone.acme.hype"]})
    assert rules(result) == [] and len(result.suppressed) == 1
    result = lint("A game-changer.", {"allow": ["tone.acme.hype"]}, require="warning")
    assert rules(result) == ["process.exception-unapproved", "tone.acme.hype"]


def test_without_a_policy_requirement_any_exception_is_taken():
    result = lint("Guaranteed results.", {"allow": ["claims.acme.guaranteed"]}, require=None)
    assert rules(result) == [] and result.suppressed[0].approved_by is None


def test_an_expired_exception_allows_nothing_and_says_so():
    allow = {
        "allow": ["claims.acme.guaranteed"],
        "reason": "Launch week",
        "approved_by": "M. Ortiz",
        "expires": dt.date(2026, 11, 22),
    }
    result = lint("Guaranteed results.", allow)
    assert rules(result) == ["process.exception-expired", "claims.acme.guaranteed"]
    assert "expired on 2026-11-22" in result.findings[0].message
    assert result.findings[0].severity == "warning"


def test_an_exception_is_valid_through_its_expiry_day():
    allow = {
        "allow": ["claims.acme.guaranteed"],
        "reason": "Launch week",
        "approved_by": "M. Ortiz",
        "expires": "2026-11-23",
    }
    result = lint("Guaranteed results.", allow)
    assert rules(result) == [] and result.suppressed[0].expires == dt.date(2026, 11, 23)


def test_an_exception_that_suppresses_nothing_is_a_finding():
    allow = {"allow": ["tone.acme.hype"], "reason": "old", "approved_by": "M. Ortiz"}
    result = lint("Our blender has five speeds.", allow)
    assert rules(result) == ["process.exception-unused"]
    assert result.findings[0].severity == "warning"


POST_FILE = """
posts:
  - id: p-1
    text: Guaranteed results, every time.
    voicelint:
      allow: [claims.acme.guaranteed]
      reason: Substantiated by the 2026 study
  - id: p-2
    text: A game-changer.
    voicelint: {allow: [tone.acme.hype], approved_by: "J. Lee", expires: 2027-01-31}
"""


def run(args: list[str], cwd: Path, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def acme_policy(tmp_path: Path) -> None:
    import yaml

    policy = {
        "client": "acme",
        "exceptions": {"require_approval": "error"},
        "custom_rules": [HYPE_RULE, CLAIM_RULE],
    }
    write(tmp_path, "policies/acme.yaml", yaml.safe_dump(policy, sort_keys=False))


def test_cli_refuses_an_unapproved_exception_at_its_line(tmp_path):
    acme_policy(tmp_path)
    write(tmp_path, "posts.yaml", POST_FILE)
    result = run(
        ["check", "posts.yaml", "--client", "acme", "--format", "json", "--now", "2026-11-23"],
        tmp_path,
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    places = [(f["rule"], f["line"], f["column"]) for f in document["findings"]]
    assert places == [  # by line (issue 12: findings are sorted by file, line, column)
        ("claims.acme.guaranteed", 3, 11),
        ("process.exception-unapproved", 5, 15),
    ]
    assert document["summary"]["suppressed"] == [
        {
            "path": "posts.yaml",
            "post": "p-2",
            "rule": "tone.acme.hype",
            "line": 7,
            "reason": None,
            "approved_by": "J. Lee",
            "expires": "2027-01-31",
        }
    ]


def test_text_summary_lists_every_suppression_with_its_approver(tmp_path):
    acme_policy(tmp_path)
    write(tmp_path, "posts.yaml", POST_FILE)
    result = run(["check", "posts.yaml", "--client", "acme", "--now", "2026-11-23"], tmp_path)
    assert (
        "Allowed by exceptions:\n"
        "  posts.yaml:7: tone.acme.hype in post p-2, approved by J. Lee (until 2027-01-31)\n"
    ) in result.stdout


def test_a_malformed_expiry_is_an_invalid_post_finding_and_the_post_is_still_checked(tmp_path):
    # issue 12: a bad field of one post is an error finding at its line, not the end of the run;
    # the post is checked with nothing allowed
    acme_policy(tmp_path)
    write(
        tmp_path,
        "p.yaml",
        "text: A game-changer.\nvoicelint: {allow: [tone.acme.hype], expires: soon}\n",
    )
    result = run(["check", "p.yaml", "--client", "acme", "--format", "json"], tmp_path)
    assert result.exit_code == 1 and result.stderr == ""
    found = [(f["rule"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert found[0][:2] == ("tone.acme.hype", 1)
    assert found[1][:2] == ("format.invalid-post", 2)
    assert found[1][2].startswith('voicelint.expires is not a date: "soon"')


def test_an_allow_naming_an_unknown_rule_is_an_invalid_post_finding(tmp_path):
    acme_policy(tmp_path)
    write(
        tmp_path,
        "p.yaml",
        "posts:\n  - text: Fine words.\n  - text: A game-changer.\n"
        "    voicelint: {allow: [tone.acme.hyp]}\n",
    )
    result = run(["check", "p.yaml", "--client", "acme", "--format", "json"], tmp_path)
    assert result.exit_code == 1 and result.stderr == ""
    found = [(f["rule"], f["post"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("tone.acme.hype", "2", 3), ("format.invalid-post", "2", 4)]


def test_process_rules_are_listed_and_explained(tmp_path):
    listed = run(["rules", "--format", "json"], tmp_path)
    ids = [rule["id"] for rule in json.loads(listed.stdout)]
    for rule_id in (
        "process.exception-unapproved",
        "process.exception-expired",
        "process.exception-unused",
        "process.blackout",
        "process.publish-in-past",
    ):
        assert rule_id in ids
    explained = run(["explain", "process.exception-unused"], tmp_path)
    assert explained.exit_code == 0
    assert explained.stdout.startswith("process.exception-unused  (process, warning, pack process")
    assert "RUF100" in explained.stdout


def test_a_policy_with_a_bad_approval_level_names_its_line(tmp_path):
    write(tmp_path, "policies/acme.yaml", "client: acme\nexceptions:\n  require_approval: errors\n")
    result = run(["validate", "policies/acme.yaml"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        'voicelint: policies/acme.yaml:3: exceptions.require_approval "errors" is not valid'
    )
