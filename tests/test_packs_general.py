"""The industry packs read the structure of a violation, not one author's words: each mechanism
fires on wording no rule lists and passes its hard negative (issue 13, packs-dev sets).

Every sentence here is written for this test; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import lint
from test_conditions import holds
from test_packs import REPO
from voicelint.conditions import CONDITIONS
from voicelint.evaluate import evaluate, false_alarm_rate


def rules(text: str, pack: str, **fields: object) -> set[str]:
    packs = [pack] if pack == "core" else ["core", pack]
    return {f.rule for f in lint(text, {"extends": packs}, **fields) if pack in f.rule}


def test_quoted_is_registered_and_reads_quotation_marks_not_apostrophes():
    assert "quoted" in CONDITIONS
    assert holds("quoted", None, "Sellers of 'sure win' tips lie.", "sure win")
    assert holds("quoted", None, 'They say "it always pays out" online.', "always pays")
    assert not holds("quoted", None, "It's a sure win, don't miss it.", "sure win")


FIRES = [
    # betting: a win stated as settled, a prize for all, the stake handed back, a trouble as the hook
    ("betting", "With this system the payout is basically guaranteed.", {}),
    ("betting", "Everyone who plays the late draw takes home a prize.", {}),
    ("betting", "Lose your first spin and we hand it back as credit.", {}),
    ("betting", "Money tight this month? The £2k roulette pot drops at 10.", {}),
    ("betting", "Invite a friend and you each get a £10 casino bonus.", {}),
    ("betting", "Bingo cards from 5p in the Starburst room tonight.", {}),
    # lending: approval for a whole class, the check denied, rates and promotions by their shape
    ("lending", "Every single buyer gets approved at our lot this week.", {}),
    ("lending", "We never run your credit, just bring a pay stub.", {}),
    ("lending", "Lock in 3.9 percent on a new hatchback today.", {}),
    ("lending", "Nine months same as cash on every sofa.", {}),
    ("lending", "Charge-offs on your file? We can make them vanish.", {}),
    # charity: the whole of a gift, outcomes as certain, matches by multiple
    ("charity", "The full amount of every pledge reaches the families.", {}),
    ("charity", "A $40 gift will rebuild a family's kitchen.", {}),
    ("charity", "Give $25 and it becomes $75 thanks to a sponsor.", {}),
    ("charity", "Every single dollar you give is tax-deductible.", {}),
    # travel: any fee on top, cancellation promised in other words, a guest's trip in a reply
    ("travel", "Rome from €59 (airport charges added at payment).", {}),
    ("travel", "Zero cancellation fees on every room.", {}),
    (
        "travel",
        "All set, you're now in 12F on BA 117 tomorrow.",
        {"kind": "reply", "in_reply_to": "Can I get a window seat?"},
    ),
    # prescription drugs: approval claimed in a post about a compounded drug, doses by shape
    (
        "prescription-drugs",
        "Identical to Mounjaro, for less. Compounded tirzepatide ships today.",
        {},
    ),
    (
        "prescription-drugs",
        "Easing back down to the lower strength usually helps.",
        {"kind": "reply", "in_reply_to": "The new dose makes me sick."},
    ),
    # children: a learning result as the product's doing, a child set on a parent, harm ruled out
    ("children", "Ten minutes a day will have your little one reading by spring.", {}),
    ("children", "Get your grown-up to upgrade you to Gold today!", {}),
    ("children", "Toddler-proof from corner to corner.", {}),
    # crypto: forecasts as expectations, gains as multiples
    ("crypto-investing", "Our analysts expect ETH to double before spring.", {}),
    ("crypto-investing", "Our staking basket has already doubled since May.", {}),
    # healthcare providers: a cure for good in a post naming the condition; before/after in other words
    ("healthcare-providers", "Shin splints? Three sessions with us and they're gone for good.", {}),
    ("healthcare-providers", "Day 1 vs day 30 of our posture programme.", {}),
    # home energy: a bill that reads nothing, a product for nothing, payback as a promise
    ("home-energy", "Our retrofit wipes out a landlord's heating bills entirely.", {}),
    ("home-energy", "Eligible homes get a new boiler at no cost.", {}),
    ("home-energy", "You'll break even by year six, then it's all profit.", {}),
]

PASSES = [
    ("betting", "Scam alert: sellers of 'sure win' tipping systems are lying to you.", {}),
    (
        "betting",
        "Stressed about money? Please don't look to gambling: talk to Citizens Advice.",
        {},
    ),
    ("betting", "Set a loss limit: you can lose more than you win.", {}),
    ("lending", "Not every applicant gets approved; we explain why when one isn't.", {}),
    ("charity", "$12 can help feed a child for a week.", {}),
    ("charity", "Our partner is matching every donation up to $5,000 until Sunday.", {}),
    ("travel", "Rome from €89, every airport charge included.", {}),
    (
        "prescription-drugs",
        "Compounded tirzepatide is not FDA-approved; ask about brand-name options.",
        {},
    ),
    (
        "prescription-drugs",
        "Please don't change your dose without your prescriber; our pharmacists can help.",
        {"kind": "reply", "in_reply_to": "The new dose makes me sick."},
    ),
    ("children", "Kids: ask a grown-up to help you turn on night mode.", {}),
    ("crypto-investing", "Markets were up 1% today after the Fed decision.", {}),
    ("crypto-investing", "If anyone asks for your seed phrase, it's a scam.", {}),
    ("healthcare-providers", "We won't pretend rehab is painless; your physio will guide you.", {}),
    ("home-energy", "A free heat pump? Red flag. Ask for the total cost.", {}),
    ("home-energy", "Book a free system check before winter.", {}),
    ("lending", "Take 20 percent off floor mats this weekend.", {}),
    ("charity", "A $50 ticket gives you entry to the quiz night.", {}),
    (
        "travel",
        "We fly the A320 on that route, with extra legroom up front.",
        {"kind": "reply", "in_reply_to": "What plane is it?"},
    ),
    (
        "healthcare-providers",
        "Meet Dana, our new physio: her sessions are the best part of Tuesday.",
        {},
    ),
]


@pytest.mark.parametrize(("pack", "text", "fields"), FIRES)
def test_a_violation_in_words_no_rule_lists_is_flagged(pack, text, fields):
    assert rules(text, pack, **fields), text


@pytest.mark.parametrize(("pack", "text", "fields"), PASSES)
def test_its_hard_negative_passes(pack, text, fields):
    assert not rules(text, pack, **fields), text


def test_the_packs_dev_sets_hold_their_floor():
    """The nine development sets written by people who never saw the rules (tests/corpus/packs-dev)."""
    score = evaluate([REPO / "tests/corpus/packs-dev"])
    recall = score.recall()
    for category in ("claims", "disclosure"):
        caught, expected = recall[category]
        assert caught / expected >= 0.9, (category, caught, expected)
    assert false_alarm_rate(score) <= 0.05
