"""Kind ``data-request``: a draft that asks for personal or account data in public.

A request cue ("reply with", "comment your", "what's your") followed within a few words by an
item that identifies a person or an account (account number, last 4, email, address, PIN...), in a
sentence that does not point at a private channel ("DM us your order number") and is not a
warning ("never share your card number in a comment").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext

NAME = "data-request"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "destination"})
WINDOW = 8  # words between the cue and the item


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}

    def check(post: PostContext) -> list[Hit]:
        found = public_requests(post.doc)
        if not found:
            return []
        intents = detect(post.post.in_reply_to) if post.post.kind == "reply" else frozenset()
        destination = care.destination_text(care.reply_destination(intents, routing), channels)
        hits = []
        for first, end in found:
            start, stop = care.char_span(post.doc, first, end)
            if channels and care.channels_in(post.doc.text[start:stop], channels):
                continue
            hits.append(Hit(start, stop, values={"destination": destination}))
        return hits

    return check


def public_requests(doc: Any) -> list[tuple[int, int]]:
    """Token ranges from a public request cue to the data item it asks for."""
    cues = care.phrases("replies", "request")
    items = care.phrases("replies", "data_item")
    private = care.phrases("replies", "private")
    negation = care.phrases("replies", "negation")
    found: list[tuple[int, int]] = []
    if not cues.any_in(doc):
        return found  # a cue inside a sentence is a cue of the whole Doc
    for first, end in care.sentences(doc):
        if private.any_in(doc, first, end):
            continue
        for cue in cues.find(doc, first, end):
            if any(cue.first < stop for _, stop in found if stop > first):
                continue
            if negation.any_in(doc, first, cue.first):
                continue
            after = [s for s in items.find(doc, cue.end, end) if s.first < cue.end + WINDOW]
            before = [s for s in items.find(doc, first, cue.first) if s.end <= cue.first]
            if after:
                longest = max(after, key=lambda s: (s.end, -(s.first)))
                found.append((cue.first, longest.end))
            elif (
                before
                and doc[cue.first].lower_ in ("in", "publicly", "here", "below")
                and not any(a <= before[-1].first < b for a, b in found)
            ):
                # "post your email in the comments": the cue follows the item
                found.append((before[-1].first, cue.end))
    return found
