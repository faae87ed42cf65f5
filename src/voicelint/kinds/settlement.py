"""Kind ``settlement``: a reply that settles a private matter in public.

Confirming that someone looked at the customer's account ("we've reviewed your account"), stating a
refund, reversal or credit done ("the fee has been reversed"), an amount tied to the customer
("$35 back to you"), or the state of their order or booking ("your order shipped Tuesday") tells
everyone about one customer's business; for a bank, confirming someone is a customer is already
nonpublic personal information (GLBA / Reg P). General answers ("refunds take 5-7 business days", "when you leave us, any credit is refunded")
and offers that hand off ("DM us so we can check your order") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from voicelint import care
from voicelint.analysis import COPULAS
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext
from voicelint.nlp import is_verb_form, tokens

NAME = "settlement"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "destination"})
MONEY = re.compile(
    r"[$€£]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)?\s?(?:dollars|usd|eur|gbp)\b", re.I
)
# words before a look-up or an action that make it an offer or a condition, not a done deed
CONDITIONAL = frozenset(
    {
        "so",
        "to",
        "if",
        "once",
        "when",
        "then",
        "can",
        "could",
        "will",
        "'ll",
        "would",
        "'d",
        "may",
        "might",
        "let",
        "help",
        "please",
        "happy",
        "glad",
        "can't",
        "ca",
        "n't",
        "not",
        "after",
        "before",
        "until",
    }
)
SUBJECTS = frozenset({"we", "i", "'ve", "have", "has", "team", "just", "already"})
LOOK_AHEAD = 6
MARKER_WINDOW = 5  # "we've reviewed your account and reversed": the perfect carries over "and"


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}

    def check(post: PostContext) -> list[Hit]:
        if post.post.kind != "reply":
            return []
        intents = detect(post.post.in_reply_to)
        customer = post.customer
        said = frozenset(tokens(customer.analysis.doc).lowers) if customer else frozenset()
        spans = settled(post.doc, post.post.text, bool(intents), said)
        if not spans:
            return []
        destination = care.destination_text(care.reply_destination(intents, routing), channels)
        return [Hit(start, end, values={"destination": destination}) for start, end in spans]

    return check


def settled(
    doc: Any, text: str, private_matter: bool = True, said: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Character spans where a draft settles the customer's own matter.

    A look-up, an action done or "our records show" settle it whatever the customer wrote; the
    state of "your order" or an amount only when the customer's message raised a private matter
    ("your order is on its way!" to "just ordered, so excited" is a cheer, not a disclosure).
    An action still to come in its clause ("we'll make sure it's removed", "after it's
    approved"), or done in the very word the customer used ("the card was declined" to "my card
    got declined") with no look-up of ours in the sentence ("we've checked and..."), discloses
    nothing; ``said`` holds the customer's words.
    """
    lookups = care.phrases("replies", "lookup_done")
    nouns = care.phrases("replies", "account_noun")
    records = care.phrases("replies", "records_show")
    actions = care.phrases("replies", "action_done")
    markers = care.phrases("replies", "done_marker")
    states = care.phrases("replies", "personal_state")
    state_verbs = care.phrases("replies", "state_verb")
    money_words = care.phrases("replies", "money_word")
    found: list[tuple[int, int]] = []
    for first, end in care.sentences(doc):
        if care.generic(doc, first, end):
            continue  # "any credit is usually refunded within 14 days": the policy in general
        words = tokens(doc).lowers[first:end]
        for span in lookups.find(doc, first, end):
            if _conditional(doc, first, span.first) or not _subject(doc, first, span.first):
                continue
            owned = [
                n
                for n in nouns.find(doc, span.end, min(end, span.end + LOOK_AHEAD))
                if _owned(doc, span.end, n.first)
            ]
            if owned:
                found.append(care.char_span(doc, span.first, owned[0].end))
        for span in records.find(doc, first, end):
            if _planned(doc, first, span.first) or care.hands_off_in(doc, first, end):
                continue  # "DM us so we can check what happened on our end": a plan, not a finding
            found.append(care.char_span(doc, span.first, span.end))
        personal = "your" in words or "you" in words or nouns.any_in(doc, first, end)
        for span in actions.find(doc, first, end):
            if not personal or _planned(doc, first, span.first):
                continue  # "please email us and we'll make sure it's removed": still to come
            if tokens(doc).lowers[span.first] in said and not lookups.any_in(doc, first, end):
                continue  # "an appointment we cancelled" to "you cancelled it": their own news
            if care.reported_back(doc, first, span.first):
                continue  # "sorry to hear your flight was cancelled": their news, not our deed
            if _classified(doc, first, span.first):
                continue  # "it's a tax credit you claim": what a thing is, not a deed done
            if markers.any_in(doc, max(first, span.first - MARKER_WINDOW), span.first):
                found.append(care.char_span(doc, span.first, span.end))
        if not private_matter:
            continue
        if "your" in words and "?" not in words and not care.hands_off_in(doc, first, end):
            for state in states.find(doc, first, end):
                if state.end < end and doc[state.end].lower_ in ("number", "#", "id", "page"):
                    continue
                later = state_verbs.find(doc, state.end, end)
                if care.reported_back(doc, first, state.first):
                    continue  # "sorry to hear your appointment was cancelled"
                if later and not _conditional(doc, first, later[0].first):
                    found.append(care.char_span(doc, state.first, later[0].end))
        if ("your" in words or actions.any_in(doc, first, end)) and money_words.any_in(
            doc, first, end
        ):
            start, stop = care.char_span(doc, first, end)
            for money in MONEY.finditer(text, start, stop):
                found.append(money.span())
    return _merge(found)


ARTICLES = frozenset({"a", "an"})


def _classified(doc: Any, sentence_start: int, index: int) -> bool:
    """An action noun in a copula's indefinite complement ("it's a federal tax credit", "that is
    a refund"): it says what something is, where "a credit has been applied" reports a deed."""
    lowers = tokens(doc).lowers
    if is_verb_form(lowers[index]):
        return False
    for i in range(index - 1, max(sentence_start, index - 4) - 1, -1):
        if lowers[i] in ARTICLES:
            return i > sentence_start and lowers[i - 1] in COPULAS
        if not lowers[i].isalpha() or is_verb_form(lowers[i]):
            return False
    return False


def _conditional(doc: Any, sentence_start: int, index: int) -> bool:
    return any(doc[i].lower_ in CONDITIONAL for i in range(max(sentence_start, index - 4), index))


def _planned(doc: Any, sentence_start: int, index: int) -> bool:
    """A look at the records still to come ("so we can check what happened on our end"): a
    word of intent or condition anywhere in the clause before the phrase."""
    for i in range(index - 1, sentence_start - 1, -1):
        if doc[i].lower_ in care.CLAUSE_BREAKS:
            return False
        if doc[i].lower_ in CONDITIONAL:
            return True
    return False


def _subject(doc: Any, sentence_start: int, index: int) -> bool:
    return any(doc[i].lower_ in SUBJECTS for i in range(max(sentence_start, index - 3), index))


def _owned(doc: Any, start: int, index: int) -> bool:
    """The noun belongs to the customer: "your", "the", "this" stands before it."""
    return any(doc[i].lower_ in ("your", "the", "this", "that") for i in range(start, index))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
