"""Kind ``hostility``: words that insult, blame, dismiss or mock the reader, judged by whom they point at.

A list of rude words is not enough: "our barista was rude to you" is an apology, "you were rude"
an accusation; "calm down, it's just coffee" is a brush-off in a reply and "it's just coffee, done
right" a tagline. Each act in the shipped lexicon says what it needs (see lexicons/hostility.yaml):
the nearest person the words describe (the reader, "some people", or the brand itself), whether the
post answers a customer, a negation ("not your fault") or a condition ("if you can't find it") that
turns the words kind, and whether they are the customer's own words quoted back. Mock grief ("how
will you ever survive", "truly a tragedy") is sarcasm only in a reply to a complaint that offers no
sympathy anywhere, and advice ("next time ask for it mild") is not blame when the brand offers its
own help in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from voicelint import care
from voicelint.analysis import lexicon as analysis_lexicon
from voicelint.intents import praises
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.kinds.tone_context import (
    FIRST_PERSON,
    SECOND_PERSON,
    echoes_customer,
    lexicon,
    sentences,
)
from voicelint.nlp import Match, PatternError, doc_text, longest_first, tokens

NAME = "hostility"
PARAMS = {
    "posts": Param(
        (str,),
        "which drafts: replies (kind reply, or with in_reply_to) or posts (everything else)",
        required=True,
        choices=("replies", "posts"),
    ),
}
MESSAGE_VARS = frozenset({"match", "act", "advice", "entry"})

NEEDS = ("always", "addressed", "reader", "not_self", "complaint", "complains", "sarcasm")
ACTS = {
    "insult": ("insults the reader", "describe the problem, never the person"),
    "blame": ("blames the customer", "own the problem and say what you will do about it"),
    "dismiss": ("brushes off the customer", "acknowledge the problem and offer help"),
    "mock": ("talks down to the customer", "answer the question plainly and kindly"),
}
# Groups the brand may sneer at without naming the reader: "some people", "customers like you".
GROUP = frozenset(
    {
        "people",
        "customers",
        "guests",
        "folks",
        "clients",
        "members",
        "followers",
        "users",
        "everyone",
        "everybody",
        "anyone",
        "anybody",
        "whoever",
        "karens",
    }
)
# Words after "your" that make it the reader's own words or conduct ("your question is stupid").
READER_THINGS = frozenset(
    {
        "question",
        "questions",
        "complaint",
        "complaints",
        "comment",
        "comments",
        "review",
        "reviews",
        "attitude",
        "opinion",
        "opinions",
        "excuse",
        "excuses",
        "request",
        "idea",
        "logic",
        "point",
        "post",
        "tweet",
        "rant",
        "take",
        "behaviour",
        "behavior",
        "tone",
        "demands",
        "demand",
        "whining",
        "reply",
        "message",
        "feedback",
    }
)
PERSON_NOUNS = frozenset(
    {"person", "customer", "people", "guy", "man", "woman", "individual", "human"}
)
THINGS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "them",
        "there",
    }
)
RELATIVE = frozenset({"who", "that", "like"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
CONDITIONS = frozenset({"if", "when", "whether", "unless", "case"})
HYPOTHETICAL = frozenset({"'d", "would", "could", "might"})
PROMISES = frozenset({"'ll", "will", "wo"})
# Words before a brush-off verb that make it a description or a promise, not an order to the
# reader ("had to deal with it", "we'll deal with it", "let us deal with it")
NOT_AN_ORDER = frozenset({"to", "'ll", "will", "can", "we", "i", "they", "she", "he", "us", "'d"})
HELP_VERBS = frozenset({"'ll", "will", "can", "'d", "would"})
OPENERS = frozenset({"hi", "hey", "hello", "thanks", "thank"})


@dataclass(frozen=True)
class _Act:
    key: str
    entry: str  # "<rule id>/<entry id>": which lexicon entry fired
    act: str
    needs: str
    unless_negated: bool
    unless_help: bool
    unless_acknowledged: bool
    orders: bool = False  # its words are an order to the reader ("deal with it", "get over it")


SHOWN_TERMS = 6  # terms an entry's summary quotes before "..."


def entries(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The lexicon's entries, each ``(id, summary)``: what the words do, and the first terms."""
    listed = []
    for entry in lexicon("hostility")["acts"]:
        what = ACTS.get(entry.get("act"), (str(entry.get("act")), ""))[0]
        terms = [str(t) for t in entry.get("terms") or []]
        shown = ", ".join(terms[:SHOWN_TERMS]) + (", ..." if len(terms) > SHOWN_TERMS else "")
        patterns = len(entry.get("patterns") or [])
        if patterns:
            more = f"{patterns} pattern{'s' if patterns > 1 else ''}"
            shown = f"{shown} + {more}" if shown else more
        listed.append((str(entry.get("id")), f"{what}: {shown}"))
    return listed


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    want_replies = params["posts"] == "replies"
    words = lexicon("hostility")
    complaint_signals = tuple(s.lower() for s in words.get("complaint_signals", []))
    sympathy = tuple(s.lower() for s in words.get("sympathy_signals", []))
    acknowledged = tuple(s.lower() for s in words.get("acknowledgement_signals", []))
    # an insult in a sentence that names a competitor is aimed at the competitor: the competitor
    # rule reports it, with the right advice
    names = [n for n in ctx.setting("voice.competitors") or [] if isinstance(n, str)]
    competitor_key = ctx.bank.shared_phrases("voice.competitors", names, "LOWER")
    # the words of laughter (the entries laughter needs a complaint for): a customer who laughs
    # first sets the joke, and a reply that laughs along mocks no one
    laughter = tuple(
        str(t).lower()
        for entry in lexicon("hostility")["acts"]
        if entry.get("needs") == "complaint"
        for t in entry.get("terms") or []
    )
    acts = []
    seen: set[str] = set()
    for entry in lexicon("hostility")["acts"]:
        act, needs, name = entry["act"], entry["needs"], entry.get("id")
        if act not in ACTS or needs not in NEEDS:
            raise KindError("posts", f"hostility lexicon: unknown act {act} or need {needs}")
        if not isinstance(name, str) or not name or name in seen:
            raise KindError("posts", f"hostility lexicon: missing or duplicate entry id {name!r}")
        seen.add(name)
        negated, helped = bool(entry.get("unless_negated")), bool(entry.get("unless_help"))
        flags = (
            negated,
            helped,
            bool(entry.get("unless_acknowledged")),
            bool(entry.get("orders")),
        )
        where = f"{ctx.rule_id}/{name}"
        if entry.get("terms"):
            key = ctx.bank.add_phrases(f"{ctx.rule_id}:{name}", entry["terms"], "LOWER")
            acts.append(_Act(key, where, act, needs, *flags))
        if entry.get("patterns"):
            try:
                key = ctx.bank.add_patterns(f"{ctx.rule_id}:{name}", entry["patterns"])
            except PatternError as error:
                raise KindError("posts", f"hostility lexicon: {name}: {error}") from None
            acts.append(_Act(key, where, act, needs, *flags))

    def check(post: PostContext) -> list[Hit]:
        reply = post.post.kind == "reply" or bool(post.post.in_reply_to)
        if reply != want_replies:
            return []
        owner: dict[Match, _Act] = {}
        for act in acts:
            for match in post.matches_for(act.key):
                owner.setdefault(match, act)
        if not owner:
            return []
        said = post.post.in_reply_to
        # a brush-off needs something to brush off: a complaint or a question (or an unknown message)
        answers_complaint = reply and (post.customer is None or not _friendly(post.customer))
        doc = post.doc
        bounds = sentences(doc)
        hits = []
        for match in longest_first(owner):
            act = owner[match]
            first = next((a for a, b in bounds if a <= match.first_token < b), 0)
            last = next((b for a, b in bounds if a <= match.first_token < b), len(doc))
            if act.needs == "complaint":
                # laughter needs a plain complaint or question: "haha, you're not wrong" agrees
                if not said or not _any_signal(said, complaint_signals):
                    continue
                if _any_signal(said, laughter):
                    continue  # "how do I file a claim at 11pm lol" - "someone's always up lol"
            elif act.needs == "complains":
                # a fact set straight answers a plain question and puts down a complaint
                customer = post.customer
                if customer is None or not care.complains(customer):
                    continue
            elif act.needs == "sarcasm":
                # mock grief ("truly a tragedy") is sarcasm in a reply to a complaint that offers
                # no real sympathy anywhere; with "so sorry" beside it, it is sympathy
                if not answers_complaint or _any_signal(post.post.text, sympathy):
                    continue
            elif not _hostile(doc, match, act, first, last, answers_complaint):
                continue
            if act.act == "insult" and any(
                first <= m.first_token < last for m in post.matches_for(competitor_key)
            ):
                continue
            if act.unless_help and _offers_help(doc, match.end_token, last):
                continue
            if act.unless_acknowledged and _any_signal(post.post.text, acknowledged):
                continue
            if echoes_customer(post, match.start, match.end):
                continue
            what, advice = ACTS[act.act]
            start, end = _trimmed(doc, match)
            values = {"act": what, "advice": advice, "entry": act.entry}
            hits.append(Hit(start, end, values=values))
        return hits

    return check


def _hostile(
    doc: Any, match: Match, act: _Act, first: int, last: int, answers_complaint: bool
) -> bool:
    before = [t.lower_ for t in doc[max(first, match.first_token - 3) : match.first_token]]
    starts_with_if = doc[match.first_token].lower_ == "if"
    if not starts_with_if and before and before[-1] in CONDITIONS:
        return False  # "if you can't find it", "when you didn't get a reply"
    if (
        not starts_with_if
        and len(before) > 1
        and before[-2] in CONDITIONS
        and before[-1] in SECOND_PERSON
    ):
        return False
    if act.orders and before and before[-1] in NOT_AN_ORDER:
        return False  # "sorry your mum had to deal with it", "we'll deal with it": no order
    if act.orders and before and before[-1] in {"and", "to"} and _brand_acts(doc, first, match):
        return False  # "so we can take the video and deal with it": the brand's own act
    vocative = doc[match.first_token].is_punct  # ", Karen." answers whatever came before
    if vocative and _named_kindly(doc, match, first, last):
        return False  # "So sorry about that, Karen, and thank you for giving": her name
    negated = any(w in NEGATIONS for w in before)
    if negated and (act.unless_negated or (act.act == "insult" and not vocative)):
        return False  # "it's not your fault", "not a dumb question at all"
    if _compound(doc, match):
        return False  # "idiot-proof", "stupid-easy"
    if act.needs == "always":
        return True
    target = _nearest_person(doc, match, first, last)
    if act.needs == "addressed":
        if doc[match.first_token].lower_ in CALMING and _said_of_a_thing(before):
            return False  # "it'll settle down in an hour": said of a thing, no one told to
        # "we'd hate for you to go elsewhere" wishes the opposite
        addressed = answers_complaint or target == "group"
        return addressed and not _hypothetical(doc, match, first, reach=8)
    if act.needs == "not_self":
        return target != "self" and not _hypothetical(doc, match, first)
    # reader: the words describe the reader, "some people", or the reader's own words
    if target == "group":
        return not _hypothetical(doc, match, first)
    if target == "reader":
        # "you'll never complain about fees again" is a promise to the reader, not a jab
        return not _hypothetical(doc, match, first, PROMISES)
    following = doc[match.end_token].lower_ if match.end_token < len(doc) else ""
    return answers_complaint and following in READER_THINGS


CALMING = frozenset({"calm", "settle", "relax", "chill", "cool"})  # verbs a thing can do too
MODALS = frozenset({"'ll", "will", "should", "may", "might", "would", "can", "could"})
PEOPLE = frozenset({"we", "i", "you", "u", "they", "he", "she", "us"})


def _said_of_a_thing(before: list[str]) -> bool:
    """The words before a "calm down" kind of verb make it a thing's ("it'll settle down", "the
    swelling should calm down"): a thing as its subject ("it", "that"), or a modal whose subject
    is no person ("we'll hide your comments" still threatens)."""
    if not before:
        return False
    if before[-1] in {"it", "that", "this", "which"}:
        return True
    return (
        before[-1] in MODALS
        and len(before) > 1
        and before[-2].isalpha()
        and (before[-2] not in PEOPLE)
    )


BRAND_EXTRA = frozenset({"we'd", "team"})  # besides the analysis's brand words (we, our, us...)


def _brand_acts(doc: Any, first: int, match: Match) -> bool:
    """The brand as the subject of the clause the verb joins ("so we can take your account and
    deal with it", "let us look into it and sort it out")."""
    words = tokens(doc).norms
    brand = analysis_lexicon()["brand"]
    return any(
        words[i] in brand or words[i] in BRAND_EXTRA for i in range(first, match.first_token)
    )


# Words of address that are also first names, and the words of a sentence that addresses someone
# kindly by name: an apology or thanks.
FIRST_NAMES = frozenset({"karen", "jan"})
KIND_WORDS = care.GRATITUDE | {"sorry", "apologies", "apologise", "apologize", "welcome"}


def _named_kindly(doc: Any, match: Match, first: int, last: int) -> bool:
    """A first name in address ("Karen") in a sentence that apologises or thanks: the customer's
    name, not the put-down ("Calm down, Karen.")."""
    words = tokens(doc).norms
    named = any(words[i] in FIRST_NAMES for i in range(match.first_token, match.end_token))
    return named and any(words[i] in KIND_WORDS for i in range(first, min(last + 1, len(words))))


def _offers_help(doc: Any, start: int, end: int) -> bool:
    """Advice followed by the brand's own offer in the same sentence: "next time ask for it mild and we'll dial it back"."""
    for i in range(start, end - 1):
        if doc[i].lower_ in FIRST_PERSON and doc[i + 1].lower_ in HELP_VERBS:
            return i + 2 >= end or doc[i + 2].lower_ not in NEGATIONS  # not "we can't help"
    return False


THANKS = frozenset({"thanks", "thank", "thx", "ty", "cheers", "appreciate", "appreciated", "ta"})


def _friendly(customer: Any) -> bool:
    """Whether the customer's message only thanks, praises or jokes: a sentence praises (a word
    VADER rates strongly positive, laughter, a smiling emoji), it complains nowhere and asks
    nothing (the same analysis as the routing checks read); a message that thanks counts too."""
    doc = customer.analysis.doc
    if "?" in doc_text(doc) or customer.intents or care.reports_problem(doc):
        return False
    if any(w in THANKS for w in tokens(doc).norms):
        return True  # thanks, even with an apology of their own: "thanks, sorry for the trouble"
    return praises(doc, 0, len(doc)) and customer.valence > 0


def _any_signal(said: str, signals: tuple[str, ...]) -> bool:
    words = set(re.findall(r"[\w']+", said.lower()))
    return any(s in words if s.replace("'", "").isalnum() else s in said for s in signals)


COPULAS = frozenset(
    {"is", "was", "are", "were", "'s", "'re", "am", "'m", "be", "been", "being", "seems", "feels"}
)


def _copula_subject(doc: Any, match: Match, first: int) -> str | None:
    """After "is"/"was" (maybe "no"/"not"), the words describe that verb's subject, not whoever came before.

    "Two clicks to archive is annoying" describes the clicks, "the Inferno is no joke" the sauce;
    "you are annoying" and "your question is stupid" still describe the reader. Returns "thing"
    when the subject is not a person, else None (the usual search decides).
    """
    i = match.first_token - 1
    while i > first and doc[i].lower_ in {
        "no",
        "not",
        "n't",
        "so",
        "really",
        "very",
        "pretty",
        "kinda",
        "just",
        "a",
        "an",
    }:
        i -= 1
    if i <= first or doc[i].lower_ not in COPULAS:
        return None
    subject = doc[i - 1].lower_
    if (
        subject in SECOND_PERSON
        or subject in FIRST_PERSON
        or subject in GROUP
        or subject in PERSON_NOUNS
    ):
        return None
    if subject in READER_THINGS and any(
        doc[j].lower_ in SECOND_PERSON for j in range(max(first, i - 3), i - 1)
    ):
        return None  # "your question is stupid"
    return "thing"


def _nearest_person(doc: Any, match: Match, first: int, last: int) -> str | None:
    """Whom the words describe: the nearest person word to their left, else the reader to their right."""
    if _copula_subject(doc, match, first) == "thing":
        return None
    for i in range(match.first_token - 1, first - 1, -1):
        word = doc[i].lower_
        if word in OPENERS:
            continue  # "Hi Sam," names the reader but the words that follow may describe anyone
        if word in SECOND_PERSON or (word == "'re" and i > first and doc[i - 1].lower_ == "you"):
            return _possessor(doc, i, match, "reader")
        if word in FIRST_PERSON:
            return _possessor(doc, i, match, "self")
        if word in GROUP:
            return "group"
        if word in THINGS:
            following = doc[match.end_token].lower_ if match.end_token < len(doc) else ""
            if following not in PERSON_NOUNS:
                return _about_group(doc, first, last)
    for i in range(match.end_token, min(last, match.end_token + 3)):
        word = doc[i].lower_
        if word in SECOND_PERSON:
            return "reader"
        if word in GROUP:
            return "group"
    return _about_group(doc, first, last)


def _about_group(doc: Any, first: int, last: int) -> str | None:
    """A sentence about "people who ...", "customers like that": a group of readers."""
    for i in range(first, last - 1):
        if doc[i].lower_ in GROUP and doc[i + 1].lower_ in RELATIVE:
            return "group"
    return None


def _possessor(doc: Any, index: int, match: Match, person: str) -> str | None:
    """A possessive names the thing it owns ("your barista was rude"): that is what the words describe."""
    if doc[index].lower_ not in {"your", "our", "my", "ur"}:
        return person
    owned = index + 1
    if owned >= match.first_token:
        following = doc[match.end_token].lower_ if match.end_token < len(doc) else ""
        if following in READER_THINGS or following in PERSON_NOUNS:
            return person  # "your stupid question"
        return None  # "your lazy Sunday"
    word = doc[owned].lower_
    if word in READER_THINGS:
        return person
    if person == "self" and word in GROUP:
        return "group"  # "our customers"
    return None


def _hypothetical(
    doc: Any, match: Match, first: int, extra: frozenset[str] = frozenset(), reach: int = 4
) -> bool:
    """A sales line, not an insult: "you'd be crazy to miss it"."""
    words = HYPOTHETICAL | extra
    before = doc[max(first, match.first_token - reach) : match.first_token]
    return any(t.lower_ in words for t in before)


def _compound(doc: Any, match: Match) -> bool:
    """ "idiot-proof", "a stress free morning": the words are half of a compound adjective."""
    end = match.end_token
    if end < len(doc) and doc[end].lower_ == "free":
        return True
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _trimmed(doc: Any, match: Match) -> tuple[int, int]:
    """The match without the commas and full stops its pattern needed around it."""
    first, end = match.first_token, match.end_token
    while end - first > 1 and doc[first].is_punct:
        first += 1
    while end - first > 1 and doc[end - 1].is_punct and doc[end - 1].text != "?":
        end -= 1
    return doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
