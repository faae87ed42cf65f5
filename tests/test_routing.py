"""Customer-care routing: intents in the customer's message, hand-offs, settling in public, escalations."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect

BANK = {
    "extends": ["customer-care"],
    "channels": {
        "support": "@AcmeHelp",
        "phone": "1-800-555-0100",
        "press": "press@acme.example",
    },
    "routing": {
        "billing": "dm",
        "account_security": "phone",
        "legal_threat": "legal",
        "press_inquiry": "press",
    },
}
COFFEE = {
    "extends": ["customer-care"],
    "channels": {"support": "@HarborHelps", "safety": "safety@harbor.example"},
    "routing": {"order_status": "dm", "injury": "safety"},
}


def routing(text: str, policy: dict, in_reply_to: str | None = None, kind: str = "reply"):
    findings = lint(text, policy, kind=kind, in_reply_to=in_reply_to)
    return [
        (f.rule.rsplit(".", 1)[1], f.match, f.message) for f in findings if f.category == "routing"
    ]


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("I was charged an overdraft fee twice this month.", {"billing"}),
        ("Order still hasn't arrived after 2 weeks.", {"order_status"}),
        ("Someone hacked my account and moved money out.", {"account_security"}),
        ("I'm going to sue you.", {"legal_threat"}),
        ("The lid came off and I burned my hand.", {"injury"}),
        ("I got hives after taking your gummies.", {"adverse_event"}),
        ("Can I take your magnesium with my blood pressure medication?", {"medical_question"}),
        ("I'm a reporter working on a story, any comment?", {"press_inquiry"}),
        ("I want to end it all.", {"crisis"}),
        ("You charged me twice and I'm calling my lawyer.", {"billing", "legal_threat"}),
        ("I took your gummies yesterday. Now I have a rash.", {"adverse_event"}),
        ("Does this have caffeine? I'm pregnant", {"medical_question"}),
        ("Hi, I'm a blogger, can I interview your founder?", {"press_inquiry"}),
        ("my card got declined at the store", {"billing"}),
    ],
)
def test_intents_of_a_customer_message(message, intents):
    assert detect(message) == intents


@pytest.mark.parametrize(
    "message",
    [
        "The dark roast had a burnt taste today.",
        "This deal is sick 🔥",
        "Any tips for brewing in a French press?",
        "Got the rain shell for $40, what a steal.",
        "Dying to try the new maple cold brew!",
        "My lawyer friend recommended you.",
        "This latte is to die for.",
        "Can I take this to the gym?",
        "What is your refund policy?",
        "How do I cancel a subscription if I'm traveling?",
        "My friend Sue loves your cold brew.",
        "My heart races when I see your sale 😍",
        "The office was a hive of activity after the bars arrived.",
        "I love your tea, it helps with my back pain",
        "I have a job interview at your store tomorrow!",
        "I could kill for a latte right now",
        "Press play on our new playlist",
    ],
)
def test_look_alikes_carry_no_intent(message):
    assert detect(message) == frozenset()


def test_reply_without_hand_off_names_the_policys_destination():
    text = "So sorry! We'll look into the charge and get it fixed today."
    assert routing(text, BANK, "I was charged an overdraft fee twice this month.") == [
        (
            "missing-handoff",
            "So sorry! We'll look into the charge and get it fixed today",
            "This reply handles a billing matter in public; move it to DM via @AcmeHelp.",
        )
    ]


def test_hand_off_to_dm_or_the_support_handle_passes():
    message = "I was charged an overdraft fee twice this month."
    assert routing("Sorry to hear that. Please DM us and we'll fix it.", BANK, message) == []
    assert routing("Sorry! Our team at @AcmeHelp will sort it out.", BANK, message) == []


def test_general_acknowledgement_of_a_billing_matter_passes():
    assert (
        routing("We're sorry to hear that, that's frustrating.", BANK, "I was charged twice!") == []
    )


def test_dm_where_the_policy_routes_to_phone_is_flagged():
    found = routing("Sorry! DM us and we'll help.", BANK, "Someone hacked my account.")
    assert [(rule, message) for rule, _, message in found] == [
        (
            "missing-handoff",
            "This reply handles an account-security matter in public; move it to a call to 1-800-555-0100.",
        )
    ]
    assert (
        routing("Please call 1-800-555-0100 right away.", BANK, "Someone hacked my account.") == []
    )


def test_press_inquiry_needs_the_press_address_and_no_statement():
    message = "I'm a journalist on deadline, request for comment on the outage?"
    found = routing("We can confirm it was an isolated incident.", BANK, message)
    assert (
        "missing-handoff",
        "We can confirm it was an isolated incident",
        "This reply handles a press matter in public; move it to press@acme.example, and make no statement.",
    ) in found
    assert (
        "press-statement",
        "We can confirm",
        '"We can confirm" makes a statement on a press matter; make none and route it to press@acme.example, and make no statement.',
    ) in found
    assert routing("Thanks for reaching out; please email press@acme.example.", BANK, message) == []


def test_settling_in_public_quotes_what_was_settled():
    text = "We've reviewed your account and reversed the $35 fee."
    found = routing(text, BANK, "Why was I charged an overdraft fee?")
    assert [(rule, match) for rule, match, _ in found if rule == "settled-in-public"] == [
        ("settled-in-public", "reviewed your account"),
        ("settled-in-public", "reversed"),
        ("settled-in-public", "$35"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Refunds usually take 5-7 business days to appear.",
        "Please DM us so we can check your account.",
        "Yes, the Main St branch is closed on Thanksgiving.",
        "Subscriptions can be paused or cancelled anytime from your account page.",
    ],
)
def test_general_answers_and_offers_do_not_settle(text):
    assert [r for r, _, _ in routing(text, BANK, "Question about fees")] == []


def test_public_data_request_and_its_private_and_warning_forms():
    message = "My order never arrived"
    assert routing("Sorry! Reply with your account number and we'll check.", BANK, message) == [
        (
            "public-data-request",
            "Reply with your account number",
            '"Reply with your account number" asks for personal data in public; collect it in private instead: DM via @AcmeHelp.',
        )
    ]
    assert routing("Please DM us your order number and we'll look.", BANK, message) == []
    assert routing("Never share your card number in a comment.", BANK, message) == []
    assert routing("Drop your favorite holiday drink in the comments!", BANK, kind="post") == []


def test_injury_reply_that_jokes_and_guesses():
    found = routing(
        "lol hot coffee is hot, the lid was probably loose. DM us!",
        COFFEE,
        "The lid came off and I burned my hand.",
    )
    assert [(rule, match) for rule, match, _ in found] == [
        ("makes-light", "lol"),
        ("makes-light", "hot coffee is hot"),
        ("speculates-cause", "probably"),
    ]
    assert found[0][2] == (
        '"lol" makes light of an injury matter; express concern and route it to '
        "the safety team at safety@harbor.example."
    )


def test_escalation_checks_need_the_escalation_intent():
    assert routing("Haha same 😂 see you tomorrow!", COFFEE, "This latte is to die for.") == []
    assert routing("That's on us, we ran out of oat milk.", COFFEE, "No oat milk again?") == []


def test_medical_advice_versus_a_referral():
    policy = {
        "extends": ["customer-care"],
        "channels": {"support": "@VitalityCare"},
        "routing": {"medical_question": "support"},
    }
    message = "Can I take your magnesium with warfarin?"
    found = routing("Yes, it's safe to take with warfarin.", policy, message)
    assert ("medical-advice", "it's safe") in [(r, m) for r, m, _ in found]
    assert (
        routing("Please check with your doctor first, and message @VitalityCare.", policy, message)
        == []
    )


def test_no_routing_check_on_a_post_about_the_same_words():
    assert routing("We'll look into the charge.", BANK, kind="post") == []


def test_a_referral_to_a_doctor_is_the_public_answer_to_a_medical_question():
    policy = {"extends": ["customer-care"], "routing": {"medical_question": "support"}}
    message = "Can I take your fish oil with warfarin?"
    assert (
        routing("Good question for your doctor or pharmacist before you start.", policy, message)
        == []
    )
    assert [r for r, _, _ in routing("Sure, it will be fine!", policy, message)] == [
        "missing-handoff"
    ]


def test_phone_route_needs_the_official_number_when_the_policy_has_one():
    message = "Someone hacked my account."
    assert [r for r, _, _ in routing("Please give us a call right away.", BANK, message)] == [
        "missing-handoff"
    ]


def test_the_destination_named_does_not_depend_on_set_order():
    from voicelint import care

    routing = {"order_status": "dm", "injury": "safety", "billing": "phone"}
    for intents in ({"order_status", "injury", "billing"}, {"billing", "injury", "order_status"}):
        assert care.by_priority(intents) == ["injury", "billing", "order_status"]
        assert care.reply_destination(intents, routing) == "safety"
