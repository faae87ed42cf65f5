"""``ends_problem``: the hit's sentence declares a problem the draft has just named gone for good
("Bald spots? Not anymore.", "Damp walls? Gone for good once our insulation goes in.", "Back
pain? Ten nights on our mattress and it's history.").

The copywriter's formula of a problem asked and answered: a short question that names a problem
(a word of the claim grammar's health or protection objects, a loss, a word of trouble of
``problem_words``: "squeaky", "leaks", or a word VADER scores clearly negative: "tired", "pain") and, in the next sentence, the problem declared
ended (``riddance`` in ``lexicons/claims/topics.yaml``: "gone", "never again", "not anymore",
"history", "put an end to"). It promises the result to every reader who has the problem, with no
"may" and no "most": a claim that needs proof it holds for all (FTC Act s.5; FTC Policy Statement
Regarding Advertising Substantiation, 1984; CAP Code 3.7).

Not a problem ended: a riddance negated or hedged ("it may not be gone for good"), a question
("Gone for good?"), an answer to a question that names no problem ("New menu? Gone are the
days..." names none), or a question too long to be a headline.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.analysis import valence_of_word
from voicelint.conditions.topics import lexicon as topics
from voicelint.lexicon import load
from voicelint.nlp import PhraseList, is_word, parse, tokens

NAME = "ends_problem"
VALUES = ()
HEADLINE_WORDS = 8  # the most words of the question that names the problem
SUBJECT_WORDS = 4  # the most words of the subject a problem is declared over in
BE = frozenset({"are", "is", "'re", "'s", "be", "were"})
PROBLEM = -0.9  # VADER valence of a word that names a problem on its own ("whining", "tired")


@cache
def _problems() -> frozenset[str]:
    """Words that name a problem: the health and protection objects and the losses of the claim
    grammar (``lexicons/claims/outcomes.yaml``), and the words of trouble of ``problem_words``."""
    classes = load("claims/outcomes")["classes"]
    words: set[str] = set()
    for name, part in (("health", "objects"), ("protection", "objects"), ("losses", "results")):
        words.update(str(w) for w in classes[name].get(part) or [] if " " not in str(w))
    words -= {"energy", "sleep", "skin", "hair", "body", "smile", "teeth", "growth", "heart"}
    return frozenset(words) | topics()["problem_words"]


def _gone_are(norms: Any, first: int, end: int) -> bool:
    """ "Gone are the days of one veggie option": the idiom of a change, no problem ended."""
    return norms[first] == "gone" and end < len(norms) and norms[end] in {"are", "is", "were"}


@cache
def _riddance() -> PhraseList:
    """Matched as written, not by lemma: "gone", not "going"."""
    return PhraseList(exact=list(_riddance_words()), name="ends_problem:riddance")


@cache
def _riddance_words() -> tuple[str, ...]:
    return tuple(str(w) for w in load("claims/topics")["riddance"])


@cache
def _cue_sets() -> tuple[frozenset[str], ...]:
    """The words of each riddance, and "over": a sentence that holds none of these whole sets
    declares nothing ended, and is not analysed (the rule asks this of every sentence)."""
    return (
        *(frozenset(w for w in tokens(parse(e)).norms if w.strip()) for e in _riddance_words()),
        frozenset({"over"}),
    )


def post_holds(post: Any, value: Any = None) -> bool:
    """The post-wide part, tested before a rule's check: some sentence can hold a riddance's
    words only if the post holds them (most posts do not, and the rule then lists no sentence)."""
    words = set(tokens(post.doc).norms)
    return any(cues <= words for cues in _cue_sets())


def holds(view: Any, value: Any = None) -> bool:
    words = set(view.words)
    if not any(cues <= words for cues in _cue_sets()):
        return False
    sentence = view.sentence
    if sentence is None or sentence.act == "question" or sentence.hedged:
        return False
    doc = view.analysis.doc
    norms = tokens(doc).norms
    spans = [
        s
        for s in _riddance().find(doc, sentence.first, sentence.end)
        if s.first not in sentence.negated and not _gone_are(norms, s.first, s.end)
    ]
    table = tokens(doc)
    if any(_declared_over(table, sentence, s.first) for s in spans) or _over(table, sentence):
        return True  # "your coffee stains are history", "those drafts are gone for good"
    if not spans:
        return False
    question = view.analysis.previous(sentence)
    if question is None or question.act != "question":
        return False
    words = [i for i in range(question.first, question.end) if is_word(table.norms[i])]
    if not words or len(words) > HEADLINE_WORDS:
        return False
    return any(_problem(table, i) for i in words)


def _problem(table: Any, i: int) -> bool:
    problems = _problems()
    return (
        table.norms[i] in problems
        or table.lemmas[i] in problems
        or valence_of_word(table.norms[i]) <= PROBLEM
    )


def _declared_over(table: Any, sentence: Any, first: int) -> bool:
    """A problem the sentence names as its subject, then "are", "is" or "will be" and the
    riddance: "your coffee stains are history" (not "the sale is over": no problem)."""
    norms = table.norms
    k = first - 1
    while k >= sentence.first and not norms[k].strip():
        k -= 1
    if k < sentence.first or norms[k] not in BE:
        return False
    subject = [i for i in range(max(sentence.first, k - SUBJECT_WORDS), k) if is_word(norms[i])]
    opener = next((i for i in range(sentence.first, k) if is_word(norms[i])), None)
    if opener is not None and norms[opener] in {"if", "when", "until", "once", "after"}:
        return False  # "once your cold is over, ...": a time supposed
    return any(_problem(table, i) for i in subject)


def _over(table: Any, sentence: Any) -> bool:
    """ "your stuffy mornings are over": "over" closing the sentence after a be-verb, with a
    problem in its subject."""
    norms = table.norms
    words = [i for i in range(sentence.first, sentence.end) if is_word(norms[i])]
    for k, i in enumerate(words):
        if norms[i] == "over" and k > 0 and (k + 1 == len(words)) and norms[words[k - 1]] in BE:
            return _declared_over(table, sentence, i)
    return False
