"""Intents read in more shapes (no way out, others better off, no money for a household's needs, an
eviction, a vehicle smoking on the road, a photo shown without consent), "thanks for nothing" as
sarcasm, "we would ask you to wait" as no offer of help, and a competitor's practice that wrongs
its customers in words VADER scores neutral ("hidden fees", "holds back winnings")."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from voicelint import care
from voicelint.intents import detect
from voicelint.nlp import parse, tokens


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("my card is frozen and I can't see a way out of this mess", "crisis"),
        ("honestly everybody's better off if I just disappear", "crisis"),
        ("no money left for the meter and two kids at home, please help", "distress"),
        ("we can't afford heating this week and the baby is poorly", "distress"),
        ("the landlord is evicting us on Friday because the payment bounced", "distress"),
        ("I'm freaking out, my card was swallowed and I'm abroad", "distress"),
        ("smoke coming from under the bonnet of your hire car on the motorway", "safety_hazard"),
        ("you used a photo of my son in your ad and I never agreed to it", "privacy"),
        ("some nights I think about walking out in front of a lorry", "crisis"),
        ("thought about jumping off the roof of the car park today", "crisis"),
        ("a guy on the platform keeps following me and I'm really frightened", "crisis"),
    ],
)
def test_an_intent_in_more_shapes(said, intent):
    assert intent in detect(said)


@pytest.mark.parametrize(
    "said",
    [
        "My family is better off on your fixed tariff, thanks!",
        "I quit smoking and the car smells so much better",
        "Can I afford the premium plan on a student budget?",
        "flight cancelled, no food voucher, stuck at the gate with the kids",
        "Took a photo of your new shopfront, love it",
        "had to jump off the bus a stop early because it was so late",
        "thanks for following me back, love your posts",
    ],
)
def test_look_alikes_of_those_intents(said):
    assert not detect(said) & {"crisis", "distress", "safety_hazard", "privacy"}


def test_thanks_for_nothing_is_sarcasm():
    assert care.sarcastic(tokens(parse("another cancelled class. thanks for nothing")).norms)
    assert not care.sarcastic(tokens(parse("thanks for sorting it, nothing else needed")).norms)


def test_a_demand_to_wait_offers_no_help():
    said = "two weeks and still no replacement card. what is going on"
    cold = "Cards can take up to 14 days. We would ask you to be patient."
    assert "tone.unacknowledged-complaint" in rules_of(lint(cold, kind="reply", in_reply_to=said))
    warm = "Sorry for the wait. We would be glad to check it, DM us."
    assert "tone.unacknowledged-complaint" not in rules_of(
        lint(warm, kind="reply", in_reply_to=said)
    )


POLICY = {"voice": {"competitors": ["Quillbank", "Spinzo"]}}


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Quillbank buries its charges in the fine print.", True),
        ("Spinzo holds back payouts for a fortnight.", True),
        ("Quillbank passes your details to advertisers, just saying.", True),
        ("Quillbank opened a branch in Leeds.", False),
        ("Spinzo sponsors the local football club.", False),
    ],
)
def test_a_competitors_practice_that_wrongs_its_customers_is_alleged(text, fires):
    assert ("claims.competitor-allegation" in rules_of(lint(text, POLICY))) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Deliveries run until 9pm, as stated on our delivery page.", True),
        ("Refunds take 10 days, as your order confirmation explains.", True),
        ("Pickup times vary, as explained at the desk.", True),
        ("As mentioned in our last post, the shop opens at 9 on Saturday.", False),
    ],
)
def test_the_answer_said_to_have_been_given_already(text, fires):
    said = "waited in all day for a delivery that never came. absolute joke"
    if not fires:
        said = "what time do you open on Saturday?"
    found = rules_of(lint(text, kind="reply", in_reply_to=said))
    assert ("tone.reader-dismissed" in found) is fires


def test_praise_thanked_holds_no_matter_to_take_private():
    said = "Your fraud team froze my card within a minute of a dodgy charge abroad. Legends."
    reply = "Thank you for the kind words, we'll pass them on to the team."
    assert "routing.customer-care.missing-handoff" not in rules_of(
        lint(reply, kind="reply", in_reply_to=said)
    )


@pytest.mark.parametrize(
    ("text", "said", "fires"),
    [
        # their own news in their own word, a deed still to come, a step after another
        (
            "You shouldn't pay for a class we cancelled, sorry. DM us and we'll sort the charge.",
            "why was I charged for a class you cancelled??",
            False,
        ),
        (
            "So sorry. Please email privacy@gym.example and our team will make sure it's deleted.",
            "you posted my photo without asking",
            False,
        ),
        (
            "Most parcels arrive within three days after the order is approved.",
            "how long does delivery take?",
            False,
        ),
        # a deed of ours done, and a look-up that reports the customer's booking
        (
            "We've refunded the £20 to your card.",
            "where is my refund for the cancelled class",
            True,
        ),
        (
            "We've checked and your massage was cancelled with under 24 hours' notice.",
            "Why was I charged for a session I cancelled??",
            True,
        ),
    ],
)
def test_what_settles_a_matter_in_public(text, said, fires):
    policy = {"extends": ["customer-care"]}
    found = rules_of(lint(text, policy, kind="reply", in_reply_to=said))
    assert ("routing.customer-care.settled-in-public" in found) is fires
