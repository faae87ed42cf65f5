"""``refuses``: the hit's sentence turns down the customer's claim for money, in public.

A refusal cue ("unable to", "can't", "won't", "would not be") a few words before a verb of paying
back or covering ("refund", "compensate", "reimburse", "covered", "eligible"), with the customer as
who is not paid ("unable to refund you"), their own claim as what is not paid ("we're unable to
pay this claim", "the claim can't be paid") or their claim as what would not be covered ("a car
rental would not be covered"; "water damage isn't covered" states the policy in general). A decision on one customer's claim is theirs to hear in private (the
customer-care pack's routing notes). Not a question, and not a condition ("if we can't refund you,
we'll replace it"); whether the reply hands off is the rule's ``unless: [hands_off]``. Word
classes in ``lexicons/routing/replies.yaml`` (``refusal``).
"""

from __future__ import annotations

from typing import Any

from voicelint import care
from voicelint.analysis import lexicon

NAME = "refuses"
VALUES = ()
WINDOW = 4  # a refusal cue this many words before the money verb: "are unable to refund"
CLAIMANTS = frozenset({"you", "your", "u", "ur", "yours"})
# a state of the claim ("would not be covered") decides it only with a modal of this case:
# "water damage isn't covered" states the policy in general
STATES = frozenset({"covered", "eligible"})
MODALS = frozenset({"would", "will", "wo", "'d", "wouldn't", "won't"})


THEIRS = frozenset({"this", "that", "the", "your", "ur"})
# A money word used as a noun is no refusal: "does not affect your credit score", "no pay rise".
DETERMINERS = frozenset({"your", "ur", "the", "a", "an", "my", "their", "our", "his", "her"})
COMPOUNDS = frozenset(
    {"score", "scores", "check", "checks", "card", "cards", "report", "reports", "history"}
    | {"limit", "limits", "union", "line", "rating", "file", "rise", "raise", "period", "slip"}
)


def _noun(span: list[str], k: int) -> bool:
    """The money word is a noun: after a determiner or before the noun it modifies."""
    return (k > 0 and span[k - 1] in DETERMINERS) or (
        k + 1 < len(span) and span[k + 1] in COMPOUNDS
    )


def _their_claim(span: list[str], k: int, nouns: set[str]) -> bool:
    """The customer's own claim, named with a definite determiner, is the money verb's object or
    subject: "pay this claim", "the claim can't be paid" (not "claims are paid within 10 days")."""
    near = [*range(k + 1, min(len(span), k + 4)), *range(max(0, k - 6), k)]
    return any(span[j] in nouns and j > 0 and span[j - 1] in THEIRS for j in near)


def holds(view: Any, value: Any = None) -> bool:
    span = [w.replace("’", "'") for w in view.words]
    if not span or "?" in span[-1] or view.post.post.kind != "reply":
        return False
    words = care.lexicon("replies")["refusal"]
    cues, verbs = set(words["cues"]), set(words["money_verbs"])
    conditionals = lexicon()["conditionals"]
    for k, word in enumerate(span):
        if word not in verbs or _noun(span, k):
            continue
        before = span[max(0, k - WINDOW) : k]
        if not any(w in cues for w in before) or any(w in conditionals for w in span[:k]):
            continue
        if any(w in CLAIMANTS for w in span[max(0, k - 6) : k + 4]):
            return True  # "unable to refund you"
        if _their_claim(span, k, set(words["claim_nouns"])):
            return True  # "we're unable to pay this claim", "the claim can't be paid"
        if word in STATES and any(w in MODALS for w in before):
            return True  # "a car rental would not be covered"
    return False
