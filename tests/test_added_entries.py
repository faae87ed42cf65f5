"""A policy adds its own entries to a built-in rule (``rules: {RULE/NAME: [words]}``): they fire
the rule through its context and conditions, under their own entry id, which a policy can set or
switch off, ``--select`` can name and ``voicelint explain`` lists; a bad one is one line, exit 2."""

from __future__ import annotations

import json

import pytest

from conftest import lint, run_cli, write

SLANG = {
    "extends": ["finance", "customer-care"],
    "rules": {
        "claims.finance.guaranteed-return/house-slang": ["money printer", "free money glitch"]
    },
}


def test_an_added_entry_fires_the_rule_with_its_own_entry_id():
    (finding,) = lint("Our new fund is a money printer.", SLANG)
    assert finding.rule == "claims.finance.guaranteed-return"
    assert finding.entry == "claims.finance.guaranteed-return/house-slang"
    assert finding.match == "money printer"
    assert (finding.start, finding.end) == (18, 31)
    assert finding.severity == "error"
    assert "cannot be guaranteed" in finding.message  # the rule's own message


def test_an_added_entry_keeps_the_rule_context_and_every_inflection():
    assert lint("No fund is a money printer, and ours is not one either.", SLANG) == []
    assert [f.match for f in lint("These funds are money printers.", SLANG)] == ["money printers"]


def test_an_added_entry_is_no_second_finding_where_the_rule_already_fires():
    policy = {
        "extends": ["finance"],
        "rules": {"claims.finance.guaranteed-return/mine": ["guaranteed returns"]},
    }
    found = lint("Earn guaranteed returns today.", policy)
    assert [f.rule for f in found] == ["claims.finance.guaranteed-return"]
    assert found[0].entry != "claims.finance.guaranteed-return/mine"


def test_an_added_entry_with_its_own_message_and_severity_on_a_rule_with_placeholders():
    policy = {
        "extends": ["customer-care"],
        "rules": {
            "tone.hostile-reply/brush-off": {
                "words": ["not our department"],
                "message": '"{match}" brushes the customer off.',
                "severity": "warning",
            }
        },
    }
    (finding,) = lint(
        "Not our department, sorry.",
        policy,
        kind="reply",
        in_reply_to="My card was charged twice and nobody answers!",
    )
    assert finding.entry == "tone.hostile-reply/brush-off"
    assert (finding.severity, finding.message) == (
        "warning",
        '"Not our department" brushes the customer off.',
    )


def test_an_added_entry_switched_off_fires_nothing():
    policy = {
        "extends": ["finance"],
        "rules": {
            "claims.finance.guaranteed-return/mine": {"words": ["money printer"], "severity": "off"}
        },
    }
    assert lint("Our new fund is a money printer.", policy) == []


@pytest.fixture
def project(tmp_path):
    write(
        tmp_path,
        "policies/acme.yaml",
        """
        client: acme
        extends: [finance]
        rules:
          claims.finance.guaranteed-return/house-slang: ["money printer"]
        """,
    )
    write(
        tmp_path,
        "posts.yaml",
        "client: acme\nposts:\n  - id: a\n    text: Our fund is a money printer.\n",
    )
    return tmp_path


def test_explain_lists_the_added_entry(project):
    result = run_cli(["explain", "claims.finance.guaranteed-return", "--policy", "acme"], project)
    assert result.exit_code == 0, result.stderr
    assert (
        'claims.finance.guaranteed-return/house-slang  the policy\'s own words: "money printer"'
        in result.stdout
    )


def test_select_and_ignore_name_the_added_entry(project):
    found = run_cli(["check", "posts.yaml", "--format", "json"], project)
    assert (
        json.loads(found.stdout)["findings"][0]["entry"]
        == "claims.finance.guaranteed-return/house-slang"
    )
    ignored = run_cli(
        ["check", "posts.yaml", "--ignore", "claims.finance.guaranteed-return/house-slang"], project
    )
    assert ignored.exit_code == 0, ignored.stdout


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ('claims.nosuch/x: ["a"]', 'unknown rule "claims.nosuch"'),
        ('format.length/x: ["a"]', "takes no entries of yours"),
        ('claims.finance.guaranteed-return/Bad_Name: ["a"]', 'entry name "Bad_Name"'),
        ("claims.finance.guaranteed-return/x: []", "words must be a list"),
        ("claims.finance.guaranteed-return/x: [1, 2]", "words must be a list"),
        (
            'claims.finance.guaranteed-return/x: {words: ["a"], colour: red}',
            'unknown key of an added entry "colour"',
        ),
        (
            'claims.finance.guaranteed-return/x: {words: ["a"], severity: loud}',
            'severity "loud" is not valid',
        ),
        (
            'claims.finance.guaranteed-return/x: {words: ["a"], message: "{match.__class__}"}',
            "the message",
        ),
        ('tone.hostile-reply/x: ["a"]', "needs values your words cannot give"),
        ('tone.hostile-reply/blame-fault: ["a"]', "is already an entry of tone.hostile-reply"),
    ],
)
def test_a_bad_added_entry_is_one_line_at_its_line_and_exit_2(tmp_path, setting, says):
    write(
        tmp_path,
        "policies/acme.yaml",
        f"client: acme\nextends: [finance, customer-care]\nrules:\n  {setting}\n",
    )
    write(tmp_path, "posts.yaml", "client: acme\nposts:\n  - id: a\n    text: Hello.\n")
    result = run_cli(["check", "posts.yaml"], tmp_path)
    assert result.exit_code == 2
    assert says in result.stderr
    assert "policies/acme.yaml:4:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
