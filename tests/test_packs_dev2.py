"""Industry packs, second round (issue 13): the mechanisms the second development set
(tests/corpus/packs-dev2) showed missing, each tried on wording of its own, and the hard
negatives a keyword linter would flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint
from voicelint.evaluate import evaluate, false_alarm_rate

REPO = Path(__file__).resolve().parent.parent
DEV2 = REPO / "tests/corpus/packs-dev2"


def rules(text: str, pack: str, **fields: object) -> set[str]:
    """The pack's own findings (core rules such as claims.certain-outcome are not tuned here)."""
    return {f.rule for f in lint(text, {"extends": [pack]}, **fields) if pack in f.rule}


FIRES = [
    ("betting", "claims.betting.sure-win", "Easiest parlay on the card tonight.", {}),
    ("betting", "claims.betting.sure-win", "The late room pays out every single game.", {}),
    ("betting", "claims.betting.sure-win", "Our tipster never gets a pick wrong.", {}),
    (
        "betting",
        "claims.betting.risk-free",
        "Lose on the opener and we pay it back as bonus funds.",
        {},
    ),
    (
        "betting",
        "claims.betting.trouble-hook",
        "Burnt out after the school run? The 10am room is open.",
        {},
    ),
    (
        "charity",
        "claims.charity.all-goes-to",
        "Not one penny of what you give goes on salaries.",
        {},
    ),
    (
        "charity",
        "claims.charity.certain-outcome",
        "Donate $40 and you'll feed a family this week.",
        {},
    ),
    (
        "charity",
        "claims.charity.certain-outcome",
        "£8 a month keeps a girl in school for good.",
        {},
    ),
    (
        "children",
        "claims.children.ask-parents",
        "Show this ad to your mum before the sale ends!",
        {},
    ),
    (
        "children",
        "routing.children.data-request",
        "Which school are you at? Tell us below!",
        {},
    ),
    (
        "crypto-investing",
        "claims.crypto-investing.price-prediction",
        "BTC is on track for $250k.",
        {},
    ),
    (
        "crypto-investing",
        "claims.crypto-investing.price-prediction",
        "ETH could easily 10x next year.",
        {},
    ),
    (
        "crypto-investing",
        "claims.crypto-investing.past-performance",
        "Early ETH holders turned $2k into $80k.",
        {},
    ),
    (
        "crypto-investing",
        "disclosure.crypto-investing.risk-warning-call",
        "Bitcoin just hit a record. Don't miss out this time!",
        {},
    ),
    (
        "crypto-investing",
        "claims.crypto-investing.insured",
        "Your tokens are safe like a savings account.",
        {},
    ),
    (
        "healthcare-providers",
        "claims.healthcare-providers.never-again",
        "Whiplash? After our programme it won't hurt again.",
        {},
    ),
    (
        "healthcare-providers",
        "claims.healthcare-providers.cure-claim",
        "We reverse a bulging disc without surgery.",
        {},
    ),
    (
        "healthcare-providers",
        "claims.healthcare-providers.before-after",
        "Week 2 → week 9 of a knee rehab!",
        {},
    ),
    (
        "home-energy",
        "claims.home-energy.zero-bill",
        "Add a battery and never pay a gas bill again.",
        {},
    ),
    (
        "home-energy",
        "claims.home-energy.free-solar",
        "Panels that cost you nothing, fitted this month.",
        {},
    ),
    (
        "home-energy",
        "claims.home-energy.pays-for-itself",
        "A heat pump pays itself back in four winters.",
        {},
    ),
    (
        "lending",
        "claims.lending.approval-regardless",
        "Nobody drives off our lot without a loan.",
        {},
    ),
    ("lending", "disclosure.lending.rate-not-apr", "Refinance your car with us at 5.2% today.", {}),
    ("lending", "disclosure.lending.trigger-terms", "Just $89 every two weeks.", {}),
    (
        "prescription-drugs",
        "disclosure.prescription-drugs.fair-balance",
        "Minoxidil regrows thinning hair.",
        {},
    ),
    (
        "prescription-drugs",
        "routing.prescription-drugs.dosing-in-public",
        "Sure, take them together with food.",
        {"kind": "reply", "in_reply_to": "Can I have both tablets at once?"},
    ),
    (
        "travel",
        "claims.travel.drip-pricing",
        "Suites from $199, plus a $30 nightly resort fee.",
        {},
    ),
    ("travel", "claims.travel.drip-pricing", "Lodges from £90. Local tax payable on arrival.", {}),
    (
        "travel",
        "disclosure.travel.free-cancellation",
        "Change your dates whenever you like, free.",
        {},
    ),
    (
        "travel",
        "routing.travel.guest-details",
        "Lovely! We hope the view from 311 was worth it.",
        {"kind": "reply", "in_reply_to": "Great stay, thanks"},
    ),
]

PASSES = [
    (
        "betting",
        "It's a safe bet the new bingo room will be busy tonight. 18+ BeGambleAware.org",
        {},
    ),
    (
        "charity",
        "Tickets are $60, of which $25 covers dinner; the other $35 may be tax-deductible.",
        {},
    ),
    ("children", "Kids, colour in the bee and show it to your grandpa!", {}),
    ("crypto-investing", "We're heading to the $5,000 hackathon prize ceremony tonight.", {}),
    ("lending", "0% APR for 60 months on select 2026 vans for well-qualified buyers.", {}),
    ("lending", "Nobody leaves our service desk without a free coffee.", {}),
    ("prescription-drugs", "Corvale backs clearer rules on GLP-1 advertising.", {}),
    (
        "prescription-drugs",
        "Missed doses depend on timing, so ask your pharmacist.",
        {"kind": "reply", "in_reply_to": "I missed my shot."},
    ),
    ("travel", "Fares from $99 including all taxes and fees. Bags extra.", {}),
    ("travel", "Basic fares aren't refundable, but taxes are refunded on request.", {}),
    (
        "travel",
        "If you're booked on a cancelled flight, please DM us.",
        {"kind": "reply", "in_reply_to": "Are Oslo flights cancelled?"},
    ),
]


@pytest.mark.parametrize(("pack", "rule", "text", "fields"), FIRES)
def test_the_mechanism_reads_wording_of_its_own(pack, rule, text, fields):
    assert rule in rules(text, pack, **fields), text


@pytest.mark.parametrize(("pack", "text", "fields"), PASSES)
def test_the_hard_negative_passes(pack, text, fields):
    assert not rules(text, pack, **fields), text


def test_the_second_development_set_holds_its_floor():
    """Tuned on, so a regression guard, not a measure (tests/corpus/packs-dev2/README.md)."""
    score = evaluate([DEV2])
    for category, (caught, expected) in score.recall().items():
        assert caught / expected >= 0.85, (category, caught, expected)
    assert false_alarm_rate(score) <= 0.05
