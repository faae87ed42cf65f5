"""``offers_help``: the post offers help or hands the matter to a channel (DM us, call, we'll fix it).

Read from the whole draft: the brand as subject of a future or offering verb ("we'll", "we can",
"let us"), or a request that sends the reader to a channel (``lexicons/analysis.yaml``:
``help_verbs``, ``channels``).
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon
from voicelint.nlp import tokens

NAME = "offers_help"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    words = lexicon()
    norms = tokens(view.analysis.doc).norms
    for sentence in view.analysis.sentences:
        span = norms[sentence.first : sentence.end]
        if "brand" in sentence.about and any(w in words["help_verbs"] for w in span):
            return True
        if sentence.act == "request" and any(w in words["channels"] for w in span):
            return True
    return False
