"""Routing as mechanisms: what the customer reported (word classes, not sentences) and what a reply
does with it (argues, compensates, shrugs, hands off, asks for or repeats personal data)."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.intents import detect

CARE = {
    "extends": ["customer-care"],
    "channels": {"support": "@NorthHelp", "safety": "safety@north.example"},
    "routing": {"billing": "dm", "order_status": "dm", "injury": "safety"},
}


def routing(text: str, in_reply_to: str | None = None, policy: dict = CARE, kind: str = "reply"):
    findings = lint(text, policy, kind=kind, in_reply_to=in_reply_to)
    return [
        (f.rule.rsplit(".", 1)[1], f.match, f.message) for f in findings if f.category == "routing"
    ]


def rules(text: str, in_reply_to: str | None = None, policy: dict = CARE) -> list[str]:
    return [name for name, _, _ in routing(text, in_reply_to, policy)]


# --- what the customer reported -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        # distress or addiction: loss of control, a catastrophic loss, despair
        ("I can't stop gambling and I've lost everything.", {"distress"}),
        ("I can't stop.", {"distress"}),
        ("Please help, I can't stop betting", {"distress"}),
        ("I blew my whole paycheck on slots last night", {"distress"}),
        ("I'm addicted, please close my account", {"distress"}),
        ("honestly feel hopeless after this month", {"distress"}),
        # a safety hazard: a failure and a thing that can hurt when it fails
        ("The charger started smoking and the cord melted", {"safety_hazard"}),
        ("The outlet by the bed is sparking", {"safety_hazard"}),
        ("the railing on the balcony is loose", {"safety_hazard"}),
        ("pretty sure there's a gas leak near the kitchen", {"safety_hazard"}),
        # a privacy problem: the customer's data and what was done with it
        ("Your app leaked my personal data", {"privacy"}),
        ("How did you get my number? Stop texting me", {"privacy"}),
        ("Please delete my data", {"privacy"}),
        # classes that lost their sentences and kept their behaviour
        ("Where is my money? I was promised a refund.", {"billing"}),
        ("Still waiting for my package", {"order_status"}),
        ("Bit into the scone and there was a shard of glass", {"injury"}),
        ("I'm a journalist putting together a feature on fees", {"press_inquiry"}),
        ("I don't want to live anymore", {"crisis"}),
    ],
)
def test_the_customer_analysis_finds_whole_classes(message, intents):
    assert detect(message) == intents


@pytest.mark.parametrize(
    "message",
    [
        "I can't stop drinking your cold brew 😍",
        "I can't stop eating these!!",
        "I'm addicted to your pumpkin latte lol",
        "my caffeine addiction is real",
        "This deal is fire 🔥",
        "Can you send the receipt to my email?",
        "What is your privacy policy?",
        "I can't find the glass jars in your store",
        "I don't want to live without your cold brew 😍",
        "Is there a fee for paper statements?",
        "We lost power at home for an hour",
        "Do you sell my data to advertisers?",
        "I can't stop winning today!! 🎉",
    ],
)
def test_praise_and_look_alikes_are_not_reports(message):
    assert detect(message) == frozenset()


# --- a hand-off is a mechanism: a private channel, a request to make contact, the brand making it --


@pytest.mark.parametrize(
    "text",
    [
        "So sorry! Give our care line a ring and we'll sort it out.",
        "Sorry about this. Someone from our billing specialists will get back to you today.",
        "Sorry! Our guest relations folks are on it, check your messages.",
        "Sorry about that, please write to us and we'll fix it.",
    ],
)
def test_a_hand_off_in_words_no_list_holds_passes(text):
    assert rules(text, "I was charged twice for one coffee, want a refund") == []


def test_a_reply_that_takes_the_matter_on_in_public_still_needs_the_hand_off():
    assert rules(
        "So sorry! We'll reverse the second charge today.",
        "I was charged twice for one coffee, want a refund",
    ) == ["missing-handoff"]


# --- arguing the facts of a complaint in public ----------------------------------------------

BURNED = "The lid popped off and I burned my hand."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Our system indicates the card was charged once.", "Why did you charge my card twice??"),
        ("According to the driver, it was handed to a neighbour.", "My box never came. Again."),
        (
            "The barista insists the drink was made with oat milk.",
            "You used dairy in my latte, awful",
        ),
        ("That's not what happened.", "Your cashier yelled at me, so rude."),
        (
            "We never received a return from you.",
            "I returned the jacket a month ago and still no refund",
        ),
    ],
)
def test_a_reply_that_argues_the_facts_names_the_destination(text, message):
    assert (
        "argues-facts",
        text.rstrip("."),
        (
            f'"{text.rstrip(".")}" argues the facts of a complaint in public; acknowledge it and take'
            " the details to DM via @NorthHelp."
        ),
    ) in routing(text, message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "That should never happen. Please DM @NorthHelp so we can make it right.",
            "My box never came. Again.",
        ),
        ("We're sorry the box didn't arrive! Please DM @NorthHelp.", "My box never came. Again."),
        (
            "Our team will confirm the details by DM @NorthHelp.",
            "Why did you charge my card twice??",
        ),
        ("Tracking shows it's out for delivery today, enjoy!", "Just ordered, so excited!"),
        ("It's not too late, the sale runs until Sunday.", "Did I miss the sale? 😢"),
    ],
)
def test_acknowledgements_hand_offs_and_cheer_do_not_argue(text, message):
    assert "argues-facts" not in rules(text, message)


# --- harm reports: compensation in public, a shrug, fault, levity, reassurance ----------------


def test_compensation_offered_for_a_harm_report_names_the_safety_route():
    assert (
        "compensates-harm",
        "free pastry",
        '"free pastry" offers compensation in public for an injury report; express concern and'
        " route it to the safety team at safety@north.example.",
    ) in routing("So sorry! Come by for a free pastry on your next visit.", BURNED)


def test_compensation_is_fine_where_nobody_reports_harm():
    assert "compensates-harm" not in rules(
        "Thanks! Enjoy a free pastry on your next visit.", "Love the new autumn blend!"
    )


def test_a_shrug_at_a_harm_report_is_flagged_and_concern_with_a_hand_off_is_not():
    assert "shrugs-off-harm" in rules("Our lids are tested every morning.", BURNED)
    assert "shrugs-off-harm" not in rules(
        "That sounds painful, we hope you're okay. Please email safety@north.example.", BURNED
    )
    hazard = "The outlet by our table was sparking all evening."
    assert "shrugs-off-harm" in rules("All our outlets are inspected yearly.", hazard)


def test_fault_is_a_subject_and_a_fault_word_not_a_sentence():
    assert "admits-fault" in rules("Our courier made an error with the lid.", BURNED)
    assert "admits-fault" in rules("We're liable for this, sorry.", BURNED)
    assert "admits-fault" not in rules(
        "This was not our fault, but we're sorry. Please email safety@north.example.", BURNED
    )


def test_a_tautology_at_a_harm_report_makes_light_of_it():
    assert "makes-light" in rules("Well, hot tea is hot. DM us.", BURNED)
    assert "makes-light" not in rules("Hot tea is back! DM us.", "Is the chai back?")


def test_negated_worry_is_reassurance_in_place_of_advice():
    adverse = "I got hives after taking your gummies."
    policy = {
        "extends": ["customer-care"],
        "channels": {"safety": "safety@north.example"},
        "routing": {"adverse_event": "safety"},
    }
    assert "medical-advice" in rules("No need to panic, hives fade quickly.", adverse, policy)
    assert "medical-advice" not in rules(
        "Please don't worry: email safety@north.example and our safety team will follow up.",
        adverse,
        policy,
    )


def test_distress_is_routed_and_never_offered_a_bonus():
    message = "I can't stop betting, I've lost my rent money"
    found = rules("Sorry to hear that! Here are 20 free spins to turn your luck around.", message)
    assert "compensates-harm" in found and "missing-handoff" in found


def test_a_question_about_the_customers_own_past_charge_is_not_a_policy_question():
    assert detect("Why did you charge my card twice?") == {"billing"}
    assert detect("Do you charge a fee for paper statements?") == frozenset()


def test_sympathy_for_a_feeling_is_not_taking_the_matter_up_in_public():
    message = "Why did you charge me a service fee I didn't agree to?"
    assert rules("We hear you, and we're sorry it was frustrating.", message) == []
    assert rules("Sorry! The fee was added by mistake.", message) != []


# --- asking for personal data in public: the act and the item, not a cue phrase ---------------


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("What is the best number to reach you on?", "What is the best number"),
        ("Sorry! What's the email on the account?", "What's the email"),
        ("Which address was it shipped to?", "Which address"),
        ("Could you confirm your date of birth for us?", "Could you confirm your date of birth"),
    ],
)
def test_a_question_for_the_readers_data_is_a_public_data_request(text, match):
    found = routing(text, "My order never arrived")
    assert [(name, m) for name, m, _ in found if name == "public-data-request"] == [
        ("public-data-request", match)
    ]
    assert found[0][2].endswith("collect it in private instead: DM via @NorthHelp.")


@pytest.mark.parametrize(
    "text",
    [
        "Baggage services can help. Please give them a call at <phone> .",
        "What's the address of your nearest store?",
        "Do you have more details about the outage?",
        "Could you DM us the email on the account?",
        "What is your favourite drink?",
    ],
)
def test_where_to_reach_the_brand_and_questions_without_personal_data_pass(text):
    assert "public-data-request" not in rules(text, "My order never arrived")


def test_a_state_of_being_is_no_engagement_and_a_rule_stated_at_the_customer_is():
    message = "Rude staff and I will keep my money with your competitor, who charges less"
    assert rules("We count on our agents to be kind. We're sorry for any rudeness.", message) == []
    refund = "You cancelled my flight and I paid twice, I want a refund!"
    assert rules("Tickets must be reissued when a flight is cancelled.", refund) == [
        "missing-handoff"
    ]


# --- personal data repeated back, and private individuals named --------------------------------


def personal(text: str, in_reply_to: str | None = None) -> list[str]:
    kind = "reply" if in_reply_to else "post"
    return [
        f.match
        for f in lint(text, CARE, kind=kind, in_reply_to=in_reply_to)
        if f.rule.endswith("personal-data")
    ]


def test_the_customers_own_number_repeated_back_is_personal_data_whatever_its_shape():
    assert personal(
        "Sorry! Is 4417 the card you used?", "My card ending 4417 was charged twice"
    ) == ["4417"]
    (finding,) = [
        f
        for f in lint(
            "Thanks! We've flagged 5512 for the team.",
            CARE,
            kind="reply",
            in_reply_to="where is order 5512??",
        )
        if f.rule.endswith("personal-data")
    ]
    assert "the customer's own data repeated back" in finding.message


def test_numbers_the_customer_did_not_give_as_theirs_are_not_echoes():
    assert personal("See you at 1420 Alder Street!", "Are you open at 1420 Alder Street?") == []
    assert personal("The 2026 menu is out!", "When is the 2026 menu out?") == []
    assert personal("Yes, the 2-for-$5 deal runs all week.", "Is the 2 for $5 deal still on?") == []


def test_a_customers_full_name_with_their_visit_is_personal_data():
    text = "Hi Maria Lopez, sorry your visit on Tuesday was disappointing."
    assert personal(text, "Terrible service at your Elm St store") == ["Maria Lopez"]
    assert personal("The Lakeside Denver is a steal in January, rooms from $89.") == []


def test_a_staff_member_blamed_by_name_is_personal_data_and_praise_or_the_reader_is_not():
    assert personal("Sorry! Our driver Kevin was rude and we've spoken to him.", "So rude!") == [
        "Kevin"
    ]
    assert personal(
        "Sorry, Jake on the early shift forgot your oat milk.", "No oat milk again"
    ) == ["Jake"]
    assert personal("Sorry, Jane! We forgot it, DM us.", "you forgot my oat milk") == []
    assert personal("Shoutout to our barista Mo, who remembered 200 names!") == []


# --- the mechanisms as named conditions, for any rule ----------------------------------------


def holds(name: str, text: str, words: str, in_reply_to: str | None = None) -> bool:
    from conftest import draft
    from voicelint.conditions import CONDITIONS, View
    from voicelint.kinds import PostContext
    from voicelint.nlp import parse as parse_text

    post = draft(text, kind="reply" if in_reply_to else "post", in_reply_to=in_reply_to)
    context = PostContext(post, parse_text(text), {})
    start = text.index(words)
    return CONDITIONS[name].holds(View(context, start, start + len(words)), None)


def test_condition_contradicts():
    said = "I was charged twice for one coffee"
    assert holds("contradicts", "Sorry. You were never charged twice.", "never", said)
    assert not holds("contradicts", "Sorry. You were never charged twice.", "Sorry", said)
    assert not holds("contradicts", "You were never charged twice.", "never")


def test_condition_compensates():
    assert holds("compensates", "Here's a voucher for you. Take care.", "Here")
    assert not holds("compensates", "Feel free to DM us.", "Feel")
    assert not holds("compensates", "That's on us, sorry.", "That")


def test_condition_hands_off():
    assert holds("hands_off", "Sorry! A member of our team will be in touch.", "Sorry")
    assert holds("hands_off", "Please ring us on the number in your app.", "Please")
    assert not holds("hands_off", "Sorry! We'll fix it today.", "Sorry")


def test_a_custom_rule_composes_the_conditions():
    policy = {
        "custom_rules": [
            {
                "id": "routing.acme.gift-for-harm",
                "kind": "sentence",
                "category": "routing",
                "severity": "error",
                "summary": "A gift in public for a harm report.",
                "why": "Acme care guide.",
                "message": '"{match}" offers a gift for a harm report.',
                "when": {"post": "reply", "customer": "harm", "compensates": True},
                "unless": ["hands_off"],
                "examples": {
                    "fire": [
                        {
                            "text": "Sorry! Here's a voucher.",
                            "kind": "reply",
                            "in_reply_to": "I burned my hand on your kettle.",
                        }
                    ],
                    "pass": ["Here's a voucher."],
                },
            }
        ]
    }
    found = [
        f.match
        for f in lint("Sorry! Here's a voucher.", policy, kind="reply", in_reply_to=BURNED)
        if f.rule == "routing.acme.gift-for-harm"
    ]
    assert found == ["Here's a voucher."]


def test_a_refusal_is_not_a_denial_of_the_customers_account():
    message = "I want a refund for my sale shirt, it shrank!"
    assert "argues-facts" not in rules(
        "Unfortunately we can't offer refunds on sale items.", message
    )
    assert "argues-facts" in rules("Sale shirts don't shrink.", message)


def test_neither_nor_is_a_statement_of_principle_not_a_request():
    text = "Neither we nor our partners have a right to share this information publicly."
    assert "public-data-request" not in rules(text, "You posted my receipt online!")


def test_a_time_of_day_is_not_a_private_message():
    message = "I was charged twice for one coffee, want a refund"
    assert rules("So sorry! We'll reverse the extra charge by 5pm today.", message) == [
        "missing-handoff"
    ]
    assert rules("So sorry! PM us and we'll sort the charge.", message) == []


# --- issue 16: routing on real public replies ------------------------------------------------


def test_a_refusal_of_a_money_claim_in_public_is_flagged_and_a_hand_off_clears_it():
    said = "Who pays for the hotel I needed after you cancelled?"
    assert "refused-in-public" in rules("We are unable to reimburse you for that.", said)
    assert "refused-in-public" not in rules(
        "We are unable to reimburse you here, but please DM us your booking.", said
    )


def test_compensation_claims_quoted_sums_and_rebooking_are_routed_matters():
    assert "billing" in detect("Will you compensate me for the ruined suit?")
    assert "billing" in detect("A $ 75 fee to change a seat?")
    assert "billing" not in detect("Do you charge a fee to change a seat?")
    assert "order_status" in detect("You rebooked me onto a flight at midnight.")


def test_news_read_back_after_sorry_to_hear_is_not_a_settlement():
    said = "My appointment got cancelled without warning."
    assert "settled-in-public" not in rules(
        "So sorry to hear your appointment was cancelled. Please DM us so we can help.", said
    )


# --- generalisation to care replies written by others (issue 16) -----------------------------


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        # a harm verb, a body part and whose body it is
        ("Sprained my ankle running for your shuttle", {"injury"}),
        ("My daughter banged her head on your shelf", {"injury"}),
        # equipment that fails, and harm foreseen
        ("the cable on the lat machine is frayed", {"safety_hazard"}),
        ("that wobbly ladder, someone's gonna get hurt", {"safety_hazard"}),
    ],
)
def test_harm_has_more_than_one_shape(message, intents):
    assert detect(message) == intents


@pytest.mark.parametrize(
    "message",
    [
        "My new lamp arrived broken",  # damaged on its way: an order matter
        "The chair leg wobbles a bit, otherwise love it",
        "How do refunds work if I paid by gift card?",  # a supposed case: a policy question
    ],
)
def test_damage_in_transit_and_supposed_cases_are_no_reports(message):
    assert not detect(message) & {"injury", "safety_hazard", "billing"}


def test_a_helpline_that_is_free_to_call_is_no_compensation():
    message = "I've gambled my rent away again and I feel hopeless"
    text = "We're sorry. Please contact @NorthHelp, and the national helpline is free on 0808 8020 133."
    assert "compensates-harm" not in rules(text, message)
    assert "compensates-harm" in rules("Sorry! Have a free bet on us.", message)


def test_a_promise_and_a_kind_correction_of_a_general_fact_do_not_argue():
    assert "argues-facts" not in rules(
        "Sorry about that! It won't happen again.", "Your cashier yelled at me, so rude."
    )
    # the customer asked about the brand's doings, not their own experience
    assert "argues-facts" not in rules(
        "Quick correction: the early classes moved to 7, not cancelled.",
        "So you've cancelled the early classes? brilliant",
    )
    # their own account, denied in their words, still argues
    assert "argues-facts" in rules(
        "You were not charged twice, it was a pending hold.", "I was charged twice for one tea"
    )


def test_the_brand_upholding_its_own_figure_argues_and_a_claim_refused_by_name_is_flagged():
    assert "argues-facts" in rules(
        "The fee reflects the damage report, so we're confident it is correct.",
        "You charged me $200 for a scratch that was already there, I have photos",
    )
    assert "argues-facts" not in rules(
        "You're right, and we're sorry. Please DM us.", "You charged me twice for one order"
    )
    assert "refused-in-public" in rules(
        "Sorry, we're unable to pay this claim.", "Why was my claim for the hail damage rejected?"
    )


def test_a_rule_stated_in_general_settles_nothing_and_location_asked_in_public_is_data():
    message = "do you refund credit balances when I switch away?"
    assert "settled-in-public" not in rules(
        "When you leave us, any credit is refunded to you, usually within 14 days.", message
    )
    assert "public-data-request" in rules(
        "So sorry! Drop your exact location below and we'll send help.",
        "My van broke down on the motorway and nobody came",
    )


def test_hearsay_anywhere_in_a_message_asks_about_the_policy():
    assert detect("so you charge $80 if the dog sheds? saw it on reddit") == frozenset()
    assert detect("I heard nothing back about my refund") == {"billing"}


@pytest.mark.parametrize(
    ("message", "intents"),
    [
        ("my son swallowed a magnet from your kit, we're at A&E", {"injury"}),
        ("the shower rail came away in my hand", {"safety_hazard"}),
        ("the car park steps are icy, I nearly fell", {"safety_hazard"}),
        ("passing this to my solicitor", {"legal_threat"}),
        ("somebody got into my account overnight", {"account_security"}),
        ("got an email from you asking for my password, legit?", {"account_security"}),
        ("the app says delivered but the box is not here", {"order_status"}),
    ],
)
def test_classes_of_report_seen_in_care_replies_written_by_others(message, intents):
    assert detect(message) == intents
