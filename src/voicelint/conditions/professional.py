"""``professional``: the hit's sentence, or the one right after it, names a health professional
(talk to your doctor, ask a pharmacist, book an appointment with your GP).

Sending the reader to a doctor about a condition is advice, not a claim that a product treats it:
"Struggling with eczema? See your GP." A disease rule says ``unless: [professional]``
(``lexicons/claims/topics.yaml``: ``professionals``). Only the next sentence counts, so a stock
"ask your doctor before use" at the end of a long pitch does not excuse the pitch; nor does it
excuse a sentence about the brand's own product ("our gummies cure colds. Ask your doctor."):
advice speaks of what the reader does, not of what we sell. A testimony is no advice either:
"my anemia was gone, my doctor couldn't believe it" tells a cure.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from voicelint.conditions.topics import lexicon
from voicelint.nlp import tokens

NAME = "professional"
TESTIMONY = frozenset({"i", "my", "me", "i'm", "i've"})  # the writer's own cure, told
VALUES = ()


def names_one(view: Any) -> bool:
    """Whether the hit's sentence or the one right after it names a health professional."""
    analysis = view.analysis
    index = bisect_right(analysis.starts, view.start) - 1
    if index < 0:
        return False
    first = analysis.bounds[index][0]
    end = analysis.bounds[min(index + 1, len(analysis.bounds) - 1)][1]
    return bool(lexicon()["professionals"].any_in(analysis.doc, first, end))


def holds(view: Any, value: Any = None) -> bool:
    if not names_one(view):
        return False
    norms = tokens(view.analysis.doc).norms
    sentence = view.sentence
    if sentence is None:
        return True
    own = {w for w in norms[sentence.first : sentence.end]} & TESTIMONY
    # "will this clear my acne?" voices the reader's question, not the writer's cure
    return "brand" not in sentence.about and not (own and sentence.act == "statement")
