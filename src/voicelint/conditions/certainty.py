"""``certainty: absolute``: the hit's sentence states its result as sure (guaranteed, always, 100%...),
outside a negation's scope; ``certainty: hedged``: it qualifies it (may, up to, results vary)."""

from __future__ import annotations

from typing import Any

NAME = "certainty"
VALUES = ("absolute", "hedged")


def holds(view: Any, value: str) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    if value == "absolute":
        return bool(sentence.absolute) and not sentence.hedged
    return sentence.hedged
