"""Personal data in public: the Presidio-style recognizers and the pii rule built on them."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.kinds.pii import recognizers
from voicelint.recognizers import analyze, luhn, valid_aba, valid_iban

POLICY = {
    "extends": ["customer-care"],
    "channels": {"support": "@AcmeHelp", "phone": "1-800-555-0100", "email": "care@acme.example"},
    "routing": {"billing": "dm"},
}


def entities(text: str, allow: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(e.entity, text[e.start : e.end]) for e in analyze(text, recognizers(), allow)]


def personal_data(text: str, **fields) -> list[str]:
    return [
        f.match
        for f in lint(text, POLICY, **fields)
        if f.rule == "routing.customer-care.personal-data"
    ]


def test_checksums():
    assert luhn("4111111111111111") and not luhn("4111111111111112")
    assert valid_aba("011000015") is None and valid_aba("011000016") is False
    assert valid_iban("GB82 WEST 1234 5698 7654 32") is True
    assert valid_iban("GB82 WEST 1234 5698 7654 33") is False


def test_card_numbers_need_a_valid_luhn_checksum():
    assert entities("card 4111 1111 1111 1111 on file") == [("CREDIT_CARD", "4111 1111 1111 1111")]
    assert entities("card 4111 1111 1111 1112 on file") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The charge on your card ending in 4417 is flagged.", [("CARD_ENDING", "ending in 4417")]),
        ("Your Visa ****4412 was charged.", [("CARD_ENDING", "****4412")]),
        ("Reach Dana at dana.k@gmail.com", [("EMAIL", "dana.k@gmail.com")]),
        ("Call her at 503-555-0182 tonight", [("PHONE", "503-555-0182")]),
        ("Your order #558213 ships today", [("IDENTIFIER", "#558213")]),
        ("tracking number 1Z999AA10123456784", [("IDENTIFIER", "1Z999AA10123456784")]),
        ("We sent it to 42 Elm Street, Apt 3.", [("STREET_ADDRESS", "42 Elm Street, Apt 3")]),
        ("routing number 011000015", [("ROUTING_NUMBER", "011000015")]),
        ("SSN 123-45-6789", [("SSN", "123-45-6789")]),
    ],
)
def test_recognized_items(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lattes are $4.95 all week; use code SAVE20 by Dec 20, 2026.",
        "Your security is our #1 priority.",
        "Order by Dec 18, 2026 for Christmas delivery.",
        "Our new branch at 412 Burnside Ave opens Monday.",
        "Driver of the month delivered 1,200 orders.",
        "Rates from 4.10% APY on balances up to $25,000.",
        "routing 011000016",  # bad checksum
        "Use promo code HOLIDAY2026 at checkout.",
    ],
)
def test_look_alikes_are_not_personal_data(text):
    assert entities(text) == []


def test_the_clients_own_channels_are_allowed():
    text = "Call us at 1-800-555-0100 or write to care@acme.example, or DM @AcmeHelp."
    assert personal_data(text) == []


def test_a_list_names_its_context_once():
    assert personal_data("Orders shipped today: #448812 (J. Park), #448813 (A. Ruiz).") == [
        "#448812",
        "#448813",
    ]


def test_a_name_tied_to_a_transaction():
    assert personal_data("Big thanks to Priya Raman for her $250 order!") == ["Priya Raman"]
    assert personal_data("Shoutout to our barista Mo, who remembered 200 names!") == []
    assert personal_data("Driver of the month: Luis Ortega, who delivered 1,200 orders!") == []


def test_customers_data_only_in_the_message_is_not_repeated():
    message = "My card ending in 4417 was charged twice, email me at pat@example.com"
    assert (
        personal_data(
            "Sorry! Please DM us and we'll look into it.", kind="reply", in_reply_to=message
        )
        == []
    )
    assert personal_data(
        "Sorry! Is this about the card ending in 4417?", kind="reply", in_reply_to=message
    ) == ["ending in 4417"]


def test_message_says_what_it_is_and_where_to_go():
    (finding,) = [
        f for f in lint("Reach Dana at dana.k@gmail.com", POLICY) if f.category == "routing"
    ]
    assert finding.message == (
        '"dana.k@gmail.com" is an email address in public; remove it and handle the matter in private: DM via @AcmeHelp.'
    )
    assert (finding.start, finding.end) == (14, 30)


def test_an_organisations_mailbox_and_a_lower_case_way_are_not_personal_data():
    assert entities("Write to press@harborcoffee.example or hello@shop.example") == []
    assert entities("Oof, 20 minutes is way too long.") == []
    assert entities("Ship it to 9 Harbor Way please") == [("STREET_ADDRESS", "9 Harbor Way")]


def test_a_number_the_reader_is_told_to_call_is_the_business_line():
    assert entities("Our hours: Mon-Fri 6am-8pm. Call 503-555-0100 for catering.") == []
    assert entities("Call her at 503-555-0182 tonight") == [("PHONE", "503-555-0182")]


def test_the_banks_own_routing_number_is_public():
    assert entities("Our routing number is 011000015.") == []


def test_context_words_stay_in_their_sentence():
    # "our" in the sentence before does not make the customers' order numbers the business's own
    text = (
        "Shout-out to our first holiday orders! Order #BO-558812 for Jamie, #BO-558813 for Priya."
    )
    findings = [
        f
        for f in lint(text, {"extends": ["customer-care"]})
        if f.rule == "routing.customer-care.personal-data"
    ]
    assert [(f.match, f.start) for f in findings] == [("#BO-558812", 45), ("#BO-558813", 67)]
    assert [
        f.match for f in lint("Use our promo code FALL20 today.", {"extends": ["customer-care"]})
    ] == []
