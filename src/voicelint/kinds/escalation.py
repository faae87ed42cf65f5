"""Kind ``escalation``: on a legal, injury, adverse-event, medical, press or crisis matter, a reply
that admits fault, speculates on the cause, gives medical advice, makes light of it, or makes a
statement, where it should only express concern and route the matter as the policy says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext

NAME = "escalation"
# what the reply must not do -> the customer intents it applies to
CHECKS = {
    "fault": ("legal_threat", "injury", "adverse_event", "press_inquiry", "crisis"),
    "cause": ("legal_threat", "injury", "adverse_event", "press_inquiry"),
    "advice": ("adverse_event", "medical_question", "injury"),
    "levity": ("legal_threat", "injury", "adverse_event", "crisis", "medical_question"),
    "statement": ("legal_threat", "press_inquiry"),
}
PARAMS = {
    "check": Param(
        (str,),
        "what the reply must not do: fault, cause, advice, levity or statement",
        required=True,
        choices=tuple(CHECKS),
    ),
}
MESSAGE_VARS = frozenset({"match", "intent", "destination"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    which = params["check"]
    if which not in CHECKS:
        raise KindError("check", f'unknown check "{which}"')
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}
    applies = CHECKS[which]

    def check(post: PostContext) -> list[Hit]:
        if post.post.kind != "reply":
            return []
        intents = [i for i in applies if i in detect(post.post.in_reply_to)]
        if not intents:
            return []
        intent = intents[0]
        destination = care.route_of(intent, routing) or "dm"
        values = {
            "intent": care.intent_label(intent),
            "destination": care.destination_text(destination, channels),
        }
        return [Hit(start, end, values=values) for start, end in _spans(which, post.doc)]

    return check


def _spans(which: str, doc: Any) -> list[tuple[int, int]]:
    spans = [care.char_span(doc, s.first, s.end) for s in care.phrases("replies", which).find(doc)]
    if which == "levity":
        emoji = care.lexicon("replies")["levity"]["emoji"]
        for symbol in emoji:
            index = doc.text.find(symbol)
            if index >= 0:
                spans.append((index, index + len(symbol)))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
