"""Hostile policies, packs and configuration: bombs, unsafe templates, escapes from the policies
folder, client ids that are paths, and what a new user trips on (issue 12)."""

from __future__ import annotations

import json
import os
import time

import pytest

from conftest import run_cli, write

RULE = """
custom_rules:
  - id: claims.acme.fastest
    kind: phrase
    category: claims
    severity: error
    summary: Says fastest.
    why: Unsubstantiated.
    message: {message}
    terms: [fastest]
    examples:
      fire: [{fire}]
      pass: [{passes}]
"""


def policy_with_rule(message: str = '"Avoid {match}."', fire: str = '"The fastest bank."') -> str:
    return "client: acme\n" + RULE.format(message=message, fire=fire, passes='"A fast bank."')


def one_line(result, prefix: str = "voicelint: ") -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith(prefix), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return result.stderr


def bomb(top: str = "bomb") -> str:
    levels = [f'{top}: [&a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        levels.append(f"  , &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(levels) + "]\n"


# --- 1. YAML aliases are bounded in every YAML voicelint reads ------------------------------


def test_an_alias_bomb_in_a_policy_ends_at_once_with_one_line(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\nexamples:\n" + bomb("  flag"))
    started = time.monotonic()
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    assert time.monotonic() - started < 10
    assert "YAML aliases" in one_line(result, "voicelint: policies/acme.yaml:4: ")


def test_an_alias_bomb_in_a_pack_ends_at_once_with_one_line(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [packs/big.yaml]\n")
    write(tmp, "policies/packs/big.yaml", "pack: big\n" + bomb("rules"))
    started = time.monotonic()
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    assert time.monotonic() - started < 10
    assert "YAML aliases" in one_line(result, "voicelint: policies/packs/big.yaml:3: ")


def test_an_alias_bomb_in_the_configuration_ends_at_once_with_one_line(tmp):
    write(tmp, "voicelint.yaml", bomb("clients"))
    write(tmp, "post.yaml", "text: Hello there.\n")
    started = time.monotonic()
    result = run_cli(["check", "post.yaml"], tmp)
    assert time.monotonic() - started < 10
    assert "YAML aliases" in one_line(result)
    assert "voicelint.yaml:2: " in result.stderr


def test_an_alias_bomb_in_an_eval_corpus_ends_at_once_with_one_line(tmp):
    write(tmp, "corpus.yaml", "categories: [claims]\n" + bomb("drafts"))
    started = time.monotonic()
    result = run_cli(["eval", "corpus.yaml"], tmp)
    assert time.monotonic() - started < 10
    assert "YAML aliases expand to more than" in one_line(result, "voicelint: corpus.yaml:")


def test_an_eval_corpus_may_still_repeat_a_value_by_alias(tmp):
    write(
        tmp,
        "corpus.yaml",
        """
        policy: {extends: [finance]}
        categories: [claims]
        drafts:
          - text: Guaranteed returns, every year.
            expect: &claims [claims]
          - text: Guaranteed returns for all.
            expect: *claims
        """,
    )
    result = run_cli(["eval", "corpus.yaml"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "(2/2)" in result.stdout


# --- 2. Message templates are validated at load ---------------------------------------------

TEMPLATES = ['"{}"', '"{"', '"}"', '"{match:>3000000000}"', '"{match!r}"', '"{match.__class__}"']


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_unsafe_message_template_is_one_line_in_validate(tmp, template):
    write(tmp, "policies/acme.yaml", policy_with_rule(message=template))
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    message_line = 10
    error = one_line(result, f"voicelint: policies/acme.yaml:{message_line}: ")
    assert "rule claims.acme.fastest: message" in error


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_unsafe_message_template_is_one_line_in_check(tmp, template):
    write(tmp, "policies/acme.yaml", policy_with_rule(message=template))
    write(tmp, "post.yaml", "client: acme\ntext: The fastest bank in town.\n")
    result = run_cli(["check", "post.yaml"], tmp)
    error = one_line(result)
    assert "policies/acme.yaml:10: rule claims.acme.fastest: message" in error


def test_documented_placeholders_and_doubled_braces_still_work(tmp):
    write(tmp, "policies/acme.yaml", policy_with_rule(message='"Avoid {match} {{ok}}."'))
    write(tmp, "post.yaml", "client: acme\ntext: The fastest bank in town.\n")
    result = run_cli(["check", "post.yaml", "--format", "json"], tmp)
    assert result.exit_code == 1, result.stderr
    messages = [
        f["message"]
        for f in json.loads(result.stdout)["findings"]
        if f["rule"] == "claims.acme.fastest"
    ]
    assert messages == ["Avoid fastest {ok}."]


# --- 3. Packs stay in the policy's folder; errors never quote a foreign file -----------------

SECRET = "root:$6$SECRETHASH:19000:0:99999:7:::"


@pytest.fixture
def outside(tmp):
    write(tmp, "elsewhere/shadow", SECRET + "\n")
    write(tmp, "elsewhere/lax.yaml", "pack: lax\nrules: []\n")
    return tmp / "elsewhere"


@pytest.mark.parametrize(
    "ref", ["{outside}/shadow", "{outside}/lax.yaml", "../elsewhere/lax.yaml", "link.yaml"]
)
def test_a_pack_outside_the_policy_folder_is_refused_without_quoting_it(tmp, outside, ref):
    os.symlink(outside / "shadow", tmp / "policies-link-target")
    (tmp / "policies").mkdir()
    os.symlink(outside / "shadow", tmp / "policies" / "link.yaml")
    write(tmp, "policies/acme.yaml", f"client: acme\nextends: [{ref.format(outside=outside)}]\n")
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    error = one_line(result, "voicelint: policies/acme.yaml:2: ")
    assert "outside the policy's folder" in error
    assert "SECRET" not in error and "root:" not in error


def test_a_file_in_the_folder_that_is_no_pack_is_named_not_quoted(tmp):
    write(tmp, "policies/notes.yaml", SECRET + "\n")
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [notes.yaml]\n")
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    error = one_line(result)
    assert "not a rule pack" in error
    assert "SECRET" not in error and "root" not in error


def test_packs_inside_the_policy_folder_and_built_in_names_still_work(tmp):
    write(tmp, "policies/common.yaml", "pack: common\nrules: []\n")
    write(tmp, "policies/packs/mine.yaml", "pack: mine\nextends: [../common.yaml]\nrules: []\n")
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [finance, packs/mine.yaml]\n")
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "from core, environmental, endorsements, finance, packs/mine.yaml" in result.stdout


def test_a_nested_pack_cannot_leave_the_policy_folder_either(tmp, outside):
    write(tmp, "policies/packs/mine.yaml", "pack: mine\nextends: [../../elsewhere/lax.yaml]\n")
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [packs/mine.yaml]\n")
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    error = one_line(result, "voicelint: policies/packs/mine.yaml:2: ")
    assert "outside the policy's folder" in error


# --- 4. A client id is a name, never a path -------------------------------------------------

LAX = "client: lax\nrules: {claims: off}\n"
CLAIM = "Guaranteed returns, every year."


@pytest.fixture
def lax(tmp):
    write(tmp, "elsewhere/lax.yaml", LAX)
    write(tmp, "policies/acme-bank.yaml", "client: acme-bank\nextends: [finance]\n")
    return tmp


@pytest.mark.parametrize("client", ["../elsewhere/lax", "..\\\\elsewhere\\\\lax", "{abs}"])
def test_a_post_client_that_is_a_path_is_refused(lax, client):
    client = client.format(abs=lax / "elsewhere" / "lax")
    write(lax, "post.yaml", f'client: "{client}"\ntext: {CLAIM}\n')
    result = run_cli(["check", "post.yaml"], lax)
    assert "is a path, not a client id" in one_line(result, "voicelint: post.yaml:1: ")


def test_a_client_option_that_is_a_path_is_refused(lax):
    write(lax, "post.yaml", f"text: {CLAIM}\n")
    result = run_cli(["check", "--client", "../elsewhere/lax", "post.yaml"], lax)
    assert "is a path, not a client id" in one_line(result)


@pytest.mark.parametrize(
    ("config", "line"),
    [
        ("policies: policies\nclient: ../elsewhere/lax\n", 2),
        ('policies: policies\nclients:\n  "**": ../elsewhere/lax\n', 3),
    ],
)
def test_a_configured_client_that_is_a_path_is_refused(lax, config, line):
    write(lax, "voicelint.yaml", config)
    write(lax, "post.yaml", f"text: {CLAIM}\n")
    result = run_cli(["check", "post.yaml"], lax)
    error = one_line(result)
    assert f"voicelint.yaml:{line}: " in error and "is a path, not a client id" in error


def test_a_client_id_still_finds_its_policy(lax):
    write(lax, "post.yaml", f"client: acme-bank\ntext: {CLAIM}\n")
    result = run_cli(["check", "post.yaml"], lax)
    assert result.exit_code == 1 and "claims.finance.guaranteed-return" in result.stdout


# --- 5. What a new user trips on -------------------------------------------------------------


def test_init_writes_a_policy_whose_routing_runs(tmp):
    assert run_cli(["init", "acme-bank"], tmp).exit_code == 0
    assert run_cli(["validate", "policies/acme-bank.yaml"], tmp).exit_code == 0
    write(
        tmp,
        "reply.yaml",
        """
        client: acme-bank
        kind: reply
        in_reply_to: I was charged an overdraft fee twice this month.
        text: So sorry! We'll look into the charge and get it fixed today.
        """,
    )
    result = run_cli(["check", "reply.yaml", "--format", "json"], tmp)
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "routing.customer-care.missing-handoff" in rules


def test_routing_without_a_pack_that_routes_is_a_policy_error(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\nextends: []\nrouting:\n  billing: dm\n")
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    error = one_line(result, "voicelint: policies/acme.yaml:4: ")
    assert "routing" in error and "customer-care" in error


@pytest.mark.parametrize(
    ("fire", "passes", "which"),
    [('"A fast bank."', '"A fast bank."', "fire"), ('"The fastest."', '"Fastest."', "pass")],
)
def test_a_custom_rule_whose_example_fails_fails_validate_and_test(tmp, fire, passes, which):
    text = "client: acme\n" + RULE.format(message='"Avoid {match}."', fire=fire, passes=passes)
    write(tmp, "policies/acme.yaml", text)
    result = run_cli(["validate", "policies/acme.yaml"], tmp)
    error = one_line(result, "voicelint: policies/acme.yaml:4: ")
    assert f"claims.acme.fastest: {which} example" in error
    assert (fire if which == "fire" else passes).strip('"') in error
    result = run_cli(["test", "policies/acme.yaml"], tmp)
    assert result.exit_code == 1
    assert f"policies/acme.yaml:4: claims.acme.fastest: {which} example" in result.stdout


def test_a_custom_rule_whose_examples_behave_passes_validate_and_test(tmp):
    write(tmp, "policies/acme.yaml", policy_with_rule())
    assert run_cli(["validate", "policies/acme.yaml"], tmp).exit_code == 0
    assert run_cli(["test", "policies/acme.yaml"], tmp).exit_code == 0


def test_explain_finds_a_custom_rule_in_the_policies_folder(tmp):
    write(tmp, "policies/acme.yaml", policy_with_rule())
    result = run_cli(["explain", "claims.acme.fastest"], tmp)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("claims.acme.fastest  (claims, error")


def test_explain_finds_a_custom_rule_in_the_configured_folder(tmp):
    write(tmp, "voicelint.yaml", "policies: brand\n")
    write(tmp, "brand/acme.yaml", policy_with_rule())
    result = run_cli(["explain", "claims.acme.fastest"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "Says fastest." in result.stdout


def test_eval_finds_a_client_policy_in_the_policies_folder(tmp):
    write(tmp, "policies/acme.yaml", policy_with_rule())
    write(
        tmp,
        "corpus/acme.yaml",
        """
        policy: acme
        categories: [claims]
        drafts:
          - {text: The fastest bank in town., expect: [claims]}
        """,
    )
    result = run_cli(["eval", "corpus"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "claims       100.0%  (1/1)" in result.stdout


def test_eval_of_a_folder_passes_over_the_corpus_own_policies_folder(tmp):
    write(tmp, "set/policies/acme.yaml", policy_with_rule())
    write(
        tmp,
        "set/acme.yaml",
        """
        policy: policies/acme.yaml
        categories: [claims]
        drafts:
          - {id: a-1, text: The fastest bank in town., expect: [claims]}
        """,
    )
    result = run_cli(["eval", "set"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "claims       100.0%  (1/1)" in result.stdout


def test_eval_finds_a_client_id_in_the_corpus_own_policies_folder_from_anywhere(tmp):
    write(tmp, "policies/other.yaml", "client: other\n")  # the working folder's: not acme's
    write(tmp, "sets/b1/policies/acme.yaml", policy_with_rule())
    write(
        tmp,
        "sets/b1/acme.yaml",
        """
        policy: acme
        categories: [claims]
        drafts:
          - {text: The fastest bank in town., expect: [claims]}
        """,
    )
    result = run_cli(["eval", "sets"], tmp)
    assert result.exit_code == 0, result.stderr
    assert "claims       100.0%  (1/1)" in result.stdout
    write(tmp, "sets/b1/acme.yaml", "policy: acmee\ncategories: [claims]\ndrafts: []\n")
    result = run_cli(["eval", "sets"], tmp)
    assert result.exit_code == 2
    assert 'no policy "acmee"' in result.stderr and "acme" in result.stderr


def test_eval_of_a_folder_with_no_corpus_file_is_an_error(tmp):
    write(tmp, "set/policies/acme.yaml", policy_with_rule())
    result = run_cli(["eval", "set"], tmp)
    assert result.exit_code == 2
    assert "no corpus file" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_of_a_named_file_that_is_no_corpus_is_an_error(tmp):
    write(tmp, "policies/acme.yaml", policy_with_rule())
    result = run_cli(["eval", "policies/acme.yaml"], tmp)
    assert result.exit_code == 2
    assert "policies/acme.yaml" in result.stderr


def test_eval_prefers_the_policies_folder_to_a_shipped_example(tmp):
    write(tmp, "policies/acme-bank.yaml", "client: acme-bank\nrules: {claims: off}\n")
    write(
        tmp,
        "corpus.yaml",
        """
        policy: acme-bank
        categories: [claims]
        drafts:
          - {text: "Guaranteed returns, every year.", expect: [claims]}
        """,
    )
    result = run_cli(["eval", "corpus.yaml"], tmp)
    assert "claims         0.0%  (0/1)" in result.stdout


def test_policies_option_wins_over_a_configured_folder_that_is_missing(tmp):
    write(tmp, "voicelint.yaml", "format: text\npolicies: gone\n")
    write(tmp, "mine/acme.yaml", "client: acme\nextends: [finance]\n")
    write(tmp, "post.yaml", f"client: acme\ntext: {CLAIM}\n")
    result = run_cli(["check", "--policies", "mine", "post.yaml"], tmp)
    assert result.exit_code == 1, result.stderr
    assert "claims.finance.guaranteed-return" in result.stdout


def test_a_configured_policies_folder_that_is_missing_is_one_line_at_its_line(tmp):
    write(tmp, "voicelint.yaml", "format: text\npolicies: gone\n")
    write(tmp, "post.yaml", f"client: acme\ntext: {CLAIM}\n")
    result = run_cli(["check", "post.yaml"], tmp)
    error = one_line(result, f"voicelint: {tmp / 'voicelint.yaml'}:2: ")
    assert "policies directory gone not found" in error


def test_a_clients_glob_of_many_double_stars_does_not_hang(tmp):
    glob = "/".join(["**"] * 40) + "/x/**a**a**a**a**a**b"
    write(tmp, "voicelint.yaml", f'clients:\n  "{glob}": acme\n')
    deep = "/".join(["a"] * 40)
    write(tmp, f"{deep}/{'a' * 200}.txt", "Hello there.\n")
    started = time.monotonic()
    result = run_cli(["check", "a"], tmp)
    assert time.monotonic() - started < 10
    assert result.exit_code == 0, result.stderr


# --- 6. Policy values that passed validate and then crashed or hung check -------------------


def test_a_blackout_at_the_edge_of_the_calendar_is_refused_by_validate(tmp):
    write(
        tmp,
        "policies/acme.yaml",
        """
        client: acme
        calendar:
          blackout:
            - {from: 2026-01-01, to: 9999-12-31, reason: forever}
        """,
    )
    write(tmp, "post.yaml", 'client: acme\npublish_at: "2026-06-01"\ntext: Hello there.\n')
    error = one_line(run_cli(["validate", "policies/acme.yaml"], tmp))
    assert error.startswith("voicelint: policies/acme.yaml:4: ") and "edge of the calendar" in error
    assert "edge of the calendar" in one_line(run_cli(["check", "post.yaml"], tmp))


def test_a_number_parameter_that_is_not_finite_is_refused_by_validate(tmp):
    write(
        tmp,
        "policies/acme.yaml",
        """
        client: acme
        custom_rules:
          - id: tone.acme.shouting
            kind: metric
            category: tone
            summary: Too many exclamation marks.
            why: House style.
            message: "{count} exclamation marks; keep it to {max}."
            measure: exclamations
            max: .nan
            examples: {fire: ["Wow!!"], pass: ["Wow."]}
        """,
    )
    error = one_line(run_cli(["validate", "policies/acme.yaml"], tmp))
    assert error.startswith("voicelint: policies/acme.yaml:10: ")
    assert "max must be a finite number" in error


def test_an_empty_preferred_term_is_refused_at_the_policy_line(tmp):
    write(tmp, "policies/acme.yaml", 'client: acme\nvoice:\n  preferred_terms: {"": x}\n')
    error = one_line(run_cli(["validate", "policies/acme.yaml"], tmp))
    assert error.startswith("voicelint: policies/acme.yaml:3: voice.preferred_terms")


def test_a_near_rule_on_a_post_that_repeats_its_words_ends_in_bounded_time(tmp):
    write(
        tmp,
        "policies/acme.yaml",
        """
        client: acme
        custom_rules:
          - id: claims.acme.near
            kind: near
            category: claims
            summary: A and B together.
            why: House rule.
            message: "Avoid {match}."
            terms: [cure]
            near: [cold]
            examples: {fire: ["It will cure a cold."], pass: ["A cold day."]}
        """,
    )
    write(tmp, "post.yaml", "client: acme\ntext: " + "cure cold " * 700 + "\n")
    started = time.monotonic()
    result = run_cli(["check", "post.yaml", "--format", "json"], tmp)
    assert time.monotonic() - started < 10
    assert result.exit_code == 0, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} >= {"claims.acme.near"}


def test_an_eval_draft_may_say_twitter_and_must_say_sponsored_as_true_or_false(tmp):
    write(
        tmp,
        "corpus.yaml",
        """
        policy: {extends: [endorsements]}
        categories: [disclosure]
        drafts:
          - {text: "Loving my new trainers from Acme!", platform: twitter, sponsored: true, expect: [disclosure]}
        """,
    )
    result = run_cli(["eval", "corpus.yaml"], tmp)
    assert result.exit_code == 0, result.output
    assert "100.0%  (1/1)" in result.stdout
    write(
        tmp,
        "corpus.yaml",
        """
        policy: {extends: [endorsements]}
        categories: [disclosure]
        drafts:
          - {text: "Loving my new trainers.", sponsored: "no", expect: []}
        """,
    )
    result = run_cli(["eval", "corpus.yaml"], tmp)
    assert result.exit_code == 2
    assert result.stderr == (
        "voicelint: corpus.yaml:4: sponsored must be true or false (write sponsored: true)\n"
    )
