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


# --- issue 16: conditions that generalise to real brand replies ----------------------------------


@pytest.mark.parametrize(
    ("text", "words", "value", "expected"),
    [
        ("Sorry, but none of that is our concern.", "none", "indifference", False),
        ("Well, that is not our concern.", "not our", "indifference", True),
        ("That sounds like your problem.", "That", "indifference", False),
        ("That's your problem, mate.", "That", "indifference", True),
        ("It's not your fault at all.", "It", "indifference", False),
        ("If it's your problem too, DM us.", "If", "indifference", False),
        ("Deal with it.", "Deal", "indifference", True),
        ("We'll deal with it today.", "We'll", "indifference", False),
        ("Who cares.", "Who", "indifference", True),
        ("Who cares about calories on a Friday?", "Who", "indifference", False),
        ("Our page, and we write the rules.", "Our", "pulling_rank", True),
        ("This is our house.", "This", "pulling_rank", True),
        ("Our decision is final.", "Our", "pulling_rank", True),
        ("Our rules changed in May: here they are.", "Our", "pulling_rank", False),
        ("You are mistaken about the fee.", "You", "contradicting", True),
        ("Honestly you're not wrong.", "Honestly", "contradicting", False),
        ("If you're wrong, no harm done.", "If", "contradicting", False),
        ("We were wrong about the date.", "We", "contradicting", False),
    ],
)
def test_dismissal_by_indifference_rank_and_contradiction(text, words, value, expected):
    assert holds("dismissal", value, text, words, kind="reply", in_reply_to="hmm") is expected


def test_a_curt_reply_is_a_bare_refusal_to_a_message():
    said = {"kind": "reply", "in_reply_to": "Want a copy of the letter?"}
    assert holds("dismissal", "curt", "@cust Nope. ^AB", "Nope", **said)
    assert holds("dismissal", "curt", "No thanks.", "No", **said)
    assert not holds("dismissal", "curt", "No problem, happy to help!", "No", **said)
    assert not holds("dismissal", "curt", "Nope?", "Nope", **said)
    assert not holds("dismissal", "curt", "Nope.", "Nope")  # no message to refuse


@pytest.mark.parametrize(
    ("text", "words", "said", "value", "expected"),
    [
        ("Your 57 followers will get over it.", "Your", "My review is up.", "belittling", True),
        ("Thanks, your followers will love it.", "Thanks", "Shared it!", "belittling", False),
        ("Seems you forgot microwaves exist.", "Seems", "Cold soup.", "belittling", True),
        ("If you forgot your PIN, reset it.", "If", "Locked out.", "belittling", False),
        ("Even if they whine, they still order.", "Even", "", "complainers", True),
        ("People complain, and we listen.", "People", "", "complainers", False),
        ("You know we're the kings around here.", "You", "", "crowing", True),
        ("We're the best bakery in town.", "We're", "", "crowing", False),
        (
            "Order your own cake next time.",
            "Order",
            "I'll order my own cake next time!",
            "parody",
            True,
        ),
        ("Order ahead next time, it's quicker.", "Order", "The line was long.", "parody", False),
    ],
)
def test_ridicule_belittling_complainers_crowing_parody(text, words, said, value, expected):
    fields = {"kind": "reply", "in_reply_to": said} if said else {}
    assert holds("ridicule", value, text, words, **fields) is expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("That's why we can't have nice things.", "this_is_why", True),
        ("This is why we don't offer refills.", "this_is_why", True),
        ("This is why we don't use plastic straws in any of our cafes.", "this_is_why", False),
        ("People like you are the reason fares rise.", "class", True),
        ("People like you make our day.", "class", False),
    ],
)
def test_blame_on_customers_as_a_class(text, value, expected):
    assert holds("blame", value, text, text.split()[0]) is expected


@pytest.mark.parametrize(
    ("text", "words", "value", "expected"),
    [
        ("Riots downtown tonight. Our new sneakers drop online!", "Our", "disaster", True),
        ("Riots downtown tonight. Our stores are closed.", "Our", "disaster", False),
        ("Flooding in town: we're donating today's sales.", "Flooding", "disaster", False),
        ("In memory of the victims, try our new pie.", "In", "tribute", True),
        ("In honor of Father's Day, 10% off ties.", "In", "tribute", False),
        ("Every retweet = a meal for a hungry child.", "Every", "charity_bait", True),
        ("Thanks for the retweet, friend!", "Thanks", "charity_bait", False),
    ],
)
def test_exploits_suffering(text, words, value, expected):
    assert holds("exploits", value, text, words) is expected


def test_an_apology_taken_back_by_but_is_no_apology():
    assert holds("apology", None, "Sorry about that.", "Sorry")
    assert not holds("apology", None, "Sorry to hear that, but you're late.", "Sorry")
    assert holds("apology", None, "We understand how annoying that is.", "We")
    assert not holds("apology", None, "We understand, but that's on you.", "We")
    assert not holds("apology", None, "Your fans will understand.", "Your")


def test_offering_help_needs_the_brand_as_who_helps():
    assert holds("offers_help", None, "We'll fix it today.", "We'll")
    assert not holds("offers_help", None, "We make the rules.", "We")
    assert not holds("offers_help", None, "We can't help with that.", "We")
    assert not holds("offers_help", None, "We're sure your fans will cope.", "We're")


def test_refuses_is_a_decision_on_the_customers_money_claim():
    said = {"kind": "reply", "in_reply_to": "Refund me for the delay."}
    assert holds("refuses", None, "We are unable to refund you.", "We", **said)
    assert holds("refuses", None, "Hotel costs would not be covered.", "Hotel", **said)
    assert not holds("refuses", None, "Water damage isn't covered.", "Water", **said)
    assert not holds("refuses", None, "If we can't refund you, we'll swap it.", "If", **said)
    assert not holds("refuses", None, "Can we refund you by card?", "Can", **said)
