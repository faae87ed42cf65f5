"""Named conditions: each holds or not on a hit, read from the post's analysis; rules use them by name."""

from __future__ import annotations

import pytest

from conftest import draft, lint, rules_of
from voicelint.conditions import CONDITIONS, ConditionError, View, parse
from voicelint.engine import compile_policy
from voicelint.kinds import PostContext
from voicelint.nlp import parse as parse_text
from voicelint.policy import build_policy


def view(text: str, words: str, competitors: list[str] | None = None, **fields) -> View:
    """A View of the first occurrence of ``words`` in a draft."""
    post = draft(text, **fields)
    compiled = compile_policy(
        build_policy({"voice": {"competitors": competitors or []}}, {}, "<t>", None, None)
    )
    doc = parse_text(text)
    context = PostContext(post, doc, compiled.bank.run(doc), compiled.competitor_key)
    start = text.index(words)
    return View(context, start, start + len(words))


def holds(name: str, value, *args, **kwargs) -> bool:
    return CONDITIONS[name].holds(view(*args, **kwargs), value)


def test_every_condition_has_a_docstring_a_name_and_values():
    for name, module in CONDITIONS.items():
        assert name == module.NAME and module.__doc__ and module.__doc__.strip()
        assert isinstance(module.VALUES, tuple)


def test_post_reply_or_post():
    assert holds("post", "reply", "Thanks!", "Thanks", kind="reply")
    assert holds("post", "reply", "Thanks!", "Thanks", in_reply_to="hi")
    assert holds("post", "post", "Thanks!", "Thanks")


@pytest.mark.parametrize(
    ("said", "value", "expected"),
    [
        ("My card was charged twice for one order.", "billing", True),
        ("I slipped on the wet floor and hurt my wrist.", "harm", True),
        ("Expect to hear from my attorney.", "threat", True),
        ("The queue was so slow and the staff ignored me.", "complaint", True),
        ("Loved the new menu, great job!", "positive", True),
        ("Loved the new menu, great job!", "complaint", False),
    ],
)
def test_customer(said, value, expected):
    assert (
        holds("customer", value, "Thank you.", "Thank", kind="reply", in_reply_to=said) is expected
    )


def test_customer_needs_a_message():
    assert not holds("customer", "complaint", "Thank you.", "Thank")


def test_about_reader_brand_competitor():
    assert holds("about", "reader", "Someone forgot to read the sign.", "forgot")
    assert holds("about", "brand", "We will look into it.", "look")
    text = "Northgate charges you twice. Their app is a mess."
    assert holds("about", "competitor", text, "mess", competitors=["Northgate"])
    assert not holds("about", "competitor", "Their app is a mess.", "mess")


def test_act_and_valence():
    assert holds("act", "question", "Did you even look at the receipt?", "receipt")
    assert holds("valence", "negative", "That complaint is pathetic.", "pathetic")
    assert not holds("valence", "negative", "That was not bad at all, thanks.", "bad")
    assert holds("valence", "positive", "What a lovely surprise, thank you!", "lovely")


def test_certainty_negated_hedged():
    assert holds("certainty", "absolute", "You will definitely double your money.", "double")
    assert not holds("certainty", "absolute", "You may double your money.", "double")
    assert holds("negated", None, "We can't guarantee approval.", "guarantee")
    assert not holds("negated", None, "We guarantee approval.", "guarantee")
    assert holds("hedged", None, "Savings of up to 20% on energy bills.", "Savings")


def test_apology_offers_help_quoted_back():
    assert holds("apology", None, "We're so sorry about the delay.", "delay")
    assert not holds("apology", None, "Sorry you feel that way.", "way")
    assert holds("offers_help", None, "That's odd. DM us your details and we'll check.", "odd")
    assert not holds("offers_help", None, "That's just how it is.", "how")
    said = "The soup was basically inedible."
    text = 'Our soup is "basically inedible"? Hardly.'
    assert holds("quoted_back", None, text, "basically inedible", kind="reply", in_reply_to=said)


def test_parse_refuses_unknown_conditions_and_values():
    with pytest.raises(ConditionError, match='unknown condition "abut"'):
        parse({"abut": "reader"}, "when")
    with pytest.raises(ConditionError, match='"readers" is not a value'):
        parse({"about": "readers"}, "when")
    with pytest.raises(ConditionError, match="takes no value"):
        parse({"negated": "yes"}, "unless")
    assert parse(["negated", {"about": ["reader", "group"]}], "unless") == (
        ("negated", (None,)),
        ("about", ("reader", "group")),
    )


HOSTILE_REPLY = {
    "id": "tone.acme.negative-at-reader",
    "kind": "sentence",
    "category": "tone",
    "severity": "warning",
    "summary": "A negative sentence about the reader in a reply to a complaint.",
    "why": "Acme care guide.",
    "message": "This reads as hostile: {match}",
    "when": {"post": "reply", "customer": "complaint", "about": "reader", "valence": "negative"},
    "unless": ["apology", "offers_help"],
    "examples": {"fire": [], "pass": []},
}


def test_a_sentence_rule_fires_only_where_its_conditions_hold():
    policy = {"custom_rules": [HOSTILE_REPLY], "rules": {"tone": "off"}}
    policy["rules"]["tone.acme"] = "warning"
    said = "Your app deleted my saved cards, this is ridiculous."
    fired = lint("Honestly, your whining is exhausting.", policy, kind="reply", in_reply_to=said)
    assert rules_of(fired) == ["tone.acme.negative-at-reader"]
    assert fired[0].match == "Honestly, your whining is exhausting."
    kind = "So sorry, that is frustrating for you. DM us and we'll fix it."
    assert lint(kind, policy, kind="reply", in_reply_to=said) == []
    assert lint("Honestly, your whining is exhausting.", policy) == []  # not a reply


def test_a_rule_with_an_unknown_condition_is_one_policy_error(tmp):
    from conftest import run_cli, write

    rule = dict(HOSTILE_REPLY, when={"abuot": "reader"})
    import yaml

    write(tmp, "acme.yaml", yaml.safe_dump({"client": "acme", "custom_rules": [rule]}))
    result = run_cli(["validate", "acme.yaml"], tmp)
    assert result.exit_code == 2
    assert 'unknown condition "abuot" in when' in result.stderr
    assert 'did you mean "about"?' in result.stderr


def test_the_readme_example_of_a_rule_with_conditions_loads_and_its_examples_hold():
    import re
    from pathlib import Path

    import yaml

    from voicelint.engine import check_examples

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "kind: sentence" in b)
    policy = build_policy(yaml.safe_load(block), {}, "README.md", None, None)
    (spec,) = [r for r in policy.rules if r.id == "tone.acme.cold-reply"]
    assert spec.when and spec.unless
    assert check_examples(spec, compile_policy(policy)) == []
