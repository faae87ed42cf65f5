"""Which routing intents a customer's message carries (billing, injury, press inquiry...).

Triggers and look-alikes come from ``lexicons/routing/intents.yaml``. A trigger inside a look-alike
("burnt taste", "French press", "my lawyer friend") does not count; a one-word trigger written as a
proper noun mid-sentence ("my friend Sue") does not count; intents about the customer's own matter
(billing, orders, account security) do not count in a question about the policy in general ("what
is your refund policy?", "how do I cancel?") unless the customer speaks of their own matter. A message can carry several intents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from voicelint.care import Phrases, Span, lexicon, sentences
from voicelint.nlp import parse

QUESTION_WORDS = frozenset(
    {
        "how",
        "what",
        "when",
        "where",
        "why",
        "which",
        "who",
        "do",
        "does",
        "is",
        "are",
        "can",
        "will",
    }
)


@dataclass(frozen=True)
class IntentSpec:
    name: str
    any: Phrases
    all: tuple[Phrases, ...]
    except_: Phrases
    orth: frozenset[str]
    personal: bool
    whole_message: bool


@lru_cache(maxsize=1)
def specs() -> tuple[IntentSpec, ...]:
    data = lexicon("intents")["intents"]
    return tuple(
        IntentSpec(
            name,
            Phrases(entry.get("any") or ()),
            tuple(Phrases(group) for group in entry.get("all") or ()),
            Phrases(entry.get("except") or ()),
            frozenset(entry.get("orth") or ()),
            bool(entry.get("personal")),
            entry.get("scope") == "message",
        )
        for name, entry in data.items()
    )


@lru_cache(maxsize=1)
def _general_and_personal() -> tuple[Phrases, Phrases]:
    data = lexicon("intents")
    return Phrases(data["general"]), Phrases(data["personal"])


@lru_cache(maxsize=4096)
def detect(message: str | None) -> frozenset[str]:
    """The intents of a customer's message, in any order."""
    if not message or not message.strip():
        return frozenset()
    doc = parse(message)
    return frozenset(intents_of_doc(doc))


def intents_of_doc(doc: Any) -> set[str]:
    general, personal = _general_and_personal()
    found: set[str] = set()
    for first, end in sentences(doc):
        own = personal.any_in(doc, first, end)
        is_general = general.any_in(doc, first, end)
        for spec in specs():
            if spec.name in found:
                continue
            if spec.personal and (is_general or (not own and _question(doc, first, end))):
                continue
            if _triggered(spec, doc, first, end):
                found.add(spec.name)
    for spec in specs():
        if spec.whole_message and spec.name not in found and _triggered(spec, doc, 0, len(doc)):
            found.add(spec.name)
    return found


def _triggered(spec: IntentSpec, doc: Any, first: int, end: int) -> bool:
    excepted = spec.except_.find(doc, first, end)

    def counts(spans: list[Span]) -> bool:
        return any(
            not _inside(span, excepted) and not _proper_noun(doc, span, first) for span in spans
        )

    if counts(spec.any.find(doc, first, end)):
        return True
    if any(doc[i].text in spec.orth for i in range(first, end)):
        return True
    return bool(spec.all) and all(counts(group.find(doc, first, end)) for group in spec.all)


def _question(doc: Any, first: int, end: int) -> bool:
    return any(doc[i].text == "?" for i in range(first, end)) or doc[first].lower_ in QUESTION_WORDS


def _inside(span: Span, others: list[Span]) -> bool:
    return any(o.first <= span.first and span.end <= o.end for o in others)


def _proper_noun(doc: Any, span: Span, sentence_start: int) -> bool:
    """A one-word trigger capitalised mid-sentence is a name ("Sue", "Bill"), not the word."""
    if span.end - span.first != 1 or span.first == sentence_start:
        return False
    text = doc[span.first].text
    previous = doc[span.first - 1].text
    return text[:1].isupper() and not text.isupper() and previous not in {'"', "'", "(", "-", "@"}
