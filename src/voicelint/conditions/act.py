"""``act: question | request | statement``: the speech act of the hit's sentence."""

from __future__ import annotations

from typing import Any

NAME = "act"
VALUES = ("question", "request", "statement")


def holds(view: Any, value: str) -> bool:
    return view.sentence is not None and view.sentence.act == value
