"""Kind ``handoff``: a reply that keeps a privately routed matter in public instead of handing it off.

The customer's message (``in_reply_to``) is read for routing intents; for each intent the policy
routes (escalations are always routed), the draft must hand off where the policy says (DM, a call,
the support handle, a secure link, the press address). A draft that stays general (thanks, an
apology) is left alone for billing, order and account matters; a draft that offers another route
(DM where the policy says phone) and any draft on a legal, injury, safety-hazard, adverse-event,
medical, press, privacy, distress or crisis matter needs the policy's route. A hand-off is a
mechanism (``care.hands_off_in``): a private channel, a request to make contact, the brand as who
makes contact, a team named by its role, or the policy's own channels. A legal threat handed to
the legal route takes the matter it is about with it (the injury, the bill). A message that only
asks how things work or what lies ahead, or praise the reply thanks ("thanks for the kind words"),
holds no billing, order or account matter of its own: answering it in public is no matter kept in
public. Nor does a customer's check whether a message is really the brand's, answered by saying it
is not ("that's not us, we'll never ask for your card by text").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext
from voicelint.kinds.data_request import public_requests
from voicelint.nlp import doc_text

NAME = "handoff"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "intent", "destination"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}

    def check(post: PostContext) -> list[Hit]:
        if post.post.kind != "reply" or not doc_text(post.doc).strip():
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
        general = _general(post.customer) or care.phrases("replies", "praise_thanks").any_in(
            post.doc
        )  # praise thanked: "thanks for the kind words, we'll pass them on"
        for intent in care.by_priority(intents):
            destination = care.route_of(intent, routing)
            if destination is None:
                continue
            if general and intent in care.PERSONAL_INTENTS:
                continue  # a question about how things work, or praise: no account in hand
            if intent == "account_security" and _disowns_a_message(post):
                continue  # "got a text asking for my card, legit?" - "that's not us": answered
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


# what a brand would "never" do by a message it did not send: "we'll never ask for your PIN"
NEVER_ASKS = frozenset(
    {"ask", "asks", "send", "sends", "text", "email", "call", "request", "message"}
)
NOT = frozenset({"not", "n't", "never"})


def _disowns_a_message(post: PostContext) -> bool:
    """A reply that tells a customer who asks whether a message is really the brand's
    (``lexicons/routing/replies.yaml``: ``argue.verify``: "legit?", "is this really you?") that
    it is not: "that's not us", "it isn't from us", "we'll never ask for card details by text".
    Saying so in public is the answer a check asks for; a reply that confirms the message ("yes,
    that's us, follow the link") disowns nothing and is held to the route."""
    said = post.customer
    if said is None or not care.phrases("replies", "argue", "verify").any_in(said.analysis.doc):
        return False
    norms = [n for n in care.norms_of(post.doc) if n.strip()]
    for k, word in enumerate(norms):
        if word not in NOT:
            continue
        ahead = norms[k + 1 : k + 4]
        if "us" in ahead[:2] or (word == "never" and any(w in NEVER_ASKS for w in ahead)):
            return True
    return False


# a state after an apology describes the customer's feeling, not the matter ("sorry it was
# frustrating"); after no apology it reports on the matter ("the fee was charged in error")
STATIVE = frozenset({"was", "were", "has", "have", "'ve", "been"})


def _general(customer: Any) -> bool:
    """Whether the customer's message raises no matter of their own to take private: questions
    only, about what lies ahead or how the product works ("do I get auto renewed?", "can I get an
    advance with bad credit?"), none asking after the customer's own thing ("where is my
    refund?"). A billing, order or account answer to these is public information."""
    if customer is None:
        return False
    doc = customer.analysis.doc
    return care.asks_ahead(doc) and not _asks_status(care.norms_of(doc))


STATUS = frozenset({"where", "wheres", "where's"})  # "where is my refund??": a status asked
STATUS_AUXILIARIES = frozenset({"will", "is", "does", "do", "can", "'s", "are"})


def _asks_status(norms: list[str]) -> bool:
    """ "where is my refund?", "when will my card arrive?": the customer's own matter asked after,
    not how things work."""
    for i, word in enumerate(norms):
        if word in STATUS:
            return True
        if word == "when" and norms[i + 1 : i + 2] and norms[i + 1] in STATUS_AUXILIARIES:
            return True
    return False


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
