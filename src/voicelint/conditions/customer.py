"""``customer: ...``: what the customer's message (``in_reply_to``) reports, or how it feels.

Values: ``grievance`` (a complaint of the customer's own: an intent other than a medical question,
a problem reported or sarcasm; a negative word in a message that laughs or likes is banter:
``care.aggrieved``), ``complaint`` (negative valence, a negated praise word, any routing intent, or a problem
reported in words VADER does not score: "the app keeps crashing", "the code won't apply", "still
no reply"; ``care.complains``), ``positive`` (praise or delight, "omg finally got front row, I'm screaming", and no problem), ``harm`` (an injury, an adverse reaction, distress or addiction), ``hazard`` (a safety
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
VALUES = ("grievance", "complaint", "positive", *GROUPS, *INTENTS)
POST_WIDE = True  # the same for every hit of a post


def holds(view: Any, value: str) -> bool:
    customer = view.post.customer
    if customer is None:
        return False
    if value == "grievance":
        return care.aggrieved(customer)
    if value == "complaint":
        return care.complains(customer)
    if value == "positive":
        return not care.complains(customer) and (
            customer.valence > 0.3 or care.delighted(customer.analysis.doc)
        )
    return bool(customer.intents & GROUPS.get(value, frozenset({value})))
