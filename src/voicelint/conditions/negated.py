"""``negated``: the hit lies in a negation's scope ("we can't guarantee", "never cures")."""

from __future__ import annotations

from typing import Any

NAME = "negated"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    return sentence is not None and any(i in sentence.negated for i in view.tokens)
