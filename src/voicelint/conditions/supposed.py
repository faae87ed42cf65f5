"""``supposed``: the hit sits in a clause that supposes a case or states a purpose, not a fact.

A subordinate clause opened by a word of condition, time or purpose (``supposing`` in
``lexicons/analysis.yaml``: "if", "once", "until", "unless", "so that"; "so" before "you" or
"your") before the hit in its sentence, with no clause break between: "once a GP has reviewed
your records, they can issue a repeat", "until a dentist reviews your scan", "so your
prescription isn't held up" speak of any patient's records, not of this one's. A past-tense "when
you came in" is no supposition: it opens the hit itself.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon
from voicelint.nlp import tokens

NAME = "supposed"
VALUES = ()
# what ends a subordinate clause before the hit: a stop, a semicolon or a dash
BREAKS = frozenset({".", ";", "!", "?", "—", "–"})
# "so" opens a purpose only before the reader or their things: "so your order isn't held up"
PURPOSE_AFTER_SO = frozenset({"you", "your", "you're", "you'll", "that"})


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    return supposed_at(tokens(view.analysis.doc).norms, view.tokens.start, sentence.first)


def supposed_at(norms: list[str], index: int, first: int = 0) -> bool:
    """Whether a word of condition, time or purpose opens the clause of the token at ``index``,
    read back no further than token ``first`` (also the ``states`` condition's test of a term
    stated as a supposed case: "if the balance isn't paid in full, interest is charged")."""
    openers = set(lexicon()["supposing"])
    for i in range(index - 1, first - 1, -1):
        word = norms[i]
        if word in BREAKS:
            return False
        if word in openers:
            return True
        if word == "so" and i + 1 < len(norms) and norms[i + 1] in PURPOSE_AFTER_SO:
            return True
    return False
