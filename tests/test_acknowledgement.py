"""A reply to a grievance must acknowledge it (tone.unacknowledged-complaint), and the precision
fixes that came with it: excited customers, "water butt", "pass X to", a request to delete a post,
"way more" and "switching" as no hazard."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from test_conditions import holds
from voicelint.intents import detect

RULE = "tone.unacknowledged-complaint"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("My order came two hours late and cold.", True),
        ("The app keeps logging me out, third time today.", True),
        ("You charged my card twice for one box.", True),
        ("This flash sale is sick 🔥", False),
        ("Your cinnamon buns are to die for.", False),
        ("omg FINALLY got tickets for the final, I'm screaming", False),
        ("Is the new blender dishwasher safe?", False),
        # a modal is no past form: the question tells of no event
        ("Which blender should I pick for smoothies?", False),
        ("Why was I charged twice for one blender?", True),
    ],
)
def test_a_grievance_is_the_customers_own_matter_not_banter(said, expected):
    assert holds("customer", "grievance", "Ok.", "Ok", kind="reply", in_reply_to=said) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for flagging this, the bakery team will check the oven.", True),
        ("Fair point. Delivery slots are set by the van routes.", True),
        ("We've refunded the second charge; it shows in 3-5 days.", True),
        ("The kitchen team is looking into it this morning.", True),
        ("Please write to care@bakehouse.example with the order date.", True),
        ("So sorry, that's not the welcome we want for you.", True),
        ("Delivery slots are set by the van routes.", False),
        ("Cards are only charged once at dispatch.", False),
        ("haha the oven has a mind of its own 😂", False),
    ],
)
def test_what_acknowledges_a_grievance(text, expected):
    first = text.split()[0]
    assert holds("acknowledges", None, text, first, kind="reply", in_reply_to="x") is expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Delivery slots are set by the van routes each week.", "My groceries came 3 hours late."),
        ("Cards are only charged once, at dispatch.", "You charged my card twice for one box."),
        ("Updates roll out gradually to all phones.", "The app keeps logging me out, so annoying."),
    ],
)
def test_a_reply_that_only_states_facts_at_a_grievance_is_reported_once(text, said):
    found = rules_of(lint(text, kind="reply", in_reply_to=said))
    assert found.count(RULE) == 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Sorry about that. Slots are set by the van routes; DM us and we'll rebook you.",
            "My groceries came 3 hours late.",
        ),
        (
            "Thanks for telling us, the team is looking into the double charge now.",
            "You charged my card twice for one box.",
        ),
        ("Yes, it's dishwasher safe on the top rack.", "Is the new blender dishwasher safe?"),
        (
            "See you there, it's going to be loud!",
            "omg FINALLY got tickets for the final, I'm screaming",
        ),
        ("Sick indeed, see you at the stall 🍓", "This flash sale is sick 🔥"),
    ],
)
def test_an_acknowledging_reply_or_a_reply_to_banter_is_left_alone(text, said):
    assert RULE not in rules_of(lint(text, kind="reply", in_reply_to=said))


def test_another_tone_finding_on_the_same_words_takes_the_place_of_this_one():
    found = rules_of(
        lint(
            "haha the printer has a mind of its own 😂",
            kind="reply",
            in_reply_to="Your self-checkout printer keeps jamming and I've lost my receipt.",
        )
    )
    assert "tone.reader-ridiculed" in found and RULE not in found


def test_mock_praise_rule_leaves_an_excited_customer_alone():
    said = "omg I FINALLY got the golden skin after 3 years, I'm SCREAMING 😭😭"
    found = rules_of(lint("Three years?! Congrats, well earned 🎉", kind="reply", in_reply_to=said))
    assert "tone.reader-ridiculed" not in found


def test_a_water_butt_is_no_crude_word():
    assert "tone.crude" not in rules_of(lint("Our new water butt keeps the garden green."))
    assert "tone.crude" in rules_of(lint("Get your butt down here for the sale."))


def test_pass_with_a_recipient_is_no_result():
    assert "claims.certain-outcome" not in rules_of(
        lint("We'll pass your notes to our team lead today.")
    )
    assert "claims.certain-outcome" in rules_of(lint("Guaranteed to pass your driving test."))


def test_asking_the_customer_to_delete_their_post_is_no_data_request():
    found = rules_of(
        lint(
            "Hi Ana, please delete your post as it shows your card number. DM us and we'll help.",
            {"extends": ["customer-care"]},
            kind="reply",
            in_reply_to="card 4111 1111 1111 1111 charged twice??",
        )
    )
    assert "routing.customer-care.public-data-request" not in found


def test_way_more_and_switching_are_no_hazard():
    assert "safety_hazard" not in detect("Rivalapp gives way more coins, I'm switching")
    assert "safety_hazard" in detect("The shelf gave way and cut my son's hand")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sorry for the wait. Slot times are set by the depot, so it's out of our hands.", True),
        ("We're sorry. We checked the docket, so the mistake wasn't on our side.", True),
        ("Sorry, the depot is beyond our control, but we'll chase them this morning.", False),
        ("Sorry about the delay, the hold-up is on our side and it's our fault.", False),
    ],
)
def test_the_matter_disowned_after_an_apology_still_brushes_the_customer_off(text, expected):
    said = "Three weeks waiting for my delivery, this is ridiculous"
    found = rules_of(lint(text, kind="reply", in_reply_to=said))
    assert ("tone.reader-brushed-off" in found) is expected


def test_a_modal_question_is_an_inquiry_not_a_told_event():
    from voicelint import care
    from voicelint.nlp import parse

    doc = parse("Could this blender crush ice?")
    assert care.inquiry(doc, 0, len(doc))
    told = parse("Could this blender have cracked because I washed it?")
    assert not care.inquiry(told, 0, len(told))
