"""What a customer-care reply says and where a private matter should go, from the routing lexicons.

Shared by the care-routing kinds: phrase lists from ``lexicons/routing/*.yaml`` matched on a Doc's
lemmas (or exact lower-cased forms), sentences, hand-offs, and the policy's destination for each
intent put in words ("DM via @AcmeHelp", "press@acme.example").

Many rules ask of one Doc, so its words (with where each occurs) and its sentences are worked out
once and kept in the Doc's ``user_data``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.analysis import (
    NEGATIVE_WORD,
    non_apology,
    phrase_list,
    split_sentences,
    valence_of_word,
)
from voicelint.analysis import _about as speaks_of
from voicelint.analysis import _act as speech_act
from voicelint.analysis import lexicon as analysis_words
from voicelint.model import INTENTS
from voicelint.nlp import PhraseList as Phrases
from voicelint.nlp import Span, doc_text, is_verb_form, tokens

# Intents that are the customer's own business (billing, an order, an account); the rest escalate.
PERSONAL_INTENTS = frozenset({"billing", "order_status", "account_security"})
# What a customer reports that is harm to a person: nothing may be sold, given or laughed at it.
HARM_INTENTS = ("crisis", "distress", "injury", "safety_hazard", "adverse_event")
# Intents whose public reply must route and say nothing else (legal, safety, press, crisis).
ESCALATIONS = (
    "legal_threat",
    "injury",
    "safety_hazard",
    "adverse_event",
    "medical_question",
    "press_inquiry",
    "crisis",
    "distress",
    "privacy",
)
INTENT_LABELS = {
    "billing": "a billing",
    "order_status": "an order",
    "account_security": "an account-security",
    "legal_threat": "a legal",
    "injury": "an injury",
    "safety_hazard": "a safety-hazard",
    "distress": "a distress",
    "privacy": "a privacy",
    "adverse_event": "an adverse-event",
    "medical_question": "a medical",
    "press_inquiry": "a press",
    "crisis": "a crisis",
}
# Where an escalation goes when the policy does not route it.
DEFAULT_ROUTES = {
    "legal_threat": "legal",
    "injury": "safety",
    "safety_hazard": "safety",
    "adverse_event": "safety",
    "distress": "support",
    "privacy": "dm",
    "medical_question": "support",
    "press_inquiry": "press",
    "crisis": "phone",
}
ANALYSIS_KEY = "voicelint.care.analysis"
SENTENCES_KEY = "voicelint.care.sentences"
COMPLAINS_KEY = "voicelint.care.complains"


@cache
def lexicon(name: str) -> dict[str, Any]:
    return lexicon_file.load(f"routing/{name}")


@cache
def phrases(lexicon_name: str, *path: str) -> Phrases:
    """A phrase list of ``lexicons/routing/NAME.yaml``, in the one matcher engine."""
    value: Any = lexicon(lexicon_name)
    for part in path:
        value = value[part]
    return Phrases.of(value, name=":".join((lexicon_name, *path)))


@dataclass(frozen=True)
class Said:
    """One sentence of a Doc as the care checks read it: its tokens ``[first, end)``, its speech act
    and whom it is about, from the analysis's one splitter and word classes (the rest of the
    analysis, VADER and certainty, is not needed here and costs most of its time)."""

    first: int
    end: int
    act: str
    about: frozenset[str]


def acts(doc: Any) -> list[Said]:
    """The Doc's sentences with their acts, read once per Doc."""
    found = doc.user_data.get(ANALYSIS_KEY)
    if found is None:
        words, norms = analysis_words(), tokens(doc).norms
        found = doc.user_data[ANALYSIS_KEY] = tuple(
            Said(a, b, speech_act(norms, a, b, words), frozenset(speaks_of(norms, a, b, words)))
            for a, b in split_sentences(doc)
        )
    return list(found)


def sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences, from the analysis's one splitter."""
    if SENTENCES_KEY not in doc.user_data:
        doc.user_data[SENTENCES_KEY] = tuple(split_sentences(doc))
    return list(doc.user_data[SENTENCES_KEY])


def char_span(doc: Any, first: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``[first, end)``, without trailing space or sentence punctuation."""
    while end - 1 > first and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    while first < end - 1 and doc[first].is_space:
        first += 1
    return doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)


def channels_in(text: str, channels: Mapping[str, str]) -> set[str]:
    """The policy's channels (support handle, phone, addresses, links) that a text names."""
    lower, digits = text.lower(), re.sub(r"\D", "", text)
    named = set()
    for key, value in channels.items():
        value = str(value).strip()
        if not value:
            continue
        value_digits = re.sub(r"\D", "", value)
        if re.search(r"[a-z@]", value.lower()):
            if value.lower().rstrip("/") in lower:
                named.add(key)
        elif len(value_digits) >= 7 and value_digits[-10:] in digits:
            named.add(key)
    return named


def hands_off(
    doc: Any, text: str, channels: Mapping[str, str], destination: str, intent: str = ""
) -> bool:
    """Whether a draft moves the matter where the policy routes it."""
    named = channels_in(text, channels)
    if intent == "medical_question" and phrases("replies", "medical_referral").any_in(doc):
        return True
    if intent in ("distress", "crisis") and named:
        return True  # any of the brand's own lines (a crisis line alone is no hand-off to it)
    if destination == "press":
        return "press" in named or phrases("replies", "press_handoff").any_in(doc)
    if destination == "phone":
        # the official number, where the policy has one: "call us" sends people searching, and
        # impersonators publish look-alike numbers (FDIC consumer guidance)
        if channels.get("phone"):
            return "phone" in named
        return phrases("replies", "phone_handoff").any_in(doc)
    return bool(named) or hands_off_in(doc)


def hands_off_in(doc: Any, first: int = 0, end: int | None = None) -> bool:
    """Whether a sentence of tokens ``[first, end)`` moves the matter to a private channel.

    It names a private channel (DM, inbox, a secure link); or it asks the reader to make contact (a
    request with a contact verb: "give us a call", "reach out"); or the brand or one of its people
    is who makes contact ("we'll be in touch", "a member of our team will reach out"); or it names
    a team by its role ("our safety team", "media relations"). A request need not open the sentence:
    "please" or "us" next to the contact verb makes one.
    """
    end = len(doc) if end is None else end
    if any(
        not (norms_of(doc)[s.first] == "pm" and s.first > 0 and doc[s.first - 1].like_num)
        for s in phrases("replies", "handoff", "private_channel").find(doc, first, end)
    ):
        return True  # "PM us", not "3pm"
    if _team(doc, first, end):
        return True
    contacts = phrases("replies", "handoff", "contact").find(doc, first, end)
    if not contacts:
        return False
    makers = lexicon("replies")["handoff"]["makers"]
    norms = tokens(doc).norms
    for sentence in acts(doc):
        if sentence.end <= first or sentence.first >= end:
            continue
        inside = [c for c in contacts if sentence.first <= c.first < sentence.end]
        if not inside:
            continue
        if sentence.act == "request":
            return True
        # a request inside the sentence: "sorry, please write to us", "give us a call"
        for contact in inside:
            near = range(max(sentence.first, contact.first - 3), min(sentence.end, contact.end + 2))
            if any(norms[i] in ("us", "please") for i in near):
                return True
        if any(norms[i] in makers for i in range(sentence.first, inside[0].first)):
            return True
    return False


def norms_of(doc: Any) -> list[str]:
    return tokens(doc).norms


def _team(doc: Any, first: int, end: int) -> bool:
    """A team named by its role: a role word right before a team noun ("support team")."""
    roles = phrases("replies", "handoff", "team_role").find(doc, first, end)
    if not roles:
        return False
    nouns = {s.first for s in phrases("replies", "handoff", "team_noun").find(doc, first, end)}
    return any(r.end in nouns for r in roles)


def destination_text(destination: str, channels: Mapping[str, str]) -> str:
    """Where the policy sends a matter, in words a copywriter can act on."""
    channel = channels.get(destination)
    support = channels.get("support")
    if destination == "dm":
        via = channels.get("dm") or support
        return f"DM via {via}" if via else "DM"
    if destination == "phone":
        return f"a call to {channel}" if channel else "a phone call"
    if destination == "support":
        # a bare handle reads as a verb's object ("ask for it by @AcmeHelp"): name the team
        if channel:
            return f"the support team at {channel}"
        return f"DM via {support}" if support else "the support team"
    if destination == "email":
        return f"email at {channel}" if channel else "email"
    if destination == "web":
        return f"the secure form at {channel}" if channel else "the secure web form"
    if destination == "press":
        where = channel or "the press office"
        return f"{where}, and make no statement"
    team = {"legal": "the legal team", "safety": "the safety team"}.get(destination, destination)
    if channel:
        return f"{team} at {channel}"
    return f"{team} (by DM via {support})" if support else team


def route_of(intent: str, routing: Mapping[str, str]) -> str | None:
    """The policy's destination for an intent; escalations have a default, others need the policy."""
    return routing.get(intent) or DEFAULT_ROUTES.get(intent)


def intent_label(intent: str) -> str:
    """An intent with its article, for messages: "an injury" (matter)."""
    return INTENT_LABELS.get(intent, intent)


# most serious first: a finding names the matter that most needs its route, the same in every run
PRIORITY = INTENTS


def by_priority(intents: Iterable[str]) -> list[str]:
    """Intents, most serious first (a set's own order changes from one process to the next)."""
    return sorted(intents, key=lambda i: (PRIORITY.index(i) if i in PRIORITY else len(PRIORITY), i))


def reply_destination(intents: Iterable[str], routing: Mapping[str, str]) -> str:
    """Where a customer's details go: the first routed one-to-one channel of the intents, else DM."""
    for intent in by_priority(intents):
        destination = routing.get(intent)
        if destination and destination not in ("press", "legal"):
            return destination
    return "dm"


# --- what a reply does with the customer's report (the escalation kind's mechanisms) ----------

BE_FORMS = frozenset({"be", "is", "'s", "was", "are", "'re", "were"})
# words between a negation and what it denies that make it a wish, not a denial ("we never want
# that to happen", "that should never happen")
WISHES = frozenset({"want", "wish", "would", "should", "like", "expect", "supposed", "mean", "to"})
CONDITIONS = frozenset({"if", "whether", "unless", "when"})
# a modal before a negation makes a refusal ("we can't offer refunds"), not a denial of a fact
REFUSALS = frozenset({"can", "ca", "could", "will", "wo", "would", "shall", "able"})
# YAML reads an unquoted ``no`` as false, and the analysis lexicon's negators lost it; the
# care mechanisms count it themselves
NEGATORS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "without",
        "nobody",
        "none",
        "nothing",
        "neither",
        "nor",
        "cannot",
    }
)
CLAUSE_BREAKS = frozenset({",", ";", ":", "but", "however", "although", "though", ".", "!", "?"})
NEGATION_WINDOW = 6


def negation_scope(doc: Any, first: int, end: int) -> dict[int, int]:
    """Token -> the negation cue that governs it, in tokens ``[first, end)`` (NegEx: six words
    after the cue, to the end of its clause)."""
    norms = tokens(doc).norms
    scope: dict[int, int] = {}
    for i in range(first, end):
        if norms[i] not in NEGATORS:
            continue
        counted, j = 0, i + 1
        while j < end and counted < NEGATION_WINDOW and norms[j] not in CLAUSE_BREAKS:
            scope.setdefault(j, i)
            counted += bool(norms[j].strip())
            j += 1
    return scope


# a negation that instructs the reader ("please don't post it", "do not reply") or that marks an
# absence ("two years without a reading") denies nothing the customer said
INSTRUCTING_LEADS = frozenset({"please", "and", "but", "so", "just", ",", "also", "then"})


def _instructs(norms: list[str], cue: int, first: int) -> bool:
    if norms[cue] == "without":
        return True
    if norms[cue] == "n't" and cue > first and norms[cue - 1] in {"do", "ca"}:
        cue -= 1  # "don't" is read as "do" + "n't"
    elif norms[cue] == "not" and cue > first and norms[cue - 1] == "do":
        cue -= 1
    elif norms[cue] not in {"never", "dont"}:
        return False
    lead = cue - 1
    while lead >= first and not norms[lead].strip():
        lead -= 1
    return lead < first or norms[lead] in INSTRUCTING_LEADS


def _wish(norms: list[str], cue: int, target: int, first: int) -> bool:
    return any(norms[i] in WISHES for i in range(max(first, cue - 2), target))


def admissions(doc: Any) -> list[tuple[int, int]]:
    """Token ranges where the brand admits fault: "our mistake", "we messed up", "the driver made
    an error", "we're responsible", "that's on us" (not negated, not in a question)."""
    words = lexicon("replies")
    fault = words["fault"]
    owners = set(fault["owners"])
    makers = set(fault["makers"]) | set(words["staff"])
    table = tokens(doc)
    norms, lemmas = table.norms, table.lemmas
    found: list[tuple[int, int]] = []
    for s in acts(doc):
        if s.act == "question":
            continue
        negated = negation_scope(doc, s.first, s.end)
        for n in phrases("replies", "fault", "nouns").find(doc, s.first, s.end):
            owner = n.first - 1
            if owner >= s.first and norms[owner] in owners and owner not in negated:
                found.append((owner, n.end))
        for v in phrases("replies", "fault", "verbs").find(doc, s.first, s.end):
            if v.first in negated:
                continue
            subject = [
                i
                for i in range(max(s.first, v.first - 4), v.first)
                if norms[i] in makers or lemmas[i] in makers
            ]
            if subject:
                found.append((subject[0], v.end))
        for i in range(s.first, s.end - 3):
            if (
                norms[i] in ("that", "this", "it")
                and norms[i + 1] in BE_FORMS
                and norms[i + 2] == "on"
                and norms[i + 3] in ("us", "me")
                and (i + 4 >= s.end or not norms[i + 4].isalpha())
                and i not in negated
            ):
                found.append((i, i + 4))
    return found


def tautologies(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of a tautology ("hot coffee is hot", "rules are rules"): a content word said
    again across a form of "be", a shrug dressed as a joke."""
    table = tokens(doc)
    norms = table.norms
    found: list[tuple[int, int]] = []
    for s in acts(doc):
        for i in range(s.first, s.end):
            if not norms[i].isalpha() or doc[i].is_stop:
                continue
            for j in range(i + 2, min(s.end, i + 5)):
                if norms[j] == norms[i] and any(norms[k] in BE_FORMS for k in range(i + 1, j)):
                    found.append((i, j + 1))
    return found


def reassurances(doc: Any) -> list[tuple[int, int]]:
    """Token ranges where a worry is negated ("nothing to worry about", "no need to panic"), in a
    sentence that does not hand off."""
    worry = phrases("replies", "worry")
    found: list[tuple[int, int]] = []
    for s in acts(doc):
        spans = worry.find(doc, s.first, s.end)
        if not spans:
            continue
        negated = negation_scope(doc, s.first, s.end)
        for span in spans:
            cue = negated.get(span.first)
            if cue is not None and not hands_off_in(doc, s.first, s.end):
                found.append((cue, span.end))
    return found


def compensations(doc: Any) -> list[tuple[int, int]]:
    """Token ranges where a reply offers something of value: a voucher, a discount, points,
    "free", "complimentary", "on us" (not "feel free", not "that's on us")."""
    norms = tokens(doc).norms
    exceptions = phrases("replies", "compensation", "not_free").find(doc)
    found: list[tuple[int, int]] = []
    for s in acts(doc):
        negated = negation_scope(doc, s.first, s.end)
        for kind in ("nouns", "free"):
            for span in phrases("replies", "compensation", kind).find(doc, s.first, s.end):
                if span.first in negated or any(e.first <= span.first < e.end for e in exceptions):
                    continue
                if kind == "free" and _channel_cost(doc, s.first, s.end, span):
                    continue  # "the helpline is free on 0808...": what a call costs, no gift
                if norms[span.first] == "points" and not _reward_points(norms, span.first):
                    continue  # "we inspect for entry points": no reward
                if (
                    norms[span.first] == "on"
                    and span.first >= 2
                    and norms[span.first - 1] in BE_FORMS
                    and norms[span.first - 2] in ("that", "this", "it")
                ):
                    continue  # "that's on us" admits; it gives nothing
                stop = span.end
                if (
                    kind == "free"
                    and stop < s.end
                    and norms[stop].isalpha()
                    and not doc[stop].is_stop
                ):
                    stop += 1  # what is given: "a free pastry", "complimentary drinks"
                found.append((span.first, stop))
    return found


# "points" are a reward with a quantity or a reward word before them ("500 points", "bonus
# points"), not "entry points" or "pain points"
REWARD_POINTS = frozenset(
    {
        "bonus",
        "reward",
        "rewards",
        "loyalty",
        "extra",
        "double",
        "triple",
        "some",
        "free",
        "club",
        "member",
        "star",
        "thousand",
        "hundred",
        "k",
    }
)


def _reward_points(norms: Sequence[str], i: int) -> bool:
    previous = norms[i - 1] if i else ""
    return previous in REWARD_POINTS or previous[:1].isdigit()


def promotions(doc: Any) -> list[tuple[int, int]]:
    """Token ranges where a reply sells: compensation (``compensations``), a sale, a deal or a
    jackpot (``replies: promotion``) outside a negation's scope, or a win "back" ("win some of it
    back": chasing losses)."""
    found = compensations(doc)
    table = tokens(doc)
    for s in acts(doc):
        negated = negation_scope(doc, s.first, s.end)
        found += [
            (span.first, span.end)
            for span in phrases("replies", "promotion").find(doc, s.first, s.end)
            if span.first not in negated
        ]
        for i in range(s.first, s.end):
            if table.lemmas[i] == "win" and i not in negated:
                back = next(
                    (k for k in range(i + 1, min(s.end, i + 6)) if table.norms[k] == "back"), None
                )
                if back is not None:
                    found.append((i, back + 1))
    return found


def _channel_cost(doc: Any, first: int, end: int, span: Span) -> bool:
    """Whether "free" tells what reaching a channel costs ("the helpline is free on 0808 8020
    133", "free to call", "a free, confidential line", "free debt advice"): a channel word within
    three words before it or two after, or a number the reader can call right after it."""
    channels = set(lexicon("replies")["compensation"]["channels"])
    table = tokens(doc)
    after = [
        i for i in range(span.end, min(end, span.end + 4)) if table.norms[i] not in ("", " ", ",")
    ]
    before = range(max(first, span.first - 4), span.first)
    near = [*before[-3:], *after[:2]]
    if any(table.norms[i] in channels or table.lemmas[i] in channels for i in near):
        return True
    if any(any(c.isdigit() for c in table.norms[i]) for i in before):
        return True  # "Samaritans on 116 123 (free, any time)"
    if _said_of_a_channel(doc, first, span.first):
        return True  # "Call the emergency line on 0800 555 0199. It's free and open 24/7."
    return (
        bool(after)
        and table.norms[after[0]] in ("on", "at")
        and any(any(c.isdigit() for c in table.norms[i]) for i in after[1:])
    )


PRONOUNS = frozenset({"it", "it's", "its", "this", "that", "calls", "they", "both"})


def _said_of_a_channel(doc: Any, first: int, index: int) -> bool:
    """ "free" said of a pronoun ("it's free") right after a sentence that names a line to call
    or write to: what the line costs."""
    norms = tokens(doc).norms
    subject = [norms[i] for i in range(first, index) if norms[i].strip()]
    if not subject or subject[0] not in PRONOUNS or len(subject) > 3:
        return False
    earlier = [(a, b) for a, b in sentences(doc) if b <= first]
    if not earlier:
        return False
    a, b = earlier[-1]
    channels = set(lexicon("replies")["compensation"]["channels"])
    return any(norms[i] in channels or sum(c.isdigit() for c in norms[i]) >= 3 for i in range(a, b))


# words that make a sentence state what happens in general, not what was done for one customer
HABITUAL = frozenset(
    {"usually", "normally", "typically", "generally", "always", "often", "whenever", "any"}
)
DONE = frozenset({"'ve", "has", "have", "had", "already", "just"})
OPENING_CONDITIONS = frozenset({"when", "if", "once", "whenever", "after", "before", "unless"})


def generic(doc: Any, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` state a rule in general ("when you leave us, any credit
    is refunded, usually within 14 days"; "we'd always contact you first"): a habitual adverb or
    a free-choice "any", or a condition opening the sentence. Such a sentence settles nothing for
    the customer in front of us."""
    norms = [w for w in tokens(doc).norms[first:end] if w.strip()]
    if any(w in DONE for w in norms):
        return False  # "we've refunded it; it usually shows in 3 days": a deed, then a rule
    if any(w in HABITUAL for w in norms):
        return True
    return bool(norms) and norms[0] in OPENING_CONDITIONS


# verbs of learning about something: what follows them is the customer's report, read back
REPORTING = frozenset({"hear", "heard", "hearing", "learn", "learned", "learnt", "learning"})


def reported_back(doc: Any, first: int, index: int) -> bool:
    """Whether the words at ``index`` repeat the customer's report after a verb of learning about
    it ("sorry to hear your flight was cancelled") or of being sorry for it ("we're sorry your
    flight was cancelled"): the customer's news, not a deed the brand reports on their account."""
    norms = tokens(doc).norms
    sorry = analysis_words()["apology"]
    return any(
        norms[i] in REPORTING
        # "we're sorry your flight was cancelled": sorry for their news ("sorry, your refund
        # has gone through" is an interjection before a deed)
        or (norms[i] in sorry and i + 1 < index and norms[i + 1] not in {",", "!", ".", "-", ":"})
        for i in range(first, index)
    )


def acknowledges(doc: Any) -> bool:
    """Whether a reply acknowledges the customer's matter in any of the ways care guides ask of a
    public reply ("acknowledge publicly, resolve privately"): an apology or concern
    (``sympathises``), a word of thanks, agreement or welcome ("thanks for flagging", "fair point",
    "good question", "you're right"), the brand at work on it ("we're looking into it") or done
    with it ("we've refunded it", "it has been fixed"), a hand-off (``hands_off_in``) or a contact
    point (an email address, a link, a handle, a phone number). Offers of help are the
    ``offers_help`` condition's, read beside this."""
    words = lexicon("replies")["acknowledgement"]
    if phrases("replies", "acknowledgement", "heard").any_in(doc):
        return True
    if phrases("replies", "acknowledgement", "at_work").any_in(doc):
        return True
    norms = tokens(doc).norms
    done, after = set(words["done"]), set(words["done_after"])
    if any(
        norms[i] in done and any(norms[j] in after for j in range(max(0, i - 3), i))
        for i in range(len(norms))
    ):
        return True
    return (
        sympathises(doc)
        or hands_off_in(doc)
        or _contact_point(doc)
        or _exonerates(doc)
        or _asks_where_or_when(doc)
    )


# a question that locates the customer's matter, to look into it: "which airport is this
# happening at?", "where did this happen?", "when did you notice it?"
LOCATING = frozenset({"which", "where", "when"})
# (not "it": "which staff member was it?" asks for a name to blame, not where to look)
THE_MATTER = frozenset(
    {"this", "happen", "happened", "happening", "occur", "occurred", "you", "your"}
)


def _asks_where_or_when(doc: Any) -> bool:
    """A question opened by "which", "where" or "when" (past a greeting and a name) about the
    matter ("this", "happen", "you"): the brand asks in order to look into it."""
    norms = tokens(doc).norms
    greetings = set(analysis_words()["greetings"])
    for first, end in sentences(doc):
        if "?" not in norms[first:end]:
            continue
        words = [doc[i].text for i in range(first, end) if doc[i].is_alpha]
        if words and words[0].lower() in greetings:
            words = words[1:]  # "Hi Ryan, which airport...": past the greeting and the name
            if words and words[0][:1].isupper():
                words = words[1:]
        words = [w.lower() for w in words]
        if words[:1] and words[0] in LOCATING and any(w in THE_MATTER for w in words[1:]):
            return True
    return False


# what a reply clears the customer of: "you didn't do anything wrong", "it's not your fault"
FAULTS = frozenset({"wrong", "fault", "mistake", "blame", "error"})


def _exonerates(doc: Any) -> bool:
    """A sentence that clears the reader of fault: a word of fault in a negation's scope, with the
    reader in the sentence ("you did nothing wrong", "none of this is your fault")."""
    norms = tokens(doc).norms
    reader = set(analysis_words()["reader"])
    for first, end in sentences(doc):
        if not any(norms[i] in reader for i in range(first, end)):
            continue
        negated = negation_scope(doc, first, end)
        if any(norms[i] in FAULTS and i in negated for i in range(first, end)):
            return True
    return False


PHONE = re.compile(r"\d[\d ()-]{5,}\d")


def _contact_point(doc: Any) -> bool:
    """An email address, a link, an @handle or a phone number in the text: somewhere to go."""
    if any(t.like_email or t.like_url or (t.text[:1] == "@" and len(t.text) > 2) for t in doc):
        return True
    return any(sum(c.isdigit() for c in m.group()) >= 7 for m in PHONE.finditer(doc_text(doc)))


# intents that are a question rather than a grievance: a medical question is asked, not suffered
ASKED_INTENTS = frozenset({"medical_question"})
AGGRIEVED_KEY = "voicelint.care.aggrieved"


def aggrieved(customer: Any) -> bool:
    """Whether the customer's message holds a grievance of their own, the stricter reading of
    ``complains``: a problem reported, sarcasm, or an intent other than a medical question
    (billing, an order, an injury, a threat...); not a message of questions about what lies ahead
    ("can you approve me if I have bad credit?"), not a joke about an order or a bill ("came in
    for one book, left with seven, your fault 😂"), and not a complaint whose only negative words
    are idioms of praise or laughter, or that laughs or likes ("this sale is sick 🔥", "your mocha
    is to die for", "I regret nothing 😂"): banter. Worked out once per message."""
    user_data = customer.analysis.doc.user_data
    if AGGRIEVED_KEY not in user_data:
        user_data[AGGRIEVED_KEY] = _aggrieved(customer)
    return bool(user_data[AGGRIEVED_KEY])


def _aggrieved(customer: Any) -> bool:
    if not complains(customer):
        return False
    doc = customer.analysis.doc
    if _asks_only(doc):
        return False
    norms = tokens(doc).norms
    if reports_problem(doc) or sarcastic(norms):
        return True
    if customer.intents <= PERSONAL_INTENTS | ASKED_INTENTS and (
        asks_ahead(doc) or asks_leave(doc)
    ):
        return False  # "can you approve me if I have bad credit?": a question, nothing suffered
    words = analysis_words()
    if customer.intents <= PERSONAL_INTENTS and any(n in words["laughter"] for n in norms):
        return False  # "came in for one book, left with seven, your fault 😂": a joke
    if customer.intents - ASKED_INTENTS:
        return True
    liking = set(words["laughter"]) | set(words["liking_verbs"]) | set(words["gladness"])
    if any(n in liking for n in norms):
        return False
    praise = set(words["praise_idioms"]) | set(words["laughing_idioms"])
    negative = [n for n in norms if valence_of_word(n) <= NEGATIVE_WORD]
    return bool(negative) and not all(n in praise for n in negative)


def asks_ahead(doc: Any) -> bool:
    """Whether a message asks and tells of nothing that happened: every sentence a question or a
    plain statement of its context ("which plan should I pick?", "can you approve me if I have bad
    credit?", "does it auto-renew? don't want surprise charges"); "why was I charged twice?"
    tells of a charge."""
    norms = tokens(doc).norms
    said = [(a, b) for a, b in sentences(doc) if any(norms[i].isalpha() for i in range(a, b))]
    questions = [(a, b) for a, b in said if "?" in norms[a:b]]
    if not questions or not all((a, b) in questions or _plain_context(doc, a, b) for a, b in said):
        return False
    return not tells_event(norms)


def _plain_context(doc: Any, first: int, end: int) -> bool:
    """A statement beside a question that only gives its context ("my dad says only banks have
    FDIC", "he's 9", "don't want surprise charges"): no negative word, no problem reported (an
    event told is ruled out for the whole message by ``tells_event``)."""
    norms = tokens(doc).norms
    negated = negation_scope(doc, first, end)
    return not any(
        valence_of_word(norms[i]) <= NEGATIVE_WORD and i not in negated for i in range(first, end)
    ) and not reports_problem(doc, first, end)


WH_WORDS = frozenset({"why", "what", "how", "where", "when", "which"})
PRESENT_AUXILIARIES = frozenset({"does", "do", "would", "will", "'ll", "can"})


def _asks_of_the_brand(norms: Any) -> bool:
    """A question that asks what the brand or its product does, in the present: a wh-word, "does"
    or "do", then "you" or "your" ("why does your game need my contacts?", "what do you do with my
    data?"), telling of no event. "Can you explain why my invoice lists 6 hours?" is the
    customer's own matter, and so is "why was I charged twice?"."""
    words = [n for n in norms if n.strip()]
    if "?" not in words or tells_event(words):
        return False
    return (
        len(words) > 2
        and words[0] in WH_WORDS
        and words[1] in PRESENT_AUXILIARIES
        and words[2] in {"you", "your", "u", "ur"}
    )


def tells_event(norms: Any) -> bool:
    """Whether words tell of something that happened: a past form ("was", "got", "charged"; the
    inquiry's ``_past_form``, which leaves out "was" for its final "s"). A participle after "get"
    or "be" is a passive of what may come ("do I get auto renewed?", "will I be charged?"), and
    one that states a term (``TERMS``: "is flood damage covered?", "is a deposit required?") tells
    of nothing, in a message that speaks of no matter of the writer's own ("is my claim
    covered?" does)."""
    own = any(n in FIRST_PERSON for n in norms)  # (defined below: the customer's own account)
    return any(
        n == "was"
        or (
            _past_form(n)
            and (own or n not in TERMS)
            and not PASSIVE_OF_WHAT_COMES & set(norms[max(0, i - 2) : i])
        )
        for i, n in enumerate(norms)
    )


PASSIVE_OF_WHAT_COMES = frozenset({"get", "be"})
# participles that state what a policy or a product's terms cover, not something that happened
TERMS = frozenset({"covered", "included", "allowed", "permitted", "required", "accepted"})


def sympathises(doc: Any) -> bool:
    """Whether a reply apologises or shows concern for the person (sorry, we hope you're okay)."""
    words = analysis_words()
    norms = tokens(doc).norms
    sympathy = phrases("replies", "sympathy")
    for s in acts(doc):
        if non_apology(norms[s.first : s.end]):
            continue
        if any(norms[i] in words["apology"] for i in range(s.first, s.end)):
            return True
        if sympathy.any_in(doc, s.first, s.end):
            return True
    return False


def may_contradict(doc: Any) -> bool:
    """A quick test before ``contradictions``: a negation, evidence, a report or a staff word."""
    norms = set(tokens(doc).norms)
    if norms & NEGATORS:
        return True
    staff = norms & set(lexicon("replies")["staff"])
    if staff and phrases("replies", "argue", "report").any_in(doc):
        return True
    return any(
        phrases("replies", "argue", part).any_in(doc) for part in ("evidence", "according")
    ) or bool(norms & set(lexicon("replies")["argue"]["correct"]))


def contradictions(doc: Any, said: Any) -> list[tuple[int, int]]:
    """Sentences (token ranges) of a reply that argue the facts of the customer's account.

    Evidence the brand holds testifies against it ("our records show", "tracking confirms"); a
    staff member's version is put against it ("the driver says he delivered it"); a flat denial
    ("that's not what happened", "that isn't true"); or a negation of what the customer said, in
    their own words ("you were never charged" to "I was charged twice"), unless the customer asked
    whether a message is really the brand's ("legit?": "that text is not from us" answers); a denial needs the
    customer's own account to deny (a rumour they pass on, "heard you won't pay out if...", is
    corrected, not argued with); or the brand's own figure or decision on their matter declared
    right ("we're confident it is correct", "the charges were correct"). Questions, requests,
    apologies, hand-offs, wishes ("that should never happen") and conditions do not argue.
    """
    from voicelint.conditions.apology import apologises  # conditions read care: import late

    words = lexicon("replies")
    argue = words["argue"]
    staff = set(words["staff"])
    prospective = set(argue["prospective"]) | CONDITIONS
    light = set(argue["light"])
    norms = tokens(doc).norms
    # a customer who asks whether a message is really the brand's is answered by a denial
    echoes = (
        set() if phrases("replies", "argue", "verify").any_in(said) else own_account(said, light)
    )
    found: list[tuple[int, int]] = []
    for s in acts(doc):
        if s.act != "statement":
            continue
        if apologises(norms[s.first : s.end]) or hands_off_in(doc, s.first, s.end):
            continue  # (an apology as the apology condition reads it: "surprised to hear" is none)
        if _declines_to_discuss(doc, s.first, s.end):
            continue  # "for your privacy we don't discuss prescriptions here": kept private
        if any(norms[i] in NORMS_OF_CONDUCT for i in range(s.first, s.end)):
            continue  # "that's not how our crew should leave a home": a standard, owned
        if _testifies(doc, s.first, s.end, prospective, staff) or (
            echoes
            and (_denies(doc, s.first, s.end, echoes, light) or _upholds(doc, s.first, s.end))
        ):
            found.append((s.first, s.end))
    return found


# verbs of talking about a matter: negated, the brand keeps the matter out of public view ("go"
# only as "go into": "we can't go into details here")
DISCUSS_VERBS = frozenset({"discuss", "share", "talk", "comment", "disclose", "post", "mention"})


# A sentence of what ought to be ("you should be safe on our app", "that's not how our crew
# should leave a home") sets a standard: it sides with the customer's account, it argues nothing.
NORMS_OF_CONDUCT = frozenset({"should", "shouldn't", "ought"})


def _declines_to_discuss(doc: Any, first: int, end: int) -> bool:
    """Whether a sentence declines to discuss a matter in public: a verb of talking negated, with
    "here", "publicly" or "in public" after it ("we don't discuss prescriptions here", "we can't
    go into account details publicly"). It keeps the matter private; it argues nothing."""
    norms = tokens(doc).norms
    negated = negation_scope(doc, first, end)
    for i in range(first, end):
        talks = norms[i] in DISCUSS_VERBS or (norms[i] == "go" and norms[i + 1 : i + 2] == ["into"])
        if talks and i in negated:
            rest = norms[i + 1 : end]
            if "here" in rest or "publicly" in rest or "public" in rest:
                return True
    return False


# the customer speaking of what happened to them: "I was charged twice", "my parcel never came"
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "i'm", "i've", "im", "ive"}
)


def own_account(said: Any, light: set[str]) -> set[str]:
    """The content lemmas of the customer's account of their own experience: the sentences of
    their message where they speak in the first person ("I was charged twice", "my box never
    came"). A sentence about the brand's doings in general ("so you've cancelled the 6am
    classes?") is no account of theirs, and correcting it is no argument with them."""
    table = tokens(said)
    found: set[str] = set()
    for first, end in split_sentences(said):
        if not any(table.norms[i] in FIRST_PERSON for i in range(first, end)):
            continue
        if _asks_of_the_brand(table.norms[first:end]):
            continue  # "why does your game need my contacts?" asks; "why was I charged?" tells
        if "?" in table.norms[first:end] and not tells_event(table.norms[first:end]):
            continue  # "can you guarantee I won't lose money?" asks ahead; a "no" answers it
        end = _before_the_question(table.norms, first, end)
        denied = negation_scope(said, first, end)
        found |= {
            table.lemmas[i]
            for i in range(first, end)
            if table.lemmas[i].isalpha()
            and len(table.lemmas[i]) > 2
            and not said[i].is_stop
            and table.lemmas[i] not in light
            and i not in denied  # "nobody hurt": "glad nobody was hurt" agrees, it denies nothing
        }
    return found


ASKING_OPENERS = frozenset(
    {"is", "are", "was", "do", "does", "did", "can", "could", "will", "would", "should", "how"}
    | {"what", "why", "when", "where", "which", "who", "any", "am"}
)


def _before_the_question(norms: Any, first: int, end: int) -> int:
    """Where a sentence's closing question starts, after its account: "I was in hospital and
    missed the booster, is there a late fee??" tells up to the comma and asks after it; a "no"
    to the question argues nothing."""
    if "?" not in norms[first:end]:
        return end
    for i in range(end - 1, first, -1):
        if norms[i] in {",", ";", "-", "—"}:
            return i if i + 1 < end and norms[i + 1] in ASKING_OPENERS else end
    return end


# a negation after one of these promises about the future ("it won't happen again"); it denies
# nothing the customer said happened
FUTURE = frozenset({"will", "wo", "'ll", "shall", "gonna"})


def _upholds(doc: Any, first: int, end: int) -> bool:
    """The brand's figure or decision declared right against the customer's account: a word of
    correctness ("correct", "accurate", "justified") said of it, not negated, not of the reader
    ("you're right" concedes), not in a condition."""
    words = lexicon("replies")["argue"]
    correct, reader = set(words["correct"]), set(analysis_words()["reader"])
    norms = tokens(doc).norms
    negated = negation_scope(doc, first, end)
    if any(norms[i] in CONDITIONS for i in range(first, end)):
        return False
    for i in range(first, end):
        if norms[i] not in correct or i in negated:
            continue
        before = [norms[j] for j in range(max(first, i - 4), i) if norms[j].strip()]
        if any(w in reader for w in before):
            continue
        if any(w in BE_FORMS for w in before):
            return True  # "it is correct", "the charges were correct"
    return False


def _testifies(doc: Any, first: int, end: int, prospective: set[str], staff: set[str]) -> bool:
    norms = tokens(doc).norms
    condition = next((i for i in range(first, end) if norms[i] in CONDITIONS), None)
    if condition is not None:
        # a condition before the testimony makes it hypothetical ("if our records show..."); one
        # after it dates what is testified ("the technician says they were there when he came")
        end = condition
    evidence = phrases("replies", "argue", "evidence").find(doc, first, end)
    testify = phrases("replies", "argue", "testify").find(doc, first, end)
    for e in evidence:
        for t in testify:
            if e.end <= t.first <= e.end + 2 and not any(
                norms[i] in prospective for i in range(e.end, t.first)
            ):
                return True
    lookups = phrases("replies", "lookup_done").find(doc, first, end)
    for e in evidence:
        # "we've reviewed the camera footage and...": the brand's own look at its evidence, done
        done = [lk for lk in lookups if e.first - 4 <= lk.end <= e.first]
        if done and not any(
            norms[i] in prospective for i in range(max(first, done[0].first - 3), e.first)
        ):
            return True
    for a in phrases("replies", "argue", "according").find(doc, first, end):
        after = range(a.end, min(end, a.end + 3))
        if any(e.first in after for e in evidence) or any(norms[i] in staff for i in after):
            return True
    for r in phrases("replies", "argue", "report").find(doc, first, end):
        before = range(max(first, r.first - 3), r.first)
        who = [i for i in before if norms[i] in staff]
        if (
            who
            and not any(norms[i] in prospective for i in range(who[0], r.first))
            and not any(norms[i] in {"been", "being", "was", "were"} for i in before)
        ):
            return True  # "the driver says he delivered it"; not "the team has been told"
    return False


def _denies(doc: Any, first: int, end: int, echoes: set[str], light: set[str]) -> bool:
    table = tokens(doc)
    norms, lemmas = table.norms, table.lemmas
    negated = negation_scope(doc, first, end)
    if not negated or any(norms[i] in CONDITIONS for i in range(first, end)):
        return False
    for d in phrases("replies", "argue", "denied").find(doc, first, end):
        cue = negated.get(d.first)
        if cue is None or _wish(norms, cue, d.first, first):
            continue
        if cue > first and norms[cue - 1] in FUTURE:
            continue  # "it won't happen again": a promise
        return True
    for i, cue in negated.items():
        lemma = lemmas[i]
        if _instructs(norms, cue, first):
            continue  # "don't share your account details here": an instruction, not a denial
        if cue > first and norms[cue - 1] in REFUSALS:
            continue  # "we can't offer refunds" refuses a demand; it does not deny a fact
        if cue > first and norms[cue - 1] in FUTURE:
            continue  # "we'll never need your account number in public": a promise
        if norms[cue] == "no" and any(norms[k] in PREPOSITIONS for k in range(cue + 1, i)):
            continue  # "no charge for a missed check-up" denies the charge, not the missing
        if lemma in echoes and lemma not in light and not _wish(norms, cue, i, first):
            return True
    return False


# a preposition ends what "no" denies: its noun phrase, not the complement after it
PREPOSITIONS = frozenset(
    {"for", "of", "on", "in", "with", "to", "at", "from", "after", "before", "about", "during"}
)


NEGATED_PRAISE = 1.2  # VADER valence of a positive word that, negated, makes a complaint
NOT_COMPLAINTS = frozenset({"sure"})  # "not sure which to buy" doubts, it does not complain


def complains(customer: Any) -> bool:
    """Whether the customer's message complains: the analysis says so (an intent, a negative
    feeling or word), or it negates a positive word ("neither fair nor appropriate", "no help",
    "not happy"), which VADER's compound score can miss in a long message, or it reports a
    problem in words VADER does not score (``reports_problem``). Worked out once per message:
    many conditions ask it of one reply."""
    user_data = customer.analysis.doc.user_data
    if COMPLAINS_KEY not in user_data:
        user_data[COMPLAINS_KEY] = _complains(customer)
    return bool(user_data[COMPLAINS_KEY])


def _complains(customer: Any) -> bool:
    doc = customer.analysis.doc
    if customer.intents <= PERSONAL_INTENTS and _asks_only(doc):
        return False  # "does it cure anxiety?": a question about the product, not a complaint
    if not customer.intents and delighted(doc):
        return False  # "lol your new ad has me crying 😂😂": laughter, not grief
    if thanks_brand(customer):
        return False  # "the only dentist my son isn't scared of 😭 thank you!!": gratitude
    if not customer.intents and grievance_at_home(doc):
        return False  # "my boyfriend keeps stealing my lip balm 😤": a grievance with him
    if customer.complaint:
        return True
    norms = tokens(doc).norms
    if sarcastic(norms):
        return True  # "Love paying for candlelit dinners 🙃", "totally not annoying at all"
    return any(
        norms[i] not in NOT_COMPLAINTS and valence_of_word(norms[i]) >= NEGATED_PRAISE
        for i in negation_scope(doc, 0, len(doc))
    ) or reports_problem(doc)


def grievance_at_home(doc: Any) -> bool:
    """Whether the message's grievance is with someone the customer lives with ("my boyfriend
    keeps stealing my lip balm", "my dog ate my ticket 😤"): one of ``close_people`` after "my",
    acting on the customer's own things, and nothing said to or of the brand ("you", "your")."""
    words = analysis_words()
    close, reader = set(words["close_people"]), set(words["reader"])
    norms = tokens(doc).norms
    if any(n in reader for n in norms):
        return False
    # the close person as the culprit, acting on the customer's own things: "my flatmate keeps
    # eating my granola"; not "my kids hated the new recipe", a grievance with the product
    return any(
        norms[i] in close
        and i > 0
        and norms[i - 1] in {"my", "our"}
        and any(norms[j] in {"my", "our", "mine"} for j in range(i + 2, min(len(norms), i + 6)))
        for i in range(len(norms))
    )


def delighted(doc: Any) -> bool:
    """Whether a message laughs or cheers (``laughter``, ``excitement``) and its only negative
    words are the idioms of laughter ("crying", "dead", "screaming": ``laughing_idioms`` in
    ``lexicons/analysis.yaml``), with no problem reported: "this ad has me crying 😂" and "omg
    finally got front row, I'm screaming" are delight."""
    words = analysis_words()
    norms = tokens(doc).norms
    if not any(n in words["laughter"] or n in words["excitement"] for n in norms):
        return False
    idioms = words["laughing_idioms"]
    negative = [n for n in norms if valence_of_word(n) <= NEGATIVE_WORD]
    cheers = any(n in words["excitement"] for n in norms)
    return (
        (bool(negative) or cheers)
        and all(n in idioms for n in negative)
        and not reports_problem(doc)
        and not phrase_list("grievances").find(doc)
    )


@cache
def _sarcasm_words() -> tuple[frozenset[str], frozenset[str]]:
    """``lexicons/tone.yaml``: ``customer_irony`` and ``sarcastic_denial``."""
    words = lexicon_file.load("tone")
    return frozenset(words["customer_irony"]), frozenset(words["sarcastic_denial"])


def sarcastic(norms: list[str]) -> bool:
    """A message whose praise is sarcasm: an ironic emoji (🙃, 🙄), thanks for nothing, or a
    negative word denied with an intensifier and "at all" ("totally not annoying at all")."""
    irony, denial = _sarcasm_words()
    if any(w in irony for w in norms):
        return True
    for i, word in enumerate(norms[2:], start=2):
        if word == "nothing" and norms[i - 1] == "for" and norms[i - 2] in THANKS:
            return True  # "thanks for nothing", "cheers for nothing": thanks for a failure
    for i, word in enumerate(norms[:-3]):
        if word in denial and norms[i + 1] in {"not", "n't"}:
            tail = norms[i + 2 : i + 6]
            if (
                "at" in tail
                and "all" in tail
                and any(valence_of_word(w) <= NEGATIVE_WORD for w in tail)
            ):
                return True
    return False


POSSESSIVES = frozenset({"my", "our", "mine", "ours"})
THANKS = frozenset({"thanks", "thank", "cheers", "ty", "thx"})
# gratitude to the brand: thanks, less the "cheers" that signs off sarcasm ("cheers swiftbox 👍")
GRATITUDE = (THANKS - {"cheers"}) | {"tysm", "grateful"}


def thanks_brand(customer: Any) -> bool:
    """Whether a message thanks the brand and tells of no problem ("just got the keys!!! thank
    you 😭", "the only dentist my son isn't scared of 😭 thank you!!"): tears, capitals and a
    negated fear there are joy. Not sarcastic thanks ("thanks for nothing", "thanks a lot 🙃"),
    not thanks beside a negative word ("thanks for the awful service"), and not one that carries
    a routing intent or a problem."""
    doc = customer.analysis.doc
    norms = tokens(doc).norms
    if not any(w in GRATITUDE for w in norms) or customer.intents:
        return False
    negated = negation_scope(doc, 0, len(doc))
    return (
        (
            customer.valence >= 0  # "cried happy tears": joy, however its words score
            or not any(
                w.isalpha() and valence_of_word(w) <= NEGATIVE_WORD and i not in negated
                for i, w in enumerate(norms)
            )
        )
        and not sarcastic(norms)
        and not reports_problem(doc)
    )


def asks_leave(doc: Any) -> bool:
    """Whether a message asks, before acting, whether the customer may or should do something:
    a question opening with a modal and "I" or "we" ("can I take ibuprofen with it?", "should we
    book ahead?") or with "is it" and a word of leave ("is it safe to...", "is it ok if I...").
    Advice to check first answers such a question; it is not hindsight."""
    norms = tokens(doc).norms
    for a, b in sentences(doc):
        said = [n for n in norms[a:b] if n.strip()]
        if not any("?" in n for n in said):
            continue
        head = said[:3]
        if head and head[0] in WH_WORDS:
            continue  # "why should I pay this?" asks why, it asks no leave
        for k, word in enumerate(head[:-1]):
            if word in LEAVE_MODALS and head[k + 1] in {"i", "we"}:
                return True
            if (
                word in {"is", "are"}
                and head[k + 1] in {"it", "this", "that", "these", "they"}
                and any(w in LEAVE_WORDS for w in said[k + 2 : k + 5])
            ):
                return True
        for k, word in enumerate(said):
            opens = k == 0 or said[k - 1] in {",", "so", "but"}
            if word in {"is", "are"} and opens and _leave_for_a_use(said[k:]):
                return True  # "I'm allergic to nuts, is the oil safe for me??"
    return False


def _leave_for_a_use(said: list[str]) -> bool:
    """A word of leave after the thing asked about and before the use it is asked for: "safe
    for", "ok to", "fine with" ("is your service always this bad?" asks no leave)."""
    return any(
        said[k] in LEAVE_WORDS - {"bad", "wise"} and said[k + 1] in LEAVE_USES
        for k in range(1, min(len(said) - 1, LEAVE_REACH))
    )


LEAVE_MODALS = frozenset({"can", "could", "may", "should", "shall", "must"})
LEAVE_USES = frozenset({"for", "to", "if", "with", "during", "while", "after", "before", "on"})
LEAVE_REACH = 7  # the most words from "is" to the word of leave
LEAVE_WORDS = frozenset(
    {"ok", "okay", "safe", "fine", "alright", "allowed", "possible", "wise", "bad"}
)


def inquiry(doc: Any, first: int, end: int, feelings: bool = True) -> bool:
    """Whether tokens ``[first, end)`` ask how something works rather than report a matter: a
    yes-or-no question (an auxiliary first, not a request to act: "can you..."), with no event told
    (no past-tense verb), no problem and no pending item of the customer's ("my order"); with
    ``feelings``, no negative word either ("is your service always this bad?" complains), without,
    a negative word is the question's topic ("does it cure anxiety?")."""
    words = lexicon("intents")["inquiry"]
    norms = tokens(doc).norms
    content = [i for i in range(first, end) if norms[i].strip()]
    if not content or "?" not in (norms[i] for i in content):
        return False
    opener = norms[content[0]]
    if opener not in words["openers"]:
        return False
    if (
        len(content) > 1
        and opener not in {"is", "are", "am", "does", "do"}
        and norms[content[1]] in words["requests"]
    ):
        return False
    pending = set(words["pending"])
    lemmas = tokens(doc).lemmas
    for k, i in enumerate(content):
        word = norms[i]
        if _past_form(word) or (feelings and valence_of_word(word) <= NEGATIVE_WORD):
            return False
        if word in POSSESSIVES and any(lemmas[j] in pending for j in content[k + 1 : k + 4]):
            return False
    return not reports_problem(doc, first, end)


# modal verbs the lemma table reads as past forms ("should" of "shall"): they tell of no event
MODALS = frozenset({"should", "could", "would", "might", "must", "ought"})


def _past_form(word: str) -> bool:
    """A past-tense or past-participle verb form ("charged", "took", "sent"), not "-ing" or "-s",
    nor a modal ("should", "could")."""
    return (
        word.isalpha()
        and not word.endswith(("ing", "s"))
        and word not in MODALS
        and is_verb_form(word)
    )


def _asks_only(doc: Any) -> bool:
    """Whether every sentence of a message with words is an inquiry (its topic may be negative)."""
    norms = tokens(doc).norms
    said = [(a, b) for a, b in sentences(doc) if any(norms[i].isalpha() for i in range(a, b))]
    return bool(said) and all(inquiry(doc, a, b, feelings=False) for a, b in said)


# a wait that goes on, after "been" or "still"
# ("trying" is left out: "been trying the new menu" tells of no wait)
WAITS = frozenset({"waiting", "chasing", "holding", "calling", "emailing", "asking"})


# what "late" names when it is a time and not a delay: "late-night dumplings", "a late checkout"
TIMES_OF_DAY = frozenset(
    {"night", "nights", "checkout", "check", "opening", "openings", "breakfast", "lunch"}
    | {"dinner", "hours", "shift", "shifts", "show", "session", "start", "evening", "morning"}
    | {"afternoon", "summer", "spring", "autumn", "fall", "winter", "kickoff", "bloomer", "riser"}
)


def _someone_at_home(word: str) -> bool:
    """A person or a pet of the customer's ("she", "he", "cat", "flatmate"): their habits are no
    product's failure."""
    return word in {"she", "he"} or word in analysis_words()["close_people"]


def _a_time_of_day(norms: Any, i: int, end: int) -> bool:
    """ "late" before a time it qualifies ("late-night", "a late checkout", "late opening"): a
    time of day the customer wants, not something that came late."""
    if norms[i] != "late":
        return False
    k = i + 1
    while k < end and norms[k] in {"-", "–"}:
        k += 1
    return k < end and norms[k] in TIMES_OF_DAY


def reports_problem(doc: Any, first: int = 0, end: int | None = None) -> bool:
    """Whether a message reports a problem in words VADER does not score: a thing that fails
    ("the app keeps crashing", "buffering again"), a function negated ("the code won't apply",
    "my parcel hasn't arrived", "nobody called back"), or a wait that goes on ("still no reply").
    Questions about what a product does ("does it work offline?") report nothing; a question that
    carries a failure ("why does it keep crashing?") does."""
    words = lexicon("intents")["problems"]
    malfunction, function = set(words["malfunction"]), set(words["function"])
    persistent, still = set(words["persistent"]), set(words["still"])
    table = tokens(doc)
    norms, lemmas = table.norms, table.lemmas
    stop = len(doc) if end is None else end
    for a, b in sentences(doc):
        first_, end_ = max(a, first), min(b, stop)
        if first_ >= end_:
            continue
        negated = negation_scope(doc, a, b)
        for i in range(first_, end_):
            word = norms[i]
            if word in malfunction and i not in negated and not _a_time_of_day(norms, i, b):
                return True
            if (word in function or lemmas[i] in function) and i in negated:
                return True
            if word in persistent and i + 1 < b and norms[i + 1].endswith("ing"):
                acts = norms[i + 1] not in {"getting", "being"}  # "keeps getting logged out"
                if acts and i > a and _someone_at_home(norms[i - 1]):
                    continue  # "she keeps knocking it off the counter": a habit, no failure
                return True  # "keeps logging me out"
            if word in still and i + 1 < b and norms[i + 1] in NEGATORS | {"waiting"}:
                return True  # "still no reply", "still waiting"
            if word in {"been", "still"} and i + 1 < b and norms[i + 1] in WAITS:
                return True  # "been waiting 3 weeks", "been chasing this since May"
    return False
