"""Disclosures in the words creators write (another language, "X pays me", a commission, "at no
cost to me"), a disclosure denied ("not sponsored") as none; required statements in a supposed
case and a price that can fall; fewer false alarms (a span of years, a common noun or a month as a
name, "yet" after an apology, the Buffalo Bills, a cup final, "nobody asked me to"); and intents
in more of a customer's words (a person hit by a vehicle, a pet that ate something, a card used by
someone at home, a text whose sender is doubted, a matter told to an ex)."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from voicelint.intents import detect
from voicelint.kinds.pii import staff_blamed
from voicelint.nlp import parse
from voicelint.recognizers import not_a_year

MISSING = "disclosure.endorsements.missing"


@pytest.mark.parametrize(
    "text",
    [
        "Publicidad: @Lumo me paga por este video. Tres cafés para el invierno.",
        "Anuncio pagado por @Lumo. Mi rutina de invierno.",
        "Partenariat rémunéré avec @Lumo. Trois cafés pour l'hiver.",
        "Lumo pays me $15 for every order with my code, and the beans are lovely.",
        "Lumo paid us to film this, so here's the whole roast day.",
        "I may earn a small commission when you shop these picks.",
        "Gifted grinder: Lumo lent it at no cost to me for a month.",
    ],
)
def test_disclosures_in_the_words_creators_write(text):
    assert MISSING not in rules_of(lint(text, sponsored=True, platform="x"))


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Not sponsored, I just love the Lumo grinder.", "Not sponsored"),
        ("This isn't an ad! The Lumo beans are that good.", "isn't an ad"),
    ],
)
def test_a_sponsored_post_that_denies_it_is_paid_discloses_nothing(text, denial):
    found = [f for f in lint(text, sponsored=True, platform="x") if f.rule == MISSING]
    assert found and found[0].match == denial


def test_a_visit_paid_is_no_payment_and_a_real_disclosure_still_counts():
    assert MISSING in rules_of(lint("Lumo paid us a visit at the studio.", sponsored=True))
    assert MISSING not in rules_of(lint("#ad Not kidding, Lumo's beans are great.", sponsored=True))


def test_a_term_stated_as_a_supposed_case_is_stated():
    policy = {"extends": ["lending"]}
    promo = "Deferred interest on bikes: if the balance isn't paid in full in 6 months, interest is charged from the purchase date."
    assert "disclosure.lending.promo-terms" not in rules_of(lint(promo, policy))
    bare = "Deferred interest on every bike until spring."
    assert "disclosure.lending.promo-terms" in rules_of(lint(bare, policy))


def test_a_price_said_to_be_able_to_fall_is_a_risk_warning():
    policy = {"extends": ["crypto-investing"]}
    warned = "Stake ETH in two taps. ETH's price can fall sharply; only stake what you can afford to lose."
    assert "disclosure.crypto-investing.risk-warning" not in rules_of(lint(warned, policy))
    assert "disclosure.crypto-investing.risk-warning" in rules_of(
        lint("Stake ETH in two taps.", policy)
    )


def test_a_span_of_years_is_no_account_number():
    assert not_a_year("2025-26") is False
    assert not_a_year("2019-2021") is False
    assert not_a_year("2025-3345") is None  # not a later year: a number like any other


@pytest.mark.parametrize(
    "text",
    [
        "Buy any crypto with us. Crypto can lose value quickly and you could lose it all.",
        "Our winter challenge starts Jan 8 and it is tough, so rest well.",
    ],
)
def test_a_common_noun_or_a_month_is_no_staff_member_blamed(text):
    assert not staff_blamed(parse(text), set())


def test_a_named_staff_member_given_a_warning_is_still_blamed():
    assert staff_blamed(parse("Sorry! Agent Tasha has been given a warning."), set())


def test_a_place_of_ours_is_no_customer_name():
    findings = lint(
        "Our Charleston weekend package is $149 a night with taxes included.",
        {"extends": ["customer-care"]},
        kind="reply",
        in_reply_to="any weekend deals in Charleston?",
    )
    assert "routing.customer-care.personal-data" not in rules_of(findings)


def test_sorry_with_yet_as_an_adverb_still_apologises():
    findings = lint(
        "Sorry nobody's called yet. DM @AcmeHelp and we'll confirm your date.",
        {"extends": ["customer-care"], "channels": {"support": "@AcmeHelp"}},
        kind="reply",
        in_reply_to="When is my install? Nobody has called me.",
    )
    assert "routing.customer-care.argues-facts" not in rules_of(findings)


@pytest.mark.parametrize(
    "text",
    [
        "Monday boost: Bills to win by 10+, now +250. 21+, terms apply, play responsibly.",
        "Cup final tonight: back the home side at 2/1. 21+, terms apply, play responsibly.",
        "We break down every game of the weekend, 21+, gamble responsibly.",
    ],
)
def test_sport_is_no_money_worry_school_or_escape(text):
    findings = rules_of(lint(text, {"extends": ["betting"]}))
    assert not {
        "claims.betting.financial-solution",
        "claims.betting.appeals-to-young",
        "claims.betting.escape",
    } & set(findings)


def test_nobody_asked_the_writer_is_no_brush_off():
    assert "tone.hostile" not in rules_of(
        lint("Bought it myself and love it. Nobody asked me to post this.")
    )
    reply = lint("Nobody asked.", kind="reply", in_reply_to="your app is so slow today")
    assert "tone.hostile-reply" in rules_of(reply)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("one of your vans hit my daughter on her scooter, she's at the hospital", "injury"),
        ("your driver knocked over my mum outside the shop", "injury"),
        ("the puppy ate half a bar of chocolate, is that bad??", "medical_question"),
        ("gave him your worming tablet and now he's drooling and trembling", "adverse_event"),
        ("my 14 yo has been using my card on your app without asking", "account_security"),
        ("someone booked three trips on my account last night", "account_security"),
        ("got an email saying my account needs verifying, is that you?", "account_security"),
        ("why did my ex get an email about my booking? he's not on it", "privacy"),
        ("your rider posted my address on his tiktok", "privacy"),
        ("charged me 4 times for one coffee", "billing"),
        ("order from monday and the tracking hasn't moved since", "order_status"),
        ("we lost him last week and I don't know how to get through this", "distress"),
        ("rent's due and if I win tonight I'll be fine", "distress"),
    ],
)
def test_an_intent_in_a_customers_words(said, intent):
    assert intent in detect(said)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("If we sign up, will my daughter hit a 30 on the test?", "injury"),
        ("I can't do this puzzle lol", "distress"),
        ("heard on a tiktok that you charge for bags, is it true?", "billing"),
    ],
)
def test_look_alikes_of_those_intents(said, intent):
    assert intent not in detect(said)


def test_a_denial_answers_a_customer_who_asks_whether_a_message_is_ours():
    findings = lint(
        "Thanks for checking. That text is not from us; we never ask for card details by text.",
        {"extends": ["customer-care"], "channels": {"phone": "0800 555 0100"}},
        kind="reply",
        in_reply_to="got a text asking me to confirm my card details, legit?",
    )
    assert "routing.customer-care.argues-facts" not in rules_of(findings)


def test_the_contract_cited_at_a_billing_complaint_handles_it_in_public():
    findings = lint(
        "It's in the contract you signed, section 4.",
        {"extends": ["customer-care"], "routing": {"billing": "dm"}},
        kind="reply",
        in_reply_to="got charged a $30 fee that nobody told me about",
    )
    assert "routing.customer-care.missing-handoff" in rules_of(findings)


def test_a_booking_that_cannot_be_cancelled_is_a_term_not_a_harm_denied():
    assert "claims.certain-outcome" not in rules_of(lint("Saver fares cannot be cancelled."))
    assert "claims.certain-outcome" in rules_of(lint("Your trip will never be cancelled."))


@pytest.mark.parametrize(
    "text",
    [
        "Never leaving home without my @Lumo flask #ad",
        "No filter needed #ad @Lumo",
        "Not gonna lie, #ad but I'd buy it anyway",
    ],
)
def test_a_negation_elsewhere_in_the_sentence_denies_no_disclosure(text):
    assert MISSING not in rules_of(lint(text, sponsored=True, platform="x"))
