"""Readings added on care-dev31, hardneg-dev32 and claims-dev33 (2026-12-08): each asserts a
finding, an intent, or their absence, on a draft written for the test (no corpus sentence)."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from voicelint.intents import detect
from voicelint.recognizers import analyze

CARE = {
    "extends": ["customer-care"],
    "channels": {"support": "@ProbeHelp", "safety": "1-800-555-0111"},
    "routing": {"injury": "safety", "safety_hazard": "safety", "billing": "dm"},
}


def rules(text: str, packs: list[str] | None = None, **fields) -> set[str]:
    policy = {"extends": packs or [], "voice": {"competitors": ["Northgate"]}}
    return set(rules_of(lint(text, policy, **fields)))


# --- a fall is an injury when it befalls a person -------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My grandad fell down the ramp outside your pharmacy",
        "slipped on the wet tiles by your changing rooms, my knee is swollen",
        "the mirror fell on my hand while your fitter was hanging it",
        "a box fell on her and she has a bump on the head",
        "The door closed on my aunt's trolley and she fell.",
    ],
)
def test_a_fall_that_befalls_a_person_is_an_injury(message):
    assert "injury" in detect(message)


@pytest.mark.parametrize(
    "message",
    [
        "An oak branch fell on our shed roof in the storm, am I covered?",
        "The lamp fell off the van on the way over and the shade is bent",
        "my keys fell in the drain outside your office lol",
        "our rates slipped again this month",
        "I nearly fell on the icy steps at your car park",
        "a trolley rolled into my car in your car park, nobody hurt, just a scratch",
        "minor bump in the rental this morning, everyone is fine",
        "I fell in love with your new menu",
    ],
)
def test_a_fall_of_a_thing_a_near_miss_or_nobody_hurt_is_no_injury(message):
    assert "injury" not in detect(message)


def test_nobody_else_hurt_keeps_the_writers_own_injury():
    assert "injury" in detect("I tripped over your cable and cut my chin, no one else was hurt")


@pytest.mark.parametrize(
    "message",
    [
        "your van is parked on my road seeping some chemical into the gutter",
        "the hire car's oil light is on and it's shaking at speed on the motorway",
    ],
)
def test_a_leaking_substance_or_a_vehicle_failing_on_the_road_is_a_hazard(message):
    assert "safety_hazard" in detect(message)


def test_a_dog_pulling_on_a_walk_or_a_dripping_shower_is_no_hazard():
    assert "safety_hazard" not in detect("my puppy keeps pulling on the lead on our road walks")
    assert "safety_hazard" not in detect("the shower in our room kept dripping all night, no sleep")


# --- a cure denied, a relief told as a drug label tells it ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Living with psoriasis? There's no cure yet, but daily care helps many people.",
        "Tinnitus has no known cure, and we won't pretend otherwise.",
        "Rosacea is not curable, but it can be managed.",
    ],
)
def test_a_cure_denied_is_no_cure_claim(text):
    found = rules(text, ["health", "healthcare-providers"])
    assert not {"claims.health.disease-claim", "claims.healthcare-providers.cure-claim"} & found


def test_a_cure_is_still_a_cure_claim():
    found = rules("Our clinic cures tinnitus in three sessions.", ["healthcare-providers"])
    assert "claims.healthcare-providers.cure-claim" in found


def test_relief_in_a_drug_labels_words_is_no_supplement_disease_claim():
    text = "Hay fever? Our nasal spray temporarily relieves sneezing and a runny nose. Use as directed."
    assert "claims.health.disease-claim" not in rules(text, ["health"])


def test_a_cure_beside_a_drug_labels_words_is_still_a_disease_claim():
    text = "Our lozenges cure a sore throat overnight. Read the label."
    assert "claims.health.disease-claim" in rules(text, ["health"])


# --- numbers that are no one's data; names that are no one's -------------------------------


def test_a_toll_free_helpline_holds_no_account_number():
    found = analyze_text("Save the Pet Poison Helpline number: (855) 764-7661.")
    assert found == []


def analyze_text(text: str):
    from voicelint.kinds import pii

    return [e for e in analyze(text, pii.recognizers()) if e.entity != "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Outage update (Wed 9am): crews have restored power to most homes on the east side.",
        "#ad Thursday spin with Priya is brutal in the best way and I keep going back.",
        "New members may cancel within 3 days. Tell reception or email members@gym.example.",
    ],
)
def test_a_weekday_praise_or_a_role_mailbox_is_no_personal_data(text):
    assert not {
        "routing.customer-care.personal-data",
        "routing.customer-care.public-data-request",
    } & rules(text, ["customer-care"])


def test_a_staff_member_blamed_is_still_named_in_public():
    text = "Our driver Dave was careless with your parcel."
    assert "routing.customer-care.personal-data" in rules(text, ["customer-care"])


# --- claims read in their sense -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe and save 10%. Example: a $40 bag becomes $36 when it ships monthly.",
        "Buy any sofa this weekend and we'll add two cushions at no charge, a $60 value.",
        "Daily SPF is a good habit for every skin tone.",
        "Pay nothing during the course, then $300 a month once you earn $45,000 a year.",
    ],
)
def test_an_example_a_gift_a_complexion_or_a_condition_is_no_certain_outcome(text):
    assert "claims.certain-outcome" not in rules(text)


def test_a_rivals_good_work_is_not_run_down():
    text = "Northgate's river cleanup hauled out 200 lbs of litter. Love to see it!"
    assert "tone.competitor-run-down" not in rules(text)


def test_points_of_entry_are_no_compensation():
    found = set(
        rules_of(
            lint(
                "We seal the entry points we find and check back monthly.",
                CARE,
                kind="reply",
                in_reply_to="do you actually get rid of rats or just set traps",
            )
        )
    )
    assert "routing.customer-care.compensates-harm" not in found


@pytest.mark.parametrize(
    ("text", "customer", "fires"),
    [
        (
            "Our tech shut it properly. Perhaps your son opened it after we left?",
            "your tech left the side gate open and the dog ran off, furious",
            True,
        ),
        (
            "It's probably a wiring fault on your end, our units don't do that.",
            "your heater keeps tripping the fuse, useless",
            True,
        ),
        (
            "Maybe someone on our team misfiled it. We're checking this morning.",
            "my claim form vanished from your portal, annoying",
            False,
        ),
    ],
)
def test_a_cause_guessed_onto_the_customers_side_blames_them(text, customer, fires):
    found = set(rules_of(lint(text, CARE, kind="reply", in_reply_to=customer)))
    assert ("tone.reader-blamed" in found) is fires


def test_a_guarantee_others_make_reported_as_a_warning_is_no_claim():
    assert "claims.certain-outcome" not in rules(
        "How to spot lenders that guarantee loan approval."
    )
    own = "Our loan plans that guarantee approval start at $20."
    assert "claims.certain-outcome" in rules(own)


def test_relief_beside_a_denied_cure_is_still_a_drug_labels_relief():
    text = "#ad The night syrup eases symptoms, it doesn't cure a flu, so read the label."
    assert "claims.health.disease-claim" not in rules(text, ["health"])


def test_an_item_said_to_be_left_out_is_not_asked_for():
    text = "Two families moved into their new homes today (posted with their OK, no addresses)."
    assert "routing.customer-care.public-data-request" not in rules(text, ["customer-care"])


@pytest.mark.parametrize(
    ("message", "injured"),
    [
        ("could you drop the late charge? I spent ten days in hospital", False),
        ("I was hospitalised in March and missed my payment, is there a late fee", False),
        ("I got ill after your chicken wrap and I want my money back", True),
        ("your courier knocked me over and I ended up in hospital, refund me", True),
    ],
)
def test_a_hospital_stay_told_as_the_reason_for_a_missed_bill_is_no_injury(message, injured):
    found = detect(message)
    assert ("injury" in found) is injured


def test_a_hazard_passed_on_from_the_news_is_no_hazard_report():
    assert "safety_hazard" not in detect(
        "just read online that Seaview Lodge had a mould outbreak, so glad we chose you"
    )
    assert "safety_hazard" in detect("there's mould all over the ceiling in our room at your inn")


@pytest.mark.parametrize(
    "text",
    [
        "Thieves can't get past a Brightbolt deadbolt.",
        "Nothing bad can happen to your toddler in our car seat.",
        "Use it daily and sunburn simply won't happen to you.",
        "91% of our members sleep better within a fortnight.",
        "88% of buyers felt relief in ten minutes.",
    ],
)
def test_harm_denied_to_the_reader_and_a_sense_restored_are_claims(text):
    assert "claims.certain-outcome" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "It can't hurt to ask about the payment plan!",
        "Nothing can ruin our Friday quiz night.",
        "If you can't get through on the phone, email us instead.",
    ],
)
def test_an_idiom_our_own_plans_or_a_condition_deny_no_harm(text):
    assert "claims.certain-outcome" not in rules(text)


def test_a_promise_that_the_reader_wont_pay_is_no_blame():
    assert not {"tone.hostile", "tone.reader-blamed"} & rules(
        "Our cover pays for the glass and you won't pay a penny.", ["customer-care"]
    )
    assert "tone.hostile" in rules("You didn't pay attention to the sign.")


def test_unlike_a_rival_the_brand_denies_a_misconduct_alleges_it():
    found = rules("Unlike Northgate, our tutors never hide extra fees.")
    assert "claims.competitor-allegation" in found
    assert "claims.competitor-allegation" not in rules("Unlike Northgate, we teach on Sundays.")


@pytest.mark.parametrize(
    ("text", "customer"),
    [
        (
            "There's no charge for a missed check-up; just call the branch to rebook.",
            "I was ill last week and missed my check-up, is there a charge for that??",
        ),
        (
            "We're glad nobody was injured. Glass on a car sits under motor cover, not home cover.",
            "a branch came down on my car in the storm, nobody injured. is that my home policy?",
        ),
    ],
)
def test_an_answer_to_the_question_or_an_agreement_argues_nothing(text, customer):
    found = set(rules_of(lint(text, CARE, kind="reply", in_reply_to=customer)))
    assert "routing.customer-care.argues-facts" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana, which branch is this happening at?",
        "Where did this happen? We'd like to look into it.",
        "Our staff should always treat you with respect. Please let us know if you need a hand today.",
    ],
)
def test_a_question_that_locates_the_matter_or_an_invitation_acknowledges_it(text):
    customer = "worst service ever, your staff were so rude to my mum"
    found = set(rules_of(lint(text, CARE, kind="reply", in_reply_to=customer)))
    assert "tone.unacknowledged-complaint" not in found


def test_a_question_that_mocks_is_no_acknowledgement():
    customer = "worst service ever, your staff were so rude to my mum"
    found = set(
        rules_of(
            lint("Which part of 'closed' was unclear?", CARE, kind="reply", in_reply_to=customer)
        )
    )
    assert found & {
        "tone.unacknowledged-complaint",
        "tone.reader-ridiculed",
        "tone.hostile-reply",
        "tone.reader-dismissed",
        "tone.learned",
    }
