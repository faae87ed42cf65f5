"""Hard negatives (issue 16): words that look dangerous used in a harmless way. Each mechanism on
sentences of our own (found with the README-only dev set tests/corpus-tuning/hardneg-dev2)."""

from __future__ import annotations

import pytest

from conftest import lint

CARE = {
    "extends": ["customer-care"],
    "channels": {
        "support": "@QuayHelp",
        "press": "press@quay.example",
        "legal": "legal@quay.example",
    },
    "routing": {
        "billing": "dm",
        "legal_threat": "legal",
        "injury": "safety",
        "press_inquiry": "press",
    },
}


def rules(text: str, policy: dict | None = None, **fields: object) -> list[str]:
    return [f.rule for f in lint(text, policy if policy is not None else CARE, **fields)]


def test_the_brands_own_address_is_no_personal_data():
    said = "where's your shop?"
    assert "routing.customer-care.personal-data" not in rules(
        "We're at 18 Quay Street, right by the ferry. See you soon!", kind="reply", in_reply_to=said
    )
    assert "routing.customer-care.personal-data" in rules(
        "We've sent it to 18 Quay Street, Flat 2.", kind="reply", in_reply_to="where's my parcel?"
    )


def test_naming_the_topic_while_handing_off_to_the_press_office():
    said = "I'm a journalist at the Ledger writing about your recall. Who do I talk to?"
    assert "routing.customer-care.press-statement" not in rules(
        "Thanks! Our press office at press@quay.example is taking recall questions today.",
        kind="reply",
        in_reply_to=said,
    )


def test_a_legal_handoff_takes_the_injury_with_it():
    said = "Your chair collapsed and hurt my back. My lawyer will be in touch."
    assert "routing.customer-care.missing-handoff" not in rules(
        "We're sorry. Please ask your lawyer to write to legal@quay.example.",
        kind="reply",
        in_reply_to=said,
    )


def test_scrub_as_a_verb_is_no_insult():
    assert "tone.hostile-reply" not in rules(
        "Our test rig scrubs each sleeve 5,000 times 🧽", kind="reply", in_reply_to="is it durable?"
    )


def test_updating_data_in_ones_own_account_is_no_public_request():
    assert "routing.customer-care.public-data-request" not in rules(
        "Moving? Update your address in the app under Settings before Friday."
    )


def test_congratulations_to_a_thankful_customer_is_sincere():
    said = "WE DID IT!!! first home, thank you so much 😭🏡"
    assert "tone.reader-ridiculed" not in rules(
        "Congratulations! 🎉 Enjoy it.", kind="reply", in_reply_to=said
    )
    assert "tone.reader-ridiculed" in rules(
        "Congrats on finding the one bug 🎉",
        kind="reply",
        in_reply_to="your app crashed and I lost my basket",
    )


def test_advice_with_a_superlative_is_no_superiority_claim():
    assert "claims.superlative" not in rules("If the cord frays, it's safest to cut it out.", {})
    assert "claims.superlative" in rules("The freshest bagels around!", {})


def test_fees_said_to_be_absent_are_no_drip_pricing():
    travel = {"extends": ["travel"]}
    assert "claims.travel.drip-pricing" not in rules(
        "$40 a night. No taxes or fees added at checkout.", travel
    )
    assert "claims.travel.drip-pricing" in rules(
        "$40 a night, taxes and fees added at checkout.", travel
    )


def test_a_certified_or_matched_absolute_material_claim():
    green = {"extends": ["environmental"]}
    assert "claims.environmental.absolute-material" not in rules(
        "Our boxes are 100% recycled board (FSC-certified).", green
    )
    assert "claims.environmental.absolute-material" in rules(
        "Our boxes are 100% recyclable!", green
    )


def test_what_a_competitors_plan_covers_is_no_run_down():
    policy = {"voice": {"competitors": ["Harbourside"]}}
    assert "tone.competitor-run-down" not in rules(
        "Harbourside covers theft and damage in its basic plan; we sell it as an extra.", policy
    )


@pytest.mark.parametrize("answer", ["Not quite.", "Not really.", "Sadly not."])
def test_a_claim_asked_and_turned_down(answer):
    provider = {"extends": ["healthcare-providers"]}
    text = f"Is tattoo removal painless? {answer} Most people feel a sting."
    assert "claims.healthcare-providers.guaranteed-result" not in rules(text, provider)
    assert "claims.healthcare-providers.guaranteed-result" in rules(
        "Is tattoo removal painless? No doubt about it!", provider
    )


def test_an_award_named_with_its_year_is_attributed():
    assert "claims.superlative" not in rules(
        "Proud to be voted Best Bakery in the Harbour Gazette's 2026 Reader Awards!", {}
    )


def test_certainty_denied_is_no_claim():
    finance = {"extends": ["finance"]}
    found = rules(
        "Approval isn't guaranteed, and anyone who says so is selling something.", finance
    )
    assert "claims.certain-outcome" not in found


def test_a_point_to_the_event_page_answers_a_question():
    assert "tone.hostile-reply" not in rules(
        "Yes, up to 48 hours before. It's all on the event page 🙂",
        kind="reply",
        in_reply_to="do you refund tickets if plans change?",
    )
    assert "tone.hostile-reply" in rules(
        "It's all in the contract.", kind="reply", in_reply_to="you charged me a fee, outrageous"
    )


# --- replies to harm (found with tests/corpus-tuning/care-dev5) ----------------------------------


def test_a_capitalised_stop_word_after_an_emoji_is_no_staff_name():
    said = "My son came out in a rash after using your slime"
    assert "routing.customer-care.personal-data" not in rules(
        "We're so sorry 💛 If his breathing changes, call 911. Our safety team is on 1-800-555-0100.",
        kind="reply",
        in_reply_to=said,
    )


def test_a_feeling_guessed_is_no_cause_guessed():
    said = "The lamp sparked and singed my daughter's hand"
    assert "routing.customer-care.speculates-cause" not in rules(
        "That must have been so frightening. Please call our safety team on 1-800-555-0100.",
        kind="reply",
        in_reply_to=said,
    )
    assert "routing.customer-care.speculates-cause" in rules(
        "It must have been a faulty bulb. Please call our safety team on 1-800-555-0100.",
        kind="reply",
        in_reply_to=said,
    )


def test_an_instruction_to_everyone_is_not_others_coping():
    said = "Our heater caught fire tonight, the fire brigade is here"
    found = rules(
        "We're so sorry. Please make sure everyone is safe and follow the brigade's advice first.",
        kind="reply",
        in_reply_to=said,
    )
    assert "tone.reader-blamed" not in found


def test_praise_for_a_matter_already_settled_needs_no_handoff():
    from voicelint.intents import detect

    assert not detect("Your team fixed my broken booking in an hour, brilliant")
    assert "order_status" in detect("You fixed it? My booking is still missing, brilliant")


def test_a_reporter_asking_about_problem_gambling_is_not_in_distress():
    from voicelint.intents import detect

    found = detect("Journalist at the Courier: how many of your players can't stop betting?")
    assert "press_inquiry" in found and "distress" not in found


def test_someone_in_despair_handed_to_one_of_the_brands_lines():
    care = {
        "extends": ["customer-care"],
        "channels": {"phone": "1-800-555-0100", "safety": "1-800-555-0199"},
        "routing": {"distress": "phone", "crisis": "safety"},
    }
    said = "I can't cope anymore, I don't see the point"
    assert "routing.customer-care.missing-handoff" not in rules(
        "We're so sorry. If you're in danger call 911 now; our nurses are on 1-800-555-0199 day and night.",
        care,
        kind="reply",
        in_reply_to=said,
    )
    assert "routing.customer-care.missing-handoff" in rules(
        "We care. If you're in danger, call or text 988.", care, kind="reply", in_reply_to=said
    )


def test_a_street_named_after_a_role_is_no_customer():
    # the customer-name scan shares the full-name reader: a street suffix ends a name
    assert "routing.customer-care.personal-data" not in rules(
        "Dear customers, our Oak Rd shop opens at 8 on Monday.", {"extends": ["customer-care"]}
    )
    assert "routing.customer-care.personal-data" in rules(
        "Dear customers, meet Odalys Varga, who has booked 40 classes with us!",
        {"extends": ["customer-care"]},
    )
