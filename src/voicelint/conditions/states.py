"""``states: CLASS``: the draft states somewhere what a disclosure rule asks for (an APR, a risk
warning, a safer-gambling message, an offer's terms...).

The classes are word classes in ``lexicons/statements.yaml``, matched on lemmas anywhere in the
post. A rule about a trigger term that requires a disclosure says it in ``unless``:
``unless: [{states: apr}]`` flags "$199 a month for 60 months" but not the same line with its APR
(Reg Z, 12 CFR 1026.24(d)). Read once per post and class. A statement inside a negation's scope
is not made: "our members have never lost money" states no risk warning.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.care import negation_scope
from voicelint.nlp import PhraseList

NAME = "states"
POST_WIDE = True  # the same for every hit of a post
AFTER_A_HIT = True  # reads the whole draft: asked only once the rule has a hit


@cache
def _classes() -> dict[str, Any]:
    data = lexicon_file.load("statements")
    return {str(key): value for key, value in data.items()}


VALUES = tuple(_classes())


@cache
def _phrases(value: str) -> Any:
    return PhraseList.of(_classes()[value], name=f"statements:{value}")


def holds(view: Any, value: str) -> bool:
    doc = view.analysis.doc
    spans = _phrases(value).find(doc)
    if not spans:
        return False
    # a statement denied is not made: "we've never lost money" is no risk warning
    negated = negation_scope(doc, 0, len(doc))
    return any(span.first not in negated for span in spans)
