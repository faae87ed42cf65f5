"""Condition ``adopts_testimony`` and rule ``claims.testimonial-adopted``: a quoted customer's
quantified result, then a sentence that offers it to the reader. Sentences of our own."""

from __future__ import annotations

import pytest

from conftest import lint

RULE = "claims.testimonial-adopted"


def quoted(text: str, **fields: object) -> list[str]:
    return [f.match for f in lint(text, **fields) if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        # a question that puts the reader next
        ('"Paid off my overdraft in four months" - Lena. Your turn?', "Your turn?"),
        # the brand names the result as its own effect
        (
            '"I cut my commute from 50 minutes to 20". That is the Zipline difference.',
            "That is the Zipline difference.",
        ),
        # "join" with the name that signs the quotation
        ('"Saved half my heating bill this winter" - Omar, Hull. Join Omar now.', "Join Omar now."),
    ],
)
def test_a_quoted_result_offered_to_the_reader_is_flagged(text, offer):
    assert quoted(text) == [offer]


@pytest.mark.parametrize(
    "text",
    [
        # no quantity: praise, not a result
        '"Friendly staff and a spotless room" - Tom. Could you be our next guest?',
        # the quotation alone, nothing offered
        '"Paid off my overdraft in four months" - Lena. Thanks for sharing, Lena!',
        # the typical result stated
        '"Paid off my overdraft in four months" - Lena. Your turn? Results vary by plan.',
        # "join" with someone else than the quotation's signer
        '"Paid off my overdraft in four months" - Lena. Join us on Thursday for a budgeting class.',
    ],
)
def test_no_offer_or_no_result_is_no_claim(text):
    assert quoted(text) == []


def test_a_reply_quoting_the_customer_is_not_a_testimonial():
    text = '"Waited three weeks for my refund" - sorry, Lena. Your turn is next in the queue.'
    assert quoted(text, kind="reply", in_reply_to="Waited three weeks for my refund") == []
