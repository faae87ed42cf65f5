"""``certainty: absolute``: the hit's sentence states its result as sure (guaranteed, always, 100%...),
outside a negation's scope; ``certainty: hedged``: it qualifies it (may, up to, results vary).

"Every" and "each" are certainty only when they quantify who gets a result or when it comes
("every kid", "every time"), as in the claim grammar: "every lender has its own criteria" states
nothing as sure (``lexicons/claims/outcomes.yaml``: ``quantifiers``, ``quantified_people``,
``quantified_times``, ``subjects``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.lexicon import load
from voicelint.nlp import tokens

NAME = "certainty"
VALUES = ("absolute", "hedged")


@cache
def _quantifiers() -> tuple[frozenset[str], frozenset[str]]:
    data = load("claims/outcomes")
    over = data["quantified_people"] + data["quantified_times"] + data["subjects"]
    return frozenset(data["quantifiers"]), frozenset(str(w) for w in over)


def holds(view: Any, value: str) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    if value == "absolute":
        return not sentence.hedged and any(_certain(view, i) for i in sentence.absolute)
    return sentence.hedged


def _certain(view: Any, i: int) -> bool:
    table = tokens(view.analysis.doc)
    quantifiers, over = _quantifiers()
    if table.norms[i] not in quantifiers:
        return True
    j = i + 1
    while j < len(table.norms) and (not table.norms[j].strip() or table.norms[j] == "single"):
        j += 1
    return j < len(table.norms) and (table.norms[j] in over or table.lemmas[j] in over)
