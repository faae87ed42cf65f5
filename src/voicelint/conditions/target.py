"""``target: reader | brand | competitor``: whom the negative words of the hit's sentence describe.

Valence says a sentence is negative; ``target`` says at whom. Each word of clearly negative
valence (VADER, outside a negation's scope: see ``analysis``), or a word that judges a person and
that VADER scores neutral ("entitled", "absurd": ``judgements``), describes the nearest person to
its left in its clause:

- ``reader``: "you were rude", "you're being ridiculous", "your complaint is absurd" (the reader's
  own words or conduct, ``reader_things``), "someone" and "some people" standing for the reader;
  with nobody to its left, a word right before the reader's conduct ("what a stupid question") or
  before "of you" ("rude of you").
- ``brand``: "our app was awful to you today" owns the problem; it does not describe the reader.
- ``competitor``: a name from ``voice.competitors``, or "they"/"their" after one, and the things
  they own ("Southbank's app is a disaster").

Only words that describe a person count: between the person and the word may stand a copula,
an auxiliary or an intensifier (``describing_path``), nothing else, so "you were charged by
mistake" and "you had a problem" are what happened to the reader, not what the reader is. A
condition ("if you have a problem") describes no one, and neither does what a plan covers
("SafeHarbor includes theft and damage": after include, cover, insure, protect, against), nor
what may happen to them ("you could lose what you stake": right after could, might, may, can),
nor how they feel ("sorry you are unhappy": ``feelings_of_offence``), nor what a competitor
cleared away ("their cleanup picked up 300 lbs of trash": after a verb of ``remedies``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from voicelint.analysis import NEGATIVE_WORD, Sentence, lexicon, word_valence
from voicelint.nlp import tokens

NAME = "target"
VALUES = ("reader", "brand", "competitor")
POSSESSIVES = frozenset({"your", "ur", "yours", "our", "ours", "their", "theirs"})
COMPETITOR_WORDS = frozenset({"they", "their", "them", "theirs", "themselves", "it", "its"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "(", ")", "but", "and", "so"})
# a negative word after one of these names what a plan covers, not what someone is
PROTECTIVE = frozenset(
    {
        "include",
        "includes",
        "included",
        "including",
        "cover",
        "covers",
        "covered",
        "covering",
        "insure",
        "insures",
        "against",
        "protect",
        "protects",
        "protection",
    }
)


# a modal of possibility right before the negative word: what may happen, not a description
POSSIBILITY = frozenset({"could", "might", "may", "can"})


def holds(view: Any, value: str) -> bool:
    judgements = lexicon()["judgements"]
    if not any(
        w in judgements or word_valence(w, lemma) <= NEGATIVE_WORD
        for w, lemma in zip(view.words, view.lemmas, strict=True)
    ):
        return False  # no negative word at all (read as the analysis reads it): leave it unanalysed
    sentence = view.sentence
    return sentence is not None and value in targets(view.post, sentence)


def targets(post: Any, sentence: Sentence) -> frozenset[str]:
    """Whom the sentence's negative words describe (empty when they describe things)."""
    analysis = post.analysis
    norms = tokens(analysis.doc).norms
    competitor = analysis.competitor_tokens
    judgements = lexicon()["judgements"]
    words = set(sentence.negative_words) | {
        i
        for i in range(sentence.first, sentence.end)
        if norms[i] in judgements and i not in sentence.negated
    }
    return frozenset(
        who for i in words if (who := _described(norms, i, sentence, competitor)) is not None
    )


def _described(
    norms: Sequence[str], index: int, sentence: Sentence, competitor: frozenset[int]
) -> str | None:
    words = lexicon()
    if index > sentence.first and norms[index - 1] in POSSIBILITY:
        return None  # "you could lose what you stake": a risk told, not what the reader is
    if norms[index] in words["feelings_of_offence"]:
        return None  # "sorry you are unhappy": how the reader feels, not what they are
    path_ok, remedied = True, norms[index] in words["remedies"]
    for j in range(index - 1, sentence.first - 1, -1):
        word = norms[j]
        if word in words["conditionals"] or word in PROTECTIVE:
            return None  # "if it breaks"; "includes rental car damage": what a plan covers
        if word in CLAUSE_BREAKS:
            break
        remedied = remedied or word in words["remedies"]
        person = _person(norms, j, sentence, competitor, words)
        if person == "competitor":
            # their products count: "Southbank's app is a disaster"; what they cleared away does
            # not describe them: "Coppertide's cleanup picked up 300 lbs of trash"
            return None if remedied else person
        if person == "brand":
            return person  # "our courier was awful to you": the brand owns the problem
        if person is not None:
            if not path_ok:
                return None  # "you were charged by mistake": what happened, not who they are
            if any(norms[k] in words["conditionals"] for k in range(sentence.first, j)):
                return None
            if word in POSSESSIVES and j + 1 < index:
                # "your order was wrong" describes the order; "your complaint is absurd" the reader
                return person if norms[j + 1] in words["reader_things"] else None
            return person
        if word.strip() and word not in words["describing_path"]:
            if (
                word in words["reader_things"]
                and j > sentence.first
                and norms[j - 1] in POSSESSIVES
            ):
                continue  # "your complaint is": the possessive decides
            path_ok = False
    after = norms[index + 1 : sentence.end]
    if after and after[0] in words["reader_things"]:
        return "reader"  # "what a stupid question"
    if len(after) > 1 and after[0] in {"of", "from"} and after[1] in words["reader"]:
        return "reader"  # "rude of you"
    return None


def _person(
    norms: Sequence[str],
    j: int,
    sentence: Sentence,
    competitor: frozenset[int],
    words: dict[str, Any],
) -> str | None:
    word = norms[j]
    if j in competitor:
        return "competitor"
    if word in words["they"] and "competitor" in sentence.about:
        return "competitor"
    if word in words["reader"] or word in words["stand_ins"]:
        return "reader"
    if word in words["group_nouns"] and j > sentence.first and norms[j - 1] == "some":
        return "reader"
    if word in words["brand"] or word in {"i", "me", "my"}:
        return "brand"
    return None
