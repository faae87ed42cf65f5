"""Replies to harm, staff blamed by name, hashtags read as words and the false alarms fixed with
them (issue 16). Sentences of our own; the mechanisms were found on README-only dev sets."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.nlp import split_hashtag

CARE = {
    "name": "Quayside",
    "extends": ["customer-care"],
    "channels": {
        "support": "@QuayHelp",
        "safety": "safety@quay.example",
        "press": "press@quay.example",
        "legal": "legal@quay.example",
        "phone": "1-555-0100",
    },
    "routing": {
        "billing": "dm",
        "legal_threat": "legal",
        "injury": "safety",
        "press_inquiry": "press",
        "distress": "phone",
    },
}
HURT = "I slipped on the wet floor in your store and hurt my knee"
BURNED = "I burned my hand on the kettle lid, it blistered"


def rules(text: str, policy: dict | None = None, **fields: object) -> list[str]:
    return [f.rule for f in lint(text, policy if policy is not None else CARE, **fields)]


def reply(text: str, said: str) -> list[str]:
    return rules(text, kind="reply", in_reply_to=said)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("GuaranteedReturns", ("guaranteed", "returns")),
        ("cure_your_acne", ("cure", "your", "acne")),
        ("reversediabetes", ("reverse", "diabetes")),
        ("riskfreebet", ("risk", "free", "bet")),
        ("curedham", ("cured", "ham")),
    ],
)
def test_a_hashtag_splits_into_the_words_it_joins(body, words):
    assert split_hashtag(body) == words


@pytest.mark.parametrize("body", ["tbt", "sunshine", "zzzzzqqqq", "2024", "a+b"])
def test_one_word_or_no_words_is_not_split(body):
    assert split_hashtag(body) is None


def test_a_claim_inside_a_hashtag_is_found_at_its_place():
    text = "Saving made simple. #GuaranteedReturns"
    found = [
        f
        for f in lint(text, {"extends": ["finance"]})
        if f.rule == "claims.finance.guaranteed-return"
    ]
    assert found and found[0].column == text.index("#") + 2


def test_a_hashtag_of_harmless_words_is_no_claim():
    assert not [
        r
        for r in rules("Sunday brunch is back #curedham #pumpkinspice", {"extends": ["food"]})
        if r.startswith("claims")
    ]
    assert "claims.food.disease-claim" in rules(
        "Our broth, now back #curesacne", {"extends": ["food"]}
    )


def test_accidents_happen_at_an_injury_brushes_the_reader_off():
    assert "tone.reader-brushed-off" in reply(
        "Accidents happen! Hope you're back on your feet soon.", HURT
    )
    assert "tone.reader-brushed-off" in reply(
        "Honestly there was nothing anyone could have done about it.", HURT
    )


def test_fatalism_with_an_apology_or_with_no_complaint_passes():
    assert "tone.reader-brushed-off" not in reply(
        "We're so sorry. Accidents happen, but we want to hear more: please email safety@quay.example.",
        HURT,
    )
    assert "tone.reader-brushed-off" not in reply(
        "Accidents happen, which is why every kit ships with plasters!",
        "what comes in the first-aid kit?",
    )


def test_a_staff_member_named_and_disciplined_in_public():
    said = "your driver yelled at my kid"
    found = lint(
        "Thanks for flagging. Our driver Priya K. has been taken off the route while we look into it.",
        CARE,
        kind="reply",
        in_reply_to=said,
    )
    assert [
        f for f in found if f.rule == "routing.customer-care.personal-data" and "staff" in f.message
    ]
    assert "routing.customer-care.personal-data" not in reply(
        "Thanks for flagging. The driver has been taken off the route while we look into it; we'll DM you.",
        said,
    )
    assert "routing.customer-care.personal-data" not in reply(
        "So glad Priya K. looked after you! We'll pass your kind words on.",
        "Priya K. at your till was a star",
    )


def test_selling_to_someone_hurt():
    assert "tone.customer-care.sells-at-harm" in reply(
        "Sorry to hear that! Our new kettle is 20% off this week, use code WARM20.", BURNED
    )
    assert "tone.customer-care.sells-at-harm" not in reply(
        "We're sorry. Please email safety@quay.example so our safety team can look into it.", BURNED
    )
    assert "tone.customer-care.sells-at-harm" not in reply(
        "Our new kettle is 20% off this week, use code WARM20.", "any deals on kettles?"
    )


def test_free_advice_is_a_hand_off_not_a_gift():
    said = "I've lost everything this month and can't pay rent"
    found = reply(
        "Hang in there. Free debt advice is available from our partners; call 1-555-0100.", said
    )
    assert "routing.customer-care.compensates-harm" not in found
    assert "routing.customer-care.compensates-harm" in reply(
        "So sorry you were hurt! Have a free coffee on us next time.", HURT
    )


def test_a_toll_free_number_is_an_organisations():
    assert "routing.customer-care.personal-data" not in reply(
        "Call us toll free on 1-800-555-0199 any time.", "what's your number?"
    )
    assert "routing.customer-care.personal-data" not in reply(
        "The number is 1-800-201-0199.", "how do I get my refund?"
    )
    assert "routing.customer-care.personal-data" in reply(
        "The number is 1-555-201-0199.", "how do I get my refund?"
    )
    assert "routing.customer-care.personal-data" in reply(
        "We'll ring you back on (555) 201-3344 this afternoon.", "still waiting on a callback"
    )


def test_honey_is_a_vocative_only_where_it_addresses_someone():
    assert "tone.hostile-reply" in reply(
        "Calm down, honey, it's a ten-minute delay.", "my train is late AGAIN"
    )
    assert "tone.hostile-reply" not in rules("Add a little honey, and stir well before serving.")


def test_a_promise_denied_is_no_claim():
    policy = {"extends": ["healthcare-providers"]}
    assert not [
        r
        for r in rules(
            "We can't promise a painless visit, but we'll do everything we can to keep you comfortable.",
            policy,
        )
        if r.startswith("claims")
    ]
    assert "claims.healthcare-providers.guaranteed-result" in rules(
        "Every visit is painless, promise.", policy
    )
