"""``alleges``: the hit's sentence states as a fact what a competitor it names does or did.

A competitor from ``voice.competitors`` as the subject of a verb of action in the present or the
past ("Tallybook loses customer data", "BugBusters uses cheap chemicals", "Nettle charged me
twice"): an allegation a reader takes as fact, which needs the same substantiation as any other
objective claim, and whose falsity is the disparagement the law reaches (FTC Statement of Policy
Regarding Comparative Advertising, 16 CFR 14.15; Lanham Act section 43(a)(1)(B); CAP Code 3.42,
3.33). A verb of being or seeming is an opinion ("Northgate is awful": a tone matter); a verb that
is the plain form ("Nettle charge") is no inflected act and is left alone, so plural nouns
("Acme rates") are not read as verbs. Only a negative allegation counts: a word of negative
valence (VADER, -1.0 or below: "loses", "sick", "junk") from the verb to the end of the sentence;
or a word of a practice that wrongs the customer which VADER scores neutral (``wrongdoing`` in
``lexicons/claims/topics.yaml``: "hidden fees", "holds back winnings", "data to advertisers");
"Acme opened a store in Leeds" alleges nothing, unless the brand is set against it in the next
sentence or by "unlike" ("Keystone's shingles blow off in the first storm. Ours don't."). "Unlike
DoorSentry, our cameras don't leak your footage" alleges too: after "unlike" and the name, the
brand denies a misconduct (``misconduct`` in ``lexicons/competitors.yaml``), so the competitor
does it; "Unlike Northgate, we charge no monthly fee" compares offers.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.analysis import valence_of_word
from voicelint.conditions.target import PROTECTIVE
from voicelint.conditions.topics import lexicon as topics
from voicelint.lexicon import load
from voicelint.nlp import lemma_of, tokens

NAME = "alleges"
VALUES = ()
# words that may stand between the competitor and its verb
BETWEEN = frozenset(
    {"just", "still", "always", "often", "actually", "literally", "really", "regularly", "also"}
    | {"routinely", "never", "even", "apparently", "reportedly", "'s", "’s"}
)
# verbs of being, having and seeming state an opinion or a state, not an act
OPINION = frozenset({"be", "have", "seem", "look", "feel", "sound", "appear", "get", "say"})
REACH = 3  # words after the competitor's name its verb may be
NEGATIVE = -1.0  # VADER valence of a word that makes the allegation negative


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    named = view.analysis.competitor_tokens
    if sentence is None or not named:
        return False
    table = tokens(view.analysis.doc)
    norms = table.norms
    ends = [i + 1 for i in named if sentence.first <= i < sentence.end and i + 1 not in named]
    for end in ends:
        j, seen = end, 0
        while j < sentence.end and seen < REACH:
            word = norms[j]
            if not word.strip():
                j += 1
                continue
            if word in BETWEEN:
                j, seen = j + 1, seen + 1
                continue
            if _acts(word):
                # the verb by its lemma ("loses": lose, "charges": charge, not criminal charges)
                return (
                    _wrongdoing().any_in(view.analysis.doc, j, sentence.end)
                    or valence_of_word(table.lemmas[j]) <= NEGATIVE
                    or any(
                        valence_of_word(norms[k]) <= NEGATIVE
                        or valence_of_word(table.lemmas[k]) <= NEGATIVE
                        for k in range(j + 1, sentence.end)
                    )
                    or _contrasted(view, sentence, norms)
                )
            break
    return _unlike_denial(sentence, named, norms, table.lemmas)


# "Unlike X, we don't hide fees": the brand denies a misconduct, so X does it
DENIALS = frozenset({"n't", "not", "never", "no", "without"})
DENIED_REACH = 3  # words from the denial to the misconduct: "don't ever leak"


@cache
def _misconduct() -> frozenset[str]:
    return frozenset(str(w) for w in load("competitors")["misconduct"])


def _unlike_denial(sentence: Any, named: Any, norms: Any, lemmas: Any) -> bool:
    """ "Unlike DoorSentry, our cameras don't leak your footage": "unlike" just before a
    competitor it names, then the brand's denial of a misconduct (``misconduct`` in
    ``lexicons/competitors.yaml``, or a verb VADER reads negative): an allegation that the
    competitor does it. "Unlike Northgate, we charge no monthly fee" compares offers."""
    first, end = sentence.first, sentence.end
    unlike = [
        k for k in range(first, end) if norms[k] == "unlike" and any(k < i <= k + 3 for i in named)
    ]
    if not unlike:
        return False
    misconduct = _misconduct()
    for k in range(unlike[0] + 1, end):
        if norms[k] not in DENIALS:
            continue
        for j in range(k + 1, min(end, k + 1 + DENIED_REACH)):
            if (
                norms[j] in misconduct
                or lemmas[j] in misconduct
                or (norms[j].isalpha() and valence_of_word(lemmas[j]) <= NEGATIVE)
            ):
                return True
    return False


def _wrongdoing() -> Any:
    return topics()["wrongdoing"]


def _contrasted(view: Any, sentence: Any, norms: Any) -> bool:
    """The brand set against what the competitor does, in the next sentence ("Keystone's shingles
    blow off in the first storm. Ours don't.", "Hairwell charges twice as much. Come to us.") or
    by "unlike": the act is told to run the competitor down, whatever its words."""
    if any(norms[k] in {"unlike", "whereas"} for k in range(sentence.first, sentence.end)):
        return True
    following = [s for s in view.analysis.sentences if s.first >= sentence.end]
    if not following:
        return False
    nxt = following[0]
    words = [norms[k] for k in range(nxt.first, nxt.end) if norms[k].isalpha() or "'" in norms[k]]
    if not words:
        return False
    if words[0] in {"ours", "choose", "switch", "come", "join"}:
        return True  # "Ours don't.", "Come to us for real results."
    return words[0] in {"we", "our", "we're", "we've", "we'll"} and any(
        w in {"n't", "not", "never", "actually", "instead", "only"} for w in words[1:5]
    )  # "We don't.", "We actually pay out"; not "We're opening one too."


def _acts(word: str) -> bool:
    """An inflected verb of action, by its ending: "uses", "loses", "charged"; not "is", "has",
    "seems", nor what a plan covers ("includes damage"), nor a noun ("crew")."""
    if not word.isalpha() or not word.endswith(("s", "ed")) or word in PROTECTIVE:
        return False
    lemma = lemma_of(word)
    return lemma != word and lemma not in OPINION and lemma not in PROTECTIVE
