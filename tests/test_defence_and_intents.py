"""The brand's defence put to a complaint, fatalism after "but", blame as a habit of "people",
prudence advice at a complaint, reporters who name their outlet, a missing child, and
urgency written as a pattern (issue 16). Sentences of our own; the mechanisms were found on the
README-only dev set tests/corpus-tuning/mixed-dev7."""

from __future__ import annotations

import pytest

from conftest import lint
from test_harm_replies import reply
from voicelint.intents import detect
from voicelint.policy import PolicyError

LATE_FEE = "Charged me $90 for a late return?! Nobody told me about that."
SLIPPED = "Slipped on the wet floor in your lobby and twisted my ankle."


@pytest.mark.parametrize(
    "text",
    [
        "The late-return fee is listed in your rental agreement.",
        "Thanks for the heads up, but the caution sign was out all afternoon.",
        "Our lobby floors are inspected every hour.",
        "Guests are asked to use the handrail at all times.",
        "Our cleaner followed procedure.",
        "A hold on the card was placed, which is standard.",
    ],
)
def test_a_defence_instead_of_an_answer(text):
    assert "tone.defensive-reply" in reply(
        text, SLIPPED if "floor" in text or "sign" in text else LATE_FEE
    )


@pytest.mark.parametrize(
    "text",
    [
        "We're sorry. The fee is listed in the agreement, but let's look at it: please DM us.",
        "The fee is listed at quay.example/fees.",
        "The caution sign wasn't out, and it should have been.",
        "The updated fee table will be posted on Monday.",
        "Please follow the guide in the app to return the car.",
        "The fee is listed in your agreement; DM @QuayHelp and we'll go through it with you.",
    ],
)
def test_an_apology_a_pointer_an_admission_or_a_promise_is_no_defence(text):
    assert "tone.defensive-reply" not in reply(text, LATE_FEE)


def test_a_defence_to_a_question_is_an_answer():
    assert "tone.defensive-reply" not in reply(
        "The one-way fee is listed in the rental agreement.",
        "Is there a fee for dropping the car at another branch?",
    )


def test_fatalism_after_but_is_not_excused_by_an_apology():
    assert "tone.reader-brushed-off" in reply(
        "So sorry! The floor had a caution sign, but accidents happen. Get well soon", SLIPPED
    )
    assert "tone.reader-brushed-off" not in reply(
        "We're so sorry. Accidents happen, but this one shouldn't have: please email safety@quay.example.",
        SLIPPED,
    )


def test_a_habit_of_people_named_as_the_cause():
    said = "My parcel went back to the depot and nobody told me why."
    assert "tone.customers-blamed" in reply("It happens a lot when people rush the checkout.", said)
    assert "tone.customers-blamed" not in reply(
        "It happens sometimes when people move house; DM us and we'll sort it.", said
    )
    assert "tone.customers-blamed" not in reply(
        "Happens a lot when we're short-staffed, sorry! DM us and we'll chase it.", said
    )


def test_prudence_advice_before_you_at_a_complaint():
    said = "You charged me for a dent that was there when I collected the van!"
    assert "tone.reader-blamed" in reply(
        "It's always wise to photograph the van before you set off.", said
    )
    assert "tone.reader-blamed" not in reply(
        "It's always wise to photograph the van before you set off.",
        "Any tips for my first rental?",
    )


def test_a_promise_about_the_future_denies_nothing():
    said = "my card number is on the receipt and my payment STILL isn't showing"
    assert "routing.customer-care.argues-facts" not in reply(
        "For your security, please delete that comment and DM us. We'll never ask for your card number in public.",
        said,
    )


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Hello, I'm with Channel 9 News, can you confirm the pool closure?", "press_inquiry"),
        ("I write for the Harbourside Gazette. What happened at the pier today?", "press_inquiry"),
        ("We're covering the recall tonight, is your brand affected?", "press_inquiry"),
        ("I can't find my 4 year old near the carousel!!", "safety_hazard"),
        ("The show was cancelled and we got nothing back for our tickets.", "billing"),
        ("Sam Ortiz, news desk at the Valley Courier. Is the plant closing?", "press_inquiry"),
        ("Third cancellation this month. Telling the local news tomorrow.", "legal_threat"),
    ],
)
def test_intents_read_from_who_speaks_and_what_is_missing(message, intent):
    assert intent in detect(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm with you all the way on this, loved the news about the new ride",
        "Lost my son's hat by the carousel, is there lost property?",
        "covering my kids in sunscreen before the water park!",
    ],
)
def test_no_intent_in_an_aside(message):
    assert not detect(message) & {"press_inquiry", "safety_hazard"}


def test_a_customers_address_read_off_their_profile_is_personal_data():
    # "I can see 22 Birch St" is still read as the brand's own place ("see you at..."): a known gap
    said = "why does your app still have my old address on it??"
    assert "routing.customer-care.personal-data" in reply(
        "Your profile still shows 22 Birch St as your address.", said
    )


def test_a_pass_number_repeated_in_public():
    said = "my season pass won't scan, pass # QH-4410-2231"
    assert "routing.customer-care.personal-data" in reply(
        "Pass QH-4410-2231 was paused after a refund.", said
    )


def test_urgency_written_as_a_pattern():
    assert "claims.false-urgency" in [
        f.rule for f in lint("Sale ends Sunday, and you won't see a discount like this again.", {})
    ]
    assert "claims.false-urgency" not in [
        f.rule for f in lint("Sale ends Sunday; our prices go back to normal again on Monday.", {})
    ]


def test_a_near_pattern_that_spacy_refuses_is_a_policy_error():
    rule = {
        "id": "claims.test.u",
        "kind": "near",
        "category": "claims",
        "summary": "s",
        "why": "w",
        "message": "m",
        "terms": ["a"],
        "near": ["b"],
        "near_patterns": [[{"NOT_A_KEY": "x"}]],
        "examples": {},
    }
    with pytest.raises(PolicyError, match=r"the pattern is refused.*never"):
        lint("x", {"custom_rules": [rule]})


def test_a_record_of_no_loss_sold_as_safety():
    policy = {"extends": ["finance"]}
    found = [f.rule for f in lint("The Income fund has never had a losing quarter.", policy)]
    assert "claims.finance.risk-free" in found
    assert "claims.finance.risk-free" not in [
        f.rule for f in lint("Every fund has down years; ours fell 8% in 2022.", policy)
    ]


def test_a_ranking_sealed_hands_down():
    assert "claims.superlative" in [
        f.rule for f in lint("Harbourside's best chowder, hands down.", {})
    ]
    assert "claims.superlative" not in [f.rule for f in lint("Hands down my favourite walk.", {})]


@pytest.mark.parametrize(
    "message",
    [
        "Your installer scratched my floor and left.",
        "Switched my plan without asking, great.",
        "Thanks for nothing, still waiting on that callback.",
        "Another outage on Birch Road tonight.",
    ],
)
def test_a_complaint_in_words_vader_does_not_score(message):
    from voicelint.analysis import Customer, TextAnalysis
    from voicelint.care import complains
    from voicelint.nlp import parse

    doc = parse(message)
    assert complains(Customer(TextAnalysis(doc), frozenset(detect(message))))


def test_a_customer_laughing_is_not_complaining():
    from voicelint.analysis import Customer, TextAnalysis
    from voicelint.care import complains
    from voicelint.nlp import parse

    def said(message: str) -> bool:
        doc = parse(message)
        return complains(Customer(TextAnalysis(doc), frozenset(detect(message))))

    assert not said("lmao this ad has me crying 😂 who made it")
    assert said("lol the app crashed again and I lost my cart 😂")


def test_a_refusal_to_share_someones_details_is_no_data_request():
    said = "can I get the number of the plumber you sent? he was so rude"
    refused = "We can't share our staff's phone numbers, but please DM us and we'll follow it up."
    assert "routing.customer-care.public-data-request" not in [
        f.rule
        for f in lint(refused, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    ]


def test_passing_thanks_on_is_no_medical_advice():
    said = "my dad fainted on the train and your staff were brilliant, he's in hospital now"
    thanks = (
        "So glad he's stable. We will pass your thanks on to the team, and DM us if we can help."
    )
    advice = "Dizziness like that usually means dehydration, it will pass."
    rules = lambda text: [  # noqa: E731
        f.rule for f in lint(text, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    ]
    assert "routing.customer-care.medical-advice" not in rules(thanks)
    assert "routing.customer-care.medical-advice" in rules(advice)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("I can't stop sobbing, they're cutting off our heating on Friday", "distress"),
        ("I honestly don't know how we'll manage without the car", "distress"),
        ("please somebody help me, the bailiffs are at the door", "distress"),
    ],
)
def test_distress_in_the_customers_own_words(message, intent):
    assert intent in detect(message)


def test_staff_sent_for_training_by_name_in_public():
    said = "the cashier Priya was so rude to me today"
    reply = "We're sorry. Priya will get extra training this week."
    assert "routing.customer-care.personal-data" in [
        f.rule for f in lint(reply, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    ]


def test_a_staff_members_version_against_the_customers_is_arguing():
    said = "Your courier left my parcel in the rain on someone else's porch"
    reply = "The courier says it was left at your door, and the tracking confirms it."
    assert "routing.customer-care.argues-facts" in [
        f.rule for f in lint(reply, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    ]


def test_a_test_that_went_badly_is_no_bomb():
    assert "crisis" not in detect("my daughter totally bombed her driving theory test")
    assert "crisis" in detect("there is a bomb in your car park")


def test_a_team_that_has_been_told_does_not_argue():
    said = "your Canal St shop plays the SAME playlist every day 🙄"
    reply = "Ha, fair! The Canal St team has been told and will mix it up by Friday."
    assert "routing.customer-care.argues-facts" not in [
        f.rule for f in lint(reply, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    ]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("the pharmacist read my diagnosis out loud in front of the whole queue", "privacy"),
        ("You closed my account. I want my data back, this is a data request.", "privacy"),
        ("your van reversed without looking and nearly hit my son", "safety_hazard"),
    ],
)
def test_privacy_and_near_misses_in_the_customers_words(message, intent):
    assert intent in detect(message)
