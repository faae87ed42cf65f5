"""``valence: negative | positive``: the feeling of the hit's sentence, from VADER's validated lexicon.

``negative``: a compound score at or below -0.3, or a word of clearly negative valence (VADER
-1.5 or lower) outside a negation's scope ("not bad" is not negative). ``positive``: a compound
score of 0.3 or more and no such word.
"""

from __future__ import annotations

from typing import Any

NAME = "valence"
VALUES = ("negative", "positive")


def holds(view: Any, value: str) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    if value == "negative":
        return sentence.negative
    return sentence.valence >= 0.3 and not sentence.negative_words
