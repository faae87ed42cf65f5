"""A customer's plain question about how a product, a price or a rule works is an inquiry, not a
private matter or a complaint: a public answer needs no hand-off, and setting a fact straight is
not a brush-off. Reports, requests to act and pending items stay private matters."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint import care
from voicelint.intents import detect
from voicelint.nlp import parse

CARE = {
    "extends": ["customer-care"],
    "channels": {"support": "@NorthHelp"},
    "routing": {"billing": "dm", "order_status": "dm"},
}


def rules(text: str, said: str, policy: dict | None = None) -> list[str]:
    return [f.rule for f in lint(text, policy or CARE, kind="reply", in_reply_to=said)]


@pytest.mark.parametrize(
    "said",
    [
        "Will a heat pump get my gas bill down to nothing?",
        "Is my gift to the shelter tax deductible?",
        "Does the whole fee go to the artists?",
        "Can I pay the deposit with a credit card?",
        "Are your monthly plans billed in advance?",
    ],
)
def test_a_question_about_how_things_work_is_no_private_matter(said):
    assert not {"billing", "order_status", "account_security"} & detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "Is my refund still coming?",  # a pending item of the customer's
        "Will my package arrive before the weekend?",
        "Why was my card charged two times?",  # not an auxiliary question
        "Can you refund me for last month?",  # a request to act
        "Did you take the fee out of my account twice?",  # an event told
        "Was I billed for the upgrade?",
    ],
)
def test_reports_requests_and_pending_items_stay_private_matters(said):
    assert {"billing", "order_status", "account_security"} & detect(said)


def test_a_factual_answer_to_an_inquiry_needs_no_hand_off():
    said = "Will the battery cut my electric bill to zero?"
    text = "Most homes still buy some power at night, so a bill of zero is rare. Your quote shows an estimate."
    assert "routing.customer-care.missing-handoff" not in rules(text, said)


def test_the_same_answer_to_a_billing_complaint_still_needs_the_hand_off():
    said = "You charged me twice this month and nobody answers the phone!"
    text = "Most homes still buy some power at night. Your bill will show an estimate."
    assert "routing.customer-care.missing-handoff" in rules(text, said)


def test_setting_a_fact_straight_answers_a_question():
    said = "Does your elderberry syrup treat the flu?"
    text = "It's a food supplement, not a medicine, so we can't say it treats anything. Your pharmacist can advise."
    assert "tone.hostile-reply" not in rules(text, said)


def test_setting_a_fact_straight_puts_down_a_complaint():
    said = "The sandwich was wrong again and the soup was cold."
    text = "It's a deli, not a steakhouse."
    found = lint(text, CARE, kind="reply", in_reply_to=said)
    assert [f.entry for f in found if f.rule == "tone.hostile-reply"] == [
        "tone.hostile-reply/dismiss-set-straight"
    ]


def test_a_negative_topic_in_an_inquiry_is_not_a_complaint():
    said = parse("Does the balm help with eczema?")
    assert care._asks_only(said)
    assert not care._asks_only(parse("Does the balm help? My eczema got worse."))


def test_an_action_noun_that_classifies_is_no_deed_done():
    said = "Is the solar rebate something you pay me?"
    text = "No, it's a state tax credit you claim on your return. A tax adviser can confirm the details."
    assert "routing.customer-care.settled-in-public" not in rules(text, said)
    done = "We've issued a credit of $40 to your account, so you're all set."
    assert "routing.customer-care.settled-in-public" in rules(
        done, "You overcharged me $40 on my last bill."
    )


def test_label_caution_beside_a_referral_is_not_medical_advice():
    said = "I took your iron tablets yesterday and now I have a rash."
    safe = "I'm so sorry. Please stop taking them and call @NorthHelp so our pharmacist can help."
    assert "routing.customer-care.medical-advice" not in rules(safe, said)
    advice = "Stop taking them for two days, then halve the dose."
    assert "routing.customer-care.medical-advice" in rules(advice, said)


def test_a_product_name_after_our_is_no_staff_member():
    text = "Thank you to everyone who voted for our Ceramide Barrier Drops this year!"
    assert "routing.customer-care.personal-data" not in [f.rule for f in lint(text, CARE)]
    blamed = "Sorry, our driver Marek was careless and dropped it."
    assert "routing.customer-care.personal-data" in rules(
        blamed, "My parcel was thrown at my door."
    )


@pytest.mark.parametrize(
    "said",
    [
        "Refund landed in my account overnight, brilliant service!",
        "My parcel turned up a day early, absolutely love it 😍",
    ],
)
def test_praise_of_the_customers_own_matter_is_no_private_matter(said):
    assert not detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "Brilliant, another double charge on my card. Love it.",
        "Amazing service as always, my parcel is two weeks late 🙃",
        "Love the shop but my refund never arrived",
    ],
)
def test_sarcasm_or_a_problem_beside_praise_stays_a_private_matter(said):
    assert {"billing", "order_status"} & detect(said)


def test_a_warm_reply_to_praise_needs_no_hand_off():
    said = "Refund landed in my account overnight, brilliant service!"
    text = "So glad your refund came through quickly! Thanks for shopping with us."
    assert "routing.customer-care.missing-handoff" not in rules(text, said)


@pytest.mark.parametrize(
    "said, complains",
    [
        ("Forty quid for a phone case is a rip-off.", True),
        ("honestly a ripoff at that price", True),
        ("I was overcharged for the upgrade", True),
        ("For the price it's not a rip-off at all, love it", False),
        ("Loved the new case, great price", False),
    ],
)
def test_a_price_called_a_rip_off_is_a_complaint(said, complains):
    from voicelint.analysis import Customer, TextAnalysis
    from voicelint.intents import intents_of_doc

    doc = parse(said)
    customer = Customer(TextAnalysis(doc), frozenset(intents_of_doc(doc)))
    assert customer.complaint is complains
    assert care.complains(customer) is complains
