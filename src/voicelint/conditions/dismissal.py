"""``dismissal: told_before | obvious | closed``: the hit's sentence shuts the customer down.

Constructions, not listed sentences (word classes in ``lexicons/analysis.yaml``):

- ``told_before``: the brand says it has said it already: "we've explained this three times",
  "as I have already stated", "we covered this in two earlier replies" (the brand, a verb of
  saying and a mark of repetition; "as we mentioned in our last post" without one informs).
- ``obvious``: the reader pointed at what is plainly shown: "it's literally printed on the cup",
  "the hours are clearly posted", "it clearly says".
- ``closed``: the conversation declared over: "this conversation is over", "nothing further to
  discuss".
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon

NAME = "dismissal"
VALUES = ("told_before", "obvious", "closed")
SPEAKERS = frozenset({"we", "i", "our", "my", "'ve", "have", "has", "had"})
NOTHING = frozenset({"nothing", "no"})
FURTHER = frozenset({"further", "more", "else"})
TALK = frozenset({"discuss", "add", "say", "debate", "argue", "comment"})
# several earlier messages: the customer has been answered more than once
MESSAGES = frozenset(
    {"replies", "posts", "messages", "tweets", "emails", "responses", "answers", "comments"}
)
COPULAS = frozenset({"is", "are", "was", "were", "'s", "'re", "been", "be"})
FINITE = frozenset({"says", "said", "states", "stated", "shows", "showed", "lists", "listed"})


def holds(view: Any, value: str) -> bool:
    span = view.words  # word cues only: the sentence needs no analysis
    return bool(span) and CHECKS[value](span)


def _told_before(span: list[str]) -> bool:
    words = lexicon()
    for k, word in enumerate(span):
        if word not in words["statement_verbs"]:
            continue
        before, after = span[max(0, k - 4) : k], span[k + 1 : k + 7]
        if not any(w in words["brand"] or w in {"i", "my"} for w in before + span[:2]):
            continue
        repeated = any(w in words["repetition"] for w in before + after)
        if repeated or any(w in MESSAGES for w in after):
            return True  # "in two earlier replies"; "in our last post" informs
    return False


def _obvious(span: list[str]) -> bool:
    words = lexicon()
    if any(w in words["brand"] and w != "our" for w in span):
        return False  # "we clearly stated the wrong time": the brand owning a mistake
    for k, word in enumerate(span):
        if word in words["obviousness"] and word != "already":
            ahead = span[k + 1 : k + 3]
            stated = k > 0 and span[k - 1] in COPULAS  # "the hours are clearly posted"
            if any(w in FINITE or (stated and w in words["displayed"]) for w in ahead):
                return True  # "it clearly says"; not "with the room clearly marked" (a promise)
    return False


def _closed(span: list[str]) -> bool:
    words = lexicon()
    for k, word in enumerate(span):
        if word in words["closure_nouns"] and any(
            w in words["closed"] for w in span[k + 1 : k + 4]
        ):
            return k > 0 and span[k - 1] in {"this", "the", "that", "our"}
        if word in NOTHING and any(w in FURTHER for w in span[k + 1 : k + 2]):
            rest = span[k + 2 : k + 4]
            if rest[:1] == ["to"] and any(w in TALK for w in rest[1:]):
                return True
    return False


CHECKS = {"told_before": _told_before, "obvious": _obvious, "closed": _closed}
