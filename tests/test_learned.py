"""The learned draft classifier and the fallback rules that read it (issue 16, item 2)."""

from __future__ import annotations

import gzip

import pytest

from conftest import draft, lint, rules_of, run_cli, write
from voicelint import learned
from voicelint.errors import PolicyError
from voicelint.nlp import classify, parse, tokens
from voicelint.policy import build_policy

# (until 2026-12-07 "...on the first visit. Every. Single. Time.", which claims.sealed-promise
# now reads as a seal spelled out: the fallback gives way to it; until 2026-12-08 it ended
# "No. Call. Backs.", which the classifier retrained on claims-dev33 no longer scores a claim)
PROMISE = "Our roofers fix any leak on the first visit, whatever the weather."
PLAIN = "The tune-up takes about an hour and costs $89."
CARE = {
    "extends": ["customer-care"],
    "channels": {"support": "@KettleHelp", "safety": "safety@kettle.example"},
    "routing": {"injury": "safety"},
}


def score(text: str, label: str) -> float:
    """The post's score as a post that answers no one."""
    doc = learned.features(tokens(parse(text)).norms, None)
    return classify(learned.model(), [doc])[0][learned.LABELS.index(label)]


def test_the_model_ships_inside_the_package_and_is_small():
    assert learned.MODEL_PATH.is_file()
    assert learned.MODEL_PATH.stat().st_size < 4 * 1024 * 1024  # "at most a few MB"
    assert gzip.decompress(learned.MODEL_PATH.read_bytes())
    assert learned.model().labels == learned.LABELS


def test_scores_are_deterministic_and_read_case_folded_words():
    assert score(PROMISE, "claims") == score(PROMISE, "claims")
    assert score(PROMISE.upper(), "claims") == pytest.approx(score(PROMISE, "claims"))
    assert score(PROMISE, "claims") >= learned.THRESHOLDS["claims"] > score(PLAIN, "claims")


def test_the_claims_fallback_fires_at_the_sentence_it_scores_highest():
    text = "New this spring. " + PROMISE
    findings = [f for f in lint(text) if f.rule == "claims.learned"]
    assert len(findings) == 1
    found = text[findings[0].start : findings[0].end]
    assert found != "New this spring."
    assert findings[0].severity == "warning" and findings[0].category == "claims"


def test_a_fallback_gives_way_to_any_other_rule_of_its_category():
    text = "Guaranteed 20% returns every year. " + PROMISE
    rules = rules_of(lint(text))
    assert any(r.startswith("claims.") and r != "claims.learned" for r in rules)
    assert "claims.learned" not in rules


def test_a_plain_post_is_left_alone():
    assert not [r for r in rules_of(lint(PLAIN)) if r.endswith(".learned")]


def test_routing_fallback_reads_replies_only():
    text = "Sorry about the burn. Here's a 20% voucher for your next order!"
    said = "Your kettle spat boiling water on my hand this morning."
    assert "routing.customer-care.learned" not in rules_of(lint(text, CARE))
    reply = lint(text, CARE, kind="reply", in_reply_to=said)
    assert [f.rule for f in reply if f.category == "routing"] == ["routing.customer-care.learned"]


def test_the_customer_s_words_count_and_a_fragment_is_never_the_finding():
    text = "Here's a 20% voucher for your next order!"
    injured = "Your kettle spat boiling water on my hand this morning."
    shopping = "Any deals on kettles this week?"
    table = [
        classify(learned.model(), [learned.features(tokens(parse(text)).norms, said)])[0][2]
        for said in (tokens(parse(injured)).norms, tokens(parse(shopping)).norms, None)
    ]
    assert table[0] > table[1] and table[0] > table[2]  # the same words, after a harm report
    assert table[2] < learned.THRESHOLDS["routing"]
    [finding] = [f for f in lint(PROMISE) if f.rule == "claims.learned"]
    assert finding.match == "Our roofers fix any leak on the first visit, whatever the weather."


def test_the_routing_fallback_needs_a_policy_that_says_where_care_goes():
    text = "Sorry about the burn. Here's a 20% voucher for your next order!"
    said = "Your kettle spat boiling water on my hand this morning."
    bare = lint(text, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    assert "routing.customer-care.learned" not in rules_of(bare)


def test_a_policy_switches_a_learned_rule_off_like_any_rule():
    policy = {"rules": {"claims.learned": "off"}}
    assert "claims.learned" in rules_of(lint(PROMISE))
    assert "claims.learned" not in rules_of(lint(PROMISE, policy))


def test_fallback_must_be_true_or_false():
    rule = {
        "id": "claims.mine",
        "kind": "phrase",
        "category": "claims",
        "severity": "warning",
        "summary": "s",
        "why": "w",
        "message": "m",
        "terms": ["sure thing"],
        "fallback": "yes please",
        "examples": {"fire": ["a sure thing"], "pass": ["a thing"]},
    }
    with pytest.raises(PolicyError, match="fallback must be true or false"):
        build_policy({"custom_rules": [rule]}, {}, "<t>", None, None)


def test_a_yaml_boolean_in_a_word_list_says_to_quote_it(tmp):
    write(tmp, "policies/acme.yaml", "client: acme\nvoice:\n  allowed_caps: [FDA, ON]\n")
    write(tmp, "drafts/a.md", "Hello there.\n")
    result = run_cli(["check", "drafts/", "--policy", "policies/acme.yaml"], tmp)
    assert result.exit_code == 2
    assert (
        "policies/acme.yaml:3" in result.stderr
        and 'put such a word in quotes ("ON")' in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_hostile_post_of_many_sentences_stays_linear():
    text = " ".join([PROMISE] * 2000)
    findings = [f for f in lint(text) if f.rule == "claims.learned"]
    assert len(findings) == 1


def test_a_post_under_the_threshold_never_runs_the_rule_s_check():
    from voicelint.conditions import gate, gate_holds, gate_when
    from voicelint.engine import compile_policy
    from voicelint.kinds import PostContext

    compiled = compile_policy(build_policy({}, {}, "<t>", None, None))
    [rule] = [r for r in compiled.rules if r.spec.id == "claims.learned"]
    when, unless = rule.gate
    assert when == gate_when(rule.spec.when) and len(when) > len(gate(rule.spec.when))
    assert unless == gate(rule.spec.unless)  # a necessary part is never an unless's gate
    for text, runs in ((PLAIN, False), (PROMISE, True)):
        doc = parse(text)
        context = PostContext(draft(text), doc, compiled.bank.run(doc))
        assert gate_holds(context, when, unless) is runs


def test_the_training_script_reads_the_development_sets_and_can_hold_one_out():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("train", root / "scripts" / "train_learned.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    every = train.drafts()
    held = root / "tests" / "corpus-tuning" / "packs-dev24"
    without = train.drafts(held)
    assert len(every) > 9000 and len(without) == len(every) - 350
    assert not any("blind" in str(p) for p in train.CORPORA)
    assert all(set(cats) <= set(learned.LABELS) for _, _, cats in every)
