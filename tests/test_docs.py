"""Rule documentation: docs/rules.md is generated from the packs and must not go stale."""

from __future__ import annotations

from pathlib import Path

from voicelint.docs import all_builtin_rules, explain_rule, rules_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rules_doc_is_up_to_date():
    expected = rules_markdown(all_builtin_rules())
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "run: voicelint rules --format markdown > docs/rules.md"
    )


def test_rules_doc_names_every_rule_with_its_reason():
    text = DOCS.read_text(encoding="utf-8")
    for rule in all_builtin_rules():
        assert f"### `{rule.id}`" in text
        assert rule.why in text


def test_explain_shows_why_message_and_both_kinds_of_example():
    rule = next(r for r in all_builtin_rules() if r.id == "claims.finance.guaranteed-return")
    text = explain_rule(rule)
    assert text.startswith(
        "claims.finance.guaranteed-return  (claims, error, pack finance, kind pattern)"
    )
    assert "FINRA Rule 2210(d)(1)(B)" in text
    assert "Flags:\n  - Earn guaranteed returns with our new growth fund." in text
    assert "Leaves alone:\n  - Our service guarantee: we answer in under 2 minutes." in text


def test_the_readme_sample_output_is_what_voicelint_prints():
    import subprocess
    import sys

    repo = DOCS.parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8").splitlines()
    output = subprocess.run(
        [sys.executable, "-m", "voicelint", "check", "examples/"],
        capture_output=True,
        text=True,
        cwd=repo,
    ).stdout.splitlines()
    first_finding = next(
        line for line in readme if line.startswith("examples/acme-bank/week48.yaml:18:17:")
    )
    summary = next(line for line in readme if line.startswith("Found ") and "findings" in line)
    assert first_finding == output[0]
    assert summary == output[-1]
