"""Kind ``handoff``: a reply that keeps a privately routed matter in public instead of handing it off.

The customer's message (``in_reply_to``) is read for routing intents; for each intent the policy
routes (escalations are always routed), the draft must hand off where the policy says (DM, a call,
the support handle, a secure link, the press address). A draft that stays general (thanks, an
apology) is left alone for billing, order and account matters; a draft that offers another route
(DM where the policy says phone) and any draft on a legal, injury, safety-hazard, adverse-event,
medical, press, privacy, distress or crisis matter needs the policy's route. A hand-off is a
mechanism (``care.hands_off_in``): a private channel, a request to make contact, the brand as who
makes contact, a team named by its role, or the policy's own channels. A legal threat handed to
the legal route takes the matter it is about with it (the injury, the bill).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext
from voicelint.kinds.data_request import public_requests

NAME = "handoff"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "intent", "destination"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}

    def check(post: PostContext) -> list[Hit]:
        if post.post.kind != "reply" or not post.doc.text.strip():
            return []
        intents = detect(post.post.in_reply_to)
        if not intents or public_requests(post.doc):
            return []  # a public request for data is reported by its own rule
        legal = care.route_of("legal_threat", routing)
        if (
            "legal_threat" in intents
            and legal is not None
            and care.hands_off(post.doc, post.post.text, channels, legal, "legal_threat")
        ):
            return []  # once counsel has it, the injury or the bill it is about goes there too
        for intent in care.by_priority(intents):
            destination = care.route_of(intent, routing)
            if destination is None:
                continue
            if care.hands_off(post.doc, post.post.text, channels, destination, intent):
                continue
            offers_other_route = care.hands_off(post.doc, post.post.text, channels, "dm")
            if (
                intent not in care.ESCALATIONS
                and not offers_other_route
                and not engages(post.doc, intent)
            ):
                continue
            start, stop = care.char_span(post.doc, 0, len(post.doc))
            return [Hit(start, stop, values=values(intent, destination, channels))]
        return []

    return check


# a state after an apology describes the customer's feeling, not the matter ("sorry it was
# frustrating"); after no apology it reports on the matter ("the fee was charged in error")
STATIVE = frozenset({"was", "were", "has", "have", "'ve", "been"})


def engages(doc: Any, intent: str) -> bool:
    """Whether a draft takes up the matter (a commitment, a statement, the matter's own words)."""
    topic = care.lexicon("replies")["topic"].get(intent)
    if topic is not None and care.phrases("replies", "topic", intent).any_in(doc):
        return True
    norms = care.norms_of(doc)
    courtesy = care.phrases("replies", "courtesy")
    for first, end in care.sentences(doc):
        polite = [c.first for c in courtesy.find(doc, first, end)]
        for match in care.phrases("replies", "engage").find(doc, first, end):
            if polite and polite[0] < match.first and norms[match.first] in STATIVE:
                continue
            return True
    return False


def values(intent: str, destination: str, channels: Mapping[str, str]) -> dict[str, str]:
    return {
        "intent": care.intent_label(intent),
        "destination": care.destination_text(destination, channels),
    }
