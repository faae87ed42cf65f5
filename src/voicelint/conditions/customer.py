"""``customer: ...``: what the customer's message (``in_reply_to``) reports, or how it feels.

Values: ``complaint`` (negative valence, a negated praise word, any routing intent, or a problem
reported in words VADER does not score: "the app keeps crashing", "the code won't apply", "still
no reply"; ``care.complains``), ``positive`` (praise and no problem), ``harm`` (an injury, an adverse reaction, distress or addiction), ``hazard`` (a safety
hazard), ``threat`` (a legal step or a crisis),
``press`` (a reporter's question), and any routing intent by name (``billing``, ``order_status``,
``account_security``, ``legal_threat``, ``injury``, ``adverse_event``, ``medical_question``,
``press_inquiry``, ``crisis``, ``distress``, ``safety_hazard``, ``privacy``). Intents come from the routing lexicon, valence from VADER.
"""

from __future__ import annotations

from typing import Any

from voicelint import care
from voicelint.model import INTENTS

NAME = "customer"
GROUPS = {
    "harm": frozenset({"injury", "adverse_event", "distress"}),
    "hazard": frozenset({"safety_hazard"}),
    "threat": frozenset({"legal_threat", "crisis"}),
    "press": frozenset({"press_inquiry"}),
}
VALUES = ("complaint", "positive", *GROUPS, *INTENTS)
POST_WIDE = True  # the same for every hit of a post


def holds(view: Any, value: str) -> bool:
    customer = view.post.customer
    if customer is None:
        return False
    if value == "complaint":
        return care.complains(customer)
    if value == "positive":
        return customer.valence > 0.3 and not care.complains(customer)
    return bool(customer.intents & GROUPS.get(value, frozenset({value})))
