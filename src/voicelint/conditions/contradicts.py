"""``contradicts``: the hit's sentence argues the facts of the customer's message.

Evidence the brand holds testifies against the customer ("our records show", "tracking
confirms"), a staff member's version is put against theirs ("the driver says he delivered it"),
a flat denial ("that's not what happened", "that isn't true"), or what the customer said negated
in their own words ("you were never charged" to "I was charged twice"). Questions, requests,
apologies, hand-offs, wishes ("that should never happen") and conditions do not contradict.
Holds only on a reply to a message (``in_reply_to``). See ``care.contradictions``.
"""

from __future__ import annotations

from typing import Any

from voicelint import care

NAME = "contradicts"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    customer = view.post.customer
    sentence = view.sentence
    if customer is None or sentence is None:
        return False
    doc = view.analysis.doc
    return any(
        first <= sentence.first < end
        for first, end in care.contradictions(doc, customer.analysis.doc)
    )
