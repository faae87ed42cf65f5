"""Policies: every mistake a policy author makes is named with its file, line and the nearest valid name."""

from __future__ import annotations

import pytest

from conftest import lint_file, rules_of, write
from voicelint.engine import compile_policy
from voicelint.errors import PolicyError
from voicelint.policy import load_policy


def policy_error(tmp, text: str, name: str = "acme.yaml") -> PolicyError:
    path = write(tmp, name, text)
    with pytest.raises(PolicyError) as caught:
        compile_policy(load_policy(path))
    return caught.value


def test_a_minimal_policy_runs_the_core_checks(tmp):
    path = write(tmp, "acme.yaml", "client: acme\n")
    policy = load_policy(path)
    assert policy.client == "acme"
    # green claims are held to the Green Guides and a sponsored post to the Endorsement Guides
    # whatever the industry: environmental and endorsements are always on
    assert policy.packs == ("core", "environmental", "endorsements")
    assert "claims.superlative" in [r.id for r in policy.rules]
    assert "claims.environmental.general-benefit" in [r.id for r in policy.rules]


def test_an_always_on_pack_named_again_is_loaded_once(tmp):
    (tmp / "green.yaml").write_text(
        "pack: green\nextends: [environmental]\nrules: []\n", encoding="utf-8"
    )
    path = write(tmp, "acme.yaml", "client: acme\nextends: [environmental, green.yaml]\n")
    policy = load_policy(path)
    ids = [r.id for r in policy.rules]
    assert ids.count("claims.environmental.general-benefit") == 1
    assert policy.packs == ("core", "environmental", "endorsements", "green.yaml")


def test_an_empty_policy_file_is_the_defaults(tmp):
    policy = load_policy(write(tmp, "acme.yaml", ""))
    assert policy.client == "acme"


def test_unknown_top_level_key_names_line_and_nearest(tmp):
    error = policy_error(tmp, "client: acme\nextnds: [finance]\n")
    assert (error.line, error.message) == (2, 'unknown key "extnds"')
    assert error.hint == 'did you mean "extends"?'
    assert str(error) == f'{error.path}:2: unknown key "extnds" (did you mean "extends"?)'


def test_unknown_pack_points_at_its_extends_entry(tmp):
    error = policy_error(tmp, "client: acme\nextends:\n  - customer-care\n  - financ\n")
    assert (error.line, error.message, error.hint) == (
        4,
        'unknown pack "financ"',
        'did you mean "finance"?',
    )


def test_unknown_voice_setting(tmp):
    error = policy_error(tmp, "voice:\n  register: formal\n  max_emojis: 2\n")
    assert (error.line, error.message, error.hint) == (
        3,
        'unknown voice setting "max_emojis"',
        'did you mean "max_emoji"?',
    )


def test_bad_register_value(tmp):
    error = policy_error(tmp, "voice:\n  register: loud\n")
    assert error.line == 2
    assert "voice.register must be formal, neutral or casual" in error.message


def test_unknown_platform_in_a_per_platform_limit(tmp):
    error = policy_error(tmp, "voice:\n  max_emoji:\n    default: 2\n    instagramm: 4\n")
    assert (error.line, error.hint) == (4, 'did you mean "instagram"?')


def test_unknown_routing_intent_and_destination(tmp):
    error = policy_error(tmp, "routing:\n  biling: dm\n")
    assert (error.line, error.message, error.hint) == (
        2,
        'unknown routing intent "biling"',
        'did you mean "billing"?',
    )
    error = policy_error(tmp, "routing:\n  billing: dms\n")
    assert (error.line, error.hint) == (2, 'did you mean "dm"?')


def test_unknown_rule_override_suggests_the_nearest_id(tmp):
    error = policy_error(tmp, "rules:\n  claims.superlatve: warning\n")
    assert (error.line, error.message, error.hint) == (
        2,
        'unknown rule "claims.superlatve"',
        'did you mean "claims.superlative"?',
    )


def test_override_of_a_rule_from_a_pack_not_extended_names_the_pack(tmp):
    error = policy_error(tmp, "rules:\n  claims.finance.risk-free: warning\n")
    assert error.hint == 'it is in the "finance" pack: add finance to extends'


def test_bad_override_value(tmp):
    error = policy_error(tmp, "rules:\n  claims.superlative: loud\n")
    assert error.line == 2 and "use error, warning, info or off" in error.hint


def test_overrides_by_id_and_prefix(tmp):
    path = write(
        tmp,
        "acme.yaml",
        """
        extends: [finance]
        rules:
          claims.finance: warning
          claims.finance.risk-free: off
          tone.exclamations: off
        """,
    )
    policy = load_policy(path)
    by_id = {r.id: r for r in policy.rules}
    assert "claims.finance.risk-free" not in by_id
    assert "tone.exclamations" not in by_id
    assert by_id["claims.finance.guaranteed-return"].severity == "warning"
    assert by_id["claims.superlative"].severity == "error"


def test_approved_claims_are_not_flagged(tmp):
    path = write(
        tmp,
        "acme.yaml",
        'claims:\n  approved: ["#1 bank for small business in Ohio (J.D. Power 2026)"]\n',
    )
    assert (
        rules_of(
            lint_file(path, "Proud to be the #1 bank for small business in Ohio (J.D. Power 2026).")
        )
        == []
    )
    assert rules_of(lint_file(path, "The #1 bank in the country.")) == ["claims.superlative"]


def test_client_must_match_the_file_name(tmp):
    error = policy_error(tmp, "client: acme-bank\n", name="acme.yaml")
    assert error.line == 1
    assert 'does not match the file name "acme"' in error.message


def test_malformed_yaml_names_the_line(tmp):
    error = policy_error(tmp, "client: acme\nvoice:\n  register: formal\n   max_emoji: 2\n")
    assert error.line == 4
    assert error.message.startswith("invalid YAML")


def test_python_object_tag_is_refused(tmp):
    error = policy_error(tmp, "client: acme\nname: !!python/object/apply:os.system ['echo hi']\n")
    assert error.line == 2
    assert "is not allowed" in error.message and "python/object" in error.message


def test_duplicate_key(tmp):
    error = policy_error(tmp, "client: acme\nvoice: {}\nvoice: {}\n")
    assert (error.line, error.message) == (3, 'duplicate key "voice"')


def test_custom_rule_with_a_pattern_spacy_refuses(tmp):
    error = policy_error(
        tmp,
        """
        client: acme
        custom_rules:
          - id: claims.acme.bad
            kind: pattern
            category: claims
            summary: s
            why: w
            message: m
            patterns: [[{LOWR: cure}]]
            examples: {fire: [], pass: []}
        """,
    )
    assert error.line == 3
    assert error.message.startswith("rule claims.acme.bad: the pattern is refused: ")
    assert "LOWR" in error.message


def test_custom_rule_pattern_needing_a_trained_model_is_refused(tmp):
    error = policy_error(
        tmp,
        """
        custom_rules:
          - id: claims.acme.nouns
            kind: pattern
            category: claims
            summary: s
            why: w
            message: m
            patterns: [[{POS: NOUN}]]
            examples: {fire: [], pass: []}
        """,
    )
    assert "POS needs a trained spaCy model" in error.message


def test_custom_rule_with_unknown_kind_and_key(tmp):
    base = "custom_rules:\n  - id: tone.acme.x\n    category: tone\n    summary: s\n    why: w\n    message: m\n    examples: {}\n"
    error = policy_error(tmp, base + "    kind: phrases\n    terms: [x]\n")
    assert (error.line, error.hint) == (8, 'did you mean "phrase"?')
    error = policy_error(tmp, base + "    kind: phrase\n    term: [x]\n")
    assert (error.line, error.message, error.hint) == (
        9,
        'rule tone.acme.x: unknown key "term" for a phrase rule',
        'did you mean "terms"?',
    )


def test_custom_rule_message_with_unknown_placeholder(tmp):
    error = policy_error(
        tmp,
        """
        custom_rules:
          - id: tone.acme.x
            kind: phrase
            category: tone
            summary: s
            why: w
            message: "Avoid {word}"
            terms: [x]
            examples: {}
        """,
    )
    assert error.message == "rule tone.acme.x: message uses {word}"
    assert error.hint == "placeholders: {match}"


def test_custom_rule_runs_with_inflections(tmp):
    path = write(
        tmp,
        "acme.yaml",
        """
        custom_rules:
          - id: tone.acme.hype
            kind: phrase
            category: tone
            severity: info
            summary: Hype words.
            why: The brand guide.
            message: 'Drop "{match}".'
            terms: [skyrocket]
            examples: {fire: [], pass: []}
        """,
    )
    findings = lint_file(path, "Savings that skyrocketed last year.")
    assert [(f.rule, f.severity, f.match, f.message) for f in findings] == [
        ("tone.acme.hype", "info", "skyrocketed", 'Drop "skyrocketed".')
    ]


def test_extends_cycle_between_pack_files(tmp):
    write(tmp, "a.yaml", "pack: a\nextends: [./b.yaml]\nrules: []\n")
    write(tmp, "b.yaml", "pack: b\nextends: [./a.yaml]\nrules: []\n")
    error = policy_error(tmp, "extends: [./a.yaml]\n")
    assert error.message.startswith("extends cycle:")
    assert "a.yaml" in error.message and "b.yaml" in error.message


def test_extends_a_pack_file_by_path(tmp):
    write(
        tmp,
        "packs/house.yaml",
        """
        pack: house
        rules:
          - id: tone.house.jargon
            kind: phrase
            category: tone
            summary: Jargon.
            why: House style.
            message: 'Say it plainly instead of "{match}".'
            terms: [synergy]
            examples: {fire: ["Pure synergy."], pass: ["Teamwork."]}
        """,
    )
    path = write(tmp, "acme.yaml", "extends: [packs/house.yaml]\n")
    assert rules_of(lint_file(path, "Synergies everywhere")) == ["tone.house.jargon"]


def test_missing_pack_file(tmp):
    error = policy_error(tmp, "extends: [./nope.yaml]\n")
    assert error.message == "rule pack file not found"


def test_every_shipped_example_policy_is_valid():
    from voicelint.data import example_policies

    policies = example_policies()
    assert set(policies) >= {"acme-bank", "vitality-labs", "harbor-coffee"}
    for path in policies.values():
        compiled = compile_policy(load_policy(path))
        assert compiled.rules
