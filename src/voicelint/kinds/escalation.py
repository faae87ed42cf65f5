"""Kind ``escalation``: what a reply must not do with what the customer reported.

On a legal, injury, safety-hazard, adverse-event, medical, press, privacy, distress or crisis
matter, a reply that admits fault, speculates on the cause, gives medical advice, makes light of
it, or makes a statement, where it should only express concern and route the matter as the policy
says. On a harm report (an injury, an adverse reaction, a hazard, distress, a crisis), a reply that
offers compensation in public, sells (a sale, a deal, a jackpot, "win it back") or shrugs it off
(no concern, no hand-off). On any complaint, a reply
that argues the facts in public. Each check is a mechanism over the reply's analysis (care.py):
who the subject is, what is negated, what the customer said, not a list of sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from voicelint import care
from voicelint.analysis import valence_of_word
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.nlp import doc_text

NAME = "escalation"
HARM = care.HARM_INTENTS
COMPLAINT = "complaint"  # any complaint: an intent, a negative feeling, a negative word
# what the reply must not do -> the customer intents it applies to
CHECKS: dict[str, tuple[str, ...]] = {
    "fault": (
        "legal_threat",
        "injury",
        "safety_hazard",
        "adverse_event",
        "press_inquiry",
        "privacy",
        "crisis",
    ),
    "cause": (
        "legal_threat",
        "injury",
        "safety_hazard",
        "adverse_event",
        "press_inquiry",
        "privacy",
    ),
    "advice": ("adverse_event", "medical_question", "injury"),
    "levity": (
        "legal_threat",
        "injury",
        "safety_hazard",
        "adverse_event",
        "crisis",
        "distress",
        "medical_question",
    ),
    "statement": ("legal_threat", "press_inquiry", "privacy"),
    "compensation": HARM,
    "sell": HARM,
    "shrug": HARM,
    "argue": (COMPLAINT,),
}
PARAMS = {
    "check": Param(
        (str,),
        "what the reply must not do: fault, cause, advice, levity, statement (on an escalation), "
        "compensation, sell or shrug (on a harm report), argue (on any complaint)",
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
        if post.post.kind != "reply" or not (post.post.in_reply_to or "").strip():
            return []
        reported = detect(post.post.in_reply_to)  # cached by message: replies repeat them
        intents = [i for i in care.by_priority(reported) if i in applies]
        if not intents and not (
            COMPLAINT in applies
            and care.may_contradict(post.doc)
            and post.customer is not None
            and care.complains(post.customer)
        ):
            return []
        if intents:
            intent = intents[0]
            destination = care.route_of(intent, routing) or "dm"
        else:
            intent = "complaint"
            destination = care.reply_destination(reported, routing)
        if which == "shrug":
            if care.sympathises(post.doc) or care.hands_off(
                post.doc, post.post.text, channels, destination, intent
            ):
                return []
            spans = [care.char_span(post.doc, 0, len(post.doc))]
        else:
            spans = _spans(which, post)
        values = {
            "intent": care.intent_label(intent),
            "destination": care.destination_text(destination, channels),
        }
        return [Hit(start, end, values=values) for start, end in spans]

    return check


MECHANISMS: dict[str, Callable[[Any], list[tuple[int, int]]]] = {
    "fault": care.admissions,
    "levity": care.tautologies,
    "advice": care.reassurances,
    "compensation": care.compensations,
    "sell": care.promotions,
}


def _referred(doc: Any) -> bool:
    """Whether a reply sends the reader to a professional or a private channel."""
    return care.phrases("replies", "medical_referral").any_in(doc) or care.hands_off_in(doc)


FELT = 1.0  # VADER valence of a feeling word ("terrifying" -2.8, "scary" -2.2)


def _felt(norms: list[str], end: int) -> bool:
    """A modal guess about a feeling, not a cause: "must have been terrifying", "must be scary"."""
    following = [w for w in norms[end : end + 3] if w.strip()]
    if following[:1] in (["been"], ["be"]):
        following = following[1:]
    following = [w for w in following if w not in {"so", "really", "very", "absolutely", "truly"}]
    return bool(following) and abs(valence_of_word(following[0])) >= FELT


FUTURE = frozenset({"will", "'ll", "ll", "shall"})


def _promised_act(norms: Any, first: int) -> bool:
    """A verb of action the brand promises ("we will investigate", "we'll look into it"): what it
    will do once the matter is in private, not a statement on the matter."""
    return any(n in FUTURE for n in norms[max(0, first - 2) : first])


def _spans(which: str, post: PostContext) -> list[tuple[int, int]]:
    doc = post.doc
    tokens: list[tuple[int, int]] = []
    if which in ("cause", "advice", "levity", "statement"):
        tokens += [(s.first, s.end) for s in care.phrases("replies", which).find(doc)]
    if which == "cause" and tokens:
        # "that must have been terrifying" feels with the customer; it guesses at no cause
        norms = care.norms_of(doc)
        tokens = [t for t in tokens if not (norms[t[0]] == "must" and _felt(norms, t[1]))]
    if which == "statement" and tokens:
        # "our press office is handling recall questions": naming the topic while handing off
        handing = [
            (a.first, a.end) for a in care.acts(doc) if care.hands_off_in(doc, a.first, a.end)
        ]
        tokens = [t for t in tokens if not any(a <= t[0] < b for a, b in handing)]
        if handing:
            # "please call our privacy team ... we will investigate": the promise of the hand-off
            norms = care.norms_of(doc)
            tokens = [t for t in tokens if not _promised_act(norms, t[0])]
    if which == "advice" and _referred(doc):
        # a warning advises nothing: "stop taking it", "ibuprofen is toxic to dogs" (the
        # advice word inside the warning, or right before it)
        cautions = care.phrases("replies", "caution").find(doc)
        tokens = [
            t
            for t in tokens
            if not any(c.first <= t[0] < c.end or t[1] <= c.first <= t[1] + 1 for c in cautions)
        ]
    if which in MECHANISMS:
        tokens += MECHANISMS[which](doc)
    if which == "argue" and post.customer is not None:
        tokens += care.contradictions(doc, post.customer.analysis.doc)
    spans = [care.char_span(doc, first, end) for first, end in tokens]
    if which == "levity":
        emoji = care.lexicon("replies")["levity"]["emoji"]
        for symbol in emoji:
            index = doc_text(doc).find(symbol)
            if index >= 0:
                spans.append((index, index + len(symbol)))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
