"""Marketing posts: a home's value, a sale above asking, a pet's health, heads turned, proof
claimed, a car that never breaks down; drinks tied to success; free trials that renew; urgency
with the price first; and the false alarms fixed with them (issue 16). Sentences of our own; the
mechanisms were found on the README-only dev set tests/corpus-tuning/posts-dev8."""

from __future__ import annotations

import pytest

from conftest import lint


def rules(text: str, packs: list[str] | None = None, **fields: object) -> list[str]:
    policy = {"name": "Tern", "extends": packs or []}
    return [f.rule for f in lint(text, policy, **fields)]


@pytest.mark.parametrize(
    ("text", "packs", "rule"),
    [
        (
            "Condos on the waterfront are guaranteed to appreciate 8% a year.",
            [],
            "claims.certain-outcome",
        ),
        ("List with us and your house will sell above asking.", [], "claims.certain-outcome"),
        (
            "A new bathroom adds $25,000 to your home's value. Every time.",
            [],
            "claims.certain-outcome",
        ),
        ("Our gated streets, where your family will always be safe.", [], "claims.certain-outcome"),
        ("Guaranteed to end itching in ten days.", [], "claims.certain-outcome"),
        (
            "Every used truck on our lot is guaranteed trouble-free for years.",
            [],
            "claims.certain-outcome",
        ),
        (
            "Step into the Aria blazer and every head turns. Guaranteed.",
            [],
            "claims.certain-outcome",
        ),
        (
            "Our weighted blanket is clinically proven to help you sleep better.",
            [],
            "claims.certain-outcome",
        ),
        (
            "Guaranteed to get you across the finish line of your first 10K in 9 weeks.",
            [],
            "claims.certain-outcome",
        ),
        ("Winners pour Copperline Rye.", ["alcohol"], "claims.alcohol.success"),
        ("Confidence, bottled: our new small-batch gin.", ["alcohol"], "claims.alcohol.success"),
        (
            "A nip of our ginger liqueur keeps colds away all winter.",
            ["alcohol"],
            "claims.alcohol.health-effect",
        ),
        ("Study break? Grab a case for finals week.", ["alcohol"], "claims.alcohol.minors"),
        ("Free 7-day trial of MealMate! Start today.", [], "disclosure.free-trial-terms"),
        ("Your first month free when you join.", [], "disclosure.free-trial-terms"),
        (
            "Rates this low will never come back again. Offer ends Friday.",
            [],
            "claims.false-urgency",
        ),
        ("Sale ends tonight: your last chance, ever.", [], "claims.false-urgency"),
        ("Grapevine Motors sells lemons with shiny paint.", [], "tone.competitor-disparaged"),
    ],
)
def test_a_claim_in_a_marketing_post(text, packs, rule):
    policy_packs = packs
    if rule.startswith("tone.competitor"):
        found = [
            f.rule
            for f in lint(text, {"name": "Tern", "voice": {"competitors": ["Grapevine Motors"]}})
        ]
    else:
        found = rules(text, policy_packs)
    assert rule in found


@pytest.mark.parametrize(
    ("text", "packs", "rule"),
    [
        (
            "Dana finished her first 10K in 61 minutes last spring. Read her story on our blog.",
            [],
            "claims.certain-outcome",
        ),
        (
            "Coach builds a plan around your week and your knees. Progress is different for everyone.",
            [],
            "claims.certain-outcome",
        ),
        (
            "Our linen shirt was the best-selling style of 2025 (our order data, Jan-Dec 2025).",
            [],
            "claims.superlative",
        ),
        (
            "Since May our bakery runs on a 100% renewable electricity contract.",
            ["environmental"],
            "claims.environmental.absolute-material",
        ),
        (
            "Congratulations to the winners of our cocktail contest!",
            ["alcohol"],
            "claims.alcohol.success",
        ),
        ("Free 14-day trial, then $9.99/month. Cancel anytime.", [], "disclosure.free-trial-terms"),
        ("Free trial class this Sunday, just turn up.", [], "disclosure.free-trial-terms"),
        (
            "Inventory rose to 2.4 months of supply in March.",
            ["lending"],
            "disclosure.lending.trigger-terms",
        ),
        (
            "Free tyre rotations for 3 years with every car we sell.",
            ["lending"],
            "disclosure.lending.trigger-terms",
        ),
    ],
)
def test_no_claim_in_a_story_a_source_or_a_term(text, packs, rule):
    assert rule not in rules(text, packs)


def test_a_lending_period_after_a_word_of_credit():
    assert "disclosure.lending.trigger-terms" in rules(
        "Stretch it out to 84 months and keep your payment low.", ["lending"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gifted: @Copperline sent me their new rye to try. Smooth, spicy finish.",
        "@Copperline sent me their new rye to try. Honest notes below.",
    ],
)
def test_a_gift_named_plainly_is_disclosed(text):
    found = rules(text, ["endorsements"], sponsored=True)
    assert "disclosure.endorsements.missing" not in found


def test_a_full_name_and_a_dismissal_is_staff():
    found = rules(
        "We're sorry. Jo Marsh has been let go as of today.",
        ["customer-care"],
        kind="reply",
        in_reply_to="Your agent Jo Marsh lied to me about the survey.",
    )
    assert "routing.customer-care.personal-data" in found


def test_a_full_name_in_good_news_is_no_staff_blame():
    assert "routing.customer-care.personal-data" not in rules(
        "Maria Lopez joins our kitchen as head chef this spring!", ["customer-care"]
    )


# --- clients no pack names (found with tests/corpus-tuning/nopack-dev9) ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Toddlers can never be harmed by our sprays.",
        "With our vault, your files can never be stolen.",
        "With sealant tyres you will never get a flat again.",
        "Our smart lock stops 100% of break-ins.",
        "Pass your IELTS first time, guaranteed.",
        "Sound like a native in 10 weeks or your money back.",
        "Our workshop raises your score by 2 bands in a month.",
        "Our hot-vapour clean eliminates dust mites for good.",
        "Breathe cleaner air instantly with our new filter.",
        "Book a desk and your productivity doubles. Guaranteed.",
    ],
)
def test_a_claim_for_a_client_no_pack_names(text):
    assert "claims.certain-outcome" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "You may never need a second visit.",
        "Our doorbell can help deter porch thefts.",
        "We close at 5pm on Fridays.",
        "If you can never get a parking space, try our bike racks.",
    ],
)
def test_a_possibility_or_an_opening_hour_is_no_claim(text):
    assert "claims.certain-outcome" not in rules(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Theft-proof bike locks for the city.", True),
        ("Our crash-proof helmets.", True),
        ("An unpickable deadbolt.", True),
        ("Theft-resistant locks, Sold Secure Gold rated.", False),
        ("Nothing is hack-proof: turn on two-factor sign-in.", False),
        ("Waterproof to 50 metres.", False),
    ],
)
def test_proof_against_a_harm(text, flagged):
    assert ("claims.proof-absolute" in rules(text)) is flagged
