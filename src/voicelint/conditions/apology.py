"""``apology``: the hit's sentence apologises or sympathises (sorry, apologise, we understand).

Read from the sentence's words in ``lexicons/analysis.yaml`` (``apology``); a non-apology ("sorry
you feel that way") does not count.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon
from voicelint.nlp import tokens

NAME = "apology"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    words = lexicon()
    norms = tokens(view.analysis.doc).norms[sentence.first : sentence.end]
    text = " ".join(norms)
    if any(f" {p} " in f" {text} " for p in words["non_apologies"]):
        return False
    return any(w in words["apology"] for w in norms)
