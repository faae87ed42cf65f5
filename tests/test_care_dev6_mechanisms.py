"""What a customer reports, read in more of the words customers use (a SIM swap, smoke smelled,
bedbugs, a blocked fire exit, a fall, a fever, despair, an address shown), and what replies do
wrong with it: staff disciplined by name, customers named in posts, the customer's account
denied, the brand's defence, laughing at a harm, an apology for feelings (issue 16). Sentences of
our own; the mechanisms were found on the README-only dev set tests/corpus-tuning/care-dev6."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect

CARE = {
    "name": "Tern",
    "extends": ["customer-care"],
    "channels": {
        "support": "@TernHelp",
        "phone": "1-800-555-0100",
        "safety": "safety@tern.example",
        "legal": "legal@tern.example",
    },
    "routing": {
        "billing": "dm",
        "account_security": "phone",
        "injury": "safety",
        "safety_hazard": "safety",
        "legal_threat": "legal",
        "distress": "phone",
        "crisis": "phone",
    },
}


def rules(text: str, said: str | None = None) -> list[str]:
    fields: dict[str, object] = {"kind": "reply", "in_reply_to": said} if said else {}
    return [f.rule for f in lint(text, CARE, **fields)]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        (
            "my phone lost all signal and the carrier says my SIM was changed, that wasn't me",
            "account_security",
        ),
        (
            "someone changed the password on my rewards account and spent my points",
            "account_security",
        ),
        ("I already clicked the link in that fake email before I noticed", "account_security"),
        ("we smelled smoke in the back row for the whole trip", "safety_hazard"),
        ("the router started sparking behind the sofa last night", "safety_hazard"),
        ("there are bed bugs in room 12, I have bites everywhere", "safety_hazard"),
        ("the emergency exit by the gym was padlocked all weekend", "safety_hazard"),
        ("my dad fell down the wet steps by the entrance and has a concussion", "injury"),
        ("a suitcase hit my son in the head when it dropped from the rack", "injury"),
        (
            "my toddler has a rash and a temperature since yesterday, should I bring her in?",
            "medical_question",
        ),
        ("i keep thinking about ending it all", "crisis"),
        ("my card was declined, the kids are hungry and I don't know what to do", "distress"),
        ("your listing showed my home address to every buyer", "privacy"),
        ("I'm reporting this to the health inspector today", "legal_threat"),
    ],
)
def test_what_customers_report_in_their_own_words(message, intent):
    assert intent in detect(message)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("do your urgent care clinics open on Sundays?", "injury"),
        (
            "Got a text asking me to click a link to unlock my account. Is it you?",
            "account_security",
        ),
    ],
)
def test_a_place_or_a_scams_own_instruction_reports_nothing(message, intent):
    assert intent not in detect(message)


@pytest.mark.parametrize(
    "text",
    [
        "So sorry! Marta from our Elm Road team has been spoken to about this.",
        "We apologise. Cashier Tom R. has received a written warning.",
        "Sorry about that night. Jonas P. was on shift and has been taken off the desk.",
    ],
)
def test_staff_disciplined_by_name(text):
    assert "routing.customer-care.personal-data" in rules(
        text, "Your cashier was so rude to my mum yesterday."
    )


def test_a_name_opening_a_sentence_that_helps_is_no_blame():
    assert "routing.customer-care.personal-data" not in rules(
        "Lena from our billing team will call you today.", "My bill is wrong again."
    )


def test_a_customers_booking_named_in_a_post():
    found = rules(
        "A big welcome to our 50,000th guest, Ana R. (booking QX-88123), staying all week!"
    )
    assert "routing.customer-care.personal-data" in found


@pytest.mark.parametrize(
    "text",
    [
        "That is not what happened, our driver waited ten minutes.",
        "That's not true. The fee was on the receipt.",
        "That never happened at our branch.",
    ],
)
def test_the_customers_account_denied(text):
    assert "tone.reader-contradicted" in rules(text, "Your driver left without me and charged me!")


@pytest.mark.parametrize(
    "text",
    [
        "We're sorry that wasn't the case today. Please DM us.",
        "That's not right at all, we're sorry. DM us and we'll fix it.",
    ],
)
def test_regret_is_no_denial(text):
    assert "tone.reader-contradicted" not in rules(text, "Your driver left without me!")


@pytest.mark.parametrize(
    "text",
    [
        "Our crews follow strict safety procedures on every job.",
        "Our housekeeping team inspects every room weekly.",
        "Our stairwells meet every building code.",
    ],
)
def test_the_brands_defence_at_a_harm_report(text):
    assert "tone.defensive-reply" in rules(
        text, "I tripped on a loose stair rod in your hotel and hurt my wrist."
    )


def test_we_will_follow_up_is_help_not_a_rule_kept():
    assert "tone.defensive-reply" not in rules(
        "We'll follow up with the site team today, please email safety@tern.example.",
        "I tripped on a loose stair rod in your hotel and hurt my wrist.",
    )


def test_a_sheepish_laugh_at_an_injury_ridicules():
    assert "tone.reader-ridiculed" in rules(
        "Must have been some dance moves 😅", "I fell down your stairs and sprained my ankle."
    )


def test_a_sheepish_laugh_in_banter_is_rapport():
    assert "tone.reader-ridiculed" not in rules(
        "no pressure then 😅 start with the first season, trust us",
        "what should I watch first?? I have one free evening lol",
    )


def test_the_customers_eye_roll_is_not_shared_laughter():
    assert "tone.reader-ridiculed" in rules(
        "Guess our hold music is a hit 😂", "two hours on hold and then the call dropped 🙃 useless"
    )


def test_an_apology_for_feelings_brushes_off():
    assert "tone.reader-brushed-off" in rules(
        "Sorry you feel that way. Prices are up everywhere.", "Your prices went up 30%, disgusting."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Check your address at tern.example to see which speeds you can get.",
        "DM us and we'll chase it. No need to share your address here.",
    ],
)
def test_no_request_for_data(text):
    assert "routing.customer-care.public-data-request" not in rules(
        text, "my parcel is 3 weeks late"
    )


def test_sorry_for_their_news_settles_nothing():
    assert "routing.customer-care.settled-in-public" not in rules(
        "We're sorry your flight was cancelled again. Please DM us and we'll go through the options.",
        "Flight cancelled AGAIN and you want $150 to rebook? I want my money back.",
    )


def test_emergency_credit_is_help_not_compensation():
    found = rules(
        "We're so sorry. Please call us on 1-800-555-0100: we can add emergency credit to your meter today.",
        "can't afford to top up the meter, it's freezing and I don't know what to do",
    )
    assert "routing.customer-care.compensates-harm" not in found


@pytest.mark.parametrize("text", ["Good luck with your complaint.", "Good luck in court then."])
def test_luck_wished_on_the_customers_recourse_is_a_dare(text):
    assert "tone.reader-brushed-off" in rules(text, "You lost my deposit. I'm taking you to court.")


def test_luck_wished_on_something_else_is_kind():
    assert "tone.reader-brushed-off" not in rules(
        "Good luck with the move! Sorry again about the delay, your new date is in your DMs.",
        "The van was late and I'm moving house tomorrow, not happy",
    )
