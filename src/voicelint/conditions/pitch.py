"""``pitch``: the draft sells something to the reader (a request to try, buy, order or message; a
link in a bio; help announced as arriving).

Read from the whole draft: a sentence whose speech act is a request and whose first word is a
pitch verb (``lexicons/claims/topics.yaml``: ``pitch_verbs``), or a pitch cue anywhere
(``pitch_phrases``). A question about a disease is advice in a doctor's post and an implied
treatment claim in a post that then sells: "Do you suffer from X? Try Y" (21 CFR 101.93(g)(2)).
"""

from __future__ import annotations

from typing import Any

from voicelint.conditions.topics import lexicon
from voicelint.nlp import tokens

NAME = "pitch"
VALUES = ()
POST_WIDE = True  # the same for every hit of a post
AFTER_A_HIT = True  # reads the whole draft: asked only once the rule has a hit


def holds(view: Any, value: Any = None) -> bool:
    words = lexicon()
    table = tokens(view.analysis.doc)
    norms = table.norms
    verbs = words["pitch_verbs"]
    for sentence in view.analysis.sentences:
        if sentence.act != "request":
            continue
        first = next((w for w in norms[sentence.first : sentence.end] if w.isalpha()), "")
        if first in verbs:
            return True
    return bool(words["pitch_phrases"].any_in(view.analysis.doc))
