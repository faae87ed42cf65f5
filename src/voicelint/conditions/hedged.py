"""``hedged``: the hit's sentence qualifies what it says (may, might, up to, results vary, terms apply)."""

from __future__ import annotations

from typing import Any

NAME = "hedged"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    return view.sentence is not None and view.sentence.hedged
