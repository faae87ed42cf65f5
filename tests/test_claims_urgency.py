"""False urgency (claims.false-urgency) and an insurer's claims paid "every time" (issue 16).
Every sentence here is our own."""

from __future__ import annotations

import pytest

from conftest import lint

INSURER = {"extends": ["finance"], "name": "Quayside Cover"}


def rules(text: str, policy: dict | None = None) -> list[str]:
    return [f.rule for f in lint(text, policy or {})]


@pytest.mark.parametrize(
    "post",
    [
        "Founders' pricing ends tonight. It's never coming back 🔥",
        "This bundle is gone forever after midnight.",
        "Sign up today, or pay double from Monday tomorrow.",
        "3 left at this price! Once they're gone, it gets a lot pricier.",
    ],
)
def test_a_deadline_sold_with_permanence(post):
    assert "claims.false-urgency" in rules(post)


@pytest.mark.parametrize(
    "post",
    [
        "Founders' pricing ends tonight at 11pm.",
        "Only 5 left in the warehouse, more due in June.",
        "Never again run out of coffee: our subscription ships monthly.",
        "Back by popular demand today, and here for good!",
    ],
)
def test_a_deadline_alone_or_permanence_alone(post):
    assert "claims.false-urgency" not in rules(post)


def test_claims_paid_every_time_is_a_certain_outcome():
    assert "claims.certain-outcome" in rules(
        "Claims paid within 48 hours, every single time.", INSURER
    )
    assert "claims.certain-outcome" not in rules(
        "Most claims are paid within 10 working days; complex ones can take longer.", INSURER
    )


def test_near_across_reaches_the_next_sentence_only():
    from conftest import lint as lint_with

    rule = {
        "id": "claims.test.urgency",
        "kind": "near",
        "category": "claims",
        "summary": "s",
        "why": "w",
        "message": 'No "{match}".',
        "terms": ["tonight"],
        "near": ["gone forever"],
        "across": 1,
        "examples": {},
    }
    policy = {"custom_rules": [rule], "rules": {"claims.false-urgency": "off"}}
    found = lambda text: [f.rule for f in lint_with(text, policy)]  # noqa: E731
    assert "claims.test.urgency" in found("Ends tonight. Then it's gone forever.")
    assert "claims.test.urgency" not in found("Ends tonight. Really. Then it's gone forever.")


def test_near_across_must_be_a_count():
    from voicelint.policy import PolicyError

    rule = {
        "id": "claims.test.u",
        "kind": "near",
        "category": "claims",
        "summary": "s",
        "why": "w",
        "message": "m",
        "terms": ["a"],
        "near": ["b"],
        "across": -1,
        "examples": {},
    }
    with pytest.raises(PolicyError, match="across"):
        lint("x", {"custom_rules": [rule]})
