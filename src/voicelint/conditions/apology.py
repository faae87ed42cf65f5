"""``apology``: the hit's sentence apologises or sympathises (sorry, apologise, we understand).

Read from the sentence's words in ``lexicons/analysis.yaml`` (``apology``). Two things do not
count, however the words read:

- a non-apology ("sorry you feel that way"; ``non_apologies``);
- a sorry that laughs or winks ("sorry it wasn't the Ritz 😂", "sorry our wifi isn't up to your
  standards 🙃"): laughter and ironic emoji make it mock regret;
- an apology taken back by a contrast after it ("sorry to hear that, but you're wrong", "we
  understand, but that's your problem"): what follows "but" is what the sentence says ("yet"
  contrasts only as a conjunction: "sorry nobody's called yet" still apologises).

Verbs of sympathy that name no regret of their own ("understand", "hear") count only with the
brand as their subject: "we understand" sympathises, "your followers will understand" does not.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon, non_apology, valence_of_word
from voicelint.conditions.ridicule import is_mock_regret
from voicelint.nlp import tokens

NAME = "apology"
VALUES = ()
# verbs of sympathy: they apologise only when the brand is who understands or hears
SYMPATHY_VERBS = frozenset({"understand", "hear", "understandable"})
# a contrast that takes back what came before it in the sentence
CONTRASTS = frozenset({"but", "however", "though", "yet"})
SPEAKERS = frozenset({"we", "i", "totally", "completely", "fully", "do", "absolutely"})


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    norms = tokens(view.analysis.doc).norms[sentence.first : sentence.end]
    return apologises(norms)


def apologises_anywhere(view: Any) -> bool:
    """Whether any sentence of the draft apologises or sympathises."""
    norms = tokens(view.analysis.doc).norms
    return any(apologises(norms[s.first : s.end]) for s in view.analysis.sentences)


def apologises(norms: list[str]) -> bool:
    """Whether a sentence's norms apologise or sympathise (see the module's docstring)."""
    words = lexicon()
    if non_apology(norms):
        return False
    if any(w in words["laughter"] or is_mock_regret(w) for w in norms):
        return False  # "sorry it wasn't the Ritz 😂": a sorry that laughs is mock regret
    found = [
        k
        for k, w in enumerate(norms)
        if (w in words["apology"] and _counts(norms, k)) or _gets_it(norms, k)
    ]
    if not found:
        return False
    last = max(found)
    return not any(_contrasts(norms, k) for k in range(last + 1, len(norms)))


def _contrasts(norms: list[str], k: int) -> bool:
    """Whether the word at ``k`` opens a contrast; "yet" only as a conjunction after a comma or
    "and" ("we understand, yet rules are rules"), not as the adverb of time ("sorry nobody's
    called yet")."""
    if norms[k] not in CONTRASTS:
        return False
    if norms[k] != "yet":
        return True
    before = next((w for w in reversed(norms[:k]) if w.strip()), "")
    return before in {",", ";", "and", "—", "–"}


# what the brand "gets" when it says it understands: "we get it", "totally get the frustration"
GOT = frozenset({"it", "that", "why", "how"})
FEELING_OF = frozenset({"the", "your"})


def _gets_it(norms: list[str], k: int) -> bool:
    """ "We get it", "I totally get that", "totally get the frustration": "get" as a verb of
    understanding, with the brand or an adverb of degree before it and what is understood after
    (a feeling VADER scores negative after "the" or "your": "we get your order out" is no
    sympathy)."""
    if norms[k] != "get" or k + 1 >= len(norms):
        return False
    if norms[k + 1] not in GOT and not (
        norms[k + 1] in FEELING_OF and k + 2 < len(norms) and valence_of_word(norms[k + 2]) < 0
    ):
        return False
    before = [w for w in norms[max(0, k - 2) : k] if w.strip()]
    return bool(before) and before[-1] in SPEAKERS


def _counts(norms: list[str], k: int) -> bool:
    if norms[k] not in SYMPATHY_VERBS:
        return True
    before = [w for w in norms[max(0, k - 3) : k] if w.strip()]
    if norms[k] == "understandable":
        return True  # "that's understandable" concedes the customer's feeling
    return any(w in {"we", "i", "we're", "i'm"} for w in before) or (
        norms[k] == "hear" and any(w in {"sorry", "sad", "sorry to"} for w in before)
    )
