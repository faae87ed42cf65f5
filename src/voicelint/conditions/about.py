"""``about: reader | brand | competitor | third_party | group``: whom the hit's sentence speaks of.

From the sentence's pronouns and names (see ``analysis``): ``reader`` is "you"/"your" and the
stand-ins "someone" and "some people"; ``competitor`` a name from ``voice.competitors`` or "they"
after one; ``group`` "some people", "someone".
"""

from __future__ import annotations

from typing import Any

NAME = "about"
VALUES = ("reader", "brand", "competitor", "third_party", "group")


def holds(view: Any, value: str) -> bool:
    return view.sentence is not None and value in view.sentence.about
