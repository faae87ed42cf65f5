"""``foretells``: the hit's sentence tells the reader, as certain, a result their own life or
things will come to, bound to a deadline, a span, a figure or "never".

"Your accent will disappear in weeks", "you'll be chatting with natives by Friday", "every room in
your house will stay at exactly 70° all winter long", "after 12 weeks with us, you will never
need surgery", "your kitchen stays ant-free all summer long". No list of results holds these:
the claim is the form, a future (or a state kept: "stays", "remains") said of the reader or what
is theirs, with nothing to hedge it and something to make it sure: a deadline ("in weeks", "by
summer", "overnight": the claim grammar's deadlines), a span over all of a time ("all winter
long", "for life"), a figure ("300,000 miles", "8 hours straight"), "exactly", or "never" and
"again". It promises every reader the result and needs proof that holds for all (FTC Policy
Statement Regarding Advertising Substantiation, 1984; CAP Code 3.7).

Not foretold: a service's course ("your order will arrive by Friday", "you'll receive your card
within 7 days", "you'll be charged on the 1st": ``service_verbs``), a feeling ("you'll love it"),
a question, a hedge ("should", "may", "most", "typically"), a negated future that is not "never"
("you won't be charged"), a condition ("if you..."), or a sentence about someone else. Words in
``lexicons/claims/topics.yaml`` (``service_verbs``, ``whole_spans``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.conditions.topics import lexicon as topics
from voicelint.lexicon import load
from voicelint.nlp import tokens

NAME = "foretells"
VALUES = ()

READER = frozenset({"you", "u"})
YOURS = frozenset({"your", "ur", "yer"})
KEPT = frozenset({"stay", "stays", "remain", "remains", "keep", "keeps"})  # a state kept
SUBJECT_ENDS = frozenset({"and", "or", "but", "we", "i", "they", "it", "he", "she", "that", "to"})
SUBJECT_ENDS |= {"which", "who", "so", "then", "if", "when"}
SUBJECT_WORDS = 5  # the most words from "your" to its verb ("every room in your house will")
ADVERBS = frozenset(
    {"easily", "definitely", "certainly", "surely", "finally", "actually", "really", "literally"}
    | {"totally", "absolutely", "soon", "quickly", "instantly", "also", "still", "even", "be"}
)
NEVER = frozenset({"never"})
PERCEIVING = frozenset({"see", "notice", "feel"})
RESULT_NOUNS = frozenset({"results", "result", "difference", "change", "changes", "improvement"})
SURE = frozenset({"exactly", "again", "forever", "permanently", "straight", "guaranteed"})
HEDGES = frozenset({"if", "when", "once", "unless", "most", "many", "some", "typically"})
HEDGES |= {"usually", "often", "likely", "probably", "hopefully", "aim", "hope", "should"}


@cache
def _future() -> frozenset[str]:
    """The claim grammar's future auxiliaries (``future`` in ``lexicons/claims/outcomes.yaml``)."""
    return frozenset(str(w) for w in load("claims/outcomes")["future"])


def _words() -> tuple[frozenset[str], Any]:
    data = topics()
    return data["service_verbs"], data["whole_spans"]


def holds(view: Any, value: Any = None) -> bool:
    words = view.words
    if not any(w in READER or w in YOURS for w in words):
        return False  # the cheap cue first: nobody to foretell a result to
    if any(w in HEDGES for w in words):
        return False
    if not any(w in _future() or w in KEPT for w in words):
        return False  # no future and no state kept: nothing foretold
    sentence = view.sentence  # analysed only now
    if sentence is None or sentence.act == "question" or sentence.hedged:
        return False  # (a request may foretell after its "and": "download it and you'll...")
    table = tokens(view.analysis.doc)
    norms, lemmas = table.norms, table.lemmas
    first, end = sentence.first, sentence.end
    verb = _foretold_verb(norms, first, end)
    if verb is None:
        return False
    services, _ = _words()
    if sentence.act == "request" and not _after_and(norms, first, verb):
        return False  # "Book now: you'll get..." offers; "book now and you'll..." promises
    if norms[verb] in PLACES or (norms[verb] in KEPT and _a_term(norms, verb + 1, end)):
        return False  # "you'll be in Paris in two hours", "your rate stays fixed for 5 years"
    kept = norms[verb] in KEPT  # "your kitchen stays ant-free": a state, not a visit
    never = any(norms[i] in NEVER for i in range(max(first, verb - 3), verb))
    seen = lemmas[verb] in PERCEIVING and any(
        norms[i] in RESULT_NOUNS for i in range(verb + 1, min(end, verb + 4))
    )  # "you'll see results in two weeks": the result, seen
    if not (kept or never or seen) and (lemmas[verb] in services or norms[verb] in services):
        return False
    return _made_sure(view.analysis.doc, norms, verb, end, sentence)


def _foretold_verb(norms: Any, first: int, end: int) -> int | None:
    """The verb after the reader's future ("you'll be chatting", "your accent will disappear",
    "you will never need") or after a state kept of what is theirs ("your kitchen stays"): its
    token index, or None."""
    for i in range(first, end):
        word = norms[i]
        if word in READER and i + 1 < end and norms[i + 1] in _future():
            return _verb_after(norms, i + 2, end)
        if word in YOURS:
            for j in range(i + 1, min(end, i + 1 + SUBJECT_WORDS)):
                if norms[j] in SUBJECT_ENDS:
                    break  # "reply with your account number and we'll look into it": not yours
                if norms[j] in _future():
                    return _verb_after(norms, j + 1, end)
                if norms[j] in KEPT and norms[j - 1] not in {"to", "must", "should"}:
                    return j  # "your kitchen stays ant-free"; not "needs to stay a member"
                if not norms[j].isalpha():
                    break
    return None


PLACES = frozenset({"in", "at", "inside", "aboard", "onboard"})  # "you'll be in Paris by noon"
TERMS = frozenset({"fixed", "locked", "same", "unchanged", "frozen", "open", "active", "valid"})


def _a_term(norms: Any, i: int, end: int) -> bool:
    """A state kept that is the product's term ("stays fixed", "remains the same", "stays at
    $19.99")."""
    if any(norms[k] in TERMS for k in range(i, min(end, i + 2))):
        return True
    return i + 1 < end and norms[i] == "at" and (norms[i + 1] in MONEY or norms[i + 1][:1] in MONEY)


MONEY = frozenset({"$", "£", "€"})


def _after_and(norms: Any, first: int, verb: int) -> bool:
    """An "and" before the future: the second half of "ORDER and RESULT"."""
    return any(norms[i] == "and" for i in range(first, verb))


def _verb_after(norms: Any, i: int, end: int) -> int | None:
    while i < end and (norms[i] in ADVERBS or norms[i] in NEVER or not norms[i].strip()):
        i += 1
    if i < end and norms[i].isalpha() and norms[i] not in {"not", "n't"}:
        return i
    return None


def _made_sure(doc: Any, norms: Any, verb: int, end: int, sentence: Any) -> bool:
    """A deadline, a span over a whole time, a figure, "exactly" or "never ... again" from the
    future to the end of the sentence."""
    from voicelint.kinds.claim import deadlines  # the claim grammar's: a kind of this layer

    start = max(sentence.first, verb - 3)
    if any(norms[i] in NEVER for i in range(start, verb)) or any(
        norms[i] in SURE for i in range(verb, end)
    ):
        return True
    if any(norms[i][:1].isdigit() for i in range(verb, end)):
        return True
    _, spans = _words()
    if spans.any_in(doc, verb, end):
        return True
    found = doc.user_data.get(DEADLINES_KEY)
    if found is None:
        found = doc.user_data[DEADLINES_KEY] = [a for a, _b in deadlines().find(doc)]
    return any(verb <= a < end for a in found)


DEADLINES_KEY = "voicelint.foretells.deadlines"  # found once per post, not once per sentence
