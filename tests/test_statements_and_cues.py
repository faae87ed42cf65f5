"""A statement denied is not made (a risk warning "never lost money" is none); courtesy formulas
negate nothing; player-care cues without apostrophes; weight loss told as a result; a medicine
dismissed for the product."""

from __future__ import annotations

from conftest import lint
from voicelint.intents import detect


def rules(text: str, policy: dict) -> list[str]:
    return [f.rule for f in lint(text, policy)]


def test_a_denied_risk_is_no_risk_warning():
    crypto = {"extends": ["crypto-investing"]}
    denied = "Stake ETH with us and earn 5% APY. Our members have never lost money."
    assert "disclosure.crypto-investing.risk-warning" in rules(denied, crypto)
    stated = "Stake ETH with us and earn 5% APY. Crypto is volatile and you could lose money."
    assert "disclosure.crypto-investing.risk-warning" not in rules(stated, crypto)


def test_courtesy_formulas_negate_nothing():
    health = {"extends": ["health"]}
    assert "claims.health.disease-claim" in rules("No worries our gummies cure arthritis", health)


def test_loss_of_control_without_apostrophes():
    assert "distress" in detect("i cant stop betting and its wrecking my month")
    assert "distress" in detect("I keep depositing after every loss")
    assert "distress" not in detect("I cant stop eating your flapjacks haha")


def test_weight_loss_told_as_a_result():
    health = {"extends": ["health"]}
    assert "claims.health.weight-loss-figure" in rules(
        "Six weeks on the plan: down 11 lbs!", health
    )
    assert "claims.health.weight-loss-figure" not in rules(
        "Prices down 10 percent this week.", health
    )


def test_a_medicine_dismissed_for_the_product():
    health = {"extends": ["health"]}
    found = rules("Goodbye antihistamines, hello nettle tea for spring.", health)
    assert "claims.health.drug-substitute" in found
    assert "claims.health.drug-substitute" not in rules(
        "Forget the queue at the till: order ahead in the app.", health
    )
