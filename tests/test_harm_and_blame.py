"""Harms told in words no phrase of the customer-care lexicon held before (force used on the
customer, a product said to cause a symptom, a home appliance sparking), and blame put on the
reader by a counterfactual or a retort."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("The delivery guy pushed me off the step.", "injury"),
        ("My daughter was bitten by a dog in your shop.", "injury"),
        ("I got hurt on the broken turnstile.", "injury"),
        ("The collagen powder gave me a rash on my neck.", "adverse_event"),
        ("The inverter on our wall is sparking.", "safety_hazard"),
    ],
)
def test_harm_in_new_words_is_an_escalation(said, intent):
    assert intent in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "The spring promo was a real hit with my kids.",
        "Your app is giving me a headache, it logs me out all day.",
        "The new ad gave me chills, love it.",
    ],
)
def test_idioms_of_force_and_headaches_are_no_harm(said):
    assert not {"injury", "adverse_event", "safety_hazard"} & detect(said)


COMPLAINT = "I cancelled last month and you billed me again!"


def entries(text: str, said: str = COMPLAINT) -> list[str]:
    found = lint(text, {}, kind="reply", in_reply_to=said)
    return [f.entry for f in found if f.rule == "tone.hostile-reply"]


def test_a_counterfactual_that_blames_the_reader():
    assert entries("If you'd opened our email, you'd know the plan renews yearly.") == [
        "tone.hostile-reply/blame-counterfactual"
    ]
    assert entries("If you had checked the app, you would have seen it.") == [
        "tone.hostile-reply/blame-counterfactual"
    ]


def test_a_counterfactual_offer_is_no_blame():
    assert entries("If you'd like, you'd be welcome to message our team.") == []


def test_a_retort_that_sends_the_complaint_back():
    assert entries("We did cancel it. Read your own statement.") == [
        "tone.hostile-reply/blame-your-own"
    ]
    assert entries("Read your own statement.", "Thanks so much, love the new app!") == []


def test_the_customer_sent_to_read_the_docs():
    assert entries("Refunds take 10 days. Read the terms.") == [
        "tone.hostile-reply/dismiss-read-the-docs"
    ]
    assert entries("Refunds take 10 days; the terms are on our FAQ page if useful.") == []


def test_a_word_taught_to_the_customer():
    assert entries("It's called a subscription, friend.") == [
        "tone.hostile-reply/dismiss-its-called"
    ]
    assert entries("It's called the Gold plan because it includes airport lounges.") == []


def test_a_name_set_against_the_brand_at_a_complaint():
    assert entries("We're a family bakery, not Tesco.", "My cake was late again!") == [
        "tone.hostile-reply/dismiss-set-straight"
    ]


def test_the_readers_conduct_put_in_question():
    assert entries("Our staff are trained. Reflect on your own behaviour.") == [
        "tone.hostile-reply/blame-your-own"
    ]


def test_a_mocking_emoji_in_the_sentence_after_a_competitor():
    policy = {"voice": {"competitors": ["Brightwave"]}}
    found = lint("Still with Brightwave? 💀", policy)
    assert "tone.competitor-ridiculed" in [f.rule for f in found]
    kind = lint("Brightwave opened a store in Leeds. Welcome to the high street 👋", policy)
    assert "tone.competitor-ridiculed" not in [f.rule for f in kind]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Post that again and you'll be blocked.", "dismiss-threat"),
        ("Keep it up and we'll hide your comments.", "dismiss-threat"),
        ("Loads of other gyms out there if you're unhappy.", "dismiss-go-elsewhere"),
        ("A late parcel is hardly the end of the world.", "dismiss-history"),
        ("This is your fourth complaint this month.", "dismiss-history"),
        ("It is really very simple.", "mock-talking-down"),
        ("Fine, we'll explain it slowly for you.", "mock-talking-down"),
        ("The app runs fine for basically everyone else.", "mock-everyone-else"),
    ],
)
def test_indirect_hostility_in_replies(text, entry):
    assert f"tone.hostile-reply/{entry}" in entries(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your kind words, we'll pass them on to the team.",
        "We've blocked your card as you asked; a new one is on its way.",
        "We have plenty of other flavours to try if this one isn't for you!",
        "It's really simple to switch: open the app and tap Plans.",
    ],
)
def test_kind_or_helpful_replies_stay_plain(text):
    assert entries(text) == []
