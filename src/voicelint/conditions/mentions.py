"""``mentions: investment | earnings | environment``: the draft names a word of the topic somewhere.

A post-wide test for rules whose words are claims only in a topic: "it's time to buy" urges an
investment in a post about Bitcoin and is a sale elsewhere (``lexicons/claims/topics.yaml``:
``topics``). Hashtags count: "#Bitcoin" names Bitcoin.
"""

from __future__ import annotations

from typing import Any

from voicelint.conditions.topics import lexicon

NAME = "mentions"
VALUES = ("investment", "earnings", "environment")
POST_WIDE = True  # the same for every hit of a post
AFTER_A_HIT = True  # reads the whole draft: asked only once the rule has a hit


def holds(view: Any, value: str) -> bool:
    return bool(lexicon()["topics"][value].any_in(view.analysis.doc))
