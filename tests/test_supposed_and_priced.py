"""Conditions ``supposed`` and ``priced``, and the false alarms they and their neighbours remove:
a patient's records spoken of in a supposed case, fees with no price shown, a question about
payback, the authorised immune-system claim, "everyone's" as no patient's name, a second order
between a result verb and a noun."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from test_conditions import holds


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Once the vet has checked your records, they can refill it.", "your records", True),
        ("If your parcel is late, we refund the fee.", "your parcel", True),
        ("DM us and we'll help so your order isn't held up.", "your order", True),
        ("Your records show a missed visit.", "Your records", False),
        ("When you came in last week we fitted the crown.", "When you came in", False),
        ("If it rains we close. Your booking is confirmed.", "Your booking", False),
    ],
)
def test_supposed_is_a_clause_of_condition_time_or_purpose_before_the_hit(text, words, expected):
    assert holds("supposed", None, text, words) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rooms from $89 a night, fees extra.", True),
        ("Cabins from 120 EUR, cleaning fee extra.", True),
        ("Villas from €140. Tourist tax payable on arrival.", True),
        ("Tickets can't be resold above face value plus fees.", False),
        ("We charge a small fee for late returns.", False),
    ],
)
def test_priced_is_a_draft_that_shows_an_amount_of_money(text, expected):
    assert holds("priced", None, text, text.split()[0]) is expected


HEALTHCARE = {"extends": ["healthcare-providers"]}


def test_a_supposed_case_confirms_no_ones_care():
    said = "can I get my repeat prescription through you?"
    assert "routing.healthcare-providers.patient-details" not in rules_of(
        lint(
            "Yes. Once a GP has reviewed your notes, they can issue one online.",
            HEALTHCARE,
            kind="reply",
            in_reply_to=said,
        )
    )
    assert "routing.healthcare-providers.patient-details" in rules_of(
        lint(
            "Sorry your filling on Monday was sore; the notes say it went fine.",
            HEALTHCARE,
            kind="reply",
            in_reply_to="Worst visit ever.",
        )
    )


def test_everyone_is_no_patients_name():
    assert "routing.healthcare-providers.named-patient" not in rules_of(
        lint("Everyone's teeth shift at their own pace, so ask your dentist.", HEALTHCARE)
    )


def test_fees_with_no_price_shown_are_no_drip_pricing():
    travel = {"extends": ["travel"]}
    assert "claims.travel.drip-pricing" not in rules_of(
        lint("Seats can't be resold above face value plus fees.", travel)
    )
    assert "claims.travel.drip-pricing" in rules_of(lint("Seats from $40 plus fees.", travel))


def test_a_question_about_payback_is_no_payback_promise():
    energy = {"extends": ["home-energy"]}
    assert "claims.home-energy.pays-for-itself" not in rules_of(
        lint("Does a heat pump pay for itself? It depends on your tariff.", energy)
    )
    assert "claims.home-energy.pays-for-itself" in rules_of(
        lint("Our heat pumps pay for themselves in four years.", energy)
    )


def test_the_authorised_immune_claim_wording_is_lawful():
    food = {"extends": ["food"]}
    assert "claims.food.superfood-health" not in rules_of(
        lint("Vitamin D contributes to the normal function of the immune system.", food)
    )
    assert "claims.food.superfood-health" in rules_of(
        lint("Boosts your immunity all winter.", food)
    )


def test_a_second_order_splits_a_verb_from_the_noun_after_it():
    assert "claims.certain-outcome" not in rules_of(
        lint("Please keep everyone clear of the boiler and call our line now.")
    )
    assert "claims.certain-outcome" in rules_of(lint("Everyone gets clear skin in a week."))


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("someone changed the email on my account, wasnt me", "account_security"),
        ("i cant log in since yesterday", "account_security"),
        ("honestly I don't see the point of anything anymore", "crisis"),
        ("my app shows someone else's orders and their address", "privacy"),
        ("what does a recipe app need my location for", "privacy"),
        ("raw sewage is coming up through the drain in my yard", "safety_hazard"),
        ("a pipe has burst under the road and water pouring into our hall", "safety_hazard"),
        ("a player keeps asking my 12 year old son for pics", "safety_hazard"),
        ("my son had a reaction to the flapjack within minutes", "injury"),
        ("got crushed against the gate at your festival", "injury"),
        ("my premium went up 35% for no reason", "billing"),
        ("my kid spent £80 on my card without me knowing", "billing"),
        ("half my weekly shop is missing again", "order_status"),
    ],
)
def test_intents_read_in_more_of_the_customers_words(said, intent):
    from voicelint.intents import detect

    assert intent in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "I sent my son photos of the new range",
        "got a text asking me to confirm my card details?? legit?",
        "what a great day at the pool with my kids",
    ],
)
def test_look_alikes_of_the_new_intent_words_are_no_matter(said):
    from voicelint.intents import detect

    assert not detect(said) & {"safety_hazard", "billing", "injury"}


def test_a_reply_that_clears_the_customer_acknowledges_them():
    said = "The promo code failed at checkout twice, so annoying"
    found = rules_of(
        lint("It's not your fault: the code expired early.", kind="reply", in_reply_to=said)
    )
    assert "tone.unacknowledged-complaint" not in found


CARE = {"extends": ["customer-care"]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sorry! Tom from our Leeds store has been given a formal warning.", "Tom"),
        ("We're sorry. Dr Osei has had several complaints this month.", "Osei"),
        (
            "Sorry about this. Our driver Baz on the north route has been reported to his manager.",
            "Baz",
        ),
    ],
)
def test_a_staff_member_blamed_by_a_first_name_or_a_title_is_named_in_public(text, name):
    found = lint(text, CARE, kind="reply", in_reply_to="your staff member was so rude to me")
    assert any(f.rule == "routing.customer-care.personal-data" and f.match == name for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks! Grace from our Leeds store will be thrilled to hear this.",
        "Dr Osei is on leave this week, so Dr Shah will call you back.",
        "Sorry about this. Our driver on the Leeds route has been reported to his manager.",
    ],
)
def test_staff_praised_or_out_of_office_or_a_place_are_no_blame(text):
    found = lint(text, CARE, kind="reply", in_reply_to="the staff at your Leeds store")
    assert "routing.customer-care.personal-data" not in rules_of(found)


@pytest.mark.parametrize(
    "text",
    [
        "Our gutter guards never clog.",
        "The new springs will never sag.",
        "Your savings pot can never go down, whatever the market does.",
        "Damp? Not in a Greystone cellar. Ever.",
    ],
)
def test_a_failure_or_a_harm_denied_for_ever_is_a_claim(text):
    found = rules_of(lint(text))
    assert {"claims.certain-outcome", "claims.sealed-promise"} & set(found)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, not open on Sundays. Ever.",
        "Members can't get in before 6am.",
        "We'll never let you down.",
        "Gutter guards can't stop every leaf, so we clean them twice a year.",
    ],
)
def test_a_habit_a_rule_or_manners_denied_is_no_claim(text):
    found = rules_of(lint(text))
    assert not {"claims.certain-outcome", "claims.sealed-promise"} & set(found)


def test_cold_as_a_temperature_is_no_disease_in_any_health_pack():
    for pack in ("health", "food", "healthcare-providers"):
        found = rules_of(
            lint("Insulate the loft and the cold spots are gone for good.", {"extends": [pack]})
        )
        assert not [r for r in found if "disease" in r or "cure" in r], (pack, found)
    assert "claims.healthcare-providers.cure-claim" in rules_of(
        lint("Our acupuncture cures colds for good.", {"extends": ["healthcare-providers"]})
    )
