"""`voicelint test`: a policy's own examples (flag: must be flagged, pass: must not be)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write

POLICY = """
client: acme
custom_rules:
  - id: claims.acme.guaranteed
    kind: phrase
    category: claims
    severity: error
    summary: Guarantees.
    why: Brand guide.
    message: 'Drop "{match}".'
    terms: [guaranteed results]
    examples: {fire: ["Guaranteed results."], pass: ["Results vary."]}
examples:
  flag:
    - "Guaranteed results for every client."
    - {text: "We promise guaranteed results.", rule: claims.acme}
  pass:
    - Results vary from client to client.
"""


def run(args: list[str], cwd: Path, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def test_all_examples_pass(tmp_path):
    write(tmp_path, "policies/acme.yaml", POLICY)
    result = run(["test"], tmp_path)
    assert result.exit_code == 0
    assert result.stdout == ("policies/acme.yaml: 3 examples ok\n3 of 3 policy examples passed.\n")


def test_a_flag_example_that_stops_being_flagged_fails_at_its_line(tmp_path):
    write(
        tmp_path,
        "policies/acme.yaml",
        POLICY.replace("terms: [guaranteed results]", "terms: [sure thing]").replace(
            'fire: ["Guaranteed results."]', 'fire: ["A sure thing."]'
        ),
    )
    result = run(["test", "acme"], tmp_path)
    assert result.exit_code == 1
    # "Guaranteed results for every client." is still flagged, by the core rule
    # claims.sealed-promise; the example that names its rule is not
    assert result.stdout.splitlines() == [
        "policies/acme.yaml:15: flag example not flagged by claims.acme: 'We promise guaranteed results.' FAILED",
        "2 of 3 policy examples passed, 1 failed.",
    ]


def test_a_pass_example_that_gets_flagged_fails(tmp_path):
    write(tmp_path, "policies/acme.yaml", POLICY + "    - Guaranteed results, honestly.\n")
    result = run(["test", "policies/acme.yaml"], tmp_path)
    assert result.exit_code == 1
    assert (
        "policies/acme.yaml:18: pass example flagged by claims.acme.guaranteed at "
        "\"Guaranteed results\": 'Guaranteed results, honestly.' FAILED"
    ) in result.stdout


def test_an_example_naming_an_unknown_rule_is_a_policy_error(tmp_path):
    write(
        tmp_path, "policies/acme.yaml", POLICY.replace("rule: claims.acme}", "rule: claims.acne}")
    )
    result = run(["test"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        'voicelint: policies/acme.yaml:15: example names unknown rule "claims.acne"'
    )


def test_a_policy_without_examples_says_so(tmp_path):
    write(tmp_path, "policies/plain.yaml", "client: plain\n")
    result = run(["test"], tmp_path)
    assert result.exit_code == 0
    assert result.stdout.startswith("policies/plain.yaml: no examples\n")


def test_the_shipped_example_policies_pass_their_own_examples():
    repo = Path(__file__).resolve().parents[1]
    result = run(["test"], repo)
    assert result.exit_code == 0, result.stdout
