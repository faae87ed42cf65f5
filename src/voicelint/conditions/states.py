"""``states: CLASS``: the draft states somewhere what a disclosure rule asks for (an APR, a risk
warning, a safer-gambling message, an offer's terms...).

The classes are word classes in ``lexicons/statements.yaml``, matched on lemmas anywhere in the
post. A rule about a trigger term that requires a disclosure says it in ``unless``:
``unless: [{states: apr}]`` flags "$199 a month for 60 months" but not the same line with its APR
(Reg Z, 12 CFR 1026.24(d)). Read once per post and class. A statement inside a negation's scope
is not made: "our members have never lost money" states no risk warning. A free offer's
conditions (``free_conditions``) count only outside a footnote: "*with purchase of a plan" under
"FREE inspection*" is not stated at the outset (16 CFR 251.1(c)).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.care import negation_scope
from voicelint.conditions.supposed import supposed_at
from voicelint.nlp import PhraseList, tokens

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


# Statements a footnote cannot make: a free offer's conditions must stand with the offer, and
# "terms set forth in a footnote ... to which reference is made by an asterisk" are not
# disclosed at the outset (16 CFR 251.1(c)).
AT_THE_OUTSET = frozenset({"free_conditions"})
MARKS = frozenset({"*", "†", "**"})


def holds(view: Any, value: str) -> bool:
    doc = view.analysis.doc
    spans = _phrases(value).find(doc)
    if not spans:
        return False
    if value in AT_THE_OUTSET:
        notes = _footnotes(doc)
        spans = [span for span in spans if not any(a <= span.first < b for a, b in notes)]
    # a statement denied is not made: "we've never lost money" is no risk warning; a case
    # supposed is a term stated ("if the balance isn't paid in full, interest is charged")
    negated = negation_scope(doc, 0, len(doc))
    norms = tokens(doc).norms
    return any(span.first not in negated or supposed_at(norms, span.first) for span in spans)


def _footnotes(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of footnotes: from a mark that opens one ("*" before a word, not after one:
    "*with purchase", not "free*") to the end of its line."""
    notes = []
    for token in doc:
        i = token.i
        if token.text not in MARKS or i + 1 >= len(doc) or not doc[i + 1].is_alpha:
            continue
        if i > 0 and doc[i - 1].is_alpha and not doc[i - 1].whitespace_:
            continue  # "free*": the mark that refers, not the note
        end = i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        notes.append((i, end))
    return notes
