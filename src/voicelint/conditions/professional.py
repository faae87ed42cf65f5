"""``professional``: the hit's sentence names a health professional (talk to your doctor, ask a
pharmacist, see your dentist).

Sending the reader to a doctor about a condition is advice, not a claim that a product treats it;
a disease rule says ``unless: [professional]`` (``lexicons/claims/topics.yaml``:
``professionals``).
"""

from __future__ import annotations

from typing import Any

from voicelint.conditions.topics import has_word, lexicon

NAME = "professional"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    words = view.words
    return has_word(words, words, lexicon()["professionals"])
