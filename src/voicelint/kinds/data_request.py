"""Kind ``data-request``: a draft that asks for personal or account data in public.

A request cue ("reply with", "comment your", "what's your") followed within a few words by an
item that identifies a person or an account (account number, last 4, email, address, PIN...), in a
sentence that does not point at a private channel ("DM us your order number") and is not a
warning ("never share your card number in a comment"); or, whatever the words, a question or a
request (the analysis's speech act) about the reader or their records that names such an item
("what's the best number to reach you on?", "which address was it shipped to?").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.analysis import lexicon as analysis_lexicon
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext
from voicelint.nlp import doc_text

NAME = "data-request"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "destination"})
WINDOW = 8  # words between the cue and the item
PUBLIC_PLACES = frozenset({"below", "here", "publicly"})  # "post it below": in this thread


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
            if channels and care.channels_in(doc_text(post.doc)[start:stop], channels):
                continue
            hits.append(Hit(start, stop, values={"destination": destination}))
        return hits

    return check


REQUESTS_KEY = "voicelint.care.public_requests"


def public_requests(doc: Any) -> list[tuple[int, int]]:
    """Token ranges from a public request cue to the data item it asks for (read once per Doc:
    the hand-off check asks too)."""
    found = doc.user_data.get(REQUESTS_KEY)
    if found is None:
        found = doc.user_data[REQUESTS_KEY] = tuple(_public_requests(doc))
    return list(found)


def _public_requests(doc: Any) -> list[tuple[int, int]]:
    cues = care.phrases("replies", "request")
    items = care.phrases("replies", "data_item")
    private = care.phrases("replies", "private")
    negation = care.phrases("replies", "negation")
    found: list[tuple[int, int]] = []
    # a cue inside a sentence is a cue of the whole Doc
    for first, end in care.sentences(doc) if cues.any_in(doc) else ():
        if private.any_in(doc, first, end):
            continue
        for cue in cues.find(doc, first, end):
            if any(cue.first < stop for _, stop in found if stop > first):
                continue
            if negation.any_in(doc, first, cue.first):
                continue
            if cue.first > first and doc[cue.first - 1].lower_ in NOUN_MARKERS:
                continue  # "deleting this post", "your comment": the cue word as a noun
            after = [
                s
                for s in items.find(doc, cue.end, end)
                if s.first < cue.end + WINDOW
                and not _where_to_reach(doc, s.first)
                and not _given(doc, s.end, end)
                and not _contact_verb(doc, s)
                and not (s.first > 0 and doc[s.first - 1].lower_ == "no")
            ]
            before = [s for s in items.find(doc, first, cue.first) if s.end <= cue.first]
            if after:
                longest = max(after, key=lambda s: (s.end, -(s.first)))
                found.append((cue.first, longest.end))
            elif (
                before
                and (
                    doc[cue.first].lower_ in PUBLIC_PLACES | {"in"}
                    or any(
                        doc[k].lower_ in PUBLIC_PLACES
                        for k in range(cue.end, min(end, cue.end + 3))
                    )
                )
                and not any(a <= before[-1].first < b for a, b in found)
            ):
                # "post your email in the comments": the cue follows the item; "got his plate?
                # post it below": the item before, where it goes after
                found.append((before[-1].first, cue.end))
    for first, end in asked_in_question(doc):
        if not any(a < end and first < b for a, b in found):
            found.append((first, end))
    return sorted(found)


def _self_service(norms: Any, first: int, end: int, words: Any) -> bool:
    """A request whose verb has the reader use their own data themselves ("check your address at
    x.example", "update your email in Settings"): it hands nothing to the brand."""
    start = first
    if norms[first] in GREETINGS:  # "Hi Sam, please delete your post": past the greeting
        start = next((i + 1 for i in range(first, end) if norms[i] == ","), first)
    content = [norms[i] for i in range(start, end) if norms[i].isalpha() and norms[i] != "please"]
    return bool(content) and content[0] in words["self_service"]


GREETINGS = frozenset(analysis_lexicon()["greetings"])


# Words before a cue that make it a noun: "this post", "your comment", "a reply".
NOUN_MARKERS = frozenset({"this", "that", "the", "a", "an", "your", "my", "our", "his", "her"})
GIVEN_TO = (("with", "you"), ("for", "you"), ("to", "you"))


def _given(doc: Any, stop: int, end: int) -> bool:
    """An item the brand hands the reader: "we'll leave the label info with you"."""
    following = tuple(t.lower_ for t in doc[stop : min(end, stop + 2)])
    return following in GIVEN_TO


CONTACT_VERBS = frozenset({"email", "e-mail", "phone", "text"})


def _contact_verb(doc: Any, span: Any) -> bool:
    """An item word used as the verb of a way to reach the brand: "tell the front desk or email
    members@gym.example", "phone 555-0100", "email us"."""
    if span.end - span.first != 1 or doc[span.first].lower_ not in CONTACT_VERBS:
        return False
    following = [t for t in doc[span.end : span.end + 2] if not t.is_space]
    return bool(following) and (
        following[0].like_email or following[0].like_num or following[0].lower_ in {"us", "our"}
    )


def _where_to_reach(doc: Any, index: int) -> bool:
    """An item right after "at", "via" or "on" says where to reach someone ("call at <phone>")."""
    prepositions = care.lexicon("replies")["data_question"]["channel_prepositions"]
    previous = [i for i in range(max(0, index - 2), index) if doc[i].text.strip("<>")]
    return bool(previous) and doc[previous[-1]].lower_ in prepositions


def asked_in_question(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of questions and requests that ask for the reader's data: a data item in a
    question or request about the reader ("what's the best number to reach you on?") or about their
    records ("the email on the account"), not sent to a private channel, not negated, not the
    brand's own place ("the address of your nearest store"), not a request that has the reader use
    it themselves ("check your address at x.example")."""
    words = care.lexicon("replies")["data_question"]
    items = care.phrases("replies", "data_item")
    private = care.phrases("replies", "private")
    negation = care.phrases("replies", "negation")
    norms = care.norms_of(doc)
    found: list[tuple[int, int]] = []
    if "number" not in norms and not items.any_in(doc):
        return found  # most posts name no data item: no need to read their sentences
    for sentence in care.acts(doc):
        first, end = sentence.first, sentence.end
        if sentence.act == "statement" or private.any_in(doc, first, end):
            continue
        if negation.any_in(doc, first, end) or care.hands_off_in(doc, first, end):
            continue
        if sentence.act == "request" and _self_service(norms, first, end, words):
            continue  # "check your address at x.example": the reader uses it, nobody asks for it
        candidates = [(s.first, s.end) for s in items.find(doc, first, end)]
        candidates += [
            (i, i + 1)
            for i in range(first, end)
            if norms[i] == "number"
            and any(
                norms[k] in words["number_context"]
                for k in range(max(first, i - 3), min(end, i + 4))
            )
        ]
        for start, stop in sorted(candidates, key=lambda c: (c[0], -c[1])):
            if _where_to_reach(doc, start):
                continue
            following = norms[stop : min(end, stop + 4)]
            if following[:1] == ["of"] and any(w in words["own_place"] for w in following):
                continue
            if " ".join(norms[start:stop]) in words["vague"]:
                continue  # "more details about the outage" asks for no personal data
            if any(w in words["device_use"] for w in following[:3]):
                continue  # "which phone are you using?": the device, not its number
            readers = "reader" in sentence.about
            records = any(w in words["of_the_customer"] for w in following[:2]) and any(
                w in words["records"] for w in norms[stop : min(end, stop + 5)]
            )
            # "which address...?", "what's the best number...?": the item is what is asked for
            asked = any(norms[k] in words["wh"] for k in range(max(first, start - 4), start))
            if readers or records or asked:
                found.append((first, stop))
                break
    return found
