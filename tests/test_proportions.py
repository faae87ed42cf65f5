""" "100% of" measures a share ("100% of the profits go to the food bank"); it is no certainty
marker, while "100% guaranteed" and "we'll 100% double it" are."""

from __future__ import annotations

from conftest import lint


def rules(text: str) -> list[str]:
    return [f.rule for f in lint(text, {})]


def test_a_share_is_no_certainty():
    assert "claims.certain-outcome" not in rules(
        "100% of the profits from this mug go to the animal shelter."
    )


def test_a_certainty_marker_before_an_outcome_still_fires():
    assert "claims.certain-outcome" in rules("Join today and your profits are 100% guaranteed.")


def test_savings_promised_to_grow_are_a_return():
    assert "claims.certain-outcome" in rules("Your savings are guaranteed to double!")
    assert "claims.certain-outcome" not in rules(
        "Savings may grow over time; returns are not guaranteed."
    )
