"""Routing as mechanisms: what the customer reported (word classes, not sentences) and what a reply
does with it (argues, compensates, shrugs, hands off, asks for or repeats personal data)."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect

CARE = {
    "extends": ["customer-care"],
    "channels": {"support": "@NorthHelp", "safety": "safety@north.example"},
    "routing": {"billing": "dm", "order_status": "dm", "injury": "safety"},
}


def routing(text: str, in_reply_to: str | None = None, policy: dict = CARE, kind: str = "reply"):
    findings = lint(text, policy, kind=kind, in_reply_to=in_reply_to)
    return [
        (f.rule.rsplit(".", 1)[1], f.match, f.message) for f in findings if f.category == "routing"
    ]


def rules(text: str, in_reply_to: str | None = None, policy: dict = CARE) -> list[str]:
    return [name for name, _, _ in routing(text, in_reply_to, policy)]


# --- what the customer reported -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        # distress or addiction: loss of control, a catastrophic loss, despair
        ("I can't stop gambling and I've lost everything.", {"distress"}),
        ("I can't stop.", {"distress"}),
        ("Please help, I can't stop betting", {"distress"}),
        ("I blew my whole paycheck on slots last night", {"distress"}),
        ("I'm addicted, please close my account", {"distress"}),
        ("honestly feel hopeless after this month", {"distress"}),
        # a safety hazard: a failure and a thing that can hurt when it fails
        ("The charger started smoking and the cord melted", {"safety_hazard"}),
        ("The outlet by the bed is sparking", {"safety_hazard"}),
        ("the railing on the balcony is loose", {"safety_hazard"}),
        ("pretty sure there's a gas leak near the kitchen", {"safety_hazard"}),
        # a privacy problem: the customer's data and what was done with it
        ("Your app leaked my personal data", {"privacy"}),
        ("How did you get my number? Stop texting me", {"privacy"}),
        ("Please delete my data", {"privacy"}),
        # classes that lost their sentences and kept their behaviour
        ("Where is my money? I was promised a refund.", {"billing"}),
        ("Still waiting for my package", {"order_status"}),
        ("Bit into the scone and there was a shard of glass", {"injury"}),
        ("I'm a journalist putting together a feature on fees", {"press_inquiry"}),
        ("I don't want to live anymore", {"crisis"}),
    ],
)
def test_the_customer_analysis_finds_whole_classes(message, intents):
    assert detect(message) == intents


@pytest.mark.parametrize(
    "message",
    [
        "I can't stop drinking your cold brew 😍",
        "I can't stop eating these!!",
        "I'm addicted to your pumpkin latte lol",
        "my caffeine addiction is real",
        "This deal is fire 🔥",
        "Can you send the receipt to my email?",
        "What is your privacy policy?",
        "I can't find the glass jars in your store",
        "I don't want to live without your cold brew 😍",
        "Is there a fee for paper statements?",
        "We lost power at home for an hour",
    ],
)
def test_praise_and_look_alikes_are_not_reports(message):
    assert detect(message) == frozenset()


# --- a hand-off is a mechanism: a private channel, a request to make contact, the brand making it --


@pytest.mark.parametrize(
    "text",
    [
        "So sorry! Give our care line a ring and we'll sort it out.",
        "Sorry about this. Someone from our billing specialists will get back to you today.",
        "Sorry! Our guest relations folks are on it, check your messages.",
        "Sorry about that, please write to us and we'll fix it.",
    ],
)
def test_a_hand_off_in_words_no_list_holds_passes(text):
    assert rules(text, "I was charged twice for one coffee, want a refund") == []


def test_a_reply_that_takes_the_matter_on_in_public_still_needs_the_hand_off():
    assert rules(
        "So sorry! We'll reverse the second charge today.",
        "I was charged twice for one coffee, want a refund",
    ) == ["missing-handoff"]
