"""Rule entries (issue 16, item 3): a finding names the entry that fired, a policy switches one
off or sets its severity by its full id, `voicelint explain` and docs/rules.md list them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import lint, run_cli, write
from voicelint.docs import all_builtin_rules, explain_rule
from voicelint.errors import PolicyError
from voicelint.policy import build_policy, default_policy, rule_entries

REPO = Path(__file__).resolve().parents[1]
COMPLAINT = "My order never arrived, this is a joke"
LAUGH = "Haha 😂 we'll sort it out, check your DMs!"
BLAME = "That's your fault, the form says so."
REPLY = {"kind": "reply", "in_reply_to": COMPLAINT}


def entries_of(findings, rule):
    return [f.entry for f in findings if f.rule == rule]


def test_a_hostility_finding_names_its_lexicon_entry():
    found = lint(LAUGH, **REPLY)
    assert entries_of(found, "tone.hostile-reply") == ["tone.hostile-reply/mock-laughter"]
    found = lint(BLAME, **REPLY)
    assert "tone.hostile-reply/blame-fault" in entries_of(found, "tone.hostile-reply")


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("You will save $500 on your energy bill, guaranteed.", "savings"),
        ("Our app is guaranteed to make you lose 10 pounds.", "health"),
    ],
)
def test_a_claim_grammar_finding_names_its_outcome_class(text, entry):
    found = lint(text)
    assert entries_of(found, "claims.certain-outcome") == [f"claims.certain-outcome/{entry}"]


def test_a_rule_without_entries_gives_no_entry():
    found = lint("Best coffee in the world!")
    assert found and all(f.entry is None for f in found if f.rule == "claims.superlative")


def policy(rules: dict, **more) -> dict:
    return {"rules": rules, **more}


def test_an_entry_switched_off_is_dropped_and_the_rest_of_the_rule_still_runs():
    off = policy({"tone.hostile-reply/mock-laughter": "off"})
    assert entries_of(lint(LAUGH, off, **REPLY), "tone.hostile-reply") == []
    assert "tone.hostile-reply/blame-fault" in entries_of(
        lint(BLAME, off, **REPLY), "tone.hostile-reply"
    )
    # a bare `off` in YAML reads as false
    bare = policy({"tone.hostile-reply/mock-laughter": False})
    assert entries_of(lint(LAUGH, bare, **REPLY), "tone.hostile-reply") == []


def test_an_entry_gets_a_severity_of_its_own():
    found = lint(BLAME, policy({"tone.hostile-reply/blame-fault": "warning"}), **REPLY)
    assert [f.severity for f in found if f.entry == "tone.hostile-reply/blame-fault"] == ["warning"]
    found = lint(LAUGH, policy({"tone.hostile-reply/blame-fault": "warning"}), **REPLY)
    assert [f.severity for f in found if f.rule == "tone.hostile-reply"] == ["error"]


def test_a_claim_class_can_be_switched_off():
    text = "You will save $500 on your energy bill, guaranteed."
    found = lint(text, policy({"claims.certain-outcome/savings": "off"}))
    assert entries_of(found, "claims.certain-outcome") == []


def bad_policy(rules: dict) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        build_policy({"rules": rules}, {}, "<test policy>", None, None)
    return caught.value


def test_an_unknown_entry_names_the_nearest_one():
    error = bad_policy({"tone.hostile-reply/blame-faul": "off"})
    assert error.message == 'unknown entry "tone.hostile-reply/blame-faul"'
    assert error.hint == 'did you mean "tone.hostile-reply/blame-fault"?'


def test_an_entry_of_an_unknown_rule_or_a_rule_without_entries_or_a_bad_setting_is_an_error():
    assert bad_policy({"tone.hostile-replies/blame-fault": "off"}).message == (
        'unknown rule "tone.hostile-replies" in tone.hostile-replies/blame-fault'
    )
    error = bad_policy({"claims.superlative/best": "off"})
    assert error.message == "rule claims.superlative has no entries to set one by one"
    assert bad_policy({"tone.hostile-reply/blame-fault": "loud"}).message == (
        'entry setting "loud" for tone.hostile-reply/blame-fault is not valid'
    )


POST_FILE = f"""
posts:
  - id: r1
    client: acme
    kind: reply
    in_reply_to: "{COMPLAINT}"
    text: "{LAUGH}"
"""


def test_the_cli_shows_the_entry_in_text_json_and_sarif(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\n")
    write(tmp, "drafts/a.yaml", POST_FILE)
    text = run_cli(["check", "drafts/"], tmp)
    assert text.exit_code == 1
    assert "drafts/a.yaml:6:12: error tone.hostile-reply/mock-laughter " in text.stdout
    findings = json.loads(run_cli(["check", "drafts/", "--format", "json"], tmp).stdout)["findings"]
    assert [f["entry"] for f in findings] == ["tone.hostile-reply/mock-laughter"]
    assert list(findings[0])[5:7] == ["rule", "entry"]
    sarif = json.loads(run_cli(["check", "drafts/", "--format", "sarif"], tmp).stdout)
    results = sarif["runs"][0]["results"]
    assert [r["properties"]["entry"] for r in results] == ["tone.hostile-reply/mock-laughter"]


def test_the_entry_survives_the_cache(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\n")
    write(tmp, "drafts/a.yaml", POST_FILE)
    first = run_cli(["check", "drafts/", "--format", "json"], tmp).stdout
    again = run_cli(["check", "drafts/", "--format", "json"], tmp).stdout
    assert first == again and '"entry": "tone.hostile-reply/mock-laughter"' in again


def test_an_unknown_entry_in_a_policy_file_exits_2_with_one_line(tmp):
    write(
        tmp, "policies/acme.yaml", "client: acme\nrules:\n  tone.hostile-reply/mock-laughtr: off\n"
    )
    write(tmp, "drafts/a.yaml", POST_FILE)
    result = run_cli(["check", "drafts/"], tmp)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith("voicelint: ")
    assert line.endswith(
        "policies/acme.yaml:3: unknown entry "
        '"tone.hostile-reply/mock-laughtr" (did you mean "tone.hostile-reply/mock-laughter"?)'
    )


def test_explain_lists_the_rules_entries():
    rule = default_policy().rule("tone.hostile-reply")
    text = explain_rule(rule)
    assert "Entries" in text
    assert re.search(r"^  tone\.hostile-reply/blame-fault +blames the customer: ", text, re.M)
    result = run_cli(["explain", "claims.certain-outcome"], REPO)
    assert result.exit_code == 0
    assert re.search(r"^  claims\.certain-outcome/returns +a financial return", result.stdout, re.M)


def test_rules_without_entries_explain_none():
    assert "Entries" not in explain_rule(default_policy().rule("claims.superlative"))


def test_docs_list_every_entry_under_its_rule():
    docs = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `([^`]+)`\n(.*?)(?=^### |\Z)", docs, re.M | re.S))
    listed = 0
    for rule in all_builtin_rules():
        for entry, _ in rule_entries(rule):
            assert f"- `{entry}`: " in sections[rule.id], entry
            listed += 1
    assert listed > 30  # hostility's lexicon and the claim grammar's classes, at least


def readme_entry_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme.split("A playful brand that laughs along", 1)[1]
    return re.search(r"```yaml\n(.*?)```", after, re.S).group(1)


def test_the_readme_example_runs(tmp):
    example = readme_entry_example()
    assert "tone.hostile-reply/mock-laughter: off" in example
    write(tmp, "policies/acme.yaml", "client: acme\n" + example)
    write(tmp, "drafts/a.yaml", POST_FILE)
    assert run_cli(["validate", "policies/acme.yaml"], tmp).exit_code == 0
    result = run_cli(["check", "drafts/", "--format", "json"], tmp)
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    blamed = POST_FILE.replace(LAUGH, BLAME)
    write(tmp, "drafts/a.yaml", blamed)
    findings = json.loads(run_cli(["check", "drafts/", "--format", "json"], tmp).stdout)["findings"]
    severities = {f["entry"]: f["severity"] for f in findings if f["entry"]}
    assert severities == {"tone.hostile-reply/blame-fault": "warning"}
