"""Condition ``referred``: an off-label use asked about and handed to a prescriber is no claim."""

from __future__ import annotations

import pytest

from conftest import lint

RX = {"extends": ["prescription-drugs"]}
OFF_LABEL = {"claims.prescription-drugs.off-label", "claims.prescription-drugs.off-label-named"}


def off_label(text: str) -> set[str]:
    return {f.rule for f in lint(text, RX)} & OFF_LABEL


@pytest.mark.parametrize(
    "text",
    [
        "Questions about taking Wegovy off-label belong with your prescriber.",
        "Is it ever used off label? Your pharmacist is the one to ask.",
        "Lots of you wonder if Mounjaro also helps with sleep apnea. Please raise it with your doctor.",
    ],
)
def test_a_question_handed_to_a_professional_is_no_off_label_claim(text):
    assert off_label(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ozempic also helps with cravings, ask your doctor!",
        "Ask your doctor about Zepbound, which also works for joint pain.",
        "Loads of people microdose it for focus; your GP can tell you more.",
        "Is it used off label? Sure is, DM us for a script.",
    ],
)
def test_a_claim_with_a_stock_referral_still_claims(text):
    assert off_label(text)
