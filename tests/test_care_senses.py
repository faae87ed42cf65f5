"""Word senses and speech acts the care and tone checks read (issue 16): a plan is no finding, a
referral is no disclosure, "we get it" sympathises, advice put as a hedge blames, a competitor's
claim in scare quotes sneers. Every sentence here is our own."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect

CARE = {
    "extends": ["customer-care"],
    "channels": {
        "support": "@QuayHelp",
        "phone": "1-800-555-0100",
        "legal": "legal@quay.example",
        "web": "quay.example/help",
    },
    "routing": {
        "billing": "dm",
        "order_status": "dm",
        "account_security": "phone",
        "legal_threat": "legal",
        "medical_question": "phone",
    },
}
PROVIDER = {**CARE, "extends": ["customer-care", "healthcare-providers"]}
COMPETITORS = {"voice": {"register": "casual", "competitors": ["Northgate"]}}


def rules(
    text: str, said: str | None = None, policy: dict = CARE, kind: str = "reply"
) -> list[str]:
    fields = {"kind": kind, "in_reply_to": said} if said else {"kind": kind}
    return [f.rule for f in lint(text, policy, **fields)]


# --- what the customer asked ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected", "absent"),
    [
        # a health word in a question about the service is no medical question
        ("Why do I need ID just to collect my mum's medicine?", set(), {"medical_question"}),
        ("Do you offer payment plans for knee surgery?", set(), {"medical_question"}),
        ("Can I take these tablets with my blood thinner?", {"medical_question"}, set()),
        ("Does the syrup interact with warfarin?", {"medical_question"}, set()),
        ("Is it safe to take the gummies with my prescription?", {"medical_question"}, set()),
        # fraud said of the brand's own doing is a grievance, not a break-in
        ("These roaming charges are a joke. That's fraud.", set(), {"account_security"}),
        (
            "A stranger used my debit card at a petrol station, that's fraud",
            {"account_security"},
            set(),
        ),
        # a pending item the customer waits for
        ("When will my refill be ready? Third day waiting", {"order_status"}, set()),
    ],
)
def test_intents(message, expected, absent):
    found = detect(message)
    assert expected <= found and not (absent & found), found


# --- what the reply does -------------------------------------------------------------------------


def test_records_looked_at_later_are_a_plan_not_a_finding():
    said = "I was charged twice for one order"
    assert "routing.customer-care.settled-in-public" not in rules(
        "So sorry! Send us a DM so we can see what went wrong on our side.", said
    )
    assert "routing.customer-care.settled-in-public" in rules(
        "On our side it shows two payments for that order.", said
    )


def test_a_plumber_booked_is_not_the_customers_booking():
    said = "The changing-room showers have been freezing for days"
    assert "routing.customer-care.settled-in-public" not in rules(
        "Ugh, sorry! The engineer's booked for Monday and we'll post here when it's done.", said
    )


def test_pointing_to_support_is_no_compensation():
    said = "I can't stop ordering takeaway, I've spent my whole rent on it"
    found = rules(
        "Thank you for telling us. Please call us on 1-800-555-0100 and we can point you to free "
        "support and set a weekly limit.",
        said,
    )
    assert "routing.customer-care.compensates-harm" not in found


def test_help_with_a_claim_is_no_statement_on_a_legal_threat():
    said = "Refund my cancelled trip or my lawyer hears about it."
    found = rules(
        "We're sorry about the trip. Please ask your lawyer to write to legal@quay.example, and "
        "DM us if you'd like help with the claim meanwhile.",
        said,
    )
    assert "routing.customer-care.press-statement" not in found


def test_referral_to_ones_own_doctor_confirms_no_care():
    said = "My new tablets make me dizzy, is that normal?"
    found = rules(
        "We're sorry to hear that. Please call our pharmacist on 1-800-555-0100, and speak with "
        "your doctor if it gets worse.",
        said,
        PROVIDER,
    )
    assert "routing.healthcare-providers.patient-details" not in found
    assert "routing.healthcare-providers.patient-details" in rules(
        "Your treatment plan with Dr. Ames started in May.", "Terrible clinic.", PROVIDER
    )


def test_how_someone_was_treated_is_not_their_care():
    said = "Your receptionist was so rude to me this morning"
    assert "routing.healthcare-providers.patient-details" not in rules(
        "We're sorry you were treated that way. Please DM us the time and we'll follow up.",
        said,
        PROVIDER,
    )
    assert "routing.healthcare-providers.patient-details" in rules(
        "Glad to hear it! You were treated for a sprain, so rest up.", "Thanks team", PROVIDER
    )


# --- tone: senses and acts ----------------------------------------------------------------------


def test_what_you_are_entitled_to_is_a_right_not_an_insult():
    said = "My train was cancelled and nobody said a thing"
    assert "tone.hostile-reply" not in rules(
        "Sorry! DM us and we'll check what you're entitled to.", said
    )
    assert "tone.hostile-reply" in rules("Honestly, you're so entitled.", said)


def test_we_get_it_sympathises():
    said = "Why is there a fee for paper statements? Ridiculous"
    found = rules(
        "We get it, nobody enjoys fees. If you think yours was charged wrongly, DM us and we'll check.",
        said,
    )
    assert "routing.customer-care.argues-facts" not in found


def test_an_ironic_emoji_teases_a_question_and_mocks_a_complaint():
    assert "tone.reader-ridiculed" not in rules(
        "Leeds is on the list 👀 stay tuned!", "Any chance you'll open in Leeds?"
    )
    assert "tone.reader-ridiculed" in rules(
        "It was on the website 🙃", "The gym was shut all Sunday and nobody told us."
    )


@pytest.mark.parametrize(
    "reply",
    [
        "Perhaps read the renewal letter more closely next year.",
        "Might be worth checking which devices are still streaming overnight.",
        "We would strongly recommend reviewing the terms before you sign anything.",
        "Maybe keep the receipt somewhere safe next time.",
    ],
)
def test_advice_to_pay_attention_put_as_a_hedge_blames(reply):
    said = "My bill tripled this quarter and nobody warned me, this is outrageous"
    assert "tone.reader-blamed" in rules(reply, said)


@pytest.mark.parametrize(
    "reply",
    [
        "Perhaps we could check the meter together? DM us.",
        "We'd suggest a quick call so we can go through it with you: 1-800-555-0100.",
        "Maybe restart the router first, and DM us if it still drops.",
    ],
)
def test_advice_that_helps_does_not_blame(reply):
    said = "My bill tripled this quarter and nobody warned me, this is outrageous"
    assert "tone.reader-blamed" not in rules(reply, said)


def test_a_negative_verb_form_reads_as_its_lemma():
    # VADER lists "crash", not "crashes"
    found = rules(
        "Try Northgate if you like, though their app crashes every week.",
        kind="post",
        policy=COMPETITORS,
    )
    assert "tone.competitor-run-down" in found


@pytest.mark.parametrize(
    "text",
    [
        'Northgate says its loans are "instant". Sure, and our branch cat does the paperwork.',
        "Northgate calls itself the friendly bank. Bold, for a bank with no phone line.",
        "Northgate is promising 'zero queues' now. Ok sure.",
    ],
)
def test_a_competitor_sneered_at(text):
    assert "tone.competitor-sneered" in rules(text, policy=COMPETITORS, kind="post")


@pytest.mark.parametrize(
    "text",
    [
        'Well done to Northgate on "Lender of the Year"!',
        "Northgate has longer hours. Sure, and from June so will we.",
        "Sure, and we'll send the form today.",
    ],
)
def test_a_competitor_quoted_or_conceded_fairly(text):
    assert "tone.competitor-sneered" not in rules(text, policy=COMPETITORS, kind="post")


# --- people named in public ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "post",
    [
        "Big congrats to our customer Marta Oyelaran, who paid off her car loan a year early!",
        "Member of the month: Tobias from Greenhill, who has booked 48 classes since March 💪",
        "Say hi to Pepper 🐈 Her owner Rosalind Achebe brought her in for her jabs today.",
        "Shoutout to @kit_runs, who has streamed our finale 30 times this week 😂",
    ],
)
def test_a_post_that_names_a_customer_with_their_business(post):
    assert "routing.customer-care.personal-data" in rules(post, kind="post")


@pytest.mark.parametrize(
    "post",
    [
        "Thanks to Chef Ana Ruiz for the recipe!",
        "Congrats to Olympian Jade Okoro, who won gold in Paris.",
        "Voted Best Bank for Customer Care, Fintech Stars Awards 2026. Thank you to everyone who voted!",
        "Our customers tell us the new app is faster. Thank you all who sent feedback.",
    ],
)
def test_a_post_that_names_a_partner_or_nobody(post):
    assert "routing.customer-care.personal-data" not in rules(post, kind="post")


def test_a_staff_member_identified_as_who_did_it():
    said = "Your cashier short-changed me and laughed about it"
    assert "routing.customer-care.personal-data" in rules(
        "We're sorry. That was Dorian, and he has been spoken to.", said
    )
    assert "routing.customer-care.personal-data" in rules(
        "That'll be Imogen on the late shift. We'll have a word with her.", said
    )
    assert "routing.customer-care.personal-data" not in rules(
        "Sorry, Dorian! DM us and we'll look into it.", said
    )


# --- harm reported, and what the reply does with it ----------------------------------------------


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("A van rear-ended me at the lights and my shoulder is killing me", "injury"),
        ("Your courier grabbed my wrist when I asked for ID", "injury"),
        ("The man at the counter kept threatening me until I left", "injury"),
        ("My cab driver was texting and swerving the whole way home", "safety_hazard"),
        ("The junction box by our gate is sparking again", "safety_hazard"),
        ("Can I give my puppy half an aspirin? The clinic is shut", "medical_question"),
        ("Can I take ibuprofen with your sinus spray?", "medical_question"),
    ],
)
def test_harm_reported_in_words_no_list_holds(message, intent):
    assert intent in detect(message)


@pytest.mark.parametrize(
    "message",
    [
        "this level is killing me lol",
        "hit me up when the sale starts",
        "My driver was lovely and drove carefully",
        "Can I bring my dog to the clinic?",
        "Finally beat the last level and I'm shaking 😂",
    ],
)
def test_no_harm_where_none_is_reported(message):
    assert not {"injury", "safety_hazard", "medical_question"} & detect(message)


def test_data_asked_for_below_the_post():
    said = "Still no callback about pausing my membership"
    assert "routing.customer-care.public-data-request" in rules(
        "Sorry! Drop your number below and we'll ring you.", said
    )
    assert "routing.customer-care.public-data-request" not in rules(
        "Sorry! Full details are below, and DM us your booking code.", said
    )


def test_staff_version_dated_by_when_still_argues():
    said = "Your installer dented my front door and won't answer my calls."
    assert "routing.customer-care.argues-facts" in rules(
        "Our installer says the dent was there when he got to the house.", said
    )
    assert "routing.customer-care.argues-facts" not in rules(
        "If our installer says otherwise, we'll still cover the repair. DM us.", said
    )


def test_the_brands_own_look_at_its_evidence_argues():
    said = "Your cashier was rude and refused my voucher."
    assert "routing.customer-care.argues-facts" in rules(
        "We've checked the CCTV and our cashier did nothing wrong.", said
    )
    assert "routing.customer-care.argues-facts" not in rules(
        "We're sorry. We'll check the CCTV today; please DM us the time of your visit.", said
    )


def test_a_warning_is_no_medical_advice():
    said = "Can I give my cat paracetamol? The clinic is closed."
    policy = {**CARE, "channels": {**CARE["channels"], "phone": "1-800-555-0100"}}
    assert "routing.customer-care.medical-advice" not in rules(
        "Please don't, paracetamol is toxic to cats. Call us on 1-800-555-0100 now.", said, policy
    )
    assert "routing.customer-care.medical-advice" in rules(
        "Half a tablet is safe for cats with food. Call 1-800-555-0100 if unsure.",
        said,
        policy,
    )


# --- tone: tags, inverted conditions, futility ---------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Twenty minutes is hardly a long wait, is it?",
        "A bit over the top for one cold coffee, no?",
        "That's quite a reaction to a typo, don't you think?",
    ],
)
def test_a_tag_question_at_a_complaint_mocks(reply):
    said = "Waited twenty minutes for a cold coffee, absolute joke"
    assert "tone.reader-ridiculed" in rules(reply, said)


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        ("That's not good enough, is it? We're on it and will update by 5pm.", "Outage again!!"),
        ("Is it working now? DM us if not.", "The app was down all morning, useless"),
        ("Lovely, isn't it? Enjoy!", "The new terrace is gorgeous"),
    ],
)
def test_a_tag_question_that_owns_the_problem_or_cheers(reply, said):
    assert "tone.reader-ridiculed" not in rules(reply, said)


def test_an_inverted_condition_blames():
    said = "Charged a late fee again, ridiculous"
    assert "tone.reader-blamed" in rules(
        "Had you paid by the 3rd, there would have been no fee.", said
    )
    assert "tone.reader-blamed" not in rules("Had we known sooner, we could have helped.", said)


def test_futility_at_a_complaint_and_not_at_a_question():
    assert "tone.reader-brushed-off" in rules(
        "Go ahead. It will not change anything.", "I'm posting this everywhere, disgraceful service"
    )
    assert "tone.reader-brushed-off" in rules(
        "Shouting at staff won't get your table any sooner.",
        "Still no table after an hour, pathetic",
    )
    assert "tone.reader-brushed-off" not in rules(
        "No, moving to the new plan won't change anything about your number.",
        "Will moving plans change my number?",
    )


def test_a_tag_that_takes_the_courtesy_back():
    said = "My parcel is late again"
    assert "tone.hostile-reply" in rules("Most people track it in the app. Just saying.", said)
    assert "tone.hostile-reply" not in rules(
        "Sorry (not sorry), the cinnamon buns are back!", "Obsessed with your buns"
    )


def test_customers_as_a_class_blamed_for_what_happens():
    said = "My shoulder is worse after three sessions"
    assert "tone.customers-blamed" in rules(
        "That mostly happens when patients skip the home exercises.", said
    )
    assert "tone.customers-blamed" not in rules(
        "Setbacks like this happen when our team is stretched, and we're sorry. DM us.", said
    )


def test_the_readers_adviser_called_wrong_and_a_rumour_corrected():
    assert "tone.reader-contradicted" in rules(
        "Your solicitor is wrong: the policy excludes flood damage.",
        "My solicitor says you must pay",
    )
    assert "tone.reader-contradicted" not in rules(
        "Your source is wrong, we're staying open! 🎉", "Is it true you're closing?"
    )


def test_that_one_is_on_you():
    assert "tone.hostile-reply" in rules(
        "It says dry clean only, so that part's on you.", "My coat shrank in the wash"
    )


def test_a_question_about_how_things_stand_tells_of_no_event():
    from voicelint.care import asks_ahead
    from voicelint.nlp import parse

    assert asks_ahead(parse("Is it true that flood damage isn't covered?"))
    assert asks_ahead(parse("Is storm damage to a shed covered?"))
    assert not asks_ahead(parse("Why was I charged twice?"))
